"""The rooms' database: SQLite in a file by default, PostgreSQL when ``EXPLAINER_DB_URL`` is set.

Both run the same SQLAlchemy Core tables and the same migrations. SQLite gets write-ahead logging
(readers never wait for the writer), ``synchronous=FULL`` (a commit is on disk before it returns,
so an acknowledged digit survives a killed server) and ``BEGIN IMMEDIATE`` for writes (a writer
takes the lock up front and waits its turn, instead of failing half-way with "database is locked").

The migrations are a list of steps; the database remembers how many ran (``rooms_schema``). A new
release appends a step and never changes an old one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from explainer import data
from explainer.errors import ExplainerError

DB_URL_ENV = "EXPLAINER_DB_URL"
SQLITE_NAME = "rooms.sqlite3"
BUSY_TIMEOUT_S = 30.0
_WRITE = "explainer_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)
_MIGRATION_LOCK = 716_254_001  # PostgreSQL advisory lock id: one migrating process at a time

metadata = sa.MetaData()

schema = sa.Table("rooms_schema", metadata, sa.Column("version", sa.Integer, nullable=False))

rooms = sa.Table(
    "rooms",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(16), nullable=False, unique=True),
    sa.Column("teacher_hash", sa.String(64), nullable=False),  # SHA-256 of the teacher token
    sa.Column("created_at", sa.DateTime, nullable=False),  # UTC, without zone
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Column("closed_at", sa.DateTime, nullable=True),
    sa.Column("max_digits", sa.Integer, nullable=False),
    sa.Column("digit_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("revision", sa.Integer, nullable=False, server_default="0"),  # +1 on every change
)

room_digits = sa.Table(
    "room_digits",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("room_id", sa.Integer, sa.ForeignKey("rooms.id", ondelete="CASCADE"), nullable=False),
    sa.Column("label", sa.SmallInteger, nullable=False),  # the digit the student was asked for
    sa.Column("image", sa.LargeBinary, nullable=False),  # 784 bytes: uint8 28x28, white on black
    sa.Column("rules", sa.SmallInteger, nullable=True),  # NULL: the rules abstained
    sa.Column("linear", sa.SmallInteger, nullable=False),
    sa.Column("cnn", sa.SmallInteger, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.CheckConstraint("label BETWEEN 0 AND 9", name="label_is_a_digit"),
    sa.Index("room_digits_by_room", "room_id", "id"),
)


def _create_v1(conn: Connection) -> None:
    # The tables as they are above. When a later step changes them, write out here the CREATE
    # TABLE statements of version 1 instead, so an empty database still passes through every step.
    metadata.create_all(conn, tables=[rooms, room_digits])


# Step i brings the schema from version i to i + 1. Append only.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_create_v1,)
SCHEMA_VERSION = len(MIGRATIONS)


def database_url(environ: dict[str, str] | None = None) -> str:
    """``$EXPLAINER_DB_URL``, else a SQLite file in the data folder (``$EXPLAINER_DATA_DIR``)."""
    environ = os.environ if environ is None else environ
    url = environ.get(DB_URL_ENV, "").strip()
    if url:
        return url
    return f"sqlite:///{data.default_data_dir() / SQLITE_NAME}"


def _driver_url(url: str) -> sa.URL:
    """Parse ``url``; plain ``postgresql://`` (or ``postgres://``) uses psycopg 3."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise ExplainerError(
            f"{DB_URL_ENV} is not a database URL: expected e.g. postgresql://user@host/db"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ExplainerError(
            f"unsupported database {parsed.drivername!r}: use SQLite or PostgreSQL"
        )
    return parsed


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we send BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(conn: Connection) -> None:
        writes = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def connect(url: str | None = None) -> Engine:
    """An engine for ``url`` (default: :func:`database_url`), its schema migrated to the latest."""
    parsed = _driver_url(url or database_url())
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ExplainerError(f"cannot create {path.parent}: {error.strerror}") from None
        engine = sa.create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_S})
        _tune_sqlite(engine)
    else:
        engine = sa.create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    try:
        migrate(engine)
    except sa.exc.OperationalError as error:
        engine.dispose()
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise ExplainerError(f"cannot open the rooms database: {reason}") from None
    return engine


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes: committed on leaving, rolled back on an exception."""
    with engine.execution_options(**{_WRITE: True}).begin() as conn:
        yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction: one consistent view of the data."""
    with engine.begin() as conn:
        yield conn


def schema_version(conn: Connection) -> int:
    """How many migrations this database has run (0 for an empty one)."""
    if not sa.inspect(conn).has_table(schema.name):
        return 0
    return int(conn.execute(sa.select(schema.c.version)).scalar_one_or_none() or 0)


def migrate(engine: Engine) -> int:
    """Run the migrations this database has not run yet, in one transaction; return the version.

    Two processes starting at once take turns: PostgreSQL through an advisory lock, SQLite
    through its write lock.
    """
    with writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK})
        version = schema_version(conn)
        if version > SCHEMA_VERSION:
            raise ExplainerError(
                f"the rooms database has schema version {version}, newer than this app's "
                f"{SCHEMA_VERSION}: update the app"
            )
        if version == SCHEMA_VERSION:
            return version
        metadata.create_all(conn, tables=[schema])
        for step in MIGRATIONS[version:]:
            step(conn)
        conn.execute(sa.delete(schema))
        conn.execute(sa.insert(schema).values(version=SCHEMA_VERSION))
    return SCHEMA_VERSION
