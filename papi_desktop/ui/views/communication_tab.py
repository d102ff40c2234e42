"""Tin, bài: what the commune published (portal, commune page, loudspeaker, Zalo) and the province's
monthly quota, month by month."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_vn
from ...services import communication
from ...services.handle import DataHandle
from ...services.record_sync import RecordState
from ..models.record_state import header_text, refresh_cells, state_item, states_unless_province
from ..widgets.messages import current_lang
from ..widgets.simple_form import Field, FormDialog
from ..widgets.tables import fit_columns, readonly_table, year_combo
from ..workers import JobRunner, Latest

QUOTA_COLORS = {"done": "#1b7f3b", "missing": "#b3261e", "pending": "#6b6b6b"}
COL_SYNC = 5  # the item's sync state, last


class CommunicationTab(QWidget):
    """Read and written in the database worker.

    Signals:
        sig_reloaded(): the year's quota and items were read and are shown.
    """

    sig_reloaded = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._read, self._states_read = Latest(runner, self), Latest(runner, self)
        self.today = date.today
        self.year = year_combo(self.today().year)
        self.add_button = QPushButton(self.tr("Ghi tin, bài đã đăng…"))
        self.quota = QStandardItemModel(self)
        self.quota_view = QTableView()
        self.quota_view.setModel(self.quota)
        self.quota_view.verticalHeader().hide()
        self.quota_view.setMaximumHeight(90)
        self.quota_label = QLabel()
        self.quota_label.setWordWrap(True)
        self.items = QStandardItemModel(self)
        self.item_view = readonly_table(self.items)
        bar = QHBoxLayout()
        bar.addWidget(self.year)
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.quota_label)
        layout.addWidget(self.quota_view)
        layout.addWidget(self.item_view, 1)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button.clicked.connect(self.add_item)
        self.reload()

    def reload(self) -> None:
        """Read the year's quota by month and its items in the database worker."""
        db, year, today = self.db, self.year.currentData(), self.today()

        def read() -> tuple:
            found = communication.items(db, year)
            return (communication.quota_by_month(db, year, today), found,
                    states_unless_province(db, {"news_item": [i.id for i in found]}))

        self._read.submit(read, lambda result: self._show(year, *result))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        refresh_cells(self._states_read.submit, self.db, [(self.items, COL_SYNC)], current_lang())

    def _show(self, year: int, months: list[communication.MonthQuota], found: list[communication.NewsInfo],
              states: dict[str, RecordState] | None = None) -> None:
        lang = current_lang()
        names = {c["code"]: c["name_en" if lang == "en" else "name_vi"] for c in communication.channels()}
        topics = {t["code"]: t["name_en" if lang == "en" else "name_vi"] for t in communication.topics()}
        quotas = communication.quotas(year)
        self.quota_label.setText("; ".join(q["name_en" if lang == "en" else "name_vi"] for q in quotas)
                                 or self.tr("Không có chỉ tiêu tin, bài cho năm này."))
        self.quota.clear()
        self.quota.setHorizontalHeaderLabels([self.tr("Th.%1").replace("%1", str(m)) for m in range(1, 13)])
        if months:
            cells = []
            for m in months[:12]:
                cell = QStandardItem(f"{m.done}/{m.required}")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setForeground(QBrush(QColor(QUOTA_COLORS[m.status])))
                cells.append(cell)
            self.quota.appendRow(cells)
        self.quota_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.items.clear()
        self.items.setHorizontalHeaderLabels([self.tr("Ngày đăng"), self.tr("Kênh"), self.tr("Chủ đề"),
                                              self.tr("Tiêu đề"), self.tr("Đường dẫn"), header_text()])
        for i in found:
            self.items.appendRow([*(QStandardItem(x) for x in (
                format_vn(i.published_on), names.get(i.channel, i.channel), topics.get(i.topic, i.topic), i.title,
                i.link)), state_item("news_item", i.id, states, lang)])
        fit_columns(self.item_view, contents=(0, 1, 2, COL_SYNC), stretch=3)
        self.item_view.setColumnHidden(COL_SYNC, states is None)  # the communes' to see, not the province's
        self.sig_reloaded.emit()

    def add_item(self) -> FormDialog:
        lang, db, today = current_lang(), self.db, self.today()
        key = "name_en" if lang == "en" else "name_vi"
        dialog = FormDialog(self.tr("Tin, bài đã đăng"), [
            Field("published_on", self.tr("Ngày đăng:"), "date", self.today()),
            Field("channel", self.tr("Kênh:"), "choice", choices=[(c[key], c["code"]) for c in communication.channels()]),
            Field("topic", self.tr("Chủ đề:"), "choice", choices=[(t[key], t["code"]) for t in communication.topics()]),
            Field("title", self.tr("Tiêu đề:")),
            Field("link", self.tr("Đường dẫn:"), placeholder="https://sonla.gov.vn/…")],
            lambda v: communication.add_item(db, communication.NewsInput(
                v["published_on"] or today, v["channel"], v["title"], v["topic"], v["link"])),
            self, runner=self.runner)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog
