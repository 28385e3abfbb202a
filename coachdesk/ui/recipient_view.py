"""Settings -> My receiving key: this vault's age recipient, to give to other coaches.

Shown whole in a read-only field with a Copy button (for e-mail or chat), and in groups
of four characters for reading aloud over the phone; the receiver's app ignores the
spaces. No QR code: nothing here needs a camera. The key is public: it only lets others
encrypt *to* this vault.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.store import recipient

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


class RecipientBox(QGroupBox):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("My receiving key"), parent)
        # A vault made before handovers existed gets its key now (store/recipient.py).
        self.recipient = recipient.ensure_committed(vault)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        intro = QLabel(
            self.tr(
                "Other coaches encrypt a participant they hand over to you "
                "with this key. It is not secret: give it by e-mail, chat or "
                "phone."
            )
        )
        intro.setWordWrap(True)
        self.field = QLineEdit(self.recipient)
        self.field.setReadOnly(True)
        self.field.setFont(fixed)
        self.field.setAccessibleName(self.tr("My receiving key"))
        self.field.setCursorPosition(0)
        self.copy_button = QPushButton(self.tr("C&opy"))
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.copy_button)
        aloud = QLabel(self.tr("To read aloud, in groups of four:"))
        self.grouped = QLabel(recipient.grouped(self.recipient))
        self.grouped.setFont(fixed)
        self.grouped.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grouped.setAccessibleName(self.tr("My receiving key in groups of four"))
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(row)
        lay.addWidget(aloud)
        lay.addWidget(self.grouped)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.recipient)
        self.copy_button.setText(self.tr("Copied"))
