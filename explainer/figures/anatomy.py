"""The anatomy of a PyTorch project (chapter 1, figure 1.15) as a graph."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    """One stage of the pipeline: its string-table key, the torch API it uses, the page that shows it."""

    key: str
    api: str
    page: str


STAGES: tuple[Stage, ...] = (
    Stage("data", "uint8 [N, 28, 28]", "home.py"),
    Stage("dataset", "torch.utils.data.Dataset", "watch_it_learn.py"),
    Stage("dataloader", "torch.utils.data.DataLoader", "watch_it_learn.py"),
    Stage("model", "torch.nn.Module", "inside_the_cnn.py"),
    Stage("loss", "torch.nn.CrossEntropyLoss", "watch_it_learn.py"),
    Stage("optimizer", "torch.optim", "watch_it_learn.py"),
    Stage("loop", "for x, y in loader: ...", "watch_it_learn.py"),
    Stage("trained", "model.eval()", "cnn_vs_hand.py"),
    Stage("export", "torch.export · safetensors", "watch_it_learn.py"),
)


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def anatomy_dot(names: dict[str, str], live: set[str]) -> str:
    """Graphviz source of the pipeline; ``names`` maps stage keys to labels, ``live`` stages are bold.

    The training loop feeds back into the model, as in the book's figure.
    """
    lines = [
        "digraph anatomy {",
        '  rankdir=LR; bgcolor="transparent"; nodesep=0.25; ranksep=0.3;',
        '  node [shape=box, style="rounded,filled", fontname="sans-serif", fontsize=11,'
        ' fillcolor="#f3f4f7", color="#9aa1ad", margin="0.12,0.06"];',
        '  edge [color="#5c6370", arrowsize=0.7];',
    ]
    for stage in STAGES:
        label = f"{_quote(names[stage.key])}\\n{_quote(stage.api)}"
        style = ', penwidth=2, color="#d9480f", fillcolor="#fff4e6"' if stage.key in live else ""
        lines.append(f'  {stage.key} [label="{label}"{style}];')
    for left, right in zip(STAGES, STAGES[1:]):
        lines.append(f"  {left.key} -> {right.key};")
    lines.append('  loop -> model [style=dashed, constraint=false, label=" update"];')
    lines.append("}")
    return "\n".join(lines)
