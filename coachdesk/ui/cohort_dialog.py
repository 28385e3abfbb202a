"""Filer -> Effektrapport: the anonymous cohort report in the app.

A period of whole months, a preview of the tables exactly as they will be printed
(reports.cohort_report.rows, the same one the PDF and the CSV use), the suppression
explained in plain words, and export to PDF or CSV through the same path as the
command line (write_cohort_report: the release log and the audit event are committed
before the file appears). The work runs off the GUI thread, each job with its own
database session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui import file_dialogs, plain
from coachdesk.ui.fields import report_language
from coachdesk.ui.messages import error_text
from coachdesk.ui.worker import Jobs

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

MONTHS_BACK = 36  # how far back the period picker offers months


def _months(today: dt.date, back: int = MONTHS_BACK) -> list[tuple[int, int]]:
    y, m = today.year, today.month
    out = []
    for _ in range(back):
        out.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


class CohortReportDialog(QDialog):
    """Make the cohort effect report: choose the months, look, export."""

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.today = today or dt.date.today()
        app = QCoreApplication.instance()
        self.lang = str(app.property("coachdesk_language") or "da") if app is not None else "da"
        if self.lang not in ("da", "en"):
            self.lang = "da"
        self.prepared: Any = None
        self.last_path: Path | None = None
        self.jobs = Jobs()
        self._generation = 0
        # Replaceable in tests; the Qt dialog avoids the platform's recent-files lists.
        self.choose_target: Callable[[str, str], str | None] = self._choose_target
        self.setWindowTitle(self.tr("Cohort effect report"))
        self.resize(1100, 700)

        locale = QLocale()
        self.from_month = QComboBox()
        self.to_month = QComboBox()
        for y, m in _months(self.today):
            name = f"{locale.standaloneMonthName(m, QLocale.FormatType.LongFormat)} {y}"
            self.from_month.addItem(name, f"{y:04d}-{m:02d}")
            self.to_month.addItem(name, f"{y:04d}-{m:02d}")
        last = self.to_month.count() - 1
        self.to_month.setCurrentIndex(max(0, last - 1))  # the last whole month
        self.from_month.setCurrentIndex(max(0, last - 6))
        self.all_dates = QCheckBox(self.tr("All courses (no period)"))
        self.report_lang = report_language(self.lang)
        self.dialect = QComboBox()
        self.dialect.addItem(self.tr("Excel (semicolon, decimal comma)"), "excel-da")
        self.dialect.addItem(self.tr("RFC 4180 (comma, decimal point)"), "rfc4180")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Courses started from")))
        top.addWidget(self.from_month)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.to_month)
        top.addWidget(self.all_dates)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Report language")))
        top.addWidget(self.report_lang)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Metric"), self.tr("Count"), self.tr("Value")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.explanation = plain.label()
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        explain_box = QWidget()
        ev = QVBoxLayout(explain_box)
        title = QLabel(self.tr("What is hidden, and why"))
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        ev.addWidget(title)
        ev.addWidget(self.explanation, 1)

        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(explain_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.message = plain.label()
        self.message.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(QLabel(self.tr("CSV format")))
        buttons.addWidget(self.dialect)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh_preview)
        for combo in (self.from_month, self.to_month, self.report_lang):
            combo.currentIndexChanged.connect(lambda _i: self._debounce.start())
        self.all_dates.toggled.connect(self._all_toggled)
        self.pdf_button.clicked.connect(lambda: self.start_export("pdf"))
        self.csv_button.clicked.connect(lambda: self.start_export("csv"))
        close.clicked.connect(self.reject)
        self._set_exportable(False)
        self.refresh_preview()

    # --- the period --------------------------------------------------------------

    def _all_toggled(self, on: bool) -> None:
        self.from_month.setEnabled(not on)
        self.to_month.setEnabled(not on)
        self._debounce.start()

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        """The chosen whole months (first day, last day), or (None, None) for all."""
        from coachdesk.reports.cohort_report import month_end

        if self.all_dates.isChecked():
            return None, None
        y1, m1 = map(int, self.from_month.currentData().split("-"))
        y2, m2 = map(int, self.to_month.currentData().split("-"))
        return dt.date(y1, m1, 1), month_end(y2, m2)

    def set_period(self, first: str, last: str) -> None:
        """Months as "YYYY-MM"."""
        self.all_dates.setChecked(False)
        self.from_month.setCurrentIndex(self.from_month.findData(first))
        self.to_month.setCurrentIndex(self.to_month.findData(last))

    # --- work off the GUI thread ---------------------------------------------------

    def _set_exportable(self, on: bool) -> None:
        self.pdf_button.setEnabled(on)
        self.csv_button.setEnabled(on)

    # --- preview -------------------------------------------------------------------

    def refresh_preview(self) -> None:
        self._generation += 1
        generation = self._generation
        start, end = self.period()
        if start and end and start > end:
            self.prepared = None
            self.table.setRowCount(0)
            self.explanation.setText(self.tr("The first month is after the last one."))
            self._set_exportable(False)
            return
        self.explanation.setText(self.tr("Counting…"))
        self._set_exportable(False)
        vault = self.vault

        def work() -> Any:
            from coachdesk.reports.cohort_report import prepare

            return vault.read(prepare, start, end)

        def done(prep: Any) -> None:
            if generation == self._generation:
                self._show(prep)

        def failed(exc: Any) -> None:
            if generation == self._generation:
                self.prepared = None
                self.table.setRowCount(0)
                self.explanation.setText(error_text(exc))

        self.jobs.run(work, done, failed)

    def _show(self, prep: Any) -> None:
        from coachdesk.reports import cohort_report

        self.prepared = prep
        lang = self.report_lang.currentData()
        self.table.setRowCount(0)
        if prep.refusal:
            self.explanation.setText(prep.refusal_text(self.lang))
            self._set_exportable(False)
            return
        bold = QFont(self.table.font())
        bold.setBold(True)
        for title, rows in cohort_report.rows(prep, lang):
            r = self.table.rowCount()
            self.table.insertRow(r)
            item = QTableWidgetItem(title)
            item.setFont(bold)
            self.table.setItem(r, 0, item)
            self.table.setSpan(r, 0, 1, 3)
            for row in rows:
                r = self.table.rowCount()
                self.table.insertRow(r)
                count, value = cohort_report.printed(row, lang)
                self.table.setItem(r, 0, QTableWidgetItem(row.label))
                for col, text in ((1, count), (2, value)):
                    cell = QTableWidgetItem(text)
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    self.table.setItem(r, col, cell)
        self.explanation.setText(self.explain(prep))
        self._set_exportable(True)

    def explain(self, prep: Any) -> str:
        """The suppression in plain words (the coach may see why; the report does not say)."""
        from coachdesk.reports import cohort_report
        from coachdesk.reports import disclosure_control as dc

        labels = {r.key: r.label for _, rows in cohort_report.rows(prep, self.lang) for r in rows}
        labels["before_n"], labels["after_n"] = labels["before"], labels["after"]

        def names(why: str) -> str:
            return ", ".join(labels.get(c, c) for c, w in prep.hidden.items() if w == why)

        parts = []
        small = sum(1 for w in prep.hidden.values() if w == dc.PRIMARY)
        if small:
            parts.append(
                self.tr(
                    "%n number(s) show as «<5» because they are between 1 and "
                    "4: so few people could be recognised.",
                    "",
                    small,
                )
            )
        if names(dc.SECONDARY):
            parts.append(
                self.tr(
                    "Withheld because they could otherwise be worked out from "
                    "the other numbers (for example, the three verdicts add up "
                    "to the number of pairs): %1."
                ).replace("%1", names(dc.SECONDARY))
            )
        if names(dc.DIFFERENCING):
            parts.append(
                self.tr(
                    "Withheld because comparing with a cohort report you have "
                    "already exported would reveal a difference of 1-4 people: "
                    "%1."
                ).replace("%1", names(dc.DIFFERENCING))
            )
        if prep.stats_hidden - {"attendance"} and prep.stats.referred:
            parts.append(
                self.tr("Means and confidence intervals over fewer than 5 people are not shown.")
            )
        if not parts:
            parts.append(self.tr("No number had to be hidden in this report."))
        parts.append(
            self.tr(
                "The report holds no names, CPR numbers or dates. When you "
                "export it, its numbers (never people) are recorded in the "
                "vault, so that a later report cannot be subtracted from it."
            )
        )
        return "\n\n".join(parts)

    # --- export --------------------------------------------------------------------

    def _choose_target(self, suggested: str, fmt: str) -> str | None:
        filt = self.tr("PDF files (*.pdf)") if fmt == "pdf" else self.tr("CSV files (*.csv)")
        # No folder history outside the vault (ui/file_dialogs.py).
        return file_dialogs.save_file(self, self.tr("Export cohort report"), suggested, filt)

    def start_export(self, fmt: str) -> None:
        prep = self.prepared
        if prep is None or prep.refusal:
            return
        target = self.choose_target(f"CoachDesk-effektrapport-{self.today:%Y-%m-%d}.{fmt}", fmt)
        if not target:
            return
        target = file_dialogs.with_suffix(target, f".{fmt}")
        vault, lang, dialect = (
            self.vault,
            self.report_lang.currentData(),
            self.dialect.currentData(),
        )
        start, end, ui_lang = prep.start, prep.end, self.lang

        def work() -> Any:
            from coachdesk.reports.cohort_report import write_cohort_report

            # Decided again inside the export's own transaction: the release log
            # may have changed since the preview.
            vault.write(
                write_cohort_report,
                Path(target),
                start=start,
                end=end,
                lang=lang,
                csv_dialect=dialect,
                message_lang=ui_lang,
            )
            return Path(target)

        self._set_exportable(False)
        self.message.setText(self.tr("Exporting…"))
        self.jobs.run(work, self._export_done, self._export_failed)

    def _export_done(self, path: Path) -> None:
        self.last_path = path
        self.message.setText(
            self.tr("Exported to %1. The release is recorded.").replace("%1", str(path))
        )
        self.refresh_preview()

    def _export_failed(self, exc: Any) -> None:
        self.message.setText(error_text(exc) or self.tr("The export failed."))
        self._set_exportable(self.prepared is not None and not self.prepared.refusal)

    def done(self, result: int) -> None:
        # Let this dialog's running jobs finish before the widgets they report to go away.
        self.jobs.wait()
        self._debounce.stop()
        super().done(result)
