"""A locked, full, read-only or damaged database, made for real, told plainly by the CLI and the GUI's text;
a bug logged with its traceback to a rotating log in the data folder, without the citizen data it carried."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError, OperationalError

from papi_desktop import cli, paths
from papi_desktop.cli import main as cli_main
from papi_desktop.services import failures, reception, setup
from papi_desktop.storage import db as db_module
from papi_desktop.storage.registers import ReceptionCitizen

NAME = "Nguyễn Thị Hoà"
CCCD = "014185000123"


@pytest.fixture(autouse=True)
def _fresh_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(paths, "_cli_dir", None)  # an in-process cli.run(["--data-dir", ...]) leaves none behind
    failures.close()
    yield
    failures.close()


def _papi(data: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "papi_desktop", "--data-dir", str(data), *args], check=False,
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8", **env))


def _visit(summary: str = "Hỏi về chế độ hộ nghèo") -> reception.ReceptionInput:
    return reception.ReceptionInput(received_on=date(2026, 11, 20), summary=summary, classes=["kien_nghi"],
                                    citizens=[reception.CitizenInput(NAME, "Bản Hụm", CCCD)])


def _log_text(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((folder / "logs").glob("papi-desktop.log*")))


# --- locked: another process holds the write lock past the busy timeout ---------------------------

def test_locked_database_on_the_command_line(db) -> None:
    data = db.path.parent
    db.dispose()
    other = sqlite3.connect(str(db.path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        vi = _papi(data, "setup", "--unit-code", "03985", "--chairman", "Lò Văn Minh", PAPI_BUSY_TIMEOUT_MS="300")
        en = _papi(data, "--lang", "en", "setup", "--unit-code", "03985", PAPI_BUSY_TIMEOUT_MS="300")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert vi.returncode == 2 and "Traceback" not in vi.stderr
    assert "Một thao tác ghi khác" in vi.stderr and "Hãy đợi" in vi.stderr
    assert en.returncode == 2 and "Another write" in en.stderr and "try again" in en.stderr
    assert not (data / "logs" / "papi-desktop.log").exists() or _log_text(data) == ""  # not a bug


def test_locked_database_outside_a_unit_of_work(db, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's own "database is locked" (code 5) wherever it comes from: the same plain message."""
    monkeypatch.setenv("PAPI_BUSY_TIMEOUT_MS", "200")
    engine = db_module.make_engine(db.path)
    other = sqlite3.connect(str(db.path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError) as caught, engine.begin() as conn:
            conn.execute(text("UPDATE local_setting SET value = value"))
    finally:
        other.execute("ROLLBACK")
        other.close()
        engine.dispose()
    assert caught.value.orig.sqlite_errorname == "SQLITE_BUSY"
    vi, en = failures.explain(caught.value, "vi"), failures.explain(caught.value, "en")
    assert "đang bị một chương trình khác giữ" in vi and str(db.path) in vi and "làm lại" in vi
    assert "held for writing by another program" in en and "try again" in en
    assert "không mong muốn" not in vi


# --- full: SQLITE_FULL, made with max_page_count --------------------------------------------------

def _no_more_pages(engine) -> None:
    """Every connection may use no page beyond those the file has now: the next growth is SQLITE_FULL."""
    def cap(conn, _record) -> None:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages}")
    event.listen(engine, "connect", cap)
    engine.dispose()  # connections opened before get the cap too


def test_full_disk_in_a_service_and_nothing_half_written(db) -> None:
    _no_more_pages(db.engine)
    with pytest.raises(OperationalError) as caught:
        reception.add_reception(db, _visit("x" * 200_000))
    assert caught.value.orig.sqlite_errorname == "SQLITE_FULL"
    vi, en = failures.explain(caught.value, "vi"), failures.explain(caught.value, "en")
    assert "đã đầy" in vi and "giải phóng chỗ trống" in vi and "vẫn nguyên vẹn" in vi
    assert "is full" in en and "Free some space" in en
    assert reception.count(db) == 0  # "what was being saved was undone" is true


