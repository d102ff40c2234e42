"""Deadline parsing over every wording found in the seeds' plan tables."""

from __future__ import annotations

import csv
from datetime import date

import pytest
import workbooks

from papi_desktop.domain.deadlines import DeadlineKind, parse_deadline, split_items

D, R, REL, EV, REG, UNS = (DeadlineKind.DATE, DeadlineKind.RECURRING, DeadlineKind.RELATIVE,
                           DeadlineKind.ON_EVENT, DeadlineKind.AS_REGULATED, DeadlineKind.UNSPECIFIED)

# (cell as written, default plan year, expected [(due, kind)])
CASES = [
    # issue examples
    ("- Kế hoạch quý I/2026; - Báo cáo quý IV/2026", None, [(date(2026, 3, 31), D), (date(2026, 12, 31), D)]),
    ("Tháng 7/2024", None, [(date(2024, 7, 31), D)]),
    ("Trước ngày 31/12/2024", None, [(date(2024, 12, 31), D)]),
    ("Trong năm 2024", None, [(date(2024, 12, 31), D)]),
    ("Năm 2024", None, [(date(2024, 12, 31), D)]),
    ("Thường xuyên", None, [(None, R)]),
    ("6 tháng/lần", None, [(None, R)]),
    ("Chậm nhất là 15 \nngày kể từ ngày \nđược cơ quan nhà \nnước có thẩm \nquyền quyết định, \nphê duyệt", None,
     [(None, REL)]),
    # seed 001 (province plan 2024)
    ("- Kế hoạch quý \nI/2024; \n- Báo cáo Quý \nIV/2024", None, [(date(2024, 3, 31), D), (date(2024, 12, 31), D)]),
    ("- Công văn quý II/ 2024;\n- Báo cáo tháng 12/2024", None, [(date(2024, 6, 30), D), (date(2024, 12, 31), D)]),
    ("Quý III, IV/2024", None, [(date(2024, 12, 31), D)]),
    ("Quý I/2024 (sau khi có ý kiến của Thường trực Tỉnh uỷ)", None, [(date(2024, 3, 31), D)]),
    ("- Kế hoạch tháng 01/2024;\n- Báo cáo tháng 12/2024", None, [(date(2024, 1, 31), D), (date(2024, 12, 31), D)]),
    ("Tháng 8/2024", None, [(date(2024, 8, 31), D)]),
    ("- Thường xuyên\n- Báo cáo quý IV/2024", None, [(None, R), (date(2024, 12, 31), D)]),
    ("- Kế hoạch quý I/2024;\n- Báo cáo 6 tháng; năm 2024.", None,
     [(date(2024, 3, 31), D), (None, R), (date(2024, 12, 31), D)]),
    ("- Kế hoạch quý I/2024.\n- Báo cáo quý I/2024", None, [(date(2024, 3, 31), D), (date(2024, 3, 31), D)]),
    ("Báo cáo theo quý, 6 tháng, năm 2024.", None, [(date(2024, 12, 31), D)]),
    ("trước ngày 10/6/2024; cả năm trước ngày 10/12/2024.", None, [(date(2024, 6, 10), D), (date(2024, 12, 10), D)]),
    ("chậm nhất ngày 30/01/2024.", None, [(date(2024, 1, 30), D)]),
    # seed 002 (2021 report appendix)
    ("- Ban hành Kế hoạch trong Quý I.\n- Báo cáo kết quả thực hiện nhiệm vụ theo quy định.", 2021,
     [(date(2021, 3, 31), D), (None, REG)]),
    ("- Tháng 03/2021 ban hành Kế hoạch.\n- Báo cáo kết quả thực hiện.", None, [(date(2021, 3, 31), D), (None, UNS)]),
    ("- Quý III/2021 và triển khai thực hiện theo kế hoạch.\n- Báo cáo kết quả thực hiện.", None,
     [(date(2021, 9, 30), D), (None, UNS)]),
    ("Tháng 10/2021", None, [(date(2021, 10, 31), D)]),
    ("Theo quy định", None, [(None, REG)]),
    ("Thực hiện thường xuyên", None, [(None, R)]),
    ("Định kỳ hàng quý, 6 tháng và 1 năm.", None, [(None, R)]),
    ("Báo cáo kết quả triển khai thực hiện nhiệm vụ theo quy định.", None, [(None, REG)]),
    # seed 004 (2026–2030 plan, Phụ lục II)
    ("Hàng năm", None, [(None, R)]),
    ("2026 - 2030", None, [(date(2030, 12, 31), D)]),
    ("Ngày 01/3/2027", None, [(date(2027, 3, 1), D)]),
    ("Tháng 02/2026", None, [(date(2026, 2, 28), D)]),
    ("Tháng 3/2026", None, [(date(2026, 3, 31), D)]),
    ("Năm 2027", None, [(date(2027, 12, 31), D)]),
    ("Theo kế hoạch hàng năm hoặc đột xuất", None, [(None, R)]),
    # case, spacing and numerals
    ("QUÝ ii/2024", None, [(date(2024, 6, 30), D)]),
    ("quý 3/2025", None, [(date(2025, 9, 30), D)]),
    ("Quý IV năm 2026.", None, [(date(2026, 12, 31), D)]),
    ("Khi có yêu cầu", None, [(None, EV)]),
    ("Sau khi được UBND tỉnh phê duyệt.", None, [(None, REL)]),
]


@pytest.mark.parametrize(("cell", "year", "expected"), CASES)
def test_wordings(cell: str, year: int | None, expected: list) -> None:
    got = [(m.due, m.kind) for m in parse_deadline(cell, year)]
    assert got == expected


def test_pdf_wrapped_cell_still_gives_two_milestones() -> None:
    # Seed 001 as extracted: the quarter falls on the next line.
    cell = "- Kế hoạch quý I/2024; \n- Báo cáo Quý IV/2024"
    assert [(m.text, m.due) for m in parse_deadline(cell)] == [
        ("Kế hoạch quý I/2024", date(2024, 3, 31)), ("Báo cáo Quý IV/2024", date(2024, 12, 31))]


def test_original_text_kept_per_item() -> None:
    assert split_items("- Ban hành kế hoạch quý I/2026.\n- Báo cáo định kỳ theo quy định.") == [
        "Ban hành kế hoạch quý I/2026", "Báo cáo định kỳ theo quy định"]


def test_invalid_dates_are_not_invented() -> None:
    assert [(m.due, m.kind) for m in parse_deadline("Trước ngày 31/02/2026")] == [(None, UNS)]
    assert [(m.due, m.kind) for m in parse_deadline("Quý V/2026")] == [(None, UNS)]


def test_every_deadline_of_seed000_is_understood() -> None:
    """All 28 tasks of the 2026 appendix: dated items get the right quarter/month/year end."""
    with workbooks.SEED000_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 28
    dated = undated = 0
    for row in rows:
        for m in parse_deadline(row["deadline"], 2026):
            assert m.text
            if m.due is not None:
                dated += 1
                assert m.due.year == 2026 and m.kind is D
            else:
                undated += 1
                assert m.kind is not D
    assert (dated, undated) == (17, 20)
