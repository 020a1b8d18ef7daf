"""Round forty-two (the lead's part), in the language and the dialogue: what the forty-third held-out set, the testers
and the lead's own chats showed, each in sentences of our own."""

import datetime as dt

import pytest

from bot.conversation.intake import goes_on_asking, is_a_question_not_a_ticket
from bot.conversation.message import Message
from bot.conversation.phrases import (
    Correction,
    asks_a_follow_up,
    asks_what_if_unhandled,
    carries_no_value,
    contact_labelled_within,
    parse_correction,
    post_alone,
    tells_not_knowing,
)
from bot.dialogue.days import another_count, working_days_counted
from bot.language.farewell import says_farewell
from bot.language.grammar import (
    appeal_wanted,
    asks_to_file_now,
    handling_steps_asked,
    own_filing_unanswered,
    platform_rule_asked,
    step_follow_up,
)
from bot.language.interpret import MONEY_TAKEN_REASON, PARSE_KEY, reading_to_dict
from bot.language.introduction import agent_introduced, without_agent_self
from bot.language.normalize import squash
from bot.language.third_parties import money_taken_by_staff
from tests.bot.dialogue.test_conv18 import CLAUSES, KB, READ, Memory, decide_turn, message

SUNDAY = dt.date(2026, 12, 6)


# ---- a 12345 agent saying who types, by name ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["我是12345的小周", "12345接线员王丽", "我是热线的小周", "我是12345热线的王丽",
                                  "您好 我是12345的老王"])
def test_an_agent_saying_post_and_name_is_an_agents_greeting(text):
    # the tester on main: «我是12345的小周» got «没有完全理解», «12345接线员王丽» was put through to a person
    assert agent_introduced(text)


@pytest.mark.parametrize("text", ["我是12345的来电", "12345接线员投诉", "我是热线的问题", "我是12345"])
def test_no_name_after_the_post_is_no_agents_greeting(text):
    assert not agent_introduced(text)


def test_an_agent_by_name_is_greeted_however_the_classifier_guessed():
    reading = READ.read("12345接线员王丽", "human_handoff", 0.53)
    assert reading.intent == "greet"


@pytest.mark.parametrize("text, rest", [
    ("热线这边 工号0931 来电人手机13905187264", "来电人手机13905187264"),
    ("12345坐席王丽 来电人要投诉燃气公司", "来电人要投诉燃气公司"),
    ("话务员小周 来电人问简易注销", "来电人问简易注销"),
])
def test_who_types_is_taken_out_of_the_rest(text, rest):
    assert without_agent_self(text) == rest


# ---- one's own filing unanswered, money taken, a caller's case reported ----------------------------------------


@pytest.mark.parametrize("text", ["我投诉的事一直没回音", "我们上周反映的问题到现在没人管",
                                  "我举报的那件事一直没消息"])
def test_ones_own_matter_filed_and_unanswered_is_looked_up(text):
    # the lead's chat: «我投诉的事一直没回音» opened a new complaint's form
    assert own_filing_unanswered(text)


def test_a_procedure_unanswered_is_no_filing():
    assert not own_filing_unanswered("我报的营业执照一直没消息")


@pytest.mark.parametrize("text", ["说好的免费代办 结果还要收钱", "窗口帮办的人收了我500块代办费",
                                  "代办员找我要了300块 说是辛苦费"])
def test_money_taken_by_the_governments_people_is_a_complaint(text):
    # the lead's chat: 帮办代办's guide or its fee line was given
    assert money_taken_by_staff(squash(text))


@pytest.mark.parametrize("text", ["帮办代办要收钱吗", "找中介代办执照 收了我2000块", "代理公司收了我们500块服务费",
                                  # (the full replay: fresh38-11's question opened a complaint's form)
                                  "代办的人要给辛苦费不", "代办员要红包吗?"])
def test_a_fee_asked_or_a_private_agents_is_not_money_taken(text):
    assert not money_taken_by_staff(squash(text))


