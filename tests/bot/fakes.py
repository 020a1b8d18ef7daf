"""A tiny in-memory knowledge base for unit tests that need no files."""
from __future__ import annotations

from bot.procedures.model import (
    Department,
    Fee,
    KnowledgeBase,
    Material,
    Place,
    Procedure,
    Source,
    TimeLimit,
)


def procedure(pid: str, name: str, *synonyms: str, **changes) -> Procedure:
    """A valid procedure with short placeholder content; override any field."""
    fields = {
        "id": pid,
        "name": name,
        "synonyms": tuple(synonyms),
        "summary": f"{name}的简介。",
        "eligibility": ("依法设立的企业",),
        "materials": (Material("申请书", 1, 0), Material("营业执照", 1, 1, notes="正副本")),
        "steps": ("网上申请", "窗口领证"),
        "time_limit": TimeLimit(promised_days=3, legal_days=20),
        "visits": 1,
        "online": Place("一网通办", url="https://zwfw.example.gov.cn"),
        "window": Place("政务服务中心综合窗口", address="示例路1号"),
        "departments": Department("市场监督管理局", ("税务局",)),
        "fee": Fee(0, "免费"),
        "sources": (Source("seed 002"),),
    }
    fields.update(changes)
    return Procedure(**fields)


def knowledge_base() -> KnowledgeBase:
    """Four procedures and the ambiguous word 注销."""
    procs = [
        procedure("company_setup", "企业开办", "开公司", "办执照"),
        procedure("simple_deregistration", "企业简易注销", "简易注销"),
        procedure("general_deregistration", "企业一般注销", "一般注销", "普通注销"),
        procedure("assisted_service", "帮办代办", "代办"),
    ]
    return KnowledgeBase(
        procedures={p.id: p for p in procs},
        ambiguous_terms={"注销": ("simple_deregistration", "general_deregistration")},
    )
