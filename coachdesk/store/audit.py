"""The audit log: append-only and keyed-hash-chained, inside the encrypted vault (promise 8).

Each row stores two hashes (issue 12 item 12):

- ``content_hash``, the inner hash: SHA-256 of the row's personal part (subject,
  detail and a random per-row nonce);
- ``hash``, the outer, keyed hash: HMAC-SHA256, under the vault's chain key
  (KeyFile.chain_key, derived by HKDF from the data key), of the previous row's
  ``hash``, the time, the action, whether the row is about a person ("redactable")
  and the inner hash.

Erasure *redacts* a person's rows: it drops subject, detail and nonce but keeps both
hashes, so the chain still verifies; time and action stay under the keyed hash, the
person can no longer be linked (the nonce was the only way to recompute the inner
hash). Only rows about a person can be redacted, and the number of redacted rows must
equal what the "participant_erased" events say they redacted.

Disclosures are chained too: every disclosure row written, changed or deleted through
the ORM gets a "disclosure" event (subject: the person) carrying the row's keyed hash;
``verify`` checks every row against the newest event naming it, and that no row is
missing or added.

The chain's length and head are anchored outside the database, in the key file's MAC'd
body (store/vault.py), so a deleted tail or an older database is found.

Vaults from before issue 12 have an unkeyed SHA-256 chain (``content_hash`` covering
time and action too). At their first unlock the old chain is verified, then re-chained
once under the key (``upgrade_chain``); an "audit_upgraded" event records that.

Subjects are participant uids, never names, refs or CPR numbers; details name fields
and counts, never their values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from sqlalchemy import CursorResult, Table, select, update
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

# The chain's arithmetic and its constants live in store/auditchain.py (no SQLAlchemy
# there: the vault's common unlock appends its event through the driver alone); they
# are named here as before, one implementation for both writers.
from coachdesk.store.auditchain import ANCHOR_ACTIONS as ANCHOR_ACTIONS
from coachdesk.store.auditchain import CHAIN_SETTING as CHAIN_SETTING
from coachdesk.store.auditchain import CHAIN_VERSION as CHAIN_VERSION
from coachdesk.store.auditchain import GENESIS as GENESIS
from coachdesk.store.auditchain import _dumps as _dumps
from coachdesk.store.auditchain import _event_values as _event_values
from coachdesk.store.auditchain import _inner as _inner
from coachdesk.store.auditchain import _iso as _iso
from coachdesk.store.auditchain import _outer as _outer
from coachdesk.store.auditchain import _stdlib_dumps as _stdlib_dumps
from coachdesk.store.auditchain import now as _now
from coachdesk.store.models import AuditEvent, Disclosure, Participant, Setting

KEY_INFO = "audit_key"  # Session.info entry holding the chain key (set by the Vault)
# A session not made by a Vault (bench/'s plain SQLite engine) chains under this
# all-zero key; a vault's chain never verifies under it.
_NO_KEY = bytes(32)

ACTIONS = (
    "vault_created",
    "unlock",
    "unlock_failed",
    "lock",
    "passphrase_changed",
    "participant_created",
    "participant_changed",
    "participant_read",
    "participant_erased",
    "assessment_saved",
    "assessment_changed",
    "assessment_deleted",
    "session_saved",
    "session_changed",
    "session_deleted",
    "job_plan_saved",
    "attendance_saved",
    "attendance_deleted",
    "session_restored",
    "assessment_restored",
    "attendance_restored",
    "import",
    "export",
    "report",
    "cohort_report",
    "backup",
    "restore",
    "search",
    "settings_changed",
    "disclosure",
    "audit_upgraded",
    "recovery_code_rotated",
    "kdf_upgraded",
    "failed_unlocks_log_altered",
)


def _legacy_content(at: str, action: str, subject: str | None, detail: Any, nonce: bytes) -> str:
    return hashlib.sha256(
        _dumps(
            {"at": at, "action": action, "subject": subject, "detail": detail, "nonce": nonce.hex()}
        )
    ).hexdigest()


def _legacy_chain(prev: str, content_hash: str) -> str:
    return hashlib.sha256((prev + content_hash).encode("ascii")).hexdigest()


def chain_key(session: Session) -> bytes:
    return bytes(session.info.get(KEY_INFO) or _NO_KEY)


def _head(session: Session) -> str:
    return (
        session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
        or GENESIS
    )


def _new_event(
    key: bytes,
    prev: str,
    at: dt.datetime,
    action: str,
    detail: dict[str, Any] | None,
    subject: str | None,
) -> AuditEvent:
    return AuditEvent(**_event_values(key, prev, at, action, detail, subject))


def record(
    session: Session, action: str, detail: dict[str, Any] | None = None, subject: str | None = None
) -> AuditEvent:
    """Append one event in the caller's transaction (it lands with the change or not at all)."""
    session.flush()
    at = _now()
    ev = _new_event(chain_key(session), _head(session), at, action, detail, subject)
    session.add(ev)
    session.flush()
    return ev


