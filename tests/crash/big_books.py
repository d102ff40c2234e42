"""Large workbooks of each import kind, so the window between an importer's check and its write is real
(the concurrency test and the crash tests). Each builder takes a seed: different seeds, different rows."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import workbooks


def reception_book(path: Path, rows: int, seed: int = 0) -> Path:
    start = date(2026, 1, 5)
    visits = [(f"{start + timedelta(days=i % 300):%d/%m/%Y}", f"Công dân {seed}-{i}, bản Hin, xã Chiềng Sơn", "",
               f"Đề nghị số {seed}-{i} về đất đai", "Kiến nghị", "1", "", "x", "", "", "", "", "Thường xuyên",
               "Quàng Văn Dũng") for i in range(rows)]
    return workbooks.register_workbook(path, visits)


def budget_book(path: Path, lines: int, seed: int = 0) -> Path:
    """A total line and its parts, each part a different amount (the totals add up)."""
    parts = [(str(i + 1), f"Chi nội dung {i + 1}", 1_000_000 * (i + 1 + seed)) for i in range(lines)]
    return workbooks.budget_workbook(path, [("", "TỔNG CHI NGÂN SÁCH XÃ", sum(p[2] for p in parts)), *parts])


def poverty_book(path: Path, households: int, seed: int = 0) -> Path:
    rows = [(f"Hộ {seed}-{i}", "", "Bản Hin" if i % 2 else "Bản Mòng", "Thái", 1 + i % 6, "Nông thôn", None, "",
             "Hộ nghèo" if i % 3 else "Hộ cận nghèo") for i in range(households)]
    return workbooks.poverty_workbook(path, rows)


def plan_book(path: Path, copies: int, seed: int = 0) -> Path:
    """Seed 000's plan with every task repeated: copies × 28 tasks under the 8 dimensions."""
    records, numbers = [], {}
    for rec in workbooks.seed000_records():
        for c in range(copies):
            numbers[rec["section"]] = numbers.get(rec["section"], 0) + 1
            records.append(dict(rec, tt=str(numbers[rec["section"]]), task=f"{rec['task']} (lần {seed}-{c + 1})"))
    return workbooks.plan_workbook(path, records)
