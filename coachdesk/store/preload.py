"""The database code the unlocked app needs, loaded ahead of time.

ui/main_window's preloader runs ``load`` on a thread while the passphrase is typed, so
that opening the vault after Enter loads nothing. Importing this module loads nothing
itself: the unlock screen must appear before SQLAlchemy is imported.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from collections.abc import Iterator

# The SQLite dialect is named because SQLAlchemy loads it only inside create_engine,
# which would otherwise run it (80 ms with its asyncio imports) after Enter.
MODULES = (
    "sqlalchemy.dialects.sqlite",
    "coachdesk.store.vault",
    "coachdesk.store.caseload",
    "coachdesk.store.assessments",
)


# SQLAlchemy's package set-up is not safe against another thread importing one of its
# submodules meanwhile: a thread that finds ``sqlalchemy`` in sys.modules, half set up,
# goes on to import ``sqlalchemy.dialects`` itself, and one of the two fails with
# "cannot import name 'plugins' from partially initialized module" (seen when the
# unlock worker started first and this preload a moment later). So the preload and
# store/vault's first use of SQLAlchemy import under this one lock.
_IMPORTING = threading.RLock()


@contextlib.contextmanager
def importing() -> Iterator[None]:
    """Held while SQLAlchemy may be imported for the first time; waits for a preload
    in progress on another thread (then everything is loaded already)."""
    with _IMPORTING:
        yield


_done = False


def load() -> None:
    """Import ``MODULES`` and configure the ORM mappers (work SQLAlchemy would otherwise
    do at the first query), once per process. Called by the GUI's preload thread after
    the unlock screen's first paint, and by the unlock worker before it opens the vault
    (ui/unlock_view.open_and_read), which so waits for a preload in progress instead of
    importing beside it.

    With the cyclic collector paused: the imports make some 100,000 objects, which set
    it off about 150 times (each pass walking what the imports made so far) and it finds
    next to nothing (measured: 10-20 % of the imports' CPU). Pasted and Enter pressed at
    once, this CPU is in the wait for the caseload.
    """
    global _done
    from coachdesk import gc_policy

    with importing():
        if _done:  # loaded by the other thread meanwhile, or at an earlier unlock
            return
        with gc_policy.paused():
            for name in MODULES:
                importlib.import_module(name)
            from sqlalchemy.orm import configure_mappers

            configure_mappers()
            # Frozen before the collector is back on: its first pass would walk all of
            # it. Once only: a later freeze would also keep a past session's objects.
            gc_policy.freeze_loaded_code()
        _done = True


def loaded() -> bool:
    """True once every module of the database code is imported."""
    return all(name in sys.modules for name in MODULES)
