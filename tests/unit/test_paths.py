"""Data folder resolution: --data-dir, portable mode beside the executable, the per-user default."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from papi_desktop import paths


@pytest.fixture
def clean_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(paths, "_override", None)
    monkeypatch.setattr(paths, "_cli_dir", None)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield tmp_path


def test_default_is_the_per_user_folder(clean_paths: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", [str(clean_paths / "bin" / "papi-desktop")])
    data = paths.data_dir()
    assert data.name == paths.APP_NAME and data.is_dir()
    assert paths.db_path() == data / "papi.db"


def test_data_dir_option_wins(clean_paths: Path) -> None:
    paths.set_data_dir(clean_paths / "chosen")
    assert paths.data_dir() == (clean_paths / "chosen").resolve()
    assert paths.backups_dir() == (clean_paths / "chosen").resolve() / "backups"


def test_portable_marker_puts_data_beside_the_executable(clean_paths: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    exe_dir = clean_paths / "usb" / "PAPI Desktop"
    exe_dir.mkdir(parents=True)
    (exe_dir / paths.PORTABLE_MARKER).write_text("portable", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(exe_dir / "papi-desktop")])
    assert paths.is_portable()
    assert paths.data_dir() == exe_dir / "data"
    assert paths.attachments_dir() == exe_dir / "data" / "attachments"
