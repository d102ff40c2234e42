"""Dimension mapping, reporting periods, the hybrid logical clock, text folding, dates."""

from __future__ import annotations

from datetime import date

import pytest

from papi_desktop.domain.dates import parse_vn
from papi_desktop.domain.errors import KnownError
from papi_desktop.domain.hlc import HybridLogicalClock, Stamp
from papi_desktop.domain.periods import period_containing, period_for
from papi_desktop.domain.text import fold
from papi_desktop.services import reference


@pytest.mark.parametrize(("title", "number"), [
    ("Nội dung “Tham gia của người dân ở cấp cơ sở”", 1),
    ("I. Tham gia của người dân ở cấp cơ sở", 1),
    ("Công khai, minh bạch trong hoạch định chính sách", 2),
    ("Nội dung “Công khai, minh bạch trong việc ra quyết định ở địa phương”", 2),
    ("CÔNG KHAI, MINH BẠCH", 2),
    ("Trách nhiệm giải trình với người dân", 3),
    ("Nội dung \"Kiểm soát tham nhũng trong khu vực công\"", 4),
    ("Thủ tục hành chính công", 5),
    ("Nội dung “Cung ứng dịch vụ công”", 6),
    ("quan tri moi truong", 7),
    ("VIII. Quản trị điện tử", 8),
])
def test_dimension_mapping(title: str, number: int) -> None:
    from papi_desktop.domain.dimensions import match_dimension

    found = match_dimension(title, list(reference.dimensions()))
    assert found is not None and found.number == number


@pytest.mark.parametrize("title", ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "CẢI CÁCH THỂ CHẾ", ""])
def test_non_papi_sections_are_not_mapped(title: str) -> None:
    from papi_desktop.domain.dimensions import match_dimension

    assert match_dimension(title, list(reference.dimensions())) is None


def test_reference_data_complete() -> None:
    dims = reference.dimensions()
    assert [d.number for d in dims] == list(range(1, 9))
    assert sum(len(d.sub) for d in dims) == 28  # 4+4+3+4+4+4+3+2
    units = reference.units()
    assert len(units) == 75
    assert sum(u.type == "phuong" for u in units) == 8
    assert reference.unit("3985").full_name == "Xã Chiềng Sơn"
    with pytest.raises(KnownError):
        reference.unit("99999")


def test_cut_off_windows_from_reference_data() -> None:
    rules = {r.code: r for r in reference.period_rules()}
    h1 = period_for(rules["H1"], 2026)
    year = period_for(rules["Y"], 2026)
    assert (h1.start, h1.end, h1.due) == (date(2025, 12, 1), date(2026, 5, 31), date(2026, 6, 8))
    assert (year.start, year.end, year.due) == (date(2025, 12, 1), date(2026, 11, 30), date(2026, 12, 8))
    assert period_for(rules["H1"], 2024).due == date(2024, 6, 10)  # seed 001's rule for 2024
    assert period_containing(list(rules.values()), date(2026, 12, 5)).code == "2027-H1"
    assert period_containing(list(rules.values()), date(2026, 7, 1)).code == "2026-Y"


def test_hlc_is_monotonic_and_moves_past_remote_stamps() -> None:
    wall = [1000]
    clock = HybridLogicalClock("a", now_ms=lambda: wall[0])
    first, second = clock.now(), clock.now()
    assert first < second  # same millisecond: the counter orders them
    wall[0] = 500  # the wall clock went backwards
    assert clock.now() > second
    clock.observe(str(Stamp(9000, 3, "b")))
    after = Stamp.parse(clock.now())
    assert (after.millis, after.counter, after.node) == (9000, 4, "a")


def test_fold_is_accent_insensitive() -> None:
    assert fold("Tiếp  Công dân") == "tiep cong dan"
    assert fold("Đối thoại") == "doi thoai"
    assert fold("NGUYỄN VĂN A") == "nguyen van a"


def test_vietnamese_dates() -> None:
    assert parse_vn("05/01/2026") == date(2026, 1, 5)
    assert parse_vn("") is None
    with pytest.raises(KnownError) as err:
        parse_vn("31/02/2026")
    assert "ngày/tháng/năm" in err.value.vi


def test_hlc_batches_keep_order_and_width() -> None:
    clock = HybridLogicalClock("a", now_ms=lambda: 5000)
    first = clock.now()
    batch = clock.many(100_001)  # more than the 5-digit counter holds in one millisecond
    after = clock.now()
    assert first < batch[0] and batch == sorted(batch) and batch[-1] < after
    assert len({len(s) for s in (first, *batch, after)}) == 1
    assert Stamp.parse(batch[-1]).millis == 5001


def test_vietnamese_numbers() -> None:
    from papi_desktop.domain.errors import KnownError
    from papi_desktop.domain.numbers import count_vn, group_vn, parse_amount

    assert (group_vn(1234567), group_vn(-1500), group_vn(0)) == ("1.234.567", "-1.500", "0")
    assert (count_vn(4), count_vn(75), count_vn(52143)) == ("04", "75", "52.143")
    for typed, value in ((1234567, 1234567), (1234567.0, 1234567), ("1.234.567", 1234567), ("1 234 567", 1234567),
                         ("-1.500", -1500), ("(2.000)", -2000), ("12345", 12345), ("", None), (None, None)):
        assert parse_amount(typed) == value, typed
    for wrong in ("1.5", "1,234", "abc", 1.5, "1.23.456", True):
        with pytest.raises(KnownError):
            parse_amount(wrong)
