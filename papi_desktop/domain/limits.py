"""Legal time limits as reference data with effective dates, and due dates computed from them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import WorkingCalendar
from .errors import KnownError


@dataclass(frozen=True)
class LegalLimit:
    code: str
    name_vi: str
    name_en: str
    days: int
    unit: str  # "working" | "calendar"
    effective_from: date
    effective_to: date | None
    source: str
    complex_days: int | None = None
    remote_days: int | None = None
    remote_complex_days: int | None = None

    def days_for(self, remote: bool = False, complex_case: bool = False) -> int:
        if remote and complex_case and self.remote_complex_days:
            return self.remote_complex_days
        if remote and self.remote_days:
            return self.remote_days
        if complex_case and self.complex_days:
            return self.complex_days
        return self.days


def limit_in_force(limits: list[LegalLimit], code: str, on: date) -> LegalLimit:
    """The limit applying on a day (the law changed in 2025–2026: the start date decides)."""
    for lim in limits:
        if lim.code == code and lim.effective_from <= on and (lim.effective_to is None or on <= lim.effective_to):
            return lim
    raise KnownError(f"Không có thời hạn “{code}” áp dụng cho ngày {on:%d/%m/%Y} trong dữ liệu tham chiếu.",
                     f"No limit “{code}” in force on {on:%d/%m/%Y} in the reference data.")


def due_date(limit: LegalLimit, start: date, calendar: WorkingCalendar, remote: bool = False,
             complex_case: bool = False) -> date:
    days = limit.days_for(remote, complex_case)
    if limit.unit == "working":
        return calendar.add_working_days(start, days)
    return start + timedelta(days=days)
