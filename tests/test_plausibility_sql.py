"""core/plausibility's rule in SQL is the Python rule: one rule, two implementations held
equal over random records (the cohort report counts with the SQL one)."""

from __future__ import annotations

import datetime as dt

import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.core import course, plausibility

# The SQL engine the vault uses (SQLCipher's SQLite), in memory: the expressions read
# the record as ``t`` and the participant as ``p``, as in the report's queries.
_DB = sqlcipher3.connect(":memory:")
_DAY0 = dt.date(2025, 6, 1)


def _sql(expr: str, rec: dict, part: dict, today: dt.date) -> bool:
    sql = (
        "WITH p(referral_date, course_start) AS (VALUES (:ref, :start)), "
        "t(date, status, week, confirmed) AS (VALUES (:date, :status, :week, :confirmed)) "
        f"SELECT {expr} FROM t, p"
    )
    row = _DB.execute(
        sql,
        {
            "ref": part["referral"] and part["referral"].isoformat(),
            "start": part["start"] and part["start"].isoformat(),
            "date": rec["date"].isoformat(),
            "status": rec["status"],
            "week": rec["week"],
            "confirmed": rec["confirmed"],
            "today": today.isoformat(),
        },
    ).fetchone()
    return bool(row[0])


days = st.integers(-60, 220).map(lambda n: _DAY0 + dt.timedelta(days=n))
participants = st.fixed_dictionaries({"referral": st.none() | days, "start": st.none() | days})


@st.composite
def records(draw):
    part = draw(participants)
    start = part["start"]
    # Near the edges the rules care about: the referral, the start, the grace period.
    anchors = [
        a
        for a in (
            part["referral"],
            start,
            start and course.course_end(start) + dt.timedelta(days=plausibility.GRACE_DAYS),
        )
        if a
    ]
    day = draw(
        days
        | (
            st.sampled_from(anchors).flatmap(
                lambda a: st.integers(-2, 2).map(lambda k: a + dt.timedelta(days=k))
            )
            if anchors
            else days
        )
    )
    right = course.course_week(start, day) if start else None
    week = draw(st.none() | st.integers(-1, 16) | st.just(right))
    rec = {
        "date": day,
        "status": draw(st.sampled_from(["held", "cancelled", "no_show", "planned", "", None])),
        "week": week,
        "confirmed": draw(st.none() | st.booleans() | st.sampled_from([0, 1])),
    }
    today = draw(
        st.sampled_from([day, day - dt.timedelta(days=1), day + dt.timedelta(days=1)]) | days
    )
    return rec, part, today


@settings(max_examples=1500, deadline=None)
@given(records())
def test_the_session_rule_in_sql_is_the_python_rule(case) -> None:
    rec, part, today = case
    c = plausibility.Course(part["referral"], part["start"], today)
    want = plausibility.counts(
        plausibility.check_session(c, rec["date"], rec["status"], rec["week"]),
        bool(rec["confirmed"]),
    )
    assert _sql(plausibility.COUNTABLE_SESSION_SQL, rec, part, today) == want


@settings(max_examples=1000, deadline=None)
@given(records())
def test_the_attendance_rule_in_sql_is_the_python_rule(case) -> None:
    rec, part, today = case
    c = plausibility.Course(part["referral"], part["start"], today)
    want = plausibility.counts(
        plausibility.check_attendance(c, rec["date"]), bool(rec["confirmed"])
    )
    assert _sql(plausibility.COUNTABLE_MARK_SQL, rec, part, today) == want


def test_each_finding_flips_the_sql_rule_as_it_flips_the_python_rule() -> None:
    # Hand-picked: one record per finding, on both sides of its edge.
    ref, start, today = dt.date(2026, 1, 5), dt.date(2026, 1, 12), dt.date(2026, 5, 1)
    part = {"referral": ref, "start": start}
    last = course.course_end(start) + dt.timedelta(days=plausibility.GRACE_DAYS)
    cases = [  # (date, status, week, confirmed, counted)
        (dt.date(2026, 1, 4), "held", None, True, False),  # before the referral
        (dt.date(2026, 1, 8), "held", None, False, False),  # before the start
        (dt.date(2026, 1, 8), "held", None, True, True),  # ... confirmed
        (last, "held", None, False, True),
        (last + dt.timedelta(days=1), "held", None, False, False),  # after the grace
        (last + dt.timedelta(days=1), "held", None, True, True),
        (today + dt.timedelta(days=1), "held", None, True, False),  # held in the future
        (today + dt.timedelta(days=1), "cancelled", None, True, True),  # (after the grace)
        (dt.date(2026, 2, 10), "held", 5, False, True),
        (dt.date(2026, 2, 10), "held", 6, True, False),  # the wrong week
    ]
    for day, status, week, confirmed, counted in cases:
        rec = {"date": day, "status": status, "week": week, "confirmed": confirmed}
        c = plausibility.Course(ref, start, today)
        assert (
            plausibility.counts(plausibility.check_session(c, day, status, week), confirmed)
            is counted
        )
        assert _sql(plausibility.COUNTABLE_SESSION_SQL, rec, part, today) is counted
