"""The audit log viewer: every event, filterable by action and by participant.

Read-only. Subjects are uids in the log; the view shows the person's name and ref
beside them while the person exists, and "erased participant" once they do not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.store import audit
from coachdesk.ui import plain

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

_Index = QModelIndex | QPersistentModelIndex
SUBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
ACTION_ROLE = Qt.ItemDataRole.UserRole + 2


def action_label(action: str) -> str:
    labels = {
        "vault_created": QCoreApplication.translate("AuditView", "Vault created"),
        "unlock": QCoreApplication.translate("AuditView", "Unlocked"),
        "unlock_failed": QCoreApplication.translate("AuditView", "Failed unlock"),
        "lock": QCoreApplication.translate("AuditView", "Locked"),
        "passphrase_changed": QCoreApplication.translate("AuditView", "Passphrase changed"),
        "participant_created": QCoreApplication.translate("AuditView", "Participant created"),
        "participant_changed": QCoreApplication.translate("AuditView", "Participant changed"),
        "participant_read": QCoreApplication.translate("AuditView", "Participant opened"),
        "participant_erased": QCoreApplication.translate("AuditView", "Participant erased"),
        "assessment_saved": QCoreApplication.translate("AuditView", "PSS-10 saved"),
        "assessment_changed": QCoreApplication.translate("AuditView", "PSS-10 changed"),
        "assessment_deleted": QCoreApplication.translate("AuditView", "PSS-10 deleted"),
        "session_saved": QCoreApplication.translate("AuditView", "Session saved"),
        "session_changed": QCoreApplication.translate("AuditView", "Session changed"),
        "session_deleted": QCoreApplication.translate("AuditView", "Session deleted"),
        "job_plan_saved": QCoreApplication.translate("AuditView", "Job plan saved"),
        "attendance_saved": QCoreApplication.translate("AuditView", "Attendance saved"),
        "attendance_deleted": QCoreApplication.translate("AuditView", "Attendance mark deleted"),
        "session_restored": QCoreApplication.translate("AuditView", "Session restored (undo)"),
        "assessment_restored": QCoreApplication.translate("AuditView", "PSS-10 restored (undo)"),
        "attendance_restored": QCoreApplication.translate(
            "AuditView", "Attendance mark restored (undo)"
        ),
        "import": QCoreApplication.translate("AuditView", "Import"),
        "export": QCoreApplication.translate("AuditView", "Export"),
        "report": QCoreApplication.translate("AuditView", "Report"),
        "cohort_report": QCoreApplication.translate("AuditView", "Cohort report"),
        "calendar_export": QCoreApplication.translate("AuditView", "Calendar exported"),
        "group_session_saved": QCoreApplication.translate("AuditView", "Group session planned"),
        "group_session_deleted": QCoreApplication.translate("AuditView", "Group session removed"),
        "backup": QCoreApplication.translate("AuditView", "Backup"),
        "restore": QCoreApplication.translate("AuditView", "Restore"),
        "search": QCoreApplication.translate("AuditView", "Search"),
        "settings_changed": QCoreApplication.translate("AuditView", "Settings changed"),
        "disclosure": QCoreApplication.translate("AuditView", "Disclosure recorded"),
        "audit_upgraded": QCoreApplication.translate("AuditView", "Audit log keyed"),
        "recovery_code_rotated": QCoreApplication.translate("AuditView", "New recovery code"),
        "kdf_upgraded": QCoreApplication.translate("AuditView", "Key derivation strengthened"),
        "failed_unlocks_log_altered": QCoreApplication.translate(
            "AuditView", "Failed-unlock log altered"
        ),
    }
    return labels.get(action, action)


def _detail_text(detail: Any) -> str:
    # Details hold field names and counts only (audit.py), safe to show as they are.
    if detail is None:
        return ""
    if isinstance(detail, dict):
        parts = []
        for k, v in detail.items():
            if isinstance(v, list):
                v = ", ".join(str(x) for x in v)
            elif isinstance(v, dict):
                v = ", ".join(f"{a}={b}" for a, b in v.items())
            elif isinstance(v, str) and len(v) == 64:
                v = v[:12] + "…"  # hashes: enough to compare with a file's SHA-256
            parts.append(f"{k}: {v}")
        return "; ".join(parts)
    return str(detail)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    action: str
    subject: str | None
    who: str
    detail: str
    redacted: bool


def load_rows(entries: list[audit.LogEntry]) -> list[AuditRow]:
    """Every event, newest first, with the person's "name (ref)" beside their uid."""
    erased = QCoreApplication.translate("AuditView", "erased participant")
    rows = []
    for ev in entries:
        if ev.redacted or ev.action == "participant_erased":
            who = erased
        elif ev.subject is None:
            who = ""
        elif ev.person is None:
            who = erased
        else:
            who = f"{ev.person[0]} ({ev.person[1]})"
        rows.append(
            AuditRow(
                ev.id,
                ev.at,
                ev.action,
                ev.subject,
                who,
                _detail_text(ev.detail),
                ev.redacted,
            )
        )
    return rows


