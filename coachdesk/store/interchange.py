"""The participant file (docs/format.md): import all-or-nothing, export with computed fields.

One conversion each way between the interchange shape (plain dicts) and the models;
the GUI's forms produce the same dicts, so the importer's rules (core/records.py) are
the forms' rules.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, BinaryIO, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from coachdesk import gc_policy
from coachdesk.core import course, cpr, instruments, plausibility, pss10, records
from coachdesk.core.problems import Problem
from coachdesk.errors import BadInput, FieldError
from coachdesk.store import audit, bulkwrite, jsonindent
from coachdesk.store.caseload import search_key
from coachdesk.store.models import (
    Assessment,
    Draft,
    GroupAttendance,
    JobPlanVersion,
    Participant,
    ReportFields,
    SessionLog,
    new_uid,
    stored_score,
    utcnow,
)

FORMAT = "coachdesk.participants"
VERSION = 2  # 2: assessments[].instrument (1: every assessment is a PSS-10)
SUPPORTED_VERSIONS = (1, 2)
MAX_REPORTED_ERRORS = 200


def _iso(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


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
        "exported_at": exported_at(),
        "participants": list(participants),
    }


def exported_at() -> str:
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


def dumps(doc: dict[str, Any]) -> bytes:
    """The file's bytes: json.dumps(doc, ensure_ascii=False, indent=2) and a newline,
    written by the C encoder (store/jsonindent.py)."""
    return jsonindent.dumps(doc).encode("utf-8") + b"\n"


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
    """The whole document in memory (a handover file, a test); ``write_export`` streams."""
    return document(iter_participants(session, refs, today=today, params=params))


# --- the streaming export (issue 19) ---------------------------------------------------
#
# An export of the whole vault built every participant as ORM objects with their
# collections (selectinload), 10,000 people at once: 40 % of the time and most of the
# memory went to the objects and to the garbage collector walking them. Now the rows
# are read with plain SELECTs on the session's own connection (its transaction, its
# snapshot), a slice of participants at a time (keyset pages by ref, the export's
# order), each slice's child rows by participant id, and each person is turned into
# the same record participant_to_dict makes (tests/test_export_stream.py compares the
# bytes with the ORM path) and written before the next slice is read. Memory holds
# one slice. The values are the stored ones, converted as the column types convert
# them: JSON text decoded, booleans from 0/1, dates kept as the ISO text SQLAlchemy
# stores (the record writes exactly that text).

EXPORT_SLICE = 200

_P_COLS = (
    "id, uid, ref, name, cpr, birth_year, email, phone, caseworker_name, "
    "caseworker_municipality, caseworker_email, case_ref, referral_date, course_start, "
    "status, dropout_date, dropout_reason, consent_given_on, consent_scope, "
    "consent_withdrawn_on, outcome_status, outcome_hours, outcome_date, report_summary"
)
_CHILD_SQL = {
    "assessments": "SELECT participant_id, kind, date, instrument, answers FROM assessment "
    "WHERE participant_id IN ({}) ORDER BY participant_id, date, id",
    "sessions": "SELECT participant_id, date, start, minutes, mode, status, week, themes, "
    "notes, quotes, actions, ratings, next_appointment FROM session_log "
    "WHERE participant_id IN ({}) ORDER BY participant_id, date, id",
    "attendance": "SELECT participant_id, date, present, excused FROM group_attendance "
    "WHERE participant_id IN ({}) ORDER BY participant_id, date, id",
    # Only the latest version of each job plan is exported.
    "job_plan": 'SELECT participant_id, "values", direction, goals, accommodations, '
    "hours_now, hours_target, hours_steps, updated_on FROM job_plan_version j "
    "WHERE participant_id IN ({}) AND version = (SELECT max(version) FROM "
    "job_plan_version k WHERE k.participant_id = j.participant_id) "
    "ORDER BY participant_id, id",
    "report_fields": "SELECT participant_id, work_capacity, normal_hours, hours_now, "
    "step_plan, return_date, return_kind, resources, challenges, progression, "
    "recommendation, updated_on FROM report_fields WHERE participant_id IN ({}) "
    "ORDER BY participant_id, id",
}


def _raw(session: Session) -> Any:
    """The DB-API connection under the session's transaction (reads see its writes)."""
    return session.connection().connection.dbapi_connection


