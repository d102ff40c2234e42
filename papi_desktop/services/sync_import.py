"""Reading bundles, on the province or on a sibling PC of the same commune: all or nothing per bundle.

Per (commune, device):
- the same bundle again changes nothing, says "unchanged" and returns the receipt of the first time;
- a bundle that builds on changes not received yet is held, kept encrypted as it came, and applied
  when the missing one arrives;
- a bundle that contradicts what that device already sent (same numbers, other content: a PC
  restored from an old backup) is a fork: held, shown, nothing lost;
- a change this program cannot apply (a table or column it lacks) quarantines the bundle, with the
  reason, until a person resolves it;
- otherwise it is applied in one transaction, and fields two PCs edited differently are queued as
  conflicts with both values.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import re
import shutil
import tarfile
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .. import paths
from ..domain.errors import KnownError
from ..domain.jobs import CancelToken, NullProgress, ProgressReporter
from ..exports import signing
from ..storage.db import Database
from ..storage.sync_state import BundleIn, Conflict, Peer
from ..sync import apply as sync_apply
from ..sync import bundle, pki
from ..sync.changes import Change, loads
from ..sync.outbox import held_up_to
from . import audit, backup, enrolment, incoming, keys, province, record_sync, registry, setup

if TYPE_CHECKING:
    from cryptography import x509 as x509_types

CHANGES = "changes.jsonl"
_FILE_MEMBER = re.compile(r"^files/[0-9a-f]{64}(\.[a-z0-9]{1,10})?$")
_AGE_MAGIC = b"age-encryption.org/"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Receiver:
    """Who reads: the keys it decrypts with, the root signers must chain to, who may sign a bundle
    and which devices' changes it may carry, and the key that signs the receipts."""

    identity: str
    recipient: str
    root_pem: bytes
    check_signer: Callable[[Database, x509_types.Certificate, str, str], None]  # (db, cert, commune, device)
    origins: Callable[[Database, str], set[str]]  # the devices a commune's bundles may carry
    receipt_key: signing.KeyMaterial | None
    keeps_numbers: bool = False  # a commune's registry PC: enters the other PCs' provisional numbers
    registers_documents: bool = False  # the province: enters issued reports in its incoming register


def province_receiver(passphrase: str, receipts: bool = True) -> Receiver:
    found = province.require()

    def check(db: Database, cert: x509_types.Certificate, commune: str, device: str) -> None:
        record = province.certificate_of(db, cert)
        if record is None:
            raise KnownError("Người ký gói không có trong danh sách xã đã đăng ký với tỉnh.",
                             "The bundle's signer is not among the communes enrolled with the province.")
        if record.revoked_at:
            why = f": {record.revoked_reason}" if record.revoked_reason else ""
            raise KnownError(f"Chứng thư của máy gửi đã bị thu hồi ngày {record.revoked_at[:10]}{why}.",
                             f"The sender's certificate was revoked on {record.revoked_at[:10]}.")
        pki.check_commune_cert(cert, _cert(province.root_pem()), commune)
        if record.device != device:  # a PC writes as itself: its certificate was issued to its device id
            raise KnownError(f"Gói ghi là của máy {device} nhưng được ký bằng chứng thư cấp cho máy {record.device}.",
                             f"The bundle says it is from PC {device} but is signed with the certificate of PC "
                             f"{record.device}.")

    return Receiver(province.identity(passphrase), found.recipient, province.root_pem(), check,
                    province.devices_of, province.office_material(passphrase) if receipts else None,
                    registers_documents=True)


def commune_receiver(db: Database, passphrase: str, receipts: bool = True) -> Receiver:
    """A PC reading what a sibling PC of its commune wrote for it."""
    target = enrolment.require_enrolled()
    profile = setup.get_profile(db)
    assert profile is not None
    own_recipient = enrolment.device_recipient()

    def check(db_: Database, cert: x509_types.Certificate, commune: str, device: str) -> None:
        if commune != profile.unit_code:
            raise KnownError(f"Gói của đơn vị {commune}, không phải của xã này.",
                             f"A bundle of unit {commune}, not of this commune.")
        with db_.reader() as s:
            peer = s.get(Peer, device)
        if peer is None or peer.cert_pem.encode("ascii") != signing.pem(cert):
            raise KnownError("Gói do một máy chưa được thêm vào danh sách máy của xã ký (hãy thêm thẻ máy trước).",
                             "The bundle is signed by a PC not added as one of the commune's PCs (add its card "
                             "first).")
        pki.check_commune_cert(cert, _cert(target.root_pem), commune)

    def origins(db_: Database, _commune: str) -> set[str]:
        with db_.reader() as s:
            return set(s.scalars(select(Peer.device))) | {db_.clock.node}

    return Receiver(enrolment.device_identity(passphrase), own_recipient, target.root_pem, check, origins,
                    keys.load(passphrase) if receipts else None, keeps_numbers=True)


