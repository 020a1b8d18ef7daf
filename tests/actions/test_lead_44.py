"""Round forty-four (the lead's part), in the actions: what the forty-fifth held-out set, the testers, the reviews
and the lead's own chats showed, each in sentences of our own."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tickets import ActionAskCompanyName, ActionAskContactName, ActionAskPhone, ValidateTicketForm
from tests.actions.test_conv23 import DOMAIN
from tests.actions.test_lead_34 import WINDOW
from tests.actions.test_ticket_form_bugs import no_tickets  # noqa: F401 (a fixture)

# ---- a contact told by their post at the firm ---------------------------------------------------------------------


def _form_at(slot, typed, slots=None, before=("我要投诉 市场监管局窗口态度很差",)):
    """A tracker in the ticket form, asking ``slot``, whose latest message is ``typed`` after ``before``."""
    latest = {"text": typed, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    events = [*({"event": "user", "text": text, "parse_data": {"intent": {"name": "complain"}}} for text in before),
              {"event": "bot", "text": "…", "metadata": {"utter_action": f"utter_ask_{slot}"}},
              {"event": "user", "text": typed, "parse_data": latest}]
    return Tracker.from_dict({
        "sender_id": "l44", "slots": {**WINDOW, **(slots or {}), "requested_slot": slot}, "latest_message": latest,
        "events": events, "paused": False, "followup_action": None, "active_loop": {"name": "ticket_form"},
        "latest_action_name": "action_listen"})


def _validated(slot, typed, **kwargs):
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateTicketForm(), f"validate_{slot}")(typed, dispatcher, _form_at(slot, typed, **kwargs),
                                                               DOMAIN)
    return result, [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize("typed, name", [
    # the tester of round forty-three: «会计叫孙丽» was filed as 联系人:叫孙丽
    ("会计叫孙丽", "孙丽"), ("我们的会计是孙丽", "孙丽"), ("财务名字叫王芳", "王芳"),
    # a post and a surname: whom to ask for at the firm, as when the post's name is asked
    ("会计姓孙", "孙会计"), ("我们老板姓王", "王老板"),
    # kept as they were
    ("会计孙丽", "孙丽"), ("孙丽", "孙丽"), ("王经理", "王经理"),
])
def test_a_contact_told_by_their_post_is_the_name(typed, name):
    result, _ = _validated("contact_name", typed, slots={"company_name": "鑫达五金有限公司"})
    assert result == {"contact_name": name}, result


def test_a_contact_told_by_their_post_at_the_firms_question_is_the_contact():
    # the lead's chat: «会计叫孙丽» at «请问贵企业的名称是» was filed as 企业:会计叫孙丽
    result, said = _validated("company_name", "会计叫孙丽")
    assert result == {"company_name": None, "contact_name": "孙丽"}, result
    assert said == ["utter_contact_name_noted"]


@pytest.mark.parametrize("typed", ["会计说明天来", "我们会计", "老板不在", "鑫达五金有限公司"])
def test_no_contact_by_post_in_other_words(typed):
    from bot.conversation.phrases import contact_by_post

    assert contact_by_post(typed) is None


# ---- a 12345 agent asked the caller's values ----------------------------------------------------------------------


def _asked(action, typed, before=()):
    state = _form_at(action.slot, typed, before=before)
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, state, DOMAIN))
    return [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize("action", [ActionAskCompanyName(), ActionAskContactName(), ActionAskPhone()])
def test_an_agent_is_asked_the_callers_values(action):
    # the tester of round forty-three: «我是12345坐席 来电企业反映…» was asked «请问贵企业的名称是», «怎么称呼您»
    said = _asked(action, "x", before=("我是12345坐席 来电企业反映市场监管局窗口推诿 办执照跑了三次",))
    assert said == [f"utter_ask_{action.slot}_caller"], said
    # in the very turn the agent says who they are
    assert _asked(action, "我是12345坐席 来电企业反映窗口推诿") == [f"utter_ask_{action.slot}_caller"]


@pytest.mark.parametrize("action", [ActionAskCompanyName(), ActionAskContactName(), ActionAskPhone()])
def test_an_owner_is_asked_as_before(action):
    assert _asked(action, "x") == [f"utter_ask_{action.slot}"]


# ---- money a private agency keeps, paid for a guide's errand --------------------------------------------------------

from actions.tickets import ActionStartTicket  # noqa: E402
from tests.actions import test_conversation_region as region  # noqa: E402
from tests.actions.test_conversation_region import run  # noqa: E402
from tests.actions.test_lead_38 import read_tracker  # noqa: E402

#: The real ticket service on a fresh database, wired into the actions (test_conversation_region's).
database = region.database


def test_money_paid_to_an_agency_for_a_guides_errand_is_a_dispute_between_the_two(database):
    # the review of round forty-three: «中介公司收了我们3000块说帮我们开诊所 钱不退» opened a complaint form (and the
    # dialogue gave 开办诊所's fee)
    text = "中介公司收了我们3000块说帮我们开诊所 钱不退"
    events, messages = run(ActionStartTicket(), read_tracker(text, "complain", 0.9))
    assert [m.get("response") for m in messages] == ["utter_private_dispute"]
    assert not [e for e in events if e["event"] == "followup"]


# ---- the tester on main: posts, numbers disowned, another firm ----------------------------------------------------


@pytest.mark.parametrize("typed", ["我是厂长 叫马建国 电话是一三五 零零零零 一二三四", "我是店长 叫马建国 13500001234"])
def test_ones_post_then_name_is_the_name(typed):
    # the tester (c02, c04): filed as 联系人:厂长 / 店长, the name (and the number said in words) put into 情况
    result, said = _validated("contact_name", typed, slots={"company_name": "东方塑业"})
    assert result == {"contact_name": "马建国"}, result
    assert said == []


@pytest.mark.parametrize("typed, number", [
    # the tester (c11): the colleague's number was kept
    ("是13912345600 之前那个13912345687是我同事的", "13912345600"),
    ("13912345687是我同事的 我的是13912345600", "13912345600"),
    ("13912345687不是我的 用13912345600", "13912345600"),
    ("13962257781 不对 是13962257718", "13962257718"),
])
def test_of_two_numbers_the_one_not_disowned(typed, number):
    from bot.conversation.phrases import mobile_put_right

    assert mobile_put_right(typed) == number


@pytest.mark.parametrize("typed", ["13912345600 13912345687", "我的13912345600 我同事的13912345687"])
def test_two_numbers_none_disowned_are_no_correction(typed):
    from bot.conversation.phrases import mobile_put_right

    assert mobile_put_right(typed) is None


@pytest.mark.parametrize("text, firm", [
    # the tester (p04): a bookkeeper's second firm went straight to the summary under the first firm's name and code
    ("还有一家 也是我代账的 叫恒通物流 他们的社保登记人社局一直不给办", "恒通物流"),
    ("我代账的另外一个客户叫恒通物流 也是这个事 市场监管局一直不给办", "恒通物流"),
    ("我还有一家公司 也被市场监管局拖着不办", None),
])
def test_another_firm_told_is_not_the_firm_of_the_ticket_before(database, text, firm):
    state = read_tracker(text, "complain", 0.9)
    state.slots.update({"company_name": "华美服饰有限公司", "credit_code": "91410700MA44T5XJ3R", "contact_name": "孙丽",
                        "phone": "13855550000"})
    events, _ = run(ActionStartTicket(), state)
    set_to = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert set_to["company_name"] == firm and set_to["credit_code"] is None, set_to
    assert "contact_name" not in set_to and "phone" not in set_to  # the same person to call


@pytest.mark.parametrize("text", ["还有一件事 窗口态度差", "我还有个问题要投诉 窗口态度差", "另一家店也是这样"])
def test_no_other_firm_named_in_other_words(text):
    from bot.conversation.phrases import another_firm_told

    assert another_firm_told(text) in (None, "")


# ---- fresh45: an earlier ticket rated mid-form, whom to call told beside other values --------------------------------


@pytest.mark.parametrize("slot, typed", [("contact_name", "等下 我先评价一下上回那个单子"),
                                         ("credit_code", "评价一下上次那个工单 YS202612060006")])
def test_an_earlier_ticket_rated_mid_form_is_no_value(slot, typed):
    # fresh45-53 and the tester (c09): filed as 联系人:等下; refused as a code, the other ticket's phone then taken
    result, said = _validated(slot, typed, slots={"company_name": "恒业置业有限公司"})
    assert result == {slot: None}, result
    assert said == ["utter_not_a_value_rating"]


@pytest.mark.parametrize("text", ["我想给上回的投诉打个分", "等下 我先评价一下上回那个单子"])
def test_an_earlier_filing_rated_is_a_rating_however_sure_the_classifier(text):
    # fresh45-53: «我想给上回的投诉打个分» (complain) opened a new complaint's form
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, "complain", 0.93).intent == "rate_service"


def test_whom_to_call_told_with_the_firm_is_taken():
    # fresh45-45: «来电企业是绍兴越成纺织有限公司 来电人姓俞 手机135…» — the phone was taken, the name asked again
    result, _ = _validated("company_name", "来电企业是绍兴越成纺织有限公司 来电人姓俞 手机13567530218")
    assert result == {"company_name": "绍兴越成纺织有限公司", "contact_name": "俞"}, result


@pytest.mark.parametrize("text, name", [("联系人改成我吧 我姓龙 电话不变", "龙"), ("联系人改成我吧", None),
                                        ("联系人改成王强", "王强")])
def test_the_contact_changed_to_oneself_is_ones_name(text, name):
    # fresh45-47: filed as 联系人:我
    from bot.conversation.phrases import Correction, parse_correction

    assert parse_correction(text) == Correction("contact_name", name)


@pytest.mark.parametrize("text, name", [("联系人写我 姓王", "王"), ("联系人就写我吧 王建国", "王建国")])
def test_oneself_as_contact_then_the_name(text, name):
    from bot.conversation.phrases import stated_contact_name

    assert stated_contact_name(text) == name


def test_several_firms_reporting_one_matter_is_asked_of_merging(no_tickets):  # noqa: F811
    # fresh45-53: «同一件事好几家企业都反映了 是每家都要单独回吗» (a clerk, complain) opened a complaint's form
    from actions.ticket_status import told_how_it_is_handled
    from tests.actions.test_lead_42 import after, said

    text = "同一件事好几家企业都反映了 是每家都要单独回吗"
    _, responses = said(told_how_it_is_handled, after(["utter_handling_return"], text, "complain"))
    assert responses == ["utter_handling_merge_general"], responses


# ---- a case told right after a guide's answer, leaving the guide unsaid ----------------------------------------------


def _after_a_guide(text, answered="utter_procedure_answer_remembered"):
    state = read_tracker(text, "complain", 0.9, slots={"procedure": "bid_guarantee"})
    state.events[:] = [{"event": "user", "text": "没中标", "parse_data": {"intent": {"name": "inform"}}},
                       {"event": "bot", "text": "…", "metadata": {"utter_action": answered}},
                       {"event": "user", "text": text, "parse_data": state.latest_message}]
    return state


def test_a_case_after_a_guides_answer_says_which_guide(database):
    # the tester on main (k03): «保证金 退 多久», «没中标», then «合同都签了一个月了还没退» was filed with 情况 saying
    # nothing of what was not returned
    events, _ = run(ActionStartTicket(), _after_a_guide("合同都签了一个月了还没退"))
    told = [e["value"] for e in events if e["event"] == "slot" and e["name"] == "description" and e["value"]]
    assert told[-1] == "(关于投标保证金与电子保函)合同都签了一个月了还没退", told


@pytest.mark.parametrize("text, answered", [
    ("投标保证金合同签了一个月了还没退", "utter_procedure_answer_remembered"),  # the guide named
    ("合同都签了一个月了还没退", "utter_policy_quote"),  # no guide answered just before
])
def test_a_case_naming_its_guide_or_after_no_guide_is_as_told(database, text, answered):
    events, _ = run(ActionStartTicket(), _after_a_guide(text, answered))
    told = [e["value"] for e in events if e["event"] == "slot" and e["name"] == "description" and e["value"]]
    assert told and not told[-1].startswith("(关于"), told


# ---- the tester on main: how tickets are handled, asked --------------------------------------------------------------


@pytest.mark.parametrize("text", ["差评整改要多少天", "差评整改几个工作日"])
def test_how_long_a_bad_ratings_rectification_takes_is_its_own_clock(no_tickets, text):  # noqa: F811
    # the tester (q02): «差评整改要多少天» got 投诉渠道's «5个工作日…2、5、15»
    from actions.ticket_status import told_how_it_is_handled
    from tests.actions.test_lead_42 import after, said

    _, responses = said(told_how_it_is_handled, after([], text, "ask_duration"))
    assert responses == ["utter_handling_bad_rating"], responses


@pytest.mark.parametrize("text", ["那招投标的投诉呢", "招投标投诉的时限咋算"])
def test_how_a_complaint_about_a_bid_goes_asked_is_no_form(database, text):
    # the tester (h05, a07): each started a complaint form
    events, _ = run(ActionStartTicket(), read_tracker(text, "complain", 0.8))
    assert [e.get("name") for e in events if e["event"] == "followup"] == ["action_fallback"], events


@pytest.mark.parametrize("typed", ["蓝天环保", "宏达消防"])
def test_a_firm_named_after_its_trade_is_its_name(typed):
    # the tester on main (c08): «蓝天环保» at «贵企业的名称是» (环保 read as 生态环境局) got «没有完全理解», asked again
    from actions.tickets import ValidateTicketForm as Form

    state = _form_at("company_name", typed)
    state.latest_message["entities"] = [{"entity": "department", "value": "生态环境局", "start": 2, "end": 4}]
    assert asyncio.run(Form().extract_company_name(CollectingDispatcher(), state, DOMAIN)) == {"company_name": typed}


@pytest.mark.parametrize("text", ["帮我查下工单 YS2O2612O6OOO2", "YS2O26l2O6OOO2 到哪了"])
def test_an_id_with_each_zero_typed_as_the_letter_o_is_read(text):
    # the tester on main (s02): «YS2O2612O6OOO2» (five zeros typed as O) was not recognised
    from actions.ticket_status import ticket_id_in

    assert ticket_id_in(text) == "YS202612060002"


# ---- the tester on the branch: contacts and numbers -------------------------------------------------------------


@pytest.mark.parametrize("typed, name", [("刚说了 会计孙丽", "孙丽"), ("我是老板娘 姓潘", "潘老板娘"),
                                         ("代账的小刘", "小刘")])
def test_a_post_before_the_name_is_no_part_of_it(typed, name):
    # the tester on the branch (a24, a55, a83): filed as 会计孙丽, 娘姓潘, 代账的小刘
    result, _ = _validated("contact_name", typed, slots={"company_name": "前进机械制造有限公司"})
    assert result == {"contact_name": name}, result


def test_a_surname_word_sent_before_the_surname_is_no_name():
    # the tester on the branch (a69): «电话15899990000 姓» was filed as 联系人:姓
    result, said = _validated("contact_name", "电话15899990000 姓", slots={"company_name": "前进机械制造有限公司"})
    assert result == {"contact_name": None}, result


@pytest.mark.parametrize("typed, number", [
    # the tester on the branch (a05, a80): the colleague's and the dead number were kept
    ("电话是13900002222 不对 是13900002233 之前那个13900002222是我同事的", "13900002233"),
    ("打这个 13922221111 别打13944445555 那是我之前的号 停机了", "13922221111"),
])
def test_of_several_numbers_the_one_neither_wrong_nor_avoided(typed, number):
    from bot.conversation.phrases import mobile_put_right

    assert mobile_put_right(typed) == number


def test_at_the_summary_the_number_put_right_is_the_one_not_disowned():
    from bot.conversation.phrases import Correction, parse_correction

    typed = "电话是13900002222 不对 是13900002233 之前那个13900002222是我同事的"
    assert parse_correction(typed) == Correction("phone", "13900002233")


# ---- the first review of the branch ----------------------------------------------------------------------------------


def test_a_callers_name_labelled_is_the_name():
    # the review: «来电人姓名 张三» was filed as 联系人:名
    from bot.conversation.phrases import stated_contact_name

    assert stated_contact_name("我是12345坐席 来电企业是绍兴越成纺织有限公司 来电人姓名 张三 手机13567530218") == "张三"


@pytest.mark.parametrize("text", ["隔壁还有一家叫鑫源饭店的 油烟排到我们店里 城管一直不管",
                                  "另外一家叫恒通建设的 明显是陪标", "还有一家企业也反映了这个问题 市场监管局一直拖着"])
def test_another_firm_complained_of_or_compared_is_not_the_enterprise(database, text):
    # the review: the firm complained of (鑫源饭店), the rival bidder (恒通建设) became the ticket's enterprise
    state = read_tracker(text, "complain", 0.9)
    state.slots.update({"company_name": "华美服饰有限公司", "credit_code": "91410700MA44T5XJ3R"})
    events, _ = run(ActionStartTicket(), state)
    assert not [e for e in events if e["event"] == "slot" and e["name"] in ("company_name", "credit_code")], events


@pytest.mark.parametrize("typed, number", [
    # the review: the dead or unreachable number was kept
    ("我手机13912345600停机了 打我老婆的13912345687 是我老婆的", "13912345687"),
    ("13912345600打不通 你们打13912345687 是我同事的", "13912345687"),
    ("13912345600停机了 换成13912345687", "13912345687"),
    ("别打13944445555 打这个13922221111", "13922221111"),
])
def test_the_number_to_call_of_several(typed, number):
    from bot.conversation.phrases import mobile_put_right

    assert mobile_put_right(typed) == number


def test_an_owner_who_mentions_the_hotline_is_asked_as_an_owner():
    # the review: «打了好几次12345热线都没人管 …» was asked «请问来电企业的名称是?»
    assert _asked(ActionAskCompanyName(), "x", before=("打了好几次12345热线都没人管 税务局一直不给开发票 我要投诉",)) \
        == ["utter_ask_company_name"]


@pytest.mark.parametrize("typed", ["之前的工单我给了差评 到现在也没人理", "评价那个窗口的态度"])
def test_a_rating_given_told_is_no_rating_asked(typed):
    from bot.conversation.phrases import rates_another_ticket

    assert not rates_another_ticket(typed)


def test_a_number_said_in_words_inside_more_of_the_case_is_the_case():
    # the review: «他们给的电话幺三五零零零零一二三四是空号 根本联系不上» at the firm's question was filed as its name
    from actions.tickets import tells_more_of_the_case

    assert tells_more_of_the_case("他们给的电话幺三五零零零零一二三四是空号 根本联系不上")
    assert not tells_more_of_the_case("我是厂长 叫马建国 电话是一三五 零零零零 一二三四")


@pytest.mark.parametrize("text, name", [("法人姓王", "王"), ("负责人姓张", "张"), ("我爱人姓王", "王")])
def test_a_role_then_a_surname_is_the_surname(text, name):
    # the review: filed as 联系人:姓王
    from bot.conversation.phrases import contact_by_post

    assert contact_by_post(text) == name


def test_oneself_as_contact_with_another_change_asks_the_name_and_changes_the_rest():
    # the review: «联系人改成我 电话改成139…» at the summary changed the phone and kept the old contact, saying nothing
    from bot.conversation.phrases import Correction, corrections_said

    assert corrections_said("联系人改成我 电话改成13912345678") == [Correction("contact_name", None),
                                                                   Correction("phone", "13912345678")]


def test_the_same_matter_of_ones_other_firm_after_filing_opens_its_ticket(no_tickets):  # noqa: F811
    # the tester on the branch (a03, a82, a83): «还有一家 也是我代账的 叫恒通物流 也是发票的事» right after a filing got
    # «没有完全理解»
    from actions.procedures import ActionFallback
    from tests.actions.test_lead_42 import after, started

    text = "还有一家 也是我代账的 叫恒通物流 也是发票的事"
    events, _ = started(ActionFallback(), after(["utter_ticket_filed"], text, "nlu_fallback", confidence=0.3))
    assert [e.get("name") for e in events if e["event"] == "followup"] == ["action_start_ticket"], events
    events, _ = started(ActionFallback(), after(["utter_procedure_answer"], text, "nlu_fallback", confidence=0.3))
    assert "action_start_ticket" not in [e.get("name") for e in events if e["event"] == "followup"], events


@pytest.mark.parametrize("text, name", [("接着填吧 联系人是我 老板娘 姓吴", "吴老板娘"),
                                        ("联系人是会计 姓孙", "孙会计")])
def test_a_post_then_its_surname_is_whom_to_ask_for(text, name):
    # the full replay (fresh40-42): with 老板娘 a post, «联系人是我 老板娘 姓吴» named nobody (main filed 老板娘)
    from bot.conversation.phrases import stated_contact_name

    assert stated_contact_name(text) == name


def test_a_rating_of_before_is_of_the_closed_ticket_not_the_one_just_filed(no_tickets):  # noqa: F811
    # the tester on the branch (a01): «我想给上回的投诉打个分» right after filing another asked for a rating of the new,
    # open one; the rating then given was lost on it
    import datetime as dt

    from actions.ticket_status import _pick
    from bot.tickets.draft import TicketDraft
    from bot.tickets.kinds import Channel, TicketType
    from bot.workdays import SHANGHAI
    from tests.actions.test_ticket_form_bugs import tracker

    filed = dt.datetime(2026, 11, 30, 9, 0, tzinfo=SHANGHAI)

    def draft(text):
        return TicketDraft(type=TicketType.COMPLAINT, channel=Channel.WEB, description=text, contact_name="李强",
                           phone="13837312345", actor="enterprise:bugs", conversation_id="bugs")

    before = no_tickets.file(draft("报装的电两个月没接"), filed).ticket.id
    no_tickets.close(before, "已协调供电公司接电", filed + dt.timedelta(days=1), "officer:test")
    just_filed = no_tickets.file(draft("窗口态度差"), filed + dt.timedelta(days=2)).ticket.id
    state = tracker("我想给上回的投诉打个分", "rate_service", slots={"verified_ticket": just_filed})
    assert _pick(state, want_closed=True).id == before
    assert _pick(state, want_closed=False).id == just_filed


# ---- the re-check of the mends -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, intent", [("都说了 转人工", "human_handoff"), ("我之前说过了 催一下", "urge"),
                                          ("刚说了 再见", "complain")])
def test_a_command_said_again_is_still_the_command(text, intent):
    # the re-check: «都说了 转人工» at the firm's question was filed as 企业:转人工
    from tests.bot.dialogue.test_conv18 import READ

    assert READ.read(text, intent, 0.9).intent == intent


def test_a_person_asked_for_at_the_firms_question_is_no_firm():
    result, _ = _validated("company_name", "都说了 转人工")
    assert result == {"company_name": None}, result


@pytest.mark.parametrize("text", ["还有一家客户叫华丰的 说我们开的发票有问题 税务局就把我们的票停了",
                                  "另外一个客户投诉我们 市场监管局就直接来罚了两千",
                                  "另外一家代账公司说可以办 但是税务局就是不给我们开发票"])
def test_a_customer_or_another_agency_is_no_firm_of_ones_own(text):
    # the re-check: filed as 企业:华丰 (a customer), our firm and code wiped
    from bot.conversation.phrases import another_firm_told

    assert another_firm_told(text) is None


def test_a_name_refused_is_no_name():
    # the re-check: «来电人姓名 不愿透露» was filed as 联系人:不愿透露
    from bot.conversation.phrases import stated_contact_name

    assert stated_contact_name("来电企业是绍兴越成纺织有限公司 来电人姓名 不愿透露 手机13567530218") is None


def test_a_case_naming_its_department_after_a_guide_is_as_told(database):
    # the re-check: «税务局发票一直不给领 拖了半个月» after 投标保证金 was filed as «(关于投标保证金与电子保函)…»
    events, _ = run(ActionStartTicket(), _after_a_guide("税务局发票一直不给领 拖了半个月"))
    told = [e["value"] for e in events if e["event"] == "slot" and e["name"] == "description" and e["value"]]
    assert told and not told[-1].startswith("(关于"), told


@pytest.mark.parametrize("typed", ["13912345600 打不通的话打13912345687",
                                   "我手机13912345600 关机的话就打13912345687 我老婆的"])
def test_a_fallback_number_keeps_both(typed):
    # the re-check: the owner's own number was dropped for the fallback
    from bot.conversation.phrases import mobile_put_right

    assert mobile_put_right(typed) is None


@pytest.mark.parametrize("text, firm", [("恒信 会计师事务所", "恒信会计师事务所"),
                                        ("杭州 老板电器旗舰店", "杭州老板电器旗舰店")])
def test_a_post_word_inside_a_firms_name_does_not_cut_it(text, firm):
    from bot.conversation.phrases import company_name_from

    assert company_name_from(text) == firm


def test_an_official_told_with_the_firm_is_no_contact():
    from bot.conversation.phrases import contact_beside_firm

    assert contact_beside_firm("公司是华美服饰有限公司 经办人叫王强 是税务局的", "华美服饰有限公司") is None


@pytest.mark.parametrize("typed", ["王明 上次那个单子我打的差评", "上次的投诉我差评了 还是没人管"])
def test_a_rating_given_in_other_words_is_no_rating_asked(typed):
    from bot.conversation.phrases import rates_another_ticket

    assert not rates_another_ticket(typed)
