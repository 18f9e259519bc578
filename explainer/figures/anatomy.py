"""The anatomy of a PyTorch project (chapter 1, figure 1.15) as a graph."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    """One stage of the pipeline: its string-table key, the torch API it uses, the page that shows it.

    ``page`` is the page where the stage can be seen working, or None while no page shows it (the
    home page highlights only stages with a page).
    """

    key: str
    api: str
    page: str | None


STAGES: tuple[Stage, ...] = (
    Stage("data", "uint8 [N, 28, 28]", "home.py"),
    Stage("dataset", "torch.utils.data.Dataset", None),  # used by training, shown on no page yet
    Stage("dataloader", "torch.utils.data.DataLoader", "train.py"),
    Stage("model", "torch.nn.Module", "inside.py"),
    Stage("loss", "torch.nn.CrossEntropyLoss", "train.py"),
    Stage("optimizer", "torch.optim", "train.py"),
    Stage("loop", "for x, y in loader: ...", "train.py"),
    Stage("trained", "model.eval()", "cnn_vs_hand.py"),
    Stage("export", "torch.export · safetensors", "train.py"),
)


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


ROWS = 3  # the pipeline snakes over three rows so it stays readable on narrow screens


def anatomy_dot(names: dict[str, str], live: set[str]) -> str:
    """Graphviz source of the pipeline; ``names`` maps stage keys to labels, ``live`` stages stand out.

    The training loop feeds back into the model, as in the book's figure.
    """
    lines = [
        "digraph anatomy {",
        '  rankdir=TB; bgcolor="transparent"; nodesep=0.3; ranksep=0.45; newrank=true;',
        '  node [shape=box, style="rounded,filled", fontname="sans-serif", fontsize=15,'
        ' fillcolor="#f3f4f7", color="#9aa1ad", margin="0.15,0.08"];',
        '  edge [color="#5c6370", arrowsize=0.8];',
    ]
    for stage in STAGES:
        label = f"{_quote(names[stage.key])}\\n{_quote(stage.api)}"
        style = ', penwidth=2.5, color="#d9480f", fillcolor="#fff4e6"' if stage.key in live else ""
        lines.append(f'  {stage.key} [label="{label}"{style}];')
    per_row = -(-len(STAGES) // ROWS)
    for row in range(ROWS):
        members = STAGES[row * per_row : (row + 1) * per_row]
        lines.append("  { rank=same; " + " ".join(s.key for s in members) + " }")
    for left, right in zip(STAGES, STAGES[1:]):
        same_row = STAGES.index(left) // per_row == STAGES.index(right) // per_row
        lines.append(
            f"  {left.key} -> {right.key}" + ("" if same_row else " [constraint=true]") + ";"
        )
    lines.append('  loop -> model [style=dashed, color="#d9480f", label=" update"];')
    lines.append("}")
    return "\n".join(lines)
