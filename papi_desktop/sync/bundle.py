"""The bundle container: the same bytes on a USB stick or in an HTTP request.

Inside, a tar stream: MANIFEST.json first (what the bundle is, every member's size and SHA-256),
then MANIFEST.json.p7s (the sender's detached CMS signature over the manifest's exact bytes), then
the members it lists. Outside, age encryption to the receiver (and an escrow key). Nothing is ever
on disk in clear: the tar stream goes through a pipe straight into age, and back the same way.

On disk a bundle is one file `<stem>.papi`, or parts `<stem>.p01of03.papi`… of at most `part_bytes`
(FAT32 sticks hold 4 GiB files). Each part is written under a hidden temporary name, synced, renamed,
then read back and compared with what was written. A writer holds a lock file beside its parts while
it writes, and journals the final names in it before the first rename: a writer killed part-way (or a
stick pulled out) leaves files no reader takes for a bundle, and the next write into the folder
(`sweep`) removes them, with the parts already renamed when not all of them were, so the folder holds
whole bundles only.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import io
import json
import os
import re
import sys
import tarfile
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .. import paths
from ..domain.errors import KnownError
from ..domain.jobs import CancelToken
from ..exports.signing import KeyMaterial
from . import envelope

if TYPE_CHECKING:
    from cryptography import x509

FORMAT = "papi-bundle/1"
MANIFEST, SIGNATURE = "MANIFEST.json", "MANIFEST.json.p7s"
SUFFIX = ".papi"
_PART = re.compile(r"^(?P<stem>.+)\.p(?P<n>\d{2,3})of(?P<total>\d{2,3})\.papi$")
_TEMP = re.compile(r"^\.(?P<stem>.+)\.(?P<token>[0-9a-f]{12})\.(?P<n>\d{3})\.tmp$")
_OLD_TEMP = re.compile(r"^\.(?P<stem>.+)\.(?P<n>\d{3})\.tmp$")  # before writers took a lock
_LOCK = re.compile(r"^\.(?P<stem>.+)\.(?P<token>[0-9a-f]{12})\.lock$")
_CHUNK = 1 << 20


@lru_cache(maxsize=1)
def limits() -> dict[str, int]:
    data = json.loads((paths.resources_dir() / "reference" / "sync_limits.json").read_text(encoding="utf-8"))
    return {k: int(v) for k, v in data.items() if not k.startswith("_")}


def bad_bundle(vi: str, en: str) -> KnownError:
    return KnownError(vi + " Không có dữ liệu nào được ghi.", en + " Nothing was written.")


@dataclass
class Member:
    """One file of a bundle: bytes in memory, or a file read as it is sent (attachments)."""

    name: str
    data: bytes | None = None
    path: Path | None = None

    def size(self) -> int:
        return len(self.data) if self.data is not None else Path(self.path).stat().st_size  # type: ignore[arg-type]

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            yield self.data
            return
        with Path(self.path).open("rb") as fh:  # type: ignore[arg-type]
            while block := fh.read(_CHUNK):
                yield block


def _digest(member: Member) -> str:
    h = hashlib.sha256()
    for block in member.chunks():
        h.update(block)
    return h.hexdigest()


def canonical(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def digest(manifest: bytes) -> str:
    """A bundle's identity: the same manifest is the same bundle, however it was encrypted."""
    return hashlib.sha256(manifest).hexdigest()


def stem_of(path: Path) -> str:
    """The name shared by a bundle's parts, without part number or suffix."""
    match = _PART.match(Path(path).name)
    return match["stem"] if match else Path(path).name.removesuffix(SUFFIX)


def signed_document(header: Mapping[str, object], signer: KeyMaterial) -> bytes:
    """A small signed-only bundle built in memory (a receipt): a manifest and its signature, no members."""
    manifest = canonical({**header, "format": FORMAT, "files": {}, "recipients": []})
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in ((MANIFEST, manifest), (SIGNATURE, envelope.sign_detached(manifest, signer))):
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o600, 0
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


