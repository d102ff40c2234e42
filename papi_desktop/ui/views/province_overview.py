"""Tổng hợp: the province's overview of its communes for a reporting period: figures and charts at a
glance, the communes board, the overdue tasks, the registers per commune, the bundles waiting; a
commune opens read-only (province_commune); the consolidated report is exported signed. Every read
runs in the database worker."""

from __future__ import annotations

from pathlib import Path

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
from ...services import consolidated_report, province_view, reference, reports
from ...storage.db import Database
from ..models.sync_models import RowsModel
from ..widgets import sync_widgets as sw
from ..widgets.charts import COLOURS, ShareBar, Tile
from ..widgets.messages import current_lang, error_text, show_error, show_info
from ..widgets.status_chart import StatusChart
from ..widgets.tables import readonly_table
from ..workers import JobRunner

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


def _load(db: Database, period: str | None) -> tuple[list[str], province_view.Overview]:
    """In the database worker: the periods to choose from and the overview of one."""
    today = reports.today_vn()
    codes = [p.code for year in (today.year, today.year - 1) for p in province_view.periods_of(year)
             if p.start <= today]
    return codes, province_view.overview(db, period, today)


class ProvinceOverviewPage(QWidget):
    """Signals:
        sig_loaded(): an overview arrived and is shown (tests wait on it).
    """

    sig_loaded = Signal()

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.view: province_view.Overview | None = None
        self._asked = 0
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
        self.progress_chart = StatusChart()
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
        asked, period = self._asked, self.period.currentData()
        self.refresh_button.setEnabled(False)
        self.runner.submit(lambda: _load(self.db, period), lambda got: self._show(asked, got), self._failed)

    def _failed(self, exc: BaseException) -> None:
        """Said on the page, not in a box that waits for a click: a read runs each time the page shows."""
        self.refresh_button.setEnabled(True)
        self.note.setText(error_text(exc))

    def _show(self, asked: int, got: tuple[list[str], province_view.Overview]) -> None:
        if asked != self._asked:  # a newer read is on its way
            return
        self.refresh_button.setEnabled(True)
        codes, view = got
        self.view = view
        self.period.clear()
        en = current_lang() == "en"
        for code in codes:
            p = province_view.period(code)
            self.period.addItem(f"{p.name_en if en else p.name_vi} {p.year}", code)
        self.period.setCurrentIndex(max(0, self.period.findData(view.period.code)))
        totals = view.completeness.totals
        waiting = sum(c.held + c.forks + c.quarantined for c in view.communes)
        self.tiles["communes"].set_value(str(len(view.communes)))
        self.tiles["received"].set_value(f"{totals['received']}/{totals['expected']}")
        self.tiles["on_time"].set_value(str(totals["on_time"]), COLOURS["on_time"])
        self.tiles["overdue"].set_value(str(len(view.progress.overdue)), COLOURS["overdue"] if view.progress.overdue
                                        else "")
        self.tiles["waiting"].set_value(str(waiting), COLOURS["late"] if waiting else "")
        self.reports_bar.set_parts([(self.tr("Đúng hạn"), totals["on_time"], COLOURS["on_time"]),
                                    (self.tr("Chậm"), totals["late"], COLOURS["late"]),
                                    (self.tr("Chưa gửi"), totals["missing"], COLOURS["missing"]),
                                    (self.tr("Chưa đến hạn"), totals["not_due"], COLOURS["not_due"])])
        dims = {d.number: d for d in reference.dimensions()}
        self.progress_chart.set_data(
            [(f"{n}. {dims[n].name_en if en else dims[n].name_vi}", counts)
             for n, counts in sorted(view.progress.by_dimension.items()) if n in dims],
            [("done", self.tr("Hoàn thành"), COLOURS["done"]), ("in_progress", self.tr("Đang thực hiện"),
                                                               COLOURS["in_progress"]),
             ("overdue", self.tr("Quá hạn"), COLOURS["overdue"]), ("not_started", self.tr("Chưa thực hiện"),
                                                                   COLOURS["not_started"])])
        due = format_vn(view.period.due) if view.period.due else "–"
        judged = (self.tr("Đúng hạn tính theo ngày xã ban hành báo cáo.") if view.completeness.measure == "issued"
                  else self.tr("Đúng hạn tính theo ngày tỉnh nhận được báo cáo trong gói dữ liệu của xã."))
        self.note.setText((self.tr("Kỳ %1: số liệu từ %2 đến %3; hạn gửi báo cáo: trước ngày %4.") + " " + judged)
                          .replace("%1", view.period.code).replace("%2", format_vn(view.period.start))
                          .replace("%3", format_vn(view.period.end)).replace("%4", due)
                          + ("" if view.progress.plan_id else " " + self.tr("Tỉnh chưa có kế hoạch PAPI của năm này.")))
        self._tables(view, en)
        self.sig_loaded.emit()

    def _tables(self, view: province_view.Overview, en: bool) -> None:
        subs = {r.unit_code: r for r in view.completeness.rows}
        status_names = {"on_time": self.tr("Đúng hạn"), "late": self.tr("Chậm"), "missing": self.tr("Chưa gửi"),
                        "not_due": self.tr("Chưa đến hạn")}
        rows = []
        for c in view.communes:
            prog = view.progress.by_commune.get(c.unit_code, {})
            d = view.disclosures.get(c.unit_code)
            sub = subs.get(c.unit_code)
            last, result, colour = "", self.tr("Chưa gửi gói nào"), "#7a7a7a"
            if c.last_bundle:
                last, result = sw.when(c.last_received_at), sw.status_name(c.last_status)
                colour = sw.STATUS_COLOURS.get(c.last_status, "")
            rows.append((c.unit_code, [c.unit_code, c.unit_name, last, c.last_device, result, c.pending_receipts,
                                       c.held, c.forks, c.quarantined,
                                       status_names.get(sub.status, "") if sub else "",
                                       f"{prog.get('done', 0)}/{sum(prog.values())}", prog.get("overdue", 0),
                                       f"{d.ok}/{d.required}" if d else ""], colour))
        self.board_model.set_rows(rows)
        self.overdue_model.set_rows([(f"{o.unit_code}/{o.task_id}", [o.unit_name, f"{o.dimension}.{o.number}",
                                                                      " ".join(o.task.split()), format_vn(o.due)], "")
                                     for o in view.progress.overdue])
        names = view.names
        self.registers_model.set_rows([(u, [names.get(u, u), r.receptions, r.citizens, r.petitions,
                                            r.petitions_resolved, r.petitions_pending, r.dialogues, r.dialogue_issues,
                                            r.commitments_open], "") for u, r in view.registers.items()])
        self.waiting_model.set_rows([(w.bundle_id, [names.get(w.commune, w.commune), w.device, sw.status_name(w.status),
                                                    sw.when(w.received_at), w.reason_en if en else w.reason_vi],
                                      sw.STATUS_COLOURS.get(w.status, "")) for c in view.communes for w in c.waiting])
        self.tabs.setTabText(1, self.tr("Nhiệm vụ quá hạn (%1)").replace("%1", str(len(view.progress.overdue))))
        self.tabs.setTabText(3, self.tr("Gói chờ xử lý (%1)").replace("%1", str(self.waiting_model.rowCount())))

    # --- actions ------------------------------------------------------------------------------------

    def selected_unit(self) -> str | None:
        index = self.board_view.currentIndex()
        return self.board_model.row_id(index.row()) if index.isValid() else None

    def open_selected(self) -> None:
        unit = self.selected_unit()
        if unit is None or self.view is None:
            show_error(self, self.tr("Hãy chọn một xã, phường trong bảng các xã."))
            return
        from .province_commune import ProvinceCommuneDialog

        dialog = ProvinceCommuneDialog(self.db, self.runner, unit, self.view.period.code, self)
        dialog.show()

    def export(self) -> None:
        if self.view is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu báo cáo tổng hợp"))
        if not folder:
            return
        passphrase = sw.ask_passphrase(self, self.tr("Mật khẩu khóa của tỉnh (để ký báo cáo tổng hợp)."))
        if passphrase is None:
            return
        code = self.view.period.code
        self.export_button.setEnabled(False)
        self.runner.submit(
            lambda: consolidated_report.export(self.db, code, Path(folder), passphrase, reports.today_vn(),
                                               reports.today_vn()),
            self._exported, self._export_failed)

    def _exported(self, result: consolidated_report.ConsolidatedResult) -> None:
        self.export_button.setEnabled(True)
        show_info(self, self.tr("Đã xuất báo cáo tổng hợp có chữ ký của tỉnh:\n%1")
                  .replace("%1", "\n".join(str(f) for f in result.files)))

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        show_error(self, exc)
