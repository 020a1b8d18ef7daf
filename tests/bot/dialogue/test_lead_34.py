"""The lead's part of issue 10's thirty-fourth round, in the dialogue: what was left last round (a guide compared
with a way no guide describes, «最晚…之前», «啥都不用…»), in our own wording, each failing on main."""
import pytest

from bot.dialogue.beside import kind_asked
from bot.dialogue.questions import Answer
from bot.dialogue.yes_no import line_asked, verdict
from tests.bot.dialogue.test_conv18 import KB, step

# ---- a guide compared with the way no guide describes ----------------------------------------------------------

@pytest.mark.parametrize("text, intent, procedure, facets", [
    # («现场开标和不见面开标哪个好» got the places only: 现场 read as where)
    ("现场开标跟不见面开标比 哪个好", "ask_where", "remote_bid_opening", ("ask_procedure",)),
    ("远程开标和去现场开标有啥区别", "ask_procedure", "remote_bid_opening", ("ask_procedure",)),
    ("让帮办代办帮忙跟自己跑窗口比 哪个快", "ask_duration", "assisted_service", ("ask_duration",)),
])
def test_a_guide_compared_with_the_way_no_guide_describes_gets_what_the_comparison_asks(text, intent, procedure,
                                                                                         facets):
    answer = step(text, intent)
    assert isinstance(answer, Answer) and answer.procedure == procedure and answer.facets == facets, answer


@pytest.mark.parametrize("text", ["个体户跟开公司 哪个好办", "个体户和注册公司有什么区别", "个体户能走企业开办吗"])
def test_a_kind_of_firm_compared_or_asked_to_go_the_guides_way_is_the_kind_asked(text):
    # («个体户和开公司哪个好办» got the conditions alone; the guide says nothing of 个体户, never said)
    assert kind_asked(text) == "个体工商户"
    answer = step(text, "ask_procedure")
    assert isinstance(answer, Answer) and answer.procedure == "company_setup" and answer.kind == "个体工商户", answer


@pytest.mark.parametrize("text, procedure", [("不见面开标的现场窗口在哪", "remote_bid_opening"),
                                             ("帮办代办要自己去窗口申请吗 在哪申请", "assisted_service")])
def test_a_place_asked_with_the_other_ways_words_is_still_the_place(text, procedure):
    answer = step(text, "ask_where")
    assert isinstance(answer, Answer) and answer.procedure == procedure and "ask_where" in answer.facets, answer


@pytest.mark.parametrize("text", ["我是个体户", "个体户注销要啥材料", "个体户开张要办哪些手续"])
def test_a_kind_told_without_a_comparison_or_a_same_is_no_kind_asked(text):
    assert kind_asked(text) is None


# ---- by when at the latest -------------------------------------------------------------------------------------

@pytest.mark.parametrize("procedure, text, line", [
    ("bid_guarantee", "电子保函最晚什么时候之前要交上去", "投标截止时间前"),
    ("remote_bid_opening", "加密的投标文件最迟啥时候得传", "投标截止时间前上传"),
    ("simple_deregistration", "公示满了以后最晚多久要提交注销申请", "期满后20天内"),
    ("bid_guarantee", "没中标的话保证金最迟哪天退给我", "5日内退还"),
])
def test_a_question_of_by_when_is_led_by_the_line_that_sets_the_time(procedure, text, line):
    found = line_asked(text, KB.get(procedure), KB)
    assert found is not None and found.response == "utter_verdict_guide_line" and line in dict(found.values)["line"]


@pytest.mark.parametrize("procedure, text", [
    ("bid_guarantee", "电子保函多久能开出来"),  # how long, not by when
    ("company_setup", "营业执照最晚啥时候能拿到"),  # no line sets a latest time for it
])
def test_no_by_when_line_is_quoted_where_none_is_asked_or_held(procedure, text):
    found = line_asked(text, KB.get(procedure), KB)
    assert found is None or "前" not in dict(found.values)["line"] and "内" not in dict(found.values)["line"]


