"""Class digits: the class draws, and the hand-made features and the CNN meet its handwriting."""

import time

import numpy as np
import streamlit as st

from explainer import class_digits, classifiers, finetune, jobs, model, picker, qr, rooms, ui
from explainer import submissions as send
from explainer.errors import ExplainerError
from explainer.figures import classroom as figs
from explainer.figures import features as figs_features

LEARNERS = class_digits.LEARNERS
TEACHER = "class_teacher"  # {code: teacher token}, for this session only
LIVE_S = 3  # seconds between refreshes of the live view


@st.cache_resource(show_spinner=False)
def store() -> rooms.RoomStore:
    return rooms.RoomStore.open()


@st.cache_resource(show_spinner=False)
def models() -> tuple[model.DigitCNN, classifiers.LinearOnFeatures]:
    return model.load_pretrained(), classifiers.load_linear()


@st.cache_data(show_spinner=False)
def reference() -> dict[str, float]:
    return class_digits.reference_accuracy()


@st.cache_data(show_spinner=False, max_entries=64)
def room_digits(code: str, revision: int) -> class_digits.ClassDigits:
    return store().digits(code)  # one load per revision: each new digit makes a new revision


def names() -> dict[str, str]:
    return {key: ui.t(f"cnn_vs_hand.name.{key}") for key in LEARNERS}


def say(reason: str, code: str) -> None:
    ui.user_error(ui.t(f"class.error.{reason}", code=rooms.pretty_code(code)))


def entry() -> None:
    with st.form("class_join", border=False):
        typed = st.text_input(ui.t("class.join.code"), placeholder="ABCD-EFGH", max_chars=20)
        joined = st.form_submit_button(ui.t("class.join.button"))
    if joined and rooms.normalize_code(typed):
        st.query_params["room"] = rooms.normalize_code(typed)
        st.rerun()
    elif joined:
        ui.user_error(ui.t("class.join.bad_code"))
    if not ui.presenting():
        st.caption(ui.t("class.join.teacher_hint"))
    elif st.button(ui.t("class.open.button"), type="primary", key="class_open"):
        new = store().create_room()
        st.session_state.setdefault(TEACHER, {})[new.room.code] = new.teacher_token
        st.query_params["room"] = new.room.code
        st.rerun()


def teacher_token(code: str) -> str | None:
    """This session's teacher token for the room; a link's token is taken out of the URL."""
    tokens = st.session_state.setdefault(TEACHER, {})
    if given := st.query_params.get("teacher"):
        del st.query_params["teacher"]  # never left in the address bar of a projected screen
        if store().is_teacher(code, given):
            tokens[code] = given
        else:
            say("teacher_link", code)
    return tokens.get(code)


def new_canvas() -> None:
    st.session_state["class_canvas"] = st.session_state.get("class_canvas", 0) + 1


def student_view(room: rooms.Room) -> None:
    code, prompt_key = room.code, f"class_prompt_{room.code}"
    if room.state() != "open":
        return say(room.state(), code)
    if prompt_key not in st.session_state:
        st.session_state[prompt_key] = send.next_prompt(store().label_counts(code))
    digit = st.session_state[prompt_key]
    st.subheader(ui.t(f"class.student.prompt{'_an' if digit == 8 else ''}", digit=digit))
    st.caption(ui.t("class.student.steps", code=rooms.pretty_code(code)))
    with st.container(horizontal=True, gap="medium"):
        with st.container(width=ui.CANVAS_SIZE):
            canvas = ui.drawing_canvas(f"class_canvas_{st.session_state.get('class_canvas', 0)}")
            with st.container(horizontal=True):
                sent = st.button(ui.t("class.student.send"), type="primary", key="class_send")
                st.button(ui.t("class.student.clear"), key="class_clear", on_click=new_canvas)
        with st.container(width=ui.CARD_WIDTH):
            if sent:
                submit(code, digit, canvas.image_data)
            show_last(st.session_state.get(f"class_last_{code}"))


