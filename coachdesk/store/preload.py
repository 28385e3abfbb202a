"""The database code the unlocked app needs, loaded ahead of time.

ui/main_window's preloader runs ``load`` on a thread while the passphrase is typed, so
that what needs SQLAlchemy after the unlock loads nothing. Importing this module loads
nothing itself: the unlock screen must appear before SQLAlchemy is imported. Opening the
vault does not wait for it (store/vault.py opens a plain vault without SQLAlchemy), and
while an unlock is under way it waits between its steps (``hold``/``release``).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from collections.abc import Iterator
from typing import Any

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


def module(name: str) -> Any:
    """``importlib.import_module(name)`` under ``importing``: for a widget that needs
    database code (store/agenda, store/audit) only when it first reads or writes, after
    the caseload's paint, perhaps while the preload thread is between its steps."""
    with importing():
        return importlib.import_module(name)


# What load() imports, in steps, each a whole module whose own imports come first. The
# preload thread takes the import lock for one step at a time and, while an unlock is
# under way (hold), waits between steps: it must not compete for the GIL with the unlock
# worker and the caseload's first paint. Python cannot split a package's set-up, so
# what SQLAlchemy's own set-up imports from outside it comes first, step by step, and
# ``sqlalchemy`` itself (about half of the whole) is the largest step.
STEPS = (
    "typing_extensions",
    "asyncio",
    "importlib.metadata",
    "decimal",
    "uuid",
    "sqlalchemy",
    "sqlalchemy.orm",
    *MODULES[:1],  # the SQLite dialect
    "coachdesk.store.models",
    "coachdesk.store.audit",
    *MODULES[1:],
)

# Set: the preload may go on. Cleared by ``hold`` when an unlock begins, set again by
# ``release`` when the caseload has been painted (or the unlock failed).
_go = threading.Event()
_go.set()


def hold() -> None:
    """An unlock has begun: the preload finishes the step it is in, then waits."""
    _go.clear()


def release() -> None:
    """The unlocked caseload is on screen (or the unlock failed): the preload goes on."""
    _go.set()


def held() -> bool:
    return not _go.is_set()


_done = False


def load() -> None:
    """Import ``STEPS`` and configure the ORM mappers (work SQLAlchemy would otherwise
    do at the first query), once per process. Called by the GUI's preload thread after
    the unlock screen's first paint. The unlock no longer waits for it: a vault that
    needs nothing but its checks opens without SQLAlchemy (store/vault.py), and what
    needs SQLAlchemy imports it under ``importing`` (so never beside a step in
    progress) and goes on while this waits (``hold``).

    With the cyclic collector paused (waits included): the imports make some 100,000
    objects, which set it off about 150 times (each pass walking what the imports made
    so far) and it finds next to nothing (measured: 10-20 % of the imports' CPU).
    """
    global _done
    from coachdesk import gc_policy

    if _done:  # loaded meanwhile, or at an earlier unlock
        return
    gc_policy.pause()
    try:
        for name in STEPS:
            _wait_while_held()
            with importing():
                importlib.import_module(name)
        _wait_while_held()
        with importing():
            if _done:  # loaded by the other thread meanwhile
                return
            from sqlalchemy.orm import configure_mappers

            configure_mappers()
            # Frozen before the collector is back on: its first pass would walk all of
            # it. Once only: a later freeze would also keep a past session's objects.
            gc_policy.freeze_loaded_code()
            _done = True
    finally:
        gc_policy.resume()


def _wait_while_held() -> None:
    """Wait for ``release``. The collector stays paused meanwhile, as through the whole
    preload: a collection on this thread could free Qt objects held in garbage cycles
    off the GUI thread (the reason it is paused in the unlock worker, gc_policy). The
    wait is the unlock's, when it is paused anyway, and ends at the caseload's paint."""
    _go.wait()


def loaded() -> bool:
    """True once every module of the database code is imported."""
    return all(name in sys.modules for name in MODULES)
