"""The hours plan of a return to work: a week-by-week step plan and its one legal rule.

Partial return ("delvis raskmelding", sygedagpengeloven § 7, stk. 2) needs at least
4 hours of absence a week: a week whose planned hours leave less than 4 hours below the
person's normal weekly hours is no longer a partial sick leave. The coach is warned
(the editor and the export); the plan is not refused, since the municipality decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from coachdesk.core.problems import FieldError

MIN_ABSENCE_HOURS = 4.0
RETURN_KINDS = ("full", "partial")
MAX_WEEKS = 52
MAX_HOURS = 80.0


@dataclass(frozen=True)
class Step:
    week: int
    hours: float


def parse_steps(raw: Sequence[Any]) -> tuple[list[Step], list[FieldError]]:
    """Stored or typed steps -> sorted steps and problems (path ``step_plan``, a code)."""
    steps: list[Step] = []
    problems: list[FieldError] = []
    for i, item in enumerate(raw, 1):
        try:
            week = int(item["week"])
            hours = float(item["hours"])
        except (KeyError, TypeError, ValueError):
            problems.append(FieldError("step_plan", "report_fields.step_incomplete", {"step": i}))
            continue
        if not 1 <= week <= MAX_WEEKS:
            problems.append(
                FieldError("step_plan", "report_fields.step_week", {"step": i, "max": MAX_WEEKS})
            )
        elif not 0 <= hours <= MAX_HOURS:
            problems.append(
                FieldError(
                    "step_plan", "report_fields.step_hours", {"step": i, "max": f"{MAX_HOURS:g}"}
                )
            )
        else:
            steps.append(Step(week, hours))
    weeks = [s.week for s in steps]
    if len(set(weeks)) != len(weeks):
        problems.append(FieldError("step_plan", "field.duplicate_week"))
    return sorted(steps, key=lambda s: s.week), problems


def partial_return_breaks(normal_hours: float | None, steps: Sequence[Step]) -> list[Step]:
    """The steps that leave less than 4 hours of absence below the normal hours.

    Meaningful only for a partial return; without normal hours nothing can be said.
    A step at (or above) the normal hours is a full return that week, not a break.
    """
    if normal_hours is None:
        return []
    return [s for s in steps if normal_hours - MIN_ABSENCE_HOURS < s.hours < normal_hours]
