"""The caseload is painted first; the Today strip's reminders and agenda items and the
search's lists come after the paint (issue 19 item 4, docs/performance.md)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QApplication
from test_ui_agenda import START, TODAY, add_person, plan

from coachdesk.store import agenda

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def people(vault) -> dict[str, int]:
    """A reminder (a past planned conversation with no log), a conversation planned for
    today, a course at its end with no final PSS-10, and people to search among."""
    with vault.session() as s:
        ids = {
            "carl": add_person(s, "AG-3", "Carl Nielsen"),
            "dora": add_person(s, "AG-4", "Dora Holm", status="group_phase"),
            "eva": add_person(s, "AG-5", "Eva Jensen"),
            "finn": add_person(s, "AG-6", "Finn Jensen", start=START - dt.timedelta(weeks=7)),
            "gro": add_person(s, "AG-7", "Gro Madsen"),
        }
        plan(s, ids["carl"], TODAY - dt.timedelta(days=1))
        plan(s, ids["eva"], TODAY, start="14:30")
        s.commit()
    return ids


class BlockedRead:
    """agenda.today_view held back until ``release``, noting the thread it ran on."""

    def __init__(self, monkeypatch) -> None:
        self.go = threading.Event()
        self.threads: list[threading.Thread] = []
        real = agenda.today_view

        def today_view(session, today):  # type: ignore[no-untyped-def]
            self.threads.append(threading.current_thread())
            self.go.wait(5)  # on the GUI thread (the old way) this only delays
            return real(session, today)

        monkeypatch.setattr(agenda, "today_view", today_view)

    def release(self) -> None:
        self.go.set()


def _strip_of_a_hidden_view(vault) -> str:
    """The strip as a view that is never shown draws it: read on the GUI thread."""
    from coachdesk.ui.caseload_view import CaseloadView

    view = CaseloadView(vault, today=TODAY)
    QApplication.processEvents()
    assert view.reminders is not None
    text = view.today_label.text()
    view.deleteLater()
    return text


def test_the_strip_fills_in_after_the_paint_from_a_worker_thread(
    qtbot, vault, people, monkeypatch
) -> None:
    from coachdesk.ui.caseload_view import CaseloadView

    expected = _strip_of_a_hidden_view(vault)  # before the read is held back
    assert "14:30 Eva Jensen" in expected and "Carl Nielsen: no log" in expected
    blocked = BlockedRead(monkeypatch)
    view = CaseloadView(vault, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    # Painted, the read under way off the GUI thread: the rows, the counts and an
    # honest "…" where the day's conversations and reminders go.
    qtbot.waitUntil(lambda: bool(blocked.threads), timeout=3000)
    assert blocked.threads[0] is not threading.main_thread()
    assert view.model.rowCount() == 5
    pending = view.today_label.text()
    assert "…" in pending
    assert "no conversations planned" not in pending and "Reminders" not in pending
    assert "1 final PSS-10 due" in pending  # the counts come with the rows
    with qtbot.waitSignal(view.reminders_loaded, timeout=5000):
        blocked.release()
    assert view.today_label.text() == expected
    assert "…" not in view.today_label.text()
    view.wait_for_reminders()


def test_a_search_typed_before_the_lists_are_built_finds_the_right_rows(
    qtbot, vault, people, monkeypatch
) -> None:
    from coachdesk.ui.caseload_view import CaseloadView

    blocked = BlockedRead(monkeypatch)
    view = CaseloadView(vault, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: bool(blocked.threads), timeout=3000)
    # Painted, and the search's lists not made yet (they wait for the strip's read).
    assert view.model._flt is None
    view.search.setText("jensen")
    names = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert names == ["Eva Jensen", "Finn Jensen"]
    view.search.setText("jensenx")  # narrowing the rows already shown
    assert view.proxy.rowCount() == 0
    view.search.setText("ag-6")  # a ref
    assert [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())] == ["Finn Jensen"]
    with qtbot.waitSignal(view.reminders_loaded, timeout=5000):
        blocked.release()
    view.wait_for_reminders()
    assert view.proxy.rowCount() == 1


def test_a_reload_while_the_strip_is_read_draws_the_newer_read(
    qtbot, vault, people, monkeypatch
) -> None:
    from coachdesk.ui.caseload_view import CaseloadView

    blocked = BlockedRead(monkeypatch)
    view = CaseloadView(vault, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: bool(blocked.threads), timeout=3000)
    with vault.session() as s:  # a conversation planned meanwhile, then a reload
        plan(s, people["gro"], TODAY, start="16:00")
        s.commit()
    view.reload()
    blocked.release()
    qtbot.waitUntil(lambda: "16:00 Gro Madsen" in view.today_label.text(), timeout=5000)
    assert len(blocked.threads) == 2
    view.wait_for_reminders()
