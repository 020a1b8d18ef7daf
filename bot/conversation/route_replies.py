"""How replies to a bidding complaint's own questions are read: «哪个项目、哪个标段» and «招标人是哪家».

People answer these with more than was asked (the project, then their firm, who to call and the phone), with
another question's answer (their firm's name or code, a contact), with a guess, or with an agent named instead of
the tenderer. The functions here read the words only; ``actions/ticket_routes.py`` decides what the form keeps and
says. (:mod:`bot.routes.rules` reads the labelled forms: «项目是…», «招标人是…»; these readers use the conversation's
phrases, so they live in its layer.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.conversation import phrases
from bot.language.interpret import is_question
from bot.language.introduction import looks_like_firms_name
from bot.validation import credit_code_in

#: A project named as a word of its own in a case told («就刚才说的 城南污水管网项目 招标代理公司不收保函»): its name,
#: then 项目/工程 and perhaps its lot; never «这个项目», «我们投的工程», nor an organisation's name.
# (no words of a story inside: «…说必须交现金才能参加项目», «代理说要等甲方结算完工程», «城投公司的项目»; nor a firm's
# trade, «宿城区华建市政工程»)
_PROJECT_NAMED = re.compile(r"(?!这个|那个|这|该|本|我们|你们|他们|投标|招标|一个|某)"
                            r"(?:(?![说要等交参必能会让给把被了的是在完才和跟没不])[\u4e00-\u9fff\dA-Za-z()()]){4,30}?"
                            r"(?<!市政|建设|建筑|安装|装饰|水利|园林|路桥|电力|机电)"
                            r"(?:项目|工程)(?:第?[一二三四五六七八九十\d]+(?:标段|包|标))?")
#: A tender agent named, not the tenderer («他们是招标代理公司叫恒信招标», «代理机构是华信招标咨询有限公司»).
_AGENT_NAMED = re.compile(r"(?P<name>(?:(?!是|叫|为|他们|我们|的|说)[\u4e00-\u9fa5A-Za-z]){2,12}?"
                          r"(?:招标代理|招标咨询|工程咨询)[\u4e00-\u9fa5]{0,6}?(?:有限责任公司|有限公司|公司))"
                          r"|(?:招标)?代理(?:公司|机构)?(?:是|叫|为|:|:)?\s*(?:叫|是)?"
                          r"(?P<said>(?!有限)[\u4e00-\u9fa5A-Za-z]{2,24}?(?:有限公司|招标|咨询|代理|公司))"
                          r"(?=$|[\s,,。;;]|不|他们|非|说|让|要)")
#: The agent's own label left at the end of the tenderer's part («招标人是市卫健委 代理是»).
_AGENT_LABEL_END = re.compile(r"[\s,,。;;]*(?:招标)?代理(?:公司|机构)?(?:是|叫|为|:|:)?\s*(?:叫|是)?$")
#: The tenderer labelled beside an agent («代理是恒信 招标人是市城投»): the tenderer's own question answered.
_TENDERER_LABEL = re.compile(r"招标人(?:是|为|叫|:|:)|招标单位(?:是|为|:|:)|业主(?:是|为)")
#: An organisation's registered name («…建筑安装有限公司», «…集团»); «城南污水处理厂», «宿迁学院图书馆» may be projects.
_ORGANISATION_NAME = re.compile(r"(?:有限公司|有限责任公司|股份公司|公司|集团)$")
#: A registered firm's name ends so, whatever trade words stand inside it («…市政工程有限公司»).
_REGISTERED_FIRM_END = re.compile(r"(?:有限公司|有限责任公司|股份有限公司|股份公司)$")
#: Words of a project or a lot («…工程», «…采购项目», «二标段»): a name with them is a project's, whatever its end.
_PROJECT_WORDS = re.compile(r"工程|项目|标段|包件|采购|施工|监理|改造|建设|新建|扩建|标包|[一二三四五六七八九十\d]+标"
                            r"|(?:那个|这个|的)标(?![书准志])")
#: Another party of a bidding, or words of theirs («招标代理», «他们的代码»): no enterprise of the user's.
_OTHER_PARTY = re.compile(r"招标|代理|咨询|造价|监理|他们|他的|她的|对方|人家")
#: The credit code's label, and the name's, said beside them.
_CODE_LABEL = re.compile(r"统一社会|信用代码|代码|公司是|公司叫|企业是|单位是|我们是|编号")
#: At most so many characters said besides what a reply names keep it that value alone (more is told of the case).
FEW_WORDS_BESIDE = 8
#: The enterprise's own name, labelled as such right before it («企业名称:安居…有限公司», «我们是华宇建设有限公司»):
#: not a tenderer's or an agent's («我们公司投的 … 代理是华信招标有限公司» labels no name).
_OWN_FIRM = re.compile(r"(?:(?:企业|公司|单位)(?:名称|名字|全称)\s*[::是为]?|我们是|我司是?|本公司是?|俺们是"
                       # (a 12345 agent's caller: «来电企业是原阳县宏安路桥工程有限公司» — refused as no project, then
                       # never taken: the form asked the enterprise's name again and again)
                       r"|来电(?:的)?(?:企业|公司|单位)(?:是|叫|为)?[::]?"
                       # («公司是新乡华鼎智能科技有限公司 统一社会信用代码…»: said first, it is the enterprise's own)
                       r"|^(?:我们|我们的)?(?:公司|企业|单位)(?:是|叫)"
                       # («公司新乡市华泰建设工程有限公司 联系人杜峰 电话…»: the label, then the registered name)
                       r"|^(?:公司|企业)(?=\s*[\u4e00-\u9fff()()]{2,30}?(?:有限责任公司|股份有限公司|有限公司)))\s*"
                       # (the legal form after 集团 is the name's: «江苏中恒建设集团有限公司» was kept as «…集团»)
                       r"(?P<name>[\u4e00-\u9fff()()]{2,30}?(?:集团(?:有限责任公司|股份有限公司|有限公司)?|有限责任公司"
                       r"|股份有限公司|有限公司|公司|厂|店|合作社))")
#: An organisation named in a reply («市水务局», «市城投公司»): what ends like one, the words before it included.
_UNIT = r"[\u4e00-\u9fff]{2,20}?(?:局|委|委员会|公司|集团|中心|院|学校|医院|政府|办事处|管委会|所)"
_UNIT_NAMED = re.compile(_UNIT)
#: A unit guessed («…也不太清楚 好像是区教育局», «可能是市城投吧»).
_GUESSED_UNIT = re.compile(r"(?:好像是|可能是|应该是|大概是|估计是|似乎是)(?P<unit>" + _UNIT + ")")
#: Where the enterprise's own details start after a project named («… 我们公司叫…», «… 投标单位是…», «… 联系人…»).
_FIRM_STARTS = re.compile(r"^(?:(?:我们|我们的|我司|本公司|我们公司)(?:叫|是|名称是|全称是|名字叫)"
                          r"|来电(?:的)?(?:企业|公司|单位)|公司(?:叫|名称是|全称是)|投标单位|投标人是|联系人|我姓|我叫"
                          r"|本人姓|电话|手机|1[3-9]\d{9}$)")
#: The contact and phone given beside the firm, taken by their own questions (never told again as the case).
_NOT_TOLD = re.compile(r"(?:联系人|我姓|我叫|本人姓)(?:是)?(?:我们的?)?(?:经理|老板|会计|财务|主任|负责人|总经理)?"
                       r"[\u4e00-\u9fff]{1,4}(?:\s+[\u4e00-\u9fff]{2,3}(?=\s|$))?"
                       r"|(?:电话|手机|手机号)?[::]?\s*1[3-9]\d{9}")
#: The bidder named in so many words («投标单位是正泰建工有限公司»).
_BIDDER_NAMED = re.compile(r"(?:投标单位|投标人)(?:是|为|叫|:|:)?\s*(?P<name>[\u4e00-\u9fff()()]{2,30}?"
                           r"(?:集团(?:有限责任公司|股份有限公司|有限公司)?|有限责任公司|股份有限公司|有限公司|公司|厂|店))")
#: A 12345 agent's caller named after the project («… 来电企业恒达建设», «… 来电公司是华宇商贸»).
_CALLER_FIRM = re.compile(r"来电(?:的)?(?:企业|公司|单位)(?:是|叫|为)?[::]?\s*(?P<name>[^\s,,。;;]{2,30})")
_BETWEEN = r"[\s,,。;;]+"


def _letters(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


def project_named_in(description: str) -> str | None:
    """The bidding project a case names as a word of its own (it was asked again, and the answer to that — «下周三就截标
    了» — filed as the project); None when it names none."""
    words = re.split(r"[\s,,。;;!!、]+", description or "")
    for at, word in enumerate(words):
        if _PROJECT_NAMED.fullmatch(word) and not _ORGANISATION_NAME.search(word):
            # (its lot typed after a space: «…安置房二期工程 第三标段»)
            lot = words[at + 1] if at + 1 < len(words) and phrases.is_lot(words[at + 1]) else ""
            return f"{word} {lot}".strip()
    return None


def names_a_project_or_unit(slot: str, text: str) -> bool:
    """True when a reply to a bidding question names what it asks, however unsure («城东水厂扩建工程施工 标段是几标来着
    好像是二标段», «招标人是不是叫城投公司»): a value, never a question to answer instead."""
    if slot == "bid_project":
        return bool(_PROJECT_WORDS.search(text)) or any(phrases.is_lot(w) for w in re.split(_BETWEEN, text))
    return bool(_UNIT_NAMED.search(text)) and not re.search(r"保险公司|银行", text)


@dataclass(frozen=True)
class FirmBeside:
    """What a reply to «哪个项目» gives after the project: the enterprise's name, phone, contact and the rest told."""

    project: str
    company: str | None
    phone: str | None
    contact: str | None
    told: str


