"""Understand the rows of a plan appendix table as offices type it.

Input: rows of cell texts (already read from the file, merged cells resolved
to their top-left value). Output: the plan's title data, dimension sections,
tasks with their milestones, indicators, and the rows not understood, with
their row numbers. No file access here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .deadlines import Milestone, parse_deadline
from .dimensions import Dimension, match_dimension
from .text import fold, nfc, one_line

_ROMAN_NUMERAL = re.compile(r"^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_SECTION_CELL = re.compile(r"^\s*(?P<num>[IVXLC]+)\s*[.:\-–)]?\s+(?P<title>.+)$", re.IGNORECASE | re.DOTALL)
_TASK_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_NUMBERING_CELL = re.compile(r"^\(\s*\d{1,2}\s*\)$")
_YEAR_IN_TITLE = re.compile(r"\bnam\s+(20\d\d)\b")
_DOC_REF = re.compile(
    r"(?:ke hoach|quyet dinh|van ban|cong van)\s+so\s*:?\s*(?P<num>[0-9a-z/\-.đ]+)"
    r"(?:\s+ngay\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4}))?"
    r"(?:\s+cua\s+(?P<issuer>[^)]+))?"
)


@dataclass
class ParsedTask:
    row: int
    dimension: int
    section_numeral: str
    number: str
    task: str
    output: str = ""
    lead: str = ""
    coordinators: str = ""
    deadline_text: str = ""
    milestones: list[Milestone] = field(default_factory=list)


@dataclass
class ParsedIndicator:
    row: int
    group: str
    number: str
    name: str
    unit: str = ""
    target: str = ""
    responsible: str = ""


@dataclass
class Problem:
    row: int
    vi: str
    en: str
    text: str = ""


@dataclass
class ParsedPlan:
    title: str = ""
    year: int | None = None
    doc_number: str = ""
    doc_date: date | None = None
    issuer: str = ""
    header_row: int | None = None
    sections: dict[int, tuple[str, str]] = field(default_factory=dict)  # dimension -> (numeral, title)
    tasks: list[ParsedTask] = field(default_factory=list)
    indicators: list[ParsedIndicator] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def finalize_milestones(self) -> None:
        for task in self.tasks:
            task.milestones = parse_deadline(task.deadline_text, self.year)


def header_roles(cells: list[str]) -> dict[str, int]:
    """Column index of each role if the row is a task-table header (its wordings vary by office)."""
    roles: dict[str, int] = {}
    for idx, cell in enumerate(cells):
        key = fold(cell).strip(" .:")
        if not key:
            continue
        if key in ("tt", "stt", "so tt", "so thu tu"):
            role = "tt"
        elif "phoi hop" in key:
            role = "coordinators"
        elif "chu tri" in key:
            role = "lead"
        elif key.startswith(("thoi gian", "thoi han")) or "hoan thanh" in key:
            role = "deadline"
        elif "san pham" in key or "ket qua" in key:
            role = "output"
        elif "nhiem vu" in key or key == "noi dung":
            role = "task"
        else:
            continue
        roles.setdefault(role, idx)
    return roles


def indicator_header_roles(cells: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for idx, cell in enumerate(cells):
        key = fold(cell).strip(" .:")
        if key in ("tt", "stt"):
            role = "tt"
        elif key.startswith("chi tieu") or key == "ten chi tieu":
            role = "name"
        elif key.startswith("don vi tinh") or key == "dvt":
            role = "unit"
        elif key in ("ket qua", "muc tieu", "chi tieu ke hoach") or key.startswith("ket qua"):
            role = "target"
        elif "trach nhiem" in key or "theo doi" in key:
            role = "responsible"
        else:
            continue
        roles.setdefault(role, idx)
    return roles


def is_task_header(cells: list[str]) -> bool:
    roles = header_roles(cells)
    return {"task", "lead", "deadline"} <= roles.keys() and len(roles) >= 4


def is_indicator_header(cells: list[str]) -> bool:
    roles = indicator_header_roles(cells)
    return {"name", "unit", "target"} <= roles.keys()


def _is_numbering_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return len(filled) >= 3 and all(_NUMBERING_CELL.match(c.strip()) for c in filled)


def _is_roman(text: str) -> bool:
    return bool(text) and bool(_ROMAN_NUMERAL.match(text.strip().strip(".").lower()))


def _cell(cells: list[str], roles: dict[str, int], role: str) -> str:
    idx = roles.get(role)
    return nfc(cells[idx]) if idx is not None and idx < len(cells) else ""


def _join(old: str, new: str) -> str:
    if not new:
        return old
    if not old:
        return new
    # A page break cut the cell: a lower-case start continues the sentence, else a new line.
    return f"{old} {new}" if new[:1].islower() else f"{old}\n{new}"


def _read_title_block(plan: ParsedPlan, lines: list[str]) -> None:
    text = " ".join(one_line(line) for line in lines if line.strip())
    plan.title = text[:500]
    folded = fold(text)
    years = _YEAR_IN_TITLE.findall(folded)
    if years:
        plan.year = int(years[0])
    ref = _DOC_REF.search(folded)
    if ref:
        # The folded text finds the reference; number and issuer are taken from the original wording.
        numbers = re.findall(r"\bsố\s*:?\s*([0-9][0-9A-Za-zĐđ/\-.]*/[0-9A-Za-zĐđ/\-.]+)", text, re.IGNORECASE)
        if numbers:
            plan.doc_number = numbers[0].strip(".")
        if ref["y"]:
            try:
                plan.doc_date = date(int(ref["y"]), int(ref["m"]), int(ref["d"]))
            except ValueError:
                plan.doc_date = None
        issuer = re.search(r"của\s+([^)]+)\)", text)
        if issuer:
            plan.issuer = one_line(issuer.group(1)).strip(" .")


def parse_rows(
    rows: list[tuple[int, list[str]]],
    dimensions: list[Dimension],
    default_year: int | None = None,
) -> ParsedPlan:
    """Classify every row; unknown rows become problems with their row number."""
    plan = ParsedPlan()
    roles: dict[str, int] | None = None
    title_lines: list[str] = []
    current_dim: int | None = None
    current_numeral = ""
    last_task: ParsedTask | None = None
    for row_no, raw in rows:
        cells = [nfc(c) for c in raw]
        filled = [c for c in cells if c]
        if not filled:
            continue
        if roles is None:
            if is_task_header(cells):
                roles = header_roles(cells)
                plan.header_row = row_no
                _read_title_block(plan, title_lines)
            else:
                title_lines.extend(filled)
            continue
        if is_task_header(cells) or _is_numbering_row(cells):
            continue  # header repeated after a page break, or the "(1) … (6)" row
        tt = _cell(cells, roles, "tt")
        task_text = _cell(cells, roles, "task")
        single = filled[0] if len(set(filled)) == 1 else ""
        section_title = ""
        numeral = ""
        if _is_roman(tt):
            numeral, section_title = tt.strip(" ."), task_text or next((c for c in filled if c != tt), "")
        elif single and (m := _SECTION_CELL.match(single)) and _is_roman(m["num"]):
            numeral, section_title = m["num"], m["title"]
        if numeral:
            dim = match_dimension(section_title, dimensions)
            last_task = None
            if dim is None:
                current_dim = None
                plan.problems.append(Problem(
                    row_no,
                    "Mục không khớp với chỉ số nội dung PAPI nào; các nhiệm vụ bên dưới bị bỏ qua.",
                    "Section matches no PAPI dimension; the tasks under it are skipped.",
                    one_line(section_title),
                ))
            else:
                current_dim, current_numeral = dim.number, numeral
                plan.sections.setdefault(dim.number, (numeral, one_line(section_title)))
            continue
        if tt and _TASK_NUMBER.match(tt.replace(" ", "")) and task_text:
            if current_dim is None:
                plan.problems.append(Problem(
                    row_no,
                    "Nhiệm vụ nằm ngoài mục chỉ số PAPI đã nhận ra.",
                    "Task outside a recognised PAPI dimension section.",
                    one_line(task_text)[:120],
                ))
                last_task = None
                continue
            last_task = ParsedTask(
                row=row_no, dimension=current_dim, section_numeral=current_numeral,
                number=tt.strip().rstrip("."), task=task_text,
                output=_cell(cells, roles, "output"), lead=_cell(cells, roles, "lead"),
                coordinators=_cell(cells, roles, "coordinators"), deadline_text=_cell(cells, roles, "deadline"),
            )
            plan.tasks.append(last_task)
            continue
        if not tt and last_task is not None:
            # The rest of a task cut by a page break or spread over merged rows.
            for role, attr in (("task", "task"), ("output", "output"), ("lead", "lead"),
                               ("coordinators", "coordinators"), ("deadline", "deadline_text")):
                setattr(last_task, attr, _join(getattr(last_task, attr), _cell(cells, roles, role)))
            continue
        plan.problems.append(Problem(
            row_no, "Dòng không hiểu được (không phải mục, nhiệm vụ hay tiêu đề).",
            "Row not understood (not a section, a task or a header).", one_line(" | ".join(filled))[:120],
        ))
    if plan.year is None:
        plan.year = default_year
    plan.finalize_milestones()
    return plan


def parse_indicator_rows(rows: list[tuple[int, list[str]]]) -> tuple[list[ParsedIndicator], list[Problem]]:
    """The indicator table (Phụ lục I: STT, Chỉ tiêu, Đơn vị tính, Kết quả, Cơ quan chịu trách nhiệm)."""
    roles: dict[str, int] | None = None
    found: list[ParsedIndicator] = []
    problems: list[Problem] = []
    group = ""
    last: ParsedIndicator | None = None
    for row_no, raw in rows:
        cells = [nfc(c) for c in raw]
        filled = [c for c in cells if c]
        if not filled:
            continue
        if roles is None or is_indicator_header(cells):
            if is_indicator_header(cells):
                roles = indicator_header_roles(cells)
            continue
        tt = _cell(cells, roles, "tt")
        name = _cell(cells, roles, "name")
        if _is_roman(tt):
            group, last = one_line(name), None
            continue
        if tt and _TASK_NUMBER.match(tt) and name:
            last = ParsedIndicator(row_no, group, tt.rstrip("."), name, _cell(cells, roles, "unit"),
                                   _cell(cells, roles, "target"), _cell(cells, roles, "responsible"))
            found.append(last)
        elif not tt and last is not None:
            last.name = _join(last.name, name)
            last.responsible = _join(last.responsible, _cell(cells, roles, "responsible"))
        else:
            problems.append(Problem(row_no, "Dòng chỉ tiêu không hiểu được.", "Indicator row not understood.",
                                    one_line(" | ".join(filled))[:120]))
    return found, problems
