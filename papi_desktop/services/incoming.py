"""The province's register of incoming documents (sổ văn bản đến): every report a commune issued,
as it arrived in a bundle, verified (every signature, the chain to the province's root) and entered
with its number, date, sender and verdict. A report that fails is kept and flagged, never silently
accepted."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from ..exports import signing
from ..storage.reports import OutgoingDocument
from ..storage.sync_state import IncomingDocument
from ..sync.changes import Change
from .attachments import attachment_path


def _verdict(files: list[dict[str, str]], trusted: list[bytes]) -> tuple[bool, list[str]]:
    """Every file present and every signature valid and trusted; the problems in Vietnamese."""
    by_name = {f["name"]: attachment_path(f["sha256"], f["name"]) for f in files}
    problems: list[str] = []
    if not files:
        return False, ["Văn bản không kèm tệp nào."]
    for name, path in by_name.items():
        if path is None:
            problems.append(f"Không nhận được tệp {name}.")
            continue
        if name.endswith(".pdf"):
            check = signing.verify_pdf(path, trusted)
        elif name.endswith(".xlsx"):
            sig = by_name.get(name + ".p7s")
            if sig is None:
                problems.append(f"Tệp {name} không có chữ ký .p7s.")
                continue
            check = signing.verify_detached(path, sig, trusted)
        else:
            continue
        if not check.ok:
            problems.extend(f"{name}: {vi}" for vi, _en in check.problems)
    return not problems, problems


def register(s, changes: list[Change], unit_code: str, bundle_id: str, root_pem: bytes) -> int:  # noqa: ANN001
    """Enter the issued reports among changes, in the caller's transaction; returns how many."""
    entered = 0
    for record_id in dict.fromkeys(c.record_id for c in changes if c.table_name == "outgoing_document"):
        doc = s.get(OutgoingDocument, record_id)  # as it stands after the bundle: an update logs only what changed
        if doc is None or doc.status != "issued":
            continue
        files = json.loads(doc.files_json or "[]")
        valid, problems = _verdict(files, [root_pem])
        row = s.scalar(select(IncomingDocument).where(IncomingDocument.unit_code == unit_code,
                                                      IncomingDocument.source_id == record_id))
        if row is None:
            row = IncomingDocument(unit_code=unit_code, source_id=record_id)
            s.add(row)
        row.number_ref = f"{doc.number:02d}/{doc.symbol}"
        row.issued_on, row.kind, row.title = doc.issued_on.isoformat(), doc.kind, doc.title
        row.files_json, row.valid = json.dumps(files, ensure_ascii=False), valid
        row.problems_json = json.dumps(problems, ensure_ascii=False)
        row.bundle_id, row.received_at = bundle_id, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        entered += 1
    return entered


@dataclass(frozen=True)
class IncomingInfo:
    unit_code: str
    number_ref: str
    issued_on: str
    kind: str
    title: str
    valid: bool
    problems: list[str]
    files: list[str]
    received_at: str


def incoming(db, unit_code: str | None = None, limit: int | None = None) -> list[IncomingInfo]:  # noqa: ANN001
    """Newest first; limit: the newest so many (a screen's list)."""
    with db.reader() as s:
        stmt = select(IncomingDocument).order_by(IncomingDocument.received_at.desc())
        if unit_code:
            stmt = stmt.where(IncomingDocument.unit_code == unit_code)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [IncomingInfo(r.unit_code, r.number_ref, r.issued_on, r.kind, r.title, r.valid,
                             json.loads(r.problems_json), [f["name"] for f in json.loads(r.files_json)],
                             r.received_at) for r in s.scalars(stmt)]
