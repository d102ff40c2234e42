"""What the Đồng bộ page and the home screen read about sync, beyond sync.status(): the enrolment
state, the conflict queue with a readable name for each record (a commune's and the province's), the
province's last bundle per commune, reminders when changes have waited too long or a reporting
deadline of the province is near, and what a USB stick holds for this PC.

Read-only, except read_usb, which only calls sync.import_receipt, downstream.apply_downstream and
sync.import_files."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from .. import paths
from ..domain.errors import KnownError
from ..domain.identity import mask
from ..domain.jobs import CancelToken, ProgressReporter
from ..domain.periods import ReportingPeriod, period_for
from ..storage.changelog import tracked_models
from ..storage.db import Database
from ..storage.models import ChangeLog, Milestone, MilestoneState, Task, TaskState
from ..storage.sync_state import BundleIn, BundleOut, IncomingDocument
from ..sync import bundle
from ..sync.personal import personal_columns
from . import conflicts, enrolment, hub_sync, keys, province, reference, registry, setup, sync
from . import incoming as incoming_docs
from .conflicts import WaitingBundle

# What was not done when the key's passphrase is wrong: the end of exports.signing.WrongPassphrase's
# message (whose own says no report was signed), for the CLI and the Đồng bộ page alike.
NOT_EXPORTED = ("Chưa xuất gói nào.", "No bundle was exported.")
NOT_SENT = ("Chưa gửi gì.", "Nothing was sent.")
NOT_RECEIVED = ("Chưa nhận gì từ tỉnh.", "Nothing was received from the province.")
NOT_SYNCED = ("Chưa gửi, chưa nhận gì.", "Nothing was sent or received.")
NOT_AUTOSYNCING = ("Chưa bật đồng bộ tự động.", "Automatic sync was not turned on.")

# Not law but habit: a commune that goes to the province about twice a month is reminded after two
# weeks of changes not written to a stick, and after a month without the province's receipt.
REMIND_UNSENT_DAYS = 14
REMIND_UNACKED_DAYS = 30
# A reporting period's due date (reporting_periods.json) is reminded of from this many days before it
# to this many after it, while the province lacks the commune's changes.
REMIND_DEADLINE_DAYS = 10
REMIND_DEADLINE_LATE_DAYS = 7
_VN = dt.timezone(dt.timedelta(hours=7))  # due dates are days of the province's calendar

_AGE_MAGIC = b"age-encryption.org/"
_RECEIPT_SUFFIX = ".receipt" + bundle.SUFFIX
# The column that names a record for a person, per table (first one present is used).
_LABEL_COLUMNS = ("register_no", "number_ref", "title", "name", "head_name", "task", "text", "content", "summary",
                  "caption", "doc_ref", "place", "label", "result", "note", "code")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _parse(iso: str | None) -> dt.datetime | None:
    if not iso:
        return None
    value = dt.datetime.fromisoformat(iso)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def enrolment_state() -> str:
    """"enrolled", "requested" (a request made, the province's package not installed yet) or "none"."""
    if enrolment.enrolled() is not None:
        return "enrolled"
    return "requested" if (paths.keys_dir() / enrolment.PENDING).is_file() else "none"


# --- conflicts --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ConflictRow:
    id: str
    table_name: str
    record_id: str
    record_label: str  # what the record is called ("1/2026", a task's text…), masked where personal
    field: str
    local: object
    remote: object
    shown: str  # "local" | "remote"
    created_at: str
    unit_code: str = ""  # the commune that owns the record (the province's queue holds every commune's)
    remote_device: str = ""  # the PC whose edit arrived second


def conflict_rows(db: Database) -> list[ConflictRow]:
    found = conflicts.open_conflicts(db)
    personal = personal_columns()
    models = tracked_models()
    labels: dict[tuple[str, str], str] = {}
    units: dict[tuple[str, str], str] = {}
    with db.reader() as s:
        for c in found:
            key = (c.table_name, c.record_id)
            if key in labels:
                continue
            model = models.get(c.table_name)
            record = s.get(model, c.record_id) if model is not None else None
            table = c.table_name
            units[key] = str(getattr(record, "unit_code", "") or "")
            if isinstance(record, TaskState | MilestoneState):  # a commune's state: called by what it is of
                record, table = ((s.get(Task, record.task_id), "task") if isinstance(record, TaskState)
                                 else (s.get(Milestone, record.milestone_id), "milestone"))
            labels[key] = _label(table, record, personal) if record is not None else ""

    def shown(table: str, column: str, value: object) -> object:
        col = personal.get((table, column))
        return mask(str(value)) if col is not None and col.shown == "masked" and value else value

    return [ConflictRow(c.id, c.table_name, c.record_id, labels[(c.table_name, c.record_id)], c.field,
                        shown(c.table_name, c.field, c.local), shown(c.table_name, c.field, c.remote), c.shown,
                        c.created_at, units[(c.table_name, c.record_id)], c.origin.rpartition(":")[0])
            for c in found]


def _label(table: str, record: object, personal: dict) -> str:
    for column in _LABEL_COLUMNS:
        value = getattr(record, column, None)
        if value in (None, ""):
            continue
        col = personal.get((table, column))
        text = mask(str(value)) if col is not None and col.shown == "masked" else str(value)
        number = getattr(record, "number", None) if table == "task" else None
        text = " ".join(text.split())
        if number:
            text = f"{number}. {text}"
        return text if len(text) <= 80 else text[:79] + "…"
    return ""


# --- reminders --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reminder:
    kind: str  # "unsent": changes not written to any bundle | "unacked": written, no receipt yet |
    # "deadline": a reporting period's due date is near or just passed and the province lacks changes
    since: dt.datetime  # the oldest such change (unsent), the bundle written (unacked), the period's end, UTC
    days: int  # days waited; for a deadline the days left to the due date (negative: days past it)
    changes: int  # unsent: how many changes; unacked: how many written are still unacknowledged; deadline:
    # every change the province has not acknowledged (the status bar's number, sync.pending)
    period: ReportingPeriod | None = None  # deadline: the period, with its due date
    online: bool = False  # deadline: a hub address is known, so the changes may go over the network too


def reminders(db: Database, now: dt.datetime | None = None) -> list[Reminder]:
    """What the home screen reminds a commune of; nothing on the province or before enrolment."""
    if province.is_province(db) or enrolment.enrolled() is None:
        return []
    now = now or _now()
    acked = sync.acked(db)
    hub = hub_sync.last_sync(db)
    hub_push = _parse(hub.get("last_push_at"))
    out: list[Reminder] = []
    with db.reader() as s:
        sent = s.scalars(select(BundleOut).where(BundleOut.peer == sync.PROVINCE)
                         .order_by(BundleOut.created_at)).all()
        written: dict[str, int] = {}
        for b in sent:
            for node, (_first, last) in json.loads(b.ranges_json).items():
                written[node] = max(written.get(node, 0), int(last))
        nodes = list(s.scalars(select(ChangeLog.origin_node).distinct().where(ChangeLog.origin_node != sync.PROVINCE)))
        floors = {node: max(acked.get(node, 0), written.get(node, 0)) for node in nodes}
        unsent, oldest = _unsent(s, floors)
        unacked = sum(max(0, min(written.get(node, 0), _max_seq(s, node)) - acked.get(node, 0)) for node in nodes)
        # A push over the network writes a bundle too, or sends one written before again: both count.
        last_sent = max(filter(None, [_parse(sent[-1].created_at) if sent else None, hub_push]), default=None)
        unacked_floors = {node: acked.get(node, 0) for node in nodes}
        due = _deadlines(now, last_sent, lambda cutoff: (_unsent(s, floors, cutoff)[0],
                                                         _unsent(s, unacked_floors, cutoff)[0]))
    if due:  # the number the status bar shows, not only the changes that made the reminder come
        lacking = len(sync.pending(db))
        due = [replace(r, changes=lacking, online=bool(hub.get("url"))) for r in due]
    since = _parse(oldest)
    if since is not None and (now - since).days >= REMIND_UNSENT_DAYS:
        out.append(Reminder("unsent", since, (now - since).days, unsent))
    # The first bundle that carries a change the province has not acknowledged yet.
    for b in sent:
        ranges = json.loads(b.ranges_json)
        if any(int(last) > acked.get(node, 0) for node, (_f, last) in ranges.items()):
            written_at = _parse(b.created_at)
            if written_at is not None and (now - written_at).days >= REMIND_UNACKED_DAYS:
                out.append(Reminder("unacked", written_at, (now - written_at).days, unacked))
            break
    return out + due


def _unsent(s, floors: dict[str, int], before: dt.datetime | None = None) -> tuple[int, str | None]:  # noqa: ANN001
    """How many changes are written to no bundle for the province (made before `before`, when given),
    and when the oldest was made."""
    count, oldest = 0, None
    for node, floor in floors.items():
        query = select(func.min(ChangeLog.at_utc), func.count()).where(ChangeLog.origin_node == node,
                                                                     ChangeLog.origin_seq > floor)
        if before is not None:  # at_utc is ISO UTC to the second: compared as text
            query = query.where(ChangeLog.at_utc < before.astimezone(dt.UTC).isoformat(timespec="seconds"))
        first, n = s.execute(query).one()
        count += n
        if first and (oldest is None or first < oldest):
            oldest = first
    return count, oldest


def _deadlines(now: dt.datetime, last_sent: dt.datetime | None,
               lacking: Callable[[dt.datetime], tuple[int, int]]) -> list[Reminder]:
    """Each period whose due date is REMIND_DEADLINE_DAYS ahead or up to REMIND_DEADLINE_LATE_DAYS past,
    while changes made by the due date are written to no bundle, or nothing was sent since the period
    ended and the province has not acknowledged all of them (the bundle written before may never have
    reached it). lacking(cutoff): (not written, not acknowledged) of the changes made before cutoff;
    a reminder's changes are the first, else the second (reminders() then says how many are lacking in all)."""
    today = now.astimezone(_VN).date()
    out = []
    for year in (today.year - 1, today.year, today.year + 1):
        for rule in reference.period_rules():
            period = period_for(rule, year)
            if period.due is None or not -REMIND_DEADLINE_LATE_DAYS <= (period.due - today).days <= REMIND_DEADLINE_DAYS:
                continue
            ended = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time(), _VN)
            waiting, unacked = lacking(dt.datetime.combine(period.due + dt.timedelta(days=1), dt.time(), _VN))
            if waiting or (unacked and (last_sent is None or last_sent < ended)):
                out.append(Reminder("deadline", ended.astimezone(dt.UTC), (period.due - today).days,
                                    waiting or unacked, period))
    return sorted(out, key=lambda r: r.days)


