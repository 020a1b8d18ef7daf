"""Settings: every variable of .env.example is read into a typed field, checked once."""
from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.config import PROJECT_ROOT, Settings, SettingsError, load_settings, parse_settings

Getter = Callable[[Settings], Any]

#: variable, a value, where it lands, what it becomes.
PARSED: list[tuple[str, str, Getter, Any]] = [
    ("YS_KNOWLEDGE_DIR", "/srv/knowledge", lambda s: s.knowledge_dir, Path("/srv/knowledge")),
    ("YS_DATABASE_URL", "postgresql+psycopg2://u@db/y", lambda s: s.database_url, "postgresql+psycopg2://u@db/y"),
    ("YS_VAR_DIR", "/srv/var", lambda s: s.var_dir, Path("/srv/var")),
    ("YS_RASA_URL", "http://rasa:5005/", lambda s: s.rasa_url, "http://rasa:5005"),
    ("YS_HOLIDAYS_DIR", "/srv/holidays", lambda s: s.holidays_dir, Path("/srv/holidays")),
    ("YS_DEFAULT_DEPARTMENT", "市场监督管理局", lambda s: s.default_department, "市场监督管理局"),
    ("YS_DEFAULT_REGION", "suqian", lambda s: s.default_region, "suqian"),
    ("YS_REST_REGION", "beijing_huairou", lambda s: s.rest_region, "beijing_huairou"),
    ("YS_CHANNEL_ACCOUNTS_FILE", "/etc/ys/accounts.yml", lambda s: s.channel_accounts_file,
     Path("/etc/ys/accounts.yml")),
    ("YS_WECHAT_REGION", "suqian", lambda s: s.wechat.region, "suqian"),
    ("YS_WECOM_REGION", "xinxiang_gaoxin", lambda s: s.wecom.region, "xinxiang_gaoxin"),
    ("YS_RASA_PORT", "6005", lambda s: s.rasa_port, 6005),
    ("YS_ACTION_PORT", "6055", lambda s: s.action_port, 6055),
    ("YS_ACTION_HOST", "0.0.0.0", lambda s: s.action_host, "0.0.0.0"),
    ("YS_RASA_HOST", "0.0.0.0", lambda s: s.rasa_host, "0.0.0.0"),
    ("USER", "alice", lambda s: s.operator, "alice"),
    ("YS_RASA_TOKEN", " rasa-token ", lambda s: s.security.rasa_token, "rasa-token"),
    ("YS_RASA_TOKEN_FILE", "/run/secrets/rasa", lambda s: s.security.rasa_token_file, Path("/run/secrets/rasa")),
    ("YS_ACTION_TOKEN", "a-token", lambda s: s.security.action_token, "a-token"),
    ("YS_ACTION_TOKEN_FILE", "/run/secrets/a", lambda s: s.security.action_token_file, Path("/run/secrets/a")),
    ("YS_TRUSTED_PROXIES", "10.0.0.5, 172.28.0.0/24", lambda s: s.security.trusted_proxies,
     (ipaddress.ip_network("10.0.0.5"), ipaddress.ip_network("172.28.0.0/24"))),
    ("YS_LOOKUP_MAX_FAILURES", "4", lambda s: s.security.lookup_max_failures, 4),
    ("YS_LOOKUP_MAX_FAILURES_PER_CLIENT", "6", lambda s: s.security.lookup_max_failures_per_client, 6),
    ("YS_LOOKUP_MAX_FAILURES_PER_TICKET", "7", lambda s: s.security.lookup_max_failures_per_ticket, 7),
    ("YS_LOOKUP_LOCK_MINUTES", "90", lambda s: s.security.lookup_lock_minutes, 90),
    ("YS_FILING_MAX_PER_CONVERSATION", "8", lambda s: s.security.filing_max_per_conversation, 8),
    ("YS_FILING_MAX_PER_CLIENT", "40", lambda s: s.security.filing_max_per_client, 40),
    ("YS_FILING_WINDOW_MINUTES", "120", lambda s: s.security.filing_window_minutes, 120),
    ("YS_MESSAGE_RATE_PER_CONVERSATION", "0", lambda s: s.security.message_rate_per_conversation, 0),
    ("YS_MESSAGE_RATE_PER_CLIENT", "300", lambda s: s.security.message_rate_per_client, 300),
    ("YS_CONSOLE_HOST", "0.0.0.0", lambda s: s.console.host, "0.0.0.0"),
    ("YS_CONSOLE_PORT", "8100", lambda s: s.console.port, 8100),
    ("YS_CONSOLE_IDLE_MINUTES", "12.5", lambda s: s.console.idle_minutes, 12.5),
    ("YS_CONSOLE_SESSION_HOURS", "8", lambda s: s.console.session_hours, 8.0),
    ("YS_CONSOLE_SECURE_COOKIES", "yes", lambda s: s.console.secure_cookies, True),
    ("YS_CONSOLE_LOGIN_MAX_FAILURES", "3", lambda s: s.console.login_max_failures, 3),
    ("YS_CONSOLE_LOGIN_LOCK_MINUTES", "20", lambda s: s.console.login_lock_minutes, 20.0),
    ("YS_CONSOLE_BCRYPT_ROUNDS", "4", lambda s: s.console.bcrypt_rounds, 4),
    ("YS_REPORT_FONT", "/fonts/a.ttc#1", lambda s: s.console.report_font, "/fonts/a.ttc#1"),
    ("YS_WECHAT_TOKEN", "wt", lambda s: s.wechat.token, "wt"),
    ("YS_WECHAT_AES_KEY", "k" * 43, lambda s: s.wechat.aes_key, "k" * 43),
    ("YS_WECHAT_APP_ID", "wx1", lambda s: s.wechat.app_id, "wx1"),
    ("YS_WECHAT_APP_SECRET", "as", lambda s: s.wechat.app_secret, "as"),
    ("YS_WECHAT_TEMPLATE_ID", "tpl", lambda s: s.wechat.template_id, "tpl"),
    ("YS_WECHAT_API_BASE", "http://127.0.0.1:9/", lambda s: s.wechat.api_base, "http://127.0.0.1:9"),
    ("YS_WECHAT_TIMESTAMP_WINDOW", "60", lambda s: s.wechat.timestamp_window, 60.0),
    ("YS_WECHAT_REPLY_BUDGET", "3", lambda s: s.wechat.reply_budget, 3.0),
    ("YS_WECOM_TOKEN", "ct", lambda s: s.wecom.token, "ct"),
    ("YS_WECOM_AES_KEY", "c" * 43, lambda s: s.wecom.aes_key, "c" * 43),
    ("YS_WECOM_CORP_ID", "ww1", lambda s: s.wecom.corp_id, "ww1"),
    ("YS_WECOM_AGENT_ID", "1000002", lambda s: s.wecom.agent_id, "1000002"),
    ("YS_WECOM_SECRET", "cs", lambda s: s.wecom.secret, "cs"),
    ("YS_WECOM_API_BASE", "https://wecom.test", lambda s: s.wecom.api_base, "https://wecom.test"),
    ("YS_WECOM_TIMESTAMP_WINDOW", "30", lambda s: s.wecom.timestamp_window, 30.0),
    ("YS_WECOM_REPLY_BUDGET", "0.5", lambda s: s.wecom.reply_budget, 0.5),
    ("YS_SMS_URL", "https://sms.internal/send", lambda s: s.notify.sms_url, "https://sms.internal/send"),
    ("YS_SMS_TOKEN", "st", lambda s: s.notify.sms_token, "st"),
    ("YS_SMS_SIGN", "示范市营商办", lambda s: s.notify.sms_sign, "示范市营商办"),
    ("YS_WIDGET_NOTICE_POLL_S", "5", lambda s: s.notify.widget_poll_s, 5.0),
    ("YS_TRACKER_DB_HOST", "postgres", lambda s: s.tracker.host, "postgres"),
    ("YS_TRACKER_DB_PORT", "5433", lambda s: s.tracker.port, 5433),
    ("YS_TRACKER_DB_NAME", "tracker", lambda s: s.tracker.name, "tracker"),
    ("YS_TRACKER_DB_USER", "yingshang", lambda s: s.tracker.user, "yingshang"),
    ("YS_TRACKER_DB_PASSWORD", "pw", lambda s: s.tracker.password, "pw"),
    ("YS_TRACKER_DB_SSLMODE", "verify-full", lambda s: s.tracker.sslmode, "verify-full"),
    ("YS_TRACKER_STORE_RETRY_S", "2.5", lambda s: s.tracker.retry_s, 2.5),
]

