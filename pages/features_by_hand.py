"""Features by hand: a hand-written extractor, step by step, and two classifiers that use it."""

import numpy as np
import pandas as pd
import streamlit as st
import torch

from explainer import classifiers, data, features, preprocess, ui
from explainer.figures import features as figs
from explainer.figures.digits import mosaic

SOURCES = ("gallery", "random", "index", "draw", "upload")
CHOICE = "digit_choice"  # shared with "CNN vs hand": {"image", "label", "index", "source"}
DIGIT = "digit"  # the chosen test digit's number, also ?digit= in the URL


@st.cache_data(show_spinner=False)
def test_split() -> tuple[torch.Tensor, torch.Tensor]:
    return data.load_mnist("test")


@st.cache_resource(show_spinner=False)
def linear_model() -> classifiers.LinearOnFeatures:
    return classifiers.load_linear()


@st.cache_data(show_spinner=False)
def test_results() -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    table = features.extract(test_split()[0])
    linear = classifiers.predict_linear(linear_model(), table)
    return table, classifiers.predict_rules(table), linear


def set_index(index: int) -> None:
    st.session_state[DIGIT] = int(index) % len(test_split()[1])


def gallery_indices(seed: int) -> list[int]:
    """One test digit of each class, drawn with ``seed``."""
    return data.one_per_class(test_split()[1], seed)


def on_gallery() -> None:
    digit = st.session_state.get("features_gallery_pick")
    if digit is not None:
        set_index(gallery_indices(st.session_state.get("features_gallery", 0))[digit])


def own_digit(source: str) -> torch.Tensor | None:
    """A drawn or uploaded digit made MNIST-style, or None (with a clear message)."""
    try:
        if source == "draw":
            from streamlit_drawable_canvas import st_canvas

            st.caption(ui.t("features.pick.draw_help"))
            canvas = st_canvas(
                stroke_width=22,
                stroke_color="#ffffff",
                background_color="#000000",
                height=280,
                width=280,
                return_image_data=True,
                key="features_canvas",
            )
            if not (canvas.json_data or {}).get("objects"):
                return None
            return preprocess.from_canvas(canvas.image_data)
        upload = st.file_uploader(
            ui.t("features.pick.upload_label"),
            help=ui.t("features.pick.upload_help"),
            key="features_upload",
        )
        if upload is None:
            return None
        st.text(f"{ui.t('features.pick.file')} {preprocess.safe_name(upload.name)}")  # plain text
        return preprocess.from_bytes(upload.getvalue(), "upload")
    except preprocess.ImageError as error:
        ui.user_error(ui.t("features.pick.bad"))
        st.text(str(error))  # never markdown: it may quote the user's file
        return None


def test_digit_picker(source: str) -> int:
    """The gallery, random and by-number pickers: all choose a test digit's number."""
    images, labels = test_split()
    ui.url_value(DIGIT, 0, int, lambda i: 0 <= i < len(labels))
    if source == "gallery":
        picks = gallery_indices(st.session_state.get("features_gallery", 0))
        st.image(mosaic(images[picks], rows=1, cols=10).numpy(), width="stretch")
        st.pills(
            ui.t("features.pick.gallery_help"),
            list(range(10)),
            key="features_gallery_pick",
            on_change=on_gallery,
        )
        shuffle = {"features_gallery": st.session_state.get("features_gallery", 0) + 1}
        st.button(
            ui.t("features.pick.shuffle"),
            key="features_shuffle",
            on_click=lambda: st.session_state.update(shuffle | {"features_gallery_pick": None}),
        )
    elif source == "random":
        st.button(
            ui.t("features.pick.another"),
            key="features_random",
            on_click=lambda: set_index(np.random.default_rng().integers(len(labels))),
        )
    else:
        st.session_state["features_number"] = st.session_state[DIGIT]
        st.number_input(
            ui.t("features.pick.number"),
            0,
            len(labels) - 1,
            step=1,
            key="features_number",
            on_change=lambda: set_index(st.session_state["features_number"]),
        )
    ui.mirror_to_url(DIGIT)
    return st.session_state[DIGIT]


def pick_section() -> None:
    source = st.segmented_control(
        ui.t("features.pick.source"),
        SOURCES,
        default="gallery",
        required=True,
        key="features_source",
        format_func=lambda s: ui.t(f"features.pick.{s}"),
    )
    if source in ("draw", "upload"):
        image = own_digit(source)
        if image is None:
            st.info(ui.t("features.pick.nothing"))
            st.session_state[CHOICE] = None  # the steps below must not show an older digit
            return
        st.session_state[CHOICE] = {"image": image, "label": None, "index": None, "source": source}
    else:
        index = test_digit_picker(source)
        images, labels = test_split()
        st.session_state[CHOICE] = {
            "image": images[index],
            "label": int(labels[index]),
            "index": index,
            "source": source,
        }
    choice = st.session_state[CHOICE]
    left, right = st.columns([1, 4])
    with left:
        ui.plot(figs.digit_picture(choice["image"], height=140), key="features_chosen")
    if choice["index"] is not None:
        right.markdown(ui.t("features.pick.chosen", index=choice["index"], label=choice["label"]))
    else:
        right.markdown(ui.t("features.pick.chosen_own", source=ui.t(f"features.pick.{source}")))


