"""The monthly report as a PDF (reportlab), printable for the office's 通报.

Chinese text uses reportlab's built-in CID font ``STSong-Light`` (Adobe's Song font,
which PDF readers supply), so nothing is downloaded or embedded. A4 landscape: the
title, the time of the figures, the table, a bar chart of received / closed / overdue
per department, and the definitions.
"""
from __future__ import annotations

import io
from typing import Any, List

from bot.reports.export_tables import COLUMNS, NOTES, as_of_text, row_values, title
from bot.reports.monthly import MonthlyReport

FONT = "STSong-Light"
CHART_DEPARTMENTS = 12


def _chart(report: MonthlyReport) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    rows = report.rows[:CHART_DEPARTMENTS]
    drawing = Drawing(720, 200)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 45, 560, 140
    chart.data = [[r.received for r in rows], [r.closed for r in rows], [r.overdue for r in rows]]
    chart.categoryAxis.categoryNames = [r.department[:6] for r in rows]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    top = max([1, *(v for series in chart.data for v in series)])
    chart.valueAxis.valueStep = max(1, (top + 4) // 5)
    palette = (colors.HexColor("#3b6ea5"), colors.HexColor("#4c9a5f"), colors.HexColor("#c0392b"))
    for index, colour in enumerate(palette):
        chart.bars[index].fillColor = colour
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 620, 170
    legend.fontName, legend.fontSize = FONT, 8
    legend.colorNamePairs = list(zip(palette, ("受理量", "办结量", "超期量")))
    drawing.add(legend)
    return drawing


def to_pdf(report: MonthlyReport, city: str = "") -> bytes:
    """The report as PDF bytes; the document's subject is the month (``2026-10``)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    heading = ParagraphStyle("heading", fontName=FONT, fontSize=16, leading=22)
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=13)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10)

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm, title=title(report, city),
                            subject=report.month.iso, author="营商助手", creator="营商助手 bot.reports")
    table_rows: List[List[Any]] = [list(COLUMNS)]
    for row in (*report.rows, report.total):
        values = row_values(row)
        values[-1] = Paragraph(str(values[-1]) or "—", cell)
        table_rows.append(values)
    table = Table(table_rows, repeatRows=1,
                  colWidths=[42 * mm, 17 * mm, 17 * mm, 20 * mm, 20 * mm, 17 * mm, 17 * mm, 24 * mm, 95 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f3f3")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (7, -1), "RIGHT"),
    ]))
    story: List[Any] = [Paragraph(title(report, city), heading), Paragraph(as_of_text(report), body),
                        Spacer(1, 4 * mm), table, Spacer(1, 4 * mm)]
    if report.rows:
        story.append(_chart(report))
    story += [Spacer(1, 3 * mm), *(Paragraph(line, body) for line in NOTES)]
    doc.build(story)
    return out.getvalue()
