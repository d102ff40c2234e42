"""The audit trail (issue 13 §2): what was done on this database, by whom, when; its verification; the
lists the viewer and the command line show.

Data changes and the sync records (bundles read and sent, PCs' cards, certificates) are chained by
storage.audit at each commit, with no call here. The services call record() for what leaves no
record of its own: a report exported or signed, a backup made, a restore, a key installed, a login.
A detail never holds a citizen's data (no name, identity number or address): records are named by
id, files by name.

verify() walks the chain and the change-log rows each entry covers, and says where it first breaks:
an entry altered, inserted or removed, or a covered change-log row altered, missing or added, or a
row no entry covers. A chain anyone can recompute cannot prove that its last entries were not cut
off or rewritten as a whole: an anchor (a (seq, hash) noted earlier, e.g. from a previous verify)
catches that.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ..domain.erasure import REASONS
from ..domain.errors import KnownError
from ..domain.jobs import CancelToken, NullProgress, ProgressReporter
from ..storage import audit as chain
from ..storage import dialect, personal_seal
from ..storage.db import Database

KINDS: dict[str, tuple[str, str]] = {
    "change": ("Thay đổi dữ liệu", "Data change"),
    "import": ("Nhập", "Import"),
    "export": ("Xuất", "Export"),
    "sign": ("Ký số", "Signing"),
    "backup": ("Sao lưu", "Backup"),
    "restore": ("Khôi phục", "Restore"),
    "key": ("Khóa, chứng thư", "Keys and certificates"),
    "login": ("Đăng nhập", "Login"),
    "account": ("Tài khoản", "Accounts"),
    "personal": ("Dữ liệu cá nhân", "Personal data"),
    "genesis": ("Bắt đầu nhật ký", "Audit trail started"),
}
TABLES: dict[str, tuple[str, str]] = {
    "commune_profile": ("thông tin đơn vị", "unit profile"), "plan": ("kế hoạch", "plan"),
    "plan_section": ("phần kế hoạch", "plan section"), "task": ("nhiệm vụ", "task"),
    "task_state": ("tiến độ nhiệm vụ", "task progress"), "milestone": ("mốc", "milestone"),
    "milestone_state": ("mốc hoàn thành", "milestone done"), "progress_update": ("kết quả thực hiện", "progress"),
    "evidence": ("minh chứng", "evidence"), "indicator": ("chỉ tiêu", "indicator"),
    "indicator_value": ("giá trị chỉ tiêu", "indicator value"), "reception": ("lượt tiếp công dân", "reception"),
    "reception_citizen": ("công dân được tiếp", "citizen received"), "petition": ("đơn thư", "petition"),
    "petition_step": ("bước xử lý đơn", "petition step"), "dialogue": ("hội nghị đối thoại", "dialogue"),
    "dialogue_issue": ("ý kiến đối thoại", "dialogue issue"), "commitment": ("cam kết", "commitment"),
    "commitment_followup": ("theo dõi cam kết", "commitment follow-up"), "posting": ("niêm yết", "posting"),
    "posting_place": ("nơi niêm yết", "posting place"), "posting_channel": ("hình thức công khai", "channel"),
    "posting_attachment": ("tệp niêm yết", "posting file"), "posting_feedback": ("ý kiến về niêm yết", "feedback"),
    "village": ("thôn, bản", "village"), "news_item": ("tin bài", "news item"),
    "outgoing_document": ("văn bản đi", "outgoing document"), "budget_table": ("biểu ngân sách", "budget form"),
    "budget_line": ("dòng ngân sách", "budget line"), "poverty_household": ("hộ nghèo", "poor household"),
    "poverty_review": ("rà soát hộ nghèo", "poverty review"), "poverty_objection": ("khiếu nại danh sách", "objection"),
}
OPS = {"insert": ("thêm", "added"), "update": ("sửa", "changed"), "delete": ("xóa", "deleted")}
MASK = "•••"
_BATCH = 2000
log = logging.getLogger(__name__)


# --- recording -------------------------------------------------------------------------------------

def record(db: Database, kind: str, detail: dict[str, Any] | None = None) -> None:
    """One entry, chained in a transaction of its own, as the database's user."""
    if kind not in KINDS:
        raise ValueError(kind)
    with db.session() as s:
        chain.note(s, kind, dict(detail or {}))


