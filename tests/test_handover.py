"""Handing a participant to another coach in the age format (issue 17, items 1-3).

Two real vaults on disk, the CLI in process; the reference ``age`` tool, when it is
installed, decrypts what CoachDesk wrote (those tests skip without it; the same checks
through pyrage always run).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from coachdesk.cli.main import main
from coachdesk.store import interchange
from coachdesk.store.models import AuditEvent, Disclosure, Participant, Setting
from tests.canaries import canary_person, document

PASSPHRASE = "correct horse battery"
HANDOVER_PHRASE = "blue kettle under seven bridges"
REF = "HO-1"
AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="the reference age tool is not installed")


def run(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def two_vaults(tmp_path, passphrase_file):
    """Vault A (the sender, with REF and one other person) and an empty vault B."""
    a, b = tmp_path / "A", tmp_path / "B"
    for d in (a, b):
        assert (
            run(
                "--data-dir",
                str(d),
                "init",
                "--passphrase-file",
                str(passphrase_file),
                "--insecure-test-kdf",
            )
            == 0
        )
    src = tmp_path / "people.json"
    src.write_bytes(
        interchange.dumps(document(canary_person("A", ref=REF), canary_person("B", ref="HO-2")))
    )
    assert (
        run("--data-dir", str(a), "import", str(src), "--passphrase-file", str(passphrase_file))
        == 0
    )
    return a, b


def recipient_of(d: Path, pf: Path, capsys, *extra: str) -> str:
    capsys.readouterr()
    assert run("--data-dir", str(d), "recipient", "--passphrase-file", str(pf), *extra) == 0
    return capsys.readouterr().out.strip()


def export_one(d: Path, pf: Path, out: Path, ref: str = REF) -> dict:
    assert (
        run(
            "--data-dir",
            str(d),
            "export",
            "--participant",
            ref,
            "--format",
            "json",
            "--out",
            str(out),
            "--passphrase-file",
            str(pf),
        )
        == 0
    )
    doc = json.loads(out.read_text(encoding="utf-8"))
    del doc["exported_at"]
    return doc


def people(d: Path) -> dict:
    """Everything the vault holds about people, and the audit trail's length."""
    from coachdesk.store import settings
    from coachdesk.store.vault import Vault

    with Vault.open(d, passphrase=PASSPHRASE) as v, v.session() as s:
        doc = interchange.export_document(
            s, None, today=dt.date.today(), params=settings.pss_params(s)
        )
        non_unlock = (
            s.query(AuditEvent)
            .filter(AuditEvent.action.notin_(("unlock", "unlock_failed")))
            .count()
        )
        return {
            "participants": doc["participants"],
            "audit": non_unlock,
            "disclosures": s.query(Disclosure).count(),
        }


# --- item 1: the receiving key --------------------------------------------------------


def test_init_makes_a_receiving_key_and_recipient_prints_it(
    two_vaults, passphrase_file, capsys, tmp_path
):
    from coachdesk.store.vault import Vault

    a, b = two_vaults
    ra = recipient_of(a, passphrase_file, capsys)
    rb = recipient_of(b, passphrase_file, capsys)
    assert ra.startswith("age1") and len(ra) == 62 and ra != rb
    assert recipient_of(a, passphrase_file, capsys) == ra  # stable
    with Vault.open(a, passphrase=PASSPHRASE) as v, v.session() as s:
        row = s.get(Setting, "receiving_identity")
        assert row is not None and row.value["identity"].startswith("AGE-SECRET-KEY-1")
    # The secret is nowhere in the vault's files in the clear (SQLCipher encrypts it).
    secret = row.value["identity"].encode()
    for f in a.rglob("*"):
        if f.is_file():
            assert secret not in f.read_bytes()


