"""The database code the unlocked app needs, loaded ahead of time.

ui/main_window's preloader runs ``load`` on a thread while the passphrase is typed, so
that opening the vault after Enter loads nothing. Importing this module loads nothing
itself: the unlock screen must appear before SQLAlchemy is imported.
"""

from __future__ import annotations

import importlib
import sys

# The SQLite dialect is named because SQLAlchemy loads it only inside create_engine,
# which would otherwise run it (80 ms with its asyncio imports) after Enter.
MODULES = (
    "sqlalchemy.dialects.sqlite",
    "coachdesk.store.vault",
    "coachdesk.store.caseload",
    "coachdesk.store.assessments",
)


def load() -> None:
    """Import ``MODULES`` and configure the ORM mappers (work SQLAlchemy would otherwise
    do at the first query)."""
    for name in MODULES:
        importlib.import_module(name)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


def loaded() -> bool:
    """True once every module of the database code is imported."""
    return all(name in sys.modules for name in MODULES)
