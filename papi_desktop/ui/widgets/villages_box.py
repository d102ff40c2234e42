"""The commune's villages (each has a cultural house where disclosures hang) and its means of
disclosure (loudspeaker system, web page), editable in Cài đặt."""

from __future__ import annotations

from collections.abc import Callable

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
from ...services.handle import DataHandle
from ..workers import JobRunner, Latest
from .messages import show_error
from .role_gate import RoleGate

VillageIdRole = Qt.ItemDataRole.UserRole + 1


class VillagesBox(QGroupBox):
    """Read and written in the database worker.

    Signals:
        sig_changed(): a village or a means of disclosure was saved.
        sig_reloaded(): the villages and the means were read and are shown.
    """

    sig_changed = Signal()
    sig_reloaded = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Thôn, bản và hình thức công khai"))
        self.db, self.runner = db, runner
        self._read = Latest(runner, self)
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setMaximumHeight(150)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Tên thôn, bản, tổ dân phố mới, ví dụ: Bản Hin"))
        self.add_button = QPushButton(self.tr("Thêm"))
        self.loudspeaker = QCheckBox(self.tr("Xã có hệ thống truyền thanh"))
        self.loudspeaker.setChecked(True)
        self.portal = QCheckBox(self.tr("Xã có trang thông tin điện tử"))
        self.loading = True  # the boxes show what was read, not a change to save
        reading = QStandardItem(self.tr("Đang đọc…"))  # until the worker's read arrives (_show clears it)
        reading.setEnabled(False)
        self.model.appendRow(reading)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        means = QHBoxLayout()
        means.addWidget(self.loudspeaker)
        means.addWidget(self.portal)
        means.addStretch(1)
        self.gate = RoleGate(db, "settings").hold(self.new_name, self.add_button, self.loudspeaker, self.portal)
        layout = QVBoxLayout(self)
        layout.addWidget(self.gate.note())
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
        db = self.db
        self._read.submit(lambda: (postings.villages(db, include_inactive=True), setup.get_profile(db)),
                          lambda result: self._show(*result))

    def _show(self, villages: list[postings.VillageInfo], profile: setup.Profile | None) -> None:
        self.loading = True
        self.model.blockSignals(True)
        self.model.clear()
        for v in villages:
            item = QStandardItem(v.name)
            item.setCheckable(True)
            if not self.gate.allowed:  # renamed, (de)activated by an administrator only
                item.setFlags(item.flags() & ~(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable))
            item.setCheckState(Qt.CheckState.Checked if v.active else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("Bỏ chọn khi thôn, bản không còn (sáp nhập): các lần niêm yết cũ vẫn giữ."))
            item.setData(v.id, VillageIdRole)
            self.model.appendRow(item)
        self.model.blockSignals(False)
        if profile is not None:
            self.loudspeaker.setChecked(profile.has_loudspeaker)
            self.portal.setChecked(profile.has_portal)
        self.loading = False
        self.sig_reloaded.emit()

    def _write(self, fn: Callable[[], object], reload_after: bool = False) -> None:
        def refused(exc: BaseException) -> None:
            show_error(self, exc)
            self.reload()  # what is shown goes back to what is stored

        def written(_result: object) -> None:
            if reload_after:
                self.reload()
            self.sig_changed.emit()

        self.runner.submit(fn, written, refused, owner=self)

    def add_village(self) -> None:
        db, name = self.db, self.new_name.text()

        def written(_result: object) -> None:
            self.new_name.clear()
            self.reload()
            self.sig_changed.emit()

        self.runner.submit(lambda: postings.add_village(db, name), written, owner=self)

    def _edited(self, item: QStandardItem) -> None:
        if self.loading:
            return
        db, village_id, name = self.db, item.data(VillageIdRole), item.text()
        active = item.checkState() == Qt.CheckState.Checked
        self._write(lambda: postings.set_village(db, village_id, name=name, active=active))

    def _save_means(self) -> None:
        if self.loading:
            return
        db, loudspeaker, portal = self.db, self.loudspeaker.isChecked(), self.portal.isChecked()
        self._write(lambda: postings.set_means(db, loudspeaker, portal))
