"""Round nine's conversation fixes (conv13), each failing on main before: values typed by label with
full-width marks, a request at the contact questions, the ladder's top asked, the kind of change."""
import pytest

from bot.conversation import phrases
from bot.dialogue.telling import gives_filing_details, says_farewell, story_of
from bot.text import plain


def test_plain_narrows_full_width_marks_keeping_length():
    typed = "联系人：王丽，电话１３９"
    assert plain(typed) == "联系人:王丽,电话139" and len(plain(typed)) == len(typed)


@pytest.mark.parametrize("typed, name", [
    ("我要投诉：窗口拖了两周。公司是新乡市宏远机械有限公司，信用代码91410700MA44R8K2X0，"
     "联系人李建国，手机13938271645", "李建国"),
    ("公司名称：新乡市鑫达五金制品有限公司 联系人：王丽 电话：13912345678", "王丽"),
    ("投诉税务局 办发票拖了二十天 姓名张伟，手机13838001234", "张伟"),
])
def test_a_contact_typed_by_label_after_full_width_marks_is_taken(typed, name):
    assert phrases.stated_contact_name(typed) == name


def test_the_story_is_told_without_the_details_before_or_after_it():
    typed = ("我要投诉：税务局窗口办发票增量，拖了三个礼拜不给批。公司是示例市恒达五金有限公司，"
             "信用代码91410700372618450G，联系人王建军，手机15837261904")
    assert story_of(typed) == "税务局窗口办发票增量，拖了三个礼拜不给批"


def test_labels_with_full_width_colons_give_the_story_and_never_fail():
    # main raised ValueError (the labels were found on the narrowed text only): «系统暂时繁忙»
    typed = ("想求助一下 厂里新车间报装用电三个月了还没通上电 公司名称：新乡市鑫达五金制品有限公司 "
             "统一社会信用代码：914107003172564898 联系人：王丽 电话：13912345678")
    assert gives_filing_details(typed)
    assert story_of(typed) == "厂里新车间报装用电三个月了还没通上电"


@pytest.mark.parametrize("typed", ["帮我催一下", "我要查进度", "这个咋填", "有结果了吗"])
def test_a_request_is_no_contact_value(typed):
    assert phrases.requests_instead(typed)


@pytest.mark.parametrize("typed", ["周海", "王先生", "查文斌", "13912345678", "张伟 13912345678", "叫我小李就行",
                                   "不知道"])
def test_a_value_is_no_request(typed):
    assert not phrases.requests_instead(typed)


@pytest.mark.parametrize("typed", ["最后能到谁那里", "再往上呢", "最高找谁", "到顶是谁"])
def test_the_ladders_top_asked(typed):
    assert phrases.asks_the_ladder_top(typed)


@pytest.mark.parametrize("typed", ["好的 谢谢", "那要多久", "我要投诉"])
def test_no_ladder_question(typed):
    assert not phrases.asks_the_ladder_top(typed)


@pytest.mark.parametrize("typed, farewell", [("跑了六趟了 心太累了", False), ("累死了 先走了", True), ("拜拜", True)])
def test_tiredness_is_no_farewell(typed, farewell):
    assert says_farewell(typed) is farewell


def test_the_kind_of_change_said_before_picks_the_materials_of_a_follow_up():
    from actions.saying import kind_said_before
    from tests.bot.test_procedures_answers import _real_guides

    kb = _real_guides()
    change = kb.get("business_change")
    moved = "公司想搬到开发区 执照地址咋改"
    earlier = [(moved, ["business_change"])]
    assert kind_said_before(change, "要带啥", earlier, kb.everyday_words) == moved
    # a new kind replaces it; a message about another procedure ends the search
    assert kind_said_before(change, "那换法人呢 要带啥", earlier, kb.everyday_words) == "那换法人呢 要带啥"
    other = [("简易注销要多久", ["simple_deregistration"]), *earlier]
    assert kind_said_before(change, "要带啥", other, kb.everyday_words) == "要带啥"


# ---- conv13b: the branch's second engineer (two requests, waiting for a person, corrections mid-form,
# ---- not a name, how the result is told, exhaustion with a thing named)

@pytest.mark.parametrize("typed", ["处理完了我怎么知道", "办好了会通知我吗", "有结果了会发短信吗", "到时候咋通知我"])
def test_asking_how_the_result_is_told(typed):
    assert phrases.asks_how_told(typed)


@pytest.mark.parametrize("typed", ["窗口说会通知我 结果一直没通知", "他们说会通知我 咋还没通知", "帮我催一下",
                                   "我的工单到哪了", "能不能通知一下税务局", "我们厂咋知道自己能不能申请",
                                   "那个名单在哪能看到"])
def test_no_question_of_how_the_result_is_told(typed):
    assert not phrases.asks_how_told(typed)


@pytest.mark.parametrize("typed", ["没有代码 个体户", "个体户没有代码", "我们是营业执照上那个"])
def test_words_that_say_something_else_are_no_name(typed):
    assert phrases.says_other_than_a_name(typed)


@pytest.mark.parametrize("typed", ["张伟", "王先生", "叫我小李就行", "李所长", "单丽", "查文斌", "周海"])
def test_a_name_is_a_name(typed):
    assert not phrases.says_other_than_a_name(typed)


@pytest.mark.parametrize("typed, wanted", [
    ("我想问问开公司的事 还有我之前那个投诉有结果没", ["我想问问开公司的事"]),
    ("办施工许可要多久，我那个求助到哪一步了", ["办施工许可要多久"]),
    ("我的投诉有结果没", []),
    ("简易注销要多久", []),
])
def test_the_clauses_beside_a_status_check(typed, wanted):
    assert [typed[a:b] for a, b in phrases.clauses_beside_the_status(typed)] == wanted


def test_exhaustion_with_a_thing_named_vents_but_misconduct_named_does_not():
    from pathlib import Path

    from bot.language.lexicon import load_lexicon

    moods = load_lexicon(Path(__file__).resolve().parents[3] / "knowledge").moods
    assert moods.vents("为了个执照折腾了一个月 累死了", names_something=True)
    assert not moods.vents("窗口互相推诿 办个执照累死了", names_something=True)
    assert not moods.vents("营业执照要带啥材料", names_something=True)


def test_a_conversation_waiting_for_a_person_is_told_so_until_an_agent_takes_it():
    from bot.channels.edge import WAITING, waits_for_a_person

    transfer = {"event": "bot", "metadata": {"utter_action": "utter_handoff_transfer", "handoff": "waiting"}}
    user = {"event": "user", "text": "好的 麻烦了"}
    told = {"event": "bot", "metadata": {"utter_action": WAITING, "handoff": "waiting"}}
    taken = {"event": "bot", "text": "您好", "metadata": {"agent": "wangli"}}
    assert waits_for_a_person([transfer, {"event": "pause"}, user])
    assert waits_for_a_person([transfer, {"event": "pause"}, user, told, user])
    assert not waits_for_a_person([transfer, {"event": "pause"}, taken, user])
    assert not waits_for_a_person([user])
    assert not waits_for_a_person([user, transfer, {"event": "pause"}]), "the transfer answered its own turn"


def _form_tracker(text, requested, slots, intent="inform", entities=()):
    from rasa_sdk import Tracker

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": list(entities)}
    return Tracker.from_dict({
        "sender_id": "conv13b", "slots": {"requested_slot": requested, **slots}, "latest_message": latest,
        "events": [{"event": "user", "text": text, "parse_data": latest}], "paused": False, "followup_action": None,
        "active_loop": {"name": "ticket_form"}, "latest_action_name": "action_listen",
    })


_FILLED = {"ticket_type": "complaint", "description": "窗口互相推诿 办个执照跑了五趟还没办成",
           "company_name": "新乡市恒达五金有限公司", "credit_code": "未提供", "contact_name": "张伟"}
_DOMAIN = {"forms": {"ticket_form": {"required_slots": ["description", "company_name", "credit_code", "contact_name",
                                                        "phone", "department", "ticket_confirmed"]}}, "slots": {}}


def _validate(state):
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.tickets import ValidateTicketForm

    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateTicketForm().run(dispatcher, state, _DOMAIN))
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}, [m["response"] for m in
                                                                                  dispatcher.messages]


def test_a_department_said_wrong_is_replaced_at_the_phone_question():
    # main: «手机号格式不对» (the correction read as the phone)
    state = _form_tracker("哦不对 是税务局 我记错了", "phone", {**_FILLED, "department": "市场监督管理局"})
    slots, said = _validate(state)
    assert slots.get("department") == "税务局" and not slots.get("phone")
    assert said == ["utter_form_value_corrected"]


def test_a_phone_said_wrong_is_replaced_at_the_department_question():
    # main: «没找到「电话错了 是139…」这个部门»
    phone = [{"entity": "phone", "value": "13938271645", "start": 6, "end": 17}]
    slots, said = _validate(_form_tracker("电话错了 是13938271645", "department",
                                          {**_FILLED, "phone": "13912345678"}, entities=phone))
    assert slots.get("phone") == "13938271645" and not slots.get("department")
    assert said == ["utter_form_value_corrected"]


def test_a_company_name_written_wrong_is_replaced_at_the_contact_question():
    # main: the name became «应该是新乡市恒通五金有限公司»
    filled = {k: v for k, v in _FILLED.items() if k != "contact_name"}
    slots, said = _validate(_form_tracker("公司名写错了 应该是新乡市恒通五金有限公司", "contact_name", filled))
    assert slots.get("company_name") == "新乡市恒通五金有限公司" and not slots.get("contact_name")
    assert said == ["utter_form_value_corrected"]


def test_an_answer_to_the_question_before_is_no_contact_name():
    # main: «联系人:没有代码»
    filled = {k: v for k, v in _FILLED.items() if k != "contact_name"}
    slots, said = _validate(_form_tracker("没有代码 个体户", "contact_name", filled))
    assert not slots.get("contact_name") and said == ["utter_not_a_name"]
