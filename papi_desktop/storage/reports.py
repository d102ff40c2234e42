"""The register of outgoing documents: every number a report took, so a number is never used twice."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, Tracked


class OutgoingDocument(Tracked, Base):
    """Sổ đăng ký văn bản đi: numbers run from 01 each year across the unit's documents (Nghị định
    30/2020, Điều 15); a number stays taken even when its export failed or was withdrawn."""

    __tablename__ = "outgoing_document"
    __table_args__ = (UniqueConstraint("unit_code", "year", "number", name="uq_outgoing_document_number"),)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    symbol: Mapped[str] = mapped_column(String(30))  # "BC-UBND", "BB-UBND", "TB-UBND"
    issued_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30))  # report kind
    title: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="reserved")  # reserved | issued | cancelled
    signed: Mapped[bool] = mapped_column(Boolean, default=False)
    files_json: Mapped[str] = mapped_column(Text, default="[]")  # [{"name": …, "sha256": …}]
    # The change-log position (change_log.seq) whose state the content shows: every record at or before it
    # is as the document saw it (a later edit is a later version in the log, services/record_history).
    built_from_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
