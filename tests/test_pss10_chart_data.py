"""core/pss10_chart.py: the renderer-neutral description of the chart."""

from __future__ import annotations

import datetime as dt

from coachdesk.core import pss10, pss10_chart
from coachdesk.core.pss10 import Params

D = dt.date
HIGH = [3, 3, 4, 1, 1, 4, 2, 1, 3, 3]  # 31
HIGH_ONE_MISSING = [3, 3, 4, 1, 1, 4, 2, 1, 3, None]  # 31 prorated
LOW = [1, 1, 1, 3, 3, 1, 3, 3, 1, 1]  # 10
TWO_MISSING = [3, 3, None, 1, 1, 4, 2, 1, 3, None]


def test_empty():
    data = pss10_chart.build([])
    assert data.empty and data.verdict is None and data.items == ()
    assert data.x_min is None and data.x_fraction(D(2026, 1, 1)) == 0.5


def test_points_reference_lines_bands():
    data = pss10_chart.build(
        [
            ("final", D(2026, 4, 1), LOW),
            ("screening", D(2026, 1, 10), HIGH_ONE_MISSING),
            ("followup", D(2026, 7, 1), TWO_MISSING),
        ]
    )
    assert [(p.date, p.total, p.kind, p.prorated, p.band) for p in data.points] == [
        (D(2026, 1, 10), 31, "screening", True, "high"),
        (D(2026, 4, 1), 10, "final", False, "low"),
    ]
    assert data.without_total == (pss10_chart.Missing(D(2026, 7, 1), "followup", 2),)
    assert [(r.key, r.value) for r in data.reference_lines] == [
        ("threshold", 17),
        ("national_high", 18),
    ]
    # Labels must not collide: the higher line's label above, the lower's below.
    assert [r.label_above for r in data.reference_lines] == [False, True]
    assert len({r.dash for r in data.reference_lines}) == 2
    assert [(b.key, b.low, b.high) for b in data.bands] == [
        ("low", 0, 13),
        ("moderate", 14, 26),
        ("high", 27, 40),
    ]
    assert (data.y_min, data.y_max) == (0, 40)
    assert data.before_index == 0 and data.after_index == 1


def test_threshold_above_18_swaps_label_sides():
    data = pss10_chart.build([], Params(threshold=22))
    assert [(r.value, r.label_above) for r in data.reference_lines] == [(22, True), (18, False)]


def test_verdict_comes_from_pss10_change():
    data = pss10_chart.build([("screening", D(2026, 1, 10), HIGH), ("final", D(2026, 4, 1), LOW)])
    v = data.verdict
    assert (v.before, v.after, v.difference) == (31, 10, -21)
    assert v.reliable_change == "improved" and v.clinically_important
    assert (v.reliable_points, v.mcid_points, v.sd, v.r) == (9, 11, 6.33, 0.78)
    assert (v.before_date, v.after_date) == (D(2026, 1, 10), D(2026, 4, 1))


def test_verdict_uses_first_screening_and_latest_final():
    data = pss10_chart.build(
        [
            ("screening", D(2026, 1, 10), [2] * 10),  # 20: the before
            ("screening", D(2026, 1, 20), HIGH),
            ("final", D(2026, 3, 1), LOW),
            ("final", D(2026, 4, 1), [2, 2, 2, 2, 2, 2, 2, 2, 3, 3]),  # 22: the after
        ]
    )
    assert (data.verdict.before, data.verdict.after) == (20, 22)
    assert data.verdict.reliable_change == "no_reliable_change"
    assert not data.verdict.clinically_important
    assert data.before_index == 0 and data.after_index == 3


def test_no_verdict_without_a_final_total():
    data = pss10_chart.build(
        [("screening", D(2026, 1, 10), HIGH), ("final", D(2026, 4, 1), TWO_MISSING)]
    )
    assert data.verdict is None
    assert data.after_index is None
    # The items can still be compared where answered.
    assert data.items[2].after_score is None


def test_item_comparison_uses_reversed_scores():
    data = pss10_chart.build([("screening", D(2026, 1, 10), HIGH), ("final", D(2026, 4, 1), LOW)])
    assert len(data.items) == 10
    four = data.items[3]
    assert (four.item, four.reversed, four.before_answer, four.before_score) == (4, True, 1, 3)
    assert (four.after_answer, four.after_score) == (3, 1)
    assert [i.item for i in data.items if i.reversed] == sorted(pss10.REVERSED)
    assert sum(i.before_score for i in data.items) == 31


def test_geometry():
    data = pss10_chart.build([("screening", D(2026, 1, 10), HIGH), ("final", D(2026, 4, 10), LOW)])
    assert data.x_min < D(2026, 1, 10) and data.x_max > D(2026, 4, 10)
    assert 0 < data.x_fraction(D(2026, 1, 10)) < data.x_fraction(D(2026, 4, 10)) < 1
    assert data.y_fraction(0) == 0 and data.y_fraction(40) == 1 and data.y_fraction(20) == 0.5
    assert data.x_ticks == (D(2026, 1, 10), D(2026, 4, 10))


def test_many_dates_thin_the_ticks():
    rows = [("followup", D(2026, 1, 1) + dt.timedelta(days=10 * i), [2] * 10) for i in range(15)]
    data = pss10_chart.build(rows)
    assert len(data.x_ticks) == pss10_chart.MAX_X_TICKS
    assert data.x_ticks[0] == D(2026, 1, 1) and data.x_ticks[-1] == rows[-1][1]
