"""knowledge/notifications.yml: loaded and validated, errors naming the file and the field."""
from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.notify.rules import KINDS, NoticeFileError, load_notice_rules, template_data
from tests.bot.tickets.conftest import ROOT

FILE = ROOT / "knowledge" / "notifications.yml"


def test_the_file_tells_every_kind_and_retries_with_backoff(departments) -> None:
    rules = load_notice_rules(FILE, departments.names)
    assert set(rules.notices) == set(KINDS)
    assert rules.notices["closed"].rating and not rules.notices["answered"].rating
    assert rules.notices["due_soon"].to == "department" and rules.department_phones == {}
    assert "hotline" in rules.notices["filed"].channels and "wechat" not in rules.notices["filed"].channels
    delays = [rules.delivery.retry_delay(n) for n in range(1, 9)]
    assert delays == [60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_template_values_are_cut_to_wechats_limits(departments) -> None:
    rules = load_notice_rules(FILE, departments.names)
    data = template_data(rules, {"ticket_id": "YS202611200001", "title": "工单已办结", "status": "已办结",
                                 "time": "2026-11-23 10:00", "summary": "答" * 40})
    assert data["thing5"]["value"] == "答" * 19 + "…" and data["character_string1"] == {"value": "YS202611200001"}


BROKEN: dict[str, tuple] = {
    "unknown kind": (lambda d: d["notices"].update(urged=d["notices"]["answered"]), "notices"),
    "unknown placeholder": (lambda d: d["notices"]["closed"].update(text="{ticket} 已办结"), "notices.closed.text"),
    "bad recipient": (lambda d: d["notices"]["closed"].update(to="everyone"), "notices.closed.to"),
    "unknown channel": (lambda d: d["notices"]["closed"].update(channels=["fax"]), "notices.closed.channels"),
    "zero attempts": (lambda d: d["delivery"].update(max_attempts=0), "delivery.max_attempts"),
    "unknown department": (lambda d: d.update(department_phones={"火星局": "13800000000"}),
                           "department_phones.火星局"),
    "landline duty phone": (lambda d: d.update(department_phones={"税务局": "0373-1234567"}),
                            "department_phones.税务局"),
    "template keyword value": (lambda d: d["wechat_template"].update(thing9="{answer}"), "wechat_template.thing9"),
}


@pytest.mark.parametrize("change, field", BROKEN.values(), ids=list(BROKEN))
def test_a_broken_file_names_the_file_and_the_field(tmp_path: Path, departments, change: Callable[[Any], None],
                                                    field: str) -> None:
    data = copy.deepcopy(yaml.safe_load(FILE.read_text(encoding="utf-8")))
    change(data)
    path = tmp_path / "notifications.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(NoticeFileError) as error:
        load_notice_rules(path, departments.names)
    assert (error.value.path, error.value.field) == (path, field)
