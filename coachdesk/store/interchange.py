"""The participant file (docs/format.md): import all-or-nothing, export with computed fields.

One conversion each way between the interchange shape (plain dicts) and the models;
the GUI's forms produce the same dicts, so the importer's rules (core/records.py) are
the forms' rules.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, selectinload

from coachdesk import gc_policy
from coachdesk.core import course, cpr, instruments, plausibility, pss10, records
from coachdesk.core.problems import Problem
from coachdesk.errors import BadInput, FieldError
from coachdesk.store import audit
from coachdesk.store.models import (
    Assessment,
    Draft,
    GroupAttendance,
    JobPlanVersion,
    Participant,
    ReportFields,
    SessionLog,
    new_uid,
    utcnow,
)

FORMAT = "coachdesk.participants"
VERSION = 2  # 2: assessments[].instrument (1: every assessment is a PSS-10)
SUPPORTED_VERSIONS = (1, 2)
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
        "date": _iso(s.date),
        "start": s.start,
        "minutes": s.minutes,
        "mode": s.mode,
        "status": s.status,
        "week": s.week,
        "themes": list(s.themes or []),
        "notes": s.notes,
        "quotes": s.quotes,
        "actions": list(s.actions or []),
        "ratings": dict(s.ratings or {}),
        "next_appointment": s.next_appointment.isoformat(timespec="minutes")
        if s.next_appointment
        else None,
    }
    return {k: v for k, v in d.items() if v not in (None, {}, [])} | {"date": _iso(s.date)}


def assessment_to_dict(a: Assessment, computed: bool = True) -> dict[str, Any]:
    """kind, date, instrument, answers and, with ``computed``, the instrument's scores
    (its Instrument.export_keys, in order: PSS-10 total/prorated/band, WHO-5
    total/index/band, CBI total/personal/work/client, WAS total/band)."""
    d: dict[str, Any] = {
        "kind": a.kind,
        "date": _iso(a.date),
        "instrument": a.instrument or instruments.DEFAULT,
        "answers": list(a.answers),
    }
    if computed:
        inst = instruments.get(d["instrument"])
        fields = inst.scored(a.answers).fields
        d |= {k: fields.get(k) for k in inst.export_keys}
    return d


def participant_to_dict(
    p: Participant, *, today: dt.date, params: pss10.Params, computed: bool = True
) -> dict[str, Any]:
    d: dict[str, Any] = {"ref": p.ref, "name": p.name}
    optional: dict[str, Any] = {
        "cpr": p.cpr,
        "birth_year": p.birth_year,
        "email": p.email,
        "phone": p.phone,
        "referral_date": _iso(p.referral_date),
        "course_start": _iso(p.course_start),
        "status": p.status,
        "report_summary": p.report_summary,
    }
    cw = {
        "name": p.caseworker_name,
        "municipality": p.caseworker_municipality,
        "email": p.caseworker_email,
        "case_ref": p.case_ref,
    }
    if any(cw.values()):
        optional["caseworker"] = {k: v for k, v in cw.items() if v is not None}
    if p.dropout_date:
        optional["dropped_out"] = {"date": _iso(p.dropout_date), "reason": p.dropout_reason}
    if p.consent_given_on or p.consent_scope or p.consent_withdrawn_on:
        optional["consent"] = {
            "given_on": _iso(p.consent_given_on),
            "scope": list(p.consent_scope or []),
            "withdrawn_on": _iso(p.consent_withdrawn_on),
        }
    if p.assessments:
        optional["assessments"] = [assessment_to_dict(a, computed) for a in p.assessments]
    if p.sessions:
        optional["sessions"] = [session_to_dict(s) for s in p.sessions]
    if p.attendance:
        optional["group_attendance"] = [
            {"date": _iso(g.date), "present": g.present} | ({"excused": True} if g.excused else {})
            for g in p.attendance
        ]
    if p.job_plan is not None:
        optional["job_plan"] = job_plan_to_dict(p.job_plan)
    if p.outcome_status:
        optional["outcome"] = {
            "status": p.outcome_status,
            "hours_per_week": p.outcome_hours,
            "date": _iso(p.outcome_date),
        }
    if p.report_fields is not None:
        optional["report_fields"] = report_fields_to_dict(p.report_fields)
    d |= {k: v for k, v in optional.items() if v is not None}
    if computed:
        before, after = pss10.before_after(
            [(a.kind, a.date, a.answers) for a in p.assessments if a.instrument == "pss10"]
        )
        d["eligible"] = pss10.is_eligible(before.total if before else None, params)
        ch = pss10.change(before.total if before else None, after.total if after else None, params)
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
    q = (
        select(Participant)
        .options(
            selectinload(Participant.assessments),
            selectinload(Participant.sessions),
            selectinload(Participant.attendance),
            selectinload(Participant.job_plans),
        )
        .order_by(Participant.ref)
    )
    if refs is not None:
        q = q.where(Participant.ref.in_(refs))
    return list(session.execute(q).scalars())


def export_document(
    session: Session, refs: Sequence[str] | None, *, today: dt.date, params: pss10.Params
) -> dict[str, Any]:
    bad = [r for r in refs or () if records.has_surrogate(r)]
    if bad:
        raise BadInput("no_participant_ref", ref=", ".join(bad))
    people = load_participants(session, refs)
    if refs is not None:
        missing = sorted(set(refs) - {p.ref for p in people})
        if missing:
            raise BadInput("no_participant_ref", ref=", ".join(missing))
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
        "date": records.parse_date(s["date"]),
        "start": s.get("start"),
        "minutes": s.get("minutes"),
        "mode": s.get("mode") or "in_person",
        "status": s.get("status") or "held",
        "week": s.get("week"),
        "themes": list(s.get("themes") or []),
        "notes": s.get("notes"),
        "quotes": s.get("quotes"),
        "actions": list(s.get("actions") or []),
        "ratings": {k: v for k, v in (s.get("ratings") or {}).items() if v is not None},
        "next_appointment": records.parse_local_datetime(nxt) if nxt else None,
    }


def session_from_dict(s: dict[str, Any]) -> SessionLog:
    return SessionLog(**session_values(s))


def job_plan_values(j: dict[str, Any], version: int, today: dt.date) -> dict[str, Any]:
    return {
        "version": version,
        "values": list(j.get("values") or []),
        "direction": j.get("direction"),
        "goals": [
            {"text": g["text"], "due": g.get("due"), "status": g.get("status") or "open"}
            for g in j.get("goals") or []
        ],
        "accommodations": [
            {"category": a["category"], "description": a["description"], "until": a.get("until")}
            for a in j.get("accommodations") or []
        ],
        "hours_now": j.get("hours_now"),
        "hours_target": j.get("hours_target"),
        "hours_steps": [
            {"from": s["from"], "hours": s["hours"]} for s in j.get("hours_steps") or []
        ],
        "updated_on": records.opt_date(j.get("updated_on")) or today,
    }


def job_plan_from_dict(j: dict[str, Any], version: int, today: dt.date) -> JobPlanVersion:
    return JobPlanVersion(**job_plan_values(j, version, today))


def assessment_values(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": a["kind"],
        "date": records.parse_date(a["date"]),
        "instrument": a.get("instrument", instruments.DEFAULT),
        "answers": list(a["answers"]),
    }


def report_fields_to_dict(rf: ReportFields) -> dict[str, Any]:
    """The report's structured fields (docs/format.md), nulls left out."""
    out = {
        "work_capacity": rf.work_capacity,
        "normal_hours": rf.normal_hours,
        "hours_now": rf.hours_now,
        "step_plan": [dict(s) for s in rf.step_plan or []],
        "return_date": _iso(rf.return_date),
        "return_kind": rf.return_kind,
        "resources": rf.resources,
        "challenges": rf.challenges,
        "progression": rf.progression,
        "recommendation": rf.recommendation,
        "updated_on": _iso(rf.updated_on),
    }
    return {k: v for k, v in out.items() if v is not None and v != []}


