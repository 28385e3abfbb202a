"""indexes for the caseload read at unlock

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 11:40:00
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_session_log_caseload", "session_log", ["participant_id", "status", "date"], unique=False
    )
    op.create_index(
        "ix_session_log_next_appointment", "session_log", ["next_appointment"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_session_log_next_appointment", table_name="session_log")
    op.drop_index("ix_session_log_caseload", table_name="session_log")