#: What the consumers used to fall back to before the settings were typed.
DEFAULTS: list[tuple[Getter, Any]] = [
    (lambda s: s.knowledge_dir, PROJECT_ROOT / "knowledge"),
    (lambda s: s.var_dir, PROJECT_ROOT / "var"),
    (lambda s: s.database_url, f"sqlite:///{PROJECT_ROOT / 'var' / 'tickets.db'}"),
    (lambda s: s.rasa_url, "http://localhost:5005"),
    (lambda s: s.holidays_dir, PROJECT_ROOT / "knowledge" / "holidays"),
    (lambda s: s.default_department, "行政审批服务局"),
    (lambda s: s.default_region, "example"),
    (lambda s: (s.rasa_port, s.action_port, s.action_host), (5005, 5055, "127.0.0.1")),
    (lambda s: s.operator, "unknown"),
    (lambda s: (s.security.rasa_token, s.security.rasa_token_file), ("", None)),
    (lambda s: (s.security.action_token, s.security.action_token_file), ("", None)),
    (lambda s: s.security.trusted_proxies, ()),
    (lambda s: (s.security.lookup_max_failures, s.security.lookup_max_failures_per_client,
                s.security.lookup_max_failures_per_ticket, s.security.lookup_lock_minutes), (3, 5, 3, 60)),
    (lambda s: (s.security.filing_max_per_conversation, s.security.filing_max_per_client,
                s.security.filing_window_minutes), (5, 30, 60)),
    (lambda s: (s.console.host, s.console.port), ("127.0.0.1", 8000)),
    (lambda s: (s.console.idle_minutes, s.console.session_hours), (30.0, 10.0)),
    (lambda s: s.console.secure_cookies, False),
    (lambda s: (s.console.login_max_failures, s.console.login_lock_minutes), (5, 15.0)),
    (lambda s: s.console.bcrypt_rounds, 12),
    (lambda s: s.console.report_font, None),
    (lambda s: (s.wechat.api_base, s.wechat.timestamp_window, s.wechat.reply_budget),
     ("https://api.weixin.qq.com", 300.0, 4.5)),
    (lambda s: (s.wecom.api_base, s.wecom.timestamp_window, s.wecom.reply_budget),
     ("https://qyapi.weixin.qq.com", 300.0, 4.5)),
    (lambda s: (s.wechat.token, s.wecom.token, s.wecom.corp_id, s.notify.sms_url), ("", "", "", "")),
    (lambda s: s.notify.widget_poll_s, 2.0),
    (lambda s: (s.tracker.host, s.tracker.port, s.tracker.name, s.tracker.sslmode), (None, 5432, "rasa", "prefer")),
    (lambda s: s.tracker.retry_s, 10.0),
]

