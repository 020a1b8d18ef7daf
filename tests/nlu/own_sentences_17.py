"""Round fourteen's (nlu17) own sentences, written from the user's side before any change:
(text, intent, procedures or None when any will do). ``TUNED`` were looked at while fixing; ``ASIDE``
were never tuned on. Scored with a model: ``python tests/nlu/own_sentences_17.py [model]``."""

TUNED = {
    "check_status": [
        ("我上礼拜反映那事 现在啥情况了", "check_status", ()),
        ("单子到哪一步了 帮我瞅瞅", "check_status", ()),
        ("ys20261120 0015 查下进度", "check_status", ()),
        ("之前投诉窗口的那个 有回音没", "check_status", ()),
        ("我提的那个建议有人看了没", "check_status", ()),
        ("处理结果出来没啊", "check_status", ()),
    ],
    "ask_capabilities": [
        ("你这都能干点啥", "ask_capabilities", ()),
        ("这个小助手能帮企业办啥事", "ask_capabilities", ()),
        ("除了问办事 还能投诉不", "ask_capabilities", ()),
        ("你能查哪些东西", "ask_capabilities", ()),
        ("有啥功能 说说", "ask_capabilities", ()),
        ("这玩意儿能干嘛用的", "ask_capabilities", ()),
    ],
    "ask_procedure": [
        ("开个公司是个啥流程", "ask_procedure", ("company_setup",)),
        ("简易注销咋弄 一步步说下", "ask_procedure", ("simple_deregistration",)),
        ("信用修复具体怎么操作", "ask_procedure", ("credit_repair",)),
        ("想接个自来水 得走啥手续", "ask_procedure", ("utility_connection",)),
        ("那施工许可怎么个办法", "ask_procedure", ("construction_permit",)),
        ("帮办代办是怎么个帮法", "ask_procedure", ("assisted_service",)),
    ],
    "ask_where": [
        ("营业执照变更去哪儿弄", "ask_where", ("business_change",)),
        ("信用修复找哪个部门", "ask_where", ("credit_repair",)),
        ("接电申请到哪交", "ask_where", ("utility_connection",)),
        ("网上哪里能报名称", "ask_where", ("name_declaration",)),
        ("施工许可在哪个窗口交材料", "ask_where", ("construction_permit",)),
        ("简易注销可以在手机上办不", "ask_where", ("simple_deregistration",)),
    ],
    "urge": [
        ("麻烦快点给弄 我这等着开业呢", "urge", ()),
        ("这都第几天了 能不能抓点紧", "urge", ()),
        ("下礼拜一之前务必给办了", "urge", ()),
        ("能不能加急 月底前必须通电", "urge", None),
        ("让他们别拖了 赶紧的", "urge", ()),
        ("再帮我推一推 急用", "urge", ()),
    ],
    "inform": [
        ("公司叫恒达建材有限公司", "inform", ()),
        ("联系人 王建国", "inform", ()),
        ("我电话13912345678", "inform", ()),
        ("在经开区那边", "inform", ()),
        ("单号是YS202611200015", "inform", ()),
        ("信用代码91410700MA44ABCD1X", "inform", ()),
    ],
    # item 2: a rule of inspection or enforcement, or who decides between offices, asked (not a complaint)
    "rule_asked": [
        ("执法的来检查 是不是得提前打招呼啊", "ask_procedure", None),
        ("听说第一次违规可以不罚 是真的不", "ask_eligibility", ("lenient_enforcement",)),
        ("两个部门都说不归自己管 到底谁说了算", "ask_procedure", None),
        ("一个月来查三回 按规定这样可以吗", "ask_procedure", None),
    ],
    # item 2: a bad rating of a window asked for
    "rating": [
        ("给那个窗口打个差评 态度太恶劣了", "rate_service", ()),
        ("我要给三号窗口差评 材料都不看就退回来", "rate_service", ()),
        ("想给办事员打个一星 爱答不理的", "rate_service", ()),
    ],
    # item 2: a branch in another city
    "elsewhere": [
        ("我们在杭州的分公司要注销 你们能办吗", "out_of_scope", None),
        ("外地那个分厂想变更法人 流程咋走", "out_of_scope", None),
        ("广州的子公司要注销 你给说说", "out_of_scope", None),
    ],
    # item 3: complaints and requests that only brush a procedure: they name none
    "brushes": [
        ("能不能帮我们企业对接一下人社那边的招工", "request_help", ()),
        ("我是鼎盛科技有限公司的办公室主任 想反映个事", "complain", ()),
        ("帮我们协调下税务那边的培训", "request_help", ()),
        ("公司行政经理 想问问你们能帮着找找场地不", "request_help", ()),
    ],
}

