"""Class digits, the students' page: draw the digit asked for, send it, see the three answers.

The teacher's page (``pages/class_board.py``) shows the room's digits live.
"""

import time

import streamlit as st

from explainer import navigation, picker, rooms, ui
from explainer import submissions as send
from explainer.errors import ExplainerError
from explainer.views import class_digits as words

CANVAS = "class_digits_canvas"  # a new number gives a new, blank canvas
store = ui.room_store


def say(reason: str, code: str) -> None:
    ui.user_error(words.error(reason, code, ui.t))


def entry() -> None:
    with st.form("class_digits_join", border=False):
        typed = st.text_input(ui.t("class_digits.join.code"), placeholder="ABCD-EFGH", max_chars=20)
        joined = st.form_submit_button(ui.t("class_digits.join.button"))
    if joined and rooms.normalize_code(typed):
        st.query_params["room"] = rooms.normalize_code(typed)
        st.rerun()
    elif joined:
        ui.user_error(ui.t("class_digits.join.bad_code"))
    if not ui.presenting():
        st.caption(ui.t("class_digits.join.teacher_hint"))
    elif st.button(ui.t("class_digits.open.button"), type="primary", key="class_digits_open"):
        new = store().create_room()
        st.session_state.setdefault(ui.CLASS_TEACHER_KEY, {})[new.room.code] = new.teacher_token
        board = navigation.page_path(navigation.page("class_board"))
        st.switch_page(board, query_params={"room": new.room.code, "present": "1"})


def new_canvas() -> None:
    st.session_state[CANVAS] = st.session_state.get(CANVAS, 0) + 1


def student_view(room: rooms.Room) -> None:
    if room.state() != "open":
        return say(room.state(), room.code)
    prompt_key, last_key = f"class_digits_prompt_{room.code}", f"class_digits_last_{room.code}"
    if prompt_key not in st.session_state:
        st.session_state[prompt_key] = send.next_prompt(store().label_counts(room.code))
    st.subheader(words.prompt(st.session_state[prompt_key], ui.t))
    st.caption(ui.t("class_digits.student.steps", code=rooms.pretty_code(room.code)))
    with st.container(horizontal=True, gap="medium"):
        with st.container(width=ui.CANVAS_SIZE):
            canvas = ui.drawing_canvas(f"{CANVAS}_{st.session_state.get(CANVAS, 0)}")
            with st.container(horizontal=True):
                sent = st.button(ui.t("class_digits.student.send"), type="primary")
                st.button(ui.t("class_digits.student.clear"), on_click=new_canvas)
        with st.container(width=ui.CARD_WIDTH):
            if sent:
                submit(room.code, prompt_key, last_key, canvas.image_data)
            if last := st.session_state.get(last_key):
                st.image(picker.enlarged(last.image), width=picker.THUMBNAIL)
                st.markdown(ui.t("class_digits.student.result", label=last.label))
                st.markdown("\n".join(f"- {line}" for line in words.answer_lines(last, ui.t)))
                st.caption(ui.t("class_digits.student.sent", n=last.count))


def submit(code: str, prompt_key: str, last_key: str, rgba) -> None:
    """Send one drawing; then a blank canvas and the next prompt, or a kind message."""
    limiter = st.session_state.setdefault(f"class_digits_limit_{code}", send.SubmitLimiter())
    linear, cnn = ui.shipped_models()
    label, now = st.session_state[prompt_key], time.monotonic()
    try:
        sent = send.submit(store(), code, label, rgba, limiter, now, cnn, linear)
    except send.Refused as error:
        return ui.user_error(ui.t(f"class_digits.student.{error.reason}", n=limiter.sent))
    except rooms.RoomError as error:
        return say(error.reason, code)
    except ExplainerError as error:  # a drawing that cannot become a digit
        return ui.user_error(ui.t("class_digits.student.bad"), str(error))
    st.session_state[last_key] = sent
    st.session_state[prompt_key] = send.next_prompt(store().label_counts(code))
    new_canvas()
    st.rerun()


def main() -> None:
    ui.page_header("class_digits")
    typed = st.query_params.get("room", "")
    if typed and not rooms.normalize_code(typed):
        ui.user_error(ui.t("class_digits.join.bad_code"))
    if not (code := rooms.normalize_code(typed)):
        return entry()
    try:
        room = store().room(code)
    except rooms.RoomError as error:
        say(error.reason, code)
        return entry()
    except ExplainerError as error:  # the database cannot be reached
        return ui.user_error(ui.t("class_digits.error.db"), str(error))
    student_view(room)


main()
