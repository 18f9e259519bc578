"""The "Class digits" pages with AppTest: joining, the student's prompt, the teacher's view."""

from __future__ import annotations

import re
from datetime import timedelta

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from explainer import data, navigation, rooms, submissions

APP = str(navigation.PAGES_DIR.parent / "explainer" / "app.py")
STUDENTS = str(navigation.PAGES_DIR / "class_digits.py")
BOARD = str(navigation.PAGES_DIR / "class_board.py")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The rooms database the page uses: a SQLite file in a data folder of its own."""
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("EXPLAINER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("EXPLAINER_DB_URL", raising=False)
    st.cache_resource.clear()  # the page keeps one store per process
    store = rooms.RoomStore.open()
    yield store
    store.close()
    st.cache_resource.clear()
    monkeypatch.undo()


def open_page(params: dict[str, str], lang: str = "en", page: str = STUDENTS) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=180)
    app.query_params.update({"lang": lang, **params})
    app.run()
    app.switch_page(page)
    app.query_params.update(params)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def texts(app: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "subheader", "header", "error", "info")
        for e in getattr(app, kind)
    ]
    return "\n".join(str(p) for p in parts)


def fill(store: rooms.RoomStore, code: str, labels: list[int]) -> None:
    images, all_labels = data.load_mnist("test")
    for label in labels:
        image = images[int(np.flatnonzero(all_labels.numpy() == label)[len(labels) % 7])]
        store.add_digit(code, image, label, **submissions.answer(image))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_student_is_asked_for_the_digit_the_room_lacks(store, lang) -> None:
    code = store.create_room().room.code
    fill(store, code, [d for d in range(10) if d != 5])
    app = open_page({"room": code}, lang)
    assert app.subheader[0].value == ("Draw a 5" if lang == "en" else "숫자 5를 그려 보세요")
    send = app.button[0]
    assert send.label == ("Send my digit" if lang == "en" else "내 숫자 보내기")
    assert bool(HANGUL.search(texts(app))) == (lang == "ko")
    send.click().run()  # nothing drawn
    assert not app.exception
    assert "canvas is empty" in texts(app) or "캔버스가 비어" in texts(app)
    assert len(store.digits(code)) == 9


def test_joining_by_code_and_the_messages_for_bad_codes(store) -> None:
    code = store.create_room().room.code
    app = open_page({})
    app.text_input[0].input("abcd efg")
    app.button[0].click().run()  # the form's Join button
    assert "not a room code" in texts(app)
    assert "presenter mode" in texts(app)  # the hint for teachers
    app.text_input[0].input(rooms.pretty_code(code).lower())
    app.button[0].click().run()
    assert app.query_params["room"] in (code, [code])
    assert app.subheader[0].value.startswith("Draw a")
    assert "No room has the code ZZZZ-ZZZZ" in texts(open_page({"room": "ZZZZZZZZ"}))
    assert "not a room code" in texts(open_page({"room": "<script>"}))


def test_closed_and_expired_rooms_say_so(store) -> None:
    new = store.create_room()
    store.close_room(new.room.code, new.teacher_token)
    assert "is closed" in texts(open_page({"room": new.room.code}))
    old = store.create_room(
        rooms.RoomSettings(lifetime=timedelta(minutes=1)),
        now=rooms.utc_now() - timedelta(minutes=5),
    )
    assert "has expired" in texts(open_page({"room": old.room.code}))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_teacher_link_opens_the_live_view_and_leaves_the_url(store, lang) -> None:
    new = store.create_room()
    code = new.room.code
    fill(store, code, list(range(10)) * 3)
    app = open_page({"room": code, "teacher": new.teacher_token}, lang, BOARD)
    assert "teacher" not in app.query_params  # out of the address bar of a projected screen
    assert len(app.get("plotly_chart")) >= 5  # scores, gallery, three confusion matrices
    shown = texts(app)
    assert rooms.pretty_code(code) in shown and ("30" in shown)
    assert any(new.teacher_token in c.value for c in app.code)  # in the "do not project" expander
    assert bool(HANGUL.search(shown)) == (lang == "ko")


def test_the_teacher_s_view_needs_the_teacher_link(store) -> None:
    code = store.create_room().room.code
    app = open_page({"room": code, "teacher": "not-the-token"}, page=BOARD)
    assert "does not belong to room" in texts(app) and "opens with a teacher link" in texts(app)
    assert not app.get("plotly_chart") and not app.code
    for params in ({}, {"room": code}, {"room": "ZZZZZZZZ", "teacher": "x"}):
        assert "opens with a teacher link" in texts(open_page(params, page=BOARD))


def test_the_teacher_deletes_a_digit_fine_tunes_and_closes(store) -> None:
    new = store.create_room()
    code = new.room.code
    fill(store, code, list(range(10)) * 2 + [4])
    app = open_page({"room": code, "teacher": new.teacher_token}, page=BOARD)
    app.selectbox(key="class_board_pick").select(20).run()  # the newest: #21, a 4
    app.button(key="class_board_delete").click().run()
    assert not app.exception and len(store.digits(code)) == 20
    app.button(key="class_board_learn").click().run()
    assert not app.exception
    assert any("digits it never saw" in m.value for m in app.markdown)
    app.button(key="class_board_close").click().run()
    assert not app.exception and store.room(code).state() == "closed"
    assert "This room is closed" in texts(app)


def test_presenter_mode_opens_a_room(store) -> None:
    app = open_page({"present": "1"})
    app.button(key="class_digits_open").click().run()
    assert not app.exception
    code = app.query_params["room"]
    code = code[0] if isinstance(code, list) else code
    assert store.room(code).state() == "open"
    assert "Join the room" in [h.value for h in app.header]  # presenter mode: one section
    assert app.get("imgs") or app.image  # the QR code
