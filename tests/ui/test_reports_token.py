"""The Báo cáo page signs with the chairman's token (SoftHSM2): the module path from Cài đặt, the
token's label and the PIN typed on the page, cleared after use; a wrong PIN is told plainly; with
the token alone the page says the organisation's signature is missing."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import softhsm  # noqa: E402

from papi_desktop.services import keys, setup, tokens  # noqa: E402
from papi_desktop.ui.views.reports_page import ReportsPage  # noqa: E402
from papi_desktop.ui.workers import JobRunner  # noqa: E402

TODAY = date(2026, 6, 5)


def test_token_signing_from_the_page(qtbot, bare_db, shown, tmp_path: Path,  # noqa: ANN001
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    setup.create_demo(bare_db, today=TODAY)
    chairman = softhsm.make_token(tmp_path / "hsm", monkeypatch)
    tokens.set_module_path(bare_db, Path(chairman.module))
    keys.trust(chairman.ca_pem)
    runner = JobRunner()
    page = ReportsPage(bare_db, runner)
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("petitions"))
    page.period.setCurrentIndex(page.period.findData("2026-H1"))
    page.out_dir.setText(str(tmp_path / "out"))
    page.sign.setChecked(True)
    page.token_label.setText(chairman.label)
    page.pin.setText("999999")
    with qtbot.waitSignal(page.sig_exported, timeout=60000) as failed:
        page.start_export()
    assert failed.args[0] is None and "Mã PIN của token" in shown[-1] and page.pin.text() == ""
    page.pin.setText(chairman.pin)
    with qtbot.waitSignal(page.sig_exported, timeout=60000) as done:
        page.start_export()
    result = done.args[0]
    assert result.signed and result.roles == ["person"] and page.pin.text() == ""
    assert "Chỉ có khóa của người ký (token)" in page.result.text()
    with qtbot.waitSignal(page.sig_verified, timeout=20000) as verified:  # checked in the worker
        page.verify_file(result.files[0])
    text = verified.args[0]
    assert text.startswith("HỢP LỆ") and "Lò Văn Minh" in text
    runner.shutdown()