def _max_seq(s, node: str) -> int:  # noqa: ANN001
    return int(s.scalar(select(func.max(ChangeLog.origin_seq)).where(ChangeLog.origin_node == node)) or 0)


# --- the commune's board ----------------------------------------------------------------------------

@dataclass(frozen=True)
class CommuneBoard:
    unit_code: str
    unit_name: str
    device: str
    enrolment: str  # enrolled | requested | none
    root_fingerprint: str  # the province root installed, when enrolled
    root_subject: dict[str, str]
    keeps_registers: bool
    pending: int
    pending_by_table: list[tuple[str, int]]  # most changes first
    last_bundle: dict | None  # {"bundle_id", "created_at", "changes"}
    last_acknowledged: dict | None  # {"bundle_id", "at"}
    peers: list[tuple[str, int]]  # (device, changes waiting for it)
    conflicts: list[ConflictRow]
    waiting: list[WaitingBundle]
    reminders: list[Reminder]
    hub: dict[str, str] = field(default_factory=dict)  # {"url", "last_push_at", "last_pull_at"}


def commune_board(db: Database, now: dt.datetime | None = None) -> CommuneBoard:
    profile = setup.get_profile(db)
    state = enrolment_state()
    fingerprint, subject = "", {}
    found = enrolment.enrolled()
    if found is not None:
        info = keys.inspect_certificate(found.root_pem)
        fingerprint, subject = info.fingerprint, info.subject
    status = sync.status(db) if state == "enrolled" else {}
    by_table = sorted((status.get("pending_by_table") or {}).items(), key=lambda kv: (-kv[1], kv[0]))
    return CommuneBoard(
        profile.unit_code if profile else "", profile.unit_name if profile else "", db.clock.node, state,
        fingerprint, subject, registry.is_registry(db), int(status.get("pending") or 0), by_table,
        status.get("last_bundle"), status.get("last_acknowledged"),
        sorted((status.get("peers") or {}).items()), conflict_rows(db), conflicts.waiting(db),
        reminders(db, now) if state == "enrolled" else [], hub_sync.last_sync(db))


