"""Attack: a full disk while a vault is unlocked and migrated (issue 12, item 2).

Unlocking an older vault migrates its schema, which writes. On a full disk that write
fails with SQLite's "database or disk is full"; it must be reported as a full disk
(exit 1), never as a damaged database (exit 4, "restore the latest backup"), which
would send the coach to an older backup and lose the day's work. Once space is back,
the same vault opens and passes check.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from smalldisk import fill, mounted

from coachdesk.cli.main import main

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "vault-v1"
PASSPHRASE = "vault-v1 fixture passphrase"


def test_migrating_on_a_full_disk_says_disk_full_not_damaged(tmp_path, capsys):
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    with mounted(tmp_path / "disk", size_kib=2048) as disk:
        data_dir = disk / "vault"
        data_dir.mkdir(mode=0o700)
        for name in ("vault.db", "vault.key"):
            shutil.copy(FIXTURE / name, data_dir / name)
        filler = fill(disk, leave=0)
        capsys.readouterr()
        rc = main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(secret)])
        err = capsys.readouterr().err
        assert rc == 1, err
        assert "full" in err.lower()
        assert "damaged" not in err.lower() and "restore" not in err.lower()
        assert "Traceback" not in err

        filler.unlink()
        rc = main(
            ["--debug", "--data-dir", str(data_dir), "check", "--passphrase-file", str(secret)]
        )
        assert rc == 0, capsys.readouterr().err
