"""The audit log: append-only and hash-chained, inside the encrypted vault (promise 8).

Each row stores ``content_hash`` = SHA-256 of its canonical content (time, action,
subject, detail and a random per-row nonce) and ``hash`` = SHA-256(prev_hash +
content_hash). ``verify`` walks the chain. Erasure *redacts* a person's rows: it drops
subject, detail and nonce but keeps both hashes, so the chain still verifies while the
remaining hash can no longer be linked to anyone (the nonce was the only way to
recompute it).

Subjects are participant uids, never names, refs or CPR numbers; details name fields
and counts, never their values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from coachdesk.store.models import AuditEvent, Setting

GENESIS = "0" * 64

ACTIONS = (
    "vault_created", "unlock", "unlock_failed", "lock", "passphrase_changed",
    "participant_created", "participant_changed", "participant_read", "participant_erased",
    "assessment_saved", "assessment_changed", "assessment_deleted",
    "session_saved", "session_changed", "session_deleted",
    "job_plan_saved", "attendance_saved", "attendance_deleted",
    "session_restored", "assessment_restored", "attendance_restored", "import", "export", "report", "cohort_report",
    "backup", "restore", "search", "settings_changed",
)


def _content(at: str, action: str, subject: str | None, detail: Any, nonce: bytes) -> bytes:
    return json.dumps(
        {"at": at, "action": action, "subject": subject, "detail": detail, "nonce": nonce.hex()},
        sort_keys=True, separators=(",", ":"), ensure_ascii=True,
    ).encode()


def _chain(prev: str, content_hash: str) -> str:
    return hashlib.sha256((prev + content_hash).encode("ascii")).hexdigest()


def _iso(at: dt.datetime) -> str:
    return at.replace(tzinfo=None).isoformat(timespec="seconds")


def record(session: Session, action: str, detail: dict[str, Any] | None = None,
           subject: str | None = None) -> AuditEvent:
    """Append one event in the caller's transaction (it lands with the change or not at all)."""
    session.flush()
    prev = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).scalar() or GENESIS
    at = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    nonce = os.urandom(16)
    content_hash = hashlib.sha256(_content(_iso(at), action, subject, detail, nonce)).hexdigest()
    ev = AuditEvent(at=at, action=action, subject=subject, detail=detail, nonce=nonce,
                    content_hash=content_hash, prev_hash=prev, hash=_chain(prev, content_hash),
                    redacted=False)
    session.add(ev)
    session.flush()
    return ev


def record_many(session: Session,
                events: list[tuple[str, dict[str, Any] | None, str | None]]) -> None:
    """Append many events at once (an import of thousands), chained in memory."""
    session.flush()
    prev = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).scalar() or GENESIS
    at = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    rows = []
    for action, detail, subject in events:
        nonce = os.urandom(16)
        content_hash = hashlib.sha256(
            _content(_iso(at), action, subject, detail, nonce)).hexdigest()
        h = _chain(prev, content_hash)
        rows.append(AuditEvent(at=at, action=action, subject=subject, detail=detail,
                               nonce=nonce, content_hash=content_hash, prev_hash=prev,
                               hash=h, redacted=False))
        prev = h
    session.add_all(rows)
    session.flush()


def verify(session: Session) -> list[str]:
    """Problems in the chain ([] when intact)."""
    problems: list[str] = []
    prev = GENESIS
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
    for ev in rows:
        if ev.prev_hash != prev:
            problems.append(f"audit event {ev.id}: does not follow the event before it")
        if ev.hash != _chain(ev.prev_hash, ev.content_hash):
            problems.append(f"audit event {ev.id}: its hash does not match")
        if not ev.redacted:
            if ev.nonce is None:
                problems.append(f"audit event {ev.id}: lost its nonce")
            else:
                want = hashlib.sha256(
                    _content(_iso(ev.at), ev.action, ev.subject, ev.detail, ev.nonce)
                ).hexdigest()
                if want != ev.content_hash:
                    problems.append(f"audit event {ev.id}: its content was changed")
        prev = ev.hash
    return problems


def redact_subject(session: Session, subject: str) -> int:
    """Erasure: strip a person's events down to their hashes; returns how many."""
    result = session.execute(
        update(AuditEvent)
        .where(AuditEvent.subject == subject)
        .values(subject=None, detail=None, nonce=None, redacted=True)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def pseudonym(session: Session, ref: str) -> str:
    """A salted hash of a ref: proves an erasure happened without naming anyone."""
    row = session.get(Setting, "audit_salt")
    if row is None:
        row = Setting(key="audit_salt", value={"salt": os.urandom(16).hex()})
        session.add(row)
        session.flush()
    salt = bytes.fromhex(row.value["salt"])
    return hmac.new(salt, ref.encode("utf-8"), hashlib.sha256).hexdigest()


def events_for(session: Session, subject: str) -> list[AuditEvent]:
    """A person's own audit entries (for an access request, art. 15)."""
    return list(session.execute(
        select(AuditEvent).where(AuditEvent.subject == subject).order_by(AuditEvent.id)
    ).scalars())
