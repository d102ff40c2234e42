"""The Đồng bộ page offscreen, on real installations (tests/sync_world.py): a commune PC enrols through
the buttons (the province root's fingerprint shown, nothing installed on No), sees what waits per
register, writes a bundle to a USB folder in the worker, reads the province's receipt from it,
resolves a conflict between its two PCs; the province receives a whole folder (dry run first) and
shows a summary per bundle; the home screen reminds of changes that waited too long."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conflict_world import two_pcs_one_note
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton
from sqlalchemy import func, select
from sync_world import COMMUNE_PASS, PASS, Commune, Province, at

from papi_desktop import paths
from papi_desktop.services import conflicts, enrolment, plan, sync, sync_board
from papi_desktop.storage.models import Task, TaskState
from papi_desktop.storage.sync_state import BundleIn
from papi_desktop.ui.views.home_page import HomePage
from papi_desktop.ui.views.sync_commune import CommuneSync
from papi_desktop.ui.views.sync_page import SyncPage
from papi_desktop.ui.views.sync_province import ProvinceSync
from papi_desktop.ui.widgets import sync_widgets
from papi_desktop.ui.workers import JobRunner


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune, Commune, Path]]:
    """The province, the commune's first PC (keeps the registers) and a second PC that joined; the
    two PCs know each other's cards and have edited one task's note differently."""
    root = tmp_path_factory.mktemp("sync-page")
    prov = Province(root / "province")
    a, b = two_pcs_one_note(root, prov)
    a.import_(*b.export(root / "b-to-a", peer=a.device).files)
    yield prov, a, b, root
    for db in (prov.db, a.db, b.db):
        db.dispose()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[bool], list[str]]:
    """Message boxes record their text (and, in the third list, the questions whose default is No); a
    question takes the next queued answer (yes/no), else No."""
    texts: list[str] = []
    queue: list[bool] = []
    default_no: list[str] = []

    def exec_(box: QMessageBox) -> int:
        texts.append(box.text())
        if box.defaultButton() is not None and box.defaultButton() == box.button(QMessageBox.StandardButton.No):
            default_no.append(box.text())
        wanted = QMessageBox.ButtonRole.YesRole if queue and queue.pop(0) else QMessageBox.ButtonRole.NoRole
        for button in box.buttons():
            if box.buttonRole(button) == wanted:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return texts, queue, default_no


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The file and passphrase dialogs answer from this dict (the passphrases asked are recorded)."""
    answer: dict[str, object] = {"asked": []}
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(answer["folder"])))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(answer["save"]), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(answer["open"]), "")))

    def ask(_parent, prompt: str, confirm: bool = False) -> str:  # noqa: ANN001
        answer["asked"].append(prompt)  # type: ignore[union-attr]
        return str(answer["passphrase"])

    monkeypatch.setattr(sync_widgets, "ask_passphrase", ask)
    return answer


