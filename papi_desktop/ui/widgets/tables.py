"""Small builders the pages share: a read-only table view over a model, a year chooser."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableView


def readonly_table(model: QAbstractItemModel, stretch: int | None = None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    if stretch is not None:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def year_combo(this_year: int, label: Callable[[int], str] = str, ahead: int = 0, back: int = 3,
               any_label: str | None = None) -> QComboBox:
    """Years from this_year + ahead down to this_year - back, this year selected; optionally "any year" first."""
    combo = QComboBox()
    if any_label:
        combo.addItem(any_label, None)
    for y in range(this_year + ahead, this_year - back - 1, -1):
        combo.addItem(label(y), y)
    combo.setCurrentIndex(combo.findData(this_year))
    return combo
