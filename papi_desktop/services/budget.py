"""Commune budget tables: import from Excel (preview, all-or-nothing), entry, total checks, and the
estimate compared with its execution."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.budget_table import (
    BudgetColumn,
    ParsedBudget,
    ParsedLine,
    TotalMismatch,
    assign_levels,
    check_totals,
    parse_budget,
)
from ..domain.dates import parse_vn
from ..domain.errors import KnownError
from ..domain.text import fold, nfc
from ..storage.db import Database
from ..storage.transparency import BudgetLine, BudgetTable
from . import backup, reference
from .common import tombstone
from .workbooks import read_sheets

STAGES = ("estimate_submitted", "estimate_approved", "execution_q1", "execution_h1", "execution_9m",
          "execution_year", "final_accounts")
_EXECUTION_ORDER = ("final_accounts", "execution_year", "execution_9m", "execution_h1", "execution_q1")
_EXECUTED_WORDS = ("quyet toan", "thuc hien", "uoc")


def stage_name(code: str, lang: str = "vi") -> str:
    for st in reference.budget_forms()["stages"]:
        if st["code"] == code:
            return st["name_en" if lang == "en" else "name_vi"]
    return code


def _form(code: str) -> tuple[dict, dict] | None:
    """(form set, form) of a form code, e.g. "110" -> (tt343, Biểu 110)."""
    for form_set in reference.budget_forms()["form_sets"]:
        for form in form_set["forms"]:
            if form["code"].lower() == code.lower():
                return form_set, form
    return None


def check_form_applies(form_code: str, year: int, stage: str) -> None:
    """A legacy form serves only the budget years (and transition stages) it still applies to."""
    found = _form(form_code) if form_code else None
    if found is None:
        return
    form_set, form = found
    if form["stage"] not in ("any", "execution") and form["stage"] != stage:
        raise KnownError(
            f"Biểu {form_code} là biểu “{stage_name(form['stage'])}”, không phải “{stage_name(stage)}”.",
            f"Form {form_code} is for “{stage_name(form['stage'], 'en')}”, not “{stage_name(stage, 'en')}”.")
    if form["stage"] == "execution" and not stage.startswith("execution"):
        raise KnownError(f"Biểu {form_code} là biểu thực hiện dự toán, không phải “{stage_name(stage)}”.",
                         f"Form {form_code} is an execution form, not “{stage_name(stage, 'en')}”.")
    upto, since = form_set.get("years_to"), form_set.get("years_from")
    in_transition = any(t["year"] == year and stage in t["stages"] for t in form_set.get("transition", ()))
    if (upto is not None and year > upto and not in_transition) or (since is not None and year < since):
        raise KnownError(
            f"Biểu {form_code} ({form_set['name_vi']}) không áp dụng cho {stage_name(stage).lower()} năm ngân sách "
            f"{year}. Từ năm ngân sách 2026 dùng mẫu của tỉnh (Thông tư 26/2026/TT-BTC).",
            f"Form {form_code} does not apply to budget year {year} at this stage. From budget year 2026 use the "
            "province's templates (Circular 26/2026/TT-BTC).")


def stage_of_form(form_code: str) -> str | None:
    found = _form(form_code) if form_code else None
    if found is None or found[1]["stage"] in ("any", "execution"):
        return None
    return found[1]["stage"]


def part_of(form_code: str, title: str) -> str:
    """What a table shows: balance, revenue, expenditure, investment or other_finance."""
    found = _form(form_code) if form_code else None
    if found is not None:
        return found[1]["part"]
    key = fold(title)
    if "can doi" in key:
        return "balance"
    if "dau tu" in key:
        return "investment"
    if "hoat dong tai chinh" in key:
        return "other_finance"
    if " chi " in f" {key} " or key.startswith("chi "):
        return "expenditure"
    if " thu " in f" {key} " or key.startswith("thu "):
        return "revenue"
    return "other"


@dataclass
class BudgetPreview:
    source: Path
    sha256: str
    parsed: ParsedBudget
    year: int
    stage: str
    mismatches: list[TotalMismatch]
    replaces: str | None = None  # a table of the same year, stage and form already recorded

    @property
    def errors(self) -> list[tuple[int, str, str]]:
        return self.parsed.errors + [(m.row, m.message("vi"), m.message("en")) for m in self.mismatches]

    def summary(self, lang: str = "vi") -> dict[str, object]:
        return {
            "file": str(self.source), "year": self.year, "stage": self.stage, "form": self.parsed.form_code,
            "title": self.parsed.title, "columns": [c.name for c in self.parsed.columns],
            "lines": len(self.parsed.lines), "replaces_existing": self.replaces is not None,
            "errors": [{"row": r, "reason": en if lang == "en" else vi} for r, vi, en in sorted(self.errors)],
        }


def preview_import(db: Database, path: Path, stage: str | None = None, year: int | None = None) -> BudgetPreview:
    """Read one budget table and check it (amounts, totals, the form for the year); writes nothing."""
    path = Path(path)
    parsed: ParsedBudget | None = None
    for _name, rows in read_sheets(path, kind="budget"):
        candidate = parse_budget(rows)
        if candidate.header_row is not None and candidate.lines:
            parsed = candidate
            break
    if parsed is None:
        raise KnownError(
            "Không tìm thấy bảng ngân sách: cần dòng tiêu đề có cột STT và Nội dung (hoặc Chỉ tiêu) và ít nhất "
            "một cột số tiền. Không có dữ liệu nào được ghi.",
            "No budget table found: a header with STT and Nội dung (or Chỉ tiêu) and at least one amount column "
            "is needed. Nothing was written.")
    if not parsed.columns:
        raise KnownError("Bảng ngân sách không có cột số tiền nào. Không có dữ liệu nào được ghi.",
                         "The budget table has no amount column. Nothing was written.")
    year = year or parsed.year
    if year is None:
        raise KnownError("Không xác định được năm ngân sách từ tiêu đề (… NĂM 2026). Hãy chỉ rõ năm (--year).",
                         "Cannot tell the budget year from the title. Give the year (--year).")
    stage = stage or stage_of_form(parsed.form_code)
    if stage is None:
        raise KnownError(
            "Không xác định được giai đoạn (dự toán trình, dự toán được quyết định, thực hiện quý/6 tháng/9 tháng/"
            "năm, quyết toán) từ số biểu. Hãy chọn giai đoạn (--stage).",
            "Cannot tell the stage from the form number. Choose it (--stage).")
    if stage not in STAGES:
        raise KnownError(f"Giai đoạn “{stage}” không hợp lệ.", f"Unknown stage “{stage}”.")
    check_form_applies(parsed.form_code, year, stage)
    mismatches = check_totals(parsed.lines, parsed.columns)
    with db.reader() as s:
        replaces = s.scalar(select(BudgetTable.id).where(
            BudgetTable.deleted.is_(False), BudgetTable.year == year, BudgetTable.stage == stage,
            BudgetTable.form_code == parsed.form_code, BudgetTable.title == parsed.title))
    return BudgetPreview(path, hashlib.sha256(path.read_bytes()).hexdigest(), parsed, year, stage, mismatches,
                         replaces)


def apply_import(db: Database, preview: BudgetPreview) -> str:
    """Write the table in one transaction, replacing the same table recorded before; nothing on any error.
    Returns the new table's id, or "" when this very file is already the recorded table (nothing new)."""
    backup.before_import(db)
    if preview.errors:
        row, vi, en = sorted(preview.errors)[0]
        raise KnownError(f"Bảng còn {len(preview.errors)} lỗi (dòng {row}: {vi}). Hãy sửa rồi nhập lại; chưa có "
                         "dữ liệu nào được ghi.",
                         f"The table has {len(preview.errors)} errors (row {row}: {en}). Fix them and import again; "
                         "nothing was written.")
    p = preview.parsed
    try:
        doc_date = parse_vn(p.doc_date_text) if p.doc_date_text else None
    except KnownError:
        doc_date = None
    with db.session() as s:
        # The table it replaces is looked up again inside the write transaction, not taken from the
        # preview: two imports at once must not both replace the old one and leave two live tables.
        current = s.scalar(select(BudgetTable).where(
            BudgetTable.deleted.is_(False), BudgetTable.year == preview.year, BudgetTable.stage == preview.stage,
            BudgetTable.form_code == p.form_code, BudgetTable.title == p.title))
        if current is not None and current.source_sha256 == preview.sha256:
            return ""
        if current is not None:
            _tombstone_table(s, current.id)
        table = BudgetTable(year=preview.year, stage=preview.stage, form_code=p.form_code, title=p.title,
                            columns_json=_columns_json(p.columns), doc_number=p.doc_number, doc_date=doc_date,
                            source_name=preview.source.name, source_sha256=preview.sha256)
        s.add(table)
        s.flush()
        for pos, line in enumerate(p.lines):
            s.add(BudgetLine(table_id=table.id, position=pos, code=line.code, name=line.name,
                             values_json=json.dumps(line.values)))
        return table.id