def project_then_firm(said: str) -> FirmBeside | None:
    """The project named first and the enterprise's own details after it, when a reply to «哪个项目、哪个标段» gives
    both («滨河路雨污分流改造二标段 我们公司叫鑫源五金店 我姓黄 黄永盛 电话136…»); None otherwise."""
    parts = [p for p in re.split(_BETWEEN, said.strip()) if p]
    at = next((i for i, part in enumerate(parts) if i and _FIRM_STARTS.match(part)), None)
    if at is None:
        return None
    head, rest = " ".join(parts[:at]), " ".join(parts[at:])
    if not (_PROJECT_WORDS.search(head) or any(phrases.is_lot(p) for p in parts[:at])) \
            or _ORGANISATION_NAME.search(head):
        return None
    caller = _CALLER_FIRM.search(rest)
    # («…工程 来电企业说被废标了»: what the caller says, no firm's name)
    bidder = _OWN_FIRM.search(rest) or _BIDDER_NAMED.search(rest) or (
        caller if caller is not None and looks_like_firms_name(caller.group("name")) else None)
    told = _NOT_TOLD.sub(" ", rest.replace(bidder.group(0), " ") if bidder is not None else rest)
    lot = next((m for m in _LOT_TOLD.finditer(told) if phrases.is_lot(m.group("lot"))), None)
    if lot is not None and not any(phrases.is_lot(p) for p in parts[:at]) and not _LOT_IN.search(head):
        # («城南污水管网工程 我们是鑫源五金店 投的二标段»: the lot told after the firm is the project's — it was
        # dropped)
        head, told = f"{head} {lot.group('lot')}", told.replace(lot.group(0), " ")
    return FirmBeside(project=head, company=bidder.group("name") if bidder is not None else None,
                      phone=phrases.one_mobile_said(rest), contact=_contact_in(rest),
                      told=re.sub(r"\s+", " ", told).strip() if len(_letters(told)) >= FEW_WORDS_BESIDE else "")


