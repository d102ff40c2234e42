"""The notice of a posting as a PDF: what is disclosed (a budget table, a household list with masked
identity numbers, the quarter's list of disclosures), the posting period, the places, and where and
until when to send feedback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.dates import format_vn, place_date
from ..domain.disclosure import last_required_day, rule_for
from ..domain.numbers import group_vn
from ..exports.notice import NoticeData, NoticeTable
from ..exports.notice import write_notice as write_pdf
from ..storage.db import Database
from . import budget, postings, poverty, reference, setup
from .postings import period_label


def _budget_table(table_id: str, db: Database) -> tuple[str, NoticeTable]:
    t = budget.table(db, table_id)
    headers = ["STT", "Nội dung", *(c.name for c in t.columns)]
    rows = [[x.code, ("    " * max(0, x.level - 1)) + x.name, *(group_vn(x.values[c.key]) if c.key in x.values
                                                                 else "" for c in t.columns)] for x in t.lines]
    bold = {i for i, x in enumerate(t.lines) if x.level <= 1 and not x.of_which}
    widths: list[float] = [8, 52, *([22] * len(t.columns))]
    title = t.title + (f" (Biểu số {t.form_code})" if t.form_code.isdigit() else "")
    return title, NoticeTable(headers, rows, widths, set(range(2, 2 + len(t.columns))), bold)


def _poverty_table(review_id: str, db: Database) -> tuple[str, NoticeTable]:
    info = poverty.review(db, review_id)
    people = poverty.households(db, review_id)  # identity numbers masked: the law asks for the list, not IDs
    rows = [[str(i), h.head_name, h.village, h.ethnicity, str(h.members), poverty.class_name(h.klass)]
            for i, h in enumerate(people, start=1)]
    title = f"Danh sách hộ nghèo, hộ cận nghèo năm {info.year} ({poverty.standard(info.standard).name_vi})"
    return title, NoticeTable(["STT", "Họ và tên chủ hộ", "Thôn, bản", "Dân tộc", "Số nhân khẩu", "Phân loại"],
                              rows, [7, 30, 20, 12, 11, 20], {4})


def _quarter_table(db: Database, period: str) -> tuple[str, NoticeTable]:
    """What the commune disclosed in the quarter: content, form, time (Luật 10/2022, Điều 13.2)."""
    from ..domain.disclosure import period_end  # noqa: PLC0415

    end = period_end(period)
    assert end is not None
    rows = [[str(i), d.title, d.forms, d.when]
            for i, d in enumerate(postings.disclosed_between(db, date(end.year, end.month - 2, 1), end), start=1)]
    return (f"Danh mục thông tin đã công khai {period_label(period)}",
            NoticeTable(["STT", "Nội dung công khai", "Hình thức", "Thời gian"], rows, [7, 50, 25, 22]))


def notice_data(db: Database, posting_id: str, today: date) -> NoticeData:
    detail = postings.get_posting(db, posting_id)
    inp = detail.inp
    profile = setup.get_profile(db)
    unit_name = profile.unit_name if profile else ""
    place = unit_name.split(" ", 1)[1] if " " in unit_name else unit_name
    kind = reference.disclosure_kind(inp.kind)
    start = inp.start_on or today
    rule = rule_for(kind, start, list(reference.disclosure_layers()))
    calendar = reference.working_calendar()
    if inp.end_on:
        until = inp.end_on
    elif rule is not None and not rule.permanent:
        until = last_required_day(start, rule, calendar)
    else:
        until = None
    unit_word = "ngày làm việc" if rule and rule.min_days_unit == "working" else "ngày"
    period = (f"Thời gian niêm yết: từ ngày {format_vn(start)} đến hết ngày {format_vn(until)}"
              + (f" ({rule.min_days} {unit_word} theo quy định)" if rule and rule.min_days and not inp.end_on else "")
              if until else f"Niêm yết thường xuyên từ ngày {format_vn(start)}.")
    place_names = [p.label or ("Trụ sở UBND xã" if p.place == "seat" else "") for p in inp.places]
    places = "Địa điểm niêm yết: " + ("; ".join(x for x in place_names if x) or "Trụ sở UBND xã") + "."
    feedback_to = inp.feedback_to or "Văn phòng HĐND và UBND xã (tại trụ sở UBND xã) hoặc Trưởng thôn, bản"
    feedback_until = inp.feedback_until or until
    feedback = (f"Mọi ý kiến góp ý, phản ánh xin gửi về {feedback_to}"
                + (f" trước hết ngày {format_vn(feedback_until)}." if feedback_until else "."))
    source = ""
    if inp.doc_number:
        source = f"Căn cứ văn bản số {inp.doc_number}" + (f" ngày {format_vn(inp.doc_date)}" if inp.doc_date else "")
        source += f" của {inp.issuer}" if inp.issuer else ""
        source += ";"
    intro = (f"Thực hiện Luật Thực hiện dân chủ ở cơ sở, Ủy ban nhân dân {unit_name[:1].lower()}{unit_name[1:]} "
             "thông báo niêm yết "
             f"công khai: {inp.title}.")
    table, table_title = None, ""
    if inp.budget_table_id:
        table_title, table = _budget_table(inp.budget_table_id, db)
    elif inp.poverty_review_id:
        table_title, table = _poverty_table(inp.poverty_review_id, db)
    elif inp.kind == "quarterly_list":
        table_title, table = _quarter_table(db, inp.subject_period)
    return NoticeData(
        issuer_lines=["ỦY BAN NHÂN DÂN", unit_name.upper()], place_date=place_date(place, start),
        title="THÔNG BÁO", subject=f"Niêm yết công khai {inp.title[:1].lower()}{inp.title[1:]}",
        paragraphs=[x for x in (source, intro) if x], period=period, places=places, feedback=feedback,
        table=table, table_title=table_title,
        signer_title=["TM. ỦY BAN NHÂN DÂN", (profile.chairman_title if profile else "Chủ tịch").upper()],
        signer_name=profile.chairman_name if profile else "")


def write_notice(db: Database, posting_id: str, target: Path, paper: str = "A4", today: date | None = None) -> Path:
    return write_pdf(notice_data(db, posting_id, today or date.today()), Path(target), paper)
