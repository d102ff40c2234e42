"""Sync by bundle files: the commune writes what the province has not acknowledged; the province reads
it once, all or nothing, and answers with a signed receipt; the commune marks exactly what the
receipt acknowledges.

The outbox is the change log (sync/outbox.py); a bundle carries whole units of work only, the files
their records name (by SHA-256), and a manifest that names, per origin device, the range it carries
and the number it builds on. On the province, per (commune, device):
- the same bundle again changes nothing, says "unchanged" and returns the receipt of the first time;
- a bundle that builds on changes not received yet is held, kept encrypted as it came, and applied
  when the missing one arrives;
- a bundle that contradicts what that device already sent (same numbers, other content) is a fork:
  held, shown, nothing lost;
- otherwise it is applied in one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import shutil
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from .. import __version__, paths
from ..domain.errors import KnownError
from ..domain.progress import CancelToken, NullProgress, ProgressReporter
from ..exports import signing
from ..storage.db import Database
from ..storage.sync_state import Ack, BundleIn, BundleOut
from ..sync import apply as sync_apply
from ..sync import bundle, pki
from ..sync.changes import Change
from ..sync.outbox import outbox
from . import enrolment, keys, province, setup

PROVINCE = "province"
CHANGES = "changes.jsonl"
_FILE_MEMBER = re.compile(r"^files/[0-9a-f]{64}(\.[a-z0-9]{1,10})?$")
_FILE_TABLES = {"evidence", "posting_attachment", "news_item"}
_AGE_MAGIC = b"age-encryption.org/"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# --- the commune: writing a bundle -------------------------------------------------------------------

@dataclass
class ExportResult:
    bundle_id: str
    files: list[Path]
    changes: int
    transactions: int
    attachments: int

    def as_json(self) -> dict[str, object]:
        return {"bundle_id": self.bundle_id, "files": [str(f) for f in self.files], "changes": self.changes,
                "transactions": self.transactions, "attachments": self.attachments}


def acked(db: Database, peer: str = PROVINCE) -> dict[str, int]:
    with db.reader() as s:
        return {a.origin_node: a.acked_seq for a in s.scalars(select(Ack).where(Ack.peer == peer))}


def pending(db: Database, peer: str = PROVINCE) -> list[Change]:
    with db.reader() as s:
        return outbox(s, peer, acked(db, peer))


def _attachments(changes: list[Change]) -> list[bundle.Member]:
    found: dict[str, bundle.Member] = {}
    for change in changes:
        if change.table_name not in _FILE_TABLES:
            continue
        after = json.loads(change.after_json)
        sha, name = after.get("file_sha256"), after.get("file_name", "")
        if not sha:
            continue
        from .attachments import attachment_path, stored_suffix  # noqa: PLC0415

        path = attachment_path(sha, name)
        member = f"files/{sha}{stored_suffix(name)}"
        if path is None:
            raise KnownError(f"Thiếu tệp đính kèm {name} trong thư mục dữ liệu: không thể gửi bản ghi của nó.",
                             f"The attached file {name} is missing from the data folder: its record cannot be sent.")
        found[member] = bundle.Member(member, path=path)
    return list(found.values())


def export_bundle(db: Database, out_dir: Path, passphrase: str, progress: ProgressReporter | None = None,
                  cancel: CancelToken | None = None) -> ExportResult | None:
    """Write every change the province has not acknowledged into one bundle; None when there is none."""
    report = progress or NullProgress()
    profile = setup.get_profile(db)
    if profile is None:
        raise KnownError("Chưa thiết lập xã, phường.", "The commune is not set up yet.")
    target = enrolment.require_enrolled()
    material = keys.load(passphrase)
    changes = pending(db)
    if not changes:
        return None
    report.start(3, "bundle")
    ranges: dict[str, list[int]] = {}
    for change in changes:
        first_last = ranges.setdefault(change.origin_node, [change.origin_seq, change.origin_seq])
        first_last[1] = change.origin_seq
    files = _attachments(changes)
    report.advance()
    bundle_id = str(uuid.uuid4())
    header = {"kind": "changes", "bundle_id": bundle_id, "commune": profile.unit_code, "device": db.clock.node,
              "ranges": ranges, "prerequisites": {n: r[0] - 1 for n, r in ranges.items()},
              "changes": len(changes), "transactions": len({c.txn_id for c in changes}),
              "created_at_utc": _now(), "program": __version__}
    payload = "".join(json.dumps(c.as_dict(), ensure_ascii=False, sort_keys=True) + "\n" for c in changes)
    stem = f"papi-{profile.unit_code}-{db.clock.node}-{max(r[1] for r in ranges.values()):06d}"
    written, manifest = bundle.write_bundle(Path(out_dir), stem, header,
                                            [bundle.Member(CHANGES, payload.encode("utf-8")), *files],
                                            material, target.recipients, cancel)
    report.advance()
    with db.session() as s:
        s.add(BundleOut(bundle_id=bundle_id, digest=bundle.digest(manifest), peer=PROVINCE,
                        ranges_json=json.dumps(ranges), changes=len(changes),
                        files_json=json.dumps([p.name for p in written]), created_at=_now()))
    report.finish()
    return ExportResult(bundle_id, written, len(changes), int(header["transactions"]), len(files))


# --- the province: reading bundles ------------------------------------------------------------------

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
                "unchanged": self.unchanged, "conflicts": self.conflicts, "rejected": self.rejected,
                "held": self.held, "reasons": [en if lang == "en" else vi for vi, en in self.reasons],
                "receipt": self.receipt, "dry_run": self.dry_run}


class _DryRun(Exception):
    """Raised inside the transaction of a dry run so that nothing it did is kept."""


def _encrypted(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(_AGE_MAGIC)) == _AGE_MAGIC


def _bundle_files(inputs: list[Path]) -> list[list[Path]]:
    """Each bundle once (its parts together), from files and folders. In a folder, only encrypted
    bundles are taken: receipts and enrolment packages lying beside them on the stick are not data."""
    seen: set[tuple[Path, ...]] = set()
    out = []
    for item in inputs:
        item = Path(item)
        in_folder = item.is_dir()
        candidates = sorted(item.glob(f"*{bundle.SUFFIX}")) if in_folder else [item]
        for path in candidates:
            if path.name.startswith(".") or (in_folder and not _encrypted(path)):
                continue
            parts = tuple(bundle.bundle_parts(path))
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
        if target.exists():
            for _block in chunks:
                pass
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
                 receipts: bool = True, progress: ProgressReporter | None = None,
                 cancel: CancelToken | None = None) -> list[Summary]:
    """Province: read every bundle in inputs (files or folders); then retry the held ones."""
    report = progress or NullProgress()
    cancel = cancel or CancelToken()
    found = province.require()
    identity = province.identity(passphrase)
    office = province.office_material(passphrase) if receipts and not dry_run else None
    groups = _bundle_files(inputs)
    report.start(len(groups), "import")
    out = []
    for parts in groups:
        cancel.raise_if_cancelled()
        out.append(_import_one(db, parts, identity, found.recipient, office, dry_run))
        report.advance()
    if not dry_run:
        out.extend(_release_held(db, identity, found.recipient, office))
    report.finish()
    return out


def _import_one(db: Database, parts: list[Path], identity: str, recipient: str,
                office: signing.KeyMaterial | None, dry_run: bool, retry: bool = False) -> Summary:
    summary = Summary(parts[0].name, dry_run=dry_run)
    known: list[BundleIn] = []

    def recognise(opened: bundle.Opened) -> bool:
        """A bundle read before is recognised from its manifest, before any row work."""
        with db.reader() as s:
            row = s.get(BundleIn, str(opened.manifest.get("bundle_id", "")))
        if row is not None:
            known.append(row)
        return row is not None and row.digest == opened.digest and not retry

    files = _Files()
    try:
        opened = bundle.read_bundle(parts, [identity], province.root_pem(), recipient,
                                    in_memory=lambda n: n == CHANGES, sink=files, stop_after_manifest=recognise)
    except KnownError as exc:
        files.discard()
        summary.status, summary.reasons = "rejected", [(exc.vi, exc.en)]
        return summary
    manifest = opened.manifest
    summary.bundle_id, summary.commune = str(manifest.get("bundle_id", "")), str(manifest.get("commune", ""))
    summary.device, summary.records = str(manifest.get("device", "")), int(manifest.get("changes", 0) or 0)
    if not opened.complete:
        return _again(known[0], summary, parts[0])
    try:
        changes = _checked(opened, db)
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
    try:
        with db.session() as s:
            result = sync_apply.apply_changes(s, changes)
            _count(summary, changes, result)
            if dry_run:
                raise _DryRun
            row = s.get(BundleIn, summary.bundle_id) or _new_row(s, opened, summary)
            row.status, row.reason_vi, row.reason_en, row.applied_at = "applied", "", "", _now()
            row.kept_file = ""
    except _DryRun:
        files.discard()
        summary.status = "applied"
        return summary
    except sync_apply.ChangeHeld as exc:
        files.discard()
        status = "fork" if exc.reason in ("fork", "own_change") else "held"
        return _hold(db, parts, opened, summary, status, dry_run, office, (exc.vi, exc.en))
    except sync_apply.ChangeRejected as exc:
        files.discard()
        return _quarantine(db, opened, summary, (exc.vi, exc.en), dry_run)
    summary.status = "applied"
    _finish(db, parts[0], summary, office)
    return summary


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


def _checked(opened: bundle.Opened, db: Database) -> list[Change]:
    """The bundle's signer is an enrolled, unrevoked PC of the commune it names; every change is of that
    commune, within the ranges the manifest declares."""
    manifest = opened.manifest
    commune = str(manifest.get("commune", ""))
    if manifest.get("kind") != "changes":
        raise KnownError("Tệp không phải gói dữ liệu của xã gửi tỉnh.", "The file is not a commune's data bundle.")
    record = province.certificate_of(db, opened.signer)
    if record is None:
        raise KnownError("Người ký gói không có trong danh sách xã đã đăng ký với tỉnh.",
                         "The bundle's signer is not among the communes enrolled with the province.")
    if record.revoked_at:
        raise KnownError(f"Chứng thư của máy gửi đã bị thu hồi ngày {record.revoked_at[:10]}"
                         f"{': ' + record.revoked_reason if record.revoked_reason else ''}.",
                         f"The sender's certificate was revoked on {record.revoked_at[:10]}.")
    pki.check_commune_cert(opened.signer, _root_cert(), commune)
    try:
        changes = [Change(**json.loads(line)) for line in opened.members[CHANGES].decode("utf-8").splitlines()]
    except (KeyError, ValueError, TypeError):
        raise KnownError("Danh sách thay đổi trong gói bị hỏng.", "The bundle's list of changes is damaged.") from None
    ranges = manifest.get("ranges") or {}
    if len(changes) != manifest.get("changes"):
        raise KnownError("Số thay đổi không khớp bản kê khai.", "The number of changes does not match the manifest.")
    for change in changes:
        span = ranges.get(change.origin_node)
        if change.unit_code not in (commune, "") or not span or not span[0] <= change.origin_seq <= span[1]:
            raise KnownError(f"Gói có thay đổi không thuộc xã {commune} hoặc ngoài phạm vi đã kê khai.",
                             f"The bundle holds a change outside commune {commune} or outside its declared range.")
    return changes


def _root_cert() -> object:
    from cryptography import x509  # noqa: PLC0415

    return x509.load_pem_x509_certificate(province.root_pem())


def _count(summary: Summary, changes: list[Change], result: sync_apply.ApplyResult) -> None:
    summary.unchanged = result.unchanged
    summary.conflicts = result.superseded
    inserts = sum(1 for c in changes if c.op == "insert")
    applied = result.applied + result.merged
    summary.imported = min(inserts, applied)
    summary.updated = applied - summary.imported


def _finish(db: Database, first_part: Path, summary: Summary, office: signing.KeyMaterial | None) -> None:
    receipt = _receipt(db, summary, office)
    with db.session() as s:
        row = s.get(BundleIn, summary.bundle_id)
        if row is not None:
            row.receipt, row.summary_json = receipt, json.dumps(summary.as_json())
    if receipt:
        summary.receipt = _write_receipt_file(first_part, receipt)


def _hold(db: Database, parts: list[Path], opened: bundle.Opened, summary: Summary, status: str, dry_run: bool,
          office: signing.KeyMaterial | None, reason: tuple[str, str]) -> Summary:
    """Held or fork: kept exactly as it arrived (encrypted), with its reason, nothing lost."""
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
    folder = province.kept_dir() / f"{summary.bundle_id}-{opened.digest[:12]}"
    folder.mkdir(parents=True, exist_ok=True)
    for part in parts:
        if part.parent != folder:
            shutil.copyfile(part, folder / part.name)
    with db.session() as s:
        row = s.get(BundleIn, summary.bundle_id)
        retried = row is not None
        row = row or _new_row(s, opened, summary)
        row.status, row.kept_file = status, str(folder / parts[0].name)
        row.reason_vi, row.reason_en = summary.reasons[0]
    if not retried:
        _finish(db, parts[0], summary, office)
    return summary


def _quarantine(db: Database, opened: bundle.Opened, summary: Summary, reason: tuple[str, str],
                dry_run: bool) -> Summary:
    summary.status, summary.rejected = "quarantined", summary.records
    summary.reasons = [(reason[0] + " Gói được cách ly, không áp dụng phần nào; cần người xử lý.",
                        reason[1] + " The bundle is quarantined, nothing applied; a person must resolve it.")]
    if not dry_run:
        with db.session() as s:
            row = s.get(BundleIn, summary.bundle_id) or _new_row(s, opened, summary)
            row.status = "quarantined"
            row.reason_vi, row.reason_en = summary.reasons[0]
    return summary


def _release_held(db: Database, identity: str, recipient: str, office: signing.KeyMaterial | None) -> list[Summary]:
    """Held bundles whose prerequisites may have arrived: retried, in the order they came, until none
    applies. A bundle that applies leaves the held queue; the others stay with their reasons."""
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
            result = _import_one(db, bundle.bundle_parts(kept), identity, recipient, office, dry_run=False,
                                 retry=True)
            if result.status == "applied":
                progressed = True
                released.append(result)
                shutil.rmtree(kept.parent, ignore_errors=True)
    return released


def _receipt(db: Database, summary: Summary, office: signing.KeyMaterial | None) -> bytes | None:
    """Signed by the province office: which bundle, its outcome, and how far each of its devices is now
    held here (the commune marks exactly that as acknowledged)."""
    if office is None:
        return None
    from ..sync.outbox import version_vector  # noqa: PLC0415

    with db.reader() as s:
        vector = version_vector(s)
    manifest = json.loads(_stored_manifest(db, summary.bundle_id) or "{}")
    held_up_to = {node: vector.get(node, 0) for node in (manifest.get("ranges") or {})}
    body = {"kind": "receipt", "bundle_id": summary.bundle_id, "commune": summary.commune, "device": summary.device,
            "status": summary.status, "acknowledged": held_up_to if summary.status == "applied" else {},
            "summary": {k: v for k, v in summary.as_json().items() if k not in ("file", "receipt", "dry_run")},
            "issued_at_utc": _now()}
    return bundle.signed_document(body, office)


def _stored_manifest(db: Database, bundle_id: str) -> str | None:
    with db.reader() as s:
        row = s.get(BundleIn, bundle_id)
        return row.manifest_json if row is not None else None


def _write_receipt_file(first_part: Path, receipt: bytes) -> str:
    """Beside the bundle, on the same stick: the commune takes it home."""
    target = first_part.parent / (bundle.stem_of(first_part) + ".receipt" + bundle.SUFFIX)
    with contextlib.suppress(OSError):
        signing.atomic_write(target, receipt)
        return str(target)
    return ""


# --- the commune: reading a receipt -----------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptResult:
    bundle_id: str
    status: str
    acknowledged: dict[str, int]
    summary: dict[str, object]
    already: bool


def import_receipt(db: Database, path: Path) -> ReceiptResult:
    """Check the province's signature, then mark acknowledged exactly what the receipt says it holds."""
    target = enrolment.require_enrolled()
    opened = bundle.read_bundle(bundle.bundle_parts(Path(path)), None, target.root_pem, None, in_memory=lambda n: True)
    body = opened.manifest
    if body.get("kind") != "receipt":
        raise KnownError("Tệp không phải biên nhận của tỉnh.", "The file is not a receipt from the province.")
    if pki_uid(opened.signer) != province.PROVINCE_CODE:
        raise KnownError("Biên nhận không do văn phòng tỉnh ký.", "The receipt is not signed by the province office.")
    bundle_id = str(body.get("bundle_id", ""))
    acknowledged = {str(k): int(v) for k, v in (body.get("acknowledged") or {}).items()}
    with db.session() as s:
        sent = s.get(BundleOut, bundle_id)
        if sent is None:
            raise KnownError("Biên nhận cho một gói máy này không gửi.", "A receipt for a bundle this PC did not send.")
        already = sent.acknowledged_at is not None
        sent_ranges = json.loads(sent.ranges_json)
        for node, upto in acknowledged.items():
            if node not in sent_ranges:
                continue
            upto = min(upto, sent_ranges[node][1])  # never beyond what this bundle carried
            ack = s.get(Ack, (PROVINCE, node))
            if ack is None:
                s.add(Ack(peer=PROVINCE, origin_node=node, acked_seq=upto))
            elif ack.acked_seq < upto:
                ack.acked_seq = upto
        if body.get("status") == "applied" and not already:
            sent.acknowledged_at = _now()
            sent.receipt_json = json.dumps(body, ensure_ascii=False)
    return ReceiptResult(bundle_id, str(body.get("status", "")), acknowledged, dict(body.get("summary") or {}),
                         already)


