"""Filer -> Effektrapport: the cohort report dialog on a real vault (pytest-qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from test_report_data import add, pdf_text, person, squash

from coachdesk.store import cohort_releases
from coachdesk.store.models import AuditEvent

pytestmark = pytest.mark.usefixtures("isolated_settings")

TODAY = dt.date(2026, 6, 15)


def _fill(vault, jan: int = 12, feb: int = 2) -> None:
    people = [
        person(
            f"J-{i}",
            cpr=f"0101{90 - i:02d}-1234",
            name=f"Jens Hansen {i}",
            course_start="2026-01-12",
        )
        for i in range(jan)
    ]
    people += [
        person(
            f"F-{i}",
            cpr=f"0202{90 - i:02d}-1234",
            course_start="2026-02-09",
            status="dropped_out",
            outcome=None,
            sessions=[],
            group_attendance=[],
            dropped_out={"date": "2026-03-01", "reason": "flyttet"},
        )
        for i in range(feb)
    ]
    add(vault, *people)


@pytest.fixture
def dialog(qtbot, vault):
    from coachdesk.ui.cohort_dialog import CohortReportDialog

    def make():
        dlg = CohortReportDialog(vault, today=TODAY)
        qtbot.addWidget(dlg)
        dlg.show()
        return dlg

    return make


def _cells(dlg) -> dict[str, tuple[str, str]]:
    t = dlg.table
    return {
        t.item(r, 0).text(): (t.item(r, 1).text(), t.item(r, 2).text())
        for r in range(t.rowCount())
        if t.item(r, 1) is not None
    }


def _wait(qtbot, dlg) -> None:
    qtbot.waitUntil(
        lambda: dlg.prepared is not None and (dlg.table.rowCount() > 0 or dlg.prepared.refusal),
        timeout=15_000,
    )


def test_preview_explains_and_exports_pdf_and_csv(qtbot, dialog, vault, tmp_path) -> None:
    _fill(vault)
    dlg = dialog()
    assert dlg.from_month.count() == 36 and dlg.to_month.currentData() == "2026-05"
    dlg.set_period("2026-01", "2026-02")
    qtbot.waitUntil(
        lambda: (
            dlg.prepared is not None
            and dlg.prepared.start == dt.date(2026, 1, 1)
            and dlg.table.rowCount() > 0
        ),
        timeout=15_000,
    )
    assert dlg.period() == (dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    cells = _cells(dlg)
    assert cells["Henvist"][0] == "14"
    assert cells["Afbrudt"][0] == "<5"
    text = dlg.explanation.text()
    assert "«<5»" in text and "Jens" not in text
    assert dlg.pdf_button.isEnabled() and dlg.csv_button.isEnabled()
    # PDF: the same path as the command line, audited, and the release logged
    dlg.choose_target = lambda suggested, fmt: str(tmp_path / "effekt")
    qtbot.mouseClick(dlg.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.last_path is not None, timeout=15_000)
    assert dlg.last_path == tmp_path / "effekt.pdf"
    flat = squash(pdf_text(dlg.last_path.read_bytes()))
    assert "Effektrapport for holdet" in flat and "januar 2026 – februar 2026" in flat
    assert "Jens Hansen" not in flat
    # CSV in the RFC 4180 dialect
    dlg.dialect.setCurrentIndex(dlg.dialect.findData("rfc4180"))
    dlg.last_path = None
    qtbot.waitUntil(lambda: dlg.csv_button.isEnabled(), timeout=15_000)
    dlg.choose_target = lambda suggested, fmt: str(tmp_path / "effekt.csv")
    qtbot.mouseClick(dlg.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.last_path is not None, timeout=15_000)
    lines = dlg.last_path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "key,section,metric,n,mean,sd,ci_low,ci_high,percent,suppressed"
    assert lines[1].startswith("referred,Deltagere,Henvist,14,")
    with vault.session() as s:
        events = s.query(AuditEvent).filter_by(action="cohort_report").all()
        assert [e.detail["format"] for e in events] == ["pdf", "csv"]
        assert all(e.subject is None for e in events)
        assert len(cohort_releases.released(s)) == 2
    dlg.done(0)


def test_a_period_that_singles_people_out_is_refused(qtbot, dialog, vault, tmp_path) -> None:
    _fill(vault)
    with vault.session() as s:  # January (12 people) was released already
        from coachdesk.reports.cohort_report import write_cohort_report

        write_cohort_report(
            s, tmp_path / "jan.pdf", start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 31)
        )
    dlg = dialog()
    dlg.set_period("2026-02", "2026-02")  # 2 people
    qtbot.waitUntil(
        lambda: dlg.prepared is not None and dlg.prepared.start == dt.date(2026, 2, 1),
        timeout=15_000,
    )
    assert dlg.prepared.refusal == "small"
    assert dlg.table.rowCount() == 0 and not dlg.pdf_button.isEnabled()
    assert "5" in dlg.explanation.text()
    dlg.set_period("2026-01", "2026-02")  # adds 2 people to the released January
    qtbot.waitUntil(
        lambda: dlg.prepared is not None and dlg.prepared.start == dt.date(2026, 1, 1),
        timeout=15_000,
    )
    assert dlg.prepared.refusal == "difference"
    assert "januar 2026" in dlg.explanation.text() or "January 2026" in dlg.explanation.text()
    assert not dlg.csv_button.isEnabled()
    dlg.done(0)


def test_the_file_menu_has_the_entry(qtbot, data_dir) -> None:
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.ui.main_window import MainWindow

    w = MainWindow(data_dir, kdf=TEST_KDF, idle_minutes=60)
    qtbot.addWidget(w)
    file_menu = w.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert any("port…" in t and ("Cohort" in t or "Effekt" in t) for t in texts), texts
    entry = next(a for a in file_menu.actions() if "Cohort" in a.text() or "Effekt" in a.text())
    assert not entry.isEnabled()  # no vault open: nothing to report on
