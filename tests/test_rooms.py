"""Rooms in a real database: SQLite and a real PostgreSQL server run every store test.

Codes and tokens, isolation, moderation, the size cap, 40 students at once, and a killed process
that loses no acknowledged digit.
"""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa

from explainer import classifiers, db, rooms
from explainer.errors import ExplainerError

ROOT = Path(__file__).resolve().parents[1]


def stroke(column: int = 12) -> np.ndarray:
    """A plain "1": a vertical bar, uint8 [28, 28]."""
    image = np.zeros((28, 28), np.uint8)
    image[4:24, column : column + 4] = 255
    return image


@pytest.fixture
def store(db_url):
    store = rooms.RoomStore.open(db_url)
    yield store
    store.close()


def add(store: rooms.RoomStore, code: str, label: int = 1, **kw) -> int:
    return store.add_digit(code, stroke(), label, rules=1, linear=1, cnn=label, **kw)


def test_codes_are_hard_to_guess_and_easy_to_read() -> None:
    assert len(set(rooms.ALPHABET)) == 32 and not set("01IO") & set(rooms.ALPHABET)
    assert rooms.CODE_LENGTH * math.log2(len(rooms.ALPHABET)) >= 30
    codes = {rooms.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(c) == 8 and set(c) <= set(rooms.ALPHABET) for c in codes)
    used = {ch for code in codes for ch in code}
    assert used == set(rooms.ALPHABET)  # every symbol comes up


def test_typed_codes_are_normalized() -> None:
    assert rooms.normalize_code(" abcd-efgh ") == "ABCDEFGH"
    assert rooms.normalize_code("ABCD EFGH") == "ABCDEFGH"
    for bad in ("", None, "ABCDEFG", "ABCDEFGHJ", "ABCD0FGH", "ABCDIFGH", "ÄBCDEFGH", "' OR 1=1"):
        assert rooms.normalize_code(bad) == ""
    assert rooms.pretty_code("ABCDEFGH") == "ABCD-EFGH"


def test_links_on_the_app_s_own_address() -> None:
    assert rooms.app_url(None, "/class?room=X") == "/class?room=X"
    board = "https://school.example/app/class-board"
    assert rooms.app_url(board, "/class?room=X") == "https://school.example/app/class?room=X"
    assert rooms.app_url("http://h:8501/class", "/class-board?room=X&teacher=T") == (
        "http://h:8501/class-board?room=X&teacher=T"
    )
    assert rooms.app_url("http://h:8501/", "/class?room=X") == "http://h:8501/class?room=X"


def test_a_new_room_has_a_code_a_secret_token_and_an_expiry(store, db_url) -> None:
    new = store.create_room()
    room = new.room
    assert room.state() == "open" and room.digit_count == 0
    assert room.expires_at - room.created_at == timedelta(hours=24)
    assert room.join_path == f"/class?room={room.code}"
    assert new.teacher_path == f"/class-board?room={room.code}&teacher={new.teacher_token}"
    assert len(new.teacher_token) >= 32  # 24 random bytes, base64: 192 bits
    # Only the token's hash is stored.
    with store.engine.connect() as conn:
        stored = conn.execute(sa.select(db.rooms)).one()
    assert new.teacher_token not in str(tuple(stored))
    assert stored.teacher_hash == rooms.token_hash(new.teacher_token)
    assert store.is_teacher(room.code, new.teacher_token)
    assert not store.is_teacher(room.code, new.teacher_token[:-1] + "x")
    assert not store.is_teacher(room.code, "") and not store.is_teacher("ZZZZZZZZ", "x")


def test_wrong_expired_and_closed_rooms_say_why(store) -> None:
    with pytest.raises(rooms.RoomError) as error:
        store.open_room("ZZZZZZZZ")
    assert error.value.reason == "unknown" and "check the code" in str(error.value)
    new = store.create_room(rooms.RoomSettings(lifetime=timedelta(hours=1)))
    code = new.room.code
    later = rooms.utc_now() + timedelta(hours=2)
    with pytest.raises(rooms.RoomError) as error:
        store.open_room(code, now=later)
    assert error.value.reason == "expired"
    with pytest.raises(rooms.RoomError) as error:
        add(store, code, now=later)
    assert error.value.reason == "expired"
    add(store, code)
    store.close_room(code, new.teacher_token)
    with pytest.raises(rooms.RoomError) as error:
        add(store, code)
    assert error.value.reason == "closed"
    assert store.room(code).state() == "closed"
    assert len(store.digits(code)) == 1  # closing keeps the digits for the teacher


