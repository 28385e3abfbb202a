"""First run: create the vault, show the recovery code once, ask for the coach's details."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core.passphrase import MIN_PASSPHRASE
from coachdesk.errors import CoachDeskError
from coachdesk.ui import file_dialogs, plain
from coachdesk.ui.messages import error_text
from coachdesk.ui.passphrase_hint import strength_text
from coachdesk.ui.worker import Task

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

BOX_WIDTH = 640


def _title(text: str) -> QLabel:
    label = QLabel(text)
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * 1.5)
    f.setBold(True)
    label.setFont(f)
    return label


class FirstRunView(QWidget):
    """Three steps; emits ``finished(vault)`` with the new vault unlocked."""

    finished = Signal(object)
    restore_requested = Signal()

    def __init__(self, data_dir: Path, kdf: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.kdf = kdf
        self.vault: Vault | None = None
        self.recovery_code = ""
        self._task: Task | None = None
        self.steps = QStackedWidget()
        self.steps.addWidget(self._passphrase_step())
        self.steps.addWidget(self._code_step())
        self.steps.addWidget(self._coach_step())
        # A framed column of readable width, centred like the unlock screen.
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setFixedWidth(BOX_WIDTH)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 24, 24, 24)
        # QStackedWidget does not pass height-for-width on to its pages, so a wrapped
        # label would keep the height of one line and cut longer (Danish, pseudo) text:
        # give each its wrapped height at the column's fixed width.
        for label in self.steps.findChildren(QLabel):
            if label.wordWrap():
                # (-1 for a label still empty: no minimum then)
                label.setMinimumHeight(max(0, label.heightForWidth(BOX_WIDTH - 48)))
        inner.addWidget(self.steps)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(box, 1)
        row.addStretch()
        layout.addStretch()
        layout.addLayout(row)
        layout.addStretch()
        self.setFocusProxy(self.pass1)

    # --- step 1 ---------------------------------------------------------------------

    def _passphrase_step(self) -> QWidget:
        w = QWidget()
        intro = QLabel(
            self.tr(
                "CoachDesk keeps your participants' data encrypted on this computer. Choose a "
                "passphrase of at least %1 characters: several words are easy to remember and "
                "hard to guess."
            ).replace("%1", str(MIN_PASSPHRASE))
        )
        intro.setWordWrap(True)
        self.pass1 = QLineEdit()
        self.pass1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass1.setAccessibleName(self.tr("New passphrase"))
        self.pass2 = QLineEdit()
        self.pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass2.setAccessibleName(self.tr("Repeat the passphrase"))
        self.strength_label = QLabel()
        self.strength_label.setAccessibleName(self.tr("Passphrase strength"))
        self.create_message = plain.label()
        self.create_message.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.create_button = QPushButton(self.tr("&Create the vault"))
        self.create_button.setEnabled(False)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_vault)
        for e in (self.pass1, self.pass2):
            e.textChanged.connect(self._check_passphrase)
        self.pass2.returnPressed.connect(self.create_vault)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.pass1)
        form.addRow(self.tr("&Repeat:"), self.pass2)
        form.addRow("", self.strength_label)
        lay = QVBoxLayout(w)
        lay.addWidget(_title(self.tr("Welcome to CoachDesk")))
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.create_message)
        lay.addWidget(self.busy)
        self.restore_link = QPushButton(self.tr("Restore a &backup instead…"))
        self.restore_link.setFlat(True)
        self.restore_link.clicked.connect(self.restore_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_link)
        buttons.addStretch()
        buttons.addWidget(self.create_button)
        lay.addLayout(buttons)
        self._check_passphrase()
        return w

    def _check_passphrase(self) -> None:
        p1, p2 = self.pass1.text(), self.pass2.text()
        self.strength_label.setText(strength_text(p1))
        ok = len(p1) >= MIN_PASSPHRASE and p1 == p2
        if p2 and p1 != p2:
            self.create_message.setText(self.tr("The two passphrases differ."))
        else:
            self.create_message.clear()
        self.create_button.setEnabled(ok)

    def create_vault(self) -> None:
        if not self.create_button.isEnabled():
            return
        from coachdesk.store.vault import Vault

        passphrase, data_dir, kdf = self.pass1.text(), self.data_dir, self.kdf
        self.create_button.setEnabled(False)
        self.pass1.setEnabled(False)
        self.pass2.setEnabled(False)
        self.busy.show()
        self.create_message.setText(self.tr("Creating the encrypted vault…"))
        self._task = Task(lambda: Vault.create(data_dir, passphrase, kdf=kdf))
        self._task.start(self._created, self._failed)

    def _created(self, result: tuple[Any, str]) -> None:
        self.vault, self.recovery_code = result
        self.pass1.clear()
        self.pass2.clear()
        self.busy.hide()
        self.code_label.setText(self.recovery_code)
        self.steps.setCurrentIndex(1)
        self.stored_check.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.pass1.setEnabled(True)
        self.pass2.setEnabled(True)
        self._check_passphrase()
        msg = error_text(exc) if isinstance(exc, CoachDeskError) else type(exc).__name__
        self.create_message.setText(self.tr("The vault was not created: %1").replace("%1", msg))

    # --- step 2 ---------------------------------------------------------------------

    def _code_step(self) -> QWidget:
        w = QWidget()
        text = QLabel(
            self.tr(
                "This is your organisation's recovery code. It unlocks the vault if the "
                "passphrase is forgotten. It is shown only now: save it to a file on a USB stick "
                "or print it, and keep it locked away, apart from this computer."
            )
        )
        text.setWordWrap(True)
        self.code_label = QLabel()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.4)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setWordWrap(True)
        save = QPushButton(self.tr("&Save as file…"))
        save.clicked.connect(self.save_code)
        print_ = QPushButton(self.tr("&Print…"))
        print_.clicked.connect(self.print_code)
        self.stored_check = QCheckBox(self.tr("I have &stored the recovery code"))
        self.continue_button = QPushButton(self.tr("&Continue"))
        self.continue_button.setEnabled(False)
        self.stored_check.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._to_coach)
        lay = QVBoxLayout(w)
        lay.addWidget(_title(self.tr("Your recovery code")))
        lay.addWidget(text)
        lay.addSpacing(12)
        lay.addWidget(self.code_label)
        lay.addSpacing(12)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(print_)
        row.addStretch()
        lay.addLayout(row)
        lay.addWidget(self.stored_check)
        row2 = QHBoxLayout()
        row2.addStretch()
        row2.addWidget(self.continue_button)
        lay.addLayout(row2)
        return w

    def _code_text(self) -> str:
        return self.tr(
            "CoachDesk recovery code\n\n%1\n\nKeep this locked away. It unlocks the "
            "CoachDesk vault if the passphrase is forgotten.\n"
        ).replace("%1", self.recovery_code)

    def save_code(self) -> None:
        path = file_dialogs.save_file(
            self,
            self.tr("Save the recovery code"),
            "coachdesk-recovery-code.txt",
            self.tr("Text files (*.txt)"),
        )
        if path:
            self.write_code(Path(path))

    def write_code(self, path: Path) -> None:
        from coachdesk.store.atomic import write_atomic

        try:
            write_atomic(path, self._code_text().encode("utf-8"))
        except OSError as exc:
            plain.warning(
                self,
                self.tr("Not saved"),
                self.tr("The file could not be written: %1").replace(
                    "%1", exc.strerror or str(exc)
                ),
            )

    def print_code(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            doc = QTextDocument()
            doc.setPlainText(self._code_text())
            doc.print_(printer)

    def _to_coach(self) -> None:
        if not self.stored_check.isChecked():
            return
        self.steps.setCurrentIndex(2)
        self.coach_name.setFocus()

    # --- step 3 ---------------------------------------------------------------------

    def _coach_step(self) -> QWidget:
        w = QWidget()
        text = QLabel(
            self.tr(
                "Your name and organisation appear on the reports you send to "
                "the municipality. You can change them later in Settings."
            )
        )
        text.setWordWrap(True)
        self.coach_name = QLineEdit()
        self.coach_name.setAccessibleName(self.tr("Coach name"))
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation.returnPressed.connect(self.finish)
        done = QPushButton(self.tr("&Start using CoachDesk"))
        done.setDefault(True)
        done.clicked.connect(self.finish)
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.coach_name)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        lay = QVBoxLayout(w)
        lay.addWidget(_title(self.tr("About you")))
        lay.addWidget(text)
        lay.addLayout(form)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(done)
        lay.addLayout(row)
        return w

    def finish(self) -> None:
        from coachdesk.store import settings

        assert self.vault is not None  # the last page shows after the vault was made
        self.vault.write(
            settings.change,
            {
                "coach_name": self.coach_name.text().strip(),
                "organisation": self.organisation.text().strip(),
            },
        )
        self.recovery_code = ""
        self.code_label.clear()
        self.finished.emit(self.vault)
