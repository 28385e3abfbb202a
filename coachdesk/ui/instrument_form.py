"""One keyboard form for every questionnaire in the registry (core/instruments.py).

The items, answer labels, live score, bands and missing-item rule all come from the
instrument's registry entry; nothing here names a questionnaire. Keys in the grid:
digits answer the current item and move on (on a 0-10 scale, 1 then 0 gives 10),
Up/Down and Backspace move, Delete clears, Ctrl+S saves. Saving goes through
store/assessments (the importer's rules).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import instruments, vocab
from coachdesk.core.instrument import Instrument, Result, text
from coachdesk.store import assessments, settings
from coachdesk.store.vault import Vault
from coachdesk.ui import plain
from coachdesk.ui.date_field import DateField
from coachdesk.ui.pss10_chart_view import kind_labels, ui_lang


def score_text(inst: Instrument, value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:g}" if isinstance(value, float) else str(value)


class InstrumentGrid(QFrame):
    """The instrument's items by its answers; owns the keyboard while it has focus."""

    answers_changed = Signal()
    current_changed = Signal(int)

    def __init__(
        self,
        inst: Instrument,
        lang: str,
        parent: QWidget | None = None,
        omitted: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.inst = inst
        # Items of a sub-scale the course leaves out (the CBI's client scale): not shown,
        # skipped by the keyboard, stored as null.
        self.omitted = omitted
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(
            self.tr("Answers: type %1-%2 for each item")
            .replace("%1", str(inst.answer_min))
            .replace("%2", str(inst.answer_max))
        )
        self._current = min((i for i in range(inst.n_items) if i not in omitted), default=0)
        self._pending_one = False  # a "1" typed on a 0-10 scale: a "0" next makes 10
        self._groups: list[QButtonGroup] = []
        self._rows: list[list[QWidget]] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        row_no = 0
        shown_set: int | None = None
        for i, item in enumerate(inst.items):
            if item.answer_set != shown_set:
                # A header wherever the answer labels change (the CBI has two sets).
                shown_set = item.answer_set
                for col, word in enumerate(inst.answer_sets[shown_set].labels(lang)):
                    value = inst.answer_min + col
                    head = QLabel(f"{value}\n{word}" if word != str(value) else word)
                    head.setWordWrap(True)
                    # Long labels ("Lidt mindre end halvdelen af tiden") wrap in a
                    # narrow column, leaving the width to the item's wording.
                    head.setFixedWidth(max(48, min(110, 560 // len(inst.answer_sets[0].da))))
                    head.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
                    grid.addWidget(head, row_no, 2 + col)
                row_no += 1
            number = QLabel(f"{i + 1}.")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label = QLabel(item.wording(lang))
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            grid.addWidget(number, row_no, 0)
            grid.addWidget(label, row_no, 1)
            group = QButtonGroup(self)
            row: list[QWidget] = [number, label]
            words = inst.answer_sets[item.answer_set].labels(lang)
            for a in range(inst.answer_min, inst.answer_max + 1):
                rb = QRadioButton()
                rb.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                rb.setAccessibleName(f"{i + 1}: {a} {words[a - inst.answer_min]}")
                group.addButton(rb, a)
                grid.addWidget(rb, row_no, 2 + a - inst.answer_min, Qt.AlignmentFlag.AlignCenter)
                row.append(rb)
            group.idClicked.connect(lambda _a, item=i: self._clicked(item))
            for w in row if i in omitted else ():
                w.hide()
            self._groups.append(group)
            self._rows.append(row)
            row_no += 1
        grid.setRowStretch(row_no, 1)

    def answers(self) -> list[int | None]:
        return [None if g.checkedId() < 0 else g.checkedId() for g in self._groups]

    def set_answers(self, answers: list[int | None]) -> None:
        for i, a in enumerate(answers):
            self._set(i, a, notify=False)
        self.answers_changed.emit()

    def _set(self, item: int, answer: int | None, notify: bool = True) -> None:
        group = self._groups[item]
        if answer is None:
            group.setExclusive(False)
            for b in group.buttons():
                b.setChecked(False)
            group.setExclusive(True)
        else:
            group.button(answer).setChecked(True)
        if notify:
            self.answers_changed.emit()

    def current(self) -> int:
        return self._current

    def _shown(self) -> list[int]:
        return [i for i in range(self.inst.n_items) if i not in self.omitted]

    def _step(self, delta: int) -> None:
        """To the next (or previous) item that is shown."""
        shown = self._shown()
        pos = shown.index(self._current) if self._current in shown else 0
        self.set_current(shown[max(0, min(len(shown) - 1, pos + delta))])

    def set_current(self, item: int) -> None:
        self._current = max(0, min(self.inst.n_items - 1, item))
        self._pending_one = False
        self.current_changed.emit(self._current)
        self.update()

    def _clicked(self, item: int) -> None:
        self.set_current(item)
        self.answers_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        digit = key - Qt.Key.Key_0 if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 else None
        if mods == Qt.KeyboardModifier.NoModifier and digit is not None:
            lo, hi = self.inst.answer_min, self.inst.answer_max
            if self._pending_one and digit == 0 and hi >= 10:
                self._pending_one = False
                self._set(self._current, 10)
                self._advance()
                return
            if not lo <= digit <= hi:
                return
            self._set(self._current, digit)
            if digit == 1 and hi >= 10:
                self._pending_one = True  # wait: a "0" next makes 10
                return
            self._advance()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Backspace):
            self._step(-1)
        elif key == Qt.Key.Key_Down:
            self._step(1)
        elif key == Qt.Key.Key_Delete:
            self._set(self._current, None)
        elif key == Qt.Key.Key_Home:
            self.set_current(self._shown()[0])
        elif key == Qt.Key.Key_End:
            self.set_current(self._shown()[-1])
        else:
            super().keyPressEvent(event)

    def _advance(self) -> None:
        if self._current != self._shown()[-1]:
            self._step(1)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the current item's frame shows whether the grid has the keys

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # The current item is framed in the palette's highlight: it follows the theme.
        rect = QRectF()
        for w in self._rows[self._current]:
            rect = rect.united(QRectF(w.geometry()))
        rect.adjust(-4, -2, 4, 2)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().color(self.palette().ColorRole.Highlight)
        fill = QColor(colour)
        fill.setAlphaF(0.12 if self.hasFocus() else 0.05)
        p.setBrush(fill)
        p.setPen(QPen(colour, 2 if self.hasFocus() else 1))
        p.drawRoundedRect(rect, 4, 4)
        p.end()


class InstrumentForm(QDialog):
    """Enter or edit one questionnaire of one participant, for any registered instrument."""

    saved = Signal(int)

    def __init__(
        self,
        vault: Vault,
        participant_id: int,
        instrument: str,
        assessment_id: int | None = None,
        *,
        lang: str | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._participant_id = participant_id
        self._assessment_id = assessment_id
        self._lang = lang or ui_lang()
        self._today = today
        self._confirm_incomplete = False
        existing = (
            vault.read(assessments.for_form, participant_id, assessment_id)
            if assessment_id is not None
            else None
        )
        if existing is not None:
            instrument = existing.instrument
        kind = existing.kind if existing else "screening"
        day = existing.date if existing else (today or dt.date.today())
        answers = list(existing.answers) if existing else None
        off = vault.read(settings.omitted_scales)
        self.inst = instruments.get(instrument)
        omitted = frozenset(
            i
            for i, item in enumerate(self.inst.items)
            if f"{self.inst.id}.{item.scale}" in off and not (answers and answers[i] is not None)
        )
        answers = answers or [None] * self.inst.n_items
        title = self.tr("Edit %1") if assessment_id else self.tr("New %1")
        self.setWindowTitle(title.replace("%1", self.inst.short))

        self.kind = QComboBox()
        for key in vocab.ASSESSMENT_KINDS:
            self.kind.addItem(kind_labels()[key], key)
        self.kind.setCurrentIndex(vocab.ASSESSMENT_KINDS.index(kind))
        self.kind.setAccessibleName(self.tr("Kind"))
        self.date = DateField(day, allow_empty=False)
        self.date.setAccessibleName(self.tr("Date"))
        top = QFormLayout()
        top.addRow(self.tr("&Kind"), self.kind)
        top.addRow(self.tr("&Date"), self.date)

        heading = QLabel(
            f"<b>{text(self.inst.name, self._lang)}</b> — {text(self.inst.opening, self._lang)} …"
        )
        heading.setWordWrap(True)
        self.wording_note = QLabel(
            self.tr(
                "⚠ This wording has not been verified against the published questionnaire; "
                "see the instrument's documentation before using it with participants."
            )
        )
        self.wording_note.setWordWrap(True)
        self.wording_note.setVisible(self._lang not in self.inst.verified_wording)
        hint = QLabel(
            self.tr(
                "Type %1-%2 for each item; Up/Down or Backspace go back, Delete "
                "clears, Ctrl+S saves."
            )
            .replace("%1", str(self.inst.answer_min))
            .replace("%2", str(self.inst.answer_max))
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)  # the palette's muted text, not a hard-coded grey
        self.grid = InstrumentGrid(self.inst, self._lang, omitted=omitted)
        scroll = QScrollArea()
        scroll.setWidget(self.grid)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.grid.current_changed.connect(
            lambda i: scroll.ensureWidgetVisible(self.grid._rows[i][1], 0, 30)
        )

        self.score_label = plain.label()
        font = self.score_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.score_label.setFont(font)
        self.score_label.setAccessibleName(self.tr("Score"))
        self.detail_label = plain.label()
        self.detail_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        # In an active window the shortcut takes Ctrl+S from any field (a combo box would
        # otherwise swallow it); keyPressEvent is the path when it is not active.
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(heading)
        layout.addWidget(self.wording_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(hint)
        layout.addWidget(self.score_label)
        layout.addWidget(self.detail_label)
        status = QVBoxLayout()
        status.setContentsMargins(0, 0, 0, 0)
        self.add_status_lines(status)
        layout.addLayout(status)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setTabOrder(self.kind, self.date)
        self.setTabOrder(self.date, self.grid)
        self.setTabOrder(self.grid, self.save_button)
        self.setTabOrder(self.save_button, cancel)

        self.grid.set_answers(answers)
        self.grid.answers_changed.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)
        self.date.dateChanged.connect(self._changed)
        self._changed()
        self.resize(900, 680)
        self.grid.setFocus()

    def add_status_lines(self, status: QVBoxLayout) -> None:
        """A questionnaire's own lines under the score (PSS-10: the admission threshold);
        called once while the form is built, before the first ``_changed``."""

    def band_text(self, band: str | None) -> str:
        """The band's words beside the score (the registry's label)."""
        return self.inst.band_label(band, self._lang)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+S arrives here from whichever field has focus (they all pass it on).
        if event.matches(QKeySequence.StandardKey.Save):
            self.save()
            return
        super().keyPressEvent(event)

    def kind_key(self) -> str:
        return str(self.kind.currentData())

    def current_result(self) -> Result:
        return self.inst.score(self.grid.answers())

    def _changed(self) -> None:
        self._confirm_incomplete = False
        self.save_button.setText(self.tr("&Save"))
        self.message.hide()
        r = self.inst.score(self.grid.answers())
        answered = self.inst.n_items - r.missing
        asked = self.inst.n_items - len(self.grid.omitted)
        spec = self.inst.primary_spec()
        if r.value is None:
            self.score_label.setText(self.tr("%1: none").replace("%1", text(spec.name, self._lang)))
        else:
            band = self.band_text(r.band)
            star = "*" if r.prorated else ""
            line = f"{text(spec.name, self._lang)}: {score_text(self.inst, r.value)}{star}"
            self.score_label.setText(line + (f" ({band})" if band else ""))
        details = [
            self.tr("%1 of %2 answered.").replace("%1", str(answered)).replace("%2", str(asked))
        ]
        if r.prorated:
            details.append(
                self.tr("* A missing answer is prorated by the questionnaire's missing-item rule.")
            )
        elif r.value is None and answered < asked:
            details.append(
                self.tr(
                    "Too many answers are missing for a score under this "
                    "questionnaire's missing-item rule."
                )
            )
        others = [
            s
            for s in self.inst.scores
            if s.key not in (self.inst.primary, "total")
            or (
                s.key == "total"
                and self.inst.primary != "total"
                and r.fields.get("total") is not None
            )
        ]
        for s in others:
            details.append(
                f"{text(s.name, self._lang)}: {score_text(self.inst, r.fields.get(s.key))}"
            )
        self.detail_label.setText(
            " ".join(details[:2]) + ("\n" + " · ".join(details[2:]) if details[2:] else "")
        )

    def _show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def _problem_text(self, key: str) -> str:
        return {
            assessments.PROBLEM_FUTURE: self.tr("The date is in the future."),
            assessments.PROBLEM_BEFORE_REFERRAL: self.tr(
                "The date is before the participant's referral date."
            ),
            assessments.PROBLEM_FINAL_BEFORE_SCREENING: self.tr(
                "A final questionnaire cannot be dated before the first screening."
            ),
            assessments.PROBLEM_SCREENING_AFTER_FINAL: self.tr(
                "This screening would come after the participant's final questionnaire."
            ),
            assessments.PROBLEM_ANSWERS: self.tr("Every answer must be %1-%2 or empty.")
            .replace("%1", str(self.inst.answer_min))
            .replace("%2", str(self.inst.answer_max)),
            assessments.PROBLEM_KIND: self.tr("Choose screening, final or follow-up."),
            assessments.PROBLEM_DATE: self.tr("The date is not valid."),
        }[key]

    def save(self) -> bool:
        """Save, or explain why not; True when the questionnaire was saved."""
        answers = self.grid.answers()
        missing = sum(a is None for i, a in enumerate(answers) if i not in self.grid.omitted)
        if missing and not self._confirm_incomplete:
            # Warn in the form rather than in a modal box: Ctrl+S again confirms.
            self._confirm_incomplete = True
            self.save_button.setText(self.tr("&Save anyway"))
            r = self.current_result()
            text = (
                self.tr("1 answer is missing")
                if missing == 1
                else self.tr("%1 answers are missing").replace("%1", str(missing))
            )
            if r.prorated:
                text += self.tr(": the score will be prorated")
            elif r.value is None:
                text += self.tr(": there will be no score")
            self._show_message(
                "⚠ " + text + ". " + self.tr("Press Save again (Ctrl+S) to save anyway.")
            )
            return False
        day = self.date.value()
        if not self.date.check() or day is None:
            self._show_message(self.tr("Not saved: ") + (self.date.error() or ""))
            self.date.setFocus()
            return False
        try:
            saved_id = self._vault.write(
                assessments.save_assessment,
                self._participant_id,
                self.kind_key(),
                day,
                answers,
                assessment_id=self._assessment_id,
                today=self._today,
                instrument=self.inst.id,
            ).id
        except assessments.AssessmentRejected as exc:
            self._confirm_incomplete = False
            self.save_button.setText(self.tr("&Save"))
            self._show_message(
                self.tr("Not saved: ") + " ".join(self._problem_text(k) for k in exc.problems)
            )
            return False
        self._assessment_id = saved_id
        self.saved.emit(saved_id)
        self.accept()
        return True
