"""A citizen's name and identity number (NFC and NFD, UTF-8 and UTF-16) in no file that sync writes
outside the databases: not in a bundle or its parts, not in a temporary part before its rename, not in
a held copy, a receipt, a before-import backup, a log, or any temporary file. Every file is read when
it is renamed or deleted (so temporary files are seen before they go) and every file left in the data
folders, the sticks and the temporary folder is read at the end. The databases are the only place the
values live in clear: they are the PC's records, not something that travels."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_world import Commune, Province, at, chained

from papi_desktop.services import backup
from papi_desktop.sync import bundle

NAME, CCCD = "Lò Thị Xuân Hương", "014188005566"
FORMS = [unicodedata.normalize(norm, text).encode(codec)
         for text in (NAME, CCCD, "Xuân Hương") for norm in ("NFC", "NFD")
         for codec in ("utf-8", "utf-16-le", "utf-16-be")]
_DATABASE = (".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal", ".db", ".db-wal", ".db-shm")


def _leaks(data: bytes) -> list[bytes]:
    return [f for f in FORMS if f in data]


class Watch:
    """Reads every regular file just before it is renamed over or deleted."""

    def __init__(self) -> None:
        self.seen: dict[str, list[bytes]] = {}
        self.names: list[str] = []

    def read(self, path: object) -> None:
        try:
            name = os.fspath(path)  # type: ignore[call-overload]
        except TypeError:
            return
        if not isinstance(name, str) or not os.path.isfile(name) or name.endswith(_DATABASE):
            return
        self.names.append(name)
        with open(name, "rb") as f:
            found = _leaks(f.read())
        if found:
            self.seen[name] = found


@pytest.fixture
def watch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Watch]:
    w = Watch()
    real_replace, real_rename, real_unlink = os.replace, os.rename, os.unlink

    def replace(src, dst, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        if not a and not kw:
            w.read(src)
        return real_replace(src, dst, *a, **kw)

    def rename(src, dst, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        if not a and not kw:
            w.read(src)
        return real_rename(src, dst, *a, **kw)

    def unlink(path, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        if not a and not kw.get("dir_fd"):
            w.read(path)
        return real_unlink(path, *a, **kw)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "remove", unlink)
    # Every temporary file of the run in a folder of the test, so the final scan sees what stays.
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    # Small parts: the bundle in several parts, each a temporary file renamed at the end.
    small = dict(bundle.limits(), part_bytes=64 * 1024)
    monkeypatch.setattr(bundle, "limits", lambda: small)
    yield w


def _scan(root: Path) -> dict[str, list[bytes]]:
    out = {}
    for path in root.rglob("*"):
        if path.is_file() and not path.name.endswith(_DATABASE):
            found = _leaks(path.read_bytes())
            if found:
                out[str(path)] = found
    return out


def test_no_clear_personal_data_in_any_file_sync_writes(watch: Watch, tmp_path: Path) -> None:
    root = tmp_path / "w"
    prov = Province(root / "province")
    pc = Commune(root / "commune", prov)
    staging = prov.copy_to(root / "staging")
    with at(pc.dir):
        backup.set_up_key(pc.db, "ba con meo treo cay cau 2026")
    with at(prov.dir):
        backup.set_up_key(prov.db, "ba con meo treo cay cau 2026")
    pc.add_visit(NAME, CCCD)
    pc.add_evidence(b"%PDF-1.4 bien ban " * 4000)  # parts with an attachment too
    # x1 applied at the staging copy and acknowledged; the province misses it, so x2 is held there
    # (its kept copy), then x1 arrives and both apply; a dry run; the same bundle again.
    sent = chained(pc, staging, root / "sticks", names=("x1", "x2"))
    pc.add_visit(NAME + " con", CCCD[:-1] + "7")
    assert len(sent["x2"][1]) >= 1
    (held,) = prov.import_(*sent["x2"][1])
    assert held.status == "held", held.reasons
    dry = prov.import_(*sent["x1"][1], dry_run=True)
    assert dry[0].status == "applied"
    got = prov.import_(*sent["x1"][1])  # x1, then the held x2 by itself
    assert [s.status for s in got] == ["applied", "applied"]
    # The released bundle's receipt lies on the stick beside x1's, not in the kept copy now removed.
    assert Path(got[1].receipt).parent == sent["x1"][1][0].parent
    again = prov.import_(*sent["x2"][1])
    assert again[0].status == "unchanged"
    for summary in (*got, *again):
        pc.receipt(summary.receipt)
    last = pc.export(root / "sticks" / "x3")
    assert last is not None and len(last.files) >= 1
    (applied,) = prov.import_(*last.files)
    assert applied.status == "applied", applied.reasons
    pc.receipt(applied.receipt)
    # The test is only as good as what it saw: parts, temporary files and kept copies were read.
    read = [Path(n) for n in watch.names]
    assert sum(1 for p in read if p.parent.parent.name == "sticks" and p.suffix == ".tmp") >= 4  # parts of x1
    assert any("held" in p.parts for p in read)  # the receipt beside the held copy
    assert any(p.parent.name == "backups" and "before-import" in p.name for p in read)
    assert any(p.parent.name == "attachments" for p in read)
    with at(prov.dir):
        assert any(e.reason == "before-import" for e in backup.list_backups(prov.db))
    assert watch.seen == {}
    assert _scan(tmp_path) == {}
    prov.db.dispose()
    staging.db.dispose()
    pc.db.dispose()


def test_the_watch_sees_a_leak(watch: Watch, tmp_path: Path) -> None:
    """The check can fail: a temporary file with the name in clear, renamed and then deleted."""
    tmp = tmp_path / "tmp" / ".part.tmp"
    tmp.write_bytes(b"x" + NAME.encode("utf-16-le"))
    os.replace(tmp, tmp_path / "final")
    assert str(tmp) in watch.seen
    os.unlink(tmp_path / "final")
    watch.seen.clear()
    (tmp_path / "nfd").write_bytes(unicodedata.normalize("NFD", CCCD + NAME).encode())
    assert list(_scan(tmp_path)) == [str(tmp_path / "nfd")]
    os.unlink(tmp_path / "nfd")
    assert str(tmp_path / "nfd") in watch.seen
