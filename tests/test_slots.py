"""The training limiter: slots handed out in turn, and training in this process waits in line."""

from __future__ import annotations

import threading
import time

import pytest

from explainer import slots as slots_module
from explainer.slots import TRAINING_SLOTS, TrainingSlots, training_slot


def wait_until(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_slots_hand_out_in_turn():
    slots = TrainingSlots(1)
    never = threading.Event()
    assert slots.acquire(1, never)
    order: list[int] = []
    threads = [
        threading.Thread(target=lambda i=i: order.append(i) if slots.acquire(i, never) else None)
        for i in (2, 3)
    ]
    threads[0].start()
    wait_until(lambda: slots.position(2) == 1)
    threads[1].start()
    wait_until(lambda: slots.position(3) == 2)
    slots.release(1)
    wait_until(lambda: order == [2])
    slots.release(2)
    wait_until(lambda: order == [2, 3])
    for thread in threads:
        thread.join(timeout=5)
    with pytest.raises(ValueError):
        TrainingSlots(0)


def test_a_cancelled_wait_gives_up_its_place():
    slots, cancelled = TrainingSlots(1), threading.Event()
    assert slots.acquire(1, threading.Event())
    cancelled.set()
    assert not slots.acquire(2, cancelled)
    assert slots.position(2) == 0 and slots.busy == 1


def test_tickets_are_never_handed_out_twice():
    tickets = [slots_module.next_ticket() for _ in range(5)]
    assert len(set(tickets)) == 5


def test_training_slot_waits_in_line_with_training_jobs():
    events: list[str] = []
    with training_slot(lambda: events.append("waited")):
        with training_slot(lambda: events.append("waited")):
            assert TRAINING_SLOTS.busy == 2
            released = threading.Event()

            def third() -> None:
                with training_slot(lambda: events.append("third waits")):
                    released.set()

            worker = threading.Thread(target=third)
            worker.start()
            time.sleep(0.3)
            assert not released.is_set()  # both slots taken: it waits
        assert released.wait(2.0)  # a slot came free: it ran
        worker.join()
    assert events == ["third waits"]
    assert TRAINING_SLOTS.busy == 0
