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
from papi_desktop.ui.models.lazy import indexed
from papi_desktop.ui.views.import_dialog import ImportDialog
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


def _at_width(qtbot, widget, width: int = 1366, height: int = 768):  # noqa: ANN001, ANN202
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_signer_box_shows_the_whole_name(qtbot, db, runner, settle) -> None:  # noqa: ANN001
    from papi_desktop.ui.widgets.sign_images_box import SignImagesBox

    box = _at_width(qtbot, SignImagesBox(db, runner), 1366 - 260, 200)  # Cài đặt's column beside the navigation
    settle(runner)
    assert box.signer.currentText() == "Lò Văn Minh"
    edit = box.signer.lineEdit()
    assert edit.width() >= edit.fontMetrics().horizontalAdvance("Nguyễn Thị Minh Khai")
    box.grab().save(str(SHOTS / "sign_images_box.png"))


def test_the_indicator_headers_are_not_cut(qtbot, plan_db, runner, settle) -> None:  # noqa: ANN001
    from papi_desktop.services import plan as plan_service
    from papi_desktop.services import progress
    from papi_desktop.ui.views.indicators_panel import COL_NAME, IndicatorsPanel

    info = plan_service.current_plan(plan_db, 2026)
    progress.add_indicator(plan_db, info.id, "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "100", "Văn phòng HĐND và UBND")
    panel = _at_width(qtbot, IndicatorsPanel(plan_db, runner), 1366 - 260, 400)
    with qtbot.waitSignal(panel.sig_shown, timeout=5000):
        panel.set_plan(info.id, 2026)
    header = panel.view.horizontalHeader()
    for col in range(panel.model.columnCount()):
        if col != COL_NAME:
            assert header.sectionSize(col) >= header.sectionSizeHint(col), panel.model.headerData(col, Qt.Horizontal)
    assert header.sectionSize(COL_NAME) > 200
    panel.grab().save(str(SHOTS / "indicators.png"))


def test_the_pending_table_header_spans_the_table(qtbot, db, runner, settle) -> None:  # noqa: ANN001
    from papi_desktop.ui.views.sync_commune import CommuneSync

    page = _at_width(qtbot, CommuneSync(db, runner))
    settle(runner)
    view = page.pending_view
    qtbot.waitUntil(lambda: view.horizontalHeader().length() >= view.viewport().width(), timeout=3000)
    page.grab().save(str(SHOTS / "sync_pending.png"))


def test_the_villages_say_they_are_being_read(qtbot, db, runner, settle) -> None:  # noqa: ANN001
    from papi_desktop.services import postings
    from papi_desktop.ui.widgets.villages_box import VillagesBox

    postings.add_village(db, "Bản Hin")
    box = VillagesBox(db, runner)  # its read is queued; no event was processed yet
    assert [box.model.item(r).text() for r in range(box.model.rowCount())] == ["Đang đọc…"]
    assert not box.model.item(0).isEnabled()
    with qtbot.waitSignal(box.sig_reloaded, timeout=5000):
        _at_width(qtbot, box, 1366 - 260, 300)
    assert [box.model.item(r).text() for r in range(box.model.rowCount())] == ["Bản Hin"]
    box.grab().save(str(SHOTS / "villages.png"))
