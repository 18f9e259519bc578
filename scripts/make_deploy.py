"""Write a deploy bundle of this repo for Streamlit Community Cloud or Hugging Face Spaces.

The bundle is the tracked files plus three changes for hosts without a GPU:
``requirements.txt`` takes PyTorch's CPU build (``hosting/requirements.txt``), a root
``streamlit_app.py`` is the entry point, and ``README.md`` starts with the Space's settings header.

    python scripts/make_deploy.py /tmp/explainer-deploy
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP_PREFIXES = ("tests/", ".ci/", "hosting/", "scripts/", "docs/")


def tracked_files() -> list[str]:
    """The files git tracks, minus what a host does not need."""
    listing = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [name for name in listing.stdout.splitlines() if not name.startswith(SKIP_PREFIXES)]


def make_bundle(target: Path) -> list[str]:
    """Copy the app into ``target`` (which must be empty or missing); return the files written."""
    if target.exists() and any(target.iterdir()):
        raise SystemExit(f"{target} is not empty")
    written = []
    for name in tracked_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
        written.append(name)
    shutil.copy2(ROOT / "hosting" / "requirements.txt", target / "requirements.txt")
    shutil.copy2(ROOT / "hosting" / "streamlit_app.py", target / "streamlit_app.py")
    header = (ROOT / "hosting" / "space_header.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (target / "README.md").write_text(header + readme, encoding="utf-8")
    return sorted(set(written) | {"requirements.txt", "streamlit_app.py", "README.md"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="an empty folder for the bundle")
    args = parser.parse_args()
    files = make_bundle(args.target)
    print(f"wrote {len(files)} files to {args.target}")


if __name__ == "__main__":
    main()
