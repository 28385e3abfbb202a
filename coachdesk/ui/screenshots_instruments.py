"""Screenshots of the WHO-5 form and chart (issue 16), in Danish, at 1366x768 and 1920x1080.

Makes its own throw-away vault with one synthetic participant (cheap test KDF), so it
needs no demo set-up and touches no real vault:

    QT_QPA_PLATFORM=offscreen COACHDESK_ALLOW_INSECURE_KDF=1 \
        .venv/bin/python -m coachdesk.ui.screenshots_instruments \
        docs/screenshots
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

TODAY = dt.date(2026, 5, 1)


def _save(widget: QWidget, path: Path, written: list[Path]) -> None:
    for _ in range(5):
        QApplication.processEvents()
    from coachdesk.ui.screenshots import save_png

    written.append(save_png(widget, path))  # owner-only, as `coachdesk screenshots`'s


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from coachdesk.store import participants
    from coachdesk.store.assessments import save_assessment
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.vault import Vault
    from coachdesk.ui.app import setup_application
    from coachdesk.ui.instruments_tab import InstrumentsTab
    from coachdesk.ui.main_window import MainWindow

    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["coachdesk-screenshots"])
    tmp = tempfile.TemporaryDirectory(prefix="coachdesk-shots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp.name)
    setup_application(app, "da")
    data_dir = Path(tmp.name) / "vault"
    vault, _code = Vault.create(data_dir, "screenshot passphrase only", kdf=TEST_KDF)
    pid = vault.write(
        participants.create_participant,
        {
            "ref": "DEMO-001",
            "name": "Demo Deltager",
            "referral_date": "2026-01-05",
            "course_start": "2026-01-12",
        },
        TODAY,
    ).id
    for kind, day, answers in (
        ("screening", "2026-01-12", [1, 1, 2, 1, 1]),
        ("followup", "2026-02-09", [2, 2, 2, 1, 2]),
        ("final", "2026-04-06", [3, 3, 4, 3, 3]),
    ):
        vault.write(save_assessment, pid, kind, day, answers, today=TODAY, instrument="who5")
    window = MainWindow(data_dir, today=TODAY, idle_minutes=60)
    window.on_unlocked(vault)
    written: list[Path] = []
    assert window.workspace is not None
    page = window.workspace.open_participant(pid)
    tab = page._tab("instruments")
    assert isinstance(tab, InstrumentsTab)
    page.tabs.setCurrentWidget(tab)
    tab.select("who5")
    for size, suffix in (((1366, 768), ""), ((1920, 1080), "-1920")):
        window.resize(*size)
        window.show()
        _save(window, out / f"18-who5-chart{suffix}.png", written)
        form = tab.new_questionnaire()
        form.resize(min(size[0], 960), min(size[1] - 60, 720) if suffix else 700)
        for digit in (3, 2, 4):
            form.grid._set(form.grid.current(), digit)
            form.grid.set_current(form.grid.current() + 1)
        _save(form, out / f"19-who5-form{suffix}.png", written)
        form.reject()
    window.lock()
    window.close()
    tmp.cleanup()
    print("\n".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
