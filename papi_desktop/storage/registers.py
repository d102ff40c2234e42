"""Models of the accountability registers: citizen reception book, petitions, dialogues."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base, Tracked


class Reception(Tracked, Base):
    """One visit in the Sổ tiếp công dân (Mẫu 03/TCD), plus the reception type and who received."""

    __tablename__ = "reception"
    # By commune and date: the province holds every commune's book (migration 0016).
    __table_args__ = (Index("ix_reception_unit_received", "unit_code", "received_on"),)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    reception_type: Mapped[str] = mapped_column(String(10), default="regular")  # regular | periodic | adhoc
    receiver: Mapped[str] = mapped_column(String(200), default="")
    people_count: Mapped[int] = mapped_column(Integer, default=1)
    summary: Mapped[str] = mapped_column(Text, default="")
    classes: Mapped[str] = mapped_column(String(100), default="")  # "khieu_nai,kien_nghi"
    prior_authorities: Mapped[str] = mapped_column(Text, default="")
    direction: Mapped[str] = mapped_column(String(10), default="")  # accept | guide | forward | ""
    direction_target: Mapped[str] = mapped_column(Text, default="")
    direction_doc: Mapped[str] = mapped_column(String(200), default="")
    followup: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Folded names, addresses and content; set by services.reception (it spans the citizens too).
    search_text: Mapped[str] = mapped_column(Text, default="")

    citizens: Mapped[list[ReceptionCitizen]] = relationship(back_populates="reception",
                                                            order_by="ReceptionCitizen.position")


class ReceptionCitizen(Tracked, Base):
    __tablename__ = "reception_citizen"
    # (visit, position) serves both lookups by visit and the citizens of a list page in order.
    __table_args__ = (Index("ix_reception_citizen_visit_position", "reception_id", "position"),)
    reception_id: Mapped[str] = mapped_column(ForeignKey("reception.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")
    id_number: Mapped[str] = mapped_column(String(50), default="")
    id_kind: Mapped[str] = mapped_column(String(20), default="cccd")  # cccd | passport | other
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    is_representative: Mapped[bool] = mapped_column(Boolean, default=False)

    reception: Mapped[Reception] = relationship(back_populates="citizens")


class Petition(Tracked, Base):
    """A petition (đơn) in the register, from any source, with the facts its legal limits depend on."""

    __tablename__ = "petition"
    __table_args__ = (Index("ix_petition_unit_received", "unit_code", "received_on"),)
    __search_fields__ = ("register_no", "sender", "sender_address", "content", "result")
    register_no: Mapped[str] = mapped_column(String(20), default="")
    source: Mapped[str] = mapped_column(String(20), default="reception")  # reception|post|portal|forwarded|mailbox
    received_on: Mapped[date] = mapped_column(Date, index=True)
    sender: Mapped[str] = mapped_column(String(200), default="")
    sender_address: Mapped[str] = mapped_column(Text, default="")
    sender_id_number: Mapped[str] = mapped_column(String(50), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    content_class: Mapped[str] = mapped_column(String(20), default="kien_nghi")  # khieu_nai|to_cao|kien_nghi|nhieu_nd
    eligible: Mapped[bool] = mapped_column(Boolean, default=True)  # đủ điều kiện xử lý
    within_authority: Mapped[bool] = mapped_column(Boolean, default=True)
    remote_area: Mapped[bool] = mapped_column(Boolean, default=False)
    complex_case: Mapped[bool] = mapped_column(Boolean, default=False)
    reception_id: Mapped[str | None] = mapped_column(ForeignKey("reception.id"), nullable=True, index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    result: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    steps: Mapped[list[PetitionStep]] = relationship(back_populates="petition", order_by="PetitionStep.done_on")


class PetitionStep(Tracked, Base):
    """A processing document or event: proposal to accept, transfer slip, guidance, acceptance, resolution, reply."""

    __tablename__ = "petition_step"
    petition_id: Mapped[str] = mapped_column(ForeignKey("petition.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # propose|transfer|guide|accept|resolve|reply|file
    done_on: Mapped[date] = mapped_column(Date)
    doc_number: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    petition: Mapped[Petition] = relationship(back_populates="steps")


class Dialogue(Tracked, Base):
    """A dialogue conference with the people (yearly with the Fatherland Front, or another)."""

    __tablename__ = "dialogue"
    __table_args__ = (Index("ix_dialogue_unit_held", "unit_code", "held_on"),)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="annual")  # annual | other
    title: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(Text, default="")
    chair: Mapped[str] = mapped_column(String(200), default="")
    co_organiser: Mapped[str] = mapped_column(String(200), default="")
    secretary: Mapped[str] = mapped_column(String(200), default="")
    started_at: Mapped[str] = mapped_column(String(10), default="")  # "08:00"
    ended_at: Mapped[str] = mapped_column(String(10), default="")
    attendance_json: Mapped[str] = mapped_column(Text, default="{}")  # {"Đại biểu": 12, "Nhân dân": 85}
    topics: Mapped[str] = mapped_column(Text, default="")

    issues: Mapped[list[DialogueIssue]] = relationship(back_populates="dialogue", order_by="[DialogueIssue.position, DialogueIssue.created_hlc, DialogueIssue.id]")


class DialogueIssue(Tracked, Base):
    __tablename__ = "dialogue_issue"
    dialogue_id: Mapped[str] = mapped_column(ForeignKey("dialogue.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    raised_by: Mapped[str] = mapped_column(String(200), default="")  # empty: anonymous
    village: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(100), default="")
    answered_by: Mapped[str] = mapped_column(String(200), default="")
    answer: Mapped[str] = mapped_column(Text, default="")

    dialogue: Mapped[Dialogue] = relationship(back_populates="issues")
    commitments: Mapped[list[Commitment]] = relationship(back_populates="issue")


class Commitment(Tracked, Base):
    __tablename__ = "commitment"
    issue_id: Mapped[str] = mapped_column(ForeignKey("dialogue_issue.id"), index=True)
    content: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    issue: Mapped[DialogueIssue] = relationship(back_populates="commitments")
    followups: Mapped[list[CommitmentFollowup]] = relationship(back_populates="commitment",
                                                              order_by="CommitmentFollowup.noted_on")


class CommitmentFollowup(Tracked, Base):
    __tablename__ = "commitment_followup"
    commitment_id: Mapped[str] = mapped_column(ForeignKey("commitment.id"), index=True)
    noted_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)

    commitment: Mapped[Commitment] = relationship(back_populates="followups")


REGISTER_MODELS = [Reception, ReceptionCitizen, Petition, PetitionStep, Dialogue, DialogueIssue, Commitment,
                   CommitmentFollowup]
