"""The agenda: planned appointments, the holds' group sessions, and what is due today.

A planned appointment is a SessionLog row with status ``planned`` (issue 14): holding
it turns it into ``held`` in the session editor. A hold ("hold", a course's group) is
the participants who share a course start date; its group session dates are
GroupSession rows keyed by that date. The roster's marks are GroupAttendance rows,
written through sessions.set_attendance (the same plausibility rules as the forms).

Reads here are for the coach's own screens; the calendar export (calendar_export.py)
takes only what an appointment needs from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from operator import itemgetter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk import gc_policy
from coachdesk.core import course, records
from coachdesk.errors import BadInput
from coachdesk.store import audit
from coachdesk.store.caseload import taken_pairs
from coachdesk.store.models import (
    Disclosure,
    GroupAttendance,
    GroupSession,
    Participant,
    SessionLog,
)

# The statuses of people who take part in a hold's group sessions (the roster's rows).
IN_HOLD = ("admitted", "group_phase", "individual_phase", "completed")
# People the reminders are about: still in (or just through) the course.
ACTIVE = ("admitted", "group_phase", "individual_phase")
# A final report not sent is reminded of for this many weeks after the course ended
# (an old course without one in the app was reported some other way, or never will be).
REPORT_REMINDER_WEEKS = 8
# The strip's order: what the coach can do today first.
REMINDER_ORDER = ("no_log", "final_pss", "consent", "status", "report_unsent")
DEFAULT_GROUP_MINUTES = 120
DEFAULT_SESSION_MINUTES = 60


@dataclass(frozen=True)
class Item:
    """One appointment in the agenda: a planned conversation or a group session."""

    kind: str  # "session" | "group"
    date: dt.date
    start: str | None  # HH:MM or None (the day only)
    minutes: int | None
    mode: str | None  # the conversation's mode; None for a group session
    participant_id: int | None = None
    session_id: int | None = None
    ref: str = ""
    name: str = ""
    course_start: dt.date | None = None  # the hold, for a group session
    group_size: int = 0  # participants in the hold

    @property
    def sort_key(self) -> tuple[dt.date, str, str, str]:
        return (self.date, self.start or "", self.kind, self.ref)


def items(session: Session, first: dt.date, last: dt.date) -> list[Item]:
    """Planned conversations and group sessions from ``first`` to ``last`` (inclusive)."""
    out: list[Item] = []
    rows = session.execute(
        select(
            SessionLog.id,
            SessionLog.participant_id,
            SessionLog.date,
            SessionLog.start,
            SessionLog.minutes,
            SessionLog.mode,
            Participant.ref,
            Participant.name,
        )
        .join(Participant, Participant.id == SessionLog.participant_id)
        .where(
            SessionLog.status == "planned",
            SessionLog.date >= first,
            SessionLog.date <= last,
            Participant.archived.is_(False),
        )
    ).all()
    for sid, pid, day, start, minutes, mode, ref, name in rows:
        out.append(
            Item(
                "session",
                day,
                start,
                minutes,
                mode,
                participant_id=pid,
                session_id=sid,
                ref=ref,
                name=name,
            )
        )
    groups = (
        session.execute(
            select(GroupSession).where(GroupSession.date >= first, GroupSession.date <= last)
        )
        .scalars()
        .all()
    )
    sizes = hold_sizes(session)
    for g in groups:
        out.append(
            Item(
                "group",
                g.date,
                g.start,
                g.minutes,
                None,
                course_start=g.course_start,
                group_size=sizes.get(g.course_start, 0),
            )
        )
    out.sort(key=lambda i: i.sort_key)
    return out


# --- holds and their group sessions ------------------------------------------------


def hold_sizes(session: Session) -> dict[dt.date, int]:
    """Course start -> participants in that hold (admitted and not dropped out)."""
    return {
        start: int(n)
        for start, n in session.execute(
            select(Participant.course_start, func.count())
            .where(
                Participant.course_start.is_not(None),
                Participant.status.in_(IN_HOLD),
                Participant.archived.is_(False),
            )
            .group_by(Participant.course_start)
        ).all()
        if start is not None
    }


def holds(session: Session) -> list[dt.date]:
    """Every hold: a course start with participants in it or group sessions planned."""
    starts = set(hold_sizes(session))
    starts |= set(session.scalars(select(GroupSession.course_start).distinct()))
    return sorted(starts)


def holds_and_sizes(session: Session) -> tuple[list[dt.date], dict[dt.date, int]]:
    """``holds`` and ``hold_sizes`` together (the roster's hold picker)."""
    return holds(session), hold_sizes(session)


def group_sessions(session: Session, course_start: dt.date) -> list[GroupSession]:
    return list(
        session.scalars(
            select(GroupSession)
            .where(GroupSession.course_start == course_start)
            .order_by(GroupSession.date)
        )
    )


def add_group_session(
    session: Session,
    course_start: dt.date,
    day: dt.date,
    start: str | None = None,
    minutes: int | None = DEFAULT_GROUP_MINUTES,
) -> GroupSession:
    """A group session of the hold starting ``course_start``; in its group phase or near."""
    if start is not None and not records._TIME_RE.fullmatch(start):
        raise BadInput("agenda.bad_start", start=start)
    if minutes is not None and not 0 < minutes <= 1440:
        raise BadInput("agenda.bad_duration")
    if day < course_start or day > course.course_end(course_start):
        raise BadInput("agenda.outside_course")
    taken = session.execute(
        select(GroupSession.id).where(
            GroupSession.course_start == course_start, GroupSession.date == day
        )
    ).first()
    if taken is not None:
        raise BadInput("agenda.day_taken")
    g = GroupSession(course_start=course_start, date=day, start=start, minutes=minutes)
    session.add(g)
    session.flush()
    audit.record(
        session,
        "group_session_saved",
        {"course_start": course_start.isoformat(), "date": day.isoformat()},
    )
    return g


def add_group_sessions(
    session: Session, course_start: dt.date, days: list[dt.date], start: str | None = None
) -> None:
    """``add_group_session`` for each day the hold has no session on yet."""
    have = {g.date for g in group_sessions(session, course_start)}
    for day in days:
        if day not in have:
            add_group_session(session, course_start, day, start)


def delete_group_session(session: Session, group_session_id: int) -> None:
    """Remove a date from the hold's plan (marks already made stay with the people)."""
    g = session.get(GroupSession, group_session_id)
    if g is None:
        return
    detail = {"course_start": g.course_start.isoformat(), "date": g.date.isoformat()}
    session.delete(g)
    audit.record(session, "group_session_deleted", detail)


@dataclass(frozen=True)
class RosterRow:
    participant_id: int
    ref: str
    name: str
    # date -> "present" | "absent" | "excused" (a day with no mark is missing)
    marks: dict[dt.date, str]

    def total(self, mark: str) -> int:
        return sum(1 for m in self.marks.values() if m == mark)


def mark_of(present: bool, excused: bool) -> str:
    return "present" if present else ("excused" if excused else "absent")


def hold(session: Session, course_start: dt.date) -> tuple[list[GroupSession], list[RosterRow]]:
    """The hold's group sessions and its roster (the roster view's one read)."""
    return group_sessions(session, course_start), roster(session, course_start)


def roster(session: Session, course_start: dt.date) -> list[RosterRow]:
    """One row per admitted participant of the hold, with their marks, by name."""
    people = session.execute(
        select(Participant.id, Participant.ref, Participant.name)
        .where(
            Participant.course_start == course_start,
            Participant.status.in_(IN_HOLD),
            Participant.archived.is_(False),
        )
        .order_by(Participant.name, Participant.id)
    ).all()
    ids = [pid for pid, _, _ in people]
    marks: dict[int, dict[dt.date, str]] = {pid: {} for pid in ids}
    for pid, day, present, excused in session.execute(
        select(
            GroupAttendance.participant_id,
            GroupAttendance.date,
            GroupAttendance.present,
            GroupAttendance.excused,
        ).where(GroupAttendance.participant_id.in_(ids))
    ).all():
        marks[pid][day] = mark_of(present, excused)
    return [RosterRow(pid, ref, name, marks[pid]) for pid, ref, name in people]


# --- reminders for the "I dag" strip -----------------------------------------------


@dataclass(frozen=True)
class Reminder:
    """Something the coach should see today; ``key`` is stable, the UI words it."""

    key: str  # final_pss | no_log | consent | report_unsent | status
    participant_id: int
    ref: str
    name: str
    day: dt.date | None = None  # the planned session's day (no_log)
    status: str | None = None  # the suggested status (status)


def today_view(session: Session, today: dt.date) -> tuple[list[Reminder], list[Item]]:
    """The I dag strip: today's reminders and today's agenda items."""
    # Read right after the caseload (its 50,000 fresh rows are what a collection would
    # walk); no cycles among these rows either (gc_policy).
    with gc_policy.paused():
        return reminders(session, today), items(session, today, today)


def reminders(session: Session, today: dt.date) -> list[Reminder]:
    """What is due, across the caseload, in a handful of queries.

    - ``final_pss``: the course is in week 12 (or past it) and no final PSS-10 yet;
    - ``no_log``: a planned conversation whose day has passed, still not held or
      cancelled (the day after, the coach writes the log or cancels it);
    - ``consent``: a report will be due (week 11 on) and no valid consent is recorded;
    - ``report_unsent``: the course ended (up to REPORT_REMINDER_WEEKS ago) and no final
      report was disclosed;
    - ``status``: the course calls for a status change (core/course.suggested_status).
    """
    # The people from the caseload's per-person summary (models.caseload_summary, kept by
    # triggers), from its covering index ix_caseload_summary_reminders alone. Their own
    # rows (the contact details, the consent's scope, the report's summary) are not
    # read: at 50,000 people, 12,000 of them in or just through a course, 0.36 -> 0.065
    # s CPU after every unlock (docs/performance.md). "Has a final questionnaire" comes
    # from the same entry (its ``taken``), not from a scan of every questionnaire.
    cur = session.connection().connection.cursor()
    people = cur.execute(
        "SELECT participant_id, ref, name, status, course_start, consent_given, "
        "consent_withdrawn, has_outcome, taken FROM caseload_summary WHERE NOT archived "
        f"AND (status IN ({', '.join('?' * len(ACTIVE))}) "
        # a completed course is only reminded of while its report may be unsent
        "OR (status = 'completed' AND course_start >= ?))",
        (
            *ACTIVE,
            (today - dt.timedelta(weeks=course.COURSE_WEEKS + REPORT_REMINDER_WEEKS)).isoformat(),
        ),
    ).fetchall()
    cur.close()
    people.sort(key=itemgetter(2, 0))  # by name, then id
    reported = set(
        session.scalars(
            select(Disclosure.participant_id).where(Disclosure.kind == "final_report").distinct()
        )
    )
    starts: dict[str | None, dt.date | None] = {None: None}
    finals: dict[str | None, bool] = {}  # taken -> has a final questionnaire (any instrument)
    out: list[Reminder] = []
    for pid, ref, name, status, start_text, consent, withdrawn, outcome, taken in people:
        start = starts.get(start_text)
        if start is None and start_text:
            start = starts[start_text] = dt.date.fromisoformat(start_text)
        week = course.course_week(start, today)
        if week is None:
            continue
        has_final = finals.get(taken)
        if has_final is None:
            has_final = finals[taken] = any(k == "final" for _, k in taken_pairs(taken))
        active = status in ACTIVE
        if active and week >= course.COURSE_WEEKS and not has_final:
            out.append(Reminder("final_pss", pid, ref, name))
        if active and week >= course.COURSE_WEEKS - 1 and (not consent or withdrawn):
            out.append(Reminder("consent", pid, ref, name))
        if (
            course.COURSE_WEEKS < week <= course.COURSE_WEEKS + REPORT_REMINDER_WEEKS
            and pid not in reported
        ):
            out.append(Reminder("report_unsent", pid, ref, name))
        suggested = course.suggested_status(
            status=status,
            start=start,
            today=today,
            has_final=has_final,
            has_outcome=bool(outcome),
        )
        if suggested:
            out.append(Reminder("status", pid, ref, name, status=suggested))
    for pid, ref, name, day in session.execute(
        select(SessionLog.participant_id, Participant.ref, Participant.name, SessionLog.date)
        .join(Participant, Participant.id == SessionLog.participant_id)
        .where(
            SessionLog.status == "planned", SessionLog.date < today, Participant.archived.is_(False)
        )
        .order_by(SessionLog.date)
    ).all():
        out.append(Reminder("no_log", pid, ref, name, day=day))
    out.sort(key=lambda r: REMINDER_ORDER.index(r.key))  # stable: by name within a kind
    return out


# --- the session editor's "next appointment" -----------------------------------------


def plan_next(
    session: Session,
    participant_id: int,
    old: dt.datetime | None,
    new: dt.datetime | None,
    *,
    minutes: int | None = None,
    mode: str | None = None,
    today: dt.date | None = None,
) -> str:
    """Keep the agenda in step with a session's "next appointment" field.

    The coach types the next appointment at the end of a conversation; it becomes a
    planned session (the agenda's one kind of appointment). Changed later, the planned
    session made for the old time moves with it. Returns what happened: ``added``,
    ``moved``, ``exists`` (a session is already on that day), ``none`` (no new time) or
    ``implausible`` (the day breaks a core/plausibility rule: nothing is planned; the
    coach plans it in the Sessions tab, where the rule is explained).
    """
    from coachdesk.store import interchange, sessions

    if new is None or new == old:
        return "none"
    start = f"{new.hour:02d}:{new.minute:02d}"
    if old is not None:
        moving = session.execute(
            select(SessionLog).where(
                SessionLog.participant_id == participant_id,
                SessionLog.status == "planned",
                SessionLog.date == old.date(),
                SessionLog.start == f"{old.hour:02d}:{old.minute:02d}",
            )
        ).scalar()
        if moving is not None:
            data = interchange.session_to_dict(moving) | {
                "date": new.date().isoformat(),
                "start": start,
                "week": None,
            }
            try:
                sessions.save_session(session, participant_id, data, moving.id, today=today)
            except sessions.Implausible:
                return "implausible"
            _set_week(session, moving)
            return "moved"
    taken = session.execute(
        select(SessionLog.id).where(
            SessionLog.participant_id == participant_id,
            SessionLog.date == new.date(),
            SessionLog.status.in_(("planned", "held")),
        )
    ).first()
    if taken is not None:
        return "exists"
    try:
        row = sessions.save_session(
            session,
            participant_id,
            {
                "date": new.date().isoformat(),
                "start": start,
                "minutes": minutes or DEFAULT_SESSION_MINUTES,
                "mode": mode or "in_person",
                "status": "planned",
            },
            today=today,
        )
    except sessions.Implausible:
        return "implausible"
    _set_week(session, row)
    return "added"


def _set_week(session: Session, row: SessionLog) -> None:
    """The course week of the date (as the editor shows it), when there is a start."""
    p = session.get(Participant, row.participant_id)
    if p is not None and p.course_start is not None:
        row.week = course.course_week(p.course_start, row.date)
