"""Turn a procedure into the values a reply template needs, per facet asked.

The sentences themselves live in ``domain.yml`` (one response per facet); this module
only renders the data parts that vary in length — numbered lists, day counts, places —
compactly enough for a phone screen.
"""
from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence

from bot.procedures.model import City, Material, Place, Procedure, days_text

#: Lists longer than this are cut with a pointer to the full guide.
MAX_LIST_ITEMS = 8


class Facet(str, enum.Enum):
    """What the user asked about a procedure; the value is the NLU intent."""

    OVERVIEW = "ask_procedure"
    MATERIALS = "ask_materials"
    DURATION = "ask_duration"
    WHERE = "ask_where"
    FEE = "ask_fee"
    ELIGIBILITY = "ask_eligibility"

    @classmethod
    def from_intent(cls, intent: str | None) -> Facet | None:
        """Returns the facet for an intent name, or None if it is not a facet intent."""
        for facet in cls:
            if facet.value == intent:
                return facet
        return None

    @property
    def short(self) -> str:
        """The facet's short name (``materials``), used in response names."""
        return "overview" if self is Facet.OVERVIEW else self.value[len("ask_"):]


#: The fields each facet's answer shows (a default among them adds the confirm note).
USED_FIELDS: dict[Facet, Sequence[str]] = {
    Facet.OVERVIEW: ("summary", "steps", "time_limit.promised_days", "visits"),
    Facet.MATERIALS: ("materials", "time_limit.promised_days", "visits", "where.online"),
    Facet.DURATION: ("time_limit", "visits"),
    Facet.WHERE: ("where", "visits", "departments.lead"),
    Facet.FEE: ("fee",),
    Facet.ELIGIBILITY: ("eligibility",),
}
#: The response whose text is one facet's part of an answer (``utter_procedure_section_fee``).
SECTION_RESPONSE = "utter_procedure_section_{}"


def _numbered(lines: Sequence[str], limit: int = MAX_LIST_ITEMS) -> str:
    shown = [f"{i}. {line}" for i, line in enumerate(lines[:limit], start=1)]
    if len(lines) > limit:
        shown.append(f"…共{len(lines)}项,完整清单见网上办事指南")
    return "\n".join(shown)


def material_line(material: Material) -> str:
    """One material as a list line with its original/copy counts."""
    counts = []
    if material.originals:
        counts.append(f"原件{material.originals}份")
    if material.copies:
        counts.append(f"复印件{material.copies}份")
    if material.electronic and not counts:
        counts.append("网上填报")
    line = material.name + (f"({'、'.join(counts)})" if counts else "")
    if material.notes:
        line += f",{material.notes}"
    return line


def promised_limit_text(days: int | None, done: bool = False) -> str:
    """The promised limit beside the legal one («承诺5个工作日», «当场办结», «无统一承诺时限»), or
    with ``done`` as a sentence's subject («承诺5个工作日办结»)."""
    if days is None:
        return "无统一承诺时限"
    return "当场办结" if days == 0 else f"承诺{days}个工作日" + ("办结" if done else "")


def visits_text(visits: int | None) -> str:
    """The number of visits in the words enterprises know (None: nothing to apply for)."""
    if visits is None:
        return "无需单独申请"
    if visits == 0:
        return "全程网办,一次不用跑"
    if visits == 1:
        return "最多跑一次"
    return f"需到现场{visits}次"


def place_text(place: Place) -> str:
    """A place with its URL or address."""
    detail = place.url or place.address
    return f"{place.name}({detail})" if detail else place.name


#: The number to call where no city is given (the national 政务服务 hotline).
DEFAULT_HOTLINE = "12345"
#: What the user reads for each field an answer shows, when its value is a default.
FIELD_NAMES = (
    ("summary", "简介"), ("eligibility", "适用条件"), ("materials", "材料"), ("steps", "办理步骤"),
    ("time_limit", "办理时限"), ("visits", "跑动次数"), ("where", "办理地点"), ("departments", "部门"),
    ("fee", "收费"),
)


def _sentence(text: str) -> str:
    """A note written as prose reads as a sentence: it ends with a full stop."""
    return text if text.endswith(_SENTENCE_ENDS) else text + "。"


_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "…", "」")


def confirm_note(procedure: Procedure, fields: Iterable[str]) -> str:
    """«(材料、办理时限为参考值,本地政策文件未作规定,以当地窗口公布为准)»: which shown values are defaults."""
    shown = [f for f in fields if procedure.has_default_within(f)]
    names = [name for top, name in FIELD_NAMES if any(f == top or f.startswith(top + ".") for f in shown)]
    if not names:
        return ""
    return f"\n({'、'.join(names)}为参考值,本地政策文件未作规定,以当地窗口公布为准)"


