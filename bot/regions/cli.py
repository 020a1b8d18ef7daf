"""``python -m bot regions ...``: the regions of ``knowledge/regions/``.

``list`` prints one line per region (id, name, parent, mechanisms, how many values are
defaults); ``show ID`` prints one region with every value that is a shared default
marked ``(默认)``. Both validate every region first and exit 1 with every problem on
stderr when one is invalid (``python -m bot procedures check`` checks them too). Both
take ``--knowledge-dir`` (default: the configured ``YS_KNOWLEDGE_DIR``) and ``--json``.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from bot.cliutil import NOT_FOUND, add_knowledge_options, command_group, knowledge_dir_of


def register(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the ``regions`` command group, and the regions to ``procedures check``."""
    from bot.procedures.cli import EXTRA_CHECKS
    from bot.regions.loader import load_regions

    EXTRA_CHECKS["regions"] = (load_regions, lambda regions: list(regions.ids))
    commands = command_group(groups, "regions", "the regions a deployment serves")
    listing = commands.add_parser("list", help="one line per region")
    add_knowledge_options(listing)
    listing.set_defaults(handler=_list)
    show = commands.add_parser("show", help="one region, its defaults marked")
    show.add_argument("region", metavar="ID", help="a region id (its folder's name)")
    add_knowledge_options(show)
    show.set_defaults(handler=_show)


def _load(args: argparse.Namespace) -> Any:
    from bot.knowledge.errors import KnowledgeError
    from bot.regions.loader import load_regions

    try:
        return load_regions(knowledge_dir_of(args))
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return None


def _list(args: argparse.Namespace) -> int:
    regions = _load(args)
    if regions is None:
        return 1
    rows = [{"id": r.id, "name": r.name, "parent": r.parent, "mechanisms": list(r.mechanisms),
             "defaults": len(r.defaults)} for r in (regions[rid] for rid in regions.ids)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        parent = f" (under {row['parent']})" if row["parent"] else ""
        print(f"{row['id']}  {row['name']}{parent}  机制{len(row['mechanisms'])}项  默认值{row['defaults']}项")
    return 0


def _show(args: argparse.Namespace) -> int:
    regions = _load(args)
    if regions is None:
        return 1
    region = regions.get(args.region)
    if region is None:
        print(f"unknown region {args.region!r}; expected one of: {', '.join(regions.ids)}", file=sys.stderr)
        return NOT_FOUND
    if args.json:
        payload = asdict(region)
        payload["sla"] = {p.value: [s.working_days for s in policy.stages] for p, policy in region.sla.policies.items()}
        payload["escalation"] = [level.name for level in region.sla.escalation.levels]
        payload["children"] = [child.id for child in regions.children(region.id)]
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        return 0

    parent = regions.get(region.parent) if region.parent else None

    def mark(path: str) -> str:
        return "(默认)" if region.is_default(path) else ""

    def above(mechanism_id: str, value: object, of_parent: object) -> str:
        """``(上级)`` where the value is the region above's, passed down (not the region's own)."""
        return f"(上级 {parent.id})" if parent is not None and value is of_parent else ""

    print(f"{region.id}: {region.name}" + (f" (上级: {region.parent})" if region.parent else ""))
    print(f"  文件: {'、'.join(d.title for d in region.documents)}")
    print(f"  热线: {region.hotline}{mark('hotline')}")
    print(f"  网上: {region.online_portal.name}{mark('online_portal')} {region.online_portal.url or '-'}"
          f"{mark('online_portal.url')}")
    print(f"  大厅: {region.service_hall.name}{mark('service_hall')} {region.service_hall.address or '-'}"
          f"{mark('service_hall.address')}")
    departments = "、".join(d.name for d in region.departments) or "共用部门表"
    print(f"  部门: {departments}{mark('departments')}")
    for mechanism in region.mechanisms.values():
        where = "; ".join(f"《{s.title}》{s.section}" for s in mechanism.sources)
        inherited = "" if mechanism.shared else above(mechanism.id, mechanism,
                                                         parent.mechanisms.get(mechanism.id) if parent else None)
        print(f"  机制: {mechanism.name} ({mechanism.id}){' 共用' if mechanism.shared else ''}{inherited}: {where}")
    for pid, policy in region.sla.policies.items():
        days = "/".join(str(s.working_days) for s in policy.stages)
        inherited = above(pid.value, policy, parent.sla.policies.get(pid) if parent else None)
        print(f"  时限: {policy.name} {days}个工作日{mark(f'sla_policies.{pid.value}')}{inherited}")
    ladder = " → ".join(level.name for level in region.sla.escalation.levels)
    print(f"  分级会办: {ladder}{mark('sla_policies.escalation')}")
    print(f"  退单改派: {region.sla.reassignment.working_days}个工作日{mark('sla_policies.reassignment')}")
    for pid in region.procedures:
        print(f"  事项覆盖: {pid}")
    return 0
