"""Enter or edit a disclosure: what, from which document, when and where it was posted, and how else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_vn, parse_vn
from ...services import postings, reference
from ...services.handle import DataHandle
from ..widgets.forms import ok_cancel_row, resize_within_screen, save_then_close
from ..widgets.messages import current_lang, show_error
from ..workers import JobRunner, Latest

CHANNEL_LABELS = {
    "loudspeaker": QT_TRANSLATE_NOOP("PostingDialog", "Hệ thống truyền thanh"),
    "portal": QT_TRANSLATE_NOOP("PostingDialog", "Cổng/trang thông tin điện tử"),
    "written_notice": QT_TRANSLATE_NOOP("PostingDialog", "Văn bản gửi Đảng ủy, đoàn thể, trưởng thôn"),
    "village_meeting": QT_TRANSLATE_NOOP("PostingDialog", "Họp thôn, bản"),
    "social": QT_TRANSLATE_NOOP("PostingDialog", "Zalo, mạng xã hội"),
}
VillageRole = Qt.ItemDataRole.UserRole + 1


class Villages(QObject):
    """The commune's villages (the places a posting hangs) for a tab's posting dialogs: read in the
    database worker when made and each time the tab is shown (a village added in Cài đặt is there)."""

    def __init__(self, tab: QWidget, db: DataHandle, runner: JobRunner) -> None:
        super().__init__(tab)
        self.db, self.items = db, []
        self._read = Latest(runner, self)
        tab.installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        db = self.db
        self._read.submit(lambda: postings.villages(db), self._set)

    def _set(self, items: list[postings.VillageInfo]) -> None:
        self.items = items

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show:
            self.refresh()
        return False


def _date(edit: QLineEdit, field: str) -> date | None:
    return parse_vn(edit.text(), field)


class PostingDialog(QDialog):
    """The dialog stays open when the service refuses the entry, so nothing typed is lost. With the
    runner, the save runs in the database worker."""

    def __init__(self, villages: list[postings.VillageInfo], save: Callable[[postings.PostingInput], object],
                 parent: QWidget | None = None, today: date | None = None,
                 current: postings.PostingInput | None = None, budget_table_id: str | None = None,
                 poverty_review_id: str | None = None, runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self._save, self.runner = save, runner
        # What the posting shows (a budget table, a household list): kept through edits.
        self.budget_table_id = current.budget_table_id if current else budget_table_id
        self.poverty_review_id = current.poverty_review_id if current else poverty_review_id
        self.saved_result: object = None
        self.setWindowTitle(self.tr("Mục công khai") if current is None else self.tr("Sửa mục công khai"))
        resize_within_screen(self, 720, 760)
        lang = current_lang()
        self.kind = QComboBox()
        items = reference.disclosure_items()
        for kind in reference.disclosure_kinds():
            number = str(kind.item) if kind.item else "DM"
            self.kind.addItem(f"{number}. {kind.name(lang)}", kind.code)
            self.kind.setItemData(self.kind.count() - 1, items[kind.item]["name_vi" if lang == "vi" else "name_en"],
                                  Qt.ItemDataRole.ToolTipRole)
        self.period = QLineEdit(str((today or date.today()).year))
        self.period.setPlaceholderText("2026, 2026-Q1 … 2026-Q4, 2026-H1, 2026-9M")
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Để trống: lấy theo loại và kỳ"))
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText("15/QĐ-UBND")
        self.doc_date = QLineEdit()
        self.doc_date.setPlaceholderText("dd/mm/yyyy")
        self.issuer = QLineEdit()
        self.start_on = QLineEdit(format_vn(today or date.today()))
        self.start_on.setPlaceholderText(self.tr("để trống nếu chưa niêm yết"))
        self.end_on = QLineEdit()
        self.end_on.setPlaceholderText(self.tr("để trống nếu vẫn đang niêm yết"))
        self.places = QStandardItemModel(self)
        seat = QStandardItem(self.tr("Trụ sở UBND xã"))
        seat.setCheckable(True)
        seat.setCheckState(Qt.CheckState.Checked)
        seat.setData("seat", VillageRole)
        self.places.appendRow(seat)
        for v in villages:
            item = QStandardItem(self.tr("Nhà văn hóa %1").replace("%1", v.name))
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(v.id, VillageRole)
            self.places.appendRow(item)
        self.place_view = QListView()
        self.place_view.setModel(self.places)
        self.place_view.setMinimumHeight(110)
        self.other_place = QLineEdit()
        self.other_place.setPlaceholderText(self.tr("Nơi khác (nếu có), ví dụ: Chợ trung tâm xã"))
        self.channels: dict[str, QCheckBox] = {}
        self.speaker_from, self.speaker_to = QLineEdit(), QLineEdit()
        for edit in (self.speaker_from, self.speaker_to):
            edit.setPlaceholderText("dd/mm/yyyy")
        grid = QGridLayout()
        for row, (code, label) in enumerate(CHANNEL_LABELS.items()):
            box = QCheckBox(QCoreApplication.translate("PostingDialog", label))
            self.channels[code] = box
            grid.addWidget(box, row, 0)
        grid.addWidget(QLabel(self.tr("từ")), 0, 1)
        grid.addWidget(self.speaker_from, 0, 2)
        grid.addWidget(QLabel(self.tr("đến")), 0, 3)
        grid.addWidget(self.speaker_to, 0, 4)
        self.feedback_to = QLineEdit()
        self.feedback_to.setPlaceholderText(self.tr("Văn phòng HĐND và UBND xã"))
        self.feedback_until = QLineEdit()
        self.feedback_until.setPlaceholderText("dd/mm/yyyy")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        dates = QHBoxLayout()
        dates.addWidget(self.start_on)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end_on)
        form = QFormLayout()
        form.addRow(self.tr("Loại công khai:"), self.kind)
        form.addRow(self.tr("Kỳ:"), self.period)
        form.addRow(self.tr("Nội dung:"), self.title)
        form.addRow(self.tr("Văn bản số:"), self.doc_number)
        form.addRow(self.tr("Ngày văn bản:"), self.doc_date)
        form.addRow(self.tr("Cơ quan ban hành:"), self.issuer)
        form.addRow(self.tr("Niêm yết từ – đến:"), dates)
        form.addRow(self.tr("Nơi niêm yết:"), self.place_view)
        form.addRow("", self.other_place)
        form.addRow(self.tr("Hình thức khác:"), grid)
        form.addRow(self.tr("Ý kiến gửi về:"), self.feedback_to)
        form.addRow(self.tr("Hạn nhận ý kiến:"), self.feedback_until)
        form.addRow(self.tr("Ghi chú:"), self.notes)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(ok_cancel_row(self, self.tr("Lưu")))
        if current is not None:
            self._fill(current)

    def _fill(self, inp: postings.PostingInput) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(inp.kind)))
        self.period.setText(inp.subject_period)
        self.title.setText(inp.title)
        self.doc_number.setText(inp.doc_number)
        self.doc_date.setText(format_vn(inp.doc_date))
        self.issuer.setText(inp.issuer)
        self.start_on.setText(format_vn(inp.start_on))
        self.end_on.setText(format_vn(inp.end_on))
        chosen = {"seat" if p.place == "seat" else p.village_id for p in inp.places}
        for row in range(self.places.rowCount()):
            item = self.places.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(VillageRole) in chosen else Qt.CheckState.Unchecked)
        self.other_place.setText(next((p.label for p in inp.places if p.place == "other"), ""))
        for c in inp.channels:
            if c.channel in self.channels:
                self.channels[c.channel].setChecked(True)
            if c.channel == "loudspeaker":
                self.speaker_from.setText(format_vn(c.start_on))
                self.speaker_to.setText(format_vn(c.end_on))
        self.feedback_to.setText(inp.feedback_to)
        self.feedback_until.setText(format_vn(inp.feedback_until))
        self.notes.setPlainText(inp.notes)

    def entry(self) -> postings.PostingInput:
        start = _date(self.start_on, "ngày niêm yết")
        places = []
        for row in range(self.places.rowCount()):
            item = self.places.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                key = item.data(VillageRole)
                places.append(postings.PlaceInput("seat") if key == "seat" else postings.PlaceInput("village", key))
        if self.other_place.text().strip():
            places.append(postings.PlaceInput("other", label=self.other_place.text()))
        channels = []
        for code, box in self.channels.items():
            if box.isChecked():
                if code == "loudspeaker":
                    channels.append(postings.ChannelInput(code, _date(self.speaker_from, "ngày truyền thanh") or start,
                                                          _date(self.speaker_to, "ngày truyền thanh")))
                else:
                    channels.append(postings.ChannelInput(code, start))
        return postings.PostingInput(
            kind=self.kind.currentData(), subject_period=self.period.text(), title=self.title.text(),
            doc_number=self.doc_number.text(), doc_date=_date(self.doc_date, "ngày văn bản"),
            issuer=self.issuer.text(), start_on=start, end_on=_date(self.end_on, "ngày kết thúc niêm yết"),
            places=places, channels=channels,
            feedback_to=self.feedback_to.text(), feedback_until=_date(self.feedback_until, "hạn nhận ý kiến"),
            notes=self.notes.toPlainText(), budget_table_id=self.budget_table_id,
            poverty_review_id=self.poverty_review_id)

    def preset(self, kind: str, period: str, title: str = "", doc_number: str = "",
               doc_date: date | None = None) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.period.setText(period)
        self.title.setText(title)
        self.doc_number.setText(doc_number)
        self.doc_date.setText(format_vn(doc_date))

    def accept(self) -> None:
        try:
            entry = self.entry()
        except Exception as exc:  # noqa: BLE001 - a date that cannot be read; the dialog stays open
            show_error(self, exc)
            return
        save_then_close(self, self.runner, lambda: self._save(entry), self._saved)

    def _saved(self, result: object) -> None:
        self.saved_result = result
        super().accept()