def test_full_disk_on_the_command_line(db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    import workbooks

    book = workbooks.plan_workbook(tmp_path / "plan.xlsx")
    data = db.path.parent
    db.dispose()
    real = setup.make_engine

    def capped(path: Path):
        engine = real(path)
        _no_more_pages(engine)
        return engine

    monkeypatch.setattr(setup, "make_engine", capped)
    assert cli.run(["--data-dir", str(data), "--lang", "en", "plan", "import", str(book)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: The disk that holds the data") and str(data) in err
    assert "Traceback" not in err


# --- read-only: the file or the folder cannot be written ------------------------------------------

def test_read_only_database_on_the_command_line(db, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Tests may run as root, where chmod stops nothing: SQLite's read-only open (mode=ro) gives the same
    SQLITE_READONLY a read-only file gives. An immutable file (chattr +i) follows, then the chmod case for
    other users."""
    data = db.path.parent
    db.dispose()
    real = setup.make_engine
    monkeypatch.setattr(setup, "make_engine", lambda path: real(f"file:{path}?mode=ro&uri=true"))
    assert cli.run(["--data-dir", str(data), "setup", "--unit-code", "03985", "--chairman", "Lò Văn A"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Không ghi được vào cơ sở dữ liệu") and "chỉ cho phép đọc" in err
    assert "mở lại chương trình" in err and "Traceback" not in err


def test_immutable_file_on_the_command_line(db) -> None:
    """A file even root cannot write (Linux's immutable attribute): SQLite opens it read-only."""
    data = db.path.parent
    db.dispose()
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(db.path)], check=False,
                                                        capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (not Linux, not allowed, or the file system has no flags)")
    try:
        vi = _papi(data, "setup", "--unit-code", "03985", "--chairman", "Lò Văn A")
        en = _papi(data, "--lang", "en", "setup", "--unit-code", "03985")
    finally:
        subprocess.run(["chattr", "-i", str(db.path)], check=True)
    assert vi.returncode == 2 and "Traceback" not in vi.stderr
    assert "Không ghi được vào cơ sở dữ liệu" in vi.stderr and "chỉ cho phép đọc" in vi.stderr
    assert en.returncode == 2 and "is read-only, so nothing was written" in en.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes through chmod; see above")
def test_read_only_file_and_folder(db) -> None:
    data = db.path.parent
    db.dispose()
    for f in data.glob("papi.db*"):
        f.chmod(0o400)
    data.chmod(0o500)
    try:
        proc = _papi(data, "--lang", "en", "setup", "--unit-code", "03985")
    finally:
        data.chmod(0o700)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "read-only" in proc.stderr or "cannot be opened" in proc.stderr


# --- damaged: not a database, or a malformed one --------------------------------------------------

def test_garbage_file_on_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "papi.db").write_bytes(os.urandom(16384))
    vi = _papi(data, "plan", "list")
    en = _papi(data, "--lang", "en", "plan", "list")
    assert vi.returncode == 2 and "Traceback" not in vi.stderr
    assert "bị hỏng" in vi.stderr and "Đừng xóa nó" in vi.stderr and str(data / "backups") in vi.stderr
    assert en.returncode == 2 and "is damaged" in en.stderr and "papi.db-wal" in en.stderr


def test_malformed_database(db) -> None:
    """A real database whose pages after the first were overwritten: told as damaged, by code or check."""
    path = db.path
    db.dispose()
    with sqlite3.connect(str(path)) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    raw = path.read_bytes()
    path.write_bytes(raw[:4096] + os.urandom(len(raw) - 4096))
    with pytest.raises(Exception) as caught:
        setup.open_database(path, path.parent / "backups")
    assert "bị hỏng" in failures.explain(caught.value, "vi")
    assert "is damaged" in failures.explain(caught.value, "en")


# --- a bug: logged, scrubbed, rotated -------------------------------------------------------------

def test_a_bug_is_logged_without_the_citizen_data_of_its_statement(db,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    checkout = str(Path(__file__).resolve().parents[2])
    monkeypatch.setattr(failures, "_home", lambda: checkout)  # as if this checkout were the user's home
    with pytest.raises(IntegrityError) as caught, db.session() as s:
        s.add(ReceptionCitizen(reception_id="no-such-visit", name=NAME, address="Bản Hụm", id_number=CCCD))
        s.flush()
    assert CCCD in str(caught.value) and NAME in str(caught.value)  # the danger is real
    message = failures.explain(caught.value, "vi")
    log_file = paths.data_dir() / "logs" / "papi-desktop.log"
    assert "không mong muốn" in message and "IntegrityError" in message and str(log_file) in message
    assert "Dữ liệu không bị thay đổi" not in message
    assert "written to " + str(log_file) in failures.explain(caught.value, "en")
    log = _log_text(paths.data_dir())
    assert log.count("Traceback (most recent call last)") == 2  # cause and statement error, logged once
    assert "Traceback (most recent call last)" in log and "sqlalchemy.exc.IntegrityError" in log
    assert "FOREIGN KEY constraint failed" in log and "INSERT INTO reception_citizen" in log
    assert os.path.join("~", "tests", "unit", "test_failures.py") in log  # the frames are there,
    assert checkout not in log  # under ~: the account's folder name is often the clerk's name
    for secret in (CCCD, NAME, "Nguyễn", "Hoà", "Bản Hụm", "no-such-visit"):
        assert secret not in log, secret


def test_a_bug_message_quoting_values_is_scrubbed(data_dir: Path) -> None:
    email = "hoa" + "@example.vn"  # the log shows source lines: keep the literal out of them
    try:
        try:
            int(f"{NAME} {CCCD}")
        except ValueError as inner:
            raise RuntimeError(f"could not read the row of {NAME}, CCCD {CCCD}, {email}") from inner
    except RuntimeError as exc:
        failures.explain(exc, "en")
    log = _log_text(data_dir)
    assert "RuntimeError" in log and "ValueError: invalid literal for int() with base 10" in log
    assert "direct cause" in log and "could not read the row of …, CCCD <digits>, <email>" in log
    for secret in (CCCD, "Nguyễn", "Hoà", email):
        assert secret not in log, secret


def test_other_modules_warnings_are_scrubbed_too(data_dir: Path) -> None:
    failures.install()
    logging.getLogger("papi_desktop.services.export_staging").warning(
        "export recovery postponed: %s", f"(sqlite3.IntegrityError) x\n[parameters: ('{NAME}', '{CCCD}')]")
    log = _log_text(data_dir)
    assert "export recovery postponed" in log and "[parameters: …]" in log
    assert CCCD not in log and NAME not in log


def test_the_log_rotates(data_dir: Path) -> None:
    failures.install(max_bytes=4000, backup_count=2)
    for i in range(40):
        try:
            raise LookupError(f"bug number {i}")
        except LookupError as exc:
            failures.log_unexpected(exc)
    logs = sorted(p.name for p in (data_dir / "logs").iterdir())
    assert logs == ["papi-desktop.log", "papi-desktop.log.1", "papi-desktop.log.2"]
    assert all((data_dir / "logs" / n).stat().st_size <= 4000 for n in logs)
    assert "bug number 39" in (data_dir / "logs" / "papi-desktop.log").read_text(encoding="utf-8")


def test_an_unwritable_data_folder_logs_to_the_temporary_folder(tmp_path: Path) -> None:
    paths.set_override(tmp_path / "file-not-folder" / "data")
    (tmp_path / "file-not-folder").write_text("")  # the data folder cannot be made
    try:
        try:
            raise KeyError("x")
        except KeyError as exc:
            where = failures.log_unexpected(exc)
    finally:
        paths.set_override(None)
    assert where is not None and where.parent.name == "papi-desktop-logs" and where.exists()


def test_a_bug_on_the_command_line(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*_a: object, **_k: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli_main, "cmd_deadline", broken)
    assert cli.run(["--lang", "en", "deadline", "--from", "2026-01-01", "--working-days", "3"]) == 1
    err = capsys.readouterr().err
    assert "An unexpected error occurred (ZeroDivisionError)" in err and "papi-desktop.log" in err
    assert "ZeroDivisionError: division by zero" in _log_text(data_dir)
