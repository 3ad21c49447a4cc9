"""An indicator's chart, drawn with QPainter from the core's chart data (services/indicators.py
``indicator_chart``, which the PDF draws from too): the baseline as a grey dashed line, the targets
as a blue line, the actuals as orange points joined by a line; the fiscal years along the bottom."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nagato_desk.gui.plan_year_grid import short_fiscal_year
from nagato_desk.services.indicators import ChartData
from nagato_desk.services.plan_values import format_value

BASELINE = QColor("#7b8794")
TARGET = QColor("#2f6f9f")
ACTUAL = QColor("#d9730d")
GRID = QColor("#d9e2ec")


class IndicatorChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ChartData | None = None
        self.date_style = "wareki"
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, data: ChartData | None, date_style: str = "wareki") -> None:
        self.data = data
        self.date_style = date_style
        self.update()

    # where things go ------------------------------------------------------------------------------
    def plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = 14 + max(
            (metrics.horizontalAdvance(format_value(t)) for t in (self.data.y_ticks if self.data else [])),
            default=30,
        )
        top = 12 + metrics.height() * 2  # the title and the legend
        bottom = 10 + metrics.height()
        return QRectF(left, top, max(10.0, self.width() - left - 16), max(10.0, self.height() - top - bottom))

    def x_of(self, year: int) -> float:
        assert self.data is not None
        rect = self.plot_rect()
        years = self.data.years
        step = rect.width() / max(1, len(years))
        return rect.left() + step * (years.index(year) + 0.5) if year in years else rect.left()

    def y_of(self, value: Decimal) -> float:
        assert self.data is not None
        rect = self.plot_rect()
        low, high = float(self.data.y_min), float(self.data.y_max)
        span = high - low or 1.0
        return rect.bottom() - (float(value) - low) / span * rect.height()

    def point(self, year: int, value: Decimal) -> QPointF:
        return QPointF(self.x_of(year), self.y_of(value))

    # drawing --------------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        data = self.data
        if data is None:
            painter.setPen(QColor("#52606d"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Choose an indicator"))
            return
        metrics = self.fontMetrics()
        rect = self.plot_rect()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1f2933"))
        title = data.name + (f"（{data.unit}）" if data.unit else "")
        painter.drawText(QPointF(8, 4 + metrics.ascent()), title)
        painter.setFont(self.font())
        self._legend(painter, 8, 8 + metrics.height() + metrics.ascent())
        # grid lines and the value axis
        for tick in data.y_ticks:
            y = self.y_of(tick)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(QColor("#52606d"))
            label = format_value(tick)
            painter.drawText(
                QPointF(rect.left() - 6 - metrics.horizontalAdvance(label), y + metrics.ascent() / 2 - 1),
                label,
            )
        painter.setPen(QPen(QColor("#9aa5b1"), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        # the fiscal years
        painter.setPen(QColor("#52606d"))
        for year in data.years:
            label = short_fiscal_year(year, self.date_style)
            x = self.x_of(year) - metrics.horizontalAdvance(label) / 2
            painter.drawText(QPointF(x, rect.bottom() + 4 + metrics.ascent()), label)
        if data.baseline is not None:
            y = self.y_of(data.baseline[1])
            painter.setPen(QPen(BASELINE, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setBrush(BASELINE)
            painter.drawEllipse(self.point(*data.baseline), 3.5, 3.5)
        targets = list(data.targets)
        if targets:
            path = QPainterPath()
            start = data.baseline if data.baseline is not None and data.baseline[0] < targets[0][0] else None
            first = start or targets[0]
            path.moveTo(self.point(*first))
            for year, value in targets:
                path.lineTo(self.point(year, value))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(TARGET, 2, Qt.PenStyle.DashLine))
            painter.drawPath(path)
            painter.setPen(QPen(TARGET, 1.5))
            painter.setBrush(QColor("#ffffff"))
            for year, value in targets:
                painter.drawRect(QRectF(self.x_of(year) - 3.5, self.y_of(value) - 3.5, 7, 7))
        if data.actuals:
            painter.setPen(QPen(ACTUAL, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            points = [self.point(year, value) for year, value in data.actuals]
            for a, b in zip(points, points[1:], strict=False):
                painter.drawLine(a, b)
            painter.setBrush(ACTUAL)
            for (_year, value), p in zip(data.actuals, points, strict=True):
                painter.drawEllipse(p, 4.5, 4.5)
                label = format_value(value)
                painter.setPen(QColor("#8a4b08"))
                painter.drawText(QPointF(p.x() - metrics.horizontalAdvance(label) / 2, p.y() - 8), label)
                painter.setPen(QPen(ACTUAL, 2))
        painter.end()

    def _legend(self, painter: QPainter, x: float, y: float) -> None:
        metrics = self.fontMetrics()
        for text, colour, style in (
            (self.tr("Baseline"), BASELINE, Qt.PenStyle.DashLine),
            (self.tr("Target"), TARGET, Qt.PenStyle.DashLine),
            (self.tr("Actual"), ACTUAL, Qt.PenStyle.SolidLine),
        ):
            mid = y - metrics.ascent() / 2 + 2
            painter.setPen(QPen(colour, 2, style))
            painter.drawLine(QPointF(x, mid), QPointF(x + 22, mid))
            painter.setPen(QColor("#1f2933"))
            painter.drawText(QPointF(x + 28, y), text)
            x += 28 + metrics.horizontalAdvance(text) + 18
