"""Handover in the app (issue 17): Settings -> My receiving key, the participant page's
"Hand over to another coach…", and Filer -> Importér with an .age file. Real vaults,
real widgets; the files they write are opened by the other vault."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from coachdesk.store import interchange, recipient, settings
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.models import AuditEvent, Disclosure, Participant, Setting
from tests.canaries import canary_person, document

pytestmark = pytest.mark.usefixtures("isolated_settings")
PHRASE = "blue kettle under seven bridges"


@pytest.fixture
def receiver(tmp_path):
    from coachdesk.store.vault import Vault

    v, _ = Vault.create(tmp_path / "receiver", "correct horse battery", kdf=TEST_KDF)
    yield v
    v.close()


def add_person(vault, ref="UI-1") -> int:
    with vault.session() as s:
        interchange.import_document(s, document(canary_person("A", ref=ref)))
        s.commit()
        return s.execute(select(Participant.id).where(Participant.ref == ref)).scalar_one()


def export(vault, ref="UI-1") -> dict:
    with vault.session() as s:
        doc = interchange.export_document(
            s, [ref], today=dt.date.today(), params=settings.pss_params(s)
        )
    del doc["exported_at"]
    return doc


def test_settings_shows_the_receiving_key_with_copy_and_reading_aloud(qtbot, vault):
    from coachdesk.ui.settings_dialog import SettingsDialog

    with vault.session() as s:  # a vault made before issue 17 has none
        assert s.get(Setting, "receiving_identity") is None
    dlg = SettingsDialog(vault)
    qtbot.addWidget(dlg)
    box = dlg.recipient_box
    with vault.session() as s:
        r = recipient.recipient(s)
    assert r is not None and r.startswith("age1")
    assert box.field.text() == r and box.field.isReadOnly()
    groups = box.grouped.text().split()
    assert "".join(groups) == r and all(len(g) <= 4 for g in groups)
    box.copy_button.click()
    assert QGuiApplication.clipboard().text() == r
    # Shown again: the same key, not a new one.
    again = SettingsDialog(vault)
    qtbot.addWidget(again)
    assert again.recipient_box.field.text() == r


def test_unlocking_an_older_vault_gives_it_a_receiving_key(qtbot, vault, data_dir):
    from test_ui_main_window import make_window, unlock

    vault.close()
    w = make_window(qtbot, data_dir)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.vault is not None, timeout=20_000)
    with w.vault.session() as s:
        assert recipient.recipient(s) is not None


def _page(qtbot, vault, pid):
    from coachdesk.ui.participant_page import ParticipantPage

    page = ParticipantPage(vault, pid)
    qtbot.addWidget(page)
    return page


def _dialog(qtbot, page, monkeypatch):
    """Click the page's button; the dialog is driven, then closed, inside exec()."""
    from coachdesk.ui import handover_dialog

    seen = {}

    def fake_exec(dlg):
        seen["dlg"] = dlg
        dlg.show()
        seen["drive"](dlg)
        dlg.close()
        return 0

    monkeypatch.setattr(handover_dialog.HandoverDialog, "exec", fake_exec)
    return seen


def test_handover_to_a_key_from_the_participant_page(qtbot, vault, receiver, tmp_path, monkeypatch):
    from coachdesk.store import handover

    pid = add_person(vault)
    rcpt = recipient.ensure_committed(receiver)
    page = _page(qtbot, vault, pid)
    out = tmp_path / "overdragelse.age"
    seen = _dialog(qtbot, page, monkeypatch)

    def drive(dlg):
        dlg.path.setText(str(out))
        assert not dlg.write()  # no key yet
        assert "key" in dlg.outcome.text() and not out.exists()
        # Typed as read aloud, in groups: the spaces do not matter.
        qtbot.keyClicks(dlg.recipient, recipient.grouped(rcpt).replace("\n", " "))
        assert dlg.write(), dlg.outcome.text()
        assert "disclosure is recorded" in dlg.outcome.text()
        assert dlg.archive_button.isVisible()
        dlg.archive_button.click()

    seen["drive"] = drive
    assert page.handover_note.isHidden()
    page.handover_button.click()
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n-> X25519 ")
    # The page now says she was handed over, and offers the erasure for later.
    assert not page.handover_note.isHidden()
    assert "Handed over to another coach on" in page.handover_note.label.text()
    from coachdesk.ui import erase_dialog

    asked = []
    monkeypatch.setattr(erase_dialog.EraseDialog, "exec", lambda d: asked.append(d.ref) or 0)
    page.handover_note.erase_button.click()
    assert asked == ["UI-1"]
    with vault.session() as s:
        p = s.get(Participant, pid)
        assert p.archived
        d = s.execute(select(Disclosure).where(Disclosure.participant_id == pid)).scalar_one()
        assert (d.kind, d.recipient) == ("handover", rcpt)
    assert page.archive_button.text() != "Archive"  # the page shows the new state
    # The receiving vault opens it and holds the same record.
    with receiver.session() as s:
        handover.receive(s, out.read_bytes())
        s.commit()
    assert export(receiver) == export(vault)


