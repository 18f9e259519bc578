"""The "Watch it learn" page in Streamlit's AppTest: train, watch, stop, diverge, export."""

from __future__ import annotations

import re
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGE = str(ROOT / "pages" / "train.py")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
TINY = {"train_size": "200", "train_epochs": "1", "train_batch": "32"}


def open_page(**params: str) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.query_params.update(params)
    return app.run()


def train_and_wait(app: AppTest, timeout: float = 60.0) -> AppTest:
    app.button[0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    job = app.session_state["train_job"]
    assert job.wait(timeout), "the run did not end"
    return app.run()


def test_idle_page_explains_what_to_do_and_has_every_control():
    app = open_page()
    assert not app.exception
    assert app.title[0].value == "Watch it learn"
    assert any("press **Train**" in i.value for i in app.info)
    for key in ("train_epochs", "train_size"):
        assert app.slider(key=key).value is not None
    assert app.radio(key="train_opt").options == ["SGD", "SGD + momentum", "Adam"]
    assert app.button[1].disabled  # Stop: nothing to stop
    downloads = [b.key for b in app.get("download_button")]
    assert not app.get("plotly_chart") and downloads == ["notebook_train"]  # no model to export yet


def test_a_tiny_run_shows_charts_metrics_batch_and_downloads():
    app = open_page(**TINY)
    assert app.slider(key="train_size").value == 200  # the settings come from the URL
    app = train_and_wait(app)
    assert not app.exception, [e.value for e in app.exception]
    assert any(s.value.startswith("Finished: 7 steps") for s in app.success)
    charts = app.get("plotly_chart")
    assert len(charts) == 3  # loss, accuracy, the batch
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Last loss"] != "—" and metrics["Test accuracy"].endswith("%")
    assert len(app.get("download_button")) >= 3  # safetensors, .pt2, the loss CSV
    assert any("torch.export.load" in c.value for c in app.code)
    assert app.button[1].disabled  # Stop: the run has ended
    assert not app.get("help_info")  # no bare expression dumped onto the page by Streamlit magic
    assert app.query_params["train_size"] in ("200", ["200"])


def test_stop_keeps_what_was_learned():
    app = open_page(train_size="4000", train_epochs="10", train_batch="16")
    app.button[0].click().run()
    job = app.session_state["train_job"]
    deadline = time.monotonic() + 60
    while job.snapshot().step < 2:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert not app.button[1].disabled
    app.button[1].click().run()
    assert job.wait(1.5), "Stop takes effect within a second"
    app.run()
    assert not app.exception
    assert any(i.value.startswith("Stopped after") for i in app.info)
    assert job.snapshot().result.fit.steps >= 2


def test_a_huge_learning_rate_is_explained_not_crashed():
    app = open_page(**TINY)
    app.radio(key="train_opt").set_value("sgd").run()
    assert app.select_slider(key="train_lr").value == 0.1  # the optimizer's own good default
    app.select_slider(key="train_lr").set_value(1000.0).run()
    app = train_and_wait(app)
    assert not app.exception
    text = " ".join(e.value for e in app.error)
    assert "The loss blew up" in text and "learning rate of 1000" in text
    assert "Nothing was lost" in text
    assert app.session_state["train_job"].snapshot().state == "diverged"


def test_bad_url_values_are_ignored_and_korean_renders():
    app = open_page(lang="ko", train_lr="banana", train_size="7", train_opt="rmsprop")
    assert not app.exception
    assert app.select_slider(key="train_lr").value == 0.005
    assert app.slider(key="train_size").value == 4000
    assert HANGUL.search(app.title[0].value) and HANGUL.search(app.button[0].label)


def test_presenter_mode_shows_one_section_and_keeps_the_settings():
    app = open_page(present="1", **TINY)
    assert not app.exception and len(app.header) == 1
    app.segmented_control(key="slide_train").set_value(1).run()
    assert len(app.header) == 1 and app.header[0].value == "Training, live"
    app = train_and_wait(app)
    assert not app.exception
    assert any(s.value.startswith("Finished: 7 steps") for s in app.success)  # URL settings kept
