"""Reference data shipped in resources/reference: PAPI dimensions, Sơn La's units, reporting periods.

The province sends updates (services/downstream.py); they land in the data folder's reference/ and are
read instead of the shipped file unless the shipped one is newer (its "revised" date is later: a
program update may bring newer data than the last update from the province)."""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from .. import paths
from ..domain.calendar import WorkingCalendar
from ..domain.dimensions import Dimension
from ..domain.disclosure import DisclosureKind, RuleLayer
from ..domain.errors import KnownError
from ..domain.limits import LegalLimit
from ..domain.periods import PeriodRule


@dataclass(frozen=True)
class Unit:
    code: str
    type: str  # "xa" | "phuong"
    full_name: str  # "Xã Chiềng Sơn"
    name: str  # "Chiềng Sơn"


F = TypeVar("F", bound=Callable[..., Any])
_CACHES: list[Any] = []


def _folder_key() -> tuple[object, object]:
    """Which data folder is in use (set without touching the disk): caches are kept per folder, as
    tests switch folders in one process and each folder may hold its own province copies."""
    return (getattr(paths, "_override", None), getattr(paths, "_cli_dir", None))


def _per_folder(fn: F) -> F:
    """functools.lru_cache keyed also by the data folder; `.cache_clear()` as before."""
    inner = functools.lru_cache(maxsize=256)(lambda _where, *args: fn(*args))

    @functools.wraps(fn)
    def cached(*args: Any) -> Any:
        return inner(_folder_key(), *args)

    cached.cache_clear = inner.cache_clear  # type: ignore[attr-defined]
    _CACHES.append(inner)
    return cached  # type: ignore[return-value]


def clear_caches() -> None:
    """After the province's copies changed (a downstream update was applied)."""
    for cache in _CACHES:
        cache.cache_clear()


def province_dir() -> Path:
    """Where the province's copies of reference files are kept in the data folder."""
    return paths.data_dir() / "reference"


def template_file(name: str) -> Path | None:
    """A report template the province sent (reference/templates/), if it sent one by that name. A bare
    file name only: "../calendar_vn.json" or a folder is no template."""
    if not name or name != Path(name).name or "\\" in name or name.startswith("."):
        return None
    path = province_dir() / "templates" / name
    return path if path.is_file() else None


def _revised(path: Path) -> str:
    """A JSON reference file's "revised" date (ISO, "" when it has none); other files have none."""
    if path.suffix != ".json":
        return ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    value = data.get("revised", "") if isinstance(data, dict) else ""
    return value if isinstance(value, str) else ""


def _reference_file(name: str):  # noqa: ANN202
    path = paths.resources_dir() / "reference" / name
    local = province_dir() / name
    if local.is_file() and (not path.exists() or _revised(local) >= _revised(path)):
        return local
    if not path.exists():
        raise KnownError(
            f"Thiếu tệp dữ liệu tham chiếu {name}. Hãy cài lại chương trình.",
            f"Reference data file {name} is missing. Reinstall the program.",
        )
    return path


@_per_folder
def dimensions() -> tuple[Dimension, ...]:
    data = json.loads(_reference_file("papi_dimensions.json").read_text(encoding="utf-8"))
    return tuple(
        Dimension(
            number=d["number"], name_vi=d["name_vi"], name_en=d["name_en"],
            keys=tuple(d.get("keys", ())), sub=tuple(tuple(s) for s in d.get("sub", ())),
        )
        for d in data["dimensions"]
    )


def dimension(number: int) -> Dimension:
    for dim in dimensions():
        if dim.number == number:
            return dim
    raise KnownError(f"Không có chỉ số nội dung số {number} (chỉ có 1–8).", f"No dimension {number} (1–8 only).")


