"""The province's consolidated report across its communes (Nghị định 30/2020 layout, always Vietnamese):
who reported for the period and when, plan progress per PAPI dimension and per commune, the registers'
totals, disclosure compliance, and an appendix naming the bundles each commune's figures came from.
PDF and Excel, both signed with the province office's key (services/province.office_material)."""

from __future__ import annotations

import contextlib
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import paths
from ..domain.dates import format_vn, place_date
from ..domain.errors import KnownError
from ..domain.numbers import count_vn
from ..exports import cosign, pdf_doc, signing, xlsx_doc
from ..exports.document import Appendix, Block, Cell, OfficialDoc, Para, Signer, TableBlock
from ..storage.db import Database
from . import accounts, province, province_view, reference, sign_images

STATUS_VI = {"on_time": "Đúng hạn", "late": "Chậm", "missing": "Chưa gửi", "not_due": "Chưa đến hạn"}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def _label(found: province_view.ReportingPeriod) -> str:
    return f"6 tháng đầu năm {found.year}" if found.kind == "H1" else f"năm {found.year}"


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _short(bundle_id: str) -> str:
    return bundle_id[:8]


def build(db: Database, period_code: str, issued_on: date, today: date, number: str = "",
          signer_name: str = "") -> OfficialDoc:
    """The report for a period, judged at its end (or today while it runs), as of the data received."""
    view = province_view.overview(db, period_code, today)
    rules = province_view.rules()["document"]
    label = _label(view.period)
    totals = view.completeness.totals
    number_ref = number or f"     /{rules['symbol']}"
    attached = f"(Kèm theo Báo cáo số {number_ref.strip()} ngày {format_vn(issued_on)})"
    blocks: list[Block] = [Para(
        f"Căn cứ báo cáo và dữ liệu của các xã, phường gửi về tỉnh (qua USB hoặc máy chủ đồng bộ) đến ngày "
        f"{format_vn(today)}, tổng hợp kết quả thực hiện Kế hoạch cải thiện Chỉ số PAPI {label} của "
        f"{count_vn(totals['expected'])} xã, phường đã đăng ký như sau:")]
    blocks.append(Para("I. TÌNH HÌNH GỬI BÁO CÁO", "heading1"))
    due = f" (hạn: trước ngày {format_vn(view.period.due)})" if view.period.due else ""
    blocks.append(Para(
        f"Số xã, phường phải báo cáo: {count_vn(totals['expected'])}{due}; đã nhận {count_vn(totals['received'])} "
        f"báo cáo, trong đó đúng hạn {count_vn(totals['on_time'])}, chậm {count_vn(totals['late'])}; chưa gửi "
        f"{count_vn(totals['missing'])}" + (f"; chưa đến hạn {count_vn(totals['not_due'])}" if totals["not_due"]
                                           else "") + "."))
    missing = [r.unit_name for r in view.completeness.rows if r.status == "missing"]
    if missing:
        blocks.append(Para("Các xã, phường chưa gửi báo cáo: " + ", ".join(missing) + "."))
    if totals["invalid"]:
        blocks.append(Para(f"Có {count_vn(totals['invalid'])} báo cáo có chữ ký số không hợp lệ (xem Phụ lục III)."))
    blocks.append(Para("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CHỈ SỐ NỘI DUNG", "heading1"))
    prog = view.progress
    if prog.plan_id is None:
        blocks.append(Para(f"Tỉnh chưa có Kế hoạch cải thiện Chỉ số PAPI năm {view.period.year} trong chương trình; "
                           "chưa tổng hợp được tiến độ thực hiện nhiệm vụ."))
    else:
        rows: list[list[Cell]] = []
        for dim in reference.dimensions():
            c = prog.by_dimension.get(dim.number, {})
            total = sum(c.values())
            rows.append([dim.number, dim.name_vi, c.get("done", 0), c.get("in_progress", 0), c.get("not_started", 0),
                         c.get("overdue", 0), _pct(c.get("done", 0), total)])
        blocks.append(TableBlock(["TT", "Chỉ số nội dung", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện",
                                  "Quá hạn", "Tỷ lệ hoàn thành"], rows, [5, 40, 11, 11, 11, 9, 13],
                                 numeric={2, 3, 4, 5}, sheet="Theo chỉ số", font_size=11,
                                 title="Số lượt nhiệm vụ (nhiệm vụ × xã, phường) theo tình trạng"))
        late = len(prog.overdue)
        blocks.append(Para(f"Có {count_vn(late)} lượt nhiệm vụ quá hạn (chi tiết tại Phụ lục I)." if late else
                           "Không có nhiệm vụ quá hạn."))
    blocks.append(Para("III. TIẾP CÔNG DÂN, ĐƠN THƯ, ĐỐI THOẠI", "heading1"))
    t = view.register_total
    blocks.append(Para(
        f"Từ ngày {format_vn(view.period.start)} đến ngày {format_vn(view.period.end)}, các xã, phường tiếp "
        f"{count_vn(t.receptions)} lượt với {count_vn(t.citizens)} công dân; tiếp nhận {count_vn(t.petitions)} đơn, "
        f"đã giải quyết xong {count_vn(t.petitions_resolved)} đơn, đang giải quyết {count_vn(t.petitions_pending)} "
        f"đơn; tổ chức {count_vn(t.dialogues)} hội nghị đối thoại với {count_vn(t.dialogue_issues)} ý kiến, kiến "
        f"nghị, còn {count_vn(t.commitments_open)} cam kết chưa thực hiện xong (chi tiết tại Phụ lục II)."))
    blocks.append(Para("IV. CÔNG KHAI THÔNG TIN THEO LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ", "heading1"))
    required = sum(d.required for d in view.disclosures.values())
    ok = sum(d.ok for d in view.disclosures.values())
    blocks.append(Para(f"Các xã, phường đã công khai đúng quy định {count_vn(ok)}/{count_vn(required)} nội dung "
                       f"phải công khai đến ngày {format_vn(min(today, view.period.end))} ({_pct(ok, required)})."))
    appendices = [
        Appendix("Phụ lục I", f"TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH PAPI {label.upper()} THEO XÃ, PHƯỜNG", attached,
                 [_progress_table(view), *_overdue_table(view)] if prog.plan_id else
                 [Para(f"Tỉnh chưa có Kế hoạch cải thiện Chỉ số PAPI năm {view.period.year} trong chương trình.")],
                 landscape=True),
        Appendix("Phụ lục II", "SỐ LIỆU TIẾP CÔNG DÂN, ĐƠN THƯ, ĐỐI THOẠI VÀ CÔNG KHAI THEO XÃ, PHƯỜNG", attached,
                 [_registers_table(view)], landscape=True),
        Appendix("Phụ lục III", f"TÌNH HÌNH GỬI BÁO CÁO {label.upper()} CỦA CÁC XÃ, PHƯỜNG", attached,
                 [_completeness_table(view)], landscape=True),
        Appendix("Phụ lục IV", "NGUỒN SỐ LIỆU: CÁC GÓI DỮ LIỆU ĐÃ NHẬN TỪ XÃ, PHƯỜNG", attached,
                 [Para("Mỗi số liệu của một xã, phường được tính từ các bản ghi mà các gói dưới đây mang đến tỉnh "
                       "(mã gói: 8 ký tự đầu; đối chiếu tại trang Đồng bộ)."), _sources_table(db, view)],
                 landscape=True)]
    return OfficialDoc(
        list(rules["issuer_lines"]), f"Số: {number_ref}", place_date(rules["place"], issued_on), "BÁO CÁO",
        f"Tổng hợp kết quả thực hiện Kế hoạch cải thiện Chỉ số PAPI {label} của các xã, phường", blocks,
        [Signer(list(rules["signer_authority"]), signer_name)], list(rules["recipients"]),
        "Trân trọng báo cáo./.", appendices, file_stem=f"bao_cao_tong_hop_papi_{view.period.code}")


