"""Reading a message for its route, and a bidding project for its sector."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.routes.lexicon import ORDER, RouteLexicon, Sector, fold
from bot.sla.selection import Route
from bot.text import SURNAME_TEXT


@dataclass(frozen=True)
class RouteHint:
    """What the words say about the route.

    Attributes:
        route: the route the words point to (window when none).
        word: the word that decided it, as written in the lexicon (folded).
        sector: for a bidding complaint, the kind of project when the words tell it.
    """

    route: Route
    word: str | None = None
    sector: Sector | None = None

    @property
    def claims_supervisor(self) -> bool:
        """True when the speaker says they are a 特邀监督员 (still to be checked in the register)."""
        return self.route is Route.SUPERVISOR


def sector_of(lexicon: RouteLexicon, *texts: str | None) -> Sector | None:
    """The sector whose words occur most often in ``texts`` (file order breaks ties), or None."""
    folded = fold(" ".join(t for t in texts if t))
    best, best_count = None, 0
    for sector in lexicon.sectors:
        count = sum(folded.count(word) for word in sector.words)
        if count > best_count:
            best, best_count = sector, count
    return best


#: Getting a document from the platform («下载招标文件还收五百块», «领招标文件要排队»): the word
#: names what the trading platform serves, and a complaint about that service keeps the
#: ordinary rule (knowledge/ticket_routes.yml), as «交易中心窗口态度差» does.
_SERVED = re.compile(r"(?:下载|下|获取|领取|领|购买|买|打印)(?:个|了|份)?$")
_SERVED_AFTER = re.compile(r"(?:的)?(?:下载|获取|领取|购买|打印)")
#: The platform's own equipment and service right after the word («开标系统老是卡», «开标大厅没空调»,
#: «投标保证金的系统退不了»): a complaint about the trading platform's service keeps the ordinary rule.
_PLATFORM_AFTER = re.compile(r"(?:的)?(?:系统|平台|网站|网页|软件|app|客户端|大厅|直播|视频|网络|网速)")


#: A report signed with the post and the name first («监督员郑明 …», «特邀监督员 王芳 …»).
_SUPERVISOR_SIGNS = re.compile(rf"^(?:我是)?(?:营商环境)?(?:特邀)?监督员[\s,,::]*[{SURNAME_TEXT}][\u4e00-\u9fa5]{{1,2}}"
                               r"(?=[\s,,::]|1[3-9]\d)")


def _contested(folded: str, word: str) -> bool:
    """True when ``word`` occurs in ``folded`` other than as a document got from the platform or
    as the platform's own system or hall."""
    start = folded.find(word)
    while start >= 0:
        end = start + len(word)
        if not _SERVED.search(folded[:start]) and not _SERVED_AFTER.match(folded, end) \
                and not _PLATFORM_AFTER.match(folded, end):
            return True
        start = folded.find(word, start + 1)
    return False


def recognise(lexicon: RouteLexicon, text: str | None) -> RouteHint:
    """The route ``text`` asks for: supervisor, bidding or mayor by their words, else window.

    «我要向市长反映,厂门口道路封了三个月» → mayor; «上周那个标段的评标结果不公平» →
    bidding; «我是特邀监督员,反映一下…» → supervisor (a claim); «交易中心窗口态度差» →
    window.
    """
    folded = fold(text or "")
    if _SUPERVISOR_SIGNS.match(folded):
        # «监督员郑明 13512349999 反映一下 …»: the post and the name open the message, as one signs a report (it was
        # filed as 企业:郑明 on the ordinary rule, the register never read)
        return RouteHint(Route.SUPERVISOR, "监督员")
    for route in ORDER:
        word = next((w for w in lexicon.words_of(route) if _contested(folded, w)), None)
        if word is not None:
            sector = sector_of(lexicon, text) if route is Route.BIDDING else None
            return RouteHint(route, word, sector)
    return RouteHint(Route.WINDOW)


def bidding_department(lexicon: RouteLexicon, hint: RouteHint, named: str | None) -> str | None:
    """Where a bidding complaint goes: the 行业监督部门 of its project, never the trading centre.

    The sector's department when the words tell the kind of project; else ``named`` (the
    department the words or the user named) if it supervises bidding; else None (to ask).
    """
    if hint.sector is not None:
        return hint.sector.department
    return named if named in lexicon.supervising_departments else None
