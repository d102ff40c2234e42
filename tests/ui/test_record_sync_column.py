"""The registers show each record's sync state (issue 10 §5): the reception and petitions lists of a
commune PC have a "Đồng bộ" column with a short label and the reason in the tooltip, read in the
worker with each page of rows; it follows a receipt read while the page was away; the province's
lists do not show it. Real PCs, real bundles: a province, PC A and its sibling B."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sync_world import Commune, Province, at

from papi_desktop import paths
from papi_desktop.services import petitions as ps
from papi_desktop.services import reception
from papi_desktop.ui.models.lazy import LazyTableModel
from papi_desktop.ui.views.petitions_page import PetitionsPage, PetitionTableModel
from papi_desktop.ui.views.reception_page import ReceptionPage, ReceptionTableModel

TIP = Qt.ItemDataRole.ToolTipRole


def _today() -> str:
    return datetime.now(timezone(timedelta(hours=7))).strftime("%d/%m/%Y")


@dataclass
class Offices:
    province: Province
    a: Commune
    visits: dict[str, str]  # state -> visit id on A
    petition: str  # in conflict on A
    pending_receipt: str  # the province's receipt for the "sent" visit, not read yet


def _visit(pc: Commune, name: str) -> str:
    with at(pc.dir):
        return reception.add_reception(pc.db, reception.ReceptionInput(
            received_on=date(2026, 6, 3), citizens=[reception.CitizenInput(name, "Bản Hụm")],
            summary="Hỏi về hỗ trợ làm nhà", classes=["kien_nghi"]))


def _close(pc: Commune, petition: str, result: str) -> None:
    with at(pc.dir):
        ps.close(pc.db, petition, date(2026, 6, 20), result)


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Offices]:
    root = tmp_path_factory.mktemp("record-column")
    prov = Province(root / "province")
    a = Commune(root / "pc-a", prov, demo=False)
    b = Commune(root / "pc-b", prov, join=True)
    a.add_peer(b.card(root / "b.card.papi"))
    b.add_peer(a.card(root / "a.card.papi"))
    visits = {"acknowledged": _visit(a, "Hà Văn Khoa")}
    with at(a.dir):
        petition = ps.add_petition(a.db, ps.PetitionInput(received_on=date(2026, 6, 2), content="Đề nghị sửa đường",
                                                          content_class="kien_nghi", sender="Lò Văn Hùng"))
    (got,) = prov.import_(*a.export(root / "a1").files)
    a.receipt(got.receipt)
    (on_b,) = b.import_(*a.export(root / "a-to-b", peer=b.device).files)
    assert on_b.status == "applied"
    visits["sent"] = _visit(a, "Cầm Thị Hai")
    (sent,) = prov.import_(*a.export(root / "a2").files)  # its receipt stays on the stick for now
    visits["local"] = _visit(a, "Quàng Văn Ba")
    _close(a, petition, "Đã trả lời tại buổi tiếp")  # both PCs close it, each with its own result
    _close(b, petition, "Đã trả lời bằng văn bản")
    (on_a,) = a.import_(*b.export(root / "b-to-a", peer=a.device).files)
    assert on_a.status == "applied" and on_a.conflicts >= 1, on_a.reasons
    yield Offices(prov, a, visits, petition, sent.receipt)
    for db in (prov.db, a.db, b.db):
        db.dispose()
    paths.set_override(None)


def _cell(qtbot, model: LazyTableModel, record_id: str, col: int, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN202
    row = model.row_of(record_id)
    assert row >= 0
    qtbot.waitUntil(lambda: model.data(model.index(row, col)) is not None, timeout=10000)
    return model.data(model.index(row, col), role)


def _open(qtbot, page_class, db, folder: Path, runner):  # noqa: ANN001, ANN202
    paths.set_override(folder)  # the worker resolves this installation's folders per call
    page = page_class(db, runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_reloaded, timeout=10000):
        page.show()
    return page


def test_the_reception_list_shows_each_visit_s_state(qtbot, offices, runner, settle) -> None:  # noqa: ANN001
    page = _open(qtbot, ReceptionPage, offices.a.db, offices.a.dir, runner)
    if page.period.currentIndex() != 0:
        with qtbot.waitSignal(page.sig_reloaded, timeout=10000):
            page.period.setCurrentIndex(0)  # all time: the visits are of June 2026
    m, col = page.model, ReceptionTableModel.COL_SYNC
    assert m.headerData(col, Qt.Orientation.Horizontal) == "Đồng bộ" and not page.table.isColumnHidden(col)
    shown = {state: (_cell(qtbot, m, rid, col), _cell(qtbot, m, rid, col, TIP))
             for state, rid in offices.visits.items()}
    day = _today()  # the edits, the bundles and the receipt are all of today, on the commune's calendar
    assert shown == {"local": ("Chưa gửi", f"Chưa gửi tỉnh (sửa lần cuối ngày {day})"),
                     "sent": ("Đã gửi", f"Đã gửi tỉnh trong gói ngày {day}, chờ biên nhận"),
                     "acknowledged": ("Tỉnh đã nhận", f"Tỉnh đã nhận (biên nhận ngày {day})")}

    page.hide()  # the receipt is read on the Đồng bộ page; back on this one, the visit says so
    offices.a.receipt(offices.pending_receipt)
    paths.set_override(offices.a.dir)
    page.show()
    row = m.row_of(offices.visits["sent"])
    qtbot.waitUntil(lambda: m.data(m.index(row, col)) == "Tỉnh đã nhận", timeout=10000)
    settle(runner)


def test_the_petitions_list_shows_a_conflict_with_its_fields(qtbot, offices, runner) -> None:  # noqa: ANN001
    page = _open(qtbot, PetitionsPage, offices.a.db, offices.a.dir, runner)
    page.state.setCurrentIndex(page.state.findData(None))  # closed ones too
    qtbot.waitUntil(lambda: page.model.row_of(offices.petition) >= 0, timeout=10000)
    col = PetitionTableModel.COL_SYNC
    assert _cell(qtbot, page.model, offices.petition, col) == "Xung đột"
    tip = _cell(qtbot, page.model, offices.petition, col, TIP)
    # The field by the name the conflict queue gives it, and where to choose.
    assert tip == "Xung đột, chờ người chọn: Kết quả. Chọn giá trị ở trang Đồng bộ, thẻ Xung đột."


def test_the_province_lists_do_not_show_it(qtbot, offices, runner) -> None:  # noqa: ANN001
    for page_class, col in ((ReceptionPage, ReceptionTableModel.COL_SYNC), (PetitionsPage, PetitionTableModel.COL_SYNC)):
        page = _open(qtbot, page_class, offices.province.db, offices.province.dir, runner)
        assert page.table.isColumnHidden(col)


@pytest.fixture
def demo(bare_db):  # noqa: ANN001, ANN201
    from papi_desktop.services import dialogues, postings, setup

    setup.create_demo(bare_db, today=date(2026, 6, 5))
    dialogues.add_dialogue(bare_db, dialogues.DialogueInput(date(2026, 6, 1), "Đối thoại với Nhân dân năm 2026",
                                                            "Hội trường UBND xã", "Lò Văn Minh"))
    postings.add_posting(bare_db, postings.PostingInput(kind="other", doc_date=date(2026, 6, 2)))
    return bare_db


def test_dialogues_postings_and_a_task_show_theirs_too(qtbot, demo, runner, settle) -> None:  # noqa: ANN001
    """A demo commune that never sent anything: every record it wrote is "not sent yet"; the demo's tasks
    are the commune's own, so one whose state it never marked shows the task's own state."""
    from sqlalchemy import select

    from papi_desktop.storage.models import Task, TaskState
    from papi_desktop.ui.views.dialogues_page import DialoguesPage, DialogueTableModel
    from papi_desktop.ui.views.postings_page import PostingTableModel, RegisterTab
    from papi_desktop.ui.views.task_detail import TaskDetailPanel

    for page_class, col in ((DialoguesPage, DialogueTableModel.COL_SYNC), (RegisterTab, PostingTableModel.COL_SYNC)):
        page = _open(qtbot, page_class, demo, paths.data_dir(), runner)
        assert page.model.total() > 0 and not page.table.isColumnHidden(col)
        assert _cell(qtbot, page.model, page.model.row_id(0), col) == "Chưa gửi"
        assert _cell(qtbot, page.model, page.model.row_id(0), col, TIP) == f"Chưa gửi tỉnh (sửa lần cuối ngày {_today()})"

    with demo.reader() as s:
        marked = s.scalar(select(TaskState.task_id).limit(1))
        unmarked = s.scalar(select(Task.id).where(Task.id.not_in(select(TaskState.task_id))).limit(1))
    panel = TaskDetailPanel(demo, runner)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.form.isRowVisible(panel.sync_label)  # no task chosen
    for task_id in (marked, unmarked):
        assert task_id is not None
        with qtbot.waitSignal(panel.sig_shown, timeout=10000):
            panel.set_task(task_id)
        assert panel.form.isRowVisible(panel.sync_label)
        assert panel.sync_label.text() == "Chưa gửi"
        assert panel.sync_label.toolTip() == f"Chưa gửi tỉnh (sửa lần cuối ngày {_today()})"
    settle(runner)


def test_a_dialogue_s_issues_show_theirs(qtbot, demo, runner, settle) -> None:  # noqa: ANN001
    """The lower list of the Đối thoại page: each issue with its own state."""
    from papi_desktop.services import dialogues
    from papi_desktop.ui.views.dialogues_page import DialoguesPage

    dialogue = dialogues.dialogue_ids(demo)[0]
    issue = dialogues.add_issue(demo, dialogue, dialogues.IssueInput("Đề nghị sửa đường vào bản", village="Bản Hụm"))
    page = _open(qtbot, DialoguesPage, demo, paths.data_dir(), runner)
    page.table.selectRow(page.model.row_of(dialogue))
    with qtbot.waitSignal(page.sig_issues_shown, timeout=10000, check_params_cb=lambda d: d == dialogue):
        page.load_issues()
    texts = [page.issues.item(r, 0).text() for r in range(page.issues.rowCount())]
    state = page.issues.item(texts.index("Đề nghị sửa đường vào bản"), 4)
    assert page.issues.headerData(4, Qt.Orientation.Horizontal) == "Đồng bộ" and not page.issue_view.isColumnHidden(4)
    assert state.text() == "Chưa gửi" and state.toolTip() == f"Chưa gửi tỉnh (sửa lần cuối ngày {_today()})"
    assert issue
    settle(runner)


def test_a_detail_line_in_conflict_is_red_and_names_the_field(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    from papi_desktop.services.record_sync import RecordState
    from papi_desktop.ui.models.record_state import show_state

    line = QLabel()
    qtbot.addWidget(line)
    show_state(line, RecordState("conflict", "Xung đột, chờ người chọn: note", "Conflict: note", ("note",)), "vi")
    assert line.text() == "Xung đột" and "#b3261e" in line.styleSheet()
    assert line.toolTip() == "Xung đột, chờ người chọn: Ghi chú. Chọn giá trị ở trang Đồng bộ, thẻ Xung đột."
    show_state(line, RecordState("local", "Chưa gửi tỉnh", "Not sent yet"), "vi")
    assert line.styleSheet() == "" and line.toolTip() == "Chưa gửi tỉnh"
