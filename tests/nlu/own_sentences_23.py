"""Round eighteen's (long23) own sentences: long messages (roughly 30–130 characters, with details, life context,
courtesy, voice-typed run-ons) read for what they ask, written from the user's side before any change, in words of
our own (not any set's): (text, intent, procedures or None when any will do). ``TUNED`` were looked at while fixing;
``ASIDE`` were never tuned on. Scored with a model: ``python tests/nlu/own_sentences_23.py [model]`` (the count
right per class and per-intent F1 of each half).

What each class should be read as, decided from the specification: a long message is what it asks or says —
thanks that tell the trouble saved are ``thank``; a farewell that lists what will be brought is ``goodbye``; a yes
that repeats what was meant is ``affirm``; a no with its reason is ``deny``; a greeting with a self-introduction is
``greet``; a person asked for with reasons is ``human_handoff``; a rating with its reason is ``rate_service``; a
status check or an urge with background is that; a procedure question after the firm's story is that question; a
suggestion with its story is ``suggest``; a personal matter told at length is ``out_of_scope``.
"""

TUNED = {
    "thank": [
        ("谢谢你啊 我们会计请假了 老板让我来弄这个 我一点头绪都没有 现在总算知道先干啥后干啥了", "thank", None),
        ("真的多谢 昨晚上翻了一晚上网页 越看越糊涂 你几句话就给我讲清楚了 省了我好多事", "thank", None),
        ("感谢感谢 本来打算明天请一天假去大厅排队问的 现在不用去了 材料我回头自己准备", "thank", None),
        ("谢了啊 你说的那几样东西我都一条条记在本子上了 这下心里有底了 回去好跟老板交代", "thank", None),
    ],
    "goodbye": [
        ("好嘞 那我先撤了 下礼拜把公章 身份证原件还有租房合同一起带上再来 拜拜", "goodbye", None),
        ("行 今天就先到这儿吧 我回去跟老板商量商量 明天带齐了材料再过来 再见", "goodbye", None),
        ("那先这样 我得去学校接孩子放学了 剩下的那些问题我改天再上来问 再会", "goodbye", None),
        ("好 我先下线了 回头把房产证复印件和股东会决议都准备好了再联系你们 拜", "goodbye", None),
    ],
    "affirm": [
        ("对对对 我就是想问那个公司注销的事 不是变更 你接着往下说吧 我听着呢", "affirm", None),
        ("是的没错 就是刚才说的厂房水电报装那件事 你继续讲吧 我一条条记着", "affirm", None),
        ("嗯 就是这个意思 我就是想把流程从头到尾弄清楚 你往下讲 我不打断你了", "affirm", None),
        ("好的 可以的 就按你刚才说的那样给我登记上吧 我这边没有别的要补充的了", "affirm", None),
    ],
    "deny": [
        ("先别提交 我还得回去跟财务核对一下金额和日期 万一写错了后面不好改", "deny", None),
        ("不用了 我刚想起来这个事我们公司法务已经在跟进了 就不麻烦你们了", "deny", None),
        ("不用 我们公司自己有专门跑手续的人 我就是替他先了解一下 不需要你们帮办", "deny", None),
        ("暂时不要登记 我们老板还没点头 这种事我一个小职员自己做不了主", "deny", None),
    ],
    "greet": [
        ("你好 我是开小饭馆的 今年五十好几了 眼睛花 字打得慢 你别嫌我啰嗦啊", "greet", None),
        ("您好 我刚从外地回老家来 打算在镇上开个小超市 之前没接触过这些 先打个招呼", "greet", None),
        ("哈喽 我是一家装修公司的行政 刚入职没几天 好多东西都不懂 以后可能常来麻烦你", "greet", None),
        ("你好呀 我是替我爸来的 他不会用智能手机 字也认不全 我在旁边帮他打字", "greet", None),
    ],
    "human_handoff": [
        ("我年纪大了 打字老出错 说也说不清楚 麻烦帮我找个工作人员打电话跟我讲", "human_handoff", None),
        ("你这个回答得太绕了 我的情况比较复杂 一两句话说不清 还是让人工来跟我说吧", "human_handoff", None),
        ("我们的事涉及好几个部门 前后经过讲起来很长 能不能安排个真人客服跟我对接一下", "human_handoff", None),
        ("我眼睛不好 看不清屏幕上的小字 有没有工作人员能直接跟我通个电话", "human_handoff", None),
    ],
    "rate_service": [
        ("给个好评吧 上次那个窗口的小姑娘很耐心 一样一样帮我核对材料 没让我白跑", "rate_service", None),
        ("我打五星 我们的问题两天就解决了 办完以后还专门打电话回访了一次", "rate_service", None),
        ("评价一下 不太满意 虽然事最后是办完了 但中间没人告诉我进度 全靠自己打听", "rate_service", None),
        ("给差评 回复就一句已转交相关部门 后面就再也没有消息了 等于没处理", "rate_service", None),
    ],
    "check_status": [
        ("上个月我在这反映过园区断水的事 当时给了个编号我没存下来 麻烦看看现在处理到哪了", "check_status", None),
        ("我前阵子提交过一个求助 说的是开票系统老出错的问题 到现在也没人联系我 能查一下吗", "check_status", None),
        ("之前投诉过一次审批拖延 那个单子后来怎么样了 有没有结果 用的就是我现在这个手机号", "check_status", None),
        ("两个礼拜前我们老板在这儿登记过一个建议 他让我来问问 有没有人看过回复了没有", "check_status", None),
    ],
    "urge": [
        ("我的单子已经超过时限好几天了 下礼拜客户就要来验厂 再不解决真耽误事了 麻烦再催一下", "urge", None),
        ("我们仓库一直没通电 冷柜里的货全放不住了 每天都在亏钱 求你们赶紧再催催那边", "urge", None),
        ("工人工资等着这笔退税发 眼看就要过年了 请务必帮我再催一下那边", "urge", None),
        ("那个工单拖了二十多天了 合同违约金马上就要赔了 能不能帮忙加急再催一次", "urge", None),
    ],
    "question": [
        ("我们是家做了十几年的五金小厂 以前一直是个体户 现在想转成公司 注册公司需要准备哪些材料",
         "ask_materials", ("company_setup",)),
        ("我们厂这两年订单越来越少 老板年纪也大了 打算不干了 账上也没欠钱 简易注销大概要多长时间",
         "ask_duration", ("simple_deregistration",)),
        ("我和两个朋友合伙 之前在别的城市干过口腔门诊 现在想回这边开一家诊所 开诊所要去哪儿办",
         "ask_where", ("clinic_setup",)),
        ("我们是做建筑的 刚中了一个标 对方要交投标保证金 听同行说可以开电子保函 这个收不收费",
         "ask_fee", ("bid_guarantee",)),
    ],
    "suggest": [
        ("上次来办事排了两个小时队 旁边好多老人不会用取号机 建议大厅里多安排一个引导员", "suggest", None),
        ("你们网站上的材料清单太分散了 我找了半天才凑齐 希望能把每个事项要带的东西做成一张表", "suggest", None),
        ("我们这些外地来投资的老板经常搞不懂本地政策 我觉得可以出一本简单点的办事小手册", "suggest", None),
        ("每次来交材料都要复印好多份 其实系统里早就有了 建议以后少交点纸质的", "suggest", None),
    ],
    "out_of_scope": [
        ("我跟我老公最近在闹离婚 家里天天吵得不行 孩子也跟着受罪 你说我该怎么办才好", "out_of_scope", ()),
        ("我儿子今年高考分数不太理想 想问问复读好还是去读个专科好 你给点意见吧", "out_of_scope", ()),
        ("我家楼上漏水把我家天花板泡坏了 物业推给楼上 楼上说不关他的事 这可咋整", "out_of_scope", ()),
        ("最近老是失眠 天天为厂里的事发愁 半夜三点还睡不着 你有没有什么助眠的好办法", "out_of_scope", ()),
    ],
}

