"""The quick checks of core/records (issue 19): a session or an attendance mark they call
good is one the full rules find nothing in, so skipping the rules changes no verdict and
no error; and a good file's records take the quick path (else it would gain nothing)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.core import records, vocab
from coachdesk.store.demo import demo_document

TODAY = dt.date(2026, 11, 27)

# Values near every rule's edge, and of every wrong kind.
ODD = [
    None,
    True,
    False,
    0,
    -1,
    1,
    10,
    11,
    104,
    105,
    1440,
    1441,
    1.0,
    2.5,
    "",
    " ",
    "x",
    "\ud800",
    "a\udfffb",
    "x" * 1001,
    "y" * 20_001,
    [],
    {},
    ["x"],
    [None],
]
DATES = ["2026-03-04", "2026-02-30", "2026-2-01", "２０２６-03-04", "2026-03-04T10:00", 20260304]
TIMES = ["09:30", "24:00", "9:30", "09:60", "23:59"]
WHEN = ["2026-03-04T10:00", "2026-03-04T10:00Z", "2026-03-04T10:00+01:00", "2026-02-30T10:00"]
PER_KEY = {
    "date": DATES,
    "start": TIMES,
    "minutes": [],
    "mode": list(vocab.SESSION_MODES),
    "status": list(vocab.SESSION_STATUSES),
    "week": [],
    "themes": [list(vocab.THEMES[:2]), list(vocab.THEMES) * 2, ["nope"], [1]],
    "notes": ["n" * 50_000, "n" * 50_001],
    "quotes": ["q" * 20_000, "q" * 20_001],
    "actions": [["a"] * 50, ["a"] * 51, ["a" * 1000], ["a" * 1001], ["\ud800"], [1]],
    "ratings": [
        {"energy": 5},
        {"energy": 11},
        {"sleep": None},
        {"mood": 1},
        {"wellbeing": True},
        {"energy": 5.0},
        [],
    ],
    "next_appointment": WHEN,
}


def _value(key: str) -> st.SearchStrategy:
    return st.sampled_from(PER_KEY.get(key, []) + ODD)


GOOD_SESSION = {
    "date": "2026-03-04",
    "start": "09:30",
    "minutes": 60,
    "mode": "in_person",
    "status": "held",
    "week": 3,
    "themes": [vocab.THEMES[0]],
    "notes": "n",
    "quotes": "q",
    "actions": ["a"],
    "ratings": {"energy": 5, "sleep": 0, "wellbeing": 10},
    "next_appointment": "2026-03-05T10:00",
}


@st.composite
def sessions(draw: st.DrawFn) -> object:
    """A good session with some fields left out and up to three set to an edge or odd
    value (or another field added)."""
    if draw(st.integers(0, 30)) == 0:
        return draw(st.sampled_from(ODD))
    out = {k: v for k, v in GOOD_SESSION.items() if draw(st.integers(0, 4))}
    changed = draw(
        st.lists(st.sampled_from([*records.SESSION_FIELDS, "extra"]), unique=True, max_size=3)
    )
    for k in changed:
        out[k] = draw(_value(k))
    return out


@st.composite
def marks(draw: st.DrawFn) -> object:
    if draw(st.integers(0, 30)) == 0:
        return draw(st.sampled_from(ODD))
    keys = draw(st.lists(st.sampled_from(["date", "present", "excused", "extra"]), unique=True))
    pool = {"date": DATES, "present": [True, False], "excused": [True, False]}
    return {k: draw(st.sampled_from(pool.get(k, []) + ODD)) for k in keys}


def _session_errors(s: object) -> list:
    errors: list = []
    records.validate_session(s, "s", records._Checker(errors))
    return errors


@settings(max_examples=3000, deadline=None)
@given(sessions())
def test_a_session_the_quick_check_passes_has_no_error(s):
    if records.session_ok(s):
        assert _session_errors(s) == []
    else:
        assert s != GOOD_SESSION


@settings(max_examples=2000, deadline=None)
@given(st.lists(marks(), max_size=4))
def test_marks_the_quick_check_passes_have_no_error(marks_):
    p = {"ref": "R1", "name": "N", "group_attendance": marks_}
    full = records.validate_participant(p, "p", TODAY)
    # The same person checked with the quick path switched off gives the same errors.
    quick = records._mark_ok
    try:
        records._mark_ok = lambda _g: None  # type: ignore[assignment]
        slow = records.validate_participant(p, "p", TODAY)
    finally:
        records._mark_ok = quick  # type: ignore[assignment]
    assert full == slow


def test_a_good_files_sessions_and_marks_take_the_quick_path():
    doc = demo_document(60, seed=3, today=TODAY)
    people = doc["participants"]
    sessions_ = [s for p in people for s in p.get("sessions") or []]
    marks_ = [g for p in people for g in p.get("group_attendance") or []]
    assert sessions_ and marks_
    assert all(records.session_ok(s) for s in sessions_)
    assert all(records._mark_ok(g) is not None for g in marks_)
    assert all(_session_errors(s) == [] for s in sessions_)


GOOD_ASSESSMENT = {
    "kind": "screening",
    "date": "2026-03-04",
    "instrument": "pss10",
    "answers": [0, 1, 2, 3, 4, 4, 3, 2, 1, None],
    "total": 20,
    "prorated": True,
    "band": "moderate",
    "index": 50,
    "personal": 12.5,
    "work": 0,
    "client": 100,
}
ASSESSMENT_VALUES = {
    "kind": list(vocab.ASSESSMENT_KINDS),
    "date": [*DATES, "2026-11-27", "2026-11-28"],
    "instrument": ["who5", "cbi", "was", "nope"],
    "answers": [[0] * 10, [4] * 10, [5] * 10, [-1] * 10, [0] * 9, [True] * 10, [0.0] * 10],
    "band": ["low", "poor", "nope"],
    "personal": [100.5, 99.9, float("nan")],
    "total": [40, 41],
    "index": [100, 101],
}

GOOD_PLAN = {
    "values": ["Familie"],
    "direction": "Tilbage",
    "goals": [{"text": "Gå", "due": "2026-04-01", "status": "open"}],
    "accommodations": [{"category": "hours", "description": "Færre timer", "until": None}],
    "hours_now": 10,
    "hours_target": 37.5,
    "hours_steps": [{"from": "2026-04-01", "hours": 12}],
    "updated_on": "2026-03-04",
}
PLAN_VALUES = {
    "values": [[" "], [""], ["v" * 201], ["v"] * 51, [None]],
    "goals": [
        [{"text": " "}],
        [{"text": "x", "due": "2026-02-30"}],
        [{"text": "x", "status": "nope"}],
        [{"text": "x", "extra": 1}],
        [{}],
        [None],
    ],
    "accommodations": [
        [{"category": "nope", "description": "d"}],
        [{"category": "hours"}],
        [{"category": "hours", "description": "d", "until": "x"}],
        [{"description": "d"}],
    ],
    "hours_steps": [
        [{"from": "2026-04-01"}],
        [{"hours": 3}],
        [{"from": "2026-04-01", "hours": 81}],
        [{"from": "2026-04-01", "hours": None}],
    ],
    "hours_now": [80, 80.5, -0.5],
    "updated_on": DATES,
}


@st.composite
def changed(draw: st.DrawFn, good: dict, values: dict, keys: tuple) -> object:
    if draw(st.integers(0, 30)) == 0:
        return draw(st.sampled_from(ODD))
    out = {k: v for k, v in good.items() if draw(st.integers(0, 8))}
    for k in draw(st.lists(st.sampled_from([*keys, "extra"]), unique=True, max_size=2)):
        out[k] = draw(st.sampled_from(values.get(k, []) + ODD))
    return out


@settings(max_examples=3000, deadline=None)
@given(changed(GOOD_ASSESSMENT, ASSESSMENT_VALUES, (*GOOD_ASSESSMENT, "total", "index")))
def test_an_assessment_the_quick_check_passes_has_no_error(a):
    errors: list = []
    day = records.validate_assessment(a, "a", TODAY, records._Checker(errors))
    quick = records.assessment_ok(a, TODAY)
    if quick is not None:
        assert errors == [] and day == quick


@settings(max_examples=3000, deadline=None)
@given(changed(GOOD_PLAN, PLAN_VALUES, records.JOB_PLAN_FIELDS))
def test_a_job_plan_the_quick_check_passes_has_no_error(j):
    errors: list = []
    records.validate_job_plan(j, "j", records._Checker(errors))
    if records.job_plan_ok(j):
        assert errors == []


def test_a_good_files_assessments_and_plans_take_the_quick_path():
    people = demo_document(60, seed=3, today=TODAY)["participants"]
    assessments = [a for p in people for a in p.get("assessments") or []]
    plans = [p["job_plan"] for p in people if p.get("job_plan")]
    assert assessments and plans
    assert all(records.assessment_ok(a, TODAY) is not None for a in assessments)
    assert all(records.job_plan_ok(j) for j in plans)
    assert records.assessment_ok(GOOD_ASSESSMENT, TODAY) and records.job_plan_ok(GOOD_PLAN)
