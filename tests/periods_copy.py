"""The province's copy of the reporting periods (reference/reporting_periods.json in a PC's data folder,
as a downstream update leaves it), with one period around a chosen day: the change log's clock is the
real one, so a test of a reporting deadline moves the period, not the clock."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from papi_desktop.services import reference

VN = dt.timezone(dt.timedelta(hours=7))


def today_vn() -> dt.date:
    return dt.datetime.now(VN).date()


def noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), VN)


def one_period(data_dir: Path, end: dt.date, due: dt.date) -> None:
    """One period, "T" (Báo cáo thử), ending on `end`, due on `due`, in the data folder's copy."""
    start = end - dt.timedelta(days=150)
    if (2, 29) in {(d.month, d.day) for d in (start, end, due)}:
        pytest.skip("a rule on 29/02 has no date in the other years the reminder looks at")

    def point(day: dt.date) -> dict[str, int]:
        return {"year_offset": day.year - due.year, "month": day.month, "day": day.day}

    rule = {"code": "T", "name_vi": "Báo cáo thử", "name_en": "Trial report", "start": point(start),
            "end": point(end), "due": [{"valid_from": None, "valid_to": None, "month": due.month, "day": due.day}]}
    folder = data_dir / "reference"
    folder.mkdir(exist_ok=True)
    (folder / "reporting_periods.json").write_text(json.dumps({"source": "test", "periods": [rule]}),
                                                   encoding="utf-8")
    reference.clear_caches()
