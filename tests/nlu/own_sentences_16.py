"""Round thirteen's (nlu16) own sentences, written from the user's side before any change:
(text, intent, procedures). ``TUNED`` were looked at while fixing; ``ASIDE`` were never tuned on.
Scored by scripts/own_sentences.py (a model's served intent and procedures)."""

TUNED = {
    "urge": [
        ("能不能加急", "urge", ()),
        ("月底前必须办下来 你们抓点紧", "urge", ()),
        ("快点行不 等着用呢", "urge", ()),
        ("我那个单子能不能快点", "urge", ()),
        ("都半个月了 给个准话行不行 加快点", "urge", ()),
        ("下周就要开工了 这事得赶在前面办完啊", "urge", ()),
        ("能不能优先处理一下我们的单子", "urge", ()),
        ("帮忙推一把 单子卡住好几天了", "urge", ()),
    ],
    "where": [
        ("营业执照在哪弄", "ask_where", ("company_setup",)),
        ("简易注销是哪个窗口", "ask_where", ("simple_deregistration",)),
        ("办施工许可去哪个楼", "ask_where", ("construction_permit",)),
        ("信用修复线上入口在哪", "ask_where", ("credit_repair",)),
        ("诊所备案跑哪儿去办", "ask_where", ("clinic_setup",)),
        ("核名在哪个小程序上弄", "ask_where", ("name_declaration",)),
        ("电子保函哪家银行能开", "ask_where", ("bid_guarantee",)),
        ("变更法人得去哪个大厅", "ask_where", ("business_change",)),
    ],
    "latin": [
        ("GS变更要多久", "ask_duration", ("business_change",)),
        ("办yyzz要带啥", "ask_materials", ("company_setup",)),
        ("简易注销app上能弄不", "ask_where", ("simple_deregistration",)),
        ("CA锁在哪办", "ask_where", None),
        ("sgxk要多久", "ask_duration", ("construction_permit",)),
        ("ok的 谢谢", "thank", ()),
        ("变更登记web端能办吗", "ask_where", ("business_change",)),
        ("xyxf需要啥条件", "ask_eligibility", ("credit_repair",)),
    ],
}

ASIDE = {
    "urge": [
        ("还能再快点不", "urge", ()),
        ("麻烦加个急 月底要用", "urge", ()),
        ("周五前一定要给结果 拜托了", "urge", ()),
        ("咱这个事能提速不", "urge", ()),
        ("让承办的快马加鞭吧 都等十天了", "urge", ()),
        ("急死了 能不能抓紧给办", "urge", ()),
        ("单子拖太久了 尽早给处理掉吧", "urge", ()),
    ],
    "where": [
        ("注册公司上哪儿办", "ask_where", ("company_setup",)),
        ("一般注销在几号窗口", "ask_where", ("general_deregistration",)),
        ("接电是去供电所还是大厅", "ask_where", ("utility_connection",)),
        ("惠企政策申报入口在哪找", "ask_where", ("enterprise_policy",)),
        ("不见面开标在哪个平台登", "ask_where", ("remote_bid_opening",)),
        ("施工许可在哪里整", "ask_where", ("construction_permit",)),
        ("帮办代办在政务中心哪一层", "ask_where", ("assisted_service",)),
    ],
    "latin": [
        ("gs注销要带啥", "ask_materials", None),
        ("小程序上能申请信用修复吗", "ask_where", ("credit_repair",)),
        ("XYXF要啥材料", "ask_materials", ("credit_repair",)),
        ("ok 那营业执照去哪领", "ask_where", ("company_setup",)),
        ("dzbh在哪开", "ask_where", ("bid_guarantee",)),
        ("U盾丢了开标还能参加吗", "ask_eligibility", ("remote_bid_opening",)),
    ],
}


def main() -> None:
    """Scores the sentences with a model: ``python tests/nlu/own_sentences_16.py [model]``."""
    score(TUNED, ASIDE)


def score(tuned: dict, aside: dict) -> None:
    """Prints how a model (``sys.argv[1]``, else the current one) serves each sentence of ``tuned`` and ``aside``
    (text, intent, procedures or None), and the count right per class."""
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
    for half, classes in (("tuned", tuned), ("aside", aside)):
        for name, lines in classes.items():
            parsed = asyncio.run(_parse_all(model, [t for t, _, _ in lines]))
            ok = 0
            for (text, intent, procs), p in zip(lines, parsed, strict=True):
                got = p["intent"]["name"]
                found = procedures_of(p.get("entities") or [])
                right = got == intent and (procs is None or set(found) == set(procs))
                ok += right
                reading = p.get("understanding") or {}
                print(f"  {'ok ' if right else 'BAD'} {text} → {got} {p['intent'].get('confidence', 0):.2f} "
                      f"(classifier {reading.get('classified_intent')}, {reading.get('reason')}) {list(found)}")
            print(f"{half} {name}: {ok} of {len(lines)}")


if __name__ == "__main__":
    main()
