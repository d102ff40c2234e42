"""Cài đặt's trust anchors: the commune's own root listed first (not removable there), anchors the
province's update offered accepted or declined only after the whole fingerprint was shown, an added
one removed, and a CA certificate imported from a PEM or DER file; a non-CA, a malformed, an empty,
a huge, an expired or an already trusted file is refused with its reason. Real files in a real data
folder, every step through the database worker."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from papi_desktop import paths
from papi_desktop.domain.dates import format_vn
from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import signing
from papi_desktop.services import audit, keys, trust_bundle
from papi_desktop.sync import pki
from papi_desktop.ui.widgets import trust_box
from papi_desktop.ui.widgets.keys_box import KeysBox
from papi_desktop.ui.widgets.trust_box import TrustBox

PASS = "ba-con-meo-tren-doi-2026"


def _ca(office: str, now: dt.datetime | None = None):  # noqa: ANN202
    return pki.create_province_ca("Tỉnh Sơn La", office, now=now).cert


def _info(cert) -> keys.CertificateInfo:  # noqa: ANN001
    return keys.inspect_certificate(signing.pem(cert))


def _trusted() -> set[str]:
    return {keys.inspect_certificate(p).sha256 for p in keys.trusted()}


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict:
    """The confirmations asked (their text) and the answer the person gives."""
    said: dict = {"questions": [], "yes": True}
    monkeypatch.setattr(trust_box, "ask", lambda _p, text, _t=None: said["questions"].append(text) or said["yes"])
    return said


def _act(qtbot, box: TrustBox, action) -> str:  # noqa: ANN001
    """Run an action that ends in sig_done, then wait for the lists read again."""
    with qtbot.waitSignal(box.sig_done, timeout=10000) as done:
        assert action() is not False
    qtbot.waitUntil(lambda: box.runner.pending == 0, timeout=10000)
    return done.args[0]


def _select(view, row: int) -> None:  # noqa: ANN001
    view.selectRow(row)


def test_offered_anchors_accepted_and_declined(qtbot, db, runner, settle, shown, answers) -> None:  # noqa: ANN001
    keys.create_self_signed(db, PASS)
    vnpt, viettel = _ca("VNPT-CA (thử nghiệm)"), _ca("Viettel-CA (thử nghiệm)")
    trust_bundle.offer([(_info(c), signing.pem(c)) for c in (vnpt, viettel)])  # what applying an update does
    box = TrustBox(runner, None, db)
    qtbot.addWidget(box)
    settle(runner)
    [own] = box.anchors
    assert own.source == trust_bundle.OWN and not own.removable
    assert box.trusted_model.item(0, 2).text() == "khóa của xã"
    _select(box.trusted_view, 0)
    assert not box.remove_button.isEnabled() and not box.remove_selected()  # the own root goes with the key
    assert box.offered_model.rowCount() == 2 and not box.offered_view.isHidden()
    assert box.offered_label.text().startswith("Chứng thư gốc tỉnh đề nghị tin cậy, chưa quyết định: 2.")
    assert not box.accept_button.isEnabled()  # nothing chosen yet
    first = box.offers[0]
    assert box.offered_model.item(0, 1).toolTip() == first.fingerprint
    _select(box.offered_view, 0)

    answers["yes"] = False  # the fingerprints did not match: nothing trusted
    assert not box.accept_selected()
    assert first.fingerprint in answers["questions"][-1] and first.sha256 not in _trusted()
    answers["yes"] = True
    message = _act(qtbot, box, box.accept_selected)
    assert first.fingerprint in answers["questions"][-1] and "đủ 32 cặp" in answers["questions"][-1]
    assert message.startswith("Đã tin cậy CA PAPI Tỉnh Sơn La") and shown[-1] == message
    assert first.sha256 in _trusted() and [o.sha256 for o in box.offers] != [first.sha256]
    accepted = next(a for a in box.anchors if a.info.sha256 == first.sha256)
    assert accepted.source == trust_bundle.FROM_PROVINCE and accepted.added.startswith(
        dt.datetime.now(dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=7))).date().isoformat())
    row = box.anchors.index(accepted)
    assert box.trusted_model.item(row, 2).text() == "cập nhật của tỉnh"
    assert box.trusted_model.item(row, 1).text() == trust_box.short_fingerprint(accepted.info)

    second = box.offers[0]
    _select(box.offered_view, 0)
    message = _act(qtbot, box, box.decline_selected)
    assert message.startswith("Đã từ chối") and second.fingerprint in answers["questions"][-1]
    assert second.sha256 not in _trusted() and trust_bundle.offered() == [] and box.offers == []
    assert box.offered_view.isHidden() and box.accept_button.isHidden()
    assert box.offered_label.text() == "Không có chứng thư gốc nào tỉnh đề nghị đang chờ quyết định."

    row = next(i for i, a in enumerate(box.anchors) if a.info.sha256 == first.sha256)
    _select(box.trusted_view, row)
    assert box.remove_button.isEnabled()
    message = _act(qtbot, box, box.remove_selected)
    assert message.startswith("Đã bỏ tin cậy")
    assert first.fingerprint in answers["questions"][-1] and first.sha256 not in _trusted()
    assert [a.source for a in box.anchors] == [trust_bundle.OWN]
    entered = [(e.detail["what"], e.detail["fingerprint"]) for e in audit.list_entries(db, audit.Filter(kind="key"))]
    assert sorted(entered) == sorted([("created", keys.certificate().sha256), ("trusted-offered", first.sha256),
                                      ("untrusted", first.sha256)])  # a decline changes no trust: no entry


def test_import_from_a_certificate_file(qtbot, db, runner, settle, shown, answers, tmp_path: Path) -> None:  # noqa: ANN001
    keys.create_self_signed(db, PASS)
    box = TrustBox(runner, None, db)
    qtbot.addWidget(box)
    settle(runner)
    bcy = _ca("Ban Cơ yếu Chính phủ (thử nghiệm)")
    pem_file, der_file = tmp_path / "bcy.pem", tmp_path / "vnpt.cer"
    pem_file.write_bytes(signing.pem(bcy))
    vnpt = _ca("VNPT-CA (thử nghiệm)")
    der_file.write_bytes(vnpt.public_bytes(serialization.Encoding.DER))

    answers["yes"] = False
    assert _act(qtbot, box, lambda: box.import_file(pem_file)) == ""  # declined at the question
    assert _info(bcy).fingerprint in answers["questions"][-1] and _info(bcy).sha256 not in _trusted()
    answers["yes"] = True
    for cert, path in ((bcy, pem_file), (vnpt, der_file)):
        message = _act(qtbot, box, lambda p=path: box.import_file(p))
        assert message == "Đã thêm CA PAPI Tỉnh Sơn La vào danh sách tin cậy." and shown[-1] == message
        assert _info(cert).fingerprint in answers["questions"][-1] and path.name in answers["questions"][-1]
        assert _info(cert).sha256 in _trusted()
    assert [a.source for a in box.anchors] == [trust_bundle.OWN, trust_bundle.FROM_FILE, trust_bundle.FROM_FILE]
    assert {box.trusted_model.item(r, 2).text() for r in (1, 2)} == {"tệp chứng thư"}
    entered = [(e.detail["what"], e.detail["fingerprint"]) for e in audit.list_entries(db, audit.Filter(kind="key"))]
    assert sorted(entered) == sorted([("created", keys.certificate().sha256), ("trusted", _info(bcy).sha256),
                                      ("trusted", _info(vnpt).sha256)])  # the declined file: none

    asked = len(answers["questions"])
    leaf = tmp_path / "xa.pem"
    leaf.write_bytes((paths.keys_dir() / keys.CERT_FILE).read_bytes())  # the commune's own signing certificate
    garbage, empty, huge = tmp_path / "rac.pem", tmp_path / "trong.cer", tmp_path / "lon.pem"
    garbage.write_bytes(b"-----BEGIN CERTIFICATE-----\nkhong phai chung thu\n-----END CERTIFICATE-----\n")
    empty.write_bytes(b"")
    huge.write_bytes(signing.pem(bcy) + b"\n" * (trust_bundle.MAX_FILE_BYTES + 1))
    expired = tmp_path / "het_han.pem"
    expired.write_bytes(signing.pem(_ca("CA cũ", now=dt.datetime.now(dt.UTC) - dt.timedelta(days=365 * 30))))
    refusals = {leaf: "không phải của một tổ chức cấp chứng thư (CA)", garbage: "Tệp không phải chứng thư số",
                empty: "trống", huge: "quá lớn", expired: "đã hết hạn ngày", pem_file: "đã có trong danh sách tin cậy",
                tmp_path / "khong_co.pem": "Không đọc được tệp"}
    for path, reason in refusals.items():
        assert _act(qtbot, box, lambda p=path: box.import_file(p)) == ""
        assert reason in shown[-1], (path.name, shown[-1])
    assert len(answers["questions"]) == asked  # nothing refused was ever put to the person
    assert len(box.anchors) == 3


def test_import_refuses_a_file_changed_after_its_fingerprint_was_shown(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "ca.pem"
    shown_cert, other = _ca("Sở Nội vụ"), _ca("Sở khác")
    path.write_bytes(signing.pem(shown_cert))
    info = trust_bundle.read_anchor_file(path)
    path.write_bytes(signing.pem(other))
    with pytest.raises(KnownError, match="đã thay đổi sau khi hiện dấu vân tay"):
        trust_bundle.import_anchor_file(bare_db, path, info.sha256)
    assert _info(other).sha256 not in _trusted()
    assert not trust_bundle.decline(bare_db, "") and not trust_bundle.remove(bare_db, "")  # a blank fingerprint names nothing


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _dmy(iso: str) -> str:
    return format_vn(dt.date.fromisoformat(iso))


def test_certificates_are_shown_in_words_not_as_raw_subjects(qtbot, db, runner, settle, answers) -> None:  # noqa: ANN001
    """Issue 11 §4: the confirmation names the holder, organisation and unit on labelled lines and its
    validity as dd/mm/yyyy, never "CN=…, O=…, UID=…" nor an ISO date; the whole fingerprint stays."""
    keys.create_self_signed(db, PASS)
    vnpt = _ca("VNPT-CA (thử nghiệm)")
    trust_bundle.offer([(_info(vnpt), signing.pem(vnpt))])
    box = TrustBox(runner, None, db)
    qtbot.addWidget(box)
    settle(runner)
    offer = box.offers[0]
    _select(box.offered_view, 0)
    answers["yes"] = False
    assert not box.accept_selected()
    question = answers["questions"][-1]
    assert "\n\nTên: CA PAPI Tỉnh Sơn La\nTổ chức: VNPT-CA (thử nghiệm) Tỉnh Sơn La\n" in question
    assert "\nTổ chức cấp: CA PAPI Tỉnh Sơn La (VNPT-CA (thử nghiệm) Tỉnh Sơn La)\n" in question
    assert f"\nHiệu lực: {_dmy(offer.not_before)} – {_dmy(offer.not_after)}\n" in question
    assert question.endswith(f"Dấu vân tay SHA-256 (đủ 32 cặp):\n{offer.fingerprint}")
    assert "CN=" not in question and "UID=" not in question and not ISO_DATE.search(question)

    own = box.anchors[0].info  # the commune's root: its unit code on a line of its own
    tip = box.trusted_model.item(0, 0).toolTip()
    assert tip.startswith(f"Tên: {own.subject['CN']}\nTổ chức: UBND Xã Chiềng Sơn\nMã đơn vị: 03985\n")
    for model in (box.trusted_model, box.offered_model):
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                item = model.item(row, col)
                assert "CN=" not in item.toolTip() and not ISO_DATE.search(item.text() + item.toolTip())
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", box.trusted_model.item(0, 3).text())  # added at
    assert trust_box._moment("2026-12-01T17:32:00+00:00") == "02/12/2026 00:32"  # the time in Việt Nam

    keys_box = KeysBox(db, runner)  # the key's own line and its trust question in Cài đặt
    qtbot.addWidget(keys_box)
    settle(runner)
    mine = keys.certificate()
    assert f"Hiệu lực {_dmy(mine.not_before)} – {_dmy(mine.not_after)}." in keys_box.state.text()
    assert not ISO_DATE.search(keys_box.state.text()) and mine.fingerprint in keys_box.state.text()
    described = keys_box.describe(_info(vnpt))
    assert described.startswith("Tên: CA PAPI Tỉnh Sơn La\nTổ chức: VNPT-CA (thử nghiệm) Tỉnh Sơn La\n")
    assert "CN=" not in described and not ISO_DATE.search(described)
    assert described.endswith(f"Dấu vân tay SHA-256: {offer.fingerprint}")


def test_the_enrolment_question_names_the_province_root_by_labelled_lines(qapp) -> None:  # noqa: ANN001
    from papi_desktop.ui.widgets import sync_widgets

    text = sync_widgets.subject_text({"CN": "Sở Nội vụ tỉnh Sơn La", "O": "UBND tỉnh Sơn La", "UID": "14"})
    assert text.splitlines() == ["Tên: Sở Nội vụ tỉnh Sơn La", "Tổ chức: UBND tỉnh Sơn La", "Mã đơn vị: 14"]
    assert "CN=" not in text and "O=" not in text
