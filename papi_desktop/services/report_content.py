"""What each official report says, built from the recorded data: the PAPI plan report with its
appendix, the reception book (Mẫu 03/TCD), petition statistics, the list of disclosures, and the
minutes of a dialogue. Always Vietnamese; the narrative is prefilled and editable before export."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..domain.dates import format_vn, place_date
from ..domain.numbers import count_vn
from ..exports.document import Appendix, Block, Cell, OfficialDoc, Para, Signer, TableBlock
from ..storage.db import Database
from ..storage.models import PlanSection
from . import compliance, dialogues, petitions, plan, progress, reception, reference, setup
from .postings import period_label


@dataclass
class ReportContext:
    unit_name: str  # "Xã Chiềng Sơn"
    place: str  # "Chiềng Sơn"
    chairman: str
    chairman_title: str
    number_text: str  # "Số: 12/BC-UBND" or "" for registers
    number_ref: str  # "12/BC-UBND"
    issued_on: date
    start: date
    end: date
    label: str  # "6 tháng đầu năm 2026", "năm 2026", "từ ngày … đến ngày …"
    period_code: str  # "2026-H1", "2026-Y", "" for a free range
    year: int

    @property
    def issuer_lines(self) -> list[str]:
        return ["ỦY BAN NHÂN DÂN", self.unit_name.upper()]

    @property
    def unit_lower(self) -> str:
        return self.unit_name[:1].lower() + self.unit_name[1:]

    def signer(self) -> Signer:
        return Signer(["TM. ỦY BAN NHÂN DÂN", (self.chairman_title or "Chủ tịch").upper()], self.chairman)

    def attached(self, kind: str = "Báo cáo") -> str:
        number = f" số {self.number_ref}" if self.number_ref else ""
        return f"(Kèm theo {kind}{number} ngày {format_vn(self.issued_on)} của UBND {self.unit_lower})"


def context(db: Database, start: date, end: date, label: str, period_code: str, issued_on: date,
            number_text: str = "", number_ref: str = "") -> ReportContext:
    profile = setup.get_profile(db)
    unit = profile.unit_name if profile else ""
    place = unit.split(" ", 1)[1] if " " in unit else unit
    return ReportContext(unit, place, profile.chairman_name if profile else "",
                         profile.chairman_title if profile else "Chủ tịch", number_text, number_ref, issued_on, start,
                         end, label, period_code, end.year)


RECIPIENTS = ["UBND tỉnh Sơn La (b/c);", "Sở Nội vụ tỉnh Sơn La;", "Thường trực Đảng ủy, HĐND xã;",
              "Ủy ban MTTQ Việt Nam xã;", "Lưu: VT, VP."]


# ---- the PAPI plan report ----

def _evidence(update: progress.UpdateInfo) -> str:
    docs = [f"{e.doc_ref} ngày {format_vn(e.doc_date)}" if e.doc_date else e.doc_ref for e in update.evidence]
    return update.result + (" (" + "; ".join(docs) + ")" if docs else "")


def _petition_sentence(stats: petitions.Statistics) -> str:
    """Seed 002's sentence; a zero is written as the province writes it ("không có đơn tố cáo"),
    never "00 đơn"."""
    c = stats["by_class"]
    classes = [(c["khieu_nai"], "khiếu nại"), (c["to_cao"], "tố cáo"), (c["kien_nghi"], "kiến nghị, phản ánh"),
               (c.get("nhieu_noi_dung", 0), "có nhiều nội dung")]
    if stats["received"]:
        parts = [f"{count_vn(n)} đơn {name}" for n, name in classes if n]
        absent = [name for n, name in classes[:3] if not n]
        if absent:
            parts.append("không có đơn " + ", ".join(absent))
        text = f"Tiếp nhận {count_vn(stats['received'])} đơn trong đó {', '.join(parts)}."
    else:
        text = "Không có đơn tiếp nhận trong kỳ."
    ways = [(stats["guided_or_returned"], "hướng dẫn và trả lại {} đơn"),
            (stats["forwarded"], "chuyển đến các cơ quan có thẩm quyền {} đơn"),
            (stats["accepted"], "thụ lý giải quyết {} đơn")]
    if stats["processed"]:
        done = [way.format(count_vn(n)) for n, way in ways if n]
        text += f" Xử lý {count_vn(stats['processed'])} đơn" + (f" gồm: {', '.join(done)}." if done else ".")
    elif stats["received"]:
        text += " Không có đơn đã xử lý."
    resolved = f"Đã giải quyết xong {count_vn(stats['resolved'])} đơn" if stats["resolved"] else ""
    if stats["pending"]:
        pending = f"{count_vn(stats['pending'])} đơn" + (
            f", trong đó {count_vn(stats['overdue'])} đơn quá hạn" if stats["overdue"] else "")
        text += f" {resolved}; đang giải quyết {pending}." if resolved else f" Đang giải quyết {pending}."
    elif resolved:
        text += f" {resolved}; không có đơn đang giải quyết."
    return text


def _periods(ctx: ReportContext) -> list[str]:
    if ctx.period_code.endswith("-H1"):
        return [ctx.period_code]
    if ctx.period_code.endswith("-Y"):
        return [f"{ctx.year}-H1", ctx.period_code]
    return [f"{ctx.year}-H1", f"{ctx.year}-Y"]


def as_of(ctx: ReportContext, today: date) -> date:
    """The day a period's figures are judged on: its end (a report of a closed period says what stood at
    its end, not on the export day), or today while the period is still running."""
    return min(today, ctx.end)


def _item(text: str) -> str:
    """One task as a line of a list: its first line, without the punctuation it ended with (no ";." or ":;")."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first.strip().rstrip(" .;:,-–").strip()


