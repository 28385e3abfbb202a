"""The export dialog driven through its real widgets on a real vault (pytest-qt)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from test_report_data import NOTE_CANARY, add, pdf_text, person, squash

from coachdesk.reports import sections as registry
from coachdesk.store.models import AuditEvent, Disclosure

PASSPHRASE = "correct horse battery"  # conftest's vault passphrase


@pytest.fixture
def dialog(qtbot, vault):
    from coachdesk.ui.export_dialog import ExportDialog

    def make(**over):
        (pid,) = add(vault, person(**over))
        dlg = ExportDialog(vault, pid)
        dlg.ask_sender = lambda current: None  # as if the coach closed the question
        qtbot.addWidget(dlg)
        dlg.show()
        return dlg

    yield make


def _export(qtbot, dlg, target) -> None:
    dlg.choose_target = lambda suggested: str(target)
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)


def test_defaults_and_live_preview(qtbot, dialog, vault) -> None:
    dlg = dialog()
    checked = {k for k, b in dlg.section_boxes.items() if b.isChecked()}
    assert checked == set(registry.defaults())
    assert all("sensitive" in dlg.section_boxes[k].text() for k in registry.sensitive())
    assert dlg.kind.currentData() == "final_report"
    assert dlg.recipient.text() == "Karen Holm, Gentofte Kommune"
    qtbot.waitUntil(lambda: dlg.preview_pages > 0, timeout=15_000)
    first = dlg.preview_pages
    # Ticking notes rebuilds the preview from the same path as the export: more pages.
    dlg.section_boxes["notes"].setChecked(True)
    qtbot.waitUntil(
        lambda: (
            dlg.preview_pages > 0
            and bytes(dlg._pdf_bytes)
            and NOTE_CANARY in squash(pdf_text(bytes(dlg._pdf_bytes)))
        ),
        timeout=15_000,
    )
    assert dlg.preview_pages >= first
    with vault.session() as s:
        assert s.query(AuditEvent).filter_by(action="participant_read").count() == 1


def test_export_with_password(qtbot, dialog, vault, tmp_path) -> None:
    dlg = dialog()
    dlg.password.setText("et-langt-kodeord")
    dlg.password2.setText("et-langt-kodeord")
    target = tmp_path / "rapport"
    with qtbot.waitSignal(dlg.exported, timeout=15_000):
        _export(qtbot, dlg, target)
    out = tmp_path / "rapport.pdf"
    data = out.read_bytes()
    r = PdfReader(io.BytesIO(data))
    assert r.trailer["/Encrypt"].get_object()["/R"] == 6
    assert "010190-****" in pdf_text(data, "et-langt-kodeord")
    assert "another channel" in dlg.message.text()
    assert dlg.password.text() == ""  # not kept around after use
    with vault.session() as s:
        d = s.query(Disclosure).one()
        assert d.encrypted and d.sha256 == dlg.last_result.sha256


def test_password_mismatch_and_short(qtbot, dialog, tmp_path) -> None:
    dlg = dialog()
    dlg.password.setText("et-langt-kodeord")
    dlg.password2.setText("et-andet-kodeord")
    _export(qtbot, dlg, tmp_path / "r.pdf")
    assert "differ" in dlg.message.text()
    dlg.password.setText("kort")
    dlg.password2.setText("kort")
    _export(qtbot, dlg, tmp_path / "r.pdf")
    assert "at least 8" in dlg.message.text()
    assert not (tmp_path / "r.pdf").exists()


def test_notes_need_the_passphrase_again(qtbot, dialog, tmp_path) -> None:
    dlg = dialog()
    dlg.section_boxes["notes"].setChecked(True)
    dlg.ask_passphrase = lambda: "wrong passphrase"
    _export(qtbot, dlg, tmp_path / "r.pdf")
    assert "Wrong passphrase" in dlg.message.text()
    assert not (tmp_path / "r.pdf").exists()
    dlg.ask_passphrase = lambda: PASSPHRASE
    with qtbot.waitSignal(dlg.exported, timeout=15_000):
        _export(qtbot, dlg, tmp_path / "r.pdf")
    assert NOTE_CANARY in squash(pdf_text((tmp_path / "r.pdf").read_bytes()))


def test_withdrawn_consent_blocks_but_access_copy_works(qtbot, dialog, tmp_path) -> None:
    p = person()
    dlg = dialog(consent={**p["consent"], "withdrawn_on": "2026-03-01"})
    assert not dlg.export_button.isEnabled()
    assert dlg.consent_label.isVisible()
    dlg.kind.setCurrentIndex(dlg.kind.findData("access_copy"))
    assert dlg.export_button.isEnabled()
    assert not dlg.section_boxes["course"].isEnabled()
    dlg.ask_passphrase = lambda: PASSPHRASE
    with qtbot.waitSignal(dlg.exported, timeout=15_000):
        _export(qtbot, dlg, tmp_path / "kopi.pdf")
    r = PdfReader(io.BytesIO((tmp_path / "kopi.pdf").read_bytes()))
    assert "coachdesk-participant.json" in r.attachments


def test_channel_is_recorded_and_folder_remembered(qtbot, dialog, vault, tmp_path) -> None:
    from coachdesk.store import settings

    dlg = dialog()
    assert [dlg.channel.itemData(i) for i in range(dlg.channel.count())] == [
        "digital_post",
        "secure_email",
        "handed_over",
        "other",
    ]
    dlg.channel.setCurrentIndex(dlg.channel.findData("secure_email"))
    seen: list[str] = []

    def choose(suggested: str) -> str:
        seen.append(suggested)
        return str(tmp_path / "rapport.pdf")

    dlg.choose_target = choose
    with qtbot.waitSignal(dlg.exported, timeout=15_000):
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    # A Danish name with the ref and the kind, not one English name for everybody.
    assert seen[0].startswith("Slutrapport-GK-2026-0042-") and seen[0].endswith(".pdf")
    with vault.session() as s:
        (d,) = s.query(Disclosure).all()
        assert d.channel == "secure_email" and not d.encrypted
        ev = s.query(AuditEvent).filter_by(action="report").one()
        assert ev.detail["channel"] == "secure_email"
        assert settings.get(s, "export_dir") == str(tmp_path)
    # The next dialog proposes the same folder (kept in the vault, not in a config file).
    dlg2 = dialog(ref="GK-2026-0043")
    dlg2.kind.setCurrentIndex(dlg2.kind.findData("status_report"))
    dlg2.choose_target = lambda suggested: seen.append(suggested)  # cancel
    qtbot.mouseClick(dlg2.export_button, Qt.MouseButton.LeftButton)
    assert seen[-1].startswith(str(tmp_path / "Statusnotat-GK-2026-0043-"))


def test_encryption_warns_that_it_cannot_be_archived(qtbot, dialog) -> None:
    dlg = dialog()
    assert not dlg.archive_warning.isVisible()
    dlg.password.setText("et-langt-kodeord")
    assert dlg.archive_warning.isVisible()
    assert "Digital Post" in dlg.archive_warning.text()
    dlg.password.clear()
    assert not dlg.archive_warning.isVisible()


def test_own_copy_hides_the_caseworker_ticks(qtbot, dialog) -> None:
    dlg = dialog()
    assert dlg.section_boxes["course"].isVisible()
    dlg.kind.setCurrentIndex(dlg.kind.findData("access_copy"))
    assert not any(b.isVisible() for b in dlg.section_boxes.values())
    assert dlg.access_note.isVisible()
    dlg.kind.setCurrentIndex(dlg.kind.findData("final_report"))
    assert dlg.section_boxes["course"].isVisible()


def test_sender_asked_once_and_printed(qtbot, dialog, vault, tmp_path) -> None:
    from coachdesk.store import settings

    dlg = dialog()
    asked: list[dict] = []

    def answer(current):
        asked.append(current)
        return {
            "coach_name": "Mette Coach",
            "organisation": "Stressfri ApS",
            "coach_contact": "mette@stressfri.dk",
        }

    dlg.ask_sender = answer
    with qtbot.waitSignal(dlg.exported, timeout=15_000):
        _export(qtbot, dlg, tmp_path / "a.pdf")
    text = squash(pdf_text((tmp_path / "a.pdf").read_bytes()))
    assert "Mette Coach" in text and "Stressfri ApS" in text and "mette@stressfri.dk" in text
    assert "ikke angivet" not in text
    with vault.session() as s:
        assert settings.get(s, "coach_contact") == "mette@stressfri.dk"
    with qtbot.waitSignal(dlg.exported, timeout=15_000):
        _export(qtbot, dlg, tmp_path / "b.pdf")
    assert len(asked) == 1  # asked once, not on every export


def test_nothing_known_is_left_out_not_printed_as_unknown(vault) -> None:
    import datetime as dt

    from coachdesk.reports.content import ReportRequest
    from coachdesk.reports.export import render_pdf

    (pid,) = add(vault, person(caseworker=None))
    for kind in ("final_report", "access_copy"):
        with vault.session() as s:
            text = pdf_text(
                render_pdf(
                    s, pid, ReportRequest(kind=kind, recipient=""), today=dt.date(2026, 4, 10)
                )
            )
        assert "ikke angivet" not in text and "Coach" not in text.split("Deltager")[0]


def test_contact_is_kept_in_settings(qtbot, vault) -> None:
    """The contact the reports print can be changed in Settings, as the export says."""
    from coachdesk.store import settings
    from coachdesk.ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(vault)
    qtbot.addWidget(dlg)
    dlg.coach_contact.setText("  20 30 40 50 ")
    dlg.save()
    with vault.session() as s:
        assert settings.get(s, "coach_contact") == "20 30 40 50"


def test_one_pdf_job_at_a_time(qtbot, dialog) -> None:
    """A rebuild asked for while the preview is still being made waits for it: two
    reportlab renders on two threads at once have crashed the process."""
    dlg = dialog()
    assert dlg.jobs.busy()  # the first preview, started by the dialog
    dlg.section_boxes["values"].setChecked(True)
    dlg.refresh_preview()  # at once, as a fast click would after the debounce
    assert len(dlg.jobs._tasks) == 1
    qtbot.waitUntil(lambda: not dlg.jobs.busy() and not dlg._debounce.isActive(), timeout=30_000)
    qtbot.waitUntil(lambda: dlg.preview_pages > 0, timeout=30_000)
    assert "Værdier" in squash(pdf_text(bytes(dlg._pdf_bytes)))  # the later choice is shown
