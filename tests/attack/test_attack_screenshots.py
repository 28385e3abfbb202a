"""Issue 12, item 8: `screenshots` is no quiet way to copy real people out of the vault.

It renders a vault only when everyone in it was made by `demo`; a vault with a real
participant is refused (exit 2, nothing written) unless --real-data is given, and then
it is an export in the audit log. The PNGs are readable by the owner only.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.cli.main import main
from tests.canaries import canary_person, document
from tests.conftest import PASSPHRASE


def run(*args: str) -> int:
    return main(list(args))


@pytest.fixture(autouse=True)
def app_as_it_was(qapp) -> Iterator[None]:
    """`screenshots` sets the application up (translators, locale, names, QSettings) as
    the one-shot command it is; the tests after these expect the app as it was."""
    from PySide6.QtCore import QLocale, QSettings, QTranslator

    translators = set(qapp.findChildren(QTranslator))
    locale, names = QLocale(), (qapp.organizationName(), qapp.applicationName())
    fmt, language = QSettings.defaultFormat(), qapp.property("coachdesk_language")
    yield
    qapp.setProperty("coachdesk_language", language)
    for t in set(qapp.findChildren(QTranslator)) - translators:
        qapp.removeTranslator(t)
    QLocale.setDefault(locale)
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])
    QSettings.setDefaultFormat(fmt)


def _demo_vault(tmp_path: Path, passphrase_file: Path, n: int = 3) -> Path:
    d = tmp_path / "demo-vault"
    assert (
        run(
            "--data-dir",
            str(d),
            "demo",
            "--participants",
            str(n),
            "--insecure-test-kdf",
            "--passphrase-file",
            str(passphrase_file),
        )
        == 0
    )
    return d


def _import(d: Path, tmp_path: Path, passphrase_file: Path) -> None:
    f = tmp_path / "real.json"
    f.write_text(json.dumps(document(canary_person("A"))), encoding="utf-8")
    assert (
        run("--data-dir", str(d), "import", str(f), "--passphrase-file", str(passphrase_file)) == 0
    )


def _events(d: Path) -> list[tuple[str, dict]]:
    from coachdesk.store.models import AuditEvent
    from coachdesk.store.vault import Vault

    with Vault.open(d, passphrase=PASSPHRASE) as v, v.session() as s:
        return [(e.action, e.detail) for e in s.query(AuditEvent).order_by(AuditEvent.id)]


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_a_vault_with_a_real_person_is_refused(qapp, tmp_path, passphrase_file, capsys):
    d = _demo_vault(tmp_path, passphrase_file)
    _import(d, tmp_path, passphrase_file)  # someone real joins the synthetic people
    before = _events(d)
    out = tmp_path / "shots"
    capsys.readouterr()
    assert (
        run(
            "--data-dir",
            str(d),
            "screenshots",
            "--out",
            str(out),
            "--passphrase-file",
            str(passphrase_file),
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "real participants" in err and "--real-data" in err
    assert "Traceback" not in err and "Kanarie" not in err
    assert not out.exists()
    assert all(action != "export" for action, _ in _events(d)[len(before) :])


def test_a_vault_made_by_demo_is_rendered_owner_only_and_audited(qapp, tmp_path, passphrase_file):
    d = _demo_vault(tmp_path, passphrase_file)
    out = tmp_path / "new" / "shots"
    assert (
        run(
            "--data-dir",
            str(d),
            "screenshots",
            "--out",
            str(out),
            "--passphrase-file",
            str(passphrase_file),
        )
        == 0
    )
    files = sorted(out.iterdir())
    assert len(files) == 10 and all(f.suffix == ".png" for f in files)  # no staging left
    assert {_mode(f) for f in files} == {0o600}
    assert _mode(out) == 0o700
    exports = [detail for action, detail in _events(d) if action == "export"]
    assert exports == [{"kind": "screenshots", "files": 10, "demo_only": True}]


def test_real_data_needs_the_flag_and_is_an_audited_export(qapp, tmp_path, passphrase_file):
    from coachdesk.store import interchange
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault

    d = tmp_path / "real-vault"
    vault, _ = Vault.create(d, PASSPHRASE, kdf=TEST_KDF)
    with vault, vault.session() as s:
        interchange.import_document(s, document(canary_person("A")))
        s.commit()
    out = tmp_path / "shots"
    out.mkdir()
    args = (
        "--data-dir",
        str(d),
        "screenshots",
        "--out",
        str(out),
        "--passphrase-file",
        str(passphrase_file),
    )
    assert run(*args) == 2
    assert list(out.iterdir()) == []
    assert run(*args, "--real-data") == 0
    files = list(out.iterdir())
    assert len(files) == 10 and {_mode(f) for f in files} == {0o600}
    exports = [detail for action, detail in _events(d) if action == "export"]
    assert exports == [{"kind": "screenshots", "files": 10, "demo_only": False}]
    assert "Kanarie" not in json.dumps(exports)


def test_a_demo_person_renamed_to_a_real_one_ends_the_demo_mark(qapp, tmp_path, passphrase_file):
    from coachdesk.store import participants
    from coachdesk.store.models import Participant
    from coachdesk.store.vault import Vault

    d = _demo_vault(tmp_path, passphrase_file)
    args = (
        "--data-dir",
        str(d),
        "screenshots",
        "--out",
        str(tmp_path / "shots"),
        "--passphrase-file",
        str(passphrase_file),
    )
    with Vault.open(d, passphrase=PASSPHRASE) as v, v.session() as s:
        from coachdesk.store import demo_mark

        assert demo_mark.only_demo_people(s)
        pid = s.query(Participant.id).order_by(Participant.id).first()[0]
        participants.update_participant(s, pid, {"name": "Kanarie Real Person"})
        s.commit()
        assert not demo_mark.only_demo_people(s)
    assert run(*args) == 2
    # `demo` run again does not bless the vault: it held someone real before.
    assert (
        run(
            "--data-dir",
            str(d),
            "demo",
            "--participants",
            "1",
            "--passphrase-file",
            str(passphrase_file),
        )
        == 0
    )
    assert run(*args) == 2
    assert not (tmp_path / "shots").exists()
