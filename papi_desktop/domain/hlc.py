"""Hybrid logical clock: stamps that order events across machines even with bad wall clocks.

A stamp is a string "<millis:013d>-<counter:05d>-<node>", so string order is clock order.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

_MAX_COUNTER = 99_999  # five digits in the string form


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
            elif self._last.counter >= _MAX_COUNTER:
                self._last = Stamp(self._last.millis + 1, 0, self.node)
            else:
                self._last = Stamp(self._last.millis, self._last.counter + 1, self.node)
            return str(self._last)

    def many(self, count: int) -> list[str]:
        """count consecutive stamps under one lock (bulk imports)."""
        with self._lock:
            wall = self._now()
            if wall > self._last.millis:
                millis, counter = wall, -1
            else:
                millis, counter = self._last.millis, self._last.counter
            stamps = []
            for _ in range(count):
                counter += 1
                if counter > _MAX_COUNTER:  # keep the fixed width: logical time moves a millisecond on
                    millis, counter = millis + 1, 0
                stamps.append(f"{millis:013d}-{counter:05d}-{self.node}")
            self._last = Stamp(millis, counter, self.node)
            return stamps

    def observe(self, remote: str) -> None:
        """Move past a stamp received from elsewhere (sync) or read back from the log."""
        other = Stamp.parse(remote)
        with self._lock:
            if (other.millis, other.counter) > (self._last.millis, self._last.counter):
                self._last = Stamp(other.millis, other.counter, self.node)
