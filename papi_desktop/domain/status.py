"""Task status: stored (not started, in progress, done) plus 'overdue' computed from milestones."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import Enum


class TaskStatus(str, Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


STATUS_LABELS = {
    "not_started": ("Chưa thực hiện", "Not started"),
    "in_progress": ("Đang thực hiện", "In progress"),
    "done": ("Đã hoàn thành", "Done"),
    "overdue": ("Quá hạn", "Overdue"),
}


def is_overdue(status: str, milestones: Iterable[tuple[date | None, date | None]], today: date) -> bool:
    """Overdue: the task is not done and a dated milestone passed without being completed.

    milestones: (due, done_on) pairs.
    """
    if status == TaskStatus.DONE.value:
        return False
    return any(due is not None and done_on is None and due < today for due, done_on in milestones)


def effective_status(status: str, overdue: bool) -> str:
    return "overdue" if overdue else status
