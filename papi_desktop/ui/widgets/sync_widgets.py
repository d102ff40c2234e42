"""Pieces of the Đồng bộ page: names people read for tables, fields and bundle states, times shown
in local time, the passphrase dialog (never stored), the fingerprint question, the helper that runs
one service call at a time in the database worker with progress and cancel, and the conflict queue
the commune's and the province's views share."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Cancelled
from ...domain.jobs import CancelToken
from ...exports import signing
from ...services import conflicts
from ...services.handle import DataHandle
from ..job_progress import QtProgress
from ..models.sync_models import RowsModel
from ..workers import JobRunner
from .forms import ok_cancel_row
from .messages import current_lang, error_text, show_error, show_info
from .role_gate import RoleGate
from .tables import readonly_table

CTX = "SyncNames"
TABLE_NAMES = {
    "budget_line": QT_TRANSLATE_NOOP("SyncNames", "Dòng biểu ngân sách"),
    "budget_table": QT_TRANSLATE_NOOP("SyncNames", "Biểu ngân sách"),
    "commitment": QT_TRANSLATE_NOOP("SyncNames", "Cam kết tại đối thoại"),
    "commitment_followup": QT_TRANSLATE_NOOP("SyncNames", "Theo dõi cam kết"),
    "commune_profile": QT_TRANSLATE_NOOP("SyncNames", "Thông tin xã, phường"),
    "dialogue": QT_TRANSLATE_NOOP("SyncNames", "Hội nghị đối thoại"),
    "dialogue_issue": QT_TRANSLATE_NOOP("SyncNames", "Ý kiến tại đối thoại"),
    "evidence": QT_TRANSLATE_NOOP("SyncNames", "Minh chứng tiến độ"),
    "indicator": QT_TRANSLATE_NOOP("SyncNames", "Chỉ tiêu kế hoạch"),
    "indicator_value": QT_TRANSLATE_NOOP("SyncNames", "Kết quả chỉ tiêu"),
    "milestone": QT_TRANSLATE_NOOP("SyncNames", "Mốc tiến độ"),
    "news_item": QT_TRANSLATE_NOOP("SyncNames", "Tin, bài"),
    "outgoing_document": QT_TRANSLATE_NOOP("SyncNames", "Sổ văn bản đi"),
    "petition": QT_TRANSLATE_NOOP("SyncNames", "Sổ đơn thư"),
    "petition_step": QT_TRANSLATE_NOOP("SyncNames", "Bước xử lý đơn"),
    "plan": QT_TRANSLATE_NOOP("SyncNames", "Kế hoạch"),
    "plan_section": QT_TRANSLATE_NOOP("SyncNames", "Phần của kế hoạch"),
    "posting": QT_TRANSLATE_NOOP("SyncNames", "Sổ công khai"),
    "posting_attachment": QT_TRANSLATE_NOOP("SyncNames", "Minh chứng niêm yết"),
    "posting_channel": QT_TRANSLATE_NOOP("SyncNames", "Hình thức công khai"),
    "posting_feedback": QT_TRANSLATE_NOOP("SyncNames", "Ý kiến về nội dung công khai"),
    "posting_place": QT_TRANSLATE_NOOP("SyncNames", "Nơi niêm yết"),
    "poverty_household": QT_TRANSLATE_NOOP("SyncNames", "Danh sách hộ nghèo, cận nghèo"),
    "poverty_objection": QT_TRANSLATE_NOOP("SyncNames", "Khiếu nại về rà soát hộ nghèo"),
    "poverty_review": QT_TRANSLATE_NOOP("SyncNames", "Đợt rà soát hộ nghèo"),
    "progress_update": QT_TRANSLATE_NOOP("SyncNames", "Báo cáo tiến độ nhiệm vụ"),
    "reception": QT_TRANSLATE_NOOP("SyncNames", "Sổ tiếp công dân"),
    "reception_citizen": QT_TRANSLATE_NOOP("SyncNames", "Công dân được tiếp"),
    "task": QT_TRANSLATE_NOOP("SyncNames", "Nhiệm vụ kế hoạch"),
    "task_state": QT_TRANSLATE_NOOP("SyncNames", "Tiến độ nhiệm vụ của xã"),
    "milestone_state": QT_TRANSLATE_NOOP("SyncNames", "Mốc đã hoàn thành"),
    "village": QT_TRANSLATE_NOOP("SyncNames", "Thôn, bản, tổ dân phố"),
}
FIELD_NAMES = {
    "note": QT_TRANSLATE_NOOP("SyncNames", "Ghi chú"), "notes": QT_TRANSLATE_NOOP("SyncNames", "Ghi chú"),
    "status": QT_TRANSLATE_NOOP("SyncNames", "Tình trạng"), "output": QT_TRANSLATE_NOOP("SyncNames", "Sản phẩm"),
    "task": QT_TRANSLATE_NOOP("SyncNames", "Nội dung nhiệm vụ"), "lead": QT_TRANSLATE_NOOP("SyncNames", "Chủ trì"),
    "coordinators": QT_TRANSLATE_NOOP("SyncNames", "Phối hợp"),
    "deadline_text": QT_TRANSLATE_NOOP("SyncNames", "Thời hạn"), "due": QT_TRANSLATE_NOOP("SyncNames", "Hạn"),
    "title": QT_TRANSLATE_NOOP("SyncNames", "Tiêu đề"), "content": QT_TRANSLATE_NOOP("SyncNames", "Nội dung"),
    "text": QT_TRANSLATE_NOOP("SyncNames", "Nội dung"), "summary": QT_TRANSLATE_NOOP("SyncNames", "Tóm tắt"),
    "result": QT_TRANSLATE_NOOP("SyncNames", "Kết quả"), "answer": QT_TRANSLATE_NOOP("SyncNames", "Trả lời"),
    "done_on": QT_TRANSLATE_NOOP("SyncNames", "Ngày hoàn thành"),
    "received_on": QT_TRANSLATE_NOOP("SyncNames", "Ngày nhận"), "sender": QT_TRANSLATE_NOOP("SyncNames", "Người gửi"),
    "name": QT_TRANSLATE_NOOP("SyncNames", "Tên"), "address": QT_TRANSLATE_NOOP("SyncNames", "Địa chỉ"),
    "id_number": QT_TRANSLATE_NOOP("SyncNames", "Số định danh"),
    "direction": QT_TRANSLATE_NOOP("SyncNames", "Ý kiến chỉ đạo"),
    "followup": QT_TRANSLATE_NOOP("SyncNames", "Kết quả theo dõi"),
    "actual": QT_TRANSLATE_NOOP("SyncNames", "Số thực hiện"), "target": QT_TRANSLATE_NOOP("SyncNames", "Chỉ tiêu"),
    "place": QT_TRANSLATE_NOOP("SyncNames", "Địa điểm"), "owner": QT_TRANSLATE_NOOP("SyncNames", "Người thực hiện"),
    "start_on": QT_TRANSLATE_NOOP("SyncNames", "Ngày bắt đầu"), "end_on": QT_TRANSLATE_NOOP("SyncNames", "Ngày kết thúc"),
    "chairman_name": QT_TRANSLATE_NOOP("SyncNames", "Chủ tịch"),
}
STATUS_NAMES = {
    "applied": QT_TRANSLATE_NOOP("SyncNames", "Đã nhận"),
    "unchanged": QT_TRANSLATE_NOOP("SyncNames", "Đã nhận trước đây"),
    "held": QT_TRANSLATE_NOOP("SyncNames", "Giữ lại, chờ gói trước"),
    "fork": QT_TRANSLATE_NOOP("SyncNames", "Giữ lại: mâu thuẫn"),
    "quarantined": QT_TRANSLATE_NOOP("SyncNames", "Cách ly"),
    "rejected": QT_TRANSLATE_NOOP("SyncNames", "Từ chối"),
}
STATUS_COLOURS = {"applied": "#1b7f3b", "unchanged": "#555555", "held": "#d98200", "fork": "#b3261e",
                  "quarantined": "#b3261e", "rejected": "#b3261e"}


def _named(names: dict[str, object], key: str) -> str:  # the QT_TRANSLATE_NOOP'd source strings
    return QCoreApplication.translate(CTX, str(names[key])) if key in names else key


def table_name(name: str) -> str:
    return _named(TABLE_NAMES, name)


def field_name(name: str) -> str:
    return _named(FIELD_NAMES, name)


def status_name(status: str) -> str:
    return _named(STATUS_NAMES, status)


def when(iso: str | dt.datetime | None) -> str:
    """A stored UTC time as this PC's local time, dd/mm/yyyy hh:mm."""
    if not iso:
        return ""
    value = iso if isinstance(iso, dt.datetime) else dt.datetime.fromisoformat(iso)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%d/%m/%Y %H:%M")


