"""The participant file (docs/format.md): import all-or-nothing, export with computed fields.

One conversion each way between the interchange shape (plain dicts) and the models;
the GUI's forms produce the same dicts, so the importer's rules (core/records.py) are
the forms' rules.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session, selectinload

from coachdesk import gc_policy
from coachdesk.core import course, cpr, plausibility, pss10, records
from coachdesk.errors import BadInput
from coachdesk.store import audit
from coachdesk.store.models import (
    Assessment,
    GroupAttendance,
    JobPlanVersion,
    Participant,
    SessionLog,
    new_uid,
)

FORMAT = "coachdesk.participants"
VERSION = 1
SUPPORTED_VERSIONS = (1,)
MAX_REPORTED_ERRORS = 200


def _iso(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def search_key(name: str, ref: str) -> str:
    return f"{name}\x1f{ref}".casefold()


# --- model -> dict -------------------------------------------------------------------


def job_plan_to_dict(j: JobPlanVersion) -> dict[str, Any]:
    return {
        "values": list(j.values or []),
        "direction": j.direction,
        "goals": [dict(g) for g in j.goals or []],
        "accommodations": [dict(a) for a in j.accommodations or []],
        "hours_now": j.hours_now,
        "hours_target": j.hours_target,
        "hours_steps": [dict(s) for s in j.hours_steps or []],
        "updated_on": _iso(j.updated_on),
    }


def session_to_dict(s: SessionLog) -> dict[str, Any]:
    d: dict[str, Any] = {
        "date": _iso(s.date), "start": s.start, "minutes": s.minutes, "mode": s.mode,
        "status": s.status, "week": s.week, "themes": list(s.themes or []),
        "notes": s.notes, "quotes": s.quotes, "actions": list(s.actions or []),
        "ratings": dict(s.ratings or {}),
        "next_appointment": s.next_appointment.isoformat(timespec="minutes")
        if s.next_appointment else None,
    }
    return {k: v for k, v in d.items() if v not in (None, {}, [])} | {"date": _iso(s.date)}


def assessment_to_dict(a: Assessment, computed: bool = True) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": a.kind, "date": _iso(a.date), "answers": list(a.answers)}
    if computed:
        sc = pss10.score(a.answers)
        d |= {"total": sc.total, "prorated": sc.prorated, "band": sc.band}
    return d


def participant_to_dict(p: Participant, *, today: dt.date, params: pss10.Params,
                        computed: bool = True) -> dict[str, Any]:
    d: dict[str, Any] = {"ref": p.ref, "name": p.name}
    optional: dict[str, Any] = {
        "cpr": p.cpr, "birth_year": p.birth_year, "email": p.email, "phone": p.phone,
        "referral_date": _iso(p.referral_date), "course_start": _iso(p.course_start),
        "status": p.status, "report_summary": p.report_summary,
    }
    cw = {"name": p.caseworker_name, "municipality": p.caseworker_municipality,
          "email": p.caseworker_email, "case_ref": p.case_ref}
    if any(cw.values()):
        optional["caseworker"] = {k: v for k, v in cw.items() if v is not None}
    if p.dropout_date:
        optional["dropped_out"] = {"date": _iso(p.dropout_date), "reason": p.dropout_reason}
    if p.consent_given_on or p.consent_scope or p.consent_withdrawn_on:
        optional["consent"] = {"given_on": _iso(p.consent_given_on),
                               "scope": list(p.consent_scope or []),
                               "withdrawn_on": _iso(p.consent_withdrawn_on)}
    if p.assessments:
        optional["assessments"] = [assessment_to_dict(a, computed) for a in p.assessments]
    if p.sessions:
        optional["sessions"] = [session_to_dict(s) for s in p.sessions]
    if p.attendance:
        optional["group_attendance"] = [{"date": _iso(g.date), "present": g.present}
                                        for g in p.attendance]
    if p.job_plan is not None:
        optional["job_plan"] = job_plan_to_dict(p.job_plan)
    if p.outcome_status:
        optional["outcome"] = {"status": p.outcome_status, "hours_per_week": p.outcome_hours,
                               "date": _iso(p.outcome_date)}
    d |= {k: v for k, v in optional.items() if v is not None}
    if computed:
        before, after = pss10.before_after([(a.kind, a.date, a.answers) for a in p.assessments])
        d["eligible"] = pss10.is_eligible(before.total if before else None, params)
        ch = pss10.change(before.total if before else None, after.total if after else None,
                          params)
        d["pss_change"] = ch.as_dict() if ch else None
        d["course_week"] = course.course_week(p.course_start, today)
    return d


def document(participants: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
        "participants": list(participants),
    }


def dumps(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def load_participants(session: Session, refs: Sequence[str] | None = None) -> list[Participant]:
    q = select(Participant).options(
        selectinload(Participant.assessments), selectinload(Participant.sessions),
        selectinload(Participant.attendance), selectinload(Participant.job_plans),
    ).order_by(Participant.ref)
    if refs is not None:
        q = q.where(Participant.ref.in_(refs))
    return list(session.execute(q).scalars())


def export_document(session: Session, refs: Sequence[str] | None, *, today: dt.date,
                    params: pss10.Params) -> dict[str, Any]:
    people = load_participants(session, refs)
    if refs is not None:
        missing = sorted(set(refs) - {p.ref for p in people})
        if missing:
            raise BadInput(f"No participant with ref {', '.join(missing)} in this vault.")
    return document(participant_to_dict(p, today=today, params=params) for p in people)


# --- dict -> model -------------------------------------------------------------------


def apply_fields(p: Participant | SimpleNamespace, d: dict[str, Any]) -> None:
    """Set a participant's own fields (not its child rows) from a validated record."""
    p.ref = d["ref"].strip()
    p.name = d["name"].strip()
    p.search_key = search_key(p.name, p.ref)
    p.cpr = cpr.normalise(d["cpr"]) if d.get("cpr") else None
    p.birth_year = d.get("birth_year")
    if p.birth_year is None and p.cpr:
        p.birth_year = cpr.parse(p.cpr)[1].year
    p.email = d.get("email")
    p.phone = d.get("phone")
    cw = d.get("caseworker") or {}
    p.caseworker_name = cw.get("name")
    p.caseworker_municipality = cw.get("municipality")
    p.caseworker_email = cw.get("email")
    p.case_ref = cw.get("case_ref")
    p.referral_date = records.opt_date(d.get("referral_date"))
    p.course_start = records.opt_date(d.get("course_start"))
    p.status = d.get("status") or "referred"
    do = d.get("dropped_out") or {}
    p.dropout_date = records.opt_date(do.get("date"))
    p.dropout_reason = do.get("reason")
    consent = d.get("consent") or {}
    p.consent_given_on = records.opt_date(consent.get("given_on"))
    p.consent_scope = list(consent.get("scope") or [])
    p.consent_withdrawn_on = records.opt_date(consent.get("withdrawn_on"))
    out = d.get("outcome") or {}
    p.outcome_status = out.get("status")
    p.outcome_hours = out.get("hours_per_week")
    p.outcome_date = records.opt_date(out.get("date"))
    p.report_summary = d.get("report_summary")


