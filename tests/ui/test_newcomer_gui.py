"""What a newcomer trying the window met (a colleague's first run), offscreen at 1366×768: plain
messages for a wrong file or a folder, words in the chosen language, nothing clipped."""

from __future__ import annotations

import os
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from papi_desktop import i18n, paths
from papi_desktop.services import demo, plan_import
from papi_desktop.ui.views.import_dialog import ImportDialog
from papi_desktop.ui.models.lazy import indexed
from papi_desktop.ui.workers import JobRunner

# Where the checks' pictures go, to be looked at (PAPI_SHOTS=DIR keeps them; default: the temp folder).
SHOTS = Path(os.environ.get("PAPI_SHOTS", "/tmp/papi-shots"))
SHOTS.mkdir(parents=True, exist_ok=True)


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


@pytest.fixture
def english(qapp):  # noqa: ANN001, ANN201
    i18n.install(qapp, "en")
    qapp.setProperty("papi_lang", "en")
    # the autouse fixture of tests/ui/conftest.py puts Vietnamese back afterwards


def _reception_page(qtbot, db, runner, settle, monkeypatch, today: date):  # noqa: ANN001, ANN202
    from papi_desktop.ui.views.reception_page import ReceptionPage

    monkeypatch.setattr("papi_desktop.ui.views.reception_page.date",
                        type("D", (), {"today": staticmethod(lambda: today)}))
    page = ReceptionPage(db, runner)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    settle(runner)
    return page


def test_the_english_reception_page_speaks_english(qtbot, db, runner, settle, monkeypatch, english) -> None:  # noqa: ANN001
    from papi_desktop.services import reception as rs

    rs.add_reception(db, rs.ReceptionInput(received_on=date(2026, 3, 2), citizens=[rs.CitizenInput(
        "Cầm Thị Hoa", "Bản Mòng")], summary="Đề nghị hỗ trợ nhà ở", classes=["kien_nghi"], reception_type="regular"))
    page = _reception_page(qtbot, db, runner, settle, monkeypatch, date(2026, 3, 20))
    assert page.stats.text().startswith("From ") and "the commune received 1 visit of 1 citizen" in page.stats.text()
    assert "Tính từ ngày" not in page.stats.text()
    assert "no periodic reception for" in page.warning.text() and " weeks " in page.warning.text()
    page._show(indexed([]), page.stats.text(), [date(2026, 3, 16)], "")  # one week only
    assert page.warning.text().startswith("The chairman has had no periodic reception for 1 week (")
    page.grab().save(str(SHOTS / "reception_en.png"))


def test_the_vietnamese_summary_stays_the_reports_words(qtbot, db, runner, settle, monkeypatch) -> None:  # noqa: ANN001
    page = _reception_page(qtbot, db, runner, settle, monkeypatch, date(2026, 3, 20))
    assert page.stats.text().startswith("Tính từ ngày ") and page.stats.text().endswith("không có lượt tiếp công dân.")
