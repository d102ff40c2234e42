"""Attached files (evidence documents, posting photos and minutes) kept in the data folder under their
SHA-256: the same file attached twice is stored once, and a record names its file by content."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from .. import paths
from ..domain.errors import KnownError


_MAX_SUFFIX = 10  # ".jpeg", ".docx", ".xlsx"; a longer "extension" is part of a name, not a type


def stored_suffix(name: str) -> str:
    """The extension a stored copy keeps: short letters and digits only (".pdf", ".jpg"), else none.
    A 190-character "extension" would make the stored name too long for the file system."""
    suffix = Path(name).suffix.lower()
    return suffix if 1 < len(suffix) <= _MAX_SUFFIX + 1 and suffix[1:].isalnum() and suffix.isascii() else ""


def store_attachment(source: Path, attachments_dir: Path | None = None) -> tuple[str, str]:
    """Copy a file into the data directory under its SHA-256; returns (sha256, original name)."""
    source = Path(source)
    if not source.is_file():
        raise KnownError(f"Không tìm thấy tệp {source}. Hãy chọn lại tệp đính kèm.",
                         f"File {source} not found. Choose the attachment again.")
    target_dir = attachments_dir or paths.attachments_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with source.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    target = target_dir / (sha + stored_suffix(source.name))
    if not target.exists():
        # Copy to a temporary name first so a power cut never leaves a half file under the final name.
        fd, tmp = tempfile.mkstemp(dir=target_dir, suffix=".part")
        os.close(fd)
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    return sha, source.name


def attachment_path(sha: str, name: str, attachments_dir: Path | None = None) -> Path | None:
    if not sha:
        return None
    path = (attachments_dir or paths.attachments_dir()) / (sha + stored_suffix(name))
    return path if path.exists() else None