@pytest.mark.parametrize("text, intent, confidence", [
    ("说好的免费代办 结果还要收钱", "complain", 0.90),
    ("代办员找我要了300块 说是辛苦费", "ask_procedure", 0.55),
])
def test_money_taken_is_read_as_a_complaint_of_its_own(text, intent, confidence):
    reading = READ.read(text, intent, confidence)
    assert (reading.intent, reading.reason) == ("complain", MONEY_TAKEN_REASON)
    msg = Message({"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": [],
                   PARSE_KEY: reading_to_dict(reading)})
    assert not is_a_question_not_a_ticket(msg, reading, lambda: CLAUSES)


@pytest.mark.parametrize("text", ["来电企业反映 供电公司说要等三个月才能接电",
                                  "来电企业反映 水电气报装 供电公司说要等三个月才能接电 企业是顺达物流 王经理"])
def test_a_callers_case_reported_is_a_complaint(text):
    # the tester on main: 水电气's time limit was answered, the case lost
    assert READ.read(text, "ask_duration", 0.9).intent == "complain"


def test_a_callers_question_passed_on_stays_a_question():
    assert READ.read("来电人说 营业执照要多久能办下来", "ask_duration", 0.9).intent == "ask_duration"


@pytest.mark.parametrize("text", ["那我现在就把这事反映一下 部门之间推来推去的", "帮我把这个情况登记一下"])
def test_filing_asked_for_with_this_matter_is_filing(text):
    # fresh43-27: a ticket's number was asked
    assert asks_to_file_now(text)
    assert READ.read(text, "check_status", 0.72).intent == "complain"


def test_a_worry_of_a_guides_matter_is_no_person_asked_for():
    # fresh43-04: «名字怕跟人家重了» (human_handoff 0.35) was put through to a person
    reading = READ.read("名字担心跟别人重了", "human_handoff", 0.35)
    assert reading.intent in ("ask_procedure", "ask_eligibility") and reading.recognition.named == ("name_declaration",)
    step = decide_turn(message("名字担心跟别人重了", "human_handoff"), Memory(), KB, CLAUSES).step
    assert getattr(step, "procedure", None) == "name_declaration"


def test_a_person_asked_for_with_a_guide_is_still_a_person():
    assert READ.read("施工许可 转人工", "human_handoff", 0.5).intent == "human_handoff"


# ---- counts told loosely, a bid opening done, farewells ----------------------------------------------------------


@pytest.mark.parametrize("text, number", [("窗口说是10个工作日左右 那哪天能拿到", 10), ("说是5个工作日内 大概哪天", 5)])
def test_a_count_told_loosely_then_the_day_asked_is_counted(text, number):
    # the lead's chat: «窗口说是10个工作日左右 那哪天能拿到» got the guide's places
    assert working_days_counted(text, SUNDAY) == (number, SUNDAY)


def test_another_count_told_loosely_is_that_count():
    assert another_count("窗口说是10个工作日左右") == 10


@pytest.mark.parametrize("text", ["开完标了 押的钱什么时候退", "没中标 押的钱多久退"])
def test_the_deposit_asked_after_the_opening_is_the_deposits(text):
    # the lead's chat: «开完标了 押的钱什么时候退» after 不见面开标 got 不见面开标's fee and time
    step = decide_turn(message(text, "ask_duration"), Memory("remote_bid_opening", ("ask_procedure",)), KB,
                       CLAUSES).step
    assert step.procedure == "bid_guarantee"


@pytest.mark.parametrize("text", ["好的 我跟来电人说一下 先挂了", "那我先挂了啊"])
def test_hanging_up_is_a_farewell(text):
    # fresh43-55: «好的 我跟来电人说一下 先挂了» was put through to a person
    assert says_farewell(text)


@pytest.mark.parametrize("text", ["打过去就挂了", "电话先挂了再打"])
def test_a_call_hung_up_by_others_is_no_farewell(text):
    assert not says_farewell(text)


# ---- handling steps and their follow-ups ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, asked", [("谁来认定", "who"), ("那整改期间谁来盯着", "who"), ("那多久整改好", "when"),
                                         ("多久出结果", "when")])
def test_who_or_when_of_a_step_is_read(text, asked):
    assert step_follow_up(text) == asked