def pki_uid(cert: object) -> str:
    return signing.name_parts(cert.subject).get("UID", "")  # type: ignore[attr-defined]


# --- status -----------------------------------------------------------------------------------------

def status(db: Database) -> dict[str, object]:
    """What the Đồng bộ page and `sync status` show."""
    if province.is_province(db):
        with db.reader() as s:
            rows = s.scalars(select(BundleIn)).all()
        by_status = Counter(r.status for r in rows)
        return {"mode": "province", "bundles": dict(by_status),
                "waiting": [{"bundle_id": r.bundle_id, "commune": r.unit_code, "device": r.device, "status": r.status,
                             "reason": r.reason_vi} for r in rows if r.status in ("held", "fork", "quarantined")]}
    changes = pending(db)
    with db.reader() as s:
        sent = s.scalars(select(BundleOut).order_by(BundleOut.created_at.desc())).all()
    last = sent[0] if sent else None
    last_ack = next((b for b in sent if b.acknowledged_at), None)
    return {"mode": "commune", "enrolled": enrolment.enrolled() is not None, "device": db.clock.node,
            "pending": len(changes), "pending_by_table": dict(Counter(c.table_name for c in changes)),
            "last_bundle": {"bundle_id": last.bundle_id, "created_at": last.created_at, "changes": last.changes}
            if last else None,
            "last_acknowledged": {"bundle_id": last_ack.bundle_id, "at": last_ack.acknowledged_at} if last_ack else None}
