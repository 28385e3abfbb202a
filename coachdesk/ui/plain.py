"""Text from the vault is shown as text, never as markup (docs/security.md, "GUI: plain
text, screenshots, file dialogs").

Qt guesses: a QLabel, a tooltip and a QMessageBox in their default AutoText format render
any text that ``Qt::mightBeRichText`` takes for HTML, so a name like ``<h1>X</h1>`` came
out as a heading, ``<a href=…>`` as a link and ``<img src=/some/file>`` made Qt read a
local file. Names, refs, case fields, notes and paths come from imported files: every
widget that shows them uses one of these helpers (or a widget that is plain by nature:
QLineEdit, QPlainTextEdit, item-view cells, combo box items).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText


def label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows ``text`` literally, whatever it holds."""
    lab = QLabel(parent)
    lab.setTextFormat(PLAIN)
    lab.setText(text)
    return lab


def tooltip(text: str) -> str:
    """A tooltip for any text: tooltips have no plain-text switch, so the text is escaped
    and wrapped as rich text (an empty text stays empty: no tooltip)."""
    if not text:
        return ""
    return QtGui_Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


TAB_CHARS = 40


def tab_text(text: str) -> str:
    """Tab titles are plain but read ``&`` as a shortcut marker: "Hansen & Co" would lose
    its ampersand (and grab Alt+C). A long name is shortened (the tab's tooltip has it
    all): Qt's own eliding would shorten the other tabs as well."""
    if len(text) > TAB_CHARS:
        text = text[: TAB_CHARS - 1].rstrip() + "…"
    return text.replace("&", "&&")


def message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox.StandardButton:
    """QMessageBox.warning/information/question with the text shown literally."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(PLAIN)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


def warning(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, QMessageBox.Icon.Warning, title, text)


def information(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, QMessageBox.Icon.Information, title, text)
