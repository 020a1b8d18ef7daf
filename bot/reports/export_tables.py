"""The monthly report as CSV and as an Excel workbook (openpyxl).

Both have one row per department and a 合计 row, with the columns of :data:`COLUMNS`;
the workbook adds the complaint categories and the definitions of the figures. CSV
is UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from bot.reports.monthly import CategoryCount, DepartmentFigures, MonthlyReport
from bot.workdays import to_shanghai

COLUMNS = ("部门", "受理量", "办结量", "按时办结量", "按时办结率", "超期量", "评价数", "平均评价(5分制)", "差评数",
           "主要投诉类型")
#: What each figure means, in the words of the report (see bot.reports.monthly).
NOTES = (
    "统计口径:按北京时间自然月统计;本月未结束时为截至统计时点的数据。",
    "受理量:本月提交的工单数,计入统计时点所在的承办部门。",
    "办结量:本月内办结的工单数(同一工单只计一次),计入办结时的承办部门。",
    "按时办结量:办结时间不晚于当时有效办理期限的工单数;计时暂停中办结的视为按时。",
    "超期量:统计时点仍未办结且已过办理期限的工单,加上本月超期办结的工单(同一工单只计一次)。",
    "平均评价:本月企业评价(好差评五级:非常满意5、满意4、基本满意3、不满意2、非常不满意1)的平均分;"
    "经申诉复核撤销的差评不计入。",
    "差评数:本月评价为不满意或非常不满意的工单数(经申诉复核撤销的不计入);差评工单转承办部门整改。",
    "主要投诉类型:本月受理的投诉类工单按诉求描述中的关键词归类(knowledge/complaint_categories.yml),括号内为涉及最多的事项。",
)


def rate_text(value: float | None) -> str:
    """``87.5%``, or ``—`` when there is nothing to divide."""
    return "—" if value is None else f"{value * 100:.1f}%"


def rating_text(value: float | None) -> str:
    """``4.33``, or ``—`` when nobody rated."""
    return "—" if value is None else f"{value:.2f}"


def categories_text(counts: Sequence[CategoryCount]) -> str:
    """``推诿扯皮 3(企业开办);办理拖延 1``."""
    return ";".join(f"{c.category} {c.count}" + (f"({c.procedure})" if c.procedure else "") for c in counts)


def row_values(row: DepartmentFigures) -> list[object]:
    """One row's cells in :data:`COLUMNS` order, the rate and the rating as text (CSV)."""
    return [row.department, row.received, row.closed, row.closed_on_time, rate_text(row.on_time_rate),
            row.overdue, row.ratings, rating_text(row.average_rating), row.bad_ratings,
            categories_text(row.top_categories)]


#: Excel number formats of the rate (E) and the average rating (H).
RATE_FORMAT, RATING_FORMAT = "0.0%", "0.00"


def row_numbers(row: DepartmentFigures) -> list[object]:
    """One row's cells for a spreadsheet: every figure a number (an empty cell where there
    is nothing to divide), so the office can sum, sort and chart them."""
    rating = None if row.average_rating is None else round(row.average_rating, 2)
    return [row.department, row.received, row.closed, row.closed_on_time, row.on_time_rate, row.overdue,
            row.ratings, rating, row.bad_ratings, categories_text(row.top_categories)]


def title(report: MonthlyReport, city: str = "") -> str:
    """``示例市 2026年10月 营商环境诉求工单月度通报``: the report's region, else ``city``."""
    place = report.region_name or city
    return f"{place + ' ' if place else ''}{report.month.label} 营商环境诉求工单月度通报"


def as_of_text(report: MonthlyReport) -> str:
    """When the figures were taken, and whether the month is over."""
    moment = to_shanghai(report.as_of)
    if report.complete:
        return f"统计月份:{report.month.iso}(整月)"
    return f"统计月份:{report.month.iso},截至 {moment:%Y-%m-%d %H:%M}"


def to_csv(report: MonthlyReport) -> bytes:
    """The report as CSV (UTF-8 with BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in (*report.rows, report.total):
        writer.writerow(row_values(row))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(report: MonthlyReport, city: str = "") -> bytes:
    """The report as an .xlsx workbook: 月度通报, 投诉分类, 统计口径."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "月度通报"
    sheet.append([title(report, city)])
    sheet.append([as_of_text(report)])
    sheet.append(list(COLUMNS))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in report.rows:
        sheet.append(row_numbers(row))
    sheet.append(row_numbers(report.total))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for number in range(4, sheet.max_row + 1):
        sheet[f"E{number}"].number_format = RATE_FORMAT
        sheet[f"H{number}"].number_format = RATING_FORMAT
    sheet["A1"].font = Font(bold=True, size=14)
    for column, width in zip("ABCDEFGHIJ", (22, 9, 9, 11, 11, 9, 9, 14, 9, 48), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "B4"

    kinds = book.create_sheet("投诉分类")
    kinds.append(["投诉类型", "件数", "涉及最多的事项"])
    for count in report.categories:
        kinds.append([count.category, count.count, count.procedure or "—"])
    kinds.column_dimensions["A"].width = 16
    kinds.column_dimensions["C"].width = 24

    notes = book.create_sheet("统计口径")
    for line in NOTES:
        notes.append([line])
    notes.column_dimensions["A"].width = 110
    for cell in notes["A"]:
        cell.alignment = Alignment(wrap_text=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
