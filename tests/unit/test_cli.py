"""The command line, run as a user runs it: a real process on a real data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import workbooks

from papi_desktop import __version__


def papi(data: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "papi_desktop", "--data-dir", str(data), *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_version(tmp_path: Path) -> None:
    assert papi(tmp_path, "--version").stdout.strip() == f"PAPI Desktop {__version__}"


def test_setup_import_and_list(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = papi(data, "setup", "--unit-code", "03985", "--chairman", "Lò Văn Minh").stdout
    assert out.strip() == "03985\tXã Chiềng Sơn\tLò Văn Minh"
    book = workbooks.plan_workbook(tmp_path / "ke_hoach.xlsx")

    dry = json.loads(papi(data, "plan", "import", str(book), "--dry-run", "--json").stdout)
    assert dry["dry_run"] and dry["added"] == 28 and dry["tasks_per_dimension"]["5"] == 6
    assert json.loads(papi(data, "plan", "list", "--json").stdout) == []  # nothing yet: an empty list, exit 0

    done = json.loads(papi(data, "plan", "import", str(book), "--json").stdout)
    assert done["added"] == 28 and done["milestones_with_date"] == 17
    again = papi(data, "plan", "import", str(book)).stdout
    assert "không có gì thay đổi" in again

    tasks = json.loads(papi(data, "plan", "list", "--json").stdout)
    assert len(tasks) == 28
    keys = {"dimension", "number", "task", "output", "lead", "coordinators", "deadline_text", "status", "milestones"}
    assert all(keys <= t.keys() for t in tasks)
    assert tasks[0]["dimension"] == 1 and tasks[0]["number"] == "1"
    assert tasks[0]["milestones"][0] == {"text": "Ban hành kế hoạch quý I/2026", "due": "2026-03-31",
                                         "kind": "date", "done_on": None}
    assert {t["status"] for t in tasks} <= {"not_started", "in_progress", "done", "overdue"}


@pytest.mark.parametrize(("args", "needle_vi"), [
    (("setup", "--unit-code", "12345"), "Không có đơn vị hành chính mã 12345"),
    (("plan", "list", "--json"), "Chưa thiết lập xã"),
])
def test_errors_go_to_stderr_with_non_zero_status(tmp_path: Path, args: tuple, needle_vi: str) -> None:
    proc = papi(tmp_path, *args, check=False)
    assert proc.returncode != 0 and proc.stdout == ""
    assert needle_vi in proc.stderr


def test_bad_file_in_english(tmp_path: Path) -> None:
    papi(tmp_path, "setup", "--unit-code", "03646")
    bad = tmp_path / "old.xls"
    workbooks.old_xls(bad)
    proc = papi(tmp_path, "--lang", "en", "plan", "import", str(bad), check=False)
    assert proc.returncode == 2
    assert "old Excel file (.xls)" in proc.stderr and "Nothing was written" in proc.stderr
