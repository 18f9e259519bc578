"""One SGD step on one digit lowers its loss, on a copy: the shared model never changes."""

from __future__ import annotations

import math

import pytest
import torch

from explainer import data, model, one_step
from explainer.errors import ExplainerError


@pytest.fixture(scope="module")
def cnn() -> model.DigitCNN:
    return model.load_pretrained()


@pytest.fixture(scope="module")
def test_split() -> tuple[torch.Tensor, torch.Tensor]:
    return data.load_mnist("test")


def test_one_step_lowers_the_loss_and_leaves_the_shared_model_alone(cnn, test_split) -> None:
    images, labels = test_split
    before = {k: v.clone() for k, v in cnn.state_dict().items()}
    result = one_step.one_step(cnn, images[193], int(labels[193]), lr=0.01, others=test_split)
    assert result.outcome == "lower" and result.loss_after < result.loss_before
    assert all(torch.equal(before[k], v) for k, v in cnn.state_dict().items())
    assert all(p.grad is None for p in cnn.parameters())
    shipped = model.load_pretrained().state_dict()
    assert all(torch.equal(shipped[k], v) for k, v in cnn.state_dict().items())
    assert result.others_before.accuracy == pytest.approx(model.accuracy(cnn, images, labels))


def test_the_step_is_w_minus_lr_times_grad(cnn, test_split) -> None:
    images, labels = test_split
    lr = 0.5
    copy = model.load_pretrained()
    x = data.to_model_input(images[7:8])
    torch.nn.functional.cross_entropy(copy(x), labels[7:8]).backward()
    result = one_step.one_step(cnn, images[7], int(labels[7]), lr=lr)
    params = dict(copy.named_parameters())
    for moved in result.moved:
        expected = moved.before - lr * float(params[moved.parameter].grad[moved.index])
        assert moved.after == pytest.approx(expected, rel=1e-5, abs=1e-7)


def test_the_weights_that_moved_most_per_layer(cnn, test_split) -> None:
    images, labels = test_split
    result = one_step.one_step(cnn, images[3], int(labels[3]), lr=0.1)
    layers = [m.layer for m in result.moved]
    runs = [layer for k, layer in enumerate(layers) if k == 0 or layers[k - 1] != layer]
    assert len(runs) == len(set(runs))  # grouped by layer
    assert set(layers) == {"conv1", "conv2", "fc1", "fc2"}
    for layer in set(layers):
        sizes = [abs(m.delta) for m in result.moved if m.layer == layer]
        assert len(sizes) == one_step.TOP and sizes == sorted(sizes, reverse=True)


def test_a_huge_learning_rate_explodes_without_an_exception(cnn, test_split) -> None:
    images, labels = test_split
    result = one_step.one_step(cnn, images[3], int(labels[3]), lr=1e16, others=test_split)
    assert result.outcome == "exploded" and not math.isfinite(result.loss_after)
    assert result.others_exploded


def test_a_large_learning_rate_fits_the_digit_and_wrecks_the_others(cnn, test_split) -> None:
    images, labels = test_split
    result = one_step.one_step(cnn, images[3], int(labels[3]), lr=10, others=test_split)
    assert result.outcome == "lower"
    assert result.others_exploded and result.others_after.accuracy < 0.5


@pytest.mark.parametrize("lr", [0, -0.1, float("nan"), float("inf"), "0.1"])
def test_bad_learning_rates_are_refused(cnn, test_split, lr) -> None:
    with pytest.raises(ExplainerError, match="learning rate"):
        one_step.one_step(cnn, test_split[0][3], 0, lr=lr)


def test_table_rows(cnn, test_split) -> None:
    images, labels = test_split
    result = one_step.one_step(cnn, images[3], int(labels[3]), lr=0.1)
    rows = one_step.table(result)
    assert len(rows) == len(result.moved) == 4 * one_step.TOP
    assert rows[0]["weight"].startswith(rows[0]["layer"] + ".")
    assert rows[0]["change"] == pytest.approx(rows[0]["after"] - rows[0]["before"])
