"""Parse the "Thời gian hoàn thành" cell of a plan appendix into milestones.

The cell is free text as officials type it: "- Kế hoạch quý I/2026; - Báo cáo
quý IV/2026", "Tháng 7/2024", "Trước ngày 31/12/2024", "Thường xuyên",
"Chậm nhất là 15 ngày kể từ ngày ... phê duyệt". Each item becomes a milestone
that keeps its text; a due date is given only where the text fixes one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from .text import fold, one_line


class DeadlineKind(str, Enum):
    DATE = "date"  # a fixed due date
    RECURRING = "recurring"  # "Thường xuyên", "6 tháng/lần", "hàng quý"
    RELATIVE = "relative"  # counted from an event: "kể từ ngày ... phê duyệt", "Sau khi ..."
    ON_EVENT = "on_event"  # "Khi có yêu cầu", "Khi có phản ánh"
    AS_REGULATED = "as_regulated"  # "Báo cáo theo quy định"
    UNSPECIFIED = "unspecified"  # no time stated: "Báo cáo kết quả thực hiện"


@dataclass(frozen=True)
class Milestone:
    text: str
    due: date | None
    kind: DeadlineKind


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER_NUM = r"(?:iv|iii|ii|i|0?[1-4])"
# "quý I/2026", "Quý III, IV/2024", "quý II/ 2024", "Quý IV năm 2026", "Quý 01/2026", "trong Quý I."
_QUARTER = re.compile(
    rf"\bquy\s+(?P<qs>{_QUARTER_NUM}(?:\s*(?:,|va|-)\s*{_QUARTER_NUM})*)\b"
    r"(?:\s*(?:/|nam)\s*(?P<year>\d{4}))?"
)
_FULL_DATE = re.compile(r"\b(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})\b")
_MONTH = re.compile(r"\bthang\s+(?P<m>\d{1,2})\s*(?:/|nam)\s*(?P<y>\d{4})\b")
_YEAR_RANGE = re.compile(r"\b(?P<a>20\d\d)\s*-\s*(?P<b>20\d\d)\b")
_YEAR = re.compile(r"\b(?:trong\s+)?nam\s+(?P<y>\d{4})\b")
_BARE_YEAR = re.compile(r"^(?P<y>20\d\d)$")

_RECURRING = re.compile(
    r"thuong xuyen|\d+\s*thang\s*/\s*lan|hang (?:nam|quy|thang|tuan)|hang nam|"
    r"dinh ky|moi (?:quy|thang|nam)|\b6 thang\b"
)
_RELATIVE = re.compile(r"ke tu ngay|sau khi|cham nhat (?:la )?\d+ ngay|trong vong \d+ ngay")
_ON_EVENT = re.compile(r"\bkhi co\b|\bkhi\b.*\byeu cau\b|dot xuat")
_AS_REGULATED = re.compile(r"theo quy dinh|theo ke hoach|theo yeu cau")
# Bullet markers: "-", "+", "•" opening a line, or after ";" / "." inside a flattened cell.
_BULLET_START = re.compile(r"^[-+•–]\s*")
_BULLET_SPLIT = re.compile(r"(?:(?<=[;.])\s*)[-+•–]\s+")


def _lines_to_items(text: str) -> list[str]:
    """Join soft-wrapped lines: a bullet starts an item; without bullets a line starting in
    lower case or "(" continues the previous one ("Chậm nhất là 15 / ngày kể từ ...")."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    has_bullets = any(_BULLET_START.match(line) for line in lines)
    items: list[str] = []
    for line in lines:
        bullet = _BULLET_START.match(line)
        if bullet:
            items.append(line[bullet.end():])
        elif items and (has_bullets or line[0].islower() or line[0] == "("):
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return items


def split_items(cell: str) -> list[str]:
    """Split a deadline cell into its items, keeping the text of each."""
    text = (cell or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    parts: list[str] = []
    for item in _lines_to_items(text):
        # A flattened cell: "- Kế hoạch quý I/2026; - Báo cáo quý IV/2026".
        for chunk in _BULLET_SPLIT.split(item):
            # ";" separates items too ("Báo cáo kết quả 6 tháng; năm 2026").
            for piece in chunk.split(";"):
                piece = one_line(piece).strip(" .;,")
                if piece:
                    parts.append(piece)
    return parts


def _quarter_end(year: int, quarter: int) -> date:
    month = quarter * 3
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_number(token: str) -> int:
    token = token.strip()
    return _ROMAN[token] if token in _ROMAN else int(token)


def _valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _dates_in(folded: str, default_year: int | None) -> list[date]:
    """Every due date the item names, in any of the wordings seen in the plans."""
    found: list[date] = []
    consumed = folded
    for match in _FULL_DATE.finditer(folded):
        day = _valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if day:
            found.append(day)
        consumed = consumed.replace(match.group(0), " ")
    for match in _QUARTER.finditer(consumed):
        year = int(match["year"]) if match["year"] else default_year
        if year is None:
            continue
        quarters = [_quarter_number(q) for q in re.split(r"\s*(?:,|va|-)\s*", match["qs"]) if q]
        if all(1 <= q <= 4 for q in quarters):
            found.append(_quarter_end(year, max(quarters)))
        consumed = consumed.replace(match.group(0), " ")
    for match in _MONTH.finditer(consumed):
        month = int(match["m"])
        if 1 <= month <= 12:
            found.append(_month_end(int(match["y"]), month))
        consumed = consumed.replace(match.group(0), " ")
    for match in _YEAR_RANGE.finditer(consumed):
        found.append(date(int(match["b"]), 12, 31))
        consumed = consumed.replace(match.group(0), " ")
    for match in _YEAR.finditer(consumed):
        found.append(date(int(match["y"]), 12, 31))
    bare = _BARE_YEAR.match(consumed.strip())
    if bare:
        found.append(date(int(bare["y"]), 12, 31))
    return found


def parse_item(item: str, default_year: int | None = None) -> Milestone:
    """One milestone from one item of the cell. default_year completes "trong Quý I"."""
    folded = fold(item)
    dates = _dates_in(folded, default_year)
    if dates:
        return Milestone(item, max(dates), DeadlineKind.DATE)
    if _RELATIVE.search(folded):
        return Milestone(item, None, DeadlineKind.RELATIVE)
    if _RECURRING.search(folded):
        return Milestone(item, None, DeadlineKind.RECURRING)
    if _ON_EVENT.search(folded):
        return Milestone(item, None, DeadlineKind.ON_EVENT)
    if _AS_REGULATED.search(folded):
        return Milestone(item, None, DeadlineKind.AS_REGULATED)
    return Milestone(item, None, DeadlineKind.UNSPECIFIED)


def parse_deadline(cell: str, default_year: int | None = None) -> list[Milestone]:
    """All milestones of a deadline cell. The original cell text is kept by the caller."""
    return [parse_item(item, default_year) for item in split_items(cell)]
