"""The chairman's USB token on the Báo cáo page: "Tìm token" lists, in the database worker, the tokens
the PKCS#11 module of Cài đặt sees (slot, label, manufacturer) and the signing certificates each
shows (subject, issuer, validity); the PIN is typed each time and cleared after use, never stored;
a token with a PIN pad asks for none here ("Nhập PIN trên thiết bị token")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.dates import format_vn
from ...domain.errors import KnownError
from ...exports import token as token_export
from ...services import tokens
from ...services.handle import DataHandle
from ..workers import JobRunner
from .messages import current_lang, error_text


def _day(iso: str) -> str:
    return format_vn(date.fromisoformat(iso)) if iso else "?"


def _name(parts: dict[str, str]) -> str:
    return parts.get("CN") or ", ".join(parts.values()) or "?"


class TokenPicker(QWidget):
    """Signals:
        sig_found(object): the tokens.Found of a search, or None when it failed (the status says why).
        sig_certificates(): the certificates of a token read after login are shown.
        sig_changed(): the token or certificate chosen changed.
    """

    sig_found = Signal(object)
    sig_certificates = Signal()
    sig_changed = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.module: Path | None = None  # the module the last search used
        self.found: list[token_export.TokenInfo] = []
        self._after_login: dict[int, list[token_export.TokenCertificate]] = {}  # by token index
        self._needs_login = False
        self.find_button = QPushButton(self.tr("Tìm token"))
        self.token_combo = QComboBox()
        self.token_combo.setMinimumContentsLength(16)
        self.token_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cert_combo = QComboBox()
        self.cert_combo.setMinimumContentsLength(16)
        self.cert_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pin = QLineEdit()  # read when exporting, then cleared
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("mã PIN"))
        self.pin_pad_note = QLabel(self.tr("Nhập PIN trên thiết bị token"))
        self.read_button = QPushButton(self.tr("Đọc chứng thư (cần PIN)"))
        self.status = QLabel(self.tr("Cắm token rồi bấm “Tìm token” (module PKCS#11 đặt trong Cài đặt)."))
        self.status.setWordWrap(True)
        self.pin.setFixedWidth(self.pin.fontMetrics().horizontalAdvance("0" * 10) + 16)  # room for the combo
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.find_button)
        top.addWidget(self.token_combo, 1)
        cert_row = QHBoxLayout()
        cert_row.setContentsMargins(0, 0, 0, 0)
        cert_row.addWidget(self.cert_combo, 1)
        cert_row.addWidget(self.pin)
        cert_row.addWidget(self.pin_pad_note)
        cert_row.addWidget(self.read_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(cert_row)
        layout.addWidget(self.status)
        self.find_button.clicked.connect(self.find)
        self.read_button.clicked.connect(self.read_certificates)
        self.token_combo.currentIndexChanged.connect(lambda _i: self._token_changed())
        self.cert_combo.currentIndexChanged.connect(lambda _i: self._cert_changed())
        self._fill_tokens()

    # --- search ----------------------------------------------------------------------------------

    def find(self) -> None:
        """The module's path is read from the settings and the tokens listed, in the worker."""
        db = self.db
        self.find_button.setEnabled(False)
        self.status.setText(self.tr("Đang tìm token…"))
        self.runner.submit(lambda: tokens.find(db), self._found, self._search_failed, owner=self)

    def _found(self, found: tokens.Found) -> None:
        self.find_button.setEnabled(True)
        self.module, self.found, self._after_login = found.module, list(found.tokens), {}
        self._fill_tokens()
        if not self.found:
            self.status.setText(self.tr("Không thấy token nào qua module %1. Cắm token vào máy (chờ đèn token sáng) "
                                        "rồi bấm “Tìm token” lại; nếu vẫn không thấy, kiểm tra module PKCS#11 trong "
                                        "Cài đặt là của đúng loại token.").replace("%1", found.module.name))
        self.sig_found.emit(found)

    def _search_failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.module, self.found, self._after_login = None, [], {}
        self._fill_tokens()
        self.status.setText(error_text(exc))
        self.sig_found.emit(None)

    def _fill_tokens(self) -> None:
        self.token_combo.blockSignals(True)
        self.token_combo.clear()
        for i, info in enumerate(self.found):  # the slot is said below, with the chosen token
            text = " — ".join(p for p in (info.label, info.manufacturer) if p)
            if info.locked:
                text += self.tr(" — ĐÃ KHÓA")
            self.token_combo.addItem(text, i)
        self.token_combo.addItem(self.tr("Không ký bằng token") if self.found else self.tr("(chưa tìm token)"), -1)
        self.token_combo.setCurrentIndex(0)
        self.token_combo.blockSignals(False)
        self._token_changed()

    # --- choice ----------------------------------------------------------------------------------

    def selected_token(self) -> token_export.TokenInfo | None:
        index = self.token_combo.currentData()
        return self.found[index] if isinstance(index, int) and 0 <= index < len(self.found) else None

    def _certificates(self) -> list[token_export.TokenCertificate]:
        info = self.selected_token()
        if info is None:
            return []
        index = self.token_combo.currentData()
        shown = self._after_login.get(index, info.certificates)
        return [c for c in shown if c.signing and not c.is_ca]

    def selected_certificate(self) -> token_export.TokenCertificate | None:
        certs = self._certificates()
        row = self.cert_combo.currentData()
        return certs[row] if isinstance(row, int) and 0 <= row < len(certs) else None

    def _token_changed(self) -> None:
        info = self.selected_token()
        self.cert_combo.blockSignals(True)
        self.cert_combo.clear()
        for i, cert in enumerate(self._certificates()):
            text = self.tr("%1 — hạn %2").replace("%1", _name(cert.subject)).replace("%2", _day(cert.not_after))
            if cert.expired():
                text += self.tr(" — ĐÃ HẾT HẠN")
            elif cert.not_yet_valid():
                text += self.tr(" — CHƯA CÓ HIỆU LỰC")
            self.cert_combo.addItem(text, i)
        self.cert_combo.blockSignals(False)
        pad = info is not None and tokens.pin_entry(info) == "pad"
        self.pin.setVisible(info is not None and not pad)
        self.pin_pad_note.setVisible(pad)
        self.cert_combo.setVisible(info is not None)
        # a token that shows its certificates only after login (none listed before)
        self._needs_login = (info is not None and not info.locked and not info.certificates
                             and self.token_combo.currentData() not in self._after_login)
        self.read_button.setVisible(self._needs_login)
        self._cert_changed()

    def _cert_changed(self) -> None:
        info, cert = self.selected_token(), self.selected_certificate()
        lang = current_lang()
        if info is None:
            if self.found:
                self.status.setText(self.tr("Không ký bằng token: văn bản chỉ mang chữ ký của cơ quan."))
        elif info.locked:
            vi, en = token_export.LOCKED
            self.status.setText((en if lang == "en" else vi).format(label=info.label))
        elif cert is not None and (cert.expired() or cert.not_yet_valid()):
            try:
                tokens.check_certificate(cert)
            except KnownError as exc:
                self.status.setText(error_text(exc))
        elif cert is None and self._needs_login:
            self.status.setText(self.tr("Token này chỉ cho xem chứng thư sau khi nhập PIN: nhập PIN rồi bấm “Đọc chứng "
                                        "thư”, hoặc xuất luôn nếu token chỉ có một chứng thư ký số."))
        elif cert is None:
            self.status.setText(self.tr("Token “%1” không có chứng thư ký số nào (chỉ có chứng thư của tổ chức cấp).")
                                .replace("%1", info.label))
        else:
            how = (self.tr("Nhập PIN trên thiết bị token khi ký.") if tokens.pin_entry(info) == "pad"
                   else self.tr("PIN nhập mỗi lần ký, không lưu."))
            self.status.setText(self.tr("Khe %1. Chứng thư do %2 cấp, hiệu lực %3 – %4.")
                                .replace("%1", str(info.slot)).replace("%2", _name(cert.issuer))
                                .replace("%3", _day(cert.not_before)).replace("%4", _day(cert.not_after))
                                + " " + how)
        self.sig_changed.emit()

    # --- after login -----------------------------------------------------------------------------

    def read_certificates(self) -> None:
        """For a token that shows its certificates only after login: the PIN is used once, in the worker."""
        try:
            options = self._options(require_certificate=False)
        except KnownError as exc:
            self.status.setText(error_text(exc))
            return
        if options is None:
            return
        index, db = self.token_combo.currentData(), self.db
        self.read_button.setEnabled(False)
        self.status.setText(self.tr("Nhập PIN trên thiết bị token") if options.pin is None
                            else self.tr("Đang đọc chứng thư trên token…"))

        def read(certs: list[token_export.TokenCertificate]) -> None:
            self.read_button.setEnabled(True)
            self._after_login[index] = certs
            self._token_changed()
            self.sig_certificates.emit()

        def failed(exc: BaseException) -> None:
            self.read_button.setEnabled(True)
            self.clear_pin()
            self.status.setText(error_text(exc))
            self.sig_certificates.emit()

        self.runner.submit(lambda: tokens.read_certificates(options, db), read, failed, owner=self)

    # --- what the export uses --------------------------------------------------------------------

    def uses_pin_pad(self) -> bool:
        info = self.selected_token()
        return info is not None and tokens.pin_entry(info) == "pad"

    def options(self) -> tokens.TokenOptions | None:
        """The token and certificate chosen with the PIN typed (None for a PIN pad); None when no token
        is chosen. A locked token, an unusable certificate or a missing PIN is refused here, before the
        export takes a number."""
        return self._options(require_certificate=True)

    def _options(self, require_certificate: bool) -> tokens.TokenOptions | None:
        info = self.selected_token()
        if info is None:
            return None
        if info.locked:
            vi, en = token_export.LOCKED
            raise KnownError(vi.format(label=info.label), en.format(label=info.label))
        cert = self.selected_certificate()
        if cert is not None:
            tokens.check_certificate(cert)
        elif require_certificate and not self._needs_login:
            none = self.tr("Token “%1” không có chứng thư ký số nào để chọn.").replace("%1", info.label)
            raise KnownError(none, none)
        pad = tokens.pin_entry(info) == "pad"
        if not pad and not self.pin.text():
            missing = self.tr("Chưa nhập mã PIN của token.")
            raise KnownError(missing, missing)
        return tokens.TokenOptions(info.label, None if pad else self.pin.text(), self.module,
                                   cert.label if cert is not None else None, info.serial,
                                   (cert.key_id or None) if cert is not None else None)

    def clear_pin(self) -> None:
        self.pin.clear()
