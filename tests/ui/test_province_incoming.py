"""The province's register of incoming documents on its Đồng bộ page (issue 10 §4): a signed report and
an unsigned one a commune issued arrive in its bundle; the tab lists both with the commune, number,
date and verdict (the unsigned one flagged in red with its problem, never silently accepted), and its
title counts them and the flagged one. Real installations (tests/sync_world.py), read in the worker."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sync_world import COMMUNE_PASS, Commune, Province, at

from papi_desktop import paths
from papi_desktop.services import reports, sync_board
from papi_desktop.ui.views.sync_page import SyncPage
from papi_desktop.ui.views.sync_province import ProvinceSync
from papi_desktop.ui.workers import JobRunner


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, str, str]]:
    root = tmp_path_factory.mktemp("province-incoming")
    prov = Province(root / "province")
    pc = Commune(root / "commune", prov)
    today = date(2026, 7, 6)  # a period report is issued on or after its period's end
    with at(pc.dir):
        request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=today), today)
        signed = reports.export(pc.db, request, root / "bao-cao", reports.SignOptions(COMMUNE_PASS), today)
        unsigned = reports.export(pc.db, request, root / "bao-cao-2", None, today)
    sent = pc.export(root / "usb")
    assert sent is not None
    (summary,) = prov.import_(*sent.files)
    assert summary.status == "applied", summary.reasons
    yield prov, signed.number_ref, unsigned.number_ref
    prov.db.dispose()
    pc.db.dispose()
    paths.set_override(None)


def test_the_board_counts_and_flags(world) -> None:  # noqa: ANN001
    prov, signed, unsigned = world
    with at(prov.dir):
        board = sync_board.province_board(prov.db)
    assert (board.incoming_total, board.incoming_flagged) == (2, 1)
    assert {d.number_ref: d.valid for d in board.incoming} == {signed: True, unsigned: False}


def test_the_tab_lists_each_with_its_verdict(qtbot, world) -> None:  # noqa: ANN001
    prov, signed, unsigned = world
    paths.set_override(prov.dir)
    page = SyncPage(prov.db, JobRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        pass
    view = page.view
    assert isinstance(view, ProvinceSync)
    tab = view.tabs.indexOf(view.incoming_view)
    assert view.tabs.tabText(tab) == "Văn bản đến (2, 1 không hợp lệ)"
    m = view.incoming_model
    rows = {m.cell(r, 1): [m.cell(r, c) for c in range(m.columnCount())] for r in range(m.rowCount())}
    assert set(rows) == {signed, unsigned}
    assert rows[signed][0] == rows[unsigned][0] == "Xã Chiềng Sơn"  # the commune by its name
    assert rows[signed][2] == "06/07/2026" and rows[signed][4] == "Hợp lệ: mọi chữ ký đúng, tin cậy"
    assert rows[unsigned][4].startswith("KHÔNG HỢP LỆ: ") and len(rows[unsigned][4]) > len("KHÔNG HỢP LỆ: ")


def test_nothing_to_list_says_zero(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    prov = Province(tmp_path / "province")
    try:
        with at(prov.dir):
            board = sync_board.province_board(prov.db)
        assert (board.incoming, board.incoming_total, board.incoming_flagged) == ([], 0, 0)
    finally:
        prov.db.dispose()
