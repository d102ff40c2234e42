"""Installations for the sync tests: a province and commune PCs, each in its own data folder.

Paths are resolved per call, so every operation runs inside `at(folder)` of its installation."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from papi_desktop import paths
from papi_desktop.exports.signing import KeyMaterial
from papi_desktop.services import enrolment, keys, progress, province, reception, setup, sync_import
from papi_desktop.services import sync as sync_service
from papi_desktop.storage.db import Database
from papi_desktop.storage.models import ChangeLog, Task
from papi_desktop.storage.sync_state import BundleIn, Enrolment
from papi_desktop.sync import envelope, pki
from papi_desktop.sync.state import state_hash

PASS = "ba-con-meo-tren-doi-2026"
COMMUNE_PASS = "suoi-trong-may-bay-7391"


@contextlib.contextmanager
def at(folder: Path) -> Iterator[None]:
    paths.set_override(folder)
    try:
        yield
    finally:
        paths.set_override(None)


class Province:
    def __init__(self, folder: Path, db_url: str | None = None) -> None:
        """db_url: a PostgreSQL database for the province (a hub on a server); else SQLite in folder."""
        self.dir, self.db_url = folder, db_url
        with at(folder):
            self.db = setup.open_database(db_url, user="so-noi-vu")
            province.init(self.db, PASS, envelope.new_identity()[1])

    def issue(self, request: bytes, out: Path) -> Path:
        with at(self.dir):
            return enrolment.issue(self.db, request, PASS, out)

    def import_(self, *files: Path, dry_run: bool = False) -> list[sync_service.Summary]:
        with at(self.dir):
            return sync_service.import_files(self.db, list(files), PASS, dry_run=dry_run)

    def hash(self) -> str:
        return _hash(self.db)

    @classmethod
    def reopen(cls, folder: Path, db_url: str | None = None) -> Province:
        """A province already initialised in folder (a copy made with `copy_to`): no keys are made again."""
        self = cls.__new__(cls)
        self.dir, self.db_url = folder, db_url
        with at(folder):
            self.db = setup.open_database(db_url, user="so-noi-vu")
        return self

    def copy_to(self, folder: Path) -> Province:
        """A copy of this province's whole data folder (cheaper than a new enrolment), opened."""
        self.db.engine.dispose()  # SQLite's WAL is folded into the file before the copy
        shutil.copytree(self.dir, folder)
        url = None
        if self.db_url:  # PostgreSQL copies a database whole from it as a template (nobody connected)
            import pg  # noqa: PLC0415
            from sqlalchemy.engine import make_url  # noqa: PLC0415

            source = make_url(self.db_url)
            url = pg.create_database(source.set(database="postgres").render_as_string(hide_password=False),
                                     template=source.database)
        return Province.reopen(folder, url)

    def receiver(self) -> sync_import.Receiver:
        """Built once and reused: opening the keys costs seconds (PBKDF2, scrypt)."""
        with at(self.dir):
            return sync_import.province_receiver(PASS)

    def import_with(self, receiver: sync_import.Receiver, *files: Path,
                    dry_run: bool = False) -> list[sync_service.Summary]:
        with at(self.dir):
            return sync_import.import_with(self.db, receiver, list(files), dry_run=dry_run)

    def mint(self, unit: str, device: str, revoked: bool = False, ca: KeyMaterial | None = None) -> KeyMaterial:
        """A certificate the province issues without a commune PC behind it (a key that signs only);
        pass `ca` (province.ca_material) to mint several without opening the CA's key each time."""
        with at(self.dir):
            ca = ca or province.ca_material(PASS)
            key, csr = pki.commune_request(unit, f"Đơn vị {unit}")
            cert = pki.issue_commune(ca, pki.read_request(csr))
            province.record_issue(self.db, unit, device, "", cert)
            if revoked:
                with self.db.session() as s:
                    row = s.scalar(select(Enrolment).where(Enrolment.serial == format(cert.serial_number, "x")))
                    row.revoked_at, row.revoked_reason = "2026-06-01T00:00:00+00:00", "máy bị mất"
        return KeyMaterial(key, cert, [ca.cert])

    def counts(self) -> dict[str, int]:
        return counts(self.db)

    def attachments(self) -> set[str]:
        with at(self.dir):
            folder = paths.attachments_dir()
            return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


