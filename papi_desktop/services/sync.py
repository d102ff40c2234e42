"""Sync by bundle files, the sender's side: a commune PC writes what a peer (the province, or a sibling
PC of the same commune) has not acknowledged, and marks exactly what that peer's signed receipt
acknowledges. The reader's side is services/sync_import.py.

The outbox is the change log (sync/outbox.py); a bundle carries whole units of work only, the files
their records name (by SHA-256), and a manifest that names, per origin device, the range it carries
and the number it builds on.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from .. import __version__
from ..domain.errors import KnownError
from ..domain.jobs import CancelToken, NullProgress, ProgressReporter
from ..exports import signing
from ..storage.db import Database
from ..storage.models import LocalSetting
from ..storage.sync_state import Ack, BundleIn, BundleOut, Conflict, Peer
from ..sync import bundle, pki
from ..sync.changes import Change
from ..sync.outbox import outbox
from . import accounts, enrolment, keys, province, setup
from .backup_messages import explained
from .sync_import import CHANGES, Summary, import_files  # noqa: F401 - the callers' one entry point

if TYPE_CHECKING:
    from cryptography import x509 as x509_types

PROVINCE = "province"
FILE_TABLES = frozenset({"evidence", "posting_attachment", "news_item"})  # rows that name a stored file


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
    """What peer lacks; never the province's own changes (its plan, sent down): every PC gets those
    from the province itself, and a sibling would refuse a device it does not know."""
    with db.reader() as s:
        province_node = s.get(LocalSetting, "downstream_origin")
        changes = outbox(s, peer, acked(db, peer))
    return [c for c in changes if province_node is None or c.origin_node != province_node.value]


def _files_named(change: Change) -> list[tuple[str, str]]:
    """(sha256, original name) of the files a change's record names: an evidence file, a posting's
    photo, or every file of an issued report (its signed PDF, Excel and .p7s, exactly as issued)."""
    after = json.loads(change.after_json)
    if change.table_name in FILE_TABLES and after.get("file_sha256"):
        return [(after["file_sha256"], after.get("file_name", ""))]
    if change.table_name == "outgoing_document" and after.get("status") == "issued":
        return [(f["sha256"], f["name"]) for f in json.loads(after.get("files_json") or "[]")]
    return []


def _attachments(changes: list[Change]) -> list[bundle.Member]:
    from .attachments import attachment_path, stored_suffix  # noqa: PLC0415

    found: dict[str, bundle.Member] = {}
    for change in changes:
        for sha, name in _files_named(change):
            path = attachment_path(sha, name)
            if path is None and change.table_name == "outgoing_document":
                continue  # issued before copies were kept: the province's register says the files did not come
            if path is None:
                raise KnownError(f"Thiếu tệp {name} trong thư mục dữ liệu: không thể gửi bản ghi của nó.",
                                 f"The file {name} is missing from the data folder: its record cannot be sent.")
            member = f"files/{sha}{stored_suffix(name)}"
            found[member] = bundle.Member(member, path=path)
    return list(found.values())


def export_bundle(db: Database, out_dir: Path, passphrase: str, peer: str = PROVINCE,
                  progress: ProgressReporter | None = None, cancel: CancelToken | None = None) -> ExportResult | None:
    """Write every change `peer` (the province, or a sibling PC's device id) has not acknowledged into
    one bundle encrypted to it; None when there is none."""
    report = progress or NullProgress()
    profile = setup.get_profile(db)
    if profile is None:
        raise KnownError("Chưa thiết lập xã, phường.", "The commune is not set up yet.")
    target = enrolment.require_enrolled()
    recipients = target.recipients if peer == PROVINCE else [_peer(db, peer).recipient]
    material = keys.load(passphrase)
    changes = pending(db, peer)
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
    transactions = len({c.txn_id for c in changes})
    header = {"kind": "changes", "bundle_id": bundle_id, "commune": profile.unit_code, "device": db.clock.node,
              "to": peer, "ranges": ranges, "prerequisites": {n: r[0] - 1 for n, r in ranges.items()},
              "changes": len(changes), "transactions": transactions,
              "created_at_utc": _now(), "program": __version__}
    payload = "".join(json.dumps(c.as_dict(), ensure_ascii=False, sort_keys=True) + "\n" for c in changes)
    stem = f"papi-{profile.unit_code}-{db.clock.node}-{max(r[1] for r in ranges.values()):06d}"
    _forget(db, bundle.sweep(Path(out_dir)))  # what an export killed part-way left in this folder

    def record(finals: list[Path], manifest: bytes) -> None:
        """Before the parts take their final names: a bundle on the stick is always one this PC knows
        it wrote (its receipt is accepted); killed before the renames, the next export here forgets it."""
        with db.session() as s:
            s.add(BundleOut(bundle_id=bundle_id, digest=bundle.digest(manifest), peer=peer,
                            ranges_json=json.dumps(ranges), changes=len(changes),
                            files_json=json.dumps([p.name for p in finals]), created_at=_now()))

    try:
        # unique: a bundle already in the folder that carries the same changes (written before, not yet
        # acknowledged, or left by an export killed after its renames) stays; this one is named beside it
        with explained(Path(out_dir), NOT_WRITTEN, BUNDLE_LEFT):  # a full, read-only or pulled stick, in words
            written, _manifest = bundle.write_bundle(Path(out_dir), stem, header,
                                                    [bundle.Member(CHANGES, payload.encode("utf-8")), *files],
                                                    material, recipients, cancel, unique=True, publish=record)
    except BaseException:
        with db.session() as s:
            row = s.get(BundleOut, bundle_id)
            if row is not None:
                s.delete(row)
        raise
    report.advance()
    report.finish()
    return ExportResult(bundle_id, written, len(changes), transactions, len(files))


NOT_WRITTEN = ("chưa ghi được gói dữ liệu", "the bundle was not written")
BUNDLE_LEFT = ("Không có phần nào của gói mang tên chính thức (phần dở dang còn trên ổ được dọn ở lần ghi sau); chưa có "
               "thay đổi nào được đánh dấu là đã gửi.", "No part of the bundle has its final name (what is left on the "
               "stick is removed by the next write); no change is marked as sent.")


def _forget(db: Database, digests: list[str]) -> None:
    """Bundles recorded as written whose files never all reached their final names (taken away by
    bundle.sweep): not sent, so not shown as the last bundle. Their changes were never acknowledged."""
    if not digests:
        return
    with db.session() as s:
        for row in s.scalars(select(BundleOut).where(BundleOut.digest.in_(digests),
                                                     BundleOut.acknowledged_at.is_(None))):
            s.delete(row)


# --- the commune: reading a receipt -----------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptResult:
    bundle_id: str
    status: str
    acknowledged: dict[str, int]
    summary: dict[str, object]
    already: bool


def import_receipt(db: Database, path: Path) -> ReceiptResult:
    """Check the receiver's signature (the province office, or the sibling PC the bundle went to), then
    mark acknowledged exactly what the receipt says it holds."""
    target = enrolment.require_enrolled()
    opened = bundle.read_bundle(bundle.bundle_parts(Path(path)), None, target.root_pem, None, in_memory=lambda n: True)
    body = opened.manifest
    if body.get("kind") != "receipt":
        raise KnownError("Tệp không phải biên nhận.", "The file is not a receipt.")
    bundle_id = str(body.get("bundle_id", ""))
    acknowledged = {str(k): int(v) for k, v in (body.get("acknowledged") or {}).items()}
    with db.session() as s:
        sent = s.get(BundleOut, bundle_id)
        if sent is None:
            raise KnownError("Biên nhận cho một gói máy này không gửi.", "A receipt for a bundle this PC did not send.")
        if sent.peer == PROVINCE and pki_uid(opened.signer) != province.PROVINCE_CODE:
            raise KnownError("Biên nhận không do văn phòng tỉnh ký.", "The receipt is not signed by the province office.")
        if sent.peer != PROVINCE:
            peer = s.get(Peer, sent.peer)
            if peer is None or peer.cert_pem.encode("ascii") != signing.pem(opened.signer):
                raise KnownError("Biên nhận không do máy đã nhận gói ký.",
                                 "The receipt is not signed by the PC the bundle was sent to.")
        already = sent.acknowledged_at is not None
        sent_ranges = json.loads(sent.ranges_json)
        for node, upto in acknowledged.items():
            if node not in sent_ranges:
                continue
            upto = min(upto, sent_ranges[node][1])  # never beyond what this bundle carried
            ack = s.get(Ack, (sent.peer, node))
            if ack is None:
                s.add(Ack(peer=sent.peer, origin_node=node, acked_seq=upto))
            elif ack.acked_seq < upto:
                ack.acked_seq = upto
        if body.get("status") == "applied" and not already:
            sent.acknowledged_at = _now()
            sent.receipt_json = json.dumps(body, ensure_ascii=False)
    return ReceiptResult(bundle_id, str(body.get("status", "")), acknowledged, dict(body.get("summary") or {}),
                         already)


def pki_uid(cert: x509_types.Certificate) -> str:
    return signing.name_parts(cert.subject).get("UID", "")


# --- the commune's other PCs ------------------------------------------------------------------------

CARD_KIND = "peer"


def peer_card(db: Database, passphrase: str) -> bytes:
    """A signed card a sibling PC adds before the two exchange bundles: this PC's device id, its
    encryption recipient, and (in the signature) its province-issued certificate."""
    profile = setup.get_profile(db)
    enrolment.require_enrolled()
    if profile is None:
        raise KnownError("Chưa thiết lập xã, phường.", "The commune is not set up yet.")
    body = {"kind": CARD_KIND, "commune": profile.unit_code, "device": db.clock.node,
            "recipient": enrolment.device_recipient(), "issued_at_utc": _now()}
    return bundle.signed_document(body, keys.load(passphrase))


@dataclass(frozen=True)
class PeerInfo:
    device: str
    unit_code: str
    subject: dict[str, str]
    fingerprint: str


def read_peer_card(db: Database, path: Path) -> tuple[PeerInfo, str, x509_types.Certificate]:
    """A sibling's card, checked: signed by a certificate the province issued to this same commune."""
    target = enrolment.require_enrolled()
    profile = setup.get_profile(db)
    opened = bundle.read_bundle(bundle.bundle_parts(Path(path)), None, target.root_pem, None, in_memory=lambda n: True)
    body = opened.manifest
    if body.get("kind") != CARD_KIND or profile is None:
        raise KnownError("Tệp không phải thẻ máy của PAPI Desktop.", "The file is not a PAPI Desktop PC card.")
    device, commune = str(body.get("device", "")), str(body.get("commune", ""))
    from cryptography import x509  # noqa: PLC0415

    pki.check_commune_cert(opened.signer, x509.load_pem_x509_certificate(target.root_pem), profile.unit_code)
    if commune != profile.unit_code or device == db.clock.node or not device.isalnum():
        raise KnownError("Thẻ máy không phải của một máy khác trong xã này.",
                         "The card is not of another PC of this commune.")
    return (PeerInfo(device, commune, signing.name_parts(opened.signer.subject), province.fingerprint(opened.signer)),
            str(body.get("recipient", "")), opened.signer)


def add_peer(db: Database, path: Path) -> PeerInfo:
    accounts.require(db, "settings")  # which PCs receive the commune's data: an administrator's choice
    info, recipient, cert = read_peer_card(db, path)
    from ..sync import envelope  # noqa: PLC0415

    envelope.recipients_valid([recipient])
    with db.session() as s:
        row = s.get(Peer, info.device)
        if row is None:
            s.add(Peer(device=info.device, unit_code=info.unit_code, recipient=recipient,
                       cert_pem=signing.pem(cert).decode("ascii"), added_at=_now()))
        else:
            row.recipient, row.cert_pem = recipient, signing.pem(cert).decode("ascii")
    return info


def _peer(db: Database, device: str) -> Peer:
    with db.reader() as s:
        row = s.get(Peer, device)
    if row is None:
        raise KnownError(f"Máy {device} chưa có trong danh sách máy của xã: hãy thêm thẻ máy của nó trước.",
                         f"PC {device} is not among the commune's PCs: add its card first.")
    return row


def peers(db: Database) -> list[str]:
    with db.reader() as s:
        return list(s.scalars(select(Peer.device).order_by(Peer.added_at)))


# --- status -----------------------------------------------------------------------------------------

def status(db: Database) -> dict[str, Any]:
    """What the Đồng bộ page and `sync status` show (a JSON object: `sync status --json` prints it)."""
    if province.is_province(db):
        with db.reader() as s:
            rows = s.scalars(select(BundleIn)).all()
        by_status = Counter(r.status for r in rows)
        return {"mode": "province", "bundles": dict(by_status),
                "waiting": [{"bundle_id": r.bundle_id, "commune": r.unit_code, "device": r.device, "status": r.status,
                             "reason": r.reason_vi} for r in rows if r.status in ("held", "fork", "quarantined")]}
    changes = pending(db)
    with db.reader() as s:
        sent = s.scalars(select(BundleOut).where(BundleOut.peer == PROVINCE)
                         .order_by(BundleOut.created_at.desc())).all()
        conflicts = s.scalar(select(func.count()).select_from(Conflict).where(Conflict.status == "open"))
        waiting = s.scalars(select(BundleIn).where(BundleIn.status.in_(("held", "fork", "quarantined")))).all()
    last = sent[0] if sent else None
    last_ack = next((b for b in sent if b.acknowledged_at), None)
    return {"mode": "commune", "enrolled": enrolment.enrolled() is not None, "device": db.clock.node,
            "pending": len(changes), "pending_by_table": dict(Counter(c.table_name for c in changes)),
            "last_bundle": {"bundle_id": last.bundle_id, "created_at": last.created_at, "changes": last.changes}
            if last else None,
            "last_acknowledged": {"bundle_id": last_ack.bundle_id, "at": last_ack.acknowledged_at} if last_ack else None,
            "peers": {p: len(pending(db, p)) for p in peers(db)}, "conflicts": conflicts,
            "waiting": [{"bundle_id": r.bundle_id, "device": r.device, "status": r.status, "reason": r.reason_vi}
                        for r in waiting]}
