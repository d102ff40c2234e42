"""sync.apply on PostgreSQL (a province hub's database): what a commune's SQLite outbox becomes there
is what it becomes on SQLite, row for row and hash for hash, and the batch's fallbacks (the savepoint,
the look-up again, one by one) end where they end on SQLite. The sources are SQLite PCs as in the
field; the targets are each dialect in turn."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import log_images
import pg
import pytest
from pg import _pg_head_template, pg_head_url, pg_server, pg_url  # noqa: F401 - fixtures
from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError
from test_sync_apply_batch import saves

from papi_desktop.services import plan, setup
from papi_desktop.services.reception import CitizenInput, ReceptionInput, add_reception
from papi_desktop.storage import dialect
from papi_desktop.storage.changelog import tracked_models
from papi_desktop.storage.db import Database
from papi_desktop.sync import apply as sync_apply
from papi_desktop.sync.apply import ApplyResult, ChangeHeld, ChangeRejected, apply_to
from papi_desktop.sync.changes import Change
from papi_desktop.sync.outbox import outbox, version_vector
from papi_desktop.sync.state import state_hash

DIALECTS = ["sqlite", "postgresql"]


@pytest.fixture(params=DIALECTS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    """Makes empty migrated databases of the commune 03985 on one dialect (each its own device)."""
    server = template = None
    if request.param == "postgresql":
        server, template = request.getfixturevalue("pg_server"), request.getfixturevalue("_pg_head_template")
    made: list[tuple[Database, str | None]] = []

    def make(name: str) -> Database:
        url = pg.create_database(server, template=template) if server else None
        db = (pg.open_database(url, user=name) if url else
              setup.open_database(tmp_path / name / "papi.db", tmp_path / name / "backups", user=name))
        db.unit_code = "03985"
        made.append((db, url))
        return db

    yield make
    for db, url in made:
        db.dispose()
        if server and url:
            pg.drop_database(server, url)


def _outbox(src: Database, dst: Database) -> list[Change]:
    with src.reader() as s, dst.reader() as d:
        return outbox(s, dst.clock.node, version_vector(d))


def _all(db: Database) -> list[Change]:
    with db.reader() as s:
        return outbox(s, "another-pc")


def _hash(db: Database) -> str:
    with db.reader() as s:
        return state_hash(s)


def _log(db: Database) -> list[tuple]:
    return [(e.origin_node, e.origin_seq, e.txn_id, e.hlc, e.actor, e.at_utc, e.before_json, e.after_json,
             bool(e.received)) for e in log_images.log(db)]


def _rows(db: Database) -> dict[str, list[dict]]:
    """Every tracked row in id order (PostgreSQL has no rowid to order by)."""
    out = {}
    with db.connection() as conn:
        for name, model in sorted(tracked_models().items()):
            table = model.__table__
            out[name] = [dict(r) for r in conn.execute(select(table).order_by(table.c.id)).mappings()]
    return out


def _visit(name: str = "Lò Văn Bình") -> ReceptionInput:
    return ReceptionInput(received_on=date(2026, 3, 2), summary=f"Đề nghị của {name}", classes=["kien_nghi"],
                          citizens=[CitizenInput(name, "Bản Mé"), CitizenInput("Cà Thị Xuân", "Bản Mé")])


def test_an_outbox_applies_once_with_its_origin_and_the_same_state(db, target) -> None:  # noqa: ANN001
    add_reception(db, _visit(), track_reply=True)
    b = target("b")
    changes = _outbox(db, b)
    assert apply_to(b, changes) == ApplyResult(applied=5, inserted=5)
    assert _hash(b) == _hash(db)  # SQLite's rows, on either dialect
    assert [e[:8] for e in _log(b)] == [(c.origin_node, c.origin_seq, c.txn_id, c.hlc, c.actor, c.at_utc,
                                          c.before_json, c.after_json) for c in changes]
    assert all(e[8] for e in _log(b))  # logged as received
    assert apply_to(b, changes) == ApplyResult(unchanged=5)
    assert len(_log(b)) == 5 and _hash(b) == _hash(db)
    with b.reader() as s:
        assert outbox(s, db.clock.node) == []  # never echoed back
    assert b.clock.now() > max(c.hlc for c in changes)


def test_two_pcs_exchange_outboxes_both_ways_and_end_equal(plan_db, target) -> None:  # noqa: ANN001
    """SQLite to the target and back: the target's own outbox is read by a SQLite PC."""
    a, b = plan_db, target("b")
    add_reception(a, _visit(), track_reply=True)
    assert apply_to(b, _outbox(a, b)).applied > 50
    assert _hash(b) == _hash(a)
    tasks = [t.id for t in plan.list_tasks(b, plan.TaskFilter(plan_id=plan.current_plan(b, 2026).id),
                                           date(2026, 6, 5))]
    plan.update_task(b, tasks[0], status="done", note="Đã xong trong quý III")
    plan.add_milestone(b, tasks[1], "Báo cáo quý IV", date(2026, 12, 20))
    plan.delete_task(b, tasks[2])
    back = _outbox(b, a)
    assert back and apply_to(a, back).applied == len(back)
    assert _hash(a) == _hash(b)
    assert _outbox(a, b) == [] and _outbox(b, a) == []


