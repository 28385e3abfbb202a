"""The 2026-27 employment reform: the reports and the app say "kommunen", never
"jobcentret", and name no scheme that ends (ressourceforløb, revalidering,
jobafklaringsforløb)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from test_report_data import add, pdf_text, person

from coachdesk.reports import content, strings
from coachdesk.reports import sections as registry
from coachdesk.reports.content import ReportRequest
from coachdesk.reports.export import render_pdf

GONE = re.compile(r"job\s*cent|ressourceforløb|revalidering|jobafklaring", re.IGNORECASE)
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("kind", ["status_report", "final_report", "access_copy"])
def test_no_report_text_names_the_jobcenter(vault, kind, lang) -> None:
    (pid,) = add(vault, person())
    sections = (content.EVERYTHING,) if kind == "access_copy" else registry.names()
    with vault.session() as s:
        data = render_pdf(
            s,
            pid,
            ReportRequest(kind=kind, sections=sections, lang=lang),
            today=dt.date(2026, 4, 10),
        )
    text = " ".join(pdf_text(data).split())
    assert not GONE.search(text), GONE.search(text)
    purpose = "sagsbehandleren i kommunen" if lang == "da" else "municipality's follow-up"
    if kind != "access_copy":
        assert purpose in text


def test_no_fixed_report_text_names_the_jobcenter() -> None:
    """Every string a report can print, in both languages, also those no test renders."""
    texts = list(strings.DA) + list(strings.DA.values()) + list(strings.EN.values())
    texts += [t for pair in strings.LABELS.values() for t in pair]
    assert texts
    bad = [t for t in texts if GONE.search(t)]
    assert bad == []


def test_no_app_label_names_the_jobcenter() -> None:
    """The GUI's source strings and their Danish translations (the participant dialog
    said "Sagsbehandler i jobcentret")."""
    ts = (ROOT / "i18n" / "coachdesk_da.ts").read_text(encoding="utf-8")
    ui = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "coachdesk" / "ui").glob("*.py"))
    for source in (ts, ui):
        assert not GONE.search(source), GONE.search(source)
    assert "Sagsbehandler i kommunen" in ts
