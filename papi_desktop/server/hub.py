"""The province hub's work, apart from HTTP: who a request is, the uploaded parts, applying a bundle.

Applying is services/sync_import — the same code as a USB stick at the province — so a bundle that
came over the network leaves the database exactly as the same bundle from a stick would.

On disk, under the data folder's hub/ (a part is named by its SHA-256, per commune PC):
  parts/UNIT/DEVICE/SHA.partial   bytes received so far (the offset a resumed upload starts from)
  parts/UNIT/DEVICE/SHA           whole and checked against its SHA-256
  declared/UNIT/DEVICE/STEM.json  a bundle's parts as the PC declared them
  results/UNIT/DEVICE/SHA.json    the outcome of applying the bundle whose first part is SHA: the
                                  same answer again for a PC that lost the first one
  quarantine/BUNDLE_ID/           a quarantined bundle's parts, kept encrypted for a person
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import json
import os
import secrets
import shutil
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
from sqlalchemy import select, text

from .. import paths
from ..domain.errors import KnownError
from ..exports import signing
from ..storage.db import Database
from ..storage.sync_state import BundleIn
from ..sync import bundle, hub_protocol, pki
from ..sync.hub_protocol import SHA256, STEM

if TYPE_CHECKING:
    from cryptography import x509 as x509_types

MAX_DECLARED_PER_DEVICE = 8  # bundles declared and not yet applied
MAX_SESSIONS = 20_000
MAX_CHALLENGES = 20_000
FREE_SPACE_MARGIN = 512 * 1024 * 1024


class HubError(Exception):
    """A refusal: HTTP status, a code for programs, the message in Vietnamese and English."""

    def __init__(self, status: int, code: str, vi: str, en: str, extra: dict[str, object] | None = None) -> None:
        super().__init__(en)
        self.status, self.code, self.vi, self.en = status, code, vi, en
        self.extra = extra or {}

    def body(self) -> dict[str, object]:
        out = hub_protocol.error_body(self.code, self.vi, self.en)
        out.update(self.extra)
        return out


def _unauthorised() -> HubError:
    return HubError(401, "unauthorised", "Phiên làm việc không hợp lệ hoặc đã hết hạn; máy xã cần xác thực lại.",
                    "The session is not valid or has expired; the commune PC must authenticate again.")


@dataclass(frozen=True)
class Client:
    """An authenticated commune PC."""

    unit_code: str
    device: str
    serial: int
    expires: float


@dataclass(frozen=True)
class PartSpec:
    name: str
    sha256: str
    size: int


class KeyedLocks:
    """A lock per key (a PC, a part, a bundle), kept only while someone holds or waits for it: a hub
    that has met 10,000 PCs keeps no lock for each of them, nor one per bundle it ever applied."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._held: dict[str, list] = {}  # key -> [its lock, how many hold or wait for it]

    @contextlib.contextmanager
    def hold(self, key: str, blocking: bool = True) -> Iterator[bool]:
        """Yields whether the lock was taken (always, when blocking)."""
        with self._guard:
            entry = self._held.setdefault(key, [threading.Lock(), 0])
            entry[1] += 1
        try:
            taken = entry[0].acquire(blocking)
            try:
                yield taken
            finally:
                if taken:
                    entry[0].release()
        finally:
            with self._guard:
                entry[1] -= 1
                if not entry[1]:
                    del self._held[key]

    def __len__(self) -> int:
        with self._guard:
            return len(self._held)


def default_apply_slots(db: Database) -> int:
    """SQLite has one writer: a second import only waits for the lock, holding its bundle in memory
    (measured: one slot is faster and flatter). PostgreSQL writes different communes side by side."""
    return 2 if db.dialect == "postgresql" else 1


