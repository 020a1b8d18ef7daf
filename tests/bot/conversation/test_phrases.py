"""Short replies during ticket intake: cancel, skip, confirm, corrections."""
import pytest

from bot.conversation.phrases import Correction, is_cancel, is_confirm, is_skip, parse_correction


@pytest.mark.parametrize(
    "text, cancel",
    [("取消", True), ("算了,不投诉了", True), ("我不想提交了,撤销吧", True), ("不提交", True),
     ("确认", False), ("窗口互相推诿", False), ("没有", False)],
)
def test_cancel(text, cancel):
    assert is_cancel(text) is cancel


@pytest.mark.parametrize(
    "text, skip",
    [("跳过", True), ("没有", True), ("不知道", True), ("暂无。", True), ("skip", True),
     ("91350100M000100Y43", False), ("没有人管", False), ("不知道找哪个部门办执照", False)],
)
def test_skip(text, skip):
    assert is_skip(text) is skip


@pytest.mark.parametrize(
    "text, confirm",
    [("确认", True), ("确认提交", True), ("对的", True), ("没问题!", True), ("OK", True),
     ("确认一下我的电话对不对", False), ("不对", False), ("取消", False)],
)
def test_confirm(text, confirm):
    assert is_confirm(text) is confirm


@pytest.mark.parametrize(
    "text, correction",
    [
        ("修改电话", Correction("phone")),
        ("电话错了", Correction("phone")),
        ("联系人改成李四", Correction("contact_name", "李四")),
        ("手机号应该是13912345678", Correction("phone", "13912345678")),
        ("公司名称写错了", Correction("company_name")),
        ("描述改为 上周五提交的材料至今没有回音", Correction("description", "上周五提交的材料至今没有回音")),
        ("信用代码改成91350100M000100Y43", Correction("credit_code", "91350100M000100Y43")),
        ("部门改成税务局", Correction("department", "税务局")),
        ("修改", None),
        ("确认", None),
        ("我的电话", None),
    ],
)
def test_corrections(text, correction):
    assert parse_correction(text) == correction


@pytest.mark.parametrize(
    "text, name",
    [("王建国", "王建国"), ("我姓王", "王"), ("免贵姓张", "张"), ("我叫李明", "李明"), ("联系人:张三", "张三"),
     ("叫我张工就行", "张工"), ("李女士", "李女士"), ("本人赵六。", "赵六"),
     # a phone after full-width punctuation (typed on a phone): the mark is no part of the name
     ("我姓李\uff0c手机13800001111", "李"), ("我姓李、13800001111", "李"),
     ("我叫李明\uff1b电话13800001111", "李明"), ("周敏\uff0c", "周敏"),
     # found by the newcomer: the surname, then the whole name («联系人:周周晓东»)
     ("姓吴 吴海涛 电话13952716684", "吴海涛"), ("我姓周 叫周晓东", "周晓东")],
)
def test_contact_names(text, name):
    from bot.conversation.phrases import contact_name_from

    assert contact_name_from(text) == name


@pytest.mark.parametrize(
    "text, entities, rating",
    [("不满意,问题没解决", [], "2"), ("不太满意", ["4"], "2"), ("非常满意", ["4"], "5"),
     ("给五星", ["5"], "5"), ("两星,不满意", ["2"], "2"), ("满意", [], "4"), ("嗯", [], None),
     ("不滿意", [], "2"), ("非常不满意,敷衍了事", [], "1"), ("很不满意", ["2"], "1"), ("基本满意吧", [], "3"),
     ("还行", [], "3"), ("给个好评", [], "5"), ("差评", [], "1"), ("满分", [], "5"), ("打3分", [], "3"),
     ('/rate_service{"rating":"2","ticket_id":"YS202611200001"}', ["2"], "2"),
     ('/rate_service{"rating":"好评"}', ["好评"], "5")],
)
def test_ratings(text, entities, rating):
    from bot.conversation.phrases import rating_from

    assert rating_from(text, entities) == rating


