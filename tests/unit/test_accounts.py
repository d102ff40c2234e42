"""Accounts and roles (issue 13 §1): the first admin, offline login on a locked database, lock-out after
five wrong passwords (kept across openings), the admin's reset of a forgotten password, the roles enforced
in the services (signing, restore, settings, accounts, full identity numbers), the last admin kept, each
step in the audit trail without a password; the command line taking the same identity."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cli_runner import run_cli
from test_audit import visit

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import accounts, audit, backup, keys, reception, reports, setup, tokens
from papi_desktop.storage.db import NotLoggedIn

ADMIN_PW, STAFF_PW, LEADER_PW = "quan-tri-Chieng-Son-9", "can-bo-tiep-dan-2026", "chu-tich-ky-so-2026"
TODAY = date(2026, 6, 5)


def _reopen(db):  # noqa: ANN001, ANN202
    db.dispose()
    return setup.open_database(user="tester")


@pytest.fixture
def office(db):  # noqa: ANN001, ANN201
    """The commune with an admin (made at the first run), a staff member and a leader; reopened, locked."""
    visit(db)  # a visit with an identity number, before accounts
    accounts.create_first_admin(db, "QuanTri", "Vì Văn Quản", ADMIN_PW)
    accounts.add(db, "tiepdan", "Lò Thị Tiếp", "staff", STAFF_PW)
    accounts.add(db, "chutich", "Lò Văn Minh", "leader", LEADER_PW)
    again = _reopen(db)
    yield again
    again.dispose()


def test_no_accounts_is_as_before(db) -> None:  # noqa: ANN001
    assert not accounts.exist(db) and not db.locked and db.role == ""
    accounts.require(db, "sign")  # everything allowed, as before accounts
    visit(db)
    assert reception.count(db) == 1


def test_a_database_with_accounts_waits_for_a_login(office) -> None:  # noqa: ANN001
    assert office.locked
    with pytest.raises(NotLoggedIn) as refused:
        reception.count(office)
    assert "Chưa đăng nhập" in refused.value.vi and "Not logged in" in refused.value.en
    with pytest.raises(KnownError) as wrong:
        accounts.login(office, "tiepdan", "khong-dung-mat-khau")
    unknown = pytest.raises(KnownError)
    with unknown as nobody:
        accounts.login(office, "khong-co-ai", STAFF_PW)
    assert wrong.value.vi == nobody.value.vi == "Sai tên đăng nhập hoặc mật khẩu."  # tells a guesser nothing
    assert office.locked
    info = accounts.login(office, "TiepDan", STAFF_PW)  # usernames are case-folded
    assert info.role == "staff" and info.must_change and not office.locked and office.user == "tiepdan"
    assert reception.count(office) == 1
    with pytest.raises(KnownError):
        accounts.create_first_admin(office, "other", "", ADMIN_PW)  # only the first


def test_five_wrong_passwords_lock_the_account_until_an_admin_unlocks(office) -> None:  # noqa: ANN001
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(KnownError):
            accounts.login(office, "tiepdan", "sai-mat-khau-roi")
    office = _reopen(office)  # the lock is in the database, not in the process
    with pytest.raises(KnownError) as locked:
        accounts.login(office, "tiepdan", STAFF_PW)
    assert "tạm khóa" in locked.value.vi and "locked" in locked.value.en
    later = datetime.now(UTC) + timedelta(minutes=accounts.LOCK_MINUTES + 1)
    assert accounts.login(office, "tiepdan", STAFF_PW, now=later).username == "tiepdan"  # it ends by itself
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(KnownError):
            accounts.login(office, "tiepdan", "sai-mat-khau-roi")
    accounts.login(office, "quantri", ADMIN_PW)
    accounts.unlock(office, "tiepdan")
    assert accounts.login(office, "tiepdan", STAFF_PW).role == "staff"
    office.dispose()


def test_a_forgotten_password_is_reset_by_the_admin(office) -> None:  # noqa: ANN001
    accounts.login(office, "tiepdan", STAFF_PW)
    with pytest.raises(KnownError) as refused:
        accounts.reset_password(office, "tiepdan", "mat-khau-moi-2026")  # staff may not
    assert "quản lý tài khoản" in refused.value.vi and "Quản trị" in refused.value.vi
    accounts.login(office, "quantri", ADMIN_PW)
    assert accounts.reset_password(office, "tiepdan", "mat-khau-moi-2026").must_change
    with pytest.raises(KnownError):
        accounts.login(office, "tiepdan", STAFF_PW)
    accounts.login(office, "tiepdan", "mat-khau-moi-2026")
    accounts.change_own_password(office, "mat-khau-moi-2026", "cua-rieng-toi-2026")
    assert not accounts.login(office, "tiepdan", "cua-rieng-toi-2026").must_change
    with pytest.raises(KnownError):
        accounts.change_own_password(office, "khong-phai", "mot-mat-khau-khac")
    with pytest.raises(KnownError):
        accounts.change_own_password(office, "cua-rieng-toi-2026", "ngan")  # too short


def test_roles_are_enforced_in_the_services(office, tmp_path: Path) -> None:  # noqa: ANN001
    accounts.login(office, "tiepdan", STAFF_PW)
    visit(office, "Cầm Văn Hai", "")  # staff enter data
    period = reports.resolve_period("reception-book", "2026", today=TODAY)
    request = reports.ExportRequest("reception-book", period, TODAY)
    with pytest.raises(KnownError) as sign:
        reports.export(office, request, tmp_path / "signed", reports.SignOptions("bat-ky-mat-khau-nao"), TODAY)
    assert "ký số" in sign.value.vi and not (tmp_path / "signed").exists()
    assert reports.export(office, request, tmp_path / "plain", None, TODAY).files  # an unsigned copy is fine
    for refused in (lambda: tokens.set_module_path(office, None), lambda: accounts.list_accounts(office),
                    lambda: backup.set_usb_folder(office, tmp_path)):
        with pytest.raises(KnownError):
            refused()
    with pytest.raises(KnownError) as restore:
        backup.restore(tmp_path / "none.papi-backup", "bat-ky-mat-khau-nao", office)
    assert "khôi phục" in restore.value.vi
    accounts.login(office, "chutich", LEADER_PW)
    accounts.require(office, "sign")
    with pytest.raises(KnownError):
        accounts.require(office, "users")
    accounts.login(office, "quantri", ADMIN_PW)
    tokens.set_module_path(office, None)
    assert [a.username for a in accounts.list_accounts(office)] == ["chutich", "quantri", "tiepdan"]


def _book_text(db, tmp_path: Path, name: str, sign: str | None) -> str:  # noqa: ANN001
    """Every cell of the exported reception book's workbook, as one text."""
    from openpyxl import load_workbook  # noqa: PLC0415

    request = reports.ExportRequest("reception-book", reports.resolve_period("reception-book", "2026", today=TODAY),
                                    TODAY)
    done = reports.export(db, request, tmp_path / name, reports.SignOptions(sign) if sign else None, TODAY)
    book = load_workbook(next(f for f in done.files if f.suffix == ".xlsx"), read_only=True)
    return " ".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)


