"""SQLAlchemy models. Every synced record carries identity, version, clock stamps and a tombstone."""

from __future__ import annotations

import os
import time
import uuid
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

if TYPE_CHECKING:
    from sqlalchemy import Table

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A time-ordered UUID (version 7, RFC 9562): 48 bits of milliseconds, then 74 random bits.

    Unique like uuid4, but consecutive records land next to each other in the primary-key index,
    which keeps bulk imports and the database file compact.
    """
    millis = time.time_ns() // 1_000_000
    value = (millis & ((1 << 48) - 1)) << 80 | int.from_bytes(os.urandom(10), "big") & ((1 << 80) - 1)
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    h = f"{value:032x}"  # formatted by hand: imports make 200,000 of these
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_STATE_NAMESPACE = uuid.UUID("5d0f3b64-8a51-4c1e-9a8e-2f6b7c41d9a3")  # migration 0010 derives the same ids


def state_id(parent_id: str, unit_code: str) -> str:
    """The id of a commune's state of a province record (TaskState, MilestoneState): the same on every
    PC of the commune, different for each commune."""
    return str(uuid.uuid5(_STATE_NAMESPACE, f"{unit_code}/{parent_id}"))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    if TYPE_CHECKING:  # every model here is declared on a Table (DeclarativeBase says FromClause)
        __table__: ClassVar[Table]


class Tracked:
    """Columns every synced record has. The change-log hook (storage/changelog.py) fills them."""

    if TYPE_CHECKING:  # a mixin of mapped classes only (Base declares it for those)
        __tablename__: Any

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    unit_code: Mapped[str] = mapped_column(String(10), default="")
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    created_hlc: Mapped[str] = mapped_column(String(64), default="")
    updated_hlc: Mapped[str] = mapped_column(String(64), default="")
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


def table_of(model: type[Tracked]) -> Table:
    """The Table a synced model is declared on, its __table__ (the mixin cannot declare that: mypy
    wants it the FromClause DeclarativeBase declares)."""
    return cast("Table", sa_inspect(model).local_table)


class CommuneProfile(Tracked, Base):
    """The commune or ward this installation serves, and the officials who sign for it."""

    __tablename__ = "commune_profile"
    unit_name: Mapped[str] = mapped_column(String(200))
    unit_type: Mapped[str] = mapped_column(String(10))  # "xa" | "phuong"
    chairman_name: Mapped[str] = mapped_column(String(200), default="")
    chairman_title: Mapped[str] = mapped_column(String(100), default="Chủ tịch")
    vice_chairman_name: Mapped[str] = mapped_column(String(200), default="")
    vice_chairman_title: Mapped[str] = mapped_column(String(100), default="Phó Chủ tịch")
    officer_name: Mapped[str] = mapped_column(String(200), default="")
    officer_title: Mapped[str] = mapped_column(String(100), default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # The forms of disclosure the law requires "if the commune has one" (Luật 10/2022, Điều 13.3).
    has_loudspeaker: Mapped[bool] = mapped_column(Boolean, default=True)
    has_portal: Mapped[bool] = mapped_column(Boolean, default=False)


class Plan(Tracked, Base):
    __tablename__ = "plan"
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    doc_number: Mapped[str] = mapped_column(String(100), default="")
    doc_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    issuer: Mapped[str] = mapped_column(String(200), default="")
    source_name: Mapped[str] = mapped_column(String(300), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")

    sections: Mapped[list[PlanSection]] = relationship(back_populates="plan", order_by="PlanSection.dimension")
    indicators: Mapped[list[Indicator]] = relationship(back_populates="plan", order_by="[Indicator.position, Indicator.created_hlc, Indicator.id]")


class PlanSection(Tracked, Base):
    """One of the 8 dimension sections of a plan, with its title as the plan wrote it."""

    __tablename__ = "plan_section"
    __table_args__ = (UniqueConstraint("plan_id", "dimension", name="uq_plan_section_dimension"),)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"), index=True)
    dimension: Mapped[int] = mapped_column(Integer)
    numeral: Mapped[str] = mapped_column(String(10), default="")
    title: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="sections")
    tasks: Mapped[list[Task]] = relationship(back_populates="section", order_by="[Task.position, Task.created_hlc, Task.id]")


class Task(Tracked, Base):
    __tablename__ = "task"
    __search_fields__ = ("number", "task", "output", "lead", "coordinators", "deadline_text", "note")
    section_id: Mapped[str] = mapped_column(ForeignKey("plan_section.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    number: Mapped[str] = mapped_column(String(20), default="")
    task: Mapped[str] = mapped_column(Text)
    output: Mapped[str] = mapped_column(Text, default="")
    lead: Mapped[str] = mapped_column(Text, default="")
    coordinators: Mapped[str] = mapped_column(Text, default="")
    deadline_text: Mapped[str] = mapped_column(Text, default="")
    # Unused since migration 0010 (a commune's status and note live in TaskState): kept so that changes
    # logged before it still apply.
    status: Mapped[str] = mapped_column(String(20), default="not_started", index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # Folded copy of the texts for accent-insensitive search; kept by the change-log hook.
    search_text: Mapped[str] = mapped_column(Text, default="")

    section: Mapped[PlanSection] = relationship(back_populates="tasks")
    milestones: Mapped[list[Milestone]] = relationship(back_populates="task", order_by="[Milestone.position, Milestone.created_hlc, Milestone.id]")
    updates: Mapped[list[ProgressUpdate]] = relationship(back_populates="task", order_by="ProgressUpdate.period_code")


class Milestone(Tracked, Base):
    __tablename__ = "milestone"
    task_id: Mapped[str] = mapped_column(ForeignKey("task.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="unspecified")
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # unused since 0010: MilestoneState

    task: Mapped[Task] = relationship(back_populates="milestones")


class TaskState(Tracked, Base):
    """A commune's progress on a task: the province owns the task, each commune its own state of it.

    One row per (task, commune), its id derived from both (state_id), so two PCs of a commune that
    both mark a task make one record that merges field by field, and 75 communes never touch one row."""

    __tablename__ = "task_state"
    __table_args__ = (UniqueConstraint("task_id", "unit_code", name="uq_task_state_task_unit"),)
    __search_fields__ = ("note",)
    task_id: Mapped[str] = mapped_column(ForeignKey("task.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="not_started", index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")  # the note folded, kept by the change-log hook


class MilestoneState(Tracked, Base):
    """A commune's completion of a milestone (one row per milestone and commune, like TaskState)."""

    __tablename__ = "milestone_state"
    __table_args__ = (UniqueConstraint("milestone_id", "unit_code", name="uq_milestone_state_milestone_unit"),)
    milestone_id: Mapped[str] = mapped_column(ForeignKey("milestone.id"), index=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class ProgressUpdate(Tracked, Base):
    """What was done on a task in one reporting period ("2026-H1", "2026-Y")."""

    __tablename__ = "progress_update"
    task_id: Mapped[str] = mapped_column(ForeignKey("task.id"), index=True)
    period_code: Mapped[str] = mapped_column(String(20), index=True)
    result: Mapped[str] = mapped_column(Text, default="")
    reported_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    task: Mapped[Task] = relationship(back_populates="updates")
    evidence: Mapped[list[Evidence]] = relationship(back_populates="update", order_by="Evidence.doc_date")


class Evidence(Tracked, Base):
    """A document proving progress: "Kế hoạch số 22/KH-UBND", its date, a summary, an optional file."""

    __tablename__ = "evidence"
    update_id: Mapped[str] = mapped_column(ForeignKey("progress_update.id"), index=True)
    doc_ref: Mapped[str] = mapped_column(String(200), default="")
    doc_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")

    update: Mapped[ProgressUpdate] = relationship(back_populates="evidence")


class Indicator(Tracked, Base):
    """Chỉ tiêu: name, unit, target as written, responsible body (seed 004, Phụ lục I)."""

    __tablename__ = "indicator"
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(50), default="")
    target: Mapped[str] = mapped_column(String(50), default="")
    responsible: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="indicators")
    values: Mapped[list[IndicatorValue]] = relationship(back_populates="indicator")


