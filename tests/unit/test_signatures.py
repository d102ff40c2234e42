"""Every signature counts: a look-alike's second signature over the document number, an appended
annotation, a CMS with an untrusted second signer all fail verification, with a message naming what
was added and by whom; a second trusted signature (chairman, then the organisation) still verifies."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import poppler
import pytest
from cli_runner import run_cli

from papi_desktop import paths
from papi_desktop.exports import fonts, signing
from papi_desktop.services import keys, reports, setup

TODAY = date(2026, 6, 5)
PASS = "mat-khau-xa-2026"
FAKE_PASS = "trau-vang-nui-cao-7"


@pytest.fixture
def signed_pdf(bare_db, tmp_path: Path) -> Path:
    """A signed petition statistics report, number 01/BC-UBND, from the demo commune."""
    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=TODAY), TODAY)
    result = reports.export(bare_db, request, tmp_path / "out", reports.SignOptions(PASS), TODAY)
    assert result.number_ref == "01/BC-UBND"
    return result.files[0]


def _word_box(pdf: Path, word: str) -> tuple[float, float, float, float]:
    """Where pdftotext finds a word on page 1, in PDF points (origin bottom-left)."""
    html = poppler.run("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-")
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    found = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">' + re.escape(word), html)
    x0, y0, x1, y1 = map(float, found.groups())
    return x0, height - y1, x1, height - y0


def _sign_again(source: Path, target: Path, material: signing.KeyMaterial, box: tuple[int, int, int, int],
                text: str, tmp_path: Path) -> None:
    """A second signature with pyHanko itself, as anyone holding a key could add one."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    p12 = tmp_path / f"{target.stem}.p12"
    signing.save_p12(p12, material, FAKE_PASS)
    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=FAKE_PASS.encode())
    style = TextStampStyle(stamp_text=text, border_width=0, text_box_style=TextBoxStyle(
        font=signing._font_factory(GlyphAccumulatorFactory)(str(fonts.stamp_font(paths.cache_dir())), font_size=12),
        font_size=12))  # the factory that closes its font file
    pdf_signer = signers.PdfSigner(signers.PdfSignatureMetadata(field_name=f"Ky_{target.stem}", md_algorithm="sha256"),
                                   signer=signer, stamp_style=style,
                                   new_field_spec=fields.SigFieldSpec(f"Ky_{target.stem}", on_page=0, box=box))
    with source.open("rb") as inf, target.open("wb") as out:
        pdf_signer.sign_pdf(IncrementalPdfFileWriter(inf), output=out)


def test_lookalike_signature_over_the_number_is_refused(signed_pdf: Path, tmp_path: Path) -> None:
    own = keys.certificate()
    lookalike = signing.create_self_signed("03985", "Xã Chiềng Sơn")  # same CN, O and UID, another key
    assert {k: lookalike.subject[k] for k in ("CN", "O", "UID")} == {k: own.subject[k] for k in ("CN", "O", "UID")}
    x0, y0, x1, y1 = _word_box(signed_pdf, "01/BC-UBND")
    forged = tmp_path / "forged.pdf"
    _sign_again(signed_pdf, forged, lookalike, (round(x0) - 30, round(y0) - 4, round(x1) + 10, round(y1) + 4),
                "Số: 99/BC-UBND", tmp_path)
    assert "99/BC-UBND" in poppler.text(forged)  # the stamp shows the new number over the old one

    check = reports.verify(forged)
    assert not check.ok and len(check.signatures) == 2
    first, second = check.signatures
    assert first.valid and first.modification == "form_filling"  # why checking the first alone passed it
    assert second.intact and not second.trusted and second.coverage == "entire_file" and second.page == 1
    assert second.signer == first.signer and second.fingerprint != first.fingerprint
    vi, en = check.problems[-1]
    assert vi.startswith("Sau chữ ký của UBND Xã Chiềng Sơn, mã 03985, tệp được thêm chữ ký thứ 2 của UBND Xã "
                         "Chiềng Sơn, mã 03985 (chứng thư không tin cậy") and vi.endswith("có hình hiển thị trên trang 1.")
    assert "signature no. 2 by UBND Xã Chiềng Sơn, code 03985 (untrusted certificate" in en

    data = paths.data_dir()
    out = run_cli(data, "verify", str(forged))
    assert out.returncode == 1 and out.stdout.startswith("KHÔNG HỢP LỆ") and "chữ ký thứ 2 của UBND" in out.stdout
    assert "Chữ ký 2: UBND Xã Chiềng Sơn, mã 03985 — khớp nội dung, KHÔNG tin cậy" in out.stdout
    out_en = run_cli(data, "--lang", "en", "verify", str(forged), "--json")
    report = json.loads(out_en.stdout)
    assert out_en.returncode == 1 and report["valid"] is False and report["signatures"][1]["trusted"] is False
    assert any("signature no. 2 by UBND Xã Chiềng Sơn" in p for p in report["problems"])
    assert run_cli(data, "verify", str(signed_pdf)).returncode == 0


