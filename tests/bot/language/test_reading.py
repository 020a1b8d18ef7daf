"""Facets, venting, requests to file, and the intent corrections built on them."""
import pytest

from bot.knowledge.cues import Cue, CueError
from bot.language.choices import NONE_OF_THESE, Option, choose
from bot.language.interpret import is_question, reading_from_dict, reading_to_dict


@pytest.mark.parametrize("text, facets", [
    ("简易注销要什么材料,多久能办完?", ["ask_materials", "ask_duration"]),
    ("诊所备案多久 收不收钱 在哪办", ["ask_duration", "ask_fee", "ask_where"]),
    ("要钱不", ["ask_fee"]),
    ("那谁能申请", ["ask_eligibility"]),
    ("开个小诊所需要啥手续", ["ask_procedure"]),
    ("网上能申请吗", ["ask_where"]),  # a way of applying, not who may (round eighteen)
    ("我不会弄网上申报,有没有人帮我办", []),
    ("你好", []),
    # a penalty is no fee (the conversation tests caught 罚款 as one: choice-two-03)
    ("罚款早交了 就想把记录消掉的那个", []),
    # found by cross-validation: a fee named by its kind, a deadline by its urgency, the
    # steps by their count; 地址 alone is the address change, not where to go
    ("电子保函手续费多少", ["ask_fee", "ask_procedure"]),
    # (the papers told as handed in say when the wait starts: the time is asked, no list — round twenty-nine)
    ("今天交材料明天来得及吗", ["ask_duration"]),
    ("普通注销要走哪几步", ["ask_procedure"]),
    ("跨区迁移可以办地址变更吗", []),
    ("银行保函到底是个啥东西", ["ask_procedure"]),
    # money owed is no fee (the fifth held-out set's first run; our own sentence)
    ("还欠着银行一笔钱 公司能关吗", []),
])
def test_every_facet_asked_is_found_in_the_order_asked(lexicon, text, facets):
    assert lexicon.facets.found(text) == facets


@pytest.mark.parametrize("text, vents", [
    ("你们这帮官僚就知道推诿!!!", True),
    ("办个事咋比登天还难", True),
    ("政府办事效率真是感人呢 呵呵", True),
    ("你個智障 啥也不懂", True),
    # found in a live chat: answered «不在我能解答的范围内»
    ("你们效率太低了吧", True),
    ("真的心累 做点小生意咋就这么难", True),
    # a described case is taken down, not calmed
    ("窗口互相推诿,事情一直办不成", False),
    ("税务窗口上周三推诿,材料交了三次", False),
    # a concrete word alone (窗口) tells no case: still venting; misconduct named is a complaint
    ("气死人 柜台窗口就会说不行", True),
    ("真服了 那个窗口老让回去等", True),
    ("受不了了 窗口的人态度太差", False),
    # anger with a request files it
    ("太气人了,我要投诉", False),
    ("简易注销要多久?!", False),
])
def test_venting_is_anger_without_a_request_or_a_case(interpreter, text, vents):
    assert interpreter.read(text, "complain", 0.9).vents is vents


