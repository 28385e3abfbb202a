"""Which vaults hold only synthetic people: the mark `demo` leaves, `screenshots` reads.

Screenshots are plaintext pictures of whatever the app shows, so `screenshots` renders
a vault only when everyone in it was made by `demo` (or when told --real-data, audited
as an export). The mark is a digest of who is in the vault (each person's uid, ref,
name, CPR, contact and caseworker fields), written by `demo` when the vault held only
demo people before it ran (or nobody). Any other change to who is there (an import, a
participant added or renamed in the app, an erasure) no longer matches the mark, and
the vault counts as real data from then on.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.store import settings
from coachdesk.store.models import Participant

KEY = "demo_mark"


# Who each person is: a real name, CPR or caseworker typed over a demo person (in the
# app, or by `import --replace`, which keeps the uid) ends the mark too.
_IDENTITY = (
    Participant.uid,
    Participant.ref,
    Participant.name,
    Participant.cpr,
    Participant.email,
    Participant.phone,
    Participant.caseworker_name,
    Participant.caseworker_municipality,
    Participant.caseworker_email,
    Participant.case_ref,
)


def _digest(session: Session) -> str:
    h = hashlib.sha256(b"coachdesk demo vault v1\n")
    for row in sorted(tuple(r) for r in session.execute(select(*_IDENTITY))):
        h.update(json.dumps(row, ensure_ascii=True).encode("ascii") + b"\n")
    return h.hexdigest()


def only_demo_people(session: Session) -> bool:
    """True when every participant in the vault was made by `demo` (and nobody else)."""
    mark = settings.get(session, KEY)
    return bool(mark) and mark == _digest(session)


def was_pure(session: Session) -> bool:
    """Before `demo` adds people: may the vault be marked afterwards?"""
    empty = session.execute(select(Participant.id).limit(1)).first() is None
    return empty or only_demo_people(session)


def update(session: Session, pure_before: bool) -> None:
    """After `demo` added its people: mark the vault, or clear a stale mark."""
    settings.put(session, KEY, _digest(session) if pure_before else "")
