"""store/assessments.py on a real vault: the importer's rules, nothing saved on error, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from coachdesk.errors import BadInput
from coachdesk.store import assessments, audit, interchange, settings
from coachdesk.store.assessments import AssessmentRejected, delete_assessment, save_assessment
from coachdesk.store.models import Assessment, AuditEvent, Participant

TODAY = dt.date(2026, 5, 1)
HIGH = [3, 3, 4, 1, 1, 4, 2, 1, 3, 3]  # 31
LOW = [1, 1, 1, 3, 3, 1, 3, 3, 1, 1]  # 10


def make_participant(vault, referral=dt.date(2026, 1, 5)) -> int:
    with vault.session() as s:
        p = Participant(
            ref="P-001", name="Ida Jensen", search_key="ida jensen\x1fp-001", referral_date=referral
        )
        s.add(p)
        s.commit()
        return p.id


def count_assessments(vault) -> int:
    with vault.session() as s:
        return s.execute(select(func.count()).select_from(Assessment)).scalar_one()


def events(vault, action: str) -> list[AuditEvent]:
    with vault.session() as s:
        return list(
            s.execute(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
            ).scalars()
        )


def test_save_and_list(vault):
    pid = make_participant(vault)
    with vault.session() as s:
        save_assessment(s, pid, "screening", dt.date(2026, 1, 10), HIGH, today=TODAY)
        save_assessment(s, pid, "final", "2026-04-01", LOW, today=TODAY)
        s.commit()
    with vault.session() as s:
        rows = assessments.list_assessments(s, pid)
    assert [(r.kind, r.date, r.score.total) for r in rows] == [
        ("screening", dt.date(2026, 1, 10), 31),
        ("final", dt.date(2026, 4, 1), 10),
    ]
    assert rows[0].answers == tuple(HIGH)


def test_saved_is_audited_without_answers(vault):
    pid = make_participant(vault)
    with vault.session() as s:
        a = save_assessment(s, pid, "screening", dt.date(2026, 1, 10), HIGH, today=TODAY)
        uid = s.get(Participant, pid).uid
        s.commit()
        aid = a.id
    [ev] = events(vault, "assessment_saved")
    assert ev.subject == uid
    assert ev.detail == {
        "assessment": aid,
        "kind": "screening",
        "date": "2026-01-10",
        "answered": 10,
    }
    with vault.session() as s:
        assert audit.verify(s) == []


@pytest.mark.parametrize(
    ("kind", "day", "answers", "problem"),
    [
        ("screening", dt.date(2026, 5, 2), HIGH, "future"),
        ("screening", dt.date(2026, 1, 4), HIGH, "before_referral"),
        ("screening", dt.date(2026, 1, 10), [5, *HIGH[1:]], "answers"),
        ("screening", dt.date(2026, 1, 10), HIGH[:9], "answers"),
        ("screening", dt.date(2026, 1, 10), ["3", *HIGH[1:]], "answers"),
        ("intake", dt.date(2026, 1, 10), HIGH, "kind"),
        ("screening", "10-01-2026", HIGH, "date"),
        ("screening", "2026-02-30", HIGH, "date"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(vault, kind, day, answers, problem):
    pid = make_participant(vault)
    with vault.session() as s:
        with pytest.raises(AssessmentRejected) as exc:
            save_assessment(s, pid, kind, day, answers, today=TODAY)
        s.commit()  # even a commit after the error must not store anything
    assert exc.value.problems == [problem]
    assert isinstance(exc.value, BadInput) and exc.value.exit_code == 2
    assert str(exc.value).startswith("The questionnaire was not saved")
    assert count_assessments(vault) == 0
    assert events(vault, "assessment_saved") == []


def test_final_before_first_screening_is_refused(vault):
    pid = make_participant(vault)
    with vault.session() as s:
        save_assessment(s, pid, "screening", dt.date(2026, 2, 1), HIGH, today=TODAY)
        s.commit()
    with vault.session() as s, pytest.raises(AssessmentRejected) as exc:
        save_assessment(s, pid, "final", dt.date(2026, 1, 20), LOW, today=TODAY)
    assert exc.value.problems == ["final_before_screening"]
    assert "before the first screening" in str(exc.value)
    assert count_assessments(vault) == 1


def test_moving_the_screening_after_the_final_is_refused(vault):
    pid = make_participant(vault)
    with vault.session() as s:
        a = save_assessment(s, pid, "screening", dt.date(2026, 1, 10), HIGH, today=TODAY)
        save_assessment(s, pid, "final", dt.date(2026, 4, 1), LOW, today=TODAY)
        s.commit()
        aid = a.id
    with vault.session() as s, pytest.raises(AssessmentRejected) as exc:
        save_assessment(
            s, pid, "screening", dt.date(2026, 4, 20), HIGH, assessment_id=aid, today=TODAY
        )
    assert exc.value.problems == ["screening_after_final"]
    with vault.session() as s:
        assert s.get(Assessment, aid).date == dt.date(2026, 1, 10)


def test_the_store_applies_the_importers_rules(vault):
    """The same record is refused by the importer and by save_assessment."""
    bad = {
        "ref": "P-9",
        "name": "X",
        "referral_date": "2026-01-05",
        "assessments": [{"kind": "screening", "date": "2026-01-01", "answers": HIGH}],
    }
    errors = interchange.validate_document(
        {"format": interchange.FORMAT, "version": 1, "participants": [bad]}, TODAY
    )
    assert errors == [
        "participants[0].assessments[0].date: 2026-01-01 is before the referral date."
    ]
    pid = make_participant(vault)
    with vault.session() as s, pytest.raises(AssessmentRejected) as exc:
        save_assessment(s, pid, "screening", "2026-01-01", HIGH, today=TODAY)
    assert exc.value.errors == [
        "participant.assessments[0].date: 2026-01-01 is before the referral date."
    ]


def test_edit_keeps_the_audit_trail_and_names_changed_items(vault):
    pid = make_participant(vault)
    with vault.session() as s:
        a = save_assessment(s, pid, "screening", dt.date(2026, 1, 10), HIGH, today=TODAY)
        s.commit()
        aid = a.id
    edited = list(HIGH)
    edited[1] = 0
    edited[9] = None
    with vault.session() as s:
        save_assessment(
            s, pid, "screening", dt.date(2026, 1, 11), edited, assessment_id=aid, today=TODAY
        )
        s.commit()
    with vault.session() as s:
        a = s.get(Assessment, aid)
        assert a.answers == edited and a.date == dt.date(2026, 1, 11)
        assert s.execute(select(func.count()).select_from(Assessment)).scalar_one() == 1
        assert audit.verify(s) == []
        uid = s.get(Participant, pid).uid
        trail = [(e.action, e.detail) for e in audit.events_for(s, uid)]
    assert trail == [
        (
            "assessment_saved",
            {"assessment": aid, "kind": "screening", "date": "2026-01-10", "answered": 10},
        ),
        (
            "assessment_changed",
            {
                "assessment": aid,
                "kind": "screening",
                "date": "2026-01-11",
                "fields": ["date"],
                "items": [2, 10],
                "instrument": "pss10",
            },
        ),
    ]


def test_an_old_flaw_does_not_block_editing_another_assessment(vault):
    """An imported record may predate today's rules; only new errors are refused."""
    pid = make_participant(vault)
    with vault.session() as s:
        # Written directly, as an old import might have: before the referral date.
        p = s.get(Participant, pid)
        p.assessments.append(Assessment(kind="screening", date=dt.date(2026, 1, 1), answers=HIGH))
        s.commit()
    with vault.session() as s:
        save_assessment(s, pid, "final", dt.date(2026, 4, 1), LOW, today=TODAY)
        s.commit()
    assert count_assessments(vault) == 2


