"""The training loop: an oracle loop, seeds, progress events, stop, divergence, hand filters."""

from __future__ import annotations

import math

import pytest
import torch
from torch import nn

from explainer import data, model, train

TINY = train.TrainConfig(
    train.cnn_fit(epochs=1, batch_size=32, seed=3), train_size=256, snapshot_every=2
)


def blobs(n: int = 400, seed: int = 0) -> data.TensorPairDataset:
    """Two well separated Gaussian blobs in 4-d: a feature-vector dataset like the hand features."""
    g = torch.Generator().manual_seed(seed)
    labels = torch.arange(n) % 2
    inputs = torch.randn(n, 4, generator=g) + 3.0 * labels.unsqueeze(1).float()  # (n, 4)
    return data.TensorPairDataset(inputs, labels)


def test_fit_config_rejects_bad_values():
    for bad in [
        {"epochs": -1},
        {"batch_size": 0},
        {"lr": 0.0},
        {"lr": -0.1},
        {"lr": math.nan},
        {"lr": math.inf},
        {"optimizer": "rmsprop"},
    ]:
        with pytest.raises(ValueError):
            train.FitConfig(**bad)
    assert train.FitConfig(optimizer="sgd").learning_rate == train.DEFAULT_LR["sgd"]
    with pytest.raises(ValueError):
        train.TrainConfig(train_size=0)
    with pytest.raises(ValueError):
        train.TrainConfig(first_layer="sobel")


