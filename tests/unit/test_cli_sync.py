"""The sync commands as an official runs them: real processes, two data folders, one USB folder."""

from __future__ import annotations

import json
from pathlib import Path

from cli_runner import run_cli

ENV = {"TINH_PASS": "ba-con-meo-tren-doi-2026", "XA_PASS": "suoi-trong-may-bay-7391"}


def test_enrol_export_import_receipt_by_command_line(tmp_path: Path) -> None:
    prov, com, usb = tmp_path / "tinh", tmp_path / "xa", tmp_path / "usb"

    def p(*args: str):  # noqa: ANN202
        return run_cli(prov, *args, **ENV)

    def c(*args: str):  # noqa: ANN202
        return run_cli(com, *args, **ENV)

    init = p("province", "init", "--passphrase-env", "TINH_PASS", "--json")
    assert init.returncode == 0, init.stderr
    fingerprint = json.loads(init.stdout)["fingerprint"]
    assert c("setup", "--demo").returncode == 0
    no_enrol = c("sync", "export", "--out", str(usb), "--passphrase-env", "XA_PASS")
    assert no_enrol.returncode == 2 and "chưa đăng ký" in no_enrol.stderr
    req = c("enrol", "request", "--out", str(usb / "yeu-cau.json"), "--passphrase-env", "XA_PASS")
    assert req.returncode == 0, req.stderr
    issued = p("enrol", "issue", str(usb / "yeu-cau.json"), "--out", str(usb / "goi-dang-ky.papi"),
               "--passphrase-env", "TINH_PASS")
    assert issued.returncode == 0, issued.stderr
    refused = c("enrol", "install", issued.stdout.strip(), "--passphrase-env", "XA_PASS")  # no terminal, no --yes
    assert refused.returncode == 2 and fingerprint in refused.stdout and "Chưa cài đặt gì" in refused.stderr
    installed = c("enrol", "install", issued.stdout.strip(), "--passphrase-env", "XA_PASS", "--yes")
    assert installed.returncode == 0, installed.stderr
    assert "CA PAPI Tỉnh Sơn La" in installed.stdout

    exported = c("sync", "export", "--out", str(usb), "--passphrase-env", "XA_PASS", "--json")
    assert exported.returncode == 0, exported.stderr
    bundle = json.loads(exported.stdout)
    assert bundle["changes"] > 0 and len(bundle["files"]) == 1
    status = json.loads(c("sync", "status", "--json").stdout)
    assert status["pending"] == bundle["changes"] and status["last_bundle"]["bundle_id"] == bundle["bundle_id"]

    dry = p("sync", "import", str(usb), "--passphrase-env", "TINH_PASS", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    first = p("sync", "import", str(usb), "--passphrase-env", "TINH_PASS", "--json")
    assert first.returncode == 0, first.stderr
    (summary,) = json.loads(first.stdout)
    assert summary["status"] == "applied" and summary["records"] == bundle["changes"]
    assert json.loads(dry.stdout)[0]["imported"] == summary["imported"]
    counted = sum(summary[k] for k in ("imported", "updated", "unchanged", "conflicts", "rejected", "held"))
    assert counted == summary["records"]
    again = json.loads(p("sync", "import", bundle["files"][0], "--passphrase-env", "TINH_PASS", "--json").stdout)
    assert again[0]["status"] == "unchanged" and again[0]["unchanged"] == bundle["changes"]

    read = c("sync", "receipt", "import", summary["receipt"])
    assert read.returncode == 0, read.stderr
    assert json.loads(c("sync", "status", "--json").stdout)["pending"] == 0
    nothing = c("sync", "export", "--out", str(usb), "--passphrase-env", "XA_PASS")
    assert nothing.returncode == 0 and "Không có gì cần gửi" in nothing.stdout
    communes = p("province", "communes", "--json")
    assert [r["unit_code"] for r in json.loads(communes.stdout)] == ["03985"]
    prov_status = json.loads(p("sync", "status", "--json").stdout)
    assert prov_status["mode"] == "province" and prov_status["bundles"] == {"applied": 1}
