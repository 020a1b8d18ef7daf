"""The lead's part of issue 10's seventeenth round, in the reading."""
import pytest

from bot.language.grammar import without_filing_refused


@pytest.mark.parametrize("text, left", [
    ("不是要投诉 就问问", "就问问"), ("我不投诉 只是咨询一下", "我 只是咨询一下"), ("没想投诉", ""),
    ("先不登记 我再想想", "我再想想"), ("别登记啊 我就是问问", "我就是问问"), ("不是来投诉的", ""),
])
def test_filing_said_not_to_be_wanted_is_blanked(text, left):
    assert " ".join(without_filing_refused(text).split()) == left
    assert len(without_filing_refused(text)) == len(text)


@pytest.mark.parametrize("text", ["有没有投诉电话", "我要投诉", "投诉了不处理", "帮我登记一下", "怎么不让投诉"])
def test_filing_asked_or_a_channel_asked_is_kept(text):
    assert without_filing_refused(text) == text


@pytest.mark.parametrize("text, procedure", [
    # the eighteenth set's first run: a question said not to be a complaint opened the complaint form
    ("不是投诉啊 就想问下 首次轻微违法是不是可以不罚", "lenient_enforcement"),
    ("没想投诉 我就是问问 保函被拒收了可以不交现金吗", "bid_guarantee"),
    ("不是来告状的 请问变更地址要带什么", "business_change"),
])
def test_a_question_said_not_to_be_a_complaint_files_nothing(interpreter, text, procedure):
    reading = interpreter.read(text, "complain", 0.9)
    assert not reading.files
    assert reading.recognition.procedure == procedure


