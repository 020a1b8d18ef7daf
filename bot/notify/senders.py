"""The gateways notices go out through: an SMS provider over HTTP, WeChat and WeCom (wechatpy).

Each sender's ``send(message, now)`` returns how it went out (``客服消息``,
``模板消息``, ``应用消息``, ``短信``) or raises :class:`DeliveryError` (try again
later) or :class:`PermanentDeliveryError` (no point trying again). All blocking; the
worker calls them one after another.

**SMS.** A configurable HTTP provider (``YS_SMS_URL``): ``POST`` of JSON
``{"id", "phone", "text"}`` with ``Authorization: Bearer <YS_SMS_TOKEN>``; any 2xx
answer is success unless its JSON says ``"ok": false``. ``id`` is the outbox row's
(``ys-outbox-<n>``), the same on every retry, so a provider that deduplicates on it
sends a retried message once. Most Chinese SMS platforms (阿里云, 腾讯云…) sign their
own APIs: put a small relay in front that speaks this protocol (the test fake in
``tests/notify/fakes.py`` is one).

**WeChat (official account).** A customer-service message (客服消息) may be sent within
48 hours of the user's last message to the account; the channel records that time
(``channel_contacts``). Outside the window, or when WeChat answers that the window
has closed (45015, 45047), a template message (模板消息) is sent instead, with the
template ``YS_WECHAT_TEMPLATE_ID`` and the keywords of ``notifications.yml``.

**WeCom.** App messages (应用消息) reach members at any time.

**One account per region.** A conversation's recipient is a user key
(``bot.channel_accounts``): ``suqian:o…`` for a user of region suqian's own account,
a bare OpenID for the single account of ``YS_WECHAT_*``. :class:`AccountRouter` sends
each notice through the account its key names, and none other: an OpenID means nothing
to another AppID, and a notice must never reach an enterprise from another region's
account. A key naming an account not configured is retried, then fails visibly.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import requests

from bot.channel_accounts import ACCOUNTS_FILE_VARIABLE, NO_ACCOUNTS, Accounts, split_user_key, user_key
from bot.config import Settings
from bot.notify.model import OutboxMessage
from bot.notify.rules import NoticeRules, template_data

logger = logging.getLogger(__name__)

TIMEOUT_S = 10
#: WeChat allows customer-service messages this long after the user's last message.
SERVICE_WINDOW = dt.timedelta(hours=48)
#: errcodes meaning "the customer-service window is closed": a template message may still go.
WINDOW_CLOSED = frozenset({45015, 45047})
#: errcodes that no retry mends (the user unfollowed, or is not a member of the app).
HOPELESS = frozenset({43004, 40003, 81013, 60111})


class DeliveryError(Exception):
    """The notice could not be sent now; the worker tries again later."""


class PermanentDeliveryError(DeliveryError):
    """The notice can never be sent as it is (refused for good)."""


class SmsGateway:
    """The SMS provider: one HTTP endpoint (see the module docstring)."""

    def __init__(self, url: str, token: str = "", sign: str = "", session: requests.Session | None = None,
                 timeout: float = TIMEOUT_S) -> None:
        self.url, self.token, self.sign = url.strip(), token.strip(), sign.strip()
        self._session = session or requests.Session()
        self.timeout = timeout

    def send(self, message: OutboxMessage, now: dt.datetime) -> str:
        if not self.url:
            raise DeliveryError("未配置短信网关 (YS_SMS_URL)")
        text = f"【{self.sign}】{message.text}" if self.sign and not message.text.startswith("【") else message.text
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            answer = self._session.post(self.url, json={"id": f"ys-outbox-{message.id}", "phone": message.recipient,
                                                        "text": text}, headers=headers, timeout=self.timeout)
        except requests.RequestException as exc:
            raise DeliveryError(f"短信网关无法连接: {exc}") from exc
        if 400 <= answer.status_code < 500 and answer.status_code not in (408, 429):
            raise PermanentDeliveryError(f"短信网关拒绝 HTTP {answer.status_code}: {answer.text[:200]}")
        if answer.status_code >= 300:
            raise DeliveryError(f"短信网关出错 HTTP {answer.status_code}: {answer.text[:200]}")
        try:
            body = answer.json()
        except ValueError:
            body = {}
        if isinstance(body, dict) and body.get("ok") is False:
            raise DeliveryError(f"短信网关未发送: {body.get('error') or body}")
        return "短信"


def _wechatpy_error(exc: Exception) -> int | None:
    code = getattr(exc, "errcode", None)
    try:
        return int(code) if code is not None else None
    except (TypeError, ValueError):
        return None


def _official_client(api_base: str, app_id: str, secret: str) -> Any:
    """wechatpy's official-account client, pointed at ``api_base`` (a test fake, or the real API)."""
    from wechatpy import WeChatClient

    class Client(WeChatClient):
        API_BASE_URL = api_base.rstrip("/") + "/cgi-bin/"

        def fetch_access_token(self) -> dict[str, Any]:
            token: dict[str, Any] = self._fetch_access_token(url=self.API_BASE_URL + "token", params={
                "grant_type": "client_credential", "appid": self.appid, "secret": self.secret})
            return token  # wechatpy ships no types

    return Client(app_id, secret, timeout=TIMEOUT_S)


