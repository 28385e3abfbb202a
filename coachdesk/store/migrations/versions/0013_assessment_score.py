"""each questionnaire's primary score stored beside its answers

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 01:10:00

The caseload (every unlock) and the cohort report scored every PSS-10 of the vault
from its JSON answers each time: at 50,000 participants that was most of the wait
after Enter. ``assessment.score`` holds the instrument's primary score (PSS-10: the
total; NULL when the missing-answer rule gives none), computed by the one rule
``models.stored_score`` at every write (models.py: the column default and the ORM
events). Existing rows are scored here by the same function.

Two covering indexes let the caseload read everything it shows from indexes alone
(never a table row with its answers, notes or personal details):
``ix_assessment_caseload`` (kind, date and score per person) and
``ix_participant_caseload`` (the columns of the caseload table). The agenda's
``ix_participant_status_start`` also holds ``archived``, so the holds and reminders read
after every unlock come from it alone (at 50,000 people 0.48 -> 0.01 s).

A later change to an instrument's scoring rule needs a migration that calls
``rescore`` again (docs/architecture.md).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

# The columns as they are at this revision (not imported: a later model may differ).
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

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def rescore(conn: sa.Connection) -> None:
    """Every stored score recomputed from the answers, by the app's one rule."""
    from coachdesk.store.models import stored_score

    rows = conn.execute(sa.text("SELECT id, instrument, answers FROM assessment")).fetchall()
    params = [
        {"id": rid, "score": stored_score(iid, json.loads(answers) if answers else None)}
        for rid, iid, answers in rows
    ]
    if params:
        conn.execute(sa.text("UPDATE assessment SET score = :score WHERE id = :id"), params)


def upgrade() -> None:
    # A plain ADD COLUMN (nullable, no default in the schema): no table rebuild.
    op.add_column("assessment", sa.Column("score", sa.Float(), nullable=True))
    rescore(op.get_bind())
    # The caseload's reads, each from one index alone (no table row decrypted).
    op.create_index(
        "ix_assessment_caseload",
        "assessment",
        ["participant_id", "instrument", "kind", "date", "score"],
        unique=False,
    )
    op.create_index("ix_participant_caseload", "participant", list(CASELOAD_COLUMNS))
    # The agenda's reads after every unlock (holds, reminders) from the index alone.
    op.drop_index("ix_participant_status_start", table_name="participant")
    op.create_index(
        "ix_participant_status_start", "participant", ["status", "course_start", "archived"]
    )


def downgrade() -> None:
    op.drop_index("ix_participant_status_start", table_name="participant")
    op.create_index("ix_participant_status_start", "participant", ["status", "course_start"])
    op.drop_index("ix_participant_caseload", table_name="participant")
    op.drop_index("ix_assessment_caseload", table_name="assessment")
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("score")
