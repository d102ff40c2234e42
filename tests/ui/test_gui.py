"""GUI tests with real widgets, offscreen: first run, import through the dialog, edit, search."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import workbooks
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from qt_keys import type_text

from papi_desktop import i18n
from papi_desktop.services import plan as plan_service
from papi_desktop.services import setup
from papi_desktop.ui.main_window import NAVIGATION, MainWindow
from papi_desktop.ui.models.task_model import PAGE, TaskIdRole, TaskTableModel
from papi_desktop.ui.views.home_page import RefRole
from papi_desktop.ui.views.import_dialog import ImportDialog
from papi_desktop.ui.views.placeholder import PlaceholderPage
from papi_desktop.ui.views.setup_dialog import SetupDialog
from papi_desktop.ui.views.task_dialogs import ProgressDialog

TODAY = date(2026, 11, 22)



@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes record their text instead of blocking."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    return shown


def _window(qtbot, db) -> MainWindow:  # noqa: ANN001
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.plan_page.today = lambda: TODAY
    window.plan_page.detail.today = lambda: TODAY
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.ready, timeout=10000)  # the plan page shows what the worker read
    _settle(qtbot, window)
    return window


def _settle(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=10000)


def test_first_run_choose_commune(qtbot, bare_db, no_dialogs) -> None:  # noqa: ANN001
    dialog = SetupDialog(bare_db)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)  # nothing chosen yet
    assert no_dialogs and "Hãy chọn xã, phường" in no_dialogs[0]
    assert setup.get_profile(bare_db) is None
    dialog.unit.setCurrentIndex(dialog.unit.findData("03757"))
    type_text(dialog.chairman, "Hà Văn Tùng")
    with qtbot.waitSignal(dialog.sig_done, timeout=5000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    profile = setup.get_profile(bare_db)
    assert (profile.unit_name, profile.chairman_name, profile.is_demo) == ("Xã Mường Khiêng", "Hà Văn Tùng", False)


def test_first_run_demo_commune(qtbot, bare_db) -> None:  # noqa: ANN001
    dialog = SetupDialog(bare_db)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_done, timeout=10000):
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert setup.get_profile(bare_db).is_demo
    window = _window(qtbot, bare_db)
    assert window.plan_page.model.total() == 28
    assert "Chiềng Sơn" in window.windowTitle()


def test_navigation_and_pages_not_built_say_so(qtbot, db) -> None:  # noqa: ANN001
    window = _window(qtbot, db)
    qtbot.waitUntil(lambda: "Chiềng Sơn" in window.windowTitle(), timeout=10000)  # the unit (not the province) read
    labels = [window.nav.item(i).text() for i in range(window.nav.count()) if not window.nav.item(i).isHidden()]
    assert labels == ["Tổng quan", "Kế hoạch", "Tiếp công dân", "Đơn thư", "Đối thoại", "Công khai", "Báo cáo",
                      "Đồng bộ", "Cài đặt"]  # a commune PC: no "Tổng hợp" (the province's page)
    assert len(NAVIGATION) == 10 and window.nav.item(window._row("overview")).isHidden()  # noqa: SLF001
    window.nav.setCurrentRow(window._row("sync"))  # noqa: SLF001 - built when first opened (module imported in the worker)
    from papi_desktop.ui.views.sync_page import SyncPage

    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), SyncPage), timeout=5000)
    page = window._make_page("later", "Sau này")  # noqa: SLF001 - a page not in this version says so
    assert isinstance(page, PlaceholderPage)
    assert "chưa có trong phiên bản" in " ".join(w.text() for w in page.findChildren(QLabel))


def test_import_through_the_dialog(qtbot, db, tmp_path: Path) -> None:  # noqa: ANN001
    window = _window(qtbot, db)
    page = window.plan_page
    assert page.model.total() == 0 and not page.add_button.isEnabled()
    book = workbooks.plan_workbook(tmp_path / "ke_hoach_2026.xlsx")
    dialog = page.open_import()
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(book))
    with qtbot.waitSignal(dialog.sig_previewed, timeout=20000) as preview_signal:
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = preview_signal.args[0]
    assert preview.added == 28 and plan_service.current_plan(db) is None  # preview wrote nothing
    text = dialog.summary.toPlainText()
    assert "Tổng số nhiệm vụ: 28" in text and "5. Thủ tục hành chính công: 6" in text
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.total() == 28, timeout=5000)
    assert "2026" in page.title.text()
    assert page.summary_model.rowCount() == 8

    # the same file again: the preview says nothing would change, and the import button stays off
    with qtbot.waitSignal(dialog.sig_previewed, timeout=20000):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "không có gì thay đổi" in dialog.status.text() and not dialog.import_button.isEnabled()


def test_import_dialog_bad_file_message(qtbot, db, tmp_path: Path) -> None:  # noqa: ANN001
    from papi_desktop.ui.workers import JobRunner

    runner = JobRunner()
    dialog = ImportDialog(db, runner)
    qtbot.addWidget(dialog)
    bad = workbooks.old_xls(tmp_path / "cu.xls")
    dialog.path_edit.setText(str(bad))
    with qtbot.waitSignal(dialog.sig_failed, timeout=20000) as failed:
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "lưu thành .xlsx" in failed.args[0] and not dialog.import_button.isEnabled()
    runner.shutdown()


def test_edit_a_task_in_the_detail_panel(qtbot, plan_db) -> None:  # noqa: ANN001
    window = _window(qtbot, plan_db)
    page = window.plan_page
    detail = page.detail
    with qtbot.waitSignal(detail.sig_shown, timeout=5000):
        page.table.selectRow(0)
    task_id = page.model.task_id(0)
    assert detail.task_id == task_id
    detail.lead.clear()
    type_text(detail.lead, "Văn phòng - Thống kê xã")
    detail.status.setCurrentIndex(detail.status.findData("done"))
    with qtbot.waitSignal(detail.sig_saved, timeout=5000):
        qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    saved = plan_service.task_detail(plan_db, task_id, TODAY).row
    assert (saved.lead, saved.status) == ("Văn phòng - Thống kê xã", "done")
    _settle(qtbot, window)  # the row and the summary are read again
    index = page.model.index(0, TaskTableModel.COL_STATUS)
    qtbot.waitUntil(lambda: page.model.data(index) == "Đã hoàn thành", timeout=5000)  # its page: from the worker
    assert page.summary_model.data(page.summary_model.index(0, 2)) == 1  # dimension 1: one done


def test_progress_update_with_evidence_through_the_dialog(qtbot, plan_db, monkeypatch) -> None:  # noqa: ANN001
    window = _window(qtbot, plan_db)
    page = window.plan_page
    detail = page.detail
    with qtbot.waitSignal(detail.sig_shown, timeout=5000):
        page.table.selectRow(2)

    def fill(dialog: ProgressDialog) -> int:
        dialog.period.setCurrentIndex(dialog.period.findData("2026-Y"))
        dialog.result.setPlainText("Đã tổ chức 3 hội nghị phổ biến pháp luật")
        dialog.add_evidence_row("Báo cáo số 45/BC-UBND", "10/11/2026", "Kết quả PBGDPL")
        return 1

    monkeypatch.setattr(ProgressDialog, "exec", fill)
    with qtbot.waitSignal(detail.sig_saved, timeout=5000):
        qtbot.mouseClick(detail.add_update_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, window)
    top = detail.updates.item(0, 0)
    assert top.text() == "Năm 2026" and top.child(0, 0).text() == "Báo cáo số 45/BC-UBND"  # not "2026-Y"


def test_accent_insensitive_search_and_filters(qtbot, plan_db) -> None:  # noqa: ANN001
    window = _window(qtbot, plan_db)
    page = window.plan_page
    with qtbot.waitSignal(page.sig_reloaded, timeout=3000) as reloaded:
        qtbot.keyClicks(page.search, "tiep cong dan tham nhung")
    assert reloaded.args == [1]
    first = page.model.index(0, TaskTableModel.COL_TASK)
    qtbot.waitUntil(lambda: page.model.data(first) is not None, timeout=5000)  # the row's page, from the worker
    row_task = page.model.data(first)
    assert "tiếp công dân" in row_task and "tố cáo" in row_task
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total() == 28, timeout=3000)
    page.dimension.setCurrentIndex(page.dimension.findData(5))
    _settle(qtbot, window)
    assert page.model.total() == 6
    page.status.setCurrentIndex(page.status.findData("overdue"))
    _settle(qtbot, window)
    ids = [page.model.data(page.model.index(r, 0), TaskIdRole) for r in range(page.model.rowCount())]
    rows = plan_service.task_rows(plan_db, ids, TODAY)
    assert rows and all(r.overdue and r.dimension == 5 for r in rows)


def test_lazy_model_loads_pages_on_demand(qtbot) -> None:  # noqa: ANN001
    calls: list[int] = []

    def load(ids: list[str]) -> list:
        calls.append(len(ids))
        return [plan_service.TaskRow(i, 1, i, f"task {i}", "", "", "", "", "not_started", False, None) for i in ids]

    model = TaskTableModel(load)
    model.set_ids([str(i) for i in range(1000)])
    assert model.rowCount() == PAGE and calls == []  # nothing loaded until shown
    assert model.data(model.index(5, TaskTableModel.COL_TASK)) == "task 5"
    assert calls == [PAGE]
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1000
    assert model.data(model.index(999, TaskTableModel.COL_NUMBER)) == "999"
    assert calls == [PAGE, PAGE]


def test_english_interface(qtbot, db, qapp) -> None:  # noqa: ANN001
    assert i18n.install(qapp, "en") == "en"
    qapp.setProperty("papi_lang", "en")
    window = _window(qtbot, db)
    qtbot.waitUntil(lambda: window.nav.item(window._row("overview")).isHidden(), timeout=10000)  # noqa: SLF001
    labels = [window.nav.item(i).text() for i in range(window.nav.count()) if not window.nav.item(i).isHidden()]
    assert labels == ["Overview", "Plan", "Citizen reception", "Petitions", "Dialogues", "Public postings",
                      "Reports", "Sync", "Settings"]
    assert window.plan_page.import_button.text() == "Import plan from Excel…"


def test_language_choice_is_saved(qtbot, db) -> None:  # noqa: ANN001
    window = _window(qtbot, db)
    assert type(window.page_by_key["settings"]).__name__ == "PlaceholderPage"  # built when first opened
    settings = window.page("settings")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    assert i18n.saved_language() == "en"


def test_indicator_value_for_a_period(qtbot, plan_db, monkeypatch) -> None:  # noqa: ANN001
    from papi_desktop.services import progress
    from papi_desktop.ui.views.indicators_panel import COL_ACTUAL, IndicatorDialog

    window = _window(qtbot, plan_db)
    panel = window.plan_page.indicators
    assert panel.model.rowCount() == 0 and panel.empty.isVisibleTo(panel)

    def fill(dialog: IndicatorDialog) -> int:
        dialog.name.setText("Tỷ lệ hồ sơ giải quyết đúng hạn")
        dialog.unit.setText("%")
        dialog.target.setText("100")
        return 1

    monkeypatch.setattr(IndicatorDialog, "exec", fill)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, window)
    assert panel.model.rowCount() == 1
    panel.period.setCurrentIndex(panel.period.findData("2026-H1"))
    _settle(qtbot, window)
    with qtbot.waitSignal(panel.sig_changed, timeout=3000):
        panel.model.item(0, COL_ACTUAL).setText("97,5")
    plan_id = window.plan_page.plan.id
    assert progress.indicators_of(plan_db, plan_id)[0].values == {"2026-H1": "97,5"}
    panel.period.setCurrentIndex(panel.period.findData("2026-Y"))
    _settle(qtbot, window)
    assert panel.model.item(0, COL_ACTUAL).text() == ""


def test_home_lists_overdue_work_and_opens_it(qtbot, plan_db) -> None:  # noqa: ANN001
    from papi_desktop.services import petitions as ps

    ps.add_petition(plan_db, ps.PetitionInput(received_on=date(2026, 11, 2), content="Đề nghị sửa cầu treo",
                                              content_class="kien_nghi", sender="Lò Văn Tiến"))
    window = _window(qtbot, plan_db)
    home = window.page_by_key["home"]
    home.today = lambda: TODAY
    with qtbot.waitSignal(home.sig_loaded, timeout=5000):
        home.reload()
    titles = [home.model.index(r, 1).data() for r in range(home.model.rowCount())]
    assert "Đơn 1/2026 — Lò Văn Tiến" in titles  # 10 working days from 02/11 ended 16/11
    assert any(t.startswith("Nhiệm vụ ") for t in titles)
    assert "quá hạn" in home.heading.text()
    row = next(r for r in range(home.model.rowCount()) if home.model.index(r, 1).data().startswith("Nhiệm vụ "))
    home.view.doubleClicked.emit(home.model.index(row, 0))
    assert window.pages.currentWidget() is window.plan_page
    assert window.plan_page.detail.task_id == home.model.index(row, 0).data(RefRole)


def test_a_province_task_is_read_only_but_for_the_communes_state(qtbot, plan_db) -> None:  # noqa: ANN001
    with plan_db.connection() as conn:  # the plan re-owned by the province, as a plan sent down arrives
        for table in ("plan", "plan_section", "task", "milestone"):
            conn.exec_driver_sql(f"UPDATE {table} SET unit_code = ''")
        conn.commit()
    window = _window(qtbot, plan_db)
    page = window.plan_page
    detail = page.detail
    with qtbot.waitSignal(detail.sig_shown, timeout=5000):
        page.table.selectRow(0)
    assert "nhiệm vụ tỉnh giao" in detail.heading.text()
    assert detail.lead.isReadOnly() and detail.task.isReadOnly() and detail.deadline.isReadOnly()
    assert not detail.delete_button.isEnabled() and not detail.add_milestone_button.isEnabled()
    assert detail.status.isEnabled() and not detail.note.isReadOnly() and detail.save_button.isEnabled()
    detail.status.setCurrentIndex(detail.status.findData("in_progress"))
    with qtbot.waitSignal(detail.sig_saved, timeout=5000):
        qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert plan_service.task_detail(plan_db, page.model.task_id(0), TODAY).row.status == "in_progress"
