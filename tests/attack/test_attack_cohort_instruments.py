"""Attack: work hidden WHO-5 / WAS counts out of the cohort report (issue 16, item 6).

The cohort report now prints, for each questionnaire beyond PSS-10 with 5 or more
before/after pairs, its before and after n, the pairs and the verdict counts. The
exact attacker of cohort_attacker.py reads the CSV; the questionnaires' relations are
written here from their definitions (n <= referred, pairs <= each n, the three verdicts
add up to the pairs), not taken from coachdesk. Every hidden count must keep at least
two values, and a "withheld" one must not be narrowed into 1-4.
"""

from __future__ import annotations

import csv
import io
import random

from cohort_attacker import _eq, _le, feasible_values, read, relations
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_attack_cohort_relations import random_people

from coachdesk.core import pss10
from coachdesk.reports import cohort_report
from coachdesk.reports import disclosure_control as dc
from coachdesk.reports.cohort import Person

IDS = ("who5", "was")
SCALE = {"who5": (0, 100, 4), "was": (0, 10, 1)}


def with_measures(rng: random.Random, people: list[Person]) -> list[Person]:
    out = []
    for p in people:
        measures = []
        for iid in IDS:
            if rng.random() < 0.3:
                continue
            lo, hi, step = SCALE[iid]
            before = rng.randrange(lo, hi + 1, step) if rng.random() < 0.85 else None
            after = rng.randrange(lo, hi + 1, step) if rng.random() < 0.6 else None
            measures.append((iid, before, after))
        out.append(Person(**{**p.__dict__, "measures": tuple(measures)}))
    return out


def split_csv(data: bytes) -> tuple[bytes, list[dict[str, str]]]:
    """The CSV without the questionnaires' rows (for cohort_attacker.read), and those rows."""
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    mine = [r for r in rows if r["key"].split(":")[0] in IDS]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")
    w.writeheader()
    w.writerows(r for r in rows if r not in mine)
    return buf.getvalue().encode("utf-8"), mine


def attack(prep: cohort_report.Prepared) -> None:
    data = cohort_report.render_csv(prep, "en", "rfc4180")
    rest, mine = split_csv(data)
    known, hidden, rows = read(rest)
    rels = relations(rows, prep.stats.params)
    present = {r["key"].split(":")[0] for r in mine}
    for r in mine:
        iid, what = r["key"].split(":")
        if what == "mean_change":
            continue
        cell = f"{iid}:{what}_n" if what in ("before", "after") else r["key"]
        if r["n"]:
            known[cell] = int(r["n"])
        elif r["suppressed"] in ("lt5", "withheld"):
            hidden[cell] = r["suppressed"]
        else:
            raise AssertionError(f"row {r['key']} has neither a count nor a label")
    for i in present:
        rels += [
            _le([f"{i}:before_n"], ["referred"]),
            _le([f"{i}:after_n"], ["referred"]),
            _le([f"{i}:pairs"], [f"{i}:before_n"]),
            _le([f"{i}:pairs"], [f"{i}:after_n"]),
            _eq([f"{i}:improved", f"{i}:no_change", f"{i}:worsened"], [f"{i}:pairs"]),
        ]
    targets = [c for c in hidden if c.split(":")[0] in IDS]
    for c, v in known.items():
        assert prep.values[c] == v, c
    feas = feasible_values(known, hidden, rels, targets)
    for c in targets:
        assert prep.values[c] in feas[c], (c, "the attacker's model is wrong")
        assert len(feas[c]) >= 2, (c, hidden[c], feas[c])
        if hidden[c] == "withheld":
            assert any(v == 0 or v >= dc.SMALL for v in feas[c]), (c, feas[c])


@settings(
    max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(5, 60))
def test_no_hidden_questionnaire_count_can_be_worked_out(seed, n) -> None:
    rng = random.Random(seed)
    people = with_measures(rng, random_people(rng, n))
    prep = cohort_report.decide(None, None, people, people, pss10.Params(), [])
    if prep.refusal is None:
        attack(prep)


def test_the_corpus_reaches_hidden_questionnaire_counts() -> None:
    """The attack above is not vacuous: some cohorts print a questionnaire with a count
    hidden, others leave a questionnaire with fewer than 5 pairs out entirely."""
    hidden = left_out = 0
    for seed in range(60):
        rng = random.Random(seed)
        people = with_measures(rng, random_people(rng, rng.randint(5, 60)))
        prep = cohort_report.decide(None, None, people, people, pss10.Params(), [])
        if prep.refusal:
            continue
        hidden += any(c.split(":")[0] in IDS for c in prep.hidden)
        left_out += any(c.endswith(":pairs") for c in prep.absent)
    assert hidden and left_out
