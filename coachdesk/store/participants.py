"""Participants: reading one (with its audited read), and the audited, validated
writes behind the participant dialog and the outcome view.

Every write validates with core/records (the importer's rules) and records one audit
event naming fields and counts only. The caller owns the session and commits (the GUI
through ``Vault.write``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.core import course, plausibility, pss10, records, schedule
from coachdesk.errors import BadInput, FieldError
from coachdesk.store import agenda, audit, interchange, settings
from coachdesk.store.models import Participant

# The participant's own fields in the interchange shape (what the forms edit): the file's
# fields without the child rows, the report fields (their own tab) and the computed ones.
NOT_OWN = frozenset(
    {
        "assessments",
        "sessions",
        "group_attendance",
        "job_plan",
        "report_fields",
        "eligible",
        "pss_change",
        "course_week",
    }
)
OWN_FIELDS = tuple(f for f in records.PARTICIPANT_FIELDS if f not in NOT_OWN)


def get_participant(
    session: Session, participant_id: int, *, audit_read: bool = False, what: str = "page"
) -> Participant:
    p = session.get(Participant, participant_id)
    if p is None:
        raise BadInput("participant_gone")
    if audit_read:
        audit.record(session, "participant_read", {"view": what}, subject=p.uid)
    return p


@dataclass(frozen=True)
class Summary:
    """Who a dialog is about: enough to name the person, no more."""

    id: int
    name: str
    ref: str
    archived: bool


def summary(session: Session, participant_id: int) -> Summary:
    p = get_participant(session, participant_id)
    return Summary(p.id, p.name, p.ref, bool(p.archived))


def participant_record(p: Participant) -> dict[str, Any]:
    """The participant's own fields as an interchange dict (what the forms edit)."""
    full = interchange.participant_to_dict(
        p, today=dt.date.today(), params=pss10.Params(), computed=False
    )
    return {k: v for k, v in full.items() if k in OWN_FIELDS}


def record_of(
    session: Session, participant_id: int, *, audit_read: bool = False, what: str = "page"
) -> dict[str, Any]:
    """``participant_record`` of the participant with this id (BadInput if gone);
    ``audit_read`` records the read (the caller commits)."""
    return participant_record(
        get_participant(session, participant_id, audit_read=audit_read, what=what)
    )


def record_read(session: Session, participant_id: int, what: str) -> None:
    """Audit a read of one part of a person (e.g. ``cpr_full``: the CPR shown in full)."""
    p = get_participant(session, participant_id)
    audit.record(session, "participant_read", {"view": what}, subject=p.uid)


@dataclass(frozen=True)
class Page:
    """What the participant page shows, computed from one read of the person."""

    name: str
    ref: str
    status: str
    archived: bool
    course_start: dt.date | None
    week: int | None
    # The status the course's dates suggest (core/course), if it differs.
    suggested: str | None
    due: list[course.Due]
    # The other scheduled questionnaires due (the course's own steps count PSS-10s).
    measures: list[schedule.DueMeasurement]
    consent_withdrawn_on: dt.date | None
    consent_given_on: dt.date | None
    caseworker_name: str | None
    caseworker_municipality: str | None
    case_ref: str | None
    # The timeline's inputs.
    assessments: list[tuple[str, dt.date]]
    attendance: list[tuple[dt.date, bool]]
    sessions: list[tuple[dt.date, str]]
    planned: list[dt.date]
    # Group attendance, counted as the caseworker report counts it: only plausible or
    # confirmed marks; ``marks`` is (day, present/absent/excused, counted) per mark.
    attended: int
    marked: int
    waiting: int
    marks: list[tuple[dt.date, str, bool]]


def page(
    session: Session, participant_id: int, today: dt.date, *, audit_read: bool = False
) -> Page:
    """The participant page's facts (``audit_read``: record the read; the caller commits)."""
    # Imported here: store/sessions imports this module.
    from coachdesk.store.sessions import course_facts

    p = get_participant(session, participant_id, audit_read=audit_read)
    # The course's own steps count PSS-10s (as the caseload does); the other
    # scheduled questionnaires are listed from core/schedule.
    pss = [a for a in p.assessments if a.instrument == "pss10"]
    held = sum(1 for x in p.sessions if x.status == "held")
    counted = plausibility.countable_marks(course_facts(p, today), p.attendance)
    return Page(
        name=p.name,
        ref=p.ref,
        status=p.status,
        archived=p.archived,
        course_start=p.course_start,
        week=course.course_week(p.course_start, today),
        suggested=course.suggested_status(
            status=p.status,
            start=p.course_start,
            today=today,
            has_final=any(a.kind == "final" for a in pss),
            has_outcome=p.outcome_status is not None,
        ),
        due=course.due_items(
            status=p.status,
            start=p.course_start,
            today=today,
            has_screening=any(a.kind == "screening" for a in pss),
            has_final=any(a.kind == "final" for a in pss),
            sessions_held=held,
            has_outcome=p.outcome_status is not None,
        ),
        measures=[
            m
            for m in schedule.due_measurements(
                settings.instrument_schedule(session),
                status=p.status,
                start=p.course_start,
                today=today,
                taken=[(a.instrument, a.kind, a.date) for a in p.assessments],
            )
            if m.instrument != "pss10"
        ],
        consent_withdrawn_on=p.consent_withdrawn_on,
        consent_given_on=p.consent_given_on,
        caseworker_name=p.caseworker_name,
        caseworker_municipality=p.caseworker_municipality,
        case_ref=p.case_ref,
        assessments=[(a.kind, a.date) for a in p.assessments],
        attendance=[(g.date, g.present) for g in p.attendance],
        sessions=[(x.date, x.status) for x in p.sessions if x.status != "planned"],
        planned=[
            x.next_appointment.date()
            for x in p.sessions[-1:]
            if x.next_appointment and x.next_appointment.date() >= today
        ]
        + [x.date for x in p.sessions if x.status == "planned" and x.date >= today],
        attended=sum(1 for g in counted if g.present),
        marked=len(counted),
        waiting=len(p.attendance) - len(counted),
        marks=[(g.date, agenda.mark_of(g.present, g.excused), g in counted) for g in p.attendance],
    )


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    """Empty strings and empty objects from forms mean 'not given'."""
    out: dict[str, Any] = {}
    for k, v in record.items():
        if isinstance(v, str):
            v = v.strip() or None
        elif isinstance(v, dict):
            v = {ik: (iv.strip() or None) if isinstance(iv, str) else iv for ik, iv in v.items()}
            if k != "consent" and all(iv is None for iv in v.values()):
                v = None
        if v is not None:
            out[k] = v
    return out


