"""What the assist view shows for a caller's words: NLU, the answer card, a pre-filled ticket.

No HTTP here: :func:`analyse` turns Rasa's ``/model/parse`` result into the page's
data. It reads the parse result through the conversation layer the chat's actions use
(:mod:`bot.conversation`): the reading the NLU pipeline made of the words, the same
decision (:func:`bot.conversation.answering.decide_turn`), the same ticket types, and
the assistant's own wording of each facet (``utter_procedure_*`` in ``domain.yml``), so
an agent sees what an enterprise typing the same words would be told.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot.conversation.answering import decide_turn
from bot.conversation.intake import ticket_type_of
from bot.conversation.message import Message
from bot.conversation.phrases import stated_company_name
from bot.conversation.region import RegionalKnowledge
from bot.departments import DepartmentDirectory
from bot.dialogue.questions import Answer, AskWhich, Memory
from bot.dialogue.yes_no import said_by_the_fee_line, verdict
from bot.procedures.answers import Facet, answer_values, place_text, visits_text, with_city
from bot.procedures.model import KnowledgeBase, days_text
from bot.procedures.resolve import department_of
from bot.routes import RouteLexicon, bidding_department, recognise
from bot.sla import Route
from bot.tickets.kinds import TicketType
from bot.validation import ValidationError, digits_said, mobile_in, normalize_credit_code, normalize_mobile

TOP_INTENTS = 5
ANSWER_RESPONSE = "utter_procedure_answer"
INTENT_LABELS = {
    "greet": "问候", "goodbye": "告别", "thank": "感谢", "affirm": "肯定", "deny": "否定",
    "bot_challenge": "问是否机器人", "ask_capabilities": "问能做什么", "human_handoff": "转人工",
    "out_of_scope": "超出范围", "inform": "提供信息", "ask_procedure": "问办事流程", "ask_materials": "问材料",
    "ask_duration": "问时限", "ask_where": "问在哪办", "ask_fee": "问收费", "ask_eligibility": "问办理条件",
    "complain": "投诉", "suggest": "建议", "request_help": "求助", "check_status": "查询工单",
    "urge": "催办", "rate_service": "评价", "nlu_fallback": "未能理解",
}
ENTITY_LABELS = {"procedure": "事项", "ticket_id": "工单号", "phone": "手机号", "credit_code": "信用代码",
                 "company_name": "企业名称", "department": "部门", "rating": "评价"}


def _first_valid(values: list[str], normalize: Callable[[str], str]) -> str | None:
    for value in values:
        try:
            return normalize(value)
        except ValidationError:
            continue
    return values[0] if values else None


def card(kb: KnowledgeBase, responses: Mapping[str, str], procedure_id: str,
         facets: Sequence[Facet], said: str = "") -> dict[str, Any] | None:
    """The answer card of one procedure: the assistant's answer to ``facets`` and the key facts; ``verdict``: what
    the chat says first to a yes or no ``said`` asks that the guide's fact decides («要钱不»: «不收费。»), or None."""
    procedure = kb.get(procedure_id)
    if procedure is None:
        return None
    facet = facets[0] if facets else Facet.OVERVIEW
    try:
        answer = responses[ANSWER_RESPONSE].format_map(answer_values(responses, procedure, facets, kb.city))
    except (KeyError, ValueError):
        answer = procedure.summary
    city = kb.city
    facts = [
        ("承诺时限", days_text(procedure.time_limit.promised_days)),
        ("跑动次数", visits_text(procedure.visits)),
        ("牵头部门", procedure.departments.lead),
        ("收费", procedure.fee.text),
        ("网上办理", place_text(with_city(procedure.online, city.online_portal if city else None))),
        ("现场办理", place_text(with_city(procedure.window, city.service_hall if city else None))),
    ]
    decided = verdict(said, procedure)
    if decided is not None and Facet.FEE in facets and said_by_the_fee_line(decided, procedure):
        decided = None  # the answer's fee line says «免费» itself, as in the chat
    told = responses.get(decided.response, "").format_map(dict(decided.values)) if decided is not None else None
    return {"procedure": procedure.id, "name": procedure.name, "facet": facet.value,
            "facet_label": INTENT_LABELS[facet.value], "answer": answer, "verdict": told or None,
            "facts": [{"label": label, "value": value} for label, value in facts],
            "defaults_flagged": bool(procedure.defaults)}


#: The response the chat gives for a procedure of a mechanism the region lacks (domain.yml).
ABSENT_RESPONSE = "utter_mechanism_absent"