def value_text(value: object) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncNames", "(trống)")
    if isinstance(value, bool):
        return QCoreApplication.translate("SyncNames", "Có") if value else QCoreApplication.translate("SyncNames",
                                                                                                      "Không")
    return str(value)


def reason_text(reasons: Sequence[tuple[str, str]]) -> str:
    en = current_lang() == "en"
    return " ".join(r[1] if en else r[0] for r in reasons)


class PassphraseDialog(QDialog):
    """The key's passphrase, typed hidden; asked again when it sets a new key. Nothing is kept."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, confirm: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.first, self.again = QLineEdit(), QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Mật khẩu:"), self.first)
        if confirm:
            form.addRow(self.tr("Nhập lại:"), self.again)
        for edit in (self.first, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._confirm = confirm
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addLayout(ok_cancel_row(self, self.tr("Đồng ý")))

    def accept(self) -> None:
        if not self.first.text():
            show_error(self, self.tr("Hãy nhập mật khẩu."))
            return
        if self._confirm and self.first.text() != self.again.text():
            show_error(self, self.tr("Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại."))
            return
        super().accept()


def ask_passphrase(parent: QWidget | None, prompt: str, confirm: bool = False) -> str | None:
    """The passphrase, or None when the user cancelled. Tests replace this function."""
    dialog = PassphraseDialog(parent, QCoreApplication.translate("PassphraseDialog", "Mật khẩu của khóa"), prompt,
                              confirm)
    try:
        return dialog.first.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.first.clear()
        dialog.again.clear()
        dialog.deleteLater()


def ask_yes_no(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    """A Yes/No question whose default (Enter, Esc) is No: for what cannot be undone."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText(no)
    box.exec()
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)


