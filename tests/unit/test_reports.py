"""Official reports checked with independent tools: poppler (pdfinfo, pdffonts, pdftotext, pdfsig),
openssl cms, openpyxl; tampered files must fail verification; numbers are never reused."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import poppler
import pytest
from cli_runner import run_cli
from openpyxl import load_workbook

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import keys, reports, setup

TODAY = date(2026, 6, 5)
PASS = "mat-khau-xa-2026"


@pytest.fixture
def demo(bare_db):  # noqa: ANN001, ANN201
    """The demo commune: the seed 000 plan with progress, visits, petitions, disclosures; a signing key."""
    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    return bare_db


def _export(db, tmp_path: Path, kind: str = "papi-6m", period: str = "2026-H1", sign: bool = True,  # noqa: ANN001
            number: int | None = None) -> reports.ExportResult:
    request = reports.ExportRequest(kind, reports.resolve_period(kind, period, today=TODAY), TODAY, number)
    return reports.export(db, request, tmp_path / "out", reports.SignOptions(PASS) if sign else None, TODAY)


def test_papi_report_layout_fonts_text_and_signatures(demo, tmp_path: Path) -> None:  # noqa: ANN001
    result = _export(demo, tmp_path)
    pdf, xlsx, p7s = result.files
    assert (pdf.suffix, xlsx.suffix, p7s.name) == (".pdf", ".xlsx", xlsx.name + ".p7s") and result.signed
    assert poppler.page_size(pdf).endswith("(A4)")
    used = poppler.fonts(pdf)
    assert used and all(f["emb"] == "yes" for f in used), used
    first = " ".join(poppler.run("pdftotext", "-f", "1", "-l", "1", pdf, "-").split())
    for expected in ("ỦY BAN NHÂN DÂN XÃ CHIỀNG SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Số: 01/BC-UBND", "Chiềng Sơn, ngày 05 tháng 6 năm 2026", "BÁO CÁO",
                     "1. Nội dung “Tham gia của người dân ở cấp cơ sở”"):
        assert expected in first, expected
    whole = " ".join(poppler.text(pdf).split())
    for expected in ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lò Văn Minh", "PHỤ LỤC",
                     "(Kèm theo Báo cáo số 01/BC-UBND ngày 05/06/2026 của UBND xã Chiềng Sơn)",
                     "Kế hoạch số 22/KH-UBND ngày 02/03/2026", "đã tiếp 04 lượt với 11 công dân"):
        assert expected in whole, expected
    assert first.split()[0] != "1"  # the first page carries no page number
    assert poppler.run("pdftotext", "-f", "2", "-l", "2", pdf, "-").split()[0] == "2"
    sig = poppler.run("pdfsig", pdf)
    assert "Signature is Valid." in sig and "Total document signed" in sig and "CN=UBND Xã Chiềng Sơn" in sig
    cert = tmp_path / "xa.pem"
    cert.write_bytes(keys.anchor_pem())
    nss = tmp_path / "nssdb"  # the province's verifier: pdfsig with the commune's certificate trusted
    nss.mkdir()
    assert shutil.which("certutil"), "certutil (libnss3-tools) is not installed: apt-get install libnss3-tools"
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, timeout=60)
    subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", "xa", "-t", "C,C,C", "-i", cert], check=True,
                   timeout=60)
    assert "Certificate is Trusted." in poppler.run("pdfsig", "-nssdir", f"sql:{nss}", pdf)
    proc = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s, "-content", xlsx,
                           "-CAfile", cert, "-purpose", "smimesign", "-out", os.devnull], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and "Verification successful" in proc.stderr
    for path in (pdf, xlsx):
        check = reports.verify(path)
        assert check.ok and check.signer["UID"] == "03985" and check.signing_time.endswith("+07:00"), check.as_json()


def test_margins_follow_decree_30(demo, tmp_path: Path) -> None:  # noqa: ANN001
    pdf = _export(demo, tmp_path, sign=False).files[0]
    html = poppler.run("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-")
    import re

    boxes = [tuple(float(v) for v in m) for m in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
    mm = 72 / 25.4
    assert min(b[0] for b in boxes) >= 30 * mm - 0.5  # left 30 mm
    assert max(b[2] for b in boxes) <= 595.3 - 15 * mm + 0.5  # right 15 mm
    assert min(b[1] for b in boxes) >= 20 * mm - 0.5  # top 20 mm


def test_excel_reloads_with_print_setup(demo, tmp_path: Path) -> None:  # noqa: ANN001
    result = _export(demo, tmp_path, "reception-book", "2026", sign=False)
    book = load_workbook(result.files[1])
    assert book.sheetnames == ["Văn bản", "Sổ tiếp công dân"]
    sheet = book["Sổ tiếp công dân"]
    assert [c.value for c in sheet[1]][:4] == ["STT", "Ngày tiếp", "Họ tên, địa chỉ", "CCCD/Hộ chiếu"]
    assert sheet.cell(2, 1).value == 1 and isinstance(sheet.cell(4, 7).value, int)  # numbers stay numbers
    assert sheet.cell(2, 3).font.name == "Times New Roman"
    assert sheet.print_title_rows == "$1:$1" and sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert round(sheet.page_margins.left, 2) == 1.18 and int(sheet.page_setup.paperSize) == 9  # A4
    assert not result.number_ref  # a register takes no number


def test_tampered_files_fail_verification(demo, tmp_path: Path) -> None:  # noqa: ANN001
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf, xlsx, p7s = _export(demo, tmp_path).files
    appended = tmp_path / "appended.pdf"
    with pdf.open("rb") as fh:
        writer = IncrementalPdfFileWriter(fh)
        writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=b"1 0 0 rg 90 90 300 60 re f")))
        out = io.BytesIO()
        writer.write(out)
    appended.write_bytes(out.getvalue())
    # pdfsig alone still calls the signature valid; pyHanko's modification analysis does not.
    assert "Not total document signed" in poppler.run("pdfsig", appended)
    check = reports.verify(appended)
    assert not check.ok and check.intact and check.modification == "other"
    flipped = tmp_path / "flipped.pdf"
    raw = bytearray(pdf.read_bytes())
    raw[2000] ^= 0x01
    flipped.write_bytes(bytes(raw))
    assert not reports.verify(flipped).intact
    changed = tmp_path / xlsx.name
    data = bytearray(xlsx.read_bytes())
    data[-10] ^= 0x01
    changed.write_bytes(bytes(data))
    shutil.copyfile(p7s, tmp_path / p7s.name)
    assert not reports.verify(changed).ok
    cert = tmp_path / "xa.pem"
    cert.write_bytes(keys.anchor_pem())
    proc = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", tmp_path / p7s.name,
                           "-content", changed, "-CAfile", cert, "-purpose", "smimesign", "-out", os.devnull],
                          capture_output=True, timeout=60)
    assert proc.returncode != 0
    (tmp_path / "alone.xlsx").write_bytes(xlsx.read_bytes())
    assert "Không có tệp chữ ký" in reports.verify(tmp_path / "alone.xlsx").problems[0][0]


def test_numbers_are_never_reused(demo, tmp_path: Path) -> None:  # noqa: ANN001
    assert _export(demo, tmp_path, "petitions", "2026-H1", sign=False, number=7).number_ref == "07/BC-UBND"
    with pytest.raises(KnownError, match="Số 07 năm 2026 đã được dùng"):
        _export(demo, tmp_path, "petitions", "2026-H1", sign=False, number=7)
    blocked = tmp_path / "not_a_folder"
    blocked.write_text("x")
    request = reports.ExportRequest("disclosures", reports.resolve_period("disclosures", "2026-Q1"), TODAY)
    with pytest.raises(OSError):
        reports.export(demo, request, blocked, None, TODAY)  # number 08 taken, export failed: withdrawn
    register = {i.number_ref: i for i in reports.register(demo, 2026)}
    assert register["08/TB-UBND"].status == "cancelled" and register["07/BC-UBND"].status == "issued"
    assert reports.next_number(demo, 2026) == 9
    with pytest.raises(KnownError, match="Mật khẩu của tệp khóa không đúng"):
        reports.export(demo, request, tmp_path / "out", reports.SignOptions("sai-mat-khau"), TODAY)
    assert reports.next_number(demo, 2026) == 9  # a wrong passphrase takes no number
    assert not list((tmp_path / "out").glob("danh_muc*"))


def test_dialogue_minutes_and_disclosure_list(demo, tmp_path: Path) -> None:  # noqa: ANN001
    from papi_desktop.services import dialogues as ds

    did = ds.add_dialogue(demo, ds.DialogueInput(held_on=date(2026, 5, 20), title="Đối thoại với Nhân dân năm 2026",
                                                 place="Hội trường UBND xã", chair="Lò Văn Minh",
                                                 secretary="Quàng Văn Dũng", started_at="08:00", ended_at="11:00",
                                                 attendance={"Nhân dân": 85}))
    ds.add_issue(demo, did, ds.IssueInput("Đường nội bản xuống cấp", village="Bản Hin",
                                          answer="Sửa trong quý III"))
    request = reports.ExportRequest("dialogue-minutes", reports.resolve_period("dialogue-minutes", "2026-H1"), TODAY,
                                    dialogue_id=did)
    pdf = reports.export(demo, request, tmp_path / "out", None, TODAY).files[0]
    text = " ".join(poppler.text(pdf).split())
    for expected in ("BIÊN BẢN", "Số: 01/BB-UBND", "Thời gian bắt đầu: 08 giờ 00 phút, ngày 20 tháng 5 năm 2026", "Nhân dân: 85 người",
                     "một người dân (ẩn danh), Bản Hin: Đường nội bản xuống cấp", "THƯ KÝ", "CHỦ TRÌ",
                     "Quàng Văn Dũng"):
        assert expected in text, expected
    listing = " ".join(poppler.text(_export(demo, tmp_path, "disclosures", "2026-Q1", sign=False).files[0]).split())
    assert "THÔNG BÁO" in listing and "Danh mục thông tin đã công khai quý I năm 2026" in listing
    assert "Dự toán ngân sách xã năm" in listing and "09/01/2026" in listing  # the cell wraps beside others


def test_cli_export_and_verify(demo, tmp_path: Path) -> None:  # noqa: ANN001
    data = demo.path.parent

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(data, *args, PAPI_PASS=PASS)

    out = cli("report", "export", "--kind", "papi-year", "--period", "2026-Y", "--out", str(tmp_path / "cli"),
              "--sign", "--passphrase-env", "PAPI_PASS", "--json")
    assert out.returncode == 0, out.stderr
    written = json.loads(out.stdout)
    assert written["signed"] and written["number"] == "01/BC-UBND" and len(written["files"]) == 3
    good = cli("verify", written["files"][0], "--json")
    assert good.returncode == 0 and json.loads(good.stdout)["valid"] is True
    assert cli("verify", written["files"][1]).returncode == 0
    raw = bytearray(Path(written["files"][0]).read_bytes())
    raw[3000] ^= 0x01
    bad_file = tmp_path / "sua.pdf"
    bad_file.write_bytes(bytes(raw))
    bad = cli("verify", str(bad_file))
    assert bad.returncode == 1 and "KHÔNG HỢP LỆ" in bad.stdout
    no_pass = cli("report", "export", "--kind", "petitions", "--period", "2026", "--out", str(tmp_path / "x"),
                  "--sign", "--passphrase-env", "UNSET_VARIABLE")
    assert no_pass.returncode == 2 and "UNSET_VARIABLE" in no_pass.stderr


def test_seal_image_under_the_stamp(demo, tmp_path: Path) -> None:  # noqa: ANN001
    from PIL import Image, ImageDraw

    seal = tmp_path / "con_dau.png"
    img = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    ImageDraw.Draw(img).ellipse((10, 10, 230, 230), outline=(200, 0, 0, 255), width=12)
    img.save(seal)
    request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1"), TODAY)
    pdf = reports.export(demo, request, tmp_path / "out", reports.SignOptions(PASS, seal_png=seal), TODAY).files[0]
    assert reports.verify(pdf).ok and "Signature is Valid." in poppler.run("pdfsig", pdf)
    images = poppler.run("pdfimages", "-list", pdf)
    assert len(images.strip().splitlines()) >= 3  # header lines plus the seal (and its transparency mask)


def _killed_during(db, tmp_path: Path, kind: str, period: str, arm) -> None:  # noqa: ANN001
    """Export in a forked child that SIGKILLs itself where arm(die) puts die(): a real kill at an exact
    moment, after which nothing of the export's own clean-up runs."""
    import multiprocessing
    import signal

    def child() -> None:
        db.engine.dispose(close=False)  # the child's own SQLite connections, never the parent's
        arm(lambda: os.kill(os.getpid(), signal.SIGKILL))
        _export(db, tmp_path, kind, period)

    proc = multiprocessing.get_context("fork").Process(target=child)
    proc.start()
    proc.join(120)
    assert proc.exitcode == -signal.SIGKILL


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.startswith(".staging-") or p.suffix == ".part"
                  or p.name.endswith(".unsigned.pdf"))