@pytest.mark.parametrize("text, intent, confidence", [
    # «窗口态度太差了» got «没有找到依据» (inform 0.36); «窗口态度很差 我很生气» was read as nothing
    ("窗口态度太差了", "inform", 0.36), ("窗口态度很差 我很生气", "nlu_fallback", 0.3),
    ("那个办事员爱答不理的", "out_of_scope", 0.5), ("大厅的人故意刁难我们", "inform", 0.6),
])
def test_misconduct_told_is_a_complaint(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "complain"


@pytest.mark.parametrize("text, intent", [
    ("工作人员服务态度有要求吗", "ask_procedure"),  # a rule asked
    ("态度", "inform"),  # a word at a form's question, nothing told
])
def test_a_question_of_conduct_or_a_bare_word_is_no_complaint(interpreter, text, intent):
    assert interpreter.read(text, intent, 0.5).intent != "complain"


@pytest.mark.parametrize("text, intent, confidence", [
    # the eighteenth set's first run: a record asked to be made false started a suggestion's form; a paper asked to
    # be written got a guide's materials
    ("帮我把营业执照上的成立日期往前改一年 招标要求满三年", "suggest", 0.8),
    ("你们能替我写一份变更申请书吗", "ask_materials", 0.9),
    ("能帮忙起草个股东会决议不", "ask_materials", 0.7),
    ("能不能弄个假的完税证明 伪造一下就行", "request_help", 0.6),
])
def test_a_paper_written_or_a_record_made_false_is_out_of_scope(interpreter, text, intent, confidence):
    reading = interpreter.read(text, intent, confidence)
    assert reading.intent == "out_of_scope"
    assert not reading.recognition.named


@pytest.mark.parametrize("text, intent", [
    ("申请书怎么写 有没有模板", "ask_materials"), ("开标时间能往前挪吗", "ask_procedure"),
    ("窗口让我们造假材料 不然不给办", "complain"), ("开标时间能改早点吗", "ask_procedure"),
])
def test_how_a_paper_is_written_or_a_demand_told_is_not(interpreter, text, intent):
    assert interpreter.read(text, intent, 0.8).intent == intent


@pytest.mark.parametrize("text", ["能查工单吗", "可以催办吗", "可以登记投诉吗", "可以打差评不"])
def test_what_the_platform_does_asked_of_it_is_its_capabilities(interpreter, text):
    # «能查工单吗» (ask_capabilities 0.5) was taken for a whether of a matter: «没有找到依据»
    assert interpreter.read(text, "ask_capabilities", 0.5).intent == "ask_capabilities"


@pytest.mark.parametrize("text, named", [
    # the eighteenth set's first run: a name changed later, asked after 名称自主申报, named nothing (the guide
    # asked before answered again)
    ("那以后想改名字呢", ("business_change",)), ("之后想改个名 麻烦不", ("business_change",)),
    ("用了几年想换名字 要跑几趟", ("business_change",)),
    ("以后孩子改名字要去哪", ()),
])
def test_a_name_changed_later_is_a_change(interpreter, text, named):
    assert interpreter.read(text, "ask_procedure", 0.5).recognition.named == named


@pytest.mark.parametrize("text, named", [
    # the eighteenth set's first run: a clinic asked with what opening it takes, and 注销 said «正常», named none
    ("诊所要跑几次 最多跑一次吗", ("clinic_setup",)), ("我们中医馆想问下备案要带啥", ("clinic_setup",)),
    ("口腔诊所大概多久能弄好", ("clinic_setup",)),
    # («正常注销» is left out: as a name it took «简易注销公示期都过了 怎么还没注销掉 正常几天能完» from 简易注销)
    ("走常规注销该怎么弄", ("general_deregistration",)), ("公司常规注销要多久", ("general_deregistration",)),
    ("诊所看病医保能报吗", ()),
])
def test_a_clinic_to_open_and_an_ordinary_deregistration_are_named(interpreter, text, named):
    assert interpreter.read(text, "ask_procedure", 0.9).recognition.named == named


@pytest.mark.parametrize("text, intent", [
    # the eighteenth set's first run: complain 0.90 for the marks
    ("进度？？？", "check_status"), ("在吗？？？", "greet"), ("结果呢?!", "check_status"),
    ("到哪了？？", "check_status"),
    # a grievance in a word stays one
    ("太慢了！！！", "complain"), ("为啥？？？", "complain"),
])
def test_a_word_said_with_repeated_marks_is_the_word(interpreter, text, intent):
    assert interpreter.read(text, "complain", 0.9).intent == intent


@pytest.mark.parametrize("text, intent, expected", [
    # the eighteenth set's first run: «没有完全理解» (inform 0.81)
    ("帮老板查下YS202611210019 他手机是13776540921", "inform", "check_status"),
    ("ys 2026 1130 0007 这个单子啥情况", "nlu_fallback", "check_status"),
    ("看一下YS202612010003到哪了", "greet", "check_status"),
    # a number given where it is asked for is that value
    ("YS202611210019", "inform", "inform"), ("单号是YS202611210019 手机13776540921", "inform", "inform"),
])
def test_a_tickets_number_with_a_word_of_looking_it_up_is_its_status(interpreter, text, intent, expected):
    assert interpreter.read(text, intent, 0.81).intent == expected


@pytest.mark.parametrize("text", ["简易注销跟一般注销比 哪个更快", "注销走哪种快一点", "两种方式谁更快"])
def test_two_ways_compared_by_speed_ask_the_time(interpreter, text):
    # the eighteenth set's first run: «简易注销和一般注销哪个快» read as an overview
    assert interpreter.read(text, "ask_procedure", 0.9).facets == ("ask_duration",)


@pytest.mark.parametrize("text, intent, confidence, expected", [
    # the eighteenth set's first run: the rating said first, what earned it after it (bot_challenge 0.58 for 套话)
    ("差评 回复都是套话", "bot_challenge", 0.58, "rate_service"),
    ("差评 答复全是官话 敷衍了事", "inform", 0.7, "rate_service"),
    ("好评 态度不错", "inform", 0.5, "rate_service"),
    ("差评了会怎样", "rate_service", 0.6, "rate_service"),
])
def test_a_rating_said_first_is_the_rating(interpreter, text, intent, confidence, expected):
    assert interpreter.read(text, intent, confidence).intent == expected


@pytest.mark.parametrize("text, intent, confidence", [
    # the newcomer of round seventeen: a ticket's number asked for (check_status 0.58), «没有找到依据»
    ("太麻烦了 有没有人帮我办", "check_status", 0.58), ("有人能替俺跑不", "ask_procedure", 0.9),
    ("手续太多了 谁能替我跑一下", "ask_procedure", 0.6),
])
def test_someone_asked_to_do_it_for_the_asker_is_assisted_service(interpreter, text, intent, confidence):
    reading = interpreter.read(text, intent, confidence)
    assert reading.recognition.named == ("assisted_service",)
    assert reading.intent == "ask_procedure"


def test_someone_asked_to_look_up_a_ticket_is_not(interpreter):
    assert interpreter.read("有没有人帮我查下工单", "check_status", 0.7).recognition.named == ()


@pytest.mark.parametrize("text, named", [
    # the eighteenth set's first run: what is registered, changed, and a firm of a kind to open said with 开 alone,
    # named nothing (the guide before answered again)
    ("那工商登记信息要改的话带什么", ("business_change",)), ("登记事项要更正一下 去哪办", ("business_change",)),
    ("还有个客户想开个小商贸公司 多少钱", ("company_setup",)), ("开一人公司要多久", ("company_setup",)),
    ("修改登记的手机号", ()), ("公开招标的贸易公司资格", ()),
])
def test_registered_details_changed_and_a_kind_of_firm_opened_are_named(interpreter, text, named):
    assert interpreter.read(text, "ask_procedure", 0.5).recognition.named == named


@pytest.mark.parametrize("text, steps", [
    # the newcomer of round seventeen: at the rating's buttons, «不满意 证是发了 但拖了一个多月 没人解释为啥» got the
    # rule of a 差评 (its 为啥) and no rating was taken
    ("不满意 证是发了 但拖了一个多月 没人解释为啥", ()), ("差评 为什么拖了一个月都没人管啊", ()),
    ("差评了会怎样", ("bad_rating",)), ("不满意 能申诉吗", ("appeal",)), ("要是我给差评会怎么样", ("bad_rating",)),
])
def test_a_rating_given_with_its_story_asks_no_step(text, steps):
    from bot.language.grammar import handling_steps_asked

    assert handling_steps_asked(text) == steps


@pytest.mark.parametrize("text, intent, named", [
    # the eighteenth set's first run: an English question read as a complaint (0.90), a word's initials unread
    ("标准地那个拿地就开工 how does it work", "complain", ("standard_land",)),
    ("想zc个公司 流程是啥", "ask_procedure", ("company_setup",)),
    ("jyzx的steps发一下", "ask_procedure", ("simple_deregistration",)),
])
def test_english_questions_and_initials_are_read(interpreter, text, intent, named):
    reading = interpreter.read(text, intent, 0.9)
    assert reading.intent == "ask_procedure" and reading.recognition.named == named


@pytest.mark.parametrize("text, named", [
    # my chat on the merged main: the firm's name changed and a line added, said plainly, named nothing
    ("他说想把厂子名字改一改 顺便加个卖建材的项目 上哪弄", ("business_change",)),
    ("公司名字想改一下 要带啥", ("business_change",)), ("想加个卖酒的业务 执照要动吗", ("business_change",)),
    ("孩子名字改一改要去哪", ()), ("加个施工项目的保函", ("bid_guarantee",)),
])
def test_a_name_changed_or_a_line_added_said_plainly_is_a_change(interpreter, text, named):
    assert interpreter.read(text, "ask_where", 0.9).recognition.named == named
