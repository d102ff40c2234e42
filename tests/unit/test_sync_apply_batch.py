"""A batch applies as its changes would one by one.

apply_changes writes a batch in few statements (rows looked up once per table, writes per table and
statement shape, an update of a record the batch itself inserts written into that insert); if the
database refuses a batched statement it applies the changes one by one instead. Both ways must end
in the same rows, row order, full-text index and log, and refuse what the other refuses."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import log_images
import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError

from papi_desktop.services import petitions, plan, progress, setup
from papi_desktop.services.reception import CitizenInput, ReceptionInput, add_reception
from papi_desktop.storage.changelog import FTS_TABLES, tracked_models
from papi_desktop.sync import apply as sync_apply
from papi_desktop.sync.apply import apply_to
from papi_desktop.sync.changes import Change
from papi_desktop.sync.outbox import outbox
from papi_desktop.sync.state import state_hash


def _pc(root: Path, name: str):  # noqa: ANN202
    db = setup.open_database(root / name / "papi.db", root / name / "backups", user=name)
    db.unit_code = "03985"
    return db


def _one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self, *_args, **_kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        raise sync_apply._Refused

    monkeypatch.setattr(sync_apply._Batch, "__init__", refuse)


def _statements(db) -> list[str]:  # noqa: ANN001
    sent: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda _c, _cur, sql, *_rest: sent.append(sql))
    return sent


def _visit(name: str) -> ReceptionInput:
    return ReceptionInput(received_on=date(2026, 3, 2), summary=f"Đề nghị của {name}", classes=["kien_nghi"],
                          citizens=[CitizenInput(name, "Bản Mé")])


def saves(db) -> None:  # noqa: ANN001
    """A commune's saves whose log updates records it inserted: petitions closed (their search text
    changes), a task's state edited twice (a table with a unique key), an indicator's value set twice
    (tests/unit/test_sync_apply_pg.py makes the same)."""
    names = ("Lò Văn Bình", "Cà Thị Xuân", "Vì Văn Sơn")
    visits = [add_reception(db, _visit(n), track_reply=True) for n in names]
    with db.reader() as s:
        ids = list(s.scalars(select(tracked_models()["petition"].id)))
    assert len(visits) == len(ids) == 3
    petitions.add_step(db, ids[0], "accept", date(2026, 3, 4), "12/TB-UBND")
    petitions.close(db, ids[0], date(2026, 3, 20), "Đã trả lời bằng văn bản về đường nội bản")
    petitions.close(db, ids[2], date(2026, 3, 21), "Đã hướng dẫn công dân")
    info = plan.current_plan(db, 2026)
    task = plan.list_tasks(db, plan.TaskFilter(plan_id=info.id), date(2026, 6, 5))[0].id
    plan.update_task(db, task, note="Bắt đầu triển khai")
    plan.update_task(db, task, note="Đã triển khai một nửa", status="in_progress")
    indicator = progress.add_indicator(db, info.id, "Tỷ lệ hồ sơ đúng hạn", "%", "95")
    progress.set_indicator_value(db, indicator, "2026-H1", "80")
    progress.set_indicator_value(db, indicator, "2026-H1", "90")


def _work(db) -> list[Change]:  # noqa: ANN001
    saves(db)
    with db.reader() as s:
        return outbox(s, "another-pc")


def _rows_in_order(db) -> dict[str, list[tuple]]:  # noqa: ANN001
    with db.connection() as conn:
        return {t: conn.exec_driver_sql(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()
                for t in tracked_models()}


def _log(db) -> list[tuple]:  # noqa: ANN001
    return [(e.origin_node, e.origin_seq, e.hlc, e.after_json, e.before_json, e.received) for e in log_images.log(db)]


def _index_sound(db, table: str) -> None:  # noqa: ANN001
    with db.connection() as conn:  # raises when the index does not hold exactly the table's text
        conn.exec_driver_sql(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('integrity-check', 1)")


def _matches(db, table: str, word: str) -> int:  # noqa: ANN001
    with db.connection() as conn:
        sql = f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH ?"
        return conn.exec_driver_sql(sql, (word,)).scalar()


def test_a_batch_ends_where_one_by_one_does(plan_db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    changes = _work(plan_db)
    seen: set[tuple[str, str]] = set()
    updated_here = set()
    for c in changes:
        if c.op != "insert" and (c.table_name, c.record_id) in seen:
            updated_here.add(c.table_name)
        seen.add((c.table_name, c.record_id))
    assert {"petition", "task_state", "indicator_value"} <= updated_here  # what the test is about

    batched = _pc(tmp_path, "batched")
    sent = _statements(batched)
    in_batch = apply_to(batched, changes)
    _one_by_one(monkeypatch)
    single = _pc(tmp_path, "single")
    alone = apply_to(single, changes)
    try:
        assert in_batch == alone and alone.inserted > 0 and alone.applied == len(changes)
        assert _rows_in_order(batched) == _rows_in_order(single)
        assert _log(batched) == _log(single)
        with batched.reader() as a, single.reader() as b, plan_db.reader() as c:
            assert state_hash(a) == state_hash(b) == state_hash(c)
        for table in FTS_TABLES:
            _index_sound(batched, table)
            _index_sound(single, table)
        # The closed petition is found by the words of its result (written into its insert).
        assert _matches(batched, "petition", "noi") == _matches(single, "petition", "noi") == 1
        # The updates of petitions it inserted itself went into those inserts: no UPDATE of petition.
        assert not [sql for sql in sent if sql.lstrip().upper().startswith('UPDATE "PETITION"')]
        assert any(sql.lstrip().upper().startswith('INSERT INTO "PETITION"') for sql in sent)
    finally:
        batched.dispose()
        single.dispose()


def test_what_the_database_refuses_one_by_one_it_refuses_in_a_batch(db, tmp_path: Path) -> None:
    """An insert with NULL in a NOT NULL column, then an update that sets it: one by one the insert
    fails; the batch must not write the update into the insert and pass."""
    add_reception(db, _visit("Lò Văn Bình"))
    changes = _outbox_of(db)
    at = next(i for i, c in enumerate(changes) if c.table_name == "reception")
    insert = changes[at]
    after = json.loads(insert.after_json)
    summary = after["summary"]
    broken = dataclasses.replace(insert, after_json=json.dumps({**after, "summary": None},
                                                                ensure_ascii=False))
    last = changes[-1]
    later = last.hlc.split("-")
    hlc = f"{int(later[0]) + 1}-00000-{later[2]}"
    before = {"summary": None, "row_version": 1, "updated_hlc": insert.hlc}
    fixed = {"summary": summary, "row_version": 2, "updated_hlc": hlc, "id": insert.record_id}
    fix = dataclasses.replace(insert, origin_seq=last.origin_seq + 1, hlc=hlc, op="update", row_version=2,
                              txn_id="01a00000-0000-7000-8000-0000000000ff",
                              before_json=json.dumps(before, ensure_ascii=False),
                              after_json=json.dumps(fixed, ensure_ascii=False))
    batch = [*changes[:at], broken, *changes[at + 1:], fix]
    target = _pc(tmp_path, "target")
    try:
        with pytest.raises(IntegrityError):
            apply_to(target, batch)
        assert _log(target) == []
    finally:
        target.dispose()


def _outbox_of(db) -> list[Change]:  # noqa: ANN001
    with db.reader() as s:
        return outbox(s, "another-pc")


def test_an_insert_of_a_record_held_already_merges_in_a_batch(plan_db, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch takes the records its inserts name as new without looking them up; one made on both PCs
    (a task's state: its id derived from the task and the commune) is there: the batch is refused,
    applied again with every row looked up, and merges, still in a batch."""
    other = _pc(tmp_path, "other")
    try:
        apply_to(other, _outbox_of(plan_db))
        info = plan.current_plan(plan_db, 2026)
        task = plan.list_tasks(plan_db, plan.TaskFilter(plan_id=info.id), date(2026, 6, 5))[0].id
        plan.update_task(plan_db, task, note="Ghi chú của máy A")
        plan.update_task(other, task, status="in_progress")  # later: its own insert of the same state
        with other.reader() as s:
            back = outbox(s, plan_db.clock.node)
        assert any(c.table_name == "task_state" and c.op == "insert" for c in back)

        def not_one_by_one(*_args) -> None:  # noqa: ANN002
            raise AssertionError("applied one by one")

        monkeypatch.setattr(sync_apply._OneByOne, "__init__", not_one_by_one)
        result = apply_to(plan_db, back)
        assert (result.applied, result.merged, result.conflicts) == (1, 0, [])
        with plan_db.connection() as conn:
            note, status = conn.exec_driver_sql("SELECT note, status FROM task_state WHERE task_id = ?",
                                                (task,)).one()
        assert (note, status) == ("Ghi chú của máy A", "in_progress")
    finally:
        other.dispose()


def test_without_a_savepoint_a_refused_batch_says_so(db, tmp_path: Path) -> None:
    """savepoint=False (the import's first try): the refused batch raises Refused for the caller to roll
    back; with the savepoint the same changes raise what one by one raises, and nothing is kept."""
    add_reception(db, _visit("Lò Văn Bình"))
    changes = _outbox_of(db)
    at = next(i for i, c in enumerate(changes) if c.table_name == "reception")
    after = json.loads(changes[at].after_json)
    changes[at] = dataclasses.replace(changes[at], after_json=json.dumps({**after, "summary": None},
                                                                         ensure_ascii=False))
    target = _pc(tmp_path, "target")
    try:
        with pytest.raises(sync_apply.Refused), target.session() as s:
            sync_apply.apply_changes(s, changes, savepoint=False)
        assert _log(target) == []
        with pytest.raises(IntegrityError), target.session() as s:
            sync_apply.apply_changes(s, changes, savepoint=True)
        assert _log(target) == []
        fine = _outbox_of(db)
        with target.session() as s:
            assert sync_apply.apply_changes(s, fine, savepoint=False).inserted == len(fine)
        assert len(_log(target)) == len(fine)
    finally:
        target.dispose()
