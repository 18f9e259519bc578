"""Rooms: a class's shared set of digits, behind a short code that is hard to guess.

A teacher opens a room and gets a join code (8 letters from a 32-letter alphabet without look-alikes:
40 bits from :mod:`secrets`) and a teacher token (192 bits) that alone may delete a digit or close
the room; the database keeps only the token's SHA-256. Students send digits with the code. Each
digit is stored as its 28x28 MNIST-style image, the digit asked for, and the three classifiers'
answers: no upload, no name, no address. Every query names its room, so a code never reaches
another room's digits.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import numpy as np
import sqlalchemy as sa
import torch
from sqlalchemy.engine import Connection, Engine

from explainer import classifiers, db
from explainer.class_digits import ClassDigits
from explainer.errors import ExplainerError

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols: no 0/O, no 1/I
CODE_LENGTH = 8  # 8 * log2(32) = 40 bits
TOKEN_BYTES = 24  # 192 bits
DEFAULT_LIFETIME = timedelta(hours=24)
MAX_DIGITS = 2000
JOIN_PATH = "/class"  # the students' page
BOARD_PATH = "/class-board"  # the teacher's page


class RoomError(ExplainerError):
    """A room that cannot do what was asked; ``reason`` names why, for a page's own wording.

    Reasons: ``unknown`` (no such code), ``expired``, ``closed``, ``full``, ``forbidden`` (not the
    teacher token), ``no_digit`` (no such digit in this room), ``bad_digit``.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class RoomSettings:
    """How long a room stays open and how many digits it holds at most."""

    lifetime: timedelta = DEFAULT_LIFETIME
    max_digits: int = MAX_DIGITS

    def __post_init__(self) -> None:
        if not timedelta(minutes=1) <= self.lifetime <= timedelta(days=30):
            raise ExplainerError("a room lasts between 1 minute and 30 days")
        if not 1 <= self.max_digits <= 100_000:
            raise ExplainerError("a room holds between 1 and 100,000 digits")


@dataclass(frozen=True)
class Room:
    """One room as stored (the teacher token is not: only its hash is)."""

    code: str
    created_at: datetime  # UTC
    expires_at: datetime
    closed_at: datetime | None
    max_digits: int
    digit_count: int
    revision: int  # changes whenever a digit is added or deleted

    def state(self, now: datetime | None = None) -> str:
        """``"open"``, ``"closed"`` or ``"expired"``."""
        if self.closed_at is not None:
            return "closed"
        return "expired" if (now or utc_now()) >= self.expires_at else "open"

    @property
    def join_path(self) -> str:
        """The path students open: ``/class?room=CODE``."""
        return join_path(self.code)


