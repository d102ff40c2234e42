"""Opening the database, the commune profile (first-run set-up), the demo commune, local settings."""

from __future__ import annotations

import csv
import getpass
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from .. import paths
from ..domain.errors import KnownError
from ..domain.plan_table import parse_rows
from ..domain.text import nfc
from ..storage import migrate
from ..storage.db import Database, make_engine
from ..storage.models import CommuneProfile, LocalSetting
from . import plan as plan_service
from . import plan_import, progress, reference, registry

DEMO_UNIT = "03985"  # Xã Chiềng Sơn
_PROFILE_NAMESPACE = uuid.UUID("6f0c2a1e-5b7d-4c8e-9a3f-2d1b0e4c7a95")
DEMO_PLAN = "plan_2026.csv"


@dataclass(frozen=True)
class Profile:
    unit_code: str
    unit_name: str
    unit_type: str
    chairman_name: str
    chairman_title: str
    vice_chairman_name: str
    vice_chairman_title: str
    officer_name: str
    officer_title: str
    is_demo: bool
    has_loudspeaker: bool = True
    has_portal: bool = False


def open_database(db_path: Path | str | None = None, backups_dir: Path | None = None,
                  user: str | None = None) -> Database:
    """Integrity check, back up and migrate, then open. Raises KnownError with a clear message.
    db_path may also be a PostgreSQL URL (a province hub's database), upgraded in one transaction."""
    from ..storage.db import database_url  # noqa: PLC0415

    if db_path is not None and database_url(db_path) is not None:
        db = migrate.open_upgraded(db_path)
    else:
        db_path = Path(db_path or paths.db_path())
        db_path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(db_path)
        from . import backup  # noqa: PLC0415 - backup imports setup lazily

        folder = Path(backups_dir or paths.backups_dir())
        try:  # the copy before a migration is encrypted once a backup key exists
            migrate.upgrade(engine, db_path, folder,
                            make_backup=lambda path, label: backup.for_migration(path, label, folder))
        except Exception:
            engine.dispose()
            raise
        db = Database(db_path, engine)
    db.user = user or _os_user()
    profile = get_profile(db)
    if profile:
        db.unit_code = profile.unit_code
    from . import accounts  # noqa: PLC0415 - accounts reads the installation's mode

    accounts.lock_if_accounts(db)  # a database with accounts waits for a login
    return db


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "user"


def get_profile(db: Database) -> Profile | None:
    """This installation's commune; None on the province, whose profiles are the communes' own, received
    in their bundles (taking the first as its own stamped its writes and its plan with that commune)."""
    from .province import MODE_KEY  # noqa: PLC0415 - province imports setup

    with db.reader() as s:
        mode = s.get(LocalSetting, MODE_KEY)
        if mode is not None and mode.value == "province":
            return None
        p = s.scalar(select(CommuneProfile).where(CommuneProfile.deleted.is_(False)))
        if p is None:
            return None
        return Profile(p.unit_code, p.unit_name, p.unit_type, p.chairman_name, p.chairman_title,
                       p.vice_chairman_name, p.vice_chairman_title, p.officer_name, p.officer_title, p.is_demo,
                       p.has_loudspeaker, p.has_portal)


def setup_commune(db: Database, unit_code: str, *, chairman_name: str = "", chairman_title: str = "Chủ tịch",
                  vice_chairman_name: str = "", vice_chairman_title: str = "Phó Chủ tịch",
                  officer_name: str = "", officer_title: str = "", is_demo: bool = False) -> Profile:
    """Create or update the profile of the commune this installation serves. The signers are named
    (keyword-only): six texts in a row are easily swapped, and every caller already names them."""
    from . import accounts  # noqa: PLC0415 - accounts needs province, which needs setup

    accounts.require(db, "settings")  # the first run sets up before any account exists: allowed then
    unit = reference.unit(unit_code)
    values = {
        "unit_name": unit.full_name, "unit_type": unit.type, "chairman_name": nfc(chairman_name),
        "chairman_title": nfc(chairman_title) or "Chủ tịch", "vice_chairman_name": nfc(vice_chairman_name),
        "vice_chairman_title": nfc(vice_chairman_title) or "Phó Chủ tịch", "officer_name": nfc(officer_name),
        "officer_title": nfc(officer_title), "is_demo": is_demo,
    }
    with db.session() as s:
        profile = s.scalar(select(CommuneProfile).where(CommuneProfile.deleted.is_(False)))
        if profile is not None and profile.unit_code != unit.code:
            raise KnownError(
                f"Máy này đã được thiết lập cho {profile.unit_name}. Muốn dùng cho đơn vị khác, hãy chọn một "
                "thư mục dữ liệu khác (--data-dir).",
                f"This installation is set up for {profile.unit_name}. Use another data folder (--data-dir) "
                "for a different unit.",
            )
        if profile is None:
            profile = CommuneProfile(id=profile_id(unit.code), unit_code=unit.code, **values)
            s.add(profile)
        else:
            for key, value in values.items():
                if getattr(profile, key) != value:
                    setattr(profile, key, value)
    db.unit_code = unit.code
    result = get_profile(db)
    assert result is not None
    return result