# The JSON columns of each child query (positions in its SELECT list): a slice's JSON
# texts are decoded by one json.loads of them all (a call per value was a third of the
# export's reading).
_JSON_COLS = {
    "assessments": (4,),
    "sessions": (7, 10, 11),
    "attendance": (),
    "job_plan": (1, 3, 4, 7),
    "report_fields": (4,),
}


def _decoded(rows: list[tuple[Any, ...]], cols: tuple[int, ...]) -> list[tuple[Any, ...]]:
    """The rows with their JSON columns decoded (as SQLAlchemy's JSON type reads them)."""
    if not cols or not rows:
        return rows
    texts = [r[i] if r[i] is not None else "null" for r in rows for i in cols]
    values = iter(json.loads("[" + ",".join(texts) + "]"))
    out = []
    for r in rows:
        row = list(r)
        for i in cols:
            row[i] = next(values)
        out.append(tuple(row))
    return out


def _slice_children(cur: Any, ids: list[int]) -> dict[str, dict[int, list[tuple[Any, ...]]]]:
    marks = ",".join("?" * len(ids))
    out: dict[str, dict[int, list[tuple[Any, ...]]]] = {}
    for name, sql in _CHILD_SQL.items():
        by: dict[int, list[tuple[Any, ...]]] = {}
        rows = _decoded(cur.execute(sql.format(marks), ids).fetchall(), _JSON_COLS[name])
        for row in rows:
            by.setdefault(row[0], []).append(row)
        out[name] = by
    return out


def _participants(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return _decoded(rows, (18,))  # consent_scope


@dataclass
class _Person:
    """One exported participant: its record and who it is (for the disclosure)."""

    id: int
    uid: str
    ref: str
    record: dict[str, Any]


def _assessment(r: tuple[Any, ...], answers: Any, computed: bool) -> dict[str, Any]:
    _pid, kind, date, instrument, _answers = r
    instrument = instrument or instruments.DEFAULT
    d: dict[str, Any] = {
        "kind": kind,
        "date": date,
        "instrument": instrument,
        "answers": list(answers),
    }
    if computed:
        inst = instruments.get(instrument)
        fields = inst.scored(answers).fields
        d |= {k: fields.get(k) for k in inst.export_keys}
    return d


def _session(r: tuple[Any, ...]) -> dict[str, Any]:
    """session_to_dict of a stored row: None, [] and {} left out, the date first."""
    _pid, date, start, minutes, mode, status, week, themes, notes, quotes, actions, ratings, nxt = r
    d: dict[str, Any] = {"date": date}
    if start is not None:
        d["start"] = start
    if minutes is not None:
        d["minutes"] = minutes
    if mode is not None:
        d["mode"] = mode
    if status is not None:
        d["status"] = status
    if week is not None:
        d["week"] = week
    themes = list(themes or [])
    if themes:
        d["themes"] = themes
    if notes is not None:
        d["notes"] = notes
    if quotes is not None:
        d["quotes"] = quotes
    actions = list(actions or [])
    if actions:
        d["actions"] = actions
    ratings = dict(ratings or {})
    if ratings:
        d["ratings"] = ratings
    if nxt is not None:
        d["next_appointment"] = dt.datetime.fromisoformat(nxt).isoformat(timespec="minutes")
    return d


def _job_plan(r: tuple[Any, ...]) -> dict[str, Any]:
    _pid, values, direction, goals, accommodations, now, target, steps, updated_on = r
    return {
        "values": list(values or []),
        "direction": direction,
        "goals": [dict(g) for g in goals or []],
        "accommodations": [dict(a) for a in accommodations or []],
        "hours_now": now,
        "hours_target": target,
        "hours_steps": [dict(s) for s in steps or []],
        "updated_on": updated_on,
    }


def _report_fields(r: tuple[Any, ...]) -> dict[str, Any]:
    out = {
        "work_capacity": r[1],
        "normal_hours": r[2],
        "hours_now": r[3],
        "step_plan": [dict(s) for s in r[4] or []],
        "return_date": r[5],
        "return_kind": r[6],
        "resources": r[7],
        "challenges": r[8],
        "progression": r[9],
        "recommendation": r[10],
        "updated_on": r[11],
    }
    return {k: v for k, v in out.items() if v is not None and v != []}


def _record(
    p: tuple[Any, ...],
    kids: dict[str, dict[int, list[tuple[Any, ...]]]],
    today: dt.date,
    params: pss10.Params,
) -> dict[str, Any]:
    """participant_to_dict (computed) of a stored participant row and its child rows."""
    (pid, _uid, ref, name, cpr_, birth_year, email, phone, cw_name, cw_mun, cw_email, case_ref,
     referral_date, course_start, status, dropout_date, dropout_reason, consent_given_on,
     consent_scope, consent_withdrawn_on, outcome_status, outcome_hours, outcome_date,
     report_summary) = p  # fmt: skip
    d: dict[str, Any] = {"ref": ref, "name": name}
    for key, value in (
        ("cpr", cpr_),
        ("birth_year", birth_year),
        ("email", email),
        ("phone", phone),
        ("referral_date", referral_date),
        ("course_start", course_start),
        ("status", status),
        ("report_summary", report_summary),
    ):
        if value is not None:
            d[key] = value
    cw = {"name": cw_name, "municipality": cw_mun, "email": cw_email, "case_ref": case_ref}
    if any(cw.values()):
        d["caseworker"] = {k: v for k, v in cw.items() if v is not None}
    if dropout_date:
        d["dropped_out"] = {"date": dropout_date, "reason": dropout_reason}
    scope = consent_scope
    if consent_given_on or scope or consent_withdrawn_on:
        d["consent"] = {
            "given_on": consent_given_on,
            "scope": list(scope or []),
            "withdrawn_on": consent_withdrawn_on,
        }
    assessments = [(a, a[4]) for a in kids["assessments"].get(pid, ())]
    if assessments:
        d["assessments"] = [_assessment(a, answers, True) for a, answers in assessments]
    sessions = kids["sessions"].get(pid)
    if sessions:
        d["sessions"] = [_session(r) for r in sessions]
    attendance = kids["attendance"].get(pid)
    if attendance:
        d["group_attendance"] = [
            {"date": g[1], "present": None if g[2] is None else bool(g[2])}
            | ({"excused": True} if g[3] else {})
            for g in attendance
        ]
    plan = kids["job_plan"].get(pid)
    if plan:
        d["job_plan"] = _job_plan(plan[-1])
    if outcome_status:
        d["outcome"] = {
            "status": outcome_status,
            "hours_per_week": outcome_hours,
            "date": outcome_date,
        }
    fields = kids["report_fields"].get(pid)
    if fields:
        d["report_fields"] = _report_fields(fields[0])
    # Totals only (the same rules as score(), without building each Score again).
    before, after = pss10.before_after_totals(
        [(a[1], a[2], answers) for a, answers in assessments if a[3] == "pss10"]
    )
    d["eligible"] = pss10.is_eligible(before, params)
    ch = pss10.change(before, after, params)
    d["pss_change"] = ch.as_dict() if ch else None
    start = dt.date.fromisoformat(course_start) if course_start else None
    d["course_week"] = course.course_week(start, today)
    return d


def _check_refs(session: Session, refs: Sequence[str]) -> list[str]:
    """The refs, sorted, after checking that each names a participant here."""
    bad = [r for r in refs if records.has_surrogate(r)]
    if bad:
        raise BadInput("no_participant_ref", ref=", ".join(bad))
    wanted = sorted(set(refs))
    found: set[str] = set()
    pt = cast(Table, Participant.__table__)
    for i in range(0, len(wanted), 500):
        found.update(
            session.execute(select(pt.c.ref).where(pt.c.ref.in_(wanted[i : i + 500]))).scalars()
        )
    missing = [r for r in wanted if r not in found]
    if missing:
        raise BadInput("no_participant_ref", ref=", ".join(missing))
    return wanted


def _slices(session: Session, refs: Sequence[str] | None, size: int) -> Iterator[list[Any]]:
    """Participant rows in ref order, a slice at a time (refs checked first)."""
    cur = _raw(session).cursor()
    if refs is not None:
        wanted = _check_refs(session, refs)
        for i in range(0, len(wanted), size):
            part = wanted[i : i + size]
            yield cur.execute(
                f"SELECT {_P_COLS} FROM participant WHERE ref IN ({','.join('?' * len(part))}) "
                "ORDER BY ref",
                part,
            ).fetchall()
        return
    rows = cur.execute(f"SELECT {_P_COLS} FROM participant ORDER BY ref LIMIT ?", (size,))
    rows = rows.fetchall()
    while rows:
        yield rows
        rows = cur.execute(
            f"SELECT {_P_COLS} FROM participant WHERE ref > ? ORDER BY ref LIMIT ?",
            (rows[-1][2], size),
        ).fetchall()


def iter_people(
    session: Session,
    refs: Sequence[str] | None,
    *,
    today: dt.date,
    params: pss10.Params,
    slice_size: int | None = None,
) -> Iterator[_Person]:
    """The export's participants in ref order, one slice in memory at a time (BadInput
    first if a ref names nobody)."""
    session.flush()  # the plain reads below must see what the session holds
    cur = _raw(session).cursor()
    for rows in _slices(session, refs, slice_size or EXPORT_SLICE):
        rows = _participants(rows)
        kids = _slice_children(cur, [r[0] for r in rows])
        for r in rows:
            yield _Person(r[0], r[1], r[2], _record(r, kids, today, params))


def iter_participants(
    session: Session, refs: Sequence[str] | None, *, today: dt.date, params: pss10.Params
) -> Iterator[dict[str, Any]]:
    """The export's records, one at a time (the checks on ``refs`` run before the first)."""
    people = iter_people(session, refs, today=today, params=params)
    first = next(people, None)  # runs the ref checks now, not at the caller's first step
    return _records(first, people)


def _records(first: _Person | None, rest: Iterator[_Person]) -> Iterator[dict[str, Any]]:
    if first is None:
        return
    yield first.record
    for p in rest:
        yield p.record


@dataclass(frozen=True)
class Exported:
    """Who went into a written export: (participant id, uid) in file order."""

    people: list[tuple[int, str]]


def write_export(
    write: Callable[[bytes], Any],
    session: Session,
    refs: Sequence[str] | None,
    *,
    today: dt.date,
    params: pss10.Params,
) -> Exported:
    """Write the participant file through ``write``, person by person.

    The bytes are exactly ``dumps(export_document(...))`` (one ``exported_at`` taken
    at the start): the document's head, then each participant encoded at the
    indentation it has inside the list, then the tail.
    """
    exported: list[tuple[int, str]] = []
    people = iter_people(session, refs, today=today, params=params)
    p = next(people, None)  # BadInput for an unknown ref before anything is written
    head = {"format": FORMAT, "version": VERSION, "exported_at": exported_at()}
    text = jsonindent.dumps(head)
    if p is None:
        write((text[:-2] + ',\n  "participants": []\n}\n').encode("utf-8"))
        return Exported(exported)
    write((text[:-2] + ',\n  "participants": [\n    ').encode("utf-8"))
    buf: list[str] = []
    size = 0
    while p is not None:
        exported.append((p.id, p.uid))
        piece = jsonindent.dumps(p.record, "    ")
        buf.append(piece)
        size += len(piece)
        p = next(people, None)
        if p is not None:
            buf.append(",\n    ")
        if size >= 1 << 20 or p is None:  # write about a megabyte at a time
            write("".join(buf).encode("utf-8"))
            buf, size = [], 0
    write(b"\n  ]\n}\n")
    return Exported(exported)


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
    iid = a.get("instrument", instruments.DEFAULT)
    answers = list(a["answers"])
    return {
        "kind": a["kind"],
        "date": records.parse_date(a["date"]),
        "instrument": iid,
        "answers": answers,
        # The stored score by its one rule (models.stored_score): the bulk writer
        # (store/bulkwrite.py) bypasses SQLAlchemy's column defaults.
        "score": stored_score(iid, answers),
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


def decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput("import.not_utf8") from None


@contextlib.contextmanager
def _json_errors() -> Iterator[None]:
    """The parser's refusals as one sentence each (the same for the whole-file parse
    and the streaming one)."""
    try:
        yield
    except json.JSONDecodeError as exc:
        raise BadInput("import.not_json", line=exc.lineno, column=exc.colno, why=exc.msg) from None
    except _Refused as exc:
        raise BadInput("import.refused", problem=exc) from None
    except RecursionError:
        raise BadInput("import.too_deep") from None
    except ValueError:
        # Python's int-str limit: an integer literal of more than 4,300 digits.
        raise BadInput("import.huge_integer") from None


def _decoder(text: str) -> json.JSONDecoder:
    hook = _object_checked if _SURROGATE_ESCAPE.search(text) else _object
    return json.JSONDecoder(object_pairs_hook=hook, parse_float=_float, parse_constant=_constant)


def parse_text(text: str) -> dict[str, Any]:
    with _json_errors():
        doc = _decoder(text).decode(text)
    return cast(dict[str, Any], doc)


def parse_document(data: bytes) -> dict[str, Any]:
    return parse_text(decode_text(data))


# --- reading a big file a participant at a time, in a window (issue 19) ----------------
#
# json.loads of a 10,000-person file holds the whole document as Python objects (about
# 190 MB for 78 MB of JSON), and even its text is 148 MB as one str (a single character
# above U+00FF makes CPython store every character in 2 bytes). The streaming reader
# walks the top level itself and decodes one participant at a time with the same
# decoder (the same hooks: I-JSON, limits) from a window of the file's text: the bytes
# are read a chunk at a time and decoded by an incremental UTF-8 decoder (which never
# splits a character), the part already read is dropped when the next chunk comes, and
# an element cut off at the window's end is decoded again once the window has grown.
# An error's position (line and column) is counted over the whole file, so a refusal
# reads as the whole-file parse's. It reads only the shape every export has: one
# object, its names once each and all known, "participants" a list. Anything else (a
# duplicate or unknown name, trailing data, a participants that is no list) is left to
# the whole-file parse, whose refusal is the one the file has always had.

_WS = re.compile(r"[ \t\n\r]*")
_SURROGATE_ESCAPE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")
READ_CHUNK = 1 << 20  # bytes read at a time (the window grows by at least this much)
# Where a value cut off by the window's end can make the decoder stop: within the
# longest token ("-Infinity", a \uXXXX\uXXXX pair) of the end. An error further back is
# the file's own; one this near the end is tried again with more of the file.
_CUT_MARGIN = 64


class _Irregular(Exception):
    """A top level the streaming reader leaves to json.loads (not an error by itself)."""


class _Window:
    """The file's text from ``base`` on, as much of it as has been read (``buf``)."""

    def __init__(self, stream: BinaryIO | None, text: str = "") -> None:
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buf = text
        self.base = 0  # characters of the file before buf[0]
        self.lines = 0  # newlines before buf[0]
        self.last_nl = -1  # the file offset of the last of them (-1: none)
        self.nl_in_buf = text.count("\n")
        self.eof = stream is None

    def more(self, keep: int) -> int:
        """Drop the text before ``keep``, read at least one more chunk (or as much as
        the window holds: a long element is decoded again a logarithmic number of
        times); returns ``keep``'s new index."""
        assert self.stream is not None and not self.eof
        buf = self.buf
        # The newlines dropped: those of the window less those kept (the kept part is
        # short, an element cut off; counting the whole window was a tenth of the read).
        kept = buf.count("\n", keep)
        if self.nl_in_buf > kept:
            self.lines += self.nl_in_buf - kept
            self.last_nl = self.base + buf.rfind("\n", 0, keep)
        self.base += keep
        data = self.stream.read(max(READ_CHUNK, len(buf) - keep))
        # The bytes were checked to be UTF-8 before (_prescan): this cannot fail. A
        # newline byte is always a newline character in UTF-8.
        self.buf = buf[keep:] + self.decoder.decode(data, final=not data)
        self.nl_in_buf = kept + data.count(b"\n")
        self.eof = not data
        return 0

    def ws(self, i: int) -> int:
        """The index of the next non-blank character (or of the text's end)."""
        while True:
            m = _WS.match(self.buf, i)
            i = m.end() if m else i
            if i < len(self.buf) or self.eof:
                return i
            i = self.more(i)

    def char(self, i: int) -> tuple[str, int]:
        """The next non-blank character ("" at the end) and its index."""
        i = self.ws(i)
        return self.buf[i : i + 1], i

    def decode(self, dec: json.JSONDecoder, i: int) -> tuple[Any, int, int]:
        """The JSON value at ``i``: (value, its start, its end), the start moved if the
        window had to grow."""
        while True:
            try:
                value, end = dec.raw_decode(self.buf, i)
            except json.JSONDecodeError as exc:
                if self.eof or not (
                    exc.msg.startswith("Unterminated string")
                    or exc.pos >= len(self.buf) - _CUT_MARGIN
                ):
                    raise self._placed(exc) from None
                i = self.more(i)
                continue
            if end >= len(self.buf) - _CUT_MARGIN and not self.eof:
                # A number or literal may go on past the window: read on and decode again.
                i = self.more(i)
                continue
            return value, i, end

    def _placed(self, exc: json.JSONDecodeError) -> json.JSONDecodeError:
        """The error with its line and column in the whole file (as json.loads counts
        them: the line from 1, the column from 1 after the last newline)."""
        pos = exc.pos
        nl = self.buf.rfind("\n", 0, pos)
        out = json.JSONDecodeError(exc.msg, "", 0)
        out.pos = self.base + pos
        out.lineno = self.lines + self.buf.count("\n", 0, pos) + 1
        out.colno = pos - nl if nl >= 0 else self.base + pos - self.last_nl
        return out


def _scan(src: _Window, dec: json.JSONDecoder) -> Iterator[tuple[str, Any]]:
    """("head", (name, value)) for the top-level fields and ("person", value) for each
    participant, in file order; raises _Irregular (see above)."""
    c, i = src.char(0)
    if c != "{":
        raise _Irregular
    c, i = src.char(i + 1)
    seen: set[str] = set()
    while True:
        if c != '"':
            raise _Irregular
        key, i, end = src.decode(dec, i)
        if key in seen or key not in DOCUMENT_FIELDS:
            raise _Irregular
        seen.add(key)
        c, i = src.char(end)
        if c != ":":
            raise _Irregular
        c, i = src.char(i + 1)
        if key == "participants":
            if c != "[":
                raise _Irregular
            c, i = src.char(i + 1)
            if c == "]":
                i += 1
            else:
                while True:
                    value, i, end = src.decode(dec, i)
                    yield ("person", value)
                    c, i = src.char(end)
                    if c == "]":
                        i += 1
                        break
                    if c != ",":
                        raise _Irregular
                    c, i = src.char(i + 1)
        else:
            value, i, end = src.decode(dec, i)
            yield ("head", (key, value))
            i = end
        c, i = src.char(i)
        if c == "}":
            break
        if c != ",":
            raise _Irregular
        c, i = src.char(i + 1)
    if src.ws(i + 1) != len(src.buf) or "participants" not in seen:
        raise _Irregular


def _prescan(stream: BinaryIO) -> bool:
    """Refuse a file that is not UTF-8 anywhere (before anything of it is read as JSON,
    as the whole-file decode did) and say whether it holds \\uD800-style escapes (then
    the per-string surrogate check is needed: the whole-file parse does it). One read
    of the bytes a chunk at a time; the stream is rewound."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    escapes = False
    tail = b""
    while True:
        data = stream.read(READ_CHUNK)
        try:
            decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            raise BadInput("import.not_utf8") from None
        if not data:
            break
        if not escapes and _SURROGATE_ESCAPE_BYTES.search(tail + data[:READ_CHUNK]):
            escapes = True
        tail = data[-8:]
    stream.seek(0)
    return escapes


Source = bytes | bytearray | str | os.PathLike[str]


@contextlib.contextmanager
def _opened(data: Source) -> Iterator[tuple[_Window | None, Callable[[], str]]]:
    """The file as a window (None when it needs the whole-file parse: surrogate
    escapes) and a way to read it whole (the irregular files' path)."""
    if isinstance(data, str):
        whole = data
        if _SURROGATE_ESCAPE.search(data):
            yield None, lambda: whole
        else:
            yield _Window(None, data), lambda: whole
        return
    # A path is opened here and closed when the import is done.
    stream = io.BytesIO(data) if isinstance(data, bytes | bytearray) else open(data, "rb")  # noqa: SIM115
    with stream:
        escapes = _prescan(stream)

        def whole_text() -> str:
            stream.seek(0)
            return decode_text(stream.read())

        yield (None if escapes else _Window(stream)), whole_text


def check_syntax(data: Source) -> None:
    """Refuse (BadInput) a file that is not a readable participant file's JSON, holding
    one participant at a time: the check the command line makes before it unlocks."""
    with _opened(data) as (src, whole):
        try:
            if src is None:
                raise _Irregular
            with _json_errors():
                for _ in _scan(src, _decoder("")):
                    pass
        except _Irregular:
            parse_text(whole())


DOCUMENT_FIELDS = ("format", "version", "exported_at", "participants")


def _head_errors(doc: dict[str, Any]) -> list[FieldError]:
    errors: list[FieldError] = []
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
    return errors


def _person_errors(p: Any, i: int, today: dt.date, seen: dict[str, int]) -> list[FieldError]:
    path = f"participants[{i}]"
    errors = records.validate_participant(p, path, today)
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


def validate_document(doc: Any, today: dt.date) -> list[FieldError]:
    if not isinstance(doc, dict):
        return [FieldError("$", "import.not_object")]
    errors = _head_errors(doc)
    people = doc.get("participants")
    if not isinstance(people, list):
        errors.append(FieldError("participants", "field.not_list"))
        return errors
    seen: dict[str, int] = {}
    for i, p in enumerate(people):
        errors += _person_errors(p, i, today, seen)
    return errors


def import_document(
    session: Session,
    data: Source | dict[str, Any],
    *,
    replace: bool = False,
    today: dt.date | None = None,
) -> ImportResult:
    """Validate the whole file and write it in the caller's transaction, or raise BadInput.

    The caller commits; on BadInput nothing has been added to the session. A file (its
    bytes, its text or its path) is read once, a participant at a time from a window
    of its text: each is validated and, while the file has shown no error, written a
    slice at a time inside a savepoint that a refusal takes back. A parsed document (a
    dict) is validated and written as it is.
    """
    with gc_policy.paused():
        today = today or dt.date.today()
        if not isinstance(data, bytes | bytearray | str | os.PathLike):
            return _import(session, data, replace=replace, today=today)  # a parsed document
        with _opened(data) as (src, whole):
            if src is not None:
                try:
                    return _import_streamed(session, src, replace=replace, today=today)
                except _Irregular:
                    pass
            # \uD800-style escapes (the top-level object's own surrogate check and its
            # place in the order of refusals are the whole-file parse's) or an
            # irregular top level.
            return _import(session, parse_text(whole()), replace=replace, today=today)


def _existing(
    session: Session, refs: list[str], replace: bool, errors: list[FieldError], first: int = 0
) -> dict[str, tuple[int, str]]:
    """ref -> (id, uid) of the file's people already here (``refs`` are participants
    ``first``, ``first + 1``, ...); without ``replace`` each of them is an error."""
    existing: dict[str, tuple[int, str]] = {}
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
                        f"participants[{first + i}].ref",
                        "import.ref_exists",
                        {"value": records.show(ref)},
                    )
                )
    return existing


def _refuse(errors: Sequence[str]) -> BadInput:
    shown = errors[:MAX_REPORTED_ERRORS]
    more = len(errors) - len(shown)
    code = "import.errors_more" if more else "import.errors"
    return BadInput(code, shown, count=len(errors), more=more)


def _import(
    session: Session, doc: dict[str, Any], *, replace: bool, today: dt.date
) -> ImportResult:
    errors = validate_document(doc, today)
    existing: dict[str, tuple[int, str]] = {}
    if not errors:
        refs = [p["ref"].strip() for p in doc["participants"]]
        existing = _existing(session, refs, replace, errors)
    if errors:
        raise _refuse(errors)
    people = doc["participants"]
    new = [d for d in people if d["ref"].strip() not in existing]
    old = [d for d in people if d["ref"].strip() in existing]
    uids = _bulk_insert(session, new, today)
    replaced = _replace(session, old, existing, today)
    _audit_import(session, len(people), uids, replaced)
    return ImportResult(added=len(new), replaced=len(old))


def _import_streamed(
    session: Session, src: _Window, *, replace: bool, today: dt.date
) -> ImportResult:
    """The one pass over a file, inside a savepoint: a refusal (and an irregular top
    level, which goes to the whole-file parse) takes back the slices written."""
    session.flush()  # the session's own pending changes stay outside the savepoint
    conn = session.connection()
    conn.exec_driver_sql("SAVEPOINT import_file")
    try:
        result = _stream_into(session, src, replace=replace, today=today)
    except (BadInput, _Irregular):
        conn.exec_driver_sql("ROLLBACK TO import_file")
        conn.exec_driver_sql("RELEASE import_file")
        raise
    # Any other failure (a full disk) leaves it to the caller's rollback of the whole.
    conn.exec_driver_sql("RELEASE import_file")
    return result


def _stream_into(session: Session, src: _Window, *, replace: bool, today: dt.date) -> ImportResult:
    """Validate each participant as it is read; write the good ones a slice at a time
    until the first error, then only collect the errors (every one, in file order, as
    the two passes before reported them: the top level's first, then the people's,
    and the refs already in the vault only for a file without other errors)."""
    dec = _decoder("")  # surrogate escapes never come here (_opened)
    head: dict[str, Any] = {}
    person_errors: list[FieldError] = []
    exists_errors: list[FieldError] = []
    seen: dict[str, int] = {}
    pending: list[dict[str, Any]] = []  # validated, not yet written
    uids: list[str] = []
    replaced: list[tuple[str, Any]] = []
    n = 0

    def write() -> None:
        first = n - len(pending)
        refs = [p["ref"].strip() for p in pending]
        existing = _existing(session, refs, replace, exists_errors, first)
        if not exists_errors:
            uids.extend(
                _bulk_insert(
                    session, [d for d in pending if d["ref"].strip() not in existing], today
                )
            )
            replaced.extend(
                _replace(
                    session, [d for d in pending if d["ref"].strip() in existing], existing, today
                )
            )
        pending.clear()

    with _json_errors():
        for kind, value in _scan(src, dec):
            if kind == "head":
                head[value[0]] = value[1]
                continue
            errors = _person_errors(value, n, today, seen)
            n += 1
            if errors:
                person_errors += errors
                pending.clear()
            elif not person_errors:
                pending.append(value)
                if len(pending) >= IMPORT_SLICE:
                    write()
    if pending:
        write()
    refused = _head_errors(head | {"participants": []}) + person_errors
    if refused or exists_errors:
        raise _refuse(refused or exists_errors)
    _audit_import(session, n, uids, replaced)
    return ImportResult(added=len(uids), replaced=len(replaced))


def _audit_import(
    session: Session, n: int, uids: list[str], replaced: list[tuple[str, Any]]
) -> None:
    audit.record(session, "import", {"participants": n, "replaced": len(replaced)})
    audit.record_many(session, (("participant_created", {"via": "import"}, uid) for uid in uids))
    audit.record_many(
        session,
        (("participant_changed", {"via": "import", **detail}, uid) for uid, detail in replaced),
    )


# --- the bulk write ------------------------------------------------------------------
#
# An import of thousands of people went through the ORM's unit of work: an instrumented
# object per row (about 40,000 for 2,000 people with 8 sessions), dependency sorting and
# a flush that synchronised every foreign key one object at a time - 14 s for the
# benchmark's 2,000-person file. Then Core executemany (issue 16), whose per-row
# parameter processing was still half of the write. Now the rows are the same values
# (the same apply_fields / session_values / job_plan_values the forms use) converted by
# the columns' own bind processors and written with the DB-API cursor's executemany
# (store/bulkwrite.py), a slice of IMPORT_SLICE people at a time: the slice's rows are
# built, written and dropped before the next slice's are made. The new participants'
# ids are given explicitly (the next free ids, as SQLite would assign them: the table
# has no AUTOINCREMENT), so the child rows need no read-back. Everything runs in the
# caller's one transaction: a failure anywhere, and the rollback leaves the vault as
# it was.

IMPORT_SLICE = 500


def _own_fields(d: dict[str, Any]) -> dict[str, Any]:
    ns = SimpleNamespace()
    apply_fields(ns, d)
    return vars(ns)


def _bulk_insert(session: Session, people: list[dict[str, Any]], today: dt.date) -> list[str]:
    """Insert new participants and their child rows; returns their uids."""
    if not people:
        return []
    session.flush()
    pt = cast(Table, Participant.__table__)
    next_id = int(session.execute(select(func.max(pt.c.id))).scalar() or 0) + 1
    uids: list[str] = []
    for i in range(0, len(people), IMPORT_SLICE):
        part = people[i : i + IMPORT_SLICE]
        ids = list(range(next_id, next_id + len(part)))
        next_id += len(part)
        rows = [
            _own_fields(d) | {"id": pid, "uid": new_uid()} for pid, d in zip(ids, part, strict=True)
        ]
        bulkwrite.insert_rows(session, pt, rows)
        uids += [r["uid"] for r in rows]
        del rows
        pairs = list(zip(ids, part, strict=True))
        _insert_children(session, pairs, today)
        bulkwrite.insert_rows(
            session,
            cast(Table, JobPlanVersion.__table__),
            (
                job_plan_values(d["job_plan"], 1, today) | {"participant_id": pid}
                for pid, d in pairs
                if d.get("job_plan") is not None
            ),
        )
    return uids


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
        bulkwrite.insert_rows(session, cast(Table, model.__table__), values)


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
