"""Every page offers itself as a Jupyter notebook, in the page's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explainer import navigation

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "explainer" / "app.py")
AREAS = {"home.py": "home", "data.py": "data", "inside.py": "inside"}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("file", sorted(AREAS))
def test_the_page_has_a_notebook_download(file, lang):
    spec = next(spec for spec in navigation.PAGES if spec.file == file)
    app = AppTest.from_file(APP, default_timeout=180)
    app.query_params["lang"] = lang
    app.run()
    if spec.url_path:
        app.switch_page(str(navigation.page_path(spec))).run()
    assert not app.exception, [e.value for e in app.exception]
    buttons = [
        b for b in app.get("download_button") if b.proto.id.endswith(f"notebook_{AREAS[file]}")
    ]
    assert len(buttons) == 1
    assert buttons[0].proto.label == ("노트북" if lang == "ko" else "Notebook")
