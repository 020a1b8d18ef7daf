"""What the attack tests share: raw requests, a console behind a trusted proxy, tickets to attack."""
from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from bot.bootstrap import ticket_service
from bot.config import PROJECT_ROOT, load_settings
from bot.departments import load_departments
from bot.staff.users import UserStore
from bot.tickets.model import TicketDraft
from bot.tickets.service import TicketService
from bot.workdays import SHANGHAI

PASSWORD = "Security-test-2026"
#: Accounts of the security console (their own, so that locking them disturbs no other test).
ACCOUNTS = {
    "agent": ("sec_agent", "agent", None),
    "officer": ("sec_officer", "officer", "市场监督管理局"),
    "officer_tax": ("sec_officer_tax", "officer", "税务局"),
    "target": ("sec_target", "agent", None),
    "bystander": ("sec_bystander", "agent", None),
}
DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def response_text(name: str) -> str:
    """The first text of a domain response, up to its first placeholder (for ``in`` checks)."""
    return DOMAIN["responses"][name][0]["text"].split("{")[0]


def user_events(stack, sender: str) -> list[dict[str, Any]]:
    return [e for e in stack.chat(sender).tracker()["events"] if e["event"] == "user"]


def rest(stack, body: Any, headers: dict[str, str] | None = None, raw: bytes | None = None) -> requests.Response:
    """POSTs ``body`` (or ``raw`` bytes) to the REST channel as an attacker would."""
    data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    return requests.post(f"{stack.rasa_url}/webhooks/rest/webhook", data=data,
                         headers={"Content-Type": "application/json", **(headers or {})}, timeout=60)


@pytest.fixture(scope="session")
def tickets(stack) -> TicketService:
    """The ticket service on the stack's database."""
    return ticket_service(load_settings({"YS_DATABASE_URL": stack.database_url,
                                        "YS_VAR_DIR": str(stack.var_dir)}))


def file_ticket(service: TicketService, phone: str, conversation: str | None = None,
                department: str = "市场监督管理局", description: str = "窗口推诿,来回跑了三趟还没办成") -> str:
    """Files a ticket as an enterprise's conversation would; returns its id."""
    conversation = conversation or f"victim-{uuid.uuid4().hex[:10]}"
    draft = TicketDraft(type="complaint", channel="web", description=description, contact_name="周先生",
                        phone=phone, actor=f"enterprise:{conversation}", company_name="安全测试机械有限公司",
                        department=department, conversation_id=conversation)
    return service.file(draft, dt.datetime.now(SHANGHAI)).ticket.id


@dataclass
class SecurityConsole:
    """The console started behind a trusted proxy (loopback), with the accounts above."""

    url: str
    log_dir: Path | None = None

    def logs(self) -> str:
        """What the console wrote to its log so far."""
        return "".join(p.read_text(errors="replace") for p in sorted(self.log_dir.glob("*.log"))) \
            if self.log_dir else ""

    def login(self, role_or_name: str, password: str = PASSWORD, client: str | None = None) -> requests.Response:
        """Signs in through the real form from ``client`` (sent as X-Forwarded-For); the answer, not followed."""
        username = ACCOUNTS[role_or_name][0] if role_or_name in ACCOUNTS else role_or_name
        session = requests.Session()
        if client:
            session.headers["X-Forwarded-For"] = client
        page = session.get(f"{self.url}/login", timeout=10).text
        token = re.search(r'name="login_token" value="([^"]+)"', page).group(1)
        answer = session.post(f"{self.url}/login", data={"username": username, "password": password,
                                                          "login_token": token}, allow_redirects=False, timeout=30)
        answer.session = session  # type: ignore[attr-defined]
        return answer

    def signed_in(self, role: str, client: str | None = None) -> requests.Session:
        answer = self.login(role, client=client)
        assert answer.status_code == 303, answer.text[:300]
        session = answer.session  # type: ignore[attr-defined]
        session.headers["X-CSRF-Token"] = session.get(f"{self.url}/api/session", timeout=10).json()["csrf_token"]
        return session


@pytest.fixture(scope="session")
def security_console(stack, tmp_path_factory) -> SecurityConsole:
    """A console of its own: behind a trusted proxy (127.0.0.1), with its own accounts."""
    from modelcache import rasa_env
    from services import Services, free_port

    settings = load_settings({"YS_DATABASE_URL": stack.database_url, "YS_VAR_DIR": str(stack.var_dir)})
    store = UserStore(stack.database_url, load_departments(settings.knowledge_dir), rounds=4)
    now = dt.datetime.now(SHANGHAI)
    for username, role, department in ACCOUNTS.values():
        if store.get(username) is None:
            store.add(username, role, PASSWORD, now, department=department, display_name=username)
    env = {**rasa_env(), "YS_VAR_DIR": str(stack.var_dir), "YS_DATABASE_URL": stack.database_url,
           "YS_CONSOLE_BCRYPT_ROUNDS": "4", "YS_TRUSTED_PROXIES": "127.0.0.1"}
    services = Services(log_dir=tmp_path_factory.mktemp("security-console-log"), env=env)
    port = free_port()
    try:
        services.console_server(port, stack.rasa_url, stack.token)
    except Exception as exc:
        logs = "".join(p.read_text(errors="replace")[-3000:] for p in services.log_dir.glob("*.log"))
        services.stop()
        raise RuntimeError(f"console failed to start: {exc}\n{logs}") from exc
    yield SecurityConsole(f"http://127.0.0.1:{port}", services.log_dir)
    services.stop()


def listening_addresses(port: int) -> list[tuple[str, int]]:
    """(address, port) of every socket listening on ``port``, from /proc/net/tcp{,6}."""
    found = []
    for name in ("tcp", "tcp6"):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.append((_address(address), port))
    return found


def _address(hex_address: str) -> str:
    import ipaddress

    raw = bytes.fromhex(hex_address)
    if len(raw) == 4:
        return str(ipaddress.IPv4Address(raw[::-1]))
    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
    return str(ipaddress.IPv6Address(words))
