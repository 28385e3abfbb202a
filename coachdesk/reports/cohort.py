"""Cohort statistics: pure functions, no I/O, hand-checkable.

Anonymous aggregates for the effect report: counts through the course, PSS-10 before
and after (mean, SD), the mean paired change with a 95% confidence interval from the
t distribution (implemented here: no scipy on a coach's laptop), reliable-change
shares (core/pss10 decides each person's verdict), outcomes and attendance.

Small-cell suppression: a count of 1-4 is shown as "<5" and anything derived from it
(a percentage, a mean of fewer than 5 people) is withheld, so nobody can be singled
out in a small course. Which further cells to hide so that the reader's arithmetic
cannot undo that is decided in disclosure_control.py, over ``cells`` and ``relations``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from coachdesk.core import instruments, pss10, vocab
from coachdesk.reports import disclosure_control as dc

SMALL_CELL = 5  # counts 1..SMALL_CELL-1 are suppressed
SUPPRESSED = "<5"

# Statuses that mean the person was admitted to the course at some point (a drop-out
# leaves the course, so they were in it: the statuses of docs/format.md, in course order).
_ADMITTED = frozenset({"admitted", "group_phase", "individual_phase", "completed", "dropped_out"})


# --- the t distribution ----------------------------------------------------------------


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction for the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if not 0.0 <= x <= 1.0:
        raise ValueError("x must be within 0-1")
    if x in (0.0, 1.0):
        return x
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with ``df`` degrees of freedom."""
    if df <= 0:
        raise ValueError("degrees of freedom must be positive")
    tail = 0.5 * betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t value with P(T <= t) = p (bisection on the CDF; 1e-10 accurate)."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must be strictly between 0 and 1")
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        lo, hi = hi, hi * 2.0
    for _ in range(200):
        mid = (lo + hi) / 2.0
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12:
            break
    return (lo + hi) / 2.0


# --- descriptive statistics ------------------------------------------------------------


def mean_sd(values: Sequence[float]) -> tuple[float | None, float | None]:
    """Mean and sample SD (n - 1); None where it is not defined."""
    n = len(values)
    if n == 0:
        return None, None
    mean = sum(values) / n
    if n < 2:
        return mean, None
    var = sum((v - mean) ** 2 for v in values) / (n - 1)
    return mean, math.sqrt(var)


def mean_ci(values: Sequence[float], level: float = 0.95) -> tuple[float, float, float] | None:
    """Mean with its t-based confidence interval; None for fewer than 2 values."""
    mean, sd = mean_sd(values)
    if mean is None or sd is None:
        return None
    n = len(values)
    half = t_quantile(1 - (1 - level) / 2, n - 1) * sd / math.sqrt(n)
    return mean, mean - half, mean + half


# --- suppression -----------------------------------------------------------------------


def is_small(count: int) -> bool:
    """A count that could single someone out: 1-4."""
    return 0 < count < SMALL_CELL


def show_count(count: int) -> str:
    return SUPPRESSED if is_small(count) else str(count)


def share(count: int, denominator: int) -> float | None:
    """count / denominator, or None when either is a small cell (or nothing to divide)."""
    if denominator <= 0 or is_small(count) or is_small(denominator):
        return None
    return count / denominator


# --- the cohort ------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """One participant reduced to the facts the cohort report counts (no identity)."""

    status: str
    screened: bool
    before: int | None  # first screening total
    after: int | None  # latest final total
    outcome: str | None
    group_present: int = 0
    group_recorded: int = 0
    held: int = 0
    cancelled: int = 0
    no_show: int = 0
    month: tuple[int, int] | None = None  # (year, month) of the course start
    # The other questionnaires (core/instruments): (id, first screening's primary score,
    # latest final's), for each instrument the person answered.
    measures: tuple[tuple[str, float | None, float | None], ...] = ()

    @property
    def admitted(self) -> bool:
        return self.status in _ADMITTED


