"""The console as a real server process beside the session's Rasa stack.

``console`` starts ``python -m bot.console`` (through ``scripts/services.py``, as
``make run`` does) on a free port, pointing at the stack's ticket database and at its
Rasa server and API token, and creates one account per role. ``signed_in(role)``
gives a ``requests`` session signed in through the real sign-in form, carrying the
session's CSRF token.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pytest
import requests
from playwright.sync_api import sync_playwright

from bot.bootstrap import ticket_service
from bot.config import load_settings
from bot.departments import load_departments
from bot.staff.users import UserStore
from bot.tickets.service import TicketService
from bot.workdays import SHANGHAI
from tests.channels.test_widget import CHROMIUM, CHROMIUM_ARGS

#: username, role, department, display name — one account per role (two officers).
ACCOUNTS = {
    "agent": ("wangli", "agent", None, "王丽"),
    "agent2": ("zhaoqiang", "agent", None, "赵强"),
    "officer": ("zhangsan", "officer", "市场监督管理局", "张三"),
    "officer_tax": ("lisi", "officer", "税务局", "李四"),
    "office": ("chenying", "office", None, "陈颖"),
    "admin": ("root", "admin", None, "管理员"),
}
PASSWORD = "Console-test-2026"


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium, one per test module of the console's pages."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run scripts/system_deps.sh", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class ConsoleServer:
    """The running console and what the tests need to reach it."""

    url: str
    database_url: str
    settings: object
    _sessions: dict[str, requests.Session] = field(default_factory=dict)

    def login(self, username: str, password: str = PASSWORD) -> requests.Response:
        """A fresh browser-like session POSTing the sign-in form; returns the answer (not followed)."""
        session = requests.Session()
        page = session.get(f"{self.url}/login", timeout=10).text
        token = re.search(r'name="login_token" value="([^"]+)"', page).group(1)
        answer = session.post(f"{self.url}/login", data={"username": username, "password": password,
                                                          "login_token": token}, allow_redirects=False, timeout=30)
        answer.session = session  # type: ignore[attr-defined]
        return answer

    def signed_in(self, role: str) -> requests.Session:
        """A session of the account of ``role`` (cached), with ``X-CSRF-Token`` set."""
        if role not in self._sessions:
            answer = self.login(ACCOUNTS[role][0])
            assert answer.status_code == 303, answer.text
            session = answer.session  # type: ignore[attr-defined]
            info = session.get(f"{self.url}/api/session", timeout=10).json()
            session.headers["X-CSRF-Token"] = info["csrf_token"]
            self._sessions[role] = session
        return self._sessions[role]

    def tickets(self) -> TicketService:
        """The ticket service on the same database (to seed and check tickets)."""
        return ticket_service(self.settings)


@pytest.fixture(scope="session")
def console(stack, tmp_path_factory) -> ConsoleServer:
    """The console server for the whole session, with one account per role."""
    from modelcache import rasa_env
    from services import Services, free_port

    settings = load_settings({"YS_DATABASE_URL": stack.database_url, "YS_VAR_DIR": str(stack.var_dir)})
    store = UserStore(stack.database_url, load_departments(settings.knowledge_dir), rounds=4)
    now = dt.datetime.now(SHANGHAI)
    for username, role, department, name in ACCOUNTS.values():
        if store.get(username) is None:
            store.add(username, role, PASSWORD, now, department=department, display_name=name)
    env = {**rasa_env(), "YS_VAR_DIR": str(stack.var_dir), "YS_DATABASE_URL": stack.database_url,
           "YS_CONSOLE_BCRYPT_ROUNDS": "4"}
    services = Services(log_dir=tmp_path_factory.mktemp("console-log"), env=env)
    port = free_port()
    try:
        services.console_server(port, stack.rasa_url, stack.token)
    except Exception as exc:
        logs = "".join(p.read_text(errors="replace")[-3000:] for p in services.log_dir.glob("*.log"))
        services.stop()
        raise RuntimeError(f"console failed to start: {exc}\n{logs}") from exc
    yield ConsoleServer(f"http://127.0.0.1:{port}", stack.database_url, settings)
    services.stop()


def api(session: requests.Session, method: str, url: str, json: dict | None = None) -> requests.Response:
    """One call of the console's API (no redirects followed)."""
    return session.request(method, url, json=json, allow_redirects=False, timeout=60)


@pytest.fixture(scope="session")
def october(console) -> dict[str, str]:
    """October 2026 seeded once for the session (tests/bot/reports/seed.py explains each ticket)."""
    from tests.bot.reports.seed import seed_october

    return seed_october(console.tickets())