def _page(qtbot, db, folder: Path) -> SyncPage:  # noqa: ANN001
    paths.set_override(folder)  # the worker resolves this installation's folders per call
    page = SyncPage(db, JobRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        pass
    return page


def _act(qtbot, page: SyncPage, trigger, action: str, timeout: int = 30000) -> object:  # noqa: ANN001
    """Run an action and wait until it ended and the page read the state again."""
    with qtbot.waitSignal(page.sig_done, timeout=timeout, check_params_cb=lambda a, _r: a == action) as done:
        trigger()
    qtbot.waitUntil(lambda: not page._reading and not page.view.jobs.busy, timeout=timeout)  # noqa: SLF001
    return done.args[1]


@pytest.fixture(autouse=True)
def no_override() -> Iterator[None]:
    yield
    paths.set_override(None)


def test_commune_page_shows_what_waits_and_the_role_for_numbers(qtbot, world) -> None:  # noqa: ANN001
    _prov, a, b, _root = world
    page = _page(qtbot, a.db, a.dir)
    view = page.view
    assert isinstance(view, CommuneSync)
    pending = sync.pending(a.db)
    by_table = {view.pending_model.cell(r, 0): int(view.pending_model.cell(r, 1))
                for r in range(view.pending_model.rowCount())}
    assert sum(by_table.values()) == len(pending) > 0
    tasks = sum(c.table_name == "task" for c in pending)
    assert by_table["Nhiệm vụ kế hoạch"] == tasks and "Thôn, bản, tổ dân phố" in by_table
    assert view.pending_label.text() == f"{len(pending)} thay đổi tỉnh chưa xác nhận đã nhận."
    assert view.tabs.tabText(0) == f"Chờ gửi ({len(pending)})"
    assert view.role.text().startswith(f"Máy {a.device} GIỮ SỔ của xã: số văn bản đi chỉ được lấy trên máy này")
    assert view.enrol_state.text().startswith("Đã đăng ký. Chứng thư gốc của tỉnh:")
    assert not view.enrol_buttons.isVisibleTo(view) and view.export_button.isEnabled()
    assert view.peers.model.rowCount() == 1 and view.peers.model.row_id(0) == b.device
    page.runner.shutdown()

    other = _page(qtbot, b.db, b.dir)
    assert other.view.role.text().startswith(f"Máy {b.device} KHÔNG giữ sổ của xã")
    other.runner.shutdown()


def test_commune_writes_a_bundle_and_reads_the_receipt(qtbot, world, dialogs, answers) -> None:  # noqa: ANN001
    prov, a, _b, root = world
    texts, _queue, _default_no = answers
    usb = root / "usb-gui"
    usb.mkdir()
    waiting = len(sync.pending(a.db))
    page = _page(qtbot, a.db, a.dir)
    dialogs.update(folder=usb, passphrase=COMMUNE_PASS)
    result = _act(qtbot, page, page.view.export_button.click, "export")
    assert isinstance(result, sync.ExportResult) and result.changes == waiting
    written = sorted(usb.glob("*.papi"))
    assert written == sorted(result.files) and written
    assert texts[-1].startswith(f"Đã ghi gói dữ liệu gửi tỉnh ({waiting} thay đổi, 0 tệp đính kèm):")
    assert str(written[0]) in texts[-1] and str(written[0]) in page.view.result.text()
    assert dialogs["asked"] == ["Mật khẩu khóa của máy này (để ký gói dữ liệu)."]
    assert "Gói gần nhất ghi lúc" in page.view.bundles_label.text()
    assert "Chưa có biên nhận nào của tỉnh." in page.view.bundles_label.text()

    (got,) = prov.import_(*written)  # at the province; the receipt is written beside the bundle
    assert got.status == "applied" and Path(got.receipt).parent == usb
    paths.set_override(a.dir)
    read = _act(qtbot, page, page.view.read_folder_action.trigger, "read")
    assert [(r.file, r.status, r.error) for r in read.receipts] == [(Path(got.receipt).name, "applied", None)]
    assert read.summaries == [] and len(dialogs["asked"]) == 1  # a receipt needs no passphrase; its own bundle is left
    assert texts[-1] == f"{Path(got.receipt).name}: nơi nhận đã nhận gói; các thay đổi trong gói không phải gửi lại."
    assert sync.pending(a.db) == []
    assert page.view.pending_label.text() == "Tỉnh đã nhận đủ: không có thay đổi nào chờ gửi."
    assert "Biên nhận gần nhất của tỉnh:" in page.view.bundles_label.text()

    again = _act(qtbot, page, page.view.read_folder_action.trigger, "read")  # the same receipt again
    assert again.receipts[0].already and texts[-1].endswith("biên nhận này đã đọc trước đây; không có gì thay đổi.")
    nothing = _act(qtbot, page, page.view.export_button.click, "export")
    assert nothing is None and texts[-1] == "Không có gì cần gửi: tỉnh đã nhận đủ mọi thay đổi của máy này."
    assert sorted(usb.glob("*.papi")) == sorted([*written, Path(got.receipt)])
    page.runner.shutdown()


def test_a_wrong_passphrase_writes_nothing_and_says_so(qtbot, world, dialogs, answers,  # noqa: ANN001
                                                        tmp_path: Path) -> None:
    _prov, a, _b, _root = world
    texts, _queue, _default_no = answers
    with at(a.dir):
        plan.update_task(a.db, _first_task(a), output="Báo cáo kết quả")
    page = _page(qtbot, a.db, a.dir)
    dialogs.update(folder=tmp_path, passphrase="khong-dung-mat-khau")
    assert _act(qtbot, page, page.view.export_button.click, "export") is None
    assert list(tmp_path.iterdir()) == [] and "mật khẩu" in texts[-1].lower()
    assert page.view.export_button.isEnabled()  # the buttons come back after a failure
    page.runner.shutdown()


def _first_task(pc: Commune) -> str:
    with pc.db.reader() as s:
        return s.scalar(select(Task.id).order_by(Task.position).limit(1))


def test_commune_resolves_a_conflict(qtbot, world) -> None:  # noqa: ANN001
    _prov, a, _b, _root = world
    page = _page(qtbot, a.db, a.dir)
    view = page.view
    (open_,) = conflicts.open_conflicts(a.db)
    assert view.tabs.tabText(1) == "Xung đột (1)"
    cells = [view.conflicts.model.cell(0, c) for c in range(5)]
    assert cells[0].startswith("Tiến độ nhiệm vụ của xã: ") and cells[1] == "Ghi chú"
    assert cells[2:4] == [str(open_.local), str(open_.remote)]
    assert {open_.local, open_.remote} == {"Ghi chú của máy A", "Ghi chú của máy B"}
    assert cells[4] == ("giá trị máy kia" if open_.shown == "remote" else "giá trị máy này")
    view.conflicts.view.selectRow(0)
    _act(qtbot, page, view.conflicts.keep_local_button.click, "resolve")
    assert conflicts.open_conflicts(a.db) == [] and view.conflicts.model.rowCount() == 0
    with a.db.reader() as s:
        assert s.get(TaskState, open_.record_id).note == open_.local
    assert view.result.text().startswith("Đã chọn giá trị máy này.") and view.tabs.tabText(1) == "Xung đột (0)"
    page.runner.shutdown()


def test_province_receives_a_folder_dry_run_first(qtbot, world, dialogs, answers) -> None:  # noqa: ANN001
    prov, a, b, root = world
    texts, _queue, _default_no = answers
    usb = root / "usb-province"
    with at(b.dir):
        plan.update_task(b.db, _first_task(b), lead="Văn phòng - Thống kê")
    sent = [a.export(usb), b.export(usb)]
    assert all(sent)
    with prov.db.reader() as s:
        before = s.scalar(select(func.count()).select_from(BundleIn))
    page = _page(qtbot, prov.db, prov.dir)
    view = page.view
    assert isinstance(view, ProvinceSync)
    dialogs.update(folder=usb, passphrase=PASS)

    dry = _act(qtbot, page, view.receive_actions[(True, False)].trigger, "import")
    assert [s.status for s in dry] == ["applied", "applied"] and all(s.dry_run for s in dry)
    assert view.summary_model.cell(0, 2) == "Đã nhận (chạy thử)" and "Đây là chạy thử" in texts[-1]
    with prov.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(BundleIn)) == before
    assert not list(usb.glob("*.receipt.papi"))

    got = _act(qtbot, page, view.receive_actions[(False, False)].trigger, "import")
    assert [s.status for s in got] == ["applied", "applied"]
    assert view.summary_model.rowCount() == 2 and view.tabs.currentWidget() is view.summary_view
    for r, s in enumerate(got):
        cells = [view.summary_model.cell(r, c) for c in range(10)]
        assert cells[:3] == [s.file, "Xã Chiềng Sơn", "Đã nhận"]
        assert [int(c) for c in cells[3:9]] == [s.imported, s.updated, s.unchanged, s.conflicts, s.rejected, s.held]
    assert texts[-1].startswith("Đã đọc 2 gói: 2 gói nhận được, 0 gói giữ lại hoặc từ chối")
    assert "Biên nhận được ghi bên cạnh mỗi gói trên USB" in texts[-1] and len(list(usb.glob("*.receipt.papi"))) == 2
    last = sync_board.last_bundles(prov.db)["03985"]
    assert last.bundle_id in {s.bundle_id for s in got}
    (row,) = [r for r in range(view.commune_model.rowCount()) if view.commune_model.row_id(r) == "03985"]
    assert view.commune_model.cell(row, 5) == sync_widgets.when(last.received_at)
    assert view.commune_model.cell(row, 6) == "Đã nhận" and view.commune_model.cell(row, 1) == "Xã Chiềng Sơn"
    assert view.tabs.tabText(0) == "Các xã đã đăng ký (1)" and view.tabs.tabText(2) == "Gói chờ xử lý (0)"
    page.runner.shutdown()


