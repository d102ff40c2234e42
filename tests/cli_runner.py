"""The command line run as a user runs it: a real process, UTF-8 output, its own data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(data: Path, *args: str, timeout: int = 180, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "papi_desktop", "--data-dir", str(data), *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8", **env))
