"""The vault's schema: SQLAlchemy 2 typed models.

Facts only: course week and due items are derived (core/), never stored. Two derived
things are stored, each with one write path: each questionnaire's primary score
(``assessment.score``, migration 0013), written by the one rule ``stored_score`` at every
insert and update through SQLAlchemy (ORM or Core), so the caseload and the cohort report
read totals, not answers; and ``caseload_summary`` (migration 0014), one row of facts per
person kept by SQLite triggers, so the unlock reads one narrow table.
Every table that holds data about a person hangs off ``participant`` with ON DELETE
CASCADE, so erasure is one DELETE (plus the audit redaction in audit.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

if TYPE_CHECKING:
    from sqlalchemy.engine.default import DefaultExecutionContext


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def new_uid() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012


class Participant(Base):
    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable internal id: the audit log refers to people by it, never by name or ref.
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Lower-cased name + ref for search-as-you-type without per-row Python work.
    search_key: Mapped[str] = mapped_column(String(300), default="", index=True)
    cpr: Mapped[str | None] = mapped_column(String(11))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    caseworker_name: Mapped[str | None] = mapped_column(String(200))
    caseworker_municipality: Mapped[str | None] = mapped_column(String(200))
    caseworker_email: Mapped[str | None] = mapped_column(String(200))
    case_ref: Mapped[str | None] = mapped_column(String(100))
    referral_date: Mapped[dt.date | None] = mapped_column(Date)
    course_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="referred", index=True)
    dropout_date: Mapped[dt.date | None] = mapped_column(Date)
    dropout_reason: Mapped[str | None] = mapped_column(Text)
    consent_given_on: Mapped[dt.date | None] = mapped_column(Date)
    consent_scope: Mapped[list[Any]] = mapped_column(JSON, default=list)
    consent_withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome_status: Mapped[str | None] = mapped_column(String(20))
    outcome_hours: Mapped[float | None]
    outcome_date: Mapped[dt.date | None] = mapped_column(Date)
    report_summary: Mapped[str | None] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="participant",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(Assessment.date, Assessment.id)",
    )
    sessions: Mapped[list[SessionLog]] = relationship(
        back_populates="participant",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(SessionLog.date, SessionLog.id)",
    )
    attendance: Mapped[list[GroupAttendance]] = relationship(
        back_populates="participant",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="GroupAttendance.date",
    )
    job_plans: Mapped[list[JobPlanVersion]] = relationship(
        back_populates="participant",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="JobPlanVersion.version",
    )
    disclosures: Mapped[list[Disclosure]] = relationship(
        back_populates="participant",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Disclosure.at",
    )
    report_fields: Mapped[ReportFields | None] = relationship(
        back_populates="participant",
        cascade="all, delete-orphan",
        passive_deletes=True,
        uselist=False,
    )

    __table_args__ = (
        CheckConstraint(
            "status IN ('referred','screened','not_eligible','admitted','group_phase',"
            "'individual_phase','completed','dropped_out')",
            name="ck_participant_status",
        ),
    )

    @property
    def job_plan(self) -> JobPlanVersion | None:
        """The current version of the job plan (the latest)."""
        return self.job_plans[-1] if self.job_plans else None


def stored_score(instrument: str | None, answers: Any) -> float | None:
    """The one rule for ``assessment.score``: the instrument's primary score
    (core/instruments; PSS-10's total), or None when there is none.

    None also for an unknown instrument or answers the instrument refuses (a write
    validates before it gets here; the migration's back-fill meets whatever is stored).
    Every stored score comes from this function (tests/test_assessment_scores.py).
    """
    from coachdesk.core import instruments  # the scoring rules (core/), loaded on first use

    try:
        inst = instruments.get(instrument or instruments.DEFAULT)
    except KeyError:
        return None
    try:
        value = inst.scored(answers).value
    except ValueError:  # InstrumentAnswerError, pss10.AnswerError
        return None
    return None if value is None else float(value)


def _score_default(context: DefaultExecutionContext | None) -> float | None:
    # Context-sensitive default: the row's own parameters (each row of an executemany).
    if context is None:  # a writer outside SQLAlchemy calling the default (bulkwrite)
        raise TypeError("assessment.score needs its row: pass score=stored_score(...)")
    # SQLAlchemy leaves this method unannotated (mypy is strict on store/).
    row = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return stored_score(row.get("instrument"), row.get("answers"))


class Assessment(Base):
    """One questionnaire: its instrument (core/instruments.py) and raw answers (or NULL).

    Scoring is the instrument's (core/); the answer count per instrument is checked here
    (migration 0011) and by the app.
    """

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))
    date: Mapped[dt.date] = mapped_column(Date)
    instrument: Mapped[str] = mapped_column(String(20), default="pss10", server_default="pss10")
    answers: Mapped[list[Any]] = mapped_column(JSON)
    # The primary score of ``answers`` by the instrument's rule (PSS-10: the total), NULL
    # when the rule gives none (too many missing answers). Never set by hand: the column
    # default (any INSERT through SQLAlchemy, the importer's executemany included) and
    # the ORM's before_insert/before_update below compute it with ``stored_score``.
    score: Mapped[float | None] = mapped_column(Float, default=_score_default)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    participant: Mapped[Participant] = relationship(back_populates="assessments")

    __table_args__ = (
        CheckConstraint("kind IN ('screening','final','followup')", name="ck_assessment_kind"),
        CheckConstraint(
            "json_array_length(answers) = CASE instrument WHEN 'pss10' THEN 10 "
            "WHEN 'who5' THEN 5 WHEN 'cbi' THEN 19 WHEN 'was' THEN 1 END",
            name="ck_assessment_answers",
        ),
        # The caseload reads kind, date and score of every questionnaire from this
        # index alone (migration 0013), never the rows with their answers.
        Index("ix_assessment_caseload", "participant_id", "instrument", "kind", "date", "score"),
    )


class SessionLog(Base):
    """One one-to-one conversation. Notes are the most sensitive data in the app."""

    __tablename__ = "session_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start: Mapped[str | None] = mapped_column(String(5))  # HH:MM, local time
    minutes: Mapped[int | None] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(10), default="in_person")
    status: Mapped[str] = mapped_column(String(10), default="held")
    week: Mapped[int | None] = mapped_column(Integer)
    themes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    quotes: Mapped[str | None] = mapped_column(Text)  # the participant's own words
    actions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    ratings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    next_appointment: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The coach confirmed this session's plausibility warning (core/plausibility); an
    # imported row with a warning stays unconfirmed and uncounted. Migration 0006.
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    participant: Mapped[Participant] = relationship(back_populates="sessions")

    __table_args__ = (
        CheckConstraint("mode IN ('in_person','phone','video')", name="ck_session_mode"),
        CheckConstraint(
            "status IN ('held','cancelled','no_show','planned')", name="ck_session_status"
        ),
        CheckConstraint("minutes IS NULL OR minutes BETWEEN 0 AND 1440", name="ck_session_minutes"),
        # The caseload's per-person count of held conversations and last date is read from
        # this index alone (no visit to the rows, which hold the notes): at 10,000
        # participants 86 ms -> see docs/performance.md. Migration 0002. Week and
        # confirmed too (migration 0012): the cohort report counts each person's
        # plausible sessions (core/plausibility.COUNTABLE_SESSION_SQL) from it alone.
        Index("ix_session_log_caseload", "participant_id", "status", "date", "week", "confirmed"),
        # Today's appointments, read at every unlock.
        Index("ix_session_log_next_appointment", "next_appointment"),
        # The agenda's week and the I dag reminders (planned sessions by day) from the
        # index alone: without it every unlock read every page of the notes (migration
        # 0010).
        Index("ix_session_log_agenda", "status", "date", "participant_id"),
    )


class GroupAttendance(Base):
    __tablename__ = "group_attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    present: Mapped[bool] = mapped_column(Boolean)
    # An absence the participant called off in advance (afbud); only with present False.
    # Migration 0010 (the group roster: present / absent / excused).
    excused: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # As SessionLog.confirmed: the coach confirmed the mark's warning. Migration 0006.
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    participant: Mapped[Participant] = relationship(back_populates="attendance")

    __table_args__ = (UniqueConstraint("participant_id", "date", name="uq_attendance_day"),)


class GroupSession(Base):
    """One dated session of a course's group phase ("hold").

    A hold is the participants who share a course start date: its group sessions are
    keyed by that date, so no participant row changes when a hold is planned, and a
    participant moved to another start moves to that hold. Course facts, no personal
    data (the roster's marks are GroupAttendance rows). Migration 0010.
    """

    __tablename__ = "group_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_start: Mapped[dt.date] = mapped_column(Date, index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    start: Mapped[str | None] = mapped_column(String(5))  # HH:MM, local time
    minutes: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("course_start", "date", name="uq_group_session_day"),
        CheckConstraint(
            "minutes IS NULL OR minutes BETWEEN 0 AND 1440", name="ck_group_session_minutes"
        ),
    )


class JobPlanVersion(Base):
    """One saved version of the value-based job plan; the latest is the current plan.

    Goals, accommodations and hours steps are small ordered lists that are always
    read and written with their plan, so each version holds them as JSON snapshots.
    """

    __tablename__ = "job_plan_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    values: Mapped[list[Any]] = mapped_column(JSON, default=list)
    direction: Mapped[str | None] = mapped_column(Text)
    goals: Mapped[list[Any]] = mapped_column(JSON, default=list)
    accommodations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    hours_now: Mapped[float | None]
    hours_target: Mapped[float | None]
    hours_steps: Mapped[list[Any]] = mapped_column(JSON, default=list)
    updated_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    participant: Mapped[Participant] = relationship(back_populates="job_plans")

    __table_args__ = (UniqueConstraint("participant_id", "version", name="uq_job_plan_version"),)


class Disclosure(Base):
    """The disclosure log: every export of a participant's data (security promise 7)."""

    __tablename__ = "disclosure"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    recipient: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30))  # json | status_report | final_report | ...
    sections: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sha256: Mapped[str] = mapped_column(String(64))
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    # How the report left the coach: digital_post | secure_email | handed_over | other
    # (reports/channels.py); None for JSON exports and for rows from before 0008.
    channel: Mapped[str | None] = mapped_column(String(20))

    participant: Mapped[Participant] = relationship(back_populates="disclosures")


class ReportFields(Base):
    """The coach's text for the report's structured headings (reports/content.py).

    One row per participant: the current wording, shown in the statusnotat and the
    final report. ``step_plan`` is a week-by-week list ``[{"week": 1, "hours": 12}]``;
    ``return_kind`` is ``full`` or ``partial`` (delvis raskmelding).
    """

    __tablename__ = "report_fields"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), unique=True
    )
    work_capacity: Mapped[str | None] = mapped_column(Text)
    normal_hours: Mapped[float | None]
    hours_now: Mapped[float | None]
    step_plan: Mapped[list[Any]] = mapped_column(JSON, default=list)
    return_date: Mapped[dt.date | None] = mapped_column(Date)
    return_kind: Mapped[str | None] = mapped_column(String(10))
    resources: Mapped[str | None] = mapped_column(Text)
    challenges: Mapped[str | None] = mapped_column(Text)
    progression: Mapped[str | None] = mapped_column(Text)
    recommendation: Mapped[str | None] = mapped_column(Text)
    updated_on: Mapped[dt.date | None] = mapped_column(Date)

    participant: Mapped[Participant] = relationship(back_populates="report_fields")