def test_enrolment_through_the_buttons(qtbot, world, db, dialogs, answers, tmp_path: Path) -> None:  # noqa: ANN001
    prov, _a, _b, _root = world
    texts, queue, default_no = answers
    here = paths.data_dir()
    page = _page(qtbot, db, here)
    view = page.view
    assert view.enrol_state.text().startswith("Chưa đăng ký.") and view.enrol_buttons.isVisibleTo(view)
    assert not view.export_button.isEnabled() and not view.read_button.isEnabled()
    request = tmp_path / "yeu-cau.json"
    dialogs.update(save=request, passphrase="nui-cao-suoi-sau-4821")
    _act(qtbot, page, view.request_button.click, "request")
    assert request.is_file() and texts[-1].startswith(f"Đã ghi yêu cầu đăng ký: {request}.")
    assert view.enrol_state.text().startswith("Đã tạo yêu cầu đăng ký")

    package = prov.issue(request.read_bytes(), tmp_path / "goi.papi")
    paths.set_override(here)
    dialogs["open"] = package
    queue.append(False)  # the fingerprint does not match what the province said
    _act(qtbot, page, view.install_button.click, "install")
    with at(prov.dir):
        fingerprint = enrolment.read_package(package).root_fingerprint
    paths.set_override(here)
    assert fingerprint in texts[-2] and "Dấu vân tay có khớp không?" in texts[-2] and default_no == [texts[-2]]
    assert texts[-1].startswith("Chưa cài đặt gì.") and enrolment.enrolled() is None
    queue.append(True)
    _act(qtbot, page, view.install_button.click, "install")
    assert texts[-1].startswith("Đã cài gói đăng ký: xã đã đăng ký với tỉnh.") and enrolment.enrolled() is not None
    assert texts[-1].endswith("Tỉnh chưa phát hành kế hoạch: kế hoạch sẽ đến cùng bản cập nhật đầu tiên của tỉnh.")
    assert view.enrol_state.text().endswith(f"Dấu vân tay SHA-256: {fingerprint}")
    assert not view.enrol_buttons.isVisibleTo(view)
    assert view.export_button.isEnabled()
    page.runner.shutdown()


