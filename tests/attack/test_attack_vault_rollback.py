"""Item 13: an older copy of vault.db (from before an erasure) is refused at open and by
`check` ("rolled back", exit 4); a database with more events than the anchor (a crash
after a commit, before the anchor moved) still opens."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from coachdesk.cli.main import main
from coachdesk.errors import VaultDamaged
from coachdesk.store import audit
from coachdesk.store.erasure import erase_participant
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def _add(vault, ref: str) -> None:
    with vault.session() as s:
        p = Participant(ref=ref, name="Bo Test")
        s.add(p)
        s.flush()
        audit.record(s, "participant_created", subject=p.uid)
        s.commit()


def test_an_older_database_from_before_an_erasure_is_refused(
    vault, data_dir, tmp_path, passphrase_file, capsys
):
    _add(vault, "ERASE-ME")
    vault.close()
    old = tmp_path / "old.db"
    shutil.copy(data_dir / "vault.db", old)  # the thief's copy, before the erasure
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v:
        erase_participant(v, "ERASE-ME")
    shutil.copy(old, data_dir / "vault.db")
    with pytest.raises(VaultDamaged, match="rolled back"):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    assert (
        main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)]) == 4
    )
    assert "rolled back" in capsys.readouterr().err


def test_same_length_but_other_events_is_refused(vault, data_dir, tmp_path):
    """An older copy padded to the anchored length does not match the anchored head."""
    vault.close()
    snap = tmp_path / "snap.db"
    shutil.copy(data_dir / "vault.db", snap)
    with Vault.open(data_dir, passphrase=PASSPHRASE):
        pass
    # the copy gets as many events as the real one has now, but different ones
    shutil.copy(snap, data_dir / "vault.db")
    from coachdesk.store.keyfile import KeyFile

    kf, _ = KeyFile.parse((data_dir / "vault.key").read_bytes())
    assert kf.anchor is not None
    import sqlcipher3

    key = kf.unwrap("passphrase", PASSPHRASE.encode())
    conn = sqlcipher3.connect(str(data_dir / "vault.db"))
    conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
    have = conn.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    for _ in range(kf.anchor.length - have):
        conn.execute(
            "INSERT INTO audit_event (at, action, content_hash, prev_hash, hash, "
            "redacted) VALUES ('2026-01-01 00:00:00', 'search', :h, :h, :h, 0)",
            {"h": "c" * 64},
        )
    conn.commit()
    conn.close()
    with pytest.raises(VaultDamaged, match="rolled back"):
        Vault.open(data_dir, passphrase=PASSPHRASE)


def test_more_events_than_the_anchor_still_opens(vault, data_dir):
    """A crash after a commit, before the anchor moved: the anchor is a prefix."""
    anchored = vault.key_file.anchor
    for i in range(3):
        _add(vault, f"P-{i}")
    # simulate the crash: the key file never learns of these saves
    vault.engine.dispose()
    vault._wipe_key()
    vault._lock.release()
    from coachdesk.store.keyfile import KeyFile

    kf, _ = KeyFile.parse((data_dir / "vault.key").read_bytes())
    assert kf.anchor == anchored
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        assert len(s.execute(select(Participant)).scalars().all()) == 3
        assert audit.verify(s) == []
    kf, _ = KeyFile.parse((data_dir / "vault.key").read_bytes())
    assert kf.anchor is not None and anchored is not None
    assert kf.anchor.length > anchored.length


def test_a_disclosure_moves_the_anchor_at_once(vault, data_dir):
    from coachdesk.store.keyfile import KeyFile
    from coachdesk.store.models import Disclosure

    _add(vault, "D-1")
    before = KeyFile.parse((data_dir / "vault.key").read_bytes())[0].anchor
    with vault.session() as s:
        pid = s.execute(select(Participant.id)).scalar_one()
        s.add(Disclosure(participant_id=pid, kind="json", sections=[], sha256="d" * 64))
        audit.record(s, "export", {"format": "json", "participants": 1})
        s.commit()
    after = KeyFile.parse((data_dir / "vault.key").read_bytes())[0].anchor
    assert before is not None and after is not None and after.length > before.length


def test_an_ordinary_save_does_not_write_the_key_file(vault, data_dir):
    key = data_dir / "vault.key"
    before = key.stat().st_mtime_ns, key.read_bytes()
    _add(vault, "S-1")
    assert (key.stat().st_mtime_ns, key.read_bytes()) == before


def test_a_backup_restores_although_the_live_anchor_moved_on(vault, data_dir, tmp_path):
    """A backup's key file never records more than its database holds: it restores and
    opens after the live vault's anchor has moved past it."""
    from coachdesk.store.backup import create_backup, restore_backup
    from coachdesk.store.models import Disclosure

    _add(vault, "B-1")
    out = tmp_path / "b.cdbackup"
    create_backup(vault, out)
    with vault.session() as s:  # a disclosure after the backup moves the live anchor
        pid = s.execute(select(Participant.id)).scalar_one()
        s.add(Disclosure(participant_id=pid, kind="json", sections=[], sha256="e" * 64))
        s.commit()
    vault.close()
    assert restore_backup(out, tmp_path / "restored", passphrase=PASSPHRASE) == 1
    with Vault.open(tmp_path / "restored", passphrase=PASSPHRASE) as v, v.session() as s:
        assert audit.verify(s) == []
    # the backup's database put under the live key file is an older copy: refused
    shutil.copy(tmp_path / "restored" / "vault.db", data_dir / "vault.db")
    with pytest.raises(VaultDamaged, match="rolled back"):
        Vault.open(data_dir, passphrase=PASSPHRASE)
    assert not (data_dir / "vault.db-wal").exists()


