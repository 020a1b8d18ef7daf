"""Loading and validating every region of ``knowledge/regions/`` into :class:`Regions`.

``load_regions(Path("knowledge"))`` reads ``regions/shared.yml`` and each folder
``regions/<id>/`` (``region.yml``; optionally ``departments.yml``, ``sla_policies.yml``,
``overrides.yml``), checks each file against its spec (:mod:`bot.regions.schema`) and
against the shared files (departments, SLA policies, procedures, the stored policy
texts), then the tree of parents; it raises one :class:`KnowledgeError` listing every
problem of every file, each with its line. Shared files are read once, whatever the
number of regions. Nothing is read at import time.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from bot.departments import FILE_NAME as SHARED_DEPARTMENTS
from bot.departments import DepartmentDirectory, normalize, read_departments
from bot.knowledge.errors import Issue, KnowledgeError
from bot.knowledge.files import FileCheck
from bot.knowledge.spec import Record, Spec, Text
from bot.knowledge.yamlfile import read_yaml
from bot.procedures.model import PROCEDURE_IDS, Place, Procedure
from bot.procedures.overrides import apply_override
from bot.procedures.quotes import SeedLibrary
from bot.procedures.schema import SEED_DOC, build_procedure, check_procedure
from bot.regions.mechanisms import BASE_POLICIES, MECHANISMS, POLICY_MECHANISM, MechanismKind
from bot.regions.model import Document, Mechanism, Region, RegionDepartment, Regions, Source
from bot.regions.schema import DEPARTMENTS_SPEC, REGION_SPEC, SHARED_SPEC, SLA_SPEC, SOURCES
from bot.sla.loader import load_policies
from bot.sla.model import EscalationLadder, EscalationLevel, Policy, PolicyBook, PolicyId, ReassignmentRule
from bot.sla.model import Source as SlaSource

__all__ = ["KnowledgeError", "load_regions"]

REGIONS_DIR = "regions"
SHARED_FILE = "shared.yml"
REGION_FILE = "region.yml"
DEPARTMENTS_FILE = "departments.yml"
SLA_FILE = "sla_policies.yml"
OVERRIDES_FILE = "overrides.yml"
#: The single-city file of ``bot.procedures`` whose ``overrides`` no region may get.
CITY_FILE = "city.yml"
#: The files a region folder may hold (besides a README.md).
REGION_FILES = (REGION_FILE, DEPARTMENTS_FILE, SLA_FILE, OVERRIDES_FILE)
#: A region's id: its folder's name.
REGION_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")
#: A web origin as browsers send it in ``Origin`` (lower-case), with or without a port.
WIDGET_ORIGIN = re.compile(r"https?://([a-z0-9]([a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(:[0-9]{1,5})?")
#: Procedure fields every region shares: the NLU is trained on them.
SHARED_PROCEDURE_FIELDS = ("name", "synonyms", "cues")
_KNOWN_MECHANISMS = ", ".join(MECHANISMS)


class _Shared:
    """What every region is checked against, read once per load."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.issues: list[Issue] = []
        path = root / SHARED_DEPARTMENTS
        self.departments, issues = read_departments(path, self.display(path))
        self.issues.extend(issues)
        self.policies: PolicyBook | None = None
        try:
            self.policies = load_policies(root / "sla_policies.yml")
        except KnowledgeError as exc:
            self.issues.extend(exc.issues)
        self.seeds = SeedLibrary(root / "sources", self.display)
        self.titles = self._titles(root / "sources" / "index.yml")
        self._procedures: dict[str, dict[str, Any] | None] = {}
        self.defaults: Mapping[str, Any] = {}
        self.mechanisms: dict[str, Mechanism] = {}
        self.documents: tuple[Document, ...] = ()

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return path.as_posix()

    def _titles(self, path: Path) -> dict[str, str]:
        """``seed 004`` -> its title, from the sources' index (its own problems are the sources' check)."""
        doc, _ = read_yaml(path, self.display(path))
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        return {str(key).replace("_", " "): entry["title"] for key, entry in data.items()
                if isinstance(entry, dict) and isinstance(entry.get("title"), str)}

    def procedure(self, procedure_id: str) -> dict[str, Any] | None:
        """The shared procedure file's mapping, None when it is unreadable or invalid on its own
        (the procedures' check reports that)."""
        if procedure_id not in self._procedures:
            path = self.root / "procedures" / f"{procedure_id}.yml"
            doc, issues = read_yaml(path, self.display(path)) if path.is_file() else (None, [])
            valid = doc is not None and not issues and not check_procedure(doc.data)
            self._procedures[procedure_id] = doc.data if valid and doc is not None else None
        return self._procedures[procedure_id]


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _source(entry: Mapping[str, Any]) -> Source:
    return Source(entry["title"].strip(), entry["section"].strip(), entry.get("doc"), entry.get("quote"))


