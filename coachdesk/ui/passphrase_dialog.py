"""Change the passphrase: a new data key too (the vault is re-encrypted, issue 12 item
14), so an old copy of vault.key with the old passphrase opens nothing newer.

The current passphrase is asked again first (MASVS AUTH-2/3), except right after an
unlock with the recovery code, when the old passphrase is what was forgotten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core.passphrase import MIN_PASSPHRASE
from coachdesk.errors import CoachDeskError
from coachdesk.ui import plain
from coachdesk.ui.messages import error_text
from coachdesk.ui.passphrase_hint import strength_text

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class ChangePassphraseDialog(QDialog):
    def __init__(
        self, vault: Vault, parent: QWidget | None = None, *, require_current: bool = True
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "The new passphrase unlocks this vault from now on. The "
                "recovery code stays the same."
            )
            if require_current
            else self.tr(
                "You unlocked with the recovery code. Choose a new passphrase "
                "for daily use; the recovery code stays the same."
            )
        )
        intro.setWordWrap(True)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(self.tr("Current passphrase"))
        self.new1 = QLineEdit()
        self.new1.setEchoMode(QLineEdit.EchoMode.Password)
        self.new1.setAccessibleName(self.tr("New passphrase"))
        self.new2 = QLineEdit()
        self.new2.setEchoMode(QLineEdit.EchoMode.Password)
        self.new2.setAccessibleName(self.tr("Repeat the new passphrase"))
        self.strength_label = QLabel()
        self.message = plain.label()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        form = QFormLayout()
        if require_current:
            form.addRow(self.tr("&Current passphrase:"), self.current)
        else:
            self.current.hide()
        form.addRow(self.tr("&New passphrase:"), self.new1)
        form.addRow(self.tr("&Repeat:"), self.new2)
        form.addRow("", self.strength_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.require_current = require_current
        for edit in (self.new1, self.new2):
            edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        p1, p2 = self.new1.text(), self.new2.text()
        self.strength_label.setText(strength_text(p1))
        ok = len(p1) >= MIN_PASSPHRASE and p1 == p2
        self.message.setText(self.tr("The two passphrases differ.") if p2 and p1 != p2 else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def apply(self) -> None:
        # Argon2id runs twice here (about a second): show that something is happening.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.require_current and not self.vault.verify_passphrase(self.current.text()):
                self.message.setText(self.tr("The current passphrase is wrong."))
                self.current.selectAll()
                self.current.setFocus()
                return
            new_code = self.vault.change_passphrase(self.new1.text())
        except CoachDeskError as exc:
            self.message.setText(error_text(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        for edit in (self.current, self.new1, self.new2):
            edit.clear()
        self.accept()
        if new_code:
            # A recovery slot from before issue 12 cannot follow the new key: the vault
            # got a new code, shown once.
            from coachdesk.ui.recovery_code_dialog import ShowRecoveryCodeDialog

            ShowRecoveryCodeDialog(new_code, self.parentWidget()).exec()