@pytest.mark.parametrize("text, intent, confidence, chosen", [
    # the classifier did not know a procedure question
    ("法人换人了要去哪里变更", "out_of_scope", 0.6, "ask_where"),
    # the fourth held-out set: despair vented is no status lookup (查 is the inspections), and
    # «好 帮我投诉» after the calm offer asks for the complaint in so many words
    ("三天两头来检查 这店还让不让人开了", "check_status", 0.85, "complain"),
    ("行 那就帮我投诉吧", "ask_capabilities", 0.4, "complain"),
    ("公司不想干了,咋关掉?", "complain", 0.7, "ask_procedure"),
    # found in a live chat: a rating names what it rates («办执照的窗口»), and stays a rating
    ("我想给上次办执照的窗口打个差评", "rate_service", 0.6, "rate_service"),
    # found in a live chat: a tag question («…是吧») about doing it from home is not about the bot
    ("ok 那我在家就能弄是吧", "bot_challenge", 0.6, "ask_where"),
    ("你是机器人是吧", "bot_challenge", 0.6, "bot_challenge"),
    # saying what one wants done is asking about it
    ("我想注消", "human_handoff", 0.37, "ask_procedure"),
    ("打算开个诊所", "out_of_scope", 0.5, "ask_procedure"),
    ("我想找人工问问注销的事", "human_handoff", 0.8, "human_handoff"),
    # a short follow-up asking a facet, whatever the classifier made of it
    ("要钱不", "deny", 0.8, "ask_fee"),
    # the facet words win over the classifier's facet
    ("开个小诊所需要啥手续", "ask_materials", 0.9, "ask_procedure"),
    # asking to file in so many words
    ("我要投诉", "nlu_fallback", 0.2, "complain"),
    ("好 登记一下", "greet", 0.4, "complain"),
    # a sure complaint stays one, and so does a question worded as a complaint
    ("公司不想干了,咋关掉?", "complain", 0.98, "complain"),
    ("开公司的窗口为什么老是推诿?", "complain", 0.5, "complain"),
    ("办执照材料交了三次还说不全", "complain", 0.8, "complain"),
    # a question that does not speak to the bot is not about it
    ("那要是公司搬到别的区去呢 也是这个吗", "bot_challenge", 0.55, "ask_procedure"),
    ("你是不是机器人啊", "bot_challenge", 0.55, "bot_challenge"),
    # «谁» asked of someone named is about them, not the bot (fresh8-16's class)
    ("那个首席服务员是谁派来的", "bot_challenge", 0.5, "ask_procedure"),
    ("这些评标专家是由谁选出来的", "bot_challenge", 0.45, "ask_procedure"),
    ("这帮监督员是谁请的", "bot_challenge", 0.45, "ask_procedure"),
    ("你是谁", "bot_challenge", 0.45, "bot_challenge"),
    ("跟我聊天的是谁", "bot_challenge", 0.5, "bot_challenge"),
    # nothing to correct
    ("帮我催一下", "urge", 0.9, "urge"),
    # digits are no words: the 88 of a phone number says no goodbye, and 「你记一下」 with
    # a number gives it, it files nothing
    ("手机18803730019,微信同号", "inform", 0.35, "inform"),
    ("YS202605260019,手机13703738866", "inform", 0.45, "inform"),
    ("你记一下,136 0373 5580", "inform", 0.4, "inform"),
    ("好的 88", "goodbye", 0.4, "goodbye"),
    # anger words in a sure small-talk or rating intent: it stays what the classifier said
    ("你这个助手有啥用处", "ask_capabilities", 0.95, "ask_capabilities"),
    ("不满意,敷衍了事", "rate_service", 0.92, "rate_service"),
    ("真是服了", "rate_service", 0.4, "complain"),
    # the classifier's facet, when the words name no other
    ("电子保函手续费多少", "ask_fee", 0.8, "ask_fee"),
    ("跨区迁移可以办地址变更吗", "ask_eligibility", 0.56, "ask_eligibility"),
    # a person's own errand asked like a procedure question is out of scope, and a
    # procedure hinted by its words (注销) is not read into it
    ("孩子转学要准备哪些东西", "ask_materials", 0.6, "out_of_scope"),
    ("家里老人去世了户口怎么注销", "out_of_scope", 0.6, "out_of_scope"),
    ("驾照换证要几天", "ask_duration", 0.95, "ask_duration"),
    ("孩子想开个诊所要啥材料", "ask_materials", 0.6, "ask_materials"),
    # asking what the assistant can do here, whatever it names
    ("可以在这里反映问题吗", "ask_capabilities", 0.7, "ask_capabilities"),
    ("你能替我跑腿办事吗", "ask_capabilities", 0.75, "ask_capabilities"),
    # found in a live chat (round 8): a yes-no question by its «…不» ending is no «不» (deny 0.46)
    ("需要登报不", "deny", 0.46, "ask_procedure"),
    ("那还要本人去不", "deny", 0.6, "ask_where"),
    # (by post is how it is handed in: where it is done, since round twenty-four)
    ("可以寄过去不", "deny", 0.5, "ask_where"),
    # a no stays a no
    ("不用了", "deny", 0.9, "deny"),
    ("不要了不", "deny", 0.6, "deny"),
    ("要不", "deny", 0.6, "deny"),
])
def test_the_intent_is_corrected_only_where_the_classifier_had_no_reason(interpreter, text, intent, confidence,
                                                                        chosen):
    assert interpreter.read(text, intent, confidence).intent == chosen


