"""What a questionnaire is, for CoachDesk: the shape every instrument module fills in.

An instrument declares its items (Danish and English wording, with source and licence),
its answer scale, reversed items, its missing-item rule, its scores, bands, the rule for
a meaningful change and the chart's reference lines; its ``score`` function applies the
rules. The form, the chart, storage and the participant file read only this shape, so a
new questionnaire is one module and one line in core/instruments.py (docs/architecture.md,
"Adding a questionnaire").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Answers = Sequence[int | None]
Text = Mapping[str, str]  # language ("da", "en") -> text


def text(t: Text, lang: str) -> str:
    """The text in ``lang``, falling back to English."""
    return t.get(lang) or t["en"]


class InstrumentAnswerError(ValueError):
    """An answer list that breaks the instrument's rules; ``index`` is 0-based or None."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


@dataclass(frozen=True)
class AnswerSet:
    """The labels of one answer scale, lowest answer first."""

    da: tuple[str, ...]
    en: tuple[str, ...]

    def labels(self, lang: str) -> tuple[str, ...]:
        return self.da if lang == "da" else self.en


@dataclass(frozen=True)
class Item:
    da: str
    en: str
    reversed: bool = False
    scale: str | None = None  # the sub-scale (score key) it belongs to, if any
    answer_set: int = 0  # index into Instrument.answer_sets

    def wording(self, lang: str) -> str:
        return self.da if lang == "da" else self.en


@dataclass(frozen=True)
class ScoreSpec:
    """One score the instrument reports (a total, an index, a sub-scale)."""

    key: str  # the participant file's field name
    name: Text
    lo: float
    hi: float
    integer: bool = True


@dataclass(frozen=True)
class Band:
    """A descriptive band of the primary score, inclusive at both ends."""

    key: str
    lo: float
    hi: float
    label: Text


@dataclass(frozen=True)
class RefLine:
    value: float
    label: Text
    source: str = ""


@dataclass(frozen=True)
class ChangeRule:
    """A change of ``points`` or more in the primary score is meaningful (with its source)."""

    points: float
    higher_is_better: bool
    source: str


@dataclass(frozen=True)
class Result:
    """A scored questionnaire.

    ``value`` is the primary score (charted, banded, compared); None when the
    missing-item rule allows none. ``fields`` are the computed fields the participant
    file carries, in order (every key in Instrument.export_keys).
    """

    value: float | None
    fields: Mapping[str, Any]
    prorated: bool
    missing: int
    band: str | None
    reason: str | None  # why there is no primary score (English)


@dataclass(frozen=True)
class Instrument:
    id: str
    short: str  # "WHO-5"
    name: Text
    opening: Text  # the stem printed above the items
    items: tuple[Item, ...]
    answer_sets: tuple[AnswerSet, ...]
    answer_min: int
    answer_max: int
    scores: tuple[ScoreSpec, ...]
    primary: str  # the key of the score that is charted and compared
    score: Callable[[list[int | None]], Result]
    missing_rule: str  # one sentence, English, with its source
    source: str
    licence: str
    bands: tuple[Band, ...] = ()
    ref_lines: tuple[RefLine, ...] = ()
    change: ChangeRule | None = None
    higher_is_better: bool = False
    # Languages whose item wording is the validated wording, verified against its source.
    verified_wording: frozenset[str] = frozenset({"en"})
    optional_scales: tuple[str, ...] = ()  # sub-scales a course may leave out
    docs: str = ""  # the docs page with the rules
    extra_export: tuple[str, ...] = field(default=())  # computed fields beyond the scores

    @property
    def n_items(self) -> int:
        return len(self.items)

    @property
    def export_keys(self) -> tuple[str, ...]:
        keys = ["total"] + [s.key for s in self.scores if s.key != "total"]
        return tuple(dict.fromkeys([*keys, *self.extra_export]))

    def primary_spec(self) -> ScoreSpec:
        return next(s for s in self.scores if s.key == self.primary)

    def check(self, answers: object) -> list[int | None]:
        """The answers as a list, or InstrumentAnswerError naming the first bad entry."""
        n, lo, hi = self.n_items, self.answer_min, self.answer_max
        if not isinstance(answers, list | tuple):
            raise InstrumentAnswerError(f"answers must be a list of {n} entries")
        if len(answers) != n:
            raise InstrumentAnswerError(
                f"answers must have exactly {n} entries, not {len(answers)}"
            )
        for i, a in enumerate(answers):
            if a is None or (type(a) is int and lo <= a <= hi):
                continue
            if isinstance(a, bool) or not isinstance(a, int):
                raise InstrumentAnswerError(f"{a!r} is not an integer {lo}-{hi} or null", i)
            raise InstrumentAnswerError(f"{a} is not in {lo}-{hi}", i)
        return list(answers)

    def scored(self, answers: Answers) -> Result:
        return self.score(self.check(answers))

    def band_of(self, value: float | None) -> str | None:
        if value is None:
            return None
        for b in self.bands:
            if b.lo <= value <= b.hi:
                return b.key
        return None

    def band_label(self, key: str | None, lang: str) -> str:
        b = next((b for b in self.bands if b.key == key), None)
        return "" if b is None else text(b.label, lang)

    def change_verdict(self, before: float | None, after: float | None) -> str | None:
        """improved | worsened | no_meaningful_change by ``change``; None without a rule."""
        if before is None or after is None or self.change is None:
            return None
        diff = after - before
        gain = diff if self.change.higher_is_better else -diff
        if gain >= self.change.points:
            return "improved"
        if -gain >= self.change.points:
            return "worsened"
        return "no_meaningful_change"


def items_of_scale(inst: Instrument, scale: str) -> list[int]:
    """0-based indexes of the items on one sub-scale."""
    return [i for i, it in enumerate(inst.items) if it.scale == scale]
