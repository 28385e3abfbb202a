"""the report's structured fields, and the channel a report was sent by

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01 23:00:00

The caseworker report and the statusnotat carry the headings a municipal caseworker
works with (LÆ 285, the rehabilitation plan's preparatory part, the § 7b retention
plan): arbejdsevne, timetal og optrapning (a week-by-week step plan and the expected
return date), ressourcer og udfordringer, progression, anbefaling / næste skridt. One
row per participant, the coach's current text. The disclosure log records how a report
left the coach (Digital Post, secure e-mail, handed over, other); existing rows have
none recorded.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_fields",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "participant_id",
            sa.Integer(),
            sa.ForeignKey("participant.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("work_capacity", sa.Text(), nullable=True),
        sa.Column("normal_hours", sa.Double(), nullable=True),
        sa.Column("hours_now", sa.Double(), nullable=True),
        sa.Column("step_plan", sa.JSON(), nullable=False),
        sa.Column("return_date", sa.Date(), nullable=True),
        sa.Column("return_kind", sa.String(length=10), nullable=True),
        sa.Column("resources", sa.Text(), nullable=True),
        sa.Column("challenges", sa.Text(), nullable=True),
        sa.Column("progression", sa.Text(), nullable=True),
        sa.Column("recommendation", sa.Text(), nullable=True),
        sa.Column("updated_on", sa.Date(), nullable=True),
        sa.UniqueConstraint("participant_id", name="uq_report_fields_participant"),
    )
    with op.batch_alter_table("disclosure") as batch:
        batch.add_column(sa.Column("channel", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("disclosure") as batch:
        batch.drop_column("channel")
    op.drop_table("report_fields")
