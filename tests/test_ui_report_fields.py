"""The report fields editor on the participant page, driven through its widgets."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem
from test_report_data import add, person

from coachdesk.store import report_fields


def _editor(qtbot, vault, **over):
    from coachdesk.ui.report_fields_editor import ReportFieldsEditor

    (pid,) = add(vault, person(report_fields=None, **over))
    ed = ReportFieldsEditor(vault, pid)
    qtbot.addWidget(ed)
    ed.show()
    return ed, pid


def _set_step(ed, row: int, week: str, hours: str) -> None:
    ed.steps.setItem(row, 0, QTableWidgetItem(week))
    ed.steps.setItem(row, 1, QTableWidgetItem(hours))


def test_fill_save_and_reload(qtbot, vault) -> None:
    ed, pid = _editor(qtbot, vault)
    assert not ed.is_dirty()
    qtbot.keyClicks(ed.work_capacity, "Fire timer om dagen")
    ed.normal_hours.setValue(37)
    ed.hours_now.setValue(12)
    ed.return_kind.setCurrentIndex(ed.return_kind.findData("partial"))
    ed.return_date.set_value(dt.date(2026, 7, 1))
    ed.add_step()
    _set_step(ed, 0, "1", "12")
    ed.add_step()
    _set_step(ed, 1, "4", "34")  # 3 hours of absence: not a partial return that week
    assert ed.rule_warning.isVisible() and "4" in ed.rule_warning.text()
    _set_step(ed, 1, "4", "30,5")
    assert not ed.rule_warning.isVisible()
    qtbot.keyClicks(ed.recommendation, "Opfølgning om 6 uger")
    assert ed.is_dirty()
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert not ed.is_dirty()
    with vault.session() as s:
        rf = report_fields.get(s, pid)
        assert rf.work_capacity == "Fire timer om dagen"
        assert rf.step_plan == [{"week": 1, "hours": 12.0}, {"week": 4, "hours": 30.5}]
        assert (rf.normal_hours, rf.hours_now, rf.return_kind) == (37, 12, "partial")
        assert rf.return_date == dt.date(2026, 7, 1)
        assert rf.recommendation == "Opfølgning om 6 uger"
    ed.reload()
    assert ed.steps.rowCount() == 2 and ed.steps.item(1, 1).text() == "30.5"


def test_bad_step_is_refused_and_nothing_saved(qtbot, vault) -> None:
    ed, pid = _editor(qtbot, vault)
    ed.add_step()
    _set_step(ed, 0, "99", "10")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert "1 to 52" in ed.message.text() or "1 til 52" in ed.message.text()
    with vault.session() as s:
        assert report_fields.get(s, pid) is None


def test_unsaved_text_survives_as_a_draft(qtbot, vault) -> None:
    from coachdesk.ui.report_fields_editor import ReportFieldsEditor

    ed, pid = _editor(qtbot, vault)
    qtbot.keyClicks(ed.resources, "Stærk faglighed")
    ed.keep_draft()
    again = ReportFieldsEditor(vault, pid)
    qtbot.addWidget(again)
    assert again.resources.toPlainText() == "Stærk faglighed" and again.is_dirty()


def test_participant_page_has_the_tab(qtbot, vault) -> None:
    from coachdesk.ui.participant_page import ParticipantPage
    from coachdesk.ui.report_fields_editor import ReportFieldsEditor

    (pid,) = add(vault, person())
    page = ParticipantPage(vault, pid)
    qtbot.addWidget(page)
    labels = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    i = labels.index("Report f&ields")
    page.tabs.setCurrentIndex(i)
    view = page.tabs.currentWidget()
    assert isinstance(view, ReportFieldsEditor)
    assert view.work_capacity.toPlainText().startswith("Kan arbejde 4 timer")
    assert view.steps.rowCount() == 4
