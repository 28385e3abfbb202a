"""The layout of the report to the caseworker (status or final): ReportContent -> PDF.

Only lays out what content.py put in; a section that is not there is absent here. The
header is this module's; the body is each chosen section drawn by its registry entry
(reports/sections.py, drawn by reports/parts_pdf.py).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from coachdesk.reports import sections, strings
from coachdesk.reports.content import ReportContent
from coachdesk.reports.parts_pdf import Layout
from coachdesk.reports.pdf_layout import (
    FRAME_W,
    TABLE_FONT,
    build_pdf,
    esc,
    kv_table,
    para,
    spacer,
    subheading,
)

# The statusnotat (mid-course) and the final report carry the same headings; the
# subtitle names the course and the moment, so title and subtitle never repeat.
TITLES = {
    "status_report": "Status note",
    "final_report": "Final report",
    "access_copy": "Participant's copy of their data",
}
SUBTITLES = {
    "status_report": "The course «A working life without stress» – during the course",
    "final_report": "The course «A working life without stress» – at its end",
}


def render(content: ReportContent) -> bytes:
    """The caseworker report as PDF bytes (in memory)."""
    lang = content.lang
    story = header_story(content)
    story += body_story(content)
    return build_pdf(
        story,
        lang=lang,
        title=strings.tr(TITLES[content.kind], lang),
        header_left=_header_left(content),
        footer_left=f"{content.name} · {strings.fmt_date(content.today, lang)}",
    )


def _header_left(c: ReportContent) -> str:
    t = strings.tr(TITLES[c.kind], c.lang)
    return f"{c.organisation} · {t}" if c.organisation else t


def header_story(c: ReportContent) -> list[Any]:
    lang = c.lang
    tr = strings.tr
    story: list[Any] = [
        para(esc(tr(TITLES[c.kind], lang)), "title"),
        para(
            esc(
                tr("The course «A working life without stress»", lang)
                if c.kind not in SUBTITLES
                else tr(SUBTITLES[c.kind], lang)
            ),
            "subtitle",
        ),
    ]
    half = (FRAME_W - 8 * mm) / 2
    sender = kv_table(sender_rows(c), label_w=24 * mm, width=half)
    # A fact that is not known is left out, never printed as "ikke angivet".
    to = [
        (k, v)
        for k, v in (
            (tr("Recipient", lang), c.recipient),
            (tr("Caseworker", lang), c.caseworker_name),
            (tr("Municipality", lang), c.municipality),
        )
        if v
    ]
    receiver = kv_table(to, label_w=26 * mm, width=half) if to else spacer(0)
    from reportlab.platypus import Table, TableStyle

    pair = Table([[sender, receiver]], colWidths=[half + 8 * mm, half], hAlign="LEFT")
    pair.setStyle(
        TableStyle(
            [
                *TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story += [pair, spacer(3), subheading(tr("Participant", lang))]
    ident: list[tuple[str, object]] = [(tr("Name", lang), c.name)]
    if c.cpr_display:
        ident.append(
            (
                tr("CPR number", lang) if c.cpr_is_full else tr("CPR number (masked)", lang),
                c.cpr_display,
            )
        )
    if c.case_ref:
        ident.append((tr("Case reference", lang), c.case_ref))
    if c.contact is not None:
        ident += [(tr("E-mail", lang), c.contact.email), (tr("Phone", lang), c.contact.phone)]
    story.append(kv_table(ident))
    story += [
        subheading(tr("Purpose and legal basis", lang)),
        para(esc(tr("purpose_text", lang)), "small"),
    ]
    if c.consent_given_on:
        story.append(
            para(
                esc(tr("legal_basis_text", lang, date=strings.fmt_date(c.consent_given_on, lang))),
                "small",
            )
        )
    return story


def sender_rows(c: ReportContent) -> list[tuple[str, object]]:
    """Who sends the report and how to reach them: on every report, only what is known
    (the export asks for the coach's details once when they are missing)."""
    tr, lang = strings.tr, c.lang
    rows: list[tuple[str, object]] = [
        (k, v)
        for k, v in (
            (tr("Provider", lang), c.organisation),
            (tr("Coach", lang), c.coach),
            (tr("Contact", lang), c.coach_contact),
        )
        if v
    ]
    return [*rows, (tr("Date", lang), strings.fmt_long_date(c.today, lang))]


def body_story(c: ReportContent) -> list[Any]:
    """The chosen sections in the registry's print order; the statusnotat is shorter."""
    return section_story(c, Layout(c.lang, short=c.kind == "status_report"))


def section_story(c: ReportContent, layout: Layout) -> list[Any]:
    """Each section the content holds, drawn by its registry entry (the own copy too)."""
    story: list[Any] = []
    for section in sections.all_sections():
        if section.draw is not None and section.key in c.parts:
            story += section.draw(c.parts[section.key], layout)
    return story
