"""The home page's Jupyter section: the exercises with their code, a live kernel, your own machine.

Streamlit view code for one section (like :mod:`explainer.ui`, a UI module): the answers come from
:mod:`explainer.environment` and :mod:`explainer.kernel`, plain Python tested on its own. Values a
student pasted are shown as plain text (a dataframe, ``st.text``), never as markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explainer import environment, kernel, ui
from explainer.environment import EnvReport

KERNEL_KEY = "jupyter_kernel"  # the last kernel visit: (EnvReport, seconds) or KernelUnavailable
KERNEL_TIMEOUT_S = 90.0  # start-up, torch's import and the cell on a busy class server
PASTE_LIMIT = 5_000  # characters per paste box

# Exercise 1: the code, and how to read its value from a report.
EXERCISE_1 = (
    ("sys.version", "sys_version", "jupyter.meaning.sys_version"),
    ("torch.__version__", "torch_version", "jupyter.meaning.torch_version"),
    ("torch.version.cuda", "cuda_version", "jupyter.meaning.torch_cuda"),
    ("torch.cuda.is_available()", "cuda_available", "jupyter.meaning.cuda_available"),
)
# The kernel's answers shown beside the app's: the code that gives each, and the report field.
COMPARED = (
    ("sys.version", "sys_version"),
    ("sys.executable", "executable"),
    ("sys.prefix", "prefix"),
    ("torch.__version__", "torch_version"),
    ("torch.__file__", "torch_file"),
    ("os.getpid()", "pid"),
)
FIXES = {
    "no_jupyter": "python -m pip install jupyter_client ipykernel",
    "no_kernel": "python -m pip install ipykernel\npython -m ipykernel install --user",
    "died": "python -m pip install ipykernel",
    "timeout": "python -m explainer env --kernel",
    "cell_error": "python -m explainer env --kernel",
}


def exercises_section() -> None:
    """Exercise 1 answered with its code, exercise 2 asked of a real kernel, then your machine."""
    here = environment.current()
    st.subheader(ui.t("jupyter.exercise1.header"))
    st.markdown(ui.t("jupyter.exercise1.caption"))
    for start in range(0, len(EXERCISE_1), 2):  # one row of cards at a time: phones keep order
        for column, (code, field, meaning) in zip(st.columns(2), EXERCISE_1[start : start + 2]):
            card = column.container(border=True)
            card.markdown(f"`{code}` → {code_span(getattr(here, field))}")
            card.markdown(ui.t(meaning))
    kernel_part(here)
    own_machine_part()


def kernel_part(here: EnvReport) -> None:
    """A button that starts a real kernel, sends it one cell, and compares its answers."""
    st.subheader(ui.t("jupyter.kernel.header"))
    st.markdown(ui.t("jupyter.kernel.caption"))
    with st.expander(ui.t("jupyter.kernel.cell")):
        st.code(environment.PROBE_CELL, language="python")
    if st.button(ui.t("jupyter.kernel.run"), type="primary", key="jupyter_run"):
        with st.spinner(ui.t("jupyter.kernel.waiting")):
            try:
                result = kernel.run_cell(environment.PROBE_CELL, timeout_s=KERNEL_TIMEOUT_S)
                answer = environment.parse_report(result.stdout)
                st.session_state[KERNEL_KEY] = (answer, result.seconds)
            except kernel.KernelUnavailable as error:
                st.session_state[KERNEL_KEY] = error
            except ValueError as error:
                st.session_state[KERNEL_KEY] = kernel.KernelUnavailable("cell_error", str(error))
    visit = st.session_state.get(KERNEL_KEY)
    if isinstance(visit, kernel.KernelUnavailable):
        kernel_error(visit)
    elif visit is not None:
        answer, seconds = visit
        st.caption(ui.t("jupyter.kernel.took", seconds=seconds))
        mine = [getattr(here, field) for _, field in COMPARED]
        theirs = [getattr(answer, field) for _, field in COMPARED]
        same = ui.t("jupyter.kernel.same_value")  # a value shown once: narrow enough for a phone
        table = {
            ui.t("jupyter.kernel.app"): [code_span(value) for value in mine],
            ui.t("jupyter.kernel.kernel"): [
                same if a == b else code_span(b) for a, b in zip(mine, theirs)
            ],
        }
        frame = pd.DataFrame(table, index=[code_span(code) for code, _ in COMPARED])
        st.table(frame.rename_axis(ui.t("jupyter.kernel.question")))
        python, torch = environment.same_python(here, answer), environment.same_torch(here, answer)
        if python and torch:
            st.success(ui.t("jupyter.kernel.same", kernel_pid=answer.pid, app_pid=here.pid))
        else:
            yes_no = {True: ui.t("machine.yes"), False: ui.t("machine.no")}
            st.warning(ui.t("jupyter.kernel.different", python=yes_no[python], torch=yes_no[torch]))


def code_span(value: object) -> str:
    """Our own value as inline code for a table cell (``st.table`` renders cells as markdown)."""
    text = str(value)
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def kernel_error(error: kernel.KernelUnavailable) -> None:
    """What went wrong with the kernel, and the fix; the rest of the page keeps working."""
    st.warning(ui.t(f"jupyter.kernel.error.{error.reason}", kernel=error.kernel_name))
    if error.reason in FIXES:
        st.code(FIXES[error.reason], language="bash")
    st.caption(ui.t("jupyter.kernel.error.detail"))
    st.text(error.detail)  # plain text: it may quote a kernel's own message


def own_machine_part() -> None:
    """The one-liner and the cell to run at home, and a comparison of their pasted outputs."""
    st.subheader(ui.t("jupyter.own.header"))
    st.markdown(ui.t("jupyter.own.shell"))
    st.code(environment.SHELL_ONE_LINER, language="bash", wrap_lines=True)
    st.markdown(ui.t("jupyter.own.cell"))
    st.code(environment.PROBE_CELL, language="python")
    st.markdown(ui.t("jupyter.own.paste"))
    left, right = st.columns(2)
    pasted = {
        "shell": left.text_area(
            ui.t("jupyter.own.paste_shell"), max_chars=PASTE_LIMIT, key="jupyter_paste_shell"
        ),
        "notebook": right.text_area(
            ui.t("jupyter.own.paste_notebook"), max_chars=PASTE_LIMIT, key="jupyter_paste_nb"
        ),
    }
    if not st.button(ui.t("jupyter.own.compare"), key="jupyter_compare"):
        return
    reports = {}
    for where, text in pasted.items():
        try:
            reports[where] = environment.parse_report(text)
        except ValueError as error:
            name = ui.t(f"jupyter.own.where.{where}")
            ui.user_error(ui.t("jupyter.own.unreadable", where=name, error=str(error)))
    if len(reports) < 2:
        return
    shell, notebook = reports["shell"], reports["notebook"]
    fields = list(environment.FIELDS) + ["prefix", "nvidia_smi"]
    names = [ui.t("jupyter.own.where.shell"), ui.t("jupyter.own.where.notebook")]
    table = {n: [str(getattr(r, f)) for f in fields] for n, r in zip(names, (shell, notebook))}
    frame = pd.DataFrame(table, index=fields).rename_axis(ui.t("jupyter.own.table.field"))
    st.dataframe(frame)  # plain text cells: never markdown for what a student pasted
    show_findings(environment.diagnose(shell, notebook))


def show_findings(findings: list[environment.Finding]) -> None:
    """Each finding as a coloured box: ok, info or warning, in the reader's language."""
    boxes = {"ok": st.success, "info": st.info, "warning": st.warning}
    for finding in findings:
        where = finding.values.get("where")
        values = {"where": ui.t(f"jupyter.own.where.{where}")} if where else {}
        boxes[finding.level](ui.t(f"env.finding.{finding.key}", **values))
