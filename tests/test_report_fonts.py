"""Names beyond Danish print as themselves: the report font covers them (reports/fonts.py)."""

from __future__ import annotations

from test_report_data import add, pdf_text, person

from coachdesk.reports.content import ReportRequest
from coachdesk.reports.export import render_pdf

NAMES = ("Łukasz Wiśniewski", "Ayşe Şahin", "Nguyễn Thị Hồng", "Ολυμπία Κώστα", "Юлия Петрова")


def test_every_name_survives_in_the_pdf(vault):
    people = [person(ref=f"N-{i}", name=name) for i, name in enumerate(NAMES)]
    ids = add(vault, *people)
    with vault.session() as s:
        for pid, name in zip(ids, NAMES, strict=True):
            data = render_pdf(s, pid, ReportRequest(kind="final_report", lang="da"))
            text = pdf_text(data)
            assert name in text, name
            # Embedded (as a subset): the glyphs travel with the file.
            assert b"DejaVuSansCondensed" in data
