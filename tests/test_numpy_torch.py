"""NumPy and torch give equal answers, from_numpy shares memory, copies do not."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from explainer import data, numpy_torch


@pytest.fixture(scope="module")
def image() -> torch.Tensor:
    return data.load_mnist("test")[0][3]


def test_every_pair_agrees(image) -> None:
    rows = numpy_torch.side_by_side(image)
    assert [r.key for r in rows] == ["index", "broadcast", "reduce", "matmul"]
    for row in rows:
        assert row.close, row.key
        assert tuple(row.numpy_result.shape) == tuple(row.torch_result.shape)
    exact = {r.key: r.exact for r in rows}
    assert exact["index"] and exact["broadcast"] and exact["reduce"]  # integers: to the last bit
    assert rows[-1].largest_difference < 1e-4  # float32 sums may round differently


def test_the_pairs_compute_what_they_say(image) -> None:
    a = image.numpy()
    rows = {r.key: r for r in numpy_torch.side_by_side(image)}
    assert rows["index"].numpy_result.tolist() == a[14, 4:24].tolist()
    assert rows["broadcast"].numpy_result[5, 10] == 5 * int(a[5, 10])  # row number times pixel
    assert rows["reduce"].torch_result.tolist() == [int(sum(map(int, row))) for row in a]
    by_hand = (a.reshape(-1).astype(np.float64) / 255) @ numpy_torch.WEIGHTS.astype(np.float64)
    assert np.allclose(rows["matmul"].numpy_result[0], by_hand, atol=1e-4)


def test_from_numpy_shares_memory_and_copies_do_not(image) -> None:
    a = image.numpy().copy()
    made = numpy_torch.tensors_from(a)
    shared = made["t = torch.from_numpy(a)"]
    numpy_torch.write_line(a, 30)  # row 30 wraps to row 2
    assert (shared[2] == 255).all()  # written through the array, seen in the tensor
    assert not (made["t.clone()"][2] == 255).all()
    memory = {m.made_by: m for m in numpy_torch.memory_of(a, made)}
    assert memory["t = torch.from_numpy(a)"].shares_memory
    assert memory["t = torch.from_numpy(a)"].data_ptr == a.__array_interface__["data"][0]
    assert memory['t.to("cpu")'].shares_memory  # already on the CPU: the very same tensor
    assert not memory["t.clone()"].shares_memory
    assert not memory["t.to(torch.float64)"].shares_memory
    assert memory["t.to(torch.float64)"].dtype == "float64"
    assert memory["t.clone()"].data_ptr != memory["t = torch.from_numpy(a)"].data_ptr
    assert numpy_torch.as_picture(made["t.to(torch.float64)"]).dtype == np.uint8


def test_to_another_device_copies(image) -> None:
    # "meta" stands in for a GPU here (no GPU on CI): .to(device) makes a new tensor elsewhere.
    a = image.numpy().copy()
    memory = {m.made_by: m for m in numpy_torch.memory_of(a, numpy_torch.tensors_from(a, ["meta"]))}
    assert memory['t.to("meta")'].device == "meta"
    assert not memory['t.to("meta")'].shares_memory
    assert memory["t = torch.from_numpy(a)"].shares_memory


def test_footprint_and_sums() -> None:
    values = numpy_torch.pixel_values(data.load_mnist("test")[0][:50])
    print_size = numpy_torch.footprint(values)
    assert print_size.tensor_bytes == 50 * 784 * 4
    assert print_size.list_bytes > 6 * print_size.tensor_bytes  # a pointer and an object each
    timing = numpy_torch.time_sums(values)
    assert timing.totals[0] == pytest.approx(timing.totals[1], rel=1e-5)
    assert timing.totals[0] == pytest.approx(timing.totals[2], rel=1e-5)
    assert min(timing.loops_s, timing.numpy_s, timing.torch_s) > 0


def test_shown_prints_vectors_whole_and_images_by_their_middle_row() -> None:
    assert numpy_torch.shown(torch.arange(3)) == "result =\n[0 1 2]"
    image = numpy_torch.shown(np.arange(28 * 28).reshape(28, 28))
    assert image.startswith("result[14] =\n[392 393") and "..." not in image
    assert numpy_torch.shown(np.ones((1, 3))) == "result =\n[[1. 1. 1.]]"
