"""The KDF tuning has a floor (issue 19 item 5; docs/security.md section 10.5).

Measured before: the tuner picked 5 iterations on a busy machine and 16 on a quiet
one, so a vault created under load got a three times cheaper key derivation. The
tuner's arithmetic is tested with simulated machines (``measure``: seconds for one
derivation); the floor is also checked on real vaults, created with no parameters
given, on a machine made slow by a derivation that really runs and then waits.
"""

from __future__ import annotations

import time

import pytest

from coachdesk.store import keyfile
from coachdesk.store.keyfile import KdfParams, KeyFile
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE

FLOOR = (keyfile.MIN_MEMORY_KIB, keyfile.MIN_ITERATIONS)


def _machine(fixed: float, per_iteration: float):
    """A machine on which one derivation takes fixed + per_iteration x iterations."""
    calls: list[KdfParams] = []

    def measure(params: KdfParams) -> float:
        calls.append(params)
        return fixed + per_iteration * params.iterations

    return measure, calls


def test_the_floor_is_a_real_one():
    assert keyfile.MIN_MEMORY_KIB >= 64 * 1024
    assert keyfile.MIN_ITERATIONS >= 8
    # Whatever the tuner returns is strong by the rules the unlock checks.
    assert KdfParams(*FLOOR).strong
    assert not KdfParams(keyfile.MIN_MEMORY_KIB, keyfile.MIN_ITERATIONS - 1).strong


@pytest.mark.parametrize("slowness", [1, 3, 10, 100, 10_000])
def test_a_slow_or_busy_machine_never_tunes_below_the_floor(slowness):
    # The quiet reference: 0.03 s per iteration of 64 MiB, 0.01 s to set up.
    measure, _ = _machine(0.01 * slowness, 0.03 * slowness)
    params = keyfile.tune(measure=measure)
    assert params.memory_kib >= keyfile.MIN_MEMORY_KIB
    assert params.iterations >= keyfile.MIN_ITERATIONS
    if slowness == 1:  # the quiet machine is tuned to the target, above the floor
        assert params.iterations == 16
    else:
        assert params.iterations == keyfile.MIN_ITERATIONS


def test_less_memory_than_the_floor_is_never_asked_for():
    measure, calls = _machine(0.01, 0.03)
    params = keyfile.tune(memory_kib=8, measure=measure)
    assert params.memory_kib == keyfile.MIN_MEMORY_KIB
    assert {p.memory_kib for p in calls} == {keyfile.MIN_MEMORY_KIB}


def test_a_fast_machine_is_capped_by_the_bounds():
    measure, _ = _machine(0.0, 1e-6)
    assert keyfile.tune(measure=measure).iterations == keyfile.MAX_ITERATIONS


def test_the_median_of_several_rounds_is_used():
    """A burst of load in one round (or a lucky fast one) does not move the result."""
    quiet, _ = _machine(0.01, 0.03)
    rounds: list[int] = []

    def bursty(params: KdfParams) -> float:
        rounds.append(params.iterations)
        n = len(rounds)
        if n in (3, 4):  # the second round, both probes: 20 times slower
            return 20 * quiet(params)
        if n == 8:  # one lucky 3-iteration probe: a tenth of the time
            return quiet(params) / 10
        return quiet(params)

    params = keyfile.tune(measure=bursty)
    assert len(rounds) == 2 * keyfile.TUNE_ROUNDS >= 10
    assert rounds[:4] == [1, 3, 1, 3]  # alternating, so load that comes and goes hits both
    assert params.iterations == keyfile.tune(measure=quiet).iterations == 16


@pytest.fixture
def slow_machine(monkeypatch):
    """Every Argon2id derivation really runs, then takes 0.05 s more per iteration: a
    machine many times slower than this one (or one busy with other work)."""
    real = keyfile.derive

    def slow(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
        key = real(secret, salt, params)
        time.sleep(0.05 * params.iterations)
        return key

    monkeypatch.setattr(keyfile, "derive", slow)


@pytest.mark.slow
def test_a_vault_created_on_a_slow_machine_carries_the_floor(tmp_path, slow_machine):
    vault, _code = Vault.create(tmp_path / "v", PASSPHRASE)  # no kdf: tuned here
    vault.close()
    kf, _ = KeyFile.parse((tmp_path / "v" / "vault.key").read_bytes())
    for slot in ("passphrase", "recovery"):
        kdf = kf.slots[slot].kdf
        assert (kdf.memory_kib, kdf.iterations) >= FLOOR, (slot, kdf)
        assert kdf.memory_kib >= keyfile.MIN_MEMORY_KIB
        assert kdf.iterations >= keyfile.MIN_ITERATIONS
    # And the vault opens with it.
    Vault.open(tmp_path / "v", passphrase=PASSPHRASE).close()


def test_a_vault_tuned_under_load_before_the_floor_is_upgraded(tmp_path, monkeypatch):
    """A vault whose slot a busy machine tuned to 5 iterations (versions before the
    floor) is re-sealed at its next unlock with parameters at or above the floor."""
    weak = KdfParams(memory_kib=keyfile.MIN_MEMORY_KIB, iterations=5, lanes=1)
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=weak)
    vault.close()
    monkeypatch.delenv(keyfile.INSECURE_ENV, raising=False)
    measure, _ = _machine(1.0, 3.0)  # the unlock happens to run on a very busy machine
    real_tune = keyfile.tune
    monkeypatch.setattr(keyfile, "tune", lambda *a, **k: real_tune(*a, measure=measure, **k))
    Vault.open(tmp_path / "v", passphrase=PASSPHRASE).close()
    kf, _ = KeyFile.parse((tmp_path / "v" / "vault.key").read_bytes())
    kdf = kf.slots["passphrase"].kdf
    assert kdf.memory_kib >= keyfile.MIN_MEMORY_KIB
    assert kdf.iterations >= keyfile.MIN_ITERATIONS
    Vault.open(tmp_path / "v", passphrase=PASSPHRASE).close()
