"""The sync state on the other registers that travel to the province (issue 10 §5): the budget tables
(a "Đồng bộ:" line beside the amounts), the poverty review (a line), its households and objections,
the plan's indicators, a task's progress updates and their evidence, and the news items (a "Đồng bộ"
column). A demo commune that never sent anything shows "Chưa gửi"; after a real export, the
province's import and its receipt, the news items say "Tỉnh đã nhận" when the tab is shown again;
the province's lists do not show the state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QWidget
from sync_world import Commune, Province

from papi_desktop import paths
from papi_desktop.services import poverty, progress
from papi_desktop.ui.views.budget_tab import BudgetTab
from papi_desktop.ui.views.communication_tab import COL_SYNC as NEWS_SYNC
from papi_desktop.ui.views.communication_tab import CommunicationTab
from papi_desktop.ui.views.indicators_panel import COL_SYNC as INDICATOR_SYNC
from papi_desktop.ui.views.indicators_panel import IndicatorsPanel
from papi_desktop.ui.views.poverty_tab import OBJECTION_SYNC, PEOPLE_SYNC, PovertyTab
from papi_desktop.ui.views.task_detail import UPDATE_SYNC, TaskDetailPanel

DAY = date(2026, 6, 5)
NOT_SENT = "Chưa gửi tỉnh"  # then "(sửa lần cuối ngày …)"


def _column(model: QStandardItemModel, col: int) -> list[tuple[str, str]]:
    """Every row's sync cell (label, tooltip), children after their parent."""
    out = []
    for row in range(model.rowCount()):
        out.append((model.item(row, col).text(), model.item(row, col).toolTip()))
        parent = model.item(row, 0)
        out += [(parent.child(r, col).text(), parent.child(r, col).toolTip()) for r in range(parent.rowCount())]
    return out


def _not_sent(cells: list[tuple[str, str]]) -> bool:
    return bool(cells) and all(text == "Chưa gửi" and tip.startswith(NOT_SENT) for text, tip in cells)


def _shown(qtbot, widget: QWidget, signal) -> None:  # noqa: ANN001
    qtbot.addWidget(widget)
    with qtbot.waitSignal(signal, timeout=10000):
        widget.show()


def _year(qtbot, tab: BudgetTab | PovertyTab | CommunicationTab) -> None:
    """The demo's year (the tabs open on the real today's)."""
    if tab.year.currentData() != DAY.year:
        with qtbot.waitSignal(tab.sig_reloaded, timeout=10000):
            tab.year.setCurrentIndex(tab.year.findData(DAY.year))


@pytest.fixture
def demo(bare_db):  # noqa: ANN001, ANN201
    from papi_desktop.services import setup

    setup.create_demo(bare_db, today=DAY)
    return bare_db