# ---- «啥都», «什么都»: every one, no question of which ----------------------------------------------------------

@pytest.mark.parametrize("text", ["免申即享的政策是不是啥都不用干", "免申即享是不是什么材料都不用交"])
def test_every_one_said_with_a_question_word_is_still_a_yes_or_no(text):
    # («免申即享是不是啥都不用干» got the fee: «啥» read as a question of what)
    found = verdict(text, KB.get("enterprise_policy"), KB)
    assert found is not None and "无需申请" in dict(found.values)["line"], found


# ---- from the thirty-fifth set's conversations and the tester on main ------------------------------------------

from bot.conversation.answering import asks_of_the_filed_ticket  # noqa: E402
from bot.conversation.phrases import asks_what_if_a_filed_matter_unhandled  # noqa: E402
from bot.dialogue.questions import AskWhich, Memory, Quote, Say  # noqa: E402
from bot.dialogue.telling import asks_where_to_report  # noqa: E402
from bot.language.grammar import asks_who_leads  # noqa: E402
from bot.language.introduction import self_introduced  # noqa: E402
from tests.bot.dialogue.test_conv18 import CLAUSES, READ  # noqa: E402


@pytest.mark.parametrize("text, intent", [("简易注销和一般注销 两个到底差在哪儿", "ask_where"),
                                          ("一般注销跟简易注销差在哪", "ask_procedure")])
def test_a_difference_asked_with_where_words_gets_the_conditions_not_the_places(text, intent):
    # fresh35-02 and the tester: two identical «where» cards
    answer = step(text, intent)
    assert isinstance(answer, Answer) and answer.facets == ("ask_eligibility",) and len(answer.also) == 1, answer


@pytest.mark.parametrize("text, intent", [("那这事谁来管", "goodbye"), ("这是谁牵头的制度", "bot_challenge"),
                                          ("这事归谁管", "inform")])
def test_who_leads_it_is_a_question_whatever_the_classifier_took_it_for(text, intent):
    # fresh35-16 «再见», fresh35-28 «我是营商助手», fresh35-29 «没有找到依据»
    assert asks_who_leads(text)
    assert READ.read(text, intent, 0.5).intent == "ask_where"


@pytest.mark.parametrize("text", ["谁来管理这个平台", "我们谁都管不了", "部门有哪些", "谁管用"])
def test_no_who_leads_is_read_where_none_is_asked(text):
    assert not asks_who_leads(text)


def _after(first, intent, then, then_intent):
    decided = decide_turn(message(first, intent), Memory(), KB, CLAUSES)
    return decide_turn(message(then, then_intent), decided.memory, KB, CLAUSES).step


from bot.conversation.answering import decide_turn  # noqa: E402
from tests.bot.dialogue.test_conv18 import message  # noqa: E402


@pytest.mark.parametrize("then, intent", [("这一块是哪个部门牵头负责", "ask_procedure"),
                                          ("这是谁牵头的制度", "ask_where")])
def test_who_leads_the_rule_just_quoted_is_its_lead_units_line(then, intent):
    # it got another section's clause (四) on leaders' visits
    answered = _after("隔三差五有部门来厂里调研参观 搞得没法干活 有没有规定管这个", "ask_procedure", then, intent)
    assert isinstance(answered, Quote) and answered.leads and answered.part == "牵头单位:市作风办、市工业和信息化局"


def test_who_leads_the_guide_just_answered_is_its_departments():
    # fresh35-16: «那这事谁来管» after 首违不罚 (taken for a goodbye; read, it quoted 分级会办's clause)
    answered = _after("头一回小问题会不会罚", "ask_procedure", "那这事谁来管", "ask_where")
    assert answered == Answer("lenient_enforcement", ("ask_where",), remembered=True)


def test_who_is_responsible_for_a_matter_told_is_still_its_clause():
    answered = step("热线反映的问题没人认领 这种按规定谁负责", "ask_procedure")
    assert isinstance(answered, Quote) and "责任不明或职责交叉" in answered.hit.passage.paragraph


