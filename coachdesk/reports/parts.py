"""What each report section holds and how it is gathered from the vault.

One frozen dataclass per section's value, and one ``build_<section>(g)`` that makes it
from ``Gathered``: the participant and what every section shares (the countable
sessions and roster marks, the job plan, the report fields, the PSS-10 parameters).
The registry (reports/sections.py) pairs each builder with its layout; content.py
runs the chosen ones. Every PSS-10 number comes from core/pss10.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from coachdesk.core import course, instruments, pss10, pss10_chart, return_plan, vocab
from coachdesk.reports import strings
from coachdesk.store import interchange
from coachdesk.store.models import Participant


@dataclass
class Gathered:
    """What the builders read: one participant as the report sees them.

    ``own_copy``: the participant's own copy (everything, nothing filtered).
    ``sessions`` and ``marks`` are what may be counted (core/plausibility) unless it is
    the own copy. A builder may add a warning (shown in the dialog, printed too)."""

    p: Participant
    lang: str
    today: dt.date
    own_copy: bool
    params: pss10.Params
    sessions: list[Any]
    marks: list[Any]
    instruments: tuple[str, ...] | None  # the questionnaires chosen; None: all
    warnings: list[str] = field(default_factory=list)

    @property
    def plan(self) -> Any:
        return self.p.job_plan

    @property
    def fields(self) -> Any:
        return self.p.report_fields


@dataclass(frozen=True)
class AssessmentRow:
    kind: str
    date: dt.date
    answers: tuple[int | None, ...]
    score: pss10.Score


@dataclass(frozen=True)
class QuestionnaireRow:
    kind: str
    date: dt.date
    answers: tuple[int | None, ...]
    value: float | None  # the instrument's primary score
    band: str | None
    fields: tuple[tuple[str, Any], ...]  # every computed score, as exported


@dataclass(frozen=True)
class QuestionnaireContent:
    """One instrument's results with its change verdict (core/instruments.py)."""

    instrument: str
    rows: tuple[QuestionnaireRow, ...]
    before: float | None  # the first screening's primary score
    after: float | None  # the latest final's
    verdict: str | None  # improved | worsened | no_meaningful_change; None: no rule/data


@dataclass(frozen=True)
class PssContent:
    rows: tuple[AssessmentRow, ...]
    before: pss10.Score | None
    after: pss10.Score | None
    change: pss10.Change | None
    params: pss10.Params
    chart_data: pss10_chart.ChartData


@dataclass(frozen=True)
class CourseContent:
    start: dt.date | None
    end: dt.date | None
    week: int | None
    status: str
    dropout_date: dt.date | None
    dropout_reason: str | None
    themes: tuple[tuple[str, int], ...]  # (theme key, sessions that touched it)


@dataclass(frozen=True)
class AttendanceContent:
    group_present: int
    group_recorded: int
    held: int
    cancelled: int
    no_show: int
    # From the group roster (ui/roster_view): absences called off in advance (afbud).
    group_excused: int = 0
    # The own copy only: every roster mark, (date, present).
    marks: tuple[tuple[dt.date, bool], ...] = ()


@dataclass(frozen=True)
class JobPlanContent:
    direction: str | None
    goals: tuple[dict[str, Any], ...]
    updated_on: dt.date | None
    # The own copy only: every version, (version, the plan as exported).
    versions: tuple[tuple[int, dict[str, Any]], ...] = ()


@dataclass(frozen=True)
class AccommodationsContent:
    needs: tuple[dict[str, Any], ...]
    hours_now: float | None
    hours_target: float | None
    hours_steps: tuple[dict[str, Any], ...]
    updated_on: dt.date | None


@dataclass(frozen=True)
class HoursContent:
    """Timetal og optrapning: hours now, the week-by-week steps, the expected return."""

    normal_hours: float | None
    hours_now: float | None
    steps: tuple[return_plan.Step, ...]
    return_date: dt.date | None
    return_kind: str | None  # full | partial
    breaks: tuple[int, ...]  # weeks that leave less than 4 hours of absence (partial)
    plan_target: float | None  # the job plan's target hours
    plan_steps: tuple[dict[str, Any], ...]  # the job plan's dated steps


