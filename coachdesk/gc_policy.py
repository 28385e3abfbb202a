"""When Python's cyclic garbage collector runs: not in the middle of bulk work.

Nothing CoachDesk builds in bulk (import rows, the caseload's rows) forms reference
cycles, yet building tens of thousands of tuples and dicts triggers the collector again
and again; each full pass also walks every long-lived object (SQLAlchemy's, Qt's
wrappers, the modules). Measured at 10,000 participants: two full passes of 28-62 ms
during start-up and unlock.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the block (reference counting still frees)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def paused_then_frozen() -> Iterator[None]:
    """For a short-lived command: no automatic collection inside the block, and after
    it what the block left alive (the modules it loaded, its objects) is moved out of
    the collector's reach (gc.freeze: no pass over it) before collection is switched
    back on; otherwise the first collection after the block would walk all of it once
    more. Cyclic garbage made in the block is kept until the process exits: bounded by
    one command's work."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def freeze_loaded_code() -> None:
    """Move everything alive now (modules, classes, the ORM's mappers) out of the
    collector's reach: it is kept for the life of the process anyway, so later full
    passes walk only what was made since. Called once, when the app's code is loaded
    (while the passphrase is typed). One collection first, so that no garbage is frozen
    with it (~30 ms; the loading would have triggered about the same)."""
    gc.collect()
    gc.freeze()
