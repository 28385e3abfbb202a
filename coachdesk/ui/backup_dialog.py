"""The backup dialog: the backup folder, the last good backup, "Back up now".

The backup itself (store/backup.py) runs off the GUI thread; the dialog shows a busy
bar and keeps the coach from closing it half-way.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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

from coachdesk.store import backup, settings
from coachdesk.ui import file_dialogs
from coachdesk.ui.messages import error_text
from coachdesk.ui.worker import Task

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

_Index = QModelIndex | QPersistentModelIndex


def _when(t: dt.datetime) -> str:
    return QLocale().toString(QDateTime(t), QLocale.FormatType.ShortFormat)


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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
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
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Backup"))
        self.setMinimumSize(560, 420)

        intro = QLabel(
            self.tr(
                "Backups are encrypted like the vault: they open only with your passphrase or "
                "the recovery code. Keep them on an external drive or a network folder, not "
                "only on this laptop. CoachDesk makes one automatically each day you close it, "
                "and keeps the last 7 daily and 4 weekly backups."
            )
        )
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
        folder = self.vault.read(settings.get, "backup_dir") or ""
        last = self.vault.read(backup.last_good_backup)
        warning = self.vault.read(backup.backup_warning, now)
        self.folder_edit.setText(folder)
        self.last_label.setText(_when(last) if last else self.tr("never"))
        self.warning_label.setText(self._warning_text(last, now) if warning else "")
        self.warning_label.setVisible(bool(warning))
        self.model.load(self.folder())
        self.backup_button.setEnabled(self.folder() is not None and self._task is None)

    def _warning_text(self, last: dt.datetime | None, now: dt.datetime) -> str:
        if last is None:
            return self.tr(
                "There is no backup of this vault yet. Choose a folder and make one now."
            )
        return self.tr("The last backup is %n day(s) old. Make one now.", "", (now - last).days)

    def set_folder(self, folder: Path) -> None:
        """Store the backup folder in the vault (the GUI's chooser and tests call this)."""
        self.vault.write(settings.change, {"backup_dir": str(folder)})
        self.refresh()

    def choose_folder(self) -> None:
        start = str(self.folder() or Path.home())
        chosen = file_dialogs.existing_directory(self, self.tr("Choose the backup folder"), start)
        if chosen:
            self.set_folder(Path(chosen))

    # --- the backup ---------------------------------------------------------------------

    def back_up_now(self) -> None:
        folder = self.folder()
        if folder is None or self._task is not None:
            return
        if not folder.is_dir():
            QMessageBox.warning(
                self,
                self.tr("Backup"),
                self.tr(
                    "The backup folder {folder} is not available. Is the drive connected?"
                ).format(folder=folder),
            )
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
        self.status.setText(
            self.tr("Backup written and verified: {name}").format(name=info.path.name)
        )

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.status.setText(self.tr("The backup failed."))
        QMessageBox.warning(self, self.tr("Backup"), error_text(exc))

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


class RestoreDialog(QDialog):
    """Restore a backup into an empty folder (the unlock screen's "Restore a backup...").

    ``restored_dir`` holds the folder after a successful restore; the caller opens the
    vault there (it unlocks with the backup's passphrase or recovery code).
    """

    def __init__(self, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QCheckBox

        super().__init__(parent)
        self.restored_dir: Path | None = None
        self.restored_count = 0
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "A backup is restored into an empty folder, so that nothing is overwritten. "
                "It opens with the passphrase or the recovery code that was in force when the "
                "backup was made."
            )
        )
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(self.tr("Backup file"))
        self.file_edit.setPlaceholderText(self.tr("coachdesk-....cdbackup"))
        file_button = QPushButton(self.tr("Choose..."))
        file_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(file_button)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)

        self.folder_edit = QLineEdit()
        self.folder_edit.setAccessibleName(self.tr("Restore into folder"))
        if data_dir is not None and (not data_dir.exists() or not any(data_dir.iterdir())):
            self.folder_edit.setText(str(data_dir))
        folder_button = QPushButton(self.tr("Choose..."))
        folder_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(folder_button)

        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(self.tr("Passphrase of the backup"))
        self.use_code = QCheckBox(self.tr("Use the recovery code instead"))
        self.use_code.toggled.connect(self._secret_kind)

        form = QFormLayout()
        form.addRow(self.tr("Backup file:"), file_row)
        form.addRow("", self.info_label)
        form.addRow(self.tr("Restore into:"), folder_row)
        self.secret_label = QLabel(self.tr("Passphrase:"))
        # The label switches to "Recovery code:": reserve room for the longer text.
        fm = self.secret_label.fontMetrics()
        self.secret_label.setMinimumWidth(
            max(
                fm.horizontalAdvance(t) for t in (self.tr("Passphrase:"), self.tr("Recovery code:"))
            )
            + 4
        )
        self.secret_label.setBuddy(self.secret_edit)
        form.addRow(self.secret_label, self.secret_edit)
        form.addRow("", self.use_code)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.clicked.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.file_edit, self.folder_edit, self.secret_edit):
            edit.textChanged.connect(self._update)
        self.file_edit.editingFinished.connect(self._inspect)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self._update()

    def _secret_kind(self, code: bool) -> None:
        self.message.clear()
        self.secret_label.setText(self.tr("Recovery code:") if code else self.tr("Passphrase:"))
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if code else QLineEdit.EchoMode.Password
        )
        self.secret_edit.setAccessibleName(
            self.tr("Recovery code") if code else self.tr("Passphrase of the backup")
        )

    def _update(self) -> None:
        ready = all(e.text().strip() for e in (self.file_edit, self.folder_edit, self.secret_edit))
        self.restore_button.setEnabled(ready and self._task is None)

    def set_file(self, path: Path) -> None:
        self.file_edit.setText(str(path))
        self._inspect()

    def _inspect(self) -> bool:
        """Check the file's structure and checksum at once (no secret needed)."""
        text = self.file_edit.text().strip()
        if not text:
            self._set_info("")
            return False
        try:
            head = backup.read_backup_info(Path(text))
        except Exception as exc:  # BadInput / VaultDamaged: say so next to the field
            self._set_info(error_text(exc))
            return False
        made = dt.datetime.fromisoformat(head["created_at"])
        self._set_info(self.tr("Made {when}; checksum correct.").format(when=_when(made)))
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self._fit_height()

    def _set_info(self, text: str) -> None:
        self.info_label.setText(text)
        self._fit_height()

    def _fit_height(self) -> None:
        """Make the dialog tall enough for its wrapped labels at its width.

        A damage message runs to four lines in Danish, and a top-level window does not
        follow its layout's height-for-width: the message overlapped the field below.
        """
        layout = self.layout()
        if layout is None or not self.isVisible():
            return  # showEvent fits it at the width it is shown with
        layout.activate()
        need = layout.totalHeightForWidth(self.width())
        if need > self.height():
            self.resize(self.width(), need)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def choose_file(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Choose a backup"),
            str(Path.home()),
            self.tr("CoachDesk backups (*.cdbackup)"),
        )
        if path:
            self.set_file(Path(path))

    def choose_folder(self) -> None:
        chosen = file_dialogs.existing_directory(
            self, self.tr("Choose an empty folder"), str(Path.home())
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def restore(self) -> None:
        if self._task is not None or not self.restore_button.isEnabled():
            return
        if not self._inspect():
            self._say(self.info_label.text())
            return
        source = Path(self.file_edit.text().strip())
        target = Path(self.folder_edit.text().strip())
        secret = self.secret_edit.text()
        kw = {"recovery_code": secret} if self.use_code.isChecked() else {"passphrase": secret}

        def run() -> int:
            return backup.restore_backup(source, target, **kw)

        self.progress.show()
        self._say(self.tr("Checking and restoring the backup..."))
        self._task = Task(run)
        self._update()
        self._task.start(lambda n: self._done(target, n), self._failed)

    def _done(self, target: Path, count: int) -> None:
        self._task = None
        self.progress.hide()
        self.restored_dir, self.restored_count = target, int(count)
        self._say(self.tr("Restored %n participant(s).", "", int(count)))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self._say(error_text(exc))
        self.secret_edit.selectAll()
        self._update()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def reject(self) -> None:
        if self._task is None:
            super().reject()
