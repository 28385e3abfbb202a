"""How a typed date is read: the one set of rules behind every date field in the app.

The coach types day first, as Danes write dates: ``15.09.2026``, ``15-09-2026``,
``15/9/26``, ``15092026``, ``150926``, ``15.9.26``; or a word (``i dag``/``today``,
``i morgen``/``tomorrow``, ``i går``/``yesterday``); or ``+7``/``-3`` (days from today).
ISO ``2026-09-15`` is read too (it is what the participant file holds).

Anything else is refused with a reason, never guessed at: ``31.02.2026`` is not a real
date and stays an error, not 03.03.2026; a day and month without a year (``15.9``)
could mean this year or the next, so the coach is asked for the year. A two-digit year
is 2000 + yy (the course dates this app holds lie in this century).

Qt-free, so the importer, the CLI and the property tests use the same rules as the GUI.
"""

from __future__ import annotations

import datetime as dt
import re

# The years a typed date may have: wide enough for any real record, narrow enough that
# a slip such as 15.09.0226 is caught instead of stored.
MIN_YEAR = 1900
MAX_YEAR = 2100
# "+N" reaches this many days: a slip such as "+77777" is refused, not turned into 2239.
MAX_OFFSET_DAYS = 3660

# Why a text is not a date; the GUI words these (ui/date_field.py).
EMPTY = "empty"  # nothing typed where a date is required
FORMAT = "format"  # not a form we read
NO_YEAR = "no_year"  # day and month only
NOT_REAL = "not_real"  # e.g. 31.02.2026
YEAR_RANGE = "year_range"  # outside MIN_YEAR-MAX_YEAR
OFFSET_RANGE = "offset_range"  # "+N" too far

WORDS = {
    "i dag": 0,
    "idag": 0,
    "today": 0,
    "i morgen": 1,
    "imorgen": 1,
    "tomorrow": 1,
    "i går": -1,
    "igår": -1,
    "yesterday": -1,
}

# A separator: a dot, dash or slash (with spaces around it or not), or spaces alone.
_SEP = r"(?:\s*[.\-/]\s*|\s+)"
_SEPARATED = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{2}}|\d{{4}})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_DAY_MONTH = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}})\.?", re.ASCII)
_OFFSET = re.compile(r"([+-])\s*(\d{1,6})", re.ASCII)


class DateError(ValueError):
    """The text is not a date; ``reason`` is one of the constants above."""

    def __init__(self, reason: str, text: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.text = text


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _make(year: int, month: int, day: int, text: str) -> dt.date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(YEAR_RANGE, text)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(NOT_REAL, text) from None


def parse(text: str, today: dt.date, *, allow_empty: bool = True) -> dt.date | None:
    """The date ``text`` means, None for an empty text (when allowed); else DateError."""
    t = " ".join(text.split()).casefold()
    if not t:
        if allow_empty:
            return None
        raise DateError(EMPTY, text)
    if t in WORDS:
        return today + dt.timedelta(days=WORDS[t])
    m = _OFFSET.fullmatch(t)
    if m:
        days = int(m.group(2))
        if days > MAX_OFFSET_DAYS:
            raise DateError(OFFSET_RANGE, text)
        return today + dt.timedelta(days=days if m.group(1) == "+" else -days)
    m = _ISO.fullmatch(t)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)
    m = _SEPARATED.fullmatch(t)
    if m:
        return _make(_year(m.group(3)), int(m.group(2)), int(m.group(1)), text)
    digits = t.isascii() and t.isdigit()
    if digits and len(t) in (6, 8):
        # DDMMYY or DDMMYYYY: the digits only, as typed on a number pad.
        return _make(_year(t[4:]), int(t[2:4]), int(t[:2]), text)
    if _DAY_MONTH.fullmatch(t) or (digits and len(t) == 4):
        raise DateError(NO_YEAR, text)
    raise DateError(FORMAT, text)


def format_short(day: dt.date) -> str:
    """The form every date field shows after reading a date: 15.09.2026."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def monday(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week (ISO weeks start on Monday, as Danish calendars do)."""
    return day - dt.timedelta(days=day.weekday())
