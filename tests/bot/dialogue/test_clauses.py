"""Which clause of the policy texts answers, beside a guide and after a quote (bot/dialogue/clauses.py).

Sentences of our own, not the held-out conversations' (tests/conversations/fresh*.yml are only scored).
"""
from dataclasses import replace

import pytest

from bot.dialogue.clauses import guide_cites
from bot.dialogue.questions import Answer, FileComplaint, Quote, Say
from bot.sources.search import quote

from .test_questions import CLAUSES, KB, XINXIANG, step


@pytest.mark.parametrize("text", ["业主方说不接受银行保函 一定要交现金 这合法吗",
                                  "代理公司说保函不行 必须交现金 这合法吗", "甲方不接受保函 只认现金 合规不"])
def test_a_question_the_clause_a_guide_was_written_from_answers_gets_the_guide(text):
    # the 保函 sentence (同等效力, 不得以任何理由拒绝) is what 电子保函's guide says in its overview,
    # which goes on to how it is done: the guide answers, not the bidding plan's clause
    decision = step(text, "ask_procedure", confidence=0.6).step
    assert decision == Answer("bid_guarantee", ("ask_procedure",))
    assert "同等效力" in KB.get("bid_guarantee").summary


def test_the_text_itself_asked_for_is_quoted_though_a_guide_was_written_from_it():
    decision = step("招投标方案里对银行保函代替现金是怎么规定的", "ask_procedure", confidence=0.6).step
    assert isinstance(decision, Quote) and "同等效力" in decision.hit.passage.text
    assert guide_cites(KB.get("bid_guarantee"), decision.hit)


@pytest.mark.parametrize("text", ["对中标结果有意见 投诉后多少天决定受理 几天出结论",
                                  "不服中标结果去投诉 几天能受理 多长时间出处理决定"])
def test_a_complaint_about_a_tender_gets_the_bidding_plans_clock_not_the_complaint_guide(text):
    decision = step(text, "ask_duration", confidence=0.6).step
    assert isinstance(decision, Quote) and decision.hit.document.id == "seed_001"
    assert "3个工作日内" in decision.hit.passage.paragraph and "30个工作日内" in decision.hit.passage.paragraph
    # a complaint about nothing in particular stays the guide's
    plain = step("投诉了多久能受理", "ask_duration", confidence=0.6).step
    assert plain == Answer("complaint_process", ("ask_duration",))


@pytest.mark.parametrize("follow", ["自己把问题整改好了 罚款能少一些吗", "违规的地方已经补救了 罚款能不能少交点",
                                    "要是主动把问题改掉了 罚款能少交点吗"])
def test_a_follow_up_to_a_quote_on_a_rule_a_guide_was_written_from_gets_the_guides_overview(follow):
    # its everyday words (整改好, 少交点) are in no sentence; the texts' terms for them (主动消除, 从轻
    # 减轻) pick the clause's sentence 首违不罚's guide was written from, and its overview says it too
    # (主动消除或减轻危害后果的,依法从轻或减轻处罚) and goes on to how it is done: the guide answers
    first = step("做网络直播的新行业 执法上能不能宽容点", "ask_procedure")
    assert isinstance(first.step, Quote) and "新业态" in first.step.hit.passage.paragraph
    decision = step(follow, "ask_procedure", first.memory)
    assert decision.step == Answer("lenient_enforcement", ("ask_procedure",))
    assert decision.memory.procedure == "lenient_enforcement" and decision.memory.topic is None
    assert "从轻" in KB.get("lenient_enforcement").summary


def test_the_rule_s_own_words_asked_for_after_a_quote_stay_the_clause():
    first = step("做网络直播的新行业 执法上能不能宽容点", "ask_procedure")
    decision = step("那主动改正的 文件原文是怎么规定的", "ask_procedure", first.memory).step
    assert isinstance(decision, Quote) and "从轻" in (decision.part or quote(decision.hit, "主动改正"))


