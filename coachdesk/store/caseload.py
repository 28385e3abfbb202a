"""The caseload read model: the whole caseload table and today's appointments in a
constant number of queries, whatever its size.

The writes behind the forms live with their concept: store/participants.py,
store/sessions.py, store/jobplans.py, store/drafts.py, store/assessments.py.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk import gc_policy
from coachdesk.core import course, schedule
from coachdesk.store import interchange, settings
from coachdesk.store.models import Participant, SessionLog


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
        # Most rows have nothing due: they leave before a generator is made (the filter
        # and the Today strip ask this of every row).
        return bool(self.due) and any(d.overdue for d in self.due)


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


# The caseload's one bulk read: the per-person summary (models.caseload_summary,
# migration 0014), which SQLite's triggers keep right at every write, so the unlock
# scans one narrow table instead of folding every questionnaire and conversation into
# rows here (at 50,000 people 0.55 -> 0.25 s CPU). Plain SQL on the driver: SQLAlchemy's
# row processing (Date and Boolean converters) took 2-3x longer than the query. The
# values come in SQLite's storage form (ISO date text, 0/1) and are converted here;
# tests/test_caseload.py pins the result against the ORM's view of the same rows, and
# tests/test_caseload_read_model.py against the implementation that scored every
# questionnaire's answers.
# Statuses for which nothing is due (core/course.due_items and core/schedule.due_from_done
# return nothing for them; tests/test_caseload_read_model.py holds that): most people
# of a provider's vault, so their rows skip both rules.
NOTHING_DUE = frozenset({"not_eligible", "dropped_out", "completed"})

# The rules' five inputs come as one value, a JSON array made by SQLite, and only for
# the people something can be due for (NULL for the rest): each value a row brings into
# Python costs about 0.2 us whatever its type, and the scan was half the unlock's CPU at
# 50,000 people (18 -> 13 values a row). ``archived`` is read only when archived people
# are shown (otherwise it is false for every row read).
_SUMMARY_SQL = (
    "SELECT participant_id, uid, name, ref, status, course_start, {archived}"
    "consent_withdrawn, search_key, pss_before, pss_after, sessions_held, last_session, "
    "CASE WHEN status IN ({nothing_due}) THEN NULL "
    "ELSE json_array(has_outcome, pss_screened, pss_final, taken, followups) END "
    "FROM caseload_summary {where}"
)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def taken_pairs(taken: str | None) -> set[tuple[str, str]]:
    """The summary's ``taken`` (``instrument:kind,...``) as a set of pairs."""
    if not taken:
        return set()
    return {(iid, kind) for iid, _, kind in (item.partition(":") for item in taken.split(","))}


def _done(taken: str | None, followups: str | None, start: dt.date | None) -> set[tuple[str, str]]:
    """(instrument, schedule point) of everything the person took."""
    done = taken_pairs(taken)
    if followups:
        for item in followups.split(","):
            iid, _, day = item.partition(":")
            done.add((iid, schedule.point_of("followup", dt.date.fromisoformat(day), start)))
    return done


def load_caseload(session: Session, today: dt.date, *, include_archived: bool = False) -> Caseload:
    """The whole caseload in two queries, whatever its size (no query per row)."""
    with gc_policy.paused():  # ~100,000 small objects, no cycles among them
        return _load_caseload(session, today, include_archived)


def _load_caseload(session: Session, today: dt.date, include_archived: bool) -> Caseload:
    # The driver's own cursor, inside this session's transaction: plain tuples.
    cur = session.connection().connection.cursor()
    sql = _SUMMARY_SQL.format(
        archived="archived, " if include_archived else "0, ",
        nothing_due=", ".join(f"'{s}'" for s in sorted(NOTHING_DUE)),
        where="" if include_archived else "WHERE NOT archived",
    )
    people = cur.execute(sql).fetchall()
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
    # hundreds of calls instead of 100,000. Dates too: a few hundred distinct days.
    starts: dict[str | None, tuple[dt.date | None, int | None]] = {}
    days: dict[str | None, dt.date | None] = {None: None}
    rules: dict[str, tuple[Any, ...]] = {}  # the JSON array -> its five values
    dues: dict[tuple[Any, ...], tuple[course.Due, ...]] = {}
    measured: dict[tuple[Any, ...], tuple[schedule.DueMeasurement, ...]] = {}
    rows: list[CaseloadRow] = []
    append = rows.append
    # The named tuple's own constructor is a Python function (0.35 us a row here);
    # tuple.__new__ makes the same object in half the time.
    new_row = tuple.__new__
    fromiso = dt.date.fromisoformat
    for (
        pid,
        uid,
        name,
        ref,
        status,
        start_text,
        archived,
        withdrawn,
        key,
        before,
        after,
        n_held,
        last_text,
        rule,
    ) in people:
        got = starts.get(start_text)
        if got is None:
            s = _date(start_text)
            got = starts[start_text] = (s, course.course_week(s, today))
        start, week = got
        last = days.get(last_text)
        if last is None and last_text:
            last = days[last_text] = fromiso(last_text)
        if rule is None:  # status in NOTHING_DUE
            due: tuple[course.Due, ...] = ()
            due_m: tuple[schedule.DueMeasurement, ...] = ()
        else:
            inputs = rules.get(rule)
            if inputs is None:
                inputs = rules[rule] = tuple(json.loads(rule))
            has_outcome, screened, finalled, taken, followups = inputs
            due_key = (status, start_text, screened, finalled, n_held, has_outcome)
            due = dues.get(due_key)  # type: ignore[assignment]
            if due is None:
                due = dues[due_key] = tuple(
                    course.due_items(
                        status=status,
                        start=start,
                        today=today,
                        has_screening=bool(screened),
                        has_final=bool(finalled),
                        sessions_held=n_held,
                        has_outcome=bool(has_outcome),
                    )
                )
            m_key = (status, start_text, taken, followups)
            due_m = measured.get(m_key)  # type: ignore[assignment]
            if due_m is None:
                due_m = measured[m_key] = tuple(
                    schedule.due_from_done(
                        plan,
                        status=status,
                        start=start,
                        today=today,
                        done=_done(taken, followups, start),
                    )
                )
        append(
            new_row(
                CaseloadRow,
                (
                    pid,
                    uid,
                    name,
                    ref,
                    status,
                    start,
                    week,
                    due,
                    last,
                    n_held,
                    before,
                    after,
                    archived == 1,
                    withdrawn == 1,
                    key or interchange.search_key(name, ref),
                    due_m,
                ),
            )
        )
    # Sorted here, not by SQLite (a sort of the whole table at every unlock, 15-35 ms at
    # 10,000); ties in the order read (by id). The table view sorts again by its own
    # column, with this order for ties.
    rows.sort(key=attrgetter("name"))
    seen: set[int] = set()
    today_list = []
    for pid, name, ref, at in appts:
        if at is not None and pid not in seen:  # one line per person, the earliest time
            seen.add(pid)
            today_list.append(Appointment(pid, name, ref, at))
    return Caseload(rows=rows, today_appointments=today_list)