class IndicatorValue(Tracked, Base):
    __tablename__ = "indicator_value"
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"), index=True)
    period_code: Mapped[str] = mapped_column(String(20))
    actual: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    indicator: Mapped[Indicator] = relationship(back_populates="values")


class ChangeLog(Base):
    """Append-only: the sync outbox and the audit trail. Triggers forbid UPDATE and DELETE.

    seq is this database's own order. A change is named everywhere by (origin_node, origin_seq): the
    device that made it and its number in that device's gap-free sequence. txn_id groups the changes
    of one unit of work (a visit, its citizens, its petition), which sync never splits. received marks
    a change applied from another device, with the origin's stamps, actor and time kept."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    hlc: Mapped[str] = mapped_column(String(64), index=True)
    unit_code: Mapped[str] = mapped_column(String(10), default="")
    table_name: Mapped[str] = mapped_column(String(50))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(10))  # insert | update | delete (tombstone)
    row_version: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(100), default="")
    at_utc: Mapped[str] = mapped_column(String(32))
    before_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    after_json: Mapped[str] = mapped_column(Text)
    origin_node: Mapped[str] = mapped_column(String(32))
    origin_seq: Mapped[int] = mapped_column(Integer)
    txn_id: Mapped[str] = mapped_column(String(36))
    received: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("ix_change_log_record", "table_name", "record_id"),
        # Duplicates are refused by the database, not checked in Python (SYNC_LESSONS, lesson 2).
        UniqueConstraint("origin_node", "origin_seq", name="uq_change_log_origin_seq"),
    )


class AuditEntry(Base):
    """Append-only, hash-chained: who did what on this database, and which change-log rows each commit
    wrote (storage/audit.py). Triggers forbid UPDATE and DELETE, as on change_log. Local: never synced.

    seq runs 1, 2, 3… with no gap (the writer takes the last one + 1). hash = SHA-256 over prev_hash and
    the entry's other columns (seq excepted) and, through changes_sha256, the covered change-log rows.
    actor is the name the database was opened with; actor_id the account's id once there are accounts
    (issue 13 §1), empty until then. detail_json never holds a citizen's data: records are named by id."""

    __tablename__ = "audit_entry"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at_utc: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(100))
    actor_id: Mapped[str] = mapped_column(String(36))
    node: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(20))  # change | import | export | sign | backup | restore | key | ...
    detail_json: Mapped[str] = mapped_column(Text)
    first_change: Mapped[int | None] = mapped_column(Integer, nullable=True)  # change_log.seq covered, lowest
    last_change: Mapped[int | None] = mapped_column(Integer, nullable=True)
    change_count: Mapped[int] = mapped_column(Integer)
    change_spans: Mapped[str | None] = mapped_column(Text, nullable=True)  # [[lo, hi], …] when not one span
    changes_sha256: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_entry_at_utc", "at_utc"),
        Index("ix_audit_entry_actor", "actor"),
        Index("ix_audit_entry_kind", "kind"),
        Index("ix_audit_entry_last_change", "last_change"),
    )


