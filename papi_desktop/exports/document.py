"""An official administrative document as data (Nghị định 30/2020): header blocks, body, recipients,
signers and appendices. The PDF and Excel writers render the same object."""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = str | int | float | None


@dataclass
class Para:
    text: str
    style: str = "body"  # body | heading1 | heading2 | plain | italic | center


@dataclass
class TableBlock:
    headers: list[str]
    rows: list[list[Cell]]
    widths: list[float]  # relative widths
    numeric: set[int] = field(default_factory=set)  # right-aligned columns (numbers stay numbers in Excel)
    section_rows: set[int] = field(default_factory=set)  # bold rows ("I | Nội dung …")
    sheet: str = ""  # the Excel sheet's name
    title: str = ""  # a caption above the table
    font_size: float = 12
    # Headers over several columns, as (first, last, title) with 0-based columns: Mẫu 03/TCD puts
    # "Hướng xử lý" over Thụ lý, Hướng dẫn and Chuyển đơn.
    header_groups: list[tuple[int, int, str]] = field(default_factory=list)


Block = Para | TableBlock


@dataclass
class Signer:
    authority: list[str]  # ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] or ["THƯ KÝ"]
    name: str


@dataclass
class Appendix:
    label: str  # "PHỤ LỤC" or "Phụ lục I"
    title: str  # upper case
    subtitle: str  # "(Kèm theo Báo cáo số 12/BC-UBND ngày 05/6/2026 của UBND xã Chiềng Sơn)"
    blocks: list[Block]
    landscape: bool = False


@dataclass
class OfficialDoc:
    issuer_lines: list[str]  # ["ỦY BAN NHÂN DÂN", "XÃ CHIỀNG SƠN"]
    number: str  # "Số: 12/BC-UBND"
    place_date: str  # "Chiềng Sơn, ngày 05 tháng 01 năm 2026"
    doc_type: str  # "BÁO CÁO", "BIÊN BẢN", "SỔ TIẾP CÔNG DÂN"
    abstract: str
    blocks: list[Block]
    signers: list[Signer]  # one (right) or two (left, right: minutes)
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận" lines, without the leading "- "
    closing: str = ""
    appendices: list[Appendix] = field(default_factory=list)
    landscape: bool = False
    file_stem: str = "van_ban"

    def tables(self) -> list[TableBlock]:
        """Every table of the document and its appendices, in order (one Excel sheet each)."""
        found = [b for b in self.blocks if isinstance(b, TableBlock)]
        for app in self.appendices:
            found.extend(b for b in app.blocks if isinstance(b, TableBlock))
        return found


@dataclass
class SignatureSpot:
    """Where the signing stamp goes: the page (0-based) and the box in PDF points (origin bottom-left)."""

    page: int
    box: tuple[float, float, float, float]
