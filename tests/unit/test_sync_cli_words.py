"""The sync and province commands as a person reads them: states in words of the chosen language (not
`applied`, `not_due`, `issued`), `sync status` as lines, not JSON, and a wrong passphrase that says what
was not done."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_runner import run_cli
from sync_world import Commune, Province, at

from papi_desktop.services import reports

WRONG = "khong-phai-mat-khau-nay-2026"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Province, Commune, int]:
    root = tmp_path_factory.mktemp("words")
    prov = Province(root / "tinh")
    commune = Commune(root / "xa", prov)
    with at(commune.dir):  # one report in the outgoing register
        kind, today = "papi-6m", date(2026, 6, 5)
        request = reports.ExportRequest(kind, reports.resolve_period(kind, "2026-H1", today=today), today)
        reports.export(commune.db, request, root / "bao-cao", None, today)
    sent = commune.export()
    assert sent is not None
    prov.import_(*sent.files)
    commune.add_visit("Lò Văn Pánh")  # a change not sent yet
    return prov, commune, sent.changes


def test_the_register_says_issued_in_words(world) -> None:  # noqa: ANN001
    _prov, commune, _sent = world
    vi = run_cli(commune.dir, "report", "register", "--year", "2026")
    assert vi.returncode == 0, vi.stderr
    assert vi.stdout.split("\t")[2] == "đã ban hành" and "issued" not in vi.stdout
    en = run_cli(commune.dir, "--lang", "en", "report", "register", "--year", "2026")
    assert en.stdout.split("\t")[2] == "issued"


def test_the_overview_says_the_states_in_words(world) -> None:  # noqa: ANN001
    prov, _commune, _sent = world
    vi = run_cli(prov.dir, "province", "overview", "--period", "2026-H1")
    assert vi.returncode == 0, vi.stderr
    row = vi.stdout.splitlines()[1].split("\t")
    assert row[0] == "03985" and row[3] == "đã nhận" and row[4] in ("chưa gửi", "chưa đến hạn", "đúng hạn", "chậm")
    en = run_cli(prov.dir, "--lang", "en", "province", "overview", "--period", "2026-H1")
    row = en.stdout.splitlines()[1].split("\t")
    assert row[3] == "applied" and row[4] in ("missing", "not due yet", "on time", "late")


def test_the_communes_show_their_last_bundle_and_no_empty_column(world) -> None:  # noqa: ANN001
    prov, commune, sent = world
    vi = run_cli(prov.dir, "province", "communes")
    assert vi.returncode == 0, vi.stderr
    fields = vi.stdout.splitlines()[0].split("\t")
    assert fields[:3] == ["03985", "Xã Chiềng Sơn", commune.device] and fields[3].startswith("cấp 20")
    assert fields[-1].startswith("gói cuối ") and fields[-1].endswith(f"(đã nhận, {sent} thay đổi)") and all(fields)
    en = run_cli(prov.dir, "--lang", "en", "province", "communes")
    assert "\tlast bundle " in en.stdout and f"(applied, {sent} changes)" in en.stdout


def test_sync_status_is_lines_in_the_chosen_language(world) -> None:  # noqa: ANN001
    prov, commune, _sent = world
    vi = run_cli(commune.dir, "sync", "status")
    assert vi.returncode == 0, vi.stderr
    lines = vi.stdout.splitlines()
    assert lines[0] == f"Máy này: {commune.device}, đã đăng ký với tỉnh" and "{" not in vi.stdout
    assert "Thay đổi chờ gửi tỉnh: " in vi.stdout and "Gói gần nhất: " in vi.stdout
    assert "Biên nhận gần nhất của tỉnh: " in vi.stdout and "Xung đột chờ xử lý: 0" in lines
    en = run_cli(commune.dir, "--lang", "en", "sync", "status")
    assert en.stdout.startswith(f"This PC: {commune.device}, enrolled with the province\n")
    assert "Last bundle: " in en.stdout and "Bundles held back: 0" in en.stdout
    province = run_cli(prov.dir, "sync", "status")
    assert province.stdout.splitlines() == ["Gói của các xã: đã nhận 1", "Gói đang giữ lại: 0"]


@pytest.mark.parametrize(("command", "not_done"), [
    (["sync", "export", "--out", "{usb}"], "Chưa xuất gói nào."),
    (["sync", "push", "--url", "https://127.0.0.1:9"], "Chưa gửi gì."),
])
def test_a_wrong_passphrase_says_what_was_not_done(world, tmp_path: Path, command: list[str],  # noqa: ANN001
                                                   not_done: str) -> None:
    _prov, commune, _sent = world
    args = [a.replace("{usb}", str(tmp_path)) for a in command]
    done = run_cli(commune.dir, *args, "--passphrase-env", "XA_PASS", XA_PASS=WRONG)
    assert done.returncode == 2
    assert done.stderr == f"Lỗi: Mật khẩu của tệp khóa không đúng (hoặc tệp không phải PKCS#12). {not_done}\n"
    assert list(tmp_path.iterdir()) == []
