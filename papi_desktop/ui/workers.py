"""JobRunner: database work on one serial thread, results back on the GUI thread by signal."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal


class JobRunner(QObject):
    """Runs callables off the GUI thread. Database jobs are serialised on a single worker.

    Signals:
        sig_job_done: (callback, future) queued to the GUI thread, which calls the callback.
    """

    sig_job_done = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="papi-db")
        self.sig_job_done.connect(self._route)
        self.pending = 0

    def submit(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
               on_error: Callable[[BaseException], None]) -> Future:
        self.pending += 1
        future = self._db_pool.submit(fn)
        future.add_done_callback(lambda f: self.sig_job_done.emit((on_success, on_error), f))
        return future

    def _route(self, callbacks: tuple, future: Future) -> None:
        self.pending -= 1
        on_success, on_error = callbacks
        exc = future.exception()
        if exc is not None:
            on_error(exc)
        else:
            on_success(future.result())

    def shutdown(self) -> None:
        self._db_pool.shutdown(wait=True, cancel_futures=True)
