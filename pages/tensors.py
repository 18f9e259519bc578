"""Tensors like NumPy: the same computations side by side, shared memory, and why both are fast."""

import streamlit as st
import torch

from explainer import machine, navigation, numpy_torch, picker, ui
from explainer.figures import tensors as figs

MEMORY, FAST = "tensors_memory", "tensors_fast"  # this session's array and its last timing


def current() -> picker.DigitChoice:
    return ui.current_digit() or ui.test_choice(st.session_state.get(ui.DIGIT_KEY, 0))


def same_section() -> None:
    st.markdown(ui.t("tensors.same.caption"))
    for row in numpy_torch.side_by_side(current().image):
        with_numpy, with_torch = numpy_torch.PAIRS[row.key]
        st.subheader(ui.t(f"tensors.op.{row.key}"))
        results = (row.numpy_result, row.torch_result)
        for column, fn, result, name in zip(
            st.columns(2), (with_numpy, with_torch), results, ("numpy", "torch")
        ):
            printout = "# " + numpy_torch.shown(result).replace("\n", "\n# ")
            column.code(ui.source_of(fn) + "\n" + printout, wrap_lines=True)
            dtype = str(result.dtype).removeprefix("torch.")
            column.caption(ui.t(f"tensors.same.{name}", shape=list(result.shape), dtype=dtype))
        if row.exact:
            st.markdown(ui.t("tensors.same.exact", equal=row.exact))
        else:
            close = dict(close=row.close, difference=row.largest_difference)
            st.markdown(ui.t("tensors.same.close", exact=row.exact, **close))


def fresh_memory() -> dict:
    """A NumPy copy of the current digit, and tensors made from it the usual ways."""
    array = current().image.numpy().copy()
    gpus = [device for device in machine.accelerators() if device != "cpu"]
    made = numpy_torch.tensors_from(array, gpus[:1])
    return {"digit": current().image.numpy().tobytes(), "a": array, "made": made, "lines": 0}


def memory_section() -> None:
    kept = st.session_state.get(MEMORY)
    if kept is None or kept["digit"] != current().image.numpy().tobytes():
        kept = st.session_state[MEMORY] = fresh_memory()
    st.markdown(ui.t("tensors.memory.caption"))
    with st.container(horizontal=True):
        if st.button(ui.t("tensors.memory.write"), type="primary", key="tensors_write"):
            numpy_torch.write_line(kept["a"], 4 + 5 * kept["lines"])
            kept["lines"] += 1
        if st.button(ui.t("tensors.memory.reset"), key="tensors_reset"):
            kept = st.session_state[MEMORY] = fresh_memory()
    st.caption(ui.t("tensors.memory.written", count=kept["lines"]))
    pictures = [torch.from_numpy(kept["a"])] + list(kept["made"].values())
    names = [ui.t("tensors.memory.array"), *(name.split(" = ")[0] for name in kept["made"])]
    with st.container(horizontal=True):
        for picture, name in zip(pictures, names):
            shown = numpy_torch.as_picture(picture)
            st.image(picker.enlarged(torch.from_numpy(shown), 112), caption=name, width=112)
    memory = numpy_torch.memory_of(kept["a"], kept["made"])
    ui.table([vars(m) | {"data_ptr": hex(m.data_ptr)} for m in memory], "tensors.col")
    gpu = next((name for name in kept["made"] if "cuda" in name or "mps" in name), None)
    st.caption(ui.t("tensors.memory.gpu", device=gpu) if gpu else ui.t("tensors.memory.no_gpu"))


def fast_section() -> None:
    images = ui.test_digits()[0]
    if st.button(ui.t("tensors.fast.again"), key="tensors_again") or FAST not in st.session_state:
        values = numpy_torch.pixel_values(images)
        st.session_state[FAST] = numpy_torch.footprint(values), numpy_torch.time_sums(values)
    size, sums = st.session_state[FAST]
    per_pixel = size.list_bytes / size.pixels
    sizes = dict(tensor=size.tensor_bytes, lists=size.list_bytes, per_pixel=per_pixel)
    st.markdown(ui.t("tensors.fast.memory", pixels=size.pixels, digits=len(images), **sizes))
    ms = dict(loops=sums.loops_s * 1000, numpy=sums.numpy_s * 1000, torch=sums.torch_s * 1000)
    st.markdown(ui.t("tensors.fast.timing", **ms))
    names = {key: ui.t(f"tensors.fast.{key}") for key in ms}
    ui.plot(
        figs.time_bars({names[k]: v for k, v in ms.items()}, ui.t("tensors.fast.x")), "tensors_time"
    )
    ratio = sums.loops_s / sums.torch_s
    st.markdown(ui.t(f"tensors.fast.{'slower' if ratio >= 10 else 'close'}", ratio=ratio))
    st.caption(ui.t("tensors.fast.totals", **dict(zip(ms, sums.totals))))
    ui.show_code(numpy_torch.sum_with_loops)
    features = navigation.page("features")
    st.markdown(ui.t("tensors.fast.features"))
    st.page_link(navigation.page_path(features), label=ui.t(features.title_key), icon=features.icon)


ui.page_header("tensors")
ui.sections(
    [
        (ui.t("tensors.pick.header"), ui.digit_picker),
        (ui.t("tensors.same.header"), same_section),
        (ui.t("tensors.memory.header"), memory_section),
        (ui.t("tensors.fast.header"), fast_section),
    ],
    key="tensors",
)
