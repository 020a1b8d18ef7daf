"""The route's part of taking down a ticket: 直通市长, 招标投标投诉 and 特邀监督员.

``action_start_ticket`` reads the first message with :func:`bot.routes.recognise`
(the console's assist view reads a caller's words with the same function);
:class:`RouteQuestions` adds to ``validate_ticket_form`` what each route needs and only
that: the mayor's grade (紧急 explained), a bidding complaint's project/标段, tenderer
and — when the words do not tell it — the kind of project (which decides the 行业监督部门);
a supervisor is not asked for a company. The summary states the rule and the due date;
a supervisor claim is checked against the office's register by the phone given.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.services import in_thread, now, region_of, ticket_service
from bot.config import get_settings
from bot.conversation import history, phrases
from bot.conversation.answering import response_texts
from bot.conversation.chat_format import NOT_GIVEN, UNKNOWN_DEPARTMENT
from bot.db import StoreUnavailable
from bot.knowledge.errors import KnowledgeError
from bot.language.interpret import is_question
from bot.routes import RouteLexicon, bidding_department, load_routes, recognise, sector_of
from bot.routes.rules import (
    grade_from,
    grade_left_to_us,
    project_and_tenderer,
    project_labelled,
    rule_label,
    rule_now,
    sector_from,
    summary_lines,
    tenderer_from,
    tenderer_only,
)
from bot.sla import MayorGrade, Route, select_policy
from bot.tickets.dates import date_text
from bot.validation import (
    ValidationError,
    clean_company_name,
    clean_description,
    clean_text,
    credit_code_in,
    mobile_in,
    normalize_credit_code,
)

logger = logging.getLogger(__name__)

#: The route's slots, emptied with the rest of the draft.
ROUTE_SLOTS = ("ticket_route", "mayor_grade", "bid_project", "tenderer", "bid_sector")
BID_TEXT_MAX = 100
#: Recorded in ``bid_sector`` when the enterprise does not know the kind of project.
UNKNOWN_SECTOR = "unknown"
#: The questions of the route's slots, asked by the form (``utter_ask_<slot>``) once
#: :func:`required_for_route` adds the slot (named here so scripts/validate_data.py sees them).
ROUTE_QUESTIONS = ("utter_ask_mayor_grade", "utter_ask_bid_project", "utter_ask_tenderer", "utter_ask_bid_sector")


@functools.lru_cache(maxsize=1)
def routes() -> RouteLexicon:
    """The route words (``knowledge/ticket_routes.yml``), loaded once."""
    return load_routes(get_settings().knowledge_dir)


def route_of(tracker: Tracker) -> Route:
    """The draft's route (the ordinary one when none was recognised)."""
    try:
        return Route(tracker.get_slot("ticket_route") or Route.WINDOW.value)
    except ValueError:
        return Route.WINDOW


def route_slots(text: str, department: str | None) -> dict[str, Any]:
    """The route ``text`` asks for (``ticket_route``) and, for a bidding complaint, its department.

    A bidding complaint goes to the 行业监督部门 of its project (never the trading
    centre the words may name): decided here when the words tell the kind of project.
    """
    try:
        hint = recognise(routes(), text)
    except KnowledgeError:
        logger.exception("route words failed to load; the ordinary rule applies")
        return {"ticket_route": Route.WINDOW.value}
    slots: dict[str, Any] = {"ticket_route": hint.route.value}
    if hint.route is Route.BIDDING:
        chosen = bidding_department(routes(), hint, department)
        if hint.sector is not None or chosen is None:
            slots["department"] = chosen
    return slots


def start_events(text: str, department: str | None) -> list[EventType]:
    """The route of a new draft from its first message; a bidding complaint's department."""
    return [SlotSet(name, value) for name, value in route_slots(text, department).items()]


def route_told_later(tracker: Tracker, description: str) -> dict[str, Any]:
    """The route a case told at «请具体说说情况» asks for, when the first message told none («我要投诉»,
    then «…开标以后投标保证金到现在还没退»: the bidding clock; «…我要找市长反映»: the mayor's);
    nothing when the draft already has a route of its own or the case asks for none."""
    if route_of(tracker) is not Route.WINDOW or tracker.get_slot("requested_slot") != "description":
        return {}
    found = route_slots(description, tracker.get_slot("department"))
    return found if found.get("ticket_route") != Route.WINDOW.value else {}