def test_a_hotline_agent_trying_whether_anyone_answers_is_greeted():
    # fresh35-38: «您好 这边是12345营商专席 先试一下你在不在» got a clause on the 12345 hotline
    assert self_introduced("您好 这边是12345营商专席 先试一下你在不在") == "12345营商专席"
    assert self_introduced("你好 我是会计 在哪办注销") is None


def test_what_follows_an_overdue_ticket_asked_by_a_clerk_is_the_ladders():
    # fresh35-51: «我们这边超期了会怎样» got «不在我能解答的范围内»
    assert asks_what_if_a_filed_matter_unhandled("我们这边超期了会怎样")


def test_the_channels_asked_with_the_fear_of_complaining_is_where_to_report():
    # fresh35-15: «想投诉一个窗口 但是怕被报复 投诉的渠道有哪些» opened a complaint's form
    assert asks_where_to_report("想投诉一个窗口 但是怕被报复 投诉的渠道有哪些")


def test_how_long_is_left_after_a_status_shown_asks_of_that_ticket():
    # the tester: «还剩几天» right after a ticket's status got «您问的是哪个事项»
    shown = [{"event": "bot", "text": "工单YS…", "metadata": {"utter_action": "utter_ticket_status"}}]
    assert asks_of_the_filed_ticket(AskWhich((), ("ask_duration",)), "还剩几天", shown)
    assert not asks_of_the_filed_ticket(AskWhich((), ("ask_duration",)), "还剩几天", [])


from bot.conversation.intake import goes_on_asking  # noqa: E402


@pytest.mark.parametrize("text", ["得等多老长时间 都快过年了", "要是造成了一点损失 还算不算",
                                  "我觉得差评处理得不公平 能申诉不", "能匿名吗"])
def test_a_follow_up_taken_for_a_ticket_action_goes_on_asking(text):
    # fresh35-19, -25, -32: each got «请提供工单号» in a conversation with no ticket
    assert goes_on_asking(text, True)


@pytest.mark.parametrize("text", ["能帮我催一下吗", "帮我查查", "能给个好评吗", "能撤回吗", "我的工单多久能办完"])
def test_a_ticket_action_asked_is_no_follow_up(text):
    assert not goes_on_asking(text, True)


@pytest.mark.parametrize("text", ["得等多老长时间 都快过年了", "几耐拎到凭证"])
def test_how_long_asked_in_dialect_is_the_time_limit(text):
    # fresh35-19: «得等多老长时间» read no facet (an urge with nothing to urge, then «没有完全理解»)
    assert "ask_duration" in READ.read(text, "urge", 0.5).facets


# ---- from the review of the first cut (each wrong on the branch, right on main) ----------------------------------

@pytest.mark.parametrize("text, intent", [
    ("我的工单现在是哪个部门在管", "check_status"), ("谁负责的 我要投诉他", "inform"),
    ("到底谁负责 都一个月了没人理", "inform"), ("谁来负责我们的损失", "out_of_scope"),
    ("那企业被乱罚款 这种归谁管", "inform")])
def test_who_leads_words_in_a_matter_of_ones_own_are_no_question_of_who_leads(text, intent):
    assert READ.read(text, intent, 0.9).intent != "ask_where"


@pytest.mark.parametrize("text", ["投诉的电话打了三次都没人接 窗口一直推诿", "反映的途径都走遍了 窗口还是推诿"])
def test_a_channel_used_is_no_question_of_where_to_report(text):
    assert not asks_where_to_report(text)


@pytest.mark.parametrize("first, lead", [("名称争议怎么解决", "市场监督管理局高新区分局"),
                                         ("小微企业贷款难有什么政策", "服务业促进局")])
def test_lead_units_are_the_quoted_paragraphs_own(first, lead):
    # a section of seed 002 holds several measures: it named the section's first lead
    answered = _after(first, "ask_procedure", "这一块谁牵头", "ask_where")
    assert isinstance(answered, Quote) and answered.part.startswith(f"牵头部门:{lead}"), answered