class Account(Base):
    """A local user of this PC (issue 13 §1): never synced, not in the change log. password_hash is
    services/accounts.py's scrypt string; failed and locked_until hold off repeated guesses."""

    __tablename__ = "account"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)  # casefolded
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))  # domain/roles.py
    password_hash: Mapped[str] = mapped_column(String(300))
    must_change: Mapped[bool] = mapped_column(Boolean)  # set by an admin's reset
    disabled: Mapped[bool] = mapped_column(Boolean)
    failed: Mapped[int] = mapped_column(Integer)  # failed logins since the last success
    locked_until: Mapped[str] = mapped_column(String(32))  # UTC ISO, "" when not locked
    created_at: Mapped[str] = mapped_column(String(32))
    changed_at: Mapped[str] = mapped_column(String(32))
    last_login: Mapped[str] = mapped_column(String(32))


class PersonalKey(Base):
    """The key that seals one record's personal values in the change log (storage.personal_seal). Local to
    the PC, never synced: each database seals its own copy; deleting it erases them (crypto-shredding)."""

    __tablename__ = "personal_key"
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[str] = mapped_column(String(32))


class LocalSetting(Base):
    """Machine-local preferences (language, node id). Not synced, so not in the change log."""

    __tablename__ = "local_setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


TRACKED_MODELS = [
    CommuneProfile, Plan, PlanSection, Task, Milestone, ProgressUpdate, Evidence, Indicator, IndicatorValue,
]

from . import registers as _registers  # noqa: E402,F401 - register the register tables on Base.metadata
from . import reports as _reports  # noqa: E402,F401
from . import sync_state as _sync_state  # noqa: E402,F401
from . import transparency as _transparency  # noqa: E402,F401