@dataclass(frozen=True)
class NewRoom:
    """A room just opened, with the teacher token: shown once, never stored."""

    room: Room
    teacher_token: str

    @property
    def teacher_path(self) -> str:
        """The teacher's secret link: the teacher's page of this room, with the token."""
        return teacher_path(self.room.code, self.teacher_token)


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_code() -> str:
    """A fresh join code: CODE_LENGTH symbols of ALPHABET from the system's secure source."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: str | None) -> str:
    """What a person typed -> a code: case, spaces and dashes ignored; "" if it cannot be one."""
    code = "".join(ch for ch in (text or "").upper() if ch not in " -_\t")
    if len(code) != CODE_LENGTH or any(ch not in ALPHABET for ch in code):
        return ""
    return code


def pretty_code(code: str) -> str:
    """A code in two groups of four, easier to read aloud: ``ABCD-EFGH``."""
    return f"{code[:4]}-{code[4:]}"


def join_path(code: str) -> str:
    return f"{JOIN_PATH}?room={code}"


def teacher_path(code: str, token: str) -> str:
    return f"{BOARD_PATH}?room={code}&teacher={token}"


def app_url(page_url: str | None, path: str) -> str:
    """``path`` (a page and its query) on the app whose page ``page_url`` the browser shows (the
    app may live under a prefix, ``https://host/app/class``); just ``path`` when that is unknown."""
    if not page_url:
        return path
    parts = urlsplit(page_url)
    base = parts.path.rstrip("/")
    for page in (BOARD_PATH, JOIN_PATH):
        base = base.removesuffix(page)
    page, _, query = path.partition("?")
    return urlunsplit((parts.scheme, parts.netloc, base + page, query, ""))


def token_hash(token: str) -> str:
    """The teacher token's SHA-256, as stored (a 192-bit random token needs no slow hash)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _naive(moment: datetime) -> datetime:
    """UTC without zone, as stored (SQLite keeps no zone; PostgreSQL gets the same)."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def _aware(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=UTC)


def _room(row: sa.Row) -> Room:
    return Room(
        row.code,
        _aware(row.created_at),
        _aware(row.expires_at),
        _aware(row.closed_at),
        row.max_digits,
        row.digit_count,
        row.revision,
    )


_MESSAGES = {
    "unknown": "no room has the code {code}: check the code",
    "expired": "room {code} has expired",
    "closed": "room {code} is closed",
    "full": "room {code} is full",
    "forbidden": "only the teacher's link may change room {code}",
}


def _error(reason: str, code: str) -> RoomError:
    return RoomError(reason, _MESSAGES[reason].format(code=code or "(empty)"))


class RoomStore:
    """The rooms and their digits in one database (see :mod:`explainer.db`); safe across threads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # SQLite takes one writer at a time: threads of this process queue on a lock instead of
        # polling the database's lock (its busy handler sleeps up to 100 ms between tries).
        self._one_writer = threading.Lock() if engine.dialect.name == "sqlite" else nullcontext()

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with self._one_writer, db.writing(self.engine) as conn:
            yield conn

    @classmethod
    def open(cls, url: str | None = None) -> RoomStore:
        """The store at ``url`` (default: ``$EXPLAINER_DB_URL`` or the SQLite file), migrated."""
        return cls(db.connect(url))

    def close(self) -> None:
        self.engine.dispose()

    # -- rooms ----------------------------------------------------------------------------------

    def create_room(
        self, settings: RoomSettings = RoomSettings(), now: datetime | None = None
    ) -> NewRoom:
        """Open a new room with a fresh code and teacher token."""
        now = now or utc_now()
        token = secrets.token_urlsafe(TOKEN_BYTES)
        for _ in range(10):  # a clash among 2^40 codes is rare; try again if it happens
            code = new_code()
            try:
                with self._writing() as conn:
                    conn.execute(
                        sa.insert(db.rooms).values(
                            code=code,
                            teacher_hash=token_hash(token),
                            created_at=_naive(now),
                            expires_at=_naive(now + settings.lifetime),
                            max_digits=settings.max_digits,
                        )
                    )
            except sa.exc.IntegrityError:
                continue
            return NewRoom(self.room(code), token)
        raise ExplainerError("could not find a free room code; try again")

    def room(self, code: str) -> Room:
        """The room with this code, whatever its state (RoomError ``unknown`` if none)."""
        with db.reading(self.engine) as conn:
            row = self._row(conn, code)
        return _room(row)

    def open_room(self, code: str, now: datetime | None = None) -> Room:
        """The room, if it still takes digits (else RoomError: unknown, expired or closed)."""
        room = self.room(code)
        state = room.state(now)
        if state != "open":
            raise _error(state, room.code)
        return room

    def is_teacher(self, code: str, token: str | None) -> bool:
        """Whether ``token`` is this room's teacher token."""
        if not token:
            return False
        with db.reading(self.engine) as conn:
            try:
                row = self._row(conn, code)
            except RoomError:
                return False
        return hmac.compare_digest(row.teacher_hash, token_hash(token))

    def close_room(self, code: str, token: str, now: datetime | None = None) -> Room:
        """Close the room: it takes no more digits (its digits stay, for the teacher)."""
        with self._writing() as conn:
            row = self._teacher_row(conn, code, token)
            if row.closed_at is None:
                conn.execute(
                    sa.update(db.rooms)
                    .where(db.rooms.c.id == row.id)
                    .values(closed_at=_naive(now or utc_now()), revision=db.rooms.c.revision + 1)
                )
        return self.room(code)

    def purge_expired(
        self, older_than: timedelta = timedelta(days=7), now: datetime | None = None
    ) -> int:
        """Delete rooms (and their digits) that expired more than ``older_than`` ago; the count."""
        cutoff = _naive((now or utc_now()) - older_than)
        with self._writing() as conn:
            old = sa.select(db.rooms.c.id).where(db.rooms.c.expires_at < cutoff)
            conn.execute(sa.delete(db.room_digits).where(db.room_digits.c.room_id.in_(old)))
            return conn.execute(sa.delete(db.rooms).where(db.rooms.c.expires_at < cutoff)).rowcount

    # -- digits ---------------------------------------------------------------------------------

    def add_digit(
        self,
        code: str,
        image: torch.Tensor | np.ndarray,
        label: int,
        rules: int,
        linear: int,
        cnn: int,
        now: datetime | None = None,
    ) -> int:
        """Store one digit (uint8 [28, 28]) with its label and answers; its id once committed.

        The room's counter is raised in the same transaction, only while the room is open and not
        full: two students sending at once can never push a room past its size.
        """
        pixels = _pixels(image)
        answers = {"label": label, "linear": linear, "cnn": cnn}
        if any(not 0 <= int(v) <= 9 for v in answers.values()) or not -1 <= int(rules) <= 9:
            raise RoomError(
                "bad_digit", f"answers must be digits 0-9: {answers | {'rules': rules}}"
            )
        now = now or utc_now()
        rooms = db.rooms
        with self._writing() as conn:
            claimed = conn.execute(
                sa.update(rooms)
                .where(
                    rooms.c.code == code,
                    rooms.c.closed_at.is_(None),
                    rooms.c.expires_at > _naive(now),
                    rooms.c.digit_count < rooms.c.max_digits,
                )
                .values(digit_count=rooms.c.digit_count + 1, revision=rooms.c.revision + 1)
                .returning(rooms.c.id)
            ).first()
            if claimed is None:
                row = self._row(conn, code)
                state = _room(row).state(now)
                raise _error("full" if state == "open" else state, code)
            return conn.execute(
                sa.insert(db.room_digits)
                .values(
                    room_id=claimed.id,
                    label=int(label),
                    image=pixels,
                    rules=None if int(rules) == classifiers.ABSTAIN else int(rules),
                    linear=int(linear),
                    cnn=int(cnn),
                    created_at=_naive(now),
                )
                .returning(db.room_digits.c.id)
            ).scalar_one()

    def delete_digit(self, code: str, token: str, digit_id: int) -> None:
        """Delete one digit of this room (teacher only)."""
        with self._writing() as conn:
            row = self._teacher_row(conn, code, token)
            table = db.room_digits
            gone = conn.execute(
                sa.delete(table).where(table.c.id == int(digit_id), table.c.room_id == row.id)
            ).rowcount
            if not gone:
                raise RoomError("no_digit", f"room {code} has no digit {digit_id}")
            conn.execute(
                sa.update(db.rooms)
                .where(db.rooms.c.id == row.id)
                .values(digit_count=db.rooms.c.digit_count - 1, revision=db.rooms.c.revision + 1)
            )

    def label_counts(self, code: str) -> list[int]:
        """How many digits of each label 0-9 the room holds."""
        table = db.room_digits
        with db.reading(self.engine) as conn:
            room_id = self._row(conn, code).id
            rows = conn.execute(
                sa.select(table.c.label, sa.func.count())
                .where(table.c.room_id == room_id)
                .group_by(table.c.label)
            ).all()
        counts = [0] * 10
        for label, count in rows:
            counts[label] = count
        return counts

    def digits(self, code: str) -> ClassDigits:
        """All digits of this room, oldest first."""
        table = db.room_digits
        with db.reading(self.engine) as conn:
            room_id = self._row(conn, code).id
            rows = conn.execute(
                sa.select(table).where(table.c.room_id == room_id).order_by(table.c.id)
            ).all()
        return ClassDigits.from_rows(
            ids=[r.id for r in rows],
            images=[r.image for r in rows],
            labels=[r.label for r in rows],
            rules=[classifiers.ABSTAIN if r.rules is None else r.rules for r in rows],
            linear=[r.linear for r in rows],
            cnn=[r.cnn for r in rows],
        )

    # -- helpers --------------------------------------------------------------------------------

    def _row(self, conn: Connection, code: str) -> sa.Row:
        row = conn.execute(sa.select(db.rooms).where(db.rooms.c.code == code)).first()
        if row is None:
            raise _error("unknown", code)
        return row

    def _teacher_row(self, conn: Connection, code: str, token: str) -> sa.Row:
        row = self._row(conn, code)
        if not token or not hmac.compare_digest(row.teacher_hash, token_hash(token)):
            raise _error("forbidden", code)
        return row


def _pixels(image: torch.Tensor | np.ndarray) -> bytes:
    array = image.numpy() if isinstance(image, torch.Tensor) else np.asarray(image)
    if array.shape != (28, 28) or array.dtype != np.uint8:
        raise RoomError(
            "bad_digit", f"a digit is uint8 [28, 28], not {array.dtype} {list(array.shape)}"
        )
    return np.ascontiguousarray(array).tobytes()
