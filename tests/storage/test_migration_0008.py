"""Migration 0008: existing change-log rows get their origin, sequence and transaction; the log stays
append-only after batch mode rebuilt the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from pg import open_database
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from papi_desktop.storage import migrate
from papi_desktop.storage.db import make_engine
from papi_desktop.storage.models import Plan

# (at_utc, actor) of five rows written before 0008.
HISTORY = [("2026-11-20T10:00:00+00:00", "an"), ("2026-11-20T10:00:00+00:00", "an"),
           ("2026-11-20T10:00:01+00:00", "an"),  # the same save crossing a second
           ("2026-11-20T10:00:01+00:00", "binh"),  # another person
           ("2026-11-20T10:00:05+00:00", "binh")]  # the same person, later


def _at_0007(target: Path | str, node_id: str | None) -> None:
    engine = make_engine(target)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007")
        if node_id:
            conn.execute(text("INSERT INTO local_setting(key, value) VALUES ('node_id', :n)"), {"n": node_id})
        for i, (at, actor) in enumerate(HISTORY):
            conn.execute(text(
                "INSERT INTO change_log(hlc, unit_code, table_name, record_id, op, row_version, actor, at_utc, "
                "before_json, after_json) VALUES (:hlc, '03985', 'plan', :rid, 'insert', 1, :actor, :at, NULL, '{}')"),
                {"hlc": f"{1796000000000 + i:013d}-00000-{node_id or 'x'}", "rid": f"r{i}", "actor": actor,
                 "at": at})
    engine.dispose()


def _origins(target: Path | str) -> list[tuple]:
    engine = make_engine(target)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(
                "SELECT origin_node, origin_seq, txn_id, received FROM change_log ORDER BY seq"))]
    finally:
        engine.dispose()


def test_existing_rows_get_local_origin_sequence_and_transactions(target: Path | str) -> None:
    _at_0007(target, "abc123def456")
    db = open_database(target, user="an")
    try:
        rows = _origins(target)
        assert [r[0] for r in rows] == ["abc123def456"] * 5
        assert [r[1] for r in rows] == [1, 2, 3, 4, 5]
        assert [r[3] for r in rows] == [False] * 5
        txns = [r[2] for r in rows]
        assert txns[0] == txns[1] == txns[2] and len({txns[0], txns[3], txns[4]}) == 3
        with db.session() as s:  # the device's sequence goes on from the history
            s.add(Plan(year=2027))
        assert _origins(target)[-1][:2] == ("abc123def456", 6)
        with pytest.raises(IntegrityError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text("UPDATE change_log SET origin_seq = origin_seq + 100"))
        with pytest.raises(IntegrityError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text("DELETE FROM change_log WHERE origin_seq = 1"))
        with pytest.raises(IntegrityError, match="(?i)unique"), db.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO change_log(hlc, unit_code, table_name, record_id, op, row_version, actor, at_utc, "
                "after_json, origin_node, origin_seq, txn_id, received) VALUES ('h', '', 'plan', 'r9', 'insert', 1, "
                "'', '', '{}', 'abc123def456', 3, 't', false)"))
    finally:
        db.dispose()


def test_a_log_without_a_node_id_gets_the_one_the_database_then_uses(target: Path | str) -> None:
    _at_0007(target, None)
    db = open_database(target)
    try:
        assert {r[0] for r in _origins(target)} == {db.clock.node}
    finally:
        db.dispose()


def test_downgrade_keeps_the_log_append_only(target: Path | str) -> None:
    _at_0007(target, "abc123def456")
    open_database(target).dispose()
    engine = make_engine(target)
    try:
        cfg = migrate.alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007")
        columns = {c["name"] for c in inspect(engine).get_columns("change_log")}
        with engine.connect() as conn:
            assert "origin_seq" not in columns and conn.execute(text("SELECT count(*) FROM change_log")).scalar() == 5
        with pytest.raises(IntegrityError, match="append-only"), engine.begin() as conn:
            conn.execute(text("DELETE FROM change_log"))
    finally:
        engine.dispose()
