"""Security promise 5: a full CLI workflow with socket creation patched to fail."""

from __future__ import annotations

import socket

import pytest

from coachdesk.cli.main import main
from coachdesk.store import interchange
from tests.canaries import canary_person, document
from tests.conftest import PASSPHRASE


def test_fixture_blocks(no_network):
    with pytest.raises(AssertionError):
        socket.socket()
    with pytest.raises(AssertionError):
        socket.create_connection(("127.0.0.1", 9))


def test_full_cli_workflow_opens_no_socket(no_network, tmp_path):
    pf = tmp_path / "pass.txt"
    pf.write_text(PASSPHRASE + "\n")
    src = tmp_path / "in.json"
    src.write_bytes(interchange.dumps(document(canary_person("A"))))
    data = ["--data-dir", str(tmp_path / "vault")]
    unlock = ["--passphrase-file", str(pf)]
    assert main([*data, "init", *unlock, "--insecure-test-kdf"]) == 0
    assert main([*data, "demo", "--participants", "8", *unlock]) == 0
    assert main([*data, "import", str(src), *unlock]) == 0
    assert (
        main(
            [
                *data,
                "export",
                "--all",
                "--format",
                "json",
                "--out",
                str(tmp_path / "all.json"),
                *unlock,
            ]
        )
        == 0
    )
    assert main([*data, "backup", "--out", str(tmp_path / "b.cdbackup"), *unlock]) == 0
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path / "restored"),
                "restore",
                str(tmp_path / "b.cdbackup"),
                *unlock,
            ]
        )
        == 0
    )
    assert main(["--data-dir", str(tmp_path / "restored"), "check", *unlock]) == 0
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path / "restored"),
                "erase",
                "--participant",
                canary_person("A")["ref"],
                "--yes",
                *unlock,
            ]
        )
        == 0
    )
    assert main(["--data-dir", str(tmp_path / "restored"), "retention", *unlock]) == 0
    assert b"coachdesk.participants" in (tmp_path / "all.json").read_bytes()
