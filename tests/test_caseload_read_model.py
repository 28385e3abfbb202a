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
                key or interchange.search_key(name, ref),
                tuple(
                    schedule.due_from_done(
                        plan, status=status, start=start, today=today, done=done.get(pid, set())
                    )
                ),
            )
        )
    rows.sort(key=lambda r: r[2])  # by name; people of the same name in the order of their ids
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
