"""Migrations from an empty database, pragmas, backups before upgrade, refusal of newer databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from pg import open_database
from sqlalchemy import text

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.services import setup
from papi_desktop.storage import migrate
from papi_desktop.storage.db import make_engine


def test_empty_database_is_migrated_to_head(data_dir: Path) -> None:
    db = setup.open_database()
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.engine.connect() as conn:
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
            assert {"plan", "plan_section", "task", "milestone", "progress_update", "evidence", "indicator",
                    "indicator_value", "change_log", "commune_profile", "local_setting"} <= tables
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        db.dispose()
    assert not paths.backups_dir().exists() or not list(paths.backups_dir().iterdir())  # nothing to back up


def test_older_database_is_backed_up_then_upgraded(data_dir: Path) -> None:
    db_file = paths.db_path()
    engine = make_engine(db_file)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO local_setting(key, value) VALUES ('marker', 'kept')"))
    engine.dispose()

    db = setup.open_database()
    db.dispose()
    backups = list(paths.backups_dir().glob("papi_v0001_*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert old.execute("SELECT value FROM local_setting WHERE key='marker'").fetchone()[0] == "kept"
    with sqlite3.connect(db_file) as new:
        assert new.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
        assert new.execute("SELECT value FROM local_setting WHERE key='marker'").fetchone()[0] == "kept"


def test_newer_database_is_refused_and_left_alone(data_dir: Path) -> None:
    setup.open_database().dispose()
    db_file = paths.db_path()
    with sqlite3.connect(db_file) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    before = db_file.read_bytes()
    with pytest.raises(KnownError) as err:
        setup.open_database()
    assert "mới hơn" in err.value.vi and "newer" in err.value.en
    assert db_file.read_bytes() == before


def test_newer_postgresql_database_is_refused_and_left_alone(pg_url: str) -> None:
    open_database(pg_url).dispose()
    engine = make_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num='9999_from_the_future'"))
        with pytest.raises(KnownError) as err:
            open_database(pg_url)
        assert "newer" in err.value.en
        assert migrate.current_revision(engine) == "9999_from_the_future"
    finally:
        engine.dispose()


def test_foreign_sqlite_file_is_refused(data_dir: Path) -> None:
    with sqlite3.connect(paths.db_path()) as conn:
        conn.execute("CREATE TABLE something_else(x)")
    with pytest.raises(KnownError, match="không phải cơ sở dữ liệu PAPI"):
        setup.open_database()


def test_corrupt_database_is_reported(data_dir: Path) -> None:
    setup.open_database().dispose()
    db_file = paths.db_path()
    raw = bytearray(db_file.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # smash the first page's b-tree
    db_file.write_bytes(bytes(raw))
    with pytest.raises(Exception) as err:  # noqa: PT011 - KnownError or sqlite's DatabaseError
        setup.open_database()
    assert isinstance(err.value, KnownError) or "malformed" in str(err.value) or "not a database" in str(err.value)


def test_schema_head_constant_matches_alembic() -> None:
    assert migrate.SCHEMA_HEAD == migrate.head_revision()


def test_models_and_migrations_agree(data_dir: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from papi_desktop.storage.models import Base

    db = setup.open_database()
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": migrate.include_name})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.dispose()


def test_existing_commune_keeps_its_profile_through_0006(target: Path | str) -> None:
    """0006 adds two required columns to commune_profile: existing rows get their defaults."""
    engine = make_engine(target)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.execute(text(
            "INSERT INTO commune_profile(id, unit_code, row_version, created_hlc, updated_hlc, updated_by, deleted, "
            "unit_name, unit_type, chairman_name, chairman_title, vice_chairman_name, vice_chairman_title, "
            "officer_name, officer_title, is_demo) VALUES ('p1', '03985', 1, '', '', '', false, 'Xã Chiềng Sơn', "
            "'xa', 'Lò Văn Minh', 'Chủ tịch', '', 'Phó Chủ tịch', '', '', false)"))
    engine.dispose()
    db = open_database(target)
    try:
        profile = setup.get_profile(db)
        assert profile is not None and profile.unit_name == "Xã Chiềng Sơn"
        assert (profile.has_loudspeaker, profile.has_portal) == (True, False)
    finally:
        db.dispose()


def test_a_communes_registers_are_read_by_commune_and_date(data_dir: Path) -> None:
    """At the province, one commune's book of a period (and a period's totals by commune) are read by
    the (unit, date) indexes of migration 0016, not by the date alone across every commune."""
    from datetime import date

    from sqlalchemy import select

    from papi_desktop.storage.registers import Dialogue, Petition, Reception

    db = setup.open_database()
    try:
        with db.engine.connect() as conn:
            for model, day, index in ((Reception, Reception.received_on, "ix_reception_unit_received"),
                                      (Petition, Petition.received_on, "ix_petition_unit_received"),
                                      (Dialogue, Dialogue.held_on, "ix_dialogue_unit_held")):
                query = select(model.id).where(model.unit_code == "03646", model.deleted.is_(False),
                                               day.between(date(2025, 1, 1), date(2025, 12, 31)))
                sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
                steps = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
                assert f"USING INDEX {index}" in steps, steps
    finally:
        db.dispose()
