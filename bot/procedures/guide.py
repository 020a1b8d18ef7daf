"""A whole procedure guide (办事指南) as readable Chinese text, for operators.

``python -m bot procedures show ID`` prints it; fields whose values are defaults the
city must confirm are marked ※ so an operator sees at a glance what to check.
"""
from __future__ import annotations

from typing import Any

from bot.procedures.answers import material_line, place_text, visits_text
from bot.procedures.model import City, Procedure, days_text

MARK = "※"


def _mark(procedure: Procedure, field_path: str) -> str:
    return f" {MARK}" if procedure.has_default_within(field_path) else ""


def guide_text(procedure: Procedure, city: City | None = None) -> str:
    """Renders every field of a procedure as a plain-text guide.

    Args:
        procedure: The procedure to show.
        city: The deploying city, named in the heading when given.

    Returns:
        Multi-line Chinese text; fields holding defaults are marked ※.
    """
    p = procedure
    tl = p.time_limit
    legal = tl.legal_text() or "无"
    lines: list[str] = [f"【{p.name}】({p.id})" + (f" — {city.name}" if city else "")]
    lines.append(f"别名:{'、'.join(p.synonyms)}")
    lines.append(f"简介{_mark(p, 'summary')}:{p.summary}")
    lines.append(f"适用条件{_mark(p, 'eligibility')}:")
    lines += [f"  · {line}{_mark(p, f'eligibility[{i}]')}" for i, line in enumerate(p.eligibility)]
    lines.append(f"材料清单{_mark(p, 'materials')}:")
    for i, material in enumerate(p.materials):
        lines.append(f"  {i + 1}. {material_line(material)}{_mark(p, f'materials[{i}]')}")
    lines.append(f"办理步骤{_mark(p, 'steps')}:")
    lines += [f"  {i + 1}. {step}" for i, step in enumerate(p.steps)]
    lines.append(f"承诺时限:{days_text(tl.promised_days)}{_mark(p, 'time_limit.promised_days')}")
    lines.append(f"法定时限:{legal}{_mark(p, 'time_limit.legal_days')}")
    if tl.note:
        lines.append(f"说明:{tl.note}{_mark(p, 'time_limit.note')}")
    lines.append(f"跑动次数:{visits_text(p.visits)}{_mark(p, 'visits')}")
    lines.append(f"网上办理:{place_text(p.online)}{_mark(p, 'where.online')}")
    lines.append(f"窗口办理:{place_text(p.window)}{_mark(p, 'where.window')}")
    co = "、".join(p.departments.co) or "无"
    lines.append(f"牵头部门:{p.departments.lead}{_mark(p, 'departments.lead')}")
    lines.append(f"配合部门:{co}{_mark(p, 'departments.co')}")
    lines.append(f"收费:{p.fee.text}{_mark(p, 'fee')}")
    lines.append("依据:")
    for source in p.sources:
        head = source.doc + (f" {source.section}" if source.section else "")
        lines.append(f"  · {head}" + (f":“{source.quote}”" if source.quote else "")
                     + (f"(注:{source.note})" if source.note else ""))
    if p.defaults:
        lines.append(f"{MARK} 默认值,须由本市确认:{', '.join(p.defaults)}")
    return "\n".join(lines)


def summary_row(procedure: Procedure) -> dict[str, Any]:
    """The one-line facts ``procedures check`` reports for a procedure."""
    return {
        "id": procedure.id,
        "name": procedure.name,
        "materials": len(procedure.materials),
        "promised_days": procedure.time_limit.promised_days,
        "defaults": len(procedure.defaults),
    }
