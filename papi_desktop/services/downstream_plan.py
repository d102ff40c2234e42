"""A commune's own copy of a plan the province now sends: its progress moves onto the province's ids.

A commune that imported the appendix itself before it enrolled holds the same tasks under its own
ids. When the province's plan of that year arrives, tasks are matched on (dimension, number,
occurrence) as plan_import matches them; each matched task's progress updates (with their evidence),
status, note and milestone completion move to its state of the province's task (services/task_state), milestones the commune added
itself move along, and the commune's duplicate is tombstoned. Tasks the province's plan lacks move
into its section of the same dimension (or stay, with their plan, where it has none). All of it is
ordinary edits in the caller's transaction, so the change log carries it to the province and to the
commune's other PCs; nothing is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.text import fold
from ..storage.models import Indicator, IndicatorValue, Plan, PlanSection, ProgressUpdate, Task
from . import positions, task_state
from .common import tombstone
from .plan_import import _task_keys

PROVINCE_UNIT = ""  # the province's records carry no commune code


@dataclass
class Adopted:
    plans: int = 0  # own plans merged into the province's
    tasks_matched: int = 0
    tasks_moved: int = 0  # own tasks the province's plan lacks, moved into it
    updates_moved: int = 0
    milestones_moved: int = 0
    indicators_matched: int = 0

    def as_json(self) -> dict[str, int]:
        return dict(self.__dict__)


def adopt(s: Session, unit_code: str) -> Adopted:
    """Merge every live own plan into the province's plan of the same year."""
    result = Adopted()
    if not unit_code:
        return result
    for theirs in s.scalars(select(Plan).where(Plan.unit_code == PROVINCE_UNIT, Plan.deleted.is_(False))).all():
        own = s.scalars(select(Plan).where(Plan.unit_code == unit_code, Plan.year == theirs.year,
                                           Plan.deleted.is_(False))).all()
        for mine in own:
            _merge(s, mine, theirs, result)
    s.flush()
    return result


def _keyed(s: Session, plan_id: str) -> dict[tuple[int, str, int], Task]:
    rows = s.execute(select(Task, PlanSection.dimension).join(PlanSection, Task.section_id == PlanSection.id)
                     .where(PlanSection.plan_id == plan_id, Task.deleted.is_(False),
                            PlanSection.deleted.is_(False))
                     .order_by(PlanSection.dimension, *positions.order(Task))).all()
    keys = _task_keys([(dim, t.number) for t, dim in rows])
    return {k: t for k, (t, _dim) in zip(keys, rows, strict=True)}


def _merge(s: Session, mine: Plan, theirs: Plan, result: Adopted) -> None:
    their_tasks = _keyed(s, theirs.id)
    their_sections = {sec.dimension: sec for sec in theirs.sections if not sec.deleted}
    for key, task in _keyed(s, mine.id).items():
        target = their_tasks.get(key)
        if target is not None:
            _move_task(s, task, target, result)
            result.tasks_matched += 1
        elif key[0] in their_sections:
            section = their_sections[key[0]]
            last = s.scalar(select(func.max(Task.position)).where(Task.section_id == section.id)) or 0
            task.section_id, task.position = section.id, last + 1
            s.flush()
            result.tasks_moved += 1
    _move_indicators(s, mine, theirs, result)
    s.flush()
    left = False
    for section in mine.sections:
        if section.deleted:
            continue
        if s.scalar(select(func.count()).select_from(Task).where(Task.section_id == section.id,
                                                                 Task.deleted.is_(False))):
            left = True
        else:
            tombstone(section)
    indicators = s.scalar(select(func.count()).select_from(Indicator).where(Indicator.plan_id == mine.id,
                                                                           Indicator.deleted.is_(False)))
    if not left and not indicators:
        tombstone(mine)
        result.plans += 1


def _move_task(s: Session, mine: Task, theirs: Task, result: Adopted) -> None:
    for update in s.scalars(select(ProgressUpdate).where(ProgressUpdate.task_id == mine.id,
                                                         ProgressUpdate.deleted.is_(False))):
        update.task_id = theirs.id  # its evidence hangs on the update and comes along
        result.updates_moved += 1
    unit = task_state.unit_of(s)
    own = task_state.states(s, [mine.id, theirs.id], unit)
    mine_state, their_state = own.get(mine.id), own.get(theirs.id)
    if mine_state is not None:
        status = mine_state.status if mine_state.status != task_state.NOT_STARTED else None
        note = mine_state.note if mine_state.note and not (their_state and their_state.note) else None
        task_state.set_state(s, theirs.id, unit, status, note)
    their_milestones = {m.text: m for m in theirs.milestones if not m.deleted}
    done = task_state.done_dates(s, [m.id for m in [*mine.milestones, *theirs.milestones]], unit)
    for milestone in [m for m in mine.milestones if not m.deleted]:
        same = their_milestones.get(milestone.text)
        if same is None:  # one the commune added itself
            milestone.task_id = theirs.id
            result.milestones_moved += 1
            continue
        if milestone.id in done and same.id not in done:
            task_state.set_done(s, same.id, unit, done[milestone.id])
        tombstone(milestone)
    tombstone(mine)


def _move_indicators(s: Session, mine: Plan, theirs: Plan, result: Adopted) -> None:
    their_names = {fold(i.name): i for i in theirs.indicators if not i.deleted}
    for indicator in [i for i in mine.indicators if not i.deleted]:
        same = their_names.get(fold(indicator.name))
        if same is None:
            indicator.plan_id = theirs.id
            continue
        for value in s.scalars(select(IndicatorValue).where(IndicatorValue.indicator_id == indicator.id,
                                                            IndicatorValue.deleted.is_(False))):
            value.indicator_id = same.id
        tombstone(indicator)
        result.indicators_matched += 1
