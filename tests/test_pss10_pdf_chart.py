"""reports/pss10_chart.py: the chart drawn by reportlab, put in a PDF and read back."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF

from coachdesk.core import pss10_chart
from coachdesk.core.pss10 import Params
from coachdesk.reports.pss10_chart import (
    LABELS,
    draw_item_comparison,
    draw_pss10_chart,
    verdict_lines,
)

D = dt.date
HIGH = [3, 3, 4, 1, 1, 4, 2, 1, 3, 3]  # 31
LOW = [1, 1, 1, 3, 3, 1, 3, 3, 1, 1]  # 10
ROWS = [
    ("screening", D(2026, 1, 10), HIGH),
    ("followup", D(2026, 2, 20), [3, 2, 3, 2, 1, 3, 2, 2, 2, None]),  # 24 prorated
    ("final", D(2026, 4, 1), LOW),
]


def pdf_text(drawing) -> str:
    buf = io.BytesIO()
    renderPDF.drawToFile(drawing, buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    assert len(reader.pages) == 1
    # Collapse whitespace: extraction may split a label where it was positioned.
    return " ".join(reader.pages[0].extract_text().split())


def test_every_label_key_has_both_languages():
    for lang in ("da", "en"):
        assert set(pss10_chart.LABEL_KEYS) <= set(LABELS[lang]), lang


def test_danish_chart_labels_in_the_pdf():
    text = pdf_text(draw_pss10_chart(pss10_chart.build(ROWS), 480, 260, "da"))
    for expected in (
        "Optagelsesgrænse 17",
        "Højt stressniveau (Sundhedsprofilen) 18+",
        "Samlet score (0–40)",
        "Screening",
        "Slutmåling",
        "Opfølgning",
        "lav",
        "moderat",
        "høj",
        "10.01.2026",
        "01.04.2026",
        "24*",
        "Før 31 (10.01.2026), efter 10 (01.04.2026): -21 point",
        "Pålidelig forbedring",
        "SD 6,33, r 0,78",
        "Klinisk betydende forbedring",
    ):
        assert expected in text, expected


def test_english_chart_with_a_custom_threshold():
    data = pss10_chart.build([*ROWS[:1], ("final", D(2026, 4, 1), [2] * 10)], Params(threshold=20))
    text = pdf_text(draw_pss10_chart(data, 400, 240, "en"))
    for expected in (
        "Admission threshold 20",
        "National high stress 18+",
        "Total score",
        "Before 31",
        "after 20",
        "-11 points",
        "Reliable improvement",
        "Clinically important improvement",
    ):
        assert expected in text, expected


@pytest.mark.parametrize(
    ("after", "words"),
    [
        ([3, 3, 3, 1, 1, 3, 2, 2, 3, 3], ["No reliable change", "Not a clinically important"]),
        ([4, 4, 4, 0, 0, 4, 0, 0, 4, 4], ["Reliable worsening", "Not a clinically important"]),
    ],
)
def test_verdict_words(after, words):
    data = pss10_chart.build([ROWS[0], ("final", D(2026, 4, 1), after)])
    lines = verdict_lines(data, "en")
    for w in words:
        assert any(w in line for line in lines), (w, lines)


def test_empty_and_incomplete_charts_say_so():
    text = pdf_text(draw_pss10_chart(pss10_chart.build([]), 400, 240, "en"))
    assert "No PSS-10 questionnaires yet" in text
    data = pss10_chart.build([ROWS[0], ("final", D(2026, 4, 1), [None, None, *LOW[2:]])])
    text = pdf_text(draw_pss10_chart(data, 400, 240, "da"))
    assert "Ændringen vises, når der er en screening og en slutmåling" in text
    assert "1 skema(er) uden total" in text


def test_item_comparison_in_the_pdf():
    data = pss10_chart.build(ROWS)
    text = pdf_text(draw_item_comparison(data, 480, 220, "da"))
    assert "1. er du blevet oprevet over noget, der skete uventet?" in text
    assert "(O)" in text and "Før" in text and "Efter" in text
    text = pdf_text(draw_item_comparison(data, 480, 220, "en"))
    assert "4. felt confident about your ability to handle your personal problems (R)" in text
    assert "R = reversed item" in text


def test_item_comparison_without_before_and_after():
    text = pdf_text(draw_item_comparison(pss10_chart.build(ROWS[:1]), 480, 220, "en"))
    assert "The change shows once" in text


def test_verdict_can_be_left_to_the_page():
    data = pss10_chart.build(ROWS)
    text = pdf_text(draw_pss10_chart(data, 480, 200, "da", verdict=False))
    assert "Optagelsesgrænse 17" in text
    assert "Pålidelig forbedring" not in text and "Før 31" not in text
