"""What a newcomer trying the command line met (a colleague's first run): the demo's sample imports, a
wrong file or a folder gets a plain message and no traceback, and the words are in the chosen language."""

from __future__ import annotations

import shutil
from pathlib import Path

from cli_runner import run_cli

from papi_desktop import paths
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
