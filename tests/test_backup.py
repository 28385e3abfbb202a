"""Backups: self-contained, encrypted, verified, rotated, restorable; damage refused."""

from __future__ import annotations

import datetime as dt
import errno
import os

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from coachdesk.cli.main import main
from coachdesk.errors import BadInput, VaultDamaged, VaultExists, WrongSecret
from coachdesk.store import audit, backup, interchange, settings
from coachdesk.store.demo import demo_document
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def _fill(vault: Vault, n: int = 12) -> list[str]:
    with vault.session() as s:
        interchange.import_document(s, demo_document(n, seed=3))
        s.commit()
        return sorted(r for (r,) in s.query(Participant.ref).all())


def _refs(vault: Vault) -> list[str]:
    with vault.session() as s:
        return sorted(r for (r,) in s.query(Participant.ref).all())


def test_backup_is_encrypted_and_restores_with_passphrase_and_code(vault_and_code, tmp_path):
    vault, code = vault_and_code
    refs = _fill(vault)
    with vault.session() as s:
        name = s.query(Participant.name).first()[0]
    out = tmp_path / "b" / "one.cdbackup"
    out.parent.mkdir()
    info = backup.create_backup(vault, out)
    data = out.read_bytes()
    assert data.startswith(backup.MAGIC) and info.size == len(data)
    # Never plaintext: no SQLite header, no name, no ref in the file.
    assert b"SQLite format 3" not in data
    assert name.encode() not in data and refs[0].encode() not in data
    assert sorted(os.listdir(out.parent)) == ["one.cdbackup"]  # no temp copy left behind
    with vault.session() as s:
        assert backup.last_good_backup(s) is not None
        assert s.query(audit.AuditEvent).filter_by(action="backup").count() == 1

    n = backup.restore_backup(out, tmp_path / "r1", passphrase=PASSPHRASE)
    assert n == len(refs)
    with Vault.open(tmp_path / "r1", passphrase=PASSPHRASE) as v:
        assert _refs(v) == refs and v.integrity_errors() == []
        with v.session() as s:
            assert audit.verify(s) == []
            assert s.query(audit.AuditEvent).filter_by(action="restore").count() == 1
    backup.restore_backup(out, tmp_path / "r2", recovery_code=code.lower())
    with Vault.open(tmp_path / "r2", recovery_code=code) as v:
        assert _refs(v) == refs


