"""Hostile or broken files never take the program down: each reproduction from trying to break the
importers ends in a bilingual KnownError (or an error by row in the preview) and writes nothing."""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from pathlib import Path

import pytest
import workbooks
from sqlalchemy import func, select

from papi_desktop.domain.errors import Cancelled, KnownError
from papi_desktop.domain.jobs import CancelToken
from papi_desktop.services import (
    attachments,
    budget,
    petitions,
    plan_import,
    poverty,
    reception,
    reception_import,
    safe_read,
    search,
)
from papi_desktop.services.workbook_checks import check_members, limits_for
from papi_desktop.storage.models import ChangeLog

IMPORTERS = {
    "plan": (plan_import.preview_import, workbooks.plan_workbook),
    "reception": (reception_import.preview_import, workbooks.register_workbook),
    "budget": (budget.preview_import, workbooks.budget_workbook),
    "poverty": (poverty.preview_import, workbooks.poverty_workbook),
}


def _log_count(db) -> int:  # noqa: ANN001
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


def _refused(db, importer: str, path: Path) -> KnownError:  # noqa: ANN001
    start = _log_count(db)
    with pytest.raises(KnownError) as err:
        IMPORTERS[importer][0](db, path)
    assert err.value.en != err.value.vi and "Nothing was written" in err.value.en
    assert _log_count(db) == start
    return err.value


@pytest.mark.parametrize("importer", sorted(IMPORTERS))
def test_a_cell_at_xfd1048576_is_refused_before_reading(db, tmp_path: Path, importer: str) -> None:  # noqa: ANN001
    good = IMPORTERS[importer][1](tmp_path / "good.xlsx")
    hostile = workbooks.with_cell(good, tmp_path / "xfd.xlsx", "XFD1048576", "x")
    assert hostile.stat().st_size < 20_000
    t0 = time.monotonic()
    err = _refused(db, importer, hostile)
    assert "A1:XFD1048576" in err.vi and "1.048.576 dòng" in err.vi
    assert time.monotonic() - t0 < 10


@pytest.mark.parametrize("importer", sorted(IMPORTERS))
def test_an_undeclared_cell_at_xfd1048576_ends_in_a_message(db, tmp_path: Path, importer: str) -> None:  # noqa: ANN001
    """Without <dimension>, calamine asks for 512 GB and aborts its process: the child's, not ours."""
    good = IMPORTERS[importer][1](tmp_path / "good.xlsx")
    hostile = workbooks.without_dimension(workbooks.with_cell(good, tmp_path / "xfd.xlsx", "XFD1048576", "x"),
                                          tmp_path / "xfd_hidden.xlsx")
    err = _refused(db, importer, hostile)
    assert ("dừng đột ngột" in err.vi) if importer == "reception" else ("1.048.576 dòng" in err.vi)
    # The program carries on: the good file still imports.
    assert IMPORTERS[importer][0](db, good) is not None


def test_a_crash_while_importing_on_a_worker_thread(db, tmp_path: Path) -> None:  # noqa: ANN001
    """The window imports on a worker thread of its own process: the crash stays in the child there too."""
    good = workbooks.register_workbook(tmp_path / "good.xlsx")
    hostile = workbooks.without_dimension(workbooks.with_cell(good, tmp_path / "xfd.xlsx", "XFD1048576", "x"),
                                          tmp_path / "xfd_hidden.xlsx")
    outcome: list[object] = []

    def work() -> None:
        for path in (hostile, good):
            try:
                outcome.append(reception_import.preview_import(db, path).rows)
            except KnownError as exc:
                outcome.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(120)
    assert isinstance(outcome[0], KnownError) and "dừng đột ngột" in outcome[0].vi and outcome[1] == 3


@pytest.mark.parametrize("importer", sorted(IMPORTERS))
@pytest.mark.parametrize("declared", [True, False])
def test_a_cell_at_row_one_million_is_refused_quickly(db, tmp_path: Path, importer: str,  # noqa: ANN001
                                                      declared: bool) -> None:
    good = IMPORTERS[importer][1](tmp_path / "good.xlsx")
    hostile = workbooks.with_cell(good, tmp_path / "far.xlsx", "A1000000", "Hộ nghèo")
    if not declared:
        hostile = workbooks.without_dimension(hostile, tmp_path / "far_hidden.xlsx")
    t0 = time.monotonic()
    err = _refused(db, importer, hostile)
    assert "1.000.000 dòng" in err.vi and "quá giới hạn" in err.vi
    assert time.monotonic() - t0 < 20  # it took 79–134 s and 2.6 GB before