def steps_section() -> None:
    if CHOICE not in st.session_state:  # presenter mode can open this section first
        index = st.session_state.get(DIGIT, 0)
        image = test_split()[0][index]
    elif st.session_state[CHOICE] is None:
        st.info(ui.t("features.pick.nothing"))
        return
    else:
        image = st.session_state[CHOICE]["image"]
    shown = features.steps(image)
    st.markdown(ui.t("features.steps.caption", threshold=features.INK_THRESHOLD))
    titles = [
        ui.t("features.steps.binarized"),
        ui.t("features.steps.holes", count=int(shown.holes.max())),
        ui.t("features.steps.skeleton"),
        ui.t("features.steps.scanlines"),
    ]
    ui.plot(figs.steps_figure(shown, titles), key="features_steps")
    with st.expander(ui.t("features.code.header")):
        st.code("\n\n".join(map(ui.source_of, features.STEP_FUNCTIONS)), language="python")
    row = features.extract(image[None])
    left, right = st.columns([2, 3])
    with left:
        st.subheader(ui.t("features.table.header"))
        values = row.iloc[0].round(3).rename(ui.t("features.table.value"))
        st.dataframe(values.rename_axis(ui.t("features.table.feature")), height=320)
        st.caption(ui.t("features.table.caption"))
    with right:
        st.subheader(ui.t("features.predict.rules"))
        path, digit = classifiers.rule_path(row)
        verdict = (
            ui.t("features.predict.abstains")
            if digit == classifiers.ABSTAIN
            else ui.t("features.predict.says", digit=digit)
        )
        lines = [
            f"{n}. {ui.t(f'rules.{key}')} → **{ui.t('features.predict.' + ('yes' if yes else 'no'))}**"
            for n, (key, yes) in enumerate(path, start=1)
        ]
        st.markdown(ui.t("features.predict.path") + "\n\n" + "\n".join(lines) + f"\n\n→ {verdict}")
        st.subheader(ui.t("features.predict.linear"))
        proba = classifiers.linear_proba(linear_model(), row)[0].numpy()
        st.markdown(ui.t("features.predict.says", digit=int(proba.argmax())))
        ui.plot(figs.probability_bars(proba), key="features_linear_proba")
        st.caption(ui.t("features.predict.linear_caption"))
        with st.expander(ui.t("features.code.rules")):
            st.code("\n\n".join(map(ui.source_of, classifiers.RULE_FUNCTIONS)), language="python")


def all_section() -> None:
    table, rules, linear = test_results()
    labels = test_split()[1].numpy()
    st.markdown(ui.t("features.all.caption"))
    a, b, c = st.columns(3)
    a.metric(ui.t("features.all.rules_accuracy"), f"{(rules == labels).mean():.1%}")
    b.metric(ui.t("features.all.rules_abstain"), f"{(rules == classifiers.ABSTAIN).mean():.1%}")
    c.metric(ui.t("features.all.linear_accuracy"), f"{(linear == labels).mean():.1%}")
    st.subheader(ui.t("features.all.distribution"))
    name = st.selectbox(ui.t("features.all.feature"), list(table.columns), key="features_feature")
    ui.plot(
        figs.feature_by_class(
            table[name], labels, ui.t("features.all.true"), ui.t("features.all.share")
        ),
        key="features_dist",
    )
    left, right = st.columns(2)
    axes = ui.t("features.all.predicted"), ui.t("features.all.true")
    with left:
        st.subheader(ui.t("features.all.confusion_rules"))
        matrix = figs.confusion_matrix(labels, rules, abstain=classifiers.ABSTAIN)
        ui.plot(
            figs.confusion_figure(matrix, *axes, ui.t("features.all.abstain")),
            key="features_cm_rules",
        )
    with right:
        st.subheader(ui.t("features.all.confusion_linear"))
        ui.plot(
            figs.confusion_figure(figs.confusion_matrix(labels, linear), *axes),
            key="features_cm_linear",
        )
    ui.show_code(classifiers.LinearOnFeatures)


ui.page_header("features")
ui.sections(
    [
        (ui.t("features.pick.header"), pick_section),
        (ui.t("features.steps.header"), steps_section),
        (ui.t("features.all.header", n=len(test_split()[1])), all_section),
    ],
    key="features",
)