class Jobs(QObject):
    """One service call at a time for a page, in the database worker; the page's action buttons are
    disabled meanwhile, and a progress dialog with a cancel button shows when a label is given."""

    def __init__(self, page: QWidget, runner: JobRunner) -> None:
        super().__init__(page)
        self.page, self.runner = page, runner
        self.buttons: list[QWidget] = []
        self.busy = False
        self._progress: QtProgress | None = None
        self._was: dict[int, bool] = {}

    def run(self, fn: Callable[[Any, CancelToken], Any], done: Callable[[Any], None], label: str | None = None,
            failed: Callable[[BaseException], None] | None = None) -> bool:
        if self.busy:
            return False
        token = CancelToken()
        progress = QtProgress(self.page, label, token) if label else None
        self._progress = progress
        self.busy = True
        self._enable(False)
        self.runner.submit(lambda: fn(progress, token), lambda result: self._finish(done, result),
                           lambda exc: self._finish(failed or self.show_failure, exc))
        return True

    def _finish(self, callback: Callable[[Any], None], value: object) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        self.busy = False
        self._enable(True)
        callback(value)

    def _enable(self, on: bool) -> None:
        if not on:  # restored as they were: some buttons are off for a reason (not enrolled yet)
            self._was = {id(b): b.isEnabled() for b in self.buttons}
        for b in self.buttons:
            b.setEnabled(self._was.get(id(b), True) if on else False)

    def show_failure(self, exc: BaseException, partial: bool = False) -> None:
        """partial: the job applies bundles one by one, each whole or not at all (an import)."""
        if not isinstance(exc, Cancelled):
            text = error_text(exc)
        elif partial:
            text = QCoreApplication.translate(
                "SyncPage", "Đã dừng theo yêu cầu. Các gói đã đọc trước khi dừng vẫn được giữ (mỗi gói được nhận trọn "
                "vẹn hoặc không nhận gì); đọc lại cả thư mục để tiếp tục: gói đã nhận sẽ được bỏ qua.")
        else:
            text = QCoreApplication.translate("SyncPage", "Đã hủy theo yêu cầu; dữ liệu và USB không thay đổi gì.")
        show_error(self.page, text)


