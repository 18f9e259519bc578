"""The loss of one digit and its gradients, against an independent computation."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from explainer import data, gradients, model
from explainer.errors import ExplainerError


@pytest.fixture(scope="module")
def cnn() -> model.DigitCNN:
    return model.load_pretrained()


@pytest.fixture(scope="module")
def digit() -> tuple[torch.Tensor, int]:
    images, labels = data.load_mnist("test")
    return images[3], int(labels[3])


def test_forward_is_the_cross_entropy_of_the_cnn(cnn, digit) -> None:
    image, label = digit
    step = gradients.forward(cnn, image, label)
    probabilities = model.predict_proba(cnn, image[None])[0]
    assert torch.allclose(step.probabilities, probabilities, atol=1e-6)
    assert step.loss.item() == pytest.approx(-float(probabilities[label].log()), rel=1e-4)
    assert step.prediction == int(probabilities.argmax()) == gradients.predicted_digit(cnn, image)


def test_gradients_match_backward_on_a_copy_and_leave_grad_alone(cnn, digit) -> None:
    image, label = digit
    found = gradients.gradients(cnn, gradients.forward(cnn, image, label))
    assert found.input.shape == (28, 28) and found.filters.shape == cnn.conv1.weight.shape
    assert all(p.grad is None for p in cnn.parameters())  # the shared model is only read
    x = data.to_model_input(image[None]).requires_grad_(True)
    F.cross_entropy(cnn(x), torch.tensor([label])).backward()
    try:
        assert torch.allclose(found.input, x.grad[0, 0])
        assert torch.allclose(found.filters, cnn.conv1.weight.grad)
    finally:
        cnn.zero_grad(set_to_none=True)


def test_more_ink_where_the_gradient_is_negative_lowers_the_loss(cnn, digit) -> None:
    image, label = digit
    found = gradients.gradients(cnn, gradients.forward(cnn, image, label))
    x = data.to_model_input(image[None])
    nudged = x - 0.05 * found.input.sign()  # a small step against the gradient
    with torch.no_grad():
        before = F.cross_entropy(cnn(x), torch.tensor([label]))
        after = F.cross_entropy(cnn(nudged), torch.tensor([label]))
    assert after < before


@pytest.mark.parametrize("target", [-1, 10, 2.5, True])
def test_bad_targets_are_refused(cnn, digit, target) -> None:
    with pytest.raises(ExplainerError, match="target"):
        gradients.forward(cnn, digit[0], target)


def test_an_empty_digit_is_refused(cnn) -> None:
    with pytest.raises(ExplainerError, match="empty"):
        gradients.forward(cnn, torch.zeros(28, 28, dtype=torch.uint8), 3)