def test_full_identity_numbers_follow_the_role_and_the_purpose(office, tmp_path: Path) -> None:  # noqa: ANN001
    """Lists mask them for everyone; whole only for a leader, and in the book only when the leader signs it
    (the legal register); a copy or a preview is masked, even the leader's."""
    accounts.login(office, "quantri", ADMIN_PW)
    keys.create_self_signed(office, "khoa-ky-so-cua-xa-2026")
    accounts.login(office, "tiepdan", STAFF_PW)
    [visit_id] = reception.reception_ids(office)
    staff_sees = {c.id_number for c in reception.citizens_of(office, visit_id)} - {""}
    staff_book = _book_text(office, tmp_path, "staff", None)
    accounts.login(office, "chutich", LEADER_PW)
    leader_sees = {c.id_number for c in reception.citizens_of(office, visit_id)} - {""}
    copy = _book_text(office, tmp_path, "copy", None)
    signed = _book_text(office, tmp_path, "signed", "khoa-ky-so-cua-xa-2026")
    preview = reception.book_rows(office, date(2026, 1, 1), date(2026, 12, 31))
    assert leader_sees == {"014190000123"} and staff_sees != leader_sees and "014190000123" not in str(staff_sees)
    assert "014190000123" not in staff_book and "014190000123" not in copy and "014190000123" not in str(preview)
    assert "014190000123" in signed and "*********123" in copy and "*********123" in staff_book


def test_the_last_admin_stays(office) -> None:  # noqa: ANN001
    accounts.login(office, "quantri", ADMIN_PW)
    for last in (lambda: accounts.set_disabled(office, "quantri", True),
                 lambda: accounts.set_role(office, "quantri", "staff")):
        with pytest.raises(KnownError):
            last()
    accounts.set_role(office, "chutich", "admin")
    accounts.login(office, "chutich", LEADER_PW)  # the other admin now
    assert accounts.set_disabled(office, "quantri", True).disabled
    with pytest.raises(KnownError) as disabled:
        accounts.login(office, "quantri", ADMIN_PW)
    assert "bị khóa" in disabled.value.vi
    with pytest.raises(KnownError):
        accounts.add(office, "x", "", "province_officer", STAFF_PW)  # not a commune's role


