"""The course calendar, what is due, and CPR numbers (pure rules in core/)."""

from __future__ import annotations

import datetime as dt

import pytest

from coachdesk.core import course, cpr

START = dt.date(2026, 1, 12)  # a Monday


@pytest.mark.parametrize(
    ("today", "week"),
    [
        (dt.date(2026, 1, 11), None),
        (START, 1),
        (dt.date(2026, 1, 18), 1),
        (dt.date(2026, 1, 19), 2),
        (dt.date(2026, 4, 5), 12),
        (dt.date(2026, 4, 6), 13),
    ],
)
def test_course_week(today, week):
    assert course.course_week(START, today) == week


def test_no_start_no_week():
    assert course.course_week(None, START) is None


def test_course_end_is_the_last_day_of_week_12():
    end = course.course_end(START)
    assert course.course_week(START, end) == 12
    assert course.course_week(START, end + dt.timedelta(days=1)) == 13


@pytest.mark.parametrize(
    ("week", "phase"),
    [
        (None, None),
        (1, "screening"),
        (4, "group_phase"),
        (5, "individual_phase"),
        (12, "individual_phase"),
        (13, "ended"),
    ],
)
def test_expected_phase(week, phase):
    assert course.expected_phase(week) == phase


def due(week: int, **kw):
    base = dict(
        status="individual_phase",
        start=START,
        has_screening=True,
        has_final=False,
        sessions_held=0,
        has_outcome=False,
    )
    base.update(kw)
    today = course.week_start(START, week)
    return [(d.key, d.overdue, d.number) for d in course.due_items(today=today, **base)]


def test_due_screening_first_and_overdue_after_week_1():
    assert due(1, has_screening=False) == [("screening_pss", False, 0)]
    assert ("screening_pss", True, 0) in due(3, has_screening=False)


def test_due_sessions_in_the_individual_phase():
    assert due(4) == []
    assert due(5) == [("session", False, 1)]
    assert due(8, sessions_held=1) == [("session", True, 2)]  # behind: 3 weeks in, 1 held
    assert due(8, sessions_held=3) == [("session", False, 4)]
    assert due(11, sessions_held=8) == []


def test_due_final_pss_and_outcome():
    assert ("final_pss", False, 0) in due(12, sessions_held=8)
    assert due(14, sessions_held=8) == [("final_pss", True, 0), ("outcome", True, 0)]
    assert due(14, sessions_held=8, has_final=True, has_outcome=True) == []


def test_nothing_due_after_the_course_ended():
    for status in ("completed", "dropped_out", "not_eligible"):
        assert due(8, status=status) == []


@pytest.mark.parametrize(
    ("text", "normalised", "born"),
    [
        ("010190-1234", "010190-1234", dt.date(1990, 1, 1)),
        ("0101901234", "010190-1234", dt.date(1990, 1, 1)),
        ("290200-4111", "290200-4111", dt.date(2000, 2, 29)),  # 7th digit 4: 2000s
        ("150537-4111", "150537-4111", dt.date(1937, 5, 15)),  # 4 and yy > 36: 1900s
        ("010160-5111", "010160-5111", dt.date(1860, 1, 1)),  # 5-8 and yy > 57: 1800s
        (" 010190-1234 ", "010190-1234", dt.date(1990, 1, 1)),
    ],
)
def test_cpr_parse(text, normalised, born):
    assert cpr.parse(text) == (normalised, born)


@pytest.mark.parametrize(
    "text",
    ["", "010190", "01019-01234", "320190-1234", "290201-1234", "abcdef-1234", "010190--1234"],
)
def test_cpr_invalid(text):
    assert not cpr.is_valid(text)
    with pytest.raises(cpr.CprError):
        cpr.parse(text)


def test_cpr_is_not_modulus_11_checked():
    # 010190-1235 fails the old modulus-11 rule; numbers since 2007 need not pass it.
    assert cpr.is_valid("010190-1235")


def test_cpr_mask():
    assert cpr.mask("010190-1234") == "010190-****"
    assert cpr.mask(None) == ""
