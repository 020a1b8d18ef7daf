"""Hole 12: an admin of one region took over another region's console accounts.

Attack (before): the admin of 怀柔 listed every region's accounts, reset the password of
宿迁's 营商办 account (200) and signed in with it: every 宿迁 ticket, full phones
included. Accounts made on the page all landed in the default region, whatever the
admin's own.

Now: an admin manages the accounts of their own region and the regions below it (as
the office sees tickets); another region's account answers 404, as an unknown one, and
the console logs a warning naming the admin and the account. New accounts go into the
admin's region, or one below it that the request names.
"""
import datetime as dt
import uuid

import pytest

from bot.bootstrap import ticket_service
from bot.config import load_settings
from bot.departments import load_departments
from bot.staff.users import UserStore
from bot.workdays import SHANGHAI
from tests.security.conftest import PASSWORD

pytestmark = pytest.mark.e2e

HERE, THERE = "beijing_huairou", "suqian"


@pytest.fixture(scope="module")
def accounts(stack, security_console):
    """An admin of 怀柔, an officer of 怀柔 and the 营商办 of 宿迁 (names unique to this run)."""
    settings = load_settings({"YS_DATABASE_URL": stack.database_url, "YS_VAR_DIR": str(stack.var_dir)})
    regions = ticket_service(settings).regions
    store = UserStore(stack.database_url, load_departments(settings.knowledge_dir), 4, regions.ids, regions.default)
    suffix = uuid.uuid4().hex[:6]
    names = {"admin": f"sec_admin_hr_{suffix}", "officer": f"sec_officer_hr_{suffix}",
             "office": f"sec_office_sq_{suffix}"}
    now = dt.datetime.now(SHANGHAI)
    store.add(names["admin"], "admin", PASSWORD, now, region=HERE)
    store.add(names["officer"], "officer", PASSWORD, now, department="市场监督管理局", region=HERE)
    store.add(names["office"], "office", PASSWORD, now, region=THERE)
    return store, names


def test_an_admin_cannot_take_over_another_regions_account(security_console, accounts):
    store, names = accounts
    admin = security_console.signed_in(names["admin"])
    url = security_console.url

    listed = {u["username"] for u in admin.get(f"{url}/api/users", timeout=10).json()["users"]}
    assert names["officer"] in listed and names["office"] not in listed

    for action, body in (("password", {"password": "Taken-over-2026x"}), ("disable", {})):
        answer = admin.post(f"{url}/api/users/{names['office']}/{action}", json=body, timeout=30)
        assert answer.status_code == 404, answer.text
        assert answer.json() == admin.post(f"{url}/api/users/nobody-{uuid.uuid4().hex[:6]}/{action}",
                                           json=body, timeout=30).json(), "the same answer as an unknown account"
    assert store.get(names["office"]).active
    assert security_console.login(names["office"]).status_code == 303, "its own password still works"
    assert security_console.login(names["office"], "Taken-over-2026x").status_code == 401
    assert f"admin {names['admin']} refused account" in security_console.logs()
    assert f"account {names['office']!r} of region {THERE!r}" in security_console.logs()

    # its own region's accounts it still manages
    assert admin.post(f"{url}/api/users/{names['officer']}/password", json={"password": "Renewed-pass-2026"},
                      timeout=30).status_code == 200


def test_an_admin_creates_accounts_in_their_own_region_only(security_console, accounts):
    store, names = accounts
    admin = security_console.signed_in(names["admin"])
    url = security_console.url
    made = f"sec_made_{uuid.uuid4().hex[:6]}"
    answer = admin.post(f"{url}/api/users", json={"username": made, "role": "office", "password": PASSWORD},
                        timeout=30)
    assert answer.status_code == 201, answer.text
    assert store.get(made).region == HERE and answer.json()["user"]["region"] == HERE

    elsewhere = f"sec_made_{uuid.uuid4().hex[:6]}"
    answer = admin.post(f"{url}/api/users", json={"username": elsewhere, "role": "office", "password": PASSWORD,
                                                  "region": THERE}, timeout=30)
    assert answer.status_code == 404, answer.text
    assert store.get(elsewhere) is None
