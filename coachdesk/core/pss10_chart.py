"""What the PSS-10 before/after chart shows, as plain data both renderers draw.

The Qt widget (ui/pss10_chart_view.py) and the PDF (reports/pss10_chart.py) draw this
same description, so the screen and the paper cannot disagree. It carries keys, never
words: each renderer translates the keys in LABEL_KEYS (Qt through tr(), the PDF
through its own Danish/English table), and a test checks that both know every key.
All numbers come from core/pss10.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from coachdesk.core import pss10

Row = tuple[str, dt.date, pss10.Answers]  # (kind, date, answers)

Y_MIN, Y_MAX = 0, pss10.MAX_TOTAL
Y_TICKS: tuple[int, ...] = (0, 10, 20, 30, 40)
MAX_X_TICKS = 6

# Every key a renderer must be able to put into words.
LABEL_KEYS: tuple[str, ...] = (
    "title",
    "y_axis",
    "x_axis",
    "items_title",
    "item",
    "before",
    "after",
    "threshold",
    "national_high",
    "band_low",
    "band_moderate",
    "band_high",
    "kind_screening",
    "kind_final",
    "kind_followup",
    "prorated",
    "improved",
    "no_reliable_change",
    "worsened",
    "clinically_important",
    "not_clinically_important",
    "no_data",
    "no_change_yet",
    "no_total",
    "reversed",
    "points",
)


@dataclass(frozen=True)
class Point:
    date: dt.date
    total: int
    kind: str  # screening | final | followup
    prorated: bool
    band: str


@dataclass(frozen=True)
class ReferenceLine:
    key: str  # threshold | national_high
    value: int
    dash: tuple[float, ...]  # dash pattern in line widths: grey-scale tells them apart
    label_above: bool  # the two lines are 1 point apart: one label above, one below


@dataclass(frozen=True)
class BandArea:
    key: str  # low | moderate | high
    low: int
    high: int
    shade: float  # 0 (none) .. 1 (strongest): a grey-scale-safe tint strength


@dataclass(frozen=True)
class Verdict:
    """The before/after change in words-to-be: all from pss10.change."""

    before: int
    after: int
    before_date: dt.date
    after_date: dt.date
    difference: int
    reliable_change: str  # improved | no_reliable_change | worsened
    clinically_important: bool
    reliable_points: int  # the |difference| that is reliable with these settings
    mcid_points: int
    sd: float
    r: float


@dataclass(frozen=True)
class ItemComparison:
    item: int  # 1-based
    reversed: bool
    before_answer: int | None
    after_answer: int | None
    before_score: int | None  # after reversal: higher always means more stress
    after_score: int | None


@dataclass(frozen=True)
class Missing:
    """A questionnaire that has no total (two or more answers missing)."""

    date: dt.date
    kind: str
    missing: int


@dataclass(frozen=True)
class ChartData:
    points: tuple[Point, ...]
    reference_lines: tuple[ReferenceLine, ...]
    bands: tuple[BandArea, ...]
    verdict: Verdict | None
    items: tuple[ItemComparison, ...]  # empty unless there is a before and an after
    without_total: tuple[Missing, ...]
    params: pss10.Params
    x_min: dt.date | None
    x_max: dt.date | None
    x_ticks: tuple[dt.date, ...]
    y_min: int = Y_MIN
    y_max: int = Y_MAX
    y_ticks: tuple[int, ...] = field(default=Y_TICKS)
    before_index: int | None = None  # index into points
    after_index: int | None = None

    @property
    def empty(self) -> bool:
        return not self.points

    def x_fraction(self, day: dt.date) -> float:
        """Where a date lies across the plot, 0 (left) to 1 (right)."""
        if self.x_min is None or self.x_max is None:
            return 0.5
        span = (self.x_max - self.x_min).days
        return 0.5 if span <= 0 else (day - self.x_min).days / span

    def y_fraction(self, total: float) -> float:
        """Where a total lies up the plot, 0 (bottom) to 1 (top)."""
        return (total - self.y_min) / (self.y_max - self.y_min)


def _x_ticks(dates: Sequence[dt.date]) -> tuple[dt.date, ...]:
    unique = sorted(set(dates))
    if len(unique) <= MAX_X_TICKS:
        return tuple(unique)
    # Keep the first and last, and evenly spread ones between: labels must not collide.
    step = (len(unique) - 1) / (MAX_X_TICKS - 1)
    return tuple(unique[round(i * step)] for i in range(MAX_X_TICKS))


def build(rows: Sequence[Row], params: pss10.Params | None = None) -> ChartData:
    """Describe the chart of one participant's questionnaires (in any order)."""
    params = params or pss10.Params()
    ordered = sorted(rows, key=lambda r: r[1])
    points: list[Point] = []
    missing: list[Missing] = []
    for kind, day, answers in ordered:
        sc = pss10.score(answers)
        if sc.total is None:
            missing.append(Missing(day, kind, sc.missing))
        else:
            points.append(Point(day, sc.total, kind, sc.prorated, sc.band or ""))

    before, after = pss10.before_after(ordered)
    verdict = None
    before_index = after_index = None
    items: tuple[ItemComparison, ...] = ()
    # The rows that before_after picked: the first screening and the latest final.
    screenings = [r for r in ordered if r[0] == "screening"]
    finals = [r for r in ordered if r[0] == "final"]
    b_row = screenings[0] if screenings else None
    a_row = finals[-1] if finals else None
    if b_row is not None and before is not None and before.total is not None:
        before_index = _index_of(points, b_row[1], "screening", first=True)
    if a_row is not None and after is not None and after.total is not None:
        after_index = _index_of(points, a_row[1], "final", first=False)
    ch = pss10.change(before.total if before else None, after.total if after else None, params)
    if ch is not None and b_row is not None and a_row is not None:
        verdict = Verdict(
            before=ch.before,
            after=ch.after,
            before_date=b_row[1],
            after_date=a_row[1],
            difference=ch.difference,
            reliable_change=ch.reliable_change,
            clinically_important=ch.clinically_important,
            reliable_points=params.reliable_points,
            mcid_points=pss10.MCID_POINTS,
            sd=params.sd,
            r=params.r,
        )
    if before is not None and after is not None and b_row is not None and a_row is not None:
        items = tuple(
            ItemComparison(
                item=i + 1,
                reversed=pss10.is_reversed(i + 1),
                before_answer=b_row[2][i],
                after_answer=a_row[2][i],
                before_score=before.item_scores[i],
                after_score=after.item_scores[i],
            )
            for i in range(pss10.N_ITEMS)
        )

    all_dates = [p.date for p in points]
    x_min = min(all_dates) if all_dates else None
    x_max = max(all_dates) if all_dates else None
    if x_min is not None and x_max is not None:
        # A margin of a week (or 5% of the span) keeps the end markers off the axes.
        pad = max(dt.timedelta(days=7), (x_max - x_min) * 0.05)
        x_min, x_max = x_min - pad, x_max + pad

    return ChartData(
        points=tuple(points),
        reference_lines=(
            ReferenceLine(
                "threshold",
                params.threshold,
                (6.0, 3.0),
                params.threshold > pss10.NATIONAL_HIGH_STRESS,
            ),
            ReferenceLine(
                "national_high",
                pss10.NATIONAL_HIGH_STRESS,
                (1.5, 2.5),
                params.threshold <= pss10.NATIONAL_HIGH_STRESS,
            ),
        ),
        bands=tuple(
            BandArea(key, lo, hi, shade)
            for (key, lo, hi), shade in zip(pss10.BANDS, (0.0, 0.5, 1.0), strict=True)
        ),
        verdict=verdict,
        items=items,
        without_total=tuple(missing),
        params=params,
        x_min=x_min,
        x_max=x_max,
        x_ticks=_x_ticks(all_dates),
        before_index=before_index,
        after_index=after_index,
    )


def _index_of(points: Sequence[Point], day: dt.date, kind: str, *, first: bool) -> int | None:
    hits = [i for i, p in enumerate(points) if p.date == day and p.kind == kind]
    if not hits:
        return None
    return hits[0] if first else hits[-1]