@dataclass(frozen=True)
class Summary:
    n: int
    mean: float | None
    sd: float | None


@dataclass(frozen=True)
class Paired:
    n: int
    mean_change: float | None
    ci_low: float | None
    ci_high: float | None
    improved: int
    no_change: int
    worsened: int
    clinically_important: int


@dataclass(frozen=True)
class InstrumentStats:
    """One questionnaire beyond PSS-10: before, after, the paired change and the verdicts
    by its meaningful-change rule (``has_rule``; without one the verdicts stay 0)."""

    instrument: str
    before: Summary
    after: Summary
    paired: Paired
    has_rule: bool


@dataclass(frozen=True)
class CohortStats:
    referred: int
    screened: int
    admitted: int
    not_eligible: int
    completed: int
    dropped_out: int
    before: Summary
    after: Summary
    paired: Paired
    outcomes: dict[str, int]  # outcome key (or "none") -> count, among completed/dropped
    group_present: int
    group_recorded: int
    held: int
    cancelled: int
    no_show: int
    params: pss10.Params
    before_bands: dict[str, int] = field(default_factory=dict)  # PSS band -> people
    after_bands: dict[str, int] = field(default_factory=dict)
    # The other questionnaires anyone in the cohort answered, in registry order.
    instruments: dict[str, InstrumentStats] = field(default_factory=dict)

    @property
    def mean_group_attended(self) -> float | None:
        return None if self.admitted == 0 else self.group_present / self.admitted

    @property
    def mean_held(self) -> float | None:
        return None if self.admitted == 0 else self.held / self.admitted


def _summary(values: Sequence[int]) -> Summary:
    mean, sd = mean_sd(values)
    return Summary(len(values), mean, sd)


BANDS = tuple(key for key, _, _ in pss10.BANDS)


def _bands(totals: Iterable[int | None]) -> dict[str, int]:
    """People per PSS-10 band (low 0-13, moderate 14-26, high 27-40): the chart's bins."""
    out = dict.fromkeys(BANDS, 0)
    for t in totals:
        if t is not None:
            out[next(k for k, lo, hi in pss10.BANDS if lo <= t <= hi)] += 1
    return out


def _instrument_stats(people: Sequence[Person]) -> dict[str, InstrumentStats]:
    by_id: dict[str, list[tuple[float | None, float | None]]] = {}
    for p in people:
        for iid, b, a in p.measures:
            by_id.setdefault(iid, []).append((b, a))
    out: dict[str, InstrumentStats] = {}
    for inst in instruments.all_instruments():
        values = by_id.get(inst.id)
        if inst.id == "pss10" or values is None:
            continue
        pairs = [(b, a) for b, a in values if b is not None and a is not None]
        verdicts = Counter(inst.change_verdict(b, a) for b, a in pairs)
        ci = mean_ci([a - b for b, a in pairs])
        out[inst.id] = InstrumentStats(
            inst.id,
            before=Summary(*_n_mean_sd([b for b, _ in values if b is not None])),
            after=Summary(*_n_mean_sd([a for _, a in values if a is not None])),
            paired=Paired(
                n=len(pairs),
                mean_change=ci[0] if ci else (pairs[0][1] - pairs[0][0] if pairs else None),
                ci_low=ci[1] if ci else None,
                ci_high=ci[2] if ci else None,
                improved=verdicts["improved"],
                no_change=verdicts["no_meaningful_change"],
                worsened=verdicts["worsened"],
                clinically_important=0,
            ),
            has_rule=inst.change is not None,
        )
    return out


def _n_mean_sd(values: Sequence[float]) -> tuple[int, float | None, float | None]:
    mean, sd = mean_sd(values)
    return len(values), mean, sd


