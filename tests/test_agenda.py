"""The agenda (issue 14, items 4-6): planned sessions in the file, the week's items,
the roster's marks, the reminders, and `coachdesk agenda` (list and --ics)."""

from __future__ import annotations

import datetime as dt
import json
import os

import icalendar
import pytest
from sqlalchemy import select
from test_report_data import add, pdf_text, squash

from coachdesk.cli.main import main
from coachdesk.core import dates, plausibility
from coachdesk.core.pss10 import Params
from coachdesk.errors import BadInput
from coachdesk.store import agenda, caseload, interchange, participants, sessions
from coachdesk.store.atomic import WriteFailed
from coachdesk.store.models import AuditEvent, GroupAttendance, SessionLog

TODAY = dt.date.today()
START = dates.monday(TODAY) - dt.timedelta(weeks=5)  # the hold is in week 6


def person(ref: str, name: str, **extra):
    return {
        "ref": ref,
        "name": name,
        "referral_date": (START - dt.timedelta(days=10)).isoformat(),
        "course_start": START.isoformat(),
        "status": "individual_phase",
        "consent": {
            "given_on": START.isoformat(),
            "scope": ["course", "report_to_municipality"],
            "withdrawn_on": None,
        },
    } | extra


def planned(day: dt.date, start: str = "09:30", minutes: int = 45, mode: str = "video"):
    return {
        "date": day.isoformat(),
        "start": start,
        "minutes": minutes,
        "mode": mode,
        "status": "planned",
    }


@pytest.fixture
def people(vault):
    ids = add(
        vault,
        person("AG-1", "Anna Bente Hansen", sessions=[planned(TODAY + dt.timedelta(days=1))]),
        person("AG-2", "Bo Larsen"),
    )
    return ids


def test_planned_session_round_trips_through_the_file(vault, people) -> None:
    with vault.session() as s:
        p = participants.get_participant(s, people[0])
        d = interchange.participant_to_dict(p, today=TODAY, params=Params(), computed=False)
    assert d["sessions"] == [
        planned(TODAY + dt.timedelta(days=1))
        | {
            k: v
            for k, v in d["sessions"][0].items()
            if k not in ("date", "start", "minutes", "mode", "status")
        }
    ]
    assert d["sessions"][0]["status"] == "planned"


def test_a_planned_session_may_be_in_the_future_a_held_one_may_not() -> None:
    c = plausibility.Course(START - dt.timedelta(days=10), START, TODAY)
    tomorrow = TODAY + dt.timedelta(days=1)
    assert plausibility.check_session(c, tomorrow, "planned") == []
    assert [f.code for f in plausibility.check_session(c, tomorrow, "held")] == [
        plausibility.HELD_IN_FUTURE
    ]


def test_the_importer_refuses_a_future_held_session_but_takes_a_planned_one(vault) -> None:
    tomorrow = TODAY + dt.timedelta(days=1)
    add(vault, person("AG-3", "C", sessions=[planned(tomorrow)]))
    held = planned(tomorrow) | {"status": "held"}
    with pytest.raises(BadInput) as e:
        add(vault, person("AG-4", "D", sessions=[held]))
    assert any("cannot have been held yet" in x for x in e.value.errors)


def test_week_items_planned_sessions_and_group_sessions(vault, people) -> None:
    with vault.session() as s:
        agenda.add_group_session(s, START, TODAY + dt.timedelta(days=2), "13:00", 120)
        s.commit()
        got = agenda.items(s, TODAY, TODAY + dt.timedelta(days=6))
    kinds = [(i.kind, i.ref, i.date) for i in got]
    assert kinds == [
        ("session", "AG-1", TODAY + dt.timedelta(days=1)),
        ("group", "", TODAY + dt.timedelta(days=2)),
    ]
    assert got[1].group_size == 2


def test_group_session_outside_its_course_is_refused(vault) -> None:
    with vault.session() as s, pytest.raises(BadInput):
        agenda.add_group_session(s, START, START - dt.timedelta(days=1))