def test_delete_is_audited(vault):
    pid = make_participant(vault)
    with vault.session() as s:
        a = save_assessment(s, pid, "screening", dt.date(2026, 1, 10), HIGH, today=TODAY)
        s.commit()
        aid = a.id
    with vault.session() as s:
        delete_assessment(s, pid, aid)
        s.commit()
    assert count_assessments(vault) == 0
    [ev] = events(vault, "assessment_deleted")
    assert ev.detail == {
        "assessment": aid,
        "kind": "screening",
        "date": "2026-01-10",
        "instrument": "pss10",
    }
    with vault.session() as s, pytest.raises(BadInput):
        delete_assessment(s, pid, aid)


def test_unknown_participant_or_assessment(vault):
    pid = make_participant(vault)
    with vault.session() as s:
        with pytest.raises(BadInput):
            save_assessment(s, pid + 99, "screening", "2026-01-10", HIGH, today=TODAY)
        with pytest.raises(BadInput):
            save_assessment(
                s, pid, "screening", "2026-01-10", HIGH, assessment_id=12345, today=TODAY
            )


def test_chart_data_uses_the_vault_settings(vault):
    pid = make_participant(vault)
    with vault.session() as s:
        settings.put(s, "admission_threshold", 20)
        settings.put(s, "pss_sd", 4.0)
        save_assessment(s, pid, "screening", dt.date(2026, 1, 10), HIGH, today=TODAY)
        save_assessment(s, pid, "final", dt.date(2026, 4, 1), [2] * 10, today=TODAY)  # 20
        s.commit()
    with vault.session() as s:
        data = assessments.chart_data(s, pid)
    assert [r.value for r in data.reference_lines] == [20, 18]
    assert data.verdict.difference == -11 and data.verdict.sd == 4.0
    assert data.verdict.reliable_change == "improved"
    assert data.verdict.clinically_important is True
