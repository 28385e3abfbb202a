"""A new recovery code (issue 12 item 14): asked for with the passphrase, shown once.

Making a new code also gives the vault a new data key (store/vault.py ``_rotate``), so
the old code opens nothing written from now on; old backups keep opening with the code
of their day. The code is shown the way the first-run wizard shows it, and only once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError
from coachdesk.ui.messages import error_text

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class ShowRecoveryCodeDialog(QDialog):
    """The code, once; Close only after the coach says it is stored."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New recovery code"))
        self.setMinimumWidth(520)
        text = QLabel(
            self.tr(
                "This is the vault's new recovery code. The old code no longer unlocks it "
                "(old backups still open with the code of their day). It is shown only now: "
                "write it down, and keep it locked away, apart from this computer."
            )
        )
        text.setWordWrap(True)
        self.code_label = QLabel(code)
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.4)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.stored_check = QCheckBox(self.tr("I have &stored the new recovery code"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.stored_check.toggled.connect(self.close_button.setEnabled)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addSpacing(12)
        lay.addWidget(self.code_label)
        lay.addSpacing(12)
        lay.addWidget(self.stored_check)
        lay.addWidget(self.buttons)

    def reject(self) -> None:
        if self.stored_check.isChecked():
            self.code_label.clear()
            super().reject()

    def done(self, result: int) -> None:
        # Locking the app closes every dialog: the code must not outlive the vault.
        self.code_label.clear()
        super().done(result)


class RotateRecoveryCodeDialog(QDialog):
    """Ask the passphrase again, make the new code, then show it."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.code = ""
        self.setWindowTitle(self.tr("New recovery code"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "Make a new recovery code when the old one may have been seen by someone else. "
                "The old code stops working for this vault; the passphrase stays the same."
            )
        )
        intro.setWordWrap(True)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(self.tr("Passphrase"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.current)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Make a new code"))
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)

    def apply(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.code = self.vault.rotate_recovery_code(self.current.text())
        except CoachDeskError as exc:
            self.message.setText(error_text(exc))
            self.current.selectAll()
            self.current.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.current.clear()
        self.accept()
        ShowRecoveryCodeDialog(self.code, self.parentWidget()).exec()
        self.code = ""
