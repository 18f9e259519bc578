"""The learned side: a small LeNet-style CNN, its hand-set first-layer kernels, pretrained weights.

Inputs are normalised float ``[N, 1, 28, 28]`` from :func:`explainer.data.to_model_input`; outputs
are logits ``[N, 10]``. The shipped weights live in ``assets/cnn.safetensors`` (no pickle).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import torch
import torch.nn.functional as F
from safetensors import safe_open
from safetensors.torch import load as load_safetensors_bytes
from safetensors.torch import save as save_safetensors_bytes
from torch import nn

from explainer.data import to_model_input
from explainer.errors import ExplainerError

PRETRAINED_PATH = Path(__file__).resolve().parent / "assets" / "cnn.safetensors"
FirstLayerStart = Literal["random", "hand"]
FIRST_LAYER_STARTS: tuple[str, ...] = ("random", "hand")
_SEED_LOCK = threading.Lock()  # seeded construction touches torch's global RNG: one at a time


@dataclass(frozen=True)
class CNNConfig:
    """The CNN's size: two conv layers (conv, ReLU, 2x2 max-pool) and two linear layers."""

    conv1_channels: int = 16
    conv2_channels: int = 32
    kernel_size: int = 5
    hidden: int = 64
    classes: int = 10

    def __post_init__(self) -> None:
        sizes = (self.conv1_channels, self.conv2_channels, self.hidden, self.classes)
        if min(sizes) < 1 or self.kernel_size not in (3, 5):
            raise ValueError(f"invalid CNN sizes: {self}")


