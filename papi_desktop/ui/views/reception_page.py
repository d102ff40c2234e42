"""Tiếp công dân: the reception book over any number of visits, search, statistics, entry, import."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Cancelled
from ...domain.jobs import CancelToken
from ...services import progress, province, reception, reception_import, reception_words, setup
from ...services.handle import DataHandle
from ...services.reception import TYPE_LABELS
from ..job_progress import QtProgress
from ..models.lazy import Indexed, indexed
from ..models.reception_model import DIRECTION_LABELS, ReceptionTableModel
from ..models.record_state import labels, with_states
from ..widgets.flow import FlowLayout, placeholder_width
from ..widgets.messages import ask, current_lang, error_text, show_error, show_info
from ..widgets.tables import show_row, text_columns
from ..workers import JobRunner, Latest
from .reception_form import ReceptionDialog

Window = tuple[date, date]
ListRead = tuple[Indexed, str, list[date], str, bool]  # what _show() takes


def default_candidates(windows: list[Window | None], today: date, current: int) -> list[int]:
    """The periods the page may open on, as indexes into windows: today's (current; -1 when none is
    listed), then those ended before it began, the most recent first. The page opens on the first that
    holds a visit, or on today's when none does."""
    window = windows[current] if current >= 0 else None
    limit = window[0] if window else today
    earlier = sorted(((w[1], i) for i, w in enumerate(windows) if w and w[1] < limit),
                     key=lambda e: e[0], reverse=True)  # stable: in the chooser's order within one end
    return ([current] if current >= 0 else []) + [i for _end, i in earlier]


def _ids(db: DataHandle, search: str, window: Window | None, kind: str | None) -> list[str]:
    start, end = window if window else (None, None)
    return reception.reception_ids(db, search, start, end, kind)


def _read_list(db: DataHandle, ids: Indexed, window: Window | None, today: date, lang: str) -> ListRead:
    """In the worker: a period's statistics and weekly check beside its list, and the entry's defaults."""
    stats, missing = "", []
    if window:
        start, end = window
        stats = reception_words.statistics_text(reception.statistics(db, start, end), lang)
        missing = reception.weeks_without_periodic(db, start, min(end, today))
    profile = setup.get_profile(db)
    return ids, stats, missing, profile.officer_name if profile else "", province.is_province(db)



