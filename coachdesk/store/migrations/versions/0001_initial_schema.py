"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27 09:46:17.844378
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.Column("nonce", sa.LargeBinary(length=16), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("redacted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_subject"), ["subject"], unique=False)

    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("search_key", sa.String(length=300), nullable=False),
        sa.Column("cpr", sa.String(length=11), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("caseworker_name", sa.String(length=200), nullable=True),
        sa.Column("caseworker_municipality", sa.String(length=200), nullable=True),
        sa.Column("caseworker_email", sa.String(length=200), nullable=True),
        sa.Column("case_ref", sa.String(length=100), nullable=True),
        sa.Column("referral_date", sa.Date(), nullable=True),
        sa.Column("course_start", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("dropout_date", sa.Date(), nullable=True),
        sa.Column("dropout_reason", sa.Text(), nullable=True),
        sa.Column("consent_given_on", sa.Date(), nullable=True),
        sa.Column("consent_scope", sa.JSON(), nullable=False),
        sa.Column("consent_withdrawn_on", sa.Date(), nullable=True),
        sa.Column("outcome_status", sa.String(length=20), nullable=True),
        sa.Column("outcome_hours", sa.Double(), nullable=True),
        sa.Column("outcome_date", sa.Date(), nullable=True),
        sa.Column("report_summary", sa.Text(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('referred','screened','not_eligible','admitted','group_phase','individual_phase','completed','dropped_out')",
            name="ck_participant_status",
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ref"),
        sa.UniqueConstraint("uid"),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participant_course_start"), ["course_start"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participant_search_key"), ["search_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_participant_status"), ["status"], unique=False)
        batch_op.create_index(
            "ix_participant_status_start", ["status", "course_start"], unique=False
        )

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('screening','final','followup')", name="ck_assessment_kind"),
        sa.CheckConstraint("json_array_length(answers) = 10", name="ck_assessment_answers"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "disclosure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("recipient", sa.String(length=300), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("disclosure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disclosure_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("draft", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_draft_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "group_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id", "date", name="uq_attendance_day"),
    )
    with op.batch_alter_table("group_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_group_attendance_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "job_plan_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("direction", sa.Text(), nullable=True),
        sa.Column("goals", sa.JSON(), nullable=False),
        sa.Column("accommodations", sa.JSON(), nullable=False),
        sa.Column("hours_now", sa.Double(), nullable=True),
        sa.Column("hours_target", sa.Double(), nullable=True),
        sa.Column("hours_steps", sa.JSON(), nullable=False),
        sa.Column("updated_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id", "version", name="uq_job_plan_version"),
    )
    with op.batch_alter_table("job_plan_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_job_plan_version_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "session_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start", sa.String(length=5), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("week", sa.Integer(), nullable=True),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("quotes", sa.Text(), nullable=True),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("ratings", sa.JSON(), nullable=False),
        sa.Column("next_appointment", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("mode IN ('in_person','phone','video')", name="ck_session_mode"),
        sa.CheckConstraint("status IN ('held','cancelled','no_show')", name="ck_session_status"),
        sa.CheckConstraint(
            "minutes IS NULL OR minutes BETWEEN 0 AND 1440", name="ck_session_minutes"
        ),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("session_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_session_log_date"), ["date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_session_log_participant_id"), ["participant_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("session_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_log_participant_id"))
        batch_op.drop_index(batch_op.f("ix_session_log_date"))

    op.drop_table("session_log")
    with op.batch_alter_table("job_plan_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_plan_version_participant_id"))

    op.drop_table("job_plan_version")
    with op.batch_alter_table("group_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_attendance_participant_id"))

    op.drop_table("group_attendance")
    with op.batch_alter_table("draft", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_draft_participant_id"))

    op.drop_table("draft")
    with op.batch_alter_table("disclosure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disclosure_participant_id"))

    op.drop_table("disclosure")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_participant_id"))

    op.drop_table("assessment")
    op.drop_table("setting")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index("ix_participant_status_start")
        batch_op.drop_index(batch_op.f("ix_participant_status"))
        batch_op.drop_index(batch_op.f("ix_participant_search_key"))
        batch_op.drop_index(batch_op.f("ix_participant_course_start"))

    op.drop_table("participant")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_subject"))
        batch_op.drop_index(batch_op.f("ix_audit_event_action"))

    op.drop_table("audit_event")