def papi_sections(db: Database, ctx: ReportContext, today: date) -> dict[str, str]:
    """The narrative, prefilled from the records: intro, one text per dimension, shortcomings, next tasks.
    Every figure is judged at the period's end (as_of)."""
    today = as_of(ctx, today)
    info = plan.current_plan(db, ctx.year)
    out: dict[str, str] = {}
    subject = f"cải thiện, nâng cao Chỉ số Hiệu quả Quản trị và Hành chính công (PAPI) năm {ctx.year}"
    if info is not None and info.doc_number:
        source = f"Kế hoạch số {info.doc_number}" + (f" ngày {format_vn(info.doc_date)}" if info.doc_date else "")
        source += (f" của {info.issuer}" if info.issuer else "") + f" về {subject}"
    else:
        source = f"Kế hoạch {subject}"
    out["intro"] = (f"Thực hiện {source}, Ủy ban nhân dân {ctx.unit_lower} báo cáo kết quả thực hiện {ctx.label} "
                    "như sau:" if info is not None else
                    f"Ủy ban nhân dân {ctx.unit_lower} báo cáo kết quả {subject.replace(f' năm {ctx.year}', '')} "
                    f"{ctx.label} như sau:")
    rows = plan.list_tasks(db, plan.TaskFilter(plan_id=info.id), today) if info else []
    results = progress.results_by_task(db, info.id, _periods(ctx)) if info else {}
    extra = _register_texts(db, ctx, today)
    for dim in reference.dimensions():
        lines = []
        for t in (r for r in rows if r.dimension == dim.number):
            done = [_evidence(u) for u in results.get(t.id, [])]
            if done:
                lines.append(f"- {_item(t.task)}: {' '.join(done)}")
        lines.extend(extra.get(dim.number, []))
        out[f"dim{dim.number}"] = "\n".join(lines) or "Chưa có kết quả được ghi nhận trong kỳ."
    late = [r for r in rows if r.overdue]
    if info is None:  # said plainly: nothing can be judged against a plan that was never recorded
        out["limits"] = (f"Chưa có Kế hoạch cải thiện Chỉ số PAPI năm {ctx.year} trong chương trình; chưa đánh giá "
                         "được tiến độ thực hiện nhiệm vụ trong kỳ.")
        out["next"] = f"- Xây dựng, ban hành Kế hoạch cải thiện Chỉ số PAPI năm {ctx.year}."
        return out
    out["limits"] = ("\n".join(["Một số nhiệm vụ chưa hoàn thành đúng thời hạn:",
                                *(f"- {r.dimension}.{r.number} {_item(r.task)}." for r in late)])
                     if late else "Các nhiệm vụ đến hạn trong kỳ đã được triển khai theo kế hoạch.")
    upcoming = [(r.next_due, r) for r in rows
                if r.status != "done" and not r.overdue and r.next_due and r.next_due > ctx.end]
    out["next"] = "\n".join(f"- {_item(r.task)} (hạn {format_vn(due)})."
                            for due, r in sorted(upcoming, key=lambda pair: pair[0])[:12]) or (
        "- Tiếp tục thực hiện các nhiệm vụ của Kế hoạch cải thiện Chỉ số PAPI.")
    return out