class Commune:
    """One PC of a commune, enrolled with the province."""

    def __init__(self, folder: Path, prov: Province, demo: bool = True, unit: str = "03985",
                 join: bool = False) -> None:
        self.dir, self.usb = folder, folder.parent / f"{folder.name}-usb"
        with at(folder):
            self.db = setup.open_database(user=f"van-phong-{folder.name}")
            if join:
                setup.join_commune(self.db, unit)
            elif demo:
                setup.create_demo(self.db, today=date(2026, 6, 5))
            else:
                setup.setup_commune(self.db, unit, chairman_name="Lò Văn Minh")
            request = enrolment.request(self.db, COMMUNE_PASS)
        package = prov.issue(request, folder.parent / f"{folder.name}-pkg" / "dang-ky.papi")
        with at(folder):
            read = enrolment.read_package(package)
            enrolment.install(self.db, read, COMMUNE_PASS, read.root_fingerprint)

    @property
    def device(self) -> str:
        return self.db.clock.node

    def export(self, out: Path | None = None, peer: str = sync_service.PROVINCE) -> sync_service.ExportResult | None:
        with at(self.dir):
            return sync_service.export_bundle(self.db, out or self.usb, COMMUNE_PASS, peer=peer)

    def import_(self, *files: Path) -> list[sync_service.Summary]:
        with at(self.dir):
            return sync_service.import_files(self.db, list(files), COMMUNE_PASS)

    def receipt(self, path: str) -> sync_service.ReceiptResult:
        with at(self.dir):
            return sync_service.import_receipt(self.db, Path(path))

    def card(self, out: Path) -> Path:
        with at(self.dir):
            out.write_bytes(sync_service.peer_card(self.db, COMMUNE_PASS))
        return out

    def add_peer(self, card: Path) -> sync_service.PeerInfo:
        with at(self.dir):
            return sync_service.add_peer(self.db, card)

    def add_visit(self, name: str, cccd: str = "", day: date = date(2026, 6, 1)) -> None:
        with at(self.dir):
            reception.add_reception(self.db, reception.ReceptionInput(
                received_on=day, citizens=[reception.CitizenInput(name, "Bản Nà Sẳng", cccd)],
                summary="Đề nghị làm lại cầu treo", classes=["kien_nghi"]))

    def hash(self) -> str:
        return _hash(self.db)

    def material(self) -> KeyMaterial:
        """This PC's signing key and certificate."""
        with at(self.dir):
            return keys.load(COMMUNE_PASS)

    def add_evidence(self, content: bytes, name: str = "bien-ban.pdf") -> str:
        """A progress update on the first task with one attached file; returns the file's SHA-256."""
        source = self.dir.parent / f"{self.dir.name}-{hashlib.sha256(content).hexdigest()[:8]}-{name}"
        source.write_bytes(content)
        with self.db.reader() as s:
            task_id = s.scalar(select(Task.id).where(Task.deleted.is_(False)).order_by(Task.position).limit(1))
        with at(self.dir):
            progress.add_update(self.db, task_id, "2026-H1", "Đã họp dân", date(2026, 6, 3),
                                [progress.EvidenceInput("Biên bản số 12/BB-UBND", date(2026, 6, 3), file=source)])
        return hashlib.sha256(content).hexdigest()


def counts(db: Database) -> dict[str, int]:
    """Rows of the sync bookkeeping an import may add to."""
    with db.reader() as s:
        return {"change_log": s.scalar(select(func.count()).select_from(ChangeLog)) or 0,
                "sync_bundle_in": s.scalar(select(func.count()).select_from(BundleIn)) or 0}


def _hash(db: Database) -> str:
    with db.reader() as s:
        return state_hash(s)


def balanced(s: sync_service.Summary) -> bool:
    return s.imported + s.updated + s.unchanged + s.conflicts + s.rejected + s.held == s.records


Sent = tuple[str, list[Path], tuple[int, int]]  # bundle id, files, the PC's own first and last change


def chained(pc: Commune, staging: Province, root: Path, names: tuple[str, ...] = ("x1", "x2", "x3")) -> dict[str, Sent]:
    """Bundles of pc that build on each other: each but the last is applied by `staging` (a copy of the
    province) and its receipt read by the PC, with a visit added before the next, so a province that
    misses one holds the next."""
    import json  # noqa: PLC0415

    from papi_desktop.storage.sync_state import BundleOut  # noqa: PLC0415

    receiver, out = staging.receiver(), {}
    for i, name in enumerate(names):
        if i:
            pc.add_visit(f"Công dân {name}", "")
        result = pc.export(root / name)
        assert result is not None
        with pc.db.reader() as s:
            first, last = json.loads(s.get(BundleOut, result.bundle_id).ranges_json)[pc.device][:2]
        out[name] = (result.bundle_id, list(result.files), (first, last))
        if i < len(names) - 1:
            (got,) = staging.import_with(receiver, *result.files)
            assert got.status == "applied", got.reasons
            pc.receipt(got.receipt)
    return out
