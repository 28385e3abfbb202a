"""Organisation-wide effect: each vault's exact cohort aggregates, merged (issue 17).

Each coach's cohort is small, so her own cohort report is mostly "<5", and adding up
suppressed reports gives wrong totals. Instead each vault writes its cohort's *exact*
aggregates, encrypted in the age format to the organisation's key; the organisation
merges any number of them and applies the cohort report's disclosure control once, to
the merged totals (org_report.py).

What an aggregate holds: the report's published counts (cohort.cells: the flow, the
verdicts, the outcomes, the PSS-10 bands the chart draws, cancelled and no-show
sessions), the attendance sums, and for each PSS-10 time point and the paired change
the count, sum and sum of squares (integers: a merge is exact, and the pooled mean, SD
and confidence interval equal those computed from all the people directly). Never a
name, ref, CPR number, date of an individual or a per-person score: the period is
whole months, and the source is a one-way hash of the vault's receiving key (so the
organisation can refuse the same vault's file twice without learning anything else).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from coachdesk.core import pss10
from coachdesk.errors import BadInput
from coachdesk.reports import cohort

FORMAT = "coachdesk.cohort-aggregate"
VERSION = 1
MEASURES = ("before", "after", "change")
ATTENDANCE = ("group_present", "group_recorded", "held")
_MONTH = "%Y-%m"


def source_id(recipient: str) -> str:
    """The vault, as the organisation sees it: a hash of its receiving key."""
    return hashlib.sha256(f"coachdesk aggregate source\x1f{recipient}".encode()).hexdigest()[:32]


def _moments(values: Sequence[int]) -> dict[str, int]:
    return {"n": len(values), "sum": sum(values), "sumsq": sum(v * v for v in values)}


def build(
    people: Sequence[cohort.Person],
    params: pss10.Params,
    *,
    source: str,
    start: dt.date,
    end: dt.date,
) -> dict[str, Any]:
    """The exact aggregate document of one vault's cohort for whole months start-end."""
    stats = cohort.compute(people, params)
    pairs = [(p.before, p.after) for p in people if p.before is not None and p.after is not None]
    admitted = [p for p in people if p.admitted]
    return {
        "format": FORMAT,
        "version": VERSION,
        "source": source,
        "period": {"from": start.strftime(_MONTH), "to": end.strftime(_MONTH)},
        "params": {"threshold": params.threshold, "sd": params.sd, "r": params.r},
        "cells": cohort.cells(stats),
        "attendance": {k: sum(getattr(p, k) for p in admitted) for k in ATTENDANCE},
        "moments": {
            "before": _moments([p.before for p in people if p.before is not None]),
            "after": _moments([p.after for p in people if p.after is not None]),
            "change": _moments([a - b for b, a in pairs]),
        },
    }


def dumps(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=True, sort_keys=True, indent=1).encode("ascii") + b"\n"


# --- reading and merging ----------------------------------------------------------------


@dataclass(frozen=True)
class Aggregate:
    source: str
    start: dt.date
    end: dt.date  # the last day of the last month
    params: pss10.Params
    cells: dict[str, int]
    attendance: dict[str, int]
    moments: dict[str, dict[str, int]]