def join_commune(db: Database, unit_code: str) -> Profile:
    """A further PC of a commune that already uses the program on another PC: it holds only the unit
    until the first bundle from that PC brings the real profile. The placeholder is written outside
    the change log with the lowest possible clock stamp, so it never travels and every real value
    replaces it without a conflict."""
    from sqlalchemy import insert  # noqa: PLC0415

    from . import accounts  # noqa: PLC0415 - accounts needs province, which needs setup

    accounts.require(db, "settings")
    unit = reference.unit(unit_code)
    if get_profile(db) is not None:
        raise KnownError("Máy này đã được thiết lập cho một xã, phường.", "This PC is already set up for a unit.")
    with db.session() as s:
        s.execute(insert(CommuneProfile.__table__).values(
            id=profile_id(unit.code), unit_code=unit.code, unit_name=unit.full_name, unit_type=unit.type,
            chairman_name="", chairman_title="Chủ tịch", vice_chairman_name="", vice_chairman_title="Phó Chủ tịch",
            officer_name="", officer_title="", is_demo=False, has_loudspeaker=True, has_portal=False,
            row_version=0, created_hlc="", updated_hlc="", updated_by="", deleted=False))
        s.add(LocalSetting(key=registry.KEY, value="0"))  # the first PC keeps the registers
    db.unit_code = unit.code
    result = get_profile(db)
    assert result is not None
    return result


def profile_id(unit_code: str) -> str:
    """One id for a commune's profile on every PC it is set up on: a second PC's profile and the
    first's are one record when they sync (merged field by field), never two."""
    return str(uuid.uuid5(_PROFILE_NAMESPACE, unit_code))


def demo_plan_rows() -> list[tuple[int, list[str]]]:
    """The demo plan (seed 000's 2026 appendix) as the rows a typed appendix would have."""
    path = paths.resources_dir() / "demo" / DEMO_PLAN
    rows: list[tuple[int, list[str]]] = [
        (1, ["PHỤ LỤC CÁC NHIỆM VỤ TRỌNG TÂM NÂNG CAO CHỈ SỐ PAPI NĂM 2026", "", "", "", "", ""]),
        (2, ["TT", "Nhiệm vụ cụ thể", "Sản phẩm đầu ra", "Cơ quan chủ trì", "Cơ quan phối hợp",
             "Thời gian hoàn thành"]),
    ]
    last_section = None
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            if rec["section"] != last_section:
                last_section = rec["section"]
                rows.append((len(rows) + 1, [rec["section"], f"Nội dung “{rec['section_title']}”", "", "", "", ""]))
            rows.append((len(rows) + 1, [rec["tt"], rec["task"], rec["output"], rec["lead"], rec["coordinators"],
                                         rec["deadline"]]))
    return rows


def create_demo(db: Database, today: date | None = None) -> Profile:
    """A ready-to-explore commune: profile, the 2026 plan, some progress with evidence."""
    today = today or date.today()
    profile = setup_commune(db, DEMO_UNIT, chairman_name="Lò Văn Minh", vice_chairman_name="Cầm Thị Hoa",
                            officer_name="Quàng Văn Dũng", officer_title="Công chức Văn phòng - Thống kê",
                            is_demo=True)
    parsed = parse_rows(demo_plan_rows(), list(reference.dimensions()), default_year=2026)
    source = paths.resources_dir() / "demo" / DEMO_PLAN
    preview = plan_import.preview_parsed(db, parsed, source, "demo")
    plan_import.apply_import(db, preview)
    info = plan_service.current_plan(db, 2026)
    assert info is not None
    rows = plan_service.list_tasks(db, plan_service.TaskFilter(plan_id=info.id), today)
    if rows and not progress.updates_of(db, rows[0].id):
        progress.add_update(db, rows[0].id, "2026-H1", "Đã ban hành kế hoạch dân vận, dân chủ năm 2026.",
                            date(2026, 3, 10), [progress.EvidenceInput("Kế hoạch số 22/KH-UBND", date(2026, 3, 2),
                                                                       "Kế hoạch công tác dân vận, dân chủ 2026")])
        first = plan_service.task_detail(db, rows[0].id, today)
        if first.milestones:
            plan_service.set_milestone_done(db, first.milestones[0].id, date(2026, 3, 10))
        plan_service.update_task(db, rows[1].id, status="done")
    from . import demo  # noqa: PLC0415 - only the demo needs the registers' services here

    demo.fill_registers(db)
    demo.fill_dialogue(db)
    demo.fill_transparency(db)
    demo.place_samples()
    return profile