def _record_done(db: Database, kind: str, detail: dict[str, Any], notes: list[tuple[str, str]]) -> bool:
    """The entry of something already done (files written): a failure to enter it (the database busy,
    say) is a note beside the result, never a failure of what was done. Whether it was entered."""
    try:
        record(db, kind, detail)
    except KnownError as exc:
        notes.append((f"Đã xong nhưng chưa ghi được vào nhật ký thao tác: {exc.vi}",
                      f"Done, but it could not be entered in the audit trail: {exc.en}"))
        return False
    return True


def export_entry(db: Database, report: str, number: str | None, document_id: str | None, files: list[str],
                 signed: bool, roles: list[str]) -> tuple[str, dict[str, Any], str | None]:
    """A report's entry (kind, detail, actor), "sign" when it was signed, else "export": committed with
    its number's issue (services.export_staging.settle), by this process or by the next start's recovery,
    so no finished export is missing from the trail; the actor is who exported it, either way."""
    return ("sign" if signed else "export", {"what": "report", "report": report, "number": number,
                                             "document_id": document_id, "files": files, "roles": list(roles)},
            getattr(db, "user", None) or None)


def record_backup(db: Database, made: Any) -> bool:
    """A backup made (services.backup.Created); False when it could not be entered (the next opening
    does: services.backup_journal)."""
    entry = made.entry
    return _record_done(db, "backup", {"file": entry.path.name, "reason": entry.reason, "seq": entry.seq,
                                "copies": [p.name for p in made.copies]}, made.notes)


# A restored PC numbers its next changes past every number it may have used after the backup; when the
# database it replaced could not be read, that is unknown: this many past the backup's own last one.
RESUME_GAP = 1_000_000


def resume_after(manifest: Any, comparison: Any | None) -> int:
    """The last change number the restored PC must never use again: its own highest, or the highest it sent,
    in the database replaced (which the province may hold), else the backup's plus RESUME_GAP. Reusing one
    makes every later bundle a fork; skipping some only leaves a gap the receiver holds until a person
    releases it (services.sync_release), nothing lost."""
    if comparison is not None and comparison.same_pc:
        return int(manifest.own_seq) + max(int(comparison.later_changes), int(comparison.sent_later))
    return int(manifest.own_seq) + RESUME_GAP


def after_restore(db_file: Path, backup_name: str, manifest: Any, replaced: Path | None, user: str | None,
                  comparison: Any | None = None) -> None:
    """The restore's entry, for the restored database: left beside it (storage.audit.PENDING) and chained
    when the database is next opened, so the restored file stays the backup's, byte for byte, until then.
    It carries where the PC's numbering resumes (resume_after): the opening sets that floor with the entry."""
    from . import setup  # noqa: PLC0415

    chain.leave_pending(db_file, "restore", user or setup._os_user(), {  # noqa: SLF001 - setup's default name
        "backup": backup_name, "created_at": manifest.created_at_utc, "reason": manifest.reason,
        "backup_seq": manifest.seq, "node": manifest.node, "replaced_backup": replaced.name if replaced else "",
        "resume_after": resume_after(manifest, comparison)})


def record_key(db: Database | None, what: str, info: Any | None) -> None:
    """A key or certificate installed, trusted or no longer trusted (a services.keys.CertificateInfo):
    what ("created", "imported", "enrolled", "trusted", "untrusted"…) and its fingerprint, never the
    names in it. The files are already changed: a failure to enter it is logged, never raised."""
    if db is None or info is None:
        return
    try:
        record(db, "key", {"what": what, "fingerprint": info.sha256, "not_after": info.not_after,
                           "self_signed": info.self_signed})
    except KnownError as exc:
        log.warning("audit: key event %s not entered: %s", what, exc.en)


def record_rejected(db: Database, summaries: Sequence[Any]) -> None:
    """Bundles refused before anything was written (a bad signature, a damaged file) leave no sync
    record: the import's caller enters them here (those applied, held or quarantined are entered by
    the import's own transaction)."""
    refused = [s for s in summaries if s.status == "rejected" and not s.dry_run]
    if not refused:
        return
    try:
        with db.session() as session:  # one entry each, one transaction
            for s in refused:
                vi, en = (s.reasons[0] if s.reasons else ("", ""))
                chain.note(session, "import", {
                    "what": "bundle", "status": "rejected", "file": s.file[:200], "bundle_id": s.bundle_id,
                    "unit": s.commune, "device": s.device, "reason_vi": vi[:300], "reason_en": en[:300]})
    except KnownError as exc:  # the refusal stands; only its entry is missing
        log.warning("audit: %d refused bundles not entered: %s", len(refused), exc.en)