def with_city(place: Place, city_place: Place | None) -> Place:
    """The place, with the city's URL or address where the procedure names none.

    A place that is not the city's (``city: false``) is left as it is.
    """
    if city_place is None or not place.city:
        return place
    return Place(place.name, place.url or city_place.url, place.address or city_place.address, place.city)


#: The domain's note under a materials list of a procedure done wholly online (0 visits) that asks
#: for originals («原件» beside «全程网办»: how they are given).
ONLINE_ORIGINALS = "utter_materials_online_originals"
#: The domain's note under a materials list picked for the kinds of change said ({named}), naming
#: the kinds whose own papers were left out ({left_out}).
KIND_NOTE = "utter_materials_kind_note"
#: The kinds of change a guide lists in its summary («企业名称、住所、经营范围…等登记事项»).
_KINDS = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6})等")
#: A material for one kind of change only («变更住所时提交»).
_ONLY_WHEN = re.compile(r"变更([\u4e00-\u9fff]{2,6}?)时(?:提交|提供|需要)")


def _kinds(procedure: Procedure) -> list[str]:
    """The kinds of change the guide's summary lists (none for most guides)."""
    found = _KINDS.search(procedure.summary or "")
    return found.group(1).split("、") if found else []


#: Where a material's name splits into the names of the papers it allows («股东会决议或股东决定»).
_PAPERS = re.compile(r"[或、和及/()()]")


def _without_papers(procedure: Procedure, said: str) -> str:
    """``said`` with the guide's own papers blanked: «股东会决议» names a paper, not 股东 as the
    thing changed («公司名称变更需要股东会决议吗» changes the name only)."""
    for material in procedure.materials:
        for paper in _PAPERS.split(material.name):
            if len(paper) >= 3 and paper in said:
                said = said.replace(paper, " ")
    return said


def _kinds_named(kinds: Sequence[str], said: str, everyday: Mapping[str, str]) -> set[str]:
    """The kinds of change of the guide's own list that ``said`` names, in the guide's word or an
    everyday one for it (knowledge/everyday_words.yml: 法人 for 法定代表人, 地址 for 住所)."""
    return {k for k in kinds if k in said or any(word in said for word, key in everyday.items() if key == k)}


def kinds_said(procedure: Procedure, said: str, everyday: Mapping[str, str] | None = None) -> list[str]:
    """The kinds of change of the guide's own list that ``said`` names, in the guide's order
    («公司要搬到开发区 执照地址咋改» → [住所]); none for a guide without kinds."""
    kinds = _kinds(procedure)
    named = _kinds_named(kinds, _without_papers(procedure, said), everyday or {}) if said else set()
    return [k for k in kinds if k in named]


def applicable_materials(procedure: Procedure, said: str = "",
                         everyday: Mapping[str, str] | None = None) -> tuple[list[Material], list[str]]:
    """The materials for the change the message names («换法人要什么材料»: not the new premises'
    proof), and the kinds of change whose own materials were left out; every material, and none
    left out, when the message names no kind of change of the guide's list."""
    kinds = _kinds(procedure)
    named = _kinds_named(kinds, _without_papers(procedure, said), everyday or {}) if said else set()
    if not named:
        return list(procedure.materials), []
    kept, left_out = [], []
    for material in procedure.materials:
        only = _ONLY_WHEN.search(material.notes or "")
        if only is not None and only.group(1) in kinds and only.group(1) not in named:
            left_out.append(only.group(1))
        else:
            kept.append(material)
    return kept, list(dict.fromkeys(left_out))


