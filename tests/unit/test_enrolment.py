"""Enrolment by files: the province's keys, a commune's request, the package, its installation; the
province-issued certificate then signs the commune's reports."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sync_world import COMMUNE_PASS, PASS, at

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.services import enrolment, keys, province, reports, setup
from papi_desktop.sync import envelope

TODAY = date(2026, 6, 5)


@pytest.fixture
def two(tmp_path: Path):  # noqa: ANN201
    pdir, cdir = tmp_path / "province", tmp_path / "commune"
    with at(pdir):
        pdb = setup.open_database(user="so-noi-vu")
        _escrow, escrow_pub = envelope.new_identity()
        province.init(pdb, PASS, escrow_pub)
    with at(cdir):
        cdb = setup.open_database(user="van-phong")
        setup.setup_commune(cdb, "03985", chairman_name="Lò Văn Minh")
    yield pdir, pdb, cdir, cdb
    pdb.dispose()
    cdb.dispose()


def _enrol(two, tmp_path: Path) -> Path:  # noqa: ANN001
    pdir, pdb, cdir, cdb = two
    with at(cdir):
        request = enrolment.request(cdb, COMMUNE_PASS)
    assert b"PRIVATE" not in request and json.loads(request)["unit_code"] == "03985"
    with at(pdir):
        return enrolment.issue(pdb, request, PASS, tmp_path / "usb" / "dang-ky-03985.papi")


def test_enrol_then_sign_a_report_with_the_province_certificate(two, tmp_path: Path) -> None:  # noqa: ANN001
    pdir, pdb, cdir, cdb = two
    package_file = _enrol(two, tmp_path)
    with at(pdir):
        root_fpr = province.info().fingerprint
        assert [e.unit_code for e in province.enrolled(pdb)] == ["03985"]
    with at(cdir):
        package = enrolment.read_package(package_file)
        assert package.root_fingerprint == root_fpr and package.unit_code == "03985"
        installed = enrolment.install(cdb, package, COMMUNE_PASS, root_fpr)
        assert installed.issuer["CN"] == "CA PAPI Tỉnh Sơn La" and installed.subject["UID"] == "03985"
        assert enrolment.enrolled() is not None and len(enrolment.enrolled().recipients) == 2
        request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=TODAY), TODAY)
        result = reports.export(cdb, request, tmp_path / "out", reports.SignOptions(COMMUNE_PASS), TODAY)
        pdf = next(f for f in result.files if f.suffix == ".pdf")
        assert reports.verify(pdf).ok
    # Outside the program: openssl checks the Excel signature against the province root alone.
    xlsx = next(f for f in result.files if f.suffix == ".xlsx")
    (tmp_path / "root.pem").write_bytes(package.members["province-root.pem"])
    done = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", f"{xlsx}.p7s",
                           "-content", str(xlsx), "-CAfile", str(tmp_path / "root.pem"), "-purpose", "smimesign",
                           "-out", "/dev/null"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_install_refuses_what_does_not_fit(two, tmp_path: Path) -> None:  # noqa: ANN001
    pdir, pdb, cdir, cdb = two
    package_file = _enrol(two, tmp_path)
    with at(cdir):
        package = enrolment.read_package(package_file)
        with pytest.raises(KnownError, match="vân tay"):
            enrolment.install(cdb, package, COMMUNE_PASS, "00:11")
        assert keys.certificate() is None  # nothing installed
        raw = bytearray(package_file.read_bytes())
        raw[raw.index(b"age1") + 10] ^= 0x01  # the province's recipient, altered on the stick
        bad = tmp_path / "bad.papi"
        bad.write_bytes(bytes(raw))
        with pytest.raises(KnownError):
            enrolment.read_package(bad)
    other = tmp_path / "other"
    with at(other):
        odb = setup.open_database(user="x")
        setup.setup_commune(odb, "03646")
        with pytest.raises(KnownError, match="03985"):
            enrolment.install(odb, enrolment.read_package(package_file), COMMUNE_PASS, package.root_fingerprint)
        odb.dispose()


def test_requests_are_checked(two, tmp_path: Path) -> None:  # noqa: ANN001
    pdir, pdb, cdir, cdb = two
    with at(cdir):
        request = json.loads(enrolment.request(cdb, COMMUNE_PASS))
    with at(pdir):
        for bad in ({**request, "unit_code": "03986"}, {**request, "csr": request["csr"].replace("MII", "MIJ", 1)},
                    {**request, "format": "x"}, {**request, "device": "../../etc"}):
            with pytest.raises(KnownError):
                enrolment.issue(pdb, json.dumps(bad).encode(), PASS, tmp_path / "x.papi")
        with pytest.raises(KnownError, match="Mật khẩu"):
            enrolment.issue(pdb, json.dumps(request).encode(), "sai-mat-khau-roi", tmp_path / "x.papi")
        assert province.enrolled(pdb) == []
        assert not (tmp_path / "x.papi").exists()


def test_province_init_guards(two, tmp_path: Path) -> None:  # noqa: ANN001
    pdir, pdb, cdir, cdb = two
    with at(pdir), pytest.raises(KnownError, match="đã có khóa"):
        province.init(pdb, PASS)
    with at(cdir), pytest.raises(KnownError, match="một xã"):
        province.init(cdb, PASS)
    with at(pdir):
        assert province.is_province(pdb)
        blob = (paths.keys_dir() / province.AGE_KEY).read_bytes()
        assert b"AGE-SECRET-KEY" not in blob
        assert envelope.unprotect_identity(blob, PASS).startswith("AGE-SECRET-KEY-")
