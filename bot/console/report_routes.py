"""The monthly report page (charts) and its exports: JSON, CSV, XLSX, PDF.

Officers get their own department's row only; the office gets every department and
the total. The month is chosen with ``?month=2026-10`` (default: the previous month).
"""
from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import quote

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.console.charts import bar_chart
from bot.console.deps import Console
from bot.console.errors import error_response
from bot.console.render import as_json, render
from bot.console.security import requires, signed_in
from bot.reports.export_pdf import to_pdf
from bot.reports.export_tables import NOTES, rate_text, rating_text, to_csv, to_xlsx
from bot.reports.monthly import DepartmentFigures, Month, MonthlyReport, build_report
from bot.staff.roles import Permission, StaffUser

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def report_json(report: MonthlyReport) -> dict[str, Any]:
    """The report's figures as JSON."""
    def row(r: DepartmentFigures) -> dict[str, Any]:
        return {"department": r.department, "received": r.received, "closed": r.closed,
                "closed_on_time": r.closed_on_time, "on_time_rate": r.on_time_rate, "overdue": r.overdue,
                "ratings": r.ratings, "average_rating": r.average_rating,
                "top_categories": [{"category": c.category, "count": c.count, "procedure": c.procedure}
                                   for c in r.top_categories]}

    return {"month": report.month.iso, "as_of": report.as_of, "complete": report.complete,
            "department": report.department, "rows": [row(r) for r in report.rows], "total": row(report.total),
            "categories": [{"category": c.category, "count": c.count, "procedure": c.procedure}
                           for c in report.categories]}


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("reports")

    def month_of(text: str | None) -> Month:
        return Month.parse(text) if text else Month.of(console.now()).previous()

    def build(user: StaffUser, month: Month) -> MonthlyReport:
        tickets = console.tickets.for_report(month.start, month.end)
        return build_report(tickets, month, console.now(), console.categories, console.procedure_names(),
                            department=user.report_scope())

    async def report_for(request: Request, text: str | None) -> MonthlyReport | None:
        try:
            month = month_of(text)
        except ValueError:
            return None
        return await asyncio.to_thread(build, signed_in(request).user, month)

    @bp.get("/reports")
    @requires(Permission.REPORTS)
    async def page(request: Request) -> HTTPResponse:
        report = await report_for(request, request.args.get("month"))
        if report is None:
            return error_response(request, 400, "month", "月份格式应为 YYYY-MM")
        rows = report.rows
        labels = [r.department for r in rows]
        charts = [
            bar_chart("各部门受理、办结、超期", labels, [
                ("受理", "s-received", [r.received for r in rows]), ("办结", "s-closed", [r.closed for r in rows]),
                ("超期", "s-overdue", [r.overdue for r in rows])]),
            bar_chart("按时办结率", labels, [("按时办结率", "s-rate", [100 * (r.on_time_rate or 0) for r in rows])],
                      maximum=100, unit="%"),
            bar_chart("投诉类型", [c.category for c in report.categories],
                      [("件数", "s-category", [c.count for c in report.categories])]),
        ]
        return render(request, "reports.html", report=report, charts=charts, notes=NOTES, rate_text=rate_text,
                      rating_text=rating_text, previous=report.month.previous().iso, next=report.month.next().iso)

    @bp.get("/api/reports/<month:str>")
    @requires(Permission.REPORTS)
    async def figures(request: Request, month: str) -> HTTPResponse:
        report = await report_for(request, month)
        if report is None:
            return error_response(request, 400, "month", "月份格式应为 YYYY-MM")
        return as_json(report_json(report))

    @bp.get("/reports/<name:str>")
    @requires(Permission.REPORTS)
    async def export(request: Request, name: str) -> HTTPResponse:
        month, _, fmt = name.rpartition(".")
        if fmt not in FORMATS:
            return error_response(request, 404, "not_found", "不支持的导出格式")
        report = await report_for(request, month)
        if report is None:
            return error_response(request, 400, "month", "月份格式应为 YYYY-MM")
        if fmt == "csv":
            body = to_csv(report)
        elif fmt == "xlsx":
            body = await asyncio.to_thread(to_xlsx, report, console.city)
        else:
            body = await asyncio.to_thread(to_pdf, report, console.city, console.config.report_font)
        saved = f"月度通报-{report.month.iso}{'-' + report.department if report.department else ''}.{fmt}"
        disposition = f"attachment; filename=\"report-{report.month.iso}.{fmt}\"; filename*=UTF-8''{quote(saved)}"
        return response.raw(body, content_type=FORMATS[fmt], headers={"Content-Disposition": disposition})

    return bp
