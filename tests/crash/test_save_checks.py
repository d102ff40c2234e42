"""The save kind's checks find what they look for: on a child's real saves, an acknowledged save not in
the database, a visit whose citizens (or one of them) are gone, a save's change-log row or its audit
entry gone, and two saves committed without a report are problems; the saves as made are none."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import audit_checks  # noqa: E402
import harness  # noqa: E402
import save_checks  # noqa: E402

from papi_desktop import paths  # noqa: E402

SAVES = 6  # two of each: a visit, a visit with its petition, a progress update


def _raw(data: Path, *statements: str) -> None:
    """SQL outside the program, the append-only triggers dropped first."""
    with sqlite3.connect(data / paths.DB_FILE) as conn:
        for name in ("change_log_no_delete", "audit_entry_no_delete"):
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        for sql in statements:
            conn.execute(sql)
    conn.close()


def _problems(data: Path, base: Path, lines: list[list[str]], anchor: int, killed: bool = False) -> list[str]:
    outcome = harness.Outcome(harness.SAVE, 0.0, killed)
    save_checks.check(data, base, lines, killed, SAVES, anchor, outcome)
    return outcome.problems


@pytest.mark.skipif(sys.platform == "win32", reason="the child's stdout as a file")
def test_a_lost_or_half_save_is_a_problem(tmp_path: Path) -> None:
    from papi_desktop.services import setup

    base = tmp_path / "base"
    with harness._opened(base) as db:  # noqa: SLF001
        setup.create_demo(db, today=harness.TODAY)
        anchor = audit_checks.head(db)[0]
    data = tmp_path / "run"
    shutil.copytree(base, data)
    with (tmp_path / "saved").open("wb") as out:
        subprocess.run([sys.executable, str(Path(harness.__file__).with_name("save_child.py")), str(data),
                        str(SAVES)], stdout=out, check=True, env=harness._env())  # noqa: SLF001
    lines = save_checks.reported(tmp_path / "saved")
    assert [line[0] for line in lines] == ["reception", "petition", "progress"] * 2
    assert _problems(data, base, lines, anchor) == []

    assert any("LOST" in p for p in _problems(data, base, [*lines, ["reception", "no-such-id", "1"]], anchor))
    assert "2 save(s) committed and never reported" in _problems(data, base, lines[2:], anchor, killed=True)
    assert _problems(data, base, lines[1:], anchor, killed=True) == []  # killed between a commit and its report

    def tampered(*statements: str) -> list[str]:
        case = tmp_path / f"case{len(list(tmp_path.glob('case*')))}"
        shutil.copytree(data, case)
        _raw(case, *statements)
        return _problems(case, base, lines, anchor)

    visit, update = lines[0][1], lines[2][1]
    found = tampered(f"DELETE FROM reception_citizen WHERE reception_id = '{visit}'")
    assert f"reception {visit} saved without its citizens" in found
    two = lines[1][1]  # a visit with two citizens
    found = tampered("DELETE FROM reception_citizen WHERE id = (SELECT min(id) FROM reception_citizen "
                     f"WHERE reception_id = '{two}')")
    assert lines[1][2] == "2" and f"visit {two}: 1 of its 2 citizens" in found
    found = tampered("DELETE FROM change_log WHERE record_id IN (SELECT id FROM evidence "
                     f"WHERE update_id = '{update}')")
    assert any("logged apart" in p for p in found) and any("not in the change log" in p for p in found)
    found = tampered("DELETE FROM audit_entry WHERE seq = (SELECT max(seq) FROM audit_entry "
                     "WHERE kind = 'change')")
    assert any("not exactly one change entry" in p for p in found)
