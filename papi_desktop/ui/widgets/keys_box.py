"""The commune's signing certificate in Cài đặt: create one, use a CA's .p12, hand out the certificate
to trust, trust another's. Nothing becomes trusted before the user saw its fingerprint and agreed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.errors import KnownError
from ...services import audit, keys
from ...services.handle import DataHandle
from ..workers import JobRunner
from .flow import FlowLayout
from .messages import ask, show_error, show_info
from .role_gate import RoleGate
from .simple_form import Field, FormDialog
from .trust_box import certificate_lines, format_day


class KeysBox(QGroupBox):
    """With the runner, the key's certificate is read and a key created (it writes to the database) in
    the worker.

    Signals:
        sig_shown(): the key's state was read and is shown.
    """

    sig_shown = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Chữ ký số của xã"))
        self.db, self.runner = db, runner
        self.info: keys.CertificateInfo | None = None  # the key's certificate as last read
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Tạo chứng thư của xã…"))
        self.import_button = QPushButton(self.tr("Dùng tệp .p12 của tổ chức cung cấp chữ ký số…"))
        self.export_button = QPushButton(self.tr("Lưu chứng thư gốc (gửi tỉnh)…"))
        self.trust_button = QPushButton(self.tr("Tin cậy chứng thư khác…"))
        row = FlowLayout()  # wraps in a narrow window
        for b in (self.create_button, self.import_button, self.export_button, self.trust_button):
            row.addWidget(b)
        self.gate = RoleGate(db, "settings").hold(self.create_button, self.import_button, self.trust_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.gate.note())
        layout.addWidget(self.state)
        layout.addLayout(row)
        self.create_button.clicked.connect(self.create)
        self.import_button.clicked.connect(lambda: self.import_p12())
        self.export_button.clicked.connect(lambda: self.export_anchor())
        self.trust_button.clicked.connect(lambda: self.trust_file())
        self.reload()

    def reload(self) -> None:
        """The key's certificate is read from its file (and parsed) in the worker when there is one."""
        if self.runner is None:
            self._show(keys.certificate())
        else:
            self.runner.submit(keys.certificate, self._show, owner=self)

    def _show(self, info: keys.CertificateInfo | None) -> None:
        self.info = info
        if info is None:
            self.state.setText(self.tr("Chưa có khóa ký số. Tạo chứng thư của xã để ký báo cáo (mật khẩu được hỏi mỗi "
                                       "lần ký), hoặc dùng tệp .p12 của tổ chức cung cấp chữ ký số."))
        else:
            self.state.setText(self.tr("Người ký: %1 (mã %2). Hiệu lực %3 – %4. Dấu vân tay SHA-256: %5")
                               .replace("%1", info.subject.get("CN", "")).replace("%2", info.subject.get("UID", ""))
                               .replace("%3", format_day(info.not_before)).replace("%4", format_day(info.not_after))
                               .replace("%5", info.fingerprint))
        self.export_button.setEnabled(info is not None)
        self.create_button.setText(self.tr("Thay khóa…") if info else self.tr("Tạo chứng thư của xã…"))
        self.sig_shown.emit()

    def _enter(self, what: str, info: keys.CertificateInfo) -> None:
        """A key installed or a certificate trusted, in the audit trail (through the worker)."""
        db = self.db

        def job() -> None:
            audit.record_key(db, what, info)

        if self.runner is None:
            job()
        else:
            self.runner.submit(job, lambda _r: None, owner=self)

    def create(self) -> FormDialog:
        replace = self.info is not None

        db = self.db

        def save(v: dict) -> object:
            if v["passphrase"] != v["again"]:
                raise KnownError("Hai lần nhập mật khẩu không giống nhau.", "The two passphrases differ.")
            return keys.create_self_signed(db, v["passphrase"], replace=replace)

        dialog = FormDialog(self.tr("Tạo chứng thư ký số của xã"), [
            Field("passphrase", self.tr("Mật khẩu bảo vệ khóa (ít nhất 8 ký tự):"), "password"),
            Field("again", self.tr("Nhập lại mật khẩu:"), "password")], save, self, self.tr("Tạo"), runner=self.runner)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def import_p12(self, path: Path | None = None) -> FormDialog | None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp chữ ký số"), "",
                                                  self.tr("Tệp PKCS#12 (*.p12 *.pfx)"))
            if not name:
                return None
            path = Path(name)
        chosen = path

        def use(v: dict) -> object:
            preview = keys.inspect_p12(chosen, v["passphrase"])
            question = self.tr("Dùng tệp này làm khóa của xã? Các chứng thư sau sẽ được tin cậy: mọi chữ ký do chúng "
                               "chứng nhận sẽ được coi là hợp lệ. Chỉ đồng ý khi dấu vân tay khớp với dấu vân tay do "
                               "tổ chức cung cấp chữ ký số công bố.")
            if not ask(self, "\n\n".join([question, *(self.describe(a) for a in preview.anchors)])):
                raise KnownError("Chưa tin cậy chứng thư nào; chưa dùng tệp .p12.",
                                 "Nothing was trusted; the .p12 was not used.")
            info = keys.import_p12(self.db, chosen, v["passphrase"], [a.fingerprint for a in preview.anchors])
            self._enter("imported", info)
            return info

        dialog = FormDialog(self.tr("Mật khẩu của tệp chữ ký số"), [
            Field("passphrase", self.tr("Mật khẩu:"), "password")], use, self, self.tr("Dùng tệp này"))
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def describe(self, info: keys.CertificateInfo) -> str:
        """Labelled lines in the UI language (not "CN=…, O=…"), dates as dd/mm/yyyy, the whole fingerprint."""
        fingerprint = self.tr("Dấu vân tay SHA-256: %1").replace("%1", info.fingerprint)
        return "\n".join([*certificate_lines(info), fingerprint])

    def export_anchor(self, target: Path | None = None) -> None:
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu chứng thư gốc"), "chung_thu_xa.pem",
                                                  self.tr("Chứng thư (*.pem)"))
            if not name:
                return
            target = Path(name)
        try:
            target.write_bytes(keys.anchor_pem())
        except (OSError, KnownError) as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Đã lưu %1. Gửi tệp này cho người cần kiểm tra chữ ký của xã.").replace("%1", str(target)))

    def trust_file(self, path: Path | None = None) -> bool:
        """Show the certificate's subject and fingerprint; trust it only when the user says yes."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn chứng thư cần tin cậy"), "",
                                                  self.tr("Chứng thư (*.pem *.crt *.cer *.der)"))
            if not name:
                return False
            path = Path(name)
        try:
            blob = path.read_bytes()
            info = keys.inspect_certificate(blob)
        except (OSError, KnownError) as exc:
            show_error(self, exc)
            return False
        question = self.tr("Tin cậy chứng thư này? Mọi chữ ký do chứng thư này chứng nhận sẽ được coi là hợp lệ. Chỉ "
                           "đồng ý khi dấu vân tay khớp với dấu vân tay do nơi gửi chứng thư đọc cho bạn.")
        if not ask(self, f"{question}\n\n{self.describe(info)}"):
            return False
        try:
            keys.trust(self.db, blob)
        except (OSError, KnownError) as exc:
            show_error(self, exc)
            return False
        self._enter("trusted", info)
        show_info(self, self.tr("Đã thêm vào danh sách tin cậy."))
        return True
