"""The audit chain's arithmetic, and one event appended through the driver alone.

store/audit.py is the audit log (the ORM's side of it: record, verify, the disclosure
hooks, erasure); this module is the part of it that needs no SQLAlchemy: how an event's
two hashes are made (store/audit.py's docstring describes the chain), and ``append``,
which writes one event on a plain sqlcipher3 connection. The vault's common unlock uses
``append`` for its "unlock" event, so that unlocking loads no SQLAlchemy (issue 19 item
4: 0.4 s of imports in the wait after a pasted passphrase). store/audit.py imports these
functions: one implementation of the chain, not two.

``append`` stores the row exactly as the ORM stores an AuditEvent (store/models.py) in
SQLite: the time as SQLAlchemy's DateTime text, the detail as its JSON serializer's text,
the nonce as a BLOB, the flag as 0/1. tests/test_audit_raw_append.py compares the two
column by column.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
from typing import Any

import sqlcipher3

GENESIS = "0" * 64
CHAIN_SETTING = "audit_chain"
CHAIN_VERSION = 2

# Committing one of these moves the anchor in the key file at once (store/vault.py);
# other saves are anchored at the next lock, so an ordinary save costs no key-file write.
ANCHOR_ACTIONS = frozenset(
    {
        "backup",
        "restore",
        "export",
        "report",
        "cohort_report",
        "disclosure",
        "participant_erased",
        "import",
        "passphrase_changed",
        "recovery_code_rotated",
        "audit_upgraded",
    }
)


def _stdlib_dumps(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _make_dumps() -> Any:
    """``_stdlib_dumps`` through one C encoder made once: json.dumps with arguments
    builds a new JSONEncoder per call, which was most of the cost of hashing an event
    (two per event, 20,001 events in a 10,000-person export; issue 19). The same
    encoder json.dumps would use (sorted keys, compact, ASCII); tests/test_audit_bulk.py
    holds the two equal on random details."""
    make: Any = getattr(json.encoder, "c_make_encoder", None)
    ascii_: Any = getattr(json.encoder, "c_encode_basestring_ascii", None)
    if make is None or ascii_ is None:
        return _stdlib_dumps
    enc = make(None, json.JSONEncoder().default, ascii_, None, ":", ",", True, False, True)

    def dumps(obj: Any) -> bytes:
        if type(obj) is not dict:
            return _stdlib_dumps(obj)
        return "".join(enc(obj, 0)).encode()

    return dumps


_dumps = _make_dumps()


def _inner(subject: str | None, detail: Any, nonce: bytes) -> str:
    return hashlib.sha256(
        _dumps({"subject": subject, "detail": detail, "nonce": nonce.hex()})
    ).hexdigest()


def _outer(key: bytes, prev: str, at: str, action: str, redactable: bool, inner: str) -> str:
    msg = _dumps(
        {"prev": prev, "at": at, "action": action, "redactable": redactable, "inner": inner}
    )
    return hmac.digest(key, msg, "sha256").hex()


def _iso(at: dt.datetime) -> str:
    return at.replace(tzinfo=None).isoformat(timespec="seconds")


def _event_values(
    key: bytes,
    prev: str,
    at: dt.datetime,
    action: str,
    detail: dict[str, Any] | None,
    subject: str | None,
    iso: str | None = None,
) -> dict[str, Any]:
    """One chained event's column values; ``iso``: ``at`` as text, when a batch has
    worked it out once for all its events (record_many)."""
    nonce = os.urandom(16)
    inner = _inner(subject, detail, nonce)
    return {
        "at": at,
        "action": action,
        "subject": subject,
        "detail": detail,
        "nonce": nonce,
        "content_hash": inner,
        "prev_hash": prev,
        "hash": _outer(key, prev, iso or _iso(at), action, subject is not None, inner),
        "redacted": False,
    }


def now() -> dt.datetime:
    """An event's time: UTC, whole seconds, naive (as audit.record takes it)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


# --- the stored form, as SQLAlchemy writes it into SQLite ---------------------------------


def stored_datetime(at: dt.datetime) -> str:
    """SQLAlchemy's SQLite DateTime storage format (dialects/sqlite DATETIME)."""
    return (
        f"{at.year:04d}-{at.month:02d}-{at.day:02d} "
        f"{at.hour:02d}:{at.minute:02d}:{at.second:02d}.{at.microsecond:06d}"
    )


def stored_json(value: Any) -> str:
    """The JSON column's text: the engine has no serializer of its own, so SQLAlchemy's
    default, ``json.dumps`` with its default arguments; None is JSON null (the column's
    ``none_as_null`` is off)."""
    return json.dumps(value)


_COLUMNS = ("at", "action", "subject", "detail", "nonce", "content_hash", "prev_hash", "hash")
_INSERT = (
    f"INSERT INTO audit_event ({', '.join(_COLUMNS)}, redacted) "
    f"VALUES ({', '.join('?' * len(_COLUMNS))}, ?)"
)


def stored_row(values: dict[str, Any]) -> tuple[Any, ...]:
    """``_event_values`` as the parameters of ``_INSERT``."""
    return (
        stored_datetime(values["at"]),
        values["action"],
        values["subject"],
        stored_json(values["detail"]),
        bytes(values["nonce"]),
        values["content_hash"],
        values["prev_hash"],
        values["hash"],
        1 if values["redacted"] else 0,
    )


def append(
    conn: sqlcipher3.Connection,
    key: bytes,
    action: str,
    detail: dict[str, Any] | None = None,
    subject: str | None = None,
) -> dict[str, Any]:
    """Append one event on a driver connection (autocommit: ``isolation_level`` None),
    in a transaction of its own; returns its values.

    BEGIN IMMEDIATE takes the write lock before the head is read, as the vault's
    engine does for every unit of work (store/vault.py): a concurrent writer waits, and
    cannot chain an event onto the same head (a fork)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        at = now()
        row = conn.execute("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
        values = _event_values(
            key, (row[0] if row else None) or GENESIS, at, action, detail, subject
        )
        conn.execute(_INSERT, stored_row(values))
        conn.execute("COMMIT")
    except BaseException:
        # Nothing is kept; the error that got us here is the one to report.
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute("ROLLBACK")
        raise
    return values


def is_keyed(conn: sqlcipher3.Connection) -> bool:
    """audit.is_keyed on a driver connection: the setting's JSON holds the version."""
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (CHAIN_SETTING,)).fetchone()
    if row is None or row[0] is None:
        return False
    try:
        value = json.loads(row[0])
    except (TypeError, ValueError):
        return False
    return isinstance(value, dict) and value.get("version") == CHAIN_VERSION