def test_fit_takes_the_same_steps_as_a_hand_written_torch_loop():
    """Oracle: the chapter's loop written out with plain torch, same loader order and optimizer."""
    dataset = blobs()
    config = train.FitConfig(epochs=2, batch_size=50, lr=0.1, optimizer="momentum", decay=False)
    torch.manual_seed(0)
    ours = nn.Linear(4, 2)
    oracle = nn.Linear(4, 2)
    oracle.load_state_dict(ours.state_dict())
    result = train.fit(ours, dataset, config)

    optimizer = torch.optim.SGD(oracle.parameters(), lr=0.1, momentum=0.9)
    losses = []
    loader = data.make_loader(dataset, 50, shuffle=True, seed=config.seed)  # reshuffles per epoch
    for _ in range(2):
        for inputs, labels in loader:
            loss = nn.functional.cross_entropy(oracle(inputs), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    assert result.losses == pytest.approx(losses, rel=1e-6)
    torch.testing.assert_close(ours.weight, oracle.weight)
    assert result.status == "finished" and result.steps == 16


def test_fit_trains_a_linear_classifier_on_feature_vectors():
    train_set, test_set = blobs(seed=1), blobs(seed=2)
    torch.manual_seed(0)
    linear = nn.Linear(4, 2)
    result = train.fit(linear, train_set, train.FitConfig(epochs=3, lr=0.1), test_set)
    assert result.test_accuracy is not None and result.test_accuracy > 0.95
    assert result.test_accuracy == train.evaluate(linear, test_set)
    assert [e.epoch for e in result.epochs] == [0, 1, 2]
    assert result.epochs[-1].train_accuracy > 0.9
    assert sum(result.losses[-5:]) < sum(result.losses[:5])
    assert not linear.training


def test_decay_lowers_the_learning_rate_linearly_to_zero():
    optimizer = torch.optim.SGD(nn.Linear(1, 1).parameters(), lr=1.0)
    scheduler = train.make_scheduler(optimizer, train.FitConfig(), steps=4)
    rates = []
    for _ in range(4):
        optimizer.step()
        scheduler.step()
        rates.append(optimizer.param_groups[0]["lr"])
    assert rates == pytest.approx([0.75, 0.5, 0.25, 0.0])


def test_same_seed_same_history_and_different_seed_different():
    first, second = train.train_cnn(TINY), train.train_cnn(TINY)
    assert first.losses == second.losses and len(first.losses) == 8
    assert [s.step for s in first.snapshots] == [0, 2, 4, 6, 8]
    for a, b in zip(first.snapshots, second.snapshots):
        assert torch.equal(a.weights, b.weights)
    other = train.train_cnn(train.with_overrides(TINY, seed=4))
    assert other.losses != first.losses


def test_progress_events_describe_the_run():
    events: list[train.Progress] = []
    result = train.train_cnn(train.with_overrides(TINY, epochs=2), on_progress=events.append)
    steps = [e for e in events if e.kind == "step"]
    epochs = [e for e in events if e.kind == "epoch"]
    assert [e.step for e in steps] == list(range(1, 17))
    assert [e.loss for e in steps] == result.losses
    assert all(e.total_steps == 16 for e in events) and steps[-1].fraction == 1.0
    inputs, labels = steps[0].batch
    assert inputs.shape == (32, 1, 28, 28) and labels.shape == (32,)
    assert [e.epoch for e in epochs] == [0, 1]
    assert epochs[-1].test_accuracy == result.test_accuracy
    assert epochs[-1].train_accuracy == result.fit.epochs[-1].train_accuracy
    assert all(e.seconds <= result.fit.seconds for e in events)


def test_should_stop_ends_at_the_next_step_and_keeps_the_weights():
    start = model.build_model(TINY.model, TINY.fit.seed).fc1.weight.detach().clone()
    calls = []

    def stop_after_three() -> bool:
        calls.append(1)
        return len(calls) > 3

    result = train.train_cnn(train.with_overrides(TINY, epochs=5), should_stop=stop_after_three)
    assert result.status == "stopped" and result.fit.steps == 3
    assert not torch.equal(result.model.fc1.weight, start)  # what was learned is kept
    assert result.test_accuracy == train.evaluate(result.model, train.digit_dataset("test"))
    assert result.snapshots[-1].step == 3


def test_a_huge_learning_rate_diverges_and_restores_the_last_good_weights():
    config = train.with_overrides(TINY, optimizer="sgd", lr=1e6, epochs=2)
    after_step: dict[int, dict[str, torch.Tensor]] = {}

    def keep(event: train.Progress) -> None:
        if event.kind == "step":
            after_step[event.step] = {k: v.clone() for k, v in event.model.state_dict().items()}

    result = train.train_cnn(config, on_progress=keep)
    divergence = result.fit.divergence
    assert result.status == "diverged" and divergence is not None
    assert not math.isfinite(divergence.loss) and divergence.lr == 1e6
    assert divergence.optimizer == "sgd" and divergence.step == result.fit.steps + 1
    assert divergence.last_good_loss == result.losses[-1]
    assert all(math.isfinite(v) for v in result.losses)
    # The weights that gave the last finite loss: those from before the last step.
    t = result.fit.steps
    expected = (
        after_step[t - 1]
        if t > 1
        else model.build_model(config.model, config.fit.seed).state_dict()
    )
    for name, tensor in result.model.state_dict().items():
        assert torch.isfinite(tensor).all()
        torch.testing.assert_close(tensor, expected[name])


def test_hand_start_frozen_keeps_the_kernels_and_trains_the_rest():
    config = train.with_overrides(TINY, first_layer="hand", freeze_first_layer=True)
    result = train.train_cnn(config)
    bank = model.hand_filter_bank(16, 5)[1]
    torch.testing.assert_close(result.model.conv1.weight, bank)
    assert all(torch.equal(s.weights, bank) for s in result.snapshots)
    fresh = model.build_model(config.model, config.fit.seed)
    assert not torch.equal(result.model.conv2.weight, fresh.conv2.weight)
    unfrozen = train.train_cnn(train.with_overrides(config, freeze_first_layer=False))
    assert not torch.equal(unfrozen.model.conv1.weight, bank)


def test_training_subset_is_seeded_and_threads_are_restored():
    a, b = train.training_subset(100, 1), train.training_subset(100, 1)
    assert len(a) == 100 and torch.equal(a.labels, b.labels)
    assert not torch.equal(a.labels, train.training_subset(100, 2).labels)
    assert len(train.training_subset(10_000, 0)) == 4000
    before = torch.get_num_threads()
    train.train_cnn(train.with_overrides(TINY, train_size=32, threads=1))
    assert torch.get_num_threads() == before


def test_zero_epochs_returns_the_untrained_model():
    result = train.train_cnn(train.with_overrides(TINY, epochs=0))
    assert result.status == "finished" and result.losses == [] and result.fit.epochs == []
    assert result.test_accuracy == train.evaluate(result.model, train.digit_dataset("test"))


def test_default_run_reaches_97_percent_and_reproduces_the_shipped_weights():
    result = train.train_cnn(train.TrainConfig())
    assert result.status == "finished" and result.test_accuracy >= 0.97
    assert len(result.fit.epochs) == 3 and result.fit.epochs[-1].step == 189
    shipped = model.load_pretrained().state_dict()  # scripts/make_pretrained.py: the same config
    for name, tensor in result.model.state_dict().items():
        torch.testing.assert_close(tensor, shipped[name], atol=1e-4, rtol=1e-3)


def test_train_config_holds_the_loop_settings_with_a_constant_rate():
    config = train.TrainConfig()
    assert config.fit == train.CNN_FIT and config.fit.decay is False and config.fit.device == "cpu"
    changed = train.with_overrides(config, epochs=2, train_size=100)
    assert changed.fit == train.cnn_fit(epochs=2) and changed.train_size == 100
    assert not hasattr(config, "epochs")  # one place for each setting


@pytest.fixture
def fake_cuda(monkeypatch):
    """A "cuda:0" that the CPU serves: the loop's moves are recorded, the numbers are the CPU's."""
    moved = []
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)

    def torch_device(name: str) -> torch.device:
        moved.append(name)
        return torch.device("cpu")

    monkeypatch.setattr(train, "torch_device", torch_device)
    return moved


def test_a_run_on_another_device_gives_the_cpu_run_and_returns_on_the_cpu(fake_cuda):
    cpu = train.train_cnn(TINY)
    gpu = train.train_cnn(train.with_overrides(TINY, device="cuda:0"))
    assert fake_cuda == ["cpu", "cuda:0"] and gpu.config.fit.device == "cuda:0"
    assert gpu.losses == cpu.losses and gpu.test_accuracy == cpu.test_accuracy
    assert all(s.weights.device.type == "cpu" for s in gpu.snapshots)
    assert all(p.device.type == "cpu" for p in gpu.model.parameters())


def test_pick_device_finds_what_is_present_and_refuses_what_is_not(monkeypatch, fake_cuda):
    from explainer import machine

    assert machine.pick_device("auto") == "cuda:0" and machine.pick_device("cuda") == "cuda:0"
    assert machine.pick_device("cpu") == "cpu"
    with pytest.raises(machine.DeviceMissing, match="cuda:1: only 1 CUDA GPU"):
        machine.pick_device("cuda:1")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert machine.pick_device("auto") == "cpu"
    with pytest.raises(machine.DeviceMissing, match="cuda: no CUDA GPU here"):
        machine.pick_device("cuda")