@dataclass(frozen=True)
class ResourcesContent:
    resources: str | None
    challenges: str | None


@dataclass(frozen=True)
class ProgressionContent:
    """Progression siden start: the coach's words and the PSS-10 change computed."""

    text: str | None
    change: pss10.Change | None


@dataclass(frozen=True)
class OutcomeContent:
    status: str | None
    hours_per_week: float | None
    date: dt.date | None


@dataclass(frozen=True)
class SessionContent:
    number: int
    date: dt.date
    start: str | None
    minutes: int | None
    mode: str
    status: str
    week: int | None
    themes: tuple[str, ...]
    notes: str | None
    quotes: str | None
    actions: tuple[str, ...]
    ratings: dict[str, Any]
    next_appointment: dt.datetime | None


@dataclass(frozen=True)
class ContactContent:
    email: str | None
    phone: str | None


# --- the builders, one a section ------------------------------------------------------


def build_course(g: Gathered) -> CourseContent:
    p = g.p
    themes = Counter(t for s in g.sessions if s.status == "held" for t in s.themes or ())
    return CourseContent(
        start=p.course_start,
        end=course.course_end(p.course_start) if p.course_start else None,
        week=course.course_week(p.course_start, g.today),
        status=p.status,
        dropout_date=p.dropout_date,
        dropout_reason=p.dropout_reason,
        themes=tuple((t, themes[t]) for t in vocab.THEMES if themes[t]),
    )


def build_attendance(g: Gathered) -> AttendanceContent:
    statuses = Counter(s.status for s in g.sessions)
    return AttendanceContent(
        group_present=sum(1 for m in g.marks if m.present),
        group_recorded=len(g.marks),
        held=statuses["held"],
        cancelled=statuses["cancelled"],
        no_show=statuses["no_show"],
        group_excused=sum(1 for m in g.marks if not m.present and m.excused),
        marks=tuple((m.date, m.present) for m in g.marks) if g.own_copy else (),
    )


def _pss_rows(p: Participant) -> list[Any]:
    """The participant's PSS-10 assessments (the other instruments have their own section)."""
    return [a for a in p.assessments if a.instrument == "pss10"]


def _pss_change(g: Gathered) -> pss10.Change | None:
    before, after = pss10.before_after([(a.kind, a.date, a.answers) for a in _pss_rows(g.p)])
    return pss10.change(before.total if before else None, after.total if after else None, g.params)


def build_pss10(g: Gathered) -> PssContent:
    p, params = g.p, g.params
    rows = [
        AssessmentRow(a.kind, a.date, tuple(a.answers), pss10.score(a.answers))
        for a in sorted(_pss_rows(p), key=lambda a: (a.date, a.id))
    ]
    before, after = pss10.before_after([(a.kind, a.date, a.answers) for a in _pss_rows(p)])
    chart = pss10_chart.build([(r.kind, r.date, list(r.answers)) for r in rows], params)
    return PssContent(tuple(rows), before, after, _pss_change(g), params, chart)


def questionnaires(
    p: Participant, chosen: tuple[str, ...] | None
) -> tuple[QuestionnaireContent, ...]:
    """Each instrument other than PSS-10 (its own section), in registry order, that the
    participant has answered and the coach chose (None: all of them)."""
    out: list[QuestionnaireContent] = []
    for inst in instruments.all_instruments():
        if inst.id == "pss10" or (chosen is not None and inst.id not in chosen):
            continue
        mine = sorted(
            (a for a in p.assessments if a.instrument == inst.id), key=lambda a: (a.date, a.id)
        )
        if not mine:
            continue
        rows = []
        for a in mine:
            r = inst.scored(a.answers)
            rows.append(
                QuestionnaireRow(
                    a.kind, a.date, tuple(a.answers), r.value, r.band, tuple(r.fields.items())
                )
            )
        firsts = [r.value for r in rows if r.kind == "screening" and r.value is not None]
        lasts = [r.value for r in rows if r.kind == "final" and r.value is not None]
        before = firsts[0] if firsts else None
        after = lasts[-1] if lasts else None
        out.append(
            QuestionnaireContent(
                inst.id, tuple(rows), before, after, inst.change_verdict(before, after)
            )
        )
    return tuple(out)


