"""Hộ nghèo, cận nghèo: the year's review step by step — the list, its posting, objections and their
re-check, the recognition — the households (identity numbers masked) and what changed since last year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_vn
from ...domain.errors import KnownError
from ...domain.numbers import group_vn, parse_amount
from ...services import postings, poverty
from ...services.handle import DataHandle
from ...services.record_sync import RecordState
from ..import_flow import ImportFlow, row_lines
from ..models.record_state import header_text, refresh_cells, show_state, state_item, states_unless_province
from ..widgets.flow import FlowLayout
from ..widgets.messages import current_lang, show_error
from ..widgets.simple_form import Field, FormDialog
from ..widgets.tables import align_right, fit_columns, readonly_table, year_combo
from ..workers import JobRunner, Latest
from .posting_dialog import PostingDialog, Villages

STEP_NAMES = {
    "preliminary": QT_TRANSLATE_NOOP("PovertyTab", "Đã lập danh sách sơ bộ"),
    "posted": QT_TRANSLATE_NOOP("PovertyTab", "Đã niêm yết, chờ ý kiến"),
    "objections": QT_TRANSLATE_NOOP("PovertyTab", "Có ý kiến chờ phúc tra"),
    "rechecked": QT_TRANSLATE_NOOP("PovertyTab", "Đã phúc tra"),
    "final": QT_TRANSLATE_NOOP("PovertyTab", "Đã công nhận"),
}
CHANGE_NAMES = {"new": QT_TRANSLATE_NOOP("PovertyTab", "Mới vào danh sách"),
                "leaving": QT_TRANSLATE_NOOP("PovertyTab", "Ra khỏi danh sách"),
                "changed": QT_TRANSLATE_NOOP("PovertyTab", "Đổi phân loại")}
PEOPLE_SYNC, OBJECTION_SYNC = 10, 5  # the sync state, each list's last column


class PovertyTab(QWidget):
    """Signals:
        sig_changed(): the list, a posting, an objection or the recognition was saved.
        sig_reloaded(): the year's review was read and is shown.
    """

    sig_changed = Signal()
    sig_reloaded = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._read, self._states_read = Latest(runner, self), Latest(runner, self)
        # What the year's read brought, for the steps' dialogs: the review and its households.
        self.review: poverty.ReviewInfo | None = None
        self.household_list: list[poverty.HouseholdInfo] = []
        self.villages = Villages(self, db, runner)
        self._waiting: list[tuple[str, str]] = []
        self.today = date.today
        self.year = year_combo(self.today().year, lambda y: self.tr("Rà soát năm %1").replace("%1", str(y)),
                               ahead=1, back=4)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.sync_label = QLabel()  # where the review itself stands with the province
        self.buttons = {key: QPushButton(text) for key, text in (
            ("import", self.tr("Nhập danh sách từ Excel…")), ("add", self.tr("Thêm hộ…")),
            ("post", self.tr("Niêm yết danh sách sơ bộ…")),
            ("objection", self.tr("Ghi ý kiến, khiếu nại…")), ("recheck", self.tr("Ghi kết quả phúc tra…")),
            ("post_recheck", self.tr("Niêm yết kết quả phúc tra…")), ("finalize", self.tr("Công nhận danh sách…")),
            ("post_final", self.tr("Niêm yết danh sách được công nhận…")))}
        grid = FlowLayout()  # the steps, in order, wrapping on a narrow screen
        for b in self.buttons.values():
            grid.addWidget(b)
        self.people = QStandardItemModel(self)
        self.changes = QStandardItemModel(self)
        self.objections = QStandardItemModel(self)
        self.people_view = readonly_table(self.people)
        self.objection_view = readonly_table(self.objections)
        self.change_view = readonly_table(self.changes)
        tabs = QTabWidget()
        tabs.addTab(self.people_view, self.tr("Danh sách hộ"))
        tabs.addTab(self.objection_view, self.tr("Ý kiến, phúc tra"))
        tabs.addTab(self.change_view, self.tr("So với năm trước"))
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.state, 1)
        self.sync_caption = QLabel(self.tr("Đồng bộ:"))
        top.addWidget(self.sync_caption)
        top.addWidget(self.sync_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(tabs, 1)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.buttons["import"].clicked.connect(lambda: self.start_import())
        self.buttons["post"].clicked.connect(lambda: self.post("preliminary"))
        self.buttons["post_recheck"].clicked.connect(lambda: self.post("recheck"))
        self.buttons["post_final"].clicked.connect(lambda: self.post("final"))
        self.buttons["objection"].clicked.connect(self.add_objection)
        self.buttons["add"].clicked.connect(self.add_household)
        self.buttons["recheck"].clicked.connect(self.recheck)
        self.buttons["finalize"].clicked.connect(self.finalize)
        self.reload()

    def info(self) -> poverty.ReviewInfo | None:
        """The year's review as last read."""
        return self.review

    def reload(self) -> None:
        """Read the year's review, its households, objections and changes in the database worker; shown
        together."""
        db, year = self.db, self.year.currentData()

        def read() -> tuple:
            info = poverty.review_of_year(db, year)
            if info is None:
                return None, [], [], [], None
            try:
                changes: list | KnownError = poverty.differences(db, info.year)
            except KnownError as exc:  # no list last year: said in the tab
                changes = exc
            households, objections = poverty.households(db, info.id), poverty.objections(db, info.id)
            states = states_unless_province(db, {"poverty_review": [info.id],
                                                 "poverty_household": [h.id for h in households],
                                                 "poverty_objection": [o.id for o in objections]})
            return info, households, objections, changes, states

        self._read.submit(read, lambda result: self._show(*result))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        review = self.review  # back from the Đồng bộ page: a sync may have moved them
        refresh_cells(self._states_read.submit, self.db, [(self.people, PEOPLE_SYNC), (self.objections, OBJECTION_SYNC)],
                      current_lang(), {"poverty_review": [review.id] if review else []},
                      lambda found: self._show_review_state(found, review))

    def _show_review_state(self, states: dict[str, RecordState] | None, info: poverty.ReviewInfo | None) -> None:
        if info is not self.review:
            return  # another year read meanwhile
        state = states.get(info.id) if states and info else None
        show_state(self.sync_label, state, current_lang())
        self.sync_caption.setVisible(state is not None)
        self.sync_label.setVisible(state is not None)

    def _show(self, info: poverty.ReviewInfo | None, households: list[poverty.HouseholdInfo],
              objections: list[poverty.ObjectionInfo], changes: list | KnownError,
              states: dict[str, RecordState] | None = None) -> None:
        lang = current_lang()
        self.review, self.household_list = info, households
        self._show_review_state(states, info)
        final = bool(info and info.decided_on)
        for key, button in self.buttons.items():
            if key in ("import", "add"):
                button.setEnabled(not final)
            elif key == "post_final":
                button.setEnabled(final)
            else:
                button.setEnabled(info is not None and not final)
        self.people.clear()
        self.objections.clear()
        self.changes.clear()
        self._waiting = []
        if info is None:
            self.state.setText(self.tr("Chưa có danh sách của năm này. Nhập danh sách từ Excel để bắt đầu."))
            self.sig_reloaded.emit()
            return
        counts = ", ".join(f"{poverty.class_name(k, lang) if k != 'khong' else self.tr('không thuộc diện')}: {n}"
                           for k, n in sorted(info.counts.items()))
        step = QCoreApplication.translate("PovertyTab", STEP_NAMES[info.step])
        decision = (self.tr(" — Quyết định %1 ngày %2").replace("%1", info.decision_number)
                    .replace("%2", format_vn(info.decided_on)) if info.decided_on else "")
        self.state.setText(f"<b>{step}</b>{decision}. {poverty.standard(info.standard).name_vi}. "
                           f"{self.tr('%1 hộ').replace('%1', str(info.households))} ({counts}).")
        self.people.setHorizontalHeaderLabels([self.tr("STT"), self.tr("Chủ hộ"), self.tr("CCCD"), self.tr("Thôn, bản"),
                                               self.tr("Dân tộc"), self.tr("Nhân khẩu"), self.tr("Thu nhập"),
                                               self.tr("Thiếu hụt"), self.tr("Sơ bộ"), self.tr("Công nhận"),
                                               header_text()])
        for i, h in enumerate(households, start=1):
            deprivations = h.deprivation_count if h.deprivation_count is not None else len(h.deprivations)
            cells = [QStandardItem(x) for x in (
                str(i), h.head_name, h.id_number, h.village, h.ethnicity, str(h.members),
                group_vn(h.income) if h.income is not None else "", str(deprivations or ""),
                poverty.class_name(h.preliminary_class, lang),
                poverty.class_name(h.final_class, lang) if info.decided_on else "")]
            for col in (0, 5, 6, 7):
                align_right(cells[col])
            self.people.appendRow([*cells, state_item("poverty_household", h.id, states, lang)])
        fit_columns(self.people_view, contents=(0, 2, 3, 4, 5, 6, 7, 8, 9, PEOPLE_SYNC), stretch=1)
        self.people_view.setColumnHidden(PEOPLE_SYNC, states is None)  # the communes' to see
        self._fill_objections(objections, states, lang)
        self._fill_changes(changes, lang)
        self.sig_reloaded.emit()

    def _fill_objections(self, found: list[poverty.ObjectionInfo], states: dict[str, RecordState] | None,
                         lang: str) -> None:
        self.objections.setHorizontalHeaderLabels([self.tr("Ngày"), self.tr("Người nêu"), self.tr("Nội dung"),
                                                   self.tr("Phúc tra"), self.tr("Kết quả"), header_text()])
        for o in found:
            if o.rechecked_on is None:
                self._waiting.append((o.content[:80], o.id))
            self.objections.appendRow([*(QStandardItem(x) for x in (
                format_vn(o.received_on), o.sender, o.content, format_vn(o.rechecked_on), o.result)),
                state_item("poverty_objection", o.id, states, lang)])
        fit_columns(self.objection_view, contents=(0, 3, OBJECTION_SYNC), stretch=2)
        self.objection_view.setColumnHidden(OBJECTION_SYNC, states is None)

    def _fill_changes(self, found: list | KnownError, lang: str) -> None:
        self.changes.setHorizontalHeaderLabels([self.tr("Thay đổi"), self.tr("Chủ hộ"), self.tr("Thôn, bản"),
                                                self.tr("Năm trước"), self.tr("Năm nay")])
        if isinstance(found, KnownError):
            self.changes.appendRow([QStandardItem(found.message(lang))])
            fit_columns(self.change_view, stretch=0)
            return
        for d in found:
            self.changes.appendRow([QStandardItem(x) for x in (
                QCoreApplication.translate("PovertyTab", CHANGE_NAMES[d.change]), d.head_name, d.village,
                poverty.class_name(d.before, lang) if d.before else "",
                poverty.class_name(d.after, lang) if d.after else self.tr("không còn trong danh sách"))])
        fit_columns(self.change_view, contents=(0, 2, 3, 4), stretch=1)

    def start_import(self, path: Path | None = None, confirm: bool = True) -> ImportFlow | None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn danh sách hộ nghèo, cận nghèo"), "",
                                                  self.tr("Bảng tính Excel (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        year, lang = self.year.currentData(), current_lang()

        def question(p: poverty.PovertyPreview) -> str:
            text = self.tr("Danh sách năm %1: %2 hộ. Nhập làm danh sách sơ bộ?").replace("%1", str(p.year)) \
                .replace("%2", str(len(p.parsed.rows)))
            if p.replaces:
                text += "\n" + self.tr("Danh sách sơ bộ hiện có (%1 hộ) sẽ được thay.").replace("%1", str(p.replaces))
            warnings = row_lines(p.summary(lang)["warnings"])
            if warnings:
                text += "\n\n" + self.tr("Cần xem lại:") + "\n" + "\n".join(warnings[:15])
            return text

        db, today = self.db, self.today()
        flow = ImportFlow(self, self.runner, self.tr("Đang đọc danh sách hộ…"),
                          lambda: poverty.preview_import(db, path, year=year),
                          lambda p: row_lines(p.summary(lang)["errors"]), question,
                          lambda p: poverty.apply_import(db, p, listed_on=today),
                          lambda written: written and (self.reload(), self.sig_changed.emit()), confirm)
        flow.start()
        return flow

    def _need_review(self) -> poverty.ReviewInfo | None:
        info = self.info()
        if info is None:
            show_error(self, self.tr("Chưa có danh sách của năm này."))
        return info

    def post(self, step: str) -> PostingDialog | None:
        info = self._need_review()
        if info is None:
            return None
        kind = {"preliminary": "poverty_preliminary", "recheck": "poverty_recheck", "final": "poverty_final"}[step]

        db, today = self.db, self.today()

        def save(inp: postings.PostingInput) -> str:
            return poverty.post_list(db, info.id, poverty.ListPostingInput(
                step, inp.start_on or today, inp.places, inp.channels, doc_number=inp.doc_number,
                doc_date=inp.doc_date, end_on=inp.end_on, feedback_to=inp.feedback_to,
                feedback_until=inp.feedback_until))

        dialog = PostingDialog(self.villages.items, save, self, today, poverty_review_id=info.id, runner=self.runner)
        dialog.preset(kind, str(info.year), "", info.decision_number if step == "final" else "",
                      info.decided_on if step == "final" else info.listed_on)
        dialog.accepted.connect(lambda: (self.reload(), self.sig_changed.emit()))
        dialog.open()
        return dialog

    def _class_choices(self, with_none: bool) -> list[tuple[str, str]]:
        lang = current_lang()
        out = [(poverty.class_name(c, lang), c) for c in poverty.CLASSES]
        return out + ([(self.tr("Không thuộc diện"), "")] if with_none else [])

    def add_household(self) -> FormDialog:
        year, db = self.year.currentData(), self.db

        def save(v: dict) -> str:
            income = parse_amount(v["income"], "thu nhập")
            members = parse_amount(v["members"], "số nhân khẩu") or 1
            review_id = poverty.ensure_review(db, year)
            return poverty.add_household(db, review_id, poverty.HouseholdInput(
                v["head"], v["klass"], village=v["village"], id_number=v["id_number"], members=members,
                ethnicity=v["ethnicity"], area=v["area"], income=income, notes=v["notes"]))

        dialog = FormDialog(self.tr("Thêm hộ vào danh sách"), [
            Field("head", self.tr("Họ và tên chủ hộ:")),
            Field("id_number", self.tr("Số CCCD:")),
            Field("village", self.tr("Thôn, bản:"), "choice",
                  choices=[(v.name, v.name) for v in self.villages.items] or [("", "")]),
            Field("ethnicity", self.tr("Dân tộc:")),
            Field("members", self.tr("Số nhân khẩu:"), value="1"),
            Field("area", self.tr("Khu vực:"), "choice", choices=[(self.tr("Nông thôn"), "rural"),
                                                                  (self.tr("Thành thị"), "urban")]),
            Field("income", self.tr("Thu nhập (đồng/người/tháng):")),
            Field("klass", self.tr("Phân loại:"), "choice", choices=self._class_choices(False)),
            Field("notes", self.tr("Ghi chú:"))], save, self, runner=self.runner)
        dialog.accepted.connect(lambda: (self.reload(), self.sig_changed.emit()))
        dialog.open()
        return dialog

    def add_objection(self) -> FormDialog | None:
        info = self._need_review()
        if info is None:
            return None
        who = [(self.tr("(không gắn với hộ nào)"), None)] + [
            (f"{h.head_name} — {h.village}", h.id) for h in self.household_list]
        db, today = self.db, self.today()
        dialog = FormDialog(self.tr("Ý kiến, khiếu nại về danh sách"), [
            Field("received_on", self.tr("Ngày nhận:"), "date", self.today()),
            Field("sender", self.tr("Người nêu:")),
            Field("household", self.tr("Về hộ:"), "choice", choices=who),
            Field("content", self.tr("Nội dung:"), "long")],
            lambda v: poverty.add_objection(db, info.id, v["received_on"] or today, v["content"], v["sender"],
                                            v["household"]), self, runner=self.runner)
        dialog.accepted.connect(lambda: (self.reload(), self.sig_changed.emit()))
        dialog.open()
        return dialog

    def recheck(self) -> FormDialog | None:
        info = self._need_review()
        if info is None:
            return None
        waiting = self._waiting
        if not waiting:
            show_error(self, self.tr("Chưa có ý kiến nào cần phúc tra."))
            return None
        db, today = self.db, self.today()
        dialog = FormDialog(self.tr("Kết quả phúc tra"), [
            Field("objection", self.tr("Ý kiến:"), "choice", choices=waiting),
            Field("rechecked_on", self.tr("Ngày phúc tra:"), "date", self.today()),
            Field("result", self.tr("Kết quả:"), "long"),
            Field("class_after", self.tr("Phân loại sau phúc tra:"), "choice", choices=self._class_choices(True))],
            lambda v: poverty.recheck(db, v["objection"], v["rechecked_on"] or today, v["result"], v["class_after"]),
            self, runner=self.runner)
        dialog.accepted.connect(lambda: (self.reload(), self.sig_changed.emit()))
        dialog.open()
        return dialog

    def finalize(self) -> FormDialog | None:
        info = self._need_review()
        if info is None:
            return None
        db, today = self.db, self.today()
        dialog = FormDialog(self.tr("Quyết định công nhận danh sách"), [
            Field("number", self.tr("Số quyết định:"), placeholder="125/QĐ-UBND"),
            Field("decided_on", self.tr("Ngày quyết định:"), "date", self.today())],
            lambda v: poverty.finalize(db, info.id, v["number"], v["decided_on"] or today), self,
            self.tr("Công nhận"), runner=self.runner)
        dialog.accepted.connect(lambda: (self.reload(), self.sig_changed.emit()))
        dialog.open()
        return dialog
