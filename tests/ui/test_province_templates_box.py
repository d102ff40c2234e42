"""Cài đặt's "Mẫu biểu của tỉnh": the templates a real, applied update of the province brought, listed
with the version and date, and a copy saved where the clerk chose (a pulled-out stick said in words).
A real province and commune in their own data folders; every read and write in the database worker."""

from __future__ import annotations

from pathlib import Path

import pytest
import workbooks
from PySide6.QtWidgets import QFileDialog
from sync_world import COMMUNE_PASS, PASS, Commune, Province, at

from papi_desktop.services import downstream, province_templates
from papi_desktop.ui.widgets.province_templates_box import ProvinceTemplatesBox, size_text


def test_the_box_lists_the_templates_and_saves_a_copy(qtbot, runner, settle, shown, tmp_path: Path,  # noqa: ANN001
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    prov = Province(tmp_path / "province")
    xa = Commune(tmp_path / "xa", prov, demo=False, unit="03646")
    updates = tmp_path / "tham-chieu"
    (updates / "templates").mkdir(parents=True)
    book = workbooks.budget_workbook(updates / "templates" / "bieu_mau.xlsx", form="Mẫu CKNS-01")
    try:
        with at(prov.dir):
            path = downstream.publish(prov.db, PASS, tmp_path / "usb", updates)
        with at(xa.dir):
            box = ProvinceTemplatesBox(xa.db, runner)
            qtbot.addWidget(box)
            settle(runner)
            assert box.model.rowCount() == 0 and box.view.isHidden() and box.save_button.isHidden()
            assert box.note.text().startswith("Chưa nhận mẫu biểu nào của tỉnh.")
            applied = downstream.apply_downstream(xa.db, path, COMMUNE_PASS)
            assert applied.reference == ["templates/bieu_mau.xlsx"]
            with qtbot.waitSignal(box.sig_loaded, timeout=10000):
                box.reload()
            (template,) = box.templates
            assert box.title() == "Mẫu biểu của tỉnh" and not box.view.isHidden()
            assert [box.model.item(0, c).text() for c in range(4)] == \
                ["bieu_mau.xlsx", size_text(book.stat().st_size), "phiên bản 1",
                 province_templates.day(template.published)]
            assert template.published and province_templates.day(template.published).count("/") == 2
            assert not box.save_button.isEnabled() and not box.save_selected()  # nothing chosen yet
            box.view.selectRow(0)
            assert box.save_button.isEnabled()

            monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
            assert not box.save_selected()  # the dialog cancelled: nothing written, nothing asked of the worker

            target = tmp_path / "ban-sao" / "mau-ckns.xlsx"
            target.parent.mkdir()
            chosen = [target]
            monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(chosen[0]), "")))
            with qtbot.waitSignal(box.sig_saved, timeout=10000) as saved:
                assert box.save_selected()
            assert saved.args == [target] and target.read_bytes() == book.read_bytes()
            assert shown[-1] == f"Đã lưu bản sao mẫu biểu bieu_mau.xlsx: {target}"
            assert [p.name for p in target.parent.iterdir()] == ["mau-ckns.xlsx"]  # no temporary file left

            chosen[0] = tmp_path / "usb-rut-ra" / "mau.xlsx"  # a stick pulled out: its folder is gone
            with qtbot.waitSignal(box.sig_saved, timeout=10000) as saved:
                assert box.save_selected()
            assert saved.args == [None] and "ổ USB bị rút ra?" in shown[-1] and "chưa lưu được bản sao" in shown[-1]
            settle(runner)
    finally:
        prov.db.dispose()
        xa.db.dispose()


def test_sizes_read_as_explorer_shows_them_in_the_ui_language(qapp) -> None:  # noqa: ANN001
    sizes = (0, 1023, 1024, 12_800, 1_234_567)
    assert [size_text(n) for n in sizes] == ["0 B", "1023 B", "1,0 KB", "12,5 KB", "1,2 MB"]  # the UI in Vietnamese
    qapp.setProperty("papi_lang", "en")
    try:
        assert [size_text(n) for n in sizes] == ["0 B", "1023 B", "1.0 KB", "12.5 KB", "1.2 MB"]
    finally:
        qapp.setProperty("papi_lang", "vi")
    assert size_text(5632, "en") == "5.5 KB" and size_text(5632, "vi") == "5,5 KB"
