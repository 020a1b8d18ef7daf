"""Issue 10 round fourteen (lead): answers the fifteenth held-out set's conversations showed wrong — a procedure
ruled out mid-sentence («我说的是投标保证金 不是开标 保证金能用保函吗»), the way of 注销 named while a case of the
other is told («其中一家还欠着税 还能走简易的不»), which of two procedures comes first. Our own wording; each was
decided otherwise before the change."""
import pytest

from bot.dialogue.questions import Answer, Memory
from tests.bot.dialogue.test_questions import step


def test_the_procedure_said_not_to_be_meant_is_ruled_out_mid_sentence():
    decided = step("你理解错了 我问的是投标保证金 不是开标 保证金能用电子保函吗", "ask_eligibility",
                   Memory("remote_bid_opening", ("ask_procedure",)), 0.9).step
    assert isinstance(decided, Answer) and decided.procedure == "bid_guarantee", decided


def test_the_way_named_is_answered_though_the_other_s_case_is_told():
    decided = step("有一家还欠着税呢 还能走简易的不", "ask_eligibility",
                   Memory("simple_deregistration", ("ask_materials",)), 0.9).step
    assert isinstance(decided, Answer) and decided.procedure == "simple_deregistration", decided
    assert decided.facets == ("ask_eligibility",)
    # the other's case told with no way named still asks about the other
    decided = step("那要是还欠着供应商货款没结呢", "ask_eligibility",
                   Memory("simple_deregistration", ("ask_eligibility",)), 0.9).step
    assert isinstance(decided, Answer) and decided.procedure == "general_deregistration", decided


@pytest.mark.parametrize("text, intent, first, second", [
    ("是不是得先核名才能开公司", "ask_procedure", "name_declaration", "company_setup"),
    ("施工许可和水电报装哪个先办", "ask_where", "construction_permit", "utility_connection"),
])
def test_which_comes_first_answers_both_in_the_order_named(text, intent, first, second):
    decided = step(text, intent, Memory(), 0.74).step
    assert isinstance(decided, Answer), decided
    assert [a.procedure for a in (*decided.also, decided)] == [first, second]


def test_who_sent_the_asker_and_when_they_go_is_no_topic_of_its_own():
    """«要带什么材料啊 老板让我明天去窗口»: what to bring is asked of a procedure not named — which one is asked
    back, never «没有找到依据» for a topic of 老板 and 明天."""
    from bot.dialogue.questions import AskWhich

    decided = step("要准备啥材料 领导叫我后天去窗口", "ask_materials", Memory(), 0.95).step
    assert isinstance(decided, AskWhich) and "ask_materials" in decided.facets, decided


def test_whether_someone_must_come_is_where_it_is_done():
    decided = step("老板让我问 不见面开标要不要人到交易中心 还是在公司就行", "ask_procedure", Memory(), 0.9).step
    assert isinstance(decided, Answer) and decided.facets == ("ask_where",), decided


def test_two_firms_matters_in_one_message_are_both_answered():
    """The newcomer of round fourteen: «…一家要简易注销 一家法人换人了 分别要准备啥材料» answered 简易注销 alone,
    the change told by what happened (法人换人, a cue) dropped without a word."""
    decided = step("帮两个客户问 一家想简易注销 另一家股东换人了 各自要准备啥材料", "ask_materials", Memory(), 1.0).step
    assert isinstance(decided, Answer), decided
    assert {a.procedure for a in (*decided.also, decided)} == {"simple_deregistration", "business_change"}
    assert all(a.facets == ("ask_materials",) for a in (*decided.also, decided))


@pytest.mark.parametrize("text, intent, confidence", [("后天会下雪不 我得去趟政务中心", "complain", 0.51),
                                                      ("孩子转学要准备哪些东西", "ask_materials", 0.6)])
def test_one_s_own_errand_is_out_of_scope_not_a_choice_of_guides(text, intent, confidence):
    """«明天会下雨不 我要去政务中心» (the retrained classifier: complain 0.45) was offered 报装 and 帮办代办 for
    its 政务中心."""
    from bot.dialogue.questions import Say

    assert step(text, intent, Memory(), confidence).step == Say("utter_out_of_scope")


def test_a_company_called_old_is_no_husband():
    """«另外我们有个老公司要注销 咋办» (the merged main): 老公司's 老公 made it a person's errand, and the choice
    of 注销 was lost with it — the errand's reading keeps what the words name."""
    from bot.dialogue.questions import AskWhich

    decided = step("我们还有个老公司想注销 怎么弄", "ask_procedure", Memory("standard_land", ("ask_fee",)), 0.42).step
    assert isinstance(decided, AskWhich) and set(decided.choices) == {"simple_deregistration",
                                                                       "general_deregistration"}, decided


def test_a_status_check_guessed_with_no_ticket_of_one_s_own_is_left_to_the_texts():
    """«12345投诉的事责任不清 谁来管» (check_status 0.44 after retraining) asked for a ticket number."""
    from bot.dialogue.questions import Quote

    decided = step("12345投诉的事责任不清 到底谁来管", "check_status", Memory(), 0.44).step
    assert isinstance(decided, Quote), decided
    assert not isinstance(step("我那个单子咋样了", "check_status", Memory(), 0.44).step, Quote)
