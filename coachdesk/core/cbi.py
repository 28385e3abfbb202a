"""Copenhagen Burnout Inventory (CBI): the one place its scoring rules live (docs/cbi.md).

Three scales (personal 6 items, work-related 7, client-related 6); answers 0-4 stored
as given (0 = never / to a very low degree ... 4 = always / to a very high degree) and
scored 0/25/50/75/100; the work scale's last item ("enough energy for family and
friends") is reversed. Each scale is the mean of its answered items, computed only when
at least half of its items are answered (3 of 6, 4 of 7): the rule printed with the
questionnaire used in the PUMA study (Kristensen et al. 2005). CBI has no total.
"""

from __future__ import annotations

from fractions import Fraction

from coachdesk.core.instrument import (
    AnswerSet,
    Instrument,
    Item,
    RefLine,
    Result,
    ScoreSpec,
    items_of_scale,
)

SCALES = ("personal", "work", "client")
# Fewest answered items for a scale score: "If less than three [four] questions have
# been answered, the respondent is classified as non-responder" (PUMA questionnaire).
MIN_ANSWERED = {"personal": 3, "work": 4, "client": 3}
HIGH = 50  # PUMA: "high degree of burnout" at 50 points or more (Borritz & Kristensen 2004)

FREQUENCY = AnswerSet(
    ("Aldrig/næsten aldrig", "Sjældent", "Somme tider", "Ofte", "Altid"),
    ("Never/almost never", "Seldom", "Sometimes", "Often", "Always"),
)
DEGREE = AnswerSet(
    ("I meget lav grad", "I lav grad", "Delvist", "I høj grad", "I meget høj grad"),
    (
        "To a very low degree",
        "To a low degree",
        "Somewhat",
        "To a high degree",
        "To a very high degree",
    ),
)
F, D = 0, 1

# English: the PUMA study's English version (Kristensen et al. 2005, appendix). Danish:
# CoachDesk's working translation, NOT the NFA's validated Danish wording (see docs/cbi.md).
ITEMS = (
    Item("Hvor tit føler du dig træt?", "How often do you feel tired?", scale="personal"),
    Item(
        "Hvor tit er du fysisk udmattet?",
        "How often are you physically exhausted?",
        scale="personal",
    ),
    Item(
        "Hvor tit er du følelsesmæssigt udmattet?",
        "How often are you emotionally exhausted?",
        scale="personal",
    ),
    Item(
        "Hvor tit tænker du: »Jeg kan ikke klare det mere«?",
        "How often do you think: “I can’t take it anymore”?",
        scale="personal",
    ),
    Item("Hvor tit føler du dig slidt op?", "How often do you feel worn out?", scale="personal"),
    Item(
        "Hvor tit føler du dig svag og modtagelig for sygdom?",
        "How often do you feel weak and susceptible to illness?",
        scale="personal",
    ),
    Item(
        "Er dit arbejde følelsesmæssigt udmattende?",
        "Is your work emotionally exhausting?",
        scale="work",
        answer_set=D,
    ),
    Item(
        "Føler du dig udbrændt på grund af dit arbejde?",
        "Do you feel burnt out because of your work?",
        scale="work",
        answer_set=D,
    ),
    Item(
        "Frustrerer dit arbejde dig?", "Does your work frustrate you?", scale="work", answer_set=D
    ),
    Item(
        "Føler du dig slidt op ved slutningen af arbejdsdagen?",
        "Do you feel worn out at the end of the working day?",
        scale="work",
    ),
    Item(
        "Er du udmattet om morgenen ved tanken om endnu en arbejdsdag?",
        "Are you exhausted in the morning at the thought of another day at work?",
        scale="work",
    ),
    Item(
        "Føler du, at hver arbejdstime er trættende for dig?",
        "Do you feel that every working hour is tiring for you?",
        scale="work",
    ),
    Item(
        "Har du energi nok til familie og venner i din fritid?",
        "Do you have enough energy for family and friends during leisure time?",
        scale="work",
        reversed=True,
    ),
    Item(
        "Synes du, det er svært at arbejde med klienter?",
        "Do you find it hard to work with clients?",
        scale="client",
        answer_set=D,
    ),
    Item(
        "Synes du, det er frustrerende at arbejde med klienter?",
        "Do you find it frustrating to work with clients?",
        scale="client",
        answer_set=D,
    ),
    Item(
        "Dræner det dig for energi at arbejde med klienter?",
        "Does it drain your energy to work with clients?",
        scale="client",
        answer_set=D,
    ),
    Item(
        "Føler du, at du giver mere, end du får igen, når du arbejder med klienter?",
        "Do you feel that you give more than you get back when you work with clients?",
        scale="client",
        answer_set=D,
    ),
    Item(
        "Er du træt af at arbejde med klienter?",
        "Are you tired of working with clients?",
        scale="client",
    ),
    Item(
        "Tænker du nogle gange på, hvor længe du kan blive ved med at arbejde med klienter?",
        "Do you sometimes wonder how long you will be able to continue working with clients?",
        scale="client",
    ),
)


