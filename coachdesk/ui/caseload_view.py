"""The caseload page: the Today strip, search and filters, and the table."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk import gc_policy
from coachdesk.store import caseload, preload
from coachdesk.ui import labels, preferences
from coachdesk.ui.caseload_model import ROW_ROLE, CaseloadModel, without_shaping
from coachdesk.ui.worker import Task

# store/agenda and store/audit load SQLAlchemy: imported when the strip is read and a
# search is logged, after the caseload's first paint (store/preload.module), not with
# this module, which the unlocked window imports before that paint (issue 19: a pasted
# passphrase waited 0.45 s for them).
if TYPE_CHECKING:
    from coachdesk.store import agenda
    from coachdesk.store.vault import Vault


class CaseloadTable(QTableView):
    """Enter opens the selected participant (double-click does too)."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


SEARCH_AUDIT_MS = 1500
# The strip's reads and the caseload's completions still running (CaseloadView.
# load_reminders, read_whole).
_RUNNING: set[Task] = set()


class CaseloadView(QWidget):
    open_participant = Signal(int)
    # The strip's reminders and agenda items are in (read after the caseload's paint).
    reminders_loaded = Signal()
    # The whole caseload is in the model (after the unlock's first page: read_whole).
    caseload_complete = Signal()

    def __init__(
        self,
        vault: Vault | None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        preloaded: Any = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.today_override = today
        # The strip's own read (load_reminders): which caseload read it belongs to, the
        # running task, whether another is asked for, whether it waits for a paint.
        self._strip_read = 0
        self._strip_task: Task | None = None
        self._strip_again = False
        self._strip_after_paint = False
        # The rest of the caseload after the unlock's first page (read_whole): which
        # caseload read it belongs to, the running task, whether it waits for a paint.
        self._load = 0
        self._whole_task: Task | None = None
        self._whole_after_paint = False
        self._counts: tuple[int, int, int] | None = None  # None: counted once complete
        self.reminders: list[agenda.Reminder] | None = None  # None: not read yet
        self.todays: list[agenda.Item] | None = None
        self.today_label = QLabel()
        self.today_label.setWordWrap(True)
        self.today_label.setTextFormat(Qt.TextFormat.RichText)
        # Room for the day's line and the reminders' line from the start: the reminders
        # are read after the caseload's first paint, and a strip that grew then would
        # push the table down under the coach's eyes.
        self.today_label.setMinimumHeight(2 * self.today_label.fontMetrics().lineSpacing())
        self.today_label.setAccessibleName(self.tr("Today"))
        self.today_label.linkActivated.connect(
            lambda link: self.open_participant.emit(int(link.split(":")[1]))
        )
        strip = QFrame()
        strip.setFrameShape(QFrame.Shape.StyledPanel)
        sl = QHBoxLayout(strip)
        sl.addWidget(self.today_label, 1)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name or ref (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the caseload"))
        self.search.setClearButtonEnabled(True)
        self.phase = QComboBox()
        self.phase.setAccessibleName(self.tr("Filter by status"))
        self.phase.addItem(self.tr("All statuses"), None)
        for k, v in labels.statuses().items():
            self.phase.addItem(v, k)
        self.attention = QCheckBox(self.tr("Needs &attention"))
        self.archived = QCheckBox(self.tr("Show a&rchived"))
        self.archived.setChecked(preferences.SHOW_ARCHIVED.get())
        self.count_label = QLabel()
        # Wide enough for "50000 of 50000" from the start: the label says "…" until the
        # whole caseload is read (after the first paint), and a label that widened then
        # would shrink the search box under the coach's eyes.
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._reserve_count_width(5)

        self.model = CaseloadModel(self)
        # The model sorts and filters itself (see CaseloadModel); "proxy" names the rows
        # as shown, for the code and tests that ask for them.
        self.proxy = self.model
        self.table = CaseloadTable()
        # The cells are names, refs, dates and numbers: OpenType shaping (kerning,
        # ligatures) only changes their looks there, and it was a third of every repaint
        # (each keystroke in the search repaints the table). Qt still shapes any script
        # that needs it (Arabic, Indic names).
        self.table.setFont(without_shaping(self.table.font()))
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Caseload"))
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Fixed row height: no per-row measuring, so 10,000 rows lay out instantly.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        for i, width in enumerate((200, 130, 140, 150, 190, 120, 150)):
            header.resizeSection(i, width)
        state = preferences.CASELOAD_HEADER.get()
        if not state.isEmpty():
            header.restoreState(state)
        else:
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._activate)
        self.table.activated_row.connect(self._activate)
        # Drawn over the table's empty viewport rather than added to the layout: showing
        # it then changes no geometry, so a keystroke that empties the list repaints only
        # the table, not the whole window.
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.table.viewport().installEventFilter(self)

        self.search.textChanged.connect(self._filter_changed)
        # A search is a use of personal data (Datatilsynet: log it). One audit event per
        # search the coach settles on, not per keystroke, and never the search text.
        self.search_audit = QTimer(self)
        self.search_audit.setSingleShot(True)
        self.search_audit.setInterval(SEARCH_AUDIT_MS)
        self.search_audit.timeout.connect(self._audit_search)
        self.search.textChanged.connect(lambda _t: self.search_audit.start())
        self.phase.currentIndexChanged.connect(self._filter_changed)
        self.attention.toggled.connect(self._filter_changed)
        self.archived.toggled.connect(self._archived_toggled)
        self.search.returnPressed.connect(self._search_enter)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.phase, 1)
        bar.addWidget(self.attention)
        bar.addWidget(self.archived)
        bar.addWidget(self.count_label)
        lay = QVBoxLayout(self)
        lay.addWidget(strip)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        self.setTabOrder(self.search, self.phase)
        self.setTabOrder(self.phase, self.attention)
        self.setTabOrder(self.attention, self.archived)
        self.setTabOrder(self.archived, self.table)
        self.reload(preloaded)

    @property
    def today(self) -> dt.date:
        return self.today_override or dt.date.today()

    @property
    def complete(self) -> bool:
        """Whether the whole caseload is in the table (False: the unlock's first page,
        until read_whole brings the rest)."""
        return self.model.complete

    def reload(self, preloaded: Any = None) -> None:
        """Read the caseload; ``preloaded`` = (today, include_archived, Caseload) as the
        unlock worker read it, used when it matches what this view would read now.

        The unlock's Caseload may be the first screenful only (``complete`` False,
        ui/unlock_view.open_and_read): it is painted at once, and the rest is read
        on a worker thread after that paint (read_whole)."""
        archived = self.archived.isChecked()
        self._load += 1  # a completion still running belongs to an older read now
        self._whole_after_paint = False
        if preloaded is not None and preloaded[:2] == (self.today, archived):
            cl = preloaded[2]
        else:
            # Without a vault only the start-up warm-up builds the view, with ``preloaded``.
            assert self.vault is not None
            cl = self.vault.read(caseload.load_caseload, self.today, include_archived=archived)
        header = self.table.horizontalHeader()
        col, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        self.model.set_rows(cl.rows, complete=cl.complete)
        # The search's lists (3-5 ms at 10,000, 30-50 ms at 50,000) are not needed to
        # paint: they are made once the strip's reminders are in (the app is idle then),
        # or by the first filter change if the coach is quicker (CaseloadModel).
        self.proxy.sort(col, order)
        self._update_today(cl)
        self._update_count()
        if not self.model.complete:
            # As the strip's read (below): after the first paint on screen, else when the
            # event loop comes round.
            self._whole_after_paint = True
            QTimer.singleShot(0, self, self._whole_unpainted)

    def _whole_unpainted(self) -> None:
        if self._whole_after_paint and not self.table.isVisible():
            self.read_whole(in_background=False)

    def read_whole(self, in_background: bool = True) -> None:
        """The whole caseload after its first page was painted: read (on a worker
        thread, ``in_background``), then handed to the model here on the GUI thread;
        the strip's counts and its own read follow (``caseload_complete``)."""
        from coachdesk.errors import VaultLocked

        self._whole_after_paint = False
        vault = self.vault
        if self._whole_task is not None or self.model.complete:
            return
        if vault is None or not vault.is_open:
            return
        load, today, archived = self._load, self.today, self.archived.isChecked()

        def read() -> tuple[int, caseload.Caseload]:
            # No collection on the worker thread (as for the strip's read, below).
            with gc_policy.paused():
                cl = vault.read_raw(caseload.read_caseload, today, include_archived=archived)
            return load, cl

        if not in_background:
            with contextlib.suppress(VaultLocked):  # locked before the loop came round
                self._whole_read(read())
            return
        task = Task(read)
        self._whole_task = task
        _RUNNING.add(task)  # kept alive until it has run, whatever becomes of this view
        task.signals.done.connect(lambda _r: _RUNNING.discard(task))
        task.signals.failed.connect(lambda _e: _RUNNING.discard(task))
        task.start(self._whole_read, self._whole_failed)

    def _whole_read(self, result: tuple[int, caseload.Caseload]) -> None:
        # A slot must not raise: the view can be gone (locked and torn down meanwhile).
        if not isValid(self) or not isValid(self.table):
            return
        self._whole_task = None
        load, cl = result
        if load != self._load or self.model.complete:
            return  # read again meanwhile (archived shown, an edit): that read is whole
        header = self.table.horizontalHeader()
        col, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        current = self.table.currentIndex()
        current_id = current.data(ROW_ROLE).id if current.isValid() else None
        if not self.model.complete_rows(cl.rows):
            # Reset (sorted by another column first, or the rows changed): the same
            # person stays current and selected.
            self.proxy.sort(col, order)
            self._select_id(current_id, current.column())
        else:
            # In the order read: the name column, ascending, is the identity (sort
            # checks that in one pass); another order sorts the whole list now.
            self.proxy.sort(col, order)
        self.table.executeDelayedItemsLayout()
        self._update_today(cl, strip_now=True)
        self._update_count()
        self.caseload_complete.emit()

    def _whole_failed(self, _exc: BaseException) -> None:
        # Locked (or the vault closed) while the read ran: nothing to show; the next
        # unlock reads again. Failed with the vault open: the view's own full read, here
        # (it reports its errors as any read does), rather than a page left at "…".
        if not isValid(self):
            return
        self._whole_task = None
        if not self.model.complete and self.vault is not None and self.vault.is_open:
            self.reload()

    def _select_id(self, participant_id: int | None, column: int) -> None:
        if participant_id is None:
            return
        for row in range(self.proxy.rowCount()):
            if self.model.row_at(row).id == participant_id:
                index = self.proxy.index(row, max(column, 0))
                self.table.setCurrentIndex(index)
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return

    # At most this many reminders in the strip; the rest are counted.
    MAX_REMINDERS = 6

    def reminder_text(self, r: agenda.Reminder) -> str:
        if r.key == "final_pss":
            text = self.tr("%1: final PSS-10 due")
        elif r.key == "no_log":
            text = self.tr("%1: no log of the conversation planned for %2").replace(
                "%2", labels.date_text(r.day)
            )
        elif r.key == "consent":
            text = self.tr("%1: no consent recorded before the report")
        elif r.key == "report_unsent":
            text = self.tr("%1: final report not sent")
        else:
            text = self.tr("%1: change the status to %2?").replace(
                "%2", labels.statuses().get(r.status or "", r.status or "")
            )
        return text.replace("%1", r.name)

    def _update_today(self, cl: caseload.Caseload, strip_now: bool = False) -> None:
        self._caseload = cl
        # The strip's counts, once per caseload read (the strip is drawn again when the
        # reminders come): one pass over the rows that have anything due. Of the whole
        # list only: over the first page they would be wrong ("…" until complete).
        if cl.complete:
            due = [r for r in cl.rows if r.due]
            self._counts = (
                sum(1 for r in due if r.needs_attention),
                sum(1 for r in due for d in r.due if d.key == "final_pss"),
                sum(1 for r in cl.rows if r.measurements_due),
            )
        else:
            self._counts = None
        # The reminders and the day's agenda items come from a read of their own, after
        # the caseload is painted (below): until then the strip says "…" where they go,
        # never "no conversations planned" before it knows.
        self.reminders = None
        self.todays = None
        self._strip_read += 1
        self._render_today()
        if self.vault is None or not cl.complete:
            return  # (the first page only: the strip is read once the rest is in)
        if strip_now:  # the caseload's rest came after its paint: read the strip now
            self._strip_after_paint = False
            QTimer.singleShot(0, self, lambda: self.load_reminders(in_background=True))
            return
        # On screen, the read starts on a worker thread once the table has been painted
        # (eventFilter): the coach sees and can use the caseload first (at 50,000 people
        # the read is 0.1 s of CPU, which would otherwise come before the first paint or
        # compete with it). A view that is not shown reads them here, when the event loop
        # comes round (_strip_unpainted).
        self._strip_after_paint = True
        QTimer.singleShot(0, self, self._strip_unpainted)

    def _strip_unpainted(self) -> None:
        if self._strip_after_paint and not self.table.isVisible():
            self.load_reminders()

    def load_reminders(self, in_background: bool = False) -> None:
        """Due items and the day's planned conversations (the agenda, issue 14); the
        strip is drawn again when they come (``reminders_loaded``). ``in_background``:
        read on a worker thread (after the caseload's first paint), else here."""
        from coachdesk.errors import VaultLocked

        self._strip_after_paint = False
        vault = self.vault
        if self._strip_task is not None:
            self._strip_again = True  # a newer read is asked for: run it after this one
            return
        if vault is None or not vault.is_open:
            return
        read, today = self._strip_read, self.today
        if not in_background:
            # Locked before the event loop came round: nothing to show.
            with contextlib.suppress(VaultLocked):
                agenda = preload.module("coachdesk.store.agenda")
                self._reminders_read((read, vault.read(agenda.today_view, today)))
            return

        def read_strip() -> tuple[int, Any]:
            # No collection on the worker thread (gc_policy.pause: it could free Qt
            # objects held in garbage cycles off the GUI thread), as for the unlock's.
            with gc_policy.paused():
                agenda = preload.module("coachdesk.store.agenda")
                return read, vault.read(agenda.today_view, today)

        task = Task(read_strip)
        self._strip_task = task
        # Kept alive until it has run, whatever becomes of this view meanwhile.
        _RUNNING.add(task)
        task.signals.done.connect(lambda _r: _RUNNING.discard(task))
        task.signals.failed.connect(lambda _e: _RUNNING.discard(task))
        task.start(self._reminders_read, self._reminders_failed)

    def _reminders_read(self, result: tuple[int, Any]) -> None:
        # A slot must not raise: the strip can be gone already when the view is being
        # torn down (seen once in a full test run, in tests/test_ui_import.py).
        if not isValid(self) or not isValid(self.today_label):
            return
        self._strip_task = None
        read, (reminders, todays) = result
        if self._strip_again:
            self._strip_again = False
            self.load_reminders(in_background=True)
        if read != self._strip_read:
            return  # the caseload was read again meanwhile: the newer read draws it
        self.reminders, self.todays = reminders, todays
        self._render_today()
        # The app is idle now: the search's lists, unless a filter made them already.
        QTimer.singleShot(0, self.model, self.model.prepare_filter)
        self.reminders_loaded.emit()

    def _reminders_failed(self, _exc: BaseException) -> None:
        # Locked (or the vault closed) while the read ran: nothing to show; the next
        # unlock reads them again.
        if isValid(self):
            self._strip_task = None
            self._strip_again = False

    def wait_for_reminders(self, timeout_s: float = 10.0) -> None:
        """Let a running read of the strip, or of the caseload's rest, finish (before
        the vault is closed)."""
        for task in (self._whole_task, self._strip_task):
            if task is not None:
                task.finished.wait(timeout_s)

    def _render_today(self) -> None:
        cl = self._caseload
        pending = self.reminders is None
        reminders = self.reminders or []
        todays = self.todays or []
        parts = []
        seen = {a.participant_id for a in cl.today_appointments}
        for a in cl.today_appointments:
            parts.append(
                f'<a href="p:{a.participant_id}">{html.escape(labels.time_text(a.at))}'
                f" {html.escape(a.name)}</a>"
            )
        for i in todays:
            if i.kind == "session" and i.participant_id not in seen:
                parts.append(
                    f'<a href="p:{i.participant_id}">{html.escape(i.start or "")}'
                    f" {html.escape(i.name)}</a>"
                )
            elif i.kind == "group":
                parts.append(html.escape(f"{i.start or ''} " + self.tr("group session")))
        if pending:  # the day's agenda items are still being read
            parts.append("…")
        appts = ", ".join(parts) if parts else html.escape(self.tr("no conversations planned"))
        text = (
            "<b>"
            + html.escape(self.tr("Today, %1:").replace("%1", labels.date_text(self.today)))
            + "</b> "
            + appts
        )
        if self._counts is None:  # the first page only: counted once the rest is in
            counts = [
                self.tr("… participants need attention"),
                self.tr("… final PSS-10 due"),
                self.tr("questionnaires due for … participants"),
            ]
        else:
            attention, finals, measures = self._counts
            counts = [
                self.tr("%n participant(s) need attention", "", attention),
                self.tr("%n final PSS-10 due", "", finals),
                # The course's other scheduled questionnaires (core/schedule.py).
                self.tr("questionnaires due for %n participant(s)", "", measures),
            ]
        for count in counts:
            text += " &nbsp;·&nbsp; " + html.escape(count)
        if reminders:
            shown = [
                f'<a href="p:{r.participant_id}">{html.escape(self.reminder_text(r))}</a>'
                for r in reminders[: self.MAX_REMINDERS]
            ]
            more = len(reminders) - len(shown)
            if more:
                shown.append(html.escape(self.tr("%n more reminder(s)", "", more)))
            text += "<br>" + html.escape(self.tr("Reminders:")) + " " + " · ".join(shown)
        self.today_label.setText(text)

    def _reserve_count_width(self, digits: int) -> None:
        widest = self.tr("%1 of %2").replace("%1", "8" * digits).replace("%2", "8" * digits)
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest))

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.total()
        if len(str(total)) > 5:
            self._reserve_count_width(len(str(total)))
        if not self.model.complete:
            # The first page only: how many there are, and how many match, is known once
            # the rest is in, and "no match" may be wrong until then (the table shows
            # the page's matches meanwhile).
            self.count_label.setText("…")
            self.empty_label.hide()
            return
        self.count_label.setText(
            self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(total))
        )
        if total == 0:
            self.empty_label.setText(
                self.tr(
                    "No participants yet. Press Ctrl+N to add the "
                    "first one, or import a participant file."
                )
            )
        elif shown == 0:
            self.empty_label.setText(self.tr("No participant matches the search and filters."))
        self.empty_label.setVisible(shown == 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport():
            if event.type() == QEvent.Type.Resize:
                self.empty_label.setGeometry(
                    self.table.viewport().rect().adjusted(24, 24, -24, -24)
                )
            elif event.type() == QEvent.Type.Paint and self._whole_after_paint:
                # The first page is being painted: the rest is read once the event loop
                # is back (after this paint), on a worker thread.
                self._whole_after_paint = False
                QTimer.singleShot(0, self, lambda: self.read_whole(in_background=True))
            elif event.type() == QEvent.Type.Paint and self._strip_after_paint:
                # The caseload is being painted: the strip's read starts once the event
                # loop is back (after this paint), not before it.
                self._strip_after_paint = False
                QTimer.singleShot(0, self, lambda: self.load_reminders(in_background=True))
        return super().eventFilter(watched, event)

    def _audit_search(self) -> None:
        # The timer can fire between a lock and this view's deletion: the vault is closed
        # then, and a slot must not raise.
        if not self.search.text().strip() or self.vault is None or not self.vault.is_open:
            return
        audit = preload.module("coachdesk.store.audit")
        self.vault.write(
            audit.record, "search", {"view": "caseload", "results": self.proxy.rowCount()}
        )

    def _filter_changed(self, *_a: Any) -> None:
        self.proxy.set_filters(
            self.search.text(), self.phase.currentData(), self.attention.isChecked()
        )
        # After a model reset the view lays its items out from a zero-timer and asks for
        # a second full repaint then; laid out now, the keystroke costs one paint, not
        # two (10,000 rows: 20-40 -> 12-20 ms here).
        self.table.executeDelayedItemsLayout()
        self._update_count()

    def _archived_toggled(self, on: bool) -> None:
        preferences.SHOW_ARCHIVED.set(on)
        self.reload()

    def _search_enter(self) -> None:
        if self.proxy.rowCount() > 0:
            self.table.setFocus()
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _activate(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is None:
            row = self.proxy.index(index.row(), 0).data(ROW_ROLE)
        if row is not None:
            self.open_participant.emit(row.id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def save_layout(self) -> None:
        preferences.CASELOAD_HEADER.set(self.table.horizontalHeader().saveState())
