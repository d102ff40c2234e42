"""Encrypted backups: made, read by the standard age tool, verified, refused when damaged or forged,
restored with the replaced state kept, rotated, made automatically and copied to a USB folder."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519
from sqlalchemy import text

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.services import backup, backup_rotation, reception, setup
from papi_desktop.storage.migrate import SCHEMA_HEAD
from papi_desktop.sync import envelope

PASS = "suoi-trong-may-bay-7391"
CITIZEN, CCCD = "Quàng Thị Ánh Tuyết", "014190000123"


def visit(db, name: str = CITIZEN, cccd: str = CCCD) -> None:  # noqa: ANN001
    reception.add_reception(db, reception.ReceptionInput(
        received_on=date(2026, 6, 1), citizens=[reception.CitizenInput(name, "Bản Nà Sẳng", cccd)],
        summary="Đề nghị làm lại cầu treo", classes=["kien_nghi"]))


def names(db) -> list[str]:  # noqa: ANN001
    with db.reader() as s:
        return sorted(s.execute(text("SELECT name FROM reception_citizen")).scalars())


def attach(content: bytes, name: str = "bien-ban.pdf") -> Path:
    folder = paths.attachments_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (hashlib.sha256(content).hexdigest() + Path(name).suffix)
    path.write_bytes(content)
    return path


def leftovers(*folders: Path) -> list[str]:
    """What a backup, a check or a restore may leave behind when it goes wrong."""
    found = []
    for folder in folders:
        found += [p.name for p in folder.glob(".*") if p.name.endswith(".part") or p.name.startswith(
            (".backup-work-", ".verify-", ".restore-"))]
    return found


def identity() -> x25519.Identity:
    return x25519.Identity.from_str(envelope.unprotect_identity((paths.keys_dir() / backup.KEY_FILE).read_bytes(), PASS))


def members(path: Path) -> dict[str, bytes]:
    """A backup opened the way a person would, with the identity the passphrase opens."""
    with tarfile.open(fileobj=io.BytesIO(pyrage.decrypt(path.read_bytes(), [identity()]))) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar}


def forge(path: Path, content: dict[str, bytes], manifest: dict | None = None) -> Path:
    """A tar encrypted to this PC's backup recipient (public: anyone can make one), named like a backup."""
    if manifest is not None:
        manifest = {**manifest, "files": {n: {"size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
                                          for n, b in content.items() if n != backup.MANIFEST}}
        content = {**{n: b for n, b in content.items() if n != backup.MANIFEST},
                   backup.MANIFEST: json.dumps(manifest).encode()}
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in content.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    recipient = x25519.Recipient.from_str((paths.keys_dir() / backup.KEY_PUB).read_text().strip())
    path.write_bytes(pyrage.encrypt(buf.getvalue(), [recipient]))
    return path


def test_a_backup_is_one_encrypted_file_that_age_opens_and_verify_describes(db, tmp_path: Path) -> None:  # noqa: ANN001
    visit(db)
    evidence = attach(os.urandom(300_000) + CITIZEN.encode())
    made = backup.create(db, PASS)
    folder = paths.backups_dir()
    assert made.entry.path.parent == folder and made.entry.reason == "manual" and made.entry.node == db.clock.node
    assert sorted(p.name for p in folder.iterdir()) == sorted([made.entry.path.name, backup.key_beside(db.clock.node)])
    assert leftovers(folder, paths.data_dir()) == []
    if os.name == "posix":
        assert made.entry.path.stat().st_mode & 0o077 == 0  # the user's only, whatever the umask
    blob = made.entry.path.read_bytes()
    assert blob.startswith(b"age-encryption.org/v1\n-> X25519 ")
    for clear in (CITIZEN.encode(), CCCD.encode(), b"SQLite format 3", b"MANIFEST"):
        assert clear not in blob
    # Debian's age, given the identity the passphrase opens, reads a plain tar
    (tmp_path / "id.txt").write_text(str(identity()))
    listed = subprocess.run(f"age -d -i {tmp_path / 'id.txt'} {made.entry.path} | tar -t", shell=True, check=True,
                            capture_output=True, text=True).stdout.split()
    assert listed[0] == "papi.db" and listed[-1] == "MANIFEST.json"
    assert f"attachments/{evidence.name}" in listed and "keys/backup-age.key" in listed
    manifest = backup.verify(made.entry.path, PASS)
    with db.reader() as s:
        last = s.execute(text("SELECT max(seq) FROM change_log")).scalar()
    assert (manifest.node, manifest.unit, manifest.schema, manifest.seq, manifest.reason) == (
        db.clock.node, "03985", SCHEMA_HEAD, last, "manual")
    assert manifest.own_seq == last and manifest.attachments == 1 and made.entry.seq == last
    assert manifest.files[f"attachments/{evidence.name}"]["sha256"] == hashlib.sha256(evidence.read_bytes()).hexdigest()
    assert leftovers(folder, paths.data_dir()) == []
    assert [e.path for e in backup.list_backups(db)] == [made.entry.path]


def test_the_passphrase_is_set_once_and_checked_at_every_backup_by_hand(db) -> None:  # noqa: ANN001
    with pytest.raises(KnownError, match="phổ biến"):
        backup.create(db, "password")  # a new passphrase follows the keys' rule
    assert not backup.has_key() and not paths.backups_dir().exists()
    with pytest.raises(KnownError, match="Chưa đặt mật khẩu sao lưu"):
        backup.create(db, None)
    assert backup.automatic(db) is None  # nobody to type one, and no key yet: nothing
    backup.create(db, PASS)
    with pytest.raises(KnownError, match="Mật khẩu sao lưu không đúng"):
        backup.create(db, PASS + "x")
    assert len(backup.list_backups(db)) == 1
    made = backup.create(db, None, reason="manual")  # the key exists: no passphrase needed to encrypt
    with pytest.raises(KnownError, match="Mật khẩu sao lưu không đúng"):
        backup.verify(made.entry.path, "wrong-passphrase-123")


def test_a_damaged_or_forged_backup_is_refused_before_anything_is_replaced(db, tmp_path: Path) -> None:  # noqa: ANN001
    visit(db)
    made = backup.create(db, PASS).entry.path
    before = (paths.db_path().read_bytes(), names(db))
    real = members(made)
    manifest = json.loads(real[backup.MANIFEST])
    folder = made.parent
    blob = made.read_bytes()

    def refused(path: Path, match: str, restoring: bool = False) -> None:
        with pytest.raises(KnownError, match=match):
            (backup.restore(path, PASS, db) if restoring else backup.verify(path, PASS))
        assert (paths.db_path().read_bytes(), names(db)) == before
        assert leftovers(folder, paths.data_dir()) == []
        assert not (tmp_path / "escaped").exists()

    def named(stem: str) -> Path:
        return folder / made.name.replace("-manual", f"-{stem}")

    cut = named("before-import")
    cut.write_bytes(blob[: len(blob) // 2])
    refused(cut, "bị cắt hoặc bị sửa", restoring=True)
    flipped = named("daily")
    flipped.write_bytes(blob[:5000] + bytes([blob[5000] ^ 1]) + blob[5001:])
    refused(flipped, "bị cắt hoặc bị sửa")
    refused(forge(named("before-migration"), {"hello.txt": b"hi"}), "phần không hợp lệ")
    refused(forge(named("before-restore"), {"papi.db": real["papi.db"], "../../escaped": b"x",
                                            backup.MANIFEST: real[backup.MANIFEST]}), "phần không hợp lệ", True)
    other = dict(real)
    other["keys/backup-age.pub"] = b"age1 someone else\n"  # the manifest names the real file's hash
    refused(forge(named("manual-2"), other), "không khớp bản kê khai")
    page = bytearray(real["papi.db"])
    page[4096 * 3: 4096 * 3 + 64] = b"\xff" * 64  # a damaged page, hashes made to match
    refused(forge(named("manual-3"), {**real, "papi.db": bytes(page)}, manifest), "không toàn vẹn|hỏng", True)
    newer = tmp_path / "newer.db"
    newer.write_bytes(real["papi.db"])
    with contextlib.closing(sqlite3.connect(newer)) as con, con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    refused(forge(named("manual-4"), {**real, "papi.db": newer.read_bytes()}, {**manifest, "schema": "9999"}),
            "phiên bản PAPI Desktop mới hơn")
    other_key = named("manual-5")
    someone = x25519.Identity.generate()
    other_key.write_bytes(pyrage.encrypt(b"not for you", [someone.to_public()]))
    refused(other_key, "khóa sao lưu khác")
    lone = tmp_path / "lone" / made.name
    lone.parent.mkdir()
    shutil.copy(made, lone)
    shutil.move(paths.keys_dir() / backup.KEY_FILE, tmp_path / "key-away")
    with pytest.raises(KnownError, match="Không tìm thấy khóa của bản sao lưu"):
        backup.verify(lone, PASS)
    assert backup.verify(lone, PASS, key_file=tmp_path / "key-away").node == db.clock.node


def test_restore_brings_the_old_state_back_and_keeps_the_replaced_one_as_a_backup(db, tmp_path: Path) -> None:  # noqa: ANN001
    visit(db, "Lò Văn Một", "014190000001")
    first = attach(b"bien ban 1" * 1000)
    made = backup.create(db, PASS).entry.path
    visit(db, "Cầm Thị Hai", "014190000002")
    later = attach(b"bien ban 2" * 1000)
    (paths.trust_dir()).mkdir(exist_ok=True)
    (paths.trust_dir() / "extra.pem").write_text("later")
    with db.reader() as s:
        changes_before = s.execute(text("SELECT count(*) FROM change_log")).scalar()
    done = backup.restore(made, PASS, db)
    assert done.comparison is not None and done.comparison.same_pc
    assert done.comparison.later_changes > 0 and done.comparison.sent_later == 0  # nothing was sent
    assert done.replaced_folder is None and done.replaced_backup is not None
    assert done.replaced_backup.name.endswith("-before-restore.age")
    data = paths.data_dir()
    assert not list(data.glob(".restore-*")) and not (data / "papi.db-wal").exists()
    assert hashlib.sha256(paths.db_path().read_bytes()).hexdigest() == done.manifest.files["papi.db"]["sha256"]
    assert first.is_file() and not later.exists() and not (paths.trust_dir()).exists()
    reopened = setup.open_database(user="tester")
    try:
        assert names(reopened) == ["Lò Văn Một"] and reopened.clock.node == db.clock.node
    finally:
        reopened.dispose()
    replaced = members(done.replaced_backup)  # the state replaced is whole in its backup
    assert f"attachments/{later.name}" in replaced and replaced["trust/extra.pem"] == b"later"
    (tmp_path / "replaced.db").write_bytes(replaced["papi.db"])
    with contextlib.closing(sqlite3.connect(tmp_path / "replaced.db")) as con:
        assert con.execute("SELECT count(*) FROM change_log").fetchone()[0] == changes_before
        assert sorted(r[0] for r in con.execute("SELECT name FROM reception_citizen")) == ["Cầm Thị Hai", "Lò Văn Một"]


def test_a_backup_of_another_pc_is_not_restored_over_a_pc_that_syncs(db, tmp_path: Path) -> None:  # noqa: ANN001
    from papi_desktop.storage.sync_state import BundleOut

    made = backup.create(db, PASS).entry.path
    with db.session() as s:  # this PC has sent a bundle under its own id
        s.add(BundleOut(bundle_id="b1", digest="0" * 64, peer="province", ranges_json="{}", changes=0,
                        created_at="2026-06-01T00:00:00+00:00"))
    with db.session() as s:
        s.execute(text("UPDATE local_setting SET value = 'otherpc00001' WHERE key = 'node_id'"))
    db.dispose()
    other = setup.open_database(user="tester")
    try:
        with pytest.raises(KnownError, match="máy khác"):
            backup.restore(made, PASS, other)
        assert other.clock.node == "otherpc00001" and leftovers(paths.data_dir()) == []
    finally:
        other.dispose()


def _entry(when: datetime, reason: str, n: int = 0) -> backup.Entry:
    return backup.Entry(Path(f"{when:%Y%m%d%H%M%S}-{reason}-{n}"), "03985", "pc1", when, 1, reason, 0)


def test_rotation_keeps_days_weeks_months_and_the_newest_of_each_event() -> None:
    rules = {"daily": 7, "weekly": 4, "monthly": 6, "before-migration": 3, "before-import": 5, "before-restore": 3}
    noon = datetime(2026, 12, 31, 12, tzinfo=UTC)
    daily = [_entry(noon - timedelta(days=d, hours=h), "daily", h) for d in range(400) for h in (0, 3)]
    events = [_entry(noon - timedelta(hours=h), r) for h in range(10) for r in backup_rotation.EVENT_REASONS]
    manual = [_entry(noon - timedelta(days=500 + d), "manual") for d in range(3)]
    gone = {e.path for e in backup_rotation.to_prune(daily + events + manual, rules)}
    kept = [e for e in daily + events + manual if e.path not in gone]
    kept_daily = sorted((e.created_at for e in kept if e.reason == "daily"), reverse=True)
    # the later of each of the last 7 days; then of ISO weeks 51 and 50 (52 and 53 have theirs already);
    # then of each month back to July (December has its own already)
    days = [31, 30, 29, 28, 27, 26, 25]
    expected = [datetime(2026, 12, d, 12, tzinfo=UTC) for d in [*days, 20, 13]]
    expected += [datetime(2026, m, d, 12, tzinfo=UTC) for m, d in ((11, 30), (10, 31), (9, 30), (8, 31), (7, 31))]
    assert kept_daily == expected
    for reason, count in (("before-migration", 3), ("before-import", 5), ("before-restore", 3)):
        mine = sorted((e.created_at for e in kept if e.reason == reason), reverse=True)
        assert mine == [noon - timedelta(hours=h) for h in range(count)]
    assert all(e.path not in gone for e in manual)  # made by hand: never deleted


def test_automatic_backups_daily_before_imports_and_to_the_usb_folder(db, tmp_path: Path) -> None:  # noqa: ANN001
    backup.create(db, PASS)
    first = backup.automatic(db)  # no daily one yet: due
    assert first is not None and first.entry.reason == "daily"
    assert backup.automatic(db) is None  # made less than a day ago
    assert not backup.daily_due(db) and backup.daily_due(db, datetime.now(UTC) + timedelta(hours=25))
    assert backup.automatic(db, "before-import") is None  # nothing changed since the newest
    visit(db)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_usb_folder(db, usb)
    made = backup.automatic(db, "before-import")
    assert made is not None and made.entry.reason == "before-import" and made.notes == []
    assert made.copies == [usb / made.entry.path.name]
    assert (usb / made.entry.path.name).read_bytes() == made.entry.path.read_bytes()
    assert (usb / backup.key_beside(db.clock.node)).read_bytes() == (paths.keys_dir() / backup.KEY_FILE).read_bytes()
    assert {e.path for e in backup.list_backups(db)} >= {made.entry.path, usb / made.entry.path.name}
    shutil.rmtree(usb)  # the stick taken away: the backup is made on the PC, and the user told
    visit(db, "Lò Văn Ba", "014190000003")
    made = backup.automatic(db, "before-import")
    assert made is not None and made.copies == [] and "không có (ổ chưa cắm)" in made.notes[0][0]
    assert backup.verify(made.entry.path, PASS).reason == "before-import"


def test_a_rotation_in_use_deletes_only_this_pcs_scheduled_backups(db) -> None:  # noqa: ANN001
    backup.create(db, PASS)
    folder = paths.backups_dir()
    old = datetime.now(UTC) - timedelta(days=3)
    fakes = [folder / backup._file_name("03985", db.clock.node, old - timedelta(minutes=m), 1, "daily")  # noqa: SLF001
             for m in range(3)]
    sibling = folder / backup._file_name("03985", "siblingpc001", old - timedelta(days=30), 1, "daily")  # noqa: SLF001
    for path in (*fakes, sibling):
        path.write_bytes(b"x")
    backup.automatic(db)
    left = {p.name for p in folder.iterdir()}
    assert fakes[0].name in left and fakes[1].name not in left and fakes[2].name not in left  # one per day
    assert sibling.name in left  # another PC's, on a shared stick: never ours to delete
