"""The typed values of tickets: type, channel, status, event kind — each with a Chinese label.

Values are the strings stored in the database and used in slots; ``label`` is what
people read. Re-exported by :mod:`bot.tickets.model`.
"""
from __future__ import annotations

import enum
from typing import TypeVar, overload

_L = TypeVar("_L", bound="_Labelled")


class _Labelled(str, enum.Enum):
    """A string enum whose members also carry a Chinese ``label``."""

    label: str

    # ``Status("closed")`` looks a member up by its value: Enum's metaclass answers it and
    # this __new__ only makes the members, but type checkers read the call's signature here.
    @overload
    def __new__(cls: type[_L], value: str) -> _L: ...
    @overload
    def __new__(cls: type[_L], value: str, label: str) -> _L: ...

    def __new__(cls: type[_L], value: str, label: str | None = None) -> _L:
        if label is None:
            raise TypeError(f"{cls.__name__} member {value!r} needs a label")
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    def __str__(self) -> str:
        return str.__str__(self)  # the value (a member is that string)


class TicketType(_Labelled):
    """What the enterprise wants (the product specification, "Tickets and their clocks")."""

    CONSULTATION = ("consultation", "咨询")
    COMPLAINT = ("complaint", "投诉")
    SUGGESTION = ("suggestion", "建议")
    REQUEST = ("request", "求助")


class Channel(_Labelled):
    """Where the ticket came in."""

    WEB = ("web", "政府网站")
    WECHAT = ("wechat", "微信公众号")
    WECOM = ("wecom", "企业微信")
    HOTLINE = ("hotline", "12345热线")
    REST = ("rest", "接口")
    SUPERVISOR = ("supervisor", "特邀监督员")
    MAYOR = ("mayor", "直通市长")
    CONSOLE = ("console", "坐席控制台")


class Status(_Labelled):
    """Where the ticket stands."""

    RECEIVED = ("received", "已受理")
    ASSIGNED = ("assigned", "已转办")
    PAUSED = ("paused", "暂停计时")
    CLOSED = ("closed", "已办结")
    REOPENED = ("reopened", "差评整改")
    RETURNED = ("returned", "退回待改派")
    JOINED = ("joined", "已并单办理")


class EventKind(_Labelled):
    """What happened to a ticket; one row of the append-only event log each."""

    FILED = ("filed", "提交工单")
    ASSIGNED = ("assigned", "转办至承办部门")
    URGED = ("urged", "企业催办")
    SUPPLEMENTED = ("supplemented", "企业补充情况")
    ANSWERED = ("answered", "部门答复")
    PAUSED = ("paused", "暂停计时")
    RESUMED = ("resumed", "恢复计时")
    ACCEPTED = ("accepted", "决定受理")
    ESCALATED = ("escalated", "升级会办")
    CLOSED = ("closed", "办结")
    RATED = ("rated", "企业评价")
    RATING_EXPLAINED = ("rating_explained", "企业说明评价理由")
    URGE_EXPLAINED = ("urge_explained", "企业说明催办理由")
    REOPENED = ("reopened", "差评整改,重新办理")
    POLICY_OVERRIDDEN = ("policy_overridden", "调整时限规则")
    RETURNED = ("returned", "退回改派")
    JOINED = ("joined", "并单办理")
    MERGED = ("merged", "合并同类诉求")
    APPEALED = ("appealed", "差评申诉")
    APPEAL_DECIDED = ("appeal_decided", "申诉复核")
    DUE_SOON = ("due_soon", "临期提醒")
