"""Every date field in the app, typed into with QTest as a coach types: each accepted form,
Tab, and the forms that must be refused (a message, and the focus stays)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import select

from coachdesk.store import jobplans, participants
from coachdesk.store.models import Assessment, SessionLog
from coachdesk.ui.date_field import DateField

TODAY = dt.date.today()
SEPT_15 = dt.date(2026, 9, 15)
# The forms and what each must give.
FORMS = [
    ("15.09.2026", SEPT_15),
    ("15-09-2026", SEPT_15),
    ("15092026", SEPT_15),
    ("150926", SEPT_15),
    ("15.9.26", SEPT_15),
    ("i dag", TODAY),
    ("today", TODAY),
    ("+7", TODAY + dt.timedelta(days=7)),
]

pytestmark = pytest.mark.usefixtures("isolated_settings")


def type_into(field: DateField, text: str) -> None:
    """Select what is there (Ctrl+A) and type over it, key by key."""
    field.edit.setFocus()
    QTest.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        QTest.keyClicks(field.edit, text)
    else:
        QTest.keyClick(field.edit, Qt.Key.Key_Delete)


def tab(field: DateField) -> None:
    QTest.keyClick(field.edit, Qt.Key.Key_Tab)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def check_field(qtbot, window: QWidget, field: DateField, *, allow_empty: bool) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for text, want in FORMS:
        type_into(field, text)
        assert focused() is field.edit, f"{text}: the field moved the focus by itself"
        tab(field)
        assert field.value() == want, text
        assert field.is_valid()
        if not field._compact:  # (in a table the table's own Tab order decides)
            assert focused() is not field.edit, f"{text}: Tab did not leave a good date"
        assert field.text() == f"{want.day:02d}.{want.month:02d}.{want.year}"
        assert str(want.year) in field.note.text() or field.edit.toolTip()
    # A day that does not exist: refused, the message shown, the focus kept.
    type_into(field, "31.02.2026")
    tab(field)
    assert focused() is field.edit
    assert not field.is_valid() and field.value() is None
    assert "does not exist" in (field.error() or "")
    if not field._compact:
        assert field.note.isVisible() and "does not exist" in field.note.text()
    # Shift+Tab is refused the same way.
    QTest.keyClick(field.edit, Qt.Key.Key_Backtab)
    assert focused() is field.edit
    # Empty: fine where allowed, refused where a date is required.
    type_into(field, "")
    tab(field)
    if allow_empty:
        assert field.value() is None and field.is_valid()
        assert field._compact or focused() is not field.edit
    else:
        assert not field.is_valid() and focused() is field.edit
        assert field.error() == "Type a date."


# --- the bare widget --------------------------------------------------------------


def test_bare_field_reads_every_form_and_refuses_nonsense(qtbot):
    w = QWidget()
    field = DateField()
    after = QLineEdit()
    lay = QVBoxLayout(w)
    lay.addWidget(field)
    lay.addWidget(after)
    qtbot.addWidget(w)
    check_field(qtbot, w, field, allow_empty=True)


def test_what_was_understood_is_shown_in_words(qtbot):
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    QTest.keyClicks(field.edit, "150926")
    # Danish UI: "tirsdag 15. september 2026"; the test runs in the C locale's words.
    assert "15" in field.note.text() and "2026" in field.note.text()
    assert field.note.text() != ""


def test_half_typed_text_shows_no_error_until_tab(qtbot):
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    QTest.keyClicks(field.edit, "1509")
    assert "⚠" not in field.note.text()
    field.check()
    assert "year" in field.note.text()


def test_up_and_down_step_one_day(qtbot):
    field = DateField(SEPT_15)
    qtbot.addWidget(field)
    seen = []
    field.dateChanged.connect(seen.append)
    QTest.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.value() == dt.date(2026, 9, 16) and seen == [dt.date(2026, 9, 16)]
    QTest.keyClick(field.edit, Qt.Key.Key_Down)
    QTest.keyClick(field.edit, Qt.Key.Key_Down)
    assert field.value() == dt.date(2026, 9, 14)


# --- every date field of the app ---------------------------------------------------


def add_person(vault, **extra) -> int:
    start = TODAY - dt.timedelta(weeks=6)
    with vault.session() as s:
        p = participants.create_participant(
            s,
            {
                "ref": "R-1",
                "name": "Ida Jensen",
                "course_start": start.isoformat(),
                "status": "individual_phase",
            }
            | extra,
        )
        s.commit()
        return p.id


def test_session_date_and_next_appointment(qtbot, vault):
    from coachdesk.ui.session_editor import SessionEditor

    ed = SessionEditor(vault, add_person(vault))
    qtbot.addWidget(ed)
    check_field(qtbot, ed, ed.date, allow_empty=False)
    check_field(qtbot, ed, ed.next_date, allow_empty=True)


def test_session_typed_date_sets_the_right_week_and_saves(qtbot, vault):
    """The issue's slip: 20.10.2026 became 20.12.x and week 14."""
    from coachdesk.ui.session_editor import SessionEditor

    start = dt.date(2026, 9, 7)
    with vault.session() as s:
        p = participants.create_participant(
            s,
            {
                "ref": "R-2",
                "name": "Bo",
                "referral_date": "2026-08-01",
                "course_start": start.isoformat(),
                "status": "individual_phase",
            },
        )
        s.commit()
        pid = p.id
    ed = SessionEditor(vault, pid)
    qtbot.addWidget(ed)
    ed.show()
    ed.status.setCurrentIndex(ed.status.findData("cancelled"))  # dated ahead of today
    type_into(ed.date, "20.10.2026")
    tab(ed.date)
    assert ed.date.value() == dt.date(2026, 10, 20)
    assert ed.week.value() == 7
    assert ed.save(), ed.message.text()
    with vault.session() as s:
        row = s.execute(select(SessionLog)).scalar_one()
        assert (row.date, row.week) == (dt.date(2026, 10, 20), 7)


