"""Tổng hợp: for a year, which required disclosures are done, due, late or missing — per item, per
village — and the PAPI sub-dimensions they feed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from ...domain.dates import format_vn
from ...domain.period_labels import period_name
from ...services import compliance, reference
from ...services.handle import DataHandle
from ..widgets.messages import current_lang
from ..widgets.status_chart import StatusChart
from ..widgets.tables import align_right, fit_columns, readonly_table, year_combo
from ..workers import JobRunner, Latest
from .postings_page import STATUS_COLORS, status_name

CHART_ORDER = ("ok", "in_progress", "due", "late", "too_short", "missing_places", "missing_forms", "missing")


def _papi_names(codes: list[str], lang: str) -> str:
    dims = {d.number: d for d in reference.dimensions()}
    out = []
    for code in codes:
        dim, sub = (int(x) for x in code.split("."))
        names = dims[dim].sub[sub - 1]
        out.append(f"{code} {names[1] if lang == 'en' else names[0]}")
    return "; ".join(out)


class DisclosureDashboard(QWidget):
    """The year's check is computed in the database worker.

    Signals:
        sig_reloaded(): the year's check was computed and is shown.
    """

    sig_reloaded = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._read = Latest(runner, self)
        self.last_required: list[compliance.RequiredDisclosure] = []
        self.today = date.today
        self.year = year_combo(self.today().year)
        self.headline = QLabel()
        font = self.headline.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.headline.setFont(font)
        self.chart = StatusChart()
        self.villages = QStandardItemModel(self)
        self.village_view = QTableView()
        self.village_view.setModel(self.villages)
        self.village_view.verticalHeader().hide()
        self.village_view.setMaximumHeight(170)
        self.required = QStandardItemModel(self)
        self.required_view = readonly_table(self.required)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.headline, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart)
        layout.addWidget(QLabel(self.tr("Theo thôn, bản (các nội dung phải niêm yết tại nhà văn hóa):")))
        layout.addWidget(self.village_view)
        layout.addWidget(self.required_view, 1)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()

    def reload(self) -> None:
        db, year, today = self.db, self.year.currentData(), self.today()
        self._read.submit(lambda: compliance.check_year(db, year, today), lambda required: self._show(year, required))

    def _show(self, year: int, required: list[compliance.RequiredDisclosure]) -> None:
        lang = current_lang()
        self.last_required = required
        done = sum(r.status == "ok" for r in required)
        late = sum(r.status not in ("ok", "in_progress", "due") for r in required)
        self.headline.setText(self.tr("Năm %1: %2/%3 nội dung đạt, %4 chưa đạt hoặc chưa công khai")
                              .replace("%1", str(year)).replace("%2", str(done)).replace("%3", str(len(required)))
                              .replace("%4", str(late)))
        rows = [((f"{s.item}. " if s.item else "") + (s.short_en if lang == "en" else s.short_vi), s.counts)
                for s in compliance.summary_by_item(required)]
        self.chart.set_data(rows, [(s, status_name(s), STATUS_COLORS[s]) for s in CHART_ORDER])
        by_village = compliance.summary_by_village(required)
        self.villages.clear()
        self.villages.setHorizontalHeaderLabels([self.tr("Thôn, bản"), self.tr("Đạt"), self.tr("Chưa đạt"),
                                                 self.tr("Chưa đến hạn")])
        for village, counts in by_village.items():
            ok = counts.get("ok", 0) + counts.get("in_progress", 0)
            due = counts.get("due", 0)
            bad = sum(counts.values()) - ok - due
            cells = [QStandardItem(village), *(align_right(QStandardItem(str(n))) for n in (ok, bad, due))]
            if bad:
                cells[2].setForeground(QBrush(QColor(STATUS_COLORS["missing"])))
            self.villages.appendRow(cells)
        fit_columns(self.village_view, contents=(1, 2, 3), stretch=0)
        self.required.clear()
        self.required.setHorizontalHeaderLabels([self.tr("Nội dung"), self.tr("Kỳ"), self.tr("Hạn"),
                                                 self.tr("Tình trạng"), self.tr("Lý do"), self.tr("PAPI")])
        for r in required:
            status = QStandardItem(status_name(r.status))
            status.setForeground(QBrush(QColor(STATUS_COLORS.get(r.status, "#000000"))))
            reason = QStandardItem(r.reason(lang))
            reason.setToolTip(r.reason(lang))
            period = QStandardItem(period_name(r.subject_period, lang))  # "Quý I năm 2026", not "2026-Q1"
            self.required.appendRow([QStandardItem(r.name_en if lang == "en" else r.name_vi), period,
                                     QStandardItem(format_vn(r.deadline)), status, reason,
                                     QStandardItem(_papi_names(r.papi, lang))])
        fit_columns(self.required_view, contents=(1, 2, 3), stretch=4)  # period, deadline, status: whole
        self.required_view.setColumnWidth(0, 330)
        self.sig_reloaded.emit()