def project_told(tracker: Tracker, description: str, route: dict[str, Any]) -> dict[str, Any]:
    """The bidding project a case told at «请具体说说情况» names, taken for the project's question (with the
    department of its sector), when the draft is a bidding complaint whose project is not known yet."""
    bidding = route.get("ticket_route", tracker.get_slot("ticket_route")) == Route.BIDDING.value
    project = project_named_in(description) if bidding and not tracker.get_slot("bid_project") else None
    if project is None:
        return {}
    found: dict[str, Any] = {"bid_project": project}
    if tracker.get_slot("department") not in routes().supervising_departments:
        sector = sector_of(routes(), project, description)
        if sector is not None:
            found["department"] = sector.department
    return found


#: A project named as a word of its own in a case told («就刚才说的 城南污水管网项目 招标代理公司不收保函»): its name,
#: then 项目/工程 and perhaps its lot; never «这个项目», «我们投的工程», nor an organisation's name.
# (no words of a story inside: «…说必须交现金才能参加项目», «代理说要等甲方结算完工程», «城投公司的项目»; nor a firm's
# trade, «宿城区华建市政工程»)
_PROJECT_NAMED = re.compile(r"(?!这个|那个|这|该|本|我们|你们|他们|投标|招标|一个|某)"
                            r"(?:(?![说要等交参必能会让给把被了的是在完才和跟没不])[\u4e00-\u9fff\dA-Za-z()()]){4,30}?"
                            r"(?<!市政|建设|建筑|安装|装饰|水利|园林|路桥|电力|机电)"
                            r"(?:项目|工程)(?:第?[一二三四五六七八九十\d]+(?:标段|包|标))?")


_END_MARKS = "。.;; "


def join_description(before: str, more: str) -> str | None:
    """The description with ``more`` added after it (None: it would be too long to keep)."""
    try:
        return clean_description(f"{before.rstrip(_END_MARKS)};{more.strip()}")
    except ValidationError:
        return None


def grade_said(tracker: Tracker, grade: str) -> str:
    """The mayor's grade as its rule names it («直通市长(事实清楚、情况紧急) · 2个工作日»), from the policy file."""
    policy_id = select_policy(tracker.get_slot("ticket_type") or "complaint", Route.MAYOR, MayorGrade(grade))
    return rule_label(ticket_service().clock.policy(policy_id))


def told_beside(dispatcher: CollectingDispatcher, tracker: Tracker, told: str) -> dict[str, Any]:
    """``told`` — more of the case, typed beside or instead of a form's answer — added to what happened, and said so;
    ``{}`` when there is nothing to add it to, it is there already, or the whole would be too long."""
    description = tracker.get_slot("description")
    if not description or not told.strip() or told.strip() in description:
        return {}
    joined = join_description(description, told)
    if joined is None:
        return {}
    dispatcher.utter_message(response="utter_description_added")
    return {"description": joined}


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


#: Questions whose answers name another organisation (the tenderer): a company found in
#: them by the NLU is not the enterprise's name.
ROUTE_ANSWERS = ("bid_project", "tenderer")


def value_before_this_turn(tracker: Tracker, slot: str) -> Any:
    """The value ``slot`` had before the latest user message (entity mappings may have changed it)."""
    return history.value_before_this_turn(tracker.events, slot)


def keeps_company_name(tracker: Tracker) -> bool:
    """True while a route question is answered: «招标人是示例市城投集团» names no enterprise."""
    return tracker.get_slot("requested_slot") in ROUTE_ANSWERS


def required_for_route(tracker: Tracker, slots: list[str]) -> list[str]:
    """The form's questions for the draft's route (see the module doc)."""
    route = route_of(tracker)
    slots = list(slots)

    def after_description(*added: str) -> None:
        at = slots.index("description") + 1 if "description" in slots else 0
        slots[at:at] = [name for name in added if name not in slots]

    if route is Route.MAYOR:
        after_description("mayor_grade")
    elif route is Route.BIDDING:
        after_description("bid_project", "tenderer")
        if "department" in slots:
            known = tracker.get_slot("department") in routes().supervising_departments
            slots.remove("department")
            if not known:
                slots.insert(slots.index("ticket_confirmed") if "ticket_confirmed" in slots else len(slots),
                             "bid_sector")
    elif route is Route.SUPERVISOR:
        slots = [name for name in slots if name not in ("company_name", "credit_code")]
    return slots


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
#: At most so many characters said besides the enterprise's name and code keep them a value told early.
_FEW_WORDS_BESIDE = 8


