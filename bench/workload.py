"""Synthetic vaults and documents for the benchmark (bench/run.py), all from the demo generator.

Nothing here measures: it builds the data the measurements run on. Vaults use the cheap
TEST_KDF so that building them is quick and start-up figures exclude the KDF; the one
figure about the KDF (unlock_s) makes its own vault with the production parameters.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from coachdesk.core.course import course_week
from coachdesk.store import interchange
from coachdesk.store.demo import demo_document
from coachdesk.store.keyfile import TEST_KDF, KdfParams
from coachdesk.store.vault import PRAGMAS, Vault

BENCH_DIR = Path(__file__).resolve().parent
PASSPHRASE = (BENCH_DIR / "demo-passphrase.txt").read_text(encoding="utf-8").strip()
HEAVY_REF = "BENCH-HEAVY-0001"


def with_sessions(doc: dict[str, Any], per_person: int) -> dict[str, Any]:
    """Give every participant exactly ``per_person`` session logs (drawn from the demo's).

    A drawn session is moved into its new owner's course (the importer refuses a session
    before the referral, a held one in the future or a week the date is not in): every
    third day from the course start (else the referral), never after today; a session
    whose day has not come yet is a cancelled one."""
    # (Not the demo's planned appointments: moved into the past they would be logs never
    # written.)
    pool = [
        s
        for p in doc["participants"]
        for s in p.get("sessions", [])
        if s.get("status") != "planned"
    ]
    if not pool:
        raise ValueError("the demo document has no sessions to draw from")
    today = (
        dt.date.fromisoformat(doc["exported_at"][:10])
        if doc.get("exported_at")
        else dt.date.today()
    )
    for i, p in enumerate(doc["participants"]):
        start = dt.date.fromisoformat(p["course_start"]) if p.get("course_start") else None
        referral = dt.date.fromisoformat(p["referral_date"]) if p.get("referral_date") else None
        anchor = start or referral or today - dt.timedelta(days=90)
        sessions = []
        for k in range(per_person):
            s = dict(pool[(i * per_person + k) % len(pool)])
            day = anchor + dt.timedelta(days=(3 * k) % 84)
            if day > today:
                day = max(anchor, today)
            if day > today:
                s["status"] = "cancelled"
            s["date"] = day.isoformat()
            s["week"] = course_week(start, day) if start else None
            sessions.append(s)
        p["sessions"] = sessions
    return doc


def heavy_participant(today: dt.date, sessions: int = 50) -> dict[str, Any]:
    """A finished course with ``sessions`` session logs and three assessments."""
    base = demo_document(400, seed=99, today=today)["participants"]
    done = next(
        p
        for p in base
        if p.get("status") == "completed"
        and p.get("job_plan")
        and len(p.get("sessions", [])) >= 4
        and p.get("outcome")
    )
    p = copy.deepcopy(done)
    p["ref"] = HEAVY_REF
    held = [s for q in base for s in q.get("sessions", []) if s.get("status") == "held"]
    start = today - dt.timedelta(days=sessions * 4 + 30)
    p["course_start"] = start.isoformat()
    p["referral_date"] = (start - dt.timedelta(days=14)).isoformat()
    p["consent"]["given_on"] = start.isoformat()
    p["sessions"] = []
    for k in range(sessions):
        s = dict(held[k % len(held)])
        day = start + dt.timedelta(days=4 * k + 1)
        s["date"] = day.isoformat()
        s["week"] = course_week(start, day)
        p["sessions"].append(s)
    # The group phase's marks move with the course (weeks 1-4, never before the referral).
    p["group_attendance"] = [
        {**mark, "date": (start + dt.timedelta(days=3 + 7 * (j % 4) + j // 4)).isoformat()}
        for j, mark in enumerate(p.get("group_attendance", []))
    ]
    answers = p["assessments"][0]["answers"]
    p["assessments"] = [
        {"kind": "screening", "date": start.isoformat(), "answers": answers},
        {
            "kind": "final",
            "date": (start + dt.timedelta(weeks=12)).isoformat(),
            "answers": [max(0, min(4, (a or 0) - 1)) for a in answers],
        },
        {
            "kind": "followup",
            "date": (start + dt.timedelta(weeks=24)).isoformat(),
            "answers": [max(0, min(4, (a or 0) - 2)) for a in answers],
        },
    ]
    return p


def make_vault(
    data_dir: Path,
    participants: int,
    *,
    heavy: bool = True,
    kdf: KdfParams = TEST_KDF,
    seed: int = 1,
) -> Path:
    """A vault with ``participants`` demo people (plus the heavy one); returns its folder."""
    today = dt.date.today()
    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf=kdf)
    try:
        with vault.session() as s:
            doc = demo_document(participants, seed=seed, today=today)
            if heavy:
                doc["participants"].append(heavy_participant(today))
            interchange.import_document(s, doc, today=today)
            s.commit()
    finally:
        vault.close()
    return data_dir


def import_file_2000(sessions_each: int = 8) -> bytes:
    """The import_s_2000 file: 2,000 participants with 8 sessions each, as bytes."""
    doc = demo_document(2000, seed=7, today=dt.date.today())
    return interchange.dumps(with_sessions(doc, sessions_each))


# --- the same ORM workload on SQLCipher and on plain SQLite (cipher_overhead_ratio) --------

ORM_WORKLOAD_PEOPLE = 1_000
ORM_WORKLOAD_OPENS = 200


def orm_workload_file() -> bytes:
    return interchange.dumps(demo_document(ORM_WORKLOAD_PEOPLE, seed=5, today=dt.date.today()))


def orm_workload(session_factory: Any, data: bytes) -> float:
    """Import, list, open (read one person with everything) and export; returns seconds.

    ``session_factory()`` must give a context manager yielding a Session: the vault's
    ``session`` method or a plain ``sessionmaker``.
    """
    import time

    from sqlalchemy import select

    from coachdesk.core import pss10
    from coachdesk.store import caseload, participants
    from coachdesk.store.models import Participant

    today = dt.date.today()
    t = time.perf_counter()
    with session_factory() as s:
        interchange.import_document(s, data, today=today)
        s.commit()
    with session_factory() as s:
        caseload.load_caseload(s, today)
    with session_factory() as s:
        ids = (
            s.execute(select(Participant.id).order_by(Participant.id).limit(ORM_WORKLOAD_OPENS))
            .scalars()
            .all()
        )
    for pid in ids:
        with session_factory() as s:
            p = participants.get_participant(s, pid, audit_read=True)
            interchange.participant_to_dict(p, today=today, params=pss10.Params())
            s.commit()
    with session_factory() as s:
        interchange.dumps(interchange.export_document(s, None, today=today, params=pss10.Params()))
    return time.perf_counter() - t


def plain_engine(path: Path) -> Any:
    """An engine on the stdlib sqlite3 module set up like the vault's, minus the key."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    from coachdesk.store.migrate import upgrade

    engine = create_engine(f"sqlite:///{path}", poolclass=QueuePool, pool_size=4, max_overflow=4)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None
        # The vault's pragmas (store/vault.py Vault._connect), so only the cipher differs.
        for pragma in PRAGMAS:
            dbapi_conn.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    upgrade(engine)
    return engine
