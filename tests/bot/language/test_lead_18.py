"""The lead's part of issue 10's eighteenth round, in the reading."""
import pytest


@pytest.mark.parametrize("text, procedure", [
    # my chat on main 7cd9b61: a 12345 agent's caller «在办理营业执照变更时…» got 企业开办's guide and 变更登记's,
    # both in full
    ("办理营业执照变更时 窗口要求的材料和网上公布的不一致 以哪个为准", "business_change"),
    ("来电人说他去办营业执照变更 被要求补了三次材料", "business_change"),
    ("领营业执照注销的表格在哪", None),
    ("办执照迁移要多久", "business_change"),
])
def test_a_licence_to_change_or_close_is_no_new_licence(interpreter, text, procedure):
    recognition = interpreter.read(text, "ask_materials", 0.8).recognition
    assert "company_setup" not in recognition.named
    if procedure:
        assert recognition.procedure == procedure


@pytest.mark.parametrize("text", ["办营业执照要什么材料", "办理营业执照多久能下来", "领营业执照要去哪"])
def test_a_new_licence_is_still_company_setup(interpreter, text):
    assert interpreter.read(text, "ask_materials", 0.8).recognition.procedure == "company_setup"


@pytest.mark.parametrize("text", [
    # «简易注销要钱吗 网上能办不» got the fee, the places and 适用条件 (nobody asked who may)
    "简易注销要钱吗 网上能办不", "简易注销网上能办吗", "变更登记手机上可以办不", "信用修复线上能申请不",
])
def test_done_online_asked_is_no_condition(interpreter, text):
    reading = interpreter.read(text, "ask_eligibility", 0.7)
    assert "ask_eligibility" not in reading.facets
    assert reading.facets


@pytest.mark.parametrize("text", ["个体户能办不", "我们这种小厂可以申请不", "外地人能办吗"])
def test_who_may_is_still_a_condition(interpreter, text):
    assert "ask_eligibility" in interpreter.read(text, "ask_eligibility", 0.7).facets


@pytest.mark.parametrize("text, intent, confidence, closed", [
    # the nineteenth set's conversations: a thanks with what one will do next got «没有找到依据», the complaint
    # channels' guide (for 12345) or the complaint form (for 办不成事反映窗口)
    ("好嘞 我把这几条转给甲方 谢谢你啊", "thank", 0.51, "thank"),
    ("号码没错啊 那我打12345问问 谢谢了", "goodbye", 0.6, "thank"),
    ("好的 谢谢 我先去大厅的办不成事反映窗口看看", "complain", 0.55, "thank"),
    ("行 我跟老板说一声 谢了", "inform", 0.5, "thank"),
])
def test_thanks_with_one_s_next_step_closes(interpreter, text, intent, confidence, closed):
    assert interpreter.read(text, intent, confidence).intent == closed


@pytest.mark.parametrize("text", [
    "谢谢 我明天去窗口 要带啥", "谢谢 窗口让我们交了三次材料 拖了二十天还没办好",
    "好的谢谢 那我把材料发给谁",
])
def test_thanks_with_a_question_or_a_case_does_not_close(interpreter, text):
    assert interpreter.read(text, "complain", 0.8).intent not in {"thank", "goodbye"}


@pytest.mark.parametrize("text", ["我把这几条转给甲方", "前几天交的材料", "跑了好几趟"])
def test_a_few_asks_nothing(text):
    from bot.language.interpret import is_question

    assert not is_question(text)


@pytest.mark.parametrize("text, intent, procedure", [
    # the nineteenth set's conversations, first run on main 7cd9b61
    # («没有找到依据»)
    ("我开了五年个体饭馆 生意做大了 想成立个有限公司 要准备哪些材料", "ask_materials", "company_setup"),
    ("个体户干了三年了 想注册个公司 咋弄", "ask_procedure", "company_setup"),
    ("我们想开个串串店 公司名字咋个报嘛 要不要钱哦", "ask_fee", "name_declaration"),  # 企业开办
    ("打算开家奶茶店 名称在哪报", "ask_where", "name_declaration"),
    ("我哋想喺度開間外貿公司，要幾耐先攞到執照？", "ask_duration", "company_setup"),  # 变更登记 (攞 read as 挪)
    ("我们是做机械加工的 刚拿了一块标准地 从签承诺到开工还要走哪些手续", "ask_procedure", "standard_land"),  # 施工许可
    ("我在深圳 公司注册在新乡 注销能不能不回去 走简易注销那个", "ask_where", "simple_deregistration"),
])
def test_what_is_asked_is_the_procedure_read(interpreter, text, intent, procedure):
    assert interpreter.read(text, intent, 0.9).recognition.procedure == procedure


@pytest.mark.parametrize("text, facet", [
    ("能不能全程在网上弄 我们老板常年跑车不在家", "ask_where"),  # the suggestion form started
    ("开标那天能不能不过来 在线上参加", "ask_where"),
])
def test_a_way_asked_with_can_is_no_proposal(interpreter, text, facet):
    reading = interpreter.read(text, "suggest", 0.88)
    assert reading.intent == facet


@pytest.mark.parametrize("text", ["能不能在网上也开个预约功能", "建议能不能网上办"])
def test_a_proposal_with_a_way_is_still_one(interpreter, text):
    assert interpreter.read(text, "suggest", 0.88).intent == "suggest"


@pytest.mark.parametrize("text, intent, confidence, read", [
    # the nineteenth set's first run
    ("帮我看看工单YS202611300004有人接了没有", "check_status", 0.9, "check_status"),  # inform: «gives a value»
    ("单子YS202612010003批下来了没", "check_status", 0.9, "check_status"),
    ("工单YS202611230019能不能让他们快点 开标就在下礼拜一", "urge", 0.9, "urge"),  # 不见面开标's guide
    ("这单我评不满意 拖了一个月 经办人电话也不接", "complain", 0.8, "rate_service"),
])
def test_a_ticket_s_own_words_are_read(interpreter, text, intent, confidence, read):
    assert interpreter.read(text, intent, confidence).intent == read


def test_whether_it_happened_asked_at_the_end_is_a_question():
    from bot.language.interpret import is_question

    assert is_question("有人接了没有") and is_question("批下来了没")
    assert not is_question("材料交了没有回音")


def test_henan_s_bu_zhong_asks(interpreter):
    # the newcomer of round eighteen: «…营业执照上的地址要改 网上能弄不中» got «感谢您的建议!» and a suggestion form
    reading = interpreter.read("营业执照上的地址要改 网上能弄不中", "suggest", 0.8)
    assert reading.intent == "ask_where" and reading.recognition.procedure == "business_change"


def test_one_s_own_slip_corrected_is_no_grievance(interpreter):
    # fresh12-10 on the merged model: «哦不对 我说错了 我们没开过业 是简易的那个» (complain) started the complaint form
    assert interpreter.read("哦不对 我说错了 我们没开过业 是简易的那个", "complain", 0.5).intent != "complain"
    assert interpreter.read("我说错了 是他们窗口拖了我们一个月", "complain", 0.8).intent == "complain"


def test_trips_made_and_anger_are_a_grievance_not_a_state(interpreter):
    # long23-05 on the merged branch: «办个执照跑了四趟 真是气死我了» got 企业开办's guide (a state told)
    assert interpreter.read("办个执照跑了四趟 真是气死我了", "complain", 0.87).intent == "complain"
