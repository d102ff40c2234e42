"""The central hook: every write leaves exactly one change-log entry, in the same transaction."""

from __future__ import annotations

import json
from datetime import date

import log_images
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from papi_desktop.domain.errors import BugError
from papi_desktop.services.common import tombstone
from papi_desktop.services.search import ids_newest_first
from papi_desktop.storage.models import (
    ChangeLog,
    Evidence,
    Indicator,
    IndicatorValue,
    Milestone,
    Plan,
    PlanSection,
    ProgressUpdate,
    Task,
)

FIELD = {Plan: "year", PlanSection: "title", Task: "task", Milestone: "text", ProgressUpdate: "result",
         Evidence: "doc_ref", Indicator: "name", IndicatorValue: "actual"}


def _log_count(db) -> int:  # noqa: ANN001
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


def _entries(db, record_id: str) -> list[ChangeLog]:  # noqa: ANN001
    """The log rows of a record, their images opened as the origin logged them (personal values sealed)."""
    return log_images.log(db, ChangeLog.record_id == record_id)


def _make_all(db) -> dict[str, object]:  # noqa: ANN001
    """One record of every tracked kind, each in its own transaction."""
    ids: dict[str, object] = {}
    with db.session() as s:
        plan = Plan(year=2026)
        s.add(plan)
    ids["plan"] = plan.id
    with db.session() as s:
        section = PlanSection(plan_id=plan.id, dimension=3, numeral="III", title="Trách nhiệm giải trình")
        s.add(section)
    with db.session() as s:
        task = Task(section_id=section.id, number="1", task="Tiếp công dân")
        s.add(task)
    with db.session() as s:
        ms = Milestone(task_id=task.id, text="Quý IV/2026", due=date(2026, 12, 31), kind="date")
        s.add(ms)
    with db.session() as s:
        up = ProgressUpdate(task_id=task.id, period_code="2026-H1", result="Đã tiếp 12 lượt")
        s.add(up)
    with db.session() as s:
        ev = Evidence(update_id=up.id, doc_ref="Báo cáo số 5/BC-UBND")
        s.add(ev)
    with db.session() as s:
        ind = Indicator(plan_id=plan.id, name="Tỷ lệ hồ sơ đúng hạn", unit="%", target="100")
        s.add(ind)
    with db.session() as s:
        val = IndicatorValue(indicator_id=ind.id, period_code="2026-H1", actual="98")
        s.add(val)
    for obj in (plan, section, task, ms, up, ev, ind, val):
        ids[type(obj).__name__] = (type(obj), obj.id)
    return ids


def test_insert_update_tombstone_each_leave_exactly_one_entry(db) -> None:  # noqa: ANN001
    start = _log_count(db)
    made = _make_all(db)
    kinds = [v for k, v in made.items() if k != "plan"]
    assert _log_count(db) == start + len(kinds)
    for model, record_id in kinds:
        entries = _entries(db, record_id)
        assert [e.op for e in entries] == ["insert"]
        before = _log_count(db)
        with db.session() as s:
            obj = s.get(model, record_id)
            field = FIELD[model]
            setattr(obj, field, 2027 if field == "year" else "đã sửa")
        assert _log_count(db) == before + 1
        with db.session() as s:
            tombstone(s.get(model, record_id))
        assert _log_count(db) == before + 2
        entries = _entries(db, record_id)
        assert [e.op for e in entries] == ["insert", "update", "delete"]
        assert [e.row_version for e in entries] == [1, 2, 3]
        assert entries[0].hlc < entries[1].hlc < entries[2].hlc
        assert all(e.actor == "tester" and e.unit_code == "03985" for e in entries)
        update = entries[1]
        assert json.loads(update.before_json)[field] != json.loads(update.after_json)[field]
        with db.reader() as s:
            row = s.get(model, record_id)
            assert row is not None and row.deleted  # a tombstone, not a delete


def test_rolled_back_transaction_leaves_no_entry(db) -> None:  # noqa: ANN001
    start = _log_count(db)
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Plan(year=2030))
        s.flush()  # the log row is written in this flush...
        raise RuntimeError("power cut")  # ...and rolled back with the change
    assert _log_count(db) == start
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Plan).where(Plan.year == 2030)) == 0


def test_unchanged_write_logs_nothing(db) -> None:  # noqa: ANN001
    with db.session() as s:
        plan = Plan(year=2026, title="A")
        s.add(plan)
    start = _log_count(db)
    with db.session() as s:
        s.get(Plan, plan.id).title = "A"
    assert _log_count(db) == start


