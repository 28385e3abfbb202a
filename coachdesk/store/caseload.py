"""The caseload read model: the whole caseload table and today's appointments in a
constant number of queries, whatever its size; or its first screenful alone.

Plain SQL on the driver's own connection, and no SQLAlchemy at import time: the unlock
worker reads the first screenful (``read_caseload(..., first=n)``, through
Vault.read_raw) before SQLAlchemy need be loaded (issue 19). ``load_caseload`` is the
same read inside an ORM session.

The writes behind the forms live with their concept: store/participants.py,
store/sessions.py, store/jobplans.py, store/drafts.py, store/assessments.py.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from coachdesk import gc_policy
from coachdesk.core import course, schedule
from coachdesk.store import settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


# The Danish alphabet ends ... x, y, z, æ, ø, å; code point order has å (U+00E5) before
# æ (U+00E6) and ø (U+00F8), so "Åse" came before "Ærø" and "Østergaard". The caseload's
# key maps the three to U+0080-U+0082 (C1 controls, which no one types in a name): after
# z, in the Danish order, and before every other accented letter. The search maps what is
# typed the same way (search_text), so it still finds what it found.
_DANISH_ORDER = str.maketrans({"æ": "\x80", "ø": "\x81", "å": "\x82"})


def search_text(text: str) -> str:
    """``text`` as the caseload's search and order see it: composed (NFC: an "å" typed
    as "a" + ring is the same letter), casefolded, æ ø å put after z. Per character
    after composition, so ``search_key(n, r) == search_text(n) + "\x1f" +
    search_text(r)`` and a typed needle is found in a key as in the text."""
    return unicodedata.normalize("NFC", text).casefold().translate(_DANISH_ORDER)


def search_key(name: str, ref: str) -> str:
    """What the caseload's search looks in, and its order (name, then ref)."""
    return search_text(f"{name}\x1f{ref}")


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
    # False: ``rows`` is the first page of the caseload's order (the unlock's first
    # screenful), the first ``len(rows)`` of the whole list read at the same moment,
    # and more rows follow. (How many is not counted: a count of the whole table was
    # 25-55 ms of the 50,000-person unlock, cold, against 3-9 ms for the page.)
    complete: bool = True


# The caseload's one order, the first page's and the whole list's: ``search_key`` (the
# ``name\x1fref`` of search_text: the Danish alphabet's order, migration 0016) in code
# point order, then participant id. SQLite's BINARY
# collation compares UTF-8 bytes, whose order is the code points' order, which is
# Python's str order: the first page read along ix_caseload_summary_order (migration
# 0015) is the prefix of the whole list sorted here (tests/test_caseload_first_page.py).
_ORDER_KEY = attrgetter("search_key")


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
    "FROM caseload_summary {where} {order}"
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
    """The whole caseload in a few queries, whatever its size (no query per row), inside
    ``session``'s transaction."""
    return read_caseload(session.connection().connection, today, include_archived=include_archived)


def read_caseload(
    conn: Any, today: dt.date, *, include_archived: bool = False, first: int | None = None
) -> Caseload:
    """The caseload on the driver's own connection (``conn``: a DB-API connection, as
    Vault.read_raw gives it). ``first``: only the first ``first`` rows of the order,
    ``complete`` False when more exist; the whole list
    when some row lacks a stored search key (its order is only known in Python)."""
    with gc_policy.paused():  # ~100,000 small objects, no cycles among them
        cur = conn.cursor()
        try:
            return _read(cur, conn, today, include_archived, first)
        finally:
            cur.close()


def _read(
    cur: Any, conn: Any, today: dt.date, include_archived: bool, first: int | None
) -> Caseload:
    where = "" if include_archived else "WHERE NOT archived"
    sql = _SUMMARY_SQL.format(
        archived="archived, " if include_archived else "0, ",
        nothing_due=", ".join(f"'{s}'" for s in sorted(NOTHING_DUE)),
        where=where,
        order="{order}",
    )
    if first is not None:
        # NULL and '' come first in the index: one seek says whether any row lacks its
        # key (a vault written before search_key was kept); then the page is not known
        # to be the whole list's prefix, and the whole list is read.
        lowest = cur.execute(
            "SELECT search_key FROM caseload_summary ORDER BY search_key LIMIT 1"
        ).fetchone()
        if lowest is not None and not lowest[0]:
            first = None
    if first is not None:
        # One row more than the page: whether more follow, without counting them.
        people = cur.execute(
            sql.format(order="ORDER BY search_key, participant_id LIMIT ?"), (first + 1,)
        ).fetchall()
        more = len(people) > first
        del people[first:]
    else:
        # Id order is the table's own (participant_id is its rowid): free; the sort
        # below keeps it for equal keys.
        people = cur.execute(sql.format(order="ORDER BY participant_id")).fetchall()
    plan = settings.instrument_schedule_raw(conn)
    rows = _fold(people, today, plan)
    if first is None:
        # Sorted here, not by SQLite (a sort of the whole table at every unlock, 15-35 ms
        # at 10,000); ties in id order. The table view sorts again by its own column,
        # with this order for ties.
        rows.sort(key=_ORDER_KEY)
    return Caseload(
        rows=rows,
        today_appointments=_appointments(cur, today),
        complete=first is None or not more,
    )


# The day's appointments (one line per person, the earliest time). Dates as the ORM
# stores DateTime on SQLite (text, ``YYYY-MM-DD HH:MM:SS.ffffff``), so text comparison
# is time order.
_APPOINTMENTS_SQL = (
    "SELECT s.participant_id, p.name, p.ref, s.next_appointment FROM session_log s "
    "JOIN participant p ON p.id = s.participant_id "
    "WHERE s.next_appointment >= ? AND s.next_appointment < ? AND p.archived IS 0 "
    "ORDER BY s.next_appointment"
)


def _db_time(at: dt.datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def _appointments(cur: Any, today: dt.date) -> list[Appointment]:
    start_of_day = dt.datetime.combine(today, dt.time())
    found = cur.execute(
        _APPOINTMENTS_SQL,
        (_db_time(start_of_day), _db_time(start_of_day + dt.timedelta(days=1))),
    ).fetchall()
    seen: set[int] = set()
    today_list = []
    for pid, name, ref, at in found:
        if at is not None and pid not in seen:
            seen.add(pid)
            today_list.append(Appointment(pid, name, ref, dt.datetime.fromisoformat(at)))
    return today_list


def _fold(people: list[Any], today: dt.date, plan: dict[str, tuple[str, ...]]) -> list[CaseloadRow]:
    """The summary rows as caseload rows, in the order given."""
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
                    key or search_key(name, ref),
                    due_m,
                ),
            )
        )
    return rows
