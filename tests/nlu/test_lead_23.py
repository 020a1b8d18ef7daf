"""The lead's part of issue 10's twenty-third round, in the NLU pipeline: 12345 said as where a hotline agent works
(«我是12345的话务员 来电人说他们公司的营业执照丢了要补办 怎么弄») was the complaint channels' guide asked of — the
regex extractor's «12345» kept, as no other procedure was found (the lead's chat on main answered 【营商环境诉求与投诉
渠道】). Our own wording, failing on main."""
import pytest

from bot.language.introduction import without_hotline_staff

AGENTS = ["我是12345的话务员 来电人说他们公司的营业执照丢了要补办 怎么弄",
          "12345热线这边 有个来电问公司公章丢了咋办",
          "我们是12345专席 来电企业问税务登记证去哪换",
          "12345转过来的单子 来电人问社保开户在哪办"]
ASKED = ["12345能投诉哪些事", "打12345有用吗", "12345这边能投诉吗", "12345营商专席是干嘛的"]


def _procedures(parsed: dict) -> list:
    return [e["value"] for e in parsed["entities"] if e["entity"] == "procedure"]


@pytest.mark.parametrize("text", AGENTS)
def test_12345_as_the_speakers_workplace_names_no_procedure(text):
    at = text.index("12345")
    found = [{"entity": "procedure", "value": "complaint_process", "start": at, "end": at + 5},
             {"entity": "phone", "value": "x", "start": 0, "end": 1}]
    assert without_hotline_staff(text, found) == found[1:]


@pytest.mark.parametrize("text", ASKED)
def test_12345_asked_of_is_the_complaint_channels(text):
    at = text.index("12345")
    found = [{"entity": "procedure", "value": "complaint_process", "start": at, "end": at + 5}]
    assert without_hotline_staff(text, found) == found


@pytest.mark.e2e
def test_the_served_parse_drops_the_workplace_and_keeps_the_question(stack):
    assert {text: _procedures(stack.parse(text)) for text in AGENTS} == {text: [] for text in AGENTS}
    assert {text: "complaint_process" in _procedures(stack.parse(text)) for text in ASKED[:2]} == dict.fromkeys(
        ASKED[:2], True)
