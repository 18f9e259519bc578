"""Tensors and speed: time tensor ops on every device here, and check the chapter's "50x" claim."""

import os

import pandas as pd
import streamlit as st
import torch

from explainer import machine, speed_verdict, ui
from explainer.bench.grid import BenchConfig
from explainer.bench.ops import OPS
from explainer.bench.reference import REFERENCE_COMMAND, load_reference
from explainer.bench.run import run_sweep
from explainer.bench.timing import measure_cell
from explainer.bench.verdict import crossovers
from explainer.errors import ExplainerError
from explainer.figures import speed as figures

SIZE_OPTIONS = [1, 4, 16, 64, 256, 1024, 2048, 4096]
RESULTS_KEY = "speed_results"


def where(crossover: float) -> str:
    if pd.isna(crossover):
        return ui.t("speed.crossover.never")
    return ui.t("speed.crossover.at", size=crossover)


def show_results(frame: pd.DataFrame, key: str) -> None:
    """Charts, crossovers, the verdict and the table of one result set."""
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
        lines = [
            ui.t(
                "speed.crossover.row", **row, best=row["max_speedup"], where=where(row["crossover"])
            )
            for row in crossings.to_dict("records")
        ]
        st.markdown("\n".join(lines) or ui.t("speed.crossover.none"))
    with table_tab:
        st.dataframe(frame, hide_index=True)
    failed = frame[frame["status"] != "ok"]
    if not failed.empty:
        st.warning(ui.t("speed.failed", count=len(failed), total=len(frame)))
    st.subheader(ui.t("speed.verdict.header"))
    st.markdown(speed_verdict.markdown(frame, ui.t))


ui.page_header("speed")
present = machine.accelerators()
gpus = [d for d in present if d != "cpu"]
if gpus:
    st.success(ui.t("speed.gpu_here", devices=", ".join(machine.device_name(d) for d in gpus)))
else:
    st.info(ui.t("speed.no_gpu"), icon=":material/memory:")

left, right = st.columns(2)
with left.expander(ui.t("speed.machine.header")):
    facts = [{"": ui.t(f"home.fact.{f.key}"), " ": f.text(ui.t)} for f in machine.machine_facts()]
    st.dataframe(pd.DataFrame(facts), hide_index=True)
with right.expander(ui.t("speed.ops.header")):
    ops_table = [
        {ui.t("speed.ops.op"): f"{ui.t(f'speed.op.{op}')} ({op})", ui.t("speed.ops.shape"): s.shape}
        for op, s in OPS.items()
    ]
    st.dataframe(pd.DataFrame(ops_table), hide_index=True)


def measure_section() -> None:
    c1, c2, c3 = st.columns([3, 2, 2])
    ops = c1.multiselect(
        ui.t("speed.pick.ops"),
        list(OPS),
        ["matmul", "add"],
        key="speed_ops",
        bind="query-params",
    )
    sizes = c2.multiselect(
        ui.t("speed.pick.sizes"),
        SIZE_OPTIONS,
        [64, 256, 1024],
        key="speed_sizes",
        bind="query-params",
    )
    devices = c3.multiselect(
        ui.t("speed.pick.devices"),
        present,
        default=present,
        key="speed_devices",
        bind="query-params",
    )
    dtype_options = ["float32", "float16", "bfloat16"] + (["tf32"] if gpus else [])
    dtypes = c1.multiselect(
        ui.t("speed.pick.dtypes"),
        dtype_options,
        ["float32"],
        key="speed_dtypes",
        bind="query-params",
    )
    threads = c2.multiselect(
        ui.t("speed.pick.threads"),
        list(range(1, (os.cpu_count() or 1) + 1)),
        default=[torch.get_num_threads()],
        key="speed_threads",
        bind="query-params",
    )
    use_numpy = c3.checkbox(
        ui.t("speed.pick.numpy"), value=True, key="speed_numpy", bind="query-params"
    )
    copy = c3.checkbox(
        ui.t("speed.pick.copy"),
        value=False,
        disabled=not gpus,
        key="speed_copy",
        bind="query-params",
    )
    st.caption(ui.t("speed.pick.help"))

    if st.button(ui.t("speed.run"), type="primary", key="speed_run", icon=":material/timer:"):
        if not (ops and sizes and devices and dtypes and threads):
            ui.user_error(ui.t("speed.empty"))
        else:
            config = BenchConfig(
                ops=tuple(ops),
                sizes=tuple(sorted(sizes)),
                devices=tuple(devices),
                dtypes=tuple(dtypes),
                threads=tuple(sorted(threads)),
                numpy_baseline=use_numpy,
                include_copy=copy,
                min_run_time=0.05,
            )
            notice, bar = st.empty(), st.progress(0.0)
            try:
                st.session_state[RESULTS_KEY] = run_sweep(
                    config,
                    progress=lambda done, total, cell: bar.progress(
                        done / total, ui.t("speed.progress", done=done, total=total, **vars(cell))
                    ),
                    on_wait=lambda: notice.info(ui.t("speed.waiting"), icon=":material/hourglass:"),
                )
            except ExplainerError as error:
                ui.user_error(str(error))
            notice.empty()
            bar.empty()

    results = st.session_state.get(RESULTS_KEY)
    if results is not None:
        st.header(ui.t("speed.results.header"))
        cpu, cores = machine.device_name("cpu"), os.cpu_count()
        st.caption(ui.t("speed.results.caption", machine=cpu, cores=cores))
        show_results(results, "mine")
        st.download_button(
            ui.t("speed.download"),
            results.to_csv(index=False).encode("utf-8"),
            file_name="bench_results.csv",
            mime="text/csv",
            icon=":material/download:",
        )


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
