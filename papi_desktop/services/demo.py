"""The demo commune's records, so every page of the demo has something to show."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from .. import paths
from ..storage.db import Database
from . import budget, communication, dialogues, petitions, postings, poverty, reception

SAMPLES_FOLDER = "Mẫu"  # in the demo's data folder, where the import dialog's file chooser finds them
SAMPLE_PLAN = "ke_hoach_mau_2027.xlsx"  # the demo plan moved to 2027 (tests/demo/make_sample_plan.py)


def samples_dir() -> Path:
    return paths.data_dir() / SAMPLES_FOLDER


def place_samples() -> list[Path]:
    """Copy the sample files into the demo's data folder, so a newcomer can try the import at once.
    A copy already there is left as it is (the user may have opened or changed it)."""
    placed = []
    for name in (SAMPLE_PLAN,):
        target = samples_dir() / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(paths.resources_dir() / "demo" / name, target)
        placed.append(target)
    return placed


def fill_registers(db: Database) -> None:
    """A few visits and petitions so the demo's registers are not empty."""
    if reception.count(db):
        return
    visits = [
        (date(2026, 3, 2), "regular", "Lò Văn Bình", "Bản Hin", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
         ["kien_nghi"], 1),
        (date(2026, 3, 4), "periodic", "Cầm Thị Hoa", "Bản Mòng", "Tranh chấp ranh giới đất với hộ liền kề",
         ["khieu_nai"], 1),
        (date(2026, 3, 11), "periodic", "Lường Văn Sơn", "Bản Nà Ngần",
         "Phản ánh ô nhiễm do trại lợn gần nguồn nước", ["phan_anh", "kien_nghi"], 7),
        (date(2026, 4, 8), "regular", "Quàng Thị Lan", "Bản Co Muông", "Hỏi chế độ hỗ trợ hộ nghèo", ["kien_nghi"], 2),
    ]
    for day, kind, name, village, summary, classes, people in visits:
        citizens = [reception.CitizenInput(name, f"{village}, xã Chiềng Sơn", is_representative=people >= 5)]
        reception.add_reception(db, reception.ReceptionInput(
            received_on=day, citizens=citizens, summary=summary, classes=classes, reception_type=kind,
            receiver="Quàng Văn Dũng" if kind == "regular" else "Lò Văn Minh", people_count=people))
    petitions.add_petition(db, petitions.PetitionInput(
        received_on=date(2026, 3, 4), content="Khiếu nại việc xác định ranh giới đất", content_class="khieu_nai",
        sender="Cầm Thị Hoa", remote_area=True))


def fill_dialogue(db: Database) -> None:
    """The dialogue on land that the demo's news item of 12/03/2026 reports, with what was raised and
    the commitment made there (its follow-up still open)."""
    if dialogues.dialogue_ids(db):
        return
    held = dialogues.add_dialogue(db, dialogues.DialogueInput(
        held_on=date(2026, 3, 10), title="Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân về đất đai",
        place="Hội trường UBND xã Chiềng Sơn", chair="Lò Văn Minh", secretary="Quàng Văn Dũng",
        started_at="08:00", ended_at="11:00", attendance={"Nhân dân": 62, "Cán bộ xã": 9},
        topics="Cấp giấy chứng nhận quyền sử dụng đất; ranh giới đất giữa các hộ"))
    issue = dialogues.add_issue(db, held, dialogues.IssueInput(
        content="Đề nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ Bản Hin",
        raised_by="Lò Văn Bình", village="Bản Hin", field="Đất đai",
        answer="UBND xã rà soát hồ sơ, trả lời từng hộ trong tháng 4/2026", answered_by="Lò Văn Minh"))
    dialogues.add_commitment(db, issue, "Rà soát hồ sơ cấp giấy chứng nhận của các hộ Bản Hin",
                             "Công chức Địa chính - Xây dựng", date(2026, 4, 30))


def fill_transparency(db: Database) -> None:
    """Villages, the approved 2026 budget estimate and its posting, a late quarterly report, the
    procedures board, a poverty review in progress, and the first news items of the year."""
    if postings.villages(db, include_inactive=True):
        return
    villages = [postings.add_village(db, name) for name in ("Bản Hin", "Bản Mòng", "Bản Nà Ngần", "Bản Co Muông")]
    everywhere = [postings.PlaceInput("seat"), *(postings.PlaceInput("village", v) for v in villages)]
    lines = [("", "TỔNG CHI NGÂN SÁCH XÃ", 5_000_000_000), ("I", "Chi đầu tư phát triển", 1_000_000_000),
             ("II", "Chi thường xuyên", 3_900_000_000), ("1", "Chi quốc phòng, an ninh", 400_000_000),
             ("2", "Chi sự nghiệp giáo dục", 1_500_000_000), ("3", "Chi quản lý nhà nước, Đảng, đoàn thể",
                                                                2_000_000_000),
             ("III", "Dự phòng ngân sách", 100_000_000)]
    table_id = budget.save_table(db, budget.TableInput(
        2026, "estimate_approved", "Dự toán chi ngân sách xã năm 2026", ["Dự toán năm"],
        [budget.LineEntry(c, n, {"c1": v}) for c, n, v in lines], form_code="110", doc_number="15/QĐ-UBND",
        doc_date=date(2026, 1, 5)))
    postings.add_posting(db, postings.PostingInput(
        kind="budget_estimate_approved", subject_period="2026", doc_number="15/QĐ-UBND", doc_date=date(2026, 1, 5),
        issuer="UBND xã Chiềng Sơn", start_on=date(2026, 1, 9), end_on=date(2026, 2, 28), places=everywhere,
        channels=[postings.ChannelInput("loudspeaker", date(2026, 1, 9), date(2026, 1, 12)),
                  postings.ChannelInput("written_notice", date(2026, 1, 9))],
        budget_table_id=table_id, title="Dự toán ngân sách xã năm 2026 đã được HĐND xã quyết định"))
    postings.add_posting(db, postings.PostingInput(
        kind="budget_execution_q1", subject_period="2026-Q1", start_on=date(2026, 4, 20), end_on=date(2026, 5, 25),
        places=everywhere[:3], channels=[postings.ChannelInput("loudspeaker", date(2026, 4, 20), date(2026, 4, 22))]))
    postings.add_posting(db, postings.PostingInput(
        kind="admin_procedures", subject_period="2026", start_on=date(2025, 7, 1), places=everywhere[:1],
        title="Bộ thủ tục hành chính cấp xã"))
    review = poverty.ensure_review(db, 2026)
    for head, village, klass in (("Lò Văn Pánh", "Bản Hin", "ngheo"), ("Cầm Thị Ún", "Bản Hin", "can_ngheo"),
                                 ("Quàng Văn Khum", "Bản Mòng", "ngheo"), ("Vì Thị Xuân", "Bản Nà Ngần", "thoat_ngheo")):
        poverty.add_household(db, review, poverty.HouseholdInput(head, klass, village, members=4,
                                                                 ethnicity="Thái"))
    for day, title in ((date(2026, 1, 20), "Xã Chiềng Sơn đẩy mạnh cải cách thủ tục hành chính"),
                       (date(2026, 3, 12), "Chiềng Sơn tổ chức đối thoại với Nhân dân về đất đai")):
        communication.add_item(db, communication.NewsInput(day, "provincial_portal", title,
                                                           topic="admin_reform", link="https://sonla.gov.vn"))
