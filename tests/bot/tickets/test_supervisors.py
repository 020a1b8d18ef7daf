"""The register of 特邀监督员 on a real migrated SQLite file, and ``python -m bot supervisors``."""
from __future__ import annotations

import threading

import pytest

from bot.db import dispose_engines
from bot.supervisors import SupervisorExists, SupervisorRegister, UnknownSupervisor
from bot.validation import InvalidPhone
from tests.bot.tickets.conftest import FRIDAY
from tests.bot.tickets.test_cli import env_url, run, run_json  # noqa: F401  (fixture)

OFFICE = "office:chenying"


@pytest.fixture()
def register(database_url: str) -> SupervisorRegister:
    return SupervisorRegister(database_url)


def test_a_phone_is_found_however_it_is_written(register: SupervisorRegister) -> None:
    added = register.add(" 周建华 ", "139 5555 6666", FRIDAY, OFFICE, organisation="示例市工商联")
    assert (added.name, added.phone, added.phone_masked) == ("周建华", "13955556666", "139****6666")
    for written in ("13955556666", "+86 139-5555-6666", "１３９５５５５６６６６"[:11]):
        found = register.find_by_phone(written, "example")
        assert found is not None and found.id == added.id and found.organisation == "示例市工商联"
    assert register.find_by_phone("13900000000", "example") is None
    assert register.find_by_phone("不是号码", "example") is None


def test_an_ended_appointment_is_kept_but_no_longer_found_and_can_be_renewed(register: SupervisorRegister) -> None:
    added = register.add("周建华", "13955556666", FRIDAY, OFFICE)
    register.set_active(added.id, False, FRIDAY, OFFICE)
    assert register.find_by_phone("13955556666", "example") is None
    assert [(e.id, e.active) for e in register.list()] == [(added.id, False)]
    assert register.list(include_inactive=False) == []
    again = register.add("周建华", "13955556666", FRIDAY, OFFICE)  # a new appointment of the same phone
    with pytest.raises(SupervisorExists):
        register.set_active(added.id, True, FRIDAY, OFFICE)  # two active entries would share a phone
    assert register.find_by_phone("13955556666", "example").id == again.id


def test_bad_input_and_unknown_entries_are_refused(register: SupervisorRegister) -> None:
    with pytest.raises(InvalidPhone) as caught:
        register.add("周建华", "0373-1234567", FRIDAY, OFFICE)
    assert caught.value.field == "phone"
    register.add("周建华", "13955556666", FRIDAY, OFFICE)
    with pytest.raises(SupervisorExists):
        register.add("另一人", "13955556666", FRIDAY, OFFICE)
    with pytest.raises(UnknownSupervisor):
        register.set_active(999, False, FRIDAY, OFFICE)


def test_two_offices_adding_the_same_phone_at_once_register_it_once(database_url: str) -> None:
    outcomes = []
    barrier = threading.Barrier(2)

    def add(name: str) -> None:
        barrier.wait()
        try:
            outcomes.append(SupervisorRegister(database_url).add(name, "13955556666", FRIDAY, OFFICE).id)
        except SupervisorExists:
            outcomes.append("exists")

    threads = [threading.Thread(target=add, args=(name,)) for name in ("甲", "乙")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, outcomes))[-1] == "exists" and len(outcomes) == 2
    assert len(SupervisorRegister(database_url).list()) == 1
    dispose_engines()


def test_the_command_line_adds_lists_and_ends(env_url: str, capsys: pytest.CaptureFixture) -> None:  # noqa: F811
    assert run(capsys, "db", "upgrade")[0] == 0
    now = ["--now", "2026-11-23T10:00"]
    added = run_json(capsys, "supervisors", "add", "--name", "周建华", "--phone", "13955556666", *now)
    assert (added["name"], added["phone"], added["added_by"]) == ("周建华", "13955556666", "operator:tester")
    assert added["added_at"] == "2026-11-23T10:00:00+08:00"
    code, out, _ = run(capsys, "supervisors", "list")
    assert code == 0 and "139****6666" in out and "13955556666" not in out
    assert run_json(capsys, "supervisors", "end", str(added["id"]), *now)["active"] is False
    code, _, err = run(capsys, "supervisors", "add", "--name", "周", "--phone", "123", *now)
    assert code == 2 and "phone" in err
    code, _, err = run(capsys, "supervisors", "end", "42", *now)
    assert code == 1 and "42" in err


# -- per region ----------------------------------------------------------------------------
def test_each_region_keeps_its_own_register(register: SupervisorRegister) -> None:
    xinxiang = register.add("周建华", "13955556666", FRIDAY, OFFICE, region="xinxiang_gaoxin")
    assert xinxiang.region == "xinxiang_gaoxin"
    assert register.find_by_phone("13955556666", "xinxiang_gaoxin").id == xinxiang.id
    assert register.find_by_phone("13955556666", "example") is None, "not a supervisor of another region"
    # the same person appointed by another region too: two entries, each its office's
    example = register.add("周建华", "13955556666", FRIDAY, OFFICE, region="example")
    with pytest.raises(SupervisorExists, match="in region example"):
        register.add("周建华", "139 5555 6666", FRIDAY, OFFICE, region="example")
    assert [e.id for e in register.list(regions={"example"})] == [example.id]
    assert {e.id for e in register.list()} == {xinxiang.id, example.id}
    # an office of one region cannot end another region's entry: unknown to it
    with pytest.raises(UnknownSupervisor):
        register.set_active(xinxiang.id, False, FRIDAY, OFFICE, regions={"example"})
    assert register.set_active(xinxiang.id, False, FRIDAY, OFFICE, regions={"xinxiang_gaoxin"}).active is False
    assert register.find_by_phone("13955556666", "example").id == example.id


def test_the_command_line_registers_only_where_the_region_has_supervisors(env_url: str,  # noqa: F811
                                                                          capsys: pytest.CaptureFixture) -> None:
    assert run(capsys, "db", "upgrade")[0] == 0
    now = ["--now", "2026-11-23T10:00"]
    added = run_json(capsys, "supervisors", "add", "--name", "周建华", "--phone", "13955556666",
                     "--region", "xinxiang_gaoxin", *now)
    assert added["region"] == "xinxiang_gaoxin"
    code, _, err = run(capsys, "supervisors", "add", "--name", "王", "--phone", "13955557777", "--region", "suqian",
                       *now)
    assert code == 2 and "宿迁市 (suqian) has no 特邀监督员" in err
    code, _, err = run(capsys, "supervisors", "add", "--name", "王", "--phone", "13955557777", "--region", "atlantis",
                       *now)
    assert code == 2 and "unknown region 'atlantis'" in err
    assert run_json(capsys, "supervisors", "list", "--region", "example") == []
    assert [e["id"] for e in run_json(capsys, "supervisors", "list", "--region", "xinxiang_gaoxin")] == [added["id"]]
