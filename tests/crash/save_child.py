"""The child process of the harness's `save` kind: opens the data folder as the command line does
(cli.main._open: recovery, login, sweeps) and makes ordinary form saves through the services, in turn a
reception visit with its citizens, a visit entered in the petition register too, and a progress update
with an evidence file. After each service call returns (the save acknowledged) it writes one line to
stdout in one write() call: `reception|petition <visit id> <citizens>` or `progress <update id> <sha256>`.

    python save_child.py DATA_DIR SAVES    (0: until killed)
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import sys
from datetime import date, timedelta
from pathlib import Path

DAY = date(2026, 6, 5)
PLACES = ("Bản Nà Sẳng", "Bản Hìn", "Bản Pá Liếng")


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # unbuffered, one call: a kill leaves whole lines only


def main() -> int:
    data, saves = Path(sys.argv[1]), int(sys.argv[2])
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from sqlalchemy import select

    from papi_desktop import paths
    from papi_desktop.cli import main as cli_main
    from papi_desktop.services import progress, reception
    from papi_desktop.storage.models import Task

    paths.make_files_private()
    paths.set_data_dir(str(data))
    db = cli_main._open(argparse.Namespace(command="save", lang="en", db=None))  # noqa: SLF001
    try:
        with db.reader() as s:
            tasks = list(s.scalars(select(Task.id).where(Task.deleted.is_(False)).order_by(Task.position)))
        files = data.parent / f"{data.name}.evidence"
        files.mkdir(exist_ok=True)
        for i in range(saves) if saves else itertools.count():
            kind = ("reception", "petition", "progress")[i % 3] if tasks else ("reception", "petition")[i % 2]
            if kind == "progress":
                content = f"Biên bản họp dân số {i} / {data.name}\n".encode() * 64  # its own file per save
                source = files / f"bien-ban-{i}.pdf"
                source.write_bytes(content)
                evidence = [progress.EvidenceInput(f"Biên bản số {i}/BB-UBND", DAY, file=source)]
                update = progress.add_update(db, tasks[i % len(tasks)], "2026-H1", f"Đã họp dân lần {i}", DAY,
                                             evidence)
                _say(f"progress {update} {hashlib.sha256(content).hexdigest()}")
                continue
            citizens = [reception.CitizenInput(f"Lò Văn {i}-{k}", PLACES[k % 3], f"0112{i:04d}{k:04d}")
                        for k in range(1 + i % 3)]
            visit = reception.add_reception(db, reception.ReceptionInput(
                received_on=DAY - timedelta(days=i % 30), citizens=citizens,
                summary=f"Đề nghị sửa đường bản, lần {i}", classes=["kien_nghi"]), track_reply=kind == "petition")
            _say(f"{kind} {visit} {len(citizens)}")
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
