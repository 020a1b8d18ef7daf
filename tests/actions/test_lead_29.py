"""The lead's part of issue 10's twenty-ninth round, in the actions: what a tester found on main (our own wording,
each failing on main), on trackers with a real database."""
import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import ticket_status, tickets
from bot.conversation.phrases import company_name_from
from tests.actions import test_conversation_region as region
from tests.actions.test_conversation_region import PHONE, draft, file_in, run, slots_set, tracker

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database

WRONG = "13700000001"


def _filed_elsewhere(service):
    return service.file(draft("example"), ticket_status.now()).ticket.id


def _check_phone(state):
    dispatcher = CollectingDispatcher()
    result = ticket_status.ValidateStatusForm().check_lookup_phone(state.get_slot("lookup_phone"), dispatcher, state)
    return result, [m.get("response") for m in dispatcher.messages]


def _after_not_found(ticket_id, text, intent="inform"):
    events = [{"event": "user", "text": "13700000001", "parse_data": {"text": "13700000001"}},
              {"event": "bot", "text": "未找到…", "metadata": {"utter_action": "utter_ticket_not_found"}},
              {"event": "user", "text": text, "parse_data": {"text": text}}]
    return tracker("t1", {"ticket_id": ticket_id}, text=text, intent=intent, events=events)


def test_a_phone_typed_again_after_a_failed_check_is_checked_against_the_same_ticket(database):
    # the tester: «不对 是138…» after «未找到…» got «没有完全理解» — the check had ended with the failure
    _, service = database
    ticket_id = _filed_elsewhere(service)
    result, said = _check_phone(tracker("t1", {"ticket_id": ticket_id, "lookup_phone": WRONG}))
    assert result == {"lookup_phone": None, "lookup_refused": True} and said == ["utter_ticket_not_found"]
    for typed in [f"不对 是{PHONE}", PHONE, "不对 是幺三九一二三四五六七八"]:
        events = ticket_status.phone_after_a_failed_check(_after_not_found(ticket_id, typed))
        assert events is not None and events[-1]["event"] == "followup" and events[-1]["name"] == "status_form"
        assert slots_set(events)["ticket_id"] == ticket_id and slots_set(events)["lookup_phone"] == PHONE
    # (thanks, 12345 or a question after the failure are what they are: the check stays ended)
    for typed in ["那算了 谢谢啊 我去打12345问问", "要是工单超期了会怎么样"]:
        assert ticket_status.phone_after_a_failed_check(_after_not_found(ticket_id, typed)) is None
    result, said = _check_phone(tracker("t1", {"ticket_id": ticket_id, "lookup_phone": PHONE}))
    assert result == {"lookup_phone": PHONE, "verified_ticket": ticket_id} and said == []


def test_an_id_typed_at_the_phones_question_is_no_wrong_phone(database):
    _, service = database
    ticket_id = _filed_elsewhere(service)
    typed = {"ticket_id": "YS202612040999", "lookup_phone": f"不对 单号是{ticket_id}"}
    result, said = _check_phone(tracker("t2", typed))
    assert result == {"lookup_phone": None, "ticket_id": ticket_id} and said == []
    # (typed in groups, which the entity misses: taken all the same)
    grouped = f"{ticket_id[:6]} {ticket_id[6:10]} {ticket_id[10:]}"
    result, _ = _check_phone(tracker("t2", {"ticket_id": "YS202612040999", "lookup_phone": grouped}))
    assert result == {"lookup_phone": None, "ticket_id": ticket_id}


def test_a_wrong_length_id_with_a_phone_is_said_wrong_not_missing(database):
    dispatcher = CollectingDispatcher()
    state = tracker("t2b", {})
    ticket_status.ValidateStatusForm().check_ticket_id("YS20261120001 13812345678", dispatcher, state)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_ticket_id_wrong_length"]


@pytest.mark.parametrize("typed", ["单号忘了 我手机号13912345678", "不记得单号了 手机13912345678"])
def test_a_phone_without_the_tickets_number_is_told_where_the_number_is(database, typed):
    # the tester: «单号忘了 我手机号…» got «未找到与该手机号匹配的工单» — as if the ticket were lost
    result, said = _check_phone(tracker("t3", {"ticket_id": typed, "lookup_phone": PHONE}))
    assert result == {"lookup_phone": None} and said == ["utter_ticket_id_not_given"]


