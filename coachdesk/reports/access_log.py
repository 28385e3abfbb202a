"""The participant's own copy: the log of reads and changes, in plain words.

GDPR art. 15 as the EU Court read it in C-579/21 (2023), and Datatilsynet's practice
since 2024: a person has a right to know when their data was read or changed, and why.
The audit log's entries are internal (event codes, JSON details, hashes); this turns
each into a date, what was done and why, in the report's language, and never prints a
code, a key or a hash. An event this module does not know is described generically
rather than shown raw.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from coachdesk.reports import strings

# action -> (what was done, why), English source; the wording in both languages is in
# the catalogue (coachdesk/i18n/texts.<lang>.json, section "report").
WHAT: dict[str, tuple[str, str]] = {
    "participant_created": ("Your data was recorded.", "You started in the course."),
    "participant_changed": ("Your data was changed.", "The coach updated your record."),
    "session_saved": ("A conversation was recorded.", "To document your course."),
    "session_changed": ("A conversation was changed.", "To document your course."),
    "session_deleted": ("A conversation was deleted.", "The coach removed a conversation."),
    "session_restored": ("A deleted conversation was restored.", "The coach undid a deletion."),
    "job_plan_saved": ("Your job plan was saved.", "To plan your return to work."),
    "attendance_saved": (
        "Your attendance at a group session was recorded.",
        "To document your course.",
    ),
    "attendance_deleted": (
        "An attendance mark was deleted.",
        "The coach corrected the attendance.",
    ),
    "attendance_restored": (
        "A deleted attendance mark was restored.",
        "The coach undid a deletion.",
    ),
    "import": ("Your data was read in from a file.", "The coach moved or restored data."),
    "export": (
        "Your data was saved to a file (participant file).",
        "A copy of your data was made.",
    ),
    "calendar_export": (
        "Your appointment was put in the coach's calendar file (your "
        "ref or initials, the time and the form; nothing else).",
        "So that the coach keeps the appointment.",
    ),
}
# A questionnaire's events name their instrument ({instrument}: "PSS-10", "WHO-5", ...);
# the wording without a name is for older events that did not record it (only a saved
# one without a name is known to be PSS-10: the instrument was left out for PSS-10).
QUESTIONNAIRE: dict[str, tuple[str, str, str]] = {
    "assessment_saved": (
        "A {instrument} questionnaire was recorded.",
        "A questionnaire was recorded.",
        "",
    ),
    "assessment_changed": (
        "A {instrument} questionnaire was corrected.",
        "A questionnaire was corrected.",
        "",
    ),
    "assessment_deleted": (
        "A {instrument} questionnaire was deleted.",
        "A questionnaire was deleted.",
        "The coach removed a questionnaire.",
    ),
    "assessment_restored": (
        "A deleted {instrument} questionnaire was restored.",
        "A deleted questionnaire was restored.",
        "The coach undid a deletion.",
    ),
}
READ_WHY: dict[str, str] = {
    "page": "The coach opened your page.",
    "report_preview": "The coach prepared a report.",
    "cpr_full": "The coach showed your full CPR number.",
}
REPORT_KIND: dict[str, str] = {
    "status_report": "A status note was made.",
    "final_report": "A final report was made.",
    "access_copy": "A copy of your data was made for you.",
}
CHANNEL: dict[str, str] = {
    "digital_post": "sent through Digital Post",
    "secure_email": "sent by secure e-mail",
    "handed_over": "handed over in person",
    "other": "sent another way",
}


@dataclass(frozen=True)
class LogLine:
    when: str
    what: str
    why: str


def describe(at: dt.datetime, action: str, detail: dict[str, Any] | None, lang: str) -> LogLine:
    """One audit event as a plain line: when, what was done, why."""
    tr = strings.tr
    d = detail or {}
    when = f"{strings.fmt_date(at.date(), lang)} {at:%H:%M}"
    if action == "participant_read":
        why = READ_WHY.get(str(d.get("view")), "The coach looked at your data.")
        return LogLine(when, tr("Your data was read.", lang), tr(why, lang))
    if action == "report":
        kind = str(d.get("kind"))
        what = tr(REPORT_KIND.get(kind, "A report was made."), lang)
        channel = CHANNEL.get(str(d.get("channel")))
        if channel:
            what = what[:-1] + " (" + tr(channel, lang) + ")."
        why = (
            "You asked for a copy of your data."
            if kind == "access_copy"
            else "To inform your caseworker at the municipality, with your consent."
        )
        return LogLine(when, what, tr(why, lang))
    if action in QUESTIONNAIRE:
        return _questionnaire(when, action, d, lang)
    what, why = WHAT.get(action, ("Your data was handled.", "The coach's work on your course."))
    return LogLine(when, tr(what, lang), tr(why, lang))


def _questionnaire(when: str, action: str, d: dict[str, Any], lang: str) -> LogLine:
    from coachdesk.core import instruments

    named, unnamed, why = QUESTIONNAIRE[action]
    key = d.get("instrument")
    if key is None and action == "assessment_saved":
        key = instruments.DEFAULT
    try:
        instrument = instruments.get(str(key)) if key is not None else None
    except KeyError:  # an instrument this version does not know: not named
        instrument = None
    if instrument is None:
        what = strings.tr(unnamed, lang)
    else:
        what = strings.tr(named, lang, instrument=instrument.short)
    if not why:
        why = (
            "To follow your stress level during the course."
            if instrument is not None and instrument.id == instruments.DEFAULT
            else "To follow how you are doing during the course."
        )
    return LogLine(when, what, strings.tr(why, lang))
