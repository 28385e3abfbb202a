"""The GUI's services on the vault: the caseload in a constant number of queries, and the
audited writes behind every form (participant, session log, attendance, job plan,
outcome, drafts).

Every write validates with core/records (the importer's rules) and records one audit
event naming fields and counts only. The caller owns the session and commits.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk import gc_policy
from coachdesk.core import course, plausibility, pss10, records, schedule
from coachdesk.errors import BadInput, FieldError
from coachdesk.store import audit, interchange, settings
from coachdesk.store.models import (
    Assessment,
    Draft,
    GroupAttendance,
    JobPlanVersion,
    Participant,
    SessionLog,
)

# The participant's own fields (not child rows) in the interchange shape.
OWN_FIELDS = (
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
    "outcome",
    "report_summary",
)


class CaseloadRow(NamedTuple):
    """One line of the caseload table: everything it shows, precomputed once.

    A named tuple, not a frozen dataclass: read-only all the same, and made in a third
    of the time (a frozen dataclass sets each of its 16 fields through
    object.__setattr__: 0.10-0.14 s for 50,000 rows, a named tuple 0.03 s).
    """

    id: int
    uid: str
    name: str
    ref: str
    status: str
    course_start: dt.date | None
    week: int | None
    due: tuple[course.Due, ...]
    last_session: dt.date | None
    sessions_held: int
    pss_before: int | None
    pss_after: int | None
    archived: bool
    consent_withdrawn: bool
    # casefold()ed name + ref: the proxy filters on it without per-keystroke work.
    search_key: str
    # The course's scheduled questionnaires due today (core/schedule.py).
    measurements_due: tuple[schedule.DueMeasurement, ...] = ()

    @property
    def needs_attention(self) -> bool:
        return any(d.overdue for d in self.due)


@dataclass(frozen=True)
class Appointment:
    participant_id: int
    name: str
    ref: str
    at: dt.datetime


@dataclass
class Caseload:
    rows: list[CaseloadRow] = field(default_factory=list)
    today_appointments: list[Appointment] = field(default_factory=list)


# The caseload's three bulk reads, as plain SQL run on the driver: at 10,000 participants
# SQLAlchemy's row processing (ORM bundles, Date and JSON converters) took 2-3x longer
# than the query itself. The values come back in SQLite's storage form (ISO date text,
# 0/1) and are converted here; tests/test_caseload.py pins the result against the ORM's
# view of the same rows, and tests/test_caseload_read_model.py against the earlier
# implementation that scored every questionnaire's answers. Each read is one scan of an
# index that holds every column it asks for (ix_participant_caseload,
# ix_assessment_caseload, ix_session_log_caseload): no table row (with its notes,
# answers or personal details) is read or decrypted.
_PEOPLE_SQL = (
    "SELECT id, uid, name, ref, status, course_start, outcome_status IS NOT NULL, archived, "
    f"consent_withdrawn_on IS NOT NULL, search_key FROM {Participant.__tablename__} "
    "{where}"
)
# Every questionnaire's instrument, kind, date and stored score (assessment.score,
# migration 0013: the one rule's PSS-10 total), never its answers.
_TAKEN_SQL = (
    f"SELECT participant_id, instrument, kind, date, id, score FROM {Assessment.__tablename__}"
)
_HELD_SQL = (
    f"SELECT participant_id, sum(status = 'held'), max(CASE WHEN status != 'planned' THEN date "
    f"END) FROM {SessionLog.__tablename__} GROUP BY participant_id"
)


# Statuses for which nothing is due (core/course.due_items and core/schedule.due_from_done
# return nothing for them; tests/test_caseload_read_model.py holds that): most people
# of a provider's vault, so their rows skip both rules.
NOTHING_DUE = frozenset({"not_eligible", "dropped_out", "completed"})


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _followup_points(
    later: list[tuple[str, str]], start: dt.date | None
) -> tuple[tuple[str, str], ...]:
    """(instrument, schedule point) of a person's follow-ups, sorted (a memo key)."""
    return tuple(
        sorted(
            {
                (iid, schedule.point_of("followup", dt.date.fromisoformat(d), start))
                for iid, d in later
            }
        )
    )


