"""What a newcomer trying the window met (a colleague's first run), offscreen at 1366×768: plain
messages for a wrong file or a folder, words in the chosen language, nothing clipped."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt

from papi_desktop import paths
from papi_desktop.services import demo, plan_import
from papi_desktop.ui.views.import_dialog import ImportDialog
from papi_desktop.ui.workers import JobRunner


def _dialog(qtbot, db):  # noqa: ANN001, ANN202
    runner = JobRunner()
    dialog = ImportDialog(db, runner)
    qtbot.addWidget(dialog)
    return dialog, runner


def test_the_same_plan_under_another_name_is_called_the_same_plan(qtbot, db, tmp_path: Path) -> None:  # noqa: ANN001
    sample = paths.resources_dir() / "demo" / demo.SAMPLE_PLAN
    plan_import.apply_import(db, plan_import.preview_import(db, sample))
    dialog, runner = _dialog(qtbot, db)
    dialog.path_edit.setText(str(shutil.copyfile(sample, tmp_path / "ban_sao.xlsx")))
    with qtbot.waitSignal(dialog.sig_previewed, timeout=20000):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Kế hoạch trong tệp giống hệt kế hoạch đã có: không có gì thay đổi."
    assert not dialog.import_button.isEnabled()
    runner.shutdown()


def test_a_zip_renamed_xlsx_is_a_message_in_the_dialog(qtbot, db, tmp_path: Path, capfd) -> None:  # noqa: ANN001
    book = tmp_path / "nen.xlsx"
    with zipfile.ZipFile(book, "w") as zf:
        zf.writestr("ghi_chu.txt", "không phải bảng tính")
    dialog, runner = _dialog(qtbot, db)
    dialog.path_edit.setText(str(book))
    with qtbot.waitSignal(dialog.sig_failed, timeout=20000) as failed:
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "không phải bảng tính Excel .xlsx" in failed.args[0] and not dialog.import_button.isEnabled()
    runner.shutdown()
    assert "Traceback" not in capfd.readouterr().err


def test_a_folder_typed_in_the_dialog_is_named_a_folder(qtbot, db, tmp_path: Path) -> None:  # noqa: ANN001
    dialog, runner = _dialog(qtbot, db)
    dialog.path_edit.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.sig_failed, timeout=20000) as failed:
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "là một thư mục, không phải tệp .xlsx" in failed.args[0]
    assert "lỗi không mong muốn" not in failed.args[0] and not dialog.import_button.isEnabled()
    runner.shutdown()
