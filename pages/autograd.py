"""Autograd, live: the graph PyTorch records for one digit, its gradients, a check, one step."""

import numpy as np
import streamlit as st
import torch

from explainer import autograd_graph as walker
from explainer import classifiers, gradient_check, gradients, model, one_step, parameters, ui
from explainer.figures import autograd as figs

RATES = (0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1e4, 1e8, 1e16)
TARGET, KEPT, STEP = "autograd_target", "autograd_target_kept", "autograd_step"


@st.cache_resource(show_spinner=False)
def cnn() -> model.DigitCNN:
    """One pretrained CNN for every session: only read (the step below runs on a copy)."""
    return model.load_pretrained()


@st.cache_data(show_spinner=False, max_entries=200)
def check(image: np.ndarray, target: int) -> tuple[list, gradient_check.GradcheckResult]:
    digit = torch.from_numpy(image)
    samples = gradient_check.finite_differences(cnn(), digit, target)
    return samples, gradient_check.gradcheck_filter(cnn(), digit, target)


def chosen():
    """The current digit and the target: its label (the CNN's answer for the student's own
    digit) until the student picks another target for this digit."""
    choice = ui.current_digit() or ui.test_choice(st.session_state.get(ui.DIGIT_KEY, 0))
    digit_id = (choice.index, choice.image.numpy().tobytes())
    kept = st.session_state.get(KEPT)
    if kept is None or kept[0] != digit_id:
        own = choice.label is None
        first = gradients.predicted_digit(cnn(), choice.image) if own else choice.label
        kept = st.session_state[KEPT] = (digit_id, first)
    return choice, kept[1]


def keep_target() -> None:
    st.session_state[KEPT] = (st.session_state[KEPT][0], st.session_state[TARGET])


@ui.guarded("autograd.bad_digit")
def pick_section() -> None:
    ui.digit_picker()
    choice, target = chosen()
    st.session_state[TARGET] = target  # restored: Streamlit forgets widgets of other pages
    st.segmented_control(
        ui.t("autograd.target"), range(10), key=TARGET, required=True, on_change=keep_target
    )
    st.caption(ui.t("autograd.target." + ("own" if choice.own else "label")))


@ui.guarded("autograd.bad_digit")
def graph_section() -> None:
    choice, target = chosen()
    step = gradients.forward(cnn(), choice.image, target)
    graph = walker.walk(step.loss, walker.leaf_names(cnn(), step.inputs))
    p = step.probabilities
    facts = dict(answer=step.prediction, p=float(p.max()), target=target, p_target=float(p[target]))
    st.markdown(ui.t("autograd.graph.summary", loss=step.loss.item(), **facts))
    words = {key: ui.t(f"autograd.op.{key}") for key in {*walker.PLAIN_WORDS.values(), "other"}}
    left, right = st.columns([3, 2])
    left.graphviz_chart(figs.graph_dot(graph, words, ui.t("autograd.graph.input")))
    right.markdown(
        ui.t("autograd.graph.caption", nodes=len(graph.nodes), leaves=len(graph.leaves()))
    )
    ui.show_code(walker.walk)


@ui.guarded("autograd.bad_digit")
def gradients_section() -> None:
    choice, target = chosen()
    found = gradients.gradients(cnn(), gradients.forward(cnn(), choice.image, target))
    st.markdown(ui.t("autograd.grad.caption", target=target))
    bar = ui.t("autograd.grad.colorbar")
    titles = [ui.t("autograd.grad.digit"), ui.t("autograd.grad.input")]
    ui.plot(figs.input_gradient(choice.image, found.input, titles, bar), "autograd_input")
    st.subheader(ui.t("autograd.grad.filters", count=len(found.filters)))
    ui.plot(figs.filter_gradients(found.filters, bar), "autograd_filters")
    st.caption(ui.t("autograd.grad.filters_caption"))
    ui.show_code(gradients.gradients)


