"""Participants: reading one (with its audited read), and the audited, validated
writes behind the participant dialog and the outcome view.

Every write validates with core/records (the importer's rules) and records one audit
event naming fields and counts only. The caller owns the session and commits (the GUI
through ``Vault.write``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.core import course, pss10, records
from coachdesk.errors import BadInput
from coachdesk.store import audit, interchange
from coachdesk.store.models import Participant

# The participant's own fields (not child rows) in the interchange shape.
OWN_FIELDS = (
    "ref",
    "name",
    "cpr",
    "birth_year",
    "email",
    "phone",
    "caseworker",
    "referral_date",
    "course_start",
    "status",
    "dropped_out",
    "consent",
    "outcome",
    "report_summary",
)


def get_participant(
    session: Session, participant_id: int, *, audit_read: bool = False, what: str = "page"
) -> Participant:
    p = session.get(Participant, participant_id)
    if p is None:
        raise BadInput("This participant is no longer in the vault.")
    if audit_read:
        audit.record(session, "participant_read", {"view": what}, subject=p.uid)
    return p


def participant_record(p: Participant) -> dict[str, Any]:
    """The participant's own fields as an interchange dict (what the forms edit)."""
    full = interchange.participant_to_dict(
        p, today=dt.date.today(), params=pss10.Params(), computed=False
    )
    return {k: v for k, v in full.items() if k in OWN_FIELDS}


def record_of(session: Session, participant_id: int) -> dict[str, Any]:
    """``participant_record`` of the participant with this id (BadInput if gone)."""
    return participant_record(get_participant(session, participant_id))


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


def validate_fields(record: dict[str, Any], today: dt.date) -> dict[str, str]:
    """Field path (e.g. ``cpr``, ``caseworker.email``) -> message, from core/records."""
    errors = records.validate_participant(record, "$", today)
    out: dict[str, str] = {}
    for e in errors:
        path, _, msg = e.partition(": ")
        out.setdefault(path.removeprefix("$."), msg)
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
        errors["ref"] = "is already used by another participant"
    if errors:
        raise BadInput("The participant was not saved.", [f"{k}: {v}" for k, v in errors.items()])


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


def set_archived(session: Session, participant_id: int, archived: bool) -> None:
    p = get_participant(session, participant_id)
    if p.archived != archived:
        p.archived = archived
        audit.record(session, "participant_changed", {"fields": ["archived"]}, subject=p.uid)


def child_record_errors(record_key: str, value: Any, today: dt.date) -> list[str]:
    """Run the participant-file rules on one child record (a session, the job plan);
    paths relative to it."""
    errors = records.validate_participant({"ref": "-", "name": "-", record_key: value}, "$", today)
    prefix = f"$.{record_key}"
    return [e.removeprefix(prefix).removeprefix("[0]").lstrip(".") for e in errors]
