"""The erasure dialog: what will go, and a typed confirmation (the participant's ref)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError, ErasedNotCompacted
from coachdesk.store import participants
from coachdesk.store.erasure import erase_participant, erasure_preview
from coachdesk.ui import plain
from coachdesk.ui.messages import error_text
from coachdesk.ui.worker import Task

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class EraseDialog(QDialog):
    """Erase one participant for good; accepted only after the erasure succeeded.

    The erasure and the compaction of the vault file (VACUUM: seconds on a large vault)
    run on the dialog's own thread pool, with a busy bar and a wait cursor; the window
    keeps painting. Meanwhile the dialog cannot be cancelled (the erasure commits as a
    whole, then compacts), and a lock that closes it waits for the work to finish before
    the vault closes under it.
    """

    def __init__(self, vault: Vault, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        who = vault.read(participants.summary, participant_id)
        self.ref, name = who.ref, who.name
        counts = vault.read(erasure_preview, participant_id)
        self.setWindowTitle(self.tr("Erase participant"))
        self.setModal(True)
        self.setMinimumWidth(480)

        title = QLabel(
            self.tr("Erase <b>{name}</b> ({ref}) for good?").format(
                name=_html(name), ref=_html(self.ref)
            )
        )
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        what = QLabel(self._summary(counts))
        what.setTextFormat(Qt.TextFormat.RichText)
        what.setWordWrap(True)
        warning = QLabel(
            self.tr(
                "This cannot be undone. Every record of this person is removed from the vault; "
                "the audit log keeps only an anonymous note that an erasure happened. Backups "
                "made before today still hold the person until they rotate out (at most five "
                "weeks)."
            )
        )
        warning.setWordWrap(True)
        prompt = QLabel(
            self.tr("Type the participant's ref <b>{ref}</b> to confirm:").format(
                ref=_html(self.ref)
            )
        )
        prompt.setTextFormat(Qt.TextFormat.RichText)
        prompt.setWordWrap(True)  # a long ref (up to 64 characters) pushed the end off
        self.confirm = QLineEdit()
        self.confirm.setPlaceholderText(self.ref)
        self.confirm.setAccessibleName(self.tr("Participant's ref, to confirm the erasure"))
        prompt.setBuddy(self.confirm)

        self._pool = QThreadPool(self)
        self._task: Task | None = None
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: VACUUM reports no progress
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Erasing"))
        # Its room is kept while hidden: showing it must not squeeze the wrapped text.
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(
            self.tr("Erase for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.erase_button.clicked.connect(self._erase)
        self.confirm.textChanged.connect(self._check)
        self.confirm.returnPressed.connect(self._erase_if_confirmed)

        lay = QVBoxLayout(self)
        for w in (title, what, warning, prompt, self.confirm):
            lay.addWidget(w)
        lay.addSpacing(8)
        lay.addWidget(self.progress)
        lay.addWidget(self.buttons)
        self.confirm.setFocus()

    def _summary(self, counts: dict[str, int]) -> str:
        parts = [
            (counts.get("assessments", 0), self.tr("PSS-10 questionnaire(s)")),
            (counts.get("sessions", 0), self.tr("session log(s) with notes")),
            (counts.get("attendance", 0), self.tr("group attendance record(s)")),
            (counts.get("job_plan_versions", 0), self.tr("job plan version(s)")),
            (counts.get("disclosures", 0), self.tr("disclosure record(s)")),
            (counts.get("drafts", 0), self.tr("unsaved draft(s)")),
        ]
        items = "".join(f"<li>{n} {label}</li>" for n, label in parts if n)
        head = (
            self.tr("The personal details and:")
            if items
            else self.tr("The personal details (there are no other records).")
        )
        return f"{head}<ul>{items}</ul>" if items else head

    def _check(self, text: str) -> None:
        self.erase_button.setEnabled(text.strip() == self.ref)

    def _erase_if_confirmed(self) -> None:
        if self.erase_button.isEnabled():
            self._erase()

    @property
    def busy(self) -> bool:
        """True while the erasure (and the compaction after it) runs."""
        return self._task is not None

    def _erase(self) -> None:
        if self.confirm.text().strip() != self.ref or self._task is not None:
            return
        vault, ref = self.vault, self.ref
        task = self._task = Task(lambda: erase_participant(vault, ref))
        self._set_busy(True)
        task.start(
            lambda _result: self._settle(task), lambda _exc: self._settle(task), pool=self._pool
        )

    def _set_busy(self, busy: bool) -> None:
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
        self.progress.setVisible(busy)
        self.confirm.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def _settle(self, task: Task, *, quiet: bool = False) -> None:
        """The erasure's outcome, once (from its signal, or from reject() that waited;
        ``quiet`` then: no message box while the app locks)."""
        if self._task is not task or task.outcome is None:
            return
        self._task = None
        self._set_busy(False)
        ok, value = task.outcome
        if ok or (quiet and isinstance(value, ErasedNotCompacted)):
            self.accept()
        elif quiet:
            return  # not erased (the transaction rolled back): the person is still there
        elif isinstance(value, ErasedNotCompacted):
            # The person IS erased (only the compaction failed): say both halves, and
            # close as erased so the caseload and the open page let go of them.
            plain.warning(self, self.tr("Erase participant"), error_text(value))
            self.accept()
        elif isinstance(value, CoachDeskError):
            plain.warning(self, self.tr("Erase participant"), error_text(value))
        else:
            raise value  # a bug: to the app's error hook, as when it ran here

    def reject(self) -> None:
        task = self._task
        if task is not None:
            # A lock (or the app closing) takes the dialog down mid-erasure: the erasure
            # finishes first, so the vault never closes under it, and the dialog ends as
            # it came out (accepted if the person is erased).
            self._pool.waitForDone()
            self._settle(task, quiet=True)
            if self.result() == QDialog.DialogCode.Accepted:
                return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._task is not None and event.key() == Qt.Key.Key_Escape:
            event.ignore()  # the coach cannot cancel an erasure half-way
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            event.ignore()
        else:
            super().closeEvent(event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RetentionDialog(QDialog):
    """Participants whose course ended longer ago than the retention period; erase them
    one at a time, each with its own typed confirmation."""

    def __init__(self, vault: Vault, parent: QWidget | None = None, today: Any = None) -> None:
        import datetime as dt

        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView

        super().__init__(parent)
        self.vault = vault
        self.today = today or dt.date.today()
        self.setWindowTitle(self.tr("Due for erasure"))
        self.resize(620, 420)
        self.intro = plain.label()
        self.intro.setWordWrap(True)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Ref"), self.tr("Course ended")]
        )
        self._item = QStandardItem
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The date column fits its title (it was cut off in Danish); a long ref is cut
        # with an ellipsis rather than squeezing the names.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 160)
        self.table.setAccessibleName(self.tr("Participants due for erasure"))
        self.table.doubleClicked.connect(lambda _i: self.erase_selected())
        self.erase_button = QPushButton(self.tr("Erase..."))
        self.erase_button.clicked.connect(self.erase_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        from PySide6.QtCore import QDate, QLocale

        from coachdesk.store.retention import due_list

        months, due = self.vault.read(due_list, self.today)
        self.model.removeRows(0, self.model.rowCount())
        for pid, name, ref, end in due:
            when = (
                QLocale().toString(
                    QDate(end.year, end.month, end.day), QLocale.FormatType.ShortFormat
                )
                if end
                else ""
            )
            row = [self._item(name), self._item(ref), self._item(when)]
            row[0].setData(pid, Qt.ItemDataRole.UserRole)
            self.model.appendRow(row)
        self.intro.setText(
            self.tr(
                "%n participant(s) finished the course more than {months} months ago. Unless "
                "there is a reason to keep their records, erase them.",
                "",
                len(due),
            ).format(months=months)
        )
        self.erase_button.setEnabled(bool(due))
        if due:
            self.table.selectRow(0)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.model.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def erase_selected(self) -> None:
        pid = self.selected_id()
        if pid is not None and self.confirm_dialog(pid).exec():
            self.reload()

    def confirm_dialog(self, participant_id: int) -> EraseDialog:
        return EraseDialog(self.vault, participant_id, self)
