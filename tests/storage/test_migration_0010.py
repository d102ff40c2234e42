"""Migration 0010: a commune's status, note and milestone completion move from the plan's rows into its
own state records, logged as this device's inserts; a province installation moves nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from alembic import command
from pg import open_database
from sqlalchemy import text

from papi_desktop.services import plan as plan_service
from papi_desktop.services import task_state
from papi_desktop.storage import migrate
from papi_desktop.storage.db import make_engine
from papi_desktop.storage.models import state_id

NODE = "abc123def456"
STAMP = "1796000000000-00000-" + NODE
TRACKED = "unit_code, row_version, created_hlc, updated_hlc, updated_by, deleted"


def _row(conn, table: str, values: dict[str, object], unit: str = "03985") -> None:  # noqa: ANN001
    names = ", ".join(values) + ", " + TRACKED
    marks = ", ".join(f":{k}" for k in values)
    conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks}, :unit, 1, :h, :h, 'an', false)"),
                 {**values, "unit": unit, "h": STAMP})


def _at_0009(target: Path | str, mode: str | None) -> None:
    engine = make_engine(target)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0009")
        conn.execute(text("UPDATE local_setting SET value = :n WHERE key = 'node_id'"), {"n": NODE})  # 0008 made one
        if mode:
            conn.execute(text("INSERT INTO local_setting(key, value) VALUES ('mode', :m)"), {"m": mode})
        _row(conn, "commune_profile", {"id": "p", "unit_name": "Xã Chiềng Sinh", "unit_type": "xa",
                                       "chairman_name": "", "chairman_title": "", "vice_chairman_name": "",
                                       "vice_chairman_title": "", "officer_name": "", "officer_title": "",
                                       "is_demo": False, "has_loudspeaker": True, "has_portal": False})
        _row(conn, "plan", {"id": "plan", "year": 2026, "title": "", "doc_number": "", "issuer": "",
                            "source_name": "", "source_sha256": ""})
        _row(conn, "plan_section", {"id": "sec", "plan_id": "plan", "dimension": 1, "numeral": "I", "title": ""})
        for tid, status, note in (("t-done", "done", "Xong trong quý I"), ("t-idle", "not_started", ""),
                                  ("t-note", "not_started", "Chờ kinh phí")):
            _row(conn, "task", {"id": tid, "section_id": "sec", "position": 1, "number": tid, "task": "Nhiệm vụ",
                                "output": "", "lead": "", "coordinators": "", "deadline_text": "", "status": status,
                                "note": note, "search_text": ""})
        _row(conn, "milestone", {"id": "m1", "task_id": "t-done", "position": 0, "text": "Quý I",
                                 "due": "2026-03-31", "kind": "quarter", "done_on": "2026-03-20"})
        _row(conn, "milestone", {"id": "m2", "task_id": "t-done", "position": 1, "text": "Quý II",
                                 "due": "2026-06-30", "kind": "quarter", "done_on": None})
        conn.execute(text(
            "INSERT INTO change_log(hlc, unit_code, table_name, record_id, op, row_version, actor, at_utc, "
            "before_json, after_json, origin_node, origin_seq, txn_id, received) "
            "VALUES (:h, '03985', 'plan', 'plan', 'insert', 1, 'an', '2026-11-20T10:00:00+00:00', NULL, '{}', "
            ":n, 1, 't0', false)"), {"h": STAMP, "n": NODE})
    engine.dispose()


def _query(target: Path | str, sql: str, params: dict[str, object] | None = None) -> list[tuple]:
    engine = make_engine(target)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params or {})]
    finally:
        engine.dispose()


def _log(target: Path | str) -> list[tuple]:
    return _query(target, "SELECT table_name, record_id, op, origin_node, origin_seq, txn_id, received, after_json, "
                          "hlc FROM change_log ORDER BY seq")


def _as_logged(value: object) -> object:
    """A stored value as the log writes it: SQLite hands dates back as text, PostgreSQL as dates."""
    return value.isoformat() if isinstance(value, date) else value


def test_a_communes_progress_moves_into_its_state_records_and_is_logged(target: Path | str) -> None:
    _at_0009(target, None)
    db = open_database(target, user="an")
    try:
        assert db.unit_code == "03985"
        log = _log(target)[1:]
        assert [(r[0], r[1]) for r in log] == [("task_state", state_id("t-done", "03985")),
                                             ("task_state", state_id("t-note", "03985")),
                                             ("milestone_state", state_id("m1", "03985"))]
        assert {r[2] for r in log} == {"insert"} and [r[4] for r in log] == [2, 3, 4]
        assert {r[3] for r in log} == {NODE} and len({r[5] for r in log}) == 1 and {r[6] for r in log} == {0}
        assert all(r[8] > STAMP for r in log)
        for table, record_id, *_rest, after, _hlc in log:  # the log holds what is stored
            names = list(json.loads(after))
            (stored,) = _query(target, f"SELECT {', '.join(names)} FROM {table} WHERE id = :id", {"id": record_id})
            assert [_as_logged(v) for v in stored] == list(json.loads(after).values())
        today = date(2026, 7, 1)
        done = plan_service.task_detail(db, "t-done", today)
        assert (done.row.status, done.note) == ("done", "Xong trong quý I")
        assert [(m.text, m.done_on) for m in done.milestones] == [("Quý I", date(2026, 3, 20)), ("Quý II", None)]
        assert plan_service.task_detail(db, "t-note", today).note == "Chờ kinh phí"
        found = plan_service.task_ids(db, plan_service.TaskFilter(plan_id="plan", search="kinh phi"), today)
        assert found == ["t-note"]  # the moved note is found, accents folded
        assert plan_service.task_detail(db, "t-idle", today).row.status == "not_started"
        plan_service.update_task(db, "t-idle", status="in_progress")  # the device's sequence goes on
        assert _log(target)[-1][:5] == ("task_state", state_id("t-idle", "03985"), "insert", NODE, 5)
    finally:
        db.dispose()


def test_a_province_installation_moves_nothing(target: Path | str) -> None:
    _at_0009(target, "province")
    db = open_database(target, user="an")
    try:
        assert len(_log(target)) == 1
        assert task_state.commune_states(db, "t-done") == []
    finally:
        db.dispose()