@pytest.mark.parametrize("first_text, follow, confidence", [
    ("我们饭店门口堆了杂物 被城管说了 第一次 会被罚吗", "我们马上就清走了 能少罚点吗", 0.84),
    ("第一次被查到没亮证经营 会罚钱不", "我们立马改正了 处罚能轻一点吗", 0.69),
    ("第一次被查到没亮证经营 会罚钱不", "已经当场纠正了 罚的时候能不能从轻", 0.6),
    # «当场» is read as a time word (办理时限 named); the time limit says nothing of 从轻 either
    ("第一次被查到没亮证经营 会罚钱不", "要是当场就改好了 能少罚点不", 0.6),
])
def test_after_a_guides_conditions_the_rule_s_second_half_is_its_overview(first_text, follow, confidence):
    # 首违不罚's conditions say nothing of 从轻/减轻; its overview, written from the same clause, does
    first = step(first_text, "ask_eligibility", confidence=0.68)
    # whether one is fined: the overview that says it (一般不予行政处罚) with the conditions (issue 10 round 9)
    assert first.step == Answer("lenient_enforcement", ("ask_procedure", "ask_eligibility"))
    decision = step(follow, "ask_eligibility", first.memory, confidence=confidence)
    assert decision.step == Answer("lenient_enforcement", ("ask_procedure",), remembered=True)
    assert decision.memory.facets == ("ask_procedure",)
    # whether one's case is covered stays the conditions (首次 is in them)
    again = step("那要是第二回了还算第一次吗", "ask_eligibility", first.memory, confidence=0.9).step
    assert isinstance(again, Answer) and again.procedure == "lenient_enforcement" and again.remembered
    assert "ask_eligibility" in again.facets


@pytest.mark.parametrize("text", ["我们去年被查过一次 今年又被查出个小毛病 这还算首违不",
                                  "上回被罚过一次 这次又被查出个小问题 还能算头一回吗"])
def test_a_second_offence_asked_in_the_guides_terms_gets_its_conditions(text):
    # 首违, 头一回 → 首次; 小毛病 → 轻微: all the guide's conditions' own terms (首次发生的轻微违法行为), and
    # the clause it was written from ranks first, though too few of the story's words are in it to quote
    decision = step(text, "ask_eligibility", confidence=0.76).step
    assert decision == Answer("lenient_enforcement", ("ask_eligibility",))


def test_a_detail_no_clause_states_is_no_guide_s_for_its_terms():
    assert step("特邀监督员一个月拿多少钱", "ask_fee", confidence=0.91).step == Say("utter_policy_not_found")


@pytest.mark.parametrize("follow, intent, confidence", [
    ("那搞新模式的公司出点一般的问题呢 也能松一点吗", "ask_eligibility", 0.39),
    ("那搞新模式的公司出点一般的问题呢 也能松一点吗", "suggest", 0.46),
    ("那要是新业态的公司 犯了一般的错呢 能宽容点吗", "ask_eligibility", 0.44),
])
def test_a_new_business_models_ordinary_offence_after_the_guide_is_quoted_whatever_the_intent(follow, intent,
                                                                                           confidence):
    # «一般的问题» of an offence is the texts' 一般违法行为 (not only 直通市长's 一般性问题), «宽容» their
    # 适度有效监管: the 新业态 sentence is trusted, as it was for «出点小问题» in the unit tests before
    first = step("我们超市被罚了一千 说是标签不合格 第一次被查 是不是本来能不罚", "ask_eligibility", confidence=0.9)
    second = step("需要我们自己提申请吗", "ask_eligibility", first.memory, confidence=0.6)
    assert second.step.procedure == "lenient_enforcement"
    decision = step(follow, intent, second.memory, confidence=confidence).step
    assert isinstance(decision, Quote) and "留足发展空间" in quote(decision.hit, follow)


@pytest.mark.parametrize("text, intent, said", [
    ("高新区的安监要来我们厂检查 要谁同意才行", "complain", "分管领导批准"),
    ("园区环保的要上门查厂 需要经过谁批准", "complain", "主要领导批准"),
    ("开发区执法的能随便来厂里查吗", "request_help", "双随机"),
])
def test_what_an_office_may_do_to_the_firm_is_quoted(text, intent, said):
    # who must approve an inspection, whether it may come at will: 新乡高新区 三(二)(三), not a form
    decision = step(text, intent, confidence=0.9, documents=XINXIANG).step
    assert isinstance(decision, Quote) and decision.hit.document.id == "seed_000"
    assert said in quote(decision.hit, text)