def report_fields_values(rf: dict[str, Any]) -> dict[str, Any]:
    return {
        "work_capacity": rf.get("work_capacity"),
        "normal_hours": rf.get("normal_hours"),
        "hours_now": rf.get("hours_now"),
        "step_plan": [
            {"week": int(s["week"]), "hours": float(s["hours"])} for s in rf.get("step_plan") or []
        ],
        "return_date": records.opt_date(rf.get("return_date")),
        "return_kind": rf.get("return_kind"),
        "resources": rf.get("resources"),
        "challenges": rf.get("challenges"),
        "progression": rf.get("progression"),
        "recommendation": rf.get("recommendation"),
        "updated_on": records.opt_date(rf.get("updated_on")),
    }


def participant_from_dict(d: dict[str, Any], today: dt.date) -> Participant:
    p = Participant()
    apply_fields(p, d)
    p.assessments = [Assessment(**assessment_values(a)) for a in d.get("assessments") or []]
    p.sessions = [session_from_dict(s) for s in d.get("sessions") or []]
    p.attendance = [
        GroupAttendance(
            date=records.parse_date(g["date"]), present=g["present"], excused=bool(g.get("excused"))
        )
        for g in d.get("group_attendance") or []
    ]
    if d.get("job_plan") is not None:
        p.job_plans = [job_plan_from_dict(d["job_plan"], 1, today)]
    if d.get("report_fields") is not None:
        p.report_fields = ReportFields(**report_fields_values(d["report_fields"]))
    return p


