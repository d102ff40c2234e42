"""A small dialog built from a list of fields: text, long text, date (dd/mm/yyyy) or a choice.
Saving calls the caller's function, in the database worker when the dialog is given the runner; a
refusal shows its message and keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...domain.dates import format_vn, parse_vn
from .forms import ok_cancel_row, resize_within_screen, save_then_close
from .messages import show_error

if TYPE_CHECKING:
    from ..workers import JobRunner


@dataclass
class Field:
    key: str
    label: str
    kind: str = "text"  # text | long | date | choice | password
    value: Any = None
    choices: list[tuple[str, Any]] = field(default_factory=list)  # (label, data)
    placeholder: str = ""


class FormDialog(QDialog):
    def __init__(self, title: str, fields: list[Field], save: Callable[[dict[str, Any]], object],
                 parent: QWidget | None = None, ok_text: str | None = None, runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(title)
        resize_within_screen(self, 540, 200 + 40 * len(fields))
        self._save = save
        self._fields = fields
        self.widgets: dict[str, QWidget] = {}
        self.result_value: object = None
        form = QFormLayout()
        for f in fields:
            if f.kind == "long":
                w: QWidget = QPlainTextEdit(str(f.value or ""))
                w.setTabChangesFocus(True)
            elif f.kind == "choice":
                w = QComboBox()
                for label, data in f.choices:
                    w.addItem(label, data)
                if f.value is not None:
                    w.setCurrentIndex(max(0, w.findData(f.value)))
            else:
                text = format_vn(f.value) if f.kind == "date" and isinstance(f.value, date) else str(f.value or "")
                w = QLineEdit(text)
                w.setPlaceholderText(f.placeholder or ("dd/mm/yyyy" if f.kind == "date" else ""))
                if f.kind == "password":
                    w.setEchoMode(QLineEdit.EchoMode.Password)
            self.widgets[f.key] = w
            form.addRow(f.label, w)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(ok_cancel_row(self, ok_text or self.tr("Lưu")))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self._fields:
            w = self.widgets[f.key]
            if isinstance(w, QPlainTextEdit):
                out[f.key] = w.toPlainText()
            elif isinstance(w, QComboBox):
                out[f.key] = w.currentData()
            elif f.kind == "date":
                out[f.key] = parse_vn(w.text(), f.label.rstrip(":").lower())
            else:
                out[f.key] = w.text()
        return out

    def accept(self) -> None:
        try:
            values = self.values()
        except Exception as exc:  # noqa: BLE001 - a date that cannot be read; the dialog stays open
            show_error(self, exc)
            return
        save_then_close(self, self.runner, lambda: self._save(values), self._saved)

    def _saved(self, result: object) -> None:
        self.result_value = result
        super().accept()
