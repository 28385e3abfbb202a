"""Schema migrations (Alembic), run at every unlock.

The head revision is also a constant here so that an up-to-date vault is recognised
with one query, without importing Alembic's machinery on every start, nor SQLAlchemy
(``revision_on``: the vault's common unlock asks on the driver's own connection).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlcipher3
    from alembic.config import Config
    from sqlalchemy.engine import Engine

HEAD = "0016"
SCRIPT_LOCATION = Path(__file__).with_name("migrations")


def revision_on(conn: sqlcipher3.Connection) -> str | None:
    """``current_revision`` on a driver connection (no SQLAlchemy): the same two reads."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else row[0]


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import text

    with engine.connect() as c:
        has = c.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has:
            return None
        return c.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config() -> Config:
    # Imported here: Alembic is only needed when the schema actually changes.
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    if revision == "head" and current_revision(engine) == HEAD:
        return
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
