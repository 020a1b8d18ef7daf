"""The lead's part of issue 10's twenty-sixth round, in the dialogue (our own wording, failing on main)."""
import datetime as dt

import pytest

from bot.dialogue.days import done_by
from bot.dialogue.questions import Answer, AskWhich, Memory
from bot.workdays import WorkCalendar
from tests.bot.dialogue.test_questions import BOTH, READ, step


@pytest.mark.parametrize("text, intent, confidence, procedure", [
    ("诊所", "inform", 0.8, "clinic_setup"),       # the tester's: «诊所» alone was «没有完全理解»
    ("中医馆", "inform", 0.8, "clinic_setup"),
    ("燃气", "nlu_fallback", 0.3, "utility_connection"),
    ("用水", "inform", 0.8, "utility_connection"),
])
def test_a_guides_thing_typed_alone_first_asks_about_that_guide(text, intent, confidence, procedure):
    decision = step(text, intent, confidence=confidence)
    assert isinstance(decision.step, Answer), decision.step
    assert decision.step.procedure == procedure


def test_a_thing_alone_two_guides_speak_of_asks_which():
    decision = step("招投标", "inform", confidence=0.8)
    assert isinstance(decision.step, AskWhich)
    assert set(decision.step.choices) == {"bid_guarantee", "remote_bid_opening"}


@pytest.mark.parametrize("text", ["地址", "餐饮", "好的"])
def test_a_word_no_guide_owns_is_still_not_guessed(text):
    decision = step(text, "inform", confidence=0.8)
    assert not isinstance(decision.step, Answer | AskWhich), decision.step


# — the twenty-seventh set's conversations, in our own words

@pytest.mark.parametrize("text, guess, confidence, procedure, facet", [
    # the story's firm, then what is asked of another procedure
    ("我们几个朋友打算合伙开个公司卖茶叶 字号也定了 核名去哪弄", "ask_procedure", 0.9, "name_declaration", None),
    ("我们公司在城东要开一家口腔诊所 备案几天能好", "ask_duration", 0.9, "clinic_setup", "ask_duration"),
    ("核好名了 过多久不用就失效", "ask_duration", 0.9, "name_declaration", "ask_duration"),
    ("村里说有补贴可以报 我们合作社第一次弄 怎么个报法", "ask_procedure", 0.5, "enterprise_policy", None),
    ("开标那天远程解密得用什么", "ask_duration", 0.5, "remote_bid_opening", "ask_materials"),
])
def test_what_the_message_asks_is_answered(text, guess, confidence, procedure, facet):
    decision = step(text, guess, confidence=confidence)
    assert isinstance(decision.step, Answer), decision.step
    assert decision.step.procedure == procedure
    if facet:
        assert facet in decision.step.facets


def test_the_papers_to_sign_are_the_materials_of_the_guide_in_memory():
    # fresh27: «要签什么东西» after 帮办代办's overview was «不在我能解答的范围内»
    decision = step("那得签些什么", "out_of_scope", Memory("assisted_service", ("ask_procedure",)), confidence=0.7)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "assisted_service"
    assert decision.step.facets == ("ask_materials",)


def test_a_step_asked_in_its_order_keeps_the_storys_procedure():
    decision = step("我们打算开公司 先要核名吗", "ask_procedure", confidence=0.9)
    assert isinstance(decision.step, Answer | AskWhich)
    named = {decision.step.procedure, *(a.procedure for a in decision.step.also)} \
        if isinstance(decision.step, Answer) else set(decision.step.choices)
    assert "company_setup" in named


@pytest.mark.parametrize("text", ["您好，本院为民营医院，拟于城南新建住院楼，请问办理建筑工程施工许可需提交何种材料",
                                  "本单位拟改建办公楼，请问办理施工许可需提交何种材料"])
def test_a_firms_letter_asking_what_to_submit_asks_the_materials(text):
    # fresh27: «…请问办理建筑工程施工许可需提交何种材料» (request_help 0.56) started the request for help's form
    reading = READ.read(text, "request_help", 0.56)
    assert reading.question and reading.intent == "ask_materials"


