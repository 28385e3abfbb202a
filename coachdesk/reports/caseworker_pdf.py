"""The layout of the report to the caseworker (status or final): ReportContent -> PDF.

Only lays out what content.py put in; a section that is None there is absent here.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from coachdesk.core import instruments, pss10
from coachdesk.reports import strings
from coachdesk.reports.content import (
    AccommodationsContent,
    AttendanceContent,
    CourseContent,
    HoursContent,
    JobPlanContent,
    OutcomeContent,
    ProgressionContent,
    PssContent,
    QuestionnaireContent,
    ReportContent,
    ResourcesContent,
    SessionContent,
)
from coachdesk.reports.instrument_chart import draw_instrument_chart
from coachdesk.reports.pdf_layout import (
    FRAME_W,
    TABLE_FONT,
    build_pdf,
    esc,
    grid_table,
    heading,
    keep,
    kv_table,
    para,
    spacer,
    subheading,
    text,
)
from coachdesk.reports.pss10_chart import (
    draw_item_comparison,
    draw_pss10_chart,
    item_comparison_height,
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
    """The sections in print order (content.SECTIONS); the statusnotat is shorter."""
    lang = c.lang
    short = c.kind == "status_report"
    story: list[Any] = []
    if c.course is not None:
        story += course_part(c.course, lang, short=short)
    story += structured_parts(c, lang)
    if c.attendance is not None:
        story += attendance_part(c.attendance, lang)
    if c.pss10 is not None:
        story += pss10_part(c.pss10, lang, short=short)
    if c.questionnaires is not None:
        story += questionnaires_part(c.questionnaires, lang)
    if c.job_plan is not None:
        story += job_plan_part(c.job_plan, lang)
    if c.values is not None:
        story += values_part(c.values, lang)
    if c.outcome is not None:
        story += outcome_part(c.outcome, lang)
    if c.summary is not None:
        story += [
            heading(strings.label("section", "summary", lang)),
            text(c.summary or strings.tr("No summary has been written.", lang)),
        ]
    if c.recommendation is not None:
        story += free_text_part("recommendation", c.recommendation, lang)
    if c.notes is not None:
        story += notes_part(c.notes, lang)
    return story


def structured_parts(c: ReportContent, lang: str) -> list[Any]:
    """Arbejdsevne, skånehensyn, timetal og optrapning, ressourcer og udfordringer,
    progression: the headings the caseworker acts on, in that order."""
    story: list[Any] = []
    if c.work_capacity is not None:
        story += free_text_part("work_capacity", c.work_capacity, lang)
    if c.accommodations is not None:
        story += accommodations_part(c.accommodations, lang, with_hours=False)
    if c.hours is not None:
        story += hours_part(c.hours, lang)
    if c.resources is not None:
        story += resources_part(c.resources, lang)
    if c.progression is not None:
        story += progression_part(c.progression, lang)
    return story


def free_text_part(section: str, value: str | None, lang: str) -> list[Any]:
    """A heading and the coach's words, or a plain "not described" line."""
    return [
        heading(strings.label("section", section, lang)),
        text(value) if value else text(strings.tr("Not described.", lang)),
    ]


def hours_part(h: HoursContent, lang: str) -> list[Any]:
    tr = strings.tr
    out: list[Any] = [heading(strings.label("section", "hours", lang))]
    rows: list[tuple[str, object]] = [
        (tr("Hours per week now", lang), strings.fmt_hours(h.hours_now, lang)),
        (tr("Normal weekly hours", lang), strings.fmt_hours(h.normal_hours, lang)),
    ]
    if h.plan_target is not None:
        rows.append((tr("Target hours per week", lang), strings.fmt_hours(h.plan_target, lang)))
    if h.return_kind or h.return_date:
        what = strings.label("return", h.return_kind, lang) if h.return_kind else ""
        when = strings.fmt_date(h.return_date, lang) if h.return_date else ""
        rows.append((tr("Expected return", lang), " – ".join(x for x in (what, when) if x)))
    out.append(kv_table(rows))
    if h.steps:
        out.append(subheading(tr("Step plan, week by week", lang)))
        out.append(
            grid_table(
                [tr("Week", lang), tr("Hours per week", lang)],
                [[str(s.week), strings.fmt_hours(s.hours, lang)] for s in h.steps],
                [30 * mm, 40 * mm],
                align_right=(0, 1),
            )
        )
    if h.plan_steps:
        out.append(subheading(tr("Hours plan", lang)))
        out.append(
            grid_table(
                [tr("From date", lang), tr("Hours per week", lang)],
                [
                    [_date_str(s.get("from"), lang), strings.fmt_hours(s.get("hours"), lang)]
                    for s in h.plan_steps
                ],
                [40 * mm, 40 * mm],
                align_right=(1,),
            )
        )
    if h.breaks:
        out.append(
            text(
                tr("partial_return_warning", lang, weeks=", ".join(str(w) for w in h.breaks)),
                "verdict",
            )
        )
    if not (h.hours_now is not None or h.steps or h.plan_steps or h.return_date):
        out.append(text(tr("Not described.", lang)))
    out.append(
        para(
            esc(
                tr(
                    "The hours plan is agreed with the workplace and approved by the municipality.",
                    lang,
                )
            ),
            "small",
        )
    )
    return out


