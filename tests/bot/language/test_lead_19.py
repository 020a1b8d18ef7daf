"""The lead's part of issue 10's nineteenth round, in the reading."""
import pytest


@pytest.mark.parametrize("text", [
    # the sixth set on the merged main of round eighteen: requests put as questions read as questions by
    # «asks, requests no help» (three lines lost)
    "能不能给我们厂办个临时通行证 货车进不了园区",
    "有没有免费的法律咨询服务 我们小店请不起律师",
    "能不能找移动公司来给园区建个信号塔",
    "能不能找供电公司来给我们拉根线",
    "可不可以替我们把证办一下 老板在外地",
])
def test_a_request_put_as_a_question_stays_a_request(interpreter, text):
    assert interpreter.read(text, "request_help", 0.9).intent == "request_help"


@pytest.mark.parametrize("text", [
    # still questions (the rule of round eighteen)
    "海关AEO高级认证要考核多少分才能通过 我们做出口的想申请",
    "法人不在本地 他那份身份证明和签字要怎么弄 还有别的材料要备吗",
])
def test_a_question_with_no_help_asked_stays_a_question(interpreter, text):
    assert interpreter.read(text, "request_help", 0.9).intent != "request_help"


@pytest.mark.parametrize("text, intent, confidence", [
    # my chat on main 0a4c939: «我上个月在你们这投诉的那个事 到现在没人理» (complain 0.52) started a new complaint form
    ("我上个月在你们这投诉的那个事 到现在没人理", "complain", 0.52),
    ("之前反映的问题一直没回音 你们到底管不管", "complain", 0.8),
    ("前几天提的单子 到现在没有动静", "check_status", 0.6),
])
def test_an_earlier_filing_unanswered_is_urged(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "urge"


@pytest.mark.parametrize("text", [
    "上次投诉的那个窗口 今天又让我跑了一趟",  # a new grievance about the same office
    "之前找过你们 没人理",  # nothing filed named
])
def test_a_new_grievance_is_not_an_urge(interpreter, text):
    assert interpreter.read(text, "complain", 0.8).intent == "complain"


@pytest.mark.parametrize("text", [
    # the twentieth set's conversations at their first run: a greeting from a place (no «我是») started a
    # suggestion form
    "您好 律所这边的 替一家客户问点事",
    "你好 代账公司的 帮客户了解点情况",
    "哈喽 12345专席这边 有位来电人在线",
])
def test_a_greeting_from_a_place_with_nothing_asked(interpreter, text):
    assert interpreter.read(text, "suggest", 0.6).intent == "greet"


@pytest.mark.parametrize("text", ["请问处理好了吗", "办好了没", "那件事弄完了没有"])
def test_whether_one_s_matter_is_done_is_its_status(interpreter, text):
    # the newcomer: «请问处理好了吗» got «没有找到依据»; «处理好了吗» with an open ticket, the 首违不罚 card
    assert interpreter.read(text, "ask_eligibility", 0.8).intent == "check_status"


@pytest.mark.parametrize("text", ["简易注销办好了吗", "当天能办好吗"])
def test_a_procedure_s_time_is_still_asked(interpreter, text):
    assert interpreter.read(text, "ask_duration", 0.8).intent != "check_status"


def test_an_office_s_deed_and_the_wait_it_caused_is_a_complaint(interpreter):
    # the twentieth set: «…窗口让我回去等通知 等了一个月也没信儿» (inform 0.72) got nothing
    assert interpreter.read("税务局窗口叫我回去等电话 等了三个礼拜也没人打", "inform", 0.7).intent == "complain"
    assert interpreter.read("当时接待我们的是三号窗口 时间是上周四下午", "inform", 0.7).intent == "inform"


def test_a_procedure_said_twice_is_no_topic_of_its_own():
    from bot.language.interpret import Interpreter, reading_to_dict
    from bot.language.lexicon import load_lexicon
    from bot.procedures.loader import load_knowledge
    from tests.conftest import ROOT

    reader = Interpreter.build(load_knowledge(ROOT / "knowledge"), load_lexicon(ROOT / "knowledge"))
    # the twentieth set: «饭店后厨要通天然气 还要加大电表 这个咋弄» got «没有找到依据» (电表, a thing of its own)
    said = reading_to_dict(reader.read("食堂要通天然气 还得加大电表 这个咋弄", "ask_procedure", 0.9))
    assert said["thing"] is None and [m["procedure"] for m in said["mentions"]] == ["utility_connection"]


def test_a_reproach_is_no_question_of_the_time_limit(interpreter):
    # lead19-05: «…要等明年改造 这不是拖着吗» (complain 0.9) got 水电气热接入's time limit
    reading = interpreter.read("燃气公司说我们园区接气要等明年改造 这不是拖着吗", "complain", 0.9)
    assert reading.intent == "complain"
    assert interpreter.read("保证金到现在还不退 正常多少天该退", "complain", 0.9).intent == "ask_duration"


@pytest.mark.parametrize("text", ["我上个月在你们这投诉的那个事 到现在没人理"])
def test_an_earlier_filing_unanswered_is_urged_however_sure_the_classifier(interpreter, text):
    assert interpreter.read(text, "complain", 0.99).intent == "urge"


@pytest.mark.parametrize("text, intent, confidence, read", [
    # the twentieth set's conversations at their first run
    ("中 俺知了 走了啊", "nlu_fallback", 0.3, "goodbye"),
    ("你都能帮着弄啥", "ask_procedure", 0.6, "ask_capabilities"),
])
def test_said_in_so_many_words(interpreter, text, intent, confidence, read):
    assert interpreter.read(text, intent, confidence).intent == read


def test_the_platform_asked_to_be_named_asks_where(interpreter):
    assert "ask_where" in interpreter.read("烦请告知申报平台", "ask_procedure", 0.8).facets
    assert interpreter.read("流程走了一半", "inform", 0.6).intent != "goodbye"


def test_someone_asked_to_take_it_in_hand_stays_a_complaint(interpreter):
    # the twentieth set: «…就不能一次说清楚吗 到底找谁能管管» (complain 0.95) got 企业开办's places
    text = "真服了 办个执照跑了四趟 每回都说还差一样 就不能一次说清吗 到底谁来管管"
    assert interpreter.read(text, "complain", 0.95).intent == "complain"


def test_how_to_hurry_it_asked_bare_is_an_urge(interpreter):
    assert interpreter.read("咋催", "nlu_fallback", 0.3).intent == "urge"
    assert interpreter.read("催办一般几天有用", "ask_duration", 0.8).intent != "urge"


# The merged branch of round nineteen (four branches, one retrained model 753f313f) played every conversation:
# these lines, read right on main, were read by the retrained classifier as another intent and the rules did
# not mend it. Each is the classifier's guess as measured; the reading must be what main's was.
@pytest.mark.parametrize("text, intent, confidence, read", [
    ("投诉一下 东湖公园景观提升项目开标 招标文件里的资格条件明显是给某家定做的", "ask_eligibility", 0.68, "complain"),
    ("好 下一位来电 反映住建局施工许可材料交齐25个工作日了没批 要投诉", "ask_duration", 0.91, "complain"),
    ("哦不对 我说错了 我们没开过业 是简易的那个", "deny", 0.54, "ask_procedure"),
    ("打12345问政策 接电话的能不能说不归他管 让我再打别的电话", "human_handoff", 0.67, "ask_procedure"),
    ("烦请说明贵平台可受理哪些类型的企业诉求。", "ask_capabilities", 0.34, "ask_capabilities"),
    ("麻烦您了 我就想确认一下 这个要不要去现场", "affirm", 0.56, "ask_where"),
    ("好 就这样 我去跟老板汇报", "affirm", 0.49, "goodbye"),
    ("查一下 ys 2026 1123 0017 到哪了", "out_of_scope", 0.30, "check_status"),
    ("投标文件被退回来了 这种情况一般找哪反映", "complain", 0.21, "ask_where"),
    ("那投诉呢", "complain", 0.42, "nlu_fallback"),
    ("我们老板不会弄这些 能不能找人帮我们跑", "request_help", 0.98, "ask_procedure"),
    ("到底要等多久啊!!! 施工许可证批了快一个月了还没下来", "ask_duration", 0.90, "complain"),
    ("听说还有机器人能问事 真的假的", "human_handoff", 0.35, "nlu_fallback"),
    ("就是新公司取名 能不能带英文字母", "ask_eligibility", 0.34, "ask_eligibility"),
    ("你好 刚关注的 怎么用", "greet", 0.27, "greet"),
])
def test_the_merged_classifier_s_misreadings_are_mended(interpreter, text, intent, confidence, read):
    reading = interpreter.read(text, intent, confidence)
    assert reading.intent == read
    # unsure, a reading kept without a reason is taken by Rasa's fallback («没有完全理解»)
    assert reading.reason is not None or confidence >= 0.9


@pytest.mark.parametrize("text, intent, confidence", [
    ("投诉要多久才有结果", "ask_duration", 0.9),  # a question of the channel: no filing clause of its own
    ("不对", "deny", 0.54),  # a plain no stays one
    ("施工许可要多久", "ask_duration", 0.9),  # no wait of one's own told
    ("能不能派个人来厂里帮我们跑一下手续", "request_help", 0.98),  # someone sent: a request
])
def test_what_the_mends_leave_alone(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == intent


def test_a_greeting_that_says_it_only_greets_is_a_greeting(interpreter):
    # fresh20-55 on the merged branch (greet 0.50): 企业变更登记's guide answered for its «搬»
    said = "你好 我是做学校配餐的 厂子刚搬到开发区 有好几件事想问 先打个招呼"
    assert interpreter.read(said, "greet", 0.5).intent == "greet"
    assert interpreter.read("你好 先打个招呼 简易注销要带啥", "greet", 0.5).intent == "ask_materials"
