"""Models of public disclosure: villages, postings (places, forms, evidence, feedback), budget tables,
poverty reviews and households, and the communication log."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base, Tracked


class Village(Tracked, Base):
    """A thôn, bản or tổ dân phố: each has a cultural house where disclosures are posted."""

    __tablename__ = "village"
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="ban")  # ban | thon | to_dan_pho
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Posting(Tracked, Base):
    """One disclosure: what, from which document, for which period, posted when and where."""

    __tablename__ = "posting"
    __search_fields__ = ("title", "doc_number", "issuer", "notes")
    kind: Mapped[str] = mapped_column(String(40), index=True)  # a code of disclosure_rules.json
    subject_period: Mapped[str] = mapped_column(String(20), default="", index=True)  # "2026", "2026-Q1", "2026-H1"
    title: Mapped[str] = mapped_column(Text, default="")
    doc_number: Mapped[str] = mapped_column(String(100), default="")
    doc_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # the deadline runs from it
    issuer: Mapped[str] = mapped_column(String(200), default="")
    start_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # None: not posted yet
    end_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # None: still posted
    feedback_to: Mapped[str] = mapped_column(String(300), default="")
    feedback_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    budget_table_id: Mapped[str | None] = mapped_column(ForeignKey("budget_table.id"), nullable=True)
    poverty_review_id: Mapped[str | None] = mapped_column(ForeignKey("poverty_review.id"), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    places: Mapped[list[PostingPlace]] = relationship(back_populates="posting", order_by="PostingPlace.position")
    channels: Mapped[list[PostingChannel]] = relationship(back_populates="posting")
    attachments: Mapped[list[PostingAttachment]] = relationship(back_populates="posting")
    feedback: Mapped[list[PostingFeedback]] = relationship(back_populates="posting",
                                                           order_by="PostingFeedback.received_on")


class PostingPlace(Tracked, Base):
    """Where a disclosure hangs: the commune seat, a village's cultural house, or elsewhere.
    Its own dates only when they differ from the posting's (a far village posted a day later)."""

    __tablename__ = "posting_place"
    posting_id: Mapped[str] = mapped_column(ForeignKey("posting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    place: Mapped[str] = mapped_column(String(10))  # seat | village | other
    village_id: Mapped[str | None] = mapped_column(ForeignKey("village.id"), nullable=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    start_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    posting: Mapped[Posting] = relationship(back_populates="places")


class PostingChannel(Tracked, Base):
    """A form used besides the notice board: loudspeaker, portal, village meeting, written notice, …"""

    __tablename__ = "posting_channel"
    posting_id: Mapped[str] = mapped_column(ForeignKey("posting.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    start_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")

    posting: Mapped[Posting] = relationship(back_populates="channels")


class PostingAttachment(Tracked, Base):
    """Evidence: a photo, the posting minutes, the end-of-posting minutes (file kept under its SHA-256)."""

    __tablename__ = "posting_attachment"
    posting_id: Mapped[str] = mapped_column(ForeignKey("posting.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="photo")  # photo | start_minutes | end_minutes | other
    caption: Mapped[str] = mapped_column(Text, default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")

    posting: Mapped[Posting] = relationship(back_populates="attachments")


class PostingFeedback(Tracked, Base):
    """An opinion received during the posting and how it was answered."""

    __tablename__ = "posting_feedback"
    posting_id: Mapped[str] = mapped_column(ForeignKey("posting.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    sender: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    posting: Mapped[Posting] = relationship(back_populates="feedback")


class BudgetTable(Tracked, Base):
    """One budget form of one year and stage (Biểu 105/CK TC-NSNN, or a province template)."""

    __tablename__ = "budget_table"
    year: Mapped[int] = mapped_column(Integer, index=True)
    stage: Mapped[str] = mapped_column(String(30))  # estimate_submitted | … | final_accounts
    form_code: Mapped[str] = mapped_column(String(30), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    columns_json: Mapped[str] = mapped_column(Text, default="[]")  # [{"key": "c1", "name": "Dự toán"}]
    doc_number: Mapped[str] = mapped_column(String(100), default="")
    doc_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    source_name: Mapped[str] = mapped_column(String(300), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")

    lines: Mapped[list[BudgetLine]] = relationship(back_populates="table", order_by="BudgetLine.position")


class BudgetLine(Tracked, Base):
    __tablename__ = "budget_line"
    table_id: Mapped[str] = mapped_column(ForeignKey("budget_table.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(20), default="")  # STT as printed: "A", "I", "1", "1.1", "a", "-"
    name: Mapped[str] = mapped_column(Text)
    values_json: Mapped[str] = mapped_column(Text, default="{}")  # {"c1": 1234567} in đồng

    table: Mapped[BudgetTable] = relationship(back_populates="lines")


class PovertyReview(Tracked, Base):
    """The yearly review of poor and near-poor households and its steps."""

    __tablename__ = "poverty_review"
    year: Mapped[int] = mapped_column(Integer, index=True)
    standard: Mapped[str] = mapped_column(String(20))  # a code of poverty_standards.json
    listed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recheck_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decision_number: Mapped[str] = mapped_column(String(100), default="")
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # final recognition: the list is frozen
    source_name: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    households: Mapped[list[PovertyHousehold]] = relationship(back_populates="review",
                                                              order_by="[PovertyHousehold.position, PovertyHousehold.created_hlc, PovertyHousehold.id]")
    objections: Mapped[list[PovertyObjection]] = relationship(back_populates="review",
                                                              order_by="PovertyObjection.received_on")


class PovertyHousehold(Tracked, Base):
    __tablename__ = "poverty_household"
    __search_fields__ = ("head_name", "village", "notes")
    review_id: Mapped[str] = mapped_column(ForeignKey("poverty_review.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    head_name: Mapped[str] = mapped_column(String(200))
    id_number: Mapped[str] = mapped_column(String(50), default="")
    village: Mapped[str] = mapped_column(String(200), default="")
    ethnicity: Mapped[str] = mapped_column(String(50), default="")
    members: Mapped[int] = mapped_column(Integer, default=1)
    area: Mapped[str] = mapped_column(String(10), default="rural")  # rural | urban
    income: Mapped[int | None] = mapped_column(Integer, nullable=True)  # đồng per person per month
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)  # Phiếu B score, when used
    deprivations: Mapped[str] = mapped_column(String(300), default="")  # indicator codes, comma-separated
    deprivation_count: Mapped[int | None] = mapped_column(Integer, nullable=True)  # when only the count is known
    preliminary_class: Mapped[str] = mapped_column(String(20))  # ngheo | can_ngheo | thoat_ngheo | thoat_can_ngheo
    final_class: Mapped[str] = mapped_column(String(20), default="")  # set by the re-check and the decision
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    review: Mapped[PovertyReview] = relationship(back_populates="households")


class PovertyObjection(Tracked, Base):
    """An objection raised while the list was posted, and its re-check (phúc tra)."""

    __tablename__ = "poverty_objection"
    review_id: Mapped[str] = mapped_column(ForeignKey("poverty_review.id"), index=True)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("poverty_household.id"), nullable=True)
    received_on: Mapped[date] = mapped_column(Date)
    sender: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    rechecked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    result: Mapped[str] = mapped_column(Text, default="")
    class_after: Mapped[str] = mapped_column(String(20), default="")  # the class the re-check found

    review: Mapped[PovertyReview] = relationship(back_populates="objections")


class NewsItem(Tracked, Base):
    """An article or news item the commune published (portal, commune page, loudspeaker, Zalo)."""

    __tablename__ = "news_item"
    __search_fields__ = ("title", "link", "notes")
    published_on: Mapped[date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(30))  # provincial_portal | commune_page | loudspeaker | zalo | other
    title: Mapped[str] = mapped_column(Text)
    link: Mapped[str] = mapped_column(Text, default="")
    topic: Mapped[str] = mapped_column(String(30), default="other")  # admin_reform | papi | other
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