#: The enterprise labelled and named, then the project labelled and named, in one reply («来电企业是恒达建设 项目是
#: 城南污水管网改造», «我们是鑫源五金店 投的是滨河路改造二标段»).
_FIRM_THEN_PROJECT = re.compile(r"^(?:来电(?:的)?(?:企业|公司|单位)|我们公司|我们的公司|我们|我司|本公司"
                                r"|(?:企业|公司|单位)(?:名称|名字|全称)?)(?:是|叫|为)?[::]?\s*"
                                r"(?P<firm>[^\s,,。;;]{2,30}?)[\s,,。;;]+(?:我们)?"
                                r"(?:(?:投的|投标的|参加的|报名的|报的)(?:是)?(?:(?:项目|工程|标段)(?:名称|名字)?(?:是"
                                r"|叫|为)?)?"
                                r"|(?:项目|工程|标段)(?:名称|名字)?(?:是|叫|为)?)[::]?\s*"
                                r"(?P<project>[^\s,,。;;][^。;;]*?)[\s,,。;;]*$")


def firm_then_project(said: str) -> tuple[str, str] | None:
    """The enterprise and the project when a reply labels and names both, the enterprise first («来电企业是恒达建设
    项目是城南污水管网改造» → (恒达建设, 城南污水管网改造)); None otherwise — never a phone or a contact in the
    project, nor another party («我们是招标代理…») as the enterprise."""
    found = _FIRM_THEN_PROJECT.match((said or "").strip())
    if found is None:
        return None
    firm, project = found.group("firm"), found.group("project").strip()
    if _OTHER_PARTY.search(firm) or not looks_like_firms_name(firm) or phrases.one_mobile_said(project) \
            or _CONTACT_AT.search(project) \
            or not (_PROJECT_WORDS.search(project) or phrases.is_lot(project)):
        return None
    return firm, project


