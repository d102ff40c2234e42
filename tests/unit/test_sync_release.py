"""A held bundle released early (issue 10 §4), and a quarantined one read again.

The world: a province and one commune PC; a staging copy of the province gives the receipts, so the
PC's bundles build on each other (x2 on x1, x3 on x2) while the real province has received only x1.
x3 is then held (x2's numbers missing); a person releases it with a reason: it applies, the numbers
gone without are written down and in the audit trail; when x2 arrives after all it applies late, and
the province ends in the state of in-order delivery. A fork is never released; nothing is released
without a reason or by a role without the right."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_runner import run_cli
from sqlalchemy import select
from sync_world import PASS, Commune, Province, Sent, at, chained

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import accounts, audit, backup, sync_release
from papi_desktop.storage.sync_state import BundleIn
from papi_desktop.sync.changes import Change


@dataclass
class World:
    province: Province
    staging: Province
    pc: Commune
    bundles: dict[str, Sent]  # name -> id, files, the PC's own range


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    prov = Province(tmp_path / "province")
    pc = Commune(tmp_path / "pc", prov)
    staging = prov.copy_to(tmp_path / "staging")
    bundles = chained(pc, staging, tmp_path)
    assert bundles["x2"][2][0] == bundles["x1"][2][1] + 1 and bundles["x3"][2][0] == bundles["x2"][2][1] + 1
    w = World(prov, staging, pc, bundles)
    yield w
    for db in (prov.db, staging.db, pc.db):
        db.dispose()


def _status(prov: Province, bundle_id: str) -> str:
    with prov.db.reader() as s:
        return s.get(BundleIn, bundle_id).status


def test_released_early_then_the_missing_bundle_applies_late(world: World) -> None:
    prov, receiver = world.province, world.province.receiver()
    (first,) = prov.import_with(receiver, *world.bundles["x1"][1])
    (held,) = prov.import_with(receiver, *world.bundles["x3"][1])
    assert first.status == "applied" and held.status == "held" and "Còn thiếu thay đổi số" in held.reasons[0][0]
    before = prov.hash()
    x3_id = world.bundles["x3"][0]
    with at(prov.dir), pytest.raises(KnownError, match="lý do"):
        sync_release.release(prov.db, x3_id, "   ", PASS)
    assert prov.hash() == before and _status(prov, x3_id) == "held"

    with at(prov.dir):
        done = sync_release.release(prov.db, x3_id, "USB của xã bị mất, xã xác nhận qua điện thoại", PASS)
    x2_first, x2_last = world.bundles["x2"][2]
    assert done.summary.status == "applied" and done.waived == {world.pc.device: (x2_first, x2_last)}
    assert _status(prov, x3_id) == "applied" and prov.hash() != before
    (waiver,) = sync_release.waivers(prov.db)
    assert (waiver.first_seq, waiver.last_seq, waiver.bundle_id) == (x2_first, x2_last, x3_id)
    assert waiver.released_by == "so-noi-vu" and "USB của xã bị mất" in waiver.reason
    entries = [e for e in audit.list_entries(prov.db, limit=1000) if e.detail.get("what") == "released-early"]
    assert len(entries) == 1 and entries[0].actor == "so-noi-vu" and entries[0].detail["bundle_id"] == x3_id
    assert "bỏ qua" in audit.describe(entries[0]) and audit.verify(prov.db).ok

    (late,) = prov.import_with(receiver, *world.bundles["x2"][1])  # found on the stick after all
    assert late.status == "applied", late.reasons
    (last,) = world.staging.import_with(world.staging.receiver(), *world.bundles["x3"][1])
    assert last.status == "applied"
    assert prov.hash() == world.staging.hash()  # the state of in-order delivery


def test_a_fork_an_applied_bundle_and_an_unknown_id_are_not_released(world: World) -> None:
    prov, receiver = world.province, world.province.receiver()
    (applied,) = prov.import_with(receiver, *world.bundles["x1"][1])
    with at(prov.dir):
        for bundle_id, words in ((applied.bundle_id, "không ở trạng thái chờ"), ("khong-co", "Không có gói nào")):
            with pytest.raises(KnownError, match=words):
                sync_release.release(prov.db, bundle_id, "thử", PASS)
        with prov.db.session() as s:  # a fork: the same numbers with other content
            s.get(BundleIn, applied.bundle_id).status = "fork"
        with pytest.raises(KnownError, match="mâu thuẫn"):
            sync_release.release(prov.db, applied.bundle_id, "thử", PASS)
    assert sync_release.waivers(prov.db) == []


def test_releasing_needs_the_right(world: World) -> None:
    prov = world.province
    prov.import_with(prov.receiver(), *world.bundles["x1"][1])
    (held,) = prov.import_with(prov.receiver(), *world.bundles["x3"][1])
    with at(prov.dir):
        accounts.create_first_admin(prov.db, "tinh", "Cầm Văn Tỉnh", "quan-tri-cua-tinh-2026")
        prov.db.role = "staff"  # a role the province does not give: no consolidate
        with pytest.raises(KnownError, match="tổng hợp số liệu"):
            sync_release.release(prov.db, held.bundle_id, "thử", PASS)
    assert _status(prov, held.bundle_id) == "held"


def test_gaps() -> None:
    def c(node: str, seq: int) -> Change:
        return Change(origin_node=node, origin_seq=seq, txn_id="", hlc="", unit_code="", table_name="t", record_id="r",
                      op="update", row_version=1, actor="", at_utc="", before_json=None, after_json="{}")

    assert sync_release.gaps({"a": 3}, [c("a", 4), c("a", 5)]) == {}
    assert sync_release.gaps({"a": 3}, [c("a", 7), c("a", 8), c("b", 2)]) == {"a": [(4, 6)], "b": [(1, 1)]}
    assert sync_release.gaps({}, [c("a", 1), c("a", 3)]) == {"a": [(2, 2)]}


def test_a_quarantined_bundle_is_read_again_in_full(world: World) -> None:
    """Once a newer program can apply it, importing it again applies it: it is not 'the same bundle
    again, unchanged'."""
    prov, receiver = world.province, world.province.receiver()
    (got,) = prov.import_with(receiver, *world.bundles["x1"][1])
    with prov.db.session() as s:  # as a program without one of its tables left it
        row = s.get(BundleIn, got.bundle_id)
        row.status, row.reason_vi, row.reason_en = "quarantined", "Bảng dữ liệu không có", "No such table"
    before = prov.hash()
    (again,) = prov.import_with(receiver, *world.bundles["x1"][1])
    assert again.status == "applied" and _status(prov, got.bundle_id) == "applied"
    assert prov.hash() == before  # every change already held: unchanged, nothing written twice
    with prov.db.reader() as s:
        assert s.scalars(select(BundleIn.status)).all() == ["applied"]


