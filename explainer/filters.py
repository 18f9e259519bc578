"""How far the first-layer filters moved in training, and whether they came to look hand-made.

Measured per filter between two snapshots ``[C, 1, k, k]`` (the start and the end of a run), each
filter read as one flat vector of ``k * k`` weights:

- **cosine** of start and end: 1 = the same pattern (only its size may differ), 0 = unrelated;
- **change** ``||end - start|| / ||start||``: how much the weights moved, relative to where they began;
- **scale** ``||end|| / ||start||``: a filter can grow a lot and keep its pattern;
- **best match** with the hand-made kernels: the largest ``|cosine|`` between the filter and any
  hand kernel placed at any position inside the ``k x k`` window (the sign does not matter: a
  network can use either). Start against end says whether Sobel- or Laplacian-like structure
  emerged; the start is the baseline, since random weights match a little by chance.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd
import torch
import torch.nn.functional as F

from explainer.model import hand_kernels

DETECTORS: tuple[str, ...] = ("sobel_x", "sobel_y", "laplacian")  # the blur detects nothing
KEPT = 0.8  # cosine with the start at or above this: the filter kept most of its pattern
MOVED = 0.5  # below this: the pattern is mostly new
LIKE = 0.8  # a best match at or above this: the filter looks like that hand kernel
CLOSER = 0.1  # a best match that rose by more than this: the filter came closer to one


def detector_kernels() -> dict[str, torch.Tensor]:
    """The hand-made kernels that detect something: Sobel x and y (edges), the Laplacian (spots,
    thin lines, edges). The blur only smooths, so a match with it says nothing about detectors."""
    return {name: kernel for name, kernel in hand_kernels().items() if name in DETECTORS}


def cosine(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Cosine similarity of each pair of filters ``[C, ...]`` as flat vectors: ``[C]``."""
    return F.cosine_similarity(a.flatten(1).double(), b.flatten(1).double(), dim=1).float()


def relative_change(start: torch.Tensor, end: torch.Tensor) -> torch.Tensor:
    """``||end - start|| / ||start||`` per filter ``[C, ...]``: ``[C]``."""
    start, end = start.flatten(1).double(), end.flatten(1).double()
    return ((end - start).norm(dim=1) / start.norm(dim=1).clamp_min(1e-12)).float()


def placements(kernel: torch.Tensor, size: int) -> torch.Tensor:
    """A small kernel ``[h, w]`` at every position inside a ``size x size`` window: ``[P, size, size]``."""
    h, w = kernel.shape
    out = []
    for top in range(size - h + 1):
        for left in range(size - w + 1):
            out.append(F.pad(kernel, (left, size - w - left, top, size - h - top)))
    return torch.stack(out)


def best_match(
    weights: torch.Tensor, kernels: dict[str, torch.Tensor]
) -> tuple[torch.Tensor, list[str]]:
    """For each filter ``[C, 1, k, k]``: the largest ``|cosine|`` with any placed hand kernel, and its name."""
    size = weights.shape[-1]
    names, candidates = [], []
    for name, kernel in kernels.items():
        placed = placements(kernel.float(), size)  # (P, k, k)
        names += [name] * len(placed)
        candidates.append(placed)
    bank = torch.cat(candidates).flatten(1).double()  # (K, k*k)
    flat = weights.flatten(1).double()  # (C, k*k)
    norms = flat.norm(dim=1, keepdim=True).clamp_min(1e-12) * bank.norm(dim=1).clamp_min(1e-12)
    similarity = (flat @ bank.T).abs() / norms  # (C, K)
    value, index = similarity.max(dim=1)
    return value.float(), [names[int(i)] for i in index]


@dataclass(frozen=True)
class FilterMove:
    """One filter from start to end: cosine, relative change, scale, best hand-kernel match."""

    index: int
    cosine: float
    change: float
    scale: float
    match_start: float
    kernel_start: str  # the hand kernel it matched best at the start
    match_end: float
    kernel_end: str


def movement(
    start: torch.Tensor, end: torch.Tensor, kernels: dict[str, torch.Tensor]
) -> list[FilterMove]:
    """Per filter of two snapshots ``[C, 1, k, k]``: how far it moved and how hand-made it looks."""
    if start.shape != end.shape:
        raise ValueError(f"snapshots differ in shape: {list(start.shape)} vs {list(end.shape)}")
    cos, change = cosine(start, end), relative_change(start, end)
    scale = end.flatten(1).norm(dim=1) / start.flatten(1).norm(dim=1).clamp_min(1e-12)
    match_start, names_start = best_match(start, kernels)
    match_end, names_end = best_match(end, kernels)
    return [
        FilterMove(
            i,
            float(cos[i]),
            float(change[i]),
            float(scale[i]),
            float(match_start[i]),
            names_start[i],
            float(match_end[i]),
            names_end[i],
        )
        for i in range(len(start))
    ]


@dataclass(frozen=True)
class MovementSummary:
    """What a run did to its filters, as facts the page turns into sentences."""

    filters: int
    cosine: tuple[float, float]  # lowest and highest cosine with the start
    change: tuple[float, float]  # lowest and highest relative change
    scale: tuple[float, float]  # lowest and highest scale
    unchanged: bool  # no filter moved at all (e.g. a frozen first layer)
    kept: tuple[int, ...]  # filters with cosine >= KEPT
    moved: tuple[int, ...]  # filters with cosine < MOVED
    match_start: float  # mean best match at the start
    match_end: float  # mean best match at the end
    closer: tuple[int, ...]  # filters whose best match rose by more than CLOSER
    like_end: tuple[int, ...]  # filters whose best match at the end is >= LIKE
    like_start: tuple[int, ...]  # ... and at the start


def summarize(moves: list[FilterMove]) -> MovementSummary:
    """The ranges and the filters that stand out, from :func:`movement`'s numbers alone."""
    if not moves:
        raise ValueError("no filters to summarize")

    def span(values: list[float]) -> tuple[float, float]:
        return min(values), max(values)

    return MovementSummary(
        filters=len(moves),
        cosine=span([m.cosine for m in moves]),
        change=span([m.change for m in moves]),
        scale=span([m.scale for m in moves]),
        unchanged=all(m.change == 0.0 for m in moves),
        kept=tuple(m.index for m in moves if m.cosine >= KEPT),
        moved=tuple(m.index for m in moves if m.cosine < MOVED),
        match_start=sum(m.match_start for m in moves) / len(moves),
        match_end=sum(m.match_end for m in moves) / len(moves),
        closer=tuple(m.index for m in moves if m.match_end - m.match_start > CLOSER),
        like_end=tuple(m.index for m in moves if m.match_end >= LIKE),
        like_start=tuple(m.index for m in moves if m.match_start >= LIKE),
    )


def frame(moves: list[FilterMove]) -> pd.DataFrame:
    """One row per filter: its :class:`FilterMove` numbers, rounded for reading."""
    table = pd.DataFrame([asdict(m) for m in moves]).rename(columns={"index": "filter"})
    return table.round({"cosine": 3, "change": 3, "scale": 3, "match_start": 3, "match_end": 3})
