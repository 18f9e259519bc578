"""The deploy bundle for hosts: CPU-only torch, a root entry point that renders, the Space header."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


def make_bundle(tmp_path: Path) -> Path:
    target = tmp_path / "bundle"
    subprocess.run(
        [sys.executable, "scripts/make_deploy.py", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return target


def test_bundle_takes_cpu_torch_and_the_same_packages(tmp_path):
    bundle = make_bundle(tmp_path)
    hosted = (bundle / "requirements.txt").read_text()
    assert "--extra-index-url https://download.pytorch.org/whl/cpu" in hosted
    assert "torch==2.13.0+cpu" in hosted
    local = (ROOT / "requirements.txt").read_text()

    def names(text: str) -> set[str]:
        lines = [ln.split("#")[0].strip() for ln in text.splitlines()]
        return {ln.split("==")[0].split(">=")[0] for ln in lines if ln and not ln.startswith("-")}

    assert names(hosted) == names(local)  # the hosting file follows requirements.txt
    assert (bundle / "explainer" / "assets" / "mnist_5k.npz").exists()
    assert not (bundle / "tests").exists()


def test_bundle_readme_starts_with_the_space_settings(tmp_path):
    readme = (make_bundle(tmp_path) / "README.md").read_text()
    header = readme.split("---")[1]
    assert "sdk: streamlit" in header and "app_file: streamlit_app.py" in header
    assert "# explainer" in readme


def test_bundle_entry_point_renders_the_home_page(tmp_path):
    bundle = make_bundle(tmp_path)
    app = AppTest.from_file(str(bundle / "streamlit_app.py"), default_timeout=120).run()
    assert not app.exception
    assert app.title and app.title[0].value