def load_caseload(session: Session, today: dt.date, *, include_archived: bool = False) -> Caseload:
    """The whole caseload in four queries, whatever its size (no query per row)."""
    with gc_policy.paused():  # ~100,000 small objects, no cycles among them
        return _load_caseload(session, today, include_archived)


def _load_caseload(session: Session, today: dt.date, include_archived: bool) -> Caseload:
    # The driver's own cursor, inside this session's transaction: plain tuples.
    cur = session.connection().connection.cursor()
    where = "" if include_archived else "WHERE NOT archived"
    people = cur.execute(_PEOPLE_SQL.format(where=where)).fetchall()

    # Per person: the first PSS-10 screening (earliest date, the first stored on a tie)
    # and the latest final (latest date, the last stored on a tie), as (date, id, score)
    # (core/pss10.pick_before_after's choice); the (instrument, kind) pairs taken at the
    # points that need no date; and the follow-ups, whose point depends on their date.
    firsts: dict[int, tuple[str, int, float | None]] = {}
    lasts: dict[int, tuple[str, int, float | None]] = {}
    taken: dict[int, set[tuple[str, str]]] = defaultdict(set)
    followups: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for pid, iid, kind, day, aid, score in cur.execute(_TAKEN_SQL).fetchall():
        if kind == "followup":
            followups[pid].append((iid, day))
            continue
        taken[pid].add((iid, kind))
        if iid != "pss10":
            continue
        if kind == "screening":
            was = firsts.get(pid)
            if was is None or (day, aid) < was[:2]:
                firsts[pid] = (day, aid, score)
        elif kind == "final":
            was = lasts.get(pid)
            if was is None or (day, aid) > was[:2]:
                lasts[pid] = (day, aid, score)
    held: dict[int, tuple[int, str | None]] = {
        pid: (int(n or 0), last) for pid, n, last in cur.execute(_HELD_SQL).fetchall()
    }
    cur.close()
    plan = settings.instrument_schedule(session)

    start_of_day = dt.datetime.combine(today, dt.time())
    appts = session.execute(
        select(
            SessionLog.participant_id,
            Participant.name,
            Participant.ref,
            SessionLog.next_appointment,
        )
        .join(Participant, Participant.id == SessionLog.participant_id)
        .where(
            SessionLog.next_appointment >= start_of_day,
            SessionLog.next_appointment < start_of_day + dt.timedelta(days=1),
            Participant.archived.is_(False),
        )
        .order_by(SessionLog.next_appointment)
    ).all()

    # The rules (core/course, core/schedule) are pure functions of a few values that
    # most people share (a course starts for a group; the statuses and counts are few):
    # each distinct combination is worked out once. At 50,000 people that is some
    # hundreds of calls instead of 150,000.
    starts: dict[str | None, tuple[dt.date | None, int | None]] = {}
    dues: dict[tuple[Any, ...], tuple[course.Due, ...]] = {}
    measured: dict[tuple[Any, ...], tuple[schedule.DueMeasurement, ...]] = {}
    rows: list[CaseloadRow] = []
    append = rows.append
    nothing: set[tuple[str, str]] = set()
    fromiso = dt.date.fromisoformat
    for pid, uid, name, ref, status, start_text, has_outcome, archived, withdrawn, key in people:
        first = firsts.get(pid)
        final = lasts.get(pid)
        n_held, last = held.get(pid, (0, None))
        got = starts.get(start_text)
        if got is None:
            s = _date(start_text)
            got = starts[start_text] = (s, course.course_week(s, today))
        start, week = got
        if status in NOTHING_DUE:
            due: tuple[course.Due, ...] = ()
            due_m: tuple[schedule.DueMeasurement, ...] = ()
        else:
            due_key = (status, start_text, first is None, final is None, n_held, has_outcome)
            due = dues.get(due_key)  # type: ignore[assignment]
            if due is None:
                due = dues[due_key] = tuple(
                    course.due_items(
                        status=status,
                        start=start,
                        today=today,
                        has_screening=first is not None,
                        has_final=final is not None,
                        sessions_held=n_held,
                        has_outcome=bool(has_outcome),
                    )
                )
            later = followups.get(pid)
            points = _followup_points(later, start) if later else ()
            mine = taken.get(pid, nothing)
            m_key = (status, start_text, frozenset(mine), points)
            due_m = measured.get(m_key)  # type: ignore[assignment]
            if due_m is None:
                due_m = measured[m_key] = tuple(
                    schedule.due_from_done(
                        plan, status=status, start=start, today=today, done=mine | set(points)
                    )
                )
        append(
            CaseloadRow(
                pid,
                uid,
                name,
                ref,
                status,
                start,
                week,
                due,
                fromiso(last) if last else None,
                n_held,
                None if first is None or first[2] is None else int(first[2]),
                None if final is None or final[2] is None else int(final[2]),
                bool(archived),
                bool(withdrawn),
                key or interchange.search_key(name, ref),
                due_m,
            )
        )
    # Sorted here, not by SQLite (a sort of the whole table at every unlock, 15-35 ms at
    # 10,000); the table view sorts again by its own column, with this order for ties.
    rows.sort(key=attrgetter("name"))
    seen: set[int] = set()
    today_list = []
    for pid, name, ref, at in appts:
        if at is not None and pid not in seen:  # one line per person, the earliest time
            seen.add(pid)
            today_list.append(Appointment(pid, name, ref, at))
    return Caseload(rows=rows, today_appointments=today_list)


