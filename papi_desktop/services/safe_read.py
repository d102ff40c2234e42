"""Read a workbook in a child process, so a crash of the native reader cannot take the program down.

python-calamine (Rust) aborts the whole process when an allocation fails, and a hostile sheet can ask
for 512 GB; openpyxl can spend minutes and gigabytes on a sheet that claims a million rows. The
reader therefore runs in a process of its own ('spawn': the same on Windows and in the frozen build,
where __main__ calls multiprocessing.freeze_support()), with an address-space limit where the system
has one (POSIX), a CPU limit, and a wall-clock limit kept by the parent. Rows come back in batches
through a pipe while the parent parses them; cancelling stops the child. Whatever happens in the
child, the parent gets rows or a KnownError.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import multiprocessing
import time
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path

from ..domain.errors import Cancelled, KnownError
from ..domain.jobs import CancelToken
from .workbook_checks import ReadLimits, bad_file

Row = tuple[int, list[str]]
# A reader runs in the child: (path, limits) -> sheets as (name, rows); it must be importable by name.
Reader = Callable[[Path, ReadLimits], Iterable[tuple[str, Iterable[Row]]]]

_BATCH = 2000  # rows per message: large enough to be cheap, small enough to keep both sides busy
_TICK = 0.05  # seconds between looks at the cancel token and the child while waiting
_log = logging.getLogger(__name__)
# A reader's failure is the file's, told to the user as a KnownError; its detail is for the program's log
# (failures.install()), never printed on the user's terminal by logging's last-resort handler.
_log.addHandler(logging.NullHandler())


def _to_log(text: str, *args: object) -> None:
    from . import failures  # noqa: PLC0415 - only when a read failed

    failures.install()  # the data folder's log, for the command line as for the window
    _log.warning(text, *args)


def _limit_resources(limits: ReadLimits) -> None:
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:
        return  # Windows: the size checks before reading are the guard
    for which, want in ((resource.RLIMIT_AS, limits.memory), (resource.RLIMIT_CPU, int(limits.seconds) + 5)):
        _soft, hard = resource.getrlimit(which)
        value = want if hard == resource.RLIM_INFINITY else min(want, hard)
        # A system that refuses (macOS on RLIMIT_AS) keeps the time limit and the checks.
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(which, (value, hard))


def _child_main(conn, reader: Reader, path: str, limits: ReadLimits) -> None:  # noqa: ANN001
    """The child: read, send ("sheet", name), ("rows", [...]) …, ("end",) per sheet, then ("done",);
    or one ("known", vi, en) / ("memory",) / ("failed", kind, trace)."""
    try:
        _limit_resources(limits)
        for name, rows in reader(Path(path), limits):
            conn.send(("sheet", str(name)))
            batch: list[Row] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= _BATCH:
                    conn.send(("rows", batch))
                    batch = []
            if batch:
                conn.send(("rows", batch))
            conn.send(("end",))
        conn.send(("done",))
    except (BrokenPipeError, EOFError):
        return  # the parent stopped listening (it found its table, or was cancelled)
    except KnownError as exc:
        _send(conn, ("known", exc.vi, exc.en))
    except MemoryError:
        _send(conn, ("memory",))
    except BaseException as exc:  # noqa: BLE001 - anything the reader raises is a file it cannot read
        _send(conn, ("failed", type(exc).__name__, traceback.format_exc(limit=-4)))
    finally:
        conn.close()


def _send(conn, message: tuple) -> None:  # noqa: ANN001
    # If this fails, the parent sees the child end without a message and reports a crash.
    with contextlib.suppress(OSError, EOFError, MemoryError):
        conn.send(message)


class _Child:
    """The parent's end: receive messages with the cancel token, the time limit and the child's life watched."""

    def __init__(self, reader: Reader, path: Path, limits: ReadLimits, cancel: CancelToken | None) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child_end = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_child_main, args=(child_end, reader, str(path), limits), daemon=True,
                                 name="papi-read-workbook")
        self._limits = limits
        self._cancel = cancel
        self._waited = 0.0  # time spent waiting for the child: its share of the work, not the parser's
        self._proc.start()
        child_end.close()

    def recv(self) -> tuple:
        while True:
            if self._cancel is not None and self._cancel.cancelled:
                raise Cancelled()
            t0 = time.monotonic()
            ready = self._conn.poll(_TICK)
            self._waited += time.monotonic() - t0
            if ready:
                break
            if self._waited > self._limits.seconds:
                raise bad_file(f"Đọc tệp Excel quá {int(self._limits.seconds)} giây nên đã dừng: tệp quá lớn hoặc hỏng. "
                           "Hãy xóa các dòng, cột thừa rồi lưu lại.",
                           f"Reading the workbook took over {int(self._limits.seconds)} s and was stopped: the "
                           "file is too large or damaged. Delete the extra rows and columns and save it again.")
            if not self._proc.is_alive() and not self._conn.poll():
                raise self._crashed()
        try:
            message = self._conn.recv()
        except (EOFError, OSError):
            raise self._crashed() from None
        kind = message[0]
        if kind == "known":
            raise KnownError(message[1], message[2])
        if kind == "memory":
            raise self._memory()
        if kind == "failed":
            _to_log("workbook reader failed: %s", message[2])
            raise bad_file(f"Không đọc được tệp Excel (tệp hỏng hoặc sai định dạng: {message[1]}).",
                       f"Cannot read the Excel file (damaged or wrong format: {message[1]}).")
        return message

    def _memory(self) -> KnownError:
        mb = self._limits.memory >> 20
        return bad_file(f"Tệp Excel cần hơn {mb} MB bộ nhớ để đọc: tệp quá lớn hoặc hỏng. Hãy xóa các dòng, cột thừa "
                    "rồi lưu lại.",
                    f"The workbook needs over {mb} MB of memory to read: it is too large or damaged. Delete the "
                    "extra rows and columns and save it again.")

    def _crashed(self) -> KnownError:
        self._proc.join(5)
        code = self._proc.exitcode
        _to_log("workbook reader process ended with exit code %s", code)
        if code is not None and code < 0:
            how_vi, how_en = f"dừng đột ngột (tín hiệu {-code})", f"stopped abruptly (signal {-code})"
        else:
            how_vi, how_en = f"dừng đột ngột (mã {code})", f"stopped abruptly (exit code {code})"
        return bad_file(f"Không đọc được tệp Excel: chương trình đọc tệp {how_vi}, thường vì tệp quá lớn so với bộ nhớ "
                    "hoặc bị hỏng. Chương trình vẫn chạy bình thường. Hãy mở tệp trong Excel, xóa các dòng, cột "
                    "thừa, lưu lại rồi nhập lại.",
                    f"Cannot read the Excel file: the reader {how_en}, usually because the file is too large for "
                    "the memory or damaged. The program is fine. Open the file in Excel, delete the extra rows "
                    "and columns, save it and import again.")

    def stop(self) -> None:
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(2)
            if self._proc.is_alive():
                self._proc.kill()
        self._proc.join()
        self._conn.close()
        self._proc.close()


def sheets_in_child(reader: Reader, path: Path, limits: ReadLimits,
                    cancel: CancelToken | None = None) -> Generator[tuple[str, Iterator[Row]], None, None]:
    """Sheets as (name, rows) read by reader in a child process. A sheet's rows must be taken before
    the next sheet (the rows of one left unread are skipped); closing the generator stops the child."""
    child = _Child(reader, path, limits, cancel)
    state = {"open": False}

    def rows() -> Iterator[Row]:
        while state["open"]:
            message = child.recv()
            if message[0] == "end":
                state["open"] = False
                return
            yield from message[1]

    try:
        while True:
            message = child.recv()
            if message[0] == "done":
                return
            state["open"] = True
            yield message[1], rows()
            collections.deque(rows(), maxlen=0)  # drain what the caller skipped of this sheet
    finally:
        state["open"] = False
        child.stop()
