"""Attack: a passphrase with a Unicode line separator in it (issue 12, item 16).

str.splitlines() ends a line at U+2028, U+2029, U+0085, form feed, vertical tab and the
file/group/record separators: a passphrase file cut there silently unlocks with a
shorter secret than the coach chose, or (as here) not at all. Only LF or CRLF ends it.
"""

from __future__ import annotations

import pytest

from coachdesk.cli.main import main
from coachdesk.cli.secrets import read_secret_file

SEPARATORS = ["\u2028", "\u2029", "\u0085", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e", "\r"]


@pytest.mark.parametrize("sep", SEPARATORS)
def test_only_lf_or_crlf_ends_the_secret(tmp_path, sep):
    f = tmp_path / "secret.txt"
    f.write_bytes(f"correct{sep}horse battery\r\nsecond line\n".encode())
    assert read_secret_file(str(f), "passphrase") == f"correct{sep}horse battery"


@pytest.mark.parametrize("ending", ["", "\n", "\r\n"])
def test_line_endings(tmp_path, ending):
    f = tmp_path / "secret.txt"
    f.write_bytes(f"correct horse battery{ending}".encode())
    assert read_secret_file(str(f), "passphrase") == "correct horse battery"


def test_vault_with_a_separator_in_its_passphrase_opens_from_a_file(tmp_path, capsys):
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault

    secret = "correct horse\u2028battery staple"
    data_dir = tmp_path / "vault"
    Vault.create(data_dir, secret, kdf=TEST_KDF)[0].close()
    for name, content in (("lf", secret + "\n"), ("crlf", secret + "\r\n")):
        pf = tmp_path / f"pass-{name}.txt"
        pf.write_text(content, encoding="utf-8", newline="")
        assert main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(pf)]) == 0
    # The prefix before the separator is not the passphrase.
    short = tmp_path / "short.txt"
    short.write_text("correct horse\n", encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(short)]) == 3


def test_new_passphrase_file_keeps_the_separator(tmp_path, vault, passphrase_file):
    from coachdesk.store.vault import Vault

    vault.close()
    new = "new horse\u0085battery staple"
    nf = tmp_path / "new.txt"
    nf.write_text(new + "\n", encoding="utf-8")
    assert (
        main(
            [
                "--data-dir",
                str(vault.data_dir),
                "change-passphrase",
                "--passphrase-file",
                str(passphrase_file),
                "--new-passphrase-file",
                str(nf),
            ]
        )
        == 0
    )
    Vault.open(vault.data_dir, passphrase=new).close()
