"""The app's entry point: ``streamlit run explainer/app.py`` from the repo root.

It sets up the page, the language switch and the navigation; each page is one file in ``pages/``
(listed in :mod:`explainer.navigation`).
"""

from __future__ import annotations

import streamlit as st

from explainer import navigation, perf, ui


def main() -> None:
    perf.tune_allocator()
    perf.tune_server_threads()
    st.set_page_config(
        page_title="explainer · Deep Learning with PyTorch, ch. 1",
        page_icon=":material/neurology:",
        layout="wide",
    )
    with st.sidebar:
        ui.language_switch()
        ui.presenter_switch()
    pages = [
        st.Page(
            navigation.page_path(spec),
            title=ui.t(spec.title_key),
            icon=spec.icon,
            url_path=spec.url_path or None,
            default=not spec.url_path,
        )
        for spec in navigation.available_pages()
    ]
    st.navigation(pages).run()


if __name__ == "__main__":  # `streamlit run explainer/app.py` runs this file as __main__
    main()
