"""Báo cáo: choose a report and its period, preview it, edit the PAPI report's narrative, export PDF and
Excel (signed if asked) in a worker with progress; the outgoing register; verify a signed file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import paths
from ...domain.dates import format_vn, parse_vn
from ...domain.errors import Cancelled, KnownError
from ...domain.jobs import CancelToken
from ...exports import signing
from ...exports.html_preview import to_html
from ...services import keys, reference, reports
from ...services.handle import DataHandle
from ..job_progress import QtProgress
from ..models.record_state import header_text, refresh_cells, state_item, states_unless_province
from ..widgets.flow import FlowLayout
from ..widgets.messages import ask, current_lang, error_text, show_error, show_info
from ..widgets.role_gate import RoleGate
from ..widgets.tables import fit_columns, readonly_table
from ..widgets.token_picker import TokenPicker
from ..workers import JobRunner, Latest

SECTION_NAMES = {
    "intro": QT_TRANSLATE_NOOP("ReportsPage", "Mở đầu"),
    "limits": QT_TRANSLATE_NOOP("ReportsPage", "Tồn tại, hạn chế"),
    "next": QT_TRANSLATE_NOOP("ReportsPage", "Nhiệm vụ thời gian tới"),
}


class ReportsPage(QWidget):
    """Every read (the narrative, the preview, the register, the dialogues) and the export run in the
    database worker; a verification too (it reads and checks a whole file).

    Signals:
        sig_exported(object): the ExportResult, or None when the export failed or was cancelled.
        sig_previewed(): a preview was built and is shown.
        sig_verified(str): the verdict on a signed file, as shown to the user.
        sig_register_shown(): the outgoing register was read and is shown.
    """

    sig_exported = Signal(object)
    sig_previewed = Signal()
    sig_verified = Signal(str)
    sig_register_shown = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._prefill_read, self._preview_read = Latest(runner, self), Latest(runner, self)
        self._register_read, self._dialogues_read = Latest(runner, self), Latest(runner, self)
        self._states_read = Latest(runner, self)
        self.today = reports.today_vn  # +07:00: the day the signature's stamp shows
        lang = current_lang()
        self.kind = QComboBox()
        for code, (_sym, vi, en) in reports.KINDS.items():
            self.kind.addItem(en if lang == "en" else vi, code)
        self.period = QComboBox()
        self._fill_periods()
        self.start, self.end = QLineEdit(), QLineEdit()
        for edit in (self.start, self.end):
            edit.setPlaceholderText("dd/mm/yyyy")
        self.issued = QLineEdit(format_vn(self.today()))
        self._issued_default = self.issued.text()  # left as proposed: follows the day (a page open past midnight)
        self.number = QSpinBox()
        self.number.setRange(0, 9999)
        self.number.setSpecialValueText(self.tr("tự động"))
        self.dialogue = QComboBox()
        self.out_dir = QLineEdit(str(paths.exports_dir()))
        browse = QPushButton(self.tr("Chọn…"))
        self.sign = QCheckBox(self.tr("Ký số (PDF và Excel)"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("mật khẩu khóa của xã (chữ ký của cơ quan)"))
        self.seal = QLineEdit()
        self.seal.setPlaceholderText(self.tr("ảnh con dấu PNG (không bắt buộc)"))
        self.token_picker = TokenPicker(db, runner)  # the person with authority signs first, with the token
        self.sign_plan = QLabel()  # which signatures the export makes; "only one key" said before, not after
        self.sign_plan.setWordWrap(True)
        self.deputy = QCheckBox(self.tr("Phó Chủ tịch ký thay (KT. CHỦ TỊCH)"))
        self.preview_button = QPushButton(self.tr("Xem trước"))
        self.export_button = QPushButton(self.tr("Xuất báo cáo"))
        self.export_button.setDefault(True)
        self.verify_button = QPushButton(self.tr("Kiểm tra chữ ký của tệp…"))
        self.sign_gate = RoleGate(db, "sign").hold(self.sign, self.passphrase, self.seal, self.token_picker, self.deputy)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_dir, 1)
        out_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Loại văn bản:"), self.kind)
        form.addRow(self.tr("Kỳ báo cáo:"), self.period)
        form.addRow(self.tr("Hoặc từ – đến:"), dates)
        form.addRow(self.tr("Hội nghị:"), self.dialogue)
        form.addRow(self.tr("Ngày ban hành:"), self.issued)
        form.addRow(self.tr("Số văn bản:"), self.number)
        form.addRow(self.tr("Thư mục lưu:"), out_row)
        form.addRow(self.sign, self.passphrase)
        form.addRow(self.tr("Con dấu:"), self.seal)
        form.addRow(self.tr("Token:"), self.token_picker)
        form.addRow("", self.deputy)
        form.addRow("", self.sign_plan)
        buttons = FlowLayout()
        for b in (self.preview_button, self.export_button, self.verify_button):
            buttons.addWidget(b)
        self.sections: dict[str, QPlainTextEdit] = {}
        self.section_tabs = QTabWidget()
        self.preview = QTextBrowser()
        self.register = QStandardItemModel(self)
        self.register_view = readonly_table(self.register, 3)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.result)
        left_layout.addWidget(QLabel(self.tr("Sổ văn bản đi:")))
        left_layout.addWidget(self.register_view, 1)
        self.register_view.setMinimumHeight(self.register_view.verticalHeader().defaultSectionSize() * 4)
        left_scroll = QScrollArea()  # the signing options grow with a token found: scrolled, never squeezed
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left_scroll.setWidget(left)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # as wide as the form needs:
        left_scroll.setMinimumWidth(left.minimumSizeHint().width()  # room for the vertical bar beside it
                                    + left_scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
        right = QTabWidget()
        right.addTab(self.preview, self.tr("Xem trước"))
        right.addTab(self.section_tabs, self.tr("Sửa nội dung báo cáo PAPI"))
        self.right = right
        split = QSplitter()
        split.setChildrenCollapsible(False)
        split.addWidget(left_scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        browse.clicked.connect(self._choose_dir)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.preview_button.clicked.connect(self.show_preview)
        self.export_button.clicked.connect(lambda: self.start_export())
        self.verify_button.clicked.connect(lambda: self.verify_file())
        self.sign.toggled.connect(lambda _on: self._show_plan())
        self.passphrase.textChanged.connect(lambda _t: self._show_plan())
        self.token_picker.sig_changed.connect(self._show_plan)
        self._progress: QtProgress | None = None
        # The narrative as last prefilled, and the period it was prefilled for: what the editors show is
        # compared with it to know whether the user edited it.
        self._prefilled: dict[str, str] = {}
        self._prefilled_for: reports.Period | None = None
        self.period.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.start.editingFinished.connect(self._period_changed)
        self.end.editingFinished.connect(self._period_changed)
        # Typing in the narrative re-renders the preview once the typing pauses, not at every key:
        # a preview reads the period's records.
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(400)
        self._preview_timer.timeout.connect(self.show_preview)
        self._kind_changed()
        self._show_plan()
        self.reload_register()

    def _show_plan(self) -> None:
        """Decree 30's two signatures, or plainly which one is missing, before the export."""
        token, passphrase = self.token_picker.selected_token() is not None, bool(self.passphrase.text())
        if not self.sign.isChecked():
            text = ""
        elif token and passphrase:
            text = self.tr("Ký hai chữ ký theo Nghị định 30/2020: người có thẩm quyền (token), rồi cơ quan (khóa của "
                           "xã).")
        elif token:
            text = self.tr("Chỉ có một khóa (token của người ký): văn bản sẽ thiếu chữ ký của cơ quan. Nhập mật khẩu "
                           "khóa của xã để ký đủ hai.")
        elif not passphrase:
            text = self.tr("Chưa có khóa để ký: nhập mật khẩu khóa của xã, hoặc chọn token của người ký.")
        else:
            text = self.tr("Chỉ có một khóa (khóa của xã): văn bản sẽ thiếu chữ ký của người có thẩm quyền. Chọn "
                           "token để ký đủ hai.")
        self.sign_plan.setText(text)
        self.sign_plan.setVisible(bool(text))

    def _fill_periods(self) -> None:
        year = self.today().year
        self.period.clear()
        for y in (year, year - 1):
            self.period.addItem(self.tr("6 tháng đầu năm %1").replace("%1", str(y)), f"{y}-H1")
            self.period.addItem(self.tr("Năm %1 (số liệu 01/12/%2 – 30/11/%1)").replace("%1", str(y))
                                .replace("%2", str(y - 1)), f"{y}-Y")
            for q in range(1, 5):
                self.period.addItem(self.tr("Quý %1/%2").replace("%1", str(q)).replace("%2", str(y)), f"{y}-Q{q}")
            self.period.addItem(self.tr("Cả năm %1 (01/01 – 31/12)").replace("%1", str(y)), str(y))

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.dialogue.setEnabled(kind == "dialogue-minutes")
        if kind == "papi-year":
            self.period.setCurrentIndex(self.period.findData(f"{self.today().year}-Y"))
        elif kind == "papi-6m":
            self.period.setCurrentIndex(self.period.findData(f"{self.today().year}-H1"))
        self.dialogue.clear()
        if kind == "dialogue-minutes":
            from ...services import dialogues  # noqa: PLC0415

            db = self.db
            self._dialogues_read.submit(lambda: dialogues.dialogue_rows(db, dialogues.dialogue_ids(db)),
                                        self._fill_dialogues)
        else:
            self._dialogues_read.cancel()
        self._clear_sections()

    def _fill_dialogues(self, rows: list) -> None:
        self.dialogue.clear()
        for d in rows:
            self.dialogue.addItem(f"{format_vn(d.held_on)} — {d.title}", d.id)

    def _clear_sections(self) -> None:
        self.sections.clear()
        self.section_tabs.clear()
        self._prefilled, self._prefilled_for = {}, None

    def _edited(self) -> bool:
        return any(w.toPlainText() != self._prefilled.get(k) for k, w in self.sections.items())

    def _period_changed(self) -> None:
        """An unedited narrative is dropped at once (prefilled again for the new period at the next
        preview); an edited one is kept until the user is asked (_sync_sections)."""
        if self.sections and not self._edited():
            self._clear_sections()

    def _with_sections(self, request: reports.ExportRequest, then: Callable[[reports.ExportRequest], None],
                       stopped: Callable[[], None] = lambda: None, latest: bool = True) -> None:
        """then(request) with the narrative a PAPI report carries: prefilled from the records in the
        database worker, compared here with what the editors show (_sync_sections); stopped() when the
        narrative may not go with this request or could not be read. A preview's read (latest) gives
        way to a newer preview's; an export's is never dropped."""
        if request.kind not in ("papi-6m", "papi-year"):
            then(request)
            return
        db, today = self.db, self.today()

        def prefilled(fresh: dict[str, str]) -> None:
            if self._sync_sections(request, fresh):
                then(request)
            else:
                stopped()

        def failed(exc: BaseException) -> None:
            stopped()
            show_error(self, exc)

        if latest:
            self._prefill_read.submit(lambda: reports.prefill(db, request, today), prefilled, failed)
        else:
            self.runner.submit(lambda: reports.prefill(db, request, today), prefilled, failed, owner=self)

    def _sync_sections(self, request: reports.ExportRequest, fresh: dict[str, str]) -> bool:
        """The narrative follows the period and the records: prefilled again whenever either changed
        since it was last filled; where the user edited it, only after asking. False: the user kept an
        edited narrative of another period, so nothing may be previewed or exported."""
        same_period = self._prefilled_for == request.period
        question = self.tr("Nội dung báo cáo PAPI đã được sửa, nhưng kỳ báo cáo hoặc số liệu đã thay đổi từ "
                           "khi lập. Thay bằng nội dung lập lại cho %1 theo số liệu hiện tại?\n(Không: giữ "
                           "nội dung đã sửa.)").replace("%1", request.period.label)
        if self.sections and same_period and fresh == self._prefilled:
            pass
        elif not self.sections or not self._edited() or ask(self, question):
            self._fill_sections(fresh)
            self._prefilled_for = request.period
        elif same_period:
            self._prefilled = fresh  # kept as edited; asked again only when the records change again
        else:
            show_error(self, self.tr("Nội dung đã sửa được lập cho %1, không phải cho %2: đổi lại kỳ báo cáo, "
                                     "hoặc đồng ý lập lại nội dung.").replace("%1", self._prefilled_for.label
                                                                             if self._prefilled_for else "?")
                       .replace("%2", request.period.label))
            return False
        request.sections = {k: w.toPlainText() for k, w in self.sections.items()}
        request.sections_period = self._prefilled_for
        return True

    def _choose_dir(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu báo cáo"), self.out_dir.text())
        if name:
            self.out_dir.setText(name)

    def request(self) -> reports.ExportRequest:
        kind = self.kind.currentData()
        start = parse_vn(self.start.text(), "ngày bắt đầu")
        end = parse_vn(self.end.text(), "ngày kết thúc")
        period = reports.resolve_period(kind, None if (start or end) else self.period.currentData(), start, end,
                                        self.today())
        sections = {k: w.toPlainText() for k, w in self.sections.items()} if self.sections else None
        return reports.ExportRequest(kind, period, parse_vn(self.issued.text(), "ngày ban hành") or self.today(),
                                     self.number.value() or None, sections, self.dialogue.currentData(),
                                     deputy=self.deputy.isChecked(),
                                     sections_period=self._prefilled_for if sections else None)

    def show_preview(self) -> None:
        """Built in the database worker (the narrative first, for a PAPI report), shown when it arrives."""
        try:
            request = self.request()
        except Exception as exc:  # noqa: BLE001 - a date that cannot be read
            show_error(self, exc)
            return
        db, today = self.db, self.today()
        self._with_sections(request, lambda req: self._preview_read.submit(
            lambda: to_html(reports.build(db, req, today)), self._show_html))

    def _show_html(self, html: str) -> None:
        self.preview.setHtml(html)
        self.right.setCurrentWidget(self.preview)
        self.sig_previewed.emit()

    def _fill_sections(self, sections: dict[str, str]) -> None:
        self._clear_sections()
        self._prefilled = dict(sections)
        dims = {f"dim{d.number}": f"{d.number}. {d.name(current_lang())}" for d in reference.dimensions()}
        for key, text in sections.items():
            editor = QPlainTextEdit(text)
            editor.setTabChangesFocus(True)
            editor.textChanged.connect(self._preview_timer.start)
            self.sections[key] = editor
            label = dims.get(key) or QCoreApplication.translate("ReportsPage", SECTION_NAMES.get(key, key))
            self.section_tabs.addTab(editor, label)

    def start_export(self, confirm_passphrase: str | None = None) -> None:
        """The issue date is checked first (in the database worker), then the narrative, then the export
        runs in the worker with progress; the button stays off until the chain ends."""
        try:
            if self.issued.text() == self._issued_default != format_vn(self.today()):
                self.issued.setText(format_vn(self.today()))
                self._issued_default = self.issued.text()
            request = self.request()
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.export_button.setEnabled(False)
        db = self.db

        def refused(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            show_error(self, exc)

        # The date at once, before the narrative or a passphrase.
        self.runner.submit(lambda: reports.check_issued(db, request), lambda _ok: self._with_sections(
            request, lambda req: self._export(req, confirm_passphrase), lambda: self.export_button.setEnabled(True),
            latest=False), refused, owner=self)

    def _export(self, request: reports.ExportRequest, confirm_passphrase: str | None) -> None:
        try:
            sign = None
            if self.sign.isChecked():
                token = self.token_picker.options()
                secret = confirm_passphrase or self.passphrase.text()
                seal = Path(self.seal.text()) if self.seal.text().strip() else None
                sign = reports.SignOptions(secret if secret or token is None else None, seal_png=seal, token=token)
        except Exception as exc:  # noqa: BLE001 - a token choice refused (no PIN, locked, expired)
            self.export_button.setEnabled(True)
            show_error(self, exc)
            self.sig_exported.emit(None)
            return
        token = CancelToken()
        label = self.tr("Đang xuất báo cáo…")
        if sign is not None and sign.token is not None and sign.token.pin is None:  # the device asks for the PIN
            label += "\n" + self.tr("Nhập PIN trên thiết bị token")
        self._progress = QtProgress(self, label, token)
        progress_obj, out_dir, today, db = self._progress, Path(self.out_dir.text()), self.today(), self.db
        no_key = self.tr("Xã chưa có khóa ký số: tạo chứng thư của xã trong Cài đặt trước.")

        def export() -> reports.ExportResult:
            # The key's file is read here, in the worker; without a key or a token nothing is numbered.
            if sign is not None and sign.token is None and keys.certificate() is None:
                raise KnownError(no_key, no_key)
            return reports.export(db, request, out_dir, sign, today, progress_obj, token)

        self.runner.submit(export, self._exported, self._failed)

    def _close_progress(self) -> None:
        self.export_button.setEnabled(True)
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def _exported(self, result: reports.ExportResult) -> None:
        self._close_progress()
        self.passphrase.clear()
        self.token_picker.clear_pin()
        lines = [self.tr("Đã xuất %1:").replace("%1", result.number_ref or self.tr("văn bản")),
                 *(str(f) for f in result.files)]
        if result.signed:
            lines.append(self.tr("Đã ký số PDF (PAdES) và Excel (.p7s)."))
        lang = current_lang()  # "only one key was available", said plainly (services give vi and en)
        lines.extend((en if lang == "en" else vi) for vi, en in result.notes)
        self.result.setText("\n".join(lines))
        self.reload_register()
        self.sig_exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.token_picker.clear_pin()
        self.reload_register()
        show_error(self, self.tr("Đã hủy; không có tệp nào được ghi.") if isinstance(exc, Cancelled) else error_text(exc))
        self.sig_exported.emit(None)

    def reload_register(self) -> None:
        db = self.db

        def read() -> tuple:
            items = reports.register(db)
            return items, states_unless_province(db, {"outgoing_document": [i.id for i in items]})

        self._register_read.submit(read, lambda result: self._show_register(*result))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        refresh_cells(self._states_read.submit, self.db, [(self.register, 4)], current_lang())

    def _show_register(self, items: list[reports.OutgoingInfo], synced: dict | None = None) -> None:
        self.register.clear()
        self.register.setHorizontalHeaderLabels([self.tr("Số"), self.tr("Ngày"), self.tr("Tình trạng"),
                                                 self.tr("Văn bản"), header_text()])
        lang = current_lang()
        states = {"issued": self.tr("Đã ban hành"), "cancelled": self.tr("Đã hủy số"),
                  "reserved": self.tr("Đang xuất")}
        for item in items:
            signed = self.tr(", đã ký số") if item.signed else ""
            self.register.appendRow([QStandardItem(item.number_ref), QStandardItem(format_vn(item.issued_on)),
                                     QStandardItem(states.get(item.status, item.status) + signed),
                                     QStandardItem(item.title), state_item("outgoing_document", item.id, synced, lang)])
        fit_columns(self.register_view, contents=(0, 1, 2, 4), stretch=3)  # number, date, states: whole
        self.register_view.setColumnHidden(4, synced is None)  # the province's own register: not sent up
        self.sig_register_shown.emit()

    def verify_file(self, path: Path | None = None) -> None:
        """Checked in the worker (a whole file is read and its signatures checked); the verdict is shown
        and sent with sig_verified."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp đã ký"), self.out_dir.text() or str(paths.exports_dir()),
                                                  self.tr("Văn bản đã ký (*.pdf *.xlsx *.p7s)"))
            if not name:
                return
            path = Path(name)
        chosen = path
        self.runner.submit(lambda: reports.verify(chosen), self._verified, owner=self)

    def _verified(self, result: signing.Verification) -> None:
        lang = current_lang()
        lines = [self.tr("HỢP LỆ: chữ ký đúng, người ký được tin cậy, tệp không bị sửa sau khi ký.") if result.ok
                 else self.tr("KHÔNG HỢP LỆ.")]
        if result.signer:
            lines.append(self.tr("Người ký: %1").replace("%1", ", ".join(result.signer.values())))
        if result.chain:
            lines.append(self.tr("Chuỗi chứng thư: %1").replace("%1", " → ".join(result.chain_text(lang == "en"))))
        if result.signing_time:
            lines.append(self.tr("Thời gian ký (theo đồng hồ máy người ký): %1").replace("%1", result.signing_time))
        if len(result.signatures) > 1:
            lines.extend(self._signature_line(sig, lang) for sig in result.signatures)
        lines.extend("- " + (en if lang == "en" else vi) for vi, en in result.problems)
        lines.extend(en if lang == "en" else vi for vi, en in result.notes)
        text = "\n".join(lines)
        (show_info if result.ok else show_error)(self, text)
        self.sig_verified.emit(text)

    def _signature_line(self, sig: signing.SignatureCheck, lang: str) -> str:
        state = (self.tr("hợp lệ, tin cậy") if sig.valid else self.tr("KHÔNG tin cậy") if sig.intact
                 else self.tr("KHÔNG khớp nội dung"))
        where = (self.tr("trang %1").replace("%1", str(sig.page)) if sig.page
                 else self.tr("có hiển thị") if sig.visible else self.tr("không hiển thị"))
        return (self.tr("Chữ ký %1: %2 (%3; %4; %5; SHA-256 %6)").replace("%1", str(sig.index))
                .replace("%2", sig.who_en() if lang == "en" else sig.who()).replace("%3", state)
                .replace("%4", sig.signing_time or "?").replace("%5", where).replace("%6", sig.fingerprint)
                + " — " + sig.role_text(lang == "en"))
