"""The monthly report as a PDF (reportlab), printable for the office's 通报.

The Chinese font is embedded (a subset of a TrueType font found on the machine, or
the one ``YS_REPORT_FONT`` names): a PDF relying on the reader to supply a CJK font
(reportlab's CID fonts) shows blanks on many readers and printers. A4 landscape: the
title, the time of the figures, the table, the same three charts as the report page
(received / closed / overdue per department, on-time rate per department, complaint
categories) with every department under its full name, and the definitions.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.reports.export_tables import COLUMNS, NOTES, as_of_text, rate_text, rating_text, row_values, title
from bot.reports.monthly import MonthlyReport

FONT = "YSReportChinese"
#: TrueType fonts (glyf outlines: reportlab cannot embed CFF-based OpenType) with Chinese,
#: as Debian and Ubuntu install them; ``path#n`` picks the n-th font of a collection.
FONT_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#0",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#0",
    "/usr/share/fonts/truetype/arphic/uming.ttc#0",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
BAR_HEIGHT = 7
PALETTE = ("#3b6ea5", "#4c9a5f", "#c0392b")


class ReportFontMissing(RuntimeError):
    """No Chinese TrueType font to embed in the PDF."""

    def __init__(self, tried: Sequence[str]) -> None:
        self.tried = tuple(tried)
        super().__init__("no Chinese TrueType font for the PDF report; install fonts-wqy-microhei (apt-get) "
                         f"or set YS_REPORT_FONT to a .ttf/.ttc file (tried: {', '.join(tried)})")


@dataclass(frozen=True)
class FontFile:
    """A font file and, for a collection (.ttc), which font in it."""

    path: Path
    index: int = 0

    @classmethod
    def parse(cls, text: str) -> FontFile:
        """``/path/font.ttc#1`` → that file, font 1."""
        path, _, index = text.partition("#")
        return cls(Path(path), int(index) if index.isdigit() else 0)


def find_font(configured: str | None = None) -> FontFile:
    """The configured font file, or the first candidate present.

    Raises:
        ReportFontMissing: the configured file does not exist, or no candidate does.
    """
    tried = [configured] if configured else list(FONT_CANDIDATES)
    for text in tried:
        font = FontFile.parse(text)
        if font.path.is_file():
            return font
    raise ReportFontMissing(tried)


def _register(font: FontFile) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    # one registration per process; a second font file would need another name
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font.path), subfontIndex=font.index))


def _bars(title_text: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
          unit: str = "", maximum: float = 0) -> Any:
    """A horizontal bar chart: one group per label (full names), one bar per series."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    label_width = 8 + 9 * max([4, *(len(label) for label in labels)])
    group = BAR_HEIGHT * len(series) + 6
    plot_height = group * max(1, len(labels))
    drawing = Drawing(760, plot_height + 40)
    drawing.add(String(0, plot_height + 28, title_text, fontName=FONT, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = label_width, 10, 560 - label_width + 120, plot_height
    # the first label at the top, as in the table
    chart.data = [list(reversed(list(values))) for _, values in series]
    chart.categoryAxis.categoryNames = list(reversed(list(labels)))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    top = max([maximum, 1, *(v for _, values in series for v in values)])
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1, round(top / 5)) if not unit else 20
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    number = "%d" + unit.replace("%", "%%")
    chart.valueAxis.labelTextFormat = number
    chart.barLabelFormat = number
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    for index in range(len(series)):
        chart.bars[index].fillColor = colors.HexColor(PALETTE[index % len(PALETTE)])
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = chart.x + chart.width + 10, plot_height + 10
        legend.fontName, legend.fontSize = FONT, 8
        legend.colorNamePairs = [(colors.HexColor(PALETTE[i]), name) for i, (name, _) in enumerate(series)]
        drawing.add(legend)
    return drawing


def charts(report: MonthlyReport) -> list[Any]:
    """The report page's three charts, every department under its full name."""
    names = [r.department for r in report.rows]
    drawn = []
    if report.rows:
        drawn.append(_bars("各部门受理、办结、超期", names, [
            ("受理量", [r.received for r in report.rows]), ("办结量", [r.closed for r in report.rows]),
            ("超期量", [r.overdue for r in report.rows])]))
        drawn.append(_bars("按时办结率", names, [("按时办结率", [100 * (r.on_time_rate or 0) for r in report.rows])],
                           unit="%", maximum=100))
    if report.categories:
        drawn.append(_bars("投诉类型", [c.category for c in report.categories],
                           [("件数", [c.count for c in report.categories])]))
    return drawn


def to_pdf(report: MonthlyReport, city: str = "", font: str | None = None) -> bytes:
    """The report as PDF bytes; the document's subject is the month (``2026-10``).

    Args:
        report: the figures.
        city: the deploying city's name, for the title.
        font: a TrueType font file with Chinese (``path`` or ``path#index``); by
            default the first of :data:`FONT_CANDIDATES` present.

    Raises:
        ReportFontMissing: no such font.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register(find_font(font))
    heading = ParagraphStyle("heading", fontName=FONT, fontSize=16, leading=22)
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=13)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10)

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm, title=title(report, city),
                            subject=report.month.iso, author="营商助手", creator="营商助手 bot.reports")
    table_rows: list[list[Any]] = [list(COLUMNS)]
    for row in (*report.rows, report.total):
        values = row_values(row)
        values[0] = Paragraph(str(values[0]), cell)  # a long department name wraps, never cut
        values[4] = rate_text(row.on_time_rate)
        values[7] = rating_text(row.average_rating)
        values[-1] = Paragraph(str(values[-1]) or "—", cell)
        table_rows.append(values)
    table = Table(table_rows, repeatRows=1,
                  colWidths=[42 * mm, 17 * mm, 17 * mm, 20 * mm, 20 * mm, 17 * mm, 17 * mm, 24 * mm, 15 * mm, 80 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f3f3")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (8, -1), "RIGHT"),
    ]))
    story: list[Any] = [Paragraph(title(report, city), heading), Paragraph(as_of_text(report), body),
                        Spacer(1, 4 * mm), table, Spacer(1, 4 * mm)]
    for drawing in charts(report):
        story += [KeepTogether([drawing]), Spacer(1, 3 * mm)]
    story += [Spacer(1, 3 * mm), *(Paragraph(line, body) for line in NOTES)]
    doc.build(story)
    return out.getvalue()
