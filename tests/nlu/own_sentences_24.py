"""Round nineteen's (long24) own sentences: long messages (40–110 characters: a story with a thanks, a yes or a no
with its context, a greeting with who one is and the matter to come, a farewell with one's next step, a question
asked after the firm's story, details given in a form, a status check or an urge with its background, and
complaints and requests that do complain or ask) read for what they ask, not for their length. Written from the
user's side before any training line was added, in words of our own (not any set's): (text, intent, procedures or
None when any will do). ``TUNED`` were looked at while writing the training lines; ``ASIDE`` were never tuned on.

Scored with a model: ``python tests/nlu/own_sentences_24.py [model]`` — per half, the count right served and the
classifier alone's count, and each one's intent macro-F1 (``tests/nlu/test_long_messages_24.py`` holds the set-aside
half to a floor).
"""

TUNED = {
    "greet": [
        ("您好 我是城东一家做包装箱的小厂的出纳 厂长让我上来问几件事 我先跟你打个招呼 一会儿慢慢说", "greet", None),
        ("你好啊 我们是刚在开发区落户的一家新能源配件企业 我负责对接政府这块 以后少不了要麻烦你们", "greet", None),
        ("早啊 我是帮我舅舅打理他那个汽修铺子的 他不太会弄手机 有些事我替他来了解了解 你好", "greet", None),
    ],
    "thank": [
        ("太感谢了 我们会计在家坐月子 这些事全落到我头上 本来急得团团转 听你这么一讲总算理清楚了", "thank", None),
        ("谢谢谢谢 上回为了问这个我在大厅排了一上午 今天在手机上几分钟就弄明白了 真方便", "thank", None),
        ("多谢你了 你刚才列的那几项我都截图发给我们老板了 他说就照这个准备 省得我们白跑一趟", "thank", None),
    ],
    "goodbye": [
        ("行 那我今天就问到这儿 明天一早我带着法人身份证和公章去政务大厅那边办 先下了 再见", "goodbye", None),
        ("好的我知道了 我现在得赶去工地盯一下 晚上回家再把材料整理一遍 有问题明天再来问你 拜拜", "goodbye", None),
        ("那就先这样吧 我去财务那边把公章借出来 顺便让老板把股东会决议签了 "
         "争取周五之前全弄完 到时候要是还有不明白的再上来找你 回头见", "goodbye", None),
    ],
    "affirm": [
        ("对的 就是我们城南那个厂房接天然气的事 不是水也不是电 水电去年就通了 就差燃气这一块 你就照这个往下说吧",
         "affirm", None),
        ("嗯没错 你刚才复述的都对 公司名称 地址 联系电话还有事情经过都没问题 我又从头到尾看了一遍 就这样给我提交上去吧",
         "affirm", None),
        ("是的是的 就是那个事 上个月反映的路灯不亮的问题 你找到的那个单子就是我的 没错", "affirm", None),
    ],
    "deny": [
        ("不用了不用了 我就是先了解一下大概 真正要办的时候我们公司有专门的人去跑 不麻烦你登记了", "deny", None),
        ("先不要提交 我这个电话号码好像写错了一位 我回办公室翻一下名片 确认了再来弄 写错了你们联系不上我就白忙活了",
         "deny", None),
        ("不是不是 你理解错了 我们没有要投诉谁的意思 就是随口跟你说说当时的情况 不用建单子", "deny", None),
    ],
    "complain": [
        ("我们厂在工业园区 上个月环保的人来查了三次 每次都说不一样的问题 整改完又说不行 生产线停了半个月 损失好几十万",
         "complain", None),
        ("去办营业执照变更 窗口那个工作人员一直在玩手机 我问了两遍都不理人 最后说系统故障让我下周再来 太过分了",
         "complain", None),
        ("我们中标的项目款到现在还没结 找了住建局三四回 每次都说在走流程 工人天天上门要工资 这到底谁管",
         "complain", None),
    ],
    "request_help": [
        ("我们是做食品加工的小企业 想扩大生产新建一个车间 可是用地审批这块一点都不懂 能不能安排个人帮我们对接一下",
         "request_help", None),
        ("厂里三十多个工人的社保一直断着交 现在想补上 但是不知道找哪个部门 请你们帮忙协调一下", "request_help", None),
        ("我们的一批出口货物被卡在海关了 说是缺一个证明 客户那边等着要货 麻烦你们帮忙问问相关部门能不能给开",
         "request_help", None),
    ],
    "ask_materials": [
        ("我们是一家开了八年的服装批发公司 最近几个股东闹掰了 有一个要退出 做股东变更的话要准备哪些材料",
         "ask_materials", ('business_change',)),
        ("我和爱人都是执业医师 在医院干了十几年 现在想出来自己开个小诊所 办这个需要准备什么材料",
         "ask_materials", ('clinic_setup',)),
    ],
    "ask_duration": [
        ("我们新厂房已经封顶了 马上要装设备 但是水电还没接进来 申请接水接电从报装到通上一般要多少天",
         "ask_duration", ('utility_connection',)),
        ("刚毕业跟两个同学合伙想做个设计工作室 房子也租好了 注册一个公司从提交到拿到执照大概要多久",
         "ask_duration", ('company_setup',)),
    ],
    "ask_where": [
        ("我们公司原来注册在老城区 今年搬到了高新区新盖的办公楼 营业执照上的地址要改 应该去哪个地方办",
         "ask_where", ('business_change',)),
        ("我们是外地的建筑公司 要来这边投一个标 听说不用到现场开标 那个不见面开标是在哪个网站上参加",
         "ask_where", ('remote_bid_opening',)),
    ],
    "ask_fee": [
        ("我们公司中了一个市政项目的标 对方要交几十万的投标保证金 资金压力很大 改成电子保函的话要交多少费用",
         "ask_fee", ('bid_guarantee',)),
        ("我们是开了三年的小餐馆 生意一直亏 打算关掉 店里的账都结清了 办注销要不要交钱", "ask_fee", None),
    ],
    "ask_eligibility": [
        ("我们这个公司是去年注册的 一直没开展业务 也没开过发票 没有欠税 像我们这种情况可以走简易注销吗",
         "ask_eligibility", ('simple_deregistration',)),
        ("我们公司上个月因为广告用语不规范被查了 第一次犯 当场就改了 也没造成什么影响 这种能不能不罚款",
         "ask_eligibility", ('lenient_enforcement',)),
    ],
    "ask_procedure": [
        ("我们是一家做机械加工的企业 想在园区拿一块标准地建新厂房 听说现在拿地就能开工 整个流程是怎么走的",
         "ask_procedure", ('standard_land',)),
        ("我们村里几个人想合伙办个农产品加工的公司 以前谁都没弄过 注册公司具体是个什么流程 一步一步该咋办",
         "ask_procedure", ('company_setup',)),
    ],
    "inform": [
        ("公司全称是新乡市恒达食品有限公司 统一社会信用代码我手头没有 电话你记一下13937312345 白天晚上都能打通",
         "inform", None),
        ("我们单位叫原阳县丰收农机专业合作社 我是负责人 姓赵 你们有事就打我手机15839012267 别打座机 座机没人接",
         "inform", None),
    ],
    "check_status": [
        ("半个月前我在这里反映过商铺停电的事 给了我一个编号 我手机换了找不到了 想查一下现在处理到哪一步了",
         "check_status", None),
        ("上个礼拜我替我们老板提交了一个关于退税的求助 用的是他的手机号 我想看看现在是哪个部门在办 有没有结果",
         "check_status", None),
    ],
    "urge": [
        ("我们的单子提交都快二十天了 说好的十个工作日办结 到今天还没消息 厂里的设备等着通电才能调试 麻烦再催一下",
         "urge", None),
        ("这个事真的拖不起了 下周一甲方就要来验收 证明还没开出来 求求你们赶紧让相关部门加快处理", "urge", None),
    ],
    "suggest": [
        ("我经常来大厅办事 发现很多窗口中午都关着 上班族只能午休时间来 建议中午安排人轮班 别让我们白跑",
         "suggest", None),
        ("你们这个平台挺好用的 就是字太小了 我们这些五六十岁的人看着费劲 希望能加个字体放大的功能", "suggest", None),
    ],
    "rate_service": [
        ("给你们打个满分 我上周反映的供水问题 第二天就有人上门看了 三天就修好了 还回访了我 服务没话说",
         "rate_service", None),
        ("打两星吧 问题是解决了 但是前后拖了一个多月 中间打了好几次电话才有人理 体验不太好", "rate_service", None),
    ],
    "human_handoff": [
        ("我这个事情比较复杂 牵扯到土地 规划和环保好几个部门 机器回答不清楚 能不能让你们的工作人员直接打电话给我",
         "human_handoff", None),
        ("我打字太慢了 手指头也不灵活 跟你这么一来一回的太费劲了 帮我转个人工客服吧 我直接跟人说",
         "human_handoff", None),
    ],
    "out_of_scope": [
        ("我女儿今年要上小学了 我们户口不在这边 学区房也没买 孩子上学的事该去哪里问 你知道吗", "out_of_scope", ()),
        ("最近厂里事多 我天天加班到半夜 腰疼得直不起来 贴了膏药也不管用 "
         "你知道附近哪家中医推拿比较好吗 最好周末也开门的", "out_of_scope", ()),
    ],
    "ask_capabilities": [
        ("我是第一次用这个 听同事说这个助手挺好用的 你都能帮我们企业干点什么 能办事还是只能咨询",
         "ask_capabilities", None),
    ],
    "bot_challenge": [
        ("你回答得这么快 每次都这么有条理 我有点怀疑 你到底是个真人在打字还是个机器人啊", "bot_challenge", None),
    ],
}

