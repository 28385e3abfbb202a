"""The garbage-collector policy: paused inside bulk work, loaded code frozen once."""

from __future__ import annotations

import gc

from coachdesk import gc_policy


def test_paused_restores_the_collector_even_after_an_error():
    assert gc.isenabled()
    try:
        with gc_policy.paused():
            assert not gc.isenabled()
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()


def test_paused_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with gc_policy.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_freeze_collects_garbage_first_and_freezes_the_rest():
    import weakref

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # a reference cycle: only the cyclic collector frees it
    garbage = weakref.ref(a)
    del a, b
    alive = Node()
    before = gc.get_freeze_count()
    try:
        gc_policy.freeze_loaded_code()
        assert garbage() is None  # collected, not frozen (frozen garbage would leak)
        assert gc.get_freeze_count() > before  # the living were frozen
        assert alive is not None
    finally:
        gc.unfreeze()
