"""The "Autograd, live" page, driven with Streamlit's AppTest through the router."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch
from streamlit.testing.v1 import AppTest

from explainer import data, model, picker

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "explainer" / "app.py")
PAGE = str(ROOT / "pages" / "autograd.py")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def open_page(lang: str = "en", choice: picker.DigitChoice | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params["lang"] = lang
    if choice is not None:
        at.session_state["digit_choice"] = choice
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("The CNN says"))


@pytest.fixture(scope="module")
def app() -> AppTest:
    return open_page()


def test_every_part_is_there(app: AppTest) -> None:
    assert app.title[0].value == "Autograd, live"
    assert [h.value for h in app.header] == [
        "Choose a digit",
        "The graph autograd recorded",
        "The gradients: what would change the answer",
        "Checking autograd, live",
        "One step of the loop you own",
        "How many numbers are learned",
    ]
    dot = app.get("graphviz_chart")[0].proto.spec
    assert "ConvolutionBackward0" in dot and "NllLossBackward0" in dot and "conv1.weight" in dot
    metrics = {m.label: m.value for m in app.metric}
    assert float(metrics["Largest |autograd − finite difference|"]) <= 1e-6
    assert metrics["torch.autograd.gradcheck"] == "passed"
    assert len(app.get("plotly_chart")) == 4  # input gradient, filters, check, parameters
    assert any("**65,162**" in m.value and "**660**" in m.value for m in app.markdown)
    assert any("def walk" in c.value for c in app.code)  # the real code
    assert "Against the target **0**" in summary(app)  # test digit 0's label


def test_a_step_lowers_the_loss_and_leaves_the_shared_model_alone() -> None:
    at = open_page()
    before = summary(at)
    at.select_slider(key="autograd_lr").set_value(0.1).run()
    at.button(key="autograd_run").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert float(metrics["Loss after"]) < float(metrics["Loss before"])
    assert any(s.value.startswith("The loss went down") for s in at.success)
    assert summary(at) == before  # the forward pass still uses the untouched shared model
    shipped = model.load_pretrained()
    image = data.load_mnist("test")[0][0]
    assert f"{torch.softmax(shipped(data.to_model_input(image[None])), 1).max():.1%}" in before


def test_an_exploding_learning_rate_gets_a_message_and_the_page_goes_on() -> None:
    at = open_page()
    at.select_slider(key="autograd_lr").set_value(1e16).run()
    at.button(key="autograd_run").click().run()
    assert not at.exception
    assert any("The loss exploded" in e.value for e in at.error)
    at.select_slider(key="autograd_lr").set_value(0.01).run()
    at.button(key="autograd_run").click().run()
    assert not at.exception and not at.error
    assert any(s.value.startswith("The loss went down") for s in at.success)


def test_the_target_can_be_changed_and_is_kept() -> None:
    at = open_page()
    at.button_group(key="autograd_target").set_value(6).run()
    assert not at.exception
    assert "Against the target **6**" in summary(at)
    assert any("surer it sees **6**" in m.value for m in at.markdown)
    at.run()
    assert "Against the target **6**" in summary(at)


def test_an_own_digit_aims_at_the_cnns_answer() -> None:
    images, labels = data.load_mnist("test")
    seven = int((labels == 7).nonzero()[0])
    choice = picker.DigitChoice("upload", None, images[seven], None, name="seven.png")
    at = open_page(choice=choice)
    assert "Against the target **7**" in summary(at)
    assert any("has no label" in c.value for c in at.caption)


def test_an_empty_digit_gets_a_message_not_a_traceback() -> None:
    blank = picker.DigitChoice("upload", None, torch.zeros(28, 28, dtype=torch.uint8), None)
    at = open_page(choice=blank)
    assert any("cannot be used here" in e.value for e in at.error)
    assert any("empty" in t.value for t in at.text)


def test_in_korean() -> None:
    at = open_page("ko")
    assert at.title[0].value == "자동 미분을 눈으로"
    assert all(HANGUL.search(h.value) for h in at.header)
    assert any("목표 **0**에 대한 손실" in m.value for m in at.markdown)


def test_presenter_mode_opens_one_section() -> None:
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params.update({"present": "1", "slide_autograd": "4"})
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [h.value for h in at.header] == ["One step of the loop you own"]
