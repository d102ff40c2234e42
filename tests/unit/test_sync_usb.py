"""Sync by USB end to end, in temporary data folders: the province and a commune, enrolment, bundles,
receipts, the same bundle twice, a bundle whose predecessor is missing, dry runs, and a citizen's
name and identity number never in clear in anything written for transport."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_world import PASS, Commune, Province, at, balanced

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import province, setup
from papi_desktop.services import sync as sync_service
from papi_desktop.sync.state import state_hash

CITIZEN, CCCD = "Quàng Thị Ánh Tuyết", "014190000123"


class World:
    """A province and an enrolled commune (the demo commune)."""

    def __init__(self, root: Path) -> None:
        self.province = Province(root / "province")
        self.commune = Commune(root / "commune", self.province)
        self.pdir, self.pdb, self.cdir, self.cdb = self.province.dir, self.province.db, self.commune.dir, self.commune.db
        self.usb = self.commune.usb

    def export(self, out: Path | None = None) -> sync_service.ExportResult | None:
        return self.commune.export(out)

    def import_(self, *files: Path, dry_run: bool = False) -> list[sync_service.Summary]:
        return self.province.import_(*files, dry_run=dry_run)

    def receipt(self, path: str) -> sync_service.ReceiptResult:
        return self.commune.receipt(path)

    def add_visit(self, name: str = CITIZEN, cccd: str = CCCD) -> None:
        self.commune.add_visit(name, cccd)

    def hashes(self) -> tuple[str, str]:
        return self.province.hash(), self.commune.hash()

    def close(self) -> None:
        self.pdb.dispose()
        self.cdb.dispose()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = World(tmp_path_factory.mktemp("sync"))
    yield w
    w.close()


_balanced = balanced


def test_first_bundle_applies_and_the_same_one_again_changes_nothing(world: World) -> None:
    world.add_visit()
    sent = world.export()
    assert sent is not None and sent.changes > 100 and len(sent.files) == 1
    assert sent.files[0].name.startswith("papi-03985-") and CITIZEN not in sent.files[0].name
    dry = world.import_(sent.files[0], dry_run=True)[0]
    assert dry.status == "applied" and dry.dry_run and _balanced(dry)
    first = world.import_(sent.files[0])[0]
    assert first.status == "applied" and first.records == sent.changes and _balanced(first)
    assert first.imported > 0 and first.receipt
    assert dry.imported == first.imported  # the dry run saw exactly what the import did
    province_hash, commune_hash = world.hashes()
    assert province_hash == commune_hash
    receipt_bytes = Path(first.receipt).read_bytes()
    Path(first.receipt).unlink()  # a lost receipt is not a loss: the same bundle again returns it
    again = world.import_(world.usb)[0]
    assert again.status == "unchanged" and again.unchanged == again.records and _balanced(again)
    assert Path(again.receipt).read_bytes() == receipt_bytes
    assert world.hashes()[0] == province_hash
    done = world.receipt(again.receipt)
    assert done.status == "applied" and not done.already
    assert world.export() is None  # nothing left to send
    assert world.receipt(again.receipt).already


def test_a_bundle_whose_predecessor_is_missing_is_held_then_released(world: World, tmp_path: Path) -> None:
    world.add_visit("Lò Văn Thắng", "")
    second = world.export(tmp_path / "b2")
    # A province restored from a backup taken before the second bundle: simulate it with a copy.
    snapshot = tmp_path / "province-copy"
    world.pdb.engine.dispose()
    shutil.copytree(world.pdir, snapshot)
    applied = world.import_(second.files[0])[0]
    world.receipt(applied.receipt)
    world.add_visit("Cầm Văn Pọm", "")
    third = world.export(tmp_path / "b3")
    with at(snapshot):
        old = setup.open_database(user="so-noi-vu")
        held = sync_service.import_files(old, [third.files[0]], PASS)[0]
        assert held.status == "held" and held.held == held.records and _balanced(held)
        assert "thiếu" in held.reasons[0][0]
        released = sync_service.import_files(old, [second.files[0]], PASS)
        assert [r.status for r in released] == ["applied", "applied"]  # the second, then the third itself
        assert sync_service.status(old)["bundles"] == {"applied": 3}
        with old.reader() as s:
            copy_hash = state_hash(s)
        old.dispose()
    world.import_(third.files[0])
    assert world.hashes()[0] == copy_hash


def test_no_personal_data_in_clear_in_what_travels(world: World, tmp_path: Path) -> None:
    world.add_visit("Lường Thị Mỹ Dung", "014195007788")
    sent = world.export(tmp_path / "stick")
    written = [p for p in (tmp_path / "stick").rglob("*") if p.is_file()]
    assert written == sent.files
    forms = []
    for text in ("Lường Thị Mỹ Dung", "014195007788"):
        for norm in ("NFC", "NFD"):
            for codec in ("utf-8", "utf-16-le", "utf-16-be"):
                forms.append(unicodedata.normalize(norm, text).encode(codec))
    for path in written:
        data = path.read_bytes()
        assert not any(f in data for f in forms), path
        assert "Dung" not in path.name
    summary = world.import_(sent.files[0])[0]
    assert summary.status == "applied"
    receipt = Path(summary.receipt).read_bytes()
    assert not any(f in receipt for f in forms)


def test_rejections_say_why_and_write_nothing(world: World, tmp_path: Path) -> None:
    world.add_visit("Tòng Văn Hưng", "")
    sent = world.export(tmp_path / "x")
    before = world.hashes()[0]
    raw = bytearray(sent.files[0].read_bytes())
    raw[len(raw) // 2] ^= 0x10
    bad = tmp_path / "bad" / sent.files[0].name
    bad.parent.mkdir()
    bad.write_bytes(bytes(raw))
    result = world.import_(bad)[0]
    assert result.status == "rejected" and result.reasons and world.hashes()[0] == before
    with at(world.pdir):
        province.revoke(world.pdb, "03985", "máy bị mất")
    try:
        revoked = world.import_(sent.files[0])[0]
        assert revoked.status == "rejected" and "thu hồi" in revoked.reasons[0][0]
        assert world.hashes()[0] == before
    finally:
        from papi_desktop.storage.sync_state import Enrolment

        with world.pdb.session() as s:
            for row in s.query(Enrolment).all():
                row.revoked_at = None
    with pytest.raises(KnownError):
        with at(world.pdir):
            sync_service.import_files(world.pdb, [sent.files[0]], "sai-mat-khau-nhe")


def test_every_record_shows_where_it_stands(world: World, tmp_path: Path) -> None:
    from datetime import date

    from papi_desktop.services import reception, record_sync

    with at(world.cdir):
        visit = reception.add_reception(world.cdb, reception.ReceptionInput(
            received_on=date(2026, 6, 3), citizens=[reception.CitizenInput("Hà Văn Khoa", "Bản Hụm")],
            summary="Hỏi về hỗ trợ làm nhà", classes=["kien_nghi"]))

    def state() -> str:
        return record_sync.states(world.cdb, "reception", [visit])[visit].state

    assert state() == "local"
    sent = world.export(tmp_path / "s")
    assert state() == "sent"
    (summary,) = world.import_(sent.files[0])
    assert state() == "sent"  # until the receipt comes back
    world.receipt(summary.receipt)
    assert state() == "acknowledged"
    assert record_sync.STATES[state()][0] == "Tỉnh đã nhận"


def test_issued_reports_travel_and_enter_the_incoming_register(world: World, tmp_path: Path) -> None:
    from datetime import date

    from sync_world import COMMUNE_PASS

    from papi_desktop.services import incoming, reports

    today = date(2026, 7, 6)  # a period report is issued on or after its period's end
    with at(world.cdir):
        request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=today), today)
        issued = reports.export(world.cdb, request, tmp_path / "bao-cao", reports.SignOptions(COMMUNE_PASS), today)
        unsigned = reports.export(world.cdb, request, tmp_path / "bao-cao-2", None, today)
    sent = world.export(tmp_path / "r")
    assert sent.attachments >= 3  # the signed PDF, the Excel and its .p7s, exactly as issued
    (summary,) = world.import_(sent.files[0])
    assert summary.status == "applied"
    with at(world.pdir):
        register = {r.number_ref: r for r in incoming.incoming(world.pdb, "03985")}
    good, bad = register[issued.number_ref], register[unsigned.number_ref]
    assert good.valid and good.problems == [] and len(good.files) == 3
    assert not bad.valid and bad.problems  # kept and flagged, never silently accepted
    import json

    from cli_runner import run_cli

    listed = run_cli(world.pdir, "province", "incoming", "--unit", "03985")
    assert listed.returncode == 0, listed.stderr
    lines = {line.split("\t")[2]: line for line in listed.stdout.splitlines() if "\t" in line}
    assert "\thợp lệ\t" in lines[issued.number_ref] and "KHÔNG HỢP LỆ" in lines[unsigned.number_ref]
    as_json = json.loads(run_cli(world.pdir, "--lang", "en", "province", "incoming", "--json").stdout)
    verdicts = {r["number_ref"]: r["valid"] for r in as_json}
    assert verdicts[issued.number_ref] is True and verdicts[unsigned.number_ref] is False


def test_the_same_bundle_imported_twice_at_once_applies_once(world: World, tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    world.add_visit("Vì Văn Sáng", "")
    sent = world.export(tmp_path / "twice")
    world.pdb.engine.dispose()  # the two processes are the only users of the province's database
    cmd = [sys.executable, "-m", "papi_desktop", "--data-dir", str(world.pdir), "sync", "import", str(sent.files[0]),
           "--passphrase-env", "TINH_PASS", "--json"]
    env = {**__import__("os").environ, "TINH_PASS": PASS, "PYTHONIOENCODING": "utf-8"}
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _out, err in outputs]
    results = [json.loads(out)[0] for out, _err in outputs]
    assert sorted(r["status"] for r in results) == ["applied", "unchanged"]
    assert all(r["records"] == sent.changes for r in results)
    receipts = {Path(r["receipt"]).read_bytes() for r in results}
    assert len(receipts) == 1  # the one receipt of the bundle, whichever process answered
