"""The participant's own copy (GDPR art. 15 access, art. 20 portability): everything.

A readable PDF of every datum about the person - every PSS-10 answer, every job plan
version, every session with its notes, the disclosure log and their audit entries -
with the machine-readable participant file (interchange JSON) attached inside the same
PDF, so one password protects both.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from coachdesk.core import instruments, pss10
from coachdesk.reports import access_log, strings
from coachdesk.reports.caseworker_pdf import (
    accommodations_part,
    attendance_part,
    course_part,
    free_text_part,
    outcome_part,
    pss10_part,
    questionnaires_part,
    sender_rows,
    session_block,
    structured_parts,
    values_part,
)
from coachdesk.reports.content import (
    AccessContent,
    AccommodationsContent,
    ReportContent,
)
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
    if c.course is not None:
        story += course_part(c.course, lang)
    story += structured_parts(c, lang)
    if c.attendance is not None:
        story += attendance_part(c.attendance, lang)
    if a.attendance:
        story.append(subheading(tr("Group sessions", lang)))
        story.append(
            grid_table(
                [tr("Date", lang), tr("Status", lang)],
                [
                    [
                        strings.fmt_date(d, lang),
                        tr("Present", lang) if present else tr("Absent", lang),
                    ]
                    for d, present in a.attendance
                ],
                [40 * mm, 40 * mm],
            )
        )
    if c.pss10 is not None:
        story += pss10_part(c.pss10, lang)
        story += _answers(c, lang)
    if c.questionnaires is not None:
        story += questionnaires_part(c.questionnaires, lang)
        story += _questionnaire_answers(c, lang)
    story += _plans(a, lang)
    if c.outcome is not None:
        story += outcome_part(c.outcome, lang)
    story += [
        heading(strings.label("section", "summary", lang)),
        text(c.summary or tr("No summary has been written.", lang)),
    ]
    story += free_text_part("recommendation", c.recommendation, lang)
    story.append(heading(strings.label("section", "notes", lang)))
    if not c.notes:
        story.append(text(tr("No sessions recorded.", lang)))
    for s in c.notes or ():
        story += session_block(s, lang, ratings=True)
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


def _answers(c: ReportContent, lang: str) -> list[Any]:
    """Every answer of every questionnaire, with the item's wording and its score."""
    tr = strings.tr
    assert c.pss10 is not None
    out: list[Any] = [subheading(tr("Every PSS-10 answer", lang))]
    items = pss10.items(lang)
    labels = pss10.answer_labels(lang)
    for r in c.pss10.rows:
        out.append(
            para(
                f"<b>{esc(strings.label('assessment', r.kind, lang))}</b> "
                f"{esc(strings.fmt_date(r.date, lang))} – {esc(tr('Total (0-40)', lang))}: "
                f"{esc(r.score.total if r.score.total is not None else tr('no total', lang))}"
                + (f" ({esc(tr('prorated', lang))})" if r.score.prorated else ""),
                "lead",
            )
        )
        rows = []
        for i, (ans, sc) in enumerate(zip(r.answers, r.score.item_scores, strict=True), 1):
            note = f" ({tr('reversed', lang)})" if pss10.is_reversed(i) else ""
            rows.append(
                [
                    str(i),
                    f"{pss10.opening(lang)} {items[i - 1]}",
                    tr("no answer", lang) if ans is None else f"{ans} {labels[ans]}",
                    "" if sc is None else f"{sc}{note}",
                ]
            )
        out.append(
            grid_table(
                [" #", tr("Item", lang), tr("Answer", lang), tr("Score", lang)],
                rows,
                [9 * mm, FRAME_W - 84 * mm, 40 * mm, 35 * mm],
            )
        )
    return out


def _questionnaire_answers(c: ReportContent, lang: str) -> list[Any]:
    """Item by item, every answer to the other questionnaires (the registry's wording)."""
    tr = strings.tr
    out: list[Any] = []
    for q in c.questionnaires or ():
        inst = instruments.get(q.instrument)
        out.append(
            subheading(
                tr("Every answer: {name}", lang, name=inst.name.get(lang) or inst.name["en"])
            )
        )
        for r in q.rows:
            out.append(
                para(
                    f"<b>{esc(strings.label('assessment', r.kind, lang))}</b> "
                    f"{esc(strings.fmt_date(r.date, lang))}",
                    "lead",
                )
            )
            rows = []
            for i, (item, ans) in enumerate(zip(inst.items, r.answers, strict=True), 1):
                words = inst.answer_sets[item.answer_set].labels(lang)
                note = f" ({tr('reversed', lang)})" if item.reversed else ""
                rows.append(
                    [
                        str(i),
                        item.wording(lang) + note,
                        tr("no answer", lang)
                        if ans is None
                        else f"{ans} {words[ans - inst.answer_min]}",
                    ]
                )
            out.append(
                grid_table(
                    [" #", tr("Item", lang), tr("Answer", lang)],
                    rows,
                    [9 * mm, FRAME_W - 59 * mm, 50 * mm],
                )
            )
    return out


def _plans(a: AccessContent, lang: str) -> list[Any]:
    tr = strings.tr
    out: list[Any] = [heading(tr("All job plan versions", lang))]
    if not a.job_plan_versions:
        return [*out, text(tr("No job plan has been made yet.", lang))]
    for version, plan in a.job_plan_versions:
        out.append(
            subheading(
                tr("Version {n}", lang, n=version)
                + " – "
                + tr("Last changed", lang).lower()
                + " "
                + _iso(plan.get("updated_on"), lang)
            )
        )
        out.append(kv_table([(tr("Direction", lang), plan.get("direction"))]))
        out += values_part(tuple(plan.get("values") or ()), lang)[1:]
        if plan.get("goals"):
            out.append(
                grid_table(
                    [tr("Goal", lang), tr("Due", lang), tr("Status", lang)],
                    [
                        [
                            g.get("text", ""),
                            _iso(g.get("due"), lang),
                            strings.label("goal", g.get("status"), lang),
                        ]
                        for g in plan["goals"]
                    ],
                    [FRAME_W - 55 * mm, 28 * mm, 27 * mm],
                )
            )
        acc = AccommodationsContent(
            needs=tuple(plan.get("accommodations") or ()),
            hours_now=plan.get("hours_now"),
            hours_target=plan.get("hours_target"),
            hours_steps=tuple(plan.get("hours_steps") or ()),
            updated_on=None,
        )
        out += accommodations_part(acc, lang)[1:]
    return out


def _iso(value: object, lang: str) -> str:
    from coachdesk.reports.caseworker_pdf import _date_str

    return _date_str(value, lang)


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
