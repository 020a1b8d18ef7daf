"""Round seventeen's (nlu20) own sentences, written from the user's side before any change, in words of our own
(not the seventeenth set's): (text, intent, procedures or None when any will do). ``TUNED`` were looked at while
fixing; ``ASIDE`` were never tuned on. Scored with a model: ``python tests/nlu/own_sentences_20.py [model]``.

What each class should be read as, decided from the specification:
- inform: what is typed at the form's questions — what happened («事情是…», «经过是…»), when, a phone spelled
  out in words, the company's name, a ticket's number given alone — is the value given (``inform``), whatever
  grievance the description tells.
- check_status: how one's own matter stands, asked in words that name no ticket («那事咋样了», «交上去的东西有人看了
  没»), is a status check.
- out_of_scope: near misses that are not the platform's business — a rule bent by favours or gifts, a fake
  paper, a stock, a loan broker, a review site's comment (requests for private data are another engineer's).
- complain vs question: a grievance told as a question («…这合理吗», «这叫什么事») is a complaint; a question
  with an angry word in it («烦死了 …到底要带什么») is that question.
- deny: a plain refusal in dialect or a hedge («不咯», «算球了», «暂时不用») is a no.
- texts: what the documents say of a thing, asked in so many words («文件里咋写的»), is a question
  (``ask_procedure``), naming no guide when it names none.
"""

TUNED = {
    "inform": [
        ("事情是这样的 税务窗口让我们跑了四趟还没办下来", "inform", None),
        ("情况是 园区门口的路挖了两个月没人填", "inform", None),
        ("具体经过:上周三去窗口交材料 被告知少个章", "inform", None),
        ("大概是上个月十号左右", "inform", None),
        ("电话一八六 一二三四 五六七八", "inform", None),
        ("单号YS202611250003", "inform", None),
        ("我们公司叫鑫源食品有限公司", "inform", None),
        ("涉及的是区市场监管局", "inform", None),
    ],
    "check_status": [
        ("材料递上去半个月了 一点动静都没有 现在啥情况", "check_status", ()),
        ("那事咋样了", "check_status", ()),
        ("我上回说的那个事 有人管了没", "check_status", ()),
        ("之前反映的停电的事 处理到哪一步了", "check_status", None),
        ("前阵子报的那个问题 有结果没", "check_status", ()),
    ],
    "out_of_scope": [
        ("能帮我托个关系 让审批快点不", "out_of_scope", ()),
        ("过节给窗口送个红包合适吗", "out_of_scope", ()),
        ("有没有好点的财税公司介绍一个", "out_of_scope", ()),
        ("这个基金现在能入手吗", "out_of_scope", ()),
        ("能不能先拿个假证明应付一下检查", "out_of_scope", ()),
        ("帮我把网上那条骂我们店的评论删掉", "out_of_scope", ()),
    ],
    "complain_or_question": [
        ("燃气公司说要先交两万的开口费才给接 这合理吗", "complain", None),
        ("窗口的人说找人才能办快 这叫什么事", "complain", None),
        ("又让我补材料 就不能一次说清楚吗", "complain", None),
        ("审批拖了一个半月 这正常吗", "complain", None),
        ("这破网站到底在哪上传材料啊", "ask_where", None),
        ("烦死了 简易注销到底要带什么", "ask_materials", ("simple_deregistration",)),
    ],
    "deny": [
        ("不咯", "deny", ()),
        ("算球了", "deny", ()),
        ("暂时不用", "deny", ()),
        ("唔使喇", "deny", ()),
        ("不得行", "deny", ()),
        ("那倒不必", "deny", ()),
        ("没有 跟我们没关系", "deny", ()),
    ],
    "texts": [
        ("文件里对首问负责是咋规定的", "ask_procedure", ()),
        ("容缺受理在政策里怎么写的 我想看看原文", "ask_procedure", ()),
        ("有没有扫码入企的说法 文件原话是啥", "ask_procedure", ()),
    ],
}

