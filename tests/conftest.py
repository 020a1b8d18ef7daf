"""Shared fixtures: the trained model and a real Rasa + action server stack.

The model is trained once per training-data hash (scripts/modelcache.py) and shared by
every test session; the stack is started once per session on free ports, with its own
SQLite databases in a temporary folder, and stopped at the end.
"""
from __future__ import annotations

import json
import sys
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The model for the current training data (trained now if missing)."""
    from modelcache import ensure_model

    return ensure_model(quiet=True)


@pytest.fixture(scope="session")
def kb():
    """The real procedure guides under knowledge/."""
    from bot.procedures.loader import load_knowledge

    return load_knowledge(ROOT / "knowledge")


@pytest.fixture(scope="session")
def lexicon():
    """The real words under knowledge/ (everyday words, typos, abbreviations)."""
    from bot.language.lexicon import load_lexicon

    return load_lexicon(ROOT / "knowledge")


@pytest.fixture(scope="session")
def interpreter(kb, lexicon):
    """The reader of messages, built once from the real knowledge files."""
    from bot.language.interpret import Interpreter

    return Interpreter.build(kb, lexicon)


def http_json(url: str, payload: dict[str, Any] | None = None, timeout: float = 30,
              headers: dict[str, str] | None = None) -> Any:
    """POSTs ``payload`` as JSON (or GETs when None) and decodes the JSON answer."""
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode())


@dataclass
class Stack:
    """A running Rasa server and action server."""

    rasa_url: str
    action_url: str
    log_dir: Path
    var_dir: Path
    database_url: str
    token: str = "test-api-token-of-the-session"
    action_token: str = ""  # what the action server expects in X-Action-Token (Rasa sends it)

    def logs(self) -> str:
        """The tail of every log, for failure messages."""
        parts = []
        for log in sorted(self.log_dir.glob("*.log")):
            parts.append(f"--- {log.name}\n" + log.read_text(errors="replace")[-3000:])
        return "\n".join(parts)

    def parse(self, text: str) -> dict[str, Any]:
        """The NLU result for ``text`` from /model/parse."""
        return http_json(f"{self.rasa_url}/model/parse?token={self.token}", {"text": text})

    def chat(self, sender: str | None = None, client: str | None = None) -> Chat:
        """A new conversation with its own sender id, from its own client address (or ``client``)."""
        return Chat(self, sender or f"test-{uuid.uuid4().hex[:12]}", client or client_address())


def client_address() -> str:
    """A made-up client address (documentation range 198.18.0.0/15), one per call."""
    number = uuid.uuid4().int
    return f"198.{18 + number % 2}.{number // 2 % 256}.{number // 512 % 254 + 1}"


@dataclass
class Chat:
    """One conversation over the REST channel, as a client behind the stack's trusted proxy.

    The stack trusts ``X-Forwarded-For`` from loopback (``YS_TRUSTED_PROXIES``), as a
    server behind nginx does; each chat comes from its own address, so that what is
    counted per client (lookups, filings) is one test's own, as it is one enterprise's.
    """

    stack: Stack
    sender: str
    client: str = "198.18.0.1"

    def say(self, message: str) -> list[dict[str, Any]]:
        """Sends ``message`` and returns the bot's messages."""
        return http_json(
            f"{self.stack.rasa_url}/webhooks/rest/webhook",
            {"sender": self.sender, "message": message},
            timeout=60, headers={"X-Forwarded-For": self.client},
        )

    def tracker(self) -> dict[str, Any]:
        """The conversation's tracker from the Rasa HTTP API."""
        return http_json(f"{self.stack.rasa_url}/conversations/{self.sender}/tracker?token={self.stack.token}")


@pytest.fixture(scope="session")
def fake_wechat_api():
    """A fake api.weixin.qq.com / qyapi.weixin.qq.com on a local port, started before the stack.

    It records token requests and pushed messages (``tests/channels/wechat_fakes.py``).
    """
    from tests.channels.wechat_fakes import FakeWeChatApi

    with FakeWeChatApi() as api:
        yield api


@pytest.fixture(scope="session")
def stack_env(fake_wechat_api, tmp_path_factory) -> dict[str, str]:
    """Extra environment for the stack's processes (channel credentials, fake APIs, and the
    regions' own accounts of ``tests/channels/wechat_fakes.py``)."""
    from tests.channels.wechat_fakes import accounts_yaml

    accounts = tmp_path_factory.mktemp("secrets") / "channel_accounts.yml"
    accounts.write_text(accounts_yaml(), encoding="utf-8")
    accounts.chmod(0o600)
    return {**fake_wechat_api.stack_env(), "YS_CHANNEL_ACCOUNTS_FILE": str(accounts)}


@pytest.fixture(scope="session")
def stack(tmp_path_factory, trained_model, stack_env) -> Stack:
    """Rasa and the action server (scripts/services.local_stack), started once for the whole session."""
    from services import local_stack

    var = tmp_path_factory.mktemp("stack")
    with local_stack(var, trained_model, stack_env, token=Stack.token) as running:
        yield Stack(running.rasa_url, running.action_url, var / "log", var, running.database_url,
                    action_token=running.services.action_token)
