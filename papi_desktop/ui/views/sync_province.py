"""Đồng bộ on the province: the enrolled communes with their last bundle, receiving many bundles from
a USB stick at once (or a dry run) with a summary per bundle, issuing enrolment packages, revoking a
commune, the bundles held, forked or quarantined with their reasons, and the fields two PCs of one
commune edited differently, for a person to choose."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import downstream, enrolment, province, sync, sync_board
from ...services.handle import DataHandle
from ..models.sync_models import RowsModel
from ..widgets import sync_widgets as sw
from ..widgets.flow import FlowLayout
from ..widgets.messages import current_lang, error_text, show_error
from ..widgets.role_gate import RoleGate
from ..widgets.tables import readonly_table
from ..workers import JobRunner, Latest

COMMUNE_HEADERS = (QT_TRANSLATE_NOOP("ProvinceSync", "Mã"), QT_TRANSLATE_NOOP("ProvinceSync", "Xã, phường"),
                   QT_TRANSLATE_NOOP("ProvinceSync", "Số máy"), QT_TRANSLATE_NOOP("ProvinceSync", "Đăng ký ngày"),
                   QT_TRANSLATE_NOOP("ProvinceSync", "Chứng thư"), QT_TRANSLATE_NOOP("ProvinceSync", "Gói gần nhất"),
                   QT_TRANSLATE_NOOP("ProvinceSync", "Kết quả gói gần nhất"))
WAITING_HEADERS = (QT_TRANSLATE_NOOP("ProvinceSync", "Xã, phường"), QT_TRANSLATE_NOOP("ProvinceSync", "Máy"),
                   QT_TRANSLATE_NOOP("ProvinceSync", "Tình trạng"), QT_TRANSLATE_NOOP("ProvinceSync", "Nhận lúc"),
                   QT_TRANSLATE_NOOP("ProvinceSync", "Số thay đổi"), QT_TRANSLATE_NOOP("ProvinceSync", "Lý do"))

INCOMING_HEADERS = (QT_TRANSLATE_NOOP("ProvinceSync", "Xã, phường"), QT_TRANSLATE_NOOP("ProvinceSync", "Số"),
                    QT_TRANSLATE_NOOP("ProvinceSync", "Ngày"), QT_TRANSLATE_NOOP("ProvinceSync", "Văn bản"),
                    QT_TRANSLATE_NOOP("ProvinceSync", "Kết quả kiểm tra chữ ký"),
                    QT_TRANSLATE_NOOP("ProvinceSync", "Nhận lúc"))


class ProvinceSync(sw.SyncView):
    """Actions (sig_done): import, issue, revoke, publish, release, resolve (sync_widgets.ConflictQueue)."""

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.db = db
        self.board: sync_board.ProvinceBoard | None = None
        self.pcs: dict[str, tuple[str, str]] = {}  # sw.pc_names: how the conflicts name a commune's PCs
        self._pcs_read = Latest(runner, self)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QGroupBox(self.tr("Chế độ tỉnh: nhận dữ liệu của các xã qua USB"))
        QVBoxLayout(box).addWidget(self.state)
        self.receive_button = QPushButton(self.tr("Nhận từ USB"))
        self.dry_button = QPushButton(self.tr("Chạy thử"))
        self.receive_actions: dict[tuple[bool, bool], QAction] = {}
        for button, dry in ((self.receive_button, False), (self.dry_button, True)):
            menu = QMenu(self)
            for files, text in ((False, self.tr("Cả thư mục trên USB…")), (True, self.tr("Chọn các tệp…"))):
                action = QAction(text, self)
                action.triggered.connect(lambda _c=False, d=dry, f=files: self.receive(dry_run=d, files=f))
                menu.addAction(action)
                self.receive_actions[(dry, files)] = action
            button.setMenu(menu)
        self.dry_button.setToolTip(self.tr("Đọc và kiểm tra các gói như khi nhận thật, nhưng không lưu gì và không ghi "
                                           "biên nhận."))
        self.issue_button = QPushButton(self.tr("Cấp gói đăng ký từ yêu cầu…"))
        self.revoke_button = QPushButton(self.tr("Thu hồi chứng thư của xã…"))
        self.publish_button = QPushButton(self.tr("Phát hành bản cập nhật…"))
        self.publish_button.setToolTip(self.tr("Ghi bản cập nhật có chữ ký của tỉnh cho mọi xã: kế hoạch của tỉnh, dữ liệu "
                                               "tham chiếu, danh sách chứng thư thu hồi và chứng thư đã gia hạn."))
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.release_button = QPushButton(self.tr("Áp dụng sớm gói đang giữ…"))
        self.release_button.setToolTip(self.tr("Gói chờ gói trước mà gói đó sẽ không đến: áp dụng ngay, bỏ qua phần "
                                               "còn thiếu. Cần ghi lý do; việc này được ghi vào nhật ký thao tác."))
        RoleGate(db, "consolidate").hold(self.release_button)
        RoleGate(db, "enrol").hold(self.issue_button, self.revoke_button)
        RoleGate(db, "settings").hold(self.publish_button)
        row = FlowLayout()  # seven buttons: on a 1280 px screen in English they take two lines
        for b in (self.receive_button, self.dry_button, self.issue_button, self.revoke_button, self.publish_button,
                  self.release_button, self.refresh_button):
            row.addWidget(b)
        self.commune_model = RowsModel("ProvinceSync", COMMUNE_HEADERS, (2,), 6, self)
        self.commune_view = readonly_table(self.commune_model, 6)
        for col, width in ((0, 70), (1, 260), (2, 70), (3, 120), (4, 200), (5, 150)):
            self.commune_view.setColumnWidth(col, width)
        self.summary_model = RowsModel("SyncSummary", sw.SUMMARY_HEADERS, sw.SUMMARY_NUMERIC, sw.SUMMARY_STATE, self)
        self.summary_view = sw.wrapping_table(self.summary_model, sw.SUMMARY_WIDTHS, 9, (0,))
        self.waiting_model = RowsModel("ProvinceSync", WAITING_HEADERS, (4,), 2, self)
        self.waiting_view = sw.wrapping_table(self.waiting_model, {0: 170, 1: 110, 2: 190, 3: 130, 4: 100}, 5)
        self.conflicts = sw.ConflictQueue(self, db, at_province=True)
        # Sổ văn bản đến: every report the communes issued, as it arrived, with its verdict.
        self.incoming_model = RowsModel("ProvinceSync", INCOMING_HEADERS, (), 4, self)
        self.incoming_view = sw.wrapping_table(self.incoming_model, {0: 170, 1: 110, 2: 90, 4: 260, 5: 130}, 3)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.commune_view, "")
        self.tabs.addTab(self.summary_view, self.tr("Kết quả nhận"))
        self.tabs.addTab(self.waiting_view, "")
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self.incoming_view, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.tabs, 1)
        self.jobs.buttons = [self.receive_button, self.dry_button, self.issue_button, self.revoke_button,
                             self.publish_button, self.release_button, self.refresh_button, *self.conflicts.buttons]
        self.issue_button.clicked.connect(lambda: self.issue())
        self.revoke_button.clicked.connect(lambda: self.revoke())
        self.publish_button.clicked.connect(lambda: self.publish())
        self.release_button.clicked.connect(lambda: self.release())
        self.refresh_button.clicked.connect(self.sig_reload.emit)

    def names(self) -> dict[str, str]:
        return {c.unit_code: c.unit_name for c in self.board.communes} if self.board else {}

    def show_board(self, b: sync_board.ProvinceBoard) -> None:
        self.board = b
        counts = b.bundles
        waiting = sum(counts.get(k, 0) for k in ("held", "fork", "quarantined"))
        self.state.setText(self.tr("Chứng thư gốc của tỉnh: %1\nDấu vân tay SHA-256 (báo cho xã khi xã cài gói đăng ký): "
                                   "%2\nĐã đăng ký %3 xã, phường; đã nhận %4 gói dữ liệu, %5 gói đang chờ xử lý.")
                           .replace("%1", b.subject.get("CN", "")).replace("%2", b.fingerprint)
                           .replace("%3", str(len(b.communes))).replace("%4", str(counts.get("applied", 0)))
                           .replace("%5", str(waiting)))
        rows = []
        for c in b.communes:
            cert = (self.tr("Đã thu hồi %1").replace("%1", sw.when(c.revoked_at)[:10]) if c.revoked_at
                    else self.tr("Còn hiệu lực (%1 máy)").replace("%1", str(c.in_force)))
            last, result, colour = "", self.tr("Chưa gửi gói nào"), "#7a7a7a"
            if c.last is not None:
                last, result = sw.when(c.last.received_at), sw.status_name(c.last.status)
                colour = sw.STATUS_COLOURS.get(c.last.status, "")
            rows.append((c.unit_code, [c.unit_code, c.unit_name, c.devices, sw.when(c.issued_at)[:10], cert, last,
                                       result], colour))
        self.commune_model.set_rows(rows)
        en = current_lang() == "en"
        names = self.names()
        self.waiting_model.set_rows([(w.bundle_id, [names.get(w.commune, w.commune), w.device, sw.status_name(w.status),
                                                    sw.when(w.received_at), w.changes,
                                                    w.reason_en if en else w.reason_vi],
                                      sw.STATUS_COLOURS.get(w.status, "")) for w in b.waiting])
        self.tabs.setTabText(0, self.tr("Các xã đã đăng ký (%1)").replace("%1", str(len(b.communes))))
        self.tabs.setTabText(2, self.tr("Gói chờ xử lý (%1)").replace("%1", str(len(b.waiting))))
        self._show_incoming(b, names)
        self.conflicts.set_conflicts(b.conflicts, names, self.pcs)
        self.tabs.setTabText(3, self.tr("Xung đột (%1)").replace("%1", str(len(b.conflicts))))
        if b.conflicts:  # the PCs that sent second, by their number in the commune: read when one is named
            db = self.db
            self._pcs_read.submit(lambda: province.enrolled(db), lambda rows: self._show_pcs(b, rows), lambda _e: None)

    def _show_pcs(self, b: sync_board.ProvinceBoard, enrolled: list[province.EnrolledInfo]) -> None:
        pcs = sw.pc_names(enrolled)
        if pcs != self.pcs:  # a new PC: shown again (otherwise the selection stays)
            self.pcs = pcs
            if self.board is b:
                self.conflicts.set_conflicts(b.conflicts, self.names(), pcs)

    # --- receiving ----------------------------------------------------------------------------------

    def _show_incoming(self, b: sync_board.ProvinceBoard, names: dict[str, str]) -> None:
        rows = []
        for d in b.incoming:
            verdict = (self.tr("Hợp lệ: mọi chữ ký đúng, tin cậy") if d.valid else
                       self.tr("KHÔNG HỢP LỆ: %1").replace("%1", "; ".join(d.problems)))
            day = d.issued_on[8:10] + "/" + d.issued_on[5:7] + "/" + d.issued_on[:4] if len(d.issued_on) >= 10 else ""
            rows.append((d.number_ref, [names.get(d.unit_code, d.unit_code), d.number_ref, day, d.title, verdict,
                                        sw.when(d.received_at)], "#1b7f3b" if d.valid else "#b3261e"))
        self.incoming_model.set_rows(rows)
        text = self.tr("Văn bản đến (%1)").replace("%1", str(b.incoming_total))
        if b.incoming_flagged:
            text = self.tr("Văn bản đến (%1, %2 không hợp lệ)").replace("%1", str(b.incoming_total)).replace(
                "%2", str(b.incoming_flagged))
        self.tabs.setTabText(self.tabs.indexOf(self.incoming_view), text)

    def receive(self, dry_run: bool = False, files: bool = False) -> None:
        if files:
            names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn các gói dữ liệu của xã"), "",
                                                    self.tr("Gói dữ liệu (*.papi)"))
            inputs = [Path(n) for n in names]
        else:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục trên USB có các gói dữ liệu"))
            inputs = [Path(folder)] if folder else []
        if not inputs:
            return
        passphrase = sw.ask_passphrase(self, self.tr("Mật khẩu khóa của tỉnh (để giải mã các gói và ký biên nhận)."))
        if passphrase is None:
            return
        self.jobs.run(lambda p, t: sync.import_files(self.db, inputs, passphrase, dry_run, p, t),
                      lambda out: self._received(out, dry_run), self.tr("Đang nhận các gói dữ liệu…"),
                      self.failed("import", partial=not dry_run))

    def _received(self, summaries: list[sync.Summary], dry_run: bool) -> None:
        self.summary_model.set_rows(sw.summary_rows(summaries, self.names()))
        self.tabs.setCurrentWidget(self.summary_view)
        if not summaries:
            text = self.tr("Không thấy gói dữ liệu nào trong các tệp đã chọn. Gói của xã có đuôi .papi; biên nhận và gói "
                           "đăng ký nằm cạnh đó không phải gói dữ liệu.")
        else:
            good = sum(s.status in ("applied", "unchanged") for s in summaries)
            text = self.tr("Đã đọc %1 gói: %2 gói nhận được, %3 gói giữ lại hoặc từ chối (xem lý do trong bảng).") \
                .replace("%1", str(len(summaries))).replace("%2", str(good)).replace("%3", str(len(summaries) - good))
            if dry_run:
                text += " " + self.tr("Đây là chạy thử: không có gì được lưu, không ghi biên nhận.")
            elif any(s.receipt for s in summaries):
                text += " " + self.tr("Biên nhận được ghi bên cạnh mỗi gói trên USB: xã mang USB về và đọc biên nhận.")
        self.say("import", text, summaries)

    # --- enrolment and revocation -------------------------------------------------------------------

    def issue(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp yêu cầu đăng ký của xã"), "",
                                              self.tr("Yêu cầu đăng ký (*.json);;Mọi tệp (*)"))
        if not name:
            return
        source = Path(name)
        try:
            info = enrolment.read_request_file(source.read_bytes())
        except Exception as exc:  # noqa: BLE001 - the service's message, or an unreadable file
            show_error(self, error_text(exc) if not isinstance(exc, OSError) else self.tr(
                "Không đọc được tệp %1. Hãy chép lại tệp yêu cầu từ USB.").replace("%1", source.name))
            return
        if not sw.ask_yes_no(self, self.tr("Cấp chứng thư"), self.tr(
                "Cấp chứng thư cho %1 (mã %2), máy %3? Chỉ cấp cho yêu cầu nhận trực tiếp từ cán bộ của xã.")
                .replace("%1", info.unit_name).replace("%2", info.unit_code).replace("%3", info.device),
                self.tr("Cấp chứng thư"), self.tr("Không")):
            return
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu gói đăng ký (chép vào USB gửi xã)"),
                                             str(source.with_name(f"goi-dang-ky-{info.unit_code}.papi")),
                                             self.tr("Gói đăng ký (*.papi)"))
        if not out:
            return
        passphrase = sw.ask_passphrase(self, self.tr("Mật khẩu khóa của tỉnh (để ký chứng thư)."))
        if passphrase is None:
            return
        data = source.read_bytes()
        en = current_lang() == "en"

        def issued(done: enrolment.Issued) -> None:
            # Which update of the province the package carries, and whether this issue published it.
            carried = " ".join(e if en else vi for vi, e in done.messages)
            self.say("issue", self.tr(
                "Đã cấp gói đăng ký cho %1: %2. %4 Chép gói vào USB gửi xã, và báo cho xã (qua điện thoại hoặc "
                "văn bản) dấu vân tay chứng thư gốc của tỉnh: %3").replace("%1", info.unit_name)
                .replace("%2", str(done.path)).replace("%4", carried)
                .replace("%3", self.board.fingerprint if self.board else ""), done.path)

        self.jobs.run(lambda _p, _t: enrolment.issue_package(self.db, data, passphrase, Path(out)), issued,
                      failed=self.failed("issue"))

    def revoke(self) -> None:
        index = self.commune_view.currentIndex()
        unit = self.commune_model.row_id(index.row()) if index.isValid() else None
        if unit is None:
            show_error(self, self.tr("Hãy chọn xã, phường cần thu hồi chứng thư trong danh sách các xã đã đăng ký."))
            return
        name = self.names().get(unit, unit)
        reason, ok = QInputDialog.getText(self, self.tr("Thu hồi chứng thư"), self.tr(
            "Lý do thu hồi chứng thư của %1 (ví dụ: máy bị mất, thay máy):").replace("%1", name),
            QLineEdit.EchoMode.Normal, "")
        if not ok:
            return
        if not sw.ask_yes_no(self, self.tr("Thu hồi chứng thư"), self.tr(
                "Thu hồi mọi chứng thư còn hiệu lực của %1? Gói dữ liệu do các máy này ký sẽ bị từ chối; xã phải tạo "
                "yêu cầu đăng ký mới. Không hoàn tác được.").replace("%1", name), self.tr("Thu hồi"), self.tr("Không")):
            return
        self.jobs.run(lambda _p, _t: province.revoke(self.db, unit, reason.strip()),
                      lambda count: self.say("revoke", self.tr(
                          "Đã thu hồi %1 chứng thư của %2. Gói dữ liệu do các máy này ký sẽ bị từ chối; muốn xã gửi tiếp, "
                          "hãy cấp gói đăng ký từ yêu cầu mới của xã.").replace("%1", str(count)).replace("%2", name),
                          count), failed=self.failed("revoke"))

    def release(self, reason: str | None = None, passphrase: str | None = None) -> None:
        self.release_held(self.db, self.tr("Mật khẩu khóa của tỉnh (để giải mã gói và ký biên nhận)."), reason,
                          passphrase)

    # --- downstream ---------------------------------------------------------------------------------

    def publish(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục trên USB để ghi bản cập nhật cho các xã"))
        if not folder:
            return
        passphrase = sw.ask_passphrase(self, self.tr("Mật khẩu khóa của tỉnh (để ký bản cập nhật)."))
        if passphrase is None:
            return
        self.jobs.run(lambda _p, _t: downstream.publish(self.db, passphrase, Path(folder)),
                      lambda path: self.say("publish", self.tr(
                          "Đã ghi bản cập nhật %1. Chép tệp này cho mọi xã; xã đọc nó ở trang Đồng bộ (Đọc biên nhận / gói từ USB). "
                          "Xã đăng ký sau này nhận bản cập nhật mới nhất trong gói đăng ký.").replace("%1", str(path)),
                          path), failed=self.failed("publish"))
