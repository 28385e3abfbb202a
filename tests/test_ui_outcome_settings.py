"""Outcome & drop-out, settings, language choice, screenshots; nothing personal in QSettings."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, QSettings
from sqlalchemy import select

from coachdesk.store import audit, jobplans, participants, sessions, settings
from coachdesk.store.models import Participant

TODAY = dt.date.today()


pytestmark = pytest.mark.usefixtures("isolated_settings")


def add_person(vault, **extra):
    with vault.session() as s:
        p = participants.create_participant(
            s,
            {
                "ref": "R-9",
                "name": "Birthe Canary",
                "status": "individual_phase",
                "course_start": (TODAY - dt.timedelta(weeks=12)).isoformat(),
            }
            | extra,
        )
        s.commit()
        return p.id


def test_outcome_and_dropout(qtbot, vault):
    from coachdesk.ui.outcome_view import OutcomeView

    pid = add_person(vault)
    view = OutcomeView(vault, pid)
    qtbot.addWidget(view)
    view.outcome.setCurrentIndex(view.outcome.findData("work_partial"))
    view.hours.setValue(20)
    view.outcome_date.set_value(TODAY)
    view.summary.setPlainText("Godt forløb.")
    assert view.is_dirty()
    assert view.save()
    with vault.session() as s:
        p = s.get(Participant, pid)
        assert (p.outcome_status, p.outcome_hours, p.outcome_date) == ("work_partial", 20, TODAY)
        assert p.report_summary == "Godt forløb." and p.status == "individual_phase"
    # A drop-out date moves the participant out of the course.
    view.dropout_date.set_value(TODAY)
    view.dropout_reason.setText("Flyttet")
    assert view.save()
    assert view.status.currentData() == "dropped_out"
    with vault.session() as s:
        p = s.get(Participant, pid)
        assert (p.status, p.dropout_date, p.dropout_reason) == ("dropped_out", TODAY, "Flyttet")
        assert [e.detail for e in audit.events_for(s, p.uid)][-1] == {
            "fields": ["dropped_out", "status"]
        }


def test_withdrawn_consent_shown_on_page(qtbot, vault):
    from coachdesk.ui.participant_page import ParticipantPage

    pid = add_person(
        vault,
        consent={
            "given_on": (TODAY - dt.timedelta(days=30)).isoformat(),
            "scope": ["course"],
            "withdrawn_on": TODAY.isoformat(),
        },
    )
    page = ParticipantPage(vault, pid)
    qtbot.addWidget(page)
    assert "Consent WITHDRAWN" in page.consent_label.text()
    assert page.facts_label.text().startswith("R-9 · course ended ·")
    page.attendance_date.set_value(TODAY - dt.timedelta(weeks=11))
    page.mark_attendance(True)
    assert page.attendance_label.text() == "Present at 1 of 1 marked group sessions."
    with vault.session() as s:
        assert len(s.get(Participant, pid).attendance) == 1
        assert audit.events_for(s, s.get(Participant, pid).uid)[1].action == "participant_read"


def test_settings_dialog_saves_vault_and_machine_settings(qtbot, vault):
    from coachdesk.ui import preferences
    from coachdesk.ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(vault)
    qtbot.addWidget(dlg)
    assert dlg.threshold.value() == 17 and dlg.idle.value() == 5
    dlg.threshold.setValue(18)
    dlg.coach_name.setText("Hanne")
    dlg.idle.setValue(10)
    dlg.language.setCurrentIndex(dlg.language.findData("da"))
    dlg.save()
    with vault.session() as s:
        assert settings.get(s, "admission_threshold") == 18
        assert settings.get(s, "coach_name") == "Hanne"
        assert settings.pss_params(s).threshold == 18
    assert preferences.IDLE_LOCK_MINUTES.get() == 10
    assert preferences.LANGUAGE.get() == "da"


def test_language_choice():
    from coachdesk.ui.app import choose_language

    da, en = QLocale(QLocale.Language.Danish), QLocale(QLocale.Language.German)
    assert choose_language("en", "da", da) == "en"
    assert choose_language(None, "da", en) == "da"
    assert choose_language(None, "", da) == "da"
    assert choose_language(None, "", en) == "en"


def test_screenshots_and_clean_qsettings(qtbot, vault, data_dir, tmp_path):
    from coachdesk.ui.screenshots import render_all
    from tests.conftest import PASSPHRASE

    pid = add_person(vault)
    with vault.session() as s:
        sessions.save_session(s, pid, {"date": TODAY.isoformat(), "notes": "CanaryNote"})
        jobplans.save_job_plan(s, pid, {"direction": "CanaryDirection"})
        s.commit()
    vault.close()
    out = tmp_path / "shots"
    files = render_all(data_dir, out, PASSPHRASE, "en", real_data=True)
    names = sorted(f.name for f in files)
    assert names[:3] == ["01-unlock.png", "02-first-run-recovery-code.png", "03-caseload.png"]
    assert len(names) == 10
    from PySide6.QtGui import QImage

    for f in files:
        img = QImage(str(f))
        assert not img.isNull() and img.width() >= 400
    from coachdesk.store.vault import Vault

    with Vault.open(data_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.execute(select(Participant.name)).scalar() == "Birthe Canary"


def test_nothing_personal_in_qsettings(qtbot, vault, data_dir, tmp_path):
    from coachdesk.ui.main_window import MainWindow
    from tests.conftest import PASSPHRASE

    pid = add_person(vault)
    vault.close()
    window = MainWindow(data_dir, idle_minutes=60)
    qtbot.addWidget(window)
    window.show()
    window.gate.secret.setText(PASSPHRASE)
    window.gate.submit()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    window.workspace.caseload.search.setText("Birthe")
    window.workspace.open_participant(pid)
    window.close()
    QSettings().sync()
    files = [f for f in (tmp_path / "qsettings").rglob("*") if f.is_file()]
    data = b"".join(f.read_bytes() for f in files)
    assert b"geometry" in data and b"header" in data  # the layout was saved...
    for canary in ("Birthe", "Canary", "R-9"):  # ...and nothing about people
        assert canary.encode() not in data
        assert canary.encode("utf-16-le") not in data