def test_a_long_message_is_no_step_follow_up():
    assert step_follow_up("营业执照多久能办好 我们下周就要开业了急用") is None


def test_what_comes_when_the_step_settles_nothing_is_no_step_follow_up():
    # the full replay: fresh29-36's «一直解决不了最后谁管» after 差评整改 got the rectification's overseer, not the
    # ladder
    assert step_follow_up("一直解决不了最后谁管") is None


@pytest.mark.parametrize("text", ["升级的时候会留记录吗", "督办有没有留痕", "那到时候还是没人管呢"])
def test_the_ladder_asked_in_other_words(text):
    # the tester on main: «升级的时候会留记录吗» got «没有找到依据»
    assert asks_what_if_unhandled(text)


def test_a_later_visit_is_no_ladder():
    assert not asks_what_if_unhandled("到时候我再来问")


def test_departments_pushing_a_matter_between_them_is_the_texts_not_a_ticket_sent_back():
    # fresh43-27: «我们这个事几个部门都说不归他们管 咋办» got how one ticket is sent back
    text = "我们这个事几个部门都说不归他们管 咋办"
    assert not any(platform_rule_asked(step, text) for step in handling_steps_asked(text))
    assert platform_rule_asked("return", "万一那个部门说这事不归他们管呢 这个诉求怎么办")


def test_merged_said_in_other_words_is_the_merge():
    assert handling_steps_asked("有件单子跟别家反映的是同一件事 能合在一起办吗") == ("merge",)


@pytest.mark.parametrize("text", ["他们的整改就是走个过场 我要申诉", "差评以后的整改我不认 想申诉一下"])
def test_an_appeal_asked_for(text):
    assert appeal_wanted(text)


# ---- questions at the form's questions, and follow-ups of a quote --------------------------------------------------


@pytest.mark.parametrize("text", ["那这种情况谁来管", "那谁能去参加", "谁来管", "那个会是谁开的"])
def test_a_follow_up_question_without_a_mark_is_a_question(text):
    assert asks_a_follow_up(text)


@pytest.mark.parametrize("text", ["华建工程有限公司", "那坡县宏达建材有限公司", "张伟", "王经理 13812345678"])
def test_names_are_no_follow_up_question(text):
    assert not asks_a_follow_up(text)


def test_a_go_ahead_carries_no_value():
    assert carries_no_value("那我申请一下")


def test_a_time_limit_of_a_case_supposed_goes_on_asking():
    # fresh43-29: after the quote on 特邀监督员, a ticket's number was asked
    assert goes_on_asking("他反映了问题 部门一时改不了的话 有没有时间限制", True)
    assert not goes_on_asking("我的工单有没有时间限制", True)


def test_whether_a_way_exists_is_a_question_not_a_proposal():
    # fresh43-28: «有没有那种企业家可以跟领导当面提意见的会» (suggest 0.31) opened a suggestion's form
    text = "有没有那种老板们能跟领导当面提意见的会"
    reading = READ.read(text, "suggest", 0.31)
    msg = Message({"text": text, "intent": {"name": "suggest", "confidence": 0.31}, "entities": [],
                   PARSE_KEY: reading_to_dict(reading)})
    assert is_a_question_not_a_ticket(msg, reading, lambda: CLAUSES)


def test_not_knowing_told_the_other_way_round_is_part_of_the_case():
    # the tester on main: «…也没人告诉我哪里重了» at «请具体说说情况» got 名称申报's places, again and again
    assert tells_not_knowing("名称申报老提示重名 试了十几个 也没人告诉我哪里重了")
    assert not tells_not_knowing("名称申报在哪里弄")


# ---- corrections and contacts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("情况改成:供电公司说要等三个月才能接电 企业等着投产", "供电公司说要等三个月才能接电 企业等着投产"),
    ("情况不对 应该是建议税务窗口多放几个人 高峰排队太久", "建议税务窗口多放几个人 高峰排队太久"),
    ("情况改成 供电公司说要等三个月才能接电,企业等着投产 电话也改成13912345678",
     "供电公司说要等三个月才能接电,企业等着投产"),
])
def test_a_new_account_is_taken_whole(text, value):
    # the tester on main: cut at the first space («…企业等着投产» lost)
    assert parse_correction(text) == Correction("description", value)