@pytest.mark.parametrize("text, intent, chosen", [
    # a question the policy texts surely answer is asked, not filed, however sure the classifier
    ("高新区的营商环境特邀监督员一共聘了几个", "complain", "ask_procedure"),
    ("高新区那边执法检查是不是得领导批了才能进企业", "complain", "ask_procedure"),
    ("政务中心有没有自助终端 能自己办的那种", "suggest", "ask_procedure"),
    # words of filing, a story of what happened, or no question: the ticket stays
    ("我要投诉 高新区执法检查没经领导批准就进企业了吗", "complain", "complain"),
    ("上周执法检查没报领导批准就来厂里查了三次,一直影响生产", "complain", "complain"),
    ("建议政务中心多放几台自助终端", "suggest", "suggest"),
    ("能不能帮我找市长,我们被罚款罚得不明不白", "complain", "complain"),
    ("能不能改进一下网上申报系统,经常卡顿", "suggest", "suggest"),
])
def test_a_question_the_policy_texts_answer_is_not_filed(reader_with_texts, text, intent, chosen):
    assert reader_with_texts.read(text, intent, 0.97).intent == chosen


@pytest.mark.parametrize("text, own", [
    ("那要多久", False), ("要钱不", False), ("一般注销呢", False), ("还有在哪办", False),
    ("入企登记簿是什么", True), ("特邀监督员是干嘛的", True),
])
def test_a_follow_up_has_no_topic_of_its_own(interpreter, text, own):
    assert interpreter.read(text, "ask_procedure", 0.5).own_topic is own


def test_a_reading_travels_with_the_message_unchanged(interpreter):
    reading = interpreter.read("公司不想干了,咋关掉?简易注销要多久", "complain", 0.5)
    assert reading_from_dict(reading_to_dict(reading)) == reading


def test_a_message_without_a_reading_reads_as_its_intent():
    reading = reading_from_dict(None, "ask_fee")
    assert (reading.intent, reading.recognition.named, reading.facets) == ("ask_fee", (), ())


def test_an_unsure_choice_the_words_say_outright_is_confirmed(interpreter):
    reading = interpreter.read("好的 再見", "goodbye", 0.44)
    assert (reading.intent, reading.corrected, reading.reason) == ("goodbye", False, "says it in so many words")
    assert interpreter.read("好的", "affirm", 0.44).reason is None


def test_a_guess_the_fallback_refused_is_not_acted_on_but_a_choice_made_by_reading_is(interpreter):
    guessed = reading_to_dict(interpreter.read("谁参加", "deny", 0.13))
    assert reading_from_dict(guessed, "nlu_fallback").intent == "nlu_fallback"
    assert reading_from_dict(guessed, "deny").intent == "deny"
    chosen = reading_to_dict(interpreter.read("要钱不", "deny", 0.2))
    assert reading_from_dict(chosen, "nlu_fallback").intent == "ask_fee"


@pytest.mark.parametrize("text, question", [("要钱不", True), ("在哪办", True), ("谢谢", False),
                                            ("简易注销", False), ("能网上办吗", True),
                                            ("开标收不收服务费", True), ("核名批没批下来", True),
                                            ("办了没", True), ("环评验收过不了", False),
                                            # found live (round 8): 多大 asks a size
                                            ("那地方要多大", True), ("门面得多宽", True)])
def test_questions_by_their_grammar(text, question):
    assert is_question(text) is question


DEREG = [Option("企业简易注销", ("简易注销",)), Option("企业一般注销", ("一般注销", "清算注销"))]


@pytest.mark.parametrize("text, picked", [
    ("简易的那种", 0), ("就一般的吧", 1), ("第一个", 0), ("2", 1), ("后者", 1), ("清算注销", 1),
    ("企业简易注销", 0), ("都不是", NONE_OF_THESE), ("以上都不对", NONE_OF_THESE),
    ("第三个", None), ("我不知道", None), ("", None),
])
def test_a_typed_reply_picks_an_offered_button(text, picked):
    assert choose(text, DEREG) == picked


