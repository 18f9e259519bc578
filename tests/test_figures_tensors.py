"""The time bars of the "Tensors like NumPy" page, checked without a browser."""

from __future__ import annotations

from explainer.figures import tensors


def test_time_bars_on_a_log_scale() -> None:
    figure = tensors.time_bars({"loops": 40.0, "NumPy": 0.3, "PyTorch": 0.1}, "ms")
    bar = figure.data[0]
    assert list(bar.y) == ["loops", "NumPy", "PyTorch"] and list(bar.x) == [40.0, 0.3, 0.1]
    assert list(bar.text) == ["40 ms", "0.3 ms", "0.1 ms"]
    assert figure.layout.xaxis.type == "log"