#: A lot told as a word of its own, perhaps after what one did with it («投的二标段», «报的是第三标段»).
_LOT_TOLD = re.compile(r"(?:(?<=\s)|^)(?:我们)?(?:投的|报的|投了|报了|参加的|是)?(?:是)?"
                       r"(?P<lot>[^\s,,。;;]{2,6})(?=\s|$)")
#: A lot inside a project's name («…工程二标段»).
_LOT_IN = re.compile(r"标段|标包|包件|\d+标|[一二三四五六七八九十]+标")
#: Where a contact's label stands inside a reply («… 联系人是我们经理孙浩 电话…»).
_CONTACT_AT = re.compile(r"联系人|我叫|本人叫|我姓|免贵姓")


def _contact_in(rest: str) -> str | None:
    """The contact a reply's words after the project give («我姓黄 黄永盛», «联系人刘工 刘志强» → 刘志强,
    «联系人是我们经理孙浩» → 孙浩); None when they give none."""
    contact = phrases.stated_contact_name(rest)
    if contact is None and (label := _CONTACT_AT.search(rest)) is not None:
        part = re.split(_BETWEEN, rest[label.start():])[0]
        contact = phrases.contact_name_from(part) if phrases.labels_a_contact(part) else None
        contact = contact if contact and phrases.looks_like_person_name(contact) else None
    return phrases.name_after_post(contact, rest) if contact is not None else None


def contact_told(text: str) -> str | None:
    """The contact's name when a reply to a route question gives who to call — a name under its label, or a mobile
    number alone ('' then: the phone's own mapping takes it); None when it does not."""
    if phrases.is_a_mobile(text):
        return ""
    if _PROJECT_WORDS.search(text) or phrases.looks_like_company(text):
        return None
    if not phrases.labels_a_contact(text):
        # («刘工 18655554444»: a name and a number, no label, nothing else — it was filed as the project)
        named = phrases.name_given_with_phone(text)
        # («城投 186…», «李庄小学 186…»: a unit or a place with a number is no one to call)
        return named if named is not None and phrases.without_phone(text).strip() == named \
            and (phrases.has_title(named) or phrases.looks_like_person_name(named)) \
            and not phrases.names_an_organisation(named) else None
    return phrases.contact_name_from(text)


