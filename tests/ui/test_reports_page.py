"""The Báo cáo page offscreen: preview, edited narrative, signed export in the worker, verification
(every signature listed); the signing key created in Cài đặt, weak passphrases refused, certificates
trusted only after their fingerprint was shown and the user said yes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from papi_desktop import paths
from papi_desktop.exports import signing
from papi_desktop.exports.document import SignatureSpot
from papi_desktop.services import keys, reports, setup
from papi_desktop.ui.views.reports_page import ReportsPage
from papi_desktop.ui.widgets.keys_box import KeysBox
from papi_desktop.ui.workers import JobRunner

TODAY = date(2026, 6, 5)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[bool]]:
    """Message boxes record their text; a question is answered with the next queued answer (yes/no)."""
    texts: list[str] = []
    queue: list[bool] = []

    def exec_(box: QMessageBox) -> int:
        texts.append(box.text())
        wanted = QMessageBox.ButtonRole.YesRole if queue and queue.pop(0) else QMessageBox.ButtonRole.NoRole
        for button in box.buttons():
            if box.buttonRole(button) == wanted:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return texts, queue


def _stored() -> list[Path]:
    return sorted(paths.trust_dir().glob("*.pem")) if paths.trust_dir().is_dir() else []


def test_trusting_a_certificate_asks_with_its_fingerprint(qtbot, db, answers, tmp_path: Path) -> None:  # noqa: ANN001
    texts, queue = answers
    box = KeysBox(db)
    qtbot.addWidget(box)
    other = signing.create_self_signed("04000", "Xã Mường Bú")
    pem = tmp_path / "xa_khac.pem"
    pem.write_bytes(signing.pem(other.chain[0]))
    info = keys.inspect_certificate(pem.read_bytes())
    queue.append(False)
    assert box.trust_file(pem) is False and _stored() == []
    assert "Tin cậy chứng thư này?" in texts[-1] and f"Dấu vân tay SHA-256: {info.fingerprint}" in texts[-1]
    assert "Tên: Chứng thư gốc UBND Xã Mường Bú\nTổ chức: UBND Xã Mường Bú\nMã đơn vị: 04000\n" in texts[-1]
    assert "CN=" not in texts[-1] and info.not_after not in texts[-1]  # labelled lines, dd/mm/yyyy dates
    queue.append(True)
    assert box.trust_file(pem) is True and [p.read_bytes() for p in _stored()] == [signing.pem(other.chain[0])]
    assert texts[-1] == "Đã thêm vào danh sách tin cậy."


def test_a_p12_is_used_only_after_its_ca_is_confirmed(qtbot, db, answers, tmp_path: Path) -> None:  # noqa: ANN001
    texts, queue = answers
    issued = signing.create_self_signed("03985", "Xã Chiềng Sơn")
    p12 = tmp_path / "ca.p12"
    signing.save_p12(p12, issued, "ca-passphrase")
    root = keys.inspect_certificate(signing.pem(issued.chain[0]))
    box = KeysBox(db)
    qtbot.addWidget(box)
    dialog = box.import_p12(p12)
    qtbot.addWidget(dialog)
    dialog.widgets["passphrase"].setText("ca-passphrase")
    queue.append(False)
    dialog.accept()
    assert root.fingerprint in texts[-2] and "Các chứng thư sau sẽ được tin cậy" in texts[-2]
    assert "Chưa tin cậy chứng thư nào" in texts[-1] and keys.certificate() is None and keys.trusted() == []
    queue.append(True)
    dialog.accept()
    assert keys.certificate() is not None and not dialog.isVisible()
    assert signing.pem(issued.chain[0]) in keys.trusted()


def test_weak_passphrase_refused_in_settings(qtbot, db, shown) -> None:  # noqa: ANN001
    box = KeysBox(db)
    qtbot.addWidget(box)
    dialog = box.create()
    qtbot.addWidget(dialog)
    for field in ("passphrase", "again"):
        dialog.widgets[field].setText("matkhau123")
    dialog.accept()
    assert "quá dễ đoán" in shown[-1] and keys.certificate() is None and dialog.isVisible()


def _verify(qtbot, page: ReportsPage, path: Path) -> str:  # noqa: ANN001
    with qtbot.waitSignal(page.sig_verified, timeout=20000) as verified:
        page.verify_file(path)
    return verified.args[0]


def _preview(qtbot, page: ReportsPage) -> None:  # noqa: ANN001
    with qtbot.waitSignal(page.sig_previewed, timeout=20000):
        page.show_preview()


def test_verify_lists_every_signature(qtbot, db, shown, tmp_path: Path) -> None:  # noqa: ANN001
    from reportlab.pdfgen import canvas

    keys.create_self_signed(db, "mat-khau-xa-2026")
    plain = tmp_path / "van_ban.pdf"
    pdf = canvas.Canvas(str(plain))
    pdf.drawString(100, 750, "So: 01/BC-UBND")
    pdf.save()
    signed, forged = tmp_path / "da_ky.pdf", tmp_path / "gia.pdf"
    signing.sign_pdf(plain, signed, keys.load("mat-khau-xa-2026"), None, paths.cache_dir())
    lookalike = signing.create_self_signed("03985", "Xã Chiềng Sơn")
    signing.sign_pdf(signed, forged, lookalike, SignatureSpot(0, (90, 740, 300, 770)), paths.cache_dir(),
                     doc_ref="Số: 99/BC-UBND", field_name="ChuKySo_2")
    page = ReportsPage(db, JobRunner())
    qtbot.addWidget(page)
    assert _verify(qtbot, page, signed).startswith("HỢP LỆ")
    text = _verify(qtbot, page, forged)
    assert text.startswith("KHÔNG HỢP LỆ") and shown[-1] == text
    assert "Chữ ký 1: UBND Xã Chiềng Sơn, mã 03985 (hợp lệ, tin cậy;" in text
    assert "Chữ ký 2: UBND Xã Chiềng Sơn, mã 03985 (KHÔNG tin cậy;" in text and "; trang 1; SHA-256 " in text
    assert "tệp được thêm chữ ký thứ 2 của UBND Xã Chiềng Sơn" in text
    page.runner.shutdown()


def test_key_created_in_settings(qtbot, db, shown, runner, settle) -> None:  # noqa: ANN001
    box = KeysBox(db, runner)
    qtbot.addWidget(box)
    settle(runner)  # the key's file is read in the worker
    assert "Chưa có khóa" in box.state.text() and not box.export_button.isEnabled()
    dialog = box.create()
    qtbot.addWidget(dialog)
    dialog.widgets["passphrase"].setText("mat-khau-xa-2026")
    dialog.widgets["again"].setText("mat-khau-khac")
    dialog.accept()
    settle(runner)
    assert "không giống nhau" in shown[-1] and keys.certificate() is None and dialog.isVisible()
    dialog.widgets["again"].setText("mat-khau-xa-2026")
    dialog.accept()
    settle(runner, timeout=30000)  # the key is made in the worker
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
    _preview(qtbot, page)
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
    qtbot.waitUntil(lambda: page.register.rowCount() == 1, timeout=5000)  # read again in the worker
    assert page.register.item(0, 0).text() == "01/BC-UBND" and "đã ký số" in page.register.item(0, 2).text()
    # the issued document's sync state, as every register shows it (not sent to the province yet)
    assert page.register.headerData(4, Qt.Orientation.Horizontal) == "Đồng bộ"
    assert page.register.item(0, 4).text() == "Chưa gửi" and not page.register_view.isColumnHidden(4)
    assert page.register.item(0, 4).toolTip().startswith("Chưa gửi tỉnh (sửa lần cuối ngày ")
    import poppler

    assert "kê khai tài sản, thu nhập của cán bộ xã" in " ".join(poppler.text(result.files[0]).split())
    text = _verify(qtbot, page, result.files[0])
    assert text.startswith("HỢP LỆ") and "UBND Xã Chiềng Sơn" in text
    assert _verify(qtbot, page, result.files[1]).startswith("HỢP LỆ")
    runner.shutdown()
    assert reports.next_number(bare_db, 2026) == 2


def _page(qtbot, db) -> ReportsPage:  # noqa: ANN001
    page = ReportsPage(db, JobRunner())
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("papi-6m"))
    page.period.setCurrentIndex(page.period.findData("2026-H1"))
    return page


def test_the_narrative_follows_the_period_and_the_records(qtbot, bare_db, answers) -> None:  # noqa: ANN001
    """Issue 11 §1: an unedited narrative follows the period and progress added after a preview; an edited
    one is replaced only when the user agrees, and an edited narrative of another period is never shown
    under this period's title."""
    from papi_desktop.services import plan, progress

    texts, queue = answers
    setup.create_demo(bare_db, today=TODAY)
    page = _page(qtbot, bare_db)
    _preview(qtbot, page)
    assert "6 tháng đầu năm 2026" in page.sections["intro"].toPlainText()
    page.period.setCurrentIndex(page.period.findData("2025-H1"))
    _preview(qtbot, page)
    shown = page.preview.toPlainText()
    assert "6 tháng đầu năm 2025" in page.sections["intro"].toPlainText() and "2026" not in shown.split("BÁO CÁO")[1]
    page.period.setCurrentIndex(page.period.findData("2026-H1"))
    _preview(qtbot, page)
    info = plan.current_plan(bare_db, 2026)
    task = plan.list_tasks(bare_db, plan.TaskFilter(plan_id=info.id), TODAY)[0]
    progress.add_update(bare_db, task.id, "2026-H1", "Đã họp dân ở 12 bản về kế hoạch mới.")
    _preview(qtbot, page)  # unedited: the new progress comes in without a question
    assert "họp dân ở 12 bản" in page.preview.toPlainText() and texts == []
    page.sections["limits"].setPlainText("Hạn chế do người dùng viết.")
    progress.add_update(bare_db, task.id, "2026-H1", "Đã niêm yết kế hoạch tại 12 nhà văn hóa.")
    queue.append(False)  # keep the edit
    _preview(qtbot, page)
    assert len(texts) == 1 and "Hạn chế do người dùng viết." in page.preview.toPlainText()
    _preview(qtbot, page)  # nothing new: not asked again
    assert len(texts) == 1
    page.period.setCurrentIndex(page.period.findData("2025-H1"))
    queue.append(False)  # the edited 2026 narrative is kept: nothing is shown under the 2025 title
    before = page.preview.toPlainText()
    page.show_preview()
    qtbot.waitUntil(lambda: page.runner.pending == 0, timeout=20000)
    assert page.preview.toPlainText() == before and "không phải cho 6 tháng đầu năm 2025" in texts[-1]
    request = page.request()
    with pytest.raises(Exception, match="lập lại nội dung"):
        reports.build(bare_db, request, TODAY)
    queue.append(True)  # agreed: prefilled again for 2025
    _preview(qtbot, page)
    assert "6 tháng đầu năm 2025" in page.sections["intro"].toPlainText()
    assert "Hạn chế do người dùng viết." not in page.preview.toPlainText()
    page.runner.shutdown()


