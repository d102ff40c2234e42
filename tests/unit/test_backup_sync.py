"""A commune PC restored from an old backup, then exporting: the province holds the bundle as a fork with
its reason shown, its own state unchanged (never a silent rollback, never a silent overwrite), and the
commune reads "fork" in the receipt. Through real enrolment and real bundles (module-scoped: slow)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sync_world import Commune, Province, at

from papi_desktop.services import backup, setup
from papi_desktop.services import sync as sync_service

BACKUP_PASS = "nuong-ngo-sau-nha-4826"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune]]:
    root = tmp_path_factory.mktemp("restore-sync")
    prov = Province(root / "province")
    com = Commune(root / "commune", prov, demo=False)
    yield prov, com
    com.db.dispose()
    prov.db.dispose()


def _visits(db) -> int:  # noqa: ANN001
    with db.reader() as s:
        return s.execute(text("SELECT count(*) FROM reception")).scalar()


def _send(prov: Province, com: Commune) -> sync_service.Summary:
    made = com.export()
    assert made is not None
    [summary] = prov.import_(*made.files)
    return summary


def test_a_pc_restored_from_an_old_backup_is_held_as_a_fork(world: tuple[Province, Commune]) -> None:
    prov, com = world
    com.add_visit("Lò Văn Một", "014190000001")
    first = _send(prov, com)
    assert first.status == "applied"
    com.receipt(first.receipt)
    with at(com.dir):
        old = backup.create(com.db, BACKUP_PASS).entry.path  # taken here: one visit, acknowledged
    com.add_visit("Cầm Thị Hai", "014190000002")
    com.add_visit("Quàng Văn Ba", "014190000003")
    second = _send(prov, com)
    assert second.status == "applied"
    at_province = (prov.hash(), _visits(prov.db))
    assert at_province[1] == 3

    with at(com.dir):
        done = backup.restore(old, BACKUP_PASS, com.db)
        com.db = setup.open_database(user="van-phong-commune")
    # the restore itself says what it takes away, and that some of it had already gone to the province
    assert done.comparison is not None and done.comparison.same_pc
    assert done.comparison.later_changes == done.comparison.sent_later > 0
    assert _visits(com.db) == 1 and com.db.clock.node == com.device
    assert com.export() is None  # nothing unacknowledged in the old state: nothing sent, nothing undone

    com.add_visit("Lường Thị Bốn", "014190000004")  # new work numbered as the lost work was
    fork = _send(prov, com)
    assert fork.status == "fork" and fork.held == fork.records > 0 and fork.imported == fork.updated == 0
    reason_vi, reason_en = fork.reasons[0]
    assert "khôi phục từ bản sao lưu cũ" in reason_vi and "restored from an old backup" in reason_en
    assert (prov.hash(), _visits(prov.db)) == at_province  # the province kept what it had, applied nothing
    with at(prov.dir):
        waiting = sync_service.status(prov.db)["waiting"]
    assert [(w["status"], w["device"]) for w in waiting] == [("fork", com.device)]
    assert "khôi phục từ bản sao lưu cũ" in waiting[0]["reason"]

    told = com.receipt(fork.receipt)  # the commune reads it too, and its work stays unacknowledged
    assert told.status == "fork" and told.acknowledged == {}
    with at(com.dir):
        assert len(sync_service.pending(com.db)) == fork.records
    again = _send(prov, com)  # the same work sent again: the same answer, still nothing applied
    assert again.status == "fork" and (prov.hash(), _visits(prov.db)) == at_province
