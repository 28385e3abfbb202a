"""One GUI measurement in a fresh process (bench/run.py starts it; it prints one JSON line).

Modes:
  bare                        a bare PySide6 process showing one window (the yardstick)
  coach DATA_DIR TYPING_S     CoachDesk as the coach uses it: `coachdesk`'s command line,
                              the main window with the unlock screen painted, the
                              passphrase typed into it key by key over TYPING_S seconds
                              (0: pasted at once), Enter, until the caseload is painted.
                              Reports both waits: start -> unlock screen painted, and
                              Enter -> caseload painted (DATA_DIR is a cheap-KDF vault, so
                              the key derivation is not in it); and complete_s, Enter ->
                              the whole caseload in the table (the unlock paints the
                              first screenful, the rest comes after the paint)
  coach DATA_DIR TYPING_S --interact
                              the same, then (once the caseload is complete) resident
                              memory, 30 keystrokes in the caseload
                              search, and opening the heavy participant (50 sessions)

The parent passes BENCH_T0 (time.monotonic() just before it started this process;
CLOCK_MONOTONIC is system-wide on Linux), so "painted" includes interpreter start-up
and every import. Qt settings go to BENCH_SETTINGS_DIR (a folder of the benchmark's
own): the benchmark never reads or writes the coach's preferences.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time

T0 = float(os.environ.get("BENCH_T0", "0")) or time.monotonic()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

KEYS = "jensen" + "\b" * 6 + "demo-2026" + "\b" * 9  # 30 keystrokes, back to everyone
HEAVY_MODULES = (
    "reportlab",
    "pypdf",
    "alembic",
    "cryptography.hazmat.primitives.kdf.argon2",
    "PySide6.QtPdf",
    "jsonschema",
)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _settle(app) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until idle: pending expose and update requests are painted here.

    (Checked: a widget shown, or a tab made current, gets its paintEvent inside
    processEvents on the offscreen platform. A Python event filter counting paint events
    crashed PySide6 6.12 with a refcount error, so the probe does not install one.)
    """
    app.processEvents()
    app.processEvents()


