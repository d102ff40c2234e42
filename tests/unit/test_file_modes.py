"""What the program writes (database, keys, backups, exported reports) is readable by the user only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cli_runner import run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows' per-user folder is private")
PASS = "mat-khau-xa-2026"


def _loose(root: Path) -> list[str]:
    """Every path under root (root included) that a group or other user could read, write or enter."""
    found = []
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            found.append(f"{path.relative_to(root)} {oct(stat.S_IMODE(path.stat().st_mode))}")
    return found


def test_everything_written_is_private(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "reports"
    old = os.umask(0o022)  # the usual default: files 0644, folders 0755
    try:
        for args in (("setup", "--demo"), ("keys", "create", "--passphrase-env", "PAPI_PASS"),
                     ("report", "export", "--kind", "reception-book", "--period", "2026", "--out", str(out),
                      "--sign", "--passphrase-env", "PAPI_PASS")):
            done = run_cli(data, *args, PAPI_PASS=PASS)
            assert done.returncode == 0, done.stderr
    finally:
        os.umask(old)
    assert (data / "keys" / "commune.p12").is_file()
    assert sorted(p.suffix for p in out.iterdir()) == [".p7s", ".pdf", ".xlsx"]
    assert _loose(data) == []
    assert _loose(out) == []


def test_an_old_readable_data_folder_is_tightened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "keys").mkdir(parents=True)
    secret = data / "keys" / "commune.p12"
    secret.write_bytes(b"old key")
    for path, mode in ((data, 0o755), (data / "keys", 0o755), (secret, 0o644)):
        path.chmod(mode)
    done = run_cli(data, "setup", "--unit-code", "03985")
    assert done.returncode == 0, done.stderr
    assert _loose(data) == []
    assert secret.read_bytes() == b"old key"
