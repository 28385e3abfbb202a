"""Errors from below the GUI reach the coach in her language, end to end (issue 18 item 1).

Real failures on real files and a real vault: a damaged backup and an occupied folder in
the Danish restore dialog, a goal without text in the Danish job-plan editor (named by
its label, not by "goals 1 text"), the consent refusal in the export preview, and the
CLI, which prints the same error in the language of --lang.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from coachdesk.cli.main import main
from coachdesk.store import backup, jobplans, participants

pytestmark = pytest.mark.usefixtures("isolated_settings")


def _person(vault, consent: bool = True) -> int:
    with vault.session() as s:
        p = participants.create_participant(
            s,
            {
                "ref": "R-1",
                "name": "Ida Jensen",
                "status": "individual_phase",
                "referral_date": "2026-01-05",
                **({"consent": {"given_on": "2026-01-05", "scope": ["course"]}} if consent else {}),
            },
        )
        s.commit()
        return p.id


def test_a_damaged_backup_is_refused_in_danish(qtbot, vault, tmp_path, danish):
    from coachdesk.ui.backup_dialog import RestoreDialog

    src = tmp_path / "coachdesk-20260101-120000.cdbackup"
    backup.create_backup(vault, src)
    data = bytearray(src.read_bytes())
    data[len(data) // 2] ^= 1
    src.write_bytes(bytes(data))
    dlg = RestoreDialog(tmp_path / "t")
    qtbot.addWidget(dlg)
    dlg.set_file(src)
    text = dlg.info_label.text()
    assert text == (
        f"Sikkerhedskopien {src.name} er beskadiget eller ændret (kontrolsummen passer "
        "ikke); den blev afvist, og intet blev skrevet. Prøv en ældre sikkerhedskopi."
    )


def test_restoring_into_an_occupied_folder_is_refused_in_danish(qtbot, vault, tmp_path, danish):
    from coachdesk.ui.backup_dialog import RestoreDialog

    src = tmp_path / "coachdesk-20260101-120000.cdbackup"
    backup.create_backup(vault, src)
    target = tmp_path / "occupied"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    dlg = RestoreDialog()
    qtbot.addWidget(dlg)
    dlg.set_file(src)
    dlg.folder_edit.setText(str(target))
    QTest.keyClicks(dlg.secret_edit, "whatever passphrase")
    dlg.restore()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20000)
    assert dlg.message.text().startswith(f"Mappen {target} er ikke tom. Gendan i en tom mappe")
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_job_plan_editor_names_the_field_by_its_danish_label(qtbot, vault, danish):
    from coachdesk.ui.jobplan_editor import JobPlanEditor

    ed = JobPlanEditor(vault, _person(vault))
    qtbot.addWidget(ed)
    ed.show()
    ed.goals.add_row({})
    due = ed.goals.table.cellWidget(0, 1)
    due.edit.setFocus()
    QTest.keyClicks(due.edit, "01.03.2027")  # a due date, but no text: refused
    assert not ed.save()
    assert ed.message.text() == "Mål 1, tekst: Dette felt skal udfyldes."
    with vault.session() as s:
        assert jobplans.job_plan_versions(s, 1) == []


def test_the_export_preview_says_why_in_danish(qtbot, vault, danish):
    from coachdesk.ui.export_dialog import ExportDialog

    pid = _person(vault)  # consent to the course only, not to reports
    dlg = ExportDialog(vault, pid)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: "samtykke" in dlg.preview_state.text(), timeout=10000)
    shown = dlg.preview_state.text()
    assert shown.startswith("Deltageren har ikke givet samtykke til rapporter til kommunen")
    assert "consented" not in shown


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("da", "coachdesk: Der er ingen boks i {d}. Opret en med 'coachdesk init'"),
        ("en", "coachdesk: There is no vault in {d}. Create one with 'coachdesk init'"),
    ],
)
def test_the_cli_prints_the_error_in_the_language_of_lang(
    tmp_path, passphrase_file, capsys, lang, expected
):
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    code = main(
        [
            "--lang",
            lang,
            "--data-dir",
            str(empty),
            "export",
            "--participant",
            "R-1",
            "--format",
            "json",
            "--out",
            str(tmp_path / "out.json"),
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(expected.format(d=empty)), err


def test_the_cli_prints_record_errors_in_danish(tmp_path, passphrase_file, capsys):
    d = tmp_path / "v"
    assert (
        main(
            [
                "--data-dir",
                str(d),
                "init",
                "--passphrase-file",
                str(passphrase_file),
                "--insecure-test-kdf",
            ]
        )
        == 0
    )
    capsys.readouterr()
    f = tmp_path / "people.json"
    f.write_text(
        '{"format": "coachdesk.participants", "version": 1, "participants": '
        '[{"ref": "A-1", "name": "  "}]}',
        encoding="utf-8",
    )
    argv = ["--data-dir", str(d), "import", str(f), "--passphrase-file", str(passphrase_file)]
    assert main(["--lang", "da", *argv]) == 2
    err = capsys.readouterr().err
    assert "coachdesk: Filen blev ikke importeret: 1 fejl. Intet blev ændret." in err
    assert "participants[0].name: Dette felt skal udfyldes." in err
    assert main(argv) == 2
    assert "participants[0].name: This field is required." in capsys.readouterr().err


def test_no_regular_expression_translates_a_sentence() -> None:
    import ast

    path = Path(__file__).parent.parent / "coachdesk" / "ui" / "messages.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        assert not (isinstance(node, ast.Name) and node.id == "re"), node.lineno
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            assert "re" not in names, node.lineno


def test_dates_in_danish_stay_danish() -> None:
    # The catalogue's months feed the reports' long dates.
    from coachdesk.reports import strings

    assert strings.fmt_long_date(dt.date(2026, 3, 5), "da") == "5. marts 2026"


@pytest.mark.parametrize("shown_first", [True, False])
def test_the_damage_message_does_not_overlap_the_field_below(
    qtbot, vault, tmp_path, danish, shown_first
):
    """Four lines of Danish under the file field: the dialog grows for them (they used
    to be drawn over the "Gendan i" field)."""
    from coachdesk.ui.backup_dialog import RestoreDialog

    src = (
        tmp_path
        / "coachdesk-20260101-120000-med-et-meget-langt-filnavn-fra-kommunens-drev.cdbackup"
    )
    backup.create_backup(vault, src)
    data = bytearray(src.read_bytes())
    data[len(data) // 2] ^= 1
    src.write_bytes(bytes(data))
    dlg = RestoreDialog(tmp_path / "t")
    qtbot.addWidget(dlg)
    if shown_first:
        dlg.show()
        qtbot.waitExposed(dlg)
    dlg.set_file(src)
    if not shown_first:
        dlg.show()
        qtbot.waitExposed(dlg)
    QTest.qWait(0)
    info, folder = dlg.info_label, dlg.folder_edit
    assert info.text().startswith("Sikkerhedskopien")
    assert info.height() >= info.heightForWidth(info.width()) > 2 * info.fontMetrics().height()
    below = folder.mapTo(dlg, folder.rect().topLeft()).y()
    assert info.mapTo(dlg, info.rect().bottomLeft()).y() < below
