"""Session logs and group attendance: the audited, validated writes behind the session
editor, the Sessions tab and the group roster, with core/plausibility's date rules.

The caller owns the session and commits (the GUI through ``Vault.write``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.core import plausibility, records
from coachdesk.errors import BadInput, FieldError
from coachdesk.store import agenda, audit, interchange, participants
from coachdesk.store.models import GroupAttendance, Participant, SessionLog
from coachdesk.store.participants import child_record_errors


def validate_session(data: dict[str, Any], today: dt.date | None = None) -> list[FieldError]:
    return child_record_errors("sessions", [data], today or dt.date.today())


class Implausible(BadInput):
    """A record core/plausibility finds impossible (``findings`` has an error), or unusual
    and not confirmed (warnings only: save again with ``confirmed=True``)."""

    def __init__(self, what: str, findings: list[plausibility.Finding]) -> None:
        self.findings = findings
        self.needs_confirmation = not plausibility.errors(findings)
        # what: "session" or "attendance_mark" (the code names the record).
        super().__init__(
            f"caseload.{what}_not_saved", [plausibility.field_error("", f) for f in findings]
        )


def course_facts(p: Participant, today: dt.date | None = None) -> plausibility.Course:
    return plausibility.Course(p.referral_date, p.course_start, today or dt.date.today())


def _check_plausible(what: str, findings: list[plausibility.Finding], confirmed: bool) -> None:
    if plausibility.errors(findings) or (plausibility.warnings(findings) and not confirmed):
        raise Implausible(what, findings)


def save_session(
    session: Session,
    participant_id: int,
    data: dict[str, Any],
    session_id: int | None = None,
    *,
    confirmed: bool = False,
    today: dt.date | None = None,
) -> SessionLog:
    """Add (or replace the content of) one session log; data is interchange-shaped.

    Raises Implausible for a session that cannot be true, or that is unusual and not
    ``confirmed`` by the coach (core/plausibility).
    """
    data = {k: v for k, v in data.items() if v not in (None, "", [], {})}
    errors = validate_session(data)
    if errors:
        raise BadInput("caseload.session_not_saved", errors)
    p = participants.get_participant(session, participant_id)
    new = interchange.session_from_dict(data)
    findings = plausibility.check_session(course_facts(p, today), new.date, new.status, new.week)
    _check_plausible("session", findings, confirmed)
    new.confirmed = bool(confirmed and findings)
    if session_id is None:
        new.participant_id = p.id
        session.add(new)
        session.flush()
        audit.record(session, "session_saved", {"fields": sorted(data)}, subject=p.uid)
        return new
    row = owned_session(session, p.id, session_id)
    if row is None:
        raise BadInput("session_gone")
    # Every field of the file's session record, and the coach's confirmation of it.
    for attr in (*records.SESSION_FIELDS, "confirmed"):
        setattr(row, attr, getattr(new, attr))
    audit.record(session, "session_changed", {"fields": sorted(data)}, subject=p.uid)
    return row


def owned_session(session: Session, participant_id: int, session_id: int) -> SessionLog | None:
    """The session log with this id if it is this participant's (None otherwise: an id
    from another participant's page must not open, or overwrite, their log)."""
    row = session.get(SessionLog, session_id)
    return row if row is not None and row.participant_id == participant_id else None


@dataclass(frozen=True)
class Line:
    """One line of the Sessions tab's list."""

    id: int
    date: dt.date
    status: str
    week: int | None
    themes: list[str]
    # False: core/plausibility finds it impossible or unconfirmed; reports leave it out.
    counted: bool


def listing(session: Session, participant_id: int) -> list[Line]:
    """The participant's session logs, newest first."""
    facts = course_facts(participants.get_participant(session, participant_id))
    rows = session.execute(
        select(
            SessionLog.id,
            SessionLog.date,
            SessionLog.status,
            SessionLog.week,
            SessionLog.themes,
            SessionLog.confirmed,
        )
        .where(SessionLog.participant_id == participant_id)
        .order_by(SessionLog.date.desc())
    ).all()
    return [
        Line(
            sid,
            day,
            status,
            week,
            list(themes or []),
            plausibility.counts(plausibility.check_session(facts, day, status, week), confirmed),
        )
        for sid, day, status, week, themes, confirmed in rows
    ]


@dataclass(frozen=True)
class Editing:
    """What the session editor opens with."""

    course_start: dt.date | None
    # The participant's other held sessions: the editor numbers this one among them.
    held_dates: list[dt.date]
    # The session as an interchange dict; None for a new one (or one no longer there).
    data: dict[str, Any] | None
    # Its next appointment as saved: a change moves the planned session made for it.
    next_appointment: dt.datetime | None


def for_editor(session: Session, participant_id: int, session_id: int | None) -> Editing:
    p = participants.get_participant(session, participant_id)
    row = owned_session(session, p.id, session_id) if session_id is not None else None
    return Editing(
        course_start=p.course_start,
        held_dates=[x.date for x in p.sessions if x.status == "held" and x.id != session_id],
        data=interchange.session_to_dict(row) if row is not None else None,
        next_appointment=row.next_appointment if row is not None else None,
    )


@dataclass(frozen=True)
class Saved:
    id: int
    next_appointment: dt.datetime | None
    # What agenda.plan_next did with the next appointment ("none" for a planned session).
    planned: str


def save_and_plan(
    session: Session,
    participant_id: int,
    data: dict[str, Any],
    session_id: int | None,
    *,
    confirmed: bool,
    saved_next: dt.datetime | None,
) -> Saved:
    """``save_session``, and a held (or cancelled) session's next appointment goes in the
    agenda (``saved_next``: the one it had, whose planned session moves along)."""
    row = save_session(session, participant_id, data, session_id, confirmed=confirmed)
    planned = "none"
    if row.status != "planned":
        planned = agenda.plan_next(
            session,
            participant_id,
            saved_next,
            row.next_appointment,
            minutes=row.minutes,
            mode=row.mode,
        )
    return Saved(row.id, row.next_appointment, planned)


def set_attendance(
    session: Session,
    participant_id: int,
    day: dt.date,
    present: bool | None,
    *,
    confirmed: bool = False,
    today: dt.date | None = None,
    excused: bool = False,
) -> None:
    """Mark one group session; None removes the mark. Implausible as save_session.

    ``excused`` (afbud, the group roster's third mark) goes with ``present=False`` only.
    """
    excused = bool(excused) and present is False
    p = participants.get_participant(session, participant_id)
    row = session.execute(
        select(GroupAttendance).where(
            GroupAttendance.participant_id == p.id, GroupAttendance.date == day
        )
    ).scalar()
    if present is not None:
        findings = plausibility.check_attendance(course_facts(p, today), day)
        _check_plausible("attendance_mark", findings, confirmed)
        confirmed = bool(confirmed and findings)
    if present is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(
            GroupAttendance(
                participant_id=p.id, date=day, present=present, excused=excused, confirmed=confirmed
            )
        )
    else:
        row.present = present
        row.excused = excused
        row.confirmed = confirmed
    audit.record(session, "attendance_saved", {"marks": 1}, subject=p.uid)
