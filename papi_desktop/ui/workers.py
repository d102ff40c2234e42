"""JobRunner: database work on one serial thread, results back on the GUI thread by signal.

Every service call of the GUI goes through it (STYLE.md rule 2): the window never waits for the
database, and reads and writes are serialised on the one "papi-db" thread in the order asked.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

DB_THREAD = "papi-db"


class Superseded(Exception):  # noqa: N818 - not an error: a newer request of the same read replaced it
    """A queued read that a newer one of the same Latest made useless; it was not run."""


class JobRunner(QObject):
    """Runs callables off the GUI thread. Database jobs are serialised on a single worker.

    Signals:
        sig_job_done: (callbacks, future) queued to the GUI thread, which calls the callback.
        sig_idle(): the last pending job's callback ran (tests and the benchmark wait on it).
    """

    sig_job_done = Signal(object, object)
    sig_idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=DB_THREAD)
        # Queued even when emitted on the GUI thread (a job done before its callback was attached calls it
        # at once, in submit()): a result is always delivered later, by the event loop, never re-entrantly.
        self.sig_job_done.connect(self._route, Qt.ConnectionType.QueuedConnection)
        self.pending = 0
        self.closed = False

    def submit(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None, owner: QObject | None = None) -> Future:
        """fn runs on the database thread; on_success(result) or on_error(exc) on the GUI thread. With an
        owner, neither is called once the owner was deleted (a page closed while its read ran); without
        on_error, the error is shown over the owner. After shutdown() (the window closing) nothing runs."""
        if self.closed:  # a timer of a page still open fired after the worker stopped
            future: Future = Future()
            future.cancel()
            return future
        self.pending += 1
        future = self._db_pool.submit(fn)
        future.add_done_callback(lambda f: self.sig_job_done.emit((on_success, on_error, owner), f))
        return future

    def _route(self, callbacks: tuple, future: Future) -> None:
        self.pending -= 1
        on_success, on_error, owner = callbacks
        try:
            if future.cancelled() or (owner is not None and not shiboken6.isValid(owner)):
                return
            exc = future.exception()
            if exc is None:
                on_success(future.result())
            elif on_error is not None:
                on_error(exc)
            else:
                from .widgets.messages import show_error  # noqa: PLC0415 - messages imports the services' errors

                show_error(owner if isinstance(owner, QWidget) else None, exc)
        finally:
            if self.pending == 0:
                self.sig_idle.emit()

    def shutdown(self) -> None:
        self.closed = True
        self._db_pool.shutdown(wait=True, cancel_futures=True)


class Latest:
    """One read of one widget that a newer request of it supersedes (a reload, a search as one types,
    a selection moving): a request still queued when a newer one comes is not run, and only the
    newest result reaches the widget."""

    def __init__(self, runner: JobRunner, owner: QObject) -> None:
        self.runner, self.owner = runner, owner
        self._latest = 0
        self.running = 0

    def submit(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None) -> Future:
        self._latest += 1
        self.running += 1
        number = self._latest

        def job() -> Any:
            if number != self._latest:  # read across threads: an int, set only on the GUI thread
                raise Superseded
            return fn()

        def done(result: Any) -> None:
            self.running -= 1
            if number == self._latest:
                on_success(result)

        def failed(exc: BaseException) -> None:
            self.running -= 1
            if number != self._latest:
                return
            if on_error is not None:
                on_error(exc)
            else:
                from .widgets.messages import show_error  # noqa: PLC0415

                show_error(self.owner if isinstance(self.owner, QWidget) else None, exc)

        return self.runner.submit(job, done, failed, self.owner)

    def cancel(self) -> None:
        """Whatever is queued or running now will not be delivered."""
        self._latest += 1

    @property
    def busy(self) -> bool:
        return self.running > 0
