"""Migrations: every vault reaches head at unlock, and head is what the models declare."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from coachdesk.store import migrate
from coachdesk.store.models import Base


def test_head_constant_matches_the_scripts():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_current_head() == migrate.HEAD


def test_a_new_vault_is_at_head(vault):
    assert migrate.current_revision(vault.engine) == migrate.HEAD


def test_migrated_schema_equals_the_models(vault):
    with vault.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_upgrade_from_an_empty_database(tmp_path):
    """The migration chain alone (no create_all) builds the whole schema."""
    from sqlalchemy import create_engine, inspect

    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")
    migrate.upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    assert migrate.current_revision(engine) == migrate.HEAD
    # Running it again is a no-op.
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD
