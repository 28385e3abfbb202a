"""The date field used for every date in the app: a text box read by core/dates.

A QDateEdit typed into from empty turned 15092026 into 11.12.2026 and moved on by
itself; this field only reads what the coach typed. It shows what it understood under
the box ("tirsdag 15. september 2026"), refuses what it cannot read with a message
there, and keeps the focus on Tab until the text is a date or empty (where empty is
allowed). It never moves the focus by itself.

``compact=True`` (cells of the job plan's tables) shows the same words as the tooltip
and a red frame instead of a line under the box, so the rows stay one line high.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from coachdesk.core import dates
from coachdesk.ui.labels import qdate


def reason_text(reason: str) -> str:
    """One plain sentence for each way a text is not a date."""
    return {
        dates.EMPTY: QCoreApplication.translate("DateField", "Type a date."),
        dates.FORMAT: QCoreApplication.translate(
            "DateField", 'Not a date. Type it as 15.09.2026, 150926, "today" or +7.'
        ),
        dates.NO_YEAR: QCoreApplication.translate("DateField", "Add the year, e.g. 15.09.2026."),
        dates.NOT_REAL: QCoreApplication.translate(
            "DateField", "That day does not exist in that month."
        ),
        dates.YEAR_RANGE: QCoreApplication.translate(
            "DateField", "The year must be between 1900 and 2100."
        ),
        dates.OFFSET_RANGE: QCoreApplication.translate(
            "DateField", "That is more than ten years away."
        ),
    }.get(reason, QCoreApplication.translate("DateField", "Not a date."))


def long_text(day: dt.date) -> str:
    """What the field understood, in words: "tirsdag 15. september 2026"."""
    return QLocale().toString(qdate(day), "dddd d. MMMM yyyy")


class _Edit(QLineEdit):
    """The box itself: Tab and Shift+Tab are refused while the text is no date."""

    def __init__(self, owner: DateField) -> None:
        super().__init__()
        self._owner = owner

    def event(self, e: QEvent) -> bool:
        if (
            e.type() == QEvent.Type.KeyPress
            and isinstance(e, QKeyEvent)
            and e.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not (e.modifiers() & Qt.KeyboardModifier.ControlModifier)
            and not self._owner.check()
        ):
            e.accept()  # the message is shown; the focus stays for the correction
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        # Up/Down step a day, as the old spin box did; only from a date that was read.
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(e.key()))
        if step and self._owner.is_valid() and self._owner.value() is not None:
            day = self._owner.value()
            assert day is not None
            self._owner.set_value(day + dt.timedelta(days=step), emit=True)
            return
        super().keyPressEvent(e)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        super().focusOutEvent(e)
        self._owner.check()


class DateField(QWidget):
    """A date (or nothing, when ``allow_empty``), typed as text and read by core/dates."""

    # The new date (dt.date or None) whenever what the field holds changes.
    dateChanged = Signal(object)

    def __init__(
        self,
        value: dt.date | None = None,
        parent: QWidget | None = None,
        *,
        allow_empty: bool = True,
        compact: bool = False,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._allow_empty = allow_empty
        self._compact = compact
        self._today = today
        self._value: dt.date | None = None
        self._error: str | None = None
        self.edit = _Edit(self)
        self.edit.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self._help = self.tr(
            "Type the date as 15.09.2026, 15-09-2026, 15092026, 150926 or "
            '15.9.26; "today" or "i dag"; +7 for a week from today.'
        )
        self.edit.setToolTip(self._help)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        f = self.note.font()
        f.setPointSizeF(f.pointSizeF() * 0.9)
        self.note.setFont(f)
        self._normal_palette = self.note.palette()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(self.edit)
        lay.addWidget(self.note)
        self.note.setVisible(not compact)
        # Room for "00.00.0000" (and "i morgen"), not the whole width of a grid column:
        # a date box as wide as the form read as a text field.
        fm = self.edit.fontMetrics()
        self.edit.setMinimumWidth(fm.horizontalAdvance("00.00.00000") + 16)
        if not compact:
            self.edit.setMaximumWidth(fm.horizontalAdvance("00.00.0000") * 2)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self._finished)
        self.set_value(value)

    # --- what the field holds ------------------------------------------------------

    def value(self) -> dt.date | None:
        """The date read from the text; None when empty, and when the text is no date
        (check ``is_valid``: a form must not save then)."""
        return self._value if self._error is None else None

    def iso(self) -> str | None:
        v = self.value()
        return None if v is None else v.isoformat()

    def is_valid(self) -> bool:
        return self._error is None

    def error(self) -> str | None:
        """The message shown, when the text is not an accepted date."""
        return None if self._error is None else reason_text(self._error)

    def text(self) -> str:
        return self.edit.text()

    def set_value(self, value: dt.date | None, *, emit: bool = False) -> None:
        self.edit.setText(dates.format_short(value) if value else "")
        old = self._value
        self._value, self._error = value, None
        self._show()
        if emit and old != value:
            self.dateChanged.emit(value)

    def setAccessibleName(self, name: str) -> None:  # the box is what a screen reader meets
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    # --- reading ---------------------------------------------------------------------

    def _read(self) -> dates.DateError | None:
        """Parse the text into _value/_error; the DateError when it is not a date."""
        try:
            day = dates.parse(self.edit.text(), self._today(), allow_empty=self._allow_empty)
        except dates.DateError as exc:
            self._error = exc.reason
            return exc
        self._error = None
        if day != self._value:
            self._value = day
            self.dateChanged.emit(day)
        return None

    def _edited(self, _text: str) -> None:
        # While typing: show what a complete text means, but no error for a text that is
        # still on its way (150 becomes 150926); the error comes on Tab or leaving.
        self._show(quiet=self._read() is not None)

    def _finished(self) -> None:
        self.check()

    def check(self) -> bool:
        """Read the text now; show the message when it is no date. True when it is one."""
        ok = self._read() is None
        if ok and self._value is not None:
            # Show the date in one form, so what was read is what is seen.
            want = dates.format_short(self._value)
            if self.edit.text() != want:
                self.edit.setText(want)
        self._show()
        return ok

    # --- showing ---------------------------------------------------------------------

    def _show(self, quiet: bool = False) -> None:
        if self._error is not None and not quiet:
            text = reason_text(self._error)
            pal = self.note.palette()
            pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.LinkVisited))
            self.note.setPalette(pal)
            self.note.setText("⚠ " + text)
            self.edit.setStyleSheet("QLineEdit { border: 2px solid #b3261e; }")
            self.edit.setToolTip(text)
            self.edit.setAccessibleDescription(text)
            return
        self.edit.setStyleSheet("")
        self.note.setPalette(self._normal_palette)
        words = long_text(self._value) if self._value and self._error is None else ""
        self.note.setText(words)
        self.edit.setAccessibleDescription(words)
        self.edit.setToolTip(words if self._compact and words else self._help)


def first_invalid(fields: Iterable[QObject]) -> DateField | None:
    """The first date field among ``fields`` whose text is not a date (its message shown)."""
    for f in fields:
        if isinstance(f, DateField) and not f.check():
            return f
    return None
