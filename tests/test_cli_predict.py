"""``python -m explainer predict --model PATH``: a model from ``train --out``, and bad model files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from cli_support import run_cli

from explainer import data, export, model


@pytest.fixture(scope="module")
def digits(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, np.ndarray]:
    images, labels = data.load_mnist("test")
    path = tmp_path_factory.mktemp("digits") / "test20.npy"
    np.save(path, images[:20].numpy())
    return path, labels[:20].numpy()


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("model") / "m.safetensors"
    result = run_cli("train", "--epochs", "1", "--train-size", "300", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_predict_with_a_trained_safetensors_model(trained: Path, digits) -> None:
    path, _ = digits
    result = run_cli("predict", str(path), "--model", str(trained), "--json", "-")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    # The CLI's answers are the saved model's own answers, not the shipped model's.
    mine = model.from_safetensors(trained.read_bytes())
    expected = model.predict(mine, torch.from_numpy(np.load(path)))
    assert [r["cnn"] for r in records] == expected.tolist()


def test_predict_with_a_pt2_program(tmp_path: Path, digits) -> None:
    path, labels = digits
    out = tmp_path / "shipped.pt2"
    out.write_bytes(export.pt2_bytes(model.load_pretrained()))
    result = run_cli("predict", str(path), "--model", str(out), "--json", "-")
    assert result.returncode == 0, result.stderr
    shipped = model.predict(model.load_pretrained(), torch.from_numpy(np.load(path)))
    assert [r["cnn"] for r in json.loads(result.stdout)] == shipped.tolist()


def _written(path: Path, payload: bytes) -> Path:
    path.write_bytes(payload)
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _wrong_shape(tmp_path: Path) -> Path:
    cnn = model.build_model(model.CNNConfig(conv1_channels=4))
    blob = bytearray(model.to_safetensors(cnn))
    # Keep the weights of a 4-channel model but claim the default config in the metadata.
    text = blob.decode("latin-1")
    assert 'conv1_channels\\": 4' in text  # the config is JSON inside the JSON header
    text = text.replace('conv1_channels\\": 4', 'conv1_channels\\": 9')
    path = tmp_path / "wrong.safetensors"
    path.write_bytes(text.encode("latin-1"))
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.safetensors", "file not found"),
        (lambda d: _folder(d / "folder.safetensors"), "folder"),
        (lambda d: d / "weights.bin", "ends in .safetensors or .pt2"),
        (
            lambda d: _written(d / "junk.safetensors", b"\x00garbage" * 50),
            "not a usable safetensors",
        ),
        (
            lambda d: _written(d / "cut.pt2", b"PK\x03\x04 not a zip"),
            "not a usable torch.export program",
        ),
        (_wrong_shape, "not a usable safetensors"),
    ],
    ids=["missing", "folder", "suffix", "corrupt-safetensors", "corrupt-pt2", "wrong-shape"],
)
def test_bad_model_files_get_one_clear_line(tmp_path: Path, digits, make, message: str) -> None:
    path, _ = digits
    bad = make(tmp_path)
    result = run_cli("predict", str(path), "--model", str(bad))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_model_answering_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    program = export.pt2_bytes(torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 3)))
    path = tmp_path / "three.pt2"
    path.write_bytes(program)
    with pytest.raises(Exception, match=r"not 10 scores per digit"):
        export.load_model_file(path)
