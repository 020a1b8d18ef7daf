"""The lead's part of issue 10's thirty-fifth round, in reading and dialogue: what was left last round and what the
thirty-sixth set, the testers and the reviews showed, in our own wording, each failing on main."""
import pytest

from bot.conversation import phrases
from bot.conversation.answering import asks_of_the_filed_ticket
from bot.dialogue.limits import asked_of_the_assistant
from bot.dialogue.questions import Answer
from bot.language.grammar import handling_steps_asked
from tests.bot.dialogue.test_conv18 import READ, step
from tests.bot.dialogue.test_lead_34 import _after

# ---- a rating someone else demands is their conduct complained of ------------------------------------------------

@pytest.mark.parametrize("text, intent, confidence", [
    # (rate_service 0.96: «谢谢您的肯定,我们会把表扬转达…»)
    ("窗口要求我们必须给好评 不给就不给办", "rate_service", 0.96),
    ("办事员非让我们在评价器上点满意 这合理吗", "rate_service", 0.83),
    # (rate_service 1.00: «请提供工单号»)
    ("他们逼着我们打五星好评", "rate_service", 1.0),
    ("大厅的人说不给好评就不让走", "rate_service", 0.9),
])
def test_a_rating_demanded_by_others_is_a_complaint_not_a_rating(text, intent, confidence):
    assert READ.read(text, intent, confidence).intent == "complain"


@pytest.mark.parametrize("text", ["给个好评 办得挺快", "YS202612010003 满意 窗口的小姑娘很耐心", "差评 让我们跑了三趟"])
def test_a_rating_given_with_what_earned_it_stays_a_rating(text):
    assert READ.read(text, "rate_service", 0.95).intent == "rate_service"


# ---- not knowing for sure --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["不太清楚", "我也不大知道", "说不准"])
def test_not_quite_knowing_is_not_knowing(text):
    assert phrases.says_not_known(text)


@pytest.mark.parametrize("text", ["税务局吧 不太确定", "不太清楚 好像是税务局", "应该是市场监管局 我也不太确定"])
def test_a_value_guessed_with_a_hedge_is_no_value_declined(text):
    # the first review: «税务局吧 不太确定» at the department's question was filed as 不清楚
    assert not phrases.lacks_value(text)


@pytest.mark.parametrize("text, intent", [
    # the second review: each a rating on main, a complaint form on the first cut
    ("小王让我给个好评 我真心觉得他服务好 给非常满意", "rate_service"),
    ("办事员让我们给好评 我们也确实满意", "rate_service"),
    ("老板让我给个好评 窗口服务特别好", "rate_service"), ("他们非要我们打满意 这个差评我给定了", "rate_service"),
])
def test_a_rating_asked_for_by_someone_and_agreed_with_stays_a_rating(text, intent):
    assert READ.read(text, intent, 0.9).intent == "rate_service"


# ---- what the assistant cannot do, asked plainly -----------------------------------------------------------------

@pytest.mark.parametrize("text, act", [
    # the tester on main: the guide in memory's places, «没有找到依据», the list of what it can do, an address
    ("能帮我预约个时间去大厅吗", "appointment"), ("那材料能传给你吗 我拍照了", "files"),
    ("你能帮我打个电话给税务局问问吗", "call"), ("电力公司的窗口几点下班", "hours"),
    ("能不能在你这直接交费", "payment"), ("窗口中午休不休息", "hours"),
])
def test_what_the_assistant_cannot_do_is_read(text, act):
    assert asked_of_the_assistant(text) == act


@pytest.mark.parametrize("text", ["在线上传的材料要什么格式", "要交多少钱", "我打电话给税务局没人接",
                                  "上传决议要签字吗", "12345电话多少", "工作时间能办吗",
                                  # the second review: guide questions refused on the first cut
                                  "保证金能不能用保函代交", "帮办代办可以不用排队吗", "可以帮我们预约帮办代办吗",
                                  "营业执照可以网上预约取件吗", "开诊所可以在网上交费吗", "我给你们打电话一直占线",
                                  "打电话给窗口 让他们帮我查一下 结果没人理", "帮忙让经办人打个电话给我",
                                  "投标文件几点截止",
                                  "窗口几点下班都不说清楚 我们去了三次都关门了"])