def build_questionnaires(g: Gathered) -> tuple[QuestionnaireContent, ...]:
    return questionnaires(g.p, None if g.own_copy else g.instruments)


def build_job_plan(g: Gathered) -> JobPlanContent:
    plan = g.plan
    return JobPlanContent(
        direction=plan.direction if plan else None,
        goals=tuple(dict(x) for x in (plan.goals if plan else []) or []),
        updated_on=plan.updated_on if plan else None,
        versions=tuple((j.version, interchange.job_plan_to_dict(j)) for j in g.p.job_plans)
        if g.own_copy
        else (),
    )


def build_values(g: Gathered) -> tuple[str, ...]:
    plan = g.plan
    return tuple(str(v) for v in (plan.values if plan else []) or [])


def build_accommodations(g: Gathered) -> AccommodationsContent:
    plan = g.plan
    return AccommodationsContent(
        needs=tuple(dict(a) for a in (plan.accommodations if plan else []) or []),
        hours_now=plan.hours_now if plan else None,
        hours_target=plan.hours_target if plan else None,
        hours_steps=tuple(dict(s) for s in (plan.hours_steps if plan else []) or []),
        updated_on=plan.updated_on if plan else None,
    )


def build_work_capacity(g: Gathered) -> str:
    return (g.fields.work_capacity if g.fields else None) or ""


def build_hours(g: Gathered) -> HoursContent:
    rf, plan = g.fields, g.plan
    steps, _ = return_plan.parse_steps((rf.step_plan if rf else []) or [])
    normal = rf.normal_hours if rf else None
    kind = rf.return_kind if rf else None
    breaks = return_plan.partial_return_breaks(normal, steps) if kind == "partial" else []
    hours_now = (
        rf.hours_now if rf and rf.hours_now is not None else (plan.hours_now if plan else None)
    )
    out = HoursContent(
        normal_hours=normal,
        hours_now=hours_now,
        steps=tuple(steps),
        return_date=rf.return_date if rf else None,
        return_kind=kind,
        breaks=tuple(s.week for s in breaks),
        plan_target=plan.hours_target if plan else None,
        plan_steps=tuple(dict(s) for s in (plan.hours_steps if plan else []) or []),
    )
    if out.breaks:
        weeks = ", ".join(str(w) for w in out.breaks)
        g.warnings.append(strings.tr("partial_return_warning", g.lang, weeks=weeks))
    return out


def build_resources(g: Gathered) -> ResourcesContent:
    rf = g.fields
    return ResourcesContent(rf.resources if rf else None, rf.challenges if rf else None)


def build_progression(g: Gathered) -> ProgressionContent:
    return ProgressionContent(g.fields.progression if g.fields else None, _pss_change(g))


def build_recommendation(g: Gathered) -> str:
    return (g.fields.recommendation if g.fields else None) or ""


def build_outcome(g: Gathered) -> OutcomeContent:
    return OutcomeContent(g.p.outcome_status, g.p.outcome_hours, g.p.outcome_date)


def build_summary(g: Gathered) -> str:
    return g.p.report_summary or ""


def _session(i: int, s: Any) -> SessionContent:
    return SessionContent(
        number=i,
        date=s.date,
        start=s.start,
        minutes=s.minutes,
        mode=s.mode,
        status=s.status,
        week=s.week,
        themes=tuple(s.themes or ()),
        notes=s.notes,
        quotes=s.quotes,
        actions=tuple(str(a) for a in s.actions or ()),
        ratings=dict(s.ratings or {}),
        next_appointment=s.next_appointment,
    )


def build_notes(g: Gathered) -> tuple[SessionContent, ...]:
    ordered = sorted(g.sessions, key=lambda s: (s.date, s.start or "", s.id))
    return tuple(_session(i, s) for i, s in enumerate(ordered, 1))


def build_contact(g: Gathered) -> ContactContent:
    return ContactContent(g.p.email, g.p.phone)


def build_cpr_full(g: Gathered) -> bool:
    """The full CPR number is printed in the header (content.ReportContent.cpr_display)."""
    return True
