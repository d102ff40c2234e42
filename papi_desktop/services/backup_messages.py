"""What a person reads when a backup or a restore cannot go on: a full disk, a pulled stick, a wrong
passphrase, a damaged file, each saying what was and was not written. The disk words (disk_error,
explained) serve every write to a chosen folder: a report export and a sync bundle too."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..domain.errors import KnownError

REMOVED = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, getattr(errno, "ESTALE", errno.EIO)}


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


BACKUP_LEFT = ("Không có tệp dở dang nào được để lại; các bản sao lưu cũ vẫn nguyên.",
               "No half-written file is left; older backups are untouched.")


def disk_error(exc: BaseException, folder: Path | None, outcome: tuple[str, str] = NOT_MADE,
               left: tuple[str, str] | None = BACKUP_LEFT) -> KnownError | None:
    """A full, read-only, forbidden or vanished disk, in words; None for anything else. outcome: what did
    not happen; left: what the folder holds now (said for a full disk and a pulled stick); folder None:
    an error that names no file."""
    vi, en = outcome
    left_vi, left_en = (f" {left[0]}", f" {left[1]}") if left else ("", "")
    at = f" ({folder})" if folder else ""
    named_vi, named_en = (f"thư mục {folder}", f"the folder {folder}") if folder else ("thư mục", "the folder")
    code = exc.errno if isinstance(exc, OSError) else None
    if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc).lower():
        code = errno.ENOSPC  # SQLITE_FULL: the snapshot beside the database
    elif not isinstance(exc, OSError):
        return None
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return KnownError(f"Ổ đĩa đã đầy{at}: {vi}.{left_vi} Hãy giải phóng chỗ trống hoặc chọn ổ khác rồi làm lại.",
                          f"The disk is full{at}: {en}.{left_en} Free some space or choose another disk, then try "
                          "again.")
    if code == errno.EROFS:
        return KnownError(f"Ổ đĩa chỉ cho phép đọc{at}: {vi}. Hãy mở khóa ghi của ổ USB hoặc chọn thư mục khác.",
                          f"The disk is read-only{at}: {en}. Unlock the USB stick for writing or choose another "
                          "folder.")
    if code in (errno.EACCES, errno.EPERM):
        return KnownError(f"Không được phép ghi vào {named_vi}: {vi}. Hãy chọn thư mục khác.",
                          f"Writing to {named_en} is not allowed: {en}. Choose another folder.")
    if code in REMOVED:
        return KnownError(f"{named_vi[0].upper()}{named_vi[1:]} không còn (ổ USB bị rút ra?): {vi}.{left_vi} Hãy cắm "
                          "lại ổ rồi làm lại.", f"{named_en[0].upper()}{named_en[1:]} is gone (a USB stick pulled "
                          f"out?): {en}.{left_en} Plug it in again and try again.")
    return None


@contextlib.contextmanager
def explained(folder: Path, outcome: tuple[str, str] = NOT_MADE,
              left: tuple[str, str] | None = BACKUP_LEFT) -> Iterator[None]:
    """OSErrors (and SQLite's full disk) inside, raised as disk_error's KnownError when it has words."""
    try:
        yield
    except (OSError, sqlite3.OperationalError) as exc:
        known = disk_error(exc, folder, outcome, left)
        if known is None:
            raise
        raise known from exc


_REMOVED, _disk_error, _explained = REMOVED, disk_error, explained  # backup.py's names