def resources_part(r: ResourcesContent, lang: str) -> list[Any]:
    tr = strings.tr
    out: list[Any] = [heading(strings.label("section", "resources", lang))]
    if not r.resources and not r.challenges:
        return [*out, text(tr("Not described.", lang))]
    if r.resources:
        out += [subheading(tr("Resources", lang)), text(r.resources)]
    if r.challenges:
        out += [subheading(tr("Challenges", lang)), text(r.challenges)]
    return out


def progression_part(pr: ProgressionContent, lang: str) -> list[Any]:
    out: list[Any] = [heading(strings.label("section", "progression", lang))]
    out.append(text(pr.text) if pr.text else text(strings.tr("Not described.", lang)))
    out.append(subheading(strings.tr("PSS-10 (perceived stress)", lang)))
    lines = verdict_lines(pr.change, lang)
    out.append(text(lines[0]))
    out += [text(line, "verdict") for line in lines[1:]]
    return out


def _week_text(week: int | None, lang: str) -> str:
    if week is None:
        return strings.tr("before the start", lang)
    if week <= 12:
        return strings.tr("week {week} of 12", lang, week=week)
    return strings.tr("after the course (week {week})", lang, week=week)


def course_part(cc: CourseContent, lang: str, *, short: bool = False) -> list[Any]:
    tr = strings.tr
    rows: list[tuple[str, object]] = [
        (tr("Status", lang), strings.label("status", cc.status, lang)),
        (
            tr("Course start", lang),
            strings.fmt_date(cc.start, lang) or tr("No start date recorded.", lang),
        ),
        (tr("Course end", lang), strings.fmt_date(cc.end, lang)),
        (tr("Course week on the report date", lang), _week_text(cc.week, lang)),
    ]
    if cc.dropout_date:
        rows.append((tr("Dropped out on", lang), strings.fmt_date(cc.dropout_date, lang)))
        if cc.dropout_reason:
            rows.append((tr("Reason", lang), cc.dropout_reason))
    out: list[Any] = [heading(strings.label("section", "course", lang)), kv_table(rows)]
    if cc.themes and not short:
        out.append(subheading(tr("Themes worked with in the individual sessions", lang)))
        out.append(
            grid_table(
                [tr("Themes", lang), tr("Count", lang)],
                [
                    [
                        strings.label("theme", t, lang),
                        tr("1 session", lang) if n == 1 else tr("{n} sessions", lang, n=n),
                    ]
                    for t, n in cc.themes
                ],
                [FRAME_W - 30 * mm, 30 * mm],
                align_right=(1,),
            )
        )
    return out


def attendance_part(a: AttendanceContent, lang: str) -> list[Any]:
    tr = strings.tr
    group = (
        tr(
            "{present} of {recorded} recorded",
            lang,
            present=a.group_present,
            recorded=a.group_recorded,
        )
        if a.group_recorded
        else tr("not recorded", lang)
    )
    if a.group_excused:
        group += tr(" ({excused} with notice of absence)", lang, excused=a.group_excused)
    rows = [
        (tr("Group sessions attended", lang), group),
        (tr("Individual sessions held", lang), tr("{held} of up to 8", lang, held=a.held)),
        (tr("Cancelled", lang), a.cancelled),
        (tr("No-show", lang), a.no_show),
    ]
    return [keep(heading(strings.label("section", "attendance", lang)), kv_table(rows))]


