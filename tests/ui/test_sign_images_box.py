"""Cài đặt keeps the seal, each signer's signature image and the token's module path: a bad image is
refused with the service's message; a signed export then uses the stored images."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import stamp_images  # noqa: E402

from papi_desktop.services import sign_images, tokens  # noqa: E402
from papi_desktop.ui.widgets.sign_images_box import SignImagesBox  # noqa: E402


def test_images_and_module_are_kept(qtbot, db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner,  # noqa: ANN001
                                    settle) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    box = SignImagesBox(db, runner)
    qtbot.addWidget(box)
    settle(runner)  # the signers' names and the module's path come from the worker
    assert box.signer.currentText() == "Lò Văn Minh" and box.seal_state.text() == "chưa có"
    assert not box.choose_seal(stamp_images.opaque_png(tmp_path / "trang.png"))
    assert shown and "nền trong suốt" in shown[-1] and sign_images.seal() is None
    assert box.choose_seal(stamp_images.seal_png(tmp_path / "dau.png"))
    assert box.seal_state.text() == "con_dau.png" and sign_images.seal().read_bytes() == (tmp_path / "dau.png").read_bytes()
    assert box.choose_signature(stamp_images.signature_png(tmp_path / "ky.png"))
    assert sign_images.signature("Lò Văn Minh") is not None and sign_images.signature("Người Khác") is None
    box.module.setText(str(tmp_path / "khong_co.dll"))
    with qtbot.waitSignal(box.sig_module_saved, timeout=5000) as saved:
        box.save_module()
    assert saved.args == [False] and "Không tìm thấy tệp module PKCS#11" in shown[-1]
    module = tmp_path / "vendor.dll"
    module.write_bytes(b"MZ")
    box.module.setText(str(module))
    with qtbot.waitSignal(box.sig_module_saved, timeout=5000) as saved:
        box.save_module()
    assert saved.args == [True] and tokens.module_path(db) == module
