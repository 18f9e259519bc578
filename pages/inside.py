"""Inside the CNN: learned first-layer filters beside hand-made kernels, their replay, feature maps."""

import streamlit as st
import torch

from explainer import data, export, filters, model, ui
from explainer.errors import ExplainerError
from explainer.figures import inside as figures
from explainer.views import captions
from explainer.views import inside as view

MINE, PRETRAINED = "mine", "pretrained"


@st.cache_resource(show_spinner=False)
def pretrained() -> model.DigitCNN:
    """One pretrained CNN for every session: only read (eval mode, no gradients), never trained."""
    return model.load_pretrained().requires_grad_(False)


@st.cache_resource(show_spinner=False)
def pretrained_history() -> list | None:
    try:
        return export.read_history()["snapshots"] or None
    except (OSError, KeyError, ValueError):
        return None


def my_result():
    """This session's last training run from "Watch it learn", if it has ended with a model."""
    job = st.session_state.get(ui.TRAIN_JOB_KEY)
    snap = job.snapshot() if job is not None else None
    return snap.result if snap is not None and snap.done else None


def choose_model():
    """The model to look inside: this session's own if it has one and the switch says so."""
    result = my_result()
    if result is None:
        return pretrained(), None
    options = (MINE, PRETRAINED)
    choice = st.segmented_control(
        ui.t("inside.model"),
        options,
        default=MINE,
        key="inside_model",
        format_func=lambda o: ui.t(f"inside.model.{o}"),
        required=True,
    )
    return (result.model, result) if choice == MINE else (pretrained(), None)


def filters_section(cnn: model.DigitCNN) -> None:
    st.markdown(ui.t("inside.filters.caption"))
    learned = cnn.conv1.weight.detach()  # (C1, 1, k, k)
    hand = model.hand_kernels()
    weight = ui.t("inside.chart.weight")
    left, right = st.columns([5, 2], gap="large")
    with left:
        size = learned.shape[-1]
        st.subheader(ui.t("inside.filters.learned", count=len(learned), size=size))
        fig = figures.kernel_grid(learned, colorbar_title=weight, tile_px=85)
        ui.plot(fig, "inside_learned")
    with right:
        st.subheader(ui.t("inside.filters.hand"))
        kernels, titles = (
            torch.stack(list(hand.values())),
            [view.kernel_names(ui.t)[n] for n in hand],
        )
        fig = figures.kernel_grid(kernels, titles, columns=2, colorbar_title=weight)
        ui.plot(fig, "inside_hand")
        st.caption(ui.t("inside.filters.hand_caption"))


def replay_section(result) -> None:
    snapshots = result.snapshots if result is not None else pretrained_history()
    if not snapshots:
        st.info(ui.t("inside.replay.none"))
        ui.link_to("train", ui.t("inside.replay.link"))
        return
    steps = [s.step for s in snapshots]
    if st.session_state.get("inside_step") not in steps:
        st.session_state["inside_step"] = steps[-1]  # a new run: start at its end
    step = st.select_slider(ui.t("inside.replay.slider"), steps, key="inside_step")
    source = ui.t("inside.replay.mine" if result is not None else "inside.replay.pretrained")
    st.caption(ui.t("inside.replay.caption", step=step, last=steps[-1], source=source))
    limit = figures.symmetric_range(*(s.weights for s in snapshots))
    weights = snapshots[steps.index(step)].weights
    fig = figures.kernel_grid(weights, zmax=limit, colorbar_title=ui.t("inside.chart.weight"))
    ui.plot(fig, "inside_replay")
    movement(snapshots[0].weights, snapshots[-1].weights, steps[-1])


def movement(start: torch.Tensor, end: torch.Tensor, last: int) -> None:
    """How far the filters moved from ``start`` to ``end`` (step ``last``), measured and said."""
    moves = filters.movement(start, end, filters.detector_kernels())
    summary = filters.summarize(moves)
    st.subheader(ui.t("inside.replay.measured", last=last))
    st.markdown("\n\n".join(captions.replay_findings(summary, last, start.shape[-1], ui.t)))
    labels = view.movement_labels(last, ui.t)
    ui.plot(figures.filter_movement(moves, labels, view.kernel_names(ui.t)), "inside_movement")
    with st.expander(ui.t("inside.replay.table")):
        table = filters.frame(moves).replace(view.kernel_names(ui.t))
        columns = view.column_names(list(table.columns), ui.t)
        st.dataframe(table.rename(columns=columns), hide_index=True)


def maps_section(cnn: model.DigitCNN) -> None:
    images, labels = ui.test_digits()
    ui.url_value("inside_digit", 0, int, lambda i: 0 <= i < len(labels))
    pick, facts = st.columns([1, 3])
    index = int(pick.number_input(ui.t("inside.maps.pick"), 0, len(labels) - 1, key="inside_digit"))
    ui.mirror_to_url("inside_digit")
    image = images[index : index + 1]  # (1, 28, 28)
    probabilities = model.predict_proba(cnn, image)[0]
    pick.image(image[0].numpy(), width=112)
    facts.markdown(view.digit_facts(index, int(labels[index]), probabilities, ui.t))
    facts.caption(ui.t("inside.maps.caption"))
    for layer, maps in cnn.feature_maps(data.to_model_input(image)).items():
        maps = maps[0]  # (C, H, W)
        top = model.top_filters(maps, k=3)
        st.subheader(
            ui.t("inside.maps.layer", layer=layer, channels=len(maps), side=maps.shape[-1])
        )
        ui.plot(figures.feature_map_grid(maps, [i for i, _ in top]), f"inside_maps_{layer}")
        st.markdown(view.top_line(layer, top, ui.t))


ui.page_header("inside")
try:
    cnn, result = choose_model()
except ExplainerError as error:
    ui.user_error(ui.t("inside.no_model", error=str(error)))
    st.stop()
ui.sections(
    [
        (ui.t("inside.filters.header"), lambda: filters_section(cnn)),
        (ui.t("inside.replay.header"), lambda: replay_section(result)),
        (ui.t("inside.maps.header"), lambda: maps_section(cnn)),
    ],
    key="inside",
)
