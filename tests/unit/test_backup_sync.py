"""A commune PC restored from an old backup, then exporting. The backup takes the PC back to change
numbers it already used for work the province may hold, so the restore sets a floor: the next changes
are numbered past every number used since the backup (the database replaced says how far), and sync
goes on with no fork. When the database replaced could not be read, how far is unknown: the numbering
jumps far ahead, the province holds the next bundle for the numbers it never received, with its reason,
and a person releases it (a deliberate, logged action); nothing is lost. Through real enrolment and real
bundles (module-scoped: slow)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sync_world import PASS, Commune, Province, at

from papi_desktop.services import audit, backup, setup, sync_release
from papi_desktop.services import sync as sync_service
from papi_desktop.storage.models import AuditEntry, ChangeLog

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


def _own_last(com: Commune) -> int:
    with com.db.reader() as s:
        return int(s.scalar(select(ChangeLog.origin_seq).where(ChangeLog.origin_node == com.device)
                            .order_by(ChangeLog.origin_seq.desc()).limit(1)) or 0)


def _restore_entry(com: Commune) -> dict:
    with com.db.reader() as s:
        detail = s.scalar(select(AuditEntry.detail_json).where(AuditEntry.kind == "restore")
                          .order_by(AuditEntry.seq.desc()).limit(1))
    return json.loads(detail)


def _backup_then_two_visits(prov: Province, com: Commune, n: int) -> Path:
    com.add_visit(f"Lò Văn Một {n}", "")
    first = _send(prov, com)
    assert first.status == "applied"
    com.receipt(first.receipt)
    with at(com.dir):
        old = backup.create(com.db, BACKUP_PASS).entry.path  # taken here: acknowledged up to now
    com.add_visit(f"Cầm Thị Hai {n}", "")
    com.add_visit(f"Quàng Văn Ba {n}", "")
    second = _send(prov, com)
    assert second.status == "applied"
    return old


def test_a_pc_restored_from_an_old_backup_numbers_past_what_it_sent(world: tuple[Province, Commune]) -> None:
    prov, com = world
    old = _backup_then_two_visits(prov, com, 1)
    last_used = _own_last(com)
    at_province = _visits(prov.db)

    with at(com.dir):
        done = backup.restore(old, BACKUP_PASS, com.db)
        com.db = setup.open_database(user="van-phong-commune")
    # the restore itself says what it takes away, and that some of it had already gone to the province
    assert done.comparison is not None and done.comparison.same_pc
    assert done.comparison.later_changes == done.comparison.sent_later > 0
    assert _own_last(com) < last_used and com.db.clock.node == com.device
    assert _restore_entry(com)["resume_after"] == last_used  # entered with the restore, in the audit trail
    assert com.export() is None  # nothing unacknowledged in the old state: nothing sent, nothing undone

    com.add_visit("Lường Thị Bốn", "")  # new work: numbered after the lost work, not as it was
    assert _own_last(com) == last_used + 2  # a reception and its citizen: the first is last_used + 1
    after = _send(prov, com)
    assert after.status == "applied" and after.imported > 0, after.reasons
    assert _visits(prov.db) == at_province + 1  # the province kept what it had, and took the new visit
    com.receipt(after.receipt)
    with at(com.dir):
        assert sync_service.pending(com.db) == []


def test_a_pc_whose_database_was_lost_jumps_ahead_and_the_gap_is_released(world: tuple[Province, Commune],
                                                                          tmp_path: Path) -> None:
    prov, com = world
    old = _backup_then_two_visits(prov, com, 2)
    at_province = (prov.hash(), _visits(prov.db))
    backup_last = _own_last(com) - 4  # the two visits since the backup: a reception and a citizen each

    com.db.dispose()
    with at(com.dir):
        (com.dir / backup.DB_MEMBER).write_bytes(b"not a database any more")  # the disk failed
        backup.restore(old, BACKUP_PASS, None)
        com.db = setup.open_database(user="van-phong-commune")
    assert _restore_entry(com)["resume_after"] == backup_last + audit.RESUME_GAP

    com.add_visit("Hà Thị Năm", "")
    assert _own_last(com) == backup_last + audit.RESUME_GAP + 2
    held = _send(prov, com)
    assert held.status == "held" and held.imported == 0, held.reasons  # not a fork: numbers never reused
    assert (prov.hash(), _visits(prov.db)) == at_province
    with at(prov.dir):
        released = sync_release.release(prov.db, held.bundle_id, "Máy xã khôi phục từ bản sao lưu sau khi hỏng ổ đĩa",
                                        PASS)
    assert released.summary.status == "applied"
    assert _visits(prov.db) == at_province[1] + 1
    with at(prov.dir):
        assert sync_service.status(prov.db)["waiting"] == []
