"""The before/after chart and the item-by-item view for any registered questionnaire.

Both read the instrument's registry entry (core/instruments.py): the primary score's
range, its bands, its reference lines and its meaningful-change rule. The chart is
painted by hand (no chart library): points per questionnaire in date order, the bands
as shaded strips, the reference lines dashed and labelled, the verdict underneath.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coachdesk.core.instrument import Instrument, text
from coachdesk.store.assessments import InstrumentRow
from coachdesk.ui.pss10_chart_view import kind_labels

_ROOT = QModelIndex()
_BAND_COLOURS = ("#f3d9d5", "#f7ead0", "#e2efd9", "#d8e6f3")


def verdict_text(inst: Instrument, rows: list[InstrumentRow], lang: str) -> str:
    """Before (first screening) and after (latest final), the difference and the verdict."""
    firsts = [r for r in rows if r.kind == "screening" and r.result.value is not None]
    lasts = [r for r in rows if r.kind == "final" and r.result.value is not None]
    if not firsts or not lasts:
        return QCoreApplication.translate(
            "InstrumentChart",
            "Before/after: needs a scored screening and a scored final questionnaire.",
        )
    before, after = firsts[0].result.value, lasts[-1].result.value
    assert before is not None and after is not None
    diff = after - before
    verdict = inst.change_verdict(before, after)
    words = {
        "improved": QCoreApplication.translate("InstrumentChart", "meaningful improvement"),
        "worsened": QCoreApplication.translate("InstrumentChart", "meaningful worsening"),
        "no_meaningful_change": QCoreApplication.translate(
            "InstrumentChart", "no meaningful change"
        ),
        None: QCoreApplication.translate(
            "InstrumentChart", "no published rule for a meaningful change"
        ),
    }[verdict]
    return (
        QCoreApplication.translate("InstrumentChart", "Before %1, after %2, change %3: %4")
        .replace("%1", f"{before:g}")
        .replace("%2", f"{after:g}")
        .replace("%3", f"{diff:+g}")
        .replace("%4", words)
    )


class InstrumentChart(QWidget):
    """The primary score of every questionnaire of one instrument, with bands and lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inst: Instrument | None = None
        self.rows: list[InstrumentRow] = []
        self.lang = "en"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)

    def sizeHint(self) -> QSize:
        return QSize(640, 320)

    def set_data(self, inst: Instrument, rows: list[InstrumentRow], lang: str) -> None:
        self.inst, self.rows, self.lang = inst, rows, lang
        self.setAccessibleName(
            QCoreApplication.translate("InstrumentChart", "Chart of %1").replace("%1", inst.short)
        )
        self.setAccessibleDescription(verdict_text(inst, rows, lang))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.inst is None:
            return
        inst = self.inst
        spec = inst.primary_spec()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        pal = self.palette()
        fg = pal.color(pal.ColorRole.WindowText)
        left, right = fm.horizontalAdvance("100 ") + 6, 12
        top, bottom = fm.height() + 8, 2 * fm.height() + 16
        plot = QRectF(
            left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom)
        )
        lo, hi = spec.lo, spec.hi

        def y(v: float) -> float:
            return plot.bottom() - (v - lo) / (hi - lo) * plot.height()

        p.drawText(
            QRectF(0, 0, self.width(), top - 4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{text(inst.name, self.lang)} — {text(spec.name, self.lang)}",
        )
        # Bands: shaded strips with their label at the right edge.
        for i, band in enumerate(inst.bands):
            strip = QRectF(
                plot.left(), y(min(band.hi + (1 if spec.integer else 0), hi)), plot.width(), 0
            )
            strip.setBottom(y(band.lo))
            p.fillRect(strip.normalized(), QColor(_BAND_COLOURS[i % len(_BAND_COLOURS)]))
            p.setPen(QColor("#555555"))
            p.drawText(
                strip.normalized().adjusted(4, 2, -4, -2),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                inst.band_label(band.key, self.lang),
            )  # clear of the lines above
        # Axis with ticks at the ends and every reference line.
        p.setPen(QPen(fg, 1))
        p.drawRect(plot)
        ticks = sorted({lo, hi, *(r.value for r in inst.ref_lines)})
        for t in ticks:
            p.drawText(
                QRectF(0, y(t) - fm.height() / 2, left - 6, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{t:g}",
            )
        for line in inst.ref_lines:
            p.setPen(QPen(QColor("#8a1c1c"), 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(plot.left(), y(line.value)), QPointF(plot.right(), y(line.value)))
            p.drawText(QPointF(plot.left() + 6, y(line.value) - 4), text(line.label, self.lang))
        # The questionnaires in date order.
        scored = [r for r in self.rows if r.result.value is not None]
        n = len(self.rows)
        if n:
            step = plot.width() / (n + 1)
            pts: list[QPointF] = []
            for i, r in enumerate(self.rows):
                x = plot.left() + step * (i + 1)
                label = f"{kind_labels()[r.kind]}\n{_date(r.date)}"
                p.setPen(fg)
                p.drawText(
                    QRectF(x - step / 2, plot.bottom() + 4, step, 2 * fm.height() + 4),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    label,
                )
                if r.result.value is not None:
                    pts.append(QPointF(x, y(r.result.value)))
            p.setPen(QPen(pal.color(pal.ColorRole.Highlight), 2))
            for a, b in itertools.pairwise(pts):
                p.drawLine(a, b)
            p.setBrush(pal.color(pal.ColorRole.Highlight))
            for pt, r in zip(pts, scored, strict=True):
                p.drawEllipse(pt, 4, 4)
                p.setPen(fg)
                p.drawText(pt + QPointF(6, -6), f"{r.result.value:g}")
                p.setPen(QPen(pal.color(pal.ColorRole.Highlight), 2))
        else:
            p.setPen(fg)
            p.drawText(
                plot,
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("InstrumentChart", "No questionnaires yet."),
            )
        p.end()


def _date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


class ItemTableModel(QAbstractTableModel):
    """Items down, questionnaires across: each cell the answer given (the item view)."""

    def __init__(self) -> None:
        super().__init__()
        self.inst: Instrument | None = None
        self.rows: list[InstrumentRow] = []
        self.lang = "en"

    def set_data(self, inst: Instrument, rows: list[InstrumentRow], lang: str) -> None:
        self.beginResetModel()
        self.inst, self.rows, self.lang = inst, rows, lang
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if self.inst is None or parent.isValid() else self.inst.n_items

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 1 + len(self.rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if self.inst is None or not index.isValid():
            return None
        item = self.inst.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                mark = " (R)" if item.reversed else ""
                return f"{index.row() + 1}. {item.wording(self.lang)}{mark}"
            a = self.rows[index.column() - 1].answers[index.row()]
            return "–" if a is None else str(a)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return QCoreApplication.translate("InstrumentChart", "Item")
        r = self.rows[section - 1]
        return f"{kind_labels()[r.kind]}\n{_date(r.date)}"
