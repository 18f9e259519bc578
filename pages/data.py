"""Dataset and DataLoader: one PNG-decoded item, collate into a batch, workers on a timeline."""

import os
import threading

import pandas as pd
import streamlit as st
import torch

from explainer import loader_timing, pipeline, ui
from explainer.errors import ExplainerError
from explainer.figures import pipeline as figures

RUNS_KEY = "data_runs"  # {(num_workers, augment): LoaderRun}: this session's measurements
BATCH = 8  # items in the collate example
ITEMS = 4000


@st.cache_resource(show_spinner=False)
def dataset(augment: bool) -> pipeline.PngDigits:
    return pipeline.bundled_dataset(ITEMS, augment=augment)


@st.cache_resource(show_spinner=False)
def measure_lock() -> threading.Lock:
    """One measurement at a time on this server: two would share the cores and both be wrong."""
    return threading.Lock()


def labels() -> dict[str, str]:
    return {key: ui.t(f"data.chart.{key}") for key in figures.LABELS}


def dataset_section() -> None:
    st.markdown(ui.t("data.dataset.caption"))
    st.code(ui.source_of(pipeline.PngDigits), language="python")
    left, right = st.columns([1, 2])
    index = int(left.number_input(ui.t("data.item.pick"), 0, ITEMS - 1, key="data_item"))
    augment = left.toggle(ui.t("data.item.augment"), key="data_augment")
    items = dataset(augment)
    image, label = items[index]  # (28, 28) uint8
    left.image(image.numpy(), width=140)
    right.markdown(ui.t("data.item.png", size=len(items.pngs[index])))
    dtype = str(image.dtype).replace("torch.", "")
    facts = dict(index=index, shape=list(image.shape), dtype=dtype, label=label)
    right.markdown(ui.t("data.item.decoded", **facts))
    ui.show_code(pipeline.decode_png)


def shape_row(step: str, tensor: torch.Tensor) -> dict[str, str]:
    return {
        ui.t("data.collate.step"): step,
        ui.t("data.collate.shape"): str(list(tensor.shape)),
        ui.t("data.collate.dtype"): str(tensor.dtype).replace("torch.", ""),
    }


def collate_section() -> None:
    st.markdown(ui.t("data.collate.caption", batch=BATCH))
    items = [dataset(False)[i] for i in range(BATCH)]
    images, labels_ = torch.utils.data.default_collate(items)  # (B, 28, 28), (B,)
    inputs, _ = pipeline.collate_digits(items)  # (B, 1, 28, 28)
    rows = [
        shape_row(ui.t("data.collate.items", batch=BATCH), items[0][0]),
        shape_row(ui.t("data.collate.stacked"), images),
        shape_row(ui.t("data.collate.labels"), labels_),
        shape_row(ui.t("data.collate.normalised"), inputs),
    ]
    st.table(pd.DataFrame(rows).set_index(ui.t("data.collate.step")))
    st.code(ui.source_of(pipeline.collate_digits), language="python")


def measure(workers: int, augment: bool) -> None:
    """Time one pass in its own process, one measurement at a time on the server."""
    settings = loader_timing.LoaderSettings(num_workers=workers, items=ITEMS, augment=augment)
    lock = measure_lock()
    if not lock.acquire(blocking=False):
        st.info(ui.t("data.workers.busy"))
        lock.acquire()
    try:
        with st.spinner(ui.t("data.workers.waiting", items=ITEMS, workers=workers)):
            run = loader_timing.measure_isolated(settings)
    except ExplainerError as error:
        ui.user_error(ui.t("data.workers.failed", error=str(error)))
        return
    finally:
        lock.release()
    runs = st.session_state.setdefault(RUNS_KEY, {})
    best = runs.get((workers, augment))
    if best is None or run.seconds < best.seconds:
        runs[(workers, augment)] = run


def workers_section() -> None:
    st.markdown(ui.t("data.workers.caption", items=ITEMS))
    left, middle, right = st.columns([2, 3, 1], vertical_alignment="bottom")
    choices = loader_timing.WORKER_CHOICES
    workers = left.segmented_control(
        ui.t("data.workers.choice"), choices, default=0, required=True, key="data_workers"
    )
    augment = middle.toggle(ui.t("data.workers.augment"), key="data_workers_augment")
    if right.button(ui.t("data.workers.measure"), type="primary", key="data_measure"):
        measure(workers, augment)
    runs = st.session_state.get(RUNS_KEY, {})
    shown = [runs[key] for key in sorted(runs) if key[1] == augment]
    if not shown:
        st.info(ui.t("data.workers.none"))
    else:
        run = runs.get((workers, augment)) or shown[-1]  # the chosen setting's, once measured
        metrics = {
            "items_per_second": f"{run.items_per_second:,.0f}",
            "seconds": f"{run.seconds:.2f} s",
            "startup": f"{run.startup_seconds:.2f} s",
            "waited": f"{run.waited_seconds:.2f} s",
        }
        for column, (name, value) in zip(st.columns(4), metrics.items()):
            column.metric(ui.t(f"data.metric.{name}"), value)
        st.subheader(ui.t("data.throughput.header"))
        st.caption(ui.t("data.throughput.caption"))
        ui.plot(figures.throughput(shown, labels()), key="data_throughput")
        st.subheader(ui.t("data.timeline.header"))
        st.caption(ui.t("data.timeline.caption"))
        ui.plot(figures.timeline(run, labels()), key="data_timeline")
    st.subheader(ui.t("data.options.header"))
    st.markdown(ui.t("data.options.text"))
    st.caption(ui.t("data.options.cores", cores=os.cpu_count()))
    ui.show_code(loader_timing.worker_init)


ui.page_header("data")
ui.sections(
    [
        (ui.t("data.dataset.header"), dataset_section),
        (ui.t("data.collate.header"), collate_section),
        (ui.t("data.workers.header"), workers_section),
    ],
    key="data",
)