@pytest.mark.parametrize("pattern, text, found", [
    ("法人|股东 + 换|变更", "股东要变更一下", (0, 5)),
    ("法人|股东 + 换|变更", "法人", None),
    ("开标 + 现场", "开标" + "一" * 30 + "现场", None),
    ("想开 + 公司", "公司不想开了", None),
    ("没开业 + 注销", "一直没开业 想注销", (2, 9)),
    # found by the policy-text engineer: 别 of 特别 (区别, 分别 …) negates nothing
    ("着急 + 办", "特别着急 想快点办", (2, 9)),
    ("着急 + 办", "别着急 慢慢办", None),
])
def test_cues_need_every_group_close_together(pattern, text, found):
    assert Cue.parse(pattern).find(text) == found


@pytest.mark.parametrize("pattern", ["", "法人| + 换", "a + "])
def test_malformed_cues_are_refused(pattern):
    with pytest.raises(CueError):
        Cue.parse(pattern)


def test_an_unsure_facet_of_a_procedure_question_is_kept_not_refused(interpreter):
    """«简易注销要走哪几步» with the classifier unsure, its facet said in words: still a
    procedure question (confirmed, so the FallbackClassifier does not refuse it)."""
    reading = interpreter.read("简易注销要走哪几步", "ask_procedure", 0.35)
    assert (reading.intent, reading.reason) == ("ask_procedure", "a question about a procedure, its facet in words")
    assert interpreter.read("简易注销", "ask_procedure", 0.35).reason is None
    # no facet words: left to the dialogue (a policy question, perhaps)
    assert interpreter.read("首席服务员要当好哪五大员", "ask_where", 0.35).reason is None


def test_a_facet_guessed_without_a_word_of_it_is_a_policy_question_when_the_texts_surely_answer(reader_with_texts):
    """«首席服务员要当好哪五大员» guessed ask_where (0.32, no word of a place): the policy
    texts answer it, so it is asked of them, not of the guide's where."""
    assert reader_with_texts.read("首席服务员要当好哪五大员", "ask_where", 0.32).intent == "ask_procedure"
    assert reader_with_texts.read("帮办代办在哪办", "ask_where", 0.32).intent == "ask_where"


def test_asking_how_to_rate_is_a_question_the_policy_texts_answer(reader_with_texts):
    # found by the third held-out set: a rating's words in a question about the ways to rate
    asked = reader_with_texts.read("办完事想给窗口打个差评 都有哪些方式能评", "rate_service", 0.6)
    assert asked.intent == "ask_procedure"
    assert reader_with_texts.read("我想给上次办执照的窗口打个差评", "rate_service", 0.6).intent == "rate_service"


@pytest.mark.parametrize("text, intent, chosen", [
    # found by the third held-out set: a yes-no question in the last clause of a long message
    ("我在医院干了四年了 想出来自己开个小诊所 够条件不", "complain", "ask_eligibility"),
    # … and someone to do it for the owner, in other words
    ("我年纪大了 网上那些东西搞不来 有没有人能帮着办", "request_help", "ask_procedure"),
    # found in a live chat: «一直» of the way things have always been done files nothing
    ("我们公司一直在用现金交投标保证金 听说可以不用交现金了?", "complain", "ask_procedure"),
    ("我们一直想开个诊所 个人能开吗", "complain", "ask_eligibility"),
])
def test_long_questions_about_a_procedure_are_questions(interpreter, text, intent, chosen):
    reading = interpreter.read(text, intent, 0.8)
    assert reading.intent == chosen and reading.recognition.named


@pytest.mark.parametrize("text", ["帮我查下工单办好没", "帮我看下单子办完了没", "帮我催办 那个工单"])
def test_asking_for_ones_ticket_is_no_assisted_service(interpreter, text):
    # the full suite caught «帮我 … 办» read as 帮办代办 after «办» alone was made a cue word
    assert "assisted_service" not in interpreter.read(text, "check_status", 0.8).recognition.named


