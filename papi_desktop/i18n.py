"""Installs the Qt translators. Source strings are Vietnamese (the default language);
English comes from translations/papi_en.qm, Vietnamese for Qt's own strings from translations/qt_vi.qm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from . import paths

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
_installed: list[QTranslator] = []  # keep references: a collected translator stops translating


def install(app: QCoreApplication, lang: str) -> str:
    """Install translators for lang ('vi' or 'en'); returns the language actually in use."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang not in LANGUAGES:
        lang = "vi"
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English,
                               QLocale.Country.Vietnam if lang == "vi" else QLocale.Country.UnitedKingdom))
    if lang == "en":
        ours = QTranslator()
        if ours.load(str(paths.translations_dir() / "papi_en.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
    qtbase = QTranslator()
    if qtbase.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    if lang == "vi":
        # Qt ships no qtbase_vi: translations/qt_vi.qm holds the Qt strings the program shows (message-box
        # buttons, text-field context menus, the file dialog).
        qt_vi = QTranslator()
        if qt_vi.load(str(paths.translations_dir() / "qt_vi.qm")):
            app.installTranslator(qt_vi)
            _installed.append(qt_vi)
    # The system's file dialog follows the Windows language, often English: in Vietnamese, Qt's own one,
    # which qt_vi.qm translates.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, lang == "vi")
    return lang


def _settings():  # noqa: ANN202
    from PySide6.QtCore import QSettings

    # Beside the database, so --data-dir and portable mode carry the preference too.
    return QSettings(str(paths.data_dir() / "ui.ini"), QSettings.Format.IniFormat)


def saved_language() -> str:
    value = _settings().value("language", "vi")
    return value if value in LANGUAGES else "vi"


def save_language(lang: str) -> None:
    settings = _settings()
    settings.setValue("language", lang if lang in LANGUAGES else "vi")
    settings.sync()
