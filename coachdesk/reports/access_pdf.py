"""The participant's own copy (GDPR art. 15 access, art. 20 portability): everything.

A readable PDF of every datum about the person - every PSS-10 answer, every job plan
version, every session with its notes, the disclosure log and their audit entries -
with the machine-readable participant file (interchange JSON) attached inside the same
PDF, so one password protects both.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from coachdesk.reports import access_log, strings
from coachdesk.reports.caseworker_pdf import section_story, sender_rows
from coachdesk.reports.content import AccessContent, ReportContent
from coachdesk.reports.parts_pdf import Layout
from coachdesk.reports.pdf_layout import (
    FRAME_W,
    build_pdf,
    esc,
    grid_table,
    heading,
    kv_table,
    para,
    subheading,
    text,
)

ATTACHMENT_NAME = "coachdesk-participant.json"


def render(c: ReportContent) -> bytes:
    """The access copy as PDF bytes (the JSON is attached later, by pdf_security.finish)."""
    assert c.access is not None, "an access copy needs the access content"
    lang, a, tr = c.lang, c.access, strings.tr
    story: list[Any] = [
        para(esc(tr("Participant's copy of their data", lang)), "title"),
        para(esc(tr("The course «A working life without stress»", lang)), "subtitle"),
        kv_table(sender_rows(c)),
        para(esc(tr("access_purpose_text", lang)), "small"),
    ]
    story += _about(c, a, lang)
    # Every section, drawn as for the caseworker but whole: every answer, every job
    # plan version, the session ratings (reports/parts_pdf.Layout.own_copy).
    story += section_story(c, Layout(lang, own_copy=True))
    story += _disclosures(a, lang)
    story += _audit(a, lang)
    return build_pdf(
        story,
        lang=lang,
        header_left=tr("Participant's copy of their data", lang),
        title=tr("Participant's copy of their data", lang),
        footer_left=f"{c.name} · {strings.fmt_date(c.today, lang)}",
    )


def _about(c: ReportContent, a: AccessContent, lang: str) -> list[Any]:
    tr = strings.tr
    rows: list[tuple[str, object]] = [
        (tr("Name", lang), c.name),
        (tr("CPR number", lang), c.cpr_display),
        (tr("Reference", lang), a.ref),
        (tr("Birth year", lang), a.birth_year),
        (tr("E-mail", lang), a.email),
        (tr("Phone", lang), a.phone),
        (tr("Referral date", lang), strings.fmt_date(a.referral_date, lang)),
        (tr("Caseworker", lang), c.caseworker_name),
        (tr("Municipality", lang), c.municipality),
        (tr("E-mail", lang) + " (" + tr("Caseworker", lang).lower() + ")", a.caseworker_email),
        (tr("Case reference", lang), c.case_ref),
    ]
    consent = [
        (tr("Given on", lang), strings.fmt_date(a.consent_given_on, lang)),
        (tr("Scope", lang), "; ".join(strings.label("consent", s, lang) for s in a.consent_scope)),
        (tr("Withdrawn on", lang), strings.fmt_date(a.consent_withdrawn_on, lang)),
    ]
    return [
        heading(tr("About you", lang)),
        kv_table(rows),
        subheading(tr("Consent", lang)),
        kv_table(consent),
    ]


def _disclosures(a: AccessContent, lang: str) -> list[Any]:
    tr = strings.tr
    out: list[Any] = [heading(tr("Who has received your data", lang))]
    if not a.disclosures:
        return [*out, text(tr("No disclosures recorded.", lang))]
    rows = [
        [
            f"{strings.fmt_date(d.at.date(), lang)} {d.at:%H:%M}",
            d.recipient or "–",
            strings.label("kind", d.kind, lang),
            ", ".join(strings.label("section", s, lang) for s in d.sections),
            strings.label("channel", d.channel, lang) if d.channel else "–",
            tr("yes", lang) if d.encrypted else tr("no", lang),
        ]
        for d in a.disclosures
    ]
    return [
        *out,
        grid_table(
            [
                tr("Time (UTC)", lang),
                tr("Recipient", lang),
                tr("Report type", lang),
                tr("Sections", lang),
                tr("Sent by", lang),
                tr("Encrypted", lang),
            ],
            rows,
            [24 * mm, 32 * mm, 24 * mm, FRAME_W - 125 * mm, 24 * mm, 21 * mm],
        ),
    ]


def _audit(a: AccessContent, lang: str) -> list[Any]:
    """The log of reads and changes in plain words (reports/access_log.py): no event
    codes, no JSON, no hashes."""
    tr = strings.tr
    out: list[Any] = [
        heading(tr("Log of reads and changes", lang)),
        para(esc(tr("access_log_intro", lang)), "small"),
    ]
    lines = [access_log.describe(e.at, e.action, e.detail, lang) for e in a.audit]
    if not lines:
        return [*out, text(tr("No entries.", lang))]
    return [
        *out,
        grid_table(
            [tr("When", lang), tr("What was done", lang), tr("Why", lang)],
            [[x.when, x.what, x.why] for x in lines],
            [30 * mm, (FRAME_W - 30 * mm) / 2, (FRAME_W - 30 * mm) / 2],
        ),
    ]
