"""The caseload's read model (issue 19 item 4) gives the rows it gave before.

load_caseload now reads the stored PSS-10 totals (assessment.score) and each person's
facts from covering indexes, and works out the course rules once per distinct
combination. The reference below is the implementation it replaced, verbatim in what
it computes: it reads every questionnaire's JSON answers and scores them with
core/pss10, and calls the rules for every person. Both run on the same random real
vaults (demo caseloads plus extra questionnaires with ties on dates, missing answers,
follow-ups and other instruments), on several days, with and without the archived;
every field of every row must be equal.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import defaultdict
from typing import Any

import pytest
from sqlalchemy import text

from coachdesk.core import course, instruments, pss10, schedule
from coachdesk.store import caseload, interchange, settings
from coachdesk.store.demo import demo_document

TODAY = dt.date(2026, 11, 27)


def reference(session, today: dt.date, include_archived: bool) -> list[tuple[Any, ...]]:
    """The caseload as the earlier load_caseload computed it (one tuple per row)."""
    cur = session.connection().connection.cursor()
    where = "" if include_archived else "WHERE NOT archived"
    people = cur.execute(
        "SELECT id, uid, name, ref, status, course_start, outcome_status, archived, "
        f"consent_withdrawn_on, search_key FROM participant {where} ORDER BY id"
    ).fetchall()
    by_person: dict[int, list[tuple[str, str, list[Any]]]] = defaultdict(list)
    for pid, kind, day, answers in cur.execute(
        "SELECT participant_id, kind, date, answers FROM assessment "
        "WHERE kind IN ('screening', 'final') AND instrument = 'pss10' ORDER BY id"
    ).fetchall():
        by_person[pid].append((kind, day, json.loads(answers)))
    starts = {row[0]: row[5] for row in people}
    done: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for pid, iid, kind, day in cur.execute(
        "SELECT participant_id, instrument, kind, date FROM assessment ORDER BY id"
    ).fetchall():
        if kind == "followup":
            s = starts.get(pid)
            kind = schedule.point_of(
                kind, dt.date.fromisoformat(day), dt.date.fromisoformat(s) if s else None
            )
        done[pid].add((iid, kind))
    plan = settings.instrument_schedule(session)
    held = {
        pid: (int(n or 0), dt.date.fromisoformat(last) if last else None)
        for pid, n, last in cur.execute(
            "SELECT participant_id, sum(status = 'held'), max(CASE WHEN status != 'planned' "
            "THEN date END) FROM session_log GROUP BY participant_id"
        ).fetchall()
    }
    cur.close()
    rows = []
    for pid, uid, name, ref, status, start_text, outcome, archived, withdrawn, key in people:
        start = dt.date.fromisoformat(start_text) if start_text else None
        mine = by_person.get(pid, [])
        before, after = pss10.before_after_totals(mine)
        n_held, last = held.get(pid, (0, None))
        due = course.due_items(
            status=status,
            start=start,
            today=today,
            has_screening=any(k == "screening" for k, _, _ in mine),
            has_final=any(k == "final" for k, _, _ in mine),
            sessions_held=n_held,
            has_outcome=outcome is not None,
        )
        rows.append(
            (
                pid,
                uid,
                name,
                ref,
                status,
                start,
                course.course_week(start, today),
                tuple(due),
                last,
                n_held,
                before,
                after,
                bool(archived),
                withdrawn is not None,
                key or caseload.search_key(name, ref),
                tuple(
                    schedule.due_from_done(
                        plan, status=status, start=start, today=today, done=done.get(pid, set())
                    )
                ),
            )
        )
    # The caseload's order: the search key (name, then ref, casefolded), then id.
    rows.sort(key=lambda r: r[14])
    return rows


def _extra_assessments(rng: random.Random, doc: dict[str, Any]) -> None:
    """Ties on dates, missing answers, follow-ups and the other instruments."""
    for p in doc["participants"]:
        start = p.get("course_start")
        if not start or rng.random() < 0.5:
            continue
        day0 = dt.date.fromisoformat(start)
        extra = []
        for _ in range(rng.randint(1, 4)):
            inst = rng.choice(instruments.BUILT_IN)
            kind = rng.choice(["screening", "final", "followup"])
            day = day0 + dt.timedelta(days=rng.choice([0, 0, 20, 83, 84, 90, 200]))
            if day > TODAY:
                day = TODAY
            answers = [
                None if rng.random() < 0.15 else rng.randint(inst.answer_min, inst.answer_max)
                for _ in range(inst.n_items)
            ]
            extra.append(
                {"kind": kind, "date": day.isoformat(), "instrument": inst.id, "answers": answers}
            )
        # A second PSS-10 on the same day as one already there (which one counts is
        # decided by the order they were stored in).
        for a in p.get("assessments") or []:
            if a.get("instrument", "pss10") == "pss10" and rng.random() < 0.6:
                answers = [rng.randint(0, 4) for _ in range(10)]
                extra.append({"kind": a["kind"], "date": a["date"], "answers": answers})
        p["assessments"] = [*(p.get("assessments") or []), *extra]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_read_model_gives_the_rows_it_gave_before(vault, seed):
    rng = random.Random(seed)
    doc = demo_document(120, seed=seed, today=TODAY)
    _extra_assessments(rng, doc)
    with vault.session() as s:
        try:
            interchange.import_document(s, doc, today=TODAY)
        except Exception:  # an extra questionnaire broke a file rule: import without them
            s.rollback()
            doc = demo_document(120, seed=seed, today=TODAY)
            interchange.import_document(s, doc, today=TODAY)
        # Every status, whatever the demo chose (the caseload reads, it does not judge).
        statuses = [
            "referred",
            "screened",
            "admitted",
            "not_eligible",
            "group_phase",
            "individual_phase",
            "completed",
            "dropped_out",
        ]
        for pid in range(1, 121, 3):
            s.execute(
                text("UPDATE participant SET status = :s WHERE id = :id"),
                {"s": rng.choice(statuses), "id": pid},
            )
        if seed % 2:
            s.execute(text("UPDATE participant SET archived = 1 WHERE id % 7 = 0"))
            settings.put_instrument_schedule(
                s, {"screening": ["pss10", "cbi"], "mid": ["who5"], "final": ["was"]}
            )
        s.commit()
    with vault.session() as s:
        n_extra = s.execute(
            text("SELECT count(*) FROM assessment WHERE kind = 'followup' OR instrument != 'pss10'")
        ).scalar_one()
    assert n_extra > 0 or seed == 0
    for today in (TODAY, TODAY - dt.timedelta(days=40), TODAY + dt.timedelta(days=100)):
        for archived in (False, True):
            with vault.session() as s:
                got = [
                    tuple(r)
                    for r in caseload.load_caseload(s, today, include_archived=archived).rows
                ]
                want = reference(s, today, archived)
            assert got == want


def test_nothing_is_due_for_ended_statuses():
    """load_caseload skips both rules for these statuses: they give nothing."""
    for status in caseload.NOTHING_DUE:
        for start in (None, TODAY - dt.timedelta(days=10), TODAY - dt.timedelta(days=300)):
            assert not course.due_items(
                status=status,
                start=start,
                today=TODAY,
                has_screening=False,
                has_final=False,
                sessions_held=0,
                has_outcome=False,
            )
            assert not schedule.due_from_done(
                schedule.DEFAULT, status=status, start=start, today=TODAY, done=set()
            )


# --- the per-person summary (caseload_summary, migration 0014) -----------------------
#
# The caseload reads one row per person that SQLite's triggers keep. The reference below
# computes each person's facts from the tables themselves (the PSS-10 totals scored from
# the stored answers by the instrument's own rule); after every way a vault is written
# the summary must equal it, and the caseload must still equal the old implementation.

SUMMARY_COLUMNS = (
    "participant_id, uid, name, ref, search_key, status, course_start, archived, has_outcome, "
    "consent_given, consent_withdrawn, pss_screened, pss_before, pss_final, pss_after, "
    "sessions_held, last_session, taken, followups"
)


def _total(answers: list[Any]) -> int | None:
    try:
        value = instruments.get("pss10").scored(answers).value
    except ValueError:
        return None
    return None if value is None else int(value)


def summary_reference(session) -> dict[int, tuple[Any, ...]]:
    cur = session.connection().connection.cursor()
    people = cur.execute(
        "SELECT id, uid, name, ref, search_key, status, course_start, archived, outcome_status, "
        "consent_given_on, consent_withdrawn_on FROM participant"
    ).fetchall()
    questionnaires: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for aid, pid, iid, kind, day, answers in cur.execute(
        "SELECT id, participant_id, instrument, kind, date, answers FROM assessment"
    ).fetchall():
        questionnaires[pid].append((day, aid, iid, kind, json.loads(answers)))
    talks: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for pid, status, day in cur.execute(
        "SELECT participant_id, status, date FROM session_log"
    ).fetchall():
        talks[pid].append((status, day))
    cur.close()
    out = {}
    for pid, uid, name, ref, key, status, start, archived, outcome, consent, withdrawn in people:
        mine = sorted(questionnaires[pid])  # by date, then id
        screenings = [a for a in mine if a[2] == "pss10" and a[3] == "screening"]
        finals = [a for a in mine if a[2] == "pss10" and a[3] == "final"]
        out[pid] = (
            uid,
            name,
            ref,
            key,
            status,
            start,
            bool(archived),
            outcome is not None,
            consent is not None,
            withdrawn is not None,
            bool(screenings),
            _total(screenings[0][4]) if screenings else None,
            bool(finals),
            _total(finals[-1][4]) if finals else None,
            sum(1 for st, _ in talks[pid] if st == "held"),
            max((d for st, d in talks[pid] if st != "planned"), default=None),
            {(a[2], a[3]) for a in mine if a[3] in ("screening", "final")},
            sorted(f"{a[2]}:{a[0]}" for a in mine if a[3] == "followup"),
        )
    return out


def summary_stored(session) -> dict[int, tuple[Any, ...]]:
    cur = session.connection().connection.cursor()
    rows = cur.execute(f"SELECT {SUMMARY_COLUMNS} FROM caseload_summary").fetchall()
    cur.close()
    return {
        r[0]: (
            *r[1:7],
            *(bool(x) for x in r[7:12]),
            r[12],
            bool(r[13]),
            *r[14:17],
            caseload.taken_pairs(r[17]),
            sorted(r[18].split(",")) if r[18] else [],
        )
        for r in rows
    }


def assert_summary_right(vault) -> int:
    """The summary equals the reference, and the caseload the old implementation's."""
    with vault.session() as s:
        want = summary_reference(s)
        assert summary_stored(s) == want
        for archived in (False, True):
            got = [
                tuple(r) for r in caseload.load_caseload(s, TODAY, include_archived=archived).rows
            ]
            assert got == reference(s, TODAY, archived)
    return len(want)


