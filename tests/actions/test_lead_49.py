"""Round forty-nine (the lead's part), in the actions: what the tester on main and the lead's own chats showed at the
ticket form's questions and its summary, each in sentences of our own."""

import pytest

from bot.conversation.phrases import another_firm_told, done_checking, name_among, phone_tail_put_right
from bot.language.waiting import puts_off_filing, waits_aside
from tests.actions.test_lead_40 import _run_at_summary
from tests.actions.test_lead_47 import _at

# ---- whom to call, at the name's question ------------------------------------------------------------------------


@pytest.mark.parametrize("typed, name", [
    # the tester on main: filed as 联系人:叫司马光明 / 人事部的 / 他儿子, or 司马 / 王 with the post dropped
    ("厂长叫司马光明", "司马光明"),
    ("我们会计叫欧阳娜", "欧阳娜"),
    ("人事部的 简简", "简简"),
    ("联系人写人事部的 简简 电话15189330216", "简简"),
    ("联系人写财务那边的 温雅", "温雅"),
    ("我是他儿子 联系人写我爸名字 单国庆", "单国庆"),
    ("找我们厂长 姓司马", "司马厂长"),
    ("找我们经理 姓王", "王经理"),
    ("联系人写我们老板 姓孙", "孙老板"),
    # a surname outside the commonest hundred (联系人:隗, the post dropped, where 姓王 gave 王经理)
    ("联系人写我们经理 姓隗", "隗经理"),
])
def test_whom_to_call_told_around_the_name(typed, name):
    result, said = _at("contact_name", typed, phone=None)
    assert result["contact_name"] == name and said == [], (result, said)


@pytest.mark.parametrize("typed, name", [
    # readings of before that the new ones leave alone
    ("我是会计 姓孙", "孙会计"), ("联系人是我 老板娘 姓吴", "吴老板娘"), ("叫我老刘就行 刘长河", "刘长河"),
    ("俺姓滕 叫滕大军", "滕大军"), ("王芳", "王芳"), ("我姓王", "王"), ("我姓欧阳 电话13903731234", "欧阳"),
])
def test_names_read_as_before(typed, name):
    assert name_among(typed) == name


@pytest.mark.parametrize("typed", ["联系人叫什么来着", "名字写全 叫人来改一下", "联系人叫错了"])
def test_a_call_that_names_no_one_changes_no_contact_at_the_summary(typed):
    result, _ = _run_at_summary(typed, slots={"contact_name": "司马厂长"})
    assert result.get("contact_name") in (None, "司马厂长") or "contact_name" not in result


def test_one_asks_to_be_called_by_the_post():
    # «你就叫我老板吧» (filed as 联系人:我老板, or «请问老板怎么称呼» then the next message taken for the name)
    for typed in ("你就叫我老板吧", "喊我老板娘就行"):
        result, said = _at("contact_name", typed, phone=None)
        assert result["contact_name"] in ("老板", "老板娘") and said == []
    result, said = _at("contact_name", "我们老板", phone=None)
    assert result["contact_name"] is None and said == ["utter_contact_post_alone"]


@pytest.mark.parametrize("typed", ["等下 我先跟老板确认一下再交", "等一下 跟老板商量一下", "稍等 我先和会计核对一下"])
def test_a_wait_to_check_with_someone_is_no_name(typed):
    # «等下 我先跟老板确认一下再交» at «怎么称呼您» was filed as 联系人:等下
    assert waits_aside(typed)
    result, _ = _at("contact_name", typed, phone=None)
    assert result["contact_name"] is None


@pytest.mark.parametrize("typed", ["等下 我问问会计 应该是税务局", "等下 我跟他说一声要人工",
                                   "等等 我跟你说 窗口的人态度太差"])
def test_words_after_a_wait_that_tell_something_are_no_aside(typed):
    assert not waits_aside(typed)


# ---- one field put right at the summary ----------------------------------------------------------------------


