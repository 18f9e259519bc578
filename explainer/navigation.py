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
    PageSpec("features_by_hand.py", "features", "nav.features", ":material/draw:"),
    PageSpec("cnn_vs_hand.py", "cnn-vs-hand", "nav.cnn_vs_hand", ":material/compare:"),
    PageSpec("watch_it_learn.py", "train", "nav.train", ":material/monitoring:"),
    PageSpec("inside_the_cnn.py", "inside", "nav.inside", ":material/grid_on:"),
    PageSpec("tensors_and_speed.py", "speed", "nav.speed", ":material/speed:"),
    PageSpec("class_digits.py", "class", "nav.class", ":material/groups:"),
)


def page_path(spec: PageSpec) -> Path:
    """The page's file."""
    return PAGES_DIR / spec.file


def available_pages() -> list[PageSpec]:
    """The pages whose files exist, in navigation order."""
    return [spec for spec in PAGES if page_path(spec).exists()]
