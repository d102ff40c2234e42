"""The only module that resolves directories (and the only user of appdirs).

Order: a test override, then --data-dir, then portable mode (a marker file named
PORTABLE_MARKER next to the executable puts the data in ./data beside it), then
the per-user data directory from appdirs.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import appdirs

APP_NAME = "PAPI Desktop"
APP_AUTHOR = "PAPI"
PORTABLE_MARKER = "papi-portable.txt"
DB_FILE = "papi.db"

_override: Path | None = None
_cli_dir: Path | None = None
_private: set[Path] = set()  # data folders already checked in this process


def make_files_private() -> None:
    """Everything the program creates from now on (keys, backups, exports, the database) is readable
    by the user only; called first thing at start. Windows' per-user folders are private already."""
    if os.name == "posix":
        os.umask(0o077)


def _make_private(base: Path) -> None:
    """A data folder left readable by others (an older release, a copy) is tightened once, whole."""
    if os.name != "posix" or base in _private:
        return
    _private.add(base)
    if not stat.S_IMODE(base.stat().st_mode) & 0o077:
        return
    for root, dirs, files in os.walk(base):
        os.chmod(root, 0o700)
        for name in files:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, 0o600)
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(root, d))]


def set_override(path: Path | None) -> None:
    """Tests point every directory at a temporary folder."""
    global _override
    _override = Path(path) if path else None


def set_data_dir(path: Path | str | None) -> None:
    """The global --data-dir option."""
    global _cli_dir
    _cli_dir = Path(path).expanduser().resolve() if path else None


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def executable_dir() -> Path:
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent


def is_portable() -> bool:
    return (executable_dir() / PORTABLE_MARKER).exists()


def data_dir() -> Path:
    if _override is not None:
        base = _override
    elif _cli_dir is not None:
        base = _cli_dir
    elif is_portable():
        base = executable_dir() / "data"
    else:
        base = Path(appdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    _make_private(base)
    return base


def db_path() -> Path:
    return data_dir() / DB_FILE


def backups_dir() -> Path:
    return data_dir() / "backups"


def attachments_dir() -> Path:
    return data_dir() / "attachments"


def keys_dir() -> Path:
    """The commune's signing key (encrypted PKCS#12) and its certificate."""
    return data_dir() / "keys"


def trust_dir() -> Path:
    """Certificates whose signatures this installation trusts (PEM), besides its own."""
    return data_dir() / "trust"


def cache_dir() -> Path:
    """Files made on this machine and made again when missing (the signing stamp's font)."""
    return data_dir() / "cache"


def exports_dir() -> Path:
    """Where reports are written unless the user chooses another folder."""
    return data_dir() / "reports"


def _bundle_root() -> Path:
    """Where resources/ and translations/ live: the PyInstaller bundle or the source tree."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", executable_dir()))
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return _bundle_root() / "resources"


def translations_dir() -> Path:
    return _bundle_root() / "translations"
