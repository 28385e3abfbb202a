"""Opening a participant with 4 instruments x 4 time points (issue 16), against the
open-participant target (docs/performance.md: open_participant_ms <= 100).

The heavy participant of the benchmark (50 sessions) twice: with its 3 PSS-10s as in
run.py, and with PSS-10, WHO-5, CBI and WAS at screening, week 4, week 12 and follow-up
(16 questionnaires). For each, the participant is opened 9 times (the first, cold open
left out of the median) until painted; then with the Questionnaires tab shown and every
instrument's chart and item view drawn once. Prints medians; asserts nothing.

    COACHDESK_ALLOW_INSECURE_KDF=1 QT_QPA_PLATFORM=offscreen .venv/bin/python \
        bench/instruments_open.py
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COACHDESK_ALLOW_INSECURE_KDF", "1")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from workload import HEAVY_REF, PASSPHRASE, heavy_participant

from coachdesk.core import instruments
from coachdesk.store import interchange
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.models import Participant
from coachdesk.store.vault import Vault

REPEATS = 9
POINTS = (("screening", 0), ("followup", 4), ("final", 12), ("followup", 24))
ANSWER = {"pss10": 2, "who5": 3, "cbi": 2, "was": 6}


def sixteen(p: dict) -> dict:
    start = dt.date.fromisoformat(p["course_start"])
    p["assessments"] = [
        {
            "kind": kind,
            "date": (start + dt.timedelta(weeks=w)).isoformat(),
            "instrument": iid,
            "answers": [ANSWER[iid]] * instruments.get(iid).n_items,
        }
        for iid in ("pss10", "who5", "cbi", "was")
        for kind, w in POINTS
    ]
    return p


def measure(app: QApplication, variant: str) -> tuple[float, float, float]:
    from coachdesk.ui.main_window import MainWindow

    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="coachdesk-bench-") as tmp:
        data_dir = Path(tmp) / "vault"
        vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
        person = heavy_participant(today)
        if variant == "4x4":
            person = sixteen(person)
        with vault.session() as s:
            interchange.import_document(
                s,
                {"format": interchange.FORMAT, "version": 2, "participants": [person]},
                today=today,
            )
            s.commit()
            pid = s.execute(select(Participant.id).where(Participant.ref == HEAVY_REF)).scalar_one()
        vault.close()
        window = MainWindow(data_dir, idle_minutes=60)
        window.resize(1366, 768)
        window.show()
        window.on_unlocked(Vault.open(data_dir, passphrase=PASSPHRASE))
        ws = window.workspace
        assert ws is not None
        opens, with_tab = [], []
        for _ in range(REPEATS):
            t = time.perf_counter()
            page = ws.open_participant(pid)
            app.processEvents()
            app.processEvents()
            opens.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            tab = page._tab("instruments")
            page.tabs.setCurrentWidget(tab)
            for inst in instruments.all_instruments():
                tab.select(inst.id)  # type: ignore[attr-defined]
                app.processEvents()
            with_tab.append((time.perf_counter() - t) * 1000)
            ws.close_tab(ws.indexOf(page))
            app.processEvents()
        window.lock()
        window.close()
        return opens[0], statistics.median(opens[1:]), statistics.median(with_tab[1:])


def main() -> None:
    app = QApplication.instance() or QApplication(["bench"])
    tmp = tempfile.TemporaryDirectory(prefix="coachdesk-bench-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp.name)
    for variant in ("pss10x3", "4x4"):
        first, warm, tab = measure(app, variant)
        print(
            f"{variant:8s} open first {first:6.1f} ms  open median {warm:6.1f} ms "
            f"(target <= 100)  questionnaires tab, 4 charts {tab:6.1f} ms"
        )
    tmp.cleanup()


if __name__ == "__main__":
    main()
