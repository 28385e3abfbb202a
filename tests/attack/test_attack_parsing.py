"""Attack: participant files that Python's json reads but CoachDesk must refuse
(issue 12, items 6 and 18).

Each used to end in a traceback (exit 1) or, worse, in silently wrong data: JSON nested
100,000 deep, an integer of thousands of digits, a lone surrogate in a name, a CPR
number in Arabic-Indic or fullwidth digits, a field given twice in one object (the last
one silently won), and a next appointment whose UTC offset was silently dropped.
Now each is refused with exit 2, one clear message, and nothing imported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from canaries import canary_person

from coachdesk.cli.main import main
from coachdesk.store.models import Participant

PASSPHRASE = "correct horse battery"  # tests/conftest.py's, as in passphrase_file


def _person(**changes) -> dict:
    p = canary_person("A", ref="P-1")
    p.update(changes)
    return p


def _file_text(person_json: str) -> str:
    return (
        '{"format": "coachdesk.participants", "version": 1, "participants": [' + person_json + "]}"
    )


def _import(vault, passphrase_file: Path, tmp_path: Path, text: str, capsys) -> tuple[int, str]:
    vault.close()
    src = tmp_path / "in.json"
    src.write_text(text, encoding="utf-8", errors="surrogatepass")
    capsys.readouterr()
    rc = main(
        [
            "--data-dir",
            str(vault.data_dir),
            "import",
            str(src),
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    out = capsys.readouterr()
    return rc, out.err + out.out


def _nobody_imported(vault) -> bool:
    from coachdesk.store.vault import Vault

    with Vault.open(vault.data_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        return s.query(Participant).count() == 0


def _refused(rc: int, err: str) -> None:
    assert rc == 2, err
    assert "Traceback" not in err
    assert "Nothing was changed" in err


def test_json_nested_100000_deep(vault, passphrase_file, tmp_path, capsys):
    deep = "[" * 100_000 + "]" * 100_000
    rc, err = _import(
        vault,
        passphrase_file,
        tmp_path,
        _file_text(json.dumps(_person())[:-1] + ', "report_summary": ' + deep + "}"),
        capsys,
    )
    _refused(rc, err)
    assert "nested" in err
    assert _nobody_imported(vault)


def test_integer_with_thousands_of_digits(vault, passphrase_file, tmp_path, capsys):
    rc, err = _import(
        vault,
        passphrase_file,
        tmp_path,
        _file_text(json.dumps(_person())[:-1] + ', "birth_year": ' + "9" * 5000 + "}"),
        capsys,
    )
    _refused(rc, err)
    assert "too large" in err
    assert _nobody_imported(vault)


@pytest.mark.parametrize("field", ["name", "notes", "action", "key"])
def test_lone_surrogate(vault, passphrase_file, tmp_path, capsys, field):
    p = _person()
    if field == "name":
        p["name"] = "Ida \ud800 Jensen"
    elif field == "notes":
        p["sessions"][0]["notes"] = "noter \udfff"
    elif field == "action":
        p["sessions"][0]["actions"] = ["ok", "gå en tur \ud83d"]
    else:
        p["job_plan"]["goals"][0]["x\ud800"] = 1
    # ensure_ascii writes the surrogate as the escape "\ud800", as a hostile file would.
    rc, err = _import(vault, passphrase_file, tmp_path, _file_text(json.dumps(p)), capsys)
    _refused(rc, err)
    assert "surrogate" in err
    assert _nobody_imported(vault)


def test_a_field_given_twice_is_refused_not_silently_overwritten(
    vault, passphrase_file, tmp_path, capsys
):
    text = json.dumps(_person())
    text = text.replace('"name": ', '"name": "Ida Jensen", "name": ', 1)
    rc, err = _import(vault, passphrase_file, tmp_path, _file_text(text), capsys)
    _refused(rc, err)
    assert "'name' appears twice" in err
    assert _nobody_imported(vault)


@pytest.mark.parametrize(
    "cpr", ["٢٩٠٢٨٨-٩٧١٣", "２９０２８８-９７１３", "۲۹۰۲۸۸۹۷۱۳", "290288-971\u0663"]
)
def test_cpr_in_other_digits_is_refused(vault, passphrase_file, tmp_path, capsys, cpr):
    rc, err = _import(
        vault, passphrase_file, tmp_path, _file_text(json.dumps(_person(cpr=cpr))), capsys
    )
    _refused(rc, err)
    assert "cpr" in err and "is not a CPR number" in err
    assert _nobody_imported(vault)


@pytest.mark.parametrize(
    "when",
    [
        "2026-02-17T10:00+02:00",
        "2026-02-17T10:00Z",
        "2026-02-17T10:00:00+01:00",
        "2026-02-17T10:00-0500",
    ],
)
def test_next_appointment_with_an_offset_is_refused(vault, passphrase_file, tmp_path, capsys, when):
    p = _person()
    p["sessions"][0]["next_appointment"] = when
    rc, err = _import(vault, passphrase_file, tmp_path, _file_text(json.dumps(p)), capsys)
    _refused(rc, err)
    assert "next_appointment" in err and "time zone" in err
    assert _nobody_imported(vault)


@pytest.mark.parametrize(
    "when",
    [
        "2026-02-17 10:00",
        "20260217T1000",
        "2026-02-17T10",
        "2026-02-17T10:00:00",
        "2026-02-30T10:00",
    ],
)
def test_next_appointment_other_forms_are_refused(vault, passphrase_file, tmp_path, capsys, when):
    p = _person()
    p["sessions"][0]["next_appointment"] = when
    rc, err = _import(vault, passphrase_file, tmp_path, _file_text(json.dumps(p)), capsys)
    _refused(rc, err)
    assert "next_appointment" in err


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_numbers_that_are_not_json(vault, passphrase_file, tmp_path, capsys, number):
    text = json.dumps(_person())[:-1] + ', "course_week": ' + number + "}"
    rc, err = _import(vault, passphrase_file, tmp_path, _file_text(text), capsys)
    _refused(rc, err)


def test_the_local_next_appointment_still_imports(vault, passphrase_file, tmp_path, capsys):
    p = _person()
    p["sessions"][0]["next_appointment"] = "2026-02-17T10:00"
    rc, err = _import(vault, passphrase_file, tmp_path, _file_text(json.dumps(p)), capsys)
    assert rc == 0, err
