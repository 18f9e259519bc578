"""Autograd agrees with central finite differences, and with torch.autograd.gradcheck."""

from __future__ import annotations

import pytest
import torch

from explainer import data, gradient_check, model


@pytest.fixture(scope="module")
def cnn() -> model.DigitCNN:
    return model.load_pretrained()


@pytest.mark.parametrize("index", [3, 193])  # a sure digit and the CNN's least sure one
def test_finite_differences_agree_with_autograd(cnn, index) -> None:
    images, labels = data.load_mnist("test")
    samples = gradient_check.finite_differences(cnn, images[index], int(labels[index]))
    assert len(samples) == 20
    assert {s.parameter for s in samples} == {name for name, _ in cnn.named_parameters()}
    assert all(s.autograd != 0 for s in samples)  # weights the loss depends on
    assert gradient_check.max_error(samples) <= 1e-6


def test_the_sample_is_seeded(cnn) -> None:
    images, labels = data.load_mnist("test")
    settings = gradient_check.CheckSettings(samples=8, seed=1)
    first = gradient_check.finite_differences(cnn, images[5], int(labels[5]), settings)
    again = gradient_check.finite_differences(cnn, images[5], int(labels[5]), settings)
    assert [(s.parameter, s.index) for s in first] == [(s.parameter, s.index) for s in again]


def test_gradcheck_passes_and_the_model_is_untouched(cnn) -> None:
    images, labels = data.load_mnist("test")
    before = {k: v.clone() for k, v in cnn.state_dict().items()}
    result = gradient_check.gradcheck_filter(cnn, images[3], int(labels[3]))
    assert result.passed and result.weights == 5
    assert all(torch.equal(before[k], v) for k, v in cnn.state_dict().items())
    assert all(v.dtype == torch.float32 for v in cnn.state_dict().values())


def test_a_wrong_gradient_is_caught() -> None:
    """The check is not a tautology: a function with a wrong backward fails it."""

    class Wrong(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * x

        @staticmethod
        def backward(ctx, grad):
            return grad  # should be 2 * x * grad

    x = torch.tensor([0.7], dtype=torch.float64, requires_grad=True)
    assert not torch.autograd.gradcheck(Wrong.apply, (x,), raise_exception=False)


def test_table_rows_name_each_weight() -> None:
    sample = gradient_check.Sample("conv2.weight", (3, 0, 1, 4), 1e-3, 1e-3 + 2e-12)
    (row,) = gradient_check.table([sample])
    assert row["weight"] == "conv2.weight[3, 0, 1, 4]"
    assert row["difference"] == pytest.approx(2e-12)