#: The enterprise's own name, labelled as such right before it («企业名称:安居…有限公司», «我们是华宇建设有限公司»):
#: not a tenderer's or an agent's («我们公司投的 … 代理是华信招标有限公司» labels no name).
_OWN_FIRM = re.compile(r"(?:(?:企业|公司|单位)(?:名称|名字|全称)\s*[::是为]?|我们是|我司是?|本公司是?|俺们是"
                       # («公司是新乡华鼎智能科技有限公司 统一社会信用代码…»: said first, it is the enterprise's own)
                       r"|^(?:我们|我们的)?(?:公司|企业|单位)(?:是|叫)"
                       # («公司新乡市华泰建设工程有限公司 联系人杜峰 电话…»: the label, then the registered name)
                       r"|^(?:公司|企业)(?=\s*[\u4e00-\u9fff()()]{2,30}?(?:有限责任公司|股份有限公司|有限公司)))\s*"
                       r"(?P<name>[\u4e00-\u9fff()()]{2,30}?(?:有限责任公司|股份有限公司|有限公司|集团|公司|厂|店|合作社))")


#: How a value taken before its own question is named when it is said to be taken down.
_NOTED = {"credit_code": "统一社会信用代码", "contact_name": "联系人", "company_name": "企业名称"}


#: An organisation named in a reply («市水务局», «市城投公司»): what ends like one, the words before it included.
_UNIT = r"[\u4e00-\u9fff]{2,20}?(?:局|委|委员会|公司|集团|中心|院|学校|医院|政府|办事处|管委会|所)"
_UNIT_NAMED = re.compile(_UNIT)
#: Not knowing for sure («不太清楚», «记不清了», «不确定»).
_NOT_SURE = re.compile(r"不(?:太|大)?(?:清楚|知道|确定|记得)|记不清|说不准|拿不准|忘了")
#: A unit guessed after not knowing («…也不太清楚 好像是区教育局», «可能是市城投吧»).
_GUESSED_UNIT = re.compile(r"(?:好像是|可能是|应该是|大概是|估计是|似乎是)(?P<unit>" + _UNIT + ")")


#: Where the enterprise's own details start after a project named («… 我们公司叫…», «… 投标单位是…», «… 联系人…»).
_FIRM_STARTS = re.compile(r"^(?:(?:我们|我们的|我司|本公司|我们公司)(?:叫|是|名称是|全称是|名字叫)"
                          r"|公司(?:叫|名称是|全称是)|投标单位|投标人是|联系人|我姓|我叫|本人姓|电话|手机|1[3-9]\d{9}$)")
#: The contact and phone given beside the firm, taken by their own questions (never told again as the case).
_NOT_TOLD = re.compile(r"(?:联系人|我姓|我叫|本人姓)[\u4e00-\u9fff]{1,4}(?:\s+[\u4e00-\u9fff]{2,3}(?=\s|$))?"
                       r"|(?:电话|手机|手机号)?[::]?\s*1[3-9]\d{9}")
#: The bidder named in so many words («投标单位是正泰建工有限公司»).
_BIDDER_NAMED = re.compile(r"(?:投标单位|投标人)(?:是|为|叫|:|:)?\s*(?P<name>[\u4e00-\u9fff()()]{2,30}?"
                           r"(?:有限责任公司|股份有限公司|有限公司|集团|公司|厂|店))")
#: A post said before the name («老板周建», «经理孙浩»): the name is what follows.
_POST_BEFORE_NAME = re.compile(r"^(?:老板|经理|总经理|会计|财务|负责人|经办人|主任|老总)")


def names_a_project_or_unit(slot: str, text: str) -> bool:
    """True when a reply to a bidding question names what it asks, however unsure («城东水厂扩建工程施工 标段是几标来着
    好像是二标段», «招标人是不是叫城投公司»): a value, never a question to answer instead."""
    if slot == "bid_project":
        return bool(_PROJECT_WORDS.search(text)) or any(phrases.is_lot(w) for w in re.split(r"[\s,,。;;]+", text))
    return bool(_UNIT_NAMED.search(text)) and not re.search(r"保险公司|银行", text)


def _sector_department(tracker: Tracker, project: str) -> dict[str, Any]:
    """The supervising department of the project's sector, when the draft has none of the supervising ones yet."""
    if tracker.get_slot("department") in routes().supervising_departments:
        return {}
    sector = sector_of(routes(), project, tracker.get_slot("description"))
    return {"department": sector.department} if sector is not None else {}


