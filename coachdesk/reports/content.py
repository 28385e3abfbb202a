"""What a report discloses: the one place that decides which facts leave the vault.

``build_report`` turns a participant and the coach's choices (kind, sections) into a
plain ``ReportContent``; the PDF layout (caseworker_pdf.py, access_pdf.py), the GUI
preview and the tests all read this object, so what the tests assert is what is
printed. A section the coach did not choose is ``None`` here, so it cannot leak into
the layout by accident. Every PSS-10 number comes from core/pss10.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from coachdesk.core import (
    course,
    cpr,
    instruments,
    plausibility,
    pss10,
    pss10_chart,
    return_plan,
    vocab,
)
from coachdesk.errors import BadInput
from coachdesk.reports import strings
from coachdesk.store import audit, interchange, settings
from coachdesk.store.models import Participant

# The sections of the caseworker report, in print order (docs/cli.md, docs/reports.md).
# The structured headings follow the documents a municipal caseworker works with (the
# LÆ 285 content of the sick-pay follow-up, the rehabilitation plan's preparatory part,
# the § 7b retention plan): arbejdsevne, skånehensyn, timetal og optrapning, ressourcer
# og udfordringer, progression, fremmøde, anbefaling / næste skridt.
SECTIONS: tuple[str, ...] = (
    "course",
    "work_capacity",
    "accommodations",
    "hours",
    "resources",
    "progression",
    "attendance",
    "pss10",
    "questionnaires",
    "job_plan",
    "values",
    "outcome",
    "summary",
    "recommendation",
    "notes",
    "contact",
    "cpr_full",
)
# The least data that serves the report's purpose (domain.md).
DEFAULT_SECTIONS: tuple[str, ...] = (
    "course",
    "work_capacity",
    "accommodations",
    "hours",
    "resources",
    "progression",
    "attendance",
    "pss10",
    "questionnaires",
    "job_plan",
    "outcome",
    "summary",
    "recommendation",
)
# Never pre-selected; the dialog marks them.
SENSITIVE_SECTIONS: frozenset[str] = frozenset({"notes", "contact", "cpr_full"})
# An export with these asks for the passphrase again (MASVS AUTH-2/3).
REAUTH_SECTIONS: frozenset[str] = frozenset({"notes", "cpr_full"})
# ``--sections everything``: the participant's own copy (art. 15 and 20).
EVERYTHING = "everything"

KINDS: tuple[str, ...] = ("status_report", "final_report", "access_copy")
CONSENT_SCOPE = "report_to_municipality"


def parse_sections(text: str | None) -> tuple[str, ...]:
    """A comma list from the command line -> section names in print order.

    ``None`` or empty gives the default set; ``everything`` (alone) asks for the
    participant's own copy. Unknown names are a BadInput that lists the valid ones.
    """
    if text is None or not text.strip():
        return DEFAULT_SECTIONS
    names = [n.strip() for n in text.split(",") if n.strip()]
    if EVERYTHING in names:
        if len(names) > 1:
            raise BadInput("content.everything_alone", everything=EVERYTHING)
        return (EVERYTHING,)
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        raise BadInput(
            "content.unknown_sections",
            value=", ".join(unknown),
            value2=", ".join(SECTIONS),
            everything=EVERYTHING,
        )
    return tuple(s for s in SECTIONS if s in names)


def default_kind(p: Participant) -> str:
    """Final report once the course is over or an outcome is recorded, else status."""
    if p.status in vocab.ENDED_STATUSES or p.outcome_status:
        return "final_report"
    return "status_report"


def consent_problem(p: Participant) -> BadInput | None:
    """Why a report to the municipality may not be made (the error build_report raises,
    which the export dialog shows in the coach's language), or None when it may."""
    if p.consent_withdrawn_on is not None:
        return BadInput("content.consent_withdrawn", date=p.consent_withdrawn_on.isoformat())
    if p.consent_given_on is None or CONSENT_SCOPE not in (p.consent_scope or []):
        return BadInput("content.no_consent")
    return None


@dataclass(frozen=True)
class ReportRequest:
    """The coach's choices: what kind of report, which sections, language, recipient."""

    kind: str = "status_report"
    sections: tuple[str, ...] = DEFAULT_SECTIONS
    lang: str = strings.DEFAULT_LANG
    recipient: str | None = None  # None: the caseworker on file
    # The questionnaires beyond PSS-10 the "questionnaires" section shows (registry ids);
    # None: every one the participant has answered.
    instruments: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise BadInput("content.unknown_kind", kind=repr(self.kind), value=", ".join(KINDS))
        if self.kind != "access_copy":
            bad = [s for s in self.sections if s not in SECTIONS]
            if bad:
                parse_sections(",".join(self.sections))  # raises with the valid list

    @property
    def needs_reauth(self) -> bool:
        return self.kind == "access_copy" or bool(REAUTH_SECTIONS & set(self.sections))


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


@dataclass(frozen=True)
class JobPlanContent:
    direction: str | None
    goals: tuple[dict[str, Any], ...]
    updated_on: dt.date | None


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


@dataclass(frozen=True)
class DisclosureRow:
    at: dt.datetime
    recipient: str | None
    kind: str
    sections: tuple[str, ...]
    encrypted: bool
    channel: str | None = None


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    action: str
    detail: dict[str, Any] | None


@dataclass(frozen=True)
class AccessContent:
    """The extra parts of the participant's own copy: literally everything."""

    ref: str
    birth_year: int | None
    email: str | None
    phone: str | None
    referral_date: dt.date | None
    consent_given_on: dt.date | None
    consent_scope: tuple[str, ...]
    consent_withdrawn_on: dt.date | None
    caseworker_email: str | None
    attendance: tuple[tuple[dt.date, bool], ...]
    job_plan_versions: tuple[tuple[int, dict[str, Any]], ...]
    disclosures: tuple[DisclosureRow, ...]
    audit: tuple[AuditRow, ...]
    participant_file: bytes  # the interchange JSON, attached to the PDF


@dataclass(frozen=True)
class ReportContent:
    kind: str
    lang: str
    sections: tuple[str, ...]
    today: dt.date
    organisation: str
    coach: str
    recipient: str
    caseworker_name: str | None
    municipality: str | None
    case_ref: str | None
    consent_given_on: dt.date | None
    name: str
    cpr_display: str  # masked unless cpr_full (or the person's own copy)
    cpr_is_full: bool
    course: CourseContent | None = None
    attendance: AttendanceContent | None = None
    pss10: PssContent | None = None
    questionnaires: tuple[QuestionnaireContent, ...] | None = None
    job_plan: JobPlanContent | None = None
    values: tuple[str, ...] | None = None
    accommodations: AccommodationsContent | None = None
    work_capacity: str | None = None
    hours: HoursContent | None = None
    resources: ResourcesContent | None = None
    progression: ProgressionContent | None = None
    recommendation: str | None = None
    outcome: OutcomeContent | None = None
    summary: str | None = None
    notes: tuple[SessionContent, ...] | None = None
    contact: ContactContent | None = None
    access: AccessContent | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    coach_contact: str = ""  # phone or e-mail the recipient can answer to


def default_recipient(p: Participant) -> str:
    """The caseworker on file, as the dialog pre-fills it."""
    parts = [x for x in (p.caseworker_name, p.caseworker_municipality) if x]
    return ", ".join(parts)


def load_participant(session: Session, participant_id: int) -> Participant:
    p = session.get(Participant, participant_id)
    if p is None:
        raise BadInput("participant_gone_that")
    return p


def _chart_data(rows: list[AssessmentRow], params: pss10.Params) -> pss10_chart.ChartData:
    """The same chart description the GUI draws (core/pss10_chart)."""
    return pss10_chart.build([(r.kind, r.date, list(r.answers)) for r in rows], params)


def _pss_rows(p: Participant) -> list[Any]:
    """The participant's PSS-10 assessments (the other instruments have their own section)."""
    return [a for a in p.assessments if a.instrument == "pss10"]


def _pss(p: Participant, params: pss10.Params) -> PssContent:
    rows = [
        AssessmentRow(a.kind, a.date, tuple(a.answers), pss10.score(a.answers))
        for a in sorted(_pss_rows(p), key=lambda a: (a.date, a.id))
    ]
    before, after = pss10.before_after([(a.kind, a.date, a.answers) for a in _pss_rows(p)])
    ch = pss10.change(before.total if before else None, after.total if after else None, params)
    return PssContent(tuple(rows), before, after, ch, params, _chart_data(rows, params))


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


def build_report(
    session: Session, participant_id: int, request: ReportRequest, today: dt.date | None = None
) -> ReportContent:
    """Assemble what the report discloses. Raises BadInput when consent is missing."""
    today = today or dt.date.today()
    lang = strings.check_lang(request.lang)
    p = load_participant(session, participant_id)
    access = request.kind == "access_copy"
    if not access:
        problem = consent_problem(p)
        if problem:
            raise problem
    chosen = set(SECTIONS) if access else set(request.sections)
    sections = (EVERYTHING,) if access else tuple(s for s in SECTIONS if s in chosen)
    params = settings.pss_params(session)
    full_cpr = access or "cpr_full" in chosen
    recipient = request.recipient
    if recipient is None:
        recipient = strings.tr("the participant", lang) if access else default_recipient(p)
    out: dict[str, Any] = {}
    # What the coach has not confirmed, or what cannot be true, is never counted nor
    # sent (core/plausibility); the participant's own copy still holds everything.
    facts = plausibility.Course(p.referral_date, p.course_start, today)
    sessions = p.sessions if access else plausibility.countable_sessions(facts, p.sessions)
    if not access:  # an appointment in the agenda is not yet part of the course's record
        sessions = [s for s in sessions if s.status != "planned"]
    marks = p.attendance if access else plausibility.countable_marks(facts, p.attendance)

    if "course" in chosen:
        themes = Counter(t for s in sessions if s.status == "held" for t in s.themes or ())
        out["course"] = CourseContent(
            start=p.course_start,
            end=course.course_end(p.course_start) if p.course_start else None,
            week=course.course_week(p.course_start, today),
            status=p.status,
            dropout_date=p.dropout_date,
            dropout_reason=p.dropout_reason,
            themes=tuple((t, themes[t]) for t in vocab.THEMES if themes[t]),
        )
    if "attendance" in chosen:
        statuses = Counter(s.status for s in sessions)
        out["attendance"] = AttendanceContent(
            group_present=sum(1 for g in marks if g.present),
            group_recorded=len(marks),
            held=statuses["held"],
            cancelled=statuses["cancelled"],
            no_show=statuses["no_show"],
            group_excused=sum(1 for g in marks if not g.present and g.excused),
        )
    if "pss10" in chosen:
        out["pss10"] = _pss(p, params)
    if "questionnaires" in chosen:
        out["questionnaires"] = questionnaires(p, None if access else request.instruments)
    plan = p.job_plan
    if "job_plan" in chosen:
        out["job_plan"] = JobPlanContent(
            direction=plan.direction if plan else None,
            goals=tuple(dict(g) for g in (plan.goals if plan else []) or []),
            updated_on=plan.updated_on if plan else None,
        )
    if "values" in chosen:
        out["values"] = tuple(str(v) for v in (plan.values if plan else []) or [])
    if "accommodations" in chosen:
        out["accommodations"] = AccommodationsContent(
            needs=tuple(dict(a) for a in (plan.accommodations if plan else []) or []),
            hours_now=plan.hours_now if plan else None,
            hours_target=plan.hours_target if plan else None,
            hours_steps=tuple(dict(s) for s in (plan.hours_steps if plan else []) or []),
            updated_on=plan.updated_on if plan else None,
        )
    rf = p.report_fields
    warnings: list[str] = []
    if "work_capacity" in chosen:
        out["work_capacity"] = (rf.work_capacity if rf else None) or ""
    if "hours" in chosen:
        out["hours"] = _hours(rf, plan)
        if out["hours"].breaks:
            warnings.append(
                strings.tr(
                    "partial_return_warning",
                    lang,
                    weeks=", ".join(str(w) for w in out["hours"].breaks),
                )
            )
    if "resources" in chosen:
        out["resources"] = ResourcesContent(
            rf.resources if rf else None, rf.challenges if rf else None
        )
    if "progression" in chosen:
        before, after = pss10.before_after([(a.kind, a.date, a.answers) for a in _pss_rows(p)])
        out["progression"] = ProgressionContent(
            rf.progression if rf else None,
            pss10.change(before.total if before else None, after.total if after else None, params),
        )
    if "recommendation" in chosen:
        out["recommendation"] = (rf.recommendation if rf else None) or ""
    if "outcome" in chosen:
        out["outcome"] = OutcomeContent(p.outcome_status, p.outcome_hours, p.outcome_date)
    if "summary" in chosen:
        out["summary"] = p.report_summary or ""
    if "notes" in chosen:
        out["notes"] = tuple(
            _session(i, s)
            for i, s in enumerate(sorted(sessions, key=lambda s: (s.date, s.start or "", s.id)), 1)
        )
    if "contact" in chosen:
        out["contact"] = ContactContent(p.email, p.phone)
    if access:
        out["access"] = _access(session, p, params, today)

    return ReportContent(
        kind=request.kind,
        lang=lang,
        sections=sections,
        today=today,
        organisation=str(settings.get(session, "organisation") or ""),
        coach=str(settings.get(session, "coach_name") or ""),
        coach_contact=str(settings.get(session, "coach_contact") or ""),
        recipient=recipient,
        caseworker_name=p.caseworker_name,
        municipality=p.caseworker_municipality,
        case_ref=p.case_ref,
        consent_given_on=p.consent_given_on,
        name=p.name,
        cpr_display=(p.cpr or "") if full_cpr else cpr.mask(p.cpr),
        cpr_is_full=full_cpr,
        warnings=tuple(warnings),
        **out,
    )


def _hours(rf: Any, plan: Any) -> HoursContent:
    steps, _ = return_plan.parse_steps((rf.step_plan if rf else []) or [])
    normal = rf.normal_hours if rf else None
    kind = rf.return_kind if rf else None
    breaks = return_plan.partial_return_breaks(normal, steps) if kind == "partial" else []
    hours_now = (
        rf.hours_now if rf and rf.hours_now is not None else (plan.hours_now if plan else None)
    )
    return HoursContent(
        normal_hours=normal,
        hours_now=hours_now,
        steps=tuple(steps),
        return_date=rf.return_date if rf else None,
        return_kind=kind,
        breaks=tuple(s.week for s in breaks),
        plan_target=plan.hours_target if plan else None,
        plan_steps=tuple(dict(s) for s in (plan.hours_steps if plan else []) or []),
    )


def _access(
    session: Session, p: Participant, params: pss10.Params, today: dt.date
) -> AccessContent:
    record = interchange.participant_to_dict(p, today=today, params=params)
    return AccessContent(
        ref=p.ref,
        birth_year=p.birth_year,
        email=p.email,
        phone=p.phone,
        referral_date=p.referral_date,
        consent_given_on=p.consent_given_on,
        consent_scope=tuple(p.consent_scope or ()),
        consent_withdrawn_on=p.consent_withdrawn_on,
        caseworker_email=p.caseworker_email,
        attendance=tuple((g.date, g.present) for g in p.attendance),
        job_plan_versions=tuple((j.version, interchange.job_plan_to_dict(j)) for j in p.job_plans),
        disclosures=tuple(
            DisclosureRow(
                d.at, d.recipient, d.kind, tuple(d.sections or ()), d.encrypted, d.channel
            )
            for d in p.disclosures
        ),
        audit=tuple(AuditRow(e.at, e.action, e.detail) for e in audit.events_for(session, p.uid)),
        participant_file=interchange.dumps(interchange.document([record])),
    )
