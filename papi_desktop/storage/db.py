"""Engine, pragmas and sessions for one database: a SQLite file (the desktop, a small hub) or a
PostgreSQL database named by a SQLAlchemy URL (a province server).

Both give the same guarantees to the code above: a write session (Database.session) is one
transaction that no other writer interleaves with (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction
advisory lock, READ COMMITTED, so it sees every commit made before it got the lock), readers never
wait for writers and read one snapshot (SQLite WAL; PostgreSQL REPEATABLE READ), foreign keys are
enforced, and a writer that waits longer than busy_timeout_ms() gets busy_error().

A PostgreSQL database should be created with ENCODING 'UTF8' (required: migrate refuses another) and
LC_COLLATE 'C.UTF-8' or 'C', so that ORDER BY on text sorts by code point as SQLite does.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import KnownError
from ..domain.hlc import HybridLogicalClock
from . import audit, changelog
from .dialect import take_writer_lock
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


_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def database_url(target: Path | str | URL) -> URL | None:
    """target as a server URL (postgresql+psycopg://...), or None for a SQLite file (a path, or a
    sqlite:/// URL, which means the same file)."""
    if isinstance(target, Path) or (isinstance(target, str) and not _URL.match(target)):
        return None
    url = make_url(target)
    backend = url.get_backend_name()
    if backend == "sqlite":
        return None
    if backend not in ("postgresql", "postgres"):
        raise KnownError(
            f"Không hỗ trợ loại cơ sở dữ liệu '{backend}': chỉ SQLite và PostgreSQL.",
            f"The database kind '{backend}' is not supported: only SQLite and PostgreSQL.")
    # psycopg 3 is the driver we depend on (SQLAlchemy's default for postgresql:// is psycopg2).
    return url.set(drivername="postgresql+psycopg")


def sqlite_path(target: Path | str | URL) -> Path:
    if isinstance(target, str | URL) and (isinstance(target, URL) or _URL.match(target)):
        return Path(make_url(target).database or "")
    return Path(target)


def make_engine(target: Path | str | URL) -> Engine:
    """An engine for a SQLite file (path) or a PostgreSQL database (URL)."""
    url = database_url(target)
    if url is not None:
        return _server_engine(url)
    path = sqlite_path(target)
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


def _server_engine(url: URL) -> Engine:
    timeout_ms = busy_timeout_ms()
    # Writers are serialised (Database.session), so a pool of a few connections per process suffices;
    # pre_ping: a server restarted under a long-running hub costs one failed ping, not a failed request.
    engine = create_engine(url, pool_pre_ping=True, isolation_level="READ COMMITTED",
                           connect_args={"connect_timeout": 10})

    @event.listens_for(engine, "connect")
    def _settings(dbapi_conn, _record) -> None:  # noqa: ANN001
        dbapi_conn.autocommit = True  # a SET outside any transaction: it holds for the connection's life
        with dbapi_conn.cursor() as cur:
            cur.execute("SET client_encoding = 'UTF8'")
            # The busy timeout: waiting for the writer lock (or a row another writer holds) ends in
            # lock_not_available, turned into busy_error() as SQLite's SQLITE_BUSY is.
            cur.execute(f"SET lock_timeout = {int(timeout_ms)}")
        dbapi_conn.autocommit = False

    return engine


BEGIN_OPTION = "papi_sqlite_begin"
_IMMEDIATE = {BEGIN_OPTION: "IMMEDIATE"}
audit.install(PapiSession, (BEGIN_OPTION, "IMMEDIATE"))  # each commit chains its audit entries
_LOCK_NOT_AVAILABLE = "55P03"


class NotLoggedIn(KnownError):
    """A database with accounts used before a login."""


def busy_error() -> KnownError:
    return KnownError(
        "Một thao tác ghi khác (ví dụ một lần nhập dữ liệu hoặc xuất báo cáo) đang chạy trên cùng cơ sở dữ liệu này "
        "và chưa xong. Hãy đợi nó xong rồi làm lại; chưa có dữ liệu nào được ghi.",
        "Another write (for example an import or a report export) is running on the same database and has not "
        "finished. Wait for it to finish and try again; nothing was written.")


def _is_busy(exc: OperationalError) -> bool:
    if getattr(exc.orig, "sqlstate", None) == _LOCK_NOT_AVAILABLE:
        return True
    text = str(exc.orig).lower()
    return "locked" in text or "busy" in text


class Database:
    """One open database: engine, session factory, clock, acting user and owning unit.

    target is a SQLite file's path, or a URL: postgresql+psycopg://user:password@host:port/dbname
    (postgresql:// means the same; sqlite:///path means the file). path is the SQLite file, None on
    a server."""

    def __init__(self, target: Path | str | URL, engine: Engine | None = None) -> None:
        url = database_url(target)
        self.url: URL | None = url
        self.path: Path | None = None if url is not None else sqlite_path(target)
        self.engine = engine or make_engine(url if url is not None else self.path)  # type: ignore[arg-type]
        self._factory = sessionmaker(self.engine, class_=PapiSession, expire_on_commit=False)
        # PostgreSQL readers read one snapshot, as a SQLite read transaction does.
        self._reading = (self.engine.execution_options(isolation_level="REPEATABLE READ") if url is not None
                         else self.engine)
        self._read_factory = sessionmaker(self._reading, class_=PapiSession, expire_on_commit=False)
        self.user = ""
        self.user_id = ""  # the account's id once there are accounts (issue 13 §1): the audit trail's actor_id
        self.role = ""  # the account's role (domain/roles.py); "" on a database without accounts
        self.locked = False  # True from opening a database with accounts until a login (services.accounts)
        self.unit_code = ""
        self.clock = HybridLogicalClock(self._node_id())
        with self._factory() as session:
            last = session.scalar(select(func.max(ChangeLog.hlc)))
        if last:
            self.clock.observe(last)
        audit.apply_pending(self)  # an entry left for this database (a restore's)

    def _node_id(self) -> str:
        with self._factory() as session:  # a plain read: opening never waits for another process's write
            row = session.get(LocalSetting, "node_id")
            if row is not None:
                return row.value
        with self._factory() as session, session.begin():
            # two processes starting at once make one id
            take_writer_lock(session.connection(execution_options=_IMMEDIATE))
            row = session.get(LocalSetting, "node_id")
            if row is None:
                row = LocalSetting(key="node_id", value=uuid.uuid4().hex[:12])
                session.add(row)
            return row.value

    def _check_open(self) -> None:
        if self.locked:
            raise NotLoggedIn("Chưa đăng nhập: hãy đăng nhập bằng tài khoản của mình.",
                              "Not logged in: log in with your account first.")

    @contextmanager
    def session(self, scope: str | None = None, unlocked: bool = False) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back everything on any error.

        It starts with BEGIN IMMEDIATE, so what it reads to decide (is this row already there? the next
        free number?) and what it writes are one transaction: a second writer in another process waits
        for the first (up to the busy timeout, then busy_error()) and then sees its rows. Never open
        one inside another in the same thread: the inner one would wait for the outer.

        scope (PostgreSQL only; SQLite has one writer whatever it is): a writer that reads to decide
        only about the records of one scope, e.g. a commune's code for an import of its bundle, runs
        beside writers of other scopes and waits only for its own scope's and for unscoped writers
        (storage.dialect.take_writer_lock). What two scopes share must then be guarded by the
        database itself: unique keys, and the device sequence's lock (changelog.Origin).

        unlocked: services.accounts' own reads and writes (a login) on a database not logged in yet."""
        if not unlocked:
            self._check_open()
        session = self._factory(info={"clock": self.clock, "user": self.user, "user_id": self.user_id,
                                      "unit_code": self.unit_code})
        try:
            with session.begin():
                try:
                    take_writer_lock(session.connection(execution_options=_IMMEDIATE), scope)
                except OperationalError as exc:  # psycopg's lock_not_available is one too
                    if _is_busy(exc):
                        raise busy_error() from None
                    raise
                yield session
        finally:
            session.close()

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql": for the few places that must write different SQL."""
        return self.engine.dialect.name

    @contextmanager
    def reader(self, unlocked: bool = False) -> Iterator[Session]:
        """A read-only session (no commit); cheap for table models. unlocked: as session()'s."""
        if not unlocked:
            self._check_open()
        info = {"clock": self.clock, "user": self.user, "unit_code": self.unit_code}
        session = self._read_factory(info=info)
        try:
            yield session
        finally:
            session.close()  # ends the read transaction; loaded objects stay readable

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A pooled connection for read-only SQL where an ORM session would cost more than the query
        (list pages, searches); the read transaction ends when the block does."""
        self._check_open()
        with self._reading.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
