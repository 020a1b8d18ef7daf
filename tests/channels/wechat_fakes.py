"""WeChat's side of the wire, for tests: its servers calling us, and its API we call.

- :class:`FakeWeChatApi` stands in for ``api.weixin.qq.com`` and ``qyapi.weixin.qq.com``
  on a local port: it hands out access tokens and records every token request and
  every pushed message (customer-service, template and WeCom app messages; ``api``
  says which, ``app_id`` whose credentials fetched the token it was sent with). It
  knows the test accounts (``WECHAT``, ``WECOM``, the regions' ``REGION_WECHAT`` and
  ``REGION_WECOM``) and those given to :meth:`add_account`. Users in ``window_closed``
  get errcode 45015 for customer-service messages, as WeChat answers 48 hours after a
  user's last message.
- :class:`OfficialAccountServer` and :class:`WeComServer` play the platform calling our
  webhook: they build the XML, sign it, encrypt it with wechatpy's own crypto, POST it,
  and decrypt and check the passive reply, as WeChat would.
"""
from __future__ import annotations

import base64
import itertools
import json
import socket
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import requests
import xmltodict
from wechatpy.crypto import WeChatCrypto
from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto
from wechatpy.utils import WeChatSigner


def _aes_key(secret: bytes) -> str:
    """An EncodingAESKey: 32 bytes in base64 without its trailing '=' (43 characters)."""
    return base64.b64encode(secret).decode().rstrip("=")


WECHAT = {"token": "ys-test-wechat-token", "aes_key": _aes_key(b"ys-test-wechat-aes-key-32-bytes!"),
          "app_id": "wx0a1b2c3d4e5f6a7b", "secret": "wechat-test-secret", "account": "gh_ys_test"}
WECOM = {"token": "ys-test-wecom-token", "aes_key": _aes_key(b"ys-test-wecom-aes-key-32-bytes!!"),
         "corp_id": "ww0a1b2c3d4e5f6a7b", "agent_id": "1000002", "secret": "wecom-test-secret"}
#: The regions' own accounts of the test deployment (``YS_CHANNEL_ACCOUNTS_FILE``, :func:`accounts_yaml`).
REGION_WECHAT = {
    "suqian": {"token": "ys-test-suqian-token", "aes_key": _aes_key(b"ys-test-suqian-aes-key-32-bytes!"),
               "app_id": "wx5a1c0000000a0001", "secret": "suqian-test-secret", "account": "gh_ys_suqian"},
    "beijing_huairou": {"token": "ys-test-huairou-token", "aes_key": _aes_key(b"ys-test-huairou-aes-key-32bytes!"),
                        "app_id": "wx5a1c0000000b0002", "secret": "huairou-test-secret", "account": "gh_ys_huairou"},
}
REGION_WECOM = {
    "suqian": {"token": "ys-test-suqian-wecom-token", "aes_key": _aes_key(b"ys-test-suqian-wecom-aes-32bytes"),
               "corp_id": "ww5a1c0000000c0003", "agent_id": "1000007", "secret": "suqian-wecom-test-secret"},
}


def accounts_yaml() -> str:
    """The accounts file of :data:`REGION_WECHAT` and :data:`REGION_WECOM`."""
    lines = ["wechat:"]
    for region, a in REGION_WECHAT.items():
        lines += [f"  {region}:", f"    token: {a['token']}", f"    aes_key: {a['aes_key']}",
                  f"    app_id: {a['app_id']}", f"    app_secret: {a['secret']}"]
    lines.append("wecom:")
    for region, a in REGION_WECOM.items():
        lines += [f"  {region}:", f"    token: {a['token']}", f"    aes_key: {a['aes_key']}",
                  f"    corp_id: {a['corp_id']}", f"    secret: {a['secret']}", f"    agent_id: \"{a['agent_id']}\""]
    return "\n".join(lines) + "\n"


#: WeCom's last delivery gives up at once, so that a test can see the push path.
WECOM_TEST_BUDGET_S = "0.01"
_ids = itertools.count(int(time.time()) * 1000)


def next_msg_id() -> str:
    """A fresh 64-bit-looking MsgId."""
    return str(next(_ids))


