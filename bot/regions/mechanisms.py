"""The mechanisms (机制) a region may have: a fixed catalogue, because code acts on them.

A region's ``region.yml`` lists under ``mechanisms`` the ones its own documents set up,
each with where it is written (document title and section); ``knowledge/regions/shared.yml``
lists those every region has (the 招标投标 rules). Which SLA policies exist in a region
follows from this: a policy belongs to a mechanism (直通市长's three clocks, 特邀监督员's
feedback, the 办不成事 window's), except those every region has (:data:`BASE_POLICIES`).
Adding a region needs no code; adding a kind of mechanism does, since something must act on it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.knowledge.spec import Count, ListOf, OneOf, Spec, Text
from bot.sla.model import PolicyId

#: The levels of 帮办代办 (市县乡村四级), top down.
ASSISTANCE_LEVELS = ("市", "县", "乡", "村")

#: Policies every region has: 咨询 (answered first-hand), 意见建议 (a suggestion's answer) and 差评整改
#: (the national 好差评 rule).
BASE_POLICIES = (PolicyId.CONSULTATION, PolicyId.SUGGESTION, PolicyId.RECTIFICATION)


@dataclass(frozen=True)
class MechanismKind:
    """One kind of mechanism.

    Attributes:
        id: the id written in the files (``mayor_direct``).
        name: its Chinese name (直通市长).
        required: fields a region must give with it (besides ``sources``).
        optional: fields it may give.
        policies: the SLA policies that exist where this mechanism does.
        procedures: the procedure guides (``knowledge/procedures/<id>.yml``) that describe
            this mechanism: answered and offered only where it exists.
    """

    id: str
    name: str
    required: Mapping[str, Spec] = field(default_factory=dict)
    optional: Mapping[str, Spec] = field(default_factory=dict)
    policies: tuple[PolicyId, ...] = ()
    procedures: tuple[str, ...] = ()


_KINDS = (
    MechanismKind("one_thing_once", "一件事一次办"),
    MechanismKind("invited_supervisors", "特邀监督员", optional={"members": Count(minimum=1)},
                  policies=(PolicyId.SUPERVISOR_FEEDBACK,)),
    MechanismKind("gov_enterprise_link", "政企通", optional={"channels": ListOf(Text(), min_items=1)}),
    MechanismKind("joint_consultation", "会商联办"),
    MechanismKind("assisted_service", "帮办代办",
                  required={"levels": ListOf(OneOf(ASSISTANCE_LEVELS), min_items=1)},
                  procedures=("assisted_service",)),
    MechanismKind("project_agency", "投资项目全程代办"),
    MechanismKind("chief_service_officer", "首席服务员"),
    MechanismKind("problem_window", "办不成事反映窗口", policies=(PolicyId.WINDOW_COMPLEX,)),
    MechanismKind("mayor_direct", "直通市长",
                  policies=(PolicyId.MAYOR_URGENT, PolicyId.MAYOR_GENERAL, PolicyId.MAYOR_COMPLEX)),
    MechanismKind("lenient_enforcement", "柔性执法", procedures=("lenient_enforcement",)),
    MechanismKind("monthly_bulletin", "月度通报"),
    MechanismKind("third_party_supervision", "第三方监督"),
    MechanismKind("bidding_complaint", "招标投标投诉", policies=(PolicyId.BIDDING_COMPLAINT,)),
    MechanismKind("remote_bid_opening", "不见面开标", procedures=("remote_bid_opening",)),
    MechanismKind("electronic_bid_guarantee", "电子保函", procedures=("bid_guarantee",)),
)

#: Every kind, by id, in catalogue order.
MECHANISMS: Mapping[str, MechanismKind] = {kind.id: kind for kind in _KINDS}

#: The mechanism each policy belongs to (the base policies belong to none).
POLICY_MECHANISM: Mapping[PolicyId, str] = {
    policy: kind.id for kind in _KINDS for policy in kind.policies
}

#: The mechanism each procedure guide belongs to (a procedure of none is answered everywhere).
PROCEDURE_MECHANISM: Mapping[str, str] = {
    procedure: kind.id for kind in _KINDS for procedure in kind.procedures
}
