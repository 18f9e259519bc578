"""JSON output of the CLI: NaN and infinities become null, tensors become lists, clear errors."""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path

import numpy as np
import pytest
import torch

from explainer import jsonio
from explainer.errors import ExplainerError

ROOT = Path(__file__).resolve().parents[1]


def test_write_json_writes_plain_json_to_a_file(tmp_path):
    out = tmp_path / "out.json"
    payload = {"nan": math.nan, "inf": -math.inf, 3: (1, 2), "t": torch.tensor([1.5, math.nan])}
    jsonio.write_json(payload | {"a": np.float32(0.5), "k": "한글"}, str(out))
    text = out.read_text(encoding="utf-8")
    assert "한글" in text and text.endswith("\n")
    assert json.loads(text) == {
        "nan": None,
        "inf": None,
        "3": [1, 2],
        "t": [1.5, None],
        "a": 0.5,
        "k": "한글",
    }


def test_write_json_dash_is_standard_output(capsys):
    jsonio.write_json([1, math.nan], "-")
    assert json.loads(capsys.readouterr().out) == [1, None]


def test_an_unwritable_destination_is_a_clear_error(tmp_path):
    with pytest.raises(ExplainerError, match="cannot write"):
        jsonio.write_json({}, str(tmp_path / "missing" / "out.json"))


def test_commands_do_not_import_the_cli_that_loads_them():
    for path in (ROOT / "explainer" / "commands").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [f"{node.module}.{a.name}" for a in node.names] + [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            assert not any(n == "explainer.cli" for n in names), f"{path.name} imports the CLI"
