"""The rules a participant record must meet: one rule set for the importer and the forms.

Records have the shape of the participant file (docs/format.md). ``validate_participant``
returns every error with its JSON path (``participants[3].assessments[0].answers[7]:
5 is not in 0-4``); an empty list means the record is good.

The same rules are written as a JSON Schema (store/schema/participants-v1.schema.json)
for other programs; tests/attack/test_attack_schema_agreement.py feeds every test file
through both and holds their verdicts equal, and MAX_LEN / MAX_ITEMS equal to the
schema's maxLength / maxItems.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from coachdesk.core import cpr, instruments, vocab
from coachdesk.core.instrument import Instrument
from coachdesk.core.problems import FieldError, Problem

# [0-9], not \d: in Python \d also matches Arabic-Indic, fullwidth and other digits.
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME_RE = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_LOCAL_DATETIME_RE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T(([01][0-9]|2[0-3]):[0-5][0-9])")
_ZONED_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)")
# RFC 3339 date-time with an offset: the export's exported_at.
_DATETIME_OFFSET_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# One @, something before it, a domain with a dot after it, no spaces: enough to catch a
# case number typed into the e-mail field (issue 14) without refusing real addresses.
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.][^@\s]*")

# Maximum length in characters of every text field (docs/format.md). The database's
# String(n) columns have the same n; the rest are Text, bounded here so that one field
# cannot hold a 200 MB text that every report and export would then carry.
MAX_LEN: dict[str, int] = {
    "ref": 64,
    "name": 200,
    "email": 200,
    "phone": 50,
    "caseworker.name": 200,
    "caseworker.municipality": 200,
    "caseworker.email": 200,
    "caseworker.case_ref": 100,
    "dropped_out.reason": 2_000,
    "report_summary": 20_000,
    "sessions[].notes": 50_000,
    "sessions[].quotes": 20_000,
    "sessions[].actions[]": 1_000,
    "job_plan.values[]": 200,
    "job_plan.direction": 5_000,
    "job_plan.goals[].text": 1_000,
    "job_plan.accommodations[].description": 2_000,
    "report_fields.work_capacity": 20_000,
    "report_fields.resources": 20_000,
    "report_fields.challenges": 20_000,
    "report_fields.progression": 20_000,
    "report_fields.recommendation": 20_000,
}
# Maximum number of entries of every list inside a participant.
MAX_ITEMS: dict[str, int] = {
    "consent.scope": 2,
    "assessments": 100,
    "sessions": 1_000,
    "sessions[].themes": 9,
    "sessions[].actions": 50,
    "group_attendance": 1_000,
    "job_plan.values": 50,
    "job_plan.goals": 100,
    "job_plan.accommodations": 100,
    "job_plan.hours_steps": 100,
    "report_fields.step_plan": 52,
}

Errors = list[FieldError]


def show(value: Any) -> str:
    """A value for an error message: short, and never the whole of a huge or deeply
    nested value (its repr could be megabytes long, or recurse too deep to print)."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def has_surrogate(text: str) -> bool:
    """A lone surrogate (JSON "\\ud800") is not a character: UTF-8 cannot store it."""
    return not text.isascii() and _SURROGATE_RE.search(text) is not None


def parse_date(value: Any) -> dt.date:
    """ISO 8601 ``YYYY-MM-DD`` only (no times, no other orders)."""
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        raise Problem("field.not_date", value=show(value))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Problem("field.not_real_date", value=repr(value)) from None


def parse_local_datetime(value: Any) -> dt.datetime:
    """``YYYY-MM-DDTHH:MM``, local time: a time zone or offset is refused, not dropped."""
    if isinstance(value, str) and _ZONED_RE.fullmatch(value):
        raise Problem("field.has_time_zone", value=show(value))
    m = _LOCAL_DATETIME_RE.fullmatch(value) if isinstance(value, str) else None
    if not m:
        raise Problem("field.not_datetime", value=show(value))
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise Problem("field.not_real_datetime", value=repr(value)) from None


def parse_datetime_with_offset(value: Any) -> dt.datetime:
    """RFC 3339 ``YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM)``: the export's ``exported_at``."""
    if not isinstance(value, str) or not _DATETIME_OFFSET_RE.fullmatch(value):
        raise Problem("field.not_datetime_offset", value=show(value))
    try:
        return dt.datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        raise Problem("field.not_real_datetime", value=repr(value)) from None


