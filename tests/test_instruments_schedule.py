"""Per-course schedule of questionnaires and what is due (issue 16, item 3)."""

from __future__ import annotations

import datetime as dt

import pytest

from coachdesk.core import schedule
from coachdesk.core.schedule import DueMeasurement, due_measurements

START = dt.date(2026, 1, 12)  # a Monday: week 1


def due(today, taken=(), status="group_phase", sched=schedule.DEFAULT):
    return due_measurements(sched, status=status, start=START, today=today, taken=taken)


def test_default_schedule_is_the_issues():
    assert schedule.DEFAULT == {
        "screening": ("pss10", "who5"),
        "mid": ("who5",),
        "final": ("pss10", "who5"),
        "followup": (),
    }


def test_screening_is_due_at_once_and_overdue_after_week_1():
    assert due(START) == [
        DueMeasurement("pss10", "screening", False),
        DueMeasurement("who5", "screening", False),
    ]
    assert all(d.overdue for d in due(START + dt.timedelta(weeks=1)))


def test_week_4_who5_is_due_in_week_4_and_filled_by_a_followup_inside_the_course():
    taken = [("pss10", "screening", START), ("who5", "screening", START)]
    assert due(START + dt.timedelta(weeks=2), taken) == []
    assert due(START + dt.timedelta(weeks=3), taken) == [DueMeasurement("who5", "mid", False)]
    assert due(START + dt.timedelta(weeks=5), taken) == [DueMeasurement("who5", "mid", True)]
    taken.append(("who5", "followup", START + dt.timedelta(weeks=3, days=2)))
    assert due(START + dt.timedelta(weeks=5), taken) == []


def test_final_points_and_closed_courses():
    taken = [
        ("pss10", "screening", START),
        ("who5", "screening", START),
        ("who5", "followup", START + dt.timedelta(weeks=3)),
    ]
    week12 = START + dt.timedelta(weeks=11)
    assert due(week12, taken) == [
        DueMeasurement("pss10", "final", False),
        DueMeasurement("who5", "final", False),
    ]
    assert due(week12, taken, status="completed") == []
    # A follow-up dated after the course does not fill the mid-course point.
    late = [("who5", "followup", START + dt.timedelta(weeks=20))]
    assert DueMeasurement("who5", "mid", True) in due(week12, late)


def test_check_refuses_unknown_questionnaires_and_points():
    assert schedule.check({"screening": ["was"]})["screening"] == ("was",)
    with pytest.raises(ValueError, match="phq9 is not a known questionnaire"):
        schedule.check({"screening": ["phq9"]})
    with pytest.raises(ValueError, match="unknown point"):
        schedule.check({"week6": ["who5"]})


def test_caseload_and_today_strip_show_due_questionnaires(vault, qtbot):
    from coachdesk.store import caseload, interchange, settings
    from coachdesk.ui.caseload_view import CaseloadView

    today = START + dt.timedelta(weeks=3, days=1)  # week 4
    people = [
        {
            "ref": f"R-{i}",
            "name": f"Person {i}",
            "referral_date": "2026-01-05",
            "course_start": START.isoformat(),
            "status": "group_phase",
            "assessments": [
                {
                    "kind": "screening",
                    "date": START.isoformat(),
                    "instrument": iid,
                    "answers": answers,
                }
                for iid, answers in (("pss10", [2] * 10), ("who5", [3] * 5))
            ],
        }
        for i in range(2)
    ]
    people[1]["assessments"].append(
        {"kind": "followup", "date": today.isoformat(), "instrument": "who5", "answers": [3] * 5}
    )
    with vault.session() as s:
        interchange.import_document(
            s, {"format": interchange.FORMAT, "version": 2, "participants": people}, today=today
        )
        s.commit()
        rows = {r.ref: r for r in caseload.load_caseload(s, today).rows}
    assert rows["R-0"].measurements_due == (DueMeasurement("who5", "mid", False),)
    assert rows["R-1"].measurements_due == ()
    view = CaseloadView(vault, today=today)
    qtbot.addWidget(view)
    view.reload()
    assert "questionnaires due for 1 participant" in view.today_label.text()
    # The course's schedule is a vault setting: without the week-4 WHO-5 nothing is due.
    with vault.session() as s:
        settings.put_instrument_schedule(
            s, {"screening": ["pss10", "who5"], "final": ["pss10", "who5"]}
        )
        s.commit()
        rows = {r.ref: r for r in caseload.load_caseload(s, today).rows}
    assert rows["R-0"].measurements_due == ()


def test_settings_dialog_sets_the_course_schedule(vault, qtbot):
    from sqlalchemy import select

    from coachdesk.store import settings
    from coachdesk.store.models import AuditEvent
    from coachdesk.ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(vault)
    qtbot.addWidget(dlg)
    assert dlg.plan_boxes[("who5", "mid")].isChecked()
    assert not dlg.plan_boxes[("cbi", "screening")].isChecked()
    dlg.plan_boxes[("who5", "mid")].setChecked(False)
    dlg.plan_boxes[("cbi", "screening")].setChecked(True)
    assert dlg.scale_boxes["cbi.client"].isChecked()  # asked unless the course says not
    dlg.scale_boxes["cbi.client"].setChecked(False)
    dlg.save()
    with vault.session() as s:
        plan = settings.instrument_schedule(s)
        assert plan["screening"] == ("pss10", "who5", "cbi") and plan["mid"] == ()
        assert settings.omitted_scales(s) == {"cbi.client"}
        details = (
            s.execute(select(AuditEvent.detail).where(AuditEvent.action == "settings_changed"))
            .scalars()
            .all()
        )
        assert {"keys": ["instrument_schedule", "omitted_scales"]} in details


def test_participant_overview_lists_due_questionnaires(vault, qtbot):
    from coachdesk.store import interchange
    from coachdesk.ui.participant_page import ParticipantPage

    today = dt.date.today()
    start = today - dt.timedelta(weeks=4)  # week 5: the week-4 WHO-5 is overdue
    person = {
        "ref": "R-9",
        "name": "Person 9",
        "referral_date": start.isoformat(),
        "course_start": start.isoformat(),
        "status": "group_phase",
        "assessments": [
            {"kind": "screening", "date": start.isoformat(), "instrument": iid, "answers": answers}
            for iid, answers in (("pss10", [2] * 10), ("who5", [3] * 5))
        ],
    }
    with vault.session() as s:
        interchange.import_document(
            s, {"format": interchange.FORMAT, "version": 2, "participants": [person]}, today=today
        )
        s.commit()
        pid = interchange.load_participants(s, ["R-9"])[0].id
    page = ParticipantPage(vault, pid)
    qtbot.addWidget(page)
    assert "• WHO-5 (week 4) overdue" in page.due_label.text()
    assert "screening" not in page.due_label.text().lower()
    # A WHO-5 screening does not stand in for the PSS-10 one.
    with vault.session() as s:
        from coachdesk.store.assessments import delete_assessment, list_assessments

        delete_assessment(s, pid, list_assessments(s, pid)[0].id)
        s.commit()
    page.reload()
    assert "screening" in page.due_label.text().lower()
