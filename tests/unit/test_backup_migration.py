"""Before a migration: an encrypted backup when the backup key exists (migrate's plain copy otherwise), and
a backup of an older schema restores and is upgraded when the database is opened again."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from alembic import command
from test_backup import PASS, names, visit

from papi_desktop import paths
from papi_desktop.services import backup, setup
from papi_desktop.storage import migrate
from papi_desktop.storage.db import make_engine


def _older(db_file: Path, revision: str) -> None:
    """The database taken back to an older schema, as a PC still on an older release has it."""
    engine = make_engine(db_file)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()


def _upgrade(db_file: Path) -> Path | None:
    engine = make_engine(db_file)
    try:
        return migrate.upgrade(engine, db_file, paths.backups_dir(), make_backup=backup.for_migration)
    finally:
        engine.dispose()


def test_the_backup_before_a_migration_is_encrypted_and_restores_an_older_schema(db) -> None:  # noqa: ANN001
    visit(db, "Lò Văn Một", "014190000001")
    backup.create(db, PASS)
    db.dispose()
    db_file = paths.db_path()
    _older(db_file, "0009")
    made = _upgrade(db_file)
    assert made is not None and made.name.endswith("-before-migration.age") and made.parent == paths.backups_dir()
    assert not list(paths.backups_dir().glob("papi_v*.db"))  # no plain copy beside it
    assert b"SQLite format 3" not in made.read_bytes()
    manifest = backup.verify(made, PASS)
    assert manifest.schema == "0009" and manifest.reason == "before-migration"
    with contextlib.closing(sqlite3.connect(db_file)) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.SCHEMA_HEAD

    current = setup.open_database(user="tester")
    visit(current, "Cầm Thị Hai", "014190000002")
    backup.restore(made, PASS, current)  # back to the older schema
    with contextlib.closing(sqlite3.connect(db_file)) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0009"
    reopened = setup.open_database(user="tester")  # upgraded on opening, as a newer release does
    try:
        assert migrate.current_revision(reopened.engine) == migrate.SCHEMA_HEAD
        assert names(reopened) == ["Lò Văn Một"]
    finally:
        reopened.dispose()


def test_without_a_backup_key_the_plain_copy_is_made_as_before(db) -> None:  # noqa: ANN001
    db.dispose()
    _older(paths.db_path(), "0009")
    made = _upgrade(paths.db_path())
    assert made is not None and made.name.startswith("papi_v0009_") and made.suffix == ".db"