#: variable, a value that cannot be used.
BAD: list[tuple[str, str]] = [
    ("YS_RASA_URL", "localhost:5005"),
    ("YS_DEFAULT_REGION", "Su Qian"),
    ("YS_WECHAT_REGION", "宿迁"),
    ("YS_RASA_PORT", "five"),
    ("YS_ACTION_PORT", "70000"),
    ("YS_TRUSTED_PROXIES", "10.0.0.5, nginx"),
    ("YS_LOOKUP_MAX_FAILURES", "0"),
    ("YS_LOOKUP_MAX_FAILURES_PER_CLIENT", "-1"),
    ("YS_LOOKUP_MAX_FAILURES_PER_TICKET", "2.5"),
    ("YS_LOOKUP_LOCK_MINUTES", "soon"),
    ("YS_FILING_MAX_PER_CONVERSATION", "many"),
    ("YS_FILING_MAX_PER_CLIENT", "0"),
    ("YS_FILING_WINDOW_MINUTES", "an hour"),
    ("YS_MESSAGE_RATE_PER_CONVERSATION", "-1"),
    ("YS_MESSAGE_RATE_PER_CLIENT", "fast"),
    ("YS_CONSOLE_PORT", "0"),
    ("YS_CONSOLE_IDLE_MINUTES", "0"),
    ("YS_CONSOLE_SESSION_HOURS", "nan"),
    ("YS_CONSOLE_SECURE_COOKIES", "maybe"),
    ("YS_CONSOLE_LOGIN_MAX_FAILURES", "none"),
    ("YS_CONSOLE_LOGIN_LOCK_MINUTES", "-5"),
    ("YS_CONSOLE_BCRYPT_ROUNDS", "3"),
    ("YS_CONSOLE_BCRYPT_ROUNDS", "twelve"),
    ("YS_WECHAT_API_BASE", "api.weixin.qq.com"),
    ("YS_WECHAT_TIMESTAMP_WINDOW", "inf"),
    ("YS_WECHAT_REPLY_BUDGET", "soon"),
    ("YS_WECOM_API_BASE", "ftp://x"),
    ("YS_WECOM_TIMESTAMP_WINDOW", "0"),
    ("YS_WECOM_REPLY_BUDGET", "-1"),
    ("YS_SMS_URL", "sms-relay.internal/send"),
    ("YS_WIDGET_NOTICE_POLL_S", "often"),
    ("YS_TRACKER_DB_PORT", "pg"),
    ("YS_TRACKER_STORE_RETRY_S", "0"),
]


