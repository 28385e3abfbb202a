"""Attack: a full disk at the common unlock, which writes its "unlock" event through
the driver alone (store/auditchain.append, issue 19 item 4), not through SQLAlchemy.

That event is the only write a plain unlock makes. On a full disk it must fail as the
ORM's write did: a full disk said in plain words (exit 1), never "damaged" or "restore
the latest backup", no traceback and nothing of the vault's content; the chain keeps
no half-written event, and the vault opens and passes ``check`` once space is back.
The same from the GUI's unlock worker (ui/unlock_view.open_and_read): the app's own
DiskFull, which the unlock screen words.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from canaries import canary_person, document, needles
from smalldisk import fill, mounted

from coachdesk.cli.main import main
from coachdesk.errors import DiskFull
from coachdesk.store import interchange
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def _actions(target: Path) -> list[str]:
    with Vault.open(target, passphrase=PASSPHRASE) as v:
        return [
            r[0]
            for r in v.read_raw(
                lambda c: c.execute("SELECT action FROM audit_event ORDER BY id").fetchall()
            )
        ]


@pytest.mark.parametrize("where", ["cli", "unlock worker"])
def test_a_full_disk_at_a_plain_unlock_says_disk_full(
    where: str, vault: Vault, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with vault.session() as s:
        interchange.import_document(s, document(canary_person("A", "DF-0001")))
        s.commit()
    vault.close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    with mounted(tmp_path / "disk", size_kib=4096) as disk:
        target = disk / "vault"
        shutil.copytree(data_dir, target)
        before = _actions(target)
        assert before[-1] == "unlock"  # the raw path wrote it (no failures pending)
        filler = fill(disk, leave=0)
        capsys.readouterr()
        if where == "cli":
            rc = main(["--data-dir", str(target), "check", "--passphrase-file", str(secret)])
            out = capsys.readouterr()
            text = out.err + out.out
            assert rc == 1, text
            assert "full" in text.lower()
            assert "damaged" not in text.lower() and "restore" not in text.lower()
            assert "Traceback" not in text
        else:
            from coachdesk.ui.unlock_view import open_and_read

            with pytest.raises(DiskFull) as caught:
                open_and_read(target, PASSPHRASE, False, dt.date(2026, 12, 2), False)
            text = str(caught.value)
        assert not any(n in text for n in needles("A"))
        filler.unlink()
        after = _actions(target)
        # The failed unlock left nothing in the chain; only this open's own event is new.
        assert after == [*before, "unlock"]
        rc = main(["--data-dir", str(target), "check", "--passphrase-file", str(secret)])
        assert rc == 0, capsys.readouterr().err
