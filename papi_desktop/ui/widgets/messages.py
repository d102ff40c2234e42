"""Message boxes with translated buttons (Qt ships no Vietnamese qtbase translation)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.errors import KnownError


def current_lang() -> str:
    app = QCoreApplication.instance()
    return str(app.property("papi_lang") or "vi") if app else "vi"


def error_text(exc: BaseException) -> str:
    """The KnownError's message, a locked, full, read-only or damaged database's, or (a bug, then logged)
    where the log is: services/failures.py, the same words as the command line."""
    if isinstance(exc, KnownError):
        return exc.message(current_lang())
    from ...services import failures  # noqa: PLC0415

    return failures.explain(exc, current_lang())


def show_error(parent: QWidget | None, exc: BaseException | str, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("Messages", "Không thực hiện được"),
                      exc if isinstance(exc, str) else error_text(exc), QMessageBox.StandardButton.NoButton, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the log's path can be copied
    box.addButton(QCoreApplication.translate("Messages", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title or QCoreApplication.translate("Messages", "Thông báo"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.addButton(QCoreApplication.translate("Messages", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def ask(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title or QCoreApplication.translate("Messages", "Xác nhận"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(QCoreApplication.translate("Messages", "Đồng ý"), QMessageBox.ButtonRole.YesRole)
    box.addButton(QCoreApplication.translate("Messages", "Không"), QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes
