"""Learned features: the CNN next to the hand-made features, on one digit and on all of them."""

import time

import numpy as np
import streamlit as st
import torch

from explainer import (
    captions,
    classifiers,
    elsewhere,
    features,
    model,
    navigation,
    slots,
    sweep,
    ui,
)
from explainer.errors import ExplainerError
from explainer.figures import compare
from explainer.figures import elsewhere as figs_elsewhere
from explainer.figures import features as figs

DIGIT = ui.DIGIT_KEY  # the test digit chosen on "Features by hand" or here
LEARNERS = ("rules", "linear", "cnn")


test_split = ui.test_digits


@st.cache_resource(show_spinner=False)
def models() -> tuple[classifiers.LinearOnFeatures, torch.nn.Module]:
    return classifiers.load_linear(), model.load_pretrained()


@st.cache_data(show_spinner=False)
def test_answers() -> dict[str, np.ndarray]:
    """Every classifier's answer on every test digit, plus the CNN's probabilities."""
    linear, cnn = models()
    table = features.extract(test_split()[0])
    return {
        "rules": classifiers.predict_rules(table),
        "linear": classifiers.predict_linear(linear, table),
        "cnn": model.predict(cnn, test_split()[0]).numpy(),
    }


def names() -> dict[str, str]:
    return {key: ui.t(f"cnn_vs_hand.name.{key}") for key in LEARNERS}


def digit_section() -> None:
    choice = ui.current_digit()
    if choice is None:
        labels = test_split()[1]
        ui.url_value(DIGIT, 0, int, lambda i: 0 <= i < len(labels))
        st.session_state["cnn_vs_hand_index"] = st.session_state[DIGIT]
        index = st.number_input(
            ui.t("cnn_vs_hand.digit.number"),
            0,
            len(labels) - 1,
            key="cnn_vs_hand_index",
            on_change=lambda: st.session_state.update(
                {DIGIT: st.session_state["cnn_vs_hand_index"]}
            ),
        )
        ui.mirror_to_url(DIGIT)
        choice = ui.test_choice(int(index))
    else:
        st.caption(ui.t("cnn_vs_hand.digit.from_features"))
    features_page = navigation.page("features")
    st.page_link(
        navigation.page_path(features_page),
        label=ui.t("cnn_vs_hand.digit.link"),
        icon=features_page.icon,
    )
    image = choice.image
    table = features.extract(image[None])
    linear, cnn = models()
    rules = int(classifiers.predict_rules(table)[0])
    linear_proba = classifiers.linear_proba(linear, table)[0].numpy()
    cnn_proba = model.predict_proba(cnn, image[None])[0].numpy()
    left, middle, right = st.columns([1, 2, 2])
    with left:
        ui.drawing_thumbnail(choice)  # a drawing as drawn, kept from "Features by hand"
        ui.plot(figs.digit_picture(image, height=150), key="cnn_vs_hand_digit")
        st.markdown(
            ui.t("cnn_vs_hand.digit.label", label=choice.label)
            if choice.label is not None
            else ui.t("cnn_vs_hand.digit.own")
        )
        answer = ui.t("cnn_vs_hand.digit.abstain") if rules == classifiers.ABSTAIN else rules
        st.markdown(ui.t("cnn_vs_hand.digit.rules", answer=answer))
    with middle:
        st.markdown(ui.t("cnn_vs_hand.digit.linear", digit=int(linear_proba.argmax())))
        ui.plot(figs.probability_bars(linear_proba), key="cnn_vs_hand_linear")
    with right:
        st.markdown(ui.t("cnn_vs_hand.digit.cnn", digit=int(cnn_proba.argmax())))
        ui.plot(figs.probability_bars(cnn_proba), key="cnn_vs_hand_cnn")


def all_section() -> None:
    truth = test_split()[1].numpy()
    answers = test_answers()
    st.markdown(ui.t("cnn_vs_hand.all.caption"))
    for column, key in zip(st.columns(3), LEARNERS):
        column.metric(names()[key], f"{(answers[key] == truth).mean():.1%}")
    st.subheader(ui.t("cnn_vs_hand.all.per_class"))
    ui.plot(
        compare.per_class_accuracy(truth, answers, names(), ui.t("cnn_vs_hand.all.right")),
        key="cnn_vs_hand_per_class",
    )
    axes = ui.t("cnn_vs_hand.all.predicted"), ui.t("cnn_vs_hand.all.true")
    for column, key in zip(st.columns(3), LEARNERS):
        with column:
            st.markdown(f"**{names()[key]}**")
            abstain = classifiers.ABSTAIN if key == "rules" else None
            matrix = figs.confusion_matrix(truth, answers[key], abstain=abstain)
            ui.plot(figs.confusion_figure(matrix, *axes), key=f"cnn_vs_hand_cm_{key}")


