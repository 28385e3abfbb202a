"""the agenda and the group roster: planned sessions, excused absences, group sessions

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 23:30:00

A planned appointment is a session with status 'planned' (the agenda, issue 14); a
group attendance mark can be an excused absence (afbud); a hold's group session dates
are kept per course start date (store/models.GroupSession). Existing rows keep their
meaning: no session is planned and no absence excused.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_OLD = "status IN ('held','cancelled','no_show')"
_NEW = "status IN ('held','cancelled','no_show','planned')"


def upgrade() -> None:
    with op.batch_alter_table("session_log") as batch:
        batch.drop_constraint("ck_session_status", type_="check")
        batch.create_check_constraint("ck_session_status", _NEW)
    with op.batch_alter_table("group_attendance") as batch:
        batch.add_column(
            sa.Column("excused", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "group_session",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("course_start", sa.Date(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start", sa.String(length=5), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.UniqueConstraint("course_start", "date", name="uq_group_session_day"),
        sa.CheckConstraint(
            "minutes IS NULL OR minutes BETWEEN 0 AND 1440", name="ck_group_session_minutes"
        ),
    )
    op.create_index("ix_group_session_course_start", "group_session", ["course_start"])
    op.create_index("ix_session_log_agenda", "session_log", ["status", "date", "participant_id"])


def downgrade() -> None:
    op.drop_index("ix_session_log_agenda", table_name="session_log")
    op.drop_index("ix_group_session_course_start", table_name="group_session")
    op.drop_table("group_session")
    with op.batch_alter_table("group_attendance") as batch:
        batch.drop_column("excused")
    op.execute("DELETE FROM session_log WHERE status = 'planned'")
    with op.batch_alter_table("session_log") as batch:
        batch.drop_constraint("ck_session_status", type_="check")
        batch.create_check_constraint("ck_session_status", _OLD)