ASIDE = {
    "inform": [
        ("经过是这样 去年底报装的燃气到现在都没通", "inform", None),
        ("时间是前天上午十点多", "inform", None),
        ("手机号幺三八 零零幺二 三四五六", "inform", None),
        ("就是住建那边 具体哪个科不清楚", "inform", None),
        ("事情是物业不给我们开证明 导致没法办执照", "inform", None),
        ("公司名字叫恒达建材", "inform", None),
    ],
    "check_status": [
        ("上礼拜找你们说的事 有下文了吗", "check_status", ()),
        ("交上去的东西有人看了没", "check_status", ()),
        ("那个事到底怎么样了啊", "check_status", ()),
        ("我们反映的噪音问题 现在谁在处理", "check_status", ()),
        ("之前提的那个 有进展没", "check_status", ()),
    ],
    "out_of_scope": [
        ("你认识税务局的人吗 帮忙说句话", "out_of_scope", ()),
        ("给办事员塞点好处能快点办吗", "out_of_scope", ()),
        ("哪家贷款中介靠谱", "out_of_scope", ()),
        ("比特币还能买吗", "out_of_scope", ()),
        ("材料上的日期能不能改一下 糊弄过去", "out_of_scope", ()),
        ("帮我给窗口领导打个电话 就说我是他朋友", "out_of_scope", ()),
    ],
    "complain_or_question": [
        ("供电所说不交五千块赞助费就不给通电 这钱该交吗", "complain", None),
        ("三天两头让我们改图纸 到底想怎样", "complain", None),
        ("一个章等了二十天 这效率说得过去吗", "complain", None),
        ("气死了 变更登记在哪个窗口办", "ask_where", ("business_change",)),
        ("真够烦的 施工许可要多少天", "ask_duration", ("construction_permit",)),
    ],
    "deny": [
        ("莫得必要", "deny", ()),
        ("先不了", "deny", ()),
        ("不消了", "deny", ()),
        ("甭了", "deny", ()),
        ("算了吧 不弄了", "deny", ()),
        ("没 不是这个", "deny", ()),
    ],
    "texts": [
        ("关于好差评 文件里是怎么写的", "ask_procedure", ()),
        ("我想知道文件里对一业一证是怎么说的", "ask_procedure", ()),
        ("政务服务有没有延时服务的说法 文件咋讲的", "ask_procedure", ()),
    ],
}


def score(tuned: dict, aside: dict, judge=None) -> None:
    """Prints how a model (``sys.argv[1]``, else the current one) serves each sentence, the count right per
    class and each half's per-intent F1; the model is loaded once. ``judge(got, found, intent, procs)``: whether a
    reading is right (default: the intent, and the procedures when given)."""
    import asyncio
    import os
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    from evaluate import _parse_all
    from modelcache import ensure_model, rasa_env
    from nlu_metrics import procedures_of

    os.chdir(root)
    os.environ.update(rasa_env())
    model = Path(sys.argv[1]) if len(sys.argv) > 1 else ensure_model()
    lines = [(half, name, line) for half, classes in (("tuned", tuned), ("aside", aside))
             for name, group in classes.items() for line in group]
    parsed = asyncio.run(_parse_all(model, [line[0] for _, _, line in lines]))
    right: dict = {}
    served: dict = {"tuned": [], "aside": []}
    for (half, name, (text, intent, procs)), p in zip(lines, parsed, strict=True):
        got = p["intent"]["name"]
        served[half].append((intent, got))
        found = procedures_of(p.get("entities") or [])
        ok = judge(got, set(found), intent, procs) if judge is not None \
            else got == intent and (procs is None or set(found) == set(procs))
        right.setdefault((half, name), []).append(ok)
        reading = p.get("understanding") or {}
        print(f"  {half} {'ok ' if ok else 'BAD'} {text} → {got} {p['intent'].get('confidence', 0):.2f} "
              f"(classifier {reading.get('classified_intent')}, {reading.get('reason')}) {list(found)}")
    for (half, name), oks in right.items():
        print(f"{half} {name}: {sum(oks)} of {len(oks)}")
    for half in ("tuned", "aside"):
        oks = [ok for (h, _), group in right.items() if h == half for ok in group]
        print(f"{half} all: {sum(oks)} of {len(oks)}")
        f1s = intent_f1(served[half])
        print(f"{half} intent F1: " + ", ".join(f"{k} {v:.2f}" for k, v in f1s.items())
              + f"; macro {sum(f1s.values()) / max(len(f1s), 1):.3f}")


def intent_f1(pairs: list) -> dict:
    """Per gold intent, the F1 of the served intents ``pairs`` (gold, served)."""
    f1s = {}
    for intent in sorted({gold for gold, _ in pairs}):
        tp = sum(g == intent and s == intent for g, s in pairs)
        wrong = sum((g == intent) != (s == intent) for g, s in pairs)
        f1s[intent] = 2 * tp / (2 * tp + wrong) if tp else 0.0
    return f1s


if __name__ == "__main__":
    score(TUNED, ASIDE)
