"""The commune's villages (each has a cultural house where disclosures hang) and its means of
disclosure (loudspeaker system, web page), editable in Cài đặt."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import postings, setup
from ...storage.db import Database
from .messages import show_error

VillageIdRole = Qt.ItemDataRole.UserRole + 1


class VillagesBox(QGroupBox):
    """Signals:
        sig_changed(): a village or a means of disclosure was saved.
    """

    sig_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Thôn, bản và hình thức công khai"))
        self.db = db
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setMaximumHeight(150)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Tên thôn, bản, tổ dân phố mới, ví dụ: Bản Hin"))
        self.add_button = QPushButton(self.tr("Thêm"))
        profile = setup.get_profile(db)
        self.loudspeaker = QCheckBox(self.tr("Xã có hệ thống truyền thanh"))
        self.loudspeaker.setChecked(profile.has_loudspeaker if profile else True)
        self.portal = QCheckBox(self.tr("Xã có trang thông tin điện tử"))
        self.portal.setChecked(profile.has_portal if profile else False)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        means = QHBoxLayout()
        means.addWidget(self.loudspeaker)
        means.addWidget(self.portal)
        means.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(row)
        layout.addLayout(means)
        self.reload()
        self.add_button.clicked.connect(self.add_village)
        self.new_name.returnPressed.connect(self.add_village)
        self.model.itemChanged.connect(self._edited)
        self.loudspeaker.toggled.connect(lambda _c: self._save_means())
        self.portal.toggled.connect(lambda _c: self._save_means())

    def reload(self) -> None:
        self.model.blockSignals(True)
        self.model.clear()
        for v in postings.villages(self.db, include_inactive=True):
            item = QStandardItem(v.name)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked if v.active else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("Bỏ chọn khi thôn, bản không còn (sáp nhập): các lần niêm yết cũ vẫn giữ."))
            item.setData(v.id, VillageIdRole)
            self.model.appendRow(item)
        self.model.blockSignals(False)

    def add_village(self) -> None:
        try:
            postings.add_village(self.db, self.new_name.text())
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.new_name.clear()
        self.reload()
        self.sig_changed.emit()

    def _edited(self, item: QStandardItem) -> None:
        try:
            postings.set_village(self.db, item.data(VillageIdRole), name=item.text(),
                                 active=item.checkState() == Qt.CheckState.Checked)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            self.reload()
            return
        self.sig_changed.emit()

    def _save_means(self) -> None:
        try:
            postings.set_means(self.db, self.loudspeaker.isChecked(), self.portal.isChecked())
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.sig_changed.emit()