class SyncView(QWidget):
    """What the commune's and the province's views share: one job at a time (jobs), a line saying
    what the last action did (result), and the signals the page listens to.

    Signals:
        sig_done(str, object): (action, result) when an action ended; result None when it failed or
            was cancelled.
        sig_reload(): the page should read the state again.
    """

    sig_done = Signal(str, object)
    sig_reload = Signal()

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = Jobs(self, runner)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()  # shown once an action said something

    def say(self, action: str, text: str, result: object, popup: bool = True) -> None:
        self.result.setText(text)
        self.result.show()
        if popup:
            show_info(self, text)
        self.sig_done.emit(action, result)
        self.sig_reload.emit()

    def release_held(self, db: DataHandle, prompt: str, reason: str | None = None,
                     passphrase: str | None = None) -> None:
        """The held bundle chosen in the view's waiting tab (waiting_view, waiting_model, tabs), applied now
        without what it waits for (services.sync_release); reason and passphrase asked when not given."""
        from ...services import sync_release  # noqa: PLC0415

        view, model = self.waiting_view, self.waiting_model  # type: ignore[attr-defined]
        index = view.currentIndex()
        bundle_id = model.row_id(index.row()) if index.isValid() else None
        if bundle_id is None:
            self.tabs.setCurrentWidget(view)  # type: ignore[attr-defined]
            show_error(self, self.tr("Hãy chọn gói đang giữ (chờ gói trước) trong bảng Gói chờ xử lý."))
            return
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Áp dụng sớm gói đang giữ"), self.tr(
                "Gói này chờ các thay đổi của một gói trước chưa đến. Áp dụng ngay thì bỏ qua các thay đổi đó (nếu "
                "sau này gói đó đến, chúng vẫn được nhận). Lý do (ví dụ: USB bị mất, đã xác nhận qua điện thoại):"),
                QLineEdit.EchoMode.Normal, "")
            if not ok:
                return
        if passphrase is None:
            passphrase = ask_passphrase(self, prompt)
            if passphrase is None:
                return
        why, secret = reason, passphrase
        self.jobs.run(lambda _p, _t: sync_release.release(db, bundle_id, why, secret),
                      lambda done: self.say("release", self.tr(
                          "Đã áp dụng gói %1, bỏ qua %2 thay đổi còn thiếu; việc này đã vào nhật ký thao tác.")
                          .replace("%1", bundle_id[:8])
                          .replace("%2", str(sum(r[1] - r[0] + 1 for r in done.waived.values()))), done),
                      failed=self.failed("release"))

    def write_file(self, action: str, out: Path, produce: Callable[[], bytes], done_text: str) -> None:
        """produce() in the worker (a request, a card: it opens the key), its bytes written whole to out;
        done_text says what was written (%1: the path) and what to do with it."""
        def work(_progress: object, _token: CancelToken) -> Path:
            signing.atomic_write(out, produce())
            return out

        self.jobs.run(work, lambda path: self.say(action, done_text.replace("%1", str(path)), path),
                      failed=self.failed(action))

    def failed(self, action: str, partial: bool = False) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self.jobs.show_failure(exc, partial)
            self.sig_done.emit(action, None)
            self.sig_reload.emit()
        return failed


CONFLICT_HEADERS = (QT_TRANSLATE_NOOP("ConflictQueue", "Bản ghi"), QT_TRANSLATE_NOOP("ConflictQueue", "Trường"),
                    QT_TRANSLATE_NOOP("ConflictQueue", "Giá trị máy này"),
                    QT_TRANSLATE_NOOP("ConflictQueue", "Giá trị máy kia"),
                    QT_TRANSLATE_NOOP("ConflictQueue", "Đang hiển thị"))
