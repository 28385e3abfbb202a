"""Attack: an export whose record cannot be written (issue 12, item 11; promise 7).

Before: the export file was written first and the disclosure committed after it. With
the vault's disk full, the commit failed and the file stayed: everyone in it exported,
no export event, no disclosure. Now the file is written to an owner-only temp file
beside its target, the disclosure and the audit event are committed, and only then is
the file renamed into place; every failure on the way removes the temp file. The
reverse holds too: a file that cannot be written is never recorded as disclosed.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3
from PySide6.QtCore import Qt
from test_report_data import add, person

from coachdesk.cli.main import main
from coachdesk.errors import CoachDeskError
from coachdesk.reports.content import ReportRequest
from coachdesk.reports.export import export_report
from coachdesk.store import interchange
from coachdesk.store.atomic import WriteFailed
from coachdesk.store.demo import demo_document
from coachdesk.store.keyfile import TEST_KDF
from coachdesk.store.models import AuditEvent, Disclosure
from coachdesk.store.vault import Vault
from tests.conftest import PASSPHRASE


def _records(vault) -> tuple[int, int]:
    """(disclosures, export and report events) in the vault."""
    with vault.session() as s:
        return (
            s.query(Disclosure).count(),
            s.query(AuditEvent).filter(AuditEvent.action.in_(["export", "report"])).count(),
        )


@pytest.fixture
def disk_full_at_commit(vault, monkeypatch):
    """Arm: the next write transaction's COMMIT fails as SQLite does on a full disk.

    The fault sits where SQLite reports it (the DBAPI commit), so SQLAlchemy wraps it
    as it wraps the real one. ``seen`` records what was visible at that moment."""
    dialect = vault.engine.dialect
    real = dialect.do_commit
    state: dict = {"armed": False, "watch": None, "seen": None}

    def do_commit(dbapi_connection):
        if state["armed"]:
            state["armed"] = False
            folder = state["watch"]
            if folder is not None:
                state["seen"] = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
            raise sqlcipher3.dbapi2.OperationalError("database or disk is full")
        return real(dbapi_connection)

    monkeypatch.setattr(dialect, "do_commit", do_commit)
    return state


def test_pdf_export_whose_commit_fails_leaves_no_file(vault, tmp_path, disk_full_at_commit):
    (pid,) = add(vault, person())
    out = tmp_path / "out"
    out.mkdir()
    disk_full_at_commit.update(armed=True, watch=out)
    with vault.session() as s, pytest.raises(Exception) as caught:
        export_report(s, pid, ReportRequest(kind="final_report"), out / "rapport.pdf")
    assert list(out.iterdir()) == [], "an export file exists that the vault does not record"
    # At the commit the report existed only as an owner-only temp file.
    seen = disk_full_at_commit["seen"]
    assert seen and "rapport.pdf" not in seen and set(seen.values()) == {0o600}, seen
    assert isinstance(caught.value, CoachDeskError) and caught.value.exit_code == 1
    assert str(caught.value).startswith("Nothing was exported") and "disk is full" in str(
        caught.value
    )
    assert _records(vault) == (0, 0)


def test_json_export_of_everyone_whose_commit_fails_leaves_no_file(
    vault, data_dir, tmp_path, passphrase_file, monkeypatch, capsys
):
    add(vault, person(), person(ref="GK-2026-0043"))
    vault.close()
    out = tmp_path / "out"
    out.mkdir()
    # The CLI opens the vault with an engine of its own: the fault goes into the dialect
    # class, and fires for the first commit made while the export's file (or its temp
    # file) exists, i.e. the commit that records the export; the unlock's is before.
    dialect = type(vault.engine.dialect)
    real = dialect.do_commit

    def do_commit(self, dbapi_connection):
        if any(out.iterdir()):
            raise sqlcipher3.dbapi2.OperationalError("database or disk is full")
        return real(self, dbapi_connection)

    monkeypatch.setattr(dialect, "do_commit", do_commit)
    rc = main(
        [
            "--data-dir",
            str(data_dir),
            "export",
            "--all",
            "--format",
            "json",
            "--out",
            str(out / "all.json"),
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert list(out.iterdir()) == [], "an export file exists that the vault does not record"
    assert rc == 1, err
    assert "Nothing was exported" in err and "Traceback" not in err, err
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v:
        assert _records(v) == (0, 0)


def test_gui_export_whose_commit_fails_shows_it_and_leaves_no_file(
    qtbot, vault, tmp_path, disk_full_at_commit
):
    from coachdesk.ui.export_dialog import ExportDialog

    (pid,) = add(vault, person())
    dlg = ExportDialog(vault, pid)
    dlg.ask_sender = lambda current: None  # as if the coach closed that question
    qtbot.addWidget(dlg)
    dlg.show()
    out = tmp_path / "out"
    out.mkdir()
    dlg.choose_target = lambda suggested: str(out / "rapport.pdf")
    disk_full_at_commit.update(armed=True, watch=out)
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing was exported" in dlg.message.text(), timeout=20_000)
    assert dlg.last_result is None
    assert list(out.iterdir()) == []
    assert _records(vault) == (0, 0)
    dlg.close()


def test_rename_failing_after_the_commit_is_said_and_noted(vault, tmp_path, monkeypatch):
    (pid,) = add(vault, person())
    out = tmp_path / "out"
    out.mkdir()
    real = os.replace

    def replace(src, dst, *a, **k):
        if Path(dst).name == "rapport.pdf":
            raise OSError(errno.EIO, "Input/output error")
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", replace)
    with vault.session() as s, pytest.raises(CoachDeskError) as caught:
        export_report(s, pid, ReportRequest(kind="final_report"), out / "rapport.pdf")
    assert "recorded as a disclosure" in str(caught.value)
    assert "no file was written" in str(caught.value)
    assert list(out.iterdir()) == []
    with vault.session() as s:
        events = [
            e.detail
            for e in s.query(AuditEvent)
            .filter(AuditEvent.action.in_(["export", "report"]))
            .order_by(AuditEvent.id)
        ]
    assert events[-1] == {"sha256": events[0]["sha256"], "file_written": False}


# --- the real thing: tmpfs file systems that are full --------------------------------


@pytest.fixture
def tiny_tmpfs(tmp_path):
    mounted: list[Path] = []

    def mount(name: str, size: str) -> Path:
        mnt = tmp_path / name
        mnt.mkdir()
        if os.geteuid() != 0 or not shutil.which("mount"):
            pytest.skip("needs root to mount a small file system")
        r = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True
        )
        if r.returncode != 0:
            pytest.skip("cannot mount a tmpfs here")
        mounted.append(mnt)
        return mnt

    yield mount
    for mnt in mounted:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _fill(folder: Path, leave: int) -> Path:
    """Fill the file system holding ``folder``, then give back ``leave`` bytes."""
    filler = folder / "filler"
    with open(filler, "wb") as fh:
        block = b"\0" * (1 << 16)
        try:
            while True:
                fh.write(block)
                fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    return env


@pytest.mark.slow
def test_vault_disk_full_during_a_json_export_of_everyone(tmp_path, passphrase_file, tiny_tmpfs):
    """The vault on a small, full file system; the export's folder elsewhere with room:
    the file must not appear, since its disclosures cannot be recorded."""
    disk = tiny_tmpfs("vaultdisk", "24m")
    data_dir = disk / "v"
    v, _ = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    with v.session() as s:
        interchange.import_document(s, demo_document(400, seed=7))
        s.commit()
    v.close()
    # Room for the unlock's own small commit, not for 400 disclosures and events.
    filler = _fill(disk, leave=96 * 1024)
    out = tmp_path / "out"
    out.mkdir()
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "coachdesk",
            "--data-dir",
            str(data_dir),
            "export",
            "--all",
            "--format",
            "json",
            "--out",
            str(out / "all.json"),
            "--passphrase-file",
            str(passphrase_file),
        ],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode != 0, "the export succeeded: the disk was not full enough"
    assert list(out.iterdir()) == [], "an export file exists that the vault does not record"
    assert "Traceback" not in r.stderr and "Nothing was exported" in r.stderr, r.stderr
    filler.unlink()
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v2:
        assert _records(v2) == (0, 0)
        assert v2.integrity_errors() == []


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "pdf"])
def test_export_disk_full_records_nothing(
    vault, data_dir, tmp_path, passphrase_file, tiny_tmpfs, fmt
):
    """The reverse: the export's own disk is full, so nothing is recorded as disclosed."""
    add(vault, person())
    vault.close()
    disk = tiny_tmpfs("exportdisk", "1m")
    _fill(disk, leave=0)
    target = disk / f"rapport.{fmt}"
    extra = ["--participant", "GK-2026-0042"]
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "coachdesk",
            "--data-dir",
            str(data_dir),
            "export",
            *extra,
            "--format",
            fmt,
            "--out",
            str(target),
            "--passphrase-file",
            str(passphrase_file),
        ],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr and "No space left" in r.stderr, r.stderr
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]
    with Vault.open(data_dir, passphrase=PASSPHRASE) as v:
        assert _records(v) == (0, 0)


