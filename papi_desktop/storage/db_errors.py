"""Database conditions a person can act on, as KnownError: locked, full, read-only, unopenable, I/O, damaged.

PostgreSQL's (the hub on a server) come by SQLSTATE class instead (server_condition below).

SQLite reports them as sqlite3.OperationalError or DatabaseError, which SQLAlchemy wraps (the sqlite3
error is its `.orig`). Python 3.11 gives each one `sqlite_errorcode`; the primary code is its low byte
(https://www.sqlite.org/rescode.html). The messages say what happened and what to do, and claim that
nothing was written only where SQLite guarantees it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from ..domain.errors import KnownError

SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

# Older SQLite builds or errors raised without a code: the fixed texts sqlite3_errstr() gives.
_BY_TEXT = (
    ("database is locked", SQLITE_BUSY),
    ("database table is locked", SQLITE_LOCKED),
    ("database or disk is full", SQLITE_FULL),
    ("attempt to write a readonly database", SQLITE_READONLY),
    ("unable to open database file", SQLITE_CANTOPEN),
    ("disk i/o error", SQLITE_IOERR),
    ("database disk image is malformed", SQLITE_CORRUPT),
    ("file is not a database", SQLITE_NOTADB),
)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [getattr(e, "orig", None), e.__cause__, e.__context__]


def sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind exc (itself, SQLAlchemy's .orig, or a cause), if any."""
    for e in _chain(exc):
        if isinstance(e, sqlite3.Error):
            return e
    return None


def primary_code(err: sqlite3.Error) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(err).lower()
    return next((c for needle, c in _BY_TEXT if needle in text), None)


def _where(db_path: Path | None) -> tuple[str, str, str]:
    """(file, folder, backups folder) as shown in messages."""
    if db_path is None:
        return "papi.db", "thư mục dữ liệu", "backups"
    return str(db_path), str(db_path.parent), str(db_path.parent / "backups")


def locked(db_path: Path | None) -> KnownError:
    db, _folder, _backups = _where(db_path)
    return KnownError(
        f"Cơ sở dữ liệu {db} đang bị một chương trình khác giữ để ghi quá lâu (có thể là một cửa sổ PAPI Desktop "
        "khác, một lệnh papi-desktop đang chạy, hoặc một chương trình sao lưu, chống virus đang mở tệp). Việc vừa "
        "làm không ghi được. Hãy đợi việc kia xong hoặc đóng chương trình kia, rồi làm lại.",
        f"The database {db} is held for writing by another program for too long (another PAPI Desktop window, "
        "a papi-desktop command that is running, or a backup or antivirus program that has the file open). "
        "What you just did could not be written. Wait for the other work to finish or close that program, "
        "then try again.")


def full(db_path: Path | None) -> KnownError:
    db, folder, _backups = _where(db_path)
    return KnownError(
        f"Ổ đĩa chứa dữ liệu ({folder}) đã đầy: không ghi thêm được vào {db}. Những gì đang lưu dở đã được hủy; "
        "dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy giải phóng chỗ trống trên ổ đĩa này (xóa tệp không cần, "
        "dọn Thùng rác, chuyển bớt bản sao lưu cũ sang ổ khác) rồi làm lại.",
        f"The disk that holds the data ({folder}) is full: nothing more can be written to {db}. What was being "
        "saved was undone; the data saved before is intact. Free some space on this disk (delete files you do "
        "not need, empty the Recycle Bin, move old backups to another disk), then try again.")


def read_only(db_path: Path | None) -> KnownError:
    db, folder, _backups = _where(db_path)
    return KnownError(
        f"Không ghi được vào cơ sở dữ liệu {db}: tệp này hoặc thư mục {folder} chỉ cho phép đọc, nên chưa có gì "
        "được ghi. Hãy cho phép ghi (bỏ thuộc tính Chỉ đọc của tệp và thư mục, nhờ người quản trị máy cấp quyền "
        "ghi cho tài khoản này, hoặc mở khóa ghi của ổ USB, thẻ nhớ), rồi mở lại chương trình.",
        f"The database {db} cannot be written: the file or its folder {folder} is read-only, so nothing was "
        "written. Allow writing (clear the Read-only attribute of the file and the folder, ask the PC's "
        "administrator to give this account write access, or unlock the USB stick or memory card), then open "
        "the program again.")


def cannot_open(db_path: Path | None) -> KnownError:
    db, folder, _backups = _where(db_path)
    return KnownError(
        f"Không mở được cơ sở dữ liệu {db}. Hãy kiểm tra thư mục dữ liệu {folder} còn đó (ổ USB hoặc ổ mạng còn "
        "cắm, còn kết nối) và tài khoản này được phép ghi vào nó, rồi mở lại chương trình.",
        f"The database {db} cannot be opened. Check that the data folder {folder} is there (the USB stick or "
        "network drive is still connected) and that this account may write to it, then open the program again.")


def disk_error(db_path: Path | None) -> KnownError:
    db, folder, _backups = _where(db_path)
    return KnownError(
        f"Lỗi đọc, ghi ổ đĩa khi dùng cơ sở dữ liệu {db}: ổ đĩa có thể vừa bị rút ra, mất kết nối hoặc bị hỏng. "
        f"Hãy kiểm tra ổ đĩa chứa {folder}, mở lại chương trình rồi làm lại. Nếu lỗi lặp lại, hãy chép thư mục "
        "dữ liệu sang một ổ đĩa khác và báo bộ phận hỗ trợ.",
        f"A disk read or write error while using the database {db}: the disk may have been unplugged, lost its "
        f"connection or be failing. Check the disk that holds {folder}, open the program again and retry. If it "
        "happens again, copy the data folder to another disk and tell support.")