def test_hard_delete_is_refused(db) -> None:  # noqa: ANN001
    with db.session() as s:
        plan = Plan(year=2026)
        s.add(plan)
    with pytest.raises(BugError), db.session() as s:
        s.delete(s.get(Plan, plan.id))
    with db.reader() as s:
        assert s.get(Plan, plan.id) is not None


def test_change_log_is_append_only_in_the_database(db) -> None:  # noqa: ANN001
    with db.session() as s:
        s.add(Plan(year=2026))
    with pytest.raises(IntegrityError, match="append-only"), db.engine.begin() as conn:
        conn.execute(text("UPDATE change_log SET actor='someone else'"))
    with pytest.raises(IntegrityError, match="append-only"), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM change_log"))


def test_record_uuid_is_unique_in_the_database(db) -> None:  # noqa: ANN001
    with db.session() as s:
        plan = Plan(year=2026)
        s.add(plan)
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text("INSERT INTO plan(id, unit_code, row_version, created_hlc, updated_hlc, updated_by, "
                          "deleted, year, title, doc_number, issuer, source_name, source_sha256) "
                          "VALUES (:id, '', 1, '', '', '', false, 2027, '', '', '', '', '')"), {"id": plan.id})


def test_bulk_insert_logs_one_entry_per_record_and_rolls_back(db) -> None:  # noqa: ANN001
    from papi_desktop.storage.changelog import bulk_insert
    from papi_desktop.storage.registers import Petition

    start = _log_count(db)
    rows = [{"received_on": date(2026, 3, 2), "content": f"Đơn số {i}", "sender": "Lò Văn Bình"} for i in range(50)]
    with db.session() as s:
        ids = bulk_insert(s, Petition, rows)
    assert _log_count(db) == start + 50
    entries = _entries(db, ids[0])
    assert [e.op for e in entries] == ["insert"] and entries[0].actor == "tester"
    after = json.loads(entries[0].after_json)
    assert after["content"] == "Đơn số 0" and after["content_class"] == "kien_nghi"  # column defaults applied
    with db.reader() as s:
        assert s.get(Petition, ids[0]).search_text == "lo van binh don so 0"  # __search_fields__ order
    # indexed in one batch, same transaction (SQLite's FTS5 table; PostgreSQL's index follows by itself)
    assert sorted(ids_newest_first(db, "petition", "received_on", [], {}, "binh")) == sorted(ids)
    with pytest.raises(RuntimeError), db.session() as s:
        bulk_insert(s, Petition, [{"received_on": date(2026, 3, 3), "content": "x"}])
        raise RuntimeError("power cut")
    assert _log_count(db) == start + 50


def test_search_text_is_logged_only_where_the_receiver_cannot_rebuild_it(db) -> None:  # noqa: ANN001
    from papi_desktop.services.reception import CitizenInput, ReceptionInput, add_reception

    rec_id = add_reception(db, ReceptionInput(received_on=date(2026, 3, 2), summary="Hỏi về đất", classes=["kien_nghi"],
                                              citizens=[CitizenInput("Lò Văn Bình", "Bản Mé")]))
    # A visit's search text folds its citizens' names (built by the service across rows): it travels.
    assert "lo van binh" in json.loads(_entries(db, rec_id)[0].after_json)["search_text"]
    with db.session() as s:
        plan = Plan(year=2026)
        s.add(plan)
        s.flush()
        section = PlanSection(plan_id=plan.id, dimension=1)
        s.add(section)
        s.flush()
        task = Task(section_id=section.id, task="Niêm yết thủ tục")
        s.add(task)
    task_id = task.id
    with db.session() as s:
        s.get(Task, task_id).note = "Đã niêm yết"
    # A task's is rebuilt from its own fields by whoever stores it: never logged.
    entries = _entries(db, task_id)
    assert all("search_text" not in json.loads(e.after_json) for e in entries)
    with db.reader() as s:
        assert "da niem yet" in s.get(Task, task_id).search_text


def test_a_savepoint_belongs_to_its_transaction(db) -> None:  # noqa: ANN001
    start = _log_count(db)
    with db.session() as s:
        s.add(Plan(year=2026))
        with s.begin_nested():
            s.add(Plan(year=2027))
        s.add(Plan(year=2028))
    with db.reader() as s:
        entries = list(s.scalars(select(ChangeLog).order_by(ChangeLog.seq).offset(start)))
    assert len(entries) == 3 and len({e.txn_id for e in entries}) == 1