def submit(code: str, digit: int, rgba: np.ndarray | None) -> None:
    """Send one drawing; on success a blank canvas and the next prompt, else a kind message."""
    limiter = st.session_state.setdefault(f"class_limit_{code}", send.SubmitLimiter())
    try:
        sent = send.submit(store(), code, digit, rgba, limiter, time.monotonic(), *models())
    except send.Refused as error:
        return ui.user_error(ui.t(f"class.student.{error.reason}", n=limiter.sent))
    except rooms.RoomError as error:
        return say(error.reason, code)
    except ExplainerError as error:  # a drawing that cannot become a digit
        ui.user_error(ui.t("class.student.bad"))
        return st.text(str(error))
    st.session_state[f"class_last_{code}"] = sent
    st.session_state[f"class_prompt_{code}"] = send.next_prompt(store().label_counts(code))
    new_canvas()
    st.rerun()


def show_last(sent: send.Sent | None) -> None:
    if sent is None:
        return
    st.image(picker.enlarged(sent.image), width=picker.THUMBNAIL)
    st.markdown(ui.t("class.student.result", label=sent.label))
    for key, answer in sent.answers.items():
        right = answer == sent.label
        mark = ":green[:material/check_circle:]" if right else ":red[:material/cancel:]"
        shown = ui.t("class.student.abstain") if answer == classifiers.ABSTAIN else answer
        st.markdown(ui.t("class.student.answer", name=names()[key], answer=shown, mark=mark))
    st.caption(ui.t("class.student.sent", n=sent.count))


def join_section(room: rooms.Room, token: str) -> None:
    url = rooms.join_url(st.context.url, room.code)
    with st.container(horizontal=True, gap="large", vertical_alignment="center"):
        st.image(qr.png(url), width=420 if ui.presenting() else 300)
        with st.container(width=420):
            st.markdown(ui.t("class.join.code_label"))
            st.header(rooms.pretty_code(room.code), anchor=False)
            st.markdown(ui.t("class.join.scan", url=url))
            st.caption(ui.t("class.join.expires", time=f"{room.expires_at:%Y-%m-%d %H:%M}"))
    with st.expander(ui.t("class.teacher.link"), icon=":material/key:"):
        st.caption(ui.t("class.teacher.link_help"))
        st.code(f"{url}&teacher={token}", language=None, wrap_lines=True)


@st.fragment(run_every=LIVE_S)
def live_section(code: str) -> None:
    room = store().room(code)
    digits = room_digits(code, room.revision)
    if room.state() != "open":
        st.info(ui.t(f"class.state.{room.state()}"))
    st.markdown(ui.t("class.live.count", n=len(digits)))
    if not len(digits):
        return st.info(ui.t("class.live.empty"))
    mine, test = digits.accuracy(), reference()
    st.markdown(f"**{ui.t('class.live.accuracy')}**")
    sets = {ui.t("class.set.class"): mine, ui.t("class.set.test"): test}
    ui.plot(figs.grouped_bars(sets, names(), ui.t("cnn_vs_hand.all.right")), key="class_scores")
    st.caption(ui.t("class.live.gallery"))
    newest = figs.newest_gallery(digits.images, digits.labels, digits.cnn)
    ui.plot(newest, key="class_gallery")
    st.markdown(f"**{ui.t('class.live.confusion')}**")
    axes = ui.t("cnn_vs_hand.all.predicted"), ui.t("cnn_vs_hand.all.true")
    for column, key in zip(st.columns(3), LEARNERS):
        column.markdown(names()[key])
        with column:
            ui.plot(figs_features.confusion_figure(digits.confusion(key), *axes), key=f"cm_{key}")
    st.markdown(f"**{ui.t('class.live.disagree')}**")
    st.caption(ui.t("class.live.disagree_caption"))
    split = figs.disagreement_gallery(digits.images, digits.labels, digits.linear, digits.cnn)
    ui.plot(split, key="class_split") if split else st.caption(ui.t("class.live.none"))


