"""Digits from elsewhere: a small out-of-MNIST test set, the kind of digits a class brings.

Printed digits in free fonts, photo-like digits on paper and canvas-like drawn digits, each made
MNIST-style by the app's own preprocessing (:mod:`explainer.preprocess`). Nobody trained on them:
they test the chapter's "perform well on data it has not seen". ``scripts/make_elsewhere.py``
makes the file and documents how.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import torch

from explainer.errors import ExplainerError

ELSEWHERE_PATH = Path(__file__).resolve().parent / "assets" / "elsewhere.npz"
KINDS: tuple[str, ...] = ("printed", "photo", "drawn")


@dataclass(frozen=True)
class ElsewhereSet:
    """The digits (uint8 ``[N, 28, 28]``), their labels ``[N]``, kind index ``[N]`` and source."""

    images: torch.Tensor
    labels: torch.Tensor
    kinds: torch.Tensor  # index into KINDS
    sources: tuple[str, ...]  # font name, "photo" or "canvas strokes"

    def __len__(self) -> int:
        return len(self.labels)

    def of_kind(self, kind: str) -> ElsewhereSet:
        """Only the digits of one kind (``"printed"``, ``"photo"`` or ``"drawn"``)."""
        keep = self.kinds == KINDS.index(kind)
        index = keep.nonzero().flatten().tolist()
        return ElsewhereSet(
            self.images[keep],
            self.labels[keep],
            self.kinds[keep],
            tuple(self.sources[i] for i in index),
        )


@lru_cache(maxsize=2)
def _arrays(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as archive:
            return {name: archive[name] for name in ("images", "labels", "kinds", "sources")}
    except FileNotFoundError:
        raise ExplainerError(
            f"{path}: the digits from elsewhere are missing; run `python scripts/make_elsewhere.py`"
        ) from None


def load_elsewhere(path: Path = ELSEWHERE_PATH) -> ElsewhereSet:
    """The shipped out-of-MNIST digits (a fresh set of tensors on every call)."""
    arrays = _arrays(path)
    return ElsewhereSet(
        torch.from_numpy(arrays["images"].copy()),
        torch.from_numpy(arrays["labels"].astype(np.int64)),
        torch.from_numpy(arrays["kinds"].astype(np.int64)),
        tuple(str(s) for s in arrays["sources"]),
    )