def test_a_guide_asked_of_such_an_act_is_no_request_of_the_assistant(text):
    assert asked_of_the_assistant(text) is None


# ---- how a matter filed is handled, asked with nothing filed -----------------------------------------------------

@pytest.mark.parametrize("text, steps", [
    # fresh36-22: «没有找到依据», and a second complaint's form
    ("万一那个部门说这事不归他们管呢", ("return",)),
    ("同一件事我们厂两个人都去反映了 会不会当成两件来办", ("merge",)),
    ("同一个事上个月已经投诉过一次了 再投会不会算重复", ("merge",)),
    ("我给了不满意 可后面的整改我觉得不公平 能申诉吗", ("appeal",)),
])
def test_how_a_filed_matter_is_handled_is_asked(text, steps):
    assert handling_steps_asked(text) == steps


# ---- a matter of several departments that none leads --------------------------------------------------------------

@pytest.mark.parametrize("text", ["我们这事牵扯三个部门 谁都不牵头 规定上应该怎么处理",
                                  "两个部门都说不归自己 没人牵头 该咋办"])
def test_a_matter_no_department_leads_gets_the_first_receiver_rule(text):
    # (it got «没有找到依据»; the rule is 宿迁's 首问负责制 and 分级会办)
    answer = step(text, "ask_procedure")
    assert "首问负责制" in answer.hit.passage.paragraph and "会办" in answer.hit.passage.paragraph, answer


# ---- who one is, not a firm ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [("我叫何敏 电话13800138000 没有公司 个人建议", "何敏"),
                                        ("我不是企业 我是市里聘的特邀监督员 叫孙立", "孙立")])
def test_no_company_with_ones_own_name_is_no_company(text, name):
    # the tester on main: the enterprise's name was asked again, and again
    assert phrases.is_no_company(text) and phrases.stated_contact_name(text) == name


@pytest.mark.parametrize("text", ["还没注册 个体户 叫宏达五金", "还没有公司 名字叫鑫源"])
def test_a_firm_named_with_no_company_yet_is_its_name(text):
    assert not phrases.is_no_company(text)


# ---- things handled together, a call closed --------------------------------------------------------------------

@pytest.mark.parametrize("text, procedure", [
    # fresh36-10: 怀柔's clause on the same services, not the guide's «联合办理»
    ("水电气能一块报吗 还是得一家一家跑", "utility_connection"),
    # the tester on main: «没有找到依据» (the guide: «与营业执照登记信息一并在线填报»)
    ("执照跟诊所备案能一起办吗", "clinic_setup"),
])
def test_handling_together_asked_is_the_guides(text, procedure):
    answer = step(text, "ask_procedure")
    assert getattr(answer, "procedure", None) == procedure, answer


@pytest.mark.parametrize("text", ["好 他说知道了 这通电话就到这", "行 来电人说明白了 通话就到这儿吧"])
def test_a_call_closed_is_a_goodbye(text):
    # fresh36-45: «这通电话就到这» got 接电's guide (for the 通电 of 通电话)
    assert READ.read(text, "ask_procedure", 0.9).intent == "goodbye"


@pytest.mark.parametrize("text", ["我们就到这里办吗", "施工许可证就到这里领吗"])
def test_a_place_asked_with_就到这里_is_no_goodbye(text):
    assert READ.read(text, "ask_where", 0.9).intent == "ask_where"


# ---- who handles it, after a status shown ------------------------------------------------------------------------

_STATUS_SHOWN = [{"event": "bot", "text": "工单YS202612050001:已转办",
                  "metadata": {"utter_action": "utter_ticket_status"}},
                 {"event": "user", "text": "…"}]


@pytest.mark.parametrize("text", ["谁在管这个单子", "我的投诉现在是哪个部门在办"])
def test_who_handles_the_ticket_after_its_status_asks_its_status(text):
    assert asks_of_the_filed_ticket(Answer("company_setup", ("ask_where",)), text, _STATUS_SHOWN)


@pytest.mark.parametrize("text", ["那是哪个部门负责", "哪个部门办", "谁负责"])
def test_who_handles_a_guide_just_answered_is_the_guides(text):
    # the second review: «那是哪个部门负责» after 开诊所's materials (and a status earlier) went to the status
    assert not asks_of_the_filed_ticket(Answer("clinic_setup", ("ask_where",)), text, _STATUS_SHOWN)


