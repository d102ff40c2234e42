"""The Tổng hợp page on a province database of three communes (the rows of tests/unit/test_province_view.py):
its figures, charts and tables, read in the database worker; the read-only commune view with masked
names; a screenshot at 1366×768 for a person to look at."""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from papi_desktop import paths
from papi_desktop.services import setup
from papi_desktop.ui.workers import JobRunner

_SPEC = importlib.util.spec_from_file_location("province_world", Path(__file__).parents[1] / "unit" /
                                               "test_province_view.py")
world_module = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(world_module)  # type: ignore[union-attr]
A, B = world_module.A, world_module.B


@pytest.fixture(scope="module")
def province_db(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("province-ui")
    paths.set_override(folder / "data")
    db = setup.open_database(user="so-noi-vu")
    world_module.build_world(db, folder)
    db.unit_code = ""
    yield db
    db.dispose()
    paths.set_override(None)


@pytest.fixture
def jobs():
    runner = JobRunner()
    yield runner
    runner.shutdown()


def _page(qtbot, province_db, jobs):
    from papi_desktop.ui.views.province_overview import ProvinceOverviewPage

    seen: list[str] = []
    original = province_db.reader

    def watched():
        seen.append(threading.current_thread().name)
        return original()

    province_db.reader = watched
    # Not waited on jobs.sig_job_done: the worker emits it, four times a read, while a blocker connected
    # to it is being disconnected on this thread (a crash, now and then).
    page = ProvinceOverviewPage(province_db, jobs)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.view is not None, timeout=20000)
    index = page.period.findData("2026-H1")
    assert index >= 0
    page.period.setCurrentIndex(index)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        page.reload()
    return page, seen, original


def test_the_overview_page_shows_the_period_figures(qtbot, province_db, jobs) -> None:
    page, seen, original = _page(qtbot, province_db, jobs)
    try:
        assert page.view.period.code == "2026-H1"
        assert page.tiles["communes"].value.text() == "3"
        assert page.tiles["received"].value.text() == "2/3"
        assert page.tiles["on_time"].value.text() == "1"
        assert page.tiles["waiting"].value.text() == "2"  # A's held bundle, B's quarantined one
        assert [n for _l, n, _c in page.reports_bar.parts] == [1, 1, 1, 0]
        assert len(page.progress_chart.rows) == 8
        board = page.board_model
        assert [board.row_id(r) for r in range(board.rowCount())] == [A, B, world_module.C]
        assert [board.cell(r, 9) for r in range(3)] == ["Đúng hạn", "Chậm", "Chưa gửi"]
        assert board.cell(0, 5) == "2"  # A's receipts not confirmed
        assert page.waiting_model.rowCount() == 2 and "(2)" in page.tabs.tabText(3)
        assert seen and all(name.startswith("papi-db") for name in seen)
        page.resize(1366 - 190, 768 - 60)  # the main window's page area on a 1366×768 screen
        page.show()
        qtbot.waitExposed(page)
        out = Path(os.environ.get("PAPI_SCREENSHOTS", paths.data_dir())) / "province_overview.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        assert page.grab().save(str(out))
    finally:
        province_db.reader = original