def _journal(db) -> list[str]:  # noqa: ANN001
    from papi_desktop.services.export_staging import _entries

    with db.reader() as s:
        return list(_entries(s))


def test_a_failed_export_leaves_nothing_and_withdraws_its_number(demo, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from papi_desktop.exports import signing

    monkeypatch.setattr(signing, "sign_detached", lambda *_a: (_ for _ in ()).throw(RuntimeError("disk full")))
    with pytest.raises(RuntimeError):
        _export(demo, tmp_path, "petitions", "2026-H1")
    out = tmp_path / "out"
    assert list(out.iterdir()) == [] and _journal(demo) == []  # not even the signed PDF nor its unsigned copy
    assert [i.status for i in reports.register(demo, 2026)] == ["cancelled"]
    assert not list((demo.path.parent / "cache" / "locks").iterdir())


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")
def test_a_kill_between_renames_is_finished_at_the_next_start(demo, tmp_path: Path) -> None:  # noqa: ANN001
    from papi_desktop.services import export_staging

    def arm(die) -> None:  # noqa: ANN001
        real, moved = os.replace, []

        def replace(src, dst) -> None:  # noqa: ANN001
            if Path(dst).parent.name == "out":  # a move into the final folder (not a writer's own .part)
                if moved:
                    die()
                moved.append(dst)
            real(src, dst)

        export_staging.os.replace = replace  # in the child only

    _killed_during(demo, tmp_path, "papi-6m", "2026-H1", arm)
    out = tmp_path / "out"
    stem = "bao_cao_papi_2026-H1_so_01"
    assert [p.name for p in out.iterdir() if p.is_file()] == [f"{stem}.xlsx.p7s"]  # a signature first, never a file
    assert reports.register(demo)[0].status == "reserved" and _leftovers(out)
    assert export_staging.recover_unfinished(demo)
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"{stem}.pdf", f"{stem}.xlsx", f"{stem}.xlsx.p7s"]
    assert all(reports.verify(out / n).ok for n in names[:2])
    info = reports.register(demo)[0]
    assert info.status == "issued" and info.signed and sorted(info.files) == names and _journal(demo) == []
    assert not list((demo.path.parent / "cache" / "locks").iterdir())


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")
def test_a_kill_before_the_files_are_complete_is_undone_at_the_next_start(demo, tmp_path: Path) -> None:  # noqa: ANN001
    from papi_desktop.exports import xlsx_doc
    from papi_desktop.services import export_staging

    def arm(die) -> None:  # noqa: ANN001
        xlsx_doc.write_xlsx = lambda *_a: die()

    _killed_during(demo, tmp_path, "disclosures", "2026-Q1", arm)
    out = tmp_path / "out"
    assert not [p for p in out.iterdir() if p.is_file()] and _leftovers(out)  # its unsigned PDF, staged
    assert reports.register(demo)[0].status == "reserved"
    assert export_staging.recover_unfinished(demo)
    assert list(out.iterdir()) == [] and _journal(demo) == []
    assert reports.register(demo)[0].status == "cancelled" and reports.next_number(demo, 2026) == 2