def test_home_reminds_of_changes_waiting_too_long(qtbot, world, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    _prov, _a, b, root = world
    b.export(root / "b-remind")  # written, never acknowledged: the province's receipt never comes back
    written = len(sync.pending(b.db))
    with at(b.dir):
        plan.update_task(b.db, _first_task(b), note="Sửa sau khi gửi")
    paths.set_override(b.dir)
    unsent = len(sync.pending(b.db)) - written
    now = dt.datetime.now(dt.UTC)

    def waited(moment: dt.datetime) -> list[tuple[str, int]]:  # a reporting deadline may fall near today: not these
        return [(r.kind, r.changes) for r in sync_board.reminders(b.db, moment) if r.kind != "deadline"]

    assert waited(now) == []  # changes of today, a bundle of today
    later = now + dt.timedelta(days=sync_board.REMIND_UNSENT_DAYS)
    assert waited(later) == [("unsent", unsent)]
    much_later = now + dt.timedelta(days=sync_board.REMIND_UNACKED_DAYS)
    assert waited(much_later) == [("unsent", unsent), ("unacked", written)]

    monkeypatch.setattr(sync_board, "_now", lambda: much_later)
    runner = JobRunner()
    home = HomePage(b.db, runner=runner)
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: home.sync_notice.isVisibleTo(home), timeout=10000)
    text = home.sync_notice.text()
    assert "chưa ghi ra USB gửi tỉnh" in text and "chưa có biên nhận của tỉnh" in text
    # Each line names the page once, as its link: no "Mở trang Đồng bộ" repeated after "ở trang Đồng bộ".
    assert "Hãy mở <a href='sync'>trang Đồng bộ</a>, bấm “Ghi ra USB”" in text
    assert "đọc biên nhận tỉnh ghi trên USB ở <a href='sync'>trang Đồng bộ</a>." in text
    assert "Mở trang Đồng bộ" not in text
    with qtbot.waitSignal(home.sig_open) as opened:
        home.sync_notice.linkActivated.emit("sync")
    assert opened.args == ["sync", ""]
    runner.shutdown()


