"""A restore killed (SIGKILL) at any moment leaves, once recover() has run, the old state or the new one,
never a mix; a backup killed before its rename leaves nothing a later backup, a list or a restore trips on."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_backup import PASS, attach, leftovers, visit

from papi_desktop import paths
from papi_desktop.services import backup, backup_stream, setup

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")


def _killed(db, arm: Callable[[Callable[[], None]], None], job: Callable[[], object]) -> int:  # noqa: ANN001
    """job in a forked child that SIGKILLs itself where arm(die) puts die(): a real kill at an exact moment,
    after which none of the job's own clean-up runs. The exit code (-SIGKILL, or 0 when die() never came)."""
    import multiprocessing  # noqa: PLC0415

    db.engine.dispose()  # no connection of the parent shares the files the child moves

    def child() -> None:
        db.engine.dispose(close=False)
        arm(lambda: os.kill(os.getpid(), signal.SIGKILL))
        job()
        os._exit(0)

    proc = multiprocessing.get_context("fork").Process(target=child)
    proc.start()
    proc.join(300)
    return proc.exitcode


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _state(data: Path) -> dict[str, object]:
    """The data folder as the program would find it: the database's rows (WAL included) and every file."""
    files = {p.relative_to(data).as_posix(): _sha(p) for folder in backup.FOLDERS if (data / folder).is_dir()
             for p in sorted((data / folder).rglob("*")) if p.is_file()}
    with contextlib.closing(sqlite3.connect(data / "papi.db")) as con:
        rows = (con.execute("SELECT count(*) FROM change_log").fetchone()[0],
                sorted(r[0] for r in con.execute("SELECT name FROM reception_citizen")))
    return {"rows": rows, "files": files}


def _new_state(manifest: backup.Manifest, data: Path) -> bool:
    """Exactly the backup: its database's bytes (and no WAL of the one replaced beside it), its files."""
    if (data / "papi.db-wal").exists() or _sha(data / "papi.db") != manifest.files["papi.db"]["sha256"]:
        return False
    files = {p.relative_to(data).as_posix(): _sha(p) for folder in backup.FOLDERS if (data / folder).is_dir()
             for p in (data / folder).rglob("*") if p.is_file()}
    return files == {n: f["sha256"] for n, f in manifest.files.items() if n != "papi.db"}


@pytest.fixture
def scene(db, tmp_path: Path):  # noqa: ANN001, ANN201
    """A backup on a stick, then later work: the data folder differs from the backup in rows and files."""
    visit(db, "Lò Văn Một", "014190000001")
    attach(b"one" * 5000)
    made = backup.create(db, PASS, dest_dir=_stick(tmp_path)).entry.path
    visit(db, "Cầm Thị Hai", "014190000002")
    attach(b"two" * 5000)
    paths.trust_dir().mkdir()
    (paths.trust_dir() / "later.pem").write_text("later")
    db.engine.dispose()
    data = paths.data_dir()
    pristine = tmp_path / "pristine"
    shutil.copytree(data, pristine)
    return db, made, data, pristine


def _stick(tmp_path: Path) -> Path:
    stick = tmp_path / "stick"
    stick.mkdir(exist_ok=True)
    return stick


def _back_to(pristine: Path, data: Path) -> None:
    shutil.rmtree(data)
    shutil.copytree(pristine, data)


