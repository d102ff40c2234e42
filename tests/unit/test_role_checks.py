"""The settings and enrolment rights the services check (issue 13 §1) beyond signing, restoring and
accounts: the commune's key from a CA's file, what this PC trusts, the seal and signature images, the
villages and means of disclosure, the commune's profile, the enrolment request, the backup key; at the
province, its trust anchors and a commune's revocation and renewal. A staff member or a leader is refused
with the right named and nothing is written; the administrator (or the province's) does it. The command
line refuses alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import run_cli
from office import ADMIN_PW, BACKUP_PW, LEADER_PW, SETTINGS, STAFF_PW, make_office
from stamp_images import seal_png, signature_png
from sync_world import PASS, Commune, Province, at

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import signing
from papi_desktop.services import (
    accounts,
    backup,
    downstream,
    enrolment,
    keys,
    postings,
    province,
    setup,
    sign_images,
    trust_bundle,
)
from papi_desktop.sync import pki

OFFICER_PW, PROVINCE_PW = "can-bo-so-noi-vu-2026", "quan-tri-cua-tinh-2026"


@pytest.fixture
def office(db):  # noqa: ANN001, ANN201
    """The staff member logged in."""
    accounts.login(make_office(db), "tiepdan", STAFF_PW)
    return db


def _ca_pem() -> bytes:
    return signing.pem(pki.create_province_ca("VNPT", "Tổng công ty Dịch vụ Viễn thông").cert)


def _files() -> set[str]:
    """Everything in the data folder but the database's own files: what a refused call must not touch."""
    root = paths.data_dir()
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and not p.name.startswith("papi.db")}


def _settings_calls(db, tmp_path: Path) -> dict[str, object]:  # noqa: ANN001
    issued = signing.create_self_signed("03985", "Xã Chiềng Sơn")
    p12 = tmp_path / "ca.p12"
    signing.save_p12(p12, issued, "ca-passphrase")
    anchor = tmp_path / "ca.pem"
    anchor.write_bytes(_ca_pem())
    seal, sig = seal_png(tmp_path / "dau.png"), signature_png(tmp_path / "ky.png")
    village = postings.villages(db)[0].id
    root_fpr = keys.inspect_certificate(signing.pem(issued.chain[0])).fingerprint
    anchor_sha = trust_bundle.read_anchor_file(anchor).sha256
    return {
        "keys import": lambda: keys.import_p12(db, p12, "ca-passphrase", [root_fpr]),
        "keys trust": lambda: keys.trust(db, anchor.read_bytes()),
        "trust a CA's file": lambda: trust_bundle.import_anchor_file(db, anchor, anchor_sha),
        "untrust": lambda: trust_bundle.remove(db, anchor_sha),
        "accept an offered anchor": lambda: trust_bundle.accept(db, anchor_sha),
        "decline an offered anchor": lambda: trust_bundle.decline(db, anchor_sha),
        "seal image": lambda: sign_images.set_seal(db, seal),
        "signature image": lambda: sign_images.set_signature(db, "Lò Văn Minh", sig),
        "remove the seal": lambda: sign_images.remove(db),
        "add a village": lambda: postings.add_village(db, "Bản Mới"),
        "rename a village": lambda: postings.set_village(db, village, name="Bản Hin Mới"),
        "means of disclosure": lambda: postings.set_means(db, has_loudspeaker=False, has_portal=True),
        "commune profile": lambda: setup.setup_commune(db, "03985", chairman_name="Người Khác"),
        "enrolment request": lambda: enrolment.request(db, "suoi-trong-may-bay-7391"),
        "the first backup makes the key": lambda: backup.create(db, BACKUP_PW),
    }


def test_staff_and_leader_change_no_setting(office, tmp_path: Path) -> None:  # noqa: ANN001
    calls = _settings_calls(office, tmp_path)
    before_files, before_villages = _files(), postings.villages(office, include_inactive=True)
    before_profile = setup.get_profile(office)
    for user, password, label in (("tiepdan", STAFF_PW, "Cán bộ, công chức"), ("chutich", LEADER_PW, "Lãnh đạo")):
        accounts.login(office, user, password)
        for name, call in calls.items():
            with pytest.raises(KnownError) as refused:
                call()  # type: ignore[operator]
            assert SETTINGS in refused.value.vi and label in refused.value.vi, (user, name, refused.value.vi)
            assert "Quản trị" in refused.value.vi and "may not change settings" in refused.value.en
    assert _files() == before_files  # no key, trusted certificate, image, request or backup written
    assert postings.villages(office, include_inactive=True) == before_villages
    assert setup.get_profile(office) == before_profile
    assert keys.certificate() is None and not backup.has_key()