def signature(*parts: str) -> str:
    """WeChat's SHA-1 signature over the sorted parts."""
    signer = WeChatSigner()
    signer.add_data(*parts)
    return signer.signature


class FakeWeChatApi:
    """A local HTTP server answering the token and message-send endpoints of both APIs."""

    def __init__(self) -> None:
        self.token_requests: list[dict[str, str]] = []
        self.pushed: list[dict[str, Any]] = []
        self.valid_tokens: set = set()
        #: (api, AppID or CorpID) → secret of the accounts it knows
        self.secrets: dict[tuple[str, str], str] = {("wechat", WECHAT["app_id"]): WECHAT["secret"],
                                                    ("wecom", WECOM["corp_id"]): WECOM["secret"]}
        self.secrets.update({("wechat", a["app_id"]): a["secret"] for a in REGION_WECHAT.values()})
        self.secrets.update({("wecom", a["corp_id"]): a["secret"] for a in REGION_WECOM.values()})
        #: token → the AppID / CorpID whose credentials fetched it
        self.token_owner: dict[str, str] = {}
        self.window_closed: set = set()
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeWeChatApi:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    def stack_env(self) -> dict[str, str]:
        """The channel variables for the stack: test credentials, this server as the API."""
        return {
            "YS_WECHAT_TOKEN": WECHAT["token"], "YS_WECHAT_AES_KEY": WECHAT["aes_key"],
            "YS_WECHAT_APP_ID": WECHAT["app_id"], "YS_WECHAT_APP_SECRET": WECHAT["secret"],
            "YS_WECHAT_API_BASE": self.url,
            "YS_WECOM_TOKEN": WECOM["token"], "YS_WECOM_AES_KEY": WECOM["aes_key"],
            "YS_WECOM_CORP_ID": WECOM["corp_id"], "YS_WECOM_AGENT_ID": WECOM["agent_id"],
            "YS_WECOM_SECRET": WECOM["secret"], "YS_WECOM_API_BASE": self.url,
            "YS_WECOM_REPLY_BUDGET": WECOM_TEST_BUDGET_S,
        }

    def add_account(self, api: str, app_id: str, secret: str) -> None:
        """Another official account (``api`` = ``wechat``) or WeCom company (``wecom``) it accepts."""
        self.secrets[(api, app_id)] = secret

    def revoke_tokens(self) -> None:
        """Every token handed out so far becomes invalid (errcode 40001)."""
        self.valid_tokens.clear()

    def wait_for_pushes(self, user: str, count: int = 1, timeout: float = 30) -> list[dict[str, Any]]:
        """The messages pushed to ``user``, once there are ``count``, waiting up to ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [p for p in self.pushed if p["body"].get("touser") == user]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"{len(found)} of {count} pushes to {user} in {timeout} s: {self.pushed}"
                self._changed.wait(remaining)

    def pushes_to(self, user: str) -> list[dict[str, Any]]:
        with self._changed:
            return [p for p in self.pushed if p["body"].get("touser") == user]

    def _token(self, api: str, params: dict[str, str]) -> dict[str, Any]:
        with self._changed:
            self.token_requests.append({"api": api, **params})
        if api == "wechat":
            app_id, secret = params.get("appid", ""), params.get("secret")
        else:
            app_id, secret = params.get("corpid", ""), params.get("corpsecret")
        if secret is None or self.secrets.get((api, app_id)) != secret:
            return {"errcode": 40013, "errmsg": "invalid appid or secret"}
        token = f"{api}-token-{uuid.uuid4().hex[:8]}"
        self.valid_tokens.add(token)
        self.token_owner[token] = app_id
        return {"errcode": 0, "access_token": token, "expires_in": 7200}

    def _send(self, api: str, token: str, raw: bytes) -> dict[str, Any]:
        if token not in self.valid_tokens:
            return {"errcode": 40001, "errmsg": "invalid credential, access_token is invalid or not latest"}
        if api == "wechat" and json.loads(raw.decode("utf-8")).get("touser") in self.window_closed:
            return {"errcode": 45015, "errmsg": "response out of time limit or subscription is canceled"}
        with self._changed:
            self.pushed.append({"api": api, "token": token, "app_id": self.token_owner.get(token), "raw": raw,
                                "body": json.loads(raw.decode("utf-8"))})
            self._changed.notify_all()
        return {"errcode": 0, "errmsg": "ok"}

    def _handler(self) -> type:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                params = dict(urllib.parse.parse_qsl(url.query))
                routes = {"/cgi-bin/token": "wechat", "/cgi-bin/gettoken": "wecom"}
                if url.path not in routes:
                    self.send_error(404)
                    return
                self._answer(fake._token(routes[url.path], params))

            def do_POST(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                token = dict(urllib.parse.parse_qsl(url.query)).get("access_token", "")
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                routes = {"/cgi-bin/message/custom/send": "wechat", "/cgi-bin/message/send": "wecom",
                          "/cgi-bin/message/template/send": "wechat_template"}
                if url.path not in routes:
                    self.send_error(404)
                    return
                self._answer(fake._send(routes[url.path], token, raw))

            def log_message(self, *args: Any) -> None:
                pass

        return Handler


def text_xml(sender: str, to: str, content: str, msg_id: str, agent: str | None = None) -> str:
    """A user's text message as the platform sends it."""
    agent_node = f"<AgentID>{agent}</AgentID>" if agent else ""
    return (f"<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{sender}]]></FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId>{agent_node}</xml>")


def other_xml(sender: str, to: str, msg_type: str, fields: str, msg_id: str | None = None) -> str:
    """Any other message type or event (``fields`` is the type's own XML)."""
    msg_id_node = f"<MsgId>{msg_id}</MsgId>" if msg_id else ""
    return (f"<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{sender}]]></FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[{msg_type}]]></MsgType>"
            f"{fields}{msg_id_node}</xml>")


class OfficialAccountServer:
    """The official-account platform calling ``/webhooks/wechat/webhook`` in one of its three modes.

    ``region``: a region's own account of :data:`REGION_WECHAT` instead, calling
    ``/webhooks/wechat/<region>/webhook``; ``url``: another URL (another region's, say).
    """

    def __init__(self, rasa_url: str, mode: str = "safe", region: str = "", url: str | None = None) -> None:
        self.account = REGION_WECHAT[region] if region else WECHAT
        self.url = url or f"{rasa_url}/webhooks/wechat/{region + '/' if region else ''}webhook"
        self.mode = mode
        self.crypto = WeChatCrypto(self.account["token"], self.account["aes_key"], self.account["app_id"])

    def query(self, timestamp: int | None = None, nonce: str | None = None,
              token: str | None = None) -> dict[str, str]:
        """Signed query parameters (``token`` other than the account's: a forgery)."""
        timestamp_text, nonce = str(timestamp or int(time.time())), nonce or uuid.uuid4().hex[:10]
        return {"signature": signature(token or self.account["token"], timestamp_text, nonce),
                "timestamp": timestamp_text, "nonce": nonce}

    def post(self, xml: str, timeout: float = 60, query: dict[str, str] | None = None,
             crypto: WeChatCrypto | None = None) -> requests.Response:
        """POSTs ``xml`` as the platform would in this server's mode."""
        url, body = self._sealed(xml, query, crypto)
        return requests.post(url, data=body, timeout=timeout)

    def hang_up(self, xml: str) -> None:
        """Delivers ``xml`` and closes the connection at once, before any answer (WeChat giving up)."""
        url, body = self._sealed(xml)
        parsed = urllib.parse.urlsplit(url)
        head = (f"POST {parsed.path}?{parsed.query} HTTP/1.1\r\nHost: {parsed.netloc}\r\n"
                f"Content-Type: text/xml\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n")
        with socket.create_connection((parsed.hostname, parsed.port), timeout=10) as connection:
            connection.sendall(head.encode("ascii") + body)

    def _sealed(self, xml: str, query: dict[str, str] | None = None,
                crypto: WeChatCrypto | None = None) -> tuple[str, bytes]:
        """The signed URL and the body of ``xml`` in this server's mode."""
        query = dict(query or self.query())
        body = xml
        if self.mode != "plaintext":
            sealed = (crypto or self.crypto).encrypt_message(xml, query["nonce"], query["timestamp"])
            sealed = xmltodict.parse(sealed)["xml"]
            encrypted = f"<Encrypt><![CDATA[{sealed['Encrypt']}]]></Encrypt>"
            query.update(encrypt_type="aes", msg_signature=sealed["MsgSignature"])
            body = xml.replace("</xml>", encrypted + "</xml>") if self.mode == "compatible" else \
                f"<xml><ToUserName><![CDATA[{self.account['account']}]]></ToUserName>{encrypted}</xml>"
        return f"{self.url}?{urllib.parse.urlencode(query)}", body.encode("utf-8")

    def ask(self, sender: str, content: str, msg_id: str | None = None, timeout: float = 60) -> dict[str, str]:
        """Sends a text and returns the decrypted passive reply as a dict of its fields."""
        response = self.post(text_xml(sender, self.account["account"], content, msg_id or next_msg_id()), timeout)
        assert response.status_code == 200, (response.status_code, response.text)
        return self.open_reply(response.text)

    def open_reply(self, body: str) -> dict[str, str]:
        """The reply's fields; encrypted replies are checked and decrypted (``success``: empty)."""
        if body in ("success", ""):
            return {}
        outer = xmltodict.parse(body)["xml"]
        if "Encrypt" not in outer:
            assert self.mode == "plaintext", "an encrypted request gets an encrypted reply"
            return outer
        plain = self.crypto.decrypt_message(body, outer["MsgSignature"], outer["TimeStamp"], outer["Nonce"])
        return xmltodict.parse(plain)["xml"]


