"""The closed vocabularies of the domain (docs/format.md, its enumerations).

Each vocabulary is a tuple of keys in display order; labels live in the UI and the
reports (through their translators), never in the data.
"""

from __future__ import annotations

PARTICIPANT_STATUSES: tuple[str, ...] = (
    "referred",
    "screened",
    "not_eligible",
    "admitted",
    "group_phase",
    "individual_phase",
    "completed",
    "dropped_out",
)
ASSESSMENT_KINDS: tuple[str, ...] = ("screening", "final", "followup")
SESSION_MODES: tuple[str, ...] = ("in_person", "phone", "video")
# "planned": an appointment in the agenda (issue 14); holding it makes it "held".
SESSION_STATUSES: tuple[str, ...] = ("held", "cancelled", "no_show", "planned")
THEMES: tuple[str, ...] = (
    "psychoeducation",
    "practical_exercises",
    "metacognitive_tools",
    "boundaries_time",
    "clarity_goals",
    "good_working_life",
    "community",
    "personal_support",
    "digital_tools",
)
ACCOMMODATION_CATEGORIES: tuple[str, ...] = (
    "hours",
    "tasks",
    "environment",
    "breaks",
    "flexibility",
    "remote",
    "social",
    "other",
)
GOAL_STATUSES: tuple[str, ...] = ("open", "done", "dropped")
OUTCOME_STATUSES: tuple[str, ...] = (
    "work_full",
    "work_partial",
    "sick_leave",
    "job_seeking",
    "education",
    "other",
)
CONSENT_SCOPES: tuple[str, ...] = ("course", "report_to_municipality")
RATING_KEYS: tuple[str, ...] = ("energy", "sleep", "wellbeing")
RATING_RANGE = (0, 10)

# Statuses in which the course is over (for retention and the "today" view).
ENDED_STATUSES: frozenset[str] = frozenset({"completed", "dropped_out", "not_eligible"})

# Values a coach can pick from when building the job plan (free text is allowed too).
COMMON_VALUES_DA: tuple[str, ...] = (
    "Balance mellem arbejde og fritid",
    "Faglig stolthed",
    "Fællesskab med kolleger",
    "At gøre en forskel for andre",
    "Frihed og selvbestemmelse",
    "Tryghed og forudsigelighed",
    "Læring og udvikling",
    "Ro og overskud",
    "Familie",
    "Anerkendelse",
    "Kreativitet",
    "Sundhed",
)
COMMON_VALUES_EN: tuple[str, ...] = (
    "Balance between work and leisure",
    "Professional pride",
    "Community with colleagues",
    "Making a difference for others",
    "Freedom and autonomy",
    "Security and predictability",
    "Learning and growth",
    "Calm and energy to spare",
    "Family",
    "Recognition",
    "Creativity",
    "Health",
)
