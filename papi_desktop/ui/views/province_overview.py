"""Tổng hợp: the province's overview of its communes for a reporting period: figures and charts at a
glance, the communes board, the overdue tasks, the registers per commune, the bundles waiting; a
commune opens read-only (province_commune); the consolidated report is exported signed. Every read
runs in the database worker."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_vn
from ...domain.period_labels import period_name
from ...services import province_view, reference
from ...services.handle import DataHandle
from ..models.sync_models import RowsModel
from ..widgets import sync_widgets as sw
from ..widgets.charts import COLOURS, ShareBar, Tile
from ..widgets.messages import current_lang, error_text, show_error, show_info
from ..widgets.role_gate import RoleGate
from ..widgets.status_chart import StatusChart
from ..widgets.tables import readonly_table
from ..workers import JobRunner, Latest
from .province_commune import ProvinceCommuneDialog  # imported with this page, in the worker

if TYPE_CHECKING:
    from ...services.consolidated_report import ConsolidatedResult

CTX = "ProvinceOverview"
BOARD_HEADERS = (QT_TRANSLATE_NOOP("ProvinceOverview", "Mã"), QT_TRANSLATE_NOOP("ProvinceOverview", "Xã, phường"),
                 QT_TRANSLATE_NOOP("ProvinceOverview", "Gói gần nhất"), QT_TRANSLATE_NOOP("ProvinceOverview", "Từ máy"),
                 QT_TRANSLATE_NOOP("ProvinceOverview", "Kết quả"), QT_TRANSLATE_NOOP("ProvinceOverview", "Biên nhận chưa xác nhận"),
                 QT_TRANSLATE_NOOP("ProvinceOverview", "Giữ lại"), QT_TRANSLATE_NOOP("ProvinceOverview", "Rẽ nhánh"),
                 QT_TRANSLATE_NOOP("ProvinceOverview", "Cách ly"), QT_TRANSLATE_NOOP("ProvinceOverview", "Báo cáo kỳ"),
                 QT_TRANSLATE_NOOP("ProvinceOverview", "Nhiệm vụ hoàn thành"), QT_TRANSLATE_NOOP("ProvinceOverview", "Quá hạn"),
                 QT_TRANSLATE_NOOP("ProvinceOverview", "Công khai đúng quy định"))
OVERDUE_HEADERS = (QT_TRANSLATE_NOOP("ProvinceOverview", "Xã, phường"), QT_TRANSLATE_NOOP("ProvinceOverview", "Nhiệm vụ"),
                   QT_TRANSLATE_NOOP("ProvinceOverview", "Nội dung"), QT_TRANSLATE_NOOP("ProvinceOverview", "Mốc quá hạn"))
REGISTER_HEADERS = (QT_TRANSLATE_NOOP("ProvinceOverview", "Xã, phường"), QT_TRANSLATE_NOOP("ProvinceOverview", "Lượt tiếp"),
                    QT_TRANSLATE_NOOP("ProvinceOverview", "Công dân"), QT_TRANSLATE_NOOP("ProvinceOverview", "Đơn tiếp nhận"),
                    QT_TRANSLATE_NOOP("ProvinceOverview", "Đã giải quyết"), QT_TRANSLATE_NOOP("ProvinceOverview", "Đang giải quyết"),
                    QT_TRANSLATE_NOOP("ProvinceOverview", "Hội nghị đối thoại"), QT_TRANSLATE_NOOP("ProvinceOverview", "Ý kiến"),
                    QT_TRANSLATE_NOOP("ProvinceOverview", "Cam kết chưa xong"))
WAITING_HEADERS = (QT_TRANSLATE_NOOP("ProvinceOverview", "Xã, phường"), QT_TRANSLATE_NOOP("ProvinceOverview", "Máy"),
                   QT_TRANSLATE_NOOP("ProvinceOverview", "Tình trạng"), QT_TRANSLATE_NOOP("ProvinceOverview", "Nhận lúc"),
                   QT_TRANSLATE_NOOP("ProvinceOverview", "Lý do"))


def _export(db: DataHandle, code: str, folder: Path, passphrase: str) -> ConsolidatedResult:
    """In the database worker, with the report writers imported there when first asked (not when the page's
    module loads: it loads when the page first opens)."""
    from ...services import consolidated_report

    today = province_view.today()
    return consolidated_report.export(db, code, folder, passphrase, today, today)


PARTS = ("reports", "progress", "disclosures", "registers")  # read in this order: the registers' year last


def _read(db: DataHandle, part: str, period: str | None, today: date) -> tuple[province_view.ReportingPeriod, Any]:
    """In the database worker: one part of the overview of a period (the default one when None). The
    reports part also gives the periods to choose from, the communes board and the period's reports."""
    found = province_view.dashboard_period(db, period, today)
    as_of = min(today, found.end)
    if part == "reports":
        codes = [p.code for year in (today.year, today.year - 1) for p in province_view.periods_of(year)
                 if p.start <= today]
        return found, (codes, province_view.communes_board(db), province_view.completeness(db, found.code, today))
    if part == "progress":
        return found, province_view.plan_progress(db, found.year, as_of)
    if part == "disclosures":
        return found, province_view.disclosure_compliance(db, found.end.year, as_of)
    return found, province_view.register_totals(db, found.start, found.end)


