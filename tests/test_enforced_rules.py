"""The rules the test configuration enforces, tested themselves (issue 18 item 3):

- a Qt warning fails the test that caused it (tests/conftest.py's autouse
  ``qt_warnings_fail``), except the named offscreen-platform notices;
- a bare ``pytest`` (the venv's script, not ``python -m pytest``) collects every module.

Each runs pytest in a subprocess, on a copy of the real conftest.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFTEST = Path(__file__).resolve().parent / "conftest.py"

WARNS = """
def test_warns(qapp):
    from PySide6.QtCore import qWarning

    qWarning("CoachDesk deliberately warned")


def test_critical(qapp):
    from PySide6.QtCore import qCritical

    qCritical("CoachDesk deliberately complained")


def test_quiet(qapp):
    from PySide6.QtCore import qDebug

    qDebug("a debug message is not a warning")


def test_offscreen_notice(qapp):
    from PySide6.QtCore import qWarning

    qWarning("This plugin does not support propagateSizeHints()")
"""


def _run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COACHDESK_QT_MESSAGES_LOG"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_qt_warning_fails_the_test_and_an_offscreen_notice_does_not(tmp_path: Path) -> None:
    shutil.copy(CONFTEST, tmp_path / "conftest.py")
    (tmp_path / "pyproject.toml").write_text('[tool.pytest.ini_options]\nqt_api = "pyside6"\n')
    (tmp_path / "test_warns.py").write_text(WARNS)
    out = _run_pytest(tmp_path)
    text = out.stdout + out.stderr
    assert out.returncode == 1, text
    assert "ERROR test_warns.py::test_warns" in text
    assert "QtWarningMsg [default] CoachDesk deliberately warned" in text
    assert "ERROR test_warns.py::test_critical" in text
    assert "QtCriticalMsg [default] CoachDesk deliberately complained" in text
    assert "PASSED test_warns.py::test_quiet" in text
    assert "PASSED test_warns.py::test_offscreen_notice" in text
    assert "4 passed, 2 errors" in text


def test_every_offscreen_notice_is_named_and_explained() -> None:
    from tests.conftest import OFFSCREEN_NOTICES

    for category, pattern, why in OFFSCREEN_NOTICES:
        assert pattern and len(why) > 20, pattern
        assert category is None or category.startswith("qt.")


@pytest.mark.slow
def test_a_bare_pytest_collects_every_module() -> None:
    """The pytest script does not put the current folder on sys.path (`python -m pytest`
    does): the tests that import tests.canaries or tests.conftest did not collect."""
    script = Path(sys.executable).with_name("pytest")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_QPA_PLATFORM")}
    out = subprocess.run(
        [str(script), "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "error" not in out.stdout.splitlines()[-1], out.stdout[-3000:]