def test_an_existing_vault_gets_its_key_when_first_needed(tmp_path, passphrase_file, capsys):
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault

    d = tmp_path / "old"
    v, _ = Vault.create(d, PASSPHRASE, kdf=TEST_KDF)  # as a vault made before issue 17
    with v.session() as s:
        assert s.get(Setting, "receiving_identity") is None
    v.close()
    r = recipient_of(d, passphrase_file, capsys)
    assert r.startswith("age1")
    with Vault.open(d, passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.get(Setting, "receiving_identity").value["recipient"] == r
        created = (
            s.execute(select(AuditEvent).where(AuditEvent.action == "settings_changed"))
            .scalars()
            .all()
        )
        assert [e.detail for e in created] == [{"keys": ["receiving_identity"]}]


def test_identity_out_is_private_audited_and_never_overwrites(
    two_vaults, passphrase_file, capsys, tmp_path
):
    from coachdesk.store.vault import Vault

    _, b = two_vaults
    key = tmp_path / "b.key"
    r = recipient_of(b, passphrase_file, capsys, "--identity-out", str(key))
    text = key.read_text()
    assert f"# public key: {r}" in text and "AGE-SECRET-KEY-1" in text
    if os.name == "posix":
        assert key.stat().st_mode & 0o777 == 0o600
    with Vault.open(b, passphrase=PASSPHRASE) as v, v.session() as s:
        details = [e.detail for e in s.query(AuditEvent).filter_by(action="export")]
    assert details == [{"what": "receiving_identity"}]
    key.write_text("keep me")
    assert (
        run(
            "--data-dir",
            str(b),
            "recipient",
            "--passphrase-file",
            str(passphrase_file),
            "--identity-out",
            str(key),
        )
        == 2
    )
    assert key.read_text() == "keep me"


# --- items 2 and 3: handover and receipt ----------------------------------------------


def _handover(a: Path, pf: Path, out: Path, *to: str) -> int:
    return run(
        "--data-dir",
        str(a),
        "handover",
        "--participant",
        REF,
        "--out",
        str(out),
        "--passphrase-file",
        str(pf),
        *to,
    )


def test_handover_to_a_key_round_trips_into_the_second_vault(
    two_vaults, passphrase_file, capsys, tmp_path
):
    a, b = two_vaults
    rb = recipient_of(b, passphrase_file, capsys)
    out = tmp_path / "handover.age"
    assert _handover(a, passphrase_file, out, "--recipient", rb) == 0
    data = out.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> X25519 ")
    assert b"Kanarie" not in data and REF.encode() not in data
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600
    assert not [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]
    assert (
        run("--data-dir", str(b), "import", str(out), "--passphrase-file", str(passphrase_file))
        == 0
    )
    assert export_one(b, passphrase_file, tmp_path / "b.json") == export_one(
        a, passphrase_file, tmp_path / "a.json"
    )
    assert len(people(b)["participants"]) == 1  # only the one handed over


def test_the_handover_is_a_logged_disclosure_and_the_receipt_is_audited(
    two_vaults, passphrase_file, capsys, tmp_path
):
    import hashlib

    from coachdesk.store.vault import Vault

    a, b = two_vaults
    rb = recipient_of(b, passphrase_file, capsys)
    out = tmp_path / "h.age"
    assert _handover(a, passphrase_file, out, "--recipient", rb) == 0
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    with Vault.open(a, passphrase=PASSPHRASE) as v, v.session() as s:
        p = s.execute(select(Participant).where(Participant.ref == REF)).scalar_one()
        d = s.execute(select(Disclosure).where(Disclosure.participant_id == p.id)).scalar_one()
        assert (d.kind, d.recipient, d.sha256, d.encrypted, d.sections) == (
            "handover",
            rb,
            digest,
            True,
            ["full_record"],
        )
        ev = s.query(AuditEvent).filter_by(action="export", subject=p.uid).one()
        assert ev.detail == {"format": "handover", "encryption": "x25519", "sha256": digest}
    assert (
        run("--data-dir", str(b), "import", str(out), "--passphrase-file", str(passphrase_file))
        == 0
    )
    with Vault.open(b, passphrase=PASSPHRASE) as v, v.session() as s:
        receipt = s.query(AuditEvent).filter(AuditEvent.action == "import").all()
        assert {
            "format": "handover",
            "encryption": "x25519",
            "sha256": digest,
            "participants": 1,
        } in [e.detail for e in receipt]


def test_handover_with_a_passphrase_round_trips(two_vaults, passphrase_file, tmp_path):
    a, b = two_vaults
    hp = tmp_path / "handover-pass.txt"
    hp.write_text(HANDOVER_PHRASE + "\n")
    out = tmp_path / "p.age"
    assert _handover(a, passphrase_file, out, "--handover-passphrase-file", str(hp)) == 0
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n-> scrypt ")
    from coachdesk.store.vault import Vault

    with Vault.open(a, passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.query(Disclosure).one().recipient == "passphrase"
    assert (
        run(
            "--data-dir",
            str(b),
            "import",
            str(out),
            "--handover-passphrase-file",
            str(hp),
            "--passphrase-file",
            str(passphrase_file),
        )
        == 0
    )
    assert export_one(b, passphrase_file, tmp_path / "b.json") == export_one(
        a, passphrase_file, tmp_path / "a.json"
    )


def test_a_ref_already_in_the_receiving_vault_is_refused_unless_replace(
    two_vaults, passphrase_file, capsys, tmp_path
):
    a, b = two_vaults
    rb = recipient_of(b, passphrase_file, capsys)
    out = tmp_path / "h.age"
    assert _handover(a, passphrase_file, out, "--recipient", rb) == 0
    imp = ("--data-dir", str(b), "import", str(out), "--passphrase-file", str(passphrase_file))
    assert run(*imp) == 0
    before = people(b)
    capsys.readouterr()
    assert run(*imp) == 2
    assert "already in the vault (import with --replace" in capsys.readouterr().err
    assert people(b) == before
    assert run(*imp, "--replace") == 0


def test_handover_refuses_a_bad_recipient_and_own_key_before_writing(
    two_vaults, passphrase_file, capsys, tmp_path
):
    a, _ = two_vaults
    out = tmp_path / "h.age"
    assert _handover(a, passphrase_file, out, "--recipient", "age1notakey") == 2
    assert "age1" in capsys.readouterr().err
    ra = recipient_of(a, passphrase_file, capsys)
    assert _handover(a, passphrase_file, out, "--recipient", ra) == 2
    assert "own receiving key" in capsys.readouterr().err
    assert not out.exists() and people(a)["disclosures"] == 0


@needs_age
def test_the_reference_age_tool_decrypts_a_handover_with_the_receivers_identity(
    two_vaults, passphrase_file, capsys, tmp_path
):
    a, b = two_vaults
    key = tmp_path / "b.key"
    rb = recipient_of(b, passphrase_file, capsys, "--identity-out", str(key))
    out = tmp_path / "h.age"
    assert _handover(a, passphrase_file, out, "--recipient", rb) == 0
    plain = subprocess.run(
        [AGE, "--decrypt", "-i", str(key), str(out)], capture_output=True, check=True, timeout=60
    ).stdout
    doc = json.loads(plain)
    assert [p["ref"] for p in doc["participants"]] == [REF]
    del doc["exported_at"]
    assert doc == export_one(a, passphrase_file, tmp_path / "a.json")
    # ...and a file the age tool encrypted to this vault imports too (the other direction).
    tool_file = tmp_path / "from-tool.age"
    subprocess.run([AGE, "-r", rb, "-o", str(tool_file)], input=plain, check=True, timeout=60)
    assert (
        run(
            "--data-dir",
            str(b),
            "import",
            str(tool_file),
            "--passphrase-file",
            str(passphrase_file),
        )
        == 0
    )
    assert export_one(b, passphrase_file, tmp_path / "b.json") == doc


def _age_with_passphrase(args: list[str], phrase: str) -> bytes:
    """Run age with a terminal (it reads a passphrase only from /dev/tty)."""
    import pty
    import select as sel

    pid, fd = pty.fork()
    if pid == 0:  # the child: age, its controlling terminal is the pty
        os.execv(AGE, [AGE, *args])
    out = b""
    sent = False
    while True:
        ready, _, _ = sel.select([fd], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if not sent and b"passphrase" in out.lower():
            os.write(fd, phrase.encode() + b"\n")
            sent = True
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, out
    return out


@needs_age
@pytest.mark.skipif(os.name != "posix", reason="drives age through a pseudo-terminal")
def test_the_reference_age_tool_decrypts_a_passphrase_handover(
    two_vaults, passphrase_file, tmp_path
):
    a, _ = two_vaults
    hp = tmp_path / "hp.txt"
    hp.write_text(HANDOVER_PHRASE)
    out = tmp_path / "p.age"
    assert _handover(a, passphrase_file, out, "--handover-passphrase-file", str(hp)) == 0
    plain = tmp_path / "plain.json"
    _age_with_passphrase(["--decrypt", "-o", str(plain), str(out)], HANDOVER_PHRASE)
    doc = json.loads(plain.read_bytes())
    del doc["exported_at"]
    assert doc == export_one(a, passphrase_file, tmp_path / "a.json")


def test_org_keygen_writes_a_private_key_file_once(tmp_path, capsys):
    from coachdesk.store import agefile

    key = tmp_path / "org.key"
    assert run("org-keygen", "--out", str(key)) == 0
    r = capsys.readouterr().out.strip()
    assert r.startswith("age1") and f"# public key: {r}" in key.read_text()
    if os.name == "posix":
        assert key.stat().st_mode & 0o777 == 0o600
    ident = agefile.read_identity_file(str(key))
    assert str(ident.to_public()) == r
    before = key.read_bytes()
    assert run("org-keygen", "--out", str(key)) == 2
    assert key.read_bytes() == before


def test_no_file_appears_unless_the_disclosure_is_committed(tmp_path, vault, monkeypatch):
    """The record comes first: a failed commit leaves neither the file nor a temp file."""
    from sqlalchemy.orm import Session

    from coachdesk.store import agefile, handover, recipient

    with vault.session() as s:
        interchange.import_document(s, document(canary_person("A", ref=REF)))
        s.commit()
    r = agefile.write_new_identity(str(tmp_path / "other-vault-key"), comment="test")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    seen = []

    def failing_commit(self):
        seen.append(sorted(p.name for p in out_dir.iterdir()))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Session, "commit", failing_commit)
    with vault.session() as s, pytest.raises(OSError):
        handover.make_handover(s, REF, out_dir / "h.age", to_recipient=r)
    monkeypatch.undo()
    assert len(seen) == 1 and len(seen[0]) == 1 and seen[0][0].endswith(".tmp")
    assert list(out_dir.iterdir()) == []  # the temp file is gone, no handover file
    with vault.session() as s:
        assert s.query(Disclosure).count() == 0
        assert recipient.recipient(s) is None  # and nothing else was made on the way