def test_edits_on_both_sides_converge_with_the_same_conflicts(plan_db, target) -> None:  # noqa: ANN001
    a, b = plan_db, target("b")
    apply_to(b, _outbox(a, b))
    task = plan.list_tasks(a, plan.TaskFilter(plan_id=plan.current_plan(a, 2026).id), date(2026, 6, 5))[0].id
    plan.update_task(a, task, note="Ghi chú của máy A", output="Sản phẩm theo máy A")
    plan.update_task(b, task, status="in_progress", output="Sản phẩm theo máy B")  # later
    to_a, to_b = _outbox(b, a), _outbox(a, b)
    on_a, on_b = apply_to(a, to_a), apply_to(b, to_b)
    assert (on_a.applied, on_a.merged, on_b.applied, on_b.merged, on_b.superseded) == (2, 0, 0, 1, 1)
    assert [(c.field, c.local, c.remote, c.remote_won) for c in on_a.conflicts] == [
        ("output", "Sản phẩm theo máy A", "Sản phẩm theo máy B", True)]
    assert [(c.field, c.local, c.remote, c.remote_won) for c in on_b.conflicts] == [
        ("output", "Sản phẩm theo máy B", "Sản phẩm theo máy A", False)]
    assert _hash(a) == _hash(b)


def test_what_is_held_or_rejected_writes_nothing(db, target) -> None:  # noqa: ANN001
    add_reception(db, _visit())
    b = target("b")
    changes = _outbox(db, b)
    with pytest.raises(ChangeHeld) as gap:
        apply_to(b, changes[1:])
    assert gap.value.reason == "gap"
    citizen = next(c for c in changes if c.table_name == "reception_citizen")
    with pytest.raises(ChangeHeld) as orphan:  # a key the batch checks itself, before the commit would
        apply_to(b, [dataclasses.replace(citizen, origin_node="feedfacecafe", origin_seq=1)])
    assert orphan.value.reason == "missing_parent"
    profile = changes[0]
    for bad in (dataclasses.replace(profile, table_name="local_setting"),
                dataclasses.replace(profile, after_json=json.dumps({**json.loads(profile.after_json), "x": 1}))):
        with pytest.raises(ChangeRejected):
            apply_to(b, [bad])
    assert _log(b) == [] and not any(_rows(b).values())
    apply_to(b, changes)
    forged = dataclasses.replace(changes[0], after_json=changes[0].after_json.replace("Chiềng Sơn", "Chiềng Khoi"))
    with pytest.raises(ChangeHeld) as fork:
        apply_to(b, [forged])
    assert fork.value.reason == "fork" and _hash(b) == _hash(db)
    mine = dataclasses.replace(profile, origin_node=b.clock.node, origin_seq=1)
    with pytest.raises(ChangeHeld) as own:
        apply_to(b, [mine])
    assert own.value.reason == "own_change" and len(_log(b)) == len(changes)


def _work(db: Database) -> list[Change]:
    saves(db)  # as tests/unit/test_sync_apply_batch.py
    return _all(db)