def democracy_law_from() -> date:
    """The day Luật Thực hiện dân chủ ở cơ sở (10/2022/QH15) took effect, from the disclosure rules' own
    effective dates (resources/reference/disclosure_rules.json): its general layer ("scope": all)."""
    return min(layer.effective_from for layer in reference.disclosure_layers() if layer.scope.get("all"))


def _register_texts(db: Database, ctx: ReportContext, today: date) -> dict[int, list[str]]:
    """What the registers add to the dimensions: dialogues (1), disclosures (2), reception and petitions (3)."""
    texts: dict[int, list[str]] = {}
    held = [d for d in dialogues.dialogue_rows(db, dialogues.dialogue_ids(db)) if ctx.start <= d.held_on <= ctx.end]
    if held:
        issues = sum(d.issues for d in held)
        heard = (f"tiếp nhận {count_vn(issues)} ý kiến, kiến nghị và trả lời, giải trình tại hội nghị" if issues
                 else "không có ý kiến, kiến nghị")
        texts[1] = [f"- Tổ chức {count_vn(len(held))} hội nghị đối thoại với Nhân dân ("
                    + "; ".join(format_vn(d.held_on) for d in held) + f"), {heard}."]
    law_from = democracy_law_from()
    if ctx.end >= law_from:  # scored against the law only from the day it took effect
        required = [r for r in compliance.check_year(db, ctx.year, today)
                    if r.status != "unknown" and r.sources
                    and (r.deadline is None or law_from <= r.deadline <= ctx.end)]
        if required:
            ok = sum(r.status in ("ok", "in_progress") for r in required)
            since = f" (có hiệu lực từ ngày {format_vn(law_from)})" if ctx.start < law_from else ""
            done = (f"Thực hiện công khai, niêm yết {count_vn(ok)}/{count_vn(len(required))} nội dung" if ok else
                    f"Chưa công khai nội dung nào trong {count_vn(len(required))} nội dung")
            texts[2] = [f"- {done} phải công khai theo Luật Thực hiện dân chủ ở cơ sở{since} đến ngày "
                        f"{format_vn(ctx.end)}."]
    else:
        from . import postings  # noqa: PLC0415

        posted = postings.disclosed_between(db, ctx.start, ctx.end)
        if posted:
            texts[2] = [f"- Thực hiện công khai, niêm yết {count_vn(len(posted))} nội dung trong kỳ."]
    stats = reception.statistics(db, ctx.start, ctx.end)
    texts[3] = [reception.statistics_paragraph(stats),
                _petition_sentence(petitions.statistics(db, ctx.start, ctx.end, today))]
    return texts


def papi_report(db: Database, ctx: ReportContext, sections: dict[str, str], today: date) -> OfficialDoc:
    info = plan.current_plan(db, ctx.year)
    blocks: list[Block] = [Para(sections["intro"]), Para("I. KẾT QUẢ THỰC HIỆN", "heading1")]
    for dim in reference.dimensions():
        blocks.append(Para(f"{dim.number}. Nội dung “{dim.name_vi}”", "heading2"))
        blocks.extend(Para(line) for line in sections[f"dim{dim.number}"].splitlines() if line.strip())
    blocks.append(Para("II. TỒN TẠI, HẠN CHẾ", "heading1"))
    blocks.extend(Para(line) for line in sections["limits"].splitlines() if line.strip())
    blocks.append(Para(f"III. NHIỆM VỤ TRỌNG TÂM {'6 THÁNG CUỐI NĂM' if ctx.period_code.endswith('-H1') else 'THỜI GIAN TỚI'}",
                       "heading1"))
    blocks.extend(Para(line) for line in sections["next"].splitlines() if line.strip())
    appendix = []
    if info is not None:
        appendix = [Appendix("PHỤ LỤC", f"KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ NÂNG CAO CHỈ SỐ PAPI {ctx.label.upper()}",
                             ctx.attached(), [_appendix_table(db, info.id, ctx, today)], landscape=True)]
    return OfficialDoc(
        ctx.issuer_lines, ctx.number_text, place_date(ctx.place, ctx.issued_on), "BÁO CÁO",
        f"Kết quả thực hiện Kế hoạch cải thiện Chỉ số Hiệu quả Quản trị và Hành chính công (PAPI) {ctx.label}",
        blocks, [ctx.signer()], RECIPIENTS, f"Ủy ban nhân dân {ctx.unit_lower} trân trọng báo cáo./.", appendix,
        file_stem=f"bao_cao_papi_{ctx.period_code or ctx.year}")


