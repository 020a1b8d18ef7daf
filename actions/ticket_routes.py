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
from bot.conversation import route_replies as replies
from bot.conversation.answering import response_texts
from bot.conversation.chat_format import NOT_GIVEN, UNKNOWN_DEPARTMENT
from bot.db import StoreUnavailable
from bot.knowledge.errors import KnowledgeError
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
from bot.tickets.story import describes_case
from bot.validation import (
    ValidationError,
    clean_company_name,
    clean_description,
    clean_text,
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
    project = replies.project_named_in(description) if bidding and not tracker.get_slot("bid_project") else None
    if project is None:
        return {}
    found: dict[str, Any] = {"bid_project": project}
    if tracker.get_slot("department") not in routes().supervising_departments:
        sector = sector_of(routes(), project, description)
        if sector is not None:
            found["department"] = sector.department
    return found


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
    if not description or not told.strip() or told.strip() in description or phrases.only_agent_self(told) \
            or phrases.squash_marks(phrases.without_filing_opening(description)) in phrases.squash_marks(told) \
            or phrases.squash_marks(phrases.without_filing_opening(told)) in phrases.squash_marks(description):
        # («我是12345坐席 小周 工号1023 刚才是来电人的信息»: who types, no case — it was added to what happened)
        # («投诉 住建局窗口 施工许可材料交齐了 十天了还说在审 公司叫东升建设 联系人唐工 电话135…»: the message whose
        # case is what happened already — it was added again, 情况 written twice; «提个建议 政务大厅周六能不能也开半天 …
        # 公司叫蓝海广告传媒 联系我们行政小吴 137…», whose case was kept without its «提个建议»)
        return {}
    joined = join_description(description, told)
    if joined is None:
        return {}
    dispatcher.utter_message(response="utter_description_added")
    return {"description": joined, **route_told_beside(tracker, joined)}


def route_told_beside(tracker: Tracker, joined: str) -> dict[str, Any]:
    """The bidding route the case asks for once more of it is told beside a form's answer («他要投诉 开标结果有问题 评标
    专家打分不公平» after the caller's values: it was filed on the window's clock to the 审批局), with a project it
    names; nothing when the draft has a route of its own already, or the case asks for no bidding's."""
    if route_of(tracker) is not Route.WINDOW or describes_case(tracker.get_slot("description") or "") \
            or tracker.get_slot("department"):
        # («税务局窗口开票拖了两周», then «…中标的项目款一直结不了»: a window's case told first keeps its route)
        return {}
    found = route_slots(joined, tracker.get_slot("department"))
    if found.get("ticket_route") != Route.BIDDING.value:
        # (the mayor's route is asked for in so many words, and may be declined in them: «我们不走直通市长 就正常登记»)
        return {}
    return {**found, **project_told(tracker, joined, found)}


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


#: How a value taken before its own question is named when it is said to be taken down.
_NOTED = {"credit_code": "统一社会信用代码", "contact_name": "联系人", "company_name": "企业名称"}


def _sector_department(tracker: Tracker, project: str) -> dict[str, Any]:
    """The supervising department of the project's sector (or the tenderer's), when the draft has none of the
    supervising ones yet."""
    if tracker.get_slot("department") in routes().supervising_departments:
        return {}
    sector = sector_of(routes(), project, tracker.get_slot("description"))
    return {"department": sector.department} if sector is not None else {}


def firm_and_project(tracker: Tracker, typed: str) -> dict[str, Any]:
    """The enterprise and the project of a bidding complaint told in one reply to the enterprise's name («来电企业是恒达
    建设 项目是城南污水管网改造»: it was all added to what happened), with the department of the project's sector;
    nothing when the draft is no bidding complaint, its project is known, or the reply names not both."""
    if route_of(tracker) is not Route.BIDDING or tracker.get_slot("bid_project"):
        return {}
    both = replies.firm_then_project(typed)
    if both is None:
        return {}
    try:
        firm = clean_company_name(both[0])
    except ValidationError:
        return {}
    return {"company_name": firm, "bid_project": both[1], **_sector_department(tracker, both[1])}


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
        if value is None or phrases.carries_no_value(str(value)) or phrases.confirms_the_values(str(value)):
            # («我要投诉他们» at «哪个项目、哪个标段»: no project — it was filed as one; asked again; «确认» too: it was
            # filed as 项目/标段:确认)
            return {"bid_project": None}
        if phrases.is_skip(str(value)):
            # «跳过» at «哪个项目、哪个标段» (filed as 项目/标段:跳过): not known, as the tenderer's «不清楚» is
            return {"bid_project": NOT_GIVEN}
        if (alone := tenderer_only(str(value))) is not None:
            # «招标人是市交通局下面的公路事业发展中心» at «哪个项目、哪个标段» (it was lost, and the tenderer asked
            # three times): the tenderer, kept and said; the project asked again
            dispatcher.utter_message(response="utter_value_noted", field="招标人", value=alone)
            return {"bid_project": None, "tenderer": alone}
        said, tenderer = project_and_tenderer(str(value))
        if (split := replies.project_then_firm(said)) is not None:
            # «滨河路雨污分流改造二标段 我们公司叫鑫源五金店 我姓黄 黄永盛 电话136…» at «哪个项目、哪个标段»: the
            # project, then the enterprise and who to call (all of it was filed as the project, the phone unmasked)
            found: dict[str, Any] = {"bid_project": split.project}
            if split.company is not None:
                found.update(_taken_early(dispatcher, tracker, "company_name", split.company))
            if split.phone is not None and not tracker.get_slot("phone"):
                found["phone"] = split.phone  # («城南污水管网工程 手机136… 刘工»: the number, never dropped)
            if split.contact is not None:
                found.update(_taken_early(dispatcher, tracker, "contact_name", split.contact))
            if tenderer and tracker.get_slot("requested_slot") == "bid_project":
                found.update(self.validate_tenderer(tenderer, dispatcher, tracker, domain))
            if split.told:
                # («…二标段 我们公司是第一中标候选人 结果被换掉了»: what else is told goes into what happened)
                found.update(told_beside(dispatcher, tracker, split.told))
            return {**found, **_sector_department(tracker, split.project)}
        if not tenderer and (values := phrases.only_form_values(said)) is not None:
            # «江苏恒基建设工程有限公司 联系人蒋工 电话138…» at «哪个项目、哪个标段» (all of it was filed as the
            # project): the enterprise and whom to call, kept for their questions; the project asked again
            early: dict[str, Any] = {"bid_project": None}
            if values.company:
                early.update(_taken_early(dispatcher, tracker, "company_name", values.company))
            if values.contact:
                early.update(_taken_early(dispatcher, tracker, "contact_name", values.contact))
            return early
        if not tenderer and (both := replies.firm_then_project(said)) is not None:
            # «来电企业是恒达建设 项目是城南污水管网改造» at «哪个项目、哪个标段» (all of it was filed as the
            # project): the enterprise, kept for its question, and the project
            return {"bid_project": both[1], **_taken_early(dispatcher, tracker, "company_name", both[0]),
                    **_sector_department(tracker, both[1])}
        if (contact := replies.contact_told(said)) is not None:
            # «联系人刘工 刘志强», «13623731688» at «哪个项目、哪个标段»: who to call, told early (it became the
            # project, and the phone the tenderer) — kept for its question (the phone by its own mapping), the project
            # asked again
            return {"bid_project": None, **_contact_early(dispatcher, tracker, contact)}
        if not tenderer and replies.may_tell_more_of_the_case(said) \
                and (added := self._told_more(dispatcher, tracker, "bid_project")) is not None:
            # «下周三就截标了» at «哪个项目、哪个标段»: more of the case (it was filed as the project)
            return added
        if (code := replies.code_alone(said)) is not None:
            # «91321302MA1NR4JT0A» at «哪个项目、哪个标段»: the enterprise's code told early (it became the project)
            return {"bid_project": None, **_taken_early(dispatcher, tracker, "credit_code", code)}
        if not tenderer and (own := replies.own_firm_told(said)) is not None:
            # «企业名称:安居装饰工程有限公司,联系人周经理,电话…» (a 12345 agent's note), «宏达建设工程有限公司 9132…»
            # at «哪个项目、哪个标段»: the enterprise told early (it became the project, and every later answer one
            # field off); its name, code and contact kept for their questions, the project asked again
            early = {"bid_project": None, **_taken_early(dispatcher, tracker, "company_name", own.name)}
            if own.code is not None:
                early.update(_taken_early(dispatcher, tracker, "credit_code", own.code))
            if own.contact is not None:
                early.update(_taken_early(dispatcher, tracker, "contact_name", own.contact))
            return early
        if not tenderer and (firm := replies.firm_without_code(said)) is not None:
            # «宏图建设工程有限公司 信用代码没带» at «哪个项目、哪个标段»: the enterprise's name, its code not at
            # hand (it became the project, and every later answer one field off) — kept for their questions, the
            # project asked again
            return {"bid_project": None, **_taken_early(dispatcher, tracker, "company_name", firm),
                    **({} if tracker.get_slot("credit_code") else {"credit_code": NOT_GIVEN})}
        if not tenderer and replies.names_an_organisation_only(said):
            # «宿迁恒顺建筑安装有限公司» at «哪个项目、哪个标段»: an organisation's name, no project (it was filed as
            # the project); said that the names are asked next (never taken for the enterprise's: it may be the
            # tenderer's or the agent's), and the project asked again (once: the reply no longer asks it too)
            dispatcher.utter_message(response="utter_bid_project_is_a_name", name=said.strip()[:30])
            return {"bid_project": None}
        # («就刚才说的 城南污水管网项目 招标代理公司不收保函» at «哪个项目»: the project named, the rest told of the
        # case — all of it was filed as the project)
        named, told = replies.case_beside_project(said) if not tenderer else (said, "")
        try:
            project = clean_text(named, BID_TEXT_MAX, min_len=2, single_line=True)
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
        if value is not None and phrases.files_now_without_the_code(str(value)) \
                and not replies.names_a_project_or_unit("tenderer", str(value)):
            # «信息没错 确认交吧» at «招标人是哪家»: filed now, the tenderer not known (it was asked again)
            return {"tenderer": NOT_GIVEN}
        if value is None or phrases.carries_no_value(str(value)) or phrases.confirms_the_values(str(value)):
            return {"tenderer": None}
        said = replies.tenderer_said(str(value))
        if said is None:
            # «投诉完会不会被他们拉黑啊» at «招标人是哪家» (filed as the tenderer): a question, asked again (one of the
            # ticket is answered first: ValidateTicketForm.run; «是市住建局吗» names the unit, unsure: taken; «…也不太
            # 清楚 好像是区教育局»: the unit guessed, not the words around it)
            return {"tenderer": None}
        text = said
        if text == NOT_GIVEN or phrases.is_skip(text) or phrases.lacks_value(text):
            # «没有代码», «招标人不清楚» at «招标人是哪家»: not known (it was filed as the tenderer)
            return {"tenderer": NOT_GIVEN}
        if (contact := replies.contact_told(text)) is not None:
            # «13623731688», «联系人刘志强» at «招标人是哪家» (the phone was filed as the tenderer)
            return {"tenderer": None, **_contact_early(dispatcher, tracker, contact)}
        if mobile_in(text) is not None:
            # «招标人他不清楚 他说你们有事打他电话 15995106632 他姓钟» (a hotline agent): who to call, no tenderer — it
            # was filed whole, the phone shown unmasked; not known when it says so (the phone: its own mapping); a unit
            # named with its phone («招标人是市水务局 联系电话139…») is the tenderer, without the phone
            unit = replies.unit_beside_phone(text)
            if unit is None:
                return {"tenderer": NOT_GIVEN if phrases.says_not_known(text) else None}
            text = unit
        if (project := project_labelled(text)) is not None:
            # «项目是市二中体育馆 住建局监管的» at «招标人是哪家»: the project put right (it became the tenderer), the
            # tenderer asked again
            if project != tracker.get_slot("bid_project"):
                dispatcher.utter_message(response="utter_form_value_corrected", field="项目/标段", value=project)
            return {"tenderer": None, "bid_project": project}
        if replies.supervisor_told(text):
            # «是住建局监管的房建项目» at «招标人是哪家» (it became the tenderer): the department of the project's
            # sector, taken and said; the tenderer asked again
            sector = _sector_department(tracker, text)
            department = sector.get("department") or tracker.get_slot("department")
            if department:
                dispatcher.utter_message(response="utter_value_noted", field="涉及部门", value=department)
            return {"tenderer": None, **sector}
        if not phrases.looks_like_company(text) and phrases.looks_like_person_name(text) and phrases.has_title(text):
            # «许经理» at «招标人是哪家»: who to call, no organisation (it became the tenderer)
            return {"tenderer": None, **_taken_early(dispatcher, tracker, "contact_name", text.strip())}
        if (code := replies.code_alone(text)) is not None:
            return {"tenderer": None, **_taken_early(dispatcher, tracker, "credit_code", code)}
        agent = replies.agent_named(text)
        if agent is not None and agent.tenderer is None:
            # «他们是招标代理公司叫恒信招标 不让我们用保函 非要打现金过去» at «招标人是哪家»: the agent, not the
            # tenderer (the whole sentence became the tenderer, the agent complained of nowhere) — the agent and what
            # else was told go into what happened, said so, and the tenderer is asked again
            joined = join_description(tracker.get_slot("description") or "", agent.told)
            dispatcher.utter_message(response="utter_bid_agent_noted", agent=agent.name)
            return {"tenderer": None, **({"description": joined} if joined else {})}
        extra: dict[str, Any] = {}
        if agent is not None and agent.tenderer is not None:
            # «招标人是市卫健委 代理是中诚招标代理公司»: the tenderer ends where the agent is named (it was filed
            # whole); the agent goes into what happened
            joined = join_description(tracker.get_slot("description") or "", agent.told)
            if joined:
                dispatcher.utter_message(response="utter_description_added")
                extra = {"description": joined}
            text = agent.tenderer
        try:
            tenderer = clean_text(tenderer_from(text), BID_TEXT_MAX, single_line=True)
            # («交通局那个项目»: a unit of a sector's own names the department supervising it — it stayed 住建局)
            # (a department's own name only: «码头街道办事处» names no sector)
            sector = _sector_department(tracker, tenderer) if replies.names_a_department(tenderer) else {}
            return {"tenderer": tenderer, **extra, **sector}
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

