"""Questions about how a time limit is counted: weekends, statutory holidays, 调休, 顺延.

Every time limit here — a ticket's (``knowledge/sla_policies.yml``) and a guide's (承诺N个工作日) —
counts working days of the official calendar (:mod:`bot.workdays`): Saturdays, Sundays and the
statutory holidays are not counted, the weekends the State Council makes working days (调休上班) are,
the day of receipt is not, and a limit of N ends at 23:59 of the N-th working day after it. «周末算不
算在时限里», «碰上国庆放假会顺延不», «调休那天上班算不算» ask that rule, not a procedure or a clause
(the texts never say how their working days are counted): the answer is the rule, and the user's own
ticket's due date where the conversation filed one (``actions/procedures.py``).
"""
from __future__ import annotations

import re

from bot.language.normalize import normalize

#: Days that may or may not count: weekends, holidays, the days moved by 调休.
_DAYS = re.compile(r"周末|周六|周日|周天|星期[六日天]|礼拜[六日天]|双休|休息日|节假日|假期|假日|放假|法定假|过节|节日"
                   r"|春节|过年|国庆|五一|元旦|清明|端午|中秋|调休|补班")
#: … asked of a time limit: whether they count, or what happens to the limit («算不算», «包括…吗», «顺延»).
_COUNTED = re.compile(r"算不算|算吗|算么|算进|算在|算入|计入|计不计|计算|不算|包括|包含|含不含|含吗|扣除|除去|刨去"
                      r"|顺延|往后延|延后|往后推|推迟|期限|时限|工作日|咋算|怎么算|如何算|怎样算")


def asks_the_clock(text: str) -> bool:
    """True when ``text`` asks how days off count in a time limit («周末算不算在时限里», «赶上春节放假
    期限咋算», «这几个工作日包括周末吗»); never a day named for something else («周末能办吗», «国庆节
    窗口上班吗»: whether the office is open is where it is done, not the clock)."""
    normal = normalize(text or "")
    return (bool(_DAYS.search(normal)) and bool(_COUNTED.search(normal))) or bool(_RECEIPT_COUNTED.search(normal))


#: Whether the day of receipt counts, asked («是从受理那天开始算吗», «受理当天算不算», «从交材料第二天算起吗»).
_RECEIPT_COUNTED = re.compile(r"(?:受理|收件|提交|交材料|立案|登记)(?:的)?(?:那天|当天|那一天|当日|第二天|次日)"
                              r"(?:开始)?(?:算|数|计)(?:起)?(?:吗|么|不|不算|呢)|(?:受理|收件|提交)(?:的)?(?:那天|当天|当日)"
                              r"(?:算不算|算吗|算不)"
                              # («5个工作日从哪天开始数», «那5个工作日是从哪一天开始数的»: the day counting starts)
                              r"|(?:工作日|时限|期限)[^,,。]{0,4}?(?:从(?:哪天|哪一天|什么时候|啥时候|几号)(?:开始|起)?"
                              r"|(?:哪天|哪一天|什么时候|啥时候|几号)(?:开始|起))(?:算|数|计|起算)"
                              r"|从(?:哪天|哪一天|什么时候|啥时候)(?:开始|起)(?:算|数|计)[^,,。]{0,4}?工作日")