def opt_date(value: Any) -> dt.date | None:
    return None if value is None else parse_date(value)


class _Checker:
    def __init__(self, errors: Errors) -> None:
        self.errors = errors

    def err(self, path: str, code: str, **params: object) -> None:
        self.errors.append(FieldError(path, code, params))

    def problem(self, path: str, exc: Problem) -> None:
        """A Problem raised by a parser, as the error of ``path``."""
        self.errors.append(FieldError(path, exc.code, exc.params))

    def obj(self, value: Any, path: str, *, allowed: Iterable[str]) -> bool:
        if not isinstance(value, dict):
            self.err(path, "field.not_object")
            return False
        unknown = sorted(set(value) - set(allowed))
        for key in unknown:
            self.err(f"{path}.{key}", "field.unknown")
        return True

    def text(
        self, d: dict[str, Any], key: str, path: str, *, max_len: int, required: bool = False
    ) -> None:
        v = d.get(key)
        if v is None:
            if required:
                self.err(f"{path}.{key}", "field.required")
            return
        self.text_value(v, f"{path}.{key}", max_len=max_len, required=required)

    def text_value(
        self,
        v: Any,
        path: str,
        *,
        max_len: int,
        required: bool = False,
    ) -> None:
        if not isinstance(v, str):
            self.err(path, "field.not_text", value=show(v))
        elif required and not v.strip():
            self.err(path, "field.required")
        elif len(v) > max_len:
            self.err(path, "field.too_long", max=max_len)
        elif has_surrogate(v):
            self.err(path, "field.lone_surrogate")

    def date(
        self,
        d: dict[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        not_after: dt.date | None = None,
    ) -> dt.date | None:
        v = d.get(key)
        if v is None:
            if required:
                self.err(f"{path}.{key}", "field.required")
            return None
        try:
            day = parse_date(v)
        except Problem as exc:
            self.problem(f"{path}.{key}", exc)
            return None
        if not_after is not None and day > not_after:
            self.err(f"{path}.{key}", "field.in_future", value=v)
        return day

    def email(self, d: dict[str, Any], key: str, path: str) -> None:
        v = d.get(key)
        if isinstance(v, str) and v.strip() and not _EMAIL_RE.fullmatch(v.strip()):
            self.err(f"{path}.{key}", "field.not_email")

    def enum(
        self,
        d: dict[str, Any],
        key: str,
        path: str,
        choices: tuple[str, ...],
        *,
        required: bool = False,
    ) -> None:
        v = d.get(key)
        if v is None:
            if required:
                self.err(f"{path}.{key}", "field.required")
            return
        if not isinstance(v, str) or v not in choices:
            self.err(f"{path}.{key}", "field.not_one_of", value=show(v), choices=", ".join(choices))

    def number(
        self, d: dict[str, Any], key: str, path: str, lo: float, hi: float, *, integer: bool = False
    ) -> None:
        v = d.get(key)
        if v is None:
            return
        ok_type = isinstance(v, int) if integer else isinstance(v, int | float)
        if isinstance(v, bool) or not ok_type:
            code = "field.not_integer" if integer else "field.not_number"
            self.err(f"{path}.{key}", code, value=show(v))
        elif not lo <= v <= hi:
            self.err(f"{path}.{key}", "field.out_of_range", value=v, lo=f"{lo:g}", hi=f"{hi:g}")

    def list_of(
        self, d: dict[str, Any], key: str, path: str, max_items: int | None = None
    ) -> list[Any]:
        v = d.get(key)
        if v is None:
            return []
        if not isinstance(v, list):
            self.err(f"{path}.{key}", "field.not_list")
            return []
        if max_items is not None and len(v) > max_items:
            self.err(f"{path}.{key}", "field.too_many", max=max_items)
            return []
        return v


PARTICIPANT_FIELDS = (
    "ref",
    "name",
    "cpr",
    "birth_year",
    "email",
    "phone",
    "caseworker",
    "referral_date",
    "course_start",
    "status",
    "dropped_out",
    "consent",
    "assessments",
    "sessions",
    "group_attendance",
    "job_plan",
    "outcome",
    "report_summary",
    "report_fields",
    # computed fields written by export: their shape is checked, their values ignored
    "eligible",
    "pss_change",
    "course_week",
)
SESSION_FIELDS = (
    "date",
    "start",
    "minutes",
    "mode",
    "status",
    "week",
    "themes",
    "notes",
    "quotes",
    "actions",
    "ratings",
    "next_appointment",
)
JOB_PLAN_FIELDS = (
    "values",
    "direction",
    "goals",
    "accommodations",
    "hours_now",
    "hours_target",
    "hours_steps",
    "updated_on",
)
PSS_CHANGE_FIELDS = ("before", "after", "difference", "reliable_change", "clinically_important")
# Every band key of the shipped instruments (PSS-10, WHO-5, WAS), for the shape check.
BANDS = ("low", "moderate", "high", "very_low", "not_low", "poor", "good", "excellent")
MAX_COURSE_WEEK = 10_000  # computed at export: the week of the course on that day
RELIABLE_CHANGES = ("improved", "no_reliable_change", "worsened")


def _boolean(c: _Checker, d: dict[str, Any], key: str, path: str, *, nullable: bool = True) -> None:
    if key not in d:
        return
    v = d[key]
    if not (isinstance(v, bool) or (v is None and nullable)):
        c.err(f"{path}.{key}", "field.not_boolean")


def _assessment_instrument(a: dict[str, Any], path: str, c: _Checker) -> Instrument | None:
    """The assessment's instrument: ``instrument`` (file version 2) or PSS-10 (version 1)."""
    iid = a.get("instrument", instruments.DEFAULT)
    if not isinstance(iid, str) or iid not in instruments.ids():
        c.err(
            f"{path}.instrument",
            "field.not_one_of",
            value=show(iid),
            choices=", ".join(instruments.ids()),
        )
        return None
    return instruments.get(iid)


def validate_assessment(a: Any, path: str, today: dt.date, c: _Checker) -> dt.date | None:
    if not c.obj(
        a, path, allowed=("kind", "date", "instrument", "answers", *instruments.computed_keys())
    ):
        return None
    c.enum(a, "kind", path, vocab.ASSESSMENT_KINDS, required=True)
    day = c.date(a, "date", path, required=True, not_after=today)
    inst = _assessment_instrument(a, path, c)
    if "answers" not in a:
        c.err(f"{path}.answers", "field.required")
    elif inst is not None:
        answers = a["answers"]
        n, lo, hi = inst.n_items, inst.answer_min, inst.answer_max
        if not isinstance(answers, list):
            c.err(f"{path}.answers", "field.answers_not_list", n=n)
        elif len(answers) != n:
            c.err(f"{path}.answers", "field.answers_count", n=n, count=len(answers))
        else:
            for i, ans in enumerate(answers):
                if ans is not None and (isinstance(ans, bool) or not isinstance(ans, int)):
                    c.err(
                        f"{path}.answers[{i}]",
                        "field.answer_not_integer",
                        value=show(ans),
                        lo=lo,
                        hi=hi,
                    )
                elif ans is not None and not lo <= ans <= hi:
                    c.err(f"{path}.answers[{i}]", "field.out_of_range", value=ans, lo=lo, hi=hi)
    # Computed by export, ignored by import: only their shape is checked (the same shape
    # for every instrument, so that the JSON Schema can state it).
    c.number(a, "total", path, 0, 40, integer=True)
    _boolean(c, a, "prorated", path, nullable=False)
    c.number(a, "index", path, 0, 100, integer=True)
    for key in ("personal", "work", "client"):
        c.number(a, key, path, 0, 100)
    if a.get("band") is not None:
        c.enum(a, "band", path, BANDS)
    return day


def validate_session(s: Any, path: str, c: _Checker) -> None:
    if not c.obj(s, path, allowed=SESSION_FIELDS):
        return
    c.date(s, "date", path, required=True)
    start = s.get("start")
    if start is not None and (not isinstance(start, str) or not _TIME_RE.fullmatch(start)):
        c.err(f"{path}.start", "field.not_time", value=show(start))
    c.number(s, "minutes", path, 0, 1440, integer=True)
    c.enum(s, "mode", path, vocab.SESSION_MODES)
    c.enum(s, "status", path, vocab.SESSION_STATUSES)
    c.number(s, "week", path, 1, 104, integer=True)
    for i, theme in enumerate(c.list_of(s, "themes", path, MAX_ITEMS["sessions[].themes"])):
        if not isinstance(theme, str) or theme not in vocab.THEMES:
            c.err(f"{path}.themes[{i}]", "field.not_theme", value=show(theme))
    c.text(s, "notes", path, max_len=MAX_LEN["sessions[].notes"])
    c.text(s, "quotes", path, max_len=MAX_LEN["sessions[].quotes"])
    for i, act in enumerate(c.list_of(s, "actions", path, MAX_ITEMS["sessions[].actions"])):
        c.text_value(act, f"{path}.actions[{i}]", max_len=MAX_LEN["sessions[].actions[]"])
    ratings = s.get("ratings")
    if ratings is not None and c.obj(ratings, f"{path}.ratings", allowed=vocab.RATING_KEYS):
        for key in vocab.RATING_KEYS:
            c.number(ratings, key, f"{path}.ratings", *vocab.RATING_RANGE, integer=True)
    nxt = s.get("next_appointment")
    if nxt is not None:
        try:
            parse_local_datetime(nxt)
        except Problem as exc:
            c.problem(f"{path}.next_appointment", exc)


# --- the common case, checked quickly (issue 19) ----------------------------------------
#
# A big import runs these rules for every session and attendance mark of every person:
# the largest part of its time. A good file's records pass every rule, and the checks
# below say "certainly good" of such a record in a fraction of the time; a record they
# are not sure of goes to the full rules above, which report exactly the errors they
# always did. So a quick check may answer True only where the full rules find nothing
# (tests/test_records_quick.py holds them to that over generated and mutated records).

_SESSION_KEYS = frozenset(SESSION_FIELDS)
_MARK_KEYS = frozenset(("date", "present", "excused"))
_MODES = frozenset(vocab.SESSION_MODES)
_SESSION_STATUSES = frozenset(vocab.SESSION_STATUSES)
_THEMES = frozenset(vocab.THEMES)
_RATING_KEYS = frozenset(vocab.RATING_KEYS)


def _day(v: Any) -> dt.date | None:
    """parse_date's date, or None where it would raise."""
    if type(v) is not str or not _DATE_RE.fullmatch(v):
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        return None


def _int_in(v: Any, lo: int, hi: int) -> bool:
    """_Checker.number(integer=True) finds nothing (None is absent)."""
    return v is None or (type(v) is int and lo <= v <= hi)


def _text_in(v: Any, max_len: int) -> bool:
    """_Checker.text (not required) finds nothing."""
    return v is None or (type(v) is str and len(v) <= max_len and not has_surrogate(v))


def _choice(v: Any, choices: frozenset[str]) -> bool:
    return v is None or (type(v) is str and v in choices)


_NOTES_MAX = MAX_LEN["sessions[].notes"]
_QUOTES_MAX = MAX_LEN["sessions[].quotes"]
_ACTION_MAX = MAX_LEN["sessions[].actions[]"]
_THEMES_MAX = MAX_ITEMS["sessions[].themes"]
_ACTIONS_MAX = MAX_ITEMS["sessions[].actions"]


def session_ok(s: Any) -> bool:
    """True only for a session record validate_session finds nothing in."""
    if type(s) is not dict or not s.keys() <= _SESSION_KEYS:
        return False
    g = s.get
    start = g("start")
    if (
        _day(g("date")) is None
        or (start is not None and (type(start) is not str or not _TIME_RE.fullmatch(start)))
        or not _int_in(g("minutes"), 0, 1440)
        or not _int_in(g("week"), 1, 104)
        or not _choice(g("mode"), _MODES)
        or not _choice(g("status"), _SESSION_STATUSES)
        or not _text_in(g("notes"), _NOTES_MAX)
        or not _text_in(g("quotes"), _QUOTES_MAX)
    ):
        return False
    themes = g("themes")
    if themes is not None:
        if type(themes) is not list or len(themes) > _THEMES_MAX:
            return False
        for t in themes:
            if type(t) is not str or t not in _THEMES:
                return False
    actions = g("actions")
    if actions is not None:
        if type(actions) is not list or len(actions) > _ACTIONS_MAX:
            return False
        for a in actions:
            if a is None or not _text_in(a, _ACTION_MAX):
                return False
    ratings = g("ratings")
    if ratings is not None:
        if type(ratings) is not dict or not ratings.keys() <= _RATING_KEYS:
            return False
        lo, hi = vocab.RATING_RANGE
        for v in ratings.values():
            if not _int_in(v, lo, hi):
                return False
    nxt = g("next_appointment")
    if nxt is not None:
        try:
            parse_local_datetime(nxt)
        except Problem:
            return False
    return True


_KINDS = frozenset(vocab.ASSESSMENT_KINDS)
_BANDS = frozenset(BANDS)
_assessment_keys: dict[tuple[str, ...], frozenset[str]] = {}


def _number_in(v: Any, lo: float, hi: float) -> bool:
    """_Checker.number (not integer) finds nothing."""
    return v is None or ((type(v) is int or type(v) is float) and lo <= v <= hi)


def assessment_ok(a: Any, today: dt.date) -> dt.date | None:
    """The date of an assessment validate_assessment finds nothing in; None: not sure."""
    ids = instruments.ids()
    allowed = _assessment_keys.get(ids)
    if allowed is None:  # the keys of the instruments registered (tests may add one)
        allowed = frozenset(("kind", "date", "instrument", "answers", *instruments.computed_keys()))
        _assessment_keys[ids] = allowed
    if type(a) is not dict or not a.keys() <= allowed:
        return None
    g = a.get
    iid = g("instrument", instruments.DEFAULT)
    kind = g("kind")
    if type(kind) is not str or kind not in _KINDS or type(iid) is not str or iid not in ids:
        return None
    inst = instruments.get(iid)
    answers = g("answers")
    if type(answers) is not list or len(answers) != inst.n_items:
        return None
    lo, hi = inst.answer_min, inst.answer_max
    for ans in answers:
        if not _int_in(ans, lo, hi):
            return None
    if not (
        _int_in(g("total"), 0, 40)
        and _int_in(g("index"), 0, 100)
        and _number_in(g("personal"), 0, 100)
        and _number_in(g("work"), 0, 100)
        and _number_in(g("client"), 0, 100)
        and ("prorated" not in a or type(a["prorated"]) is bool)
        and _choice(g("band"), _BANDS)
    ):
        return None
    day = _day(g("date"))
    return day if day is not None and day <= today else None


_JOB_PLAN_KEYS = frozenset(JOB_PLAN_FIELDS)
_GOAL_KEYS = frozenset(("text", "due", "status"))
_GOAL_STATUSES = frozenset(vocab.GOAL_STATUSES)
_ACCOMMODATION_KEYS = frozenset(("category", "description", "until"))
_CATEGORIES = frozenset(vocab.ACCOMMODATION_CATEGORIES)
_STEP_KEYS = frozenset(("from", "hours"))


def _required_text(v: Any, max_len: int) -> bool:
    """_Checker.text(required=True) finds nothing."""
    return type(v) is str and bool(v.strip()) and _text_in(v, max_len)


def _items(v: Any, max_items: int) -> list[Any] | None:
    """The list _Checker.list_of accepts ([] for None); None where it finds an error."""
    if v is None:
        return []
    return v if type(v) is list and len(v) <= max_items else None


def job_plan_ok(j: Any) -> bool:
    """True only for a job plan validate_job_plan finds nothing in."""
    if type(j) is not dict or not j.keys() <= _JOB_PLAN_KEYS:
        return False
    g = j.get
    values = _items(g("values"), MAX_ITEMS["job_plan.values"])
    goals = _items(g("goals"), MAX_ITEMS["job_plan.goals"])
    accommodations = _items(g("accommodations"), MAX_ITEMS["job_plan.accommodations"])
    steps = _items(g("hours_steps"), MAX_ITEMS["job_plan.hours_steps"])
    if (
        values is None
        or goals is None
        or accommodations is None
        or steps is None
        or not _text_in(g("direction"), MAX_LEN["job_plan.direction"])
        or not _number_in(g("hours_now"), 0, 80)
        or not _number_in(g("hours_target"), 0, 80)
        or (g("updated_on") is not None and _day(g("updated_on")) is None)
    ):
        return False
    max_value = MAX_LEN["job_plan.values[]"]
    if not all(_required_text(v, max_value) for v in values):
        return False
    for goal in goals:
        if (
            type(goal) is not dict
            or not goal.keys() <= _GOAL_KEYS
            or not _required_text(goal.get("text"), MAX_LEN["job_plan.goals[].text"])
            or (goal.get("due") is not None and _day(goal.get("due")) is None)
            or not _choice(goal.get("status"), _GOAL_STATUSES)
        ):
            return False
    max_description = MAX_LEN["job_plan.accommodations[].description"]
    for a in accommodations:
        if (
            type(a) is not dict
            or not a.keys() <= _ACCOMMODATION_KEYS
            or type(a.get("category")) is not str
            or a.get("category") not in _CATEGORIES
            or not _required_text(a.get("description"), max_description)
            or (a.get("until") is not None and _day(a.get("until")) is None)
        ):
            return False
    for st in steps:
        if (
            type(st) is not dict
            or not st.keys() <= _STEP_KEYS
            or _day(st.get("from")) is None
            or st.get("hours") is None
            or not _number_in(st.get("hours"), 0, 80)
        ):
            return False
    return True


def _mark_ok(g: Any) -> dt.date | None:
    """The day of an attendance mark the participant's rules find nothing in by itself
    (a day given twice is still theirs to find); None: not sure, run the rules."""
    if type(g) is not dict or not g.keys() <= _MARK_KEYS:
        return None
    present = g.get("present")
    excused = g.get("excused")
    if type(present) is not bool or not (excused is None or type(excused) is bool):
        return None
    if excused is True and present is True:
        return None
    return _day(g.get("date"))


def validate_job_plan(j: Any, path: str, c: _Checker) -> None:
    if not c.obj(j, path, allowed=JOB_PLAN_FIELDS):
        return
    for i, v in enumerate(c.list_of(j, "values", path, MAX_ITEMS["job_plan.values"])):
        c.text_value(v, f"{path}.values[{i}]", max_len=MAX_LEN["job_plan.values[]"], required=True)
    c.text(j, "direction", path, max_len=MAX_LEN["job_plan.direction"])
    for i, g in enumerate(c.list_of(j, "goals", path, MAX_ITEMS["job_plan.goals"])):
        gp = f"{path}.goals[{i}]"
        if c.obj(g, gp, allowed=("text", "due", "status")):
            c.text(g, "text", gp, required=True, max_len=MAX_LEN["job_plan.goals[].text"])
            c.date(g, "due", gp)
            c.enum(g, "status", gp, vocab.GOAL_STATUSES)
    for i, a in enumerate(
        c.list_of(j, "accommodations", path, MAX_ITEMS["job_plan.accommodations"])
    ):
        ap = f"{path}.accommodations[{i}]"
        if c.obj(a, ap, allowed=("category", "description", "until")):
            c.enum(a, "category", ap, vocab.ACCOMMODATION_CATEGORIES, required=True)
            c.text(
                a,
                "description",
                ap,
                required=True,
                max_len=MAX_LEN["job_plan.accommodations[].description"],
            )
            c.date(a, "until", ap)
    c.number(j, "hours_now", path, 0, 80)
    c.number(j, "hours_target", path, 0, 80)
    for i, st in enumerate(c.list_of(j, "hours_steps", path, MAX_ITEMS["job_plan.hours_steps"])):
        sp = f"{path}.hours_steps[{i}]"
        if c.obj(st, sp, allowed=("from", "hours")):
            c.date(st, "from", sp, required=True)
            if st.get("hours") is None:
                c.err(f"{sp}.hours", "field.required")
            c.number(st, "hours", sp, 0, 80)
    c.date(j, "updated_on", path)


def _validate_computed(p: dict[str, Any], path: str, c: _Checker) -> None:
    """The fields export computes: ignored on import, but of the documented shape (the
    JSON Schema says the same), so that a file is refused or accepted by both alike."""
    _boolean(c, p, "eligible", path)
    c.number(p, "course_week", path, 1, MAX_COURSE_WEEK, integer=True)
    ch = p.get("pss_change")
    cp = f"{path}.pss_change"
    if ch is not None and c.obj(ch, cp, allowed=PSS_CHANGE_FIELDS):
        for key in PSS_CHANGE_FIELDS:
            if key not in ch:
                c.err(f"{cp}.{key}", "field.required")
        c.number(ch, "before", cp, 0, 40, integer=True)
        c.number(ch, "after", cp, 0, 40, integer=True)
        c.number(ch, "difference", cp, -40, 40, integer=True)
        for key in ("before", "after", "difference"):
            if key in ch and ch[key] is None:
                c.err(f"{cp}.{key}", "field.required")
        if "reliable_change" in ch:
            c.enum(ch, "reliable_change", cp, RELIABLE_CHANGES, required=True)
        if "clinically_important" in ch:
            _boolean(c, ch, "clinically_important", cp, nullable=False)


def validate_participant(p: Any, path: str, today: dt.date) -> Errors:
    """Every rule of the participant file for one participant."""
    errors: Errors = []
    c = _Checker(errors)
    if not c.obj(p, path, allowed=PARTICIPANT_FIELDS):
        return errors
    c.text(p, "ref", path, required=True, max_len=MAX_LEN["ref"])
    c.text(p, "name", path, required=True, max_len=MAX_LEN["name"])
    if p.get("cpr") is not None:
        if not isinstance(p["cpr"], str):
            c.err(f"{path}.cpr", "field.not_text", value=show(p["cpr"]))
        else:
            try:
                cpr.parse(p["cpr"])
            except cpr.CprError as exc:
                c.problem(f"{path}.cpr", exc)
    c.number(p, "birth_year", path, 1900, today.year, integer=True)
    c.text(p, "email", path, max_len=MAX_LEN["email"])
    c.email(p, "email", path)
    c.text(p, "phone", path, max_len=MAX_LEN["phone"])
    cw = p.get("caseworker")
    if cw is not None and c.obj(
        cw, f"{path}.caseworker", allowed=("name", "municipality", "email", "case_ref")
    ):
        for key in ("name", "municipality", "email", "case_ref"):
            c.text(cw, key, f"{path}.caseworker", max_len=MAX_LEN[f"caseworker.{key}"])
        c.email(cw, "email", f"{path}.caseworker")
    referral = c.date(p, "referral_date", path)
    c.date(p, "course_start", path)
    c.enum(p, "status", path, vocab.PARTICIPANT_STATUSES)
    do = p.get("dropped_out")
    if do is not None and c.obj(do, f"{path}.dropped_out", allowed=("date", "reason")):
        c.date(do, "date", f"{path}.dropped_out", required=True)
        c.text(do, "reason", f"{path}.dropped_out", max_len=MAX_LEN["dropped_out.reason"])
    consent = p.get("consent")
    if consent is not None and c.obj(
        consent, f"{path}.consent", allowed=("given_on", "scope", "withdrawn_on")
    ):
        cp = f"{path}.consent"
        given = c.date(consent, "given_on", cp)
        withdrawn = c.date(consent, "withdrawn_on", cp)
        for i, s in enumerate(c.list_of(consent, "scope", cp, MAX_ITEMS["consent.scope"])):
            if not isinstance(s, str) or s not in vocab.CONSENT_SCOPES:
                c.err(
                    f"{cp}.scope[{i}]",
                    "field.not_one_of",
                    value=show(s),
                    choices=", ".join(vocab.CONSENT_SCOPES),
                )
        if given and withdrawn and withdrawn < given:
            c.err(f"{cp}.withdrawn_on", "field.withdrawn_before_consent")
    first_screening: dt.date | None = None
    finals: list[tuple[int, dt.date]] = []
    earliest = referral
    for i, a in enumerate(c.list_of(p, "assessments", path, MAX_ITEMS["assessments"])):
        ap = f"{path}.assessments[{i}]"
        day = assessment_ok(a, today)
        if day is None:
            day = validate_assessment(a, ap, today, c)
        if day is None:
            continue
        if earliest is not None and day < earliest:
            c.err(f"{ap}.date", "field.before_referral", value=day.isoformat())
        if a.get("kind") == "screening" and (first_screening is None or day < first_screening):
            first_screening = day
        if a.get("kind") == "final":
            finals.append((i, day))
    if first_screening is not None:
        for i, day in finals:
            if day < first_screening:
                c.err(f"{path}.assessments[{i}].date", "field.final_before_screening")
    for i, s in enumerate(c.list_of(p, "sessions", path, MAX_ITEMS["sessions"])):
        if not session_ok(s):
            validate_session(s, f"{path}.sessions[{i}]", c)
    days: dict[dt.date, int] = {}
    for i, g in enumerate(c.list_of(p, "group_attendance", path, MAX_ITEMS["group_attendance"])):
        good = _mark_ok(g)
        if good is not None and good not in days:
            days[good] = i
            continue
        gp = f"{path}.group_attendance[{i}]"
        if c.obj(g, gp, allowed=("date", "present", "excused")):
            day = c.date(g, "date", gp, required=True)
            if not isinstance(g.get("present"), bool):
                c.err(f"{gp}.present", "field.not_boolean")
            _boolean(c, g, "excused", gp)
            if g.get("excused") is True and g.get("present") is True:
                # Afbud is an absence: the roster's three marks are exclusive.
                c.err(f"{gp}.excused", "field.excused_present")
            if day is not None and day in days:
                # One row per day in the vault (uq_attendance_day).
                c.err(
                    f"{gp}.date",
                    "field.duplicate_day",
                    value=day.isoformat(),
                    other=f"group_attendance[{days[day]}]",
                )
            elif day is not None:
                days[day] = i
    if p.get("job_plan") is not None and not job_plan_ok(p["job_plan"]):
        validate_job_plan(p["job_plan"], f"{path}.job_plan", c)
    out = p.get("outcome")
    if out is not None and c.obj(
        out, f"{path}.outcome", allowed=("status", "hours_per_week", "date")
    ):
        c.enum(out, "status", f"{path}.outcome", vocab.OUTCOME_STATUSES, required=True)
        c.number(out, "hours_per_week", f"{path}.outcome", 0, 80)
        c.date(out, "date", f"{path}.outcome")
    c.text(p, "report_summary", path, max_len=MAX_LEN["report_summary"])
    rf = p.get("report_fields")
    if rf is not None:
        validate_report_fields(rf, f"{path}.report_fields", c)
    _validate_computed(p, path, c)
    return errors


REPORT_FIELD_TEXTS = ("work_capacity", "resources", "challenges", "progression", "recommendation")


def validate_report_fields(rf: Any, path: str, c: _Checker) -> None:
    """The report's structured fields (docs/format.md): texts, hours, a weekly step plan."""
    from coachdesk.core import return_plan

    allowed = (
        *REPORT_FIELD_TEXTS,
        "normal_hours",
        "hours_now",
        "step_plan",
        "return_date",
        "return_kind",
        "updated_on",
    )
    if not c.obj(rf, path, allowed=allowed):
        return
    for key in REPORT_FIELD_TEXTS:
        c.text(rf, key, path, max_len=MAX_LEN[f"report_fields.{key}"])
    c.number(rf, "normal_hours", path, 0, return_plan.MAX_HOURS)
    c.number(rf, "hours_now", path, 0, return_plan.MAX_HOURS)
    c.date(rf, "return_date", path)
    c.date(rf, "updated_on", path)
    c.enum(rf, "return_kind", path, return_plan.RETURN_KINDS)
    weeks: set[int] = set()
    for i, step in enumerate(
        c.list_of(rf, "step_plan", path, max_items=MAX_ITEMS["report_fields.step_plan"])
    ):
        sp = f"{path}.step_plan[{i}]"
        if c.obj(step, sp, allowed=("week", "hours")):
            for key in ("week", "hours"):
                if step.get(key) is None:
                    c.err(f"{sp}.{key}", "field.required")
            c.number(step, "week", sp, 1, return_plan.MAX_WEEKS, integer=True)
            c.number(step, "hours", sp, 0, return_plan.MAX_HOURS)
            week = step.get("week")
            if isinstance(week, int) and not isinstance(week, bool):
                if week in weeks:
                    c.err(f"{sp}.week", "field.duplicate_week")
                weeks.add(week)