def test_a_new_check_forgets_the_ticket_checked_before():
    # kept alone, the same id typed again passed the form unchecked and was shown nothing (an empty reply)
    events = ticket_status.verify_first("status", None)
    assert {"verified_ticket": None, "lookup_phone": None} .items() <= slots_set(events).items()


def test_a_status_asked_again_after_a_check_shows_the_ticket_checked(database):
    # the tester: «那现在到哪了» after another's ticket was shown got «请提供工单号», then silence
    _, service = database
    ticket_id = _filed_elsewhere(service)
    state = tracker("t4", {"verified_ticket": ticket_id, "lookup_phone": PHONE}, text="那现在到哪了",
                    intent="check_status")
    events, messages = run(ticket_status.ActionCheckStatus(), state)
    assert [m["response"] for m in messages] == ["utter_ticket_status"] and ticket_id in str(messages[0])
    assert not any(e.get("name") == "status_form" for e in events)


def _second_form(text, filed_id, sender="t5"):
    """A second ticket's form being cancelled with ``text`` after ``filed_id`` was filed in this conversation."""
    events = [{"event": "user", "text": "我有个建议", "parse_data": {"text": "我有个建议"}},
              {"event": "bot", "text": f"已受理,工单号:{filed_id}", "metadata": {"utter_action": "utter_ticket_filed"}},
              {"event": "user", "text": text, "parse_data": {"text": text}}]
    return tracker(sender, {"ticket_cancelled": True}, text=text, intent="deny", events=events)


@pytest.mark.parametrize("text, withdrawn", [("算了 不投了", False), ("不是 我是说刚才那个单子不要了 撤销", True)])
def test_a_second_form_stopped_says_the_ticket_filed_before_stands(database, text, withdrawn):
    # the tester: «好的,已取消,没有提交任何内容» right after a ticket was filed (the agent feared it was gone); the
    # ticket filed before pointed at was said «已取消» though it stayed with the department
    filed = file_in("example", "t5")
    _, messages = run(tickets.ActionSubmitTicket(), _second_form(text, filed))
    said = [m["response"] for m in messages]
    assert said == ["utter_ticket_cancelled_kept", *(["utter_ticket_not_withdrawn"] if withdrawn else [])]
    assert all(m["ticket_id"] == filed for m in messages)


def test_a_form_stopped_with_nothing_filed_before_says_nothing_was_filed(database):
    state = tracker("t6", {"ticket_cancelled": True}, text="算了 不投了", intent="deny")
    _, messages = run(tickets.ActionSubmitTicket(), state)
    assert [m["response"] for m in messages] == ["utter_ticket_cancelled"]


def test_a_suggestion_taken_back_after_filing_opens_no_new_form(database):
    # the tester: «算了 这个建议我撤回吧» (suggest) after filing got a new suggestion's form
    filed = file_in("example", "t7")
    text = "算了 这个建议我撤回吧"
    events = [{"event": "bot", "text": f"已受理,工单号:{filed}", "metadata": {"utter_action": "utter_ticket_filed"}},
              {"event": "user", "text": text, "parse_data": {"text": text}}]
    state = tracker("t7", {}, text=text, intent="suggest", events=events)
    events, messages = run(tickets.ActionStartTicket(), state)
    assert [m["response"] for m in messages] == ["utter_ticket_not_withdrawn"] and messages[0]["ticket_id"] == filed
    assert not any(e.get("name") == "ticket_form" for e in events)


@pytest.mark.parametrize("typed, name", [("他说叫沭阳县鑫诚包装材料有限公司", "沭阳县鑫诚包装材料有限公司"),
                                         ("来电人说公司名称是宿迁恒达五金有限公司", "宿迁恒达五金有限公司"),
                                         ("她讲叫老刘烧烤", "老刘烧烤"),
                                         ("宿迁恒达五金有限公司", "宿迁恒达五金有限公司")])
def test_a_hotline_agents_third_person_is_no_part_of_the_name(typed, name):
    # the tester: «他说叫沭阳县鑫诚…» was filed as the enterprise's name whole
    assert company_name_from(typed) == name


