"""Attack: kill -9 a restore half-way (issue 12, item 3; security promise 6).

Before: restore wrote vault.db and then vault.key into the target folder; a crash
between the two left a folder that was neither a vault nor empty, so the restore could
not be repeated there. Now the vault is built and checked in a staging folder beside the
target and renamed into place. Each test kills a real ``coachdesk restore`` process
with SIGKILL at one point, then restores again into the same target: that must work and
give a vault that passes ``coachdesk check``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coachdesk.store import backup, interchange
from coachdesk.store.demo import demo_document
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE

N = 25

# Runs the real CLI, pausing (to be killed) at the first moment the process is about to
# create a file whose name contains PAUSE_NAME. Works on the code before the fix too,
# which is how the test shows the old half folder.
WRAPPER = r"""
import os, sys, time
name = os.environ["PAUSE_NAME"]
real_open = os.open
def pausing_open(path, flags, *a, **k):
    if flags & os.O_CREAT and name in os.path.basename(os.fspath(path)):
        sys.stderr.write("paused\n"); sys.stderr.flush(); time.sleep(300)
    return real_open(path, flags, *a, **k)
os.open = pausing_open
from coachdesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    env.update(extra)
    return env


@pytest.fixture
def a_backup(tmp_path: Path) -> Path:
    v, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=TEST_KDF)
    with v.session() as s:
        interchange.import_document(s, demo_document(N, seed=3))
        s.commit()
    out = tmp_path / "b.cdbackup"
    backup.create_backup(v, out)
    v.close()
    return out


def _restore_cmd(target: Path, file: Path, pf: Path) -> list[str]:
    return ["--data-dir", str(target), "restore", str(file), "--passphrase-file", str(pf)]


def _kill_when_paused(proc: subprocess.Popen) -> None:
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    line = ""
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if line.startswith("paused") or not line:
            break
    try:
        assert line.startswith("paused"), (
            f"the restore did not reach the kill point (exit {proc.poll()}, {line!r})"
        )
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)


def _restore_again_and_check(tmp_path: Path, target: Path, file: Path, pf: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "coachdesk", *_restore_cmd(target, file, pf)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "coachdesk",
            "--data-dir",
            str(target),
            "check",
            "--passphrase-file",
            str(pf),
        ],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    with Vault.open(target, passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.query(Participant).count() == N
    # Nothing of the killed restore is left beside the target.
    assert sorted(p.name for p in target.parent.iterdir() if ".restore-" in p.name) == []


@pytest.mark.slow
@pytest.mark.parametrize("pause_at", ["vault.key", "vault.lock"])
@pytest.mark.parametrize("target_state", ["absent", "empty folder"])
def test_kill_9_during_restore_then_restore_again(
    tmp_path, a_backup, passphrase_file, pause_at, target_state
):
    """Killed after the database was written and before the key file (``vault.key``),
    and after both, while the restored vault is being opened and checked
    (``vault.lock``)."""
    target = tmp_path / "restored"
    if target_state == "empty folder":
        target.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRAPPER, *_restore_cmd(target, a_backup, passphrase_file)],
        env=_env(PAUSE_NAME=pause_at),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _kill_when_paused(proc)
    # No half vault: the target is as it was (absent or empty).
    assert not target.exists() or list(target.iterdir()) == []
    _restore_again_and_check(tmp_path, target, a_backup, passphrase_file)


@pytest.mark.slow
@pytest.mark.parametrize(
    "point", ["restore-db-written", "restore-key-written", "restore-verified", "restore-moved"]
)
def test_kill_9_at_each_step_of_the_staged_restore(tmp_path, a_backup, passphrase_file, point):
    """The restore's own pause points (COACHDESK_TEST_PAUSE_AT): before the rename the
    target is untouched and a second restore works; after it the target is the whole
    restored vault and passes check."""
    target = tmp_path / "restored"
    target.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "coachdesk", *_restore_cmd(target, a_backup, passphrase_file)],
        env=_env(COACHDESK_TEST_PAUSE_AT=point),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _kill_when_paused(proc)
    if point == "restore-moved":
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "coachdesk",
                "--data-dir",
                str(target),
                "check",
                "--passphrase-file",
                str(passphrase_file),
            ],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        with Vault.open(target, passphrase=PASSPHRASE) as v, v.session() as s:
            assert s.query(Participant).count() == N
        # Only the killed run's (empty) lock file is left beside it; the next restore
        # into this name sweeps it.
        shutil_leftovers = [p for p in tmp_path.iterdir() if ".restore-" in p.name]
        assert all(p.name.endswith(".lock") and p.stat().st_size == 0 for p in shutil_leftovers)
        return
    assert list(target.iterdir()) == []
    staged = [p for p in tmp_path.iterdir() if p.name.startswith(".restored.restore-")]
    assert staged, "the killed restore left its staging folder (to be swept)"
    _restore_again_and_check(tmp_path, target, a_backup, passphrase_file)


def test_a_running_restore_is_not_swept_by_another(tmp_path, a_backup, passphrase_file):
    """A second restore into the same target while the first one is still working
    leaves the first one's staging folder alone."""
    target = tmp_path / "restored"
    proc = subprocess.Popen(
        [sys.executable, "-m", "coachdesk", *_restore_cmd(target, a_backup, passphrase_file)],
        env=_env(COACHDESK_TEST_PAUSE_AT="restore-key-written"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        assert proc.stderr.readline().startswith("paused")
        staged = [
            p for p in tmp_path.iterdir() if p.name.startswith(".restored.restore-") and p.is_dir()
        ]
        assert len(staged) == 1
        assert backup.sweep_stale_restores(target) == []
        assert staged[0].is_dir() and (staged[0] / "vault.key").exists()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert backup.sweep_stale_restores(target) == [staged[0].name]
    assert [p.name for p in tmp_path.iterdir() if ".restore-" in p.name] == []


def test_restore_over_a_folder_that_fills_meanwhile_overwrites_nothing(
    tmp_path, a_backup, monkeypatch
):
    """The rename refuses a target that is no longer empty: the file put there stays."""
    target = tmp_path / "restored"
    target.mkdir()
    real = backup._move_into_place

    def someone_writes_first(staging: Path, into: Path) -> None:
        (into / "notes.txt").write_text("mine")
        real(staging, into)

    monkeypatch.setattr(backup, "_move_into_place", someone_writes_first)
    with pytest.raises(backup.VaultExists, match="no longer empty"):
        backup.restore_backup(a_backup, target, passphrase=PASSPHRASE)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert [p.name for p in tmp_path.iterdir() if ".restore-" in p.name] == []


@pytest.mark.parametrize("how", ["dot", "symlink"])
def test_restore_into_the_current_folder_or_through_a_symlink(tmp_path, a_backup, monkeypatch, how):
    """The staging folder goes beside the real target: for '.', and through a link."""
    real = tmp_path / "real"
    real.mkdir()
    if how == "dot":
        monkeypatch.chdir(real)
        given = Path(".")
    else:
        given = tmp_path / "link"
        given.symlink_to(real, target_is_directory=True)
    assert backup.restore_backup(a_backup, given, passphrase=PASSPHRASE) == N
    assert sorted(p.name for p in real.iterdir()) >= ["vault.db", "vault.key"]
    monkeypatch.chdir(tmp_path)
    with Vault.open(real, passphrase=PASSPHRASE) as v:
        assert v.integrity_errors() == []
    assert [p.name for p in tmp_path.iterdir() if ".restore-" in p.name] == []
