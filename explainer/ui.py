"""The one small helper module the pages share: language, code display, figures, messages.

It is the only module in the package (besides ``app.py``) that imports Streamlit.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
import torch

from explainer import (
    answers,
    classifiers,
    data,
    i18n,
    model,
    navigation,
    picker,
    preprocess,
    rooms,
)
from explainer.errors import ExplainerError
from explainer.figures.digits import mosaic

LANG_KEY = "lang"
PRESENT_KEY = "present"
T = TypeVar("T")

# Presenter mode: larger type for a projector. Our own constant CSS, never user text.
PRESENTER_CSS = """
<style>
  [data-testid="stMain"] { font-size: 1.3rem; }
  [data-testid="stMain"] h1 { font-size: 3.2rem; }
  [data-testid="stMain"] h2 { font-size: 2.3rem; }
  [data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] label,
  [data-testid="stMain"] td, [data-testid="stMain"] th { font-size: 1.3rem; }
  [data-testid="stMain"] code { font-size: 1.1rem; }
  [data-testid="stMainBlockContainer"] { padding-top: 2rem; max-width: 100%; }
</style>
"""


def current_language() -> str:
    """The language of this session: the switch if set, else the URL, else the browser's locale."""
    chosen = st.session_state.get(LANG_KEY)
    if chosen in i18n.LANGUAGES:
        return chosen
    return i18n.resolve_language(st.query_params.get(LANG_KEY), st.context.locale)


def t(key: str, **values: object) -> str:
    """``key``'s text in the current language."""
    return i18n.t(key, current_language(), **values)


def language_switch() -> str:
    """A switch between English and Korean, mirrored in the URL as ``?lang=`` so links carry it."""
    if st.session_state.get(LANG_KEY) not in i18n.LANGUAGES:
        st.session_state[LANG_KEY] = i18n.resolve_language(
            st.query_params.get(LANG_KEY), st.context.locale
        )
    chosen = st.segmented_control(
        "Language / 언어",
        options=list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGE_NAMES.get,
        required=True,
        key=LANG_KEY,
    )
    if st.query_params.get(LANG_KEY) != chosen:
        st.query_params[LANG_KEY] = chosen  # page switches clear the URL's parameters: restore it
    return chosen


def url_value(
    key: str, default: T, convert: Callable[[str], T], valid: Callable[[T], bool] = lambda _: True
) -> None:
    """Make sure ``st.session_state[key]`` exists, seeded once per session from ``?key=`` in the URL.

    Call it before the widget with that key (and give the widget no ``value``); :func:`mirror_to_url`
    after it keeps the URL in step, so a link opens the same view and a reload keeps it. Invalid
    values in the URL are ignored.
    """
    marker = f"_from_url_{key}"
    if marker not in st.session_state:
        st.session_state[marker] = True
        raw = st.query_params.get(key)
        try:
            value = convert(raw) if raw is not None else None
        except (TypeError, ValueError):
            value = None
        if value is not None and valid(value):
            st.session_state[key] = value
    if key not in st.session_state:
        st.session_state[key] = default


def mirror_to_url(*keys: str) -> None:
    """Write the widgets' current values to the URL's query parameters."""
    for key in keys:
        value = st.session_state.get(key)
        if value is None:
            continue
        text = ",".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        if st.query_params.get(key) != text:
            st.query_params[key] = text


def presenting() -> bool:
    """Whether presenter mode (big type, fewer controls, one idea per screen) is on."""
    if PRESENT_KEY not in st.session_state:
        return st.query_params.get(PRESENT_KEY, "") in ("1", "true", "yes", "on")
    return bool(st.session_state[PRESENT_KEY])


def presenter_switch() -> bool:
    """A toggle for presenter mode, also reachable as ``?present=1``."""
    if PRESENT_KEY not in st.session_state:
        st.session_state[PRESENT_KEY] = presenting()
    on = st.toggle(t("common.presenter"), key=PRESENT_KEY, help=t("common.presenter.help"))
    if on and st.query_params.get(PRESENT_KEY) != "1":
        st.query_params[PRESENT_KEY] = "1"
    elif not on and PRESENT_KEY in st.query_params:
        del st.query_params[PRESENT_KEY]
    if on:
        st.html(PRESENTER_CSS)
    return on