def may_tell_more_of_the_case(said: str) -> bool:
    """True when a reply to «哪个项目» names no project nor points at one («下周三就截标了»): perhaps more of the
    case."""
    return not _PROJECT_WORDS.search(said) and not re.search(r"那个|这个|的", said)


def code_alone(said: str) -> str | None:
    """The credit code when a reply is that code and hardly more («91321302MA1NR4JT0A»)."""
    code = credit_code_in(said)
    return code if code is not None and len(_letters(said)) <= len(code) + 4 else None


@dataclass(frozen=True)
class OwnFirm:
    """The enterprise's own name (and code, contact) told at «哪个项目» instead of the project."""

    name: str
    code: str | None
    contact: str | None


def own_firm_told(said: str) -> OwnFirm | None:
    """The enterprise's name (its code, a contact) when a reply to «哪个项目» gives them and no project
    («企业名称:安居装饰工程有限公司,联系人周经理,电话…», «宏达建设工程有限公司 9132…»); never an agent's
    («公司是恒信招标代理有限公司 他们不收保函»)."""
    code = credit_code_in(said)
    own = _OWN_FIRM.search(said)
    stated = own.group("name") if own is not None else phrases.stated_company_name(said) if code else None
    if not stated:
        return None
    rest = said.replace(stated, " ")
    # (what is said besides the name and the code, their labels aside: «公司是… 统一社会信用代码…»)
    besides = _CODE_LABEL.sub("", _letters(rest.replace(code or "", "")))
    if (code is not None and len(besides) > FEW_WORDS_BESIDE) or _PROJECT_WORDS.search(rest) \
            or _OTHER_PARTY.search(stated + rest):
        return None
    contact = phrases.stated_contact_name(rest) if phrases.gives_form_values(rest) else None
    return OwnFirm(name=stated, code=code, contact=contact)


def firm_without_code(said: str) -> str | None:
    """The enterprise's registered name when a reply gives it and says its code is not at hand («宏图建设工程有限公司
    信用代码没带»); never another party's («恒信招标代理有限公司 他们的代码不知道»)."""
    firm, _, remark = said.strip().partition(" ")
    taken = _REGISTERED_FIRM_END.search(firm) and phrases.code_not_at_hand(remark)
    return firm if taken and not _OTHER_PARTY.search(firm + remark) else None


def names_an_organisation_only(said: str) -> bool:
    """True when a reply to «哪个项目» is an organisation's name and no project's («宿迁恒顺建筑安装有限公司»; a
    registered firm's name with its trade's 工程 inside, «宿城区华建市政工程有限公司», too)."""
    said = said.strip()
    return bool(_ORGANISATION_NAME.search(said)) and (
        not _PROJECT_WORDS.search(said) or bool(_REGISTERED_FIRM_END.search(said)))


def tenderer_said(value: str) -> str | None:
    """The tenderer as a reply to «招标人是哪家» gives it: a unit guessed after not knowing taken alone («招标人是谁我也
    不太清楚 好像是区教育局» → 区教育局), particles and question marks dropped («…城投公司吧», «是市住建局吗»); None
    when the reply asks a question of its own instead («投诉完会不会被他们拉黑啊»)."""
    text = re.sub(r"[吧啊呀呢]+$", "", value.strip())  # («…下面的城投公司吧»: the name, not its 吧)
    # («交通局那个项目», «就是交通局»: the unit, not the words pointing at its project or the filler before it)
    text = re.sub(r"^(?:就是|应该是|好像是)(?=\S{2})", "", text)
    text = re.sub(r"(?<=\S{2})(?:那个|这个|的)(?:项目|工程|标)$", "", text)
    guessed = _GUESSED_UNIT.search(text)
    if guessed is not None and phrases.says_not_known(text[:guessed.start()] or text):
        return guessed.group("unit")
    if is_question(text) and not phrases.looks_like_company(text) and not _UNIT_NAMED.fullmatch(re.sub(
            r"[吗么嘛吧呢??\s]+$", "", re.sub(r"^(?:招标人|招标单位)?(?:是|就是|叫)?", "", text))):
        return None
    return re.sub(r"[吗么嘛呢??]+$", "", text).strip() or text