def _cert(pem: bytes) -> x509_types.Certificate:
    from cryptography import x509  # noqa: PLC0415

    return x509.load_pem_x509_certificate(pem)


@dataclass
class Summary:
    """What became of one bundle. imported + updated + unchanged + conflicts + rejected + held = records."""

    file: str
    bundle_id: str = ""
    commune: str = ""
    device: str = ""
    status: str = ""  # applied | unchanged | held | fork | quarantined | rejected
    records: int = 0
    imported: int = 0
    updated: int = 0
    merged: int = 0  # of the updated: older edits whose fields no later edit had touched, merged in
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0
    held: int = 0
    reasons: list[tuple[str, str]] = field(default_factory=list)
    receipt: str = ""
    dry_run: bool = False

    def as_json(self, lang: str = "vi") -> dict[str, object]:
        return {"file": self.file, "bundle_id": self.bundle_id, "commune": self.commune, "device": self.device,
                "status": self.status, "records": self.records, "imported": self.imported, "updated": self.updated,
                "merged": self.merged, "unchanged": self.unchanged, "conflicts": self.conflicts, "rejected": self.rejected,
                "held": self.held, "reasons": [en if lang == "en" else vi for vi, en in self.reasons],
                "receipt": self.receipt, "dry_run": self.dry_run}


class _DryRun(Exception):
    """Raised inside the transaction of a dry run so that nothing it did is kept."""


class _AlreadyApplied(Exception):
    def __init__(self, row: BundleIn) -> None:
        super().__init__(row.bundle_id)
        self.row = row


def _in_clear(path: Path) -> bool:
    """A signed-only document (receipt, PC card, enrolment package): a tar in clear. Anything else in a
    folder is taken as a bundle, so one damaged in age's header (or a part without it) is reported."""
    with path.open("rb") as fh:
        head = fh.read(tarfile.BLOCKSIZE)
    return not head.startswith(_AGE_MAGIC) and head[257:262] == b"ustar"


def _bundle_files(inputs: list[Path]) -> list[list[Path] | tuple[Path, KnownError]]:
    """Each bundle once (its parts together), from files and folders. In a folder, documents in clear are
    left: receipts and enrolment packages lying beside the bundles on the stick are not data.
    A bundle with a part missing is (its first part found, the reason): refused alone, not the import."""
    seen: set[tuple[Path, ...]] = set()
    out: list[list[Path] | tuple[Path, KnownError]] = []
    for item in inputs:
        item = Path(item)
        in_folder = item.is_dir()
        candidates = sorted(item.glob(f"*{bundle.SUFFIX}")) if in_folder else [item]
        for path in candidates:
            # In a folder: a set whose writer's lock lies beside it is still being written, or was cut off
            # (the next write into the folder sweeps it): not a bundle yet, so not refused either.
            if path.name.startswith(".") or (in_folder and (_in_clear(path) or bundle.unfinished(path))):
                continue
            try:
                parts = tuple(bundle.bundle_parts(path))
            except KnownError as exc:
                key = (path.parent / bundle.stem_of(path),)
                if key not in seen:
                    seen.add(key)
                    out.append((path, exc))
                continue
            if parts not in seen:
                seen.add(parts)
                out.append(list(parts))
    return out