# --- verification ----------------------------------------------------------------------------------

BREAKS = ("altered", "inserted", "removed", "change_altered", "change_missing", "change_inserted",
          "change_uncovered")


@dataclass(frozen=True)
class Break:
    """Where the chain first breaks. seq: the audit entry (None for a change-log row no entry covers);
    change_seq: the change-log row (or the first of the span) concerned; count: how many."""

    what: str
    seq: int | None
    change_seq: int | None = None
    count: int = 1
    last_change: int | None = None

    def message(self, lang: str = "vi") -> str:
        vi, en = self._texts()
        return en if lang == "en" else vi

    def _texts(self) -> tuple[str, str]:
        n, seq = self.count, self.seq
        span = f"{self.change_seq}–{self.last_change}" if self.last_change != self.change_seq else f"{self.change_seq}"
        if self.what == "altered":
            return (f"Mục nhật ký số {seq} đã bị sửa sau khi ghi: nội dung không khớp với mã băm của nó.",
                    f"Audit entry {seq} was altered after it was written: its content does not match its hash.")
        if self.what == "inserted":
            return (f"Mục nhật ký số {seq} được chèn thêm: nó không nối tiếp mục đứng trước.",
                    f"Audit entry {seq} was inserted: it does not follow the entry before it.")
        if self.what == "removed" and self.count:
            last = f"–{(seq or 0) + n - 1}" if n > 1 else ""
            return (f"Thiếu mục nhật ký số {seq}{last}: đã bị xóa.",
                    f"Audit entr{'ies' if n > 1 else 'y'} {seq}{last} {'are' if n > 1 else 'is'} missing: removed.")
        if self.what == "removed":
            return (f"Mục nhật ký đứng ngay trước mục số {seq} đã bị xóa hoặc bị thay.",
                    f"The entry chained before audit entry {seq} was removed or replaced.")
        if self.what == "change_altered":
            return (f"Mục nhật ký số {seq}: dòng nhật ký thay đổi trong khoảng số {span} đã bị sửa.",
                    f"Audit entry {seq}: a change-log row in {span} was altered.")
        if self.what == "change_missing":
            return (f"Mục nhật ký số {seq}: thiếu {n} dòng nhật ký thay đổi trong khoảng số {span} (đã bị xóa).",
                    f"Audit entry {seq}: {n} change-log row(s) in {span} are missing (removed).")
        if self.what == "change_inserted":
            return (f"Mục nhật ký số {seq}: có thêm {n} dòng nhật ký thay đổi trong khoảng số {span} không có khi ghi.",
                    f"Audit entry {seq}: {n} change-log row(s) in {span} were added after it was written.")
        more_vi, more_en = (f" (cùng {n - 1} dòng khác)", f" (and {n - 1} more)") if n > 1 else ("", "")
        vi = f"Dòng nhật ký thay đổi số {self.change_seq} không thuộc mục nhật ký nào: được thêm ngoài chương trình"
        en = f"Change-log row {self.change_seq} is covered by no audit entry: added outside the program"
        return f"{vi}{more_vi}.", f"{en}{more_en}."

    def as_json(self, lang: str = "vi") -> dict[str, object]:
        return {"what": self.what, "seq": self.seq, "change_seq": self.change_seq, "count": self.count,
                "message": self.message(lang)}


@dataclass(frozen=True)
class Verdict:
    entries: int
    changes: int
    head_seq: int
    head_hash: str
    broken: Break | None = None

    @property
    def ok(self) -> bool:
        return self.broken is None

    def message(self, lang: str = "vi") -> str:
        if self.broken is not None:
            return self.broken.message(lang)
        if lang == "en":
            return (f"The audit trail is intact: {self.entries} entries, {self.changes} change-log rows; the last "
                    f"entry is {self.head_seq}, hash {self.head_hash[:16]}.")
        return (f"Nhật ký thao tác toàn vẹn: {self.entries} mục, {self.changes} dòng nhật ký thay đổi; mục cuối số "
                f"{self.head_seq}, mã băm {self.head_hash[:16]}.")

    def as_json(self, lang: str = "vi") -> dict[str, object]:
        return {"ok": self.ok, "entries": self.entries, "changes": self.changes, "head_seq": self.head_seq,
                "head_hash": self.head_hash, "break": self.broken.as_json(lang) if self.broken else None,
                "message": self.message(lang)}


