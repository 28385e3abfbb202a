"""The GUI's store services on a real vault: caseload queries and audited writes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, select

from coachdesk.errors import BadInput
from coachdesk.store import audit, caseload, drafts, interchange, jobplans, participants, sessions
from coachdesk.store.demo import demo_document
from coachdesk.store.models import AuditEvent, JobPlanVersion, Participant, SessionLog

TODAY = dt.date(2026, 11, 27)


def _new(vault, **extra):
    with vault.session() as s:
        p = participants.create_participant(
            s,
            {
                "ref": "R-1",
                "name": "Ida Jensen",
                "course_start": "2026-10-01",
                "status": "individual_phase",
            }
            | extra,
            today=TODAY,
        )
        s.commit()
        return p.id


def test_caseload_in_constant_queries(vault):
    with vault.session() as s:
        interchange.import_document(s, demo_document(60, seed=3, today=TODAY), today=TODAY)
        s.commit()
    counts = []
    with vault.session() as s:
        n = [0]

        def count(*_a):
            n[0] += 1

        event.listen(s.get_bind(), "before_cursor_execute", count)
        cl = caseload.load_caseload(s, TODAY, include_archived=True)
        event.remove(s.get_bind(), "before_cursor_execute", count)
        counts.append(n[0])
    assert len(cl.rows) == 60
    assert counts[0] <= 5
    # Rows carry what core computes: the week and PSS totals agree with core/pss10.
    with vault.session() as s:
        people = {p.ref: p for p in interchange.load_participants(s)}
        for row in cl.rows:
            p = people[row.ref]
            assert row.week == (
                None if p.course_start is None else (TODAY - p.course_start).days // 7 + 1
            )
            assert row.search_key == (
                caseload.search_text(row.name) + "\x1f" + caseload.search_text(row.ref)
            )
            held = sum(1 for x in p.sessions if x.status == "held")
            assert row.sessions_held == held


def test_create_validates_with_record_rules(vault):
    with vault.session() as s, pytest.raises(BadInput) as exc:
        participants.create_participant(
            s, {"ref": "", "name": "X", "cpr": "320190-1234"}, today=TODAY
        )
    paths = {e.split(":")[0] for e in exc.value.errors}
    assert paths == {"ref", "cpr"}
    pid = _new(vault)
    with vault.session() as s, pytest.raises(BadInput) as exc:
        participants.create_participant(s, {"ref": "R-1", "name": "Other"}, today=TODAY)
    assert exc.value.errors == ["ref: This ref is already used by another participant."]
    with vault.session() as s:
        p = s.get(Participant, pid)
        assert p.search_key == "ida jensen\x1fr-1"
        ev = audit.events_for(s, p.uid)
        assert [e.action for e in ev] == ["participant_created"]
        assert "Ida" not in str(ev[0].detail)


def test_update_merges_and_audits_field_names(vault):
    pid = _new(vault)
    with vault.session() as s:
        participants.update_participant(
            s, pid, {"outcome": {"status": "work_partial", "hours_per_week": 20}}, today=TODAY
        )
        s.commit()
    with vault.session() as s:
        p = s.get(Participant, pid)
        assert p.outcome_status == "work_partial" and p.name == "Ida Jensen"
        last = audit.events_for(s, p.uid)[-1]
        assert last.action == "participant_changed" and last.detail == {"fields": ["outcome"]}
        assert audit.verify(s) == []


def test_session_then_goal_makes_new_job_plan_version(vault):
    pid = _new(vault)
    with vault.session() as s:
        with pytest.raises(BadInput):
            sessions.save_session(s, pid, {"date": "2026-11-20", "minutes": 5000})
        sessions.save_session(
            s,
            pid,
            {
                "date": "2026-11-20",
                "themes": ["clarity_goals"],
                "actions": ["Walk daily"],
                "status": "held",
            },
        )
        jobplans.save_job_plan(
            s,
            pid,
            {"direction": "Back to own job", "goals": [{"text": "Talk to manager"}]},
            today=TODAY,
        )
        jobplans.add_goal(s, pid, "Walk daily", today=TODAY)
        s.commit()
    with vault.session() as s:
        versions = s.execute(select(JobPlanVersion).order_by(JobPlanVersion.version)).scalars()
        versions = list(versions)
        assert [v.version for v in versions] == [1, 2]
        assert [g["text"] for g in versions[1].goals] == ["Talk to manager", "Walk daily"]
        assert versions[1].direction == "Back to own job"
        cl = caseload.load_caseload(s, TODAY)
        assert cl.rows[0].sessions_held == 1
        assert cl.rows[0].last_session == dt.date(2026, 11, 20)
        assert s.execute(select(SessionLog)).scalar().themes == ["clarity_goals"]


def test_today_appointments_and_archive(vault):
    pid = _new(vault)
    with vault.session() as s:
        sessions.save_session(
            s, pid, {"date": "2026-11-20", "next_appointment": f"{TODAY.isoformat()}T10:00"}
        )
        s.commit()
        cl = caseload.load_caseload(s, TODAY)
        assert [a.participant_id for a in cl.today_appointments] == [pid]
        participants.set_archived(s, pid, True)
        s.commit()
        assert caseload.load_caseload(s, TODAY).rows == []
        assert len(caseload.load_caseload(s, TODAY, include_archived=True).rows) == 1


def test_drafts_round_trip(vault):
    pid = _new(vault)
    with vault.session() as s:
        assert drafts.get_draft(s, "k") is None
        drafts.put_draft(s, "k", pid, {"notes": "a"})
        s.commit()
        drafts.put_draft(s, "k", pid, {"notes": "ab"})
        s.commit()
        assert drafts.get_draft(s, "k") == {"notes": "ab"}
        drafts.delete_draft(s, "k")
        s.commit()
        assert drafts.get_draft(s, "k") is None
        n = s.execute(select(AuditEvent).where(AuditEvent.action == "session_saved")).all()
        assert n == []


@pytest.mark.parametrize("include_archived", [False, True])
def test_caseload_rows_equal_the_orm_view(vault, include_archived):
    """load_caseload reads plain SQL for speed; every row must match what the ORM says."""
    from coachdesk.core import course, pss10

    with vault.session() as s:
        interchange.import_document(s, demo_document(80, seed=11, today=TODAY), today=TODAY)
        s.scalars(select(Participant).limit(1)).one().archived = True
        s.commit()
    with vault.session() as s:
        cl = caseload.load_caseload(s, TODAY, include_archived=include_archived)
        people = s.scalars(select(Participant)).all()
        expected = {}
        for p in people:
            if p.archived and not include_archived:
                continue
            held = [x for x in p.sessions if x.status == "held"]
            before, after = pss10.before_after([(a.kind, a.date, a.answers) for a in p.assessments])
            expected[p.id] = (
                p.uid,
                p.name,
                p.ref,
                p.status,
                p.course_start,
                course.course_week(p.course_start, TODAY),
                len(held),
                max((x.date for x in p.sessions), default=None),
                before.total if before else None,
                after.total if after else None,
                p.archived,
                p.consent_withdrawn_on is not None,
            )
        got = {
            r.id: (
                r.uid,
                r.name,
                r.ref,
                r.status,
                r.course_start,
                r.week,
                r.sessions_held,
                r.last_session,
                r.pss_before,
                r.pss_after,
                r.archived,
                r.consent_withdrawn,
            )
            for r in cl.rows
        }
    assert got == expected
    assert len(got) == 80 if include_archived else 79
    assert any(v[8] is not None and v[9] is not None for v in got.values())
    assert [r.name for r in cl.rows] == sorted(r.name for r in cl.rows)
