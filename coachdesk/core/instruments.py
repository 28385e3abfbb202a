"""The instrument registry: every questionnaire CoachDesk knows, by its id.

Adding a questionnaire: write its module (like core/who5.py) and add its INSTRUMENT to
BUILT_IN below (docs/architecture.md, "Adding a questionnaire"). PSS-10 is one entry,
scored by core/pss10.py as before.
"""

from __future__ import annotations

from coachdesk.core import cbi, pss10, was, who5
from coachdesk.core.instrument import (
    AnswerSet,
    Band,
    ChangeRule,
    Instrument,
    Item,
    RefLine,
    Result,
    ScoreSpec,
)

DEFAULT = "pss10"  # the instrument of an assessment that names none (participant file v1)


def _pss10_score(answers: list[int | None]) -> Result:
    sc = pss10.score(answers)
    return Result(
        sc.total,
        {"total": sc.total, "prorated": sc.prorated, "band": sc.band},
        sc.prorated,
        sc.missing,
        sc.band,
        sc.reason,
    )


_PSS_BAND_LABELS = {
    "low": ("Lav", "Low"),
    "moderate": ("Moderat", "Moderate"),
    "high": ("Høj", "High"),
}

PSS10 = Instrument(
    id="pss10",
    short="PSS-10",
    name={"da": "PSS-10 (oplevet stress)", "en": "PSS-10 (Perceived Stress Scale)"},
    opening={"da": pss10.OPENING_DA, "en": pss10.OPENING_EN},
    items=tuple(
        Item(da, en, reversed=pss10.is_reversed(i + 1))
        for i, (da, en) in enumerate(zip(pss10.ITEMS_DA, pss10.ITEMS_EN, strict=True))
    ),
    answer_sets=(AnswerSet(pss10.ANSWERS_DA, pss10.ANSWERS_EN),),
    answer_min=pss10.MIN_ANSWER,
    answer_max=pss10.MAX_ANSWER,
    scores=(ScoreSpec("total", {"da": "Samlet score", "en": "Total"}, 0, pss10.MAX_TOTAL),),
    primary="total",
    score=_pss10_score,
    missing_rule="One missing answer is prorated (x 10/9, rounded half up); with two or "
    "more there is no total (CoachDesk's documented rule, docs/pss10.md).",
    source="Cohen, Kamarck & Mermelstein 1983; Danish consensus version, Eskildsen et al. 2015",
    licence="© Sheldon Cohen; the Danish consensus version is free for research and "
    "private practice.",
    bands=tuple(
        Band(k, lo, hi, {"da": _PSS_BAND_LABELS[k][0], "en": _PSS_BAND_LABELS[k][1]})
        for k, lo, hi in pss10.BANDS
    ),
    ref_lines=(
        RefLine(
            pss10.NATIONAL_HIGH_STRESS,
            {
                "da": "Høj stress, Sundhedsprofilen (18)",
                "en": "High stress, national health profile (18)",
            },
            "Den Nationale Sundhedsprofil",
        ),
    ),
    change=ChangeRule(
        pss10.Params().reliable_points,
        False,
        "Jacobson & Truax 1991 with Cohen & Williamson 1988 (the reliable "
        "change settings may change it; docs/pss10.md)",
    ),
    higher_is_better=False,
    verified_wording=frozenset({"da", "en"}),
    docs="docs/pss10.md",
    extra_export=("prorated", "band"),
)

BUILT_IN: tuple[Instrument, ...] = (PSS10, who5.INSTRUMENT, cbi.INSTRUMENT, was.INSTRUMENT)

_REGISTRY: dict[str, Instrument] = {i.id: i for i in BUILT_IN}


def register(instrument: Instrument) -> Instrument:
    """Add an instrument (a test's made-up scale, a later module); ids are unique."""
    if instrument.id in _REGISTRY and _REGISTRY[instrument.id] is not instrument:
        raise ValueError(f"an instrument with id {instrument.id!r} is already registered")
    _REGISTRY[instrument.id] = instrument
    return instrument


def unregister(instrument_id: str) -> None:
    """Remove a registered instrument that is not built in (tests clean up with it)."""
    if any(i.id == instrument_id for i in BUILT_IN):
        raise ValueError(f"{instrument_id!r} is built in")
    _REGISTRY.pop(instrument_id, None)


def get(instrument_id: str) -> Instrument:
    """The instrument with this id; KeyError for an unknown one."""
    return _REGISTRY[instrument_id]


def ids() -> tuple[str, ...]:
    return tuple(_REGISTRY)


def all_instruments() -> tuple[Instrument, ...]:
    return tuple(_REGISTRY.values())


def computed_keys() -> tuple[str, ...]:
    """Every computed field an exported assessment may carry, over all instruments."""
    keys: dict[str, None] = {}
    for inst in _REGISTRY.values():
        keys |= dict.fromkeys(inst.export_keys)
    return tuple(keys)
