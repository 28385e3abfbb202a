"""Two versions of the job plan compared: what was added, removed and changed.

Read-only: the versions are history. The lines come from core/jobplan_diff.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import jobplan_diff, records
from coachdesk.core.jobplan_diff import ADDED, REMOVED, Change
from coachdesk.ui import labels


class JobPlanDiffDialog(QDialog):
    def __init__(
        self,
        versions: list[dict[str, Any]],
        *,
        newer: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare job plan versions"))
        self._versions = {v["version"]: v for v in versions}
        numbers = sorted(self._versions)
        self.older = QComboBox()
        self.newer = QComboBox()
        for combo in (self.older, self.newer):
            for n in numbers:
                when = labels.date_text(records.opt_date(self._versions[n].get("updated_on")))
                combo.addItem(
                    self.tr("Version %1 of %2").replace("%1", str(n)).replace("%2", when), n
                )
        new = newer if newer in self._versions else numbers[-1]
        if new == numbers[0]:
            new = numbers[1]
        old = max(n for n in numbers if n < new)
        self.newer.setCurrentIndex(numbers.index(new))
        self.older.setCurrentIndex(numbers.index(old))
        self.older.setAccessibleName(self.tr("Older version"))
        self.newer.setAccessibleName(self.tr("Newer version"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Changes"))
        self.list.setWordWrap(True)
        self.summary = QLabel()
        row = QHBoxLayout()
        lo = QLabel(self.tr("&From:"))
        lo.setBuddy(self.older)
        ln = QLabel(self.tr("&To:"))
        ln.setBuddy(self.newer)
        row.addWidget(lo)
        row.addWidget(self.older, 1)
        row.addWidget(ln)
        row.addWidget(self.newer, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.summary)
        lay.addWidget(self.list, 1)
        lay.addWidget(buttons)
        self.older.currentIndexChanged.connect(self.refresh)
        self.newer.currentIndexChanged.connect(self.refresh)
        self.resize(760, 520)
        self.refresh()

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def refresh(self) -> None:
        a = self._versions[self.older.currentData()]
        b = self._versions[self.newer.currentData()]
        changes = jobplan_diff.diff(a, b)
        self.list.clear()
        for c in changes:
            item = QListWidgetItem(self._line(c))
            item.setData(Qt.ItemDataRole.UserRole, c.kind)
            self.list.addItem(item)
        self.summary.setText(
            self.tr("%n change(s).", "", len(changes))
            if changes
            else self.tr("The two versions are the same.")
        )

    # --- wording -------------------------------------------------------------------

    def _section(self, section: str) -> str:
        return {
            "values": self.tr("Value"),
            "direction": self.tr("Direction"),
            "goals": self.tr("Goal"),
            "accommodations": self.tr("Accommodation need"),
            "hours_now": self.tr("Hours per week now"),
            "hours_target": self.tr("Target hours per week"),
            "hours_steps": self.tr("Step"),
        }[section]

    def _item(self, section: str, x: Any) -> str:
        if x is None:
            return "–"
        if section == "goals":
            parts = [x.get("text") or ""]
            if x.get("due"):
                parts.append(
                    self.tr("due %1").replace("%1", labels.date_text(records.opt_date(x["due"])))
                )
            parts.append(labels.goal_statuses().get(x.get("status") or "open", ""))
            return ", ".join(p for p in parts if p)
        if section == "accommodations":
            cat = labels.accommodation_categories().get(x.get("category"), "")
            text = f"{cat}: {x.get('description') or ''}"
            if x.get("until"):
                text += ", " + self.tr("until %1").replace(
                    "%1", labels.date_text(records.opt_date(x["until"]))
                )
            return text
        if section == "hours_steps":
            return (
                self.tr("from %1: %2 hours")
                .replace("%1", labels.date_text(records.opt_date(x.get("from"))))
                .replace("%2", f"{x.get('hours'):g}" if x.get("hours") is not None else "–")
            )
        if isinstance(x, float):
            return f"{x:g}"
        return str(x)

    def _line(self, c: Change) -> str:
        name = self._section(c.section)
        if c.kind == ADDED:
            return "+ " + self.tr("%1 added: %2").replace("%1", name).replace(
                "%2", self._item(c.section, c.new)
            )
        if c.kind == REMOVED:
            return "− " + self.tr("%1 removed: %2").replace("%1", name).replace(
                "%2", self._item(c.section, c.old)
            )
        return "~ " + self.tr("%1 changed: %2 → %3").replace("%1", name).replace(
            "%2", self._item(c.section, c.old)
        ).replace("%3", self._item(c.section, c.new))
