"""The unlock paints the caseload's first screenful, then completes it (issue 19 item 4):
a vault with more people than the first page, unlocked through the real window."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from test_ui_main_window import make_window, unlock

from coachdesk.store import caseload, interchange, participants
from coachdesk.store.demo import demo_document
from coachdesk.ui import preferences
from coachdesk.ui.unlock_view import FIRST_PAGE, first_page_for

pytestmark = pytest.mark.usefixtures("isolated_settings")

TODAY = dt.date.today()
PEOPLE = 300


@pytest.fixture
def big(vault) -> int:
    """More people than the first page, one of them far down the list; returns her id."""
    with vault.session() as s:
        interchange.import_document(s, demo_document(PEOPLE, seed=5, today=TODAY), today=TODAY)
        p = participants.create_participant(
            s, {"ref": "ZZ-1", "name": "Zoë Zimmermann", "status": "referred"}
        )
        s.commit()
        return p.id


class HeldCompletion:
    """The whole-list read (``first`` None) off the GUI thread, held until ``release``;
    the calls noted as ``first`` values."""

    def __init__(self, monkeypatch, hold: bool = True) -> None:
        self.go = threading.Event()
        if not hold:
            self.go.set()
        self.firsts: list[int | None] = []
        self.held = threading.Event()
        real = caseload.read_caseload

        def read_caseload(conn, today, *, include_archived=False, first=None):  # type: ignore[no-untyped-def]
            self.firsts.append(first)
            if first is None and threading.current_thread() is not threading.main_thread():
                self.held.set()
                self.go.wait(10)
            return real(conn, today, include_archived=include_archived, first=first)

        monkeypatch.setattr(caseload, "read_caseload", read_caseload)

    def release(self) -> None:
        self.go.set()


def _unlocked(qtbot, vault, data_dir):  # type: ignore[no-untyped-def]
    vault.close()  # (the fixture's: one process at a time holds the vault)
    window = make_window(qtbot, data_dir)
    window.resize(1366, 768)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    return window, window.workspace.caseload


def _names(cv) -> list[str]:  # type: ignore[no-untyped-def]
    return [cv.proxy.index(r, 0).data() for r in range(cv.proxy.rowCount())]


def test_the_unlock_paints_the_first_page_then_completes_it_in_place(
    qtbot, vault, data_dir, big, monkeypatch
) -> None:
    whole = vault.read_raw(caseload.read_caseload, TODAY)
    held = HeldCompletion(monkeypatch)
    window, cv = _unlocked(qtbot, vault, data_dir)
    # Painted, and the rest being read on a worker thread (it starts after the paint).
    qtbot.waitUntil(held.held.is_set, timeout=5000)
    assert held.firsts[0] == FIRST_PAGE
    assert not cv.complete
    assert cv.model.rowCount() == FIRST_PAGE
    assert [cv.model.row_at(r) for r in range(FIRST_PAGE)] == whole.rows[:FIRST_PAGE]
    total = len(whole.rows)
    assert cv.count_label.text() == "…"  # how many: known once the rest is in
    search_width = cv.search.width()
    # The strip keeps room for its reminders' line before they are read.
    assert cv.today_label.height() >= 2 * cv.today_label.fontMetrics().lineSpacing()
    strip = cv.today_label.text()
    assert "… participants need attention" in strip and "… final PSS-10 due" in strip
    assert "questionnaires due for … participants" in strip
    assert cv.reminders is None  # the strip's own read waits for the whole list
    # The coach picks someone on the first page, then scrolls on (her pick off screen).
    row = 5
    cv.table.setFocus()
    cv.table.setCurrentIndex(cv.proxy.index(row, 0))
    cv.table.selectRow(row)
    cv.table.verticalScrollBar().setValue(60)
    scroll = cv.table.verticalScrollBar().value()
    assert scroll == 60
    picked = cv.model.row_at(row).id
    # Opening someone from the first page works at once.
    with qtbot.waitSignal(cv.open_participant, timeout=2000) as opened:
        QTest.keyClick(cv.table, Qt.Key.Key_Return)
    assert opened.args == [picked]
    window.workspace.show_caseload()
    with qtbot.waitSignal(cv.caseload_complete, timeout=5000):
        held.release()
    assert cv.complete
    assert cv.model.rowCount() == total
    assert [cv.model.row_at(r) for r in range(total)] == whole.rows
    assert cv.table.currentIndex().row() == row
    assert cv.model.row_at(cv.table.currentIndex().row()).id == picked
    assert [i.row() for i in cv.table.selectionModel().selectedRows()] == [row]
    assert cv.table.verticalScrollBar().value() == scroll
    assert cv.count_label.text() == f"{total} of {total}"
    # The count's room was kept from the start: the search box did not move under her.
    QTest.qWait(0)
    assert cv.search.width() == search_width
    # The strip's counts, of the whole list; its reminders after that.
    qtbot.waitUntil(lambda: cv.reminders is not None, timeout=5000)
    strip = cv.today_label.text()
    assert "…" not in strip
    due = [r for r in whole.rows if r.due]
    attention = sum(1 for r in due if r.needs_attention)
    finals = sum(1 for r in due for d in r.due if d.key == "final_pss")
    measures = sum(1 for r in whole.rows if r.measurements_due)
    assert attention and measures  # (the demo's people: something to count)
    assert cv.tr("%n participant(s) need attention", "", attention) in strip
    assert cv.tr("%n final PSS-10 due", "", finals) in strip
    assert cv.tr("questionnaires due for %n participant(s)", "", measures) in strip
    window.lock()


def test_a_search_and_a_sort_made_before_completion_apply_to_the_whole_list(
    qtbot, vault, data_dir, big, monkeypatch
) -> None:
    held = HeldCompletion(monkeypatch)
    window, cv = _unlocked(qtbot, vault, data_dir)
    qtbot.waitUntil(held.held.is_set, timeout=5000)
    total = PEOPLE + 1
    # Zoë is not on the first page: no wrong "no match" while the rest is read.
    cv.search.setFocus()
    QTest.keyClicks(cv.search, "zimmer")
    assert cv.proxy.rowCount() == 0
    assert cv.count_label.text() == "…"
    assert not cv.empty_label.isVisible()
    with qtbot.waitSignal(cv.caseload_complete, timeout=5000):
        held.release()
    assert _names(cv) == ["Zoë Zimmermann"]
    assert cv.count_label.text() == f"1 of {total}"
    assert not cv.empty_label.isVisible()
    cv.search.clear()
    assert cv.proxy.rowCount() == total
    window.lock()

    # Again: the coach sorts by ref and picks someone before the rest is in.
    held.go.clear()
    held.held.clear()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    cv = window.workspace.caseload
    qtbot.waitUntil(held.held.is_set, timeout=5000)
    assert not cv.complete
    cv.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    cv.table.setCurrentIndex(cv.proxy.index(3, 1))
    cv.table.selectRow(3)
    picked = cv.model.row_at(3).id
    with qtbot.waitSignal(cv.caseload_complete, timeout=5000):
        held.release()
    refs = [cv.model.row_at(r).ref.casefold() for r in range(cv.proxy.rowCount())]
    assert len(refs) == total and refs == sorted(refs)
    current = cv.table.currentIndex()
    assert cv.model.row_at(current.row()).id == picked
    assert [cv.model.row_at(i.row()).id for i in cv.table.selectionModel().selectedRows()] == [
        picked
    ]
    window.lock()


def test_a_lock_while_the_rest_is_read_is_clean(qtbot, vault, data_dir, big, monkeypatch) -> None:
    held = HeldCompletion(monkeypatch)
    window, cv = _unlocked(qtbot, vault, data_dir)
    qtbot.waitUntil(held.held.is_set, timeout=5000)
    assert not cv.complete
    # The read is let go while the lock waits for it (before the vault is closed).
    threading.Timer(0.3, held.release).start()
    window.lock()
    assert window.workspace is None and window.vault is None
    qtbot.wait(300)  # the read's result arrives for a view that is gone: nothing raises
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    cv = window.workspace.caseload
    qtbot.waitUntil(lambda: cv.complete, timeout=5000)
    assert cv.model.rowCount() == PEOPLE + 1
    window.lock()


def test_a_saved_sort_by_another_column_reads_every_row_before_the_paint(
    qtbot, vault, data_dir, big, monkeypatch
) -> None:
    table = QTableView()
    table.setModel(QStandardItemModel(0, 7))
    table.setSortingEnabled(True)
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    preferences.CASELOAD_HEADER.set(table.horizontalHeader().saveState())
    held = HeldCompletion(monkeypatch, hold=False)
    window, cv = _unlocked(qtbot, vault, data_dir)
    assert held.firsts == [None]
    assert cv.complete
    assert cv.model.rowCount() == PEOPLE + 1
    assert cv.table.horizontalHeader().sortIndicatorSection() == 3
    rows = [cv.model.row_at(r) for r in range(cv.model.rowCount())]
    # (someone not admitted has no course week: she sorts with those not started)
    keys = [-1 if r.week is None or r.status == "not_eligible" else r.week for r in rows]
    assert keys == sorted(keys, reverse=True)
    qtbot.waitUntil(lambda: cv.reminders is not None, timeout=5000)
    assert "…" not in cv.today_label.text()
    window.lock()


def test_first_page_for_the_saved_sort(qapp) -> None:
    table = QTableView()
    table.setModel(QStandardItemModel(0, 7))
    table.setSortingEnabled(True)
    header = table.horizontalHeader()
    assert first_page_for(header.saveState().__class__()) == FIRST_PAGE  # nothing saved
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    header.moveSection(0, 3)  # moved, still the name column
    assert first_page_for(header.saveState()) == FIRST_PAGE
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert first_page_for(header.saveState()) is None
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert first_page_for(header.saveState()) is None


def test_a_failed_read_of_the_rest_falls_back_to_the_full_read(
    qtbot, vault, data_dir, big, monkeypatch
) -> None:
    real = caseload.read_caseload

    def read_caseload(conn, today, *, include_archived=False, first=None):  # type: ignore[no-untyped-def]
        if first is None and threading.current_thread() is not threading.main_thread():
            raise RuntimeError("a read that failed")
        return real(conn, today, include_archived=include_archived, first=first)

    monkeypatch.setattr(caseload, "read_caseload", read_caseload)
    window, cv = _unlocked(qtbot, vault, data_dir)
    qtbot.waitUntil(lambda: cv.complete, timeout=5000)
    assert cv.model.rowCount() == PEOPLE + 1
    assert cv.count_label.text() == f"{PEOPLE + 1} of {PEOPLE + 1}"
    qtbot.waitUntil(lambda: cv.reminders is not None, timeout=5000)
    window.lock()


def test_the_status_bar_is_there_before_its_first_message(qtbot, data_dir) -> None:
    """The backup reminder comes after the caseload's first paint (once the database
    code has loaded): a status bar made by that message would take its height from the
    table under the coach's eyes. QMainWindow makes it at the first statusBar() call."""
    from PySide6.QtWidgets import QStatusBar

    window = make_window(qtbot, data_dir)
    bar = window.findChild(QStatusBar)
    assert bar is not None and bar.currentMessage() == ""