def _sources(entries: Any) -> tuple[Source, ...]:
    return tuple(_source(entry) for entry in _items(entries))


def _sla_sources(entries: Any) -> tuple[SlaSource, ...]:
    return tuple(SlaSource(e.get("doc") or e["title"], e["section"], e["quote"]) for e in _items(entries))


def _documents(entries: Any) -> tuple[Document, ...]:
    return tuple(Document(d["title"], d.get("doc"), d.get("issuer"), d.get("date"), d.get("number"))
                 for d in _items(entries))


def _place(data: Mapping[str, Any]) -> Place:
    return Place(name=data["name"], url=data.get("url"), address=data.get("address"))


def check_doc(shared: _Shared, check: FileCheck, entry: Mapping[str, Any], where: str) -> None:
    """A ``doc`` names a stored copy, and then the title is that copy's title."""
    doc, title = entry.get("doc"), entry.get("title")
    if not isinstance(doc, str):
        return
    if not SEED_DOC.fullmatch(doc):
        check.problem(f"{where}.doc", f"expected a stored copy cited as 'seed 000' … (or no doc), got {doc!r}")
    elif doc not in shared.titles:
        check.problem(f"{where}.doc", f"knowledge/sources/index.yml lists no {doc}")
    elif isinstance(title, str) and title != shared.titles[doc]:
        check.problem(f"{where}.title", f"expected the title of {doc}, {shared.titles[doc]!r}")


def check_sources(shared: _Shared, check: FileCheck, entries: Any, where: str, titles: set[str] | None) -> None:
    """Each source cites one of ``titles`` (the region's documents; None: any); a quote is in the stored copy."""
    for index, entry in enumerate(_items(entries)):
        if not isinstance(entry, dict):
            continue
        at = f"{where}[{index}]"
        title = entry.get("title")
        if titles is not None and isinstance(title, str) and title not in titles:
            check.problem(f"{at}.title", f"{title!r} is not one of this region's documents ({REGION_FILE} documents)")
        check_doc(shared, check, entry, at)
        doc, quote = entry.get("doc"), entry.get("quote")
        match = SEED_DOC.fullmatch(doc) if isinstance(doc, str) else None
        if match and isinstance(quote, str) and quote.strip():
            texts = shared.seeds.texts(match.group(1))
            if texts and not any(quote in text for _, text in texts):
                cited = " or ".join(name for name, _ in texts)
                check.problem(f"{at}.quote", f"expected a verbatim excerpt of {cited}; not found there")


