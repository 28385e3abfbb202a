"""The agenda, the group roster and the calendar export through the GUI, typed with
QTest as a coach does (issue 14, items 4-6)."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select
from test_ui_main_window import make_window, unlock

from coachdesk.core import dates
from coachdesk.store import agenda, participants, sessions
from coachdesk.store.models import AuditEvent, GroupAttendance, SessionLog

TODAY = dt.date.today()
START = dates.monday(TODAY) - dt.timedelta(weeks=5)  # week 6: the individual phase
REFERRAL = START - dt.timedelta(days=7)

pytestmark = pytest.mark.usefixtures("isolated_settings")


def add_person(
    s, ref: str, name: str, status: str = "individual_phase", start: dt.date = START
) -> int:
    p = participants.create_participant(
        s,
        {
            "ref": ref,
            "name": name,
            "course_start": start.isoformat(),
            "referral_date": (start - dt.timedelta(days=7)).isoformat(),
            "status": status,
            "consent": {
                "given_on": (start - dt.timedelta(days=7)).isoformat(),
                "scope": ["course", "report_to_municipality"],
            },
        },
        today=TODAY,
    )
    s.flush()
    return p.id


def plan(s, pid: int, day: dt.date, start: str = "10:00", mode: str = "video") -> int:
    return sessions.save_session(
        s,
        pid,
        {"date": day.isoformat(), "start": start, "minutes": 45, "mode": mode, "status": "planned"},
    ).id


def show(qtbot, w) -> None:
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)


def press(widget, key, mod=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, mod)


def test_ctrl2_agenda_enter_opens_the_session_and_holding_it_makes_it_held(
    qtbot, vault, data_dir
) -> None:
    with vault.session() as s:
        ida = add_person(s, "AG-1", "Ida Jensen")
        bo = add_person(s, "AG-2", "Bo Larsen")
        # Later this week (today itself on a Sunday): the agenda opens on this week.
        tomorrow = TODAY + dt.timedelta(days=1 if TODAY.weekday() < 6 else 0)
        sid = plan(s, ida, tomorrow, "09:30")
        plan(s, bo, tomorrow, "13:00", "phone")
        agenda.add_group_session(
            s,
            START,
            tomorrow if tomorrow <= START + dt.timedelta(weeks=12, days=-1) else TODAY,
            "15:00",
        )
        s.commit()
    vault.close()
    window = make_window(qtbot, data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    ws = window.workspace
    press(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert ws.currentWidget() is ws.agenda
    table = ws.agenda.table
    assert table.hasFocus()
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert [r[1] for r in rows if r[1] != "all day"][:3] == ["09:30", "13:00", "15:00"]
    assert "Ida Jensen (AG-1)" in rows[0][3] and "Video" in rows[0][4]
    assert "Group session" in rows[2][4]
    # Page Down shows next week (empty here); Home comes back.
    press(table, Qt.Key.Key_PageDown)
    assert ws.agenda.table.rowCount() == 0 and ws.agenda.empty_label.isVisible()
    press(table, Qt.Key.Key_Home)
    assert ws.agenda.table.rowCount() == 3
    # Enter on the first row: Ida's page, Sessions tab, the editor on the planned session.
    table.setFocus()
    press(table, Qt.Key.Key_Return)
    page = ws.current_page()
    assert page is not None and page.participant_id == ida
    ed = page.sessions.editor
    assert ed is not None and ed.session_id == sid
    assert ed.status.currentData() == "planned" and not ed.hold_button.isHidden()
    QTest.mouseClick(ed.hold_button, Qt.MouseButton.LeftButton)
    assert ed.status.currentData() == "held" and ed.date.value() == TODAY
    assert ed.hold_button.isHidden()
    QTest.keyClicks(ed.notes, "Godt møde.")
    press(ed.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with window.vault.session() as s:
        row = s.get(SessionLog, sid)
        assert (row.status, row.date, row.notes) == ("held", TODAY, "Godt møde.")
    # The agenda no longer lists it; Ctrl+1 goes back to the caseload.
    press(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    texts = [ws.agenda.table.item(r, 3).text() for r in range(ws.agenda.table.rowCount())]
    assert not any("AG-1" in t for t in texts) and any("AG-2" in t for t in texts)
    press(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert ws.currentWidget() is ws.caseload
    window.close()


def test_today_strip_reminds_of_a_planned_session_with_no_log(qtbot, vault) -> None:
    from coachdesk.ui.caseload_view import CaseloadView

    with vault.session() as s:
        pid = add_person(s, "AG-3", "Carl Nielsen")
        plan(s, pid, TODAY - dt.timedelta(days=1))
        old = add_person(s, "AG-4", "Dora Holm", status="group_phase")
        s.commit()
    view = CaseloadView(vault, today=TODAY)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: "Reminders" in view.today_label.text(), timeout=3000)
    text = view.today_label.text()
    assert "Carl Nielsen: no log of the conversation planned for" in text
    assert (
        f'href="p:{old}">Dora Holm: change the status to Individual phase?' in text
        or "Dora Holm: change the status to" in text
    )
    with qtbot.waitSignal(view.open_participant) as sig:
        view.today_label.linkActivated.emit(f"p:{pid}")
    assert sig.args == [pid]


def test_roster_marks_by_keyboard_with_totals(qtbot, vault) -> None:
    from coachdesk.ui.roster_view import RosterDialog

    with vault.session() as s:
        a = add_person(s, "AG-5", "Anna Berg")
        b = add_person(s, "AG-6", "Bent Dahl")
        add_person(s, "AG-7", "Out Side", status="dropped_out")
        s.commit()
    dlg = RosterDialog(vault, today=TODAY)
    show(qtbot, dlg)
    assert dlg.hold.currentData() == START
    # The group phase's dates: one typed (with a wrong one first), then weeks 1-4.
    dlg.new_date.edit.setFocus()
    QTest.keyClicks(dlg.new_date.edit, "32.13.2026")
    press(dlg.new_date.edit, Qt.Key.Key_Tab)
    assert dlg.new_date.edit.hasFocus()
    dlg.new_date.edit.selectAll()
    first = START + dt.timedelta(days=2)
    QTest.keyClicks(dlg.new_date.edit, first.strftime("%d.%m.%Y"))
    QTest.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dlg.weeks_button, Qt.MouseButton.LeftButton)
    days = [g.date for g in dlg.sessions]
    assert days == sorted({first, *(START + dt.timedelta(weeks=w) for w in range(4))})
    assert [r.ref for r in dlg.rows] == ["AG-5", "AG-6"]  # admitted people only
    t = dlg.table
    t.setFocus()
    t.setCurrentCell(0, 1)
    press(t, Qt.Key.Key_P)  # Anna present; the cursor moves down to Bent
    assert (t.currentRow(), t.currentColumn()) == (1, 1)
    press(t, Qt.Key.Key_E)  # Bent excused
    t.setCurrentCell(0, 2)
    press(t, Qt.Key.Key_A)  # Anna absent at the second
    press(t, Qt.Key.Key_1)  # Bent present at the second
    assert t.item(0, 1).text() == "Present" and t.item(1, 1).text() == "Excused"
    assert t.item(0, 2).text() == "Absent"
    total_col = len(days) + 1
    assert t.item(0, total_col).text().startswith("1 of ")
    assert "1 notice" in t.item(1, total_col).text()
    assert t.item(2, 1).text() == "1 of 2"
    t.setCurrentCell(0, 2)
    press(t, Qt.Key.Key_Delete)
    with vault.session() as s:
        marks = {
            (g.participant_id, g.date): (g.present, g.excused)
            for g in s.scalars(select(GroupAttendance))
        }
    assert marks == {
        (a, days[0]): (True, False),
        (b, days[0]): (False, True),
        (b, days[1]): (True, False),
    }
    assert dlg.changed


def test_roster_refuses_a_future_session(qtbot, vault) -> None:
    from coachdesk.ui.roster_view import RosterDialog

    start = dates.monday(TODAY) - dt.timedelta(days=7)  # week 2: sessions ahead
    with vault.session() as s:
        add_person(s, "AG-8", "Eva Friis", status="group_phase", start=start)
        agenda.add_group_session(s, start, TODAY + dt.timedelta(days=3))
        s.commit()
    dlg = RosterDialog(vault, today=TODAY, course_start=start)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.table.setFocus()
    dlg.table.setCurrentCell(0, 1)
    press(dlg.table, Qt.Key.Key_P)
    assert "attendance cannot be marked yet" in dlg.message.text() or "future" in dlg.message.text()
    with vault.session() as s:
        assert s.scalar(select(GroupAttendance.id)) is None


def test_calendar_export_dialog_writes_the_ics_with_initials(qtbot, vault, tmp_path) -> None:
    from coachdesk.ui.calendar_dialog import CalendarExportDialog

    with vault.session() as s:
        pid = add_person(s, "AG-9", "Frida Gram Holm")
        plan(s, pid, TODAY + dt.timedelta(days=2), "11:15")
        s.commit()
    dlg = CalendarExportDialog(vault, today=TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.label.setFocus()
    press(dlg.label, Qt.Key.Key_Down)  # "Their initials"
    assert dlg.label.currentData() == "initials"
    dlg.path.setFocus()
    dlg.path.selectAll()
    out = tmp_path / "uge.ics"
    QTest.keyClicks(dlg.path, str(out))
    press(dlg.path, Qt.Key.Key_Return)
    assert dlg.result() == dlg.DialogCode.Accepted and out.exists()
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Samtale FGH (video)"]
    with vault.session() as s:
        assert (
            s.scalar(select(AuditEvent.action).where(AuditEvent.action == "calendar_export"))
            == "calendar_export"
        )


def test_calendar_export_dialog_refuses_a_missing_folder(qtbot, vault, tmp_path) -> None:
    from coachdesk.ui.calendar_dialog import CalendarExportDialog

    dlg = CalendarExportDialog(vault, today=TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.path.setFocus()
    dlg.path.selectAll()
    QTest.keyClicks(dlg.path, str(tmp_path / "nope" / "x.ics"))
    press(dlg.path, Qt.Key.Key_Return)
    assert dlg.isVisible() and "does not exist" in dlg.message.text()


def test_participant_page_lists_an_excused_mark(qtbot, vault) -> None:
    from coachdesk.ui.participant_page import ParticipantPage

    with vault.session() as s:
        pid = add_person(s, "AG-10", "Gro Iversen")
        sessions.set_attendance(s, pid, START + dt.timedelta(days=1), False, excused=True)
        s.commit()
    page = ParticipantPage(vault, pid)
    qtbot.addWidget(page)
    texts = [page.attendance_list.item(i).text() for i in range(page.attendance_list.count())]
    assert texts and texts[0].endswith("notice of absence")


def test_enter_on_a_group_session_asks_for_its_hold_roster(qtbot, vault) -> None:
    from coachdesk.ui.agenda_view import AgendaView

    day = dates.monday(TODAY) + dt.timedelta(days=2)
    start = dates.monday(TODAY) - dt.timedelta(weeks=1)
    with vault.session() as s:
        add_person(s, "AG-11", "Hans Juhl", status="group_phase", start=start)
        agenda.add_group_session(s, start, day, "13:00", 120)
        s.commit()
    view = AgendaView(vault, today=TODAY)
    show(qtbot, view)
    assert view.table.rowCount() == 1
    assert "1 participant" in view.table.item(0, 4).text()
    view.table.setFocus()
    with qtbot.waitSignal(view.open_roster) as sig:
        press(view.table, Qt.Key.Key_Return)
    assert sig.args == [start]


def test_next_appointment_typed_in_a_session_lands_in_the_agenda(qtbot, vault) -> None:
    from coachdesk.ui.session_editor import SessionEditor

    with vault.session() as s:
        pid = add_person(s, "AG-12", "Ib Krogh")
        s.commit()
    ed = SessionEditor(vault, pid)
    show(qtbot, ed)
    nxt = TODAY + dt.timedelta(days=7)
    ed.next_date.edit.setFocus()
    QTest.keyClicks(ed.next_date.edit, "+7")
    press(ed.next_date.edit, Qt.Key.Key_Tab)
    ed.next_time.setFocus()
    press(ed.next_time, Qt.Key.Key_Home)
    press(ed.next_time, Qt.Key.Key_Up)  # 10 -> 11
    press(ed.next_time, Qt.Key.Key_Tab)  # to the minutes
    QTest.keyClicks(ed.next_time, "30")
    QTest.keyClicks(ed.notes, "Første samtale.")
    press(ed.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ed.save() and "agenda" in ed.state_label.text()

    def planned():
        with vault.session() as s:
            return [
                (r.date, r.start, r.status)
                for r in s.scalars(select(SessionLog).where(SessionLog.status == "planned"))
            ]

    assert planned() == [(nxt, "11:30", "planned")]
    # Moved to another day: the planned session moves with it (not a second one).
    ed.next_date.edit.setFocus()
    ed.next_date.edit.selectAll()
    QTest.keyClicks(ed.next_date.edit, "+8")
    press(ed.next_date.edit, Qt.Key.Key_Tab)
    assert ed.save()
    assert planned() == [(nxt + dt.timedelta(days=1), "11:30", "planned")]
    # Saved again unchanged: nothing new.
    assert ed.save()
    assert len(planned()) == 1