def _project_then_firm(said: str) -> tuple[str, str] | None:
    """The project named first and the words after it that give the enterprise's own details, when a reply to
    «哪个项目、哪个标段» gives both; None otherwise."""
    parts = [p for p in re.split(r"[\s,,。;;]+", said.strip()) if p]
    at = next((i for i, part in enumerate(parts) if i and _FIRM_STARTS.match(part)), None)
    if at is None:
        return None
    head, rest = " ".join(parts[:at]), " ".join(parts[at:])
    if not (_PROJECT_WORDS.search(head) or any(phrases.is_lot(p) for p in parts[:at])) \
            or _ORGANISATION_NAME.search(head):
        return None
    return head, rest


def _contact_told(text: str) -> str | None:
    """The contact's name when a reply to a route question gives who to call — a name under its label, or a mobile
    number alone ('' then: the phone's own mapping takes it); None when it does not."""
    if phrases.is_a_mobile(text):
        return ""
    if _PROJECT_WORDS.search(text) or phrases.looks_like_company(text) or not phrases.labels_a_contact(text):
        return None
    return phrases.contact_name_from(text)


def _contact_early(dispatcher: CollectingDispatcher, tracker: Tracker, contact: str) -> dict[str, Any]:
    """The contact's name told early, kept (nothing for a phone alone: its own mapping takes it)."""
    return _taken_early(dispatcher, tracker, "contact_name", contact) if contact else {}


def _taken_early(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, value: str) -> dict[str, Any]:
    """A value of the enterprise's typed at a route question («许经理», its credit code): kept for its own question
    (when that is not answered yet, and the code valid), said so; the route question is asked again."""
    if tracker.get_slot(slot):
        return {}
    try:
        if slot == "credit_code":
            value = normalize_credit_code(value)
        elif slot == "company_name":
            value = clean_company_name(value)
    except ValidationError:
        return {}
    dispatcher.utter_message(response="utter_value_noted", field=_NOTED[slot], value=value)
    return {slot: value}