def sections(items: Sequence[tuple[str, Callable[[], None]]], key: str) -> None:
    """Show a page's sections: all in order, or in presenter mode one at a time with a chooser."""
    if not presenting():
        for title, render in items:
            st.header(title)
            render()
        return
    slide_key = f"slide_{key}"
    url_value(slide_key, 0, int, lambda i: 0 <= i < len(items))
    index = st.segmented_control(
        t("common.slide"),
        options=list(range(len(items))),
        key=slide_key,
        required=True,
        format_func=lambda i: f"{i + 1}. {items[i][0]}",
        label_visibility="collapsed",
    )
    mirror_to_url(slide_key)
    title, render = items[index]
    st.header(title)
    render()


def page_header(area: str) -> None:
    """The page's title and its one-paragraph introduction (``<area>.title``, ``<area>.intro``),
    then a download of the page as a Jupyter notebook."""
    st.title(t(f"{area}.title"))
    st.markdown(t(f"{area}.intro"))
    notebook_download(area)


def notebook_download(area: str) -> None:
    """A button that downloads page ``area`` as a notebook (:mod:`explainer.notebooks`), if any."""
    from explainer import notebooks  # nbformat: imported when a page first shows the button

    if area not in notebooks.PAGES:
        return
    lang = current_language()
    st.download_button(
        t("notebook.download"),
        data=lambda: notebooks.to_bytes(notebooks.build(area, lang)),  # built when clicked
        file_name=notebooks.filename(area, lang),
        mime="application/x-ipynb+json",
        key=f"notebook_{area}",
        help=t("notebook.download.help"),
        on_click="ignore",
        icon=":material/download:",
    )


def plot(figure: go.Figure, key: str | None = None) -> None:
    """Show a Plotly figure at the container's width, without Plotly's logo."""
    if presenting():
        figure.update_layout(font=dict(size=18), height=int((figure.layout.height or 450) * 1.25))
    st.plotly_chart(figure, width="stretch", key=key, config={"displaylogo": False})


_SOURCE_LOCK = threading.Lock()


@functools.lru_cache(maxsize=256)
def source_of(obj: Callable[..., Any] | type) -> str:
    """The real source of a function or class, as it is in the package.

    One thread at a time: for a class, ``inspect`` parses the whole module with ``ast``, and
    CPython 3.11 before 3.11.8 can fail ("AST constructor recursion depth mismatch") when two
    sessions do that at the same moment.
    """
    with _SOURCE_LOCK:
        return inspect.getsource(obj)


def show_code(obj: Callable[..., Any] | type, label: str | None = None) -> None:
    """An expander with the real source of ``obj``: the code that actually ran."""
    name = f"{obj.__module__}.{obj.__qualname__}"
    with st.expander(label or t("common.show_code", name=name)):
        st.code(source_of(obj), language="python")


def user_error(message: str, detail: str | None = None) -> None:
    """A clear message for bad input, never a traceback; ``detail`` below it as plain text."""
    st.error(message, icon=":material/error:")
    if detail is not None:
        st.text(detail)  # never markdown: it may quote the user's file


def labelled(key: str) -> dict[str, str]:
    """A widget's ``label`` and ``help``: the texts of ``key`` and ``key.help``."""
    return {"label": t(key), "help": t(f"{key}.help")}


def worded(prefix: str) -> Callable[[object], str]:
    """A ``format_func`` that shows each option as the text of ``prefix.option``."""
    return lambda option: t(f"{prefix}.{option}")


def restore_settings(
    settings: dict[str, tuple[Any, Callable[[str], Any], Callable[[Any], bool]]],
) -> None:
    """Seed each setting from the URL once (``key: (default, convert, valid)``), keep it while
    presenter mode hides its widget, and mirror them all to the URL."""
    for key, (default, convert, valid) in settings.items():
        url_value(key, default, convert, valid)
        st.session_state[key] = st.session_state[key]  # a widget not drawn would forget its value
    mirror_to_url(*settings)


def download(label: str, payload: Any, file_name: str, mime: str | None = None) -> None:
    """A download button with the download icon (``payload``: bytes, or a function making them)."""
    st.download_button(label, payload, file_name, mime, icon=":material/download:")