@pytest.mark.parametrize("importer", ["plan", "budget", "poverty"])
def test_a_huge_merged_range_is_refused_before_openpyxl_expands_it(db, tmp_path: Path,  # noqa: ANN001
                                                                   importer: str) -> None:
    """openpyxl makes a cell object for every merged cell: A20:Z200000 took 97 s."""
    good = IMPORTERS[importer][1](tmp_path / "good.xlsx")
    for ref, words in (("A20:Z200000", "ô gộp A20:Z200000 (200.000 dòng)"), ("A1:AX4000", "ô gộp (Merge)")):
        t0 = time.monotonic()
        err = _refused(db, importer, workbooks.with_merge(good, tmp_path / "merged.xlsx", ref))
        assert words in err.vi
        assert time.monotonic() - t0 < 10


def test_a_zip_bomb_is_refused_before_decompression(db, tmp_path: Path) -> None:  # noqa: ANN001
    good = workbooks.register_workbook(tmp_path / "good.xlsx")
    bomb = workbooks.zip_bomb(good, tmp_path / "bomb.xlsx", megabytes=64)
    assert bomb.stat().st_size < 1_000_000
    for importer in IMPORTERS:
        t0 = time.monotonic()
        err = _refused(db, importer, bomb)
        assert "bom nén" in err.vi and "zip bomb" in err.en
        assert time.monotonic() - t0 < 1  # only the zip's directory was read


@pytest.mark.parametrize("encoding", ["bogus", "shift_jis", "utf-16"])
@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_an_xml_part_in_an_unknown_encoding(db, tmp_path: Path, encoding: str, part: str) -> None:  # noqa: ANN001
    """expat raises LookupError on encoding="bogus" (it escaped as a traceback)."""
    good = workbooks.register_workbook(tmp_path / "good.xlsx")
    hostile = workbooks.edit_members(good, tmp_path / "enc.xlsx", lambda name, data: (
        b'<?xml version="1.0" encoding="%s"?>' % encoding.encode() + data) if name == part else data)
    for importer, (preview, _make) in IMPORTERS.items():
        if part.endswith("sheet1.xml"):
            _refused(db, importer, hostile)  # the size check reads the sheet's head
            continue
        start = _log_count(db)
        try:  # the reader may manage (calamine does): a preview or a message, never a traceback
            preview(db, hostile)
        except KnownError:
            pass
        assert _log_count(db) == start