# At the province neither value is "this PC's": both came from PCs of the commune, one bundle after the other.
PROVINCE_CONFLICT_HEADERS = (QT_TRANSLATE_NOOP("ConflictQueue", "Xã, phường"), *CONFLICT_HEADERS[:2],
                             QT_TRANSLATE_NOOP("ConflictQueue", "Giá trị nhận trước"),
                             QT_TRANSLATE_NOOP("ConflictQueue", "Giá trị nhận sau"),
                             QT_TRANSLATE_NOOP("ConflictQueue", "Máy gửi sau"), CONFLICT_HEADERS[4])


class _TippedRows(RowsModel):
    """RowsModel with a tooltip of its own for some cells: tips[(row id, column)]."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.tips: dict[tuple[str, int], str] = {}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            tip = self.tips.get((str(self.row_id(index.row())), index.column()))
            if tip is not None:
                return tip
        return super().data(index, role)


def pc_names(enrolled: Sequence[Any]) -> dict[str, tuple[str, str]]:
    """device -> (what the province calls the PC, its tooltip) from services.province.enrolled(): each
    commune's PCs numbered in the order they first got a certificate ("Máy 2"), the raw id in the tip."""
    first: dict[str, Any] = {}
    for row in sorted(enrolled, key=lambda r: (r.unit_code, r.issued_at)):
        first.setdefault(row.device, row)
    out: dict[str, tuple[str, str]] = {}
    numbers: dict[str, int] = {}
    for device, row in first.items():
        n = numbers[row.unit_code] = numbers.get(row.unit_code, 0) + 1
        out[device] = (QCoreApplication.translate("ConflictQueue", "Máy %1").replace("%1", str(n)),
                       QCoreApplication.translate("ConflictQueue", "Máy thứ %1 của xã được tỉnh cấp chứng thư, ngày "
                                                  "%2. Mã máy: %3").replace("%1", str(n))
                       .replace("%2", when(row.issued_at)[:10]).replace("%3", device))
    return out


class ConflictQueue(QWidget):
    """The open conflicts (services.sync_board.ConflictRow) with both values, and the two buttons that
    choose one, in the page's database worker (page.jobs), said on the page (sig_done "resolve").
    at_province: the province's queue, every commune's, named by commune and the PC that sent second."""

    def __init__(self, page: SyncView, db: DataHandle, at_province: bool = False) -> None:
        super().__init__(page)
        self.page, self.db, self.at_province = page, db, at_province
        if at_province:
            self.model = _TippedRows("ConflictQueue", PROVINCE_CONFLICT_HEADERS, parent=self)
            # The record takes what is left (1280 px or more): the values, the PC and the state keep their
            # headers whole in both languages; long cells wrap.
            self.view = wrapping_table(self.model, {0: 150, 2: 110, 3: 185, 4: 185}, 1)
            header = self.view.horizontalHeader()
            for col in (5, 6):
                self.view.setColumnWidth(col, header.sectionSizeHint(col))
            self.sides = (self.tr("giá trị nhận trước"), self.tr("giá trị nhận sau"))
            hint = self.tr("Hai máy của cùng một xã sửa cùng một trường khác nhau rồi cùng gửi lên tỉnh. Bản sửa sau "
                           "đang hiển thị; hãy chọn giá trị đúng (nếu cần, hỏi lại xã). Lựa chọn sửa bản sao của tỉnh.")
        else:
            self.model = _TippedRows("ConflictQueue", CONFLICT_HEADERS, parent=self)
            self.view = wrapping_table(self.model, {0: 280, 1: 130, 2: 260, 3: 260}, 4)
            self.sides = (self.tr("giá trị máy này"), self.tr("giá trị máy kia"))
            hint = self.tr("Cùng một trường được sửa khác nhau trên hai máy. Bản sửa sau đang hiển thị; hãy chọn giá "
                           "trị đúng. Lựa chọn được gửi sang máy kia và tỉnh trong gói sau.")
        self.keep_local_button = QPushButton(self.tr("Giữ %1").replace("%1", self.sides[0]))
        self.take_remote_button = QPushButton(self.tr("Lấy %1").replace("%1", self.sides[1]))
        self.buttons = [self.keep_local_button, self.take_remote_button]
        RoleGate(db, "consolidate" if at_province else "enter").hold(*self.buttons)  # as conflicts.resolve checks
        label = QLabel(hint)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.keep_local_button.clicked.connect(lambda: self.resolve("local"))
        self.take_remote_button.clicked.connect(lambda: self.resolve("remote"))

    def set_conflicts(self, rows: Sequence[Any], names: dict[str, str] | None = None,
                      pcs: dict[str, tuple[str, str]] | None = None) -> None:
        """names: commune code -> name, for the province's first column; pcs: pc_names(), for the PC that
        sent second (its raw id while unknown)."""
        out, tips = [], {}
        for c in rows:
            record = f"{table_name(c.table_name)}: {c.record_label}" if c.record_label else table_name(c.table_name)
            cells: list[object] = [record, field_name(c.field), value_text(c.local), value_text(c.remote)]
            if self.at_province:
                pc, tips[(c.id, 5)] = (pcs or {}).get(c.remote_device, (c.remote_device, c.remote_device))
                cells = [(names or {}).get(c.unit_code, c.unit_code), *cells, pc]
            out.append((c.id, [*cells, self.sides[0] if c.shown == "local" else self.sides[1]], ""))
        self.model.tips = tips
        self.model.set_rows(out)

    def resolve(self, choice: str) -> None:
        index = self.view.currentIndex()
        conflict_id = self.model.row_id(index.row()) if index.isValid() else None
        if conflict_id is None:
            show_error(self, self.tr("Hãy chọn một xung đột trong danh sách."))
            return
        kept = self.sides[0] if choice == "local" else self.sides[1]
        done = (self.tr("Đã chọn %1 cho bản sao của tỉnh. Lựa chọn không gửi về xã: nếu các máy của xã còn khác "
                        "nhau, hãy báo xã chọn trên máy của xã.") if self.at_province
                else self.tr("Đã chọn %1. Lựa chọn được gửi sang máy kia và tỉnh trong gói sau.")).replace("%1", kept)
        db, page = self.db, self.page
        page.jobs.run(lambda _p, _t: conflicts.resolve(db, conflict_id, choice),
                      lambda _r: page.say("resolve", done, conflict_id, popup=False), failed=page.failed("resolve"))


