"""The main window: navigation on the left, one page per capability."""

from __future__ import annotations

import gc
import importlib
import importlib.util
import sys
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from .. import __version__
from .views.placeholder import PlaceholderPage
from .views.plan_preview import PlanPreview
from .widgets.forms import resize_within_screen
from .widgets.messages import show_info
from .workers import JobRunner

if TYPE_CHECKING:  # the pages and services import SQLAlchemy: loaded in attach(), off the start-up path
    from ..services.handle import DataHandle
    from ..services.plan_snapshot import PlanSnapshot
    from .views.plan_page import PlanPage

# Each page's module, relative to this package: imported in the worker before the page is built.
PAGE_MODULES = {"home": ".views.home_page", "plan": ".views.plan_page", "reception": ".views.reception_page",
                "petitions": ".views.petitions_page", "dialogues": ".views.dialogues_page",
                "postings": ".views.postings_page", "reports": ".views.reports_page", "sync": ".views.sync_page",
                "settings": ".views.settings_page", "overview": ".views.province_overview"}

# (key, label); pages not built yet say so plainly.
NAVIGATION = (
    ("home", QT_TRANSLATE_NOOP("MainWindow", "Tổng quan")),
    ("overview", QT_TRANSLATE_NOOP("MainWindow", "Tổng hợp")),  # province mode only
    ("plan", QT_TRANSLATE_NOOP("MainWindow", "Kế hoạch")),
    ("reception", QT_TRANSLATE_NOOP("MainWindow", "Tiếp công dân")),
    ("petitions", QT_TRANSLATE_NOOP("MainWindow", "Đơn thư")),
    ("dialogues", QT_TRANSLATE_NOOP("MainWindow", "Đối thoại")),
    ("postings", QT_TRANSLATE_NOOP("MainWindow", "Công khai")),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Báo cáo")),
    ("sync", QT_TRANSLATE_NOOP("MainWindow", "Đồng bộ")),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "Cài đặt")),
)


