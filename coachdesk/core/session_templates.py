"""Templates for the three conversations every course has: the first individual session
(intake), the midway one and the closing one.

A template preselects the course elements (themes) the conversation usually covers;
the UI adds prompts to an empty note (their wording is the UI's, translated). Which
conversation a new session is comes from the number of held ones: "Samtale n af 8".
Qt-free.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from coachdesk.core.course import MAX_INDIVIDUAL_SESSIONS

INTAKE, MIDWAY, CLOSING = "intake", "midway", "closing"
KEYS = (INTAKE, MIDWAY, CLOSING)

THEMES: dict[str, tuple[str, ...]] = {
    # Getting to know the stress and setting the course's direction.
    INTAKE: ("psychoeducation", "clarity_goals"),
    # Tools in use, boundaries and the job plan's first steps.
    MIDWAY: ("metacognitive_tools", "boundaries_time", "good_working_life"),
    # What holds after the course: the plan, the steps, the support around it.
    CLOSING: ("good_working_life", "clarity_goals", "personal_support"),
}

MIDWAY_NUMBER = MAX_INDIVIDUAL_SESSIONS // 2


def session_number(held: Iterable[dt.date], day: dt.date) -> int:
    """This conversation's number among the held ones: those held before ``day``, + 1."""
    return sum(1 for d in held if d < day) + 1


def suggested(number: int) -> str | None:
    """The template a conversation with this number usually follows, if any."""
    if number == 1:
        return INTAKE
    if number == MIDWAY_NUMBER:
        return MIDWAY
    if number == MAX_INDIVIDUAL_SESSIONS:
        return CLOSING
    return None