class _RegionLoader:
    """One region folder: its files checked, then (when all is well) the region built."""

    def __init__(self, shared: _Shared, folder: Path) -> None:
        self.shared = shared
        self.folder = folder
        self.id = folder.name
        self.region_check = FileCheck(folder / REGION_FILE, shared.display(folder / REGION_FILE))
        self.checks: list[FileCheck] = [self.region_check]
        self.data: Mapping[str, Any] = {}
        self.titles: set[str] = set()
        self.defaults: list[str] = []

    @property
    def issues(self) -> list[Issue]:
        return [issue for check in self.checks for issue in check.issues]

    @property
    def parent(self) -> str | None:
        parent = self.data.get("parent")
        return parent.strip() if isinstance(parent, str) and parent.strip() else None

    def open(self, name: str, what: str) -> FileCheck | None:
        """Reads an optional file of the folder; None when it is not there."""
        path = self.folder / name
        if not path.exists():
            return None
        check = FileCheck(path, self.shared.display(path))
        self.checks.append(check)
        return check if check.read(what) else None

    def load(self, parent: Region | None = None) -> Region | None:
        """Reads and checks the folder, then builds the region; ``parent``: the region above, built."""
        return self.finish(parent) if self.read() else None

    def read(self) -> bool:
        """Reads and checks ``region.yml`` (enough to know the parent); False when it is unusable."""
        check = self.region_check
        if not REGION_ID.fullmatch(self.id):
            check.issues.append(Issue(self.shared.display(self.folder), None,
                                      f"{self.id!r} is not a region id: expected lower-case letters, digits "
                                      "and _ (starting with a letter, at most 40), e.g. suqian"))
        for path in sorted(self.folder.iterdir()):
            if path.name not in (*REGION_FILES, "README.md") and not path.name.startswith("."):
                check.issues.append(Issue(self.shared.display(path), None,
                                          f"unknown file; a region folder holds {', '.join(REGION_FILES)}"))
        if not check.read("the region's name, documents, places and mechanisms"):
            return False
        if not isinstance(check.data, dict):
            check.problem("", "expected a mapping of region fields at the top level")
            return False
        self.data = check.data
        check.check(REGION_SPEC, self.data)
        self.titles = {d["title"] for d in _items(self.data.get("documents"))
                       if isinstance(d, dict) and isinstance(d.get("title"), str)}
        for index, document in enumerate(_items(self.data.get("documents"))):
            if isinstance(document, dict):
                check_doc(self.shared, check, document, f"documents[{index}]")
        for index, origin in enumerate(_items(self.data.get("widget_origins"))):
            if isinstance(origin, str) and not WIDGET_ORIGIN.fullmatch(origin.strip().lower().rstrip("/")):
                check.problem(f"widget_origins[{index}]", "expected a web origin: http(s)://host or "
                                                          f"http(s)://host:port, no path, got {origin!r}")
        for key, value in _mapping(self.data.get("sources")).items():
            if key not in self.data or key in ("sources", "documents", "mechanisms", "note", "widget_origins"):
                check.problem(f"sources.{key}", "expected a field this file sets (name, hotline, online_portal, "
                                                 "service_hall, other_halls, parent, full_name)")
            self.check_sources(check, value, f"sources.{key}")
        return True

    def finish(self, parent: Region | None = None) -> Region | None:
        """The region, once :meth:`read` succeeded; None when a file has problems.

        ``parent`` (the region above, built) passes down its mechanisms and the SLA
        values its documents give (module docstring).
        """
        mechanisms = self.mechanisms(parent)
        departments = self.departments()
        sla = self.sla(mechanisms, parent)
        procedures = self.overrides()
        if self.issues or sla is None:
            return None
        return self.build(mechanisms, departments, sla, procedures)

    def check_sources(self, check: FileCheck, entries: Any, where: str) -> None:
        check_sources(self.shared, check, entries, where, self.titles)

    # --- mechanisms ------------------------------------------------------------------

    def mechanisms(self, parent: Region | None = None) -> dict[str, Mechanism]:
        check = self.region_check
        found = dict(self.shared.mechanisms)
        inherited = {} if parent is None else {k: m for k, m in parent.mechanisms.items()
                                               if k not in self.shared.mechanisms}
        found.update(inherited)
        for key, value in _mapping(self.data.get("mechanisms")).items():
            where = f"mechanisms.{key}"
            kind = MECHANISMS.get(str(key))
            if kind is None:
                check.problem(where, f"unknown mechanism; expected one of {_KNOWN_MECHANISMS}")
                continue
            if key in self.shared.mechanisms:
                check.problem(where, f"every region has {kind.name} ({key}): it is listed in "
                                     f"{REGIONS_DIR}/{SHARED_FILE}, not here")
                continue
            if value is None:  # ``mayor_direct: null``: the parent's mechanism does not apply here
                if kind.id not in inherited:
                    check.problem(where, f"null declines a mechanism of the region above, and "
                                         f"{parent.id if parent else 'no region above'} has no {kind.name} ({key})")
                found.pop(kind.id, None)
                continue
            mechanism = read_mechanism(check, kind, value, where)
            self.check_sources(check, _mapping(value).get("sources"), f"{where}.sources")
            if mechanism is not None:
                found[kind.id] = mechanism
        return found

    # --- departments -----------------------------------------------------------------

    def departments(self) -> tuple[RegionDepartment, ...]:
        check = self.open(DEPARTMENTS_FILE, "a list of the region's departments")
        if check is None:
            if not (self.folder / DEPARTMENTS_FILE).exists():
                self.defaults.append("departments")
            return ()
        if not check.check(DEPARTMENTS_SPEC, check.data):
            return ()
        directory = self.shared.departments
        owner: dict[str, str] = {}
        for index, item in enumerate(check.data):
            where = f"[{index}]"
            self.check_sources(check, item.get("sources"), f"{where}.sources")
            shared = item.get("shared")
            if directory is not None and shared is not None:
                canonical = directory.canonical(shared)
                if canonical is None:
                    check.problem(f"{where}.shared", f"unknown shared department {shared!r}; expected a name of "
                                                     f"knowledge/{SHARED_DEPARTMENTS}")
                elif canonical != shared:
                    check.problem(f"{where}.shared", f"{shared!r} is a synonym; expected the canonical name "
                                                     f"{canonical!r}")
            words = [(f"{where}.name", item["name"])]
            words += [(f"{where}.synonyms[{i}]", s) for i, s in enumerate(item.get("synonyms") or [])]
            for path, word in words:
                self.check_department_word(check, directory, path, word, shared)
                key = normalize(word)
                if key in owner:
                    check.problem(path, f"{word!r} is already a name of {owner[key]!r} in this file; "
                                        "expected each name once")
                owner.setdefault(key, item["name"])
        return tuple(RegionDepartment(item["name"], item.get("shared"), tuple(item.get("synonyms") or ()),
                                      _sources(item.get("sources"))) for item in check.data)

    @staticmethod
    def check_department_word(check: FileCheck, directory: DepartmentDirectory | None, path: str, word: str,
                              shared: str | None) -> None:
        """A region's name that is a shared department's name must say it is that department."""
        if directory is None:
            return
        means = directory.canonical(word)
        if means is None or means == shared:
            return
        if shared is None:
            check.problem(path, f"{word!r} names the shared department {means!r}; add shared: {means}")
        else:
            check.problem(path, f"{word!r} names the shared department {means!r}, not {shared!r}")

    # --- SLA policies ----------------------------------------------------------------

    def sla(self, mechanisms: Mapping[str, Mechanism], parent: Region | None = None) -> PolicyBook | None:
        book = self.shared.policies
        exists = [p for p in PolicyId if p in BASE_POLICIES or POLICY_MECHANISM.get(p) in mechanisms]
        check = self.open(SLA_FILE, "the time limits the region's documents give")
        data: Mapping[str, Any] = {}
        if check is not None and check.check(SLA_SPEC, check.data):
            data = check.data if isinstance(check.data, dict) else {}
        elif check is not None and not isinstance(check.data, dict):
            return None
        if book is None:
            return None
        policies: dict[PolicyId, Policy] = {}
        given = _mapping(data.get("policies"))
        for key, entry in given.items():
            policy = self.region_policy(check, book, exists, str(key), entry) if check else None
            if policy is not None:
                policies[policy.id] = policy
        def given_above(path: str) -> bool:
            """Whether the region above has a value of its own (its documents') at ``path``."""
            return parent is not None and not parent.is_default(path)

        for pid in exists:
            if pid in policies:
                continue
            if parent is not None and pid in parent.sla.policies and given_above(f"sla_policies.{pid.value}"):
                policies[pid] = parent.sla.policies[pid]  # the value the documents of the region above give
                continue
            policies[pid] = book.policies[pid]
            if POLICY_MECHANISM.get(pid) not in self.shared.mechanisms:  # a shared rule is no default
                self.defaults.append(f"sla_policies.{pid.value}")
        escalation, reassignment = book.escalation, book.reassignment
        if parent is not None and given_above("sla_policies.escalation"):
            escalation = parent.sla.escalation
        if parent is not None and given_above("sla_policies.reassignment"):
            reassignment = parent.sla.reassignment
        ladder = data.get("escalation")
        if isinstance(ladder, dict) and check is not None:
            self.check_sources(check, ladder.get("sources"), "escalation.sources")
            escalation = EscalationLadder(
                tuple(EscalationLevel(i, e["name"], e["actor"], e["action"]) for i, e in enumerate(ladder["levels"])),
                _sla_sources(ladder["sources"]))
        elif escalation is book.escalation:
            self.defaults.append("sla_policies.escalation")
        rule = data.get("reassignment")
        if isinstance(rule, dict) and check is not None:
            self.check_sources(check, rule.get("sources"), "reassignment.sources")
            reassignment = ReassignmentRule(rule["working_days"], _sla_sources(rule["sources"]), rule.get("note"))
        elif reassignment is book.reassignment:
            self.defaults.append("sla_policies.reassignment")
        ordered = {pid: policies[pid] for pid in PolicyId if pid in policies}
        return PolicyBook(ordered, escalation, None, reassignment)

    def region_policy(self, check: FileCheck, book: PolicyBook, exists: list[PolicyId], key: str,
                      entry: Any) -> Policy | None:
        where = f"policies.{key}"
        try:
            pid = PolicyId(key)
        except ValueError:
            check.problem(where, f"unknown SLA policy; expected one of {', '.join(p.value for p in PolicyId)}")
            return None
        if pid not in exists:
            owner = MECHANISMS[POLICY_MECHANISM[pid]]
            check.problem(where, f"{key} exists only where {owner.name} ({owner.id}) does, and this region's "
                                 f"{REGION_FILE} does not list it")
            return None
        if not isinstance(entry, dict):
            return None
        self.check_sources(check, entry.get("sources"), f"{where}.sources")
        base = book.policies[pid]
        stages = base.stages
        before = len(check.issues)
        if "working_days" in entry:
            if len(base.stages) > 1:
                ids = ", ".join(s.id.value for s in base.stages)
                check.problem(f"{where}.working_days", f"this policy has stages ({ids}); set stages: {{id: days}}")
            else:
                stages = (dataclasses.replace(base.stages[0], working_days=entry["working_days"]),)
        days = _mapping(entry.get("stages"))
        known = {s.id.value: s for s in base.stages}
        for stage_id in days:
            if stage_id not in known or len(base.stages) == 1:
                check.problem(f"{where}.stages.{stage_id}",
                              f"not a stage of {key}; " + ("set working_days" if len(base.stages) == 1
                                                            else f"expected one of {', '.join(known)}"))
        if days and len(base.stages) > 1:
            stages = tuple(dataclasses.replace(s, working_days=days.get(s.id.value, s.working_days))
                           for s in base.stages)
            missing = [s.id.value for s in base.stages if s.id.value not in days]
            if missing:
                self.defaults.append(f"sla_policies.{key}.stages." + ",".join(missing))
        if ("working_days" in entry or days) and "user_text" not in entry:
            check.problem(f"{where}.user_text", "required with a time limit: the shared text states the shared limit")
        if "working_days" not in entry and not days:
            self.defaults.append(f"sla_policies.{key}.working_days")
        if len(check.issues) > before:
            return None
        return dataclasses.replace(
            base, stages=stages, name=entry.get("name", base.name), user_text=entry.get("user_text", base.user_text),
            sources=_sla_sources(entry["sources"]), note=entry.get("note"))

    # --- procedure overrides ---------------------------------------------------------

    def overrides(self) -> dict[str, Procedure]:
        check = self.open(OVERRIDES_FILE, "procedure id -> the fields this region does differently")
        if check is None:
            return {}
        if not isinstance(check.data, dict):
            check.problem("", "expected a mapping of procedure ids to partial procedures")
            return {}
        merged: dict[str, Procedure] = {}
        for pid, override in check.data.items():
            where = str(pid)
            if pid not in PROCEDURE_IDS:
                check.problem(where, f"unknown procedure id; expected one of {', '.join(PROCEDURE_IDS)}")
                continue
            fixed = [key for key in _mapping(override) if key in SHARED_PROCEDURE_FIELDS]
            for key in fixed:
                check.problem(f"{where}.{key}", "shared by every region (the NLU is trained on it); "
                                                "a region cannot override it")
            base = self.shared.procedure(pid)
            if base is None or fixed:
                continue
            result, problems = apply_override(base, override)
            check.problems(problems, prefix=where)
            if result is None or problems:
                continue
            self.check_procedure_departments(check, result, where)
            merged[pid] = build_procedure(result)
        return merged

    def check_procedure_departments(self, check: FileCheck, procedure: Mapping[str, Any], where: str) -> None:
        directory = self.shared.departments
        depts = _mapping(procedure.get("departments"))
        names = [("departments.lead", depts.get("lead"))]
        names += [(f"departments.co[{i}]", name) for i, name in enumerate(_items(depts.get("co")))]
        for path, name in names:
            if directory is not None and isinstance(name, str) and directory.canonical(name) != name:
                check.problem(f"{where}.{path}", f"expected a canonical name of knowledge/{SHARED_DEPARTMENTS}, "
                                                 f"got {name!r}")

    # --- the region ------------------------------------------------------------------

    def build(self, mechanisms: dict[str, Mechanism], departments: tuple[RegionDepartment, ...], sla: PolicyBook,
              procedures: dict[str, Procedure]) -> Region:
        data, defaults = self.data, self.shared.defaults
        places: dict[str, Place] = {}
        for field in ("online_portal", "service_hall"):
            if field in data:
                places[field] = _place(data[field])
                missing = "url" if field == "online_portal" else "address"
                if missing not in data[field]:
                    self.defaults.append(f"{field}.{missing}")
            else:
                places[field] = _place(defaults[field])
                self.defaults.append(field)
        if "hotline" not in data:
            self.defaults.append("hotline")
        return Region(
            id=self.id,
            name=data["name"],
            full_name=data.get("full_name"),
            parent=self.parent,
            documents=_documents(data["documents"]),
            hotline=str(data.get("hotline", defaults["hotline"])),
            online_portal=places["online_portal"],
            service_hall=places["service_hall"],
            other_halls=tuple(_place(p) for p in _items(data.get("other_halls"))),
            departments=departments,
            mechanisms={kid: mechanisms[kid] for kid in MECHANISMS if kid in mechanisms},
            sla=sla,
            procedures=procedures,
            defaults=tuple(self.defaults),
            sources={key: _sources(value) for key, value in _mapping(data.get("sources")).items()},
            widget_origins=tuple(o.strip().lower().rstrip("/") for o in _items(data.get("widget_origins"))
                                 if isinstance(o, str)),
        )


