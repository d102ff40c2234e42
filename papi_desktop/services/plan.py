"""The commune's plan: tasks by dimension, filters, search, editing, milestones, summary."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from ..domain.deadlines import parse_deadline
from ..domain.errors import KnownError
from ..domain.status import TaskStatus, effective_status, is_overdue
from ..domain.text import fold, nfc
from ..storage.db import Database
from ..storage.models import Milestone, Plan, PlanSection, Task, TaskState
from . import positions, reference, task_state
from .common import live, tombstone
from .task_state import status_column, unit_of, with_state

CONTENT_FIELDS = ("number", "task", "output", "lead", "coordinators", "deadline_text")  # the plan's owner's
STATE_FIELDS = ("status", "note")  # the commune's own (services/task_state)
TASK_FIELDS = CONTENT_FIELDS + STATE_FIELDS
STATUSES = tuple(s.value for s in TaskStatus)


@dataclass(frozen=True)
class PlanInfo:
    id: str
    year: int
    title: str
    doc_number: str
    doc_date: date | None
    issuer: str


@dataclass(frozen=True)
class TaskFilter:
    plan_id: str
    dimension: int | None = None
    status: str | None = None  # a stored status or "overdue"
    lead: str | None = None
    overdue_only: bool = False
    search: str = ""


@dataclass(frozen=True)
class TaskRow:
    id: str
    dimension: int
    number: str
    task: str
    output: str
    lead: str
    coordinators: str
    deadline_text: str
    status: str
    overdue: bool
    next_due: date | None

    @property
    def shown_status(self) -> str:
        return effective_status(self.status, self.overdue)


@dataclass(frozen=True)
class MilestoneInfo:
    id: str
    text: str
    due: date | None
    kind: str
    done_on: date | None


@dataclass
class TaskDetail:
    row: TaskRow
    note: str
    milestones: list[MilestoneInfo] = field(default_factory=list)
    editable: bool = True  # its text, lead and deadline: False for the province's tasks on a commune's PC


@dataclass(frozen=True)
class DimensionSummary:
    dimension: int
    name: str
    total: int
    done: int
    in_progress: int
    not_started: int
    overdue: int

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def _plan_info(plan: Plan) -> PlanInfo:
    return PlanInfo(plan.id, plan.year, plan.title, plan.doc_number, plan.doc_date, plan.issuer)


def list_plans(db: Database) -> list[PlanInfo]:
    with db.reader() as s:
        plans = s.scalars(live(select(Plan), Plan).order_by(Plan.year.desc())).all()
        return [_plan_info(p) for p in plans]


def current_plan(db: Database, year: int | None = None) -> PlanInfo | None:
    plans = list_plans(db)
    if year is not None:
        plans = [p for p in plans if p.year == year]
    return plans[0] if plans else None


def task_ids(db: Database, flt: TaskFilter, today: date) -> list[str]:
    """Ids in plan order for the filter: the cheap projection lazy table models hold."""
    stmt = (
        select(Task.id)
        .join(PlanSection, Task.section_id == PlanSection.id)
        .where(PlanSection.plan_id == flt.plan_id, Task.deleted.is_(False), PlanSection.deleted.is_(False))
        .order_by(PlanSection.dimension, *positions.order(Task))
    )
    unit = db.unit_code
    stmt = with_state(stmt, unit)
    if flt.dimension:
        stmt = stmt.where(PlanSection.dimension == flt.dimension)
    if flt.status == "overdue" or flt.overdue_only:
        stmt = stmt.where(task_state.overdue_clause(today, unit))
    elif flt.status:
        stmt = stmt.where(status_column() == flt.status)
    if flt.lead:
        stmt = stmt.where(Task.lead == flt.lead)
    for word in fold(flt.search).split():  # the task's texts, or the commune's note on it
        stmt = stmt.where(or_(Task.search_text.contains(word, autoescape=True),
                              TaskState.search_text.contains(word, autoescape=True)))
    with db.reader() as s:
        return list(s.scalars(stmt))


def _milestones_by_task(s: Session, ids: list[str]) -> dict[str, list[Milestone]]:
    out: dict[str, list[Milestone]] = defaultdict(list)
    rows = s.scalars(
        select(Milestone).where(Milestone.task_id.in_(ids), Milestone.deleted.is_(False))
        .order_by(*positions.order(Milestone))
    )
    for m in rows:
        out[m.task_id].append(m)
    return out


def _row(task: Task, dimension: int, status: str, milestones: list[tuple[Milestone, date | None]],
         today: date) -> TaskRow:
    pending = [m.due for m, done in milestones if m.due is not None and done is None]
    return TaskRow(
        id=task.id, dimension=dimension, number=task.number, task=task.task, output=task.output,
        lead=task.lead, coordinators=task.coordinators, deadline_text=task.deadline_text,
        status=status, overdue=is_overdue(status, [(m.due, done) for m, done in milestones], today),
        next_due=min(pending) if pending else None,
    )


def _with_done(s: Session, ms: dict[str, list[Milestone]], unit: str) -> dict[str, list[tuple[Milestone, date | None]]]:
    done = task_state.done_dates(s, [m.id for group in ms.values() for m in group], unit)
    return {task_id: [(m, done.get(m.id)) for m in group] for task_id, group in ms.items()}


def task_rows(db: Database, ids: list[str], today: date) -> list[TaskRow]:
    """Rows for a page of ids, in the order of ids."""
    if not ids:
        return []
    with db.reader() as s:
        found = s.execute(
            select(Task, PlanSection.dimension).join(PlanSection, Task.section_id == PlanSection.id)
            .where(Task.id.in_(ids))
        ).all()
        unit = unit_of(s)
        ms = _with_done(s, _milestones_by_task(s, ids), unit)
        state = task_state.states(s, ids, unit)
        by_id = {t.id: _row(t, dim, _status(state, t.id), ms.get(t.id, []), today) for t, dim in found}
    return [by_id[i] for i in ids if i in by_id]


def _status(states: dict[str, TaskState], task_id: str) -> str:
    row = states.get(task_id)
    return row.status if row is not None else task_state.NOT_STARTED


def list_tasks(db: Database, flt: TaskFilter, today: date) -> list[TaskRow]:
    return task_rows(db, task_ids(db, flt, today), today)


def task_detail(db: Database, task_id: str, today: date) -> TaskDetail:
    with db.reader() as s:
        task = _get_task(s, task_id)
        dim = task.section.dimension
        unit = unit_of(s)
        ms = _with_done(s, _milestones_by_task(s, [task_id]), unit).get(task_id, [])
        state = task_state.states(s, [task_id], unit).get(task_id)
        return TaskDetail(
            row=_row(task, dim, state.status if state else task_state.NOT_STARTED, ms, today),
            note=state.note if state else "",
            milestones=[MilestoneInfo(m.id, m.text, m.due, m.kind, done) for m, done in ms],
            editable=editable(s, task),
        )


def _get_task(s: Session, task_id: str) -> Task:
    task = s.get(Task, task_id)
    if task is None or task.deleted:
        raise KnownError("Nhiệm vụ không còn tồn tại (có thể đã bị xóa).", "The task no longer exists (maybe deleted).")
    return task


def replace_milestones(s: Session, task: Task, deadline_text: str, year: int | None) -> None:
    """Re-derive milestones from the deadline text, keeping completion of unchanged items."""
    old = {m.text: m for m in s.scalars(select(Milestone).where(Milestone.task_id == task.id,
                                                                Milestone.deleted.is_(False)))}
    parsed = parse_deadline(deadline_text, year)
    keep = {p.text for p in parsed}
    for text, m in old.items():
        if text not in keep:
            tombstone(m)
    for pos, p in enumerate(parsed):
        kept = old.get(p.text)
        if kept is None:
            s.add(Milestone(task_id=task.id, position=pos, text=p.text, due=p.due, kind=p.kind.value))
        else:
            if kept.position != pos:
                kept.position = pos
            if kept.due != p.due:
                kept.due = p.due
            if kept.kind != p.kind.value:
                kept.kind = p.kind.value


def _validate(fields: dict[str, object]) -> dict[str, str]:
    unknown = set(fields) - set(TASK_FIELDS)
    if unknown:
        raise KnownError(f"Trường không hợp lệ: {', '.join(sorted(unknown))}.", f"Unknown fields: {sorted(unknown)}.")
    clean = {k: nfc(str(v)) if v is not None else "" for k, v in fields.items()}
    if "status" in clean and clean["status"] not in STATUSES:
        raise KnownError(
            "Trạng thái phải là: chưa thực hiện, đang thực hiện hoặc đã hoàn thành.",
            "Status must be not started, in progress or done.",
        )
    if "task" in clean and not clean["task"]:
        raise KnownError("Hãy nhập nội dung nhiệm vụ; không để trống.", "Enter the task text; it cannot be empty.")
    return clean


def editable(s: Session, task: Task) -> bool:
    """A task's content belongs to the plan's owner: the province edits its own plan, a commune the
    plan it imported itself; a commune's status and note are always its own."""
    return task.unit_code == unit_of(s)


