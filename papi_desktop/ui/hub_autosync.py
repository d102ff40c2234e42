"""Sync with the province hub in the background while the program runs: the hub is probed quietly
off the GUI thread (no database, no key), and when it answers, push and pull run in the database
worker. A failure waits longer before the next try (30 s doubling to 15 min); the network coming
back (Qt's network information, where the platform gives it) tries at once.

The key is needed to sign in and to sign bundles, and the program never stores a passphrase: the
person turns this on for the session by giving it once; it is kept in memory only, until the
program closes or the person turns it off.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..services import hub_sync
from ..services.handle import DataHandle
from .workers import JobRunner

FIRST_RETRY_MS = 30_000
MAX_RETRY_MS = 15 * 60_000
AFTER_SUCCESS_MS = 5 * 60_000


class AutoSync(QObject):
    """Signals:
        sig_state(str, object): ("offline" | "syncing" | "done" | "failed" | "off", detail) — detail is a
            hub_sync.SyncResult after "done", the exception after "failed", else None.
    """

    sig_state = Signal(str, object)
    _sig_probed = Signal(bool)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QObject | None = None,
                 first_retry_ms: int = FIRST_RETRY_MS, after_success_ms: int = AFTER_SUCCESS_MS) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.first_retry_ms, self.after_success_ms = first_retry_ms, after_success_ms
        self._passphrase: str | None = None
        self._url = ""
        self._delay = first_retry_ms
        self._busy = False
        self._closed = False
        self._net = ThreadPoolExecutor(max_workers=1, thread_name_prefix="papi-net")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.attempt)
        self._sig_probed.connect(self._probed, Qt.ConnectionType.QueuedConnection)
        self._watch_network()

    @property
    def enabled(self) -> bool:
        return self._passphrase is not None

    def start(self, passphrase: str, url: str) -> None:
        self._passphrase, self._url = passphrase, url
        self._delay = self.first_retry_ms
        self.attempt()

    def stop(self) -> None:
        self._passphrase = None
        self.timer.stop()
        self.sig_state.emit("off", None)

    def shutdown(self) -> None:
        self._passphrase = None
        self._closed = True
        self.timer.stop()
        self._net.shutdown(wait=False, cancel_futures=True)

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415
        except ImportError:
            return
        if not QNetworkInformation.loadDefaultBackend():  # none on this platform (or offscreen): the timer suffices
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415

        if reachability == QNetworkInformation.Reachability.Online and self.enabled and not self._busy:
            self._delay = self.first_retry_ms
            self.attempt()

    def attempt(self) -> None:
        """Probe now (off the GUI thread); sync if the hub answers."""
        if not self.enabled or self._busy or self._closed:
            return
        self._busy = True
        url = self._url
        future: Future = self._net.submit(hub_sync.reachable, url)
        future.add_done_callback(lambda f: self._sig_probed.emit(bool(not f.cancelled() and not f.exception()
                                                                      and f.result())))

    def _probed(self, ok: bool) -> None:
        if not self.enabled:
            self._busy = False
            return
        if not ok:
            self._busy = False
            self.sig_state.emit("offline", None)
            self._again(failed=True)
            return
        passphrase, url = self._passphrase, self._url
        self.sig_state.emit("syncing", None)
        self.runner.submit(lambda: hub_sync.sync_now(self.db, passphrase or "", url), self._synced, self._failed,
                           owner=self)

    def _synced(self, result: hub_sync.SyncResult) -> None:
        self._busy = False
        self._delay = self.first_retry_ms
        self.sig_state.emit("done", result)
        self._again(failed=False)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.sig_state.emit("failed", exc)
        self._again(failed=True)

    def _again(self, failed: bool) -> None:
        if not self.enabled:
            return
        if failed:
            self.timer.start(self._delay)
            self._delay = min(MAX_RETRY_MS, self._delay * 2)
        else:
            self.timer.start(self.after_success_ms)
