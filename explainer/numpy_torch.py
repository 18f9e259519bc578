"""Tensors are like NumPy arrays: the same computations side by side, memory they share, and why
both are fast (one block of numbers of one type, not a list of Python objects)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import torch

from explainer.perf import torch_threads

SIZE = 28
# The weights of the matrix product: seeded, the same for NumPy and torch.
WEIGHTS = np.random.default_rng(0).standard_normal((SIZE * SIZE, 10)).astype(np.float32)


# ---------------------------------------------------------------------------------------------
# The same computation, twice: each pair differs only in the library's name


def index_numpy(a: np.ndarray) -> np.ndarray:
    return a[14, 4:24]  # the middle row, columns 4 to 23


def index_torch(t: torch.Tensor) -> torch.Tensor:
    return t[14, 4:24]


def broadcast_numpy(a: np.ndarray) -> np.ndarray:
    rows = np.arange(28).reshape(28, 1)  # a column [28, 1], stretched over 28 columns
    return a * rows


def broadcast_torch(t: torch.Tensor) -> torch.Tensor:
    rows = torch.arange(28).reshape(28, 1)
    return t * rows


def reduce_numpy(a: np.ndarray) -> np.ndarray:
    return a.sum(axis=1)  # the ink of each row


def reduce_torch(t: torch.Tensor) -> torch.Tensor:
    return t.sum(dim=1)


def matmul_numpy(a: np.ndarray) -> np.ndarray:
    x = (a.reshape(1, 784) / 255).astype(np.float32)  # [1, 784]
    return x @ WEIGHTS  # [1, 10]: a linear layer's 10 scores


def matmul_torch(t: torch.Tensor) -> torch.Tensor:
    x = t.reshape(1, 784) / 255
    return x @ torch.from_numpy(WEIGHTS)


PAIRS: dict[str, tuple[Callable, Callable]] = {
    "index": (index_numpy, index_torch),
    "broadcast": (broadcast_numpy, broadcast_torch),
    "reduce": (reduce_numpy, reduce_torch),
    "matmul": (matmul_numpy, matmul_torch),
}


@dataclass(frozen=True, eq=False)
class SideBySide:
    """One computation done by NumPy and by torch, and whether the answers are equal."""

    key: str  # "index", "broadcast", "reduce", "matmul"
    numpy_result: np.ndarray
    torch_result: torch.Tensor
    exact: bool  # equal to the last bit
    close: bool  # equal up to float rounding (sums of floats in another order)
    largest_difference: float


def side_by_side(image: torch.Tensor) -> list[SideBySide]:
    """Run every pair on one uint8 ``[28, 28]`` digit: NumPy on ``image.numpy()``, torch on it."""
    rows = []
    for key, (with_numpy, with_torch) in PAIRS.items():
        ours, theirs = with_numpy(image.numpy()), with_torch(image)
        mine = theirs.numpy()
        difference = np.abs(ours.astype(np.float64) - mine.astype(np.float64))
        rows.append(
            SideBySide(
                key=key,
                numpy_result=ours,
                torch_result=theirs,
                exact=bool(np.array_equal(ours, mine)),
                close=bool(np.allclose(ours, mine, rtol=1e-5, atol=1e-5)),
                largest_difference=float(difference.max(initial=0.0)),
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------
# Shared memory: torch.from_numpy makes a tensor over the array's own bytes


@dataclass(frozen=True)
class Memory:
    """Where one tensor keeps its numbers, and whether they are the NumPy array's own bytes."""

    made_by: str  # the code that made it, e.g. "t.clone()"
    data_ptr: int
    device: str
    dtype: str
    shares_memory: bool


def tensors_from(array: np.ndarray, devices: Sequence[str] = ()) -> dict[str, torch.Tensor]:
    """Tensors made from ``array`` in the usual ways, by the code that made them.

    ``.to()`` copies only when it must: to another dtype or another device. ``.to("cpu")`` of a
    tensor already there is the very same tensor.
    """
    t = torch.from_numpy(array)
    made = {
        "t = torch.from_numpy(a)": t,
        "t.clone()": t.clone(),
        "t.to(torch.float64)": t.to(torch.float64),
        't.to("cpu")': t.to("cpu"),
    }
    for device in devices:
        if device != "cpu":
            made[f't.to("{device}")'] = t.to(device)
    return made


