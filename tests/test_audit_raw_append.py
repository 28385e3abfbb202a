"""The "unlock" event written through the driver (store/auditchain.append, issue 19
item 4) is the event the ORM writes: stored in the same form, chained the same way,
under the same write lock, and the audit chain verifies after any number of unlocks."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from sqlalchemy import select

from coachdesk.cli.main import main
from coachdesk.store import audit, auditchain
from coachdesk.store.models import AuditEvent
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE

# typeof() and the stored text (or the length, for the random and hashed columns).
_STORED = (
    "SELECT typeof(at), typeof(action), action, typeof(subject), subject, typeof(detail),"
    " detail, typeof(nonce), length(nonce), typeof(content_hash), length(content_hash),"
    " typeof(prev_hash), typeof(hash), length(hash), typeof(redacted), redacted, at"
    " FROM audit_event WHERE id = ?"
)
_SQLALCHEMY_DATETIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.000000$")


def _stored(vault: Vault, event_id: int) -> tuple[object, ...]:
    with vault.engine.connect() as c:
        row = c.exec_driver_sql(_STORED, (event_id,)).one()
    return tuple(row)


def _last_id(vault: Vault) -> int:
    with vault.session() as s:
        return int(s.execute(select(AuditEvent.id).order_by(AuditEvent.id.desc())).scalar() or 0)


def test_the_unlock_event_of_a_plain_unlock_is_stored_as_the_orm_stores_it(
    vault: Vault, data_dir: Path
) -> None:
    """Opened on the common path (no engine made), the "unlock" row matches, column by
    column, the one audit.record writes through the ORM with the same action and
    detail; the ORM reads it back as its own, and the chain verifies."""
    vault.close()
    v = Vault.open(data_dir, passphrase=PASSPHRASE)
    try:
        assert v._engine is None  # the raw path was taken
        raw_id = _last_id(v)
        with v.session() as s:
            orm_id = audit.record(s, "unlock", {"with": "passphrase"}).id
            s.commit()
        raw, orm = _stored(v, raw_id), _stored(v, orm_id)
        assert raw[:-1] == orm[:-1]
        assert raw[:8] == (
            "text",
            "text",
            "unlock",
            "null",
            None,
            "text",
            '{"with": "passphrase"}',
            "blob",
        )
        assert _SQLALCHEMY_DATETIME.match(str(raw[-1])) and _SQLALCHEMY_DATETIME.match(str(orm[-1]))
        with v.session() as s:
            ev = s.get(AuditEvent, raw_id)
            assert ev is not None
            assert ev.detail == {"with": "passphrase"} and ev.redacted is False
            assert ev.nonce is not None and len(ev.nonce) == 16
            assert audit.verify(s) == []
    finally:
        v.close()


def test_an_appended_event_with_a_subject_and_no_detail_is_stored_as_the_orm_stores_it(
    vault: Vault,
) -> None:
    """The other shapes the chain has (a person's event, no detail: JSON null)."""
    key = vault.key_file.chain_key(vault._key)
    with vault._driver() as conn:
        auditchain.append(conn, key, "participant_read", None, "uid-1")
        raw_id = int(conn.execute("SELECT max(id) FROM audit_event").fetchone()[0])
    with vault.session() as s:
        orm_id = audit.record(s, "participant_read", None, "uid-1").id
        s.commit()
    raw, orm = _stored(vault, raw_id), _stored(vault, orm_id)
    assert raw[:-1] == orm[:-1]
    assert raw[3:7] == ("text", "uid-1", "text", "null")
    with vault.session() as s:
        assert audit.verify(s) == []


def test_many_plain_unlocks_keep_the_chain_and_the_check_intact(
    vault: Vault, data_dir: Path, passphrase_file: Path
) -> None:
    with vault.session() as s:
        audit.record(s, "search", {"results": 1})
        s.commit()
    vault.close()
    for _ in range(12):
        v = Vault.open(data_dir, passphrase=PASSPHRASE)
        assert v._engine is None
        v.close()
    assert (
        main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)]) == 0
    )
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        actions = [a for (a,) in s.execute(select(AuditEvent.action).order_by(AuditEvent.id))]
        assert actions.count("unlock") == 14  # 12, the check's, this one
        assert audit.verify(s) == []


def test_the_unlock_event_waits_for_a_writer_and_chains_onto_its_event(
    vault: Vault, data_dir: Path
) -> None:
    """A unit of work holds the write lock when the unlock's event is appended: the
    append waits (BEGIN IMMEDIATE, before the head is read) and follows that work's
    event, instead of chaining onto the same head (a fork) or failing."""
    key = vault.key_file.chain_key(vault._key)
    conn = vault._connect()  # a second driver connection on the same vault
    conn.isolation_level = None
    errors: list[BaseException] = []
    appended: dict[str, object] = {}

    def unlock_event() -> None:
        try:
            appended.update(auditchain.append(conn, key, "unlock", {"with": "passphrase"}))
        except BaseException as exc:
            errors.append(exc)

    with vault.session() as s:
        writer = audit.record(s, "search", {"results": 2})  # BEGIN IMMEDIATE taken
        t = threading.Thread(target=unlock_event)
        t.start()
        time.sleep(0.5)  # the append is waiting for the lock now
        assert t.is_alive()
        s.commit()
    t.join(10)
    conn.close()
    assert errors == []
    assert appended["prev_hash"] == writer.hash
    with vault.session() as s:
        assert audit.verify(s) == []
