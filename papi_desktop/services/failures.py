"""What to tell a person when something fails, for the GUI and the command line alike.

known_error(): a KnownError itself, or a database or disk condition the user can act on (locked, full,
read-only, damaged: storage/db_errors.py; a full, read-only or forbidden disk for file work). Anything else is
a bug: explain() writes it to a rotating log in the data folder (logs/papi-desktop.log, 5 files of 1 MB;
the windowed build has no console) and says where the log is.

The log carries tracebacks but no personal data. A failing statement's exception text holds its bound
parameters (SQLAlchemy's "[parameters: ('Nguyễn Văn A', '001234567890')]"), and messages quote the values
they reject, so every message is scrubbed before it is written: the parameter block is dropped; quoted
text, runs of six or more digits and e-mail addresses are blanked, and so is every word with a Vietnamese
letter together with the capitalised words next to it (names are Vietnamese words). The exception types,
the frames (file, line, function, source line of our code) and the SQL with its placeholders stay: they
are what a developer needs.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import sqlite3
import sys
import tempfile
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .. import paths
from ..domain.errors import KnownError
from ..storage import db_errors
from . import backup_messages

LOG_NAME = "papi-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 4
LOGGER = "papi_desktop"

_handler: RotatingFileHandler | None = None
_limits = (MAX_BYTES, BACKUP_COUNT)
_lock = threading.RLock()


# --- what the user reads -------------------------------------------------------------------------

def _db_path() -> Path | None:
    try:
        return paths.db_path()
    except OSError:  # the data folder itself is gone or unwritable: the message names no file
        return None


def _file_error(exc: OSError) -> KnownError | None:
    name = exc.filename
    vi_file, en_file = (f"tệp {name}", f"the file {name}") if name else ("tệp", "the file")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return KnownError(
            f"Ổ đĩa đã đầy: không ghi được {vi_file}. Việc vừa làm chưa xong. Hãy giải phóng chỗ trống trên ổ "
            "đĩa (xóa tệp không cần, dọn Thùng rác) hoặc chọn một thư mục trên ổ khác, rồi làm lại.",
            f"The disk is full: {en_file} could not be written. What you just did did not finish. Free some "
            "space on the disk (delete files you do not need, empty the Recycle Bin) or choose a folder on "
            "another disk, then try again.")
    if exc.errno == errno.EROFS:
        return KnownError(
            f"Ổ đĩa chỉ cho phép đọc: không ghi được {vi_file}. Hãy mở khóa ghi (ổ USB, thẻ nhớ) hoặc chọn "
            "một thư mục khác, rồi làm lại.",
            f"The disk is read-only: {en_file} could not be written. Unlock it for writing (USB stick, memory "
            "card) or choose another folder, then try again.")
    if (gone := _removed(exc)) is not None:
        return gone
    if exc.errno in (errno.EACCES, errno.EPERM):
        return KnownError(
            f"Không được phép dùng {vi_file}: tài khoản này không có quyền, tệp chỉ cho phép đọc, hoặc tệp "
            "đang mở trong một chương trình khác (ví dụ Excel, trình xem PDF). Hãy đóng chương trình đó hoặc "
            "chọn một thư mục khác, rồi làm lại.",
            f"{en_file[0].upper()}{en_file[1:]} may not be used: this account has no permission, the file is "
            "read-only, or another program has it open (for example Excel or a PDF viewer). Close that "
            "program or choose another folder, then try again.")
    return None


def _removed(exc: OSError) -> KnownError | None:
    """A stick pulled out under a file being written: a device error, or a file whose folder is gone
    (a file missing from a folder that is there may be our bug: that one is logged)."""
    name = exc.filename if isinstance(exc.filename, str) else None
    if exc.errno not in backup_messages.REMOVED or (exc.errno == errno.ENOENT and (name is None or
                                                                                   Path(name).parent.is_dir())):
        return None
    folder = Path(name).parent if name else None
    while folder is not None and folder.name.startswith(".") and folder.parent != folder:
        folder = folder.parent  # a hidden work folder (an export's staging): the folder the user chose
    return backup_messages.disk_error(exc, folder, ("việc vừa làm chưa xong", "what you just did did not finish"),
                                      None)


def known_error(exc: BaseException) -> KnownError | None:
    """The KnownError to show for exc, or None when it is a bug."""
    if isinstance(exc, KnownError):
        return exc
    found = db_errors.known_error(exc, _db_path())
    if found is not None:
        return found
    e: BaseException | None = exc
    while e is not None:  # an OSError raised, or raised from ("raise X from oserror")
        if isinstance(e, OSError) and (mapped := _file_error(e)) is not None:
            return mapped
        e = e.__cause__
    return None


def explain(exc: BaseException, lang: str = "vi") -> str:
    """The message for the user; a bug is logged first and the message says where."""
    known = known_error(exc)
    if known is not None:
        return known.message(lang)
    log = log_unexpected(exc)
    kind = type(exc).__name__
    if log is None:
        detail = _short(safe_message(exc))
        return (f"An unexpected error occurred ({kind}: {detail}), and it could not be written to a log. What "
                "you just did may not have finished: check the result before going on, and tell support."
                if lang == "en" else
                f"Đã xảy ra lỗi không mong muốn ({kind}: {detail}) và không ghi được vào tệp nhật ký. Việc vừa "
                "làm có thể chưa xong: hãy kiểm tra lại kết quả trước khi làm tiếp, và báo bộ phận hỗ trợ.")
    return (f"An unexpected error occurred ({kind}). What you just did may not have finished: check the result "
            f"before going on. The technical details, without personal data, were written to {log}; send this "
            "file to support." if lang == "en" else
            f"Đã xảy ra lỗi không mong muốn ({kind}). Việc vừa làm có thể chưa xong: hãy kiểm tra lại kết quả "
            f"trước khi làm tiếp. Chi tiết kỹ thuật (không có dữ liệu cá nhân) đã được ghi vào tệp {log}; hãy "
            "gửi tệp này cho bộ phận hỗ trợ.")


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- scrubbing -----------------------------------------------------------------------------------

_PARAMETERS = re.compile(r"\[(?:SQL )?parameters: [^\n]*")  # SQLAlchemy's repr of the bound values
_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|“[^”\n]*”|‘[^’\n]*’")
_DIGITS = re.compile(r"\d{6,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WORDS = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")


def scrub(text: str) -> str:
    """text without what may be a person's data (see the module docstring)."""
    text = _PARAMETERS.sub("[parameters: …]", text)
    text = _QUOTED.sub("'…'", text)
    text = _EMAIL.sub("<email>", text)
    text = _WORDS.sub(_blank_vietnamese, text)
    return _DIGITS.sub("<digits>", text)


