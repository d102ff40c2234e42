"""Citizens' personal values are sealed per record in the change log, and erasing a citizen's data
destroys the record's key (issue 13 §3): the values are gone from the log, the file and the full-text
index, the audit chain still verifies, the erasure travels to the other PC, which shreds its copy too,
and only a leader or an admin may erase."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import test_sync_core
from cli_runner import run_cli
from sqlalchemy import select, text

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import accounts, audit, personal_data, setup
from papi_desktop.services.reception import CitizenInput, ReceptionInput, add_reception
from papi_desktop.storage import personal_seal
from papi_desktop.storage.changelog import bulk_insert
from papi_desktop.storage.models import ChangeLog
from papi_desktop.storage.registers import Petition, Reception, ReceptionCitizen
from papi_desktop.sync.apply import apply_to
from papi_desktop.sync.outbox import outbox, version_vector
from papi_desktop.sync.state import state_hash

NAME, ID_NUMBER, ADDRESS = "Lò Văn Bình", "014071001234", "Bản Mé Lếch"
OTHER = "Cà Thị Xuân"
pc_b = test_sync_core.pc_b  # the fixture: a second PC of the commune


def _visit(db) -> tuple[str, str, str]:  # noqa: ANN001
    """A visit of two citizens; (visit, the first citizen, the second)."""
    rec_id = add_reception(db, ReceptionInput(
        received_on=date(2026, 3, 2), summary="Đề nghị sửa đường vào bản", classes=["kien_nghi"],
        citizens=[CitizenInput(NAME, ADDRESS, id_number=ID_NUMBER, birth_year=1971), CitizenInput(OTHER, "Bản Mé")]))
    with db.reader() as s:
        ids = list(s.scalars(select(ReceptionCitizen.id).where(ReceptionCitizen.reception_id == rec_id)
                             .order_by(ReceptionCitizen.position)))
    return rec_id, ids[0], ids[1]


def _log_texts(db) -> list[str]:  # noqa: ANN001
    with db.reader() as s:
        return [t for a, b in s.execute(select(ChangeLog.after_json, ChangeLog.before_json)) for t in (a, b) if t]


def _file_bytes(db) -> bytes:  # noqa: ANN001
    """The database file and its write-ahead log, as someone who copies them reads them."""
    path = Path(db.path)
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def _outbox(src, dst) -> list:  # noqa: ANN001
    with src.reader() as s, dst.reader() as d:
        return outbox(s, dst.clock.node, version_vector(d))


def test_the_log_holds_personal_values_only_sealed_and_sends_them_as_logged(db) -> None:  # noqa: ANN001
    _visit(db)
    with db.session() as s:  # the bulk path (imports) seals too
        bulk_insert(s, Petition, [{"received_on": date(2026, 3, 3), "sender": f"Quàng Văn Sơn {i}",
                                   "sender_id_number": f"01419900{i:04d}", "content": f"Đơn số {i}"} for i in range(20)])
    logged = "\n".join(_log_texts(db))
    for value in (NAME, ID_NUMBER, ADDRESS, "lo van binh", "Quàng Văn Sơn", "014199000007"):
        assert value not in logged
    assert "Đề nghị sửa đường vào bản" in logged and "Đơn số 7" in logged  # the rest stays readable
    with db.reader() as s:
        changes = outbox(s, "another-pc")
    citizens = [json.loads(c.after_json) for c in changes if c.table_name == "reception_citizen"]
    assert {c["name"] for c in citizens} == {NAME, OTHER} and ID_NUMBER in {c["id_number"] for c in citizens}
    petitions = [json.loads(c.after_json) for c in changes if c.table_name == "petition"]
    assert sorted(p["sender"] for p in petitions)[:2] == ["Quàng Văn Sơn 0", "Quàng Văn Sơn 1"]
    # opened, an image is the very text the origin wrote (a change hashes the same everywhere)
    citizen = next(c for c in changes if c.table_name == "reception_citizen" and NAME in c.after_json)
    assert citizen.after_json == json.dumps(json.loads(citizen.after_json), ensure_ascii=False)
    with db.reader() as s:
        assert s.scalar(text("SELECT count(*) FROM personal_key")) == 2 + 20 + 1  # two citizens, 20 senders, a visit


def test_erasure_destroys_the_key_and_keeps_the_chain(db) -> None:  # noqa: ANN001
    rec_id, first, second = _visit(db)
    with db.reader() as s:
        key = s.scalar(text("SELECT key FROM personal_key WHERE record_id = :r"), {"r": first})
        rows_before = s.scalar(text("SELECT count(*) FROM change_log"))
    done = personal_data.erase(db, "reception_citizen", first, "citizen_request")
    assert done.columns == ["name", "address", "id_number", "birth_year"] and done.keys_deleted == 2
    assert done.clear_rows == 0 and "Đã xóa dữ liệu cá nhân của công dân được tiếp" in done.message()
    with db.reader() as s:
        row = s.get(ReceptionCitizen, first)
        assert (row.name, row.address, row.id_number, row.birth_year) == ("", "", "", None)
        assert s.get(ReceptionCitizen, second).name == OTHER  # the other citizen is untouched
        visit = s.get(Reception, rec_id)
        assert "ca thi xuan" in visit.search_text and "binh" not in visit.search_text
        assert visit.summary == "Đề nghị sửa đường vào bản"  # the record itself stays
        assert s.scalar(text("SELECT count(*) FROM personal_key WHERE record_id = :r"), {"r": first}) == 0
        assert s.scalar(text("SELECT count(*) FROM change_log")) == rows_before + 2  # appended, never rewritten
        assert s.scalar(text("SELECT count(*) FROM reception_fts WHERE reception_fts MATCH 'binh'")) == 0
        assert s.scalar(text("SELECT count(*) FROM reception_fts WHERE reception_fts MATCH 'xuan'")) == 1
        opened = [personal_seal.open_image(s.connection(), "reception_citizen", first, t) for t, in s.execute(
            select(ChangeLog.after_json).where(ChangeLog.record_id == first))]
    assert len(opened) == 2 and all(NAME not in t and ID_NUMBER not in t for t in opened)
    assert json.loads(opened[0])["name"] == ""  # the insert's image: its key is gone, the value with it
    raw = _file_bytes(db)
    for value in (NAME.encode(), ID_NUMBER.encode(), ADDRESS.encode(), key):
        assert value not in raw  # nor in free pages or the write-ahead log
    assert OTHER.encode() in raw  # the live row of the other citizen (the check can find a name)
    assert audit.verify(db).ok
    entry = audit.list_entries(db, audit.Filter("", "personal", None, None))[0]
    assert NAME not in json.dumps(entry.detail, ensure_ascii=False) and entry.detail["reason"] == "citizen_request"
    assert "Xóa dữ liệu cá nhân: công dân được tiếp" in audit.describe(entry)
    assert personal_data.find(db, "binh") == [] and [f.name for f in personal_data.find(db, "xuan")] == [OTHER]


def test_the_erasure_travels_and_the_other_pc_shreds_its_copy(db, pc_b) -> None:  # noqa: ANN001
    _rec, first, _second = _visit(db)
    apply_to(pc_b, _outbox(db, pc_b))
    with pc_b.reader() as s:
        assert s.scalar(text("SELECT count(*) FROM personal_key WHERE record_id = :r"), {"r": first}) == 1
        assert NAME not in "".join(_log_texts(pc_b))  # the receiver seals under its own key
    personal_data.erase(db, "reception_citizen", first, "citizen_request")
    erasure = _outbox(db, pc_b)
    assert {c.table_name for c in erasure} == {"reception_citizen", "reception"}
    assert all(NAME not in c.after_json + (c.before_json or "") for c in erasure)  # old values never sent
    with db.reader() as s:  # everything again, as a PC whose receipt was lost re-sends it: the old insert,
        again = outbox(s, pc_b.clock.node)  # emptied here, is the one the other PC holds, not a fork
    assert len(again) > len(erasure)
    result = apply_to(pc_b, again)
    assert result.unchanged == len(again) - len(erasure) and result.applied == len(erasure)
    with pc_b.reader() as s, db.reader() as a:
        assert s.get(ReceptionCitizen, first).name == "" and state_hash(s) == state_hash(a)
        assert s.scalar(text("SELECT count(*) FROM personal_key WHERE record_id = :r"), {"r": first}) == 0
        opened = [personal_seal.open_image(s.connection(), "reception_citizen", first, t) for t, in s.execute(
            select(ChangeLog.after_json).where(ChangeLog.record_id == first))]
    assert opened and all(NAME not in t for t in opened)
    assert audit.verify(pc_b).ok
    with db.reader() as s:  # a PC that starts from nothing now is sent no trace of the values
        everything = outbox(s, "a-new-pc")
    assert all(NAME not in c.after_json + (c.before_json or "") for c in everything)


def test_only_a_leader_or_an_admin_erases(db) -> None:  # noqa: ANN001
    _rec, first, _second = _visit(db)
    accounts.create_first_admin(db, "quantri", "Vì Văn Quản", "quan-tri-xa-2026")
    accounts.add(db, "tiepdan", "Lò Thị Tiếp", "staff", "tiep-dan-xa-2026")
    accounts.login(db, "tiepdan", "tiep-dan-xa-2026")
    for call in (lambda: personal_data.erase(db, "reception_citizen", first, "citizen_request"),
                 lambda: personal_data.find(db, "binh")):
        with pytest.raises(KnownError) as refused:
            call()
        assert "không có quyền xóa dữ liệu cá nhân" in refused.value.vi
    accounts.login(db, "quantri", "quan-tri-xa-2026")
    for table, reason in (("plan", "citizen_request"), ("reception_citizen", "because")):
        with pytest.raises(KnownError):
            personal_data.erase(db, table, first, reason)
    with pytest.raises(KnownError) as missing:
        personal_data.erase(db, "petition", first, "citizen_request")
    assert "Không tìm thấy" in missing.value.vi
    assert personal_data.erase(db, "reception_citizen", first, "wrongly_collected").columns


def test_the_command_line_finds_and_erases(db, data_dir: Path) -> None:  # noqa: ANN001
    _rec, first, _second = _visit(db)
    db.dispose()
    found = run_cli(data_dir, "personal", "find", "lo van", "--json")
    assert found.returncode == 0, found.stderr
    listed = json.loads(found.stdout)
    assert listed == [{"table": "reception_citizen", "id": first, "name": NAME, "id_number": "*********234",
                       "day": "2026-03-02"}]
    erased = run_cli(data_dir, "personal", "erase", "--table", "reception_citizen", "--id", first,
                     "--reason", "citizen_request")
    assert erased.returncode == 0 and "Đã xóa dữ liệu cá nhân" in erased.stdout, erased.stderr
    again = run_cli(data_dir, "--lang", "en", "personal", "erase", "--table", "reception_citizen", "--id", "x",
                    "--reason", "citizen_request")
    assert again.returncode != 0 and "was not found" in again.stderr and "Traceback" not in again.stderr


def test_a_restore_from_an_older_backup_does_not_bring_an_erasure_back(db) -> None:  # noqa: ANN001
    from papi_desktop import paths
    from papi_desktop.services import backup

    _rec, first, _second = _visit(db)
    made = backup.create(db, "suoi-trong-may-bay-7391").entry.path  # the citizen's data in it
    personal_data.erase(db, "reception_citizen", first, "citizen_request")
    assert json.loads((paths.data_dir() / personal_data.LEDGER).read_text(encoding="utf-8"))[0]["record_id"] == first
    backup.restore(made, "suoi-trong-may-bay-7391", db)
    restored = setup.open_database(user="tester")
    try:
        with restored.reader() as s:
            assert s.get(ReceptionCitizen, first).name == NAME  # the backup's state, as restored
        assert personal_data.reapply(restored) == 1  # what every opening does after the login
        with restored.reader() as s:
            assert s.get(ReceptionCitizen, first).name == ""
            assert s.scalar(text("SELECT count(*) FROM personal_key WHERE record_id = :r"), {"r": first}) == 0
        assert personal_data.reapply(restored) == 0  # done once
        entry = audit.list_entries(restored, audit.Filter("", "personal", None, None))[0]
        assert entry.detail["what"] == "erased-again" and "sau khi khôi phục" in audit.describe(entry)
        assert audit.verify(restored).ok
        assert NAME.encode() not in _file_bytes(restored)
    finally:
        restored.dispose()


def test_a_petition_sender_is_erased_from_its_search_copy_and_index(db) -> None:  # noqa: ANN001
    with db.session() as s:
        pid = bulk_insert(s, Petition, [{"received_on": date(2026, 3, 3), "sender": "Quàng Văn Sơn",
                                         "sender_address": "Bản Pá Lếch", "sender_id_number": "014071009876",
                                         "content": "Đề nghị cấp sổ đỏ"}])[0]
    assert [f.record_id for f in personal_data.find(db, "quang van")] == [pid]
    done = personal_data.erase(db, "petition", pid, "retention_over")
    assert done.columns == ["sender", "sender_address", "sender_id_number"] and done.keys_deleted == 1
    with db.reader() as s:
        row = s.get(Petition, pid)
        assert (row.sender, row.sender_address, row.sender_id_number) == ("", "", "")
        assert "quang" not in row.search_text and "so do" in row.search_text  # rebuilt from what is left
        assert s.scalar(text("SELECT count(*) FROM petition_fts WHERE petition_fts MATCH 'quang'")) == 0
    raw = _file_bytes(db)
    assert "Quàng Văn Sơn".encode() not in raw and b"014071009876" not in raw and b"quang van son" not in raw
    assert audit.verify(db).ok


def test_a_damaged_ledger_stops_no_opening_and_an_erasure_writes_nothing(db) -> None:  # noqa: ANN001
    from papi_desktop import paths

    _rec, first, _second = _visit(db)
    (paths.data_dir() / personal_data.LEDGER).write_text('[{"table": "reception_citizen", "rec', encoding="utf-8")
    assert personal_data.reapply(db) == 0  # logged; the opening goes on
    with db.reader() as s:
        rows = s.scalar(text("SELECT count(*) FROM change_log"))
    with pytest.raises(KnownError) as refused:
        personal_data.erase(db, "reception_citizen", first, "citizen_request")
    assert "erasures.json" in refused.value.vi and "Traceback" not in refused.value.en
    with db.reader() as s:  # rolled back whole: the values, the key and the log as they were
        assert s.get(ReceptionCitizen, first).name == NAME
        assert s.scalar(text("SELECT count(*) FROM personal_key WHERE record_id = :r"), {"r": first}) == 1
        assert s.scalar(text("SELECT count(*) FROM change_log")) == rows
    assert audit.verify(db).ok
