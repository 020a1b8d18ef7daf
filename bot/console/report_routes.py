"""The monthly report page (charts) and its exports: JSON, CSV, XLSX, PDF.

Officers get their own department's row only; the office gets every department and
the total. The month is chosen with ``?month=2026-10`` (default: the previous month).

A report is of one region: ``?region=suqian`` (default: the user's own), one the user
sees (another answers 404, as a ticket of another region does). A region with regions
below it is rolled up (its own tickets and theirs) unless ``?rollup=0``; an officer's
report is of their own region only.
"""
from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import quote, urlencode

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

#: How a rolled-up report names its region: 宿迁市(含下辖地区).
ROLLED_UP = "{name}(含下辖地区)"


class OutsideScope(LookupError):
    """The report asked for is of a region the user does not see."""

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
            "region": report.region_name, "regions": list(report.regions), "department": report.department,
            "rows": [row(r) for r in report.rows], "total": row(report.total),
            "categories": [{"category": c.category, "count": c.count, "procedure": c.procedure}
                           for c in report.categories]}


def blueprint(console: Console) -> Blueprint:
    """The routes."""
    bp = Blueprint("reports")

    def month_of(text: str | None) -> Month:
        return Month.parse(text) if text else Month.of(console.now()).previous()

    def scope(user: StaffUser, asked: str | None, rollup: bool) -> tuple[frozenset[str], str]:
        """The regions counted and the report's name for them.

        Raises:
            OutsideScope: the region is not one the user sees.
        """
        regions = console.tickets.regions
        visible = console.tickets.visible_regions(user)
        region = (asked or "").strip() or user.region
        if region not in visible:
            raise OutsideScope(region)
        covered = regions.below(region) & visible if rollup else frozenset({region})
        name = regions.name(region)
        return covered, ROLLED_UP.format(name=name) if len(covered) > 1 else name

    def build(user: StaffUser, month: Month, region: str | None, rollup: bool) -> MonthlyReport:
        covered, name = scope(user, region, rollup)
        tickets = console.tickets.for_report(month.start, month.end, covered)
        return build_report(tickets, month, console.now(), console.categories, console.procedure_names(),
                            department=user.report_scope(), regions=covered, region_name=name)

    async def report_for(request: Request, text: str | None) -> MonthlyReport | None:
        """The report asked for, ``None`` for a month that is not one.

        Raises:
            OutsideScope: of a region the user does not see.
        """
        try:
            month = month_of(text)
        except ValueError:
            return None
        rollup = request.args.get("rollup") not in ("0", "false", "no")
        return await asyncio.to_thread(build, signed_in(request).user, month, request.args.get("region"), rollup)

    def not_found(request: Request) -> HTTPResponse:
        return error_response(request, 404, "not_found", "没有这个地区的通报")

    @bp.get("/reports")
    @requires(Permission.REPORTS)
    async def page(request: Request) -> HTTPResponse:
        try:
            report = await report_for(request, request.args.get("month"))
        except OutsideScope:
            return not_found(request)
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
        chosen = {key: request.args.get(key) for key in ("region", "rollup") if request.args.get(key)}
        return render(request, "reports.html", report=report, charts=charts, notes=NOTES, rate_text=rate_text,
                      rating_text=rating_text, previous=report.month.previous().iso, next=report.month.next().iso,
                      scope=chosen, scope_query="".join(f"&{key}={quote(value)}" for key, value in chosen.items()),
                      export_query="?" + urlencode(chosen) if chosen else "")

    @bp.get("/api/reports/<month:str>")
    @requires(Permission.REPORTS)
    async def figures(request: Request, month: str) -> HTTPResponse:
        try:
            report = await report_for(request, month)
        except OutsideScope:
            return not_found(request)
        if report is None:
            return error_response(request, 400, "month", "月份格式应为 YYYY-MM")
        return as_json(report_json(report))

    @bp.get("/reports/<name:str>")
    @requires(Permission.REPORTS)
    async def export(request: Request, name: str) -> HTTPResponse:
        month, _, fmt = name.rpartition(".")
        if fmt not in FORMATS:
            return error_response(request, 404, "not_found", "不支持的导出格式")
        try:
            report = await report_for(request, month)
        except OutsideScope:
            return not_found(request)
        if report is None:
            return error_response(request, 400, "month", "月份格式应为 YYYY-MM")
        if fmt == "csv":
            body = to_csv(report)
        elif fmt == "xlsx":
            body = await asyncio.to_thread(to_xlsx, report, console.city)
        else:
            body = await asyncio.to_thread(to_pdf, report, console.city, console.config.report_font)
        parts = [report.region_name, report.month.iso, report.department]
        saved = f"月度通报-{'-'.join(part for part in parts if part)}.{fmt}"
        disposition = f"attachment; filename=\"report-{report.month.iso}.{fmt}\"; filename*=UTF-8''{quote(saved)}"
        return response.raw(body, content_type=FORMATS[fmt], headers={"Content-Disposition": disposition})

    return bp