def test_a_matter_told_beside_who_leads_after_a_quote_is_not_given_the_quotes_lead():
    answered = _after("隔三差五有部门来厂里调研参观 搞得没法干活 有没有规定管这个", "ask_procedure",
                      "那企业被乱罚款 这种归谁管", "ask_where")
    assert not (isinstance(answered, Quote) and answered.leads)


@pytest.mark.parametrize("text, intent, facets", [
    ("简易注销和一般注销在哪办 有区别吗", "ask_where", ("ask_where",)),
    ("找代办跟自己跑 收费不一样吧", "ask_fee", ("ask_fee",)),
    ("企业开办现场窗口各个区不一样吧 我在高新区 去哪办", "ask_where", ("ask_where",)),
    ("施工许可现场窗口说的跟网上写的不一样 到底要哪些材料", "ask_materials", ("ask_materials",)),
])
def test_a_comparison_keeps_the_facet_asked(text, intent, facets):
    answer = step(text, intent)
    assert isinstance(answer, Answer) and answer.facets == facets, answer


@pytest.mark.parametrize("text, intent, facets", [("个体户去哪个窗口办", "ask_where", ("ask_where",)),
                                                  ("跟个体户有啥区别", "ask_procedure", ("ask_procedure",)),
                                                  ("那个体户呢", "ask_procedure", ("ask_materials",))])
def test_a_kind_of_firm_followed_up_is_asked_the_facet_of_this_message(text, intent, facets):
    answer = step(text, intent, Memory("company_setup", ("ask_materials",)))
    assert isinstance(answer, Answer) and answer.facets == facets and answer.kind == "个体工商户", answer


def test_a_deadline_named_with_no_by_when_asked_quotes_no_line():
    assert line_asked("加密文件截止前没传上去怎么办", KB.get("remote_bid_opening"), KB) is None


@pytest.mark.parametrize("text", ["食品经营许可证多久能下来", "商标注册多久", "社保开户要几天"])
def test_a_guide_question_after_a_status_card_is_no_status_lookup(text):
    shown = [{"event": "bot", "text": "工单YS…", "metadata": {"utter_action": "utter_ticket_status"}}]
    assert not asks_of_the_filed_ticket(AskWhich((), ("ask_duration",)), text, shown)


@pytest.mark.parametrize("text", ["税务申报超期了会怎么样", "房租超期了咋办"])
def test_something_else_overdue_is_no_tickets_ladder(text):
    assert not asks_what_if_a_filed_matter_unhandled(text)


def test_an_urge_beside_a_time_asked_is_no_follow_up():
    # conv14-06 on the branch: «开公司要多久 还有帮我催下我那个投诉» answered the guide twice, the urge never asked
    assert not goes_on_asking("开公司要多久 还有帮我催下我那个投诉", True)


def test_what_follows_an_overdue_ticket_supposed_is_still_the_ladders():
    # fresh16-49 on the branch: «要是超期了没办完呢» got «没有找到依据»
    assert asks_what_if_a_filed_matter_unhandled("要是超期了没办完呢")


def test_a_complaint_taken_back_with_tou_for_tousu_is_a_complaint():
    # fresh35-41: «想了想还是得投 不能惯着 …» after a cancel was filed as a request for help
    from bot.conversation.intake import ticket_type_of
    from bot.tickets.kinds import TicketType
    assert ticket_type_of("request_help", text="想了想还是得投 不能惯着 公司德润食品有限公司") is TicketType.COMPLAINT
    assert ticket_type_of("request_help", text="还是得投标 帮我们看看资格") is TicketType.REQUEST


# ---- from my own chats on the branch ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, intent, facets", [("那简易的跟这个差在哪", "ask_where", ("ask_eligibility",)),
                                                  ("简易注销跟这个比哪个快", "ask_duration", ("ask_duration",))])
def test_the_sibling_compared_with_the_one_just_answered_gets_both(text, intent, facets):
    # «那简易的跟这个差在哪» after 一般注销's places got 简易注销's places alone
    answer = step(text, intent, Memory("general_deregistration", ("ask_where",)))
    assert isinstance(answer, Answer) and answer.procedure == "general_deregistration" and answer.facets == facets
    assert [a.procedure for a in answer.also] == ["simple_deregistration"]


