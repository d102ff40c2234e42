"""Engine, SQLite pragmas and sessions for one database file."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import KnownError
from ..domain.hlc import HybridLogicalClock
from . import changelog
from .models import ChangeLog, LocalSetting


class PapiSession(Session):
    """Our session class: the change-log hook is attached to it, not to every Session."""


changelog.install(PapiSession)


def busy_timeout_ms() -> int:
    """How long a writer waits for another process's write lock: 30 s, or PAPI_BUSY_TIMEOUT_MS (tests; a
    slow shared folder)."""
    try:
        return max(0, int(os.environ.get("PAPI_BUSY_TIMEOUT_MS", "30000")))
    except ValueError:
        return 30000


def make_engine(path: Path) -> Engine:
    timeout_ms = busy_timeout_ms()
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": timeout_ms / 1000},
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
        # We emit BEGIN ourselves (the "begin" hook below): pysqlite's own BEGIN comes only before DML, so a
        # check (SELECT) and the insert it decides were never in one transaction (SQLAlchemy's SQLite
        # documentation, "Enabling Non-Legacy SQLite Transactional Modes").
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        cur.execute("PRAGMA synchronous=FULL")  # communes lose power: every commit reaches the disk
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={timeout_ms}")
        # 32 MiB of page cache (default 2): a list page and its citizens touch ~3 MB of scattered
        # pages in a 100,000-visit book; with the default they evict each other on every search.
        cur.execute("PRAGMA cache_size=-32768")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # IMMEDIATE takes the write lock at once: two writers queue (busy timeout) instead of both
        # reading "not there yet" and both inserting. Readers and migrations get a plain BEGIN.
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get(BEGIN_OPTION, 'DEFERRED')}")

    return engine


BEGIN_OPTION = "papi_sqlite_begin"
_IMMEDIATE = {BEGIN_OPTION: "IMMEDIATE"}


def busy_error() -> KnownError:
    return KnownError(
        "Một thao tác ghi khác (ví dụ một lần nhập dữ liệu hoặc xuất báo cáo) đang chạy trên cùng cơ sở dữ liệu này "
        "và chưa xong. Hãy đợi nó xong rồi làm lại; chưa có dữ liệu nào được ghi.",
        "Another write (for example an import or a report export) is running on the same database and has not "
        "finished. Wait for it to finish and try again; nothing was written.")


def _is_busy(exc: OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "locked" in text or "busy" in text


class Database:
    """One open database: engine, session factory, clock, acting user and owning unit."""

    def __init__(self, path: Path, engine: Engine | None = None) -> None:
        self.path = Path(path)
        self.engine = engine or make_engine(self.path)
        self._factory = sessionmaker(self.engine, class_=PapiSession, expire_on_commit=False)
        self.user = ""
        self.unit_code = ""
        self.clock = HybridLogicalClock(self._node_id())
        with self._factory() as session:
            last = session.scalar(select(func.max(ChangeLog.hlc)))
        if last:
            self.clock.observe(last)

    def _node_id(self) -> str:
        with self._factory() as session:  # a plain read: opening never waits for another process's write
            row = session.get(LocalSetting, "node_id")
            if row is not None:
                return row.value
        with self._factory() as session, session.begin():
            session.connection(execution_options=_IMMEDIATE)  # two processes starting at once make one id
            row = session.get(LocalSetting, "node_id")
            if row is None:
                row = LocalSetting(key="node_id", value=uuid.uuid4().hex[:12])
                session.add(row)
            return row.value

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back everything on any error.

        It starts with BEGIN IMMEDIATE, so what it reads to decide (is this row already there? the next
        free number?) and what it writes are one transaction: a second writer in another process waits
        for the first (up to the busy timeout, then busy_error()) and then sees its rows. Never open
        one inside another in the same thread: the inner one would wait for the outer."""
        session = self._factory(info={"clock": self.clock, "user": self.user, "unit_code": self.unit_code})
        try:
            with session.begin():
                try:
                    session.connection(execution_options=_IMMEDIATE)
                except OperationalError as exc:
                    if _is_busy(exc):
                        raise busy_error() from None
                    raise
                yield session
        finally:
            session.close()

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session (no commit); cheap for table models."""
        session = self._factory(info={"clock": self.clock, "user": self.user, "unit_code": self.unit_code})
        try:
            yield session
        finally:
            session.close()  # ends the read transaction; loaded objects stay readable

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A pooled connection for read-only SQL where an ORM session would cost more than the query
        (list pages, searches); the read transaction ends when the block does."""
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
