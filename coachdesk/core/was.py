"""Work Ability Score (WAS): the single first item of the Work Ability Index (docs/was.md).

Current work ability compared with the lifetime best, 0-10; bands 0-5 poor,
6-7 moderate, 8-9 good, 10 excellent.
"""

from __future__ import annotations

from coachdesk.core.instrument import (
    AnswerSet,
    Band,
    ChangeRule,
    Instrument,
    Item,
    Result,
    ScoreSpec,
)

SMALLEST_DETECTABLE = 2  # points: SDC 1.92 (Stienstra et al., docs/was.md)

BANDS = (
    Band("poor", 0, 5, {"da": "Dårlig", "en": "Poor"}),
    Band("moderate", 6, 7, {"da": "Moderat", "en": "Moderate"}),
    Band("good", 8, 9, {"da": "God", "en": "Good"}),
    Band("excellent", 10, 10, {"da": "Fremragende", "en": "Excellent"}),
)

ITEM = Item(
    # Danish: CoachDesk's working translation, NOT a verified published wording.
    "Hvis din arbejdsevne, da den var bedst, gives 10 point: hvor mange point vil du "
    "give din nuværende arbejdsevne? (0 = kan slet ikke arbejde)",
    "Assume that your work ability at its best has a value of 10 points. How many points "
    "would you give your current work ability? (0 means that you cannot currently work "
    "at all)",
)
ANSWERS = AnswerSet(tuple(str(i) for i in range(11)), tuple(str(i) for i in range(11)))


def score(answers: list[int | None]) -> Result:
    a = answers[0]
    if a is None:
        return Result(
            None, {"total": None, "band": None}, False, 1, None, "the single answer is missing"
        )
    band = INSTRUMENT.band_of(a)
    return Result(a, {"total": a, "band": band}, False, 0, band, None)


INSTRUMENT = Instrument(
    id="was",
    short="WAS",
    name={"da": "Arbejdsevnescore (WAS)", "en": "Work Ability Score (WAS)"},
    opening={
        "da": "Nuværende arbejdsevne sammenlignet med den bedste nogensinde",
        "en": "Current work ability compared with the lifetime best",
    },
    items=(ITEM,),
    answer_sets=(ANSWERS,),
    answer_min=0,
    answer_max=10,
    scores=(ScoreSpec("total", {"da": "Score", "en": "Score"}, 0, 10),),
    primary="total",
    score=score,
    missing_rule="A single item: no score when it is not answered.",
    source=(
        "The first item of the Work Ability Index (Finnish Institute of Occupational "
        "Health); as a single score: Ahlstrom et al., Scand J Work Environ Health "
        "2010;36(5):404-412; El Fassi et al., BMC Public Health 2013;13:305"
    ),
    licence="Single item of the Work Ability Index (FIOH); used freely in research and "
    "practice. Confirm for commercial deployment.",
    bands=BANDS,
    change=ChangeRule(
        SMALLEST_DETECTABLE,
        True,
        "Stienstra, Edelaar, Fritz & Reneman: smallest detectable change "
        "1.92 points among sick-listed workers with chronic pain",
    ),
    higher_is_better=True,
    # Neither wording checked against FIOH's form (docs/was.md): the form says so.
    verified_wording=frozenset(),
    docs="docs/was.md",
    extra_export=("band",),
)
