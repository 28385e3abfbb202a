"""The PSS-10 before/after chart on screen: core/pss10_chart.ChartData painted with QPainter.

Same design as the PDF (reports/pss10_chart.py): a marker shape per kind, hollow when
prorated, reference lines told apart by dash pattern and labelled in the margin, soft
bands, the verdict in words under the plot and, when switched on, the item-by-item
comparison. Colours adapt to a dark palette; nothing depends on colour alone.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coachdesk.core import pss10
from coachdesk.core.pss10_chart import ChartData

MARKER = 4.5


def kind_labels() -> dict[str, str]:
    return {
        "screening": QCoreApplication.translate("Pss10Chart", "Screening"),
        "final": QCoreApplication.translate("Pss10Chart", "Final"),
        "followup": QCoreApplication.translate("Pss10Chart", "Follow-up"),
    }


def band_labels() -> dict[str, str]:
    return {
        "low": QCoreApplication.translate("Pss10Chart", "low"),
        "moderate": QCoreApplication.translate("Pss10Chart", "moderate"),
        "high": QCoreApplication.translate("Pss10Chart", "high"),
    }


def reference_label(key: str, value: int) -> str:
    if key == "threshold":
        return QCoreApplication.translate("Pss10Chart", "Admission threshold %1").replace(
            "%1", str(value)
        )
    return QCoreApplication.translate("Pss10Chart", "National high stress %1+").replace(
        "%1", str(value)
    )


def date_text(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def signed(value: int) -> str:
    return ("+" if value > 0 else "") + QLocale().toString(value)


def verdict_lines(data: ChartData) -> list[str]:
    """The verdict in words (the PDF's verdict_lines says the same in its own catalogue)."""
    loc = QLocale()
    lines: list[str] = []
    v = data.verdict
    if data.empty:
        lines.append(QCoreApplication.translate("Pss10Chart", "No PSS-10 questionnaires yet"))
    elif v is None:
        lines.append(
            QCoreApplication.translate(
                "Pss10Chart", "The change shows once there is a screening and a final with a total."
            )
        )
    else:
        lines.append(
            QCoreApplication.translate("Pss10Chart", "Before %1 (%2), after %3 (%4): %5 points")
            .replace("%1", str(v.before))
            .replace("%2", date_text(v.before_date))
            .replace("%3", str(v.after))
            .replace("%4", date_text(v.after_date))
            .replace("%5", signed(v.difference))
        )
        verdict = {
            "improved": QCoreApplication.translate("Pss10Chart", "Reliable improvement"),
            "no_reliable_change": QCoreApplication.translate("Pss10Chart", "No reliable change"),
            "worsened": QCoreApplication.translate("Pss10Chart", "Reliable worsening"),
        }[v.reliable_change]
        rule = (
            QCoreApplication.translate(
                "Pss10Chart", "a change of %1 points or more is reliable (SD %2, r %3)"
            )
            .replace("%1", str(v.reliable_points))
            .replace("%2", loc.toString(v.sd, "g", 4))
            .replace("%3", loc.toString(v.r, "g", 4))
        )
        lines.append(f"{verdict}: {rule}")
        if v.clinically_important:
            lines.append(
                QCoreApplication.translate(
                    "Pss10Chart",
                    "Clinically important improvement (a decrease of %1 points or more)",
                ).replace("%1", str(v.mcid_points))
            )
        else:
            lines.append(
                QCoreApplication.translate(
                    "Pss10Chart",
                    "Not a clinically important improvement (that needs a decrease of %1 points)",
                ).replace("%1", str(v.mcid_points))
            )
    if data.without_total:
        lines.append(
            QCoreApplication.translate(
                "Pss10Chart",
                "%n questionnaire(s) without a total (2 or more answers missing) not shown.",
                None,
                len(data.without_total),
            )
        )
    return lines


class _Colours:
    """The chart's colours for the current palette (light or dark)."""

    def __init__(self, widget: QWidget) -> None:
        pal = widget.palette()
        base = pal.color(pal.ColorRole.Base)
        self.dark = base.lightnessF() < 0.5
        self.base = base
        self.text = pal.color(pal.ColorRole.WindowText)
        self.muted = QColor(self.text)
        self.muted.setAlphaF(0.65)
        self.series = QColor("#8fc1ef" if self.dark else "#1f4e79")
        self.threshold = QColor("#f08a8a" if self.dark else "#7a1f1f")
        self.national = QColor("#c8c8c8" if self.dark else "#444444")
        tints = {"low": "#eef5ee", "moderate": "#f6efdc", "high": "#f3dcd6"}
        dark_tints = {"low": "#22302a", "moderate": "#3a3424", "high": "#46292a"}
        self.band = {k: QColor((dark_tints if self.dark else tints)[k]) for k in tints}


class Pss10ChartView(QWidget):
    """Paints a ChartData; ``set_show_items(True)`` adds the item-by-item comparison."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self._lang = lang or ui_lang()
        self._data: ChartData | None = None
        self._show_items = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 260)
        self.setAccessibleName(self.tr("PSS-10 chart"))

    def sizeHint(self) -> QSize:
        return QSize(640, 560 if self._show_items else 340)

    def set_data(self, data: ChartData | None) -> None:
        self._data = data
        # Screen readers get the verdict; the picture alone says nothing to them.
        self.setAccessibleDescription(" ".join(verdict_lines(data)) if data else "")
        self.update()

    def data(self) -> ChartData | None:
        return self._data

    def set_show_items(self, on: bool) -> None:
        self._show_items = on
        self.updateGeometry()
        self.update()

    def show_items(self) -> bool:
        return self._show_items

    # --- painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = _Colours(self)
        p.fillRect(self.rect(), c.base)
        data = self._data
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        if data is None:
            return
        if self._show_items and data.items:
            split = area.height() * 0.55
            self._paint_totals(p, c, data, QRectF(area.left(), area.top(), area.width(), split))
            self._paint_items(
                p,
                c,
                data,
                QRectF(
                    area.left(), area.top() + split + 12, area.width(), area.height() - split - 12
                ),
            )
        else:
            self._paint_totals(p, c, data, area)
        p.end()

    def _marker(self, p: QPainter, c: _Colours, kind: str, at: QPointF, hollow: bool) -> None:
        p.setPen(QPen(c.series, 1.6))
        p.setBrush(c.base if hollow else c.series)
        s = MARKER
        if kind == "final":
            p.drawRect(QRectF(at.x() - s, at.y() - s, 2 * s, 2 * s))
        elif kind == "followup":
            t = s * 1.3
            path = QPainterPath(QPointF(at.x(), at.y() - t))
            path.lineTo(at.x() + t, at.y() + t * 0.85)
            path.lineTo(at.x() - t, at.y() + t * 0.85)
            path.closeSubpath()
            p.drawPath(path)
        else:
            p.drawEllipse(at, s * 1.1, s * 1.1)

    def _paint_totals(self, p: QPainter, c: _Colours, data: ChartData, area: QRectF) -> None:
        font = QFont(self.font())
        p.setFont(font)
        fm = QFontMetricsF(font)
        line_h = fm.height() * 1.15
        verdict = verdict_lines(data)
        refs = {r.key: reference_label(r.key, r.value) for r in data.reference_lines}
        right = max(fm.horizontalAdvance(t) for t in refs.values()) + 10
        left = fm.height() + fm.horizontalAdvance("40") + 12
        bottom = fm.height() + 6 + line_h * (1 + len(verdict)) + 6
        plot = QRectF(
            area.left() + left,
            area.top() + 4,
            area.width() - left - right,
            area.height() - bottom - 4,
        )
        if plot.width() < 40 or plot.height() < 40:
            return

        def ypos(v: float) -> float:
            return plot.bottom() - data.y_fraction(v) * plot.height()

        def xpos(day: dt.date) -> float:
            return plot.left() + data.x_fraction(day) * plot.width()

        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        sfm = QFontMetricsF(small)
        names = band_labels()
        for b in data.bands:
            top = ypos(min(b.high + 0.5, data.y_max))
            low = ypos(b.low - (0 if b.low == 0 else 0.5))
            p.fillRect(QRectF(plot.left(), top, plot.width(), low - top), c.band[b.key])
            p.setFont(small)
            p.setPen(c.muted)
            p.drawText(QPointF(plot.left() + 4, top + sfm.ascent() + 2), names[b.key])
        p.setFont(font)

        # Axes, ticks and titles.
        p.setPen(QPen(c.text, 1))
        p.drawLine(plot.bottomLeft(), plot.topLeft())
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        for t in data.y_ticks:
            y = ypos(t)
            p.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left(), y))
            text = str(t)
            p.drawText(
                QPointF(plot.left() - 6 - fm.horizontalAdvance(text), y + fm.ascent() / 2.5), text
            )
        p.save()
        p.translate(area.left() + fm.ascent(), plot.center().y())
        p.rotate(-90)
        title = self.tr("Total score (0–40)")
        p.drawText(QPointF(-fm.horizontalAdvance(title) / 2, 0), title)
        p.restore()
        tick_y = plot.bottom() + 4 + fm.ascent()
        for day in data.x_ticks:
            x = xpos(day)
            p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            text = date_text(day)
            w = fm.horizontalAdvance(text)
            tx = min(max(x - w / 2, plot.left() - left / 2), plot.right() + right - w)
            p.drawText(QPointF(tx, tick_y), text)
        p.setPen(c.muted)
        p.drawText(QPointF(plot.right() + 6, tick_y), self.tr("Date"))

        # Reference lines with their labels in the right margin.
        for r in data.reference_lines:
            colour = c.threshold if r.key == "threshold" else c.national
            pen = QPen(colour, 1.6)
            pen.setDashPattern(list(r.dash))
            p.setPen(pen)
            y = ypos(r.value)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(colour)
            ty = y - 3 if r.label_above else y + fm.ascent() + 1
            p.drawText(QPointF(plot.right() + 6, ty), refs[r.key])

        # The series.
        p.setFont(font)
        if data.points:
            if len(data.points) > 1:
                p.setPen(QPen(c.series, 2.2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                path = QPainterPath()
                for i, pt in enumerate(data.points):
                    at = QPointF(xpos(pt.date), ypos(pt.total))
                    path.moveTo(at) if i == 0 else path.lineTo(at)
                p.drawPath(path)
            bold = QFont(font)
            bold.setBold(True)
            for pt in data.points:
                at = QPointF(xpos(pt.date), ypos(pt.total))
                self._marker(p, c, pt.kind, at, pt.prorated)
                p.setFont(bold)
                p.setPen(c.text)
                text = f"{pt.total}*" if pt.prorated else str(pt.total)
                w = QFontMetricsF(bold).horizontalAdvance(text)
                p.drawText(QPointF(at.x() - w / 2, at.y() - MARKER - 5), text)
            p.setFont(font)
        else:
            p.setPen(c.muted)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, verdict[0])

        # Legend row, then the verdict.
        y = tick_y + line_h
        x = plot.left()
        p.setPen(c.text)
        kinds = kind_labels()
        for kind in ("screening", "final", "followup"):
            self._marker(p, c, kind, QPointF(x + MARKER, y - fm.ascent() / 3), False)
            p.setPen(c.text)
            p.drawText(QPointF(x + 2 * MARKER + 5, y), kinds[kind])
            x += 2 * MARKER + 5 + fm.horizontalAdvance(kinds[kind]) + 14
        self._marker(p, c, "screening", QPointF(x + MARKER, y - fm.ascent() / 3), True)
        p.setPen(c.text)
        p.drawText(
            QPointF(x + 2 * MARKER + 5, y),
            "* " + self.tr("hollow marker: 1 answer missing, total prorated"),
        )
        for i, text in enumerate(verdict):
            f = QFont(font)
            f.setBold(i == 1 and data.verdict is not None)
            p.setFont(f)
            p.drawText(QPointF(plot.left(), y + line_h * (i + 1)), text)
        p.setFont(font)

    def _paint_items(self, p: QPainter, c: _Colours, data: ChartData, area: QRectF) -> None:
        font = QFont(self.font())
        p.setFont(font)
        fm = QFontMetricsF(font)
        items = pss10.items(self._lang)
        rev = self.tr("R")
        texts = []
        for it in data.items:
            text = f"{it.item}. {items[it.item - 1]}"
            texts.append(f"{text.rstrip('?')} ({rev})" if it.reversed else text)
        # As wide as the longest item needs, but the plot keeps at least 40%.
        label_w = min(area.width() * 0.6, max(fm.horizontalAdvance(t) for t in texts) + 4)
        plot = QRectF(
            area.left() + label_w + 10,
            area.top() + fm.height() + 4,
            area.width() - label_w - 20,
            area.height() - fm.height() * 3 - 12,
        )
        if plot.height() < 40:
            return
        p.setPen(c.muted)
        p.drawText(
            QPointF(area.left(), area.top() + fm.ascent()),
            self.tr("Item by item (0 = least stress, 4 = most); R = reversed item"),
        )
        row = plot.height() / len(data.items)

        def xpos(score: float) -> float:
            return plot.left() + score / pss10.MAX_ANSWER * plot.width()

        grid = QColor(c.text)
        grid.setAlphaF(0.15)
        for s in range(pss10.MAX_ANSWER + 1):
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(xpos(s), plot.top()), QPointF(xpos(s), plot.bottom()))
            p.setPen(c.text)
            text = str(s)
            p.drawText(
                QPointF(xpos(s) - fm.horizontalAdvance(text) / 2, plot.bottom() + fm.ascent() + 2),
                text,
            )
        for i, it in enumerate(data.items):
            y = plot.top() + (i + 0.5) * row
            text = fm.elidedText(texts[i], Qt.TextElideMode.ElideRight, label_w)
            p.setPen(c.text)
            p.drawText(QPointF(area.left(), y + fm.ascent() / 2.5), text)
            if it.before_score is not None and it.after_score is not None:
                p.setPen(QPen(c.series, 2))
                p.drawLine(QPointF(xpos(it.before_score), y), QPointF(xpos(it.after_score), y))
            # Equal scores would hide the circle behind the square: nudge them apart.
            nudge = MARKER * 0.8 if it.before_score == it.after_score else 0.0
            if it.before_score is not None:
                self._marker(p, c, "screening", QPointF(xpos(it.before_score), y - nudge), False)
            if it.after_score is not None:
                self._marker(p, c, "final", QPointF(xpos(it.after_score), y + nudge), False)
        ly = plot.bottom() + fm.height() + fm.ascent() + 4
        x = plot.left()
        for kind, text in (("screening", self.tr("Before")), ("final", self.tr("After"))):
            self._marker(p, c, kind, QPointF(x + MARKER, ly - fm.ascent() / 3), False)
            p.setPen(c.text)
            p.drawText(QPointF(x + 2 * MARKER + 5, ly), text)
            x += 2 * MARKER + 5 + fm.horizontalAdvance(text) + 14


def ui_lang() -> str:
    """The questionnaire's language: Danish in a Danish UI, else English."""
    return "da" if QLocale().language() == QLocale.Language.Danish else "en"