def absent_card(regional: RegionalKnowledge, responses: Mapping[str, str], procedure_id: str) -> dict[str, Any]:
    """The card of a procedure whose mechanism the agent's region does not have: the chat's own
    answer there (no other region's answer to read out)."""
    procedure = regional.kb.get(procedure_id)
    region = regional.region
    answer = responses[ABSENT_RESPONSE].format(region=region.name, mechanism=regional.absent.get(procedure_id, ""),
                                               hotline=region.hotline)
    return {"procedure": procedure_id, "name": procedure.name if procedure else procedure_id, "facet": "",
            "facet_label": "本地区没有这项机制", "answer": answer, "facts": [], "defaults_flagged": False}


#: The form's 时限规则 value for a recognised route; the mayor's grade is the agent's to ask.
RULE_PREFILL = {Route.WINDOW: "window", Route.MAYOR: "", Route.BIDDING: "bidding", Route.SUPERVISOR: "supervisor"}
ROUTE_LABELS = {Route.WINDOW: "普通诉求(办不成事反映窗口)", Route.MAYOR: "直通市长", Route.BIDDING: "招标投标投诉",
                Route.SUPERVISOR: "特邀监督员(提交时核对名册)"}


def analyse(parsed: Mapping[str, Any], kb: KnowledgeBase, directory: DepartmentDirectory,
            responses: Mapping[str, str], routes: RouteLexicon) -> dict[str, Any]:
    """The assist view's data for one parse result.

    Returns:
        ``intents`` (top 5 with confidence), ``entities``, ``card`` (or ``choices`` of
        procedures to pick from when the words do not settle one), ``route`` (the
        legal clock the words ask for, read by :func:`bot.routes.recognise` as the
        chat does) and ``prefill`` for the ticket form (type from the intent, company /
        phone / credit code / department from the entities — a bidding complaint's
        from its industry —, the 时限规则, the text as description).
    """
    message = Message(parsed)
    text, intent = message.text, message.intent
    ranking = parsed.get("intent_ranking") or ([parsed["intent"]] if parsed.get("intent") else [])
    entities: list[Mapping[str, Any]] = []
    for item in message.entities:
        # the regex and CRF extractors often find the same span: show it once
        if not any(
                (item.get("entity"), item.get("value"), item.get("start")) == (e.get("entity"), e.get("value"),
                                                                               e.get("start")) for e in entities):
            entities.append(item)
    reading = message.reading()
    facet = Facet.from_intent(reading.intent)
    # a caller's first words: nothing remembered, and no policy clause on the card
    step = decide_turn(message, Memory(), kb, None).step
    procedure = step.procedure if isinstance(step, Answer) else None
    answer_card = None
    if isinstance(step, Answer):
        answer_card = card(kb, responses, step.procedure, [Facet(f) for f in step.facets], message.typed)
    offered = step.choices if isinstance(step, AskWhich) and (facet or reading.recognition.points_at_procedures) else ()
    choices = [{"procedure": pid, "name": kb.procedures[pid].name} for pid in offered if pid in kb.procedures]
    ticket_type = ticket_type_of(intent, TicketType.CONSULTATION if facet else TicketType.COMPLAINT)
    companies = message.entity_values("company_name")
    stated = stated_company_name(text)
    if stated and (not companies or companies[0] in stated):
        # «我是示例市华远机械制造有限公司的»: the whole registered name, not the CRF's span of it
        companies = [stated]
    hint = recognise(routes, text)
    department = department_of(text, message.entity_values("department"), directory, kb, procedure) or ""
    if hint.route is Route.BIDDING:
        department = bidding_department(routes, hint, department) or ""
    return {
        "text": text,
        "intents": [{"name": i.get("name"), "label": INTENT_LABELS.get(i.get("name") or "", i.get("name")),
                     "confidence": round(float(i.get("confidence") or 0), 4)} for i in ranking[:TOP_INTENTS]],
        "entities": [{"entity": e.get("entity"), "label": ENTITY_LABELS.get(e.get("entity") or "", e.get("entity")),
                      "value": e.get("value"), "text": text[e["start"]:e["end"]] if isinstance(e.get("start"), int)
                      and isinstance(e.get("end"), int) else e.get("value"), "extractor": e.get("extractor")}
                     for e in entities],
        "card": answer_card,
        "choices": choices,
        "ambiguous_term": step.term if isinstance(step, AskWhich) else None,
        "route": {"route": hint.route.value, "label": ROUTE_LABELS[hint.route], "word": hint.word or ""},
        "prefill": {
            "type": ticket_type.value,
            "company_name": companies[0] if companies else "",
            # (a number said in words, «幺三八…», «一八六 五二七九 三三零五», is read as the chat reads it)
            "phone": _first_valid(message.entity_values("phone"), normalize_mobile)
            or mobile_in(digits_said(text)) or "",
            "credit_code": _first_valid(message.entity_values("credit_code"), normalize_credit_code) or "",
            "department": department,
            "procedure": procedure or "",
            "rule": RULE_PREFILL[hint.route],
            "bid_project": "",
            "tenderer": "",
            "description": text,
        },
    }