class RouteQuestions:
    """The route's questions, mixed into ``validate_ticket_form`` (which provides ``_answer``)."""

    #: ``ValidateTicketForm._answer`` (declared here for the type checker; the form defines it).
    _answer: Callable[[Tracker, str], dict[str, Any]]
    #: ``ValidateTicketForm._told_more``: more of the case told at a question, added to what happened.
    _told_more: Callable[[CollectingDispatcher, Tracker, str], dict[str, Any] | None]

    async def extract_mayor_grade(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        return self._answer(tracker, "mayor_grade")

    async def extract_bid_project(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        return self._answer(tracker, "bid_project")

    async def extract_tenderer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> dict[str, Any]:
        return self._answer(tracker, "tenderer")

    async def extract_bid_sector(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        return self._answer(tracker, "bid_sector")

    def validate_mayor_grade(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {"mayor_grade": None}
        if value in {g.value for g in MayorGrade}:
            return {"mayor_grade": value}
        grade = grade_from(str(value))
        if grade is None and grade_left_to_us(str(value)):
            # «不知道算哪种 你看着办»: not known — the general grade, said to be a default (it asked again without end)
            dispatcher.utter_message(response="utter_mayor_grade_default")
            return {"mayor_grade": MayorGrade.GENERAL.value}
        if grade is None and (added := self._told_more(dispatcher, tracker, "mayor_grade")) is not None:
            # «对了还有住建局那边 消防验收也是一直拖着» at «请选紧急、一般或复杂»: more of the case (it was dropped, the
            # grade asked again) — added to what happened, said, and the grade asked again
            return added
        if grade is None:
            text = str(value)
            if not (phrases.gives_form_values(text) or phrases.stated_company_name(text) or phrases.is_skip(text)
                    or phrases.is_confirm(text) or phrases.names_an_organisation(text)
                    or phrases.looks_like_company(text)):
                # (another question's answer typed here — «恒通物流有限公司», «陈经理 138…», «交通局», «跳过» — is
                # taken by its own mapping; the grade is asked again once, not told wrong and asked twice)
                dispatcher.utter_message(response="utter_invalid_mayor_grade")
            return {"mayor_grade": None}
        return {"mayor_grade": grade.value}

    def validate_bid_project(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        if value is None or phrases.carries_no_value(str(value)):
            # («我要投诉他们» at «哪个项目、哪个标段»: no project — it was filed as one; asked again)
            return {"bid_project": None}
        if (alone := tenderer_only(str(value))) is not None:
            # «招标人是市交通局下面的公路事业发展中心» at «哪个项目、哪个标段» (it was lost, and the tenderer asked
            # three times): the tenderer, kept and said; the project asked again
            dispatcher.utter_message(response="utter_value_noted", field="招标人", value=alone)
            return {"bid_project": None, "tenderer": alone}
        said, tenderer = project_and_tenderer(str(value))
        if (split := _project_then_firm(said)) is not None:
            # «滨河路雨污分流改造二标段 我们公司叫鑫源五金店 我姓黄 黄永盛 电话136…» at «哪个项目、哪个标段»: the
            # project, then the enterprise and who to call (all of it was filed as the project, the phone unmasked)
            project, rest = split
            bidder = _OWN_FIRM.search(rest) or _BIDDER_NAMED.search(rest)
            found: dict[str, Any] = {"bid_project": project}
            if bidder is not None:
                found.update(_taken_early(dispatcher, tracker, "company_name", bidder.group("name")))
            if (mobile := phrases.one_mobile_said(rest)) is not None and not tracker.get_slot("phone"):
                found["phone"] = mobile  # («城南污水管网工程 手机136… 刘工»: the number, never dropped)
            contact = phrases.stated_contact_name(rest)
            if contact is not None:
                found.update(_taken_early(dispatcher, tracker, "contact_name", _POST_BEFORE_NAME.sub("", contact)))
            if tenderer and tracker.get_slot("requested_slot") == "bid_project":
                found.update(self.validate_tenderer(tenderer, dispatcher, tracker, domain))
            told = _NOT_TOLD.sub(" ", rest.replace(bidder.group(0), " ") if bidder is not None else rest)
            if len(re.sub(r"[\W_]", "", told)) >= _FEW_WORDS_BESIDE:
                # («…二标段 我们公司是第一中标候选人 结果被换掉了»: what else is told goes into what happened)
                found.update(told_beside(dispatcher, tracker, re.sub(r"\s+", " ", told).strip()))
            return {**found, **_sector_department(tracker, project)}
        if (contact := _contact_told(said)) is not None:
            # «联系人刘工 刘志强», «13623731688» at «哪个项目、哪个标段»: who to call, told early (it became the
            # project, and the phone the tenderer) — kept for its question (the phone by its own mapping), the project
            # asked again
            return {"bid_project": None, **_contact_early(dispatcher, tracker, contact)}
        if not tenderer and not _PROJECT_WORDS.search(said) and not re.search(r"那个|这个|的", said) \
                and (added := self._told_more(dispatcher, tracker, "bid_project")) is not None:
            # «下周三就截标了» at «哪个项目、哪个标段»: more of the case (it was filed as the project)
            return added
        code = credit_code_in(said)
        if code is not None and len(re.sub(r"[\W_]", "", said)) <= len(code) + 4:
            # «91321302MA1NR4JT0A» at «哪个项目、哪个标段»: the enterprise's code told early (it became the project)
            return {"bid_project": None, **_taken_early(dispatcher, tracker, "credit_code", code)}
        own = _OWN_FIRM.search(said)
        stated = own.group("name") if own is not None else phrases.stated_company_name(said) if code else None
        rest = said.replace(stated, " ") if stated else said
        # (what is said besides the name and the code, their labels aside: «公司是… 统一社会信用代码…»)
        besides = _CODE_LABEL.sub("", re.sub(r"[\W_]", "", rest.replace(code or "", "")))
        if stated and not tenderer and (code is None or len(besides) <= _FEW_WORDS_BESIDE) \
                and not _PROJECT_WORDS.search(rest) and not _OTHER_PARTY.search(stated + rest):
            # (never an agent's: «公司是恒信招标代理有限公司 他们不收保函»)
            # «企业名称:安居装饰工程有限公司,联系人周经理,电话…» (a 12345 agent's note), «宏达建设工程有限公司 9132…»
            # at «哪个项目、哪个标段»: the enterprise told early (it became the project, and every later answer one
            # field off); its name and code kept for their questions, the project asked again
            early = {"bid_project": None, **_taken_early(dispatcher, tracker, "company_name", stated)}
            if code is not None:
                early.update(_taken_early(dispatcher, tracker, "credit_code", code))
            if phrases.gives_form_values(rest) and (contact := phrases.stated_contact_name(rest)) is not None:
                # («公司新乡市华泰建设工程有限公司 联系人杜峰 电话…»: who to call, beside the name — it was filed within
                # the project)
                early.update(_taken_early(dispatcher, tracker, "contact_name", contact))
            return early
        firm, _, remark = said.strip().partition(" ")
        if not tenderer and _REGISTERED_FIRM_END.search(firm) and phrases.code_not_at_hand(remark) \
                and not _OTHER_PARTY.search(firm + remark):
            # (never an agent's or another party's: «恒信招标代理有限公司 他们的代码不知道»)
            # «宏图建设工程有限公司 信用代码没带» at «哪个项目、哪个标段»: the enterprise's name, its code not at
            # hand (it became the project, and every later answer one field off) — kept for their questions, the
            # project asked again
            return {"bid_project": None, **_taken_early(dispatcher, tracker, "company_name", firm),
                    **({} if tracker.get_slot("credit_code") else {"credit_code": NOT_GIVEN})}
        if not tenderer and _ORGANISATION_NAME.search(said.strip()) and (
                not _PROJECT_WORDS.search(said) or _REGISTERED_FIRM_END.search(said.strip())):
            # («宿城区华建市政工程有限公司»: a registered firm's name, its trade's 工程 inside, is no project's)
            # «宿迁恒顺建筑安装有限公司» at «哪个项目、哪个标段»: an organisation's name, no project (it was filed as
            # the project); said that the names are asked next (never taken for the enterprise's: it may be the
            # tenderer's or the agent's), and the project asked again (once: the reply no longer asks it too)
            dispatcher.utter_message(response="utter_bid_project_is_a_name", name=said.strip()[:30])
            return {"bid_project": None}
        named = project_named_in(said)
        told = said.replace(named, " ").strip() if named and not tenderer else ""
        try:
            # («就刚才说的 城南污水管网项目 招标代理公司不收保函» at «哪个项目»: the project named, the rest told of the
            # case — all of it was filed as the project)
            project = clean_text(named if told else said, BID_TEXT_MAX, min_len=2, single_line=True)
        except ValidationError:
            dispatcher.utter_message(response="utter_invalid_bid_project")
            return {"bid_project": None}
        result: dict[str, Any] = {"bid_project": project}
        if told and len(re.sub(r"[\W_]", "", told)) >= 4:
            result.update(told_beside(dispatcher, tracker, told))
        if tenderer and tracker.get_slot("requested_slot") == "bid_project":
            # «项目是滨河路排水改造工程一标段 招标人是示例市市政公用集团»: each in its own field, the tenderer not asked
            result.update(self.validate_tenderer(tenderer, dispatcher, tracker, domain))
        return {**result, **_sector_department(tracker, project)}

    def validate_tenderer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: DomainDict) -> dict[str, Any]:
        if value is None or phrases.carries_no_value(str(value)):
            return {"tenderer": None}
        text = re.sub(r"[吧啊呀呢]+$", "", str(value).strip())  # («…下面的城投公司吧»: the name, not its 吧)
        guessed = _GUESSED_UNIT.search(text)
        if guessed is not None and _NOT_SURE.search(text[:guessed.start()] or text):
            # «招标人是谁我也不太清楚 好像是区教育局»: the unit guessed, not the words around it (filed whole)
            text = guessed.group("unit")
        elif is_question(text) and not phrases.looks_like_company(text) and not _UNIT_NAMED.fullmatch(re.sub(
                r"[吗么嘛吧呢??\s]+$", "", re.sub(r"^(?:招标人|招标单位)?(?:是|就是|叫)?", "", text))):
            # «投诉完会不会被他们拉黑啊» at «招标人是哪家» (filed as the tenderer): a question, asked again (one of the
            # ticket is answered first: ValidateTicketForm.run; «是市住建局吗» names the unit, unsure: taken)
            return {"tenderer": None}
        text = re.sub(r"[吗么嘛呢??]+$", "", text).strip() or text
        if text == NOT_GIVEN or phrases.is_skip(text) or phrases.lacks_value(text):
            # «没有代码», «招标人不清楚» at «招标人是哪家»: not known (it was filed as the tenderer)
            return {"tenderer": NOT_GIVEN}
        if (contact := _contact_told(text)) is not None:
            # «13623731688», «联系人刘志强» at «招标人是哪家» (the phone was filed as the tenderer)
            return {"tenderer": None, **_contact_early(dispatcher, tracker, contact)}
        if mobile_in(text) is not None:
            # «招标人他不清楚 他说你们有事打他电话 15995106632 他姓钟» (a hotline agent): who to call, no tenderer — it
            # was filed whole, the phone shown unmasked; not known when it says so (the phone: its own mapping); a unit
            # named with its phone («招标人是市水务局 联系电话139…») is the tenderer, without the phone
            unit = _UNIT_NAMED.search(phrases.without_phone(text))
            if unit is None:
                return {"tenderer": NOT_GIVEN if phrases.says_not_known(text) else None}
            text = unit.group(0)
        if (project := project_labelled(text)) is not None:
            # «项目是市二中体育馆 住建局监管的» at «招标人是哪家»: the project put right (it became the tenderer), the
            # tenderer asked again
            if project != tracker.get_slot("bid_project"):
                dispatcher.utter_message(response="utter_form_value_corrected", field="项目/标段", value=project)
            return {"tenderer": None, "bid_project": project}
        if not phrases.looks_like_company(text) and phrases.looks_like_person_name(text) and phrases.has_title(text):
            # «许经理» at «招标人是哪家»: who to call, no organisation (it became the tenderer)
            return {"tenderer": None, **_taken_early(dispatcher, tracker, "contact_name", text.strip())}
        code = credit_code_in(text)
        if code is not None and len(re.sub(r"[\W_]", "", text)) <= len(code) + 4:
            return {"tenderer": None, **_taken_early(dispatcher, tracker, "credit_code", code)}
        if (agent := _AGENT_NAMED.search(text)) is not None and not _TENDERER_LABEL.search(text):
            # «他们是招标代理公司叫恒信招标 不让我们用保函 非要打现金过去» at «招标人是哪家»: the agent, not the
            # tenderer (the whole sentence became the tenderer, the agent complained of nowhere) — the agent and what
            # else was told go into what happened, said so, and the tenderer is asked again
            name = agent.group("name") or agent.group("said")
            rest = (text[:agent.start()] + " " + text[agent.end():]).strip()
            told = f"招标代理机构:{name}" + (f";{rest}" if len(re.sub(r"[\W_]", "", rest)) >= _FEW_WORDS_BESIDE else "")
            joined = join_description(tracker.get_slot("description") or "", told)
            dispatcher.utter_message(response="utter_bid_agent_noted", agent=name)
            return {"tenderer": None, **({"description": joined} if joined else {})}
        if agent is not None and (label := _TENDERER_LABEL.search(text)) is not None and label.start() < agent.start():
            # «招标人是市卫健委 代理是中诚招标代理公司»: the tenderer ends where the agent is named (it was filed
            # whole); the agent goes into what happened
            name = agent.group("name") or agent.group("said")
            after = text[agent.end():].strip()
            more = len(re.sub(r"[\W_]", "", after)) >= _FEW_WORDS_BESIDE // 2
            told = f"招标代理机构:{name}" + (f";{after}" if more else "")
            joined = join_description(tracker.get_slot("description") or "", told)
            text = _AGENT_LABEL_END.sub("", text[:agent.start()]).strip()
            if joined:
                dispatcher.utter_message(response="utter_description_added")
            try:
                return {"tenderer": clean_text(tenderer_from(text), BID_TEXT_MAX, single_line=True),
                        **({"description": joined} if joined else {})}
            except ValidationError:
                dispatcher.utter_message(response="utter_invalid_tenderer")
                return {"tenderer": None}
        try:
            return {"tenderer": clean_text(tenderer_from(text), BID_TEXT_MAX, single_line=True)}
        except ValidationError:
            dispatcher.utter_message(response="utter_invalid_tenderer")
            return {"tenderer": None}

    def validate_bid_sector(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                            domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {"bid_sector": None}
        if value == UNKNOWN_SECTOR or routes().sector(str(value)) is not None:
            return {"bid_sector": value}
        answered, sector = sector_from(routes(), str(value))
        if not answered:
            dispatcher.utter_message(response="utter_ask_bid_sector")
            return {"bid_sector": None}
        if sector is None:
            return {"bid_sector": UNKNOWN_SECTOR, "department": UNKNOWN_DEPARTMENT}
        return {"bid_sector": sector.id, "department": sector.department}


@dataclass
class RouteSummary:
    """What the summary adds for the route, and the events that go with it."""

    values: dict[str, str]
    events: list[EventType] = field(default_factory=list)


def _registered_supervisor(phone: str | None, region: str) -> Any | None:
    return ticket_service().supervisor_of(phone or "", region)


#: How the date the draft would get is said (``{due}`` of the summary): a one-stage clock, and a clock
#: of several stages (招标投标投诉: 受理审查, then 作出处理决定), whose date is the first stage's and says so
#: (it had read as the date of the whole handling); a draft without a clock yet (``utter_due_undecided``).
DUE_IF_FILED_NOW = "utter_due_if_filed_now"
DUE_OF_STAGE_IF_FILED_NOW = "utter_due_of_stage_if_filed_now"
DUE_UNDECIDED = "utter_due_undecided"
PROVISIONAL = "utter_due_provisional"


def rule_values(tracker: Tracker, ticket_type: str, domain: DomainDict,
                route: Route | None = None) -> dict[str, str]:
    """The time limit rule the draft would get now, its due date and whether that is an estimate
    (``rule``, ``due``, ``provisional`` of the summary's response), in ``domain``'s wording."""
    route = route_of(tracker) if route is None else route
    grade_value = tracker.get_slot("mayor_grade")
    grade = MayorGrade(grade_value) if route is Route.MAYOR and grade_value in {g.value for g in MayorGrade} else None
    rule = rule_now(ticket_service().clock, ticket_type, route, grade, now())
    said = response_texts(domain)
    stages = rule.policy.stages
    if rule.due is None:
        due = said[DUE_UNDECIDED]
    elif len(stages) > 1:
        due = said[DUE_OF_STAGE_IF_FILED_NOW].format(date=date_text(rule.due), stage=stages[0].name)
    else:
        due = said[DUE_IF_FILED_NOW].format(date=date_text(rule.due))
    return {"rule": rule.policy.user_text, "due": due, "provisional": said[PROVISIONAL] if rule.provisional else ""}


async def checked_claim(dispatcher: CollectingDispatcher, tracker: Tracker,
                        phone: str | None) -> tuple[dict[str, Any], str | None]:
    """A 特邀监督员 claim checked against the office's register by ``phone``, as soon as the phone
    identifies the speaker: the slots to set and the supervisor's name when registered.

    Not registered: said so at once, and the draft goes on the ordinary rule (the speaker stands
    for no enterprise, so none is asked for). Nothing when the draft claims nothing, or the
    register cannot be read now (the claim stands; the ticket service checks it again at filing).
    """
    if route_of(tracker) is not Route.SUPERVISOR:
        return {}, None
    try:
        found = await in_thread(_registered_supervisor, phone, region_of(tracker))
    except (StoreUnavailable, OSError):
        logger.exception("supervisor register unreadable for %s; checked again at filing", tracker.sender_id)
        return {}, None
    if found is not None:
        return {}, str(found.name)
    dispatcher.utter_message(response="utter_supervisor_not_registered")
    slots: dict[str, Any] = {"ticket_route": Route.WINDOW.value}
    # they speak for no enterprise: the ordinary rule must not ask for one now
    slots.update({name: NOT_GIVEN for name in ("company_name", "credit_code") if not tracker.get_slot(name)})
    return slots, None


async def route_summary(dispatcher: CollectingDispatcher, tracker: Tracker, ticket_type: str,
                        domain: DomainDict) -> RouteSummary:
    """The rule and due date the draft would get now, and the route's lines.

    A supervisor claim not checked at the phone question (:func:`checked_claim`) is checked here.
    """
    slots, supervisor = await checked_claim(dispatcher, tracker, tracker.get_slot("phone"))
    route = Route(slots.get("ticket_route") or route_of(tracker).value)
    events: list[EventType] = [SlotSet(name, value) for name, value in slots.items()]
    tenderer = tracker.get_slot("tenderer")
    return RouteSummary(
        values={
            **rule_values(tracker, ticket_type, domain, route),
            "route_lines": summary_lines(route, bid_project=tracker.get_slot("bid_project"),
                                         tenderer=None if tenderer == NOT_GIVEN else tenderer,
                                         supervisor=supervisor),
        },
        events=events,
    )


def draft_route_fields(tracker: Tracker) -> dict[str, Any]:
    """The route's fields of the draft to file."""
    route = route_of(tracker)
    tenderer = tracker.get_slot("tenderer")
    return {
        "route": route.value,
        "mayor_grade": tracker.get_slot("mayor_grade") if route is Route.MAYOR else None,
        "bid_project": tracker.get_slot("bid_project") if route is Route.BIDDING else None,
        "tenderer": None if route is not Route.BIDDING or tenderer == NOT_GIVEN else tenderer,
    }