def _progress_table(view: province_view.Overview) -> TableBlock:
    rows: list[list[Cell]] = []
    for i, (unit, c) in enumerate(sorted(view.progress.by_commune.items()), 1):
        total = sum(c.values())
        rows.append([i, view.names.get(unit, unit), total, c["done"], c["in_progress"], c["not_started"], c["overdue"],
                     _pct(c["done"], total)])
    return TableBlock(["TT", "Xã, phường", "Tổng số nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện",
                       "Quá hạn", "Tỷ lệ hoàn thành"], rows, [5, 30, 11, 11, 11, 11, 9, 12], numeric={2, 3, 4, 5, 6},
                      sheet="Tiến độ theo xã", font_size=11)


def _overdue_table(view: province_view.Overview) -> list[TableBlock]:
    if not view.progress.overdue:
        return []
    rows: list[list[Cell]] = [[i, o.unit_name, f"{o.dimension}.{o.number}", " ".join(o.task.split())[:160], format_vn(o.due)]
            for i, o in enumerate(view.progress.overdue, 1)]
    return [TableBlock(["TT", "Xã, phường", "Nhiệm vụ", "Nội dung", "Mốc quá hạn"], rows, [5, 22, 9, 52, 12],
                       sheet="Nhiệm vụ quá hạn", title="Các nhiệm vụ quá hạn", font_size=10)]


def _registers_table(view: province_view.Overview) -> TableBlock:
    rows: list[list[Cell]] = []
    for i, (unit, r) in enumerate(sorted(view.registers.items()), 1):
        d = view.disclosures.get(unit)
        rows.append([i, view.names.get(unit, unit), r.receptions, r.citizens, r.petitions, r.petitions_resolved,
                     r.petitions_pending, r.dialogues, r.dialogue_issues, r.commitments_open,
                     f"{d.ok}/{d.required}" if d else ""])
    t = view.register_total
    rows.append(["", "Tổng cộng", t.receptions, t.citizens, t.petitions, t.petitions_resolved, t.petitions_pending,
                 t.dialogues, t.dialogue_issues, t.commitments_open,
                 f"{sum(d.ok for d in view.disclosures.values())}/{sum(d.required for d in view.disclosures.values())}"])
    return TableBlock(["TT", "Xã, phường", "Lượt tiếp", "Công dân", "Đơn tiếp nhận", "Đã giải quyết", "Đang giải quyết",
                       "Hội nghị đối thoại", "Ý kiến", "Cam kết chưa xong", "Công khai đúng quy định"], rows,
                      [4, 22, 8, 8, 8, 8, 8, 9, 7, 9, 10], numeric=set(range(2, 10)), section_rows={len(rows) - 1},
                      sheet="Sổ sách theo xã", font_size=10)


