"""The main window: navigation on the left, one page per capability."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from .. import __version__
from ..services import setup
from ..storage.db import Database
from .views.placeholder import PlaceholderPage
from .views.plan_page import PlanPage
from .views.settings_page import SettingsPage
from .widgets.messages import show_info
from .workers import JobRunner

# (key, label); pages not built yet say so plainly.
NAVIGATION = (
    ("plan", QT_TRANSLATE_NOOP("MainWindow", "Kế hoạch")),
    ("reception", QT_TRANSLATE_NOOP("MainWindow", "Tiếp công dân")),
    ("petitions", QT_TRANSLATE_NOOP("MainWindow", "Đơn thư")),
    ("dialogues", QT_TRANSLATE_NOOP("MainWindow", "Đối thoại")),
    ("postings", QT_TRANSLATE_NOOP("MainWindow", "Công khai")),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Báo cáo")),
    ("sync", QT_TRANSLATE_NOOP("MainWindow", "Đồng bộ")),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "Cài đặt")),
)


class MainWindow(QMainWindow):
    """Signals:
        sig_shown(): the window was shown (start-up benchmark and smoke test wait on it).
    """

    sig_shown = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = JobRunner(self)
        profile = setup.get_profile(db)
        unit = profile.unit_name if profile else ""
        demo = self.tr(" (xã mẫu)") if profile and profile.is_demo else ""
        self.setWindowTitle(f"PAPI Desktop — {unit}{demo}")
        self.resize(1280, 800)
        self.nav = QListWidget()
        self.nav.setFixedWidth(170)
        self.pages = QStackedWidget()
        self.page_by_key: dict[str, QWidget] = {}
        for key, label in NAVIGATION:
            self.nav.addItem(QCoreApplication.translate("MainWindow", label))
            page = self._make_page(key, QCoreApplication.translate("MainWindow", label))
            self.page_by_key[key] = page
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(QLabel(f"{unit}{demo}  ·  v{__version__}"))
        self._menus()

    @property
    def plan_page(self) -> PlanPage:
        page = self.page_by_key["plan"]
        assert isinstance(page, PlanPage)
        return page

    def _make_page(self, key: str, label: str) -> QWidget:
        if key == "plan":
            return PlanPage(self.db, self.runner, self)
        if key == "settings":
            page = SettingsPage(self.db, self)
            page.sig_language_changed.connect(
                lambda _c: self.statusBar().showMessage(self.tr("Đã lưu ngôn ngữ; mở lại chương trình để áp dụng."),
                                                        8000))
            return page
        return PlaceholderPage(label, self.tr("Chức năng này chưa có trong phiên bản %1. Nó sẽ có trong các "
                                              "bản cập nhật tiếp theo; dữ liệu hiện có không bị ảnh hưởng.")
                               .replace("%1", __version__))

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        imp = QAction(self.tr("Nhập kế hoạch từ Excel…"), self)
        imp.setShortcut(QKeySequence("Ctrl+I"))
        imp.triggered.connect(self._import)
        quit_action = QAction(self.tr("Thoát"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(imp)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Trợ giúp"))
        about = QAction(self.tr("Giới thiệu"), self)
        about.triggered.connect(lambda: show_info(self, self.tr(
            "PAPI Desktop %1 — quản lý kế hoạch cải thiện chỉ số PAPI và hồ sơ trách nhiệm giải trình của xã, "
            "phường tỉnh Sơn La. Làm việc không cần mạng.").replace("%1", __version__)))
        help_menu.addAction(about)

    def _import(self) -> None:
        self.nav.setCurrentRow(0)
        self.plan_page.open_import()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.sig_shown.emit()

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self.runner.shutdown()
        super().closeEvent(event)