def _columns_json(columns: list[BudgetColumn]) -> str:
    return json.dumps([{"key": c.key, "name": c.name} for c in columns], ensure_ascii=False)


def _tombstone_table(s, table_id: str) -> None:  # noqa: ANN001
    old = s.get(BudgetTable, table_id)
    if old is None:
        return
    for line in old.lines:
        if not line.deleted:
            tombstone(line)
    tombstone(old)


@dataclass
class LineEntry:
    code: str
    name: str
    values: dict[str, int] = field(default_factory=dict)


@dataclass
class TableInfo:
    id: str
    year: int
    stage: str
    form_code: str
    title: str
    part: str
    columns: list[BudgetColumn]
    lines: list[ParsedLine]
    doc_number: str
    doc_date: date | None

    def mismatches(self) -> list[TotalMismatch]:
        return check_totals(self.lines, self.columns)


@dataclass(slots=True)
class TableInput:
    """A table typed by hand: each line's values keyed c1, c2, … in the order of columns."""
    year: int
    stage: str  # one of STAGES
    title: str
    columns: list[str]  # the amount columns' names
    lines: list[LineEntry]
    form_code: str = ""
    doc_number: str = ""
    doc_date: date | None = None


def save_table(db: Database, inp: TableInput, *, table_id: str | None = None) -> str:
    """Enter a table by hand, or replace table_id with it; the same checks as an import, and nothing
    written if they fail."""
    if inp.stage not in STAGES:
        raise KnownError(f"Giai đoạn “{inp.stage}” không hợp lệ.", f"Unknown stage “{inp.stage}”.")
    if not nfc(inp.title):
        raise KnownError("Hãy nhập tên biểu (ví dụ: Dự toán chi ngân sách xã).", "Enter the table's title.")
    if not inp.columns or not inp.lines:
        raise KnownError("Bảng cần ít nhất một cột số tiền và một dòng.", "A table needs a column and a line.")
    check_form_applies(inp.form_code, inp.year, inp.stage)
    cols = [BudgetColumn(f"c{i + 1}", nfc(name), i) for i, name in enumerate(inp.columns)]
    parsed = [ParsedLine(i + 1, nfc(x.code), nfc(x.name), dict(x.values)) for i, x in enumerate(inp.lines)]
    if any(not x.name for x in parsed):
        raise KnownError("Mỗi dòng cần có nội dung.", "Every line needs a name.")
    assign_levels(parsed)
    mismatches = check_totals(parsed, cols)
    if mismatches:
        raise KnownError("Số liệu chưa khớp: " + "; ".join(m.message("vi") for m in mismatches[:3]),
                         "Totals do not add up: " + "; ".join(m.message("en") for m in mismatches[:3]))
    with db.session() as s:
        if table_id:
            _tombstone_table(s, table_id)
        table = BudgetTable(year=inp.year, stage=inp.stage, form_code=nfc(inp.form_code),
                            title=nfc(inp.title), columns_json=_columns_json(cols),
                            doc_number=nfc(inp.doc_number), doc_date=inp.doc_date)
        s.add(table)
        s.flush()
        for pos, line in enumerate(parsed):
            s.add(BudgetLine(table_id=table.id, position=pos, code=line.code, name=line.name,
                             values_json=json.dumps(line.values)))
        return table.id


