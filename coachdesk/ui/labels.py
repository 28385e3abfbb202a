"""Translated labels for the closed vocabularies of core/vocab (keys stay in the data).

Each label is a literal ``translate`` call so that pyside6-lupdate finds it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from coachdesk.core import course


def statuses() -> dict[str, str]:
    return {
        "referred": QCoreApplication.translate("Labels", "Referred"),
        "screened": QCoreApplication.translate("Labels", "Screened"),
        "not_eligible": QCoreApplication.translate("Labels", "Not eligible"),
        "admitted": QCoreApplication.translate("Labels", "Admitted"),
        "group_phase": QCoreApplication.translate("Labels", "Group phase"),
        "individual_phase": QCoreApplication.translate("Labels", "Individual phase"),
        "completed": QCoreApplication.translate("Labels", "Completed"),
        "dropped_out": QCoreApplication.translate("Labels", "Dropped out"),
    }


def themes() -> dict[str, str]:
    return {
        "psychoeducation": QCoreApplication.translate(
            "Labels", "Psychoeducation – knowledge about stress"
        ),
        "practical_exercises": QCoreApplication.translate(
            "Labels", "Practical exercises – breathing, mindfulness, body techniques"
        ),
        "metacognitive_tools": QCoreApplication.translate(
            "Labels", "Metacognitive tools – managing thoughts, sleep strategies"
        ),
        "boundaries_time": QCoreApplication.translate(
            "Labels", "Setting boundaries and managing time"
        ),
        "clarity_goals": QCoreApplication.translate(
            "Labels", "Clarity and goals – realistic goals"
        ),
        "good_working_life": QCoreApplication.translate(
            "Labels", "The good working life – value-based job plan and accommodation needs"
        ),
        "community": QCoreApplication.translate(
            "Labels", "Community – support and mirroring in the group"
        ),
        "personal_support": QCoreApplication.translate(
            "Labels", "Personal support – individual conversations"
        ),
        "digital_tools": QCoreApplication.translate("Labels", "Digital tools (e.g. Jobuniverset)"),
    }


def session_modes() -> dict[str, str]:
    return {
        "in_person": QCoreApplication.translate("Labels", "In person"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "video": QCoreApplication.translate("Labels", "Video"),
    }


def session_statuses() -> dict[str, str]:
    return {
        "held": QCoreApplication.translate("Labels", "Held"),
        "cancelled": QCoreApplication.translate("Labels", "Cancelled"),
        "no_show": QCoreApplication.translate("Labels", "No-show"),
        "planned": QCoreApplication.translate("Labels", "Planned"),
    }


def accommodation_categories() -> dict[str, str]:
    return {
        "hours": QCoreApplication.translate("Labels", "Working hours (incl. gradual return)"),
        "tasks": QCoreApplication.translate("Labels", "Tasks to avoid"),
        "environment": QCoreApplication.translate("Labels", "Work environment"),
        "breaks": QCoreApplication.translate("Labels", "Breaks"),
        "flexibility": QCoreApplication.translate("Labels", "Flexibility"),
        "remote": QCoreApplication.translate("Labels", "Remote work"),
        "social": QCoreApplication.translate("Labels", "Social and relational load"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }


def goal_statuses() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Labels", "Open"),
        "done": QCoreApplication.translate("Labels", "Done"),
        "dropped": QCoreApplication.translate("Labels", "Dropped"),
    }


def outcome_statuses() -> dict[str, str]:
    return {
        "work_full": QCoreApplication.translate("Labels", "Back at work full time"),
        "work_partial": QCoreApplication.translate("Labels", "Back at work part time"),
        "sick_leave": QCoreApplication.translate("Labels", "Still on sick leave"),
        "job_seeking": QCoreApplication.translate("Labels", "Job-seeking"),
        "education": QCoreApplication.translate("Labels", "In education"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }


def rating_names() -> dict[str, str]:
    return {
        "energy": QCoreApplication.translate("Labels", "Energy"),
        "sleep": QCoreApplication.translate("Labels", "Sleep"),
        "wellbeing": QCoreApplication.translate("Labels", "Overall wellbeing"),
    }


def week_text(week: int | None, status: str | None = None) -> str:
    """The course week as the caseload and the participant page show it; ``status``:
    the person's, for whom a week means nothing. Someone screened and not admitted is
    not on the course: no week (the calendar week of the group she screened for read
    as if she were in it, or "course ended" a few weeks later)."""
    if status == "not_eligible":
        return ""
    if week is None:
        return QCoreApplication.translate("Labels", "not started")
    if week > course.COURSE_WEEKS:
        # Not "week 53": the course has 12 weeks, and the end date is shown beside it.
        return QCoreApplication.translate("Labels", "course ended")
    return (
        QCoreApplication.translate("Labels", "week %1 of %2")
        .replace("%1", str(week))
        .replace("%2", str(course.COURSE_WEEKS))
    )


def due_text(d: course.Due) -> str:
    if d.key == "screening_pss":
        text = QCoreApplication.translate("Labels", "screening PSS-10 due")
    elif d.key == "final_pss":
        text = QCoreApplication.translate("Labels", "final PSS-10 due")
    elif d.key == "session":
        text = (
            QCoreApplication.translate("Labels", "session %1 of %2")
            .replace("%1", str(d.number))
            .replace("%2", str(course.MAX_INDIVIDUAL_SESSIONS))
        )
    elif d.key == "outcome":
        text = QCoreApplication.translate("Labels", "outcome due")
    else:
        text = QCoreApplication.translate("Labels", "report due")
    return text + (" " + QCoreApplication.translate("Labels", "(overdue)") if d.overdue else "")


# --- dates through QLocale -----------------------------------------------------------


def qdate(d: dt.date | None) -> QDate:
    return QDate() if d is None else QDate(d.year, d.month, d.day)


def date_text(d: dt.date | None) -> str:
    return "" if d is None else QLocale().toString(qdate(d), QLocale.FormatType.ShortFormat)


def datetime_text(d: dt.datetime | None) -> str:
    if d is None:
        return ""
    q = QDateTime(qdate(d.date()), QTime(d.hour, d.minute))
    return QLocale().toString(q, QLocale.FormatType.ShortFormat)


def time_text(d: dt.datetime) -> str:
    return QLocale().toString(QTime(d.hour, d.minute), QLocale.FormatType.ShortFormat)
