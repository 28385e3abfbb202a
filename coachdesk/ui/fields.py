"""Small pieces shared by the forms: a masked CPR field, the message label shown next to a
field when core/records rejects its value, a labelled form row and the editors'
unsaved-changes state. (The date field lives in ui/date_field.py; it is re-exported here
for the forms that import it from here.)"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coachdesk.core import cpr
from coachdesk.ui.date_field import DateField  # the one date field (ui/date_field.py)

__all__ = [
    "CprField",
    "DateField",
    "FieldMessage",
    "UnsavedChanges",
    "labelled_row",
    "report_language",
]

# DDMMYY-NNNN is 11 characters; the rest is room for spaces around a pasted number
# (they are stripped). Anything longer is never a CPR number.
CPR_MAX_LEN = 20


class CprField(QWidget):
    """Shows ``DDMMYY-****`` until the coach reveals the number (each reveal is audited)."""

    revealed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = ""
        self._shown = True
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("DDMMYY-NNNN"))
        self.edit.setMaxLength(CPR_MAX_LEN)
        self.edit.setAccessibleName(self.tr("CPR number"))
        self.button = QPushButton(self.tr("Show"))
        self.button.setAccessibleName(self.tr("Show the full CPR number"))
        self.button.setCheckable(True)
        self.button.toggled.connect(self._toggle)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def set_value(self, value: str | None) -> None:
        self._value = value or ""
        self._set_shown(not self._value)

    def value(self) -> str:
        return self.edit.text().strip() if self._shown else self._value

    def is_masked(self) -> bool:
        return not self._shown

    def _set_shown(self, shown: bool) -> None:
        self._shown = shown
        self.edit.setReadOnly(not shown)
        self.edit.setText(self._value if shown else cpr.mask(self._value))
        self.button.setVisible(bool(self._value))
        self.button.blockSignals(True)
        self.button.setChecked(shown)
        self.button.blockSignals(False)
        self.button.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _toggle(self, on: bool) -> None:
        if not on:
            self._value = self.edit.text().strip()
        self._set_shown(on)
        if on:
            self.revealed.emit()


class FieldMessage(QLabel):
    """The validation message under one field; hidden when the field is fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote what was typed
        self.setWordWrap(True)
        pal = self.palette()
        # The platform's own "negative" colour would be nicer; the link-visited role
        # is the closest palette entry that stays readable in light and dark themes.
        pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.LinkVisited))
        self.setPalette(pal)
        self.hide()

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


def labelled_row(form: QFormLayout, text: str, w: QWidget) -> None:
    """A form row whose label's mnemonic (``&``) focuses ``w``, which screen readers
    name by the label."""
    lab = QLabel(text)
    lab.setBuddy(w)
    w.setAccessibleName(text.replace("&", "").rstrip(":"))
    form.addRow(lab, w)


def report_language(current: str = "da") -> QComboBox:
    """The report's language (the reports' catalogue has Danish and English), ``current``
    chosen; the item data is the language code."""
    box = QComboBox()
    box.addItem(QCoreApplication.translate("ReportLanguage", "Danish"), "da")
    box.addItem(QCoreApplication.translate("ReportLanguage", "English"), "en")
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class UnsavedChanges:
    """The editor tabs' unsaved-changes state (outcome, report fields, job plan): a
    change marks the tab dirty unless the tab is being filled, and says so in its
    ``state_label``; the participant page asks ``is_dirty`` before it closes."""

    _dirty = False
    _loading = False
    state_label: QLabel

    def _changed(self, *_a: Any) -> None:
        if not self._loading:
            self._dirty = True
            self.state_label.setText(
                QCoreApplication.translate("UnsavedChanges", "Unsaved changes")
            )

    def is_dirty(self) -> bool:
        return self._dirty