def _total_text(score: pss10.Score, lang: str) -> str:
    if score.total is None:
        return strings.tr("no total", lang)
    t = str(score.total)
    return f"{t} ({strings.tr('prorated', lang)})" if score.prorated else t


def verdict_lines(ch: pss10.Change | None, lang: str) -> list[str]:
    """The change in words: what the caseworker reads instead of an RCI."""
    tr = strings.tr
    if ch is None:
        return [
            tr("The change cannot be computed: a before and an after total are both needed.", lang)
        ]
    lines = [
        tr(
            "Change from {before} to {after} points ({diff:+d}).",
            lang,
            before=ch.before,
            after=ch.after,
            diff=ch.difference,
        ),
        tr(f"verdict_{ch.reliable_change}", lang),
    ]
    if ch.difference < 0:
        lines.append(
            tr("The decrease is clinically important (11 points or more).", lang)
            if ch.clinically_important
            else tr("The decrease is not clinically important (less than 11 points).", lang)
        )
    return lines


def _chart(ps: PssContent, lang: str, short: bool = False) -> list[Any]:
    """The PSS-10 engineer's drawings of the same data the GUI shows (the statusnotat:
    the totals only)."""
    tr = strings.tr
    out: list[Any] = [
        keep(
            subheading(tr("Total score over time", lang)),
            draw_pss10_chart(ps.chart_data, FRAME_W, 62 * mm, lang, verdict=False),
        )
    ]
    if ps.chart_data.items and not short:
        height = item_comparison_height(ps.chart_data, FRAME_W, lang)
        out += [
            keep(
                subheading(tr("Item by item, before and after", lang)),
                draw_item_comparison(ps.chart_data, FRAME_W, height, lang),
            )
        ]
    return out


def pss10_part(ps: PssContent, lang: str, *, short: bool = False) -> list[Any]:
    tr = strings.tr
    out: list[Any] = [heading(strings.label("section", "pss10", lang))]
    if not ps.rows:
        return [*out, text(tr("No PSS-10 has been recorded.", lang))]
    rows = [
        [
            strings.label("assessment", r.kind, lang),
            strings.fmt_date(r.date, lang),
            _total_text(r.score, lang),
            strings.label("band", r.score.band, lang),
        ]
        for r in ps.rows
    ]
    out.append(
        grid_table(
            [tr("Measurement", lang), tr("Date", lang), tr("Total (0-40)", lang), tr("Band", lang)],
            rows,
            [45 * mm, 35 * mm, 45 * mm, FRAME_W - 125 * mm],
        )
    )
    if any(r.score.prorated for r in ps.rows):
        out.append(
            para(esc(tr("A prorated total was computed from 9 of 10 answers.", lang)), "small")
        )
    out += _chart(ps, lang, short)
    out.append(subheading(tr("Change", lang)))
    lines = verdict_lines(ps.change, lang)
    out.append(text(lines[0]))
    out += [text(line, "verdict") for line in lines[1:]]
    if short:
        return out  # the statusnotat: the method is in the final report
    p = ps.params
    out += [
        spacer(1.5),
        para(
            esc(
                tr(
                    "method_text",
                    lang,
                    sd=strings.fmt_number(p.sd, lang, 2),
                    r=strings.fmt_number(p.r, lang, 2),
                    points=p.reliable_points,
                    threshold=p.threshold,
                )
            ),
            "small",
        ),
    ]
    return out


def _num(value: float | None, lang: str) -> str:
    if value is None:
        return strings.tr("no score", lang)
    return strings.fmt_number(value, lang, 2) if value != int(value) else str(int(value))


