"""Period codes as officials read them: every code the program stores ("2026", "2026-Y", "2026-H1",
"2026-Q1" … "2026-Q4", "2026-9M", a month) in the reports' Vietnamese wording or in English; a code it
does not know is shown as it is, never lost."""

from __future__ import annotations

import pytest

from papi_desktop.domain.period_labels import period_name
from papi_desktop.services import postings


@pytest.mark.parametrize(("code", "vi", "en"), [
    ("2026", "Năm 2026", "Year 2026"),
    ("2026-Y", "Năm 2026", "Year 2026"),
    ("2026-H1", "6 tháng đầu năm 2026", "First half of 2026"),
    ("2026-H2", "6 tháng cuối năm 2026", "Second half of 2026"),
    ("2026-Q1", "Quý I năm 2026", "Q1 2026"),
    ("2026-Q2", "Quý II năm 2026", "Q2 2026"),
    ("2026-Q3", "Quý III năm 2026", "Q3 2026"),
    ("2026-Q4", "Quý IV năm 2026", "Q4 2026"),
    ("2026-9M", "9 tháng năm 2026", "First nine months of 2026"),
    ("2026-01", "Tháng 01 năm 2026", "January 2026"),  # months 1 and 2 padded, as Nghị định 30 writes them
    ("2026-11", "Tháng 11 năm 2026", "November 2026"),
    (" 2025-H1 ", "6 tháng đầu năm 2025", "First half of 2025"),
])
def test_every_period_code_has_a_label(code: str, vi: str, en: str) -> None:
    assert period_name(code) == vi and period_name(code, "vi") == vi
    assert period_name(code, "en") == en
    assert "-" not in period_name(code) and "-" not in period_name(code, "en")


def test_in_a_sentence_lower_case_where_the_sentence_goes_on() -> None:
    assert period_name("2026-Q1", in_sentence=True) == "quý I năm 2026"
    assert period_name("2026", in_sentence=True) == "năm 2026"
    assert period_name("2026-H1", "en", in_sentence=True) == "first half of 2026"
    assert period_name("2026-Q1", "en", in_sentence=True) == "Q1 2026"  # a quarter's "Q" stays
    assert period_name("2026-03", "en", in_sentence=True) == "March 2026"  # so does a month's name


@pytest.mark.parametrize("code", ["", "2026-Q5", "2026-13", "2026-X", "26-H1", "kỳ khác"])
def test_an_unknown_code_is_shown_as_it_is(code: str) -> None:
    assert period_name(code) == code and period_name(code, "en") == code


def test_documents_name_periods_as_the_reports_do() -> None:
    """The disclosure notice's title (postings.period_label) is always Vietnamese, in the reports' words:
    "Danh mục thông tin đã công khai quý I năm 2026" as the disclosures report titles it."""
    assert postings.period_label("2026-Q1") == "quý I năm 2026"
    assert postings.period_label("2026-H1") == "6 tháng đầu năm 2026"
    assert postings.period_label("2026-9M") == "9 tháng năm 2026"
    assert postings.period_label("2026") == "năm 2026"
