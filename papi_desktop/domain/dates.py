"""Dates as Vietnamese officials write them: dd/mm/yyyy."""

from __future__ import annotations

import re
from datetime import date, datetime

from .errors import KnownError

_VN_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


def format_vn(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def parse_vn(text: str | date | None, field: str = "ngày") -> date | None:
    """'05/01/2026' -> date(2026, 1, 5); '' -> None; a spreadsheet's date as it is; anything else is a clear
    error."""
    if text is None or not str(text).strip():
        return None
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    match = _VN_DATE.match(str(text))
    if match:
        try:
            return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise KnownError(
            f"{field.capitalize()} “{text}” không đúng. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026.",
            f"Date “{text}” is not valid. Use day/month/year, e.g. 05/01/2026.",
        ) from None


def format_report(day: date) -> str:
    """Dates in a report's text as NĐ 30/2020 writes them: day below 10 and months 1–2 padded
    ("05/01/2026", "31/5/2021", "01/12/2020")."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def place_date(place: str, day: date) -> str:
    """The place-and-date line of an official document (Nghị định 30/2020): day below 10 and months
    1–2 padded — "Chiềng Sơn, ngày 05 tháng 01 năm 2026", "…, ngày 23 tháng 11 năm 2026"."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"
