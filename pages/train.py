"""Watch it learn: train the CNN live in a background job, see loss, accuracy and the batch."""

import streamlit as st

from explainer import export, jobs, train, ui
from explainer.figures import train as figures
from explainer.views import train as view

JOB_KEY, SHOWN_KEY, ERROR_KEY = ui.TRAIN_JOB_KEY, "train_shown_done", "train_error"


def text(name: str) -> dict[str, str]:
    return ui.labelled(f"train.{name}")


def start_training() -> None:
    s = st.session_state
    if (old := s.get(JOB_KEY)) is not None:
        old.stop()  # one run per session: a new Train replaces the old run
    try:
        s[JOB_KEY] = jobs.TrainingJob(view.config_from(s)).start()
        s.pop(ERROR_KEY, None)
    except ValueError as error:
        s[ERROR_KEY] = str(error)


def default_rate() -> None:
    """A new optimizer starts from its own working learning rate."""
    st.session_state.train_lr = train.DEFAULT_LR[st.session_state.train_opt]


def settings_section() -> None:
    st.markdown(ui.t("train.settings.caption"))
    left, middle, right = st.columns(3, gap="large")
    left.slider(**text("epochs"), min_value=1, max_value=10, key="train_epochs")
    left.select_slider(**text("batch_size"), options=view.BATCHES, key="train_batch")
    middle.radio(
        **text("optimizer"),
        options=train.OPTIMIZERS,
        key="train_opt",
        horizontal=True,
        format_func=ui.worded("train.optimizer"),
        on_change=default_rate,
    )
    middle.select_slider(
        **text("lr"), options=view.RATES, key="train_lr", format_func="{:g}".format
    )
    right.slider(**text("train_size"), min_value=100, max_value=4000, step=100, key="train_size")
    right.number_input(**text("seed"), min_value=0, max_value=99_999, key="train_seed")
    start = dict(options=view.FIRST_LAYER_CHOICES, format_func=ui.worded("train.start"))
    st.radio(**text("start"), **start, key="train_start", horizontal=True)
    ui.show_code(train.fit)


def current() -> jobs.JobSnapshot | None:
    job = st.session_state.get(JOB_KEY)
    return job.snapshot() if job is not None else None


def rerun_when_done(snap: jobs.JobSnapshot | None) -> None:
    """A run that just ended redraws the whole page once (status, export); polling then stops."""
    if snap is not None and snap.done and st.session_state.get(SHOWN_KEY) != snap.job_id:
        st.session_state[SHOWN_KEY] = snap.job_id
        st.rerun(scope="app")


def polling(every: float = view.POLL_S) -> float | None:
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
    epochs = st.session_state[JOB_KEY].config.fit.epochs
    ui.status(*view.status_message(snap, epochs, ui.t), snap.fraction)
    for column, (name, value) in zip(st.columns(4), view.metrics(snap).items()):
        column.metric(ui.t(f"train.metric.{name}"), value)
    labels, d = {k: ui.t(f"train.chart.{k}") for k in figures.LABELS}, snap.divergence
    loss = figures.loss_figure(snap.losses, snap.total_steps, d and d.step, d and d.loss, labels)
    accuracy = figures.accuracy_figure(*view.accuracy_series(snap), epochs, labels)
    for column, name, figure in zip(st.columns(2), ("loss", "accuracy"), (loss, accuracy)):
        with column:
            st.subheader(ui.t(f"train.{name}.header"))
            ui.plot(figure, f"train_{name}")
            st.caption(ui.t(f"train.{name}.caption"))


def live_section() -> None:
    job = st.session_state.get(JOB_KEY)
    st.caption(view.summary(st.session_state, ui.t))
    left, right, _ = st.columns([1, 1, 3])
    go = dict(type="primary", icon=":material/play_arrow:", on_click=start_training)
    left.button(ui.t("train.train"), **go, width="stretch", key="train_train")
    stop = dict(icon=":material/stop:", disabled=job is None or job.done, on_click=job and job.stop)
    right.button(ui.t("train.stop"), **stop, width="stretch", key="train_stop")
    if ERROR_KEY in st.session_state:
        ui.user_error(ui.t("train.bad_settings", error=st.session_state[ERROR_KEY]))
    st.fragment(live_view, run_every=polling())()


def batch_view() -> None:
    snap = current()
    rerun_when_done(snap)
    if snap is None or snap.batch_images is None:
        st.info(ui.t("train.batch.empty"))
        return
    batch = st.session_state[JOB_KEY].config.fit.batch_size
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
        ui.download(ui.t("train.export.download", name=file.file_name), file.make, file.file_name)
        with st.expander(ui.t("train.export.how")):
            st.code(file.snippet, language="python")
    st.subheader(ui.t("train.export.csv"))
    csv, label = f"{stem}_loss.csv", ui.t("train.export.download", name=f"{stem}_loss.csv")
    ui.download(label, export.history_csv(result), csv, "text/csv")


ui.page_header("train")
ui.restore_settings(view.SETTINGS)
jobs.warm_up()  # the training processes' fork server imports torch once, before the first Train
ui.sections(
    [
        (ui.t("train.settings.header"), settings_section),
        (ui.t("train.live.header"), live_section),
        (ui.t("train.batch.header"), lambda: st.fragment(batch_view, run_every=polling(2.0))()),
        (ui.t("train.export.header"), export_section),
    ],
    key="train",
)
