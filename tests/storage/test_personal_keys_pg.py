"""personal_seal's keys on PostgreSQL: store_keys sends them as one COPY (text and bytes, read as the
INSERT reads them), keys_of looks them up in one statement (the ids one array parameter); the rows, the
keys read back and the error on a record that already has a key are the INSERT's. SQLite: the INSERT and
the chunked look-up, as before."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pg import _pg_head_template, pg_head_url, pg_server  # noqa: F401 - fixtures
from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError

from papi_desktop.storage import migrate, personal_seal
from papi_desktop.storage.db import make_engine

ODD = [b"\x00" * 32, b"\\" * 32, b"\t\n\r\\N" * 6 + b"\xff\x00", bytes(range(32)), bytes(range(224, 256))]


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "postgresql":
        made = make_engine(request.getfixturevalue("pg_head_url"))
    else:
        made = make_engine(tmp_path / "papi.db")
        migrate.upgrade(made, tmp_path / "papi.db", tmp_path / "backups")
    try:
        yield made
    finally:
        made.dispose()


@pytest.fixture
def pg_engine(pg_head_url: str) -> Iterator[Engine]:  # noqa: F811 - the fixture
    made = make_engine(pg_head_url)
    try:
        yield made
    finally:
        made.dispose()


def _statements(engine: Engine) -> list[str]:
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda *a: seen.append(a[2]) if "personal_key" in a[2] else None)
    return seen


def _copies(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of rows of each COPY store_keys sends."""
    sent: list[int] = []
    real = personal_seal.dialect.copy_rows

    def copy_rows(conn: Any, table: str, columns: Any, rows: Any) -> None:
        rows = list(rows)
        sent.append(len(rows))
        real(conn, table, columns, rows)

    monkeypatch.setattr(personal_seal.dialect, "copy_rows", copy_rows)
    return sent


def _rows(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [(t, r, bytes(k), len(at)) for t, r, k, at in conn.exec_driver_sql(
            "SELECT table_name, record_id, key, created_at FROM personal_key ORDER BY table_name, record_id")]


def test_the_column_types_are_copyable() -> None:
    assert personal_seal._key_columns_copyable()


def test_store_and_look_up(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    pg = engine.dialect.name == "postgresql"
    copies = _copies(monkeypatch)
    made = {f"r{i:05d}": os.urandom(32) for i in range(1234)}
    made.update({f"odd{i}": key for i, key in enumerate(ODD)})
    with engine.begin() as conn:
        assert personal_seal.store_keys(conn, "reception", made) is made
        assert personal_seal.store_keys(conn, "reception", {}) == {}
        personal_seal.store_keys(conn, "petition", {"r00001": b"k" * 32})
    assert copies == ([len(made), 1] if pg else [])
    assert _rows(engine) == sorted([("petition", "r00001", b"k" * 32, 25)]
                                   + [("reception", r, k, 25) for r, k in made.items()])
    seen = _statements(engine)
    with engine.connect() as conn:
        wanted = [*made, "r00001", "missing", *made]  # repeated, one not there
        found = personal_seal.keys_of(conn, "reception", wanted)
        assert found == made and all(type(k) is bytes for k in found.values())
        assert len(seen) == (1 if pg else 3)  # 1,240 ids: one array, or chunks of 500
        assert personal_seal.keys_of(conn, "petition", ["r00001", "r00002"]) == {"r00001": b"k" * 32}
        seen.clear()
        assert personal_seal.keys_of(conn, "reception", []) == {}
        assert seen == []
        assert personal_seal.keys_of(conn, "village", list(made)) == {}


def test_copy_stores_what_insert_stores(pg_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    made = {f"r{i}": key for i, key in enumerate([*ODD, os.urandom(32)])}
    with pg_engine.begin() as conn:
        personal_seal.store_keys(conn, "reception", made)
    copied = _rows(pg_engine)
    with pg_engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM personal_key")
    monkeypatch.setattr(personal_seal, "_copyable", lambda rows: False)
    seen = _statements(pg_engine)
    with pg_engine.begin() as conn:
        personal_seal.store_keys(conn, "reception", made)
    assert any(s.startswith("INSERT INTO personal_key") for s in seen)
    assert _rows(pg_engine) == copied


def test_other_values_go_by_insert(pg_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """A key that is not bytes (a memoryview, a bytearray): not sent to COPY; stored as the INSERT stores it."""
    copies = _copies(monkeypatch)
    seen = _statements(pg_engine)
    with pg_engine.begin() as conn:
        personal_seal.store_keys(conn, "reception", {"a": memoryview(b"m" * 32), "b": b"b" * 32})  # type: ignore[dict-item]
        personal_seal.store_keys(conn, "reception", {"c": bytearray(b"c" * 32)})  # type: ignore[dict-item]
    assert copies == []
    assert sum(s.startswith("INSERT INTO personal_key") for s in seen) == 2
    assert [(r, k) for _t, r, k, _at in _rows(pg_engine)] == [("a", b"m" * 32), ("b", b"b" * 32), ("c", b"c" * 32)]


@pytest.mark.parametrize("copy", [True, False])
def test_a_key_already_there_raises_integrity_error(pg_engine: Engine, monkeypatch: pytest.MonkeyPatch,
                                                    copy: bool) -> None:
    """COPY and INSERT alike: SQLAlchemy's IntegrityError over psycopg's UniqueViolation, the transaction
    then failed until rolled back to a savepoint, nothing of the refused run stored."""
    import psycopg  # noqa: PLC0415

    if not copy:
        monkeypatch.setattr(personal_seal, "_copyable", lambda rows: False)
    copies = _copies(monkeypatch)
    with pg_engine.begin() as conn:
        personal_seal.store_keys(conn, "reception", {"a": b"a" * 32})
    with pg_engine.connect() as conn, conn.begin():
        personal_seal.store_keys(conn, "reception", {"b": b"b" * 32})  # in this transaction
        point = conn.begin_nested()
        for taken in ("a", "b"):
            with pytest.raises(IntegrityError) as raised:
                personal_seal.store_keys(conn, "reception", {"new": b"n" * 32, taken: b"x" * 32})
            assert isinstance(raised.value.orig, psycopg.errors.UniqueViolation)
            assert raised.value.statement.startswith("COPY personal_key" if copy else "INSERT INTO personal_key")
            with pytest.raises(DBAPIError) as failed:
                conn.exec_driver_sql("SELECT 1")
            assert isinstance(failed.value.orig, psycopg.errors.InFailedSqlTransaction)
            point.rollback()
            point = conn.begin_nested()
        point.commit()
        assert personal_seal.keys_of(conn, "reception", ["a", "b", "new"]) == {"a": b"a" * 32, "b": b"b" * 32}
    assert copies == ([1, 1, 2, 2] if copy else [])
    assert [(r, k) for _t, r, k, _at in _rows(pg_engine)] == [("a", b"a" * 32), ("b", b"b" * 32)]