ASIDE = {
    "greet": [
        ("你好 我姓王 在县城开了个烘焙店 三个员工 第一次用这个平台 还不太会用 先打声招呼", "greet", None),
        ("您好您好 我是一家物流公司的行政专员 公司上个月刚从郑州整体搬过来 "
         "人生地不熟的 我后面有几个事想请教 先认识一下", "greet", None),
        ("晚上好 我是村里合作社的理事长 岁数大了 孩子教我用的这个 有点事想问问 先跟你问个好", "greet", None),
    ],
    "thank": [
        ("真是帮了大忙了 我本来以为要找中介花好几千 我们这种小本生意哪舍得 "
         "现在知道自己在网上就能办 钱也省了 太谢谢你了", "thank", None),
        ("谢谢啊 我一个开小卖部的 这些政策以前根本看不懂 你讲得跟拉家常一样 我一下就听明白了", "thank", None),
        ("感谢耐心解答 我前前后后问了你七八个问题你都没嫌烦 材料清单我已经打印出来贴在办公室墙上了", "thank", None),
    ],
    "goodbye": [
        ("好 我先下线了 孩子在哭闹 等我把他哄睡了 再把营业执照拍照整理好 改天再聊 拜拜", "goodbye", None),
        ("嗯嗯 明白了 我这就回厂里跟另外两个股东碰个头 让他们把字都签了 下礼拜一块儿拿过去 先不打扰你了 再见啊",
         "goodbye", None),
        ("ok 今天就这样 我下午要去银行开户 回来要是还有不清楚的地方再来问 先走了 88", "goodbye", None),
    ],
    "affirm": [
        ("好 没问题 就按你说的来 先把工单登记上 具体情况让那边部门的人打电话跟我核实就行", "affirm", None),
        ("对对 你理解得没错 我们不是要改名字也不是要迁地址 就是想问简易注销那块 你说吧 我拿笔记着呢", "affirm", None),
        ("嗯嗯 可以的 刚才你念的那些信息我跟营业执照上的一个一个核对过了 一个字都没错 就这么定了", "affirm", None),
    ],
    "deny": [
        ("算了不弄了 我刚打电话问了我们老板 他说这个事先放一放 等过完年再说 今天就不登记了", "deny", None),
        ("不需要 我们已经找了代账公司在帮我们弄 他们比较熟悉 我就是好奇来看看 你不用转人工", "deny", None),
        ("不了 谢谢你的好意 这个事我们跟街道那边已经私下沟通好了 人家也答应下个月整改 我们就不想再走投诉的流程了",
         "deny", None),
    ],
    "complain": [
        ("说好的新办企业房租补贴 申请材料半年前就交上去了 到现在一分钱没见到 打电话过去也没人接 这不是坑人吗",
         "complain", None),
        ("消防验收拖了快两个月了 每次约好了时间人都不来 也不说原因 我们装修好的店面一直开不了业 房租白白交着",
         "complain", None),
        ("城管天天来我们店门口拍照 说我们占道经营 可旁边几家店摆得比我们还多 就只罚我们 明显是针对人",
         "complain", None),
    ],
    "request_help": [
        ("园区门口那段路坑坑洼洼的 我们的货车每天进出都颠坏好几箱货 希望政府能帮忙协调修一下", "request_help", None),
        ("我们公司第一次参加政府采购投标 电子标书怎么做完全不会 能不能派个懂行的老师来给我们指导一下",
         "request_help", None),
        ("厂房的电一直是临时用电 电压不稳 机器老是跳闸 想申请正式接电 麻烦帮我们协调一下供电公司",
         "request_help", None),
    ],
    "ask_materials": [
        ("我们厂前年被市场监管罚过一次款 信用上一直挂着 现在投标都受影响 想做信用修复 得准备什么资料",
         "ask_materials", ('credit_repair',)),
        ("我们做了五年的建材生意 今年行情不好 账也清得差不多了 听说可以简易注销 需要提交哪些材料",
         "ask_materials", ('simple_deregistration',)),
    ],
    "ask_duration": [
        ("我们公司在开发区买了一块地 打算建个仓库 设计图纸都做好了 施工许可证办下来一般得多长时间",
         "ask_duration", ('construction_permit',)),
        ("我们去年因为地址联系不上被列入经营异常了 现在已经搬好了新地址 申请移出异常名录大概要等几天",
         "ask_duration", ('credit_repair',)),
    ],
    "ask_where": [
        ("老家的小作坊想注册成正规的食品公司 我人在外地打工走不开 企业开办能在哪里办 网上可以吗",
         "ask_where", ('company_setup',)),
        ("我们厂区去年扩建了一栋三层的车间 新上的几台设备功率大 需要重新报装一路用电 听说现在不用跑供电所了 在哪里申请",
         "ask_where", ('utility_connection',)),
    ],
    "ask_fee": [
        ("我们想在镇上开个私人牙科诊所 设备和人都找好了 就差手续 办诊所的那些证要花多少钱",
         "ask_fee", ('clinic_setup',)),
        ("我们公司这两年业务往外扩了 除了卖建材还想做装修 要在经营范围里加几项 听说现在是免费的 变更登记到底收不收钱",
         "ask_fee", ('business_change',)),
    ],
    "ask_eligibility": [
        ("我是个体工商户 开了个五金店 雇了两个人 年营业额一百来万 听说有中小企业扶持政策 我们这种够不够条件申请",
         "ask_eligibility", ('enterprise_policy',)),
        ("我们公司以前被列进过严重失信名单 现在罚款都交了 整改报告也写了 这种情况符合信用修复的条件吗",
         "ask_eligibility", ('credit_repair',)),
    ],
    "ask_procedure": [
        ("我们公司业务太多 手续又多又杂 听说政府有免费帮企业跑手续的服务 这个帮办代办具体是怎么个办法",
         "ask_procedure", ('assisted_service',)),
        ("我们厂的名字跟人家重了 工商说要先核名 公司名称自主申报是怎么操作的 我从来没弄过",
         "ask_procedure", ('name_declaration',)),
    ],
    "inform": [
        ("联系电话是18738165520 我们老板姓孙 公司名字是卫辉市宏远包装制品有限公司 有什么需要补充的随时找我",
         "inform", None),
        ("企业名称你写上 获嘉县顺通物流有限公司 代码是91410724MA45XB2Y3K 我手机号13603738842", "inform", None),
    ],
    "check_status": [
        ("月初我在平台上投诉过园区收费不合理的事 后来一直没注意看消息 不知道处理得怎么样了 帮我查查进度",
         "check_status", None),
        ("之前提过一个建议 关于办事大厅停车的 当时说会在几个工作日内回复 我想看一下现在有没有答复",
         "check_status", None),
    ],
    "urge": [
        ("我的工单已经超期好几天了 房东天天催我们搬 新店的执照迟迟下不来 请帮忙再催促一下经办的部门", "urge", None),
        ("麻烦加急处理一下 我们那批冷冻货还在仓库里 冷库不通电 每天都在坏 之前报的那个事能不能快点解决", "urge", None),
    ],
    "suggest": [
        ("每次填表格都要手写好几遍公司信息 其实系统里都有 建议做成一键带出来 能省不少时间", "suggest", None),
        ("我们做外贸的经常要开各种证明 跑好几个部门 提个建议 能不能把这些证明都放到一个窗口办", "suggest", None),
    ],
    "rate_service": [
        ("我要评价一下 非常满意 帮办员小李全程陪着我们跑手续 一周就把证拿到了 必须给好评", "rate_service", None),
        ("说实话不太满意 我的诉求最后就回了一句已转办 也没告诉我具体怎么处理的 给个差评", "rate_service", None),
    ],
    "human_handoff": [
        ("你说的这些我看不太懂 我们是做小生意的 文化不高 麻烦叫个真人来跟我讲 电话打过来也行", "human_handoff", None),
        ("问了半天还是没弄明白 我觉得还是得找个人工 这个事涉及到钱 我不敢出错 转个客服吧", "human_handoff", None),
    ],
    "out_of_scope": [
        ("我老家的宅基地跟邻居有纠纷 他家盖房子占了我们家半米 村里调解了好几次都没用 你说该怎么办", "out_of_scope", ()),
        ("周末想带家人出去玩 你给推荐推荐附近有什么好玩的地方 不要太远 开车一两个小时以内的", "out_of_scope", ()),
    ],
    "ask_capabilities": [
        ("我们公司刚注册 什么都不懂 想先弄清楚你这个平台到底能管哪些事 能不能帮忙提交材料", "ask_capabilities", None),
    ],
    "bot_challenge": [
        ("刚才那几句话说得跟人一样 一点都不像机器 我问问你 你是不是人工智能 后台是不是有真人盯着在看",
         "bot_challenge", None),
    ],
}