@dataclass(frozen=True)
class StatusLine:
    """What the window's status bar says of sync, read often: cheaper than a whole board."""
    mode: str  # commune | province
    enrolment: str  # enrolled | requested | none (a commune)
    pending: int  # changes the province lacks (a commune); bundles held, forked or quarantined (the province)
    last_sent_at: str  # the last bundle written or pushed, ISO; "" when none
    last_acknowledged_at: str  # the province's last receipt, ISO; "" when none
    hub_url: str


def status_line(db: Database) -> StatusLine:
    if province.is_province(db):
        with db.reader() as s:
            waiting = s.scalar(select(func.count()).select_from(BundleIn)
                               .where(BundleIn.status.in_(("held", "fork", "quarantined")))) or 0
        return StatusLine("province", "", waiting, "", "", "")
    state = enrolment_state()
    hub = hub_sync.last_sync(db)
    if state != "enrolled":
        return StatusLine("commune", state, 0, "", "", hub.get("url", ""))
    with db.reader() as s:
        last = s.scalar(select(func.max(BundleOut.created_at)).where(BundleOut.peer == sync.PROVINCE)) or ""
        acked = s.scalar(select(func.max(BundleOut.acknowledged_at)).where(BundleOut.peer == sync.PROVINCE)) or ""
    sent = max(str(last), hub.get("last_push_at", ""))
    return StatusLine("commune", state, len(sync.pending(db)), sent, str(acked), hub.get("url", ""))