def status(level: str, message: str, fraction: float = 0.0) -> None:
    """A status line: a progress bar at ``fraction`` for ``"progress"``, else ``st.<level>``."""
    if level == "progress":
        st.progress(fraction, message)
    else:
        getattr(st, level)(message)


def metric_row(metrics: Sequence[Any]) -> None:
    """Headline numbers side by side: each has ``label``, ``value``, ``delta``, ``delta_color``."""
    for column, metric in zip(st.columns(len(metrics)), metrics):
        column.metric(metric.label, metric.value, metric.delta, metric.delta_color)


def link_to(area: str, label: str) -> None:
    """A link to the page of ``area`` (see :func:`explainer.navigation.page`), with its icon."""
    spec = navigation.page(area)
    st.page_link(navigation.page_path(spec), label=label, icon=spec.icon)


def guarded(message_key: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Decorate a page section so that an ``ExplainerError`` it raises shows ``message_key``'s
    text and the error's own words (as plain text, never markdown) instead of a traceback."""

    def decorate(render: Callable[[], None]) -> Callable[[], None]:
        @functools.wraps(render)
        def run() -> None:
            try:
                render()
            except ExplainerError as error:
                user_error(t(message_key))
                st.text(str(error))

        return run

    return decorate


def table(
    rows: Sequence[dict[str, Any]], header_prefix: str, formats: dict[str, str] | None = None
) -> None:
    """Rows of plain data as a table; the column ``key`` is headed by ``<header_prefix>.<key>``.

    ``formats`` gives a number format per column key (``"%.3e"``, ``"localized"``, ...).
    """
    frame = pd.DataFrame(list(rows)).rename(columns=lambda key: t(f"{header_prefix}.{key}"))
    config = {
        t(f"{header_prefix}.{key}"): st.column_config.NumberColumn(format=number_format)
        for key, number_format in (formats or {}).items()
    }
    st.dataframe(frame, hide_index=True, column_config=config)


# ---------------------------------------------------------------------------------------------
# The digit picker shared by "Features by hand" and "CNN vs hand"

DIGIT_SOURCES = picker.SOURCES
# Plain session state, not widget state: Streamlit drops a widget's state on a page that does not
# show the widget, so the choice and the widgets' values are kept here and the widgets restored.
TRAIN_JOB_KEY = "train_job"  # this session's training run (jobs.TrainingJob), read by other pages
CLASS_TEACHER_KEY = "class_teacher"  # {room code: teacher token}: the rooms this session teaches
CHOICE_KEY = "digit_choice"  # the current digit: a picker.DigitChoice, for the whole session
OWN_KEY = "own_digits"  # the student's last drawing and last upload: {source: DigitChoice}
DIGIT_KEY = "digit"  # the last test digit's number, also ?digit= in the URL
SOURCE_KEY = "features_source"  # the picker's tab (a widget)
CANVAS_KEY = "features_canvas"  # a new number gives a new, blank canvas
CANVAS_SIZE = 280  # pixels: room for a digit drawn with a finger
CARD_WIDTH = 440  # pixels: the current digit beside the canvas; below it on a phone


@st.cache_data(show_spinner=False)
def test_digits() -> tuple[torch.Tensor, torch.Tensor]:
    """The 1,000 bundled test digits and their labels (shared by every session)."""
    return data.load_mnist("test")


@st.cache_resource(show_spinner=False)
def shipped_models() -> tuple[classifiers.LinearOnFeatures, torch.nn.Module]:
    """The shipped linear classifier and CNN, loaded once for every session."""
    return classifiers.load_linear(), model.load_pretrained()


@st.cache_resource(show_spinner=False)
def room_store() -> rooms.RoomStore:
    """The class rooms' database (``$EXPLAINER_DB_URL`` or SQLite), opened once per process."""
    return rooms.RoomStore.open()


@st.cache_data(show_spinner=False)
def test_answers() -> answers.Answers:
    """Every shipped classifier's answer on every test digit ("Features by hand", "CNN vs hand")."""
    linear, cnn = shipped_models()
    return answers.answer_all(test_digits()[0], cnn, linear)


def test_choice(index: int, source: str = "index") -> picker.DigitChoice:
    """Test digit number ``index`` as a choice."""
    return picker.from_test_set(index, *test_digits(), source)


def current_digit() -> picker.DigitChoice | None:
    """The digit chosen in this session, or None before the picker first ran."""
    return st.session_state.get(CHOICE_KEY)


def _choose(choice: picker.DigitChoice) -> None:
    st.session_state[CHOICE_KEY] = choice
    if choice.own:
        st.session_state[OWN_KEY] = {**st.session_state.get(OWN_KEY, {}), choice.source: choice}


def _set_digit(index: int) -> None:
    st.session_state[DIGIT_KEY] = int(index) % len(test_digits()[1])


def _gallery(seed: int) -> list[int]:
    """One test digit of each class, drawn with ``seed``."""
    return data.one_per_class(test_digits()[1], seed)


def _on_gallery() -> None:
    digit = st.session_state.get("features_gallery_pick")
    if digit is not None:
        _set_digit(_gallery(st.session_state.get("features_gallery", 0))[digit])


def _new_canvas() -> None:
    st.session_state[CANVAS_KEY] = st.session_state.get(CANVAS_KEY, 0) + 1


def drawing_canvas(key: str):
    """A blank square canvas for one digit, white ink on black (a new ``key``: a blank one).

    Returns the canvas's result: ``.image_data`` is the drawing as RGBA ``[H, W, 4]`` (or None).
    """
    from streamlit_drawable_canvas import st_canvas

    st.space("small")  # room for the canvas's own toolbar, which appears above it on hover
    return st_canvas(
        stroke_width=22,
        stroke_color="#ffffff",
        background_color="#000000",
        height=CANVAS_SIZE,
        width=CANVAS_SIZE,
        return_image_data=True,
        key=key,
    )


def _draw(current: picker.DigitChoice) -> picker.DigitChoice:
    """A canvas that answers only on "Use this drawing": a half-drawn digit gets no answer.

    Beside it (below it on a phone), what happened and the current digit.
    """
    from streamlit_drawable_canvas import st_canvas

    st.caption(t("features.pick.draw_steps"))
    with st.container(horizontal=True, gap="medium"):
        with st.container(width=CANVAS_SIZE):
            st.space("small")  # room for the canvas's own toolbar, which appears above it on hover
            canvas = st_canvas(
                stroke_width=22,
                stroke_color="#ffffff",
                background_color="#000000",
                height=CANVAS_SIZE,
                width=CANVAS_SIZE,
                return_image_data=True,
                key=f"{CANVAS_KEY}_{st.session_state.get(CANVAS_KEY, 0)}",
            )
            with st.container(horizontal=True):
                use = st.button(t("features.pick.use_drawing"), type="primary", key="features_use")
                st.button(t("features.pick.new_drawing"), key="features_new", on_click=_new_canvas)
        with st.container(width=CARD_WIDTH):
            strokes = bool((canvas.json_data or {}).get("objects"))
            if use and not strokes:
                user_error(t("features.pick.draw_empty"))
            elif use:
                try:
                    current = picker.from_canvas(canvas.image_data)
                    _choose(current)
                except preprocess.ImageError as error:
                    user_error(t("features.pick.draw_bad"), str(error))
            elif picker.drawing_pending(canvas.image_data if strokes else None, strokes, current):
                st.info(t("features.pick.draw_pending"), icon=":material/touch_app:")
            elif not strokes:
                kept = current.source == "draw"
                st.caption(t(f"features.pick.draw_{'kept' if kept else 'waiting'}"))
            show_choice(current)
    return current


def _upload(current: picker.DigitChoice) -> picker.DigitChoice:
    """An uploaded image becomes the current digit; a bad one leaves the current digit as it was."""
    upload = st.file_uploader(
        t("features.pick.upload_label"), help=t("features.pick.upload_help"), key="features_upload"
    )
    if upload is not None:
        try:
            current = picker.from_upload(upload.getvalue(), upload.name)
            _choose(current)
        except preprocess.ImageError as error:
            user_error(t("features.pick.bad"), str(error))
    if current.source == "upload":
        st.text(f"{t('features.pick.file')} {current.name}")  # plain text, never markdown
    return current


def _test_digit_picker(source: str, current: picker.DigitChoice | None) -> picker.DigitChoice:
    """The gallery, random and by-number pickers: all choose a test digit's number."""
    images, labels = test_digits()
    if source == "gallery":
        picks = _gallery(st.session_state.get("features_gallery", 0))
        if "features_gallery_pick" not in st.session_state and current and current.index in picks:
            st.session_state["features_gallery_pick"] = picks.index(current.index)  # restored
        st.image(mosaic(images[picks], rows=1, cols=10).numpy(), width="stretch")
        st.pills(
            t("features.pick.gallery_help"),
            list(range(10)),
            key="features_gallery_pick",
            on_change=_on_gallery,
        )
        shuffle = {"features_gallery": st.session_state.get("features_gallery", 0) + 1}
        st.button(
            t("features.pick.shuffle"),
            key="features_shuffle",
            on_click=lambda: st.session_state.update(shuffle | {"features_gallery_pick": None}),
        )
    elif source == "random":
        st.button(
            t("features.pick.another"),
            key="features_random",
            on_click=lambda: _set_digit(np.random.default_rng().integers(len(labels))),
        )
    else:
        test_digit_number(t("features.pick.number"), "features_number")
    return test_choice(st.session_state[DIGIT_KEY], source)


def digit_from_url() -> None:
    """``DIGIT_KEY`` seeded once per session from ``?digit=`` (a test digit's number), else 0."""
    url_value(DIGIT_KEY, 0, int, lambda i: 0 <= i < len(test_digits()[1]))


def test_digit_number(label: str, key: str) -> int:
    """A number input (widget ``key``) that chooses the current test digit, ``DIGIT_KEY``."""
    st.session_state[key] = st.session_state[DIGIT_KEY]  # the widget shows the current digit
    return int(
        st.number_input(
            label,
            0,
            len(test_digits()[1]) - 1,
            step=1,
            key=key,
            on_change=lambda: _set_digit(st.session_state[key]),
        )
    )


def _sync_url(choice: picker.DigitChoice) -> None:
    """``?digit=`` names the current test digit; a drawing or upload has no number to claim."""
    value = picker.url_digit(choice)
    if value is None:
        if DIGIT_KEY in st.query_params:
            del st.query_params[DIGIT_KEY]
    elif st.query_params.get(DIGIT_KEY) != value:
        st.query_params[DIGIT_KEY] = value


def digit_picker() -> picker.DigitChoice:
    """Choose a digit five ways: a gallery, at random, by number, drawn, or uploaded.

    The choice is kept in ``st.session_state[CHOICE_KEY]`` for the whole session, so every page
    shows the same digit and coming back to a page finds it (and its tab) again. It changes only
    when the student chooses another; opening the "Draw" or "Upload" tab brings back the last
    drawing or upload. A test digit's number is also ``?digit=`` in the URL. Returns the choice.
    """
    digit_from_url()
    if SOURCE_KEY not in st.session_state:  # a first visit, or back from another page
        st.session_state[SOURCE_KEY] = picker.restored_source(current_digit())
    names = {source: t(f"features.pick.{source}") for source in DIGIT_SOURCES}
    source = st.segmented_control(
        t("features.pick.source"),
        DIGIT_SOURCES,
        required=True,
        key=SOURCE_KEY,
        format_func=names.get,
    )
    current = picker.current_for_tab(source, current_digit(), st.session_state.get(OWN_KEY, {}))
    if source in picker.OWN_SOURCES:
        current = current or test_choice(st.session_state[DIGIT_KEY])
        current = _draw(current) if source == "draw" else _upload(current)
    else:
        current = _test_digit_picker(source, current)
    if source != "draw":  # the draw tab shows it beside the canvas
        show_choice(current)
    _choose(current)
    _sync_url(current)
    return current


def drawing_thumbnail(choice: picker.DigitChoice) -> None:
    """The student's drawing as drawn (nothing for another digit), captioned "Your drawing"."""
    if choice.thumbnail:
        st.image(choice.thumbnail, caption=t("features.pick.your_drawing"), width=picker.THUMBNAIL)


def show_choice(choice: picker.DigitChoice) -> None:
    """The current digit: a drawing as drawn beside its 28x28 version, and what it is."""
    with st.container(horizontal=True):
        drawing_thumbnail(choice)
        caption = t("features.pick.mnist_version") if choice.own else None
        st.image(picker.enlarged(choice.image), caption=caption, width=picker.THUMBNAIL)
    if not choice.own:
        st.markdown(t("features.pick.chosen", index=choice.index, label=choice.label))
    else:
        st.markdown(t(f"features.pick.chosen_{choice.source}"))
