"""The QApplication: names, translations, preferences; ``run_app`` starts the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from coachdesk import __version__
from coachdesk.resources import translation_path
from coachdesk.ui import preferences


def choose_language(explicit: str | None, saved: str, system: QLocale) -> str:
    """--lang, else the saved choice, else Danish for a Danish locale, else English."""
    if explicit in ("da", "en"):
        return explicit
    if saved in ("da", "en"):
        return saved
    return "da" if system.language() == QLocale.Language.Danish else "en"


def setup_application(app: QCoreApplication, lang: str | None = None) -> str:
    """Names for QSettings, the chosen language's translators and locale; returns it."""
    app.setOrganizationName(preferences.ORGANISATION)
    app.setApplicationName(preferences.APPLICATION)
    app.setApplicationVersion(__version__)
    language = choose_language(lang, preferences.LANGUAGE.get(), QLocale.system())
    locale = (
        QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
        if language == "da"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    # Keep the system's own locale when it already speaks the chosen language.
    if QLocale.system().language() == locale.language():
        locale = QLocale.system()
    QLocale.setDefault(locale)
    translators = []
    ours = QTranslator(app)
    if ours.load(str(translation_path(language))):
        translators.append(ours)
    qt = QTranslator(app)
    if language != "en" and qt.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        translators.append(qt)
    for t in translators:
        app.installTranslator(t)
    # COACHDESK_PSEUDO=1: every string about 40% longer, to find clipped labels.
    from coachdesk.ui.pseudo_translator import install_if_requested

    install_if_requested(app)
    app.setProperty("coachdesk_language", language)
    return language


def run_app(data_dir: Path, lang: str | None) -> int:
    """The desktop app on the vault in ``data_dir``; returns the exit status."""
    # High-DPI scaling is on by default in Qt 6; pass fractional factors through unrounded.
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    setup_application(app, lang)
    from coachdesk.ui import error_hook

    error_hook.install()
    from coachdesk.ui.file_dialogs import purge_qt_history

    # Folders an older version's file dialogs remembered (docs/security.md).
    purge_qt_history()
    from PySide6.QtGui import QIcon

    from coachdesk.resources import icon_png_paths

    icon = QIcon()
    for path in icon_png_paths():
        icon.addFile(str(path))
    QGuiApplication.setWindowIcon(icon)
    # Matches packaging/linux/coachdesk.desktop, so Wayland shows the right icon.
    QGuiApplication.setDesktopFileName("coachdesk")
    # The system palette and style are used as they are: no hard-coded colours.
    from coachdesk.ui.main_window import MainWindow

    window = MainWindow(data_dir)
    window.show()
    window.system_lock.watch_window(int(window.winId()))
    return int(app.exec())
