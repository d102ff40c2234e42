"""The command line where its output goes nowhere, and where there is nothing to list."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _papi(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "papi_desktop", "--data-dir", str(data), *args]


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONIOENCODING="utf-8")


def test_plan_list_json_on_a_commune_with_no_plan_is_an_empty_list(tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run(_papi(data, "setup", "--unit-code", "03985"), check=True, capture_output=True, env=_env(),
                   timeout=120)
    proc = subprocess.run(_papi(data, "plan", "list", "--json"), check=False, capture_output=True, text=True,
                          encoding="utf-8", env=_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [] and proc.stderr == ""


def test_list_units_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """The reader is gone before the first line is written: no traceback, no "Exception ignored"."""
    proc = subprocess.Popen(_papi(tmp_path, "setup", "--list-units"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_env(), cwd=ROOT)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 1  # what Python itself returns on EPIPE
    assert err == ""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell and head")
def test_list_units_piped_into_head(tmp_path: Path) -> None:
    proc = subprocess.run(["sh", "-c", " ".join(f"'{a}'" for a in _papi(tmp_path, "setup", "--list-units"))
                           + " | head -n 2"], check=False, capture_output=True, text=True, encoding="utf-8", env=_env(),
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 2 and proc.stdout.split("\t")[0] == "03646"
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
