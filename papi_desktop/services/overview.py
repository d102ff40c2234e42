"""The home screen's list of what is due: petitions' legal steps, plan milestones, dialogue
commitments, required disclosures and the chairman's weekly reception, overdue first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import not_, select

from ..storage.db import Database
from ..storage.models import Milestone, PlanSection, Task
from . import compliance, dialogues, petitions, reception, reference, task_state


@dataclass(frozen=True)
class DueEntry:
    kind: str  # petition | milestone | commitment | reception | disclosure
    ref_id: str
    title: str
    detail: str
    due: date
    overdue: bool


def due_entries(db: Database, today: date, soon_days: int | None = None, lang: str = "vi") -> list[DueEntry]:
    """Everything overdue or due within soon_days (reference data: due_soon_days), overdue first."""
    en = lang == "en"
    soon = today + timedelta(days=int(soon_days if soon_days is not None else reference.threshold("due_soon_days")))
    out: list[DueEntry] = []
    for item in petitions.due_items(db, today):
        if item.due <= soon:
            label = "Petition" if en else "Đơn"
            out.append(DueEntry("petition", item.petition_id, f"{label} {item.register_no} — {item.sender}".strip(" —"),
                                item.step_name_en if en else item.step_name_vi, item.due, item.overdue))
    unit = db.unit_code
    with db.reader() as s:
        rows = s.execute(task_state.with_state(
            select(Milestone.id, Milestone.text, Milestone.due, Task.number, PlanSection.dimension, Task.id)
            .join(Task, Milestone.task_id == Task.id).join(PlanSection, Task.section_id == PlanSection.id), unit)
            .where(Milestone.deleted.is_(False), Task.deleted.is_(False), not_(task_state.milestone_done(unit)),
                   Milestone.due.is_not(None), Milestone.due <= soon, task_state.status_column() != task_state.DONE)
        ).all()
    for _mid, text, due, number, dim, task_id in rows:
        out.append(DueEntry("milestone", task_id, f"{'Task' if en else 'Nhiệm vụ'} {dim}.{number}", text, due,
                            due < today))
    for c in dialogues.open_commitments(db, today):
        if c.due is not None and c.due <= soon:
            label = "Dialogue commitment" if en else "Cam kết đối thoại"
            out.append(DueEntry("commitment", c.id, f"{label} {c.held_on:%d/%m/%Y}", f"{c.content} ({c.owner})",
                                c.due, c.overdue))
    for r in compliance.check_year(db, today.year, today):
        # Disclosures due soon, and those missed within the last month (older ones live on the dashboard).
        recent = r.deadline is not None and today - timedelta(days=30) <= r.deadline <= soon
        if recent and r.status in ("due", "missing"):
            label = "Disclosure" if en else "Công khai"
            out.append(DueEntry("disclosure", r.posting_id or "", f"{label} {r.subject_period}",
                                r.name_en if en else r.name_vi, r.deadline, r.deadline < today))
    week_start = today - timedelta(days=today.weekday())
    if reception.weeks_without_periodic(db, week_start - timedelta(days=7), week_start - timedelta(days=1)):
        out.append(DueEntry(
            "reception", "", "Periodic reception" if en else "Tiếp công dân định kỳ",
            "Last week the chairman held no periodic reception (at least one day a week)" if en else
            "Tuần trước Chủ tịch UBND chưa có buổi tiếp công dân định kỳ (ít nhất 01 ngày/tuần)",
            week_start - timedelta(days=1), True))
    return sorted(out, key=lambda e: (not e.overdue, e.due))
