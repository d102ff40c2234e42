"""Start-up migration: integrity check, refuse a newer database, back up, upgrade to head."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from ..domain.errors import KnownError
from . import db_errors

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions. Start-up compares the database with it directly and
# imports Alembic (0.3 s) only when an upgrade is due; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0010"


def include_name(name: str | None, type_: str, _parents: dict) -> bool:
    """Full-text tables (and FTS5's shadow tables) are made by hand in migrations, not from models."""
    return not (type_ == "table" and name is not None and "_fts" in name)


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


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
                            ).scalar():
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


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
    with engine.connect() as conn:
        result = conn.execute(text("PRAGMA quick_check")).scalar()
    if result != "ok":
        db_file = engine.url.database
        raise db_errors.damaged(Path(db_file) if db_file else None, " ".join(str(result).split())[:200])


def upgrade(engine: Engine, db_path: Path, backup_dir: Path) -> Path | None:
    """Bring the database to the head revision. Returns the backup made, if any."""
    check_integrity(engine)
    if current_revision(engine) == SCHEMA_HEAD:
        return None
    from alembic import command  # noqa: PLC0415
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    current = current_revision(engine)
    head = script.get_current_head()
    if current is not None and current not in known:
        raise KnownError(
            f"Cơ sở dữ liệu này được tạo bởi một phiên bản PAPI Desktop mới hơn (phiên bản CSDL {current}). "
            "Hãy cài phiên bản mới nhất của chương trình; dữ liệu không bị thay đổi.",
            f"This database was made by a newer PAPI Desktop (schema {current}). "
            "Install the latest version of the program; the data was not changed.",
        )
    if current == head:
        return None
    backup = None
    if current is None and inspect(engine).get_table_names():
        raise KnownError(
            "Tệp này không phải cơ sở dữ liệu PAPI Desktop. Hãy chọn thư mục dữ liệu khác.",
            "This file is not a PAPI Desktop database. Choose another data folder.",
        )
    if current is not None:
        backup = backup_file(db_path, backup_dir, f"v{current}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