def test_a_guide_cites_only_what_its_sources_quote():
    hit = CLAUSES.answer("开标的时候人必须到场吗")
    assert hit is not None and not guide_cites(KB.get("bid_guarantee"), hit)


@pytest.mark.parametrize("follow", ["那牵扯到好些部门的复杂情况呢", "要是涉及好几家单位的麻烦问题呢"])
def test_a_what_if_after_a_guides_time_limit_gets_the_clause_the_guide_was_written_from(follow):
    # 直通市长's 15 working days for a complex case: the guide says only «按2、5、15个工作日»; the 宿迁
    # 一(八) sentence it was written from names the case and its number (round 8: it had been the
    # guide's time limit again); the 会商联办 clause sharing 跨部门的复杂问题 answers another question
    first = step("直通市长的事一般几天办结", "ask_duration", confidence=0.8)
    assert first.step == Answer("complaint_process", ("ask_duration",))
    decision = step(follow, "nlu_fallback", first.memory, confidence=0.5).step
    assert isinstance(decision, Quote) and guide_cites(KB.get("complaint_process"), decision.hit)
    assert "15个工作日" in decision.hit.passage.text


@pytest.mark.parametrize("follow", ["要是这样还搞不定 最后能找到市里领导那一层吗",
                                    "商量了还是没辙 能一直往上找到市里的领导吗"])
def test_the_rung_above_after_a_quote_on_the_district_ladder_is_the_citys(follow):
    first = step("几个部门互相推 听说有会商联办 怎么操作", "ask_procedure")
    assert isinstance(first.step, Quote) and first.step.hit.document.id == "seed_003"
    decision = step(follow, "ask_procedure", first.memory).step
    assert isinstance(decision, Quote) and "常务副市长" in decision.hit.passage.paragraph


@pytest.mark.parametrize("first, follow", [
    ("找市长反映企业问题 普通的一般多少天办好", "那要是牵扯好多部门的麻烦事呢"),
    ("企业的事直接反映给市长 通常几天办好", "要是涉及好几家单位的复杂情况呢"),
])
def test_a_what_if_after_a_quote_asks_the_same_question_of_another_case(first, follow):
    # the texts alone answer «好多部门的麻烦事» with 会商联办 (跨部门的复杂问题); read with the last
    # question (多少天), it is the 15 working days of the clause just quoted
    asked = step(first, "ask_duration")
    assert isinstance(asked.step, Quote) and asked.step.hit.document.id == "seed_004"
    decision = step(follow, "ask_procedure", asked.memory).step
    assert isinstance(decision, Quote) and "15个工作日内办结" in decision.hit.passage.text


@pytest.mark.parametrize("follow", ["如果这样也解决不了 最后可以找市领导吗", "会商完了依然解决不掉 能不能找到市里的"])
def test_still_unsolved_after_the_district_ladder_is_taken_to_the_city(follow):
    first = step("几个部门互相推 听说有会商联办 怎么操作", "ask_procedure")
    decision = step(follow, "ask_procedure", first.memory).step
    assert isinstance(decision, Quote) and "常务副市长" in decision.hit.passage.text


@pytest.mark.parametrize("follow", ["打完差评以后呢 会怎么处理", "差评交上去之后有下文吗"])
def test_what_follows_a_bad_rating_is_the_part_of_the_rating_clause_that_says_it(follow):
    # «处理» is also in the neighbour sentence (办不成事 … 5个工作日内处理反馈); what follows a
    # rating (通报整改) is in the sentence naming 差评 and holding the form of what follows
    first = step("政务服务好差评是怎么评的", "ask_procedure")
    assert isinstance(first.step, Quote) and "好差评" in first.step.hit.passage.text
    decision = step(follow, "ask_procedure", first.memory).step
    assert isinstance(decision, Quote) and "通报整改" in decision.part and "办不成事" not in decision.part


@pytest.mark.parametrize("follow", ["会商了也没用 那下一步呢", "会商完了还是没解决 咋办"])
def test_the_next_step_after_a_consultation_fails_is_the_sentence_that_names_it(follow):
    first = step("几个部门一起会商是怎么回事", "ask_procedure")
    assert isinstance(first.step, Quote) and first.step.hit.document.id == "seed_003"
    decision = step(follow, "ask_procedure", first.memory).step
    assert isinstance(decision, Quote) and "上报区政府" in decision.hit.passage.text


