"""core/plausibility: the rules, and each rule through the importer and the reports."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from test_report_data import add, person

from coachdesk.core import course, plausibility
from coachdesk.core.plausibility import Course
from coachdesk.errors import BadInput
from coachdesk.reports.content import ReportRequest, build_report
from coachdesk.store import interchange, participants, sessions
from coachdesk.store.models import GroupAttendance, SessionLog

REFERRAL = dt.date(2026, 1, 5)
START = dt.date(2026, 1, 12)  # person()'s course: weeks 1-12 end 2026-04-05
TODAY = dt.date(2026, 5, 1)
C = Course(REFERRAL, START, TODAY)


def codes(findings):
    return [f.code for f in findings]


# --- the rules ------------------------------------------------------------------------


def test_a_held_session_in_the_future_is_an_error_a_cancelled_one_is_not():
    future = TODAY + dt.timedelta(days=1)
    assert plausibility.HELD_IN_FUTURE in codes(plausibility.check_session(C, future, "held"))
    assert plausibility.HELD_IN_FUTURE in codes(plausibility.check_session(C, future, "no_show"))
    assert plausibility.HELD_IN_FUTURE not in codes(
        plausibility.check_session(C, future, "cancelled")
    )


def test_before_referral_is_an_error_before_start_a_warning():
    f = plausibility.check_session(C, dt.date(2026, 1, 2), "held")
    assert codes(f) == [plausibility.BEFORE_REFERRAL] and f[0].is_error
    f = plausibility.check_attendance(C, dt.date(2026, 1, 8))
    assert codes(f) == [plausibility.BEFORE_START] and not f[0].is_error


def test_after_the_course_plus_grace_is_a_warning():
    end = course.course_end(START)
    last = end + dt.timedelta(days=plausibility.GRACE_DAYS)
    assert plausibility.check_session(C, last, "held") == []
    f = plausibility.check_session(C, last + dt.timedelta(days=1), "held")
    assert codes(f) == [plausibility.AFTER_COURSE] and not f[0].is_error


def test_a_week_the_date_is_not_in_is_an_error():
    day = dt.date(2026, 2, 10)  # week 5
    assert plausibility.check_session(C, day, "held", 5) == []
    f = plausibility.check_session(C, day, "held", 14)
    assert codes(f) == [plausibility.WEEK_MISMATCH] and f[0].expected_week == 5


def test_an_assessment_before_referral_is_an_error():
    assert codes(plausibility.check_assessment(C, dt.date(2026, 1, 4))) == [
        plausibility.BEFORE_REFERRAL
    ]
    assert plausibility.check_assessment(C, REFERRAL) == []


@given(
    st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31)),
    st.sampled_from(["held", "cancelled", "no_show"]),
    st.booleans(),
)
def test_counts_never_takes_an_error_and_takes_a_warning_only_when_confirmed(
    day, status, confirmed
):
    f = plausibility.check_session(C, day, status, course.course_week(START, day))
    ok = plausibility.counts(f, confirmed)
    if plausibility.errors(f):
        assert not ok
    elif plausibility.warnings(f):
        assert ok == confirmed
    else:
        assert ok


# --- through the importer -------------------------------------------------------------


@pytest.mark.parametrize(
    "over,path",
    [
        ({"sessions": [{"date": "2026-05-02", "status": "held"}]}, "sessions[0].date"),
        ({"sessions": [{"date": "2026-01-02", "status": "cancelled"}]}, "sessions[0].date"),
        ({"sessions": [{"date": "2026-02-10", "status": "held", "week": 14}]}, "sessions[0].week"),
        (
            {"group_attendance": [{"date": "2026-12-24", "present": True}]},
            "group_attendance[0].date",
        ),
        (
            {"assessments": [{"kind": "screening", "date": "2026-01-02", "answers": [2] * 10}]},
            "assessments[0].date",
        ),
    ],
)
def test_the_importer_refuses_what_cannot_be_true(vault, over, path):
    doc = interchange.document([person(**over)])
    with vault.session() as s, pytest.raises(BadInput) as e:
        interchange.import_document(s, doc, today=TODAY)
    assert any(err.startswith(f"participants[0].{path}:") for err in e.value.errors), e.value.errors
    with vault.session() as s:
        assert s.execute(select(SessionLog)).first() is None


def test_the_importer_takes_a_warning_unconfirmed(vault):
    late = {"date": "2026-06-01", "status": "held"}  # after the course + grace: possible
    add(
        vault,
        person(
            sessions=[late],
            group_attendance=[
                {"date": "2026-01-14", "present": True},
                {"date": "2026-04-30", "present": True},
            ],
        ),
    )
    with vault.session() as s:
        assert [r.confirmed for r in s.execute(select(SessionLog)).scalars()] == [False]
        assert {r.confirmed for r in s.execute(select(GroupAttendance)).scalars()} == {False}


# --- through the report ---------------------------------------------------------------


def _report(vault, pid, today=TODAY):
    with vault.session() as s:
        return build_report(
            s, pid, ReportRequest(sections=("course", "attendance", "notes")), today=today
        )


def test_the_report_counts_only_what_the_coach_confirmed(vault):
    """The issue: the report said "4 af 5 registrerede" where the coach had 3 of 4."""
    marks = [
        {"date": "2026-01-14", "present": True},
        {"date": "2026-01-16", "present": True},
        {"date": "2026-01-21", "present": True},
        {"date": "2026-01-28", "present": False},
        # after the course (+14 days): possible, not yet confirmed
        {"date": "2026-04-24", "present": True},
    ]
    late = {"date": "2026-04-29", "status": "held", "themes": ["digital_tools"], "notes": "sent"}
    (pid,) = add(vault, person(group_attendance=marks, sessions=[*person()["sessions"], late]))
    c = _report(vault, pid)
    assert (c.attendance.group_present, c.attendance.group_recorded) == (3, 4)
    assert c.attendance.held == 1
    assert all(n.date != dt.date(2026, 4, 29) for n in c.notes)
    assert "digital_tools" not in dict(c.course.themes)
    # The coach confirms both (as the form does, with confirmed=True): now they count.
    with vault.session() as s:
        sessions.set_attendance(s, pid, dt.date(2026, 4, 24), True, confirmed=True, today=TODAY)
        row = s.execute(
            select(SessionLog).where(SessionLog.date == dt.date(2026, 4, 29))
        ).scalar_one()
        sessions.save_session(
            s, pid, interchange.session_to_dict(row), row.id, confirmed=True, today=TODAY
        )
        s.commit()
    c = _report(vault, pid)
    assert (c.attendance.group_present, c.attendance.group_recorded) == (4, 5)
    assert c.attendance.held == 2 and "digital_tools" in dict(c.course.themes)


def test_a_stored_impossible_record_is_not_counted(vault):
    """A held session dated ahead (stored before these rules) never counts."""
    (pid,) = add(vault, person())
    with vault.session() as s:
        s.add(
            SessionLog(
                participant_id=pid, date=dt.date(2026, 12, 24), status="held", confirmed=True
            )
        )
        s.commit()
    c = _report(vault, pid)
    assert c.attendance.held == 1


def test_the_course_start_moves_the_session_weeks(vault):
    (pid,) = add(vault, person())
    with vault.session() as s:
        participants.update_participant(s, pid, {"course_start": "2026-01-19"})
        s.commit()
        weeks = [r.week for r in s.execute(select(SessionLog).order_by(SessionLog.date)).scalars()]
    assert weeks == [4, 5]


def test_forms_refuse_and_confirm_through_the_store(vault):
    (pid,) = add(vault, person())
    with vault.session() as s:
        with pytest.raises(sessions.Implausible) as e:
            sessions.save_session(s, pid, {"date": "2026-05-02", "status": "held"}, today=TODAY)
        assert not e.value.needs_confirmation
        with pytest.raises(sessions.Implausible) as e:
            sessions.set_attendance(s, pid, dt.date(2026, 5, 1), True, today=TODAY)
        assert e.value.needs_confirmation  # after the course: possible
        sessions.set_attendance(s, pid, dt.date(2026, 5, 1), True, confirmed=True, today=TODAY)
        with pytest.raises(sessions.Implausible):
            sessions.set_attendance(
                s, pid, dt.date(2026, 5, 2), True, confirmed=True, today=TODAY
            )  # the future: no confirmation helps
