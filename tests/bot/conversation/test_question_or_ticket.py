"""A question is no ticket (issue 10, round 7): what the message asks decides, not the classifier's
complain/request_help/suggest. A form starts only for a grievance, a request to file or to have
one's case handled, or a proposal."""
import pytest

from bot.conversation.history import procedure_before
from bot.conversation.intake import asks_about_a_procedure
from tests.bot.conversation.test_intake import READ


@pytest.mark.parametrize("text, intent", [
    # a want with a procedure named, no grievance: its guide
    ("店开了一年一直没营业 零申报 打算把它注销掉", "complain"),
    # where or whom, with or without a procedure the recogniser found
    ("想给公司取个名 怕跟别人重名 去哪能查到", "request_help"),
    ("厂里新添了几台设备 电不够用 想增容该找哪个部门", "request_help"),
    ("标准地的地块信息在哪里看", "suggest"),
])
def test_a_want_or_a_question_of_a_procedure_gets_its_guide(text, intent):
    assert asks_about_a_procedure(text, READ.read(text, intent, 0.9), remembered=False)


@pytest.mark.parametrize("text", [
    "那刻章跟领发票能一块办了吗 还要再跑一趟吧",
    # asked in a clause before the last (…弄完不), the last a tag («…吧»)
    "章和发票那些能一块弄完不 还要另跑吧",
])
def test_a_question_about_the_guide_in_memory_gets_the_guide(text):
    assert asks_about_a_procedure(text, READ.read(text, "suggest", 0.6), remembered=True)


@pytest.mark.parametrize("text, intent", [
    # a grievance: an office that has not done its part, time lost, someone's deed, anger
    ("施工许可交上去二十天了还没批 找谁", "complain"),
    ("跑了三趟了 执照还是办不下来 到底去哪办", "complain"),
    ("窗口的人态度太差 想注销都不给办 找谁", "complain"),
    # asked to file or to have it done
    ("帮我反映一下 增容的事找哪个部门都推", "request_help"),
    ("我要投诉 注销在哪办都说不清", "complain"),
    ("能不能派个人来厂里看看电的事", "request_help"),
    # a proposal
    ("办执照的窗口能不能周末也开", "suggest"),
    ("注销要是能网上一次办完就好了", "suggest"),
])
def test_a_grievance_a_request_or_a_proposal_is_no_question(text, intent):
    assert not asks_about_a_procedure(text, READ.read(text, intent, 0.9), remembered=True)


def test_the_procedure_before_the_remembered_one_is_read_from_the_events():
    def slot(value):
        return {"event": "slot", "name": "procedure", "value": value}
    events = [slot("standard_land"), {"event": "user", "text": "…"}, slot("construction_permit"),
              slot("construction_permit")]
    assert procedure_before(events, "construction_permit") == "standard_land"
    assert procedure_before(events[:1], "standard_land") is None
