"""The unlock screen: passphrase (or recovery code); nothing of the data is visible here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError, VaultLocked, WrongSecret
from coachdesk.ui import plain, preferences
from coachdesk.ui.messages import error_text
from coachdesk.ui.worker import Task

# Rows the unlock reads before the caseload is painted when the table is in its own
# order (name ascending): more than the tallest screen shows (a row is 20-30 px), so
# the first paint is whole; the rest comes after it (ui/caseload_view.read_whole).
FIRST_PAGE = 120


def first_page_for(header_state: QByteArray) -> int | None:
    """How many rows the unlock reads before the first paint: FIRST_PAGE when the
    caseload's saved sort (preferences.CASELOAD_HEADER; none saved: by name) is by
    name ascending, whose first rows are the first page of the caseload's own order
    (store/caseload.read_caseload); None (every row) for any other sort."""
    if header_state.isEmpty():
        return FIRST_PAGE
    header = QHeaderView(Qt.Orientation.Horizontal)
    if not header.restoreState(header_state):
        return None  # (the view falls back to its own default; read it all, to be safe)
    by_name = header.sortIndicatorSection() == 0
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    return FIRST_PAGE if by_name and ascending else None


def open_and_read(
    data_dir: Path,
    secret: str,
    recovery: bool,
    today: dt.date,
    archived: bool,
    first: int | None = None,
) -> tuple[Any, tuple[dt.date, bool, Any]]:
    """The unlock worker (off the GUI thread): open the vault, then read the caseload
    (``first``: its first rows only, with the true total; store/caseload.read_caseload);
    returns the vault and ``(today, archived, Caseload)`` for the workspace. The read
    runs on the driver's own connection (Vault.read_raw): nothing here needs SQLAlchemy
    once the vault is open.

    It does not wait for the GUI's preload of the database code (store/preload.py): a
    vault that needs nothing but its checks opens without SQLAlchemy (store/vault.py),
    and what does need it imports it under ``preload.importing`` (two threads importing
    SQLAlchemy at once can fail), while the preload waits between its steps until the
    caseload is painted (ui/main_window._Preloader).
    """
    from coachdesk.store.vault import Vault

    vault = (
        Vault.open(data_dir, recovery_code=secret)
        if recovery
        else Vault.open(data_dir, passphrase=secret)
    )
    try:
        # SQLAlchemy-free (tests/test_caseload_first_page.py): not under
        # preload.importing, which would wait for a preload step in progress.
        from coachdesk.store import caseload

        cl = vault.read_raw(caseload.read_caseload, today, include_archived=archived, first=first)
    except BaseException:
        vault.close()
        raise
    return vault, (today, archived, cl)


class UnlockView(QWidget):
    """Emits ``unlocked(vault)`` once the vault opened (the work runs off the GUI thread)."""

    unlocked = Signal(object)
    restore_requested = Signal()
    # The unlock worker started: warm-up work that would only compete with it now
    # (ui/main_window._Preloader's rehearsal) is dropped.
    unlock_started = Signal()
    # The unlock failed (the screen is back for another try): the preload may go on.
    unlock_failed = Signal()

    def __init__(
        self, data_dir: Path, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.today = today
        self._task: Task | None = None
        self._recovery = False
        # The caseload, read by the unlock worker right after the key: the main window
        # then paints it without a second, GUI-blocking query (see submit()).
        self.preloaded: Any = None

        self.title = QLabel(self.tr("CoachDesk is locked"))
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        self.title.setFont(f)
        self.hint = QLabel(self.tr("Enter your passphrase to unlock your caseload."))
        self.hint.setWordWrap(True)

        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Passphrase"))
        self.secret.returnPressed.connect(self.submit)
        self.secret_label = QLabel(self.tr("&Passphrase:"))
        self.secret_label.setBuddy(self.secret)

        self.message = plain.label()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)

        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.mode_link = QPushButton(self.tr("Use the &recovery code instead"))
        self.mode_link.setFlat(True)
        self.mode_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.mode_link.clicked.connect(self.toggle_mode)

        self.restore_link = QPushButton(self.tr("Restore a &backup…"))
        self.restore_link.setFlat(True)
        self.restore_link.clicked.connect(self.restore_requested)

        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMaximumWidth(600)
        form = QFormLayout()
        form.addRow(self.secret_label, self.secret)
        # The two ways out on a row of their own: long Danish labels must not be squeezed.
        links = QHBoxLayout()
        links.addWidget(self.mode_link)
        links.addWidget(self.restore_link)
        links.addStretch()
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.addWidget(self.title)
        inner.addWidget(self.hint)
        inner.addSpacing(8)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.busy)
        inner.addLayout(buttons)
        inner.addLayout(links)

        outer = QVBoxLayout(self)
        outer.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(box, 1)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch()
        self.setFocusProxy(self.secret)

    def toggle_mode(self) -> None:
        self._recovery = not self._recovery
        if self._recovery:
            self.secret_label.setText(self.tr("&Recovery code:"))
            self.secret.setAccessibleName(self.tr("Recovery code"))
            self.secret.setEchoMode(QLineEdit.EchoMode.Normal)
            self.hint.setText(
                self.tr(
                    "Enter the organisation's recovery code. After unlocking, "
                    "you choose a new passphrase."
                )
            )
            self.mode_link.setText(self.tr("Use the &passphrase instead"))
        else:
            self.secret_label.setText(self.tr("&Passphrase:"))
            self.secret.setAccessibleName(self.tr("Passphrase"))
            self.secret.setEchoMode(QLineEdit.EchoMode.Password)
            self.hint.setText(self.tr("Enter your passphrase to unlock your caseload."))
            self.mode_link.setText(self.tr("Use the &recovery code instead"))
        self.secret.clear()
        self.message.clear()
        self.secret.setFocus()

    def reset(self) -> None:
        self.secret.clear()
        self.message.clear()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.secret.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.mode_link.setEnabled(not busy)

    def submit(self) -> None:
        secret = self.secret.text()
        if not secret or (self._task is not None and not self.unlock_button.isEnabled()):
            return
        data_dir, recovery = self.data_dir, self._recovery
        today = self.today or dt.date.today()
        archived = bool(preferences.SHOW_ARCHIVED.get())  # QSettings: read on this thread
        first = first_page_for(preferences.CASELOAD_HEADER.get())
        self.message.setText(self.tr("Unlocking…"))
        self._set_busy(True)

        # The collector is paused from here until the result is back on this thread
        # (gc_policy.pause): a collection in the worker could free Qt objects held in
        # garbage cycles off the GUI thread (seen once as a crash in the test suite).
        from coachdesk import gc_policy

        gc_policy.pause()
        self._task = Task(lambda: open_and_read(data_dir, secret, recovery, today, archived, first))
        self._task.start(self._opened, self._failed)
        self.unlock_started.emit()

    def _opened(self, result: tuple[Any, Any]) -> None:
        from coachdesk import gc_policy

        gc_policy.resume()
        vault, self.preloaded = result
        self.reset()
        self.unlocked.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        from coachdesk import gc_policy

        gc_policy.resume()
        self._set_busy(False)
        if isinstance(exc, WrongSecret):
            self.message.setText(
                self.tr("Wrong recovery code. Check it and try again.")
                if self._recovery
                else self.tr("Wrong passphrase. Try again.")
            )
            self.secret.selectAll()
        elif isinstance(exc, CoachDeskError) and not isinstance(exc, VaultLocked):
            self.message.setText(error_text(exc))
        else:
            self.message.setText(
                self.tr("The vault could not be opened: %1").replace("%1", type(exc).__name__)
            )
        self.secret.setFocus()
        self.unlock_failed.emit()
