"""The window fits a 1280×720 screen on every page, in both languages, with nothing cut off: maximised
there (1280×650 after the title and task bars), no page asks for more room than the window has, every button, field and chooser outside a scroll area is
wholly inside the window and not narrowed below its text, none overlaps another, and number columns
show their widest cell in full."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabBar,
    QTableView,
    QTabWidget,
    QWidget,
)

from papi_desktop import i18n, paths
from papi_desktop.services import setup
from papi_desktop.ui.main_window import NAVIGATION, MainWindow
from papi_desktop.ui.widgets.flow import FlowLayout
from papi_desktop.ui.widgets.tables import widest_cell

TODAY = date(2026, 11, 22)
SCREEN = QSize(1280, 720)
# What a maximised window gets of that screen: less a title bar (30 px) and a task bar (40 px).
CLIENT = QSize(1280, 650)
CONTROLS = (QAbstractButton, QComboBox, QLineEdit)


def _open(qtbot, qapp, lang: str, db) -> MainWindow:  # noqa: ANN001
    i18n.install(qapp, lang)
    qapp.setProperty("papi_lang", lang)
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.resize(CLIENT)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(params=["vi", "en"])
def window(request, qtbot, qapp, bare_db):  # noqa: ANN001, ANN201
    setup.create_demo(bare_db, today=TODAY)
    return _open(qtbot, qapp, request.param, bare_db)


@pytest.fixture(params=["vi", "en"])
def province_window(request, qtbot, qapp, data_dir):  # noqa: ANN001, ANN201
    """The province's installation (its own pages: the Đồng bộ page's seven buttons), one commune enrolled."""
    from sync_world import Province

    prov = Province(data_dir)
    prov.mint("03985", "may-xa-1")
    paths.set_override(data_dir)  # Province resolves its folder per call and lets go after
    yield _open(qtbot, qapp, request.param, prov.db)
    prov.db.dispose()


def _settle(qtbot) -> None:  # noqa: ANN001
    # What the pages read in the database worker is shown first: their sizes and cells follow it.
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            qtbot.waitUntil(lambda w=w: w.runner.pending == 0, timeout=10000)
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


def _views(page: QWidget, qtbot):  # noqa: ANN001, ANN202
    """The page, then each tab of each tab widget on it, nested ones too, made current in turn."""
    yield "page"
    yield from _tabs_of(page, qtbot, set(), "")


def _tabs_of(root: QWidget, qtbot, seen: set[int], prefix: str):  # noqa: ANN001, ANN202
    for tabs in ([root] if isinstance(root, QTabWidget) else []) + root.findChildren(QTabWidget):
        if id(tabs) in seen or not tabs.isVisible():
            continue
        seen.add(id(tabs))
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            _settle(qtbot)
            yield prefix + tabs.tabText(i)
            yield from _tabs_of(tabs.widget(i), qtbot, seen, f"{prefix}{tabs.tabText(i)} / ")
        tabs.setCurrentIndex(0)
        _settle(qtbot)


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _clipped_by(widget: QWidget, top: QWidget) -> QWidget | None:
    """The first ancestor (up to top) that does not wholly contain widget, or None."""
    parent = widget.parentWidget()
    while parent is not None:
        rect = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
        if not parent.rect().contains(rect):
            return parent
        if parent is top:
            return None
        parent = parent.parentWidget()
    return None


def _problems(win: MainWindow, page: QWidget) -> list[str]:
    found = []
    hint, room = win.minimumSizeHint(), CLIENT
    if hint.width() > room.width() or hint.height() > room.height():
        found.append(f"the window asks for {hint.width()}×{hint.height()}")
    page_hint, page_room = page.minimumSizeHint(), win.pages.size()
    if page_hint.width() > page_room.width() or page_hint.height() > page_room.height():
        found.append(f"the page asks for {page_hint.width()}×{page_hint.height()} in {page_room.width()}×"
                     f"{page_room.height()}")
    for area in page.findChildren(QScrollArea):  # scrolling down is fine; sideways means cut off
        inner = area.widget()
        if area.isVisible() and inner is not None and inner.minimumSizeHint().width() > area.viewport().width():
            found.append(f"{type(inner).__name__} needs {inner.minimumSizeHint().width()} px in a "
                         f"{area.viewport().width()} px scroll area")
    shown = [w for w in page.findChildren(QWidget) if isinstance(w, CONTROLS) and w.isVisible()
             and w.window() is win and not _in_scroll_area(w, page)
             and not isinstance(w.parentWidget(), (QComboBox, QLineEdit, QTabBar))]  # their own parts
    for w in shown:
        name = w.text() if isinstance(w, QAbstractButton) else w.objectName() or type(w).__name__
        clipper = _clipped_by(w, win)
        if clipper is not None:
            found.append(f"{name!r} is cut off by {type(clipper).__name__}")
        if isinstance(w, QPushButton) and w.width() < w.minimumSizeHint().width():
            found.append(f"{name!r} is {w.width()} px wide, its text needs {w.minimumSizeHint().width()}")
        if isinstance(w, QLineEdit) and not w.text() and w.placeholderText():
            needed = w.fontMetrics().horizontalAdvance(w.placeholderText()) + 12
            if w.width() < needed:
                found.append(f"the hint {w.placeholderText()!r} is cut ({w.width()} px for {needed})")
    boxes = [(w, QRect(w.mapTo(win, QPoint(0, 0)), w.size())) for w in shown]
    for i, (a, ra) in enumerate(boxes):
        for b, rb in boxes[i + 1:]:
            if ra.intersects(rb) and not a.isAncestorOf(b) and not b.isAncestorOf(a):
                found.append(f"{type(a).__name__} and {type(b).__name__} overlap at {ra.intersected(rb)}")
    return found


def _every_page_fits(qtbot, window: MainWindow, leave_out: tuple[str, ...] = ()) -> None:  # noqa: ANN001
    problems = []
    for row, (key, _label) in enumerate(NAVIGATION):
        if key in leave_out:
            continue
        window.nav.setCurrentRow(row)
        page = window.page(key)
        _settle(qtbot)
        for view in _views(page, qtbot):
            problems += [f"{key} / {view}: {p}" for p in _problems(window, page)]
    assert not problems, "\n".join(problems)
    assert window.size() == CLIENT  # the window was never pushed wider or taller than the screen


def test_every_page_fits_1280x720(qtbot, window) -> None:  # noqa: ANN001
    _every_page_fits(qtbot, window)


def test_every_page_of_the_province_fits_1280x720(qtbot, province_window) -> None:  # noqa: ANN001
    from papi_desktop.ui.views.sync_province import ProvinceSync

    _every_page_fits(qtbot, province_window)
    assert isinstance(province_window.page("sync").view, ProvinceSync)  # the province's page was the one looked at


def _text_margin(view: QTableView) -> int:
    """What a cell's delegate keeps on each side of its text."""
    return view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1


