"""Which questionnaires a course measures at which points, and which are due.

A course's schedule maps four points to instrument ids (core/instruments.py):
screening (before or at the start), mid-course (week 4), final (week 12) and follow-up
(week 24, twelve weeks after the course: CoachDesk's choice). The default is the
issue's: PSS-10 at screening and final, WHO-5 at screening, week 4 and final.

The stored assessment kinds stay screening / final / followup (the participant file's
vocabulary); the mid-course point is a ``followup`` dated inside the course (weeks
1-12), the follow-up point one dated after it. Qt-free, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from coachdesk.core import course, instruments

POINTS: tuple[str, ...] = ("screening", "mid", "final", "followup")
POINT_WEEK = {"screening": 1, "mid": 4, "final": course.COURSE_WEEKS, "followup": 24}

Schedule = Mapping[str, tuple[str, ...]]

DEFAULT: Schedule = {
    "screening": ("pss10", "who5"),
    "mid": ("who5",),
    "final": ("pss10", "who5"),
    "followup": (),
}


def point_of(kind: str, day: dt.date, start: dt.date | None) -> str:
    """The schedule point an assessment fills."""
    if kind in ("screening", "final"):
        return kind
    week = course.course_week(start, day)
    return "mid" if week is not None and week <= course.COURSE_WEEKS else "followup"


def check(schedule: object) -> dict[str, tuple[str, ...]]:
    """A stored schedule as a clean dict, or ValueError saying what is wrong."""
    if not isinstance(schedule, Mapping):
        raise ValueError("the schedule must map points to lists of questionnaires")
    out: dict[str, tuple[str, ...]] = {}
    for point in POINTS:
        ids = schedule.get(point, ())
        if not isinstance(ids, list | tuple) or not all(isinstance(i, str) for i in ids):
            raise ValueError(f"{point}: must be a list of questionnaire ids")
        unknown = [i for i in ids if i not in instruments.ids()]
        if unknown:
            raise ValueError(f"{point}: {', '.join(unknown)} is not a known questionnaire")
        out[point] = tuple(dict.fromkeys(ids))
    extra = set(schedule) - set(POINTS)
    if extra:
        raise ValueError(f"unknown point(s): {', '.join(sorted(map(str, extra)))}")
    return out


@dataclass(frozen=True)
class DueMeasurement:
    instrument: str
    point: str
    overdue: bool


def due_measurements(
    schedule: Schedule,
    *,
    status: str,
    start: dt.date | None,
    today: dt.date,
    taken: Iterable[tuple[str, str, dt.date]],
) -> list[DueMeasurement]:
    """The scheduled questionnaires due today and not yet taken, overdue first.

    ``taken`` holds (instrument, kind, date) of the participant's assessments. A point
    is due from its week on (screening: at once) and overdue a week later; nothing is
    due for a participant who is not eligible, dropped out or completed, and nothing
    after the screening before the course has started.
    """
    if status in ("not_eligible", "dropped_out", "completed"):
        return []
    done = {(iid, point_of(kind, day, start)) for iid, kind, day in taken}
    return due_from_done(schedule, status=status, start=start, today=today, done=done)


def due_from_done(
    schedule: Schedule,
    *,
    status: str,
    start: dt.date | None,
    today: dt.date,
    done: set[tuple[str, str]],
) -> list[DueMeasurement]:
    """due_measurements from the (instrument, point) pairs already taken (the caseload
    builds those for everyone in one pass)."""
    if status in ("not_eligible", "dropped_out", "completed"):
        return []
    week = course.course_week(start, today)
    out: list[DueMeasurement] = []
    for point in POINTS:
        due_week = POINT_WEEK[point]
        if point != "screening" and (week is None or week < due_week):
            continue
        overdue = week is not None and week > due_week
        for iid in schedule.get(point, ()):
            if (iid, point) not in done:
                out.append(DueMeasurement(iid, point, overdue))
    out.sort(key=lambda d: not d.overdue)
    return out
