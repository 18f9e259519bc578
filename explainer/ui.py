"""The one small helper module the pages share: language, code display, figures, messages.

It is the only module in the package (besides ``app.py``) that imports Streamlit.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from explainer import i18n

LANG_KEY = "lang"


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


def page_header(area: str) -> None:
    """The page's title and its one-paragraph introduction (``<area>.title``, ``<area>.intro``)."""
    st.title(t(f"{area}.title"))
    st.markdown(t(f"{area}.intro"))


def plot(figure: go.Figure, key: str | None = None) -> None:
    """Show a Plotly figure at the container's width, without Plotly's logo."""
    st.plotly_chart(figure, width="stretch", key=key, config={"displaylogo": False})


def source_of(obj: Callable[..., Any] | type) -> str:
    """The real source of a function or class, as it is in the package."""
    return inspect.getsource(obj)


def show_code(obj: Callable[..., Any] | type, label: str | None = None) -> None:
    """An expander with the real source of ``obj``: the code that actually ran."""
    name = f"{obj.__module__}.{obj.__qualname__}"
    with st.expander(label or t("common.show_code", name=name)):
        st.code(source_of(obj), language="python")


def user_error(message: str) -> None:
    """A clear message for bad input: never a traceback."""
    st.error(message, icon=":material/error:")
