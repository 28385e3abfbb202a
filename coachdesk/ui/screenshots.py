"""Render every main screen to PNG (offscreen, 1280x800) for review and the docs.

A screenshot is a plaintext copy of what the app shows, so (docs/security.md, "GUI:
plain text, screenshots, file dialogs"): only a vault that holds nothing but `demo`'s
synthetic people is rendered, unless the caller says ``real_data`` (then it is an
export, in the audit log); the PNGs are readable by the owner only (0600, a folder made
here 0700), written into a private temporary folder and moved into place only once the
audit event is committed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coachdesk.store.vault import Vault

SIZE = (1280, 800)
SAMPLE_CODE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"  # never a real recovery code


REFUSED = (
    "This vault holds real participants (or people not made by 'coachdesk demo'): "
    "screenshots are plaintext copies of their data. Use a vault made by "
    "'coachdesk demo', or pass --real-data (recorded in the audit log as an export)."
)


def check_allowed(session: Any, real_data: bool) -> bool:
    """True for a vault of demo people only; raises BadInput for real data without
    ``real_data``."""
    from coachdesk.errors import BadInput
    from coachdesk.store import demo_mark

    demo = demo_mark.only_demo_people(session)
    if not demo and not real_data:
        raise BadInput(REFUSED)
    return demo


def save_png(widget: Any, path: Path) -> Path:
    """``widget`` as a PNG at ``path``, readable by the owner only (0600 from the first
    byte: written to a private temporary file beside it, then renamed)."""
    from PySide6.QtCore import QBuffer, QIODevice

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buf, "PNG")
    fd, tmp = tempfile.mkstemp(prefix=".shot-", suffix=".tmp", dir=path.parent)  # 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(bytes(buf.data().data()))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def render_all(
    data_dir: Path,
    out: Path,
    passphrase: str,
    lang: str | None = None,
    today: dt.date | None = None,
    *,
    real_data: bool = False,
) -> list[Path]:
    from coachdesk.store.vault import Vault

    vault = Vault.open(data_dir, passphrase=passphrase)
    try:
        with vault.session() as s:
            demo = check_allowed(s, real_data)
    except BaseException:
        vault.close()
        raise
    if not out.exists():
        out.mkdir(parents=True)
        out.chmod(0o700)
    staging = Path(tempfile.mkdtemp(prefix=".coachdesk-shots-", dir=out))  # 0700
    try:
        try:
            staged = _render(vault, data_dir, staging, lang, today, demo)
        finally:
            vault.close()  # locked by the window already when all went well; idempotent
        written = []
        for f in staged:
            os.replace(f, out / f.name)
            written.append(out / f.name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _render(
    vault: Vault, data_dir: Path, out: Path, lang: str | None, today: dt.date | None, demo: bool
) -> list[Path]:
    """Every screen into ``out`` (a private folder); the export is audited before the
    vault is locked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from coachdesk.ui.app import setup_application

    app = QApplication.instance() or QApplication(["coachdesk-screenshots"])
    settings_dir = tempfile.TemporaryDirectory(prefix="coachdesk-shots-")
    # Screenshots must not touch (or depend on) the coach's own preferences.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir.name)
    setup_application(app, lang)
    from sqlalchemy import select

    from coachdesk.store import audit
    from coachdesk.store.models import JobPlanVersion, Participant, SessionLog
    from coachdesk.ui.first_run import FirstRunView
    from coachdesk.ui.main_window import MainWindow
    from coachdesk.ui.settings_dialog import SettingsDialog

    written: list[Path] = []

    def save(widget: object, name: str) -> None:
        written.append(save_png(widget, out / f"{name}.png"))

    def shot(widget: QWidget, name: str) -> None:
        widget.resize(*SIZE)
        widget.show()
        for _ in range(5):
            app.processEvents()
        save(widget, name)

    window = MainWindow(data_dir, today=today, idle_minutes=60)
    shot(window, "01-unlock")

    with tempfile.TemporaryDirectory() as empty:
        first = FirstRunView(Path(empty) / "vault")
        first.recovery_code = SAMPLE_CODE
        first.code_label.setText(SAMPLE_CODE)
        first.steps.setCurrentIndex(1)
        shot(first, "02-first-run-recovery-code")
        first.close()

    window.on_unlocked(vault)
    shot(window, "03-caseload")
    with vault.session() as s:
        # A participant far enough along to have sessions and a job plan.
        pid = (
            s.execute(
                select(Participant.id)
                .join(JobPlanVersion)
                .join(SessionLog)
                .where(Participant.archived.is_(False))
                .order_by(Participant.name)
                .limit(1)
            ).scalar()
            or s.execute(select(Participant.id).limit(1)).scalar()
        )
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
    save(dlg, "09-settings")
    dlg.close()
    # An export of what the screens showed (names never in the log): committed before
    # the files leave the private folder. The locked screen (next) shows no data.
    with vault.session() as s:
        audit.record(
            s, "export", {"kind": "screenshots", "files": len(written) + 1, "demo_only": demo}
        )
        s.commit()
    window.lock()
    shot(window, "10-locked")
    window.close()
    settings_dir.cleanup()
    return written
