"""The vault's own driver connections before SQLAlchemy's engine exists (issue 19 item
4: a plain unlock opens without SQLAlchemy): a long read on one thread holds up no one
else, as the engine's pool did not, and connections taken before a drop are not kept."""

from __future__ import annotations

import threading
from pathlib import Path

from coachdesk.store import audit
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def _count(conn, table: str) -> int:  # type: ignore[no-untyped-def]
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_held_raw_read_blocks_neither_another_read_nor_the_first_session(
    vault: Vault, data_dir: Path
) -> None:
    vault.close()
    v = Vault.open(data_dir, passphrase=PASSPHRASE)
    try:
        assert v._engine is None  # the plain unlock: the vault's own connections
        inside, go = threading.Event(), threading.Event()
        got: list[int] = []

        def slow(conn):  # type: ignore[no-untyped-def]
            inside.set()
            go.wait(10)
            return _count(conn, "audit_event")

        t = threading.Thread(target=lambda: got.append(v.read_raw(slow)))
        t.start()
        assert inside.wait(10)
        done = threading.Event()

        def others() -> None:
            v.read_raw(_count, "participant")  # a second reader meanwhile
            v.write(audit.record, "search", {"results": 0})  # the engine made, a commit
            done.set()

        o = threading.Thread(target=others)
        o.start()
        assert done.wait(5), "held up behind the read in progress"
        go.set()
        t.join(10)
        o.join(10)
        assert got and got[0] >= 2
        # The engine exists now: the held connection closed when it came back.
        assert v._raw is None
        with v.session() as s:
            assert audit.verify(s) == []
    finally:
        go.set()
        v.close()


def test_a_connection_taken_before_a_drop_is_not_kept(vault: Vault, data_dir: Path) -> None:
    """A rotation drops every connection before the rekey: one in use then must close
    when it comes back, not wait as the idle one under the old key."""
    vault.close()
    v = Vault.open(data_dir, passphrase=PASSPHRASE)
    try:
        with v._driver() as conn:
            v._drop_connections()
            conn.execute("SELECT 1").fetchone()
        assert v._raw is None
        with v._driver() as conn2:
            assert conn2 is not conn
        assert v._raw is conn2  # kept as the idle one again
    finally:
        v.close()