_PROVINCE_TASK = ("Nhiệm vụ này thuộc kế hoạch của tỉnh: chỉ tỉnh sửa nội dung, đơn vị, thời hạn và các mốc. "
                  "Xã cập nhật trạng thái, ghi chú và tiến độ của mình.",
                  "This task belongs to the province's plan: only the province edits its text, units, deadline and "
                  "milestones. The commune records its own status, note and progress.")


def update_task(db: Database, task_id: str, **fields: object) -> None:
    clean = _validate(fields)
    with db.session() as s:
        task = _get_task(s, task_id)
        content = {k: v for k, v in clean.items() if k in CONTENT_FIELDS and getattr(task, k) != v}
        if content and not editable(s, task):
            raise KnownError(*_PROVINCE_TASK)
        for key, value in content.items():
            setattr(task, key, value)
        task_state.set_state(s, task.id, unit_of(s), clean.get("status"), clean.get("note"))
        if "deadline_text" in content:
            replace_milestones(s, task, task.deadline_text, task.section.plan.year)


def _section(s: Session, plan_id: str, dimension: int) -> PlanSection:
    section = s.scalar(select(PlanSection).where(PlanSection.plan_id == plan_id,
                                                 PlanSection.dimension == dimension))
    if section is None:
        dim = reference.dimension(dimension)
        section = PlanSection(plan_id=plan_id, dimension=dimension, numeral=_ROMAN[dimension], title=dim.name_vi)
        s.add(section)
        s.flush()
    elif section.deleted:
        section.deleted = False
    return section


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII"}


