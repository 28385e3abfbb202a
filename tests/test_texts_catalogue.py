"""One catalogue per language for the Qt-free layers (issue 18 items 1 and 4).

coachdesk/i18n/texts.<lang>.json holds the errors' texts, the reports' wording, the
vocabulary labels and the PSS-10 chart's labels. Both languages have the same keys, the
same placeholders and no empty text; every error code raised in core/, store/, reports/
and cli/ is in both; raising each code gives a whole sentence in each language.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from coachdesk import errors
from coachdesk.core import texts
from coachdesk.core.problems import FieldError, Problem

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "coachdesk"

# The classes whose first argument is an error code.
ERROR_CLASSES = {
    name
    for name, obj in vars(errors).items()
    if isinstance(obj, type) and issubclass(obj, errors.CoachDeskError)
} | {
    "BackupFailed",
    "FileDamaged",
    "WriteFailed",
    "AssessmentRejected",
    "ExportNotRecorded",
    "ExportNotPlaced",
    "CprError",
    "_Refused",
    "Problem",
}

# Codes built at run time from a fixed set of parts (the f-strings at their raise sites).
DYNAMIC_CODES = (
    [f"caseload.{what}_not_saved" for what in ("session", "attendance_mark")]
    + [
        f"assessments.rejected_{p}"
        for p in (
            "future",
            "before_referral",
            "final_before_screening",
            "screening_after_final",
            "answers",
            "kind",
            "date",
        )
    ]
    + [
        f"report_fields.{n}_{k}"
        for n in ("normal_hours", "hours_now")
        for k in ("not_number", "range")
    ]
    + [
        f"plausibility.{c}"
        for c in (
            "held_in_future",
            "mark_in_future",
            "before_referral",
            "week_mismatch",
            "before_start",
            "after_course",
        )
    ]
)


def _catalogue_file(lang: str) -> dict[str, dict[str, str]]:
    with open(PKG / "i18n" / f"texts.{lang}.json", encoding="utf-8") as f:
        return json.load(f)


def _module_constants(tree: ast.Module) -> dict[str, str]:
    out = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            out[node.targets[0].id] = node.value.value
    return out


def raised_codes() -> dict[str, list[str]]:
    """Every literal error code passed to an error class (or FieldError / the record
    checker) outside ui/, with where it is; a first argument that is neither a literal
    nor a module constant is reported as "<dynamic>"."""
    found: dict[str, list[str]] = {}
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if "/ui/" in rel or "/migrations/" in rel:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        consts = _module_constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)
            if name in ERROR_CLASSES and node.args:
                arg = node.args[0]
            elif name in ("FieldError", "err") and len(node.args) >= 2:
                arg = node.args[1]
            else:
                continue
            where = f"{rel}:{node.lineno}"
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, []).append(where)
            elif isinstance(arg, ast.Name) and arg.id in consts:
                found.setdefault(consts[arg.id], []).append(where)
            elif isinstance(arg, ast.Attribute) and arg.attr.isupper():
                pass  # another module's constant: checked where it is defined
            else:
                found.setdefault("<dynamic>", []).append(where)
    return found


def test_both_languages_have_the_same_keys_and_placeholders_and_no_empty_text() -> None:
    da, en = _catalogue_file("da"), _catalogue_file("en")
    assert set(da) == set(en)
    for section in da:
        assert set(da[section]) == set(en[section]), section
        for key, text in da[section].items():
            other = en[section][key]
            assert text.strip() and other.strip(), (section, key)
            assert texts.placeholders(text) == texts.placeholders(other), (section, key)


def test_every_raised_code_has_a_danish_and_an_english_text() -> None:
    found = raised_codes()
    assert len(found) > 150  # the scan really finds the raise sites
    dynamic = found.pop("<dynamic>", [])
    # The only non-literal codes are the ones DYNAMIC_CODES spells out, or a parameter.
    allowed = {
        "coachdesk/store/caseload.py",  # Implausible: caseload.{what}_not_saved
        "coachdesk/store/assessments.py",  # rejected_{problem}
        "coachdesk/store/report_fields.py",  # {name}_not_number / _range, problems[0]
        "coachdesk/core/plausibility.py",  # plausibility.{finding.code}
        "coachdesk/core/records.py",  # the checker's own plumbing (err, problem)
        "coachdesk/core/problems.py",
        "coachdesk/store/interchange.py",  # errors / errors_more; exc.code of a Problem
        "coachdesk/errors.py",  # classify's constants
        "coachdesk/store/agefile.py",  # wrong_key: a code passed by the caller
        "coachdesk/store/vault.py",  # EMPTY if ... else DAMAGED
        "coachdesk/store/erasure.py",  # not_compacted(_disk_full)
        "coachdesk/reports/export.py",  # not_placed(_noted)
        "coachdesk/cli/report_commands.py",  # month_first_day / month_last_day
        "coachdesk/store/keyfile.py",  # _wrong(name)
    }
    assert {w.rsplit(":", 1)[0] for w in dynamic} <= allowed, dynamic
    codes = set(found) | set(DYNAMIC_CODES)
    for lang in texts.LANGS:
        table = texts.catalogue(lang)["error"]
        missing = sorted(c for c in codes if c not in table)
        assert missing == [], (lang, missing, [found.get(c) for c in missing])


def test_no_raise_site_passes_a_sentence() -> None:
    """A code is a dotted identifier, never an English sentence (the old way)."""
    for code, where in raised_codes().items():
        if code == "<dynamic>":
            continue
        assert " " not in code and code == code.strip(), (code, where)


@pytest.mark.parametrize("code", sorted(texts.catalogue("en")["error"]))
def test_raising_each_code_gives_a_whole_sentence_in_both_languages(code: str) -> None:
    template = texts.catalogue("en")["error"][code]
    params = {name: f"<{name}>" for name in texts.placeholders(template)}
    exc = errors.BadInput(code, **params)
    assert str(exc) == exc.text("en")
    for lang in texts.LANGS:
        text = exc.text(lang)
        assert text and text != code, (lang, code)
        assert "{" not in text.replace("{{", ""), (lang, code, text)  # all filled in
        for name in params:
            assert f"<{name}>" in text, (lang, code, name)
    assert exc.text("da") != exc.text("en") or code == "org_report.file_refused"


def test_a_field_error_is_a_path_and_a_code() -> None:
    e = FieldError("goals[0].text", "field.required")
    assert e == "goals[0].text: This field is required."
    assert (e.path, e.code) == ("goals[0].text", "field.required")
    assert e.text("da") == "Dette felt skal udfyldes."
    assert e.at("job_plan.goals[0].text").path == "job_plan.goals[0].text"


def test_a_nested_error_is_written_in_the_sentence_language() -> None:
    inner = Problem("import.lone_surrogate", text="'x'")
    outer = errors.BadInput("import.refused", problem=inner)
    assert outer.text("da").startswith("Filen blev ikke importeret: teksten 'x' indeholder")
    assert str(outer).startswith("The file was not imported: the text 'x' holds")


def test_a_code_missing_from_the_catalogue_still_says_something() -> None:
    # Never hides what happened: the code itself is shown (and the test above keeps
    # every raised code in the catalogue).
    assert errors.BadInput("no.such_code").text("da") == "no.such_code"


def test_the_catalogue_is_package_data_and_in_the_frozen_build() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"i18n/*.json"' in pyproject
    spec = (ROOT / "packaging" / "coachdesk.spec").read_text(encoding="utf-8")
    assert 'files("i18n/texts.*.json", "coachdesk/i18n")' in spec


def test_report_wording_comes_from_the_catalogue() -> None:
    from coachdesk.reports import pss10_chart, strings

    assert strings.tr("Final report", "da") == "Slutrapport"
    assert strings.text("Final report", "en") == "Final report"
    assert strings.label("status", "referred", "da") == "Henvist"
    assert pss10_chart.label("before", "da") == "Før"
    # No translation table is left in their Python: no Danish text at all.
    for module in ("reports/strings.py", "reports/pss10_chart.py", "reports/access_log.py"):
        source = (PKG / module).read_text(encoding="utf-8")
        assert not any(ch in source for ch in "æøåÆØÅ"), module
