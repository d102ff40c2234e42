"""A commune PC believes a receipt only when the province office signed it, for a bundle this PC sent,
and only as far as that bundle carried: a receipt signed by a commune's key (a valid certificate of the
same root), one for a bundle this PC never wrote, one from a foreign root and one that claims more than
the bundle held each change nothing, the first three with their reason."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_world import PASS, Commune, Province, at

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports.signing import KeyMaterial
from papi_desktop.services import province
from papi_desktop.services import sync as sync_service
from papi_desktop.sync import bundle, pki


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune, Path]]:
    root = tmp_path_factory.mktemp("receipts")
    prov = Province(root / "province")
    pc = Commune(root / "commune", prov)
    yield prov, pc, root
    prov.db.dispose()
    pc.db.dispose()


def _receipt(tmp: Path, name: str, bundle_id: str, acknowledged: dict[str, int], key: KeyMaterial) -> Path:
    body = {"kind": "receipt", "bundle_id": bundle_id, "commune": "03985", "device": "", "status": "applied",
            "acknowledged": acknowledged, "summary": {}, "issued_at_utc": "2026-12-03T00:00:00+00:00"}
    path = tmp / f"{name}.receipt{bundle.SUFFIX}"
    path.write_bytes(bundle.signed_document(body, key))
    return path


def _refused(pc: Commune, path: Path) -> str:
    before = sync_service.acked(pc.db)
    with pytest.raises(KnownError) as err:
        pc.receipt(str(path))
    assert sync_service.acked(pc.db) == before  # nothing acknowledged
    return err.value.vi


def test_only_the_province_office_s_receipt_for_a_bundle_sent_counts(office, tmp_path: Path) -> None:  # noqa: ANN001
    prov, pc, root = office
    pc.add_visit("Lò Văn Thắng")
    sent = pc.export(root / "stick-1")
    assert sent is not None
    (first, last) = _range(pc, sent.bundle_id)
    with at(prov.dir):
        office_key = province.office_material(PASS)
    everything = {pc.device: last}

    # Signed by the commune's own certificate, issued by the same province root: not the office.
    assert _refused(pc, _receipt(tmp_path, "by-commune", sent.bundle_id, everything, pc.material())) \
        == "Biên nhận không do văn phòng tỉnh ký."
    # The office's signature over a bundle this PC never wrote.
    assert _refused(pc, _receipt(tmp_path, "unknown", "00000000-0000-4000-8000-000000000000", everything,
                                 office_key)) == "Biên nhận cho một gói máy này không gửi."
    # A key of another root entirely: refused before its content is read.
    assert _refused(pc, _receipt(tmp_path, "foreign", sent.bundle_id, everything, _foreign()))

    # The office's receipt claiming more than the bundle carried: acknowledged only as far as it went.
    result = pc.receipt(str(_receipt(tmp_path, "greedy", sent.bundle_id, {pc.device: last + 500, "other-pc": 9},
                                     office_key)))
    assert result.status == "applied"
    assert sync_service.acked(pc.db) == {pc.device: last} and first <= last


def _range(pc: Commune, bundle_id: str) -> tuple[int, int]:
    import json

    from papi_desktop.storage.sync_state import BundleOut

    with pc.db.reader() as s:
        first, last = json.loads(s.get(BundleOut, bundle_id).ranges_json)[pc.device]
    return int(first), int(last)


def _foreign() -> KeyMaterial:
    """A commune key certified by another province's root."""
    rogue_ca = pki.create_province_ca(province="Tỉnh Khác")
    key, csr = pki.commune_request("03985", "Đơn vị 03985")
    return KeyMaterial(key, pki.issue_commune(rogue_ca, pki.read_request(csr)), [rogue_ca.cert])
