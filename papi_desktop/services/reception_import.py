"""Import an existing reception book from .xlsx: preview with errors by row, then all-or-nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ..domain.errors import KnownError
from ..domain.progress import CancelToken, NullProgress, ProgressReporter
from ..domain.register_table import RegisterParse, RegisterRow, parse_register
from ..domain.text import fold
from ..storage.db import Database
from ..storage.registers import Reception, ReceptionCitizen
from . import backup
from . import reception as rs
from .workbook_checks import count_range
from .workbooks import stream_sheets


@dataclass
class RegisterPreview:
    source: Path
    sha256: str
    parsed: RegisterParse
    duplicates: int = 0  # rows already in the book (same day, name and summary)
    # The checked entries and their identity keys, kept for the write so nothing is done twice.
    entries: list[tuple[tuple[str, str, str], rs.ReceptionInput]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.entries)

    @property
    def new_rows(self) -> int:
        return self.rows - self.duplicates

    def summary(self, lang: str = "vi") -> dict[str, object]:
        return {
            "file": str(self.source), "rows": self.rows, "new": self.new_rows,
            "already_in_book": self.duplicates, "citizens": sum(e.people_count or 1 for _k, e in self.entries),
            "errors": [{"row": r, "reason": en if lang == "en" else vi} for r, vi, en in self.parsed.errors],
        }


def _key(day, name: str, summary: str) -> tuple[str, str, str]:  # noqa: ANN001
    return (day.isoformat(), fold(name), fold(summary))


def _existing_keys(db: Database) -> set[tuple[str, str, str]]:
    """(day, first citizen, summary) of every visit already in the book: a re-import adds none twice."""
    with db.reader() as s:
        return _keys_in(s)


def _keys_in(s) -> set[tuple[str, str, str]]:  # noqa: ANN001
    return {
        _key(day, name, summary)
        for day, name, summary in s.execute(
            select(Reception.received_on, ReceptionCitizen.name, Reception.summary)
            .join(ReceptionCitizen, ReceptionCitizen.reception_id == Reception.id)
            .where(Reception.deleted.is_(False), ReceptionCitizen.position == 0))
    }


def _to_input(row: RegisterRow) -> rs.ReceptionInput:
    delegation = row.people >= rs.delegation_threshold()
    citizen = rs.CitizenInput(row.name, row.address, row.id_number,
                              "cccd" if row.id_number.isdigit() and len(row.id_number) == 12 else "other",
                              is_representative=delegation)
    return rs.ReceptionInput(
        received_on=row.received_on, citizens=[citizen], summary=row.summary, classes=row.classes,
        reception_type=row.reception_type, receiver=row.receiver, people_count=row.people,
        prior_authorities=row.prior, direction=row.direction, direction_target=row.direction_target,
        followup=row.followup, notes=row.notes,
    )


def preview_import(db: Database, path: Path, progress: ProgressReporter | None = None,
                   cancel: CancelToken | None = None) -> RegisterPreview:
    """Read and check every row (CCCD, classification, dates); writes nothing."""
    progress = progress or NullProgress()
    path = Path(path)
    progress.start(2, "read")
    parsed: RegisterParse | None = None
    sheets = stream_sheets(path, cancel, kind="reception")
    for _name, rows in sheets:
        candidate = parse_register(rows, count_range("reception_people"))
        if candidate.header_row is not None:
            parsed = candidate
            break
    sheets.close()  # the reader's copy of the sheet goes now, before the checked entries are built
    if parsed is None:
        raise KnownError(
            "Không tìm thấy sổ tiếp công dân: cần dòng tiêu đề có các cột Ngày tiếp, Họ tên, địa chỉ, Nội dung vụ "
            "việc (Mẫu 03/TCD). Không có dữ liệu nào được ghi.",
            "No reception book found: a header with Ngày tiếp, Họ tên, địa chỉ, Nội dung vụ việc is needed "
            "(form 03/TCD). Nothing was written.")
    progress.advance()
    entries = []
    for row in parsed.rows:
        entry = _to_input(row)
        try:
            rs.validate(entry)
        except KnownError as exc:
            parsed.errors.append((row.row, exc.vi, exc.en))
            continue
        entries.append((_key(row.received_on, row.name, row.summary), entry))
    parsed.rows = []  # the checked entries replace them: one copy of 100,000 rows, not two
    parsed.errors.sort()
    preview = RegisterPreview(path, hashlib.sha256(path.read_bytes()).hexdigest(), parsed, entries=entries)
    existing = _existing_keys(db)
    preview.duplicates = sum(key in existing for key, _entry in entries)
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
    with db.session() as s:
        # Checked inside the write transaction: the same book imported twice at once is written once,
        # and the second import finds every row already there (preview.duplicates says how many).
        existing = _keys_in(s)
        rows = [entry for key, entry in preview.entries if key not in existing]
        preview.duplicates = len(preview.entries) - len(rows)
        progress.start(len(rows), "write")
        for start in range(0, len(rows), 2000):
            cancel.raise_if_cancelled()  # inside the transaction: a cancel rolls everything back
            chunk = rows[start:start + 2000]
            rs.bulk_add(s, chunk, validated=True)  # checked by the preview
            progress.advance(len(chunk))
        cancel.raise_if_cancelled()
    progress.finish()
    return len(rows)
