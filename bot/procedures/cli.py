"""``python -m bot procedures ...``: inspect and validate the knowledge base.

``check`` validates every knowledge file (procedures, ambiguous terms, city, departments,
the ticket routes' words, SLA policies, the holiday overrides in ``<knowledge>/holidays``,
complaint categories, the regions in ``<knowledge>/regions``, the notices in
``notifications.yml``) and prints one line per procedure; it exits 1 with every problem of
every file on stderr (``file:line: field: message``) when one is invalid. ``show ID``
prints one guide in readable Chinese. Both take ``--knowledge-dir``
(default: the configured ``YS_KNOWLEDGE_DIR``) and ``--json``.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.cliutil import Commands, add_knowledge_options, command_group, knowledge_dir_of
from bot.procedures.model import PROCEDURE_IDS

SLA_FILE = "sla_policies.yml"
HOLIDAYS_DIR = "holidays"
#: Checks of knowledge files that packages this one must not import add when their own
#: commands are registered (bot.regions adds the regions, bot.notify the notices): name ->
#: (load the knowledge directory, list what was loaded). ``check`` runs them with the
#: others and lists their problems too.
EXTRA_CHECKS: dict[str, tuple[Callable[[Path], Any], Callable[[Any], list[str]]]] = {}


def register(groups: Commands) -> None:
    """Adds the ``procedures`` command group."""
    commands = command_group(groups, "procedures", "the procedure knowledge base")
    check = commands.add_parser("check", help="validate every knowledge file")
    add_knowledge_options(check)
    check.set_defaults(handler=_check)

    show = commands.add_parser("show", help="print one procedure guide")
    show.add_argument("procedure", metavar="ID", help="a procedure id, name or synonym")
    add_knowledge_options(show)
    show.set_defaults(handler=_show)


def _print_json(payload: dict[str, Any]) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=2))


def _validate_all(knowledge_dir: Path) -> tuple[dict[str, Any] | None, list[Any]]:
    """Loads every knowledge file; what was loaded, and every issue of every file.

    Each loader runs even when an earlier one failed, so one run lists every problem.
    """
    from bot.departments import load_departments
    from bot.knowledge.errors import Issue, KnowledgeError
    from bot.procedures.loader import load_knowledge
    from bot.reports.categories import load_categories
    from bot.routes import load_routes
    from bot.sla import load_policies
    from bot.workdays.overrides import load_overrides

    issues: list[Issue] = []

    def collect(load: Callable[[], Any]) -> Any:
        try:
            return load()
        except KnowledgeError as exc:
            issues.extend(exc.issues)
            return None

    loaded = {
        "kb": collect(lambda: load_knowledge(knowledge_dir)),
        "departments": collect(lambda: load_departments(knowledge_dir)),
        "policies": collect(lambda: load_policies(knowledge_dir / SLA_FILE)),
        "holidays": collect(lambda: load_overrides(knowledge_dir / HOLIDAYS_DIR)),
        "categories": collect(lambda: load_categories(knowledge_dir)),
    }
    for name, (load, _) in EXTRA_CHECKS.items():
        loaded[name] = collect(lambda load=load: load(knowledge_dir))  # type: ignore[misc]
    if loaded["departments"] is not None:
        collect(lambda: load_routes(knowledge_dir, loaded["departments"].names))
    # departments.yml is read by the procedures' and the regions' loaders too (and
    # sla_policies.yml by the regions'): their issues once
    unique = list(dict.fromkeys(issues))
    return (None if unique else loaded), unique


def _check(args: argparse.Namespace) -> int:
    from bot.procedures.guide import summary_row
    from bot.procedures.model import days_text

    loaded, issues = _validate_all(knowledge_dir_of(args))
    if loaded is None:
        from bot.knowledge.errors import KnowledgeError

        error = KnowledgeError(issues)
        if args.json:
            _print_json({"ok": False, "errors": [issue.as_dict() for issue in error.issues]})
        print(error, file=sys.stderr)
        return 1
    kb, departments = loaded["kb"], loaded["departments"]
    rows = [summary_row(kb.procedures[pid]) for pid in PROCEDURE_IDS]
    policies = [policy.value for policy in loaded["policies"].policies]
    years = sorted(loaded["holidays"])
    categories = [category.id for category in loaded["categories"].all]
    extras = {name: describe(loaded[name]) for name, (_, describe) in EXTRA_CHECKS.items()}
    if args.json:
        _print_json(
            {
                "ok": True,
                "procedures": rows,
                "ambiguous_terms": {term: list(ids) for term, ids in kb.ambiguous_terms.items()},
                "departments": list(departments.names),
                "city": kb.city.name if kb.city else None,
                "sla_policies": policies,
                "holiday_years": years,
                "complaint_categories": categories,
                **extras,
            }
        )
        return 0
    width = max(len(pid) for pid in PROCEDURE_IDS)
    for row in rows:
        print(
            f"{row['id']:<{width}}  {row['name']}  材料{row['materials']}项  "
            f"承诺{days_text(row['promised_days'])}  默认值{row['defaults']}项"
        )
    city = kb.city.name if kb.city else "-"
    holidays = ", ".join(map(str, years)) or "none"
    print(
        f"OK: {len(rows)} procedures, {len(kb.ambiguous_terms)} ambiguous terms, "
        f"{len(departments.names)} departments, city {city}, {len(policies)} SLA policies, "
        f"{len(categories)} complaint categories, "
        + "".join(f"{len(found)} {name}, " for name, found in extras.items())
        + f"holiday overrides: {holidays}"
    )
    return 0


def _show(args: argparse.Namespace) -> int:
    from bot.procedures.guide import guide_text
    from bot.procedures.loader import KnowledgeError, load_knowledge

    try:
        kb = load_knowledge(knowledge_dir_of(args))
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    wanted = args.procedure.strip()
    pid = wanted if kb.get(wanted) else kb.aliases().get(wanted)
    if pid is None:
        hint = kb.ambiguous_terms.get(wanted)
        more = f";“{wanted}”可能指:{'、'.join(hint)}" if hint else ""
        known = ", ".join(PROCEDURE_IDS)
        print(f"unknown procedure {wanted!r}{more}; expected one of: {known}", file=sys.stderr)
        return 1
    procedure = kb.procedures[pid]
    if args.json:
        from dataclasses import asdict

        _print_json(asdict(procedure))
    else:
        print(guide_text(procedure, kb.city))
    return 0