def test_roster_marks_present_absent_excused_and_the_report_counts(vault, people) -> None:
    from coachdesk.reports.content import ReportRequest, build_report

    d1, d2, d3 = (
        START + dt.timedelta(days=1),
        START + dt.timedelta(days=8),
        START + dt.timedelta(days=15),
    )
    with vault.session() as s:
        for d in (d1, d2, d3):
            agenda.add_group_session(s, START, d)
        sessions.set_attendance(s, people[0], d1, True)
        sessions.set_attendance(s, people[0], d2, False, excused=True)
        sessions.set_attendance(s, people[0], d3, False)
        s.commit()
        rows = agenda.roster(s, START)
        assert [r.ref for r in rows] == ["AG-1", "AG-2"]
        assert rows[0].marks == {d1: "present", d2: "excused", d3: "absent"}
        assert (rows[0].total("present"), rows[0].total("excused")) == (1, 1)
        a = build_report(s, people[0], ReportRequest(kind="final_report"), TODAY).attendance
        assert (a.group_present, a.group_recorded, a.group_excused) == (1, 3, 1)
        exported = interchange.participant_to_dict(
            participants.get_participant(s, people[0]), today=TODAY, params=Params(), computed=False
        )["group_attendance"]
    assert {"date": d2.isoformat(), "present": False, "excused": True} in exported
    # The caseworker's PDF: the roster's figures, the afbud among them.
    from coachdesk.reports.export import render_pdf

    with vault.session() as s:
        pdf = render_pdf(s, people[0], ReportRequest(kind="final_report", lang="da"), today=TODAY)
    assert "1 af 3 registrerede (1 med afbud)" in squash(pdf_text(pdf))


def test_excused_and_present_together_is_refused(vault) -> None:
    bad = person(
        "AG-5",
        "E",
        group_attendance=[
            {"date": (START + dt.timedelta(days=1)).isoformat(), "present": True, "excused": True}
        ],
    )
    with pytest.raises(BadInput) as e:
        add(vault, bad)
    assert any("excused absence cannot be present" in x for x in e.value.errors)


def test_planned_sessions_are_not_the_last_session_nor_in_the_report(vault, people) -> None:
    from coachdesk.reports.content import ReportRequest, build_report

    with vault.session() as s:
        row = next(r for r in caseload.load_caseload(s, TODAY).rows if r.id == people[0])
        assert row.last_session is None and row.sessions_held == 0
        rep = build_report(
            s,
            people[0],
            ReportRequest(kind="final_report", sections=("notes", "attendance")),
            TODAY,
        )
        assert rep.notes == ()


def test_reminders(vault) -> None:
    old = TODAY - dt.timedelta(weeks=12)  # week 13: the course has ended
    ids = add(
        vault,
        person(
            "R-1",
            "Final Due",
            course_start=(TODAY - dt.timedelta(weeks=11, days=1)).isoformat(),
            referral_date=(TODAY - dt.timedelta(weeks=13)).isoformat(),
            consent=None,
        ),
        person(
            "R-2",
            "Ended",
            course_start=old.isoformat(),
            referral_date=(old - dt.timedelta(days=7)).isoformat(),
            status="completed",
        ),
        person("R-3", "No Log", sessions=[planned(TODAY - dt.timedelta(days=1))]),
        person("R-4", "Group Still", status="group_phase"),
        person(
            "R-5",
            "Long Ago",
            course_start=(TODAY - dt.timedelta(weeks=30)).isoformat(),
            referral_date=(TODAY - dt.timedelta(weeks=31)).isoformat(),
            status="completed",
        ),
    )
    with vault.session() as s:
        got = {(r.key, r.ref) for r in agenda.reminders(s, TODAY)}
    assert ("final_pss", "R-1") in got and ("consent", "R-1") in got
    assert ("report_unsent", "R-2") in got
    assert ("no_log", "R-3") in got
    assert ("status", "R-4") in got
    assert ("final_pss", "R-3") not in got and ("consent", "R-3") not in got
    assert not any(ref == "R-5" for _, ref in got)  # ended long ago: no more reminders
    assert len(ids) == 5
    with vault.session() as s:
        keys = [r.key for r in agenda.reminders(s, TODAY)]
    assert keys == sorted(keys, key=agenda.REMINDER_ORDER.index)


def _cli(data_dir, pf, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "agenda", *args, "--passphrase-file", str(pf)])


