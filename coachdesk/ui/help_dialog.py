"""F1: a short help text (how the app is used; no network, no external pages)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CoachDesk help"))
        text = QTextBrowser()
        text.setOpenExternalLinks(False)
        text.setOpenLinks(False)
        text.setHtml(
            self.tr(
                "<h2>CoachDesk</h2>"
                "<p>Your caseload for the 12-week course, encrypted on this computer.</p>"
                "<h3>Keyboard</h3><table>"
                "<tr><td><b>Ctrl+N</b></td><td>New participant</td></tr>"
                "<tr><td><b>Ctrl+F</b></td><td>Search the caseload by name or ref</td></tr>"
                "<tr><td><b>Enter</b></td><td>Open the selected participant</td></tr>"
                "<tr><td><b>Ctrl+S</b></td><td>Save the session, job plan or outcome</td></tr>"
                "<tr><td><b>Ctrl+L</b></td><td>Lock CoachDesk now</td></tr>"
                "<tr><td><b>Alt+letter</b></td><td>Jump to the field or tab with that "
                "underlined letter</td></tr>"
                "<tr><td><b>F1</b></td><td>This help</td></tr></table>"
                "<h3>Safety</h3><p>CoachDesk locks itself after a few idle minutes (Settings). "
                "Text you were typing is kept as an encrypted draft and offered back when you "
                "open the session again. CoachDesk never connects to the internet.</p>"
                "<h3>The course</h3><p>Week 1: screening PSS-10 and intake. Weeks 1-4: group "
                "phase. Weeks 5-12: up to 8 individual conversations. Week 12: final PSS-10, "
                "outcome and the report to the municipality.</p>"
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(buttons)
        self.resize(560, 520)
