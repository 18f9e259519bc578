"""Home: chapter 1 in one screen: the anatomy, the exercises, the loop you own, the data."""

import importlib.util

import pandas as pd
import streamlit as st
import torch

from explainer import data, machine, navigation, ui
from explainer.figures import anatomy, digits


@st.cache_data(show_spinner=False)
def load_split(split: str):
    return data.load_mnist(split)


def anatomy_section() -> None:
    st.markdown(ui.t("home.anatomy.caption"))
    live_pages = {spec.file: spec for spec in navigation.available_pages()}
    names = {stage.key: ui.t(f"home.stage.{stage.key}") for stage in anatomy.STAGES}
    live = {stage.key for stage in anatomy.STAGES if stage.page in live_pages}
    st.graphviz_chart(anatomy.anatomy_dot(names, live), width="stretch")
    linked = [s for s in anatomy.STAGES if s.key in live and s.page != "home.py"]
    for start in range(0, len(linked), 3):  # one row of columns at a time keeps phones in order
        for column, stage in zip(st.columns(3), linked[start : start + 3]):
            spec = live_pages[stage.page]
            column.page_link(
                navigation.page_path(spec),
                icon=spec.icon,
                label=ui.t("home.stage.link", stage=names[stage.key], page=ui.t(spec.title_key)),
            )


def machine_section() -> None:
    st.markdown(ui.t("home.machine.caption"))
    question = ui.t("home.machine.question")
    facts = pd.DataFrame(
        [
            {
                question: ui.t(f"home.fact.{fact.key}"),
                ui.t("home.machine.answer"): fact.text(ui.t),
                ui.t("home.machine.meaning"): ui.t(f"home.fact.{fact.key}.why"),
            }
            for fact in machine.machine_facts()
        ]
    )
    st.table(facts.set_index(question))


def loop_section() -> None:
    if importlib.util.find_spec("explainer.train") is not None:
        from explainer import train

        st.markdown(ui.t("home.loop.caption"))
        st.code(ui.source_of(train.fit), language="python")
    else:
        st.markdown(ui.t("home.loop.caption_data"))
        st.code(
            ui.source_of(data.load_mnist) + "\n\n" + ui.source_of(data.DigitDataset),
            language="python",
        )


def data_section() -> None:
    train_images, train_labels = load_split("train")
    test_images, test_labels = load_split("test")
    st.markdown(
        ui.t(
            "home.data.caption",
            train=len(train_labels),
            test=len(test_labels),
            per_class=data.class_counts(test_labels)[0],
        )
    )
    left, right = st.columns([1, 1])
    with left:
        ui.plot(digits.digit_grid(test_images, test_labels, per_class=10), key="home_grid")
    with right:
        st.subheader(ui.t("home.tensor.header"))
        ui.url_value("home_digit", 0, int, lambda i: 0 <= i < len(test_labels))
        index = st.number_input(
            ui.t("home.tensor.pick"),
            min_value=0,
            max_value=len(test_labels) - 1,
            step=1,
            key="home_digit",
        )
        ui.mirror_to_url("home_digit")
        image = test_images[int(index)]
        st.markdown(
            ui.t(
                "home.tensor.facts",
                shape=list(image.shape),
                dtype=str(image.dtype).replace("torch.", ""),
                lo=int(image.min()),
                hi=int(image.max()),
                label=int(test_labels[int(index)]),
            )
        )
        ui.plot(digits.tensor_heatmap(image), key="home_tensor")
    model_input_view(image)


def model_input_view(image: torch.Tensor) -> None:
    """The digit as stored and as the CNN receives it; every number is read off the tensors."""
    st.subheader(ui.t("home.input.header"))
    left, right = st.columns([1, 1])
    left.markdown(ui.t("home.input.caption", mean=data.MNIST_MEAN, std=data.MNIST_STD))
    tensors = {
        ui.t("home.input.stored"): data.summarize(image),  # (28, 28) uint8
        ui.t("home.input.fed"): data.summarize(data.to_model_input(image[None])),  # (1, 1, 28, 28)
    }
    rows = ("dtype", "shape", "min", "max", "mean")
    table = {
        name: [s.dtype, str(list(s.shape)), *(f"{v:.4g}" for v in (s.min, s.max, s.mean))]
        for name, s in tensors.items()
    }
    with right:
        st.table(pd.DataFrame(table, index=[ui.t(f"home.input.{row}") for row in rows]))
        ui.show_code(data.to_model_input)


ui.page_header("home")
ui.sections(
    [
        (ui.t("home.anatomy.header"), anatomy_section),
        (ui.t("home.machine.header"), machine_section),
        (ui.t("home.loop.header"), loop_section),
        (ui.t("home.data.header"), data_section),
    ],
    key="home",
)