def test_second_trusted_signature_verifies(bare_db, signed_pdf: Path, tmp_path: Path) -> None:  # noqa: ANN001
    organisation = signing.create_self_signed("03985", "Xã Chiềng Sơn")  # e.g. the organisation's seal key
    cosigned = tmp_path / "cosigned.pdf"
    _sign_again(signed_pdf, cosigned, organisation, (60, 60, 260, 120), "Đóng dấu: UBND xã", tmp_path)
    assert not reports.verify(cosigned).ok  # not trusted yet
    org_pem = tmp_path / "to_chuc.pem"
    org_pem.write_bytes(signing.pem(organisation.chain[0]))
    per_run = run_cli(paths.data_dir(), "verify", str(cosigned), "--trust", str(org_pem))
    assert per_run.returncode == 0 and "Chữ ký 2: UBND Xã Chiềng Sơn, mã 03985 — khớp nội dung, tin cậy" in per_run.stdout
    assert not paths.trust_dir().is_dir() or not list(paths.trust_dir().glob("*.pem"))  # --trust is not stored
    assert run_cli(paths.data_dir(), "verify", str(cosigned)).returncode == 1
    keys.trust(bare_db, org_pem.read_bytes())
    check = reports.verify(cosigned)
    assert check.ok and not check.problems, check.problems
    assert [s.modification for s in check.signatures] == ["form_filling", "none"]
    assert [s.coverage for s in check.signatures] == ["entire_revision", "entire_file"]
    assert "Total document signed" in poppler.run("pdfsig", cosigned).split("Signature #2")[1]


def test_appended_annotation_is_named(signed_pdf: Path, tmp_path: Path) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    with signed_pdf.open("rb") as fh:
        writer = IncrementalPdfFileWriter(fh)
        page_ref, _ = writer.find_page_for_modification(0)
        note = writer.add_object(generic.DictionaryObject({
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
            generic.NameObject("/Rect"): generic.ArrayObject([generic.NumberObject(v) for v in (80, 700, 300, 730)]),
            generic.NameObject("/Contents"): generic.TextStringObject("Số: 99/BC-UBND"),
            generic.NameObject("/DA"): generic.TextStringObject("/Helv 12 Tf 0 g")}))
        page = page_ref.get_object()
        old = page.get("/Annots", generic.ArrayObject())
        page[generic.NameObject("/Annots")] = generic.ArrayObject([*(old.raw_get(i) for i in range(len(old))), note])
        writer.update_container(page)
        buf = io.BytesIO()
        writer.write(buf)
    annotated = tmp_path / "annotated.pdf"
    annotated.write_bytes(buf.getvalue())
    check = reports.verify(annotated)
    assert not check.ok and check.intact and check.trusted and not check.unmodified
    assert check.problems == [(
        "Sau chữ ký của UBND Xã Chiềng Sơn, mã 03985, tệp bị sửa mà không có chữ ký nào: thêm chú thích FreeText "
        "trên trang 1.",
        "After the signature of UBND Xã Chiềng Sơn, code 03985, the file was changed without any signature: "
        "FreeText annotation added on page 1.")]
    # pdfsig, independently: the honest file is whole and valid; the annotated one is not wholly signed.
    honest = poppler.run("pdfsig", signed_pdf)
    assert "Signature is Valid." in honest and "Total document signed" in honest
    assert "Not total document signed" in poppler.run("pdfsig", annotated)


def test_cms_needs_every_signer_trusted(data_dir: Path, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs7

    own = signing.create_self_signed("03985", "Xã Chiềng Sơn")
    lookalike = signing.create_self_signed("03985", "Xã Chiềng Sơn")
    data = tmp_path / "bao_cao.xlsx"
    data.write_bytes(b"PK\x03\x04 workbook bytes")
    options = [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]

    def cms(*signers: signing.KeyMaterial, extra: tuple = ()) -> Path:
        builder = pkcs7.PKCS7SignatureBuilder().set_data(data.read_bytes())
        for m in signers:
            builder = builder.add_signer(m.cert, m.key, hashes.SHA256()).add_certificate(m.chain[0])
        for cert in extra:
            builder = builder.add_certificate(cert)
        target = tmp_path / "bao_cao.xlsx.p7s"
        target.write_bytes(builder.sign(serialization.Encoding.DER, options))
        return target

    trusted = [signing.pem(own.chain[0])]
    two = cms(own, lookalike)
    check = signing.verify_detached(data, two, trusted)
    assert not check.ok and sorted(s.trusted for s in check.signatures) == [False, True]  # DER sorts the signers
    bad = next(s for s in check.signatures if not s.trusted)
    assert bad.fingerprint == signing.fingerprint(lookalike.cert.public_bytes(serialization.Encoding.DER))
    assert any(f"người ký thứ {bad.index} (UBND Xã Chiềng Sơn, mã 03985)" in vi for vi, _en in check.problems)
    assert signing.verify_detached(data, two, [*trusted, signing.pem(lookalike.chain[0])]).ok
    # The commune's own certificates carried inside do not make a look-alike signer trusted.
    carried = cms(lookalike, extra=(own.cert, own.chain[0]))
    assert not signing.verify_detached(data, carried, trusted).ok
    assert signing.verify_detached(data, cms(own, extra=(lookalike.cert,)), trusted).ok