# --- the province's board ---------------------------------------------------------------------------

@dataclass(frozen=True)
class LastBundle:
    bundle_id: str
    device: str
    status: str  # applied | held | fork | quarantined
    received_at: str
    applied_at: str | None
    changes: int


def last_bundles(db: Database) -> dict[str, LastBundle]:
    """The last bundle the province received from each commune (by the time it was first read)."""
    with db.reader() as s:
        latest = (select(BundleIn.unit_code, func.max(BundleIn.received_at).label("at"))
                  .where(BundleIn.kind == "changes").group_by(BundleIn.unit_code).subquery())
        rows = s.scalars(select(BundleIn).join(latest, (BundleIn.unit_code == latest.c.unit_code)
                                               & (BundleIn.received_at == latest.c.at))
                         .order_by(BundleIn.bundle_id)).all()
        out: dict[str, LastBundle] = {}
        for r in rows:
            if r.unit_code not in out:
                out[r.unit_code] = LastBundle(r.bundle_id, r.device, r.status, r.received_at, r.applied_at,
                                              int(json.loads(r.manifest_json or "{}").get("changes", 0)))
        return out


@dataclass(frozen=True)
class CommuneRow:
    unit_code: str
    unit_name: str
    devices: int
    issued_at: str  # the latest certificate issued
    revoked_at: str | None  # set only when every certificate of the commune is revoked
    in_force: int
    last: LastBundle | None


@dataclass(frozen=True)
class ProvinceBoard:
    fingerprint: str
    subject: dict[str, str]
    bundles: dict[str, int]  # by status
    communes: list[CommuneRow]
    waiting: list[WaitingBundle]
    conflicts: list[ConflictRow] = field(default_factory=list)  # two PCs of a commune edited one field
    incoming: list[incoming_docs.IncomingInfo] = field(default_factory=list)  # the newest INCOMING_SHOWN
    incoming_total: int = 0
    incoming_flagged: int = 0  # of all, those that failed verification


INCOMING_SHOWN = 500


def province_board(db: Database) -> ProvinceBoard:
    found = province.info()
    last = last_bundles(db)
    grouped: dict[str, list[province.EnrolledInfo]] = {}
    for row in province.enrolled(db):
        grouped.setdefault(row.unit_code, []).append(row)
    communes = []
    for code, rows in sorted(grouped.items()):
        in_force = [r for r in rows if not r.revoked_at]
        revoked = None if in_force else max(r.revoked_at or "" for r in rows)
        communes.append(CommuneRow(code, rows[0].unit_name, len({r.device for r in rows}),
                                   max(r.issued_at for r in rows), revoked, len(in_force), last.get(code)))
    with db.reader() as s:
        counts = dict(s.execute(select(BundleIn.status, func.count()).where(BundleIn.kind == "changes")
                                .group_by(BundleIn.status)).all())
        total, flagged = s.execute(select(func.count(), func.count().filter(IncomingDocument.valid.is_(False)))
                                   .select_from(IncomingDocument)).one()
    return ProvinceBoard(found.fingerprint if found else "", found.subject if found else {},
                         {str(k): int(v) for k, v in counts.items()}, communes, conflicts.waiting(db),
                         conflict_rows(db), incoming_docs.incoming(db, limit=INCOMING_SHOWN), int(total), int(flagged))


