"""Attack: a handover file (issue 17) that is for someone else, damaged, cut off, or not
encrypted at all. Each is refused with one clear sentence and exit 2 (bad input) or 4
(damaged), and the receiving vault is exactly as it was: no person, no row, no audit
event beyond the unlock.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from canaries import canary_person, document

from coachdesk.cli.main import main
from coachdesk.store import interchange, settings
from coachdesk.store.models import AuditEvent, Disclosure, Participant

PASSPHRASE = "correct horse battery"
PHRASE = "blue kettle under seven bridges"


def run(*args: str) -> int:
    return main(list(args))


def state(d) -> dict:
    from coachdesk.store.vault import Vault

    with Vault.open(d, passphrase=PASSPHRASE) as v, v.session() as s:
        doc = interchange.export_document(
            s, None, today=dt.date.today(), params=settings.pss_params(s)
        )
        return {
            "people": doc["participants"],
            "count": s.query(Participant).count(),
            "disclosures": s.query(Disclosure).count(),
            "events": [
                (e.action, e.detail)
                for e in s.query(AuditEvent).filter(
                    AuditEvent.action.notin_(("unlock", "unlock_failed"))
                )
            ],
        }


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Sender A; receiver B (with one person of her own); a third vault C; the files."""
    tmp = tmp_path_factory.mktemp("handover-attack")
    pf = tmp / "pass.txt"
    pf.write_text(PASSPHRASE)
    hp = tmp / "hp.txt"
    hp.write_text(PHRASE)
    dirs = {k: tmp / k for k in "ABC"}
    for d in dirs.values():
        assert (
            run("--data-dir", str(d), "init", "--passphrase-file", str(pf), "--insecure-test-kdf")
            == 0
        )
    src = tmp / "a.json"
    src.write_bytes(interchange.dumps(document(canary_person("A", ref="AT-1"))))
    assert run("--data-dir", str(dirs["A"]), "import", str(src), "--passphrase-file", str(pf)) == 0
    own = tmp / "b.json"
    own.write_bytes(interchange.dumps(document(canary_person("B", ref="AT-B"))))
    assert run("--data-dir", str(dirs["B"]), "import", str(own), "--passphrase-file", str(pf)) == 0

    from coachdesk.store import recipient
    from coachdesk.store.vault import Vault

    keys = {}
    for k, d in dirs.items():
        with Vault.open(d, passphrase=PASSPHRASE) as v:
            keys[k] = recipient.ensure_committed(v)
    files = {}
    for name, to in (
        ("for_b", ("--recipient", keys["B"])),
        ("for_c", ("--recipient", keys["C"])),
        ("phrase", ("--handover-passphrase-file", str(hp))),
    ):
        files[name] = tmp / f"{name}.age"
        assert (
            run(
                "--data-dir",
                str(dirs["A"]),
                "handover",
                "--participant",
                "AT-1",
                "--out",
                str(files[name]),
                "--passphrase-file",
                str(pf),
                *to,
            )
            == 0
        )
    return {"tmp": tmp, "pf": pf, "hp": hp, "dirs": dirs, "files": files}


def _bad_files(world) -> dict[str, bytes]:
    good = world["files"]["for_b"].read_bytes()
    header_end = good.index(b"\n---") + 1
    flipped = bytearray(good)
    flipped[-40] ^= 0x01
    mac = bytearray(good)
    mac[header_end + 10] ^= 0x01  # inside the header's MAC
    stanza = bytearray(good)
    stanza[30] ^= 0x01  # inside the X25519 stanza
    plain = json.dumps(document(canary_person("C", ref="AT-PLAIN"))).encode()
    return {
        "other recipient": world["files"]["for_c"].read_bytes(),
        "truncated payload": good[:-25],
        "truncated header": good[: header_end - 5],
        "only the header": good[: header_end + 60],
        "flipped payload byte": bytes(flipped),
        "flipped header MAC": bytes(mac),
        "flipped stanza": bytes(stanza),
        "plain JSON renamed .age": plain,
        "empty": b"",
        "garbage after the magic": b"age-encryption.org/v1\n" + b"\x00" * 200,
    }


