"""``python -m explainer room create|export|close``: class rooms from the command line.

The rooms live in the same database as the app's (``$EXPLAINER_DB_URL``, else a SQLite file in
``$EXPLAINER_DATA_DIR``), so a room made here is joined in the browser and vice versa.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

from explainer import class_digits, qr, rooms
from explainer.errors import ExplainerError
from explainer.jsonio import write_json


def _code(text: str) -> str:
    code = rooms.normalize_code(text)
    if not code:
        raise ExplainerError(
            f"{text!r} is not a room code: {rooms.CODE_LENGTH} letters and digits, like ABCD-EFGH"
        )
    return code


def _url(base: str | None, path: str) -> str:
    return f"{base.rstrip('/')}{path}" if base else path


def create(args: argparse.Namespace) -> int:
    """Open a room; print its code, join link and secret teacher link."""
    if not 0 < args.hours <= 24 * 30:
        raise ExplainerError("--hours must be more than 0 and at most 720 (30 days)")
    settings = rooms.RoomSettings(timedelta(hours=args.hours), args.max_digits)
    store = rooms.RoomStore.open()
    try:
        store.purge_expired()
        new = store.create_room(settings)
    finally:
        store.close()
    join_url = _url(args.base_url, new.room.join_path)
    if args.qr:
        qr.save(join_url, str(args.qr))
    payload = {
        "code": new.room.code,
        "teacher_token": new.teacher_token,
        "join_url": join_url,
        "teacher_url": _url(args.base_url, new.teacher_path),
        "expires_at": new.room.expires_at.isoformat(),
        "max_digits": new.room.max_digits,
    }
    if args.json:
        write_json(payload, args.json)
    if args.json != "-":
        print(f"room {rooms.pretty_code(new.room.code)} (code {new.room.code})")
        print(f"students open: {join_url}")
        print(f"teacher link (keep it secret, do not project it): {payload['teacher_url']}")
        print(f"open until {payload['expires_at']}")
    return 0


def export(args: argparse.Namespace) -> int:
    """One record per digit and a summary of accuracies (JSON), the digits as .npz or CSV."""
    code = _code(args.code)
    store = rooms.RoomStore.open()
    try:
        room = store.room(code)
        digits = store.digits(code)
    finally:
        store.close()
    summary = class_digits.summary(digits, class_digits.reference_accuracy())
    payload = {
        "room": {
            "code": room.code,
            "state": room.state(),
            "created_at": room.created_at.isoformat(),
            "expires_at": room.expires_at.isoformat(),
        },
        "digits": class_digits.records(digits),
        "summary": summary,
    }
    files = [
        (args.npz, lambda: class_digits.to_npz(digits)),
        (args.csv, lambda: class_digits.to_csv(digits).encode("utf-8")),
    ]
    for path, blob in files:
        if path is not None:
            try:
                path.write_bytes(blob())
            except OSError as error:
                raise ExplainerError(f"cannot write {path}: {error.strerror or error}") from None
    if args.json:
        write_json(payload, args.json)
    if args.json != "-":
        scores = ", ".join(f"{k} {v:.1%}" for k, v in summary["accuracy"].items())
        print(f"room {room.code} ({room.state()}): {len(digits)} digits; {scores}")
    return 0


def close(args: argparse.Namespace) -> int:
    """Close a room with its teacher token: it takes no more digits."""
    code = _code(args.code)
    store = rooms.RoomStore.open()
    try:
        store.close_room(code, args.token)
    finally:
        store.close()
    print(f"room {code} is closed")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("room", help="open a class room, export its digits, close it")
    actions = parser.add_subparsers(dest="action", metavar="<action>", required=True)
    made = actions.add_parser("create", help="open a room: a join code and a teacher link")
    made.add_argument("--hours", type=float, default=24.0, help="how long it stays open (24)")
    made.add_argument(
        "--max-digits", type=int, default=rooms.MAX_DIGITS, help="how many digits it holds at most"
    )
    made.add_argument(
        "--base-url", metavar="URL", help="the app's address, e.g. https://host:8501 (full links)"
    )
    made.add_argument(
        "--qr", type=Path, metavar="PATH", help="save the join link's QR code (.svg/.png)"
    )
    made.add_argument("--json", metavar="OUT", help="write the room as JSON ('-': stdout)")
    made.set_defaults(handler=create)
    out = actions.add_parser("export", help="the room's digits and each classifier's answers")
    out.add_argument("code", help="the room's code")
    out.add_argument("--json", metavar="OUT", help="records and summary as JSON ('-': stdout)")
    out.add_argument("--npz", type=Path, metavar="PATH", help="images and answers as .npz")
    out.add_argument("--csv", type=Path, metavar="PATH", help="one row per digit, pixels included")
    out.set_defaults(handler=export)
    shut = actions.add_parser("close", help="close a room (needs its teacher token)")
    shut.add_argument("code", help="the room's code")
    shut.add_argument("--token", required=True, help="the teacher token from `room create`")
    shut.set_defaults(handler=close)
