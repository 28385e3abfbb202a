"""Attack: the GUI's error paths show no personal data and no markup (issue 12, items 5-7).

A database error's text quotes its statement and parameters (names, notes); the export
and backup dialogs must show one translated sentence instead. Text in a message box is
shown literally, never rendered as rich text.
"""

from __future__ import annotations

import pytest
import sqlcipher3
from canaries import canary, canary_person, document
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from coachdesk.store import interchange
from coachdesk.store.models import Participant

SECRET = canary("A", "jobplan")


def _integrity_error(vault) -> BaseException:
    """A real IntegrityError from the vault whose text quotes the canary."""
    with vault.session() as s:
        try:
            s.execute(text(f"INSERT INTO participant (ref, name) VALUES ('{SECRET}', NULL)"))
        except Exception as exc:  # the real error is what the test needs
            return exc
    raise AssertionError("the insert did not fail")


def _operational_error(_vault) -> BaseException:
    return OperationalError(
        "UPDATE session_log SET notes = ?",
        (SECRET,),
        sqlcipher3.OperationalError("no such column: notes"),
    )


@pytest.fixture
def pid(vault):
    with vault.session() as s:
        interchange.import_document(s, document(canary_person("B")))
        s.commit()
        return s.query(Participant).one().id


def _texts(widget) -> list[str]:
    return [lab.text() for lab in widget.findChildren(QLabel)]


@pytest.mark.parametrize("make_error", [_integrity_error, _operational_error])
def test_export_failure_shows_no_database_text(
    qtbot, vault, pid, tmp_path, monkeypatch, make_error
):
    from coachdesk.reports import export
    from coachdesk.ui import plain
    from coachdesk.ui.export_dialog import ExportDialog

    error = make_error(vault)
    assert SECRET in str(error)  # the attack is real: the error's text holds the canary

    def failing(*_a, **_k):
        raise error

    monkeypatch.setattr(export, "export_report", failing)
    boxes: list[str] = []
    monkeypatch.setattr(plain, "warning", lambda _p, _t, msg: boxes.append(msg))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, msg, *a: boxes.append(msg))
    dlg = ExportDialog(vault, pid)
    dlg.ask_sender = lambda current: None
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.choose_target = lambda suggested: str(tmp_path / "rapport.pdf")
    # The canary person has no consent to reports: the access copy needs none.
    dlg.kind.setCurrentIndex(dlg.kind.findData("access_copy"))
    dlg.ask_passphrase = lambda: "correct horse battery"  # conftest's vault passphrase
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            dlg.export_button.isEnabled() and dlg.message.text() and "…" not in dlg.message.text()
        ),
        timeout=15_000,
    )
    shown = _texts(dlg) + boxes
    assert dlg.message.text().strip()
    assert type(error).__name__ in dlg.message.text()  # one sentence that names the kind
    assert not any(SECRET in t for t in shown)
    assert not any("INSERT" in t or "UPDATE" in t for t in shown)
    assert not (tmp_path / "rapport.pdf").exists()


def test_backup_failure_shows_no_database_text(qtbot, vault, pid, tmp_path, monkeypatch):
    from coachdesk.store import backup
    from coachdesk.ui import plain
    from coachdesk.ui.backup_dialog import BackupDialog

    error = _integrity_error(vault)

    def failing(*_a, **_k):
        raise error

    monkeypatch.setattr(backup, "create_backup", failing)
    boxes: list[str] = []
    monkeypatch.setattr(plain, "warning", lambda _p, _t, msg: boxes.append(msg))
    monkeypatch.setattr(
        "coachdesk.ui.backup_dialog.QMessageBox.warning", lambda _p, _t, msg, *a: boxes.append(msg)
    )
    folder = tmp_path / "backups"
    folder.mkdir()
    dlg = BackupDialog(vault)
    qtbot.addWidget(dlg)
    dlg.set_folder(folder)
    dlg.back_up_now()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20_000)
    assert boxes and "IntegrityError" in boxes[0]
    assert not any(SECRET in t for t in boxes + _texts(dlg))


def test_error_hook_box_shows_markup_as_text(qtbot, qapp):
    """An uncaught error's box is plain text: a CoachDeskError's sentence can quote a
    path or a ref, and AutoText would render <b>, links and <img>."""
    from coachdesk.errors import BadInput
    from coachdesk.ui import error_hook

    seen: list[tuple[str, Qt.TextFormat]] = []

    def close_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.text(), box.textFormat()))
            box.accept()
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(20, close_box)
    exc = BadInput("No participant with ref <b>X</b><img src=/etc/passwd> in this vault.")
    error_hook.hook(type(exc), exc, None)
    assert seen and "<b>X</b>" in seen[0][0]
    assert seen[0][1] == Qt.TextFormat.PlainText


