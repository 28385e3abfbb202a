"""Is a dated record plausible? One set of rules for the forms, the importer and reports.

Two kinds of finding:

- an **error** is a record that cannot be true: a session marked held (or no-show) on
  a day that has not come yet, a group attendance mark for a future day, anything
  dated before the participant was referred, a course week that is not the week the
  date falls in. Forms refuse it, the importer refuses the file.
- a **warning** is a record that can be true but is unusual: a session or attendance
  mark before the course started, or after the course ended plus a grace period (a
  late conversation happens). The coach confirms it in the form; an imported one waits
  for that confirmation (``confirmed`` is stored on the row, migration 0006), and a
  report never counts a record with a warning that was not confirmed (``counts``).

Assessments have the one rule "not before the referral" (core/records applies it to
files; store/assessments to the form); the future is already refused there.
Qt-free: findings carry a code; ui/ and the importer word them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from coachdesk.core import course
from coachdesk.core.problems import FieldError

# Days after the last day of week 12 in which a session or mark is still ordinary
# (a closing conversation moved by illness or a holiday).
GRACE_DAYS = 14

ERROR, WARNING = "error", "warning"

HELD_IN_FUTURE = "held_in_future"
MARK_IN_FUTURE = "mark_in_future"
BEFORE_REFERRAL = "before_referral"
WEEK_MISMATCH = "week_mismatch"
BEFORE_START = "before_start"
AFTER_COURSE = "after_course"

SEVERITY = {
    HELD_IN_FUTURE: ERROR,
    MARK_IN_FUTURE: ERROR,
    BEFORE_REFERRAL: ERROR,
    WEEK_MISMATCH: ERROR,
    BEFORE_START: WARNING,
    AFTER_COURSE: WARNING,
}
# The statuses that say something happened (a no-show is a fact about a past day too).
HAPPENED = ("held", "no_show")


@dataclass(frozen=True)
class Finding:
    code: str
    # For WEEK_MISMATCH the week the date falls in (None: before the start).
    expected_week: int | None = None

    @property
    def severity(self) -> str:
        return SEVERITY[self.code]

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


@dataclass(frozen=True)
class Course:
    """What the rules need to know about the participant."""

    referral: dt.date | None
    start: dt.date | None
    today: dt.date

    @functools.cached_property  # once per participant, not once per session and mark
    def last_ordinary_day(self) -> dt.date | None:
        if self.start is None:
            return None
        return course.course_end(self.start) + dt.timedelta(days=GRACE_DAYS)


def _dates(c: Course, day: dt.date) -> list[Finding]:
    out = []
    if c.referral is not None and day < c.referral:
        out.append(Finding(BEFORE_REFERRAL))
    elif c.start is not None and day < c.start:
        out.append(Finding(BEFORE_START))
    last = c.last_ordinary_day
    if last is not None and day > last:
        out.append(Finding(AFTER_COURSE))
    return out


def check_session(
    c: Course, day: dt.date, status: str | None, week: int | None = None
) -> list[Finding]:
    out = []
    if (status or "held") in HAPPENED and day > c.today:
        out.append(Finding(HELD_IN_FUTURE))
    out += _dates(c, day)
    if week is not None and c.start is not None:
        want = course.course_week(c.start, day)
        if want != week:
            out.append(Finding(WEEK_MISMATCH, expected_week=want))
    return out


def check_attendance(c: Course, day: dt.date) -> list[Finding]:
    out = [Finding(MARK_IN_FUTURE)] if day > c.today else []
    return out + _dates(c, day)


def check_assessment(c: Course, day: dt.date) -> list[Finding]:
    return [Finding(BEFORE_REFERRAL)] if c.referral is not None and day < c.referral else []


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.is_error]


def warnings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if not f.is_error]


def counts(findings: Iterable[Finding], confirmed: bool) -> bool:
    """May a report count the record: no error, and any warning confirmed by the coach."""
    fs = list(findings)
    return not errors(fs) and (confirmed or not warnings(fs))


class _Session(Protocol):
    date: dt.date
    status: str
    week: int | None
    confirmed: bool


class _Mark(Protocol):
    date: dt.date
    confirmed: bool


S = TypeVar("S", bound=_Session)
M = TypeVar("M", bound=_Mark)


def countable_sessions(c: Course, sessions: Iterable[S]) -> list[S]:
    """The sessions a report, a summary or a count may include."""
    return [s for s in sessions if counts(check_session(c, s.date, s.status, s.week), s.confirmed)]


def countable_marks(c: Course, marks: Iterable[M]) -> list[M]:
    """The group attendance marks a report, a summary or a count may include."""
    return [g for g in marks if counts(check_attendance(c, g.date), g.confirmed)]


# --- the same rule in SQL (reports that count in the database) ----------------------
#
# The cohort report counts 130,000 records at 10,000 participants; deciding each in
# Python took most of its second. These expressions are ``counts(check_session(...))``
# and ``counts(check_attendance(...))`` written over the stored columns, for a WHERE
# clause (tests/test_plausibility_sql.py holds them equal to the Python rule over random
# records, so this stays one rule with two implementations proven to agree). They read
# the record's columns through alias ``t`` (session_log / group_attendance) and the
# participant's through ``p``, and take today as the named parameter ``:today`` (ISO
# text). Dates are stored as ISO text (YYYY-MM-DD), so they compare as text; every
# term is NULL-safe (NULL dates, week, status or confirmed behave as in Python).

# The last ordinary day is course_end(start) + GRACE_DAYS = start + this many days.
_LAST_ORDINARY_OFFSET = course.COURSE_WEEKS * 7 - 1 + GRACE_DAYS
_BEFORE_REFERRAL_SQL = "(p.referral_date IS NOT NULL AND t.date < p.referral_date)"
_WARNING_SQL = (
    "(p.course_start IS NOT NULL AND (t.date < p.course_start OR "
    f"t.date > date(p.course_start, '+{_LAST_ORDINARY_OFFSET} days')))"
)
_CONFIRMED_SQL = "COALESCE(t.confirmed, 0) != 0"


def _counts_sql(errors: str) -> str:
    return (
        f"(NOT ({errors} OR {_BEFORE_REFERRAL_SQL}) AND ({_CONFIRMED_SQL} OR NOT {_WARNING_SQL}))"
    )


# check_session's errors besides the referral: held (or no-show; no status means held)
# in the future, and a week the date does not fall in (course_week(start, date)).
COUNTABLE_SESSION_SQL = _counts_sql(
    "(COALESCE(NULLIF(t.status, ''), 'held') IN ('held', 'no_show') AND t.date > :today)"
    " OR (t.week IS NOT NULL AND p.course_start IS NOT NULL AND (t.date < p.course_start"
    " OR CAST(julianday(t.date) - julianday(p.course_start) AS INTEGER) / 7 + 1"
    " != t.week))"
)
# check_attendance's: a mark for a day that has not come yet.
COUNTABLE_MARK_SQL = _counts_sql("t.date > :today")


# --- the participant file (the importer's one call) ----------------------------------


def field_error(path: str, finding: Finding) -> FieldError:
    """A finding as the error of the record field it is about (the catalogue's
    "plausibility.<code>" text, core/texts.py)."""
    key = "week" if finding.code == WEEK_MISMATCH else "date"
    return FieldError(
        f"{path}.{key}" if path else key, f"plausibility.{finding.code}", {"days": GRACE_DAYS}
    )


def _opt(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def record_errors(p: Any, path: str, today: dt.date) -> list[FieldError]:
    """The hard errors in one participant record of the file, as ``path: message``.

    Runs after core/records (it skips what records already reports: unreadable dates,
    assessments). Warnings are not errors: the rows are imported unconfirmed.
    """
    if not isinstance(p, dict):
        return []
    c = Course(_opt(p.get("referral_date")), _opt(p.get("course_start")), today)
    out: list[FieldError] = []
    sessions = p.get("sessions")
    for i, s in enumerate(sessions if isinstance(sessions, list) else []):
        day = _opt(s.get("date")) if isinstance(s, dict) else None
        if day is None:
            continue
        week = s.get("week") if isinstance(s.get("week"), int) else None
        for f in errors(check_session(c, day, s.get("status"), week)):
            out.append(field_error(f"{path}.sessions[{i}]", f))
    marks = p.get("group_attendance")
    for i, g in enumerate(marks if isinstance(marks, list) else []):
        day = _opt(g.get("date")) if isinstance(g, dict) else None
        if day is None:
            continue
        for f in errors(check_attendance(c, day)):
            out.append(field_error(f"{path}.group_attendance[{i}]", f))
    return out
