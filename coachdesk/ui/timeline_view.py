"""The Overview's 12-week timeline, painted with QPainter from the palette.

Rows: PSS-10 (screening, final), group-phase attendance, individual sessions (held,
cancelled/no-show, the next planned one); a line marks today. Shapes differ, not only
shades, so it reads in grey-scale and in a dark theme.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coachdesk.core import course


@dataclass
class TimelineData:
    start: dt.date | None
    today: dt.date
    assessments: list[tuple[str, dt.date]] = field(default_factory=list)
    attendance: list[tuple[dt.date, bool]] = field(default_factory=list)
    sessions: list[tuple[dt.date, str]] = field(default_factory=list)
    planned: list[dt.date] = field(default_factory=list)

    def week_of(self, d: dt.date) -> float | None:
        """Position in weeks from the start (0.0 = first day of week 1)."""
        if self.start is None:
            return None
        return (d - self.start).days / 7


class TimelineView(QWidget):
    LEFT = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: TimelineData | None = None
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Course timeline"))

    def sizeHint(self) -> QSize:
        return QSize(800, 200)

    def set_data(self, data: TimelineData) -> None:
        self.data = data
        self.setAccessibleDescription(self._describe())
        self.update()

    def _describe(self) -> str:
        d = self.data
        if d is None or d.start is None:
            return self.tr("The course has not started.")
        held = sum(1 for _, s in d.sessions if s == "held")
        present = sum(1 for _, p in d.attendance if p)
        return (
            self.tr("%1 group sessions attended, %2 individual sessions held.")
            .replace("%1", str(present))
            .replace("%2", str(held))
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        mid = pal.color(QPalette.ColorRole.Mid)
        hi = pal.color(QPalette.ColorRole.Highlight)
        base = pal.color(QPalette.ColorRole.AlternateBase)
        fm = p.fontMetrics()
        w, h = self.width(), self.height()
        left = max(self.LEFT, fm.horizontalAdvance(self.tr("Individual sessions")) + 16)
        right = w - 12
        top = fm.height() + 10
        rows = [self.tr("PSS-10"), self.tr("Group sessions"), self.tr("Individual sessions")]
        row_h = (h - top - 8) / len(rows)
        n = course.COURSE_WEEKS
        week_w = (right - left) / n

        def x_of(weeks: float) -> float:
            # Keep markers inside the grid (a screening before the start sits in week 1).
            x = left + max(0.0, min(float(n), weeks)) * week_w
            return max(left + 10, min(right - 10, x))

        # Phase bands: the group phase (weeks 1-4) shaded.
        p.fillRect(QRectF(left, top, 4 * week_w, h - top - 8), base)
        p.setPen(QPen(mid, 1))
        for i in range(n + 1):
            x = left + i * week_w
            p.drawLine(QPointF(x, top), QPointF(x, h - 8))
        p.setPen(text)
        for i in range(n):
            r = QRectF(left + i * week_w, 0, week_w, top - 4)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(i + 1))
        p.drawText(
            QRectF(0, 0, left - 8, top - 4),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Week"),
        )
        for i, name in enumerate(rows):
            r = QRectF(0, top + i * row_h, left - 8, row_h)
            p.drawText(r, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            p.setPen(QPen(mid, 1, Qt.PenStyle.DotLine))
            y = top + (i + 1) * row_h
            p.drawLine(QPointF(left, y), QPointF(right, y))
            p.setPen(text)

        d = self.data
        if d is None or d.start is None:
            p.drawText(
                QRectF(left, top, right - left, h - top),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Set the course start date to see the timeline."),
            )
            p.end()
            return
        rad = min(row_h / 4, week_w / 5, 8.0)

        def cy(row: int) -> float:
            return top + (row + 0.5) * row_h

        # PSS-10: filled diamond = done; a hollow one marks the final that is still due.
        p.setPen(QPen(text, 1.5))
        done_final = False
        for kind, day in d.assessments:
            wk = d.week_of(day)
            if wk is None:
                continue
            self._diamond(p, x_of(wk), cy(0), rad * 1.3, filled=True, fill=text)
            done_final = done_final or kind == "final"
        if not done_final:
            self._diamond(p, x_of(n - 0.5), cy(0), rad * 1.3, filled=False, fill=text)

        # Group attendance: filled circle present, hollow absent.
        for day, present in d.attendance:
            wk = d.week_of(day)
            if wk is None:
                continue
            x = x_of(wk)
            p.setBrush(text if present else Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x, cy(1)), rad * 0.8, rad * 0.8)

        # Sessions: filled square held, cross cancelled/no-show, dashed outline planned.
        for day, status in d.sessions:
            wk = d.week_of(day)
            if wk is None:
                continue
            x = x_of(wk)
            if status == "held":
                p.fillRect(QRectF(x - rad, cy(2) - rad, 2 * rad, 2 * rad), text)
            else:
                p.drawLine(QPointF(x - rad, cy(2) - rad), QPointF(x + rad, cy(2) + rad))
                p.drawLine(QPointF(x - rad, cy(2) + rad), QPointF(x + rad, cy(2) - rad))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(text, 1.5, Qt.PenStyle.DashLine))
        for day in d.planned:
            wk = d.week_of(day)
            if wk is not None:
                p.drawRect(QRectF(x_of(wk) - rad, cy(2) - rad, 2 * rad, 2 * rad))

        # Today.
        wk = d.week_of(d.today)
        if wk is not None and 0 <= wk <= n:
            p.setPen(QPen(hi, 2))
            x = x_of(wk)
            p.drawLine(QPointF(x, top - 2), QPointF(x, h - 8))
        p.end()

    @staticmethod
    def _diamond(p: QPainter, x: float, y: float, r: float, *, filled: bool, fill: QColor) -> None:
        from PySide6.QtGui import QPolygonF

        poly = QPolygonF(
            [QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)]
        )
        p.setBrush(fill if filled else Qt.BrushStyle.NoBrush)
        p.drawPolygon(poly)
        p.setBrush(Qt.BrushStyle.NoBrush)
