"""Deleting a wrong record, and undoing that delete: sessions, attendance marks, PSS-10s.

A delete returns a *snapshot* (the record in the participant file's shape, plus its
``confirmed`` flag); the GUI keeps the last one in memory for Ctrl+Z and hands it to
``restore_*``. Every delete and every restore is one audit event naming the kind of
record and its date, never its content. A deleted record is gone from the vault, so
from every report; a restored one is a new row with the same content.

The caller owns the session and commits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.core import records
from coachdesk.errors import BadInput
from coachdesk.store import assessments, audit, interchange
from coachdesk.store.models import Assessment, GroupAttendance, SessionLog
from coachdesk.store.participants import get_participant

SESSION, ATTENDANCE, ASSESSMENT = "session", "attendance", "assessment"


@dataclass(frozen=True)
class Snapshot:
    """A deleted record, enough to put it back."""

    kind: str  # SESSION | ATTENDANCE | ASSESSMENT
    participant_id: int
    data: dict[str, Any]

    @property
    def date(self) -> dt.date:
        return records.parse_date(self.data["date"])


def delete_session(session: Session, participant_id: int, session_id: int) -> Snapshot:
    p = get_participant(session, participant_id)
    row = session.get(SessionLog, session_id)
    if row is None or row.participant_id != p.id:
        raise BadInput("session_gone")
    snap = Snapshot(SESSION, p.id, interchange.session_to_dict(row) | {"confirmed": row.confirmed})
    session.delete(row)
    audit.record(session, "session_deleted", {"date": snap.data["date"]}, subject=p.uid)
    return snap


def delete_attendance(session: Session, participant_id: int, day: dt.date) -> Snapshot:
    p = get_participant(session, participant_id)
    row = session.execute(
        select(GroupAttendance).where(
            GroupAttendance.participant_id == p.id, GroupAttendance.date == day
        )
    ).scalar()
    if row is None:
        raise BadInput("corrections.mark_gone")
    snap = Snapshot(
        ATTENDANCE,
        p.id,
        {
            "date": day.isoformat(),
            "present": row.present,
            "excused": row.excused,
            "confirmed": row.confirmed,
        },
    )
    session.delete(row)
    audit.record(session, "attendance_deleted", {"date": day.isoformat()}, subject=p.uid)
    return snap


def delete_assessment(session: Session, participant_id: int, assessment_id: int) -> Snapshot:
    p = get_participant(session, participant_id)
    row = session.get(Assessment, assessment_id)
    if row is None or row.participant_id != p.id:
        raise BadInput("corrections.questionnaire_gone")
    snap = Snapshot(ASSESSMENT, p.id, interchange.assessment_to_dict(row, computed=False))
    assessments.delete_assessment(session, p.id, row.id)  # the one delete, and its audit
    return snap


def restore(session: Session, snap: Snapshot) -> int:
    """Put a deleted record back (Ctrl+Z); returns the new row's id."""
    p = get_participant(session, snap.participant_id)
    data = dict(snap.data)
    confirmed = bool(data.pop("confirmed", False))
    row: SessionLog | GroupAttendance | Assessment
    if snap.kind == SESSION:
        row = interchange.session_from_dict(data)
        row.confirmed = confirmed
        action = "session_restored"
    elif snap.kind == ATTENDANCE:
        taken = session.execute(
            select(GroupAttendance.id).where(
                GroupAttendance.participant_id == p.id, GroupAttendance.date == snap.date
            )
        ).first()
        if taken is not None:
            raise BadInput("corrections.day_marked_again")
        row = GroupAttendance(
            date=snap.date,
            present=bool(data["present"]),
            excused=bool(data.get("excused")),
            confirmed=confirmed,
        )
        action = "attendance_restored"
    elif snap.kind == ASSESSMENT:
        row = Assessment(**interchange.assessment_values(data))
        action = "assessment_restored"
    else:  # pragma: no cover - the kinds are ours
        raise ValueError(snap.kind)
    row.participant_id = p.id
    session.add(row)
    session.flush()
    detail = {"date": snap.data["date"]}
    if isinstance(row, Assessment):
        detail["instrument"] = row.instrument
    audit.record(session, action, detail, subject=p.uid)
    return row.id
