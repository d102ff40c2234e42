"""Start-up migration: integrity check, refuse a newer database, back up, upgrade to head.

On PostgreSQL the same revisions run (storage.dialect gives each its PostgreSQL DDL); there is no
file to copy, and none is needed for safety: PostgreSQL runs the whole upgrade in one transaction,
so a failed upgrade leaves the database as it was (backing up a server is pg_dump's work)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from ..domain.errors import KnownError
from . import db_errors, dialect

if TYPE_CHECKING:
    from alembic.config import Config

    from .db import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions. Start-up compares the database with it directly and
# imports Alembic (0.3 s) only when an upgrade is due; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0016"


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Full-text tables (and FTS5's shadow tables) on SQLite, trigram indexes on PostgreSQL, are made
    by hand in migrations, not from models."""
    if name is None:
        return True
    return not ((type_ == "table" and "_fts" in name) or (type_ == "index" and name.endswith("_search_trgm")))


def alembic_config() -> Config:
    from alembic.config import Config  # noqa: PLC0415

    cfg = Config()
    # From the package path, never the working directory: works installed and frozen.
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine | Connection) -> str | None:
    with _connected(engine) as conn:
        exists = ("SELECT to_regclass('alembic_version') IS NOT NULL" if dialect.is_postgresql(conn) else
                  "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        if not conn.execute(text(exists)).scalar():
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


@contextmanager
def _connected(bind: Engine | Connection) -> Iterator[Connection]:
    if isinstance(bind, Connection):
        yield bind
    else:
        with bind.connect() as conn:
            yield conn


def backup_file(db_path: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL), named for the revision."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"papi_{label}_{stamp}.db"
    src = sqlite3.connect(str(db_path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def check_integrity(engine: Engine) -> None:
    if dialect.is_postgresql(engine):
        _check_server(engine)
        return
    with engine.connect() as conn:
        result = conn.execute(text("PRAGMA quick_check")).scalar()
    if result != "ok":
        db_file = engine.url.database
        raise db_errors.damaged(Path(db_file) if db_file else None, " ".join(str(result).split())[:200])


def _check_server(engine: Engine) -> None:
    """A PostgreSQL database holds Vietnamese text only in UTF-8 (SQL_ASCII would take any bytes)."""
    with engine.connect() as conn:
        encoding = conn.exec_driver_sql("SHOW server_encoding").scalar()
    if encoding != "UTF8":
        raise KnownError(
            f"Cơ sở dữ liệu PostgreSQL này dùng bảng mã {encoding}; PAPI Desktop cần UTF8. Hãy tạo cơ sở dữ "
            "liệu với ENCODING 'UTF8' (và LC_COLLATE 'C.UTF-8').",
            f"This PostgreSQL database uses the {encoding} encoding; PAPI Desktop needs UTF8. Create the "
            "database with ENCODING 'UTF8' (and LC_COLLATE 'C.UTF-8').")


def _newer(current: str) -> KnownError:
    return KnownError(
        f"Cơ sở dữ liệu này được tạo bởi một phiên bản PAPI Desktop mới hơn (phiên bản CSDL {current}). "
        "Hãy cài phiên bản mới nhất của chương trình; dữ liệu không bị thay đổi.",
        f"This database was made by a newer PAPI Desktop (schema {current}). "
        "Install the latest version of the program; the data was not changed.",
    )


def upgrade(engine: Engine, db_path: Path | None, backup_dir: Path | None,
            make_backup: Callable[[Path, str], Path] | None = None) -> Path | None:
    """Bring the database to the head revision. Returns the backup made, if any (SQLite only: on
    PostgreSQL db_path and backup_dir are not used). make_backup(db_path, label) replaces the plain copy
    (services.backup.for_migration encrypts it)."""
    check_integrity(engine)
    if current_revision(engine) == SCHEMA_HEAD:
        return None
    if dialect.is_postgresql(engine):
        _upgrade_server(engine)
        return None
    from alembic import command  # noqa: PLC0415
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    current = current_revision(engine)
    head = script.get_current_head()
    if current is not None and current not in known:
        raise _newer(current)
    if current == head:
        return None
    backup = None
    if current is None and inspect(engine).get_table_names():
        raise KnownError(
            "Tệp này không phải cơ sở dữ liệu PAPI Desktop. Hãy chọn thư mục dữ liệu khác.",
            "This file is not a PAPI Desktop database. Choose another data folder.",
        )
    assert db_path is not None and backup_dir is not None
    if current is not None:
        backup = (make_backup or (lambda path, label: backup_file(path, backup_dir, label)))(db_path, f"v{current}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def _upgrade_server(engine: Engine) -> None:
    """The upgrade in one transaction that holds the writer lock: two hub processes starting at once
    upgrade once (the second finds head), and no write session runs beside it."""
    from alembic import command  # noqa: PLC0415
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    with engine.begin() as conn:
        dialect.take_writer_lock(conn)
        current = current_revision(conn)
        if current is not None and current not in known:
            raise _newer(current)
        if current == script.get_current_head():
            return
        if current is None and inspect(conn).get_table_names():
            raise KnownError(
                "Cơ sở dữ liệu PostgreSQL này đã có bảng của một chương trình khác, không phải của PAPI Desktop. "
                "Hãy dùng một cơ sở dữ liệu trống.",
                "This PostgreSQL database already holds another program's tables, not PAPI Desktop's. "
                "Use an empty database.")
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_upgraded(target: Path | str, backup_dir: Path | None = None) -> Database:
    """Open a database brought to head: a SQLite file (backup_dir required: the copy made before an
    upgrade goes there) or a PostgreSQL URL. The caller sets db.user and db.unit_code; services.setup
    does this and more for the desktop."""
    from .db import Database, database_url, make_engine, sqlite_path  # noqa: PLC0415 - keeps migrate light

    on_server = database_url(target) is not None
    if not on_server and backup_dir is None:
        raise ValueError("a SQLite database is opened with a backup folder")
    engine = make_engine(target)
    try:
        upgrade(engine, None if on_server else sqlite_path(target), backup_dir)
    except Exception:
        engine.dispose()
        raise
    return Database(target, engine)
