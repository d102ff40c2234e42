"""Cài đặt: language, the commune's officials, its villages and means of disclosure, the data folder and
backups."""

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
from ...storage.db import Database
from ..widgets.messages import current_lang, show_error, show_info
from ..widgets.keys_box import KeysBox
from ..widgets.sign_images_box import SignImagesBox
from ..widgets.villages_box import VillagesBox


class SettingsPage(QWidget):
    """Signals:
        sig_language_changed(str): the language saved ('vi' or 'en'); it applies at the next start.
        sig_profile_saved(object): the Profile after saving.
    """

    sig_language_changed = Signal(str)
    sig_profile_saved = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_lang()))
        self.language_note = QLabel(self.tr("Ngôn ngữ mới có hiệu lực khi mở lại chương trình."))
        lang_box = QGroupBox(self.tr("Ngôn ngữ giao diện"))
        lang_layout = QFormLayout(lang_box)
        lang_layout.addRow(self.tr("Ngôn ngữ:"), self.language)
        lang_layout.addRow(self.language_note)

        profile = setup.get_profile(db)
        self.unit_label = QLabel(profile.unit_name if profile else "")
        self.chairman = QLineEdit(profile.chairman_name if profile else "")
        self.chairman_title = QLineEdit(profile.chairman_title if profile else "Chủ tịch")
        self.vice = QLineEdit(profile.vice_chairman_name if profile else "")
        self.officer = QLineEdit(profile.officer_name if profile else "")
        self.officer_title = QLineEdit(profile.officer_title if profile else "")
        self.save_profile_button = QPushButton(self.tr("Lưu thông tin đơn vị"))
        unit_box = QGroupBox(self.tr("Đơn vị và người ký"))
        unit_layout = QFormLayout(unit_box)
        unit_layout.addRow(self.tr("Xã, phường:"), self.unit_label)
        unit_layout.addRow(self.tr("Họ tên Chủ tịch UBND:"), self.chairman)
        unit_layout.addRow(self.tr("Chức danh người ký:"), self.chairman_title)
        unit_layout.addRow(self.tr("Họ tên Phó Chủ tịch:"), self.vice)
        unit_layout.addRow(self.tr("Công chức phụ trách:"), self.officer)
        unit_layout.addRow(self.tr("Chức danh công chức:"), self.officer_title)
        unit_layout.addRow(self.save_profile_button)

        self.backup_button = QPushButton(self.tr("Sao lưu ngay"))
        data_box = QGroupBox(self.tr("Dữ liệu"))
        data_layout = QFormLayout(data_box)
        data_layout.addRow(self.tr("Thư mục dữ liệu:"), QLabel(str(db.path.parent)))
        data_layout.addRow(self.tr("Bản sao lưu:"), QLabel(str(paths.backups_dir())))
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addStretch(1)
        data_layout.addRow(row)

        self.villages = VillagesBox(db, self)
        self.keys = KeysBox(db, self)
        self.sign_images = SignImagesBox(db, self)
        inner = QWidget()  # scrolls on a small screen (1366×768 laptops)
        layout = QVBoxLayout(inner)
        layout.addWidget(lang_box)
        layout.addWidget(unit_box)
        layout.addWidget(self.villages)
        layout.addWidget(self.keys)
        layout.addWidget(self.sign_images)
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

    def _language_changed(self, _index: int) -> None:
        code = self.language.currentData()
        save_language(code)
        self.sig_language_changed.emit(code)

    def _save_profile(self) -> None:
        profile = setup.get_profile(self.db)
        if profile is None:
            return
        try:
            saved = setup.setup_commune(
                self.db, profile.unit_code, chairman_name=self.chairman.text(),
                chairman_title=self.chairman_title.text(), vice_chairman_name=self.vice.text(),
                officer_name=self.officer.text(), officer_title=self.officer_title.text(), is_demo=profile.is_demo,
            )
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.sig_profile_saved.emit(saved)

    def _backup(self) -> None:
        try:
            target = setup.backup_now(self.db)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        show_info(self, self.tr("Đã sao lưu vào %1").replace("%1", str(target)))