def compute(people: Sequence[Person], params: pss10.Params | None = None) -> CohortStats:
    """Aggregate a cohort. Verdicts per person come from core/pss10.change."""
    params = params or pss10.Params()
    admitted = [p for p in people if p.admitted]
    pairs = [(p.before, p.after) for p in people if p.before is not None and p.after is not None]
    changes = [pss10.change(b, a, params) for b, a in pairs]
    verdicts = Counter(c.reliable_change for c in changes if c is not None)
    ci = mean_ci([a - b for b, a in pairs])
    ended = [p for p in people if p.status in ("completed", "dropped_out")]
    outcomes = Counter(p.outcome or "none" for p in ended)
    return CohortStats(
        referred=len(people),
        screened=sum(1 for p in people if p.screened),
        admitted=len(admitted),
        not_eligible=sum(1 for p in people if p.status == "not_eligible"),
        completed=sum(1 for p in people if p.status == "completed"),
        dropped_out=sum(1 for p in people if p.status == "dropped_out"),
        before=_summary([p.before for p in people if p.before is not None]),
        after=_summary([p.after for p in people if p.after is not None]),
        paired=Paired(
            n=len(pairs),
            mean_change=ci[0] if ci else (pairs[0][1] - pairs[0][0] if pairs else None),
            ci_low=ci[1] if ci else None,
            ci_high=ci[2] if ci else None,
            improved=verdicts["improved"],
            no_change=verdicts["no_reliable_change"],
            worsened=verdicts["worsened"],
            clinically_important=sum(
                1 for c in changes if c is not None and c.clinically_important
            ),
        ),
        outcomes={k: outcomes[k] for k in (*vocab.OUTCOME_STATUSES, "none") if outcomes[k]},
        group_present=sum(p.group_present for p in admitted),
        group_recorded=sum(p.group_recorded for p in admitted),
        held=sum(p.held for p in admitted),
        cancelled=sum(p.cancelled for p in admitted),
        no_show=sum(p.no_show for p in admitted),
        params=params,
        before_bands=_bands(p.before for p in people),
        after_bands=_bands(p.after for p in people),
        instruments=_instrument_stats(people),
    )


def visible(n: int) -> bool:
    """A statistic over ``n`` people may be printed (n >= 5)."""
    return n >= SMALL_CELL


# --- the published cells and what a reader knows about them ---------------------------

FLOW = ("referred", "screened", "admitted", "not_eligible", "completed", "dropped_out")
OUTCOME_KEYS = (*vocab.OUTCOME_STATUSES, "none")


def cells(stats: CohortStats) -> dict[str, int]:
    """Every count the report publishes, by a stable key (the CSV's and the log's)."""
    pr = stats.paired
    out = {k: getattr(stats, k) for k in FLOW}
    out |= {
        "before_n": stats.before.n,
        "after_n": stats.after.n,
        "pairs": pr.n,
        "improved": pr.improved,
        "no_change": pr.no_change,
        "worsened": pr.worsened,
        "clinically_important": pr.clinically_important,
    }
    out |= {f"outcome:{k}": stats.outcomes.get(k, 0) for k in OUTCOME_KEYS}
    out |= {f"before_band:{k}": stats.before_bands.get(k, 0) for k in BANDS}
    out |= {f"after_band:{k}": stats.after_bands.get(k, 0) for k in BANDS}
    out |= {"cancelled": stats.cancelled, "no_show": stats.no_show}
    for iid, ist in stats.instruments.items():
        out |= {
            f"{iid}:before_n": ist.before.n,
            f"{iid}:after_n": ist.after.n,
            f"{iid}:pairs": ist.paired.n,
        }
        if ist.has_rule:
            out |= {
                f"{iid}:improved": ist.paired.improved,
                f"{iid}:no_change": ist.paired.no_change,
                f"{iid}:worsened": ist.paired.worsened,
            }
    return out


# Counts of sessions, not of people: no relation links them to the rest.
SESSION_CELLS = ("cancelled", "no_show")


def upper_bounds(values: dict[str, int], referred_hidden: bool) -> dict[str, int]:
    """What a reader knows as the most any cell can be: the number referred."""
    ub = dc.SMALL - 1 if referred_hidden else values["referred"]
    return {c: (10**9 if c in SESSION_CELLS else ub) for c in values}