def _idle(seconds: float) -> None:
    """Run the event loop for ``seconds``, as the app's own loop does while it waits.

    Not QTest.qWait: that keeps Python's GIL while it sleeps, which starves the app's
    background threads (measured: the preload never finished while keys were typed with
    it); QEventLoop.exec releases the GIL as QApplication.exec does.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(max(1, round(seconds * 1000)), loop.quit)
    loop.exec()


def bare() -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.setCentralWidget(QLabel("Hello"))
    w.resize(1280, 800)
    w.show()
    _settle(app)
    return {"painted_s": time.monotonic() - T0}


def _start_app(data_dir: str):  # type: ignore[no-untyped-def]
    """What `coachdesk` does up to the painted unlock screen (ui/app.run_app, minus
    app.exec and the error hook)."""
    try:
        from coachdesk.cli.main import parse_args
    except ImportError:  # a commit before parse_args (PYTHONPATH at an older worktree)
        from coachdesk.cli.main import build_parser

        build_parser().parse_args([])
    else:
        parse_args([])  # `coachdesk` without a subcommand
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from coachdesk.ui.app import setup_application

    app = QApplication(sys.argv[:1])
    settings_dir = os.environ.get("BENCH_SETTINGS_DIR")
    if not settings_dir:
        import tempfile

        settings_dir = tempfile.mkdtemp(prefix="coachdesk-bench-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    setup_application(app, "en")
    from coachdesk.ui.main_window import MainWindow

    window = MainWindow(data_dir, idle_minutes=600)
    window.resize(1280, 800)
    window.show()
    # What start-up itself imported (the preload starts from the event loop, after the
    # first paint, so it is not in this list).
    imported = [m for m in (*HEAVY_MODULES, "sqlalchemy") if m in sys.modules]
    _settle(app)
    return app, window, imported


def coach(data_dir: str, typing_s: float, interact: bool) -> dict[str, object]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, window, unlock_screen_modules = _start_app(data_dir)
    gate_s = time.monotonic() - T0
    secret = window.gate.secret
    passphrase = os.environ["BENCH_PASSPHRASE"]
    if typing_s > 0:  # key by key, the event loop idle between keys (as a person types)
        for ch in passphrase:
            QTest.keyClick(secret, ch)
            _idle(typing_s / len(passphrase))
    else:
        secret.setText(passphrase)
    preload_running = any(t.name == "coachdesk-preload" for t in threading.enumerate())
    # Wait as the app waits: in Qt's event loop, no Python running on this thread (a
    # polling loop here took the GIL from the unlock worker a thousand times a second).
    # unlocked is connected to MainWindow.on_unlocked first, so quit runs after it.
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    window.gate.unlocked.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    t_enter = time.monotonic()
    QTest.keyClick(secret, Qt.Key.Key_Return)
    if window.workspace is None:
        loop.exec()
    if window.workspace is None:
        raise RuntimeError(f"the vault did not open: {window.gate.message.text()}")
    _settle(app)
    painted = time.monotonic()
    cv = window.workspace.caseload
    first_rows = cv.model.rowCount()
    # The rest of the caseload (read after the first paint, on a worker thread): waited
    # for in the event loop, as above. (A commit before the first page: complete here.)
    if not getattr(cv, "complete", True):
        done = QEventLoop()
        cv.caseload_complete.connect(done.quit)
        QTimer.singleShot(60_000, done.quit)
        done.exec()
        if not cv.complete:
            raise RuntimeError("the caseload did not complete")
    complete = time.monotonic()
    out: dict[str, object] = {
        "gate_s": gate_s,
        "enter_s": painted - t_enter,
        "complete_s": complete - t_enter,
        "painted_s": painted - T0,
        "first_rows": first_rows,
        "rows": cv.model.rowCount(),
        "preload_running_at_enter": preload_running,
        "unlock_screen_modules": unlock_screen_modules,
        "heavy_modules": [m for m in HEAVY_MODULES if m in sys.modules],
    }
    if interact:
        out |= _interact(app, window)
    return out


def _interact(app, window) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from sqlalchemy import select

    from coachdesk.store.models import Participant

    ws = window.workspace
    cv = ws.caseload
    out: dict[str, object] = {"rss_mb": _rss_mb()}
    cv.search.setFocus()
    times = []
    shown = []
    for ch in KEYS:
        t = time.perf_counter()
        if ch == "\b":
            QTest.keyClick(cv.search, Qt.Key.Key_Backspace)
        else:
            QTest.keyClick(cv.search, ch)
        _settle(app)
        times.append((time.perf_counter() - t) * 1000)
        shown.append(cv.proxy.rowCount())
    out["filter_ms"] = times
    out["filter_rows"] = shown
    with window.vault.session() as s:
        pid = s.execute(
            select(Participant.id).where(Participant.ref == os.environ.get("BENCH_HEAVY_REF", ""))
        ).scalar()
    if pid is None:
        out["open_ms"] = None
        return out
    opens = []
    for _ in range(int(os.environ.get("BENCH_OPEN_REPEATS", "5"))):
        t = time.perf_counter()
        page = ws.open_participant(pid)
        _settle(app)
        opens.append((time.perf_counter() - t) * 1000)
        ws.close_tab(ws.indexOf(page))
        app.processEvents()
    out["open_ms"] = opens
    out["rss_after_mb"] = _rss_mb()
    return out


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        result: dict[str, object] = bare()
    elif mode == "coach":
        result = coach(sys.argv[2], float(sys.argv[3]), "--interact" in sys.argv)
    else:
        raise SystemExit(f"unknown mode {mode}")
    print("BENCH " + json.dumps(result), flush=True)
    # Skip Qt's and Python's teardown: it is not part of any figure.
    os._exit(0)


if __name__ == "__main__":
    main()