# ---- a message typed a word at a time ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, joined", [("有 没有 人 能 帮我 办 手续", "有没有人能帮我办手续"),
                                          ("要 钱 不", "要钱不"), ("去 哪里 找 他们", "去哪里找他们")])
def test_a_spaced_out_message_is_read_joined(text, joined):
    # fresh36-15: an older owner's slow typing got «没有完全理解» and «您问的是哪个事项» three times
    assert READ.lexicon.spell(text).text == joined


@pytest.mark.parametrize("text", ["城南污水管网工程 二标段", "王芳 13912345678", "公司叫 鑫达五金 有限公司"])
def test_words_spaced_as_usual_stay_apart(text):
    assert READ.lexicon.spell(text).text == text


def test_a_spaced_out_question_of_help_names_the_guide():
    assert READ.read("有 没有 人 能 帮我 办 手续", "nlu_fallback", 0.3).recognition.named == ("assisted_service",)


@pytest.mark.parametrize("text", ["窗口说这个事他们办不了 让我找别人 我该找谁"])
def test_where_to_turn_when_the_counter_cannot_do_it_is_the_channels_guide(text):
    # the tester on the branch: handed to a person with no answer
    reading = READ.read(text, "human_handoff", 0.94)
    assert reading.intent == "ask_where" and reading.recognition.named == ("complaint_process",)


@pytest.mark.parametrize("text", ["开公司的事我想找个人问问", "施工许可能不能转人工问"])
def test_a_person_asked_for_stays_a_person(text):
    assert READ.read(text, "human_handoff", 0.9).intent == "human_handoff"


@pytest.mark.parametrize("text", ["现在办事真是越来越难了 唉 说了也没用", "唉 办个事太难了"])
def test_dealings_with_offices_lamented_vent(text):
    # (a complaint form on nothing told)
    assert READ.read(text, "complain", 0.99).vents


def test_a_lament_beside_a_case_told_is_no_venting():
    assert not READ.read("说了也没用 税务局窗口拖了一个月 材料交了三次", "complain", 0.99).vents


# ---- a follow-up in everyday words for the guide's own ------------------------------------------------------------

@pytest.mark.parametrize("then", ["要是当时已经影响到顾客了呢", "那要是伤到人了呢"])
def test_harm_said_in_everyday_words_after_首违不罚_is_its_guide(then):
    # fresh36-24: «没有找到依据» (the guide's words: 没有造成危害后果, 主动消除或减轻危害后果的…从轻或减轻)
    step_ = _after("头一回被查 价签不规范 当场就改了 会罚款吗", "ask_procedure", then, "ask_eligibility")
    assert isinstance(step_, Answer) and step_.procedure == "lenient_enforcement", step_


@pytest.mark.parametrize("text", ["能不能找人帮我看看 简易注销的材料", "能不能安排专人对接 施工许可怎么办",
                                  "我要找你们领导 施工许可为什么不批", "能不能让经办人联系我 开诊所的事"])
def test_a_person_asked_for_beside_a_guide_stays_a_person(text):
    # the review of the mends: each was answered from the guide
    assert READ.read(text, "human_handoff", 0.9).intent == "human_handoff"


@pytest.mark.parametrize("text", ["双随机一公开是啥", "評標專家要是在微信群裡洩露評標任務 會怎麼處理",
                                  "你们窗口平时上班时间我们也在上班 根本去不了"])
def test_words_of_公开_泄露_or_working_hours_told_ask_no_privacy_or_hours(text):
    # the full replay: «双随机一公开是啥» got the privacy rules, a grievance of hours the cannot-do reply
    assert phrases.asks_of_filing(text) is None and asked_of_the_assistant(text) is None


def test_a_clerk_naming_a_ticket_of_the_queue_asks_of_the_console():
    # fresh36-52: «我是住建局的 我们这边有一单YS… 其实不归我们管 该怎么退回去» was asked for the phone it was filed with
    from bot.language.grammar import staff_work_asked

    assert staff_work_asked("我是住建局的 我们这边有一单YS202611190044 其实不归我们管 该怎么退回去") == ("console",)
    assert staff_work_asked("YS202611190044有没有超期") == ()