def test_a_name_put_right_still_ends_at_its_remark():
    assert parse_correction("联系人改成钱芳芳 少打了个字") == Correction("contact_name", "钱芳芳")


@pytest.mark.parametrize("text, name", [
    ("来电企业是豫新机械制造有限公司 联系人是他们厂办公室的孙经理 手机13603739581", "孙经理"),
    ("联系人是对方的赵经理", "赵经理"),
])
def test_the_callers_person_labelled_within(text, name):
    assert contact_labelled_within(text) == name


@pytest.mark.parametrize("value, post", [("我们财务", "财务"), ("会计", "会计"), ("老板", "老板")])
def test_a_post_alone(value, post):
    assert post_alone(value) == post


@pytest.mark.parametrize("value", ["王会计", "李经理", "张伟", "财务王芳"])
def test_a_name_is_no_post_alone(value):
    assert post_alone(value) is None


# ---- the firm given up, values by their labels, names of other kinds, a supervisor signing -----------------------


def test_the_firm_given_up_is_a_deregistration_question():
    # the tester on main: «公司不想干了» got the hardship reply (惠企政策, 我要反映问题), never the 注销 choice
    reading = READ.read("公司不想干了", "complain", 0.9)
    assert reading.intent == "ask_procedure" and not reading.vents
    assert type(decide_turn(message("公司不想干了", "complain"), Memory(), KB, CLAUSES).step).__name__ == "AskWhich"


def test_the_trade_lamented_is_still_hardship():
    assert READ.read("唉 现在生意太难做了 房租涨 人工贵 真不想干了", "complain", 0.9).vents


@pytest.mark.parametrize("text, company, contact", [
    ("电话13711223344 公司 鼎盛文化传媒 联系人 吴先生", "鼎盛文化传媒", "吴先生"),
    ("公司:鼎盛文化传媒 联系人:吴先生", "鼎盛文化传媒", "吴先生"),
])
def test_values_after_their_labels_are_values(text, company, contact):
    # the tester on main: at «请具体说说情况» they were filed as what happened, the case told before lost
    from bot.conversation.phrases import only_form_values

    found = only_form_values(text)
    assert (found.company, found.contact) == (company, contact)


@pytest.mark.parametrize("text", ["公司一直不给我们开票", "企业 说要等三个月 电话也打不通"])
def test_a_case_that_names_the_firm_is_no_values(text):
    from bot.conversation.phrases import only_form_values

    assert only_form_values(text) is None


@pytest.mark.parametrize("text, name", [
    ("来电人黄医生 电话15011112222 诊所名称仁心诊所", "仁心诊所"),   # the tester on main: 企业:诊所名称仁心诊所
    ("企业是仁心诊所", "仁心诊所"),
    ("店名是老刘烧烤店", "老刘烧烤店"),
])
def test_a_name_of_another_kind_after_its_label(text, name):
    from bot.conversation.phrases import stated_company_name

    assert stated_company_name(text) == name


@pytest.mark.parametrize("text", ["诊所名称重复了", "我们诊所一直备不了案"])
def test_a_case_of_a_clinic_names_no_clinic(text):
    from bot.conversation.phrases import stated_company_name

    assert stated_company_name(text) is None


def test_the_hotlines_name_left_before_the_case_is_no_contact():
    # the tester on main: «热线话务员王丽 工号0931 替来电人投诉… 来电人黄医生 电话150…» filed 联系人:热线
    text = "热线话务员王丽 工号0931 替来电人投诉:诊所备案交了材料两周没动静 来电人黄医生 电话15011112222"
    rest = without_agent_self(text)
    assert rest.startswith("替来电人投诉")
    assert contact_labelled_within(rest) == "黄医生"


def test_a_caller_telling_is_no_callers_name():
    assert contact_labelled_within("来电人要投诉燃气公司") is None
    assert contact_labelled_within("来电人说路被挖了") is None