def test_the_other_registers_show_not_sent_yet(qtbot, demo, runner, settle) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from papi_desktop.storage.models import Plan, ProgressUpdate

    with demo.reader() as s:
        plan_id = s.scalar(select(Plan.id))
        task_id = s.scalar(select(ProgressUpdate.task_id))
    review = poverty.review_of_year(demo, DAY.year)
    assert plan_id and task_id and review
    poverty.add_objection(demo, review.id, DAY, "Hộ ông Khoa có xe máy mới", "Lò Văn Hùng")
    progress.add_indicator(demo, plan_id, "Tỷ lệ hộ nghèo giảm", "%", "2")

    budget = BudgetTab(demo, runner)
    _shown(qtbot, budget, budget.sig_reloaded)
    _year(qtbot, budget)
    assert budget.tables.rowCount() > 0 and budget.sync_caption.text() == "Đồng bộ:"
    assert budget.sync_label.text() == "Chưa gửi" and budget.sync_label.toolTip().startswith(NOT_SENT)
    assert not budget.sync_label.isHidden()

    tab = PovertyTab(demo, runner)
    _shown(qtbot, tab, tab.sig_reloaded)
    _year(qtbot, tab)
    assert tab.people.headerData(PEOPLE_SYNC, Qt.Orientation.Horizontal) == "Đồng bộ"
    assert tab.objections.headerData(OBJECTION_SYNC, Qt.Orientation.Horizontal) == "Đồng bộ"
    assert _not_sent(_column(tab.people, PEOPLE_SYNC)) and _not_sent(_column(tab.objections, OBJECTION_SYNC))
    assert not tab.people_view.isColumnHidden(PEOPLE_SYNC)
    assert tab.sync_label.text() == "Chưa gửi" and not tab.sync_label.isHidden()  # the review itself

    panel = IndicatorsPanel(demo, runner)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.sig_shown, timeout=10000):
        panel.set_plan(plan_id, DAY.year)
    assert panel.model.headerData(INDICATOR_SYNC, Qt.Orientation.Horizontal) == "Đồng bộ"
    assert _not_sent(_column(panel.model, INDICATOR_SYNC)) and not panel.view.isColumnHidden(INDICATOR_SYNC)

    detail = TaskDetailPanel(demo, runner)
    qtbot.addWidget(detail)
    detail.show()
    with qtbot.waitSignal(detail.sig_shown, timeout=10000):
        detail.set_task(task_id)
    cells = _column(detail.updates, UPDATE_SYNC)
    assert len(cells) == 2 and _not_sent(cells)  # the demo's update and its evidence
    assert not detail.update_view.isColumnHidden(UPDATE_SYNC)

    news = CommunicationTab(demo, runner)
    _shown(qtbot, news, news.sig_reloaded)
    _year(qtbot, news)
    assert news.items.headerData(NEWS_SYNC, Qt.Orientation.Horizontal) == "Đồng bộ"
    assert _not_sent(_column(news.items, NEWS_SYNC)) and not news.item_view.isColumnHidden(NEWS_SYNC)
    settle(runner)


@pytest.fixture
def sent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune]]:
    root = tmp_path_factory.mktemp("record-more")
    prov = Province(root / "province")
    pc = Commune(root / "pc", prov)
    yield prov, pc
    for db in (prov.db, pc.db):
        db.dispose()
    paths.set_override(None)


def test_a_receipt_read_meanwhile_shows_when_the_tab_is_shown_again(qtbot, sent, runner, settle, tmp_path) -> None:  # noqa: ANN001
    prov, pc = sent
    paths.set_override(pc.dir)
    news = CommunicationTab(pc.db, runner)
    _shown(qtbot, news, news.sig_reloaded)
    _year(qtbot, news)
    assert _not_sent(_column(news.items, NEWS_SYNC))
    budget = BudgetTab(pc.db, runner)
    _shown(qtbot, budget, budget.sig_reloaded)
    _year(qtbot, budget)
    assert budget.sync_label.text() == "Chưa gửi"

    news.hide()  # on the Đồng bộ page: the bundle goes, the province's receipt comes back
    budget.hide()
    (got,) = prov.import_(*pc.export(tmp_path / "out").files)
    pc.receipt(got.receipt)
    paths.set_override(pc.dir)
    selected = news.item_view.currentIndex().row()
    news.show()
    budget.show()
    qtbot.waitUntil(lambda: {text for text, _tip in _column(news.items, NEWS_SYNC)} == {"Tỉnh đã nhận"},
                    timeout=10000)
    assert all(tip.startswith("Tỉnh đã nhận") for _text, tip in _column(news.items, NEWS_SYNC))
    assert news.items.item(0, NEWS_SYNC).foreground().color().name() == "#1b6e20"
    assert news.item_view.currentIndex().row() == selected  # updated in place, not read again
    qtbot.waitUntil(lambda: budget.sync_label.text() == "Tỉnh đã nhận", timeout=10000)
    settle(runner)

    paths.set_override(prov.dir)  # the province's lists: what it received, no state of its own
    on_province = CommunicationTab(prov.db, runner)
    _shown(qtbot, on_province, on_province.sig_reloaded)
    _year(qtbot, on_province)
    assert on_province.items.rowCount() > 0 and on_province.item_view.isColumnHidden(NEWS_SYNC)
    budget_there = BudgetTab(prov.db, runner)
    _shown(qtbot, budget_there, budget_there.sig_reloaded)
    _year(qtbot, budget_there)
    assert budget_there.tables.rowCount() > 0 and budget_there.sync_label.isHidden()
    settle(runner)