class Hub:
    """One hub: its database, the province's keys unlocked once, the upload folders."""

    def __init__(self, db: Database, passphrase: str, apply_slots: int = 0) -> None:
        from cryptography import x509  # noqa: PLC0415

        from ..services import province, sync_import  # noqa: PLC0415

        if not province.is_province(db):
            raise KnownError("Máy chủ tỉnh cần cơ sở dữ liệu ở chế độ tỉnh (chạy province init trước).",
                             "The hub needs a database in province mode (run province init first).")
        # age's scrypt and the office key's 600,000 rounds once, not per bundle
        self.receiver = sync_import.province_receiver(passphrase)
        self.db = db
        self.root = x509.load_pem_x509_certificate(province.root_pem())
        self.base = paths.data_dir() / "hub"
        self.limits = bundle.limits()
        self._challenges: dict[str, float] = {}
        self._sessions: dict[str, Client] = {}
        self._lock = threading.Lock()
        self._part_locks = KeyedLocks()
        self.apply_slots = apply_slots or default_apply_slots(db)
        self._apply = threading.BoundedSemaphore(self.apply_slots)
        self._bundle_locks = KeyedLocks()
        self._device_locks = KeyedLocks()

    # --- who is asking ----------------------------------------------------------------------------

    def challenge(self) -> dict[str, object]:
        now = time.monotonic()
        with self._lock:
            for key in [k for k, exp in self._challenges.items() if exp < now]:
                del self._challenges[key]
            if len(self._challenges) >= MAX_CHALLENGES:
                raise HubError(503, "busy", "Máy chủ đang bận; hãy thử lại sau ít phút.",
                               "The hub is busy; try again in a few minutes.")
            value = secrets.token_urlsafe(32)
            self._challenges[value] = now + hub_protocol.CHALLENGE_SECONDS
        return {"challenge": value, "expires_in": hub_protocol.CHALLENGE_SECONDS}

    def open_session(self, body: dict[str, object], audience: str) -> dict[str, object]:
        """The PC's certificate (issued by the province, enrolled, not revoked) and its signature over a
        challenge this hub gave out and nobody used yet."""
        from cryptography import x509  # noqa: PLC0415
        from cryptography.exceptions import InvalidSignature  # noqa: PLC0415
        from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
        from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415

        from ..services import province  # noqa: PLC0415

        challenge, cert_pem, signature = body.get("challenge"), body.get("certificate"), body.get("signature")
        if not all(isinstance(v, str) for v in (challenge, cert_pem, signature)):
            raise HubError(400, "bad_request", "Yêu cầu xác thực thiếu thông tin.", "The authentication request is "
                           "incomplete.")
        with self._lock:
            expires = self._challenges.pop(str(challenge), None)
        if expires is None or expires < time.monotonic():
            raise HubError(401, "challenge", "Mã thử thách không hợp lệ, đã dùng hoặc đã hết hạn.",
                           "The challenge is unknown, used already or expired.")
        try:
            cert = x509.load_pem_x509_certificate(str(cert_pem).encode("ascii"))
            sig = base64.b64decode(str(signature), validate=True)
        except (ValueError, UnicodeEncodeError):
            raise HubError(400, "bad_request", "Chứng thư hoặc chữ ký không đúng dạng.",
                           "The certificate or signature is malformed.") from None
        unit = signing.name_parts(cert.subject).get("UID", "")
        try:
            pki.check_commune_cert(cert, self.root, unit)
        except KnownError as exc:
            raise HubError(403, "certificate", exc.vi, exc.en) from None
        record = province.certificate_of(self.db, cert)
        if record is None:
            raise HubError(403, "not_enrolled", "Máy này chưa đăng ký với tỉnh.", "This PC is not enrolled with "
                           "the province.")
        if record.revoked_at:
            raise HubError(403, "revoked", f"Chứng thư của máy đã bị thu hồi ngày {record.revoked_at[:10]}.",
                           f"The PC's certificate was revoked on {record.revoked_at[:10]}.")
        try:
            public = cert.public_key()
            if not isinstance(public, ec.EllipticCurvePublicKey):
                raise InvalidSignature
            public.verify(sig, hub_protocol.auth_message(str(challenge), audience), ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            raise HubError(403, "signature", "Chữ ký xác thực không đúng.", "The authentication signature does "
                           "not verify.") from None
        token = secrets.token_urlsafe(32)
        now = time.monotonic()
        with self._lock:
            for key in [k for k, c in self._sessions.items() if c.expires < now]:
                del self._sessions[key]
            if len(self._sessions) >= MAX_SESSIONS:
                raise HubError(503, "busy", "Máy chủ đang bận; hãy thử lại sau ít phút.",
                               "The hub is busy; try again in a few minutes.")
            self._sessions[token] = Client(record.unit_code, record.device, cert.serial_number,
                                           now + hub_protocol.SESSION_SECONDS)
        return {"token": token, "expires_in": hub_protocol.SESSION_SECONDS, "unit_code": record.unit_code,
                "device": record.device}

    def client(self, authorization: str | None) -> Client:
        if not authorization or not authorization.startswith("Bearer "):
            raise _unauthorised()
        with self._lock:
            found = self._sessions.get(authorization[7:].strip())
        if found is None or found.expires < time.monotonic():
            raise _unauthorised()
        return found

    def end_session(self, authorization: str | None) -> dict[str, object]:
        """A PC signs out when its sync is done: the hub then holds a session only for PCs at work, not
        one for every PC of the last half hour (and the token is dead if it leaked afterwards)."""
        self.client(authorization)  # a valid session only
        with self._lock:
            self._sessions.pop(str(authorization)[7:].strip(), None)
        return {"ended": True}

    # --- uploads ----------------------------------------------------------------------------------

    def _dir(self, kind: str, client: Client) -> Path:
        folder = self.base / kind / client.unit_code / client.device
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _check_stem(self, client: Client, stem: str) -> None:
        match = STEM.match(stem)
        if not match or match["unit"] != client.unit_code or match["device"] != client.device:
            raise HubError(403, "not_yours", "Tên gói không phải của máy đang gửi.",
                           "The bundle's name is not of the PC sending it.")

    def _specs(self, stem: str, body: dict[str, object]) -> list[PartSpec]:
        raw = body.get("parts")
        if not isinstance(raw, list) or not 1 <= len(raw) <= self.limits["max_parts"]:
            raise HubError(400, "bad_request", "Danh sách phần của gói không hợp lệ.", "The list of parts is not "
                           "valid.")
        specs = []
        for item in raw:
            if not isinstance(item, dict):
                raise HubError(400, "bad_request", "Phần của gói không hợp lệ.", "A part is not valid.")
            name, sha, size = item.get("name"), item.get("sha256"), item.get("size")
            if (not isinstance(name, str) or not isinstance(sha, str) or not SHA256.match(sha)
                    or not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= self.limits["part_bytes"]):
                raise HubError(400, "bad_request", "Phần của gói không hợp lệ.", "A part is not valid.")
            specs.append(PartSpec(name, sha, size))
        if [s.name for s in specs] != bundle.part_names(stem, len(specs)):
            raise HubError(400, "bad_request", "Tên các phần không khớp với tên gói.", "The parts' names do not "
                           "match the bundle's name.")
        if sum(s.size for s in specs) > self.limits["max_bundle_bytes"]:
            raise HubError(413, "too_large", "Gói lớn hơn giới hạn.", "The bundle is over the size limit.")
        return specs

    def declare(self, client: Client, stem: str, body: dict[str, object]) -> dict[str, object]:
        """Record the bundle's parts; answer with what is held of each (and the outcome, when this bundle
        was applied before)."""
        self._check_stem(client, stem)
        specs = self._specs(stem, body)
        with self._device_lock(client):  # the same bundle declared twice at once (a retry beside the first)
            return self._declare(client, stem, specs)

    def _device_lock(self, client: Client) -> contextlib.AbstractContextManager[bool]:
        return self._device_locks.hold(f"{client.unit_code}/{client.device}")

    def _declare(self, client: Client, stem: str, specs: list[PartSpec]) -> dict[str, object]:
        done = self._result(client, specs[0].sha256)
        if done is not None:
            return {"applied": True, "result": done, "parts": [self._state(client, s) for s in specs]}
        declared = self._dir("declared", client)
        target = declared / f"{stem}.json"
        others = [p for p in declared.glob("*.json") if p != target]
        if len(others) >= MAX_DECLARED_PER_DEVICE:
            for old in sorted(others, key=lambda p: p.stat().st_mtime)[: len(others) - MAX_DECLARED_PER_DEVICE + 1]:
                self._forget(client, old)  # an older bundle never applied: the newest carries its changes too
        needed = sum(s.size - self._held(client, s) for s in specs)
        if shutil.disk_usage(self.base).free < needed + FREE_SPACE_MARGIN:
            raise HubError(507, "disk_full", "Máy chủ tỉnh không đủ chỗ trống; hãy báo tỉnh.",
                           "The hub is short of disk space; tell the province.")
        signing.atomic_write(target, json.dumps({"parts": [dataclasses.asdict(s) for s in specs]}).encode())
        return {"applied": False, "parts": [self._state(client, s) for s in specs]}

    def _forget(self, client: Client, declaration: Path) -> None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            kept = {s.sha256 for p in self._dir("declared", client).glob("*.json") if p != declaration
                    for s in self._declared_specs(p)}
            for spec in self._declared_specs(declaration):
                if spec.sha256 not in kept:
                    for suffix in ("", ".partial"):
                        (self._dir("parts", client) / f"{spec.sha256}{suffix}").unlink(missing_ok=True)
        declaration.unlink(missing_ok=True)

    @staticmethod
    def _declared_specs(path: Path) -> list[PartSpec]:
        return [PartSpec(**p) for p in json.loads(path.read_text())["parts"]]

    def _declared(self, client: Client, stem: str) -> list[PartSpec]:
        self._check_stem(client, stem)
        path = self._dir("declared", client) / f"{stem}.json"
        if not path.is_file():
            raise HubError(404, "not_declared", "Gói chưa được khai báo với máy chủ.",
                           "The bundle was not declared to the hub.")
        return self._declared_specs(path)

    def _held(self, client: Client, spec: PartSpec) -> int:
        folder = self._dir("parts", client)
        if (folder / spec.sha256).is_file():
            return spec.size
        partial = folder / f"{spec.sha256}.partial"
        return partial.stat().st_size if partial.is_file() else 0

    def _state(self, client: Client, spec: PartSpec) -> dict[str, object]:
        return {"name": spec.name, "sha256": spec.sha256, "size": spec.size, "offset": self._held(client, spec)}

    def _declared_or_done(self, client: Client, stem: str) -> list[PartSpec] | dict[str, object]:
        """The declared parts, or the outcome when the bundle was applied already (its declaration is
        forgotten then): a PC whose link dropped while the answer came back asks again and gets it."""
        try:
            return self._declared(client, stem)
        except HubError as exc:
            done = self._result_of_stem(client, stem) if exc.code == "not_declared" else None
            if done is None:
                raise
            return done

    def state(self, client: Client, stem: str) -> dict[str, object]:
        specs = self._declared_or_done(client, stem)
        if isinstance(specs, dict):
            return {"applied": True, "parts": [], "result": specs}
        done = self._result(client, specs[0].sha256)
        return {"applied": done is not None, "parts": [self._state(client, s) for s in specs],
                **({"result": done} if done is not None else {})}

    def _spec_for(self, client: Client, sha: str) -> PartSpec:
        if not SHA256.match(sha):
            raise HubError(400, "bad_request", "Mã SHA-256 không hợp lệ.", "Not a SHA-256.")
        for path in self._dir("declared", client).glob("*.json"):
            with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                for spec in self._declared_specs(path):
                    if spec.sha256 == sha:
                        return spec
        raise HubError(404, "not_declared", "Phần này không thuộc gói nào máy đã khai báo.",
                       "This part belongs to no bundle the PC declared.")

    async def receive_part(self, client: Client, sha: str, offset: int, chunks: AsyncIterator[bytes]) -> dict[str, object]:
        """Append a request's body at `offset` (it must be what the hub holds). Bytes that arrived before
        a dropped link are kept, so the next request starts after them. A whole part is checked against
        its SHA-256; a part that does not match is dropped and must come again."""
        spec = self._spec_for(client, sha)
        folder = self._dir("parts", client)
        final, partial = folder / sha, folder / f"{sha}.partial"
        with self._part_locks.hold(str(partial), blocking=False) as taken:
            if not taken:  # the same part through a link that has not noticed it dropped
                raise HubError(409, "busy_part", "Phần này đang được nhận qua một kết nối khác.",
                               "This part is being received through another connection.",
                               {"offset": self._held(client, spec)})
            held = self._held(client, spec)
            if offset != held:
                raise HubError(409, "offset", "Vị trí gửi tiếp không khớp với phần máy chủ đã nhận.",
                               "The offset does not match what the hub holds.", {"offset": held})
            if held < spec.size:
                with partial.open("ab") as out:
                    try:
                        async for chunk in chunks:
                            if held + len(chunk) > spec.size:
                                raise HubError(413, "too_large", "Dữ liệu gửi vượt kích thước đã khai báo.",
                                               "More bytes than the part's declared size.")
                            out.write(chunk)
                            held += len(chunk)
                    finally:
                        out.flush()
                        await anyio.to_thread.run_sync(os.fsync, out.fileno())
                if held == spec.size:
                    if await anyio.to_thread.run_sync(hub_protocol.sha256_file, partial) != sha:  # 1 GiB: not on the loop
                        partial.unlink(missing_ok=True)
                        raise HubError(422, "digest", "Phần nhận được không khớp mã SHA-256; cần gửi lại.",
                                       "The part received does not match its SHA-256; it must be sent again.",
                                       {"offset": 0})
                    partial.replace(final)
            return {"sha256": sha, "offset": held, "complete": held == spec.size}

    # --- applying ----------------------------------------------------------------------------------

    def _result_path(self, client: Client, first_sha: str) -> Path:
        return self._dir("results", client) / f"{first_sha}.json"

    def _stem_path(self, client: Client, stem: str) -> Path:
        return self._dir("results", client) / f"{stem}.stem"

    def _result_of_stem(self, client: Client, stem: str) -> dict[str, object] | None:
        try:
            first_sha = self._stem_path(client, stem).read_text().strip()
        except OSError:
            return None
        return self._result(client, first_sha) if SHA256.match(first_sha) else None

    def _result(self, client: Client, first_sha: str) -> dict[str, object] | None:
        path = self._result_path(client, first_sha)
        try:
            return json.loads(path.read_text())
        except (OSError, ValueError):
            return None

    def apply(self, client: Client, stem: str, timing: dict[str, float] | None = None) -> dict[str, object]:
        """Apply a bundle whose parts are all whole, through the same import as a USB stick; the outcome
        (and its signed receipt) is kept, so asking again gives the same answer. timing, when given, gets
        the milliseconds spent waiting for an apply slot ("slot_wait_ms") and importing ("import_ms"),
        for the access log: a slow answer then says whether the hub was busy or the bundle was."""
        from ..services import sync_import  # noqa: PLC0415

        specs = self._declared_or_done(client, stem)
        if isinstance(specs, dict):
            return specs
        with self._bundle_locks.hold(f"{client.unit_code}/{specs[0].sha256}"):
            done = self._result(client, specs[0].sha256)
            if done is not None:
                return done
            folder = self._dir("parts", client)
            missing = [s.name for s in specs if not (folder / s.sha256).is_file()]
            if missing:
                raise HubError(409, "incomplete", f"Gói chưa nhận đủ: thiếu {', '.join(missing)}.",
                               f"The bundle is not whole yet: missing {', '.join(missing)}.",
                               {"parts": [self._state(client, s) for s in specs]})
            inbox = self.base / "inbox" / f"{stem}-{uuid.uuid4().hex[:8]}"
            inbox.mkdir(parents=True)
            try:
                for spec in specs:
                    _link_or_copy(folder / spec.sha256, inbox / spec.name)
                receiver = dataclasses.replace(self.receiver, check_signer=self._signer_check(client))
                asked = time.monotonic()
                with self._apply:
                    began = time.monotonic()
                    summaries = sync_import.import_with(self.db, receiver, [inbox / specs[0].name])
                if timing is not None:
                    timing["slot_wait_ms"] = round((began - asked) * 1000, 1)
                    timing["import_ms"] = round((time.monotonic() - began) * 1000, 1)
                first = summaries[0]
                result: dict[str, object] = {"summary": _public(first), "receipt": None,
                          "released": [_public(s) for s in summaries[1:]]}
                receipt = self._receipt_bytes(first.bundle_id)
                if receipt is not None:
                    result["receipt"] = base64.b64encode(receipt).decode("ascii")
                if first.status == "quarantined":
                    kept = self.base / "quarantine" / (first.bundle_id or stem)
                    kept.mkdir(parents=True, exist_ok=True)
                    for spec in specs:
                        _link_or_copy(folder / spec.sha256, kept / spec.name)
                signing.atomic_write(self._result_path(client, specs[0].sha256), json.dumps(result).encode())
                signing.atomic_write(self._stem_path(client, stem), specs[0].sha256.encode("ascii"))
            finally:
                shutil.rmtree(inbox, ignore_errors=True)
            declaration = self._dir("declared", client) / f"{stem}.json"
            with self._device_lock(client):
                self._forget(client, declaration)
            return result

    def _signer_check(self, client: Client):  # noqa: ANN202
        """The enrolment checks of a USB import, and one more: the bundle is signed by the PC that
        authenticated (another commune's bundle, even a genuine one, is not this PC's to deliver)."""
        base = self.receiver.check_signer

        def check(db: Database, cert: x509_types.Certificate, commune: str, device: str) -> None:
            base(db, cert, commune, device)
            if (commune, device) != (client.unit_code, client.device) or \
                    cert.serial_number != client.serial:
                raise KnownError("Gói không do máy đang gửi ký.", "The bundle is not signed by the PC sending it.")

        return check

    def _receipt_bytes(self, bundle_id: str) -> bytes | None:
        if not bundle_id:
            return None
        with self.db.reader() as s:
            row = s.get(BundleIn, bundle_id)
            return row.receipt if row is not None else None

    # --- pull ---------------------------------------------------------------------------------------

    def receipts(self, client: Client, limit: int = 200) -> dict[str, object]:
        """The receipts of this PC's bundles, newest first."""
        with self.db.reader() as s:
            rows = s.execute(select(BundleIn.bundle_id, BundleIn.status, BundleIn.receipt)
                             .where(BundleIn.unit_code == client.unit_code, BundleIn.device == client.device,
                                    BundleIn.receipt.is_not(None))
                             .order_by(BundleIn.received_at.desc()).limit(limit)).all()
        return {"receipts": [{"bundle_id": r.bundle_id, "status": r.status,
                              "receipt": base64.b64encode(r.receipt).decode("ascii")} for r in rows]}

    def downstream(self, after: int) -> dict[str, object]:
        """The update a PC holding version `after` applies next: the one after it (none is skipped), or
        the newest for a PC that holds none (each carries the province's whole plan)."""
        from ..services import downstream  # noqa: PLC0415

        newest = downstream.newest_published_version()
        version = newest if after == 0 else after + 1
        files = downstream.published_parts(version) if version else []
        return {"newest": newest, "version": version if files else None,
                "files": [{"name": p.name, "size": p.stat().st_size} for p in files]}

    def downstream_file(self, name: str) -> Path:
        from ..services import downstream  # noqa: PLC0415

        path = downstream.published_dir() / name
        if not downstream.is_published_name(name) or not path.is_file():
            raise HubError(404, "not_found", "Không có bản cập nhật này.", "No such update.")
        return path

    def health(self) -> dict[str, object]:
        from .. import __version__  # noqa: PLC0415

        with self.db.connection() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ok", "version": __version__}


def _public(summary) -> dict[str, object]:  # noqa: ANN001 - a sync_import.Summary
    """What the PC is told: the counts and reasons in both languages, not the hub's file paths."""
    out = summary.as_json()
    out.pop("file", None)
    out.pop("receipt", None)
    out["reasons"] = [[vi, en] for vi, en in summary.reasons]
    return out


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)
