"""Import an existing reception book from .xlsx: preview with errors by row, then all-or-nothing."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import KnownError
from ..domain.jobs import CancelToken, NullProgress, ProgressReporter
from ..domain.register_table import RegisterParse, RegisterRow, parse_register
from ..domain.text import fold
from ..storage.db import Database
from ..storage.registers import Reception, ReceptionCitizen
from . import backup, reference
from . import reception as rs
from .workbook_checks import count_range
from .workbooks import stream_sheets

_CHUNK = 5000  # visits written between two looks at the cancel token (and two progress steps)


@dataclass
class RegisterPreview:
    source: Path
    sha256: str
    parsed: RegisterParse
    duplicates: int = 0  # rows already in the book (same day, name and summary)
    # The checked entries, in the stored form, kept for the write so nothing is done twice.
    entries: list[rs.ReceptionInput] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.entries)

    @property
    def new_rows(self) -> int:
        return self.rows - self.duplicates

    def summary(self, lang: str = "vi") -> dict[str, object]:
        return {
            "file": str(self.source), "rows": self.rows, "new": self.new_rows,
            "already_in_book": self.duplicates, "citizens": sum(e.people_count or 1 for e in self.entries),
            "errors": [{"row": r, "reason": en if lang == "en" else vi} for r, vi, en in self.parsed.errors],
        }


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """The import keeps 100,000 checked entries (objects in no reference cycle) from the preview to the
    write: Python's cycle collector walked them over and over while they were made, for nothing (half
    of the preview's CPU). Refcounting frees them all the same; the collector runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _key(day: date, name: str, summary: str) -> tuple[str, str, str]:
    return (day.isoformat(), fold(name), fold(summary))


def _not_in(entries: list[rs.ReceptionInput], existing: set[tuple[str, str, str]]) -> list[rs.ReceptionInput]:
    """The entries whose visit the book does not hold yet. Only one on a day the book has visits on can be
    there already: the others are not folded at all (a book of a new period folds nothing)."""
    days = {date.fromisoformat(day) for day, _name, _summary in existing}
    return [e for e in entries
            if e.received_on not in days or _key(e.received_on, e.citizens[0].name, e.summary) not in existing]


def _existing_keys(db: Database) -> set[tuple[str, str, str]]:
    """(day, first citizen, summary) of every visit already in the book: a re-import adds none twice."""
    with db.reader() as s:
        return _keys_in(s)


def _keys_in(s: Session) -> set[tuple[str, str, str]]:
    return {
        _key(day, name, summary)
        for day, name, summary in s.execute(
            select(Reception.received_on, ReceptionCitizen.name, Reception.summary)
            .join(ReceptionCitizen, ReceptionCitizen.reception_id == Reception.id)
            .where(Reception.deleted.is_(False), ReceptionCitizen.position == 0))
    }


def _to_input(row: RegisterRow, delegation_min: int) -> rs.ReceptionInput:
    """A parsed row as an entry; its texts stay as parse_register gives them, in the stored form."""
    citizen = rs.CitizenInput(row.name, row.address, row.id_number,
                              "cccd" if row.id_number.isdigit() and len(row.id_number) == 12 else "other",
                              is_representative=row.people >= delegation_min)
    return rs.ReceptionInput(
        received_on=row.received_on, citizens=[citizen], summary=row.summary, classes=row.classes,
        reception_type=row.reception_type, receiver=row.receiver, people_count=row.people,
        prior_authorities=row.prior, direction=row.direction, direction_target=row.direction_target,
        followup=row.followup, notes=row.notes,
    )


def _checked_entries(parsed: RegisterParse) -> list[rs.ReceptionInput]:
    """Every parsed row checked as a form's entry is (rs.validate's rules); a row that fails is an error of
    its row number. The reference values are read once for the file, and no text is normalised again."""
    threshold, codes = rs.delegation_threshold(), set(reference.province_codes())
    entries = []
    for row in parsed.rows:
        entry = _to_input(row, threshold)
        try:
            rs.validate_stored(entry, threshold, codes)
        except KnownError as exc:
            parsed.errors.append((row.row, exc.vi, exc.en))
            continue
        entries.append(entry)
    return entries


def _parsed(path: Path, cancel: CancelToken | None) -> RegisterParse:
    """The first sheet that holds a reception book, parsed as the reader streams it."""
    sheets = stream_sheets(path, cancel, kind="reception")
    try:
        for _name, rows in sheets:
            parsed = parse_register(rows, count_range("reception_people"))
            if parsed.header_row is not None:
                return parsed
    finally:
        sheets.close()  # the reader's copy of the sheet goes now, before the checked entries are built
    raise KnownError(
        "Không tìm thấy sổ tiếp công dân: cần dòng tiêu đề có các cột Ngày tiếp, Họ tên, địa chỉ, Nội dung vụ "
        "việc (Mẫu 03/TCD). Không có dữ liệu nào được ghi.",
        "No reception book found: a header with Ngày tiếp, Họ tên, địa chỉ, Nội dung vụ việc is needed "
        "(form 03/TCD). Nothing was written.")


def preview_import(db: Database, path: Path, progress: ProgressReporter | None = None,
                   cancel: CancelToken | None = None) -> RegisterPreview:
    """Read and check every row (CCCD, classification, dates); writes nothing."""
    progress = progress or NullProgress()
    path = Path(path)
    progress.start(2, "read")
    with _cycle_collection_paused():
        parsed = _parsed(path, cancel)
        progress.advance()
        entries = _checked_entries(parsed)
    parsed.rows = []  # the checked entries replace them: one copy of 100,000 rows, not two
    parsed.errors.sort()
    preview = RegisterPreview(path, hashlib.sha256(path.read_bytes()).hexdigest(), parsed, entries=entries)
    preview.duplicates = len(entries) - len(_not_in(entries, _existing_keys(db)))
    progress.finish()
    return preview


def apply_import(db: Database, preview: RegisterPreview, progress: ProgressReporter | None = None,
                 cancel: CancelToken | None = None) -> int:
    """Write every new row in one transaction, or nothing if the file has any error or on cancel."""
    backup.before_import(db)
    if preview.parsed.errors:
        first = preview.parsed.errors[0]
        raise KnownError(
            f"Tệp còn {len(preview.parsed.errors)} dòng lỗi (dòng {first[0]}: {first[1]}). Hãy sửa rồi nhập lại; "
            "chưa có dữ liệu nào được ghi.",
            f"The file has {len(preview.parsed.errors)} rows with errors (row {first[0]}: {first[2]}). "
            "Fix them and import again; nothing was written.")
    progress = progress or NullProgress()
    cancel = cancel or CancelToken()
    with _cycle_collection_paused(), db.session() as s:
        # Checked inside the write transaction: the same book imported twice at once is written once,
        # and the second import finds every row already there (preview.duplicates says how many).
        rows = _not_in(preview.entries, _keys_in(s))
        preview.duplicates = len(preview.entries) - len(rows)
        progress.start(len(rows), "write")
        for start in range(0, len(rows), _CHUNK):
            cancel.raise_if_cancelled()  # inside the transaction: a cancel rolls everything back
            chunk = rows[start:start + _CHUNK]
            rs.bulk_add(s, chunk, stored=True)  # checked and normalised by the preview
            progress.advance(len(chunk))
        cancel.raise_if_cancelled()
    progress.finish()
    return len(rows)
