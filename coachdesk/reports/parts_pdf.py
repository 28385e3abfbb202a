"""How each report section is drawn: its value (reports/parts.py) -> reportlab flowables.

One ``<section>_part`` a section, shared by the caseworker report and the participant's
own copy; ``Layout`` says which of the two is being made (the statusnotat is shorter,
the own copy adds every answer, every job plan version and the session ratings). The
registry (reports/sections.py) names which function draws which section.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm

from coachdesk.core import instruments, pss10
from coachdesk.reports import strings
from coachdesk.reports.instrument_chart import draw_instrument_chart
from coachdesk.reports.parts import (
    AccommodationsContent,
    AttendanceContent,
    CourseContent,
    HoursContent,
    JobPlanContent,
    OutcomeContent,
    ProgressionContent,
    PssContent,
    QuestionnaireContent,
    ResourcesContent,
    SessionContent,
)
from coachdesk.reports.pdf_layout import (
    FRAME_W,
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


@dataclass(frozen=True)
class Layout:
    """Which document a section is drawn into."""

    lang: str
    short: bool = False  # the statusnotat: no themes table, no item comparison, no method
    own_copy: bool = False  # the participant's own copy: everything, every answer


def _week_text(week: int | None, lang: str) -> str:
    if week is None:
        return strings.tr("before the start", lang)
    if week <= 12:
        return strings.tr("week {week} of 12", lang, week=week)
    # Not "week 53": the course has 12 weeks, and the end date is the row above.
    return strings.tr("after the course", lang)


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


def free_text_part(section: str, value: str | None, lang: str) -> list[Any]:
    """A heading and the coach's words, or a plain "not described" line."""
    return [
        heading(strings.label("section", section, lang)),
        text(value) if value else text(strings.tr("Not described.", lang)),
    ]


def hours_plan_table(steps: tuple[dict[str, Any], ...], lang: str) -> Any:
    """The job plan's dated hours steps (from date, hours per week)."""
    tr = strings.tr
    return grid_table(
        [tr("From date", lang), tr("Hours per week", lang)],
        [[_date_str(s.get("from"), lang), strings.fmt_hours(s.get("hours"), lang)] for s in steps],
        [40 * mm, 40 * mm],
        align_right=(1,),
    )


def hours_plan_note(lang: str) -> Any:
    text = "The hours plan is agreed with the workplace and approved by the municipality."
    return para(esc(strings.tr(text, lang)), "small")


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
            plan.append(hours_plan_table(a.hours_steps, lang))
        plan.append(hours_plan_note(lang))
        # A short block: never split the plan from its heading across pages.
        out += [keep(*plan)] if len(a.hours_steps) < 20 else plan
    return out


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
        out.append(hours_plan_table(h.plan_steps, lang))
    if h.breaks:
        out.append(
            text(
                tr("partial_return_warning", lang, weeks=", ".join(str(w) for w in h.breaks)),
                "verdict",
            )
        )
    if not (h.hours_now is not None or h.steps or h.plan_steps or h.return_date):
        out.append(text(tr("Not described.", lang)))
    out.append(hours_plan_note(lang))
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


def progression_part(pr: ProgressionContent, lang: str) -> list[Any]:
    out: list[Any] = [heading(strings.label("section", "progression", lang))]
    out.append(text(pr.text) if pr.text else text(strings.tr("Not described.", lang)))
    out.append(subheading(strings.tr("PSS-10 (perceived stress)", lang)))
    lines = verdict_lines(pr.change, lang)
    out.append(text(lines[0]))
    out += [text(line, "verdict") for line in lines[1:]]
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
        out.append(goals_table(j.goals, lang))
    return out


def goals_table(goals: Sequence[dict[str, Any]], lang: str) -> Any:
    """A job plan's goals: the goal, its due date, its status."""
    tr = strings.tr
    return grid_table(
        [tr("Goal", lang), tr("Due", lang), tr("Status", lang)],
        [
            [
                g.get("text", ""),
                _date_str(g.get("due"), lang),
                strings.label("goal", g.get("status"), lang),
            ]
            for g in goals
        ],
        [FRAME_W - 55 * mm, 28 * mm, 27 * mm],
    )


def _date_str(value: object, lang: str) -> str:
    """Dates inside job plan JSON are ISO strings; print them the report's way."""
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


def notes_part(
    sessions: tuple[SessionContent, ...], lang: str, *, ratings: bool = False
) -> list[Any]:
    """Every conversation; ``ratings``: with its ratings and next appointment (own copy)."""
    out: list[Any] = [heading(strings.label("section", "notes", lang))]
    if not sessions:
        return [*out, text(strings.tr("No sessions recorded.", lang))]
    for s in sessions:
        out += session_block(s, lang, ratings=ratings)
    return out


