"""Sync with the province hub over the network: the same bundles, receipts and updates as a USB stick.

push: what the province has not acknowledged goes as one bundle (the one written for an attempt the
network cut off is sent again, resumed, while nothing new was saved), and the signed receipt that
comes back marks exactly what the province holds. pull: receipts the PC missed, then every update
the province published after the one this PC holds, one version after another.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from .. import paths
from ..domain.errors import KnownError
from ..storage.db import Database
from ..storage.sync_state import BundleOut
from ..sync import bundle
from . import accounts, downstream, enrolment, keys, local_settings, province, sync

if TYPE_CHECKING:
    from ..sync.http_client import HubClient

URL_KEY, LAST_PUSH_KEY, LAST_PULL_KEY = enrolment.HUB_URL_KEY, "hub_last_push_at", "hub_last_pull_at"
MAX_UPDATE_BYTES = 256 * 1024 * 1024


def outbox_dir() -> Path:
    """Bundles written for the hub, kept until the province's receipt acknowledges them (encrypted)."""
    return paths.data_dir() / "sync" / "outbox"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


_set, _get = local_settings.write, local_settings.read


def hub_url(db: Database, given: str | None = None) -> str:
    """The address given, else the one the province gave (enrolment package, update) or used last."""
    url = (given or _get(db, URL_KEY)).strip()
    if not url:
        raise KnownError("Chưa có địa chỉ máy chủ tỉnh: tỉnh ghi nó trong gói đăng ký hoặc bản cập nhật, hoặc "
                         "ghi --url https://….", "No hub address yet: the province gives it in the enrolment "
                         "package or an update, or give --url https://….")
    return province.valid_hub_url(url)


def _remember(db: Database, address: str) -> None:
    """The address that worked, kept for next time unless the province gave one (its word wins); kept
    only for a role that changes settings (anyone may use an address given once)."""
    if not _get(db, URL_KEY) and accounts.may(db, "settings"):
        _set(db, URL_KEY, address)


def _client(url: str, passphrase: str, **kw: object) -> HubClient:
    from ..sync.http_client import HubClient  # noqa: PLC0415 - httpx is loaded when the network is used

    target = enrolment.require_enrolled()
    return HubClient(url, target.root_pem, keys.load(passphrase), **kw)  # type: ignore[arg-type]


@dataclass
class SyncResult:
    url: str
    sent: dict[str, object] | None = None  # the hub's summary of the bundle sent, if one was
    sent_bytes: int = 0
    receipts: int = 0
    updates: list[dict[str, object]] = field(default_factory=list)
    nothing_to_send: bool = False

    def as_json(self) -> dict[str, object]:
        return {"url": self.url, "sent": self.sent, "sent_bytes": self.sent_bytes, "receipts": self.receipts,
                "updates": self.updates, "nothing_to_send": self.nothing_to_send}


def _read_receipt(db: Database, data: bytes) -> bool:
    """Mark what a receipt acknowledges; False for one about a bundle this PC does not know (written
    on an older copy of the database, say): it is not an error of this sync."""
    folder = outbox_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ".incoming.receipt.papi"
    from ..exports import signing  # noqa: PLC0415

    signing.atomic_write(path, data)
    try:
        sync.import_receipt(db, path)
        return True
    except KnownError:
        return False
    finally:
        path.unlink(missing_ok=True)


def _unacknowledged(db: Database) -> list[BundleOut]:
    with db.reader() as s:
        return list(s.scalars(select(BundleOut).where(BundleOut.peer == sync.PROVINCE,
                                                      BundleOut.acknowledged_at.is_(None))
                              .order_by(BundleOut.created_at.desc())))


def _reusable(db: Database) -> tuple[str, list[Path]] | None:
    """The newest bundle written for the hub and not acknowledged, when it still carries everything
    pending: sent again, the hub resumes it from the bytes it already holds."""
    changes = sync.pending(db)
    wanted: dict[str, int] = {}
    for c in changes:
        wanted[c.origin_node] = max(wanted.get(c.origin_node, 0), c.origin_seq)
    for row in _unacknowledged(db):
        names = json.loads(row.files_json or "[]")
        files = [outbox_dir() / n for n in names]
        if not names or not all(f.is_file() for f in files):
            continue
        ranges = json.loads(row.ranges_json)
        if all(node in ranges and ranges[node][1] >= seq for node, seq in wanted.items()):
            return bundle.stem_of(files[0]), files
        return None  # the newest one lacks what was saved since: a new bundle carries it all
    return None