def _seed_vault(vault, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    doc = demo_document(30, seed=seed, today=TODAY)
    _extra_assessments(rng, doc)
    with vault.session() as s:
        try:
            interchange.import_document(s, doc, today=TODAY)
        except Exception:  # an extra questionnaire broke a file rule: import without them
            s.rollback()
            doc = demo_document(30, seed=seed, today=TODAY)
            interchange.import_document(s, doc, today=TODAY)
        s.commit()
    return doc


def _person_with(s, where: str) -> int:
    return s.execute(
        text(f"SELECT id FROM participant WHERE {where} ORDER BY id LIMIT 1")
    ).scalar_one()


@pytest.mark.parametrize("seed", [1, 2])
def test_the_summary_follows_every_write(vault, seed):
    """Creates, edits, deletes, undo, import and replace, archiving, erasure, raw SQL."""
    from coachdesk.store import assessments, corrections, participants, sessions
    from coachdesk.store.erasure import erase_participant

    doc = _seed_vault(vault, seed)
    assert assert_summary_right(vault) == 30

    # A new person through the form, then their own fields changed.
    with vault.session() as s:
        pid = participants.create_participant(
            s,
            {
                "ref": "NEW-1",
                "name": "Åse Ølund",
                "course_start": "2026-08-03",
                "status": "admitted",
            },
            today=TODAY,
        ).id
        s.commit()
    assert_summary_right(vault)
    with vault.session() as s:
        participants.update_participant(
            s,
            pid,
            {
                "name": "Åse Ølund-Berg",
                "status": "individual_phase",
            },
            today=TODAY,
        )
        s.commit()
        assert_summary_right(vault)
        for change in (  # one field at a time (each must reach the summary on its own)
            {"consent": {"given_on": "2026-08-03", "scope": ["course"]}},
            {
                "consent": {
                    "given_on": "2026-08-03",
                    "scope": ["course"],
                    "withdrawn_on": "2026-09-01",
                }
            },
            {"outcome": {"status": "work_partial", "hours_per_week": 20}},
            {"course_start": "2026-08-10"},
            {"ref": "NEW-2"},
        ):
            participants.update_participant(s, pid, change, today=TODAY)
            s.commit()
            assert_summary_right(vault)
    assert_summary_right(vault)

    # Questionnaires: added (a tie on the date), changed (score, date, kind), deleted, undone.
    with vault.session() as s:
        first = assessments.save_assessment(
            s, pid, "screening", "2026-08-03", [2] * 10, today=TODAY
        )
        tie = assessments.save_assessment(s, pid, "screening", "2026-08-03", [4] * 10, today=TODAY)
        fin = assessments.save_assessment(s, pid, "final", "2026-10-26", [1] * 10, today=TODAY)
        assessments.save_assessment(
            s, pid, "followup", "2026-11-20", [3, 3, 3, 3, 3], today=TODAY, instrument="who5"
        )
        s.commit()
    assert_summary_right(vault)
    with vault.session() as s:
        answers = [None, None] + [3] * 8  # two missing: no total
        assessments.save_assessment(
            s, pid, "screening", "2026-08-03", answers, assessment_id=first.id, today=TODAY
        )
        s.commit()
        assert_summary_right(vault)
        assessments.save_assessment(
            s, pid, "screening", "2026-08-02", [0] * 10, assessment_id=tie.id, today=TODAY
        )
        s.commit()
        assert_summary_right(vault)
        snap = corrections.delete_assessment(s, pid, fin.id)
        s.commit()
        assert_summary_right(vault)
        corrections.restore(s, snap)
        s.commit()
    assert_summary_right(vault)

    # Conversations: held, planned, changed, deleted, undone.
    with vault.session() as s:
        held = sessions.save_session(s, pid, {"date": "2026-09-01", "status": "held"}).id
        sessions.save_session(s, pid, {"date": "2026-09-08", "status": "held"})
        sessions.save_session(s, pid, {"date": "2026-10-20", "status": "planned"})
        s.commit()
        assert_summary_right(vault)
        for change in ({"date": "2026-09-01", "status": "no_show"}, {"date": "2026-09-15"}):
            sessions.save_session(s, pid, change, held)  # the status alone, then the date
            s.commit()
            assert_summary_right(vault)
        snap = corrections.delete_session(s, pid, held)
        s.commit()
        assert_summary_right(vault)
        corrections.restore(s, snap)
        s.commit()
    assert_summary_right(vault)

    # Archived and back; a questionnaire and a conversation moved to someone else, an
    # id changed, a person deleted with their rows (ON DELETE CASCADE), by raw SQL.
    with vault.session() as s:
        participants.set_archived(s, pid, True)
        s.commit()
        assert_summary_right(vault)
        participants.set_archived(s, pid, False)
        other = _person_with(s, f"id != {pid}")
        s.execute(text(f"UPDATE assessment SET participant_id = {other} WHERE id = {fin.id}"))
        s.execute(
            text(f"UPDATE session_log SET participant_id = {other} WHERE participant_id = {pid}")
        )
        s.commit()
        assert_summary_right(vault)
        # (The foreign keys checked at the commit, so the children can follow the id.)
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        s.execute(text(f"UPDATE participant SET id = 9999 WHERE id = {pid}"))
        for table in ("assessment", "session_log"):
            s.execute(
                text(f"UPDATE {table} SET participant_id = 9999 WHERE participant_id = {pid}")
            )
        s.commit()
        pid = 9999
        assert_summary_right(vault)
        s.execute(text(f"DELETE FROM participant WHERE id = {other}"))
        s.commit()
    assert_summary_right(vault)

    # The importer: new people, then replace (same refs, other questionnaires and talks).
    more = demo_document(12, seed=seed + 10, today=TODAY)
    for i, p in enumerate(more["participants"]):
        p["ref"] = f"MORE-{i}"
    with vault.session() as s:
        interchange.import_document(s, more, today=TODAY)
        s.commit()
    assert_summary_right(vault)
    changed = demo_document(12, seed=seed + 20, today=TODAY)
    for p, old in zip(changed["participants"], doc["participants"][:12], strict=True):
        p["ref"] = old["ref"]
    with vault.session() as s:
        interchange.import_document(s, changed, replace=True, today=TODAY)
        s.commit()
    assert_summary_right(vault)

    # Erasure (its own session, VACUUM after).
    with vault.session() as s:
        ref = s.execute(text(f"SELECT ref FROM participant WHERE id = {pid}")).scalar_one()
    erase_participant(vault, ref)
    with vault.session() as s:
        assert (
            s.execute(
                text(f"SELECT count(*) FROM caseload_summary WHERE participant_id = {pid}")
            ).scalar_one()
            == 0
        )
    assert assert_summary_right(vault) > 30


def test_the_migration_back_fills_the_summary(vault):
    """A vault from before 0014: the upgrade writes every person's row."""
    from alembic import command

    from coachdesk.store import migrate

    _seed_vault(vault, 3)
    cfg = migrate.alembic_config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0013")
    with vault.engine.connect() as c:
        assert (
            c.execute(
                text("SELECT count(*) FROM sqlite_master WHERE name = 'caseload_summary'")
            ).scalar_one()
            == 0
        )
    migrate.upgrade(vault.engine)
    assert assert_summary_right(vault) == 30


def test_nothing_but_the_triggers_writes_the_summary():
    """The one write path: no source file writes caseload_summary (the migration's
    triggers do)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "coachdesk"
    writes = re.compile(
        r"(INSERT(\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+caseload_summary\b"
        r"|(insert|update|delete)\(\s*caseload_summary",
        re.IGNORECASE,
    )
    offenders = [
        str(f.relative_to(root))
        for f in root.rglob("*.py")
        if "migrations" not in f.parts and writes.search(f.read_text("utf-8"))
    ]
    assert offenders == []
