"""The session log editor: one conversation, autosaved as an encrypted draft every 3 s.

A draft is keyed by participant and session (``session:<pid>:<sid|new>``); opening the
editor again offers it back (after a crash or a lock). Saving removes the draft.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import course, plausibility, records, session_templates
from coachdesk.errors import BadInput, FieldError
from coachdesk.store import drafts, jobplans, sessions
from coachdesk.ui import labels, plain
from coachdesk.ui.corrections import findings_text
from coachdesk.ui.date_field import first_invalid
from coachdesk.ui.fields import DateField, FieldMessage
from coachdesk.ui.messages import error_text, field_error, field_text

if TYPE_CHECKING:
    from coachdesk.store.vault import Vault

AUTOSAVE_MS = 3000


def draft_key(participant_id: int, session_id: int | None) -> str:
    return f"session:{participant_id}:{session_id if session_id is not None else 'new'}"


class SessionEditor(QWidget):
    saved = Signal()
    goal_added = Signal()

    # What the close question returns.
    SAVE, KEEP_DRAFT, DISCARD, CANCEL = range(4)

    def __init__(
        self,
        vault: Vault,
        participant_id: int,
        session_id: int | None = None,
        parent: QWidget | None = None,
        *,
        restore_draft: bool = False,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.participant_id = participant_id
        self.session_id = session_id
        self.draft = drafts.Slot(vault, participant_id, draft_key(participant_id, session_id))
        self._dirty = False
        self._draft_dirty = False
        self._loading = True
        self._course_start: dt.date | None = None
        self._confirmed = False
        self._build()
        self._load()
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setInterval(autosave_ms)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self._offer_draft(restore_draft)

    # --- layout ---------------------------------------------------------------------

    def _build(self) -> None:
        self.draft_bar = QFrame()
        self.draft_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.draft_label = plain.label()
        self.draft_label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore draft"))
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_draft_button = QPushButton(self.tr("Discard draft"))
        self.discard_draft_button.clicked.connect(self.discard_draft)
        bl = QHBoxLayout(self.draft_bar)
        bl.addWidget(self.draft_label, 1)
        bl.addWidget(self.restore_button)
        bl.addWidget(self.discard_draft_button)
        self.draft_bar.hide()

        self.date = DateField(dt.date.today(), allow_empty=False)
        self.date.dateChanged.connect(self._date_changed)
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        self.start.setTime(QTime(10, 0))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 1440)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.mode = QComboBox()
        for k, v in labels.session_modes().items():
            self.mode.addItem(v, k)
        self.status = QComboBox()
        for k, v in labels.session_statuses().items():
            self.status.addItem(v, k)
        self.week = QSpinBox()
        self.week.setRange(0, 104)
        self.week.setSpecialValueText("–")
        # "Samtale 3 af 8", and for a new session the template it starts from.
        self.number_label = QLabel()
        self.number_label.setAccessibleName(self.tr("Conversation number"))
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Template"))
        self.template.addItem(self.tr("No template"), None)
        for key, name in self._template_names().items():
            self.template.addItem(name, key)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self._held_dates: list[dt.date] = []
        self._applied_prompts = ""

        top = QGridLayout()
        pairs = [
            (self.tr("&Date"), self.date),
            (self.tr("S&tart"), self.start),
            (self.tr("D&uration"), self.minutes),
            (self.tr("&Mode"), self.mode),
            (self.tr("Stat&us"), self.status),
            (self.tr("Course &week"), self.week),
        ]
        for i, (text, w) in enumerate(pairs):
            lab = QLabel(text)
            lab.setBuddy(w)
            w.setAccessibleName(text.replace("&", ""))
            top.addWidget(lab, (i // 3) * 2, i % 3)
            top.addWidget(w, (i // 3) * 2 + 1, i % 3)

        tpl_row = QHBoxLayout()
        tpl_label = QLabel(self.tr("Temp&late:"))
        tpl_label.setBuddy(self.template)
        tpl_row.addWidget(self.number_label)
        tpl_row.addStretch(1)
        tpl_row.addWidget(tpl_label)
        tpl_row.addWidget(self.template)
        self.template_label = tpl_label

        themes_box = QGroupBox(self.tr("Themes (course elements)"))
        tl = QGridLayout(themes_box)
        self.theme_boxes: dict[str, QCheckBox] = {}
        for i, (key, text) in enumerate(labels.themes().items()):
            # The element's name on the toggle, its description as tooltip: two columns of
            # full descriptions were wider than the editor in Danish.
            name, _dash, description = text.partition(" – ")
            box = QCheckBox(name)
            box.setToolTip(text if description else "")
            box.setAccessibleName(text)
            box.toggled.connect(self._changed)
            self.theme_boxes[key] = box
            tl.addWidget(box, i // 2, i % 2)

        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(
            self.tr(
                "Your notes from the conversation. Notes stay "
                "in CoachDesk unless you include them in an "
                "export."
            )
        )
        self.notes.setMinimumHeight(160)
        self.notes.setTabChangesFocus(True)
        self.quotes = QPlainTextEdit()
        self.quotes.setAccessibleName(self.tr("The participant's own words"))
        self.quotes.setMaximumHeight(80)
        self.quotes.setTabChangesFocus(True)

        actions_box = QGroupBox(self.tr("Agreed actions"))
        self.action_input = QLineEdit()
        self.action_input.setAccessibleName(self.tr("New action"))
        self.action_input.setPlaceholderText(self.tr("A small, concrete step…"))
        self.action_input.returnPressed.connect(self.add_action)
        add = QPushButton(self.tr("&Add"))
        add.clicked.connect(self.add_action)
        self.action_list = QListWidget()
        self.action_list.setAccessibleName(self.tr("Agreed actions"))
        self.action_list.setMaximumHeight(110)
        self.make_goal_button = QPushButton(self.tr("Make &goal"))
        self.make_goal_button.setToolTip(
            self.tr("Add the selected action to the job plan as a goal")
        )
        self.make_goal_button.clicked.connect(self.make_goal)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_action)
        self.goal_message = plain.label()  # errors may quote the typed action
        al = QGridLayout(actions_box)
        al.addWidget(self.action_input, 0, 0)
        al.addWidget(add, 0, 1)
        al.addWidget(self.action_list, 1, 0, 3, 1)
        al.addWidget(self.make_goal_button, 1, 1)
        al.addWidget(remove, 2, 1)
        al.addWidget(self.goal_message, 4, 0, 1, 2)

        ratings_box = QGroupBox(self.tr("Ratings 0-10 (optional)"))
        rl = QHBoxLayout(ratings_box)
        self.ratings: dict[str, QSpinBox] = {}
        for key, text in labels.rating_names().items():
            sb = QSpinBox()
            sb.setRange(-1, 10)
            sb.setSpecialValueText("–")
            sb.setValue(-1)
            sb.setAccessibleName(text)
            lab = QLabel(text)
            lab.setBuddy(sb)
            rl.addWidget(lab)
            rl.addWidget(sb)
            rl.addSpacing(12)
            self.ratings[key] = sb
        rl.addStretch()

        self.next_date = DateField()
        self.next_date.setAccessibleName(self.tr("Next appointment date"))
        self.next_time = QTimeEdit()
        self.next_time.setDisplayFormat("HH:mm")
        self.next_time.setTime(QTime(10, 0))
        self.next_time.setAccessibleName(self.tr("Next appointment time"))
        nl = QHBoxLayout()
        nlab = QLabel(self.tr("&Next appointment:"))
        nlab.setBuddy(self.next_date)
        nl.addWidget(nlab)
        nl.addWidget(self.next_date)
        nl.addWidget(self.next_time)
        nl.addStretch()

        self.message = FieldMessage()
        self.save_button = QPushButton(self.tr("&Save session"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.state_label = plain.label()
        self.state_label.setWordWrap(True)
        # A planned appointment (the agenda) is held here: status held, dated today if
        # it was planned later, then the notes; saving makes it a held session.
        self.hold_button = QPushButton(self.tr("Mar&k as held"))
        self.hold_button.setToolTip(
            self.tr("The planned conversation took place: set the status to held and write the log")
        )
        self.hold_button.clicked.connect(self.mark_held)
        self.hold_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.hold_button)
        buttons.addWidget(self.save_button)

        body = QWidget()
        form = QVBoxLayout(body)
        form.addLayout(tpl_row)
        form.addLayout(top)
        form.addWidget(themes_box)
        nlab2 = QLabel(self.tr("N&otes"))
        nlab2.setBuddy(self.notes)
        form.addWidget(nlab2)
        form.addWidget(self.notes, 1)
        qlab = QLabel(self.tr("The participant's own &words"))
        qlab.setBuddy(self.quotes)
        form.addWidget(qlab)
        form.addWidget(self.quotes)
        form.addWidget(actions_box)
        form.addWidget(ratings_box)
        form.addLayout(nl)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.draft_bar)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.message)
        lay.addLayout(buttons)

        for w in (self.start, self.next_time):
            w.timeChanged.connect(self._changed)
        for sb in (self.minutes, self.week, *self.ratings.values()):
            sb.valueChanged.connect(self._changed)
        for cb in (self.mode, self.status):
            cb.currentIndexChanged.connect(self._changed)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.next_date.dateChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self.quotes.textChanged.connect(self._changed)
        self.setFocusProxy(self.date)

    # --- state ----------------------------------------------------------------------

    @property
    def key(self) -> str:
        return draft_key(self.participant_id, self.session_id)

    def is_dirty(self) -> bool:
        return self._dirty

    def _changed(self, *_a: Any) -> None:
        if self._loading:
            return
        self._dirty = True
        self._draft_dirty = True
        self._confirmed = False  # a changed session is checked (and confirmed) afresh
        self.save_button.setText(self.tr("&Save session"))
        self.state_label.setText(self.tr("Unsaved changes"))

    def _status_changed(self, *_a: Any) -> None:
        self.hold_button.setVisible(self.status.currentData() == "planned")

    def mark_held(self) -> None:
        """Hold the planned appointment: status held (today if it was planned later)."""
        self.status.setCurrentIndex(self.status.findData("held"))
        d = self.date.value()
        if d is not None and d > dt.date.today():
            self.date.set_value(dt.date.today(), emit=True)
        self.notes.setFocus()

    def _template_names(self) -> dict[str, str]:
        return {
            session_templates.INTAKE: self.tr("First conversation"),
            session_templates.MIDWAY: self.tr("Midway conversation"),
            session_templates.CLOSING: self.tr("Closing conversation"),
        }

    def _prompts(self, key: str) -> str:
        """The questions a template puts into an empty note, one per line."""
        lines = {
            session_templates.INTAKE: [
                self.tr("What takes up the most room right now?"),
                self.tr("How do you notice the stress: in the body, the thoughts, the sleep?"),
                self.tr("What do you want from the course?"),
                self.tr("Agreed for next time:"),
            ],
            session_templates.MIDWAY: [
                self.tr("What has worked since the group sessions?"),
                self.tr("Which tools do you use, and when?"),
                self.tr("Where are your boundaries at work now?"),
                self.tr("The job plan: the next small step?"),
            ],
            session_templates.CLOSING: [
                self.tr("What has changed since the start?"),
                self.tr("What will you keep doing after the course?"),
                self.tr("Who supports you, at work and at home?"),
                self.tr("The job plan and the steps ahead:"),
            ],
        }[key]
        return "\n\n".join(lines) + "\n"

    def _template_chosen(self, *_a: Any) -> None:
        key = self.template.currentData()
        notes = self.notes.toPlainText()
        if key is None:
            if notes == self._applied_prompts:
                self.notes.clear()
            self._applied_prompts = ""
            self._changed()
            return
        for k, box in self.theme_boxes.items():
            box.setChecked(k in session_templates.THEMES[key])
        if not notes.strip() or notes == self._applied_prompts:
            # Only an empty note (or the last template's own questions) is replaced.
            self._applied_prompts = self._prompts(key)
            self.notes.setPlainText(self._applied_prompts)
        self._changed()

    def _update_number(self) -> None:
        d = self.date.value()
        if d is None:
            self.number_label.clear()
            return
        n = session_templates.session_number(self._held_dates, d)
        text = (
            self.tr("Conversation %1 of %2")
            .replace("%1", str(n))
            .replace("%2", str(course.MAX_INDIVIDUAL_SESSIONS))
        )
        key = session_templates.suggested(n)
        if key is not None and self.template.isVisibleTo(self):
            # A suggestion, not a choice: the coach picks the template (Alt+B in Danish).
            text += " · " + self.tr("template for it: %1").replace(
                "%1", self._template_names()[key]
            )
        self.number_label.setText(text)

    def _date_changed(self, *_a: Any) -> None:
        self._update_number()
        # The course week follows the date until the coach sets it by hand.
        d = self.date.value()
        if d is not None and self._course_start is not None:
            # No week before the start: a stale one made a session look like week 14.
            self.week.setValue(course.course_week(self._course_start, d) or 0)
        self._changed()

    def _load(self) -> None:
        editing = self.vault.read(sessions.for_editor, self.participant_id, self.session_id)
        self._course_start = editing.course_start
        self._held_dates = editing.held_dates
        data = editing.data
        # The next appointment as saved: a change moves its planned session along.
        self._saved_next = editing.next_appointment
        if self._course_start is not None:
            # The week is the date's week (core/plausibility refuses any other): shown,
            # not typed.
            self.week.setReadOnly(True)
            self.week.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            self.week.setToolTip(self.tr("Follows the date and the course start."))
        if data is None:
            w = course.course_week(self._course_start, dt.date.today())
            self.week.setValue(w or 0)
        else:
            self.set_content(data)
            self.template.hide()
            self.template_label.hide()
        self._update_number()

    def content(self) -> dict[str, Any]:
        """The form as an interchange-shaped session dict (also the draft's content)."""
        ratings = {k: sb.value() for k, sb in self.ratings.items() if sb.value() >= 0}
        nd = self.next_date.value()
        nt = self.next_time.time()
        return {
            "date": self.date.iso(),
            "start": self.start.time().toString("HH:mm"),
            "minutes": self.minutes.value(),
            "mode": self.mode.currentData(),
            "status": self.status.currentData(),
            "week": self.week.value() or None,
            "themes": [k for k, b in self.theme_boxes.items() if b.isChecked()],
            "notes": self.notes.toPlainText(),
            "quotes": self.quotes.toPlainText(),
            "actions": [self.action_list.item(i).text() for i in range(self.action_list.count())],
            "ratings": ratings,
            "next_appointment": f"{nd.isoformat()}T{nt.toString('HH:mm')}" if nd else None,
        }

    def set_content(self, d: dict[str, Any]) -> None:
        was = self._loading
        self._loading = True
        try:
            self.date.set_value(records.opt_date(d.get("date")))
            if d.get("start"):
                self.start.setTime(QTime.fromString(d["start"], "HH:mm"))
            if d.get("minutes") is not None:
                self.minutes.setValue(int(d["minutes"]))
            self.mode.setCurrentIndex(max(0, self.mode.findData(d.get("mode", "in_person"))))
            self.status.setCurrentIndex(max(0, self.status.findData(d.get("status", "held"))))
            self.week.setValue(int(d.get("week") or 0))
            for k, b in self.theme_boxes.items():
                b.setChecked(k in (d.get("themes") or []))
            self.notes.setPlainText(d.get("notes") or "")
            self.quotes.setPlainText(d.get("quotes") or "")
            self.action_list.clear()
            for a in d.get("actions") or []:
                self.action_list.addItem(QListWidgetItem(a))
            for k, sb in self.ratings.items():
                v = (d.get("ratings") or {}).get(k)
                sb.setValue(-1 if v is None else int(v))
            nxt = d.get("next_appointment")
            if nxt:
                at = dt.datetime.fromisoformat(nxt)
                self.next_date.set_value(at.date())
                self.next_time.setTime(QTime(at.hour, at.minute))
            else:
                self.next_date.set_value(None)
        finally:
            self._loading = was

    # --- actions --------------------------------------------------------------------

    def add_action(self) -> None:
        text = self.action_input.text().strip()
        if text:
            self.action_list.addItem(QListWidgetItem(text))
            self.action_list.setCurrentRow(self.action_list.count() - 1)
            self.action_input.clear()
            self._changed()

    def remove_action(self) -> None:
        row = self.action_list.currentRow()
        if row >= 0:
            self.action_list.takeItem(row)
            self._changed()

    def make_goal(self) -> None:
        item = self.action_list.currentItem()
        if item is None:
            self.goal_message.setText(self.tr("Select an action first."))
            return
        try:
            version = self.vault.write(jobplans.add_goal, self.participant_id, item.text()).version
        except BadInput as exc:
            self.goal_message.setText(
                "; ".join(field_error(e) for e in exc.errors) or error_text(exc)
            )
            return
        self.goal_message.setText(
            self.tr("Added to the job plan as a goal (version %1).").replace("%1", str(version))
        )
        self.goal_added.emit()

    # --- drafts ---------------------------------------------------------------------

    def autosave(self) -> None:
        if self._draft_dirty and self.vault.is_open:
            self.keep_draft()

    def keep_draft(self) -> None:
        """Write the current content as an encrypted draft (on autosave, lock, close)."""
        if not self._dirty:
            return
        self.draft.keep(
            {
                "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
                "session": self.content(),
            }
        )
        self._draft_dirty = False

    def _offer_draft(self, restore: bool) -> None:
        self._draft = self.draft.read()
        if not self._draft:
            return
        if restore:
            self.restore_draft()
            return
        at = self._draft.get("saved_at")
        when = labels.datetime_text(dt.datetime.fromisoformat(at)) if at else ""
        self.draft_label.setText(
            self.tr("Unsaved text from %1 was kept as a draft. Restore it?").replace("%1", when)
        )
        self.draft_bar.show()

    def restore_draft(self) -> None:
        if self._draft:
            self.set_content(self._draft.get("session") or {})
            self._dirty = True
            self.state_label.setText(self.tr("Draft restored – not saved yet"))
        self.draft_bar.hide()

    def discard_draft(self) -> None:
        self.draft.discard()
        self._draft = None
        self.draft_bar.hide()

    # --- save / close ---------------------------------------------------------------

    def _field_error(self, error: str) -> str:
        """A store refusal (e.g. an over-long note) named by its field's own label, not
        by the file format's key ("notes")."""
        path = error.path if isinstance(error, FieldError) else ""
        widget = {"notes": self.notes, "quotes": self.quotes}.get(path)
        if widget is not None:
            return f"{widget.accessibleName()}: {field_text(error)}"
        return field_error(error)

    def save(self) -> bool:
        bad = first_invalid((self.date, self.next_date))
        if bad is not None:
            self.message.show_message(bad.error())
            bad.setFocus()
            return False
        data = self.content()
        try:
            saved = self.draft.save_rekeyed(
                lambda done: draft_key(self.participant_id, done.id),
                sessions.save_and_plan,
                self.participant_id,
                data,
                self.session_id,
                confirmed=self._confirmed,
                saved_next=self._saved_next,
            )
        except sessions.Implausible as exc:
            # An impossible date is refused; an unusual one is saved on the second press.
            self._confirmed = exc.needs_confirmation
            self.save_button.setText(
                self.tr("&Save anyway") if self._confirmed else self.tr("&Save session")
            )
            self.message.show_message(findings_text(exc.findings))
            (
                self.week
                if any(f.code == plausibility.WEEK_MISMATCH for f in exc.findings)
                else self.date
            ).setFocus()
            return False
        except BadInput as exc:
            self.message.show_message(
                "\n".join(self._field_error(e) for e in exc.errors) or error_text(exc)
            )
            return False
        self.session_id = saved.id
        self._saved_next = saved.next_appointment
        planned = saved.planned
        self.message.show_message(None)
        self._confirmed = False
        self.save_button.setText(self.tr("&Save session"))
        self._dirty = self._draft_dirty = False
        self.draft_bar.hide()
        if planned in ("added", "moved"):
            self.state_label.setText(self.tr("Saved. The next appointment is in the agenda."))
        elif planned == "implausible":
            self.state_label.setText(
                self.tr(
                    "Saved. The next appointment is not in the agenda: its date does not fit "
                    "the course. Plan it as a new session if it is right."
                )
            )
        else:
            self.state_label.setText(self.tr("Saved"))
        self.saved.emit()
        return True

    def ask_close(self) -> int:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved session"),
            self.tr("This session has unsaved changes."),
            parent=self,
        )
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep as draft"), QMessageBox.ButtonRole.ActionRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        for button, answer in ((save, self.SAVE), (keep, self.KEEP_DRAFT), (discard, self.DISCARD)):
            if clicked is button:
                return answer
        return self.CANCEL

    def confirm_close(self) -> bool:
        """True when the editor may go: saved, kept as a draft, or discarded."""
        if not self._dirty:
            return True
        choice = self.ask_close()
        if choice == self.SAVE:
            return self.save()
        if choice == self.KEEP_DRAFT:
            self._draft_dirty = True
            self.keep_draft()
            return True
        if choice == self.DISCARD:
            self.discard_draft()
            self._dirty = False
            return True
        return False

    def stop(self) -> None:
        self.timer.stop()
