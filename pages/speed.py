"""Tensors and speed: time tensor ops on every device here, and check the chapter's "50x" claim."""

import os

import pandas as pd
import streamlit as st
import torch

from explainer import machine, ui
from explainer.bench.ceilings import measure_ceilings
from explainer.bench.estimate import estimate_rows
from explainer.bench.ops import OPS
from explainer.bench.reference import REFERENCE_COMMAND, load_reference
from explainer.bench.run import run_sweep
from explainer.bench.timing import measure_cell
from explainer.bench.verdict import crossovers
from explainer.errors import ExplainerError
from explainer.figures import speed as figures
from explainer.views import speed as view
from explainer.views import speed_verdict

RESULTS_KEY, CEILINGS_KEY = "speed_results", "speed_ceilings"


def show_results(frame: pd.DataFrame, key: str) -> None:
    """Charts, crossovers, the verdict and the table of one measured result set."""
    labels = {k: ui.t(f"speed.chart.{k}") for k in figures.LABELS}
    time_tab, gflops_tab, speedup_tab, table_tab = st.tabs(
        [ui.t(f"speed.tab.{name}") for name in ("time", "gflops", "speedup", "table")]
    )
    with time_tab:
        ui.plot(figures.time_vs_size(frame, labels), f"{key}_time")
    with gflops_tab:
        ui.plot(figures.gflops_vs_size(frame, labels), f"{key}_gflops")
    with speedup_tab:
        crossings = crossovers(frame)
        ui.plot(figures.speedup_vs_size(frame, crossings, labels), f"{key}_speedup")
        st.caption(ui.t("speed.speedup.caption"))
        st.markdown(view.crossover_lines(crossings, ui.t))
    with table_tab:
        st.dataframe(frame, hide_index=True)
    failed = frame[frame["status"] != "ok"]
    if not failed.empty:
        st.warning(ui.t("speed.failed", count=len(failed), total=len(frame)))
    st.subheader(ui.t("speed.verdict.header"))
    st.markdown(speed_verdict.markdown(frame, ui.t))


def show_estimate(frame: pd.DataFrame) -> None:
    """The roofline of this CPU, the datasheet estimates for named GPUs and their verdict."""
    st.subheader(ui.t("speed.estimate.header"))
    st.markdown(ui.t("speed.estimate.intro"))
    ceilings = st.session_state.get(CEILINGS_KEY)
    if ceilings is None:
        st.info(ui.t("speed.estimate.no_ceilings"))
        return
    st.markdown(view.ceilings_text(ceilings, ui.t))
    both = pd.concat([frame, estimate_rows(frame)], ignore_index=True)
    labels = {k: ui.t(f"speed.chart.{k}") for k in figures.LABELS}
    roof = figures.roofline(both, ceilings.peak_gflops, ceilings.bandwidth_gbs, labels)
    ui.plot(roof, "speed_roofline")
    st.caption(ui.t("speed.estimate.table"))
    st.dataframe(view.estimate_table(both, ui.t), hide_index=True)
    st.markdown(speed_verdict.estimate_words(both, ui.t))


ui.page_header("speed")
present = machine.accelerators()
gpus = [d for d in present if d != "cpu"]
if gpus:
    st.success(ui.t("speed.gpu_here", devices=", ".join(machine.device_name(d) for d in gpus)))
else:
    st.info(ui.t("speed.no_gpu"), icon=":material/memory:")

left, right = st.columns(2)  # the machine and what each op means
left.expander(ui.t("speed.machine.header")).dataframe(view.fact_rows(ui.t), hide_index=True)
right.expander(ui.t("speed.ops.header")).dataframe(view.op_rows(ui.t), hide_index=True)


def pick(column, name: str, options: list, default: list) -> list:
    """A multiselect bound to the URL, labelled ``speed.pick.<name>``."""
    label, key = ui.t(f"speed.pick.{name}"), f"speed_{name}"
    return column.multiselect(label, options, default, key=key, bind="query-params")


def run(config) -> None:
    """Measure the sweep and this CPU's ceilings, with a progress bar."""
    notice, bar = st.empty(), st.progress(0.0)
    try:
        st.session_state[RESULTS_KEY] = run_sweep(
            config,
            progress=lambda done, total, cell: bar.progress(
                done / total, ui.t("speed.progress", done=done, total=total, **vars(cell))
            ),
            on_wait=lambda: notice.info(ui.t("speed.waiting"), icon=":material/hourglass:"),
        )
        st.session_state[CEILINGS_KEY] = measure_ceilings(max(config.threads))
    except ExplainerError as error:
        ui.user_error(str(error))
    notice.empty()
    bar.empty()


def measure_section() -> None:
    c1, c2, c3 = st.columns([3, 2, 2])
    ops = pick(c1, "ops", list(OPS), ["matmul", "add"])
    sizes = pick(c2, "sizes", view.SIZE_OPTIONS, [64, 256, 1024])
    devices = pick(c3, "devices", present, present)
    dtypes = pick(c1, "dtypes", view.dtype_options(bool(gpus)), ["float32"])
    threads = pick(c2, "threads", view.thread_options(), [torch.get_num_threads()])
    numpy = c3.checkbox(ui.t("speed.pick.numpy"), True, key="speed_numpy", bind="query-params")
    copy = c3.checkbox(
        ui.t("speed.pick.copy"), False, disabled=not gpus, key="speed_copy", bind="query-params"
    )
    st.caption(ui.t("speed.pick.help"))
    if st.button(ui.t("speed.run"), type="primary", key="speed_run", icon=":material/timer:"):
        config = view.bench_config(ops, sizes, devices, dtypes, threads, numpy, copy)
        ui.user_error(ui.t("speed.empty")) if config is None else run(config)
    results = st.session_state.get(RESULTS_KEY)
    if results is not None:
        st.header(ui.t("speed.results.header"))
        cpu = machine.device_name("cpu")
        st.caption(ui.t("speed.results.caption", machine=cpu, cores=os.cpu_count()))
        show_results(results, "mine")
        show_estimate(results)
        csv = pd.concat([results, estimate_rows(results)], ignore_index=True).to_csv(index=False)
        csv_name, icon = "bench_results.csv", ":material/download:"
        st.download_button(ui.t("speed.download"), csv.encode(), csv_name, "text/csv", icon=icon)


def reference_section() -> None:
    reference = load_reference()
    if reference is None:
        st.info(ui.t("speed.reference.missing"), icon=":material/info:")
        st.code(REFERENCE_COMMAND, language="bash")
    else:
        st.markdown(ui.t("speed.reference.caption", machine=reference.machine, date=reference.date))
        show_results(reference.frame, "reference")
    ui.show_code(measure_cell, ui.t("speed.code"))


ui.sections(
    [
        (ui.t("speed.pick.header"), measure_section),
        (ui.t("speed.reference.header"), reference_section),
    ],
    key="speed",
)