def parse(model=None) -> list:
    """Each sentence of both halves as (half, class, (text, intent, procedures), parse result) through ``model``
    (the current one when None); the model is loaded once."""
    import asyncio
    import os
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    from evaluate import _parse_all
    from modelcache import ensure_model, rasa_env

    os.chdir(root)
    os.environ.update(rasa_env())
    model = Path(model) if model else ensure_model()
    lines = [(half, name, line) for half, classes in (("tuned", TUNED), ("aside", ASIDE))
             for name, group in classes.items() for line in group]
    parsed = asyncio.run(_parse_all(model, [line[0] for _, _, line in lines]))
    return [(*line, p) for line, p in zip(lines, parsed, strict=True)]


def figures(results: list, half: str) -> dict:
    """Served and classifier-alone counts right and intent macro-F1 of ``half`` (a served line is right with its
    intent and, when given, its procedures; the classifier's with its intent)."""
    from nlu_metrics import procedures_of
    from own_sentences_20 import intent_f1

    served, alone, ok_served, ok_alone = [], [], 0, 0
    for h, _, (_, intent, procs), p in results:
        if h != half:
            continue
        got = p["intent"]["name"]
        classified = (p.get("understanding") or {}).get("classified_intent") or got
        served.append((intent, got))
        alone.append((intent, classified))
        found = set(procedures_of(p.get("entities") or []))
        ok_served += got == intent and (procs is None or found == set(procs))
        ok_alone += classified == intent
    f1_served, f1_alone = intent_f1(served), intent_f1(alone)
    return {"n": len(served), "served": ok_served, "alone": ok_alone,
            "served_f1": sum(f1_served.values()) / max(len(f1_served), 1),
            "alone_f1": sum(f1_alone.values()) / max(len(f1_alone), 1)}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    results = parse(sys.argv[1] if len(sys.argv) > 1 else None)
    from nlu_metrics import procedures_of  # on the path once parse() has put scripts/ there

    for half, _, (text, intent, _procs), p in results:
        reading = p.get("understanding") or {}
        print(f"  {half} {intent:16} → {p['intent']['name']} {p['intent'].get('confidence', 0):.2f} "
              f"(classifier {reading.get('classified_intent')}, {reading.get('reason')}) "
              f"{list(procedures_of(p.get('entities') or []))} {text}")
    for half in ("tuned", "aside"):
        f = figures(results, half)
        print(f"{half}: served {f['served']} of {f['n']} (macro-F1 {f['served_f1']:.3f}), "
              f"classifier alone {f['alone']} of {f['n']} (macro-F1 {f['alone_f1']:.3f})")
