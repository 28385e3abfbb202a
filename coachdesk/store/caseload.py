"""The caseload read model: the whole caseload table and today's appointments in a
constant number of queries, whatever its size.

The writes behind the forms live with their concept: store/participants.py,
store/sessions.py, store/jobplans.py, store/drafts.py, store/assessments.py.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk import gc_policy
from coachdesk.core import course, schedule
from coachdesk.store import interchange, settings
from coachdesk.store.models import Assessment, Participant, SessionLog


class CaseloadRow(NamedTuple):
    """One line of the caseload table: everything it shows, precomputed once.

    A named tuple, not a frozen dataclass: read-only all the same, and made in a third
    of the time (a frozen dataclass sets each of its 16 fields through
    object.__setattr__: 0.10-0.14 s for 50,000 rows, a named tuple 0.03 s).
    """

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
# 0/1) and are converted here; tests/test_caseload.py pins the result against the ORM's
# view of the same rows, and tests/test_caseload_read_model.py against the earlier
# implementation that scored every questionnaire's answers. Each read is one scan of an
# index that holds every column it asks for (ix_participant_caseload,
# ix_assessment_caseload, ix_session_log_caseload): no table row (with its notes,
# answers or personal details) is read or decrypted.
_PEOPLE_SQL = (
    "SELECT id, uid, name, ref, status, course_start, outcome_status IS NOT NULL, archived, "
    f"consent_withdrawn_on IS NOT NULL, search_key FROM {Participant.__tablename__} "
    "{where}"
)
# Every questionnaire's instrument, kind, date and stored score (assessment.score,
# migration 0013: the one rule's PSS-10 total), never its answers.
_TAKEN_SQL = (
    f"SELECT participant_id, instrument, kind, date, id, score FROM {Assessment.__tablename__}"
)
_HELD_SQL = (
    f"SELECT participant_id, sum(status = 'held'), max(CASE WHEN status != 'planned' THEN date "
    f"END) FROM {SessionLog.__tablename__} GROUP BY participant_id"
)


# Statuses for which nothing is due (core/course.due_items and core/schedule.due_from_done
# return nothing for them; tests/test_caseload_read_model.py holds that): most people
# of a provider's vault, so their rows skip both rules.
NOTHING_DUE = frozenset({"not_eligible", "dropped_out", "completed"})


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _followup_points(
    later: list[tuple[str, str]], start: dt.date | None
) -> tuple[tuple[str, str], ...]:
    """(instrument, schedule point) of a person's follow-ups, sorted (a memo key)."""
    return tuple(
        sorted(
            {
                (iid, schedule.point_of("followup", dt.date.fromisoformat(d), start))
                for iid, d in later
            }
        )
    )


def load_caseload(session: Session, today: dt.date, *, include_archived: bool = False) -> Caseload:
    """The whole caseload in four queries, whatever its size (no query per row)."""
    with gc_policy.paused():  # ~100,000 small objects, no cycles among them
        return _load_caseload(session, today, include_archived)


def _load_caseload(session: Session, today: dt.date, include_archived: bool) -> Caseload:
    # The driver's own cursor, inside this session's transaction: plain tuples.
    cur = session.connection().connection.cursor()
    where = "" if include_archived else "WHERE NOT archived"
    people = cur.execute(_PEOPLE_SQL.format(where=where)).fetchall()

    # Per person: the first PSS-10 screening (earliest date, the first stored on a tie)
    # and the latest final (latest date, the last stored on a tie), as (date, id, score)
    # (core/pss10.pick_before_after's choice); the (instrument, kind) pairs taken at the
    # points that need no date; and the follow-ups, whose point depends on their date.
    firsts: dict[int, tuple[str, int, float | None]] = {}
    lasts: dict[int, tuple[str, int, float | None]] = {}
    taken: dict[int, set[tuple[str, str]]] = defaultdict(set)
    followups: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for pid, iid, kind, day, aid, score in cur.execute(_TAKEN_SQL).fetchall():
        if kind == "followup":
            followups[pid].append((iid, day))
            continue
        taken[pid].add((iid, kind))
        if iid != "pss10":
            continue
        if kind == "screening":
            was = firsts.get(pid)
            if was is None or (day, aid) < was[:2]:
                firsts[pid] = (day, aid, score)
        elif kind == "final":
            was = lasts.get(pid)
            if was is None or (day, aid) > was[:2]:
                lasts[pid] = (day, aid, score)
    held: dict[int, tuple[int, str | None]] = {
        pid: (int(n or 0), last) for pid, n, last in cur.execute(_HELD_SQL).fetchall()
    }
    cur.close()
    plan = settings.instrument_schedule(session)

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

    # The rules (core/course, core/schedule) are pure functions of a few values that
    # most people share (a course starts for a group; the statuses and counts are few):
    # each distinct combination is worked out once. At 50,000 people that is some
    # hundreds of calls instead of 150,000.
    starts: dict[str | None, tuple[dt.date | None, int | None]] = {}
    dues: dict[tuple[Any, ...], tuple[course.Due, ...]] = {}
    measured: dict[tuple[Any, ...], tuple[schedule.DueMeasurement, ...]] = {}
    rows: list[CaseloadRow] = []
    append = rows.append
    nothing: set[tuple[str, str]] = set()
    fromiso = dt.date.fromisoformat
    for pid, uid, name, ref, status, start_text, has_outcome, archived, withdrawn, key in people:
        first = firsts.get(pid)
        final = lasts.get(pid)
        n_held, last = held.get(pid, (0, None))
        got = starts.get(start_text)
        if got is None:
            s = _date(start_text)
            got = starts[start_text] = (s, course.course_week(s, today))
        start, week = got
        if status in NOTHING_DUE:
            due: tuple[course.Due, ...] = ()
            due_m: tuple[schedule.DueMeasurement, ...] = ()
        else:
            due_key = (status, start_text, first is None, final is None, n_held, has_outcome)
            due = dues.get(due_key)  # type: ignore[assignment]
            if due is None:
                due = dues[due_key] = tuple(
                    course.due_items(
                        status=status,
                        start=start,
                        today=today,
                        has_screening=first is not None,
                        has_final=final is not None,
                        sessions_held=n_held,
                        has_outcome=bool(has_outcome),
                    )
                )
            later = followups.get(pid)
            points = _followup_points(later, start) if later else ()
            mine = taken.get(pid, nothing)
            m_key = (status, start_text, frozenset(mine), points)
            due_m = measured.get(m_key)  # type: ignore[assignment]
            if due_m is None:
                due_m = measured[m_key] = tuple(
                    schedule.due_from_done(
                        plan, status=status, start=start, today=today, done=mine | set(points)
                    )
                )
        append(
            CaseloadRow(
                pid,
                uid,
                name,
                ref,
                status,
                start,
                week,
                due,
                fromiso(last) if last else None,
                n_held,
                None if first is None or first[2] is None else int(first[2]),
                None if final is None or final[2] is None else int(final[2]),
                bool(archived),
                bool(withdrawn),
                key or interchange.search_key(name, ref),
                due_m,
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
