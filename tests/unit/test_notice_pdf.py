"""The notice pinned on the board, checked with poppler: fonts embedded, text extractable, the period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import poppler
import workbooks

from papi_desktop.services import budget, notices, postings, poverty


def _villages(db) -> list[postings.PlaceInput]:  # noqa: ANN001
    ids = [postings.add_village(db, n) for n in ("Bản Hin", "Bản Mòng")]
    return [postings.PlaceInput("seat"), *(postings.PlaceInput("village", v) for v in ids)]


def test_budget_notice_a4(db, tmp_path: Path) -> None:  # noqa: ANN001
    places = _villages(db)
    table_id = budget.apply_import(db, budget.preview_import(db, workbooks.budget_workbook(tmp_path / "b.xlsx")))
    pid = postings.add_posting(db, postings.PostingInput(
        kind="budget_estimate_approved", subject_period="2026", doc_number="15/QĐ-UBND", doc_date=date(2026, 1, 5),
        start_on=date(2026, 1, 9), places=places, budget_table_id=table_id,
        title="Dự toán ngân sách xã năm 2026 đã được HĐND xã quyết định"))
    pdf = notices.write_notice(db, pid, tmp_path / "out" / "thong_bao.pdf", today=date(2026, 1, 9))
    assert poppler.page_size(pdf).endswith("(A4)")
    used = poppler.fonts(pdf)
    assert used and all(f["emb"] == "yes" for f in used), used
    text = poppler.text(pdf)
    flat = " ".join(text.split())
    for expected in ("ỦY BAN NHÂN DÂN", "XÃ CHIỀNG SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "THÔNG BÁO",
                     "Chiềng Sơn, ngày 09 tháng 01 năm 2026", "Tổng chi ngân sách xã".upper(), "5.000.000.000",
                     "Trong đó: chi hỗ trợ học sinh nghèo",
                     "Thời gian niêm yết: từ ngày 09/01/2026 đến hết ngày 07/02/2026",
                     "Bản Hin; Bản Mòng", "trước hết ngày 07/02/2026", "Lò Văn Minh"):
        assert expected in flat, expected
    assert not list(pdf.parent.glob("*.part"))  # written through a temporary file, none left behind


def test_poverty_notice_a3_without_identity_numbers(db, tmp_path: Path) -> None:  # noqa: ANN001
    places = _villages(db)
    poverty.apply_import(db, poverty.preview_import(db, workbooks.poverty_workbook(tmp_path / "p.xlsx")),
                         listed_on=date(2026, 11, 16))
    review = poverty.review_of_year(db, 2026)
    pid = poverty.post_list(db, review.id, poverty.ListPostingInput(
        "preliminary", date(2026, 11, 17), places, feedback_to="Ban Chỉ đạo rà soát xã",
        feedback_until=date(2026, 11, 19)))
    pdf = notices.write_notice(db, pid, tmp_path / "dsn.pdf", paper="A3", today=date(2026, 11, 17))
    assert poppler.page_size(pdf).endswith("(A3)")
    assert all(f["emb"] == "yes" for f in poppler.fonts(pdf))
    flat = " ".join(poppler.text(pdf).split())
    assert "Lò Văn Pánh" in flat and "Hộ cận nghèo" in flat and "Quàng Văn Khum" in flat
    assert "từ ngày 17/11/2026 đến hết ngày 19/11/2026 (3 ngày làm việc theo quy định)" in flat
    assert "Ban Chỉ đạo rà soát xã trước hết ngày 19/11/2026" in flat
    for number in ("014090001234", "014190004321", "234"):  # the law asks for the list, not ID numbers
        assert number not in flat
