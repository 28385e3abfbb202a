"""WHO-5 Well-Being Index: the one place its scoring rules live (docs/who5.md).

Five positively worded items, answers 0-5; raw total 0-25 and index = raw x 4 (0-100).
No total when any item is missing (the WHO-5 has no published prorating rule).
"""

from __future__ import annotations

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

SOURCE = (
    "Psychiatric Research Unit, Mental Health Centre North Zealand (Hillerød), "
    "WHO-5 Well-Being Index (1998 version); Topp, Østergaard, Søndergaard & Bech, "
    "Psychother Psychosom 2015;84:167-176"
)
LICENCE = "Free to use without permission (Psychiatric Research Unit, Hillerød)."

LOW = 50  # index <= 50: "lavt trivselsniveau"
VERY_LOW = 28  # index <= 28: "meget lavt, anbefal udredning for depression"
MEANINGFUL = 10  # index points (Topp et al. 2015)

BANDS = (
    Band(
        "very_low",
        0,
        VERY_LOW,
        {
            "da": "Meget lavt trivselsniveau: anbefal udredning for depression",
            "en": "Very low well-being: recommend assessment for depression",
        },
    ),
    Band("low", VERY_LOW + 1, LOW, {"da": "Lavt trivselsniveau", "en": "Low well-being"}),
    Band("not_low", LOW + 1, 100, {"da": "Ikke lavt trivselsniveau", "en": "Not low well-being"}),
)

# The items and answers. Danish: word for word the WHO-5 as Local Government Denmark (KL)
# publishes it for municipal use (HL7 Denmark's KL-dk-tools implementation guide,
# Questionnaire KLToolsCareWHO-5 and code system KLToolsCodes, 2023): each item carries
# the time frame. English: the WHO-5 (1998 version). See docs/who5.md.
ITEMS = (
    Item(
        "I de sidste 2 uger har jeg været glad og i godt humør",
        "I have felt cheerful and in good spirits",
    ),
    Item("I de sidste 2 uger har jeg følt mig rolig og afslappet", "I have felt calm and relaxed"),
    Item(
        "I de sidste 2 uger har jeg følt mig aktiv og energisk", "I have felt active and vigorous"
    ),
    Item(
        "I de sidste 2 uger er jeg vågnet frisk og udhvilet", "I woke up feeling fresh and rested"
    ),
    Item(
        "I de sidste 2 uger har min dagligdag været fyldt med ting der interesserer mig",
        "My daily life has been filled with things that interest me",
    ),
)
ANSWERS = AnswerSet(
    (
        "På intet tidspunkt",
        "Lidt af tiden",
        "Lidt mindre end halvdelen af tiden",
        "Lidt mere end halvdelen af tiden",
        "Det meste af tiden",
        "Hele tiden",
    ),
    (
        "At no time",
        "Some of the time",
        "Less than half of the time",
        "More than half of the time",
        "Most of the time",
        "All of the time",
    ),
)


def score(answers: list[int | None]) -> Result:
    missing = sum(a is None for a in answers)
    if missing:
        return Result(
            None,
            {"total": None, "index": None, "band": None},
            False,
            missing,
            None,
            f"{missing} answer(s) missing; WHO-5 needs all five",
        )
    total = sum(a for a in answers if a is not None)
    index = total * 4
    band = INSTRUMENT.band_of(index)
    return Result(index, {"total": total, "index": index, "band": band}, False, 0, band, None)


INSTRUMENT = Instrument(
    id="who5",
    short="WHO-5",
    name={"da": "WHO-5 Trivselsindeks", "en": "WHO-5 Well-Being Index"},
    # Danish: KL's own description of the time frame; the items carry it themselves.
    opening={"da": "Tidsrammen er de seneste to uger", "en": "Over the last two weeks"},
    items=ITEMS,
    answer_sets=(ANSWERS,),
    answer_min=0,
    answer_max=5,
    scores=(
        ScoreSpec("total", {"da": "Råscore", "en": "Raw score"}, 0, 25),
        ScoreSpec("index", {"da": "Indeks", "en": "Index"}, 0, 100),
    ),
    primary="index",
    score=score,
    missing_rule="No total when any item is missing (no published prorating rule).",
    source=SOURCE,
    licence=LICENCE,
    bands=BANDS,
    ref_lines=(
        RefLine(
            LOW, {"da": "Lavt trivselsniveau (50)", "en": "Low well-being (50)"}, "Topp et al. 2015"
        ),
        RefLine(
            VERY_LOW,
            {"da": "Udredning for depression (28)", "en": "Assess for depression (28)"},
            "Topp et al. 2015",
        ),
    ),
    change=ChangeRule(
        MEANINGFUL, True, "Topp et al. 2015: a 10% (10 index points) change is clinically relevant"
    ),
    higher_is_better=True,
    verified_wording=frozenset({"en", "da"}),
    docs="docs/who5.md",
    extra_export=("band",),
)
