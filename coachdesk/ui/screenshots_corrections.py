"""Screenshots of issue 14's screens: the date field refusing a date, delete with undo, the
attendance marks and the job plan diff, at 1366x768 and 1920x1080.

For the synthetic demo vault only (it deletes a session and undoes that, and adds a job
plan version when there is no second one): not part of ``make screenshots``, which must
leave a vault as it found it. Run after ``make screenshots``' demo set-up:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m coachdesk.ui.screenshots_corrections \
        /tmp/coachdesk-shots docs/screenshots bench/demo-passphrase.txt
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from coachdesk.store import caseload
from coachdesk.store.models import JobPlanVersion, Participant, SessionLog

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _save(widget: QWidget, path: Path, written: list[Path]) -> None:
    from coachdesk.ui.screenshots import save_png

    _settle()
    written.append(save_png(widget, path))  # owner-only, as `coachdesk screenshots`'s


def render(
    window: Any, vault: Vault, out: Path, size: tuple[int, int], suffix: str = ""
) -> list[Path]:
    """The PNGs into ``out`` at ``size``; returns their paths."""
    written: list[Path] = []
    window.resize(*size)
    window.show()
    with vault.session() as s:
        # Someone with sessions and at least two job plan versions, if there is one.
        pid = s.execute(
            select(Participant.id)
            .join(SessionLog)
            .join(JobPlanVersion)
            .where(Participant.archived.is_(False))
            .group_by(Participant.id)
            .having(func.count(JobPlanVersion.id.distinct()) > 1)
            .order_by(Participant.name)
            .limit(1)
        ).scalar()
        if pid is None:
            pid = s.execute(select(Participant.id).join(SessionLog).limit(1)).scalar()
    if pid is None:
        return written
    page = window.workspace.open_participant(pid)

    # 1. A session date typed wrong: refused, the message under the field, focus kept.
    page.tabs.setCurrentWidget(page.sessions)
    page.sessions.undo_bar.clear()  # (from the run at the other size)
    page.sessions.open_editor(None)
    editor = page.sessions.editor
    _settle()
    editor.date.edit.setFocus()
    QTest.keyClick(editor.date.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor.date.edit, "31.02.2026")
    QTest.keyClick(editor.date.edit, Qt.Key.Key_Tab)
    _save(window, out / f"11-date-field{suffix}.png", written)
    QTest.keyClick(editor.date.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor.date.edit, "150926")
    _save(window, out / f"11-date-field-understood{suffix}.png", written)
    editor._dirty = False
    page.sessions.close_editor()

    # 2. A session deleted from the list: the undo bar (Ctrl+Z).
    page.sessions.list.setCurrentRow(0)
    page.sessions.delete_selected()
    _save(window, out / f"12-delete-undo{suffix}.png", written)
    page.sessions.undo_bar.undo()
    _save(window, out / f"12-delete-undone{suffix}.png", written)

    # 3. The overview: every attendance mark listed, to re-mark or delete.
    page.tabs.setCurrentWidget(page.overview)
    page.attendance_list.setCurrentRow(0)
    _save(window, out / f"14-attendance-marks{suffix}.png", written)

    # 4. The job plan: two versions compared.
    with vault.session() as s:
        versions = caseload.job_plan_versions(s, pid)
    page.tabs.setCurrentWidget(page.jobplan)
    if len(versions) > 1:
        page.jobplan.compare()
        dialog = page.jobplan.diff_dialog
        _settle()
        _save(dialog, out / f"13-job-plan-diff{suffix}.png", written)
        dialog.close()
    return written


def _second_version(vault: Vault) -> None:
    """A changed job plan for the first participant with sessions (demo data only)."""
    from coachdesk.store import interchange

    with vault.session() as s:
        pid = s.execute(
            select(Participant.id)
            .join(SessionLog)
            .join(JobPlanVersion)
            .where(Participant.archived.is_(False))
            .order_by(Participant.name)
            .limit(1)
        ).scalar()
        if pid is None or len(caseload.job_plan_versions(s, pid)) > 1:
            return
        plan = interchange.job_plan_to_dict(caseload.job_plan_versions(s, pid)[-1])
        plan = {k: v for k, v in plan.items() if v is not None}
        goals = [dict(g) for g in plan.get("goals") or []]
        if goals:
            goals[0]["status"] = "done"
        plan["goals"] = [*goals, {"text": "Aftale en fast pausetid med lederen", "status": "open"}]
        plan["hours_target"] = 25.0
        caseload.save_job_plan(s, pid, plan)
        s.commit()


def main(argv: list[str]) -> int:
    import os
    import sys
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from coachdesk.store.vault import Vault
    from coachdesk.ui.app import setup_application
    from coachdesk.ui.main_window import MainWindow

    data_dir, out, pass_file = Path(argv[0]), Path(argv[1]), Path(argv[2])
    app = QApplication.instance() or QApplication(["coachdesk-screenshots"])
    settings_dir = tempfile.TemporaryDirectory(prefix="coachdesk-shots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir.name)
    setup_application(app, "da")
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(data_dir, idle_minutes=60)
    vault = Vault.open(data_dir, passphrase=pass_file.read_text(encoding="utf-8").strip())
    from coachdesk.errors import BadInput
    from coachdesk.ui.screenshots import check_allowed

    try:  # it changes the vault and pictures it: demo people only, never real ones
        with vault.session() as s:
            check_allowed(s, real_data=False)
    except BadInput as exc:
        vault.close()
        print(exc, file=sys.stderr)
        return 2
    window.on_unlocked(vault)
    _second_version(vault)
    for size, suffix in (((1366, 768), ""), ((1920, 1080), "-1920")):
        render(window, vault, out, size, suffix)
    window.lock()
    window.close()
    settings_dir.cleanup()
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
