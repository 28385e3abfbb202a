"""The group roster: one row per admitted participant of a hold, one column per group
session; present / absent / excused by keyboard, with totals.

Keys on a cell: P (Danish T) or 1 present, A (Danish F) or 2 absent, E (Danish A) or 3
excused (afbud), Delete or 0 removes the mark; the cursor then moves down the column,
so a session is marked top to bottom without the mouse. Marks are GroupAttendance rows
written by sessions.set_attendance: the plausibility rules of every other form apply
(a future session cannot be marked; an unusual one is confirmed by pressing the key
again). The caseworker report counts these marks (reports/content.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import BadInput
from coachdesk.store import agenda, sessions
from coachdesk.ui import labels
from coachdesk.ui.agenda_view import group_phase_default, weekday_text
from coachdesk.ui.corrections import finding_text, findings_text
from coachdesk.ui.date_field import DateField
from coachdesk.ui.messages import error_text

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

MARK_ROLE = Qt.ItemDataRole.UserRole + 2


class RosterTable(QTableWidget):
    """Passes the mark keys to the dialog instead of starting a search by letter."""

    mark_key = Signal(str)

    def __init__(self, keys: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = keys  # typed text (upper case) -> "present" | "absent" | ...

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.mark_key.emit("none")
            return
        text = event.text().upper()
        if text and text in self.keys:
            self.mark_key.emit(self.keys[text])
            return
        super().keyPressEvent(event)


class RosterDialog(QDialog):
    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        course_start: dt.date | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.today = today or dt.date.today()
        self.changed = False
        self._pending: tuple[int, dt.date, str] | None = None
        self.setWindowTitle(self.tr("Group roster"))
        self.hold = QComboBox()
        self.hold.setAccessibleName(self.tr("Hold"))
        hold_label = QLabel(self.tr("&Hold (course start):"))
        hold_label.setBuddy(self.hold)
        self.new_date = DateField(None)
        self.new_date.setAccessibleName(self.tr("Date of a group session"))
        self.new_time = QTimeEdit(QTime(13, 0))
        self.new_time.setDisplayFormat("HH:mm")
        self.new_time.setAccessibleName(self.tr("Start time of the group session"))
        self.add_button = QPushButton(self.tr("&Add session"))
        self.add_button.clicked.connect(self.add_date)
        self.weeks_button = QPushButton(self.tr("Weeks &1-4"))
        self.weeks_button.setToolTip(
            self.tr(
                "Add one group session a week in the group phase, on the course start's weekday"
            )
        )
        self.weeks_button.clicked.connect(self.add_group_phase)
        self.remove_button = QPushButton(self.tr("Remove session"))
        self.remove_button.setToolTip(
            self.tr(
                "Remove the current column's group session from the hold's plan (its marks stay)"
            )
        )
        self.remove_button.clicked.connect(self.remove_current_date)
        present, absent, excused = self.tr("P"), self.tr("A"), self.tr("E")
        keys = {
            "1": "present",
            "2": "absent",
            "3": "excused",
            "0": "none",
            present.upper(): "present",
            absent.upper(): "absent",
            excused.upper(): "excused",
        }
        self.legend = QLabel(
            self.tr(
                "Keys: %1 or 1 present, %2 or 2 absent, %3 or 3 excused "
                "(notice of absence), Delete removes the mark."
            )
            .replace("%1", present)
            .replace("%2", absent)
            .replace("%3", excused)
        )
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.table = RosterTable(keys)
        self.table.setAccessibleName(self.tr("Roster"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.mark_key.connect(self.mark_current)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

        top = QHBoxLayout()
        top.addWidget(hold_label)
        top.addWidget(self.hold, 1)
        dates = QHBoxLayout()
        new_label = QLabel(self.tr("New &session:"))
        new_label.setBuddy(self.new_date)
        dates.addWidget(new_label)
        dates.addWidget(self.new_date)
        dates.addWidget(self.new_time)
        dates.addWidget(self.add_button)
        dates.addWidget(self.weeks_button)
        dates.addStretch(1)
        dates.addWidget(self.remove_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(dates)
        lay.addWidget(self.legend)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.resize(1100, 640)

        starts, sizes = self.vault.read(agenda.holds_and_sizes)
        for start in starts:
            self.hold.addItem(
                self.tr("%1 (%n participant(s))", "", sizes.get(start, 0)).replace(
                    "%1", labels.date_text(start)
                ),
                start,
            )
        if course_start in starts:  # (findData does not match a date held as QDate)
            self.hold.setCurrentIndex(starts.index(course_start))
        elif starts:  # the latest hold that has started
            started = [i for i, s in enumerate(starts) if s <= self.today]
            self.hold.setCurrentIndex(started[-1] if started else 0)
        self.hold.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()
        self.table.setFocus()

    # --- reading --------------------------------------------------------------------

    def course_start(self) -> dt.date | None:
        data = self.hold.currentData()
        return data if isinstance(data, dt.date) else None

    def mark_texts(self) -> dict[str, str]:
        return {
            "present": self.tr("Present"),
            "absent": self.tr("Absent"),
            "excused": self.tr("Excused"),
        }

    def reload(self, keep: tuple[int, int] | None = None) -> None:
        start = self.course_start()
        self.sessions: list[Any] = []
        self.rows: list[agenda.RosterRow] = []
        if start is not None:
            self.sessions, self.rows = self.vault.read(agenda.hold, start)
        self.new_date.set_value(None)
        days = [g.date for g in self.sessions]
        texts = self.mark_texts()
        t = self.table
        t.clear()
        t.setRowCount(len(self.rows) + 1)
        t.setColumnCount(len(days) + 2)
        t.setHorizontalHeaderLabels(
            [
                self.tr("Participant"),
                *[
                    weekday_text(d) + (f"\n{g.start}" if g.start else "")
                    for d, g in zip(days, self.sessions, strict=True)
                ],
                self.tr("Total"),
            ]
        )
        t.setVerticalHeaderLabels([str(i + 1) for i in range(len(self.rows))] + [""])
        held = [d for d in days if d <= self.today]
        for r, row in enumerate(self.rows):
            name = QTableWidgetItem(f"{row.name} ({row.ref})")
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            t.setItem(r, 0, name)
            for c, d in enumerate(days, 1):
                mark = row.marks.get(d)
                cell = QTableWidgetItem(
                    texts.get(mark, "") if mark else ("–" if d <= self.today else "")
                )
                cell.setData(MARK_ROLE, mark)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                t.setItem(r, c, cell)
            total = QTableWidgetItem(self.total_text(row, len(held)))
            t.setItem(r, len(days) + 1, total)
        footer = QTableWidgetItem(self.tr("Present"))
        f = footer.font()
        f.setBold(True)
        footer.setFont(f)
        t.setItem(len(self.rows), 0, footer)
        for c, d in enumerate(days, 1):
            n = sum(1 for row in self.rows if row.marks.get(d) == "present")
            cell = QTableWidgetItem(
                self.tr("%1 of %2").replace("%1", str(n)).replace("%2", str(len(self.rows)))
            )
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.setFont(f)
            t.setItem(len(self.rows), c, cell)
        t.resizeColumnsToContents()
        t.horizontalHeader().setStretchLastSection(True)
        if not days or not self.rows:
            self.message.setText(
                self.tr(
                    "No group sessions planned for this hold yet: add their dates "
                    "above (Weeks 1-4 adds one a week)."
                )
                if not days
                else self.tr("No admitted participants in this hold.")
            )
        if keep is not None and self.rows and days:
            t.setCurrentCell(min(keep[0], len(self.rows) - 1), min(keep[1], len(days)))
        elif self.rows and days:
            first_open = next((i for i, d in enumerate(days, 1) if d >= self.today), len(days))
            t.setCurrentCell(0, first_open if days[first_open - 1] <= self.today else 1)
        self.remove_button.setEnabled(bool(days))

    def total_text(self, row: agenda.RosterRow, held: int) -> str:
        text = (
            self.tr("%1 of %2 present")
            .replace("%1", str(row.total("present")))
            .replace("%2", str(held))
        )
        if row.total("excused"):
            text += ", " + self.tr("%n notice(s) of absence", "", row.total("excused"))
        return text

    # --- writing --------------------------------------------------------------------

    def mark_current(self, mark: str) -> None:
        r, c = self.table.currentRow(), self.table.currentColumn()
        if not (0 <= r < len(self.rows) and 1 <= c <= len(self.sessions)):
            return
        row, day = self.rows[r], self.sessions[c - 1].date
        confirmed = self._pending == (row.participant_id, day, mark)
        self._pending = None
        present = None if mark == "none" else mark == "present"
        try:
            self.vault.write(
                sessions.set_attendance,
                row.participant_id,
                day,
                present,
                excused=mark == "excused",
                confirmed=confirmed,
                today=self.today,
            )
        except sessions.Implausible as exc:
            if exc.needs_confirmation:
                self._pending = (row.participant_id, day, mark)
                self.message.setText(
                    "⚠ "
                    + " ".join(finding_text(f) for f in exc.findings)
                    + " "
                    + self.tr(
                        "If this is right, press the key again "
                        "to confirm it; until then reports do "
                        "not count it."
                    )
                )
            else:
                self.message.setText(findings_text(exc.findings))
            return
        except BadInput as exc:
            self.message.setText(error_text(exc))
            return
        self.message.setText("")
        self.changed = True
        self.reload(keep=(r + 1 if r + 1 < len(self.rows) else r, c))

    def add_date(self) -> None:
        start = self.course_start()
        if start is None:
            return
        day = self.new_date.value()
        if day is None:
            self.message.setText(self.new_date.error() or self.tr("Type the session's date."))
            self.new_date.setFocus()
            return
        try:
            self.vault.write(
                agenda.add_group_session, start, day, self.new_time.time().toString("HH:mm")
            )
        except BadInput as exc:
            self.message.setText(error_text(exc))
            self.new_date.setFocus()
            return
        self.message.setText("")
        self.changed = True
        self.reload()

    def add_group_phase(self) -> None:
        start = self.course_start()
        if start is None:
            return
        self.vault.write(
            agenda.add_group_sessions,
            start,
            group_phase_default(start),
            self.new_time.time().toString("HH:mm"),
        )
        self.changed = True
        self.reload()

    def remove_current_date(self) -> None:
        c = self.table.currentColumn()
        if not 1 <= c <= len(self.sessions):
            self.message.setText(self.tr("Move to a session's column first."))
            return
        self.vault.write(agenda.delete_group_session, self.sessions[c - 1].id)
        self.changed = True
        self.reload()
