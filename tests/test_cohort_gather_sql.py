"""The cohort report's SQL gather gives exactly what the per-record Python gather gave.

``gather`` counts each person's sessions and group attendance marks in the database
with core/plausibility's rule in SQL. ``_python_gather`` below is the gather it replaced
(the rule applied in Python to every record), kept here as the reference: on random
vaults, with implausible, confirmed and unconfirmed records, NULLs and assessments on
the same day, both give the same people and so the same published statistics.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, NamedTuple

from coachdesk.core import course, instruments, plausibility, pss10, vocab
from coachdesk.reports import cohort, cohort_report
from coachdesk.store.models import Assessment, GroupAttendance, Participant, SessionLog

# --- the reference: the gather before the rule moved into SQL (verbatim in substance) -


class _Session(NamedTuple):
    date: dt.date
    status: str
    week: int | None
    confirmed: bool


class _Mark(NamedTuple):
    date: dt.date
    present: bool
    confirmed: bool


@dataclass(frozen=True)
class _Facts:
    referral: dt.date | None
    start: dt.date | None
    today: dt.date
    last_ordinary_day: dt.date | None


def _python_gather(
    session: Any, start: dt.date | None, end: dt.date | None, today: dt.date
) -> list[cohort.Person]:
    where, params = [], []
    if start is not None:
        where.append("p.course_start >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("p.course_start <= ?")
        params.append(end.isoformat())
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    join = " JOIN participant p ON p.id = t.participant_id"

    def rows(sql: str) -> Any:
        return session.connection().exec_driver_sql(sql, tuple(params)).fetchall()

    day = dt.date.fromisoformat
    people = rows(
        "SELECT p.id, p.status, p.outcome_status, p.course_start, p.referral_date "
        "FROM participant p" + cond + " ORDER BY p.id"  # the gather's order (by id)
    )
    assessments: dict[int, list[tuple[str, Any, Any]]] = defaultdict(list)
    pss_only = (cond + " AND" if cond else " WHERE") + " t.instrument = 'pss10'"
    for pid, kind, date, answers in rows(
        "SELECT t.participant_id, t.kind, t.date, t.answers FROM assessment t"
        + join
        + pss_only
        + " ORDER BY t.id"  # ties on a date: the first stored screening, the last final
    ):
        assessments[pid].append((kind, date, json.loads(answers)))
    others: dict[int, dict[str, list[tuple[str, str, float | None]]]] = defaultdict(dict)
    not_pss = (cond + " AND" if cond else " WHERE") + " t.instrument != 'pss10'"
    known = set(instruments.ids())
    for pid, iid, kind, date, answers in rows(
        "SELECT t.participant_id, t.instrument, t.kind, t.date, t.answers "
        "FROM assessment t" + join + not_pss + " ORDER BY t.date, t.id"
    ):
        if iid in known and kind in ("screening", "final"):
            value = instruments.get(iid).scored(json.loads(answers)).value
            others[pid].setdefault(iid, []).append((kind, date, value))
    sessions: dict[int, list[_Session]] = defaultdict(list)
    for pid, date, status, week, confirmed in rows(
        "SELECT t.participant_id, t.date, t.status, t.week, t.confirmed FROM session_log t"
        + join
        + cond
    ):
        sessions[pid].append(_Session(day(date), status, week, bool(confirmed)))
    marks: dict[int, list[_Mark]] = defaultdict(list)
    for pid, date, present, confirmed in rows(
        "SELECT t.participant_id, t.date, t.present, t.confirmed FROM group_attendance t"
        + join
        + cond
    ):
        marks[pid].append(_Mark(day(date), bool(present), bool(confirmed)))
    out = []
    for pid, status, outcome, cs_text, ref_text in people:
        cs = day(cs_text) if cs_text else None
        ref = day(ref_text) if ref_text else None
        mine = assessments.get(pid, [])
        before, after = pss10.before_after_totals(mine)
        c = plausibility.Course(ref, cs, today)
        facts = _Facts(c.referral, c.start, c.today, c.last_ordinary_day)
        st = Counter(
            r.status for r in plausibility.countable_sessions(facts, sessions.get(pid, []))
        )  # type: ignore[type-var]
        counted = plausibility.countable_marks(facts, marks.get(pid, []))  # type: ignore[type-var]
        out.append(
            cohort.Person(
                status=status,
                screened=any(a[0] == "screening" for a in mine) or status not in ("referred",),
                before=before,
                after=after,
                outcome=outcome,
                group_present=sum(1 for g in counted if g.present),
                group_recorded=len(counted),
                held=st["held"],
                cancelled=st["cancelled"],
                no_show=st["no_show"],
                month=(cs.year, cs.month) if cs else None,
                measures=tuple(_before_after(iid, got) for iid, got in others[pid].items())
                if pid in others
                else (),
            )
        )
    return out


def _before_after(
    iid: str, got: list[tuple[str, str, float | None]]
) -> tuple[str, float | None, float | None]:
    firsts = [v for k, _, v in got if k == "screening"]
    lasts = [v for k, _, v in got if k == "final"]
    return iid, (firsts[0] if firsts else None), (lasts[-1] if lasts else None)


# --- random vaults ----------------------------------------------------------------------

STATUSES = (
    "referred",
    "screened",
    "not_eligible",
    "admitted",
    "group_phase",
    "individual_phase",
    "completed",
    "dropped_out",
)
OUTCOMES = (None, *vocab.OUTCOME_STATUSES)
TODAY = dt.date.today()


def _day(rng: random.Random, around: dt.date | None) -> dt.date:
    base = around or TODAY - dt.timedelta(days=200)
    return base + dt.timedelta(days=rng.randint(-20, 130))


def _fill(s: Any, rng: random.Random, n: int) -> None:
    s.execute(GroupAttendance.__table__.delete())
    s.execute(SessionLog.__table__.delete())
    s.execute(Assessment.__table__.delete())
    s.execute(Participant.__table__.delete())
    for i in range(n):
        start = None if rng.random() < 0.15 else TODAY - dt.timedelta(days=rng.randint(-30, 400))
        referral = (
            None
            if rng.random() < 0.1
            else (start or TODAY) - dt.timedelta(days=rng.randint(-5, 40))
        )
        p = Participant(
            ref=f"R-{i}",
            name=f"Person {i}",
            status=rng.choice(STATUSES),
            course_start=start,
            referral_date=referral,
            outcome_status=rng.choice(OUTCOMES),
        )
        s.add(p)
        s.flush()
        for _ in range(rng.randint(0, 10)):
            d = _day(rng, start)
            week = rng.choice(
                [
                    None,
                    rng.randint(1, 14),
                    course.course_week(start, d) if start else None,
                    course.course_week(start, d) if start else None,
                ]
            )
            s.add(
                SessionLog(
                    participant_id=p.id,
                    date=d,
                    week=week,
                    status=rng.choice(("held", "held", "cancelled", "no_show", "planned")),
                    confirmed=rng.random() < 0.3,
                )
            )
        for d in {_day(rng, start) for _ in range(rng.randint(0, 6))}:
            s.add(
                GroupAttendance(
                    participant_id=p.id,
                    date=d,
                    present=rng.random() < 0.7,
                    confirmed=rng.random() < 0.3,
                )
            )
        same_day = _day(rng, start)
        for _ in range(rng.randint(0, 4)):
            answers = [
                rng.choice([0, 1, 2, 3, 4, 4, None if rng.random() < 0.1 else 2]) for _ in range(10)
            ]
            d = same_day if rng.random() < 0.4 else _day(rng, start)  # ties on the date
            s.add(
                Assessment(
                    participant_id=p.id,
                    date=d,
                    answers=answers,
                    kind=rng.choice(("screening", "final", "followup")),
                )
            )
        for _ in range(rng.randint(0, 2)):  # another questionnaire (5 answers 0-5)
            s.add(
                Assessment(
                    participant_id=p.id,
                    date=_day(rng, start),
                    instrument="who5",
                    answers=[rng.randint(0, 5) for _ in range(5)],
                    kind=rng.choice(("screening", "final")),
                )
            )
    s.flush()


def test_sql_gather_equals_the_python_gather_on_random_vaults(vault) -> None:
    rng = random.Random(20261201)
    periods = [
        (None, None),
        (dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        (None, TODAY.replace(day=1) - dt.timedelta(days=1)),
        (TODAY.replace(day=1) - dt.timedelta(days=120), None),
    ]
    compared = Counter[str]()
    with vault.session() as s:
        for _ in range(30):
            _fill(s, rng, rng.randint(5, 60))
            for start, end in periods:
                new = cohort_report.gather(s, start, end)
                old = _python_gather(s, start, end, TODAY)
                assert new == old  # the same people, fact by fact, in the same order
                params = pss10.Params()
                assert cohort.compute(new, params) == cohort.compute(old, params)
                compared["people"] += len(new)
                compared["held"] += sum(p.held for p in new)
                compared["marks"] += sum(p.group_recorded for p in new)
        s.rollback()
    # The random vaults exercised what they should (counted records, not only zeros).
    assert compared["people"] > 1000 and compared["held"] > 500 and compared["marks"] > 500


def test_an_unconfirmed_implausible_record_is_not_counted_a_confirmed_one_is(vault) -> None:
    start = dt.date(2026, 1, 12)
    with vault.session() as s:
        p = Participant(
            ref="R-1",
            name="Person",
            status="completed",
            course_start=start,
            referral_date=dt.date(2026, 1, 5),
        )
        s.add(p)
        s.flush()
        late = course.course_end(start) + dt.timedelta(days=plausibility.GRACE_DAYS + 1)
        s.add_all(
            [
                SessionLog(participant_id=p.id, date=dt.date(2026, 2, 10), week=5),
                SessionLog(participant_id=p.id, date=dt.date(2026, 2, 11), week=6),
                SessionLog(participant_id=p.id, date=late, week=None),
                SessionLog(
                    participant_id=p.id, date=late + dt.timedelta(days=1), week=None, confirmed=True
                ),
                GroupAttendance(participant_id=p.id, date=dt.date(2026, 1, 14), present=True),
                GroupAttendance(participant_id=p.id, date=dt.date(2026, 1, 8), present=True),
                GroupAttendance(
                    participant_id=p.id, date=dt.date(2026, 1, 9), present=False, confirmed=True
                ),
            ]
        )
        s.flush()
        (got,) = cohort_report.gather(s, None, None)
        # week 6 on a week-5 day: an error; after the grace: counted only confirmed
        assert (got.held, got.group_recorded, got.group_present) == (2, 2, 1)
        s.rollback()
