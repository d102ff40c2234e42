"""Qt's own strings in Vietnamese (Qt ships none): message-box buttons, text-field context menus and
the file dialog, from translations/qt_vi.qm; English stays Qt's own."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from papi_desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "translations" / "qt_vi.ts"
QM = ROOT / "translations" / "qt_vi.qm"
Button = QMessageBox.StandardButton


def _use(qapp: QApplication, lang: str) -> None:
    i18n.install(qapp, lang)
    qapp.setProperty("papi_lang", lang)


def _plain(text: str) -> str:
    return text.replace("&", "")


def _box_texts(qtbot) -> dict[Button, str]:  # noqa: ANN001
    box = QMessageBox(QMessageBox.Icon.Question, "PAPI Desktop", "?",
                      Button.Yes | Button.No | Button.Cancel | Button.Ok)
    qtbot.addWidget(box)
    return {b: _plain(box.button(b).text()) for b in (Button.Yes, Button.No, Button.Cancel, Button.Ok)}


def test_message_box_buttons(qtbot, qapp) -> None:  # noqa: ANN001
    _use(qapp, "vi")
    assert _box_texts(qtbot) == {Button.Yes: "Có", Button.No: "Không", Button.Cancel: "Hủy", Button.Ok: "Đồng ý"}
    _use(qapp, "en")
    assert _box_texts(qtbot) == {Button.Yes: "Yes", Button.No: "No", Button.Cancel: "Cancel", Button.Ok: "OK"}


def _menu_texts(widget) -> list[str]:  # noqa: ANN001
    menu = widget.createStandardContextMenu(QPoint(0, 0)) if isinstance(widget, QPlainTextEdit) \
        else widget.createStandardContextMenu()
    texts = [_plain(a.text()).split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    return texts


@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit])
def test_text_field_context_menus(qtbot, qapp, kind) -> None:  # noqa: ANN001
    _use(qapp, "vi")
    field = kind()
    qtbot.addWidget(field)
    assert _menu_texts(field) == ["Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"]
    _use(qapp, "en")
    assert _menu_texts(field) == ["Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All"]


def test_file_dialog_is_qt_own_and_vietnamese(qtbot, qapp, tmp_path: Path) -> None:  # noqa: ANN001
    _use(qapp, "vi")
    assert QApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    dialog = QFileDialog(None, "Chọn tệp", str(tmp_path), "Bảng tính Excel (*.xlsx)")
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {_plain(label.text()) for label in dialog.findChildren(QLabel)}
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:"} <= labels, labels
    buttons = dialog.findChild(QDialogButtonBox)
    assert {_plain(b.text()) for b in buttons.buttons()} == {"Mở", "Hủy"}
    _use(qapp, "en")
    assert not QApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)


def test_every_qt_string_is_translated_and_the_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 100
    for m in messages:
        tr = m.find("translation")
        assert tr.get("type") is None and tr.text, m.find("source").text
        assert m.find("source").text.count("%1") == tr.text.count("%1"), m.find("source").text
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.fail("pyside6-lrelease (from PySide6) is not on PATH")
    built = tmp_path / "qt_vi.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(built)], check=True, capture_output=True, timeout=120)
    assert built.read_bytes() == QM.read_bytes(), "rebuild translations/qt_vi.qm (see README)"
