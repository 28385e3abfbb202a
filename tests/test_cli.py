"""The `coachdesk` command: subcommands, exit codes and messages (docs/cli.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.cli.main import main
from tests.conftest import PASSPHRASE


def run(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def cli_vault(tmp_path, passphrase_file) -> Path:
    d = tmp_path / "cli-vault"
    assert (
        run(
            "--data-dir",
            str(d),
            "init",
            "--passphrase-file",
            str(passphrase_file),
            "--insecure-test-kdf",
        )
        == 0
    )
    return d


def write(path: Path, obj) -> Path:
    path.write_text(json.dumps(obj), encoding="utf-8")
    return path


def participant_file(tmp_path: Path, *people) -> Path:
    return write(
        tmp_path / "people.json",
        {"format": "coachdesk.participants", "version": 1, "participants": list(people)},
    )


def test_init_prints_the_recovery_code_once(tmp_path, passphrase_file, capsys):
    d = tmp_path / "v"
    assert (
        run(
            "--data-dir",
            str(d),
            "init",
            "--passphrase-file",
            str(passphrase_file),
            "--insecure-test-kdf",
        )
        == 0
    )
    err = capsys.readouterr().err
    code_lines = [ln.strip() for ln in err.splitlines() if ln.strip().count("-") == 7]
    assert len(code_lines) == 1
    rc = tmp_path / "rc.txt"
    rc.write_text(code_lines[0])
    assert run("--data-dir", str(d), "check", "--recovery-code-file", str(rc)) == 0
    # A second init refuses to overwrite the vault.
    assert (
        run(
            "--data-dir",
            str(d),
            "init",
            "--passphrase-file",
            str(passphrase_file),
            "--insecure-test-kdf",
        )
        == 2
    )
    assert "already a vault" in capsys.readouterr().err


def test_import_export_check_round_trip(cli_vault, tmp_path, passphrase_file, capsys):
    f = participant_file(
        tmp_path,
        {
            "ref": "A-1",
            "name": "Åse Ørsted",
            "assessments": [{"kind": "screening", "date": "2026-01-12", "answers": [2] * 10}],
        },
    )
    pf = str(passphrase_file)
    assert run("--data-dir", str(cli_vault), "import", str(f), "--passphrase-file", pf) == 0
    out = tmp_path / "out.json"
    assert (
        run(
            "--data-dir",
            str(cli_vault),
            "export",
            "--participant",
            "A-1",
            "--format",
            "json",
            "--out",
            str(out),
            "--passphrase-file",
            pf,
        )
        == 0
    )
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["participants"][0]["name"] == "Åse Ørsted"
    assert doc["participants"][0]["assessments"][0]["total"] == 20
    assert doc["participants"][0]["eligible"] is True
    assert run("--data-dir", str(cli_vault), "check", "--passphrase-file", pf) == 0
    assert "OK" in capsys.readouterr().err


def test_export_is_recorded_as_a_disclosure(cli_vault, tmp_path, passphrase_file):
    from coachdesk.store.models import Disclosure
    from coachdesk.store.vault import Vault

    f = participant_file(tmp_path, {"ref": "A-1", "name": "A"}, {"ref": "B-2", "name": "B"})
    pf = str(passphrase_file)
    run("--data-dir", str(cli_vault), "import", str(f), "--passphrase-file", pf)
    out = tmp_path / "all.json"
    assert (
        run(
            "--data-dir",
            str(cli_vault),
            "export",
            "--all",
            "--format",
            "json",
            "--out",
            str(out),
            "--recipient",
            "Participant (art. 15)",
            "--passphrase-file",
            pf,
        )
        == 0
    )
    import hashlib

    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    with Vault.open(cli_vault, passphrase=PASSPHRASE) as v, v.session() as s:
        rows = s.query(Disclosure).all()
        assert len(rows) == 2 and {r.sha256 for r in rows} == {digest}
        assert rows[0].recipient == "Participant (art. 15)"


def test_bad_import_exits_2_and_writes_nothing(cli_vault, tmp_path, passphrase_file, capsys):
    f = participant_file(
        tmp_path, {"ref": "A-1", "name": "A"}, {"ref": "B-2", "name": "B", "status": "asleep"}
    )
    assert (
        run(
            "--data-dir",
            str(cli_vault),
            "import",
            str(f),
            "--passphrase-file",
            str(passphrase_file),
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "participants[1].status: 'asleep' is not one of" in err
    assert "Traceback" not in err
    out = tmp_path / "o.json"
    run(
        "--data-dir",
        str(cli_vault),
        "export",
        "--all",
        "--format",
        "json",
        "--out",
        str(out),
        "--passphrase-file",
        str(passphrase_file),
    )
    assert json.loads(out.read_text())["participants"] == []


def test_broken_json_is_refused_before_unlock(cli_vault, tmp_path, capsys):
    f = tmp_path / "broken.json"
    f.write_text('{"format": "coachdesk.participants", ')
    # No passphrase given at all: the file is refused first.
    assert run("--data-dir", str(cli_vault), "import", str(f)) == 2
    assert "not valid JSON (line 1" in capsys.readouterr().err


def test_wrong_passphrase_exits_3(cli_vault, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("definitely wrong")
    assert run("--data-dir", str(cli_vault), "check", "--passphrase-file", str(bad)) == 3
    assert "Wrong passphrase" in capsys.readouterr().err


def test_wrong_recovery_code_exits_3(cli_vault, tmp_path, capsys):
    bad = tmp_path / "rc.txt"
    bad.write_text("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    assert run("--data-dir", str(cli_vault), "check", "--recovery-code-file", str(bad)) == 3
    assert "recovery code" in capsys.readouterr().err


def test_damaged_database_exits_4(cli_vault, tmp_path, passphrase_file, capsys):
    f = participant_file(tmp_path, *({"ref": f"R{i}", "name": "x" * 150} for i in range(300)))
    pf = str(passphrase_file)
    run("--data-dir", str(cli_vault), "import", str(f), "--passphrase-file", pf)
    db = cli_vault / "vault.db"
    n = db.stat().st_size
    with db.open("r+b") as fh:
        fh.seek(n // 2)
        fh.write(os.urandom(64))
    assert run("--data-dir", str(cli_vault), "check", "--passphrase-file", pf) == 4
    assert "damage" in capsys.readouterr().err


def test_tampered_key_file_exits_4(cli_vault, passphrase_file, capsys):
    kf = cli_vault / "vault.key"
    doc = json.loads(kf.read_text())
    doc["slots"]["passphrase"]["kdf"]["memory_kib"] = 1024
    kf.write_text(json.dumps(doc))
    assert (
        run("--data-dir", str(cli_vault), "check", "--passphrase-file", str(passphrase_file)) == 4
    )
    assert "altered" in capsys.readouterr().err


def test_missing_vault_exits_2(tmp_path, passphrase_file, capsys):
    assert (
        run(
            "--data-dir", str(tmp_path / "none"), "check", "--passphrase-file", str(passphrase_file)
        )
        == 2
    )
    assert "coachdesk init" in capsys.readouterr().err


def test_change_passphrase(cli_vault, tmp_path, passphrase_file):
    new = tmp_path / "new.txt"
    new.write_text("the new passphrase\n")
    assert (
        run(
            "--data-dir",
            str(cli_vault),
            "change-passphrase",
            "--passphrase-file",
            str(passphrase_file),
            "--new-passphrase-file",
            str(new),
        )
        == 0
    )
    assert (
        run("--data-dir", str(cli_vault), "check", "--passphrase-file", str(passphrase_file)) == 3
    )
    assert run("--data-dir", str(cli_vault), "check", "--passphrase-file", str(new)) == 0


def test_new_passphrase_too_short_exits_2(cli_vault, tmp_path, passphrase_file, capsys):
    new = tmp_path / "new.txt"
    new.write_text("short")
    assert (
        run(
            "--data-dir",
            str(cli_vault),
            "change-passphrase",
            "--passphrase-file",
            str(passphrase_file),
            "--new-passphrase-file",
            str(new),
        )
        == 2
    )
    assert (
        run("--data-dir", str(cli_vault), "check", "--passphrase-file", str(passphrase_file)) == 0
    )


def test_demo_fills_a_realistic_caseload(tmp_path, passphrase_file):
    from coachdesk.store.models import Participant
    from coachdesk.store.vault import Vault

    d = tmp_path / "demo"
    assert (
        run(
            "--data-dir",
            str(d),
            "demo",
            "--participants",
            "60",
            "--seed",
            "7",
            "--passphrase-file",
            str(passphrase_file),
            "--insecure-test-kdf",
        )
        == 0
    )
    assert (
        run(
            "--data-dir",
            str(d),
            "demo",
            "--participants",
            "10",
            "--passphrase-file",
            str(passphrase_file),
        )
        == 0
    )
    with Vault.open(d, passphrase=PASSPHRASE) as v, v.session() as s:
        people = s.query(Participant).all()
        assert len(people) == 70
        statuses = {p.status for p in people}
        assert {"completed", "individual_phase"} <= statuses
        assert any(p.sessions and p.sessions[0].notes for p in people)
        assert any(p.job_plan is not None for p in people)
        assert any(len(p.assessments) >= 2 for p in people)


def test_no_passphrase_without_a_terminal_is_a_clear_error(cli_vault, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert run("--data-dir", str(cli_vault), "check") == 2
    assert "--passphrase-file" in capsys.readouterr().err


def test_passphrase_from_standard_input(cli_vault, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    assert run("--data-dir", str(cli_vault), "check", "--passphrase-file", "-") == 0


def test_help_on_every_subcommand(capsys):
    for sub in ("init", "import", "export", "check", "change-passphrase", "demo"):
        with pytest.raises(SystemExit) as exc:
            run(sub, "--help")
        assert exc.value.code == 0
        assert "usage: coachdesk" in capsys.readouterr().out


def test_real_process_exit_codes_and_no_traceback(cli_vault, tmp_path):
    """The installed entry point, as a script or an administrator runs it."""
    exe = Path(sys.executable).with_name("coachdesk")
    bad = tmp_path / "bad.txt"
    bad.write_text("definitely wrong")
    p = subprocess.run(
        [str(exe), "--data-dir", str(cli_vault), "check", "--passphrase-file", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 3 and "Traceback" not in p.stderr and p.stdout == ""
    p = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and "CoachDesk" in p.stdout


def test_vault_in_use_exits_5(cli_vault, passphrase_file, capsys):
    from coachdesk.store.vault import Vault

    with Vault.open(cli_vault, passphrase=PASSPHRASE):
        assert (
            run("--data-dir", str(cli_vault), "check", "--passphrase-file", str(passphrase_file))
            == 5
        )
    assert "another running CoachDesk" in capsys.readouterr().err


def test_starting_the_app_reads_only_the_global_options():
    """`coachdesk [--lang da] [--data-dir D]` starts the app without importing any
    subcommand module (start-up time); a named command still parses in full."""
    code = (
        "import sys\n"
        "from coachdesk.cli.main import COMMAND_MODULES, parse_args\n"
        "a = parse_args(['--lang', 'da', '--data-dir', 'X'])\n"
        "assert (a.command, a.lang, a.data_dir) == (None, 'da', 'X'), vars(a)\n"
        "assert not [m for m in COMMAND_MODULES if m in sys.modules]\n"
        "b = parse_args(['--lang', 'en', 'check'])\n"
        "assert (b.command, b.lang) == ('check', 'en') and callable(b.func)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr


@pytest.mark.parametrize("argv", [["--lang", "xx"], ["--lang"], ["--bogus"], ["nope"]])
def test_bad_global_options_get_the_full_usage(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "COMMAND" in capsys.readouterr().err  # the usage of the full parser


def test_a_named_command_imports_only_its_own_module():
    """`coachdesk cohort-report ...` builds the parser of report_commands alone (start-up
    time); every entry of COMMAND_MODULE_OF names the module that registers it."""
    code = (
        "import sys\n"
        "from coachdesk.cli.main import COMMAND_MODULES, parse_args\n"
        "a = parse_args(['--data-dir', 'X', 'cohort-report', '--out', 'r.pdf'])\n"
        "assert (a.command, a.out, a.data_dir) == ('cohort-report', 'r.pdf', 'X'), vars(a)\n"
        "print([m for m in COMMAND_MODULES if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "['coachdesk.cli.report_commands']", out.stderr


def test_the_command_table_names_each_commands_module():
    import argparse
    import importlib

    from coachdesk.cli.main import COMMAND_MODULE_OF, COMMAND_MODULES

    registered: dict[str, str] = {}
    for name in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(sub)
        registered.update(dict.fromkeys(sub.choices, name))
    assert registered == COMMAND_MODULE_OF


def test_cohort_report_loads_no_gui_or_migration_code_and_runs_without_gc(
    tmp_path, passphrase_file
):
    """The cohort-report command (a fresh process): no Qt, no Alembic (the vault is at
    the head revision), no other command's module; no automatic garbage collection
    during the command, and the collector is back on afterwards."""
    d, out = tmp_path / "demo", tmp_path / "cohort.pdf"
    assert (
        run(
            "--data-dir",
            str(d),
            "demo",
            "--participants",
            "30",
            "--insecure-test-kdf",
            "--passphrase-file",
            str(passphrase_file),
        )
        == 0
    )
    argv = ["--data-dir", str(d), "cohort-report", "--passphrase-file", str(passphrase_file)]
    code = (
        "import gc, sys\n"
        "from pathlib import Path\n"
        "from coachdesk.cli.main import COMMAND_MODULES, Context, parse_args\n"
        f"args = parse_args({argv!r} + ['--out', {str(out)!r}])\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: runs.append(phase))\n"
        "rc = args.func(args, Context(Path(args.data_dir), None))\n"
        "gc.callbacks.clear()\n"
        "top = {m.split('.')[0] for m in sys.modules}\n"
        "print(rc, sorted(top & {'PySide6', 'shiboken6', 'alembic'}),"
        " [m for m in COMMAND_MODULES if m in sys.modules], len(runs), gc.isenabled())\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert p.stdout.split("\n")[0] == "0 [] ['coachdesk.cli.report_commands'] 0 True", p.stderr
    assert out.read_bytes().startswith(b"%PDF")