def _keep_out_of_collections() -> None:
    """The cyclic collector holds the interpreter lock while it walks objects, whichever thread started
    it: the worker building 20,000 rows stopped the window 200-400 ms at a time. What lives as long as
    the window (modules, the ORM's mappers, the pages and their Qt wrappers) is moved out of its reach
    (frozen objects are still freed when unreferenced), and the youngest generation is collected every
    10,000 allocations instead of 700, so the walks that remain are fewer and each one short: a job's
    own objects, not the whole program's (bench_gui.py: the longest gap during the report's preview
    went from ~250 to ~100 ms). Undone when the window closes (_collect_as_before)."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def _collect_as_before() -> None:
    gc.unfreeze()
    gc.set_threshold(*_DEFAULT_GC_THRESHOLD)


_DEFAULT_GC_THRESHOLD = gc.get_threshold()


class MainWindow(QMainWindow):
    """Shown at once; the pages are built by attach() once the database is open.

    Signals:
        sig_shown(): the window was shown.
        sig_preview_shown(): the plan's rows read before the database is open are on the plan page's place.
        sig_ready(): the pages are built on an open database and the plan page shows its data.
    """

    sig_shown = Signal()
    sig_preview_shown = Signal()
    sig_ready = Signal()
    _sig_snapshot = Signal(object)  # from the snapshot's thread, queued to the GUI thread

    def __init__(self, db: DataHandle | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: DataHandle | None = None
        self.ready = False  # the plan page shows the plan's data (sig_ready was emitted)
        self.preview: PlanPreview | None = None  # on the plan page's place until the real page has read the plan
        self._preview_dropped = False
        self.runner = JobRunner(self)
        self.setWindowTitle("PAPI Desktop")
        resize_within_screen(self, 1280, 800)  # a 1366×768 screen with a task bar: not taller than it
        self.nav = QListWidget()
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 7px 6px; }")
        self.pages = QStackedWidget()
        self.page_by_key: dict[str, QWidget] = {}
        for key, label in NAVIGATION:
            self.nav.addItem(QCoreApplication.translate("MainWindow", label))
            page = PlaceholderPage(QCoreApplication.translate("MainWindow", label),
                                   self.tr("Đang mở dữ liệu…"))
            self.page_by_key[key] = page
            self.pages.addWidget(page)
        self.nav.item(self._row("overview")).setHidden(True)  # shown once the database says province mode
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.unit_label = QLabel(f"v{__version__}")
        self.account_label = QLabel()
        self.account_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.account_label)
        self.statusBar().addPermanentWidget(self.unit_label)
        self._menus()
        if db is not None:
            self.attach(db)

    def show_preview(self, snapshot_read: Future) -> None:
        """snapshot_read: services.plan_snapshot.read run on a thread of its own (app.py), started before
        the window. Its rows take the plan page's place, and the window opens there, unless the real pages
        came first; a None result (no preview allowed, or none possible) leaves the window as it is."""
        self._sig_snapshot.connect(self._preview_read)

        def deliver(done: Future) -> None:
            if done.exception() is None:
                try:
                    self._sig_snapshot.emit(done.result())
                except RuntimeError:  # the window was deleted first
                    pass

        snapshot_read.add_done_callback(deliver)  # at once, on this thread, when the read is already done

    def _preview_read(self, snapshot: PlanSnapshot | None) -> None:
        index = self._row("plan")
        if (snapshot is None or self.db is not None or self._preview_dropped
                or not isinstance(self.page_by_key["plan"], PlaceholderPage)):
            return
        self.preview = PlanPreview(snapshot)
        self._replace(index, self.page_by_key["plan"], self.preview)
        self.page_by_key["plan"] = self.preview
        if self.nav.currentRow() == self._row("home"):  # not moved elsewhere meanwhile
            self.nav.setCurrentRow(index)
        self.sig_preview_shown.emit()

    def drop_preview(self) -> None:
        """The opening went another way (a login first, the province, an error): no rows read before it."""
        preview, self.preview = self.preview, None
        self._preview_dropped = True  # a read that ends later is not shown either
        if preview is not None and self.page_by_key["plan"] is preview:
            placeholder = PlaceholderPage(QCoreApplication.translate("MainWindow", NAVIGATION[self._row("plan")][1]),
                                          self.tr("Đang mở dữ liệu…"))
            self._replace(self._row("plan"), preview, placeholder)
            self.page_by_key["plan"] = placeholder

    def attach(self, db: DataHandle) -> None:
        """Build the real pages on the open database, replacing the placeholders. Each page reads its data
        in the database worker; sig_ready follows once the plan page shows the plan."""
        self.db = db
        # What the open imported and built (modules, the ORM's mappers) lives as long as the window: out of
        # the collector's reach now, or its first full walk lands in a page's construction below (75 ms).
        _keep_out_of_collections()
        self.runner.submit(lambda: self._unit_of(db), self._show_unit, lambda _exc: None, owner=self)
        from .widgets.sync_status import SyncStatus  # noqa: PLC0415

        self.sync_status = SyncStatus(db, self.runner, self)
        self.sync_status.sig_open.connect(lambda: self.nav.setCurrentRow(self._row("sync")))
        self.statusBar().insertPermanentWidget(0, self.sync_status)
        self._built: set[str] = set()
        self._importing: set[str] = set()
        # The plan page now (app.py imports its module with the database), so its read goes first in the
        # worker's queue (the home's due list can take a while); then the home page and the page shown.
        # The others when first opened (the disclosure dashboard and the reports page compute a year of
        # records: not on the start-up path).
        self._build("plan")
        for key in ("home", NAVIGATION[self.nav.currentRow()][0]):
            self._open(key)
        self.nav.currentRowChanged.connect(lambda row: self._open(NAVIGATION[row][0]))
        self.pages.setCurrentIndex(self.nav.currentRow())
        self.import_action.setEnabled(True)
        self._show_account()

    def _show_account(self) -> None:
        """Who is logged in (attributes the login set; no database read), and the account menu."""
        from ..domain import roles  # noqa: PLC0415

        db = self.db
        logged_in = db is not None and bool(db.user_id)
        for action in (self.password_action, self.logout_action):
            action.setEnabled(logged_in)
        if logged_in and db is not None:
            lang = "en" if QCoreApplication.instance().property("papi_lang") == "en" else "vi"
            self.account_label.setText(self.tr("Người dùng: %1 (%2)").replace("%1", db.user)
                                       .replace("%2", roles.label(db.role, lang)))
        self.account_label.setVisible(logged_in)

    def _change_password(self) -> None:
        from .views.login_dialog import AccountDialogs  # noqa: PLC0415

        if self.db is not None:
            dialog = AccountDialogs(self.db, self.runner, self).change_password()
            dialog.accepted.connect(lambda: show_info(self, self.tr("Đã đổi mật khẩu.")))
            dialog.open()

    def _logout(self) -> None:
        """Entered in the audit trail, then the program starts again at the login (no page keeps the data)."""
        from ..services import accounts  # noqa: PLC0415

        db = self.db
        if db is not None:
            self.runner.submit(lambda: accounts.logout(db), lambda _r: self._restart(), owner=self)

    @staticmethod
    def _unit_of(db: DataHandle) -> tuple[str, bool, bool]:
        """(unit name, demo, province mode): runs in the database worker."""
        from ..services import province, setup  # noqa: PLC0415

        profile = setup.get_profile(db)
        return (profile.unit_name if profile else "", bool(profile and profile.is_demo), province.is_province(db))

    def _show_unit(self, unit_of: tuple[str, bool, bool]) -> None:
        unit, is_demo, is_province = unit_of
        demo = self.tr(" (xã mẫu)") if is_demo else ""
        if is_province:  # the communes' profiles arrive in their bundles: not this installation's
            unit, demo = self.tr("Văn phòng tỉnh Sơn La (chế độ tỉnh)"), ""
        self.setWindowTitle(f"PAPI Desktop — {unit}{demo}")
        self.unit_label.setText(f"{unit}{demo}  ·  v{__version__}")
        self.nav.item(self._row("overview")).setHidden(not is_province)

    def _plan_shown(self) -> None:
        preview, self.preview = self.preview, None
        if preview is not None:  # the real page has read the plan: it takes the preview's place
            self._replace(self._row("plan"), preview, self.page_by_key["plan"])
        if not self.ready:
            self.ready = True
            _keep_out_of_collections()
            self.sig_ready.emit()

    def _open(self, key: str) -> None:
        """Build a page when it is first opened: its module (and the services, exports and libraries it
        imports) is imported in the worker first, so the GUI thread never waits for an import."""
        if self.db is None or key in self._built or key in self._importing:
            return
        module = PAGE_MODULES.get(key)
        if module is None or importlib.util.resolve_name(module, __package__) in sys.modules:
            self._build(key)
            return
        self._importing.add(key)

        def imported(_module: object) -> None:
            self._importing.discard(key)
            self._build(key)

        self.runner.submit(lambda: importlib.import_module(module, __package__), imported, owner=self)

    def _build(self, key: str) -> None:
        if self.db is None or key in self._built:
            return
        self._built.add(key)
        index = self._row(key)
        old = self.page_by_key[key]
        page = self._make_page(key, QCoreApplication.translate("MainWindow", NAVIGATION[index][1]))
        self.page_by_key[key] = page
        if old is not self.preview:  # the preview stays until the real page shows the plan (_plan_shown)
            self._replace(index, old, page)
        if self.ready:
            _keep_out_of_collections()

    def _replace(self, index: int, old: QWidget, page: QWidget) -> None:
        self.pages.insertWidget(index, page)
        if self.pages.currentWidget() is old:  # else removing it shows the next page for a moment (the plan's)
            self.pages.setCurrentWidget(page)
        self.pages.removeWidget(old)
        old.deleteLater()
        if self.nav.currentRow() == index:
            self.pages.setCurrentIndex(index)

    def _follow_autosync(self, sync_page: QWidget) -> None:
        autosync = getattr(getattr(sync_page, "view", None), "autosync", None)
        if autosync is not None and autosync is not getattr(self, "_followed", None):
            self._followed = autosync  # the page is loaded again on every visit: connect once
            self.sync_status.watch(autosync)

    def page(self, key: str) -> QWidget:
        """A page, built now if it was not opened yet."""
        self._build(key)
        return self.page_by_key[key]

    @property
    def plan_page(self) -> PlanPage:
        return self.page_by_key["plan"]  # type: ignore[return-value]

    def _make_page(self, key: str, label: str) -> QWidget:
        if key == "home":
            from .views.home_page import HomePage  # noqa: PLC0415

            home = HomePage(self.db, self.runner, self)
            home.sig_open.connect(self._open_due)
            self.nav.currentRowChanged.connect(lambda row: row == self._row("home") and home.reload())
            return home
        if key == "overview":
            from .views.province_overview import ProvinceOverviewPage  # noqa: PLC0415

            overview = ProvinceOverviewPage(self.db, self.runner, self)
            self.nav.currentRowChanged.connect(lambda row: row == self._row("overview") and overview.reload())
            return overview
        if key == "plan":
            from .views.plan_page import PlanPage  # noqa: PLC0415

            plan = PlanPage(self.db, self.runner, self)
            plan.sig_first_read.connect(self._plan_shown)  # its read was just asked for: it comes later
            return plan
        if key == "dialogues":
            from .views.dialogues_page import DialoguesPage  # noqa: PLC0415

            return DialoguesPage(self.db, self.runner, self)
        if key == "petitions":
            from .views.petitions_page import PetitionsPage  # noqa: PLC0415

            return PetitionsPage(self.db, self.runner, self)
        if key == "reports":
            from .views.reports_page import ReportsPage  # noqa: PLC0415

            return ReportsPage(self.db, self.runner, self)
        if key == "postings":
            from .views.postings_page import PostingsPage  # noqa: PLC0415

            return PostingsPage(self.db, self.runner, self)
        if key == "reception":
            from .views.reception_page import ReceptionPage  # noqa: PLC0415

            return ReceptionPage(self.db, self.runner, self)
        if key == "sync":
            from .views.sync_page import SyncPage  # noqa: PLC0415

            sync_page = SyncPage(self.db, self.runner, self)
            sync_page.sig_done.connect(lambda *_a: self.sync_status.refresh())
            sync_page.sig_loaded.connect(lambda _b: self._follow_autosync(sync_page))
            self.nav.currentRowChanged.connect(lambda row: row == self._row("sync") and sync_page.refresh())
            return sync_page
        if key == "settings":
            from .views.settings_page import SettingsPage  # noqa: PLC0415

            page = SettingsPage(self.db, self.runner, self)
            page.sig_language_changed.connect(
                lambda _c: self.statusBar().showMessage(self.tr("Đã lưu ngôn ngữ; mở lại chương trình để áp dụng."),
                                                        8000))
            page.sig_restored.connect(self._restart)
            return page
        return PlaceholderPage(label, self.tr("Chức năng này chưa có trong phiên bản %1. Nó sẽ có trong các "
                                              "bản cập nhật tiếp theo; dữ liệu hiện có không bị ảnh hưởng.")
                               .replace("%1", __version__))

    def _restart(self) -> None:
        """A backup was restored: the database it replaced is closed and the restored one may need its
        migration, so the program starts again on it (pages and workers must not touch the old one)."""
        from PySide6.QtCore import QProcess  # noqa: PLC0415

        sync_page = self.page_by_key.get("sync")
        autosync = getattr(getattr(sync_page, "view", None), "autosync", None)
        if autosync is not None:
            autosync.shutdown()  # a queued network sync would reopen the restored file
        args = sys.argv[1:] if getattr(sys, "frozen", False) else ["-m", "papi_desktop", *sys.argv[1:]]
        QProcess.startDetached(sys.executable, args)
        self.close()

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        imp = QAction(self.tr("Nhập kế hoạch từ Excel…"), self)
        imp.setShortcut(QKeySequence("Ctrl+I"))
        imp.setEnabled(False)
        imp.triggered.connect(self._import)
        self.import_action = imp
        quit_action = QAction(self.tr("Thoát"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(imp)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        account_menu = self.menuBar().addMenu(self.tr("Tài &khoản"))
        self.password_action = QAction(self.tr("Đổi mật khẩu…"), self)
        self.password_action.triggered.connect(self._change_password)
        self.logout_action = QAction(self.tr("Đăng xuất"), self)
        self.logout_action.triggered.connect(self._logout)
        for action in (self.password_action, self.logout_action):
            action.setEnabled(False)  # once logged in (a database with accounts)
            account_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Trợ giúp"))
        about = QAction(self.tr("Giới thiệu"), self)
        about.triggered.connect(lambda: show_info(self, self.tr(
            "PAPI Desktop %1 — quản lý kế hoạch cải thiện chỉ số PAPI và hồ sơ trách nhiệm giải trình của xã, "
            "phường tỉnh Sơn La. Làm việc không cần mạng.").replace("%1", __version__)))
        help_menu.addAction(about)

    def _import(self) -> None:
        self.nav.setCurrentRow(self._row("plan"))
        self.plan_page.open_import()

    def _row(self, key: str) -> int:
        return [k for k, _label in NAVIGATION].index(key)

    # The home list's kinds: the page each lives on, and the page's method that selects its record.
    _DUE_PAGES = {"reception": ("reception", "select_record"), "petition": ("petitions", "select_record"),
                  "commitment": ("dialogues", "select_commitment"), "disclosure": ("postings", ""),
                  "sync": ("sync", "")}

    def _open_due(self, kind: str, ref_id: str) -> None:
        """Double-click on the home list: go where the item lives, and select that very record there."""
        if kind == "milestone":
            self.nav.setCurrentRow(self._row("plan"))
            self.plan_page.select_task(ref_id)
            return
        if kind not in self._DUE_PAGES:
            return
        key, method = self._DUE_PAGES[kind]
        self.nav.setCurrentRow(self._row(key))
        if not method or not ref_id:  # the weekly reception reminder names no visit
            return
        if key in self._built:
            getattr(self.page(key), method)(ref_id)
        else:  # built once its module was imported in the worker (_open): this job comes after that one
            self.runner.submit(lambda: None, lambda _r: getattr(self.page(key), method)(ref_id), owner=self)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.sig_shown.emit()

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self.runner.shutdown()
        if self.ready:
            _collect_as_before()
        super().closeEvent(event)
