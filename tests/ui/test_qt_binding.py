"""The Qt binding itself: what the pages rely on and a broken release once got wrong."""

from __future__ import annotations

import sys

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication


def test_empty_item_data_keeps_none_alive(qapp: QApplication) -> None:
    """PySide6 6.12.0 released a reference to None for every empty QVariant crossing into Python
    (setData(None), data() of an unset role) under Python 3.11, until the interpreter aborted with
    "deallocating None" — on the home page of a commune with many petitions."""
    model = QStandardItemModel()
    item = QStandardItem("x")
    model.appendRow(item)
    before = sys.getrefcount(None)
    for _ in range(1000):
        item.setData(None, 257)
        item.data(258)
        model.index(0, 0).data(259)
    assert sys.getrefcount(None) >= before - 50  # other objects come and go; a leak loses 3,000
