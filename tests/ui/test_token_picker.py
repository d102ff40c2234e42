"""The Báo cáo page's token picker on a real SoftHSM2 token: "Tìm token" lists the token and its
signing certificate in the worker, the page says which signatures the export makes, a wrong PIN is
told and cleared, the right one signs as the chairman and then the commune's key signs as the
organisation (two signatures, checked by pdfsig and by the program's verify), or alone, said so
plainly; a missing module, no
token, a locked token, an expired certificate, a token that shows its certificates only after login
and a PIN-pad token (its flag played: SoftHSM has none) each say what is wrong."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import poppler  # noqa: E402
import softhsm  # noqa: E402

from papi_desktop.exports import token  # noqa: E402
from papi_desktop.services import keys, reports, setup, tokens  # noqa: E402
from papi_desktop.ui.views.reports_page import ReportsPage  # noqa: E402
from papi_desktop.ui.widgets.token_picker import TokenPicker  # noqa: E402

TODAY = date(2026, 6, 5)
PASS = "ba-con-meo-tren-doi-2026"


def _find(qtbot, picker: TokenPicker):  # noqa: ANN001, ANN202
    with qtbot.waitSignal(picker.sig_found, timeout=20000) as found:
        picker.find()
    return found.args[0]


def _page(qtbot, db, runner, tmp_path: Path) -> ReportsPage:  # noqa: ANN001
    page = ReportsPage(db, runner)
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("petitions"))
    page.period.setCurrentIndex(page.period.findData("2026-H1"))
    page.out_dir.setText(str(tmp_path / "out"))
    page.sign.setChecked(True)
    return page


def _pdfsig(tmp_path: Path, pdf: Path, *anchors: bytes) -> str:
    """pdfsig against an NSS database that trusts exactly these anchors."""
    nss = tmp_path / "nss"
    nss.mkdir(exist_ok=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, timeout=60)
    for n, pem in enumerate(anchors):
        (tmp_path / f"goc{n}.pem").write_bytes(pem)
        subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", f"goc{n}", "-t", "C,C,C", "-i",
                        tmp_path / f"goc{n}.pem"], check=True, timeout=60)
    return poppler.run("pdfsig", "-nssdir", f"sql:{nss}", pdf)


def test_pick_token_and_sign_twice(qtbot, bare_db, shown, runner, settle, tmp_path: Path,  # noqa: ANN001
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    chairman = softhsm.make_token(tmp_path / "hsm", monkeypatch)
    tokens.set_module_path(bare_db, Path(chairman.module))
    keys.trust(bare_db, chairman.ca_pem)
    page = _page(qtbot, bare_db, runner, tmp_path)
    picker = page.token_picker
    assert page.sign_plan.text().startswith("Chưa có khóa để ký")  # said before exporting: no key yet
    found = _find(qtbot, picker)
    assert found.module == Path(chairman.module) and [t.label for t in found.tokens] == [chairman.label]
    assert picker.token_combo.currentText() == f"{chairman.label} — SoftHSM project"
    assert picker.token_combo.itemText(picker.token_combo.count() - 1) == "Không ký bằng token"
    assert picker.cert_combo.count() == 1  # the CA's certificate on the token is not offered
    cert = found.tokens[0].signing_certificates[0]
    until = date.fromisoformat(cert.not_after).strftime("%d/%m/%Y")
    assert picker.cert_combo.currentText() == f"Lò Văn Minh — hạn {until}"
    assert picker.status.text() == (f"Khe {found.tokens[0].slot}. Chứng thư do CA thử nghiệm cho chữ ký số chuyên "
                                    f"dùng cấp, hiệu lực "
                                    f"{date.fromisoformat(cert.not_before).strftime('%d/%m/%Y')} – {until}. PIN "
                                    "nhập mỗi lần ký, không lưu.")
    assert not picker.pin.isHidden() and picker.pin_pad_note.isHidden() and picker.read_button.isHidden()
    assert page.sign_plan.text().startswith("Chỉ có một khóa (token của người ký)")
    page.passphrase.setText(PASS)
    assert page.sign_plan.text().startswith("Ký hai chữ ký theo Nghị định 30/2020")

    with qtbot.waitSignal(page.sig_exported, timeout=60000) as refused:  # no PIN: refused before anything
        page.start_export()
    assert refused.args[0] is None and shown[-1] == "Chưa nhập mã PIN của token." and reports.register(bare_db) == []
    picker.pin.setText("999999")
    with qtbot.waitSignal(page.sig_exported, timeout=60000) as failed:
        page.start_export()
    assert failed.args[0] is None and picker.pin.text() == ""
    assert shown[-1].startswith(f"Mã PIN của token “{chairman.label}” không đúng. Chưa ký văn bản nào.")
    assert reports.register(bare_db) == []  # the token is logged in before a number is taken

    picker.pin.setText(chairman.pin)
    page.passphrase.setText(PASS)
    with qtbot.waitSignal(page.sig_exported, timeout=90000) as done:
        page.start_export()
    result = done.args[0]
    assert result is not None and result.roles == ["person", "organisation"] and result.notes == []
    assert picker.pin.text() == "" and page.passphrase.text() == ""
    pdf = result.files[0]
    sig = _pdfsig(tmp_path, pdf, chairman.ca_pem, keys.anchor_pem())
    assert sig.count("Signature is Valid.") == 2 and sig.count("Certificate is Trusted.") == 2, sig
    assert "CN=Lò Văn Minh" in sig and "Total document signed" in sig
    check = reports.verify(pdf)
    assert check.ok, check.problems
    assert [s.signer["CN"] for s in check.signatures] == ["Lò Văn Minh", "UBND Xã Chiềng Sơn"]
    settle(runner)


def test_token_alone_says_the_organisation_is_missing(qtbot, bare_db, shown, runner, settle,  # noqa: ANN001
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No commune key: the token signs alone, and the page says plainly which signature is missing."""
    setup.create_demo(bare_db, today=TODAY)
    chairman = softhsm.make_token(tmp_path / "hsm", monkeypatch)
    tokens.set_module_path(bare_db, Path(chairman.module))
    keys.trust(bare_db, chairman.ca_pem)
    page = _page(qtbot, bare_db, runner, tmp_path)
    _find(qtbot, page.token_picker)
    page.token_picker.pin.setText(chairman.pin)
    assert page.sign_plan.text().startswith("Chỉ có một khóa (token của người ký)")
    with qtbot.waitSignal(page.sig_exported, timeout=60000) as done:
        page.start_export()
    result = done.args[0]
    assert result.signed and result.roles == ["person"] and page.token_picker.pin.text() == ""
    assert "Chỉ có khóa của người ký (token)" in page.result.text()
    with qtbot.waitSignal(page.sig_verified, timeout=20000) as verified:  # checked in the worker
        page.verify_file(result.files[0])
    assert verified.args[0].startswith("HỢP LỆ") and "Lò Văn Minh" in verified.args[0]
    settle(runner)


