"""Backups: the list (this PC's backups folder, the USB folder, files opened), make one now or into a
folder, check one, restore one after a confirmation that names what it replaces. Every service call
goes through the JobRunner; after a restore the database is closed and the window must start again
(sig_restored)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import paths
from ...domain.errors import Cancelled
from ...domain.jobs import CancelToken
from ...services import backup
from ...services.handle import DataHandle
from ..job_progress import QtProgress
from ..widgets.forms import resize_within_screen
from ..widgets.messages import ask, current_lang, error_text, show_info
from ..widgets.role_gate import RoleGate
from ..workers import JobRunner

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class BackupsModel(QAbstractTableModel):
    """The backups found, newest first; the Entry itself under ENTRY_ROLE."""

    WHEN, KIND, SIZE, FOLDER = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[backup.Entry] = []

    def set_rows(self, rows: list[backup.Entry]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Thời gian"), self.tr("Loại"), self.tr("Dung lượng"), self.tr("Thư mục"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        if role == ENTRY_ROLE:
            return e
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(e.path)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == self.WHEN:
            return e.created_at.astimezone().strftime("%d/%m/%Y %H:%M")
        if col == self.KIND:
            return self.reason(e.reason)
        if col == self.SIZE:
            return self.tr("%1 MB").replace("%1", f"{e.size / (1 << 20):.1f}")
        return str(e.path.parent)

    def reason(self, reason: str) -> str:
        return {"manual": self.tr("Bằng tay"), "daily": self.tr("Hằng ngày"),
                "before-migration": self.tr("Trước khi nâng cấp"), "before-import": self.tr("Trước khi nhập dữ liệu"),
                "before-restore": self.tr("Trước khi khôi phục")}.get(reason, reason)


class BackupDialog(QDialog):
    """Signals:
        sig_listed(object): the entries shown (list of services.backup.Entry).
        sig_created(object): a backup made (services.backup.Created).
        sig_verified(object): a backup checked (services.backup.Manifest).
        sig_restored(object): the data was replaced (services.backup.Restored); the database is closed:
            the main window must open it again (or the program start again).
        sig_failed(str): the message shown for a failure.
    """

    sig_listed = Signal(object)
    sig_created = Signal(object)
    sig_verified = Signal(object)
    sig_restored = Signal(object)
    sig_failed = Signal(str)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.extra: list[Path] = []  # folders of backup files opened by hand
        self.has_key = True
        self.closed_db = False
        self._select_next: Path | None = None  # the backup just made: selected once the list is read again
        self._progress: QtProgress | None = None
        self.setWindowTitle(self.tr("Sao lưu và khôi phục"))
        resize_within_screen(self, 820, 560)
        self.model = BackupsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column in (BackupsModel.WHEN, BackupsModel.KIND, BackupsModel.SIZE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupsModel.FOLDER, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Mật khẩu sao lưu"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setPlaceholderText(self.tr("Nhập lại mật khẩu mới"))
        self.usb_label = QLabel()
        self.usb_label.setWordWrap(True)
        self.usb_button = QPushButton(self.tr("Chọn thư mục USB…"))
        self.usb_clear = QPushButton(self.tr("Bỏ thư mục USB"))
        self.create_button = QPushButton(self.tr("Sao lưu ngay"))
        self.to_folder_button = QPushButton(self.tr("Sao lưu vào thư mục…"))
        self.open_button = QPushButton(self.tr("Mở tệp sao lưu…"))
        self.verify_button = QPushButton(self.tr("Kiểm tra"))
        self.restore_button = QPushButton(self.tr("Khôi phục…"))
        self.close_button = QPushButton(self.tr("Đóng"))
        self.status = QLabel(self.tr("Bản sao lưu được mã hóa; cần mật khẩu sao lưu để kiểm tra hoặc khôi phục."))
        self.restore_gate = RoleGate(db, "restore").hold(self.restore_button)
        self.settings_gate = RoleGate(db, "settings").hold(self.usb_button, self.usb_clear)  # and the first key
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Mật khẩu:"), self.passphrase)
        form.addRow("", self.again)
        usb_row = QHBoxLayout()
        usb_row.addWidget(self.usb_label, 1)
        usb_row.addWidget(self.usb_button)
        usb_row.addWidget(self.usb_clear)
        form.addRow(self.tr("Thư mục USB:"), usb_row)
        actions = QHBoxLayout()
        for button in (self.create_button, self.to_folder_button, self.open_button, self.verify_button,
                       self.restore_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(actions)

        self.create_button.clicked.connect(lambda: self.start_create(None))
        self.to_folder_button.clicked.connect(self._choose_folder)
        self.open_button.clicked.connect(self._open_file)
        self.verify_button.clicked.connect(self.start_verify)
        self.restore_button.clicked.connect(self.start_restore)
        self.usb_button.clicked.connect(self._choose_usb)
        self.usb_clear.clicked.connect(lambda: self.set_usb(None))
        self.close_button.clicked.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._busy(False))
        self.reload()

    # --- reading -------------------------------------------------------------------------------------

    def reload(self, then: Callable[[], None] | None = None) -> None:
        db, extra = self.db, list(self.extra)

        def listed(found: tuple[list[backup.Entry], bool, Path | None]) -> None:
            self._listed(found)
            if then is not None:
                then()

        self.runner.submit(lambda: (backup.list_backups(db, extra), backup.has_key(), backup.usb_folder(db)),
                           listed, self._job_failed, owner=self)

    def _listed(self, found: tuple[list[backup.Entry], bool, Path | None]) -> None:
        rows, self.has_key, usb = found
        selected = self._select_next or (e.path if (e := self.selected()) else None)
        self._select_next = None
        self.model.set_rows(rows)
        if selected is not None:
            self.select(selected)
        self.key_label.setText(self.tr("Đã đặt mật khẩu sao lưu. Sao lưu tự động hằng ngày và trước mỗi lần nhập dữ "
                                       "liệu, không cần nhập mật khẩu.") if self.has_key else
                               self.tr("Chưa đặt mật khẩu sao lưu: hãy đặt một mật khẩu (ít nhất 8 ký tự, khó đoán) và "
                                       "bấm “Sao lưu ngay”. Ghi nhớ nó: không có nó thì không khôi phục được."))
        if not self.has_key and not self.settings_gate.allowed:
            self.key_label.setText(self.tr("Chưa đặt mật khẩu sao lưu. Quản trị viên đặt mật khẩu này ở lần sao lưu đầu "
                                           "tiên; sau đó ai biết mật khẩu cũng sao lưu được."))
        self.again.setVisible(not self.has_key)
        self.usb_label.setText(str(usb) if usb else self.tr("(chưa chọn: bản sao lưu chỉ ở trên máy này)"))
        self.settings_gate.enable(self.usb_clear, usb is not None)
        self._busy(False)
        self.sig_listed.emit(rows)

    def selected(self) -> backup.Entry | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.data(rows[0], ENTRY_ROLE) if rows else None

    def select(self, path: Path) -> bool:
        for row, e in enumerate(self.model.rows):
            if e.path == path:
                self.table.selectRow(row)
                return True
        return False

    # --- making one ----------------------------------------------------------------------------------

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục để ghi bản sao lưu (ví dụ ổ USB)"))
        if folder:
            self.start_create(Path(folder))

    def _passphrase(self, creating: bool) -> str | None:
        text = self.passphrase.text()
        if creating and self.has_key and not text:
            return ""  # a backup made with the key's recipient: no passphrase needed
        if not text:
            self._fail(self.tr("Hãy nhập mật khẩu sao lưu."))
            return None
        if creating and not self.has_key and text != self.again.text():
            self._fail(self.tr("Hai lần nhập mật khẩu mới không giống nhau."))
            return None
        return text

    def start_create(self, folder: Path | None) -> None:
        passphrase = self._passphrase(creating=True)
        if passphrase is None:
            return
        self._busy(True)
        self.status.setText(self.tr("Đang sao lưu…"))
        progress, token = self._start_progress(self.tr("Đang sao lưu dữ liệu…"))
        db = self.db
        self.runner.submit(lambda: backup.create(db, passphrase or None, folder, progress=progress, cancel=token),
                           self._created, self._job_failed, owner=self)

    def _created(self, made: backup.Created) -> None:
        self._stop_progress()
        self.passphrase.clear()
        self.again.clear()
        folder = made.entry.path.parent
        if folder != paths.backups_dir() and folder not in self.extra:
            self.extra.append(folder)  # a folder chosen for this one: listed from now on
        lines = [self.tr("Đã sao lưu: %1").replace("%1", str(made.entry.path))]
        lines += [self.tr("Đã chép sang: %1").replace("%1", str(p)) for p in made.copies]
        lines += [en if current_lang() == "en" else vi for vi, en in made.notes]
        self.status.setText("\n".join(lines))
        self._select_next = made.entry.path
        self.sig_created.emit(made)
        self.reload()

    def _choose_usb(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục trên ổ USB nhận bản sao lưu tự động"))
        if folder:
            self.set_usb(Path(folder))

    def set_usb(self, folder: Path | None) -> None:
        db = self.db
        self.runner.submit(lambda: backup.set_usb_folder(db, folder), lambda _r: self.reload(), self._job_failed,
                           owner=self)

    # --- reading one back ----------------------------------------------------------------------------

    def _open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp sao lưu"), "",
                                              self.tr("Bản sao lưu PAPI (papi-backup-*.age);;Tất cả tệp (*)"))
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> None:
        """A backup found elsewhere (a stick not set as the USB folder): its folder is listed too."""
        if path.parent not in self.extra:
            self.extra.append(path.parent)

        def shown() -> None:
            if not self.select(path):
                self._fail(self.tr("Tệp này không phải bản sao lưu của PAPI Desktop (tên tệp không đúng dạng)."))

        self.reload(shown)

    def _begin_check(self, status: str) -> tuple[backup.Entry, str, QtProgress, CancelToken] | None:
        """The backup chosen and the passphrase typed, the window busy and a progress shown; None (and why)
        when either is missing."""
        entry = self.selected()
        if entry is None:
            self._fail(self.tr("Hãy chọn một bản sao lưu trong danh sách."))
            return None
        passphrase = self._passphrase(creating=False)
        if passphrase is None:
            return None
        self._busy(True)
        self.status.setText(status)
        return entry, passphrase, *self._start_progress(self.tr("Đang kiểm tra bản sao lưu…"))

    def start_verify(self) -> None:
        begun = self._begin_check(self.tr("Đang kiểm tra…"))
        if begun is None:
            return
        entry, passphrase, progress, token = begun
        self.runner.submit(lambda: backup.verify(entry.path, passphrase, progress=progress, cancel=token),
                           self._verified, self._job_failed, owner=self)

    def _verified(self, manifest: backup.Manifest) -> None:
        self._stop_progress()
        self._busy(False)
        self.status.setText(self.describe(manifest) + "\n" + self.tr(
            "Bản sao lưu tốt: giải mã trọn vẹn, mọi tệp đúng bản kê khai, cơ sở dữ liệu toàn vẹn."))
        self.sig_verified.emit(manifest)

    def describe(self, m: backup.Manifest) -> str:
        when = dt.datetime.fromisoformat(m.created_at_utc).astimezone().strftime("%d/%m/%Y %H:%M")
        return (self.tr("Bản sao lưu ngày %1 (%2) của đơn vị %3, máy %4: %5 thay đổi, %6 tệp đính kèm.")
                .replace("%1", when).replace("%2", self.model.reason(m.reason)).replace("%3", m.unit)
                .replace("%4", m.node).replace("%5", str(m.seq)).replace("%6", str(m.attachments)))

    # --- restoring -----------------------------------------------------------------------------------

    def start_restore(self) -> None:
        begun = self._begin_check(self.tr("Đang kiểm tra bản sao lưu trước khi khôi phục…"))
        if begun is None:
            return
        entry, passphrase, progress, token = begun
        db = self.db

        def check() -> tuple[backup.Manifest, backup.Comparison]:
            manifest = backup.verify(entry.path, passphrase, progress=progress, cancel=token)
            return manifest, backup.compare(db, manifest)

        self.runner.submit(check, lambda found: self._confirm(entry, passphrase, *found), self._job_failed,
                           owner=self)

    def confirmation(self, m: backup.Manifest, c: backup.Comparison) -> str:
        lines = [self.describe(m), "",
                 self.tr("Khôi phục sẽ thay toàn bộ cơ sở dữ liệu và các tệp (tệp đính kèm, khóa, chứng thư tin cậy, "
                         "dữ liệu đồng bộ) trong thư mục %1 bằng nội dung của bản sao lưu này. Dữ liệu hiện tại được "
                         "sao lưu trước (bản “Trước khi khôi phục”).").replace("%1", str(paths.data_dir()))]
        if not c.same_pc:
            lines.append(self.tr("Bản sao lưu này là của một máy khác (máy %1).").replace("%1", m.node))
        if c.later_changes:
            lines.append(self.tr("%1 thay đổi làm trên máy này sau bản sao lưu sẽ không còn trên máy.")
                         .replace("%1", str(c.later_changes)))
        if c.sent_later:
            lines.append(self.tr("%1 thay đổi trong số đó đã gửi lên tỉnh: tỉnh vẫn giữ chúng, và máy này đánh số "
                                 "các thay đổi mới tiếp sau chúng, nên việc đồng bộ vẫn tiếp tục.")
                         .replace("%1", str(c.sent_later)))
        lines += ["", self.tr("Sau khi khôi phục, chương trình sẽ mở lại dữ liệu. Khôi phục?")]
        return "\n".join(lines)

    def _confirm(self, entry: backup.Entry, passphrase: str, manifest: backup.Manifest,
                 comparison: backup.Comparison) -> None:
        self._stop_progress()
        if not ask(self, self.confirmation(manifest, comparison), self.tr("Khôi phục dữ liệu")):
            self._busy(False)
            self.status.setText(self.tr("Chưa khôi phục; dữ liệu không thay đổi."))
            return
        self.status.setText(self.tr("Đang khôi phục…"))
        progress, token = self._start_progress(self.tr("Đang khôi phục dữ liệu…"))
        db = self.db
        self.runner.submit(lambda: backup.restore(entry.path, passphrase, db, progress=progress, cancel=token),
                           self._restored, self._job_failed, owner=self)

    def _restored(self, done: backup.Restored) -> None:
        self._stop_progress()
        self.closed_db = True  # the database this window had is closed: nothing here may use it again
        self._busy(True)
        self.close_button.setEnabled(True)
        lines = [self.tr("Đã khôi phục dữ liệu từ bản sao lưu.")]
        if done.replaced_backup:
            lines.append(self.tr("Dữ liệu bị thay được giữ trong bản sao lưu %1.").replace("%1", str(done.replaced_backup)))
        if done.replaced_folder:
            lines.append(self.tr("Dữ liệu bị thay được giữ trong thư mục %1.").replace("%1", str(done.replaced_folder)))
        self.status.setText("\n".join(lines))
        self.sig_restored.emit(done)
        show_info(self, "\n".join(lines), self.tr("Khôi phục dữ liệu"))

    # --- plumbing ------------------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        if self.closed_db:
            busy = True
        chosen = self.selected() is not None
        for w in (self.open_button, self.passphrase, self.again):
            w.setEnabled(not busy)
        may_make = self.has_key or self.settings_gate.allowed  # the first backup sets the key's passphrase
        for w in (self.create_button, self.to_folder_button):
            w.setEnabled(not busy and may_make)
            w.setToolTip("" if may_make else self.settings_gate.reason)
        self.settings_gate.enable(self.usb_button, not busy)
        self.verify_button.setEnabled(not busy and chosen)
        self.restore_gate.enable(self.restore_button, not busy and chosen)

    def _start_progress(self, label: str) -> tuple[QtProgress, CancelToken]:
        token = CancelToken()
        self._progress = QtProgress(self, label, token)
        return self._progress, token

    def _stop_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def _job_failed(self, exc: BaseException) -> None:
        self._stop_progress()
        self._busy(False)
        self._fail(self.tr("Đã hủy. Dữ liệu không thay đổi.") if isinstance(exc, Cancelled) else error_text(exc))

    def _fail(self, message: str) -> None:
        self.status.setText(message)
        self.sig_failed.emit(message)
