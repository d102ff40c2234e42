"""A full, a read-only and a pulled-out destination while a report is exported, a sync bundle is written
and a backup is made: a clear message (what the user reads: failures.known_error, as the window and the
command line show it), nothing under a final name, no number issued nor bundle marked sent, and the
database and its audit chain as they were. On real small filesystems (tmpfs, mounted as root; skipped
otherwise); the backup's full and pulled-out cases are in test_backup_disk.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from disk import listing, read_only, stick, tmpfs
from sqlalchemy import func, select
from sync_world import Commune, Province, at
from test_backup import PASS as BACKUP_PASS
from test_backup import leftovers, visit

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.services import audit, backup, export_staging, failures, keys, reports, setup
from papi_desktop.services import sync as sync_service
from papi_desktop.storage.sync_state import Ack, BundleOut
from papi_desktop.sync import bundle

TODAY = date(2026, 6, 5)
PASS = "mat-khau-xa-2026"


def _told(exc: BaseException) -> KnownError:
    """What the user reads for exc: words, never "an unexpected error"."""
    known = failures.known_error(exc)
    assert known is not None, f"no words for {exc!r}"
    assert "không mong muốn" not in failures.explain(exc)
    return known


# --- a report export ---------------------------------------------------------------------------------

@pytest.fixture
def demo(bare_db):  # noqa: ANN001, ANN201
    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    return bare_db


def _export(db, out: Path, signed: bool) -> reports.ExportResult:  # noqa: ANN001
    request = reports.ExportRequest("papi-6m", reports.resolve_period("papi-6m", "2026-H1", today=TODAY), TODAY)
    return reports.export(db, request, out, reports.SignOptions(PASS) if signed else None, TODAY)


def _register(db) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(i.number_ref, i.status) for i in reports.register(db, 2026)]


def _as_it_was(db, entries: int, numbered: bool) -> None:  # noqa: ANN001
    """No export in progress left, its lock gone, the audit chain whole; added to it only the number's
    reservation and withdrawal (changes to the outgoing register), no export entry."""
    with db.reader() as s:
        assert export_staging._entries(s) == {}  # noqa: SLF001
    assert list((paths.cache_dir() / "locks").glob("export-*.lock")) == []
    verdict = audit.verify(db)
    assert verdict.ok
    added = audit.list_entries(db, limit=verdict.entries - entries) if verdict.entries > entries else []
    assert {(e.kind, *e.detail.get("tables", {})) for e in added} == ({("change", "outgoing_document")} if numbered
                                                                       else set())


# The PDF is about 110 kB unsigned, 145 kB signed; the Excel file 13 kB.
@pytest.mark.parametrize(("signed", "size"), [(False, "96k"), (False, "120k"), (True, "200k")],
                         ids=["no-room-for-the-pdf", "no-room-for-the-excel-file", "no-room-for-the-signed-pdf"])
def test_a_report_on_a_full_stick_says_so_and_leaves_no_file(demo, tmp_path: Path, signed: bool,  # noqa: ANN001
                                                              size: str) -> None:
    entries = audit.verify(demo).entries
    with tmpfs(tmp_path / "stick", size) as full:
        with pytest.raises(KnownError) as err:
            _export(demo, full, signed)
        told = _told(err.value)
        assert "Ổ đĩa đã đầy" in told.vi and "The disk is full" in told.en
        assert listing(full) == []  # not a final name, not a staging folder, not a .part
    assert _register(demo) == [("01/BC-UBND", "cancelled")]  # taken, then withdrawn: never issued, never reused
    _as_it_was(demo, entries, numbered=True)
    done = _export(demo, tmp_path / "out", signed)  # the data fine: the next export takes the next number
    assert done.number_ref == "02/BC-UBND" and all(f.is_file() for f in done.files)


def test_a_report_to_a_read_only_stick_is_refused_before_a_number_is_taken(demo, tmp_path: Path) -> None:  # noqa: ANN001
    entries = audit.verify(demo).entries
    with tmpfs(tmp_path / "stick", "1m") as locked:
        (locked / "bao-cao-cu.pdf").write_bytes(b"%PDF-1.7 older report")
        read_only(locked)
        with pytest.raises(KnownError) as err:
            _export(demo, locked, signed=True)
        told = _told(err.value)
        assert told.vi.startswith(f"Ổ đĩa chỉ cho phép đọc ({locked.resolve()}): chưa xuất báo cáo, chưa lấy số")
        assert "no number was taken" in told.en and "read-only" in told.en
        assert listing(locked) == ["bao-cao-cu.pdf"]
    assert _register(demo) == []  # no number taken at all
    _as_it_was(demo, entries, numbered=False)


@pytest.mark.parametrize("signed", [False, True], ids=["while-the-pdf-is-written", "after-signing"])
def test_a_stick_pulled_out_mid_export_leaves_no_file_and_the_next_export_clears_it(
        demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signed: bool) -> None:  # noqa: ANN001
    from reportlab.platypus import BaseDocTemplate

    from papi_desktop.exports import signing

    entries = audit.verify(demo).entries
    with stick(tmp_path / "stick", "8m") as usb:
        # unsigned: the PDF written, not yet renamed; signed: the signed PDF in place, the .xlsx's
        # signature next (written on the PC's disk beneath, where the export then finds nothing)
        target, name = (signing, "sign_pdf") if signed else (BaseDocTemplate, "build")
        real = getattr(target, name)

        def pulled(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            done = real(*args, **kwargs)
            usb.pull()
            return done

        monkeypatch.setattr(target, name, pulled)
        with pytest.raises((OSError, KnownError)) as err:
            _export(demo, usb.folder, signed)
        monkeypatch.undo()
        told = _told(err.value)
        assert told.vi.startswith(f"Thư mục {usb.folder.resolve()} không còn (ổ USB bị rút ra?)")
        assert "USB stick pulled out" in told.en
        assert listing(usb.folder) == []  # nothing on the PC's disk beneath either
        assert _register(demo) == [("01/BC-UBND", "cancelled")]
        _as_it_was(demo, entries, numbered=True)
        kept = listing(usb.inside)  # the stick itself: an unfinished, hidden staging folder only
        assert kept and all(n.startswith(export_staging.STAGING_PREFIX) for n in kept)
        usb.plug()
        done = _export(demo, usb.folder, signed)  # the next export into the folder clears it
        assert done.number_ref == "02/BC-UBND"
        assert listing(usb.folder) == sorted(f.name for f in done.files)


# --- a sync bundle -----------------------------------------------------------------------------------

class World:
    """A province and an enrolled commune (the demo commune), with what the commune has to send."""

    def __init__(self, root: Path) -> None:
        self.province = Province(root / "province")
        self.commune = Commune(root / "commune", self.province)

    def export(self, out: Path) -> sync_service.ExportResult | None:
        return self.commune.export(out)

    def outbox(self) -> tuple[int, int, int]:
        """Changes pending for the province, bundles recorded as written, acknowledgements."""
        db = self.commune.db
        with at(self.commune.dir), db.reader() as s:
            return (len(sync_service.pending(db)), s.scalar(select(func.count()).select_from(BundleOut)) or 0,
                    s.scalar(select(func.count()).select_from(Ack)) or 0)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = World(tmp_path_factory.mktemp("sync"))
    yield w
    w.province.db.dispose()
    w.commune.db.dispose()


def _bundle_told(exc: KnownError, first: str) -> None:
    told = _told(exc)
    assert told.vi.startswith(first) and "chưa ghi được gói dữ liệu" in told.vi
    assert "the bundle was not written" in told.en


def test_a_bundle_on_a_full_stick_says_so_and_marks_nothing_sent(world: World, tmp_path: Path) -> None:
    before = world.outbox()
    assert before[0] > 100 and before[1:] == (0, 0)
    with tmpfs(tmp_path / "stick", "64k") as full:  # the demo commune's bundle is about 120 kB
        with pytest.raises(KnownError) as err:
            world.export(full)
        _bundle_told(err.value, f"Ổ đĩa đã đầy ({full}): chưa ghi được gói dữ liệu.")
        assert "chưa có thay đổi nào được đánh dấu là đã gửi" in err.value.vi
        assert listing(full) == []  # neither a part under its final name nor a temporary part nor a lock
    assert world.outbox() == before


def test_a_bundle_to_a_read_only_stick_is_refused(world: World, tmp_path: Path) -> None:
    before = world.outbox()
    with tmpfs(tmp_path / "stick", "1m") as locked:
        (locked / "ghi-chu.txt").write_text("gói tháng trước đã nộp")
        read_only(locked)
        with pytest.raises(KnownError) as err:
            world.export(locked)
        _bundle_told(err.value, f"Ổ đĩa chỉ cho phép đọc ({locked}): chưa ghi được gói dữ liệu.")
        assert listing(locked) == ["ghi-chu.txt"]
    assert world.outbox() == before


def test_a_stick_pulled_out_mid_bundle_marks_nothing_sent_and_the_next_write_clears_it(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = world.outbox()
    with stick(tmp_path / "stick", "8m") as usb:
        real = bundle._Parts.write  # noqa: SLF001

        def pulled(self, data: bytes) -> int:  # noqa: ANN001 - the first block written: the stick goes
            done = real(self, data)
            monkeypatch.setattr(bundle._Parts, "write", real)  # noqa: SLF001
            usb.pull()
            return done

        monkeypatch.setattr(bundle._Parts, "write", pulled)  # noqa: SLF001
        with pytest.raises(KnownError) as err:
            world.export(usb.folder)
        _bundle_told(err.value, f"Thư mục {usb.folder} không còn (ổ USB bị rút ra?): chưa ghi được gói dữ liệu.")
        assert listing(usb.folder) == []
        assert world.outbox() == before  # the bundle recorded before the renames is forgotten again
        kept = listing(usb.inside)  # on the stick: a hidden temporary part and the writer's lock, no bundle
        assert len(kept) == 2 and all(n.startswith(".papi-") for n in kept) and not any(n.endswith(".papi")
                                                                                         for n in kept)
        usb.plug()
        sent = world.export(usb.folder)  # the next write clears the leftovers; the outbox sends it all
        assert sent is not None and sent.changes == before[0]
        assert listing(usb.folder) == [sent.files[0].name]
    assert world.outbox() == (before[0], before[1] + 1, before[2])


# --- a backup ------------------------------------------------------------------------------------------

def test_a_backup_to_a_read_only_stick_writes_nothing_and_says_so(db, tmp_path: Path) -> None:  # noqa: ANN001
    visit(db)
    backup.create(db, BACKUP_PASS)
    with tmpfs(tmp_path / "stick", "4m") as locked:
        older = backup.create(db, None, dest_dir=locked).entry.path
        before, kept = listing(locked), listing(paths.backups_dir())
        entries = audit.verify(db).entries
        read_only(locked)
        with pytest.raises(KnownError) as err:
            backup.create(db, None, dest_dir=locked)
        told = _told(err.value)
        assert told.vi.startswith(f"Ổ đĩa chỉ cho phép đọc ({locked}): không sao lưu được.")
        assert "read-only" in told.en and "no backup was made" in told.en
        assert listing(locked) == before and listing(paths.backups_dir()) == kept
        assert leftovers(paths.data_dir(), paths.backups_dir()) == []
        verdict = audit.verify(db)
        assert verdict.ok and verdict.entries == entries  # no backup entered
        # automatic: made on the PC, the copy to the locked stick refused with the reason
        backup.set_usb_folder(db, locked)
        visit(db, "Lò Văn Ba", "014190000003")
        made = backup.automatic(db, "before-import")
        assert made is not None and made.copies == [] and "Ổ đĩa chỉ cho phép đọc" in made.notes[0][0]
        assert listing(locked) == before and made.entry.path.is_file()
        assert backup.verify(older, BACKUP_PASS).reason == "manual"
    assert audit.list_entries(db, limit=1)[0].kind == "backup" and audit.verify(db).ok
