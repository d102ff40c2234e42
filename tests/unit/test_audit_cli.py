"""papi-desktop audit verify / list, run as a user runs them: exit 0 on an intact chain, 1 with where and what
when it is broken (Vietnamese, or English with --lang en), 2 for a bad argument."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from cli_runner import run_cli


def _tamper(data: Path, sql: str) -> None:
    with contextlib.closing(sqlite3.connect(data / "papi.db")) as con, con:
        triggers = con.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entry'"
                               ).fetchall()
        con.execute("DROP TRIGGER audit_entry_no_update")
        con.execute("DROP TRIGGER audit_entry_no_delete")
        con.execute(sql)
        for (create,) in triggers:
            con.execute(create)


def test_verify_and_list(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli(data, "setup", "--unit-code", "03985", "--chairman", "Lò Văn Minh").returncode == 0
    made = run_cli(data, "backup", "create", "--passphrase-env", "PAPI_BK", PAPI_BK="ba-con-meo-tren-doi-2026")
    assert made.returncode == 0, made.stderr
    done = run_cli(data, "audit", "verify")
    assert done.returncode == 0, done.stderr
    assert "toàn vẹn" in done.stdout and "--anchor 3:" in done.stdout  # genesis, the profile, the backup
    anchor = done.stdout.split("--anchor ")[1].split()[0]
    as_json = json.loads(run_cli(data, "audit", "verify", "--json").stdout)
    assert as_json["ok"] is True and as_json["head_seq"] == 3 and as_json["break"] is None

    listed = run_cli(data, "--lang", "en", "audit", "list", "--kind", "change", "--json")
    assert listed.returncode == 0, listed.stderr
    (entry,) = json.loads(listed.stdout)
    assert entry["seq"] == 2 and entry["detail"]["tables"] == {"commune_profile": {"insert": 1}}
    assert entry["summary"] == "1 changes: unit profile (added 1)"
    text = run_cli(data, "audit", "list", "--from", "2020-01-01").stdout.splitlines()
    assert [line.split("\t")[0] for line in text] == ["3", "2", "1"] and "Bắt đầu nhật ký" in text[2]
    assert "Sao lưu" in text[0]
    assert run_cli(data, "audit", "list", "--to", "2020-01-01").stdout == ""
    bad = run_cli(data, "audit", "list", "--kind", "nothing")
    assert bad.returncode == 2 and "nothing" in bad.stderr
    assert run_cli(data, "audit", "list", "--from", "01/02/2026").returncode == 2
    assert run_cli(data, "audit", "verify", "--anchor", "2:abc").returncode == 2

    _tamper(data, "DELETE FROM audit_entry WHERE seq = 3")  # the tail cut off: only the anchor shows it
    assert run_cli(data, "audit", "verify").returncode == 0
    cut = run_cli(data, "--lang", "en", "audit", "verify", "--anchor", anchor)
    assert cut.returncode == 1 and "Audit entry 3 is missing" in cut.stdout

    _tamper(data, "UPDATE audit_entry SET actor = 'nguoi-khac' WHERE seq = 2")
    broken = run_cli(data, "audit", "verify")
    assert broken.returncode == 1 and "Mục nhật ký số 2 đã bị sửa" in broken.stdout
    english = run_cli(data, "--lang", "en", "audit", "verify", "--json")
    assert english.returncode == 1
    found = json.loads(english.stdout)["break"]
    assert (found["what"], found["seq"]) == ("altered", 2) and "Audit entry 2 was altered" in found["message"]
