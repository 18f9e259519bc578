"""The page "Tensors and speed" with Streamlit's AppTest: renders, runs a tiny sweep, shows a reference."""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from browser_support import (
    VIEWPORTS,
    exceptions_on,
    wait_until_idle,
)
from streamlit.testing.v1 import AppTest

from explainer import i18n, machine
from explainer.bench import lock, reference
from explainer.bench.estimate import estimate_rows
from explainer.views import speed_verdict

ROOT = Path(__file__).resolve().parents[1]
PAGE = str(ROOT / "pages/speed.py")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv(lock.LOCK_ENV, str(tmp_path / "bench.lock"))
    monkeypatch.setattr(reference, "REFERENCE_CSV", tmp_path / "no_reference.csv")


def texts(app: AppTest) -> str:
    return "\n".join(
        element.value
        for kind in ("markdown", "info", "success", "warning")
        for element in getattr(app, kind)
    )


def test_page_renders_and_says_plainly_what_is_missing():
    app = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == "Tensors and speed"
    page = texts(app)
    if machine.accelerators() == ["cpu"]:
        assert "No GPU here" in page
    assert "No GPU reference has been recorded yet" in page
    assert [code.value for code in app.code if "explainer bench" in code.value] == [
        reference.REFERENCE_COMMAND
    ]
    assert not app.get("plotly_chart"), "nothing is measured before the button"


def test_pressing_run_measures_and_draws():
    app = AppTest.from_file(PAGE, default_timeout=60).run()
    app.multiselect(key="speed_ops").set_value(["add", "matmul"])
    app.multiselect(key="speed_sizes").set_value([4, 16])
    app.multiselect(key="speed_threads").set_value([1])
    app.button(key="speed_run").click().run()
    assert not app.exception, [e.value for e in app.exception]
    results = app.session_state["speed_results"]
    assert set(results["op"]) == {"add", "matmul"} and (results["status"] == "ok").all()
    assert len(app.get("plotly_chart")) == 4, "time, GFLOP/s, speedup charts and the roofline"
    assert any(len(frame.value) == len(results) for frame in app.dataframe)
    assert "The chapter's claim, checked" in [h.value for h in app.subheader]
    verdict = speed_verdict.markdown(results, partial(i18n.t, lang="en"))
    assert verdict in texts(app), "the verdict is read off the frame the page shows"
    assert "**GFLOP/s against the size n, as measured:**" in verdict
    assert app.get("download_button"), "the CSV download"
    both = pd.concat([results, estimate_rows(results)], ignore_index=True)
    estimate = speed_verdict.estimate_words(both, partial(i18n.t, lang="en"))
    assert estimate.startswith("**An estimate from datasheets, not a measurement.**")
    assert estimate in texts(app)
    assert "No GPU here? An estimate from datasheets" in [h.value for h in app.subheader]
    assert any("GPU (estimate, datasheet)" in frame.value.columns for frame in app.dataframe)


def test_the_estimate_and_roofline_in_korean():
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.session_state["lang"] = "ko"
    app.run()
    app.multiselect(key="speed_ops").set_value(["matmul"])
    app.multiselect(key="speed_sizes").set_value([256])
    app.multiselect(key="speed_threads").set_value([1])
    app.button(key="speed_run").click().run()
    assert not app.exception, [e.value for e in app.exception]
    page = texts(app)
    assert "데이터시트로 낸 추정값이며, 잰 값이 아닙니다." in page and "루프라인" in page
    assert len(app.get("plotly_chart")) == 4


def test_an_empty_choice_is_a_clear_message():
    app = AppTest.from_file(PAGE, default_timeout=60).run()
    app.multiselect(key="speed_ops").set_value([])
    app.button(key="speed_run").click().run()
    assert not app.exception
    assert "Pick at least one operation" in app.error[0].value
    assert "speed_results" not in app.session_state


def test_a_recorded_reference_is_shown_with_its_machine_and_date(tmp_path, monkeypatch):
    # A hand-made file only to test the page's loading; the real one is recorded on a GPU.
    rows = [
        dict(op="train_step", device=device, device_name="", dtype="float32", size=256)
        | dict(threads=threads, copy=False, median_s=median, iqr_s=0.0, runs=5, gflops=1.0)
        | dict(gbps=float("nan"), status="ok", message="")
        for device, median, threads in (("cpu", 1.0, 8), ("cuda:0", 0.05, None))
    ]
    path = tmp_path / "reference.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    record = {"date": "2026-01-02", "devices": {"cuda:0": "Test GPU"}, "machine": {"cpu": "T"}}
    path.with_suffix(".json").write_text(json.dumps(record))
    monkeypatch.setattr(reference, "REFERENCE_CSV", path)
    app = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not app.exception, [e.value for e in app.exception]
    page = texts(app)
    assert "No GPU reference has been recorded yet" not in page
    assert "Recorded on **Test GPU, T** on **2026-01-02**" in page
    assert "**Partly:** the GPU was 20x faster (one training step, batch size 256, " in page
    assert "this app trains with batch size 64" in page
    assert len(app.get("plotly_chart")) == 3


def test_page_in_korean():
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.session_state["lang"] = "ko"
    app.run()
    assert not app.exception
    assert HANGUL.search(app.title[0].value) and "텐서" in app.title[0].value


@pytest.mark.browser
def test_the_page_runs_its_default_sweep_in_chromium(app_url, browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="en-US")
    tab = context.new_page()
    tab.goto(f"{app_url}/speed?lang=en")
    wait_until_idle(tab)
    assert tab.locator('[data-testid="stPlotlyChart"]').count() == 0
    tab.get_by_role("button", name="Run the benchmark").click()
    tab.get_by_text("Your measurement").wait_for(timeout=120_000)
    wait_until_idle(tab, 120_000)
    assert exceptions_on(tab) == []
    tab.locator('[data-testid="stPlotlyChart"]').first.wait_for(timeout=60_000)
    assert tab.get_by_text("The chapter's claim, checked").count() == 1
    context.close()


def test_a_shared_link_opens_the_same_selection_and_bad_values_are_dropped():
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.query_params.update(
        {"speed_ops": ["sum", "softmax"], "speed_sizes": ["16", "999999"], "speed_devices": "cpu"}
    )
    app.run()
    assert not app.exception
    assert app.multiselect(key="speed_ops").value == ["sum", "softmax"]
    assert app.multiselect(key="speed_sizes").value == [16]  # 999999 is not an option: ignored


def test_presenter_mode_shows_one_section():
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.session_state["present"] = True
    app.run()
    assert not app.exception
    assert len(app.header) == 1
