"""Đối thoại: dialogue conferences, the issues raised, answers, commitments and their follow-up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_vn, parse_vn
from ...services import dialogues as ds
from ...services import province, record_sync
from ...services.handle import DataHandle
from ..models.record_state import SyncedTableModel, labels, state_item, states_unless_province, with_states
from ..widgets.attendance import AttendanceEditor
from ..widgets.flow import FlowLayout
from ..widgets.forms import ok_cancel_row, resize_within_screen
from ..widgets.messages import current_lang, show_error
from ..widgets.registry_note import RegistryNote
from ..widgets.tables import show_row, text_columns
from ..workers import JobRunner, Latest

IssueRole = Qt.ItemDataRole.UserRole + 1
CommitmentRole = Qt.ItemDataRole.UserRole + 2



class DialogueTableModel(SyncedTableModel):
    COL_DATE, COL_TITLE, COL_PLACE, COL_CHAIR, COL_ISSUES, COL_OPEN = range(6)
    COL_SYNC = 6  # the record's sync state (SyncedTableModel)
    CONTEXT = "DialogueTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DialogueTableModel", "Ngày"),
        QT_TRANSLATE_NOOP("DialogueTableModel", "Hội nghị"),
        QT_TRANSLATE_NOOP("DialogueTableModel", "Địa điểm"),
        QT_TRANSLATE_NOOP("DialogueTableModel", "Chủ trì"),
        QT_TRANSLATE_NOOP("DialogueTableModel", "Ý kiến"),
        QT_TRANSLATE_NOOP("DialogueTableModel", "Cam kết chưa xong"),
    )
    COLUMNS = ("held_on", "title", "place", "chair", "issues", "open_commitments")

    def display(self, item: ds.DialogueRow, col: int, for_sort: bool) -> object:
        if col == self.COL_DATE:
            return format_vn(item.held_on)
        return super().display(item, col, for_sort)

    def extra(self, item: ds.DialogueRow, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_ISSUES, self.COL_OPEN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_TITLE, self.COL_PLACE, self.COL_CHAIR):
            return self.display(item, col, False)
        return None


class DialogueDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hội nghị đối thoại với Nhân dân"))
        resize_within_screen(self, 600, 640)
        self.held_on = QLineEdit(format_vn(today or date.today()))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Hội nghị đối thoại hằng năm với Ủy ban MTTQ"), "annual")
        self.kind.addItem(self.tr("Đối thoại khác"), "other")
        self.title = QLineEdit()
        self.place = QLineEdit()
        self.chair = QLineEdit()
        self.co_organiser = QLineEdit("Ủy ban MTTQ Việt Nam xã")
        self.secretary = QLineEdit()
        self.started_at = QLineEdit()
        self.started_at.setPlaceholderText("08:00")
        self.ended_at = QLineEdit()
        self.ended_at.setPlaceholderText("11:00")
        self.attendance = AttendanceEditor()
        self.attendance.view.setMinimumHeight(150)
        self.topics = QPlainTextEdit()
        self.topics.setTabChangesFocus(True)
        times = QHBoxLayout()
        times.addWidget(self.started_at)
        times.addWidget(QLabel("–"))
        times.addWidget(self.ended_at)
        form = QFormLayout()
        form.addRow(self.tr("Ngày:"), self.held_on)
        form.addRow(self.tr("Loại:"), self.kind)
        form.addRow(self.tr("Tên hội nghị:"), self.title)
        form.addRow(self.tr("Địa điểm:"), self.place)
        form.addRow(self.tr("Chủ trì:"), self.chair)
        form.addRow(self.tr("Phối hợp:"), self.co_organiser)
        form.addRow(self.tr("Thư ký:"), self.secretary)
        form.addRow(self.tr("Thời gian:"), times)
        form.addRow(self.tr("Thành phần dự:"), self.attendance)
        form.addRow(self.tr("Chủ đề:"), self.topics)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(ok_cancel_row(self, self.tr("Lưu")))

    def entry(self) -> ds.DialogueInput:
        return ds.DialogueInput(
            held_on=parse_vn(self.held_on.text(), "ngày") or date.today(), title=self.title.text(),
            place=self.place.text(), chair=self.chair.text(), co_organiser=self.co_organiser.text(),
            secretary=self.secretary.text(), kind=self.kind.currentData(), started_at=self.started_at.text(),
            ended_at=self.ended_at.text(), attendance=self.attendance.attendance(), topics=self.topics.toPlainText())


class IssueDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, runner: JobRunner | None = None,
                 db: DataHandle | None = None) -> None:
        """runner, db: to say whether this PC keeps the registers (no note without them)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ý kiến, kiến nghị tại hội nghị"))
        self.raised_by = QLineEdit()
        self.raised_by.setPlaceholderText(self.tr("Để trống nếu người nêu không muốn ghi tên"))
        self.village = QLineEdit()
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.field = QLineEdit()
        self.answered_by = QLineEdit()
        self.answer = QPlainTextEdit()
        self.answer.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("Người nêu:"), self.raised_by)
        form.addRow(self.tr("Thôn, bản:"), self.village)
        form.addRow(self.tr("Nội dung:"), self.content)
        form.addRow(self.tr("Lĩnh vực:"), self.field)
        form.addRow(self.tr("Người trả lời:"), self.answered_by)
        form.addRow(self.tr("Trả lời, giải trình:"), self.answer)
        self.registry_note = RegistryNote(self.tr(
            "Máy này không giữ sổ của xã: nếu máy khác cũng thêm ý kiến vào hội nghị này khi chưa đồng bộ, máy giữ "
            "sổ có thể xếp lại thứ tự các ý kiến khi nhận dữ liệu của máy này."))
        self.registry_note.watch(runner, db)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.registry_note)
        layout.addLayout(ok_cancel_row(self, self.tr("Lưu")))


class CommitmentDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, follow_up: bool = False, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Theo dõi cam kết") if follow_up else self.tr("Cam kết"))
        self.text = QLineEdit()
        self.owner = QLineEdit()
        self.due = QLineEdit(format_vn(today) if follow_up else "")
        # Not "done": that name would replace QDialog.done(), which closing the dialog calls, and crash.
        self.done_box = QCheckBox(self.tr("Đã thực hiện xong"), self)
        self.done_box.setVisible(follow_up)
        form = QFormLayout()
        if follow_up:
            form.addRow(self.tr("Ngày:"), self.due)
            form.addRow(self.tr("Kết quả:"), self.text)
            form.addRow("", self.done_box)
        else:
            form.addRow(self.tr("Nội dung cam kết:"), self.text)
            form.addRow(self.tr("Người, đơn vị thực hiện:"), self.owner)
            form.addRow(self.tr("Hạn:"), self.due)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(ok_cancel_row(self, self.tr("Lưu")))


class DialoguesPage(QWidget):
    """Read and written in the database worker.

    Signals:
        sig_changed(): something was saved.
        sig_reloaded(int): the list of conferences was read and is shown (how many).
        sig_issues_shown(str): the selected conference's issues (its id) were read and are shown.
    """

    sig_changed = Signal()
    sig_reloaded = Signal(int)
    sig_issues_shown = Signal(str)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._read, self._issues_read = Latest(runner, self), Latest(runner, self)
        self.today = date.today
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b3261e;")
        self.warning.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Thêm hội nghị đối thoại…"))
        self.issue_button = QPushButton(self.tr("Thêm ý kiến…"))
        self.commit_button = QPushButton(self.tr("Thêm cam kết…"))
        self.follow_button = QPushButton(self.tr("Cập nhật theo dõi…"))
        self.model = DialogueTableModel(with_states(db, "dialogue", lambda ids: ds.dialogue_rows(db, ids)),
                                        current_lang(), self, runner)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(DialogueTableModel.COL_TITLE,
                                                           QHeaderView.ResizeMode.Stretch)
        text_columns(self.table, {DialogueTableModel.COL_DATE: "00/00/0000", DialogueTableModel.COL_PLACE: 150,
                                  DialogueTableModel.COL_CHAIR: 150, DialogueTableModel.COL_ISSUES: "000",
                                  DialogueTableModel.COL_OPEN: "000",
                                  DialogueTableModel.COL_SYNC: max(labels(), key=self.fontMetrics().horizontalAdvance)})
        self.issues = QStandardItemModel(0, 5, self)
        self.issues.setHorizontalHeaderLabels([self.tr("Ý kiến / cam kết"), self.tr("Người nêu / thực hiện"),
                                               self.tr("Thôn, bản / hạn"), self.tr("Trả lời / theo dõi"),
                                               self.model.headerData(DialogueTableModel.COL_SYNC,
                                                                     Qt.Orientation.Horizontal)])
        self._is_province = False
        self._commitment: tuple[str, str] | None = None  # (conference, commitment): selected once shown
        self.issue_view = QTreeView()
        self.issue_view.setModel(self.issues)
        self.issue_view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.issue_view.setColumnWidth(0, 380)
        for col in (1, 2):  # their headers whole
            self.issue_view.setColumnWidth(col, max(150, self.issue_view.header().sectionSizeHint(col)))
        header = self.issue_view.header()  # the answer takes the room left; the sync state its widest label
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.issue_view.setColumnWidth(4, max(header.sectionSizeHint(4), 24 + max(
            map(self.fontMetrics().horizontalAdvance, labels()))))
        buttons = FlowLayout()
        for b in (self.add_button, self.issue_button, self.commit_button, self.follow_button):
            buttons.addWidget(b)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.issue_view)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)
        self.add_button.clicked.connect(self.add_dialogue)
        self.issue_button.clicked.connect(self.add_issue)
        self.commit_button.clicked.connect(self.add_commitment)
        self.follow_button.clicked.connect(self.follow_up)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.load_issues())
        self.reload()

    def reload(self) -> None:
        """Read the conferences and the year's check in the database worker."""
        self._commitment = None
        self._read_list(lambda _db: None)

    def select_record(self, dialogue_id: str) -> None:
        """Show one conference selected with its issues: the list is read again in the worker, then its row,
        wherever the lazy list has it, is scrolled to and made current."""
        self._commitment = None
        self._read_list(lambda _db: dialogue_id)

    def select_commitment(self, commitment_id: str) -> None:
        """Show one commitment selected (the home page's double-click): its conference is found in the worker
        with the list, selected, and the commitment made current among its issues once they are read."""
        self._commitment = None
        self._read_list(lambda db: ds.dialogue_of(db, commitment_id), commitment_id)

    def _read_list(self, target: Callable[[DataHandle], str | None], commitment_id: str | None = None) -> None:
        """target: in the worker, the conference to select (None: the one selected now, else the first)."""
        db, year = self.db, self.today().year

        def shown(result: tuple[list[str], list[int], bool, str | None]) -> None:
            if commitment_id and result[3]:
                self._commitment = (result[3], commitment_id)
            self._show(year, *result)

        self._read.submit(lambda: (ds.dialogue_ids(db), ds.years_without_annual_dialogue(db, range(year, year + 1)),
                                   province.is_province(db), target(db)), shown)

    def _show(self, year: int, ids: list[str], missing: list[int], is_province: bool = False,
              target: str | None = None) -> None:
        selected = target or self.selected_dialogue()
        self.table.setColumnHidden(DialogueTableModel.COL_SYNC, is_province)  # the communes' to see
        self._is_province = is_province
        self.issue_view.setColumnHidden(4, is_province)
        self.model.set_ids(ids)
        self.warning.setText(self.tr("Năm %1 chưa tổ chức hội nghị đối thoại với Nhân dân (ít nhất 01 lần/năm, "
                                     "Điều 32 Luật Thực hiện dân chủ ở cơ sở).").replace("%1", str(year))
                             if missing else "")
        row = self.model.row_of(selected) if selected else -1
        show_row(self.table, row if row >= 0 else 0)
        self.load_issues()
        self.sig_reloaded.emit(len(ids))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.model.refresh_states()  # back from the Đồng bộ page: a sync may have moved them
        self.load_issues()  # and the selected conference's issues with theirs

    def selected_dialogue(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def load_issues(self) -> None:
        """Read the selected conference's issues and commitments in the database worker."""
        dialogue_id = self.selected_dialogue()
        if dialogue_id is None:
            self._issues_read.cancel()
            self.issues.removeRows(0, self.issues.rowCount())
            return
        db = self.db
        def read() -> tuple[list[ds.IssueInfo], dict[str, record_sync.RecordState] | None]:
            found = ds.issues_of(db, dialogue_id)
            return found, states_unless_province(db, {"dialogue_issue": [i.id for i in found], "commitment": [
                c.id for i in found for c in i.commitments]})

        self._issues_read.submit(read, lambda result: self._show_issues(dialogue_id, *result))

    def _show_issues(self, dialogue_id: str, found: list[ds.IssueInfo],
                     states: dict[str, record_sync.RecordState] | None = None) -> None:
        lang = current_lang()
        self.issues.removeRows(0, self.issues.rowCount())
        for issue in found:
            parent = [QStandardItem(issue.content), QStandardItem(issue.raised_by or self.tr("(ẩn danh)")),
                      QStandardItem(issue.village), QStandardItem(issue.answer), state_item("dialogue_issue", issue.id, states, lang)]
            parent[0].setData(issue.id, IssueRole)
            for c in issue.commitments:
                last = c.followups[-1][1] if c.followups else ""
                state = self.tr("Xong %1").replace("%1", format_vn(c.done_on)) if c.done_on else last
                child = [QStandardItem("→ " + c.content), QStandardItem(c.owner), QStandardItem(format_vn(c.due)),
                         QStandardItem(state), state_item("commitment", c.id, states, lang)]
                child[0].setData(issue.id, IssueRole)
                child[0].setData(c.id, CommitmentRole)
                parent[0].appendRow(child)
            self.issues.appendRow(parent)
        self.issue_view.expandAll()
        if self._commitment is not None and self._commitment[0] == dialogue_id:
            self._select_commitment(self._commitment[1])
            self._commitment = None
        self.sig_issues_shown.emit(dialogue_id)

    def _select_commitment(self, commitment_id: str) -> None:
        for r in range(self.issues.rowCount()):
            issue = self.issues.item(r, 0)
            for c in range(issue.rowCount()):
                if issue.child(c, 0).data(CommitmentRole) == commitment_id:
                    index = issue.child(c, 0).index()
                    self.issue_view.setCurrentIndex(index)
                    self.issue_view.scrollTo(index)
                    return

    def _selected(self, role: int) -> str | None:
        index = self.issue_view.currentIndex()
        return index.siblingAtColumn(0).data(role) if index.isValid() else None

    def _saved(self, _result: object = None) -> None:
        self.reload()
        self.sig_changed.emit()

    def _write(self, fn: Callable[[], object]) -> None:
        self.runner.submit(fn, self._saved, owner=self)

    def add_dialogue(self) -> None:
        dialog = DialogueDialog(self, self.today())
        if dialog.exec():
            try:
                entry = dialog.entry()
            except Exception as exc:  # noqa: BLE001 - a date that cannot be read, nothing written
                show_error(self, exc)
                return
            db = self.db
            self._write(lambda: ds.add_dialogue(db, entry))

    def add_issue(self) -> None:
        dialogue_id = self.selected_dialogue()
        if dialogue_id is None:
            show_error(self, self.tr("Hãy chọn hoặc thêm một hội nghị đối thoại trước."))
            return
        dialog = IssueDialog(self, self.runner, self.db)
        if dialog.exec():
            db = self.db
            inp = ds.IssueInput(dialog.content.toPlainText(), raised_by=dialog.raised_by.text(),
                                village=dialog.village.text(), field=dialog.field.text(),
                                answer=dialog.answer.toPlainText(), answered_by=dialog.answered_by.text())
            self._write(lambda: ds.add_issue(db, dialogue_id, inp))

    def add_commitment(self) -> None:
        issue_id = self._selected(IssueRole)
        if issue_id is None:
            show_error(self, self.tr("Hãy chọn một ý kiến trong danh sách."))
            return
        dialog = CommitmentDialog(self)
        if dialog.exec():
            try:
                due = parse_vn(dialog.due.text(), "hạn")
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
                return
            db, text, owner = self.db, dialog.text.text(), dialog.owner.text()
            self._write(lambda: ds.add_commitment(db, issue_id, text, owner, due))

    def follow_up(self) -> None:
        commitment_id = self._selected(CommitmentRole)
        if commitment_id is None:
            show_error(self, self.tr("Hãy chọn một cam kết (dòng bắt đầu bằng →)."))
            return
        dialog = CommitmentDialog(self, follow_up=True, today=self.today())
        if dialog.exec():
            try:
                day = parse_vn(dialog.due.text(), "ngày") or self.today()
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
                return
            db, text, done = self.db, dialog.text.text(), dialog.done_box.isChecked()
            self._write(lambda: ds.follow_up(db, commitment_id, day, text, done))
