"""The monthly report's figures on a seeded month, expected values worked out by hand.

See ``seed.py`` for the tickets and why each counts where it does.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest

from bot.procedures.loader import load_knowledge
from bot.reports.categories import load_categories
from bot.reports.export_pdf import to_pdf
from bot.reports.export_tables import to_csv, to_xlsx
from bot.reports.monthly import Month, build_report
from bot.workdays import SHANGHAI
from tests.bot.reports.pdf_text import embedded_fonts, font_names, pdf_text
from tests.bot.reports.seed import A, B, C, seed_october

ROOT = Path(__file__).resolve().parents[3]
CATEGORIES = load_categories(ROOT / "knowledge")
NAMES = {pid: p.name for pid, p in load_knowledge(ROOT / "knowledge").procedures.items()}
OCTOBER = Month(2026, 10)
LATER = dt.datetime(2026, 11, 15, 9, 0, tzinfo=SHANGHAI)


@pytest.fixture()
def report(service):
    seed_october(service)
    tickets = service.for_report(OCTOBER.start, OCTOBER.end)
    return build_report(tickets, OCTOBER, LATER, CATEGORIES, NAMES)


def figures(row):
    return (row.received, row.closed, row.closed_on_time, row.overdue, row.ratings, row.average_rating)


def test_each_department_gets_its_hand_counted_figures(report):
    rows = {row.department: row for row in report.rows}
    assert list(rows) == [A, C, B]  # by received, descending
    # A: received t1 t2 t3 t4 t5 t12 t13 (t8 went to C); closed t1 t5 on time, t2 late;
    # overdue t3 (open, due Oct 20) and t2 (closed late); ratings 5 and 3.
    assert figures(rows[A]) == (7, 3, 2, 2, 2, 4.0)
    # B: received t6 (t7 was filed in September); closed t6 on time and t7 late; 好评 = 5.
    assert figures(rows[B]) == (1, 2, 1, 1, 1, 5.0)
    # C: received t8 (reassigned from A) and t9; t8 open past its due date Oct 26.
    assert figures(rows[C]) == (2, 0, 0, 1, 0, None)
    # Total: 10 received, 5 closed of which 3 on time, 4 overdue, ratings (5 + 3 + 5) / 3.
    assert figures(report.total) == (10, 5, 3, 4, 3, 4.33)
    assert report.complete and report.as_of == OCTOBER.end


def test_complaints_are_categorised_with_the_procedure_most_concerned(report):
    rows = {row.department: row for row in report.rows}
    # A's complaints: t1 t12 推诿 (变更登记), t2 拖着 → 办理拖延, t13 保证金不退 → 乱收费,
    # t3 态度 → 服务态度; ties keep the file's order, so 服务态度 is fourth and left out.
    assert [(c.category, c.count, c.procedure) for c in rows[A].top_categories] == [
        ("推诿扯皮", 2, "企业变更登记"), ("办理拖延", 1, "企业变更登记"), ("乱收费", 1, "投标保证金与电子保函")]
    assert [(c.category, c.count, c.procedure) for c in rows[B].top_categories] == [("乱收费", 1, None)]
    assert [(c.category, c.count) for c in report.categories] == [
        ("推诿扯皮", 3), ("乱收费", 2), ("办理拖延", 1), ("服务态度", 1)]


def test_an_officer_sees_only_their_departments_row(service):
    seed_october(service)
    report = build_report(service.for_report(OCTOBER.start, OCTOBER.end), OCTOBER, LATER, CATEGORIES, NAMES,
                          department=C)
    assert [row.department for row in report.rows] == [C]
    assert figures(report.total) == (2, 0, 0, 1, 0, None)


def test_a_running_month_is_counted_as_of_now(service):
    seed_october(service)
    now = dt.datetime(2026, 10, 20, 12, 0, tzinfo=SHANGHAI)
    report = build_report(service.for_report(OCTOBER.start, OCTOBER.end), OCTOBER, now, CATEGORIES, NAMES)
    rows = {row.department: row for row in report.rows}
    # By Oct 20 12:00: A has t1 t2 t3 t5 t13 (t8 moved to C at 10:00, t5 filed at 10:00);
    # only t1 is closed (t5 closes at 15:00); t2 (due Oct 19) is open and overdue, t3
    # (due Oct 20 23:59:59) not yet; t1's rating 5 is the only one so far.
    assert figures(rows[A]) == (5, 1, 1, 1, 1, 5.0)
    assert not report.complete and report.as_of == now


def test_the_report_does_not_change_when_run_later(service):
    ids = seed_october(service)
    before = build_report(service.for_report(OCTOBER.start, OCTOBER.end), OCTOBER, LATER, CATEGORIES, NAMES)
    service.close(ids["t3"], "11月办结", LATER, "officer:later")
    service.assign(ids["t9"], A, LATER, "officer:later")
    after = build_report(service.for_report(OCTOBER.start, OCTOBER.end), OCTOBER, LATER + dt.timedelta(days=3),
                         CATEGORIES, NAMES)
    assert [figures(r) for r in after.rows] == [figures(r) for r in before.rows]


@pytest.mark.parametrize("text, month", [("2026-10", Month(2026, 10)), ("2026-1", Month(2026, 1))])
def test_months_are_read_from_year_and_month(text, month):
    assert Month.parse(text) == month
    assert Month(2026, 12).next() == Month(2027, 1) and Month(2027, 1).previous() == Month(2026, 12)


@pytest.mark.parametrize("text", ["2026-13", "202610", "", "10-2026"])
def test_anything_else_is_not_a_month(text):
    with pytest.raises(ValueError):
        Month.parse(text)


def test_csv_and_xlsx_hold_the_figures(report):
    from openpyxl import load_workbook

    rows = list(csv.reader(io.StringIO(to_csv(report).decode("utf-8-sig"))))
    assert rows[0][:6] == ["部门", "受理量", "办结量", "按时办结量", "按时办结率", "超期量"]
    assert rows[1][:8] == [A, "7", "3", "2", "66.7%", "2", "2", "4.00"]
    assert rows[-1][:8] == ["合计", "10", "5", "3", "60.0%", "4", "3", "4.33"]
    book = load_workbook(io.BytesIO(to_xlsx(report, "示例市")))
    sheet = book["月度通报"]
    assert "2026年10月" in sheet["A1"].value
    assert [c.value for c in sheet[4]][:4] == [A, 7, 3, 2]
    assert [c.value for c in book["投诉分类"][2]] == ["推诿扯皮", 3, "企业变更登记"]


def test_the_workbook_stores_every_figure_as_a_number(report):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(to_xlsx(report, "示例市")))["月度通报"]
    first, total = list(sheet[4]), list(sheet[sheet.max_row])
    # A: 3 closed, 2 on time → 66.7 %; ratings 5 and 3 → 4.00; the total: 3 of 5, 4.33
    assert [c.value for c in first[1:8]] == [7, 3, 2, pytest.approx(2 / 3), 2, 2, 4.0]
    assert (first[4].number_format, first[7].number_format) == ("0.0%", "0.00")
    assert total[0].value == "合计" and total[4].value == pytest.approx(0.6) and total[7].value == 4.33
    assert all(isinstance(c.value, (int, float)) for c in first[1:8])
    empty = [c for row in sheet.iter_rows(min_row=4) for c in (row[4], row[7]) if c.value is None]
    assert all(c.value != "—" for c in empty)  # nothing to divide: an empty cell, not a dash


def test_the_pdf_is_a_pdf_naming_the_month_and_the_departments(report):
    pdf = to_pdf(report, "示例市")
    assert pdf.startswith(b"%PDF-") and b"/Subject (2026-10)" in pdf
    shown = pdf_text(pdf)
    assert "示例市 2026年10月 营商环境诉求工单月度通报" in shown
    assert A in shown and "合计" in shown and "60.0%" in shown


def test_the_pdf_embeds_its_chinese_font(report):
    pdf = to_pdf(report, "示例市")
    assert any("WenQuanYi" in name for name in embedded_fonts(pdf)), font_names(pdf)
    assert not any(name.startswith("STSong") for name in font_names(pdf)), "no font left to the reader"


def test_the_pdf_shows_all_three_charts_with_every_department_in_full(report):
    from bot.reports.monthly import DepartmentFigures

    long_name = "示例市自然资源和规划局高新技术产业开发区分局"
    padded = dataclasses.replace(report, rows=(*report.rows, *[
        dataclasses.replace(report.rows[0], department=f"{long_name}{n}") for n in range(14)]))
    shown = pdf_text(to_pdf(padded, "示例市"))
    for chart in ("各部门受理、办结、超期", "按时办结率", "投诉类型"):
        assert chart in shown
    for n in range(14):  # more departments than the old chart's 12, none cut to 6 characters
        assert f"{long_name}{n}" in shown
    assert isinstance(padded.rows[0], DepartmentFigures)


def test_a_missing_font_is_a_clear_error(report, tmp_path):
    from bot.reports.export_pdf import ReportFontMissing

    with pytest.raises(ReportFontMissing, match="fonts-wqy-microhei"):
        to_pdf(report, "示例市", font=str(tmp_path / "none.ttf"))


def test_bad_ratings_are_counted_and_one_voided_on_appeal_before_the_cut_is_not(service):
    """November: three closures rated 不满意 (2), 非常不满意 (1) and 满意 (4); the office voids
    the 非常不满意 on a 申诉 in November, so it counts in neither the average nor the 差评."""
    from tests.bot.tickets.conftest import make_draft

    november = Month(2026, 11)
    made = []
    for minute, phone in enumerate(("13811112001", "13811112002", "13811112003")):
        made.append(service.file(make_draft(department=A, phone=phone, conversation_id=f"n-{minute}"),
                                 dt.datetime(2026, 11, 2, 9, minute, tzinfo=SHANGHAI)).ticket.id)
    for ticket_id, rating in zip(made, ("不满意", "非常不满意", "满意"), strict=True):
        service.close(ticket_id, "已办结", dt.datetime(2026, 11, 3, 9, tzinfo=SHANGHAI), "officer:a")
        service.rate(ticket_id, rating, dt.datetime(2026, 11, 4, 9, tzinfo=SHANGHAI), "enterprise", phone=service.get(
            ticket_id).phone)
    service.appeal(made[1], "误评", dt.datetime(2026, 11, 5, 9, tzinfo=SHANGHAI), "officer:a")
    before_decision = build_report(service.for_report(november.start, november.end), november,
                                   dt.datetime(2026, 11, 6, 9, tzinfo=SHANGHAI), CATEGORIES, NAMES)
    assert (before_decision.total.ratings, before_decision.total.bad_ratings) == (3, 2)
    service.decide_appeal(made[1], True, "属误评", dt.datetime(2026, 11, 6, 10, tzinfo=SHANGHAI), "office:c")
    after = build_report(service.for_report(november.start, november.end), november,
                         dt.datetime(2026, 11, 30, 9, tzinfo=SHANGHAI), CATEGORIES, NAMES)
    assert (after.total.ratings, after.total.bad_ratings, after.total.average_rating) == (2, 1, 3.0)
    # the CSV carries the 差评 count after the average
    rows = list(csv.reader(io.StringIO(to_csv(after).decode("utf-8-sig"))))
    assert rows[0][7:9] == ["平均评价(5分制)", "差评数"] and rows[-1][:1] == ["合计"] and rows[-1][7:9] == ["3.00", "1"]
