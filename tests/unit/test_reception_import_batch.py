"""The reception import's batch write (bulk_add with stored=True: checked and normalised once, in the
preview) against the row-by-row path (add_to_session: validate, nfc, the ORM change-log hook): the same
rows, change log and search results; a bad row anywhere still refuses the whole file by its number."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import workbooks

from papi_desktop.domain.errors import Cancelled, KnownError
from papi_desktop.domain.jobs import CancelToken, NullProgress
from papi_desktop.domain.register_table import RegisterRow, parse_register
from papi_desktop.domain.text import nfc, one_line
from papi_desktop.services import reception as rs
from papi_desktop.services import reception_import as ri
from papi_desktop.services import reference, setup
from papi_desktop.storage import personal_seal


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# date, name+address, id, summary, class, people, prior, accept, guide, forward, followup, notes, type, receiver:
# cells as people type them (decomposed accents, doubled spaces, tabs, line breaks, padding).
MESSY_ROWS = [
    ("02/03/2026", _nfd("Nguyễn  Văn Bình ,  bản Hin,\txã Chiềng Sơn"), " 014 090 001234 ",
     _nfd("Đề nghị  cấp giấy\nchứng nhận QSDĐ"), "Kiến nghị", "1", " UBND  xã cũ ", "x", "", "", "Đã trả lời",
     "", "Thường xuyên", "Quàng  Văn Dũng"),
    (None, "Cầm Thị Hoa\n  bản Mòng, xã Chiềng Sơn\n", "", "Tranh chấp ranh giới đất", "khiếu nại,  tố cáo", "",
     "", "", _nfd("Hướng dẫn đến TAND  khu vực"), "", "", "ghi \t chú", "Định kỳ", "Lò Văn Minh"),
    ("04/03/2026", "Lường Văn Sơn, bản Nà Ngần", "", "Phản ánh ô nhiễm do trại lợn", _nfd("Phản ánh, kiến nghị"),
     "12", "", "", "", "Chuyển Sở NN&MT,  PC số 3", "", "", _nfd("đột xuất"), ""),
    ("05/03/2026", "Điêu Thị Thắm", "Hộ chiếu B123", "Hỏi chế độ người có công", "Kiến nghị", "2", "", "", "", "",
     "Theo dõi\tkết quả", "", "", "Quàng Văn Dũng"),
    ("06/03/2026", "Nguyễn Văn Bình, bản Hin", "", "Đề nghị cấp giấy chứng nhận QSDĐ lần hai", "Tố cáo", "1", "",
     "x", "", "", "", "", "Thường xuyên", "Quàng Văn Dũng"),
]
QUERIES = ["nguyen van binh", "cam thi", "tranh chap", "chieng son", "so nn", "ubnd xa", "ghi chu", "khong co ai"]
STAMPS = {"id", "created_hlc", "updated_hlc"}  # differ between any two writes; compared as facts instead


def _second_db(tmp_path: Path):
    other = setup.open_database(tmp_path / "row_by_row.db", user="tester")
    setup.setup_commune(other, "03985", chairman_name="Lò Văn Minh")
    return other


def _contents(db) -> dict[str, object]:
    """Both tables in insertion order, the change log's rows for them and the search results, ids named
    by the row's place in the book and clock stamps left out."""
    conn = sqlite3.connect(db.path)
    try:
        place = {rid: f"visit {n}" for n, rid in conn.execute("SELECT rowid, id FROM reception")}
        place.update({cid: f"citizen {n}" for n, cid in conn.execute("SELECT rowid, id FROM reception_citizen")})
        place[conn.execute("SELECT value FROM local_setting WHERE key = 'node_id'").fetchone()[0]] = "this PC"

        def rows(sql: str) -> list[dict[str, object]]:
            cur = conn.execute(sql)
            names = [d[0] for d in cur.description]
            return [{k: place.get(v, v) for k, v in zip(names, row, strict=True) if k not in STAMPS} for row in cur]

        log = []
        keys = {(t, r): k for t, r, k in conn.execute("SELECT table_name, record_id, key FROM personal_key")}
        opened = {seq: personal_seal.unseal(t, r, text, keys.get((t, r)), {}) for seq, t, r, text in conn.execute(
            "SELECT seq, table_name, record_id, after_json FROM change_log WHERE table_name LIKE 'reception%'")}
        for entry in rows("SELECT seq, table_name, record_id, op, row_version, actor, unit_code, before_json, "
                          "origin_node, received FROM change_log WHERE table_name LIKE 'reception%'"):
            after = json.loads(opened[entry.pop("seq")])  # type: ignore[index]  # sealed personal values opened
            entry["after"] = [(k, place.get(v, v)) for k, v in after.items() if k not in STAMPS]  # in order
            log.append(entry)
        stamps_agree = conn.execute(
            "SELECT COUNT(*) FROM change_log l JOIN reception r ON r.id = l.record_id "
            "WHERE l.hlc = r.created_hlc AND r.created_hlc = r.updated_hlc").fetchone()[0] == len(
            [p for p in place.values() if p.startswith("visit")])
        return {
            "reception": rows("SELECT rowid AS place, * FROM reception ORDER BY rowid"),
            "reception_citizen": rows("SELECT rowid AS place, * FROM reception_citizen ORDER BY rowid"),
            "change_log": sorted(log, key=repr), "log stamps are the rows'": stamps_agree,
            "search": {q: [place[i] for i in rs.reception_ids(db, q)] for q in QUERIES},
        }
    finally:
        conn.close()


