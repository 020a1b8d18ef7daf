"""knowledge/notifications.yml: loaded and validated, every problem named with its file, line and field."""
from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli import main
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
    "unknown kind": (lambda d: d["notices"].update(urged=d["notices"]["answered"]), "notices.urged"),
    "unknown placeholder": (lambda d: d["notices"]["closed"].update(text="{ticket} 已办结"), "notices.closed.text"),
    "bad recipient": (lambda d: d["notices"]["closed"].update(to="everyone"), "notices.closed.to"),
    "unknown channel": (lambda d: d["notices"]["closed"].update(channels=["fax"]), "notices.closed.channels[0]"),
    "no channel": (lambda d: d["notices"]["closed"].update(channels=[]), "notices.closed.channels"),
    "channels as a word": (lambda d: d["notices"]["closed"].update(channels="web"), "notices.closed.channels"),
    "zero attempts": (lambda d: d["delivery"].update(max_attempts=0), "delivery.max_attempts"),
    "unknown department": (lambda d: d.update(department_phones={"火星局": "13800000000"}),
                           "department_phones.火星局"),
    "landline duty phone": (lambda d: d.update(department_phones={"税务局": "0373-1234567"}),
                            "department_phones.税务局"),
    "template keyword value": (lambda d: d["wechat_template"].update(thing9="{answer}"), "wechat_template.thing9"),
    "placeholder in a title": (lambda d: d["notices"]["closed"].update(title="{ticket_id}"), "notices.closed.title"),
    "malformed placeholder": (lambda d: d["notices"]["closed"].update(text="{ticket_id"), "notices.closed.text"),
    "empty rating": (lambda d: d["notices"]["closed"].update(rating=None), "notices.closed.rating"),
    "empty notice": (lambda d: d["notices"].update(closed=None), "notices.closed"),
    "empty setting": (lambda d: d["delivery"].update(max_attempts=None), "delivery.max_attempts"),
    "unknown setting": (lambda d: d["delivery"].update(max_attempt=3), "delivery.max_attempt"),
    "no rating question": (lambda d: d["rating_request"].pop("sms"), "rating_request.sms"),
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
    assert error.value.path == path
    assert [issue.field for issue in error.value.issues] == [field]
    assert f"{tmp_path.name}/notifications.yml" in str(error.value) and field in str(error.value)


def test_every_problem_of_the_file_is_reported_with_its_line(tmp_path: Path, departments) -> None:
    data = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    data["delivery"]["lease_seconds"] = "2 minutes"
    data["notices"]["closed"]["to"] = "everyone"
    data["notices"]["paused"]["channels"] = ["web", "fax"]
    data["notices"]["answered"].pop("title")
    data["department_phones"] = {"火星局": "0373-1234567"}
    path = tmp_path / "notifications.yml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    with pytest.raises(NoticeFileError) as error:
        load_notice_rules(path, departments.names)
    found = [(issue.field, issue.line) for issue in error.value.issues]
    assert sorted(field for field, _ in found) == [
        "delivery.lease_seconds", "department_phones.火星局", "department_phones.火星局",
        "notices.answered.title", "notices.closed.to", "notices.paused.channels[1]"]
    line = dict(found)
    assert lines[line["delivery.lease_seconds"] - 1].strip() == "lease_seconds: 2 minutes"
    assert lines[line["notices.closed.to"] - 1].strip() == "to: everyone"
    assert lines[line["notices.paused.channels[1]"] - 1].strip() == "- fax"
    # a missing field points at its notice, the one that lacks it
    assert lines[line["notices.answered.title"] - 1].strip() == "answered:"
    assert lines[line["department_phones.火星局"] - 1].strip() == "火星局: 0373-1234567"
    message = str(error.value)
    assert message.startswith("6 problems in the knowledge files:")
    where = f"{tmp_path.name}/notifications.yml:{line['notices.closed.to']}"
    assert f"{where}: notices.closed.to: expected one of enterprise, department" in message
    assert "not a department of departments.yml" in message and "not a mobile number: '0373-1234567'" in message


def test_a_missing_or_unparsable_file_is_one_problem(tmp_path: Path) -> None:
    with pytest.raises(NoticeFileError) as error:
        load_notice_rules(tmp_path / "notifications.yml")
    assert [(issue.field, issue.message) for issue in error.value.issues] == [
        (None, "file not found (expected the notices)")]
    path = tmp_path / "notifications.yml"
    path.write_text("notices:\n  closed: [\n", encoding="utf-8")
    with pytest.raises(NoticeFileError) as error:
        load_notice_rules(path)
    assert len(error.value.issues) == 1 and "invalid YAML" in error.value.issues[0].message


# --- make validate (python -m bot procedures check) -----------------------------------


def test_procedures_check_counts_the_notices(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procedures", "check", "--knowledge-dir", str(ROOT / "knowledge")]) == 0
    assert f"{len(KINDS)} notices" in capsys.readouterr().out.splitlines()[-1]


def test_procedures_check_lists_the_notice_files_problems_with_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    notices = knowledge / "notifications.yml"
    text = notices.read_text(encoding="utf-8")
    notices.write_text(text.replace("  max_attempts: 8\n", "  max_attempts: 0\n")
                       .replace("    to: department\n", "    to: duty\n"), encoding="utf-8")
    policies = knowledge / "sla_policies.yml"
    policies.write_text(policies.read_text(encoding="utf-8").replace("working_days: 5", "working_days: five", 1),
                        encoding="utf-8")
    assert main(["procedures", "check", "--json", "--knowledge-dir", str(knowledge)]) == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    lines = notices.read_text(encoding="utf-8").splitlines()
    found = {(e["file"], e["field"]): e["line"] for e in errors}
    assert lines[found["knowledge/notifications.yml", "delivery.max_attempts"] - 1] == "  max_attempts: 0"
    assert lines[found["knowledge/notifications.yml", "notices.due_soon.to"] - 1] == "    to: duty"
    assert ("knowledge/sla_policies.yml", "policies[1].working_days") in found
