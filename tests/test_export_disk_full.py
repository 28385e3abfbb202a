"""Disk full while writing an export (security promise 6): a clear message, no file."""

from __future__ import annotations

import errno
import os

import pytest
from test_report_data import add, person

from coachdesk.reports.content import ReportRequest
from coachdesk.reports.export import export_report
from coachdesk.store.atomic import WriteFailed
from coachdesk.store.models import Disclosure


def test_enospc_during_a_pdf_export_leaves_nothing(vault, tmp_path, monkeypatch):
    (pid,) = add(vault, person())
    out = tmp_path / "out"
    out.mkdir()
    target = out / "rapport.pdf"

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with vault.session() as s, pytest.raises(WriteFailed, match="No space left"):
        export_report(s, pid, ReportRequest(kind="final_report"), target)
    monkeypatch.undo()
    assert list(out.iterdir()) == []  # neither the report nor a temp file
    with vault.session() as s:
        assert s.query(Disclosure).count() == 0  # nothing recorded as disclosed


def test_enospc_during_a_json_export_via_cli(
    vault, data_dir, tmp_path, passphrase_file, monkeypatch, capsys
):
    from coachdesk.cli.main import main

    add(vault, person())
    vault.close()
    out = tmp_path / "json-out"
    out.mkdir()

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
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
    assert rc == 1
    err = capsys.readouterr().err
    assert "No space left" in err and "Nothing was changed" in err and "Traceback" not in err
    assert list(out.iterdir()) == []
