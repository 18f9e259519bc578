"""The benchmark's operations: what each one computes, what its size means, and its FLOP and byte
counts (the numerators of GFLOP/s and GB/s)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from explainer.model import DigitCNN, seeded

if TYPE_CHECKING:
    from explainer.bench.grid import Cell

ModelFactory = Callable[[], nn.Module]
DTYPES: dict[str, torch.dtype] = {
    "float32": torch.float32,
    "tf32": torch.float32,  # float32 storage, TensorFloat-32 matmul/conv: CUDA only
    "float16": torch.float16,
    "bfloat16": torch.bfloat16,
}
NUMPY_DTYPES = {"float32": np.float32, "float16": np.float16}


Built = tuple[Callable[..., Any], tuple[Any, ...]]


@dataclass(frozen=True)
class OpSpec:
    """One operation: what ``size`` means, its FLOP and byte counts, and how to build it."""

    name: str
    shape: str  # what the size n means, shown to users
    default_sizes: tuple[int, ...]
    flops: Callable[[int], float] | None  # None: counted from the model (training step)
    elements_moved: Callable[[int], float] | None  # read + written elements; None: not meaningful
    make: Callable[[int, torch.dtype, torch.device, ModelFactory], Built]
    numpy: Callable[[int, Any], Built] | None = None


def _randn(*shape: int, dtype: torch.dtype, device: torch.device, seed: int = 0) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=generator).to(device=device, dtype=dtype)


def _np_pair(n: int, dtype: Any) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    return rng.standard_normal((n, n)).astype(dtype), rng.standard_normal((n, n)).astype(dtype)


def _make_matmul(n: int, dtype: torch.dtype, device: torch.device, _: ModelFactory) -> Built:
    a, b = (
        _randn(n, n, dtype=dtype, device=device),
        _randn(n, n, dtype=dtype, device=device, seed=1),
    )
    return torch.matmul, (a, b)  # (n, n) @ (n, n)


def _make_binary(fn: Callable[..., torch.Tensor]) -> Callable[..., Built]:
    def make(n: int, dtype: torch.dtype, device: torch.device, _: ModelFactory) -> Built:
        a = _randn(n, n, dtype=dtype, device=device)
        return fn, (a, _randn(n, n, dtype=dtype, device=device, seed=1))

    return make


def _make_unary(fn: Callable[[torch.Tensor], torch.Tensor]) -> Callable[..., Built]:
    def make(n: int, dtype: torch.dtype, device: torch.device, _: ModelFactory) -> Built:
        return fn, (_randn(n, n, dtype=dtype, device=device),)

    return make


MNIST_FILTERS, LARGE_CHANNELS = 32, 64


def _make_conv_mnist(n: int, dtype: torch.dtype, device: torch.device, _: ModelFactory) -> Built:
    x = _randn(n, 1, 28, 28, dtype=dtype, device=device)  # (N, 1, 28, 28): a batch of digits
    weight = _randn(MNIST_FILTERS, 1, 3, 3, dtype=dtype, device=device, seed=1)
    return (lambda x, w: F.conv2d(x, w, padding=1)), (x, weight)


def _make_conv_large(n: int, dtype: torch.dtype, device: torch.device, _: ModelFactory) -> Built:
    x = _randn(1, LARGE_CHANNELS, n, n, dtype=dtype, device=device)  # (1, 64, n, n)
    weight = _randn(LARGE_CHANNELS, LARGE_CHANNELS, 3, 3, dtype=dtype, device=device, seed=1)
    return (lambda x, w: F.conv2d(x, w, padding=1)), (x, weight)


def make_train_step(
    n: int, dtype: torch.dtype, device: torch.device, model_factory: ModelFactory
) -> Built:
    """One full step: forward, cross-entropy, backward, SGD update, on a batch of ``n`` digits."""
    with seeded(0):  # the same weights every time, other sessions' RNG untouched
        model = model_factory()
    model = model.to(device=device, dtype=dtype).train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    x = _randn(n, 1, 28, 28, dtype=dtype, device=device)  # (N, 1, 28, 28)
    y = (torch.arange(n) % 10).to(device)  # (N,)

    def step(x: torch.Tensor, y: torch.Tensor) -> None:
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()

    return step, (x, y)


OPS: dict[str, OpSpec] = {
    spec.name: spec
    for spec in (
        OpSpec(
            "matmul",
            "(n, n) @ (n, n)",
            (64, 256, 1024),
            lambda n: 2.0 * n**3,
            lambda n: 3.0 * n * n,
            _make_matmul,
            lambda n, d: (np.matmul, _np_pair(n, d)),
        ),
        OpSpec(
            "conv2d_mnist",
            "conv2d 3x3, 1 -> 32 channels, batch of n 28x28 digits",
            (1, 64, 512),
            lambda n: 2.0 * n * MNIST_FILTERS * 28 * 28 * 9,
            lambda n: n * 28 * 28 + MNIST_FILTERS * 9 + n * MNIST_FILTERS * 28 * 28,
            _make_conv_mnist,
        ),
        OpSpec(
            "conv2d_large",
            "conv2d 3x3, 64 -> 64 channels, one n x n image",
            (28, 112),
            lambda n: 2.0 * LARGE_CHANNELS * LARGE_CHANNELS * 9 * n * n,
            lambda n: 2 * LARGE_CHANNELS * n * n + LARGE_CHANNELS * LARGE_CHANNELS * 9,
            _make_conv_large,
        ),
        OpSpec(
            "add",
            "(n, n) + (n, n)",
            (256, 1024, 4096),
            lambda n: float(n * n),
            lambda n: 3.0 * n * n,
            _make_binary(torch.add),
            lambda n, d: (np.add, _np_pair(n, d)),
        ),
        OpSpec(
            "mul",
            "(n, n) * (n, n)",
            (256, 1024, 4096),
            lambda n: float(n * n),
            lambda n: 3.0 * n * n,
            _make_binary(torch.mul),
            lambda n, d: (np.multiply, _np_pair(n, d)),
        ),
        OpSpec(
            "sum",
            "sum of all n x n elements",
            (256, 1024, 4096),
            lambda n: float(n * n),
            lambda n: float(n * n),
            _make_unary(torch.sum),
        ),
        OpSpec(
            "softmax",
            "softmax over the rows of (n, n); 5 FLOPs per element",
            (256, 1024),
            lambda n: 5.0 * n * n,  # max, subtract, exp, sum, divide
            lambda n: 2.0 * n * n,
            _make_unary(lambda x: torch.softmax(x, dim=-1)),
        ),
        OpSpec(
            "train_step",
            "one training step of the digit CNN on a batch of n",
            (16, 64, 256),
            None,
            None,
            make_train_step,
        ),
    )
}
DEFAULT_OPS: tuple[str, ...] = tuple(OPS)
# Larger default sizes added when a GPU is in the sweep: where GPUs pull away from the CPU.
GPU_EXTRA_SIZES: dict[str, tuple[int, ...]] = {
    "matmul": (2048, 4096, 8192),
    "conv2d_mnist": (4096,),
    "conv2d_large": (224, 448),
    "add": (8192,),
    "mul": (8192,),
    "sum": (8192,),
    "softmax": (4096,),
    "train_step": (1024, 4096),
}


def default_model_factory() -> ModelFactory:
    """The project's CNN (``explainer.model.DigitCNN``)."""
    return DigitCNN


@lru_cache(maxsize=8)
def train_step_flops_per_sample(model_factory: ModelFactory) -> float:
    """FLOPs of one training step per digit (convolutions and matmuls, forward + backward)."""
    from torch.utils.flop_counter import FlopCounterMode

    with seeded(0):
        model = model_factory().train()
    x = torch.zeros(2, 1, 28, 28)
    with FlopCounterMode(display=False) as counter:
        F.cross_entropy(model(x), torch.zeros(2, dtype=torch.long)).backward()
    return counter.get_total_flops() / 2


def cell_flops(cell: Cell, model_factory: ModelFactory | None = None) -> float:
    """The FLOP count of one run of the cell's op (the numerator of GFLOP/s)."""
    spec = OPS[cell.op]
    if spec.flops is not None:
        return spec.flops(cell.size)
    return train_step_flops_per_sample(model_factory or default_model_factory()) * cell.size


def cell_bytes(cell: Cell) -> float:
    """Bytes read and written by one run (the numerator of GB/s); NaN where not meaningful."""
    spec = OPS[cell.op]
    if spec.elements_moved is None:
        return math.nan
    element = torch.empty((), dtype=DTYPES[cell.dtype]).element_size()
    return spec.elements_moved(cell.size) * element
