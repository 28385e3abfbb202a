"""No differencing: a new cohort report checked against the reports already released.

Two anonymous reports over overlapping periods can be subtracted: January-February
from January-March gives March alone, and if March had one participant, the
difference is that person. Periods are whole months, and every report that leaves
the vault is logged (store/cohort_releases.py: period and published counts only).
Before a new report is written:

1. **Atoms.** The new report and every released report connected to it by
   overlapping periods split the participants into groups by which of those periods
   they fall in (their "signature"). A reader can get at each such group by adding
   and subtracting reports, so each group is treated as published: if one has 1-4
   participants the report is refused; if one has a count of 1-4 in some cell, that
   cell is hidden in the new report ("differencing"), as "udeladt" even when it is
   small itself ("<5" beside a released 5 would say that 1-4 differ).
2. **Changes over time.** The same period reported twice (or nested periods) also
   differs by what changed in between (a status, an outcome). Every cell published
   by an overlapping released report is compared with the new value: a difference of
   1-4 hides the cell; a difference of 1-4 in the number referred refuses the report.
   A cell that an overlapping released report hid stays hidden (its true value then
   is not on record, so no difference to it can be checked).

A hidden cell must then keep a value a reader cannot tell from the released one by
1-4 (disclosure_control.weak_cells' ``zones``). This is a pairwise and atom-wise
check of counts; docs/reports.md lists what it does not model.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from coachdesk.core import pss10
from coachdesk.reports import cohort
from coachdesk.reports import disclosure_control as dc
from coachdesk.store.cohort_releases import Release

Period = tuple[dt.date | None, dt.date | None]


def _m(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def contains(period: Period, month: tuple[int, int] | None) -> bool:
    """Does a report over ``period`` count a person whose course started in ``month``?"""
    start, end = period
    if month is None:  # not started: only a report without any period counts them
        return start is None and end is None
    m = month[0] * 12 + month[1] - 1
    return (start is None or _m(start) <= m) and (end is None or m <= _m(end))


def overlaps(a: Period, b: Period) -> bool:
    if a == (None, None) or b == (None, None):
        return True
    lo_a = _m(a[0]) if a[0] else -(10**9)
    hi_a = _m(a[1]) if a[1] else 10**9
    lo_b = _m(b[0]) if b[0] else -(10**9)
    hi_b = _m(b[1]) if b[1] else 10**9
    return lo_a <= hi_b and lo_b <= hi_a


def component(new: Period, released: Sequence[Release]) -> list[Release]:
    """The released reports connected to ``new`` through overlapping periods."""
    periods = [(r.period_from, r.period_to) for r in released]
    reached = {-1}
    frontier = [new]
    while frontier:
        p = frontier.pop()
        for i, q in enumerate(periods):
            if i not in reached and overlaps(p, q):
                reached.add(i)
                frontier.append(q)
    return [released[i] for i in sorted(reached - {-1})]


@dataclass
class Check:
    forced: dict[str, str] = field(default_factory=dict)  # cell -> DIFFERENCING
    zones: dict[str, list[int]] = field(default_factory=dict)  # cell -> released values
    refused_by: Release | None = None  # the released report that makes it impossible
    linked: list[Release] = field(default_factory=list)  # the connected released reports


def check(
    new: Period,
    people: Sequence[cohort.Person],
    values: dict[str, int],
    released: Sequence[Release],
    params: pss10.Params,
) -> Check:
    """What the released reports force on a new report over ``new``.

    ``people``: at least everyone in the periods of ``component(new, released)``;
    ``values``: the new report's cells.
    """
    out = Check()
    linked = component(new, released)
    out.linked = linked
    if not linked:
        return out
    periods = [new, *((r.period_from, r.period_to) for r in linked)]
    groups: dict[tuple[bool, ...], list[cohort.Person]] = defaultdict(list)
    # A person's signature depends on their start month only: worked out once a month,
    # not once a person (10,000 people start in a few dozen months).
    sigs: dict[tuple[int, int] | None, tuple[bool, ...]] = {}
    for p in people:
        sig = sigs.get(p.month)
        if sig is None:
            sig = sigs[p.month] = tuple(contains(q, p.month) for q in periods)
        if any(sig):
            groups[sig].append(p)
    # A group that is a whole report's population is that report's own business (its
    # own suppression protects it); any other group is reachable only by subtraction.
    for sig, members in groups.items():
        if _whole(sig, groups):
            continue
        atom = cohort.cells(cohort.compute(members, params))
        if dc.is_small(atom["referred"]):
            out.refused_by = next((r for q, r in zip(sig[1:], linked, strict=True) if q), linked[0])
            return out
        for c, v in atom.items():
            if dc.is_small(v):
                out.forced[c] = dc.DIFFERENCING
    for r in linked:
        if not overlaps(new, (r.period_from, r.period_to)):
            continue
        for c, old in r.cells.items():
            if c not in values:
                continue
            if old is None:  # hidden then: stays hidden (its value then is not on record)
                out.forced[c] = dc.DIFFERENCING
                continue
            if dc.is_small(abs(values[c] - old)):
                if c == "referred":
                    out.refused_by = r
                    return out
                out.forced[c] = dc.DIFFERENCING
    for c in out.forced:
        zone: list[int] = []
        for r in linked:
            value = r.cells.get(c)
            if value is not None and overlaps(new, (r.period_from, r.period_to)):
                zone.append(value)
        out.zones[c] = zone
    return out


def _whole(sig: tuple[bool, ...], groups: dict[tuple[bool, ...], list[cohort.Person]]) -> bool:
    """Is the group with signature ``sig`` the whole population of one of the periods?"""
    return any(sig[i] and all(not s[i] for s in groups if s != sig) for i in range(len(sig)))