def session_values(s: dict[str, Any]) -> dict[str, Any]:
    """A validated session record as column values (shared by the form and the bulk import)."""
    nxt = s.get("next_appointment")
    return {
        "date": records.parse_date(s["date"]), "start": s.get("start"),
        "minutes": s.get("minutes"), "mode": s.get("mode") or "in_person",
        "status": s.get("status") or "held", "week": s.get("week"),
        "themes": list(s.get("themes") or []), "notes": s.get("notes"),
        "quotes": s.get("quotes"), "actions": list(s.get("actions") or []),
        "ratings": {k: v for k, v in (s.get("ratings") or {}).items() if v is not None},
        "next_appointment": dt.datetime.fromisoformat(nxt) if nxt else None,
    }


def session_from_dict(s: dict[str, Any]) -> SessionLog:
    return SessionLog(**session_values(s))


def job_plan_values(j: dict[str, Any], version: int, today: dt.date) -> dict[str, Any]:
    return {
        "version": version, "values": list(j.get("values") or []),
        "direction": j.get("direction"),
        "goals": [{"text": g["text"], "due": g.get("due"), "status": g.get("status") or "open"}
                  for g in j.get("goals") or []],
        "accommodations": [{"category": a["category"], "description": a["description"],
                            "until": a.get("until")} for a in j.get("accommodations") or []],
        "hours_now": j.get("hours_now"), "hours_target": j.get("hours_target"),
        "hours_steps": [{"from": s["from"], "hours": s["hours"]}
                        for s in j.get("hours_steps") or []],
        "updated_on": records.opt_date(j.get("updated_on")) or today,
    }


