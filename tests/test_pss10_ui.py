"""The PSS-10 form, tab and chart view: real widgets (pytest-qt) on a real vault."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from coachdesk.core import pss10
from coachdesk.store import audit, settings
from coachdesk.store.assessments import save_assessment
from coachdesk.store.models import Assessment, Participant
from coachdesk.ui.pss10_chart_view import Pss10ChartView
from coachdesk.ui.pss10_form import Pss10Form
from coachdesk.ui.pss10_tab import Pss10Tab

TODAY = dt.date(2026, 5, 1)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def pid(vault) -> int:
    with vault.session() as s:
        p = Participant(
            ref="P-001", name="Ida Jensen", search_key="x", referral_date=dt.date(2026, 1, 5)
        )
        s.add(p)
        s.commit()
        return p.id


@pytest.fixture
def tab(qtbot, vault, pid) -> Pss10Tab:
    t = Pss10Tab(vault, pid, lang="en", today=TODAY)
    qtbot.addWidget(t)
    t.resize(900, 700)
    t.show()
    return t


def stored(vault) -> list[tuple[str, dt.date, list]]:
    with vault.session() as s:
        return [
            (a.kind, a.date, list(a.answers))
            for a in s.execute(select(Assessment).order_by(Assessment.id)).scalars()
        ]


def type_answers(qtbot, form: Pss10Form, digits: str) -> None:
    for d in digits:
        qtbot.keyClick(form.grid, getattr(Qt.Key, f"Key_{d}"))


def open_new(qtbot, tab: Pss10Tab) -> Pss10Form:
    form = tab.new_assessment()
    qtbot.waitExposed(form)
    return form


def test_keyboard_only_entry_lands_in_the_vault(qtbot, tab, vault):
    form = open_new(qtbot, tab)
    assert form.grid.hasFocus() or form.focusWidget() is form.grid
    form.date.set_value(dt.date(2026, 1, 12))
    type_answers(qtbot, form, "3341142133")
    assert form.grid.answers() == [3, 3, 4, 1, 1, 4, 2, 1, 3, 3]
    assert form.total_label.text() == "Total: 31 (high)"
    assert "met: 31 ≥ 17" in form.threshold_label.text()
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.grid, Qt.Key.Key_S, CTRL)  # from the grid, where the focus is
    assert stored(vault) == [("screening", dt.date(2026, 1, 12), [3, 3, 4, 1, 1, 4, 2, 1, 3, 3])]
    # The tab shows what was saved.
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 2).data() == "31"
    assert tab.model.index(0, 3).data() == "high"
    assert tab.chart.data().points[0].total == 31


def test_live_total_prorating_and_threshold_not_met(qtbot, tab):
    form = open_new(qtbot, tab)
    type_answers(qtbot, form, "121322331")  # nine answers: 12 -> 13 prorated
    assert form.total_label.text() == "Total: 13* (low)"
    assert "prorated" in form.detail_label.text()
    assert "not met: 13 < 17" in form.threshold_label.text()
    qtbot.keyClick(form.grid, Qt.Key.Key_Up)
    qtbot.keyClick(form.grid, Qt.Key.Key_Delete)  # clear item 9: two missing
    assert form.total_label.text() == "Total: none"
    assert "8 of 10 answered" in form.detail_label.text()
    # Follow-up and final do not speak of the admission threshold.
    qtbot.keyClick(form.kind, Qt.Key.Key_Down)
    assert form.kind_key() == "final"
    assert form.threshold_label.isHidden()


def test_backspace_and_arrows_move_back(qtbot, tab):
    form = open_new(qtbot, tab)
    type_answers(qtbot, form, "33")
    assert form.grid.current() == 2
    qtbot.keyClick(form.grid, Qt.Key.Key_Backspace)
    qtbot.keyClick(form.grid, Qt.Key.Key_0)  # re-answers item 2
    assert form.grid.answers()[:3] == [3, 0, None]
    qtbot.keyClick(form.grid, Qt.Key.Key_Up)
    qtbot.keyClick(form.grid, Qt.Key.Key_Up)
    assert form.grid.current() == 0
    qtbot.keyClick(form.grid, Qt.Key.Key_Down)
    assert form.grid.current() == 1
    qtbot.keyClick(form.grid, Qt.Key.Key_7)  # not an answer: ignored
    qtbot.keyClick(form.grid, Qt.Key.Key_4, Qt.KeyboardModifier.KeypadModifier)
    assert form.grid.answers()[:3] == [3, 4, None]


def test_incomplete_form_warns_before_saving(qtbot, tab, vault):
    form = open_new(qtbot, tab)
    type_answers(qtbot, form, "33411421")  # eight of ten
    qtbot.keyClick(form, Qt.Key.Key_S, CTRL)
    assert form.message.isVisible()
    assert "2 answers are missing" in form.message.text()
    assert stored(vault) == []
    assert form.isVisible()
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.grid, Qt.Key.Key_S, CTRL)  # again: save anyway
    assert stored(vault)[0][2] == [3, 3, 4, 1, 1, 4, 2, 1, None, None]
    assert tab.model.index(0, 2).data() == "none (2 missing)"


def test_answering_resets_the_incomplete_warning(qtbot, tab, vault):
    form = open_new(qtbot, tab)
    type_answers(qtbot, form, "334114213")
    qtbot.keyClick(form, Qt.Key.Key_S, CTRL)
    assert "1 answer is missing" in form.message.text()
    type_answers(qtbot, form, "3")
    assert not form.message.isVisible()
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)  # complete now: no warning
    assert len(stored(vault)) == 1


def test_future_date_is_refused_in_the_form(qtbot, tab, vault):
    form = open_new(qtbot, tab)
    form.date.set_value(dt.date(2026, 5, 2))
    type_answers(qtbot, form, "3341142133")
    assert form.save() is False
    assert form.message.text() == "Not saved: The date is in the future."
    assert form.isVisible()
    assert stored(vault) == []
    with vault.session() as s:
        assert s.execute(select(func.count()).select_from(Assessment)).scalar_one() == 0


def test_final_before_screening_is_refused_in_the_form(qtbot, tab, vault, pid):
    with vault.session() as s:
        save_assessment(s, pid, "screening", dt.date(2026, 2, 1), [2] * 10, today=TODAY)
        s.commit()
    tab.reload()
    form = open_new(qtbot, tab)
    qtbot.keyClick(form.kind, Qt.Key.Key_Down)
    form.date.set_value(dt.date(2026, 1, 20))
    type_answers(qtbot, form, "1113311331")
    assert form.save() is False
    assert "cannot be dated before the first screening" in form.message.text()
    assert len(stored(vault)) == 1


def test_edit_keeps_the_audit_trail(qtbot, tab, vault, pid):
    form = open_new(qtbot, tab)
    form.date.set_value(dt.date(2026, 1, 12))
    type_answers(qtbot, form, "3341142133")
    with qtbot.waitSignal(form.saved):
        form.save()
    tab.select_row(0)
    changed = []
    tab.changed.connect(lambda: changed.append(True))
    form = tab.edit_selected()
    qtbot.waitExposed(form)
    assert form.grid.answers() == [3, 3, 4, 1, 1, 4, 2, 1, 3, 3]
    assert form.windowTitle() == "Edit PSS-10"
    qtbot.keyClick(form.grid, Qt.Key.Key_Down)
    qtbot.keyClick(form.grid, Qt.Key.Key_0)  # item 2: 3 -> 0
    assert form.total_label.text() == "Total: 28 (high)"
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)
    assert changed == [True]
    assert stored(vault) == [("screening", dt.date(2026, 1, 12), [3, 0, 4, 1, 1, 4, 2, 1, 3, 3])]
    with vault.session() as s:
        uid = s.get(Participant, pid).uid
        trail = [(e.action, e.detail.get("items")) for e in audit.events_for(s, uid)]
        assert audit.verify(s) == []
    assert trail == [("assessment_saved", None), ("assessment_changed", [2])]
    assert tab.model.index(0, 2).data() == "28"


def test_delete_from_the_tab(qtbot, tab, vault, pid):
    with vault.session() as s:
        save_assessment(s, pid, "screening", dt.date(2026, 2, 1), [2] * 10, today=TODAY)
        s.commit()
    tab.reload()
    tab.select_row(0)
    assert tab.edit_button.isEnabled()
    with qtbot.waitSignal(tab.changed):
        tab.delete(tab.selected_id())
    assert stored(vault) == [] and tab.model.rowCount() == 0
    assert not tab.edit_button.isEnabled()


def test_threshold_setting_reaches_the_form(qtbot, vault, pid):
    with vault.session() as s:
        settings.put(s, "admission_threshold", 20)
        s.commit()
    form = Pss10Form(vault, pid, lang="en", today=TODAY)
    qtbot.addWidget(form)
    type_answers(qtbot, form, "2222222222")
    assert "not met: 20 < 20" not in form.threshold_label.text()
    assert "met: 20 ≥ 20" in form.threshold_label.text()
    type_answers(qtbot, form, "")
    qtbot.keyClick(form.grid, Qt.Key.Key_1)  # item 10: 2 -> 1, total 19
    assert "not met: 19 < 20" in form.threshold_label.text()


def test_danish_form_shows_the_danish_items_word_for_word(qtbot, vault, pid):
    form = Pss10Form(vault, pid, lang="da", today=TODAY)
    qtbot.addWidget(form)
    texts = {lab.text() for lab in form.findChildren(QLabel)}
    assert set(pss10.ITEMS_DA) <= texts
    assert any(pss10.OPENING_DA in t for t in texts)
    assert any("Meget ofte" in t for t in texts)


def test_chart_view_paints_and_speaks_the_verdict(qtbot, vault, pid, tab):
    with vault.session() as s:
        save_assessment(
            s, pid, "screening", dt.date(2026, 1, 10), [3, 3, 4, 1, 1, 4, 2, 1, 3, 3], today=TODAY
        )
        save_assessment(
            s, pid, "final", dt.date(2026, 4, 1), [1, 1, 1, 3, 3, 1, 3, 3, 1, 1], today=TODAY
        )
        s.commit()
    tab.reload()
    desc = tab.chart.accessibleDescription()
    assert "Reliable improvement" in desc and "-21 points" in desc
    assert "Clinically important improvement" in desc
    before = tab.chart.grab().toImage()
    qtbot.keyClick(tab.items_toggle, Qt.Key.Key_Space)
    assert tab.chart.show_items()
    after = tab.chart.grab().toImage()
    assert before != after


def test_empty_chart_view(qtbot):
    from coachdesk.core import pss10_chart

    view = Pss10ChartView(lang="en")
    qtbot.addWidget(view)
    view.set_data(pss10_chart.build([]))
    view.resize(500, 300)
    img = view.grab().toImage()
    assert not img.isNull()
    assert view.accessibleDescription() == "No PSS-10 questionnaires yet"


def test_the_pss10_form_is_the_registrys_form(qtbot, vault, pid):
    """One questionnaire form (issue 18): PSS-10 is an instrument of the registry, its
    form the one every questionnaire uses plus the admission threshold."""
    from coachdesk.core import instruments
    from coachdesk.ui.instrument_form import InstrumentForm, InstrumentGrid

    form = Pss10Form(vault, pid, lang="en", today=TODAY)
    qtbot.addWidget(form)
    assert isinstance(form, InstrumentForm) and isinstance(form.grid, InstrumentGrid)
    assert form.inst is instruments.get("pss10")
    assert form.windowTitle() == "New PSS-10"
