"""The database code, loaded ahead of the first unlock.

The unlock screen needs none of it (so it appears fast); the app loads it on a thread
while the passphrase is typed (ui/main_window._Preloader): SQLAlchemy, the schema, and
the ORM mappers configured, work SQLAlchemy would otherwise do at the first query.
"""

from __future__ import annotations

import importlib
import sys

MODULES = (
    "sqlalchemy.dialects.sqlite",
    "coachdesk.store.vault",
    "coachdesk.store.caseload",
    "coachdesk.store.assessments",
)


def loaded() -> bool:
    """True once every module of the database code is imported."""
    return all(name in sys.modules for name in MODULES)


def load() -> None:
    """Import the database code and configure the ORM mappers (any thread)."""
    for name in MODULES:
        importlib.import_module(name)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
