"""Render every main screen to PNG (offscreen, 1280x800) for review and the docs."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

SIZE = (1280, 800)
SAMPLE_CODE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"  # never a real recovery code


def render_all(data_dir: Path, out: Path, passphrase: str, lang: str | None = None,
               today: dt.date | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from coachdesk.ui.app import setup_application

    app = QApplication.instance() or QApplication(["coachdesk-screenshots"])
    settings_dir = tempfile.TemporaryDirectory(prefix="coachdesk-shots-")
    # Screenshots must not touch (or depend on) the coach's own preferences.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      settings_dir.name)
    setup_application(app, lang)
    from sqlalchemy import select

    from coachdesk.store.models import JobPlanVersion, Participant, SessionLog
    from coachdesk.store.vault import Vault
    from coachdesk.ui.first_run import FirstRunView
    from coachdesk.ui.main_window import MainWindow
    from coachdesk.ui.settings_dialog import SettingsDialog

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def shot(widget: object, name: str) -> None:
        widget.resize(*SIZE)  # type: ignore[attr-defined]
        widget.show()  # type: ignore[attr-defined]
        for _ in range(5):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        written.append(path)

    window = MainWindow(data_dir, today=today, idle_minutes=60)
    shot(window, "01-unlock")

    with tempfile.TemporaryDirectory() as empty:
        first = FirstRunView(Path(empty) / "vault")
        first.recovery_code = SAMPLE_CODE
        first.code_label.setText(SAMPLE_CODE)
        first.steps.setCurrentIndex(1)
        shot(first, "02-first-run-recovery-code")
        first.close()

    vault = Vault.open(data_dir, passphrase=passphrase)
    window.on_unlocked(vault)
    shot(window, "03-caseload")
    with vault.session() as s:
        # A participant far enough along to have sessions and a job plan.
        pid = s.execute(
            select(Participant.id).join(JobPlanVersion).join(SessionLog)
            .where(Participant.archived.is_(False)).order_by(Participant.name).limit(1)
        ).scalar() or s.execute(select(Participant.id).limit(1)).scalar()
    if pid is not None:
        assert window.workspace is not None
        page = window.workspace.open_participant(pid)
        shot(window, "04-participant-overview")
        page.tabs.setCurrentWidget(page.pss_tab)
        shot(window, "05-pss10")
        page.tabs.setCurrentWidget(page.sessions)
        item = page.sessions.list.item(0)
        if item is not None:
            page.sessions._open_item(item)
        shot(window, "06-session-editor")
        page.tabs.setCurrentWidget(page.jobplan)
        shot(window, "07-job-plan")
        page.tabs.setCurrentWidget(page.outcome)
        shot(window, "08-outcome")
    dlg = SettingsDialog(vault, window)
    dlg.adjustSize()
    dlg.show()
    app.processEvents()
    path = out / "09-settings.png"
    dlg.grab().save(str(path))
    written.append(path)
    dlg.close()
    window.lock()
    shot(window, "10-locked")
    window.close()
    settings_dir.cleanup()
    return written
