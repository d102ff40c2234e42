"""Poor and near-poor households: import, the review steps, re-check, recognition, year-on-year differences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import workbooks

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import compliance, postings, poverty


def test_standard_by_year() -> None:
    assert poverty.standard_for_year(2026).code == "2022-2025"  # kept through 2026 (Nghị định 351/2025)
    later = poverty.standard_for_year(2027)
    assert (later.code, later.income_rural, later.income_urban) == ("2027-2030", 2_200_000, 2_800_000)


def test_import_preview_classes_indicators_and_warnings(db, tmp_path: Path) -> None:  # noqa: ANN001
    rows = [*workbooks.POVERTY_ROWS,
            ("Hà Văn Tùng", "", "Bản Hin", "Thái", 4, "Nông thôn", 1_800_000, "BHYT; nhà tiêu; việc làm", "Hộ nghèo")]
    preview = poverty.preview_import(db, workbooks.poverty_workbook(tmp_path / "dsn.xlsx", rows))
    assert (preview.year, preview.standard, preview.parsed.errors) == (2026, "2022-2025", [])
    assert preview.summary()["by_class"] == {"ngheo": 3, "can_ngheo": 1, "thoat_ngheo": 1}
    khum = preview.parsed.rows[2]
    assert khum.deprivations == ["viec_lam", "chat_luong_nha_o", "nuoc_sinh_hoat", "nha_tieu"]
    assert [w[0] for w in preview.warnings] == [10] and "Hà Văn Tùng: thu nhập 1.800.000 đ/người/tháng" in preview.warnings[0][1]
    assert poverty.review_of_year(db, 2026) is None  # the preview wrote nothing


def test_errors_by_row_and_nothing_written(db, tmp_path: Path) -> None:  # noqa: ANN001
    rows = [*workbooks.POVERTY_ROWS,
            ("Lường Văn Hậu", "", "Bản Hin", "Thái", 3, "Nông thôn", 1_000_000, "", "Hộ khá"),
            ("Tòng Thị Ban", "099190001234", "Bản Mòng", "Thái", 3, "Nông thôn", 1_000_000, "", "Hộ nghèo"),
            ("Điêu Văn Sáng", "", "Bản Mòng", "Thái", 0, "Nông thôn", 1_000_000, "mất mùa", "Hộ nghèo")]
    preview = poverty.preview_import(db, workbooks.poverty_workbook(tmp_path / "loi.xlsx", rows))
    errors = {r: vi for r, vi, _en in preview.parsed.errors}
    assert sorted(errors) == [10, 11, 12]
    assert "Hộ khá" in errors[10] and "099" in errors[11]
    assert "mất mùa" in errors[12] and "nhân khẩu" in errors[12]
    with pytest.raises(KnownError, match="3 dòng lỗi"):
        poverty.apply_import(db, preview)
    assert poverty.review_of_year(db, 2026) is None


def _review(db, tmp_path: Path, year: int = 2026, rows: list[tuple] | None = None) -> str:  # noqa: ANN001
    book = workbooks.poverty_workbook(tmp_path / f"ds{year}.xlsx", rows,
                                      title=f"DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM {year}")
    poverty.apply_import(db, poverty.preview_import(db, book), listed_on=date(year, 11, 16))
    info = poverty.review_of_year(db, year)
    assert info is not None
    return info.id


def test_review_flow_from_preliminary_list_to_recognition(db, tmp_path: Path) -> None:  # noqa: ANN001
    hin, mong = postings.add_village(db, "Bản Hin"), postings.add_village(db, "Bản Mòng")
    review_id = _review(db, tmp_path)
    assert poverty.review(db, review_id).step == "preliminary"
    places = [postings.PlaceInput("seat"), postings.PlaceInput("village", hin), postings.PlaceInput("village", mong)]
    speaker = [postings.ChannelInput("loudspeaker", date(2026, 11, 17), date(2026, 11, 19))]
    posting_id = poverty.post_list(db, review_id, poverty.ListPostingInput(
        "preliminary", date(2026, 11, 17), places, speaker, end_on=date(2026, 11, 19)))
    assert poverty.review(db, review_id).step == "posted"
    result = compliance.assess_posting(db, posting_id, date(2026, 11, 23))
    assert result.status == "ok", result.reason()  # Tue 17 – Thu 19: three working days everywhere
    people = poverty.households(db, review_id)
    xuan = next(h for h in people if h.head_name == "Vì Thị Xuân")
    assert people[0].id_number == "*********234"  # masked in the list
    objection = poverty.add_objection(db, review_id, date(2026, 11, 18), "Hộ vẫn còn khó khăn, đề nghị xem xét lại",
                                      sender="Trưởng bản Mòng", household_id=xuan.id)
    assert poverty.review(db, review_id).step == "objections"
    with pytest.raises(KnownError, match="1 ý kiến chưa phúc tra"):
        poverty.finalize(db, review_id, "125/QĐ-UBND", date(2026, 12, 1))
    poverty.recheck(db, objection, date(2026, 11, 25), "Thu nhập 1.300.000 đ/người/tháng, thiếu hụt 1 chỉ số",
                    "can_ngheo")
    counts = poverty.finalize(db, review_id, "125/QĐ-UBND", date(2026, 12, 1))
    assert counts == {"ngheo": 2, "can_ngheo": 2}
    info = poverty.review(db, review_id)
    assert (info.step, info.decision_number) == ("final", "125/QĐ-UBND")
    assert next(h for h in poverty.households(db, review_id) if h.id == xuan.id).klass == "can_ngheo"
    with pytest.raises(KnownError, match="đã được công nhận"):
        poverty.add_household(db, review_id, poverty.HouseholdInput("Lò Văn Mới", "ngheo"))
    again = workbooks.poverty_workbook(tmp_path / "lai.xlsx")
    with pytest.raises(KnownError, match="đã được công nhận"):
        poverty.preview_import(db, again)


def test_differences_with_last_year(db, tmp_path: Path) -> None:  # noqa: ANN001
    last = _review(db, tmp_path, 2025, [
        ("Lò Văn Pánh", "014090001234", "Bản Hin", "Thái", 5, "Nông thôn", 1_100_000, "", "Hộ nghèo"),
        ("Cầm Thị Ún", "014190004321", "Bản Hin", "Thái", 3, "Nông thôn", 1_000_000, "", "Hộ nghèo"),
        ("Lường Văn Đôi", "014080002222", "Bản Mòng", "Thái", 4, "Nông thôn", 1_300_000, "", "Hộ cận nghèo"),
        ("Vì Thị Xuân", "014170003333", "Bản Mòng", "Mường", 2, "Nông thôn", 1_000_000, "", "Hộ nghèo"),
    ])
    poverty.finalize(db, last, "98/QĐ-UBND", date(2025, 12, 5))
    this = _review(db, tmp_path, 2026, [
        ("Lò Văn Pánh", "014090001234", "Bản Hin", "Thái", 5, "Nông thôn", 1_200_000, "", "Hộ nghèo"),
        ("Cầm Thị Ún", "014190004321", "Bản Hin", "Thái", 3, "Nông thôn", 1_400_000, "", "Hộ cận nghèo"),
        ("Quàng Văn Khum", "014085007777", "Bản Mòng", "Thái", 6, "Nông thôn", 1_000_000, "", "Hộ nghèo"),
        ("Vì Thị Xuân", "014170003333", "Bản Mòng", "Mường", 2, "Nông thôn", 2_000_000, "", "Thoát nghèo"),
    ])
    poverty.finalize(db, this, "125/QĐ-UBND", date(2026, 12, 1))
    found = [(d.change, d.head_name, d.before, d.after) for d in poverty.differences(db, 2026)]
    assert found == [
        ("new", "Quàng Văn Khum", "", "ngheo"),
        ("changed", "Cầm Thị Ún", "ngheo", "can_ngheo"),
        ("leaving", "Lường Văn Đôi", "can_ngheo", ""),  # not on this year's list at all
        ("leaving", "Vì Thị Xuân", "ngheo", "thoat_ngheo"),
    ]