def _tidy_outbox(db: Database) -> None:
    """Acknowledged bundles leave the outbox; so do ones a newer bundle superseded."""
    keep: set[str] = set()
    for row in _unacknowledged(db)[:1]:
        keep.update(json.loads(row.files_json or "[]"))
    folder = outbox_dir()
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name.endswith(bundle.SUFFIX) and path.name not in keep and not path.name.startswith("."):
            with contextlib.suppress(OSError):
                path.unlink()


def push(db: Database, passphrase: str, url: str | None = None, client: HubClient | None = None) -> SyncResult:
    address = hub_url(db, url)
    own = client is None
    hub = client or _client(address, passphrase)
    try:
        result = SyncResult(address)
        result.receipts = _pull_receipts(db, hub)
        if not sync.pending(db):
            result.nothing_to_send = True
        else:
            again = _reusable(db)
            if again is None:
                written = sync.export_bundle(db, outbox_dir(), passphrase)
                assert written is not None
                again = (bundle.stem_of(written.files[0]), written.files)
            stem, files = again
            upload = hub.push(stem, files)
            result.sent_bytes = upload.sent_bytes
            outcome = upload.result
            result.sent = dict(outcome.get("summary") or {})
            receipt = outcome.get("receipt")
            if isinstance(receipt, str):
                if _read_receipt(db, base64.b64decode(receipt)):
                    result.receipts += 1
        _tidy_outbox(db)
        _remember(db, address)
        _set(db, LAST_PUSH_KEY, _now())
        return result
    finally:
        if own:
            hub.close()


def _pull_receipts(db: Database, hub: HubClient) -> int:
    waiting = {row.bundle_id for row in _unacknowledged(db)}
    if not waiting:
        return 0
    read = 0
    for item in hub.receipts():
        if item.get("bundle_id") in waiting and isinstance(item.get("receipt"), str):
            if _read_receipt(db, base64.b64decode(str(item["receipt"]))):
                read += 1
    return read


def pull(db: Database, passphrase: str, url: str | None = None, client: HubClient | None = None) -> SyncResult:
    """Receipts this PC has not read, then each update after the one it holds, in order."""
    address = hub_url(db, url)
    own = client is None
    hub = client or _client(address, passphrase)
    try:
        result = SyncResult(address, receipts=_pull_receipts(db, hub))
        folder = paths.data_dir() / "sync" / "incoming"
        while True:
            held = downstream.accepted_version(db)
            offer = hub.downstream(held)
            files = offer.get("files") or []
            if not offer.get("version") or not files:
                break
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            try:
                fetched = [hub.fetch(str(f["name"]), folder / Path(str(f["name"])).name, MAX_UPDATE_BYTES)
                           for f in files]
                applied = downstream.apply_downstream(db, fetched[0], passphrase)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            result.updates.append(applied.as_json())
            if downstream.accepted_version(db) <= held:
                break  # it did not move on (refused or unchanged): asking again would loop
        _remember(db, address)
        _set(db, LAST_PULL_KEY, _now())
        return result
    finally:
        if own:
            hub.close()


def sync_now(db: Database, passphrase: str, url: str | None = None) -> SyncResult:
    """Push, then pull, over one connection."""
    address = hub_url(db, url)
    with _client(address, passphrase) as hub:
        sent = push(db, passphrase, address, hub)
        got = pull(db, passphrase, address, hub)
    sent.receipts += got.receipts
    sent.updates = got.updates
    return sent


def reachable(url: str, timeout: float = 10.0) -> bool:
    """The hub answers its health check (TLS to the province root): a quiet probe, no database, no key."""
    from ..sync.http_client import HubClient  # noqa: PLC0415

    try:
        with HubClient(province.valid_hub_url(url), enrolment.require_enrolled().root_pem, None, timeout=timeout,
                       retries=0) as hub:
            return hub.health().get("status") == "ok"
    except KnownError:
        return False


def last_sync(db: Database) -> dict[str, str]:
    return {"url": _get(db, URL_KEY), "last_push_at": _get(db, LAST_PUSH_KEY), "last_pull_at": _get(db, LAST_PULL_KEY)}


__all__ = ["last_sync", "outbox_dir", "pull", "push", "sync_now"]
