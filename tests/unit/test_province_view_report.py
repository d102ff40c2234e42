"""End to end through real enrolment and bundles: a commune issues its six-month report and sends its
records; the province's view traces them to that bundle and its consolidated report (PDF and Excel)
is signed by the province office, names the bundle, and shows no citizen's name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from poppler import run as poppler
from sqlalchemy import select
from sync_world import COMMUNE_PASS, PASS, Commune, Province, at

from papi_desktop.services import consolidated_report, province_view, reports
from papi_desktop.storage.registers import Petition, ReceptionCitizen
from papi_desktop.storage.sync_state import BundleIn

ISSUED = date(2026, 6, 20)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("consolidated")
    prov = Province(root / "prov")
    commune = Commune(root / "c1", prov)  # the demo commune, Chiềng Sơn
    with at(commune.dir):
        reports.export(commune.db, reports.ExportRequest("papi-6m", reports.resolve_period("papi-6m", "2026-H1"),
                                                         date(2026, 6, 5)),
                       root / "c1-reports", reports.SignOptions(COMMUNE_PASS), today=date(2026, 6, 5))
        with commune.db.reader() as s:
            names = [n for n in s.scalars(select(ReceptionCitizen.name))] + \
                [n for n in s.scalars(select(Petition.sender)) if n]
    commune.export()
    summaries = prov.import_(commune.usb)
    assert [s.status for s in summaries] == ["applied"]
    out = root / "out"
    with at(prov.dir):
        result = consolidated_report.export(prov.db, "2026-H1", out, PASS, ISSUED, ISSUED, "12/BC-VP", "Lê Văn Bình")
    yield prov, commune, summaries[0], result, names
    prov.db.dispose()
    commune.db.dispose()


def test_the_report_and_records_of_the_commune_trace_to_its_bundle(world) -> None:
    prov, commune, summary, _result, _names = world
    with prov.db.reader() as s:
        received = s.get(BundleIn, summary.bundle_id).received_at
    found = province_view.completeness(prov.db, "2026-H1", ISSUED)
    row = next(r for r in found.rows if r.unit_code == "03985")
    due = found.period.due
    expected = "on_time" if province_view.vn_day(received) < due else "late"  # the day the province entered it
    assert (row.status, row.bundle_id, row.valid) == (expected, summary.bundle_id, True)
    assert row.number_ref.endswith("/BC-UBND") and row.issued_on == date(2026, 6, 5)
    for figure in ("reception", "petitions", "report"):
        sources = province_view.sources(prov.db, "03985", figure, found.period.start, found.period.end)
        assert [s.bundle_id for s in sources] == [summary.bundle_id], figure
        assert sources[0].device == commune.device


def test_the_consolidated_report_is_signed_by_the_province_office(world) -> None:
    prov, _commune, _summary, result, _names = world
    pdf, xlsx, p7s = result.files
    assert [f.name for f in result.files] == ["bao_cao_tong_hop_papi_2026-H1.pdf", "bao_cao_tong_hop_papi_2026-H1.xlsx",
                                              "bao_cao_tong_hop_papi_2026-H1.xlsx.p7s"]
    assert sorted(p.name for p in pdf.parent.iterdir()) == sorted(f.name for f in result.files)  # nothing left over
    with at(prov.dir):
        for path in (pdf, xlsx):
            check = consolidated_report.verify(path)
            assert check.ok, check.problems
        pdf_check = consolidated_report.verify(pdf)
    assert "Văn phòng tỉnh Sơn La" in str(pdf_check.as_json())
    tampered = xlsx.with_name("copy.xlsx")
    tampered.write_bytes(xlsx.read_bytes()[:-10] + b"0123456789")
    tampered.with_name("copy.xlsx.p7s").write_bytes(p7s.read_bytes())
    with at(prov.dir):
        assert not consolidated_report.verify(tampered).ok
    tampered.unlink()
    tampered.with_name("copy.xlsx.p7s").unlink()


def test_the_report_names_the_bundles_and_no_citizen(world) -> None:
    _prov, _commune, summary, result, names = world
    text = " ".join(poppler("pdftotext", "-layout", result.files[0], "-").split())
    for expected in ("UBND TỈNH SƠN LA", "Số: 12/BC-VP", "Sơn La, ngày 20 tháng 6 năm 2026", "Xã Chiềng Sơn",
                     "Phụ lục IV", summary.bundle_id[:8], "Lê Văn Bình", "CHÁNH VĂN PHÒNG"):
        assert expected in text, expected
    book = load_workbook(result.files[1])
    cells = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert summary.bundle_id[:8] in " ".join(str(c.value) for row in book["Nguồn số liệu"].iter_rows() for c in row)
    assert names
    for name in names:
        assert name not in text and name not in cells, name


def test_a_wrong_passphrase_writes_nothing(world, tmp_path: Path) -> None:
    prov = world[0]
    with at(prov.dir), pytest.raises(Exception):  # noqa: B017 - the key's own error, whatever its class
        consolidated_report.export(prov.db, "2026-H1", tmp_path / "out", "not-the-passphrase", ISSUED, ISSUED)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
