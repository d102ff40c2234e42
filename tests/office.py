"""A commune office with accounts, for the role tests: the demo commune, its administrator (made at the
first run, so logged in), a staff member and a leader."""

from __future__ import annotations

from papi_desktop.services import accounts, setup
from papi_desktop.storage.db import Database

ADMIN_PW, STAFF_PW, LEADER_PW = "quan-tri-Chieng-Son-9", "can-bo-tiep-dan-2026", "chu-tich-ky-so-2026"
BACKUP_PW = "ba con meo trèo cây cau 2026"
SETTINGS = "đổi cài đặt, khóa ký số, danh sách tin cậy"


def make_office(db: Database) -> Database:
    setup.create_demo(db)
    accounts.create_first_admin(db, "quantri", "Vì Văn Quản", ADMIN_PW)
    accounts.add(db, "tiepdan", "Lò Thị Tiếp", "staff", STAFF_PW)
    accounts.add(db, "chutich", "Lò Văn Minh", "leader", LEADER_PW)
    return db