@pytest.mark.parametrize("text, intent, confidence, chosen", [
    # one's own case told, then asked whether the rule named covers it: its conditions, however
    # sure the classifier is of a complaint (live7-04's kind; these sentences are this round's)
    ("被罚款了 第一次违规 能不能不罚啊", "complain", 0.98, "ask_eligibility"),
    ("店里第一次被查到价签没标全 能适用首违不罚吗", "complain", 0.99, "ask_eligibility"),
    ("上个月被列进经营异常了 现在还能做信用修复不", "complain", 0.9, "ask_eligibility"),
    ("被罚了五百 初次违法 能不能不罚 卫生检查说后厨地面不合格", "complain", 0.98, "ask_eligibility"),
    # asked to be done, or told with filing words, or rhetorical: still a complaint
    ("被罚了两万 能不能帮我们申请首违不罚", "complain", 0.98, "complain"),
    ("市监局罚了我们两万 明明是第一次 凭什么不适用首违不罚", "complain", 0.98, "complain"),
    ("我要投诉 被罚了款 能适用首违不罚吗", "complain", 0.98, "complain"),
    # a short no is a no, thanks and particles aside; a short yes the classifier could not place
    ("不用了谢谢", "thank", 0.91, "deny"),
    ("甭了", "goodbye", 0.45, "deny"),
    ("没得", "affirm", 0.55, "deny"),
    ("免了吧", "nlu_fallback", 0.2, "deny"),
    ("得嘞得嘞", "goodbye", 0.35, "affirm"),
    ("安排", "inform", 0.3, "affirm"),
    # a goodbye said with a no, an answer of not knowing, a question: not a no
    ("不聊了", "goodbye", 0.45, "goodbye"),
    ("不清楚", "inform", 0.45, "inform"),
    ("在不在", "greet", 0.45, "greet"),
])
def test_how_it_is_told_corrects_the_intent(interpreter, text, intent, confidence, chosen):
    assert interpreter.read(text, intent, confidence).intent == chosen


@pytest.mark.parametrize("text", ["执法的人来店里转一圈就开了罚单 啥也没解释", "查完也不说问题在哪 就让停业整顿"])
def test_question_words_that_ask_nothing_make_no_question(text):
    assert not is_question(text)



@pytest.mark.parametrize("text, intent, confidence, expected", [
    # the fifth held-out set's first run: a person asked for, taken for «你能干啥», and «你到底会啥»
    # taken out of scope; sentences here are our own
    ("算了 给我换个懂行的人来说", "ask_capabilities", 0.8, "human_handoff"),
    ("嘿嘿 你们这助手都会些啥", "out_of_scope", 0.6, "ask_capabilities"),
    ("你能干啥", "ask_capabilities", 0.95, "ask_capabilities"),
    ("转人工", "human_handoff", 0.99, "human_handoff"),
])
def test_a_person_or_what_the_assistant_can_do_said_outright(interpreter, text, intent, confidence, expected):
    assert interpreter.read(text, intent, confidence).intent == expected



@pytest.mark.parametrize("text", [
    # found at the round's end: «仓库刚租下来 没通天然气 想开户找谁» (request_help 0.73) started the
    # request form; whom to go to is a question
    "新厂房没通燃气 想开户找谁", "仓库要接水 该找谁办",
])
def test_whom_to_go_to_about_a_procedure_is_a_question(interpreter, text):
    reading = interpreter.read(text, "request_help", 0.73)
    assert reading.question and reading.intent == "ask_where"