def test_sheets_are_named_as_on_their_tabs(db, tmp_path: Path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    book = workbooks.register_workbook(tmp_path / "so.xlsx")
    wb = load_workbook(book)
    wb.active.title = "Sổ tiếp 2026"
    wb.save(book)
    err = _refused(db, "reception", workbooks.with_cell(book, tmp_path / "far.xlsx", "A300000", "x"))
    assert err.vi.startswith("Trang tính “Sổ tiếp 2026” có vùng dữ liệu A1:O300000")


def test_a_huge_file_is_refused_before_it_is_read(db, tmp_path: Path) -> None:  # noqa: ANN001
    """An old .xls was read whole (to tell a locked one); 4 GB would have gone into memory."""
    huge = tmp_path / "huge.xls"
    with huge.open("wb") as fh:
        fh.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
        fh.truncate(limits_for("reception").max_file + 1)  # sparse: nothing written to the disk
    for importer in IMPORTERS:
        assert "MB, quá giới hạn 100 MB" in _refused(db, importer, huge).vi


def test_each_container_limit(tmp_path: Path) -> None:
    book = workbooks.register_workbook(tmp_path / "so.xlsx")
    base = limits_for("reception")
    check_members(book, base)  # a real book passes
    cases = {
        "MB, quá giới hạn": dataclasses.replace(base, max_file=1000),
        "thành phần": dataclasses.replace(base, max_members=3),
        "khi giải nén chiếm": dataclasses.replace(base, max_uncompressed=10_000),
        "bom nén": dataclasses.replace(base, max_ratio=2, ratio_from=1000),
        "dòng cho một": dataclasses.replace(base, max_rows=5),
        "cột cho một": dataclasses.replace(base, max_columns=10),
    }
    for words, limits in cases.items():
        with pytest.raises(KnownError, match=words):
            check_members(book, limits)


def test_the_limits_are_reference_data() -> None:
    assert limits_for("reception").max_rows == 200_000 and limits_for("reception").max_columns == 100
    assert limits_for("plan").max_rows <= 10_000
    assert limits_for("plan").memory >= 1 << 30 and limits_for("plan").seconds >= 60


# ---- the reader's process ----

def _read(reader, path: Path, **changes) -> list:  # noqa: ANN001
    limits = dataclasses.replace(limits_for("reception"), **changes)
    return [(name, list(rows)) for name, rows in safe_read.sheets_in_child(reader, path, limits)]


def test_a_crash_in_the_reader_is_a_message_and_the_program_survives(tmp_path: Path) -> None:
    book = workbooks.register_workbook(tmp_path / "so.xlsx")
    with pytest.raises(KnownError) as err:
        _read(workbooks.aborting_reader, book)
    assert "dừng đột ngột (tín hiệu 6)" in err.value.vi or os.name == "nt"
    assert "Nothing was written" in err.value.en
    sheets = _read(workbooks.two_sheet_reader, book)  # this process is fine and reads on
    assert [(name, len(rows), rows[-1]) for name, rows in sheets] == [("Một", 5000, (5000, ["Một", "5000"])),
                                                                      ("Hai", 5000, (5000, ["Hai", "5000"]))]


@pytest.mark.skipif(os.name == "nt", reason="no address-space limit on Windows")
def test_the_reader_has_a_memory_limit(tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="MB bộ nhớ"):
        _read(workbooks.hungry_reader, tmp_path, memory=1 << 30)


def test_the_reader_has_a_time_limit(tmp_path: Path) -> None:
    t0 = time.monotonic()
    with pytest.raises(KnownError, match="quá 1 giây"):
        _read(workbooks.slow_reader, tmp_path, seconds=1)
    assert time.monotonic() - t0 < 10


def test_cancel_stops_the_reader(tmp_path: Path) -> None:
    cancel = CancelToken()
    limits = limits_for("reception")
    sheets = safe_read.sheets_in_child(workbooks.slow_reader, tmp_path, limits, cancel)
    name, rows = next(sheets)
    assert (name, list(rows)) == ("Sheet", [(1, ["a"])])
    threading.Timer(0.3, cancel.cancel).start()
    t0 = time.monotonic()
    with pytest.raises(Cancelled):
        next(sheets)  # the child is busy (asleep) before its next sheet
    assert time.monotonic() - t0 < 5


def test_a_library_error_in_the_reader_is_a_message(tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="tệp hỏng hoặc sai định dạng: error"):
        _read(workbooks.broken_reader, tmp_path)


# ---- numbers, search, attachments ----

@pytest.mark.parametrize("typed", ["10^30", "-3", "1e309", "abc", "7.5", "0", 1e30])
def test_a_count_of_people_is_a_whole_number_in_range(db, tmp_path: Path, typed: object) -> None:  # noqa: ANN001
    rows = [workbooks.REGISTER_ROWS[0], (*workbooks.REGISTER_ROWS[2][:5], typed, *workbooks.REGISTER_ROWS[2][6:])]
    preview = reception_import.preview_import(db, workbooks.register_workbook(tmp_path / "so.xlsx", rows))
    assert preview.rows == 1 and [r for r, _vi, _en in preview.parsed.errors] == [8]
    assert "Số người" in preview.parsed.errors[0][1] and "từ 1 đến 10.000" in preview.parsed.errors[0][1]
    start = _log_count(db)
    with pytest.raises(KnownError, match="1 dòng lỗi"):
        reception_import.apply_import(db, preview)
    assert _log_count(db) == start


def test_household_numbers_are_checked(db, tmp_path: Path) -> None:  # noqa: ANN001
    first = workbooks.POVERTY_ROWS[0]
    rows = [first, (*first[:4], "-3", *first[5:]), (*first[:4], 5, first[5], "1e309", *first[7:]),
            (*first[:4], 10**30, *first[5:])]
    preview = poverty.preview_import(db, workbooks.poverty_workbook(tmp_path / "ds.xlsx", rows))
    errors = {r: vi for r, vi, _en in preview.parsed.errors}
    assert len(preview.parsed.rows) == 1 and sorted(errors) == [7, 8, 9]
    assert "Số nhân khẩu “-3”" in errors[7] and "Thu nhập “1e309”" in errors[8] and "Số nhân khẩu" in errors[9]


def test_control_characters_in_a_search(db, tmp_path: Path) -> None:  # noqa: ANN001
    book = workbooks.register_workbook(tmp_path / "so.xlsx")
    reception_import.apply_import(db, reception_import.preview_import(db, book))
    assert len(reception.reception_ids(db, "lò\x00văn\u200bbình")) == 1  # NUL raised OperationalError
    for text in ("\x00", "zq\ud800zq", "\u202ebinh\x1b[0m", '"*^:-', "\x00" * 1000):
        assert reception.reception_ids(db, text) in ([], reception.reception_ids(db))
        assert petitions.petition_ids(db, text) == []
    assert search.fts_query("Nguyễn\x00Văn") == '"nguyen"* "van"*'


def test_attachment_names_are_sanitised(tmp_path: Path) -> None:
    store = tmp_path / "store"
    long_ext = tmp_path / ("bien_ban." + "x" * 200)
    long_ext.write_bytes(b"minutes")
    sha, name = attachments.store_attachment(long_ext, store)
    assert name == long_ext.name and (store / sha).read_bytes() == b"minutes"
    assert attachments.attachment_path(sha, name, store) == store / sha
    scan = tmp_path / "Ảnh niêm yết.JPG"
    scan.write_bytes(b"photo")
    sha, name = attachments.store_attachment(scan, store)
    assert attachments.attachment_path(sha, name, store) == store / f"{sha}.jpg"
    for odd in ("a.p\x00df", "a.pdf ", "a.ảnh", "a." + "1" * 11, "noext"):
        assert attachments.stored_suffix(odd) == ""
