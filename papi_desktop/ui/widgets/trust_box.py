"""Cài đặt: the certificates this PC trusts (subject, SHA-256 fingerprint, where each came from and
when), the ones the province offered in an update and nobody decided yet, and a CA certificate
imported from a file. Nothing is trusted before its whole fingerprint was shown and agreed to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFileDialog, QGroupBox, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ...domain.dates import format_vn
from ...services import audit, keys, trust_bundle
from ...services.handle import DataHandle
from ..workers import JobRunner
from .flow import FlowLayout
from .messages import ask, show_error, show_info
from .role_gate import RoleGate
from .tables import fit_columns, readonly_table

ROW_LIMIT = 6  # rows shown before the table scrolls (Cài đặt itself scrolls on a small screen)


def short_fingerprint(info: keys.CertificateInfo) -> str:
    """First and last bytes: enough to tell rows apart; the whole one is in the tooltip and the questions."""
    whole = info.fingerprint
    return f"{whole[:23]}…{whole[-11:]}"


def _name(parts: dict[str, str]) -> str:
    return parts.get("CN") or ", ".join(parts.values())


def _subject(parts: dict[str, str]) -> str:
    """CN and organisation: two CAs of one province may share a common name."""
    org = parts.get("O", "")
    return f"{_name(parts)} ({org})" if org and org != parts.get("CN") else _name(parts)


VN_TZ = dt.timezone(dt.timedelta(hours=7))


def format_day(iso: str) -> str:  # "2031-06-03" -> "03/06/2031"
    return format_vn(dt.date.fromisoformat(iso[:10])) if iso else ""


def _moment(iso: str) -> str:
    """"2026-12-02T05:35:10+00:00" -> "02/12/2026 12:35": the time in Việt Nam, whatever its offset."""
    if not iso:
        return ""
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return format_day(iso)
    if when.tzinfo is not None:
        when = when.astimezone(VN_TZ)
    return f"{format_vn(when.date())} {when:%H:%M}"


# A subject's parts on labelled lines, with the labels the verify dialog gives them (exports/verify.py).
_SUBJECT_LINES = (("CN", QT_TRANSLATE_NOOP("TrustBox", "Tên: %1")),
                  ("O", QT_TRANSLATE_NOOP("TrustBox", "Tổ chức: %1")),
                  ("UID", QT_TRANSLATE_NOOP("TrustBox", "Mã đơn vị: %1")))


def subject_lines(subject: dict[str, str]) -> list[str]:
    """A certificate's subject as labelled lines (holder, organisation, unit code), never "CN=…"."""
    lines = [QCoreApplication.translate("TrustBox", label).replace("%1", subject[key])
             for key, label in _SUBJECT_LINES if subject.get(key)]
    if not lines:  # no name, organisation or code: what it does name
        lines.append(QCoreApplication.translate("TrustBox", "Tên: %1").replace("%1", ", ".join(subject.values())))
    return lines


def certificate_lines(info: keys.CertificateInfo) -> list[str]:
    """A certificate as the person asked to trust it reads it: its holder, organisation and unit code on
    labelled lines, who issued it, and its validity as dd/mm/yyyy; never "CN=…, O=…, UID=…" nor an ISO
    date. The fingerprint is the caller's to add."""
    lines = subject_lines(info.subject)
    lines.append(QCoreApplication.translate("TrustBox", "Tổ chức cấp: %1").replace("%1", _subject(info.issuer)))
    lines.append(QCoreApplication.translate("TrustBox", "Hiệu lực: %1 – %2")
                 .replace("%1", format_day(info.not_before)).replace("%2", format_day(info.not_after)))
    return lines