def test_only_the_teacher_token_deletes_or_closes(store) -> None:
    new = store.create_room()
    code = new.room.code
    digit = add(store, code)
    other = store.create_room()
    for token in ("", "guess", other.teacher_token):
        with pytest.raises(rooms.RoomError) as error:
            store.delete_digit(code, token, digit)
        assert error.value.reason == "forbidden"
        with pytest.raises(rooms.RoomError):
            store.close_room(code, token)
    assert store.room(code).state() == "open" and len(store.digits(code)) == 1
    store.delete_digit(code, new.teacher_token, digit)
    assert len(store.digits(code)) == 0 and store.room(code).digit_count == 0


def test_rooms_are_isolated(store) -> None:
    a, b = store.create_room(), store.create_room()
    mine = [add(store, a.room.code, label) for label in (3, 4, 5)]
    theirs = add(store, b.room.code, 7)
    assert store.digits(a.room.code).ids.tolist() == mine
    assert store.digits(b.room.code).ids.tolist() == [theirs]
    assert store.label_counts(b.room.code) == [0] * 7 + [1, 0, 0]
    # A teacher of room B cannot reach room A's digit through room B.
    with pytest.raises(rooms.RoomError) as error:
        store.delete_digit(b.room.code, b.teacher_token, mine[0])
    assert error.value.reason == "no_digit"
    assert len(store.digits(a.room.code)) == 3


def test_a_digit_comes_back_as_it_was_sent(store) -> None:
    code = store.create_room().room.code
    image = np.random.default_rng(0).integers(0, 256, (28, 28), dtype=np.uint8)
    store.add_digit(code, image, 8, rules=classifiers.ABSTAIN, linear=3, cnn=8)
    got = store.digits(code)
    assert np.array_equal(got.images[0].numpy(), image)
    assert got.labels.tolist() == [8] and got.rules.tolist() == [classifiers.ABSTAIN]
    assert got.linear.tolist() == [3] and got.cnn.tolist() == [8]
    for bad in (np.zeros((28, 27), np.uint8), np.zeros((28, 28), np.float32)):
        with pytest.raises(rooms.RoomError):
            store.add_digit(code, bad, 1, 1, 1, 1)
    with pytest.raises(rooms.RoomError):
        store.add_digit(code, image, 10, 1, 1, 1)
    assert len(store.digits(code)) == 1


def test_a_room_holds_at_most_its_size(store) -> None:
    new = store.create_room(rooms.RoomSettings(max_digits=3))
    code = new.room.code
    ids = [add(store, code) for _ in range(3)]
    with pytest.raises(rooms.RoomError) as error:
        add(store, code)
    assert error.value.reason == "full"
    store.delete_digit(code, new.teacher_token, ids[0])
    add(store, code)
    assert store.room(code).digit_count == len(store.digits(code)) == 3
    assert rooms.MAX_DIGITS == 2000 and rooms.RoomSettings().max_digits == 2000