def test_a_batch_ends_where_one_by_one_does(plan_db, target, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    changes = _work(plan_db)
    batched = target("batched")
    sent: list[str] = []
    event.listen(batched.engine, "before_cursor_execute", lambda _c, _cur, sql, *_rest: sent.append(sql))
    copy_rows = dialect.copy_rows  # PostgreSQL's COPY goes past the cursor events

    def copying(conn, table: str, *rest) -> None:  # noqa: ANN001, ANN002
        sent.append(f'COPY "{table}"')
        copy_rows(conn, table, *rest)

    monkeypatch.setattr(dialect, "copy_rows", copying)
    in_batch = apply_to(batched, changes)

    def refuse(self, *_args, **_kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        raise sync_apply._Refused

    monkeypatch.setattr(sync_apply._Batch, "__init__", refuse)
    single = target("single")
    alone = apply_to(single, changes)
    assert in_batch == alone and alone.inserted > 0 and alone.applied == len(changes)
    assert _rows(batched) == _rows(single)
    assert _log(batched) == _log(single)
    assert _hash(batched) == _hash(single) == _hash(plan_db)
    # updates of petitions the batch inserted went into those inserts, on either dialect
    assert not [sql for sql in sent if sql.lstrip().upper().startswith('UPDATE "PETITION"')]
    assert any(sql.lstrip().upper().startswith(('INSERT INTO "PETITION"', 'COPY "PETITION"')) for sql in sent)


def _broken(db: Database) -> tuple[list[Change], Change]:
    """The commune's outbox with a visit whose summary is NULL (NOT NULL column), and the change after it
    that sets it: one by one the insert fails, so the batch must fail too."""
    add_reception(db, _visit())
    changes = _all(db)
    at = next(i for i, c in enumerate(changes) if c.table_name == "reception")
    insert = changes[at]
    after = json.loads(insert.after_json)
    broken = dataclasses.replace(insert, after_json=json.dumps({**after, "summary": None}, ensure_ascii=False))
    last = changes[-1]
    later = last.hlc.split("-")
    hlc = f"{int(later[0]) + 1}-00000-{later[2]}"
    fix = dataclasses.replace(insert, origin_seq=last.origin_seq + 1, hlc=hlc, op="update", row_version=2,
                              txn_id="01a00000-0000-7000-8000-0000000000ff",
                              before_json=json.dumps({"summary": None, "row_version": 1, "updated_hlc": insert.hlc}),
                              after_json=json.dumps({"summary": after["summary"], "row_version": 2,
                                                     "updated_hlc": hlc, "id": insert.record_id}, ensure_ascii=False))
    return [*changes[:at], broken, *changes[at + 1:], fix], broken


def test_what_one_by_one_refuses_a_batch_refuses_and_nothing_is_kept(db, target) -> None:  # noqa: ANN001
    batch, _broken_change = _broken(db)
    b = target("b")
    with pytest.raises(IntegrityError):
        apply_to(b, batch)
    assert _log(b) == []
    # without the savepoint: Refused, for the caller to roll back and try again with one
    with pytest.raises(sync_apply.Refused), b.session() as s:
        sync_apply.apply_changes(s, batch[:-1], savepoint=False)
    with pytest.raises(IntegrityError), b.session() as s:
        sync_apply.apply_changes(s, batch[:-1], savepoint=True)
    assert _log(b) == []
    fine = _all(db)
    with b.session() as s:
        assert sync_apply.apply_changes(s, fine, savepoint=False).inserted == len(fine)
    assert len(_log(b)) == len(fine) and _hash(b) == _hash(db)


def test_an_insert_of_a_record_held_already_merges_in_a_batch(plan_db, target,  # noqa: ANN001
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch takes an insert's record as new; the target holds it (a task's state, made on both PCs:
    its id derived from the task and the commune): the batch goes back to its savepoint and applies
    again with every row looked up, still in a batch."""
    b = target("b")
    apply_to(b, _all(plan_db))
    task = plan.list_tasks(plan_db, plan.TaskFilter(plan_id=plan.current_plan(plan_db, 2026).id),
                           date(2026, 6, 5))[0].id
    plan.update_task(b, task, status="in_progress")  # the target's own state of the task
    plan.update_task(plan_db, task, note="Ghi chú của máy A")  # later: the SQLite PC's insert of the same
    back = _outbox(plan_db, b)
    assert any(c.table_name == "task_state" and c.op == "insert" for c in back)

    def not_one_by_one(*_args) -> None:  # noqa: ANN002
        raise AssertionError("applied one by one")

    monkeypatch.setattr(sync_apply._OneByOne, "__init__", not_one_by_one)
    result = apply_to(b, back)
    assert (result.applied, result.merged, result.conflicts) == (1, 0, [])
    with b.connection() as conn:
        sql = dialect.qmark(conn, "SELECT note, status FROM task_state WHERE task_id = ?")
        assert conn.exec_driver_sql(sql, (task,)).one() == ("Ghi chú của máy A", "in_progress")