def record_many(
    session: Session, events: Iterable[tuple[str, dict[str, Any] | None, str | None]]
) -> int:
    """Append many events at once (an import or export of thousands); returns how many.

    Chained in memory exactly as ``record`` chains one at a time (each row's keyed hash
    covers the previous row's), then written as batched INSERTs (store/bulkwrite.py:
    one executemany per slice of rows) instead of an ORM object per event (issue 19:
    flushing 10,001 objects was a fifth of a big export). The ids are assigned in the
    order of ``events``, which is the chain's order. The actions are noted for the
    commit's anchor as the ORM hook notes them.
    """
    from coachdesk.store import bulkwrite

    session.flush()
    key = chain_key(session)
    prev = _head(session)
    at = _now()
    seen = session.info.setdefault(_ACTIONS_SEEN, set())

    iso = _iso(at)  # one time stamp for the batch, as text under the keyed hash

    def rows() -> Iterable[dict[str, Any]]:
        nonlocal prev
        for action, detail, subject in events:
            values = _event_values(key, prev, at, action, detail, subject, iso)
            prev = values["hash"]
            seen.add(action)
            yield values

    return bulkwrite.insert_rows(session, cast(Table, AuditEvent.__table__), rows())


# --- disclosures under the chain ----------------------------------------------------------


def disclosure_mac(key: bytes, d: Any) -> str:
    """The keyed hash of a disclosure row (an ORM object or a plain row)."""
    fields = {
        "disclosure": d.id,
        "participant_id": d.participant_id,
        "at": _iso(d.at) if d.at else None,
        "recipient": d.recipient,
        "kind": d.kind,
        "sections": d.sections,
        "sha256": d.sha256,
        "encrypted": bool(d.encrypted),
    }
    # The channel (Digital Post, secure e-mail, ...) came with migration 0008. Under the
    # MAC only when set, so rows chained before it still verify.
    channel = getattr(d, "channel", None)
    if channel is not None:
        fields["channel"] = channel
    msg = _dumps(fields)
    return hmac.digest(key, msg, "sha256").hex()


_PENDING = "_audit_disclosures"
_ACTIONS_SEEN = "_audit_actions"

# What happened to a disclosure row in this transaction, by id: ("row", participant_id)
# written or changed (its keyed hash is taken at commit), ("gone", participant_id)
# deleted. Collected from the ORM (after_flush), from a participant deleted through the
# ORM (before_flush: the database's ON DELETE CASCADE would take its disclosures
# silently) and from bulk UPDATE/DELETE statements run through the session
# (do_orm_execute), so that no code path of the app can change the disclosure log
# without the chain knowing; only a write around the session (an SQL shell) can, and
# that is what ``verify`` finds.
Pending = dict[int, tuple[str, int]]


def _pending(session: Session) -> Pending:
    pending: Pending = session.info.setdefault(_PENDING, {})
    return pending


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    people = [
        obj.id for obj in session.deleted if isinstance(obj, Participant) and obj.id is not None
    ]
    if people:
        with session.no_autoflush:
            rows = session.execute(
                select(Disclosure.id, Disclosure.participant_id).where(
                    Disclosure.participant_id.in_(people)
                )
            ).all()
        for did, pid in rows:
            _pending(session)[did] = ("gone", pid)


def _after_flush(session: Session, _ctx: Any) -> None:
    pending = _pending(session)
    seen = session.info.setdefault(_ACTIONS_SEEN, set())
    for obj in session.new:
        if isinstance(obj, Disclosure):
            pending[obj.id] = ("row", obj.participant_id)
        elif isinstance(obj, AuditEvent):
            seen.add(obj.action)
    for obj in session.dirty:
        if isinstance(obj, Disclosure) and session.is_modified(obj):
            pending[obj.id] = ("row", obj.participant_id)
    for obj in session.deleted:
        if isinstance(obj, Disclosure):
            pending[obj.id] = ("gone", obj.participant_id)


