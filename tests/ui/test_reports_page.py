"""The Báo cáo page offscreen: preview, edited narrative, signed export in the worker, verification;
the signing key created in Cài đặt."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from papi_desktop.services import keys, reports, setup
from papi_desktop.ui.views.reports_page import ReportsPage
from papi_desktop.ui.widgets.keys_box import KeysBox
from papi_desktop.ui.workers import JobRunner

TODAY = date(2026, 6, 5)




def test_key_created_in_settings(qtbot, db, shown) -> None:  # noqa: ANN001
    box = KeysBox(db)
    qtbot.addWidget(box)
    assert "Chưa có khóa" in box.state.text() and not box.export_button.isEnabled()
    dialog = box.create()
    qtbot.addWidget(dialog)
    dialog.widgets["passphrase"].setText("mat-khau-xa-2026")
    dialog.widgets["again"].setText("mat-khau-khac")
    dialog.accept()
    assert "không giống nhau" in shown[-1] and keys.certificate() is None and dialog.isVisible()
    dialog.widgets["again"].setText("mat-khau-xa-2026")
    dialog.accept()
    assert keys.certificate() is not None and "03985" in box.state.text() and box.export_button.isEnabled()


def test_preview_edit_export_signed_and_verify(qtbot, bare_db, shown, tmp_path: Path) -> None:  # noqa: ANN001
    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, "mat-khau-xa-2026")
    runner = JobRunner()
    page = ReportsPage(bare_db, runner)
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    page.show()
    page.kind.setCurrentIndex(page.kind.findData("papi-6m"))
    page.period.setCurrentIndex(page.period.findData("2026-H1"))
    page.show_preview()
    assert "Nội dung “Tham gia của người dân ở cấp cơ sở”" in page.preview.toPlainText()
    page.sections["dim4"].setPlainText("Tổ chức kiểm tra việc kê khai tài sản, thu nhập của cán bộ xã.")
    qtbot.waitUntil(lambda: "kê khai tài sản, thu nhập" in page.preview.toPlainText(), timeout=3000)
    page.out_dir.setText(str(tmp_path / "out"))
    page.sign.setChecked(True)
    page.passphrase.setText("sai-mat-khau")
    with qtbot.waitSignal(page.sig_exported, timeout=30000) as failed:
        page.start_export()
    assert failed.args[0] is None and "Mật khẩu của tệp khóa không đúng" in shown[-1]
    page.passphrase.setText("mat-khau-xa-2026")
    with qtbot.waitSignal(page.sig_exported, timeout=30000) as done:
        page.start_export()
    result = done.args[0]
    assert result.signed and result.number_ref == "01/BC-UBND" and page.passphrase.text() == ""
    assert page.register.item(0, 0).text() == "01/BC-UBND" and "đã ký số" in page.register.item(0, 2).text()
    import poppler

    assert "kê khai tài sản, thu nhập của cán bộ xã" in " ".join(poppler.text(result.files[0]).split())
    text = page.verify_file(result.files[0])
    assert text.startswith("HỢP LỆ") and "UBND Xã Chiềng Sơn" in text
    assert page.verify_file(result.files[1]).startswith("HỢP LỆ")
    runner.shutdown()
    assert reports.next_number(bare_db, 2026) == 2