def relations(
    params: pss10.Params,
    means: dict[str, tuple[int, float]] | None = None,
    measured: Iterable[str] = (),
) -> list[dc.Relation]:
    """Every relation between published cells that holds by construction.

    ``means``: {"before"/"after": (n, printed mean)} for the time points whose n and
    mean are both printed: the mean bounds the bands (each band's totals lie in its range).
    ``measured``: the other questionnaires with cells in this report (their own counts'
    relations are added).
    """
    rels = [
        dc.le(["screened"], ["referred"], "screened <= referred"),
        dc.le(["admitted", "not_eligible"], ["screened"], "admitted + not eligible <= screened"),
        dc.le(["completed", "dropped_out"], ["admitted"], "completed + dropped out <= admitted"),
        dc.eq(
            [f"outcome:{k}" for k in OUTCOME_KEYS],
            ["completed", "dropped_out"],
            "outcomes (incl. not recorded) = completed + dropped out",
        ),
        dc.le(["before_n"], ["screened"], "before (screening) n <= screened"),
        dc.le(["after_n"], ["referred"], "after (final) n <= referred"),
        dc.le(["pairs"], ["before_n"], "pairs <= before n"),
        dc.le(["pairs"], ["after_n"], "pairs <= after n"),
        dc.eq(
            ["improved", "no_change", "worsened"],
            ["pairs"],
            "improved + no change + worsened = pairs",
        ),
        dc.le(["clinically_important"], ["pairs"], "clinically important <= pairs"),
        dc.eq([f"before_band:{k}" for k in BANDS], ["before_n"], "before bands = before n"),
        dc.eq([f"after_band:{k}" for k in BANDS], ["after_n"], "after bands = after n"),
    ]
    # The other questionnaires: the same relations among their own counts.
    for inst in instruments.all_instruments():
        i = inst.id
        if i == "pss10" or i not in set(measured):
            continue
        rels += [
            dc.le([f"{i}:before_n"], ["referred"], f"{i} before n <= referred"),
            dc.le([f"{i}:after_n"], ["referred"], f"{i} after n <= referred"),
            dc.le([f"{i}:pairs"], [f"{i}:before_n"], f"{i} pairs <= before n"),
            dc.le([f"{i}:pairs"], [f"{i}:after_n"], f"{i} pairs <= after n"),
        ]
        if inst.change is not None:
            rels.append(
                dc.eq(
                    [f"{i}:improved", f"{i}:no_change", f"{i}:worsened"],
                    [f"{i}:pairs"],
                    f"{i} verdicts = pairs",
                )
            )
    # An improvement of MCID points or more is reliable when the reliable difference is
    # below MCID, and every reliable improvement is clinically important otherwise.
    if params.reliable_difference < pss10.MCID_POINTS:
        rels.append(
            dc.le(["clinically_important"], ["improved"], "clinically important <= improved")
        )
    else:
        rels.append(
            dc.le(["improved"], ["clinically_important"], "improved <= clinically important")
        )
    for when, (n, mean) in (means or {}).items():
        # The printed mean m (1 decimal, half up) puts the sum of totals S within
        # n(m - 0.05) <= S < n(m + 0.05); S lies between sum(lo * band) and sum(hi * band).
        lo_sum = math.ceil(n * (mean - 0.05) - 1e-9)
        hi_sum = math.ceil(n * (mean + 0.05) - 1e-9) - 1
        rels.append(
            dc.Relation(
                tuple((lo, f"{when}_band:{k}") for k, lo, _ in pss10.BANDS),
                "<=",
                hi_sum,
                f"{when} mean: sum of band minima <= n x mean",
            )
        )
        rels.append(
            dc.Relation(
                tuple((-hi, f"{when}_band:{k}") for k, _, hi in pss10.BANDS),
                "<=",
                -lo_sum,
                f"{when} mean: sum of band maxima >= n x mean",
            )
        )
    return rels
