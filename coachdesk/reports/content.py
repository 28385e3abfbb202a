"""What a report discloses: the one place that decides which facts leave the vault.

``build_report`` turns a participant and the coach's choices (kind, sections) into a
plain ``ReportContent``: it gathers what the sections share once and runs each chosen
section's builder from the registry (reports/sections.py). The PDF layout
(caseworker_pdf.py, access_pdf.py), the GUI preview and the tests all read this object,
so what the tests assert is what is printed. A section the coach did not choose is not
in it (``None`` through its property), so it cannot leak into the layout by accident.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from coachdesk.core import cpr, plausibility, pss10, vocab
from coachdesk.errors import BadInput
from coachdesk.reports import parts, strings
from coachdesk.reports import sections as registry
from coachdesk.reports.parts import (
    AccommodationsContent,
    AttendanceContent,
    ContactContent,
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
from coachdesk.store import audit, interchange, settings
from coachdesk.store.models import Participant

# The sections are the registry's (reports/sections.py); ``everything`` asks for the
# participant's own copy (art. 15 and 20).
EVERYTHING = registry.EVERYTHING

KINDS: tuple[str, ...] = ("status_report", "final_report", "access_copy")
CONSENT_SCOPE = "report_to_municipality"


def parse_sections(text: str | None) -> tuple[str, ...]:
    """A comma list from the command line -> section names in print order.

    ``None`` or empty gives the default set; ``everything`` (alone) asks for the
    participant's own copy. Unknown names are a BadInput that lists the valid ones.
    """
    if text is None or not text.strip():
        return registry.defaults()
    names = [n.strip() for n in text.split(",") if n.strip()]
    if EVERYTHING in names:
        if len(names) > 1:
            raise BadInput("content.everything_alone", everything=EVERYTHING)
        return (EVERYTHING,)
    valid = registry.names()
    unknown = [n for n in names if n not in valid]
    if unknown:
        raise BadInput(
            "content.unknown_sections",
            value=", ".join(unknown),
            value2=", ".join(valid),
            everything=EVERYTHING,
        )
    return tuple(s for s in valid if s in names)


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
    sections: tuple[str, ...] = field(default_factory=registry.defaults)
    lang: str = strings.DEFAULT_LANG
    recipient: str | None = None  # None: the caseworker on file
    # The questionnaires beyond PSS-10 the "questionnaires" section shows (registry ids);
    # None: every one the participant has answered.
    instruments: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise BadInput("content.unknown_kind", kind=repr(self.kind), value=", ".join(KINDS))
        if self.kind != "access_copy":
            bad = [s for s in self.sections if s not in registry.names()]
            if bad:
                parse_sections(",".join(self.sections))  # raises with the valid list

    @property
    def needs_reauth(self) -> bool:
        return self.kind == "access_copy" or bool(registry.reauth() & set(self.sections))


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
    disclosures: tuple[DisclosureRow, ...]
    audit: tuple[AuditRow, ...]
    participant_file: bytes  # the interchange JSON, attached to the PDF


@dataclass(frozen=True)
class ReportContent:
    """What one report discloses. ``parts`` holds each chosen section's value by key
    (reports/parts.py), in print order; a section not chosen is not there, so the
    layout cannot print it by accident. The properties below read the built-in
    sections typed (None: not chosen)."""

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
    parts: Mapping[str, Any] = field(default_factory=dict)
    access: AccessContent | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    coach_contact: str = ""  # phone or e-mail the recipient can answer to

    @property
    def course(self) -> CourseContent | None:
        return self.parts.get("course")

    @property
    def attendance(self) -> AttendanceContent | None:
        return self.parts.get("attendance")

    @property
    def pss10(self) -> PssContent | None:
        return self.parts.get("pss10")

    @property
    def questionnaires(self) -> tuple[QuestionnaireContent, ...] | None:
        return self.parts.get("questionnaires")

    @property
    def job_plan(self) -> JobPlanContent | None:
        return self.parts.get("job_plan")

    @property
    def values(self) -> tuple[str, ...] | None:
        return self.parts.get("values")

    @property
    def accommodations(self) -> AccommodationsContent | None:
        return self.parts.get("accommodations")

    @property
    def work_capacity(self) -> str | None:
        return self.parts.get("work_capacity")

    @property
    def hours(self) -> HoursContent | None:
        return self.parts.get("hours")

    @property
    def resources(self) -> ResourcesContent | None:
        return self.parts.get("resources")

    @property
    def progression(self) -> ProgressionContent | None:
        return self.parts.get("progression")

    @property
    def recommendation(self) -> str | None:
        return self.parts.get("recommendation")

    @property
    def outcome(self) -> OutcomeContent | None:
        return self.parts.get("outcome")

    @property
    def summary(self) -> str | None:
        return self.parts.get("summary")

    @property
    def notes(self) -> tuple[SessionContent, ...] | None:
        return self.parts.get("notes")

    @property
    def contact(self) -> ContactContent | None:
        return self.parts.get("contact")


def default_recipient(p: Participant) -> str:
    """The caseworker on file, as the dialog pre-fills it."""
    known = [x for x in (p.caseworker_name, p.caseworker_municipality) if x]
    return ", ".join(known)


def load_participant(session: Session, participant_id: int) -> Participant:
    p = session.get(Participant, participant_id)
    if p is None:
        raise BadInput("participant_gone_that")
    return p


@dataclass(frozen=True)
class DialogStart:
    """What the export dialog opens with."""

    ref: str
    default_recipient: str
    default_kind: str
    consent_problem: BadInput | None
    # The last export folder, kept in the vault (a path can name a person).
    last_dir: str
    sender: dict[str, str]


def start_dialog(session: Session, participant_id: int) -> DialogStart:
    """The export dialog's defaults; records its preview's read of the person (one audit
    line per dialog, committed by the caller)."""
    p = load_participant(session, participant_id)
    audit.record(session, "participant_read", {"view": "report_preview"}, subject=p.uid)
    return DialogStart(
        ref=p.ref,
        default_recipient=default_recipient(p),
        default_kind=default_kind(p),
        consent_problem=consent_problem(p),
        last_dir=str(settings.get(session, "export_dir") or ""),
        sender={
            k: str(settings.get(session, k) or "")
            for k in ("coach_name", "organisation", "coach_contact")
        },
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
    chosen = set(registry.names()) if access else set(request.sections)
    sections = (EVERYTHING,) if access else tuple(k for k in registry.names() if k in chosen)
    params = settings.pss_params(session)
    full_cpr = access or "cpr_full" in chosen
    recipient = request.recipient
    if recipient is None:
        recipient = strings.tr("the participant", lang) if access else default_recipient(p)
    # What the coach has not confirmed, or what cannot be true, is never counted nor
    # sent (core/plausibility); the participant's own copy still holds everything.
    facts = plausibility.Course(p.referral_date, p.course_start, today)
    sessions = p.sessions if access else plausibility.countable_sessions(facts, p.sessions)
    if not access:  # an appointment in the agenda is not yet part of the course's record
        sessions = [s for s in sessions if s.status != "planned"]
    marks = p.attendance if access else plausibility.countable_marks(facts, p.attendance)
    gathered = parts.Gathered(
        p=p,
        lang=lang,
        today=today,
        own_copy=access,
        params=params,
        sessions=list(sessions),
        marks=list(marks),
        instruments=request.instruments,
    )
    built = {s.key: s.build(gathered) for s in registry.all_sections() if s.key in chosen}

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
        parts=built,
        access=_access(session, p, params, today) if access else None,
        warnings=tuple(gathered.warnings),
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
        disclosures=tuple(
            DisclosureRow(
                d.at, d.recipient, d.kind, tuple(d.sections or ()), d.encrypted, d.channel
            )
            for d in p.disclosures
        ),
        audit=tuple(AuditRow(e.at, e.action, e.detail) for e in audit.events_for(session, p.uid)),
        participant_file=interchange.dumps(interchange.document([record])),
    )