CASES = [
    "other recipient",
    "truncated payload",
    "truncated header",
    "only the header",
    "flipped payload byte",
    "flipped header MAC",
    "flipped stanza",
    "plain JSON renamed .age",
    "empty",
    "garbage after the magic",
]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("replace", [False, True])
def test_a_bad_handover_file_is_refused_and_changes_nothing(world, case, replace, capsys):
    b = world["dirs"]["B"]
    f = world["tmp"] / f"bad-{CASES.index(case)}.age"
    f.write_bytes(_bad_files(world)[case])
    before = state(b)
    capsys.readouterr()
    code = run(
        "--data-dir",
        str(b),
        "import",
        str(f),
        "--passphrase-file",
        str(world["pf"]),
        *(["--replace"] if replace else []),
    )
    err = capsys.readouterr().err
    assert code in (2, 4), (case, code, err)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Nothing was changed" in lines[0], err
    assert "Traceback" not in err and "Kanarie" not in err
    assert state(b) == before


def test_the_expected_codes(world, capsys):
    """A wrong key is bad input (2); a damaged file is damage (4)."""
    b = world["dirs"]["B"]
    bad = _bad_files(world)
    want = {
        "other recipient": 2,
        "plain JSON renamed .age": 2,
        "empty": 2,
        "truncated payload": 4,
        "flipped payload byte": 4,
        "flipped header MAC": 4,
        "truncated header": 4,
    }
    for case, code in want.items():
        f = world["tmp"] / "codes.age"
        f.write_bytes(bad[case])
        assert (
            run("--data-dir", str(b), "import", str(f), "--passphrase-file", str(world["pf"]))
            == code
        ), case
    capsys.readouterr()


def test_a_wrong_passphrase_or_the_wrong_kind_of_key_changes_nothing(world, capsys):
    b = world["dirs"]["B"]
    before = state(b)
    wrong = world["tmp"] / "wrong.txt"
    wrong.write_text("not the handover phrase")
    base = ("--data-dir", str(b), "import", "--passphrase-file", str(world["pf"]))
    assert run(*base, str(world["files"]["phrase"]), "--handover-passphrase-file", str(wrong)) == 2
    assert "passphrase is wrong" in capsys.readouterr().err
    assert run(*base, str(world["files"]["phrase"])) == 2  # no passphrase given
    assert "--handover-passphrase-file" in capsys.readouterr().err
    assert (
        run(*base, str(world["files"]["for_b"]), "--handover-passphrase-file", str(world["hp"]))
        == 2
    )  # a key file opened as a passphrase file
    assert "receiving key, not a passphrase" in capsys.readouterr().err
    assert state(b) == before


def test_the_sender_cannot_open_her_own_handover(world, capsys):
    a = world["dirs"]["A"]
    before = state(a)
    assert (
        run(
            "--data-dir",
            str(a),
            "import",
            str(world["files"]["for_b"]),
            "--replace",
            "--passphrase-file",
            str(world["pf"]),
        )
        == 2
    )
    assert "another receiver" in capsys.readouterr().err
    assert state(a) == before


def test_a_vault_without_a_key_refuses_and_makes_none(world, tmp_path, capsys):
    """A vault from before issue 17 cannot have been sent a file: refused, and the
    failed import does not create a key either."""
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.models import Setting
    from coachdesk.store.vault import Vault

    d = tmp_path / "old"
    v, _ = Vault.create(d, PASSPHRASE, kdf=TEST_KDF)
    v.close()
    assert (
        run(
            "--data-dir",
            str(d),
            "import",
            str(world["files"]["for_b"]),
            "--passphrase-file",
            str(world["pf"]),
        )
        == 2
    )
    assert "another receiver" in capsys.readouterr().err
    with Vault.open(d, passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.get(Setting, "receiving_identity") is None
        assert s.query(Participant).count() == 0