class _Parts:
    """A writer that rolls over to a new temporary part file every `limit` bytes."""

    def __init__(self, out_dir: Path, stem: str, limit: int, token: str) -> None:
        self.out_dir, self.stem, self.limit, self.token = out_dir, stem, limit, token
        self.files: list[Path] = []
        self.digests: list[str] = []
        self._fh: BinaryIO | None = None
        self._hash = hashlib.sha256()
        self._left = 0
        self.error: OSError | None = None  # pyrage hands it back wrapped in an EncryptError, errno lost

    def _roll(self) -> None:
        self._close_current()
        path = self.out_dir / f".{self.stem}.{self.token}.{len(self.files) + 1:03d}.tmp"
        self.files.append(path)
        self._fh = path.open("wb")
        self._hash, self._left = hashlib.sha256(), self.limit

    def _close_current(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self.digests.append(self._hash.hexdigest())
            self._fh = None

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        try:
            while view:
                if self._fh is None or self._left == 0:
                    self._roll()
                take = view[:self._left]
                self._fh.write(take)  # type: ignore[union-attr]
                self._hash.update(take)
                self._left -= len(take)
                view = view[len(take):]
        except OSError as exc:
            self.error = exc
            raise
        return len(data)

    def flush(self) -> None:
        pass

    def abort(self) -> None:
        if self._fh is not None:
            fh, self._fh = self._fh, None
            with contextlib.suppress(OSError):  # a full disk fails the close's flush too: the file is closed all the same
                fh.close()

    def close(self) -> None:
        if self._fh is None and not self.files:
            self._roll()  # an empty stream still makes one (empty) part
        self._close_current()


def part_names(stem: str, count: int) -> list[str]:
    if count == 1:
        return [stem + SUFFIX]
    width = 3 if count > 99 else 2
    return [f"{stem}.p{i:0{width}d}of{count:0{width}d}{SUFFIX}" for i in range(1, count + 1)]


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _try_lock(fh: BinaryIO) -> bool:
    """An exclusive lock on an open file, or False while another process holds it. The system drops
    the lock when its process dies, however it dies."""
    try:
        if sys.platform == "win32":
            import msvcrt  # noqa: PLC0415

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl  # noqa: PLC0415

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class _WriterLock:
    """`.<stem>.<token>.lock` beside the parts while they are written: held, it says a writer is alive;
    its content, written before the first rename, names the final parts and their hashes."""

    def __init__(self, out_dir: Path, stem: str) -> None:
        self.token = uuid.uuid4().hex[:12]
        self.path = out_dir / f".{stem}.{self.token}.lock"
        self._fh: BinaryIO | None = self.path.open("w+b")
        if not _try_lock(self._fh):  # a new random name nobody holds: the folder does not take locks
            self._fh = None

    def journal(self, digest_: str, finals: list[Path], digests: list[str]) -> None:
        if self._fh is None:
            return
        data = json.dumps({"manifest": digest_, "parts": [[p.name, d] for p, d in zip(finals, digests, strict=True)]})
        self._fh.seek(0)
        self._fh.truncate()
        self._fh.write(data.encode("utf-8"))
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def release(self) -> None:
        if self._fh is not None:
            fh, self._fh = self._fh, None
            with contextlib.suppress(OSError):  # as abort: the clean-up goes on
                fh.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


def sweep(out_dir: Path) -> list[str]:
    """Remove what writers that died part-way left in out_dir: their temporary parts, and the parts they
    had already renamed when not all of them were (or one no longer matches what was written). Writers
    still running are left alone. Returns the manifest digests of the bundles so taken away (the
    caller may have recorded them as written)."""
    out_dir = Path(out_dir)
    try:
        names = os.listdir(out_dir)
    except OSError:
        return []
    live: set[str] = set()
    abandoned: list[str] = []
    for name in names:
        if not (match := _LOCK.match(name)):
            continue
        try:
            fh = (out_dir / name).open("r+b")
        except OSError:
            live.add(match["token"])
            continue
        try:
            if not _try_lock(fh):
                live.add(match["token"])
                continue
            temps = [n for n in names if (t := _TEMP.match(n)) and t["token"] == match["token"]]
            try:
                journal = json.loads(fh.read().decode("utf-8") or "{}")
                parts = [(out_dir / str(n), str(d)) for n, d in journal.get("parts", [])]
            except (ValueError, TypeError, AttributeError):
                journal, parts = {}, []
            present = [(p, d) for p, d in parts if p.is_file() and Path(p).name in names]
            whole = not temps and len(present) == len(parts) and all(_file_sha256(p) == d for p, d in present)
            if parts and not whole:
                for path, expected in present:
                    with contextlib.suppress(OSError):
                        if _file_sha256(path) == expected:
                            path.unlink()
                abandoned.append(str(journal.get("manifest", "")))
            for n in temps:
                with contextlib.suppress(OSError):
                    (out_dir / n).unlink()
        finally:
            fh.close()
        with contextlib.suppress(OSError):
            (out_dir / name).unlink()
    for name in names:  # temporary parts whose lock is gone (or from before locks)
        temp = _TEMP.match(name)
        if (temp and temp["token"] not in live) or (not temp and _OLD_TEMP.match(name)):
            with contextlib.suppress(OSError):
                (out_dir / name).unlink()
    if abandoned or names:
        with contextlib.suppress(OSError):
            _fsync_dir(out_dir)
    return [d for d in abandoned if d]


def free_stem(out_dir: Path, stem: str) -> str:
    """stem, or stem-2, stem-3…: the first no bundle in out_dir (or a writer at work there) uses."""
    try:
        names = os.listdir(out_dir)
    except OSError:
        return stem
    taken = {stem_of(Path(n)) for n in names if n.endswith(SUFFIX)} | \
        {m["stem"] for n in names if (m := _LOCK.match(n))}
    if stem not in taken:
        return stem
    k = 2
    while f"{stem}-{k}" in taken:
        k += 1
    return f"{stem}-{k}"


def write_bundle(out_dir: Path, stem: str, header: Mapping[str, object], members: list[Member], signer: KeyMaterial,
                 recipients: list[str], cancel: CancelToken | None = None,
                 part_bytes: int | None = None, unique: bool = False,
                 publish: Callable[[list[Path], bytes], None] | None = None) -> tuple[list[Path], bytes]:
    """Sign the manifest, encrypt the whole stream, write the parts; returns (parts, manifest bytes).
    The parts appear under their final names only when all are written, synced and read back.
    unique: when a bundle of that stem is in the folder already, take the next free one (stem-2…)
    instead of refusing. publish(final paths, manifest) runs when every part is written and synced,
    before the first rename: what it records then names files that exist, or that the next write into
    the folder takes away (`sweep` returns their manifest's digest)."""
    cancel = cancel or CancelToken()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sweep(out_dir)
    if unique:
        stem = free_stem(out_dir, stem)
    files = {m.name: {"sha256": _digest(m), "size": m.size()} for m in members}
    manifest = canonical({**header, "format": FORMAT, "files": files,
                          "recipients": sorted(envelope.recipient_fingerprint(r) for r in recipients)})
    signature = envelope.sign_detached(manifest, signer)
    lock = _WriterLock(out_dir, stem)
    sink = _Parts(out_dir, stem, part_bytes or limits()["part_bytes"], lock.token)
    read_fd, write_fd = os.pipe()
    failure: list[BaseException] = []

    def produce() -> None:
        try:
            with os.fdopen(write_fd, "wb") as pipe, tarfile.open(fileobj=pipe, mode="w|",
                                                                 format=tarfile.PAX_FORMAT) as tar:
                for name, data in ((MANIFEST, manifest), (SIGNATURE, signature)):
                    _add(tar, Member(name, data))
                for member in members:
                    cancel.raise_if_cancelled()
                    _add(tar, member)
        except BaseException as exc:  # noqa: BLE001 - handed to the writing thread
            failure.append(exc)

    producer = threading.Thread(target=produce, name="bundle-tar", daemon=True)
    producer.start()
    final: list[Path] = []
    try:
        with os.fdopen(read_fd, "rb") as pipe:
            if recipients:
                try:
                    envelope.encrypt_stream(pipe, sink, recipients)  # type: ignore[arg-type]
                except Exception:
                    if sink.error is not None:  # the disk's own error (full, gone), with its errno
                        raise sink.error from None
                    raise
            else:  # signed only: what the province sends down (plan, reference data) is public
                while block := pipe.read(_CHUNK):
                    sink.write(block)
        producer.join()
        if failure:
            raise failure[0]
        sink.close()
        names = part_names(stem, len(sink.files))
        for _tmp, name in zip(sink.files, names, strict=True):
            if (out_dir / name).exists():
                raise KnownError(f"Đã có tệp {name} trong thư mục đích.", f"{name} already exists in the folder.")
        lock.journal(digest(manifest), [out_dir / n for n in names], sink.digests)
        if publish is not None:
            publish([out_dir / n for n in names], manifest)
        for tmp, name in zip(sink.files, names, strict=True):
            tmp.replace(out_dir / name)
            final.append(out_dir / name)
        _fsync_dir(out_dir)
        for path, expected in zip(final, sink.digests, strict=True):
            if _file_sha256(path) != expected:
                raise KnownError(f"Đọc lại tệp {path.name} không khớp với dữ liệu đã ghi: USB có thể bị lỗi hoặc "
                                 "bị rút ra. Hãy ghi lại.", f"Reading {path.name} back does not match what was "
                                 "written: the stick may be faulty or was removed. Write again.")
    except BaseException:
        producer.join(timeout=5)
        sink.abort()
        for path in [*sink.files, *final]:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        lock.release()
        raise
    lock.release()
    return final, manifest


def _add(tar: tarfile.TarFile, member: Member) -> None:
    info = tarfile.TarInfo(member.name)
    info.size, info.mode, info.mtime = member.size(), 0o600, 0  # no local times or owners travel
    tar.addfile(info, _ChunkReader(member.chunks()))


class _ChunkReader(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks, self._buf = chunks, b""

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        while (n < 0 or len(self._buf) < n) and (block := next(self._chunks, None)) is not None:
            self._buf += block
        out, self._buf = (self._buf, b"") if n < 0 else (self._buf[:n], self._buf[n:])
        return out


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(_CHUNK):
            h.update(block)
    return h.hexdigest()


def unfinished(path: Path) -> bool:
    """A writer's lock for this bundle's stem lies beside it: its write is running, or was killed before
    it ended (the parts may be fewer than named, or not yet read back). An importer leaves it alone."""
    stem = stem_of(Path(path))
    try:
        return any((m := _LOCK.match(n)) and m["stem"] == stem for n in os.listdir(Path(path).parent))
    except OSError:
        return False


def bundle_parts(path: Path) -> list[Path]:
    """All parts of the bundle that `path` is one part of, in order; a missing part is named."""
    path = Path(path)
    match = _PART.match(path.name)
    if not match:
        if not path.is_file():
            raise bad_bundle(f"Không tìm thấy tệp {path.name}.", f"File {path.name} not found.")
        return [path]
    stem, total = match["stem"], int(match["total"])
    if total > limits()["max_parts"]:
        raise bad_bundle(f"Gói có {total} phần, quá giới hạn.", f"The bundle has {total} parts, over the limit.")
    names = part_names(stem, total)
    missing = [n for n in names if not (path.parent / n).is_file()]
    if missing and unfinished(path):
        raise bad_bundle("Việc ghi gói dữ liệu này bị gián đoạn, chưa xong. Hãy ghi lại gói trên máy của xã (lần ghi "
                         "sau vào cùng thư mục sẽ dọn phần dở dang).", "Writing this bundle was interrupted before "
                         "it ended. Write it again on the commune's PC (the next write into the folder removes what "
                         "was left).")
    if missing:
        raise bad_bundle(f"Gói dữ liệu chưa đủ phần: thiếu {', '.join(missing)}. Hãy chép đủ các phần vào cùng thư "
                         "mục rồi nhập lại.", f"The bundle is incomplete: missing {', '.join(missing)}. Copy all "
                         "parts into one folder and import again.")
    return [path.parent / n for n in names]


class _Concat(io.RawIOBase):
    def __init__(self, files: list[Path]) -> None:
        self._files = list(files)
        self._fh: io.BufferedReader | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # noqa: ANN001
        while True:
            if self._fh is None:
                if not self._files:
                    return 0
                self._fh = self._files.pop(0).open("rb")
            n = self._fh.readinto(buf)
            if n:
                return n
            self._fh.close()
            self._fh = None

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        super().close()


@dataclass
class Opened:
    """What a verified bundle holds, before anything is applied."""

    manifest: dict[str, Any]  # parsed JSON: readers check each value they take
    manifest_bytes: bytes
    signature: bytes
    signer: x509.Certificate
    members: dict[str, bytes] = field(default_factory=dict)  # the in-memory ones
    streamed: dict[str, object] = field(default_factory=dict)  # what the sink returned for the others
    complete: bool = False  # False when the read stopped after the manifest
    end: int = 0  # where the tar's end marker starts: from there on, only zero padding

    @property
    def digest(self) -> str:
        return digest(self.manifest_bytes)


Sink = Callable[[str, str, Iterator[bytes]], object]  # (name, expected sha256, chunks) -> handle


def read_bundle(parts: list[Path], identities: list[str] | None, root_pem: bytes, own_recipient: str | None,
                in_memory: Callable[[str], bool], sink: Sink | None = None,
                stop_after_manifest: Callable[[Opened], bool] | None = None) -> Opened:
    """Decrypt, check the manifest's signature (first, before any member is trusted), then every
    member's size and hash. `in_memory(name)` keeps small members as bytes; others go to `sink`,
    which must discard what it wrote if this raises. `stop_after_manifest` may end the read early
    (a bundle already applied is recognised before any row work)."""
    lim = limits()
    total = sum(p.stat().st_size for p in parts)
    if total > lim["max_bundle_bytes"]:
        raise bad_bundle("Gói dữ liệu quá lớn.", "The bundle is too large.")
    if identities is None:  # a signed-only bundle
        try:
            with _Concat(parts) as plain:
                watch = _Watch(plain)
                opened = _read_tar(watch, root_pem, None, lim, in_memory, sink, stop_after_manifest)
                if opened.complete and not _only_padding(watch, opened.end, plain):
                    raise bad_bundle("Có dữ liệu lạ sau phần cuối của gói.",
                                     "There is data after the end of the bundle.")
                return opened
        except (tarfile.TarError, OSError, EOFError, ValueError, UnicodeDecodeError):
            raise bad_bundle("Không đọc được gói dữ liệu: tệp bị cắt hoặc bị sửa.",
                             "Cannot read the bundle: truncated or altered.") from None
    read_fd, write_fd = os.pipe()
    failure: list[BaseException] = []
    closing = threading.Event()  # after this, a broken pipe is ours, not the bundle's

    def decrypt() -> None:
        try:
            import pyrage  # noqa: PLC0415
            from pyrage import x25519  # noqa: PLC0415

            keys = [x25519.Identity.from_str(i.strip()) for i in identities]
            with _Concat(parts) as src, os.fdopen(write_fd, "wb") as pipe:
                # pyrage reads and writes any file-like object; its stubs say BufferedIOBase
                pyrage.decrypt_io(src, pipe, keys)  # type: ignore[arg-type]
        except BaseException as exc:  # noqa: BLE001
            if not closing.is_set():
                failure.append(exc)

    worker = threading.Thread(target=decrypt, name="bundle-age", daemon=True)
    worker.start()
    pipe = os.fdopen(read_fd, "rb")
    watch = _Watch(pipe)
    try:
        opened = _read_tar(watch, root_pem, own_recipient, lim, in_memory, sink, stop_after_manifest)
    except (KnownError, tarfile.TarError, OSError, EOFError, ValueError, UnicodeDecodeError) as exc:
        closing.set()
        pipe.close()  # the decrypting thread stops on a closed pipe
        worker.join(timeout=30)
        if failure or not isinstance(exc, KnownError):
            raise bad_bundle("Không giải mã hoặc không đọc được gói dữ liệu: tệp bị cắt, bị sửa, thiếu phần, ghép sai "
                             "thứ tự, hoặc không được mã hóa cho tỉnh này.", "Cannot decrypt or read the bundle: "
                             "truncated, altered, a part missing or out of order, or not encrypted to this "
                             "province.") from None
        raise
    if opened.complete:  # the tar's end padding: read to the end so age checks its last chunk
        if not _only_padding(watch, opened.end, pipe):
            failure.append(ValueError("data after the archive"))
    else:
        closing.set()
    pipe.close()
    worker.join()
    if failure and opened.complete:
        raise bad_bundle("Phần cuối của gói dữ liệu bị hỏng hoặc bị sửa.",
                         "The end of the bundle is damaged or altered.")
    return opened


class _Watch(io.RawIOBase):
    """What tarfile reads, counted, with the last records kept: tarfile reads whole records, so bytes
    after the end marker may already sit in its buffer when the last member is read."""

    _KEEP = 4 * tarfile.RECORDSIZE

    def __init__(self, raw: io.BufferedReader | io.RawIOBase) -> None:
        self._raw, self.count, self._kept = raw, 0, 0
        self._tail: collections.deque[bytes] = collections.deque()

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # noqa: ANN001
        n = self._raw.readinto(buf)
        if n:
            self.count += n
            self._tail.append(bytes(memoryview(buf)[:n]))
            self._kept += n
            while self._kept - len(self._tail[0]) >= self._KEEP:
                self._kept -= len(self._tail.popleft())
        return n

    def last(self, n: int) -> bytes | None:
        """The last n bytes read, or None when fewer are kept."""
        kept = b"".join(self._tail)
        return kept[len(kept) - n:] if 0 <= n <= len(kept) else None


def _only_padding(watch: _Watch, end: int, rest: BinaryIO | io.RawIOBase) -> bool:
    """From the end marker on, zeros only (at most 1 MiB): a second archive or other bytes appended to
    what the sender signed are not ignored. Reads `rest` to its end, so age checks its last chunk."""
    seen = watch.count - end
    read = watch.last(seen)
    if read is None or read.strip(b"\0"):
        return False
    while block := rest.read(_CHUNK):
        seen += len(block)
        if block.strip(b"\0") or seen > 1 << 20:
            return False
    return True


def _spec_ok(spec: object) -> bool:
    return isinstance(spec, dict) and type(spec.get("size")) is int and spec["size"] >= 0 \
        and isinstance(spec.get("sha256"), str) and len(spec["sha256"]) == 64


def _read_exact(tar: tarfile.TarFile, info: tarfile.TarInfo, cap: int) -> bytes:
    if info.size > cap:
        raise bad_bundle(f"Thành phần {info.name} quá lớn.", f"Member {info.name} is too large.")
    fh = tar.extractfile(info)
    if fh is None:
        raise bad_bundle(f"Thành phần {info.name} không phải tệp.", f"Member {info.name} is not a file.")
    data = fh.read()
    if len(data) != info.size:
        raise bad_bundle(f"Thành phần {info.name} bị cắt.", f"Member {info.name} is truncated.")
    return data


def _read_tar(pipe: BinaryIO | io.RawIOBase, root_pem: bytes, own_recipient: str | None, lim: dict[str, int],
              in_memory: Callable[[str], bool], sink: Sink | None,
              stop_after_manifest: Callable[[Opened], bool] | None) -> Opened:
    with tarfile.open(fileobj=pipe, mode="r|") as tar:
        first, second = tar.next(), None
        if first is None or first.name != MANIFEST:
            raise bad_bundle("Gói không bắt đầu bằng bản kê khai.", "The bundle does not start with its manifest.")
        manifest_bytes = _read_exact(tar, first, lim["max_manifest_bytes"])
        second = tar.next()
        if second is None or second.name != SIGNATURE:
            raise bad_bundle("Bản kê khai không có chữ ký.", "The manifest is not signed.")
        signature = _read_exact(tar, second, 1 << 20)
        signer = envelope.verify_detached(manifest_bytes, signature, root_pem)
        manifest = json.loads(manifest_bytes)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise bad_bundle("Gói dữ liệu không đúng định dạng của chương trình.", "Not a PAPI Desktop bundle.")
        recipients = manifest.get("recipients")
        if own_recipient is not None and (not isinstance(recipients, list) or
                                          envelope.recipient_fingerprint(own_recipient) not in recipients):
            raise bad_bundle("Gói dữ liệu không được lập cho tỉnh này (đã bị mã hóa lại cho khóa khác).",
                             "The bundle was not made for this province (re-encrypted to another key).")
        opened = Opened(manifest, manifest_bytes, signature, signer)
        if stop_after_manifest is not None and stop_after_manifest(opened):
            return opened
        files = manifest.get("files") or {}
        if not isinstance(files, dict) or len(files) > lim["max_members"] or not all(map(_spec_ok, files.values())):
            raise bad_bundle("Danh sách tệp trong bản kê khai không hợp lệ.", "The manifest's file list is invalid.")
        seen: set[str] = set()
        while (info := tar.next()) is not None:  # iterating would start again from the manifest
            spec = files.get(info.name)
            if spec is None or info.name in seen or not info.isfile() or info.size != spec.get("size"):
                raise bad_bundle(f"Thành phần {info.name} không có trong bản kê khai hoặc sai kích thước.",
                                 f"Member {info.name} is not in the manifest or has the wrong size.")
            seen.add(info.name)
            if in_memory(info.name):
                data = _read_exact(tar, info, lim["max_member_bytes"])
                if hashlib.sha256(data).hexdigest() != spec["sha256"]:
                    raise _mismatch(info.name)
                opened.members[info.name] = data
            else:
                if sink is None or info.size > lim["max_bundle_bytes"]:
                    raise bad_bundle(f"Thành phần {info.name} không được nhận.", f"Member {info.name} not accepted.")
                opened.streamed[info.name] = sink(info.name, spec["sha256"], _stream(tar, info))
        missing = sorted(set(files) - seen)
        if missing:
            raise bad_bundle(f"Gói thiếu {len(missing)} tệp ghi trong bản kê khai ({missing[0]}…).",
                             f"The bundle lacks {len(missing)} files its manifest lists ({missing[0]}…).")
        opened.complete, opened.end = True, tar.offset
        return opened


def _mismatch(name: str) -> KnownError:
    return bad_bundle(f"Nội dung {name} không khớp mã băm trong bản kê khai: gói đã bị sửa hoặc ghép sai.",
                      f"{name} does not match the manifest's hash: the bundle was altered or mixed up.")


def _stream(tar: tarfile.TarFile, info: tarfile.TarInfo) -> Iterator[bytes]:
    fh = tar.extractfile(info)
    left = info.size
    while left > 0 and fh is not None:
        block = fh.read(min(_CHUNK, left))
        if not block:
            raise bad_bundle(f"Thành phần {info.name} bị cắt.", f"Member {info.name} is truncated.")
        left -= len(block)
        yield block


def check_digest(name: str, expected: str, chunks: Iterator[bytes], out: BinaryIO) -> None:
    """For sinks: copy while hashing; a mismatch raises (the sink then removes what it wrote)."""
    h = hashlib.sha256()
    for block in chunks:
        h.update(block)
        out.write(block)
    if h.hexdigest() != expected:
        raise _mismatch(name)
