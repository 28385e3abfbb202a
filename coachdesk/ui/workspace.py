"""Everything that shows participant data: the caseload and the participant tabs.

Kept apart from the main window so that the unlock screen (shown first, on every start
and after every lock) needs none of the database or report machinery: the main window
imports this module only once the vault is open.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from coachdesk.ui import plain
from coachdesk.ui.agenda_view import AgendaView
from coachdesk.ui.caseload_view import CaseloadView

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault
    from coachdesk.ui.participant_page import ParticipantPage


def _page_class() -> type[ParticipantPage]:
    """The participant page's module (its five tabs' widgets, ~27 ms to import) is
    loaded when first needed, or by the main window once the caseload is painted
    (load_page_module): not in the wait for the caseload after a pasted passphrase."""
    from coachdesk.ui.participant_page import ParticipantPage

    return ParticipantPage


def load_page_module() -> None:
    _page_class()


@runtime_checkable
class _Saves(Protocol):
    """A tab with its own Save (the job plan editor, the outcome view)."""

    def save(self) -> bool: ...


class Workspace(QTabWidget):
    """Everything that shows data: dropped as a whole when the app locks."""

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        preloaded: Any = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.setTabsClosable(True)
        self.setMovable(True)
        self.caseload = CaseloadView(vault, today=today, preloaded=preloaded)
        self.caseload.open_participant.connect(self.open_participant)
        self.addTab(self.caseload, self.tr("Caseload"))
        # The agenda (Ctrl+2): the week's planned conversations and group sessions.
        self.agenda = AgendaView(vault, today=today)
        self.agenda.open_session.connect(self.open_session)
        self.agenda.open_roster.connect(self.open_roster)
        self.agenda.export_calendar.connect(self.export_calendar)
        self.addTab(self.agenda, self.tr("Agenda"))
        self.today = today
        bar = self.tabBar()
        for i in (0, 1):
            bar.setTabButton(i, bar.ButtonPosition.RightSide, None)
            bar.setTabButton(i, bar.ButtonPosition.LeftSide, None)
        self.tabCloseRequested.connect(self.close_tab)

    def pages(self) -> list[ParticipantPage]:
        return [w for i in range(self.count()) if isinstance(w := self.widget(i), _page_class())]

    def open_participant(self, participant_id: int) -> ParticipantPage:
        for page in self.pages():
            if page.participant_id == participant_id:
                self.setCurrentWidget(page)
                return page
        page = _page_class()(self.vault, participant_id)
        page.changed.connect(self._page_changed)
        page.title_changed.connect(lambda name, p=page: self._retitle(p, name))
        i = self.addTab(page, plain.tab_text(page.name_label.text()))
        self.setTabToolTip(i, plain.tooltip(page.name_label.text()))
        self.setCurrentWidget(page)
        page.tabs.setFocus()
        return page

    def show_caseload(self) -> None:
        self.setCurrentWidget(self.caseload)
        self.caseload.table.setFocus()

    def show_agenda(self) -> None:
        self.setCurrentWidget(self.agenda)
        self.agenda.table.setFocus()

    def open_session(self, participant_id: int, session_id: int) -> ParticipantPage:
        """The participant's session editor with this session (Enter in the agenda)."""
        page = self.open_participant(participant_id)
        page.tabs.setCurrentWidget(page.sessions)
        if page.sessions.editor is None or page.sessions.editor.session_id != session_id:
            page.sessions.open_editor(session_id)
        lst = page.sessions.list
        for i in range(lst.count()):  # the list shows which one is open
            if lst.item(i).data(Qt.ItemDataRole.UserRole) == session_id:
                lst.setCurrentRow(i)
        if page.sessions.editor is not None:
            page.sessions.editor.setFocus()
        return page

    def open_roster(self, course_start: Any = None) -> Any:
        from coachdesk.ui.roster_view import RosterDialog

        dlg = RosterDialog(self.vault, self, course_start=course_start, today=self.today)
        self.roster_dialog = dlg
        dlg.exec()
        if dlg.changed:
            self.caseload.reload()
            if self.agenda.loaded:
                self.agenda.reload()
            for page in self.pages():
                page.reload()
        return dlg

    def export_calendar(self) -> Any:
        from PySide6.QtCore import QLocale

        from coachdesk.ui.calendar_dialog import CalendarExportDialog

        lang = "da" if QLocale().language() == QLocale.Language.Danish else "en"
        dlg = CalendarExportDialog(self.vault, self, today=self.today, lang=lang)
        self.calendar_dialog = dlg
        window = self.window()
        if dlg.exec() and dlg.result_path is not None and isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                self.tr(
                    "The calendar (%n appointment(s)) was saved to %1.", "", dlg.events
                ).replace("%1", str(dlg.result_path)),
                10_000,
            )
        return dlg

    def _retitle(self, page: ParticipantPage, name: str) -> None:
        i = self.indexOf(page)
        if i >= 0:
            self.setTabText(i, plain.tab_text(name))
            self.setTabToolTip(i, plain.tooltip(name))

    def _page_changed(self) -> None:
        page = self.sender()
        self.caseload.reload()
        if isinstance(page, _page_class()) and getattr(page, "erased", False):
            self.removeTab(self.indexOf(page))
            page.setParent(None)  # gone from the widget tree now, not at the next event loop
            page.deleteLater()

    def close_tab(self, index: int) -> bool:
        page = self.widget(index)
        if not isinstance(page, _page_class()):
            return False
        if not page.confirm_close():
            return False
        page.sessions.close_editor()
        self.removeTab(index)
        page.setParent(None)
        page.deleteLater()
        return True

    def current_page(self) -> ParticipantPage | None:
        w = self.currentWidget()
        return w if isinstance(w, _page_class()) else None

    def save_current(self) -> bool:
        page = self.current_page()
        if page is None:
            return False
        tab = page.tabs.currentWidget()
        if tab is page.sessions and page.sessions.editor is not None:
            return page.sessions.editor.save()
        for name in ("jobplan", "outcome"):
            view = page.built(name)  # a tab not built yet is not the current one
            if view is not None and tab is view and isinstance(view, _Saves):
                return bool(view.save())
        return False

    def snapshot(self) -> list[tuple[int, int | None, bool]]:
        """Open participants and their open session editor, for restoring after unlock."""
        out = []
        for page in self.pages():
            ed = page.sessions.editor
            out.append(
                (page.participant_id, ed.session_id if ed else -1, bool(ed and ed.is_dirty()))
            )
        return out

    def keep_drafts(self) -> None:
        for page in self.pages():
            page.keep_drafts()

    def teardown(self) -> None:
        self.caseload.save_layout()
        self.caseload.wait_for_reminders()  # the vault is closed next
        for page in self.pages():
            page.sessions.close_editor()