@pytest.mark.parametrize("text, name", [
    ("监督员郑明 13512349999 反映一下 好几家企业说不动产登记窗口要跑三趟", "郑明"),   # filed as 联系人:反映一下
    ("陈芳 15850123456", "陈芳"),
    ("15850123456 欧阳娜娜", "欧阳娜娜"),
])
def test_the_name_beside_the_number(text, name):
    from bot.conversation.phrases import name_given_with_phone

    assert name_given_with_phone(text) == name


def test_a_report_signed_by_a_supervisor_claims_the_supervisors_route():
    # the tester on main: «监督员郑明 135… 反映一下 …» went on the ordinary rule, the register never read
    from pathlib import Path

    from bot.routes.lexicon import load_routes
    from bot.routes.recognise import recognise
    from bot.sla.selection import Route

    lexicon = load_routes(Path(__file__).resolve().parents[3] / "knowledge")
    assert recognise(lexicon, "监督员郑明 13512349999 反映一下 不动产登记窗口要跑三趟").route is Route.SUPERVISOR
    assert recognise(lexicon, "那个监督员态度很差").route is Route.WINDOW


def test_a_system_that_will_not_take_the_application_is_a_case():
    from bot.tickets.story import describes_case

    assert describes_case("来电人反映 名称申报系统老是提示重名 申报不了 要投诉")
    assert not describes_case("窗口互相推诿,事情一直办不成")


def test_an_id_typed_in_groups_is_no_urge_reason():
    # the tester on main: «帮我催下 单号 ys 2026 1206 0003» logged «单号» as the urge's reason
    from bot.conversation.phrases import urge_reason

    assert urge_reason("帮我催下 单号 ys 2026 1206 0003") is None
    assert urge_reason("催一下YS202612060003 月底要验收") == "月底要验收"



def test_a_clerks_console_question_after_saying_who_they_are():
    # fresh43-51: «一件单子还剩几个工作日怎么看» after «我是住建局的 …» was asked a ticket's number
    from bot.language.grammar import staff_work_asked

    assert staff_work_asked("一件单子还剩几个工作日怎么看", ["我是住建局的 我们科的单子怎么看"]) == ("console",)
    assert staff_work_asked("我的单子还剩几天怎么看", ["我是住建局的"]) == ()


# ---- the reviews of the first cut: what the new rules must not take ------------------------------------------------


@pytest.mark.parametrize("text", ["环保局下了整改通知 我们不服 要申诉", "执法局责令整改 罚了五千 我们准备申诉",
                                  "信用修复被驳回了 我想申诉"])
def test_another_decision_appealed_is_no_ratings_appeal(text):
    assert not appeal_wanted(text)


@pytest.mark.parametrize("text", ["我同事已经把这个情况登记过了 帮我查查", "我早把这个问题投诉过了", "我不想把这事投诉",
                                  "别把这个事举报了 我再想想"])
def test_filing_done_or_declined_is_no_filing_now(text):
    assert not asks_to_file_now(text)


@pytest.mark.parametrize("text", ["我们报的那个施工许可 两个月了一直没消息", "我们之前提的那个变更 窗口一直没处理",
                                  "我反映的问题是 窗口一直没人管"])
def test_an_application_or_a_case_told_is_no_earlier_filing(text):
    assert not own_filing_unanswered(text)


@pytest.mark.parametrize("text", ["来电企业反映 公司刚搬了地址 咨询变更登记需要的材料",
                                  "来电人称 公司去年已经停业了 想注销 咨询流程", "银行来电说开户要等两周 急死了"])
def test_a_callers_question_or_an_owners_call_is_no_callers_case(text):
    assert READ.read(text, "ask_materials", 0.9).reason != "a caller's case reported"


@pytest.mark.parametrize("text", ["以前代办还要收钱 现在免费了 挺好", "想给首席服务员送个红包 他一直推辞",
                                  "物业的工作人员收了我们500块 说是装修押金", "窗口收了我们50块 这个钱该不该收",
                                  "代办员说要收200块跑腿费 有这个规定没有"])