_ENTRY_SQL = f"SELECT {', '.join(chain.COLUMNS)} FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT {_BATCH}"


def _entries(conn: Connection) -> Iterator[dict[str, Any]]:
    sql, after = dialect.qmark(conn, _ENTRY_SQL), 0
    while True:
        rows = conn.exec_driver_sql(sql, (after,)).fetchall()
        for row in rows:
            yield dict(zip(chain.COLUMNS, row, strict=True))
        if len(rows) < _BATCH:
            return
        after = rows[-1][0]


def _link_break(entry: dict[str, Any], prev: dict[str, Any] | None, before_prev: str | None,
                is_last: bool) -> Break | None:
    expected = prev["hash"] if prev else chain.ZERO
    if entry["prev_hash"] == expected:
        return None
    if prev is not None and before_prev is not None and entry["prev_hash"] == before_prev:
        return Break("inserted", prev["seq"])  # the chain goes round the one before
    if is_last:
        return Break("inserted", entry["seq"])  # an entry put after the last one
    return Break("removed", entry["seq"], count=0)


def _coverage_break(conn: Connection, entry: dict[str, Any], spans: list[list[int]]) -> tuple[Break | None, int]:
    digest = chain.ChangeDigest()
    for rows in chain.read_spans(conn, spans):
        digest.add(rows)
    first, last, want = entry["first_change"], entry["last_change"], entry["change_count"]
    if digest.count < want:
        return Break("change_missing", entry["seq"], first, want - digest.count, last), digest.count
    if digest.count > want:
        return Break("change_inserted", entry["seq"], first, digest.count - want, last), digest.count
    if digest.hexdigest() != entry["changes_sha256"]:
        return Break("change_altered", entry["seq"], first, 1, last), digest.count
    return None, digest.count


def _uncovered(conn: Connection, spans: list[list[int]]) -> Break | None:
    spans.sort()
    first, count, i, after = None, 0, 0, 0
    sql = dialect.qmark(conn, f"SELECT seq FROM change_log WHERE seq > ? ORDER BY seq LIMIT {_BATCH * 10}")
    while True:
        seqs = conn.exec_driver_sql(sql, (after,)).scalars().all()
        for n in seqs:
            while i < len(spans) and spans[i][1] < n:
                i += 1
            if not (i < len(spans) and spans[i][0] <= n):
                first = n if first is None else first
                count += 1
        if len(seqs) < _BATCH * 10:
            break
        after = seqs[-1]
    return Break("change_uncovered", None, first, count) if first is not None else None


def verify(db: Database, anchors: Sequence[tuple[int, str]] = (), progress: ProgressReporter | None = None,
           cancel: CancelToken | None = None) -> Verdict:
    """Walk the whole chain in one snapshot; the first break found, or none. anchors: (seq, hash) pairs
    noted before (from an earlier verify): each must still be there with that hash."""
    report, cancel = progress or NullProgress(), cancel or CancelToken()
    with db.reader() as s:
        conn = s.connection()
        total = conn.exec_driver_sql("SELECT COUNT(*) FROM audit_entry").scalar() or 0
        report.start(total, "audit")
        verdict = _walk(conn, dict(anchors), report, cancel)
    report.finish()
    return verdict


def _walk(conn: Connection, anchors: dict[int, str], report: ProgressReporter, cancel: CancelToken) -> Verdict:
    prev: dict[str, Any] | None = None
    before_prev: str | None = None
    count = covered = 0
    spans_seen: list[list[int]] = []
    entries = _entries(conn)
    entry = next(entries, None)

    def verdict(broken: Break | None) -> Verdict:
        return Verdict(count, covered, prev["seq"] if prev else 0, prev["hash"] if prev else chain.ZERO, broken)

    while entry is not None:
        following = next(entries, None)
        expected = prev["seq"] + 1 if prev else 1
        if entry["seq"] != expected:
            return verdict(Break("removed", expected, count=entry["seq"] - expected))
        if chain.entry_hash(entry["prev_hash"], entry) != entry["hash"]:
            return verdict(Break("altered", entry["seq"]))
        broken = _link_break(entry, prev, before_prev, following is None)
        if broken is not None:
            return verdict(broken)
        if anchors.get(entry["seq"], entry["hash"]) != entry["hash"]:
            return verdict(Break("altered", entry["seq"]))
        spans = chain.entry_spans(entry["first_change"], entry["last_change"], entry["change_spans"])
        if spans or entry["change_count"]:
            broken, found = _coverage_break(conn, entry, spans)
            if broken is not None:
                return verdict(broken)
            covered += found
            spans_seen += spans
        before_prev = prev["hash"] if prev else chain.ZERO
        prev, entry, count = entry, following, count + 1
        if count % 500 == 0:
            report.advance(500)
            cancel.raise_if_cancelled()
    head = prev["seq"] if prev else 0
    if any(seq > head for seq in anchors):  # the chain was cut: entries seen earlier are gone
        return verdict(Break("removed", head + 1, count=max(anchors) - head))
    rows = conn.exec_driver_sql("SELECT COUNT(*) FROM change_log").scalar() or 0
    if rows != covered:
        return verdict(_uncovered(conn, spans_seen))
    return verdict(None)