@pytest.mark.parametrize("typed, slots, changed", [
    # the tester on main: the name asked again, or shown again unchanged, or 联系人:司马光明四个字
    ("厂长叫司马光明 名字写全", {"contact_name": "司马厂长"}, {"contact_name": "司马光明"}),
    ("联系人不对 是司马光明四个字", {"contact_name": "司马"}, {"contact_name": "司马光明"}),
    ("来电人是庞女士不对 是逄女士", {"contact_name": "庞女士"}, {"contact_name": "逄女士"}),
    ("哦 来电人写成庞女士不对 是逄女士 逄是逢字少一点那个", {"contact_name": "庞女士"}, {"contact_name": "逄女士"}),
    ("庞女士写错了 应该是逄女士", {"contact_name": "庞女士"}, {"contact_name": "逄女士"}),
    ("来电人姓氏错了 不是邬 是乌 乌鸦的乌", {"contact_name": "邬先生"}, {"contact_name": "乌先生"}),
    # the phone's last two the wrong way round: filed with the number said to be wrong
    ("电话末两位说反了", {"phone": "15005180990"}, {"phone": "15005180909"}),
    ("哎呀末两位说反了", {"phone": "15005180990"}, {"phone": "15005180909"}),
    ("手机号最后两个数字颠倒了", {"phone": "13905711234"}, {"phone": "13905711243"}),
])
def test_one_field_put_right_in_other_words(typed, slots, changed):
    result, said = _run_at_summary(typed, slots=slots)
    assert {k: v for k, v in result.items() if k not in ("ticket_confirmed", "requested_slot")} == changed
    assert said == ["utter_form_value_corrected"]


@pytest.mark.parametrize("typed", ["末两位说反了", "电话最后两位搞反了"])
def test_last_two_alike_or_said_with_digits_are_not_swapped(typed):
    assert phone_tail_put_right(typed, "15005180999") is None  # the same digit twice: nothing to swap
    assert phone_tail_put_right(typed + " 应该是90", "15005180909") is None  # digits said: read as before


@pytest.mark.parametrize("typed", ["等下 我先跟老板确认一下再交", "等我跟会计确认下再提交"])
def test_a_check_with_someone_puts_the_filing_off(typed):
    # the summary was shown again without a word (its «确认» was taken for filing asked anyway)
    assert puts_off_filing(typed)


@pytest.mark.parametrize("typed", ["确认 提交 其他的回头再说", "不用等我问老板再交了 直接提交", "确认提交"])
def test_filing_asked_is_no_put_off(typed):
    assert not puts_off_filing(typed)


@pytest.mark.parametrize("typed, done", [("我回来了 刚才那个可以交了", True), ("现在可以提交了", True),
                                         ("那能交了", True), ("现在能提交了吗", False), ("还不能交了 老板不在", False)])
def test_back_and_ready_to_file(typed, done):
    # fresh49's tester: «我回来了 刚才那个可以交了» after the put-off showed the summary again
    assert done_checking(typed) is done


# ---- the firm -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, firm", [
    # the tester on main: 企业:德盛纺织有限公司联系人龚先生电话…手机 (its simplified form was read right)
    ("我們是德盛紡織有限公司 聯繫人龔先生 電話 0513-8765 4321 手機13606281190", "德盛纺织有限公司"),
    # 企业:路桥建设有限公司, the whole name written into what happened as another firm
    ("路桥建设有限公司全称叫鼎盛路桥建设有限公司", "鼎盛路桥建设有限公司"),
])
def test_the_firms_name_told_in_other_ways(typed, firm):
    result, said = _at("company_name", typed)
    assert result["company_name"] == firm and "description" not in result and said == []


def test_several_firms_are_still_one_and_the_others():
    result, said = _at("company_name", "亿达商贸有限公司 华盛科技有限公司")
    assert result["company_name"] == "亿达商贸有限公司" and said == ["utter_other_firms_noted"]


@pytest.mark.parametrize("typed, firm", [
    # a bookkeeper's next client after a ticket (filed under the first client's name)
    ("还有另一家客户 佳美家具厂 社保开户窗口让跑了三趟还没开成 也帮登记下", "佳美家具厂"),
    ("还有另外一家 宏远物流有限公司 也是这个事", "宏远物流有限公司"),
])
def test_another_client_told_after_a_ticket(typed, firm):
    assert another_firm_told(typed) == firm


@pytest.mark.parametrize("typed", ["还有另一家企业也反映了这个问题", "还有另外一家 隔壁的鑫源饭店 也一样"])
def test_another_firm_that_is_a_third_party_is_no_client(typed):
    assert another_firm_told(typed) is None


