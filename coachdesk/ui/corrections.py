"""Putting mistakes right: the words for core/plausibility's findings, and the undo bar.

The undo bar is shown after a delete ("Session 15.09.2026 deleted. Undo (Ctrl+Z)"); it
holds the one last deleted record (store/corrections.Snapshot) in memory only, so an
undo is possible until the next delete, the participant is closed or the app locks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from coachdesk.core import plausibility
from coachdesk.core.plausibility import Finding
from coachdesk.store.corrections import Snapshot

# How long "Put back." stays after an undo.
DONE_SHOWN_MS = 6000


def finding_text(f: Finding) -> str:
    """One plain sentence per finding, for a session or a mark alike."""
    if f.code == plausibility.HELD_IN_FUTURE:
        return QCoreApplication.translate(
            "Corrections",
            "The date is in the future: a session cannot have been held (or "
            'missed) yet. Choose "cancelled", or correct the date.',
        )
    if f.code == plausibility.MARK_IN_FUTURE:
        return QCoreApplication.translate(
            "Corrections",
            "The date is in the future: attendance can only be marked once "
            "the group session has taken place.",
        )
    if f.code == plausibility.BEFORE_REFERRAL:
        return QCoreApplication.translate(
            "Corrections", "The date is before the participant's referral date."
        )
    if f.code == plausibility.WEEK_MISMATCH:
        if f.expected_week is None:
            return QCoreApplication.translate(
                "Corrections", "The date is before the course start, so it has no course week."
            )
        return QCoreApplication.translate(
            "Corrections", "The course week does not match the date: that date is in week %1."
        ).replace("%1", str(f.expected_week))
    if f.code == plausibility.BEFORE_START:
        return QCoreApplication.translate("Corrections", "The date is before the course start.")
    return QCoreApplication.translate(
        "Corrections", "The date is more than %1 days after the course ended."
    ).replace("%1", str(plausibility.GRACE_DAYS))


def findings_text(findings: list[Finding]) -> str:
    """Errors first; warnings end with how to confirm them."""
    errs = plausibility.errors(findings)
    if errs:
        return "\n".join(finding_text(f) for f in errs)
    return (
        "⚠ "
        + " ".join(finding_text(f) for f in findings)
        + " "
        + QCoreApplication.translate(
            "Corrections",
            "If this is right, save again to confirm it; until then reports do not count it.",
        )
    )


class UndoBar(QFrame):
    """ "… deleted. [Undo (Ctrl+Z)]": Ctrl+Z anywhere in ``scope`` undoes the last delete.

    A text field in the scope keeps its own Ctrl+Z (text undo): Qt gives a focused
    editor the key before an application shortcut.
    """

    undone = Signal(object)  # the Snapshot to restore

    def __init__(self, scope: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.snapshot: Snapshot | None = None
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Undo (Ctrl+Z)"))
        self.button.clicked.connect(self.undo)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self.shortcut = QShortcut(QKeySequence.StandardKey.Undo, scope)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.undo)
        self.hide()

    def offer(self, snapshot: Snapshot, text: str) -> None:
        self.snapshot = snapshot
        self.label.setText(text)
        self.button.show()
        self.show()

    def undo(self) -> None:
        snap, self.snapshot = self.snapshot, None
        if snap is None:
            return
        self.undone.emit(snap)

    def done(self, text: str) -> None:
        """After the undo: say so, without a button, for a few seconds."""
        self.label.setText(text)
        self.button.hide()
        self.show()
        QTimer.singleShot(DONE_SHOWN_MS, self._hide_if_done)

    def _hide_if_done(self) -> None:
        if self.snapshot is None:  # not a newer delete's offer
            self.hide()

    def clear(self) -> None:
        self.snapshot = None
        self.hide()


def run_undo(bar: UndoBar, restore: Callable[[Snapshot], str | None]) -> None:
    """Connect ``bar`` to ``restore`` (which returns an error text, or None when done)."""

    def go(snap: Snapshot) -> None:
        problem = restore(snap)
        bar.done(problem or QCoreApplication.translate("Corrections", "Put back."))

    bar.undone.connect(go)
