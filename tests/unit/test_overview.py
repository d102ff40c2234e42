"""The home screen's due list, without a display."""

from __future__ import annotations

from datetime import date

from papi_desktop.services import dialogues as ds
from papi_desktop.services import overview
from papi_desktop.services import petitions as ps
from papi_desktop.services import reception as rs


def test_due_entries_overdue_first_across_registers(db) -> None:  # noqa: ANN001
    today = date(2026, 11, 23)  # a Monday
    ps.add_petition(db, ps.PetitionInput(received_on=date(2026, 11, 18), content="Đề nghị", content_class="kien_nghi",
                                         sender="Lò Văn Tiến"))  # due 02/12: beyond "soon"
    ps.add_petition(db, ps.PetitionInput(received_on=date(2026, 11, 2), content="Phản ánh", content_class="kien_nghi",
                                         sender="Cầm Thị Hoa"))  # due 16/11: overdue
    did = ds.add_dialogue(db, ds.DialogueInput(held_on=date(2026, 9, 15), title="Đối thoại 2026", place="UBND xã",
                                               chair="Lò Văn Minh"))
    iid = ds.add_issue(db, did, ds.IssueInput("Đường xuống cấp"))
    ds.add_commitment(db, iid, "Sửa đường", "Địa chính", date(2026, 11, 25))  # due soon
    rs.add_reception(db, rs.ReceptionInput(received_on=date(2026, 11, 10), citizens=[rs.CitizenInput("A")],
                                           summary="Hỏi", classes=["kien_nghi"], reception_type="periodic"))
    entries = overview.due_entries(db, today)
    kinds = [(e.kind, e.overdue) for e in entries]
    assert kinds[:2] == [("petition", True), ("reception", True)]  # last week (16–22/11) had no periodic reception
    assert ("commitment", False) in kinds
    assert all(e.title != "Đơn 1/2026 — Lò Văn Tiến" for e in entries)  # not due soon yet
    english = overview.due_entries(db, today, lang="en")
    assert english[0].title == "Petition 2/2026 — Cầm Thị Hoa" and english[0].detail == "Process a petition"


def test_disclosures_due_soon_and_just_missed(db) -> None:  # noqa: ANN001
    from papi_desktop.services import postings

    today = date(2026, 11, 23)
    postings.add_posting(db, postings.PostingInput(kind="fees", doc_number="40/QĐ-UBND",
                                                   doc_date=date(2026, 11, 18)))  # to post within 5 working days
    postings.add_posting(db, postings.PostingInput(kind="contributions", doc_date=date(2026, 11, 2)))  # missed 09/11
    postings.add_posting(db, postings.PostingInput(kind="public_assets", doc_date=date(2026, 6, 1)))  # long ago
    found = {e.detail: e for e in overview.due_entries(db, today) if e.kind == "disclosure"}
    assert found["Phí, lệ phí"].due == date(2026, 11, 25) and not found["Phí, lệ phí"].overdue
    assert found["Quỹ, khoản tài trợ, khoản huy động Nhân dân đóng góp"].overdue
    assert "Tài sản công do xã quản lý" not in found  # shown on the dashboard, not on the home list
    assert found["Phí, lệ phí"].title == "Công khai năm 2026"  # the period as people read it, not "2026"
    english = {e.detail: e for e in overview.due_entries(db, today, lang="en") if e.kind == "disclosure"}
    assert english["Fees and charges"].title == "Disclosure, year 2026"
