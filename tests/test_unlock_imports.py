"""What unlocking imports, and when (issue 19 item 4).

SQLAlchemy, the ORM and the schema are 0.4 s of CPU to import. Opening a vault derives
the key before it imports them (a wrong passphrase loads none of it); the GUI loads them
on its preload thread, once, with the collector paused, never on two threads at once;
after a pasted passphrase what the caseload's paint does not need waits for it. Each
check runs in a fresh interpreter (the test process has SQLAlchemy loaded long since)
on a real vault with the test KDF.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE

# Records, at each key derivation, whether any database code was imported by then.
_WATCH = """
import json, sys
from coachdesk.store import keyfile

DATABASE_CODE = ("sqlalchemy", "sqlalchemy.orm", "coachdesk.store.models")
seen = []
_derive = keyfile.derive

def derive(*args, **kwargs):
    seen.append([m for m in DATABASE_CODE if m in sys.modules])
    return _derive(*args, **kwargs)

keyfile.derive = derive
"""


def _run(code: str) -> dict[str, object]:
    env = os.environ | {"COACHDESK_ALLOW_INSECURE_KDF": "1", "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", _WATCH + code],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_opening_a_vault_derives_the_key_before_importing_the_database_code(
    vault, data_dir: Path
) -> None:
    """store/vault (the CLI's way in, and the GUI's after its preload): the derivation
    sees none of SQLAlchemy, the ORM or the schema loaded; then the vault opens and
    reads as before."""
    from coachdesk.store import participants

    with vault.session() as s:
        participants.create_participant(
            s, {"ref": "R-1", "name": "Ida Jensen", "status": "individual_phase"}
        )
        s.commit()
    vault.close()
    result = _run(
        "from coachdesk.store.vault import Vault\n"
        f"v = Vault.open({str(data_dir)!r}, passphrase={PASSPHRASE!r})\n"
        "with v.engine.connect() as c:\n"
        "    names = [r[0] for r in c.exec_driver_sql('SELECT name FROM participant')]\n"
        "v.close()\n"
        "print(json.dumps({'seen': seen, 'names': names}))\n"
    )
    assert result["seen"] == [[]]  # one derivation, and nothing of the database code yet
    assert result["names"] == ["Ida Jensen"]


def test_a_wrong_passphrase_is_refused_without_loading_the_database_code(
    vault, data_dir: Path
) -> None:
    vault.close()
    result = _run(
        "from coachdesk.errors import WrongSecret\n"
        "from coachdesk.store.vault import Vault\n"
        "try:\n"
        f"    Vault.open({str(data_dir)!r}, passphrase='not the passphrase at all')\n"
        "except WrongSecret:\n"
        "    refused = True\n"
        "print(json.dumps({'refused': refused, 'seen': seen,"
        " 'sqlalchemy': 'sqlalchemy' in sys.modules}))\n"
    )
    assert result == {"refused": True, "seen": [[]], "sqlalchemy": False}


def test_the_preload_imports_the_database_code_without_a_collection() -> None:
    """store/preload.load (the database code, in the wait after Enter when the
    passphrase was pasted) runs with the cyclic collector paused: unpaused it ran about
    150 times during the imports and found next to nothing."""
    result = _run(
        "import gc\n"
        "from coachdesk import gc_policy\n"
        "from coachdesk.store import preload\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: runs.append(phase) if phase == 'start' else None)\n"
        "preload.load()\n"
        "print(json.dumps({'runs': len(runs), 'loaded': preload.loaded(),"
        " 'enabled': gc.isenabled()}))\n"
    )
    assert result == {"runs": 0, "loaded": True, "enabled": True}


def test_the_unlock_worker_and_the_preload_never_import_sqlalchemy_at_once(
    vault, data_dir: Path
) -> None:
    """A worker is setting up the ``sqlalchemy`` package (the vault's first session
    after the unlock; before issue 19 item 4's raw unlock, the unlock itself) when the
    preload begins to import ``sqlalchemy.dialects.sqlite``. Unguarded, one of them
    failed with "cannot import name ... from partially initialized module" (the unlock
    screen said the vault could not be opened). A hook holds the worker inside
    SQLAlchemy's set-up until the preload thread has started, so the interleaving is
    the same every run."""
    vault.close()
    result = _run(
        "import datetime as dt, threading, time, traceback\n"
        "inside, started = threading.Event(), threading.Event()\n"
        "class Hold:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'sqlalchemy.engine' and threading.current_thread().name == 'worker':\n"
        "            inside.set()\n"
        "            started.wait(10)\n"
        "            time.sleep(0.3)  # the preload thread runs now, if it can\n"
        "        return None\n"
        "sys.meta_path.insert(0, Hold())\n"
        "from coachdesk.store import preload\n"
        "from coachdesk.ui.unlock_view import open_and_read\n"
        "errors = []\n"
        "def work():\n"
        "    try:\n"
        f"        v, (_t, _a, cl) = open_and_read({str(data_dir)!r}, {PASSPHRASE!r}, False,"
        " dt.date(2026, 3, 1), False)\n"
        "        v.read(lambda s: s.get_bind())  # SQLAlchemy's first use\n"
        "        v.close()\n"
        "    except Exception as e:\n"
        "        errors.append(type(e).__name__)\n"
        "def pre():\n"
        "    try:\n"
        "        preload.load()\n"
        "    except Exception as e:\n"
        "        errors.append(type(e).__name__)\n"
        "w = threading.Thread(target=work, name='worker')\n"
        "w.start()\n"
        "inside.wait(30)\n"
        "p = threading.Thread(target=pre)\n"
        "p.start()\n"
        "started.set()\n"
        "w.join(60)\n"
        "p.join(60)\n"
        "print(json.dumps({'errors': errors, 'loaded': preload.loaded(),"
        " 'interleaved': inside.is_set()}))\n"
    )
    assert result == {"errors": [], "loaded": True, "interleaved": True}


def test_a_pasted_passphrase_leaves_the_participant_page_until_the_caseload_is_painted(
    vault, data_dir: Path, tmp_path: Path
) -> None:
    """Enter pressed at once: the participant page's widgets (~27 ms of imports) are not
    in the wait for the caseload; they load right after its paint, before any opens."""
    vault.close()
    result = _run(
        "import time\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "QSettings.setDefaultFormat(QSettings.Format.IniFormat)\n"
        "QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,"
        f" {str(tmp_path / 'qsettings')!r})\n"
        "from coachdesk.ui.main_window import MainWindow\n"
        f"w = MainWindow({str(data_dir)!r}, idle_minutes=60)\n"
        "PAGE = 'coachdesk.ui.participant_page'\n"
        "at_view = []\n"
        "w.gate.unlocked.connect(lambda _v: at_view.append(PAGE in sys.modules))\n"
        f"w.gate.secret.setText({PASSPHRASE!r})\n"
        "w.gate.submit()  # before the first paint: the preload has not started either\n"
        "w.show()\n"
        "deadline = time.monotonic() + 60\n"
        "while (not at_view or PAGE not in sys.modules) and time.monotonic() < deadline:\n"
        "    app.processEvents()\n"
        "    time.sleep(0.01)\n"
        "print(json.dumps({'at_view': at_view, 'later': PAGE in sys.modules,"
        " 'message': w.gate.message.text() if w.workspace is None else ''}))\n"
    )
    assert result == {"at_view": [False], "later": True, "message": ""}


def test_the_preload_runs_once_per_process() -> None:
    """The unlock worker calls store/preload.load at every unlock: after the first it
    returns at once, and freezes nothing more (a later freeze would keep the objects of
    a past session out of the collector's reach for good)."""
    result = _run(
        "import gc\n"
        "from coachdesk.store import preload\n"
        "preload.load()\n"
        "frozen = gc.get_freeze_count()\n"
        "later = [[i] for i in range(1000)]  # what a session leaves behind\n"
        "preload.load()\n"
        "print(json.dumps({'more_frozen': gc.get_freeze_count() - frozen}))\n"
    )
    assert result == {"more_frozen": 0}


def test_a_plain_unlock_and_a_raw_read_load_no_sqlalchemy(vault, data_dir: Path) -> None:
    """Issue 19 item 4: a vault at the head revision, with a keyed chain, a clean
    failed-unlocks log and a strong (or allowed test) KDF opens through the driver
    alone (the checks, the revision, the chain's marker, the "unlock" event), and
    Vault.read_raw reads without making the engine. SQLAlchemy is loaded at the first
    use of a session, and the chain then verifies."""
    vault.close()
    result = _run(
        "from coachdesk.store.vault import Vault\n"
        f"v = Vault.open({str(data_dir)!r}, passphrase={PASSPHRASE!r})\n"
        "opened = 'sqlalchemy' in sys.modules\n"
        "last = v.read_raw(lambda c: c.execute("
        "'SELECT action FROM audit_event ORDER BY id DESC LIMIT 1').fetchone()[0])\n"
        "read = 'sqlalchemy' in sys.modules\n"
        "from coachdesk.store import audit\n"
        "with v.session() as s:\n"
        "    problems = audit.verify(s)\n"
        "v.close()\n"
        "print(json.dumps({'seen': seen, 'opened': opened, 'read': read, 'last': last,"
        " 'problems': problems}))\n"
    )
    assert result == {
        "seen": [[]],
        "opened": False,
        "read": False,
        "last": "unlock",
        "problems": [],
    }


def test_an_old_vault_still_opens_and_migrates_through_sqlalchemy(tmp_path: Path) -> None:
    """The fallback: the first schema's vault (old revision, unkeyed chain) takes the
    SQLAlchemy path (Alembic, the chain's upgrade) and comes out at the head revision
    with a verifying chain."""
    import shutil

    fixture = Path(__file__).parent / "fixtures" / "vault-v1"
    target = tmp_path / "v1"
    shutil.copytree(fixture, target, ignore=shutil.ignore_patterns("README.md"))
    result = _run(
        "from coachdesk.store.vault import Vault\n"
        f"v = Vault.open({str(target)!r}, passphrase='vault-v1 fixture passphrase')\n"
        "loaded = 'sqlalchemy' in sys.modules\n"
        "from coachdesk.store import audit, migrate\n"
        "revision = migrate.current_revision(v.engine)\n"
        "with v.session() as s:\n"
        "    problems = audit.verify(s)\n"
        "    keyed = audit.is_keyed(s)\n"
        "v.close()\n"
        "print(json.dumps({'loaded': loaded, 'revision': revision == migrate.HEAD,"
        " 'keyed': keyed, 'problems': problems}))\n"
    )
    assert result == {"loaded": True, "revision": True, "keyed": True, "problems": []}


def test_the_preload_waits_while_held() -> None:
    """store/preload.hold (an unlock began): the preload thread imports nothing more
    until release (the caseload painted); then it finishes, and the collector is back
    on (paused meanwhile, as in the unlock worker: no collection on that thread)."""
    result = _run(
        "import gc, threading, time\n"
        "from coachdesk.store import preload\n"
        "preload.hold()\n"
        "t = threading.Thread(target=preload.load)\n"
        "t.start()\n"
        "time.sleep(0.5)\n"
        "held = {'sqlalchemy': 'sqlalchemy' in sys.modules, 'alive': t.is_alive()}\n"
        "preload.release()\n"
        "t.join(60)\n"
        "print(json.dumps({'held': held, 'loaded': preload.loaded(), 'gc': gc.isenabled()}))\n"
    )
    assert result == {"held": {"sqlalchemy": False, "alive": True}, "loaded": True, "gc": True}


def _pasted_unlock(data_dir: Path, tmp_path: Path, watch: str, report: str) -> dict[str, object]:
    """The real main window, the passphrase pasted and Enter pressed at once; ``watch``
    is the body of an import hook's find_spec (``name``: the module asked for), run
    until the caseload is painted and everything after it has loaded; ``report``: the
    dict printed at the end."""
    return _run(
        "import threading, time\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "QSettings.setDefaultFormat(QSettings.Format.IniFormat)\n"
        "QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,"
        f" {str(tmp_path / 'qsettings')!r})\n"
        "from coachdesk.store import preload\n"
        "STEPS = set(preload.STEPS)\n"
        "while_held = []\n"
        "first_sqlalchemy = []\n"
        "w = None\n"
        "class Watch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        + "".join(f"        {line}\n" for line in watch.splitlines())
        + "        return None\n"
        "sys.meta_path.insert(0, Watch())\n"
        "from coachdesk.ui.main_window import MainWindow\n"
        f"w = MainWindow({str(data_dir)!r}, idle_minutes=60)\n"
        "PAGE = 'coachdesk.ui.participant_page'\n"
        f"w.gate.secret.setText({PASSPHRASE!r})\n"
        "at_unlocked = []\n"
        "w.gate.unlocked.connect(lambda _v: at_unlocked.append(preload.held()))\n"
        "w.gate.submit()\n"
        "at_submit = preload.held()\n"
        "w.show()\n"
        "deadline = time.monotonic() + 60\n"
        "def done():\n"
        "    return (w.workspace is not None and PAGE in sys.modules and preload.loaded()\n"
        "            and 'backup' in w.statusBar().currentMessage())\n"
        "while not done() and time.monotonic() < deadline:\n"
        "    app.processEvents()\n"
        "    time.sleep(0.01)\n"
        f"print(json.dumps({report}))\n"
    )


def test_a_pasted_passphrase_holds_the_preload_until_the_caseload_is_painted(
    vault, data_dir: Path, tmp_path: Path
) -> None:
    """Enter pressed before the preload began: its thread imports none of its steps
    while the unlock is under way (it would take the GIL from the unlock worker and
    the first paint), then loads everything once the caseload is painted; the backup
    reminder and the participant page's widgets follow it."""
    vault.close()
    result = _pasted_unlock(
        data_dir,
        tmp_path,
        "if name in STEPS and threading.current_thread().name == 'coachdesk-preload':\n"
        "    while_held.append(preload.held())",
        "{'at_submit': at_submit, 'at_unlocked': at_unlocked,"
        " 'while_held': any(while_held), 'held': preload.held(), 'done': done()}",
    )
    assert result == {
        "at_submit": True,  # held from Enter
        "at_unlocked": [True],  # the workspace built, not yet painted
        "while_held": False,  # the preload thread imported none of its steps meanwhile
        "held": False,  # released at the paint
        "done": True,  # then everything loaded, the reminder shown, the page's widgets
    }


def test_a_pasted_passphrase_paints_the_caseload_before_sqlalchemy_loads(
    vault, data_dir: Path, tmp_path: Path
) -> None:
    """Issue 19 item 4, end to end: from Enter to the caseload's first paint nothing on
    any thread imports SQLAlchemy (the open, the first page, the unlocked window's own
    modules: the workspace, the caseload and agenda views); it is first imported once
    the caseload is painted (the preload released), by then the workspace exists.
    The vault has its receiving key, as every vault has after its first unlock (the
    first one makes it through SQLAlchemy: ui/main_window.on_unlocked)."""
    from coachdesk.store import recipient

    recipient.ensure_committed(vault)
    vault.close()
    result = _pasted_unlock(
        data_dir,
        tmp_path,
        "if name == 'sqlalchemy' and not first_sqlalchemy:\n"
        "    first_sqlalchemy.append([preload.held(),"
        " w is not None and w.workspace is not None])",
        "{'first': first_sqlalchemy, 'done': done()}",
    )
    assert result == {"first": [[False, True]], "done": True}


def test_the_receiving_key_is_asked_for_by_its_setting_name() -> None:
    """ui/main_window asks the driver for the receiving key's row by name (store/
    recipient loads SQLAlchemy): the two names must agree."""
    from coachdesk.store import recipient
    from coachdesk.ui import main_window

    assert main_window._RECEIVING_KEY == recipient.SETTING_KEY