class _Files:
    """The sink for attached files: each checked against its hash, stored under it; on failure the
    files this import created are removed again."""

    def __init__(self) -> None:
        self.created: list[Path] = []

    def __call__(self, name: str, sha: str, chunks) -> str:  # noqa: ANN001
        if not _FILE_MEMBER.match(name) or not name[6:].startswith(sha):
            raise bundle.bad_bundle(f"Tên tệp đính kèm không hợp lệ: {name}.", f"Invalid attachment name: {name}.")
        folder = paths.attachments_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name[6:]
        if target.exists():  # stored already; what arrived is still checked against the manifest
            with open(os.devnull, "wb") as null:
                bundle.check_digest(name, sha, chunks, null)
            return name
        tmp = folder / f".{uuid.uuid4().hex}.part"
        try:
            with tmp.open("wb") as out:
                bundle.check_digest(name, sha, chunks, out)
            tmp.replace(target)
        finally:
            tmp.unlink(missing_ok=True)
        self.created.append(target)
        return name

    def discard(self) -> None:
        for path in self.created:
            with contextlib.suppress(OSError):
                path.unlink()


def import_files(db: Database, inputs: list[Path], passphrase: str, dry_run: bool = False,
                 progress: ProgressReporter | None = None, cancel: CancelToken | None = None) -> list[Summary]:
    """Read every bundle in inputs (files or folders), then retry the held ones: on the province, or on
    a PC reading its sibling's bundles."""
    receiver = (province_receiver(passphrase, not dry_run) if province.is_province(db)
                else commune_receiver(db, passphrase, not dry_run))
    if not dry_run:  # the bundles read by hand (a stick): the hub's pushes go through import_with alone
        backup.before_import(db)
    return import_with(db, receiver, inputs, dry_run, progress, cancel)


def import_with(db: Database, receiver: Receiver, inputs: list[Path], dry_run: bool = False,
                progress: ProgressReporter | None = None, cancel: CancelToken | None = None) -> list[Summary]:
    report = progress or NullProgress()
    cancel = cancel or CancelToken()
    groups = _bundle_files(inputs)
    report.start(len(groups), "import")
    out = []
    for parts in groups:
        cancel.raise_if_cancelled()
        if isinstance(parts, tuple):  # a part missing: nothing of it can be read
            path, exc = parts
            out.append(Summary(path.name, status="rejected", reasons=[(exc.vi, exc.en)], dry_run=dry_run))
        else:
            with _collector_paused():
                out.append(_import_one(db, parts, receiver, dry_run))
        report.advance()
    if not dry_run:
        # Receipts of the held bundles this import releases go where this one's went: on the stick.
        read = next((parts[0].parent for parts in groups if isinstance(parts, list)), None)
        out.extend(_release_held(db, receiver, read))
        audit.record_rejected(db, out)
    report.finish()
    return out


