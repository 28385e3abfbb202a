"""The backup dialog: the backup folder, the last good backup, "Back up now".

The backup itself (store/backup.py) runs off the GUI thread; the dialog shows a busy
bar and keeps the coach from closing it half-way.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.store import audit, backup, settings
from coachdesk.ui.worker import Task

_Index = QModelIndex | QPersistentModelIndex


def _when(t: dt.datetime) -> str:
    return QLocale().toString(t, QLocale.FormatType.ShortFormat)


class BackupListModel(QAbstractTableModel):
    """The backups found in the folder, newest first (name, size)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[dt.datetime, Path, int]] = []

    def load(self, folder: Path | None) -> None:
        self.beginResetModel()
        self.rows = []
        if folder is not None:
            for t, p in backup.list_backups(folder):
                try:
                    self.rows.append((t, p, p.stat().st_size))
                except OSError:
                    continue
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Made"), self.tr("Size"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t, p, size = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return _when(t)
            return QLocale().formattedDataSize(size)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(p)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupDialog(QDialog):
    def __init__(self, vault: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Backup"))
        self.setMinimumSize(560, 420)

        intro = QLabel(self.tr(
            "Backups are encrypted like the vault: they open only with your passphrase or "
            "the recovery code. Keep them on an external drive or a network folder, not "
            "only on this laptop. CoachDesk makes one automatically each day you close it, "
            "and keeps the last 7 daily and 4 weekly backups."))
        intro.setWordWrap(True)

        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("No backup folder chosen"))
        self.folder_edit.setAccessibleName(self.tr("Backup folder"))
        self.choose_button = QPushButton(self.tr("Choose..."))
        self.choose_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        self.last_label = QLabel()
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("font-weight: bold")
        form = QFormLayout()
        form.addRow(self.tr("Backup folder:"), folder_row)
        form.addRow(self.tr("Last good backup:"), self.last_label)

        self.model = BackupListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Backups in the folder"))

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: VACUUM INTO reports no progress
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setDefault(True)
        self.backup_button.clicked.connect(self.back_up_now)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.warning_label)
        lay.addWidget(QLabel(self.tr("Backups in this folder:")))
        lay.addWidget(self.table, 1)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.refresh()

    # --- state ------------------------------------------------------------------------

    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text) if text else None

    def refresh(self) -> None:
        now = dt.datetime.now()
        with self.vault.session() as s:
            folder = settings.get(s, "backup_dir") or ""
            last = backup.last_good_backup(s)
            warning = backup.backup_warning(s, now)
        self.folder_edit.setText(folder)
        self.last_label.setText(_when(last) if last else self.tr("never"))
        self.warning_label.setText(self._warning_text(last, now) if warning else "")
        self.warning_label.setVisible(bool(warning))
        self.model.load(self.folder())
        self.backup_button.setEnabled(self.folder() is not None and self._task is None)

    def _warning_text(self, last: dt.datetime | None, now: dt.datetime) -> str:
        if last is None:
            return self.tr("There is no backup of this vault yet. Choose a folder and make "
                           "one now.")
        return self.tr("The last backup is %n day(s) old. Make one now.", "",
                       (now - last).days)

    def set_folder(self, folder: Path) -> None:
        """Store the backup folder in the vault (the GUI's chooser and tests call this)."""
        with self.vault.session() as s:
            settings.put(s, "backup_dir", str(folder))
            audit.record(s, "settings_changed", {"keys": ["backup_dir"]})
            s.commit()
        self.refresh()

    def choose_folder(self) -> None:
        start = str(self.folder() or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"),
                                                  start)
        if chosen:
            self.set_folder(Path(chosen))

    # --- the backup ---------------------------------------------------------------------

    def back_up_now(self) -> None:
        folder = self.folder()
        if folder is None or self._task is not None:
            return
        if not folder.is_dir():
            QMessageBox.warning(self, self.tr("Backup"), self.tr(
                "The backup folder {folder} is not available. Is the drive connected?")
                .format(folder=folder))
            return
        now = dt.datetime.now()
        target = folder / backup.backup_name(now)
        vault = self.vault

        def run() -> backup.BackupInfo:
            info = backup.create_backup(vault, target, now=now)
            backup.rotate(folder)
            return info

        self.backup_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("Writing and verifying the backup..."))
        self._task = Task(run)
        self._task.start(self._done, self._failed)

    def _finish(self) -> None:
        self._task = None
        self.progress.hide()
        self.choose_button.setEnabled(True)
        self.refresh()

    def _done(self, info: backup.BackupInfo) -> None:
        self._finish()
        self.status.setText(self.tr("Backup written and verified: {name}")
                            .format(name=info.path.name))

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.status.setText(self.tr("The backup failed."))
        QMessageBox.warning(self, self.tr("Backup"), str(exc))

    @property
    def busy(self) -> bool:
        return self._task is not None

    def reject(self) -> None:
        if self._task is None:  # not while a backup is being written
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            event.ignore()
        else:
            super().closeEvent(event)
