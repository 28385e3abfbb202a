"""PSS-10 scoring rules (docs/pss10.md) pinned by worked examples and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachdesk.core import pss10
from coachdesk.core.pss10 import Params, before_after, change, is_eligible, score

N = None

# Every worked example in docs/pss10.md: (answers, total, prorated).
WORKED = [
    ([0, 0, 0, 4, 4, 0, 4, 4, 0, 0], 0, False),
    ([4, 4, 4, 0, 0, 4, 0, 0, 4, 4], 40, False),
    ([2] * 10, 20, False),
    ([3, 3, 4, 1, 1, 4, 2, 1, 3, 3], 31, False),
    ([3, 3, 4, 1, 1, 4, 2, 1, 3, N], 31, True),
    ([1, 2, 1, 3, 2, 2, 3, 3, 1, N], 13, True),
    ([2, 2, 2, 2, 2, 2, 2, 2, 2, N], 20, True),
]


@pytest.mark.parametrize(("answers", "total", "prorated"), WORKED)
def test_worked_examples(answers, total, prorated):
    sc = score(answers)
    assert sc.total == total
    assert sc.prorated is prorated
    assert sc.missing == (1 if prorated else 0)
    assert sc.reason is None


def test_item_scores_of_the_31_example_are_the_documented_sum():
    sc = score([3, 3, 4, 1, 1, 4, 2, 1, 3, 3])
    assert sc.item_scores == (3, 3, 4, 3, 3, 4, 2, 3, 3, 3)


def test_two_missing_gives_no_total_and_says_why():
    sc = score([3, 3, N, 1, 1, 4, 2, 1, 3, N])
    assert sc.total is None
    assert sc.band is None
    assert sc.missing == 2
    assert sc.prorated is False
    assert "2 answers are missing" in sc.reason


def test_reversed_items_are_4_5_7_8():
    assert {4, 5, 7, 8} == pss10.REVERSED
    for item in range(1, 11):
        assert pss10.item_score(item, 1) == (3 if item in {4, 5, 7, 8} else 1)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "low"),
        (13, "low"),
        (14, "moderate"),
        (26, "moderate"),
        (27, "high"),
        (40, "high"),
        (None, None),
    ],
)
def test_band_edges(total, band):
    assert pss10.band(total) == band


@pytest.mark.parametrize("total", [-1, 41])
def test_band_outside_scale_is_an_error(total):
    with pytest.raises(ValueError):
        pss10.band(total)


def test_threshold_default_17_and_setting():
    assert Params().threshold == 17
    assert is_eligible(17) is True
    assert is_eligible(16) is False
    assert is_eligible(None) is None
    assert is_eligible(17, Params(threshold=20)) is False
    assert is_eligible(20, Params(threshold=20)) is True


def test_reliable_change_defaults_need_9_points():
    p = Params()
    assert p.sd == 6.33 and p.r == 0.78
    assert p.reliable_difference == pytest.approx(8.23, abs=0.01)
    assert p.reliable_points == 9
    assert change(25, 17).reliable_change == "no_reliable_change"  # -8
    assert change(17, 25).reliable_change == "no_reliable_change"  # +8
    assert change(25, 16).reliable_change == "improved"  # -9
    assert change(16, 25).reliable_change == "worsened"  # +9
    c = change(30, 21)
    assert c.difference == -9 and c.rci == pytest.approx(-9 / 4.1989, rel=1e-3)


def test_reliable_change_follows_the_settings():
    # A larger SD widens the band: 9 points is no longer reliable.
    assert change(25, 16, Params(sd=8.0)).reliable_change == "no_reliable_change"


def test_clinically_important_is_a_decrease_of_11_or_more():
    assert change(30, 20).clinically_important is False  # -10
    assert change(30, 19).clinically_important is True  # -11
    assert change(19, 30).clinically_important is False  # +11 is worse, not important gain
    assert change(30, 19).as_dict() == {
        "before": 30,
        "after": 19,
        "difference": -11,
        "reliable_change": "improved",
        "clinically_important": True,
    }


def test_change_without_a_total_is_none():
    assert change(None, 20) is None
    assert change(20, None) is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"threshold": -1},
        {"threshold": 41},
        {"sd": 0},
        {"sd": -2.0},
        {"r": 1.0},
        {"r": -0.1},
    ],
)
def test_params_validation(kwargs):
    with pytest.raises(ValueError):
        Params(**kwargs)


def test_params_accepts_edges():
    Params(threshold=0, r=0.0)
    Params(threshold=40, r=0.99)


def test_before_after_picks_first_screening_and_latest_final():
    d = dt.date
    rows = [
        ("final", d(2026, 3, 1), [1] * 10),  # an earlier final
        ("screening", d(2026, 1, 10), [3] * 10),  # a re-screening, later
        ("screening", d(2026, 1, 2), [4, 4, 4, 0, 0, 4, 0, 0, 4, 4]),  # the first: 40
        ("final", d(2026, 4, 1), [2] * 10),  # the latest final: 20
        ("followup", d(2026, 6, 1), [0, 0, 0, 4, 4, 0, 4, 4, 0, 0]),
    ]
    before, after = before_after(rows)
    assert before.total == 40
    assert after.total == 20


def test_before_after_works_on_iso_strings_and_missing_kinds():
    before, after = before_after([("screening", "2026-01-02", [2] * 10)])
    assert before.total == 20 and after is None
    assert before_after([]) == (None, None)


@pytest.mark.parametrize(
    "bad",
    [
        [1] * 9,
        [1] * 11,
        "1111111111",
        [5] + [1] * 9,
        [-1] + [1] * 9,
        [True] + [1] * 9,
        [1.0] + [1] * 9,
    ],
)
def test_bad_answers_are_refused(bad):
    with pytest.raises(pss10.AnswerError):
        score(bad)


def test_answer_error_names_the_item():
    with pytest.raises(pss10.AnswerError) as exc:
        score([0, 0, 7, 0, 0, 0, 0, 0, 0, 0])
    assert exc.value.index == 2


# --- properties ---------------------------------------------------------------------

complete = st.lists(st.integers(0, 4), min_size=10, max_size=10)
one_missing = st.tuples(complete, st.integers(0, 9)).map(
    lambda t: [None if i == t[1] else a for i, a in enumerate(t[0])]
)
NOT_REVERSED = [i for i in range(10) if i + 1 not in pss10.REVERSED]


@given(complete)
def test_mirror_answers_mirror_the_total(a):
    assert score([4 - x for x in a]).total == 40 - score(a).total


@given(complete)
def test_total_is_within_0_40(a):
    sc = score(a)
    assert 0 <= sc.total <= 40
    assert sc.band is not None and not sc.prorated


@given(complete, st.sampled_from(NOT_REVERSED))
def test_raising_a_non_reversed_answer_never_lowers_the_total(a, i):
    if a[i] == 4:
        return
    raised = list(a)
    raised[i] += 1
    assert score(raised).total == score(a).total + 1


@given(one_missing)
def test_prorated_total_stays_within_0_40(a):
    sc = score(a)
    assert sc.prorated and sc.missing == 1
    assert 0 <= sc.total <= 40
    assert sc.total == round(sum(s for s in sc.item_scores if s is not None) * 10 / 9 + 1e-9)


@given(complete, st.sets(st.integers(0, 9), min_size=2))
def test_two_or_more_missing_has_no_total_and_a_reason(a, gone):
    sc = score([None if i in gone else x for i, x in enumerate(a)])
    assert sc.total is None and sc.reason and sc.missing == len(gone)


# The caseload's fast paths must never drift from score() and before_after().
answers_any = st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=10, max_size=10)


@given(answers_any)
def test_total_equals_the_full_score(a):
    assert pss10.total(a) == score(a).total


@pytest.mark.parametrize("bad", [[1] * 9, [True] + [1] * 9, [5] + [1] * 9, "1111111111"])
def test_total_refuses_what_score_refuses(bad):
    with pytest.raises(pss10.AnswerError):
        pss10.total(bad)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["screening", "final", "followup"]), st.integers(0, 5), answers_any
        ),
        max_size=6,
    )
)
def test_totals_pick_what_before_after_picks(rows):
    """Including equal dates: the first-listed screening and last-listed final win."""
    before, after = before_after(rows)
    assert pss10.before_after_totals(rows) == (before and before.total, after and after.total)
    first = sorted((r for r in rows if r[0] == "screening"), key=lambda r: r[1])
    last = sorted((r for r in rows if r[0] == "final"), key=lambda r: r[1])
    assert pss10.pick_before_after(rows) == (
        first[0][2] if first else None,
        last[-1][2] if last else None,
    )