@pytest.mark.parametrize(
    "intent, text, off_topic",
    [
        ("ask_duration", "顺便问一下,简易注销要多久?", True),
        ("ask_where", "上周三去市场监管局窗口办营业执照变更", False),
        ("out_of_scope", "今天天气怎么样", True),
        ("greet", "你好", True),
        ("human_handoff", "转人工", True),
        ("nlu_fallback", "王建国", False),
        ("complain", "窗口为什么不给办?", False),
        ("inform", "13812345678", False),
    ],
)
def test_off_topic_replies(intent, text, off_topic):
    from bot.conversation.phrases import is_off_topic

    assert is_off_topic(intent, text) is off_topic


@pytest.mark.parametrize(
    "text, name",
    [("示例市华远机械制造有限公司", "示例市华远机械制造有限公司"), ("我们公司是华远机械有限公司", "华远机械有限公司"),
     ("企业名称:华远机械", "华远机械"), ("公司全称是示例市华远有限公司。", "示例市华远有限公司")],
)
def test_company_names(text, name):
    from bot.conversation.phrases import company_name_from

    assert company_name_from(text) == name


@pytest.mark.parametrize("text, cancels", [
    ("不投诉了 取消", True), ("算了不投诉了", True), ("取消", True),
    # found in a live chat: the form was cancelled by a question asked first
    ("算了 先问下水电报装要啥材料", False),
    ("这个是第一次啊 能不能申请撤销", False), ("撤销处罚要什么材料", False),
])
def test_a_question_asked_first_or_about_revoking_a_decision_does_not_cancel_the_filing(text, cancels):
    assert is_cancel(text) is cancels


def test_a_question_in_everyday_words_during_the_form_is_no_answer_to_it():
    # found in a live chat: «算了 先问下水电报装要啥材料» at «企业名称?» became the company's name
    from bot.conversation.phrases import is_off_topic

    assert is_off_topic("ask_materials", "算了 先问下水电报装要啥材料")
    assert is_off_topic("ask_duration", "注销咋这么慢 要多久")
    assert not is_off_topic("ask_where", "上周三去市场监管局窗口办营业执照变更")


@pytest.mark.parametrize("text, asks", [
    ("好差评到底有几个等级", True), ("评价能选哪几种", True), ("政务服务好差评是怎么分档的 有几档", True),
    ("给个差评", False), ("不满意", False), ("五星", False), ("差评以后会怎样", False),
    ("好差评都能用啥方式评", False), ("好评差评中间还有几档", True),
])
def test_a_question_about_the_five_levels_gives_no_rating(text, asks):
    from bot.tickets.rating import asks_about_rating

    assert asks_about_rating(text) is asks


@pytest.mark.parametrize("text, cancels", [
    # found in a live chat: after an aside in the form, «算了还是继续登记吧» was taken for a cancel
    ("算了还是继续登记吧", False),
    ("算了 不问了 接着填吧", False),
    ("算了 还是要投诉", False),
    ("算了 不登记了", True),
    # found in a live chat: the kind changed mid-form was «感谢您的建议» and «已取消» at once
    ("算了 我想改成提个建议", False),
    ("还是换成投诉吧", False),
])
def test_going_on_after_an_aside_is_no_cancel(text, cancels):
    assert is_cancel(text) is cancels


@pytest.mark.parametrize("text, cancels", [
    # the sixth set's first run: «等等 先不弄了 我再去营业厅问问» at the credit code was taken
    # for a wrong code; stopping said in everyday words stops the filing (our own words)
    ("先不弄了", True), ("不搞了 我自己再跑一趟", True), ("先别登记了 我再想想", True),
    ("不用登记了", True), ("先不整了", True),
    # an office that stopped is told, not the filing
    ("他们说这事不弄了 让我们自己想办法", False), ("窗口的人说不给登记", False),
])
def test_stopping_said_in_everyday_words_cancels_the_filing(text, cancels):
    assert is_cancel(text) is cancels


@pytest.mark.parametrize("text", ["好的 记一下", "那你登记吧", "嗯 帮我记下来", "行,记上吧"])
def test_telling_the_assistant_to_take_it_down_gives_no_value(text):
    # found live: «好的 记一下» at «企业名称?» was taken for the enterprise's name
    from bot.conversation.phrases import carries_no_value

    assert carries_no_value(text)


