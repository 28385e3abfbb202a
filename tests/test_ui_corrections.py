"""Corrections through the GUI, typed and pressed as a coach does: the plausibility rules
in the forms, delete with undo (Ctrl+Z) for sessions, marks and PSS-10s, job plans."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication
from sqlalchemy import select

from coachdesk.core import course
from coachdesk.reports.content import ReportRequest, build_report
from coachdesk.store import jobplans, participants, sessions
from coachdesk.store.models import Assessment, AuditEvent, GroupAttendance, SessionLog

TODAY = dt.date.today()
START = TODAY - dt.timedelta(weeks=6)
REFERRAL = START - dt.timedelta(days=7)

pytestmark = pytest.mark.usefixtures("isolated_settings")


def add_person(vault, start=START, referral=REFERRAL) -> int:
    with vault.session() as s:
        p = participants.create_participant(
            s,
            {
                "ref": "R-1",
                "name": "Ida Jensen",
                "course_start": start.isoformat(),
                "referral_date": referral.isoformat(),
                "status": "individual_phase",
                "consent": {
                    "given_on": referral.isoformat(),
                    "scope": ["course", "report_to_municipality"],
                },
            },
        )
        s.commit()
        return p.id


def type_date(field, text: str) -> None:
    field.edit.setFocus()
    QTest.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field.edit, text)
    QTest.keyClick(field.edit, Qt.Key.Key_Tab)


def d(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def actions(vault) -> list[str]:
    with vault.session() as s:
        return list(s.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars())


def show(qtbot, w):
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)


# --- plausibility in the session editor ---------------------------------------------


def test_a_held_session_in_the_future_is_refused(qtbot, vault):
    from coachdesk.ui.session_editor import SessionEditor

    ed = SessionEditor(vault, add_person(vault))
    show(qtbot, ed)
    type_date(ed.date, "+3")
    assert not ed.save()
    assert "cannot have been held" in ed.message.text()
    assert ed.save_button.text() == "&Save session"  # no "save anyway" for the impossible
    assert not ed.save()
    # Cancelled ahead of time is possible.
    ed.status.setCurrentIndex(ed.status.findData("cancelled"))
    assert ed.save(), ed.message.text()
    with vault.session() as s:
        assert s.execute(select(SessionLog.status)).scalar_one() == "cancelled"


def test_a_session_long_after_the_course_needs_a_confirmation(qtbot, vault):
    from coachdesk.ui.session_editor import SessionEditor

    start = TODAY - dt.timedelta(weeks=20)
    pid = add_person(vault, start=start, referral=start)
    ed = SessionEditor(vault, pid)
    show(qtbot, ed)
    type_date(ed.date, "i dag")
    assert ed.week.value() == course.course_week(start, TODAY)
    assert not ed.save()
    assert "after the course ended" in ed.message.text()
    assert ed.save_button.text() == "&Save anyway"
    with vault.session() as s:
        assert s.execute(select(SessionLog)).first() is None
    assert ed.save()
    with vault.session() as s:
        assert s.execute(select(SessionLog.confirmed)).scalar_one() is True


def test_an_unconfirmed_session_is_marked_in_the_list(qtbot, vault):
    from coachdesk.ui.sessions_tab import SessionsTab

    start = TODAY - dt.timedelta(weeks=20)
    pid = add_person(vault, start=start, referral=start)
    with vault.session() as s:  # as the importer stores one: unconfirmed
        s.add(SessionLog(participant_id=pid, date=TODAY, status="held"))
        s.add(SessionLog(participant_id=pid, date=start + dt.timedelta(days=30), status="held"))
        s.commit()
    tab = SessionsTab(vault, pid)
    qtbot.addWidget(tab)
    texts = [tab.list.item(i).text() for i in range(tab.list.count())]
    assert texts[0].endswith("⚠ not counted") and "⚠" not in texts[1]


def test_a_week_the_date_is_not_in_is_refused(qtbot, vault):
    from coachdesk.ui.session_editor import SessionEditor

    ed = SessionEditor(vault, add_person(vault))
    show(qtbot, ed)
    type_date(ed.date, "i dag")
    assert ed.week.value() == 7
    ed.week.setValue(14)
    assert not ed.save()
    assert "week 7" in ed.message.text()


def test_a_session_before_the_referral_is_refused(qtbot, vault):
    from coachdesk.ui.session_editor import SessionEditor

    ed = SessionEditor(vault, add_person(vault))
    show(qtbot, ed)
    type_date(ed.date, d(REFERRAL - dt.timedelta(days=1)))
    assert ed.week.value() == 0  # no course week before the start
    assert not ed.save()
    assert "before the participant's referral date" in ed.message.text()


# --- attendance ---------------------------------------------------------------------


def test_attendance_marks_refused_confirmed_listed_and_counted(qtbot, vault):
    from coachdesk.ui.participant_page import ParticipantPage

    start = TODAY - dt.timedelta(weeks=20)
    pid = add_person(vault, start=start, referral=start)
    page = ParticipantPage(vault, pid)
    show(qtbot, page)
    # The future: refused, whatever is pressed.
    type_date(page.attendance_date, "+1")
    QTest.mouseClick(page.present_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(page.present_button, Qt.MouseButton.LeftButton)
    assert "can only be marked once" in page.attendance_message.text()
    # In the course: saved at once.
    type_date(page.attendance_date, d(start + dt.timedelta(days=2)))
    QTest.mouseClick(page.present_button, Qt.MouseButton.LeftButton)
    # Long after the course: a warning first, the second press confirms.
    type_date(page.attendance_date, "-1")
    QTest.mouseClick(page.absent_button, Qt.MouseButton.LeftButton)
    assert "after the course ended" in page.attendance_message.text()
    with vault.session() as s:
        assert len(s.execute(select(GroupAttendance)).all()) == 1
    QTest.mouseClick(page.absent_button, Qt.MouseButton.LeftButton)
    assert not page.attendance_message.isVisible()
    assert page.attendance_list.count() == 2
    assert "Present at 1 of 2" in page.attendance_label.text()
    with vault.session() as s:
        c = build_report(s, pid, ReportRequest(sections=("attendance",)))
    assert (c.attendance.group_present, c.attendance.group_recorded) == (1, 2)


def test_a_mark_is_corrected_by_selecting_it_and_deleted_with_undo(qtbot, vault):
    from coachdesk.ui.participant_page import ParticipantPage

    pid = add_person(vault)
    page = ParticipantPage(vault, pid)
    show(qtbot, page)
    day = START + dt.timedelta(days=2)
    type_date(page.attendance_date, d(day))
    QTest.mouseClick(page.present_button, Qt.MouseButton.LeftButton)
    type_date(page.attendance_date, "i dag")
    page.attendance_list.setCurrentRow(0)  # select the mark: its date goes to the field
    assert page.attendance_date.value() == day
    QTest.mouseClick(page.absent_button, Qt.MouseButton.LeftButton)  # re-mark: absent
    with vault.session() as s:
        assert s.execute(select(GroupAttendance.present)).scalar_one() is False
    page.attendance_list.setFocus()
    page.attendance_list.setCurrentRow(0)
    QTest.keyClick(page.attendance_list, Qt.Key.Key_Delete)
    with vault.session() as s:
        assert s.execute(select(GroupAttendance)).first() is None
    assert page.attendance_undo.isVisible() and "deleted" in page.attendance_undo.label.text()
    QTest.keyClick(page.attendance_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with vault.session() as s:
        assert s.execute(select(GroupAttendance.present)).scalar_one() is False
    assert actions(vault)[-2:] == ["attendance_deleted", "attendance_restored"]


# --- delete and undo: sessions and PSS-10s ------------------------------------------


def test_delete_a_session_then_undo_with_ctrl_z(qtbot, vault):
    from coachdesk.ui.sessions_tab import SessionsTab

    pid = add_person(vault)
    with vault.session() as s:
        for n in (1, 2):
            sessions.save_session(
                s,
                pid,
                {
                    "date": (TODAY - dt.timedelta(days=n)).isoformat(),
                    "status": "held",
                    "notes": f"samtale {n}",
                },
            )
        s.commit()
    tab = SessionsTab(vault, pid)
    show(qtbot, tab)
    tab.list.setFocus()
    tab.list.setCurrentRow(0)
    QTest.keyClick(tab.list, Qt.Key.Key_Delete)
    with vault.session() as s:
        assert [n for (n,) in s.execute(select(SessionLog.notes))] == ["samtale 2"]
        c = build_report(s, pid, ReportRequest(sections=("attendance",)))
    assert c.attendance.held == 1  # a deleted session is gone from reports
    assert tab.list.count() == 1 and tab.undo_bar.isVisible()
    QTest.keyClick(tab.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with vault.session() as s:
        assert sorted(n for (n,) in s.execute(select(SessionLog.notes))) == [
            "samtale 1",
            "samtale 2",
        ]
    assert tab.list.count() == 2
    assert "Put back" in tab.undo_bar.label.text()
    assert actions(vault)[-2:] == ["session_deleted", "session_restored"]
    # Only the last delete is kept: a second Ctrl+Z does nothing.
    QTest.keyClick(tab.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.list.count() == 2


def test_ctrl_z_in_the_notes_is_text_undo_not_a_restore(qtbot, vault):
    from coachdesk.ui.sessions_tab import SessionsTab

    pid = add_person(vault)
    with vault.session() as s:
        sessions.save_session(s, pid, {"date": TODAY.isoformat(), "status": "held"})
        s.commit()
    tab = SessionsTab(vault, pid)
    show(qtbot, tab)
    tab.list.setCurrentRow(0)
    tab.delete_selected()
    tab.open_editor(None)
    QTest.keyClicks(tab.editor.notes, "abc")
    QTest.keyClick(tab.editor.notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.editor.notes.toPlainText() == ""
    with vault.session() as s:
        assert s.execute(select(SessionLog)).first() is None


def test_delete_a_pss10_from_the_list_then_undo(qtbot, vault):
    from coachdesk.ui.pss10_tab import Pss10Tab

    pid = add_person(vault)
    with vault.session() as s:
        s.add(Assessment(participant_id=pid, kind="screening", date=START, answers=[3] * 10))
        s.commit()
    tab = Pss10Tab(vault, pid)
    show(qtbot, tab)
    tab.table.setFocus()
    tab.select_row(0)
    QTest.keyClick(tab.table, Qt.Key.Key_Delete)
    assert QApplication.activeModalWidget() is None  # no question: undo instead
    with vault.session() as s:
        assert s.execute(select(Assessment)).first() is None
    assert tab.model.rowCount() == 0
    QTest.mouseClick(tab.undo_bar.button, Qt.MouseButton.LeftButton)
    with vault.session() as s:
        a = s.execute(select(Assessment)).scalar_one()
        assert (a.kind, a.date, a.answers) == ("screening", START, [3] * 10)
    assert actions(vault)[-2:] == ["assessment_deleted", "assessment_restored"]


# --- job plans ----------------------------------------------------------------------


def test_job_plan_unchanged_save_makes_no_version_old_ones_read_only_and_diff(qtbot, vault):
    from coachdesk.ui.jobplan_editor import JobPlanEditor

    pid = add_person(vault)
    ed = JobPlanEditor(vault, pid)
    show(qtbot, ed)
    ed.goals.add_row({})
    QTest.keyClicks(ed.goals.table.cellWidget(0, 0), "Tale med lederen")
    assert ed.save()
    assert ed.save()  # nothing changed
    assert "no new version" in ed.state_label.text()
    with vault.session() as s:
        assert [v.version for v in jobplans.job_plan_versions(s, pid)] == [1]
    ed.goals.add_row({})
    QTest.keyClicks(ed.goals.table.cellWidget(1, 0), "Gå en tur")
    type_date(ed.goals.table.cellWidget(1, 1), "+14")
    ed.hours_now.setValue(10)
    assert ed.save()
    with vault.session() as s:
        assert [v.version for v in jobplans.job_plan_versions(s, pid)] == [1, 2]
    # The old version: every button inside the editor is disabled or hidden.
    ed.version_combo.setCurrentIndex(1)
    assert "read-only" in ed.read_only_label.text()
    active = [
        b.text()
        for b in ed.findChildren(QAbstractButton)
        if b.isVisibleTo(ed) and b.isEnabled() and b is not ed.compare_button
    ]
    assert active == []
    # The diff between the two versions.
    ed.compare()
    lines = ed.diff_dialog.lines()
    assert any(ln.startswith("+ Goal added: Gå en tur") for ln in lines), lines
    assert any(ln.startswith("+ Hours per week now added: 10") for ln in lines), lines
    assert len(lines) == 2


def test_before_the_course_start_is_a_warning_in_both_forms(qtbot, vault):
    from coachdesk.ui.participant_page import ParticipantPage
    from coachdesk.ui.session_editor import SessionEditor

    pid = add_person(vault)  # referred a week before the start
    early = START - dt.timedelta(days=2)
    ed = SessionEditor(vault, pid)
    show(qtbot, ed)
    type_date(ed.date, d(early))
    assert not ed.save() and "before the course start" in ed.message.text()
    assert ed.save()  # confirmed
    page = ParticipantPage(vault, pid)
    show(qtbot, page)
    type_date(page.attendance_date, d(early))
    QTest.mouseClick(page.present_button, Qt.MouseButton.LeftButton)
    assert "before the course start" in page.attendance_message.text()
    QTest.mouseClick(page.present_button, Qt.MouseButton.LeftButton)
    with vault.session() as s:
        assert s.execute(select(GroupAttendance.confirmed)).scalar_one() is True


def test_a_pss10_before_the_referral_is_refused_in_the_form(qtbot, vault):
    from coachdesk.ui.pss10_form import Pss10Form

    pid = add_person(vault)
    form = Pss10Form(vault, pid)
    show(qtbot, form)
    type_date(form.date, d(REFERRAL - dt.timedelta(days=1)))
    form.grid.set_answers([2] * 10)
    assert not form.save()
    assert "before the participant's referral date" in form.message.text()


def test_undo_of_a_mark_when_the_day_was_marked_again(qtbot, vault):
    from coachdesk.ui.participant_page import ParticipantPage

    page = ParticipantPage(vault, add_person(vault))
    show(qtbot, page)
    day = START + dt.timedelta(days=2)
    type_date(page.attendance_date, d(day))
    QTest.mouseClick(page.present_button, Qt.MouseButton.LeftButton)
    page.attendance_list.setCurrentRow(0)
    page.delete_mark()
    type_date(page.attendance_date, d(day))
    QTest.mouseClick(page.absent_button, Qt.MouseButton.LeftButton)
    page.attendance_undo.undo()
    assert "marked again" in page.attendance_undo.label.text()
    with vault.session() as s:
        assert s.execute(select(GroupAttendance.present)).scalar_one() is False
