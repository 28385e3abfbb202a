"""The 12-week course: weeks, phases and what is due, derived from stored facts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

COURSE_WEEKS = 12
GROUP_WEEKS = (1, 4)
INDIVIDUAL_WEEKS = (5, 12)
MAX_INDIVIDUAL_SESSIONS = 8


def course_week(start: dt.date | None, today: dt.date) -> int | None:
    """1-12 during the course, 13 and up after it, None before the start (or no start)."""
    if start is None or today < start:
        return None
    return (today - start).days // 7 + 1


def course_end(start: dt.date) -> dt.date:
    """The last day of week 12."""
    return start + dt.timedelta(weeks=COURSE_WEEKS, days=-1)


def week_start(start: dt.date, week: int) -> dt.date:
    return start + dt.timedelta(weeks=week - 1)


def expected_phase(week: int | None) -> str | None:
    """The phase the calendar says a participant should be in."""
    if week is None:
        return None
    if week == 1:
        return "screening"
    if week <= GROUP_WEEKS[1]:
        return "group_phase"
    if week <= INDIVIDUAL_WEEKS[1]:
        return "individual_phase"
    return "ended"


@dataclass(frozen=True)
class Due:
    """One thing the coach should do; ``key`` is stable, the UI words it."""

    key: str  # screening_pss | final_pss | session | outcome | report
    overdue: bool
    number: int = 0  # e.g. the session number for "session 3 of 8"


def due_items(
    *,
    status: str,
    start: dt.date | None,
    today: dt.date,
    has_screening: bool,
    has_final: bool,
    sessions_held: int,
    has_outcome: bool,
) -> list[Due]:
    """What is due for one participant today, most urgent first."""
    if status in ("not_eligible", "dropped_out", "completed"):
        return []
    week = course_week(start, today)
    out: list[Due] = []
    if not has_screening:
        out.append(Due("screening_pss", overdue=week is not None and week > 1))
    if week is None:
        return out
    if INDIVIDUAL_WEEKS[0] <= week and sessions_held < MAX_INDIVIDUAL_SESSIONS and week <= 12:
        # Eight conversations over weeks 5-12: one a week keeps the pace.
        behind = sessions_held < week - INDIVIDUAL_WEEKS[0]
        out.append(Due("session", overdue=behind, number=sessions_held + 1))
    if week >= COURSE_WEEKS and not has_final:
        out.append(Due("final_pss", overdue=week > COURSE_WEEKS))
    if week > COURSE_WEEKS and not has_outcome:
        out.append(Due("outcome", overdue=True))
    out.sort(key=lambda d: not d.overdue)
    return out


def suggested_status(
    *, status: str, start: dt.date | None, today: dt.date, has_final: bool, has_outcome: bool
) -> str | None:
    """The status the course calls for, when it differs from ``status`` (else None).

    Only forward steps the coach would take anyway: into the individual phase from week
    5, and to completed once the final PSS-10 and the outcome are both recorded. The
    coach decides; the app suggests (a drop-out or an ineligible screening is never
    guessed).
    """
    if status in ("group_phase", "individual_phase") and has_final and has_outcome:
        return "completed"
    week = course_week(start, today)
    if status in ("admitted", "group_phase") and week is not None and week >= INDIVIDUAL_WEEKS[0]:
        return "individual_phase"
    return None