def test_handover_with_a_passphrase_and_the_refusals(qtbot, vault, tmp_path, monkeypatch):
    pid = add_person(vault)
    page = _page(qtbot, vault, pid)
    out = tmp_path / "p.age"
    seen = _dialog(qtbot, page, monkeypatch)
    with vault.session() as s:
        own = recipient.ensure(s)
        s.commit()

    def drive(dlg):
        dlg.path.setText(str(out))
        qtbot.keyClicks(dlg.recipient, "age1notakey")
        assert not dlg.write() and "62" in dlg.outcome.text()
        dlg.recipient.setText(own)
        assert not dlg.write() and "own receiving key" in dlg.outcome.text()
        dlg.by_phrase.setChecked(True)
        assert dlg.phrase.isEnabled() and not dlg.recipient.isEnabled()
        dlg.phrase.setText("short")
        assert not dlg.write() and "at least 8" in dlg.outcome.text()
        dlg.phrase.setText(PHRASE)
        dlg.phrase2.setText(PHRASE + "x")
        assert not dlg.write() and "differ" in dlg.outcome.text()
        assert not out.exists()
        dlg.phrase2.setText(PHRASE)
        assert dlg.write(), dlg.outcome.text()
        assert dlg.phrase.text() == ""  # not kept in the widget

    seen["drive"] = drive
    page.handover_button.click()
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n-> scrypt ")
    with vault.session() as s:
        assert s.query(Disclosure).one().recipient == "passphrase"
        assert not s.get(Participant, pid).archived  # archiving is offered, not done


def test_import_dialog_opens_an_age_file_with_the_vaults_key(qtbot, vault, receiver, tmp_path):
    from coachdesk.store import handover
    from coachdesk.ui.import_dialog import ImportDialog

    add_person(vault)
    out = tmp_path / "h.age"
    rcpt = recipient.ensure_committed(receiver)
    with vault.session() as s:
        handover.make_handover(s, "UI-1", out, to_recipient=rcpt)
    dlg = ImportDialog(receiver)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.path, str(out))
    dlg.import_button.click()
    assert dlg.imported and "1 new" in dlg.outcome.text(), dlg.outcome.text()
    assert not dlg.phrase_row.isVisible()
    assert export(receiver) == export(vault)
    # Again: the ref is there now, refused as for a plain file, unless Replace.
    dlg.import_button.click()
    assert "already in the vault" in dlg.errors.item(0).text()
    dlg.replace.setChecked(True)
    dlg.import_button.click()
    assert "1 replaced" in dlg.outcome.text()
    with receiver.session() as s:
        receipts = [
            e.detail
            for e in s.query(AuditEvent).filter_by(action="import")
            if (e.detail or {}).get("format") == "handover"
        ]
        assert len(receipts) == 2


def test_import_dialog_asks_for_the_passphrase_and_refuses_bad_files(
    qtbot, vault, receiver, tmp_path
):
    from coachdesk.store import handover
    from coachdesk.ui.import_dialog import ImportDialog

    add_person(vault)
    out = tmp_path / "p.age"
    with vault.session() as s:
        handover.make_handover(s, "UI-1", out, passphrase=PHRASE)
    plain = tmp_path / "renamed.age"
    plain.write_text(json.dumps(document(canary_person("B", ref="UI-2"))))
    cut = tmp_path / "cut.age"
    cut.write_bytes(out.read_bytes()[:-30])
    dlg = ImportDialog(receiver)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.path.setText(str(plain))
    dlg.import_button.click()
    assert "not an age-encrypted file" in dlg.outcome.text() and not dlg.imported
    dlg.path.setText(str(out))
    dlg.import_button.click()
    assert dlg.phrase_row.isVisible() and "passphrase" in dlg.outcome.text()
    qtbot.keyClicks(dlg.phrase, "wrong words entirely")
    dlg.import_button.click()
    assert "passphrase is wrong" in dlg.outcome.text() and not dlg.imported
    dlg.phrase.setText(PHRASE)
    dlg.path.setText(str(cut))
    dlg.import_button.click()
    assert "damaged or cut off" in dlg.outcome.text() and not dlg.imported
    with receiver.session() as s:
        assert s.query(Participant).count() == 0
    dlg.path.setText(str(out))
    dlg.import_button.click()
    assert dlg.imported and dlg.phrase.text() == ""
    assert export(receiver) == export(vault)