# --- participants ------------------------------------------------------------------


def get_participant(
    session: Session, participant_id: int, *, audit_read: bool = False, what: str = "page"
) -> Participant:
    p = session.get(Participant, participant_id)
    if p is None:
        raise BadInput("participant_gone")
    if audit_read:
        audit.record(session, "participant_read", {"view": what}, subject=p.uid)
    return p


def participant_record(p: Participant) -> dict[str, Any]:
    """The participant's own fields as an interchange dict (what the forms edit)."""
    full = interchange.participant_to_dict(
        p, today=dt.date.today(), params=pss10.Params(), computed=False
    )
    return {k: v for k, v in full.items() if k in OWN_FIELDS}


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    """Empty strings and empty objects from forms mean 'not given'."""
    out: dict[str, Any] = {}
    for k, v in record.items():
        if isinstance(v, str):
            v = v.strip() or None
        elif isinstance(v, dict):
            v = {ik: (iv.strip() or None) if isinstance(iv, str) else iv for ik, iv in v.items()}
            if k != "consent" and all(iv is None for iv in v.values()):
                v = None
        if v is not None:
            out[k] = v
    return out


def validate_fields(record: dict[str, Any], today: dt.date) -> dict[str, FieldError]:
    """Field path (e.g. ``cpr``, ``caseworker.email``) -> its first error (core/records),
    under that path."""
    errors = records.validate_participant(record, "$", today)
    out: dict[str, FieldError] = {}
    for e in errors:
        path = e.path.removeprefix("$.")
        out.setdefault(path, e.at(path))
    return out


def _ref_taken(session: Session, ref: str, participant_id: int | None) -> bool:
    q = select(Participant.id).where(Participant.ref == ref.strip())
    if participant_id is not None:
        q = q.where(Participant.id != participant_id)
    return session.execute(q).first() is not None


def _check_record(
    session: Session, record: dict[str, Any], today: dt.date, participant_id: int | None
) -> None:
    """The form's rules plus a unique ref; raises BadInput whose .errors are 'path: message'."""
    errors = validate_fields(record, today)
    if "ref" not in errors and _ref_taken(session, record["ref"], participant_id):
        errors["ref"] = FieldError("ref", "caseload.ref_taken")
    if errors:
        raise BadInput("caseload.participant_not_saved", list(errors.values()))


def create_participant(
    session: Session, record: dict[str, Any], today: dt.date | None = None
) -> Participant:
    """Validate and add a participant; raises BadInput whose .errors are 'path: message'."""
    today = today or dt.date.today()
    record = _clean(record)
    _check_record(session, record, today, None)
    p = Participant()
    interchange.apply_fields(p, record)
    session.add(p)
    session.flush()
    audit.record(
        session, "participant_created", {"via": "form", "fields": sorted(record)}, subject=p.uid
    )
    return p