def memory_of(array: np.ndarray, tensors: dict[str, torch.Tensor]) -> list[Memory]:
    """For each tensor: its address, device and dtype, and whether it shares ``array``'s memory."""
    return [
        Memory(
            made_by=name,
            data_ptr=t.data_ptr(),
            device=str(t.device),
            dtype=str(t.dtype).removeprefix("torch."),
            shares_memory=t.device.type == "cpu" and bool(np.shares_memory(array, t.numpy())),
        )
        for name, t in tensors.items()
    ]


def write_line(array: np.ndarray, row: int) -> None:
    """Write a white line into row ``row`` of the NumPy array, in place (``a[row, :] = 255``)."""
    array[row % array.shape[0], :] = 255


def as_picture(t: torch.Tensor) -> np.ndarray:
    """Any of the tensors above as a uint8 ``[28, 28]`` picture to show (copied to the CPU)."""
    return t.detach().to("cpu").clamp(0, 255).to(torch.uint8).numpy()


# ---------------------------------------------------------------------------------------------
# Why tensors are fast: one block of one type, against Python objects


def pixel_values(images: torch.Tensor) -> torch.Tensor:
    """uint8 ``[N, 28, 28]`` -> float32 ``[N, 28, 28]`` in 0..1, as a model reads pixels."""
    return images.to(torch.float32) / 255


@dataclass(frozen=True)
class Footprint:
    """Memory of the same pixel values in a float32 tensor and in nested lists of Python floats."""

    pixels: int
    tensor_bytes: int  # 4 per pixel: the numbers themselves, side by side
    list_bytes: int  # per pixel: a pointer in a list, and a float object with its type and count


def footprint(values: torch.Tensor) -> Footprint:
    """Bytes of float ``values`` ``[N, 28, 28]`` as a tensor, and as ``values.tolist()``."""
    nested = values.tolist()
    list_bytes = sys.getsizeof(nested)
    for image in nested:
        list_bytes += sys.getsizeof(image)
        for row in image:
            list_bytes += sys.getsizeof(row) + sum(sys.getsizeof(value) for value in row)
    return Footprint(values.numel(), values.numel() * values.element_size(), list_bytes)


def sum_with_loops(nested: list[list[list[float]]]) -> float:
    """Add up every pixel, one Python float at a time."""
    total = 0.0
    for image in nested:
        for row in image:
            for value in row:
                total += value
    return total


@dataclass(frozen=True)
class SumTiming:
    """Seconds to add up every pixel of the same digits three ways, and the three totals."""

    loops_s: float
    numpy_s: float
    torch_s: float
    totals: tuple[float, float, float]


def best_time(fn: Callable[[], object], repeats: int = 3) -> tuple[float, object]:
    """The shortest of ``repeats`` timed runs of ``fn`` (after one warm-up run), and its result."""
    result = fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def time_sums(values: torch.Tensor) -> SumTiming:
    """Time the sum of all pixel values: Python loops over nested lists, NumPy, torch.

    All three on one thread, on the same float32 numbers (the loops see them as Python floats).
    """
    nested, array = values.tolist(), values.numpy()
    with torch_threads(1):
        loops, by_loops = best_time(lambda: sum_with_loops(nested))
        numpy, by_numpy = best_time(lambda: float(array.sum()))
        with_torch, by_torch = best_time(lambda: float(values.sum()))
    return SumTiming(loops, numpy, with_torch, (by_loops, by_numpy, by_torch))


def shown(x: np.ndarray | torch.Tensor) -> str:
    """A printout of a result: a vector in full, a whole image by its middle row (row 14)."""
    values = x.numpy() if isinstance(x, torch.Tensor) else x
    image = values.ndim == 2 and values.shape[0] > 1
    text = np.array2string(values[14] if image else values, precision=3, max_line_width=40)
    return f"{'result[14]' if image else 'result'} =\n{text}"
