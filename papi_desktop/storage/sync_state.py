"""What this installation knows about sync: certificates it issued (province), bundles it received
and sent, how far each peer has acknowledged, queues a person resolves (held, fork, quarantine,
conflict), and the register of incoming documents. Local state: none of it travels as changes."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, new_id


class Enrolment(Base):
    """A certificate the province issued to one PC of a commune (province side)."""

    __tablename__ = "sync_enrolment"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    unit_code: Mapped[str] = mapped_column(String(10), index=True)
    device: Mapped[str] = mapped_column(String(32))
    serial: Mapped[str] = mapped_column(String(50), unique=True)  # hex: SQLite integers stop at 63 bits
    cert_pem: Mapped[str] = mapped_column(Text)
    recipient: Mapped[str] = mapped_column(String(100), default="")  # the PC's age key, for its siblings
    issued_at: Mapped[str] = mapped_column(String(32))
    not_after: Mapped[str] = mapped_column(String(32))
    revoked_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")


class Peer(Base):
    """Another PC of the same commune this PC exchanges bundles with (commune side)."""

    __tablename__ = "sync_peer"
    device: Mapped[str] = mapped_column(String(32), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(String(100))
    cert_pem: Mapped[str] = mapped_column(Text)
    added_at: Mapped[str] = mapped_column(String(32))


class BundleIn(Base):
    """Every bundle read, once: the same id and digest again is "unchanged" with the same receipt."""

    __tablename__ = "sync_bundle_in"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(10), index=True)
    device: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12))  # applied | held | fork | quarantined
    reason_vi: Mapped[str] = mapped_column(Text, default="")
    reason_en: Mapped[str] = mapped_column(Text, default="")
    manifest_json: Mapped[str] = mapped_column(Text)
    summary_json: Mapped[str] = mapped_column(Text, default="{}")
    receipt: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    kept_file: Mapped[str] = mapped_column(Text, default="")  # a held bundle's encrypted bytes, kept
    received_at: Mapped[str] = mapped_column(String(32))
    applied_at: Mapped[str | None] = mapped_column(String(32), nullable=True)


class BundleRecord(Base):
    """A record a held, forked or quarantined bundle carries a change of: only which one (no values), so
    each record can show it is waiting, with the bundle's reason. Gone once the bundle applies."""

    __tablename__ = "sync_bundle_record"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)

    __table_args__ = (Index("ix_sync_bundle_record_record", "table_name", "record_id"),)


class Waiver(Base):
    """Change numbers of a device a person chose to go on without (a held bundle released early): the
    apply accepts the gap, and the missing changes, should they still arrive, apply late."""

    __tablename__ = "sync_waiver"
    origin_node: Mapped[str] = mapped_column(String(32), primary_key=True)
    first_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
    bundle_id: Mapped[str] = mapped_column(String(36))  # the bundle released
    released_by: Mapped[str] = mapped_column(String(64))
    released_at: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)


class BundleOut(Base):
    """Every bundle this PC wrote, and whether the receiver's receipt came back."""

    __tablename__ = "sync_bundle_out"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    peer: Mapped[str] = mapped_column(String(32))  # "province" or a sibling PC's node id
    ranges_json: Mapped[str] = mapped_column(Text)  # {origin_node: [first, last]}
    changes: Mapped[int] = mapped_column(Integer)
    files_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[str] = mapped_column(String(32))
    acknowledged_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    receipt_json: Mapped[str] = mapped_column(Text, default="")


class Ack(Base):
    """How far a peer has acknowledged the changes of one origin device (sender side)."""

    __tablename__ = "sync_ack"
    peer: Mapped[str] = mapped_column(String(32), primary_key=True)
    origin_node: Mapped[str] = mapped_column(String(32), primary_key=True)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)


class Conflict(Base):
    """The same field edited on two PCs: both values kept until a person chooses."""

    __tablename__ = "sync_conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    local_json: Mapped[str] = mapped_column(Text)
    remote_json: Mapped[str] = mapped_column(Text)
    remote_origin: Mapped[str] = mapped_column(String(48))  # "node:seq"
    bundle_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | resolved
    chosen: Mapped[str] = mapped_column(String(8), default="")  # local | remote
    resolved_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (Index("ix_sync_conflict_open", "status", "table_name", "record_id"),)


class Quarantine(Base):
    """A change that could not be applied, with its reason; visible until someone resolves it."""

    __tablename__ = "sync_quarantine"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    bundle_id: Mapped[str] = mapped_column(String(36), index=True)
    origin: Mapped[str] = mapped_column(String(48))  # "node:seq"
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36))
    reason_vi: Mapped[str] = mapped_column(Text)
    reason_en: Mapped[str] = mapped_column(Text)
    change_json: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(32))


class IncomingDocument(Base):
    """Sổ văn bản đến: each report a commune issued, as it arrived, with the verification verdict."""

    __tablename__ = "sync_incoming_document"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    unit_code: Mapped[str] = mapped_column(String(10), index=True)
    source_id: Mapped[str] = mapped_column(String(36))  # the commune's outgoing_document id
    number_ref: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(Text, default="")
    files_json: Mapped[str] = mapped_column(Text, default="[]")  # [{"name", "sha256"}]
    valid: Mapped[bool] = mapped_column(Boolean, default=False)
    problems_json: Mapped[str] = mapped_column(Text, default="[]")
    bundle_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (UniqueConstraint("unit_code", "source_id", name="uq_sync_incoming_document_source"),)