def _raw(data_dir):  # type: ignore[no-untyped-def]
    import sqlcipher3

    from coachdesk.store.keyfile import KeyFile

    kf, _ = KeyFile.parse((data_dir / "vault.key").read_bytes())
    key = kf.unwrap("passphrase", PASSPHRASE.encode())
    conn = sqlcipher3.connect(str(data_dir / "vault.db"))
    conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
    return kf, conn


@pytest.mark.parametrize("gap", [False, True])
def test_the_anchor_is_the_nth_event_in_id_order_whatever_the_ids(vault, data_dir, gap):
    """The anchor check finds the n-th event by its id when the ids have no gap (a lookup,
    not a scan) and by counting when they do: either way the same event. With the log's
    ids moved (densely, or with a gap before the anchored event) the vault opens; with
    the anchored event's hash changed it is refused."""
    for i in range(3):
        _add(vault, f"G-{i}")
    vault.close()
    kf, conn = _raw(data_dir)
    assert kf.anchor is not None
    # Move every id up by 100 (dense: the lookup is by id min + n - 1), or only the
    # first event's down to -5 (a gap: min + n - 1 would be another event).
    if gap:
        conn.execute("UPDATE audit_event SET id = -5 WHERE id = (SELECT min(id) FROM audit_event)")
    else:
        conn.execute("UPDATE audit_event SET id = id + 100")
    conn.commit()
    conn.close()
    Vault.open(data_dir, passphrase=PASSPHRASE).close()
    kf, conn = _raw(data_dir)
    anchored = kf.anchor
    assert anchored is not None
    nth = conn.execute(
        f"SELECT id FROM audit_event ORDER BY id LIMIT 1 OFFSET {anchored.length - 1}"
    ).fetchone()[0]
    conn.execute("UPDATE audit_event SET hash = :h WHERE id = :id", {"h": "f" * 64, "id": nth})
    conn.commit()
    conn.close()
    with pytest.raises(VaultDamaged, match="rolled back"):
        Vault.open(data_dir, passphrase=PASSPHRASE)
