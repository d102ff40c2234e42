"""Engine, SQLite pragmas and sessions for one database file."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.orm import Session, sessionmaker

from ..domain.hlc import HybridLogicalClock
from . import changelog
from .models import ChangeLog, LocalSetting


class PapiSession(Session):
    """Our session class: the change-log hook is attached to it, not to every Session."""


changelog.install(PapiSession)


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": 30},
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        cur.execute("PRAGMA synchronous=FULL")  # communes lose power: every commit reaches the disk
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        # 32 MiB of page cache (default 2): a list page and its citizens touch ~3 MB of scattered
        # pages in a 100,000-visit book; with the default they evict each other on every search.
        cur.execute("PRAGMA cache_size=-32768")
        cur.close()

    return engine


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
        with self._factory() as session, session.begin():
            row = session.get(LocalSetting, "node_id")
            if row is None:
                row = LocalSetting(key="node_id", value=uuid.uuid4().hex[:12])
                session.add(row)
            return row.value

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back everything on any error."""
        session = self._factory(info={"clock": self.clock, "user": self.user, "unit_code": self.unit_code})
        try:
            with session.begin():
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
