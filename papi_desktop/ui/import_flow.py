"""Every import the same way: read and check off the GUI thread, show the errors by row or ask, then
write all-or-nothing off the GUI thread; a failure says what happened and that nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..domain.errors import Cancelled
from ..domain.jobs import CancelToken
from .job_progress import QtProgress
from .widgets.messages import ask, error_text, show_error
from .workers import JobRunner


class ImportFlow:
    """preview() and apply(preview) run on the database worker; errors(preview) lists what blocks the
    write (rows already formatted), question(preview) is what the user confirms."""

    def __init__(self, parent: QWidget, runner: JobRunner, label: str, preview: Callable[[], Any],
                 errors: Callable[[Any], list[str]], question: Callable[[Any], str], apply: Callable[[Any], Any],
                 done: Callable[[Any], None], confirm: bool = True) -> None:
        self.parent, self.runner, self.label = parent, runner, label
        self._preview, self._errors, self._question, self._apply, self._done = preview, errors, question, apply, done
        self.confirm = confirm
        self._progress: QtProgress | None = None

    def start(self) -> None:
        self._open_progress(self.label)
        self.runner.submit(self._preview, self._previewed, self._failed)

    def _open_progress(self, label: str) -> None:
        self._progress = QtProgress(self.parent, label, CancelToken())

    def _close(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def _previewed(self, preview: Any) -> None:
        self._close()
        errors = self._errors(preview)
        if errors:
            text = QCoreApplication.translate("ImportFlow", "Tệp có %1 lỗi; chưa ghi dữ liệu nào. Sửa tệp rồi nhập lại.")
            show_error(self.parent, text.replace("%1", str(len(errors))) + "\n\n" + "\n".join(errors[:30]))
            self._done(None)
            return
        if self.confirm and not ask(self.parent, self._question(preview)):
            self._done(None)
            return
        self._open_progress(QCoreApplication.translate("ImportFlow", "Đang ghi dữ liệu…"))
        self.runner.submit(lambda: self._apply(preview), self._applied, self._failed)

    def _applied(self, result: Any) -> None:
        self._close()
        self._done(result)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        show_error(self.parent, QCoreApplication.translate("ImportFlow", "Đã hủy. Dữ liệu không thay đổi.")
                   if isinstance(exc, Cancelled)
                   else error_text(exc))
        self._done(None)


def row_lines(items: list[dict]) -> list[str]:
    """Errors or warnings of a preview's summary, one line each: "Dòng 12: …"."""
    return [QCoreApplication.translate("ImportFlow", "Dòng %1: %2").replace("%1", str(e["row"])).replace("%2", e["reason"]) for e in items]
