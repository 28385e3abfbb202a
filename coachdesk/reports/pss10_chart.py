"""The PSS-10 before/after chart and the item comparison as reportlab Drawings (no Qt).

Draws core/pss10_chart.ChartData in the same design as ui/pss10_chart_view.py:
totals over time with a marker per kind (circle screening, square final, triangle
follow-up; hollow when prorated), the admission threshold and the national high-stress
line told apart by dash pattern, soft bands, and the verdict in words. Everything
is readable in grey-scale. Text is chosen from LABELS (Danish and English, read from the
catalogue, core/texts.py): the PDF cannot use Qt's translator.
"""

from __future__ import annotations

import datetime as dt
import math

from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from coachdesk.core import pss10, texts
from coachdesk.core.pss10_chart import ChartData, ItemComparison
from coachdesk.reports import fonts

fonts.register()

# The chart's words: section "pss10_chart" of coachdesk/i18n/texts.<lang>.json.
LABELS: dict[str, dict[str, str]] = {
    lang: texts.catalogue(lang)["pss10_chart"] for lang in texts.LANGS
}

# The design shared with the Qt view: ink, soft band tints (lightness differs, so
# grey-scale keeps them apart) and the series colour (dark enough to read as black).
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
SERIES = colors.HexColor("#1f4e79")
BAND_FILL = {
    "low": colors.HexColor("#eef5ee"),
    "moderate": colors.HexColor("#f6efdc"),
    "high": colors.HexColor("#f3dcd6"),
}
REF_LINE = {"threshold": colors.HexColor("#7a1f1f"), "national_high": colors.HexColor("#444444")}
FONT_SIZE = 7.5
MARKER = 3.2


def label(key: str, lang: str, **values: object) -> str:
    table = LABELS.get(lang, LABELS["da"])
    return table[key].format(**values)


def fmt_date(day: dt.date, lang: str) -> str:
    return day.strftime("%d.%m.%Y") if lang == "da" else day.isoformat()


