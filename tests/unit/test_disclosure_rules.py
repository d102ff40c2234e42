"""Disclosure rules at their effective-date boundaries: durations, deadlines, places and forms."""

from __future__ import annotations

from datetime import date

import pytest

from papi_desktop.domain.disclosure import ChannelFacts, PlaceFacts, PostingFacts, assess, rule_for
from papi_desktop.services import reference

VILLAGES = (("v1", "Bản Hin"), ("v2", "Bản Mòng"))
TODAY = date(2026, 11, 23)


def facts(kind: str, start: date | None, end: date | None, anchor: date | None = None, villages=VILLAGES,  # noqa: ANN001
          places: tuple[str, ...] = ("seat", "v1", "v2"), channels: tuple[ChannelFacts, ...] = (),
          loudspeaker: bool = True, portal: bool = False) -> PostingFacts:
    labels = dict(villages) | {"seat": "Trụ sở UBND xã"}
    return PostingFacts(reference.disclosure_kind(kind), anchor, start, end,
                        tuple(PlaceFacts(k, labels[k], start, end) for k in places), channels, villages,
                        loudspeaker, portal)


def check(f: PostingFacts, today: date = TODAY):  # noqa: ANN201
    return assess(f, list(reference.disclosure_layers()), reference.working_calendar(), today)


def speaker(start: date, end: date) -> ChannelFacts:
    return ChannelFacts("loudspeaker", start, end)


def test_thirty_consecutive_days_by_default() -> None:
    ok = check(facts("socioeconomic_plan", date(2026, 2, 1), date(2026, 3, 2), anchor=date(2026, 1, 26)))
    assert ok.status == "ok", ok.reason()  # 1/2 … 2/3 is 30 days, both ends counted
    short = check(facts("socioeconomic_plan", date(2026, 2, 1), date(2026, 3, 1), anchor=date(2026, 1, 26)))
    assert short.status == "too_short" and "29 ngày" in short.reason() and "ít nhất 30" in short.reason()
    running = check(facts("socioeconomic_plan", date(2026, 11, 10), None, anchor=date(2026, 11, 9)))
    assert running.status == "in_progress" and "09/12/2026" in running.reason()


def test_poverty_lists_three_working_days_across_tet() -> None:
    rule = rule_for(reference.disclosure_kind("poverty_preliminary"), date(2026, 2, 13),
                    list(reference.disclosure_layers()))
    assert rule is not None and (rule.min_days, rule.min_days_unit) == (3, "working")
    loud = (speaker(date(2026, 2, 13), date(2026, 2, 24)),)
    # Friday 13/02/2026, then Tết (14–22/02), then Monday 23 and Tuesday 24: three working days.
    ok = check(facts("poverty_preliminary", date(2026, 2, 13), date(2026, 2, 24), anchor=date(2026, 2, 12),
                     channels=loud))
    assert ok.status == "ok", ok.reason()
    short = check(facts("poverty_preliminary", date(2026, 2, 13), date(2026, 2, 23), anchor=date(2026, 2, 12),
                        channels=loud))
    assert short.status == "too_short" and "2 ngày làm việc" in short.reason()


def test_budget_quarter_deadline_runs_from_the_quarter_end() -> None:
    loud = (speaker(date(2026, 4, 15), date(2026, 4, 20)),)
    on_time = check(facts("budget_execution_q1", date(2026, 4, 15), date(2026, 5, 14), anchor=date(2026, 3, 31),
                          channels=loud))
    assert on_time.deadline == date(2026, 4, 15) and on_time.status == "ok", on_time.reason()
    late = check(facts("budget_execution_q1", date(2026, 4, 16), date(2026, 5, 15), anchor=date(2026, 3, 31),
                       channels=(speaker(date(2026, 4, 16), date(2026, 4, 20)),)))
    assert late.status == "late" and "chậm 1 ngày" in late.reason()


def test_submitted_estimate_five_working_days_from_the_document() -> None:
    result = check(facts("budget_estimate_submitted", None, None, anchor=date(2026, 12, 10)), today=date(2026, 12, 1))
    assert result.status == "due" and result.deadline == date(2026, 12, 17)  # Thursday + 5 working days


@pytest.mark.parametrize(("posted", "portal_required"), [(date(2026, 3, 24), False), (date(2026, 3, 25), True)])
def test_budget_portal_required_from_circular_26_2026(posted: date, portal_required: bool) -> None:
    """Thông tư 26/2026/TT-BTC (from 25/3/2026) makes the web portal a required form where there is one."""
    channels = (speaker(posted, posted), ChannelFacts("written_notice", posted, None))
    result = check(facts("budget_estimate_approved", posted, date(2026, 5, 30), anchor=date(2026, 3, 10),
                         channels=channels, portal=True))
    assert (result.status == "missing_forms") is portal_required, result.reason()
    if portal_required:
        assert "cổng/trang thông tin điện tử" in result.reason()
    without_page = check(facts("budget_estimate_approved", posted, date(2026, 5, 30), anchor=date(2026, 3, 10),
                               channels=channels, portal=False))
    assert without_page.status == "ok"  # required only where the commune has a web page


def test_general_rule_starts_with_the_grassroots_democracy_law() -> None:
    before = check(facts("other", date(2023, 6, 30), date(2023, 8, 30), anchor=date(2023, 6, 29)))
    assert before.status == "unknown" and "30/06/2023" in before.reason()
    layers = list(reference.disclosure_layers())
    kind = reference.disclosure_kind("other")
    assert rule_for(kind, date(2023, 6, 30), layers) is None
    after = rule_for(kind, date(2023, 7, 1), layers)
    assert after is not None and after.min_days == 30 and after.places == ["seat", "villages"]


def test_loudspeaker_three_days_for_items_7_to_12() -> None:
    base = dict(start=date(2026, 9, 1), end=date(2026, 10, 5), anchor=date(2026, 8, 31))
    assert check(facts("fees", **base)).status == "missing_forms"
    two = check(facts("fees", **base, channels=(speaker(date(2026, 9, 1), date(2026, 9, 2)),)))
    assert two.status == "too_short" and "Truyền thanh 2 ngày" in two.reason()
    assert check(facts("fees", **base, channels=(speaker(date(2026, 9, 1), date(2026, 9, 3)),))).status == "ok"
    assert check(facts("fees", **base, loudspeaker=False)).status == "ok"  # no system in the commune
    assert check(facts("socioeconomic_plan", **base)).status == "ok"  # item 1 needs no loudspeaker


def test_missing_village_cultural_house() -> None:
    result = check(facts("socioeconomic_plan", date(2026, 2, 1), date(2026, 3, 5), anchor=date(2026, 1, 26),
                         places=("seat", "v1")))
    assert result.status == "missing_places" and "Bản Mòng" in result.reason()
    assert result.place_status == {"seat": "ok", "v1": "ok", "v2": "missing"}
    no_list = check(facts("socioeconomic_plan", date(2026, 2, 1), date(2026, 3, 5), anchor=date(2026, 1, 26),
                          villages=(), places=("seat",)))
    assert no_list.status == "missing_places" and "Cài đặt" in no_list.reason()


def test_procedures_stay_posted_at_the_seat_only() -> None:
    ok = check(facts("admin_procedures", date(2025, 1, 2), None, places=("seat",)))
    assert ok.status == "ok", ok.reason()
    down = check(facts("admin_procedures", date(2025, 1, 2), date(2026, 6, 30), places=("seat",)))
    assert down.status == "too_short" and "30/06/2026" in down.reason()