def _count(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and 0 <= x < 10**12


def _month(text: Any, last: bool) -> dt.date:
    d = dt.datetime.strptime(text, _MONTH).date()
    if not last:
        return d
    nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


NOT_AGGREGATE = "aggregate.not_aggregate"


def parse(data: bytes, name: str) -> Aggregate:
    """One decrypted aggregate, checked strictly (a broken or foreign file is refused)."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadInput(NOT_AGGREGATE, name=name) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BadInput(NOT_AGGREGATE, name=name)
    if doc.get("version") != VERSION:
        raise BadInput("aggregate.unknown_version", name=name, value=repr(doc.get("version")))
    try:
        cells = doc["cells"]
        want = set(cohort.cells(cohort.compute([], pss10.Params())))
        if (
            not isinstance(cells, dict)
            or set(cells) != want
            or not all(_count(v) for v in cells.values())
        ):
            raise ValueError
        attendance = doc["attendance"]
        if set(attendance) != set(ATTENDANCE) or not all(_count(v) for v in attendance.values()):
            raise ValueError
        moments = doc["moments"]
        if set(moments) != set(MEASURES):
            raise ValueError
        for m in moments.values():
            if (
                set(m) != {"n", "sum", "sumsq"}
                or not _count(m["n"])
                or not isinstance(m["sum"], int)
                or not _count(m["sumsq"])
            ):
                raise ValueError
        # The sums belong to the counts beside them (a hand-edited file is refused).
        for w, n_cell in (("before", "before_n"), ("after", "after_n"), ("change", "pairs")):
            if moments[w]["n"] != cells[n_cell]:
                raise ValueError
        p = doc["params"]
        params = pss10.Params(threshold=int(p["threshold"]), sd=float(p["sd"]), r=float(p["r"]))
        start = _month(doc["period"]["from"], last=False)
        end = _month(doc["period"]["to"], last=True)
        source = doc["source"]
        if not (isinstance(source, str) and len(source) == 32):
            raise ValueError
    except (KeyError, TypeError, ValueError, AttributeError):
        raise BadInput("aggregate.damaged", name=name) from None
    return Aggregate(
        source,
        start,
        end,
        params,
        dict(cells),
        dict(attendance),
        {k: dict(v) for k, v in moments.items()},
    )


def check_distinct(parts: Sequence[tuple[str, Aggregate]]) -> None:
    """The same vault twice for overlapping months would count people twice: refused."""
    for i, (name_a, a) in enumerate(parts):
        for name_b, b in parts[i + 1 :]:
            if a.source == b.source and a.start <= b.end and b.start <= a.end:
                raise BadInput("aggregate.same_vault", name_a=name_a, name_b=name_b)
    params = {a.params for _, a in parts}
    if len(params) > 1:
        raise BadInput("aggregate.different_settings")


def _summary(m: dict[str, int]) -> tuple[float | None, float | None]:
    """Mean and sample SD from exact integer moments."""
    n, s, ss = m["n"], m["sum"], m["sumsq"]
    if n == 0:
        return None, None
    mean = s / n
    if n < 2:
        return mean, None
    var = Fraction(ss * n - s * s, n * (n - 1))  # exact: no cancellation
    return mean, math.sqrt(max(var, Fraction(0)))


def merged_stats(parts: Sequence[Aggregate]) -> cohort.CohortStats:
    """The merged totals as the cohort report's statistics (exact; no person inside)."""
    assert parts
    cells = {k: sum(a.cells[k] for a in parts) for k in parts[0].cells}
    att = {k: sum(a.attendance[k] for a in parts) for k in ATTENDANCE}
    mom = {
        w: {k: sum(a.moments[w][k] for a in parts) for k in ("n", "sum", "sumsq")} for w in MEASURES
    }
    b_mean, b_sd = _summary(mom["before"])
    a_mean, a_sd = _summary(mom["after"])
    c_mean, c_sd = _summary(mom["change"])
    n = mom["change"]["n"]
    lo = hi = None
    if c_mean is not None and c_sd is not None:
        half = cohort.t_quantile(0.975, n - 1) * c_sd / math.sqrt(n)
        lo, hi = c_mean - half, c_mean + half
    return cohort.CohortStats(
        referred=cells["referred"],
        screened=cells["screened"],
        admitted=cells["admitted"],
        not_eligible=cells["not_eligible"],
        completed=cells["completed"],
        dropped_out=cells["dropped_out"],
        before=cohort.Summary(mom["before"]["n"], b_mean, b_sd),
        after=cohort.Summary(mom["after"]["n"], a_mean, a_sd),
        paired=cohort.Paired(
            n=n,
            mean_change=c_mean,
            ci_low=lo,
            ci_high=hi,
            improved=cells["improved"],
            no_change=cells["no_change"],
            worsened=cells["worsened"],
            clinically_important=cells["clinically_important"],
        ),
        outcomes={k: cells[f"outcome:{k}"] for k in cohort.OUTCOME_KEYS if cells[f"outcome:{k}"]},
        group_present=att["group_present"],
        group_recorded=att["group_recorded"],
        held=att["held"],
        cancelled=cells["cancelled"],
        no_show=cells["no_show"],
        params=parts[0].params,
        before_bands={k: cells[f"before_band:{k}"] for k in cohort.BANDS},
        after_bands={k: cells[f"after_band:{k}"] for k in cohort.BANDS},
    )


# --- writing one vault's aggregate ------------------------------------------------------


@dataclass(frozen=True)
class Written:
    path: Any
    sha256: str
    participants: int


def write_aggregate(
    session: Any, out: Any, *, org_recipient: str, start: dt.date, end: dt.date
) -> Written:
    """Gather the cohort, build its exact aggregate, encrypt it to the organisation and
    write it: audited and committed before the file appears (as a handover). Commits."""
    from pathlib import Path

    from coachdesk.reports.cohort_report import check_period, gather
    from coachdesk.store import agefile, audit, handover, recipient, settings
    from coachdesk.store.atomic import reveal_after

    check_period(start, end)
    target = Path(out)
    handover.check_target(target)
    rcpt = agefile.parse_recipient(org_recipient)
    people = gather(session, start, end)
    doc = build(
        people,
        settings.pss_params(session),
        source=source_id(recipient.ensure(session)),
        start=start,
        end=end,
    )
    data = agefile.encrypt_to(dumps(doc), [rcpt])
    digest = hashlib.sha256(data).hexdigest()

    def record(_sha256: str) -> None:
        # Counts only, as every audit detail: no recipient, no file name.
        audit.record(
            session,
            "cohort_report",
            {"format": "aggregate", "participants": len(people), "sha256": digest},
        )
        session.commit()

    reveal_after(target, data, record)
    return Written(target, digest, len(people))
