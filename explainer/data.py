"""The digits: the bundled 5,000 real MNIST digits, full MNIST on request, Dataset and DataLoader.

Images are always uint8 tensors ``[N, 28, 28]``, white ink (255) on black (0), as in MNIST.
Labels are int64 tensors ``[N]``.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import struct
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

from explainer.errors import ExplainerError

Split = Literal["train", "test"]
Source = Literal["bundled", "full"]
SPLITS: tuple[str, ...] = ("train", "test")
SOURCES: tuple[str, ...] = ("bundled", "full")

BUNDLED_PATH = Path(__file__).resolve().parent / "assets" / "mnist_5k.npz"
# MNIST's own mean and standard deviation of pixel intensity (after /255), as in pytorch/examples.
MNIST_MEAN, MNIST_STD = 0.1307, 0.3081
DATA_DIR_ENV = "EXPLAINER_DATA_DIR"
DEFAULT_MIRROR = "https://ossci-datasets.s3.amazonaws.com/mnist/"

# The four standard IDX files, by split, with the SHA-256 of their gzipped form.
MNIST_FILES: dict[str, tuple[str, str]] = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
MNIST_SHA256: dict[str, str] = {
    "train-images-idx3-ubyte.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
    "train-labels-idx1-ubyte.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
    "t10k-images-idx3-ubyte.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    "t10k-labels-idx1-ubyte.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
}


class DataError(ExplainerError):
    """A data file is missing, corrupt or of the wrong kind; the message names the file."""


@dataclass(frozen=True)
class SplitConfig:
    """How the 5,000 bundled digits are split: ``test_per_class`` of each digit go to test."""

    test_per_class: int = 100
    seed: int = 0


# ---------------------------------------------------------------------------------------------
# Bundled digits


@lru_cache(maxsize=1)
def _bundled_arrays() -> tuple[np.ndarray, np.ndarray]:
    with np.load(BUNDLED_PATH, allow_pickle=False) as archive:
        images, labels = archive["images"], archive["labels"]
    images.setflags(write=False)
    labels.setflags(write=False)
    return images, labels


def split_indices(
    labels: torch.Tensor, config: SplitConfig = SplitConfig()
) -> dict[str, torch.Tensor]:
    """Deterministic stratified split: per class, a seeded shuffle, the first ``test_per_class`` to test."""
    generator = torch.Generator().manual_seed(config.seed)
    train_parts, test_parts = [], []
    for digit in range(10):
        members = torch.nonzero(labels == digit).flatten()  # (n_d,)
        shuffled = members[torch.randperm(len(members), generator=generator)]
        test_parts.append(shuffled[: config.test_per_class])
        train_parts.append(shuffled[config.test_per_class :])
    return {
        "train": torch.cat(train_parts).sort().values,
        "test": torch.cat(test_parts).sort().values,
    }


def load_mnist(
    split: Split = "train",
    source: Source = "bundled",
    data_dir: Path | None = None,
    config: SplitConfig = SplitConfig(),
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return ``(images uint8 [N, 28, 28], labels int64 [N])`` of one split.

    ``source="bundled"``: the 5,000 digits shipped in the repo, split 4,000 / 1,000, stratified.
    ``source="full"``: the standard 60,000 / 10,000 MNIST IDX files from :func:`data_dir`.
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    if source == "full":
        return load_idx_split(split, data_dir or default_data_dir())
    if source != "bundled":
        raise ValueError(f"source must be one of {SOURCES}, not {source!r}")
    images, labels = _bundled_arrays()
    all_labels = torch.from_numpy(labels.copy())
    index = split_indices(all_labels, config)[split]
    return torch.from_numpy(images.copy())[index], all_labels[index]


def to_model_input(images: torch.Tensor) -> torch.Tensor:
    """uint8 ``[N, 28, 28]`` -> normalised float32 ``[N, 1, 28, 28]``, as the CNN expects."""
    x = images.to(torch.float32).div_(255.0).unsqueeze(1)  # (N, 1, 28, 28)
    return x.sub_(MNIST_MEAN).div_(MNIST_STD)


@dataclass(frozen=True)
class TensorSummary:
    """What a tensor is, read off the tensor itself: dtype, shape, and its values' range and mean."""

    dtype: str  # "uint8", "float32": torch's name without "torch."
    shape: tuple[int, ...]
    min: float
    max: float
    mean: float


def summarize(x: torch.Tensor) -> TensorSummary:
    """The dtype, shape, min, max and mean of ``x`` (the mean in float64, so uint8 does not wrap)."""
    values = x.detach().to(torch.float64)
    return TensorSummary(
        str(x.dtype).removeprefix("torch."),
        tuple(x.shape),
        float(values.min()),
        float(values.max()),
        float(values.mean()),
    )


# ---------------------------------------------------------------------------------------------
# Dataset and DataLoader: the chapter's tools


