"""Parameter counts per layer add up to sum(p.numel())."""

from __future__ import annotations

import torch

from explainer import classifiers, model, parameters


def test_cnn_counts_per_layer() -> None:
    cnn = model.load_pretrained()
    counts = parameters.count_by_layer(cnn)
    assert [c.layer for c in counts] == ["conv1", "conv2", "fc1", "fc2"]
    assert parameters.total(counts) == sum(p.numel() for p in cnn.parameters())
    conv1 = counts[0]
    assert conv1.tensors == (("conv1.weight", (16, 1, 5, 5)), ("conv1.bias", (16,)))
    assert conv1.count == 16 * 25 + 16


def test_linear_classifier_counts_only_what_it_learns() -> None:
    linear = classifiers.load_linear()
    counts = parameters.count_by_layer(linear)
    assert [c.layer for c in counts] == ["linear"]
    assert parameters.total(counts) == sum(p.numel() for p in linear.parameters())
    assert parameters.total(counts) == linear.linear.weight.numel() + 10  # mean/std: buffers


def test_nested_modules() -> None:
    net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1))
    counts = parameters.count_by_layer(net)
    assert [(c.layer, c.count) for c in counts] == [("0", 16), ("2", 5)]


def test_table_rows() -> None:
    counts = {"CNN": parameters.count_by_layer(model.load_pretrained())}
    rows = parameters.table(counts)
    assert rows[0] == {
        "model": "CNN",
        "layer": "conv1",
        "tensors": "conv1.weight [16, 1, 5, 5], conv1.bias [16]",
        "count": 416,
    }