def test_batch_write_equals_the_row_by_row_path(db, tmp_path: Path) -> None:
    book = workbooks.register_workbook(tmp_path / "so.xlsx", MESSY_ROWS)
    preview = ri.preview_import(db, book)
    assert preview.parsed.errors == [] and preview.rows == len(MESSY_ROWS)
    assert ri.apply_import(db, preview) == len(MESSY_ROWS)

    other = _second_db(tmp_path)
    try:
        with other.session() as s:
            for entry in ri.preview_import(other, book).entries:
                rs.add_to_session(s, entry)  # validate, nfc, ORM objects, the flush hook's log rows
        batch, one_by_one = _contents(db), _contents(other)
        again = ri.preview_import(other, book)
    finally:
        other.dispose()
    assert batch == one_by_one
    assert batch["log stamps are the rows'"] is True
    assert len(batch["change_log"]) == 2 * len(MESSY_ROWS)  # type: ignore[arg-type]
    assert batch["search"]["nguyen van binh"] == ["visit 5", "visit 1"]  # newest first
    assert batch["search"]["so nn"] == ["visit 3"] and batch["search"]["khong co ai"] == []
    first = batch["reception"][0]  # type: ignore[index]
    assert (first["summary"], first["prior_authorities"], first["receiver"]) == (
        "Đề nghị cấp giấy chứng nhận QSDĐ", "UBND xã cũ", "Quàng Văn Dũng")  # NFC, one line, single spaces
    assert batch["reception_citizen"][0]["id_number"] == "014090001234"  # type: ignore[index]
    assert (again.new_rows, again.duplicates) == (0, len(MESSY_ROWS))  # the same keys on both paths


def test_parsed_texts_are_in_the_stored_form() -> None:
    """What the batch path relies on to normalise nothing again: every text parse_register gives is as
    nfc and one_line leave it."""
    header = ["STT", "Ngày tiếp", "Họ tên, địa chỉ", "CCCD/Hộ chiếu", "Nội dung vụ việc", "Phân loại đơn",
              "Số người", "Cơ quan đã giải quyết", "Thụ lý", "Hướng dẫn", "Chuyển đơn",
              "Theo dõi kết quả giải quyết", "Ghi chú", "Hình thức tiếp", "Người tiếp"]
    rows = [(1, header)] + [(n, [str(n), r[0] or "07/03/2026", *r[1:]]) for n, r in enumerate(MESSY_ROWS, start=2)]
    parsed = parse_register(rows, (1, 10000))
    assert parsed.errors == [] and len(parsed.rows) == len(MESSY_ROWS)
    texts = [f for f in RegisterRow.__slots__ if isinstance(getattr(parsed.rows[0], f), str)]
    for row in parsed.rows:
        for f in texts:
            value = getattr(row, f)
            assert value == nfc(value) == one_line(value), (row.row, f, value)
    assert (parsed.rows[1].name, parsed.rows[1].address) == ("Cầm Thị Hoa", "bản Mòng, xã Chiềng Sơn")


@pytest.mark.parametrize("change", [
    {"people_count": 12},  # a delegation without a representative
    {"classes": ["hoi_dap"]}, {"classes": []}, {"summary": ""}, {"reception_type": "weekly"},
    {"direction": "forward"},  # forwarded without naming where
    {"citizens": [rs.CitizenInput("Lò Thị Xuân", id_number="099190001234")]},  # no province 099
    {"citizens": [rs.CitizenInput("Lò Thị Xuân", id_number="01409000123")]},  # 11 digits
    {"people_count": 0},
])
def test_the_stored_check_refuses_what_validate_refuses(data_dir: Path, change: dict[str, object]) -> None:
    entry = rs.ReceptionInput(received_on=date(2026, 3, 2), citizens=[rs.CitizenInput("Lò Văn Bình")],
                              summary="Đề nghị", classes=["kien_nghi"])
    rs.validate(entry)
    rs.validate_stored(entry, rs.delegation_threshold(), set(reference.province_codes()))
    for key, value in change.items():
        setattr(entry, key, value)
    with pytest.raises(KnownError) as form:
        rs.validate(entry)
    with pytest.raises(KnownError) as stored:
        rs.validate_stored(entry, rs.delegation_threshold(), set(reference.province_codes()))
    assert (stored.value.vi, stored.value.en) == (form.value.vi, form.value.en)