def test_recovery_leaves_a_running_export_alone(demo, tmp_path: Path) -> None:  # noqa: ANN001
    """Another process is exporting (its lock is held): a second program starting must not touch it;
    once that process is gone, the next start removes its folder and withdraws its number."""
    from papi_desktop.services import export_staging

    request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026"), TODAY)
    running = export_staging.begin(tmp_path / "out")
    with demo.session() as s:
        running.doc_id = reports._reserve(s, request, "BC-UBND", "Báo cáo").id  # noqa: SLF001
        running.journal(s)
    running.dir.mkdir(parents=True)
    running.path("bao_cao.pdf.part").write_bytes(b"%PDF-1.4 half")
    assert export_staging.recover_unfinished(demo) == [] and running.dir.exists()
    assert reports.register(demo)[0].status == "reserved"
    export_staging.close(running)  # its process died
    out = run_cli(demo.path.parent, "report", "register", "--json")
    assert out.returncode == 0 and "việc dở dang" in out.stderr
    assert json.loads(out.stdout)[0]["status"] == "cancelled" and not running.dir.exists()


def test_two_exports_at_once_take_two_numbers(demo, tmp_path: Path) -> None:  # noqa: ANN001
    args = ["report", "export", "--kind", "petitions", "--period", "2026-H1", "--out", str(tmp_path / "out"),
            "--json"]
    procs = [subprocess.Popen([sys.executable, "-m", "papi_desktop", "--data-dir", str(demo.path.parent), *args],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
             for _ in range(2)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert [r[0] for r in results] == [0, 0], results
    assert sorted(json.loads(r[1])["number"] for r in results) == ["01/BC-UBND", "02/BC-UBND"]
    assert sorted(i.status for i in reports.register(demo, 2026)) == ["issued", "issued"]
    assert _leftovers(tmp_path / "out") == []


def _body(doc) -> str:  # noqa: ANN001
    return "\n".join(b.text for b in doc.blocks if hasattr(b, "text"))


def test_an_issued_document_says_one_period(demo, tmp_path: Path) -> None:  # noqa: ANN001
    """Issue 11 §1: the title, the period and the body agree; a narrative of another period is refused
    before a number is taken."""
    h1_2026 = reports.resolve_period("papi-6m", "2026-H1", today=TODAY)
    h1_2025 = reports.resolve_period("papi-6m", "2025-H1", today=TODAY)
    sections = reports.prefill(demo, reports.ExportRequest("papi-6m", h1_2026, TODAY), TODAY)
    wrong = reports.ExportRequest("papi-6m", h1_2025, TODAY, sections=sections, sections_period=h1_2026)
    with pytest.raises(KnownError, match="6 tháng đầu năm 2026"):
        reports.build(demo, wrong, TODAY)
    with pytest.raises(KnownError, match="lập lại nội dung"):
        reports.export(demo, wrong, tmp_path / "out", None, TODAY)
    assert reports.next_number(demo, 2026) == 1 and not (tmp_path / "out").exists()
    for period in (h1_2025, h1_2026):
        own = reports.prefill(demo, reports.ExportRequest("papi-6m", period, TODAY), TODAY)
        doc = reports.build(demo, reports.ExportRequest("papi-6m", period, TODAY, sections=own,
                                                        sections_period=period), TODAY)
        other = str(2025 if period is h1_2026 else 2026)
        assert doc.abstract.endswith(period.label) and period.label in _body(doc)
        assert f"năm {other}" not in doc.abstract + _body(doc)


def test_shortcomings_and_next_tasks_are_judged_at_the_period_end(demo) -> None:  # noqa: ANN001
    """Issue 11 §1: a report exported in December on the first half judges the tasks as they stood on
    31/5 (the half's end): a task due the day before is late, one due on the last day is not yet, one
    due after it is a next task, never a shortcoming. One item a line; no ";;", ":;", ";."."""
    from papi_desktop.services import plan

    info = plan.current_plan(demo, 2026)
    due = {"Nhiệm vụ hạn 30/5;": date(2026, 5, 30), "Nhiệm vụ hạn 31/5:": date(2026, 5, 31),
           "Nhiệm vụ hạn 01/6;": date(2026, 6, 1), "Nhiệm vụ hạn quý III.": date(2026, 9, 30)}
    for text, day in due.items():
        task_id = plan.add_task(demo, info.id, 2, task=text, deadline_text="")
        plan.add_milestone(demo, task_id, text, day)
    period = reports.resolve_period("papi-6m", "2026-H1", today=TODAY)
    december = date(2026, 12, 20)
    sections = reports.prefill(demo, reports.ExportRequest("papi-6m", period, december), december)
    limits, upcoming = sections["limits"].splitlines(), sections["next"].splitlines()
    assert any(line.endswith("Nhiệm vụ hạn 30/5.") for line in limits)
    assert not any("hạn 31/5" in line or "hạn 01/6" in line or "quý III" in line for line in limits)
    assert "- Nhiệm vụ hạn 01/6 (hạn 01/06/2026)." in upcoming
    assert "- Nhiệm vụ hạn quý III (hạn 30/09/2026)." in upcoming
    assert limits[0] == "Một số nhiệm vụ chưa hoàn thành đúng thời hạn:"
    assert all(line.startswith("- ") and line.endswith(".") for line in limits[1:] + upcoming)
    for text in sections.values():
        assert not any(bad in text for bad in (";;", ":;", ";.", ".;", ":.", "..")), text
    # The year's report is judged at 30/11 whatever the export day.
    year = reports.resolve_period("papi-year", "2026-Y", today=TODAY)
    same = reports.prefill(demo, reports.ExportRequest("papi-year", year, december), december)
    assert same == reports.prefill(demo, reports.ExportRequest("papi-year", year, december), date(2027, 3, 1))


def test_no_law_before_it_took_effect_and_no_plan_said_plainly(demo) -> None:  # noqa: ANN001
    """Issue 11 §1: a 2021 report does not score disclosures against Luật 10/2022 (in force 01/7/2023,
    the date read from the disclosure rules); a period with no plan says so, never that the tasks due
    were carried out as planned."""
    from papi_desktop.services import report_content

    assert report_content.democracy_law_from() == date(2023, 7, 1)
    old = reports.resolve_period("papi-6m", "2021-H1", today=TODAY)
    sections = reports.prefill(demo, reports.ExportRequest("papi-6m", old, TODAY), TODAY)
    text = "\n".join(sections.values())
    assert "Luật Thực hiện dân chủ" not in text and "theo kế hoạch" not in text and "Thực hiện Kế hoạch" not in text
    assert sections["limits"].startswith("Chưa có Kế hoạch cải thiện Chỉ số PAPI năm 2021")
    assert "6 tháng đầu năm 2021" in sections["intro"]
    listing = reports.build(demo, reports.ExportRequest("disclosures", old, TODAY), TODAY)
    assert "Luật Thực hiện dân chủ" not in _body(listing)
    new = reports.resolve_period("papi-6m", "2026-H1", today=TODAY)
    now = reports.prefill(demo, reports.ExportRequest("papi-6m", new, TODAY), TODAY)
    assert "theo Luật Thực hiện dân chủ ở cơ sở đến ngày 31/05/2026" in now["dim2"]
    assert now["intro"].startswith("Thực hiện Kế hoạch")


def test_zero_is_written_as_the_province_writes_it(db) -> None:  # noqa: ANN001
    """Issue 11 §1: "không có …" as seed 002 writes it, never "00 lượt với 00 công dân" or "00 đơn"."""
    import re

    from papi_desktop.services import report_content
    from papi_desktop.services.reception import Counts, ReceptionStats, statistics_paragraph

    period = reports.resolve_period("papi-6m", "2026-H1", today=TODAY)
    for kind in ("papi-6m", "petitions"):
        doc = reports.build(db, reports.ExportRequest(kind, period, TODAY), TODAY)
        body = _body(doc)
        assert "không có lượt tiếp công dân." in body and "Không có đơn tiếp nhận trong kỳ." in body
        assert not re.search(r"\b00\b", body), body
    stats = {"received": 5, "by_class": {"khieu_nai": 0, "to_cao": 0, "kien_nghi": 5}, "processed": 2,
             "guided_or_returned": 0, "forwarded": 2, "accepted": 0, "resolved": 0, "pending": 3, "overdue": 0}
    assert report_content._petition_sentence(stats) == (
        "Tiếp nhận 05 đơn trong đó 05 đơn kiến nghị, phản ánh, không có đơn khiếu nại, tố cáo. Xử lý 02 đơn gồm: "
        "chuyển đến các cơ quan có thẩm quyền 02 đơn. Đang giải quyết 03 đơn.")
    st = ReceptionStats(date(2026, 1, 1), date(2026, 5, 31), Counts(3, 4), Counts(0, 0), Counts(3, 4), {})
    assert statistics_paragraph(st) == (
        "Tính từ ngày 01/01/2026 đến ngày 31/05/2026, đã tiếp 03 lượt với 04 công dân không có đoàn đông người. "
        "Không có lượt tiếp thường xuyên. Tiếp định kỳ, đột xuất của lãnh đạo UBND xã: Tiếp 03 lượt với 04 công "
        "dân không có đoàn đông người.")


def test_the_issue_date_is_checked(demo, tmp_path: Path) -> None:  # noqa: ANN001
    """Issue 11 §1: a period report is not issued before its period's end; a number is not dated before
    a number already taken that year (nor, chosen by hand, after a higher one). Nothing is numbered."""
    h1 = reports.resolve_period("petitions", "2026-H1", today=TODAY)

    def export(day: date, number: int | None = None, kind: str = "petitions") -> reports.ExportResult:
        request = reports.ExportRequest(kind, h1, day, number)
        return reports.export(demo, request, tmp_path / "out", None, day)

    with pytest.raises(KnownError, match=r"trước ngày kết thúc kỳ báo cáo \(31/05/2026\)") as e:
        export(date(2026, 5, 30))
    assert "before the end of the period" in e.value.en
    assert export(date(2026, 5, 31)).number_ref == "01/BC-UBND"  # the last day of the period is allowed
    assert export(date(2026, 6, 10), number=5).number_ref == "05/BC-UBND"
    with pytest.raises(KnownError, match=r"trước ngày của số 05/BC-UBND đã cấp \(10/06/2026\)"):
        export(date(2026, 6, 9))
    with pytest.raises(KnownError, match=r"sau ngày của số 05/BC-UBND \(10/06/2026\)"):
        export(date(2026, 6, 11), number=3)
    assert export(date(2026, 6, 1), number=3).number_ref == "03/BC-UBND"  # between 01 (31/5) and 05 (10/6)
    assert export(date(2026, 6, 10)).number_ref == "06/BC-UBND"  # the same day as the last is allowed
    assert [i.number_ref for i in reports.register(demo, 2026)] == ["06/BC-UBND", "05/BC-UBND", "03/BC-UBND",
                                                                    "01/BC-UBND"]
    cli = run_cli(demo.path.parent, "report", "export", "--kind", "papi-6m", "--period", "2026-H1", "--issued",
                  "2026-05-01", "--out", str(tmp_path / "cli"))
    assert cli.returncode != 0 and "trước ngày kết thúc kỳ báo cáo" in cli.stderr


def test_dates_one_way_and_the_place_date_line_agrees_with_the_stamp(demo, tmp_path: Path) -> None:  # noqa: ANN001
    """Issue 11 §1: every date of a document's text as dd/mm/yyyy; a signed document is dated by default
    the day it is signed in +07:00 (the stamp's zone), so the place-date line and the stamp agree."""
    import datetime as dt
    import re

    from papi_desktop.domain.dates import place_date

    period = reports.resolve_period("papi-6m", "2026-H1", today=TODAY)
    doc = reports.build(demo, reports.ExportRequest("papi-6m", period, TODAY), TODAY)
    text = _body(doc) + "\n".join(str(cell) for t in doc.tables() for row in t.rows for cell in row)
    from papi_desktop.services import plan

    for task in plan.list_tasks(demo, plan.TaskFilter(plan_id=plan.current_plan(demo, 2026).id), TODAY):
        for quoted in (task.task, task.output, task.deadline_text):  # the plan's own words, as it wrote them
            text = text.replace(quoted, "").replace(quoted.splitlines()[0].rstrip(" .;:,") if quoted else "", "")
    dates = re.findall(r"\b\d{1,2}/\d{1,2}/\d{4}\b", text)
    assert dates and all(re.fullmatch(r"\d{2}/\d{2}/\d{4}", d) for d in dates), dates
    today = reports.today_vn()
    assert today == dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
    result = reports.export(demo, reports.ExportRequest("papi-6m", period, today), tmp_path / "out",
                            reports.SignOptions(PASS))
    check = reports.verify(result.files[0])
    assert check.ok and check.signing_time.startswith(today.isoformat()) and check.signing_time.endswith("+07:00")
    assert place_date("Chiềng Sơn", today) in " ".join(poppler.text(result.files[0]).split())


def test_no_papi_report_is_issued_for_a_year_without_a_plan(demo, tmp_path: Path) -> None:  # noqa: ANN001
    """Issue 11 §4: a commune with no plan for the year cannot number and sign a report on carrying it
    out (the narrative could only say there is none); other reports of that year still go out."""
    old = reports.resolve_period("papi-6m", "2021-H1", today=TODAY)
    before = reports.next_number(demo, 2026)
    with pytest.raises(KnownError, match="Chưa có Kế hoạch cải thiện Chỉ số PAPI năm 2021") as refused:
        reports.export(demo, reports.ExportRequest("papi-6m", old, TODAY), tmp_path / "out",
                       reports.SignOptions(PASS), TODAY)
    assert "no PAPI improvement plan for 2021" in refused.value.en
    assert reports.next_number(demo, 2026) == before and not (tmp_path / "out").exists()  # nothing numbered or written
    assert _export(demo, tmp_path, "papi-6m", "2026-H1").number_ref  # the demo's own year has its plan
    listing = reports.ExportRequest("disclosures", old, TODAY)
    assert reports.export(demo, listing, tmp_path / "out2", None, TODAY).number_ref  # not a plan report


def test_an_empty_passphrase_is_said_to_be_missing_not_wrong(demo, tmp_path: Path) -> None:  # noqa: ANN001
    before = reports.next_number(demo, 2026)
    request = reports.ExportRequest("papi-6m", reports.resolve_period("papi-6m", "2026-H1", today=TODAY), TODAY)
    with pytest.raises(KnownError, match="Chưa nhập mật khẩu khóa ký của xã") as refused:
        reports.export(demo, request, tmp_path / "out", reports.SignOptions(""), TODAY)
    assert "không đúng" not in str(refused.value) and "not entered" in refused.value.en
    assert reports.next_number(demo, 2026) == before  # nothing numbered