def test_a_commune_opens_read_only_with_names_masked(qtbot, province_db, jobs) -> None:
    from PySide6.QtWidgets import QApplication

    from papi_desktop.ui.views.province_commune import ProvinceCommuneDialog

    page, _seen, original = _page(qtbot, province_db, jobs)
    province_db.reader = original
    page.board_view.setCurrentIndex(page.board_model.index(0, 0))
    assert page.selected_unit() == A
    page.open_selected()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProvinceCommuneDialog))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.visits_model.total() == 2, timeout=20000)
    visits = dialog.visits_model
    qtbot.waitUntil(lambda: visits.data(visits.index(0, 1)) is not None, timeout=20000)
    assert [visits.data(visits.index(r, 1)) for r in range(2)] == ["Q*** V*** C", "N*** V*** A, L*** T*** B"]
    pets = dialog.petitions_model
    qtbot.waitUntil(lambda: pets.data(pets.index(0, 2)) is not None, timeout=20000)
    assert (pets.data(pets.index(0, 2)), pets.data(pets.index(0, 3))) == ("H*** V*** G", "*********567")
    assert "Phường Tô Hiệu" in dialog.head.text() and "đúng hạn" in dialog.head.text()
    # The period as people read it ("kỳ 6 tháng đầu năm 2026"), not its code ("kỳ 2026-H1").
    assert re.search(r"kỳ (6 tháng đầu năm|năm) \d{4}:", dialog.head.text()), dialog.head.text()
    periods = {dialog.disclosures_model.cell(r, 1) for r in range(dialog.disclosures_model.rowCount())}
    assert periods and not [p for p in periods if re.match(r"\d{4}(-|$)", p)], periods
    assert dialog.tasks_model.rowCount() == 28
    statuses = {dialog.tasks_model.cell(r, 2) for r in range(28)}
    assert {"Đã hoàn thành", "Đang thực hiện", "Quá hạn"} <= statuses
    dialog.resize(1100, 680)
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitExposed(dialog)
    out = Path(os.environ.get("PAPI_SCREENSHOTS", paths.data_dir())) / "province_commune.png"
    assert dialog.grab().save(str(out))
    assert dialog.windowModality() == Qt.WindowModality.NonModal


def test_the_overview_arrives_in_parts_and_says_when_all_are_shown(qtbot, province_db, jobs) -> None:
    """The tiles, the reports bar and the board first; each part shown as it arrives (the board's columns
    of a part not read yet say "…"); sig_loaded once, after the last, with the figures overview() gives."""
    from papi_desktop.services import province_view
    from papi_desktop.ui.views.province_overview import PARTS

    page, _seen, original = _page(qtbot, province_db, jobs)
    province_db.reader = original
    shown: list[tuple[str, str, str, bool]] = []
    loaded: list[list[str]] = []

    def part(name: str) -> None:  # the board's tasks and disclosures cells of A as this part was shown
        shown.append((name, page.board_model.cell(0, 10), page.board_model.cell(0, 12), page.view is None))

    page.sig_part_shown.connect(part)
    page.sig_loaded.connect(lambda: loaded.append([p for p, *_rest in shown]))
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        page.reload()
    assert page.view is not None
    assert [p for p, *_rest in shown] == list(PARTS) and loaded == [list(PARTS)]
    assert shown[0][1:] == ("…", "…", True)  # the reports part: progress and disclosures still being read
    assert shown[1][1] != "…" and shown[1][2] == "…"
    assert shown[2][2] != "…" and all(row[3] for row in shown)  # the whole overview only once all are in
    assert page.tiles["received"].value.text() == "2/3"
    whole = province_view.overview(province_db, "2026-H1", province_view.today()).as_json()
    assert page.view.as_json() == whole


def test_a_newer_read_replaces_the_one_still_queued(qtbot, province_db, jobs) -> None:
    from papi_desktop.ui.views.province_overview import PARTS

    page, _seen, original = _page(qtbot, province_db, jobs)
    province_db.reader = original
    parts: list[str] = []
    loaded: list[str] = []
    page.sig_part_shown.connect(parts.append)
    page.sig_loaded.connect(lambda: loaded.append(page.view.period.code))
    page.period.setCurrentIndex(page.period.findData("2025-Y"))
    page.reload()
    page.period.setCurrentIndex(page.period.findData("2026-H1"))
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        page.reload()
    qtbot.waitUntil(lambda: jobs.pending == 0, timeout=20000)
    assert loaded == ["2026-H1"] and parts == list(PARTS)  # nothing of the first read reached the page
    assert page.shown_period.code == "2026-H1" and page.refresh_button.isEnabled()
