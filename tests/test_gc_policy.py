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


def test_freeze_moves_the_living_out_of_the_collectors_reach():
    class Node:
        pass

    alive = Node()
    before = gc.get_freeze_count()
    try:
        gc_policy.freeze_loaded_code()
        assert gc.get_freeze_count() > before
        assert alive is not None
    finally:
        gc.unfreeze()


def test_overlapping_pauses_in_two_threads_keep_the_collector_off_until_the_last_ends():
    """The preload thread imports with the collector paused while the unlock worker
    reads the caseload with it paused: whichever ends first must not switch it back on
    under the other."""
    import threading

    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with gc_policy.paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with gc_policy.paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the first pause has ended; this one has not

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == [False]
    assert gc.isenabled()
