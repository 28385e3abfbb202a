"""Synthetic caseloads: realistic, reproducible, and nobody real.

``demo_document`` returns a participant file (format.md), so demo data enters the
vault through the importer like any other data. Names are common Danish names drawn
at random; CPR numbers are random (valid dates, serial 9000-9999) and e-mail
addresses use example.org.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from coachdesk.core import course, vocab

FIRST = (
    "Ida",
    "Mette",
    "Anne",
    "Camilla",
    "Louise",
    "Sofie",
    "Maria",
    "Hanne",
    "Lene",
    "Susanne",
    "Pia",
    "Karina",
    "Line",
    "Julie",
    "Emma",
    "Nanna",
    "Tina",
    "Rikke",
    "Lars",
    "Jens",
    "Peter",
    "Michael",
    "Søren",
    "Henrik",
    "Thomas",
    "Martin",
    "Anders",
    "Jesper",
    "Rasmus",
    "Mads",
    "Kasper",
    "Niels",
    "Bo",
    "Ole",
    "Jørgen",
    "Birgitte",
    "Marianne",
    "Dorthe",
    "Gitte",
    "Åse",
    "Mikkel",
    "Frederik",
)
LAST = (
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Holm",
    "Østergaard",
    "Bæk",
    "Lund",
    "Friis",
    "Dahl",
    "Kjær",
)
MUNICIPALITIES = (
    "Gentofte Kommune",
    "Gladsaxe Kommune",
    "Lyngby-Taarbæk Kommune",
    "Rudersdal Kommune",
    "Furesø Kommune",
    "Københavns Kommune",
)
CASEWORKERS = ("Karen Holm", "Bente Juul", "Mikkel Lauridsen", "Signe Kragh", "Jonas Bech")
NOTES = (
    "Vi talte om, hvordan søvnen stadig er urolig, og aftalte en fast sengetid.",
    "Deltageren fortæller om mere overskud om formiddagen; eftermiddagene er svære.",
    "Gennemgik grænsesætning i forhold til lederen. Øvede et 'nej' i rollespil.",
    "Fokus på tankemylder; introducerede udsat bekymringstid som metakognitiv teknik.",
    "Drøftede værdier: faglig stolthed og ro. Kobler det til ønsket om færre opgaver.",
    "Kort samtale pr. telefon; deltageren var træt men havde gået sine ture.",
    "Planlagde første møde med arbejdspladsen om delvis raskmelding.",
    "Åndedrætsøvelse 4-7-8 afprøvet; deltageren vil bruge den før møder.",
)
QUOTES = (
    "Jeg kan mærke, når jeg skal stoppe nu.",
    "Det er første gang, jeg har sagt fra.",
    "Jeg har fået min søvn tilbage, næsten.",
    "Nok er nok – det har jeg lært.",
)
ACTIONS = (
    "Gå en tur hver dag kl. 12",
    "Aftale møde med leder om opgaver",
    "Skrive bekymringer ned kl. 17",
    "Afprøve 3 timer på arbejdspladsen",
    "Bruge Jobuniverset til refleksion",
    "Sige nej til ekstra vagter",
)
DIRECTIONS = (
    "Tilbage til eget job i et mere roligt tempo",
    "Et job med færre skift og mere fast struktur",
    "Omskoling mod en administrativ funktion",
    "Eget job med nye opgaver",
)
ACCOMMODATIONS = (
    ("hours", "Starter på 10 timer om ugen, fordelt på 4 dage"),
    ("tasks", "Ingen telefonvagt de første 8 uger"),
    ("environment", "Arbejdsplads i et stille rum uden åbent kontor"),
    ("breaks", "Mulighed for 10 minutters pause hver anden time"),
    ("flexibility", "Fleksibelt mødetidspunkt mellem kl. 8 og 10"),
    ("remote", "Hjemmearbejde en dag om ugen"),
    ("social", "Ingen personaleansvar i opstartsperioden"),
)


def _cpr(rng: random.Random, born: dt.date) -> str:
    return f"{born:%d%m%y}-{rng.randint(9000, 9999)}"


def _answers(rng: random.Random, target: float) -> list[int | None]:
    """Ten answers whose total lies near ``target`` (0-40)."""
    per_item = target / 10
    out: list[int | None] = []
    for i in range(1, 11):
        score = max(0, min(4, round(rng.gauss(per_item, 0.8))))
        out.append(4 - score if i in (4, 5, 7, 8) else score)
    if rng.random() < 0.04:
        out[rng.randrange(10)] = None  # now and then an unanswered item
    return out


def _status_for(week: int | None, eligible: bool, rng: random.Random) -> str:
    if week is None:
        return rng.choice(("referred", "screened"))
    if not eligible:
        return "not_eligible"
    phase = course.expected_phase(week)
    if phase == "screening":
        return "admitted"
    if phase in ("group_phase", "individual_phase"):
        return phase
    return "completed"


HOLD_EPOCH = dt.date(2024, 1, 1)  # a Monday
HOLD_EVERY_WEEKS = 4


def demo_participant(rng: random.Random, i: int, today: dt.date) -> dict[str, Any]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    born = dt.date(rng.randint(1965, 2001), rng.randint(1, 12), rng.randint(1, 28))
    start = today + dt.timedelta(weeks=rng.randint(-60, 2), days=-rng.randint(0, 6))
    # Courses run in holds: a new hold starts on a Monday every fourth week, so the
    # group roster and the agenda's group sessions have several people (no extra draw:
    # the seeded stream stays as it was).
    start -= dt.timedelta(days=start.weekday())
    start -= dt.timedelta(weeks=((start - HOLD_EPOCH).days // 7) % HOLD_EVERY_WEEKS)
    # Never referred after today: a future referral would precede today's screening
    # (an import error that struck about 1 in 700 people, so only large demo caseloads).
    referral = min(today, start - dt.timedelta(days=rng.randint(7, 30)))
    week = course.course_week(start, today)
    screen_total = rng.gauss(24, 5)
    screening = _answers(rng, screen_total)
    from coachdesk.core import pss10

    total = pss10.score(screening).total
    eligible = total is not None and total >= pss10.DEFAULT_THRESHOLD
    status = _status_for(week, eligible, rng)
    dropped = status in ("group_phase", "individual_phase", "completed") and rng.random() < 0.08
    municipality = rng.choice(MUNICIPALITIES)
    p: dict[str, Any] = {
        "ref": f"DEMO-{start.year}-{i:05d}",
        "name": f"{first} {last}",
        "cpr": _cpr(rng, born),
        "birth_year": born.year,
        "email": f"{first.lower()}.{last.lower()}@example.org".replace("ø", "oe")
        .replace("æ", "ae")
        .replace("å", "aa"),
        "phone": f"+45 {rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        "caseworker": {
            "name": rng.choice(CASEWORKERS),
            "municipality": municipality,
            "email": "jobcenter@example.org",
            "case_ref": f"JC-{rng.randint(100000, 999999)}",
        },
        "referral_date": referral.isoformat(),
        "course_start": start.isoformat(),
        "status": status,
        "consent": {
            "given_on": start.isoformat(),
            "scope": ["course", "report_to_municipality"],
            "withdrawn_on": None,
        },
    }
    if week is None:
        if status == "referred":
            p.pop("consent")
            return p
        p["course_start"] = None
    screen_day = min(start, today)
    p["assessments"] = [{"kind": "screening", "date": screen_day.isoformat(), "answers": screening}]
    if status == "not_eligible" or week is None:
        return p
    # Attendance: two group sessions a week in weeks 1-4.
    att = []
    for w in range(1, min(week, 4) + 1):
        for day in (1, 3):
            d = course.week_start(start, w) + dt.timedelta(days=day)
            if d <= today:
                att.append({"date": d.isoformat(), "present": rng.random() < 0.85})
    p["group_attendance"] = att
    sessions = []
    for n in range(min(8, max(0, week - 4))):
        d = course.week_start(start, 5 + n) + dt.timedelta(days=rng.randint(0, 4))
        if d > today:
            # The next conversation is in the agenda (no draw: the seeded stream of the
            # rest of the caseload stays as it was).
            if not dropped and d <= today + dt.timedelta(days=14):
                sessions.append(
                    {
                        "date": d.isoformat(),
                        "start": f"{9 + n % 6:02d}:00",
                        "minutes": 60,
                        "mode": vocab.SESSION_MODES[n % 3],
                        "status": "planned",
                        "week": 5 + n,
                    }
                )
            break
        st = rng.choices(("held", "cancelled", "no_show"), (0.85, 0.1, 0.05))[0]
        s: dict[str, Any] = {
            "date": d.isoformat(),
            "start": f"{rng.randint(8, 15):02d}:{rng.choice((0, 30)):02d}",
            "minutes": rng.choice((45, 60, 60, 75)),
            "mode": rng.choices(vocab.SESSION_MODES, (0.7, 0.2, 0.1))[0],
            "status": st,
            "week": 5 + n,
        }
        if st == "held":
            s |= {
                "themes": rng.sample(vocab.THEMES, rng.randint(1, 3)),
                "notes": " ".join(rng.sample(NOTES, 2)),
                "actions": rng.sample(ACTIONS, rng.randint(0, 2)),
                "ratings": {
                    "energy": rng.randint(2, 8),
                    "sleep": rng.randint(2, 8),
                    "wellbeing": rng.randint(2, 8),
                },
            }
            if rng.random() < 0.3:
                s["quotes"] = rng.choice(QUOTES)
        sessions.append(s)
    p["sessions"] = sessions
    if week >= 6:
        hours_now = rng.choice((0, 5, 8, 10, 12))
        p["job_plan"] = {
            "values": rng.sample(vocab.COMMON_VALUES_DA, 3),
            "direction": rng.choice(DIRECTIONS),
            "goals": [
                {
                    "text": a,
                    "due": (course.week_start(start, 8 + k)).isoformat(),
                    "status": rng.choice(vocab.GOAL_STATUSES[:2]),
                }
                for k, a in enumerate(rng.sample(ACTIONS, 3))
            ],
            "accommodations": [
                {
                    "category": c,
                    "description": t,
                    "until": (start + dt.timedelta(weeks=20)).isoformat(),
                }
                for c, t in rng.sample(ACCOMMODATIONS, 2)
            ],
            "hours_now": hours_now,
            "hours_target": 37,
            "hours_steps": [
                {
                    "from": (course.week_start(start, 8 + 2 * k)).isoformat(),
                    "hours": hours_now + 5 * (k + 1),
                }
                for k in range(3)
            ],
            "updated_on": min(today, course.week_start(start, 6)).isoformat(),
        }
    if dropped:
        d = min(today, course.week_start(start, rng.randint(2, min(week, 12))))
        p["status"] = "dropped_out"
        p["dropped_out"] = {"date": d.isoformat(), "reason": "Ønskede at stoppe forløbet"}
        return p
    if week >= 12:
        final_day = min(today, course.week_start(start, 12) + dt.timedelta(days=3))
        p["assessments"].append(
            {
                "kind": "final",
                "date": final_day.isoformat(),
                "answers": _answers(rng, screen_total - rng.gauss(8, 6)),
            }
        )
    if week > 12:
        out = rng.choices(vocab.OUTCOME_STATUSES, (0.3, 0.35, 0.15, 0.1, 0.05, 0.05))[0]
        p["outcome"] = {
            "status": out,
            "hours_per_week": {"work_full": 37, "work_partial": 20}.get(out),
            "date": course.course_end(start).isoformat(),
        }
        p["report_summary"] = (
            "Deltageren har gennemført forløbet og arbejder videre med "
            "sin jobplan og de aftalte skånehensyn."
        )
    return p


def demo_document(
    n: int, seed: int = 1, today: dt.date | None = None, first_number: int = 1
) -> dict[str, Any]:
    from coachdesk.store.interchange import document

    today = today or dt.date.today()
    rng = random.Random(seed)
    return document(demo_participant(rng, first_number + i, today) for i in range(n))


def demo_group_sessions(session: Any, today: dt.date | None = None) -> int:
    """Every hold's group sessions, as the demo's attendance marks them: the second and
    fourth day of weeks 1-4, 13:00, two hours. Returns how many were added."""
    from sqlalchemy import select

    from coachdesk.store.models import GroupSession, Participant

    have = set(session.execute(select(GroupSession.course_start, GroupSession.date)).all())
    starts = set(
        session.scalars(
            select(Participant.course_start).where(Participant.course_start.is_not(None)).distinct()
        )
    )
    added = 0
    for start in sorted(starts):
        for w in range(1, 5):
            for day in (1, 3):
                d = course.week_start(start, w) + dt.timedelta(days=day)
                if (start, d) not in have:
                    session.add(
                        GroupSession(course_start=start, date=d, start="13:00", minutes=120)
                    )
                    added += 1
    session.flush()
    return added


# --- the screenshots' picks (ui/screenshots*.py; demo vaults only) --------------------


def showcase_participant(session: Any, *, min_plan_versions: int = 1) -> int | None:
    """The first unarchived participant by name with sessions and at least
    ``min_plan_versions`` job plan versions: far enough along to show every tab."""
    from sqlalchemy import func, select

    from coachdesk.store.models import JobPlanVersion, Participant, SessionLog

    if min_plan_versions <= 1:
        q = (
            select(Participant.id)
            .join(JobPlanVersion)
            .join(SessionLog)
            .where(Participant.archived.is_(False))
        )
    else:
        q = (
            select(Participant.id)
            .join(SessionLog)
            .join(JobPlanVersion)
            .where(Participant.archived.is_(False))
            .group_by(Participant.id)
            .having(func.count(JobPlanVersion.id.distinct()) >= min_plan_versions)
        )
    pid: int | None = session.execute(q.order_by(Participant.name).limit(1)).scalar()
    return pid


def any_participant(session: Any, *, with_sessions: bool = False) -> int | None:
    from sqlalchemy import select

    from coachdesk.store.models import Participant, SessionLog

    q = select(Participant.id)
    if with_sessions:
        q = q.join(SessionLog)
    pid: int | None = session.execute(q.limit(1)).scalar()
    return pid


def add_plan_version(session: Any, pid: int | None = None) -> None:
    """A changed job plan for ``pid`` (default: the showcase participant) if it has exactly
    one version (the corrections screenshots compare two)."""
    from coachdesk.store import interchange, jobplans

    if pid is None:
        pid = showcase_participant(session)
    if pid is None:
        return
    versions = jobplans.job_plan_versions(session, pid)
    if len(versions) != 1:
        return
    plan = interchange.job_plan_to_dict(versions[-1])
    plan = {k: v for k, v in plan.items() if v is not None}
    goals = [dict(g) for g in plan.get("goals") or []]
    if goals:
        goals[0]["status"] = "done"
    plan["goals"] = [*goals, {"text": "Aftale en fast pausetid med lederen", "status": "open"}]
    plan["hours_target"] = 25.0
    jobplans.save_job_plan(session, pid, plan)


def add_who5_answers(session: Any, pid: int, today: dt.date) -> None:
    """WHO-5 at screening, week 4 and final for ``pid`` (the questionnaire screenshots),
    unless the participant has WHO-5 answers already; only the dates up to ``today``."""
    from coachdesk.store import assessments
    from coachdesk.store.models import Participant

    p = session.get(Participant, pid)
    if p is None or any(a.instrument == "who5" for a in p.assessments):
        return
    start = p.course_start or p.referral_date or today
    for kind, weeks, answers in (
        ("screening", 0, [1, 1, 2, 1, 1]),
        ("followup", 4, [2, 2, 2, 1, 2]),
        ("final", 12, [3, 3, 4, 3, 3]),
    ):
        day = start + dt.timedelta(weeks=weeks)
        if day <= today:
            assessments.save_assessment(
                session, p.id, kind, day, answers, today=today, instrument="who5"
            )
