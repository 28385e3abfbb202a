"""File and folder pickers that remember nothing outside the vault.

Qt's own file dialog writes the folders it visited into a plain configuration file
(QSettings(UserScope, "QtProject"), group "FileDialog": ``history``, ``lastVisited``,
``shortcuts``; on Linux ~/.config/QtProject.conf) when the dialog is destroyed. An
export folder is often named after the person ("Ida Jensen – rapporter"), so the
static QFileDialog.get…() functions leaked names outside the vault. Platform dialogs
keep recent-file lists of their own (GTK's recently-used.xbel), so they are not used.

Every picker of the app goes through ``pick`` (or ``make`` and ``run``): before the dialog is destroyed it is
pointed back at the home folder with an empty history (what Qt then saves is neutral),
and the keys are removed from Qt's file afterwards. ``purge_qt_history`` also runs at
start, removing what an older version (or another Qt app's dialog) left there.
"""

from __future__ import annotations

from PySide6.QtCore import QDir, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_KEYS = ("history", "lastVisited", "shortcuts")


def purge_qt_history() -> None:
    """Remove the visited folders from Qt's file-dialog settings."""
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt.beginGroup("FileDialog")
    present = [k for k in _KEYS if qt.contains(k)]
    for key in present:
        qt.remove(key)
    qt.endGroup()
    if present:
        qt.sync()


def make(
    parent: QWidget | None,
    caption: str,
    *,
    directory: str = "",
    name_filter: str = "",
    mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile,
    save: bool = False,
) -> QFileDialog:
    """Qt's own file dialog (never the platform's), with no history; show it with
    ``run``. ``name_filter``: filters separated by ";;"."""
    dlg = QFileDialog(parent, caption, directory or QDir.homePath(), name_filter)
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog)
    dlg.setFileMode(mode)
    if mode == QFileDialog.FileMode.Directory:
        dlg.setOption(QFileDialog.Option.ShowDirsOnly)
    if save:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dlg.setHistory([])
    dlg.setProperty("coachdesk_sidebar", dlg.sidebarUrls())
    return dlg


def run(dlg: QFileDialog) -> str | None:
    """Show ``dlg`` (from ``make``) modally, then destroy it leaving nothing behind; the
    chosen path, or None when cancelled."""
    try:
        chosen = dlg.selectedFiles() if dlg.exec() else []
    finally:
        # What Qt saves on destruction: the current folder (in history and lastVisited)
        # and the sidebar. Neutral values first, so the folder never reaches the disk.
        dlg.setDirectory(QDir.homePath())
        dlg.setHistory([])
        dlg.setSidebarUrls(dlg.property("coachdesk_sidebar") or [])
        dlg.setParent(None)
        import shiboken6

        shiboken6.delete(dlg)
        purge_qt_history()
    return chosen[0] if chosen else None


def pick(
    parent: QWidget | None,
    caption: str,
    *,
    directory: str = "",
    name_filter: str = "",
    mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile,
    save: bool = False,
) -> str | None:
    """One modal file or folder dialog; the chosen path, or None when cancelled."""
    return run(
        make(parent, caption, directory=directory, name_filter=name_filter, mode=mode, save=save)
    )


def save_file(parent: QWidget | None, caption: str, suggested: str, name_filter: str) -> str | None:
    """A save dialog; a bare ``suggested`` file name starts in the home folder (Qt would
    start in the last visited folder, which it no longer knows)."""
    if suggested and not QDir.isAbsolutePath(suggested):
        suggested = QDir(QDir.homePath()).filePath(suggested)
    return pick(
        parent,
        caption,
        directory=suggested,
        name_filter=name_filter,
        mode=QFileDialog.FileMode.AnyFile,
        save=True,
    )


def open_file(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> str | None:
    return pick(parent, caption, directory=directory, name_filter=name_filter)


def existing_directory(parent: QWidget | None, caption: str, directory: str) -> str | None:
    return pick(parent, caption, directory=directory, mode=QFileDialog.FileMode.Directory)


def with_suffix(path: str, suffix: str) -> str:
    """``path`` ending in ``suffix`` (".pdf"): a name typed without it gets it."""
    return path if path.lower().endswith(suffix.lower()) else path + suffix
