"""Each change names its origin: this device's node, its number in the device's gap-free sequence,
and the unit of work it belongs to (one save shares one txn id)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from papi_desktop.services import setup
from papi_desktop.services.reception import CitizenInput, ReceptionInput, add_reception
from papi_desktop.storage.changelog import bulk_insert
from papi_desktop.storage.models import ChangeLog, Plan
from papi_desktop.storage.registers import Petition


def _log(db) -> list[ChangeLog]:  # noqa: ANN001
    with db.reader() as s:
        return list(s.scalars(select(ChangeLog).order_by(ChangeLog.seq)))


def _visit() -> ReceptionInput:
    return ReceptionInput(received_on=date(2026, 3, 2), summary="Đề nghị sửa đường vào bản", classes=["kien_nghi"],
                          citizens=[CitizenInput("Lò Văn Bình", "Bản Mé"), CitizenInput("Cà Thị Xuân", "Bản Mé")])


def test_one_save_shares_one_transaction_id(db) -> None:  # noqa: ANN001
    start = len(_log(db))
    add_reception(db, _visit(), track_reply=True)  # the visit, its two citizens, its petition
    add_reception(db, _visit())
    entries = _log(db)[start:]
    assert [e.table_name for e in entries] == ["reception", "reception_citizen", "reception_citizen", "petition",
                                               "reception", "reception_citizen", "reception_citizen"]
    first, second = {e.txn_id for e in entries[:4]}, {e.txn_id for e in entries[4:]}
    assert len(first) == 1 and len(second) == 1 and first != second


def test_orm_and_bulk_writes_of_one_unit_share_its_transaction(db) -> None:  # noqa: ANN001
    start = len(_log(db))
    with db.session() as s:
        s.add(Plan(year=2026))
        s.flush()
        bulk_insert(s, Petition, [{"received_on": date(2026, 3, 2), "content": f"Đơn {i}"} for i in range(3)])
        s.add(Plan(year=2027))
    entries = _log(db)[start:]
    assert len(entries) == 5 and len({e.txn_id for e in entries}) == 1


def test_sequence_is_gap_free_local_and_survives_a_rollback(db) -> None:  # noqa: ANN001
    with db.session() as s:
        s.add(Plan(year=2026))
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Plan(year=2027))
        s.flush()  # numbers taken here...
        raise RuntimeError("power cut")  # ...and given back with the rollback
    with db.session() as s:
        bulk_insert(s, Petition, [{"received_on": date(2026, 3, 2), "content": "x"} for _ in range(2)])
    entries = _log(db)
    assert {e.origin_node for e in entries} == {db.clock.node}
    assert [e.origin_seq for e in entries] == list(range(1, len(entries) + 1))
    assert not any(e.received for e in entries)


WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from papi_desktop.services import setup
    from papi_desktop.storage.models import Plan, PlanSection

    db_path, backups, actor, go, count = sys.argv[1:6]
    db = setup.open_database(Path(db_path), Path(backups), user=actor)
    Path(go + "." + actor).touch()  # ready; start together once both are
    while not Path(go).exists():
        time.sleep(0.005)
    for i in range(int(count)):
        with db.session() as s:  # one unit of work: two rows, one txn
            plan = Plan(year=2000 + i, title=actor)
            s.add(plan)
            s.flush()
            s.add(PlanSection(plan_id=plan.id, dimension=1))
        time.sleep(0.01)  # a pause between saves, as people make: the other writer gets its turn
    db.dispose()
""")


def test_two_processes_writing_at_once_get_one_gap_free_sequence(tmp_path: Path) -> None:
    db_path, backups = tmp_path / "papi.db", tmp_path / "backups"
    setup.open_database(db_path, backups).dispose()  # migrated once, before the writers start
    go, count = tmp_path / "go", 100
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), str(backups), actor, str(go),
                                 str(count)]) for actor in ("an", "binh")]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"go.{actor}").exists() for actor in ("an", "binh")):
        assert time.monotonic() < deadline and all(w.poll() is None for w in writers)
        time.sleep(0.01)
    go.touch()
    assert [w.wait(timeout=300) for w in writers] == [0, 0]
    db = setup.open_database(db_path, backups)
    try:
        entries = _log(db)
    finally:
        db.dispose()
    assert len(entries) == 4 * count
    # Gap-free, unique and increasing in commit order, though both processes used the same device id.
    assert [e.origin_seq for e in entries] == list(range(1, len(entries) + 1))
    assert len({e.origin_node for e in entries}) == 1
    hlcs = [e.hlc for e in entries]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)  # the clocks follow each other's stamps
    # A unit of work is never interleaved with another one: its two rows are adjacent.
    txns = [e.txn_id for e in entries]
    assert all(txns[i] == txns[i + 1] and txns[i + 1] != txns[i + 2] for i in range(0, len(txns) - 2, 2))
    assert len(set(txns)) == 2 * count
    switches = sum(entries[i].actor != entries[i + 2].actor for i in range(0, len(entries) - 2, 2))
    assert switches >= 10, "the writers hardly overlapped: the test proved little"
