"""Round fifteen's (nlu18) own sentences, written from the user's side before any change:
(text, intent, procedures or None when any will do). ``TUNED`` were looked at while fixing; ``ASIDE``
were never tuned on. Scored with a model: ``python tests/nlu/own_sentences_18.py [model]``."""

TUNED = {
    # item 1: the classifier's own confusions (ask_procedure → check_status, ask_where → ask_procedure)
    "ask_procedure": [
        ("变更法人现在是咋个流程 之前办过一回忘了", "ask_procedure", ("business_change",)),
        ("上回问的那个简易注销 具体步骤能再说下不", "ask_procedure", ("simple_deregistration",)),
        ("开诊所的手续整个下来是啥样的", "ask_procedure", ("clinic_setup",)),
        ("信用修复这事儿怎么个走法", "ask_procedure", ("credit_repair",)),
    ],
    "ask_where": [
        ("变更法人得上哪个窗口", "ask_where", ("business_change",)),
        ("开诊所的备案去哪递材料", "ask_where", ("clinic_setup",)),
        ("惠企政策的申报入口在哪 找半天了", "ask_where", ("enterprise_policy",)),
        ("接水的申请在网上哪里点", "ask_where", ("utility_connection",)),
    ],
    # item 2: a rule of inspection or enforcement, or who decides between offices, asked with a grievance
    "rule_asked": [
        ("这帮人天天来查 按规矩检查是不是得有上级批的文件啊", "ask_procedure", None),
        ("城管和市场监管互相踢皮球 这种事最后谁说了算", "ask_procedure", None),
        ("烦死了 一周查两回 规定里一年最多能查几次啊", "ask_procedure", None),
        ("来执法的连证件都不亮 他们不是必须出示执法证吗", "ask_procedure", None),
        ("两个局都说不归他们管 按文件应该哪个部门牵头", "ask_procedure", None),
        ("检查一次停一天工 真折腾 文件上对入企检查有没有限制", "ask_procedure", None),
    ],
    # item 2: an urge without 催, a date demanded
    "urge_dated": [
        ("月底之前必须给我把电通上", "urge", None),
        ("能不能快点 下周三前一定要拿到执照", "urge", None),
        ("15号之前务必把水接好 等着开工", "urge", None),
    ],
    # item 3: small talk, and another office's work
    "small_talk": [
        ("你会唱歌不", "out_of_scope", ()),
        ("能陪我唠会嗑吗 无聊", "out_of_scope", ()),
        ("给我讲个笑话呗", "out_of_scope", ()),
    ],
    "others_work": [
        ("帮我看下这个租房合同有没有坑", "out_of_scope", ()),
        ("劳动合同能帮我审一下吗", "out_of_scope", ()),
    ],
}

ASIDE = {
    "ask_procedure": [
        ("公司地址要换 手续是啥", "ask_procedure", ("business_change",)),
        ("接电从申请到通电都有哪几步", "ask_procedure", ("utility_connection",)),
        ("想办个一般注销 大致咋弄", "ask_procedure", ("general_deregistration",)),
    ],
    "ask_where": [
        ("一般注销在哪能办", "ask_where", ("general_deregistration",)),
        ("名称申报是去大厅还是网上", "ask_where", ("name_declaration",)),
        ("施工许可证到哪个部门领", "ask_where", ("construction_permit",)),
    ],
    "rule_asked": [
        ("三天两头来检查 按规定不是要随机抽查吗 咋老盯着我们", "ask_procedure", None),
        ("部门之间推来推去 协调不下来的到底报给谁定", "ask_procedure", None),
        ("气死了 执法就来了一个人 规定不是得两个人以上吗", "ask_procedure", None),
        ("又来查 入企检查频次有没有个说法啊 这谁受得了", "ask_procedure", None),
        ("被罚了两回了 执法检查前是不是得先提前通知", "ask_procedure", None),
        ("住建和城管都不认 到底哪个部门来拍板", "ask_procedure", None),
    ],
    "urge_dated": [
        ("这个月底前必须办下来 不然要黄了", "urge", None),
        ("周五前一定要通上气 工人都等着呢", "urge", None),
    ],
    "small_talk": [
        ("你会跳舞吗", "out_of_scope", ()),
        ("陪我聊聊天呗", "out_of_scope", ()),
    ],
    "others_work": [
        ("合同条款帮我把把关 有没有坑", "out_of_scope", ()),
    ],
}


def main() -> None:
    """Scores the sentences with a model: ``python tests/nlu/own_sentences_18.py [model]``."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from own_sentences_16 import score

    score(TUNED, ASIDE)


if __name__ == "__main__":
    main()