def _completeness_table(view: province_view.Overview) -> TableBlock:
    rows: list[list[Cell]] = [[i, r.unit_name, STATUS_VI.get(r.status, r.status), r.number_ref, format_vn(r.issued_on),
             format_vn(r.received_on), _short(r.bundle_id),
             "" if r.status in ("missing", "not_due") else ("Hợp lệ" if r.valid else "Không hợp lệ")]
            for i, r in enumerate(view.completeness.rows, 1)]
    return TableBlock(["TT", "Xã, phường", "Tình trạng", "Số báo cáo", "Ngày ban hành", "Ngày tỉnh nhận", "Gói mang đến",
                       "Chữ ký số"], rows, [5, 26, 12, 13, 12, 12, 11, 11], sheet="Gửi báo cáo", font_size=11)


FIGURE_NAMES = (("tasks", "Tiến độ nhiệm vụ"), ("reception", "Tiếp công dân"), ("petitions", "Đơn thư"),
                ("dialogues", "Đối thoại"), ("disclosures", "Công khai"), ("report", "Báo cáo kỳ"))


def _sources_table(db: Database, view: province_view.Overview) -> TableBlock:
    """One row per commune and figure: the bundles (short ids) with the date each arrived."""
    rows: list[list] = []
    sections: set[int] = set()
    p = view.period
    for unit, name in view.names.items():
        sections.add(len(rows))
        status = next(c for c in view.communes if c.unit_code == unit)
        rows.append(["", f"{name}: {count_vn(status.applied)} gói đã nhận"
                     + (f", gói gần nhất ngày {format_vn(province_view.vn_day(status.last_received_at))}"
                        if status.last_received_at else ""), ""])
        for figure, label in FIGURE_NAMES:
            found = province_view.sources(db, unit, figure, p.start, p.end, view.progress.plan_id)
            text = "; ".join(f"{_short(s.bundle_id)} ({format_vn(province_view.vn_day(s.received_at))})"
                             if s.bundle_id else f"{count_vn(s.changes)} thay đổi nhập tại tỉnh" for s in found)
            rows.append(["", label, text or "Không có bản ghi"])
    return TableBlock(["", "Số liệu", "Các gói mang số liệu đến (mã gói, ngày tỉnh nhận)"], rows, [3, 30, 67],
                      section_rows=sections, sheet="Nguồn số liệu", font_size=10)


@dataclass
class ConsolidatedResult:
    files: list[Path] = field(default_factory=list)
    signed: bool = False

    def as_json(self) -> dict[str, object]:
        return {"files": [str(f) for f in self.files], "signed": self.signed}


def export(db: Database, period_code: str, out_dir: Path, passphrase: str, issued_on: date, today: date,
           number: str = "", signer_name: str = "") -> ConsolidatedResult:
    """Write the PDF and Excel signed by the province office (the key is opened first). The files appear
    in out_dir only complete and signed: they are written in a hidden folder beside them, then moved."""
    accounts.require(db, "consolidate")
    accounts.require(db, "sign")
    material = province.office_material(passphrase)
    doc = build(db, period_code, issued_on, today, number, signer_name)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / f".tong-hop-{uuid.uuid4().hex[:8]}"
    work.mkdir()
    try:
        pdf, xlsx = f"{doc.file_stem}.pdf", f"{doc.file_stem}.xlsx"
        spot = pdf_doc.write_pdf(doc, work / "unsigned.pdf")
        xlsx_doc.write_xlsx(doc, work / xlsx)
        signed = cosign.sign_report(work / "unsigned.pdf", work / pdf, work / xlsx, person=None,
                                    organisation=material, spot=spot, font_cache=paths.cache_dir(),
                                    doc_ref=doc.number, seal_png=sign_images.seal())
        names = [*([signed.detached.name] if signed.detached else []), xlsx, pdf]  # a .p7s before its .xlsx
        for name in names:
            if (out_dir / name).exists():
                raise KnownError(f"Thư mục đích đã có tệp {name}; hãy chọn thư mục khác hoặc đổi tên tệp cũ.",
                                 f"The folder already holds {name}; choose another folder or rename the old file.")
        for name in names:
            (work / name).replace(out_dir / name)
        return ConsolidatedResult([out_dir / pdf, out_dir / xlsx, out_dir / names[0]], True)
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(work)


def verify(path: Path) -> signing.Verification:
    """A consolidated report's signature, against the province's own root."""
    path = Path(path)
    trusted = [province.root_pem()]
    if path.suffix.lower() == ".pdf":
        return signing.verify_pdf(path, trusted)
    return signing.verify_detached(path, Path(str(path) + ".p7s"), trusted)