@pytest.mark.parametrize("follow", ["要是事情很急 他们得几天办完", "特别着急的事呢 几天"])
def test_a_case_the_guide_does_not_name_gets_the_clause_it_was_written_from_that_does(follow):
    # the guide says «直通市长按2、5、15个工作日办结»; its source sentence names 情况紧急 with its 2 days
    first = step("直通市长反映的事一般几天办结", "ask_duration", confidence=0.8)
    assert first.step == Answer("complaint_process", ("ask_duration",))
    decision = step(follow, "ask_duration", first.memory, confidence=0.8).step
    assert isinstance(decision, Quote) and "情况紧急" in decision.hit.passage.text
    assert "2个工作日内办结" in decision.hit.passage.text
    # what the guide names itself, or no time asked, stays the guide's
    fee = step("要多少钱", "ask_fee", first.memory, confidence=0.8).step
    assert fee == Answer("complaint_process", ("ask_fee",), remembered=True)


@pytest.mark.parametrize("text, piece", [
    ("只让本市企业参加投标 合规吗", "区域企业公平参与"),
    ("招标文件写着只有本地注册的公司才能投标 能这样限制吗", "区域企业公平参与"),
    ("招标公告要求必须是本县注册的企业 这样合规吗", "区域企业公平参与"),
    ("招标公告上写只有本县的企业能投 这么限制对吗", "区域企业公平参与"),
])
def test_a_tender_restricted_to_local_firms_asked_whether_allowed_gets_the_bidding_plan(text, piece):
    # where it was written (招标文件写着, 公告要求) ranks nothing; local firms are the texts' 区域企业 / 地方保护
    decision = step(text, "ask_procedure", confidence=0.6).step
    assert isinstance(decision, Quote) and decision.hit.document.id == "seed_001"
    assert piece in decision.hit.passage.paragraph


def test_after_a_quote_a_time_asked_stays_with_the_quoted_clause_not_the_remembered_guides_case():
    # «受理» is a case of no guide's words here: after the bidding plan's complaint clock was quoted,
    # the next time asked is that paragraph's (30个工作日), not 办不成事's 5 working days
    first = step("对中标结果不服投诉了 几天决定受不受理", "ask_duration")
    assert isinstance(first.step, Quote) and first.step.hit.document.id == "seed_001"
    decision = step("受理之后多久给出处理结果", "ask_duration", first.memory).step
    assert isinstance(decision, Quote) and decision.hit.document.id == "seed_001"


@pytest.mark.parametrize("before, follow, words", [
    # the quote showed the levels; how often they get in touch closes the same long sentence
    ("挂钩我们的干部是哪一级的", "那隔多久跟我们联系一回", "每月联系企业不少于一次"),
    # who asks for a 会商: the clause quoted says it (根据当事人或办理人的请求)
    ("好几个部门都说不归他们管 有会商联办吗", "得由谁来提出", "当事人或办理人的请求"),
    # a platform to report on, after a clause on 惠企政策 not carried out: 随手拍, beside it
    ("对惠企政策落实不到位的单位会怎么样", "有没有手机上能反映的平台", "随手拍平台"),
])
def test_a_follow_up_asking_another_detail_of_the_rule_just_quoted_gets_it_not_the_texts_say_no_more(
        before, follow, words):
    first = step(before, "nlu_fallback")
    assert isinstance(first.step, Quote)
    decision = step(follow, "nlu_fallback", first.memory).step
    assert isinstance(decision, Quote) and words in (decision.part or quote(decision.hit, follow))


def test_a_follow_up_asking_what_no_clause_near_the_quote_holds_gets_no_clause():
    first = step("会商联办是干嘛的", "nlu_fallback")
    assert isinstance(first.step, Quote)
    decision = step("那要交多少钱", "ask_fee", first.memory, confidence=0.5).step
    assert not isinstance(decision, Quote)


