"""PSS-10 (Perceived Stress Scale): the one place its scoring rules live.

The rules are those of docs/pss10.md: Cohen's reversed items and total, CoachDesk's
documented rule for missing answers, descriptive bands, Jacobson & Truax's reliable
change and Eskildsen et al.'s minimal clinically important change. The GUI, the
participant file, the PDF and the cohort report all call this module.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

N_ITEMS = 10
MIN_ANSWER, MAX_ANSWER = 0, 4
MAX_TOTAL = N_ITEMS * MAX_ANSWER
# 1-based numbers of the positively worded items, scored 4 - answer.
REVERSED: frozenset[int] = frozenset({4, 5, 7, 8})

DEFAULT_THRESHOLD = 17  # the course's admission threshold (a setting)
NATIONAL_HIGH_STRESS = 18  # Den Nationale Sundhedsprofil's "high stress" line
DEFAULT_SD = 6.33  # pooled SD, Cohen & Williamson 1988 US norm sample
DEFAULT_R = 0.78  # Cohen & Williamson's alpha for PSS-10
MCID_POINTS = 11  # Eskildsen et al. 2015, Danish version, work-related stress
RCI_CRITICAL = 1.96

# Descriptive bands (not Cohen's, not diagnostic): (key, low, high) inclusive.
BANDS: tuple[tuple[str, int, int], ...] = (("low", 0, 13), ("moderate", 14, 26), ("high", 27, 40))

OPENING_DA = "Hvor ofte inden for den sidste måned"
OPENING_EN = "In the last month, how often have you"
# The Danish consensus version, word for word as printed in the seed article.
ITEMS_DA: tuple[str, ...] = (
    "er du blevet oprevet over noget, der skete uventet?",
    "har du følt, at du var ude af stand til at kontrollere de betydningsfulde ting i dit liv?",
    "har du følt dig nervøs og “stresset”?",
    "har du følt dig sikker på dine evner til at klare dine personlige problemer?",
    "har du følt, at tingene gik som du ønskede det?",
    "har du oplevet, at du ikke kunne overkomme alt det du skulle?",
    "har du været i stand til at håndtere ting, som irriterer dig?",
    "har du følt, at du havde styr på tingene?",
    "er du blevet vred over ting, du ikke havde indflydelse på?",
    "har du følt, at vanskelighederne hobede sig så meget op, at du ikke kunne klare dem?",
)
# Cohen's English originals.
ITEMS_EN: tuple[str, ...] = (
    "been upset because of something that happened unexpectedly?",
    "felt that you were unable to control the important things in your life?",
    "felt nervous and “stressed”?",
    "felt confident about your ability to handle your personal problems?",
    "felt that things were going your way?",
    "found that you could not cope with all the things that you had to do?",
    "been able to control irritations in your life?",
    "felt that you were on top of things?",
    "been angered because of things that happened that were outside of your control?",
    "felt difficulties were piling up so high that you could not overcome them?",
)
ANSWERS_DA: tuple[str, ...] = ("Aldrig", "Næsten aldrig", "Ind imellem", "Ret ofte", "Meget ofte")
ANSWERS_EN: tuple[str, ...] = ("Never", "Almost never", "Sometimes", "Fairly often", "Very often")

Answers = Sequence[int | None]


class AnswerError(ValueError):
    """An answer list that breaks the scale's rules; ``index`` is 0-based or None."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


def items(lang: str) -> tuple[str, ...]:
    return ITEMS_DA if lang == "da" else ITEMS_EN


def opening(lang: str) -> str:
    return OPENING_DA if lang == "da" else OPENING_EN


def answer_labels(lang: str) -> tuple[str, ...]:
    return ANSWERS_DA if lang == "da" else ANSWERS_EN


def is_reversed(item: int) -> bool:
    """``item`` is 1-based, as printed on the form."""
    return item in REVERSED


def check_answers(answers: object) -> list[int | None]:
    """Return the answers as a list, or raise AnswerError naming the first bad entry."""
    if not isinstance(answers, list | tuple):
        raise AnswerError("answers must be a list of 10 entries")
    if len(answers) != N_ITEMS:
        raise AnswerError(f"answers must have exactly 10 entries, not {len(answers)}")
    for i, a in enumerate(answers):
        # type() is int: exact, so True/False (a bool is an int subclass) are refused.
        if a is None or (type(a) is int and MIN_ANSWER <= a <= MAX_ANSWER):
            continue
        if isinstance(a, bool) or not isinstance(a, int):
            raise AnswerError(f"{a!r} is not an integer 0-4 or null", i)
        raise AnswerError(f"{a} is not in 0-4", i)
    return list(answers)


def item_score(item: int, answer: int) -> int:
    """Score of one answered item (1-based ``item``)."""
    return MAX_ANSWER - answer if item in REVERSED else answer


# _ITEM_SCORES[i][a]: the score of answer ``a`` to item i + 1, from item_score. The caseload
# scores every participant's questionnaires at each unlock; a lookup keeps that cheap.
_ITEM_SCORES = tuple(
    tuple(item_score(i + 1, a) for a in range(MIN_ANSWER, MAX_ANSWER + 1)) for i in range(N_ITEMS)
)


def _round_half_up_div(numerator: int, denominator: int) -> int:
    # Integer arithmetic: no float ties, no banker's rounding.
    return (2 * numerator + denominator) // (2 * denominator)