def test_the_sibling_followed_up_without_a_comparison_is_the_sibling_alone():
    answer = step("那简易的呢", "ask_where", Memory("general_deregistration", ("ask_where",)))
    assert isinstance(answer, Answer) and answer.procedure == "simple_deregistration" and not answer.also


@pytest.mark.parametrize("procedure, line", [("general_deregistration", "发布债权人公告"),
                                             ("simple_deregistration", "公示20天")])
def test_whether_to_put_it_in_the_paper_asked_short_is_the_line_that_replaces_it(procedure, line):
    # «要登报不» after 一般注销 got the whole overview
    found = verdict("要登报不", KB.get(procedure), KB)
    assert found is not None and found.response == "utter_verdict_not_required" and line in dict(found.values)["line"]


@pytest.mark.parametrize("text", ["要钱不", "要预约吗", "要交材料吗"])
def test_no_paper_is_read_in_other_short_questions(text):
    found = verdict(text, KB.get("general_deregistration"), KB)
    assert found is None or found.response != "utter_verdict_not_required"


@pytest.mark.parametrize("text", ["新厂房接电要多久 顺便问下要钱不", "仓库接水要多久"])
def test_the_firms_own_premises_are_no_other_matter(text):
    # «老板让我问下 新厂房接电要多久 顺便问下要钱不» got «没有找到依据» («厂房接电» read as another office's matter)
    answer = step(text, "ask_duration")
    assert isinstance(answer, Answer) and answer.procedure == "utility_connection", answer


def test_a_yes_or_no_follow_up_taken_for_out_of_scope_is_answered_by_the_guide_in_memory():
    # «那水和气能一起报吗» (out_of_scope 0.41) after 水电气热接入 got «不在我能解答的范围内»
    answer = step("那水和气能一起报吗", "out_of_scope", Memory("utility_connection", ("ask_duration",)))
    assert isinstance(answer, Answer) and answer.procedure == "utility_connection"
    assert step("那消防验收呢", "out_of_scope", Memory("construction_permit", ("ask_materials",))) == \
        Say("utter_policy_not_found")


def test_another_firms_name_changed_is_business_change():
    # «那另一家想改个名字呢» after 变更登记 (a bookkeeper) got «没有找到依据»
    assert READ.read("那另一家想改个名字呢", "out_of_scope", 0.6).recognition.named == ("business_change",)


@pytest.mark.parametrize("text", ["哪天到期", "还剩几天啊", "最晚啥时候给我答复"])
def test_the_time_of_a_ticket_shown_asked_any_way_is_of_that_ticket(text):
    # my own chat: «哪天到期» right after a status card got «没有找到依据»
    shown = [{"event": "bot", "text": "工单YS…", "metadata": {"utter_action": "utter_ticket_status"}}]
    assert asks_of_the_filed_ticket(Say("utter_policy_not_found"), text, shown)


def test_by_when_relayed_by_an_agent_is_the_guides_not_a_clause():
    # my own chat: «他还问保函最迟什么时候交» quoted the bidding text's clause, which says no time
    answer = step("他还问保函最迟什么时候交", "ask_procedure")
    assert isinstance(answer, Answer) and answer.procedure == "bid_guarantee", answer


@pytest.mark.parametrize("text", ["简易注销和一般注销区别在哪", "简易注销和一般注销哪里不一样"])
def test_a_difference_asked_where_it_lies_gets_the_conditions(text):
    answer = step(text, "ask_where")
    assert isinstance(answer, Answer) and answer.facets == ("ask_eligibility",), answer


def test_a_wait_told_in_dialect_is_no_time_asked():
    assert "ask_duration" not in READ.read("已经好多天嘛 怎么还没办", "urge", 0.9).facets


def test_a_name_checked_for_a_slip_is_no_name_declaration():
    assert READ.read("名字核一下有没有写错", "inform", 0.9).recognition.named != ("name_declaration",)