def read_mechanism(check: FileCheck, kind: MechanismKind, value: Any, where: str, *,
                   shared: bool = False) -> Mechanism | None:
    """Checks one mechanism entry against its kind; the mechanism, or None when it has problems."""
    spec: Spec = Record(required={"sources": SOURCES, **kind.required},
                        optional={"note": Text(), **kind.optional})
    if not check.check(spec, value, where):
        return None
    params = {key: tuple(v) if isinstance(v, list) else v for key, v in value.items()
              if key not in ("sources", "note")}
    return Mechanism(kind.id, kind.name, _sources(value["sources"]), shared, params, value.get("note"))


def _load_shared(shared: _Shared, regions_dir: Path) -> list[Issue]:
    path = regions_dir / SHARED_FILE
    check = FileCheck(path, shared.display(path))
    if not check.read("the defaults and the mechanisms every region has"):
        return check.issues
    if not check.check(SHARED_SPEC, check.data):
        return check.issues
    shared.defaults = check.data["defaults"]
    for index, document in enumerate(_items(check.data.get("documents"))):
        check_doc(shared, check, document, f"documents[{index}]")
    shared.documents = _documents(check.data.get("documents"))
    for key, value in check.data["mechanisms"].items():
        kind = MECHANISMS.get(str(key))
        if kind is None:
            check.problem(f"mechanisms.{key}", f"unknown mechanism; expected one of {_KNOWN_MECHANISMS}")
            continue
        mechanism = read_mechanism(check, kind, value, f"mechanisms.{key}", shared=True)
        check_sources(shared, check, _mapping(value).get("sources"), f"mechanisms.{key}.sources", None)
        if mechanism is not None:
            shared.mechanisms[kind.id] = mechanism
    return check.issues


