"""Check autograd against the definition of a derivative: nudge a weight, watch the loss.

The central difference ``(L(w + h) - L(w - h)) / 2h`` approaches dL/dw as ``h`` shrinks. In
float64 (about 16 digits) a step of 1e-6 leaves an error far below 1e-6, so autograd and the
finite difference should agree to many digits. ``torch.autograd.gradcheck`` does the same test
for every input of a function at once; :func:`gradcheck_filter` runs it on the loss as a
function of a few first-layer weights.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call

from explainer.data import to_model_input
from explainer.gradients import check_image, check_target
from explainer.perf import torch_threads


@dataclass(frozen=True)
class CheckSettings:
    """How many weights to check, which ones (a seed), and the finite-difference step."""

    samples: int = 20
    seed: int = 0
    step: float = 1e-6


@dataclass(frozen=True)
class Sample:
    """One weight: its gradient from autograd and from the finite difference."""

    parameter: str  # e.g. "conv2.weight"
    index: tuple[int, ...]
    autograd: float
    numeric: float

    @property
    def difference(self) -> float:
        """|autograd - finite difference|."""
        return abs(self.autograd - self.numeric)

    @property
    def weight(self) -> str:
        """The weight's name with its index: "conv2.weight[3, 0, 1, 4]"."""
        return f"{self.parameter}{list(self.index)}"


def in_double(model: nn.Module) -> nn.Module:
    """A float64 copy of ``model``: the shared model is not touched."""
    return copy.deepcopy(model).double().eval()


def loss_of(model: nn.Module, image: torch.Tensor, target: int) -> torch.Tensor:
    """Cross-entropy of a float64 model on one uint8 ``[28, 28]`` digit against ``target``."""
    x = to_model_input(check_image(image)[None]).double()  # (1, 1, 28, 28) float64
    return F.cross_entropy(model(x), torch.tensor([check_target(target)]))


def pick_weights(
    grads: dict[str, torch.Tensor], settings: CheckSettings
) -> list[tuple[str, tuple[int, ...]]]:
    """``settings.samples`` weights, seeded, taking each parameter tensor (layer) in turn.

    Only weights the loss depends on for this digit (gradient not 0) are picked, where a tensor
    has any: a weight behind a ReLU that is off gives 0 both ways, which checks nothing.
    """
    generator = torch.Generator().manual_seed(settings.seed)
    names = list(grads)
    picks = []
    for n in range(settings.samples):
        name = names[n % len(names)]
        grad = grads[name]
        live = grad.flatten().nonzero().flatten()  # (L,) flat indices with a gradient
        pool = live if len(live) else torch.arange(grad.numel())
        flat = pool[torch.randint(len(pool), (1,), generator=generator)]
        picks.append((name, tuple(int(i) for i in torch.unravel_index(flat, grad.shape))))
    return picks


def finite_differences(
    model: nn.Module, image: torch.Tensor, target: int, settings: CheckSettings = CheckSettings()
) -> list[Sample]:
    """Autograd's gradient of the loss vs the central difference, on a sample of weights."""
    double = in_double(model)
    params = dict(double.named_parameters())
    with torch_threads(1):  # one digit at a time: threads would only wait for each other
        loss = loss_of(double, image, target)
        grads = dict(zip(params, torch.autograd.grad(loss, list(params.values()))))
        samples = []
        with torch.no_grad():
            for name, index in pick_weights(grads, settings):
                weight = params[name]
                original = float(weight[index])
                weight[index] = original + settings.step
                up = float(loss_of(double, image, target))
                weight[index] = original - settings.step
                down = float(loss_of(double, image, target))
                weight[index] = original
                numeric = (up - down) / (2 * settings.step)
                samples.append(Sample(name, index, float(grads[name][index]), numeric))
    return samples


def table(samples: list[Sample]) -> list[dict[str, object]]:
    """One row per checked weight: its name, both gradients, their difference."""
    return [
        {
            "weight": s.weight,
            "autograd": s.autograd,
            "numeric": s.numeric,
            "difference": s.difference,
        }
        for s in samples
    ]


def max_error(samples: list[Sample]) -> float:
    """The largest |autograd - finite difference| over the samples."""
    return max((s.difference for s in samples), default=0.0)


@dataclass(frozen=True)
class GradcheckResult:
    """What ``torch.autograd.gradcheck`` said, and on how many inputs."""

    passed: bool
    weights: int
    eps: float
    atol: float
    rtol: float


def gradcheck_filter(
    model: nn.Module, image: torch.Tensor, target: int, weights: int = 5, eps: float = 1e-6
) -> GradcheckResult:
    """``torch.autograd.gradcheck`` on the loss as a function of the first ``weights`` weights of
    the first conv1 filter (the rest of the model held fixed), in float64."""
    double = in_double(model)
    base = double.conv1.weight.detach()  # (C1, 1, k, k)
    x = to_model_input(check_image(image)[None]).double()  # (1, 1, 28, 28)
    label = torch.tensor([check_target(target)])
    k = base.shape[-1]
    first = torch.arange(weights)  # (weights,) positions in the first filter, row by row
    rows, cols = first // k, first % k
    index = (torch.zeros_like(rows), torch.zeros_like(rows), rows, cols)

    def loss_of_weights(w: torch.Tensor) -> torch.Tensor:
        kernel = base.index_put(index, w)  # conv1's weights with ``w`` in place of the first few
        return F.cross_entropy(functional_call(double, {"conv1.weight": kernel}, (x,)), label)

    start = base[index].clone().requires_grad_(True)  # (weights,)
    atol, rtol = 1e-5, 1e-3  # gradcheck's defaults
    with torch_threads(1):
        passed = torch.autograd.gradcheck(
            loss_of_weights, (start,), eps=eps, atol=atol, rtol=rtol, raise_exception=False
        )
    return GradcheckResult(bool(passed), weights, eps, atol, rtol)
