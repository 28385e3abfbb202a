"""Any registered questionnaire's chart as a reportlab Drawing (no Qt), for the PDF.

The same design as ui/instrument_chart_view.py: the primary score of each questionnaire
in date order, the bands as soft strips (labelled), the reference lines dashed and
labelled, markers per kind as in the PSS-10 chart (circle screening, square final,
triangle follow-up). Every rule comes from the registry (core/instruments.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect
from reportlab.lib import colors

from coachdesk.core.instrument import Instrument, text
from coachdesk.reports import fonts
from coachdesk.reports.parts import QuestionnaireRow
from coachdesk.reports.pss10_chart import INK, MUTED, SERIES, _marker, _text, fmt_date

fonts.register()

BAND_FILLS = (
    colors.HexColor("#f6e4e1"),
    colors.HexColor("#f6efdc"),
    colors.HexColor("#eef5ee"),
    colors.HexColor("#e6eef6"),
)
REF = colors.HexColor("#7a1f1f")


def draw_instrument_chart(
    inst: Instrument,
    rows: Sequence[QuestionnaireRow],
    width_pt: float,
    height_pt: float,
    lang: str = "da",
    font_name: str = fonts.REGULAR,
) -> Drawing:
    d = Drawing(width_pt, height_pt)
    spec = inst.primary_spec()
    lo, hi = spec.lo, spec.hi
    left, right, top, bottom = 28.0, 8.0, 12.0, 24.0
    pw, ph = width_pt - left - right, height_pt - top - bottom

    def y(v: float) -> float:
        return bottom + (v - lo) / (hi - lo) * ph

    d.add(
        _text(
            left, height_pt - 9, f"{text(spec.name, lang)} ({lo:g}-{hi:g})", font_name, color=MUTED
        )
    )
    for i, b in enumerate(inst.bands):
        top_v = min(b.hi + (1 if spec.integer else 0), hi)
        d.add(
            Rect(
                left, y(b.lo), pw, y(top_v) - y(b.lo), fillColor=BAND_FILLS[i % 4], strokeColor=None
            )
        )
        d.add(
            _text(
                left + pw - 3,
                y(b.lo) + 2.5,
                inst.band_label(b.key, lang),
                font_name,
                size=6.5,
                anchor="end",
                color=MUTED,
            )
        )
    d.add(Rect(left, bottom, pw, ph, fillColor=None, strokeColor=INK, strokeWidth=0.6))
    for t in sorted({lo, hi, *(r.value for r in inst.ref_lines)}):
        d.add(_text(left - 3, y(t) - 2.5, f"{t:g}", font_name, anchor="end"))
    for r in inst.ref_lines:
        d.add(
            Line(
                left,
                y(r.value),
                left + pw,
                y(r.value),
                strokeColor=REF,
                strokeWidth=0.9,
                strokeDashArray=[3, 2],
            )
        )
        d.add(_text(left + 3, y(r.value) + 2, text(r.label, lang), font_name, size=6.5, color=REF))
    n = len(rows)
    pts: list[float] = []
    for i, row in enumerate(rows):
        x = left + pw * (i + 1) / (n + 1)
        d.add(_text(x, bottom - 9, fmt_date(row.date, lang), font_name, size=6.5, anchor="middle"))
        if row.value is not None:
            pts += [x, y(row.value)]
    if len(pts) >= 4:
        d.add(PolyLine(pts, strokeColor=SERIES, strokeWidth=1.2))
    scored = [r for r in rows if r.value is not None]
    for k, row in enumerate(scored):
        x, yy = pts[2 * k], pts[2 * k + 1]
        d.add(_marker(row.kind, x, yy, hollow=False))
        d.add(_text(x + 5, yy + 4, f"{row.value:g}", font_name, size=7))
    return d