class ReceptionPage(QWidget):
    """Signals:
        sig_reloaded(int): visits shown after a reload.
        sig_imported(int): visits written by an import.
    """

    sig_reloaded = Signal(int)
    sig_imported = Signal(int)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self._read = Latest(runner, self)
        self.receiver = ""  # the officer on the profile, read with the list: the entry dialog's default
        self.today = date.today
        self._progress: QtProgress | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo họ tên, địa chỉ, nội dung (không dấu cũng được)… Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.period = QComboBox()
        self.period.addItem(self.tr("Tất cả thời gian"), None)
        for year in (self.today().year + 1, self.today().year, self.today().year - 1):
            for p in progress.periods(year):
                self.period.addItem(p.label(current_lang()), (p.start, p.end))
        current = progress.period_for_day(self.today())
        window = (current.start, current.end) if current is not None else None
        idx = next((i for i, w in enumerate(self._windows()) if w and w == window), -1)
        if idx > 0:
            self.period.setCurrentIndex(idx)
        # Today's period is shown until the first read says which period holds visits (on 01/12 today's is
        # next year's, still empty); None once chosen, or once the user chose one.
        self._choose_from: list[int] | None = default_candidates(self._windows(), self.today(), idx)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Mọi hình thức"), None)
        for code, label in (("regular", self.tr("Thường xuyên")), ("periodic", self.tr("Định kỳ")),
                            ("adhoc", self.tr("Đột xuất"))):
            self.kind.addItem(label, code)
        self.add_button = QPushButton(self.tr("Ghi lượt tiếp (Ctrl+N)"))
        self.import_button = QPushButton(self.tr("Nhập sổ từ Excel…"))
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        self.stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e;")
        self.model = ReceptionTableModel(with_states(db, "reception", lambda ids: reception.reception_rows(db, ids)),
                                         current_lang(), self, runner)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(ReceptionTableModel.COL_SUMMARY,
                                                           QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()

        def widest(texts: Iterable[str]) -> str:
            return max(texts, key=fm.horizontalAdvance)

        text_columns(self.table, {
            ReceptionTableModel.COL_DATE: "00/00/0000", ReceptionTableModel.COL_TYPE: widest(TYPE_LABELS.values()),
            ReceptionTableModel.COL_NAMES: 150, ReceptionTableModel.COL_ADDRESS: 150,
            ReceptionTableModel.COL_ID: "000000000000", ReceptionTableModel.COL_PEOPLE: "000",
            ReceptionTableModel.COL_CLASSES: 120, ReceptionTableModel.COL_DIRECTION: widest(DIRECTION_LABELS.values()),
            ReceptionTableModel.COL_SYNC: widest(labels())})
        self.count = QLabel()
        bar = FlowLayout()  # wraps on a narrow screen: the import button stays in sight
        bar.addWidget(self.search, stretch=True, min_width=placeholder_width(self.search))
        for w in (self.period, self.kind, self.add_button, self.import_button):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stats)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button.clicked.connect(self.open_entry)
        self.import_button.clicked.connect(self._choose_import)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.open_entry)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self.reload()

    def window_dates(self) -> tuple[date | None, date | None]:
        value = self.period.currentData()
        return value if value else (None, None)

    def _windows(self) -> list[Window | None]:
        """Each entry of the period chooser as (start, end), None for all time: read in the worker."""
        return [self.period.itemData(i) for i in range(self.period.count())]

    def _period_chosen(self, _index: int = 0) -> None:
        self._choose_from = None  # the user's choice: never replaced by the default's
        self.reload()

    def reload(self) -> None:
        """Read the list's ids, the period's statistics and the weekly check in the database worker (and,
        on the first read, which period to open on)."""
        index, windows, choose_from = self.period.currentIndex(), self._windows(), self._choose_from
        db, search, kind = self.db, self.search.text(), self.kind.currentData()
        today, lang = self.today(), current_lang()

        def read() -> tuple[int | None, ListRead]:
            chosen, found = None, None
            if choose_from:  # the first period that holds a visit, else today's (the first)
                chosen = choose_from[0]
                for candidate in choose_from:
                    window = windows[candidate]
                    held = _ids(db, "", window, None) if window else []
                    if held:
                        chosen, found = candidate, held
                        break
            window = windows[chosen if chosen is not None else index]
            if found is not None and not search and not kind:
                return chosen, _read_list(db, indexed(found), window, today, lang)
            return chosen, _read_list(db, indexed(_ids(db, search, window, kind)), window, today, lang)

        self._read.submit(read, lambda result: self._read_shown(*result))

    def _read_shown(self, chosen: int | None, result: ListRead) -> None:
        if chosen is not None and self._choose_from is not None:
            self._choose_from = None
            with QSignalBlocker(self.period):  # the list read for it is the one shown now
                self.period.setCurrentIndex(chosen)
        self._show(*result)

    def select_record(self, visit_id: str) -> None:
        """Show one visit selected (the home page's double-click). The list is read again in the worker
        under filters that hold the visit: the period chosen if it holds its day, else the period that
        does (all time when none listed does), any type if the chosen one is not its, and no search if
        the search hides it; then its row, wherever the lazy list has it, is scrolled to and made current."""
        self._choose_from = None
        self._timer.stop()
        index, windows = self.period.currentIndex(), self._windows()
        db, search, kind = self.db, self.search.text(), self.kind.currentData()
        today, lang = self.today(), current_lang()

        def read() -> tuple[int, str, str | None, ListRead]:
            idx, words, rtype = index, search, kind
            visit = next(iter(reception.reception_rows(db, [visit_id])), None)
            if visit is not None:
                day = visit.received_on
                window = windows[idx]
                if window and not window[0] <= day <= window[1]:
                    holding = [(w[1] - w[0], i) for i, w in enumerate(windows) if w and w[0] <= day <= w[1]]
                    idx = min(holding)[1] if holding else 0  # the shortest: the six months before the year
                if rtype and rtype != visit.reception_type:
                    rtype = None
            ids = indexed(_ids(db, words, windows[idx], rtype))
            if visit_id not in ids.rows and words:
                words = ""
                ids = indexed(_ids(db, "", windows[idx], rtype))
            return idx, words, rtype, _read_list(db, ids, windows[idx], today, lang)

        self._read.submit(read, lambda result: self._selected_read(visit_id, *result))

    def _selected_read(self, visit_id: str, index: int, search: str, kind: str | None, result: ListRead) -> None:
        with QSignalBlocker(self.period), QSignalBlocker(self.kind), QSignalBlocker(self.search):
            self.period.setCurrentIndex(index)
            self.kind.setCurrentIndex(next(i for i in range(self.kind.count()) if self.kind.itemData(i) == kind))
            self.search.setText(search)
        self._show(*result)
        show_row(self.table, result[0].rows.get(visit_id, -1))

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def _show(self, ids: Indexed, stats: str, missing: list[date], receiver: str, is_province: bool = False) -> None:
        # The province's copies are what it received: their sync state is the communes' to see.
        self.table.setColumnHidden(ReceptionTableModel.COL_SYNC, is_province)
        self.model.set_ids(ids)
        self.receiver = receiver
        self.count.setText(self.tr("%1 lượt tiếp").replace("%1", str(len(ids.ids))))
        self.stats.setText(stats)
        # One week apart from several: English says "1 week", "3 weeks" (the .ts has no plural forms).
        warning = self.tr("Chủ tịch UBND chưa có buổi tiếp định kỳ trong 01 tuần (ít nhất 01 ngày/tuần), tuần "
                          "đó bắt đầu %2.") if len(missing) == 1 else \
            self.tr("Chủ tịch UBND chưa có buổi tiếp định kỳ trong %1 tuần (ít nhất 01 ngày/tuần), tuần gần "
                    "nhất bắt đầu %2.")
        self.warning.setText(warning.replace("%1", str(len(missing)))
                             .replace("%2", missing[-1].strftime("%d/%m/%Y")) if missing else "")
        self.sig_reloaded.emit(len(ids.ids))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.model.refresh_states()  # back from the Đồng bộ page: a sync may have moved them

    def open_entry(self) -> ReceptionDialog:
        dialog = ReceptionDialog(self.db, self.runner, self, self.today(), receiver=self.receiver)
        dialog.sig_saved.connect(lambda _id: self.reload())
        dialog.open()
        return dialog

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn sổ tiếp công dân"), "",
                                              self.tr("Bảng tính Excel (*.xlsx)"))
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path, confirm: bool = True) -> None:
        """Preview in the worker, ask, then write all-or-nothing in the worker."""
        token = CancelToken()
        self._progress = QtProgress(self, self.tr("Đang đọc sổ tiếp công dân…"), token)
        progress_obj = self._progress
        self.runner.submit(lambda: reception_import.preview_import(self.db, path, progress_obj, token),
                           lambda preview: self._previewed(preview, confirm), self._failed)

    def _previewed(self, preview: reception_import.RegisterPreview, confirm: bool) -> None:
        self._close_progress()
        summary = preview.summary(current_lang())
        if preview.parsed.errors:
            lines = [self.tr("Dòng %1: %2").replace("%1", str(e["row"])).replace("%2", e["reason"])
                     for e in summary["errors"][:30]]
            show_error(self, self.tr("Tệp có %1 dòng lỗi; chưa ghi dữ liệu nào. Sửa tệp rồi nhập lại.\n\n")
                       .replace("%1", str(len(preview.parsed.errors))) + "\n".join(lines))
            self.sig_imported.emit(0)
            return
        text = self.tr("%1 lượt tiếp trong tệp: %2 lượt mới, %3 lượt đã có trong sổ. Nhập các lượt mới?") \
            .replace("%1", str(summary["rows"])).replace("%2", str(summary["new"])) \
            .replace("%3", str(summary["already_in_book"]))
        if confirm and not ask(self, text):
            return
        token = CancelToken()
        self._progress = QtProgress(self, self.tr("Đang nhập sổ tiếp công dân…"), token)
        progress_obj = self._progress
        self.runner.submit(lambda: reception_import.apply_import(self.db, preview, progress_obj, token),
                           self._imported, self._failed)

    def _imported(self, written: int) -> None:
        self._close_progress()
        self.reload()
        self.sig_imported.emit(written)
        show_info(self, self.tr("Đã nhập %1 lượt tiếp.").replace("%1", str(written)))

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.sig_imported.emit(0)
        show_error(self, self.tr("Đã hủy. Dữ liệu không thay đổi.") if isinstance(exc, Cancelled) else error_text(exc))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
