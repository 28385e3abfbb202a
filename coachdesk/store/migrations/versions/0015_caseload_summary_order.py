"""the caseload's order as an index: the unlock reads the first screenful alone

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 06:30:00

The caseload is ordered by ``search_key`` (the casefolded ``name\\x1fref``) and then
by participant id, in code point order (SQLite's BINARY collation of UTF-8 text and
Python's str order agree). With this index the unlock reads the first screenful as
``... WHERE NOT archived ORDER BY search_key, participant_id LIMIT n``: a walk along
the index, whatever the vault's size, so Enter -> caseload painted no longer grows
with the vault (store/caseload.read_caseload, issue 19).
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_caseload_summary_order",
        "caseload_summary",
        ["search_key", "participant_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_caseload_summary_order", table_name="caseload_summary")