@dataclass(frozen=True)
class ImportResult:
    added: int
    replaced: int


# --- reading the file ----------------------------------------------------------------
#
# The file is I-JSON (RFC 7493), checked while it is parsed: UTF-8; no name twice in one
# object (Python's json would silently keep the last value); no lone surrogates
# ("\\ud800" decodes to a str that UTF-8, and so the database, cannot store); numbers
# that fit an IEEE double (no NaN or Infinity, which are not JSON at all). Integers
# within +-2^53: an integer literal too long for Python (4,300 digits) is refused here,
# and every integer field has a range far below 2^53 (core/records.py), so no check
# per integer is needed while parsing (a call per integer cost a tenth of a big file's
# parse). A number with a zero fraction is that integer (1.0 is 1), as JSON Schema
# reads it. Nesting deeper than Python's recursion limit is refused too.

MAX_SAFE_INTEGER = 2**53


class _Refused(Problem):
    """A file that is JSON to Python's parser but not I-JSON: the code says why."""


def _clip(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _check_strings(value: Any) -> None:
    if isinstance(value, str):
        if records.has_surrogate(value):
            raise _Refused("import.lone_surrogate", text=repr(_clip(value)))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str | list):
                _check_strings(item)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused("import.duplicate_key", key=repr(_clip(key)))
            seen.add(key)
    return obj