class AuditModel(QAbstractTableModel):
    COLUMNS = ("time", "action", "participant", "detail")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Time (UTC)"),
                self.tr("Action"),
                self.tr("Participant"),
                self.tr("Details"),
            )[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return QLocale().toString(QDateTime(r.at), QLocale.FormatType.ShortFormat)
            if col == 1:
                return action_label(r.action)
            if col == 2:
                return r.who
            return self.tr("(redacted after erasure)") if r.redacted else r.detail
        if role == Qt.ItemDataRole.EditRole and col == 0:
            return r.id  # the position in the chain
        if role == SUBJECT_ROLE:
            return r.subject
        if role == ACTION_ROLE:
            return r.action
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return plain.tooltip(r.detail)
        return None


class AuditFilter(QSortFilterProxyModel):
    """Filter by action (exact key) and by participant (uid); None = any."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action: str | None = None
        self.subject: str | None = None

    def _refilter(self, change: Any) -> None:
        # Qt 6.10 replaced invalidateFilter() by begin/endFilterChange().
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def set_action(self, action: str | None) -> None:
        self._refilter(lambda: setattr(self, "action", action or None))

    def set_subject(self, subject: str | None) -> None:
        self._refilter(lambda: setattr(self, "subject", subject or None))

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        model = self.sourceModel()
        idx = model.index(row, 0, parent)
        if self.action and model.data(idx, ACTION_ROLE) != self.action:
            return False
        return not (self.subject and model.data(idx, SUBJECT_ROLE) != self.subject)


class AuditView(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(900, 560)
        self.model = AuditModel(self)
        self.proxy = AuditFilter(self)
        self.proxy.setSourceModel(self.model)

        self.action_combo = QComboBox()
        self.action_combo.setAccessibleName(self.tr("Filter by action"))
        self.participant_combo = QComboBox()
        self.participant_combo.setAccessibleName(self.tr("Filter by participant"))
        self.participant_combo.setMinimumContentsLength(24)
        self.action_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_action(self.action_combo.currentData())
        )
        self.participant_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_subject(self.participant_combo.currentData())
        )
        filters = QHBoxLayout()
        a_label = QLabel(self.tr("&Action:"))
        a_label.setBuddy(self.action_combo)
        p_label = QLabel(self.tr("&Participant:"))
        p_label.setBuddy(self.participant_combo)
        filters.addWidget(a_label)
        filters.addWidget(self.action_combo)
        filters.addSpacing(12)
        filters.addWidget(p_label)
        filters.addWidget(self.participant_combo, 1)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        # The log is shown in chain order, newest first, as loaded: no proxy sorting
        # (it would cost seconds on a large log and adds nothing to a chronicle).
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Widths from samples, not ResizeToContents: that measures every row (slow with
        # tens of thousands of events).
        fm = self.table.fontMetrics()
        sample_time = QLocale().toString(
            QDateTime(dt.datetime(2026, 12, 28, 23, 59)), QLocale.FormatType.ShortFormat
        )
        longest_action = max((action_label(a) for a in audit.ACTIONS), key=len)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, fm.horizontalAdvance(sample_time) + 24)
        header.resizeSection(1, fm.horizontalAdvance(longest_action) + 24)
        header.resizeSection(2, 300)
        header.setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Audit events"))

        self.chain_label = plain.label()
        self.chain_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.chain_label)
        lay.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        rows = load_rows(self.vault.read(audit.log_entries))
        problems = self.vault.read(audit.verify)
        self.model.set_rows(rows)
        self._fill_filters(rows)
        if problems:
            self.chain_label.setText(
                self.tr(
                    "The audit chain is BROKEN: {first}. Run "
                    "'coachdesk check' and restore a backup."
                ).format(first=problems[0])
            )
        else:
            self.chain_label.setText(
                self.tr("The audit chain is intact (%n event(s)).", "", len(rows))
            )

    def _fill_filters(self, rows: list[AuditRow]) -> None:
        for combo in (self.action_combo, self.participant_combo):
            combo.blockSignals(True)
            combo.clear()
        self.action_combo.addItem(self.tr("All actions"), None)
        for action in sorted({r.action for r in rows}, key=action_label):
            self.action_combo.addItem(action_label(action), action)
        self.participant_combo.addItem(self.tr("All participants"), None)
        people = sorted(
            {
                (r.who, r.subject)
                for r in rows
                if r.subject and not r.redacted and r.action != "participant_erased"
            }
        )
        for who, uid in people:
            self.participant_combo.addItem(who, uid)
        for combo in (self.action_combo, self.participant_combo):
            combo.blockSignals(False)
        self.proxy.set_action(None)
        self.proxy.set_subject(None)
