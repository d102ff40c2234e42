"""Nhật ký thao tác: the audit trail, newest first, filtered by who, what and when; an entry's detail (the
records a change touched, a citizen's data masked); the integrity check, run on the database worker, which
says where the chain breaks and shows that entry. Opened from Cài đặt (AuditButton)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Cancelled
from ...domain.jobs import CancelToken
from ...services import audit
from ...services.handle import DataHandle
from ..job_progress import QtProgress
from ..models.lazy import LazyTableModel, indexed
from ..widgets.forms import resize_within_screen
from ..widgets.messages import current_lang, error_text
from ..workers import JobRunner, Latest

KIND_LABELS = {
    "change": QT_TRANSLATE_NOOP("AuditModel", "Thay đổi dữ liệu"),
    "import": QT_TRANSLATE_NOOP("AuditModel", "Nhập"),
    "export": QT_TRANSLATE_NOOP("AuditModel", "Xuất"),
    "sign": QT_TRANSLATE_NOOP("AuditModel", "Ký số"),
    "backup": QT_TRANSLATE_NOOP("AuditModel", "Sao lưu"),
    "restore": QT_TRANSLATE_NOOP("AuditModel", "Khôi phục"),
    "key": QT_TRANSLATE_NOOP("AuditModel", "Khóa, chứng thư"),
    "login": QT_TRANSLATE_NOOP("AuditModel", "Đăng nhập"),
    "account": QT_TRANSLATE_NOOP("AuditModel", "Tài khoản"),
    "personal": QT_TRANSLATE_NOOP("AuditModel", "Dữ liệu cá nhân"),
    "genesis": QT_TRANSLATE_NOOP("AuditModel", "Bắt đầu nhật ký"),
}


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("AuditModel", KIND_LABELS[kind]) if kind in KIND_LABELS else kind


class AuditModel(LazyTableModel):
    """The entries of the filter: only their numbers held, pages read on the worker as the view scrolls."""

    SEQ, WHEN, WHO, KIND, WHAT = range(5)
    CONTEXT = "AuditModel"
    HEADERS = (QT_TRANSLATE_NOOP("AuditModel", "Số"), QT_TRANSLATE_NOOP("AuditModel", "Thời gian"),
               QT_TRANSLATE_NOOP("AuditModel", "Người thực hiện"), QT_TRANSLATE_NOOP("AuditModel", "Loại"),
               QT_TRANSLATE_NOOP("AuditModel", "Nội dung"))
    COLUMNS = ("seq", "at_utc", "actor", "kind", "detail")

    def display(self, item: audit.Entry, col: int, for_sort: bool) -> object:
        if col == self.SEQ:
            return item.seq
        if col == self.WHEN:
            return item.at_utc if for_sort else item.local_time()
        if col == self.WHO:
            return item.actor or QCoreApplication.translate("AuditModel", "(chương trình)")
        if col == self.KIND:
            return kind_label(item.kind)
        return item.summary(self.lang)

    def extra(self, item: audit.Entry, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and col == self.WHAT:
            return item.summary(self.lang)
        return None


class AuditDialog(QDialog):
    """Signals:
        sig_listed(int): the entries the filter matched were listed (their number).
        sig_details(str): an entry's detail was shown.
        sig_verified(object): the integrity check's verdict (services.audit.Verdict).
        sig_failed(str): the message shown for a failure.
    """

    sig_listed = Signal(int)
    sig_details = Signal(str)
    sig_verified = Signal(object)
    sig_failed = Signal(str)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._list, self._detail = Latest(runner, self), Latest(runner, self)
        self._progress: QtProgress | None = None
        self._show_after_list: int | None = None  # the entry to select once the list is read (a break)
        self.setWindowTitle(self.tr("Nhật ký thao tác"))
        resize_within_screen(self, 980, 640)
        self.who = QComboBox()
        self.who.addItem(self.tr("Mọi người"), "")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Mọi loại"), "")
        for kind in audit.KINDS:
            self.kind.addItem(kind_label(kind), kind)
        today = QDate.currentDate()
        self.since_on, self.until_on = QCheckBox(self.tr("Từ ngày")), QCheckBox(self.tr("đến ngày"))
        self.since, self.until = QDateEdit(today.addDays(-30)), QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
        self.model = AuditModel(lambda ids: audit.rows(db, ids), current_lang(), self, runner)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (AuditModel.SEQ, AuditModel.WHEN, AuditModel.WHO, AuditModel.KIND):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditModel.WHAT, QHeaderView.ResizeMode.Stretch)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Chọn một mục để xem chi tiết."))
        self.verify_button = QPushButton(self.tr("Kiểm tra tính toàn vẹn"))
        self.close_button = QPushButton(self.tr("Đóng"))
        self.count_label = QLabel()
        self.status = QLabel(self.tr("Mỗi thao tác được ghi kèm mã băm nối chuỗi: sửa, xóa hay chèn một mục đều bị "
                                     "phát hiện khi kiểm tra."))
        self.status.setWordWrap(True)

        filters = QHBoxLayout()
        for label, widget in ((self.tr("Người thực hiện:"), self.who), (self.tr("Loại:"), self.kind)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        for widget in (self.since_on, self.since, self.until_on, self.until):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.verify_button)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(actions)

        for combo in (self.who, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for box, edit in ((self.since_on, self.since), (self.until_on, self.until)):
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(lambda _on: self.reload())
            edit.dateChanged.connect(lambda _d: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self.verify_button.clicked.connect(self.start_verify)
        self.close_button.clicked.connect(self.reject)
        runner.submit(lambda: audit.actors(db), self._actors, self._failed, owner=self)
        self.reload()

    # --- the list ------------------------------------------------------------------------------------

    def filter(self) -> audit.Filter:
        return audit.Filter(self.who.currentData() or "", self.kind.currentData() or "",
                            self.since.date().toPython() if self.since_on.isChecked() else None,
                            self.until.date().toPython() if self.until_on.isChecked() else None)

    def _actors(self, names: list[str]) -> None:
        for name in names:
            self.who.addItem(name, name)

    def reload(self) -> None:
        db, flt = self.db, self.filter()
        self._list.submit(lambda: indexed(audit.ids(db, flt)), self._listed, self._failed)

    def _listed(self, ids: Any) -> None:
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("%1 mục").replace("%1", str(self.model.total())))
        self.details.clear()
        if self._show_after_list is not None:
            self.show_entry(self._show_after_list)
            self._show_after_list = None
        self.sig_listed.emit(self.model.total())

    def show_entry(self, seq: int) -> bool:
        """Select entry seq when the filter lists it (the view fetches down to it)."""
        row = self.model.row_of(str(seq))
        if row < 0:
            return False
        while self.model.rowCount() <= row and self.model.canFetchMore():
            self.model.fetchMore()
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # --- an entry's detail ---------------------------------------------------------------------------

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        seq = self.model.row_id(rows[0].row()) if rows else None
        if seq is None:
            return
        db, number = self.db, int(seq)
        self._detail.submit(lambda: (audit.rows(db, [str(number)]), audit.changes_of(db, number, limit=200)),
                            lambda found: self._details(*found), self._failed)

    def _details(self, found: list[audit.Entry], changes: list[audit.ChangeRow]) -> None:
        if not found:
            return
        e, lang = found[0], current_lang()
        lines = [self.tr("Mục số %1 — %2 — %3").replace("%1", str(e.seq)).replace("%2", e.local_time())
                 .replace("%3", e.actor or self.tr("(chương trình)")), e.summary(lang),
                 self.tr("Máy: %1. Mã băm: %2").replace("%1", e.node).replace("%2", e.hash)]
        ops = {"insert": self.tr("thêm"), "update": self.tr("sửa"), "delete": self.tr("xóa")}
        for c in changes:
            lines.append("")
            lines.append(f"{ops.get(c.op, c.op)} {audit.table_label(c.table, lang)} {c.record_id} ({c.actor or '—'})")
            lines += [f"    {name}: {_value(before)} → {_value(after)}" if c.op != "insert" else
                      f"    {name}: {_value(after)}" for name, (before, after) in c.fields.items()]
        if e.change_count > len(changes):
            lines.append(self.tr("… và %1 thay đổi khác.").replace("%1", str(e.change_count - len(changes))))
        text = "\n".join(lines)
        self.details.setPlainText(text)
        self.sig_details.emit(text)

    # --- the integrity check -------------------------------------------------------------------------

    def start_verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.status.setText(self.tr("Đang kiểm tra nhật ký thao tác…"))
        token = CancelToken()
        self._progress = QtProgress(self, self.tr("Đang kiểm tra tính toàn vẹn của nhật ký…"), token)
        db, progress = self.db, self._progress
        self.runner.submit(lambda: audit.verify(db, progress=progress, cancel=token), self._verified, self._failed,
                           owner=self)

    def _verified(self, verdict: audit.Verdict) -> None:
        self._stop_progress()
        self.verify_button.setEnabled(True)
        text = verdict.message(current_lang())
        if verdict.ok:
            self.status.setText(self.tr("Toàn vẹn. %1").replace("%1", text))
        else:
            self.status.setText(self.tr("CẢNH BÁO: nhật ký đã bị can thiệp. %1").replace("%1", text))
            seq = verdict.broken.seq
            if seq is not None and not self.show_entry(seq) and self.filter() != audit.Filter():
                self._show_after_list = seq  # filtered out: every entry is listed again and it is shown
                self._clear_filters()
        self.status.setStyleSheet("" if verdict.ok else "color: #b00020; font-weight: bold;")
        self.sig_verified.emit(verdict)

    def _clear_filters(self) -> None:
        for widget in (self.who, self.kind, self.since_on, self.until_on):
            widget.blockSignals(True)
        self.who.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self.since_on.setChecked(False)
        self.until_on.setChecked(False)
        for widget in (self.who, self.kind, self.since_on, self.until_on):
            widget.blockSignals(False)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        self.reload()

    def _stop_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def _failed(self, exc: BaseException) -> None:
        self._stop_progress()
        self.verify_button.setEnabled(True)
        message = self.tr("Đã hủy.") if isinstance(exc, Cancelled) else error_text(exc)
        self.status.setText(message)
        self.sig_failed.emit(message)


def _value(value: object) -> str:
    if value is None or value == "":
        return "∅"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 80 else text[:79] + "…"


class AuditButton(QPushButton):
    """“Nhật ký thao tác…” in Cài đặt: opens the viewer on the page's database and worker."""

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nhật ký thao tác…"), parent)
        self.db, self.runner = db, runner
        self.dialog: AuditDialog | None = None
        self.clicked.connect(self.open_dialog)

    def open_dialog(self) -> AuditDialog:
        self.dialog = AuditDialog(self.db, self.runner, self.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog
