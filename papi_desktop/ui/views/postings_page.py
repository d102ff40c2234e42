"""Công khai: the disclosure register, budget tables, poverty lists, the communication log and the
year's compliance dashboard, one tab each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_vn
from ...domain.period_labels import period_name
from ...services import compliance, notices, postings, province
from ...services.handle import DataHandle
from ..models.record_state import SyncedTableModel, labels, with_states
from ..widgets.flow import FlowLayout, placeholder_width
from ..widgets.messages import current_lang, show_error, show_info
from ..widgets.simple_form import Field, FormDialog
from ..widgets.tables import text_columns, year_combo
from ..workers import JobRunner, Latest
from .posting_dialog import PostingDialog, Villages

STATUS_COLORS = {"ok": "#1b7f3b", "in_progress": "#1f5fa8", "due": "#7a7a7a", "late": "#d98200",
                 "too_short": "#e0531f", "missing_places": "#b5367a", "missing_forms": "#7b3fa8",
                 "missing": "#b3261e", "unknown": "#7a7a7a"}
STATUS_NAMES = {
    "ok": QT_TRANSLATE_NOOP("Disclosure", "Đạt"), "in_progress": QT_TRANSLATE_NOOP("Disclosure", "Đang niêm yết"),
    "due": QT_TRANSLATE_NOOP("Disclosure", "Sắp đến hạn"), "late": QT_TRANSLATE_NOOP("Disclosure", "Chậm"),
    "too_short": QT_TRANSLATE_NOOP("Disclosure", "Chưa đủ thời gian"),
    "missing_places": QT_TRANSLATE_NOOP("Disclosure", "Thiếu nơi niêm yết"),
    "missing_forms": QT_TRANSLATE_NOOP("Disclosure", "Thiếu hình thức"),
    "missing": QT_TRANSLATE_NOOP("Disclosure", "Chưa công khai"), "unknown": QT_TRANSLATE_NOOP("Disclosure", "Không có quy tắc"),
}


def status_name(status: str) -> str:
    return QCoreApplication.translate("Disclosure", STATUS_NAMES.get(status, status))


class PostingTableModel(SyncedTableModel):
    COL_START, COL_TITLE, COL_PERIOD, COL_PLACES, COL_DEADLINE, COL_STATUS = range(6)
    COL_SYNC = 6  # the record's sync state (SyncedTableModel)
    CONTEXT = "PostingTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("PostingTableModel", "Niêm yết từ"),
        QT_TRANSLATE_NOOP("PostingTableModel", "Nội dung công khai"),
        QT_TRANSLATE_NOOP("PostingTableModel", "Kỳ"),
        QT_TRANSLATE_NOOP("PostingTableModel", "Số nơi"),
        QT_TRANSLATE_NOOP("PostingTableModel", "Hạn"),
        QT_TRANSLATE_NOOP("PostingTableModel", "Tình trạng"),
    )
    COLUMNS = ("start_on", "title", "subject_period", "places", "deadline", "status")

    def display(self, item: compliance.PostingRow, col: int, for_sort: bool) -> object:
        if col in (self.COL_START, self.COL_DEADLINE):
            return format_vn(getattr(item, self.COLUMNS[col]))
        if col == self.COL_STATUS:
            return status_name(item.status)
        if col == self.COL_PERIOD and not for_sort:  # sorted by its code: "2026-Q1" before "2026-Q2"
            return period_name(item.subject_period, self.lang)
        return super().display(item, col, for_sort)

    def extra(self, item: compliance.PostingRow, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATUS:
            return QBrush(QColor(STATUS_COLORS.get(item.status, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.reason_en if self.lang == "en" else item.reason_vi
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_PLACES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RegisterTab(QWidget):
    """Read and written in the database worker.

    Signals:
        sig_changed(): a posting, its evidence or its feedback was saved.
        sig_reloaded(int): the register's list was read and is shown (its number of postings).
        sig_detail_shown(str): the selected posting (its id) was read and is shown under the list.
        sig_notice(object): the path of a notice's PDF just written.
    """

    sig_changed = Signal()
    sig_reloaded = Signal(int)
    sig_detail_shown = Signal(str)
    sig_notice = Signal(object)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._read, self._detail_read = Latest(runner, self), Latest(runner, self)
        self.villages = Villages(self, db, runner)
        self.shown_detail: postings.PostingDetail | None = None  # the selected posting's, as last read
        self.today = date.today
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo nội dung, số văn bản (không dấu cũng được)… Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.year = year_combo(self.today().year, ahead=1, any_label=self.tr("Mọi năm"))
        self.add_button = QPushButton(self.tr("Thêm mục công khai (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Sửa…"))
        self.notice_button = QPushButton(self.tr("In thông báo (PDF)…"))
        self.paper = QComboBox()
        self.paper.addItem(self.tr("Khổ A4"), "A4")
        self.paper.addItem(self.tr("Khổ A3"), "A3")
        self.evidence_button = QPushButton(self.tr("Thêm minh chứng…"))
        self.feedback_button = QPushButton(self.tr("Ghi ý kiến…"))
        self.answer_button = QPushButton(self.tr("Trả lời ý kiến…"))
        rows = with_states(db, "posting", lambda ids: compliance.posting_rows(db, ids, self.today()))
        self.model = PostingTableModel(rows, current_lang(), self, runner)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(PostingTableModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        statuses = [status_name(s) for s in STATUS_NAMES]
        widest = self.fontMetrics().horizontalAdvance
        periods = [period_name(code, self.model.lang) for code in ("2026", "2026-Q3", "2026-H1", "2026-9M")]
        text_columns(self.table, {PostingTableModel.COL_START: "00/00/0000",
                                  PostingTableModel.COL_PERIOD: max(periods, key=widest),
                                  PostingTableModel.COL_PLACES: "000", PostingTableModel.COL_DEADLINE: "00/00/0000",
                                  PostingTableModel.COL_STATUS: max(statuses, key=widest),
                                  PostingTableModel.COL_SYNC: max(labels(), key=widest)})
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(False)
        self.count = QLabel()
        bar = FlowLayout()
        bar.addWidget(self.search, stretch=True, min_width=placeholder_width(self.search))
        bar.addWidget(self.year)
        bar.addWidget(self.add_button)
        buttons = FlowLayout()
        for b in (self.edit_button, self.notice_button, self.paper, self.evidence_button, self.feedback_button,
                  self.answer_button, self.count):
            buttons.addWidget(b)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([420, 180])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button.clicked.connect(self.add_posting)
        self.edit_button.clicked.connect(self.edit_posting)
        self.notice_button.clicked.connect(self.print_notice)
        self.evidence_button.clicked.connect(self.add_evidence)
        self.feedback_button.clicked.connect(self.add_feedback)
        self.answer_button.clicked.connect(self.answer_feedback)
        self.table.doubleClicked.connect(lambda _i: self.edit_posting())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_detail())
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add_posting)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
        self.reload()

    def reload(self) -> None:
        """Read the register's ids in the database worker."""
        db, search, year = self.db, self.search.text(), self.year.currentData()
        self._read.submit(lambda: (compliance.posting_ids(db, search, year), province.is_province(db)),
                          lambda read: self._show(*read))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.model.refresh_states()  # back from the Đồng bộ page: a sync may have moved them

    def _show(self, ids: list[str], is_province: bool = False) -> None:
        self.table.setColumnHidden(PostingTableModel.COL_SYNC, is_province)  # the communes' to see
        self.model.set_ids(ids)
        self.count.setText(self.tr("%1 mục").replace("%1", str(len(ids))))
        self._detail_read.cancel()
        self.shown_detail = None
        self.detail.clear()
        self.sig_reloaded.emit(len(ids))

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def _need_selection(self) -> str | None:
        pid = self.selected_id()
        if pid is None:
            show_error(self, self.tr("Hãy chọn một mục công khai trong danh sách."))
        return pid

    def show_detail(self) -> None:
        """Read the selected posting and its assessment in the database worker."""
        pid = self.selected_id()
        self.shown_detail = None
        if pid is None:
            self._detail_read.cancel()
            self.detail.clear()
            return
        db, today = self.db, self.today()
        self._detail_read.submit(lambda: (postings.get_posting(db, pid), compliance.assess_posting(db, pid, today)),
                                 lambda result: self._show_detail(*result))

    def _show_detail(self, detail: postings.PostingDetail, result: compliance.Assessment) -> None:
        lang = current_lang()
        self.shown_detail = detail
        parts = [f"<b>{detail.inp.title}</b> — <span style='color:{STATUS_COLORS.get(result.status)}'>"
                 f"{status_name(result.status)}</span>", "<ul>"]
        parts.extend(f"<li>{p.en if lang == 'en' else p.vi}</li>" for p in result.problems)
        parts.append("</ul>")
        if result.rule is not None:
            parts.append(self.tr("Căn cứ: %1").replace("%1", "; ".join(result.rule.sources)))
        if detail.attachments:
            parts.append("<p>" + self.tr("Minh chứng: %1").replace("%1", ", ".join(
                f"{a.caption or a.file_name}" for a in detail.attachments)) + "</p>")
        for f in detail.feedback:
            answer = f" → {f.answer} ({format_vn(f.answered_on)})" if f.answer else self.tr(" → chưa trả lời")
            parts.append(f"<p>{format_vn(f.received_on)} {f.sender}: {f.content}{answer}</p>")
        self.detail.setHtml("".join(parts))
        self.sig_detail_shown.emit(detail.id)

    def _selected_detail(self) -> postings.PostingDetail | None:
        """The selected posting as read for the panel; None (and said so) while it is being read."""
        pid = self._need_selection()
        if pid is None:
            return None
        if self.shown_detail is None or self.shown_detail.id != pid:
            show_error(self, self.tr("Đang đọc mục công khai đã chọn; thử lại sau giây lát."))
            return None
        return self.shown_detail

    def add_posting(self) -> PostingDialog:
        db = self.db
        dialog = PostingDialog(self.villages.items, lambda inp: postings.add_posting(db, inp), self, self.today(),
                               runner=self.runner)
        dialog.accepted.connect(self._saved)
        dialog.open()
        return dialog

    def edit_posting(self) -> PostingDialog | None:
        detail = self._selected_detail()
        if detail is None:
            return None
        db, pid = self.db, detail.id
        dialog = PostingDialog(self.villages.items, lambda inp: postings.update_posting(db, pid, inp), self,
                               self.today(), detail.inp, runner=self.runner)
        dialog.accepted.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self) -> None:
        self.reload()
        self.sig_changed.emit()

    def print_notice(self, target: Path | None = None) -> None:
        """Write the notice's PDF in the database worker (it reads the posting); sig_notice(path) when written."""
        pid = self._need_selection()
        if pid is None:
            return
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu thông báo niêm yết"), "thong_bao_niem_yet.pdf",
                                                  self.tr("Tệp PDF (*.pdf)"))
            if not name:
                return
            target = Path(name)
        db, paper, today, chosen = self.db, self.paper.currentData(), self.today(), target

        def written(path: Path) -> None:
            self.sig_notice.emit(path)
            show_info(self, self.tr("Đã lưu thông báo: %1").replace("%1", str(path)))

        self.runner.submit(lambda: notices.write_notice(db, pid, chosen, paper=paper, today=today), written,
                           owner=self)

    def add_evidence(self, path: Path | None = None) -> FormDialog | None:
        """A photo of the board, the posting minutes or the end-of-posting minutes, with a caption."""
        pid = self._need_selection()
        if pid is None:
            return None
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn ảnh hoặc biên bản niêm yết"), "",
                                                  self.tr("Ảnh, PDF (*.jpg *.jpeg *.png *.pdf);;Mọi tệp (*)"))
            if not name:
                return None
            path = Path(name)
        chosen, db = path, self.db
        photo = path.suffix.lower() in (".jpg", ".jpeg", ".png")
        dialog = FormDialog(self.tr("Minh chứng niêm yết"), [
            Field("kind", self.tr("Loại:"), "choice", "photo" if photo else "start_minutes", choices=[
                (self.tr("Ảnh chụp nơi niêm yết"), "photo"), (self.tr("Biên bản niêm yết"), "start_minutes"),
                (self.tr("Biên bản kết thúc niêm yết"), "end_minutes"), (self.tr("Khác"), "other")]),
            Field("caption", self.tr("Mô tả:"), value=path.stem)],
            lambda v: postings.add_attachment(db, pid, chosen, v["kind"], v["caption"]), self, runner=self.runner)
        dialog.accepted.connect(lambda: (self.show_detail(), self.sig_changed.emit()))
        dialog.open()
        return dialog

    def add_feedback(self) -> FormDialog | None:
        pid = self._need_selection()
        if pid is None:
            return None

        db, today = self.db, self.today()

        def save(v: dict) -> str:
            return postings.add_feedback(db, pid, v["received_on"] or today, v["content"], v["sender"], v["answer"],
                                         v["answered_on"])

        dialog = FormDialog(self.tr("Ý kiến nhận được trong thời gian niêm yết"), [
            Field("received_on", self.tr("Ngày nhận:"), "date", self.today()),
            Field("sender", self.tr("Người góp ý:"), placeholder=self.tr("Để trống nếu người góp ý không ghi tên")),
            Field("content", self.tr("Nội dung:"), "long"),
            Field("answer", self.tr("Trả lời:"), "long"),
            Field("answered_on", self.tr("Ngày trả lời:"), "date"),
        ], save, self, runner=self.runner)
        dialog.accepted.connect(lambda: (self.show_detail(), self.sig_changed.emit()))
        dialog.open()
        return dialog


    def answer_feedback(self) -> FormDialog | None:
        """The answer to an opinion received during the posting, often given days later."""
        detail = self._selected_detail()
        if detail is None:
            return None
        waiting = [(f"{format_vn(f.received_on)} {f.sender}: {f.content[:60]}", f.id)
                   for f in detail.feedback if not f.answer]
        if not waiting:
            show_error(self, self.tr("Mục này không có ý kiến nào đang chờ trả lời."))
            return None
        db, today = self.db, self.today()
        dialog = FormDialog(self.tr("Trả lời ý kiến"), [
            Field("feedback", self.tr("Ý kiến:"), "choice", choices=waiting),
            Field("answer", self.tr("Trả lời:"), "long"),
            Field("answered_on", self.tr("Ngày trả lời:"), "date", self.today())],
            lambda v: postings.answer_feedback(db, v["feedback"], v["answer"], v["answered_on"] or today),
            self, runner=self.runner)
        dialog.accepted.connect(lambda: (self.show_detail(), self.sig_changed.emit()))
        dialog.open()
        return dialog


class PostingsPage(QTabWidget):
    """The Công khai page: one tab per part of the transparency work."""

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from .budget_tab import BudgetTab  # noqa: PLC0415
        from .communication_tab import CommunicationTab  # noqa: PLC0415
        from .disclosure_dashboard import DisclosureDashboard  # noqa: PLC0415
        from .poverty_tab import PovertyTab  # noqa: PLC0415

        self.db = db
        self.register = RegisterTab(db, runner, self)
        self.budget = BudgetTab(db, runner, self)
        self.poverty = PovertyTab(db, runner, self)
        self.communication = CommunicationTab(db, runner, self)
        self.dashboard = DisclosureDashboard(db, runner, self)
        self.addTab(self.dashboard, self.tr("Tổng hợp"))
        self.addTab(self.register, self.tr("Sổ công khai"))
        self.addTab(self.budget, self.tr("Ngân sách"))
        self.addTab(self.poverty, self.tr("Hộ nghèo, cận nghèo"))
        self.addTab(self.communication, self.tr("Tin, bài"))
        for tab in (self.register, self.poverty):
            tab.sig_changed.connect(self.dashboard.reload)
        self.poverty.sig_changed.connect(self.register.reload)
        self.currentChanged.connect(lambda i: self.widget(i) is self.dashboard and self.dashboard.reload())