def update_participant(
    session: Session, participant_id: int, changes: dict[str, Any], today: dt.date | None = None
) -> Participant:
    """Merge ``changes`` (own fields; None removes) into the record, validate, save."""
    today = today or dt.date.today()
    p = get_participant(session, participant_id)
    before = participant_record(p)
    merged = _clean(before | changes)
    _check_record(session, merged, today, participant_id)
    interchange.apply_fields(p, merged)
    if before.get("course_start") != merged.get("course_start"):
        # A session's course week is its date's week: it moves with the course start
        # (a stale week made the report and the timeline disagree, issue 14).
        for s in p.sessions:
            if s.week is not None:
                s.week = course.course_week(p.course_start, s.date) if p.course_start else None
    changed = sorted(k for k in set(before) | set(merged) if before.get(k) != merged.get(k))
    if changed:
        audit.record(session, "participant_changed", {"fields": changed}, subject=p.uid)
    return p


def set_archived(session: Session, participant_id: int, archived: bool) -> None:
    p = get_participant(session, participant_id)
    if p.archived != archived:
        p.archived = archived
        audit.record(session, "participant_changed", {"fields": ["archived"]}, subject=p.uid)


# --- session logs ------------------------------------------------------------------


def _errors_for(record_key: str, value: Any, today: dt.date) -> list[FieldError]:
    """Run the participant-file rules on one child record; paths relative to it."""
    errors = records.validate_participant({"ref": "-", "name": "-", record_key: value}, "$", today)
    prefix = f"$.{record_key}"
    return [e.at(e.path.removeprefix(prefix).removeprefix("[0]").lstrip(".")) for e in errors]


def validate_session(data: dict[str, Any], today: dt.date | None = None) -> list[FieldError]:
    return _errors_for("sessions", [data], today or dt.date.today())


class Implausible(BadInput):
    """A record core/plausibility finds impossible (``findings`` has an error), or unusual
    and not confirmed (warnings only: save again with ``confirmed=True``)."""

    def __init__(self, what: str, findings: list[plausibility.Finding]) -> None:
        self.findings = findings
        self.needs_confirmation = not plausibility.errors(findings)
        # what: "session" or "attendance_mark" (the code names the record).
        super().__init__(
            f"caseload.{what}_not_saved", [plausibility.field_error("", f) for f in findings]
        )


def course_facts(p: Participant, today: dt.date | None = None) -> plausibility.Course:
    return plausibility.Course(p.referral_date, p.course_start, today or dt.date.today())


def _check_plausible(what: str, findings: list[plausibility.Finding], confirmed: bool) -> None:
    if plausibility.errors(findings) or (plausibility.warnings(findings) and not confirmed):
        raise Implausible(what, findings)


def save_session(
    session: Session,
    participant_id: int,
    data: dict[str, Any],
    session_id: int | None = None,
    *,
    confirmed: bool = False,
    today: dt.date | None = None,
) -> SessionLog:
    """Add (or replace the content of) one session log; data is interchange-shaped.

    Raises Implausible for a session that cannot be true, or that is unusual and not
    ``confirmed`` by the coach (core/plausibility).
    """
    data = {k: v for k, v in data.items() if v not in (None, "", [], {})}
    errors = validate_session(data)
    if errors:
        raise BadInput("caseload.session_not_saved", errors)
    p = get_participant(session, participant_id)
    new = interchange.session_from_dict(data)
    findings = plausibility.check_session(course_facts(p, today), new.date, new.status, new.week)
    _check_plausible("session", findings, confirmed)
    new.confirmed = bool(confirmed and findings)
    if session_id is None:
        new.participant_id = p.id
        session.add(new)
        session.flush()
        audit.record(session, "session_saved", {"fields": sorted(data)}, subject=p.uid)
        return new
    row = session.get(SessionLog, session_id)
    if row is None or row.participant_id != p.id:
        raise BadInput("session_gone")
    for attr in (
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
        "confirmed",
    ):
        setattr(row, attr, getattr(new, attr))
    audit.record(session, "session_changed", {"fields": sorted(data)}, subject=p.uid)
    return row


def delete_session(session: Session, session_id: int) -> None:
    row = session.get(SessionLog, session_id)
    if row is not None:
        uid = row.participant.uid
        session.delete(row)
        audit.record(session, "session_deleted", None, subject=uid)


# --- attendance --------------------------------------------------------------------