def test_two_pcs_exchange_through_the_buttons(qtbot, world, dialogs, answers) -> None:  # noqa: ANN001
    _prov, a, b, root = world
    texts, _queue, _default_no = answers
    stick = root / "usb-a-to-b"
    stick.mkdir()
    with at(a.dir):
        plan.update_task(a.db, _first_task(a), coordinators="Hội Nông dân xã")
    page = _page(qtbot, a.db, a.dir)
    card = stick / f"the-may-{a.device}.card.papi"
    dialogs.update(save=card, open=card, folder=stick, passphrase=COMMUNE_PASS)
    assert _act(qtbot, page, page.view.peers.card_button.click, "card") == card and card.is_file()
    assert texts[-1] == f"Đã ghi thẻ của máy này: {card}. Chép thẻ sang máy kia của xã và bấm “Thêm máy từ thẻ” ở đó."
    page.view.peers.view.selectRow(0)
    sent = _act(qtbot, page, page.view.peers.send_button.click, "export")
    assert sent is not None and texts[-1].startswith(f"Đã ghi gói dữ liệu cho máy {b.device} (")
    page.runner.shutdown()

    on_b = _page(qtbot, b.db, b.dir)
    added = _act(qtbot, on_b, on_b.view.peers.add_button.click, "peer")  # the card again: its key kept up to date
    assert added.device == a.device and texts[-1].startswith(f"Đã thêm máy {a.device} (")
    asked = len(dialogs["asked"])
    got = _act(qtbot, on_b, on_b.view.read_folder_action.trigger, "read")
    assert dialogs["asked"][asked:] == ["Trên USB có 1 gói dữ liệu từ máy khác của xã. Nhập mật khẩu khóa của máy này "
                                        "để đọc."]
    (summary,) = got.summaries
    assert summary.status == "applied" and summary.receipt
    view = on_b.view
    assert view.tabs.currentWidget() is view.summary_view and view.summary_model.cell(0, 2) == "Đã nhận"
    assert view.summary_model.cell(0, 1) == "Xã Chiềng Sơn" and f"Biên nhận: {Path(summary.receipt).name}" in \
        view.summary_model.cell(0, 9)
    on_b.runner.shutdown()

    back = _page(qtbot, a.db, a.dir)
    read = _act(qtbot, back, back.view.read_folder_action.trigger, "read")
    assert [(r.status, r.error) for r in read.receipts] == [("applied", None)] and read.summaries == []
    assert dict(back.view.board.peers)[b.device] == 0  # b acknowledged everything a had
    back.runner.shutdown()


def test_cancel_leaves_the_page_usable_and_says_so(qtbot, world, answers) -> None:  # noqa: ANN001
    _prov, a, _b, _root = world
    texts, _queue, _default_no = answers
    page = _page(qtbot, a.db, a.dir)
    jobs = page.view.jobs

    def slow(_progress, token) -> None:  # noqa: ANN001
        while not token.cancelled:
            time.sleep(0.01)
        token.raise_if_cancelled()

    done: list[object] = []
    assert jobs.run(slow, done.append, "Đang ghi gói dữ liệu…")
    assert not page.view.export_button.isEnabled() and not jobs.run(slow, done.append)  # one job at a time
    (cancel,) = jobs._progress.dialog.findChildren(QPushButton)  # noqa: SLF001
    assert cancel.text() == "Hủy"
    cancel.click()
    qtbot.waitUntil(lambda: not jobs.busy, timeout=5000)
    assert done == [] and texts[-1] == "Đã hủy theo yêu cầu; dữ liệu và USB không thay đổi gì."
    assert page.view.export_button.isEnabled()
    page.runner.shutdown()