def test_cli_agenda_list_and_ics(
    vault, people, data_dir, passphrase_file, tmp_path, capsys
) -> None:
    with vault.session() as s:
        agenda.add_group_session(s, START, TODAY + dt.timedelta(days=3), "13:00", 120)
        s.commit()
    vault.close()
    assert _cli(data_dir, passphrase_file) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == [
        (TODAY + dt.timedelta(days=1)).isoformat(),
        "09:30",
        "45",
        "session",
        "video",
        "AG-1",
    ]
    assert lines[1].split("\t")[3] == "group"
    out = tmp_path / "agenda.ics"
    assert _cli(data_dir, passphrase_file, "--ics", str(out)) == 0
    assert (os.stat(out).st_mode & 0o777) == 0o600
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    events = cal.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Samtale AG-1 (video)",
        "Gruppesession (2 deltagere)",
    ]
    assert events[0].decoded("DTSTART").hour == 9
    assert events[0].decoded("DURATION") == dt.timedelta(minutes=45)
    assert not list(tmp_path.glob(".agenda.ics.*.tmp"))
    # Outside the period: nothing; a bad date: exit 2 and no file.
    assert (
        _cli(
            data_dir,
            passphrase_file,
            "--ics",
            str(tmp_path / "none.ics"),
            "--from",
            (TODAY + dt.timedelta(days=30)).isoformat(),
        )
        == 0
    )
    assert not icalendar.Calendar.from_ical((tmp_path / "none.ics").read_bytes()).walk("VEVENT")
    assert (
        _cli(data_dir, passphrase_file, "--ics", str(tmp_path / "x.ics"), "--from", "2026-13-01")
        == 2
    )
    assert (
        _cli(
            data_dir,
            passphrase_file,
            "--ics",
            str(tmp_path / "x.ics"),
            "--from",
            "2026-05-02",
            "--to",
            "2026-05-01",
        )
        == 2
    )
    assert _cli(data_dir, passphrase_file, "--ics", str(tmp_path / "nodir" / "x.ics")) == 2
    assert not (tmp_path / "x.ics").exists()


def test_ics_export_is_audited_and_no_file_without_the_audit(vault, people, tmp_path) -> None:
    from coachdesk.store import calendar_export

    out = tmp_path / "a.ics"
    with vault.session() as s:
        calendar_export.export_ics(s, out)
        events = s.query(AuditEvent).filter_by(action="calendar_export").all()
        ev = next(e for e in events if e.subject is None)
        mine = [e for e in events if e.subject is not None]
        uid = participants.get_participant(s, people[0]).uid
    assert ev.detail["events"] == 1 and "AG-1" not in json.dumps(ev.detail)
    # In the person's own log too (their own copy lists it).
    assert [(e.subject, e.detail["events"]) for e in mine] == [(uid, 1)]

    def failing_commit() -> None:
        raise OSError(28, "No space left on device")

    out2 = tmp_path / "b.ics"
    with vault.session() as s, pytest.raises(WriteFailed):
        calendar_export.export_ics(s, out2, commit=failing_commit)
    assert not out2.exists() and not list(tmp_path.glob(".b.ics.*"))


def test_calendar_label_initials(vault, people, tmp_path) -> None:
    from coachdesk.store import calendar_export, settings

    with vault.session() as s:
        settings.put(s, "calendar_label", "initials")
        s.commit()
        calendar_export.export_ics(s, tmp_path / "i.ics")
    text = (tmp_path / "i.ics").read_text("utf-8")
    assert "Samtale ABH (video)" in text and "AG-1" not in text


def test_migration_allows_planned_and_refuses_other_statuses(vault, people) -> None:
    from sqlalchemy.exc import IntegrityError

    with vault.session() as s:
        row = s.query(SessionLog).first()
        row.status = "bogus"
        with pytest.raises(IntegrityError):
            s.flush()
    with vault.session() as s:
        assert s.query(GroupAttendance).count() == 0


def test_plan_next_adds_moves_and_leaves_alone(vault, people) -> None:
    at = dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(9, 30))
    later = at + dt.timedelta(days=7)
    after_course = dt.datetime.combine(START + dt.timedelta(weeks=20), dt.time(9, 0))
    with vault.session() as s:
        # AG-1 already has a planned session tomorrow: nothing added.
        assert agenda.plan_next(s, people[0], None, at) == "exists"
        assert agenda.plan_next(s, people[1], None, at, minutes=45, mode="phone") == "added"
        assert agenda.plan_next(s, people[1], at, later) == "moved"
        assert agenda.plan_next(s, people[1], later, later) == "none"
        assert agenda.plan_next(s, people[1], None, after_course) == "implausible"
        s.commit()
        rows = [
            (r.date, r.start, r.minutes, r.mode, r.week)
            for r in s.scalars(select(SessionLog).where(SessionLog.participant_id == people[1]))
        ]
    from coachdesk.core import course as course_mod

    assert rows == [
        (later.date(), "09:30", 45, "phone", course_mod.course_week(START, later.date()))
    ]


