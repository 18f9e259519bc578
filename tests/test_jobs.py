"""Background training jobs: progress, Stop, divergence, isolation, queueing, the events they send."""

from __future__ import annotations

import pickle
import sys
import time
import types

import numpy as np
import pytest
import torch

from explainer import jobs, model, train
from explainer.slots import TrainingSlots

TINY = train.TrainConfig(train.cnn_fit(epochs=1, batch_size=32, seed=3), train_size=200)
LONG = train.TrainConfig(train.cnn_fit(epochs=20, batch_size=16, seed=1), train_size=4000)
HUGE_LR = train.TrainConfig(train.cnn_fit(epochs=1, optimizer="sgd", lr=1000.0), train_size=300)


@pytest.fixture(scope="module")
def direct():
    """The same run as TINY through train.train_cnn directly: the oracle for a job's record."""
    return train.train_cnn(TINY)


def wait_until(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.mark.parametrize("isolated", [True, False], ids=["process", "thread"])
def test_a_job_trains_and_records_the_same_run_as_the_loop(direct, isolated):
    job = jobs.TrainingJob(TINY, TrainingSlots(1), isolated=isolated).start()
    assert job.isolated == isolated
    snap = jobs.wait_for(job, timeout=60)
    assert snap.state == "finished" and snap.done and snap.fraction == 1.0
    assert snap.total_steps == jobs.expected_steps(TINY) == 7  # ceil(200 / 32)
    assert list(snap.losses) == direct.losses  # same seed, same history, step for step
    assert [p.test for p in snap.epochs] == [e.test_accuracy for e in direct.fit.epochs]
    assert snap.batch_images.dtype == torch.uint8 and snap.batch_images.shape[1:] == (28, 28)
    assert len(snap.batch_labels) == len(snap.batch_images) <= jobs.PREVIEW_SIZE
    assert snap.result is not None and snap.result.test_accuracy == direct.test_accuracy
    assert snap.queue_position == 0 and snap.error is None
    assert [s.step for s in snap.result.snapshots] == [s.step for s in direct.snapshots]
    assert torch.equal(snap.result.snapshots[-1].weights, direct.snapshots[-1].weights)
    assert torch.equal(snap.result.model.fc2.weight, direct.model.fc2.weight)


def test_the_batch_preview_is_the_loaders_digits():
    inputs = train.digit_dataset("train").inputs[:5]
    images = train.data.load_mnist("train")[0][:5]
    assert torch.equal(jobs.to_images(inputs), images)  # normalise and back: the same pixels


def test_progress_is_visible_while_training_and_stop_takes_effect_within_a_second():
    job = jobs.TrainingJob(LONG, TrainingSlots(1)).start()
    wait_until(lambda: job.snapshot().step >= 3)
    running = job.snapshot()
    assert running.state == "running" and 0 < running.fraction < 1
    assert len(running.losses) == running.step and running.batch_images is not None
    pressed = time.monotonic()
    job.stop()
    assert job.snapshot().stopping or job.done
    assert job.wait(timeout=1.0), "Stop must take effect within a second"
    assert time.monotonic() - pressed < 1.0
    snap = job.snapshot()
    assert snap.state == "stopped" and snap.step < snap.total_steps
    result = snap.result
    assert result.fit.steps == len(snap.losses) >= 3
    start = model.build_model(LONG.model, LONG.seed).conv1.weight
    assert not torch.equal(result.model.conv1.weight, start), "what was learned is kept"
    images, labels = train.data.load_mnist("test")
    assert model.accuracy(result.model, images, labels) == pytest.approx(result.test_accuracy)


def test_a_huge_learning_rate_is_reported_and_the_last_good_model_kept():
    snap = jobs.wait_for(jobs.TrainingJob(HUGE_LR, TrainingSlots(1)).start())
    assert snap.state == "diverged"
    divergence = snap.divergence
    assert divergence is not None and divergence.lr == 1000.0
    assert not torch.isfinite(torch.tensor(divergence.loss))
    assert divergence.step == len(snap.losses) + 1  # the bad step is not in the history
    weights = [p for p in snap.result.model.parameters()]
    assert all(torch.isfinite(w).all() for w in weights), "the model holds the last good weights"


def test_two_jobs_at_once_do_not_share_state(direct):
    other = train.with_overrides(TINY, seed=4)
    slots = TrainingSlots(2)
    first, second = jobs.TrainingJob(TINY, slots), jobs.TrainingJob(other, slots)
    first.start(), second.start()
    a, b = jobs.wait_for(first), jobs.wait_for(second)
    assert a.state == b.state == "finished"
    assert list(a.losses) == direct.losses, "a run beside it changes nothing"
    assert a.losses != b.losses
    assert a.result.model is not b.result.model
    assert not torch.equal(a.result.model.conv1.weight, b.result.model.conv1.weight)
    assert first.job_id != second.job_id


def test_the_concurrency_limit_queues_runs_in_order_and_a_queued_run_can_be_cancelled():
    slots = TrainingSlots(1)
    running = jobs.TrainingJob(LONG, slots).start()
    wait_until(lambda: running.snapshot().state == "running")
    waiting = jobs.TrainingJob(TINY, slots).start()
    cancelled = jobs.TrainingJob(TINY, slots).start()
    wait_until(lambda: slots.position(cancelled.job_id) == 2)
    snap = waiting.snapshot()
    assert snap.state == "queued" and snap.queue_position == 1 and snap.step == 0
    assert slots.busy == 1
    cancelled.stop()
    assert cancelled.wait(timeout=1.0) and cancelled.snapshot().state == "cancelled"
    assert cancelled.snapshot().result is None
    running.stop()
    assert jobs.wait_for(waiting).state == "finished"
    assert running.snapshot().state == "stopped" and slots.busy == 0


def test_a_training_process_never_runs_the_page_script_again(tmp_path, monkeypatch):
    # Under Streamlit, __main__ is the page being run; multiprocessing would re-run it in a child.
    script = tmp_path / "page.py"
    script.write_text("raise SystemExit('the page ran again in the training process')\n")
    page = types.ModuleType("__main__")
    page.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", page)
    snap = jobs.wait_for(jobs.TrainingJob(TINY, TrainingSlots(1)).start())
    assert snap.state == "finished", snap.error
    assert sys.modules["__main__"] is page  # put back


def test_a_finished_event_carries_the_result_across_intact(direct):
    event = pickle.loads(pickle.dumps(jobs.Finished.of(direct)))  # as the queue sends it
    again = event.result(TINY)
    assert again.config == TINY and again.train_size == direct.train_size
    assert again.fit == direct.fit
    assert torch.equal(again.model.fc2.weight, direct.model.fc2.weight)
    assert [s.step for s in again.snapshots] == [s.step for s in direct.snapshots]
    assert all(torch.equal(a.weights, b.weights) for a, b in zip(again.snapshots, direct.snapshots))


def test_progress_becomes_step_and_epoch_events(direct):
    seen: list = []
    train.train_cnn(TINY, lambda progress: seen.append(jobs.progress_event(progress)))
    steps = [e for e in seen if isinstance(e, jobs.StepEvent)]
    assert [e.loss for e in steps] == direct.losses and [e.step for e in steps] == [*range(1, 8)]
    assert all(e.preview is None and e.total_steps == 7 for e in steps)
    (epoch,) = [e for e in seen if isinstance(e, jobs.EpochEvent)]
    assert (epoch.step, epoch.test_accuracy) == (7, direct.test_accuracy)


def test_events_are_handled_in_one_place():
    job = jobs.TrainingJob(TINY, TrainingSlots(1), isolated=False)  # not started
    preview = (np.zeros((2, 28, 28), np.uint8), np.array([3, 4]))
    assert job._handle(jobs.StepEvent(0, 1, 7, 0.5, 2.3, preview)) is None
    assert job._handle(jobs.EpochEvent(0, 1, 7, 0.6, 0.25, None)) is None
    snap = job.snapshot()
    assert (snap.step, snap.total_steps, snap.seconds, snap.losses) == (1, 7, 0.6, (2.3,))
    assert snap.epochs == (jobs.EpochPoint(0, 1, 0.25, None),)
    assert snap.batch_labels.tolist() == [3, 4] and snap.batch_images.shape == (2, 28, 28)
    with pytest.raises(RuntimeError, match="ValueError: boom"):
        job._handle(jobs.Failed("ValueError: boom"))
