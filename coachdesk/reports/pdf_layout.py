"""The shared look of every CoachDesk PDF: A4, styles, the confidentiality header and
"page x of y" footer, generic metadata, and small table helpers.

Built in memory only (security promise 1: no PDF the coach did not ask for on disk).
The font is DejaVu Sans (reports/fonts.py), embedded as a subset: it covers the names
of every participant, not just the WinAnsi letters.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from coachdesk.reports import fonts, strings

fonts.register()

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X

# Quiet, grey-scale friendly colours: the report is often printed.
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#eef1f4")
ACCENT = colors.HexColor("#2b4c7e")

# Metadata: generic on purpose (security promise 7) - no name, CPR or author.
DOC_TITLE = "CoachDesk-rapport"
DOC_SUBJECT = "Rapport"
DOC_CREATOR = "CoachDesk"

_BASE = ParagraphStyle(
    "base",
    fontName=fonts.REGULAR,
    fontSize=9.5,
    leading=13,
    textColor=INK,
    alignment=TA_LEFT,
    splitLongWords=1,
)
STYLES: dict[str, ParagraphStyle] = {
    "body": _BASE,
    "small": ParagraphStyle("small", parent=_BASE, fontSize=8, leading=10.5, textColor=MUTED),
    "cell": ParagraphStyle("cell", parent=_BASE, fontSize=9, leading=11.5),
    "cellb": ParagraphStyle("cellb", parent=_BASE, fontSize=9, leading=11.5, fontName=fonts.BOLD),
    "title": ParagraphStyle(
        "title",
        parent=_BASE,
        fontName=fonts.BOLD,
        fontSize=18,
        leading=22,
        textColor=ACCENT,
        spaceAfter=2,
    ),
    "subtitle": ParagraphStyle(
        "subtitle", parent=_BASE, fontSize=11, leading=14, textColor=MUTED, spaceAfter=8
    ),
    "h2": ParagraphStyle(
        "h2",
        parent=_BASE,
        fontName=fonts.BOLD,
        fontSize=12.5,
        leading=16,
        textColor=ACCENT,
        spaceBefore=12,
        spaceAfter=5,
        keepWithNext=1,
    ),
    "h3": ParagraphStyle(
        "h3",
        parent=_BASE,
        fontName=fonts.BOLD,
        fontSize=10,
        leading=13,
        spaceBefore=7,
        spaceAfter=2,
        keepWithNext=1,
    ),
    "verdict": ParagraphStyle("verdict", parent=_BASE, fontName=fonts.BOLD),
    # A line that introduces what follows (a table): never left alone at a page bottom.
    "lead": ParagraphStyle("lead", parent=_BASE, keepWithNext=1, spaceBefore=4),
}


# A table sets its cells' font even when they hold Paragraphs; reportlab's default is
# Helvetica, unembedded, which PDF/A forbids. Every table starts with this style.
TABLE_FONT: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR)]


def esc(text: object) -> str:
    """User text into a Paragraph: XML-escaped, line breaks kept, characters the font
    lacks (an emoji) shown as a visible replacement mark, never as an empty box."""
    return escape(fonts.printable(str(text))).replace("\r\n", "\n").replace("\n", "<br/>")


def para(text: str, style: str = "body") -> Paragraph:
    """A Paragraph of *markup* (callers escape user text with ``esc``)."""
    return Paragraph(text, STYLES[style])


def text(value: object, style: str = "body") -> Paragraph:
    """A Paragraph of plain user text."""
    return Paragraph(esc(value), STYLES[style])


def heading(title: str) -> Paragraph:
    return Paragraph(esc(title), STYLES["h2"])


def subheading(title: str) -> Paragraph:
    return Paragraph(esc(title), STYLES["h3"])


def keep(*flowables: Any) -> KeepTogether:
    return KeepTogether(list(flowables))


def spacer(h_mm: float = 3) -> Spacer:
    return Spacer(1, h_mm * mm)


def kv_table(
    rows: Sequence[tuple[str, object]], label_w: float = 48 * mm, width: float = FRAME_W
) -> Table:
    """Label/value pairs, labels in grey: the header blocks and short facts."""
    data = [
        [Paragraph(esc(k), STYLES["small"]), text(v if v not in (None, "") else "–", "cell")]
        for k, v in rows
    ]
    t = Table(data, colWidths=[label_w, width - label_w], hAlign="LEFT", splitInRow=1)
    t.setStyle(
        TableStyle(
            [
                *TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return t


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    *,
    align_right: Sequence[int] = (),
) -> Table:
    """A light table with a shaded header row; cells are plain text (escaped here)."""

    def cell(v: object, style: str) -> Any:
        if isinstance(v, Paragraph):
            return v
        return text("" if v is None else v, style)

    data = [[cell(h, "cellb") for h in header]]
    data += [[cell(v, "cell") for v in row] for row in rows]
    t = Table(data, colWidths=list(col_widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    style = [
        *TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for col in align_right:
        style.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    t.setStyle(TableStyle(style))
    return t


def _canvas_class(header_left: str, footer_left: str, lang: str) -> type[rl_canvas.Canvas]:
    """A canvas that knows the page count when it draws each page's furniture."""
    confidential = strings.tr("Confidential – contains health information", lang)

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            self.saveState()
            self.setFillColor(MUTED)
            self.setFont(fonts.REGULAR, 8)
            top = PAGE_H - 13 * mm
            self.drawString(MARGIN_X, top, fonts.printable(header_left))
            self.setFillColor(INK)
            self.setFont(fonts.BOLD, 8.5)
            self.drawRightString(PAGE_W - MARGIN_X, top, confidential)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, top - 3, PAGE_W - MARGIN_X, top - 3)
            bottom = 11 * mm
            self.line(MARGIN_X, bottom + 9, PAGE_W - MARGIN_X, bottom + 9)
            self.setFillColor(MUTED)
            self.setFont(fonts.REGULAR, 8)
            self.drawString(MARGIN_X, bottom, fonts.printable(footer_left))
            self.drawRightString(
                PAGE_W - MARGIN_X,
                bottom,
                strings.tr("Page {page} of {pages}", lang, page=self._pageNumber, pages=total),
            )
            self.restoreState()

    return NumberedCanvas


def build_pdf(
    story: list[Any],
    *,
    lang: str,
    header_left: str,
    footer_left: str,
    on_canvas: Callable[[rl_canvas.Canvas], None] | None = None,
    title: str = DOC_TITLE,
) -> bytes:
    """Lay out ``story`` on A4 pages in memory and return the PDF bytes.

    ``title`` is the document title a viewer shows (PDF/A: /DisplayDocTitle); it names
    the kind of report only, never the person (security promise 7).
    """
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=DOC_SUBJECT,
        author="",
        creator=DOC_CREATOR,
        keywords="",
        lang="da-DK" if lang == "da" else "en-GB",
        # reportlab's default first font is Helvetica, which it would then reference,
        # unembedded, on every page: PDF/A forbids that (reports/pdfa.py).
        initialFontName=fonts.REGULAR,
    )
    doc.build(story, canvasmaker=_canvas_class(header_left, footer_left, lang))
    return buf.getvalue()
