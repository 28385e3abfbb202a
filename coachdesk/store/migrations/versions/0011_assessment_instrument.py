"""the instrument of each assessment, and the answer count checked per instrument

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 23:30:00

Until now every assessment was a PSS-10 and the database checked ten answers. Each row
now names its instrument (core/instruments.py; existing rows are PSS-10) and the check
holds the answer count of the instrument named: 10 for PSS-10, 5 for WHO-5, 19 for the
CBI, 1 for the WAS. An instrument added later without a migration is not in the CASE,
so the database lets its rows through and the app's check (core/instrument.Instrument
.check, through store/assessments and the importer) holds them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

ANSWER_COUNT = (
    "json_array_length(answers) = CASE instrument WHEN 'pss10' THEN 10 "
    "WHEN 'who5' THEN 5 WHEN 'cbi' THEN 19 WHEN 'was' THEN 1 END"
)


def upgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(
            sa.Column("instrument", sa.String(length=20), nullable=False, server_default="pss10")
        )
        batch.drop_constraint("ck_assessment_answers", type_="check")
        batch.create_check_constraint("ck_assessment_answers", ANSWER_COUNT)


def downgrade() -> None:
    op.execute("DELETE FROM assessment WHERE instrument != 'pss10'")
    with op.batch_alter_table("assessment") as batch:
        batch.drop_constraint("ck_assessment_answers", type_="check")
        batch.create_check_constraint("ck_assessment_answers", "json_array_length(answers) = 10")
        batch.drop_column("instrument")
