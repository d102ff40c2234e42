"""The backup commands as an official runs them: real processes (`python -m papi_desktop`) on their own
data folder."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from cli_runner import run_cli

ENV = {"SAO_LUU": "nuong-ngo-sau-nha-4826"}


def backup_cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "papi_desktop", "--data-dir", str(data), *args], capture_output=True, check=False,
                          text=True, encoding="utf-8", timeout=300,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8", **ENV))


def test_create_list_verify_and_restore_by_command_line(tmp_path: Path) -> None:
    data, stick = tmp_path / "xa", tmp_path / "usb"
    stick.mkdir()
    assert run_cli(data, "setup", "--unit-code", "03985").returncode == 0
    made = backup_cli(data, "backup", "create", "--passphrase-env", "SAO_LUU")
    assert made.returncode == 0, made.stderr
    first = Path(made.stdout.strip())
    assert first.parent == data / "backups" and first.is_file()
    on_stick = backup_cli(data, "backup", "create", "--to", str(stick), "--passphrase-env", "SAO_LUU", "--json")
    assert on_stick.returncode == 0, on_stick.stderr
    assert Path(json.loads(on_stick.stdout)["file"]).parent == stick
    listed = backup_cli(data, "backup", "list", "--in", str(stick), "--json")
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 2
    assert "bằng tay" in backup_cli(data, "backup", "list").stdout

    checked = backup_cli(data, "backup", "verify", str(first), "--passphrase-env", "SAO_LUU")
    assert checked.returncode == 0, checked.stderr
    assert "Bản sao lưu của 03985" in checked.stdout and "cơ sở dữ liệu toàn vẹn" in checked.stdout
    wrong = subprocess.run([sys.executable, "-m", "papi_desktop", "--data-dir", str(data), "--lang", "en", "backup", "verify",
                            str(first), "--passphrase-env", "SAI"], capture_output=True, check=False, text=True, encoding="utf-8",
                           timeout=300, env=dict(os.environ, SAI="not-the-one-2026"))
    assert wrong.returncode == 2 and "Wrong backup passphrase" in wrong.stderr

    later = run_cli(data, "setup", "--unit-code", "03985", "--chairman", "Lò Văn Minh")  # later work
    assert later.returncode == 0 and "Đã sao lưu hằng ngày" in later.stderr  # a key exists: the day's backup
    assert len(list((data / "backups").glob("papi-backup-03985-*-daily.age"))) == 1
    asked = backup_cli(data, "backup", "restore", str(first), "--passphrase-env", "SAO_LUU")
    assert asked.returncode == 2 and "thêm --yes" in asked.stderr
    assert f"Khôi phục sẽ thay cơ sở dữ liệu và các tệp trong {data}" in asked.stdout
    assert "thay đổi làm trên máy này sau bản sao lưu sẽ không còn" in asked.stdout
    assert len(list((data / "backups").glob("papi-backup-03985-*.age"))) == 2  # nothing made, nothing replaced
    restored = backup_cli(data, "backup", "restore", str(first), "--passphrase-env", "SAO_LUU", "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "Đã khôi phục." in restored.stdout and "before-restore.age" in restored.stdout
    assert backup_cli(data, "backup", "list", "--json").returncode == 0  # the restored database opens
    with contextlib.closing(sqlite3.connect(data / "papi.db")) as con:  # without the later work
        assert con.execute("SELECT chairman_name FROM commune_profile").fetchone() == ("",)

    again = backup_cli(data, "backup", "auto")  # the day's backup was made by the command before the restore
    assert again.returncode == 0 and "Chưa đến hạn" in again.stdout
    for old in (data / "backups").glob("papi-backup-03985-*-daily.age"):
        old.unlink()  # as if a day had passed
    daily = backup_cli(data, "backup", "auto", "--json")
    assert daily.returncode == 0 and json.loads(daily.stdout)["reason"] == "daily"
    assert backup_cli(data, "backup", "usb", str(stick)).stdout.strip() == str(stick)
    gone = backup_cli(data, "backup", "usb", str(tmp_path / "no-stick"))
    assert gone.returncode == 2 and "Không có thư mục" in gone.stderr