def _blank_vietnamese(run: re.Match[str]) -> str:
    """In a run of words, blank each word with a Vietnamese letter and the capitalised words next to it
    ("Lò Văn Minh", "Giàng A Páo" whole); the English around them stays."""
    words = run.group().split()
    if all(c.isascii() for c in run.group()):
        return run.group()
    hidden = [not w.isascii() for w in words]
    changed = True
    while changed:
        changed = False
        for i, w in enumerate(words):
            if not hidden[i] and w[0].isupper() and ((i > 0 and hidden[i - 1]) or
                                                     (i + 1 < len(words) and hidden[i + 1])):
                hidden[i] = changed = True
    out: list[str] = []
    for w, h in zip(words, hidden, strict=True):
        if not h:
            out.append(w)
        elif not out or out[-1] != "…":
            out.append("…")
    return " ".join(out)


def safe_message(exc: BaseException) -> str:
    """exc's message, scrubbed; a failing SQL statement keeps its SQL but never its parameters."""
    orig = getattr(exc, "orig", None)
    statement = getattr(exc, "statement", None)
    if isinstance(orig, BaseException) and isinstance(statement, str):  # sqlalchemy.exc.StatementError
        text = f"({type(orig).__module__}.{type(orig).__name__}) {safe_message(orig)}\n[SQL: {scrub(statement)}]"
        return text
    text = scrub(str(exc))
    if isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorname", None):
        text += f" [{exc.sqlite_errorname}]"
    return text


