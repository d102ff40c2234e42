"""Small real filesystems for the disk tests: a tmpfs mounted at a folder (as root; the test is skipped
otherwise), made read-only, or pulled out mid-write and plugged in again."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount: {done.stderr.strip()}")


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root (the simulated full disk runs anyway)")
    _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)  # pulled out already: fine


def read_only(folder: Path) -> None:
    """The mounted folder from now on refuses every write (a stick's write-protect switch)."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, check=True)


def listing(folder: Path) -> list[str]:
    """Every name under folder, hidden ones too, relative to it."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


class Stick:
    """A tmpfs kept in a hidden folder beside `folder` and bind-mounted at it. pull() unmounts it from
    folder as a pulled stick goes (files open on it still take writes; a path opened after falls through
    to the empty folder beneath); `inside` still shows what the stick holds; plug() puts it back."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.inside = folder, folder.parent / f".{folder.name}-device"

    def pull(self) -> None:
        subprocess.run(["umount", "-l", str(self.folder)], capture_output=True, check=True)

    def plug(self) -> None:
        subprocess.run(["mount", "--bind", str(self.inside), str(self.folder)], capture_output=True, check=True)


@contextlib.contextmanager
def stick(folder: Path, size: str) -> Iterator[Stick]:
    found = Stick(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with tmpfs(found.inside, size):
        _mount("--bind", str(found.inside), str(folder))
        try:
            yield found
        finally:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
