"""one narrow row per person for the caseload, kept right by triggers

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 04:00:00

At every unlock the caseload read three covering indexes whole (every person, every
questionnaire, every conversation: at 50,000 people 85,000 + 320,000 index entries)
and folded them into one row per person in Python: 0.55 s of CPU before the table
could be painted. ``caseload_summary`` holds exactly what a caseload row (and the day's
reminders, store/agenda.py) needs of a person, one row each, so the unlock reads one
narrow table in one scan.

The one write path is SQLite itself: triggers on ``participant``, ``assessment`` and
``session_log`` recompute the affected person's facts from that person's rows after
every INSERT, UPDATE and DELETE, whoever writes (the forms, the importer's Core
executemany, corrections and undo, erasure, a raw statement). Each recomputation is a
few index seeks within one person's rows; nothing is counted up or down, so a summary
row is always the same function of the rows it sums up. Nothing else writes the table
(tests/test_caseload_read_model.py compares it with a reference computed from the
tables after creates, edits, deletes, undo, import and replace, and erasure).

The columns, per person:

- the person's own: uid, name, ref, search_key, status, course_start, archived, and
  whether an outcome, a consent and a withdrawal of consent are recorded;
- the PSS-10: whether a screening and a final exist, and the stored score
  (``assessment.score``, migration 0013) of the first screening (earliest date, the
  first stored on a tie) and of the last final (latest date, the last stored on a tie),
  as core/pss10.pick_before_after chooses them;
- ``taken``: the distinct ``instrument:kind`` pairs of the screenings and finals,
  comma-separated; ``followups``: each follow-up as ``instrument:date`` (its schedule
  point depends on the course start, so the reader works it out);
- the conversations held (status ``held``) and the date of the last one not planned.

The SQL below is this revision's, frozen here (a later change writes a new migration).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TABLE = "caseload_summary"

# The person's own columns (``p`` is the participant row).
PERSON = {
    "uid": "p.uid",
    "name": "p.name",
    "ref": "p.ref",
    "search_key": "p.search_key",
    "status": "p.status",
    "course_start": "p.course_start",
    "archived": "p.archived",
    "has_outcome": "p.outcome_status IS NOT NULL",
    "consent_given": "p.consent_given_on IS NOT NULL",
    "consent_withdrawn": "p.consent_withdrawn_on IS NOT NULL",
}


REMINDER_COLUMNS = (
    "status",
    "course_start",
    "archived",
    "name",
    "ref",
    "consent_given",
    "consent_withdrawn",
    "has_outcome",
    "taken",
)


def _assessment_facts(pid: str) -> dict[str, str]:
    """The questionnaire facts of the person whose id is the SQL expression ``pid``;
    every subquery is a seek into ix_assessment_caseload (no row with its answers)."""
    pss = (
        f"FROM assessment a WHERE a.participant_id = {pid} AND a.instrument = 'pss10' AND a.kind = "
    )
    return {
        "pss_screened": f"EXISTS (SELECT 1 {pss}'screening')",
        "pss_before": (
            f"(SELECT CAST(a.score AS INTEGER) {pss}'screening' ORDER BY a.date, a.id LIMIT 1)"
        ),
        "pss_final": f"EXISTS (SELECT 1 {pss}'final')",
        "pss_after": (
            f"(SELECT CAST(a.score AS INTEGER) {pss}'final' "
            "ORDER BY a.date DESC, a.id DESC LIMIT 1)"
        ),
        # (Not group_concat's own ORDER BY: SQLite 3.44 and later only. The order is
        # not relied on: the reader takes the items as a set.)
        "taken": (
            "(SELECT group_concat(x) FROM (SELECT DISTINCT a.instrument || ':' || a.kind AS x "
            f"FROM assessment a WHERE a.participant_id = {pid} "
            "AND a.kind IN ('screening', 'final') ORDER BY x))"
        ),
        "followups": (
            "(SELECT group_concat(x) FROM (SELECT a.instrument || ':' || a.date AS x "
            f"FROM assessment a WHERE a.participant_id = {pid} AND a.kind = 'followup' "
            "ORDER BY x))"
        ),
    }


def _session_facts(pid: str) -> dict[str, str]:
    """The conversation facts, from ix_session_log_caseload alone (never the notes)."""
    mine = f"FROM session_log s WHERE s.participant_id = {pid} AND s.status"
    return {
        "sessions_held": f"(SELECT count(*) {mine} = 'held')",
        "last_session": f"(SELECT max(s.date) {mine} != 'planned')",
    }


def _insert(where: str) -> str:
    """The whole summary row of each participant ``p`` matching ``where``."""
    cols = {**PERSON, **_assessment_facts("p.id"), **_session_facts("p.id")}
    return (
        f"INSERT OR REPLACE INTO {TABLE} (participant_id, {', '.join(cols)}) "
        f"SELECT p.id, {', '.join(cols.values())} FROM participant p WHERE {where};"
    )


def _update(facts: dict[str, str], where: str) -> str:
    sets = ", ".join(f"{c} = {e}" for c, e in facts.items())
    return f"UPDATE {TABLE} SET {sets} WHERE {where};"


_ME = f"{TABLE}.participant_id"
ASSESSMENT_FACTS = _assessment_facts(_ME)
SESSION_FACTS = _session_facts(_ME)

# name -> (event, statements). UPDATE triggers fire only for the columns the summary
# depends on (a note or an answer list changed alone recomputes nothing).
TRIGGERS: dict[str, tuple[str, str]] = {
    "caseload_summary_participant_insert": (
        "AFTER INSERT ON participant",
        _insert("p.id = NEW.id"),
    ),
    "caseload_summary_participant_update": (
        "AFTER UPDATE OF id, uid, name, ref, search_key, status, course_start, archived, "
        "outcome_status, consent_given_on, consent_withdrawn_on ON participant",
        f"DELETE FROM {TABLE} WHERE participant_id = OLD.id; " + _insert("p.id = NEW.id"),
    ),
    "caseload_summary_participant_delete": (
        "AFTER DELETE ON participant",
        f"DELETE FROM {TABLE} WHERE participant_id = OLD.id;",
    ),
    "caseload_summary_assessment_insert": (
        "AFTER INSERT ON assessment",
        _update(ASSESSMENT_FACTS, "participant_id = NEW.participant_id"),
    ),
    "caseload_summary_assessment_update": (
        "AFTER UPDATE OF id, participant_id, instrument, kind, date, score ON assessment",
        _update(ASSESSMENT_FACTS, "participant_id IN (OLD.participant_id, NEW.participant_id)"),
    ),
    "caseload_summary_assessment_delete": (
        "AFTER DELETE ON assessment",
        _update(ASSESSMENT_FACTS, "participant_id = OLD.participant_id"),
    ),
    "caseload_summary_session_insert": (
        "AFTER INSERT ON session_log",
        _update(SESSION_FACTS, "participant_id = NEW.participant_id"),
    ),
    "caseload_summary_session_update": (
        "AFTER UPDATE OF participant_id, status, date ON session_log",
        _update(SESSION_FACTS, "participant_id IN (OLD.participant_id, NEW.participant_id)"),
    ),
    "caseload_summary_session_delete": (
        "AFTER DELETE ON session_log",
        _update(SESSION_FACTS, "participant_id = OLD.participant_id"),
    ),
}


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("participant_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("uid", sa.String(32), nullable=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("ref", sa.String(64), nullable=True),
        sa.Column("search_key", sa.String(300), nullable=True),
        sa.Column("status", sa.String(20), nullable=True),
        sa.Column("course_start", sa.Date(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=True),
        sa.Column("has_outcome", sa.Boolean(), nullable=True),
        sa.Column("consent_given", sa.Boolean(), nullable=True),
        sa.Column("consent_withdrawn", sa.Boolean(), nullable=True),
        sa.Column("pss_screened", sa.Boolean(), nullable=True),
        sa.Column("pss_before", sa.Integer(), nullable=True),
        sa.Column("pss_final", sa.Boolean(), nullable=True),
        sa.Column("pss_after", sa.Integer(), nullable=True),
        sa.Column("sessions_held", sa.Integer(), nullable=True),
        sa.Column("last_session", sa.Date(), nullable=True),
        sa.Column("taken", sa.Text(), nullable=True),
        sa.Column("followups", sa.Text(), nullable=True),
    )
    # The day's reminders (store/agenda.py) read the people in or just through a course
    # from this index alone: 12,000 of 50,000 demo people, 0.04 -> 0.02 s CPU.
    op.create_index("ix_caseload_summary_reminders", TABLE, list(REMINDER_COLUMNS), unique=False)
    conn = op.get_bind()
    for name, (event, body) in TRIGGERS.items():
        conn.exec_driver_sql(f"CREATE TRIGGER {name} {event} FOR EACH ROW BEGIN {body} END")
    # The back-fill: every person's row by the same SQL the triggers run.
    conn.exec_driver_sql(_insert("1"))


def downgrade() -> None:
    conn = op.get_bind()
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_caseload_summary_reminders", table_name=TABLE)
    op.drop_table(TABLE)