def _assert_numbers_whole(view: QTableView, columns: range | tuple[int, ...]) -> None:
    assert view.model().rowCount() > 0
    for col in columns:
        needed = widest_cell(view, col) + 2 * _text_margin(view)
        header = str(view.model().headerData(col, Qt.Orientation.Horizontal) or "")
        assert view.columnWidth(col) >= needed, f"{header}: {view.columnWidth(col)} px for {needed} px of text"
        right = view.columnViewportPosition(col) + view.columnWidth(col)
        assert 0 <= view.columnViewportPosition(col) and right <= view.viewport().width(), \
            f"{header} is off the view ({right} px > {view.viewport().width()} px)"


def test_budget_amounts_are_never_cut(qtbot, window) -> None:  # noqa: ANN001
    window.nav.setCurrentRow([k for k, _ in NAVIGATION].index("postings"))
    postings = window.page("postings")
    postings.setCurrentWidget(postings.budget)
    _settle(qtbot)
    budget = postings.budget
    budget.year.setCurrentIndex(budget.year.findData(TODAY.year))
    budget.table_view.setCurrentIndex(budget.tables.index(0, 0))
    _settle(qtbot)
    lines = budget.line_view
    amounts = range(2, lines.model().columnCount())
    assert amounts, "the demo's budget table has amount columns"
    assert any(lines.model().index(r, 2).data().startswith("5.000.000.000") for r in range(lines.model().rowCount()))
    _assert_numbers_whole(lines, amounts)


def test_home_state_and_poverty_numbers_are_whole(qtbot, window) -> None:  # noqa: ANN001
    home = window.page("home")
    _settle(qtbot)
    _assert_numbers_whole(home.view, (0, 3))  # the due date and "Quá hạn 258 ngày"
    window.nav.setCurrentRow([k for k, _ in NAVIGATION].index("postings"))
    postings = window.page("postings")
    postings.setCurrentWidget(postings.poverty)
    _settle(qtbot)
    _assert_numbers_whole(postings.poverty.people_view, (0, 5))


def test_flow_layout_wraps_instead_of_widening(qtbot) -> None:  # noqa: ANN001
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    buttons = [QPushButton(f"Nút số {i} có chữ khá dài") for i in range(6)]
    for b in buttons:
        flow.addWidget(b)
    one_line = flow.sizeHint()
    widest = max(b.sizeHint().width() for b in buttons)
    assert flow.minimumSize().width() == widest
    host.resize(widest + 20, flow.heightForWidth(widest + 20))
    host.show()
    qtbot.waitExposed(host)
    rects = [b.geometry() for b in buttons]
    assert len({r.y() for r in rects}) == len(buttons)  # one a line
    assert all(host.rect().contains(r) for r in rects)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    host.resize(one_line.width(), one_line.height())
    qtbot.wait(10)
    assert len({b.geometry().y() for b in buttons}) == 1


def test_dialogs_open_within_the_screen(qtbot, db, runner) -> None:  # noqa: ANN001
    """The forms never open taller than the screen's free area (the posting form asked for 760 px), and
    none needs more than 1280×720 at its smallest."""
    from papi_desktop.services import postings
    from papi_desktop.ui.views.budget_entry import BudgetEntryDialog
    from papi_desktop.ui.views.dialogues_page import DialogueDialog
    from papi_desktop.ui.views.posting_dialog import PostingDialog
    from papi_desktop.ui.views.reception_form import ReceptionDialog

    free = QApplication.primaryScreen().availableGeometry()
    for dialog in (PostingDialog(postings.villages(db), lambda _inp: None, None, TODAY), ReceptionDialog(db, runner),
                   DialogueDialog(today=TODAY), BudgetEntryDialog(TODAY.year, lambda *_a, **_k: "")):
        qtbot.addWidget(dialog)
        name = type(dialog).__name__
        assert dialog.width() <= free.width() and dialog.height() <= free.height() - 30, \
            f"{name} opens at {dialog.width()}×{dialog.height()} on a {free.width()}×{free.height()} screen"
        hint = dialog.minimumSizeHint()
        assert hint.width() <= SCREEN.width() and hint.height() <= SCREEN.height() - 60, f"{name} needs {hint}"