class AuditEvent(Base):
    """Append-only, hash-chained audit log (security promise 8); see store/audit.py."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(40), index=True)
    # The participant's uid (never name, ref or CPR); NULL for vault-wide events.
    subject: Mapped[str | None] = mapped_column(String(64), index=True)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # A random salt per row: once erasure removes it, content_hash links to nothing.
    nonce: Mapped[bytes | None] = mapped_column(LargeBinary(16))
    content_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)


class Setting(Base):
    """Vault-side settings (admission threshold, SD, r, coach name...): JSON values."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)


class CohortRelease(Base):
    """A cohort report that left the vault: its period and published counts, nobody's data.

    Kept so that the next report can be checked against it for differencing
    (reports/differencing.py); a hidden cell is stored as null.
    """

    __tablename__ = "cohort_release"

    id: Mapped[int] = mapped_column(primary_key=True)
    released_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    period_from: Mapped[dt.date | None] = mapped_column(Date)  # first day of a month
    period_to: Mapped[dt.date | None] = mapped_column(Date)  # last day of a month
    format: Mapped[str] = mapped_column(String(10))
    cells: Mapped[dict[str, Any]] = mapped_column(JSON)


class Draft(Base):
    """Unsaved editor content, autosaved inside the encrypted vault (promise 6)."""

    __tablename__ = "draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# The agenda's holds and reminders (store/agenda.py) filter on status, course start and