def _object_checked(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = _object(pairs)
    for key, value in pairs:
        if not key.isascii():
            _check_strings(key)
        if isinstance(value, str | list):
            _check_strings(value)
    return obj


# A surrogate can only come from a \u escape (UTF-8 decoding refuses encoded ones): a
# file without "\uD800"-"\uDFFF" escapes (nearly every file) skips the per-string check.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _float(text: str) -> float | int:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Refused("import.number_too_large", number=_clip(text))
    if value.is_integer() and abs(value) <= MAX_SAFE_INTEGER:
        return int(value)
    return value


def _constant(text: str) -> Any:
    raise _Refused("import.not_a_number", text=text)


def parse_document(data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput("import.not_utf8") from None
    try:
        hook = _object_checked if _SURROGATE_ESCAPE.search(text) else _object
        doc = json.loads(text, object_pairs_hook=hook, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise BadInput("import.not_json", line=exc.lineno, column=exc.colno, why=exc.msg) from None
    except _Refused as exc:
        raise BadInput("import.refused", problem=exc) from None
    except RecursionError:
        raise BadInput("import.too_deep") from None
    except ValueError:
        # Python's int-str limit: an integer literal of more than 4,300 digits.
        raise BadInput("import.huge_integer") from None
    return cast(dict[str, Any], doc)


DOCUMENT_FIELDS = ("format", "version", "exported_at", "participants")


def validate_document(doc: Any, today: dt.date) -> list[FieldError]:
    errors: list[FieldError] = []
    if not isinstance(doc, dict):
        return [FieldError("$", "import.not_object")]
    for key in sorted(set(doc) - set(DOCUMENT_FIELDS)):
        errors.append(FieldError(key, "field.unknown"))
    if doc.get("format") != FORMAT:
        errors.append(
            FieldError(
                "format",
                "import.bad_format",
                {"want": repr(FORMAT), "value": records.show(doc.get("format"))},
            )
        )
    version = doc.get("version")
    if (
        isinstance(version, bool)
        or not isinstance(version, int)
        or version not in SUPPORTED_VERSIONS
    ):
        versions = ", ".join(map(str, SUPPORTED_VERSIONS))
        errors.append(
            FieldError(
                "version",
                "import.bad_version",
                {"value": records.show(version), "versions": versions},
            )
        )
    if "exported_at" in doc:
        try:
            records.parse_datetime_with_offset(doc["exported_at"])
        except Problem as exc:
            errors.append(FieldError("exported_at", exc.code, exc.params))
    people = doc.get("participants")
    if not isinstance(people, list):
        errors.append(FieldError("participants", "field.not_list"))
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
                other = f"participants[{seen[key]}]"
                errors.append(
                    FieldError(
                        f"{path}.ref",
                        "import.duplicate_ref",
                        {"value": records.show(key), "other": other},
                    )
                )
            else:
                seen[key] = i
    return errors


def import_document(
    session: Session,
    data: bytes | dict[str, Any],
    *,
    replace: bool = False,
    today: dt.date | None = None,
) -> ImportResult:
    """Validate the whole file, then write it in the caller's transaction, or raise BadInput.

    The caller commits; on BadInput nothing has been added to the session.
    """
    with gc_policy.paused():
        return _import(session, data, replace=replace, today=today or dt.date.today())


def _import(
    session: Session, data: bytes | dict[str, Any], *, replace: bool, today: dt.date
) -> ImportResult:
    doc = parse_document(data) if isinstance(data, bytes | bytearray) else data
    errors = validate_document(doc, today)
    existing: dict[str, tuple[int, str]] = {}  # ref -> (id, uid) of people already here
    if not errors:
        refs = [p["ref"].strip() for p in doc["participants"]]
        for chunk in range(0, len(refs), 500):
            rows = session.execute(
                select(Participant.ref, Participant.id, Participant.uid).where(
                    Participant.ref.in_(refs[chunk : chunk + 500])
                )
            ).all()
            existing |= {r: (i, u) for r, i, u in rows}
        if existing and not replace:
            for i, ref in enumerate(refs):
                if ref in existing:
                    errors.append(
                        FieldError(
                            f"participants[{i}].ref",
                            "import.ref_exists",
                            {"value": records.show(ref)},
                        )
                    )
    if errors:
        shown = errors[:MAX_REPORTED_ERRORS]
        more = len(errors) - len(shown)
        code = "import.errors_more" if more else "import.errors"
        raise BadInput(code, shown, count=len(errors), more=more)
    people = doc["participants"]
    new = [d for d in people if d["ref"].strip() not in existing]
    old = [d for d in people if d["ref"].strip() in existing]
    uids = _bulk_insert(session, new, today)
    replaced = _replace(session, old, existing, today)
    audit.record(session, "import", {"participants": len(people), "replaced": len(old)})
    audit.record_many(session, [("participant_created", {"via": "import"}, uid) for uid in uids])
    audit.record_many(
        session,
        [("participant_changed", {"via": "import", **detail}, uid) for uid, detail in replaced],
    )
    return ImportResult(added=len(new), replaced=len(old))


# --- the bulk write ------------------------------------------------------------------
#
# An import of thousands of people went through the ORM's unit of work: an instrumented
# object per row (about 40,000 for 2,000 people with 8 sessions), dependency sorting and
# a flush that synchronised every foreign key one object at a time - 14 s for the
# benchmark's 2,000-person file. The rows below are the same values (the same
# apply_fields / session_values / job_plan_values the forms use) written with Core
# executemany: one statement per table, the participants' new ids read back with
# RETURNING in parameter order (SQLAlchemy's insertmanyvalues).


def _own_fields(d: dict[str, Any]) -> dict[str, Any]:
    ns = SimpleNamespace()
    apply_fields(ns, d)
    return vars(ns)


def _bulk_insert(session: Session, people: list[dict[str, Any]], today: dt.date) -> list[str]:
    """Insert new participants and their child rows; returns their uids."""
    if not people:
        return []
    rows = [_own_fields(d) | {"uid": new_uid()} for d in people]
    pt = cast(Table, Participant.__table__)
    ids = (
        session.execute(insert(pt).returning(pt.c.id, sort_by_parameter_order=True), rows)
        .scalars()
        .all()
    )
    _insert_children(session, list(zip(ids, people, strict=True)), today)
    plans = [
        job_plan_values(d["job_plan"], 1, today) | {"participant_id": pid}
        for pid, d in zip(ids, people, strict=True)
        if d.get("job_plan") is not None
    ]
    if plans:
        session.execute(insert(cast(Table, JobPlanVersion.__table__)), plans)
    return [r["uid"] for r in rows]


def _insert_children(
    session: Session, pairs: list[tuple[int, dict[str, Any]]], today: dt.date
) -> None:
    """The collections a file holds whole: assessments, sessions, group attendance."""
    assessments: list[dict[str, Any]] = []
    sessions: list[dict[str, Any]] = []
    attendance: list[dict[str, Any]] = []
    fields: list[dict[str, Any]] = []
    for pid, d in pairs:
        for a in d.get("assessments") or []:
            assessments.append(assessment_values(a) | {"participant_id": pid})
        for s in d.get("sessions") or []:
            sessions.append(session_values(s) | {"participant_id": pid})
        for g in d.get("group_attendance") or []:
            attendance.append(
                {
                    "participant_id": pid,
                    "date": records.parse_date(g["date"]),
                    "present": g["present"],
                    "excused": bool(g.get("excused")),
                }
            )
        if d.get("report_fields") is not None:
            fields.append(report_fields_values(d["report_fields"]) | {"participant_id": pid})
    for model, values in (
        (Assessment, assessments),
        (SessionLog, sessions),
        (GroupAttendance, attendance),
        (ReportFields, fields),
    ):
        if values:
            session.execute(insert(cast(Table, model.__table__)), values)


# --- replacing people already in the vault ---------------------------------------------
#
# "Replace" used to delete the participant row and insert it again: ON DELETE CASCADE
# took the disclosure log (the record of what was given to whom, which must outlive any
# re-import) and every earlier job plan version with it. Now the row is updated in place
# (same id, same uid), only the collections a file holds whole are replaced, and the job
# plan in the file becomes the next version when it differs from the current one; a
# file without a job plan leaves the history as it is. Disclosures are never touched.

_PLAN_CONTENT = (
    "values",
    "direction",
    "goals",
    "accommodations",
    "hours_now",
    "hours_target",
    "hours_steps",
)


def _replace(
    session: Session,
    people: list[dict[str, Any]],
    existing: dict[str, tuple[int, str]],
    today: dt.date,
) -> list[tuple[str, Any]]:
    """Update replaced participants in place; returns (uid, audit detail) per person."""
    if not people:
        return []
    pt = cast(Table, Participant.__table__)
    now = utcnow()
    pairs: list[tuple[int, dict[str, Any]]] = []
    rows: list[dict[str, Any]] = []
    for d in people:
        pid, _uid = existing[d["ref"].strip()]
        pairs.append((pid, d))
        rows.append(_own_fields(d) | {"b_id": pid, "updated_at": now})
    session.execute(update(pt).where(pt.c.id == bindparam("b_id")), rows)
    ids = [pid for pid, _ in pairs]
    for model in (Assessment, SessionLog, GroupAttendance, Draft):
        table = cast(Table, model.__table__)
        for chunk in range(0, len(ids), 500):
            session.execute(
                delete(table).where(table.c.participant_id.in_(ids[chunk : chunk + 500]))
            )
    # The report fields are replaced only for those whose file holds them (one row each).
    rt = cast(Table, ReportFields.__table__)
    with_fields = [pid for pid, d in pairs if d.get("report_fields") is not None]
    for chunk in range(0, len(with_fields), 500):
        session.execute(delete(rt).where(rt.c.participant_id.in_(with_fields[chunk : chunk + 500])))
    _insert_children(session, pairs, today)
    current = _current_plans(session, ids)
    plans: list[dict[str, Any]] = []
    out: list[tuple[str, Any]] = []
    for pid, d in pairs:
        detail: dict[str, Any] = {}
        if d.get("job_plan") is not None:
            version, content = current.get(pid, (0, None))
            values = job_plan_values(d["job_plan"], version + 1, today)
            if content != {k: values[k] for k in _PLAN_CONTENT}:
                plans.append(values | {"participant_id": pid})
                detail["job_plan_version"] = version + 1
        out.append((existing[d["ref"].strip()][1], detail))
    if plans:
        session.execute(insert(cast(Table, JobPlanVersion.__table__)), plans)
    return out


def _current_plans(session: Session, ids: list[int]) -> dict[int, tuple[int, dict[str, Any]]]:
    """participant id -> (latest version number, its content) for those with a plan."""
    jt = cast(Table, JobPlanVersion.__table__)
    out: dict[int, tuple[int, dict[str, Any]]] = {}
    for chunk in range(0, len(ids), 500):
        rows = session.execute(
            select(jt)
            .where(jt.c.participant_id.in_(ids[chunk : chunk + 500]))
            .order_by(jt.c.participant_id, jt.c.version)
        ).mappings()
        for r in rows:
            out[r["participant_id"]] = (r["version"], {k: r[k] for k in _PLAN_CONTENT})
    return out
