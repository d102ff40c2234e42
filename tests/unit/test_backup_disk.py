"""A full disk and a destination pulled out during a backup or a restore: a clear message, nothing
half-written, older backups and the data as they were. On real small filesystems (tmpfs, mounted as
root); the simulated full disk beside them runs everywhere."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from disk import tmpfs
from test_backup import PASS, attach, leftovers, visit

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.domain.jobs import NullProgress
from papi_desktop.services import backup, setup


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_full_stick_gives_a_clear_message_and_keeps_nothing_half_written(db, tmp_path: Path) -> None:  # noqa: ANN001
    visit(db)
    attach(os.urandom(2 << 20))  # incompressible: more than the stick holds
    local = backup.create(db, PASS).entry.path
    with tmpfs(tmp_path / "stick", "1m") as stick:
        with pytest.raises(KnownError, match="Ổ đĩa đã đầy") as err:
            backup.create(db, None, dest_dir=stick)
        assert "Không có tệp dở dang nào" in err.value.vi and "No half-written file" in err.value.en
        assert _files(stick) == [backup.key_beside(db.clock.node)]  # the small key file only, whole
        assert leftovers(stick, paths.data_dir()) == []
        # automatic: made on the PC, the copy to the full stick refused with the reason, nothing left there
        backup.set_usb_folder(db, stick)
        visit(db, "Lò Văn Ba", "014190000003")
        made = backup.automatic(db, "before-import")
        assert made is not None and made.copies == [] and "Ổ đĩa đã đầy" in made.notes[0][0]
        assert _files(stick) == [backup.key_beside(db.clock.node)] and made.entry.path.is_file()
    assert local.is_file() and backup.verify(local, PASS).reason == "manual"


def test_a_stick_pulled_out_during_a_backup_leaves_nothing_and_says_so(db, tmp_path: Path) -> None:  # noqa: ANN001
    attach(os.urandom(3 << 20))
    backup.create(db, PASS)
    with tmpfs(tmp_path / "stick", "64m") as stick:

        class Pull(NullProgress):
            def advance(self, n: int = 1) -> None:  # the first MiB written: the stick is pulled out
                super().advance(n)
                if self.done == 1:
                    subprocess.run(["umount", "-l", str(stick)], check=True)

        with pytest.raises(KnownError, match="không còn") as err:
            backup.create(db, None, dest_dir=stick, progress=Pull())
        assert "ổ USB bị rút ra" in err.value.vi
    assert _files(tmp_path / "stick") == []  # the folder as it is without the stick: nothing written there
    assert leftovers(paths.data_dir(), paths.backups_dir()) == []
    with pytest.raises(KnownError, match="Không có thư mục"):  # not there at all: never made up
        backup.create(db, None, dest_dir=tmp_path / "no-stick")
    assert not (tmp_path / "no-stick").exists()


def test_no_room_to_restore_replaces_nothing(db, tmp_path: Path) -> None:  # noqa: ANN001
    attach(os.urandom(3 << 20))
    made = backup.create(db, PASS).entry.path
    db.dispose()
    with tmpfs(tmp_path / "new-pc", "2m") as small:  # a new PC whose data folder has too little room
        paths.set_override(small)
        try:
            with pytest.raises(KnownError, match="Ổ đĩa đã đầy") as err:
                backup.restore(made, PASS)
            assert "không có gì bị thay thế" in err.value.vi
            assert _files(small) == []
        finally:
            paths.set_override(tmp_path / "data")


def test_a_full_disk_simulated_at_the_write(db, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """Where no small filesystem can be mounted: ENOSPC raised by the write itself after 1 MiB, and SQLite's
    'database or disk is full' at the snapshot."""
    attach(os.urandom(3 << 20))
    backup.create(db, PASS)
    before = _files(paths.backups_dir())
    real = backup._Tee.__init__  # noqa: SLF001

    class FullAfterOneMiB:
        def __init__(self, raw) -> None:  # noqa: ANN001
            self.raw, self.written = raw, 0

        def write(self, b) -> int:  # noqa: ANN001
            if self.written > 1 << 20:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            self.written += len(b)
            return self.raw.write(b)

    monkeypatch.setattr(backup._Tee, "__init__", lambda self, raw: real(self, FullAfterOneMiB(raw)))  # noqa: SLF001
    with pytest.raises(KnownError, match="Ổ đĩa đã đầy"):
        backup.create(db, None)
    assert _files(paths.backups_dir()) == before and leftovers(paths.backups_dir(), paths.data_dir()) == []
    monkeypatch.setattr(backup._Tee, "__init__", real)  # noqa: SLF001

    def full(*_a) -> None:  # noqa: ANN002
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_snapshot", full)
    with pytest.raises(KnownError, match="Ổ đĩa đã đầy"):
        backup.create(db, None)
    assert _files(paths.backups_dir()) == before and leftovers(paths.backups_dir(), paths.data_dir()) == []
    reopened = setup.open_database(user="tester")  # the data untouched throughout
    reopened.dispose()


def test_a_cancelled_backup_or_restore_leaves_nothing(db) -> None:  # noqa: ANN001
    from papi_desktop.domain.errors import Cancelled
    from papi_desktop.domain.jobs import CancelToken

    attach(os.urandom(1 << 20))
    made = backup.create(db, PASS).entry.path
    before = _files(paths.backups_dir())
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        backup.create(db, None, cancel=token)
    with pytest.raises(Cancelled):
        backup.restore(made, PASS, db, cancel=token)
    assert _files(paths.backups_dir()) == before and leftovers(paths.backups_dir(), paths.data_dir()) == []
