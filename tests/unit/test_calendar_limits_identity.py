"""Working-day calendar, legal time limits with effective dates, CCCD validation and masking."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.domain.identity import check_cccd, mask
from papi_desktop.domain.limits import due_date, limit_in_force
from papi_desktop.services import reference


def test_calendar_covers_2024_to_2030_and_knows_tet_2026() -> None:
    cal = reference.working_calendar()
    assert set(range(2024, 2031)) <= cal.years
    # Tết 2026: Saturday 14/02 to Sunday 22/02, nine days off.
    assert [cal.is_working_day(date(2026, 2, d)) for d in range(13, 24)] == [
        True, False, False, False, False, False, False, False, False, False, True]
    assert cal.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)  # receipt day does not count
    assert cal.add_working_days(date(2026, 2, 10), 10) == date(2026, 3, 3)


def test_make_up_saturday_and_long_weekends() -> None:
    cal = reference.working_calendar()
    assert cal.is_working_day(date(2024, 5, 4))  # Saturday worked in exchange for 29/4/2024
    assert not cal.is_working_day(date(2024, 4, 29))
    assert cal.add_working_days(date(2025, 4, 29), 1) == date(2025, 5, 5)  # 30/4, 1/5, 2/5 off
    assert cal.working_days_between(date(2025, 4, 25), date(2025, 5, 5)) == 4  # 26/4 (make-up), 28/4, 29/4, 5/5
    with pytest.raises(KnownError, match="2031"):
        cal.add_working_days(date(2030, 12, 30), 5)


def test_calendar_is_editable_reference_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A province release (a new calendar file) changes the answers without a code change."""
    res = tmp_path / "resources" / "reference"
    res.mkdir(parents=True)
    source = json.loads((paths.resources_dir() / "reference" / "calendar_vn.json").read_text(encoding="utf-8"))
    source["years"]["2026"]["days_off"].append("2026-03-02")  # an extra day off announced later
    (res / "calendar_vn.json").write_text(json.dumps(source), encoding="utf-8")
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path / "resources")
    reference.working_calendar.cache_clear()
    try:
        assert reference.working_calendar().add_working_days(date(2026, 2, 10), 10) == date(2026, 3, 4)
    finally:
        reference.working_calendar.cache_clear()


def test_legal_limits_by_effective_date_and_remote_area() -> None:
    limits = list(reference.legal_limits())
    cal = reference.working_calendar()
    reply = limit_in_force(limits, "reply_citizen", date(2026, 2, 10))
    assert (reply.days, reply.unit) == (10, "working") and "Điều 28" in reply.source
    assert due_date(reply, date(2026, 2, 10), cal) == date(2026, 3, 3)
    complaint = limit_in_force(limits, "resolve_complaint", date(2026, 3, 2))
    assert due_date(complaint, date(2026, 3, 2), cal) == date(2026, 4, 1)
    assert due_date(complaint, date(2026, 3, 2), cal, remote=True) == date(2026, 4, 16)
    assert due_date(complaint, date(2026, 3, 2), cal, remote=True, complex_case=True) == date(2026, 5, 1)
    with pytest.raises(KnownError):
        limit_in_force(limits, "discipline_unprocessed", date(2026, 6, 30))  # in force from 01/7/2026
    assert limit_in_force(limits, "discipline_unprocessed", date(2026, 7, 1)).days == 45


@pytest.mark.parametrize(("number", "birth_year", "ok", "needle"), [
    ("014090001234", 1990, True, ""),
    ("014190001234", None, True, ""),
    ("014301012345", 2001, True, ""),
    ("01409000123", None, False, "12 chữ số"),
    ("01409000123a", None, False, "12 chữ số"),
    ("003090001234", None, False, "Mã tỉnh “003”"),
    ("014090001234", 1991, False, "không khớp"),
    ("014290001234", 1990, False, "năm sinh 2090"),
])
def test_cccd(number: str, birth_year: int | None, ok: bool, needle: str) -> None:
    result = check_cccd(number, set(reference.province_codes()), birth_year)
    assert result.ok is ok
    assert needle in result.vi


def test_cccd_decodes_sex_and_masking() -> None:
    result = check_cccd("014195001234", set(reference.province_codes()))
    assert (result.birth_year, result.sex) == (1995, "nu")
    assert len(reference.province_codes()) == 63
    assert mask("014195001234") == "*********234"


def test_cli_deadline(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "papi_desktop", "--data-dir", str(tmp_path), "deadline",
                           "--from", "2026-02-13", "--working-days", "1"], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "2026-02-23"
    bad = subprocess.run([sys.executable, "-m", "papi_desktop", "--data-dir", str(tmp_path), "deadline",
                          "--from", "13/02/2026", "--working-days", "1"], capture_output=True, text=True,
                         encoding="utf-8", timeout=60)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
