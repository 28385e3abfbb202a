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

# action -> (what was done, why), English source; Danish in strings.DA.
WHAT: dict[str, tuple[str, str]] = {
    "participant_created": ("Your data was recorded.", "You started in the course."),
    "participant_changed": ("Your data was changed.", "The coach updated your record."),
    "assessment_saved": (
        "A PSS-10 questionnaire was recorded.",
        "To follow your stress level during the course.",
    ),
    "assessment_changed": (
        "A PSS-10 questionnaire was corrected.",
        "To follow your stress level during the course.",
    ),
    "assessment_deleted": (
        "A PSS-10 questionnaire was deleted.",
        "The coach removed a questionnaire.",
    ),
    "assessment_restored": (
        "A deleted PSS-10 questionnaire was restored.",
        "The coach undid a deletion.",
    ),
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
    what, why = WHAT.get(action, ("Your data was handled.", "The coach's work on your course."))
    return LogLine(when, tr(what, lang), tr(why, lang))


DA: dict[str, str] = {
    "Your data was recorded.": "Dine oplysninger blev registreret.",
    "You started in the course.": "Du begyndte i forløbet.",
    "Your data was changed.": "Dine oplysninger blev ændret.",
    "The coach updated your record.": "Coachen opdaterede dine oplysninger.",
    "A PSS-10 questionnaire was recorded.": "Et PSS-10-spørgeskema blev registreret.",
    "To follow your stress level during the course.": (
        "For at følge dit stressniveau gennem forløbet."
    ),
    "A PSS-10 questionnaire was corrected.": "Et PSS-10-spørgeskema blev rettet.",
    "A PSS-10 questionnaire was deleted.": "Et PSS-10-spørgeskema blev slettet.",
    "The coach removed a questionnaire.": "Coachen fjernede et spørgeskema.",
    "A deleted PSS-10 questionnaire was restored.": (
        "Et slettet PSS-10-spørgeskema blev gendannet."
    ),
    "The coach undid a deletion.": "Coachen fortrød en sletning.",
    "A conversation was recorded.": "En samtale blev registreret.",
    "To document your course.": "For at dokumentere dit forløb.",
    "A conversation was changed.": "En samtale blev ændret.",
    "A conversation was deleted.": "En samtale blev slettet.",
    "The coach removed a conversation.": "Coachen fjernede en samtale.",
    "A deleted conversation was restored.": "En slettet samtale blev gendannet.",
    "Your job plan was saved.": "Din jobplan blev gemt.",
    "To plan your return to work.": "For at planlægge din tilbagevenden til arbejdet.",
    "Your attendance at a group session was recorded.": (
        "Dit fremmøde på en gruppesession blev registreret."
    ),
    "An attendance mark was deleted.": "En registrering af fremmøde blev slettet.",
    "The coach corrected the attendance.": "Coachen rettede fremmødet.",
    "A deleted attendance mark was restored.": (
        "En slettet registrering af fremmøde blev gendannet."
    ),
    "Your data was read in from a file.": "Dine oplysninger blev indlæst fra en fil.",
    "The coach moved or restored data.": "Coachen flyttede eller gendannede oplysninger.",
    "Your data was saved to a file (participant file).": (
        "Dine oplysninger blev gemt i en fil (deltagerfil)."
    ),
    "A copy of your data was made.": "Der blev lavet en kopi af dine oplysninger.",
    "Your data was read.": "Dine oplysninger blev læst.",
    "The coach opened your page.": "Coachen åbnede din side.",
    "The coach prepared a report.": "Coachen forberedte en rapport.",
    "The coach showed your full CPR number.": "Coachen viste dit fulde CPR-nummer.",
    "The coach looked at your data.": "Coachen så dine oplysninger.",
    "A status note was made.": "Der blev lavet et statusnotat.",
    "A final report was made.": "Der blev lavet en slutrapport.",
    "A copy of your data was made for you.": "Der blev lavet en kopi af dine oplysninger til dig.",
    "A report was made.": "Der blev lavet en rapport.",
    "sent through Digital Post": "sendt med Digital Post",
    "sent by secure e-mail": "sendt med sikker e-mail",
    "handed over in person": "udleveret personligt",
    "sent another way": "sendt på anden måde",
    "You asked for a copy of your data.": "Du bad om en kopi af dine oplysninger.",
    "To inform your caseworker at the municipality, with your consent.": (
        "For at orientere din sagsbehandler i kommunen, med dit samtykke."
    ),
    "Your appointment was put in the coach's calendar file (your ref or initials, the "
    "time and the form; nothing else).": (
        "Din aftale blev lagt i coachens kalenderfil (din ref. eller dine initialer, "
        "tidspunktet og samtaleformen; intet andet)."
    ),
    "So that the coach keeps the appointment.": "For at coachen kan holde aftalen.",
    "Your data was handled.": "Dine oplysninger blev behandlet.",
    "The coach's work on your course.": "Coachens arbejde med dit forløb.",
    "What was done": "Hvad skete der",
    "Why": "Hvorfor",
    "When": "Hvornår",
    "access_log_intro": (
        "Her kan du se, hvornår dine oplysninger er læst eller ændret, og hvorfor. "
        "Tidspunkterne er i UTC (dansk tid minus en eller to timer)."
    ),
}
EN: dict[str, str] = {
    "access_log_intro": ("When your data was read or changed, and why. The times are in UTC."),
}
strings.DA.update(DA)
strings.EN.update(EN)
