"""What the assist view shows for a caller's words: NLU, the answer card, a pre-filled ticket.

No HTTP here: :func:`analyse` turns Rasa's ``/model/parse`` result into the page's
data. It uses the reading the NLU pipeline made of the words (``understanding`` in the
parse result), the same decision the chat takes (:func:`bot.dialogue.questions.decide`)
and the assistant's own wording of each facet (``utter_procedure_*`` in ``domain.yml``),
so an agent sees what an enterprise typing the same words would be told.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

from bot.departments import DepartmentDirectory
from bot.dialogue.questions import Answer, AskWhich, Memory, decide
from bot.language.interpret import PARSE_KEY, reading_from_dict
from bot.procedures.answers import Facet, answer_values, days_text, place_text, visits_text, with_city
from bot.procedures.model import KnowledgeBase
from bot.procedures.resolve import department_of
from bot.routes import RouteLexicon, recognise
from bot.sla import Route
from bot.tickets.kinds import TicketType
from bot.validation import ValidationError, normalize_credit_code, normalize_mobile

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
TICKET_TYPES = {"complain": TicketType.COMPLAINT, "suggest": TicketType.SUGGESTION,
                "request_help": TicketType.REQUEST}


def _values(entities: List[Dict[str, Any]], name: str) -> List[str]:
    found: List[str] = []
    for item in entities:
        value = item.get("value")
        if item.get("entity") == name and isinstance(value, str) and value not in found:
            found.append(value)
    return found


def _first_valid(values: List[str], normalize: Any) -> Optional[str]:
    for value in values:
        try:
            return normalize(value)
        except ValidationError:
            continue
    return values[0] if values else None


def card(kb: KnowledgeBase, responses: Mapping[str, str], procedure_id: str,
         facets: Sequence[Facet]) -> Optional[Dict[str, Any]]:
    """The answer card of one procedure: the assistant's answer to ``facets`` and the key facts."""
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
    return {"procedure": procedure.id, "name": procedure.name, "facet": facet.value,
            "facet_label": INTENT_LABELS[facet.value], "answer": answer,
            "facts": [{"label": label, "value": value} for label, value in facts],
            "defaults_flagged": bool(procedure.defaults)}


#: The form's 时限规则 value for a recognised route; the mayor's grade is the agent's to ask.
RULE_PREFILL = {Route.WINDOW: "window", Route.MAYOR: "", Route.BIDDING: "bidding", Route.SUPERVISOR: "supervisor"}
ROUTE_LABELS = {Route.WINDOW: "普通诉求(办不成事反映窗口)", Route.MAYOR: "直通市长", Route.BIDDING: "招标投标投诉",
                Route.SUPERVISOR: "特邀监督员(提交时核对名册)"}


def analyse(parsed: Mapping[str, Any], kb: KnowledgeBase, directory: DepartmentDirectory,
            responses: Mapping[str, str], routes: RouteLexicon) -> Dict[str, Any]:
    """The assist view's data for one parse result.

    Returns:
        ``intents`` (top 5 with confidence), ``entities``, ``card`` (or ``choices`` of
        procedures to pick from when the words do not settle one), ``route`` (the
        legal clock the words ask for, read by :func:`bot.routes.recognise` as the
        chat does) and ``prefill`` for the ticket form (type from the intent, company /
        phone / credit code / department from the entities — a bidding complaint's
        from its industry —, the 时限规则, the text as description).
    """
    text = str(parsed.get("text") or "")
    intent = (parsed.get("intent") or {}).get("name")
    ranking = parsed.get("intent_ranking") or ([parsed["intent"]] if parsed.get("intent") else [])
    entities: List[Dict[str, Any]] = []
    for item in parsed.get("entities") or []:
        # the regex and CRF extractors often find the same span: show it once
        if isinstance(item, dict) and not any(
                (item.get("entity"), item.get("value"), item.get("start")) == (e.get("entity"), e.get("value"),
                                                                               e.get("start")) for e in entities):
            entities.append(item)
    reading = reading_from_dict(parsed.get(PARSE_KEY), intent)
    facet = Facet.from_intent(reading.intent)
    step = decide(reading, text, Memory(), kb, None, named=_values(entities, "procedure")).step
    procedure = step.procedure if isinstance(step, Answer) else None
    answer_card = card(kb, responses, procedure, [Facet(f) for f in step.facets]) if procedure else None
    offered = step.choices if isinstance(step, AskWhich) and (facet or reading.recognition.points_at_procedures) else ()
    choices = [{"procedure": pid, "name": kb.procedures[pid].name} for pid in offered if pid in kb.procedures]
    ticket_type = TICKET_TYPES.get(intent or "", TicketType.CONSULTATION if facet else TicketType.COMPLAINT)
    companies = _values(entities, "company_name")
    hint = recognise(routes, text)
    department = department_of(text, _values(entities, "department"), directory, kb, procedure) or ""
    if hint.route is Route.BIDDING:
        industries = {sector.department for sector in routes.sectors}
        # a bidding complaint goes to its industry's supervisor, never the trading centre
        department = hint.sector.department if hint.sector else (department if department in industries else "")
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
            "phone": _first_valid(_values(entities, "phone"), normalize_mobile) or "",
            "credit_code": _first_valid(_values(entities, "credit_code"), normalize_credit_code) or "",
            "department": department,
            "procedure": procedure or "",
            "rule": RULE_PREFILL[hint.route],
            "bid_project": "",
            "tenderer": "",
            "description": text,
        },
    }
