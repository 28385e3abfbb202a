"""The coach's main workflows on real widgets (pytest-qt) and a real vault."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from coachdesk.store import drafts, participants
from coachdesk.store.models import Assessment, Draft, JobPlanVersion, Participant, SessionLog

TODAY = dt.date.today()


pytestmark = pytest.mark.usefixtures("isolated_settings")


def add_person(vault, ref="R-1", name="Ida Jensen", weeks_ago=6, screened=True, **extra):
    start = TODAY - dt.timedelta(weeks=weeks_ago)
    with vault.session() as s:
        p = participants.create_participant(
            s,
            {
                "ref": ref,
                "name": name,
                "course_start": start.isoformat(),
                "status": "individual_phase",
            }
            | extra,
        )
        if screened:
            s.add(Assessment(participant_id=p.id, kind="screening", date=start, answers=[3] * 10))
        s.commit()
        return p.id


def visible_texts(root) -> str:
    return "\n".join(w.text() for w in root.findChildren(QLabel) if w.isVisible())


# --- participant dialog -----------------------------------------------------------------


def test_create_participant_through_dialog(qtbot, vault):
    from coachdesk.ui.participant_dialog import ParticipantDialog

    dlg = ParticipantDialog(vault)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.name, "Ida Jensen")
    qtbot.keyClicks(dlg.cpr.edit, "320190-1234")  # no 32nd of January
    dlg.buttons.accepted.emit()
    # Nothing saved; messages beside the fields that core/records rejected.
    assert dlg.messages["ref"].isVisible()
    assert dlg.messages["ref"].text() == "This field is required."
    assert "real date" in dlg.messages["cpr"].text()
    assert not dlg.messages["name"].isVisible()
    with vault.session() as s:
        assert s.execute(select(Participant)).first() is None
    dlg.cpr.edit.clear()
    qtbot.keyClicks(dlg.cpr.edit, "010190-1234")
    qtbot.keyClicks(dlg.ref, "GK-2026-0042")
    qtbot.keyClicks(dlg.cw_municipality, "Gentofte Kommune")
    dlg.buttons.accepted.emit()
    assert dlg.result() == dlg.DialogCode.Accepted
    with vault.session() as s:
        p = s.execute(select(Participant)).scalar_one()
        assert (p.name, p.ref, p.cpr, p.birth_year) == (
            "Ida Jensen",
            "GK-2026-0042",
            "010190-1234",
            1990,
        )
        assert p.caseworker_municipality == "Gentofte Kommune"
        pid = p.id
    # Editing shows the CPR masked until revealed.
    edit = ParticipantDialog(vault, pid)
    qtbot.addWidget(edit)
    assert edit.cpr.edit.text() == "010190-****" and edit.cpr.is_masked()
    edit.cpr.button.click()
    assert edit.cpr.edit.text() == "010190-1234"


# --- caseload ---------------------------------------------------------------------------


def test_caseload_search_and_filters(qtbot, vault):
    from coachdesk.ui.caseload_view import CaseloadView

    add_person(vault, "R-1", "Ida Jensen", weeks_ago=4)  # week 5: session 1 due
    add_person(vault, "R-2", "Mette Hansen", weeks_ago=9)  # week 10, no sessions: overdue
    add_person(vault, "X-3", "Søren Ødegaard", weeks_ago=1, status="group_phase")
    view = CaseloadView(vault)
    qtbot.addWidget(view)
    view.show()
    shown = lambda: sorted(  # noqa: E731
        view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())
    )
    assert shown() == ["Ida Jensen", "Mette Hansen", "Søren Ødegaard"]
    qtbot.keyClicks(view.search, "ØDEG")
    assert shown() == ["Søren Ødegaard"]
    view.search.clear()
    qtbot.keyClicks(view.search, "r-")
    assert shown() == ["Ida Jensen", "Mette Hansen"]
    assert view.count_label.text() == "2 of 3"
    view.search.clear()
    view.attention.setChecked(True)
    assert shown() == ["Mette Hansen"]
    view.attention.setChecked(False)
    view.phase.setCurrentIndex(view.phase.findData("group_phase"))
    assert shown() == ["Søren Ødegaard"]
    view.phase.setCurrentIndex(0)
    row = next(
        r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data() == "Ida Jensen"
    )
    texts = [view.proxy.index(row, c).data() for c in range(7)]
    assert texts[3] == "week 5 of 12"
    assert texts[4] == "session 1 of 8"
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [view.proxy.index(r, 0).data() for r in range(3)] == [
        "Søren Ødegaard",
        "Mette Hansen",
        "Ida Jensen",
    ]
    view.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # overdue first
    assert view.proxy.index(0, 0).data() == "Mette Hansen"
    qtbot.keyClicks(view.search, "nobody")
    assert view.empty_label.isVisible()


# --- sessions, goals, job plan -----------------------------------------------------------


def test_log_session_with_themes_actions_and_make_goal(qtbot, vault):
    from coachdesk.ui.session_editor import SessionEditor

    pid = add_person(vault)
    ed = SessionEditor(vault, pid)
    qtbot.addWidget(ed)
    ed.show()
    assert ed.week.value() == 7  # pre-filled from the course start
    ed.theme_boxes["boundaries_time"].click()
    ed.theme_boxes["clarity_goals"].click()
    qtbot.keyClicks(ed.notes, "Talte om grænser på arbejdet.")
    qtbot.keyClicks(ed.action_input, "Gå en tur hver dag kl. 12")
    qtbot.keyClick(ed.action_input, Qt.Key.Key_Return)
    qtbot.keyClicks(ed.action_input, "Tale med lederen")
    ed.add_action()
    ed.ratings["sleep"].setValue(4)
    assert ed.save()
    assert ed.state_label.text() == "Saved"
    with vault.session() as s:
        row = s.execute(select(SessionLog)).scalar_one()
        assert row.themes == ["boundaries_time", "clarity_goals"]
        assert row.actions == ["Gå en tur hver dag kl. 12", "Tale med lederen"]
        assert row.notes == "Talte om grænser på arbejdet."
        assert row.ratings == {"sleep": 4} and row.week == 7
    ed.action_list.setCurrentRow(0)
    ed.make_goal_button.click()
    assert "version 1" in ed.goal_message.text()
    with vault.session() as s:
        plan = s.execute(select(JobPlanVersion)).scalar_one()
        assert plan.goals == [{"text": "Gå en tur hver dag kl. 12", "due": None, "status": "open"}]


def test_add_accommodation_saves_new_version(qtbot, vault):
    from coachdesk.ui.jobplan_editor import JobPlanEditor

    pid = add_person(vault)
    ed = JobPlanEditor(vault, pid)
    qtbot.addWidget(ed)
    ed.show()
    assert ed.version_combo.currentText() == "No plan saved yet"
    qtbot.keyClicks(ed.value_input.lineEdit(), "Ro og overskud")
    ed.add_value()
    ed.accommodations.add_button.click()
    table = ed.accommodations.table
    cat = table.cellWidget(0, 0)
    cat.setCurrentIndex(cat.findData("environment"))
    desc = table.cellWidget(0, 1)
    assert desc.placeholderText() == "Describe the function, not the diagnosis"
    qtbot.keyClicks(desc, "Brug for et roligt sted uden afbrydelser")
    ed.hours_now.setValue(10)
    assert ed.save()
    ed.accommodations.add_button.click()  # an empty description is refused, nothing saved
    ed.accommodations.table.cellWidget(1, 2).set_value(TODAY)
    assert not ed.save()
    assert ed.message.text() == "Accommodation need 2, description: This field is required."
    with vault.session() as s:
        plans = list(s.execute(select(JobPlanVersion)).scalars())
        assert len(plans) == 1
        assert plans[0].accommodations == [
            {
                "category": "environment",
                "description": "Brug for et roligt sted uden afbrydelser",
                "until": None,
            }
        ]
        assert plans[0].values == ["Ro og overskud"] and plans[0].hours_now == 10
    ed.accommodations.remove_current()
    ed.direction.setPlainText("Tilbage til eget job")
    assert ed.save()
    assert ed.version_combo.count() == 2
    ed.version_combo.setCurrentIndex(1)  # the earlier version: read-only
    assert ed.direction.isReadOnly() and not ed.save_button.isEnabled()


# --- drafts ----------------------------------------------------------------------------


def test_draft_recovered_after_crash(qtbot, vault):
    from coachdesk.ui.session_editor import SessionEditor

    pid = add_person(vault)
    ed = SessionEditor(vault, pid, autosave_ms=50)
    qtbot.addWidget(ed)
    qtbot.keyClicks(ed.notes, "Halvfærdige noter")
    ed.theme_boxes["psychoeducation"].click()

    def drafted() -> bool:
        with vault.session() as s:
            return drafts.get_draft(s, ed.key) is not None

    qtbot.waitUntil(drafted, timeout=3000)
    # Crash: the editor disappears without saving or asking.
    ed.timer.stop()
    ed.deleteLater()
    qtbot.wait(10)
    again = SessionEditor(vault, pid)
    qtbot.addWidget(again)
    again.show()
    assert again.draft_bar.isVisible()
    assert again.notes.toPlainText() == ""
    again.restore_button.click()
    assert again.notes.toPlainText() == "Halvfærdige noter"
    assert again.theme_boxes["psychoeducation"].isChecked()
    assert again.save()
    with vault.session() as s:
        assert s.execute(select(Draft)).first() is None
        assert s.execute(select(SessionLog.notes)).scalar() == "Halvfærdige noter"


def test_close_with_unsaved_changes_keeps_draft(qtbot, vault, monkeypatch):
    from coachdesk.ui.session_editor import SessionEditor

    pid = add_person(vault)
    ed = SessionEditor(vault, pid)
    qtbot.addWidget(ed)
    qtbot.keyClicks(ed.notes, "x")
    monkeypatch.setattr(ed, "ask_close", lambda: SessionEditor.CANCEL)
    assert not ed.confirm_close()
    monkeypatch.setattr(ed, "ask_close", lambda: SessionEditor.KEEP_DRAFT)
    assert ed.confirm_close()
    with vault.session() as s:
        assert drafts.get_draft(s, ed.key)["session"]["notes"] == "x"
    monkeypatch.setattr(ed, "ask_close", lambda: SessionEditor.DISCARD)
    assert ed.confirm_close()
    with vault.session() as s:
        assert drafts.get_draft(s, ed.key) is None


def test_hidden_tabs_are_built_when_first_shown(qtbot, vault):
    """Opening a participant builds neither the job plan nor the outcome view; Alt+J
    shows the job plan (built then, label and place unchanged) and Ctrl+S saves it."""
    from coachdesk.ui.workspace import Workspace

    pid = add_person(vault)
    ws = Workspace(vault)
    qtbot.addWidget(ws)
    ws.show()
    ws.activateWindow()  # mnemonics (Alt+J) work in the active window
    qtbot.waitUntil(ws.isActiveWindow)
    page = ws.open_participant(pid)
    assert page.built("jobplan") is None and page.built("outcome") is None
    labels = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert not ws.save_current()  # the overview has nothing to save; nothing gets built
    qtbot.keyClick(page.tabs, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    plan = page.built("jobplan")
    assert plan is not None and page.tabs.currentWidget() is plan
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == labels
    plan.direction.setPlainText("Tilbage som pædagog, 20 timer")
    assert ws.save_current()
    with vault.session() as s:
        assert (
            s.execute(select(JobPlanVersion)).scalar_one().direction
            == "Tilbage som pædagog, 20 timer"
        )
    assert page.confirm_close()  # nothing unsaved: the outcome view is still not built
    assert page.built("outcome") is None


def test_a_pending_draft_builds_its_tab_at_open(qtbot, vault):
    from coachdesk.ui.outcome_view import OutcomeView
    from coachdesk.ui.participant_page import ParticipantPage

    pid = add_person(vault)
    view = OutcomeView(vault, pid)
    qtbot.addWidget(view)
    view.summary.setPlainText("Udkast til resumé")
    view.keep_draft()
    page = ParticipantPage(vault, pid)
    qtbot.addWidget(page)
    outcome = page.built("outcome")
    assert isinstance(outcome, OutcomeView) and outcome.is_dirty()
    assert outcome.summary.toPlainText() == "Udkast til resumé"
    assert page.built("jobplan") is None  # no draft there
    assert page.tabs.currentIndex() == 0  # built in place, not shown