def test_the_administrator_changes_them(office, tmp_path: Path) -> None:  # noqa: ANN001
    calls = _settings_calls(office, tmp_path)
    accounts.login(office, "quantri", ADMIN_PW)
    assert calls["keys import"]().subject["UID"] == "03985"  # type: ignore[operator]
    assert calls["keys trust"]().is_file()  # type: ignore[operator]
    assert calls["untrust"]() is True  # type: ignore[operator]
    assert calls["trust a CA's file"]().sha256  # type: ignore[operator]
    with pytest.raises(KnownError, match="Không có chứng thư gốc nào tỉnh đề nghị"):
        calls["accept an offered anchor"]()  # type: ignore[operator]  # allowed; nothing was offered
    assert calls["decline an offered anchor"]() is False  # type: ignore[operator]
    assert calls["seal image"]() == sign_images.seal()  # type: ignore[operator]
    assert calls["signature image"]() == sign_images.signature("Lò Văn Minh")  # type: ignore[operator]
    calls["remove the seal"]()  # type: ignore[operator]
    assert sign_images.seal() is None
    new = calls["add a village"]()  # type: ignore[operator]
    calls["rename a village"]()  # type: ignore[operator]
    calls["means of disclosure"]()  # type: ignore[operator]
    names = {v.id: v.name for v in postings.villages(office)}
    assert names[new] == "Bản Mới" and "Bản Hin Mới" in names.values()
    assert calls["commune profile"]().chairman_name == "Người Khác"  # type: ignore[operator]
    assert b"03985" in calls["enrolment request"]()  # type: ignore[operator]
    assert calls["the first backup makes the key"]().entry.path.is_file() and backup.has_key()  # type: ignore[operator]


def test_a_staff_member_then_makes_backups_with_the_key(office) -> None:  # noqa: ANN001
    """Only the key is the administrator's: once it exists, anyone who knows its passphrase backs up."""
    accounts.login(office, "quantri", ADMIN_PW)
    backup.create(office, BACKUP_PW)
    accounts.login(office, "tiepdan", STAFF_PW)
    assert backup.create(office, BACKUP_PW).entry.path.is_file()


