"""Cài đặt: the images a signed document shows (the seal; each signer's handwritten signature) and
the path of the token's PKCS#11 module. Images are checked by the service when chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...services import setup, sign_images, tokens
from ...services.handle import DataHandle
from ..workers import JobRunner
from .messages import show_error
from .role_gate import RoleGate


class SignImagesBox(QGroupBox):
    """The images are files (read here); the token module's path and the signers' names are in the
    database, read and saved in the database worker.

    Signals:
        sig_module_saved(bool): the module's path was saved (True) or refused (False).
        sig_loaded(): the module's path and the signers were read and are shown.
    """

    sig_module_saved = Signal(bool)
    sig_loaded = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.setTitle(self.tr("Ảnh chữ ký, con dấu và token"))
        self.module = QLineEdit()
        self.module_button, self.module_save = QPushButton(self.tr("Chọn…")), QPushButton(self.tr("Lưu"))
        self.seal_state, self.seal_button = QLabel(), QPushButton(self.tr("Chọn…"))
        self.signer = QComboBox()
        self.signer.setEditable(True)
        # Wide enough for a whole name ("Lò Văn Minh", "Nguyễn Thị Minh Khai") before the names arrive.
        self.signer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.signer.setMinimumContentsLength(24)
        self.signature_state, self.signature_button = QLabel(), QPushButton(self.tr("Chọn…"))
        self.gate = RoleGate(db, "settings").hold(self.module, self.module_button, self.module_save, self.seal_button,
                                                  self.signature_button)
        form = QFormLayout(self)
        form.addRow(self.gate.note())
        form.addRow(self.tr("Module PKCS#11 của token:"), self._row(self.module, self.module_button, self.module_save))
        form.addRow(self.tr("Ảnh con dấu (PNG nền trong suốt):"), self._row(self.seal_state, self.seal_button))
        form.addRow(self.tr("Ảnh chữ ký của:"), self._row(self.signer, self.signature_state, self.signature_button))
        self.module_button.clicked.connect(self._pick_module)
        self.module_save.clicked.connect(self.save_module)
        self.seal_button.clicked.connect(lambda: self.choose_seal())
        self.signature_button.clicked.connect(lambda: self.choose_signature())
        self.signer.currentTextChanged.connect(lambda _name: self.reload())
        self.reload()
        runner.submit(lambda: (tokens.module_path(db), setup.get_profile(db)), lambda r: self._loaded(*r), owner=self)

    def _loaded(self, module: Path | None, profile: setup.Profile | None) -> None:
        if not self.module.text():
            self.module.setText(str(module) if module else "")
        if self.signer.count() == 0:
            for name in (profile.chairman_name, profile.vice_chairman_name) if profile else ():
                if name:
                    self.signer.addItem(name)
        self.sig_loaded.emit()

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for w in widgets:  # the texts take the room, the buttons keep their size
            row.addWidget(w, 1 if isinstance(w, (QLabel, QLineEdit)) else 0)
        return row

    def reload(self) -> None:
        seal = sign_images.seal()
        self.seal_state.setText(seal.name if seal else self.tr("chưa có"))
        found = sign_images.signature(self.signer.currentText())
        self.signature_state.setText(found.name if found else self.tr("chưa có"))

    def _pick_module(self) -> None:
        name, _f = QFileDialog.getOpenFileName(self, self.tr("Module PKCS#11 của token:"), "", self.tr("Module PKCS#11 (*.dll *.so *.dylib)"))
        if name:
            self.module.setText(name)
            self.save_module()

    def save_module(self) -> None:
        """Checked and saved in the database worker; sig_module_saved says how it went."""
        db, path = self.db, Path(self.module.text()) if self.module.text().strip() else None

        def refused(exc: BaseException) -> None:
            show_error(self, exc)
            self.sig_module_saved.emit(False)

        self.runner.submit(lambda: tokens.set_module_path(db, path), lambda _r: self.sig_module_saved.emit(True),
                           refused, owner=self)

    def choose_seal(self, path: Path | None = None) -> bool:
        return self._store(path, lambda p: sign_images.set_seal(self.db, p))

    def choose_signature(self, path: Path | None = None) -> bool:
        signer = self.signer.currentText()
        return bool(signer.strip()) and self._store(path, lambda p: sign_images.set_signature(self.db, signer, p))

    def _store(self, path: Path | None, store) -> bool:  # noqa: ANN001
        if path is None:
            name, _f = QFileDialog.getOpenFileName(self, self.tr("Ảnh chữ ký, con dấu và token"), "", self.tr("Ảnh PNG (*.png)"))
            if not name:
                return False
            path = Path(name)
        try:
            store(path)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return False
        self.reload()
        return True
