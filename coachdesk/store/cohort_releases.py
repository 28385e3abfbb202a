"""The log of released cohort reports: period and published counts, never people.

A cohort report is anonymous on its own, but two reports over overlapping periods can
be subtracted (differencing). Every report written to a file is logged here, and the
next one is checked against the log (reports/differencing.py) before it is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.store.models import CohortRelease


@dataclass(frozen=True)
class Release:
    released_at: dt.datetime
    period_from: dt.date | None
    period_to: dt.date | None
    cells: dict[str, int | None]  # None: the cell was hidden


def record(
    session: Session,
    period_from: dt.date | None,
    period_to: dt.date | None,
    fmt: str,
    cells: dict[str, int | None],
) -> None:
    """Log a release in the caller's transaction (it lands with the audit event)."""
    session.add(
        CohortRelease(period_from=period_from, period_to=period_to, format=fmt, cells=dict(cells))
    )
    session.flush()


def released(session: Session) -> list[Release]:
    """Every release, oldest first."""
    rows = session.execute(select(CohortRelease).order_by(CohortRelease.id)).scalars()
    return [Release(r.released_at, r.period_from, r.period_to, dict(r.cells)) for r in rows]