def parse_anchor(text: str) -> tuple[int, str]:
    """"SEQ:HASH" (as verify prints them) -> (seq, hash)."""
    seq, _, digest = text.partition(":")
    if not seq.isdigit() or len(digest.strip()) != 64:
        raise KnownError(f"Mốc “{text}” không đúng dạng SỐ:MÃ_BĂM (64 ký tự hex).",
                         f"Anchor “{text}” is not in the form SEQ:HASH (64 hex digits).")
    return int(seq), digest.strip().lower()


# --- listing ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Filter:
    who: str = ""  # an actor's name or account id
    kind: str = ""
    since: dt.date | None = None  # local days, inclusive
    until: dt.date | None = None


@dataclass(frozen=True)
class Entry:
    id: str  # str(seq): the lazy table model's row id
    seq: int
    at_utc: str
    actor: str
    actor_id: str
    node: str
    kind: str
    detail: dict[str, Any] = field(default_factory=dict)
    change_count: int = 0
    first_change: int | None = None
    last_change: int | None = None
    hash: str = ""

    def local_time(self) -> str:
        return dt.datetime.fromisoformat(self.at_utc).astimezone().strftime("%d/%m/%Y %H:%M:%S")

    def kind_label(self, lang: str = "vi") -> str:
        return KINDS.get(self.kind, (self.kind, self.kind))[lang == "en"]

    def summary(self, lang: str = "vi") -> str:
        return describe(self, lang)

    def as_json(self, lang: str = "vi") -> dict[str, object]:
        return {"seq": self.seq, "at_utc": self.at_utc, "actor": self.actor, "actor_id": self.actor_id,
                "node": self.node, "kind": self.kind, "summary": self.summary(lang), "detail": self.detail,
                "change_count": self.change_count, "first_change": self.first_change,
                "last_change": self.last_change, "hash": self.hash}


def _bound(day: dt.date, end: bool) -> str:
    """A local day's start (or the next day's start) as the UTC text at_utc is compared with."""
    moment = dt.datetime.combine(day + dt.timedelta(days=1) if end else day, dt.time()).astimezone()
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _where(conn: Connection, flt: Filter) -> tuple[str, list[Any]]:
    parts, params = [], []
    if flt.who:
        parts.append("(actor = ? OR actor_id = ?)")
        params += [flt.who, flt.who]
    if flt.kind:
        parts.append("kind = ?")
        params.append(flt.kind)
    if flt.since:
        parts.append("at_utc >= ?")
        params.append(_bound(flt.since, False))
    if flt.until:
        parts.append("at_utc < ?")
        params.append(_bound(flt.until, True))
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def ids(db: Database, flt: Filter = Filter()) -> list[str]:  # noqa: B008 - frozen
    """The entries' ids (seq as text), newest first: the lazy table model's list."""
    with db.connection() as conn:
        where, params = _where(conn, flt)
        return [str(n) for n in conn.exec_driver_sql(
            dialect.qmark(conn, f"SELECT seq FROM audit_entry{where} ORDER BY seq DESC"), tuple(params)).scalars()]


def _entry(row: Sequence[Any]) -> Entry:
    values = dict(zip(chain.COLUMNS, row, strict=True))
    return Entry(str(values["seq"]), values["seq"], values["at_utc"], values["actor"], values["actor_id"],
                 values["node"], values["kind"], json.loads(values["detail_json"] or "{}"), values["change_count"],
                 values["first_change"], values["last_change"], values["hash"])