def test_a_restore_killed_at_every_rename_is_finished_at_the_next_start(scene) -> None:  # noqa: ANN001
    db, made, data, pristine = scene
    old = _state(data)
    identities = backup._identities(made, PASS, None)  # noqa: SLF001 - scrypt once, not in every child
    manifest = backup.verify(made, PASS)
    kills, keep = 0, []
    for k in range(1, 40):
        _back_to(pristine, data)

        def arm(die, k=k) -> None:  # noqa: ANN001
            real, moves = os.replace, []

            def replace(src, dst) -> None:  # noqa: ANN001
                if ".restore-" in f"{src}{dst}" and not str(src).endswith(".part"):  # the swap's own moves
                    moves.append(dst)
                    if len(moves) == k:
                        die()
                real(src, dst)

            backup.os.replace = replace  # in the child only
            backup._identities = lambda *_a: identities  # noqa: SLF001
            # another connection (a page of the GUI) keeps the database open with a WAL not checkpointed
            keep.append(sqlite3.connect(data / "papi.db"))
            keep[0].execute("PRAGMA wal_autocheckpoint = 0")
            with keep[0]:
                keep[0].execute("UPDATE local_setting SET value = value WHERE key = 'node_id'")

        code = _killed(db, arm, lambda: backup.restore(made, PASS, db))
        if code == 0:
            break
        assert code == -signal.SIGKILL
        kills += 1
        assert [p for p in data.glob(".restore-*") if (p / "plan.json").is_file()]  # decided, not finished
        if (data / "papi.db").is_file() and _sha(data / "papi.db") == manifest.files["papi.db"]["sha256"]:
            assert not (data / "papi.db-wal").exists(), f"killed before move {k}: the new database beside an old WAL"
        notes = backup.recover()
        assert notes and "Đã hoàn tất lần khôi phục bị gián đoạn" in notes[0][0]
        assert _new_state(manifest, data), f"killed before move {k}: not the backup's state"
        assert not list(data.glob(".restore-*")) and _state(data) != old
    assert kills >= 9  # the WAL, its shared memory, the database (out, in), attachments, keys (out, in), trust
    assert _new_state(manifest, data) and not list(data.glob(".restore-*"))  # the run that was not killed
    reopened = setup.open_database(user="tester")
    try:
        from test_backup import names  # noqa: PLC0415

        assert names(reopened) == ["Lò Văn Một"]
    finally:
        reopened.dispose()


@pytest.mark.parametrize("moment", ["during extraction", "verified, before the plan"])
def test_a_restore_killed_before_its_plan_leaves_the_old_state(scene, moment: str) -> None:  # noqa: ANN001
    db, made, data, _pristine = scene
    old = _state(data)
    identities = backup._identities(made, PASS, None)  # noqa: SLF001

    def arm(die) -> None:  # noqa: ANN001
        backup._identities = lambda *_a: identities  # noqa: SLF001
        if moment == "during extraction":
            real, calls = os.fsync, []

            def fsync(fd: int) -> None:
                calls.append(fd)
                if len(calls) == 3:  # the database and one file written; the next one half-way
                    die()
                real(fd)

            backup.os.fsync = fsync
        else:
            backup._check_database = lambda *_a: die()  # noqa: SLF001

    assert _killed(db, arm, lambda: backup.restore(made, PASS, db)) == -signal.SIGKILL
    assert list(data.glob(".restore-*"))  # what the kill left
    assert backup.recover() == []
    assert _state(data) == old and not list(data.glob(".restore-*"))


def test_a_backup_killed_before_its_rename_leaves_nothing_in_the_way(db, tmp_path: Path) -> None:  # noqa: ANN001
    visit(db)
    backup.create(db, PASS)
    stick = _stick(tmp_path)

    def arm(die) -> None:  # noqa: ANN001
        backup_stream._read_back = lambda *_a: die()  # noqa: SLF001 - fsynced under its temporary name, not renamed

    assert _killed(db, arm, lambda: backup.create(db, None, dest_dir=stick)) == -signal.SIGKILL
    assert leftovers(stick, paths.data_dir())  # a .part on the stick, the snapshot's folder in the data
    assert [e.path.parent for e in backup.list_backups(db, [stick])] == [paths.backups_dir()]  # never listed
    backup.sweep()
    made = backup.create(db, None, dest_dir=stick)  # the stick's own leftover goes with the next backup there
    assert leftovers(stick, paths.data_dir()) == []
    assert backup.verify(made.entry.path, PASS).reason == "manual"