@pytest.fixture(scope="module")
def long_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """More visits than three write chunks, one bad row near the end (sheet row = data row + 6)."""
    count = 2 * ri._CHUNK + 1500
    visits = [(f"{(i % 28) + 1:02d}/03/2026", f"Công dân {i}, bản Hin, xã Chiềng Sơn", "", f"Đề nghị số {i}",
               "Kiến nghị", "1", "", "x", "", "", "", "", "Thường xuyên", "Quàng Văn Dũng") for i in range(count)]
    bad = count - 40
    visits[bad] = (*visits[bad][:2], "099190001234", *visits[bad][3:])  # a CCCD of no province
    path = workbooks.register_workbook(tmp_path_factory.mktemp("long") / "so_dai.xlsx", visits)
    return path, bad + 1 + 6


def test_a_bad_row_deep_in_a_long_book_refuses_the_whole_file(db, long_book: tuple[Path, int]) -> None:
    book, bad_row = long_book
    preview = ri.preview_import(db, book)
    assert [r for r, _vi, _en in preview.parsed.errors] == [bad_row]
    assert preview.rows == 2 * ri._CHUNK + 1500 - 1
    with pytest.raises(KnownError, match=f"1 dòng lỗi \\(dòng {bad_row}: .*Mã tỉnh “099”") as caught:
        ri.apply_import(db, preview)
    assert f"row {bad_row}" in caught.value.en
    assert rs.count(db) == 0


class _CancelAfterFirstChunk(NullProgress):
    def __init__(self, token: CancelToken) -> None:
        super().__init__()
        self.token = token

    def advance(self, n: int = 1) -> None:
        super().advance(n)
        self.token.cancel()


def test_chunks_written_before_a_cancel_are_rolled_back(db, long_book: tuple[Path, int]) -> None:
    """All or nothing across chunks: the first chunk's rows, log rows and index entries go with the rest."""
    book, _bad_row = long_book
    preview = ri.preview_import(db, book)
    preview.parsed.errors.clear()  # the bad row dropped: the rest is a valid book of three chunks
    token = CancelToken()
    progress = _CancelAfterFirstChunk(token)
    with pytest.raises(Cancelled):
        ri.apply_import(db, preview, progress, token)
    assert progress.done == ri._CHUNK  # the first chunk was written, then the cancel came
    assert rs.count(db) == 0 and rs.reception_ids(db, "cong dan") == []
    conn = sqlite3.connect(db.path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM change_log WHERE table_name LIKE 'reception%'").fetchone()[0] == 0
    finally:
        conn.close()
    assert ri.apply_import(db, preview) == preview.rows  # and the same preview writes it whole afterwards
    assert len(rs.reception_ids(db, "cong dan 12")) == 111  # "12" and "120".."129" and "1200".."1299"


def test_a_second_book_adds_only_the_visits_not_yet_in_the_book(db, tmp_path: Path) -> None:
    """Duplicates are told by (day, first citizen, summary) folded, only on days the book already has visits."""
    ri.apply_import(db, ri.preview_import(db, workbooks.register_workbook(tmp_path / "so.xlsx", MESSY_ROWS)))
    same = MESSY_ROWS[0]
    second = [
        same,  # already there
        ("02/03/2026", "nguyen van binh, ban Hin", "", "de nghi cap giay chung nhan qsdđ", *same[4:]),  # so is this
        ("02/03/2026", same[1], "", "Đề nghị khác", *same[4:]),  # the same day and citizen, another matter
        ("20/03/2026", same[1], "", same[3], *same[4:]),  # the same matter on a day with no visit yet
    ]
    preview = ri.preview_import(db, workbooks.register_workbook(tmp_path / "so2.xlsx", second))
    assert (preview.rows, preview.duplicates, preview.new_rows) == (4, 2, 2)
    assert ri.apply_import(db, preview) == 2 and rs.count(db) == len(MESSY_ROWS) + 2
    assert len(rs.reception_ids(db, "de nghi khac")) == 1


def test_the_cycle_collector_runs_again_after_an_import_even_a_refused_one(db, tmp_path: Path) -> None:
    import gc

    with pytest.raises(KnownError, match="Không tìm thấy sổ tiếp công dân"):
        ri.preview_import(db, workbooks.plan_workbook(tmp_path / "plan.xlsx"))
    assert gc.isenabled()
    rows = [*MESSY_ROWS, ("31/02/2026", "Hà Văn Tùng", "", "Hỏi chế độ", "Kiến nghị", "1", "", "", "", "", "", "",
                          "", "")]
    preview = ri.preview_import(db, workbooks.register_workbook(tmp_path / "loi.xlsx", rows))
    assert gc.isenabled() and [r for r, _vi, _en in preview.parsed.errors] == [6 + len(rows)]
    with pytest.raises(KnownError, match="dòng lỗi"):
        ri.apply_import(db, preview)
    assert gc.isenabled()
    gc.disable()  # a caller's own choice is left as it was
    try:
        preview.parsed.errors.clear()
        assert ri.apply_import(db, preview) == len(MESSY_ROWS)
        assert not gc.isenabled()
    finally:
        gc.enable()
