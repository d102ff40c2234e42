"""Public-disclosure rules and the compliance of a posting: computed from the rules in force on the
posting day, never typed. Rules are reference data in layers (all → item → kind); a later, more
specific layer overrides an earlier one, and "_add" fields add to what the layers above required."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .calendar import WorkingCalendar

# Worst first: the status a posting or a required disclosure shows is the worst of its problems.
SEVERITY = ("unknown", "missing", "too_short", "missing_places", "missing_forms", "late", "in_progress", "due",
            "ok")
STATUS_LABELS = {
    "ok": ("Đạt", "OK"), "in_progress": ("Đang niêm yết", "Being posted"), "due": ("Sắp đến hạn", "Due"),
    "late": ("Chậm", "Late"), "too_short": ("Chưa đủ thời gian", "Too short"),
    "missing_places": ("Thiếu nơi niêm yết", "Missing places"), "missing_forms": ("Thiếu hình thức", "Missing forms"),
    "missing": ("Chưa công khai", "Missing"), "unknown": ("Không có quy tắc", "No rule"),
}
CHANNEL_LABELS = {
    "loudspeaker": ("hệ thống truyền thanh", "loudspeaker"), "portal": ("cổng/trang thông tin điện tử", "web portal"),
    "written_notice": ("văn bản thông báo cho Đảng ủy, đoàn thể, trưởng thôn", "written notice"),
    "village_meeting": ("họp thôn, bản", "village meeting"), "social": ("mạng xã hội, Zalo", "social network"),
    "other": ("hình thức khác", "other"),
}


@dataclass(frozen=True)
class DisclosureKind:
    code: str
    item: int
    name_vi: str
    name_en: str
    permanent: bool = False
    period: str = ""  # "Q1" | "H1" | "9M" | "quarters" | ""
    budget_stage: str = ""
    poverty_step: str = ""
    expected_by: tuple[int, int] | None = None  # (month, day) in the subject year

    def name(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name_vi


@dataclass(frozen=True)
class RuleLayer:
    scope: dict[str, Any]
    effective_from: date
    effective_to: date | None
    fields: dict[str, Any]
    source: str

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def specificity(self, kind: DisclosureKind) -> int | None:
        if kind.code in self.scope.get("kinds", ()):
            return 2
        if kind.item in self.scope.get("items", ()):
            return 1
        return 0 if self.scope.get("all") else None


@dataclass
class Rule:
    """The rule a posting of one kind must meet on one day."""

    min_days: int = 0
    min_days_unit: str = "calendar"
    anchor: str = "decision"  # decision | period_end
    deadline_days: int | None = None
    deadline_unit: str = "working"
    places: list[str] = field(default_factory=list)  # seat | villages
    channels_required: list[str] = field(default_factory=list)
    loudspeaker_min_days: int = 0
    permanent: bool = False
    sources: list[str] = field(default_factory=list)


_FIELDS = ("min_days", "min_days_unit", "anchor", "deadline_days", "deadline_unit", "places", "channels_required",
           "loudspeaker_min_days", "permanent")


def rule_for(kind: DisclosureKind, on: date, layers: list[RuleLayer]) -> Rule | None:
    """Merge the layers in force on a day for a kind; None when no general rule is in force."""
    applicable = [(spec, layer) for layer in layers if layer.in_force(on)
                  for spec in [layer.specificity(kind)] if spec is not None]
    if not any(spec == 0 for spec, _layer in applicable):
        return None
    applicable.sort(key=lambda sl: (sl[0], sl[1].effective_from))
    rule = Rule(permanent=kind.permanent)
    added: list[str] = []
    for _spec, layer in applicable:
        for key in _FIELDS:
            if key in layer.fields:
                value = layer.fields[key]
                setattr(rule, key, list(value) if isinstance(value, list) else value)
        added.extend(layer.fields.get("channels_required_add", ()))
        rule.sources.append(layer.source)
    rule.channels_required = list(dict.fromkeys([*rule.channels_required, *added]))
    return rule


def period_end(subject_period: str) -> date | None:
    """'2026-Q1' -> 31/03/2026, '2026-H1' -> 30/06, '2026-9M' -> 30/09, '2026-Q4' -> 31/12; else None."""
    try:
        year_text, part = subject_period.split("-", 1)
        year = int(year_text)
    except ValueError:
        return None
    month = {"Q1": 3, "Q2": 6, "H1": 6, "Q3": 9, "9M": 9, "Q4": 12}.get(part)
    if month is None:
        return None
    return (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)


def days_counted(start: date, end: date, unit: str, calendar: WorkingCalendar) -> int:
    """Days posted from start to end, both included (working days when the rule counts those)."""
    if end < start:
        return 0
    if unit == "working":
        return calendar.working_days_between(start - timedelta(days=1), end)
    return (end - start).days + 1


def last_required_day(start: date, rule: Rule, calendar: WorkingCalendar) -> date:
    """The first day on which the posting may come down having met its minimum duration."""
    if rule.min_days <= 0:
        return start
    if rule.min_days_unit == "working":
        day = start if calendar.is_working_day(start) else calendar.add_working_days(start, 1)
        return calendar.add_working_days(day, rule.min_days - 1)
    return start + timedelta(days=rule.min_days - 1)


def deadline(rule: Rule, anchor_day: date | None, calendar: WorkingCalendar) -> date | None:
    if anchor_day is None or rule.deadline_days is None:
        return None
    if rule.deadline_unit == "working":
        return calendar.add_working_days(anchor_day, rule.deadline_days)
    return anchor_day + timedelta(days=rule.deadline_days)


@dataclass(frozen=True)
class PlaceFacts:
    key: str  # "seat" or a village's id
    label: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class ChannelFacts:
    channel: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class PostingFacts:
    kind: DisclosureKind
    anchor: date | None  # the decision's date, or the end of the period reported on
    start: date | None
    end: date | None
    places: tuple[PlaceFacts, ...]
    channels: tuple[ChannelFacts, ...]
    villages: tuple[tuple[str, str], ...]  # (id, name) of the commune's active villages
    has_loudspeaker: bool = True
    has_portal: bool = False


@dataclass(frozen=True)
class Problem:
    code: str  # a SEVERITY status
    vi: str
    en: str


@dataclass
class Assessment:
    status: str
    problems: list[Problem]
    deadline: date | None
    rule: Rule | None
    place_status: dict[str, str] = field(default_factory=dict)  # place key -> status

    def reason(self, lang: str = "vi") -> str:
        return "; ".join(p.en if lang == "en" else p.vi for p in self.problems)


def worst(statuses: list[str]) -> str:
    return min(statuses, key=SEVERITY.index) if statuses else "ok"


def _vn(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _unit(rule: Rule, vi: bool) -> str:
    if rule.min_days_unit == "working":
        return "ngày làm việc" if vi else "working days"
    return "ngày" if vi else "days"


def _assess_place(place: PlaceFacts, rule: Rule, due: date | None, today: date,
                  calendar: WorkingCalendar) -> list[Problem]:
    problems: list[Problem] = []
    if place.start is None:
        return [Problem("missing_places", f"{place.label}: chưa ghi ngày niêm yết",
                        f"{place.label}: no posting date")]
    if due is not None and place.start > due:
        late = (place.start - due).days
        problems.append(Problem("late", f"{place.label}: niêm yết ngày {_vn(place.start)}, chậm {late} ngày so với "
                                        f"hạn {_vn(due)}",
                                f"{place.label}: posted {_vn(place.start)}, {late} days after the deadline "
                                f"{_vn(due)}"))
    if rule.permanent:
        if place.end is not None and place.end < today:
            problems.append(Problem("too_short", f"{place.label}: phải niêm yết thường xuyên nhưng đã gỡ ngày "
                                                 f"{_vn(place.end)}",
                                    f"{place.label}: must stay posted but came down on {_vn(place.end)}"))
        return problems
    if rule.min_days <= 0:
        return problems
    until = last_required_day(place.start, rule, calendar)
    end = place.end
    if end is None or end >= today:
        counted = days_counted(place.start, min(today, end or today), rule.min_days_unit, calendar)
        if today < until:
            problems.append(Problem("in_progress", f"{place.label}: đã niêm yết {counted}/{rule.min_days} "
                                                   f"{_unit(rule, True)}, cần đến hết ngày {_vn(until)}",
                                    f"{place.label}: posted {counted} of {rule.min_days} {_unit(rule, False)}, "
                                    f"until {_vn(until)}"))
        return problems
    counted = days_counted(place.start, end, rule.min_days_unit, calendar)
    if counted < rule.min_days:
        problems.append(Problem("too_short", f"{place.label}: niêm yết {counted} {_unit(rule, True)} "
                                             f"({_vn(place.start)}–{_vn(end)}), cần ít nhất {rule.min_days}",
                                f"{place.label}: posted {counted} {_unit(rule, False)} ({_vn(place.start)}–"
                                f"{_vn(end)}), at least {rule.min_days} needed"))
    return problems


def _assess_channels(facts: PostingFacts, rule: Rule, calendar: WorkingCalendar, today: date) -> list[Problem]:
    problems = []
    present = {c.channel: c for c in facts.channels}
    for channel in rule.channels_required:
        if (channel == "loudspeaker" and not facts.has_loudspeaker) or (channel == "portal" and not facts.has_portal):
            continue  # required only where the commune has one
        vi, en = CHANNEL_LABELS.get(channel, (channel, channel))
        used = present.get(channel)
        if used is None:
            problems.append(Problem("missing_forms", f"Thiếu hình thức bắt buộc: {vi}", f"Required form missing: {en}"))
            continue
        if channel == "loudspeaker" and rule.loudspeaker_min_days and used.start is not None:
            end = used.end or used.start
            days = days_counted(used.start, end, "calendar", calendar)
            if days < rule.loudspeaker_min_days and not (used.end is None and today <= used.start):
                problems.append(Problem("too_short", f"Truyền thanh {days} ngày, cần ít nhất "
                                                     f"{rule.loudspeaker_min_days} ngày liên tục",
                                        f"Loudspeaker {days} days, at least {rule.loudspeaker_min_days} "
                                        "consecutive days needed"))
    return problems


def assess(facts: PostingFacts, layers: list[RuleLayer], calendar: WorkingCalendar, today: date) -> Assessment:
    """The compliance of one posting (or of a required disclosure not posted yet: start None)."""
    on = facts.start or facts.anchor or today
    rule = rule_for(facts.kind, on, layers)
    if rule is None:
        return Assessment("unknown", [Problem("unknown", f"Không có quy tắc công khai nào có hiệu lực ngày {_vn(on)} "
                                                         "trong dữ liệu tham chiếu",
                                              f"No disclosure rule in force on {_vn(on)} in the reference data")],
                          None, None)
    due = deadline(rule, facts.anchor, calendar)
    if facts.start is None:
        if due is None and not rule.permanent:
            return Assessment("due", [Problem("due", "Chưa công khai; ghi ngày của văn bản để tính hạn",
                                              "Not disclosed yet; enter the document's date to get the deadline")],
                              None, rule)
        if rule.permanent or due is None or due < today:
            why = (f"Chưa công khai; hạn {_vn(due)} đã qua" if due is not None and due < today
                   else "Chưa công khai")
            return Assessment("missing", [Problem("missing", why, "Not disclosed" + (
                f"; the deadline {_vn(due)} has passed" if due is not None and due < today else ""))], due, rule)
        return Assessment("due", [Problem("due", f"Chưa công khai; hạn {_vn(due)}",
                                          f"Not disclosed yet; due {_vn(due)}")], due, rule)
    posted = {p.key: p for p in facts.places}
    required: list[tuple[str, str]] = []
    if "seat" in rule.places:
        required.append(("seat", "Trụ sở UBND xã"))
    if "villages" in rule.places:
        required.extend(facts.villages)
    problems: list[Problem] = []
    place_status: dict[str, str] = {}
    for key, _label in required:
        place = posted.get(key)
        if place is None:
            place_status[key] = "missing"
            continue
        own = _assess_place(place, rule, due, today, calendar)
        place_status[key] = worst([p.code for p in own])
        problems.extend(own)
    for key, place in posted.items():
        if key not in place_status:  # posted where the rule does not require it: checked, not required
            problems.extend(p for p in _assess_place(place, rule, due, today, calendar) if p.code != "in_progress")
    absent = [label for key, label in required if place_status.get(key) == "missing"]
    if "villages" in rule.places and not facts.villages:
        problems.append(Problem("missing_places", "Chưa có danh sách thôn, bản của xã (Cài đặt → Thôn, bản): không "
                                                  "kiểm tra được nơi niêm yết ở nhà văn hóa",
                                "The commune's villages are not listed (Settings → Villages): the cultural houses "
                                "cannot be checked"))
    if absent:
        problems.append(Problem("missing_places", f"Chưa niêm yết tại: {', '.join(absent)}",
                                f"Not posted at: {', '.join(absent)}"))
    problems.extend(_assess_channels(facts, rule, calendar, today))
    status = worst([p.code for p in problems])
    return Assessment(status, problems or [Problem("ok", "Đạt yêu cầu", "Meets the rules")], due, rule, place_status)
