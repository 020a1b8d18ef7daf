"""The monthly report through the console: the page with its charts and the three exports.

The month (October 2026) is seeded by ``tests/bot/reports/seed.py``, whose docstring
explains each ticket; the figures below are the ones worked out there by hand.
"""
from __future__ import annotations

import csv
import io

import pytest

from tests.bot.reports.pdf_text import pdf_text
from tests.bot.reports.seed import A, B, C
from tests.console.conftest import api

pytestmark = pytest.mark.e2e

MONTH = "2026-10"


def figures(row: dict) -> tuple:
    return row["received"], row["closed"], row["closed_on_time"], row["overdue"], row["average_rating"]


@pytest.fixture(scope="module")
def seeded(october):
    return october


def test_the_office_sees_every_department_with_hand_counted_figures(console, seeded):
    report = api(console.signed_in("office"), "GET", f"{console.url}/api/reports/{MONTH}").json()
    rows = {r["department"]: r for r in report["rows"]}
    # A: 7 received, 3 closed (2 on time), 2 overdue, ratings 5 and 3; B: t6 on time and
    # t7 (filed in September) late; C: t8 moved in from A and still open past due, t9.
    assert figures(rows[A]) == (7, 3, 2, 2, 4.0)
    assert figures(rows[B]) == (1, 2, 1, 1, 5.0)
    assert figures(rows[C]) == (2, 0, 0, 1, None)
    assert figures(report["total"]) == (10, 5, 3, 4, 4.33)
    assert report["complete"] is True


def test_an_officer_gets_their_own_row_only(console, seeded):
    report = api(console.signed_in("officer_tax"), "GET", f"{console.url}/api/reports/{MONTH}").json()
    assert [r["department"] for r in report["rows"]] == [B]
    csv_text = api(console.signed_in("officer_tax"), "GET", f"{console.url}/reports/{MONTH}.csv").content
    assert A not in csv_text.decode("utf-8-sig")


def test_the_page_draws_the_figures_as_svg_charts(console, seeded):
    page = api(console.signed_in("office"), "GET", f"{console.url}/reports?month={MONTH}").text
    assert page.count('<svg class="chart"') == 3 and "各部门受理、办结、超期" in page
    assert "推诿扯皮" in page and "<script>" not in page


def test_the_exports_carry_the_same_figures(console, seeded):
    from openpyxl import load_workbook

    office = console.signed_in("office")
    csv_answer = api(office, "GET", f"{console.url}/reports/{MONTH}.csv")
    assert csv_answer.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in csv_answer.headers["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(csv_answer.content.decode("utf-8-sig"))))
    assert lines[1][:8] == [A, "7", "3", "2", "66.7%", "2", "2", "4.00"]
    assert lines[-1][:6] == ["合计", "10", "5", "3", "60.0%", "4"]
    xlsx = api(office, "GET", f"{console.url}/reports/{MONTH}.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content))["月度通报"]
    assert [c.value for c in sheet[4]][:6] == [A, 7, 3, 2, pytest.approx(2 / 3), 2]
    assert sheet["E4"].number_format == "0.0%"
    pdf = api(office, "GET", f"{console.url}/reports/{MONTH}.pdf")
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert "2026年10月" in pdf_text(pdf.content) and C in pdf_text(pdf.content)
