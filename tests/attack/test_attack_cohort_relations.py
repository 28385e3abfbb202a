"""Attack: work hidden cohort counts out from the published ones (issue 13, item 2).

An exact attacker (cohort_attacker.py: exhaustive search over the hidden counts under
every published relation, printed mean and percentage) reads the report's CSV. Over
random cohorts of 5-60 people, every hidden count must keep at least two values a
reader cannot tell apart, and a count hidden as "withheld" must not be narrowed into 1-4.
"""

from __future__ import annotations

import random

import pytest
from cohort_attacker import feasible_values, read, relations
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.core import pss10, vocab
from coachdesk.reports import cohort, cohort_report
from coachdesk.reports import disclosure_control as dc
from coachdesk.reports.cohort import Person

STATUSES = (
    "referred",
    "screened",
    "not_eligible",
    "admitted",
    "group_phase",
    "individual_phase",
    "completed",
    "dropped_out",
)


def random_people(rng: random.Random, n: int, months: int = 1) -> list[Person]:
    """A cohort with skewed, clumpy values: small cells are common, as in real courses."""
    weights = [rng.random() ** 2 for _ in STATUSES]
    outcome_w = [rng.random() ** 3 for _ in (*vocab.OUTCOME_STATUSES, None)]
    centre_b, centre_a = rng.randint(15, 35), rng.randint(5, 30)
    people = []
    for _ in range(n):
        status = rng.choices(STATUSES, weights)[0]
        screened = status != "referred" or rng.random() < 0.2
        before = (
            max(0, min(40, round(rng.gauss(centre_b, 6))))
            if screened and rng.random() < 0.9
            else None
        )
        ended = status in ("completed", "dropped_out")
        after = (
            max(0, min(40, round(rng.gauss(centre_a, 7))))
            if (ended or rng.random() < 0.05) and rng.random() < 0.85
            else None
        )
        outcome = rng.choices((*vocab.OUTCOME_STATUSES, None), outcome_w)[0] if ended else None
        people.append(
            Person(
                status=status,
                screened=screened,
                before=before,
                after=after,
                outcome=outcome,
                cancelled=rng.choice((0, 0, 1)),
                no_show=rng.choice((0, 0, 0, 1)),
                month=(2026, rng.randint(1, months)),
            )
        )
    return people


def attack(prep: cohort_report.Prepared) -> dict[str, set[int]]:
    """Run the attacker on the CSV of ``prep``; check what it must never find."""
    data = cohort_report.render_csv(prep, "en", "rfc4180")
    known, hidden, rows = read(data)
    for c, v in known.items():  # the CSV prints the true counts
        assert prep.values[c] == v, c
    feas = feasible_values(known, hidden, relations(rows, prep.stats.params))
    for c, label in hidden.items():
        truth = prep.values[c]
        assert truth in feas[c], (c, "the attacker's model is wrong")
        assert len(feas[c]) >= 2, (c, label, feas[c])
        if label == "withheld":
            assert any(v == 0 or v >= dc.SMALL for v in feas[c]), (c, feas[c])
    return feas


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(5, 60))
def test_no_hidden_count_can_be_worked_out(seed, n) -> None:
    rng = random.Random(seed)
    people = random_people(rng, n)
    params = pss10.Params() if rng.random() < 0.8 else pss10.Params(sd=9.0)
    prep = cohort_report.decide(None, None, people, people, params, [])
    for rel in cohort.relations(params):  # the relations hold by construction
        assert dc.holds(rel, prep.values), rel.text
    if prep.refusal == "unprotectable":  # refused outright: nothing is printed
        return
    assert prep.refusal is None
    attack(prep)


def test_most_cohorts_are_published() -> None:
    """Refusing is safe but useless: courses of 20-60 are nearly always reportable."""
    rng = random.Random(13)
    refused = sum(
        cohort_report.decide(None, None, p, p, pss10.Params(), []).refusal is not None
        for p in (random_people(rng, rng.randint(20, 60)) for _ in range(50))
    )
    assert refused <= 2


def _prep(values: dict[str, int]) -> cohort_report.Prepared:
    """A report over made-up counts (for the issue's two worked examples)."""
    people = [
        Person(
            status="completed",
            screened=True,
            before=30,
            after=20,
            outcome="work_full",
            month=(2026, 1),
        )
    ] * 30
    prep = cohort_report.decide(None, None, people, people, pss10.Params(), [])
    prep.values |= values
    means = {}
    rels = cohort.relations(pss10.Params(), means)
    prep.hidden = dc.protect(
        prep.values, rels, cohort.upper_bounds(prep.values, False), keep=("referred",)
    )
    return prep


def test_the_issues_verdict_example() -> None:
    """pairs 8, improved <5, no change <5, worsened 0 forced 4 and 4: not any more."""
    prep = _prep(
        {"pairs": 8, "improved": 4, "no_change": 4, "worsened": 0, "clinically_important": 0}
    )
    assert prep.hidden["improved"] == prep.hidden["no_change"] == dc.PRIMARY
    assert len(prep.hidden) > 2
    feas = attack(prep)
    assert len(feas["improved"]) >= 2 and len(feas["no_change"]) >= 2


def test_the_issues_flow_example() -> None:
    """screened 14, not admitted <5, completed 13, dropped 0 forced 13 and 1: not any more."""
    prep = _prep(
        {
            "referred": 30,
            "screened": 14,
            "admitted": 13,
            "not_eligible": 1,
            "completed": 13,
            "dropped_out": 0,
            "before_n": 14,
            "after_n": 13,
            "pairs": 13,
            "improved": 13,
            "no_change": 0,
            "worsened": 0,
            "clinically_important": 0,
            "outcome:work_full": 13,
            "before_band:high": 14,
            "after_band:moderate": 13,
            "after_band:low": 0,
        }
    )
    feas = attack(prep)
    assert len(feas["not_eligible"]) >= 2


def test_the_attacker_breaks_one_group_at_a_time_suppression(monkeypatch) -> None:
    """The attack has teeth: with the old rule (small cells, plus the smallest other
    count of a group when only one of the group is hidden) it pins hidden counts."""
    groups = [
        ("admitted", "not_eligible"),
        ("completed", "dropped_out"),
        ("improved", "no_change", "worsened"),
        tuple(f"outcome:{k}" for k in cohort.OUTCOME_KEYS),
    ]

    def old_rule(values, rels, upper, forced=None, zones=None, keep=()):
        hidden = {c: dc.PRIMARY for c, v in values.items() if dc.is_small(v)}
        for g in groups:
            small = [c for c in g if c in hidden]
            if len(small) == 1:
                others = sorted((values[c], c) for c in g if c not in hidden and values[c] > 0)
                if others:
                    hidden[others[0][1]] = dc.SECONDARY
        return hidden

    monkeypatch.setattr(dc, "protect", old_rule)
    rng = random.Random(7)
    broken = 0
    for _ in range(40):
        people = random_people(rng, rng.randint(5, 60))
        prep = cohort_report.decide(None, None, people, people, pss10.Params(), [])
        try:
            attack(prep)
        except AssertionError:
            broken += 1
    assert broken >= 5


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__, "-q"])