def _wecom_client(api_base: str, corp_id: str, secret: str) -> Any:
    """wechatpy's WeCom client, pointed at ``api_base``."""
    from wechatpy.enterprise import WeChatClient

    class Client(WeChatClient):
        API_BASE_URL = api_base.rstrip("/") + "/cgi-bin/"

        def fetch_access_token(self) -> dict[str, Any]:
            token: dict[str, Any] = self._fetch_access_token(url=self.API_BASE_URL + "gettoken", params={
                "corpid": self.corp_id, "corpsecret": self.secret})
            return token  # wechatpy ships no types

    return Client(corp_id, secret, timeout=TIMEOUT_S)


class WeChatSender:
    """Official account: customer-service message in the 48-hour window, template message otherwise."""

    def __init__(self, api_base: str, app_id: str, secret: str, template_id: str, rules: NoticeRules,
                 last_message_at: Callable[[str], dt.datetime | None]) -> None:
        self.configured = bool(app_id and secret)
        self.client = _official_client(api_base, app_id, secret) if self.configured else None
        self.template_id = template_id.strip()
        self.rules = rules
        self._last_message_at = last_message_at

    def send(self, message: OutboxMessage, now: dt.datetime) -> str:
        from wechatpy.exceptions import WeChatClientException

        if self.client is None:
            raise DeliveryError("未配置公众号 AppID/AppSecret (YS_WECHAT_APP_ID, YS_WECHAT_APP_SECRET)")
        last = self._last_message_at(message.recipient)
        if last is not None and now - last < SERVICE_WINDOW:
            try:
                self.client.message.send_text(message.recipient, message.text)
                return "客服消息"
            except WeChatClientException as exc:
                code = _wechatpy_error(exc)
                if code in HOPELESS:
                    raise PermanentDeliveryError(f"微信拒绝 errcode {code}: {exc}") from exc
                if code not in WINDOW_CLOSED:
                    raise DeliveryError(f"客服消息发送失败 errcode {code}: {exc}") from exc
                logger.info("outbox %s: the 48-hour window is closed (errcode %s); sending a template message",
                            message.id, code)
            except Exception as exc:  # requests' errors, wrapped or not by wechatpy
                raise DeliveryError(f"微信接口无法连接: {exc}") from exc
        if not self.template_id:
            raise PermanentDeliveryError("已超过48小时客服消息时限,且未配置模板消息 (YS_WECHAT_TEMPLATE_ID)")
        try:
            self.client.message.send_template(message.recipient, self.template_id,
                                              template_data(self.rules, message.fields))
        except WeChatClientException as exc:
            code = _wechatpy_error(exc)
            error = PermanentDeliveryError if code in HOPELESS else DeliveryError
            raise error(f"模板消息发送失败 errcode {code}: {exc}") from exc
        except Exception as exc:
            raise DeliveryError(f"微信接口无法连接: {exc}") from exc
        return "模板消息"


