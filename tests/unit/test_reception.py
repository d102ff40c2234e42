"""The citizen reception book: validation, search, masking, statistics in the report's words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import access
from papi_desktop.services import reception as rs
from papi_desktop.storage.models import ChangeLog

# Seed 002's words and figures; its dates as the program writes every date of a document, dd/mm/yyyy
# (issue 11 §1: one way in a document), where the seed has "31/5/2021".
SEED002 = ("Tính từ ngày 01/12/2020 đến ngày 31/05/2021, đã tiếp 75 lượt với 167 công dân trong đó có 04 đoàn "
           "đông người với 53 công dân. Tiếp thường xuyên 69 lượt với 160 công dân trong đó có 04 đoàn đông người "
           "với 53 công dân đến kiến nghị. Tiếp định kỳ, đột xuất của lãnh đạo UBND tỉnh: Tiếp 06 lượt với 07 "
           "công dân không có đoàn đông người.")


def visit(day: date, people: int = 1, rtype: str = "regular", classes: tuple[str, ...] = ("kien_nghi",),
          name: str = "Lò Văn Bình", address: str = "Bản Hin, xã Chiềng Sơn", summary: str = "Đề nghị cấp đất",
          id_number: str = "") -> rs.ReceptionInput:
    citizens = [rs.CitizenInput(name, address, id_number, is_representative=people >= 5)]
    return rs.ReceptionInput(received_on=day, citizens=citizens, summary=summary, classes=list(classes),
                             reception_type=rtype, people_count=people, receiver="Quàng Văn Dũng")


def test_seed002_paragraph_reproduced_from_the_register(db) -> None:  # noqa: ANN001
    """75 visits with 167 citizens, 4 delegations with 53; regular 69/160; leaders 6/7 (seed 002, I.3)."""
    start = date(2020, 12, 1)
    day = lambda i: start + timedelta(days=i % 180)  # noqa: E731 - spread over the window
    for i, people in enumerate((15, 14, 12, 12)):  # four delegations: 53 citizens, all kiến nghị
        rs.add_reception(db, visit(day(i * 7), people=people))
    for i in range(65):  # 65 more regular visits: 160 - 53 = 107 citizens
        rs.add_reception(db, visit(day(30 + i), people=2 if i < 42 else 1,
                                   classes=("khieu_nai",) if i % 5 == 0 else ("phan_anh", "kien_nghi")))
    for i in range(6):  # the leaders' periodic and ad-hoc receptions: 7 citizens
        rs.add_reception(db, visit(day(40 + i * 20), people=2 if i == 0 else 1,
                                   rtype="periodic" if i % 2 else "adhoc"))
    # outside the cut-off window: not counted
    rs.add_reception(db, visit(date(2020, 11, 30), people=9))
    rs.add_reception(db, visit(date(2021, 6, 1)))

    stats = rs.statistics(db, date(2020, 12, 1), date(2021, 5, 31))
    assert rs.statistics_paragraph(stats, leaders_of="UBND tỉnh") == SEED002
    assert stats.as_json()["regular"] == {"receptions": 69, "citizens": 160, "delegations": 4,
                                          "delegation_citizens": 53}


def test_validation_messages(db) -> None:  # noqa: ANN001
    with pytest.raises(KnownError) as err:
        rs.add_reception(db, rs.ReceptionInput(received_on=date(2026, 3, 2), citizens=[], summary="",
                                               classes=["khac"], reception_type="weekly"))
    for needle in ("họ tên", "tóm tắt", "Phân loại", "Hình thức tiếp"):
        assert needle in err.value.vi
    with pytest.raises(KnownError, match="đại diện"):
        bad = visit(date(2026, 3, 2), people=7)
        bad.citizens[0].is_representative = False
        rs.add_reception(db, bad)
    with pytest.raises(KnownError, match="không khớp"):
        v = visit(date(2026, 3, 2), id_number="014090001234")
        v.citizens[0].birth_year = 1985
        rs.add_reception(db, v)
    with pytest.raises(KnownError, match="cơ quan"):
        v = visit(date(2026, 3, 2))
        v.direction = "forward"
        rs.add_reception(db, v)
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.table_name == "reception")) == 0


def test_search_is_accent_insensitive_and_lists_mask_ids(db) -> None:  # noqa: ANN001
    rs.add_reception(db, visit(date(2026, 3, 2), name="Nguyễn Văn An", id_number="014090001234",
                               summary="Tranh chấp đất đai với hộ liền kề"))
    rs.add_reception(db, visit(date(2026, 3, 3), name="Cầm Thị Hoa", address="Bản Mòng",
                               summary="Đề nghị hỗ trợ nhà ở"))
    assert len(rs.reception_ids(db)) == 2
    found = rs.reception_ids(db, "nguyen van")
    assert len(found) == 1 and rs.reception_ids(db, "NGUYỄN văn an") == found
    assert rs.reception_ids(db, "tranh chap dat") == found
    assert len(rs.reception_ids(db, "ban mong")) == 1
    assert rs.reception_ids(db, "khong co ai") == []
    row = rs.reception_rows(db, found)[0]
    assert row.id_numbers == "*********234" and row.names == "Nguyễn Văn An"
    assert rs.citizens_of(db, found[0])[0].id_number == "014090001234"  # the officer's detail view
    outsider = access.Viewer("khách", role="viewer")
    assert rs.citizens_of(db, found[0], outsider)[0].id_number == "*********234"


def test_weeks_without_the_chairmans_periodic_reception(db) -> None:  # noqa: ANN001
    rs.add_reception(db, visit(date(2026, 2, 4), rtype="periodic"))  # week of 2/2
    rs.add_reception(db, visit(date(2026, 2, 26), rtype="periodic"))  # week of 23/2
    missing = rs.weeks_without_periodic(db, date(2026, 2, 2), date(2026, 3, 1))
    # 9/2 lacks one; 16/2 is the Tết week (no working day) and is not counted
    assert missing == [date(2026, 2, 9)]


def test_list_row_of_a_delegation_keeps_citizen_order(db) -> None:  # noqa: ANN001
    citizens = [rs.CitizenInput("Hà Văn Tùng", "Bản Co Muông", "014090001234", is_representative=True),
                rs.CitizenInput("Hà Thị Mai", "Bản Co Muông", "", is_representative=True)]
    rid = rs.add_reception(db, rs.ReceptionInput(received_on=date(2026, 3, 9), citizens=citizens,
                                                 summary="Đề nghị làm đường", classes=["kien_nghi"],
                                                 people_count=12))
    row = rs.reception_rows(db, [rid])[0]
    assert (row.names, row.address, row.id_numbers, row.people_count) == (
        "Hà Văn Tùng; Hà Thị Mai", "Bản Co Muông", "*********234", 12)
