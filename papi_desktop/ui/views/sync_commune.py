"""Đồng bộ on a commune PC: enrolment with the province, what waits to be sent, writing a bundle to
the USB stick and reading the province's receipts, the commune's other PCs, which PC keeps the
registers, and the queues a person resolves (conflicts, bundles held with their reasons)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.jobs import CancelToken, ProgressReporter
from ...exports.signing import nothing_done_if_wrong_passphrase
from ...services import enrolment, hub_sync, keys, registry, reports, sync, sync_board
from ...services.handle import DataHandle
from ..hub_autosync import AutoSync
from ..models.sync_models import RowsModel
from ..widgets import sync_widgets as sw
from ..widgets.messages import current_lang, error_text
from ..widgets.role_gate import RoleGate
from ..widgets.tables import readonly_table
from ..workers import JobRunner, Latest
from .registry_take import TakeRegistryDialog, warning_text
from .sync_peers import PeersTab

PENDING_HEADERS = (QT_TRANSLATE_NOOP("CommuneSync", "Sổ, loại dữ liệu"),
                   QT_TRANSLATE_NOOP("CommuneSync", "Số thay đổi chờ gửi"))
WAITING_HEADERS = (QT_TRANSLATE_NOOP("CommuneSync", "Máy gửi"), QT_TRANSLATE_NOOP("CommuneSync", "Tình trạng"),
                   QT_TRANSLATE_NOOP("CommuneSync", "Nhận lúc"), QT_TRANSLATE_NOOP("CommuneSync", "Số thay đổi"),
                   QT_TRANSLATE_NOOP("CommuneSync", "Lý do"))


def _wrapped() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CommuneSync(sw.SyncView):
    """Actions (sig_done): request, install, export, read, card, peer (sync_peers.py), resolve
    (sync_widgets.ConflictQueue)."""

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.db = db
        self.board: sync_board.CommuneBoard | None = None
        self.enrol_state, self.role, self.pending_label, self.bundles_label = (_wrapped() for _ in range(4))
        self.reminder = _wrapped()
        self.reminder.setStyleSheet("color: #9a5b00; font-weight: bold;")
        self.request_button = QPushButton(self.tr("Tạo yêu cầu đăng ký…"))
        self.install_button = QPushButton(self.tr("Cài gói đăng ký của tỉnh…"))
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.request_button)
        enrol_row.addWidget(self.install_button)
        enrol_row.addStretch(1)
        self.enrol_buttons = QWidget()
        self.enrol_buttons.setLayout(enrol_row)
        enrol_row.setContentsMargins(0, 0, 0, 0)
        self.enrol_gate = RoleGate(db, "settings").hold(self.enrol_buttons)  # the PC's key and certificate
        self.enrol_note = self.enrol_gate.note()
        form = QFormLayout()
        form.addRow(self.tr("Đăng ký với tỉnh:"), self.enrol_state)
        form.addRow("", self.enrol_buttons)
        form.addRow("", self.enrol_note)
        form.addRow(self.tr("Vai trò của máy:"), self.role)
        # the registry PC broken or retired: its administrator moves the role here (services.registry)
        self.take_button = QPushButton(self.tr("Nhận vai trò giữ sổ cho máy này…"))
        self.take_button.hide()
        self.take_gate = RoleGate(db, "settings").hold(self.take_button)
        take_row = QHBoxLayout()
        take_row.setContentsMargins(0, 0, 0, 0)
        take_row.addWidget(self.take_button)
        take_row.addStretch(1)
        form.addRow("", take_row)
        self.registry_warning = _wrapped()
        self.registry_warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.registry_warning.hide()
        form.addRow("", self.registry_warning)
        self._role_read = Latest(runner, self)
        self.take_dialog: TakeRegistryDialog | None = None
        form.addRow(self.tr("Chờ gửi tỉnh:"), self.pending_label)
        form.addRow(self.tr("Gói và biên nhận:"), self.bundles_label)
        box = QGroupBox(self.tr("Đồng bộ với tỉnh qua USB"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.reminder)

        # over the network, when the province runs a hub: the same bundles and receipts as the stick
        self.autosync = AutoSync(db, runner, self)
        self.hub_label, self.net_state = _wrapped(), _wrapped()
        self.net_button = QPushButton(self.tr("Đồng bộ ngay qua mạng"))
        self.auto_box = QCheckBox(self.tr("Tự động gửi khi có mạng (trong phiên làm việc này)"))
        net_row = QHBoxLayout()
        net_row.addWidget(self.net_button)
        net_row.addWidget(self.auto_box)
        net_row.addStretch(1)
        net_form = QFormLayout()
        net_form.addRow(self.tr("Máy chủ tỉnh:"), self.hub_label)
        net_form.addRow(self.tr("Lần đồng bộ qua mạng:"), self.net_state)
        self.net_box = QGroupBox(self.tr("Đồng bộ với tỉnh qua mạng"))
        net_layout = QVBoxLayout(self.net_box)
        net_layout.addLayout(net_form)
        net_layout.addLayout(net_row)
        self.net_button.clicked.connect(lambda: self.sync_network())
        self.auto_box.toggled.connect(self._auto_toggled)
        self.autosync.sig_state.connect(self._auto_state)

        self.export_button = QPushButton(self.tr("Ghi ra USB gửi tỉnh…"))
        self.export_button.setDefault(True)
        self.read_button = QPushButton(self.tr("Đọc biên nhận / gói từ USB"))
        read_menu = QMenu(self)
        self.read_folder_action = QAction(self.tr("Cả thư mục trên USB…"), self)
        self.read_files_action = QAction(self.tr("Chọn tệp…"), self)
        read_menu.addAction(self.read_folder_action)
        read_menu.addAction(self.read_files_action)
        self.read_button.setMenu(read_menu)
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.release_button = QPushButton(self.tr("Áp dụng sớm gói đang giữ…"))
        self.release_button.setToolTip(self.tr("Gói của máy khác chờ gói trước mà gói đó sẽ không đến: áp dụng ngay, "
                                               "bỏ qua phần còn thiếu. Cần ghi lý do; việc này vào nhật ký thao tác."))
        RoleGate(db, "settings").hold(self.release_button)
        actions = QHBoxLayout()
        for b in (self.export_button, self.read_button, self.release_button, self.refresh_button):
            actions.addWidget(b)
        actions.addStretch(1)

        self.pending_model = RowsModel("CommuneSync", PENDING_HEADERS, (1,), parent=self)
        self.pending_view = readonly_table(self.pending_model)
        self.pending_view.setColumnWidth(0, 420)
        self.pending_view.horizontalHeader().setStretchLastSection(True)  # the header across the whole table
        self.conflicts = sw.ConflictQueue(self, db)
        self.waiting_model = RowsModel("CommuneSync", WAITING_HEADERS, (3,), 1, self)
        self.waiting_view = sw.wrapping_table(self.waiting_model, {0: 130, 1: 190, 2: 130, 3: 100}, 4)
        self.peers = PeersTab(db, self, self)
        self.summary_model = RowsModel("SyncSummary", sw.SUMMARY_HEADERS, sw.SUMMARY_NUMERIC, sw.SUMMARY_STATE, self)
        self.summary_view = sw.wrapping_table(self.summary_model, sw.SUMMARY_WIDTHS, 9, (0,))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.pending_view, "")
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self.waiting_view, "")
        self.tabs.addTab(self.peers, "")
        self.tabs.addTab(self.summary_view, self.tr("Kết quả đọc từ USB"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(self.net_box)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addWidget(self.tabs, 1)
        self.jobs.buttons = [self.request_button, self.install_button, self.export_button, self.read_button,
                             self.net_button, self.release_button, self.take_button,
                             self.refresh_button, *self.conflicts.buttons, *self.peers.buttons]
        self.request_button.clicked.connect(lambda: self.make_request())
        self.install_button.clicked.connect(lambda: self.install_package())
        self.export_button.clicked.connect(lambda: self.export())
        self.read_folder_action.triggered.connect(lambda: self.read_usb())
        self.read_files_action.triggered.connect(lambda: self.read_usb(files=True))
        self.refresh_button.clicked.connect(self.sig_reload.emit)
        self.release_button.clicked.connect(lambda: self.release())
        self.take_button.clicked.connect(lambda: self.take_registry())
        self.peers.sig_send.connect(self.export)

    # --- showing the state --------------------------------------------------------------------------

    def show_board(self, b: sync_board.CommuneBoard) -> None:
        self.board = b
        enrolled = b.enrolment == "enrolled"
        if enrolled:
            self.enrol_state.setText(self.tr("Đã đăng ký. Chứng thư gốc của tỉnh: %1\nDấu vân tay SHA-256: %2")
                                     .replace("%1", b.root_subject.get("CN", "")).replace("%2", b.root_fingerprint))
        elif b.enrolment == "requested":
            self.enrol_state.setText(self.tr("Đã tạo yêu cầu đăng ký, đang chờ gói đăng ký của tỉnh. Khi nhận được gói, "
                                             "bấm “Cài gói đăng ký của tỉnh”."))
        else:
            self.enrol_state.setText(self.tr("Chưa đăng ký. Bấm “Tạo yêu cầu đăng ký”, chép tệp yêu cầu vào USB gửi "
                                             "tỉnh; tỉnh gửi lại gói đăng ký để cài trên máy này."))
        self.enrol_buttons.setVisible(not enrolled)
        self.enrol_note.setVisible(not enrolled and not self.enrol_gate.allowed)
        if b.keeps_registers:
            role = self.tr("Máy %1 GIỮ SỔ của xã: số văn bản đi chỉ được lấy trên máy này; đơn do máy khác nhận (số tạm) "
                           "được vào sổ với số chính thức khi gói của máy đó đến đây.")
        else:
            role = self.tr("Máy %1 KHÔNG giữ sổ của xã: không lấy số văn bản đi ở đây (hãy xuất văn bản trên máy giữ "
                           "sổ); đơn nhận ở đây mang số tạm, được vào sổ khi gói đến máy giữ sổ.")
        self.role.setText(role.replace("%1", b.device))
        self.take_button.setVisible(not b.keeps_registers)
        # the numbers other PCs gave while this one keeps the registers (a courtesy read: none shown if it fails)
        self._role_read.submit(lambda: registry.role(self.db), self._show_role, lambda _exc: None)
        if not enrolled:
            self.pending_label.setText(self.tr("Chưa đăng ký với tỉnh nên chưa gửi được dữ liệu."))
        elif b.pending:
            self.pending_label.setText(self.tr("%1 thay đổi tỉnh chưa xác nhận đã nhận.").replace("%1", str(b.pending)))
        else:
            self.pending_label.setText(self.tr("Tỉnh đã nhận đủ: không có thay đổi nào chờ gửi."))
        last = (self.tr("Gói gần nhất ghi lúc %1 (%2 thay đổi).").replace("%1", sw.when(b.last_bundle["created_at"]))
                .replace("%2", str(b.last_bundle["changes"])) if b.last_bundle else self.tr("Chưa ghi gói nào."))
        ack = (self.tr("Biên nhận gần nhất của tỉnh: %1.").replace("%1", sw.when(b.last_acknowledged["at"]))
               if b.last_acknowledged else self.tr("Chưa có biên nhận nào của tỉnh."))
        self.bundles_label.setText(f"{last} {ack}")
        self.reminder.setText("\n".join(sw.reminder_text(r) for r in b.reminders))
        self.reminder.setVisible(bool(b.reminders))
        for w in (self.export_button, self.read_button, *self.peers.buttons):
            w.setEnabled(enrolled and not self.jobs.busy)
        self._show_hub(b, enrolled)
        self.pending_model.set_rows([(t, [sw.table_name(t), n], "") for t, n in b.pending_by_table])
        lang_en = current_lang() == "en"
        self.conflicts.set_conflicts(b.conflicts)
        self.waiting_model.set_rows([(w.bundle_id, [w.device, sw.status_name(w.status), sw.when(w.received_at),
                                                    w.changes, w.reason_en if lang_en else w.reason_vi],
                                      sw.STATUS_COLOURS.get(w.status, "")) for w in b.waiting])
        self.peers.set_peers(b.device, b.peers)
        self.tabs.setTabText(0, self.tr("Chờ gửi (%1)").replace("%1", str(b.pending)))
        self.tabs.setTabText(1, self.tr("Xung đột (%1)").replace("%1", str(len(b.conflicts))))
        self.tabs.setTabText(2, self.tr("Gói chờ xử lý (%1)").replace("%1", str(len(b.waiting))))
        self.tabs.setTabText(3, self.tr("Máy khác của xã (%1)").replace("%1", str(len(b.peers))))

    def _show_role(self, role: registry.Role) -> None:
        text = warning_text(role)
        self.registry_warning.setText(text)
        self.registry_warning.setVisible(bool(text))

    # --- the registers ------------------------------------------------------------------------------

    def take_registry(self) -> None:
        """Ask what taking the registers means and why (window-modal); the service runs in the worker."""
        dialog = TakeRegistryDialog(self, self.board.device if self.board else "")
        dialog.accepted.connect(lambda: self._take(dialog.reason.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.take_dialog = dialog
        dialog.open()

    def _take(self, reason: str) -> None:
        self.take_dialog = None
        self.jobs.run(lambda _p, _t: registry.take_over(self.db, reason), self._taken, failed=self.failed("registry"))

    def _taken(self, taken: registry.Taken) -> None:
        year = reports.today_vn().year
        text = (self.tr("Máy %1 đã nhận vai trò giữ sổ của xã. Số văn bản đi tiếp theo năm %2: %3. %4 đơn số tạm của "
                        "máy này đã được vào sổ. Máy giữ sổ cũ phải thôi cấp số.")
                .replace("%1", taken.role.device).replace("%2", str(year))
                .replace("%3", f"{taken.role.documents.get(year, 0) + 1:02d}").replace("%4", str(len(taken.entered))))
        self.say("registry", text, taken)

    # --- enrolment ----------------------------------------------------------------------------------

    def make_request(self) -> None:
        b = self.board
        if b is not None and b.enrolment == "requested" and not sw.ask_yes_no(
                self, self.tr("Tạo yêu cầu mới?"),
                self.tr("Máy này đã có một yêu cầu đăng ký đang chờ tỉnh. Tạo yêu cầu mới thì gói tỉnh cấp cho yêu cầu cũ "
                        "sẽ không cài được nữa. Tạo yêu cầu mới?"), self.tr("Tạo yêu cầu mới"), self.tr("Không")):
            return
        unit = b.unit_code if b else ""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp yêu cầu đăng ký (chép vào USB gửi tỉnh)"),
                                              f"yeu-cau-dang-ky-{unit}.json", self.tr("Yêu cầu đăng ký (*.json)"))
        if not name:
            return
        passphrase = sw.ask_passphrase(self, self.tr("Đặt mật khẩu cho khóa mới của máy này. Khóa ký báo cáo và gói dữ "
                                                     "liệu; mỗi lần ghi USB hay ký số đều cần mật khẩu này. Chương trình "
                                                     "không lưu mật khẩu: hãy ghi nhớ."), confirm=True)
        if passphrase is None:
            return
        self.write_file("request", Path(name), lambda: enrolment.request(self.db, passphrase), self.tr(
            "Đã ghi yêu cầu đăng ký: %1. Hãy chép tệp này vào USB gửi tỉnh (Sở Nội vụ). Tỉnh sẽ gửi lại một gói đăng ký "
            "và báo dấu vân tay chứng thư gốc của tỉnh; khi có, bấm “Cài gói đăng ký của tỉnh”."))

    def install_package(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn gói đăng ký tỉnh gửi về"), "",
                                              self.tr("Gói đăng ký (*.papi)"))
        if not name:
            return
        self.jobs.run(lambda _p, _t: enrolment.read_package(Path(name)), self._confirm_package,
                      failed=self.failed("install"))

    def _confirm_package(self, package: enrolment.Package) -> None:
        text = (self.tr("Gói đăng ký cho đơn vị %1, máy %2.\n\nChứng thư gốc của tỉnh:\n%3\n\nDấu vân tay SHA-256:\n%4\n\n"
                        "Hãy so từng ký tự với dấu vân tay tỉnh đã báo (qua điện thoại hoặc văn bản). Chỉ cài khi khớp "
                        "hoàn toàn. Dấu vân tay có khớp không?")
                .replace("%1", package.unit_code).replace("%2", package.device or "—")
                .replace("%3", sw.subject_text(package.root_subject)).replace("%4", package.root_fingerprint))
        if not sw.ask_yes_no(self, self.tr("So dấu vân tay của tỉnh"), text, self.tr("Khớp, cài đặt"),
                             self.tr("Không khớp")):
            self.say("install", self.tr("Chưa cài đặt gì. Hãy liên hệ tỉnh để lấy lại gói đăng ký và dấu vân tay đúng."),
                      None)
            return
        passphrase = sw.ask_passphrase(self, self.tr("Mật khẩu đã đặt khi tạo yêu cầu đăng ký trên máy này."))
        if passphrase is None:
            return
        def install(_p, _t):  # noqa: ANN001, ANN202 - in the worker: the certificate, then the plan it carries
            info = enrolment.install(self.db, package, passphrase, package.root_fingerprint)
            return info, enrolment.apply_carried_update(self.db, package, passphrase)

        def installed(result) -> None:  # noqa: ANN001
            info, update = result
            text = (self.tr("Đã cài gói đăng ký: xã đã đăng ký với tỉnh. Chứng thư của máy: %1, hiệu lực đến %2. Từ nay "
                            "có thể ghi dữ liệu ra USB gửi tỉnh; báo cáo được ký bằng chứng thư này.")
                    .replace("%1", info.subject.get("CN", "")).replace("%2", info.not_after))
            text += " " + (self.tr("Kế hoạch và dữ liệu tham chiếu của tỉnh (phiên bản %1) đã được áp dụng.")
                           .replace("%1", str(update.version)) if update is not None else
                           self.tr("Tỉnh chưa phát hành kế hoạch: kế hoạch sẽ đến cùng bản cập nhật đầu tiên của tỉnh."))
            self.say("install", text, info)

        self.jobs.run(install, installed, failed=self.failed("install"))

    # --- bundles ------------------------------------------------------------------------------------

    def export(self, peer: str = sync.PROVINCE) -> None:
        to_province = peer == sync.PROVINCE
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục trên USB để ghi gói dữ liệu") if to_province
            else self.tr("Chọn thư mục để ghi gói dữ liệu cho máy %1").replace("%1", peer))
        if not folder:
            return
        passphrase = sw.ask_passphrase(self, self.tr("Mật khẩu khóa của máy này (để ký gói dữ liệu)."))
        if passphrase is None:
            return
        def export(p: ProgressReporter, t: CancelToken) -> sync.ExportResult | None:
            with nothing_done_if_wrong_passphrase(*sync_board.NOT_EXPORTED):
                return sync.export_bundle(self.db, Path(folder), passphrase, peer, p, t)

        self.jobs.run(export, lambda result: self._exported(result, peer), self.tr("Đang ghi gói dữ liệu…"),
                      self.failed("export"))

    def _exported(self, result: sync.ExportResult | None, peer: str) -> None:
        if result is None:
            text = (self.tr("Không có gì cần gửi: tỉnh đã nhận đủ mọi thay đổi của máy này.") if peer == sync.PROVINCE
                    else self.tr("Không có gì cần gửi: máy %1 đã có mọi thay đổi của máy này.").replace("%1", peer))
        elif peer == sync.PROVINCE:
            text = (self.tr("Đã ghi gói dữ liệu gửi tỉnh (%1 thay đổi, %2 tệp đính kèm):\n%3\n\nHãy mang USB lên tỉnh. "
                            "Tỉnh nhận xong sẽ ghi biên nhận bên cạnh gói; về đến xã, bấm “Đọc biên nhận / gói từ USB”.")
                    .replace("%1", str(result.changes)).replace("%2", str(result.attachments))
                    .replace("%3", "\n".join(str(f) for f in result.files)))
        else:
            text = (self.tr("Đã ghi gói dữ liệu cho máy %4 (%1 thay đổi, %2 tệp đính kèm):\n%3\n\nChép sang máy đó và "
                            "đọc bằng “Đọc biên nhận / gói từ USB”; mang biên nhận của máy đó về đọc ở đây.")
                    .replace("%1", str(result.changes)).replace("%2", str(result.attachments))
                    .replace("%3", "\n".join(str(f) for f in result.files)).replace("%4", peer))
        self.say("export", text, result)

    def read_usb(self, files: bool = False) -> None:
        if files:
            names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn biên nhận hoặc gói dữ liệu"), "",
                                                    self.tr("Tệp của PAPI Desktop (*.papi)"))
            inputs = [Path(n) for n in names]
        else:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục trên USB có biên nhận hoặc gói dữ liệu"))
            inputs = [Path(folder)] if folder else []
        if inputs:
            self.jobs.run(lambda _p, _t: sync_board.scan_usb(self.db, inputs), self._read_found,
                          failed=self.failed("read"))

    def _read_found(self, found: sync_board.UsbFiles) -> None:
        if not found.receipts and not found.bundles and not found.updates:
            self.say("read", self.tr("Không thấy biên nhận hay gói dữ liệu nào cho máy này (có %1 gói do chính máy này "
                                      "ghi). Hãy chọn đúng thư mục trên USB, nơi tỉnh hoặc máy khác đã ghi biên nhận.")
                      .replace("%1", str(found.own)), None)
            return
        passphrase = None
        if found.bundles:
            passphrase = sw.ask_passphrase(self, self.tr("Trên USB có %1 gói dữ liệu từ máy khác của xã. Nhập mật khẩu "
                                                         "khóa của máy này để đọc.").replace("%1", str(len(found.bundles))))
            if passphrase is None and not found.receipts and not found.updates:
                return
        self.jobs.run(lambda p, t: sync_board.read_usb(self.db, found, passphrase, p, t), self._read_done,
                      self.tr("Đang đọc từ USB…"), self.failed("read", partial=True))

    def _read_done(self, result: sync_board.UsbResult) -> None:
        en = current_lang() == "en"
        lines = []
        for r in result.receipts:
            if r.error is not None:
                line = self.tr("%1: không đọc được — %2").replace("%2", r.error[1] if en else r.error[0])
            elif r.already:
                line = self.tr("%1: biên nhận này đã đọc trước đây; không có gì thay đổi.")
            elif r.status == "applied":
                line = self.tr("%1: nơi nhận đã nhận gói; các thay đổi trong gói không phải gửi lại.")
            else:
                line = self.tr("%1: nơi nhận giữ lại gói (%2); các thay đổi sẽ được gửi lại trong gói sau.").replace(
                    "%2", sw.status_name(r.status))
            lines.append(line.replace("%1", r.file))
        for name, update, error in result.updates:
            if error is not None:
                line = self.tr("%1: không áp dụng được bản cập nhật của tỉnh — %2").replace("%2", error[1] if en else error[0])
            elif update.status == "unchanged":
                line = self.tr("%1: bản cập nhật số %2 của tỉnh đã áp dụng trước đây.").replace("%2", str(update.version))
            else:
                line = self.tr("%1: đã áp dụng bản cập nhật số %2 của tỉnh.").replace("%2", str(update.version))
                line += "".join(" " + (m_en if en else m_vi) for m_vi, m_en in update.messages)
            lines.append(line.replace("%1", name))
        for s in result.summaries:
            lines.append(self.tr("%1: %2 — thêm %3, cập nhật %4, xung đột %5.").replace("%1", s.file)
                         .replace("%2", sw.status_name(s.status)).replace("%3", str(s.imported))
                         .replace("%4", str(s.updated)).replace("%5", str(s.conflicts)))
        if result.summaries:
            names = {self.board.unit_code: self.board.unit_name} if self.board else {}
            self.summary_model.set_rows(sw.summary_rows(result.summaries, names))
            self.tabs.setCurrentWidget(self.summary_view)
        self.say("read", "\n".join(lines), result)

    def release(self, reason: str | None = None, passphrase: str | None = None) -> None:
        self.release_held(self.db, self.tr("Mật khẩu khóa của máy này (để giải mã gói và ký biên nhận)."), reason,
                          passphrase)

    # --- over the network ---------------------------------------------------------------------------

    def _show_hub(self, b: sync_board.CommuneBoard, enrolled: bool) -> None:
        url = b.hub.get("url", "")
        self.hub_label.setText(url or self.tr("Tỉnh chưa cho địa chỉ máy chủ (địa chỉ đến cùng gói đăng ký hoặc bản "
                                              "cập nhật của tỉnh). Vẫn gửi được bằng USB."))
        last = b.hub.get("last_push_at", "")
        if not self.autosync.enabled or not self.net_state.text():
            self.net_state.setText(self.tr("Lần gần nhất: %1.").replace("%1", sw.when(last)) if last
                                   else self.tr("Chưa đồng bộ qua mạng lần nào."))
        on = enrolled and bool(url)
        self.net_button.setEnabled(on and not self.jobs.busy)
        self.auto_box.setEnabled(on)

    def sync_network(self) -> None:
        b = self.board
        if b is None or not b.hub.get("url"):
            return
        passphrase = sw.ask_passphrase(self, self.tr("Mật khẩu khóa của máy này (để đăng nhập máy chủ tỉnh và ký gói "
                                                     "dữ liệu)."))
        if passphrase is None:
            return
        url = b.hub["url"]
        def sync_now(_p: ProgressReporter, _t: CancelToken) -> hub_sync.SyncResult:
            with nothing_done_if_wrong_passphrase(*sync_board.NOT_SYNCED):
                return hub_sync.sync_now(self.db, passphrase, url)

        self.jobs.run(sync_now, self._network_done,
                      self.tr("Đang đồng bộ với máy chủ tỉnh…"), self.failed("network"))

    def _network_done(self, result: hub_sync.SyncResult) -> None:
        self.say("network", self._result_text(result), result)

    def _result_text(self, result: hub_sync.SyncResult) -> str:
        parts = []
        if result.nothing_to_send:
            parts.append(self.tr("Không có gì cần gửi: tỉnh đã nhận đủ."))
        elif result.sent is not None:
            parts.append(self.tr("Đã gửi gói dữ liệu: %1 (%2 thay đổi).")
                         .replace("%1", sw.status_name(str(result.sent.get("status", ""))))
                         .replace("%2", str(result.sent.get("records", 0))))
        if result.receipts:
            parts.append(self.tr("Đã nhận %1 biên nhận của tỉnh.").replace("%1", str(result.receipts)))
        for update in result.updates:
            parts.append(self.tr("Đã áp dụng bản cập nhật của tỉnh, phiên bản %1.").replace("%1", str(update.get("version"))))
        return " ".join(parts)

    def _auto_toggled(self, on: bool) -> None:
        if not on:
            self.autosync.stop()
            return
        b = self.board
        passphrase = sw.ask_passphrase(self, self.tr("Mật khẩu khóa của máy này. Chương trình giữ nó trong bộ nhớ cho "
                                                     "đến khi tắt chương trình hoặc bỏ chọn ô này, không ghi ra đĩa."))
        if passphrase is None or b is None:
            self.auto_box.setChecked(False)
            return
        url = b.hub.get("url", "")

        def unlocked(_material: object) -> None:
            self.autosync.start(passphrase, url)

        def wrong(exc: BaseException) -> None:
            self.auto_box.setChecked(False)
            self.jobs.show_failure(exc)

        def unlock() -> object:
            with nothing_done_if_wrong_passphrase(*sync_board.NOT_AUTOSYNCING):
                return keys.load(passphrase)

        self.jobs.runner.submit(unlock, unlocked, wrong, owner=self)  # a wrong one: not kept

    def _auto_state(self, state: str, detail: object) -> None:
        if state == "offline":
            text = self.tr("Chưa kết nối được máy chủ tỉnh; sẽ tự thử lại. Vẫn gửi được bằng USB.")
        elif state == "syncing":
            text = self.tr("Đang đồng bộ với máy chủ tỉnh…")
        elif state == "done" and isinstance(detail, hub_sync.SyncResult):
            at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            text = self.tr("Đã đồng bộ lúc %1. ").replace("%1", sw.when(at)) + self._result_text(detail)
            self.sig_reload.emit()
        elif state == "failed":
            text = self.tr("Lần đồng bộ tự động không thành: %1. Sẽ thử lại sau.").replace(
                "%1", error_text(detail) if isinstance(detail, BaseException) else "")
        else:
            text = self.tr("Đã tắt đồng bộ tự động.")
        self.net_state.setText(text)