SUMMARY_HEADERS = (
    QT_TRANSLATE_NOOP("SyncSummary", "Tệp"), QT_TRANSLATE_NOOP("SyncSummary", "Đơn vị"),
    QT_TRANSLATE_NOOP("SyncSummary", "Kết quả"), QT_TRANSLATE_NOOP("SyncSummary", "Thêm"),
    QT_TRANSLATE_NOOP("SyncSummary", "Cập nhật"), QT_TRANSLATE_NOOP("SyncSummary", "Giữ nguyên"),
    QT_TRANSLATE_NOOP("SyncSummary", "Xung đột"), QT_TRANSLATE_NOOP("SyncSummary", "Từ chối"),
    QT_TRANSLATE_NOOP("SyncSummary", "Giữ lại"), QT_TRANSLATE_NOOP("SyncSummary", "Lý do, ghi chú"),
)
SUMMARY_NUMERIC = (3, 4, 5, 6, 7, 8)
SUMMARY_STATE = 2
SUMMARY_WIDTHS = {0: 210, 1: 150, 2: 170, **dict.fromkeys(SUMMARY_NUMERIC, 72)}


class _OneLine(QStyledItemDelegate):
    """A cell that never wraps (a file name would break at its hyphens): shortened in the middle."""

    def initStyleOption(self, option, index) -> None:  # noqa: ANN001, N802
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideMiddle


def wrapping_table(model: Any, widths: dict[int, int], stretch: int, one_line: Sequence[int] = ()) -> QTableView:
    """A read-only table whose long cells (reasons, values) wrap onto more lines."""
    view = readonly_table(model, stretch)
    view.setWordWrap(True)
    for col, width in widths.items():
        view.setColumnWidth(col, width)
    if one_line:
        delegate = _OneLine(view)
        for col in one_line:
            view.setItemDelegateForColumn(col, delegate)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few rows only
    rows.setMinimumSectionSize(rows.fontMetrics().height() + 12)
    return view


