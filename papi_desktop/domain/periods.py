"""Reporting periods and the province's data cut-off windows (reference data, not constants)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PeriodRule:
    code: str  # "H1" six-month, "Y" annual
    name_vi: str
    name_en: str
    start: dict  # {"year_offset": -1, "month": 12, "day": 1}
    end: dict
    due: tuple[dict, ...]  # [{"valid_from": 2026, "valid_to": None, "month": 6, "day": 8}]


@dataclass(frozen=True)
class ReportingPeriod:
    code: str  # "2026-H1"
    kind: str
    year: int
    start: date
    end: date
    due: date | None
    name_vi: str
    name_en: str

    def label(self, lang: str = "vi") -> str:
        name = self.name_en if lang == "en" else self.name_vi
        return f"{name} {self.year} ({self.start:%d/%m/%Y} – {self.end:%d/%m/%Y})"


def _point(year: int, spec: dict) -> date:
    return date(year + int(spec.get("year_offset", 0)), int(spec["month"]), int(spec["day"]))


def period_for(rule: PeriodRule, year: int) -> ReportingPeriod:
    due = None
    for entry in rule.due:
        lo, hi = entry.get("valid_from"), entry.get("valid_to")
        if (lo is None or year >= lo) and (hi is None or year <= hi):
            due = date(year, int(entry["month"]), int(entry["day"]))
    return ReportingPeriod(
        code=f"{year}-{rule.code}",
        kind=rule.code,
        year=year,
        start=_point(year, rule.start),
        end=_point(year, rule.end),
        due=due,
        name_vi=rule.name_vi,
        name_en=rule.name_en,
    )


def periods_of_year(rules: list[PeriodRule], year: int) -> list[ReportingPeriod]:
    return [period_for(rule, year) for rule in rules]


def period_containing(rules: list[PeriodRule], day: date) -> ReportingPeriod | None:
    """The first period (in rule order: six-month before annual) whose window holds the day."""
    for year in (day.year, day.year + 1):
        for rule in rules:
            period = period_for(rule, year)
            if period.start <= day <= period.end:
                return period
    return None
