"""Cài đặt: language, the commune's officials, its villages and means of disclosure, the signing key,
the trusted certificates (and those the province offers), the signature images and the token's
module, the province's report templates, the data folder and backups."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ... import paths
from ...i18n import LANGUAGES, save_language
from ...services import setup
from ...services.handle import DataHandle
from ..widgets.accounts_box import AccountsBox
from ..widgets.keys_box import KeysBox
from ..widgets.messages import current_lang
from ..widgets.province_templates_box import ProvinceTemplatesBox
from ..widgets.role_gate import RoleGate
from ..widgets.sign_images_box import SignImagesBox
from ..widgets.trust_box import TrustBox
from ..widgets.villages_box import VillagesBox
from ..workers import JobRunner
from .audit_dialog import AuditButton
from .personal_dialog import PersonalDataButton


class SettingsPage(QWidget):
    """Signals:
        sig_language_changed(str): the language saved ('vi' or 'en'); it applies at the next start.
        sig_profile_saved(object): the Profile after saving.
        sig_profile_shown(object): the Profile (or None) was read and is shown.
        sig_restored(): a backup was restored (the database was closed).
    """

    sig_language_changed = Signal(str)
    sig_restored = Signal()  # a backup replaced the data: the database is closed, the program starts again
    sig_profile_saved = Signal(object)
    sig_profile_shown = Signal(object)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_lang()))
        self.language_note = QLabel(self.tr("Ngôn ngữ mới có hiệu lực khi mở lại chương trình."))
        lang_box = QGroupBox(self.tr("Ngôn ngữ giao diện"))
        lang_layout = QFormLayout(lang_box)
        lang_layout.addRow(self.tr("Ngôn ngữ:"), self.language)
        lang_layout.addRow(self.language_note)

        self.profile: setup.Profile | None = None  # as last read, in the database worker
        self.unit_label = QLabel()
        self.chairman = QLineEdit()
        self.chairman_title = QLineEdit("Chủ tịch")
        self.vice = QLineEdit()
        self.officer = QLineEdit()
        self.officer_title = QLineEdit()
        self.save_profile_button = QPushButton(self.tr("Lưu thông tin đơn vị"))
        self.save_profile_button.setEnabled(False)  # until the profile is read
        self.profile_gate = RoleGate(db, "settings")
        unit_box = QGroupBox(self.tr("Đơn vị và người ký"))
        unit_layout = QFormLayout(unit_box)
        unit_layout.addRow(self.tr("Xã, phường:"), self.unit_label)
        unit_layout.addRow(self.tr("Họ tên Chủ tịch UBND:"), self.chairman)
        unit_layout.addRow(self.tr("Chức danh người ký:"), self.chairman_title)
        unit_layout.addRow(self.tr("Họ tên Phó Chủ tịch:"), self.vice)
        unit_layout.addRow(self.tr("Công chức phụ trách:"), self.officer)
        unit_layout.addRow(self.tr("Chức danh công chức:"), self.officer_title)
        unit_layout.addRow(self.save_profile_button)
        self.profile_gate.hold(self.chairman, self.chairman_title, self.vice, self.officer, self.officer_title,
                               self.save_profile_button)
        unit_layout.insertRow(0, self.profile_gate.note())

        self.backup_button = QPushButton(self.tr("Sao lưu và khôi phục…"))
        data_box = QGroupBox(self.tr("Dữ liệu"))
        data_layout = QFormLayout(data_box)
        data_layout.addRow(self.tr("Thư mục dữ liệu:"), QLabel(str(db.path.parent)))
        data_layout.addRow(self.tr("Bản sao lưu:"), QLabel(str(paths.backups_dir())))
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        self.audit_button = AuditButton(db, runner, self)  # Nhật ký thao tác… (views/audit_dialog.py)
        row.addWidget(self.audit_button)
        self.personal_button = PersonalDataButton(db, runner, self)  # views/personal_dialog.py (issue 13 §3)
        row.addWidget(self.personal_button)
        row.addStretch(1)
        data_layout.addRow(row)

        self.villages = VillagesBox(db, runner, self)
        self.accounts = AccountsBox(db, runner, self)  # Tài khoản người dùng (issue 13 §1)
        self.keys = KeysBox(db, runner, self)
        self.trust = TrustBox(runner, self, db)
        self.sign_images = SignImagesBox(db, runner, self)
        self.templates = ProvinceTemplatesBox(db, runner, self)  # what the province's updates brought (issue 10 §6)
        inner = QWidget()  # scrolls on a small screen (1366×768 laptops)
        layout = QVBoxLayout(inner)
        layout.addWidget(lang_box)
        layout.addWidget(unit_box)
        layout.addWidget(self.villages)
        layout.addWidget(self.accounts)
        layout.addWidget(self.keys)
        layout.addWidget(self.trust)
        layout.addWidget(self.sign_images)
        layout.addWidget(self.templates)
        layout.addWidget(data_box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.save_profile_button.clicked.connect(self._save_profile)
        self.backup_button.clicked.connect(self._backup)
        runner.submit(lambda: setup.get_profile(db), self._show_profile, owner=self)

    def _show_profile(self, profile: setup.Profile | None) -> None:
        self.profile = profile
        if profile is not None:
            self.unit_label.setText(profile.unit_name)
            self.chairman.setText(profile.chairman_name)
            self.chairman_title.setText(profile.chairman_title)
            self.vice.setText(profile.vice_chairman_name)
            self.officer.setText(profile.officer_name)
            self.officer_title.setText(profile.officer_title)
        self.profile_gate.enable(self.save_profile_button, profile is not None)
        self.sig_profile_shown.emit(profile)

    def _language_changed(self, _index: int) -> None:
        code = self.language.currentData()
        save_language(code)
        self.sig_language_changed.emit(code)

    def _save_profile(self) -> None:
        db = self.db
        names = dict(chairman_name=self.chairman.text(), chairman_title=self.chairman_title.text(),
                     vice_chairman_name=self.vice.text(), officer_name=self.officer.text(),
                     officer_title=self.officer_title.text())

        def save() -> setup.Profile | None:
            profile = setup.get_profile(db)
            if profile is None:
                return None
            return setup.setup_commune(db, profile.unit_code, is_demo=profile.is_demo, **names)

        def saved(profile: setup.Profile | None) -> None:
            if profile is not None:
                self.profile = profile
                self.sig_profile_saved.emit(profile)

        self.runner.submit(save, saved, owner=self)

    def _backup(self) -> None:
        """Encrypted backups: made, listed, verified and restored in the dialog, through the worker."""
        from .backup_dialog import BackupDialog  # noqa: PLC0415

        dialog = BackupDialog(self.db, self.runner, self)
        dialog.sig_restored.connect(lambda _done: self.sig_restored.emit())
        dialog.exec()
