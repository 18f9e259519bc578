"""One optimizer step on one digit, on a copy of the model: the loop you own, at its smallest.

``loss.backward()`` fills each weight's ``.grad``; ``optimizer.step()`` moves each weight against
it, ``w <- w - lr * grad`` for plain SGD. The step runs on a deep copy, so the shared model (and
every other session) never sees it.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from explainer.data import to_model_input
from explainer.errors import ExplainerError
from explainer.gradients import check_image, check_target

TOP = 3  # weights shown per layer


def check_lr(lr: float) -> float:
    """A learning rate must be a positive, finite number."""
    if (
        isinstance(lr, bool)
        or not isinstance(lr, (int, float))
        or not (math.isfinite(lr) and lr > 0)
    ):
        raise ExplainerError(f"the learning rate must be a positive number, not {lr!r}")
    return float(lr)


@dataclass(frozen=True)
class Moved:
    """One weight before and after the step."""

    parameter: str  # e.g. "fc1.weight"
    index: tuple[int, ...]
    before: float
    after: float

    @property
    def layer(self) -> str:
        """The layer the weight belongs to: "fc1" for "fc1.weight"."""
        return self.parameter.rsplit(".", 1)[0]

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def weight(self) -> str:
        """The weight's name with its index: "fc1.weight[16, 361]"."""
        return f"{self.parameter}{list(self.index)}"


@dataclass(frozen=True)
class Score:
    """Mean loss and accuracy on a set of digits."""

    loss: float
    accuracy: float


@dataclass(frozen=True)
class StepResult:
    """What one SGD step on one digit did: to its loss, to the weights, to the other digits."""

    lr: float
    target: int
    loss_before: float
    loss_after: float
    moved: tuple[Moved, ...]  # per layer, the TOP weights that moved most, largest first
    others_before: Score | None = None  # on other digits (the test split), before and after
    others_after: Score | None = None

    @property
    def outcome(self) -> str:
        """ "lower", "higher" (the step overshot), or "exploded" (the loss is inf or NaN)."""
        if not math.isfinite(self.loss_after):
            return "exploded"
        return "lower" if self.loss_after < self.loss_before else "higher"

    @property
    def others_exploded(self) -> bool:
        """Whether the step wrecked the model on the other digits (their loss inf, NaN or x10)."""
        if self.others_before is None or self.others_after is None:
            return False
        after = self.others_after.loss
        return not math.isfinite(after) or after > 10 * self.others_before.loss


def table(result: StepResult) -> list[dict[str, object]]:
    """One row per weight that moved most: its layer and name, before, after, the change."""
    return [
        {
            "layer": m.layer,
            "weight": m.weight,
            "before": m.before,
            "after": m.after,
            "change": m.delta,
        }
        for m in result.moved
    ]


def score(model: nn.Module, images: torch.Tensor, labels: torch.Tensor) -> Score:
    """Mean cross-entropy and accuracy of ``model`` on uint8 ``[N, 28, 28]`` digits."""
    with torch.no_grad():
        logits = model(to_model_input(images))  # (N, 10)
        loss = F.cross_entropy(logits, labels)
    return Score(float(loss), float((logits.argmax(1) == labels).float().mean()))


def _size(moved: Moved) -> float:
    """How far a weight moved; an overflowed (inf or NaN) move counts as the farthest."""
    return abs(moved.delta) if math.isfinite(moved.delta) else math.inf


def top_moved(before: dict[str, torch.Tensor], after: nn.Module, top: int = TOP) -> list[Moved]:
    """Per layer, the ``top`` weights with the largest |after - before|, largest first."""
    by_layer: dict[str, list[Moved]] = {}
    for name, new in after.named_parameters():
        old, new = before[name], new.detach()
        change = (new - old).abs().flatten()  # (numel,)
        values, flat = change.nan_to_num(math.inf).topk(min(top, change.numel()))
        for i in flat.tolist():
            index = tuple(int(k) for k in torch.unravel_index(torch.tensor(i), old.shape))
            moved = Moved(name, index, float(old[index]), float(new[index]))
            by_layer.setdefault(moved.layer, []).append(moved)
    return [m for layer in by_layer.values() for m in sorted(layer, key=_size, reverse=True)[:top]]


def one_step(
    model: nn.Module,
    image: torch.Tensor,
    target: int,
    lr: float,
    others: tuple[torch.Tensor, torch.Tensor] | None = None,
) -> StepResult:
    """One ``optimizer.step()`` of SGD on one digit, on a copy of ``model``.

    ``others`` (images, labels) are scored before and after: one digit's step moves the weights
    every digit shares.
    """
    check_target(target)
    lr = check_lr(lr)
    x = to_model_input(check_image(image)[None])  # (1, 1, 28, 28)
    label = torch.tensor([target])
    mine = copy.deepcopy(model).train()  # a private copy: the shared model is only read
    mine.requires_grad_(True)
    before = {name: p.detach().clone() for name, p in mine.named_parameters()}
    others_before = score(mine, *others) if others is not None else None
    optimizer = torch.optim.SGD(mine.parameters(), lr=lr)

    optimizer.zero_grad()
    loss = F.cross_entropy(mine(x), label)  # the forward pass builds the graph
    loss.backward()  # autograd fills every weight's .grad
    optimizer.step()  # w <- w - lr * w.grad

    with torch.no_grad():
        after = float(F.cross_entropy(mine(x), label))
    return StepResult(
        lr=lr,
        target=target,
        loss_before=loss.item(),
        loss_after=after,
        moved=tuple(top_moved(before, mine)),
        others_before=others_before,
        others_after=score(mine, *others) if others is not None else None,
    )
