"""The PyInstaller one-folder build starts: --version, a command with migrations, an offscreen window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import workbooks

from papi_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("pyinstaller") is None and not _has_module("PyInstaller"):
        pytest.fail("PyInstaller is not installed: pip install -e '.[test]'")
    out = tmp_path_factory.mktemp("frozen")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(out / "dist"),
         "--workpath", str(out / "work"), str(ROOT / "build.spec")],
        check=True, capture_output=True, timeout=1200, cwd=ROOT,
    )
    exe = out / "dist" / "papi-desktop" / ("papi-desktop.exe" if os.name == "nt" else "papi-desktop")
    assert exe.exists()
    return exe


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _run(exe: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, encoding="utf-8", timeout=180,
                          env=dict(os.environ, **env))


def test_frozen_version(frozen: Path) -> None:
    proc = _run(frozen, "--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"PAPI Desktop {__version__}"


def test_frozen_migrates_reads_resources_and_imports(frozen: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _run(frozen, "--data-dir", str(data), "setup", "--unit-code", "03985").returncode == 0
    book = workbooks.plan_workbook(tmp_path / "plan.xlsx")
    proc = _run(frozen, "--data-dir", str(data), "plan", "import", str(book))
    assert proc.returncode == 0, proc.stderr
    assert "Số nhiệm vụ: 28" in proc.stdout


def test_frozen_window_starts_offscreen(frozen: Path, tmp_path: Path) -> None:
    proc = _run(frozen, "--data-dir", str(tmp_path / "data"), "--quit-after-show", QT_QPA_PLATFORM="offscreen")
    assert proc.returncode == 0, proc.stderr
    assert "main window shown" in proc.stdout and "plan data shown" in proc.stdout


def test_frozen_reads_registers_and_signs_reports(frozen: Path, tmp_path: Path) -> None:
    """The compiled reader (calamine), pyHanko with its HarfBuzz stamp font, cryptography and the fonts
    all travel in the bundle: import a reception book, export a signed report, verify it."""
    data = tmp_path / "data"
    assert _run(frozen, "--data-dir", str(data), "setup", "--demo").returncode == 0
    proc = _run(frozen, "--data-dir", str(data), "reception", "import", str(workbooks.register_workbook(
        tmp_path / "so.xlsx")), "--json")
    assert proc.returncode == 0, proc.stderr
    assert _run(frozen, "--data-dir", str(data), "keys", "create", "--passphrase-env", "PP",
                PP="mat-khau-xa-2026").returncode == 0
    proc = _run(frozen, "--data-dir", str(data), "report", "export", "--kind", "petitions", "--period", "2026-H1",
                "--out", str(tmp_path / "out"), "--sign", "--passphrase-env", "PP", PP="mat-khau-xa-2026")
    assert proc.returncode == 0, proc.stderr
    pdf = next((tmp_path / "out").glob("*.pdf"))
    check = _run(frozen, "--data-dir", str(data), "verify", str(pdf))
    assert check.returncode == 0, check.stdout + check.stderr


def test_frozen_hub_serves_tls_under_the_province_root(frozen: Path, tmp_path: Path) -> None:
    """uvicorn, Starlette and h11 travel in the bundle (they load parts of themselves by name): the
    frozen program runs the province hub and answers its health check over TLS."""
    import json
    import select
    import ssl

    import httpx

    data = tmp_path / "tinh"
    env = {"PP": "ba-con-meo-tren-doi-2026"}
    assert _run(frozen, "--data-dir", str(data), "province", "init", "--passphrase-env", "PP", **env).returncode == 0
    hub = subprocess.Popen([str(frozen), "--data-dir", str(data), "serve", "--port", "0", "--passphrase-env", "PP"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, **env))
    try:
        ready, _w, _x = select.select([hub.stdout], [], [], 120)
        assert ready, "the frozen hub did not start"
        line = hub.stdout.readline()
        assert line, hub.stderr.read().decode(errors="replace")
        url = json.loads(line)["url"]
        context = ssl.create_default_context(cafile=str(data / "keys" / "province-ca.pem"))
        assert httpx.get(url + "/health", verify=context, timeout=30).json()["status"] == "ok"
    finally:
        hub.terminate()
        hub.wait(30)
        for stream in (hub.stdout, hub.stderr):
            stream.close()
