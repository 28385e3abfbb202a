"""The reports' catalogue: every string the reports print has its Danish translation."""

from __future__ import annotations

import ast
from pathlib import Path

import coachdesk.reports as reports_pkg
import coachdesk.reports.access_log  # noqa: F401  (adds its strings to the catalogue)
from coachdesk.core import vocab
from coachdesk.reports import strings


def _tr_literals() -> set[str]:
    found: set[str] = set()
    for path in Path(reports_pkg.__file__).parent.glob("*.py"):
        if path.name == "pss10_chart.py":  # the PSS-10 engineer's own table
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and (
                    getattr(node.func, "id", None) == "tr"
                    or getattr(node.func, "attr", None) == "tr"
                )
            ):
                found.add(node.args[0].value)
    return found


def test_every_printed_string_is_translated() -> None:
    used = _tr_literals()
    assert len(used) > 80  # the scan really finds the report strings
    missing = sorted(u for u in used if u not in strings.DA)
    assert missing == []


def test_keys_have_english_text() -> None:
    for key in strings.DA:
        if key.endswith("_text") or key.startswith(("verdict_", "cohort_")):
            assert key in strings.EN, key
            assert strings.tr(key, "en") != key


def test_every_vocabulary_key_has_both_labels() -> None:
    for vocab_name, keys in (
        ("status", vocab.PARTICIPANT_STATUSES),
        ("theme", vocab.THEMES),
        ("outcome", vocab.OUTCOME_STATUSES),
        ("accommodation", vocab.ACCOMMODATION_CATEGORIES),
        ("goal", vocab.GOAL_STATUSES),
        ("mode", vocab.SESSION_MODES),
        ("session_status", vocab.SESSION_STATUSES),
        ("assessment", vocab.ASSESSMENT_KINDS),
        ("consent", vocab.CONSENT_SCOPES),
        ("rating", vocab.RATING_KEYS),
    ):
        for key in keys:
            da, en = strings.LABELS[(vocab_name, key)]
            assert da and en


def test_formatting() -> None:
    import datetime as dt

    d = dt.date(2026, 3, 5)
    assert strings.fmt_date(d, "da") == "05.03.2026" and strings.fmt_date(d, "en") == "5 Mar 2026"
    assert strings.fmt_long_date(d, "da") == "5. marts 2026"
    assert strings.fmt_number(6.333, "da", 2) == "6,33" and strings.fmt_number(6.333, "en") == "6.3"
    assert strings.fmt_hours(20.0) == "20" and strings.fmt_hours(7.5) == "7,5"
    assert strings.tr("Page {page} of {pages}", "da", page=1, pages=3) == "Side 1 af 3"
    assert strings.check_lang("fr") == "da" and strings.check_lang("en") == "en"
