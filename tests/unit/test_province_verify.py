"""The province verifies the reports its communes signed (`--data-dir PROVINCE verify report.xlsx`): the
province's own root, which certified them, is a trust anchor there. The certificate chain is told in
the chosen language."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import run_cli
from sync_world import Province, at

from papi_desktop.exports import signing
from papi_desktop.services import keys, province


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Province, Path, Path]:
    root = tmp_path_factory.mktemp("verify")
    prov = Province(root / "tinh")
    enrolled, alone = root / "bao_cao.xlsx", root / "bao_cao_tu_ky.xlsx"
    for book in (enrolled, alone):
        book.write_bytes(b"PK\x03\x04 a report's bytes " + book.name.encode())
    signing.sign_detached(enrolled, prov.mint("03985", "may-1"))  # a commune the province enrolled
    signing.sign_detached(alone, signing.create_self_signed("03985", "UBND Xã Chiềng Sơn"))  # its own root only
    return prov, enrolled, alone


def test_the_province_root_is_a_trust_anchor_in_province_mode(world) -> None:  # noqa: ANN001
    prov, _enrolled, _alone = world
    with at(prov.dir):
        assert province.root_pem() in keys.trusted()


def test_the_province_verifies_what_an_enrolled_commune_signed(world) -> None:  # noqa: ANN001
    prov, enrolled, alone = world
    done = run_cli(prov.dir, "verify", str(enrolled))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith(f"HỢP LỆ: {enrolled}")
    chain = next(line for line in done.stdout.splitlines() if "Chuỗi chứng thư:" in line)
    assert "Tên: CA PAPI Tỉnh Sơn La" in chain and "Mã đơn vị: 03985" in chain and "Quốc gia: VN" in chain
    assert "Common Name" not in done.stdout and "Country" not in done.stdout
    # A commune's own root the province never saw stays untrusted.
    refused = run_cli(prov.dir, "verify", str(alone))
    assert refused.returncode == 1 and "không thuộc danh sách tin cậy" in refused.stdout


def test_the_chain_keeps_english_names_in_english(world) -> None:  # noqa: ANN001
    prov, enrolled, _alone = world
    done = run_cli(prov.dir, "--lang", "en", "verify", str(enrolled))
    assert done.returncode == 0 and done.stdout.startswith("VALID")
    assert "Certificate chain: Common Name: CA PAPI Tỉnh Sơn La" in done.stdout and "User ID: 03985" in done.stdout