def test_the_command_line_refuses_alike(office, data_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    office.dispose()
    anchor = tmp_path / "ca.pem"
    anchor.write_bytes(_ca_pem())
    staff = run_cli(data_dir, "--user", "tiepdan", "keys", "trust", str(anchor), "--yes", PAPI_PASSWORD=STAFF_PW)
    assert staff.returncode != 0 and SETTINGS in staff.stderr and "Traceback" not in staff.stderr
    assert not paths.trust_dir().is_dir() or not list(paths.trust_dir().glob("*.pem"))
    english = run_cli(data_dir, "--lang", "en", "--user", "tiepdan", "keys", "trust", str(anchor), "--yes",
                      PAPI_PASSWORD=STAFF_PW)
    assert english.returncode != 0 and "may not change settings, signing keys and trust" in english.stderr
    admin = run_cli(data_dir, "--user", "quantri", "keys", "trust", str(anchor), "--yes", PAPI_PASSWORD=ADMIN_PW)
    assert admin.returncode == 0, admin.stderr
    assert len(list(paths.trust_dir().glob("*.pem"))) == 1


@pytest.fixture
def province_office(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """The province with one enrolled commune PC, its administrator and an officer; the officer logged in."""
    root = tmp_path_factory.mktemp("roles")
    prov = Province(root / "province")
    pc = Commune(root / "pc", prov, demo=False, unit="03646")
    accounts.create_first_admin(prov.db, "tinh", "Cầm Văn Tỉnh", PROVINCE_PW)
    accounts.add(prov.db, "sonoivu", "Lò Thị Sở", "province_officer", OFFICER_PW)
    accounts.login(prov.db, "sonoivu", OFFICER_PW)
    yield prov, pc
    for db in (prov.db, pc.db):
        db.dispose()


def test_province_revocation_renewal_and_trust_are_the_administrators(province_office) -> None:  # noqa: ANN001
    prov, pc = province_office
    enrol = "cấp, thu hồi chứng thư cho máy của xã"
    with at(prov.dir):
        anchor = _ca_pem()
        for call, right in ((lambda: province.revoke(prov.db, "03646", "máy bị mất"), enrol),
                            (lambda: downstream.renew_certificate(prov.db, "03646", pc.device, PASS), enrol),
                            (lambda: trust_bundle.province_add(prov.db, anchor), SETTINGS),
                            (lambda: trust_bundle.province_remove(prov.db, "00" * 32), SETTINGS)):
            with pytest.raises(KnownError) as refused:
                call()
            assert right in refused.value.vi and "Cán bộ tỉnh" in refused.value.vi
        assert [e.revoked_at for e in province.enrolled(prov.db)] == [None]
        assert len(province.enrolled(prov.db)) == 1 and trust_bundle.province_anchors() == []
        accounts.login(prov.db, "tinh", PROVINCE_PW)
        renewed = downstream.renew_certificate(prov.db, "03646", pc.device, PASS)
        assert renewed.serial_number and len(province.enrolled(prov.db)) == 2
        assert trust_bundle.province_add(prov.db, anchor).sha256
        assert province.revoke(prov.db, "03646", "máy bị mất") == 2


def test_province_revoke_on_the_command_line(province_office) -> None:  # noqa: ANN001
    prov, _pc = province_office
    prov.db.dispose()
    officer = run_cli(prov.dir, "--user", "sonoivu", "province", "revoke", "03646", "--reason", "máy bị mất",
                      PAPI_PASSWORD=OFFICER_PW)
    assert officer.returncode != 0 and "thu hồi chứng thư" in officer.stderr and "Traceback" not in officer.stderr
    admin = run_cli(prov.dir, "--user", "tinh", "province", "revoke", "03646", "--reason", "máy bị mất",
                    PAPI_PASSWORD=PROVINCE_PW)
    assert admin.returncode == 0, admin.stderr
    with at(prov.dir):
        again = setup.open_database(user="kiem-tra")
        try:
            accounts.login(again, "tinh", PROVINCE_PW)
            assert all(e.revoked_at for e in province.enrolled(again))
        finally:
            again.dispose()


def test_no_login_is_no_way_round_the_restore_check(office, data_dir: Path) -> None:  # noqa: ANN001
    """The command line opens a damaged database's folder without a login (restoring it is what a
    restore is for); a missing or wrong login on a sound one is refused, not taken for damage."""
    accounts.login(office, "quantri", ADMIN_PW)
    made = backup.create(office, BACKUP_PW).entry.path
    office.dispose()
    before = sorted(p.name for p in data_dir.iterdir())
    for extra, env in (([], {}), (["--user", "tiepdan"], {"PAPI_PASSWORD": "sai-mat-khau-roi"})):
        done = run_cli(data_dir, *extra, "backup", "restore", str(made), "--yes", "--passphrase-env", "BPW",
                       BPW=BACKUP_PW, **env)
        assert done.returncode != 0 and "Traceback" not in done.stderr, done.stdout
        assert "Đã khôi phục" not in done.stdout
    assert sorted(p.name for p in data_dir.iterdir()) == before  # nothing moved aside, nothing replaced
    with pytest.raises(KnownError, match="hãy đăng nhập"):  # the service too, handed no database
        backup.restore(made, BACKUP_PW, None)
    staff = run_cli(data_dir, "--user", "tiepdan", "backup", "restore", str(made), "--yes", "--passphrase-env", "BPW",
                    BPW=BACKUP_PW, PAPI_PASSWORD=STAFF_PW)
    assert staff.returncode != 0 and "khôi phục từ bản sao lưu" in staff.stderr
    admin = run_cli(data_dir, "--user", "quantri", "backup", "restore", str(made), "--yes", "--passphrase-env", "BPW",
                    BPW=BACKUP_PW, PAPI_PASSWORD=ADMIN_PW)
    assert admin.returncode == 0, admin.stderr
