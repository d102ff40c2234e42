"""Exporting official reports: the period, a number from the register of outgoing documents (never
used twice), the PDF and the Excel file, the signatures, and verification of signed files."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from .. import paths
from ..domain.dates import format_vn
from ..domain.errors import BugError, KnownError
from ..domain.jobs import CancelToken, NullProgress, ProgressReporter
from ..domain.report_kinds import KINDS
from ..exports import cosign, pdf_doc, signing, xlsx_doc
from ..exports.document import OfficialDoc
from ..storage.db import Database
from ..storage.models import ChangeLog
from ..storage.reports import OutgoingDocument
from . import (
    accounts,
    audit,
    dialogues,
    export_staging,
    keys,
    progress,
    registry,
    report_content,
    sign_images,
    tokens,
)

ROMAN_QUARTERS = {"Q1": "quý I", "Q2": "quý II", "Q3": "quý III", "Q4": "quý IV"}


def today_vn() -> date:
    """Today in Việt Nam (+07:00), the day a signature's stamp shows: the place-date line and the stamp
    agree even on a PC whose clock runs in another zone (00:32 on 02/12 here is 17:32 on 01/12 in UTC)."""
    return dt.datetime.now(signing.VN_TZ).date()


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str
    code: str


def resolve_period(kind: str, period: str | None = None, start: date | None = None, end: date | None = None,
                   today: date | None = None) -> Period:
    """"2026-H1" / "2026-Y": the province's cut-off windows; "2026-Q1"; "2026"; or an explicit range."""
    today = today or today_vn()
    if start or end:
        if not (start and end):
            raise KnownError("Cần cả ngày bắt đầu và ngày kết thúc.", "Give both the start and the end date.")
        if start > end:
            raise KnownError("Ngày bắt đầu sau ngày kết thúc.", "The start date is after the end date.")
        return Period(start, end, f"từ ngày {format_vn(start)} đến ngày {format_vn(end)}", "")
    if not period:
        period = f"{today.year}-H1" if kind == "papi-6m" else f"{today.year}-Y" if kind == "papi-year" else str(today.year)
    try:
        year_text, _, part = period.partition("-")
        year = int(year_text)
    except ValueError:
        year, part = 0, "?"
    if part in ("H1", "Y"):
        found = next(p for p in progress.periods(year) if p.kind == part)
        label = f"6 tháng đầu năm {year}" if part == "H1" else f"năm {year}"
        return Period(found.start, found.end, label, period)
    if part in ROMAN_QUARTERS:
        q = int(part[1])
        first = date(year, 3 * q - 2, 1)
        last = date(year + (q == 4), (3 * q) % 12 + 1, 1)
        return Period(first, last - timedelta(days=1), f"{ROMAN_QUARTERS[part]} năm {year}", period)
    if part == "" and year:
        return Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}", period)
    raise KnownError(f"Kỳ “{period}” không hợp lệ: dùng 2026-H1, 2026-Y, 2026-Q1…Q4, 2026, hoặc --from/--to.",
                     f"Period “{period}” is not valid: use 2026-H1, 2026-Y, 2026-Q1…Q4, 2026, or --from/--to.")


@dataclass
class ExportRequest:
    kind: str
    period: Period
    issued_on: date
    number: int | None = None  # None: the next free number of the year
    sections: dict[str, str] | None = None  # the PAPI report's narrative as edited
    dialogue_id: str | None = None
    appendices_apart: bool = False  # the appendices in a separate PDF, an attachment the organisation signs
    deputy: bool = False  # the vice-chairman signs for the chairman ("KT. CHỦ TỊCH")
    # The period the edited narrative was prefilled for: a narrative of another period is refused, so a
    # document titled for one period never carries the body of another. None: not known (taken as is).
    sections_period: Period | None = None