def test_missing_module_and_no_token(qtbot, db, runner, tmp_path: Path,  # noqa: ANN001
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    picker = TokenPicker(db, runner)
    qtbot.addWidget(picker)
    assert _find(qtbot, picker) is None
    assert picker.status.text().startswith("Chưa đặt đường dẫn module PKCS#11 của token (Cài đặt")
    assert picker.options() is None and picker.token_combo.currentText() == "(chưa tìm token)"
    not_a_module = tmp_path / "vendor.dll"
    not_a_module.write_bytes(b"MZ not a library")
    tokens.set_module_path(db, not_a_module)
    assert _find(qtbot, picker) is None
    assert picker.status.text().startswith("Không nạp được module PKCS#11")
    empty = tmp_path / "empty"
    (empty / "tokens").mkdir(parents=True)
    (empty / "softhsm2.conf").write_text(f"directories.tokendir = {empty / 'tokens'}\nobjectstore.backend = file\n"
                                         "log.level = ERROR\n", encoding="utf-8")
    monkeypatch.setenv("SOFTHSM2_CONF", str(empty / "softhsm2.conf"))
    tokens.set_module_path(db, Path(softhsm.module()))
    found = _find(qtbot, picker)
    assert found is not None and found.tokens == []  # SoftHSM's free slot holds no initialised token
    assert picker.status.text().startswith("Không thấy token nào qua module libsofthsm2.so. Cắm token vào máy")
    assert picker.options() is None


def test_locked_token_and_expired_certificate(qtbot, db, runner, tmp_path: Path,  # noqa: ANN001
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    old = softhsm.make_token(tmp_path / "old", monkeypatch, label="TOKEN-CU", days=-1)
    tokens.set_module_path(db, Path(old.module))
    picker = TokenPicker(db, runner)
    qtbot.addWidget(picker)
    _find(qtbot, picker)
    assert picker.cert_combo.currentText().endswith(" — ĐÃ HẾT HẠN")
    assert "đã hết hạn ngày" in picker.status.text() and "Chưa ký văn bản nào" in picker.status.text()
    picker.pin.setText(old.pin)
    with pytest.raises(Exception, match="đã hết hạn ngày"):
        picker.options()
    monkeypatch.setattr(token, "_flags", lambda _t: (True, False))  # SoftHSM never locks: the flag is played
    _find(qtbot, picker)
    assert picker.token_combo.currentText().endswith(" — ĐÃ KHÓA") and picker.read_button.isHidden()
    assert picker.status.text().startswith("Token “TOKEN-CU” đã bị khóa vì nhập sai mã PIN quá số lần cho phép")
    with pytest.raises(Exception, match="đã bị khóa"):
        picker.options()


def test_certificates_shown_only_after_login(qtbot, db, runner, tmp_path: Path,  # noqa: ANN001
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    chairman = softhsm.make_token(tmp_path / "hsm", monkeypatch)
    tokens.set_module_path(db, Path(chairman.module))
    monkeypatch.setattr(token, "_public_certificates", lambda _t: [])  # such a token lists nothing before login
    picker = TokenPicker(db, runner)
    qtbot.addWidget(picker)
    _find(qtbot, picker)
    assert not picker.read_button.isHidden() and picker.cert_combo.count() == 0
    assert picker.status.text().startswith("Token này chỉ cho xem chứng thư sau khi nhập PIN")
    picker.pin.setText("000000")
    with qtbot.waitSignal(picker.sig_certificates, timeout=20000):
        picker.read_certificates()
    assert picker.status.text().startswith(f"Mã PIN của token “{chairman.label}” không đúng") and not picker.pin.text()
    picker.pin.setText(chairman.pin)
    with qtbot.waitSignal(picker.sig_certificates, timeout=20000):
        picker.read_certificates()
    assert picker.read_button.isHidden() and picker.cert_combo.count() == 1
    assert picker.selected_certificate().has_key and picker.pin.text() == chairman.pin  # kept for the export only
    options = picker.options()
    assert options.cert_label == "chu-tich" and options.cert_id == b"\x01" and chairman.pin not in repr(options)


def test_pin_pad_token_asks_no_pin(qtbot, db, runner, tmp_path: Path,  # noqa: ANN001
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The PIN-pad flag is played on the real token's listing (SoftHSM has no PIN pad): the page asks
    for no PIN and the options carry none, so the login goes through the device."""
    chairman = softhsm.make_token(tmp_path / "hsm", monkeypatch)
    tokens.set_module_path(db, Path(chairman.module))
    monkeypatch.setattr(token, "uses_pin_pad", lambda _flags: True)
    picker = TokenPicker(db, runner)
    qtbot.addWidget(picker)
    _find(qtbot, picker)
    assert picker.pin.isHidden() and not picker.pin_pad_note.isHidden()
    assert picker.pin_pad_note.text() == "Nhập PIN trên thiết bị token"
    assert "Nhập PIN trên thiết bị token khi ký." in picker.status.text()
    options = picker.options()
    assert options.pin is None and options.token_label == chairman.label and picker.uses_pin_pad()
