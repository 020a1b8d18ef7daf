"""``python -m bot sla ...``: due times of SLA policies and the working-day calendar.

``deadline`` prints a short explanation and, on its last line, the due time in ISO 8601
(+08:00), so scripts can take ``tail -n 1``; ``--json`` prints one JSON object instead.
Bad input exits 2 with a message on stderr; an invalid data file exits 1.
``sla tick`` (escalate overdue tickets, send 临期 reminders) is a ticket job: the tickets
package adds it to this group (:func:`bot.cliutil.command_group`).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from bot.cliutil import BAD_INPUT, NOT_FOUND, command_group, fail, parse_instant
from bot.sla.deadline import compute_due, current_stage
from bot.sla.errors import SlaError, StageError
from bot.sla.loader import load_policies
from bot.sla.model import ClockStart, PolicyId
from bot.workdays import CalendarError, DayKind, DaySource, WorkCalendar, to_shanghai
from bot.workdays.errors import YearNotCoveredError

_WEEKDAYS = "一二三四五六日"
_SOURCE_TEXT = {
    DaySource.OFFICIAL: "国务院办公厅公布的节假日安排(official)",
    DaySource.OVERRIDE: "运维覆盖文件(override)",
    DaySource.ESTIMATE: "按《全国年节及纪念日放假办法》规则估算(estimate)",
}


def register(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``sla`` command group."""
    commands = command_group(groups, "sla", "SLA policies, due times and the working-day calendar")

    deadline = commands.add_parser("deadline", help="when a ticket received at a time is due")
    deadline.add_argument("--policy", required=True, type=_policy_id, help=", ".join(p.value for p in PolicyId))
    deadline.add_argument("--received", required=True, type=parse_instant, help="ISO time; naive = Beijing time")
    deadline.add_argument("--accepted", type=parse_instant, help="acceptance decision time (bidding_complaint)")
    deadline.add_argument("--json", action="store_true", help="print one JSON object")
    _data_options(deadline)
    deadline.set_defaults(handler=_deadline)

    calendar = commands.add_parser("calendar", help="holidays and make-up working days of a year")
    calendar.add_argument("--year", required=True, type=int)
    _data_options(calendar)
    calendar.set_defaults(handler=_calendar)


def _data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--policies", type=Path, help="policy file (default <knowledge>/sla_policies.yml)")
    parser.add_argument("--holidays-dir", type=Path, help="override directory (default <knowledge>/holidays)")


def _policy_id(text: str) -> PolicyId:
    try:
        return PolicyId(text.strip())
    except ValueError:
        known = ", ".join(p.value for p in PolicyId)
        raise argparse.ArgumentTypeError(f"unknown policy {text!r}; expected one of: {known}") from None


def _calendar_from(args: argparse.Namespace) -> WorkCalendar:
    if args.holidays_dir is not None:
        return WorkCalendar(args.holidays_dir)
    from bot.config import get_settings

    return WorkCalendar.from_settings(get_settings())


def _policies_path(args: argparse.Namespace) -> Path:
    if args.policies is not None:
        return Path(args.policies)
    from bot.config import get_settings

    return get_settings().knowledge_dir / "sla_policies.yml"


def _day_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日(星期{_WEEKDAYS[day.weekday()]})"


def _provisional_line(years: list[int]) -> str:
    listed = "、".join(f"{year}年" for year in years)
    return f"(预估:{listed}节假日安排尚未发布,按规则估算) provisional"


def _deadline(args: argparse.Namespace) -> int:
    try:
        book = load_policies(_policies_path(args))
        calendar = _calendar_from(args)
    except (SlaError, CalendarError) as exc:
        return fail(str(exc), NOT_FOUND)
    policy = book[args.policy]
    received = to_shanghai(args.received)
    try:
        stage = current_stage(policy, args.accepted)
        deadline = compute_due(policy, received, calendar, accepted_at=args.accepted)
    except (StageError, YearNotCoveredError) as exc:
        return fail(str(exc), BAD_INPUT)
    due = deadline.due
    assert due is not None  # no pauses are given on the command line
    if args.json:
        print(json.dumps({
            "policy": policy.id.value,
            "received": received.isoformat(),
            "due": due.isoformat(),
            "provisional": deadline.provisional,
            "estimated_years": list(deadline.estimated_years),
            "stage": stage.id.value,
        }, ensure_ascii=False))
        return 0
    print(f"时限规则:{policy.name}({policy.id.value})")
    print(f"说明:{policy.user_text}")
    print(f"收到时间:{received:%Y-%m-%d %H:%M:%S}(北京时间),当天不计入")
    if stage.starts is ClockStart.ACCEPTED:
        accepted = to_shanghai(args.accepted)
        print(f"受理决定:{accepted:%Y-%m-%d %H:%M:%S}(北京时间),当天不计入")
    limit = "第一时间(按当日计)" if stage.working_days == 0 else f"{stage.working_days}个工作日"
    print(f"当前阶段:{stage.name}({stage.id.value}),时限{limit},截止 {_day_text(due.date())} 23:59:59")
    later = [s for s in policy.stages if s.starts is ClockStart.ACCEPTED and s is not stage]
    for step in later:
        print(f"下一阶段:受理后{step.working_days}个工作日内{step.name}")
    if deadline.provisional:
        print(_provisional_line(list(deadline.estimated_years)))
    print(due.isoformat())
    return 0


def _calendar(args: argparse.Namespace) -> int:
    try:
        calendar = _calendar_from(args)
    except CalendarError as exc:
        return fail(str(exc), NOT_FOUND)
    try:
        source = calendar.source_of(args.year)
        days = calendar.special_days(args.year)
    except YearNotCoveredError as exc:
        return fail(str(exc), BAD_INPUT)
    print(f"{args.year}年工作日历,来源:{_SOURCE_TEXT[source]}")
    if source is DaySource.ESTIMATE:
        print(_provisional_line([args.year]))
        print("调休上班日无法估算,以国务院办公厅通知为准;可在节假日覆盖目录放置该年文件。")
    for kind, title in ((DayKind.HOLIDAY, "放假"), (DayKind.MAKEUP_WORKDAY, "调休上班")):
        print(f"{title}:")
        listed = [day for day in days if day.kind is kind]
        for day in listed:
            weekday = _WEEKDAYS[day.date.weekday()]
            print(f"  {day.date.isoformat()} 星期{weekday} {day.holiday_name} [{day.source.value}]")
        if not listed:
            print("  (无)")
    return 0
