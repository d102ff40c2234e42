"""Two signatures as Nghị định 30/2020, Phụ lục I lays them out: the chairman's handwritten signature
(blue, transparent PNG) centred between "CHỦ TỊCH" and his name, signed with his token; the commune's
red seal at its real size over the left third of it, with the organisation's name and the signing
time, signed with the commune's key. Positions checked from the field rectangles and pdftotext's
word boxes, colours from the page rendered by pdftoppm (kept in /tmp/sig14/ to look at)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import poppler
import pytest
import softhsm
import stamp_images

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import stamps
from papi_desktop.services import keys, reports, setup, tokens

TODAY = date(2026, 6, 5)
PASS = "ba-con-meo-tren-doi-2026"
MM = 72 / 25.4
LOOK = Path("/tmp/sig14")


@pytest.fixture
def signed(bare_db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001, ANN201
    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    chairman = softhsm.make_token(tmp_path / "hsm", monkeypatch)
    keys.trust(bare_db, chairman.ca_pem)
    images = (stamp_images.signature_png(tmp_path / "chu_ky.png"), stamp_images.seal_png(tmp_path / "con_dau.png"))
    options = reports.SignOptions(PASS, seal_png=images[1], signature_png=images[0],
                                  token=tokens.TokenOptions(chairman.label, chairman.pin, Path(chairman.module)))
    request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=TODAY), TODAY)
    return reports.export(bare_db, request, tmp_path / "out", options, TODAY), chairman


def _fields(pdf: Path) -> dict[str, tuple[int, tuple[float, float, float, float]]]:
    """Each signature field: its 1-based page and rectangle (PDF points, origin bottom-left)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    from papi_desktop.exports import verify

    with pdf.open("rb") as fh:
        reader = PdfFileReader(fh, strict=False)
        pages = verify._page_refs(reader)
        return {sig.field_name: (verify._stamp_page(sig, reader, pages)[1], tuple(float(v) for v in
                                                                               sig.sig_field["/Rect"]))
                for sig in reader.embedded_signatures}