@ui.guarded("autograd.bad_digit")
def check_section() -> None:
    choice, target = chosen()
    samples, passed = check(choice.image.numpy(), target)
    largest, verdict = st.columns(2)
    largest.metric(ui.t("autograd.check.largest"), f"{gradient_check.max_error(samples):.1e}")
    verdict.metric(
        ui.t("autograd.check.gradcheck"),
        ui.t(f"autograd.check.{'passed' if passed.passed else 'failed'}"),
    )
    step = gradient_check.CheckSettings().step
    st.markdown(ui.t("autograd.check.caption", n=len(samples), step=step, **vars(passed)))
    axes = (f"|{ui.t('autograd.col.autograd')}|", f"|{ui.t('autograd.col.numeric')}|")
    ui.plot(figs.check_scatter(samples, *axes), "autograd_check")
    with st.expander(ui.t("autograd.check.table", n=len(samples))):
        numbers = {key: "%.6e" for key in ("autograd", "numeric")} | {"difference": "%.1e"}
        ui.table(gradient_check.table(samples), "autograd.col", numbers)
    ui.show_code(gradient_check.finite_differences)


@ui.guarded("autograd.bad_digit")
def step_section() -> None:
    choice, target = chosen()
    st.markdown(ui.t("autograd.step.caption"))
    lr = st.select_slider(ui.t("autograd.step.lr"), RATES, 0.1, "{:g}".format, key="autograd_lr")
    if st.button(ui.t("autograd.step.run"), type="primary", key="autograd_run"):
        found = one_step.one_step(cnn(), choice.image, target, lr, others=ui.test_digits())
        st.session_state[STEP] = (st.session_state[KEPT], found)
    kept = st.session_state.get(STEP)
    if kept is None or kept[0] != st.session_state[KEPT]:  # none yet, or for another digit
        st.info(ui.t("autograd.step.none"), icon=":material/touch_app:")
    else:
        show_step(kept[1])
    ui.show_code(one_step.one_step)


def show_step(result: one_step.StepResult) -> None:
    old, new = result.others_before, result.others_after
    finite = result.outcome != "exploded"
    a, b, c = st.columns(3)
    a.metric(ui.t("autograd.step.before"), f"{result.loss_before:.4g}")
    change = f"{result.loss_after - result.loss_before:+.3g}" if finite else None
    b.metric(ui.t("autograd.step.after"), f"{result.loss_after:.4g}", change, "inverse")
    c.metric(
        ui.t("autograd.step.test"), f"{new.accuracy:.1%}", f"{new.accuracy - old.accuracy:+.1%}"
    )
    show = {"lower": st.success, "higher": st.warning, "exploded": ui.user_error}[result.outcome]
    losses = dict(lr=result.lr, before=result.loss_before, after=result.loss_after)
    show(ui.t(f"autograd.step.{result.outcome}", **losses))
    scores = dict(before=old.loss, after=new.loss, acc_before=old.accuracy, acc_after=new.accuracy)
    st.markdown(ui.t("autograd.step.others", n=len(ui.test_digits()[1]), **scores))
    if result.others_exploded and finite:
        st.warning(ui.t("autograd.step.forgot"), icon=":material/warning:")
    st.subheader(ui.t("autograd.step.moved"))
    weights = {"before": "%.5f", "after": "%.5f", "change": "%+.2e"}
    ui.table(one_step.table(result), "autograd.col", weights)


def parameters_section() -> None:
    counts = {
        ui.t("autograd.params.cnn"): parameters.count_by_layer(cnn()),
        ui.t("autograd.params.linear"): parameters.count_by_layer(classifiers.load_linear()),
    }
    cnn_total, linear_total = (parameters.total(layers) for layers in counts.values())
    st.markdown(ui.t("autograd.params.caption", cnn=cnn_total, linear=linear_total))
    ui.table(parameters.table(counts), "autograd.col", {"count": "localized"})
    bars = {name: {c.layer: c.count for c in layers} for name, layers in counts.items()}
    ui.plot(figs.parameter_bars(bars, ui.t("autograd.params.x")), "autograd_params")
    ui.show_code(parameters.count_by_layer)


ui.page_header("autograd")
ui.sections(
    [
        (ui.t("autograd.pick.header"), pick_section),
        (ui.t("autograd.graph.header"), graph_section),
        (ui.t("autograd.grad.header"), gradients_section),
        (ui.t("autograd.check.header"), check_section),
        (ui.t("autograd.step.header"), step_section),
        (ui.t("autograd.params.header"), parameters_section),
    ],
    key="autograd",
)