def disagree_section() -> None:
    images, labels = test_split()
    truth, answers = labels.numpy(), test_answers()
    st.markdown(ui.t("cnn_vs_hand.disagree.caption"))
    groups = classifiers.disagreements(truth, answers["linear"], answers["cnn"])
    tabs = st.tabs(
        [ui.t(f"cnn_vs_hand.disagree.{key}", n=len(index)) for key, index in groups.items()]
    )
    for tab, (key, index) in zip(tabs, groups.items()):
        with tab:
            if not len(index):
                st.info(ui.t("cnn_vs_hand.disagree.none"))
                continue
            titles = [f"{truth[i]}: {answers['linear'][i]}/{answers['cnn'][i]}" for i in index]
            ui.plot(
                compare.gallery(images[torch.from_numpy(index)], titles),
                key=f"cnn_vs_hand_gallery_{key}",
            )


@st.cache_resource(show_spinner=False)
def elsewhere_scores() -> list[elsewhere.Scored]:
    return elsewhere.score_all(models()[1])


def elsewhere_section() -> None:
    scored = elsewhere_scores()
    st.markdown(ui.t("cnn_vs_hand.elsewhere.caption"))
    sets = {s.name: ui.t(f"cnn_vs_hand.elsewhere.set.{s.name}", n=len(s.labels)) for s in scored}
    accuracy = {s.name: s.accuracy() for s in scored}
    y_title = ui.t("cnn_vs_hand.elsewhere.y")
    ui.plot(
        figs_elsewhere.scoreboard(accuracy, sets, names(), y_title), key="cnn_vs_hand_elsewhere"
    )
    for gap in elsewhere.gaps(scored):
        st.markdown(
            ui.t(f"cnn_vs_hand.elsewhere.{gap.word}", kind=sets[gap.name], points=abs(gap.points))
        )
    st.subheader(ui.t("cnn_vs_hand.elsewhere.wrong_header"))
    for tab, s in zip(st.tabs([sets[s.name] for s in scored[1:]]), scored[1:]):
        for key in LEARNERS:
            wrong = s.wrong(key)
            tab.markdown(
                ui.t(
                    "cnn_vs_hand.elsewhere.wrong",
                    name=names()[key],
                    n=len(wrong),
                    total=len(s.labels),
                )
            )
            if len(wrong):
                with tab:
                    shown = s.images[torch.from_numpy(wrong)]
                    ui.plot(
                        compare.gallery(shown, s.captions(key, wrong), cols=12),
                        key=f"cnn_vs_hand_else_{s.name}_{key}",
                    )
    st.caption(ui.t("cnn_vs_hand.elsewhere.how"))


def rerun_sweep(shipped: list[sweep.SweepPoint]) -> None:
    """A button that recomputes a smaller sweep (``sweep.LIVE_CONFIG``) here, with progress."""
    help_text = captions.rerun_help(shipped, sweep.LIVE_CONFIG, ui.t)
    if not st.button(ui.t("cnn_vs_hand.sweep.rerun"), key="cnn_vs_hand_rerun", help=help_text):
        return
    bar, start = st.progress(0.0), time.perf_counter()

    def report(point: sweep.SweepPoint, done: int, total: int) -> None:
        values = dict(learner=names()[point.learner], size=point.size, seed=point.seed)
        text = ui.t("cnn_vs_hand.sweep.progress", accuracy=point.test_accuracy, **values)
        bar.progress(done / total, text)

    with slots.training_slot(lambda: st.info(ui.t("cnn_vs_hand.sweep.waiting"))):
        st.session_state["cnn_vs_hand_sweep"] = sweep.run_sweep(sweep.LIVE_CONFIG, on_point=report)
    st.session_state["cnn_vs_hand_sweep_seconds"] = time.perf_counter() - start
    st.rerun()


def sweep_section() -> None:
    try:
        shipped = sweep.load_shipped()
    except ExplainerError as error:
        ui.user_error(ui.t("cnn_vs_hand.sweep.missing"))
        st.text(str(error))
        return
    fresh = st.session_state.get("cnn_vs_hand_sweep")
    points = fresh or shipped
    summary = sweep.summarize(points)
    x, y = ui.t("cnn_vs_hand.sweep.x"), ui.t("cnn_vs_hand.sweep.y")
    ui.plot(compare.sweep_figure(points, names(), x, y), key="cnn_vs_hand_sweep_chart")
    st.markdown("\n\n".join(captions.sweep_findings(summary, ui.t, names())))
    st.caption(captions.sweep_method(summary, ui.t))
    seconds = st.session_state.get("cnn_vs_hand_sweep_seconds") if fresh else None
    st.caption(captions.sweep_source(points, seconds, ui.t))
    rerun_sweep(shipped)
    ui.show_code(sweep.run_sweep)


ui.page_header("cnn_vs_hand")
ui.sections(
    [
        (ui.t("cnn_vs_hand.digit.header"), digit_section),
        (ui.t("cnn_vs_hand.all.header", n=len(test_split()[1])), all_section),
        (ui.t("cnn_vs_hand.disagree.header"), disagree_section),
        (ui.t("cnn_vs_hand.elsewhere.header"), elsewhere_section),
        (ui.t("cnn_vs_hand.sweep.header"), sweep_section),
    ],
    key="cnn_vs_hand",
)
