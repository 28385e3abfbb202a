"""The main window: the unlock gate, then the workspace (caseload + participant tabs).

Locking (Ctrl+L or idle) keeps open editors' text as encrypted drafts, destroys every
widget that shows participant data, drops the key (vault.close()) and shows the
unlock screen; after unlock the same participants and editors come back.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from coachdesk.ui import plain, preferences
from coachdesk.ui.clipboard_guard import ClipboardGuard
from coachdesk.ui.idle_lock import IdleLock
from coachdesk.ui.system_lock import SystemLockWatcher
from coachdesk.ui.unlock_view import UnlockView

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class _Preloader(QObject):
    """Loads what the unlocked app needs while the coach types the passphrase.

    The unlock screen needs none of it (so it appears fast). First, on a thread, the
    database code: SQLAlchemy, the schema, and the ORM mappers configured (work SQLAlchemy
    would otherwise do at the first query after Enter). Then, back on the GUI thread
    (Qt classes are set up there only), the workspace's widget modules. By the time the
    key is derived, opening the vault and painting the caseload load nothing.

    A passphrase pasted and Enter pressed at once: the unlock does not wait for this
    (a plain vault opens without SQLAlchemy, store/vault.py). The import goes in steps
    (store/preload.STEPS), and from the moment the unlock begins it waits between them
    until the caseload has been painted (or the unlock failed): it would only take the
    GIL from the unlock worker and the first paint (store/preload.hold/release).
    """

    database_loaded = Signal()
    # The preload thread ended (loaded, or failed: then the same import fails again, in
    # context, where it is needed). Delivered on the GUI thread.
    finished = Signal()

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._running = False
        self._waiting: list[Callable[[], None]] = []  # for after_database_code
        self.finished.connect(self._run_waiting)
        self._widgets_loaded = False  # once per process: a lock keeps what was loaded
        # Set when an unlock has begun: rehearsing the caseload view then only competes
        # with the unlock worker for the GIL (the real view follows at once).
        self.unlock_started = False
        # Emitted on the preload thread, delivered on this object's (the GUI) thread.
        self.database_loaded.connect(self._load_widgets)

    def start(self) -> None:
        import threading

        # Database code only (store/preload.py): Qt classes are defined on the GUI thread
        # (shiboken's type set-up from another thread crashed the app in testing), so
        # ui.workspace is loaded afterwards, here.
        from coachdesk.store import preload

        if preload.loaded() and not self._running:
            self._load_widgets()
            return
        if self._running:
            return
        self._running = True
        threading.Thread(target=self._load_database, name="coachdesk-preload", daemon=True).start()

    def _load_database(self) -> None:
        from coachdesk.store import preload

        try:
            preload.load()
        except Exception:  # a warm-up only: the same import fails again, in context, at unlock
            return
        else:
            self.database_loaded.emit()
        finally:
            self.finished.emit()

    def after_database_code(self, fn: Callable[[], None]) -> None:
        """``fn`` on the GUI thread once the preload thread has ended (at once, from the
        event loop, if none runs). For what imports the database code on the GUI thread
        after the caseload's paint: beside the preload's import, two threads would be
        importing SQLAlchemy at once (store/preload.importing says why that fails)."""
        if self._running:
            self._waiting.append(fn)
        else:
            QTimer.singleShot(0, fn)

    def _run_waiting(self) -> None:
        self._running = False
        waiting, self._waiting = self._waiting, []
        for fn in waiting:
            fn()

    def _load_widgets(self) -> None:
        if self._widgets_loaded:
            return
        self._widgets_loaded = True
        from coachdesk import gc_policy

        with gc_policy.paused():  # as store/preload.load
            from coachdesk.ui import workspace  # 45 ms once, between two keystrokes

            if not self.unlock_started:  # else after the caseload's paint (on_unlocked)
                workspace.load_page_module()
            gc_policy.freeze_loaded_code()
        QTimer.singleShot(0, self._rehearse_caseload)

    def _rehearse_caseload(self) -> None:
        """Build and paint an empty caseload view off screen, then drop it.

        PySide sets up a Qt class for Python, with its enum types, the first time it
        meets one; Qt polishes and lays out a widget type, and caches glyphs, the first
        time it paints one. Done here, between two keystrokes, that work is not in the
        wait after Enter (it was 10-20 ms of it). No vault and no data are involved.
        Skipped once an unlock has begun (a passphrase pasted at once): the wait has
        started, and the real view does this work anyway.
        """
        if self.unlock_started:
            return
        import datetime as dt

        from PySide6.QtGui import QPixmap

        from coachdesk.store.caseload import Caseload
        from coachdesk.ui import preferences
        from coachdesk.ui.caseload_view import CaseloadView

        today = dt.date.today()
        view = CaseloadView(
            None, today=today, preloaded=(today, bool(preferences.SHOW_ARCHIVED.get()), Caseload())
        )
        view.resize(1280, 760)
        view.render(QPixmap(view.size()))
        view.deleteLater()


_preloader: _Preloader | None = None

# The preload starts this long after the unlock screen's first paint. A passphrase
# pasted (or auto-typed) and Enter pressed lands in these first moments, and a step of
# the preload already running then competes with the unlock for the GIL until it ends
# (measured, bench startup_pasted: 0.04-0.1 s of the wait after Enter); once the
# unlock has begun the preload waits for the caseload's paint anyway. Typing a
# passphrase takes seconds, and the preload needs about half of one.
PRELOAD_DELAY_MS = 250


def _preload_in_background() -> None:
    global _preloader
    if _preloader is None:  # one for the app's lifetime: the thread may outlive a window
        _preloader = _Preloader(QApplication.instance())
    _preloader.start()


def _note_unlock_started() -> None:
    global _preloader
    if _preloader is None:
        _preloader = _Preloader(QApplication.instance())
    _preloader.unlock_started = True
    from coachdesk.store import preload

    preload.hold()  # until the caseload is painted, or the unlock failed


def _release_preload() -> None:
    from coachdesk.store import preload

    preload.release()


def _after_database_code(fn: Callable[[], None]) -> None:
    global _preloader
    if _preloader is None:
        _preloader = _Preloader(QApplication.instance())
    _preloader.after_database_code(fn)


# store/recipient.SETTING_KEY (that module loads SQLAlchemy; tests/test_unlock_imports.py
# holds the two equal). Only for asking whether the row exists: a wrong name here would
# cost time (the full ensure), never the key.
_RECEIVING_KEY = "receiving_identity"


class _AfterFirstPaint(QObject):
    """Calls ``fn`` once, from the event loop, right after ``widget`` is first painted.

    The preload competes with the GUI thread for Python's GIL; started before the unlock
    screen is on screen it delayed that first paint by about as long as it ran.
    """

    def __init__(self, widget: QWidget, fn: Callable[[], None]) -> None:
        super().__init__(widget)
        self.fn = fn
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.fn)
        return False


class MainWindow(QMainWindow):
    def __init__(
        self,
        data_dir: Path,
        *,
        kdf: Any = None,
        today: dt.date | None = None,
        idle_minutes: float | None = None,
        idle_clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.kdf = kdf
        self.today = today
        self.vault: Vault | None = None
        self.workspace: Any = None  # a ui.workspace.Workspace while unlocked
        self._restore: list[tuple[int, int | None, bool]] = []
        self._backup_warning = ""
        self.setWindowTitle(self.tr("CoachDesk"))
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.gate: QWidget = QLabel()
        self.idle = IdleLock(
            idle_minutes if idle_minutes is not None else preferences.IDLE_LOCK_MINUTES.get(),
            self,
            clock=idle_clock or time.monotonic,
        )
        self.idle.idle.connect(self.lock)  # armed (its event filter installed) when unlocked
        self.clipboard_guard = ClipboardGuard(self)
        self.system_lock = SystemLockWatcher(self)
        self.system_lock.locked.connect(self.lock)
        self._build_menus()
        # The status bar from the start: made at its first message (the backup reminder,
        # which comes after the caseload's first paint), it would take its height from
        # the table under the coach's eyes.
        self.statusBar()
        geometry = preferences.WINDOW_GEOMETRY.get()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.show_gate()

    # --- menus ----------------------------------------------------------------------

    def _action(
        self, menu: Any, text: str, slot: Any, shortcut: Any = None, needs_vault: bool = True
    ) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        menu.addAction(a)
        if needs_vault:
            self._vault_actions.append(a)
        return a

    def _build_menus(self) -> None:
        self._vault_actions: list[QAction] = []
        m = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(
            m, self.tr("&New participant…"), self.new_participant, QKeySequence.StandardKey.New
        )
        self.save_action = self._action(
            m, self.tr("&Save"), self.save_current, QKeySequence.StandardKey.Save
        )
        self.import_action = self._action(m, self.tr("&Import participant file…"), self.import_file)
        m.addSeparator()
        self._action(m, self.tr("&Backup…"), self.open_backup)
        self._action(m, self.tr("&Audit log…"), self.open_audit)
        self._action(m, self.tr("Cohort effect re&port…"), self.open_cohort_report)
        self._action(m, self.tr("Due for &erasure…"), self.open_retention)
        self._action(m, self.tr("Se&ttings…"), self.open_settings)
        self._action(m, self.tr("Change &passphrase…"), self.change_passphrase)
        self._action(m, self.tr("New &recovery code…"), self.rotate_recovery_code)
        m.addSeparator()
        self.lock_action = self._action(m, self.tr("&Lock"), self.lock, "Ctrl+L")
        self._action(
            m, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, needs_vault=False
        )
        m = self.menuBar().addMenu(self.tr("&Edit"))
        self.find_action = self._action(
            m, self.tr("&Find participant"), self.focus_search, QKeySequence.StandardKey.Find
        )
        m = self.menuBar().addMenu(self.tr("&View"))
        self.caseload_action = self._action(m, self.tr("&Caseload"), self.show_caseload, "Ctrl+1")
        self.agenda_action = self._action(m, self.tr("&Agenda"), self.show_agenda, "Ctrl+2")
        self.roster_action = self._action(m, self.tr("Group &roster…"), self.open_roster)
        self.calendar_action = self._action(
            m, self.tr("&Export calendar (.ics)…"), self.export_calendar
        )
        m = self.menuBar().addMenu(self.tr("&Help"))
        self._action(
            m,
            self.tr("CoachDesk &help"),
            self.show_help,
            QKeySequence.StandardKey.HelpContents,
            needs_vault=False,
        )

    def _set_vault_actions(self, on: bool) -> None:
        for a in self._vault_actions:
            a.setEnabled(on)

    # --- lock / unlock --------------------------------------------------------------

    def show_gate(self) -> None:
        from coachdesk.store.paths import vault_exists

        gate: QWidget
        if vault_exists(self.data_dir):
            unlock = UnlockView(self.data_dir, today=self.today)
            unlock.unlocked.connect(self.on_unlocked)
            unlock.unlock_started.connect(_note_unlock_started)
            unlock.unlock_failed.connect(_release_preload)
            unlock.restore_requested.connect(self.restore_backup)
            gate = unlock
        else:
            from coachdesk.ui.first_run import FirstRunView  # once per install: not at start

            first = FirstRunView(self.data_dir, kdf=self.kdf)
            first.finished.connect(self.on_unlocked)
            first.restore_requested.connect(self.restore_backup)
            gate = first
        old = self.gate
        self.gate = gate
        self.stack.addWidget(gate)
        self.stack.setCurrentWidget(gate)
        self.stack.removeWidget(old)
        old.deleteLater()
        self._set_vault_actions(False)
        gate.setFocus()
        _release_preload()  # no unlock under way from a gate just shown
        _AfterFirstPaint(gate, self._after_gate_painted)

    def _after_gate_painted(self) -> None:
        """What start-up need not wait for: the database code, the D-Bus listeners."""
        QTimer.singleShot(PRELOAD_DELAY_MS, _preload_in_background)
        self.system_lock.start_dbus()

    def change_passphrase(self, *, require_current: bool = True) -> None:
        from coachdesk.ui.passphrase_dialog import ChangePassphraseDialog

        if self.vault is None:
            return
        if ChangePassphraseDialog(self.vault, self, require_current=require_current).exec():
            self.statusBar().showMessage(self.tr("The passphrase was changed."), 10_000)

    def rotate_recovery_code(self) -> None:
        from coachdesk.ui.recovery_code_dialog import RotateRecoveryCodeDialog

        if self.vault is not None and RotateRecoveryCodeDialog(self.vault, self).exec():
            self.statusBar().showMessage(self.tr("A new recovery code was made."), 10_000)

    def on_unlocked(self, vault: Vault) -> None:
        used_recovery = bool(getattr(self.gate, "_recovery", False))
        self.vault = vault
        import contextlib

        from coachdesk.store import preload

        # Issue 17: older vaults get their receiving key. If that fails (a full disk),
        # the key can wait for the next unlock or Settings; the coach's work cannot.
        # Asked on the driver first: a vault that has one loads no SQLAlchemy here,
        # before the caseload's paint (issue 19 item 4).
        with contextlib.suppress(Exception):
            if not vault.has_setting(_RECEIVING_KEY):
                with preload.importing():  # not beside the preload thread's import
                    from coachdesk.store import recipient
                recipient.ensure_committed(vault)
        # Under the import lock: a step the preload began before Enter may still be
        # running, and the workspace's modules may import database code.
        with preload.importing():
            from coachdesk.ui.workspace import Workspace

        self.workspace = Workspace(
            vault, today=self.today, preloaded=getattr(self.gate, "preloaded", None)
        )
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.stack.removeWidget(self.gate)
        self.gate.deleteLater()
        self.gate = QLabel()
        self._set_vault_actions(True)
        for pid, sid, dirty in self._restore:
            try:
                page = self.workspace.open_participant(pid)
            except Exception:  # erased or gone meanwhile: nothing to restore
                continue
            if sid != -1:
                page.tabs.setCurrentWidget(page.sessions)
                page.sessions.open_editor(sid, restore_draft=dirty)
        self._restore = []
        self.workspace.caseload.table.setFocus()
        self.idle.start()
        # After the caseload is on screen: the preload (held since Enter) goes on; then,
        # once it has ended, a status-bar line that reads the vault and the participant
        # page's widgets (loaded while typing, unless the passphrase was pasted), before
        # the first one opens. Both import database code on this thread.
        _AfterFirstPaint(self.workspace, self._after_caseload_painted)
        if used_recovery:
            # The passphrase was forgotten: set a new one now, not "some day in Settings".
            self.change_passphrase(require_current=False)

    def _after_caseload_painted(self) -> None:
        from coachdesk.ui.workspace import load_page_module

        _release_preload()
        _after_database_code(self._maybe_warn_backup)
        _after_database_code(load_page_module)

    def lock(self) -> None:
        if self.vault is None or self.workspace is None:
            return
        ws = self.workspace
        # Open dialogs (participant details, settings, export, audit...) show data too:
        # reject them first, so their exec() returns before their parents go.
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible():
                w.reject()
        ws.keep_drafts()
        self._restore = ws.snapshot()
        ws.teardown()
        self.workspace = None
        self.stack.removeWidget(ws)
        ws.setParent(None)
        ws.deleteLater()
        self._close_vault()
        self.clipboard_guard.clear()
        self.idle.stop()
        self.show_gate()

    def _close_vault(self) -> None:
        if self.vault is None:
            return
        from coachdesk.store import audit

        try:
            self.vault.write(audit.record, "lock")
        finally:
            self.vault.close()
            self.vault = None

    def is_locked(self) -> bool:
        return self.vault is None

    # --- actions --------------------------------------------------------------------

    def new_participant(self) -> None:
        if self.vault is None or self.workspace is None:
            return
        from coachdesk.ui.participant_dialog import ParticipantDialog

        dlg = ParticipantDialog(self.vault, None, self)
        if dlg.exec() and dlg.participant_id is not None:
            self.workspace.caseload.reload()
            self.workspace.open_participant(dlg.participant_id)

    def import_file(self) -> None:
        """Filer -> Importér deltagerfil…: all or nothing, as the CLI (issue 14)."""
        if self.vault is None or self.workspace is None:
            return
        from coachdesk.ui.import_dialog import ImportDialog

        dlg = ImportDialog(self.vault, self)
        self.import_dialog = dlg
        dlg.exec()
        if dlg.imported:
            self.workspace.caseload.reload()

    def show_caseload(self) -> None:
        if self.workspace is not None:
            self.workspace.show_caseload()

    def show_agenda(self) -> None:
        if self.workspace is not None:
            self.workspace.show_agenda()

    def open_roster(self) -> None:
        if self.workspace is not None:
            self.workspace.open_roster()

    def export_calendar(self) -> None:
        if self.workspace is not None:
            self.workspace.export_calendar()

    def save_current(self) -> None:
        if self.workspace is not None:
            self.workspace.save_current()

    def focus_search(self) -> None:
        if self.workspace is not None:
            self.workspace.setCurrentIndex(0)
            self.workspace.caseload.focus_search()

    def open_settings(self) -> None:
        if self.vault is None:
            return
        from coachdesk.ui.settings_dialog import SettingsDialog

        if SettingsDialog(self.vault, self).exec():
            self.idle.set_minutes(preferences.IDLE_LOCK_MINUTES.get())
            if self.workspace is not None:
                self.workspace.caseload.reload()

    def restore_backup(self) -> None:
        """From the unlock or first-run screen: restore a backup, then unlock it."""
        from coachdesk.store.vault import Vault
        from coachdesk.ui.backup_dialog import RestoreDialog

        empty = not self.data_dir.exists() or not any(self.data_dir.iterdir())
        dlg = RestoreDialog(
            self.data_dir if empty and not Vault.exists(self.data_dir) else None, self
        )
        if dlg.exec() and dlg.restored_dir is not None:
            self.data_dir = Path(dlg.restored_dir)
            self.show_gate()

    def open_retention(self) -> None:
        from coachdesk.ui.erase_dialog import RetentionDialog

        if self.vault is not None:
            RetentionDialog(self.vault, self, today=self.today).exec()
            if self.workspace is not None:
                self.workspace.caseload.reload()

    def open_backup(self) -> None:
        from coachdesk.ui.backup_dialog import BackupDialog

        if self.vault is not None:
            BackupDialog(self.vault, self).exec()
            self._maybe_warn_backup()  # a backup just made clears the reminder

    def open_audit(self) -> None:
        from coachdesk.ui.audit_view import AuditView

        if self.vault is not None:
            AuditView(self.vault, self).exec()

    def open_cohort_report(self) -> None:
        from coachdesk.ui.cohort_dialog import CohortReportDialog

        if self.vault is not None:
            CohortReportDialog(self.vault, self).exec()

    def show_help(self) -> None:
        from coachdesk.ui.help_dialog import HelpDialog

        HelpDialog(self).exec()

    def _maybe_warn_backup(self) -> None:
        """A status-bar reminder when there is no backup from the last seven days."""
        from coachdesk.store import backup

        if self.vault is None:
            return
        now = dt.datetime.now()
        last = self.vault.read(backup.last_good_backup)
        if last is None:
            text = self.tr(
                "There is no backup of this vault yet. Choose a backup folder (an "
                "external drive or a network folder) and make one now."
            )
        elif now - last > backup.WARN_AFTER:
            text = self.tr(
                "The last backup is %n day(s) old. Make a backup now, so that a "
                "lost or broken laptop does not lose your records.",
                "",
                (now - last).days,
            )
        else:
            if self.statusBar().currentMessage() == self._backup_warning:
                self.statusBar().clearMessage()
            return
        self._backup_warning = text
        self.statusBar().showMessage(text)

    # --- closing --------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workspace is not None:
            for page in self.workspace.pages():
                if not page.confirm_close():
                    event.ignore()
                    return
            self.workspace.keep_drafts()
            self.workspace.teardown()
        preferences.WINDOW_GEOMETRY.set(self.saveGeometry())
        if self.vault is not None:
            from coachdesk.errors import CoachDeskError
            from coachdesk.store import backup
            from coachdesk.ui.messages import error_text

            try:
                backup.maybe_auto_backup(self.vault, dt.datetime.now())
            except (CoachDeskError, OSError) as exc:
                # Closing goes on (the data is safe in the vault), but the coach must know.
                plain.warning(
                    self,
                    self.tr("Automatic backup failed"),
                    self.tr("The automatic backup could not be made: %1").replace(
                        "%1", error_text(exc)
                    ),
                )
            self._close_vault()
        self.clipboard_guard.clear()
        self.idle.stop()
        event.accept()
