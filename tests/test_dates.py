"""core/dates: the rules every date field reads typed text by (property-tested)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachdesk.core import dates

TODAY = dt.date(2026, 9, 1)
days = st.dates(min_value=dt.date(dates.MIN_YEAR, 1, 1), max_value=dt.date(dates.MAX_YEAR, 12, 31))
# Two-digit years mean 2000-2099.
century = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))


def forms(d: dt.date) -> list[str]:
    """Every way a coach may type ``d`` with a four-digit year."""
    return [
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}.{d.month}.{d.year}",
        f"{d.day:02d}{d.month:02d}{d.year}",
        d.isoformat(),
        f" {d.day}. {d.month}. {d.year} ",
    ]


def short_forms(d: dt.date) -> list[str]:
    yy = f"{d.year % 100:02d}"
    return [
        f"{d.day:02d}{d.month:02d}{yy}",
        f"{d.day}.{d.month}.{yy}",
        f"{d.day:02d}.{d.month:02d}.{yy}",
        f"{d.day}-{d.month}-{yy}",
    ]


@given(days)
def test_every_four_digit_form_reads_back_the_date(d):
    for text in forms(d):
        assert dates.parse(text, TODAY) == d, text


@given(century)
def test_every_two_digit_year_form_reads_back_the_date(d):
    for text in short_forms(d):
        assert dates.parse(text, TODAY) == d, text


@given(days)
def test_the_shown_form_reads_back(d):
    assert dates.parse(dates.format_short(d), TODAY) == d


@given(
    st.integers(min_value=2000, max_value=2099),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=40),
)
def test_a_day_the_month_does_not_have_is_refused_not_moved(year, month, day):
    last = calendar.monthrange(year, month)[1]
    text = f"{day:02d}.{month:02d}.{year}"
    if day <= last:
        assert dates.parse(text, TODAY) == dt.date(year, month, day)
    else:
        with pytest.raises(dates.DateError) as e:
            dates.parse(text, TODAY)
        assert e.value.reason == dates.NOT_REAL


@given(st.text(max_size=14))
def test_any_text_is_a_date_or_a_date_error(text):
    try:
        got = dates.parse(text, TODAY)
    except dates.DateError as exc:
        assert exc.reason in (
            dates.FORMAT,
            dates.NO_YEAR,
            dates.NOT_REAL,
            dates.YEAR_RANGE,
            dates.OFFSET_RANGE,
        )
    else:
        assert got is None or dates.MIN_YEAR - 11 <= got.year <= dates.MAX_YEAR + 11


@given(
    st.integers(min_value=0, max_value=dates.MAX_OFFSET_DAYS),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 1, 1)),
)
def test_plus_and_minus_count_days_from_today(n, today):
    assert dates.parse(f"+{n}", today) == today + dt.timedelta(days=n)
    assert dates.parse(f"-{n}", today) == today - dt.timedelta(days=n)


@pytest.mark.parametrize(
    "text,want",
    [
        ("15.09.2026", dt.date(2026, 9, 15)),
        ("15-09-2026", dt.date(2026, 9, 15)),
        ("15092026", dt.date(2026, 9, 15)),
        ("150926", dt.date(2026, 9, 15)),
        ("15.9.26", dt.date(2026, 9, 15)),
        ("i dag", TODAY),
        ("I DAG", TODAY),
        ("idag", TODAY),
        ("today", TODAY),
        ("+7", dt.date(2026, 9, 8)),
        ("i morgen", dt.date(2026, 9, 2)),
        ("i går", dt.date(2026, 8, 31)),
        ("20.10.2026", dt.date(2026, 10, 20)),
    ],
)
def test_the_issue_forms(text, want):
    assert dates.parse(text, TODAY) == want


@pytest.mark.parametrize(
    "text,reason",
    [
        ("31.02.2026", dates.NOT_REAL),
        ("29.02.2027", dates.NOT_REAL),
        ("15.13.2026", dates.NOT_REAL),
        ("15.9", dates.NO_YEAR),
        ("1509", dates.NO_YEAR),
        ("15.09.0226", dates.YEAR_RANGE),
        ("1509202", dates.FORMAT),
        ("tirsdag", dates.FORMAT),
        ("15.09.202", dates.FORMAT),
        ("+99999", dates.OFFSET_RANGE),
        ("SAG-2026-11873", dates.FORMAT),
    ],
)
def test_what_is_refused_and_why(text, reason):
    with pytest.raises(dates.DateError) as e:
        dates.parse(text, TODAY)
    assert e.value.reason == reason


def test_empty_is_none_where_allowed_and_an_error_where_not():
    assert dates.parse("", TODAY) is None
    assert dates.parse("   ", TODAY) is None
    with pytest.raises(dates.DateError) as e:
        dates.parse(" ", TODAY, allow_empty=False)
    assert e.value.reason == dates.EMPTY
