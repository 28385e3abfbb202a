"""Item 6 (the vault's part): a recovery code with non-ASCII letters or digits is a
plain wrong code (exit 3), never a traceback."""

from __future__ import annotations

import pytest

from coachdesk.cli.main import main
from coachdesk.errors import WrongSecret
from coachdesk.store.vault import Vault


@pytest.mark.parametrize(
    "code",
    [
        "ÆØÅÆ-ØÅÆØ-ÅÆØÅ-ÆØÅÆ-ØÅÆØ-ÅÆØÅ-ÆØÅÆ-ØÅÆØ",
        "٣٣٣٣-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG",
        "ＡＢＣＤ-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG",
        "²³²³-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG",
    ],
)
def test_non_ascii_recovery_code_is_a_wrong_code(vault, data_dir, tmp_path, capsys, code):
    vault.close()
    with pytest.raises(WrongSecret):
        Vault.open(data_dir, recovery_code=code)
    f = tmp_path / "code.txt"
    f.write_text(code + "\n", encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "check", "--recovery-code-file", str(f)]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "recovery code" in err
