"""When Python's cyclic garbage collector runs: not in the middle of bulk work.

Nothing CoachDesk builds in bulk (import rows, the caseload's rows) forms reference
cycles, yet building tens of thousands of tuples and dicts triggers the collector again
and again; each full pass also walks every long-lived object (SQLAlchemy's, Qt's
wrappers, the modules). Measured at 10,000 participants: two full passes of 28-62 ms
during start-up and unlock.
"""

from __future__ import annotations

import _thread
import contextlib
import gc
from collections.abc import Iterator

# Pauses may overlap across threads (the unlock worker reads the caseload while the
# preload thread still imports): the collector comes back on when the last one ends.
_lock = _thread.allocate_lock()  # not threading: this module loads early and light
_depth = 0
_was_enabled = True


def pause() -> None:
    """No automatic collection from now until the matching ``resume`` (which may run on
    another thread: the GUI pauses before it starts the unlock worker and resumes on
    its own thread when the result is back, so that no collection runs in the worker,
    where it could free Qt objects held in garbage cycles off the GUI thread)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1


def resume() -> None:
    global _depth
    with _lock:
        _depth -= 1
        if _depth == 0 and _was_enabled:
            gc.enable()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the block (reference counting still frees)."""
    pause()
    try:
        yield
    finally:
        resume()


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
    passes walk only what was made since. Called when the app's code is loaded (the
    preload, while the passphrase is typed or pasted), which runs with the collector
    paused. No collection first: the app's code leaves about 270 objects of cyclic
    garbage (measured after the preload and the workspace's modules), which a collection
    (45-70 ms here, in the wait after Enter when the passphrase was pasted) would free;
    frozen, they stay for the process's life."""
    gc.freeze()
