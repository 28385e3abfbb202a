"""Attack: erase on a full disk (issue 12, item 6).

Erasure is a commit and then a compaction (VACUUM, WAL checkpoint), and either can
fail on a full disk. The report must be the truth: if the commit failed, nobody was
erased and the disk is full; if only the compaction failed, the person IS erased and
the coach is told how to finish (`coachdesk compact`), never "the erasure failed"
(which sends the coach to erase again a person who is gone), never a traceback.

The disk is real: a small tmpfs holding the vault (tests/smalldisk.py).
"""

from __future__ import annotations

from pathlib import Path

from canaries import canary_person, document
from smalldisk import fill, mounted
from sqlalchemy import select

from coachdesk.cli.main import main
from coachdesk.store import interchange
from coachdesk.store.models import Participant

PASSPHRASE = "correct horse battery"  # tests/conftest.py's, as in passphrase_file


def _vault_with_people(data_dir: Path, heavy_ref: str | None) -> None:
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault

    people = []
    for i in range(150):
        p = canary_person("B", ref=f"OTHER-{i:03d}")
        p["sessions"][0]["notes"] = "B" * 8_000
        people.append(p)
    small = canary_person("A", ref="SMALL-1")
    small.pop("sessions")
    people.append(small)
    if heavy_ref:
        heavy = canary_person("A", ref=heavy_ref)
        heavy["sessions"] = [
            dict(
                heavy["sessions"][0],
                date=f"2026-02-{d:02d}",
                week=None,
                notes="KanarieAxnotesQ7 " * 2_500,
            )
            for d in range(1, 21)
        ]
        people.append(heavy)
    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    with vault, vault.session() as s:
        interchange.import_document(s, document(*people))
        s.commit()


def _present(data_dir: Path, ref: str) -> bool:
    from coachdesk.store.vault import Vault

    with Vault.open(data_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        return s.execute(select(Participant.id).where(Participant.ref == ref)).first() is not None


def _unlocks(data_dir: Path) -> int:
    from coachdesk.store.models import AuditEvent
    from coachdesk.store.vault import Vault

    with Vault.open(data_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        return s.query(AuditEvent).filter(AuditEvent.action == "unlock").count()


def _erase(data_dir: Path, ref: str, passphrase_file: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    rc = main(
        [
            "--data-dir",
            str(data_dir),
            "erase",
            "--participant",
            ref,
            "--yes",
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    out = capsys.readouterr()
    return rc, out.err + out.out


def test_commit_fails_on_a_full_disk_nobody_is_erased_and_it_says_so(
    tmp_path, passphrase_file, capsys
):
    with mounted(tmp_path / "disk", 24 * 1024) as disk:
        data_dir = disk / "vault"
        _vault_with_people(data_dir, heavy_ref="HEAVY-1")
        unlocks = _unlocks(data_dir)
        # Room for the unlock (its WAL frames and the 32 KiB -shm), not for the erasure.
        fill(disk, leave=160 * 1024)
        rc, err = _erase(data_dir, "HEAVY-1", passphrase_file, capsys)
        assert rc == 1, err
        assert "disk is full" in err and "Nothing was changed" in err
        assert "Traceback" not in err and "damaged" not in err and "Kanarie" not in err
        (disk / "filler.bin").unlink()
        assert _unlocks(data_dir) == unlocks + 2  # the erase did open the vault
        assert _present(data_dir, "HEAVY-1")  # the truth: not erased
        assert _erase(data_dir, "HEAVY-1", passphrase_file, capsys)[0] == 0
        assert not _present(data_dir, "HEAVY-1")


def test_compaction_fails_after_the_commit_the_report_says_erased(
    tmp_path, passphrase_file, capsys
):
    with mounted(tmp_path / "disk", 24 * 1024) as disk:
        data_dir = disk / "vault"
        _vault_with_people(data_dir, heavy_ref=None)
        fill(disk, leave=400 * 1024)
        rc, err = _erase(data_dir, "SMALL-1", passphrase_file, capsys)
        assert rc == 1, err
        assert "SMALL-1 is erased" in err and "disk is full" in err
        assert "coachdesk compact" in err
        assert "Traceback" not in err and "damaged" not in err
        assert len(err.strip().splitlines()) == 1
        (disk / "filler.bin").unlink()
        assert not _present(data_dir, "SMALL-1")  # the truth: erased
        capsys.readouterr()
        assert (
            main(
                ["--data-dir", str(data_dir), "compact", "--passphrase-file", str(passphrase_file)]
            )
            == 0
        )
        assert (
            main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)])
            == 0
        )