def item_points(item: Item, answer: int) -> int:
    """0/25/50/75/100; the reversed item counts 4 - answer."""
    return 25 * (4 - answer if item.reversed else answer)


def _round2(x: Fraction) -> float:
    # Half up at two decimals, in exact arithmetic (a mean of multiples of 25 over 6 or 7).
    return float(Fraction(int(x * 100 + Fraction(1, 2)), 100))


def score(answers: list[int | None]) -> Result:
    fields: dict[str, float | None] = {"total": None}
    missing = sum(a is None for a in answers)
    reasons = []
    for scale in SCALES:
        idx = items_of_scale(INSTRUMENT, scale)
        pts = [item_points(ITEMS[i], a) for i in idx if (a := answers[i]) is not None]
        if len(pts) >= MIN_ANSWERED[scale]:
            fields[scale] = _round2(Fraction(sum(pts), len(pts)))
        else:
            fields[scale] = None
            if pts or scale != "client":
                reasons.append(
                    f"{scale}: {len(pts)} of {len(idx)} answered, needs {MIN_ANSWERED[scale]}"
                )
    value = fields["personal"]
    return Result(
        value,
        fields,
        False,
        missing,
        None,
        None if value is not None else "; ".join(reasons) or None,
    )


INSTRUMENT = Instrument(
    id="cbi",
    short="CBI",
    name={"da": "Copenhagen Burnout Inventory (udbrændthed)", "en": "Copenhagen Burnout Inventory"},
    opening={"da": "Udbrændthed", "en": "Burnout"},
    items=ITEMS,
    answer_sets=(FREQUENCY, DEGREE),
    answer_min=0,
    answer_max=4,
    scores=(
        ScoreSpec("total", {"da": "Total (ingen)", "en": "Total (none)"}, 0, 100),
        ScoreSpec(
            "personal",
            {"da": "Personlig udbrændthed", "en": "Personal burnout"},
            0,
            100,
            integer=False,
        ),
        ScoreSpec(
            "work",
            {"da": "Arbejdsrelateret udbrændthed", "en": "Work-related burnout"},
            0,
            100,
            integer=False,
        ),
        ScoreSpec(
            "client",
            {"da": "Klientrelateret udbrændthed", "en": "Client-related burnout"},
            0,
            100,
            integer=False,
        ),
    ),
    primary="personal",
    score=score,
    missing_rule=(
        "A scale score needs at least 3 of 6 (personal, client) or 4 of 7 (work) "
        "items answered (the PUMA questionnaire, Kristensen et al. 2005)."
    ),
    source=(
        "Kristensen, Borritz, Villadsen & Christensen. The Copenhagen Burnout "
        "Inventory: a new tool for the assessment of burnout. Work & Stress "
        "2005;19(3):192-207; National Institute of Occupational Health (NFA), "
        "Copenhagen"
    ),
    licence="Free to use (NFA publishes the questionnaire for anyone to use).",
    ref_lines=(
        RefLine(
            HIGH,
            {"da": "Høj grad af udbrændthed (50)", "en": "High degree of burnout (50)"},
            "Borritz & Kristensen 2004, PUMA",
        ),
    ),
    higher_is_better=False,
    verified_wording=frozenset({"en"}),
    optional_scales=("client",),
    docs="docs/cbi.md",
)