def learn_section(code: str) -> None:
    st.markdown(ui.t("class.learn.caption"))
    digits = room_digits(code, store().room(code).revision)
    if len(digits) < (least := finetune.FinetuneConfig().min_digits):
        return st.info(ui.t("class.learn.few", n=least, have=len(digits)))
    if st.button(ui.t("class.learn.button"), key="class_learn"):
        with jobs.training_slot(lambda: st.info(ui.t("class.learn.waiting"))):
            with st.spinner(ui.t("class.learn.running")):
                done = finetune.finetune(digits, base=models()[0])
        st.session_state[f"class_learned_{code}"] = done
    if done := st.session_state.get(f"class_learned_{code}"):
        sizes = {"train": len(done.train_index), "held": len(done.held_index)}
        bars = {ui.t(f"class.learn.{when}"): v for when, v in done.scores().items()}
        sets = {"held": ui.t("class.learn.held", n=sizes["held"]), "test": ui.t("class.learn.test")}
        right = ui.t("cnn_vs_hand.all.right")
        ui.plot(figs.grouped_bars(bars, sets, right), key="class_learned")
        st.markdown(ui.t("class.learn.result", **(vars(done) | sizes)))
    ui.show_code(finetune.finetune)


def room_section(room: rooms.Room, token: str) -> None:
    digits = room_digits(room.code, store().room(room.code).revision)
    if len(digits):
        st.caption(ui.t("class.export.caption"))
        with st.container(horizontal=True):
            name = f"class-{room.code}"
            npz, csv = lambda: class_digits.to_npz(digits), lambda: class_digits.to_csv(digits)
            st.download_button(ui.t("class.export.npz"), npz, f"{name}.npz", key="class_npz")
            st.download_button(ui.t("class.export.csv"), csv, f"{name}.csv", key="class_csv")

        def describe(i: int) -> str:
            values = {"number": i + 1, "label": digits.labels[i], "cnn": digits.cnn[i]}
            return ui.t("class.delete.option", **values)

        newest_first = range(len(digits) - 1, -1, -1)
        pick = st.selectbox(
            ui.t("class.delete.label"),
            newest_first,
            None,
            describe,
            key="class_delete_pick",
            placeholder=ui.t("class.delete.placeholder"),
        )
        if pick is not None:
            st.image(picker.enlarged(digits.images[pick]), width=picker.THUMBNAIL)
            if st.button(ui.t("class.delete.button"), key="class_delete"):
                moderate(
                    lambda: store().delete_digit(room.code, token, digits.ids[pick]), room.code
                )
    if room.state() == "open":
        with st.popover(ui.t("class.close.button"), icon=":material/lock:"):
            if st.button(ui.t("class.close.confirm"), type="primary", key="class_close"):
                moderate(lambda: store().close_room(room.code, token), room.code)


def moderate(action, code: str) -> None:
    try:
        action()
    except rooms.RoomError as error:
        return say(error.reason, code)
    st.session_state.pop("class_delete_pick", None)
    st.rerun()


def main() -> None:
    ui.page_header("class")
    typed = st.query_params.get("room", "")
    if typed and not rooms.normalize_code(typed):
        ui.user_error(ui.t("class.join.bad_code"))
    if not (code := rooms.normalize_code(typed)):
        return entry()
    try:
        room, token = store().room(code), teacher_token(code)
    except rooms.RoomError as error:
        say(error.reason, code)
        return entry()
    except ExplainerError as error:  # the database cannot be reached
        ui.user_error(ui.t("class.error.db"))
        return st.text(str(error))
    if not token:
        return student_view(room)
    ui.sections(
        [
            (ui.t("class.section.join"), lambda: join_section(room, token)),
            (ui.t("class.section.live"), lambda: live_section(room.code)),
            (ui.t("class.section.learn"), lambda: learn_section(room.code)),
            (ui.t("class.section.room"), lambda: room_section(room, token)),
        ],
        key="class",
    )


main()