class WeComServer:
    """WeCom calling ``/webhooks/wecom/webhook`` (always encrypted, CorpID as receive id)."""

    def __init__(self, rasa_url: str) -> None:
        self.url = f"{rasa_url}/webhooks/wecom/webhook"
        self.crypto = WeComCrypto(WECOM["token"], WECOM["aes_key"], WECOM["corp_id"])

    def url_check(self, echo: str, forge: bool = False) -> requests.Response:
        """The GET URL check: an encrypted echostr, signed with msg_signature."""
        timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
        encrypted = xmltodict.parse(self.crypto.encrypt_message(echo, nonce, timestamp))["xml"]["Encrypt"]
        token = "not-the-token" if forge else WECOM["token"]
        params = {"msg_signature": signature(token, timestamp, nonce, encrypted), "timestamp": timestamp,
                  "nonce": nonce, "echostr": encrypted}
        return requests.get(self.url, params=params, timeout=30)

    def post(self, xml: str, timeout: float = 60, forge: bool = False) -> requests.Response:
        timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
        sealed = xmltodict.parse(self.crypto.encrypt_message(xml, nonce, timestamp))["xml"]
        msg_signature = signature("not-the-token", timestamp, nonce, sealed["Encrypt"]) if forge \
            else sealed["MsgSignature"]
        body = (f"<xml><ToUserName><![CDATA[{WECOM['corp_id']}]]></ToUserName>"
                f"<AgentID><![CDATA[{WECOM['agent_id']}]]></AgentID>"
                f"<Encrypt><![CDATA[{sealed['Encrypt']}]]></Encrypt></xml>")
        params = {"msg_signature": msg_signature, "timestamp": timestamp, "nonce": nonce}
        return requests.post(self.url, params=params, data=body.encode("utf-8"), timeout=timeout)

    def text(self, user: str, content: str, msg_id: str | None = None) -> str:
        return text_xml(user, WECOM["corp_id"], content, msg_id or next_msg_id(), agent=WECOM["agent_id"])

    def open_reply(self, body: str) -> dict[str, str]:
        """The decrypted reply (``success``: empty)."""
        if body in ("success", ""):
            return {}
        outer = xmltodict.parse(body)["xml"]
        plain = self.crypto.decrypt_message(body, outer["MsgSignature"], outer["TimeStamp"], outer["Nonce"])
        return xmltodict.parse(plain)["xml"]


def user_messages(tracker: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(text, event) of every user message in a Rasa tracker."""
    return [(e.get("text") or "", e) for e in tracker["events"] if e["event"] == "user"]
