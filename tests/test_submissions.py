"""What "Send my digit" goes through: the prompt, the drawing check, the allowance, the store."""

from __future__ import annotations

import random

import numpy as np
import pytest
import torch

from explainer import answers, classifiers, preprocess, rooms, submissions

SIDE = 280  # the canvas, in pixels


def canvas(*boxes: tuple[int, int, int, int]) -> np.ndarray:
    """A transparent RGBA canvas with white ink in each (top, bottom, left, right) box."""
    rgba = np.zeros((SIDE, SIDE, 4), np.uint8)
    for top, bottom, left, right in boxes:
        rgba[top:bottom, left:right] = 255
    return rgba


ONE = canvas((40, 240, 130, 152))  # a "1" drawn with the app's 22-pixel pen


def test_the_prompt_is_the_least_collected_digit() -> None:
    counts = [3, 1, 2, 1, 5, 4, 4, 4, 4, 4]
    picks = {submissions.next_prompt(counts, random.Random(seed)) for seed in range(50)}
    assert picks == {1, 3}  # both ties come up, nothing else does
    assert submissions.next_prompt([0] * 9 + [-1]) == 9
    with pytest.raises(ValueError):
        submissions.next_prompt([0] * 9)


def test_prompts_fill_every_digit_evenly() -> None:
    counts, rng = [0] * 10, random.Random(0)
    for _ in range(95):
        counts[submissions.next_prompt(counts, rng)] += 1
    assert max(counts) - min(counts) <= 1


@pytest.mark.parametrize(
    ("rgba", "reason"),
    [
        (None, "empty"),
        (np.zeros((SIDE, SIDE, 4), np.uint8), "empty"),
        (canvas((100, 122, 100, 122)), "small"),  # a dot: scaled up it would be a blob
        (canvas((100, 140, 100, 104)), "small"),  # a short thin scribble
    ],
    ids=["no canvas", "blank", "dot", "scribble"],
)
def test_near_blank_drawings_are_refused_kindly(rgba, reason) -> None:
    with pytest.raises(submissions.Refused) as error:
        submissions.check_drawing(rgba)
    assert error.value.reason == reason and "draw" in str(error.value)


def test_a_real_drawing_becomes_the_same_digit_as_the_picker_makes() -> None:
    digit = submissions.check_drawing(ONE)
    assert digit.dtype == torch.uint8 and digit.shape == (28, 28)
    assert torch.equal(digit, preprocess.from_canvas(ONE))


def test_one_digit_every_two_seconds_and_sixty_in_all() -> None:
    limiter = submissions.SubmitLimiter()
    limiter.check(100.0)
    limiter.record(100.0)
    with pytest.raises(submissions.Refused) as error:
        limiter.check(101.9)
    assert error.value.reason == "too_fast"
    limiter.check(102.0)
    for i in range(59):
        limiter.record(102.0 + 2 * i)
    with pytest.raises(submissions.Refused) as error:
        limiter.check(10_000.0)
    assert error.value.reason == "limit" and limiter.sent == 60


def test_answers_are_those_of_answer_all() -> None:
    digit = submissions.check_drawing(ONE)
    found = submissions.answer(digit)
    full = answers.answer_all(digit[None])
    assert found == {k: int(full.of(k)[0]) for k in answers.LEARNERS}
    assert found["cnn"] == 1


def test_submit_stores_the_digit_or_nothing(tmp_path) -> None:
    store = rooms.RoomStore.open(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    new = store.create_room()
    code, limiter = new.room.code, submissions.SubmitLimiter()
    sent = submissions.submit(store, code, 1, ONE, limiter, now=10.0)
    assert sent.count == 1 and sent.label == 1 and sent.answers["cnn"] == 1
    stored = store.digits(code)
    assert stored.ids.tolist() == [sent.digit_id] and torch.equal(stored.images[0], sent.image)
    rules = classifiers.ABSTAIN if sent.answers["rules"] == classifiers.ABSTAIN else None
    assert rules is None or stored.rules[0] == rules
    for rgba, now in ((ONE, 11.0), (canvas(), 20.0)):  # too fast; blank
        with pytest.raises(submissions.Refused):
            submissions.submit(store, code, 1, rgba, limiter, now=now)
    store.close_room(code, new.teacher_token)
    with pytest.raises(rooms.RoomError) as error:
        submissions.submit(store, code, 1, ONE, limiter, now=30.0)
    assert error.value.reason == "closed"
    assert len(store.digits(code)) == 1 and limiter.sent == 1  # refusals are not counted
    store.close()
