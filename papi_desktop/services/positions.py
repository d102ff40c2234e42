"""Positions and numbers of list items that two PCs of one commune may both append offline.

A task in a dimension (its position and its displayed number "5"), a milestone of a task, an issue of
a dialogue conference, a village, a household of a poverty review and an indicator of a plan each take
"the next place" of their list. Two PCs that are offline take the same one. The scheme:
- Locally the next place is one past the largest ever taken in the list (deleted items included), and
  a task's default number one past the largest plain number of its live siblings: one PC alone never
  repeats one, even after deletions.
- Everywhere a list is ordered by (position, created_hlc, id): while two items share a place, every
  copy (both PCs, the province) shows them in the same order.
- The PC that keeps the commune's registers (services.registry) settles collisions in the transaction
  that applies a sibling's bundle, like it enters provisional petition numbers: of the items of one
  list sharing a position, the first created (created_hlc, id) keeps it and the later ones move to the
  end, in creation order; a task whose number repeats the number of a sibling created on another PC
  gets the next free number (and moves to the end). Each move is an ordinary edit, so it travels back
  to the other PC and to the province, and the import summary names it with both values.
Lists written whole with their parent (a visit's citizens, a posting's places, a budget table's lines)
are not appended item by item, so they are not settled here: two PCs editing one parent is a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ..domain.dates import format_vn
from ..storage.models import Indicator, Milestone, Task
from ..storage.registers import Dialogue, DialogueIssue
from ..storage.transparency import PovertyHousehold, Village
from ..sync.changes import Change

Pair = tuple[str, str]
_PLAIN = re.compile(r"^\d+$")
_CHUNK = 500


def order(model: Any) -> tuple[ColumnElement[Any], ...]:
    """The one order of a list everywhere: by position, then by creation (ties only before settling)."""
    return model.position, model.created_hlc, model.id


def next_position(s: Session, model: Any, parent: str | None, parent_id: str | None) -> int:
    """One past the largest position the list ever took (deleted items too), 0 for an empty list."""
    stmt = select(func.max(model.position))
    if parent is not None:
        stmt = stmt.where(getattr(model, parent) == parent_id)
    last = s.scalar(stmt)
    return 0 if last is None else last + 1


def next_number(taken: Iterable[str]) -> str:
    """One past the largest plain number taken ("1", "2", …); past the count when none is plain.
    Never one of taken."""
    used = set(taken)
    plain = [int(n) for n in used if _PLAIN.match(n)]
    n = max(plain) + 1 if plain else len(used) + 1
    while str(n) in used:
        n += 1
    return str(n)


@dataclass(frozen=True)
class _List:
    model: Any
    parent: str | None  # the column naming the list an item belongs to; None: the commune's one list
    label: Callable[[Session, Any], Pair]  # how the summary names an item (never personal data)


def _task(_s: Session, t: Task) -> Pair:
    return f"Nhiệm vụ số {t.number}", f"Task {t.number}"


def _milestone(s: Session, m: Milestone) -> Pair:
    task = s.get(Task, m.task_id)
    number = task.number if task is not None else ""
    return f"Mốc “{m.text[:60]}” của nhiệm vụ số {number}", f"Milestone “{m.text[:60]}” of task {number}"


def _issue(s: Session, i: DialogueIssue) -> Pair:
    d = s.get(Dialogue, i.dialogue_id)
    day = format_vn(d.held_on) if d is not None else ""
    return f"Một ý kiến tại hội nghị đối thoại ngày {day}", f"An issue of the dialogue of {day}"


def _village(_s: Session, v: Village) -> Pair:
    return f"Thôn, bản “{v.name}”", f"Village “{v.name}”"


def _household(_s: Session, _h: PovertyHousehold) -> Pair:
    return "Một hộ trong danh sách rà soát hộ nghèo", "A household of a poverty review"


def _indicator(_s: Session, i: Indicator) -> Pair:
    return f"Chỉ tiêu “{i.name[:60]}”", f"Indicator “{i.name[:60]}”"


LISTS: dict[str, _List] = {
    "task": _List(Task, "section_id", _task),
    "milestone": _List(Milestone, "task_id", _milestone),
    "dialogue_issue": _List(DialogueIssue, "dialogue_id", _issue),
    "village": _List(Village, None, _village),
    "poverty_household": _List(PovertyHousehold, "review_id", _household),
    "indicator": _List(Indicator, "plan_id", _indicator),
}


def settle(s: Session, changes: list[Change]) -> list[Pair]:
    """On the registry PC, in the transaction that applied changes: the lists they touched lose their
    collisions (see the module's docstring). Returns the summary's reasons, one for each item moved."""
    unit, node = str(s.info.get("unit_code", "")), s.info["clock"].node
    reasons: list[Pair] = []
    for table, spec in LISTS.items():
        ids = sorted({c.record_id for c in changes if c.table_name == table})
        for parent_id in _parents(s, spec, ids):
            reasons += _settle_list(s, spec, unit, node, parent_id)
    return reasons


def _parents(s: Session, spec: _List, ids: list[str]) -> list[str | None]:
    if not ids:
        return []
    if spec.parent is None:
        return [None]
    column = getattr(spec.model, spec.parent)
    found: set[str | None] = set()
    for start in range(0, len(ids), _CHUNK):
        found.update(s.scalars(select(column).where(spec.model.id.in_(ids[start:start + _CHUNK]))))
    return sorted(found, key=str)


def _creator(row: Any) -> str:
    return str(row.created_hlc).split("-", 2)[2] if str(row.created_hlc).count("-") >= 2 else ""


def _settle_list(s: Session, spec: _List, unit: str, node: str, parent_id: str | None) -> list[Pair]:
    model = spec.model
    stmt = select(model).where(model.deleted.is_(False), model.unit_code == unit).order_by(*order(model))
    if spec.parent is not None:
        stmt = stmt.where(getattr(model, spec.parent) == parent_id)
    rows = list(s.scalars(stmt))
    keeper: dict[int, int] = {}  # a position: the place shown of the first item holding it
    shared: dict[str, int] = {}  # a later item holding a position too: that place
    for place, row in enumerate(rows, 1):
        if row.position in keeper:
            shared[row.id] = keeper[row.position]
        keeper.setdefault(row.position, place)
    moving = [r for r in rows if r.id in shared]
    renumber = _repeated_numbers(rows) if model is Task else []
    moving = sorted({id(r): r for r in moving + renumber}.values(), key=lambda r: (r.created_hlc, r.id))
    if not moving:
        return []
    labels = {r.id: spec.label(s, r) for r in moving}
    numbers = [r.number for r in rows if r not in renumber] if model is Task else []
    end = next_position(s, model, spec.parent, parent_id)
    out: list[Pair] = []
    for offset, row in enumerate(moving):
        row.position = end + offset
        whose = ("máy này", "this PC") if _creator(row) == node else ("máy kia", "the other PC")
        if row in renumber:
            old, row.number = row.number, next_number(numbers)
            numbers.append(row.number)
            out.append((f"Nhiệm vụ số {old} của {whose[0]} được đánh lại số {row.number}.",
                        f"Task {old} of {whose[1]} was renumbered {row.number}."))
        else:
            vi, en = labels[row.id]
            after = len(rows) - len(moving) + offset + 1
            out.append((f"{vi} của {whose[0]} cùng chỗ thứ {shared[row.id]} với một mục khác: được xếp cuối danh "
                        f"sách, thứ {after}.", f"{en} of {whose[1]} shared place {shared[row.id]} with another item: "
                        f"now last of its list, place {after}."))
    s.flush()
    return out


def _repeated_numbers(tasks: list[Task]) -> list[Task]:
    """Tasks whose number a sibling created earlier on another PC already has. Repeats made on one PC
    were typed so on purpose and stay."""
    first: dict[str, Task] = {}
    out = []
    for t in sorted(tasks, key=lambda t: (t.created_hlc, t.id)):
        if not t.number:
            continue
        kept = first.setdefault(t.number, t)
        if kept is not t and _creator(kept) != _creator(t):
            out.append(t)
    return out
