"""Attack: refs and names that drive the terminal (issue 12, item 10).

A ref from an imported file, printed raw by `retention` or quoted raw in an error, can
clear the screen (ESC [2J), retitle the window, write the clipboard (OSC 52), fake a
second line of output (LF), show text in another order than it is (U+202E), or crash
the print (a lone surrogate from a badly encoded argument). Every line the CLI prints
shows those characters escaped (cli/terminal.py).
"""

from __future__ import annotations

import pytest
from canaries import canary_person, document

from coachdesk.cli.main import main
from coachdesk.store import interchange

HOSTILE = {
    "esc": "R1\x1b[2J\x1b]0;owned\x07",
    "osc52": "R2\x1b]52;c;ZXZpbA==\x1b\\",
    "c1": "R3\x9b31m",
    "lf": "R4\nR9\t2020-01-01",
    "bidi": "R5\u202egpj.exe",
    "del": "R6\x7f\x08\x08",
}
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\x7f", "\x08")


def _ended(ref: str) -> dict:
    p = canary_person("A", ref=ref)
    p.update(
        status="completed",
        referral_date="2019-12-20",
        course_start="2020-01-06",
        outcome={"status": "work_full", "date": "2020-04-01"},
    )
    for key in ("dropped_out", "sessions", "group_attendance", "assessments"):
        p.pop(key)
    return p


def test_retention_prints_hostile_refs_escaped(vault, passphrase_file, capsys):
    with vault.session() as s:
        interchange.import_document(s, document(*[_ended(r) for r in HOSTILE.values()]))
        s.commit()
    vault.close()
    capsys.readouterr()
    assert (
        main(
            [
                "--data-dir",
                str(vault.data_dir),
                "retention",
                "--months",
                "1",
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert not any(c in out for c in RAW)
    lines = out.splitlines()
    assert len(lines) == len(HOSTILE)  # the LF in a ref did not forge a line
    assert "R1\\x1b[2J\\x1b]0;owned\\x07\t2020-04-01" in lines
    assert "R5\\u202egpj.exe\t2020-04-01" in lines
    assert "R4\\x0aR9\\x092020-01-01\t2020-04-01" in lines


def test_an_error_quoting_a_hostile_ref_is_escaped(vault, passphrase_file, capsys):
    vault.close()
    for ref in [*HOSTILE.values(), "R7\udcff"]:
        capsys.readouterr()
        rc = main(
            [
                "--data-dir",
                str(vault.data_dir),
                "erase",
                "--participant",
                ref,
                "--yes",
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        err = capsys.readouterr().err
        assert rc == 2
        assert not any(c in err for c in RAW) and "\udcff" not in err
        assert len(err.strip().splitlines()) == 1


def test_argparse_errors_are_escaped_too(vault, capsys):
    capsys.readouterr()
    with pytest.raises(SystemExit) as ex:
        main(["--data-dir", str(vault.data_dir), "import", "a.json", "b\x1b[2J\u202e"])
    assert ex.value.code == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err
    assert not any(c in err for c in RAW)


def test_safe_escapes_every_dangerous_class_and_nothing_else():
    from coachdesk.cli.terminal import safe

    assert safe("Søren Ærø — 日本 😀 \u200d") == "Søren Ærø — 日本 😀 \u200d"
    for cp in [
        *range(0x20),
        *range(0x7F, 0xA0),
        0x2028,
        0x2029,
        0x202A,
        0x202E,
        0x2066,
        0x2069,
        0x200E,
        0x200F,
        0x061C,
        0xD800,
        0xDFFF,
    ]:
        shown = safe(chr(cp))
        assert shown.startswith("\\") and chr(cp) not in shown


def test_a_recipient_in_a_broken_encoding_is_refused_before_export(
    vault, passphrase_file, tmp_path, capsys
):
    with vault.session() as s:
        interchange.import_document(s, document(canary_person("A", ref="X-1")))
        s.commit()
    vault.close()
    out = tmp_path / "x.json"
    for fmt in ("json", "pdf"):
        capsys.readouterr()
        rc = main(
            [
                "--data-dir",
                str(vault.data_dir),
                "export",
                "--participant",
                "X-1",
                "--format",
                fmt,
                "--out",
                str(out),
                "--recipient",
                "Jobcenter \udcff",
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        err = capsys.readouterr().err
        assert rc == 2 and "--recipient" in err and "\udcff" not in err
        assert not out.exists()