def questionnaires_part(qs: tuple[QuestionnaireContent, ...], lang: str) -> list[Any]:
    """Each chosen questionnaire beyond PSS-10: its scores and its change verdict, every
    rule from the instrument's registry entry (core/instruments.py)."""
    tr = strings.tr
    out: list[Any] = [heading(strings.label("section", "questionnaires", lang))]
    if not qs:
        return [*out, text(tr("No other questionnaire has been recorded.", lang))]
    for q in qs:
        inst = instruments.get(q.instrument)
        # Every score the instrument reports that this participant has (the CBI: its
        # three scales), then the band when the instrument has bands.
        specs = [
            sp for sp in inst.scores if any(dict(r.fields).get(sp.key) is not None for r in q.rows)
        ]
        specs = specs or [inst.primary_spec()]
        header = [tr("Measurement", lang), tr("Date", lang)]
        header += [f"{sp.name.get(lang) or sp.name['en']} ({sp.lo:g}-{sp.hi:g})" for sp in specs]
        rows = [
            [strings.label("assessment", r.kind, lang), strings.fmt_date(r.date, lang)]
            + [_num(dict(r.fields).get(sp.key), lang) for sp in specs]
            for r in q.rows
        ]
        widths = [32 * mm, 24 * mm]
        if inst.bands:
            header.append(tr("Band", lang))
            for row, r in zip(rows, q.rows, strict=True):
                row.append(inst.band_label(r.band, lang))
            score_w = 32 * mm
            widths += [score_w] * len(specs) + [FRAME_W - 56 * mm - score_w * len(specs)]
        else:
            widths += [(FRAME_W - 56 * mm) / len(specs)] * len(specs)
        out.append(
            keep(
                subheading(inst.name.get(lang) or inst.name["en"]), grid_table(header, rows, widths)
            )
        )
        if any(r.value is not None for r in q.rows):
            out.append(draw_instrument_chart(inst, q.rows, FRAME_W, 55 * mm, lang))
        if q.before is None or q.after is None:
            out.append(text(tr("qverdict_missing", lang), "verdict"))
            continue
        diff = q.after - q.before
        out.append(
            text(
                tr(
                    "From {before} to {after} ({diff}).",
                    lang,
                    before=_num(q.before, lang),
                    after=_num(q.after, lang),
                    diff=("+" if diff > 0 else "") + _num(diff, lang),
                )
            )
        )
        if q.verdict is None or inst.change is None:
            out.append(text(tr("qverdict_none", lang), "verdict"))
        else:
            rule = tr("a change of {points} points or more", lang, points=f"{inst.change.points:g}")
            out.append(text(tr(f"qverdict_{q.verdict}", lang, rule=rule), "verdict"))
    return out


def job_plan_part(j: JobPlanContent, lang: str) -> list[Any]:
    tr = strings.tr
    out: list[Any] = [heading(strings.label("section", "job_plan", lang))]
    if j.updated_on is None and not j.goals and not j.direction:
        return [*out, text(tr("No job plan has been made yet.", lang))]
    out.append(
        kv_table(
            [
                (tr("Direction", lang), j.direction),
                (tr("Last changed", lang), strings.fmt_date(j.updated_on, lang)),
            ]
        )
    )
    if j.goals:
        out.append(subheading(tr("Goals", lang)))
        out.append(
            grid_table(
                [tr("Goal", lang), tr("Due", lang), tr("Status", lang)],
                [
                    [
                        g.get("text", ""),
                        _date_str(g.get("due"), lang),
                        strings.label("goal", g.get("status"), lang),
                    ]
                    for g in j.goals
                ],
                [FRAME_W - 55 * mm, 28 * mm, 27 * mm],
            )
        )
    return out


def _date_str(value: object, lang: str) -> str:
    """Dates inside job plan JSON are ISO strings; print them the report's way."""
    import datetime as dt

    if isinstance(value, str):
        try:
            return strings.fmt_date(dt.date.fromisoformat(value), lang)
        except ValueError:
            return value
    return "" if value is None else str(value)


def values_part(values: tuple[str, ...], lang: str) -> list[Any]:
    out: list[Any] = [heading(strings.label("section", "values", lang))]
    if not values:
        return [*out, text(strings.tr("No values recorded.", lang))]
    return [*out, para("<br/>".join(f"• {esc(v)}" for v in values))]


