"""The report's structured fields (models.ReportFields): read, save, audited.

The coach's wording for the headings a municipal caseworker acts on; each is optional
and printed only when the coach chose its section (reports/content.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from coachdesk.core import return_plan
from coachdesk.errors import BadInput, FieldError
from coachdesk.store import audit
from coachdesk.store.models import Participant, ReportFields

TEXT_FIELDS = ("work_capacity", "resources", "challenges", "progression", "recommendation")
FIELDS = (*TEXT_FIELDS, "normal_hours", "hours_now", "step_plan", "return_date", "return_kind")
MAX_TEXT = 20_000  # records.MAX_LEN["report_fields.*"]


def get(session: Session, participant_id: int) -> ReportFields | None:
    p = session.get(Participant, participant_id)
    return p.report_fields if p is not None else None


def as_dict(rf: ReportFields | None) -> dict[str, Any]:
    """The fields as plain values (the editor's and the participant file's shape)."""
    out: dict[str, Any] = {name: getattr(rf, name) if rf else None for name in FIELDS}
    out["step_plan"] = [dict(s) for s in (rf.step_plan if rf else []) or []]
    return out


def record_of(session: Session, participant_id: int) -> dict[str, Any]:
    """``as_dict`` of the participant's report fields (empty ones when none are saved)."""
    return as_dict(get(session, participant_id))


def _hours(value: Any, name: str, problems: list[FieldError]) -> float | None:
    """``name`` is "normal_hours" or "hours_now": each has its own sentence."""
    if value is None or value == "":
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        problems.append(FieldError(name, f"report_fields.{name}_not_number"))
        return None
    if not 0 <= x <= return_plan.MAX_HOURS:
        problems.append(
            FieldError(name, f"report_fields.{name}_range", {"max": f"{return_plan.MAX_HOURS:g}"})
        )
        return None
    return x


def check(values: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise; raises BadInput with every problem, changing nothing."""
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise BadInput("report_fields.unknown", value=", ".join(unknown))
    out: dict[str, Any] = {}
    problems: list[FieldError] = []
    for name in TEXT_FIELDS:
        text = values.get(name)
        text = text.strip() if isinstance(text, str) else None
        if text and len(text) > MAX_TEXT:
            problems.append(FieldError(name, "report_fields.text_too_long", {"max": MAX_TEXT}))
        out[name] = text or None
    out["normal_hours"] = _hours(values.get("normal_hours"), "normal_hours", problems)
    out["hours_now"] = _hours(values.get("hours_now"), "hours_now", problems)
    steps, step_problems = return_plan.parse_steps(values.get("step_plan") or [])
    problems += step_problems
    out["step_plan"] = [{"week": s.week, "hours": s.hours} for s in steps]
    kind = values.get("return_kind") or None
    if kind is not None and kind not in return_plan.RETURN_KINDS:
        problems.append(FieldError("return_kind", "report_fields.bad_return_kind"))
    out["return_kind"] = kind
    date = values.get("return_date")
    if isinstance(date, str) and date:
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            problems.append(FieldError("return_date", "report_fields.bad_return_date"))
            date = None
    out["return_date"] = date or None
    if problems:  # the message is the first problem; errors lists them all
        raise BadInput(problems[0].code, problems, field=problems[0].path, **problems[0].params)
    return out


def save(
    session: Session, participant_id: int, values: dict[str, Any], today: dt.date | None = None
) -> ReportFields:
    """Store the coach's fields (all of them, as given); audited by field name only."""
    clean = check(values)
    p = session.get(Participant, participant_id)
    if p is None:
        raise BadInput("participant_gone_that")
    rf = p.report_fields
    before = as_dict(rf)
    if rf is None:
        rf = ReportFields(participant_id=participant_id, step_plan=[])
        p.report_fields = rf
    for name, value in clean.items():
        setattr(rf, name, value)
    changed = [n for n in FIELDS if before[n] != clean[n]]
    if changed:
        rf.updated_on = today or dt.date.today()
        # Which fields, never their text (the audit log holds no health data).
        audit.record(session, "participant_changed", {"fields": changed}, subject=p.uid)
    session.flush()
    return rf
