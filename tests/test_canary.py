"""Security promise 1, nothing readable at rest: canary strings in every text field,
the CLI used end to end, then every file the app could have touched is searched."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from coachdesk.cli.main import main
from coachdesk.store import interchange
from tests.canaries import canary_person, document, needles
from tests.conftest import PASSPHRASE


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """HOME, config and temp folders of our own, so that we can search all of them."""
    dirs = {
        name: tmp_path / name
        for name in ("home", "config", "tmp", "data", "backups", "inputs", "exports")
    }
    for d in dirs.values():
        d.mkdir()
    monkeypatch.setenv("HOME", str(dirs["home"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(dirs["config"]))
    monkeypatch.setenv("XDG_DATA_HOME", str(dirs["home"] / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(dirs["home"] / ".cache"))
    monkeypatch.setenv("TMPDIR", str(dirs["tmp"]))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    yield dirs
    tempfile.tempdir = None


def _patterns() -> list[tuple[str, bytes]]:
    out = []
    for tag in "ABC":
        for n in needles(tag):
            out += [(n, n.encode("utf-8")), (n + " (UTF-16)", n.encode("utf-16-le"))]
    return out


def _scan(folders: list[Path]) -> list[str]:
    found = []
    pats = _patterns()
    for folder in folders:
        for f in folder.rglob("*"):
            if f.is_file():
                data = f.read_bytes()
                found += [f"{label} in {f}" for label, pat in pats if pat in data]
    return found


def test_no_canary_at_rest_after_a_full_cli_workflow(sandbox):
    d = sandbox
    pf = d["inputs"] / "pass.txt"
    pf.write_text(PASSPHRASE + "\n")
    src = d["inputs"] / "people.json"
    src.write_bytes(
        interchange.dumps(document(canary_person("A"), canary_person("B"), canary_person("C")))
    )
    base = ["--data-dir", str(d["data"])]
    unlock = ["--passphrase-file", str(pf)]
    assert main([*base, "init", *unlock, "--insecure-test-kdf"]) == 0
    assert main([*base, "import", str(src), *unlock]) == 0
    src.unlink()  # the input file is the coach's own; it is not the app's to keep

    export = d["exports"] / "a.json"
    assert (
        main(
            [
                *base,
                "export",
                "--participant",
                canary_person("A")["ref"],
                "--format",
                "json",
                "--out",
                str(export),
                *unlock,
            ]
        )
        == 0
    )
    # The export asked for does hold the person (so the scan below can find things).
    assert needles("A")[0].encode() in export.read_bytes()
    assert _scan([d["exports"]]) != []
    export.unlink()

    assert main([*base, "backup", "--out", str(d["backups"] / "b.cdbackup"), *unlock]) == 0
    assert main([*base, "check", *unlock]) == 0
    assert main([*base, "erase", "--participant", canary_person("B")["ref"], "--yes", *unlock]) == 0
    assert main([*base, "check", *unlock]) == 0
    restored = d["data"].parent / "restored"
    assert (
        main(["--data-dir", str(restored), "restore", str(d["backups"] / "b.cdbackup"), *unlock])
        == 0
    )

    files = [f for f in (d["data"].rglob("*")) if f.is_file()]
    assert {f.name for f in files} >= {"vault.db", "vault.key"}
    found = _scan(
        [d["data"], restored, d["backups"], d["home"], d["config"], d["tmp"], d["exports"]]
    )
    assert found == []
