"""The data core carries sync: remote changes keep their origin's stamps, are logged as received,
apply once, never echo back, and two PCs that exchange their outboxes end in the same state."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import log_images
import pytest
from sqlalchemy import func, select, text

from papi_desktop.services import plan as plan_service
from papi_desktop.services import setup
from papi_desktop.services.reception import CitizenInput, ReceptionInput, add_reception
from papi_desktop.storage.changelog import tracked_models
from papi_desktop.storage.models import ChangeLog, Task, TaskState, state_id
from papi_desktop.sync.apply import ApplyResult, ChangeHeld, ChangeRejected, apply_to
from papi_desktop.sync.changes import Change
from papi_desktop.sync.outbox import held_up_to, outbox, version_vector
from papi_desktop.sync.state import state_hash

TODAY = date(2026, 11, 22)


@pytest.fixture
def pc_b(tmp_path: Path):
    """A second PC of the same commune, empty, with its own device id."""
    db = setup.open_database(tmp_path / "b" / "papi.db", tmp_path / "b" / "backups", user="binh")
    db.unit_code = "03985"
    yield db
    db.dispose()


def _outbox(src, dst) -> list[Change]:  # noqa: ANN001
    with src.reader() as s, dst.reader() as d:
        return outbox(s, dst.clock.node, version_vector(d))


def _log(db) -> list[ChangeLog]:  # noqa: ANN001
    return log_images.log(db)


def _hash(db) -> str:  # noqa: ANN001
    with db.reader() as s:
        return state_hash(s)


def _row(db, table: str, record_id: str) -> dict:  # noqa: ANN001
    model = tracked_models()[table]
    with db.connection() as conn:
        return conn.execute(select(model.__table__).where(model.__table__.c.id == record_id)).mappings().one()


def _visit() -> ReceptionInput:
    return ReceptionInput(received_on=date(2026, 3, 2), summary="Đề nghị sửa đường vào bản", classes=["kien_nghi"],
                          citizens=[CitizenInput("Lò Văn Bình", "Bản Mé"), CitizenInput("Cà Thị Xuân", "Bản Mé")])


def test_remote_change_keeps_its_origin_and_applies_once(db, pc_b) -> None:  # noqa: ANN001
    add_reception(db, _visit(), track_reply=True)
    changes = _outbox(db, pc_b)
    assert len(changes) == 5  # the profile, then one save: visit, two citizens, petition
    assert apply_to(pc_b, changes) == ApplyResult(applied=5, inserted=5)
    for change in changes:  # rows and stamps equal the origin's
        assert _row(pc_b, change.table_name, change.record_id) == _row(db, change.table_name, change.record_id)
    received = _log(pc_b)
    assert [(e.origin_node, e.origin_seq, e.txn_id, e.hlc, e.actor, e.at_utc, e.after_json) for e in received] == \
        [(c.origin_node, c.origin_seq, c.txn_id, c.hlc, c.actor, c.at_utc, c.after_json) for c in changes]
    assert all(e.received and e.origin_node == db.clock.node != pc_b.clock.node for e in received)
    assert {e.actor for e in received} == {"tester"}
    with pc_b.connection() as conn:  # the visit is found by its citizens' names, accents folded
        assert conn.execute(text("SELECT count(*) FROM reception_fts WHERE reception_fts MATCH 'xuan'")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM petition_fts WHERE petition_fts MATCH 'binh'")).scalar() == 1
    before = _hash(pc_b)
    assert apply_to(pc_b, changes) == ApplyResult(unchanged=5)  # idempotent by (origin, number)
    assert len(_log(pc_b)) == 5 and _hash(pc_b) == before == _hash(db)
    with pc_b.reader() as s:
        assert outbox(s, db.clock.node) == []  # never echoed back to its sender
        assert len(outbox(s, "some-other-pc")) == 5  # but relayed to others
    assert pc_b.clock.now() > max(c.hlc for c in changes)  # the clock observed the remote stamps


def test_two_pcs_exchange_outboxes_and_end_equal(plan_db, pc_b) -> None:  # noqa: ANN001
    a, b = plan_db, pc_b
    add_reception(a, _visit(), track_reply=True)
    result = apply_to(b, _outbox(a, b))
    assert result.applied == len(_log(a)) > 50
    assert _hash(b) == _hash(a)
    assert _outbox(b, a) == []
    with b.reader() as s:
        task_ids = list(s.scalars(select(Task.id).where(Task.deleted.is_(False)).order_by(Task.position)))
    plan_service.update_task(b, task_ids[0], status="done", note="Đã xong trong quý III")
    plan_service.add_milestone(b, task_ids[1], "Báo cáo quý IV", date(2026, 12, 20))
    plan_service.delete_task(b, task_ids[2])  # a tombstone travels
    back = _outbox(b, a)
    assert back and {c.origin_node for c in back} == {b.clock.node}
    assert apply_to(a, back).applied == len(back)
    assert _hash(a) == _hash(b)
    assert _outbox(a, b) == [] and _outbox(b, a) == []
    assert plan_service.task_detail(a, task_ids[0], date(2026, 12, 1)).row.status == "done"
    with a.reader() as s:
        assert s.get(Task, task_ids[2]).deleted
        state = s.get(TaskState, state_id(task_ids[0], b.unit_code))
        assert (state.note, state.updated_by) == ("Đã xong trong quý III", "binh")


def test_edits_of_one_record_on_both_pcs_converge(plan_db, pc_b) -> None:  # noqa: ANN001
    db = plan_db
    apply_to(pc_b, _outbox(db, pc_b))
    with db.reader() as s:
        task_id = s.scalar(select(Task.id).order_by(Task.position).limit(1))
    plan_service.update_task(db, task_id, note="Ghi chú của máy A", output="Sản phẩm theo máy A")
    plan_service.update_task(pc_b, task_id, status="in_progress", output="Sản phẩm theo máy B")  # later
    to_a, to_b = _outbox(pc_b, db), _outbox(db, pc_b)
    on_a, on_b = apply_to(db, to_a), apply_to(pc_b, to_b)
    # B's edits are the later ones: the task's output, and the commune's state of it (made on both PCs: one
    # record, its id derived from the task and the commune, merged field by field: A's note joins it on B;
    # A's output is superseded there, with the conflict below).
    assert (on_a.applied, on_a.merged, on_b.applied, on_b.merged, on_b.superseded) == (2, 0, 0, 1, 1)
    # Both PCs report the field they disagree on, with both values; the status and note merge quietly.
    assert [(c.field, c.local, c.remote, c.remote_won) for c in on_a.conflicts] == [
        ("output", "Sản phẩm theo máy A", "Sản phẩm theo máy B", True)]
    assert [(c.field, c.local, c.remote, c.remote_won) for c in on_b.conflicts] == [
        ("output", "Sản phẩm theo máy B", "Sản phẩm theo máy A", False)]
    assert _hash(db) == _hash(pc_b)
    row, state = _row(db, "task", task_id), _row(db, "task_state", state_id(task_id, db.unit_code))
    assert (state["note"], state["status"], row["output"]) == ("Ghi chú của máy A", "in_progress", "Sản phẩm theo máy B")
    assert row["updated_by"] == "binh" and row["row_version"] == 2


def test_a_gap_is_held_and_nothing_is_written(db, pc_b) -> None:  # noqa: ANN001
    add_reception(db, _visit())
    changes = _outbox(db, pc_b)
    with pytest.raises(ChangeHeld) as err:
        apply_to(pc_b, changes[1:])
    assert err.value.reason == "gap" and "thiếu" in err.value.vi
    assert _log(pc_b) == [] and _rows(pc_b) == 0


def test_same_number_other_content_is_a_fork(db, pc_b) -> None:  # noqa: ANN001
    changes = _outbox(db, pc_b)
    apply_to(pc_b, changes)
    forged = dataclasses.replace(changes[0], after_json=changes[0].after_json.replace("Chiềng Sơn", "Chiềng Khoi"))
    with pytest.raises(ChangeHeld) as err:
        apply_to(pc_b, [forged])
    assert err.value.reason == "fork"
    assert _row(pc_b, "commune_profile", changes[0].record_id)["unit_name"] == "Xã Chiềng Sơn"


def test_own_change_missing_here_is_held(db) -> None:  # noqa: ANN001
    [mine] = _outbox_all(db)
    assert apply_to(db, [mine]) == ApplyResult(unchanged=1)
    lost = dataclasses.replace(mine, origin_seq=mine.origin_seq + 1, record_id="01a00000-0000-7000-8000-000000000000")
    with pytest.raises(ChangeHeld) as err:
        apply_to(db, [lost])
    assert err.value.reason == "own_change"


def test_child_without_its_parent_is_held(db, pc_b) -> None:  # noqa: ANN001
    add_reception(db, _visit())
    citizen = next(c for c in _outbox(db, pc_b) if c.table_name == "reception_citizen")
    alone = dataclasses.replace(citizen, origin_node="feedfacecafe", origin_seq=1)
    with pytest.raises(ChangeHeld) as err:
        apply_to(pc_b, [alone])
    assert err.value.reason == "missing_parent"
    assert _log(pc_b) == []


def test_unknown_table_or_column_is_rejected(db, pc_b) -> None:  # noqa: ANN001
    [profile] = _outbox(db, pc_b)
    after = json.loads(profile.after_json)
    for bad in (dataclasses.replace(profile, table_name="local_setting"),
                dataclasses.replace(profile, after_json=json.dumps({**after, "password": "x"}))):
        with pytest.raises(ChangeRejected):
            apply_to(pc_b, [bad])
    assert _log(pc_b) == []


def test_outbox_limit_never_splits_a_unit_of_work(db, pc_b) -> None:  # noqa: ANN001
    add_reception(db, _visit(), track_reply=True)
    add_reception(db, _visit())
    with db.reader() as s:
        first = outbox(s, pc_b.clock.node, limit=2)
    assert len(first) == 5  # the profile, then the whole first save (4 changes) although the limit is 2
    apply_to(pc_b, first)
    rest = _outbox(db, pc_b)
    assert len(rest) == 3 and len({c.txn_id for c in rest}) == 1
    apply_to(pc_b, rest)
    assert _hash(pc_b) == _hash(db)


def _outbox_all(db) -> list[Change]:  # noqa: ANN001
    with db.reader() as s:
        return outbox(s, "nobody")


def _rows(db) -> int:  # noqa: ANN001
    with db.reader() as s:
        return sum(s.scalar(select(func.count()).select_from(m)) for m in tracked_models().values())


def test_held_up_to_probes_only_the_devices_asked(db, pc_b) -> None:  # noqa: ANN001
    """A receipt's acknowledgement: what the database holds of the sender's devices, read device by
    device (a province holds thousands of others), the same figures as the whole version vector."""
    add_reception(db, _visit(), track_reply=True)
    apply_to(pc_b, _outbox(db, pc_b))
    add_reception(pc_b, _visit(), track_reply=True)
    with pc_b.reader() as s:
        whole = version_vector(s)
        asked = held_up_to(s, [db.clock.node, "0" * 32])
    assert set(whole) == {db.clock.node, pc_b.clock.node} and whole[db.clock.node] == 5
    assert asked == {db.clock.node: 5, "0" * 32: 0}


def test_a_change_with_other_images_is_the_change_replaced() -> None:
    """Change.with_images, which the province's sealing uses for speed, is dataclasses.replace: every
    other field kept, in its place."""
    fields = [f.name for f in dataclasses.fields(Change)]
    change = Change(**{name: (7 if name in ("origin_seq", "row_version") else f"{name}-value") for name in fields})
    swapped = change.with_images('{"a": 1}', '{"b": 2}')
    assert swapped == dataclasses.replace(change, after_json='{"a": 1}', before_json='{"b": 2}')
    assert change.with_images('{"a": 1}', None) == dataclasses.replace(change, after_json='{"a": 1}', before_json=None)
