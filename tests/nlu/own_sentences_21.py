"""Round eighteen's (nlu21) own sentences, written from the user's side before any change, in words of our own:
(text, intent, procedures or None when any will do; «ask_*»: any facet of the guide, a state told asks none
in particular; BOTH: the two deregistrations, offered to choose from, or none named). ``TUNED`` were looked at
while fixing; ``ASIDE`` were never tuned on. Scored with a model: ``python tests/nlu/own_sentences_21.py [model]``.

What each class should be read as, decided from the specification:
- state_told: a state told with a guide's matter in it, as a first message («我们被列进经营异常了», «股东有个要退出»),
  is a question about what to do: that guide (any facet it asks), not a complaint, unless a grievance against someone
  is told (the controls, ``complain``).
- errand: a self-introduction as someone asking for another («俺是帮老板跑腿的 …») is the question after it, not a
  request for 帮办代办; someone asked to do it for the asker («有没有人帮我办») is 帮办代办.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

SETUP, CHANGE, CREDIT, ASSISTED = ("company_setup",), ("business_change",), ("credit_repair",), ("assisted_service",)
SIMPLE, BOTH = ("simple_deregistration",), ("simple_deregistration", "general_deregistration")

TUNED = {
    "state_told": [
        ("我们被列进经营异常了 年报忘报了", "ask_*", CREDIT),
        ("股东有个要退出", "ask_*", CHANGE),
        ("公司被列入严重失信名单了", "ask_*", CREDIT),
        ("有个合伙人不干了 要撤股", "ask_*", CHANGE),
        ("我们被罚过款 行政处罚信息一直挂在网上", "ask_*", CREDIT),
        ("诊所关掉要办啥", "ask_*", BOTH),
    ],
    "errand": [
        ("俺是帮老板跑腿的 他说想问问开个公司要多久", "ask_duration", SETUP),
        ("我是替老板来问的 注销公司要多久", "ask_duration", None),
        ("太麻烦了 有没有人帮我办", "ask_procedure", ASSISTED),
    ],
    "controls": [
        ("市场监管局把我们列进异常名录 根本没通知我们 太不讲理了", "complain", None),
    ],
}

ASIDE = {
    "state_told": [
        ("企业上了异常名录 因为地址联系不上", "ask_*", CREDIT),
        ("法人要换人", "ask_*", CHANGE),
        ("我们新加了一个股东", "ask_*", CHANGE),
        ("公司信用记录上有污点 影响投标了", "ask_*", CREDIT),
        ("饭馆不开了 营业执照咋处理", "ask_*", BOTH),
    ],
    "errand": [
        ("我是公司跑腿的小王 老板让我问问简易注销要带啥", "ask_materials", SIMPLE),
        ("手续太多搞不懂 能不能找个人帮我们跑", "ask_procedure", ASSISTED),
    ],
    "controls": [
        ("税务局无缘无故把我们列进失信名单 也不给说法", "complain", None),
    ],
}


def right(got: str, found: set, intent: str, procs: tuple | None) -> bool:
    """«ask_*» any facet; BOTH the two deregistrations offered, or none named."""
    intent_ok = got.startswith("ask_") if intent == "ask_*" else got == intent
    return intent_ok and (procs is None or found == set(procs) or (procs == BOTH and not found))


if __name__ == "__main__":
    from own_sentences_20 import score

    score(TUNED, ASIDE, right)
