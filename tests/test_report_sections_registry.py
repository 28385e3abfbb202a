"""A report section is one registry entry (issue 18, item 5).

The test registers a made-up section in reports/sections.py's registry (here only,
through monkeypatch) and changes nothing else: the export dialog lists it, the
caseworker PDF and the participant's own copy print it, ``--sections`` accepts it and
the disclosure log and the audit event name it.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from test_report_data import add, pdf_text, person, squash

from coachdesk.reports import content, parts, sections
from coachdesk.reports.content import ReportRequest
from coachdesk.reports.export import render_pdf
from coachdesk.reports.parts_pdf import Layout
from coachdesk.reports.pdf_layout import heading, text
from coachdesk.store.models import AuditEvent, Disclosure

KEY = "wellbeing_diary"
CANARY = "DIARYCANARY"


def _build(g: parts.Gathered) -> str:
    return f"{CANARY} {g.p.ref} {len(g.sessions)} sessions"


def _draw(value: str, at: Layout) -> list[Any]:
    return [heading(sections.get(KEY).label(at.lang)), text(value)]


@pytest.fixture
def diary(monkeypatch):
    """The made-up section, placed after "summary" (print order is registry order)."""
    entries = list(sections.all_sections())
    at = [s.key for s in entries].index("summary") + 1
    entry = sections.Section(KEY, _build, _draw)
    monkeypatch.setattr(sections, "_REGISTRY", [*entries[:at], entry, *entries[at:]])
    return entry


def test_a_new_section_reaches_dialog_pdf_and_disclosure_log(qtbot, vault, tmp_path, diary):
    from coachdesk.ui.export_dialog import ExportDialog

    (pid,) = add(vault, person())
    dlg = ExportDialog(vault, pid)
    dlg.ask_sender = lambda current: None
    qtbot.addWidget(dlg)
    dlg.show()
    # The dialog lists it, pre-selected (a default section), labelled by the registry.
    assert KEY in dlg.section_boxes
    box = dlg.section_boxes[KEY]
    assert box.isVisible() and box.isChecked() and box.text() == diary.label("en")
    order = list(dlg.section_boxes)
    assert order.index(KEY) == order.index("summary") + 1

    target = tmp_path / "rapport.pdf"
    dlg.choose_target = lambda suggested: str(target)
    with qtbot.waitSignal(dlg.exported, timeout=15_000):
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)

    # The caseworker PDF, read back: the section's text, after the summary's heading.
    flat = squash(pdf_text(target.read_bytes()))
    assert f"{CANARY} GK-2026-0042" in flat
    assert flat.index("Opsummering") < flat.index(CANARY) < flat.index("Anbefaling")
    # The disclosure log and the audit event name it.
    with vault.session() as s:
        d = s.query(Disclosure).one()
        assert KEY in d.sections
        event = s.query(AuditEvent).filter_by(action="report").one()
        assert KEY in event.detail["sections"]


def test_a_new_section_in_the_cli_list_and_the_own_copy(vault, diary):
    (pid,) = add(vault, person())
    assert content.parse_sections(f"course,{KEY}") == ("course", KEY)
    assert KEY in content.parse_sections(None)  # a default section
    unticked = tuple(k for k in sections.defaults() if k != KEY)
    with vault.session() as s:
        own = squash(pdf_text(render_pdf(s, pid, ReportRequest(kind="access_copy"))))
        without = squash(pdf_text(render_pdf(s, pid, ReportRequest(sections=unticked))))
    assert CANARY in own
    assert CANARY not in without  # not chosen: not gathered, not printed


def test_sensitive_and_reauth_come_from_the_entry(monkeypatch):
    entry = sections.Section(KEY, _build, _draw, default=False, sensitive=True, reauth=True)
    monkeypatch.setattr(sections, "_REGISTRY", [*sections.all_sections(), entry])
    assert KEY not in sections.defaults()
    assert KEY in sections.sensitive()
    assert ReportRequest(sections=("course", KEY)).needs_reauth
    assert not ReportRequest(sections=("course",)).needs_reauth
