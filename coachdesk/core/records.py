"""The rules a participant record must meet: one rule set for the importer and the forms.

Records have the shape of the participant file (docs/format.md). ``validate_participant``
returns every error with its JSON path (``participants[3].assessments[0].answers[7]:
5 is not in 0-4``); an empty list means the record is good.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from coachdesk.core import cpr, pss10, vocab

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# One @, something before it, a domain with a dot after it, no spaces: enough to catch a
# case number typed into the e-mail field (issue 14) without refusing real addresses.
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.][^@\s]*$")

Errors = list[str]


def parse_date(value: Any) -> dt.date:
    """ISO 8601 ``YYYY-MM-DD`` only (no times, no other orders)."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None


def opt_date(value: Any) -> dt.date | None:
    return None if value is None else parse_date(value)


class _Checker:
    def __init__(self, errors: Errors) -> None:
        self.errors = errors

    def err(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    def obj(self, value: Any, path: str, *, allowed: Iterable[str]) -> bool:
        if not isinstance(value, dict):
            self.err(path, "must be an object")
            return False
        unknown = sorted(set(value) - set(allowed))
        for key in unknown:
            self.err(f"{path}.{key}", "is not a known field")
        return True

    def text(self, d: dict[str, Any], key: str, path: str, *, required: bool = False,
             max_len: int = 100_000) -> None:
        v = d.get(key)
        if v is None:
            if required:
                self.err(f"{path}.{key}", "is required")
            return
        if not isinstance(v, str):
            self.err(f"{path}.{key}", f"{v!r} is not text")
        elif required and not v.strip():
            self.err(f"{path}.{key}", "must not be empty")
        elif len(v) > max_len:
            self.err(f"{path}.{key}", f"is longer than {max_len} characters")

    def date(self, d: dict[str, Any], key: str, path: str, *, required: bool = False,
             not_after: dt.date | None = None) -> dt.date | None:
        v = d.get(key)
        if v is None:
            if required:
                self.err(f"{path}.{key}", "is required")
            return None
        try:
            day = parse_date(v)
        except ValueError as exc:
            self.err(f"{path}.{key}", str(exc))
            return None
        if not_after is not None and day > not_after:
            self.err(f"{path}.{key}", f"{v} is in the future")
        return day

    def email(self, d: dict[str, Any], key: str, path: str) -> None:
        v = d.get(key)
        if isinstance(v, str) and v.strip() and not _EMAIL_RE.match(v.strip()):
            self.err(f"{path}.{key}", "is not an e-mail address")

    def enum(self, d: dict[str, Any], key: str, path: str, choices: tuple[str, ...], *,
             required: bool = False) -> None:
        v = d.get(key)
        if v is None:
            if required:
                self.err(f"{path}.{key}", "is required")
            return
        if v not in choices:
            self.err(f"{path}.{key}", f"{v!r} is not one of {', '.join(choices)}")

    def number(self, d: dict[str, Any], key: str, path: str, lo: float, hi: float, *,
               integer: bool = False) -> None:
        v = d.get(key)
        if v is None:
            return
        ok_type = isinstance(v, int) if integer else isinstance(v, int | float)
        if isinstance(v, bool) or not ok_type:
            kind = "an integer" if integer else "a number"
            self.err(f"{path}.{key}", f"{v!r} is not {kind}")
        elif not lo <= v <= hi:
            self.err(f"{path}.{key}", f"{v} is not in {lo:g}-{hi:g}")

    def list_of(self, d: dict[str, Any], key: str, path: str) -> list[Any]:
        v = d.get(key)
        if v is None:
            return []
        if not isinstance(v, list):
            self.err(f"{path}.{key}", "must be a list")
            return []
        return v


PARTICIPANT_FIELDS = (
    "ref", "name", "cpr", "birth_year", "email", "phone", "caseworker", "referral_date",
    "course_start", "status", "dropped_out", "consent", "assessments", "sessions",
    "group_attendance", "job_plan", "outcome", "report_summary",
    # computed fields written by export: accepted and ignored on import
    "eligible", "pss_change", "course_week",
)
ASSESSMENT_FIELDS = ("kind", "date", "answers", "total", "prorated", "band")
SESSION_FIELDS = ("date", "start", "minutes", "mode", "status", "week", "themes", "notes",
                  "quotes", "actions", "ratings", "next_appointment")
JOB_PLAN_FIELDS = ("values", "direction", "goals", "accommodations", "hours_now",
                   "hours_target", "hours_steps", "updated_on")


def validate_assessment(a: Any, path: str, today: dt.date, c: _Checker) -> dt.date | None:
    if not c.obj(a, path, allowed=ASSESSMENT_FIELDS):
        return None
    c.enum(a, "kind", path, vocab.ASSESSMENT_KINDS, required=True)
    day = c.date(a, "date", path, required=True, not_after=today)
    if "answers" not in a:
        c.err(f"{path}.answers", "is required")
    else:
        answers = a["answers"]
        if not isinstance(answers, list):
            c.err(f"{path}.answers", "must be a list of 10 entries")
        elif len(answers) != pss10.N_ITEMS:
            c.err(f"{path}.answers", f"must have exactly 10 entries, not {len(answers)}")
        else:
            for i, ans in enumerate(answers):
                try:
                    pss10.check_answers([ans] + [None] * 9)
                except pss10.AnswerError as exc:
                    c.err(f"{path}.answers[{i}]", str(exc))
    return day


def validate_session(s: Any, path: str, c: _Checker) -> None:
    if not c.obj(s, path, allowed=SESSION_FIELDS):
        return
    c.date(s, "date", path, required=True)
    start = s.get("start")
    if start is not None and (not isinstance(start, str) or not _TIME_RE.match(start)):
        c.err(f"{path}.start", f"{start!r} is not a time (HH:MM)")
    c.number(s, "minutes", path, 0, 1440, integer=True)
    c.enum(s, "mode", path, vocab.SESSION_MODES)
    c.enum(s, "status", path, vocab.SESSION_STATUSES)
    c.number(s, "week", path, 1, 104, integer=True)
    for i, theme in enumerate(c.list_of(s, "themes", path)):
        if theme not in vocab.THEMES:
            c.err(f"{path}.themes[{i}]", f"{theme!r} is not one of the nine course elements")
    c.text(s, "notes", path)
    c.text(s, "quotes", path)
    for i, act in enumerate(c.list_of(s, "actions", path)):
        if not isinstance(act, str):
            c.err(f"{path}.actions[{i}]", f"{act!r} is not text")
    ratings = s.get("ratings")
    if ratings is not None and c.obj(ratings, f"{path}.ratings", allowed=vocab.RATING_KEYS):
        for key in vocab.RATING_KEYS:
            c.number(ratings, key, f"{path}.ratings", *vocab.RATING_RANGE, integer=True)
    nxt = s.get("next_appointment")
    if nxt is not None:
        try:
            if not isinstance(nxt, str):
                raise ValueError
            dt.datetime.fromisoformat(nxt)
        except ValueError:
            c.err(f"{path}.next_appointment", f"{nxt!r} is not a date and time (YYYY-MM-DDTHH:MM)")


def validate_job_plan(j: Any, path: str, c: _Checker) -> None:
    if not c.obj(j, path, allowed=JOB_PLAN_FIELDS):
        return
    for i, v in enumerate(c.list_of(j, "values", path)):
        if not isinstance(v, str) or not v.strip():
            c.err(f"{path}.values[{i}]", "must be non-empty text")
    c.text(j, "direction", path)
    for i, g in enumerate(c.list_of(j, "goals", path)):
        gp = f"{path}.goals[{i}]"
        if c.obj(g, gp, allowed=("text", "due", "status")):
            c.text(g, "text", gp, required=True)
            c.date(g, "due", gp)
            c.enum(g, "status", gp, vocab.GOAL_STATUSES)
    for i, a in enumerate(c.list_of(j, "accommodations", path)):
        ap = f"{path}.accommodations[{i}]"
        if c.obj(a, ap, allowed=("category", "description", "until")):
            c.enum(a, "category", ap, vocab.ACCOMMODATION_CATEGORIES, required=True)
            c.text(a, "description", ap, required=True)
            c.date(a, "until", ap)
    c.number(j, "hours_now", path, 0, 80)
    c.number(j, "hours_target", path, 0, 80)
    for i, st in enumerate(c.list_of(j, "hours_steps", path)):
        sp = f"{path}.hours_steps[{i}]"
        if c.obj(st, sp, allowed=("from", "hours")):
            c.date(st, "from", sp, required=True)
            if st.get("hours") is None:
                c.err(f"{sp}.hours", "is required")
            c.number(st, "hours", sp, 0, 80)
    c.date(j, "updated_on", path)


def validate_participant(p: Any, path: str, today: dt.date) -> Errors:
    """Every rule of the participant file for one participant."""
    errors: Errors = []
    c = _Checker(errors)
    if not c.obj(p, path, allowed=PARTICIPANT_FIELDS):
        return errors
    c.text(p, "ref", path, required=True, max_len=64)
    c.text(p, "name", path, required=True, max_len=200)
    if p.get("cpr") is not None:
        if not isinstance(p["cpr"], str):
            c.err(f"{path}.cpr", f"{p['cpr']!r} is not text")
        else:
            try:
                cpr.parse(p["cpr"])
            except cpr.CprError as exc:
                c.err(f"{path}.cpr", str(exc))
    c.number(p, "birth_year", path, 1900, today.year, integer=True)
    c.text(p, "email", path, max_len=200)
    c.email(p, "email", path)
    c.text(p, "phone", path, max_len=50)
    cw = p.get("caseworker")
    if cw is not None and c.obj(cw, f"{path}.caseworker",
                                allowed=("name", "municipality", "email", "case_ref")):
        for key in ("name", "municipality", "email", "case_ref"):
            c.text(cw, key, f"{path}.caseworker", max_len=200)
        c.email(cw, "email", f"{path}.caseworker")
    referral = c.date(p, "referral_date", path)
    c.date(p, "course_start", path)
    c.enum(p, "status", path, vocab.PARTICIPANT_STATUSES)
    do = p.get("dropped_out")
    if do is not None and c.obj(do, f"{path}.dropped_out", allowed=("date", "reason")):
        c.date(do, "date", f"{path}.dropped_out", required=True)
        c.text(do, "reason", f"{path}.dropped_out")
    consent = p.get("consent")
    if consent is not None and c.obj(consent, f"{path}.consent",
                                     allowed=("given_on", "scope", "withdrawn_on")):
        cp = f"{path}.consent"
        given = c.date(consent, "given_on", cp)
        withdrawn = c.date(consent, "withdrawn_on", cp)
        for i, s in enumerate(c.list_of(consent, "scope", cp)):
            if s not in vocab.CONSENT_SCOPES:
                c.err(f"{cp}.scope[{i}]", f"{s!r} is not one of {', '.join(vocab.CONSENT_SCOPES)}")
        if given and withdrawn and withdrawn < given:
            c.err(f"{cp}.withdrawn_on", "is before the consent was given")
    first_screening: dt.date | None = None
    finals: list[tuple[int, dt.date]] = []
    earliest = referral
    for i, a in enumerate(c.list_of(p, "assessments", path)):
        ap = f"{path}.assessments[{i}]"
        day = validate_assessment(a, ap, today, c)
        if day is None:
            continue
        if earliest is not None and day < earliest:
            c.err(f"{ap}.date", f"{day.isoformat()} is before the referral date")
        if a.get("kind") == "screening" and (first_screening is None or day < first_screening):
            first_screening = day
        if a.get("kind") == "final":
            finals.append((i, day))
    if first_screening is not None:
        for i, day in finals:
            if day < first_screening:
                c.err(f"{path}.assessments[{i}].date", "a final assessment is before the screening")
    for i, s in enumerate(c.list_of(p, "sessions", path)):
        validate_session(s, f"{path}.sessions[{i}]", c)
    for i, g in enumerate(c.list_of(p, "group_attendance", path)):
        gp = f"{path}.group_attendance[{i}]"
        if c.obj(g, gp, allowed=("date", "present")):
            c.date(g, "date", gp, required=True)
            if not isinstance(g.get("present"), bool):
                c.err(f"{gp}.present", "must be true or false")
    if p.get("job_plan") is not None:
        validate_job_plan(p["job_plan"], f"{path}.job_plan", c)
    out = p.get("outcome")
    if out is not None and c.obj(out, f"{path}.outcome",
                                 allowed=("status", "hours_per_week", "date")):
        c.enum(out, "status", f"{path}.outcome", vocab.OUTCOME_STATUSES, required=True)
        c.number(out, "hours_per_week", f"{path}.outcome", 0, 80)
        c.date(out, "date", f"{path}.outcome")
    c.text(p, "report_summary", path)
    return errors
