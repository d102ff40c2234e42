"""Working days for civil servants: Monday–Friday, less public holidays and official days off,
plus the Saturdays worked in exchange. The dates are reference data, never constants here."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from .errors import KnownError


class WorkingCalendar:
    def __init__(self, days_off: Iterable[date], working_weekends: Iterable[date], years: Iterable[int]) -> None:
        self.days_off = frozenset(days_off)
        self.working_weekends = frozenset(working_weekends)
        self.years = frozenset(years)

    def _covered(self, day: date) -> None:
        if day.year not in self.years:
            raise KnownError(
                f"Chưa có lịch ngày nghỉ năm {day.year} trong dữ liệu tham chiếu. Hãy cập nhật lịch nghỉ do tỉnh "
                "phát hành (resources/reference/calendar_vn.json).",
                f"No holiday calendar for {day.year} in the reference data. Update it from the province's release.",
            )

    def is_working_day(self, day: date) -> bool:
        self._covered(day)
        if day in self.working_weekends:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def add_working_days(self, start: date, days: int) -> date:
        """The due date N working days after start; the day of receipt does not count."""
        if days < 0:
            raise KnownError("Số ngày làm việc phải là số không âm.", "The number of working days must be >= 0.")
        day, counted = start, 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after start up to and including end (0 if end <= start)."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count
