"""a 'confirmed' flag on sessions and attendance marks (core/plausibility warnings)

Revision ID: 0006
Revises: 0002
Create Date: 2026-12-01 22:30:00

A session or group attendance mark that is possible but unusual (before the course or
long after it) is counted in reports only once the coach has confirmed it. Existing
rows start unconfirmed: those without a warning count anyway; those with one wait for
the coach, as an imported one does.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("session_log", "group_attendance"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("confirmed", sa.Boolean(), nullable=False, server_default=sa.false())
            )


def downgrade() -> None:
    for table in ("session_log", "group_attendance"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("confirmed")
