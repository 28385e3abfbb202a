"""The agenda (Ctrl+2): one week of planned conversations and group sessions.

One row per appointment, across all participants, in time order; the week moves with
Page Up / Page Down (or the buttons) and Home comes back to this week. Enter on a
conversation opens the participant's session editor with it (holding it there makes it
``held``); Enter on a group session opens the hold's roster. Calendar export (.ics) and
the roster are reached from here too.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import course
from coachdesk.core.dates import monday
from coachdesk.ui import labels, plain

if TYPE_CHECKING:
    from coachdesk.store import agenda
    from coachdesk.store.vault import Vault

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def weekday_text(day: dt.date) -> str:
    """ "man. 14.12." in Danish: the day of the week and the date, short."""
    return QLocale().toString(labels.qdate(day), "ddd d.M.")


def item_kind_text(item: agenda.Item) -> str:
    if item.kind == "group":
        return QCoreApplication.translate(
            "Agenda", "Group session, hold %1 (%n participant(s))", "", item.group_size
        ).replace("%1", labels.date_text(item.course_start))
    return QCoreApplication.translate("Agenda", "Conversation")


class AgendaTable(QTableWidget):
    """Enter opens the current appointment (double-click does too)."""

    activated_item = Signal(object)
    # Page Up / Page Down / Home move the week (-1 / +1 / 0 for this week), not the rows.
    week_key = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        weeks = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1, Qt.Key.Key_Home: 0}
        if event.key() in weeks and not event.modifiers():
            self.week_key.emit(weeks[Qt.Key(event.key())])
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.current_agenda_item()
            if item is not None:
                self.activated_item.emit(item)
                return
        super().keyPressEvent(event)

    def current_agenda_item(self) -> agenda.Item | None:
        row = self.currentRow()
        cell = self.item(row, 0) if row >= 0 else None
        return None if cell is None else cell.data(ITEM_ROLE)


class AgendaView(QWidget):
    open_session = Signal(int, int)  # participant id, session id
    open_roster = Signal(object)  # the hold's course start (dt.date)
    export_calendar = Signal()

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.today_override = today
        self.week_start = monday(self.today)
        self.title = QLabel()
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.2)
        f.setBold(True)
        self.title.setFont(f)
        self.prev_button = QPushButton(self.tr("◀ &Previous week"))
        self.prev_button.setToolTip(self.tr("Page Up"))
        self.prev_button.clicked.connect(lambda: self.move_week(-1))
        self.this_button = QPushButton(self.tr("This wee&k"))
        self.this_button.setToolTip(self.tr("Home"))
        self.this_button.clicked.connect(self.go_today)
        self.next_button = QPushButton(self.tr("&Next week ▶"))
        self.next_button.setToolTip(self.tr("Page Down"))
        self.next_button.clicked.connect(lambda: self.move_week(1))
        self.roster_button = QPushButton(self.tr("&Group roster…"))
        self.roster_button.clicked.connect(lambda: self.open_roster.emit(None))
        self.export_button = QPushButton(self.tr("E&xport calendar (.ics)…"))
        self.export_button.clicked.connect(self.export_calendar.emit)
        self.table = AgendaTable(0, 5)
        self.table.setAccessibleName(self.tr("Agenda"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Time"), self.tr("Duration"), self.tr("Who"), self.tr("What")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for i in range(4):  # what is in the cells decides; "What" takes the rest
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.activated_item.connect(self._activate)
        self.table.week_key.connect(lambda w: self.move_week(w) if w else self.go_today())
        self.table.cellDoubleClicked.connect(lambda r, _c: self._activate_row(r))
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel(
            self.tr(
                "Enter opens the appointment. A conversation is planned "
                "in the participant's Sessions tab with the status "
                "Planned; group sessions are planned in the roster."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)

        nav = QHBoxLayout()
        nav.addWidget(self.title, 1)
        for b in (self.prev_button, self.this_button, self.next_button):
            nav.addWidget(b)
        tools = QHBoxLayout()
        tools.addWidget(self.hint, 1)
        tools.addWidget(self.roster_button)
        tools.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.addLayout(nav)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty_label)
        lay.addLayout(tools)
        self.setFocusProxy(self.table)
        # Read whenever the tab is shown (Ctrl+2): not at unlock, where the caseload comes
        # first, and afresh after conversations were planned or held meanwhile.
        self.loaded = False

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)

    @property
    def today(self) -> dt.date:
        return self.today_override or dt.date.today()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageUp:
            self.move_week(-1)
        elif key == Qt.Key.Key_PageDown:
            self.move_week(1)
        elif key == Qt.Key.Key_Home:
            self.go_today()
        else:
            super().keyPressEvent(event)

    def move_week(self, weeks: int) -> None:
        self.week_start += dt.timedelta(weeks=weeks)
        self.reload()

    def go_today(self) -> None:
        self.week_start = monday(self.today)
        self.reload()

    def reload(self) -> None:
        self.loaded = True
        last = self.week_start + dt.timedelta(days=6)
        from coachdesk.store import preload

        # SQLAlchemy: not before the caseload's paint, nor beside the preload's import.
        agenda = preload.module("coachdesk.store.agenda")
        items = self.vault.read(agenda.items, self.week_start, last)
        iso_week = self.week_start.isocalendar()[1]
        self.title.setText(
            self.tr("Week %1 · %2 – %3")
            .replace("%1", str(iso_week))
            .replace("%2", labels.date_text(self.week_start))
            .replace("%3", labels.date_text(last))
        )
        modes = labels.session_modes()
        self.table.setRowCount(0)
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            minutes = item.minutes
            cells = [
                weekday_text(item.date),
                item.start or self.tr("all day"),
                self.tr("%1 min").replace("%1", str(minutes)) if minutes else "",
                (
                    f"{item.name} ({item.ref})"
                    if item.kind == "session"
                    else self.tr("%n participant(s)", "", item.group_size)
                ),
                item_kind_text(item)
                + (
                    f" · {modes.get(item.mode, item.mode)}"
                    if item.kind == "session" and item.mode
                    else ""
                ),
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(plain.tooltip(text))  # names and refs: never markup
                if c == 0:
                    cell.setData(ITEM_ROLE, item)
                if item.date == self.today:
                    f = cell.font()
                    f.setBold(True)
                    cell.setFont(f)
                self.table.setItem(r, c, cell)
        if items:
            self.empty_label.hide()
            self.table.setCurrentCell(0, 0)
        else:
            self.empty_label.setText(self.tr("Nothing planned this week."))
            self.empty_label.show()
        self.table.resizeRowsToContents()

    def _activate_row(self, row: int) -> None:
        cell = self.table.item(row, 0)
        self._activate(None if cell is None else cell.data(ITEM_ROLE))

    def _activate(self, item: agenda.Item | None) -> None:
        if item is None:
            return
        if (
            item.kind == "session"
            and item.participant_id is not None
            and item.session_id is not None
        ):
            self.open_session.emit(item.participant_id, item.session_id)
        elif item.kind == "group":
            self.open_roster.emit(item.course_start)


def group_phase_default(start: dt.date) -> list[dt.date]:
    """One group session a week in the group phase, on the course start's weekday."""
    return [
        course.week_start(start, w) for w in range(course.GROUP_WEEKS[0], course.GROUP_WEEKS[1] + 1)
    ]