def add_task(db: Database, plan_id: str, dimension: int, **fields: object) -> str:
    clean = _validate(fields)
    if not clean.get("task"):
        raise KnownError("Hãy nhập nội dung nhiệm vụ; không để trống.", "Enter the task text; it cannot be empty.")
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.deleted:
            raise KnownError("Chưa có kế hoạch để thêm nhiệm vụ.", "There is no plan to add the task to.")
        section = _section(s, plan_id, dimension)
        if plan.unit_code != unit_of(s):
            raise KnownError("Kế hoạch này của tỉnh: chỉ tỉnh thêm nhiệm vụ vào đó.",
                             "This is the province's plan: only the province adds tasks to it.")
        # Never a place or number this PC gave before (deleted tasks too); another PC's: services.positions
        position = max(positions.next_position(s, Task, "section_id", section.id), 1)
        clean.setdefault("number", positions.next_number(s.scalars(select(Task.number).where(
            Task.section_id == section.id, Task.deleted.is_(False)))))
        task = Task(section_id=section.id, position=position, **{k: v for k, v in clean.items() if k in CONTENT_FIELDS})
        s.add(task)
        s.flush()
        task_state.set_state(s, task.id, unit_of(s), clean.get("status"), clean.get("note"))
        replace_milestones(s, task, task.deadline_text, plan.year)
        return task.id