@dataclass(frozen=True)
class Score:
    """The scored questionnaire. ``total`` is None when too many answers are missing."""

    total: int | None
    prorated: bool
    missing: int
    item_scores: tuple[int | None, ...]
    band: str | None
    reason: str | None  # why there is no total (English; the UI translates by ``missing``)


def _total(answered_sum: int, missing: int) -> int | None:
    """The total from the answered items' sum: as is, prorated for one gap, else none."""
    if missing == 0:
        return answered_sum
    if missing == 1:
        return _round_half_up_div(answered_sum * N_ITEMS, N_ITEMS - 1)
    return None


def score(answers: Answers) -> Score:
    """Score ten answers by the rules in docs/pss10.md."""
    checked = check_answers(answers)
    scores = tuple(
        None if a is None else row[a] for row, a in zip(_ITEM_SCORES, checked, strict=True)
    )
    answered = [s for s in scores if s is not None]
    missing = N_ITEMS - len(answered)
    total = _total(sum(answered), missing)
    if total is None:
        return Score(
            None,
            False,
            missing,
            scores,
            None,
            f"{missing} answers are missing; a total needs at least 9 of 10",
        )
    return Score(total, missing == 1, missing, scores, band(total), None)


def total(answers: Answers) -> int | None:
    """``score(answers).total`` without the rest: lists score every participant at once.

    The same checks and rules (check_answers, _ITEM_SCORES, _total); a property test
    holds it equal to score().
    """
    answered_sum = missing = 0
    for row, a in zip(_ITEM_SCORES, check_answers(answers), strict=True):
        if a is None:
            missing += 1
        else:
            answered_sum += row[a]
    return _total(answered_sum, missing)


def band(total: int | None) -> str | None:
    """Descriptive band of a total: low, moderate or high (not a diagnosis)."""
    if total is None:
        return None
    for key, lo, hi in BANDS:
        if lo <= total <= hi:
            return key
    raise ValueError(f"total {total} is outside 0-40")


@dataclass(frozen=True)
class Params:
    """The settings the rules depend on; the report states the ones it used."""

    threshold: int = DEFAULT_THRESHOLD
    sd: float = DEFAULT_SD
    r: float = DEFAULT_R

    def __post_init__(self) -> None:
        if not 0 <= self.threshold <= MAX_TOTAL:
            raise ValueError("the admission threshold must be within 0-40")
        if self.sd <= 0:
            raise ValueError("SD must be positive")
        if not 0 <= self.r < 1:
            raise ValueError("r must be at least 0 and below 1")

    @property
    def reliable_difference(self) -> float:
        """The smallest |difference| that is reliable: 1.96 × SEdiff (8.23 by default)."""
        return RCI_CRITICAL * standard_error_of_difference(self.sd, self.r)

    @property
    def reliable_points(self) -> int:
        """The same as a whole number of points (9 by default)."""
        return math.floor(self.reliable_difference) + 1


def standard_error_of_difference(sd: float, r: float) -> float:
    return sd * math.sqrt(2) * math.sqrt(1 - r)


def is_eligible(total: int | None, params: Params = Params()) -> bool | None:
    """Admission: screening total at or above the threshold; None without a total."""
    if total is None:
        return None
    return total >= params.threshold


@dataclass(frozen=True)
class Change:
    before: int
    after: int
    difference: int  # after - before; negative means less stress
    rci: float
    reliable_change: str  # improved | no_reliable_change | worsened
    clinically_important: bool  # a decrease of MCID_POINTS or more

    def as_dict(self) -> dict[str, object]:
        return {
            "before": self.before,
            "after": self.after,
            "difference": self.difference,
            "reliable_change": self.reliable_change,
            "clinically_important": self.clinically_important,
        }


def change(before: int | None, after: int | None, params: Params = Params()) -> Change | None:
    """Jacobson & Truax reliable change between two totals; None if either is missing."""
    if before is None or after is None:
        return None
    diff = after - before
    rci = diff / standard_error_of_difference(params.sd, params.r)
    if rci < -RCI_CRITICAL:
        verdict = "improved"
    elif rci > RCI_CRITICAL:
        verdict = "worsened"
    else:
        verdict = "no_reliable_change"
    return Change(before, after, diff, rci, verdict, -diff >= MCID_POINTS)


def before_after(
    assessments: Sequence[tuple[str, Any, Answers]],
) -> tuple[Score | None, Score | None]:
    """Pick before (first screening) and after (latest final) from (kind, date, answers).

    Dates only need to be mutually comparable (date objects or ISO strings).
    """
    first, last = pick_before_after(assessments)
    return (None if first is None else score(first), None if last is None else score(last))


def pick_before_after(
    assessments: Sequence[tuple[str, Any, Answers]],
) -> tuple[Answers | None, Answers | None]:
    """The answers of the first screening and of the latest final (None when absent).

    On equal dates, the screening listed first and the final listed last win (what a
    stable sort by date gives).
    """
    first: tuple[str, Any, Answers] | None = None
    last: tuple[str, Any, Answers] | None = None
    for a in assessments:
        if a[0] == "screening":
            if first is None or a[1] < first[1]:
                first = a
        elif a[0] == "final" and (last is None or a[1] >= last[1]):
            last = a
    return (None if first is None else first[2], None if last is None else last[2])


def before_after_totals(
    assessments: Sequence[tuple[str, Any, Answers]],
) -> tuple[int | None, int | None]:
    """``before_after`` as totals only (the caseload's columns)."""
    first, last = pick_before_after(assessments)
    return (None if first is None else total(first), None if last is None else total(last))
