"""How many numbers a model learns: its parameters, counted per layer."""

from __future__ import annotations

from dataclasses import dataclass

from torch import nn


@dataclass(frozen=True)
class LayerCount:
    """One layer's parameters: each tensor's name and shape, and how many numbers in all."""

    layer: str  # "conv1", "fc2", "linear"
    tensors: tuple[tuple[str, tuple[int, ...]], ...]  # ("conv1.weight", (16, 1, 5, 5)), ...
    count: int


def count_by_layer(model: nn.Module) -> list[LayerCount]:
    """The parameters of ``model`` grouped by layer, in the model's order (buffers not counted)."""
    layers: dict[str, list[tuple[str, tuple[int, ...], int]]] = {}
    for name, p in model.named_parameters():
        layers.setdefault(name.rsplit(".", 1)[0], []).append((name, tuple(p.shape), p.numel()))
    return [
        LayerCount(layer, tuple((n, s) for n, s, _ in rows), sum(c for *_, c in rows))
        for layer, rows in layers.items()
    ]


def total(counts: list[LayerCount]) -> int:
    """All parameters of all layers."""
    return sum(c.count for c in counts)


def table(models: dict[str, list[LayerCount]]) -> list[dict[str, object]]:
    """One row per layer of each model (by name): the tensors with their shapes, the count."""
    return [
        {
            "model": name,
            "layer": c.layer,
            "tensors": ", ".join(f"{tensor} {list(shape)}" for tensor, shape in c.tensors),
            "count": c.count,
        }
        for name, layers in models.items()
        for c in layers
    ]
