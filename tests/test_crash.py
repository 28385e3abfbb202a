"""Fault safety: kill -9 mid-import, one CoachDesk per vault, unusable data folders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from coachdesk.cli.main import main
from coachdesk.errors import VaultInUse
from coachdesk.store import interchange
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE

COACHDESK = [sys.executable, "-m", "coachdesk"]


def synthetic(n: int, prefix: str = "K") -> dict[str, Any]:
    people = []
    for i in range(n):
        people.append(
            {
                "ref": f"{prefix}-{i:05d}",
                "name": f"Deltager {i}",
                "cpr": "010190-9001",
                "referral_date": "2026-01-05",
                "course_start": "2026-01-12",
                "status": "individual_phase",
                "assessments": [
                    {
                        "kind": "screening",
                        "date": "2026-01-12",
                        "answers": [3, 3, 4, 1, 1, 4, 2, 1, 3, 3],
                    }
                ],
                "sessions": [
                    {
                        "date": f"2026-02-{d:02d}",
                        "minutes": 60,
                        "themes": ["boundaries_time"],
                        "notes": "Samtale om søvn og grænser. " * 8,
                        "actions": ["Gå en tur hver dag"],
                    }
                    for d in range(2, 9)
                ],
                "job_plan": {
                    "values": ["Ro"],
                    "direction": "Tilbage til faget",
                    "goals": [{"text": "Mål", "status": "open"}],
                    "accommodations": [{"category": "hours", "description": "Færre timer"}],
                    "updated_on": "2026-02-20",
                },
            }
        )
    return {"format": "coachdesk.participants", "version": 1, "participants": people}


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    return env


def _count(data_dir: Path) -> int:
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        return s.query(Participant).count()


def _wal_size(data_dir: Path) -> int:
    try:
        return (data_dir / "vault.db-wal").stat().st_size
    except OSError:
        return 0


@pytest.mark.slow
@pytest.mark.parametrize("when", ["0.5s", "wal>2MiB"])
def test_kill_9_during_a_large_import_is_all_or_nothing(tmp_path, passphrase_file, when):
    """kill -9 while parsing, and while the transaction is being written (the WAL
    is growing): ``check`` passes and the vault holds none or all of the file."""
    data_dir = tmp_path / "v"
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)[0].close()
    f = tmp_path / "big.json"
    f.write_bytes(interchange.dumps(synthetic(3000)))
    proc = subprocess.Popen(
        [
            *COACHDESK,
            "--data-dir",
            str(data_dir),
            "import",
            str(f),
            "--passphrase-file",
            str(passphrase_file),
        ],
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    t0 = time.monotonic()
    if when == "0.5s":
        time.sleep(0.5)
    else:
        limit = 2 * 1024 * 1024
        while _wal_size(data_dir) < limit and proc.poll() is None and time.monotonic() - t0 < 120:
            time.sleep(0.005)
    finished = proc.poll() is not None
    if not finished:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert not finished, "the import ended before the kill: make the file bigger"
    wal = _wal_size(data_dir)
    r = subprocess.run(
        [
            *COACHDESK,
            "--data-dir",
            str(data_dir),
            "check",
            "--passphrase-file",
            str(passphrase_file),
        ],
        env=_env(tmp_path),
        capture_output=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr.decode()
    n = _count(data_dir)
    print(f"kill at {when} after {time.monotonic() - t0:.1f}s, WAL {wal} bytes: {n} people")
    assert n in (0, 3000), n


def test_second_open_of_the_same_vault_is_refused(vault, passphrase_file, capsys):
    with pytest.raises(VaultInUse):
        Vault.open(vault.data_dir, passphrase=PASSPHRASE)
    assert (
        main(
            ["--data-dir", str(vault.data_dir), "check", "--passphrase-file", str(passphrase_file)]
        )
        == 5
    )
    assert "another running CoachDesk" in capsys.readouterr().err
    vault.close()
    assert (
        main(
            ["--data-dir", str(vault.data_dir), "check", "--passphrase-file", str(passphrase_file)]
        )
        == 0
    )


HOLDER = """
import sys, time
from pathlib import Path
from coachdesk.store.vault import Vault
v = Vault.open(Path(sys.argv[1]), passphrase=sys.argv[2])
print("open", flush=True)
time.sleep(120)
"""


def test_stale_lock_after_kill_9_is_recovered(tmp_path, passphrase_file):
    data_dir = tmp_path / "v"
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)[0].close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir), PASSPHRASE],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        rc = subprocess.run(
            [
                *COACHDESK,
                "--data-dir",
                str(data_dir),
                "check",
                "--passphrase-file",
                str(passphrase_file),
            ],
            env=_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert rc.returncode == 5 and "Traceback" not in rc.stderr
        assert "another running CoachDesk" in rc.stderr
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    assert (data_dir / "vault.lock").exists()  # the file stays; the OS lock went
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v:
        assert v.integrity_errors() == []


def test_missing_data_dir_gives_a_clear_message(tmp_path, passphrase_file, capsys):
    rc = main(
        [
            "--data-dir",
            str(tmp_path / "nowhere"),
            "check",
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    err = capsys.readouterr().err
    assert rc == 2 and "no vault" in err.lower() and "Traceback" not in err
    rc = main(
        [
            "--data-dir",
            str(tmp_path / "nowhere"),
            "backup",
            "--out",
            str(tmp_path / "b.cdbackup"),
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    assert rc == 2 and not (tmp_path / "b.cdbackup").exists()


def _make_vault_and_inputs(tmp_path: Path, data_dir: Path) -> tuple[Path, Path]:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)[0].close()
    pf = tmp_path / "p.txt"
    pf.write_text(PASSPHRASE)
    doc = tmp_path / "in.json"
    doc.write_bytes(interchange.dumps(synthetic(2, "RO")))
    return pf, doc


def _args(command: str, data_dir: Path, pf: Path, doc: Path) -> list[str]:
    return {
        "check": ["check", "--passphrase-file", str(pf)],
        "import": ["import", str(doc), "--passphrase-file", str(pf)],
        "erase": ["erase", "--participant", "X", "--yes", "--passphrase-file", str(pf)],
        "backup": ["backup", "--out", str(data_dir / "b.cdbackup"), "--passphrase-file", str(pf)],
    }[command]


@pytest.mark.parametrize("command", ["check", "import", "erase", "backup"])
def test_read_only_data_dir_simulated(tmp_path, monkeypatch, capsys, command):
    """Every write into the data folder fails with EROFS (a read-only drive)."""
    import errno

    data_dir = tmp_path / "v"
    pf, doc = _make_vault_and_inputs(tmp_path, data_dir)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    real_open = os.open
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def ro_open(path, flags, *a, **k):
        if flags & writing and Path(path).resolve().is_relative_to(data_dir.resolve()):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *a, **k)

    monkeypatch.setattr(os, "open", ro_open)
    rc = main(["--data-dir", str(data_dir), *_args(command, data_dir, pf, doc)])
    err = capsys.readouterr().err
    assert rc == 2, err
    assert "read-only" in err.lower() and str(data_dir) in err
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before


@pytest.fixture
def ro_mount(tmp_path):
    """A real read-only file system (tmpfs remounted ro) when we may mount; else skip."""
    import shutil

    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root to mount a read-only file system")
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mnt)], capture_output=True
    )
    if r.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


@pytest.mark.parametrize("command", ["check", "import", "backup"])
def test_read_only_file_system(tmp_path, ro_mount, command):
    data_dir = ro_mount / "v"
    pf, doc = _make_vault_and_inputs(tmp_path, data_dir)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    subprocess.run(["mount", "-o", "remount,ro", str(ro_mount)], check=True)
    r = subprocess.run(
        [*COACHDESK, "--data-dir", str(data_dir), *_args(command, data_dir, pf, doc)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and "read-only" in r.stderr.lower(), r.stderr
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before


BACKUP_LOOP = """
import sys
from pathlib import Path
from coachdesk.store.vault import Vault
from coachdesk.store.backup import create_backup
v = Vault.open(Path(sys.argv[1]), passphrase=sys.argv[2])
out = Path(sys.argv[3])
create_backup(v, out)
print("first", flush=True)
while True:
    create_backup(v, out)
"""


@pytest.mark.slow
def test_kill_9_while_writing_backups_leaves_a_whole_one(tmp_path, passphrase_file):
    from coachdesk.store import backup

    data_dir = tmp_path / "v"
    v, _ = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    with v.session() as s:
        interchange.import_document(s, synthetic(300))
        s.commit()
    v.close()
    folder = tmp_path / "bk"
    folder.mkdir()
    out = folder / "coachdesk-20260101-120000.cdbackup"
    for delay in (0.05, 0.2, 0.45):
        proc = subprocess.Popen(
            [sys.executable, "-c", BACKUP_LOOP, str(data_dir), PASSPHRASE, str(out)],
            env=_env(tmp_path),
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "first"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        # The file is a whole, valid backup (the old one or a new one), never half.
        backup.read_backup_info(out)
        leftovers = [p.name for p in folder.iterdir() if p != out]
        assert all(backup._is_our_temp(n) for n in leftovers), leftovers
        for n in leftovers:  # what a kill leaves is encrypted too
            data = (folder / n).read_bytes()
            assert b"Deltager" not in data and b"SQLite format 3" not in data, n
    target = tmp_path / "restored"
    assert backup.restore_backup(out, target, passphrase=PASSPHRASE) == 300