def _city_overrides(shared: _Shared) -> list[Issue]:
    """``knowledge/city.yml``'s ``overrides`` would apply beneath every region's own: refused.

    A place's own way of doing a procedure is its region's (``overrides.yml`` in its
    folder); the single-city deployment's place is the placeholder region ``example``.
    """
    path = shared.root / CITY_FILE
    if not path.is_file():
        return []
    doc, _ = read_yaml(path, shared.display(path))  # its own problems are the procedures' check
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    if not data.get("overrides"):
        return []
    return [Issue(shared.display(path), "overrides",
                  "every region would get these beneath its own; a place's own way of doing a procedure "
                  f"goes in its region's {REGIONS_DIR}/<id>/{OVERRIDES_FILE} (the placeholder 示例市: "
                  f"{REGIONS_DIR}/example/{OVERRIDES_FILE}); leave overrides: {{}} here",
                  doc.line_of("overrides") if doc is not None else None)]


def _parents_first(loaders: list[_RegionLoader]) -> list[_RegionLoader]:
    """``loaders`` with every region after the one above it (those in a cycle left out)."""
    by_id = {loader.id: loader for loader in loaders}
    ordered: list[_RegionLoader] = []
    placed: set[str] = set()

    def place(loader: _RegionLoader, seen: tuple[str, ...]) -> None:
        if loader.id in placed or loader.id in seen:
            return
        above = by_id.get(loader.parent) if loader.parent is not None else None
        if above is not None:
            place(above, (*seen, loader.id))
        placed.add(loader.id)
        ordered.append(loader)

    for loader in loaders:
        place(loader, ())
    return ordered