ASIDE = {
    "check_status": [
        ("我那投诉咋样了 有人管没", "check_status", ()),
        ("帮我查查上回那个单子", "check_status", ()),
        ("前几天提的诉求 现在谁在办", "check_status", ()),
        ("之前那个求助办完没", "check_status", ()),
        ("进度能查不 YS202611250003", "check_status", ()),
    ],
    "ask_capabilities": [
        ("你会啥啊", "ask_capabilities", ()),
        ("在这能办哪些业务", "ask_capabilities", ()),
        ("你们这个平台是干啥的", "ask_capabilities", ()),
        ("能帮我做什么 简单说说", "ask_capabilities", ()),
        ("都有哪些服务啊", "ask_capabilities", ()),
    ],
    "ask_procedure": [
        ("注册公司咋整", "ask_procedure", ("company_setup",)),
        ("诊所备案怎么走流程", "ask_procedure", ("clinic_setup",)),
        ("电子保函咋个办法", "ask_procedure", ("bid_guarantee",)),
        ("名称自主申报怎么弄啊", "ask_procedure", ("name_declaration",)),
        ("一般注销要走哪些步骤", "ask_procedure", ("general_deregistration",)),
    ],
    "ask_where": [
        ("注销公司跑哪去办", "ask_where", None),
        ("诊所备案的窗口在哪", "ask_where", ("clinic_setup",)),
        ("电子保函上哪开", "ask_where", ("bid_guarantee",)),
        ("惠企政策在哪申请啊", "ask_where", ("enterprise_policy",)),
        ("施工许可网上哪能办", "ask_where", ("construction_permit",)),
    ],
    "urge": [
        ("抓紧点行不 急死了", "urge", ()),
        ("这周五前一定给个结果", "urge", ()),
        ("拖太久了 麻烦尽快办", "urge", ()),
        ("能不能快马加鞭 等着用", "urge", ()),
        ("赶紧给我们处理了吧", "urge", ()),
    ],
    "inform": [
        ("企业名称 利民食品厂", "inform", ()),
        ("我姓刘 刘女士", "inform", ()),
        ("手机号是15837261234", "inform", ()),
        ("地址在高新区科技路18号", "inform", ()),
        ("联系人李工 电话13700001111", "inform", ()),
    ],
    "rule_asked": [
        ("来厂里检查要不要出示证件啊", "ask_procedure", None),
        ("几个部门扯皮 最后谁来拍板", "ask_procedure", None),
        ("说是头一回不罚 真的假的", "ask_eligibility", ("lenient_enforcement",)),
    ],
    "rating": [
        ("那个窗口的服务我要打差评", "rate_service", ()),
        ("给大厅的工作人员差评 态度差", "rate_service", ()),
    ],
    "elsewhere": [
        ("深圳的分公司也能在你们这注销吗", "out_of_scope", None),
        ("我们外省的分店要变更地址 咋弄", "out_of_scope", None),
    ],
    "brushes": [
        ("帮我们对接一下银行那边的贷款", "request_help", ()),
        ("我是华鑫物流有限公司的经理 想投诉个事", "complain", ()),
        ("能不能帮我们联系下人社的用工补贴", "request_help", ()),
    ],
}


def main() -> None:
    """Scores the sentences with a model: ``python tests/nlu/own_sentences_17.py [model]``."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from own_sentences_16 import score

    score(TUNED, ASIDE)


if __name__ == "__main__":
    main()