@dataclass
class SignOptions:
    """Who signs: the person with authority with a token (first), the organisation with the commune's
    key (second). Either may be missing; the result then says which signature the document lacks."""

    passphrase: str | None  # the commune's key (the organisation); None: no organisation signature
    key_file: Path | None = None  # default: the commune's key in the data folder
    seal_png: Path | None = None
    token: tokens.TokenOptions | None = None  # the person's key on a USB token
    signature_png: Path | None = None  # the person's handwritten signature (blue, transparent PNG)

    def __repr__(self) -> str:  # never the passphrase
        return f"SignOptions(key_file={self.key_file!r}, token={self.token!r})"


@dataclass
class ExportResult:
    files: list[Path]
    number_ref: str = ""
    signed: bool = False
    document_id: str | None = None
    verifications: list[signing.Verification] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # who signed the PDF, in order: person, organisation
    notes: list[tuple[str, str]] = field(default_factory=list)  # (vi, en): e.g. only one key was available

    def as_json(self, lang: str = "vi") -> dict[str, object]:
        return {"files": [str(f) for f in self.files], "number": self.number_ref, "signed": self.signed,
                "roles": self.roles, "notes": [en if lang == "en" else vi for vi, en in self.notes]}


def _kind(kind: str) -> tuple[str | None, str, str]:
    if kind not in KINDS:
        raise KnownError(f"Loại báo cáo “{kind}” không có. Chọn một trong: {', '.join(KINDS)}.",
                         f"Unknown report kind “{kind}”. Choose one of: {', '.join(KINDS)}.")
    return KINDS[kind]


def next_number(db: Database, year: int) -> int:
    """Numbers run from 01 each year across the unit's documents (Nghị định 30/2020, Điều 15)."""
    with db.reader() as s:
        top = s.scalar(select(func.max(OutgoingDocument.number)).where(OutgoingDocument.year == year))
    return (top or 0) + 1


def number_ref(number: int, symbol: str) -> str:
    return f"{number:02d}/{symbol}"


def prefill(db: Database, request: ExportRequest, today: date) -> dict[str, str]:
    """The PAPI report's narrative from the records, for the user to edit before export."""
    ctx = report_content.context(db, request.period.start, request.period.end, request.period.label,
                                 request.period.code, request.issued_on)
    return report_content.papi_sections(db, ctx, today)


def check_request(request: ExportRequest) -> None:
    """What makes a document say two things, refused before anything is built or numbered."""
    if request.sections is not None and request.sections_period is not None \
            and request.sections_period != request.period:
        raise KnownError(f"Nội dung báo cáo đã sửa được lập cho kỳ “{request.sections_period.label}”, không phải "
                         f"kỳ “{request.period.label}”: hãy lập lại nội dung theo kỳ báo cáo.",
                         f"The edited narrative was prefilled for “{request.sections_period.label}”, not for "
                         f"“{request.period.label}”: prefill it again for the report's period.")


PERIOD_KINDS = ("papi-6m", "papi-year", "petitions", "disclosures")  # a report on a period, issued after it
PLAN_KINDS = ("papi-6m", "papi-year")  # a report on carrying out the year's PAPI plan


def check_plan(db: Database, request: ExportRequest) -> None:
    """A report on carrying out the PAPI plan is not issued (numbered, signed) for a year without one:
    its narrative can only say there is none (report_content). The plan comes first, by the import or
    by hand on the Kế hoạch page."""
    if request.kind not in PLAN_KINDS:
        return
    from . import plan  # noqa: PLC0415 - the plan service's imports only for this kind of report

    year = request.period.end.year
    if plan.current_plan(db, year) is None:
        raise KnownError(f"Chưa có Kế hoạch cải thiện Chỉ số PAPI năm {year}: chưa lập được báo cáo kết quả thực "
                         f"hiện kế hoạch. Nhập kế hoạch năm {year} ở trang Kế hoạch trước.",
                         f"There is no PAPI improvement plan for {year}: a report on carrying it out cannot be "
                         f"issued. Import the {year} plan on the Plan page first.")


