"""Every export reloads and predicts the same; the loading snippets run; the history files."""

from __future__ import annotations

import io
import json
import os

import pandas as pd
import pytest
import torch

from explainer import data, export, model, train


@pytest.fixture(scope="module")
def result() -> train.TrainResult:
    return train.train_cnn(
        train.TrainConfig(train.cnn_fit(epochs=1, batch_size=32, seed=2), train_size=192)
    )


@pytest.fixture(scope="module")
def digits() -> torch.Tensor:
    return data.to_model_input(data.load_mnist("test")[0][:37])  # (37, 1, 28, 28)


def test_safetensors_export_reloads_to_the_same_predictions(result, digits, tmp_path):
    again = model.from_safetensors(export.safetensors_bytes(result))
    torch.testing.assert_close(again(digits), result.model(digits))
    path = tmp_path / "w.safetensors"
    path.write_bytes(export.safetensors_bytes(result))
    meta = model.pretrained_metadata(path)
    assert json.loads(meta["train_config"])["fit"]["seed"] == 2
    assert float(meta["test_accuracy"]) == pytest.approx(result.test_accuracy, abs=1e-4)


def test_pt2_program_reloads_with_any_batch_size(result, digits):
    program = export.load_pt2(export.pt2_bytes(result.model))
    for batch in (digits, digits[:1]):
        torch.testing.assert_close(program(batch), result.model(batch), rtol=1e-5, atol=1e-5)


def test_onnx_export_is_valid_and_predicts_the_same(result, digits):
    # onnx and onnxscript come with requirements-dev.txt, so this runs wherever the suite runs.
    assert export.onnx_available()
    import onnx
    from onnx.reference import ReferenceEvaluator  # onnx's own pure-numpy runtime

    proto = onnx.load_from_string(export.onnx_bytes(result.model))
    onnx.checker.check_model(proto)
    assert [i.name for i in proto.graph.input] == ["digits"]
    (logits,) = ReferenceEvaluator(proto).run(None, {"digits": digits[:5].numpy()})
    expected = result.model(digits[:5]).detach()
    torch.testing.assert_close(torch.from_numpy(logits), expected, rtol=1e-4, atol=1e-4)


def test_every_snippet_loads_its_file_and_predicts_the_same(result, digits, tmp_path):
    files = export.exports(result, stem="my_cnn")
    assert {f.kind for f in files} >= {"safetensors", "pt2"}
    expected = result.model(digits[:8])
    cwd = os.getcwd()
    try:
        os.chdir(tmp_path)
        for file in files:
            if file.kind == "onnx":  # needs onnxruntime to run
                continue
            (tmp_path / file.file_name).write_bytes(file.make())
            assert file.file_name in file.snippet
            namespace: dict = {}
            exec(file.snippet, namespace)  # the snippet a student would copy
            loaded = namespace.get("model")
            torch.testing.assert_close(loaded(digits[:8]), expected, rtol=1e-5, atol=1e-5)
    finally:
        os.chdir(cwd)


def test_exports_are_made_only_when_asked_and_the_weights_reload_the_same(result, monkeypatch):
    def not_now(*_: object) -> bytes:
        raise AssertionError("made before it was asked for")

    monkeypatch.setattr(export, "pt2_bytes", not_now)
    monkeypatch.setattr(export, "onnx_bytes", not_now)
    files = {f.kind: f for f in export.exports(result)}  # a page lists them before any click
    assert {"safetensors", "pt2"} <= files.keys()
    assert files["safetensors"].file_name == "digit_cnn.safetensors"
    reloaded = model.from_safetensors(files["safetensors"].make())
    images = data.load_mnist("test")[0][:50]
    assert torch.equal(model.predict(reloaded, images), model.predict(result.model, images))


def test_history_csv_has_one_row_per_step(result):
    frame = pd.read_csv(io.BytesIO(export.history_csv(result)))
    assert list(frame.columns) == ["step", "epoch", "loss", "smoothed"]
    assert frame["step"].tolist() == list(range(1, result.fit.steps + 1))
    assert frame["loss"].tolist() == pytest.approx(result.losses)
    assert frame["smoothed"].iloc[0] == pytest.approx(result.losses[0])
    assert frame["smoothed"].iloc[-1] == pytest.approx(sum(result.losses[-6:]) / 6)


def test_history_record_is_json_and_reads_back(result, tmp_path):
    record = export.history_record(result)
    path = tmp_path / "h.json"
    path.write_text(json.dumps(record))
    back = export.read_history(path)
    assert back["history"] == result.losses and back["test_accuracy"] == result.test_accuracy
    assert [s.step for s in back["snapshots"]] == [s.step for s in result.snapshots]
    torch.testing.assert_close(
        back["snapshots"][-1].weights, result.snapshots[-1].weights, atol=1e-4, rtol=0
    )


def test_shipped_history_matches_the_shipped_weights():
    history = export.read_history()
    net = model.load_pretrained()
    assert history["status"] == "finished" and history["test_accuracy"] >= 0.97
    first, last = history["snapshots"][0], history["snapshots"][-1]
    assert first.step == 0 and last.step == len(history["history"])
    torch.testing.assert_close(last.weights, net.conv1.weight.detach(), atol=1e-4, rtol=0)
    start = model.build_model(net.config, history["config"]["seed"]).conv1.weight.detach()
    torch.testing.assert_close(first.weights, start, atol=1e-4, rtol=0)
