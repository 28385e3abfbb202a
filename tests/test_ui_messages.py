"""Messages from core/ and store/ reach the coach in her language (ui/messages.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from coachdesk.core import records
from coachdesk.ui.app import resource_dir
from coachdesk.ui.messages import field_error, message


@pytest.fixture
def danish(qapp):
    t = QTranslator()
    assert t.load(str(resource_dir() / "i18n" / "coachdesk_da.qm"))
    QCoreApplication.installTranslator(t)
    yield
    QCoreApplication.removeTranslator(t)


def test_every_record_error_of_a_bad_form_is_danish(danish):
    bad = {"ref": "", "name": "Ida", "cpr": "320190-1234", "course_start": "2026-02-30",
           "assessments": [{"kind": "screening", "date": "2999-01-01", "answers": [5] + [0] * 9}],
           "sessions": [{"date": "2026-01-01", "start": "25:61"}]}
    errors = records.validate_participant(bad, "p", dt.date(2026, 11, 27))
    shown = [field_error(e) for e in errors]
    assert len(shown) == 6
    joined = "\n".join(shown)
    for danish_text in ("skal udfyldes", "ikke en gyldig dato", "ligger i fremtiden",
                        "ligger ikke inden for 0-4", "ikke et klokkeslæt"):
        assert danish_text in joined.lower() or danish_text in joined, (danish_text, joined)


def test_vault_errors_are_danish(danish):
    assert message("Wrong passphrase. Try again.") == "Forkert adgangssætning. Prøv igen."
    assert "andet CoachDesk" in message(
        "This vault is open in another running CoachDesk. Close it there first.")


def test_unknown_text_is_shown_as_it_is(qapp):
    assert message("Something new went wrong.") == "Something new went wrong."