@pytest.mark.parametrize("text", ["我想想还是不投诉了 怕被穿小鞋", "算了 不投诉了 不想惹麻烦"])
def test_giving_up_the_complaint_while_its_form_runs_stops_the_form(database, text):
    # the tester: «好的,不登记» was said, then the enterprise's name asked again (the form went on)
    from rasa_sdk import Tracker
    state = Tracker.from_dict({
        "sender_id": "t8", "slots": {"ticket_type": "complaint", "requested_slot": "company_name"},
        "latest_message": {"text": text, "intent": {"name": "complain", "confidence": 0.59}, "entities": []},
        "events": [], "paused": False, "followup_action": None, "active_loop": {"name": "ticket_form"},
        "latest_action_name": "action_listen"})
    events, messages = run(tickets.ActionStartTicket(), state)
    assert messages == []
    assert slots_set(events).get("ticket_cancelled") is True
    assert {"event": "followup", "name": "ticket_form"} in events


def test_a_ticket_checked_with_its_phone_is_not_carried_into_a_new_session():
    # the review: a later session on the same browser showed another's ticket without its phone
    from actions import session
    state = tracker("t9", {"verified_ticket": "YS202612040001", "lookup_phone": PHONE, "contact_name": "王建国"})
    events, _ = run(session.ActionSessionStart(), state, {"session_config": {"carry_over_slots_to_new_session": True}})
    carried = slots_set(events)
    assert carried.get("contact_name") == "王建国"
    assert "verified_ticket" not in carried and "lookup_phone" not in carried


def test_a_stop_to_call_the_hotline_after_a_filing_keeps_the_hotline_and_the_ticket(database):
    filed = file_in("example", "t10")
    _, messages = run(tickets.ActionSubmitTicket(), _second_form("算了 我还是打12345吧", filed, "t10"))
    assert [m["response"] for m in messages] == ["utter_ticket_cancelled_hotline", "utter_ticket_filed_stands"]


