"""Round sixteen's (nlu19) own sentences, written from the user's side before any change:
(text, intent, procedures or None when any will do). ``TUNED`` were looked at while fixing; ``ASIDE``
were never tuned on. Scored with a model: ``python tests/nlu/own_sentences_19.py [model]``.

What each class should be read as, decided from the specification and the guides' texts:
- the platform's own process: what the platform lets one do with a ticket (withdraw, change, anonymity,
  who runs it) is ``ask_capabilities``; one's own ticket to look up is ``check_status``; what follows a
  bad rating is a rule (``ask_procedure``); how long a complaint waits for an answer is the complaint
  channels' time limit (``ask_duration`` + complaint_process).
- near misses out of scope (a tax rate, a lawsuit, a private matter, another city's rule, a rule to bend,
  an officer's own phone) are ``out_of_scope``; a greeting with who one is is a greeting; with a question,
  that question.
- procedure words nobody lists: a branch or a foreign-invested firm newly set up is 企业开办 (its conditions:
  «在本市新设立的公司…等»); a move, capital up or down, shares sold, the scope changed are 变更登记;
  a pause (歇业) and a revoked licence (吊销) are no guide's; the trade opening (奶茶店) is 企业开办, a
  site to build (工地) 施工许可, power for a plant 水电气热接入.
"""

TUNED = {
    "platform_process": [
        ("工单提交了还能撤回不", "ask_capabilities", ()),
        ("在这儿投诉能匿名吗", "ask_capabilities", ()),
        ("你们这平台背后是谁在处理啊", "ask_capabilities", ()),
        ("提交之后还能改内容吗", "ask_capabilities", ()),
        ("能帮我查下上个月提的那个单子不", "check_status", ()),
        ("我前两周反映的那个事 能查到吗", "check_status", ()),
        ("给了差评会咋样 会不会以后办事被穿小鞋", "ask_procedure", None),
        ("投诉了一般几天有回音", "ask_duration", ("complaint_process",)),
        ("反映的问题多久能给个答复", "ask_duration", ("complaint_process",)),
    ],
    "near_misses": [
        ("小规模纳税人现在税率多少", "out_of_scope", ()),
        ("被供应商告了 要打官司咋办", "out_of_scope", ()),
        ("我跟我老婆闹离婚 财产咋分", "out_of_scope", ()),
        ("能不能通融一下 材料差一份先给办了", "out_of_scope", ()),
        ("帮我走个后门呗", "out_of_scope", ()),
        ("把经办人的手机号给我", "out_of_scope", ()),
        ("苏州那边开公司要几天", "out_of_scope", ()),
    ],
    "greeting_told": [
        ("你好 我是开饭馆的老王", "greet", ()),
        ("您好 我是做建材生意的 姓李", "greet", ()),
        ("你好 我是开奶茶店的 想问下办照要带啥", "ask_materials", ("company_setup",)),
    ],
    "unlisted_procedure": [
        ("想在市里开个分公司 咋弄", "ask_procedure", ("company_setup",)),
        ("再开一家分店要重新办执照吗", "ask_procedure", ("company_setup",)),
        ("外资企业新设立要带哪些材料", "ask_materials", ("company_setup",)),
        ("公司要搬到别的区 手续咋办", "ask_procedure", ("business_change",)),
        ("想增资到500万 怎么弄", "ask_procedure", ("business_change",)),
        ("换股东要多久", "ask_duration", ("business_change",)),
        ("改经营范围能网上办吗", "ask_where", ("business_change",)),
        ("店想歇业几个月 要办啥手续", "ask_procedure", ()),
        ("执照被吊销了怎么办", "ask_procedure", ()),
        ("用自己住宅当经营场所行不行", "ask_eligibility", ("company_setup",)),
    ],
    "trade_need": [
        ("开奶茶店要办哪些手续", "ask_procedure", ("company_setup",)),
        ("工地开工前要办啥证", "ask_procedure", ("construction_permit",)),
        ("厂房用电咋申请", "ask_procedure", ("utility_connection",)),
    ],
}

ASIDE = {
    "platform_process": [
        ("单子提交错了 能撤销吗", "ask_capabilities", ()),
        ("我在这提的诉求别人能看到吗", "ask_capabilities", ()),
        ("你们是哪个单位在运营的", "ask_capabilities", ()),
        ("能看下我上回那个投诉到哪了吗", "check_status", ()),
        ("帮忙查查我上个月的单子", "check_status", ()),
        ("差评以后还会有人来找我吗", "ask_procedure", None),
        ("打了差评会影响我们公司以后审批吗", "ask_procedure", None),
        ("投诉完多长时间有人联系", "ask_duration", ("complaint_process",)),
    ],
    "near_misses": [
        ("个税起征点是多少", "out_of_scope", ()),
        ("劳动仲裁怎么申请", "out_of_scope", ()),
        ("我家孩子上学的事能问吗", "out_of_scope", ()),
        ("隔壁市注销是不是简单点", "out_of_scope", ()),
        ("能不能给我开个绿灯", "out_of_scope", ()),
        ("找个熟人帮我插个队", "out_of_scope", ()),
        ("审批那个科长电话多少", "out_of_scope", ()),
    ],
    "greeting_told": [
        ("你好啊 我是搞物流的小张", "greet", ()),
        ("在吗 我是开诊所的王医生", "greet", ()),
        ("你好 请问开诊所要啥材料", "ask_materials", ("clinic_setup",)),
    ],
    "unlisted_procedure": [
        ("设个分公司要多久", "ask_duration", ("company_setup",)),
        ("外商投资的公司新办在哪办", "ask_where", ("company_setup",)),
        ("公司从东区迁到西区 要带啥", "ask_materials", ("business_change",)),
        ("减资的流程是啥", "ask_procedure", ("business_change",)),
        ("股权转让给别人 要交啥材料", "ask_materials", ("business_change",)),
        ("公司暂时歇业一年 需要备案吗", "ask_procedure", ()),
        ("执照吊销了还能办简易注销吗", "ask_eligibility", ("simple_deregistration",)),
        ("个体户营业执照怎么办", "ask_procedure", ("company_setup",)),
    ],
    "trade_need": [
        ("开个诊所要啥手续", "ask_procedure", ("clinic_setup",)),
        ("工地临时用电去哪申请", "ask_where", ("utility_connection",)),
        ("开奶茶店办照要多少钱", "ask_fee", ("company_setup",)),
    ],
}


def main() -> None:
    """Scores the sentences with a model: ``python tests/nlu/own_sentences_19.py [model]``."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from own_sentences_16 import score

    score(TUNED, ASIDE)


if __name__ == "__main__":
    main()