def pss10_answers(ps: PssContent, lang: str) -> list[Any]:
    """Every answer of every questionnaire, with the item's wording and its score."""
    tr = strings.tr
    out: list[Any] = [subheading(tr("Every PSS-10 answer", lang))]
    items = pss10.items(lang)
    labels = pss10.answer_labels(lang)
    for r in ps.rows:
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


def questionnaire_answers(qs: tuple[QuestionnaireContent, ...], lang: str) -> list[Any]:
    """Item by item, every answer to the other questionnaires (the registry's wording)."""
    tr = strings.tr
    out: list[Any] = []
    for q in qs:
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


def job_plan_versions(versions: tuple[tuple[int, dict[str, Any]], ...], lang: str) -> list[Any]:
    tr = strings.tr
    out: list[Any] = [heading(tr("All job plan versions", lang))]
    if not versions:
        return [*out, text(tr("No job plan has been made yet.", lang))]
    for version, plan in versions:
        out.append(
            subheading(
                tr("Version {n}", lang, n=version)
                + " – "
                + tr("Last changed", lang).lower()
                + " "
                + _date_str(plan.get("updated_on"), lang)
            )
        )
        out.append(kv_table([(tr("Direction", lang), plan.get("direction"))]))
        out += values_part(tuple(plan.get("values") or ()), lang)[1:]
        if plan.get("goals"):
            out.append(goals_table(plan["goals"], lang))
        acc = AccommodationsContent(
            needs=tuple(plan.get("accommodations") or ()),
            hours_now=plan.get("hours_now"),
            hours_target=plan.get("hours_target"),
            hours_steps=tuple(plan.get("hours_steps") or ()),
            updated_on=None,
        )
        out += accommodations_part(acc, lang)[1:]
    return out


def group_sessions(marks: tuple[tuple[dt.date, bool], ...], lang: str) -> list[Any]:
    """The own copy: every roster mark, date by date."""
    if not marks:
        return []
    tr = strings.tr
    return [
        subheading(tr("Group sessions", lang)),
        grid_table(
            [tr("Date", lang), tr("Status", lang)],
            [
                [strings.fmt_date(d, lang), tr("Present", lang) if present else tr("Absent", lang)]
                for d, present in marks
            ],
            [40 * mm, 40 * mm],
        ),
    ]


# --- the registry's entry points: (value, layout) -> flowables --------------------------


def draw_course(v: CourseContent, at: Layout) -> list[Any]:
    return course_part(v, at.lang, short=at.short)


def draw_work_capacity(v: str, at: Layout) -> list[Any]:
    return free_text_part("work_capacity", v, at.lang)


def draw_accommodations(v: AccommodationsContent, at: Layout) -> list[Any]:
    # The caseworker reads the hours plan under "Timetal og optrapning".
    return accommodations_part(v, at.lang, with_hours=False)


def draw_hours(v: HoursContent, at: Layout) -> list[Any]:
    return hours_part(v, at.lang)


def draw_resources(v: ResourcesContent, at: Layout) -> list[Any]:
    return resources_part(v, at.lang)


def draw_progression(v: ProgressionContent, at: Layout) -> list[Any]:
    return progression_part(v, at.lang)


def draw_attendance(v: AttendanceContent, at: Layout) -> list[Any]:
    return attendance_part(v, at.lang) + group_sessions(v.marks, at.lang)


def draw_pss10(v: PssContent, at: Layout) -> list[Any]:
    out = pss10_part(v, at.lang, short=at.short)
    return out + pss10_answers(v, at.lang) if at.own_copy else out


def draw_questionnaires(v: tuple[QuestionnaireContent, ...], at: Layout) -> list[Any]:
    out = questionnaires_part(v, at.lang)
    return out + questionnaire_answers(v, at.lang) if at.own_copy else out


def draw_job_plan(v: JobPlanContent, at: Layout) -> list[Any]:
    # The own copy: every version, each with its values, goals and accommodations.
    return job_plan_versions(v.versions, at.lang) if at.own_copy else job_plan_part(v, at.lang)


def draw_values(v: tuple[str, ...], at: Layout) -> list[Any]:
    return [] if at.own_copy else values_part(v, at.lang)  # own copy: in each version


def draw_outcome(v: OutcomeContent, at: Layout) -> list[Any]:
    return outcome_part(v, at.lang)


def draw_summary(v: str, at: Layout) -> list[Any]:
    return [
        heading(strings.label("section", "summary", at.lang)),
        text(v or strings.tr("No summary has been written.", at.lang)),
    ]


def draw_recommendation(v: str, at: Layout) -> list[Any]:
    return free_text_part("recommendation", v, at.lang)


def draw_notes(v: tuple[SessionContent, ...], at: Layout) -> list[Any]:
    return notes_part(v, at.lang, ratings=at.own_copy)