def rows(db: Database, entry_ids: Sequence[str]) -> list[Entry]:
    """The entries of these ids (a page of the viewer)."""
    numbers = [int(i) for i in entry_ids]
    if not numbers:
        return []
    with db.connection() as conn:
        listed = dialect.listed_sql(conn)
        sql = (f"SELECT {', '.join('a.' + c for c in chain.COLUMNS)} FROM {listed} AS listed "
               f"JOIN audit_entry a ON a.seq = CAST(listed.value AS INTEGER) ORDER BY a.seq DESC")
        return [_entry(r) for r in conn.exec_driver_sql(sql, (json.dumps(numbers),))]


def list_entries(db: Database, flt: Filter = Filter(), limit: int = 100, offset: int = 0) -> list[Entry]:  # noqa: B008
    """Entries matching the filter, newest first, one page (the command line's `audit list`)."""
    with db.connection() as conn:
        where, params = _where(conn, flt)
        sql = dialect.qmark(conn, f"SELECT {', '.join(chain.COLUMNS)} FROM audit_entry{where} ORDER BY seq DESC "
                                  f"LIMIT {int(limit)} OFFSET {int(offset)}")
        return [_entry(r) for r in conn.exec_driver_sql(sql, tuple(params))]


def actors(db: Database) -> list[str]:
    """Everyone who appears in the trail, for the viewer's filter."""
    with db.connection() as conn:
        return list(conn.exec_driver_sql("SELECT DISTINCT actor FROM audit_entry WHERE actor <> '' ORDER BY actor")
                    .scalars())


@dataclass(frozen=True)
class ChangeRow:
    """One change-log row an entry covers, as the viewer shows it: a citizen's data masked."""

    seq: int
    table: str
    record_id: str
    op: str
    actor: str
    at_utc: str
    received: bool
    fields: dict[str, tuple[Any, Any]]  # name -> (before, after)


def changes_of(db: Database, seq: int, limit: int = 500) -> list[ChangeRow]:
    """The change-log rows entry seq covers (the first `limit`), each with what it changed."""
    from ..sync.personal import personal_columns  # noqa: PLC0415

    personal = set(personal_columns())
    out: list[ChangeRow] = []
    with db.connection() as conn:
        found = conn.exec_driver_sql(dialect.qmark(conn, "SELECT first_change, last_change, change_spans FROM "
                                                         "audit_entry WHERE seq = ?"), (seq,)).first()
        if found is None:
            return []
        for batch in chain.read_spans(conn, chain.entry_spans(*found), batch=limit, select=chain.fields_sql()):
            images = personal_seal.open_many(conn, [(r[3], r[4], t) for r in batch for t in (r[9], r[10])])
            for r, before_text, after_text in zip(batch, images[::2], images[1::2], strict=True):
                # opened to tell an empty value from one (sealed personal values are shown masked either way)
                before, after = json.loads(before_text) if before_text else {}, json.loads(after_text or "{}")
                keys = [k for k in after if k not in ("id", "row_version", "created_hlc", "updated_hlc", "updated_by")]
                fields = {k: _shown(r[3], k, before.get(k), personal) + _shown(r[3], k, after[k], personal)
                          for k in keys}
                out.append(ChangeRow(r[0], r[3], r[4], r[5], r[7], r[8], bool(r[14]), fields))
                if len(out) >= limit:
                    return out
    return out


def _shown(table: str, column: str, value: Any, personal: set[tuple[str, str]]) -> tuple[Any]:
    """A value as the viewer shows it: a citizen's data masked (an empty one stays empty)."""
    return (MASK if (table, column) in personal and value not in (None, "") else value,)


def table_label(table: str, lang: str = "vi") -> str:
    return TABLES.get(table, (table, table))[lang == "en"]


def _tables_text(tables: dict[str, dict[str, int]], lang: str) -> str:
    en = lang == "en"
    parts = []
    for table, ops in tables.items():
        counts = ", ".join(f"{OPS.get(op, (op, op))[en]} {n}" for op, n in ops.items())
        parts.append(f"{table_label(table, lang)} ({counts})")
    return "; ".join(parts)


def describe(entry: Entry, lang: str = "vi") -> str:
    """One line of what the entry records (no citizen's data: there is none in a detail)."""
    en, d = lang == "en", entry.detail
    if entry.kind in ("change", "genesis"):
        text = _tables_text(d.get("tables", {}), lang)
        if entry.kind == "genesis":
            head = (f"Audit trail started (schema {d.get('revision', '')}): covers the {entry.change_count} changes "
                    "already logged" if en else f"Bắt đầu nhật ký thao tác (CSDL {d.get('revision', '')}): bảo đảm "
                    f"{entry.change_count} thay đổi đã có")
            return head
        received = d.get("received", 0)
        tail = ((f" — {received} received from other PCs" if en else f" — {received} nhận từ máy khác")
                if received else "")
        return (f"{entry.change_count} changes: " if en else f"{entry.change_count} thay đổi: ") + text + tail
    return _event_text(entry.kind, d, en)