def check_passphrase(sign: SignOptions | None) -> None:
    """An empty passphrase is a passphrase not given, said as such (not as a wrong one)."""
    if sign is not None and sign.passphrase == "" and sign.token is None:
        raise KnownError("Chưa nhập mật khẩu khóa ký của xã: nhập mật khẩu, hoặc chọn token của người ký.",
                         "The commune key's passphrase was not entered: enter it, or choose the signer's token.")


def check_issued(db: Database, request: ExportRequest) -> None:
    """The issue date a document may carry: a period report not before its period's end; a number not
    dated before the numbers already taken that year (the register runs in date order). The export
    checks the register again in its own write transaction (_reserve)."""
    if request.kind in PERIOD_KINDS and request.issued_on < request.period.end:
        raise KnownError(f"Ngày ban hành {format_vn(request.issued_on)} trước ngày kết thúc kỳ báo cáo "
                         f"({format_vn(request.period.end)}): báo cáo {request.period.label} ban hành từ ngày "
                         f"{format_vn(request.period.end)} trở đi.",
                         f"The issue date {format_vn(request.issued_on)} is before the end of the period "
                         f"({format_vn(request.period.end)}): a report on {request.period.label} is issued on or "
                         f"after {format_vn(request.period.end)}.")
    symbol, _vi, _en = _kind(request.kind)
    if symbol:
        with db.reader() as s:
            _check_order(s, request)


def _check_order(s, request: ExportRequest) -> None:  # noqa: ANN001
    """Not dated before a lower number of the year, nor after a higher one (when a number is chosen)."""
    year, day, number = request.issued_on.year, request.issued_on, request.number
    rows = select(OutgoingDocument.number, OutgoingDocument.symbol, OutgoingDocument.issued_on).where(
        OutgoingDocument.year == year, OutgoingDocument.deleted.is_(False))
    before = s.execute((rows.where(OutgoingDocument.number < number) if number else rows)
                       .order_by(OutgoingDocument.issued_on.desc(), OutgoingDocument.number.desc()).limit(1)).first()
    if before is not None and before.issued_on > day:
        ref = number_ref(before.number, before.symbol)
        raise KnownError(f"Ngày ban hành {format_vn(day)} trước ngày của số {ref} đã cấp ({format_vn(before.issued_on)})"
                         f" trong sổ văn bản đi năm {year}: số văn bản cấp theo thứ tự ngày, hãy chọn ngày từ "
                         f"{format_vn(before.issued_on)} trở đi.",
                         f"The issue date {format_vn(day)} is before that of number {ref} already taken "
                         f"({format_vn(before.issued_on)}) in the {year} outgoing register: numbers run in date "
                         f"order; choose {format_vn(before.issued_on)} or later.")
    if number:
        after = s.execute(rows.where(OutgoingDocument.number > number)
                          .order_by(OutgoingDocument.issued_on, OutgoingDocument.number).limit(1)).first()
        if after is not None and after.issued_on < day:
            ref = number_ref(after.number, after.symbol)
            raise KnownError(f"Ngày ban hành {format_vn(day)} sau ngày của số {ref} ({format_vn(after.issued_on)}) "
                             f"trong sổ văn bản đi năm {year}: số {number:02d} phải có ngày không muộn hơn.",
                             f"The issue date {format_vn(day)} is after that of number {ref} "
                             f"({format_vn(after.issued_on)}) in the {year} outgoing register: number "
                             f"{number:02d} cannot be dated later.")


def build(db: Database, request: ExportRequest, today: date, number: str = "", signed: bool = False) -> OfficialDoc:
    """signed: the document will be signed (the reception book then shows whole identity numbers to a leader)."""
    check_request(request)
    doc = _build(db, request, today, number, signed)
    if request.deputy:
        _deputy_signs(db, doc)
    return doc