def _do_orm_execute(state: Any) -> None:
    """A bulk UPDATE or DELETE through the session: note the disclosure rows it hits."""
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return
    entity = state.bind_mapper.class_
    where = state.statement.whereclause
    if entity is Disclosure:
        q = select(Disclosure.id, Disclosure.participant_id)
        kind = "gone" if state.is_delete else "row"
    elif entity is Participant and state.is_delete:
        people = select(Participant.id)
        if where is not None:
            people = people.where(where)
        q = select(Disclosure.id, Disclosure.participant_id).where(
            Disclosure.participant_id.in_(people)
        )
        where, kind = None, "gone"
    else:
        return
    if where is not None:
        q = q.where(where)
    for did, pid in state.session.execute(q).all():
        _pending(state.session)[did] = (kind, pid)


def note_disclosures(session: Session, rows: Iterable[tuple[int, int]]) -> None:
    """Disclosure rows (id, participant id) written by a bulk INSERT in this transaction.

    An INSERT statement bypasses the ORM's flush, so the hooks above cannot see it; the
    writer names its rows here and the commit chains them like any other (a bulk
    export's 10,000 disclosures, reports/export.py)."""
    pending = _pending(session)
    for did, pid in rows:
        pending[did] = ("row", pid)


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


_DISCLOSURE_COLUMNS = (
    "id",
    "participant_id",
    "at",
    "recipient",
    "kind",
    "sections",
    "sha256",
    "encrypted",
    "channel",
)


class _DisclosureRow(NamedTuple):
    """A stored disclosure row, as disclosure_mac reads it (the columns above)."""

    id: int
    participant_id: int
    at: dt.datetime | None
    recipient: str | None
    kind: str
    sections: Any
    sha256: str
    encrypted: Any
    channel: str | None


def _stored_disclosures(session: Session, dtab: Table, ids: list[int]) -> dict[int, Any]:
    """The disclosure rows with these ids as stored, by id, each value as the column's
    type reads it (its own result processor; the JSON column decoded in one
    json.loads per slice): what ``select(dtab)`` returns, without SQLAlchemy's
    per-row work (10,001 rows in a 10,000-person export, issue 19)."""
    dialect = session.get_bind().dialect
    procs = [
        dtab.c[name].type._cached_result_processor(dialect, None) for name in _DISCLOSURE_COLUMNS
    ]
    at_proc, json_proc = procs[2], procs[5]
    plain_json = getattr(dialect, "_json_deserializer", None) in (None, json.loads)
    cur = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cols = ", ".join(f'"{name}"' for name in _DISCLOSURE_COLUMNS)
    out: dict[int, Any] = {}
    for chunk in _chunks(ids):
        raw = cur.execute(
            f"SELECT {cols} FROM disclosure WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ).fetchall()
        if json_proc is not None and plain_json:  # None as "null": what the type reads
            texts = [r[5] if r[5] is not None else "null" for r in raw]
            sections = json.loads("[" + ",".join(texts) + "]")
        else:
            sections = [json_proc(r[5]) if json_proc is not None else r[5] for r in raw]
        for r, sec in zip(raw, sections, strict=True):
            at = at_proc(r[2]) if at_proc is not None else r[2]
            enc = procs[7](r[7]) if procs[7] is not None else r[7]
            out[r[0]] = _DisclosureRow(r[0], r[1], at, r[3], r[4], sec, r[6], enc, r[8])
    return out


def _before_commit(session: Session) -> None:
    """Each disclosure row written in this transaction gets its event before it lands."""
    key = chain_key(session)
    dtab = cast(Table, Disclosure.__table__)
    ptab = cast(Table, Participant.__table__)
    for _ in range(10):
        session.flush()
        pending: Pending = session.info.pop(_PENDING, {})
        if not pending:
            return
        # The rows as stored now (plain rows, read in slices: an export of thousands
        # discloses thousands; disclosure_mac reads the same attributes from them).
        ids = [did for did, (kind, _pid) in pending.items() if kind == "row"]
        rows = _stored_disclosures(session, dtab, ids)
        pids = sorted({pid for _kind, pid in pending.values()})
        uids: dict[int, str] = {}
        for chunk in _chunks(pids):
            uids.update(
                (r.id, r.uid)
                for r in session.execute(select(ptab.c.id, ptab.c.uid).where(ptab.c.id.in_(chunk)))
            )
        by_person: dict[str | None, list[list[Any]]] = {}
        for did, (_kind, pid) in sorted(pending.items()):
            row = rows.get(did)
            mac = disclosure_mac(key, row) if row is not None else None
            # Subject: the person, so that erasure redacts the event with the rest; a
            # person already gone leaves an event naming row ids only.
            by_person.setdefault(uids.get(pid), []).append([did, mac])
        record_many(
            session, [("disclosure", {"rows": rows_}, uid) for uid, rows_ in by_person.items()]
        )


def _forget(session: Session, *_a: Any) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_ACTIONS_SEEN, None)


