"""Cohort statistics (reports/cohort.py): hand-computed numbers, suppression rules."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachdesk.core import pss10
from coachdesk.reports import cohort
from coachdesk.reports.cohort import Person


@pytest.mark.parametrize(
    ("df", "expected"),
    [
        (1, 12.7062),
        (2, 4.3027),
        (4, 2.7764),
        (5, 2.5706),
        (9, 2.2622),
        (10, 2.2281),
        (24, 2.0639),
        (30, 2.0423),
        (120, 1.9799),
    ],
)
def test_t_quantile_matches_tables(df, expected) -> None:
    assert cohort.t_quantile(0.975, df) == pytest.approx(expected, abs=5e-4)


def test_t_quantile_symmetry_and_median() -> None:
    assert cohort.t_quantile(0.5, 7) == 0.0
    assert cohort.t_quantile(0.025, 7) == pytest.approx(-cohort.t_quantile(0.975, 7))
    assert cohort.t_quantile(0.95, 10) == pytest.approx(1.8125, abs=5e-4)
    assert cohort.t_quantile(0.975, 1e6) == pytest.approx(1.95996, abs=1e-4)
    with pytest.raises(ValueError):
        cohort.t_quantile(1.0, 3)


@given(st.floats(min_value=-50, max_value=50), st.integers(min_value=1, max_value=200))
def test_cdf_and_quantile_invert(t, df) -> None:
    p = cohort.t_cdf(t, df)
    if 1e-9 < p < 1 - 1e-9:
        assert cohort.t_quantile(p, df) == pytest.approx(t, abs=1e-5 * max(1, abs(t)))


def test_mean_sd_and_ci_by_hand() -> None:
    # 1..5: mean 3, SD sqrt(2.5); half width = 2.776445 * sqrt(2.5) / sqrt(5) = 1.963243
    mean, sd = cohort.mean_sd([1, 2, 3, 4, 5])
    assert (mean, sd) == (3.0, pytest.approx(math.sqrt(2.5)))
    m, lo, hi = cohort.mean_ci([1, 2, 3, 4, 5])
    assert (m, lo, hi) == (
        3.0,
        pytest.approx(1.036757, abs=1e-6),
        pytest.approx(4.963243, abs=1e-6),
    )
    assert cohort.mean_sd([]) == (None, None)
    assert cohort.mean_sd([7]) == (7.0, None)
    assert cohort.mean_ci([7]) is None


def test_suppression_rules() -> None:
    assert [cohort.show_count(n) for n in (0, 1, 4, 5, 17)] == ["0", "<5", "<5", "5", "17"]
    assert cohort.share(3, 20) is None  # a small numerator is withheld
    assert cohort.share(6, 4) is None  # and a small denominator
    assert cohort.share(5, 20) == 0.25
    assert cohort.share(0, 20) == 0.0 and cohort.share(0, 0) is None
    assert not cohort.visible(4) and cohort.visible(5)


def _p(
    status: str, before: int | None, after: int | None, outcome: str | None = None, **kw
) -> Person:
    return Person(
        status=status,
        screened=before is not None,
        before=before,
        after=after,
        outcome=outcome,
        **kw,
    )


def test_compute_by_hand() -> None:
    people = [
        _p("completed", 30, 20, "work_full", held=8, group_present=7, group_recorded=8),  # -10
        _p("completed", 25, 24, "work_partial", held=6, cancelled=2),  # -1
        _p("completed", 20, 30, "sick_leave", held=7, no_show=1),  # +10
        _p("completed", 28, 16, "work_full", held=8),  # -12
        _p("completed", 22, 21, "work_full", held=8),  # -1
        _p("dropped_out", 24, None, held=2),
        _p("not_eligible", 10, None),
        _p("referred", None, None),
    ]
    s = cohort.compute(people, pss10.Params())
    assert (s.referred, s.screened, s.admitted) == (8, 7, 6)
    assert (s.not_eligible, s.completed, s.dropped_out) == (1, 5, 1)
    # before: 30 25 20 28 22 24 10 -> mean 159/7
    assert s.before.n == 7 and s.before.mean == pytest.approx(159 / 7)
    assert s.after.n == 5 and s.after.mean == pytest.approx(111 / 5)
    # changes -10 -1 +10 -12 -1: mean -2.8, SD sqrt(((-7.2)^2+1.8^2+12.8^2+(-9.2)^2+1.8^2)/4)
    sd = math.sqrt((7.2**2 + 1.8**2 + 12.8**2 + 9.2**2 + 1.8**2) / 4)
    half = cohort.t_quantile(0.975, 4) * sd / math.sqrt(5)
    pr = s.paired
    assert pr.n == 5 and pr.mean_change == pytest.approx(-2.8)
    assert (pr.ci_low, pr.ci_high) == (pytest.approx(-2.8 - half), pytest.approx(-2.8 + half))
    # |diff| >= 9 is reliable: -10 and -12 improved, +10 worsened; -12 alone is >= 11.
    assert (pr.improved, pr.no_change, pr.worsened, pr.clinically_important) == (2, 2, 1, 1)
    assert s.outcomes == {"work_full": 3, "work_partial": 1, "sick_leave": 1, "none": 1}
    assert (s.held, s.cancelled, s.no_show) == (39, 2, 1)
    assert s.mean_held == pytest.approx(39 / 6)
    assert (s.group_present, s.group_recorded) == (7, 8)


def test_verdicts_follow_the_vault_parameters() -> None:
    people = [_p("completed", 30, 21, None)] * 5  # -9: reliable with the defaults
    assert cohort.compute(people).paired.improved == 5
    assert cohort.compute(people, pss10.Params(sd=12.0)).paired.improved == 0