def test_province_issues_a_package_then_revokes_the_commune(qtbot, world, db, dialogs, answers, monkeypatch,  # noqa: ANN001
                                                             tmp_path: Path) -> None:
    prov, a, _b, root = world
    texts, queue, default_no = answers
    request = tmp_path / "yeu-cau.json"
    request.write_bytes(enrolment.request(db, "doi-che-xanh-muot-5093"))
    before = [e for e in _enrolled(prov) if e.unit_code == "03985"]
    page = _page(qtbot, prov.db, prov.dir)
    view = page.view
    out = tmp_path / "goi-dang-ky.papi"
    dialogs.update(open=request, save=out, passphrase=PASS)
    queue.append(True)
    path = _act(qtbot, page, view.issue_button.click, "issue")
    assert path == out and out.is_file()
    assert texts[-2].startswith("Cấp chứng thư cho Xã Chiềng Sơn (mã 03985), máy ") and default_no == [texts[-2]]
    assert texts[-1].startswith(f"Đã cấp gói đăng ký cho Xã Chiềng Sơn: {out}.")
    assert texts[-1].endswith(view.board.fingerprint) and view.board.fingerprint
    assert len([e for e in _enrolled(prov) if e.unit_code == "03985"]) == len(before) + 1

    (row,) = [r for r in range(view.commune_model.rowCount()) if view.commune_model.row_id(r) == "03985"]
    view.commune_view.selectRow(row)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Máy bị mất", True)))
    queue.append(True)
    count = _act(qtbot, page, view.revoke_button.click, "revoke")
    assert count == len(before) + 1 and "Không hoàn tác được." in texts[-2]
    assert texts[-1].startswith(f"Đã thu hồi {count} chứng thư của Xã Chiềng Sơn.")
    assert view.commune_model.cell(row, 4).startswith("Đã thu hồi ")
    assert all(e.revoked_at for e in _enrolled(prov) if e.unit_code == "03985")

    with at(a.dir):
        plan.update_task(a.db, _first_task(a), note="Sau khi bị thu hồi")
    usb = root / "usb-revoked"
    a.export(usb)
    paths.set_override(prov.dir)
    dialogs["folder"] = usb
    (refused,) = _act(qtbot, page, view.receive_actions[(False, False)].trigger, "import")
    assert refused.status == "rejected" and view.summary_model.cell(0, 2) == "Từ chối"
    assert "thu hồi" in view.summary_model.cell(0, 9)
    page.runner.shutdown()


def test_province_publishes_an_update_through_the_button(qtbot, world, dialogs, answers) -> None:  # noqa: ANN001
    from papi_desktop.services import downstream

    prov, _a, b, root = world
    texts, _queue, _default_no = answers
    usb = root / "usb-update"
    usb.mkdir()
    page = _page(qtbot, prov.db, prov.dir)
    view = page.view
    assert view.publish_button.isEnabled()
    dialogs.update(folder=usb, passphrase=PASS)
    path = _act(qtbot, page, view.publish_button.click, "publish")
    assert path.parent == usb and path.is_file() and texts[-1].startswith(f"Đã ghi bản cập nhật {path}.")
    assert dialogs["asked"][-1] == "Mật khẩu khóa của tỉnh (để ký bản cập nhật)."
    page.runner.shutdown()
    with at(b.dir):
        before = downstream.accepted_version(b.db)
    commune = _page(qtbot, b.db, b.dir)  # the commune reads the stick on its own Đồng bộ page
    assert isinstance(commune.view, CommuneSync)
    dialogs.update(folder=usb)
    got = _act(qtbot, commune, commune.view.read_folder_action.trigger, "read")
    ((name, update, error),) = got.updates
    assert name == path.name and error is None and update.status == "applied" and update.version > before
    assert f"{path.name}: đã áp dụng bản cập nhật số {update.version} của tỉnh." in texts[-1]
    again = _act(qtbot, commune, commune.view.read_folder_action.trigger, "read")
    assert again.updates[0][1].status == "unchanged" and "đã áp dụng trước đây" in texts[-1]
    with at(b.dir):
        assert downstream.accepted_version(b.db) == update.version
    commune.runner.shutdown()


def _enrolled(prov: Province) -> list:
    from papi_desktop.services import province

    return province.enrolled(prov.db)