# — the day the papers go in, and the day asked (the tester: «今天交材料 下礼拜一前能批下来吗» was counted against
# today)

FRIDAY = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def calendar():
    return WorkCalendar()


@pytest.mark.parametrize("text, start, asked", [
    ("施工许可今天交材料 下礼拜一前能批下来吗", "今天", "12月7日(星期一)"),
    ("我们下周一去递件 周五前能办好吗", "12月7日(星期一)", "12月11日(星期五)"),
    ("12月9号提交的话 元旦之前拿得到证吗", "12月9日(星期三)", "元旦放假(2027年1月1日(星期五)起)"),
    ("下星期三之前能好吗", "今天", "12月9日(星期三)"),
])
def test_the_day_handed_in_is_not_the_day_asked(calendar, text, start, asked):
    def ends(days, begin=FRIDAY):
        deadline = calendar.add_working_days(dt.datetime.combine(begin, dt.time(10)), days)
        return deadline.due.date(), deadline.provisional

    told = done_by(text, FRIDAY, 3, ends, calendar.day_info)
    assert told is not None
    assert told.values["start"] == start and told.values["asked"].startswith(asked)


def test_a_day_alone_after_a_time_limit_asks_it_again():
    decision = step("那下周三呢", "nlu_fallback", Memory("construction_permit", ("ask_duration",)), confidence=0.3)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "construction_permit"
    assert decision.step.facets == ("ask_duration",)


@pytest.mark.parametrize("text", ["不对吧 听朋友说他十来天才办下来", "不可能这么快吧", "你说错了吧 我同事办了十来天"])
def test_an_answer_doubted_is_given_again(text):
    # fresh27: «不对吧 我朋友说他办了十天» after 企业开办's time limit got «好的,还有什么可以帮您»
    decision = step(text, "deny", Memory("company_setup", ("ask_duration",)), confidence=0.8)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "company_setup"
    assert decision.step.facets == ("ask_duration",)


def test_a_bare_no_after_an_answer_is_not_the_answer_again():
    decision = step("不对", "deny", Memory("company_setup", ("ask_duration",)), confidence=0.8)
    assert not isinstance(decision.step, Answer)


@pytest.mark.parametrize("text", ["行 那顺便问下 营业执照几天能下证", "执照啥时候能拿到手"])
def test_getting_a_licence_after_another_guide_is_the_licences_guide(text):
    # fresh27: «好的 那再问一下 营业执照多久能办下来» after 燃气报装 (whose papers list the licence) quoted another
    # region's text; «执照多久能拿到» got the utilities' time limit
    decision = step(text, "ask_duration", Memory("utility_connection", ("ask_fee",)), confidence=0.9)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "company_setup", decision.step


@pytest.mark.parametrize("text", ["敝司董事变更事宜应如何办理？", "我司监事变更怎么办"])
def test_the_firm_named_in_a_letters_words_is_no_other_matter(text):
    # the tester: «敝司董事变更事宜应如何办理» got «没有找到依据» (敝司董事 taken for a matter no guide holds)
    decision = step(text, "ask_procedure", confidence=0.6)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "business_change"


def test_a_no_with_a_question_of_its_own_is_answered_as_asked():
    # the replay of every conversation (fresh8-42): «不对 我们还有三个工人的工资没结清 那该走哪种» after the two
    # deregistrations got «以受理窗口为准» and the same answer again
    memory = Memory("simple_deregistration", ("ask_procedure",), alternatives=BOTH)
    decision = step("不对 我们还欠着供应商的货款 那该走哪种", "ask_procedure", memory, confidence=0.8)
    assert isinstance(decision.step, Answer) and decision.step.procedure == "general_deregistration", decision.step


@pytest.mark.parametrize("text", ["不对 算了", "不对 我不想办这个了", "不对 谢谢"])
def test_a_no_that_gives_up_is_not_the_answer_again(text):
    decision = step(text, "deny", Memory("company_setup", ("ask_duration",)), confidence=0.8)
    assert not isinstance(decision.step, Answer)
