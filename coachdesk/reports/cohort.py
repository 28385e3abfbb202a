"""Cohort statistics: pure functions, no I/O, hand-checkable.

Anonymous aggregates for the effect report: counts through the course, PSS-10 before
and after (mean, SD), the mean paired change with a 95% confidence interval from the
t distribution (implemented here: no scipy on a coach's laptop), reliable-change
shares (core/pss10 decides each person's verdict), outcomes and attendance.

Small-cell suppression: a count of 1-4 is shown as "<5" and anything derived from it
(a percentage, a mean of fewer than 5 people) is withheld, so nobody can be singled
out in a small course.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from coachdesk.core import pss10, vocab

SMALL_CELL = 5  # counts 1..SMALL_CELL-1 are suppressed
SUPPRESSED = "<5"

# Statuses that mean the person was admitted to the course at some point (a drop-out
# leaves the course, so they were in it: domain.md's state diagram).
_ADMITTED = frozenset({"admitted", "group_phase", "individual_phase", "completed",
                       "dropped_out"})


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
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                 + a * math.log(x) + b * math.log1p(-x))
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


def hidden_cells(group: dict[str, int]) -> dict[str, str]:
    """Which counts of a group to hide, for counts that add up to a total printed beside them.

    Every count of 1-4 is hidden ("small"). If that hides exactly one count of the
    group, the total minus the others would give it back, so the smallest other
    non-zero count is hidden too ("complement", the usual secondary suppression).
    """
    hidden = {k: "small" for k, v in group.items() if is_small(v)}
    if len(hidden) == 1:
        others = sorted((v, k) for k, v in group.items() if k not in hidden and v > 0)
        if others:
            hidden[others[0][1]] = "complement"
    return hidden


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
    pairs: tuple[tuple[int, int], ...] = field(default=())  # for the paired chart only

    @property
    def mean_group_attended(self) -> float | None:
        return None if self.admitted == 0 else self.group_present / self.admitted

    @property
    def mean_held(self) -> float | None:
        return None if self.admitted == 0 else self.held / self.admitted


def _summary(values: Sequence[int]) -> Summary:
    mean, sd = mean_sd(values)
    return Summary(len(values), mean, sd)


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
            ci_low=ci[1] if ci else None, ci_high=ci[2] if ci else None,
            improved=verdicts["improved"], no_change=verdicts["no_reliable_change"],
            worsened=verdicts["worsened"],
            clinically_important=sum(1 for c in changes if c is not None and
                                     c.clinically_important),
        ),
        outcomes={k: outcomes[k] for k in (*vocab.OUTCOME_STATUSES, "none") if outcomes[k]},
        group_present=sum(p.group_present for p in admitted),
        group_recorded=sum(p.group_recorded for p in admitted),
        held=sum(p.held for p in admitted),
        cancelled=sum(p.cancelled for p in admitted),
        no_show=sum(p.no_show for p in admitted),
        params=params,
        pairs=tuple(pairs),
    )


def visible(n: int) -> bool:
    """A statistic over ``n`` people may be printed (n >= 5)."""
    return n >= SMALL_CELL