class DigitCNN(nn.Module):
    """LeNet-sized CNN: ``[N, 1, 28, 28]`` normalised digits -> logits ``[N, 10]``."""

    def __init__(self, config: CNNConfig = CNNConfig()) -> None:
        super().__init__()
        self.config = config
        k = config.kernel_size
        self.conv1 = nn.Conv2d(1, config.conv1_channels, k, padding=k // 2)  # 28 -> 28
        self.conv2 = nn.Conv2d(config.conv1_channels, config.conv2_channels, k)  # 14 -> 14-k+1
        side = (14 - k + 1) // 2  # after the second pool: 5 for k=5, 6 for k=3
        self.fc1 = nn.Linear(config.conv2_channels * side * side, config.hidden)
        self.fc2 = nn.Linear(config.hidden, config.classes)
        # Channels-last conv weights: oneDNN's fast layout on CPU (about 25% faster training here).
        self.to(memory_format=torch.channels_last)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits for a batch of normalised digits."""
        x = x.contiguous(memory_format=torch.channels_last)  # (N, 1, 28, 28), pixels innermost
        x = F.relu(F.max_pool2d(self.conv1(x), 2))  # (N, C1, 14, 14); pool first: 4x less ReLU
        x = F.relu(F.max_pool2d(self.conv2(x), 2))  # (N, C2, 5, 5)
        x = F.relu(self.fc1(x.flatten(1)))  # (N, hidden)
        return self.fc2(x)  # (N, 10)

    @torch.no_grad()
    def feature_maps(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        """Each conv layer's output after ReLU, for ``x`` ``[N, 1, 28, 28]``: name -> ``[N, C, H, W]``."""
        x = x.contiguous(memory_format=torch.channels_last)
        conv1 = F.relu(self.conv1(x))  # (N, C1, 28, 28)
        conv2 = F.relu(self.conv2(F.max_pool2d(conv1, 2)))  # (N, C2, 10, 10)
        return {"conv1": conv1.contiguous(), "conv2": conv2.contiguous()}


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Run seeded initialisation without touching anyone else's random state.

    Layer constructors draw from torch's global generator; the server runs many sessions in
    threads, so this holds a lock and restores the global state afterwards.
    """
    with _SEED_LOCK, torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        yield


def build_model(config: CNNConfig = CNNConfig(), seed: int = 0) -> DigitCNN:
    """A freshly initialised CNN; the same seed gives the same weights."""
    with seeded(seed):
        return DigitCNN(config)


# ---------------------------------------------------------------------------------------------
# Hand-designed first-layer kernels: what a person would have engineered


def hand_kernels() -> dict[str, torch.Tensor]:
    """Hand-made 3x3 filters: Sobel x, y (edges), Laplacian (spots, thin lines, edges), a blur."""
    sobel_x = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
    return {
        "sobel_x": sobel_x / 4,
        "sobel_y": sobel_x.T / 4,
        "laplacian": torch.tensor([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]) / 4,
        "blob": torch.tensor([[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]) / 16,
    }


def hand_filter_bank(channels: int, kernel_size: int) -> tuple[list[str], torch.Tensor]:
    """Names and weights ``[channels, 1, k, k]``: the hand kernels, then their negatives, cycled."""
    kernels = hand_kernels()
    bank = [(name, w) for name, w in kernels.items()]
    bank += [(f"-{name}", -w) for name, w in kernels.items()]  # ReLU keeps one sign: add the other
    pad = (kernel_size - 3) // 2
    names, weights = [], []
    for channel in range(channels):
        name, w = bank[channel % len(bank)]
        names.append(name)
        weights.append(F.pad(w, (pad, pad, pad, pad)))  # centred in k x k
    return names, torch.stack(weights).unsqueeze(1)  # (C, 1, k, k)


def set_hand_filters(model: DigitCNN, freeze: bool = False) -> list[str]:
    """Overwrite the first conv layer with the hand filter bank (zero bias); optionally freeze it."""
    names, weights = hand_filter_bank(model.config.conv1_channels, model.config.kernel_size)
    with torch.no_grad():
        model.conv1.weight.copy_(weights)
        model.conv1.bias.zero_()
    model.conv1.requires_grad_(not freeze)
    return names


# ---------------------------------------------------------------------------------------------
# Inference helpers


def predict_proba(model: nn.Module, images: torch.Tensor, batch_size: int = 1000) -> torch.Tensor:
    """uint8 ``[N, 28, 28]`` -> class probabilities ``[N, 10]``, batched, without gradients."""
    if images.ndim != 3 or images.shape[1:] != (28, 28) or images.dtype != torch.uint8:
        raise ValueError(
            f"images must be uint8 [N, 28, 28], got {images.dtype} {list(images.shape)}"
        )
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            parts = [
                F.softmax(model(to_model_input(images[i : i + batch_size])), dim=1)
                for i in range(0, len(images), batch_size)
            ]
    finally:
        model.train(was_training)
    return torch.cat(parts) if parts else torch.empty(0, 10)


def predict(model: nn.Module, images: torch.Tensor) -> torch.Tensor:
    """uint8 ``[N, 28, 28]`` -> predicted digits int64 ``[N]``."""
    return predict_proba(model, images).argmax(dim=1)


def accuracy(model: nn.Module, images: torch.Tensor, labels: torch.Tensor) -> float:
    """Fraction of ``images`` whose predicted digit equals ``labels``."""
    return int((predict(model, images) == labels).sum()) / len(labels) if len(labels) else 0.0


def top_filters(maps: torch.Tensor, k: int = 3) -> list[tuple[int, float]]:
    """The ``k`` channels of one digit's maps ``[C, H, W]`` with the highest mean response."""
    strength = maps.flatten(1).mean(dim=1)  # (C,)
    values, indices = strength.topk(min(k, len(strength)))
    return [(int(i), float(v)) for i, v in zip(indices, values)]


# ---------------------------------------------------------------------------------------------
# Weights as safetensors: the config travels in the file's metadata


def to_safetensors(model: DigitCNN, extra: dict[str, str] | None = None) -> bytes:
    """The model's ``state_dict`` as safetensors bytes, with its :class:`CNNConfig` in metadata."""
    metadata = {"config": json.dumps(asdict(model.config)), **(extra or {})}
    state = {name: t.detach().contiguous() for name, t in model.state_dict().items()}
    return save_safetensors_bytes(state, metadata=metadata)


def from_safetensors(blob: bytes) -> DigitCNN:
    """A :class:`DigitCNN` from :func:`to_safetensors` bytes, in eval mode."""
    config = _config_from_metadata(blob)
    model = DigitCNN(config)
    model.load_state_dict(load_safetensors_bytes(blob))
    return model.eval()


def _config_from_metadata(blob: bytes) -> CNNConfig:
    # The header is: 8-byte little-endian length, then JSON whose "__metadata__" holds strings.
    length = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8 : 8 + length])
    return CNNConfig(**json.loads(header.get("__metadata__", {}).get("config", "{}")))


@lru_cache(maxsize=1)
def _pretrained_blob(path: Path = PRETRAINED_PATH) -> bytes:
    return path.read_bytes()


def load_pretrained(path: Path = PRETRAINED_PATH) -> DigitCNN:
    """The shipped pretrained CNN in eval mode: a fresh copy on every call."""
    try:
        blob = _pretrained_blob(path)
    except FileNotFoundError:
        raise ExplainerError(
            f"{path}: pretrained weights not found; run `python scripts/make_pretrained.py`"
        ) from None
    return from_safetensors(blob)


def pretrained_metadata(path: Path = PRETRAINED_PATH) -> dict[str, str]:
    """The metadata stored with the pretrained weights (config, seed, test accuracy, ...)."""
    with safe_open(str(path), framework="pt") as handle:
        return dict(handle.metadata() or {})
