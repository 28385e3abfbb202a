"""Danish CPR numbers: validation, normalisation and masking.

No modulus-11 check: numbers issued since 2007 need not pass it (docs/format.md).
"""

from __future__ import annotations

import datetime as dt
import re

from coachdesk.core.problems import Problem

# ASCII digits only: \d (and str.isdigit) would also take Arabic-Indic "٠١٠١٩٠",
# fullwidth "０１０１９０" and other scripts' digits, which int() then reads as a date.
_CPR_RE = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{2})-?([0-9]{4})")


class CprError(Problem):
    """The text is not a valid CPR number (codes field.not_cpr, field.cpr_bad_date)."""


def _century(yy: int, seventh: int) -> int:
    # The 7th digit fixes the century (CPR-kontoret's table).
    if seventh in (0, 1, 2, 3):
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    # 5-8
    return 2000 if yy <= 57 else 1800


def _show(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def parse(text: str) -> tuple[str, dt.date]:
    """Return the normalised form ``DDMMYY-NNNN`` and the birth date, or raise CprError."""
    m = _CPR_RE.fullmatch(text.strip())
    if not m:
        raise CprError("field.not_cpr", value=_show(text))
    dd, mm, yy, serial = m.groups()
    year = _century(int(yy), int(serial[0])) + int(yy)
    try:
        born = dt.date(year, int(mm), int(dd))
    except ValueError:
        raise CprError("field.cpr_bad_date", value=repr(text)) from None
    return f"{dd}{mm}{yy}-{serial}", born


def normalise(text: str) -> str:
    return parse(text)[0]


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except CprError:
        return False
    return True


def mask(cpr: str | None) -> str:
    """``DDMMYY-****``: the date part is what a caseworker needs to match a person."""
    if not cpr:
        return ""
    return f"{cpr[:6]}-****"
