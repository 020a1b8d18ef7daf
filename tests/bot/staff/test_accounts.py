"""Accounts, sessions and sign-in throttling on a real SQLite file."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.db import get_engine
from bot.departments import load_departments
from bot.staff.errors import InvalidAccount, UserExists, WeakPassword
from bot.staff.passwords import check_strength, hash_password, verify_password
from bot.staff.sessions import SessionStore, token_hash
from bot.staff.tables import staff_sessions
from bot.staff.throttle import LoginThrottle
from bot.staff.users import UserStore
from bot.workdays import SHANGHAI

ROOT = Path(__file__).resolve().parents[3]
T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=SHANGHAI)
GOOD = "Hotline-2026-ok"


@pytest.fixture()
def users(database_url):
    return UserStore(database_url, load_departments(ROOT / "knowledge"), rounds=4)


@pytest.mark.parametrize("password, ok", [
    ("Hotline-2026-ok", True), ("short1!", False), ("1234567890123", False), ("aaaaaaaaaaaa", False),
    ("密码" * 13, False),  # 78 bytes: bcrypt would silently use the first 72
])
def test_passwords_follow_one_rule(password, ok):
    if ok:
        check_strength(password)
    else:
        with pytest.raises(WeakPassword):
            check_strength(password)


def test_a_password_is_stored_as_a_bcrypt_hash():
    hashed = hash_password(GOOD, rounds=4)
    assert hashed.startswith("$2b$04$") and GOOD not in hashed
    assert verify_password(GOOD, hashed) and not verify_password(GOOD + "x", hashed)


def test_an_officer_belongs_to_a_canonical_department_and_others_to_none(users):
    officer = users.add("ZhangSan", "officer", GOOD, T0, department="市监局", display_name="张三")
    assert (officer.username, officer.department, officer.actor) == ("zhangsan", "市场监督管理局", "officer:zhangsan")
    with pytest.raises(InvalidAccount, match="department"):
        users.add("lisi", "officer", GOOD, T0)
    with pytest.raises(InvalidAccount, match="department"):
        users.add("wangwu", "agent", GOOD, T0, department="税务局")
    with pytest.raises(InvalidAccount, match="role"):
        users.add("zhaoliu", "boss", GOOD, T0)
    with pytest.raises(UserExists):
        users.add("zhangsan", "agent", GOOD, T0)


def test_sign_in_checks_the_password_and_refuses_disabled_accounts(users):
    users.add("wangli", "agent", GOOD, T0)
    assert users.authenticate("WangLi", GOOD).username == "wangli"
    assert users.authenticate("wangli", "wrong-password") is None
    assert users.authenticate("nobody", GOOD) is None
    users.set_active("wangli", False, T0)
    assert users.authenticate("wangli", GOOD) is None


def test_a_session_ends_when_idle_when_too_old_and_at_sign_out(users, database_url):
    user = users.add("wangli", "agent", GOOD, T0)
    sessions = SessionStore(database_url, idle=dt.timedelta(minutes=30), absolute=dt.timedelta(hours=10))
    opened = sessions.open(user, T0)
    assert sessions.load(opened.token, T0 + dt.timedelta(minutes=29)).user.username == "wangli"
    # used at 9:29, so idle until 9:59; a background poll does not count as use
    assert sessions.load(opened.token, T0 + dt.timedelta(minutes=58), touch=False) is not None
    assert sessions.load(opened.token, T0 + dt.timedelta(minutes=60)) is None
    # absolute expiry: used every 20 minutes, still ends after 10 hours
    kept = sessions.open(user, T0)
    for minutes in range(20, 600, 20):
        assert sessions.load(kept.token, T0 + dt.timedelta(minutes=minutes)) is not None
    assert sessions.load(kept.token, T0 + dt.timedelta(hours=10)) is None
    third = sessions.open(user, T0)
    sessions.close(third.token)
    assert sessions.load(third.token, T0) is None


def test_the_database_holds_no_session_token(users, database_url):
    import sqlalchemy as sa

    opened = SessionStore(database_url).open(users.add("wangli", "agent", GOOD, T0), T0)
    with get_engine(database_url).connect() as connection:
        stored = connection.execute(sa.select(staff_sessions.c.token_hash)).scalars().all()
    assert stored == [token_hash(opened.token)] and opened.token not in stored


def test_a_new_password_or_disabling_ends_every_session(users, database_url):
    user = users.add("wangli", "agent", GOOD, T0)
    sessions = SessionStore(database_url)
    first, second = sessions.open(user, T0), sessions.open(user, T0)
    users.set_password("wangli", "Another-pass-99", T0)
    assert sessions.load(first.token, T0) is None and sessions.load(second.token, T0) is None
    third = sessions.open(user, T0)
    users.set_active("wangli", False, T0)
    assert sessions.load(third.token, T0) is None


def test_five_failures_lock_the_username_for_the_window(database_url):
    throttle = LoginThrottle(database_url, max_failures=5, window=dt.timedelta(minutes=15))
    for minute in range(5):
        assert throttle.locked_until("wangli", "10.0.0.1", T0 + dt.timedelta(minutes=minute)) is None
        throttle.failed("wangli", "10.0.0.1", T0 + dt.timedelta(minutes=minute))
    locked = throttle.locked_until("wangli", "10.0.0.2", T0 + dt.timedelta(minutes=5))
    assert locked == T0 + dt.timedelta(minutes=15), "until the first failure leaves the window"
    assert throttle.locked_until("someone-else", "10.0.0.2", T0 + dt.timedelta(minutes=5)) is None
    assert throttle.locked_until("wangli", "10.0.0.1", T0 + dt.timedelta(minutes=15)) is None
    throttle.succeeded("wangli")
    assert throttle.locked_until("wangli", "10.0.0.1", T0 + dt.timedelta(minutes=6)) is None


def test_many_failures_from_one_address_lock_the_address(database_url):
    throttle = LoginThrottle(database_url, max_failures=5, max_per_ip=20)
    for index in range(20):
        throttle.failed(f"guess{index}", "10.9.9.9", T0)
    assert throttle.locked_until("anyone", "10.9.9.9", T0) is not None
    assert throttle.locked_until("anyone", "10.9.9.8", T0) is None


def test_an_account_belongs_to_a_known_region_the_default_one_unless_given(database_url):
    users = UserStore(database_url, load_departments(ROOT / "knowledge"), rounds=4,
                      regions={"example", "suqian"}, default_region="example")
    assert users.add("zhangsan", "officer", GOOD, T0, department="市监局").region == "example"
    assert users.add("lisi", "office", GOOD, T0, region="suqian").region == "suqian"
    with pytest.raises(InvalidAccount, match="region.*'suqain'"):
        users.add("wangwu", "agent", GOOD, T0, region="suqain")
    assert users.get("wangwu") is None
    assert (users.get("lisi").region, users.authenticate("lisi", GOOD).region) == ("suqian", "suqian")
    opened = SessionStore(database_url).open(users.get("lisi"), T0)
    assert SessionStore(database_url).load(opened.token, T0).user.region == "suqian"


def test_users_add_takes_a_region_and_refuses_an_unknown_one(tmp_path, monkeypatch, capsys):
    from bot.cli import main
    from bot.config import get_settings
    from bot.db import dispose_engines

    monkeypatch.setenv("YS_DATABASE_URL", f"sqlite:///{tmp_path / 'tickets.db'}")
    monkeypatch.setenv("YS_CONSOLE_BCRYPT_ROUNDS", "4")
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(GOOD + "\n"))
    get_settings.cache_clear()
    try:
        assert main(["db", "upgrade"]) == 0
        assert main(["users", "add", "chenying", "--role", "office", "--region", "suqian", "--password-stdin"]) == 0
        monkeypatch.setattr("sys.stdin", __import__("io").StringIO(GOOD + "\n"))
        assert main(["users", "add", "wangli", "--role", "agent", "--password-stdin"]) == 0
        monkeypatch.setattr("sys.stdin", __import__("io").StringIO(GOOD + "\n"))
        assert main(["users", "add", "zhaoqiang", "--role", "agent", "--region", "suqain", "--password-stdin"]) == 2
        capsys.readouterr()
        assert main(["users", "list", "--json"]) == 0
        listed = {u["username"]: u["region"] for u in json.loads(capsys.readouterr().out)}
        assert listed == {"chenying": "suqian", "wangli": "example"}
    finally:
        get_settings.cache_clear()
        dispose_engines()