class WeComSender:
    """WeCom: an app message to the member."""

    def __init__(self, api_base: str, corp_id: str, secret: str, agent_id: str) -> None:
        self.configured = bool(corp_id and secret and agent_id)
        self.client = _wecom_client(api_base, corp_id, secret) if self.configured else None
        self.agent_id = int(agent_id) if agent_id.isdigit() else agent_id

    def send(self, message: OutboxMessage, now: dt.datetime) -> str:
        from wechatpy.exceptions import WeChatClientException

        if self.client is None:
            raise DeliveryError("未配置企业微信应用 (YS_WECOM_CORP_ID, YS_WECOM_SECRET, YS_WECOM_AGENT_ID)")
        try:
            answer = self.client.message.send_text(self.agent_id, message.recipient, message.text)
        except WeChatClientException as exc:
            code = _wechatpy_error(exc)
            error = PermanentDeliveryError if code in HOPELESS else DeliveryError
            raise error(f"企业微信应用消息发送失败 errcode {code}: {exc}") from exc
        except Exception as exc:
            raise DeliveryError(f"企业微信接口无法连接: {exc}") from exc
        if isinstance(answer, dict) and answer.get("invaliduser"):
            raise PermanentDeliveryError(f"企业微信成员无效: {answer.get('invaliduser')}")
        return "应用消息"


class Sender(Protocol):
    """What the worker calls: sends one notice, says how it went out."""

    def send(self, message: OutboxMessage, now: dt.datetime) -> str: ...


class AccountRouter:
    """Sends each notice through the account its recipient's user key names (module docstring)."""

    def __init__(self, platform: str, senders: Mapping[str, Sender]) -> None:
        """``senders``: by account id, ``""`` the single account's."""
        self.platform = platform
        self.senders = dict(senders)

    def send(self, message: OutboxMessage, now: dt.datetime) -> str:
        account, user = split_user_key(message.recipient)
        sender = self.senders.get(account)
        if sender is None:
            label = "公众号" if self.platform == "wechat" else "企业微信应用"
            raise DeliveryError(f"未配置地区 {account} 的{label} ({ACCOUNTS_FILE_VARIABLE} {self.platform}.{account})")
        return sender.send(dataclasses.replace(message, recipient=user), now)


def senders_from_settings(settings: Settings, rules: NoticeRules,
                          last_message_at: Callable[[str, str], dt.datetime | None],
                          accounts: Accounts = NO_ACCOUNTS) -> dict[str, Any]:
    """The worker's senders from the settings (``YS_SMS_*``, ``YS_WECHAT_*``, ``YS_WECOM_*``).

    Args:
        settings: the settings.
        rules: the notice rules (template keywords).
        last_message_at: ``(channel, user key)`` → when the user last wrote (the channel's record).
        accounts: the regions' own accounts (``YS_CHANNEL_ACCOUNTS_FILE``, loaded and checked).
    """
    notify, wechat, wecom = settings.notify, settings.wechat, settings.wecom

    def written(account: str) -> Callable[[str], dt.datetime | None]:
        return lambda user: last_message_at("wechat", user_key(account, user))

    official: dict[str, Sender] = {"": WeChatSender(wechat.api_base, wechat.app_id, wechat.app_secret,
                                                    wechat.template_id, rules, written(""))}
    official.update({region: WeChatSender(wechat.api_base, a.app_id, a.secret, a.template_id, rules, written(region))
                     for region, a in accounts.wechat.items()})
    apps: dict[str, Sender] = {"": WeComSender(wecom.api_base, wecom.corp_id, wecom.secret, wecom.agent_id)}
    apps.update({region: WeComSender(wecom.api_base, a.app_id, a.secret, a.agent_id)
                 for region, a in accounts.wecom.items()})
    return {
        "sms": SmsGateway(notify.sms_url, notify.sms_token, notify.sms_sign),
        "wechat": AccountRouter("wechat", official),
        "wecom": AccountRouter("wecom", apps),
    }
