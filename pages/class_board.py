"""Class digits, the teacher's page: the QR code to project, the class's digits live, learning
from them, moderation and export. Opened with the teacher's link (``?room=CODE&teacher=TOKEN``)."""

import streamlit as st

from explainer import class_digits, finetune, picker, qr, rooms, slots, ui
from explainer.errors import ExplainerError
from explainer.figures import class_digits as figs
from explainer.figures.features import confusion_figure
from explainer.views import class_digits as words

store = ui.room_store


@st.cache_data(show_spinner=False, max_entries=64)
def room_digits(code: str, revision: int) -> class_digits.ClassDigits:
    return store().digits(code)  # one load per revision: every change makes a new revision


def teacher_token(code: str) -> str | None:
    """This session's teacher token for the room; a link's token is taken out of the URL."""
    tokens = st.session_state.setdefault(ui.CLASS_TEACHER_KEY, {})
    if given := st.query_params.get("teacher"):
        del st.query_params["teacher"]  # never left in the address bar of a projected screen
        if store().is_teacher(code, given):
            tokens[code] = given
        else:
            ui.user_error(words.error("teacher_link", code, ui.t))
    return tokens.get(code)


def join_section(room: rooms.Room, token: str) -> None:
    url = rooms.app_url(st.context.url, room.join_path)
    with st.container(horizontal=True, gap="large", vertical_alignment="center"):
        st.image(qr.png(url), width=420 if ui.presenting() else 300)
        with st.container(width=420):
            st.markdown(ui.t("class_digits.join.code_label"))
            st.header(rooms.pretty_code(room.code), anchor=False)
            st.markdown(ui.t("class_digits.join.scan", url=url))
            st.caption(words.expiry(room, ui.t))
    with st.expander(ui.t("class_digits.teacher.link"), icon=":material/key:"):
        st.caption(ui.t("class_digits.teacher.link_help"))
        link = rooms.app_url(st.context.url, rooms.teacher_path(room.code, token))
        st.code(link, language=None, wrap_lines=True)


@st.fragment(run_every=3)  # the live view: every 3 seconds, without rerunning the page
def live_section(code: str) -> None:
    room = store().room(code)
    digits = room_digits(code, room.revision)
    if room.state() != "open":
        st.info(ui.t(f"class_digits.state.{room.state()}"))
    st.markdown(ui.t("class_digits.live.count", n=len(digits)))
    if not len(digits):
        return st.info(ui.t("class_digits.live.empty"))
    st.markdown(f"**{ui.t('class_digits.live.accuracy')}**")
    test = ui.test_answers().accuracy(ui.test_digits()[1])
    ui.plot(figs.grouped_bars(*words.score_bars(digits, test, ui.t)), key="class_board_scores")
    st.caption(ui.t("class_digits.live.gallery"))
    ui.plot(figs.newest_gallery(digits.images, digits.labels, digits.cnn), key="class_board_new")
    st.markdown(f"**{ui.t('class_digits.live.confusion')}**")
    axes = ui.t("cnn_vs_hand.all.predicted"), ui.t("cnn_vs_hand.all.true")
    for column, (key, name) in zip(st.columns(3), words.names(ui.t).items()):
        column.markdown(name)
        with column:
            ui.plot(confusion_figure(digits.confusion(key), *axes), key=f"class_board_cm_{key}")
    st.markdown(f"**{ui.t('class_digits.live.disagree')}**")
    st.caption(ui.t("class_digits.live.disagree_caption"))
    split = figs.disagreement_gallery(digits.images, digits.labels, digits.linear, digits.cnn)
    if split is None:
        return st.caption(ui.t("class_digits.live.none"))
    ui.plot(split, key="class_board_split")


def learn_section(code: str) -> None:
    st.markdown(ui.t("class_digits.learn.caption"))
    digits = room_digits(code, store().room(code).revision)
    if len(digits) < (least := finetune.FinetuneConfig().min_digits):
        return st.info(ui.t("class_digits.learn.few", n=least, have=len(digits)))
    if st.button(ui.t("class_digits.learn.button"), key="class_board_learn"):
        with slots.training_slot(lambda: st.info(ui.t("class_digits.learn.waiting"))):
            with st.spinner(ui.t("class_digits.learn.running")):
                done = finetune.finetune(digits, base=ui.shipped_models()[1])
        st.session_state[f"class_board_learned_{code}"] = done
    if done := st.session_state.get(f"class_board_learned_{code}"):
        ui.plot(figs.grouped_bars(*words.finetune_bars(done, ui.t)), key="class_board_tuned")
        st.markdown(words.finetune_text(done, ui.t))
    ui.show_code(finetune.finetune)


def room_section(room: rooms.Room, token: str) -> None:
    digits = room_digits(room.code, store().room(room.code).revision)
    if len(digits):
        st.caption(ui.t("class_digits.export.caption"))
        for kind, make in {"npz": class_digits.to_npz, "csv": class_digits.to_csv}.items():
            label, name = ui.t(f"class_digits.export.{kind}"), f"class-{room.code}.{kind}"
            ui.download(label, lambda make=make: make(digits), name)
        pick = st.selectbox(
            ui.t("class_digits.delete.label"),
            words.newest_first(digits),
            None,
            lambda i: words.digit_option(digits, i, ui.t),
            key="class_board_pick",
            placeholder=ui.t("class_digits.delete.placeholder"),
        )
        if pick is not None:
            st.image(picker.enlarged(digits.images[pick]), width=picker.THUMBNAIL)
            if st.button(ui.t("class_digits.delete.button"), key="class_board_delete"):
                moderate(room.code, "delete_digit", token, int(digits.ids[pick]))
    if room.state() == "open":
        with st.popover(ui.t("class_digits.close.button"), icon=":material/lock:"):
            confirm = ui.t("class_digits.close.confirm")
            if st.button(confirm, type="primary", key="class_board_close"):
                moderate(room.code, "close_room", token)


def moderate(code: str, action: str, *args: object) -> None:
    """A teacher's action on the store (``delete_digit``, ``close_room``), then a fresh page."""
    try:
        getattr(store(), action)(code, *args)
    except rooms.RoomError as error:
        return ui.user_error(words.error(error.reason, code, ui.t))
    st.session_state.pop("class_board_pick", None)
    st.rerun()


def main() -> None:
    ui.page_header("class_board")
    code = rooms.normalize_code(st.query_params.get("room", ""))
    try:
        room, token = (store().room(code), teacher_token(code)) if code else (None, None)
    except rooms.RoomError as error:
        room, token = None, ui.user_error(words.error(error.reason, code, ui.t))
    except ExplainerError as error:  # the database cannot be reached
        return ui.user_error(ui.t("class_digits.error.db"), str(error))
    if room is None or token is None:
        st.info(ui.t("class_board.no_token"))
        return ui.link_to("class_digits", ui.t("class_board.to_students"))
    sections = [
        ("join", lambda: join_section(room, token)),
        ("live", lambda: live_section(code)),
        ("learn", lambda: learn_section(code)),
        ("room", lambda: room_section(room, token)),
    ]
    ui.sections([(ui.t(f"class_digits.section.{k}"), f) for k, f in sections], key="class_board")


main()
