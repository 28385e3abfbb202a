"""The PSS-10 questionnaire form: fast, keyboard-only entry from the paper form.

Keys in the answer grid: 0-4 answer the current item and move on, Up/Down and
Backspace move back and forth, Delete clears the current answer, Ctrl+S saves. The
running total, prorating and band come from core/pss10 as the coach types; saving
goes through store/assessments (the importer's rules), so a refused date is said
here in the form and nothing is written.
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

from coachdesk.core import pss10, vocab
from coachdesk.store import assessments, settings
from coachdesk.store.models import Assessment
from coachdesk.store.vault import Vault
from coachdesk.ui import plain
from coachdesk.ui.date_field import DateField
from coachdesk.ui.pss10_chart_view import band_labels, kind_labels, ui_lang

_DIGITS = {Qt.Key.Key_0: 0, Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}


class AnswerGrid(QFrame):
    """Ten items by five answers; owns the keyboard while it has focus."""

    answers_changed = Signal()
    current_changed = Signal(int)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Answers: type 0-4 for each item"))
        self._current = 0
        self._groups: list[QButtonGroup] = []
        self._rows: list[list[QWidget]] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        for col, word in enumerate(pss10.answer_labels(lang)):
            head = QLabel(f"{col}\n{word}")
            head.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(head, 0, 2 + col)
        for i, text in enumerate(pss10.items(lang)):
            number = QLabel(f"{i + 1}.")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            grid.addWidget(number, 1 + i, 0)
            grid.addWidget(label, 1 + i, 1)
            group = QButtonGroup(self)
            row: list[QWidget] = [number, label]
            for a, word in enumerate(pss10.answer_labels(lang)):
                rb = QRadioButton()
                # The grid takes the keys; the buttons are for the mouse and screen readers.
                rb.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                rb.setAccessibleName(f"{i + 1}: {a} {word}")
                group.addButton(rb, a)
                grid.addWidget(rb, 1 + i, 2 + a, Qt.AlignmentFlag.AlignCenter)
                row.append(rb)
            group.idClicked.connect(lambda _a, item=i: self._clicked(item))
            self._groups.append(group)
            self._rows.append(row)
        grid.setRowStretch(pss10.N_ITEMS + 1, 1)  # rows stay together when there is room

    # --- the answers ------------------------------------------------------------------

    def answers(self) -> list[int | None]:
        return [None if g.checkedId() < 0 else g.checkedId() for g in self._groups]

    def set_answers(self, answers: list[int | None]) -> None:
        for i, a in enumerate(answers):
            self._set(i, a, notify=False)
        self.answers_changed.emit()

    def _set(self, item: int, answer: int | None, notify: bool = True) -> None:
        group = self._groups[item]
        if answer is None:
            # An exclusive group cannot be emptied while exclusive.
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

    def set_current(self, item: int) -> None:
        self._current = max(0, min(pss10.N_ITEMS - 1, item))
        self.current_changed.emit(self._current)
        self.update()

    def _clicked(self, item: int) -> None:
        self.set_current(item)
        self.answers_changed.emit()

    # --- keyboard -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier and key in _DIGITS:
            self._set(self._current, _DIGITS[Qt.Key(key)])
            if self._current < pss10.N_ITEMS - 1:
                self.set_current(self._current + 1)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Backspace):
            self.set_current(self._current - 1)
            return
        if key == Qt.Key.Key_Down:
            self.set_current(self._current + 1)
            return
        if key == Qt.Key.Key_Delete:
            self._set(self._current, None)
            return
        if key == Qt.Key.Key_Home:
            self.set_current(0)
            return
        if key == Qt.Key.Key_End:
            self.set_current(pss10.N_ITEMS - 1)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # The current item is framed in the palette's highlight: it follows the theme.
        row = self._rows[self._current]
        rect = QRectF()
        for w in row:
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


class Pss10Form(QDialog):
    """Enter or edit one PSS-10 questionnaire of one participant."""

    saved = Signal(int)  # the assessment's id

    def __init__(
        self,
        vault: Vault,
        participant_id: int,
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
        with vault.session() as s:
            self._params = settings.pss_params(s)
            existing = s.get(Assessment, assessment_id) if assessment_id is not None else None
            kind = existing.kind if existing else "screening"
            day = existing.date if existing else (today or dt.date.today())
            answers = list(existing.answers) if existing else [None] * pss10.N_ITEMS
        self.setWindowTitle(self.tr("Edit PSS-10") if assessment_id else self.tr("New PSS-10"))

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

        opening = QLabel(f"<b>{pss10.opening(self._lang)} …</b>")
        hint = QLabel(
            self.tr(
                "Type 0-4 for each item; Up/Down or Backspace go back, Delete clears, Ctrl+S saves."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)  # the palette's muted text, not a hard-coded grey
        self.grid = AnswerGrid(self._lang)
        scroll = QScrollArea()
        scroll.setWidget(self.grid)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.grid.current_changed.connect(
            lambda i: scroll.ensureWidgetVisible(self.grid._rows[i][1], 0, 30)
        )

        self.total_label = plain.label()
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setAccessibleName(self.tr("Total"))
        self.detail_label = plain.label()
        self.detail_label.setWordWrap(True)
        self.threshold_label = plain.label()
        self.threshold_label.setWordWrap(True)
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
        # otherwise swallow it); keyPressEvent below is the path when it is not active.
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)

        status = QVBoxLayout()
        status.addWidget(self.total_label)
        status.addWidget(self.detail_label)
        status.addWidget(self.threshold_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(opening)
        layout.addWidget(scroll, 1)
        layout.addWidget(hint)
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
        self.resize(860, 680)
        self.grid.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+S arrives here from whichever field has focus (they all pass it on).
        if event.matches(QKeySequence.StandardKey.Save):
            self.save()
            return
        super().keyPressEvent(event)

    # --- live score -------------------------------------------------------------------

    def kind_key(self) -> str:
        return str(self.kind.currentData())

    def day(self) -> dt.date | None:
        return self.date.value()

    def _changed(self) -> None:
        self._confirm_incomplete = False
        self.save_button.setText(self.tr("&Save"))
        self.message.hide()
        sc = pss10.score(self.grid.answers())
        answered = pss10.N_ITEMS - sc.missing
        if sc.total is None:
            self.total_label.setText(self.tr("Total: none"))
            self.detail_label.setText(
                self.tr("%1 of 10 answered. A total needs at least 9 answers.").replace(
                    "%1", str(answered)
                )
            )
        else:
            band = band_labels()[sc.band or "low"]
            star = "*" if sc.prorated else ""
            self.total_label.setText(
                self.tr("Total: %1 (%2)").replace("%1", f"{sc.total}{star}").replace("%2", band)
            )
            if sc.prorated:
                self.detail_label.setText(
                    self.tr("* 9 of 10 answered: the total is prorated (sum × 10/9, rounded).")
                )
            else:
                self.detail_label.setText(self.tr("10 of 10 answered."))
        if self.kind_key() == "screening" and sc.total is not None:
            met = pss10.is_eligible(sc.total, self._params)
            text = (
                self.tr("✔ Admission threshold (%1) met: %2 ≥ %1")
                if met
                else self.tr("✘ Admission threshold (%1) not met: %2 < %1")
            )
            self.threshold_label.setText(
                text.replace("%1", str(self._params.threshold)).replace("%2", str(sc.total))
            )
            self.threshold_label.show()
        elif self.kind_key() == "screening":
            self.threshold_label.setText(
                self.tr("Admission threshold (%1): no total yet").replace(
                    "%1", str(self._params.threshold)
                )
            )
            self.threshold_label.show()
        else:
            self.threshold_label.hide()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # --- saving ---------------------------------------------------------------------

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
            assessments.PROBLEM_ANSWERS: self.tr("Every answer must be 0-4 or empty."),
            assessments.PROBLEM_KIND: self.tr("Choose screening, final or follow-up."),
            assessments.PROBLEM_DATE: self.tr("The date is not valid."),
        }[key]

    def save(self) -> bool:
        """Save, or explain why not; returns True when the questionnaire was saved."""
        answers = self.grid.answers()
        missing = sum(a is None for a in answers)
        if missing and not self._confirm_incomplete:
            # Warn in the form rather than in a modal box: Ctrl+S again confirms.
            self._confirm_incomplete = True
            self.save_button.setText(self.tr("&Save anyway"))
            if missing == 1:
                text = self.tr(
                    "1 answer is missing: the total will be prorated. Press Save "
                    "again (Ctrl+S) to save anyway."
                )
            else:
                text = self.tr(
                    "%1 answers are missing: there will be no total. Press Save "
                    "again (Ctrl+S) to save anyway."
                ).replace("%1", str(missing))
            self._show_message("⚠ " + text)
            return False
        day = self.day()
        if not self.date.check() or day is None:
            self._show_message(self.tr("Not saved: ") + (self.date.error() or ""))
            self.date.setFocus()
            return False
        try:
            with self._vault.session() as s:
                a = assessments.save_assessment(
                    s,
                    self._participant_id,
                    self.kind_key(),
                    day,
                    answers,
                    assessment_id=self._assessment_id,
                    today=self._today,
                )
                s.commit()
                saved_id = a.id
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