def test_money_not_taken_or_asked_of_is_no_money_taken(text):
    assert not money_taken_by_staff(squash(text))


@pytest.mark.parametrize("text", ["有没有人管这种吃拿卡要的窗口", "有没有人管管这个天天卡顿的申报平台"])
def test_a_reproach_asked_is_no_question_of_a_way(text):
    reading = READ.read(text, "complain", 0.53)
    msg = Message({"text": text, "intent": {"name": "complain", "confidence": 0.53}, "entities": [],
                   PARSE_KEY: reading_to_dict(reading)})
    assert not is_a_question_not_a_ticket(msg, reading, lambda: CLAUSES)


@pytest.mark.parametrize("text", ["万一承办部门说不归他们管 来回退单呢",
                                  "投诉以后要是两个部门都说不归他们管 退单了怎么办"])
def test_a_ticket_sent_back_asked_is_still_the_rule(text):
    assert any(platform_rule_asked(step, text) for step in handling_steps_asked(text))


@pytest.mark.parametrize("text", ["窗口说审批要10个工作日左右 那什么时候交材料合适",
                                  "营业执照3个工作日以内 什么时候去交材料"])
def test_another_things_day_is_no_count(text):
    assert working_days_counted(text, SUNDAY) is None


@pytest.mark.parametrize("text", ["系统升级后 以前的申报记录还能查到吗", "银行开户到时候还没办好呢"])
def test_other_upgrades_and_later_are_no_ladder(text):
    assert not asks_what_if_unhandled(text)


@pytest.mark.parametrize("text", ["税务注销 我要跟你们的人说", "施工许可 你们有没有专门的人对接",
                                  "信用修复 你们有没有人值班"])
def test_a_person_asked_beside_a_guide_is_still_a_person(text):
    assert READ.read(text, "human_handoff", 0.6).intent == "human_handoff"


@pytest.mark.parametrize("text", ["接线员王丽 态度很差 我要投诉她", "窗口工号1023的工作人员态度很差",
                                  "12345的话务员让我来这里投诉"])
def test_an_owner_telling_of_a_clerk_is_no_agent(text):
    from bot.conversation.phrases import files_for_a_caller
    from bot.language.introduction import opens_as_agent

    assert not opens_as_agent(text) and not files_for_a_caller([text])


def test_a_call_back_asked_after_hanging_up_is_no_farewell():
    assert not says_farewell("我先挂了 麻烦再打过来")


@pytest.mark.parametrize("text", ["我们店对面的五金店 长期占道经营", "隔壁的加工厂天天半夜开工"])
def test_a_place_complained_of_is_not_the_firm(text):
    from bot.conversation.phrases import stated_company_name

    assert stated_company_name(text) is None


@pytest.mark.parametrize("text", ["最好别让他们知道是我反映的", "希望别写我的名字"])
def test_a_plea_of_oneself_is_no_proposal(text):
    from bot.conversation.phrases import proposal_told

    assert not proposal_told(text)


def test_a_case_in_the_firms_place_is_no_values():
    from bot.conversation.phrases import only_form_values

    assert only_form_values("公司 停电三天 电话13812345678") is None
    assert only_form_values("电话138 1234 5678 公司 鼎盛文化传媒 联系人 吴先生").company == "鼎盛文化传媒"


def test_a_department_changed_is_no_guess():
    from bot.conversation.phrases import guesses_between

    assert not guesses_between("住建局 之前还是城管管的 现在应该划给住建了")


def test_a_time_is_no_callers_name_and_the_one_complained_of_no_contact():
    from bot.conversation.phrases import name_given_with_phone

    assert contact_labelled_within("来电人于上周 去窗口办执照") is None
    assert name_given_with_phone("被投诉的经理李强 13812345678") != "李强"


def test_a_question_after_not_knowing_is_a_question():
    assert not tells_not_knowing("窗口也不说为什么不给办 你知道为啥吗")