def facet_values(procedure: Procedure, facet: Facet, city: City | None = None, said: str = "",
                 everyday: Mapping[str, str] | None = None,
                 notes: Mapping[str, str] | None = None) -> dict[str, str]:
    """Template values for answering ``facet`` of ``procedure``.

    Every facet gets ``procedure_name``, ``promised``, ``visits``, ``online``, ``window``
    and ``confirm_note``; each adds its own list or text. The city's portal URL and hall
    address fill in where the procedure file gives none. ``notes`` are the domain's response
    texts by name: the materials list's notes (:data:`KIND_NOTE`, :data:`ONLINE_ORIGINALS`) are
    worded there, and left out without them.
    """
    tl = procedure.time_limit
    values = {
        "procedure_name": procedure.name,
        "promised": days_text(tl.promised_days),
        "promise": promised_limit_text(tl.promised_days, done=True),
        "promised_limit": promised_limit_text(tl.promised_days),
        "visits": visits_text(procedure.visits),
        "online": place_text(with_city(procedure.online, city.online_portal if city else None)),
        "window": place_text(with_city(procedure.window, city.service_hall if city else None)),
        # the time limit's note goes wherever the time limit is shown: «承诺1个工作日办结» under
        # steps that say «公示20天» contradicts them without «公示期20天不计入办理时限»
        "time_note": f"\n{_sentence(tl.note)}" if tl.note else "",
    }
    if facet is Facet.MATERIALS:
        kept, left_out = applicable_materials(procedure, said, everyday)
        values["materials"] = _numbered([material_line(m) for m in kept])
        notes = notes or {}
        if left_out and KIND_NOTE in notes:
            # what was said changes one thing: which kind was listed is said, and the others' own
            # papers are named as left out, not listed
            values["materials"] += "\n" + notes[KIND_NOTE].format(
                named="、".join(kinds_said(procedure, said, everyday)), left_out="、".join(left_out))
        if procedure.visits == 0 and any(m.originals for m in kept) and ONLINE_ORIGINALS in notes:
            # «原件1份» beside «全程网办,一次不用跑»: nothing is handed in at a window, so say how
            values["materials"] += "\n" + notes[ONLINE_ORIGINALS]
    elif facet is Facet.DURATION:
        legal = tl.legal_text()
        values["legal"] = "无法定时限规定" if legal is None else f"法定时限{legal}"
    elif facet is Facet.WHERE:
        values["department"] = procedure.departments.lead
        # «打哪个电话»: the where part names the number to call too
        values["hotline"] = city.hotline if city is not None else DEFAULT_HOTLINE
    elif facet is Facet.FEE:
        values["fee"] = procedure.fee.text
    elif facet is Facet.ELIGIBILITY:
        values["eligibility"] = _numbered(list(procedure.eligibility))
    else:
        values["summary"] = procedure.summary
        values["steps"] = _numbered(list(procedure.steps))
    values["confirm_note"] = confirm_note(procedure, USED_FIELDS[facet])
    return values


def _without_repeated_lines(parts: Sequence[str]) -> list[str]:
    """Each part without the lines an earlier part already gave (「网上办理:…」 in both the
    materials and the where part of «要什么材料,在哪办»)."""
    shown: set[str] = set()
    kept = []
    for part in parts:
        lines = [line for line in part.split("\n") if line not in shown]
        shown.update(part.split("\n"))
        kept.append("\n".join(lines))
    return kept


def _visits_said_once(parts: Sequence[str], visits: str) -> list[str]:
    """Each part after the first that says how many visits without saying it again (the where
    part's «牵头部门:…;全程网办,一次不用跑。» under the materials' «承诺1个工作日办结,全程网办,一次不用跑。»)."""
    told = (f";{visits}。", f",{visits}。")
    kept, said = [], False
    for part in parts:
        if said:
            for sentence in told:
                part = part.replace(sentence, "。")
        said = said or any(sentence in part for sentence in told)
        kept.append(part)
    return kept


def answer_values(templates: Mapping[str, str], procedure: Procedure, facets: Sequence[Facet],
                  city: City | None = None, said: str = "",
                  everyday: Mapping[str, str] | None = None) -> dict[str, str]:
    """Template values of one answer covering every facet asked, in the order asked.

    Each facet's part is its ``utter_procedure_section_<facet>`` response text from
    ``templates`` (the domain's wording) filled with :func:`facet_values`; the parts are
    joined into ``body``, and ``confirm_note`` is given once for all of them. ``said`` (the
    message) and ``everyday`` (knowledge/everyday_words.yml) pick the materials for the kind of
    change named (:func:`applicable_materials`).

    Raises:
        KeyError: a section response is missing from ``templates``.
    """
    asked = list(dict.fromkeys(facets)) or [Facet.OVERVIEW]
    parts = [_section(templates, procedure, f, city, Facet.DURATION in asked, said, everyday) for f in asked]
    parts = _without_repeated_lines(parts)
    parts = _visits_said_once(parts, visits_text(procedure.visits))
    used = [field for f in asked for field in USED_FIELDS[f]]
    return {"procedure_name": procedure.name, "body": "\n".join(parts),
            "confirm_note": confirm_note(procedure, used)}


def _section(templates: Mapping[str, str], procedure: Procedure, facet: Facet, city: City | None,
             time_asked: bool, said: str = "", everyday: Mapping[str, str] | None = None) -> str:
    """One facet's part of an answer; where the time limit is its own part too, the other parts
    leave out their line of the promised time («简易注销公告期多少天 …有人反对咋办»: the overview's
    «承诺1个工作日办结,…» beside «办理时限:承诺1个工作日(…)»)."""
    values = facet_values(procedure, facet, city, said, everyday, notes=templates)
    text = templates[SECTION_RESPONSE.format(facet.short)].format_map(values)
    if not time_asked or facet is Facet.DURATION:
        return text
    # the promise's line and its note: the time limit's own part says both
    left_out = {f"{values['promise']},{values['visits']}。", values["time_note"].strip("\n") or None}
    return "\n".join(line for line in text.split("\n") if line not in left_out)
