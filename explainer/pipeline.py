"""The data side of the pipeline: a ``Dataset`` that decodes each digit from PNG bytes, and the
``collate`` that makes a batch of its items.

Real data sets are files: every item costs real work (read, decode, augment) before it is a tensor.
:class:`PngDigits` keeps the bundled digits as PNG bytes and decodes one in ``__getitem__``, so a
``DataLoader`` with ``num_workers`` worker processes has work worth sharing
(:mod:`explainer.loader_timing` times it).
"""

from __future__ import annotations

import io
import random
from functools import lru_cache

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset, default_collate

from explainer import data


def encode_png(images: torch.Tensor) -> list[bytes]:
    """uint8 ``[N, 28, 28]`` -> one PNG file's bytes per image, as a folder of images would hold."""
    blobs = []
    for image in images.numpy():
        buffer = io.BytesIO()
        Image.fromarray(image).save(buffer, format="PNG")
        blobs.append(buffer.getvalue())
    return blobs


@lru_cache(maxsize=1)
def bundled_pngs() -> tuple[tuple[bytes, ...], torch.Tensor]:
    """The 4,000 bundled training digits as PNG bytes, and their labels ``[N]``."""
    images, labels = data.load_mnist("train")
    return tuple(encode_png(images)), labels


def decode_png(blob: bytes, augment_seed: int | None = None) -> np.ndarray:
    """PNG bytes -> uint8 ``[28, 28]``; with a seed, also a small random rotation and shift."""
    with Image.open(io.BytesIO(blob)) as image:
        image = image.convert("L")
        if augment_seed is not None:
            rng = random.Random(augment_seed)
            angle = rng.uniform(-15.0, 15.0)  # degrees
            shift = (rng.randint(-2, 2), rng.randint(-2, 2))  # pixels
            image = image.rotate(angle, resample=Image.Resampling.BILINEAR, translate=shift)
        return np.array(image)  # (28, 28) uint8, a copy torch may own


class PngDigits(Dataset[tuple[torch.Tensor, int]]):
    """Digits stored as PNG bytes: item ``i`` is decoded (and maybe augmented) when asked for.

    ``__getitem__`` returns (uint8 image ``[28, 28]``, label): the per-item work. Normalising is
    done once per batch, in :func:`collate_digits`. Augmentation is seeded by ``seed`` and the
    index, so an item is the same whichever worker makes it.
    """

    def __init__(
        self, pngs: tuple[bytes, ...], labels: torch.Tensor, augment: bool = False, seed: int = 0
    ) -> None:
        if len(pngs) != len(labels):
            raise ValueError(f"{len(pngs)} images but {len(labels)} labels")
        self.pngs = pngs
        self.labels = labels.tolist()  # plain ints: nothing to share between processes
        self.augment = augment
        self.seed = seed

    def __len__(self) -> int:
        return len(self.pngs)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, int]:
        seed = self.seed * 1_000_003 + index if self.augment else None
        return torch.from_numpy(decode_png(self.pngs[index], seed)), self.labels[index]  # (28, 28)


def collate_digits(items: list[tuple[torch.Tensor, int]]) -> tuple[torch.Tensor, torch.Tensor]:
    """B items -> a batch: ``default_collate`` stacks them, then one normalisation for all B."""
    images, labels = default_collate(items)  # (B, 28, 28) uint8, (B,) int64
    return data.to_model_input(images), labels  # (B, 1, 28, 28) float32, (B,)


def bundled_dataset(items: int = 4000, augment: bool = False, seed: int = 0) -> PngDigits:
    """``items`` bundled training digits as a :class:`PngDigits` (the 4,000 repeat past 4,000)."""
    if items < 1:
        raise ValueError(f"items must be at least 1, not {items}")
    pngs, labels = bundled_pngs()
    index = [i % len(pngs) for i in range(items)]
    return PngDigits(tuple(pngs[i] for i in index), labels[index], augment, seed)
