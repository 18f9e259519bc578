"""The app's pages, in the order of the chapter: one file each in ``pages/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"


@dataclass(frozen=True)
class PageSpec:
    """One page: its file in ``pages/``, its URL path, the key of its title, a Material icon."""

    file: str
    url_path: str
    title_key: str
    icon: str


# A page is listed only once its file exists.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("home.py", "", "nav.home", ":material/home:"),
    PageSpec("features.py", "features", "nav.features", ":material/draw:"),
    PageSpec("cnn_vs_hand.py", "cnn-vs-hand", "nav.cnn_vs_hand", ":material/compare:"),
    PageSpec("data.py", "data", "nav.data", ":material/dataset:"),
    PageSpec("train.py", "train", "nav.train", ":material/monitoring:"),
    PageSpec("autograd.py", "autograd", "nav.autograd", ":material/functions:"),
    PageSpec("inside.py", "inside", "nav.inside", ":material/grid_on:"),
    PageSpec("tensors.py", "tensors", "nav.tensors", ":material/data_array:"),
    PageSpec("speed.py", "speed", "nav.speed", ":material/speed:"),
    PageSpec("class_digits.py", "class", "nav.class_digits", ":material/groups:"),
    PageSpec("class_board.py", "class-board", "nav.class_board", ":material/co_present:"),
)


def page(area: str) -> PageSpec:
    """The page of an area, named by its key (``"features"``, ``"cnn_vs_hand"``, ``"train"``...)."""
    for spec in PAGES:
        if spec.file == f"{area}.py":
            return spec
    raise KeyError(f"no page for area {area!r}")


def page_path(spec: PageSpec) -> Path:
    """The page's file."""
    return PAGES_DIR / spec.file


def available_pages() -> list[PageSpec]:
    """The pages whose files exist, in navigation order."""
    return [spec for spec in PAGES if page_path(spec).exists()]