def test_every_step_is_in_the_audit_trail_without_a_password(office) -> None:  # noqa: ANN001
    with pytest.raises(KnownError):
        accounts.login(office, "tiepdan", "sai-mat-khau-roi")
    accounts.login(office, "quantri", ADMIN_PW)
    entries = audit.list_entries(office, limit=1000)
    events = {(e.kind, e.detail.get("what"), e.detail.get("username")) for e in entries}
    assert {("account", "first-admin", "quantri"), ("account", "added", "tiepdan"), ("account", "added", "chutich"),
            ("login", "failed", "tiepdan"), ("login", "ok", "quantri")} <= events
    failed = next(e for e in entries if e.kind == "login" and e.detail.get("what") == "failed")
    assert failed.actor == "tiepdan" and audit.describe(failed).startswith("Đăng nhập sai: tiepdan")
    text = str([(e.detail, e.actor) for e in entries])
    assert not any(pw in text for pw in (ADMIN_PW, STAFF_PW, LEADER_PW, "sai-mat-khau-roi", "scrypt$"))
    assert audit.verify(office).ok


def test_passwords_are_scrypt_hashes() -> None:
    stored = accounts.hash_password(STAFF_PW)
    assert stored.startswith("scrypt$32768$8$1$") and STAFF_PW not in stored
    assert accounts.check_password(STAFF_PW, stored) and not accounts.check_password(STAFF_PW + "x", stored)
    assert stored != accounts.hash_password(STAFF_PW)  # salted
    assert not accounts.check_password(STAFF_PW, "md5$abc") and not accounts.check_password(STAFF_PW, "")


def test_the_command_line_takes_the_same_identity(office, data_dir: Path) -> None:  # noqa: ANN001
    office.dispose()
    bare = run_cli(data_dir, "reception", "stats", "--json")
    assert bare.returncode != 0 and "--user" in bare.stderr and "PAPI_PASSWORD" in bare.stderr
    wrong = run_cli(data_dir, "--user", "tiepdan", "reception", "stats", "--json", PAPI_PASSWORD="sai-mat-khau-roi")
    assert wrong.returncode != 0 and "Sai tên đăng nhập hoặc mật khẩu" in wrong.stderr
    ok = run_cli(data_dir, "--user", "tiepdan", "reception", "stats", "--json", PAPI_PASSWORD=STAFF_PW)
    assert ok.returncode == 0, ok.stderr
    staff_list = run_cli(data_dir, "--user", "tiepdan", "accounts", "list", PAPI_PASSWORD=STAFF_PW)
    assert staff_list.returncode != 0 and "quản lý tài khoản" in staff_list.stderr
    added = run_cli(data_dir, "--user", "quantri", "accounts", "add", "vanthu", "--role", "staff",
                    "--new-password-env", "NEW_PW", PAPI_PASSWORD=ADMIN_PW, NEW_PW="van-thu-xa-2026")
    assert added.returncode == 0, added.stderr
    listed = run_cli(data_dir, "--user", "quantri", "--lang", "en", "accounts", "list", PAPI_PASSWORD=ADMIN_PW)
    assert listed.returncode == 0 and "vanthu" in listed.stdout and "Commune staff" in listed.stdout
    with_env = run_cli(data_dir, "accounts", "passwd", "--new-password-env", "NEW_PW", PAPI_USER="vanthu",
                       PAPI_PASSWORD="van-thu-xa-2026", NEW_PW="cua-van-thu-2026")
    assert with_env.returncode == 0 and "Đã đổi mật khẩu" in with_env.stdout, with_env.stderr


def test_ones_own_account(office) -> None:  # noqa: ANN001
    """An admin cannot disable the account in use; a change of one's own role takes effect at once."""
    accounts.login(office, "quantri", ADMIN_PW)
    accounts.set_role(office, "chutich", "admin")
    with pytest.raises(KnownError) as own:
        accounts.set_disabled(office, "quantri", True)
    assert "đang dùng" in own.value.vi
    accounts.set_role(office, "quantri", "staff")
    assert office.role == "staff"
    with pytest.raises(KnownError):
        accounts.list_accounts(office)  # no longer an admin, in this very session