def set_attendance(
    session: Session,
    participant_id: int,
    day: dt.date,
    present: bool | None,
    *,
    confirmed: bool = False,
    today: dt.date | None = None,
    excused: bool = False,
) -> None:
    """Mark one group session; None removes the mark. Implausible as save_session.

    ``excused`` (afbud, the group roster's third mark) goes with ``present=False`` only.
    """
    excused = bool(excused) and present is False
    p = get_participant(session, participant_id)
    row = session.execute(
        select(GroupAttendance).where(
            GroupAttendance.participant_id == p.id, GroupAttendance.date == day
        )
    ).scalar()
    if present is not None:
        findings = plausibility.check_attendance(course_facts(p, today), day)
        _check_plausible("attendance_mark", findings, confirmed)
        confirmed = bool(confirmed and findings)
    if present is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(
            GroupAttendance(
                participant_id=p.id, date=day, present=present, excused=excused, confirmed=confirmed
            )
        )
    else:
        row.present = present
        row.excused = excused
        row.confirmed = confirmed
    audit.record(session, "attendance_saved", {"marks": 1}, subject=p.uid)


# --- job plan ----------------------------------------------------------------------


def job_plan_versions(session: Session, participant_id: int) -> list[JobPlanVersion]:
    return list(
        session.execute(
            select(JobPlanVersion)
            .where(JobPlanVersion.participant_id == participant_id)
            .order_by(JobPlanVersion.version)
        ).scalars()
    )


def validate_job_plan(plan: dict[str, Any], today: dt.date | None = None) -> list[FieldError]:
    return _errors_for("job_plan", plan, today or dt.date.today())


def save_job_plan(
    session: Session, participant_id: int, plan: dict[str, Any], today: dt.date | None = None
) -> JobPlanVersion:
    """Saving never overwrites: it adds the next version (the report shows the latest).

    A plan identical to the latest version adds nothing and returns that version: a
    version is a change, and the report's "updated on" must not move without one.
    """
    today = today or dt.date.today()
    plan = {k: v for k, v in plan.items() if k != "updated_on"}
    errors = validate_job_plan(plan, today)
    if errors:
        raise BadInput("caseload.job_plan_not_saved", errors)
    p = get_participant(session, participant_id)
    versions = job_plan_versions(session, p.id)
    latest = versions[-1].version if versions else 0
    row = interchange.job_plan_from_dict(
        plan | {"updated_on": today.isoformat()}, latest + 1, today
    )
    if versions and _same_plan(versions[-1], row):
        return versions[-1]
    row.participant_id = p.id
    session.add(row)
    session.flush()
    audit.record(
        session,
        "job_plan_saved",
        {
            "version": row.version,
            "goals": len(row.goals),
            "accommodations": len(row.accommodations),
        },
        subject=p.uid,
    )
    return row


def _same_plan(a: JobPlanVersion, b: JobPlanVersion) -> bool:
    def content(j: JobPlanVersion) -> dict[str, Any]:
        return {k: v for k, v in interchange.job_plan_to_dict(j).items() if k != "updated_on"}

    return content(a) == content(b)


def add_goal(
    session: Session,
    participant_id: int,
    text: str,
    due: dt.date | None = None,
    today: dt.date | None = None,
) -> JobPlanVersion:
    """An agreed action becomes a goal: a new job plan version with the goal appended."""
    current = job_plan_versions(session, participant_id)
    plan = interchange.job_plan_to_dict(current[-1]) if current else {}
    plan["goals"] = [
        *plan.get("goals", []),
        {"text": text.strip(), "due": due.isoformat() if due else None, "status": "open"},
    ]
    plan = {k: v for k, v in plan.items() if v is not None}
    return save_job_plan(session, participant_id, plan, today)


# --- drafts ------------------------------------------------------------------------


def draft_keys(session: Session, participant_id: int) -> set[str]:
    """The keys of the participant's pending drafts (unsaved editor content)."""
    return set(session.scalars(select(Draft.key).where(Draft.participant_id == participant_id)))


def get_draft(session: Session, key: str) -> dict[str, Any] | None:
    row = session.execute(select(Draft).where(Draft.key == key)).scalar()
    return None if row is None else dict(row.content)


def put_draft(
    session: Session, key: str, participant_id: int | None, content: dict[str, Any]
) -> None:
    row = session.execute(select(Draft).where(Draft.key == key)).scalar()
    if row is None:
        session.add(Draft(key=key, participant_id=participant_id, content=content))
    else:
        row.content = content


def delete_draft(session: Session, key: str) -> None:
    row = session.execute(select(Draft).where(Draft.key == key)).scalar()
    if row is not None:
        session.delete(row)
