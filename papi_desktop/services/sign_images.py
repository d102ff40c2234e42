"""The images a signed document shows (Nghị định 30/2020, Phụ lục I), kept in the data folder: the
seal of the commune (red, transparent PNG, printed at its real size) and, per signer, the image of
the handwritten signature (blue, transparent PNG). Checked when chosen (exports/stamps.check_image);
an export uses them when no other image is given."""

from __future__ import annotations

import hashlib
import shutil
import unicodedata
from pathlib import Path

from .. import paths
from ..exports import stamps
from ..storage.db import Database
from . import accounts

SEAL = "con_dau.png"


def folder() -> Path:
    return paths.keys_dir() / "images"


def _slug(name: str) -> str:
    """A file name for a signer: the name without marks, and a short hash so two names never meet."""
    plain = unicodedata.normalize("NFD", unicodedata.normalize("NFC", name.strip())).replace("đ", "d").replace("Đ", "D")
    ascii_name = "".join(c for c in plain if c.isascii() and (c.isalnum() or c == " ")).strip().replace(" ", "_")
    digest = hashlib.sha256(unicodedata.normalize("NFC", name.strip()).encode("utf-8")).hexdigest()[:8]
    return f"chu_ky_{ascii_name.lower()[:40]}_{digest}.png"


def _store(source: Path, name: str, kind: str) -> Path:
    stamps.check_image(Path(source), kind)
    folder().mkdir(parents=True, exist_ok=True)
    target = folder() / name
    tmp = target.with_name(name + ".part")
    shutil.copyfile(source, tmp)
    tmp.replace(target)
    return target


def set_seal(db: Database, source: Path) -> Path:
    accounts.require(db, "settings")
    return _store(source, SEAL, "seal")


def seal() -> Path | None:
    found = folder() / SEAL
    return found if found.is_file() else None


def set_signature(db: Database, signer: str, source: Path) -> Path:
    accounts.require(db, "settings")  # the images are kept per signer's name: one person may not set another's
    return _store(source, _slug(signer), "signature")


def signature(signer: str) -> Path | None:
    if not signer.strip():
        return None
    found = folder() / _slug(signer)
    return found if found.is_file() else None


def remove(db: Database, signer: str | None = None) -> None:
    """Forget the seal (signer None) or a signer's signature image."""
    accounts.require(db, "settings")
    target = folder() / (SEAL if signer is None else _slug(signer))
    target.unlink(missing_ok=True)