def fmt_number(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "da" else text


def fmt_signed(value: int) -> str:
    # U+2212 is not in the base-14 fonts' encoding: a hyphen reads as minus there.
    return f"+{value}" if value > 0 else str(value)


def verdict_lines(data: ChartData, lang: str) -> list[str]:
    """The verdict in words, one line each (the Qt view composes the same lines)."""
    lines: list[str] = []
    v = data.verdict
    if data.empty:
        lines.append(label("no_data", lang))
    elif v is None:
        lines.append(label("no_change_yet", lang))
    else:
        lines.append(
            label(
                "points",
                lang,
                before=v.before,
                after=v.after,
                before_date=fmt_date(v.before_date, lang),
                after_date=fmt_date(v.after_date, lang),
                diff=fmt_signed(v.difference),
            )
        )
        rule = label(
            "reliable_rule",
            lang,
            points=v.reliable_points,
            sd=fmt_number(v.sd, lang),
            r=fmt_number(v.r, lang),
        )
        lines.append(f"{label(v.reliable_change, lang)}: {rule}")
        key = "clinically_important" if v.clinically_important else "not_clinically_important"
        lines.append(label(key, lang, mcid=v.mcid_points))
    if data.without_total:
        lines.append(label("no_total", lang, n=len(data.without_total)))
    return lines


def _marker(kind: str, x: float, y: float, hollow: bool, size: float = MARKER) -> Rect | Polygon:
    fill = colors.white if hollow else SERIES
    common = {"fillColor": fill, "strokeColor": SERIES, "strokeWidth": 1.1}
    if kind == "final":
        return Rect(x - size, y - size, 2 * size, 2 * size, **common)
    if kind == "followup":
        s = size * 1.25
        return Polygon([x - s, y - s * 0.85, x + s, y - s * 0.85, x, y + s], **common)
    # A circle as a 16-gon: renders identically in every PDF viewer and in renderPM.
    pts: list[float] = []
    for i in range(16):
        a = 2 * math.pi * i / 16
        pts += [x + size * 1.1 * math.cos(a), y + size * 1.1 * math.sin(a)]
    return Polygon(pts, **common)


def _text(
    x: float,
    y: float,
    text: str,
    font: str,
    size: float = FONT_SIZE,
    anchor: str = "start",
    color: colors.Color = INK,
) -> String:
    return String(x, y, text, fontName=font, fontSize=size, textAnchor=anchor, fillColor=color)


def draw_pss10_chart(
    data: ChartData,
    width_pt: float,
    height_pt: float,
    lang: str = "da",
    font_name: str = fonts.REGULAR,
    *,
    verdict: bool = True,
) -> Drawing:
    """The totals-over-time chart with reference lines, bands, legend and verdict.

    ``verdict=False`` leaves the verdict lines out, for a page that states it in its own
    paragraph.
    """
    d = Drawing(width_pt, height_pt)
    d.initialFontName = fonts.REGULAR  # not Helvetica: PDF/A embeds every font
    line_h = FONT_SIZE * 1.45
    lines = verdict_lines(data, lang) if verdict else []
    ref_labels = {r.key: label(r.key, lang, value=r.value) for r in data.reference_lines}
    right = max(stringWidth(t, font_name, FONT_SIZE) for t in ref_labels.values()) + 8
    left = 34.0
    bottom = 22 + line_h * (1 + len(lines)) + 4  # x labels, legend row, verdict lines
    top = 6.0
    x0, x1 = left, width_pt - right
    y0, y1 = bottom, height_pt - top
    pw, ph = x1 - x0, y1 - y0

    def ypos(v: float) -> float:
        return y0 + data.y_fraction(v) * ph

    # The first and last measurement sit inside the plot, not on its edges, so the
    # band names at the left edge never run into a point (the "moderat" collision).
    pad = min(36.0, pw * 0.08)

    def xpos(day: dt.date) -> float:
        return x0 + pad + data.x_fraction(day) * (pw - 2 * pad)

    # Bands: soft tints with their name at the plot's left, inside.
    for b in data.bands:
        lo, hi = ypos(b.low - (0 if b.low == 0 else 0.5)), ypos(min(b.high + 0.5, data.y_max))
        d.add(Rect(x0, lo, pw, hi - lo, fillColor=BAND_FILL[b.key], strokeColor=None))
        d.add(
            _text(
                x0 + 3,
                hi - FONT_SIZE - 1.5,
                label(f"band_{b.key}", lang),
                font_name,
                FONT_SIZE - 0.5,
                color=MUTED,
            )
        )

    # Axes with ticks; the y-axis title is rotated along the axis.
    d.add(Line(x0, y0, x0, y1, strokeColor=INK, strokeWidth=0.8))
    d.add(Line(x0, y0, x1, y0, strokeColor=INK, strokeWidth=0.8))
    for t in data.y_ticks:
        d.add(Line(x0 - 3, ypos(t), x0, ypos(t), strokeColor=INK, strokeWidth=0.8))
        d.add(_text(x0 - 5, ypos(t) - FONT_SIZE / 3, str(t), font_name, anchor="end"))
    ytitle = _text(0, 0, label("y_axis", lang), font_name, anchor="middle")
    g = Group(ytitle)
    g.transform = (0, 1, -1, 0, 9, y0 + ph / 2)
    d.add(g)
    for day in data.x_ticks:
        x = xpos(day)
        d.add(Line(x, y0 - 3, x, y0, strokeColor=INK, strokeWidth=0.8))
        d.add(_text(x, y0 - 3 - FONT_SIZE, fmt_date(day, lang), font_name, anchor="middle"))

    d.add(_text(x1 + 4, y0 - 3 - FONT_SIZE, label("x_axis", lang), font_name, color=MUTED))

    # Reference lines, labelled in the right margin; dash patterns tell them apart.
    for r in data.reference_lines:
        y = ypos(r.value)
        d.add(
            Line(
                x0,
                y,
                x1,
                y,
                strokeColor=REF_LINE[r.key],
                strokeWidth=1.1,
                strokeDashArray=list(r.dash),
            )
        )
        ty = y + 2 if r.label_above else y - FONT_SIZE + 0.5
        d.add(_text(x1 + 4, ty, ref_labels[r.key], font_name, color=REF_LINE[r.key]))

    # The series: one solid line through the totals, a marker per kind, the total above.
    if data.points:
        coords: list[float] = []
        for p in data.points:
            coords += [xpos(p.date), ypos(p.total)]
        if len(data.points) > 1:
            d.add(PolyLine(coords, strokeColor=SERIES, strokeWidth=1.4))
        for p in data.points:
            x, y = xpos(p.date), ypos(p.total)
            d.add(_marker(p.kind, x, y, p.prorated))
            text = f"{p.total}*" if p.prorated else str(p.total)
            d.add(_text(x, y + MARKER + 3, text, font_name, FONT_SIZE + 0.5, anchor="middle"))
    else:
        d.add(
            _text(
                x0 + pw / 2,
                y0 + ph / 2,
                label("no_data", lang),
                font_name,
                FONT_SIZE + 1,
                anchor="middle",
                color=MUTED,
            )
        )

    # Legend row: the three markers and the hollow (prorated) one.
    ly = y0 - 3 - FONT_SIZE - line_h - 2
    x = x0
    for kind in ("screening", "final", "followup"):
        d.add(_marker(kind, x + MARKER, ly + FONT_SIZE / 3, False))
        text = label(f"kind_{kind}", lang)
        d.add(_text(x + 2 * MARKER + 4, ly, text, font_name))
        x += 2 * MARKER + 4 + stringWidth(text, font_name, FONT_SIZE) + 12
    d.add(_marker("screening", x + MARKER, ly + FONT_SIZE / 3, True))
    d.add(_text(x + 2 * MARKER + 4, ly, "* " + label("prorated", lang), font_name))

    # The verdict in words, under the legend.
    vy = ly - line_h - 2
    for i, text in enumerate(lines):
        d.add(_text(x0, vy - i * line_h, text, font_name, FONT_SIZE + 0.5))
    return d


ITEM_FONT_SIZE = 7.0


def _item_label(c: ItemComparison, lang: str, font: str, max_width: float) -> list[str]:
    """The item's whole wording, wrapped to lines that fit: never cut off with "…"."""
    text = f"{c.item}. {pss10.items(lang)[c.item - 1]}"
    suffix = " (O)" if lang == "da" else " (R)"
    if c.reversed:
        text = text.rstrip("?") + suffix
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line.strip() else line + word
        if line.strip() and stringWidth(trial, font, ITEM_FONT_SIZE) > max_width:
            lines.append(line)
            line = "    " + word  # continuation lines indented under the text
        else:
            line = trial
    lines.append(line)
    return lines


def item_comparison_height(
    data: ChartData, width_pt: float, lang: str = "da", font_name: str = fonts.REGULAR
) -> float:
    """The height the item comparison needs for its wrapped labels (points)."""
    label_w = min(width_pt * 0.55, 260.0)
    lines = sum(len(_item_label(c, lang, font_name, label_w)) for c in data.items)
    return lines * ITEM_FONT_SIZE * 1.25 + len(data.items) * 4 + 16 + 2 * FONT_SIZE * 1.45 + 12


def draw_item_comparison(
    data: ChartData,
    width_pt: float,
    height_pt: float,
    lang: str = "da",
    font_name: str = fonts.REGULAR,
) -> Drawing:
    """Before (circle) and after (square) score of each item, joined by a line."""
    d = Drawing(width_pt, height_pt)
    d.initialFontName = fonts.REGULAR  # not Helvetica: PDF/A embeds every font
    line_h = FONT_SIZE * 1.45
    if not data.items:
        d.add(
            _text(
                width_pt / 2,
                height_pt / 2,
                label("no_change_yet", lang),
                font_name,
                anchor="middle",
                color=MUTED,
            )
        )
        return d
    label_w = min(width_pt * 0.55, 260.0)
    x0, x1 = label_w + 8, width_pt - 10
    bottom = 16 + 2 * line_h + 4  # tick labels, legend, note
    y1 = height_pt - 4
    y0 = bottom

    def xpos(score: float) -> float:
        return x0 + score / pss10.MAX_ANSWER * (x1 - x0)

    for s in range(pss10.MAX_ANSWER + 1):
        x = xpos(s)
        d.add(Line(x, y0, x, y1, strokeColor=colors.HexColor("#dddddd"), strokeWidth=0.6))
        d.add(_text(x, y0 - FONT_SIZE - 2, str(s), font_name, anchor="middle"))
    d.add(Line(x0, y0, x1, y0, strokeColor=INK, strokeWidth=0.8))
    labels = [_item_label(c, lang, font_name, label_w) for c in data.items]
    # Each item's row is as tall as its wrapped label; the markers sit at its middle.
    weights = [len(lab) * ITEM_FONT_SIZE * 1.25 + 4 for lab in labels]
    scale = (y1 - y0) / sum(weights)
    tops = [y1 - sum(weights[:i]) * scale for i in range(len(weights))]
    for i, c in enumerate(data.items):
        y = tops[i] - weights[i] * scale / 2
        lab = labels[i]
        first = y + (len(lab) - 1) * ITEM_FONT_SIZE * 1.25 / 2 - ITEM_FONT_SIZE / 3
        for k, text in enumerate(lab):
            d.add(_text(0, first - k * ITEM_FONT_SIZE * 1.25, text, font_name, ITEM_FONT_SIZE))
        if c.before_score is not None and c.after_score is not None:
            d.add(
                Line(
                    xpos(c.before_score),
                    y,
                    xpos(c.after_score),
                    y,
                    strokeColor=SERIES,
                    strokeWidth=1.2,
                )
            )
        # Equal scores would hide the circle behind the square: nudge them apart.
        nudge = MARKER * 0.8 if c.before_score == c.after_score else 0.0
        if c.before_score is not None:
            d.add(_marker("screening", xpos(c.before_score), y + nudge, False))
        if c.after_score is not None:
            d.add(_marker("final", xpos(c.after_score), y - nudge, False))
    ly = y0 - FONT_SIZE - 2 - line_h
    d.add(_marker("screening", x0 + MARKER, ly + FONT_SIZE / 3, False))
    before = label("before", lang)
    d.add(_text(x0 + 2 * MARKER + 4, ly, before, font_name))
    x = x0 + 2 * MARKER + 4 + stringWidth(before, font_name, FONT_SIZE) + 12
    d.add(_marker("final", x + MARKER, ly + FONT_SIZE / 3, False))
    d.add(_text(x + 2 * MARKER + 4, ly, label("after", lang), font_name))
    d.add(_text(0, ly - line_h, label("reversed", lang), font_name, color=MUTED))
    d.add(_text(0, ly, label("items_title", lang), font_name, color=MUTED))
    return d