#: The department supervising the project told in its place, and nothing else («是住建局监管的房建项目», «住建部门
#: 监管的»): no tenderer (never «市水务局管网中心», «国资委管的市城投集团»: a unit named).
_SUPERVISOR_TOLD = re.compile(r"(?:就|应该)?(?:是|归|由)?[\u4e00-\u9fff]{1,6}?(?:局|委|部门)(?:负责)?(?:监管"
                              r"|主管)(?:的)?"
                              r"(?:[\u4e00-\u9fff]{0,6}?(?:项目|工程))?(?:吧|啊)?")


def supervisor_told(text: str) -> bool:
    """True when a reply to «招标人是哪家» tells the department supervising the project and names no tenderer."""
    return bool(_SUPERVISOR_TOLD.fullmatch(re.sub(r"[\s,,。.!!]+", "", text or "")))


def names_a_department(tenderer: str) -> bool:
    """True when the tenderer named is a department of the government («交通局»), whose sector names the department that
    supervises it — never a place («码头街道办事处») whose words only sound like a sector's."""
    return bool(re.search(r"局$", tenderer or ""))


def unit_beside_phone(text: str) -> str | None:
    """The unit a reply names beside a phone («招标人是市水务局 联系电话139…» → 市水务局); None when it names none."""
    unit = _UNIT_NAMED.search(phrases.without_phone(text))
    return unit.group(0) if unit is not None else None


@dataclass(frozen=True)
class AgentNamed:
    """A tender agent named at «招标人是哪家»: its name, what goes into the case, and the tenderer when it was labelled
    before the agent (None: not told)."""

    name: str
    told: str
    tenderer: str | None


def agent_named(text: str) -> AgentNamed | None:
    """The tender agent a reply to «招标人是哪家» names («他们是招标代理公司叫恒信招标 不让我们用保函»: no tenderer
    told; «招标人是市卫健委 代理是中诚招标代理公司»: the tenderer, then the agent); None when it names none, or
    the agent comes before the tenderer's label (the whole is the tenderer's)."""
    agent = _AGENT_NAMED.search(text)
    if agent is None:
        return None
    name = agent.group("name") or agent.group("said")
    label = _TENDERER_LABEL.search(text)
    if label is None:
        rest = (text[:agent.start()] + " " + text[agent.end():]).strip()
        told = f"招标代理机构:{name}" + (f";{rest}" if len(_letters(rest)) >= FEW_WORDS_BESIDE else "")
        return AgentNamed(name=name, told=told, tenderer=None)
    if label.start() >= agent.start():
        return None
    after = text[agent.end():].strip()
    told = f"招标代理机构:{name}" + (f";{after}" if len(_letters(after)) >= FEW_WORDS_BESIDE // 2 else "")
    return AgentNamed(name=name, told=told, tenderer=_AGENT_LABEL_END.sub("", text[:agent.start()]).strip())


def case_beside_project(said: str) -> tuple[str, str]:
    """The project a reply names as a word of its own and the rest told of the case («就刚才说的 城南污水管网项目
    招标代理公司不收保函»); the whole reply and nothing told when it names none."""
    named = project_named_in(said)
    told = said.replace(named, " ").strip() if named else ""
    return (named, told) if named and told else (said, "")