def accommodations_part(
    a: AccommodationsContent, lang: str, *, with_hours: bool = True
) -> list[Any]:
    """Skånehensyn; ``with_hours``: also the job plan's hours plan (the own copy's job
    plan versions; the caseworker report has it under timetal og optrapning)."""
    tr = strings.tr
    out: list[Any] = [heading(strings.label("section", "accommodations", lang))]
    if a.needs:
        out.append(
            grid_table(
                [tr("Category", lang), tr("Description", lang), tr("Until", lang)],
                [
                    [
                        strings.label("accommodation", n.get("category"), lang),
                        n.get("description", ""),
                        _date_str(n.get("until"), lang),
                    ]
                    for n in a.needs
                ],
                [48 * mm, FRAME_W - 76 * mm, 28 * mm],
            )
        )
        out.append(para(esc(tr("Needs are described by function, not diagnosis.", lang)), "small"))
    else:
        out.append(text(tr("No accommodation needs recorded.", lang)))
    if with_hours and (a.hours_now is not None or a.hours_target is not None or a.hours_steps):
        plan: list[Any] = [
            subheading(tr("Hours plan", lang)),
            kv_table(
                [
                    (tr("Hours per week now", lang), strings.fmt_hours(a.hours_now, lang)),
                    (tr("Target hours per week", lang), strings.fmt_hours(a.hours_target, lang)),
                ]
            ),
        ]
        if a.hours_steps:
            plan.append(spacer(1.5))
            plan.append(
                grid_table(
                    [tr("From date", lang), tr("Hours per week", lang)],
                    [
                        [_date_str(s.get("from"), lang), strings.fmt_hours(s.get("hours"), lang)]
                        for s in a.hours_steps
                    ],
                    [40 * mm, 40 * mm],
                    align_right=(1,),
                )
            )
        plan.append(
            para(
                esc(
                    tr(
                        "The hours plan is agreed with the workplace and approved by the "
                        "municipality.",
                        lang,
                    )
                ),
                "small",
            )
        )
        # A short block: never split the plan from its heading across pages.
        out += [keep(*plan)] if len(a.hours_steps) < 20 else plan
    return out


def outcome_part(o: OutcomeContent, lang: str) -> list[Any]:
    tr = strings.tr
    head = heading(strings.label("section", "outcome", lang))
    if not o.status:
        return [head, text(tr("No outcome recorded yet.", lang))]
    return [
        keep(
            head,
            kv_table(
                [
                    (tr("Status", lang), strings.label("outcome", o.status, lang)),
                    (tr("Hours per week", lang), strings.fmt_hours(o.hours_per_week, lang)),
                    (tr("Recorded on", lang), strings.fmt_date(o.date, lang)),
                ]
            ),
        )
    ]


def session_block(s: SessionContent, lang: str, *, ratings: bool = False) -> list[Any]:
    """One conversation: facts, then notes, the participant's words and actions."""
    tr = strings.tr
    facts = [strings.fmt_date(s.date, lang)]
    if s.start:
        facts.append(s.start)
    if s.minutes:
        facts.append(f"{s.minutes} {tr('min', lang)}")
    facts += [strings.label("mode", s.mode, lang), strings.label("session_status", s.status, lang)]
    out: list[Any] = [subheading(f"{tr('Session {n}', lang, n=s.number)} – {', '.join(facts)}")]
    if s.themes:
        out.append(
            para(
                f"<b>{esc(tr('Themes', lang))}:</b> "
                + esc("; ".join(strings.label("theme", t, lang) for t in s.themes)),
                "small",
            )
        )
    if s.notes:
        out += [para(f"<b>{esc(tr('Notes', lang))}</b>"), text(s.notes)]
    if s.quotes:
        words = tr("The participant's own words", lang)
        out += [para(f"<b>{esc(words)}</b>"), para(f"<i>{esc(s.quotes)}</i>")]
    if s.actions:
        out += [
            para(f"<b>{esc(tr('Agreed actions', lang))}</b>"),
            para("<br/>".join(f"• {esc(a)}" for a in s.actions)),
        ]
    if ratings and s.ratings:
        out.append(
            para(
                f"<b>{esc(tr('Ratings (0-10)', lang))}:</b> "
                + esc(
                    ", ".join(
                        f"{strings.label('rating', k, lang)} {v}" for k, v in s.ratings.items()
                    )
                ),
                "small",
            )
        )
    if ratings and s.next_appointment:
        out.append(
            para(
                f"<b>{esc(tr('Next appointment', lang))}:</b> "
                f"{strings.fmt_date(s.next_appointment.date(), lang)} "
                f"{s.next_appointment:%H:%M}",
                "small",
            )
        )
    return out


def notes_part(sessions: tuple[SessionContent, ...], lang: str) -> list[Any]:
    out: list[Any] = [heading(strings.label("section", "notes", lang))]
    if not sessions:
        return [*out, text(strings.tr("No sessions recorded.", lang))]
    for s in sessions:
        out += session_block(s, lang)
    return out