def damaged(db_path: Path | None, detail: str = "") -> KnownError:
    db, folder, backups = _where(db_path)
    name = Path(db).name
    what = f" ({detail})" if detail else ""
    return KnownError(
        f"Tệp cơ sở dữ liệu {db} bị hỏng hoặc không phải là cơ sở dữ liệu của PAPI Desktop{what}. Đừng xóa nó. "
        f"Hãy đóng chương trình; trong thư mục {folder}, đổi tên {name} (và {name}-wal, {name}-shm nếu có) để "
        f"giữ lại cho bộ phận hỗ trợ; chép bản sao lưu mới nhất trong {backups} vào chỗ đó với tên {name}, rồi "
        "mở lại chương trình. Nếu chưa có bản sao lưu nào, hãy liên hệ bộ phận hỗ trợ.",
        f"The database file {db} is damaged or is not a PAPI Desktop database{what}. Do not delete it. Close "
        f"the program; in the folder {folder}, rename {name} (and {name}-wal, {name}-shm if present) to keep it "
        f"for support; copy the newest backup from {backups} there under the name {name}, then open the program "
        "again. If there is no backup yet, contact support.")


_BY_CODE: dict[int, Callable[[Path | None], KnownError]] = {
    SQLITE_BUSY: locked,
    SQLITE_LOCKED: locked,
    SQLITE_FULL: full,
    SQLITE_READONLY: read_only,
    SQLITE_PERM: read_only,
    SQLITE_CANTOPEN: cannot_open,
    SQLITE_IOERR: disk_error,
    SQLITE_CORRUPT: damaged,
    SQLITE_NOTADB: damaged,
}


def _sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of the psycopg error behind exc, if any (psycopg errors carry .sqlstate; a failed
    connection has none: "08" then)."""
    for e in _chain(exc):
        module = type(e).__module__ or ""
        if module.startswith("psycopg"):
            return getattr(e, "sqlstate", None) or ("08000" if type(e).__name__ == "OperationalError" else None)
    return None


def server_busy() -> KnownError:
    return KnownError(
        "Máy chủ cơ sở dữ liệu đang bận với một thao tác ghi khác quá lâu; việc vừa làm chưa được ghi. Hãy làm lại "
        "sau ít phút.",
        "The database server is held by another write for too long; what you just did was not written. Try again "
        "in a few minutes.")


def server_full() -> KnownError:
    return KnownError(
        "Máy chủ cơ sở dữ liệu đã hết chỗ trên đĩa (hoặc hết bộ nhớ); việc vừa làm đã được hủy. Hãy báo người quản "
        "trị máy chủ giải phóng chỗ trống rồi làm lại.",
        "The database server is out of disk space (or memory); what you just did was undone. Ask the server's "
        "administrator to free some space, then try again.")


def server_read_only() -> KnownError:
    return KnownError(
        "Tài khoản này không được phép ghi vào cơ sở dữ liệu trên máy chủ (hoặc máy chủ chỉ cho đọc); chưa có gì "
        "được ghi. Hãy nhờ người quản trị máy chủ cấp quyền ghi.",
        "This account may not write to the database on the server (or the server is read-only); nothing was "
        "written. Ask the server's administrator for write access.")


def server_unreachable() -> KnownError:
    return KnownError(
        "Không kết nối được tới máy chủ cơ sở dữ liệu (địa chỉ, mật khẩu, hoặc máy chủ đang tắt hay khởi động "
        "lại); chưa có gì được ghi. Hãy kiểm tra địa chỉ --db và máy chủ, rồi làm lại.",
        "The database server cannot be reached (its address, the password, or the server is down or restarting); "
        "nothing was written. Check the --db address and the server, then try again.")


# SQLSTATE (or its two-character class) -> message: https://www.postgresql.org/docs/current/errcodes-appendix.html
_BY_SQLSTATE: dict[str, Callable[[], KnownError]] = {
    "55P03": server_busy,  # lock_not_available: lock_timeout, the busy timeout
    "53": server_full,  # insufficient resources: disk_full, out_of_memory, too_many_connections
    "25006": server_read_only,  # read_only_sql_transaction (a standby)
    "42501": server_read_only,  # insufficient_privilege
    "08": server_unreachable,  # connection exception
    "28": server_unreachable,  # invalid authorization (wrong password)
    "57P": server_unreachable,  # operator intervention: the server shut down or restarts
}


def server_condition(exc: BaseException) -> KnownError | None:
    """The message for a PostgreSQL condition the user can act on, or None."""
    state = _sqlstate(exc)
    if state is None:
        return None
    make = _BY_SQLSTATE.get(state) or _BY_SQLSTATE.get(state[:3]) or _BY_SQLSTATE.get(state[:2])
    return make() if make else None


def known_error(exc: BaseException, db_path: Path | None = None) -> KnownError | None:
    """The message for a database condition the user can act on, or None (then it is a bug)."""
    err = sqlite_error(exc)
    if err is None:
        return server_condition(exc)
    code = primary_code(err)
    make = _BY_CODE.get(code) if code is not None else None
    return make(db_path) if make else None
