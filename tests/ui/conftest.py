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