def _event_text(kind: str, d: dict[str, Any], en: bool) -> str:  # noqa: PLR0911 - one line per kind
    what = d.get("what", "")
    if kind == "import" and what == "receipt":
        return (f"Receipt read: bundle {d.get('bundle_id', '')[:8]} acknowledged by {d.get('peer', '')}" if en else
                f"Đã đọc biên nhận: gói {d.get('bundle_id', '')[:8]} được {d.get('peer', '')} xác nhận")
    if kind == "import" and what == "released-early":
        gone = ", ".join(f"{n[:8]} #{r[0]}–{r[1]}" for n, r in (d.get("waived") or {}).items())
        return (f"Held bundle {d.get('bundle_id', '')[:8]} released early, going on without {gone}: "
                f"{d.get('reason', '')}" if en else f"Áp dụng sớm gói {d.get('bundle_id', '')[:8]} đang giữ, bỏ qua "
                f"{gone}: {d.get('reason', '')}")
    if kind == "import":
        source = f"{d.get('unit', '')}/{d.get('device', '')}".strip("/")
        if d.get("status") == "rejected":
            reason = d.get("reason_en" if en else "reason_vi", "")
            return (f"Bundle {d.get('file', '')} refused: {reason}" if en else
                    f"Từ chối gói {d.get('file', '')}: {reason}")
        counts = (f"{d.get('imported', 0)} new, {d.get('updated', 0)} updated, {d.get('conflicts', 0)} conflicts"
                  if en else f"{d.get('imported', 0)} mới, {d.get('updated', 0)} cập nhật, "
                  f"{d.get('conflicts', 0)} mâu thuẫn")
        return (f"Bundle from {source}: {d.get('status', '')} ({counts})" if en else
                f"Gói dữ liệu của {source}: {d.get('status', '')} ({counts})")
    if kind == "export" and what == "bundle":
        return (f"Bundle for {d.get('peer', '')}: {d.get('changes', 0)} changes" if en else
                f"Gói dữ liệu gửi {d.get('peer', '')}: {d.get('changes', 0)} thay đổi")
    if kind == "export" and what == "bundle-withdrawn":
        return (f"Bundle {d.get('bundle_id', '')[:8]} for {d.get('peer', '')} not written whole: withdrawn" if en
                else f"Gói {d.get('bundle_id', '')[:8]} gửi {d.get('peer', '')} không ghi trọn: đã hủy")
    if kind in ("export", "sign"):
        files = ", ".join(d.get("files", []))
        number = f" {d.get('number')}" if d.get("number") else ""
        if kind == "sign":
            return (f"Report {d.get('report', '')}{number} signed ({', '.join(d.get('roles', []))}): {files}" if en
                    else f"Ký số báo cáo {d.get('report', '')}{number} ({', '.join(d.get('roles', []))}): {files}")
        return (f"Report {d.get('report', '')}{number} exported: {files}" if en else
                f"Xuất báo cáo {d.get('report', '')}{number}: {files}")
    if kind == "backup":
        late = (" (entered at the next opening)" if en else " (ghi vào nhật ký khi mở lại)") if d.get("entered") else ""
        return (f"Backup ({d.get('reason', '')}): {d.get('file', '')}{late}" if en else
                f"Sao lưu ({d.get('reason', '')}): {d.get('file', '')}{late}")
    if kind == "restore":
        return (f"Restored from the backup {d.get('backup', '')} of {d.get('created_at', '')[:16]}" if en else
                f"Khôi phục từ bản sao lưu {d.get('backup', '')} lúc {d.get('created_at', '')[:16]}")
    if kind == "key":
        return _key_text(d, en)
    if kind in ("login", "account"):
        return _account_text(kind, d, en)
    if kind == "personal":
        return _personal_text(d, en)
    return json.dumps(d, ensure_ascii=False)[:200]


