"""Every instrument's scoring against an independent implementation written here.

The reference functions below are written from the docs pages (docs/who5.md, docs/cbi.md,
docs/was.md, docs/pss10.md), not from the production code: plain loops, exact fractions,
their own item tables. Hypothesis draws answer lists with gaps.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.core import instruments
from coachdesk.core.instrument import InstrumentAnswerError


def answers_strategy(n: int, hi: int):
    return st.lists(st.one_of(st.none(), st.integers(0, hi)), min_size=n, max_size=n)


# --- references --------------------------------------------------------------------------


def ref_who5(a):
    if None in a:
        return {"total": None, "index": None, "band": None}
    raw = sum(a)
    idx = raw * 4
    band = "very_low" if idx <= 28 else "low" if idx <= 50 else "not_low"
    return {"total": raw, "index": idx, "band": band}


# CBI as printed: items 1-6 personal, 7-13 work (13 reversed), 14-19 client.
CBI_SCALES = {"personal": range(0, 6), "work": range(6, 13), "client": range(13, 19)}
CBI_NEED = {"personal": 3, "work": 4, "client": 3}
CBI_POINTS = {0: 0, 1: 25, 2: 50, 3: 75, 4: 100}


def ref_cbi(a):
    out = {"total": None}
    for name, rng in CBI_SCALES.items():
        pts = []
        for i in rng:
            if a[i] is None:
                continue
            ans = 4 - a[i] if i == 12 else a[i]
            pts.append(CBI_POINTS[ans])
        out[name] = Fraction(sum(pts), len(pts)) if len(pts) >= CBI_NEED[name] else None
    return out


def ref_was(a):
    v = a[0]
    if v is None:
        return {"total": None, "band": None}
    band = "poor" if v <= 5 else "moderate" if v <= 7 else "good" if v <= 9 else "excellent"
    return {"total": v, "band": band}


def ref_pss10(a):
    rev = {3, 6, 7, 4}  # 0-based: items 4, 5, 7, 8
    scores = [None if x is None else (4 - x if i in rev else x) for i, x in enumerate(a)]
    got = [s for s in scores if s is not None]
    if len(got) == 10:
        total = sum(got)
    elif len(got) == 9:
        exact = Fraction(sum(got) * 10, 9)
        total = int(exact + Fraction(1, 2))
    else:
        return {"total": None, "prorated": False, "band": None}
    band = "low" if total <= 13 else "moderate" if total <= 26 else "high"
    return {"total": total, "prorated": len(got) == 9, "band": band}


# --- the tests ---------------------------------------------------------------------------


@settings(max_examples=400)
@given(answers_strategy(5, 5))
def test_who5_matches_reference(a):
    r = instruments.get("who5").scored(a)
    assert dict(r.fields) == ref_who5(a)
    assert r.value == ref_who5(a)["index"]


@settings(max_examples=400)
@given(answers_strategy(19, 4))
def test_cbi_matches_reference(a):
    r = instruments.get("cbi").scored(a)
    ref = ref_cbi(a)
    assert r.fields["total"] is None
    for scale in ("personal", "work", "client"):
        if ref[scale] is None:
            assert r.fields[scale] is None
        else:
            assert abs(Fraction(r.fields[scale]) - ref[scale]) <= Fraction(1, 200)
    assert r.value == r.fields["personal"]


@given(st.lists(st.integers(0, 4), min_size=7, max_size=7))
def test_cbi_reversed_work_item(work):
    # Only the seventh work item ("enough energy for family and friends") is reversed.
    a = [None] * 6 + work + [None] * 6
    got = instruments.get("cbi").scored(a).fields["work"]
    expected = Fraction(25 * (sum(work[:6]) + 4 - work[6]), 7)
    assert abs(Fraction(got) - expected) <= Fraction(1, 200)


@settings(max_examples=100)
@given(answers_strategy(1, 10))
def test_was_matches_reference(a):
    assert dict(instruments.get("was").scored(a).fields) == ref_was(a)


@settings(max_examples=400)
@given(answers_strategy(10, 4))
def test_pss10_entry_matches_reference(a):
    assert dict(instruments.get("pss10").scored(a).fields) == ref_pss10(a)


@pytest.mark.parametrize(
    ("answers", "fields"),
    [
        ([5, 5, 5, 5, 5], {"total": 25, "index": 100, "band": "not_low"}),
        ([2, 3, 2, 3, 2], {"total": 12, "index": 48, "band": "low"}),
        ([1, 2, 1, 2, 1], {"total": 7, "index": 28, "band": "very_low"}),
        ([2, 2, 2, 2, 2], {"total": 10, "index": 40, "band": "low"}),
        ([5, 5, 5, 5, None], {"total": None, "index": None, "band": None}),
    ],
)
def test_who5_worked_examples(answers, fields):
    assert dict(instruments.get("who5").scored(answers).fields) == fields


def test_cbi_worked_examples():
    cbi = instruments.get("cbi")
    r = cbi.scored([4, 3, 2, 1, 0, 2] + [4, 4, 4, 4, 4, 4, 0] + [None] * 6).fields
    assert r == {"total": None, "personal": 50.0, "work": 100.0, "client": None}
    # 3 of 6 personal answers are enough; 2 are not. 3 of 7 work answers are not.
    r = cbi.scored([4, 4, 3] + [None] * 3 + [1, 1, 1] + [None] * 4 + [None] * 6).fields
    assert r["personal"] == pytest.approx(91.67) and r["work"] is None
    r = cbi.scored([4, 4] + [None] * 4 + [None] * 13).fields
    assert r["personal"] is None


def test_meaningful_change_rules():
    who5 = instruments.get("who5")
    assert who5.change_verdict(40, 50) == "improved"
    assert who5.change_verdict(40, 49) == "no_meaningful_change"
    assert who5.change_verdict(60, 50) == "worsened"
    assert instruments.get("pss10").change_verdict(25, 16) == "improved"
    assert instruments.get("cbi").change_verdict(50, 20) is None  # no published rule


@pytest.mark.parametrize(
    ("iid", "bad", "message"),
    [
        ("who5", [6, 0, 0, 0, 0], "6 is not in 0-5"),
        ("who5", [0, 0, 0, 0], "answers must have exactly 5 entries, not 4"),
        ("cbi", [0] * 18, "answers must have exactly 19 entries, not 18"),
        ("was", [11], "11 is not in 0-10"),
        ("was", [True], "True is not an integer 0-10 or null"),
    ],
)
def test_bad_answers_are_refused(iid, bad, message):
    with pytest.raises(InstrumentAnswerError, match=message):
        instruments.get(iid).scored(bad)
