"""Alembic environment: always run in-process on the vault's own (keyed) connection."""

from alembic import context

from coachdesk.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("CoachDesk migrations run only through coachdesk.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs batch mode to alter tables
)
with context.begin_transaction():
    context.run_migrations()
