"""One WeChat official account / WeCom app per region: the accounts file and the user keys.

A deployment serving several regions gives each its own account, with its own Token,
EncodingAESKey, AppID (CorpID), Secret (and AgentId for WeCom), in a YAML file kept out
of git and named by ``YS_CHANNEL_ACCOUNTS_FILE``::

    wechat:                      # official accounts (公众号), by region id
      suqian:
        token: …
        aes_key: …               # the EncodingAESKey, 43 characters
        app_id: wx…
        app_secret: …
        template_id: …           # optional: template messages after 48 hours
    wecom:                       # WeCom self-built apps (自建应用), by region id
      beijing_huairou:
        token: …
        aes_key: …
        corp_id: ww…
        secret: …
        agent_id: "1000002"

Region ``suqian``'s official account then calls ``/webhooks/wechat/suqian/webhook``.
The single account of ``YS_WECHAT_*`` / ``YS_WECOM_*`` (``/webhooks/wechat/webhook``)
keeps working beside them: it is the account with the empty id.

**User keys.** An OpenID belongs to one AppID (a WeCom UserID to one company), so a
conversation names its account: the user key is ``<region>:<OpenID>`` for a region's
account and the bare OpenID for the single account. It is the ``sender`` of the
channels' stores, the rest of the conversation id (``wechat:suqian:o…``), and so the
recipient of the ticket's notices: a notice goes out through the account the user came
in through, never another. OpenIDs and UserIDs have no ``:``; the channel refuses a
message whose sender has one.

The file is checked in full when it is loaded (at the start of Rasa and of the outbox
worker): every error names the file, the platform, the region and the field.
"""
from __future__ import annotations

import base64
import binascii
import os
import re
import stat
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: The environment variable naming the accounts file.
ACCOUNTS_FILE_VARIABLE = "YS_CHANNEL_ACCOUNTS_FILE"
#: The platforms of the file, and each one's fields (required first, then optional).
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "wechat": (("token", "aes_key", "app_id", "app_secret"), ("template_id",)),
    "wecom": (("token", "aes_key", "corp_id", "secret", "agent_id"), ()),
}
_REGION_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")


class AccountsError(ValueError):
    """The accounts file cannot be used; the message names the file, platform, region and field."""


@dataclass(frozen=True)
class Account:
    """One region's account on one platform.

    Attributes:
        platform: ``wechat`` (official account) or ``wecom`` (self-built app).
        region: the region it serves; also its id in user keys and its URL.
        token: the callback Token.
        aes_key: the EncodingAESKey.
        app_id: the AppID, or the WeCom CorpID.
        secret: the AppSecret, or the WeCom app's Secret.
        agent_id: the WeCom AgentId (empty for an official account).
        template_id: the official account's notice template (may be empty).
    """

    platform: str
    region: str
    token: str
    aes_key: str
    app_id: str
    secret: str
    agent_id: str = ""
    template_id: str = ""

    def __repr__(self) -> str:  # never the secrets in a log line or a traceback
        return f"Account({self.platform}.{self.region}, app_id={self.app_id!r})"


@dataclass(frozen=True)
class Accounts:
    """The accounts of the file, by platform and region (empty without a file)."""

    wechat: Mapping[str, Account]
    wecom: Mapping[str, Account]
    path: Path | None = None

    def of(self, platform: str) -> Mapping[str, Account]:
        """The accounts of ``platform`` (``wechat`` / ``wecom``) by region."""
        return self.wechat if platform == "wechat" else self.wecom


NO_ACCOUNTS = Accounts({}, {})


def user_key(account: str, user: str) -> str:
    """The user as the channel stores and names it: ``<account>:<user>``, or ``user`` for the single account."""
    return f"{account}:{user}" if account else user


def split_user_key(key: str) -> tuple[str, str]:
    """(account, platform user) of a :func:`user_key`; the single account's id is ``""``."""
    account, sep, user = key.partition(":")
    return (account, user) if sep else ("", key)


