"""What a newcomer trying the command line met (a colleague's first run): the demo's sample imports, a
wrong file or a folder gets a plain message and no traceback, and the words are in the chosen language."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from cli_runner import run_cli

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.services import demo


def test_the_same_plan_under_another_name_is_called_the_same_plan(db, tmp_path: Path) -> None:  # noqa: ANN001
    sample = paths.resources_dir() / "demo" / demo.SAMPLE_PLAN
    data = db.path.parent
    assert run_cli(data, "plan", "import", str(sample)).returncode == 0
    copy = shutil.copyfile(sample, tmp_path / "ban_sao.xlsx")  # never imported itself, same content
    again = run_cli(data, "plan", "import", str(copy))
    assert again.returncode == 0, again.stderr
    assert "Kế hoạch trong tệp giống hệt kế hoạch đã có: không có gì thay đổi." in again.stdout
    assert "đã được nhập trước đây" not in again.stdout
    english = run_cli(data, "--lang", "en", "plan", "import", str(copy))
    assert "The plan in this file is the same as the one already recorded" in english.stdout


def _zip_renamed(path: Path) -> Path:
    """An archive renamed .xlsx: a zip, but no [Content_Types].xml nor _rels/.rels."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
        zf.writestr("ghi_chu.txt", "không phải bảng tính")
    return path


@pytest.mark.parametrize("command", [["plan", "import"], ["postings", "import-budget"], ["reception", "import"]])
def test_a_zip_renamed_xlsx_gets_the_message_alone(db, tmp_path: Path, command: list[str]) -> None:  # noqa: ANN001
    book = _zip_renamed(tmp_path / "nen.xlsx")
    done = run_cli(db.path.parent, *command, str(book))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "Lỗi: Tệp là tệp nén (zip) nhưng không phải bảng tính Excel .xlsx: thiếu phần “[Content_Types].xml” mà "
        "mọi tệp .xlsx đều có. Hãy chọn đúng tệp Excel, hoặc mở tệp trong Excel và lưu thành .xlsx. Không có dữ "
        "liệu nào được ghi."]


def test_a_reader_failure_goes_to_the_log_not_the_terminal(data_dir: Path, tmp_path: Path, capfd) -> None:  # noqa: ANN001
    """Past the checks (a reader that fails on its own), the detail is for the log file only."""
    from papi_desktop.services import failures, safe_read
    from papi_desktop.services.workbook_checks import limits_for
    from papi_desktop.services.workbooks import calamine_sheets

    book = _zip_renamed(tmp_path / "nen.xlsx")
    try:
        with pytest.raises(KnownError, match="tệp hỏng hoặc sai định dạng: CalamineError"):
            list(safe_read.sheets_in_child(calamine_sheets, book, limits_for("reception")))
        log = failures.log_folder() / failures.LOG_NAME
        assert "workbook reader failed" in log.read_text(encoding="utf-8")
    finally:
        failures.close()
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("command", [["plan", "import"], ["reception", "import"], ["postings", "import-poverty"]])
def test_a_folder_instead_of_a_workbook_is_named_a_folder(db, tmp_path: Path, command: list[str]) -> None:  # noqa: ANN001
    folder = tmp_path / "Tải về"
    folder.mkdir()
    done = run_cli(db.path.parent, *command, str(folder))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"Lỗi: “{folder}” là một thư mục, không phải tệp .xlsx. Hãy chọn tệp Excel trong thư mục "
                           "đó. Không có dữ liệu nào được ghi.\n")


def test_verify_a_folder_says_it_is_a_folder(db, tmp_path: Path) -> None:  # noqa: ANN001
    done = run_cli(db.path.parent, "--lang", "en", "verify", str(tmp_path))
    assert (done.returncode, done.stderr) == (2, f"Error: “{tmp_path}” is a folder, not a signed PDF or Excel file.\n")


def test_reception_stats_in_english_is_english(db) -> None:  # noqa: ANN001
    from datetime import date

    from papi_desktop.services import reception as rs

    for day, people in ((date(2026, 3, 2), 1), (date(2026, 3, 11), 7)):
        citizen = rs.CitizenInput("Lò Văn Bình", "Bản Hin", is_representative=people >= 5)
        rs.add_reception(db, rs.ReceptionInput(received_on=day, citizens=[citizen],
                                               summary="Đề nghị làm lại cầu treo", classes=["kien_nghi"],
                                               reception_type="periodic", people_count=people))
    span = ("--from", "2026-01-01", "--to", "2026-06-30")
    en = run_cli(db.path.parent, "--lang", "en", "reception", "stats", *span)
    assert en.returncode == 0, en.stderr
    assert en.stdout == ("From 01/01/2026 to 30/06/2026, the commune received 2 visits of 8 citizens, including 1 "
                         "large delegation of 7 citizens. No regular reception. Periodic and unscheduled receptions "
                         "by the leaders of the commune People's Committee: 2 visits of 8 citizens, including 1 large "
                         "delegation of 7 citizens about petitions.\n")
    vi = run_cli(db.path.parent, "reception", "stats", *span)
    assert vi.stdout.startswith("Tính từ ngày 01/01/2026 đến ngày 30/06/2026, đã tiếp 02 lượt với 08 công dân")


def test_enrol_makes_no_daily_backup_and_the_backup_line_is_in_the_chosen_language(tmp_path: Path) -> None:
    data = tmp_path / "xa"
    env = {"SAO_LUU": "ba-con-meo-tren-doi-2026", "XA_PASS": "suoi-trong-may-bay-7391"}
    assert run_cli(data, "setup", "--unit-code", "03985").returncode == 0
    made = run_cli(data, "backup", "create", "--passphrase-env", "SAO_LUU", **env)  # a backup key exists from now on
    assert made.returncode == 0, made.stderr
    request = run_cli(data, "enrol", "request", "--out", str(tmp_path / "yeu-cau.papi"), "--passphrase-env",
                      "XA_PASS", **env)
    assert request.returncode == 0, request.stderr
    assert "sao lưu" not in request.stderr.lower() and "backup" not in request.stderr.lower()
    assert list((data / "backups").glob("*-daily.age")) == []
    english = run_cli(data, "--lang", "en", "plan", "list")  # any other command: the day's backup, in English
    assert f"Daily backup made: {data / 'backups'}" in english.stderr and "Đã sao lưu" not in english.stderr
    assert len(list((data / "backups").glob("*-daily.age"))) == 1
