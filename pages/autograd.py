"""Autograd, live: the graph PyTorch records for one digit, its gradients, a check, one step."""

import numpy as np
import streamlit as st
import torch

from explainer import autograd_graph as walker
from explainer import gradient_check, gradients, one_step, parameters, ui
from explainer.figures import autograd as figs
from explainer.views import autograd as view

TARGET, KEPT, STEP = "autograd_target", "autograd_target_kept", "autograd_step"


def cnn() -> torch.nn.Module:
    """The shipped CNN, shared by every session: only read (the step below runs on a copy)."""
    return ui.shipped_models()[1]


@st.cache_data(show_spinner=False, max_entries=200)
def check(image: np.ndarray, target: int) -> tuple[list, gradient_check.GradcheckResult]:
    digit = torch.from_numpy(image)
    samples = gradient_check.finite_differences(cnn(), digit, target)
    return samples, gradient_check.gradcheck_filter(cnn(), digit, target)


def chosen():
    """The current digit and its target: the label (own digit: the CNN's answer) unless changed."""
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
    metrics, caption = view.check_report(samples, passed, ui.t)
    ui.metric_row(metrics)
    st.markdown(caption)
    axes = (f"|{ui.t('autograd.col.autograd')}|", f"|{ui.t('autograd.col.numeric')}|")
    ui.plot(figs.check_scatter(samples, *axes), "autograd_check")
    with st.expander(ui.t("autograd.check.table", n=len(samples))):
        ui.table(gradient_check.table(samples), "autograd.col", view.CHECK_FORMATS)
    ui.show_code(gradient_check.finite_differences)


@ui.guarded("autograd.bad_digit")
def step_section() -> None:
    choice, target = chosen()
    st.markdown(ui.t("autograd.step.caption"))
    lr = st.select_slider(
        ui.t("autograd.step.lr"), view.RATES, 0.1, "{:g}".format, key="autograd_lr"
    )
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
    report = view.step_report(result, len(ui.test_digits()[1]), ui.t)
    ui.metric_row(report.metrics)
    {"success": st.success, "warning": st.warning, "error": ui.user_error}[report.level](
        report.outcome
    )
    st.markdown(report.others)
    if report.forgot:
        st.warning(ui.t("autograd.step.forgot"), icon=":material/warning:")
    st.subheader(ui.t("autograd.step.moved"))
    ui.table(one_step.table(result), "autograd.col", view.WEIGHT_FORMATS)


def parameters_section() -> None:
    counts, caption = view.parameter_counts(cnn(), ui.shipped_models()[0], ui.t)
    st.markdown(caption)
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
