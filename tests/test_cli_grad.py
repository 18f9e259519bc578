"""``python -m explainer grad`` as a black box, through a subprocess."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cli_support import run_cli
from PIL import Image

from explainer import data


def test_grad_acceptance(tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    result = run_cli("grad", "--digit", "3", "--json", str(out))
    assert result.returncode == 0, result.stderr
    found = json.loads(out.read_text())
    assert found["gradcheck_max_error"] <= 1e-6
    assert found["loss_after"] < found["loss_before"]
    assert "ConvolutionBackward0" in found["graph"] and "NllLossBackward0" in found["graph"]
    assert found["label"] == found["target"] == int(data.load_mnist("test")[1][3])
    assert found["torch_gradcheck"]["passed"] is True
    assert found["parameters_total"] == {"cnn": 65162, "linear": 660}
    assert sum(found["parameters"]["cnn"].values()) == 65162
    assert "gradient check on 20 weights" in result.stdout


def test_grad_of_an_image_file_aims_at_the_cnns_answer(tmp_path: Path) -> None:
    path = tmp_path / "seven.png"
    images, labels = data.load_mnist("test")
    seven = int((labels == 7).nonzero()[0])
    Image.fromarray(255 - images[seven].numpy()).resize((140, 140)).save(path)
    result = run_cli("grad", "--image", str(path), "--json", "-")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["label"] is None and found["target"] == found["prediction"] == 7


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--digit", "1000"], "from 0 to 999"),
        (["--digit", "-1"], "from 0 to 999"),
        (["--target", "10"], "digit from 0 to 9"),
        (["--lr", "0"], "positive number"),
        (["--lr", "nan"], "positive number"),
        (["--lr", "1e16"], "too large"),
        (["--samples", "0"], "at least 1"),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run_cli("grad", *args)
    assert result.returncode == 2, result.stdout
    assert message in result.stderr and "Traceback" not in result.stderr


def test_an_empty_image_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    buffer = io.BytesIO()
    Image.new("L", (100, 100), 255).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    result = run_cli("grad", "--image", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
