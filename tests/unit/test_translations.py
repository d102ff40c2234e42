"""Translations: every UI string translated, placeholders intact, the shipped .qm built from the .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "translations" / "papi_en.ts"
QM = ROOT / "translations" / "papi_en.qm"
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def _messages() -> list[ET.Element]:
    return list(ET.parse(TS).iter("message"))


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 100
    for m in messages:
        source = m.find("source").text
        tr = m.find("translation")
        assert tr.get("type") not in ("unfinished", "obsolete", "vanished"), source
        assert tr.text, source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(tr.text)), source


def test_no_ui_string_is_missing_from_the_ts(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.fail("pyside6-lupdate (from PySide6) is not on PATH")
    copy = tmp_path / "papi_en.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "papi_desktop").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(copy)], check=True, capture_output=True, timeout=120)
    new = [m.find("source").text for m in ET.parse(copy).iter("message")
           if m.find("translation").get("type") == "unfinished"]
    assert new == [], "run pyside6-lupdate and translate these (see README)"


def test_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.fail("pyside6-lrelease (from PySide6) is not on PATH")
    built = tmp_path / "papi_en.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(built)], check=True, capture_output=True, timeout=120)
    assert built.read_bytes() == QM.read_bytes(), "rebuild translations/papi_en.qm (see README)"


def test_qm_translates() -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "Kế hoạch") == "Plan"
    assert translator.translate("PlanPage", "%1 nhiệm vụ") == "%1 tasks"