def _appendix_table(db: Database, plan_id: str, ctx: ReportContext, today: date) -> TableBlock:
    """Seed 002's layout: the task with its result and evidence ("Kết quả: …"), output, lead, partners, deadline."""
    rows_out: list[list] = []
    sections: set[int] = set()
    results = progress.results_by_task(db, plan_id, _periods(ctx))
    tasks = plan.list_tasks(db, plan.TaskFilter(plan_id=plan_id), as_of(ctx, today))
    roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
    written = _section_titles(db, plan_id)
    for dim in reference.dimensions():
        own = [t for t in tasks if t.dimension == dim.number]
        if not own:
            continue
        sections.add(len(rows_out))
        numeral, title = written.get(dim.number, ("", ""))
        rows_out.append([numeral or roman[dim.number - 1], title or f"Nội dung “{dim.name_vi}”", "", "", "", ""])
        for t in own:
            done = [_evidence(u) for u in results.get(t.id, [])]
            result = "Kết quả: " + (" ".join(done) if done else "chưa có kết quả trong kỳ.")
            rows_out.append([t.number, f"{t.task}\n{result}", t.output, t.lead, t.coordinators, t.deadline_text])
    return TableBlock(["TT", "Nhiệm vụ cụ thể", "Sản phẩm đầu ra", "Cơ quan chủ trì", "Cơ quan phối hợp",
                       "Thời gian hoàn thành"], rows_out, [5, 44, 17, 13, 13, 12], section_rows=sections,
                      sheet="Phụ lục kết quả", font_size=11)


def _section_titles(db: Database, plan_id: str) -> dict[int, tuple[str, str]]:
    """Each dimension's numeral and title as the source plan wrote them (“Công khai, minh bạch trong
    hoạch định chính sách”, not the index's own name): the appendix repeats the plan's table."""
    with db.reader() as s:
        found = s.execute(select(PlanSection.dimension, PlanSection.numeral, PlanSection.title).where(
            PlanSection.plan_id == plan_id, PlanSection.deleted.is_(False))).all()
    return {dim: (numeral.strip(), " ".join(title.split())) for dim, numeral, title in found}


# ---- registers ----

def reception_book(db: Database, ctx: ReportContext, signed: bool = False) -> OfficialDoc:
    """Sổ tiếp công dân (Mẫu 03/TCD) for the period, landscape; whole identity numbers only in the signed
    register of a role that sees them (services/access.py)."""
    rows: list[list[Cell]] = [[i, format_vn(r.received_on), r.people, r.id_numbers, r.summary, r.classes, r.people_count,
             r.prior_authorities, "x" if r.accepted else "", r.guided, r.forwarded, r.followup,
             "; ".join(x for x in (r.notes, f"{r.reception_type}, {r.receiver}".strip(", ")) if x)]
            for i, r in enumerate(reception.book_rows(db, ctx.start, ctx.end, signed=signed), start=1)]
    table = TableBlock(["STT", "Ngày tiếp", "Họ tên, địa chỉ", "CCCD/Hộ chiếu", "Nội dung vụ việc", "Phân loại đơn",
                        "Số người", "Cơ quan đã giải quyết", "Thụ lý", "Hướng dẫn", "Chuyển đơn",
                        "Theo dõi kết quả giải quyết", "Ghi chú"], rows, [4, 8, 14, 9, 17, 7, 4.5, 8, 3.5, 7, 7, 8, 11],
                       numeric={0, 6}, sheet="Sổ tiếp công dân", font_size=9,
                       header_groups=[(8, 10, "Hướng xử lý")])  # Mẫu 03/TCD's columns 9–11
    return OfficialDoc(ctx.issuer_lines, "", place_date(ctx.place, ctx.issued_on), "SỔ TIẾP CÔNG DÂN",
                       f"Mẫu số 03/TCD — {ctx.label}", [table], [ctx.signer()], [], landscape=True,
                       file_stem=f"so_tiep_cong_dan_{ctx.start:%Y%m%d}_{ctx.end:%Y%m%d}")


