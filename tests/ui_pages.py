"""Pages opened offscreen the way several UI tests want them."""

from __future__ import annotations

from datetime import date


def open_postings_page(qtbot, db, runner, settle, today: date):  # noqa: ANN001, ANN201
    """The Công khai page, shown, its tabs' today fixed, once the worker has filled it."""
    from papi_desktop.ui.views.postings_page import PostingsPage  # noqa: PLC0415

    page = PostingsPage(db, runner)
    for tab in (page.register, page.budget, page.poverty, page.communication, page.dashboard):
        tab.today = lambda: today
    qtbot.addWidget(page)
    page.show()
    settle(runner)
    return page
