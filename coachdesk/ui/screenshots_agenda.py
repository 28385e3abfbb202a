"""Screenshots of the agenda (Kalender), the group roster (Holdliste), the calendar export
and the I dag reminders, at 1366x768 and 1920x1080, in Danish.

For the synthetic demo vault (``make screenshots``' set-up; the demo command gives every
hold its group sessions). Leaves the vault as it found it (nothing is marked or saved):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m coachdesk.ui.screenshots_agenda \
        /tmp/coachdesk-shots docs/screenshots bench/demo-passphrase.txt
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QWidget

from coachdesk.store import agenda

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
    from coachdesk.ui.agenda_view import ITEM_ROLE
    from coachdesk.ui.calendar_dialog import CalendarExportDialog
    from coachdesk.ui.roster_view import RosterDialog

    written: list[Path] = []
    window.resize(*size)
    window.show()
    ws = window.workspace
    ws.show_caseload()
    ws.caseload.load_reminders()
    _save(window, out / f"18-today-reminders{suffix}.png", written)
    ws.show_agenda()
    ws.agenda.go_today()
    _save(window, out / f"19-agenda{suffix}.png", written)
    # Enter on the first planned conversation: its editor, with "Marker som afholdt".
    table = ws.agenda.table
    row = next(
        (r for r in range(table.rowCount()) if table.item(r, 0).data(ITEM_ROLE).kind == "session"),
        None,
    )
    if row is not None:
        item = table.item(row, 0).data(ITEM_ROLE)
        page = ws.open_session(item.participant_id, item.session_id)
        _save(window, out / f"22-planned-session{suffix}.png", written)
        page.sessions.close_editor()
        ws.close_tab(ws.indexOf(page))
    # The roster of the largest hold that has had its group phase (the latest of equals).
    today = dt.date.today()
    with vault.session() as s:
        sizes = agenda.hold_sizes(s)
        best = max(
            (h for h in sizes if h + dt.timedelta(weeks=4) <= today),
            key=lambda h: (sizes[h], h),
            default=None,
        )
    dlg = RosterDialog(vault, window, course_start=best)
    dlg.resize(min(size[0] - 80, 1280), min(size[1] - 80, 720))
    dlg.show()
    _save(dlg, out / f"20-roster{suffix}.png", written)
    dlg.close()
    cal = CalendarExportDialog(vault, window)
    cal.show()
    _save(cal, out / f"21-calendar-export{suffix}.png", written)
    cal.close()
    return written


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

    try:  # pictures of the agenda: demo people only, never real ones
        with vault.session() as s:
            check_allowed(s, real_data=False)
    except BadInput as exc:
        vault.close()
        print(exc, file=sys.stderr)
        return 2
    window.on_unlocked(vault)
    for size, suffix in (((1366, 768), ""), ((1920, 1080), "-1920")):
        render(window, vault, out, size, suffix)
    window.lock()
    window.close()
    settings_dir.cleanup()
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