def petitions_report(db: Database, ctx: ReportContext, today: date) -> OfficialDoc:
    stats = petitions.statistics(db, ctx.start, ctx.end, as_of(ctx, today))
    rec = reception.statistics(db, ctx.start, ctx.end)
    c = stats["by_class"]
    table = TableBlock(["Chỉ tiêu", "Số lượng"], [
        ["Lượt tiếp công dân", rec.total.receptions], ["Số công dân được tiếp", rec.total.citizens],
        ["Đoàn đông người", rec.total.delegations], ["Đơn tiếp nhận", stats["received"]],
        ["- Khiếu nại", c["khieu_nai"]], ["- Tố cáo", c["to_cao"]], ["- Kiến nghị, phản ánh", c["kien_nghi"]],
        ["- Nhiều nội dung", c.get("nhieu_noi_dung", 0)], ["Đơn đã xử lý", stats["processed"]],
        ["- Hướng dẫn, trả lại", stats["guided_or_returned"]], ["- Chuyển cơ quan có thẩm quyền", stats["forwarded"]],
        ["- Thụ lý giải quyết", stats["accepted"]], ["Đơn đã giải quyết xong", stats["resolved"]],
        ["Đơn đang giải quyết", stats["pending"]], ["Trong đó quá hạn", stats["overdue"]]],
        [70, 20], numeric={1}, sheet="Số liệu đơn thư", title="Số liệu tiếp công dân, xử lý đơn thư")
    blocks: list[Block] = [Para(f"Ủy ban nhân dân {ctx.unit_lower} báo cáo kết quả công tác tiếp công dân, tiếp nhận và xử lý "
                   f"đơn thư {ctx.label} như sau:"),
              Para("1. Công tác tiếp công dân", "heading2"), Para(reception.statistics_paragraph(rec)),
              Para("2. Tiếp nhận, xử lý đơn thư", "heading2"), Para(_petition_sentence(stats)), table]
    return OfficialDoc(ctx.issuer_lines, ctx.number_text, place_date(ctx.place, ctx.issued_on), "BÁO CÁO",
                       f"Kết quả công tác tiếp công dân, xử lý đơn thư {ctx.label}", blocks, [ctx.signer()], RECIPIENTS,
                       f"Ủy ban nhân dân {ctx.unit_lower} trân trọng báo cáo./.",
                       file_stem=f"bao_cao_don_thu_{ctx.start:%Y%m%d}_{ctx.end:%Y%m%d}")


def disclosures_list(db: Database, ctx: ReportContext, today: date) -> OfficialDoc:
    """The list of what was disclosed in the period (content, form, time), which the law has posted
    quarterly (Luật 10/2022, Điều 13.2), and the disclosures still due or missing."""
    from . import postings  # noqa: PLC0415

    rows: list[list[Cell]] = [[i, d.title, d.forms, d.places, d.when]
            for i, d in enumerate(postings.disclosed_between(db, ctx.start, ctx.end), start=1)]
    table = TableBlock(["STT", "Nội dung công khai", "Hình thức", "Nơi niêm yết", "Thời gian"], rows,
                       [7, 38, 20, 22, 20], numeric={0}, sheet="Danh mục công khai")
    missing = [r for r in compliance.check_year(db, ctx.year, as_of(ctx, today))
               if r.status in ("missing", "due") and r.deadline and ctx.start <= r.deadline <= ctx.end]
    basis = "Thực hiện Luật Thực hiện dân chủ ở cơ sở, " if ctx.end >= democracy_law_from() else ""
    blocks: list[Block] = [Para(f"{basis}Ủy ban nhân dân {ctx.unit_lower} thông báo danh mục "
                   f"thông tin đã công khai {ctx.label} như sau:"), table]
    if missing:
        blocks.append(Para("Các nội dung đến hạn trong kỳ nhưng chưa công khai: " + "; ".join(
            f"{r.name_vi} ({period_label(r.subject_period)})" for r in missing) + "."))
    return OfficialDoc(ctx.issuer_lines, ctx.number_text, place_date(ctx.place, ctx.issued_on), "THÔNG BÁO",
                       f"Danh mục thông tin đã công khai {ctx.label}", blocks, [ctx.signer()],
                       ["Như trên (niêm yết tại trụ sở UBND xã và nhà văn hóa các thôn, bản);", "Lưu: VT, VP."],
                       file_stem=f"danh_muc_cong_khai_{ctx.start:%Y%m%d}_{ctx.end:%Y%m%d}")