def job_plan_from_dict(j: dict[str, Any], version: int, today: dt.date) -> JobPlanVersion:
    return JobPlanVersion(**job_plan_values(j, version, today))


def assessment_values(a: dict[str, Any]) -> dict[str, Any]:
    return {"kind": a["kind"], "date": records.parse_date(a["date"]),
            "answers": list(a["answers"])}


def participant_from_dict(d: dict[str, Any], today: dt.date) -> Participant:
    p = Participant()
    apply_fields(p, d)
    p.assessments = [Assessment(**assessment_values(a)) for a in d.get("assessments") or []]
    p.sessions = [session_from_dict(s) for s in d.get("sessions") or []]
    p.attendance = [GroupAttendance(date=records.parse_date(g["date"]), present=g["present"])
                    for g in d.get("group_attendance") or []]
    if d.get("job_plan") is not None:
        p.job_plans = [job_plan_from_dict(d["job_plan"], 1, today)]
    return p


@dataclass(frozen=True)
class ImportResult:
    added: int
    replaced: int


def parse_document(data: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BadInput("The file is not UTF-8 text; a participant file is UTF-8 JSON.") from None
    except json.JSONDecodeError as exc:
        raise BadInput(
            f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    return doc


def validate_document(doc: Any, today: dt.date) -> list[str]:
    errors: list[str] = []
    if not isinstance(doc, dict):
        return ["$: the file must hold a JSON object"]
    if doc.get("format") != FORMAT:
        errors.append(f"format: must be {FORMAT!r}, not {doc.get('format')!r}")
    if doc.get("version") not in SUPPORTED_VERSIONS:
        errors.append(f"version: {doc.get('version')!r} is not a version this CoachDesk reads "
                      f"({', '.join(map(str, SUPPORTED_VERSIONS))})")
    people = doc.get("participants")
    if not isinstance(people, list):
        errors.append("participants: must be a list")
        return errors
    seen: dict[str, int] = {}
    for i, p in enumerate(people):
        path = f"participants[{i}]"
        errors += records.validate_participant(p, path, today)
        errors += plausibility.record_errors(p, path, today)  # issue 14: impossible dates
        ref = p.get("ref") if isinstance(p, dict) else None
        if isinstance(ref, str):
            key = ref.strip()
            if key in seen:
                errors.append(f"{path}.ref: {key!r} is also participants[{seen[key]}]'s ref")
            else:
                seen[key] = i
    return errors


def import_document(session: Session, data: bytes | dict[str, Any], *, replace: bool = False,
                    today: dt.date | None = None) -> ImportResult:
    """Validate the whole file, then write it in the caller's transaction, or raise BadInput.

    The caller commits; on BadInput nothing has been added to the session.
    """
    with gc_policy.paused():
        return _import(session, data, replace=replace, today=today or dt.date.today())


def _import(session: Session, data: bytes | dict[str, Any], *, replace: bool,
            today: dt.date) -> ImportResult:
    doc = parse_document(data) if isinstance(data, bytes | bytearray) else data
    errors = validate_document(doc, today)
    if not errors:
        refs = [p["ref"].strip() for p in doc["participants"]]
        existing: dict[str, str] = {}
        for chunk in range(0, len(refs), 500):
            rows = session.execute(
                select(Participant.ref, Participant.uid).where(
                    Participant.ref.in_(refs[chunk : chunk + 500]))
            ).all()
            existing |= {r: u for r, u in rows}
        if existing and not replace:
            for i, ref in enumerate(refs):
                if ref in existing:
                    errors.append(f"participants[{i}].ref: {ref!r} is already in the vault "
                                  "(import with --replace to overwrite it)")
    if errors:
        shown = errors[:MAX_REPORTED_ERRORS]
        more = len(errors) - len(shown)
        raise BadInput(
            f"The file was not imported: {len(errors)} error(s). Nothing was changed."
            + (f" ({more} more not shown.)" if more else ""),
            shown,
        )
    if existing:
        session.execute(delete(Participant).where(Participant.ref.in_(list(existing))))
        session.flush()
    uids = _bulk_insert(session, doc["participants"], existing, today)
    audit.record(session, "import", {"participants": len(uids), "replaced": len(existing)})
    audit.record_many(session, [("participant_created", {"via": "import"}, uid)
                                for uid in uids])
    return ImportResult(added=len(uids) - len(existing), replaced=len(existing))


# --- the bulk write ------------------------------------------------------------------
#
# An import of thousands of people went through the ORM's unit of work: an instrumented
# object per row (about 40,000 for 2,000 people with 8 sessions), dependency sorting and
# a flush that synchronised every foreign key one object at a time - 14 s for the
# benchmark's 2,000-person file. The rows below are the same values (the same
# apply_fields / session_values / job_plan_values the forms use) written with Core
# executemany: one statement per table, the participants' new ids read back with
# RETURNING in parameter order (SQLAlchemy's insertmanyvalues).


def _bulk_insert(session: Session, people: list[dict[str, Any]], existing: dict[str, str],
                 today: dt.date) -> list[str]:
    """Insert validated participant records and their child rows; returns their uids."""
    rows: list[dict[str, Any]] = []
    for d in people:
        ns = SimpleNamespace()
        apply_fields(ns, d)
        row = vars(ns)
        # Keep a replaced person's uid so their audit trail continues.
        row["uid"] = existing.get(row["ref"]) or new_uid()
        rows.append(row)
    if not rows:
        return []
    pt = cast(Table, Participant.__table__)
    ids = session.execute(
        insert(pt).returning(pt.c.id, sort_by_parameter_order=True), rows
    ).scalars().all()
    assessments: list[dict[str, Any]] = []
    sessions: list[dict[str, Any]] = []
    attendance: list[dict[str, Any]] = []
    plans: list[dict[str, Any]] = []
    for pid, d in zip(ids, people, strict=True):
        for a in d.get("assessments") or []:
            assessments.append(assessment_values(a) | {"participant_id": pid})
        for s in d.get("sessions") or []:
            sessions.append(session_values(s) | {"participant_id": pid})
        for g in d.get("group_attendance") or []:
            attendance.append({"participant_id": pid, "date": records.parse_date(g["date"]),
                               "present": g["present"]})
        if d.get("job_plan") is not None:
            plans.append(job_plan_values(d["job_plan"], 1, today) | {"participant_id": pid})
    for model, values in ((Assessment, assessments), (SessionLog, sessions),
                          (GroupAttendance, attendance), (JobPlanVersion, plans)):
        if values:
            session.execute(insert(cast(Table, model.__table__)), values)
    return [r["uid"] for r in rows]