def delete_task(db: Database, task_id: str) -> None:
    with db.session() as s:
        task = _get_task(s, task_id)
        if not editable(s, task):
            raise KnownError(*_PROVINCE_TASK)
        for m in task.milestones:
            if not m.deleted:
                tombstone(m)
        tombstone(task)


def set_milestone_done(db: Database, milestone_id: str, done_on: date | None) -> None:
    with db.session() as s:
        m = s.get(Milestone, milestone_id)
        if m is None or m.deleted:
            raise KnownError("Mốc thời gian không còn tồn tại.", "The milestone no longer exists.")
        task_state.set_done(s, m.id, unit_of(s), done_on)


def add_milestone(db: Database, task_id: str, text: str, due: date | None) -> str:
    text = nfc(text)
    if not text:
        raise KnownError("Hãy nhập nội dung mốc (sản phẩm, thời hạn).", "Enter the milestone text.")
    with db.session() as s:
        task = _get_task(s, task_id)
        if not editable(s, task):
            raise KnownError(*_PROVINCE_TASK)
        pos = positions.next_position(s, Milestone, "task_id", task.id)
        m = Milestone(task_id=task.id, position=pos, text=text, due=due, kind="date" if due else "unspecified")
        s.add(m)
        s.flush()
        return m.id


def delete_milestone(db: Database, milestone_id: str) -> None:
    with db.session() as s:
        m = s.get(Milestone, milestone_id)
        if m is not None and not m.deleted:
            if not editable(s, m.task):
                raise KnownError(*_PROVINCE_TASK)
            tombstone(m)


def lead_units(db: Database, plan_id: str) -> list[str]:
    with db.reader() as s:
        stmt = (select(Task.lead).distinct().join(PlanSection, Task.section_id == PlanSection.id)
                .where(PlanSection.plan_id == plan_id, Task.deleted.is_(False), Task.lead != "")
                .order_by(Task.lead))
        return list(s.scalars(stmt))


def dimension_summary(db: Database, plan_id: str, today: date, lang: str = "vi") -> list[DimensionSummary]:
    """Counts per dimension, aggregated in SQL (a 1,000-task plan never becomes Python objects)."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with db.reader() as s:
        unit = unit_of(s)
        overdue = task_state.overdue_clause(today, unit)
        stmt = with_state(
            select(PlanSection.dimension, status_column(), func.count(), func.sum(case((overdue, 1), else_=0)))
            .select_from(Task).join(PlanSection, Task.section_id == PlanSection.id), unit,
        ).where(PlanSection.plan_id == plan_id, Task.deleted.is_(False), PlanSection.deleted.is_(False)
                ).group_by(PlanSection.dimension, status_column())
        for dim, status, n, late in s.execute(stmt):
            counts[dim][status] += n
            counts[dim]["overdue"] += int(late or 0)
    out = []
    for dim in reference.dimensions():
        c = counts[dim.number]
        out.append(DimensionSummary(
            dimension=dim.number, name=dim.name(lang),
            total=sum(v for k, v in c.items() if k != "overdue"), done=c["done"], in_progress=c["in_progress"],
            not_started=c["not_started"], overdue=c["overdue"],
        ))
    return out


def tasks_as_json(db: Database, plan_id: str, today: date) -> list[dict[str, object]]:
    """The CLI's `plan list --json` records."""
    rows = list_tasks(db, TaskFilter(plan_id=plan_id), today)
    with db.reader() as s:
        ms = _with_done(s, _milestones_by_task(s, [r.id for r in rows]), unit_of(s))
        return [
            {
                "id": r.id, "dimension": r.dimension, "number": r.number, "task": r.task, "output": r.output,
                "lead": r.lead, "coordinators": r.coordinators, "deadline_text": r.deadline_text,
                "status": r.shown_status, "stored_status": r.status, "overdue": r.overdue,
                "milestones": [
                    {"text": m.text, "due": m.due.isoformat() if m.due else None, "kind": m.kind,
                     "done_on": done.isoformat() if done else None}
                    for m, done in ms.get(r.id, [])
                ],
            }
            for r in rows
        ]
