"""Translated labels for the closed vocabularies of core/vocab (keys stay in the data).

Each label is a literal ``translate`` call so that pyside6-lupdate finds it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from coachdesk.core import course


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def statuses() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "referred": t("Labels", "Referred"),
        "screened": t("Labels", "Screened"),
        "not_eligible": t("Labels", "Not eligible"),
        "admitted": t("Labels", "Admitted"),
        "group_phase": t("Labels", "Group phase"),
        "individual_phase": t("Labels", "Individual phase"),
        "completed": t("Labels", "Completed"),
        "dropped_out": t("Labels", "Dropped out"),
    }


def themes() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "psychoeducation": t("Labels", "Psychoeducation – knowledge about stress"),
        "practical_exercises": t(
            "Labels", "Practical exercises – breathing, mindfulness, body techniques"),
        "metacognitive_tools": t(
            "Labels", "Metacognitive tools – managing thoughts, sleep strategies"),
        "boundaries_time": t("Labels", "Setting boundaries and managing time"),
        "clarity_goals": t("Labels", "Clarity and goals – realistic goals"),
        "good_working_life": t(
            "Labels", "The good working life – value-based job plan and accommodation needs"),
        "community": t("Labels", "Community – support and mirroring in the group"),
        "personal_support": t("Labels", "Personal support – individual conversations"),
        "digital_tools": t("Labels", "Digital tools (e.g. Jobuniverset)"),
    }


def session_modes() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"in_person": t("Labels", "In person"), "phone": t("Labels", "Phone"),
            "video": t("Labels", "Video")}


def session_statuses() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"held": t("Labels", "Held"), "cancelled": t("Labels", "Cancelled"),
            "no_show": t("Labels", "No-show")}


def accommodation_categories() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "hours": t("Labels", "Working hours (incl. gradual return)"),
        "tasks": t("Labels", "Tasks to avoid"),
        "environment": t("Labels", "Work environment"),
        "breaks": t("Labels", "Breaks"),
        "flexibility": t("Labels", "Flexibility"),
        "remote": t("Labels", "Remote work"),
        "social": t("Labels", "Social and relational load"),
        "other": t("Labels", "Other"),
    }


def goal_statuses() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"open": t("Labels", "Open"), "done": t("Labels", "Done"),
            "dropped": t("Labels", "Dropped")}


def outcome_statuses() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "work_full": t("Labels", "Back at work full time"),
        "work_partial": t("Labels", "Back at work part time"),
        "sick_leave": t("Labels", "Still on sick leave"),
        "job_seeking": t("Labels", "Job-seeking"),
        "education": t("Labels", "In education"),
        "other": t("Labels", "Other"),
    }


def rating_names() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"energy": t("Labels", "Energy"), "sleep": t("Labels", "Sleep"),
            "wellbeing": t("Labels", "Overall wellbeing")}


def week_text(week: int | None) -> str:
    t = QCoreApplication.translate
    if week is None:
        return t("Labels", "not started")
    if week > course.COURSE_WEEKS:
        return t("Labels", "ended (week %1)").replace("%1", str(week))
    return t("Labels", "week %1 of %2").replace("%1", str(week)).replace(
        "%2", str(course.COURSE_WEEKS))


def due_text(d: course.Due) -> str:
    t = QCoreApplication.translate
    if d.key == "screening_pss":
        text = t("Labels", "screening PSS-10 due")
    elif d.key == "final_pss":
        text = t("Labels", "final PSS-10 due")
    elif d.key == "session":
        text = t("Labels", "session %1 of %2").replace("%1", str(d.number)).replace(
            "%2", str(course.MAX_INDIVIDUAL_SESSIONS))
    elif d.key == "outcome":
        text = t("Labels", "outcome due")
    else:
        text = t("Labels", "report due")
    return text + (" " + t("Labels", "(overdue)") if d.overdue else "")


# --- dates through QLocale -----------------------------------------------------------


def qdate(d: dt.date | None) -> QDate:
    return QDate() if d is None else QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> dt.date | None:
    return None if not q.isValid() else dt.date(q.year(), q.month(), q.day())


def date_text(d: dt.date | None) -> str:
    return "" if d is None else QLocale().toString(qdate(d), QLocale.FormatType.ShortFormat)


def datetime_text(d: dt.datetime | None) -> str:
    if d is None:
        return ""
    q = QDateTime(qdate(d.date()), QTime(d.hour, d.minute))
    return QLocale().toString(q, QLocale.FormatType.ShortFormat)


def time_text(d: dt.datetime) -> str:
    return QLocale().toString(QTime(d.hour, d.minute), QLocale.FormatType.ShortFormat)
