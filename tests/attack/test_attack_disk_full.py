"""Attack: a full disk (issue 12, items 2 and 5).

A full disk is not a damaged database. Told "the database is damaged, restore the
latest backup", a coach would throw away the day's work; the truth is "the disk is
full, free some space", exit 1, and nothing changed. And the failing INSERT must not
print its parameters (job plans, accommodations, notes) in a traceback.

The disk is real: a small tmpfs holding the vault (tests/smalldisk.py), filled up.
"""

from __future__ import annotations

from pathlib import Path

from canaries import canary_person, document
from smalldisk import fill, mounted

from coachdesk.cli.main import main
from coachdesk.store import interchange

NOTES = 20_000  # characters of canary-laden notes per person: the import spills pages
PASSPHRASE = "correct horse battery"  # tests/conftest.py's, as in passphrase_file


def _heavy_document(n: int) -> dict:
    people = []
    for i in range(n):
        p = canary_person("A", ref=f"DISK-{i:04d}")
        p["sessions"][0]["notes"] = ("KanarieAxnotesQ7 " * (NOTES // 17))[:NOTES]
        people.append(p)
    return document(*people)


def _new_vault(data_dir: Path) -> None:
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault

    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    vault.close()


def _count(data_dir: Path) -> int:
    from coachdesk.store.models import Participant
    from coachdesk.store.vault import Vault

    with Vault.open(data_dir, passphrase=PASSPHRASE) as vault, vault.session() as s:
        return s.query(Participant).count()


def _import_on_full_disk(
    tmp_path: Path, passphrase_file: Path, capsys, *extra: str
) -> tuple[int, str, Path]:
    src = tmp_path / "people.json"
    src.write_bytes(interchange.dumps(_heavy_document(800)))
    disk = tmp_path / "disk"
    data_dir = disk / "vault"
    _new_vault(data_dir)
    fill(disk, leave=256 * 1024)
    capsys.readouterr()
    rc = main(
        [
            *extra,
            "--data-dir",
            str(data_dir),
            "import",
            str(src),
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    out = capsys.readouterr()
    return rc, out.err + out.out, data_dir


def test_full_disk_during_import_says_disk_full_and_changes_nothing(
    tmp_path, passphrase_file, capsys
):
    with mounted(tmp_path / "disk", 40 * 1024) as disk:
        rc, err, data_dir = _import_on_full_disk(tmp_path, passphrase_file, capsys)
        assert rc == 1, err
        assert "disk is full" in err
        assert "damaged" not in err and "backup" not in err
        assert len(err.strip().splitlines()) == 1  # one sentence, one line
        # Nothing changed: with the space back, the vault opens, is intact and empty.
        (disk / "filler.bin").unlink()
        assert _count(data_dir) == 0
        capsys.readouterr()
        assert (
            main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)])
            == 0
        )


def test_full_disk_during_import_prints_no_personal_data(tmp_path, passphrase_file, capsys):
    with mounted(tmp_path / "disk", 40 * 1024):
        rc, err, _ = _import_on_full_disk(tmp_path, passphrase_file, capsys)
    assert rc == 1
    assert "Traceback" not in err
    assert "Kanarie" not in err and "290288" not in err
    assert "INSERT" not in err and "parameters" not in err


def test_debug_shows_where_but_still_no_parameters(tmp_path, passphrase_file, capsys):
    with mounted(tmp_path / "disk", 40 * 1024):
        rc, err, _ = _import_on_full_disk(tmp_path, passphrase_file, capsys, "--debug")
    assert rc == 1
    assert "disk is full" in err
    assert "Traceback" in err and "interchange.py" in err  # where it happened
    assert "Kanarie" not in err and "290288" not in err
    assert "[parameters:" not in err


def test_the_real_command_prints_one_line_and_nothing_at_exit(tmp_path, passphrase_file):
    """As a process: nothing from interpreter shutdown (finalisers, 'Exception ignored
    in ...') may print what the in-process boundary kept back."""
    import subprocess
    import sys

    src = tmp_path / "people.json"
    src.write_bytes(interchange.dumps(_heavy_document(800)))
    with mounted(tmp_path / "disk", 40 * 1024) as disk:
        data_dir = disk / "vault"
        _new_vault(data_dir)
        fill(disk, leave=256 * 1024)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "coachdesk",
                "--data-dir",
                str(data_dir),
                "import",
                str(src),
                "--passphrase-file",
                str(passphrase_file),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("coachdesk: The disk is full")
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Kanarie" not in done.stderr + done.stdout
