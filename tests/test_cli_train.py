"""``python -m explainer train`` as a black box: the acceptance run, divergence, bad values, --out."""

from __future__ import annotations

import json

import pytest
import torch
from cli_support import run_cli as _run

from explainer import data, export, model


def run_cli(*args: str):
    return _run("train", *args)


def test_acceptance_three_epochs_reach_97_percent_with_the_same_history_twice(tmp_path):
    records = []
    for name in ("a.json", "b.json"):
        done = run_cli("--epochs", "3", "--seed", "0", "--json", str(tmp_path / name))
        assert done.returncode == 0, done.stderr
        assert "epoch 3/3" in done.stdout and "test accuracy" in done.stdout
        records.append(json.loads((tmp_path / name).read_text()))
    first, second = records
    assert first["test_accuracy"] >= 0.97
    assert first["history"] == second["history"] and len(first["history"]) == 189
    assert len(first["test_accuracies"]) == len(first["train_accuracy"]) == 3
    assert first["test_accuracies"][-1] == first["test_accuracy"]
    assert first["seconds"] > 0 and first["status"] == "finished"


def test_json_to_stdout_is_clean_and_out_writes_loadable_weights(tmp_path):
    out = tmp_path / "tiny.safetensors"
    done = run_cli("--epochs", "1", "--train-size", "128", "--out", str(out), "--json", "-")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)  # progress went to stderr
    assert len(record["history"]) == 2 and record["train_size"] == 128
    net = model.load_pretrained(out)
    images, labels = data.load_mnist("test")
    assert model.accuracy(net, images, labels) == pytest.approx(record["test_accuracy"])


def test_out_pt2_writes_a_program(tmp_path):
    out = tmp_path / "tiny.pt2"
    done = run_cli(
        "--epochs", "1", "--train-size", "64", "--optimizer", "momentum", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    program = export.load_pt2(out.read_bytes())
    assert program(torch.zeros(3, 1, 28, 28)).shape == (3, 10)


def test_a_diverging_run_ends_with_a_clear_message(tmp_path):
    out = tmp_path / "never.safetensors"
    record = tmp_path / "diverged.json"
    done = run_cli(
        "--lr", "1e6", "--optimizer", "sgd", "--train-size", "256", "--out", str(out),
        "--json", str(record),
    )  # fmt: skip
    assert done.returncode != 0
    assert "diverged" in done.stderr and "smaller --lr" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not out.exists()
    saved = json.loads(record.read_text())
    assert saved["status"] == "diverged" and saved["divergence"]["loss"] is None  # NaN -> null


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--epochs", "-1"], "epochs"),
        (["--batch-size", "0"], "batch size"),
        (["--train-size", "0"], "training-set size"),
        (["--train-size", "4001"], "at most 4000"),
        (["--lr", "-0.5"], "learning rate"),
        (["--lr", "nan"], "learning rate"),
        (["--optimizer", "rmsprop"], "invalid choice"),
        (["--epochs", "two"], "invalid int"),
        (["--threads", "0"], "threads"),
    ],
)
def test_bad_values_get_one_clear_line(args, message):
    done = run_cli(*args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(torch.cuda.is_available(), reason="this host has a CUDA GPU")
def test_an_absent_device_is_refused_in_one_line_with_status_2():
    done = run_cli("--epochs", "1", "--device", "cuda")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert (
        len(lines) == 1 and "cuda: no CUDA GPU here" in lines[0] and torch.__version__ in lines[0]
    )


def test_auto_trains_on_the_device_present(tmp_path):
    done = run_cli("--epochs", "1", "--train-size", "64", "--device", "auto")
    assert done.returncode == 0, done.stderr
    expected = "cuda:0" if torch.cuda.is_available() else "cpu"
    assert f"({expected})" in done.stdout.splitlines()[0]
