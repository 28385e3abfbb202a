"""Retention: which participants' data is due for erasure (security promise 9).

A course has ended when the participant completed it, dropped out or was found not
eligible. It ended on the drop-out date, else the outcome date, else the course's
last day, else (never admitted) the referral date or the day they were entered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from coachdesk.core import course
from coachdesk.store.models import Participant

ENDED = ("completed", "dropped_out", "not_eligible")


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier (the month's last day if it has fewer days)."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    m += 1
    for d in range(day.day, 27, -1):  # 31 -> 30 -> 29 -> 28 as the month allows
        try:
            return dt.date(y, m, d)
        except ValueError:
            continue
    return dt.date(y, m, min(day.day, 28))


def ended_on(p: Participant) -> dt.date | None:
    if p.status not in ENDED:
        return None
    if p.dropout_date:
        return p.dropout_date
    if p.outcome_date:
        return p.outcome_date
    if p.course_start:
        return course.course_end(p.course_start)
    if p.referral_date:
        return p.referral_date
    return p.created_at.date() if p.created_at else None


def due_list(
    session: Any, today: dt.date
) -> tuple[int, list[tuple[int, str, str, dt.date | None]]]:
    """The vault's retention months, and who is due under it as (id, name, ref, ended on)."""
    from coachdesk.store import settings

    months = int(settings.get(session, "retention_months"))
    due = due_for_erasure(session, today, months)
    return months, [(p.id, p.name, p.ref, ended_on(p)) for p in due]


def due_for_erasure(session: Any, today: dt.date, months: int | None = None) -> list[Participant]:
    """Participants whose course ended more than ``months`` months before ``today``
    (default: the vault's retention_months setting), oldest first."""
    from coachdesk.store import settings

    if months is None:
        months = int(settings.get(session, "retention_months"))
    cutoff = months_before(today, months)
    people = session.execute(select(Participant).where(Participant.status.in_(ENDED))).scalars()
    due = [(end, p) for p in people if (end := ended_on(p)) is not None and end < cutoff]
    return [p for _end, p in sorted(due, key=lambda t: (t[0], t[1].ref))]