def committed_actions(session: Session) -> set[str]:
    """The actions of the events flushed in the transaction that just committed."""
    return set(session.info.pop(_ACTIONS_SEEN, set()))


def install(session_factory: Any) -> None:
    """Hook a vault's sessionmaker: disclosures chained, committed actions noted."""
    sa_event.listen(session_factory, "before_flush", _before_flush)
    sa_event.listen(session_factory, "after_flush", _after_flush)
    sa_event.listen(session_factory, "do_orm_execute", _do_orm_execute)
    sa_event.listen(session_factory, "before_commit", _before_commit)
    sa_event.listen(session_factory, "after_soft_rollback", _forget)


# --- verification -------------------------------------------------------------------------


def verify(session: Session) -> list[str]:
    """Problems in the chain and the disclosure log ([] when intact)."""
    key = chain_key(session)
    problems: list[str] = []
    prev = GENESIS
    first = True
    redacted = 0
    said_redacted = 0
    latest: dict[int, str | None] = {}
    rows = session.execute(
        select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=500)
    ).scalars()
    for ev in rows:
        if first and ev.action != "vault_created":
            problems.append(
                f"audit event {ev.id}: the chain does not start with the "
                "vault's creation (events before it were removed)"
            )
        first = False
        if ev.prev_hash != prev:
            problems.append(f"audit event {ev.id}: does not follow the event before it")
        redactable = bool(ev.redacted) or ev.subject is not None
        if ev.hash != _outer(
            key, ev.prev_hash, _iso(ev.at), ev.action, redactable, ev.content_hash
        ):
            problems.append(f"audit event {ev.id}: its keyed hash does not match")
        if ev.redacted:
            redacted += 1
        elif ev.nonce is None:
            problems.append(f"audit event {ev.id}: lost its nonce")
        else:
            # Rows re-chained from a pre-issue-12 vault keep their old inner hash.
            if ev.content_hash not in (
                _inner(ev.subject, ev.detail, ev.nonce),
                _legacy_content(_iso(ev.at), ev.action, ev.subject, ev.detail, ev.nonce),
            ):
                problems.append(f"audit event {ev.id}: its content was changed")
            elif ev.action == "participant_erased" and isinstance(ev.detail, dict):
                n = ev.detail.get("audit_events_redacted")
                said_redacted += n if isinstance(n, int) else 0
            elif ev.action == "disclosure" and isinstance(ev.detail, dict):
                for item in ev.detail.get("rows") or []:
                    if isinstance(item, list) and len(item) == 2 and isinstance(item[0], int):
                        latest[item[0]] = item[1]
        prev = ev.hash
    if first:
        problems.append("the audit chain is empty: the vault's creation event is missing")
    if redacted != said_redacted:
        problems.append(
            f"{redacted} audit events are redacted, but the erasures account for {said_redacted}"
        )
    problems += _verify_disclosures(session, key, latest)
    return problems


def _verify_disclosures(session: Session, key: bytes, latest: dict[int, str | None]) -> list[str]:
    problems = []
    seen = set()
    for d in session.execute(select(Disclosure).order_by(Disclosure.id)).scalars():
        seen.add(d.id)
        want = latest.get(d.id)
        if want is None:
            problems.append(f"disclosure {d.id}: not in the audit chain (added afterwards)")
        elif not hmac.compare_digest(want, disclosure_mac(key, d)):
            problems.append(f"disclosure {d.id}: changed after it was recorded")
    for did, mac in sorted(latest.items()):
        if mac is not None and did not in seen:
            problems.append(f"disclosure {did}: recorded in the audit chain but missing")
    return problems


# --- the one-time upgrade of a pre-issue-12 chain ----------------------------------------