def validate_fields(record: dict[str, Any], today: dt.date) -> dict[str, FieldError]:
    """Field path (e.g. ``cpr``, ``caseworker.email``) -> its first error (core/records),
    under that path."""
    errors = records.validate_participant(record, "$", today)
    out: dict[str, FieldError] = {}
    for e in errors:
        path = e.path.removeprefix("$.")
        out.setdefault(path, e.at(path))
    return out


def _ref_taken(session: Session, ref: str, participant_id: int | None) -> bool:
    q = select(Participant.id).where(Participant.ref == ref.strip())
    if participant_id is not None:
        q = q.where(Participant.id != participant_id)
    return session.execute(q).first() is not None


def _check_record(
    session: Session, record: dict[str, Any], today: dt.date, participant_id: int | None
) -> None:
    """The form's rules plus a unique ref; raises BadInput whose .errors are 'path: message'."""
    errors = validate_fields(record, today)
    if "ref" not in errors and _ref_taken(session, record["ref"], participant_id):
        errors["ref"] = FieldError("ref", "caseload.ref_taken")
    if errors:
        raise BadInput("caseload.participant_not_saved", list(errors.values()))


def create_participant(
    session: Session, record: dict[str, Any], today: dt.date | None = None
) -> Participant:
    """Validate and add a participant; raises BadInput whose .errors are 'path: message'."""
    today = today or dt.date.today()
    record = _clean(record)
    _check_record(session, record, today, None)
    p = Participant()
    interchange.apply_fields(p, record)
    session.add(p)
    session.flush()
    audit.record(
        session, "participant_created", {"via": "form", "fields": sorted(record)}, subject=p.uid
    )
    return p


def update_participant(
    session: Session, participant_id: int, changes: dict[str, Any], today: dt.date | None = None
) -> Participant:
    """Merge ``changes`` (own fields; None removes) into the record, validate, save."""
    today = today or dt.date.today()
    p = get_participant(session, participant_id)
    before = participant_record(p)
    merged = _clean(before | changes)
    _check_record(session, merged, today, participant_id)
    interchange.apply_fields(p, merged)
    if before.get("course_start") != merged.get("course_start"):
        # A session's course week is its date's week: it moves with the course start
        # (a stale week made the report and the timeline disagree, issue 14).
        for s in p.sessions:
            if s.week is not None:
                s.week = course.course_week(p.course_start, s.date) if p.course_start else None
    changed = sorted(k for k in set(before) | set(merged) if before.get(k) != merged.get(k))
    if changed:
        audit.record(session, "participant_changed", {"fields": changed}, subject=p.uid)
    return p


def save_form(session: Session, participant_id: int | None, record: dict[str, Any]) -> int:
    """The participant dialog's save: a new participant (``participant_id`` None) or
    changes to one; returns its id."""
    if participant_id is None:
        return create_participant(session, record).id
    return update_participant(session, participant_id, record).id


def set_archived(session: Session, participant_id: int, archived: bool) -> None:
    p = get_participant(session, participant_id)
    if p.archived != archived:
        p.archived = archived
        audit.record(session, "participant_changed", {"fields": ["archived"]}, subject=p.uid)


def toggle_archived(session: Session, participant_id: int) -> None:
    set_archived(session, participant_id, not get_participant(session, participant_id).archived)


def child_record_errors(record_key: str, value: Any, today: dt.date) -> list[FieldError]:
    """Run the participant-file rules on one child record (a session, the job plan);
    paths relative to it."""
    errors = records.validate_participant({"ref": "-", "name": "-", record_key: value}, "$", today)
    prefix = f"$.{record_key}"
    return [e.at(e.path.removeprefix(prefix).removeprefix("[0]").lstrip(".")) for e in errors]
