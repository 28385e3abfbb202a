"""Item 15: KDF parameters from vault.key are bounded before any KDF runs; the test KDF
needs COACHDESK_ALLOW_INSECURE_KDF=1; weak parameters are upgraded at the next unlock."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time

import pytest

from coachdesk.cli.main import main
from coachdesk.errors import BadInput
from coachdesk.store import keyfile
from coachdesk.store.keyfile import TEST_KDF, KeyFile
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def pending_failures(data_dir):
    from coachdesk.store import failed_unlocks

    return failed_unlocks.read_and_verify(data_dir, None).failures


def _rewrite(path, **kdf) -> None:
    """An attacker's edit with the unkeyed checksum recomputed (it is no secret)."""
    raw = json.loads(path.read_bytes())
    for slot in raw["slots"].values():
        slot["kdf"].update(kdf)
    raw.pop("checksum")
    canon = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    raw["checksum"] = hashlib.sha256(canon.encode()).hexdigest()
    path.write_text(json.dumps(raw), encoding="utf-8")


@pytest.mark.parametrize(
    "kdf",
    [
        {"memory_kib": 4 * 1024 * 1024},  # 4 GiB: 21 s and 4 GB RAM before
        {"iterations": 10**9},  # hung before
        {"lanes": 0},  # a traceback before
        {"lanes": 10**6},
        {"memory_kib": 1.5},  # not an integer
        {"iterations": "3"},
    ],
)
def test_out_of_bounds_parameters_are_damage_before_any_kdf(
    vault, data_dir, passphrase_file, capsys, kdf
):
    vault.close()
    _rewrite(data_dir / "vault.key", **kdf)
    t = time.perf_counter()
    assert (
        main(["--data-dir", str(data_dir), "check", "--passphrase-file", str(passphrase_file)]) == 4
    )
    assert time.perf_counter() - t < 30  # (a hang guard, not a timing assertion)
    err = capsys.readouterr().err
    assert "Traceback" not in err and "refused" in err
    assert pending_failures(data_dir) == []


def test_insecure_test_kdf_needs_the_environment_variable(
    tmp_path, passphrase_file, monkeypatch, capsys
):
    monkeypatch.delenv(keyfile.INSECURE_ENV)
    d = tmp_path / "v"
    assert (
        main(
            [
                "--data-dir",
                str(d),
                "init",
                "--passphrase-file",
                str(passphrase_file),
                "--insecure-test-kdf",
            ]
        )
        == 2
    )
    assert keyfile.INSECURE_ENV in capsys.readouterr().err
    assert not d.exists() or not any(d.iterdir())
    with pytest.raises(BadInput):
        Vault.create(tmp_path / "w", PASSPHRASE, kdf=TEST_KDF)


def test_insecure_test_kdf_refused_in_a_fresh_process(tmp_path, passphrase_file):
    """The environment of a real user (no variable): the hidden flag does not work."""
    import os

    env = {k: v for k, v in os.environ.items() if k != keyfile.INSECURE_ENV}
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "coachdesk",
            "--data-dir",
            str(tmp_path / "v"),
            "init",
            "--passphrase-file",
            str(passphrase_file),
            "--insecure-test-kdf",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2, r.stderr


def test_weak_parameters_are_upgraded_at_the_next_unlock(vault_and_code, data_dir, monkeypatch):
    vault, code = vault_and_code
    vault.close()
    monkeypatch.delenv(keyfile.INSECURE_ENV)
    # a quick "tuned" result for the test: strong by the rules, cheap to compute
    strong = keyfile.KdfParams(
        memory_kib=keyfile.MIN_MEMORY_KIB, iterations=keyfile.MIN_ITERATIONS, lanes=1
    )
    monkeypatch.setattr(keyfile, "tune", lambda *a, **k: strong)
    with Vault.open(data_dir, passphrase=PASSPHRASE):
        pass
    kf, _ = KeyFile.parse((data_dir / "vault.key").read_bytes())
    assert kf.slots["passphrase"].kdf == strong
    assert kf.slots["recovery"].kdf == TEST_KDF  # its secret was not at hand
    with Vault.open(data_dir, recovery_code=code):
        pass
    kf, _ = KeyFile.parse((data_dir / "vault.key").read_bytes())
    assert kf.slots["recovery"].kdf == strong
    with Vault.open(data_dir, passphrase=PASSPHRASE):
        pass  # both slots still open with their secrets after the upgrade