class ProvinceOverviewPage(QWidget):
    """The overview is read in four parts (PARTS), each shown as it arrives: the tiles, the reports bar and
    the board first, the registers' totals of the period last.

    Signals:
        sig_part_shown(str): one part of the overview arrived and is shown.
        sig_loaded(): every part of the overview asked last is shown (tests and the benchmark wait on it).
    """

    sig_part_shown = Signal(str)
    sig_loaded = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.view: province_view.Overview | None = None  # the whole overview, once every part is shown
        self.shown_period: province_view.ReportingPeriod | None = None
        self._asked, self._today = 0, province_view.today()
        self._got: dict[str, Any] = {}  # part -> what it read, for the read asked last
        self._reads = {part: Latest(runner, self) for part in PARTS}
        title = QLabel(self.tr("Tổng hợp các xã, phường"))
        title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.period = QComboBox()
        self.period.setMinimumWidth(160)
        self.period.activated.connect(lambda _i: self.reload())
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.refresh_button.clicked.connect(self.reload)
        self.open_button = QPushButton(self.tr("Xem xã đã chọn…"))
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton(self.tr("Xuất báo cáo tổng hợp…"))
        self.export_button.clicked.connect(self.export)
        self.export_gate = RoleGate(db, "consolidate", "sign").hold(self.export_button)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Kỳ báo cáo:")))
        for w in (self.period, self.refresh_button, self.open_button, self.export_button):
            top.addWidget(w)
        self.tiles = {key: Tile(text) for key, text in (
            ("communes", self.tr("xã, phường đã đăng ký")), ("received", self.tr("báo cáo kỳ đã nhận")),
            ("on_time", self.tr("báo cáo đúng hạn")), ("overdue", self.tr("lượt nhiệm vụ quá hạn")),
            ("waiting", self.tr("gói dữ liệu chờ xử lý")))}
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        self.reports_bar = ShareBar()
        self.progress_chart = StatusChart(row=22)  # 8 dimensions and the legend in a 1280×720 window
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.board_model = RowsModel(CTX, BOARD_HEADERS, (5, 6, 7, 8, 11), 4, self)
        self.board_view = readonly_table(self.board_model)
        for col, width in ((0, 60), (1, 190), (2, 120), (3, 110), (4, 150), (5, 90), (6, 62), (7, 62), (8, 62),
                           (9, 100), (10, 90), (11, 62)):
            self.board_view.setColumnWidth(col, width)
        self.board_view.doubleClicked.connect(lambda _i: self.open_selected())
        self.overdue_model = RowsModel(CTX, OVERDUE_HEADERS, (), None, self)
        self.registers_model = RowsModel(CTX, REGISTER_HEADERS, range(1, 9), None, self)
        self.waiting_model = RowsModel(CTX, WAITING_HEADERS, (), 2, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.board_view, self.tr("Các xã, phường"))
        self.tabs.addTab(readonly_table(self.overdue_model, 2), self.tr("Nhiệm vụ quá hạn"))
        self.tabs.addTab(readonly_table(self.registers_model, 0), self.tr("Tiếp dân, đơn thư, đối thoại"))
        self.tabs.addTab(readonly_table(self.waiting_model, 4), self.tr("Gói chờ xử lý"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(QLabel(self.tr("Báo cáo kỳ của các xã, phường")))
        layout.addWidget(self.reports_bar)
        layout.addWidget(QLabel(self.tr("Tiến độ nhiệm vụ theo chỉ số nội dung (lượt nhiệm vụ × xã, phường)")))
        layout.addWidget(self.progress_chart)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        self.reload()

    # --- reading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._asked += 1
        asked, period, today = self._asked, self.period.currentData(), province_view.today()
        self._got, self._today, self.view = {}, today, None
        self.refresh_button.setEnabled(False)
        for part in PARTS:
            self._reads[part].submit(partial(_read, self.db, part, period, today),
                                     partial(self._arrived, asked, part), self._failed)

    def _failed(self, exc: BaseException) -> None:
        """Said on the page, not in a box that waits for a click: a read runs each time the page shows."""
        self.refresh_button.setEnabled(True)
        self.note.setText(error_text(exc))

    def _arrived(self, asked: int, part: str, got: tuple[province_view.ReportingPeriod, Any]) -> None:
        if asked != self._asked:  # a newer read is on its way
            return
        found, value = got
        self._got[part] = value
        en = current_lang() == "en"
        if part == "reports":
            codes, communes, completeness = value
            self._show_reports(found, codes, communes, completeness, en)
        elif part == "progress":
            self._show_progress(value, en)
        elif part == "registers":
            self._show_registers(value)
        if part != "registers":
            self._board()
        self._note()
        self.sig_part_shown.emit(part)
        if len(self._got) == len(PARTS):
            _codes, communes, completeness = self._got["reports"]
            self.view = province_view.Overview(self._today, found, communes, completeness, self._got["progress"],
                                               self._got["registers"], self._got["disclosures"])
            self.refresh_button.setEnabled(True)
            self.sig_loaded.emit()

    def _show_reports(self, found: province_view.ReportingPeriod, codes: list[str],
                      communes: list[province_view.CommuneStatus], completeness: province_view.Completeness,
                      en: bool) -> None:
        self.shown_period = found
        self.period.clear()
        for code in codes:
            p = province_view.period(code)
            self.period.addItem(f"{p.name_en if en else p.name_vi} {p.year}", code)
        self.period.setCurrentIndex(max(0, self.period.findData(found.code)))
        totals = completeness.totals
        waiting = sum(c.held + c.forks + c.quarantined for c in communes)
        self.tiles["communes"].set_value(str(len(communes)))
        self.tiles["received"].set_value(f"{totals['received']}/{totals['expected']}")
        self.tiles["on_time"].set_value(str(totals["on_time"]), COLOURS["on_time"])
        self.tiles["waiting"].set_value(str(waiting), COLOURS["late"] if waiting else "")
        self.reports_bar.set_parts([(self.tr("Đúng hạn"), totals["on_time"], COLOURS["on_time"]),
                                    (self.tr("Chậm"), totals["late"], COLOURS["late"]),
                                    (self.tr("Chưa gửi"), totals["missing"], COLOURS["missing"]),
                                    (self.tr("Chưa đến hạn"), totals["not_due"], COLOURS["not_due"])])
        names = {c.unit_code: c.unit_name for c in communes}
        self.waiting_model.set_rows([(w.bundle_id, [names.get(w.commune, w.commune), w.device, sw.status_name(w.status),
                                                    sw.when(w.received_at), w.reason_en if en else w.reason_vi],
                                      sw.STATUS_COLOURS.get(w.status, "")) for c in communes for w in c.waiting])
        self.tabs.setTabText(3, self.tr("Gói chờ xử lý (%1)").replace("%1", str(self.waiting_model.rowCount())))

    def _show_progress(self, progress: province_view.PlanProgress, en: bool) -> None:
        self.tiles["overdue"].set_value(str(len(progress.overdue)), COLOURS["overdue"] if progress.overdue else "")
        dims = {d.number: d for d in reference.dimensions()}
        self.progress_chart.set_data(
            [(f"{n}. {dims[n].name_en if en else dims[n].name_vi}", counts)
             for n, counts in sorted(progress.by_dimension.items()) if n in dims],
            [("done", self.tr("Hoàn thành"), COLOURS["done"]), ("in_progress", self.tr("Đang thực hiện"),
                                                               COLOURS["in_progress"]),
             ("overdue", self.tr("Quá hạn"), COLOURS["overdue"]), ("not_started", self.tr("Chưa thực hiện"),
                                                                   COLOURS["not_started"])])
        names = self._names()
        self.overdue_model.set_rows([(f"{o.unit_code}/{o.task_id}", [names.get(o.unit_code, o.unit_name),
                                                                      f"{o.dimension}.{o.number}",
                                                                      " ".join(o.task.split()), format_vn(o.due)], "")
                                     for o in progress.overdue])
        self.tabs.setTabText(1, self.tr("Nhiệm vụ quá hạn (%1)").replace("%1", str(len(progress.overdue))))

    def _show_registers(self, registers: dict[str, province_view.RegisterTotals]) -> None:
        names = self._names()
        self.registers_model.set_rows([(u, [names.get(u, u), r.receptions, r.citizens, r.petitions,
                                            r.petitions_resolved, r.petitions_pending, r.dialogues, r.dialogue_issues,
                                            r.commitments_open], "") for u, r in registers.items()])

    def _names(self) -> dict[str, str]:
        reports_part = self._got.get("reports")
        return {c.unit_code: c.unit_name for c in reports_part[1]} if reports_part else {}

    def _note(self) -> None:
        found = self.shown_period
        if found is None or "reports" not in self._got:
            return
        measure = self._got["reports"][2].measure
        due = format_vn(found.due) if found.due else "–"
        judged = (self.tr("Đúng hạn tính theo ngày xã ban hành báo cáo.") if measure == "issued"
                  else self.tr("Đúng hạn tính theo ngày tỉnh nhận được báo cáo trong gói dữ liệu của xã."))
        progress = self._got.get("progress")
        self.note.setText((self.tr("Kỳ %1: số liệu từ %2 đến %3; hạn gửi báo cáo: trước ngày %4.") + " " + judged)
                          .replace("%1", period_name(found.code, current_lang(), in_sentence=current_lang() == "vi"))
                          .replace("%2", format_vn(found.start))
                          .replace("%3", format_vn(found.end)).replace("%4", due)
                          + ("" if progress is None or progress.plan_id
                             else " " + self.tr("Tỉnh chưa có kế hoạch PAPI của năm này.")))

    def _board(self) -> None:
        """The communes board from the parts arrived so far ("…" where a part is still being read)."""
        if "reports" not in self._got:
            return
        _codes, communes, completeness = self._got["reports"]
        progress = self._got.get("progress")
        disclosures = self._got.get("disclosures")
        subs = {r.unit_code: r for r in completeness.rows}
        status_names = {"on_time": self.tr("Đúng hạn"), "late": self.tr("Chậm"), "missing": self.tr("Chưa gửi"),
                        "not_due": self.tr("Chưa đến hạn")}
        rows = []
        for c in communes:
            sub = subs.get(c.unit_code)
            last, result, colour = "", self.tr("Chưa gửi gói nào"), "#7a7a7a"
            if c.last_bundle:
                last, result = sw.when(c.last_received_at), sw.status_name(c.last_status)
                colour = sw.STATUS_COLOURS.get(c.last_status, "")
            done, overdue = "…", "…"
            if progress is not None:
                prog = progress.by_commune.get(c.unit_code, {})
                done, overdue = f"{prog.get('done', 0)}/{sum(prog.values())}", prog.get("overdue", 0)
            shown = "…"
            if disclosures is not None:
                d = disclosures.get(c.unit_code)
                shown = f"{d.ok}/{d.required}" if d else ""
            rows.append((c.unit_code, [c.unit_code, c.unit_name, last, c.last_device, result, c.pending_receipts,
                                       c.held, c.forks, c.quarantined,
                                       status_names.get(sub.status, "") if sub else "", done, overdue, shown], colour))
        current = self.selected_unit()
        self.board_model.set_rows(rows)
        if current is not None:  # a board filled again keeps the commune a person chose
            row = next((i for i, (code, _cells, _colour) in enumerate(rows) if code == current), None)
            if row is not None:
                self.board_view.setCurrentIndex(self.board_model.index(row, 0))

    # --- actions ------------------------------------------------------------------------------------

    def selected_unit(self) -> str | None:
        index = self.board_view.currentIndex()
        return self.board_model.row_id(index.row()) if index.isValid() else None

    def open_selected(self) -> None:
        unit = self.selected_unit()
        if unit is None or self.shown_period is None:
            show_error(self, self.tr("Hãy chọn một xã, phường trong bảng các xã."))
            return
        dialog = ProvinceCommuneDialog(self.db, self.runner, unit, self.shown_period.code, self)
        dialog.show()

    def export(self) -> None:
        if self.shown_period is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu báo cáo tổng hợp"))
        if not folder:
            return
        passphrase = sw.ask_passphrase(self, self.tr("Mật khẩu khóa của tỉnh (để ký báo cáo tổng hợp)."))
        if passphrase is None:
            return
        code = self.shown_period.code
        self.export_button.setEnabled(False)
        self.runner.submit(lambda: _export(self.db, code, Path(folder), passphrase), self._exported,
                           self._export_failed)

    def _exported(self, result: ConsolidatedResult) -> None:
        self.export_gate.enable(self.export_button, True)
        show_info(self, self.tr("Đã xuất báo cáo tổng hợp có chữ ký của tỉnh:\n%1")
                  .replace("%1", "\n".join(str(f) for f in result.files)))

    def _export_failed(self, exc: BaseException) -> None:
        self.export_gate.enable(self.export_button, True)
        show_error(self, exc)