def aes_key_ok(key: str) -> bool:
    """Whether ``key`` is a well-formed EncodingAESKey (43 characters → 32 bytes)."""
    if len(key) != 43:
        return False
    try:
        return len(base64.b64decode(key + "=", validate=True)) == 32
    except (binascii.Error, ValueError):
        return False


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML without repeated keys: a region listed twice is an error, not the last one silently."""


def _mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise AccountsError(f"line {key_node.start_mark.line + 1}: {key!r} appears twice")
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_accounts(path: Path | None, regions: Collection[str]) -> Accounts:
    """The accounts of ``path``, checked in full (``None``: no accounts beyond the single ones).

    Args:
        path: the file (``YS_CHANNEL_ACCOUNTS_FILE``), or ``None``.
        regions: the deployment's region ids; an account of another region is refused.

    Raises:
        AccountsError: the file is missing, unreadable or not as described in the module
            docstring; the message names the file, the platform, the region and the field.
    """
    if path is None:
        return NO_ACCOUNTS
    where = f"{ACCOUNTS_FILE_VARIABLE} {path}"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AccountsError(f"{where}: cannot be read ({exc.strerror or exc})") from None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader: no object tags
    except AccountsError as exc:
        raise AccountsError(f"{where}: {exc}") from None
    except yaml.YAMLError as exc:
        raise AccountsError(f"{where}: not YAML ({exc})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise AccountsError(f"{where}: must be a mapping of wechat: and wecom:")
    unknown = sorted(str(k) for k in data if k not in FIELDS)
    if unknown:
        raise AccountsError(f"{where}: unknown platform {', '.join(unknown)} (known: wechat, wecom)")
    parsed = {platform: _platform(where, platform, data.get(platform) or {}, regions) for platform in FIELDS}
    _no_shared_credentials(where, parsed)
    return Accounts(parsed["wechat"], parsed["wecom"], path)


def _platform(where: str, platform: str, entries: Any, regions: Collection[str]) -> dict[str, Account]:
    if not isinstance(entries, dict):
        raise AccountsError(f"{where}: {platform}: must map region ids to accounts")
    required, optional = FIELDS[platform]
    accounts: dict[str, Account] = {}
    for region, entry in entries.items():
        name = f"{where}: {platform}.{region}"
        if not isinstance(region, str) or not _REGION_ID.fullmatch(region):
            raise AccountsError(f"{name}: not a region id (lower-case letters, digits, _)")
        if region not in regions:
            raise AccountsError(f"{name}: unknown region {region!r} (known: {', '.join(sorted(regions))})")
        if not isinstance(entry, dict):
            raise AccountsError(f"{name}: must be a mapping of {', '.join(required)}")
        extra = sorted(str(k) for k in entry if k not in required + optional)
        if extra:
            raise AccountsError(f"{name}: unknown field {', '.join(extra)} "
                                f"(fields: {', '.join(required + optional)})")
        values: dict[str, str] = {}
        for field_name in required + optional:
            value = entry.get(field_name)
            if value is None or value == "":
                if field_name in required:
                    raise AccountsError(f"{name}.{field_name}: missing")
                value = ""
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                raise AccountsError(f"{name}.{field_name}: must be text")
            values[field_name] = str(value).strip()
        if not aes_key_ok(values["aes_key"]):
            raise AccountsError(f"{name}.aes_key: not an EncodingAESKey (43 characters of base64, "
                                "as the platform's console shows it)")
        if platform == "wecom" and not values["agent_id"].isdigit():
            raise AccountsError(f"{name}.agent_id: must be the app's AgentId (digits)")
        accounts[region] = Account(
            platform, region, values["token"], values["aes_key"],
            values.get("app_id") or values["corp_id"], values.get("app_secret") or values["secret"],
            values.get("agent_id", ""), values.get("template_id", ""))
    return accounts


def _no_shared_credentials(where: str, parsed: Mapping[str, Mapping[str, Account]]) -> None:
    """Two regions on one official account (one WeCom app) cannot be told apart: refused."""
    for platform, accounts in parsed.items():
        seen: dict[tuple[str, str], str] = {}
        for region, account in accounts.items():
            key = (account.app_id, account.agent_id)
            if key in seen:
                what = "app_id" if platform == "wechat" else "corp_id and agent_id"
                raise AccountsError(f"{where}: {platform}.{region}: same {what} as {platform}.{seen[key]} "
                                    "(one account per region)")
            seen[key] = region


def readable_by_others(path: Path) -> bool:
    """Whether the file's mode lets group or others read it (it holds secrets)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return bool(mode & (stat.S_IRGRP | stat.S_IROTH))
