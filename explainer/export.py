"""Export for deployment: weights (safetensors), a self-contained program (``torch.export``, ONNX),
and the training record (CSV, JSON). Every export is bytes, ready for a download button.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import logging
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import torch
from torch import nn

from explainer import model as model_lib
from explainer.errors import ExplainerError
from explainer.train import FilterSnapshot, TrainResult

PRETRAINED_HISTORY_PATH = model_lib.PRETRAINED_PATH.with_name("cnn_history.json")
EXAMPLE_BATCH = 2  # torch.export traces with this batch size and keeps the batch dimension dynamic


@dataclass(frozen=True)
class Export:
    """One downloadable model file: its kind (the suffix), its name, and ``make`` for its bytes.

    The bytes are made only when asked for: a page builds a file when it is downloaded.
    """

    kind: str  # "safetensors", "pt2" or "onnx"
    file_name: str
    make: Callable[[], bytes]

    @property
    def snippet(self) -> str:
        """Python that loads this file and predicts with it."""
        return snippet(self.kind, self.file_name)


# Loading snippets, for files saved as ``digit_cnn.<suffix>`` (see :func:`snippet`).
SAFETENSORS_SNIPPET = """\
from safetensors.torch import load_file
from explainer.model import DigitCNN, CNNConfig

model = DigitCNN(CNNConfig())  # the same sizes as when it was saved
model.load_state_dict(load_file("digit_cnn.safetensors"))  # plain tensors: no code is unpickled
model.eval()
"""

PT2_SNIPPET = """\
import torch

program = torch.export.load("digit_cnn.pt2")  # graph + weights: no Python class needed
model = program.module()
x = torch.randn(8, 1, 28, 28)  # normalised digits: (pixels / 255 - 0.1307) / 0.3081
probabilities = model(x).softmax(dim=1)  # (8, 10)
"""

ONNX_SNIPPET = """\
import numpy as np
import onnxruntime as ort

session = ort.InferenceSession("digit_cnn.onnx")
x = np.random.randn(8, 1, 28, 28).astype(np.float32)  # normalised digits
(logits,) = session.run(None, {session.get_inputs()[0].name: x})  # (8, 10)
"""


def snippet(kind: str, file_name: str) -> str:
    """The loading snippet of an export ``kind`` (safetensors, pt2, onnx) for ``file_name``."""
    template = {"safetensors": SAFETENSORS_SNIPPET, "pt2": PT2_SNIPPET, "onnx": ONNX_SNIPPET}[kind]
    return template.replace(f"digit_cnn.{kind}", file_name)


def _cnn_of(source: TrainResult | model_lib.DigitCNN) -> model_lib.DigitCNN:
    return source.model if isinstance(source, TrainResult) else source


def safetensors_bytes(source: TrainResult | model_lib.DigitCNN) -> bytes:
    """The ``state_dict`` as safetensors, with the CNN config (and the run's facts) in metadata."""
    extra: dict[str, str] = {}
    if isinstance(source, TrainResult):
        extra = {
            "train_config": json.dumps(asdict(source.config)),
            "test_accuracy": f"{source.test_accuracy or 0.0:.4f}",
            "torch_version": torch.__version__,
        }
    return model_lib.to_safetensors(_cnn_of(source), extra)


def pt2_bytes(model: nn.Module) -> bytes:
    """A ``torch.export`` program (``.pt2``) of ``model`` with a dynamic batch size."""
    model = copy.deepcopy(model).eval().to(memory_format=torch.contiguous_format)  # plain weights
    example = torch.zeros(EXAMPLE_BATCH, 1, 28, 28)
    batch = torch.export.Dim("batch", min=1, max=65536)
    program = torch.export.export(model, (example,), dynamic_shapes=({0: batch},))
    buffer = io.BytesIO()
    torch.export.save(program, buffer)
    return buffer.getvalue()


def load_pt2(payload: bytes) -> nn.Module:
    """The callable module of a ``.pt2`` program."""
    return torch.export.load(io.BytesIO(payload)).module()


class ExportedModel(nn.Module):
    """A ``.pt2`` program's module behind the usual ``nn.Module`` face.

    An exported program is traced in eval mode and refuses ``.eval()``/``.train()``; held
    outside the module tree, it lets code that switches modes (``predict_proba``) call it.
    """

    def __init__(self, program_module: nn.Module) -> None:
        super().__init__()
        object.__setattr__(self, "program", program_module)  # not a child: modes stay ours

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits ``[N, 10]`` for normalised digits ``[N, 1, 28, 28]``."""
        return self.program(x)


MODEL_SUFFIXES = (".safetensors", ".pt2")


def load_model_file(path: Path) -> nn.Module:
    """A CNN saved by ``train --out`` (``.safetensors`` or ``.pt2``), checked, in eval mode.

    Anything that is not such a model (missing, unreadable, corrupt, or of another shape) raises
    :class:`~explainer.errors.ExplainerError` with a message for the user.
    """
    if path.suffix.lower() not in MODEL_SUFFIXES:
        raise ExplainerError(
            f"{path}: a model file ends in .safetensors or .pt2 (from `train --out`)"
        )
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        raise ExplainerError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ExplainerError(f"{path}: is a folder, not a model file") from None
    except OSError as error:
        raise ExplainerError(f"{path}: cannot read ({error.strerror or error})") from None
    kind = (
        "safetensors weights" if path.suffix.lower() == ".safetensors" else "torch.export program"
    )
    try:
        if path.suffix.lower() == ".safetensors":
            cnn: nn.Module = model_lib.from_safetensors(payload)
        else:
            # torch.export logs its own traceback before raising on a damaged file: keep it quiet.
            logger = logging.getLogger("torch.export")
            level, logger.level = logger.level, logging.CRITICAL
            try:
                cnn = ExportedModel(load_pt2(payload))
            finally:
                logger.setLevel(level)
        with torch.no_grad():
            logits = cnn(torch.zeros(EXAMPLE_BATCH, 1, 28, 28))
    except Exception as error:  # any failure to read or run it is the file's fault, not ours
        reason = str(error).strip().splitlines()[0][:160] if str(error).strip() else ""
        raise ExplainerError(
            f"{path}: not a usable {kind} of the digit CNN ({type(error).__name__}: {reason})"
        ) from None
    if not isinstance(logits, torch.Tensor) or tuple(logits.shape) != (EXAMPLE_BATCH, 10):
        shape = list(logits.shape) if isinstance(logits, torch.Tensor) else type(logits).__name__
        raise ExplainerError(
            f"{path}: the model answers {shape} for 2 digits, not 10 scores per digit [2, 10]"
        )
    return cnn


def onnx_available() -> bool:
    """Whether the optional ONNX packages (``onnx``, ``onnxscript``) are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("onnx", "onnxscript"))


