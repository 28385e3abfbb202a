"""One participant: a header (who, which week, consent) and the five tabs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import course
from coachdesk.store import caseload
from coachdesk.ui import labels, plain
from coachdesk.ui.fields import DateField
from coachdesk.ui.jobplan_editor import JobPlanEditor
from coachdesk.ui.outcome_view import OutcomeView
from coachdesk.ui.sessions_tab import SessionsTab
from coachdesk.ui.timeline_view import TimelineData, TimelineView


def _big(label: QLabel, factor: float = 1.4) -> QLabel:
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * factor)
    f.setBold(True)
    label.setFont(f)
    return label


class ParticipantPage(QWidget):
    changed = Signal()
    title_changed = Signal(str)

    def __init__(self, vault: Any, participant_id: int, parent: QWidget | None = None) -> None:
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
        self.edit_button = QPushButton(self.tr("&Edit details…"))
        self.edit_button.clicked.connect(self.edit_details)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.clicked.connect(self.toggle_archive)
        self.erase_button = QPushButton(self.tr("Erase…"))
        self.erase_button.clicked.connect(self.erase)
        header = QFrame()
        header.setFrameShape(QFrame.Shape.StyledPanel)
        hl = QHBoxLayout(header)
        who = QVBoxLayout()
        who.addWidget(self.name_label)
        who.addWidget(self.facts_label)
        who.addWidget(self.consent_label)
        hl.addLayout(who, 1)
        hl.addWidget(self.edit_button)
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
        self._factories = {"jobplan": self._make_jobplan, "outcome": self._make_outcome}
        self.tabs.addTab(QWidget(), self.tr("&Job plan"))
        self.tabs.addTab(QWidget(), self.tr("O&utcome && report"))
        self._lazy_index = {"jobplan": self.tabs.count() - 2, "outcome": self.tabs.count() - 1}
        self.tabs.currentChanged.connect(self._build_current)

        lay = QVBoxLayout(self)
        lay.addWidget(header)
        lay.addWidget(self.tabs, 1)
        self.reload(audit_read=True)
        with vault.session() as s:
            pending = caseload.draft_keys(s, participant_id)
        for name, cls in (("jobplan", JobPlanEditor), ("outcome", OutcomeView)):
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

    def _make_jobplan(self) -> QWidget:
        view = JobPlanEditor(self.vault, self.participant_id)
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
        legend = QLabel(self.tr("◆ PSS-10 done  ◇ final PSS-10 due  ● present  ○ absent  "
                                "■ session held  ✕ cancelled or no-show  ⬚ next appointment"))
        legend.setWordWrap(True)
        att_box = QGroupBox(self.tr("Group attendance"))
        self.attendance_date = DateField(dt.date.today())
        self.attendance_date.setAccessibleName(self.tr("Group session date"))
        present = QPushButton(self.tr("P&resent"))
        present.clicked.connect(lambda: self.mark_attendance(True))
        absent = QPushButton(self.tr("A&bsent"))
        absent.clicked.connect(lambda: self.mark_attendance(False))
        self.attendance_label = plain.label()
        self.attendance_label.setWordWrap(True)
        al = QVBoxLayout(att_box)
        arow = QHBoxLayout()
        arow.addWidget(self.attendance_date, 1)
        arow.addWidget(present)
        arow.addWidget(absent)
        al.addLayout(arow)
        al.addWidget(self.attendance_label)
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
        try:
            from coachdesk.ui.pss10_tab import Pss10Tab
        except ImportError:
            label = QLabel(self.tr("The PSS-10 questionnaire is not available in this build."))
            label.setWordWrap(True)
            return label
        tab = Pss10Tab(self.vault, self.participant_id)
        tab.changed.connect(self._something_changed)
        return tab

    # --- data -----------------------------------------------------------------------

    def reload(self, audit_read: bool = False) -> None:
        today = dt.date.today()
        with self.vault.session() as s:
            p = caseload.get_participant(s, self.participant_id, audit_read=audit_read)
            if audit_read:
                s.commit()
            name, ref = p.name, p.ref
            week = course.course_week(p.course_start, today)
            status = labels.statuses().get(p.status, p.status)
            held = sum(1 for x in p.sessions if x.status == "held")
            due = course.due_items(
                status=p.status, start=p.course_start, today=today,
                has_screening=any(a.kind == "screening" for a in p.assessments),
                has_final=any(a.kind == "final" for a in p.assessments),
                sessions_held=held, has_outcome=p.outcome_status is not None)
            data = TimelineData(
                start=p.course_start, today=today,
                assessments=[(a.kind, a.date) for a in p.assessments],
                attendance=[(g.date, g.present) for g in p.attendance],
                sessions=[(x.date, x.status) for x in p.sessions],
                planned=[x.next_appointment.date() for x in p.sessions[-1:]
                         if x.next_appointment and x.next_appointment.date() >= today])
            attended = sum(1 for g in p.attendance if g.present)
            marked = len(p.attendance)
            withdrawn, given = p.consent_withdrawn_on, p.consent_given_on
            archived = p.archived
            facts = [
                (self.tr("Course start"), labels.date_text(p.course_start)),
                (self.tr("Course end"), labels.date_text(course.course_end(p.course_start))
                 if p.course_start else ""),
                (self.tr("Caseworker"), p.caseworker_name or ""),
                (self.tr("Municipality"), p.caseworker_municipality or ""),
                (self.tr("Case reference"), p.case_ref or ""),
            ]
        self.name_label.setText(name)
        self.facts_label.setText(" · ".join(x for x in (
            ref, labels.week_text(week), status,
            self.tr("archived") if archived else "") if x))
        if withdrawn is not None:
            self.consent_label.setText("⚠ " + self.tr(
                "Consent WITHDRAWN on %1: do not report to the municipality.").replace(
                "%1", labels.date_text(withdrawn)))
            f = self.consent_label.font()
            f.setBold(True)
            self.consent_label.setFont(f)
        elif given is not None:
            self.consent_label.setText(self.tr("Consent given on %1.").replace(
                "%1", labels.date_text(given)))
        else:
            self.consent_label.setText(self.tr("No consent recorded."))
        self.archive_button.setText(self.tr("Unarchive") if archived else self.tr("Archive"))
        self.timeline.set_data(data)
        self.due_label.setText("\n".join("• " + labels.due_text(d) for d in due)
                               or self.tr("Nothing is due."))
        self.attendance_label.setText(self.tr("Present at %1 of %2 marked group sessions.")
                                      .replace("%1", str(attended)).replace("%2", str(marked)))
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

    def mark_attendance(self, present: bool) -> None:
        day = self.attendance_date.value()
        if day is None:
            return
        with self.vault.session() as s:
            caseload.set_attendance(s, self.participant_id, day, present)
            s.commit()
        self._something_changed()

    def edit_details(self) -> None:
        from coachdesk.ui.participant_dialog import ParticipantDialog

        if ParticipantDialog(self.vault, self.participant_id, self).exec():
            outcome = self._built.get("outcome")
            if isinstance(outcome, OutcomeView):
                outcome.reload()
            self._something_changed()

    def toggle_archive(self) -> None:
        with self.vault.session() as s:
            p = caseload.get_participant(s, self.participant_id)
            caseload.set_archived(s, self.participant_id, not p.archived)
            s.commit()
        self._something_changed()

    def erase(self) -> None:
        try:
            from coachdesk.ui.erase_dialog import EraseDialog
        except ImportError:
            plain.information(self, self.tr("Erase"),
                              self.tr("Erasure is not available in this build."))
            return
        # The session editor must not autosave a draft for someone being erased.
        self.sessions.close_editor()
        if EraseDialog(self.vault, self.participant_id, self).exec():
            self.erased = True
            self.changed.emit()

    # --- leaving --------------------------------------------------------------------

    def confirm_close(self) -> bool:
        if not self.sessions.confirm_close():
            return False
        for key, name in (("jobplan", self.tr("job plan")), ("outcome", self.tr("outcome"))):
            view = self._built.get(key)  # a tab never shown has nothing unsaved
            if isinstance(view, JobPlanEditor | OutcomeView) and view.is_dirty():
                answer = QMessageBox.question(
                    self, self.tr("Unsaved changes"),
                    self.tr("The %1 has unsaved changes. Save them?").replace("%1", name),
                    QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                    | QMessageBox.StandardButton.Cancel)
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
            if isinstance(view, JobPlanEditor | OutcomeView):
                view.keep_draft()

    def open_session_editor(self) -> Any:
        return self.sessions.editor