# archived; with archived in the index too (migration 0013) they read it alone: at
# 50,000 participants, after every unlock, hold_sizes 0.48 -> 0.01 s CPU.
Index(
    "ix_participant_status_start",
    Participant.status,
    Participant.course_start,
    Participant.archived,
)
# Everything the caseload shows of a person (migration 0013): not the rows, which hold
# the consent, the report's summary and the contact details. Since 0014 the caseload
# reads caseload_summary instead; this index stays for the other reads of these columns
# (the audit view's list of people: uid, name, ref) and costs what it did. The rowid
# (id) is in every index anyway. Not led by ``archived``: SQLite would then take it for
# the selective start of other joins (today's appointments went from 1 ms to 0.5 s at 50,000).
CASELOAD_COLUMNS = (
    "name",
    "archived",
    "uid",
    "ref",
    "status",
    "course_start",
    "outcome_status",
    "consent_withdrawn_on",
    "search_key",
)
Index("ix_participant_caseload", *(Participant.__table__.c[c] for c in CASELOAD_COLUMNS))

# One narrow row per person with everything a caseload row and the day's reminders need
# (migration 0014): the unlock reads this table in one scan instead of folding three
# indexes (every questionnaire, every conversation) into rows in Python. Derived, like
# ``assessment.score``, and written only by SQLite triggers on participant, assessment
# and session_log (the migration holds their SQL and what each column means): every
# writer keeps it right, the importer's Core statements and raw SQL included. A Core
# table, not a mapped class, so no ORM code writes it by mistake; store/caseload.py and
# store/agenda.py read it.
caseload_summary = Table(
    "caseload_summary",
    Base.metadata,
    Column("participant_id", Integer, primary_key=True, autoincrement=False),
    Column("uid", String(32)),
    Column("name", String(200)),
    Column("ref", String(64)),
    Column("search_key", String(300)),
    Column("status", String(20)),
    Column("course_start", Date),
    Column("archived", Boolean),
    Column("has_outcome", Boolean),
    Column("consent_given", Boolean),
    Column("consent_withdrawn", Boolean),
    Column("pss_screened", Boolean),
    Column("pss_before", Integer),
    Column("pss_final", Boolean),
    Column("pss_after", Integer),
    Column("sessions_held", Integer),
    Column("last_session", Date),
    Column("taken", Text),
    Column("followups", Text),
    # The day's reminders read their people from this index alone (migration 0014).
    Index(
        "ix_caseload_summary_reminders",
        "status",
        "course_start",
        "archived",
        "name",
        "ref",
        "consent_given",
        "consent_withdrawn",
        "has_outcome",
        "taken",
    ),
    # The caseload's order, name then ref (store/caseload.search_text: the Danish
    # alphabet's order, æ ø å after z) then id: the
    # unlock reads its first screenful from this index alone (migration 0015).
    Index("ix_caseload_summary_order", "search_key", "participant_id"),
)


@event.listens_for(Assessment, "before_insert")
@event.listens_for(Assessment, "before_update")
def _store_score(_mapper: Any, _connection: Any, target: Assessment) -> None:
    """Every ORM write of an assessment (forms, corrections, the ORM import path) stores
    the score of the answers it writes, whatever changed."""
    target.score = stored_score(target.instrument, target.answers)
