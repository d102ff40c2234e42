"""Installations for the sync tests: a province and commune PCs, each in its own data folder.

Paths are resolved per call, so every operation runs inside `at(folder)` of its installation."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from papi_desktop import paths
from papi_desktop.services import enrolment, province, reception, setup
from papi_desktop.services import sync as sync_service
from papi_desktop.storage.db import Database
from papi_desktop.sync import envelope
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
    def __init__(self, folder: Path) -> None:
        self.dir = folder
        with at(folder):
            self.db = setup.open_database(user="so-noi-vu")
            province.init(self.db, PASS, envelope.new_identity()[1])

    def issue(self, request: bytes, out: Path) -> Path:
        with at(self.dir):
            return enrolment.issue(self.db, request, PASS, out)

    def import_(self, *files: Path, dry_run: bool = False) -> list[sync_service.Summary]:
        with at(self.dir):
            return sync_service.import_files(self.db, list(files), PASS, dry_run=dry_run)

    def hash(self) -> str:
        return _hash(self.db)


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


def _hash(db: Database) -> str:
    with db.reader() as s:
        return state_hash(s)


def balanced(s: sync_service.Summary) -> bool:
    return s.imported + s.updated + s.unchanged + s.conflicts + s.rejected + s.held == s.records
