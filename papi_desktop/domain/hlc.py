"""Hybrid logical clock: stamps that order events across machines even with bad wall clocks.

A stamp is a string "<millis:013d>-<counter:05d>-<node>", so string order is clock order.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Stamp:
    millis: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.millis:013d}-{self.counter:05d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        millis, counter, node = text.split("-", 2)
        return cls(int(millis), int(counter), node)


class HybridLogicalClock:
    def __init__(self, node: str, now_ms: Callable[[], int] | None = None) -> None:
        self.node = node
        self._now = now_ms or (lambda: int(time.time() * 1000))
        self._last = Stamp(0, 0, node)
        self._lock = threading.Lock()

    def now(self) -> str:
        """A new stamp, strictly greater than every stamp this clock has issued or seen."""
        with self._lock:
            wall = self._now()
            if wall > self._last.millis:
                self._last = Stamp(wall, 0, self.node)
            else:
                self._last = Stamp(self._last.millis, self._last.counter + 1, self.node)
            return str(self._last)

    def observe(self, remote: str) -> None:
        """Move past a stamp received from elsewhere (sync) or read back from the log."""
        other = Stamp.parse(remote)
        with self._lock:
            if (other.millis, other.counter) > (self._last.millis, self._last.counter):
                self._last = Stamp(other.millis, other.counter, self.node)