def test_an_inspector_complained_of_is_no_supervisor_signing():
    from pathlib import Path

    from bot.routes.lexicon import load_routes
    from bot.routes.recognise import recognise
    from bot.sla.selection import Route

    lexicon = load_routes(Path(__file__).resolve().parents[3] / "knowledge")
    assert recognise(lexicon, "监督员来了3次 每次都要钱").route is not Route.SUPERVISOR


@pytest.mark.parametrize("text", ["谁来负责赔偿我们的损失", "那什么时候能再评"])
def test_other_questions_are_no_step_follow_up(text):
    assert step_follow_up(text) is None


def test_money_taken_read_so_is_handed_to_the_ticket():
    # the tester on the branch: «代办员找我要了300块辛苦费» (ask_procedure 0.90) got 帮办代办's guide
    step = decide_turn(message("代办员找我要了300块辛苦费", "ask_procedure"), Memory(), KB, CLAUSES).step
    assert type(step).__name__ == "HandOver"


@pytest.mark.parametrize("text", ["投诉 城管把我店门口的招牌拆了 也没通知", "我要投诉 城管把我招牌拆了"])
def test_a_sign_torn_down_is_a_case(text):
    from bot.tickets.story import describes_case

    assert describes_case(text)


def test_the_hotline_said_as_who_types_is_no_part_of_the_case():
    # the tester on the branch: «我是12345的 来电企业反映 …» kept the agent's words in 情况
    rest = without_agent_self("我是12345的 来电企业反映 环保局上门检查 一个月来了四次")
    assert rest == "来电企业反映 环保局上门检查 一个月来了四次"


# ---- the re-check of the mends ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, wanted", [
    ("我给了差评 整改就是走过场 检查都没来 我要申诉", True),
    ("社保局的答复结果不满意 想申诉一下", False),
    ("这个我想申诉一下", False),
])
def test_an_appeal_is_a_ratings_only_when_the_rating_is_named(text, wanted):
    assert appeal_wanted(text) is wanted


@pytest.mark.parametrize("text", ["12345坐席王丽 帮忙转给住建局也没用 我要投诉", "工号1023 帮我办的那个人态度很差",
                                  "我是12345的 帮我查一下我上次的投诉"])
def test_a_clerk_who_helped_told_of_is_no_agent_typing(text):
    from bot.language.introduction import opens_as_agent

    assert not opens_as_agent(text)


def test_callers_told_of_by_an_owner_are_no_agents_caller():
    from bot.conversation.phrases import files_for_a_caller

    assert not files_for_a_caller(["我打12345 接线员说来电人太多 让我等"])
    assert files_for_a_caller(["来电人要投诉燃气公司 通气拖了三个月"])


@pytest.mark.parametrize("text", ["以前那个窗口的人收了我500 现在还没退", "窗口的人收了我500 也没开票"])
def test_money_taken_and_kept_is_money_taken(text):
    assert money_taken_by_staff(squash(text))


def test_a_surname_yu_is_a_callers_name():
    assert contact_labelled_within("来电人于海 电话13812345678") == "于海"


def test_the_system_keeping_a_record_of_a_rise_is_the_ladder():
    # fresh43-31 after the re-check's guard: «升级的时候系统会留记录吗» got no basis
    assert asks_what_if_unhandled("升级的时候系统会留记录吗")
    assert not asks_what_if_unhandled("系统升级以后 历史记录查不到了")


def test_the_hotlines_seat_before_the_callers_matter_is_an_agents():
    # the full replay: fresh38-47's «12345专席 来电企业反映…» was no longer taken for an agent's filing
    from bot.conversation.phrases import files_for_a_caller

    assert files_for_a_caller(["12345专席 来电企业反映资金周转困难 想请政府帮忙对接银行的信用贷款"])


@pytest.mark.parametrize("intent", ["goodbye", "thank"])
def test_money_taken_is_a_complaint_whatever_the_classifier_guessed(intent):
    # the newcomer's run of the landing: «代办员找我要了300块辛苦费» is goodbye for the classifier (its 辛苦), and got
    # 帮办代办's guide
    reading = READ.read("代办员找我要了300块辛苦费", intent, 0.6)
    assert (reading.intent, reading.reason) == ("complain", MONEY_TAKEN_REASON)