class TensorPairDataset(Dataset[tuple[torch.Tensor, torch.Tensor]]):
    """A ``torch.utils.data.Dataset`` of (input, label) pairs held as two tensors.

    It also answers whole batches at once (``__getitems__``), which ``DataLoader`` uses when present:
    one gather per batch instead of one Python call per item.
    """

    def __init__(self, inputs: torch.Tensor, labels: torch.Tensor) -> None:
        if labels.ndim != 1 or len(labels) != len(inputs):
            raise ValueError(f"labels must be [N] with N={len(inputs)}, got {list(labels.shape)}")
        self.inputs = inputs
        self.labels = labels.to(torch.int64)

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.inputs[index], self.labels[index]

    def __getitems__(self, indices: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
        index = torch.as_tensor(indices)
        return self.inputs[index], self.labels[index]


class DigitDataset(TensorPairDataset):
    """Digits for the CNN: item ``i`` is (normalised image [1, 28, 28], label)."""

    def __init__(self, images: torch.Tensor, labels: torch.Tensor) -> None:
        if images.ndim != 3 or images.shape[1:] != (28, 28) or images.dtype != torch.uint8:
            raise ValueError(
                f"images must be uint8 [N, 28, 28], got {images.dtype} {list(images.shape)}"
            )
        super().__init__(to_model_input(images), labels)  # normalised once, up front


def _keep_batch(batch: tuple[torch.Tensor, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    return batch  # __getitems__ already returns a stacked batch: nothing to collate


def make_loader(
    dataset: TensorPairDataset, batch_size: int = 64, shuffle: bool = True, seed: int = 0
) -> DataLoader:
    """A seeded ``DataLoader`` over ``dataset``: the same seed gives the same batches."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    return DataLoader(
        dataset,
        batch_size=batch_size,
        shuffle=shuffle,
        generator=torch.Generator().manual_seed(seed),
        collate_fn=_keep_batch,
    )


def one_per_class(labels: torch.Tensor, seed: int) -> list[int]:
    """The index of one digit of each class 0-9, drawn with ``seed`` (a gallery of the ten digits)."""
    generator = torch.Generator().manual_seed(seed)
    picks = []
    for digit in range(10):
        members = torch.nonzero(labels == digit).flatten()
        picks.append(int(members[torch.randint(len(members), (1,), generator=generator)]))
    return picks


def class_counts(labels: torch.Tensor) -> list[int]:
    """How many digits of each class 0-9."""
    return torch.bincount(labels, minlength=10).tolist()


# ---------------------------------------------------------------------------------------------
# Full MNIST: IDX files and their download


def default_data_dir() -> Path:
    """Where full MNIST lives: ``$EXPLAINER_DATA_DIR``, else the user's cache folder."""
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "explainer" / "mnist"


_IDX_DTYPES = {0x08: np.uint8}


def read_idx(path: Path) -> np.ndarray:
    """Read one IDX file (gzipped or not) into an array; a bad file raises DataError naming it."""
    try:
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise DataError(f"{path}: cannot read or decompress ({error})") from None
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0:
        raise DataError(f"{path}: not an IDX file (bad magic number)")
    dtype_code, ndim = raw[2], raw[3]
    if dtype_code not in _IDX_DTYPES or not 1 <= ndim <= 3:
        raise DataError(f"{path}: unsupported IDX type 0x{dtype_code:02x} with {ndim} dimensions")
    header_end = 4 + 4 * ndim
    if len(raw) < header_end:
        raise DataError(f"{path}: truncated IDX header")
    shape = struct.unpack(f">{ndim}I", raw[4:header_end])
    expected = int(np.prod(shape))
    if len(raw) - header_end != expected:
        raise DataError(
            f"{path}: truncated or oversized IDX body: header says {expected:,} bytes, "
            f"file has {len(raw) - header_end:,}"
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header_end).reshape(shape)


def _find_idx(directory: Path, stem: str) -> Path:
    for name in (stem, stem + ".gz"):
        if (directory / name).exists():
            return directory / name
    raise DataError(
        f"{directory / stem}[.gz]: file not found. Run `python -m explainer data download` "
        f"or set {DATA_DIR_ENV} to a folder that holds the four MNIST IDX files."
    )


def load_idx_split(split: Split, directory: Path) -> tuple[torch.Tensor, torch.Tensor]:
    """Read one split of full MNIST from the IDX files in ``directory``."""
    image_stem, label_stem = MNIST_FILES[split]
    image_path, label_path = _find_idx(directory, image_stem), _find_idx(directory, label_stem)
    images, labels = read_idx(image_path), read_idx(label_path)
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        raise DataError(
            f"{image_path}: expected images of shape [N, 28, 28], got {list(images.shape)}"
        )
    if labels.ndim != 1 or len(labels) != len(images):
        raise DataError(
            f"{label_path}: expected {len(images)} labels, got shape {list(labels.shape)}"
        )
    if labels.max(initial=0) > 9:
        raise DataError(f"{label_path}: labels must be digits 0-9")
    return torch.from_numpy(images.copy()), torch.from_numpy(labels.astype(np.int64))


def sha256_of(path: Path) -> str:
    """The SHA-256 hex digest of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def download_mnist(
    directory: Path | None = None,
    base_url: str = DEFAULT_MIRROR,
    checksums: dict[str, str] = MNIST_SHA256,
    progress: Callable[[str], None] | None = None,
    timeout_s: float = 60.0,
) -> list[Path]:
    """Fetch the four gzipped IDX files into ``directory``, verifying each SHA-256.

    A file already present with the right checksum is kept. A download with the wrong checksum is
    deleted and raises DataError naming the file.
    """
    directory = directory or default_data_dir()
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, expected in checksums.items():
        target = directory / name
        if target.exists() and sha256_of(target) == expected:
            paths.append(target)
            if progress:
                progress(f"{name}: already present, checksum ok")
            continue
        url = base_url.rstrip("/") + "/" + name
        partial = target.with_suffix(target.suffix + ".part")
        try:
            with (
                urllib.request.urlopen(url, timeout=timeout_s) as response,
                partial.open("wb") as out,
            ):
                while chunk := response.read(1 << 16):
                    out.write(chunk)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise DataError(f"{name}: download from {url} failed ({error})") from None
        actual = sha256_of(partial)
        if actual != expected:
            partial.unlink(missing_ok=True)
            raise DataError(
                f"{name}: checksum mismatch (expected {expected[:12]}..., got {actual[:12]}...)"
            )
        partial.replace(target)
        paths.append(target)
        if progress:
            progress(f"{name}: downloaded, checksum ok")
    return paths
