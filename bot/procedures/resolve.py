"""Names of procedures and departments written out in a message, for tickets.

Which procedure a *question* is about is decided by :mod:`bot.language` (names, sounds,
cues) and :mod:`bot.dialogue.questions`; a ticket only needs the department a message
points at, and the lead department of a procedure named in it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from bot.procedures.model import KnowledgeBase
from bot.text import to_simplified

if TYPE_CHECKING:  # bot.departments reads files; only its type is needed here
    from bot.departments import DepartmentDirectory


def _unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def find_aliases(kb: KnowledgeBase, text: str) -> list[str]:
    """Returns the procedure ids whose names or synonyms occur in ``text``.

    Longest aliases win, and a shorter alias inside an already matched span is ignored
    (简易注销登记 does not also count as 注销登记).
    """
    aliases = sorted(kb.aliases().items(), key=lambda item: len(item[0]), reverse=True)
    taken = [False] * len(text)
    found: list[tuple[int, str]] = []
    lowered = to_simplified(text).lower()
    for alias, procedure_id in aliases:
        needle = alias.lower()
        start = lowered.find(needle)
        while start != -1:
            end = start + len(needle)
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                found.append((start, procedure_id))
            start = lowered.find(needle, start + 1)
    return _unique(pid for _, pid in sorted(found))


#: How the name of an institution ends: «税务局», «金融办», «交易中心», «供电公司». A word
#: such as «社保» or «环保» names a matter, not the department to send a ticket to …
_INSTITUTION = re.compile(r"(局|委|委员会|办|办公室|中心|所|公司|厅|处|科|队|站|院)$")
#: … unless the words right after it make it one: «税务窗口», «工商那边».
_AS_INSTITUTION = ("窗口", "部门", "那边", "的人", "大厅")
#: … or the words right before it: «投诉城管», «举报税务», or the field's own label in a message that gives every
#: field at once («涉及部门城管», «涉及部门:税务»).
_AS_INSTITUTION_BEFORE = ("投诉", "举报", "涉及部门", "涉及部门:", "涉及部门：", "涉及部门是", "部门:", "部门：",
                          "部门是", "涉及单位", "涉及单位:", "涉及单位：")


def named_department(text: str, named: Sequence[str], directory: DepartmentDirectory) -> str | None:
    """The department a message names as an institution (an entity, or «…局» written out).

    ``named`` are the words the NLU marked as departments, as typed (not mapped).
    """
    text = to_simplified(text)  # «我要投訴 稅務局窗口態度很差»: 税务局 typed in traditional characters
    for value in named:
        canonical = directory.canonical(value)
        if canonical and _INSTITUTION.search(value):
            return canonical
    for name in directory.names:
        for word in (name, *directory.synonyms(name)):
            if _INSTITUTION.search(word) and word in text:
                return name
            if any(word + after in text for after in _AS_INSTITUTION) or any(
                    before + word in text for before in _AS_INSTITUTION_BEFORE):
                return name
    return None


#: A department described by what it is in charge of: «管规划的那个局», «负责环保那块的部门».
_BY_DUTY = re.compile(r"(?P<verb>管|负责|主管|收|发|批)(?:着)?(?P<what>[\u4e00-\u9fa5]{1,4}?)(?:这块|那块|方面)?"
                      # (never when: «发营业执照的时候出的事»)
                      r"(?:的(?!时候|时)|那个|这个|那边|这边)")
#: Verbs of a duty that name one with a word of two characters at least («发执照的»; not 办: «办执照的时候» tells
#: when), except …
_DOES = frozenset({"收", "发", "批"})
#: … the one character that says the duty alone («收税的»).
_DONE_ALONE = frozenset({"税"})
#: What an institution's name ends with, taken off to leave what it is in charge of («规划局» → 规划).
_INSTITUTION_END = re.compile(r"(?:分局|局|部门|委员会|委|办公室|办|中心|所|大队)$")


def department_by_duty(text: str, directory: DepartmentDirectory) -> str | None:
    """The one department whose names say what the message describes it as in charge of
    («管规划的那个局» → 自然资源和规划局, «管税的», «收税的» → 税务局), or, none of them, whose matters do («管执照的» →
    市场监督管理局): the first duty said that names one («收钱的那个窗口 管税的»: 管税); None when none does."""
    for found in _BY_DUTY.finditer(to_simplified(text or "")):
        meant = _of_the_duty(found, directory)
        if meant is not None:
            return meant
    return None


def _of_the_duty(found: re.Match[str], directory: DepartmentDirectory) -> str | None:
    what = found.group("what")
    if len(what) < 2 and found.group("verb") in _DOES and what not in _DONE_ALONE:
        return None  # («批地的»: 地 alone is 地税's first character, no duty)
    named = _the_one(directory, lambda word, stem: (
        what in word if len(what) > 1 else stem.startswith(what) and len(stem) <= 2) or (
        len(stem) >= 2 and stem in what))
    if named is not None or len(what) < 2:
        return named
    # «管执照的», «发营业执照的那个»: no name says it, the one department whose matters hold it does
    handling = {entry.name for entry in directory.entries
                if any(what == word or what in word and len(word) <= len(what) + 2 for word in entry.handles)}
    return handling.pop() if len(handling) == 1 else None


def _the_one(directory: DepartmentDirectory, fits: Callable[[str, str], bool]) -> str | None:
    """The one department a name or synonym of which ``fits`` (the word, and what it is in charge
    of: the word without its institution ending); None when none or several do."""
    meant = {name for name in directory.names for word in (name, *directory.synonyms(name))
             if fits(word, _INSTITUTION_END.sub("", word))}
    return meant.pop() if len(meant) == 1 else None


#: A part of a department's name this short says nothing of its own («市», «局» left alone).
_STEM_CHARS = 2


def department_by_stem(text: str, directory: DepartmentDirectory) -> str | None:
    """The one department a part of whose name the message says («主要是应急那边» → 应急管理局,
    «交通那块» → 交通运输局): what a name or synonym is in charge of, its institution word taken
    off; None when none or several do («交通和住建都管点»)."""
    said = to_simplified(text or "")
    return _the_one(directory, lambda word, stem: len(stem) >= _STEM_CHARS and stem in said)


def department_of(text: str, named: Sequence[str], directory: DepartmentDirectory,
                  kb: KnowledgeBase | None, procedure: str | None = None) -> str | None:
    """The canonical department a message points at, for a ticket.

    In order: a department entity (``named``), a department name or synonym written in
    ``text``, else the lead department of ``procedure`` or of the first procedure the
    text names. ``None`` when nothing points anywhere (or ``kb`` is missing).
    """
    for value in named:
        canonical = directory.canonical(value)
        if canonical:
            return canonical
    for name in directory.names:
        if any(word in text for word in (name, *directory.synonyms(name))):
            return name
    if kb is None:
        return None
    chosen = procedure or next(iter(find_aliases(kb, text)), None)
    found = kb.get(chosen) if chosen else None
    return found.departments.lead if found else None


#: A place of province or city level by its name («郑州市», «江苏省», «广西壮族自治区»).
_PLACE_LEVEL = re.compile(r"^(?P<stem>[\u4e00-\u9fa5]{2,8}?)(?:省|市|自治区|特别行政区)$")
#: What a district, county or smaller place ends with («金水区», «昆山开发区», «城关镇»): a part of a place said, which
#: may be ours (our city's districts are not listed) — passed over to the city said before it.
_PLACE_PART = re.compile(r"(?:区|县|镇|乡|街道|新区|园区)$")
#: Words said between a place and the department that leave the place the department's («郑州那边的税务局»).
_BETWEEN = frozenset({"的", "那边", "这边", "那里", "当地", "那个", "这个", "里", "那儿"})
#: Words that say «elsewhere» without naming the place («外地的税务局», «老家那边的社保局»).
_ELSEWHERE = ("外地", "外省", "外市", "邻市", "隔壁市", "老家", "省里")
#: … said after the department («税务局是邻市那边的»).
_ELSEWHERE_AFTER = re.compile(r"^(?:是|在|属于|归)?(?:那个)?(?P<where>" + "|".join(_ELSEWHERE) + ")")
#: Places too wide to be another city («国家税务总局», «中国人民银行»).
_NOT_A_CITY = frozenset({"中国", "中华", "全国", "国家", "中央", "本市", "全市", "我市", "本省", "全省"})


def place_elsewhere(text: str, directory: DepartmentDirectory, ours: Iterable[str]) -> str | None:
    """The place of province or city level a message puts a department in, when it is none of ``ours`` (the names of
    the places served: «示例市», «北京市怀柔区»): «郑州市金水区税务局» → «郑州市», «去深圳那边的社保局» → «深圳»,
    «外地的税务局» → «外地». None when a department is said without a place, in one of ours, or in a part of a place
    only («金水区税务局»: our city's districts are not listed, so a district is never taken for another city's).
    """
    said = to_simplified(text or "")
    served = [name for name in ours if name]
    if _COMPARES.search(said):
        return None  # («人家其他城市的市场监管局一天就办完了», «老家的税务局都比这快»: a comparison, not where it is)
    if _PROVINCIAL.search(said):
        return "省里"  # «是省里的 省生态环境厅»: a department of the province, not the city's
    words = sorted({w for name in directory.names for w in (name, *directory.synonyms(name)) if len(w) >= 2},
                   key=len, reverse=True)
    if _HERE_BEFORE.search(said) or _HERE_REFUSES.search(said):
        return None  # («这边人社局 上海社保转过来一直不给接»: ours named as here; another city's is only told of)
    for word in words:
        for hit in re.finditer(re.escape(word), said):
            if _FIRM_GOES_ON.match(said[hit.end():]):
                continue  # («郑州税务师事务所»: a firm's name, no department)
            place = _place_before(said[:hit.start()])
            if place is not None and not _is_ours(place, served):
                return place
            if (after := _ELSEWHERE_AFTER.match(said[hit.end():])) is not None:
                return after.group("where")
    return None


#: A department of the province («省生态环境厅», «省里的税务局»), never a zone the province set up («省级开发区管委会»).
_PROVINCIAL = re.compile(r"(?:^|(?<=[\s,,。的是]))省(?:里的?|级的?|上的?)?\s*(?!级?开发区|级?高新区|级?园区)"
                         r"(?:[\u4e00-\u9fa5]{2,6}?厅|(?:税务|市场监管|生态环境|公安|人社|住建|发改|财政|交通|水利|商务|卫健"
                         r"|应急|自然资源|工信|审批)[\u4e00-\u9fa5]{0,3}?局)(?![长])")
#: A comparison with elsewhere («比», «人家», «都能»): no department placed there.
_COMPARES = re.compile(r"比|人家|都能|也能|一天就|早就办")
#: Ours said as here, right before a department («这边人社局», «我们这的税务局», «本市市场监管局»).
#: … or ours said to refuse what another city's did («徐州的人社局转过来 这里不给接»).
_HERE_REFUSES = re.compile(r"(?:这里|这边|本地|我们这|咱们这|咱这)(?:的)?[^,,。\s]{0,4}"
                           r"(?:不给|不让|不办|不接|不收|不肯|不同意)")
_HERE_BEFORE = re.compile(r"(?:这边|这里|本地|本市|我们这|咱们这|咱这|我们这边)(?:的)?"
                          r"(?:人社|税务|市场监管|市监|社保|住建|城管|公安|环保|生态环境|自然资源|交通|卫健|审批|发改|商务|工信|财政|应急|消防|医保)")
#: A firm's name going on after a department's word («税务师事务所», «…有限公司»).
_FIRM_GOES_ON = re.compile(r"师|事务所|有限|公司|集团|银行|协会")
#: What a street, a quarter or a town ends with, or is («中山路», «城东», «城关», «西湖»): no city.
_NOT_A_CITY_END = re.compile(r"(?:路|街|道|巷|大道|湖|山|桥|门|关|东|西|南|北|中|镇|乡|村|区|县)$")
#: Cities said by their bare name right before a department («广州税务局»): the big ones a user names, whose
#: departments are another city's unless it is the city served (checked after).
_OTHER_CITIES = frozenset(
    {"北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "苏州", "无锡", "常州", "南通", "徐州",
     "扬州", "镇江", "泰州", "盐城", "淮安", "连云港", "郑州", "洛阳", "新乡", "武汉", "长沙", "成都", "西安",
     "济南", "青岛", "烟台", "合肥", "福州", "厦门", "泉州", "南昌", "昆明", "贵阳", "南宁", "海口", "三亚",
     "太原", "石家庄", "保定", "唐山", "沈阳", "大连", "长春", "哈尔滨", "兰州", "西宁", "银川", "乌鲁木齐",
     "拉萨", "宁波", "温州", "绍兴", "嘉兴", "金华", "台州", "东莞", "佛山", "珠海", "中山", "惠州", "汕头",
     "廊坊", "潍坊", "临沂", "淄博", "济宁", "芜湖", "宜昌", "襄阳", "株洲", "绵阳", "柳州", "桂林", "包头",
     "南阳", "许昌", "安阳", "商丘", "周口", "信阳", "焦作", "平顶山", "漯河", "濮阳", "鹤壁", "驻马店", "香港",
     "澳门"})
#: Words said before «那边» that are no place («我们那边», «总部那边», «厂里那边»).
_NOT_A_PLACE = frozenset({"我们", "你们", "他们", "咱们", "人家", "对方", "总部", "公司", "厂里", "单位", "家里",
                          "这个", "那个", "区里", "市里", "县里", "镇上", "本地", "当地", "部门", "窗口", "政府",
                          "上面", "下面", "园区", "楼下", "楼上", "隔壁", "附近", "旁边", "对面", "城里", "乡下"})
#: Said after a bare place's name, it puts the department there («深圳那边的社保局»).
_THERE = re.compile(r"^(?:那边|那里|当地|那儿)")


def _place_before(before: str) -> str | None:
    """The place of province or city level said right before a department (only places, districts and
    «的/那边» between), or «外地» for a place said as elsewhere; None when something else comes first."""
    import jieba.posseg  # loaded on first use: the tagger's dictionary takes a second

    tail = before[-16:]
    for word in _ELSEWHERE:
        if re.search(re.escape(word) + r"(?:的|那边|这边|那里|那个)*$", tail):
            return word
    tokens = [(str(t.word), str(t.flag)) for t in jieba.posseg.lcut(tail)]
    after: list[str] = []
    for word, flag in reversed(tokens):
        if word in _BETWEEN or not word.strip():
            after.append(word)
            continue
        level = _PLACE_LEVEL.match(word)
        if level and level.group("stem") not in _NOT_A_CITY:
            return word
        if flag == "ns" and not _NOT_A_CITY_END.search(word) \
                and word not in _NOT_A_CITY and word not in _NOT_A_PLACE and len(word) >= 2 \
                and (_THERE.match("".join(reversed(after)))
                     or (word in _OTHER_CITIES and "".join(after) in ("", "的"))):
            # a city said without «市», and put there: «深圳那边的社保局» (not a city the tagger does not know:
            # «开封», to it, is «to unseal»; «老板那边», «工地那边» are no place), or a big city's name right before
            # the department: «广州税务局», «深圳市监局» (its 市 read with the department's word) were filed to ours —
            # never a county's or a town's name («沭阳税务局», «洋河镇政府»: perhaps ours)
            return word
        if _PLACE_PART.search(word) and flag in ("ns", "n", "nr", "nz") and len(word) >= 3:
            city = next((c for c in _OTHER_CITIES if word.startswith(c) and len(word) > len(c) + 1), None)
            if city is not None:
                return city  # («苏州工业园区税务局»: a big city's district, read as one word — it was filed to ours)
            continue  # a district or a town: perhaps ours; the city said before it decides
        return None
    return None


def _is_ours(place: str, served: Sequence[str]) -> bool:
    """True when ``place`` names one of the places served, or a place above one («北京» for «北京市怀柔区»)."""
    if place in _ELSEWHERE:
        return False
    stem = _PLACE_LEVEL.sub(lambda m: m.group("stem"), place)
    return any(stem in name or name.rstrip("市省区县") in place for name in served)
