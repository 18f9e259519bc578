"""``python -m explainer room create|export|close`` on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import numpy as np
import pytest
from cli_support import run_cli

from explainer import rooms


@pytest.fixture
def env(db_url, tmp_path) -> dict[str, str]:
    """The CLI on SQLite and on the real PostgreSQL server."""
    return {"EXPLAINER_DB_URL": db_url, "EXPLAINER_DATA_DIR": str(tmp_path / "data")}


@pytest.fixture
def sqlite_env(tmp_path) -> dict[str, str]:
    """The CLI on its default database: the SQLite file in the data folder (each CLI run costs
    seconds, so only the export runs on both databases; the store tests cover both fully)."""
    return {"EXPLAINER_DB_URL": "", "EXPLAINER_DATA_DIR": str(tmp_path / "data")}


def create(env: dict[str, str], tmp_path, *extra: str) -> dict:
    out = tmp_path / "room.json"
    result = run_cli("room", "create", "--json", str(out), *extra, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text())


def test_create_gives_a_code_a_token_a_link_and_an_expiry(sqlite_env, tmp_path) -> None:
    env = sqlite_env
    room = create(env, tmp_path, "--qr", str(tmp_path / "join.svg"))
    assert rooms.normalize_code(room["code"]) == room["code"]
    assert len(room["teacher_token"]) >= 32
    assert room["join_url"] == f"/class?room={room['code']}"
    left = datetime.fromisoformat(room["expires_at"]) - datetime.now().astimezone()
    assert timedelta(hours=23, minutes=59) < left <= timedelta(hours=24)
    assert "</svg>" in (tmp_path / "join.svg").read_text()
    full = create(env, tmp_path, "--base-url", "http://school:8501/", "--hours", "2")
    assert full["join_url"] == f"http://school:8501/class?room={full['code']}"
    board = f"http://school:8501/class-board?room={full['code']}"
    assert full["teacher_url"] == f"{board}&teacher={full['teacher_token']}"
    assert (tmp_path / "data" / "rooms.sqlite3").exists()


def test_export_has_exactly_the_room_s_digits(env, db_url, tmp_path) -> None:
    mine, other = create(env, tmp_path), create(env, tmp_path)
    store = rooms.RoomStore.open(db_url)
    image = np.zeros((28, 28), np.uint8)
    image[4:24, 12:16] = 255
    for label in (1, 7, 1):
        store.add_digit(mine["code"], image, label, rules=-1, linear=1, cnn=1)
    store.close()
    out, npz, csv = tmp_path / "out.json", tmp_path / "d.npz", tmp_path / "d.csv"
    args = ("--json", str(out), "--npz", str(npz), "--csv", str(csv))
    result = run_cli("room", "export", mine["code"].lower(), *args, env=env)
    assert result.returncode == 0, result.stderr
    exported = json.loads(out.read_text())
    assert [d["label"] for d in exported["digits"]] == [1, 7, 1]
    assert exported["digits"][0] == {"number": 1, "label": 1, "rules": None, "linear": 1, "cnn": 1}
    summary = exported["summary"]
    assert summary["digits"] == 3 and summary["accuracy"]["cnn"] == pytest.approx(2 / 3)
    assert summary["accuracy"]["rules"] == 0.0 and 0.9 < summary["test_accuracy"]["cnn"] < 1
    with np.load(npz) as archive:
        assert archive["images"].shape == (3, 28, 28) and archive["labels"].tolist() == [1, 7, 1]
    assert len(csv.read_text().splitlines()) == 4
    theirs = run_cli("room", "export", other["code"], "--json", "-", env=env)
    assert theirs.returncode == 0 and json.loads(theirs.stdout)["digits"] == []
    plain = run_cli("room", "export", mine["code"], env=env)
    assert "3 digits" in plain.stdout


def test_close_needs_the_teacher_token(sqlite_env, tmp_path) -> None:
    env = sqlite_env
    room = create(env, tmp_path)
    wrong = run_cli("room", "close", room["code"], "--token", "guess", env=env)
    assert wrong.returncode == 2 and "only the teacher" in wrong.stderr
    right = run_cli("room", "close", room["code"], "--token", room["teacher_token"], env=env)
    assert right.returncode == 0, right.stderr
    state = run_cli("room", "export", room["code"], "--json", "-", env=env)
    assert json.loads(state.stdout)["room"]["state"] == "closed"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("room", "export", "ABC"), "not a room code"),
        (("room", "export", "ZZZZ-ZZZZ"), "no room has the code ZZZZZZZZ"),
        (("room", "create", "--hours", "0"), "--hours"),
        (("room", "create", "--max-digits", "0"), "between 1 and"),
    ],
)
def test_bad_input_gets_one_clear_line(sqlite_env, args, message) -> None:
    result = run_cli(*args, env=sqlite_env)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreachable_database_gets_one_clear_line(tmp_path) -> None:
    env = {"EXPLAINER_DB_URL": "postgresql://nobody@127.0.0.1:1/none"}
    result = run_cli("room", "create", env=env)
    assert result.returncode == 2 and "cannot open the rooms database" in result.stderr
    assert "Traceback" not in result.stderr
