"""The Sessions tab: the participant's conversations on the left, the editor on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import BadInput
from coachdesk.store import corrections, sessions
from coachdesk.ui import labels, plain
from coachdesk.ui.corrections import UndoBar, run_undo
from coachdesk.ui.messages import error_text
from coachdesk.ui.session_editor import SessionEditor

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class SessionsTab(QWidget):
    changed = Signal()
    goal_added = Signal()

    def __init__(self, vault: Vault, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self.editor: SessionEditor | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Sessions"))
        self.list.itemActivated.connect(self._open_item)
        self.list.itemClicked.connect(self._open_item)
        self.new_button = QPushButton(self.tr("&New session"))
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.delete_button = QPushButton(self.tr("Delete session"))
        self.delete_button.setToolTip(
            self.tr("Delete the selected session (Delete key); Ctrl+Z puts it back")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self.undo_bar = UndoBar(self)
        run_undo(self.undo_bar, self._restore)
        self.empty = QLabel(self.tr("No sessions yet. Individual conversations start in week 5."))
        self.empty.setWordWrap(True)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        ll.addLayout(buttons)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.empty)
        self.right = QWidget()
        self.right_layout = QVBoxLayout(self.right)
        self.right_layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.tr("Select a session, or start a new one."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right_layout.addWidget(self.placeholder)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.right)
        split.setStretchFactor(1, 3)
        split.setSizes([330, 830])
        lay = QVBoxLayout(self)
        lay.addWidget(self.undo_bar)
        lay.addWidget(split, 1)
        self.reload()

    def reload(self) -> None:
        rows = self.vault.read(sessions.listing, self.participant_id)
        st = labels.session_statuses()
        self.list.clear()
        for line in rows:
            text = (
                self.tr("%1 – %2, week %3, %n theme(s)", "", len(line.themes))
                .replace("%1", labels.date_text(line.date))
                .replace("%2", st.get(line.status, line.status))
                .replace("%3", str(line.week or "–"))
            )
            if not line.counted:
                # As in the attendance list: reports leave it out until it is put right.
                text += " ⚠ " + self.tr("not counted")
            item = QListWidgetItem(text)
            item.setToolTip(plain.tooltip(text))
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            self.list.addItem(item)
        self.empty.setVisible(not rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.list.currentItem() is not None)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def delete_selected(self) -> None:
        """Delete the selected session at once; the undo bar (Ctrl+Z) can put it back."""
        sid = self.selected_id()
        if sid is None:
            return
        if self.editor is not None:
            if self.editor.session_id == sid:
                # Its unsaved edits and draft go with it: the undo restores the saved one.
                self.editor.discard_draft()
                self.editor._dirty = False
            elif not self.editor.confirm_close():
                return
            self.close_editor()
        row = self.list.currentRow()
        snap = self.vault.write(corrections.delete_session, self.participant_id, sid)
        self.reload()
        if self.list.count():  # the next one is selected: Delete, Delete works down a list
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.undo_bar.offer(
            snap,
            self.tr("The session of %1 was deleted.").replace("%1", labels.date_text(snap.date)),
        )
        self.list.setFocus()
        self.changed.emit()

    def _restore(self, snap: corrections.Snapshot) -> str | None:
        try:
            sid = self.vault.write(corrections.restore, snap)
        except BadInput as exc:
            return error_text(exc)
        self.reload()
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == sid:
                self.list.setCurrentRow(i)
        self.list.setFocus()
        self.changed.emit()
        return None

    def _open_item(self, item: QListWidgetItem) -> None:
        sid = item.data(Qt.ItemDataRole.UserRole)
        if self.editor is not None and self.editor.session_id == sid:
            return
        self.open_editor(sid)

    def open_editor(self, session_id: int | None, *, restore_draft: bool = False) -> bool:
        if self.editor is not None:
            if not self.editor.confirm_close():
                return False
            self.close_editor()
        self.placeholder.hide()
        self.editor = SessionEditor(
            self.vault, self.participant_id, session_id, restore_draft=restore_draft
        )
        self.editor.saved.connect(self._saved)
        self.editor.goal_added.connect(self.goal_added)
        self.right_layout.addWidget(self.editor)
        self.editor.setFocus()
        return True

    def close_editor(self) -> None:
        if self.editor is not None:
            self.editor.stop()
            self.editor.setParent(None)
            self.editor.deleteLater()
            self.editor = None
            self.placeholder.show()

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()

    def confirm_close(self) -> bool:
        return self.editor is None or self.editor.confirm_close()

    def keep_drafts(self) -> None:
        if self.editor is not None:
            self.editor.keep_draft()