@pytest.mark.parametrize("text", ["记一下科技有限公司", "登记处隔壁的五金店"])
def test_a_name_with_those_words_is_a_value(text):
    from bot.conversation.phrases import carries_no_value

    assert not carries_no_value(text)


@pytest.mark.parametrize("text, field, corrects", [
    # found live: «不对 电话是13698765433» at «怎么称呼您» gave the contact «不对»
    ("不对 电话是13698765433", "contact_name", True),
    ("刚才手机号写错了 应该是13912345678", "contact_name", True),
    ("不对 联系人是王强", "contact_name", False),
    ("王强", "contact_name", False),
])
def test_a_correction_of_another_field_is_no_answer(text, field, corrects):
    from bot.conversation.phrases import corrects_another

    assert corrects_another(text, field) is corrects


@pytest.mark.parametrize("text, of_the_service", [
    # found live (round 8): a window rated with no ticket here was asked for a ticket number
    ("我要给办电的窗口打五星", True),
    ("那个大姐服务态度也好 给个好评", True),
    ("给税务大厅那个窗口打个差评", True),
    ("给我那个工单打个好评", False),
    ("投诉的那件事办得不错 五星", False),
    ("YS202612010001 满意", False),
    ("五星", False),
])
def test_a_rating_of_a_window_is_of_the_service_not_a_ticket(text, of_the_service):
    from bot.conversation.phrases import rates_the_service

    assert rates_the_service(text) is of_the_service


@pytest.mark.parametrize("text", ["好的 麻烦了", "收到 辛苦", "嗯嗯 谢谢啊", "好嘞", "谢谢 辛苦了", "明白了 多谢",
                                  "哦哦 知道了", "OK 谢了", "好滴 有劳"])
def test_an_acknowledgement_answers_no_form_question(text):
    # fresh8: «好的 麻烦了» mid-form was taken for the case told, «好嘞» at the credit code got a format error
    from bot.conversation.phrases import carries_no_value, only_acknowledges

    assert only_acknowledges(text)
    assert carries_no_value(text)


@pytest.mark.parametrize("text", ["好的 那我等通知", "谢谢你们 窗口推诿了三次", "张伟", "麻烦科技有限公司", "好多人排队"])
def test_a_message_that_tells_something_is_no_acknowledgement(text):
    from bot.conversation.phrases import only_acknowledges

    assert not only_acknowledges(text)


@pytest.mark.parametrize("text, thanks", [
    # fresh8-30: «哦哦 那再等等 谢谢啊» got «再见» (goodbye, for the classifier)
    ("哦哦 那再等等 谢谢啊", True),
    ("行 那我回去等着 多谢", True),
    ("好的 麻烦您了", True),
    ("谢谢 再见", False),
    ("好的谢谢 拜拜", False),
    ("那我先走了", False),
])
def test_thanks_without_a_farewell_are_thanks(text, thanks):
    from bot.dialogue.telling import thanks_not_farewell

    assert thanks_not_farewell(text) is thanks


@pytest.mark.parametrize("text", ["说不上来是哪个部门", "这个真说不好", "讲不清归谁管", "拿不准是哪个局"])
def test_not_being_able_to_say_which_department_declines_it(text):
    # fresh8-32: «说不上来是哪个部门» was looked up as a department's name
    from bot.conversation.phrases import lacks_value

    assert lacks_value(text)


@pytest.mark.parametrize("text, correction", [
    # the eleventh held-out set, round ten: «修改电话 1359…» at the summary asked for the phone again
    ("修改电话 13598762210", Correction("phone", "13598762210")),
    ("手机号换一个 13937104426", Correction("phone", "13937104426")),
    ("信用代码错了 91410711180967920x", Correction("credit_code", "91410711180967920X")),
    ("修改电话", Correction("phone", None)),
    # round eleven: the number is found by bot.validation.mobile_in, as before
    ("修改电话１３５９８７６２２１０", Correction("phone", "13598762210")),
    ("修改电话 135 9876 2210", Correction("phone", "13598762210")),
    ("修改电话 幺三五九八七六二二幺零", Correction("phone", None)),  # said in words: asked again, as before
])
def test_a_value_given_beside_the_field_s_name_is_the_new_value(text, correction):
    assert parse_correction(text) == correction