class _Collector:
    """Python's cyclic garbage collector, paused while any thread reads a bundle.

    A bundle of 10,000 changes makes some 50,000 dicts, tuples and Change objects, nearly all kept
    until its transaction ends: the collector would walk them again and again (a sixth of the import)
    to find almost nothing (they are freed by reference counting when the import returns). It is on
    again once the last import running ends, as it was before the first. An import that ends while
    others still run collects the young generations: on a hub one import or another is nearly always
    running, and the cycles its requests leave would otherwise pile up (memory grew 259 -> 831 MB
    over 3,321 bundles)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.was_enabled = False

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        with self.lock:
            if self.running == 0:
                self.was_enabled = gc.isenabled()
                gc.disable()
            self.running += 1
        try:
            yield
        finally:
            with self.lock:
                self.running -= 1
                others = self.running > 0
                if not others and self.was_enabled:
                    gc.enable()
            if others and self.was_enabled:
                gc.collect(1)


_collector_paused = _Collector().paused


def _import_one(db: Database, parts: list[Path], receiver: Receiver, dry_run: bool, retry: bool = False,
                before_apply: Callable[[Any, list[Change]], None] | None = None) -> Summary:
    """before_apply(session, changes): in the bundle's transaction, before its changes apply (a release's
    waivers: services.sync_release)."""
    summary = Summary(parts[0].name, dry_run=dry_run)
    known: list[BundleIn] = []

    def recognise(opened: bundle.Opened) -> bool:
        """A bundle read before is recognised from its manifest, before any row work."""
        with db.reader() as s:
            row = s.get(BundleIn, str(opened.manifest.get("bundle_id", "")))
        if row is not None:
            known.append(row)
        return row is not None and row.digest == opened.digest and not retry and row.status != "quarantined"

    files = _Files()
    try:
        opened = bundle.read_bundle(parts, [receiver.identity], receiver.root_pem, receiver.recipient,
                                    in_memory=lambda n: n == CHANGES, sink=files, stop_after_manifest=recognise)
    except KnownError as exc:
        files.discard()
        summary.status, summary.reasons = "rejected", [(exc.vi, exc.en)]
        return summary
    manifest = opened.manifest
    try:
        _well_formed(manifest)
    except KnownError as exc:
        files.discard()
        summary.status, summary.reasons = "rejected", [(exc.vi, exc.en)]
        return summary
    summary.bundle_id, summary.commune = str(manifest.get("bundle_id", "")), str(manifest.get("commune", ""))
    summary.device, summary.records = str(manifest.get("device", "")), int(manifest.get("changes", 0) or 0)
    if not opened.complete:
        return _again(known[0], summary, parts[0])
    try:
        changes = _checked(opened, db, receiver)
    except KnownError as exc:
        files.discard()
        summary.status, summary.rejected, summary.reasons = "rejected", summary.records, [(exc.vi, exc.en)]
        return summary
    if known and known[0].digest != opened.digest:  # one id, two contents: never an overwrite
        files.discard()
        summary.status, summary.rejected = "rejected", summary.records
        summary.reasons = [("Gói trùng mã với một gói đã nhận nhưng khác nội dung; gói đã nhận được giữ nguyên.",
                            "A bundle with the id of one received before but other content; the one received "
                            "stays as it is.")]
        return summary

    def transaction(savepoint: bool) -> BundleIn:
        # Scoped by commune: on PostgreSQL bundles of other communes apply beside this one (what they
        # share is guarded by unique keys); SQLite has one writer whatever the scope.
        with db.session(scope=summary.commune) as s:
            # Under the write lock: another import of this same bundle may have finished meanwhile (on a
            # retry too: another import may have released the held bundle first).
            done = s.get(BundleIn, summary.bundle_id)
            if done is not None and done.digest == opened.digest and done.status == "applied":
                raise _AlreadyApplied(_detached(done))
            if before_apply is not None:
                before_apply(s, changes)
            result = sync_apply.apply_changes(s, changes, savepoint=savepoint)
            _count(summary, result)
            if dry_run:
                raise _DryRun
            settle_conflicts(s, changes, result)
            queue_conflicts(s, result, summary.bundle_id)
            if receiver.registers_documents:
                entered = incoming.register(s, changes, summary.commune, summary.bundle_id, receiver.root_pem)
                if entered:
                    summary.reasons.append((f"Đã vào sổ văn bản đến {entered} văn bản.",
                                            f"{entered} documents entered in the incoming register."))
            if receiver.keeps_numbers:
                for provisional, final in registry.enter_provisional(s):
                    summary.reasons.append((f"Đơn số tạm {provisional} được vào sổ số {final}.",
                                            f"Petition {provisional} entered in the register as {final}."))
                summary.reasons += registry.settle_positions(s, changes)
            row = s.get(BundleIn, summary.bundle_id) or _new_row(s, opened, summary)
            if row.status in record_sync.WAITING:  # held or quarantined before: its records wait no more
                record_sync.forget_records(s, row.bundle_id)
            row.status, row.reason_vi, row.reason_en, row.applied_at = "applied", "", "", _now()
            row.kept_file = ""
            summary.status = "applied"
            # The receipt in the same transaction: a second import that waited for this one's lock
            # finds the bundle applied and its receipt there, never one without the other.
            s.flush()
            row.receipt = _receipt_in(s, summary, row.manifest_json, receiver.receipt_key)
            row.summary_json = json.dumps(summary.as_json())
        return row

    try:
        try:
            row = transaction(savepoint=False)
        except sync_apply.Refused:  # rolled back with its session: again, finding the change refused
            row = transaction(savepoint=True)
    except _DryRun:
        files.discard()
        summary.status = "applied"
        return summary
    except _AlreadyApplied as already:
        return _again(already.row, summary, parts[0])
    except sync_apply.ChangeHeld as exc:
        files.discard()
        status = "fork" if exc.reason in ("fork", "own_change") else "held"
        return _hold(db, parts, opened, summary, status, dry_run, receiver, (exc.vi, exc.en), changes, retry)
    except sync_apply.ChangeRejected as exc:
        files.discard()
        return _quarantine(db, opened, summary, (exc.vi, exc.en), changes, dry_run)
    except json.JSONDecodeError:  # an image that is not JSON (apply parses each once): the list is damaged
        files.discard()
        summary.status, summary.rejected = "rejected", summary.records
        summary.reasons = [("Danh sách thay đổi trong gói bị hỏng.", "The bundle's list of changes is damaged.")]
        return summary
    except IntegrityError as exc:  # a rule the database enforces, e.g. a document number used twice
        # Or a unique key (the bundle's id, a change's number) another import of this very bundle took
        # first, outside the write lock's reach: its outcome and receipt are this one's (and the files).
        stored = _stored(db, summary.bundle_id)
        if stored is not None and stored.digest == opened.digest and stored.status == "applied":
            return _again(stored, summary, parts[0])
        files.discard()
        what = _constraint(exc)
        return _quarantine(db, opened, summary, (f"Dữ liệu của gói trái với ràng buộc của cơ sở dữ liệu ({what}).",
                                                 f"The bundle's data breaks a database rule ({what})."), changes,
                           dry_run)
    if summary.merged:  # said once the bundle applied (a batch may be applied twice: see Refused)
        summary.reasons.append((f"{summary.merged} thay đổi cũ hơn được gộp vào bản ghi (các trường chưa ai sửa "
                                "sau đó), không phải xung đột.", f"{summary.merged} older changes merged into their "
                                "records (fields no later edit touched), not conflicts."))
    if row.receipt:
        summary.receipt = _write_receipt_file(parts[0], row.receipt)
    return summary


def _detached(row: BundleIn) -> BundleIn:
    """A copy of the row that outlives its session."""
    return BundleIn(**{c: getattr(row, c) for c in BundleIn.__table__.c.keys()})


def _stored(db: Database, bundle_id: str) -> BundleIn | None:
    with db.reader() as s:
        row = s.get(BundleIn, bundle_id)
        return _detached(row) if row is not None else None


def _constraint(exc: IntegrityError) -> str:
    """The rule broken, as the database names it: psycopg gives the constraint's name, sqlite3 a
    message ending in the columns."""
    name = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
    return name or (str(exc.orig).split(":")[-1].strip() if exc.orig else "")


def _new_row(s, opened: bundle.Opened, summary: Summary) -> BundleIn:  # noqa: ANN001
    row = BundleIn(bundle_id=summary.bundle_id, digest=opened.digest, unit_code=summary.commune,
                   device=summary.device, kind="changes", status="", manifest_json=opened.manifest_bytes.decode(),
                   received_at=_now())
    s.add(row)
    return row


def _again(row: BundleIn, summary: Summary, first_part: Path) -> Summary:
    """The exact same bundle again: nothing changes, the first outcome and receipt are returned."""
    summary.status = "unchanged" if row.status == "applied" else row.status
    if row.status == "applied":
        summary.unchanged = summary.records
        summary.reasons = [(f"Gói này đã được nhận ngày {row.received_at[:10]}; không có gì thay đổi.",
                            f"This bundle was received on {row.received_at[:10]}; nothing changed.")]
    else:
        summary.held = summary.records if row.status in ("held", "fork") else 0
        summary.rejected = summary.records if row.status == "quarantined" else 0
        summary.reasons = [(row.reason_vi, row.reason_en)]
    if row.receipt:
        summary.receipt = _write_receipt_file(first_part, row.receipt)
    return summary


def _well_formed(manifest: dict[str, object]) -> None:
    """The manifest holds what the rest of the import relies on, of the right types (the signature says
    who wrote it, not that the writer was sound)."""
    if manifest.get("kind") != "changes":
        raise KnownError("Tệp không phải gói dữ liệu của xã.", "The file is not a commune's data bundle.")
    ranges = manifest.get("ranges")
    bad = [key for key in ("bundle_id", "commune", "device") if not isinstance(manifest.get(key), str)
           or not 0 < len(manifest[key]) <= 36]  # type: ignore[arg-type]
    if type(manifest.get("changes")) is not int or manifest["changes"] < 0:  # type: ignore[operator]
        bad.append("changes")
    if not isinstance(ranges, dict) or not all(
            isinstance(node, str) and isinstance(span, list) and len(span) == 2
            and all(type(n) is int for n in span) and 1 <= span[0] <= span[1] for node, span in ranges.items()):
        bad.append("ranges")
    if bad:
        raise KnownError(f"Bản kê khai của gói không đúng dạng ({', '.join(bad)}).",
                         f"The bundle's manifest is malformed ({', '.join(bad)}).")


_HLC = re.compile(r"\d{13,}-\d{5}-\w+")
_OPS = frozenset(("insert", "update", "delete"))


def _change_ok(c: Change) -> bool:
    """Types and forms apply relies on (a few microseconds a change). The after image is parsed once, by
    apply (a JSONDecodeError there refuses the bundle); the before image, which apply may not read, here
    (updates only: inserts have none)."""
    return (type(c.origin_seq) is int and type(c.row_version) is int and c.op in _OPS
            and str is type(c.origin_node) is type(c.txn_id) is type(c.hlc) is type(c.unit_code)
            is type(c.table_name) is type(c.record_id) is type(c.actor) is type(c.at_utc) is type(c.after_json)
            and _HLC.fullmatch(c.hlc) is not None and c.after_json[:1] == "{" and c.after_json[-1:] == "}"
            and (c.before_json is None or type(c.before_json) is str and type(json.loads(c.before_json)) is dict))


# scan_once is set by JSONDecoder.__init__ (json.scanner); typeshed does not declare it
_SCAN_CHANGE = json.JSONDecoder(object_hook=lambda fields: Change(**fields)).scan_once  # type: ignore[attr-defined]


def _change_of(line: str) -> Change:
    """Change(**loads(line)), the same change or the same error, built as the scanner closes the object."""
    try:
        change, end = _SCAN_CHANGE(line, 0)
    except Exception:  # noqa: BLE001 - the slow way below raises what it raises
        change, end = None, -1
    if end != len(line) or type(change) is not Change:
        return Change(**loads(line))
    return change


def _checked(opened: bundle.Opened, db: Database, receiver: Receiver) -> list[Change]:
    """The signer may send for the commune it names; every change is of that commune, from one of its
    devices, within the ranges the manifest declares."""
    manifest = opened.manifest
    commune, device = str(manifest.get("commune", "")), str(manifest.get("device", ""))
    if manifest.get("kind") != "changes":
        raise KnownError("Tệp không phải gói dữ liệu của xã.", "The file is not a commune's data bundle.")
    receiver.check_signer(db, opened.signer, commune, device)
    try:
        changes = [_change_of(line) for line in opened.members[CHANGES].decode("utf-8").splitlines()]
        if not all(map(_change_ok, changes)):
            raise ValueError("a change of the wrong form")
    except (KeyError, ValueError, TypeError):
        raise KnownError("Danh sách thay đổi trong gói bị hỏng.", "The bundle's list of changes is damaged.") from None
    ranges = manifest.get("ranges") or {}
    if len(changes) != manifest.get("changes"):
        raise KnownError("Số thay đổi không khớp bản kê khai.", "The number of changes does not match the manifest.")
    devices = receiver.origins(db, commune)
    for change in changes:
        span = ranges.get(change.origin_node)
        # A commune writes only its own records: the province's plan rows ("") come down, never up.
        if change.unit_code != commune or not span or not span[0] <= change.origin_seq <= span[1]:
            raise KnownError(f"Gói có thay đổi không thuộc xã {commune} hoặc ngoài phạm vi đã kê khai.",
                             f"The bundle holds a change outside commune {commune} or outside its declared range.")
        if change.origin_node not in devices:
            raise KnownError(f"Gói có thay đổi của một máy không thuộc xã {commune} ({change.origin_node}).",
                             f"The bundle holds changes of a PC not enrolled for commune {commune} "
                             f"({change.origin_node}).")
    return changes


def _count(summary: Summary, result: sync_apply.ApplyResult) -> None:
    """Each change in exactly one count: a new record, an update, nothing to do, or a conflict."""
    conflicted = result.conflicting_changes()
    summary.imported = result.inserted
    summary.conflicts = conflicted
    summary.updated = max(0, result.applied + result.merged - result.inserted - conflicted)
    summary.unchanged = summary.records - summary.imported - summary.updated - summary.conflicts
    summary.merged = min(result.merged, summary.updated)


def settle_conflicts(s, changes: list[Change], result: sync_apply.ApplyResult) -> None:  # noqa: ANN001
    """A field in conflict here that another PC edited again without a conflict (a person chose there,
    or simply edited it later) is settled by that edit."""
    # One probe when nothing is open anywhere (the usual case); else one query per table and slice of
    # records, not one per field of every change (a 10,000-change bundle made 140,000 of those).
    if s.scalar(select(Conflict.id).where(Conflict.status == "open").limit(1)) is None:
        return
    records: dict[str, set[str]] = {}
    for change in changes:
        records.setdefault(change.table_name, set()).add(change.record_id)
    open_rows: dict[tuple[str, str, str], list[Conflict]] = {}
    for table, ids in records.items():
        listed = sorted(ids)
        for start in range(0, len(listed), 500):
            for row in s.scalars(select(Conflict).where(Conflict.status == "open", Conflict.table_name == table,
                                                        Conflict.record_id.in_(listed[start:start + 500]))):
                open_rows.setdefault((row.table_name, row.record_id, row.field), []).append(row)
    if not open_rows:
        return
    disputed = {(c.change.table_name, c.change.record_id, c.field) for c in result.conflicts}
    for change in changes:  # the first later edit of a field settles it
        for name in json.loads(change.after_json):
            key = (change.table_name, change.record_id, name)
            if key in disputed:
                continue
            for row in open_rows.pop(key, ()):
                row.status, row.chosen, row.resolved_by = "resolved", "remote", change.actor


def queue_conflicts(s, result: sync_apply.ApplyResult, bundle_id: str) -> None:  # noqa: ANN001
    """Both values of every field two PCs disagree on, for a person to choose (the later one shows
    until then); in the transaction that applied the changes."""
    for c in result.conflicts:
        s.add(Conflict(table_name=c.change.table_name, record_id=c.change.record_id, field=c.field,
                       local_json=json.dumps(c.local, ensure_ascii=False, default=str),
                       remote_json=json.dumps(c.remote, ensure_ascii=False, default=str),
                       remote_origin=f"{c.change.origin_node}:{c.change.origin_seq}", bundle_id=bundle_id,
                       chosen="remote" if c.remote_won else "local", created_at=_now()))


def _hold(db: Database, parts: list[Path], opened: bundle.Opened, summary: Summary, status: str, dry_run: bool,
          receiver: Receiver, reason: tuple[str, str], changes: list[Change], retry: bool = False) -> Summary:
    """Held or fork: kept exactly as it arrived (encrypted), with its reason, nothing lost; which records
    it carries is noted, so each shows it waits."""
    summary.status, summary.held = status, summary.records
    if status == "held":
        hint = (" Gói được giữ lại và sẽ tự áp dụng khi nhận được gói còn thiếu.",
                " The bundle is kept and will apply by itself when the missing one arrives.")
    else:
        hint = (" Gói được giữ lại, không mất dữ liệu; cần người kiểm tra (máy gửi có thể đã khôi phục bản sao "
                "lưu cũ).", " The bundle is kept, nothing is lost; a person must check (the sender may have "
                "restored an old backup).")
    summary.reasons = [(reason[0] + "." + hint[0], reason[1] + "." + hint[1])]
    if dry_run:
        return summary
    folder = kept_dir() / f"{summary.bundle_id}-{opened.digest[:12]}"
    folder.mkdir(parents=True, exist_ok=True)
    for part in parts:
        if part.parent != folder:
            shutil.copyfile(part, folder / part.name)
    with db.session(scope=summary.commune) as s:
        row = s.get(BundleIn, summary.bundle_id)
        first = row is None
        row = row or _new_row(s, opened, summary)
        if row.digest != opened.digest:  # another bundle took this id meanwhile: its row stays as it is
            return summary
        row.status, row.kept_file = status, str(folder / parts[0].name)
        row.reason_vi, row.reason_en = summary.reasons[0]
        record_sync.keep_records(s, row.bundle_id, changes)
        if first:
            # The receipt in the same transaction: another import of this bundle that waited for the
            # lock finds it held with its receipt, never without.
            s.flush()
            row.receipt = _receipt_in(s, summary, row.manifest_json, receiver.receipt_key)
            row.summary_json = json.dumps(summary.as_json())
        receipt = row.receipt
    if receipt and not retry:  # the first time, or another import's first time: the same receipt
        summary.receipt = _write_receipt_file(parts[0], receipt)
    return summary


def _quarantine(db: Database, opened: bundle.Opened, summary: Summary, reason: tuple[str, str],
                changes: list[Change], dry_run: bool) -> Summary:
    summary.status, summary.rejected = "quarantined", summary.records
    summary.reasons = [(reason[0] + " Gói được cách ly, không áp dụng phần nào; cần người xử lý (gói được đọc lại "
                        "từ đầu khi nhận lại, ví dụ sau khi cập nhật chương trình).",
                        reason[1] + " The bundle is quarantined, nothing applied; a person must resolve it (it is "
                        "read again in full when imported again, e.g. after the program is updated).")]
    if not dry_run:
        with db.session(scope=summary.commune) as s:
            row = s.get(BundleIn, summary.bundle_id) or _new_row(s, opened, summary)
            if row.digest == opened.digest:  # never the row of another bundle that took this id meanwhile
                row.status = "quarantined"
                row.reason_vi, row.reason_en = summary.reasons[0]
                record_sync.keep_records(s, row.bundle_id, changes)
    return summary


def _release_held(db: Database, receiver: Receiver, receipts_to: Path | None = None) -> list[Summary]:
    """Held bundles whose prerequisites may have arrived: retried, in the order they came, until none
    applies. A bundle that applies leaves the held queue; the others stay with their reasons. Its
    receipt is written in receipts_to (the folder just read); with none, it stays in the database and a
    later reading of the bundle returns it, as for any bundle read again."""
    released: list[Summary] = []
    progressed = True
    while progressed:
        progressed = False
        with db.reader() as s:
            held = s.scalars(select(BundleIn).where(BundleIn.status == "held").order_by(BundleIn.received_at)).all()
        for row in held:
            kept = Path(row.kept_file)
            if not kept.is_file():
                continue
            with _collector_paused():
                result = _import_one(db, bundle.bundle_parts(kept), receiver, dry_run=False, retry=True)
            if result.status == "applied":
                progressed = True
                released.append(result)
                shutil.rmtree(kept.parent, ignore_errors=True)  # the receipt written beside it too
                result.receipt = _receipt_to(db, result.bundle_id, kept, receipts_to)
    return released


def _receipt_to(db: Database, bundle_id: str, kept: Path, folder: Path | None) -> str:
    if folder is None or not folder.is_dir():
        return ""
    with db.reader() as s:
        receipt = s.scalar(select(BundleIn.receipt).where(BundleIn.bundle_id == bundle_id))
    return _write_receipt_file(folder / kept.name, receipt) if receipt else ""


def _receipt_in(s, summary: Summary, manifest_json: str, key: signing.KeyMaterial | None) -> bytes | None:  # noqa: ANN001
    """Signed by the receiver (the province office, or the sibling PC): which bundle, its outcome, and how
    far each of its devices is now held here (the sender marks exactly that as acknowledged)."""
    if key is None:
        return None
    manifest = json.loads(manifest_json)
    held = held_up_to(s, manifest.get("ranges") or {})
    body = {"kind": "receipt", "bundle_id": summary.bundle_id, "commune": summary.commune, "device": summary.device,
            "status": summary.status, "acknowledged": held if summary.status == "applied" else {},
            "summary": {k: v for k, v in summary.as_json().items() if k not in ("file", "receipt", "dry_run")},
            "issued_at_utc": _now()}
    return bundle.signed_document(body, key)


def _write_receipt_file(first_part: Path, receipt: bytes) -> str:
    """Beside the bundle, on the same stick: the commune takes it home."""
    target = first_part.parent / (bundle.stem_of(first_part) + ".receipt" + bundle.SUFFIX)
    with contextlib.suppress(OSError):
        if target.read_bytes() == receipt:  # the same bundle read again: its receipt lies there already
            return str(target)
    try:
        signing.atomic_write(target, receipt)
        return str(target)
    except OSError:  # another import of the same bundle may be writing the same file at this moment
        with contextlib.suppress(OSError):
            if target.read_bytes() == receipt:
                return str(target)
            signing.atomic_write(target, receipt)
            return str(target)
    return ""




def kept_dir() -> Path:
    """Held bundles, kept encrypted exactly as they arrived, until their prerequisites come."""
    return paths.data_dir() / "sync" / "held"
