"""The loss of one digit and its gradients, on the input pixels and on the first-layer filters.

PyTorch remembers every operation that made the loss (the autograd graph, see
:mod:`explainer.autograd_graph`) and walks it backwards to get the derivative of the loss with
respect to anything that required a gradient. Here that is the digit itself and the CNN's weights.
``torch.autograd.grad`` hands the gradients back without writing ``.grad`` into the model, so a
model shared by many sessions is only read.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F

from explainer.data import to_model_input
from explainer.errors import ExplainerError
from explainer.model import DigitCNN

CLASSES = 10


def check_target(target: int) -> int:
    """The digit the loss compares the answer with: 0-9, else a clear error."""
    if isinstance(target, bool) or not isinstance(target, int) or not 0 <= target < CLASSES:
        raise ExplainerError(f"the target must be a digit from 0 to 9, not {target!r}")
    return target


def check_image(image: torch.Tensor) -> torch.Tensor:
    """One uint8 ``[28, 28]`` digit with some ink, else a clear error."""
    if image.dtype != torch.uint8 or tuple(image.shape) != (28, 28):
        raise ExplainerError(
            f"a digit must be uint8 [28, 28], got {image.dtype} {list(image.shape)}"
        )
    if not bool(image.any()):
        raise ExplainerError("the digit is empty: there is no ink to take a gradient of")
    return image


@dataclass(frozen=True, eq=False)  # eq=False: tensors have no single truth value
class Forward:
    """One forward pass with its graph still attached: the input, the logits and the loss."""

    inputs: torch.Tensor  # (1, 1, 28, 28) normalised digit, a leaf that requires grad
    logits: torch.Tensor  # (1, 10)
    loss: torch.Tensor  # () cross-entropy against ``target``; ``loss.grad_fn`` starts the graph
    target: int

    @property
    def probabilities(self) -> torch.Tensor:
        """Softmax of the logits: ``[10]``."""
        return F.softmax(self.logits.detach(), dim=1)[0]

    @property
    def prediction(self) -> int:
        """The digit the CNN answers."""
        return int(self.logits.detach().argmax())


def forward(model: DigitCNN, image: torch.Tensor, target: int) -> Forward:
    """Run the CNN on one uint8 ``[28, 28]`` digit and take the cross-entropy loss vs ``target``."""
    check_target(target)
    x = to_model_input(check_image(image)[None]).requires_grad_(True)  # (1, 1, 28, 28)
    logits = model(x)  # (1, 10)
    loss = F.cross_entropy(logits, torch.tensor([target]))  # ()
    return Forward(x, logits, loss, target)


def predicted_digit(model: DigitCNN, image: torch.Tensor) -> int:
    """The CNN's answer for one digit (the default target of a digit without a label)."""
    with torch.no_grad():
        return int(model(to_model_input(check_image(image)[None])).argmax())


@dataclass(frozen=True, eq=False)
class Gradients:
    """d loss / d (each input pixel) and d loss / d (each first-layer weight)."""

    loss: float
    input: torch.Tensor  # (28, 28): > 0 where brighter ink would raise the loss
    filters: torch.Tensor  # (C1, 1, k, k): the gradient on each first-layer filter


def gradients(model: DigitCNN, step: Forward) -> Gradients:
    """Backpropagate ``step.loss`` to the digit and to ``conv1.weight`` (``.grad`` left untouched).

    ``retain_graph`` keeps the graph for whoever walks it after us.
    """
    on_input, on_filters = torch.autograd.grad(
        step.loss, [step.inputs, model.conv1.weight], retain_graph=True
    )
    return Gradients(step.loss.item(), on_input[0, 0], on_filters.contiguous())