def _words(pdf: Path, page: int) -> list[tuple[str, tuple[float, float, float, float]]]:
    html = poppler.run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-")
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    return [(w, (float(a), height - float(d), float(c), height - float(b))) for a, b, c, d, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_person_then_organisation_as_decree_30_lays_them_out(signed) -> None:  # noqa: ANN001
    result, _chairman = signed
    pdf = result.files[0]
    assert result.roles == ["person", "organisation"] and result.notes == []
    fields = _fields(pdf)
    (page, person), (org_page, org) = fields["ChuKySo_NguoiKy"], fields["ChuKySo_CoQuan"]
    assert page == org_page
    words = _words(pdf, page)
    title = next(box for w, box in words if w == "TỊCH")  # "CHỦ TỊCH", the line above the signature
    name = next(box for w, box in words if w == "Minh")  # "Lò Văn Minh", the line under it
    # the signature image: centred between the title line and the name, and on the signer's column
    gap_above, gap_below = title[1] - person[3], person[1] - name[3]
    assert gap_above > 0 and gap_below > 0 and abs(gap_above - gap_below) < 4, (title, person, name)
    column_centre = (next(b for w, b in words if w == "TM.")[0] + next(b for w, b in words if w == "DÂN")[2]) / 2
    assert abs((person[0] + person[2]) / 2 - column_centre) < 6
    # the seal: real size (35 mm, from the scan's 300 dpi), a third over the signature on the left
    seal_w = 35 * MM
    assert org[0] < person[0] and org[3] - org[1] >= seal_w - 1
    seal_right = org[0] + seal_w
    covered = (seal_right - person[0]) / (person[2] - person[0])
    assert 0.25 <= covered <= 0.45, covered
    # no text of the page under either image (the organisation's own text is its appearance)
    appearance = {"UBND", "Xã", "Chiềng", "Sơn"} | {w for w, _b in words if w.endswith("+07:00")}
    for w, box in words:
        if w in appearance and _overlap(box, org):
            continue
        assert not _overlap(box, person) and not _overlap(box, org), (w, box)
    assert any(w.endswith("+07:00") and _overlap(b, org) for w, b in words)  # ISO 8601 with Vietnam's offset
    # what a person sees: blue ink in the signature box, red seal left of it (pdftoppm at 80 dpi)
    LOOK.mkdir(exist_ok=True)
    shutil.copy(pdf, LOOK / "hai_chu_ky.pdf")
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(page), "-l", str(page), "-singlefile", pdf,
                    str(LOOK / "hai_chu_ky")], check=True, timeout=60)
    from PIL import Image

    with Image.open(LOOK / "hai_chu_ky.png") as img:
        rgb = img.convert("RGB")
        height = rgb.height
        scale = 80 / 72

        def pixels(box: tuple) -> list[tuple[int, int, int]]:
            x0, y0, x1, y1 = (round(box[0] * scale), round(height - box[3] * scale), round(box[2] * scale),
                              round(height - box[1] * scale))
            return [rgb.getpixel((x, y)) for x in range(x0, x1) for y in range(y0, y1)]

        right_part = (person[0] + (person[2] - person[0]) * 0.5, person[1], person[2], person[3])
        assert any(b > 120 and r < 90 and g < 110 for r, g, b in pixels(right_part)), "no blue signature"
        seal_box = (org[0], org[1], seal_right, org[3])
        assert any(r > 170 and g < 90 and b < 90 for r, g, b in pixels(seal_box)), "no red seal"
        reds = [x for x in range(rgb.width) for y in range(0, height, 2)
                if (lambda p: p[0] > 170 and p[1] < 90 and p[2] < 90)(rgb.getpixel((x, y)))]
        assert abs((max(reds) - min(reds)) - 35 / 25.4 * 80) < 4  # the seal printed at 35 mm, its real size
    check = reports.verify(pdf)
    assert check.ok, check.problems
    shown = next(w for w, b in words if w.endswith("+07:00") and _overlap(b, org))
    assert shown == check.signatures[1].signing_time  # the stamp shows the time the signature claims
    assert "Total document signed" in poppler.run("pdfsig", pdf).split("Signature #2")[1]


def test_images_are_checked(tmp_path: Path) -> None:
    assert stamps.check_image(stamp_images.signature_png(tmp_path / "a.png")) == (600, 260)
    assert stamps.check_image(stamp_images.seal_png(tmp_path / "s.png"), "seal")
    assert abs(stamps.seal_size(tmp_path / "s.png")[0] - 35 * MM) < 1
    with pytest.raises(KnownError) as err:
        stamps.check_image(stamp_images.opaque_png(tmp_path / "o.png"))
    assert "nền trong suốt" in err.value.vi
    (tmp_path / "x.png").write_bytes(b"not an image")
    with pytest.raises(KnownError) as err:
        stamps.check_image(tmp_path / "x.png", "seal")
    assert "Không đọc được ảnh con dấu" in err.value.vi
    with pytest.raises(KnownError) as err:
        stamps.check_image(stamp_images.signature_png(tmp_path / "big.png", (5000, 2000)))
    assert "không hợp lý" in err.value.vi


def _nss(folder: Path, *pems: bytes) -> str:
    nss = folder / "nssdb"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, timeout=60)
    for i, pem in enumerate(pems):
        cert = folder / f"anchor{i}.pem"
        cert.write_bytes(pem)
        subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", f"a{i}", "-t", "C,C,C", "-i", cert], check=True,
                       timeout=60)
    return f"sql:{nss}"