@_per_folder
def units() -> tuple[Unit, ...]:
    with _reference_file("son_la_units_2025.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(Unit(r["code"], r["type"], r["full_name"], r["name"]) for r in csv.DictReader(fh))


def unit(code: str) -> Unit:
    code = code.strip()
    for item in units():
        if item.code == code or item.code == code.zfill(5):
            return item
    raise KnownError(
        f"Không có đơn vị hành chính mã {code} trong danh sách 75 xã, phường của tỉnh Sơn La.",
        f"No administrative unit with code {code} among Sơn La's 75 communes and wards.",
    )


@_per_folder
def period_rules() -> tuple[PeriodRule, ...]:
    data = json.loads(_reference_file("reporting_periods.json").read_text(encoding="utf-8"))
    return tuple(
        PeriodRule(p["code"], p["name_vi"], p["name_en"], p["start"], p["end"], tuple(p["due"]))
        for p in data["periods"]
    )


@_per_folder
def working_calendar() -> WorkingCalendar:
    data = json.loads(_reference_file("calendar_vn.json").read_text(encoding="utf-8"))
    days_off: list[date] = []
    weekends: list[date] = []
    for year in data["years"].values():
        days_off.extend(date.fromisoformat(d) for d in year["days_off"])
        weekends.extend(date.fromisoformat(d) for d in year["working_weekends"])
    return WorkingCalendar(days_off, weekends, (int(y) for y in data["years"]))


@_per_folder
def legal_limits() -> tuple[LegalLimit, ...]:
    data = json.loads(_reference_file("legal_limits.json").read_text(encoding="utf-8"))
    return tuple(
        LegalLimit(
            code=item["code"], name_vi=item["name_vi"], name_en=item["name_en"], days=int(item["days"]),
            unit=item["unit"], effective_from=date.fromisoformat(item["effective_from"]),
            effective_to=date.fromisoformat(item["effective_to"]) if item.get("effective_to") else None,
            source=item["source"], complex_days=item.get("complex_days"), remote_days=item.get("remote_days"),
            remote_complex_days=item.get("remote_complex_days"),
        )
        for item in data["limits"]
    )


@_per_folder
def province_codes() -> frozenset[str]:
    data = json.loads(_reference_file("cccd_province_codes.json").read_text(encoding="utf-8"))
    return frozenset(data["codes"])


@_per_folder
def threshold(key: str) -> float:
    data = json.loads(_reference_file("legal_limits.json").read_text(encoding="utf-8"))
    try:
        return float(data["thresholds"][key]["value"])
    except KeyError:
        raise KnownError(f"Thiếu ngưỡng “{key}” trong dữ liệu tham chiếu.", f"Threshold “{key}” is missing.") from None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@_per_folder
def disclosure_items() -> dict[int, dict]:
    data = json.loads(_reference_file("disclosure_rules.json").read_text(encoding="utf-8"))
    return {int(i["item"]): i for i in data["items"]}


@_per_folder
def disclosure_kinds() -> tuple[DisclosureKind, ...]:
    data = json.loads(_reference_file("disclosure_rules.json").read_text(encoding="utf-8"))
    kinds = []
    for k in data["kinds"]:
        by = (k.get("expected") or {}).get("by")
        kinds.append(DisclosureKind(
            code=k["code"], item=int(k["item"]), name_vi=k["name_vi"], name_en=k["name_en"],
            permanent=bool(k.get("permanent")), period=k.get("period", ""), budget_stage=k.get("budget_stage", ""),
            poverty_step=k.get("poverty_step", ""), expected_by=(int(by["month"]), int(by["day"])) if by else None))
    return tuple(kinds)


def disclosure_kind(code: str) -> DisclosureKind:
    for kind in disclosure_kinds():
        if kind.code == code:
            return kind
    raise KnownError(f"Không có loại công khai “{code}” trong dữ liệu tham chiếu.",
                     f"No disclosure kind “{code}” in the reference data.")


@_per_folder
def disclosure_layers() -> tuple[RuleLayer, ...]:
    data = json.loads(_reference_file("disclosure_rules.json").read_text(encoding="utf-8"))
    meta = {"scope", "effective_from", "effective_to", "source"}
    return tuple(
        RuleLayer(scope=r["scope"], effective_from=date.fromisoformat(r["effective_from"]),
                  effective_to=_date(r.get("effective_to")), fields={k: v for k, v in r.items() if k not in meta},
                  source=r["source"])
        for r in data["rules"]
    )


@_per_folder
def budget_forms() -> dict:
    """Stages and form sets (legacy TT 343/2016 forms, the province's templates) with the years they serve."""
    return json.loads(_reference_file("budget_forms.json").read_text(encoding="utf-8"))


@_per_folder
def poverty_standards() -> dict:
    return json.loads(_reference_file("poverty_standards.json").read_text(encoding="utf-8"))


@_per_folder
def communication_quotas() -> dict:
    return json.loads(_reference_file("communication_quotas.json").read_text(encoding="utf-8"))
