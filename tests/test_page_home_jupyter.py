"""The home page's Jupyter section in AppTest: exercise 1 with code, a live kernel, a diagnosis."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import torch
from streamlit.testing.v1 import AppTest

from explainer import environment, jupyter_view

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "explainer" / "app.py")  # home is the default page
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def open_home(lang: str = "en") -> AppTest:
    app = AppTest.from_file(APP, default_timeout=180)
    app.query_params["lang"] = lang
    return app.run()


def table_with(app: AppTest, row: str):
    return next(t.value for t in app.table if row in list(t.value.index))


def test_exercise_one_is_answered_with_its_code():
    app = open_home()
    assert not app.exception, [e.value for e in app.exception]
    text = "\n".join(m.value for m in app.markdown)
    for code, value in (
        ("sys.version", sys.version),
        ("torch.__version__", torch.__version__),
        ("torch.version.cuda", torch.version.cuda),
        ("torch.cuda.is_available()", torch.cuda.is_available()),
    ):
        assert f"`{code}` → `{value}`" in text  # the code beside its answer
    assert "`+cu121`" in text and "no proof" in text
    codes = " ".join(c.value for c in app.code)
    assert environment.SHELL_ONE_LINER in codes and "def probe()" in codes


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_button_starts_a_real_kernel_that_answers_like_this_app(lang):
    app = open_home(lang)
    app.button(key="jupyter_run").click().run(timeout=300)
    assert not app.exception, [e.value for e in app.exception]
    table = table_with(app, "`torch.__file__`")  # code, not markdown: __file__ stays as is
    same = "✓ 같음" if lang == "ko" else "✓ the same"  # the kernel's answer, when it is the app's
    assert list(table.loc["`torch.__file__`"]) == [f"`{torch.__file__}`", same]
    assert list(table.loc["`sys.prefix`"]) == [f"`{sys.prefix}`", same]
    app_pid, kernel_pid = table.loc["`os.getpid()`"]
    assert kernel_pid != same and kernel_pid != app_pid  # a kernel is another process
    verdict = app.success[0].value
    assert ("같은 파이썬" in verdict) if lang == "ko" else ("same Python" in verdict)
    app.run()  # another rerun keeps the answer without starting a kernel again
    assert table_with(app, "`torch.__file__`") is not None


def test_a_kernel_that_times_out_gets_a_message_and_the_page_keeps_working(monkeypatch):
    monkeypatch.setattr(jupyter_view, "KERNEL_TIMEOUT_S", 0.01)
    app = open_home()
    app.button(key="jupyter_run").click().run(timeout=120)
    assert not app.exception, [e.value for e in app.exception]
    assert "did not answer in time" in app.warning[0].value
    assert any("python -m explainer env --kernel" in c.value for c in app.code)
    assert app.number_input(key="home_digit").value == 0  # the rest of the page is there


def test_a_kernel_without_ipykernel_says_how_to_fix_it(tmp_path, monkeypatch):
    spec = tmp_path / "kernels" / "python3"
    spec.mkdir(parents=True)
    fail = "import sys; sys.exit('No module named ipykernel_launcher')"
    argv = [sys.executable, "-c", fail, "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "broken"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    app = open_home("ko")
    app.button(key="jupyter_run").click().run(timeout=120)
    assert not app.exception
    assert "ipykernel" in app.warning[0].value and HANGUL.search(app.warning[0].value)
    assert any(c.value == "python -m pip install ipykernel" for c in app.code)
    assert any("ipykernel_launcher" in t.value for t in app.text)


def test_pasted_outputs_are_compared_and_diagnosed():
    here = environment.current().to_dict()
    other = here | {"prefix": "/opt/conda", "executable": "/opt/conda/bin/python"}
    app = open_home()
    app.text_area(key="jupyter_paste_shell").input(f"$ python -c ...\n{json.dumps(here)}")
    app.text_area(key="jupyter_paste_nb").input(repr(other))
    app.button(key="jupyter_compare").click().run()
    assert not app.exception
    table = app.dataframe[0].value  # plain text: what a student pasted is never markdown
    assert list(table.loc["prefix"]) == [sys.prefix, "/opt/conda"]
    assert any("Two different Pythons" in w.value for w in app.warning)


def test_an_unreadable_paste_is_a_clear_message():
    app = open_home()
    app.text_area(key="jupyter_paste_shell").input("command not found: python")
    app.button(key="jupyter_compare").click().run()
    assert not app.exception
    assert any("Cannot read the terminal output" in e.value for e in app.error)
