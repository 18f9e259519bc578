"""Learned features: the CNN next to the hand-made features, on one digit and on all of them."""

import time

import streamlit as st

from explainer import classifiers, elsewhere, slots, sweep, ui
from explainer.answers import LEARNERS, answer_all
from explainer.errors import ExplainerError
from explainer.figures import cnn_vs_hand as figures
from explainer.figures import elsewhere as figs_elsewhere
from explainer.figures import features as figs
from explainer.views import captions
from explainer.views import cnn_vs_hand as view

SWEEP, SECONDS = "cnn_vs_hand_sweep", "cnn_vs_hand_sweep_seconds"  # a sweep recomputed here


def digit_section() -> None:
    choice = ui.current_digit()
    if choice is None:
        ui.digit_from_url()
        index = ui.test_digit_number(ui.t("cnn_vs_hand.digit.number"), "cnn_vs_hand_index")
        ui.mirror_to_url(ui.DIGIT_KEY)
        choice = ui.test_choice(index)
    else:
        st.caption(ui.t("cnn_vs_hand.digit.from_features"))
    ui.link_to("features", ui.t("cnn_vs_hand.digit.link"))
    image = choice.image
    linear, cnn = ui.shipped_models()
    found = answer_all(image[None], cnn, linear)
    linear_proba = classifiers.linear_proba(linear, found.features)[0].numpy()
    cnn_proba = found.cnn_proba[0]
    left, middle, right = st.columns([1, 2, 2])
    with left:
        ui.drawing_thumbnail(choice)  # a drawing as drawn, kept from "Features by hand"
        ui.plot(figs.digit_picture(image, height=150), key="cnn_vs_hand_digit")
        for line in view.digit_lines(choice.label, int(found.rules[0]), ui.t):
            st.markdown(line)
    with middle:
        st.markdown(ui.t("cnn_vs_hand.digit.linear", digit=int(linear_proba.argmax())))
        ui.plot(figs.probability_bars(linear_proba), key="cnn_vs_hand_linear")
    with right:
        st.markdown(ui.t("cnn_vs_hand.digit.cnn", digit=int(cnn_proba.argmax())))
        ui.plot(figs.probability_bars(cnn_proba), key="cnn_vs_hand_cnn")


def all_section() -> None:
    truth, found, names = ui.test_digits()[1].numpy(), ui.test_answers(), view.names(ui.t)
    st.markdown(ui.t("cnn_vs_hand.all.caption"))
    for column, (key, accuracy) in zip(st.columns(3), found.accuracy(truth).items()):
        column.metric(names[key], f"{accuracy:.1%}")
    st.subheader(ui.t("cnn_vs_hand.all.per_class"))
    per_class = {key: found.of(key) for key in LEARNERS}
    ui.plot(
        figures.per_class_accuracy(truth, per_class, names, ui.t("cnn_vs_hand.all.right")),
        key="cnn_vs_hand_per_class",
    )
    axes = ui.t("cnn_vs_hand.all.predicted"), ui.t("cnn_vs_hand.all.true")
    matrices = figures.confusions(truth, found, *axes)
    for column, (key, figure) in zip(st.columns(3), matrices.items()):
        with column:
            st.markdown(f"**{names[key]}**")
            ui.plot(figure, key=f"cnn_vs_hand_cm_{key}")


def disagree_section() -> None:
    images, labels = ui.test_digits()
    truth, found = labels.numpy(), ui.test_answers()
    st.markdown(ui.t("cnn_vs_hand.disagree.caption"))
    groups = classifiers.disagreements(truth, found.linear, found.cnn)
    for tab, (key, index) in zip(st.tabs(view.disagreement_tabs(groups, ui.t)), groups.items()):
        with tab:
            if not len(index):
                st.info(ui.t("cnn_vs_hand.disagree.none"))
                continue
            figure = figures.disagreement_gallery(images, truth, found, index)
            ui.plot(figure, key=f"cnn_vs_hand_gallery_{key}")


@st.cache_resource(show_spinner=False)
def elsewhere_scores() -> list[elsewhere.Scored]:
    return elsewhere.score_all(ui.shipped_models()[1])


def elsewhere_section() -> None:
    scored = elsewhere_scores()
    st.markdown(ui.t("cnn_vs_hand.elsewhere.caption"))
    sets, accuracy = view.set_names(scored, ui.t), {s.name: s.accuracy() for s in scored}
    y_title = ui.t("cnn_vs_hand.elsewhere.y")
    figure = figs_elsewhere.scoreboard(accuracy, sets, view.names(ui.t), y_title)
    ui.plot(figure, key="cnn_vs_hand_elsewhere")
    for sentence in view.gap_sentences(scored, ui.t):
        st.markdown(sentence)
    st.subheader(ui.t("cnn_vs_hand.elsewhere.wrong_header"))
    for tab, s in zip(st.tabs([sets[s.name] for s in scored[1:]]), scored[1:]):
        for key in LEARNERS:
            tab.markdown(view.wrong_line(s, key, ui.t))
            if len(s.wrong(key)):
                with tab:
                    ui.plot(figures.wrong_gallery(s, key), key=f"cnn_vs_hand_else_{s.name}_{key}")
    st.caption(ui.t("cnn_vs_hand.elsewhere.how"))


def rerun_sweep(shipped: list[sweep.SweepPoint]) -> None:
    """A button that recomputes a smaller sweep (``sweep.LIVE_CONFIG``) here, with progress."""
    help_text = captions.rerun_help(shipped, sweep.LIVE_CONFIG, ui.t)
    if not st.button(ui.t("cnn_vs_hand.sweep.rerun"), key="cnn_vs_hand_rerun", help=help_text):
        return
    bar, start = st.progress(0.0), time.perf_counter()

    def report(point: sweep.SweepPoint, done: int, total: int) -> None:
        bar.progress(done / total, view.sweep_progress(point, ui.t))

    with slots.training_slot(lambda: st.info(ui.t("cnn_vs_hand.sweep.waiting"))):
        st.session_state[SWEEP] = sweep.run_sweep(sweep.LIVE_CONFIG, on_point=report)
    st.session_state[SECONDS] = time.perf_counter() - start
    st.rerun()


def sweep_section() -> None:
    try:
        shipped = sweep.load_shipped()
    except ExplainerError as error:
        ui.user_error(ui.t("cnn_vs_hand.sweep.missing"), str(error))
        return
    fresh = st.session_state.get(SWEEP)
    points, seconds = (fresh, st.session_state.get(SECONDS)) if fresh else (shipped, None)
    x, y = ui.t("cnn_vs_hand.sweep.x"), ui.t("cnn_vs_hand.sweep.y")
    ui.plot(figures.sweep_figure(points, view.names(ui.t), x, y), key="cnn_vs_hand_sweep_chart")
    findings, method, source = view.sweep_captions(points, seconds, ui.t)
    st.markdown(findings)
    st.caption(method)
    st.caption(source)
    rerun_sweep(shipped)
    ui.show_code(sweep.run_sweep)


ui.page_header("cnn_vs_hand")
ui.sections(
    [
        (ui.t("cnn_vs_hand.digit.header"), digit_section),
        (ui.t("cnn_vs_hand.all.header", n=len(ui.test_digits()[1])), all_section),
        (ui.t("cnn_vs_hand.disagree.header"), disagree_section),
        (ui.t("cnn_vs_hand.elsewhere.header"), elsewhere_section),
        (ui.t("cnn_vs_hand.sweep.header"), sweep_section),
    ],
    key="cnn_vs_hand",
)
