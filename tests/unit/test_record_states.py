"""Every record shows where it stands (issue 10 §5), held, forked and quarantined too: a record a change
of which came in a bundle that waits shows that, with the bundle's reason, until the bundle applies.

The world: a province, one commune PC and a staging copy of the province that gives the receipts, so
the PC's bundles build on each other (x2 on x1, x3 on x2) while the real province has only x1. Real
bundles throughout; the quarantined one is a real signed bundle of a change this program cannot apply
(a column it lacks), as a newer program would write it."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_world import Commune, Province, at

from papi_desktop import __version__
from papi_desktop.services import enrolment, reception, record_sync, setup, sync_import
from papi_desktop.services import petitions as ps
from papi_desktop.storage.sync_state import BundleRecord
from papi_desktop.sync import bundle
from papi_desktop.sync.outbox import outbox

BACKUP_PASS = "nuong-ngo-sau-nha-4826"


@dataclass
class World:
    root: Path
    province: Province
    pc: Commune
    petition: str  # in x1; x2 adds a step to it, x3 closes it
    step: str
    bundles: dict[str, tuple[str, list[Path]]]  # name -> bundle id, files


def _export(w_pc: Commune, root: Path, name: str) -> tuple[str, list[Path]]:
    made = w_pc.export(root / name)
    assert made is not None
    return made.bundle_id, list(made.files)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("record-states")
    prov = Province(root / "province")
    pc = Commune(root / "pc", prov, demo=False)
    staging = prov.copy_to(root / "staging")
    receiver = staging.receiver()
    bundles = {}
    with at(pc.dir):
        petition = ps.add_petition(pc.db, ps.PetitionInput(received_on=date(2026, 6, 2), content="Đề nghị sửa đường",
                                                           content_class="kien_nghi", sender="Lò Văn Hùng"))
    for name in ("x1", "x2", "x3"):
        with at(pc.dir):
            if name == "x2":
                step = ps.add_step(pc.db, petition, "accept", date(2026, 6, 4), "5/TB-UBND")
            elif name == "x3":
                ps.close(pc.db, petition, date(2026, 6, 20), "Đã trả lời công dân")
        bundles[name] = _export(pc, root, name)
        if name != "x3":  # the staging province's receipt: the next bundle builds on this one
            (got,) = staging.import_with(receiver, *bundles[name][1])
            assert got.status == "applied", got.reasons
            pc.receipt(got.receipt)
    staging.db.dispose()
    (first,) = prov.import_(*bundles["x1"][1])
    assert first.status == "applied"
    yield World(root, prov, pc, petition, step, bundles)
    prov.db.dispose()
    pc.db.dispose()


def _state(w: World, table: str, record_id: str) -> record_sync.RecordState | None:
    return record_sync.states(w.province.db, table, [record_id]).get(record_id)


def _kept(w: World, bundle_id: str) -> set[tuple[str, str]]:
    with w.province.db.reader() as s:
        return {(r.table_name, r.record_id) for r in s.scalars(select(BundleRecord)
                                                                .where(BundleRecord.bundle_id == bundle_id))}


def test_a_record_in_a_held_bundle_is_held_with_the_reason_until_it_applies(world: World) -> None:
    w = world
    x2_id, x3_id = w.bundles["x2"][0], w.bundles["x3"][0]
    (held,) = w.province.import_(*w.bundles["x3"][1])
    assert held.status == "held"
    state = _state(w, "petition", w.petition)
    assert state is not None and state.state == "held"
    assert f"gói {x3_id[:8]} của máy {w.pc.device}" in state.reason_vi and "Còn thiếu thay đổi số" in state.reason_vi
    assert "Change number" in state.reason_en
    assert ("petition", w.petition) in _kept(w, x3_id)
    assert ("petition_step", w.step) not in _kept(w, x3_id)  # x2's, not x3's: its own state
    assert set(BundleRecord.__table__.c.keys()) == {"bundle_id", "table_name", "record_id"}  # nothing personal
    assert _state(w, "petition", "khong-co") is None  # no change, nothing waiting: no state

    (again,) = w.province.import_(*w.bundles["x3"][1])  # read again, held again: noted once
    assert again.status == "held" and _state(w, "petition", w.petition).state == "held"

    applied = w.province.import_(*w.bundles["x2"][1])  # the missing one: x3 applies after it
    assert [s.status for s in applied] == ["applied", "applied"] and applied[1].bundle_id == x3_id
    assert _state(w, "petition", w.petition).state not in ("held", "quarantined")
    assert _kept(w, x3_id) == set() and _kept(w, x2_id) == set()


def _crafted(w: World, device: str, changes: list[dict[str, object]]) -> Path:
    """A bundle of these changes, signed by a PC the province enrolled for the commune."""
    material = w.province.mint(w.pc.db.unit_code, device)
    ranges = {device: [changes[0]["origin_seq"], changes[-1]["origin_seq"]]}
    header = {"kind": "changes", "bundle_id": str(uuid.uuid4()), "commune": w.pc.db.unit_code, "device": device,
              "to": "province", "ranges": ranges, "prerequisites": {device: 0}, "changes": len(changes),
              "transactions": 1, "created_at_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
              "program": __version__}
    payload = "".join(json.dumps(c, ensure_ascii=False, sort_keys=True) + "\n" for c in changes)
    with at(w.pc.dir):
        recipients = enrolment.require_enrolled().recipients
    parts, _manifest = bundle.write_bundle(w.root / "crafted", f"papi-{device}-000001", header,
                                           [bundle.Member(sync_import.CHANGES, payload.encode())], material, recipients)
    return parts[0]


def test_a_record_in_a_quarantined_bundle_is_quarantined_with_the_reason(world: World) -> None:
    w = world
    device = f"maymoi{uuid.uuid4().hex[:6]}"
    with w.pc.db.reader() as s:
        change = next(c for c in outbox(s, "nobody") if c.table_name == "petition")
    stamp = f"{int(dt.datetime.now(dt.UTC).timestamp() * 1000):013d}-00000-{device}"
    newer = {**change.as_dict(), "origin_node": device, "origin_seq": 1, "hlc": stamp, "txn_id": str(uuid.uuid4()),
             "op": "update", "before_json": None, "after_json": json.dumps({"muc_do_hai_long": 4})}
    (got,) = w.province.import_(_crafted(w, device, [newer]))
    assert got.status == "quarantined", got.reasons
    state = _state(w, "petition", w.petition)
    assert state is not None and state.state == "quarantined"
    assert "muc_do_hai_long" in state.reason_vi and "cách ly" in state.reason_vi
    assert _state(w, "petition_step", w.step).state != "quarantined"  # not in that bundle
    assert _kept(w, got.bundle_id) == {("petition", w.petition)}


def test_a_record_in_a_fork_is_shown_held_with_the_fork_reason(world: World) -> None:
    """An old copy of the database file put back by hand (not through the program's restore, which
    numbers past what the PC used): new work is numbered as the lost work was, the province holds it
    as a fork, and the record says so."""
    import sqlite3

    w, pc = world, world.pc
    old = w.root / "old-copy.sqlite"
    live, copy = sqlite3.connect(pc.db.path), sqlite3.connect(old)
    live.backup(copy)
    live.close()
    copy.close()
    pc.add_visit("Cầm Thị Hai", "014190000002")
    (sent,) = w.province.import_(*_export(pc, w.root, "y1")[1])
    assert sent.status == "applied"
    path = pc.db.path
    pc.db.dispose()
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    path.write_bytes(old.read_bytes())
    with at(pc.dir):
        pc.db = setup.open_database(user="van-phong-pc")
        visit = reception.add_reception(pc.db, reception.ReceptionInput(
            received_on=date(2026, 6, 8), citizens=[reception.CitizenInput("Lường Thị Bốn", "Bản Hụm")],
            summary="Hỏi về hỗ trợ làm nhà", classes=["kien_nghi"]))
    (fork,) = w.province.import_(*_export(pc, w.root, "y2")[1])
    assert fork.status == "fork"
    state = _state(w, "reception", visit)
    assert state is not None and state.state == "held"
    assert "khôi phục từ bản sao lưu cũ" in state.reason_vi and "restored from an old backup" in state.reason_en
