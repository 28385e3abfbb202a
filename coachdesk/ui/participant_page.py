"""One participant: a header (who, which week, consent) and the five tabs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import course, instruments
from coachdesk.errors import BadInput
from coachdesk.store import corrections, drafts, participants, sessions
from coachdesk.ui import labels, plain
from coachdesk.ui.corrections import UndoBar, findings_text, run_undo
from coachdesk.ui.fields import DateField, FieldMessage
from coachdesk.ui.jobplan_editor import JobPlanEditor
from coachdesk.ui.messages import error_text
from coachdesk.ui.outcome_view import OutcomeView
from coachdesk.ui.report_fields_editor import ReportFieldsEditor
from coachdesk.ui.sessions_tab import SessionsTab
from coachdesk.ui.timeline_view import TimelineData, TimelineView

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault


def _big(label: QLabel, factor: float = 1.4) -> QLabel:
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * factor)
    f.setBold(True)
    label.setFont(f)
    return label


class ParticipantPage(QWidget):
    changed = Signal()
    title_changed = Signal(str)

    def __init__(self, vault: Vault, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        # Name, ref and case fields come from imported files: plain text, never markup.
        self.name_label = _big(plain.label())
        self.facts_label = plain.label()
        self.consent_label = plain.label()
        # Imported names may be long (200 characters): wrapped, they cannot push the
        # window wider than the screen.
        for lab in (self.name_label, self.facts_label, self.consent_label):
            lab.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit &details…"))
        self.edit_button.clicked.connect(self.edit_details)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.clicked.connect(self.toggle_archive)
        self.erase_button = QPushButton(self.tr("Erase…"))
        self.erase_button.clicked.connect(self.erase)
        self.handover_button = QPushButton(self.tr("Hand o&ver to another coach…"))
        self.handover_button.clicked.connect(self.hand_over)
        # "The course is in week 7: change the status to Individual phase?" (issue 14)
        self.suggestion = QFrame()
        self.suggestion_label = QLabel()
        self.suggestion_label.setWordWrap(True)
        self.suggestion_button = QPushButton(self.tr("Change status"))
        self.suggestion_button.clicked.connect(self.accept_suggestion)
        sl = QHBoxLayout(self.suggestion)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.suggestion_label, 1)
        sl.addWidget(self.suggestion_button)
        self._suggested: str | None = None
        header = QFrame()
        header.setFrameShape(QFrame.Shape.StyledPanel)
        hl = QHBoxLayout(header)
        who = QVBoxLayout()
        who.addWidget(self.name_label)
        who.addWidget(self.facts_label)
        who.addWidget(self.consent_label)
        who.addWidget(self.suggestion)
        from coachdesk.ui.handover_dialog import HandedOverNote  # issue 17

        self.handover_note = HandedOverNote(vault, participant_id)
        self.handover_note.erase_button.clicked.connect(self.erase)
        who.addWidget(self.handover_note)
        hl.addLayout(who, 1)
        hl.addWidget(self.edit_button)
        hl.addWidget(self.handover_button)
        hl.addWidget(self.archive_button)
        hl.addWidget(self.erase_button)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.overview = self._overview_tab()
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.pss_tab = self._pss_tab()
        self.tabs.addTab(self.pss_tab, self.tr("&PSS-10"))
        self.sessions = SessionsTab(vault, participant_id)
        self.sessions.changed.connect(self._something_changed)
        self.tabs.addTab(self.sessions, self.tr("&Sessions"))
        self.sessions.goal_added.connect(self._goal_added)
        # The job plan and outcome views are built when their tab is first shown (or
        # asked for): they were 60% of opening a participant (28-54 and 14-27 ms here),
        # and most visits never open them. One with a pending draft is built now, so
        # its unsaved content is back in place as the coach left it.
        self._built: dict[str, QWidget] = {}
        self._factories = {
            "jobplan": self._make_jobplan,
            "outcome": self._make_outcome,
            "report": self._make_report_fields,
            "instruments": self._make_instruments,
        }
        self.tabs.addTab(QWidget(), self.tr("&Job plan"))
        self.tabs.addTab(QWidget(), self.tr("Report f&ields"))
        self.tabs.addTab(QWidget(), self.tr("O&utcome && report"))
        self._lazy_index = {
            "jobplan": self.tabs.count() - 3,
            "report": self.tabs.count() - 2,
            "outcome": self.tabs.count() - 1,
        }
        # Every registered questionnaire (WHO-5, CBI, WAS, ...): built when first shown.
        self.tabs.addTab(QWidget(), self.tr("&Questionnaires"))
        self._lazy_index["instruments"] = self.tabs.count() - 1
        self.tabs.currentChanged.connect(self._build_current)

        lay = QVBoxLayout(self)
        lay.addWidget(header)
        lay.addWidget(self.tabs, 1)
        self.reload(audit_read=True)
        pending = vault.read(drafts.draft_keys, participant_id)
        for name, cls in (
            ("jobplan", JobPlanEditor),
            ("outcome", OutcomeView),
            ("report", ReportFieldsEditor),
        ):
            if cls.draft_key_for(participant_id) in pending:
                self._tab(name)

    # --- tabs built on first use -----------------------------------------------------

    @property
    def jobplan(self) -> JobPlanEditor:
        view = self._tab("jobplan")
        assert isinstance(view, JobPlanEditor)
        return view

    @property
    def outcome(self) -> OutcomeView:
        view = self._tab("outcome")
        assert isinstance(view, OutcomeView)
        return view

    def built(self, name: str) -> QWidget | None:
        """The tab ``name`` ("jobplan", "outcome") if it exists yet; never builds it."""
        return self._built.get(name)

    def _tab(self, name: str) -> QWidget:
        view = self._built.get(name)
        if view is None:
            view = self._built[name] = self._factories[name]()
            i = self._lazy_index[name]
            current = self.tabs.currentIndex()
            placeholder, label = self.tabs.widget(i), self.tabs.tabText(i)
            assert placeholder is not None  # i is the index of a tab
            self.tabs.blockSignals(True)  # the swap is no change of tab
            self.tabs.removeTab(i)
            self.tabs.insertTab(i, view, label)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            placeholder.deleteLater()
        return view

    def _build_current(self, index: int) -> None:
        for name, i in self._lazy_index.items():
            if i == index and name not in self._built:
                self._tab(name)
                view = self._built[name]
                self.tabs.setCurrentWidget(view)
                view.setFocus()

    def _make_instruments(self) -> QWidget:
        from coachdesk.ui.instruments_tab import InstrumentsTab

        view = InstrumentsTab(self.vault, self.participant_id)
        view.changed.connect(self._something_changed)
        return view

    def _make_jobplan(self) -> QWidget:
        view = JobPlanEditor(self.vault, self.participant_id)
        view.saved.connect(self._something_changed)
        return view

    def _make_report_fields(self) -> QWidget:
        view = ReportFieldsEditor(self.vault, self.participant_id)
        view.saved.connect(self._something_changed)
        return view

    def _make_outcome(self) -> QWidget:
        view = OutcomeView(self.vault, self.participant_id)
        view.saved.connect(self._something_changed)
        return view

    def _goal_added(self) -> None:
        plan = self._built.get("jobplan")
        if isinstance(plan, JobPlanEditor):  # else it reads the new goal when first shown
            plan.reload()

    # --- tabs -----------------------------------------------------------------------

    def _overview_tab(self) -> QWidget:
        w = QWidget()
        self.timeline = TimelineView()
        self.due_label = plain.label()
        self.due_label.setWordWrap(True)
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.contact_form = QFormLayout()
        due_box = QGroupBox(self.tr("What is due"))
        QVBoxLayout(due_box).addWidget(self.due_label)
        facts_box = QGroupBox(self.tr("Course and caseworker"))
        facts_box.setLayout(self.contact_form)
        legend = QLabel(
            self.tr(
                "◆ PSS-10 done  ◇ final PSS-10 due  ● present  ○ absent  "
                "■ session held  ✕ cancelled or no-show  ⬚ next appointment"
            )
        )
        legend.setWordWrap(True)
        att_box = QGroupBox(self.tr("Group attendance"))
        self.attendance_date = DateField(dt.date.today(), allow_empty=False)
        self.attendance_date.setAccessibleName(self.tr("Group session date"))
        self.present_button = QPushButton(self.tr("P&resent"))
        self.present_button.clicked.connect(lambda: self.mark_attendance(True))
        self.absent_button = QPushButton(self.tr("A&bsent"))
        self.absent_button.clicked.connect(lambda: self.mark_attendance(False))
        self.attendance_label = plain.label()
        self.attendance_label.setWordWrap(True)
        # Every mark, so a wrong one can be seen and put right: select it to re-mark it
        # (its date goes into the field), Delete removes it, Ctrl+Z puts it back.
        self.attendance_list = QListWidget()
        self.attendance_list.setAccessibleName(self.tr("Group attendance marks"))
        self.attendance_list.setMaximumHeight(120)
        self.attendance_list.currentItemChanged.connect(self._mark_selected)
        self.delete_mark_button = QPushButton(self.tr("Delete mark"))
        self.delete_mark_button.setToolTip(
            self.tr("Delete the selected mark (Delete key); Ctrl+Z puts it back")
        )
        self.delete_mark_button.clicked.connect(self.delete_mark)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.attendance_list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_mark)
        self.attendance_message = FieldMessage()
        self._pending_mark: tuple[dt.date, bool] | None = None
        self.attendance_undo = UndoBar(att_box)
        run_undo(self.attendance_undo, self._restore_mark)
        al = QVBoxLayout(att_box)
        arow = QHBoxLayout()
        arow.addWidget(self.attendance_date, 1)
        arow.addWidget(self.present_button, 0, Qt.AlignmentFlag.AlignTop)
        arow.addWidget(self.absent_button, 0, Qt.AlignmentFlag.AlignTop)
        al.addLayout(arow)
        al.addWidget(self.attendance_message)
        al.addWidget(self.attendance_label)
        al.addWidget(self.attendance_list)
        al.addWidget(self.delete_mark_button, 0, Qt.AlignmentFlag.AlignLeft)
        al.addWidget(self.attendance_undo)
        al.addStretch()
        row = QHBoxLayout()
        row.addWidget(due_box, 1)
        row.addWidget(att_box, 1)
        row.addWidget(facts_box, 1)
        lay = QVBoxLayout(w)
        lay.addWidget(self.timeline)
        lay.addWidget(legend)
        lay.addLayout(row)
        lay.addStretch()
        return w

    def _pss_tab(self) -> QWidget:
        from coachdesk.ui.pss10_tab import Pss10Tab

        tab = Pss10Tab(self.vault, self.participant_id)
        tab.changed.connect(self._something_changed)
        return tab

    # --- data -----------------------------------------------------------------------

    def reload(self, audit_read: bool = False) -> None:
        today = dt.date.today()
        # The page's open is audited (a read of the person): that read is committed.
        load = self.vault.write if audit_read else self.vault.read
        page = load(participants.page, self.participant_id, today, audit_read=audit_read)
        name, ref, week, archived = page.name, page.ref, page.week, page.archived
        status = labels.statuses().get(page.status, page.status)
        suggested, due, measures = page.suggested, page.due, page.measures
        withdrawn, given = page.consent_withdrawn_on, page.consent_given_on
        attended, marked, waiting = page.attended, page.marked, page.waiting
        data = TimelineData(
            start=page.course_start,
            today=today,
            assessments=page.assessments,
            attendance=page.attendance,
            sessions=page.sessions,
            planned=page.planned,
        )
        facts = [
            (self.tr("Course start"), labels.date_text(page.course_start)),
            (
                self.tr("Course end"),
                labels.date_text(course.course_end(page.course_start)) if page.course_start else "",
            ),
            (self.tr("Caseworker"), page.caseworker_name or ""),
            (self.tr("Municipality"), page.caseworker_municipality or ""),
            (self.tr("Case reference"), page.case_ref or ""),
        ]
        self.name_label.setText(name)
        self.facts_label.setText(
            " · ".join(
                x
                for x in (
                    ref,
                    labels.week_text(week, page.status),
                    status,
                    self.tr("archived") if archived else "",
                )
                if x
            )
        )
        if withdrawn is not None:
            self.consent_label.setText(
                "⚠ "
                + self.tr("Consent WITHDRAWN on %1: do not report to the municipality.").replace(
                    "%1", labels.date_text(withdrawn)
                )
            )
            f = self.consent_label.font()
            f.setBold(True)
            self.consent_label.setFont(f)
        elif given is not None:
            self.consent_label.setText(
                self.tr("Consent given on %1.").replace("%1", labels.date_text(given))
            )
        else:
            self.consent_label.setText(self.tr("No consent recorded."))
        self.archive_button.setText(self.tr("Unarchive") if archived else self.tr("Archive"))
        self._suggested = suggested
        self.suggestion.setVisible(suggested is not None)
        if suggested == "completed":
            self.suggestion_label.setText(
                self.tr(
                    "The final PSS-10 and the outcome are recorded: mark the course as completed?"
                )
            )
        elif suggested is not None:
            self.suggestion_label.setText(
                self.tr("The course is in week %1: change the status to %2?")
                .replace("%1", str(week))
                .replace("%2", labels.statuses().get(suggested, suggested))
            )
        self.timeline.set_data(data)
        points = {
            "screening": self.tr("screening"),
            "mid": self.tr("week 4"),
            "final": self.tr("week 12"),
            "followup": self.tr("follow-up"),
        }
        lines = ["• " + labels.due_text(d) for d in due]
        lines += [
            "• "
            + (self.tr("%1 (%2) overdue") if m.overdue else self.tr("%1 (%2) due"))
            .replace("%1", instruments.get(m.instrument).short)
            .replace("%2", points[m.point])
            for m in measures
        ]
        self.due_label.setText("\n".join(lines) or self.tr("Nothing is due."))
        self.attendance_label.setText(
            self.tr("Present at %1 of %2 marked group sessions.")
            .replace("%1", str(attended))
            .replace("%2", str(marked))
            + (
                " " + self.tr("%n mark(s) not counted: confirm or correct them.", "", waiting)
                if waiting
                else ""
            )
        )
        self._fill_marks(page.marks)
        while self.contact_form.rowCount():
            self.contact_form.removeRow(0)
        for k, v in facts:
            value = plain.label(v or "–")
            value.setWordWrap(True)
            self.contact_form.addRow(k + ":", value)
        self.title_changed.emit(name)

    def _something_changed(self) -> None:
        self.reload()
        self.changed.emit()

    def _fill_marks(self, marks: list[tuple[dt.date, str, bool]]) -> None:
        current = self.attendance_list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.attendance_list.blockSignals(True)
        self.attendance_list.clear()
        words = {
            "present": self.tr("present"),
            "absent": self.tr("absent"),
            "excused": self.tr("notice of absence"),
        }  # (afbud, from the roster)
        for day, mark, counted in sorted(marks, reverse=True):
            state = words[mark]
            text = f"{labels.date_text(day)} – {state}"
            if not counted:
                text += " ⚠ " + self.tr("not counted")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.attendance_list.addItem(item)
            if day.isoformat() == keep:
                self.attendance_list.setCurrentItem(item)
        self.attendance_list.blockSignals(False)
        self.delete_mark_button.setEnabled(bool(marks))

    def _mark_selected(self, item: QListWidgetItem | None, *_a: Any) -> None:
        if item is not None:
            self.attendance_date.set_value(
                dt.date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))
            )

    def mark_attendance(self, present: bool) -> None:
        if not self.attendance_date.check():
            self.attendance_message.show_message(self.attendance_date.error())
            self.attendance_date.setFocus()
            return
        day = self.attendance_date.value()
        if day is None:
            return
        # The same mark pressed again after a warning is the coach's confirmation.
        confirmed = self._pending_mark == (day, present)
        try:
            self.vault.write(
                sessions.set_attendance, self.participant_id, day, present, confirmed=confirmed
            )
        except sessions.Implausible as exc:
            self._pending_mark = (day, present) if exc.needs_confirmation else None
            self.attendance_message.show_message(findings_text(exc.findings))
            return
        self._pending_mark = None
        self.attendance_message.show_message(None)
        self._something_changed()

    def delete_mark(self) -> None:
        item = self.attendance_list.currentItem()
        if item is None:
            return
        day = dt.date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))
        snap = self.vault.write(corrections.delete_attendance, self.participant_id, day)
        self.attendance_undo.offer(
            snap, self.tr("The mark of %1 was deleted.").replace("%1", labels.date_text(day))
        )
        self._something_changed()
        self.attendance_list.setFocus()

    def _restore_mark(self, snap: corrections.Snapshot) -> str | None:
        try:
            self.vault.write(corrections.restore, snap)
        except BadInput as exc:
            if exc.code == "corrections.day_marked_again":
                return self.tr(
                    "That day has been marked again since, so the deleted mark was not put back."
                )
            return error_text(exc)
        self._something_changed()
        return None

    def accept_suggestion(self) -> None:
        if self._suggested is None:
            return
        self.vault.write(
            participants.update_participant, self.participant_id, {"status": self._suggested}
        )
        outcome = self._built.get("outcome")
        if isinstance(outcome, OutcomeView):
            outcome.reload()
        self._something_changed()

    def edit_details(self) -> None:
        from coachdesk.ui.participant_dialog import ParticipantDialog

        if ParticipantDialog(self.vault, self.participant_id, self).exec():
            outcome = self._built.get("outcome")
            if isinstance(outcome, OutcomeView):
                outcome.reload()
            self._something_changed()

    def toggle_archive(self) -> None:
        self.vault.write(participants.toggle_archived, self.participant_id)
        self._something_changed()

    def hand_over(self) -> None:
        """Issue 17: the dialog writes the file; archiving is offered there."""
        from coachdesk.ui.handover_dialog import HandoverDialog

        self.handover_dialog = HandoverDialog(self.vault, self.participant_id, self)
        self.handover_dialog.exec()
        self.handover_note.reload()
        if self.handover_dialog.archived:
            self._something_changed()

    def erase(self) -> None:
        from coachdesk.ui.erase_dialog import EraseDialog

        # The session editor must not autosave a draft for someone being erased.
        self.sessions.close_editor()
        if EraseDialog(self.vault, self.participant_id, self).exec():
            self.erased = True
            self.changed.emit()

    # --- leaving --------------------------------------------------------------------

    def confirm_close(self) -> bool:
        if not self.sessions.confirm_close():
            return False
        for key, name in (
            ("jobplan", self.tr("job plan")),
            ("outcome", self.tr("outcome")),
            ("report", self.tr("report fields")),
        ):
            view = self._built.get(key)  # a tab never shown has nothing unsaved
            if (
                isinstance(view, JobPlanEditor | OutcomeView | ReportFieldsEditor)
                and view.is_dirty()
            ):
                answer = QMessageBox.question(
                    self,
                    self.tr("Unsaved changes"),
                    self.tr("The %1 has unsaved changes. Save them?").replace("%1", name),
                    QMessageBox.StandardButton.Save
                    | QMessageBox.StandardButton.Discard
                    | QMessageBox.StandardButton.Cancel,
                )
                if answer == QMessageBox.StandardButton.Cancel:
                    return False
                if answer == QMessageBox.StandardButton.Save and not view.save():
                    return False
                if answer == QMessageBox.StandardButton.Discard:
                    view.discard_changes()
        return True

    def keep_drafts(self) -> None:
        """Before a lock or quit: every unsaved edit goes into an encrypted draft."""
        self.sessions.keep_drafts()
        for view in self._built.values():
            if isinstance(view, JobPlanEditor | OutcomeView | ReportFieldsEditor):
                view.keep_draft()
