"""Every GUI test runs in Vietnamese (the default language); message boxes record their text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from papi_desktop import i18n


@pytest.fixture(autouse=True)
def vietnamese(qapp: QApplication):
    i18n.install(qapp, "vi")
    qapp.setProperty("papi_lang", "vi")
    yield
    i18n.install(qapp, "vi")
    qapp.setProperty("papi_lang", "vi")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes record their text instead of blocking."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: texts.append(self.text()) or 0)
    return texts


@pytest.fixture
def runner():
    """The one database worker, as the main window holds it."""
    from papi_desktop.ui.workers import JobRunner

    jobs = JobRunner()
    yield jobs
    jobs.shutdown()


@pytest.fixture
def settle(qtbot):  # noqa: ANN001, ANN201
    """settle(runner): run the event loop until the database worker has nothing left and every result
    was delivered on the GUI thread (a delivered result may ask for more; those are waited for too)."""

    def wait(jobs, timeout: int = 10000) -> None:  # noqa: ANN001
        qtbot.waitUntil(lambda: jobs.pending == 0, timeout=timeout)

    return wait
