"""JSON output of the CLI commands: results written to a file or standard output."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from explainer.errors import ExplainerError


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "tolist"):  # tensors, numpy arrays and scalars
        return _jsonable(value.tolist())
    return value


def write_json(payload: Any, destination: str) -> None:
    """Write ``payload`` as JSON to a file, or to standard output when ``destination`` is ``-``."""
    text = json.dumps(_jsonable(payload), indent=2, ensure_ascii=False)
    if destination == "-":
        print(text)
        return
    try:
        Path(destination).write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise ExplainerError(f"cannot write {destination}: {error.strerror or error}") from None
