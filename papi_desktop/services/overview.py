"""The home screen's list of what is due: petitions' legal steps, plan milestones, dialogue
commitments, required disclosures and the chairman's weekly reception, overdue first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, not_, select

from ..domain.errors import KnownError
from ..domain.limits import LegalLimit, due_date, limit_in_force
from ..domain.period_labels import period_name
from ..storage.db import Database
from ..storage.models import Milestone, PlanSection, Task
from ..storage.registers import Petition, PetitionStep, Reception
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
    out = _petition_entries(db, today, soon, en)
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
        deadline = r.deadline
        if deadline is None or not today - timedelta(days=30) <= deadline <= soon:
            continue
        if r.status in ("due", "missing"):
            # The period as people read it ("Công khai quý I năm 2026"), never its code ("2026-Q1").
            period = period_name(r.subject_period, lang, in_sentence=True)
            title = f"Disclosure, {period}" if en else f"Công khai {period}"
            out.append(DueEntry("disclosure", r.posting_id or "", title,
                                r.name_en if en else r.name_vi, deadline, deadline < today))
    week_start = today - timedelta(days=today.weekday())
    if reception.weeks_without_periodic(db, week_start - timedelta(days=7), week_start - timedelta(days=1)):
        out.append(DueEntry(
            "reception", "", "Periodic reception" if en else "Tiếp công dân định kỳ",
            "Last week the chairman held no periodic reception (at least one day a week)" if en else
            "Tuần trước Chủ tịch UBND chưa có buổi tiếp công dân định kỳ (ít nhất 01 ngày/tuần)",
            week_start - timedelta(days=1), True))
    return sorted(out, key=lambda e: (not e.overdue, e.due))


def _petition_entries(db: Database, today: date, soon: date, en: bool) -> list[DueEntry]:
    """Each open petition's next legal step due by soon, as petitions.due_items() finds it, but from
    plain rows of what is open (not an ORM object per petition) and one due date per distinct start
    day, limit and case: 20,000 open petitions share a few hundred of them."""
    limits: list[LegalLimit] = list(reference.legal_limits())
    cal = reference.working_calendar()
    is_open = and_(Petition.deleted.is_(False), Petition.closed_on.is_(None))
    with db.connection() as conn:
        pets = conn.execute(
            select(Petition.id, Petition.register_no, Petition.sender, Petition.content_class, Petition.received_on,
                   Petition.eligible, Petition.within_authority, Petition.remote_area, Petition.complex_case,
                   Reception.received_on.label("reception_day"))
            .outerjoin(Reception, Reception.id == Petition.reception_id).where(is_open)).all()
        steps: dict[str, list] = {}
        for row in conn.execute(select(PetitionStep.petition_id, PetitionStep.kind, PetitionStep.done_on)
                                .join(Petition, Petition.id == PetitionStep.petition_id)
                                .where(is_open, PetitionStep.deleted.is_(False))):
            steps.setdefault(row.petition_id, []).append(row)
    dues: dict[tuple[str, date, bool, bool], tuple[date, LegalLimit] | None] = {}

    def step_due(code: str, start: date, remote: bool, complex_case: bool) -> tuple[date, LegalLimit] | None:
        key = (code, start, remote, complex_case)
        if key not in dues:
            try:
                limit = limit_in_force(limits, code, start)
            except KnownError:
                dues[key] = None  # no such limit in force on that day (a rule from 2026 on an older petition)
            else:
                dues[key] = (due_date(limit, start, cal, remote=remote, complex_case=complex_case), limit)
        return dues[key]

    def next_due(pet: Any, done: list) -> tuple[date, LegalLimit] | None:
        owed = [d for code, start in petitions._pending(pet, done, pet.reception_day)  # noqa: SLF001 - the register's rule of what is owed
                if (d := step_due(code, start, pet.remote_area, pet.complex_case)) is not None]
        return min(owed, key=lambda d: d[0]) if owed else None  # the first of the earliest, as due_items()

    # A petition with no step yet owes what its facts and its day say: one answer per such case.
    unprocessed: dict[tuple, tuple[date, LegalLimit] | None] = {}
    found: list[tuple[date, str, DueEntry]] = []
    label = "Petition" if en else "Đơn"
    for pet in pets:
        done = steps.get(pet.id)
        if done:
            best = next_due(pet, done)
        else:
            case = (pet.content_class, pet.eligible, pet.within_authority, pet.remote_area, pet.complex_case,
                    pet.received_on, pet.reception_day)
            if case not in unprocessed:
                unprocessed[case] = next_due(pet, [])
            best = unprocessed[case]
        if best is None:
            continue
        due, limit = best
        if due <= soon:
            found.append((due, pet.register_no, DueEntry(
                "petition", pet.id, f"{label} {pet.register_no} — {pet.sender}".strip(" —"),
                limit.name_en if en else limit.name_vi, due, due < today)))
    found.sort(key=lambda f: (f[0], f[1]))
    return [f[2] for f in found]
