"""Đơn thư: the petition register with each petition's next legal step and due date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_vn, parse_vn
from ...services import petitions as ps
from ...services import province
from ...services.handle import DataHandle
from ..models.lazy import Indexed, indexed
from ..models.record_state import SyncedTableModel, labels, with_states
from ..widgets.flow import FlowLayout, placeholder_width
from ..widgets.forms import ok_cancel_row, resize_within_screen
from ..widgets.messages import current_lang, show_error
from ..widgets.tables import show_row, text_columns
from ..workers import JobRunner, Latest

CLASS_LABELS = {
    "khieu_nai": QT_TRANSLATE_NOOP("PetitionsPage", "Khiếu nại"),
    "to_cao": QT_TRANSLATE_NOOP("PetitionsPage", "Tố cáo"),
    "kien_nghi": QT_TRANSLATE_NOOP("PetitionsPage", "Kiến nghị, phản ánh"),
    "nhieu_noi_dung": QT_TRANSLATE_NOOP("PetitionsPage", "Nhiều nội dung"),
}


def class_label(code: str) -> str:
    return QCoreApplication.translate("PetitionsPage", CLASS_LABELS[code]) if code in CLASS_LABELS else code



class PetitionTableModel(SyncedTableModel):
    COL_NO, COL_DATE, COL_SENDER, COL_CONTENT, COL_CLASS, COL_NEXT, COL_DUE = range(7)
    COL_SYNC = 7  # the record's sync state (SyncedTableModel)
    CONTEXT = "PetitionTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("PetitionTableModel", "Số đến"),
        QT_TRANSLATE_NOOP("PetitionTableModel", "Ngày nhận"),
        QT_TRANSLATE_NOOP("PetitionTableModel", "Người gửi"),
        QT_TRANSLATE_NOOP("PetitionTableModel", "Nội dung"),
        QT_TRANSLATE_NOOP("PetitionTableModel", "Loại"),
        QT_TRANSLATE_NOOP("PetitionTableModel", "Bước tiếp theo"),
        QT_TRANSLATE_NOOP("PetitionTableModel", "Hạn"),
    )
    COLUMNS = ("register_no", "received_on", "sender", "content", "content_class", "next_step", "next_due")

    def display(self, item: ps.PetitionRow, col: int, for_sort: bool) -> object:
        if col == self.COL_DATE:
            return format_vn(item.received_on)
        if col == self.COL_CLASS:
            return class_label(item.content_class)
        if col == self.COL_DUE:
            return format_vn(item.next_due) if item.closed_on is None else format_vn(item.closed_on)
        if col == self.COL_NEXT and item.closed_on is not None:
            return QCoreApplication.translate("PetitionTableModel", "Đã kết thúc")
        return super().display(item, col, for_sort)

    def extra(self, item: ps.PetitionRow, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_DUE and item.overdue:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_SENDER, self.COL_CONTENT, self.COL_NEXT):
            return self.display(item, col, False)
        return None


class PetitionDialog(QDialog):
    """Enter a petition in the register."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vào sổ đơn"))
        resize_within_screen(self, 560, 460)
        self.received_on = QLineEdit(format_vn(today or date.today()))
        self.source = QComboBox()
        for code, label in (("reception", self.tr("Qua tiếp công dân")), ("post", self.tr("Qua bưu chính")),
                            ("portal", self.tr("Qua cổng thông tin")), ("forwarded", self.tr("Cơ quan khác chuyển")),
                            ("mailbox", self.tr("Hộp thư góp ý"))):
            self.source.addItem(label, code)
        self.sender = QLineEdit()
        self.address = QLineEdit()
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content_class = QComboBox()
        for code in ps.CONTENT_CLASSES:
            self.content_class.addItem(class_label(code), code)
        self.eligible = QCheckBox(self.tr("Đủ điều kiện xử lý"))
        self.eligible.setChecked(True)
        self.within = QCheckBox(self.tr("Thuộc thẩm quyền của xã"))
        self.within.setChecked(True)
        self.remote = QCheckBox(self.tr("Vùng sâu, vùng xa đi lại khó khăn"))
        self.complex = QCheckBox(self.tr("Vụ việc phức tạp"))
        form = QFormLayout()
        form.addRow(self.tr("Ngày nhận:"), self.received_on)
        form.addRow(self.tr("Nguồn đơn:"), self.source)
        form.addRow(self.tr("Người gửi:"), self.sender)
        form.addRow(self.tr("Địa chỉ:"), self.address)
        form.addRow(self.tr("Nội dung:"), self.content)
        form.addRow(self.tr("Phân loại:"), self.content_class)
        for box in (self.eligible, self.within, self.remote, self.complex):
            form.addRow("", box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(ok_cancel_row(self, self.tr("Vào sổ")))

    def entry(self) -> ps.PetitionInput:
        return ps.PetitionInput(
            received_on=parse_vn(self.received_on.text(), "ngày nhận") or date.today(),
            content=self.content.toPlainText(), content_class=self.content_class.currentData(),
            source=self.source.currentData(), sender=self.sender.text(), sender_address=self.address.text(),
            eligible=self.eligible.isChecked(), within_authority=self.within.isChecked(),
            remote_area=self.remote.isChecked(), complex_case=self.complex.isChecked())


class StepDialog(QDialog):
    """Record a processing step (phiếu đề xuất thụ lý, phiếu chuyển, hướng dẫn, thụ lý, giải quyết, trả lời)."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ghi bước xử lý đơn"))
        self.kind = QComboBox()
        for code, label in (("propose", self.tr("Phiếu đề xuất thụ lý")), ("transfer", self.tr("Phiếu chuyển đơn")),
                            ("guide", self.tr("Hướng dẫn, trả lại đơn")), ("accept", self.tr("Thông báo thụ lý")),
                            ("resolve", self.tr("Quyết định, kết luận giải quyết")),
                            ("reply", self.tr("Trả lời công dân")), ("file", self.tr("Lưu đơn"))):
            self.kind.addItem(label, code)
        self.done_on = QLineEdit(format_vn(today or date.today()))
        self.doc = QLineEdit()
        self.note = QLineEdit()
        self.close_box = QCheckBox(self.tr("Kết thúc theo dõi đơn này"))
        form = QFormLayout()
        form.addRow(self.tr("Bước:"), self.kind)
        form.addRow(self.tr("Ngày:"), self.done_on)
        form.addRow(self.tr("Số, ký hiệu văn bản:"), self.doc)
        form.addRow(self.tr("Ghi chú:"), self.note)
        form.addRow("", self.close_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(ok_cancel_row(self, self.tr("Lưu")))


class PetitionsPage(QWidget):
    """Read and written in the database worker.

    Signals:
        sig_changed(): a petition or a step was saved.
        sig_reloaded(int): the list was read and is shown (its number of petitions).
    """

    sig_changed = Signal()
    sig_reloaded = Signal(int)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._read = Latest(runner, self)
        self.today = date.today
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo người gửi, nội dung, số đến (không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        self.state = QComboBox()
        self.state.addItem(self.tr("Đang theo dõi"), "open")
        self.state.addItem(self.tr("Đã kết thúc"), "closed")
        self.state.addItem(self.tr("Tất cả"), None)
        self.add_button = QPushButton(self.tr("Vào sổ đơn (Ctrl+N)"))
        self.step_button = QPushButton(self.tr("Ghi bước xử lý…"))
        lang = current_lang()
        rows = with_states(db, "petition", lambda ids: ps.petition_rows(db, ids, self.today(), lang))
        self.model = PetitionTableModel(rows, lang, self, runner)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(PetitionTableModel.COL_CONTENT,
                                                           QHeaderView.ResizeMode.Stretch)
        text_columns(self.table, {PetitionTableModel.COL_NO: "0000/0000", PetitionTableModel.COL_DATE: "00/00/0000",
                                  PetitionTableModel.COL_SENDER: 160, PetitionTableModel.COL_CLASS: 110,
                                  PetitionTableModel.COL_NEXT: 240, PetitionTableModel.COL_DUE: "00/00/0000",
                                  PetitionTableModel.COL_SYNC: max(labels(), key=self.fontMetrics().horizontalAdvance)})
        self.count = QLabel()
        bar = FlowLayout()
        bar.addWidget(self.search, stretch=True, min_width=placeholder_width(self.search))
        for w in (self.state, self.add_button, self.step_button):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.state.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button.clicked.connect(self.add_petition)
        self.step_button.clicked.connect(self.add_step)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add_petition)
        self.reload()

    def reload(self) -> None:
        db, search, state = self.db, self.search.text(), self.state.currentData()
        self._read.submit(lambda: (indexed(ps.petition_ids(db, search, state)), province.is_province(db)),
                          lambda read: self._show(*read))

    def _show(self, ids: Indexed, is_province: bool = False) -> None:
        self.table.setColumnHidden(PetitionTableModel.COL_SYNC, is_province)  # the communes' to see
        self.model.set_ids(ids)
        self.count.setText(self.tr("%1 đơn").replace("%1", str(len(ids.ids))))
        self.sig_reloaded.emit(len(ids.ids))

    def select_record(self, petition_id: str) -> None:
        """Show one petition selected (the home page's double-click). The list is read again in the
        worker under filters that hold it (its own state's when the chosen one is another, no search if
        the search hides it); then its row, wherever the lazy list has it, is scrolled to and made current."""
        self._timer.stop()
        db, search, state = self.db, self.search.text(), self.state.currentData()

        def read() -> tuple[str, str | None, Indexed, bool]:
            own = ps.petition_state(db, petition_id)
            shown_state = state if state is None or own is None else own
            ids = indexed(ps.petition_ids(db, search, shown_state))
            words = search
            if petition_id not in ids.rows and search:
                words = ""
                ids = indexed(ps.petition_ids(db, "", shown_state))
            return words, shown_state, ids, province.is_province(db)

        self._read.submit(read, lambda read: self._selected_read(petition_id, *read))

    def _selected_read(self, petition_id: str, search: str, state: str | None, ids: Indexed,
                       is_province: bool) -> None:
        with QSignalBlocker(self.search), QSignalBlocker(self.state):
            self.search.setText(search)
            self.state.setCurrentIndex(next(i for i in range(self.state.count())
                                            if self.state.itemData(i) == state))
        self._show(ids, is_province)
        show_row(self.table, ids.rows.get(petition_id, -1))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.model.refresh_states()  # back from the Đồng bộ page: a sync may have moved them

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def _saved(self, _result: object = None) -> None:
        self.reload()
        self.sig_changed.emit()

    def add_petition(self) -> None:
        dialog = PetitionDialog(self, self.today())
        if not dialog.exec():
            return
        try:
            entry = dialog.entry()
        except Exception as exc:  # noqa: BLE001 - a date that cannot be read, nothing written
            show_error(self, exc)
            return
        db = self.db
        self.runner.submit(lambda: ps.add_petition(db, entry), self._saved, owner=self)

    def add_step(self) -> None:
        petition_id = self.selected_id()
        if petition_id is None:
            show_error(self, self.tr("Hãy chọn một đơn trong danh sách."))
            return
        dialog = StepDialog(self, self.today())
        if not dialog.exec():
            return
        try:
            done_on = parse_vn(dialog.done_on.text(), "ngày") or self.today()
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        db, kind, doc, note, close = (self.db, dialog.kind.currentData(), dialog.doc.text(), dialog.note.text(),
                                      dialog.close_box.isChecked())

        def write() -> None:
            ps.add_step(db, petition_id, kind, done_on, doc, note)
            if close:
                ps.close(db, petition_id, done_on, note)

        self.runner.submit(write, self._saved, owner=self)
