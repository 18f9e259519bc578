"""Watch it learn: train the CNN live in a background job, see loss, accuracy and the batch."""

import streamlit as st

from explainer import export, jobs, train, ui
from explainer.figures import train as figures
from explainer.views import train as view

JOB_KEY, SHOWN_KEY, ERROR_KEY = ui.TRAIN_JOB_KEY, "train_shown_done", "train_error"
BATCHES = [16, 32, 64, 128, 256]
RATES = sorted(  # from too small to surely diverging, with every optimizer's own default
    {1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 100.0, 1000.0}
    | set(train.DEFAULT_LR.values())
)
# Each setting: its session/URL key, default, type from the URL, and which values are valid.
SETTINGS = {
    "train_epochs": (3, int, lambda v: 1 <= v <= 10),
    "train_batch": (64, int, BATCHES.__contains__),
    "train_opt": ("adam", str, train.OPTIMIZERS.__contains__),
    "train_lr": (train.DEFAULT_LR["adam"], float, RATES.__contains__),
    "train_size": (4000, int, lambda v: 100 <= v <= 4000 and v % 100 == 0),
    "train_seed": (0, int, lambda v: 0 <= v <= 99_999),
    "train_start": ("random", str, view.FIRST_LAYER_CHOICES.__contains__),
}
POLL_S = 0.75  # how often the live charts redraw while a run trains
BATCH_POLL_S = 2.0  # the batch preview changes every step: a slower redraw is enough


def text(name: str) -> dict[str, str]:
    return {"label": ui.t(f"train.{name}"), "help": ui.t(f"train.{name}.help")}


def start_training() -> None:
    s = st.session_state
    if (old := s.get(JOB_KEY)) is not None:
        old.stop()  # one run per session: a new Train replaces the old run
    try:
        config = view.train_config(
            s.train_epochs, s.train_batch, s.train_lr, s.train_opt, s.train_size,
            int(s.train_seed), s.train_start,
        )  # fmt: skip
        s[JOB_KEY] = jobs.TrainingJob(config).start()
        s.pop(ERROR_KEY, None)
    except ValueError as error:
        s[ERROR_KEY] = str(error)


def restore_settings() -> None:
    """Seed the settings from the URL once; keep them while presenter mode hides their widgets."""
    for key, (default, convert, valid) in SETTINGS.items():
        ui.url_value(key, default, convert, valid)
        st.session_state[key] = st.session_state[key]  # a widget not drawn would forget its value
    ui.mirror_to_url(*SETTINGS)


def settings_section() -> None:
    st.markdown(ui.t("train.settings.caption"))
    left, middle, right = st.columns(3, gap="large")
    left.slider(**text("epochs"), min_value=1, max_value=10, key="train_epochs")
    left.select_slider(**text("batch_size"), options=BATCHES, key="train_batch")
    opt_name, default_lr = (lambda o: ui.t(f"train.optimizer.{o}")), train.DEFAULT_LR
    middle.radio(**text("optimizer"), options=train.OPTIMIZERS, key="train_opt", horizontal=True,
                 format_func=opt_name, on_change=lambda: st.session_state.update(
                     train_lr=default_lr[st.session_state.train_opt]))  # fmt: skip
    middle.select_slider(**text("lr"), options=RATES, key="train_lr", format_func="{:g}".format)
    right.slider(**text("train_size"), min_value=100, max_value=4000, step=100, key="train_size")
    right.number_input(**text("seed"), min_value=0, max_value=99_999, key="train_seed")
    st.radio(**text("start"), options=view.FIRST_LAYER_CHOICES, key="train_start", horizontal=True,
             format_func=lambda c: ui.t(f"train.start.{c}"))  # fmt: skip
    ui.show_code(train.fit)


def current() -> jobs.JobSnapshot | None:
    job = st.session_state.get(JOB_KEY)
    return job.snapshot() if job is not None else None


def rerun_when_done(snap: jobs.JobSnapshot | None) -> None:
    """A run that just ended redraws the whole page once (status, export); polling then stops."""
    if snap is not None and snap.done and st.session_state.get(SHOWN_KEY) != snap.job_id:
        st.session_state[SHOWN_KEY] = snap.job_id
        st.rerun(scope="app")


def polling(every: float = POLL_S) -> float | None:
    """Redraw every ``every`` seconds while a run is queued or training, else not at all."""
    snap = current()
    if snap is not None and snap.done:
        st.session_state[SHOWN_KEY] = snap.job_id
    return every if snap is not None and not snap.done else None