@pytest.mark.parametrize("text", ["园区里生态环境局要到厂里来查 需要哪位领导批准", "环保部门要进园区企业检查 得谁点头"])
def test_who_approves_an_inspection_is_a_question_the_inspection_clause_answers_surely(text):
    # the rule on inspections (环境保护执法检查需报管委会主要领导批准), surely enough for a question
    # told with a visit to come to be read as a question, not a complaint (bot/conversation/intake.py)
    decision = step(text, "ask_procedure", documents=XINXIANG).step
    assert isinstance(decision, Quote) and "环境保护执法检查需报管委会主要领导批准" in quote(decision.hit, text)
    assert decision.hit.sure


@pytest.mark.parametrize("before, follow, words", [
    ("对惠企政策落实不到位的单位会怎么样", "那有没有手机上能反映这种事的平台", "随手拍平台"),
    ("挂钩我们的干部是哪一级的", "那隔多久跟我们联系一回", "每月"),
])
def test_a_follow_up_asking_a_detail_of_the_quote_is_known_as_one_before_the_question_turn(before, follow, words):
    # for the routing (a check_status or ask_capabilities guess): bot.dialogue.clauses.detail_of_the_quote
    from bot.dialogue.clauses import detail_of_the_quote
    from bot.sources.search import clause_key

    first = step(before, "nlu_fallback")
    assert isinstance(first.step, Quote)
    hit = detail_of_the_quote(follow, first.memory.topic, first.memory.quoted, CLAUSES, None)
    assert hit is not None and words in CLAUSES.answering(hit, follow, before) + quote(hit, follow)
    # a message asking no detail of it, or one no clause near it holds, is none
    assert detail_of_the_quote("我的工单到哪了", first.memory.topic, first.memory.quoted, CLAUSES, None) is None
    assert detail_of_the_quote("那要交多少钱", first.memory.topic, first.memory.quoted, CLAUSES, None) is None
    assert clause_key(first.step.hit, before) == first.memory.quoted


@pytest.mark.parametrize("before, follow, intent, words", [
    # to whom: the sentence quoted says where the 台账 goes (报送至市营商办)
    ("涉企部门的营商环境问题台账每个月啥时候报", "那报到哪", "nlu_fallback", "营商办"),
    # which firms get it: the same paragraph's 向所有直通车企业发放 (taken for «你能干啥»)
    ("入企登记簿是个什么东西", "都发给谁了", "ask_capabilities", "直通车企业"),
    # who calls the meeting (谁来 read as asking for a person): the clause quoted, 由政务服务办组织
    ("几个部门坐一起会商联办是怎么回事", "那谁来召集", "human_handoff", "政务服务办"),
    # who is in it (taken for a suggestion): 各部门主要负责人和企业家参加
    ("企业家微信工作群是干嘛用的", "群里都有哪些人", "suggest", "主要负责人"),
])
def test_a_detail_of_the_quote_asked_in_any_guise_gets_the_part_that_holds_it(before, follow, intent, words):
    first = step(before, "nlu_fallback")
    assert isinstance(first.step, Quote)
    decision = step(follow, intent, first.memory, confidence=0.6).step
    assert isinstance(decision, Quote) and words in (decision.part or quote(decision.hit, follow))


def test_a_handoff_after_a_quote_asking_no_detail_of_it_is_no_quote():
    first = step("企业家微信工作群是干嘛用的", "nlu_fallback")
    assert not isinstance(step("转人工", "human_handoff", first.memory, confidence=0.99).step, Quote)
    assert not isinstance(step("我要找人工客服", "human_handoff", first.memory, confidence=0.99).step, Quote)


@pytest.mark.parametrize("follow", ["新业态的企业出点小问题 也能宽松点吗",
                                    "搞新模式的公司犯点一般的错 执法会不会松一些"])
def test_a_case_the_guide_does_not_name_that_its_source_paragraph_does_is_quoted(follow):
    # after 首违不罚's conditions: the guide speaks of first minor offences only; the 柔性执法
    # paragraph it was written from goes on to 新业态、新模式 (适度有效监管, 留足发展空间)
    first = step("第一次被市场监管罚款 没造成啥后果 能不罚吗", "ask_eligibility", confidence=0.6)
    # whether one may be spared is the overview that says so, with its conditions (round ten, cite13)
    assert first.step == Answer("lenient_enforcement", ("ask_procedure", "ask_eligibility"))
    decision = step(follow, "ask_eligibility", first.memory, confidence=0.6).step
    assert isinstance(decision, Quote) and "留足发展空间" in quote(decision.hit, follow)
    # a case the guide names stays the guide's
    again = step("那要是已经造成后果了呢", "ask_eligibility", first.memory, confidence=0.6).step
    assert isinstance(again, Answer) and again.procedure == "lenient_enforcement" and again.remembered
    assert "ask_eligibility" in again.facets