ASIDE = {
    "thank": [
        ("非常感谢 我妈开的小卖部一直不知道年报咋弄 我是替她问的 现在可以回去教她了", "thank", None),
        ("好的谢谢你 比打电话问强多了 热线老占线 我打了一上午都没打进去", "thank", None),
    ],
    "goodbye": [
        ("我要去开会了 先不聊了 营业执照副本和法人身份证我明天拿着去大厅 回见", "goodbye", None),
        ("嗯那就这样 等我把厂房的租赁合同签下来了再来找你 拜拜啦", "goodbye", None),
    ],
    "affirm": [
        ("对 你理解得一点没错 我说的就是招投标保证金那一块 你接着说", "affirm", None),
        ("行 就这么办吧 我刚才说的那些你都记下来了的话 就帮我提交上去", "affirm", None),
    ],
    "deny": [
        ("不了不了 今天太晚了 等我回去把合同翻出来仔细看看再说 现在先不弄", "deny", None),
        ("不用转了 我就是随便问问 真要办的时候我自己跑一趟窗口就行", "deny", None),
    ],
    "greet": [
        ("早上好 我们是一家种蘑菇的合作社 社员都是村里的老人 我是会计 平时不太上网", "greet", None),
        ("你好 我是刚毕业的大学生 准备回村里搞电商 什么都不懂 先跟你打声招呼", "greet", None),
    ],
    "human_handoff": [
        ("这事牵扯到股权和税务 我怕跟机器说错了 想找个懂行的人工客服聊聊", "human_handoff", None),
        ("我普通话不太好 打字也慢 麻烦给我转个真人吧 我想在电话里问清楚", "human_handoff", None),
    ],
    "rate_service": [
        ("我要给个好评 工作人员周末还加班帮我们把证办下来了 真是辛苦了", "rate_service", None),
        ("打三分吧 结果还行 就是等的时间太长 前前后后拖了快一个月", "rate_service", None),
    ],
    "check_status": [
        ("我记得上周三在你们这儿提过一个诉求 关于厂区门口那条路的 帮我查查办到哪一步了", "check_status", None),
        ("年初我报过一个问题 号码弄丢了 不知道现在啥进展 能帮忙看下吗", "check_status", None),
    ],
    "urge": [
        ("开业日子都定好了 请柬也发出去了 证还没下来 麻烦你们再催一催", "urge", None),
        ("一批货压在码头等着那张证明 每天滞港费好几千 请一定帮我再催一下", "urge", None),
    ],
    "question": [
        ("去年因为年报没按时报 被列进经营异常名录了 现在银行贷款也受影响 想问下信用修复要带什么",
         "ask_materials", ("credit_repair",)),
        ("我们公司刚从隔壁区搬过来 营业执照上的地址还是老的 改地址要去哪里办",
         "ask_where", ("business_change",)),
    ],
    "suggest": [
        ("办执照那天停车位特别难找 我绕了好几圈 提个意见 大厅能不能多划点停车位", "suggest", None),
        ("晚上下了班想问事情都找不到人 希望以后线上咨询能多开一段时间", "suggest", None),
    ],
    "out_of_scope": [
        ("我爸住院了 医保报销那块一直搞不明白 医院让我去社保局问 你知道怎么报吗", "out_of_scope", ()),
        ("我家狗丢了三天了 小区监控物业不给看 急死我了 你能帮我想想办法吗", "out_of_scope", ()),
    ],
}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from own_sentences_20 import score

    score(TUNED, ASIDE)