def is_keyed(session: Session) -> bool:
    row = session.get(Setting, CHAIN_SETTING)
    return (
        row is not None
        and isinstance(row.value, dict)
        and row.value.get("version") == CHAIN_VERSION
    )


def mark_keyed(session: Session) -> None:
    row = session.get(Setting, CHAIN_SETTING)
    if row is None:
        session.add(Setting(key=CHAIN_SETTING, value={"version": CHAIN_VERSION}))
    else:
        row.value = {"version": CHAIN_VERSION}
    session.flush()


def verify_legacy(session: Session) -> list[str]:
    """The pre-issue-12 unkeyed chain's own check (before it is re-chained)."""
    problems: list[str] = []
    prev = GENESIS
    for ev in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        if ev.prev_hash != prev:
            problems.append(f"audit event {ev.id}: does not follow the event before it")
        if ev.hash != _legacy_chain(ev.prev_hash, ev.content_hash):
            problems.append(f"audit event {ev.id}: its hash does not match")
        if not ev.redacted:
            if ev.nonce is None:
                problems.append(f"audit event {ev.id}: lost its nonce")
            elif (
                _legacy_content(_iso(ev.at), ev.action, ev.subject, ev.detail, ev.nonce)
                != ev.content_hash
            ):
                problems.append(f"audit event {ev.id}: its content was changed")
        prev = ev.hash
    return problems


def upgrade_chain(session: Session) -> int:
    """Re-chain a verified unkeyed chain under the key; returns how many events.

    The caller has checked ``verify_legacy`` (a broken chain must not be laundered).
    Each row keeps its inner hash (the old content hash, which also covers time and
    action) and gets a keyed outer hash.
    """
    key = chain_key(session)
    prev = GENESIS
    updates = []
    for ev_id, at, action, subject, inner, was_redacted in session.execute(
        select(
            AuditEvent.id,
            AuditEvent.at,
            AuditEvent.action,
            AuditEvent.subject,
            AuditEvent.content_hash,
            AuditEvent.redacted,
        ).order_by(AuditEvent.id)
    ):
        h = _outer(key, prev, _iso(at), action, bool(was_redacted) or subject is not None, inner)
        updates.append({"id": ev_id, "prev_hash": prev, "hash": h})
        prev = h
    if updates:
        session.execute(update(AuditEvent), updates)
    mark_keyed(session)
    session.expire_all()
    # The disclosure log was not chained before: its rows enter the chain now, as they
    # are (the commit's hook records their keyed hashes).
    disclosures = session.execute(select(Disclosure.id, Disclosure.participant_id)).all()
    for did, pid in disclosures:
        _pending(session)[did] = ("row", pid)
    record(
        session,
        "audit_upgraded",
        {
            "events": len(updates),
            "from": "sha256",
            "to": "hmac-sha256",
            "disclosures": len(disclosures),
        },
    )
    return len(updates)


@dataclass(frozen=True)
class LogEntry:
    """One event as the audit log view shows it."""

    id: int
    at: dt.datetime
    action: str
    subject: str | None  # None when redacted (erased) or about no one
    # (name, ref) of the subject if still in the vault; None for no one or an erased person.
    person: tuple[str, str] | None
    detail: Any  # field names and counts only
    redacted: bool


def log_entries(session: Session) -> list[LogEntry]:
    """Every event, newest first, each with its person's name and ref beside the uid."""
    people = {
        uid: (name, ref)
        for uid, name, ref in session.execute(
            select(Participant.uid, Participant.name, Participant.ref)
        )
    }
    return [
        LogEntry(
            ev.id,
            ev.at,
            ev.action,
            None if ev.redacted else ev.subject,
            None if ev.redacted or ev.subject is None else people.get(ev.subject),
            ev.detail,
            ev.redacted,
        )
        for ev in session.execute(select(AuditEvent).order_by(AuditEvent.id.desc())).scalars()
    ]


def redact_subject(session: Session, subject: str) -> int:
    """Erasure: strip a person's events down to their hashes; returns how many."""
    result = session.execute(
        update(AuditEvent)
        .where(AuditEvent.subject == subject)
        .values(subject=None, detail=None, nonce=None, redacted=True)
    )
    assert isinstance(result, CursorResult)  # an UPDATE's result (typed as any Result)
    return int(result.rowcount or 0)


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
    return list(
        session.execute(
            select(AuditEvent).where(AuditEvent.subject == subject).order_by(AuditEvent.id)
        ).scalars()
    )
