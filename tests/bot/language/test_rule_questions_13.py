"""Issue 10 round thirteen (lead): the policy texts asked about in so many words («文件里有没有说…»,
«政策上有没有讲…», «文件里说的…到底是谁…»), and what a term of the texts is («…是干啥的»), however much
complaint is told beside them, are questions the texts answer, not ticket forms. Sentences of our own;
the first four were read as complaints before (the thirteenth set's conversations showed the class)."""
import pytest


@pytest.mark.parametrize("text", [
    "政策上有没有讲 检查不能随便进企业",
    "贷款太难了 文件上说没说有啥支持",
    "融资老是卡在抵押上 红头文件里有没有提信用贷款",
    "文件里写的首席服务员 到底是谁来当",
    "入企登记簿是干啥用的",
    "会商联办是个啥机制",
    "好差评是干嘛的 差评了有用吗",
])
def test_the_texts_asked_about_are_a_question(reader_with_texts, text):
    reading = reader_with_texts.read(text, "complain", 0.8)
    assert reading.intent == "ask_procedure", (reading.intent, reading.reason)


@pytest.mark.parametrize("text", [
    # what a document promised, then one's own case filed
    "文件里说好的免费 结果窗口收了我们两百 我要投诉",
    # a person's job asked in anger
    "窗口的人是干啥吃的 推来推去",
    "我那个工单是干啥的 怎么还没人管",
])
def test_a_promise_broken_or_anger_stays_a_complaint(reader_with_texts, text):
    assert reader_with_texts.read(text, "complain", 0.8).intent == "complain"


def test_of_two_questions_the_texts_answer_the_first_when_not_both(reader_with_texts):
    """«会商联办是干啥的 部门之间扯皮能用上不»: no clause holds enough of both questions' words; the first,
    on its own, is the clause on 会商联办 (which also says what it is for: 推诿扯皮)."""
    from bot.sources.search import asked_first

    text = "会商联办是干啥的 部门之间扯皮能用上不"
    assert asked_first(text) == "会商联办是干啥的"
    hit = reader_with_texts.clauses.answer(text)
    assert hit is not None and "会商联办" in hit.passage.paragraph
    # one question, or a story then a question: nothing to split
    assert asked_first("会商联办是干啥的") is None
    assert asked_first("部门之间扯皮 扯了三个月了") is None


def test_a_rule_asked_in_anger_is_answered_from_the_texts_not_met_with_the_calm_offer(reader_with_texts, kb):
    """The reading said «a rule of the texts» (扯皮 made it venting too) and the dialogue still met it with
    the calm offer: a rule asked is answered, anger or not."""
    from bot.dialogue.questions import Memory, Quote, decide

    text = "会商联办是干啥的 部门之间扯皮能用上不"
    reading = reader_with_texts.read(text, "ask_procedure", 0.95)
    assert reading.vents
    decision = decide(reading, text, Memory(), kb, reader_with_texts.clauses)
    assert isinstance(decision.step, Quote) and "会商联办" in decision.step.hit.passage.paragraph


def test_please_tell_me_is_no_one_asked_to_come(reader_with_texts):
    """«请问执法部门来企业检查 一年能来几次 有没有规定» (the newcomer's chat): «请问» then «来企业» was read as asking
    someone to be sent (request_help, a form); it asks how often an inspection may come — a rule."""
    from bot.dialogue.questions import asks_for_visit

    text = "请问执法部门来企业检查 一年能来几次 有没有规定"
    assert reader_with_texts.read(text, "ask_procedure", 0.9).intent == "ask_procedure"
    assert not asks_for_visit(text)
    assert asks_for_visit("请派个人来我们厂指导下")