def live_view() -> None:
    snap = current()
    rerun_when_done(snap)
    if snap is None:
        st.info(ui.t("train.idle"))
        return
    epochs = st.session_state[JOB_KEY].config.epochs
    level, message = view.status_message(snap, epochs, ui.t)
    if level == "progress":
        st.progress(snap.fraction, message)
    else:
        getattr(st, level)(message)
    for column, (name, value) in zip(st.columns(4), view.metrics(snap).items()):
        column.metric(ui.t(f"train.metric.{name}"), value)
    labels, d = {k: ui.t(f"train.chart.{k}") for k in figures.LABELS}, snap.divergence
    loss_column, accuracy_column = st.columns(2)
    with loss_column:
        st.subheader(ui.t("train.loss.header"))
        fig = figures.loss_figure(snap.losses, snap.total_steps, d and d.step, d and d.loss, labels)
        ui.plot(fig, "train_loss")
        st.caption(ui.t("train.loss.caption"))
    with accuracy_column:
        st.subheader(ui.t("train.accuracy.header"))
        e = snap.epochs
        train_acc, test_acc = [p.train for p in e], [p.test for p in e]
        fig = figures.accuracy_figure([p.epoch for p in e], train_acc, test_acc, epochs, labels)
        ui.plot(fig, "train_accuracy")
        st.caption(ui.t("train.accuracy.caption"))


def live_section() -> None:
    job, s = st.session_state.get(JOB_KEY), st.session_state
    st.caption(ui.t("train.summary", epochs=s.train_epochs, batch=s.train_batch, lr=s.train_lr,
                    optimizer=ui.t(f"train.optimizer.{s.train_opt}"), size=s.train_size,
                    seed=s.train_seed, start=ui.t(f"train.start.{s.train_start}")))  # fmt: skip
    left, right, _ = st.columns([1, 1, 3])
    left.button(ui.t("train.train"), type="primary", icon=":material/play_arrow:",
                on_click=start_training, width="stretch", key="train_train")  # fmt: skip
    right.button(ui.t("train.stop"), icon=":material/stop:", disabled=job is None or job.done,
                 on_click=job and job.stop, width="stretch", key="train_stop")  # fmt: skip
    if ERROR_KEY in st.session_state:
        ui.user_error(ui.t("train.bad_settings", error=st.session_state[ERROR_KEY]))
    st.fragment(live_view, run_every=polling())()


def batch_view() -> None:
    snap = current()
    rerun_when_done(snap)
    if snap is None or snap.batch_images is None:
        st.info(ui.t("train.batch.empty"))
        return
    batch = st.session_state[JOB_KEY].config.batch_size
    st.markdown(ui.t("train.batch.caption", batch=batch, shown=len(snap.batch_labels)))
    ui.plot(figures.batch_figure(snap.batch_images, snap.batch_labels), "train_batch_preview")


def export_section() -> None:
    st.markdown(ui.t("train.export.caption"))
    snap = current()
    if snap is None or snap.result is None or not snap.done:
        st.info(ui.t("train.export.empty"))
        return
    result, stem = snap.result, f"digit_cnn_{snap.job_id}"
    for file in export.exports(result, stem):  # each file is made only when it is downloaded
        st.subheader(ui.t(f"train.export.{file.kind}"))
        st.download_button(ui.t("train.export.download", name=file.file_name), file.make,
                           file.file_name, icon=":material/download:")  # fmt: skip
        with st.expander(ui.t("train.export.how")):
            st.code(file.snippet, language="python")
    st.subheader(ui.t("train.export.csv"))
    st.download_button(ui.t("train.export.download", name=f"{stem}_loss.csv"),
                       export.history_csv(result), f"{stem}_loss.csv", "text/csv",
                       icon=":material/download:")  # fmt: skip


ui.page_header("train")
restore_settings()
jobs.warm_up()  # the training processes' fork server imports torch once, before the first Train
ui.sections(
    [
        (ui.t("train.settings.header"), settings_section),
        (ui.t("train.live.header"), live_section),
        (
            ui.t("train.batch.header"),
            lambda: st.fragment(batch_view, run_every=polling(BATCH_POLL_S))(),
        ),
        (ui.t("train.export.header"), export_section),
    ],
    key="train",
)