@pytest.mark.parametrize("name, raw, get, expected", PARSED, ids=[row[0] for row in PARSED])
def test_each_variable_is_parsed_into_its_field(name, raw, get, expected):
    assert get(parse_settings({name: raw})) == expected


@pytest.mark.parametrize("get, expected", DEFAULTS)
def test_defaults_are_the_old_fallbacks(get, expected):
    assert get(parse_settings({})) == expected


@pytest.mark.parametrize("name, raw", BAD, ids=[f"{name}={raw}" for name, raw in BAD])
def test_a_bad_value_names_the_variable_and_the_value(name, raw):
    with pytest.raises(SettingsError) as caught:
        parse_settings({name: raw})
    assert name in str(caught.value) and raw.split(",")[-1].strip() in str(caught.value)


def test_an_empty_value_is_the_default():
    assert parse_settings({"YS_CONSOLE_PORT": " ", "YS_RASA_URL": ""}) == parse_settings({})


def test_wecom_shares_the_official_accounts_tunables_unless_its_own_are_set():
    settings = parse_settings({"YS_WECHAT_TIMESTAMP_WINDOW": "60", "YS_WECHAT_REPLY_BUDGET": "3",
                               "YS_WECOM_REPLY_BUDGET": "0.5"})
    assert (settings.wecom.timestamp_window, settings.wecom.reply_budget) == (60.0, 0.5)


def test_the_holiday_folder_follows_the_knowledge_folder():
    assert parse_settings({"YS_KNOWLEDGE_DIR": "/k"}).holidays_dir == Path("/k/holidays")


def test_a_tiny_widget_poll_is_raised_to_a_fifth_of_a_second():
    assert parse_settings({"YS_WIDGET_NOTICE_POLL_S": "0.01"}).notify.widget_poll_s == 0.2


def test_the_environment_wins_over_the_env_file(tmp_path):
    env_file = tmp_path / "site.env"
    env_file.write_text("YS_CONSOLE_PORT=8100\nYS_ACTION_PORT=6055\n", encoding="utf-8")
    settings = load_settings({"YS_ENV_FILE": str(env_file), "YS_ACTION_PORT": "7055"})
    assert (settings.console.port, settings.action_port, settings.env_file) == (8100, 7055, env_file)


def test_a_bad_value_in_the_env_file_stops_loading(tmp_path):
    env_file = tmp_path / "site.env"
    env_file.write_text("YS_CONSOLE_BCRYPT_ROUNDS=40\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="YS_CONSOLE_BCRYPT_ROUNDS must be between 4 and 31, got '40'"):
        load_settings({"YS_ENV_FILE": str(env_file)})


def _documented() -> set[str]:
    text = (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^#? ?(YS_[A-Z0-9_]+)=", text, flags=re.MULTILINE))


def test_env_example_documents_every_variable_once():
    text = (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8")
    names = re.findall(r"^#? ?(YS_[A-Z0-9_]+)=", text, flags=re.MULTILINE)
    assert sorted(name for name in set(names) if names.count(name) > 1) == []
    parsed = {row[0] for row in PARSED} - {"USER"}
    assert _documented() == parsed | {"YS_ENV_FILE"}


def test_config_reads_every_documented_variable():
    source = (PROJECT_ROOT / "bot" / "config.py").read_text(encoding="utf-8")
    read = set(re.findall(r'"(YS_[A-Z0-9_]+)"', source))
    assert _documented() - read == set()