def tables(db: Database, year: int | None = None) -> list[TableInfo]:
    with db.reader() as s:
        stmt = (select(BudgetTable).where(BudgetTable.deleted.is_(False)).options(selectinload(BudgetTable.lines))
                .order_by(BudgetTable.year.desc(), BudgetTable.stage, BudgetTable.form_code))
        if year is not None:
            stmt = stmt.where(BudgetTable.year == year)
        out = []
        for t in s.scalars(stmt):
            cols = [BudgetColumn(c["key"], c["name"], i) for i, c in enumerate(json.loads(t.columns_json))]
            lines = [ParsedLine(pos + 1, x.code, x.name, {k: int(v) for k, v in json.loads(x.values_json).items()})
                     for pos, x in enumerate(line for line in t.lines if not line.deleted)]
            assign_levels(lines)
            out.append(TableInfo(t.id, t.year, t.stage, t.form_code, t.title, part_of(t.form_code, t.title), cols,
                                 lines, t.doc_number, t.doc_date))
        out.sort(key=lambda t: (-t.year, STAGES.index(t.stage), t.form_code))
        return out


def table(db: Database, table_id: str) -> TableInfo:
    for t in tables(db):
        if t.id == table_id:
            return t
    raise KnownError("Bảng ngân sách không còn tồn tại.", "The budget table no longer exists.")