def onnx_bytes(model: nn.Module) -> bytes:
    """The model as ONNX (needs the optional ``onnx`` and ``onnxscript`` packages)."""
    example = torch.zeros(EXAMPLE_BATCH, 1, 28, 28)
    with warnings.catch_warnings():  # torch's exporter warns about its own internals
        warnings.simplefilter("ignore", FutureWarning)
        program = torch.onnx.export(
            copy.deepcopy(model).eval().to(memory_format=torch.contiguous_format),
            (example,),
            dynamo=True,
            verbose=False,
            input_names=["digits"],
            output_names=["logits"],
            dynamic_shapes=({0: torch.export.Dim("batch", min=1, max=65536)},),
        )
    return program.model_proto.SerializeToString()


def exports(source: TrainResult | model_lib.DigitCNN, stem: str = "digit_cnn") -> list[Export]:
    """Every model file that can be made here: safetensors, ``.pt2``, and ONNX when installed."""
    cnn = _cnn_of(source)
    files = [
        Export("safetensors", f"{stem}.safetensors", lambda: safetensors_bytes(source)),
        Export("pt2", f"{stem}.pt2", lambda: pt2_bytes(cnn)),
    ]
    if onnx_available():
        files.append(Export("onnx", f"{stem}.onnx", lambda: onnx_bytes(cnn)))
    return files


# ---------------------------------------------------------------------------------------------
# The training record


def loss_frame(
    losses: list[float], steps_per_epoch: int | None = None, window: int = 20
) -> pd.DataFrame:
    """One row per step: ``step`` (1-based), ``epoch``, ``loss`` and a trailing-mean ``smoothed``."""
    frame = pd.DataFrame({"step": range(1, len(losses) + 1), "loss": losses})
    if steps_per_epoch:
        frame.insert(1, "epoch", (frame["step"] - 1) // steps_per_epoch)
    frame["smoothed"] = frame["loss"].rolling(window, min_periods=1).mean()
    return frame


def history_csv(result: TrainResult) -> bytes:
    """The loss per step as CSV (UTF-8)."""
    epochs = result.fit.epochs
    per_epoch = epochs[0].step if epochs and epochs[0].step else None
    return loss_frame(result.losses, per_epoch).to_csv(index=False).encode("utf-8")


def history_record(result: TrainResult, snapshots: bool = True) -> dict[str, Any]:
    """The run as plain JSON-ready values: ``history`` (loss per step), accuracies, snapshots."""
    fit = result.fit
    record: dict[str, Any] = {
        "config": asdict(result.config),
        "train_size": result.train_size,
        "status": fit.status,
        "history": fit.losses,
        "epochs": [asdict(epoch) for epoch in fit.epochs],
        "train_accuracy": [epoch.train_accuracy for epoch in fit.epochs],
        "test_accuracies": [epoch.test_accuracy for epoch in fit.epochs],
        "test_accuracy": fit.test_accuracy,
        "seconds": fit.seconds,
        "divergence": asdict(fit.divergence) if fit.divergence else None,
    }
    if snapshots:
        record["snapshots"] = [
            {
                "step": s.step,
                "weights": [[round(v, 4) for v in row] for row in s.weights.flatten(1).tolist()],
            }
            for s in result.snapshots
        ]
    return record


def read_history(path: Path = PRETRAINED_HISTORY_PATH) -> dict[str, Any]:
    """A saved :func:`history_record`, with ``snapshots`` as :class:`FilterSnapshot` objects."""
    record = json.loads(path.read_text(encoding="utf-8"))
    k = record["config"]["model"]["kernel_size"]
    record["snapshots"] = [
        FilterSnapshot(s["step"], torch.tensor(s["weights"]).reshape(-1, 1, k, k))
        for s in record.get("snapshots", [])
    ]
    return record
