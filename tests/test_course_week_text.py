"""A course has 12 weeks: after it, the app and the report say the course has ended,
never "week 53" (the week counter used to keep running: "afsluttet (uge 53)" on the
participant page and "efter forløbet (uge 53)" in the caseworker's report)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from test_report_data import add, pdf_text, person

from coachdesk.core import course
from coachdesk.reports import sections as registry
from coachdesk.reports.content import ReportRequest
from coachdesk.reports.export import render_pdf

pytestmark = pytest.mark.usefixtures("isolated_settings")

# person() starts the course on 2026-01-12: on this day it is week 53 by the counter.
A_YEAR_LATER = dt.date(2027, 1, 11)
WEEK_NUMBER = re.compile(r"\b(uge|week) (1[3-9]|[2-9]\d)\b", re.IGNORECASE)


def test_the_counter_is_past_the_course_on_that_day() -> None:
    assert course.course_week(dt.date(2026, 1, 12), A_YEAR_LATER) == 53


ROW = {"da": "Forløbsuge på rapportens dato", "en": "Course week on the report date"}


@pytest.mark.parametrize(("lang", "said"), [("da", "efter forløbet"), ("en", "after the course")])
def test_the_report_says_after_the_course_without_a_week_number(vault, lang, said) -> None:
    (pid,) = add(vault, person())
    with vault.session() as s:
        data = render_pdf(
            s,
            pid,
            ReportRequest(kind="final_report", sections=registry.names(), lang=lang),
            today=A_YEAR_LATER,
        )
    text = " ".join(pdf_text(data).split())
    # The row's value, up to the next row ("Course end" .. "week" .. "Dropped out"...).
    value = text.split(ROW[lang], 1)[1][:40]
    assert value.startswith(" " + said), value
    assert not WEEK_NUMBER.search(value), value


def test_week_12_is_still_a_week_of_the_course(vault) -> None:
    (pid,) = add(vault, person())
    with vault.session() as s:
        data = render_pdf(
            s,
            pid,
            ReportRequest(kind="final_report", sections=registry.names(), lang="da"),
            today=dt.date(2026, 3, 30),  # the first day of week 12
        )
    text = " ".join(pdf_text(data).split())
    assert text.split(ROW["da"], 1)[1].startswith(" uge 12 af 12"), text


def test_the_participant_page_and_the_caseload_say_the_course_ended(qtbot, vault, danish):
    from coachdesk.ui.caseload_view import CaseloadView
    from coachdesk.ui.participant_page import ParticipantPage

    (pid,) = add(vault, person())
    page = ParticipantPage(vault, pid)  # today: weeks after person()'s 12 weeks of 2026
    qtbot.addWidget(page)
    facts = page.facts_label.text()
    assert "forløbet er slut" in facts
    assert not WEEK_NUMBER.search(facts), facts

    view = CaseloadView(vault, today=dt.date.today())
    qtbot.addWidget(view)
    cells = [str(view.model.index(0, c).data() or "") for c in range(view.model.columnCount())]
    assert "forløbet er slut" in cells, cells
    assert not any(WEEK_NUMBER.search(c) for c in cells), cells


def test_someone_not_admitted_has_no_course_week(qtbot, vault, danish):
    """Screened and not admitted: not on the course, so no week (before, the caseload
    counted the weeks of the group she screened for, and later said the course ended)."""
    from coachdesk.ui.caseload_view import CaseloadView
    from coachdesk.ui.participant_page import ParticipantPage

    start = dt.date.today() - dt.timedelta(weeks=2)
    (pid,) = add(
        vault,
        person(status="not_eligible", course_start=start.isoformat(), assessments=[], sessions=[]),
    )
    page = ParticipantPage(vault, pid)
    qtbot.addWidget(page)
    facts = page.facts_label.text()
    assert "Ikke optaget" in facts
    assert "uge" not in facts and "forløbet er slut" not in facts, facts

    view = CaseloadView(vault, today=dt.date.today())
    qtbot.addWidget(view)
    week = view.model.index(0, 3).data()
    assert week == "", week