def _key_text(d: dict[str, Any], en: bool) -> str:
    what, device, unit = d.get("what", ""), d.get("device", ""), d.get("unit", "")
    texts = {"peer-added": (f"PC {device} of the commune added", f"Thêm máy {device} của xã"),
             "certificate-issued": (f"Certificate issued to PC {device} ({unit})",
                                    f"Cấp chứng thư cho máy {device} ({unit})"),
             "certificate-changed": (f"Certificate of PC {device} ({unit}) changed"
                                     + (f", revoked {d['revoked_at'][:10]}" if d.get("revoked_at") else ""),
                                     f"Chứng thư của máy {device} ({unit}) thay đổi"
                                     + (f", thu hồi ngày {d['revoked_at'][:10]}" if d.get("revoked_at") else ""))}
    if what in texts:
        return texts[what][0 if en else 1]
    fingerprint = d.get("fingerprint", "")[:16]
    vi, english = KEY_EVENTS.get(what, (f"Khóa, chứng thư: {what}", f"Key or certificate: {what}"))
    return f"{english} {fingerprint}" if en else f"{vi} {fingerprint}"


ACCOUNT_EVENTS = {  # services.accounts' what, per kind
    ("login", "ok"): ("Đăng nhập", "Logged in"), ("login", "failed"): ("Đăng nhập sai", "Failed login"),
    ("login", "locked"): ("Tạm khóa sau nhiều lần sai mật khẩu", "Locked after repeated wrong passwords"),
    ("login", "refused"): ("Từ chối đăng nhập", "Login refused"), ("login", "logout"): ("Đăng xuất", "Logged out"),
    ("account", "first-admin"): ("Tạo quản trị viên đầu tiên", "First administrator created"),
    ("account", "added"): ("Thêm tài khoản", "Account added"),
    ("account", "password-reset"): ("Đặt lại mật khẩu", "Password reset"),
    ("account", "password-changed"): ("Đổi mật khẩu", "Password changed"),
    ("account", "unlocked"): ("Mở khóa tài khoản", "Account unlocked"),
    ("account", "disabled"): ("Khóa tài khoản", "Account disabled"),
    ("account", "enabled"): ("Mở lại tài khoản", "Account enabled"),
    ("account", "role-changed"): ("Đổi vai trò", "Role changed"),
    ("account", "registry-taken"): ("Nhận vai trò giữ sổ của xã cho máy này", "Commune registers taken by this PC"),
    ("account", "registry-given-up"): ("Thôi giữ sổ của xã trên máy này", "Commune registers given up by this PC"),
}


def _account_text(kind: str, d: dict[str, Any], en: bool) -> str:
    what = d.get("what", "")
    vi, english = ACCOUNT_EVENTS.get((kind, what), (what, what))
    tail = f" ({d['role']})" if d.get("role") else f" ({d['reason']})" if d.get("reason") else ""
    return f"{english if en else vi}: {d.get('username', '')}{tail}"


def _personal_text(d: dict[str, Any], en: bool) -> str:

    record = f"{table_label(d.get('table', ''), 'en' if en else 'vi')} {str(d.get('record_id', ''))[:8]}"
    reason = REASONS.get(d.get("reason", ""), (d.get("reason", ""),) * 2)[en]
    columns = ", ".join(d.get("columns", []))
    if d.get("what") == "erased-again":  # services.personal_data.reapply, after a restore
        return (f"Personal data erased again after a restore: {record} ({columns}) — {reason}" if en else
                f"Xóa lại dữ liệu cá nhân sau khi khôi phục: {record} ({columns}) — {reason}")
    return (f"Personal data erased: {record} ({columns}) — {reason}" if en else
            f"Xóa dữ liệu cá nhân: {record} ({columns}) — {reason}")


KEY_EVENTS = {  # record_key's what
    "created": ("Tạo khóa ký số của xã", "Signing key created"),
    "replaced": ("Thay khóa ký số của xã", "Signing key replaced"),
    "imported": ("Dùng tệp .p12 làm khóa ký số", "A .p12 installed as the signing key"),
    "enrolled": ("Cài gói đăng ký của tỉnh", "The province's enrolment package installed"),
    "trusted": ("Tin cậy chứng thư", "Certificate trusted"),
    "trusted-offered": ("Tin cậy chứng thư gốc tỉnh đề nghị", "Anchor offered by the province trusted"),
    "untrusted": ("Bỏ tin cậy chứng thư", "Certificate no longer trusted"),
    "offered-to-communes": ("Thêm chứng thư gốc đề nghị cho các xã", "Anchor added to those offered to communes"),
    "no-longer-offered": ("Bỏ chứng thư gốc đề nghị cho các xã", "Anchor no longer offered to communes"),
}