def send_at_once(store: rooms.RoomStore, code: str, students: int) -> tuple[list[int], list[str]]:
    """``students`` threads send one digit each, released together."""
    start = threading.Barrier(students)
    ids: list[int] = []
    refused: list[str] = []
    lock = threading.Lock()

    def student(i: int) -> None:
        start.wait()
        try:
            digit = add(store, code, i % 10)
        except rooms.RoomError as error:
            with lock:
                refused.append(error.reason)
            return
        with lock:
            ids.append(digit)

    threads = [threading.Thread(target=student, args=(i,)) for i in range(students)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return ids, refused


def test_forty_students_at_once_lose_no_digit(store) -> None:
    code = store.create_room().room.code
    ids, refused = send_at_once(store, code, 40)
    assert refused == [] and len(set(ids)) == 40
    stored = store.digits(code)
    assert sorted(stored.ids.tolist()) == sorted(ids)
    assert store.label_counts(code) == [4] * 10
    assert store.room(code).digit_count == 40


def test_the_size_cap_holds_under_concurrency(store) -> None:
    code = store.create_room(rooms.RoomSettings(max_digits=25)).room.code
    ids, refused = send_at_once(store, code, 40)
    assert len(ids) == 25 and refused == ["full"] * 15
    assert len(store.digits(code)) == store.room(code).digit_count == 25


SENDER = """
import sys
import numpy as np
from explainer import rooms
store = rooms.RoomStore.open(sys.argv[1])
image = np.zeros((28, 28), np.uint8)
image[4:24, 12:16] = 255
i = 0
while True:
    digit = store.add_digit(sys.argv[2], image, i % 10, 1, 1, i % 10)
    print(digit, flush=True)  # acknowledged: the commit has returned
    i += 1
"""


def test_a_killed_process_loses_no_acknowledged_digit(db_url) -> None:
    store = rooms.RoomStore.open(db_url)
    code = store.create_room().room.code
    store.close()
    sender = subprocess.Popen(
        [sys.executable, "-c", SENDER, db_url, code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    acked: list[int] = []
    try:
        for line in sender.stdout:
            acked.append(int(line))
            if len(acked) >= 30:
                break
        else:
            pytest.fail(f"the sender stopped: {sender.stderr.read()}")
    finally:
        sender.send_signal(signal.SIGKILL)  # mid-flight: no clean shutdown
        rest, _ = sender.communicate(timeout=30)
    acked += [int(line) for line in rest.splitlines() if line.strip().isdigit()]
    reopened = rooms.RoomStore.open(db_url)
    try:
        stored = set(reopened.digits(code).ids.tolist())
        assert set(acked) <= stored, f"lost {sorted(set(acked) - stored)}"
        assert reopened.room(code).digit_count == len(stored)
    finally:
        reopened.close()


def test_migrations_run_once_and_refuse_a_newer_schema(db_url) -> None:
    engine = db.connect(db_url)
    try:
        assert db.migrate(engine) == db.SCHEMA_VERSION == len(db.MIGRATIONS)
        with engine.connect() as conn:
            assert db.schema_version(conn) == db.SCHEMA_VERSION
            assert conn.execute(sa.select(sa.func.count()).select_from(db.schema)).scalar() == 1
        with engine.begin() as conn:
            conn.execute(sa.update(db.schema).values(version=db.SCHEMA_VERSION + 1))
        with pytest.raises(ExplainerError, match="newer"):
            db.migrate(engine)
    finally:
        engine.dispose()


def test_stores_opening_an_empty_database_at_once_agree(db_url) -> None:
    errors: list[BaseException] = []

    def open_store() -> None:
        try:
            rooms.RoomStore.open(db_url).close()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_sqlite_is_in_the_data_folder_in_wal_mode(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EXPLAINER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(db.DB_URL_ENV, raising=False)
    assert db.database_url() == f"sqlite:///{tmp_path / 'data' / 'rooms.sqlite3'}"
    store = rooms.RoomStore.open()
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        store.close()
    assert (tmp_path / "data" / "rooms.sqlite3").exists()


def test_a_bad_database_url_gets_a_clear_message(tmp_path) -> None:
    for url in ("not a url", "mysql://u@h/db", "postgresql://nobody@127.0.0.1:1/none"):
        with pytest.raises(ExplainerError) as error:
            db.connect(url)
        assert "Traceback" not in str(error.value) and str(error.value)
    assert db.database_url({db.DB_URL_ENV: "postgresql://u@h/d"}) == "postgresql://u@h/d"


def test_expired_rooms_are_purged_after_a_week(store) -> None:
    old = store.create_room(rooms.RoomSettings(lifetime=timedelta(hours=1)))
    add(store, old.room.code)
    fresh = store.create_room()
    assert store.purge_expired(now=rooms.utc_now() + timedelta(days=2)) == 0
    assert store.purge_expired(now=rooms.utc_now() + timedelta(days=8, hours=1)) == 2
    with pytest.raises(rooms.RoomError):
        store.room(old.room.code)
    with pytest.raises(rooms.RoomError):
        store.room(fresh.room.code)