def test_session_with_an_unreadable_date_is_not_saved(qtbot, vault):
    from coachdesk.ui.session_editor import SessionEditor

    ed = SessionEditor(vault, add_person(vault))
    qtbot.addWidget(ed)
    ed.show()
    type_into(ed.date, "31.02.2026")
    assert not ed.save()
    assert "does not exist" in ed.message.text()
    with vault.session() as s:
        assert s.execute(select(SessionLog)).first() is None


def test_attendance_date(qtbot, vault):
    from coachdesk.ui.participant_page import ParticipantPage

    page = ParticipantPage(vault, add_person(vault))
    qtbot.addWidget(page)
    check_field(qtbot, page, page.attendance_date, allow_empty=False)


def test_pss10_date_by_shift_tab(qtbot, vault):
    """The issue's slip: Shift+Tab into the PSS-10 date, 15092026 gave 01.12.1920."""
    from coachdesk.ui.pss10_form import Pss10Form

    pid = add_person(vault, referral_date="2026-01-01")
    form = Pss10Form(vault, pid, today=dt.date(2026, 12, 31))
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.grid.setFocus()
    QTest.keyClick(form.grid, Qt.Key.Key_Backtab)
    assert focused() is form.date.edit
    QTest.keyClick(form.date.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(form.date.edit, "15092026")
    tab(form.date)
    assert form.date.value() == SEPT_15
    form.grid.set_answers([2] * 10)
    assert form.save(), form.message.text()
    with vault.session() as s:
        assert s.execute(select(Assessment.date)).scalar_one() == SEPT_15


def test_pss10_date_field(qtbot, vault):
    from coachdesk.ui.pss10_form import Pss10Form

    form = Pss10Form(vault, add_person(vault))
    qtbot.addWidget(form)
    check_field(qtbot, form, form.date, allow_empty=False)


@pytest.mark.parametrize("name", ["referral", "start", "consent_given", "consent_withdrawn"])
def test_participant_dialog_dates(qtbot, vault, name):
    from coachdesk.ui.participant_dialog import ParticipantDialog

    dlg = ParticipantDialog(vault)
    qtbot.addWidget(dlg)
    check_field(qtbot, dlg, getattr(dlg, name), allow_empty=True)


@pytest.mark.parametrize("name", ["outcome_date", "dropout_date"])
def test_outcome_dates(qtbot, vault, name):
    from coachdesk.ui.outcome_view import OutcomeView

    view = OutcomeView(vault, add_person(vault))
    qtbot.addWidget(view)
    check_field(qtbot, view, getattr(view, name), allow_empty=True)


@pytest.mark.parametrize("table,column", [("goals", 1), ("accommodations", 2), ("steps", 0)])
def test_job_plan_dates(qtbot, vault, table, column):
    from coachdesk.ui.jobplan_editor import JobPlanEditor

    ed = JobPlanEditor(vault, add_person(vault))
    qtbot.addWidget(ed)
    rows = getattr(ed, table)
    rows.add_row({})
    field = rows.table.cellWidget(0, column)
    assert isinstance(field, DateField) and field._compact
    check_field(qtbot, ed, field, allow_empty=True)


def test_job_plan_with_an_unreadable_date_is_not_saved(qtbot, vault):
    from coachdesk.ui.jobplan_editor import JobPlanEditor

    ed = JobPlanEditor(vault, add_person(vault))
    qtbot.addWidget(ed)
    ed.show()
    ed.goals.add_row({})
    QTest.keyClicks(ed.goals.table.cellWidget(0, 0), "Gå en tur")
    field = ed.goals.table.cellWidget(0, 1)
    type_into(field, "32.01.2027")
    assert not ed.save()
    assert "does not exist" in ed.message.text()
    with vault.session() as s:
        assert jobplans.job_plan_versions(s, 1) == []