def test_restore_refuses_non_empty_folder_and_wrong_secret(vault, tmp_path):
    _fill(vault, 2)
    out = tmp_path / "b.cdbackup"
    backup.create_backup(vault, out)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "something.txt").write_text("x")
    with pytest.raises(VaultExists):
        backup.restore_backup(out, busy, passphrase=PASSPHRASE)
    assert sorted(os.listdir(busy)) == ["something.txt"]
    with pytest.raises(WrongSecret):
        backup.restore_backup(out, tmp_path / "new", passphrase="not the passphrase")
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize(
    "damage", ["flip_db", "flip_header", "truncate", "swap_keyfile", "not_backup"]
)
def test_damaged_or_tampered_backup_is_refused_and_nothing_written(vault, tmp_path, damage):
    _fill(vault, 3)
    out = tmp_path / "b.cdbackup"
    backup.create_backup(vault, out)
    data = bytearray(out.read_bytes())
    if damage == "flip_db":
        data[len(data) // 2] ^= 0x01
    elif damage == "flip_header":
        data[14] ^= 0x20
    elif damage == "truncate":
        data = data[: len(data) - 4096]
    elif damage == "swap_keyfile":
        # An attacker who also recomputes the outer checksum: the key file's own
        # checksum/MAC or SQLCipher's page HMACs must still refuse it.
        import hashlib

        body = bytes(data[:-32]).replace(b'"wrapped_key": "', b'"wrapped_key": "A', 1)
        head_len = int.from_bytes(body[8:12], "big")
        import json

        head = json.loads(body[12 : 12 + head_len])
        head["key_file_size"] += 1
        new_head = json.dumps(head, sort_keys=True, separators=(",", ":")).encode()
        body = body[:8] + len(new_head).to_bytes(4, "big") + new_head + body[12 + head_len :]
        data = bytearray(body + hashlib.sha256(body).digest())
    else:
        data = bytearray(b"PK\x03\x04 a zip file, not a backup")
    bad = tmp_path / "bad.cdbackup"
    bad.write_bytes(bytes(data))
    target = tmp_path / "restored"
    with pytest.raises(VaultDamaged):
        backup.restore_backup(bad, target, passphrase=PASSPHRASE)
    assert not target.exists() or list(target.iterdir()) == []
    # The CLI says so with exit status 4 and writes nothing.
    pf = tmp_path / "p.txt"
    pf.write_text(PASSPHRASE)
    assert main(["--data-dir", str(target), "restore", str(bad), "--passphrase-file", str(pf)]) == 4
    assert not target.exists() or list(target.iterdir()) == []


def test_tampered_page_with_recomputed_checksum_is_refused(vault, tmp_path):
    """A bit flipped inside the encrypted database, outer SHA-256 recomputed: the page
    HMAC check refuses it and the half-written restore is removed again."""
    import hashlib

    _fill(vault, 20)
    out = tmp_path / "b.cdbackup"
    backup.create_backup(vault, out)
    data = bytearray(out.read_bytes()[:-32])
    data[-5000] ^= 0x04  # inside the database part, in a page's ciphertext
    bad = tmp_path / "bad.cdbackup"
    bad.write_bytes(bytes(data) + hashlib.sha256(bytes(data)).digest())
    target = tmp_path / "restored"
    with pytest.raises(VaultDamaged):
        backup.restore_backup(bad, target, passphrase=PASSPHRASE)
    assert not (target / "vault.db").exists() and not (target / "vault.key").exists()


@pytest.mark.parametrize("how", ["fsync", "write"])
def test_disk_full_keeps_previous_backup_and_leaves_no_partial(vault, tmp_path, monkeypatch, how):
    _fill(vault, 5)
    out = tmp_path / "bk" / "coachdesk-20260101-120000.cdbackup"
    out.parent.mkdir()
    backup.create_backup(vault, out)
    before = out.read_bytes()
    _fill_more = demo_document(5, seed=9, first_number=100)
    with vault.session() as s:
        interchange.import_document(s, _fill_more)
        s.commit()

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if how == "fsync":
        monkeypatch.setattr(os, "fsync", full)
    else:
        import io

        real = io.BufferedWriter.write
        written = {"n": 0}

        def write(self, b):  # a disk that fills up after 64 KiB
            written["n"] += len(b)
            if written["n"] > 65536:
                full()
            return real(self, b)

        monkeypatch.setattr(
            io, "BufferedWriter", type("BW", (io.BufferedWriter,), {"write": write})
        )
        monkeypatch.setattr(os, "fdopen", lambda fd, mode: io.BufferedWriter(io.FileIO(fd, "wb")))
    with pytest.raises(backup.BackupFailed, match="disk is full"):
        backup.create_backup(vault, out)
    monkeypatch.undo()
    assert out.read_bytes() == before
    assert sorted(os.listdir(out.parent)) == [out.name]  # no temp file, no partial file
    # And through the CLI: a clear sentence, exit 1, no traceback.
    monkeypatch.setattr(os, "fsync", full)
    vault.close()
    pf = tmp_path / "p.txt"
    pf.write_text(PASSPHRASE)
    rc = main(
        [
            "--data-dir",
            str(vault.data_dir),
            "backup",
            "--out",
            str(out),
            "--passphrase-file",
            str(pf),
        ]
    )
    assert rc == 1
    monkeypatch.undo()
    assert out.read_bytes() == before and sorted(os.listdir(out.parent)) == [out.name]


def _names(times: list[dt.datetime]) -> list[str]:
    return [backup.backup_name(t) for t in times]


def test_rotation_keeps_seven_daily_and_four_weekly():
    start = dt.datetime(2026, 1, 1, 9, 0, 0)
    # Two backups a day for 60 days.
    times = [start + dt.timedelta(days=d, hours=h) for d in range(60) for h in (0, 8)]
    names = [*_names(times), "notes.txt", "coachdesk-garbage.cdbackup"]
    keep, delete = backup.rotation(names)
    kept = sorted(backup.parse_name(n) for n in keep)
    # The newest of each of the last 7 days...
    last = start + dt.timedelta(days=59, hours=8)
    daily = [last - dt.timedelta(days=i) for i in range(7)]
    assert set(daily) <= set(kept)
    # ...and the newest of each of the last 4 ISO weeks (3 fall in the daily set).
    weeks = {t.isocalendar()[:2] for t in kept}
    assert len(weeks) == 4
    assert len(keep) == 7 + 3 or len(keep) == 7 + 4  # depends on where the week starts
    assert len(keep) + len(delete) == len(times)
    assert "notes.txt" not in delete and "coachdesk-garbage.cdbackup" not in delete
    # Idempotent: rotating what was kept keeps all of it.
    assert backup.rotation(keep) == (keep, [])


def test_rotation_few_backups_keeps_all():
    names = _names([dt.datetime(2026, 3, d, 12) for d in (1, 2, 3)])
    keep, delete = backup.rotation(names)
    assert sorted(keep) == sorted(names) and delete == []
    assert backup.rotation([]) == ([], [])


def test_auto_backup_daily_rotation_and_warning(vault, tmp_path):
    _fill(vault, 3)
    folder = tmp_path / "auto"
    now = dt.datetime(2026, 5, 4, 17, 0, 0)
    # No folder chosen: nothing happens, but the warning says there is no backup.
    assert backup.maybe_auto_backup(vault, now) is None
    with vault.session() as s:
        assert "no backup" in backup.backup_warning(s, now)
        settings.put(s, "backup_dir", str(folder))
        s.commit()
    with pytest.raises(BadInput):  # folder missing (drive unplugged)
        backup.maybe_auto_backup(vault, now)
    folder.mkdir()
    made = []
    for day in range(20):
        t = now + dt.timedelta(days=day)
        info = backup.maybe_auto_backup(vault, t)
        assert info is not None
        made.append(info.path.name)
        # A second call the same day does nothing.
        assert backup.maybe_auto_backup(vault, t + dt.timedelta(hours=2)) is None
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted(backup.rotation(made)[0])
    assert 7 <= len(left) <= 11
    with vault.session() as s:
        last = backup.last_good_backup(s)
        assert last == now + dt.timedelta(days=19)
        assert backup.backup_warning(s, last + dt.timedelta(days=6)) is None
        assert "8 days old" in backup.backup_warning(s, last + dt.timedelta(days=8))


def test_cli_backup_and_restore_roundtrip(vault, tmp_path, passphrase_file):
    refs = _fill(vault, 4)
    vault.close()
    out = tmp_path / "cli.cdbackup"
    assert (
        main(
            [
                "--data-dir",
                str(vault.data_dir),
                "backup",
                "--out",
                str(out),
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        == 0
    )
    target = tmp_path / "restored"
    assert (
        main(
            [
                "--data-dir",
                str(target),
                "restore",
                str(out),
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        == 0
    )
    assert (
        main(["--data-dir", str(target), "check", "--passphrase-file", str(passphrase_file)]) == 0
    )
    with Vault.open(target, passphrase=PASSPHRASE) as v:
        assert _refs(v) == refs
    # Into the (now non-empty) folder again: exit 2, nothing touched.
    before = (target / "vault.db").read_bytes()
    assert (
        main(
            [
                "--data-dir",
                str(target),
                "restore",
                str(out),
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        == 2
    )
    assert (target / "vault.db").read_bytes() == before


def test_backup_cli_bad_out_folder(vault, tmp_path, passphrase_file, capsys):
    vault.close()
    rc = main(
        [
            "--data-dir",
            str(vault.data_dir),
            "backup",
            "--out",
            str(tmp_path / "nope" / "b.cdbackup"),
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    assert rc == 2
    assert "does not exist" in capsys.readouterr().err


def test_read_backup_info_has_no_personal_data(vault, tmp_path):
    _fill(vault, 2)
    out = tmp_path / "b.cdbackup"
    backup.create_backup(vault, out)
    head = backup.read_backup_info(out)
    assert set(head) == {
        "format",
        "version",
        "schema",
        "created_at",
        "key_file_size",
        "database_size",
    }


def test_backup_file_is_private_and_stale_temp_files_are_swept(vault, tmp_path):
    from coachdesk.store.atomic import RunLock

    folder = tmp_path / "bk"
    folder.mkdir()
    out = folder / backup.backup_name(dt.datetime(2026, 1, 1, 12))
    backup.create_backup(vault, out)
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600
    # What a backup killed half-way leaves: its encrypted copy and the atomic temp file
    # (also as versions before the run lock named it), and a run lock nobody holds.
    stale = [
        folder / ".coachdesk-copy-123-abcd.tmp",
        folder / ".coachdesk-copy-123-abcd.tmp-journal",
        folder / ".coachdesk-part-124-abcd.tmp",
        folder / ".coachdesk-run-124-abcd.lock",
        folder / f".{out.name}.123.abcd.tmp",
    ]
    fresh = folder / ".coachdesk-copy-456-ef01.tmp"  # a backup running right now
    running = RunLock.try_take(folder / ".coachdesk-run-456-ef01.lock")
    assert running is not None
    other = folder / ".something-else.tmp"
    for f in [*stale, fresh, other]:
        f.write_bytes(b"x")
    try:
        backup.rotate(folder)
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            [out.name, fresh.name, other.name, ".coachdesk-run-456-ef01.lock"]
        )
    finally:
        running.release(remove=True)
    backup.rotate(folder)  # the run ended without cleaning up (killed): now swept
    assert sorted(p.name for p in folder.iterdir()) == sorted([out.name, other.name])


@hsettings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 1, 1)),
        max_size=80,
    )
)
def test_rotation_properties(times):
    names = sorted({backup.backup_name(t.replace(microsecond=0)) for t in times})
    keep, delete = backup.rotation(names)
    assert sorted(keep + delete) == names and not set(keep) & set(delete)
    assert len(keep) <= backup.KEEP_DAILY + backup.KEEP_WEEKLY
    if names:
        assert max(names) in keep  # the newest backup is never deleted
        days = {backup.parse_name(n).date() for n in names}
        assert len(keep) >= min(len(days), backup.KEEP_DAILY)
    assert backup.rotation(keep) == (keep, [])