def test_the_issue_date_is_checked_before_exporting(qtbot, bare_db, shown, tmp_path: Path) -> None:  # noqa: ANN001
    """Issue 11 §1: the page refuses an issue date before the period's end at once, with nothing numbered."""
    setup.create_demo(bare_db, today=TODAY)
    page = _page(qtbot, bare_db)
    page.out_dir.setText(str(tmp_path / "out"))
    page.issued.setText("30/05/2026")
    page.start_export()
    qtbot.waitUntil(lambda: page.runner.pending == 0, timeout=10000)  # checked in the worker
    assert "trước ngày kết thúc kỳ báo cáo (31/05/2026)" in shown[-1] and page.export_button.isEnabled()
    assert reports.next_number(bare_db, 2026) == 1 and not (tmp_path / "out").exists()
    page.runner.shutdown()


def test_no_key_yet_is_said_before_and_at_export(qtbot, bare_db, shown, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Issue 11 §4: with signing on, no token and no passphrase, the page says there is no key yet (not
    that the commune's key alone will sign), and the export says the passphrase is missing, not wrong."""
    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, "mat-khau-xa-2026")
    page = _page(qtbot, bare_db)
    page.out_dir.setText(str(tmp_path / "out"))
    page.issued.setText("05/06/2026")
    page.sign.setChecked(True)
    page.passphrase.setText("x")
    page.passphrase.clear()
    assert page.sign_plan.text().startswith("Chưa có khóa để ký")
    page.passphrase.setText("mat-khau-xa-2026")
    assert page.sign_plan.text().startswith("Chỉ có một khóa (khóa của xã)")
    page.passphrase.clear()
    page.start_export()
    qtbot.waitUntil(lambda: page.runner.pending == 0 and bool(shown), timeout=20000)
    assert "Chưa nhập mật khẩu khóa ký của xã" in shown[-1] and "không đúng" not in shown[-1]
    assert reports.next_number(bare_db, 2026) == 1 and not list((tmp_path / "out").glob("*.pdf"))
    # The verify dialog opens in the reports' folder, not wherever the program was started from.
    asked: list[str] = []
    monkeypatch.setattr("papi_desktop.ui.views.reports_page.QFileDialog.getOpenFileName",
                        lambda _parent, _title, folder, _filter: (asked.append(folder), ("", ""))[1])
    page.verify_file()
    assert asked == [str(tmp_path / "out")]
    page.out_dir.clear()
    page.verify_file()
    assert asked[-1] == str(paths.exports_dir())
    page.runner.shutdown()