class TrustBox(QGroupBox):
    """Every read and change runs in the database worker (the trust list is files in the data folder).

    Signals:
        sig_loaded(): both lists were read and are shown.
        sig_done(str): an accept, decline, removal or import finished; its message, as shown.
    """

    sig_loaded = Signal()
    sig_done = Signal(str)

    def __init__(self, runner: JobRunner, parent: QWidget | None, db: DataHandle) -> None:
        super().__init__(parent)
        self.runner, self.db = runner, db
        self.setTitle(self.tr("Chứng thư gốc tin cậy"))
        self.anchors: list[trust_bundle.TrustedAnchor] = []
        self.offers: list[keys.CertificateInfo] = []
        self.note = QLabel(self.tr("Chữ ký số chỉ được coi là hợp lệ khi chứng thư của người ký do một chứng thư gốc "
                                   "trong danh sách này chứng nhận."))
        self.note.setWordWrap(True)
        self.trusted_model = QStandardItemModel(self)
        self.trusted_view = readonly_table(self.trusted_model)
        self.remove_button = QPushButton(self.tr("Bỏ tin cậy…"))
        self.import_button = QPushButton(self.tr("Nhập từ tệp chứng thư…"))
        self.offered_label = QLabel()
        self.offered_label.setWordWrap(True)
        self.offered_model = QStandardItemModel(self)
        self.offered_view = readonly_table(self.offered_model)
        self.accept_button = QPushButton(self.tr("Chấp nhận…"))
        self.decline_button = QPushButton(self.tr("Từ chối…"))
        trusted_row = FlowLayout()
        for b in (self.remove_button, self.import_button):
            trusted_row.addWidget(b)
        offered_row = FlowLayout()
        for b in (self.accept_button, self.decline_button):
            offered_row.addWidget(b)
        self.gate = RoleGate(db, "settings").hold(self.remove_button, self.import_button, self.accept_button,
                                                  self.decline_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.gate.note())
        layout.addWidget(self.note)
        layout.addWidget(self.trusted_view)
        layout.addLayout(trusted_row)
        layout.addWidget(self.offered_label)
        layout.addWidget(self.offered_view)
        layout.addLayout(offered_row)
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.import_button.clicked.connect(lambda: self.import_file())
        self.accept_button.clicked.connect(lambda: self.accept_selected())
        self.decline_button.clicked.connect(lambda: self.decline_selected())
        for view in (self.trusted_view, self.offered_view):
            view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
            view.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.reload()

    # --- reading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        self.runner.submit(lambda: (trust_bundle.trusted_anchors(), trust_bundle.offered()),
                           lambda r: self._show(*r), owner=self)

    def _show(self, anchors: list[trust_bundle.TrustedAnchor], offers: list[keys.CertificateInfo]) -> None:
        self.anchors, self.offers = anchors, offers
        sources = {trust_bundle.FROM_FILE: self.tr("tệp chứng thư"), trust_bundle.FROM_PROVINCE: self.tr("cập nhật "
                   "của tỉnh"), trust_bundle.OWN: self.tr("khóa của xã"), trust_bundle.OTHER: self.tr("khác")}
        other = self.tr("Thêm bằng cách khác: tệp .p12, đăng ký với tỉnh, khóa cũ của xã, hoặc trước khi chương trình "
                        "ghi nguồn")
        self.trusted_model.clear()
        self.trusted_model.setHorizontalHeaderLabels([self.tr("Chủ thể"), self.tr("Dấu vân tay SHA-256"),
                                                      self.tr("Nguồn"), self.tr("Thêm lúc"), self.tr("Hết hạn")])
        for anchor in anchors:
            row = self._row(anchor.info, sources.get(anchor.source, anchor.source), _moment(anchor.added),
                            format_day(anchor.info.not_after))
            if anchor.source == trust_bundle.OTHER:
                row[2].setToolTip(other)
            self.trusted_model.appendRow(row)
        self._fit(self.trusted_view, len(anchors))
        self.offered_model.clear()
        self.offered_model.setHorizontalHeaderLabels([self.tr("Chủ thể"), self.tr("Dấu vân tay SHA-256"),
                                                      self.tr("Tổ chức cấp"), self.tr("Hiệu lực")])
        for info in offers:
            self.offered_model.appendRow(self._row(info, _name(info.issuer),
                                                   f"{format_day(info.not_before)} – {format_day(info.not_after)}"))
        self._fit(self.offered_view, len(offers))
        self.offered_label.setText(
            self.tr("Chứng thư gốc tỉnh đề nghị tin cậy, chưa quyết định: %1. So dấu vân tay với văn bản của tỉnh "
                    "trước khi chấp nhận.").replace("%1", str(len(offers))) if offers
            else self.tr("Không có chứng thư gốc nào tỉnh đề nghị đang chờ quyết định."))
        for w in (self.offered_view, self.accept_button, self.decline_button):
            w.setVisible(bool(offers))
        self._enable()
        self.sig_loaded.emit()

    def _row(self, info: keys.CertificateInfo, *rest: str) -> list[QStandardItem]:
        subject = QStandardItem(_subject(info.subject))
        subject.setToolTip("\n".join(certificate_lines(info)))
        fingerprint = QStandardItem(short_fingerprint(info))
        fingerprint.setToolTip(info.fingerprint)
        fingerprint.setData(info.sha256, Qt.ItemDataRole.UserRole)
        return [subject, fingerprint, *(QStandardItem(text) for text in rest)]

    @staticmethod
    def _fit(view: QTableView, rows: int) -> None:
        fit_columns(view, contents=range(1, view.model().columnCount()), stretch=0)
        height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
        height += view.verticalHeader().defaultSectionSize() * max(1, min(rows, ROW_LIMIT))
        view.setFixedHeight(height)

    def _enable(self) -> None:
        anchor = self.selected_anchor()
        self.gate.enable(self.remove_button, anchor is not None and anchor.removable)
        offered = self.selected_offer() is not None
        self.gate.enable(self.accept_button, offered)
        self.gate.enable(self.decline_button, offered)

    @staticmethod
    def _selected_row(view: QTableView) -> int | None:
        rows = view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected_anchor(self) -> trust_bundle.TrustedAnchor | None:
        row = self._selected_row(self.trusted_view)
        return self.anchors[row] if row is not None and row < len(self.anchors) else None

    def selected_offer(self) -> keys.CertificateInfo | None:
        row = self._selected_row(self.offered_view)
        return self.offers[row] if row is not None and row < len(self.offers) else None

    def describe(self, info: keys.CertificateInfo) -> str:
        fingerprint = self.tr("Dấu vân tay SHA-256 (đủ 32 cặp):\n%1").replace("%1", info.fingerprint)
        return "\n".join([*certificate_lines(info), fingerprint])

    # --- changes ---------------------------------------------------------------------------------

    def _run(self, job, message: str) -> None:  # noqa: ANN001 - a callable for the worker
        def done(_result: object) -> None:
            show_info(self, message)
            self.sig_done.emit(message)
            self.reload()

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.sig_done.emit("")
            self.reload()

        self.runner.submit(job, done, failed, owner=self)

    def accept_selected(self) -> bool:
        info = self.selected_offer()
        if info is None:
            return False
        question = self.tr("Tin cậy chứng thư gốc tỉnh đề nghị? Mọi chữ ký do chứng thư này chứng nhận sẽ được coi là "
                           "hợp lệ trên máy này. Chỉ đồng ý khi cả dấu vân tay dưới đây khớp với dấu vân tay tỉnh "
                           "gửi bằng văn bản hoặc đọc qua điện thoại.")
        if not ask(self, f"{question}\n\n{self.describe(info)}"):
            return False
        sha = info.sha256
        self._run(lambda: audit.record_key(self.db, "trusted-offered", trust_bundle.accept(self.db, sha)), self.tr("Đã tin cậy %1.").replace("%1", _name(info.subject)))
        return True

    def decline_selected(self) -> bool:
        info = self.selected_offer()
        if info is None:
            return False
        question = self.tr("Từ chối chứng thư gốc này? Chữ ký do nó chứng nhận sẽ không được tin cậy; bản cập nhật sau "
                           "của tỉnh có thể đề nghị lại.")
        if not ask(self, f"{question}\n\n{self.describe(info)}"):
            return False
        sha = info.sha256

        def decline() -> None:
            if not trust_bundle.decline(self.db, sha):
                from ...domain.errors import KnownError  # noqa: PLC0415

                raise KnownError("Chứng thư này không còn trong danh sách tỉnh đề nghị.",
                                 "This certificate is no longer among those offered.")

        self._run(decline, self.tr("Đã từ chối %1.").replace("%1", _name(info.subject)))
        return True

    def remove_selected(self) -> bool:
        anchor = self.selected_anchor()
        if anchor is None or not anchor.removable:
            return False
        question = self.tr("Bỏ tin cậy chứng thư này? Chữ ký do nó chứng nhận (kể cả trên các văn bản đã nhận) sẽ "
                           "không còn được coi là hợp lệ trên máy này.")
        if not ask(self, f"{question}\n\n{self.describe(anchor.info)}"):
            return False
        sha = anchor.info.sha256

        gone = anchor.info

        def remove() -> None:
            if not trust_bundle.remove(self.db, sha):
                from ...domain.errors import KnownError  # noqa: PLC0415

                raise KnownError("Chứng thư này không còn trong danh sách tin cậy.",
                                 "This certificate is no longer trusted.")
            audit.record_key(self.db, "untrusted", gone)

        self._run(remove, self.tr("Đã bỏ tin cậy %1.").replace("%1", _name(anchor.info.subject)))
        return True

    def import_file(self, path: Path | None = None) -> None:
        """The file is read and checked in the worker; its whole fingerprint is shown; it is trusted
        (read again, the same fingerprint required) only after the person agreed."""
        if path is None:
            name, _f = QFileDialog.getOpenFileName(self, self.tr("Chọn chứng thư gốc (CA) cần tin cậy"), "",
                                                   self.tr("Chứng thư (*.pem *.crt *.cer *.der)"))
            if not name:
                return
            path = Path(name)
        chosen = path

        def read(info: keys.CertificateInfo) -> None:
            question = self.tr("Tin cậy chứng thư gốc trong tệp %1? Mọi chữ ký do chứng thư này chứng nhận sẽ được "
                               "coi là hợp lệ trên máy này. Chỉ đồng ý khi cả dấu vân tay dưới đây khớp với dấu vân "
                               "tay do tổ chức cấp công bố.").replace("%1", chosen.name)
            if not ask(self, f"{question}\n\n{self.describe(info)}"):
                self.sig_done.emit("")
                return
            sha = info.sha256
            self._run(lambda: audit.record_key(self.db, "trusted", trust_bundle.import_anchor_file(self.db, chosen, sha)),
                      self.tr("Đã thêm %1 vào danh sách tin cậy.").replace("%1", _name(info.subject)))

        def refused(exc: BaseException) -> None:
            show_error(self, exc)
            self.sig_done.emit("")

        self.runner.submit(lambda: trust_bundle.read_anchor_file(chosen), read, refused, owner=self)