def summary_rows(summaries: Sequence[Any], names: dict[str, str]) -> list[tuple[str, list[object], str]]:
    """One row per bundle read: where it came from, what became of it, and why."""
    rows = []
    for s in summaries:
        state = status_name(s.status)
        if s.dry_run:
            state += QCoreApplication.translate("SyncSummary", " (chạy thử)")
        unit = names.get(s.commune, s.commune)
        note = reason_text(s.reasons)
        if s.receipt:
            note = " ".join(filter(None, [note, QCoreApplication.translate("SyncSummary", "Biên nhận: %1")
                                          .replace("%1", Path(s.receipt).name)]))
        rows.append((s.bundle_id or s.file, [s.file, unit, state, s.imported, s.updated, s.unchanged, s.conflicts,
                                             s.rejected, s.held, note],
                     STATUS_COLOURS.get(s.status, "")))
    return rows


_PAGE = "\x00"  # where a reminder names the Đồng bộ page: a link on the home screen


def reminder_text(rem: Any, link: bool = False) -> str:
    """A reminder of changes waiting or of a reporting deadline (services.sync_board.Reminder), saying
    what to do; link: rich text whose "trang Đồng bộ" opens that page (the home screen's notice)."""
    if rem.kind == "deadline":
        text = _deadline_text(rem)
    elif rem.kind == "unsent":
        text = (QCoreApplication.translate(
            "SyncReminder", "Có %1 thay đổi chưa ghi ra USB gửi tỉnh, cũ nhất từ ngày %2 (%3 ngày). Hãy mở %4, bấm "
            "“Ghi ra USB” và mang USB lên tỉnh.")
            .replace("%1", str(rem.changes)).replace("%2", rem.since.astimezone().strftime("%d/%m/%Y"))
            .replace("%3", str(rem.days)).replace("%4", _PAGE))
    else:
        text = (QCoreApplication.translate(
            "SyncReminder", "Gói dữ liệu ghi ngày %1 (%2 ngày trước) chưa có biên nhận của tỉnh. Hãy mang USB lên "
            "tỉnh, rồi đọc biên nhận tỉnh ghi trên USB ở %3.")
            .replace("%1", rem.since.astimezone().strftime("%d/%m/%Y")).replace("%2", str(rem.days))
            .replace("%3", _PAGE))
    page = QCoreApplication.translate("SyncReminder", "trang Đồng bộ")
    if not link:
        return text.replace(_PAGE, page)
    return html.escape(text, quote=False).replace(_PAGE, f"<a href='sync'>{html.escape(page)}</a>")


def _deadline_text(rem: Any) -> str:
    period = rem.period
    if rem.days > 0:
        left = QCoreApplication.translate("SyncReminder", "còn %1 ngày").replace("%1", str(rem.days))
    elif rem.days == 0:
        left = QCoreApplication.translate("SyncReminder", "hạn là hôm nay")
    else:
        left = QCoreApplication.translate("SyncReminder", "đã quá hạn %1 ngày").replace("%1", str(-rem.days))
    # The count is the status bar's (every change not acknowledged), written as it writes it.
    text = (QCoreApplication.translate(
        "SyncReminder", "%1: hạn gửi dữ liệu cho tỉnh là ngày %2 (%3), mà tỉnh chưa nhận %4 thay đổi trên máy "
        "này. Hãy ghi ra USB hoặc đồng bộ qua mạng ở %5.") if rem.online else QCoreApplication.translate(
        "SyncReminder", "%1: hạn gửi dữ liệu cho tỉnh là ngày %2 (%3), mà tỉnh chưa nhận %4 thay đổi trên máy "
        "này. Hãy ghi ra USB ở %5."))
    return (text.replace("%1", period.label(current_lang())).replace("%2", period.due.strftime("%d/%m/%Y"))
            .replace("%3", left).replace("%4", f"{rem.changes:,}".replace(",", ".")).replace("%5", _PAGE))


def subject_text(subject: dict[str, str]) -> str:
    """As the trust questions name a certificate: labelled lines, never "CN=…, O=…"."""
    from .trust_box import subject_lines  # noqa: PLC0415 - the trust box's module loads with the settings page

    return "\n".join(subject_lines(subject))