def board(db: Database, now: dt.datetime | None = None) -> CommuneBoard | ProvinceBoard:
    return province_board(db) if province.is_province(db) else commune_board(db, now)


# --- what a USB stick holds for this PC -------------------------------------------------------------

@dataclass
class UsbFiles:
    receipts: list[Path] = field(default_factory=list)
    bundles: list[Path] = field(default_factory=list)  # encrypted bundles another PC wrote
    own: int = 0  # bundles this PC wrote itself (for the province or a sibling): left alone
    updates: list[Path] = field(default_factory=list)  # the province's updates (signed), oldest first


def _encrypted(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(_AGE_MAGIC)) == _AGE_MAGIC


def scan_usb(db: Database, inputs: list[Path]) -> UsbFiles:
    """Sort a folder's or a selection's .papi files: receipts (signed, not encrypted; in a folder only
    those named *.receipt.papi, as the receiver writes them), the province's updates (by their name; the
    first part of one in parts), bundles from another PC, this PC's own."""
    from . import downstream  # noqa: PLC0415 - downstream brings the plan and reference machinery

    with db.reader() as s:
        own_names = {name for files in s.scalars(select(BundleOut.files_json)) for name in json.loads(files)}
    found = UsbFiles()
    for item in map(Path, inputs):
        folder = item.is_dir()
        for path in sorted(item.glob(f"*{bundle.SUFFIX}")) if folder else [item]:
            if path.name.startswith(".") or not path.is_file():
                continue
            try:
                encrypted = _encrypted(path)
            except OSError:
                raise KnownError(f"Không đọc được tệp {path.name} trên USB: hãy cắm lại USB rồi thử lại.",
                                 f"Cannot read {path.name} on the stick: plug it in again and retry.") from None
            if encrypted:
                if path.name in own_names:
                    found.own += 1
                else:
                    found.bundles.append(path)
            elif downstream.is_published_name(path.name):
                part = re.search(r"\.p(\d+)of\d+\.papi$", path.name)
                if part is None or int(part.group(1)) == 1:  # read from its first part
                    found.updates.append(path)
            elif not folder or path.name.endswith(_RECEIPT_SUFFIX):
                found.receipts.append(path)
    found.updates.sort(key=lambda p: int(re.search(r"-v(\d+)", p.name).group(1)))  # type: ignore[union-attr]
    return found


@dataclass(frozen=True)
class ReceiptRow:
    file: str
    status: str  # the receipt's status (applied, held…), or "" when it could not be read
    bundle_id: str
    already: bool
    error: tuple[str, str] | None  # (vi, en)


@dataclass
class UsbResult:
    receipts: list[ReceiptRow] = field(default_factory=list)
    summaries: list[sync.Summary] = field(default_factory=list)
    updates: list[tuple[str, Any, tuple[str, str] | None]] = field(default_factory=list)  # file, summary, error


def read_usb(db: Database, files: UsbFiles, passphrase: str | None, progress: ProgressReporter | None = None,
             cancel: CancelToken | None = None) -> UsbResult:
    """Every receipt (each on its own: one bad file does not stop the others), the province's updates
    in version order (the passphrase installs a renewed certificate they carry), then the bundles."""
    from . import downstream  # noqa: PLC0415

    out = UsbResult()
    for path in files.receipts:
        if cancel is not None:
            cancel.raise_if_cancelled()
        try:
            got = sync.import_receipt(db, path)
            out.receipts.append(ReceiptRow(path.name, got.status, got.bundle_id, got.already, None))
        except KnownError as exc:
            out.receipts.append(ReceiptRow(path.name, "", "", False, (exc.vi, exc.en)))
    for path in files.updates:
        if cancel is not None:
            cancel.raise_if_cancelled()
        try:
            out.updates.append((path.name, downstream.apply_downstream(db, path, passphrase), None))
        except KnownError as exc:
            out.updates.append((path.name, None, (exc.vi, exc.en)))
    if files.bundles and passphrase is not None:
        out.summaries = sync.import_files(db, files.bundles, passphrase, progress=progress, cancel=cancel)
    return out