def test_the_command_line_releases(world: World) -> None:
    prov = world.province
    prov.import_with(prov.receiver(), *world.bundles["x1"][1])
    (held,) = prov.import_with(prov.receiver(), *world.bundles["x3"][1])
    prov.db.dispose()
    no_reason = run_cli(prov.dir, "sync", "release", held.bundle_id, "--reason", " ", "--passphrase-env", "P", P=PASS)
    assert no_reason.returncode != 0 and "lý do" in no_reason.stderr and "Traceback" not in no_reason.stderr
    done = run_cli(prov.dir, "--lang", "en", "sync", "release", held.bundle_id, "--reason", "stick lost", "--json",
                   "--passphrase-env", "P", P=PASS)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["status"] == "applied" and out["waived"] == {world.pc.device: list(world.bundles["x2"][2])}
    status = run_cli(prov.dir, "sync", "status", "--json")
    assert json.loads(status.stdout)["waiting"] == []


def _backups(prov: Province) -> list[backup.Entry]:
    with at(prov.dir):  # `at` does not nest: each call resolves the province's folders afresh
        return backup.list_backups(prov.db)


def test_bundles_read_by_hand_and_a_release_are_backed_up_first(world: World) -> None:
    """Once the province has a backup key, reading bundles from a stick, and releasing one, first make an
    encrypted 'before-import' backup of the state they change (issue 13 §4); a dry run makes none."""
    prov = world.province
    with at(prov.dir):
        backup.set_up_key(prov.db, "ba con meo trèo cây cau 2026")
    prov.import_(*world.bundles["x2"][1], dry_run=True)
    assert _backups(prov) == []
    (first,) = prov.import_(*world.bundles["x1"][1])
    (held,) = prov.import_(*world.bundles["x3"][1])
    assert first.status == "applied" and held.status == "held"
    made = _backups(prov)
    assert [e.reason for e in made] == ["before-import", "before-import"]  # the second: x1 changed the data
    assert made[0].seq > made[1].seq
    for entry in made:  # so that the release's own backup shows (one as new as the data is skipped)
        entry.path.unlink()
    with at(prov.dir):
        sync_release.release(prov.db, held.bundle_id, "USB bị mất", PASS)
    (own,) = _backups(prov)
    assert own.reason == "before-import" and own.seq == made[0].seq  # the state the release changed


def test_records_the_province_acknowledged_are_frozen(world: World) -> None:
    """What a receipt acknowledged is frozen: its version stays readable as sent; a record written after
    the last receipt is not (issue 10 §1)."""
    from papi_desktop.services import record_history  # noqa: PLC0415
    from papi_desktop.storage.registers import Reception  # noqa: PLC0415

    pc = world.pc
    with pc.db.reader() as s:
        ids = list(s.scalars(select(Reception.id)))
    by_seq = sorted(ids, key=lambda rid: record_history.history(pc.db, "reception", rid)[0].seq)
    acknowledged, after_last_receipt = by_seq[-2], by_seq[-1]  # x2's visit (receipt read), x3's (none yet)
    assert record_history.history(pc.db, "reception", acknowledged)[-1].frozen_by == ["province"]
    assert record_history.history(pc.db, "reception", after_last_receipt)[-1].frozen_by == []
