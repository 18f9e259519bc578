"""``python -m explainer features`` and ``predict`` as a black box, through a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from cli_support import run_cli
from PIL import Image

from explainer import data, sweep


def cli(*args: str):
    return run_cli(*args)


def photo_of(image: np.ndarray, path: Path, seed: int) -> Path:
    """A dark digit on light, noisy, unevenly lit paper, as a JPEG photo would show it."""
    rng = np.random.default_rng(seed)
    size = 480
    big = Image.fromarray(image).resize((300, 300), Image.Resampling.BICUBIC)
    ink = np.zeros((size, size))
    ink[80:380, 100:400] = np.asarray(big, dtype=np.float64) / 255.0
    yy, xx = np.mgrid[0:size, 0:size]
    paper = 215 - 60 * (xx / size) * (yy / size) + rng.normal(0, 6, (size, size))  # a shadow
    gray = paper * (1 - 0.8 * ink)  # dark ink
    rgb = np.stack([gray, gray * 0.97, gray * 0.9], -1)  # warm light
    Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8)).save(path, "JPEG", quality=75)
    return path


def test_features_default_split_to_json(tmp_path: Path) -> None:
    out = tmp_path / "features.json"
    result = cli("features", "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert "1000 digits" in result.stdout
    records = json.loads(out.read_text())
    assert len(records) == 1000
    assert {"holes", "endpoints", "junctions", "strokes"} <= records[0].keys()
    zeros = [r for r, label in zip(records, data.load_mnist("test")[1].tolist()) if label == 0]
    assert np.mean([r["holes"] for r in zeros]) > 0.8  # zeros have a loop


def test_features_of_an_npy_stack_to_stdout(tmp_path: Path) -> None:
    images = data.load_mnist("test")[0][:3].numpy()
    path = tmp_path / "x.npy"
    np.save(path, images)
    result = cli("features", "--images", str(path), "--json", "-")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [r["index"] for r in records] == [0, 1, 2]


@pytest.mark.parametrize(
    ("array", "message"),
    [
        (np.zeros((2, 20, 20), dtype=np.uint8), "expected uint8"),
        (np.zeros((2, 28, 28), dtype=np.float32), "expected uint8"),
        (np.array([{"a": 1}], dtype=object), "not a readable .npy"),  # would need unpickling
    ],
)
def test_features_bad_npy(tmp_path: Path, array: np.ndarray, message: str) -> None:
    path = tmp_path / "bad.npy"
    np.save(path, array, allow_pickle=array.dtype == object)
    result = cli("features", "--images", str(path))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_predict_photos_of_dark_digits_on_light_paper(tmp_path: Path) -> None:
    images, labels = data.load_mnist("test")
    picks = [int(np.flatnonzero(labels.numpy() == d)[0]) for d in (2, 3, 7)]
    paths = [photo_of(images[i].numpy(), tmp_path / f"photo{i}.jpg", i) for i in picks]
    result = cli("predict", *map(str, paths), "--json", "-")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [r["cnn"] for r in records] == [int(labels[i]) for i in picks]
    for record in records:
        assert len(record["cnn_probabilities"]) == 10
        assert sum(record["cnn_probabilities"]) == pytest.approx(1.0, abs=1e-4)
        assert record["rules"] is None or 0 <= record["rules"] <= 9
        assert 0 <= record["linear"] <= 9
        assert "holes" in record["features"]


def test_predict_npy_stack_and_summary_lines(tmp_path: Path) -> None:
    images, labels = data.load_mnist("test")
    path = tmp_path / "x.npy"
    np.save(path, images[:20].numpy())
    result = cli("predict", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 20 and lines[0].startswith(f"{path}[0]: cnn ")
    right = sum(f"cnn {int(label)} " in line for line, label in zip(lines, labels[:20]))
    assert right >= 18


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "file not found"),
        (b"not an image", "not a readable image"),
        (b"", "empty"),
    ],
)
def test_predict_bad_files_exit_2_without_traceback(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "digit.png"
    if content is not None:
        path.write_bytes(content)
    result = cli("predict", str(path))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_predict_truncated_png(tmp_path: Path) -> None:
    path = tmp_path / "cut.png"
    Image.fromarray(255 - data.load_mnist("test")[0][0].numpy()).resize((200, 200)).save(path)
    path.write_bytes(path.read_bytes()[:300])
    result = cli("predict", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cut.png" in result.stderr


def test_sweep_command_small(tmp_path: Path) -> None:
    out = tmp_path / "sweep.json"
    result = cli("sweep", "--sizes", "50", "--seeds", "0", "1", "--steps", "3", "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert "[4/4]" in result.stdout and "over 2 seeds" in result.stdout
    payload = json.loads(out.read_text())
    assert payload["config"]["sizes"] == [50] and payload["config"]["seeds"] == [0, 1]
    assert sorted(p["learner"] for p in payload["points"]) == ["cnn", "cnn", "linear", "linear"]
    assert len(sweep.load_shipped(out)) == 4  # the format the page reads


def test_sweep_command_rejects_bad_sizes() -> None:
    result = cli("sweep", "--sizes", "3")
    assert result.returncode == 2 and "sizes must lie between" in result.stderr
    assert "Traceback" not in result.stderr


def test_features_with_the_readable_loops_equal_the_tensor_ones(tmp_path: Path) -> None:
    images = data.load_mnist("test")[0][:40].numpy()
    path = tmp_path / "x.npy"
    np.save(path, images)
    loops = cli("features", "--images", str(path), "--impl", "python", "--json", "-")
    tensors = cli("features", "--images", str(path), "--json", "-")
    assert loops.returncode == 0, loops.stderr
    assert json.loads(loops.stdout) == json.loads(tensors.stdout)
    bad = cli("features", "--impl", "fortran")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
