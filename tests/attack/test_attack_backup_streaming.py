"""Attack: the streaming backup and restore (issue 19 item 2; security promise 6).

Since the backup file is written, verified and restored in chunks, there are moments
the whole-file version did not have: a backup file that exists half-written on disk
while its database is still being copied into it, a restore that reads the file twice
(once to check it, once to copy it), and a disk that fills in the middle of either.
Each promise is attacked with a real process or a real small disk:

- kill -9 in the middle of writing the database into the backup file: the earlier
  backup under that name is whole, what is left is private, encrypted and swept;
- the backup file is changed or cut after restore checked it: refused as damaged,
  nothing written;
- a disk that fills while the backup file, or the restored database, is being written:
  the plain "disk is full" sentence, nothing left behind.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from smalldisk import fill, mounted

from coachdesk.errors import VaultDamaged
from coachdesk.store import backup, interchange
from coachdesk.store.demo import demo_document
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE

PAGE = 4096  # SQLCipher 4's page size
N = 300  # about 1.7 MB of database: more than one CHUNK, so a kill mid-copy is mid-file


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    env.update(extra)
    return env


@pytest.fixture
def filled_dir(tmp_path: Path) -> Path:
    d = tmp_path / "filled"
    v, _ = Vault.create(d, PASSPHRASE, kdf=TEST_KDF)
    with v.session() as s:
        interchange.import_document(s, demo_document(N, seed=7))
        s.commit()
    v.close()
    return d


@pytest.fixture
def a_backup(tmp_path: Path, filled_dir: Path) -> Path:
    out = tmp_path / "b" / "coachdesk-20260101-120000.cdbackup"
    out.parent.mkdir()
    with Vault.open(filled_dir, passphrase=PASSPHRASE) as v:
        backup.create_backup(v, out)
    return out


def _cli(*args: str, **env: str) -> list[str]:
    return [sys.executable, "-m", "coachdesk", *args]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_9_in_the_middle_of_the_streamed_file(tmp_path, filled_dir, a_backup, passphrase_file):
    before = a_backup.read_bytes()
    db_size = backup.read_backup_info(a_backup)["database_size"]
    assert db_size > backup.CHUNK  # the kill point is after the first of several chunks
    proc = subprocess.Popen(
        _cli(
            "--data-dir",
            str(filled_dir),
            "backup",
            "--out",
            str(a_backup),
            "--passphrase-file",
            str(passphrase_file),
        ),
        env=_env(COACHDESK_TEST_PAUSE_AT="backup-writing"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    line = ""
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if line.startswith("paused") or not line:
            break
    try:
        assert line.startswith("paused"), f"no kill point reached ({line!r})"
        folder = a_backup.parent
        part = [p for p in folder.iterdir() if p.name.startswith(".coachdesk-part-")]
        # The file is being written: it exists, holds less than the whole, and is private.
        assert len(part) == 1 and 0 < part[0].stat().st_size < len(before)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    # The backup under its name is the earlier one, byte for byte.
    assert a_backup.read_bytes() == before
    leftovers = [p for p in folder.iterdir() if p != a_backup]
    assert leftovers and all(backup._is_our_temp(p.name) for p in leftovers)
    for p in leftovers:
        if p.name.endswith(".tmp"):
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name
            data = p.read_bytes()
            assert b"SQLite format 3" not in data and b"Deltager" not in data, p.name
    # The next backup sweeps them and is whole.
    r = subprocess.run(
        _cli(
            "--data-dir",
            str(filled_dir),
            "backup",
            "--out",
            str(a_backup),
            "--passphrase-file",
            str(passphrase_file),
        ),
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in folder.iterdir()) == [a_backup.name]
    assert backup.restore_backup(a_backup, tmp_path / "r", passphrase=PASSPHRASE) == N


@pytest.mark.parametrize("change", ["flip a byte", "cut off", "swap the database"])
def test_backup_changed_after_its_check_is_refused(
    tmp_path, filled_dir, a_backup, monkeypatch, change
):
    """The file is read twice (checked, then copied); what changes between is caught
    by the second checksum, and the target stays as it was."""
    # A page from an older backup of the same vault, at the same place: same key, same
    # page number, so its HMAC checks out; only the checksum can tell.
    older = tmp_path / "older.cdbackup"
    older.write_bytes(a_backup.read_bytes())
    with Vault.open(filled_dir, passphrase=PASSPHRASE) as v:
        backup.create_backup(v, a_backup)
    real = backup._parse_file

    def then_change(fh, name):
        parsed = real(fh, name)
        data = bytearray(a_backup.read_bytes())
        start = parsed.db_offset
        if change == "flip a byte":
            data[start + parsed.db_size // 2] ^= 0x01
        elif change == "cut off":
            del data[start + parsed.db_size // 2 :]
        else:  # one page of the older backup, where its database differs
            old = older.read_bytes()
            page = next(
                i
                for i in range(PAGE, parsed.db_size - PAGE, PAGE)
                if old[start + i : start + i + PAGE] != data[start + i : start + i + PAGE]
            )
            data[start + page : start + page + PAGE] = old[start + page : start + page + PAGE]
        with open(a_backup, "r+b") as f:  # in place: the open handle sees the change
            f.write(data)
            f.truncate()
        return parsed

    monkeypatch.setattr(backup, "_parse_file", then_change)
    target = tmp_path / "restored"
    with pytest.raises(VaultDamaged, match="changed while it was read"):
        backup.restore_backup(a_backup, target, passphrase=PASSPHRASE)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if ".restore-" in p.name] == []


def test_disk_full_while_streaming_the_backup_file(tmp_path, filled_dir, passphrase_file):
    """A real disk with room for the checked copy but not for the file as well."""
    from coachdesk.cli.main import main

    disk = tmp_path / "disk"
    with mounted(disk, 64 * 1024):
        probe = tmp_path / "probe.cdbackup"
        with Vault.open(filled_dir, passphrase=PASSPHRASE) as v:
            backup.create_backup(v, probe)
        db_size = backup.read_backup_info(probe)["database_size"]
        fill(disk, leave=db_size + db_size // 2)
        out = disk / "coachdesk-20260101-120000.cdbackup"
        with (
            Vault.open(filled_dir, passphrase=PASSPHRASE) as v,
            pytest.raises(backup.BackupFailed, match="the disk is full"),
        ):
            backup.create_backup(v, out)
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]
        rc = main(
            [
                "--data-dir",
                str(filled_dir),
                "backup",
                "--out",
                str(out),
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        assert rc == 1
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]


def test_disk_full_while_streaming_the_restore(tmp_path, a_backup):
    disk = tmp_path / "disk"
    with mounted(disk, 64 * 1024):
        db_size = backup.read_backup_info(a_backup)["database_size"]
        fill(disk, leave=db_size // 2)
        target = disk / "restored"
        with pytest.raises(backup.BackupFailed, match=r"the disk is full\. Nothing was written"):
            backup.restore_backup(a_backup, target, passphrase=PASSPHRASE)
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]
    # And with room, the same file restores.
    assert backup.restore_backup(a_backup, tmp_path / "r", passphrase=PASSPHRASE) == N
    with Vault.open(tmp_path / "r", passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.query(Participant).count() == N