@pytest.mark.parametrize("typed, told", [
    # the tester on main and fresh50-44: «「电话177… 名字不用写」不是联系人的称呼», or 联系人:我老板 / 那写姓卢
    ("电话17751380629 名字不用写 你就叫我老板吧", {"contact_name": "老板", "phone": "17751380629"}),
    ("你就叫我老板吧", {"contact_name": "老板"}),
    ("那写姓卢 卢老板", {"contact_name": "卢"}),
    # a supervisor named right after the post (asked again)
    ("监督员葛长青", {"contact_name": "葛长青", "company_name": "未提供", "credit_code": "未提供"}),
])
def test_whom_to_call_beside_a_number_a_post_or_a_word_of_writing(typed, told):
    result, _ = _at("contact_name", typed, phone=None)
    assert result == told


@pytest.mark.parametrize("typed, guess, read", [
    # fresh50-42: «我是营商助手…» (bot_challenge), the summary shown again with the name left wrong
    ("哦 来电人写成庞女士不对 是逄女士 逄是逢字少一点那个", "bot_challenge", "inform"),
    ("联系人打错了 应该是温雅", "greet", "inform"),
    # a question or a challenge stays one
    ("你说的不对 是15个工作日吗", "bot_challenge", "bot_challenge"),
    ("你是机器人吗", "bot_challenge", "bot_challenge"),
])
def test_a_value_put_right_is_no_challenge(typed, guess, read):
    from tests.actions.test_lead_40 import READ

    assert READ.read(typed, guess, 0.7).intent == read


@pytest.mark.parametrize("asked, said", [("utter_callers_ticket_by_id_phone_kept", []),
                                         ("utter_urge_ask_callers_ticket", []),
                                         ("utter_greet", ["utter_ticket_id_not_given"])])
def test_a_callers_id_just_asked_is_not_said_missing_again(asked, said):
    # the merged branch, live: «我是12345坐席 帮来电人催办一下 恒丰… 手机159… 接电的那个事» got the id asked, then
    # «这条消息里没有工单号…实在找不到,可以拨打12345政务服务热线查询» (hotline advice to an agent) and «请提供工单号»
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.ticket_status import ValidateStatusForm

    typed = "我是12345坐席 帮来电人催办一下 恒丰塑胶制品厂 手机15951238876 接电的那个事"
    latest = {"text": typed, "intent": {"name": "urge", "confidence": 0.9}, "entities": []}
    state = Tracker.from_dict({
        "sender_id": "l49-id", "slots": {"pending_request": "urge"}, "latest_message": latest, "paused": False,
        "followup_action": None, "active_loop": {"name": "status_form"}, "latest_action_name": "action_urge",
        "events": [{"event": "user", "text": typed, "parse_data": latest},
                   {"event": "bot", "text": "…", "metadata": {"utter_action": asked}}]})
    dispatcher = CollectingDispatcher()
    assert ValidateStatusForm().check_ticket_id(typed, dispatcher, state) == {"ticket_id": None}
    assert [m.get("response") for m in dispatcher.messages] == said


@pytest.mark.parametrize("note, shop", [
    # the merged branch, live: «请问来电企业的名称是?» — the relay's «反映» before the note stopped the reading
    ("我是热线话务员 代来电企业反映：来电人（滕女士 13905183372）滕记烧饼铺 反映市场监管所的人来检查", "滕记烧饼铺"),
    ("帮来电人登记一下:来电人(邬先生 13952071843)邬记五金店 反映城管把门口的货拖走了", "邬记五金店"),
    ("来电人（滕女士 13905183372）滕记烧饼铺 反映市场监管所的人来检查", "滕记烧饼铺"),
])
def test_the_shop_after_the_callers_brackets_behind_a_relay(note, shop):
    from bot.language.introduction import shop_named_in_a_note

    assert shop_named_in_a_note(note) == shop


@pytest.mark.parametrize("note", ["帮来电人反映一下 窗口态度差 滕记烧饼铺的事", "代来电企业反映 施工许可拖了一个月"])
def test_a_relay_without_a_shop_as_a_word_names_none(note):
    from bot.language.introduction import shop_named_in_a_note

    assert shop_named_in_a_note(note) is None


@pytest.mark.parametrize("typed, agent", [
    # fresh50-47: «请问贵企业的名称是?» — an owner's form for the caller's note
    ("这边12345 来电人（滕女士 13952716408）滕记烧饼铺 反映城管让换店招 换完又说不合格", True),
    ("这里12345热线 来电人王女士 反映消防验收拖了两个月", True),
    ("这边窗口态度太差了", False), ("我打了12345 来电显示是座机", False), ("这边12345能投诉吗", False),
])
def test_an_agent_who_opens_with_where_the_hotline_is(typed, agent):
    from bot.conversation.phrases import files_for_a_caller

    assert files_for_a_caller([typed]) is agent