def test_each_signature_is_reported_and_checked_independently(signed, tmp_path: Path) -> None:  # noqa: ANN001
    from cli_runner import run_cli

    from papi_desktop import paths

    result, chairman = signed
    pdf, xlsx, p7s = result.files
    check = reports.verify(pdf)
    assert check.ok and not check.notes
    person, org = check.signatures
    assert (person.role, org.role) == ("person", "organisation")
    assert person.signer["CN"] == "Lò Văn Minh" and "CA thử nghiệm" in person.chain[0]
    assert org.signer["UID"] == "03985" and org.chain[0].startswith("Common Name: Chứng thư gốc UBND Xã Chiềng Sơn")
    assert person.signing_time.endswith("+07:00") and org.signing_time.endswith("+07:00")
    assert (person.modification, org.coverage) == ("form_filling", "entire_file")
    out = run_cli(paths.data_dir(), "verify", str(pdf))
    assert out.returncode == 0 and out.stdout.startswith("HỢP LỆ"), out.stdout
    assert "Chữ ký 1: Lò Văn Minh — khớp nội dung, tin cậy" in out.stdout and "vai trò: người có thẩm quyền" in out.stdout
    assert "Chữ ký 2: UBND Xã Chiềng Sơn, mã 03985 — khớp nội dung, tin cậy" in out.stdout
    assert "vai trò: cơ quan, tổ chức" in out.stdout and "Chuỗi chứng thư: " in out.stdout
    # without the chairman's CA the whole document is not valid, though the seal's signature is
    for anchor in paths.trust_dir().glob("*.pem"):
        if anchor.read_bytes() == chairman.ca_pem:
            anchor.unlink()
    untrusted = reports.verify(pdf)
    assert not untrusted.ok and not untrusted.signatures[0].trusted and untrusted.signatures[1].trusted
    # independently: pdfsig with both anchors in NSS; openssl for the workbook signed by the organisation
    sig = poppler.run("pdfsig", "-nssdir", _nss(tmp_path, chairman.ca_pem, keys.anchor_pem()), pdf)
    assert sig.count("Signature is Valid.") == 2 and sig.count("Certificate is Trusted.") == 2
    assert "Total document signed" in sig.split("Signature #2")[1]
    commune = tmp_path / "xa.pem"
    commune.write_bytes(keys.anchor_pem())
    proc = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s, "-content", xlsx,
                           "-CAfile", commune, "-purpose", "smimesign", "-out", "/dev/null"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and "Verification successful" in proc.stderr
    assert reports.verify(xlsx).signatures[0].role == "organisation"


def test_commune_key_alone_is_said_plainly(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    from papi_desktop.exports import cosign

    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=TODAY), TODAY)
    result = reports.export(bare_db, request, tmp_path / "out", reports.SignOptions(PASS), TODAY)
    assert result.roles == ["organisation"] and result.notes == [cosign.ONLY_ORGANISATION]
    check = reports.verify(result.files[0])
    assert check.ok and check.notes and "không có chữ ký số của người có thẩm quyền" in check.notes[0][0]


def test_attachment_in_a_separate_file_is_signed_by_the_organisation(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    import datetime as dt

    from papi_desktop import paths
    from papi_desktop.exports import cosign

    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=TODAY), TODAY)
    unsigned = reports.export(bare_db, request, tmp_path / "plain", None, TODAY).files[0]
    target = tmp_path / "phu_luc_ky.pdf"
    when = dt.datetime(2026, 6, 5, 2, 15, 30, tzinfo=dt.UTC)
    cosign.sign_attachment(unsigned, target, keys.load(PASS), "Số: 01/BC-UBND", paths.cache_dir(), when)
    fields = _fields(target)
    page, rect = fields[cosign.ATTACHMENT_FIELD]
    assert page == 1
    width, height = 595.27, 841.89  # A4
    assert rect[3] <= height - 5 * MM and rect[1] >= height - 20 * MM  # in the top margin
    assert abs(rect[2] - (width - 15 * MM)) < 1.5  # flush with the right margin
    words = _words(target, 1)
    inside = [(w, b) for w, b in words if _overlap(b, rect)]
    assert [w for w, _b in inside] == ["Số:", "01/BC-UBND", "2026-06-05T09:15:30+07:00"]
    header = next(b for w, b in words if w == "01/BC-UBND" and not _overlap(b, rect))  # "Số: 01/BC-UBND", 13 pt
    assert all(abs((b[3] - b[1]) / (header[3] - header[1]) - 10 / 13) < 0.03 for _w, b in inside)  # 10 pt text
    check = reports.verify(target)
    assert check.ok and check.signatures[0].role == "organisation" and check.signatures[0].page == 1
    LOOK.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", target,
                    str(LOOK / "dinh_kem")], check=True, timeout=60)
    assert "Signature is Valid." in poppler.run("pdfsig", target)


