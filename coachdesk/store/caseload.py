"""The caseload read model: the whole caseload table and today's appointments in a
constant number of queries, whatever its size.

The writes behind the forms live with their concept: store/participants.py,
store/sessions.py, store/jobplans.py, store/drafts.py, store/assessments.py.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk import gc_policy
from coachdesk.core import course, pss10, schedule
from coachdesk.store import interchange, settings
from coachdesk.store.models import Assessment, Participant, SessionLog


@dataclass(frozen=True)
class CaseloadRow:
    """One line of the caseload table: everything it shows, precomputed once."""

    id: int
    uid: str
    name: str
    ref: str
    status: str
    course_start: dt.date | None
    week: int | None
    due: tuple[course.Due, ...]
    last_session: dt.date | None
    sessions_held: int
    pss_before: int | None
    pss_after: int | None
    archived: bool
    consent_withdrawn: bool
    # casefold()ed name + ref: the proxy filters on it without per-keystroke work.
    search_key: str
    # The course's scheduled questionnaires due today (core/schedule.py).
    measurements_due: tuple[schedule.DueMeasurement, ...] = ()

    @property
    def needs_attention(self) -> bool:
        return any(d.overdue for d in self.due)


@dataclass(frozen=True)
class Appointment:
    participant_id: int
    name: str
    ref: str
    at: dt.datetime


@dataclass
class Caseload:
    rows: list[CaseloadRow] = field(default_factory=list)
    today_appointments: list[Appointment] = field(default_factory=list)


# The caseload's three bulk reads, as plain SQL run on the driver: at 10,000 participants
# SQLAlchemy's row processing (ORM bundles, Date and JSON converters) took 2-3x longer
# than the query itself. The values come back in SQLite's storage form (ISO date text,
# 0/1, JSON text) and are converted here; tests/test_caseload.py pins the result against
# the ORM's view of the same rows.
_PEOPLE_SQL = (
    f"SELECT id, uid, name, ref, status, course_start, outcome_status, archived, "
    f"consent_withdrawn_on, search_key FROM {Participant.__tablename__} "
    "{where}"
)
# Only what the table shows: the first screening and the latest final (follow-ups never).
_ASSESSMENTS_SQL = (
    f"SELECT participant_id, kind, date, answers FROM {Assessment.__tablename__} "
    "WHERE kind IN ('screening', 'final') AND instrument = 'pss10'"
)
# Every questionnaire's instrument, kind and date: what the schedule says is still due.
_TAKEN_SQL = f"SELECT participant_id, instrument, kind, date FROM {Assessment.__tablename__}"
_HELD_SQL = (
    f"SELECT participant_id, sum(status = 'held'), max(CASE WHEN status != 'planned' THEN date "
    f"END) FROM {SessionLog.__tablename__} GROUP BY participant_id"
)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def load_caseload(session: Session, today: dt.date, *, include_archived: bool = False) -> Caseload:
    """The whole caseload in four queries, whatever its size (no query per row)."""
    with gc_policy.paused():  # ~100,000 small objects, no cycles among them
        return _load_caseload(session, today, include_archived)


def _load_caseload(session: Session, today: dt.date, include_archived: bool) -> Caseload:
    # The driver's own cursor, inside this session's transaction: plain tuples.
    cur = session.connection().connection.cursor()
    where = "" if include_archived else "WHERE NOT archived"
    people = cur.execute(_PEOPLE_SQL.format(where=where)).fetchall()

    # Assessments: only kind, date and answers; scoring is core/pss10's job.
    by_person: dict[int, list[tuple[str, str, list[Any]]]] = defaultdict(list)
    loads = json.loads
    for pid, kind, day, answers in cur.execute(_ASSESSMENTS_SQL).fetchall():
        by_person[pid].append((kind, day, loads(answers)))

    # (instrument, schedule point) taken per person; only a follow-up's date matters
    # (inside the course it is the week-4 point), so only those dates are parsed.
    starts = {row[0]: row[5] for row in people}
    done: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for pid, iid, kind, day in cur.execute(_TAKEN_SQL).fetchall():
        if kind == "followup":
            start_text = starts.get(pid)
            kind = schedule.point_of(
                kind, dt.date.fromisoformat(day), _date(start_text) if start_text else None
            )
        done[pid].add((iid, kind))
    plan = settings.instrument_schedule(session)
    nothing: set[tuple[str, str]] = set()

    held: dict[int, tuple[int, dt.date | None]] = {
        pid: (int(n or 0), _date(last)) for pid, n, last in cur.execute(_HELD_SQL).fetchall()
    }
    cur.close()

    start_of_day = dt.datetime.combine(today, dt.time())
    appts = session.execute(
        select(
            SessionLog.participant_id,
            Participant.name,
            Participant.ref,
            SessionLog.next_appointment,
        )
        .join(Participant, Participant.id == SessionLog.participant_id)
        .where(
            SessionLog.next_appointment >= start_of_day,
            SessionLog.next_appointment < start_of_day + dt.timedelta(days=1),
            Participant.archived.is_(False),
        )
        .order_by(SessionLog.next_appointment)
    ).all()

    rows: list[CaseloadRow] = []
    for pid, uid, name, ref, status, start_text, outcome, archived, withdrawn, key in people:
        start = _date(start_text)
        assessments = by_person.get(pid, [])
        before, after = pss10.before_after_totals(assessments)
        n_held, last = held.get(pid, (0, None))
        due = course.due_items(
            status=status,
            start=start,
            today=today,
            has_screening=any(k == "screening" for k, _, _ in assessments),
            has_final=any(k == "final" for k, _, _ in assessments),
            sessions_held=n_held,
            has_outcome=outcome is not None,
        )
        rows.append(
            CaseloadRow(
                id=pid,
                uid=uid,
                name=name,
                ref=ref,
                status=status,
                course_start=start,
                week=course.course_week(start, today),
                due=tuple(due),
                last_session=last,
                sessions_held=n_held,
                pss_before=before,
                pss_after=after,
                archived=bool(archived),
                consent_withdrawn=withdrawn is not None,
                search_key=key or interchange.search_key(name, ref),
                measurements_due=tuple(
                    schedule.due_from_done(
                        plan, status=status, start=start, today=today, done=done.get(pid, nothing)
                    )
                ),
            )
        )
    # Sorted here, not by SQLite (a sort of the whole table at every unlock, 15-35 ms at
    # 10,000); the table view sorts again by its own column, with this order for ties.
    rows.sort(key=attrgetter("name"))
    seen: set[int] = set()
    today_list = []
    for pid, name, ref, at in appts:
        if at is not None and pid not in seen:  # one line per person, the earliest time
            seen.add(pid)
            today_list.append(Appointment(pid, name, ref, at))
    return Caseload(rows=rows, today_appointments=today_list)
