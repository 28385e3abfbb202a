"""Attack: make CoachDesk fail in a way nobody planned for (issue 12, item 5).

Every command and the GUI have one error boundary: a failure becomes one sentence and a
documented exit status; a bug says so in one sentence and points to --debug; the text of
a database error (which quotes the statement's parameters: personal data) is shown
neither by default nor with --debug.
"""

from __future__ import annotations

import errno
import sys

import pytest
from canaries import canary, canary_person, document
from sqlalchemy import text

from coachdesk.cli.main import main
from coachdesk.store import interchange

SECRET = canary("A", "accommodation")


def _failing_import(session, doc, replace=False):
    # A real database error whose message quotes personal data in its parameters:
    # what a bug in a store module would raise.
    session.execute(
        text("INSERT INTO participant (ref, name) VALUES (:ref, NULL)"), {"ref": SECRET}
    )


@pytest.fixture
def buggy_import(monkeypatch):
    monkeypatch.setattr(interchange, "import_document", _failing_import)


def _run(args, capsys):
    capsys.readouterr()
    rc = main(args)
    out = capsys.readouterr()
    return rc, out.err + out.out


def test_a_bug_is_one_sentence_exit_1_and_suggests_debug(
    vault, passphrase_file, tmp_path, capsys, buggy_import
):
    vault.close()
    src = tmp_path / "in.json"
    src.write_bytes(interchange.dumps(document(canary_person("A"))))
    rc, err = _run(
        [
            "--data-dir",
            str(vault.data_dir),
            "import",
            str(src),
            "--passphrase-file",
            str(passphrase_file),
        ],
        capsys,
    )
    assert rc == 1
    assert len(err.strip().splitlines()) == 1
    assert "--debug" in err and "IntegrityError" in err
    assert "Traceback" not in err and SECRET not in err and "INSERT" not in err


def test_debug_shows_frames_but_not_the_database_error_text(
    vault, passphrase_file, tmp_path, capsys, buggy_import
):
    vault.close()
    src = tmp_path / "in.json"
    src.write_bytes(interchange.dumps(document(canary_person("A"))))
    rc, err = _run(
        [
            "--debug",
            "--data-dir",
            str(vault.data_dir),
            "import",
            str(src),
            "--passphrase-file",
            str(passphrase_file),
        ],
        capsys,
    )
    assert rc == 1
    assert "Traceback" in err and "_failing_import" in err
    assert SECRET not in err and "Kanarie" not in err and "NOT NULL" not in err


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as e:
        return e


def test_the_classifier_tells_full_from_damaged_from_io(vault):
    from sqlalchemy.exc import OperationalError

    from coachdesk.errors import DiskFull, StorageError, VaultDamaged, VaultInUse, classify

    assert isinstance(classify(_raised(OSError(errno.ENOSPC, "No space left"))), DiskFull)
    assert isinstance(classify(_raised(OSError(errno.EIO, "I/O error"))), StorageError)
    # The texts SQLite itself uses (sqlite3ErrStr), wrapped as SQLAlchemy wraps them.
    import sqlcipher3

    def wrapped(msg):
        return OperationalError("COMMIT", {}, sqlcipher3.OperationalError(msg))

    assert isinstance(classify(wrapped("database or disk is full")), DiskFull)
    assert isinstance(classify(wrapped("disk I/O error")), StorageError)
    assert isinstance(classify(wrapped("database disk image is malformed")), VaultDamaged)
    assert isinstance(classify(wrapped("database is locked")), VaultInUse)
    assert classify(_raised(ValueError("010190-1234"))) is None


def test_gui_hook_names_a_full_disk_and_shows_no_data(qtbot, qapp, capsys, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from coachdesk.ui import error_hook, plain

    shown: list[str] = []
    monkeypatch.setattr(plain, "warning", lambda _p, _t, msg: shown.append(msg))
    import sqlcipher3

    full = OperationalError(
        "INSERT INTO session_log (notes) VALUES (?)",
        (SECRET,),
        sqlcipher3.OperationalError("database or disk is full"),
    )
    exc = _raised(full)
    error_hook.hook(type(exc), exc, exc.__traceback__)
    bug = _raised(
        OperationalError(
            "INSERT INTO x VALUES (?)",
            (SECRET,),
            sqlcipher3.IntegrityError("NOT NULL constraint failed"),
        )
    )
    error_hook.hook(type(bug), bug, bug.__traceback__)
    err = capsys.readouterr().err
    assert "disk is full" in shown[0]
    assert "IntegrityError" in shown[1] or "OperationalError" in shown[1]
    assert all(SECRET not in s for s in shown) and SECRET not in err
    assert "Traceback" not in err


def test_gui_hook_shows_a_plain_sentence_for_a_surrogate_name(qtbot, qapp, monkeypatch, capsys):
    from coachdesk.ui import error_hook, plain

    shown: list[str] = []
    monkeypatch.setattr(plain, "warning", lambda _p, _t, msg: shown.append(msg))
    exc = _raised(UnicodeEncodeError("utf-8", "Ida\ud800" + SECRET, 3, 4, "surrogates"))
    error_hook.hook(type(exc), exc, exc.__traceback__)
    assert shown and SECRET not in shown[0]
    assert SECRET not in capsys.readouterr().err
    assert sys.excepthook is not None


def test_library_logs_never_print_exception_text():
    """SQLAlchemy's pool logs a failed reset with exc_info; its message can hold SQL
    parameters. Once the CLI or the app has set up logging, only the type is shown."""
    import io
    import logging

    from coachdesk.log_policy import quiet_logging

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    saved = [(h, h.formatter) for h in [*root.handlers, logging.lastResort] if h]
    try:
        quiet_logging()
        exc = _raised(ValueError(f"parameters: ({SECRET!r},)"))
        logging.getLogger("sqlalchemy.pool.impl.QueuePool").error(
            "Exception during reset or similar", exc_info=(type(exc), exc, exc.__traceback__)
        )
        assert logging.lastResort.formatter is not None
        last = logging.lastResort.formatter.format(
            logging.LogRecord(
                "sqlalchemy.pool",
                logging.ERROR,
                __file__,
                1,
                "Exception closing connection",
                None,
                (type(exc), exc, exc.__traceback__),
            )
        )
    finally:
        root.removeHandler(handler)
        for h, f in saved:
            h.setFormatter(f)
    text = stream.getvalue()
    assert "Exception during reset or similar" in text and "ValueError" in text
    assert SECRET not in text and "Traceback" not in text
    assert SECRET not in last and "Traceback" not in last
