"""The "Inside the CNN" page in Streamlit's AppTest: pretrained first, then this session's model."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from explainer import export, filters, i18n, jobs, model, slots, train
from explainer.views import captions

ROOT = Path(__file__).resolve().parents[1]
PAGE = str(ROOT / "pages" / "inside.py")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def open_page(**params: str) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.query_params.update(params)
    return app.run()


def test_works_from_the_pretrained_model_before_anyone_trains():
    app = open_page()
    assert not app.exception, [e.value for e in app.exception]
    assert len(app.get("plotly_chart")) == 6  # learned, hand, replay, movement, conv1/conv2 maps
    assert not app.get("segmented_control")  # no own model: no switch
    slider = app.select_slider(key="inside_step")
    assert slider.options[0] == "0" and int(slider.value) > 0  # the recorded history, at its end
    captions = " ".join(c.value for c in app.caption)
    assert "recorded training of the pretrained model" in captions
    assert any(m.value.startswith("Responding most in conv1: filter") for m in app.markdown)


def test_the_chosen_digit_comes_from_the_url_and_is_mirrored_back():
    images, labels = train.data.load_mnist("test")
    app = open_page(inside_digit="7")
    assert app.number_input(key="inside_digit").value == 7
    expected = int(model.predict(model.load_pretrained(), images[7:8])[0])
    text = f"Test digit 7 is a **{int(labels[7])}**; the model says **{expected}**"
    assert any(m.value.startswith(text) for m in app.markdown)
    app.number_input(key="inside_digit").set_value(12).run()
    assert not app.exception and app.query_params["inside_digit"] in ("12", ["12"])


def test_replay_goes_back_to_the_start_of_training():
    app = open_page()
    app.select_slider(key="inside_step").set_value(0).run()
    assert not app.exception
    assert any("after 0 of" in c.value for c in app.caption)


def test_a_session_with_its_own_model_can_switch_between_it_and_the_pretrained_one():
    config = train.TrainConfig(
        train.cnn_fit(epochs=1, batch_size=32), train_size=200, first_layer="hand"
    )
    job = jobs.TrainingJob(config, slots.TrainingSlots(1)).start()
    assert job.wait(60)
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.session_state["train_job"] = job
    app.run()
    assert not app.exception
    switch = app.segmented_control(key="inside_model")
    assert switch.value == "mine"
    captions = " ".join(c.value for c in app.caption)
    assert "your run on" in captions
    steps = [int(s) for s in app.select_slider(key="inside_step").options]
    assert steps[-1] == job.snapshot().result.fit.steps
    learned = app.get("plotly_chart")[0].proto.spec
    switch.set_value("pretrained").run()
    assert not app.exception
    assert app.get("plotly_chart")[0].proto.spec != learned  # other weights, other picture
    assert "recorded training of the pretrained model" in " ".join(c.value for c in app.caption)


def test_the_replay_says_how_far_the_shipped_filters_moved():
    app = open_page()
    snapshots = export.read_history()["snapshots"]
    moves = filters.movement(
        snapshots[0].weights, snapshots[-1].weights, filters.detector_kernels()
    )
    summary = filters.summarize(moves)
    last = snapshots[-1].step
    expected = "\n\n".join(captions.replay_findings(summary, last, 5, i18n.t))
    assert expected in [m.value for m in app.markdown]
    low, high = summary.cosine
    assert f"between {low:.2f} and {high:.2f}" in expected
    shown = " ".join(m.value for m in app.markdown) + " ".join(c.value for c in app.caption)
    assert "stroke detectors" not in shown and "noise turn" not in shown
    assert app.get("arrow_data_frame") or app.dataframe  # the numbers per filter


def test_korean():
    app = open_page(lang="ko")
    assert not app.exception and HANGUL.search(app.title[0].value)
    assert any("코사인" in m.value for m in app.markdown)