@dataclass(frozen=True)
class Comparison:
    part: str
    code: str
    name: str
    estimate: int | None
    executed: int | None
    execution_stage: str

    @property
    def percent(self) -> float | None:
        if not self.estimate or self.executed is None:
            return None
        return round(self.executed * 100 / self.estimate, 1)


def _executed_column(t: TableInfo) -> str | None:
    for word in _EXECUTED_WORDS:
        for col in t.columns:
            if word in fold(col.name):
                return col.key
    return t.columns[-1].key if t.columns else None


def compare(db: Database, year: int) -> list[Comparison]:
    """The approved estimate of each part (revenue, expenditure, …) against its latest execution."""
    by_year = tables(db, year)
    out: list[Comparison] = []
    for part in ("balance", "revenue", "expenditure", "investment", "other_finance", "other"):
        estimates = [t for t in by_year if t.part == part and t.stage == "estimate_approved"] or \
                    [t for t in by_year if t.part == part and t.stage == "estimate_submitted"]
        executions = sorted((t for t in by_year if t.part == part and t.stage in _EXECUTION_ORDER),
                            key=lambda t: _EXECUTION_ORDER.index(t.stage))
        if not estimates or not executions:
            continue
        est, exe = estimates[0], executions[0]
        est_key, exe_key = est.columns[0].key, _executed_column(exe)
        done = {(x.code, fold(x.name)): x for x in exe.lines}
        done_by_name = {fold(x.name): x for x in exe.lines}
        for line in est.lines:
            match = done.get((line.code, fold(line.name))) or done_by_name.get(fold(line.name))
            out.append(Comparison(part, line.code, line.name, line.values.get(est_key),
                                  match.values.get(exe_key) if match and exe_key else None, exe.stage))
    return out