_CLOCK = re.compile(r"^\s*(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{1,2})?\s*(?:phút|p|')?\s*$", re.IGNORECASE)


def minute_time(clock: str, day: date) -> str:
    """A time as a minute words it (Nghị định 30/2020, Mẫu 1.9): "08 giờ 00 phút, ngày 20 tháng 5 năm
    2026" from "08:00", "8h" or "8 giờ 30"; a clock it cannot read is kept as typed, a missing one left
    for the pen ("… giờ … phút")."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)  # as the place-and-date line
    on = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    m = _CLOCK.match(clock or "")
    if m and int(m[1]) < 24 and int(m[2] or 0) < 60:
        return f"{int(m[1]):02d} giờ {int(m[2] or 0):02d} phút, {on}"
    return f"{clock.strip()}, {on}" if clock.strip() else f"… giờ … phút, {on}"


def dialogue_minutes(db: Database, ctx: ReportContext, dialogue_id: str) -> OfficialDoc:
    """Biên bản (Nghị định 30/2020, Mẫu 1.9): time, place, who attended, who chaired and kept the minutes,
    every opinion and the answer given, the commitments, the end; the secretary and the chair sign."""
    m = dialogues.minutes_data(db, dialogue_id)
    held = date.fromisoformat(str(m["held_on"]))
    attendance = m["attendance"] or {}
    blocks: list[Block] = [  # in Mẫu 1.9's order
        Para(f"Thời gian bắt đầu: {minute_time(str(m['started_at'] or ''), held)}.", "plain"),
        Para(f"Địa điểm: {m['place']}.", "plain"),
        Para("Thành phần tham dự: " + ("; ".join(f"{k}: {count_vn(v)} người" for k, v in attendance.items())
                                       or "(không ghi)") + ".", "plain"),
        Para(f"Chủ trì: {m['chair']}. Phối hợp: {m['co_organiser']}.", "plain"),
        Para(f"Thư ký: {m['secretary']}.", "plain"),
    ]
    if m["topics"]:
        blocks.append(Para(f"Chủ đề: {m['topics']}", "plain"))
    blocks.append(Para("NỘI DUNG HỘI NGHỊ", "heading1"))
    for i, issue in enumerate(m["issues"], start=1):
        who = "một người dân (ẩn danh)" if issue["raised_by"] == "(ẩn danh)" else issue["raised_by"]
        where = f", {issue['village']}" if issue["village"] else ""
        blocks.append(Para(f"{i}. Ý kiến của {who}{where}: {issue['content']}", "plain"))
        if issue["answer"]:
            blocks.append(Para(f"Trả lời ({issue['answered_by'] or m['chair']}): {issue['answer']}", "italic"))
        for c in issue["commitments"]:
            due = f", hạn {format_vn(date.fromisoformat(c['due']))}" if c["due"] else ""
            blocks.append(Para(f"Cam kết: {c['content']} — {c['owner']}{due}.", "plain"))
    blocks.append(Para("Biên bản đã được đọc lại cho những người dự hội nghị nghe và thống nhất.", "plain"))
    blocks.append(Para(f"Hội nghị kết thúc vào {minute_time(str(m['ended_at'] or ''), held)}./.", "plain"))
    return OfficialDoc(ctx.issuer_lines, ctx.number_text, place_date(ctx.place, held), "BIÊN BẢN",
                       str(m["title"]) or "Hội nghị đối thoại với Nhân dân", blocks,
                       [Signer(["THƯ KÝ"], str(m["secretary"])), Signer(["CHỦ TRÌ"], str(m["chair"]))],
                       file_stem=f"bien_ban_doi_thoai_{held:%Y%m%d}")
