"""The digits: bundled split, Dataset/DataLoader, IDX files and the verified download."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import struct
import threading
from pathlib import Path

import numpy as np
import pytest
import torch

from explainer import data
from explainer.data import DataError


def test_bundled_split_sizes_dtypes_and_polarity():
    train_images, train_labels = data.load_mnist("train")
    test_images, test_labels = data.load_mnist("test")
    assert train_images.shape == (4000, 28, 28) and test_images.shape == (1000, 28, 28)
    assert train_images.dtype == torch.uint8 and train_labels.dtype == torch.int64
    assert data.class_counts(train_labels) == [400] * 10
    assert data.class_counts(test_labels) == [100] * 10
    # White ink on black: the border of almost every digit is background (0), ink reaches 255-ish.
    border = torch.cat(
        [test_images[:, 0], test_images[:, -1], test_images[:, :, 0], test_images[:, :, -1]], 1
    )
    assert (border == 0).float().mean() > 0.99
    assert int(test_images.max()) >= 250


def test_split_is_deterministic_disjoint_and_seeded():
    first = data.load_mnist("test")
    second = data.load_mnist("test")
    assert torch.equal(first[0], second[0]) and torch.equal(first[1], second[1])
    _, labels = data._bundled_arrays()
    indices = data.split_indices(torch.from_numpy(labels.copy()))
    assert len(set(indices["train"].tolist()) & set(indices["test"].tolist())) == 0
    assert len(indices["train"]) + len(indices["test"]) == 5000
    other = data.split_indices(torch.from_numpy(labels.copy()), data.SplitConfig(seed=1))
    assert not torch.equal(indices["test"], other["test"])


def test_callers_cannot_corrupt_the_shared_digits():
    images, _ = data.load_mnist("test")
    images[:] = 7
    again, _ = data.load_mnist("test")
    assert int(again.max()) > 7


def test_bad_split_or_source_is_a_clear_error():
    with pytest.raises(ValueError, match="split"):
        data.load_mnist("validation")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="source"):
        data.load_mnist("train", source="kaggle")  # type: ignore[arg-type]


def test_dataset_items_match_model_input_and_loader_is_seeded():
    images, labels = data.load_mnist("test")
    dataset = data.DigitDataset(images, labels)
    x, y = dataset[3]
    assert x.shape == (1, 28, 28) and x.dtype == torch.float32 and int(y) == int(labels[3])
    expected = (images[3].float() / 255 - data.MNIST_MEAN) / data.MNIST_STD
    torch.testing.assert_close(x[0], expected)

    def batches(seed: int) -> list[torch.Tensor]:
        return [yb for _, yb in data.make_loader(dataset, batch_size=100, seed=seed)]

    first, second, third = batches(0), batches(0), batches(1)
    assert len(first) == 10 and all(b.shape == (100,) for b in first)
    assert all(torch.equal(a, b) for a, b in zip(first, second))
    assert not all(torch.equal(a, b) for a, b in zip(first, third))
    assert sorted(torch.cat(first).tolist()) == sorted(labels.tolist())


def test_loader_batches_equal_default_dataloader_collation():
    # Our batched __getitems__ must give exactly what PyTorch's default per-item collation gives.
    images, labels = data.load_mnist("test")
    dataset = data.DigitDataset(images[:50], labels[:50])
    ours = next(iter(data.make_loader(dataset, batch_size=16, shuffle=False)))
    plain = next(
        iter(torch.utils.data.DataLoader(list(zip(dataset.inputs, dataset.labels)), batch_size=16))
    )
    torch.testing.assert_close(ours[0], plain[0])
    assert torch.equal(ours[1], plain[1])


def test_dataset_rejects_wrong_shapes():
    with pytest.raises(ValueError, match="uint8"):
        data.DigitDataset(
            torch.zeros(2, 27, 28, dtype=torch.uint8), torch.zeros(2, dtype=torch.int64)
        )
    with pytest.raises(ValueError, match="labels"):
        data.TensorPairDataset(torch.zeros(3, 5), torch.zeros(2, dtype=torch.int64))


# ---------------------------------------------------------------------------------------------
# IDX files


def idx_bytes(array: np.ndarray) -> bytes:
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + struct.pack(
        f">{array.ndim}I", *array.shape
    )
    return header + array.astype(np.uint8).tobytes()


def write_idx_set(
    folder: Path, n_train: int = 12, n_test: int = 6, compress: bool = True
) -> dict[str, bytes]:
    rng = np.random.default_rng(0)
    files = {}
    for split, n in (("train", n_train), ("test", n_test)):
        image_stem, label_stem = data.MNIST_FILES[split]
        files[image_stem] = idx_bytes(rng.integers(0, 256, (n, 28, 28)))
        files[label_stem] = idx_bytes(rng.integers(0, 10, (n,)))
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for stem, raw in files.items():
        name, payload = (stem + ".gz", gzip.compress(raw)) if compress else (stem, raw)
        (folder / name).write_bytes(payload)
        written[name] = payload
    return written


@pytest.mark.parametrize("compress", [True, False])
def test_full_source_reads_idx_files_gzipped_or_not(tmp_path, compress):
    write_idx_set(tmp_path, compress=compress)
    images, labels = data.load_mnist("train", source="full", data_dir=tmp_path)
    assert images.shape == (12, 28, 28) and images.dtype == torch.uint8
    assert labels.shape == (12,) and labels.dtype == torch.int64
    raw = (tmp_path / ("train-images-idx3-ubyte" + (".gz" if compress else ""))).read_bytes()
    raw = gzip.decompress(raw) if compress else raw
    assert torch.equal(
        images, torch.from_numpy(np.frombuffer(raw[16:], np.uint8).reshape(12, 28, 28).copy())
    )


def test_full_source_uses_the_environment_folder(tmp_path, monkeypatch):
    write_idx_set(tmp_path)
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))
    assert data.default_data_dir() == tmp_path
    assert len(data.load_mnist("test", source="full")[1]) == 6


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda raw: raw[:100], "truncated"),
        (lambda raw: b"\x12\x34" + raw[2:], "magic"),
        (lambda raw: raw[:2] + b"\x0d" + raw[3:], "unsupported"),
        (lambda raw: raw[:6], "truncated IDX header"),
        (lambda raw: raw + b"\x00" * 5, "oversized"),
    ],
)
def test_corrupt_idx_file_names_the_file(tmp_path, damage, message):
    write_idx_set(tmp_path, compress=False)
    target = tmp_path / "t10k-images-idx3-ubyte"
    target.write_bytes(damage(target.read_bytes()))
    with pytest.raises(DataError, match=message) as caught:
        data.load_mnist("test", source="full", data_dir=tmp_path)
    assert "t10k-images-idx3-ubyte" in str(caught.value)


def test_broken_gzip_and_missing_files_name_the_file(tmp_path):
    write_idx_set(tmp_path)
    (tmp_path / "t10k-labels-idx1-ubyte.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    with pytest.raises(DataError, match="t10k-labels-idx1-ubyte"):
        data.load_mnist("test", source="full", data_dir=tmp_path)
    with pytest.raises(DataError, match="train-images-idx3-ubyte.*not found"):
        data.load_mnist("train", source="full", data_dir=tmp_path / "empty")


def test_label_count_must_match_images(tmp_path):
    write_idx_set(tmp_path, compress=False)
    (tmp_path / "t10k-labels-idx1-ubyte").write_bytes(idx_bytes(np.zeros(5, np.uint8)))
    with pytest.raises(DataError, match="t10k-labels-idx1-ubyte.*expected 6 labels"):
        data.load_mnist("test", source="full", data_dir=tmp_path)


# ---------------------------------------------------------------------------------------------
# Download, against a local HTTP server on 127.0.0.1


@pytest.fixture
def idx_server(tmp_path):
    served = tmp_path / "served"
    payloads = write_idx_set(served)
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(served), **k)  # noqa: E731
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    checksums = {name: hashlib.sha256(raw).hexdigest() for name, raw in payloads.items()}
    yield f"http://127.0.0.1:{server.server_address[1]}/", checksums, served
    server.shutdown()


def test_download_verifies_checksums_and_then_loads(idx_server, tmp_path):
    url, checksums, _ = idx_server
    target = tmp_path / "downloaded"
    messages: list[str] = []
    paths = data.download_mnist(target, base_url=url, checksums=checksums, progress=messages.append)
    assert sorted(p.name for p in paths) == sorted(checksums)
    assert all("checksum ok" in m for m in messages)
    assert len(data.load_mnist("train", source="full", data_dir=target)[1]) == 12
    # A second run keeps the verified files instead of downloading again.
    messages.clear()
    data.download_mnist(target, base_url=url, checksums=checksums, progress=messages.append)
    assert all("already present" in m for m in messages)


def test_download_with_wrong_checksum_fails_and_leaves_nothing(idx_server, tmp_path):
    url, checksums, _ = idx_server
    bad = dict(checksums, **{"t10k-images-idx3-ubyte.gz": "0" * 64})
    target = tmp_path / "downloaded"
    with pytest.raises(DataError, match="t10k-images-idx3-ubyte.gz: checksum mismatch"):
        data.download_mnist(target, base_url=url, checksums=bad)
    assert not (target / "t10k-images-idx3-ubyte.gz").exists()
    assert not list(target.glob("*.part"))


def test_download_of_a_missing_file_is_a_clear_error(idx_server, tmp_path):
    url, checksums, served = idx_server
    (served / "train-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DataError, match="train-labels-idx1-ubyte.gz: download .* failed"):
        data.download_mnist(tmp_path / "d", base_url=url, checksums=checksums)


def test_shipped_checksums_are_the_published_mnist_ones():
    assert set(data.MNIST_SHA256) == {
        stem + ".gz" for pair in data.MNIST_FILES.values() for stem in pair
    }
    assert data.MNIST_SHA256["train-images-idx3-ubyte.gz"].startswith("440fcabf73cc")


def test_one_per_class_is_seeded_and_covers_every_digit():
    _, labels = data.load_mnist("test")
    picks = data.one_per_class(labels, seed=3)
    assert [int(labels[i]) for i in picks] == list(range(10))
    assert picks == data.one_per_class(labels, seed=3)
    assert picks != data.one_per_class(labels, seed=4)
