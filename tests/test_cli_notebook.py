"""``python -m explainer notebook``: one valid notebook per page, in the languages asked for."""

from __future__ import annotations

import nbformat
from cli_support import run_cli

from explainer import notebooks


def test_notebook_writes_one_notebook_per_page(tmp_path):
    result = run_cli("notebook", "--out", str(tmp_path / "nb"))
    assert result.returncode == 0, result.stderr
    written = sorted(path.name for path in (tmp_path / "nb").glob("*.ipynb"))
    assert written == sorted(notebooks.filename(page) for page in notebooks.PAGES)
    for path in (tmp_path / "nb").glob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        assert sum(cell.cell_type == "code" for cell in notebook.cells) >= 3


def test_notebook_in_korean_for_some_pages(tmp_path):
    result = run_cli("notebook", "--out", str(tmp_path), "--lang", "ko", "--pages", "home", "data")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "explainer_data_ko.ipynb",
        "explainer_home_ko.ipynb",
    ]


def test_notebook_into_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("x")
    result = run_cli("notebook", "--out", str(tmp_path / "file" / "nb"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cannot write" in result.stderr
