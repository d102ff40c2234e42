"""A long job's progress and cancel, without Qt: services report through these, the UI adapts them
(ui/job_progress.py). Not the plan's task progress, which is services/progress.py."""

from __future__ import annotations

import threading
from typing import Protocol

from .errors import Cancelled


class ProgressReporter(Protocol):
    def start(self, total: int, label: str = "") -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def finish(self) -> None: ...


class NullProgress:
    """Accepts every call in any order (tick before start is fine)."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.label = ""

    def start(self, total: int, label: str = "") -> None:
        self.total, self.label, self.done = total, label, 0

    def advance(self, n: int = 1) -> None:
        self.done += n

    def finish(self) -> None:
        self.done = self.total


class CancelToken:
    """Set from the GUI thread, checked by the worker between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