@pytest.mark.parametrize("follow", ["有没有不用申请直接给钱的", "有那种不用自己申报就打到账上的补贴吗"])
def test_a_way_without_applying_that_the_guide_says_is_its_overview_not_the_fee(follow):
    # after 惠企政策's time limit (taken for ask_fee, for 给钱): the summary's “免申即享”…无需申请
    first = step("惠企政策补贴多久能兑现", "ask_duration", confidence=0.6)
    decision = step(follow, "ask_fee", first.memory, confidence=0.6).step
    assert isinstance(decision, Answer) and decision.procedure == "enterprise_policy"
    assert decision.facets == ("ask_procedure",) and "免申即享" in KB.get("enterprise_policy").summary
    assert step("申请要交钱吗", "ask_fee", first.memory, confidence=0.6).step.facets == ("ask_fee",)


def test_where_to_report_after_a_quote_is_the_channels_guide_not_a_detail_of_the_quote():
    # after the 入企登记簿 quote, «…去哪反映» (taken for a complaint) asks where to report, which the
    # channels' guide answers (12345, 直通市长 …), not the quoted paragraph again
    first = step("入企登记簿是个什么东西", "nlu_fallback")
    decision = step("要是有干部没登记就来厂里检查 往哪反映", "complain", first.memory, confidence=0.6).step
    assert decision == Answer("complaint_process", ("ask_where",))


@pytest.mark.parametrize("follow", ["那投标保证金呢", "那电子保函呢"])
def test_a_procedure_named_in_a_follow_up_keeps_the_facet_though_its_overview_says_its_name(follow):
    # 保证金 is the thesaurus' term and in 电子保函's overview; it names the procedure, asks nothing of it
    first = step("不见面开标要准备啥", "ask_materials", confidence=0.9)
    decision = step(follow, "inform", first.memory, confidence=0.9).step
    assert isinstance(decision, Answer) and decision.procedure == "bid_guarantee"
    assert decision.facets == ("ask_materials",)


@pytest.mark.parametrize("text", ["四上企业的首席服务员平时都负责做点啥", "四上企业的首席服务员主要负责哪些事"])
def test_a_term_only_one_document_holds_decides_also_where_a_clause_answers_over_a_guide(text):
    # 首席服务员 names 帮办代办 (the guide); the clause over it is 新乡高新区's, which 四上企业 names
    decision = step(text, "ask_procedure", confidence=0.9).step
    assert isinstance(decision, Quote) and decision.hit.document.id == "seed_000"
    assert "五大员" in quote(decision.hit, text)


@pytest.mark.parametrize("follow", ["那他们检查是随时想来就来 还是随机抽的", "执法检查是说来就来还是抽签定的"])
def test_a_question_of_its_own_taken_for_a_yes_after_the_offer_to_file_is_answered(follow):
    first = step("高新区的安监要来我们厂检查 要谁同意才行", "complain", confidence=0.92, documents=XINXIANG)
    assert isinstance(first.step, Quote)
    offered = replace(first.memory, ticket_offered=True)
    decision = step(follow, "affirm", offered, confidence=0.45, documents=XINXIANG).step
    assert isinstance(decision, Quote) and "双随机" in quote(decision.hit, follow)
    # a yes that says nothing of its own still files
    assert isinstance(step("好的", "affirm", offered, confidence=0.9).step, FileComplaint)


@pytest.mark.parametrize("text, procedure", [("以后办事要是被踢皮球 该去哪反映", "complaint_process"),
                                             ("不予处罚清单在哪里能查到", "lenient_enforcement")])
def test_a_facet_named_in_words_stays_though_the_overview_says_the_case_told(text, procedure):
    # 推诿 (踢皮球) is the case, in the channels' overview; where is what is asked
    decision = step(text, "ask_where", confidence=0.9).step
    assert isinstance(decision, Answer) and decision.procedure == procedure and "ask_where" in decision.facets
