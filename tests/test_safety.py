"""Safety rules that hold across the code base: no HTML from users, no unpickling, small uploads."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*ROOT.glob("explainer/**/*.py"), *ROOT.glob("pages/*.py")])


def sources_matching(pattern: str) -> list[str]:
    regex = re.compile(pattern)
    return [
        f"{p.relative_to(ROOT)}:{n}"
        for p in SOURCES
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if regex.search(line)
    ]


def test_no_page_renders_raw_html():
    # st.html is used once, for the presenter mode's own constant CSS; nothing else emits HTML.
    assert sources_matching(r"unsafe_allow_html\s*=\s*True") == []
    assert sources_matching(r"st\.html\(") == [
        "explainer/ui.py:"
        + str(
            next(
                n
                for n, line in enumerate((ROOT / "explainer/ui.py").read_text().splitlines(), 1)
                if "st.html(" in line
            )
        )
    ]
    assert sources_matching(r"components\.html|components\.v1\.html") == []


def test_nothing_is_unpickled():
    assert sources_matching(r"\bimport pickle\b|\bpickle\.loads?\(") == []
    assert sources_matching(r"allow_pickle\s*=\s*True") == []
    torch_loads = sources_matching(r"torch\.load\(")
    for place in torch_loads:
        path, line = place.split(":")
        text = (ROOT / path).read_text().splitlines()[int(line) - 1]
        assert "weights_only=True" in text, place


def test_server_settings_keep_xsrf_on_and_uploads_small():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] <= 5  # MB
    assert config["browser"]["gatherUsageStats"] is False


def test_minimum_versions_are_past_published_advisories():
    requirements = (ROOT / "requirements.txt").read_text()
    # streamlit < 1.37.0: path traversal (CVE-2024-42474); pillow < 11.3.0: CVE-2025-48379.
    streamlit = re.search(r"^streamlit>=(\d+)\.(\d+)", requirements, re.M)
    pillow = re.search(r"^pillow>=(\d+)\.(\d+)", requirements, re.M)
    assert streamlit and (int(streamlit[1]), int(streamlit[2])) >= (1, 37)
    assert pillow and (int(pillow[1]), int(pillow[2])) >= (11, 3)
