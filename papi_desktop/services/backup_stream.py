"""Backups' byte streams: a tar written through hashing and counting readers, piped into age, published
under its final name only whole and read back; no database, no policy here."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import re
import tarfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from .. import paths
from ..domain.errors import KnownError
from ..domain.jobs import CancelToken, ProgressReporter

MANIFEST = "MANIFEST.json"
DB_MEMBER = paths.DB_FILE
# What a backup holds besides the database; not cache/ (made again), logs/, reports/ (copies of what the
# attachments keep), backups/, hub/ (a hub's uploads in flight), demo/ (a data folder of its own).
FOLDERS = ("attachments", "keys", "trust", "sync", "downstream", "reference")
# Swapped in this order: the WAL and shared memory before the database, so a new database never meets an
# old WAL (SQLite would replay its frames into it).
ITEMS = (DB_MEMBER + "-wal", DB_MEMBER + "-shm", DB_MEMBER + "-journal", DB_MEMBER, *FOLDERS)
_PIDDED = re.compile(r"-(\d+)-[0-9a-f]{8}$|\.(\d+)\.part$")
_MIB = 1 << 20


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class _HashingReader(io.RawIOBase):
    def __init__(self, raw: BinaryIO, report: Callable[[int], None]) -> None:
        self.raw, self.digest, self.report = raw, hashlib.sha256(), report

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        block = self.raw.read(n)
        self.digest.update(block)
        self.report(len(block))
        return block


class _Tee(io.RawIOBase):
    """What pyrage writes goes to the file and into the digest checked when the file is read back."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw, self.digest = raw, hashlib.sha256()
        self.error: OSError | None = None  # pyrage may hand it back wrapped in an EncryptError

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # noqa: ANN001 - bytes-like
        try:
            self.raw.write(b)
        except OSError as exc:
            self.error = exc
            raise
        self.digest.update(b)
        return len(b)


class _Mebibytes:
    """Bytes to ProgressReporter steps of one MiB, from the thread that reads or writes."""

    def __init__(self, report: ProgressReporter) -> None:
        self.report, self.bytes = report, 0

    def __call__(self, n: int) -> None:
        before = self.bytes // _MIB
        self.bytes += n
        if self.bytes // _MIB > before:
            self.report.advance(self.bytes // _MIB - before)


def _write_tar(sink: BinaryIO, members: list[tuple[str, Path, int]], facts: dict[str, Any],
               cancel: CancelToken | None, report: ProgressReporter) -> None:
    files: dict[str, dict[str, object]] = {}
    count = _Mebibytes(report)
    with tarfile.open(fileobj=sink, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        for name, path, _size in members:
            if cancel is not None:
                cancel.raise_if_cancelled()
            try:
                fh = path.open("rb")
            except FileNotFoundError:  # taken away since it was listed (sync/incoming): not data any more
                continue
            with fh:
                st = os.fstat(fh.fileno())
                info = tarfile.TarInfo(name)
                info.size, info.mtime, info.mode = st.st_size, int(st.st_mtime), 0o600
                reader = _HashingReader(fh, count)
                tar.addfile(info, reader)
                files[name] = {"size": st.st_size, "sha256": reader.digest.hexdigest()}
        blob = json.dumps({**facts, "files": files}, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(blob), int(_now().timestamp()), 0o600
        tar.addfile(info, io.BytesIO(blob))


def _pump(produce: Callable[[BinaryIO], None], consume: Callable[[BinaryIO], object]) -> None:
    """produce writes into a pipe on a thread of its own while consume reads it here: a stream, never
    whole in memory or on disk. The producer's failure is raised even when the consumer saw a clean end."""
    read_fd, write_fd = os.pipe()
    failure: list[BaseException] = []

    def feed() -> None:
        try:
            with os.fdopen(write_fd, "wb", buffering=_MIB) as sink:
                produce(sink)
        except BaseException as exc:  # noqa: BLE001 - handed to the consuming thread
            failure.append(exc)

    thread = threading.Thread(target=feed, name="papi-backup-stream", daemon=True)
    try:
        thread.start()
    except BaseException:
        os.close(write_fd)
        os.close(read_fd)
        raise
    try:
        with os.fdopen(read_fd, "rb", buffering=_MIB) as source:
            consume(source)
    except BaseException:
        thread.join()  # the pipe is closed: a producer blocked on it ends with EPIPE
        if failure and not isinstance(failure[0], BrokenPipeError):
            raise failure[0]  # noqa: B904 - the producer's error is the cause (a file it could not read)
        raise
    thread.join()
    if failure:
        raise failure[0]


def _encrypt_into(folder: Path, name: str, recipient: str, produce: Callable[[BinaryIO], None]) -> Path:
    import pyrage  # noqa: PLC0415
    from pyrage import x25519  # noqa: PLC0415

    def write(out: BinaryIO) -> str:
        tee = _Tee(out)
        try:
            # pyrage reads and writes any file-like object; its stubs say BufferedIOBase
            _pump(produce, lambda source: pyrage.encrypt_io(
                source, tee, [x25519.Recipient.from_str(recipient)]))  # type: ignore[arg-type]
        except pyrage.EncryptError:
            if tee.error is not None:  # the disk's own error (full, gone), with its errno
                raise tee.error from None
            raise
        return tee.digest.hexdigest()

    return _publish(folder, name, write)


def _copy_into(src: Path, folder: Path) -> Path:
    def write(out: BinaryIO) -> str:
        digest = hashlib.sha256()
        with src.open("rb") as fh:
            for block in iter(lambda: fh.read(_MIB), b""):
                digest.update(block)
                out.write(block)
        return digest.hexdigest()

    return _publish(folder, src.name, write)


def _publish(folder: Path, name: str, write: Callable[[BinaryIO], str]) -> Path:
    """write() fills a hidden temporary file and returns the SHA-256 of what it wrote; the file is fsynced,
    read back and compared, then renamed: under its final name a backup is always whole."""
    final = folder / name
    part = folder / f".{name}.{os.getpid()}.part"
    try:
        with _private(part) as out:
            digest = write(out)
            out.flush()
            os.fsync(out.fileno())
        _read_back(part, digest, folder)
        os.replace(part, final)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    return final


def _private(path: Path) -> BinaryIO:
    """A new file only its user may read, whatever the umask (a backup holds every citizen's record)."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), "wb")


def _read_back(path: Path, expected: str, folder: Path) -> None:
    """The file as the disk returns it: a failing stick that keeps garbage is caught now, not at restore."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        with contextlib.suppress(AttributeError, OSError):  # best effort: read the medium, not the page cache
            os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        for block in iter(lambda: fh.read(_MIB), b""):
            digest.update(block)
    if digest.hexdigest() != expected:
        raise KnownError(f"Bản sao lưu đọc lại từ {folder} khác với bản đã ghi: ổ đĩa hoặc ổ USB bị lỗi. Hãy dùng ổ "
                         "khác.", f"The backup read back from {folder} differs from what was written: the disk or "
                         "USB stick is faulty. Use another one.")


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows makes a rename durable itself (and cannot open a folder to fsync it)
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