def test_erase_whose_compaction_fails_closes_as_erased(qtbot, vault, data_dir, monkeypatch, danish):
    """Item 6: VACUUM fails on a full disk after the erasure's commit. The person is gone,
    so the dialog says so (in Danish), closes as erased, and the caseload drops them."""
    from test_ui_main_window import add_person, all_text, make_window, unlock

    from coachdesk.store import erasure
    from coachdesk.ui import plain

    def full(_vault):
        raise sqlcipher3.OperationalError("database or disk is full")

    pid = add_person(vault, "R-1", "Ida Jensen")
    add_person(vault, "R-2", "Mette Hansen")
    vault.close()
    window = make_window(qtbot, data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    page = window.workspace.open_participant(pid)
    monkeypatch.setattr(erasure, "compact", full)
    boxes: list[str] = []
    monkeypatch.setattr(plain, "warning", lambda _p, _t, msg: boxes.append(msg))

    def confirm() -> None:
        dlg = QApplication.activeModalWidget()
        qtbot.keyClicks(dlg.confirm, "R-1")
        qtbot.keyClick(dlg.confirm, Qt.Key.Key_Return)

    QTimer.singleShot(0, confirm)
    page.erase_button.click()
    qtbot.waitUntil(lambda: not window.workspace.pages(), timeout=3000)
    assert len(boxes) == 1
    assert "er slettet" in boxes[0] and "disken er fuld" in boxes[0].lower()
    assert "coachdesk compact" in boxes[0]
    assert "Ida Jensen" not in all_text(window)
    assert window.workspace.caseload.model.rowCount() == 1
    with window.vault.session() as s:
        assert [p.ref for p in s.query(Participant)] == ["R-2"]
    window.close()


def _typing_stops_at(qtbot, edit, limit: int) -> None:
    edit.setFocus()
    edit.setText("a" * (limit - 1))
    edit.end(False)
    qtbot.keyClicks(edit, "bcd")
    assert edit.text() == "a" * (limit - 1) + "b", (edit.accessibleName(), limit)


def test_single_line_fields_stop_at_the_stored_maximum(qtbot, vault, pid):
    """Item 17: a single-line field cannot hold more than the vault stores."""
    from coachdesk.core import records
    from coachdesk.ui.fields import CPR_MAX_LEN
    from coachdesk.ui.outcome_view import OutcomeView
    from coachdesk.ui.participant_dialog import ParticipantDialog

    dlg = ParticipantDialog(vault)
    qtbot.addWidget(dlg)
    dlg.show()
    for edit, key in (
        (dlg.name, "name"),
        (dlg.ref, "ref"),
        (dlg.email, "email"),
        (dlg.phone, "phone"),
        (dlg.cw_name, "caseworker.name"),
        (dlg.cw_municipality, "caseworker.municipality"),
        (dlg.cw_email, "caseworker.email"),
        (dlg.cw_case_ref, "caseworker.case_ref"),
    ):
        _typing_stops_at(qtbot, edit, records.MAX_LEN[key])
    _typing_stops_at(qtbot, dlg.cpr.edit, CPR_MAX_LEN)
    view = OutcomeView(vault, pid)
    qtbot.addWidget(view)
    view.show()
    _typing_stops_at(qtbot, view.dropout_reason, records.MAX_LEN["dropped_out.reason"])


def test_an_over_long_note_is_refused_in_danish(qtbot, vault, pid, danish):
    """A multi-line field keeps the store's refusal: told in Danish, nothing saved."""
    from coachdesk.core import records
    from coachdesk.store.models import SessionLog
    from coachdesk.ui.session_editor import SessionEditor

    with vault.session() as s:
        before = s.query(SessionLog).count()
    ed = SessionEditor(vault, pid)
    qtbot.addWidget(ed)
    ed.show()
    limit = records.MAX_LEN["sessions[].notes"]
    ed.notes.setPlainText("n" * (limit + 1))
    assert not ed.save()
    shown = ed.message.text()
    assert shown == f"Noter: Teksten er længere end {limit} tegn.", shown[:300]
    with vault.session() as s:
        assert s.query(SessionLog).count() == before
