"""What a person reads when a backup or a restore cannot go on: a full disk, a pulled stick, a wrong
passphrase, a damaged file, each saying what was and was not written."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..domain.errors import KnownError

_REMOVED = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, getattr(errno, "ESTALE", errno.EIO)}


def _no_key() -> KnownError:
    return KnownError("Chưa đặt mật khẩu sao lưu: hãy sao lưu một lần bằng tay và đặt mật khẩu (sao lưu tự động "
                      "dùng khóa được tạo lúc đó).", "No backup passphrase yet: make one backup by hand and set a "
                      "passphrase (automatic backups use the key made then).")


def _wrong_passphrase() -> KnownError:
    return KnownError("Mật khẩu sao lưu không đúng.", "Wrong backup passphrase.")


def _damaged(what_vi: str, what_en: str) -> KnownError:
    return KnownError(f"Bản sao lưu hỏng hoặc không phải của PAPI Desktop ({what_vi}); không có gì bị thay thế.",
                      f"The backup is damaged or not PAPI Desktop's ({what_en}); nothing was replaced.")


NOT_MADE = ("không sao lưu được", "no backup was made")
NOT_COPIED = ("chưa chép được bản sao lưu sang đó", "the backup was not copied there")
NOT_RESTORED = ("chưa khôi phục, không có gì bị thay thế", "nothing was restored or replaced")


def _disk_error(exc: BaseException, folder: Path, outcome: tuple[str, str] = NOT_MADE) -> KnownError | None:
    """A full, read-only, forbidden or vanished disk, in words; None for anything else."""
    vi, en = outcome
    left = ("Không có tệp dở dang nào được để lại; các bản sao lưu cũ vẫn nguyên.",
            "No half-written file is left; older backups are untouched.")
    code = exc.errno if isinstance(exc, OSError) else None
    if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc).lower():
        code = errno.ENOSPC  # SQLITE_FULL: the snapshot beside the database
    elif not isinstance(exc, OSError):
        return None
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return KnownError(f"Ổ đĩa đã đầy ({folder}): {vi}. {left[0]} Hãy giải phóng chỗ trống hoặc chọn ổ khác rồi làm "
                          "lại.", f"The disk is full ({folder}): {en}. {left[1]} Free some space or choose another "
                          "disk, then try again.")
    if code == errno.EROFS:
        return KnownError(f"Ổ đĩa chỉ cho phép đọc ({folder}): {vi}. Hãy mở khóa ghi của ổ USB hoặc chọn thư mục khác.",
                          f"The disk is read-only ({folder}): {en}. Unlock the USB stick for writing or choose "
                          "another folder.")
    if code in (errno.EACCES, errno.EPERM):
        return KnownError(f"Không được phép ghi vào {folder}: {vi}. Hãy chọn thư mục khác.",
                          f"Writing to {folder} is not allowed: {en}. Choose another folder.")
    if code in _REMOVED:
        return KnownError(f"Thư mục {folder} không còn (ổ USB bị rút ra?): {vi}. {left[0]} Hãy cắm lại ổ rồi làm lại.",
                          f"The folder {folder} is gone (a USB stick pulled out?): {en}. {left[1]} Plug it in again "
                          "and try again.")
    return None


@contextlib.contextmanager
def _explained(folder: Path, outcome: tuple[str, str] = NOT_MADE) -> Iterator[None]:
    try:
        yield
    except (OSError, sqlite3.OperationalError) as exc:
        known = _disk_error(exc, folder, outcome)
        if known is None:
            raise
        raise known from exc


