"""Issue 14's smaller items: mnemonics, the status suggestion, the new-participant
dialog's messages and focus, e-mail validation, the job plan table at 1366x768."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from sqlalchemy import select
from test_i18n import danish  # noqa: F401  (the fixture)

from coachdesk.core import course, records
from coachdesk.store import participants, sessions
from coachdesk.store.models import Assessment, Participant

TODAY = dt.date.today()

pytestmark = pytest.mark.usefixtures("isolated_settings")


def add_person(vault, *, weeks_ago=6, status="group_phase", **extra) -> int:
    start = TODAY - dt.timedelta(weeks=weeks_ago)
    with vault.session() as s:
        p = participants.create_participant(
            s,
            {
                "ref": "R-1",
                "name": "Ida Jensen",
                "course_start": start.isoformat(),
                "status": status,
            }
            | extra,
        )
        s.commit()
        return p.id


# --- e-mail ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,ok",
    [
        ("ida@example.org", True),
        ("ida.jensen+kursus@sub.kommune.dk", True),
        ("SAG-2026-11873", False),
        ("ida@", False),
        ("@example.org", False),
        ("ida@example", False),
        ("ida jensen@example.org", False),
        ("ida@example.", False),
    ],
)
def test_email_rule(value, ok):
    errors = records.validate_participant(
        {"ref": "R", "name": "N", "email": value, "caseworker": {"email": value}}, "$", TODAY
    )
    assert (errors == []) is ok, errors
    if not ok:
        assert "$.email: This is not an e-mail address (name@example.dk)." in errors
        assert "$.caseworker.email: This is not an e-mail address (name@example.dk)." in errors


# --- the new-participant dialog ----------------------------------------------------


def test_dialog_messages_go_when_fixed_and_focus_goes_to_the_first(qtbot, vault):
    from coachdesk.ui.participant_dialog import ParticipantDialog

    dlg = ParticipantDialog(vault)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    qtbot.keyClicks(dlg.email, "SAG-2026-11873")  # the case number in the wrong field
    dlg.cw_email.setFocus()  # the coach was last in a field further down
    dlg.buttons.accepted.emit()
    assert dlg.messages["name"].isVisible() and dlg.messages["ref"].isVisible()
    assert dlg.messages["email"].text() == "This is not an e-mail address (name@example.dk)."
    assert QApplication.focusWidget() is dlg.name  # the first marked field, from the top
    qtbot.keyClicks(dlg.name, "Ida Jensen")
    assert not dlg.messages["name"].isVisible()  # gone as soon as the field changes
    assert dlg.summary.isVisible()  # others are still marked
    qtbot.keyClicks(dlg.ref, "GK-1")
    dlg.email.setFocus()
    QTest.keyClick(dlg.email, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dlg.email, "ida@example.org")
    assert not dlg.messages["email"].isVisible() and not dlg.summary.isVisible()
    dlg.buttons.accepted.emit()
    with vault.session() as s:
        assert s.execute(select(Participant.email)).scalar_one() == "ida@example.org"


def test_dialog_refuses_an_unreadable_date_with_its_message(qtbot, vault):
    from coachdesk.ui.participant_dialog import ParticipantDialog

    dlg = ParticipantDialog(vault)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.name, "Ida Jensen")
    qtbot.keyClicks(dlg.ref, "GK-1")
    dlg.start.edit.setFocus()
    qtbot.keyClicks(dlg.start.edit, "31.02.2026")
    dlg.buttons.accepted.emit()
    assert "does not exist" in dlg.start.note.text()
    with vault.session() as s:
        assert s.execute(select(Participant)).first() is None


# --- the status suggestion -----------------------------------------------------------


def test_status_suggestions_follow_the_course():
    start = dt.date(2026, 1, 5)
    s = course.suggested_status
    assert (
        s(
            status="group_phase",
            start=start,
            today=dt.date(2026, 1, 30),
            has_final=False,
            has_outcome=False,
        )
        is None
    )  # week 4
    assert (
        s(
            status="group_phase",
            start=start,
            today=dt.date(2026, 2, 2),
            has_final=False,
            has_outcome=False,
        )
        == "individual_phase"
    )  # week 5
    assert (
        s(
            status="individual_phase",
            start=start,
            today=dt.date(2026, 3, 30),
            has_final=True,
            has_outcome=False,
        )
        is None
    )
    assert (
        s(
            status="individual_phase",
            start=start,
            today=dt.date(2026, 3, 30),
            has_final=True,
            has_outcome=True,
        )
        == "completed"
    )
    assert (
        s(
            status="dropped_out",
            start=start,
            today=dt.date(2026, 3, 30),
            has_final=True,
            has_outcome=True,
        )
        is None
    )


def test_the_page_suggests_and_changes_the_status(qtbot, vault):
    from coachdesk.ui.participant_page import ParticipantPage

    pid = add_person(vault, weeks_ago=11)  # week 12, still "group phase"
    page = ParticipantPage(vault, pid)
    qtbot.addWidget(page)
    page.show()
    assert page.suggestion.isVisible()
    assert "week 12" in page.suggestion_label.text()
    QTest.mouseClick(page.suggestion_button, Qt.MouseButton.LeftButton)
    with vault.session() as s:
        assert s.get(Participant, pid).status == "individual_phase"
    assert not page.suggestion.isVisible()
    with vault.session() as s:
        s.add(Assessment(participant_id=pid, kind="final", date=TODAY, answers=[1] * 10))
        participants.update_participant(s, pid, {"outcome": {"status": "work_partial"}})
        s.commit()
    page.reload()
    assert page.suggestion.isVisible() and "completed" in page.suggestion_label.text()
    page.accept_suggestion()
    with vault.session() as s:
        assert s.get(Participant, pid).status == "completed"


# --- mnemonics ----------------------------------------------------------------------


def _mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).casefold() if m else None


def test_no_danish_mnemonic_on_the_page_clashes_with_the_menus(danish, qtbot, vault):  # noqa: F811
    from coachdesk.ui.main_window import MainWindow  # noqa: F401 (its menu texts)
    from coachdesk.ui.participant_page import ParticipantPage

    menus = {
        _mnemonic(QApplication.translate("MainWindow", t)) for t in ("&File", "&Edit", "&Help")
    }
    assert menus == {"f", "r", "h"}  # Filer, Rediger, Hjælp
    page = ParticipantPage(vault, add_person(vault))
    qtbot.addWidget(page)
    page.show()
    texts = [b.text() for b in page.findChildren(QAbstractButton) if b.isVisible()]
    texts += [
        lab.text()
        for lab in page.findChildren(QLabel)
        if lab.isVisible() and lab.buddy() is not None
    ]
    texts += [page.tabs.tabText(i) for i in range(page.tabs.count())]
    clashes = [t for t in texts if _mnemonic(t) in menus]
    assert clashes == [], clashes
    assert page.edit_button.text() == "Rediger opl&ysninger…"


# --- the job plan's tables at 1366x768 -----------------------------------------------


def test_job_plan_columns_are_not_cut_off_at_1366x768(qtbot, vault):
    from coachdesk.ui.jobplan_editor import JobPlanEditor

    ed = JobPlanEditor(vault, add_person(vault))
    qtbot.addWidget(ed)
    ed.resize(1366 - 40, 768 - 200)  # the tab's room in a maximised window
    ed.show()
    qtbot.waitExposed(ed)
    for table in (ed.goals, ed.accommodations, ed.steps):
        for _ in range(3):
            table.add_row({}, focus=True)
        QApplication.processEvents()
        header = table.table.horizontalHeader()
        for c in range(table.table.columnCount()):
            w = table.table.cellWidget(0, c)
            assert header.sectionSize(c) >= w.minimumSizeHint().width(), (
                table.table.accessibleName(),
                c,
                header.sectionSize(c),
                w.minimumSizeHint().width(),
            )
        total = sum(header.sectionSize(c) for c in range(table.table.columnCount()))
        assert total <= table.table.viewport().width() + 1  # no sideways scrolling


def test_no_danish_mnemonic_in_the_session_editor_clashes_with_the_menus(danish, qtbot, vault):  # noqa: F811
    from coachdesk.ui.sessions_tab import SessionsTab

    tab = SessionsTab(vault, add_person(vault))
    qtbot.addWidget(tab)
    tab.show()
    tab.open_editor(None)
    texts = [b.text() for b in tab.findChildren(QAbstractButton) if b.isVisible()]
    texts += [
        lab.text()
        for lab in tab.findChildren(QLabel)
        if lab.isVisible() and lab.buddy() is not None
    ]
    clashes = [t for t in texts if _mnemonic(t) in {"f", "r", "h"}]
    assert clashes == [], clashes


# --- session templates and "Samtale n af 8" -------------------------------------------


def test_templates_by_number():
    from coachdesk.core import session_templates as st

    held = [dt.date(2026, 2, d) for d in (2, 9, 16)]
    assert st.session_number(held, dt.date(2026, 2, 1)) == 1
    assert st.session_number(held, dt.date(2026, 2, 20)) == 4
    assert [st.suggested(n) for n in range(1, 9)] == [
        "intake",
        None,
        None,
        "midway",
        None,
        None,
        None,
        "closing",
    ]


def test_a_new_session_starts_from_its_template(qtbot, vault):
    from coachdesk.ui.session_editor import SessionEditor

    pid = add_person(vault, status="individual_phase")
    with vault.session() as s:
        for n in (1, 2, 3):  # three held: the next is number 4, the midway conversation
            sessions.save_session(
                s, pid, {"date": (TODAY - dt.timedelta(days=n)).isoformat(), "status": "held"}
            )
        s.commit()
    ed = SessionEditor(vault, pid)
    qtbot.addWidget(ed)
    ed.show()
    assert ed.number_label.text() == ("Conversation 4 of 8 · template for it: Midway conversation")
    assert ed.template.currentData() is None and ed.template.isVisible()  # suggested only
    assert ed.notes.toPlainText() == ""
    ed.template.setCurrentIndex(ed.template.findData("midway"))  # the coach picks it
    ticked = {k for k, b in ed.theme_boxes.items() if b.isChecked()}
    assert ticked == {"metacognitive_tools", "boundaries_time", "good_working_life"}
    assert ed.notes.toPlainText().startswith("What has worked since the group sessions?")
    # Another template replaces its own questions, never the coach's words.
    ed.template.setCurrentIndex(ed.template.findData("closing"))
    assert ed.notes.toPlainText().startswith("What has changed since the start?")
    ed.notes.setPlainText("Mine egne noter")
    ed.template.setCurrentIndex(ed.template.findData("intake"))
    assert ed.notes.toPlainText() == "Mine egne noter"
    # The date moves the number; a saved session shows its number and no template.
    ed.date.set_value(TODAY - dt.timedelta(days=2), emit=True)
    assert ed.number_label.text() == "Conversation 2 of 8"  # (no template for number 2)
    assert ed.save(), ed.message.text()
    again = SessionEditor(vault, pid, ed.session_id)
    qtbot.addWidget(again)
    again.show()
    assert again.number_label.text() == "Conversation 2 of 8"
    assert not again.template.isVisible()