def _deputy_signs(db: Database, doc: OfficialDoc) -> None:
    """Nghị định 30/2020, Phụ lục I: the vice-chairman signs for the chairman of a collective body as
    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" above his or her own name."""
    from ..exports.document import Signer  # noqa: PLC0415
    from . import setup  # noqa: PLC0415

    profile = setup.get_profile(db)
    name = profile.vice_chairman_name if profile else ""
    if profile is None or not name:
        raise KnownError("Chưa có họ tên Phó Chủ tịch (Cài đặt → Đơn vị và người ký).",
                         "The vice-chairman's name is not set (Settings → Unit and signers).")
    if doc.signers and doc.signers[-1].authority[:1] == ["TM. ỦY BAN NHÂN DÂN"]:
        title = (profile.vice_chairman_title or "Phó Chủ tịch").upper()
        doc.signers[-1] = Signer(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", title], name)


def _build(db: Database, request: ExportRequest, today: date, number: str = "", signed: bool = False) -> OfficialDoc:
    symbol, _vi, _en = _kind(request.kind)
    ctx = report_content.context(db, request.period.start, request.period.end, request.period.label,
                                 request.period.code, request.issued_on, f"Số: {number}" if number else
                                 (f"Số:      /{symbol}" if symbol else ""), number)
    if request.kind in ("papi-6m", "papi-year"):
        sections = request.sections or report_content.papi_sections(db, ctx, today)
        return report_content.papi_report(db, ctx, sections, today)
    if request.kind == "reception-book":
        return report_content.reception_book(db, ctx, signed)
    if request.kind == "petitions":
        return report_content.petitions_report(db, ctx, today)
    if request.kind == "disclosures":
        return report_content.disclosures_list(db, ctx, today)
    if not request.dialogue_id:
        raise KnownError("Hãy chọn hội nghị đối thoại cần in biên bản.", "Choose the dialogue whose minutes to print.")
    return report_content.dialogue_minutes(db, ctx, request.dialogue_id)


def log_position(db: Database) -> int:
    """The change log's last position: every record's state up to it is fixed (the log is append-only)."""
    with db.reader() as s:
        return s.scalar(select(func.max(ChangeLog.seq))) or 0


def _stable_build(db: Database, request: ExportRequest, today: date, ref: str, signed: bool) -> tuple[OfficialDoc, int]:
    """The document and the log position it shows. The build reads in several steps; when a save lands
    between them (another window, another process) it is built again, so the content is one state."""
    for _attempt in range(3):
        before = log_position(db)
        doc = build(db, request, today, ref, signed)
        if log_position(db) == before:
            return doc, before
    raise KnownError("Dữ liệu đang được sửa liên tục trong khi lập văn bản; hãy chờ một lát rồi xuất lại.",
                     "The records kept changing while the document was built; wait a moment and export again.")


def _reserve(s, request: ExportRequest, symbol: str, title: str) -> OutgoingDocument:  # noqa: ANN001
    """Take the number in the caller's write transaction: two exports at once get two numbers; only the
    PC that keeps the commune's registers takes one (services/registry.py)."""
    registry.require_registry(s)
    _check_order(s, request)
    year = request.issued_on.year
    number = request.number or (s.scalar(select(func.max(OutgoingDocument.number))
                                         .where(OutgoingDocument.year == year)) or 0) + 1
    if number < 1:
        raise KnownError("Số văn bản phải từ 1 trở lên.", "The document number must be 1 or more.")
    row = OutgoingDocument(year=year, number=number, symbol=symbol, issued_on=request.issued_on,
                           kind=request.kind, title=title, status="reserved")
    s.add(row)
    s.flush()
    return row


def export(db: Database, request: ExportRequest, out_dir: Path, sign: SignOptions | None = None,
           today: date | None = None, progress_reporter: ProgressReporter | None = None,
           cancel: CancelToken | None = None) -> ExportResult:
    """Write the report as PDF and Excel (signed when asked): the key is opened first, then the number
    is taken, then the files are written. They appear under their final names only all complete and
    signed (export_staging); a failure leaves no file and the number marked withdrawn, and a kill is
    finished or undone at the next start."""
    accounts.require(db, "sign" if sign is not None else "enter")
    today = today or today_vn()
    report = progress_reporter or NullProgress()
    cancel = cancel or CancelToken()
    symbol, name_vi, _en = _kind(request.kind)
    check_request(request)
    check_plan(db, request)
    check_passphrase(sign)
    check_issued(db, request)
    material = keys.load(sign.passphrase, sign.key_file) if sign and sign.passphrase else None
    person = tokens.open_key(sign.token, db) if sign and sign.token else None  # logged in before a number is taken
    if sign and material is None and person is None:
        raise KnownError("Chưa có khóa nào để ký: cần mật khẩu khóa của xã hoặc token của người ký.",
                         "No key to sign with: give the commune key's passphrase or the signer's token.")
    signed_by: cosign.Signed | None = None
    report.start(4, "report")
    try:
        staging = export_staging.begin(Path(out_dir))
    except BaseException:
        if person is not None:
            person.close()
        raise
    ref, journaled, apart = "", False, None
    try:
        try:
            with db.session() as s:  # the number and the journal of the export in progress, together
                if symbol:
                    row = _reserve(s, request, symbol, name_vi)
                    staging.doc_id, ref = row.id, number_ref(row.number, symbol)
                staging.journal(s)
        except IntegrityError:
            year, taken = request.issued_on.year, request.number or 0
            raise KnownError(f"Số {taken:02d} năm {year} đã được dùng cho văn bản khác trong sổ văn bản đi. Hãy "
                             f"để chương trình lấy số tiếp theo ({next_number(db, year):02d}).",
                             f"Number {taken:02d} of {year} is already taken in the outgoing register.") from None
        journaled = True
        doc, built_from = _stable_build(db, request, today, ref, sign is not None)
        if staging.doc_id:
            with db.session() as s:
                reserved = s.get(OutgoingDocument, staging.doc_id)
                if reserved is None:  # taken in this export's own transaction above
                    raise BugError(f"the reserved document {staging.doc_id} is gone")
                reserved.built_from_seq = built_from
        report.advance()
        cancel.raise_if_cancelled()
        with staging.explained():  # a full, read-only or pulled-out destination in words
            staging.dir.mkdir(parents=True)
            stem = doc.file_stem + (f"_so_{ref.split('/')[0]}" if ref else "")
            pdf, xlsx = f"{stem}.pdf", f"{stem}.xlsx"
            attachment_key = material or person  # the organisation signs an attachment (the person without it)
            signing_now = attachment_key is not None
            unsigned = staging.path(f"{stem}.unsigned.pdf" if signing_now else pdf)
            main = replace(doc, appendices=[]) if request.appendices_apart and doc.appendices else doc
            spot = pdf_doc.write_pdf(main, unsigned)  # its .part file is in the staging folder too
            apart = f"{stem}_phu_luc.pdf" if main is not doc else None
            if apart:
                unsigned_apart = staging.path(f"{stem}_phu_luc.unsigned.pdf" if signing_now else apart)
                pdf_doc.write_pdf(doc, unsigned_apart, appendices_only=True)
            report.advance()
            cancel.raise_if_cancelled()
            xlsx_doc.write_xlsx(doc, staging.path(xlsx))
            report.advance()
            cancel.raise_if_cancelled()
            names = [xlsx, pdf]  # the order they are moved into place: a .p7s before its .xlsx
            if sign is not None and attachment_key is not None:  # signing_now
                signed_by = cosign.sign_report(unsigned, staging.path(pdf), staging.path(xlsx), person=person,
                                               organisation=material, spot=spot, font_cache=paths.cache_dir(),
                                               doc_ref=f"Số: {ref}" if ref else "",
                                               seal_png=sign.seal_png or sign_images.seal(),
                                               signature_png=sign.signature_png or (sign_images.signature(
                                                   doc.signers[-1].name) if doc.signers and person else None))
                unsigned.unlink()
                if signed_by.detached is not None:  # the .xlsx's signature
                    names.insert(0, signed_by.detached.name)
                if apart:  # Phụ lục I: an attachment in its own file is signed by the organisation
                    cosign.sign_attachment(unsigned_apart, staging.path(apart), attachment_key,
                                           f"Số: {ref}" if ref else doc.number, paths.cache_dir())
                    unsigned_apart.unlink()
            if apart:
                names.append(apart)
            cancel.raise_if_cancelled()
            listed = [pdf, xlsx, *([names[0]] if signed_by is not None else []), *([apart] if apart else [])]
            staging.commit(names, audit.export_entry(db, request.kind, ref, staging.doc_id, listed, signed_by is not None,
                                                     signed_by.roles if signed_by else []))
        if export_staging.settle(db, staging, finish=True) is None:
            raise KnownError("Không chuyển được tệp báo cáo vào thư mục đích; số văn bản đã được đánh dấu hủy.",
                             "The report files could not be moved into the folder; the number is withdrawn.")
        report.advance()
    except BaseException:
        if journaled:  # undone, even past the commit point (a file in the way, say): the user is told it failed
            with contextlib.suppress(Exception):  # and what cannot be undone now, the next start's recovery settles
                export_staging.settle(db, staging, finish=False)
        raise
    finally:
        export_staging.close(staging)
        if person is not None:
            person.close()
    report.finish()
    return ExportResult([Path(out_dir) / name for name in listed], ref, signed_by is not None, staging.doc_id,
                        roles=signed_by.roles if signed_by else [], notes=signed_by.notes if signed_by else [])


recover_unfinished = export_staging.recover_unfinished


def dialogues_in(db: Database, period: Period) -> list[str]:
    return [d.id for d in dialogues.dialogue_rows(db, dialogues.dialogue_ids(db))
            if period.start <= d.held_on <= period.end]


@dataclass(frozen=True)
class OutgoingInfo:
    number_ref: str
    issued_on: date
    kind: str
    title: str
    status: str
    signed: bool
    files: list[str]
    id: str = ""  # the outgoing_document record (its sync state)


def register(db: Database, year: int | None = None) -> list[OutgoingInfo]:
    """The outgoing register, newest number first."""
    with db.reader() as s:
        stmt = select(OutgoingDocument).where(OutgoingDocument.deleted.is_(False))
        if year is not None:
            stmt = stmt.where(OutgoingDocument.year == year)
        return [OutgoingInfo(number_ref(d.number, d.symbol), d.issued_on, d.kind, d.title, d.status, d.signed,
                             [f["name"] for f in json.loads(d.files_json)], d.id)
                for d in s.scalars(stmt.order_by(OutgoingDocument.year.desc(), OutgoingDocument.number.desc()))]


def verify(path: Path, extra_trust: list[bytes] | None = None) -> signing.Verification:
    """A signed PDF, an Excel file with its .p7s beside it, or the .p7s itself."""
    path = Path(path)
    if path.is_dir():
        raise KnownError(f"“{path}” là một thư mục, không phải tệp PDF hay Excel đã ký.",
                         f"“{path}” is a folder, not a signed PDF or Excel file.")
    if not path.is_file():
        raise KnownError(f"Không tìm thấy tệp {path}.", f"File {path} not found.")
    trusted = keys.trusted() + list(extra_trust or [])
    if path.suffix.lower() == ".pdf":
        return signing.verify_pdf(path, trusted)
    if path.suffix.lower() == ".p7s":
        return signing.verify_detached(path.with_suffix(""), path, trusted)
    return signing.verify_detached(path, Path(str(path) + ".p7s"), trusted)
