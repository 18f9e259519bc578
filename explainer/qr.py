"""The QR code a teacher projects: a phone's camera opens the room's join link from it."""

from __future__ import annotations

import io

import segno

from explainer.errors import ExplainerError


def make(url: str) -> segno.QRCode:
    """A QR code of ``url`` (error correction M: a projector's glare and a phone at an angle)."""
    if not url or len(url) > 1000:
        raise ExplainerError("a join link is needed for a QR code (at most 1,000 characters)")
    return segno.make(url, error="m", micro=False)


def png(url: str, scale: int = 10) -> bytes:
    """The QR code of ``url`` as a PNG: black on white with the standard 4-module quiet zone."""
    buffer = io.BytesIO()
    make(url).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def svg(url: str, scale: int = 10) -> str:
    """The QR code of ``url`` as an SVG document."""
    buffer = io.BytesIO()
    make(url).save(buffer, kind="svg", scale=scale, border=4, xmldecl=False)
    return buffer.getvalue().decode("utf-8")


def save(url: str, path: str) -> None:
    """Write the QR code of ``url`` to ``path``: ``.svg`` or ``.png``."""
    kind = path.rsplit(".", 1)[-1].lower()
    if kind not in ("svg", "png"):
        raise ExplainerError(f"{path}: a QR code is saved as .svg or .png")
    try:
        make(url).save(path, kind=kind, scale=10, border=4)
    except OSError as error:
        raise ExplainerError(f"cannot write {path}: {error.strerror or error}") from None