def format_scrubbed(exc: BaseException) -> str:
    """Like traceback.format_exception, with every message scrubbed (causes and contexts too)."""
    out: list[str] = []
    seen: set[int] = set()

    def emit(e: BaseException) -> None:
        seen.add(id(e))
        if e.__cause__ is not None and id(e.__cause__) not in seen:
            emit(e.__cause__)
            out.append("\nThe above exception was the direct cause of the following exception:\n\n")
        elif e.__context__ is not None and not e.__suppress_context__ and id(e.__context__) not in seen:
            emit(e.__context__)
            out.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        if e.__traceback__ is not None:
            out.append("Traceback (most recent call last):\n")
            out.extend(traceback.format_tb(e.__traceback__))
        kind = type(e)
        name = kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
        out.append(f"{name}: {safe_message(e)}\n")
        for i, sub in enumerate(getattr(e, "exceptions", None) or (), 1):  # an ExceptionGroup's members
            if isinstance(sub, BaseException) and id(sub) not in seen:
                out.append(f"\n+-- {i} --\n")
                emit(sub)

    emit(exc)
    return "".join(out)


def _home() -> str:
    try:
        return str(Path.home())
    except (OSError, RuntimeError):
        return ""


class _ScrubbingFormatter(logging.Formatter):
    """Every record scrubbed, whichever module logged it; the user's home folder (its name is often the
    clerk's) is written as ~ in the frames' file names."""

    def format(self, record: logging.LogRecord) -> str:
        text = (f"{self.formatTime(record)} {record.levelname} {record.name} [{record.threadName}] "
                f"{scrub(record.getMessage())}")
        if record.exc_info and record.exc_info[1] is not None:
            text += "\n" + format_scrubbed(record.exc_info[1]).rstrip("\n")
        home = _home()
        return text.replace(home, "~") if len(home) > 1 else text


# --- the log -------------------------------------------------------------------------------------

def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(folder / LOG_NAME, "a", encoding="utf-8"):
            pass
    except OSError:
        return False
    return True


def log_folder() -> Path | None:
    """logs/ in the data folder; the temporary folder when the data folder cannot be written."""
    try:
        folder = paths.data_dir() / "logs"
    except OSError:
        folder = None
    if folder is not None and _writable(folder):
        return folder
    fallback = Path(tempfile.gettempdir()) / "papi-desktop-logs"
    return fallback if _writable(fallback) else None


def install(max_bytes: int | None = None, backup_count: int | None = None) -> Path | None:
    """Send warnings and errors of every papi_desktop module to the rotating log of the current data
    folder (again when the data folder changed). Returns the log file, None when nothing can be written."""
    with _lock:
        return _install(max_bytes, backup_count)


def _install(max_bytes: int | None, backup_count: int | None) -> Path | None:
    global _handler, _limits
    limits = (max_bytes or _limits[0], backup_count if backup_count is not None else _limits[1])
    folder = log_folder()
    if folder is None:
        return None
    path = folder / LOG_NAME
    if _handler is not None and _handler.baseFilename == os.path.abspath(path) and limits == _limits:
        return path
    _limits = limits
    logger = logging.getLogger(LOGGER)
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    _handler = RotatingFileHandler(path, maxBytes=limits[0], backupCount=limits[1], encoding="utf-8")
    _handler.setLevel(logging.WARNING)
    _handler.setFormatter(_ScrubbingFormatter())
    logger.addHandler(_handler)
    return path


def close() -> None:
    """Detach and close the log (tests; the end of the program)."""
    global _handler
    with _lock:
        if _handler is not None:
            logging.getLogger(LOGGER).removeHandler(_handler)
            _handler.close()
            _handler = None


def log_unexpected(exc: BaseException, where: str = "") -> Path | None:
    """Write exc with its traceback to the log; returns the log file, or None if it could not be written."""
    logged = getattr(exc, "_papi_logged_to", None)
    if isinstance(logged, Path) and logged.exists():
        return logged  # a view that shows the same error twice (a label, then a dialog) logs it once
    with _lock:  # the GUI thread and a worker may fail at once
        path = _install(None, None)
        if path is None or _handler is None:
            return None
        logging.getLogger(LOGGER).error("unexpected error%s", f" in {where}" if where else "",
                                        exc_info=(type(exc), exc, exc.__traceback__))
        _handler.flush()
    with contextlib.suppress(AttributeError, TypeError):  # an exception type with __slots__ keeps no mark
        exc._papi_logged_to = path  # type: ignore[attr-defined]
    return path


def write_to_stderr(exc: BaseException, lang: str) -> int:
    """The command line's last resort: the message on stderr; 2 for a known condition, 1 for a bug."""
    known = known_error(exc)
    text = known.message(lang) if known is not None else explain(exc, lang)
    if sys.stderr is not None:
        sys.stderr.write(("Error: " if lang == "en" else "Lỗi: ") + text + "\n")
    return 2 if known is not None else 1
