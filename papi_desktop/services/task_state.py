"""A commune's state of the plan's tasks: status, note and milestone completion.

The task (its text, lead, deadline, milestones) belongs to whoever made the plan: the province for the
plan it sends down, the commune for one it imported itself. The state belongs to the commune: one
TaskState per (task, commune) and one MilestoneState per (milestone, commune), with ids derived from
both (storage.models.state_id). So the 75 communes' progress on the province's task are 75 records
at the province, and a commune's two PCs marking the same task make one record that merges field by
field. A task with no state row is not started; a milestone with none is not done.

Every query reads the state of the session's own unit (the commune set up on this PC; "" at the
province, which keeps no progress of its own and reads the communes' with commune_states).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, exists, func, not_, select
from sqlalchemy.orm import Session

from ..domain.status import TaskStatus
from ..storage.db import Database
from ..storage.models import Milestone, MilestoneState, Task, TaskState, state_id

NOT_STARTED = TaskStatus.NOT_STARTED.value
DONE = TaskStatus.DONE.value


def unit_of(s: Session) -> str:
    return str(s.info.get("unit_code", ""))


def with_state(stmt: Select, unit: str) -> Select:
    """stmt (which selects from Task) joined to the unit's state of each task, if any."""
    return stmt.outerjoin(TaskState, and_(TaskState.task_id == Task.id, TaskState.unit_code == unit,
                                          TaskState.deleted.is_(False)))


def status_column() -> ColumnElement[str]:
    """The task's status in a statement made with with_state."""
    return func.coalesce(TaskState.status, NOT_STARTED)


def milestone_done(unit: str) -> ColumnElement[bool]:
    """True for a milestone (in the enclosing query) the unit has marked done."""
    return exists().where(MilestoneState.milestone_id == Milestone.id, MilestoneState.unit_code == unit,
                          MilestoneState.deleted.is_(False), MilestoneState.done_on.is_not(None))


def overdue_clause(today: date, unit: str) -> ColumnElement[bool]:
    """A task (in a statement made with with_state) not done whose milestone due before today is not done."""
    return and_(
        status_column() != DONE,
        exists().where(
            Milestone.task_id == Task.id, Milestone.deleted.is_(False), Milestone.due.is_not(None),
            Milestone.due < today, not_(milestone_done(unit)),
        ),
    )


def states(s: Session, task_ids: list[str], unit: str) -> dict[str, TaskState]:
    rows = s.scalars(select(TaskState).where(TaskState.task_id.in_(task_ids), TaskState.unit_code == unit,
                                             TaskState.deleted.is_(False)))
    return {r.task_id: r for r in rows}


def done_dates(s: Session, milestone_ids: list[str], unit: str) -> dict[str, date]:
    rows = s.execute(select(MilestoneState.milestone_id, MilestoneState.done_on).where(
        MilestoneState.milestone_id.in_(milestone_ids), MilestoneState.unit_code == unit,
        MilestoneState.deleted.is_(False), MilestoneState.done_on.is_not(None)))
    return {mid: done for mid, done in rows if done is not None}  # as selected


def state_of(s: Session, task_id: str, unit: str) -> TaskState:
    """The unit's state of the task, made (not started) when it has none yet."""
    row = s.get(TaskState, state_id(task_id, unit))
    if row is None:
        row = TaskState(id=state_id(task_id, unit), unit_code=unit, task_id=task_id, status=NOT_STARTED, note="")
        s.add(row)
    elif row.deleted:
        row.deleted = False
    return row


def set_state(s: Session, task_id: str, unit: str, status: str | None = None, note: str | None = None) -> None:
    """Write only what changes: an unchanged save makes no state row and no log entry."""
    current = s.get(TaskState, state_id(task_id, unit))
    old_status = current.status if current is not None and not current.deleted else NOT_STARTED
    old_note = current.note if current is not None and not current.deleted else ""
    if (status is None or status == old_status) and (note is None or note == old_note):
        return
    row = state_of(s, task_id, unit)
    if status is not None and row.status != status:
        row.status = status
    if note is not None and row.note != note:
        row.note = note


def set_done(s: Session, milestone_id: str, unit: str, done_on: date | None) -> None:
    row = s.get(MilestoneState, state_id(milestone_id, unit))
    if row is None:
        if done_on is None:
            return
        row = MilestoneState(id=state_id(milestone_id, unit), unit_code=unit, milestone_id=milestone_id)
        s.add(row)
    if row.deleted:
        row.deleted = False
    if row.done_on != done_on:
        row.done_on = done_on


@dataclass(frozen=True)
class CommuneState:
    unit_code: str
    status: str
    note: str
    milestones_done: int


def commune_states(db: Database, task_id: str) -> list[CommuneState]:
    """Each commune's state of one task (the province's view), by commune code."""
    with db.reader() as s:
        done = dict(s.execute(
            select(MilestoneState.unit_code, func.count()).join(Milestone, MilestoneState.milestone_id == Milestone.id)
            .where(Milestone.task_id == task_id, Milestone.deleted.is_(False), MilestoneState.deleted.is_(False),
                   MilestoneState.done_on.is_not(None))
            .group_by(MilestoneState.unit_code)).all())
        rows = s.scalars(select(TaskState).where(TaskState.task_id == task_id, TaskState.deleted.is_(False),
                                                 TaskState.unit_code != ""))
        found = {r.unit_code: CommuneState(r.unit_code, r.status, r.note, done.get(r.unit_code, 0)) for r in rows}
        for unit, count in done.items():
            if unit and unit not in found:
                found[unit] = CommuneState(unit, NOT_STARTED, "", count)
    return [found[u] for u in sorted(found)]