def _check_tree(loaders: Iterable[_RegionLoader]) -> None:
    """Every parent is a region, and no region is its own ancestor (problems go to the regions' files)."""
    by_id = {loader.id: loader for loader in loaders}
    in_cycle: set[str] = set()
    for loader in by_id.values():
        parent = loader.parent
        if parent is not None and parent not in by_id:
            loader.region_check.problem("parent", f"unknown region {parent!r}; expected the id (folder name) "
                                                  f"of a region in knowledge/{REGIONS_DIR}")
            continue
        chain = [loader.id]
        while parent is not None and parent not in chain and parent not in in_cycle:
            chain.append(parent)
            parent = by_id[parent].parent if parent in by_id else None
        if parent is None or parent not in chain:
            continue
        cycle = chain[chain.index(parent):]
        in_cycle.update(cycle)
        for at, member in enumerate(cycle):
            path = " → ".join([*cycle[at:], *cycle[:at], member])
            by_id[member].region_check.problem("parent", f"the parents form a cycle ({path}); expected a tree")


def load_regions(knowledge_dir: Path) -> Regions:
    """Loads and validates every region.

    Args:
        knowledge_dir: The directory holding ``regions/`` and the shared files
            (``departments.yml``, ``sla_policies.yml``, ``procedures/``, ``sources/``).

    Returns:
        Every region, with its parent and children.

    Raises:
        KnowledgeError: listing every problem of every file, each naming the file
            (relative to the directory's parent), the field and the line.
    """
    root = Path(knowledge_dir)
    shared = _Shared(root)
    regions_dir = root / REGIONS_DIR
    if not regions_dir.is_dir():
        raise KnowledgeError([*shared.issues, Issue(shared.display(regions_dir), None,
                                                    "directory not found (expected one folder per region)")])
    issues = [*shared.issues, *_load_shared(shared, regions_dir)]
    loaders: list[_RegionLoader] = []
    for path in sorted(regions_dir.iterdir()):
        if path.is_dir() and not path.name.startswith("."):
            loaders.append(_RegionLoader(shared, path))
        elif path.name not in (SHARED_FILE, "README.md") and not path.name.startswith("."):
            issues.append(Issue(shared.display(path), None, "unknown file; expected a region folder, "
                                                            f"{SHARED_FILE} or README.md"))
    if not loaders:
        issues.append(Issue(shared.display(regions_dir), None, "no region folder; expected at least one"))
    issues += _city_overrides(shared)
    readable = [loader for loader in loaders if loader.read()]
    _check_tree(loaders)
    built: dict[str, Region] = {}
    for loader in _parents_first(readable):
        parent = built.get(loader.parent) if loader.parent is not None else None
        if loader.parent is not None and parent is None:
            continue  # the region above has problems of its own (reported there), or none exists
        region = loader.finish(parent)
        if region is not None:
            built[region.id] = region
    issues += [issue for loader in loaders for issue in loader.issues]
    if issues:
        raise KnowledgeError(list(dict.fromkeys(issues)))
    return Regions.of(built, shared.documents)