def _reminders_before(s, today: dt.date) -> list[agenda.Reminder]:
    """agenda.reminders as it was before caseload_summary (migration 0014): the people
    from the participant rows, the finals from the assessment table. The reference for
    the test below."""
    from sqlalchemy import and_, or_

    from coachdesk.core import course
    from coachdesk.store.models import Assessment, Disclosure, Participant

    people = s.execute(
        select(
            Participant.id,
            Participant.ref,
            Participant.name,
            Participant.status,
            Participant.course_start,
            Participant.consent_given_on,
            Participant.consent_withdrawn_on,
            Participant.outcome_status,
        )
        .where(
            Participant.archived.is_(False),
            or_(
                Participant.status.in_(agenda.ACTIVE),
                and_(
                    Participant.status == "completed",
                    Participant.course_start
                    >= today
                    - dt.timedelta(weeks=course.COURSE_WEEKS + agenda.REPORT_REMINDER_WEEKS),
                ),
            ),
        )
        .order_by(Participant.name, Participant.id)
    ).all()
    finals = set(
        s.scalars(select(Assessment.participant_id).where(Assessment.kind == "final").distinct())
    )
    reported = set(
        s.scalars(
            select(Disclosure.participant_id).where(Disclosure.kind == "final_report").distinct()
        )
    )
    out: list[agenda.Reminder] = []
    for pid, ref, name, status, start, consent, withdrawn, outcome in people:
        week = course.course_week(start, today)
        if week is None:
            continue
        active = status in agenda.ACTIVE
        if active and week >= course.COURSE_WEEKS and pid not in finals:
            out.append(agenda.Reminder("final_pss", pid, ref, name))
        if active and week >= course.COURSE_WEEKS - 1 and (consent is None or withdrawn):
            out.append(agenda.Reminder("consent", pid, ref, name))
        if (
            course.COURSE_WEEKS < week <= course.COURSE_WEEKS + agenda.REPORT_REMINDER_WEEKS
            and pid not in reported
        ):
            out.append(agenda.Reminder("report_unsent", pid, ref, name))
        suggested = course.suggested_status(
            status=status,
            start=start,
            today=today,
            has_final=pid in finals,
            has_outcome=outcome is not None,
        )
        if suggested:
            out.append(agenda.Reminder("status", pid, ref, name, status=suggested))
    for pid, ref, name, day in s.execute(
        select(SessionLog.participant_id, Participant.ref, Participant.name, SessionLog.date)
        .join(Participant, Participant.id == SessionLog.participant_id)
        .where(
            SessionLog.status == "planned", SessionLog.date < today, Participant.archived.is_(False)
        )
        .order_by(SessionLog.date)
    ).all():
        out.append(agenda.Reminder("no_log", pid, ref, name, day=day))
    out.sort(key=lambda r: agenda.REMINDER_ORDER.index(r.key))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reminders_from_the_summary_are_the_reminders_from_the_rows(vault, seed) -> None:
    """The reminders read their people from caseload_summary: the same reminders, in the
    same order, as from the participant rows, on random vaults (every status, consent
    given, missing and withdrawn, outcomes, finals of every instrument, final reports
    disclosed, the archived, people of the same name) and on several days."""
    import random

    from sqlalchemy import text

    from coachdesk.store.demo import demo_document
    from coachdesk.store.models import Assessment, Disclosure

    rng = random.Random(seed)
    day0 = dt.date(2026, 11, 27)
    doc = demo_document(150, seed=seed, today=day0)
    for i, p in enumerate(doc["participants"]):
        if i % 9 == 0:
            p["name"] = "Same Name"
    with vault.session() as s:
        interchange.import_document(s, doc, today=day0)
        statuses = ["referred", "screened", "admitted", "group_phase", "individual_phase"]
        statuses += ["completed", "dropped_out", "not_eligible"]
        for pid in range(1, 151):
            r = rng.random()
            if r < 0.3:
                s.execute(
                    text("UPDATE participant SET status = :s WHERE id = :id"),
                    {"s": rng.choice(statuses), "id": pid},
                )
            elif r < 0.4:
                s.execute(text(f"UPDATE participant SET consent_given_on = NULL WHERE id = {pid}"))
            elif r < 0.5:
                s.execute(
                    text(
                        f"UPDATE participant SET consent_withdrawn_on = '2026-10-01' WHERE id = {pid}"
                    )
                )
            elif r < 0.55:
                s.execute(text(f"UPDATE participant SET archived = 1 WHERE id = {pid}"))
            elif r < 0.65:
                s.add(
                    Disclosure(
                        participant_id=pid, kind="final_report", sections=[], sha256="0" * 64
                    )
                )
            elif r < 0.7:
                s.add(
                    Assessment(
                        participant_id=pid,
                        kind="final",
                        date=dt.date(2026, 11, 1),
                        instrument="who5",
                        answers=[1, 2, 3, 4, 5],
                    )
                )
        s.commit()
    for today in (day0, day0 - dt.timedelta(days=60), day0 + dt.timedelta(days=45)):
        with vault.session() as s:
            got = agenda.reminders(s, today)
            assert got == _reminders_before(s, today)
            assert {r.key for r in got} >= {"report_unsent", "status"} or today != day0
