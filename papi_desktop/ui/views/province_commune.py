"""One commune seen from the province, read-only: its tasks as its plan page lists them, its reception
book and petitions (citizens' names and identity numbers masked, rows loaded a page at a time), its
dialogues and its required disclosures for the period. Every read runs in the database worker."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from ...domain.dates import format_vn
from ...domain.period_labels import period_name
from ...domain.status import STATUS_LABELS
from ...services import compliance, province_view
from ...services.handle import DataHandle
from ..models.lazy import LazyTableModel
from ..models.sync_models import RowsModel
from ..widgets import sync_widgets as sw
from ..widgets.forms import resize_within_screen
from ..widgets.messages import current_lang, show_error
from ..widgets.tables import readonly_table
from ..workers import JobRunner

CTX = "ProvinceCommune"
TASK_HEADERS = (QT_TRANSLATE_NOOP("ProvinceCommune", "Nhiệm vụ"), QT_TRANSLATE_NOOP("ProvinceCommune", "Nội dung"),
                QT_TRANSLATE_NOOP("ProvinceCommune", "Tình trạng"), QT_TRANSLATE_NOOP("ProvinceCommune", "Mốc tiếp theo"))
DIALOGUE_HEADERS = (QT_TRANSLATE_NOOP("ProvinceCommune", "Ngày"), QT_TRANSLATE_NOOP("ProvinceCommune", "Hội nghị"),
                    QT_TRANSLATE_NOOP("ProvinceCommune", "Ý kiến"), QT_TRANSLATE_NOOP("ProvinceCommune", "Cam kết chưa xong"))
DISCLOSURE_HEADERS = (QT_TRANSLATE_NOOP("ProvinceCommune", "Nội dung phải công khai"), QT_TRANSLATE_NOOP("ProvinceCommune", "Kỳ"),
                      QT_TRANSLATE_NOOP("ProvinceCommune", "Hạn"), QT_TRANSLATE_NOOP("ProvinceCommune", "Tình trạng"),
                      QT_TRANSLATE_NOOP("ProvinceCommune", "Lý do"))


class VisitsModel(LazyTableModel):
    CONTEXT = CTX
    HEADERS = (QT_TRANSLATE_NOOP("ProvinceCommune", "Ngày tiếp"), QT_TRANSLATE_NOOP("ProvinceCommune", "Công dân (đã che)"),
               QT_TRANSLATE_NOOP("ProvinceCommune", "Số người"), QT_TRANSLATE_NOOP("ProvinceCommune", "Nội dung"))
    COLUMNS = ("received_on", "citizens", "people_count", "summary")

    def display(self, record, col: int, for_sort: bool) -> object:
        value = super().display(record, col, for_sort)
        return format_vn(value) if col == 0 and not for_sort else value


class PetitionsModel(LazyTableModel):
    CONTEXT = CTX
    HEADERS = (QT_TRANSLATE_NOOP("ProvinceCommune", "Số đơn"), QT_TRANSLATE_NOOP("ProvinceCommune", "Ngày nhận"),
               QT_TRANSLATE_NOOP("ProvinceCommune", "Người gửi (đã che)"), QT_TRANSLATE_NOOP("ProvinceCommune", "Số định danh"),
               QT_TRANSLATE_NOOP("ProvinceCommune", "Phân loại"), QT_TRANSLATE_NOOP("ProvinceCommune", "Đã giải quyết xong"))
    COLUMNS = ("register_no", "received_on", "sender", "sender_id", "content_class", "closed_on")

    def display(self, record, col: int, for_sort: bool) -> object:
        value = super().display(record, col, for_sort)
        return format_vn(value) if col in (1, 5) and not for_sort else value


def _books(db: DataHandle, unit: str, period: str) -> tuple[list[str], list[str]]:
    """The ids of the commune's visits and petitions of the period (the lazy lists' projection), read
    apart so that the head and the tasks show first."""
    p = province_view.period(period)
    return province_view.reception_ids(db, unit, p.start, p.end), province_view.petition_ids(db, unit, p.start, p.end)


class ProvinceCommuneDialog(QDialog):
    """Read in two parts: the head, tasks, dialogues and disclosures first, then the books' ids.

    Signals:
        sig_loaded(): the commune's records arrived and are shown, both parts.
    """

    sig_loaded = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, unit: str, period: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner, self.unit = db, runner, unit
        self.setWindowTitle(self.tr("Xem dữ liệu của xã, phường (chỉ xem)"))
        resize_within_screen(self, 1100, 680)
        self.head = QLabel(self.tr("Đang đọc dữ liệu…"))
        self.head.setWordWrap(True)
        self.head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tasks_model = RowsModel(CTX, TASK_HEADERS, (), 2, self)
        self.visits_model = VisitsModel(lambda ids: province_view.reception_rows(db, ids), current_lang(), self,
                                        runner=runner)
        self.petitions_model = PetitionsModel(lambda ids: province_view.petition_rows(db, ids), current_lang(), self,
                                              runner=runner)
        self.dialogues_model = RowsModel(CTX, DIALOGUE_HEADERS, (2, 3), None, self)
        self.disclosures_model = RowsModel(CTX, DISCLOSURE_HEADERS, (), 3, self)
        self.tabs = QTabWidget()
        for model, text, stretch in ((self.tasks_model, self.tr("Nhiệm vụ"), 1),
                                     (self.visits_model, self.tr("Tiếp công dân"), 3),
                                     (self.petitions_model, self.tr("Đơn thư"), 2),
                                     (self.dialogues_model, self.tr("Đối thoại"), 1),
                                     (self.disclosures_model, self.tr("Công khai"), 4)):
            view = readonly_table(model, stretch)
            view.setColumnWidth(0, 110)
            self.tabs.addTab(view, text)
        self.tabs.widget(1).setColumnWidth(1, 280)  # the masked names of a visit's citizens
        self.tabs.widget(2).setColumnWidth(2, 200)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.tabs, 1)
        self._parts = 0
        runner.submit(lambda: province_view.commune_detail(db, unit, period, province_view.today(), registers=False),
                      self._show, self._failed, owner=self)
        runner.submit(lambda: _books(db, unit, period), self._show_books, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        if self._parts < 0:  # the other part failed first: one box is enough
            return
        self._parts = -1
        self.head.setText(self.tr("Không đọc được dữ liệu của xã."))
        show_error(self, exc)

    def _show(self, detail: province_view.CommuneDetail) -> None:
        lang = current_lang()
        en = lang == "en"
        status, sub = detail.status, detail.submission
        last = (self.tr("gói gần nhất nhận lúc %1 từ máy %2 (%3)").replace("%1", sw.when(status.last_received_at))
                .replace("%2", status.last_device).replace("%3", sw.status_name(status.last_status))
                if status and status.last_bundle else self.tr("chưa gửi gói dữ liệu nào"))
        report = {"on_time": self.tr("đúng hạn"), "late": self.tr("chậm"), "missing": self.tr("chưa gửi"),
                  "not_due": self.tr("chưa đến hạn")}.get(sub.status if sub else "", "")
        self.head.setText(self.tr("<b>%1</b> (mã %2), kỳ %3: %4; báo cáo kỳ: %5. Chỉ xem: họ tên và số định danh "
                                  "của công dân đã được che.")
                          .replace("%1", detail.unit_name).replace("%2", detail.unit_code)
                          .replace("%3", period_name(detail.period.code, lang, in_sentence=True))
                          .replace("%4", last).replace("%5", report))
        self.tasks_model.set_rows([(t.id, [f"{t.dimension}.{t.number}", " ".join(t.task.split()),
                                           STATUS_LABELS[t.shown_status][1 if en else 0], format_vn(t.next_due)],
                                    "#c62828" if t.overdue else "") for t in detail.tasks])
        self.dialogues_model.set_rows([(d.id, [format_vn(d.held_on), d.title, d.issues, d.open_commitments], "")
                                       for d in detail.dialogues])
        self.disclosures_model.set_rows([(f"{r.kind}/{r.subject_period}", [
            r.name_en if en else r.name_vi, period_name(r.subject_period, lang), format_vn(r.deadline),
            compliance.status_label(r.status, "en" if en else "vi"), r.reason("en" if en else "vi")],
            "#2e7d32" if r.status in ("ok", "in_progress") else "#c62828") for r in detail.disclosures])
        for i, n in ((0, len(detail.tasks)), (3, len(detail.dialogues)), (4, len(detail.disclosures))):
            self._count(i, n)
        self._part_shown()

    def _show_books(self, got: tuple[list[str], list[str]]) -> None:
        visits, petitions = got
        self.visits_model.set_ids(visits)
        self.petitions_model.set_ids(petitions)
        self._count(1, len(visits))
        self._count(2, len(petitions))
        self._part_shown()

    def _count(self, tab: int, n: int) -> None:
        self.tabs.setTabText(tab, f"{self.tabs.tabText(tab).split(' (')[0]} ({n})")

    def _part_shown(self) -> None:
        if self._parts < 0:
            return
        self._parts += 1
        if self._parts == 2:
            self.sig_loaded.emit()