def test_write_failure_records_nothing_in_process(vault, tmp_path, monkeypatch):
    (pid,) = add(vault, person())
    out = tmp_path / "out"
    out.mkdir()

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with vault.session() as s, pytest.raises(WriteFailed):
        export_report(s, pid, ReportRequest(kind="final_report"), out / "r.pdf")
    monkeypatch.undo()
    assert list(out.iterdir()) == []
    assert _records(vault) == (0, 0)


def test_the_coach_reads_these_failures_in_danish(qapp, vault, tmp_path, disk_full_at_commit):
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from coachdesk.resources import translation_path
    from coachdesk.ui.messages import error_text

    (pid,) = add(vault, person())
    disk_full_at_commit.update(armed=True)
    with vault.session() as s, pytest.raises(CoachDeskError) as not_recorded:
        export_report(s, pid, ReportRequest(kind="final_report"), tmp_path / "r.pdf")
    t = QTranslator()
    assert t.load(str(translation_path("da")))
    QCoreApplication.installTranslator(t)
    old = QLocale()  # the Danish UI as app.setup_application makes it: locale too
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    try:
        shown = error_text(not_recorded.value)
        assert shown == (
            "Intet blev eksporteret: disken med boksen er fuld, så eksporten "
            "kunne ikke registreres, og r.pdf blev ikke skrevet."
        ), shown
        from coachdesk.store.backup import VaultExists, _move_into_place

        target = tmp_path / "t"
        target.mkdir()
        (target / "x").write_text("x")
        staging = tmp_path / "s"
        staging.mkdir()
        with pytest.raises(VaultExists) as not_empty:
            _move_into_place(staging, target)
        assert error_text(not_empty.value).startswith(f"Mappen {target} er ikke længere tom")
    finally:
        QCoreApplication.removeTranslator(t)
        QLocale.setDefault(old)