def test_appendices_apart_are_an_attachment_signed_by_the_organisation(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    from cli_runner import run_cli

    from papi_desktop import paths
    from papi_desktop.exports import cosign

    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    out = run_cli(paths.data_dir(), "report", "export", "--kind", "papi-6m", "--period", "2026-H1", "--issued",
                  "2026-06-05", "--out", str(tmp_path / "out"), "--sign", "--passphrase-env", "PAPI_PASS",
                  "--appendices-apart", "--json", PAPI_PASS=PASS)
    assert out.returncode == 0, out.stderr
    files = [Path(f) for f in __import__("json").loads(out.stdout)["files"]]
    main, apart = files[0], files[-1]
    assert apart.name.endswith("_phu_luc.pdf") and len(files) == 4
    assert "PHỤ LỤC" not in poppler.text(main) and "PHỤ LỤC" in poppler.text(apart)
    assert reports.verify(main).ok
    check = reports.verify(apart)
    assert check.ok and check.signatures[0].field_name == cosign.ATTACHMENT_FIELD
    first = " ".join(poppler.run("pdftotext", "-f", "1", "-l", "1", apart, "-").split())
    assert first.startswith("Số: 01/BC-UBND 20") and first.split()[2].endswith("+07:00")


def test_export_uses_the_images_kept_in_settings(bare_db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from papi_desktop.services import sign_images

    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    chairman = softhsm.make_token(tmp_path / "hsm", monkeypatch)
    keys.trust(bare_db, chairman.ca_pem)
    sign_images.set_seal(bare_db, stamp_images.seal_png(tmp_path / "dau.png"))
    sign_images.set_signature(bare_db, "Lò Văn Minh", stamp_images.signature_png(tmp_path / "ky.png"))
    seen: dict[str, object] = {}
    real = stamps.layout
    monkeypatch.setattr(stamps, "layout", lambda room, sig, seal: seen.update(sig=sig, seal=seal) or real(room, sig, seal))
    options = reports.SignOptions(PASS, token=tokens.TokenOptions(chairman.label, chairman.pin, Path(chairman.module)))
    request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=TODAY), TODAY)
    result = reports.export(bare_db, request, tmp_path / "out", options, TODAY)
    assert seen == {"sig": sign_images.signature("Lò Văn Minh"), "seal": sign_images.seal()}
    assert reports.verify(result.files[0]).ok


def test_deputy_signs_for_the_chairman(bare_db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from papi_desktop.services import sign_images

    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    deputy = softhsm.make_token(tmp_path / "hsm", monkeypatch, label="PHO-CHU-TICH", name="Cầm Thị Hoa",
                                cert_label="pho-chu-tich")
    keys.trust(bare_db, deputy.ca_pem)
    sign_images.set_signature(bare_db, "Cầm Thị Hoa", stamp_images.signature_png(tmp_path / "ky.png"))
    options = reports.SignOptions(PASS, token=tokens.TokenOptions(deputy.label, deputy.pin, Path(deputy.module)))
    request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=TODAY), TODAY,
                                    deputy=True)
    pdf = reports.export(bare_db, request, tmp_path / "out", options, TODAY).files[0]
    page, person = _fields(pdf)["ChuKySo_NguoiKy"]
    words = _words(pdf, page)
    text = " ".join(w for w, _b in words)
    assert "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text and "Cầm Thị Hoa" in text
    title = [b for w, b in words if w == "TỊCH"][-1]  # "PHÓ CHỦ TỊCH", the line above the signature
    name = next(b for w, b in words if w == "Hoa")
    assert name[3] < person[1] < person[3] < title[1]
    check = reports.verify(pdf)
    assert check.ok and check.signatures[0].signer["CN"] == "Cầm Thị Hoa"