@pytest.mark.parametrize("text, intent, confidence", [
    # found live: «能快点不 急死了» after a ticket's status (deny 0.45) got «好的,还有什么可以帮您?»;
    # «…不» ending a short question asks, it says no no, and hurrying is asked outright
    ("能快点不 急死了", "deny", 0.45),
    ("能快些不", "nlu_fallback", 0.3),
    ("帮忙催一下 太慢了", "out_of_scope", 0.4),
    ("赶紧给处理下行不", "deny", 0.5),
])
def test_hurrying_said_outright_is_an_urge(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent == "urge"


@pytest.mark.parametrize("text, intent, confidence", [
    ("施工许可能快点办下来吗", "ask_duration", 0.82),
    ("不用催了 谢谢", "deny", 0.6),
    ("加快办理的话要多交钱不", "ask_fee", 0.45),
])
def test_hurrying_asked_about_a_procedure_or_declined_is_no_urge(interpreter, text, intent, confidence):
    assert interpreter.read(text, intent, confidence).intent != "urge"


@pytest.mark.parametrize("text, intent, confidence, expected", [
    # the sixth set's first run: «白白» (fallback 0.3) got «没有完全理解», and «可以 帮我反映上去»
    # after the offer to file was taken for «你能干啥» (0.79); our own words
    ("拜了拜了", "nlu_fallback", 0.3, "goodbye"),
    ("白白~", "nlu_fallback", 0.3, "goodbye"),
    ("行 那你帮我反映一下", "ask_capabilities", 0.79, "complain"),
    ("好 帮忙往上反映", "ask_capabilities", 0.7, "complain"),
    ("你们能帮啥", "ask_capabilities", 0.95, "ask_capabilities"),
])
def test_leaving_and_asking_to_pass_it_on_said_outright(interpreter, text, intent, confidence, expected):
    assert interpreter.read(text, intent, confidence).intent == expected


@pytest.mark.parametrize("text, greeting", [
    # found live: «我们在乡镇 也有人管吗» after an answer about 帮办代办 (greet 0.89, «有人…吗») got
    # the greeting; a question with a matter of its own and no greeting word is no greeting
    ("我们在乡镇 也有人管吗", False), ("村里有人负责这个吗", False), ("周末大厅有人上班吗", False),
    ("在?", True), ("有人吗", True), ("在不在呀", True), ("你好 有人在吗", True),
])
def test_a_question_with_a_matter_of_its_own_is_no_greeting(interpreter, text, greeting):
    assert (interpreter.read(text, "greet", 0.9).intent == "greet") is greeting


@pytest.mark.parametrize("text, confidence, capabilities", [
    # found live: «能用英文名吗» after an answer about 名称自主申报 (ask_capabilities 0.54) got the
    # list of what the assistant can do; a question that addresses no one and names a matter of
    # its own asks about that matter
    ("能用英文名吗", 0.54, False), ("能拿繁体字起名不", 0.47, False), ("可以两个人合伙办吗", 0.6, False),
    ("你能查社保吗", 0.94, True), ("这里能反映问题吗", 0.7, True), ("都能问些啥", 0.6, True),
])
def test_a_question_addressing_no_one_is_not_about_the_assistant(interpreter, text, confidence, capabilities):
    assert (interpreter.read(text, "ask_capabilities", confidence).intent == "ask_capabilities") is capabilities


@pytest.mark.parametrize("text, intent, confidence, expected", [
    # found live: «不收钱吧» after an answer about 水电气热接入 (deny 0.71) got «好的,还有什么可以帮您?»;
    # a facet guessed and asked to be confirmed («…吧») is that facet's question
    ("不收钱吧", "deny", 0.71, "ask_fee"), ("不要钱吧?", "deny", 0.82, "ask_fee"),
    ("得交钱吧", "affirm", 0.6, "ask_fee"), ("不用带原件吧", "deny", 0.7, "ask_materials"),
    # a no or a yes without a facet stays one
    ("不用了吧", "deny", 0.9, "deny"), ("好吧", "affirm", 0.9, "affirm"), ("算了吧", "deny", 0.9, "deny"),
    # found live: «不收费把» (吧 typed as 把, the same ba) after 信用修复's place got «好的,还有什么可以帮您?»
    ("不收费把", "affirm", 0.8, "ask_fee"), ("不用带原件把?", "deny", 0.7, "ask_materials"),
])
def test_a_facet_guessed_and_asked_to_be_confirmed_is_its_question(interpreter, text, intent, confidence, expected):
    assert interpreter.read(text, intent, confidence).intent == expected


@pytest.mark.parametrize("text, facets", [
    # found live: «帮办代办是免费的吗 怎么预约» answered the fee only; how to book is how it is done
    ("帮办代办是免费的吗 怎么预约", ("ask_fee", "ask_procedure")), ("帮办专员咋约", ("ask_procedure",)),
])
def test_how_to_book_asks_how_it_is_done(interpreter, text, facets):
    assert interpreter.read(text, "ask_fee", 0.9).facets == facets