def test_a_case_told_before_and_pointed_back_at_is_the_complaints_case(database):
    # the tester: the case was told, then «我想投诉这个事» got «请具体说说情况»; the reply «刚才不是说了吗 …» was filed
    # as what happened
    case = "这个月已经来了四拨人检查了 环保安监消防轮着来 生产都停了"
    events = [{"event": "user", "text": case, "parse_data": {"text": case}},
              {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_calm_offer"}},
              {"event": "user", "text": "一个月查四次 合规吗", "parse_data": {"text": "一个月查四次 合规吗"}},
              {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_policy_not_found"}},
              {"event": "user", "text": "我想投诉这个事", "parse_data": {"text": "我想投诉这个事"}}]
    state = tracker("t11", {}, text="我想投诉这个事", intent="complain", events=events)
    events, _ = run(tickets.ActionStartTicket(), state)
    assert slots_set(events).get("description") == case


def _bidding_state(typed, requested):
    from tests.actions.test_conv23 import BIDDING
    from tests.actions.test_ticket_form_bugs import tracker as form_tracker
    slots = {k: v for k, v in BIDDING.items() if k not in ("bid_project", "tenderer", "company_name")}
    return form_tracker(typed, intent="inform", slots=slots, requested=requested, loop="ticket_form")


def test_a_registered_firms_name_at_the_projects_question_is_no_project():
    # the tester: «宿城区华建市政工程有限公司» (its trade's 工程 inside) was filed as the project
    from actions.tickets import ValidateTicketForm
    from tests.actions.test_conv23 import DOMAIN
    typed = "宿城区华建市政工程有限公司"
    dispatcher = CollectingDispatcher()
    result = ValidateTicketForm().validate_bid_project(typed, dispatcher, _bidding_state(typed, "bid_project"), DOMAIN)
    assert result["bid_project"] is None
    project = "城东污水管网改造工程二标段"
    kept = ValidateTicketForm().validate_bid_project(project, CollectingDispatcher(),
                                                     _bidding_state(project, "bid_project"), DOMAIN)
    assert kept["bid_project"] == project


@pytest.mark.parametrize("typed, tenderer", [("没有代码", "未提供"), ("招标人不清楚", "未提供"),
                                             ("宿城区住建局下面的城投公司吧", "宿城区住建局下面的城投公司")])
def test_a_tenderer_not_known_or_said_with_a_particle(typed, tenderer):
    # the tester: «没有代码» was filed as the tenderer, «…城投公司吧» with its 吧
    from actions.tickets import ValidateTicketForm
    from tests.actions.test_conv23 import DOMAIN
    result = ValidateTicketForm().validate_tenderer(typed, CollectingDispatcher(), _bidding_state(typed, "tenderer"),
                                                    DOMAIN)
    assert result["tenderer"] == tenderer


def test_a_name_at_the_projects_question_asks_the_project_once():
    # the replay: «「…」是单位的名称,不是项目。请问投诉涉及哪个项目…» and the form's own question said it twice
    import yaml

    from bot.config import PROJECT_ROOT
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    said = domain["responses"]["utter_bid_project_is_a_name"][0]["text"]
    assert "哪个项目" not in said and "不是项目" in said


def test_the_tenderer_put_right_at_the_summary_leaves_the_enterprises_name():
    # the tester: «不对 招标人是滨江城建开发有限公司» at the summary changed the tenderer and filed 企业:招标人是…
    from actions.tickets import ValidateTicketForm
    from tests.actions.test_conv23 import DOMAIN
    typed = "不对 招标人是滨江城建开发有限公司"
    state = _bidding_state(typed, "ticket_confirmed")
    state.slots["company_name"] = "招标人是滨江城建开发有限公司"
    state.events.insert(0, {"event": "slot", "name": "company_name", "value": "宿迁恒达建材有限公司"})
    result = ValidateTicketForm().validate_company_name(typed, CollectingDispatcher(), state, DOMAIN)
    assert result["company_name"] == "宿迁恒达建材有限公司"


@pytest.mark.parametrize("text", ["那个单子不要了 撤了吧", "中介那边把钱退了 这个投诉不要了 撤了吧",
                                  "哦 供电公司刚来电话了 这个单子撤回吧 不用办了"])
def test_a_ticket_checked_here_and_taken_back_is_told_it_stands(database, text):
    # the tester: in the conversation that checked its ticket with the phone, «那个单子不要了 撤了吧» got «好的,还有什么
    # 可以帮您» (the user believed it withdrawn), «…这个单子撤回吧 不用办了» the utilities' guide
    _, service = database
    ticket_id = _filed_elsewhere(service)
    state = tracker("t12", {"verified_ticket": ticket_id, "lookup_phone": PHONE}, text=text, intent="deny")
    dispatcher = CollectingDispatcher()
    assert tickets.withdrawal_after_filing(dispatcher, state) == []
    assert [(m["response"], m["ticket_id"]) for m in dispatcher.messages] == [("utter_ticket_not_withdrawn", ticket_id)]
    # (nothing checked here: nothing said of a ticket)
    assert tickets.withdrawal_after_filing(CollectingDispatcher(), tracker("t13", {}, text=text, intent="deny")) is None


@pytest.mark.parametrize("before", ["utter_urged", "utter_ticket_status"])
def test_a_judgement_alone_after_an_urge_or_a_status_is_a_rating(service, monkeypatch, before):
    # fresh30: «还凑合吧» right after an urge got «没有完全理解» (it had been logged as the urge's reason)
    from actions import procedures
    from tests.actions.test_lead_28 import _after
    from tests.actions.test_procedure_actions import run as answer_run
    monkeypatch.setattr(procedures, "ticket_service", lambda: service)
    _, messages, events = answer_run(procedures.ActionAnswerProcedure(),
                                     _after([("帮我催一下", [before])], "还凑合吧", "inform"))
    assert messages == [] and events[-1]["event"] == "followup" and events[-1]["name"] == "action_rate_service"


@pytest.mark.parametrize("text", ["补充:人已经招到了 问题已解决", "补充:问题已解决"])
def test_a_supplement_saying_it_is_solved_is_added_not_rated(database, text):
    # the tester: «补充:问题已解决» — what the withdrawal's reply tells one to send — brought the rating buttons, then
    # «还在办理中,办结后才能评价», and nothing was added to the ticket
    filed = file_in("example", "t14")
    events = [{"event": "bot", "text": f"已受理,工单号:{filed}", "metadata": {"utter_action": "utter_ticket_filed"}},
              {"event": "user", "text": text, "parse_data": {"text": text}}]
    _, messages = run(ticket_status.ActionRateService(), tracker("t14", {}, text=text, intent="rate_service",
                                                                  events=events))
    assert [(m.get("response"), m.get("ticket_id")) for m in messages] == [("utter_ticket_supplemented", filed)]
