"""Which procedure a message is about, from everything the knowledge base says of it.

Evidence, strongest first (a procedure named as the state the enterprise is in or the time
of what happened, «上了异常名录还能走简易注销吗», «开标时说我们的保函不认», gives way to another
named; «帮我把信用修复办了» asks 信用修复, not the service of doing it):

1. a name or synonym written out (简易注销), also in traditional characters;
2. a name typed with a wrong character of the same sound (简易注消); any word that points
   at a procedure (a name, an ambiguous word, a cue's word: 营业只照, 诊所备按) is read as
   the word it sounds like before anything is matched (:func:`bot.language.sounds.correct`);
3. a cue of the procedure's file: a combination of everyday words (「法人|股东 + 换|变更」
   for 变更登记, 「开标 + 现场|远程」 for 不见面开标);
4. a word or cue that fits several procedures (注销; 「不想干了 + 公司」): the user is asked,
   with those procedures as the choices;
5. a term only one guide's text holds (税盘, 清算组, 施工图: Jieba's nouns, rare in its
   dictionary, from the summary, conditions and materials), for a question of its own about a
   procedure that names none (:meth:`ProcedureRecognizer.by_term`; the reading decides when);
6. the words the message shares with each procedure's text (name, summary, steps,
   materials, eligibility), ranked with BM25: a hint at which two or three procedures to
   offer when nothing above matched, never a decision.
"""
from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bot.knowledge.cues import Cue
from bot.language.abbreviations import clippings
from bot.language.lookalikes import NEAR_WORD, NearIndex, correct_near
from bot.language.memo import remembered
from bot.language.normalize import is_cjk, normalize
from bot.language.segmenter import jieba_ready
from bot.language.sounds import SoundIndex, correct, exact_sound, is_common_word, readings, word_tag
from bot.language.tokens import content_tokens, topic_tokens

#: Kinds of mention, strongest first.
NAME, SOUND, CUE, TEXT = "name", "sound", "cue", "text"
#: A word of a guide's text that no other guide's text holds points at that guide when it is
#: a term (Jieba's dictionary counts it at most this often: 税盘, 清算组, 图审; not 最多, 期限)
TERM_MAX_FREQ = 300
#: A word of its own this long (or longer) holding a cue's word names another thing when the
#: cue's word does not end it (工程师, 施工队; not 有限公司).
OTHER_WORD_CHARS = 3
#: … and a noun, a name or a verb used as one (Jieba's tags): not «按规定», «之日起», «最多».
TERM_TAGS = frozenset({"n", "nz", "nr", "nt", "vn", "j"})
#: BM25 candidates are offered only when the best scores at least this (a message sharing
#: one specific word pair with a procedure's text scores about 3) …
RELATED_MIN_SCORE = 2.5
#: … and holds at least this share of the message's topic words …
RELATED_COVERAGE = 0.4
#: … and only those above this share of the best candidate's score …
RELATED_SHARE = 0.6
#: … and at most this many.
MAX_RELATED = 3
#: Words before a procedure's name that make it the state the enterprise is in, not what it
#: asks about («上了异常名录还能走简易注销吗»: 简易注销 is asked, 信用修复 is the condition) …
STATE_BEFORE = ("上了", "进了", "列入", "列进", "拉进", "纳入", "被列", "列了", "挂了", "挂进", "挂上", "在",
                # … or the firm's age («刚成立半年的公司能申请技改补贴吗»)
                "刚", "刚刚", "新",
                # … or the time it is at («明天就开标了 现在办电子保函还来得及吗»)
                "明天", "后天", "今天", "马上", "就要", "快要", "下周", "明天就", "后天就", "今天就", "下周就",
                "马上就")
#: A cue that starts with one of these tells the state the enterprise is in («被列入失信名单还能
#: 申报补贴吗»: 列入…失信名单 is the state, the subsidy is asked about).
STATE_CUE = ("上了", "进了", "列入", "列进", "拉进", "拉入", "纳入", "被列", "列了", "被拉", "弄进", "搞进", "放进",
             "被放", "挂了", "挂进", "挂上")
#: A name right after one of these is the list the enterprise is on, not what it asks about
#: («进了异常名录能注册新公司不»: what a cue names beside it is asked).
ON_A_LIST = STATE_CUE
#: … and words after it that make it the time or the place of what happened («开标时说我们的
#: 保函不认»: 保函 is asked about, 开标 is when).
CONTEXT_AFTER = ("时", "的时候", "时候", "期间", "那天", "现场", "里的", "中的", "里面的")
#: … and words after a name that make it the time before what is asked («开标前押金要交多少»: the
#: money put down is asked about, 开标 is when).
WHEN_AFTER = ("前", "之前", "以前")
#: … and, after a procedure of two (a cue's too), what is done before it («个体户想转公司之前 先核个名»:
#: the name is asked, the company comes later).
BEFORE_IT = re.compile(r"[^\s,,。.;;!!??]{0,4}?(?:之前|以前)")
#: … and words right after a name of getting a licence that make it a licence had, acted on
#: («办营业执照变更», «领执照注销的表格»): the change or the closing is asked about.
LICENCE_ACTED_ON = re.compile(r"\s?的?(?:变更|变动|迁移|迁址|搬迁|注销|吊销|丢了|遗失|补办|补领|补发|换发"
                              r"|上的|地址|名称|经营范围)")
#: … and words after a name of registering that tell where the firm is registered («公司注册在新乡»; not «…在哪»).
REGISTERED_AT = re.compile(r"\s?(?:在|于)(?!哪|什么|啥|网|线|手机|这办|那办|这里办|本地办)[\u4e00-\u9fff]{2,6}")
#: A procedure right after these is what someone else made the enterprise do, not what it asks
#: about («明明符合简易注销 窗口非让走一般注销»: the complaint is about 简易注销).
OTHERS_BEFORE = re.compile(r"(让|要求|非要|硬要|逼着|逼|叫)(我们|我|咱|咱们)?(先|再|改|必须|只能)?"
                           r"(走|办|按|改走|去办)?$")
#: Words that make a firm the one described by a procedure done to it, not a procedure asked
#: («成立半年的公司», «注册不满一年的企业»): a cue's span with 的 before the firm.
#: A firm's own name given («公司名宿迁润达物流有限公司», «我是华鑫物流有限公司的经理», «单位:恒达建材有限公司»):
#: its words (宿迁's 迁, 物流) say nothing of a procedure.
FIRM_NAME = re.compile(r"(?:公司名称?|企业名称?|单位名称?|名称|名字|叫做?|我是|我们是|单位是?|公司是|来自)[是为:：\s]*"
                       r"(?P<name>(?:(?!改成|换成|变成|改为|更名|要改|要换|想改|想换|称)[\u4e00-\u9fff]){2,16}?"
                       r"(?:有限责任公司|股份有限公司|有限公司|集团公司|集团))")


def _firm_names_blanked(normal: str) -> str:
    """``normal`` with the firms' own names given blanked (positions kept; see :data:`FIRM_NAME`)."""
    for found in FIRM_NAME.finditer(normal):
        start, end = found.span("name")
        normal = normal[:start] + " " * (end - start) + normal[end:]
    return normal


#: A thing pointed at as the matter asked: «诊所那个…», «诊所的那个…», «那个诊所…».
POINTED_AFTER = ("那个", "的那个")
POINTED_BEFORE = ("那个",)
DESCRIBED = re.compile(r"的(公司|企业|厂|店|个体户|工作室)$")
#: Where a clause ends: a space or a mark, or a word that starts what is asked now («…办下来了
#: 现在就差通电»).
CLAUSE_BREAK = re.compile(r"[\s,,。.;;!!??、]+|(?=现在|这回|这次|这会|如今|目前|就差|还差)")
#: Told before the procedure, in its clause: it is the enterprise's past («之前办过变更登记 …»,
#: «刚办完施工许可 …», «已经有施工许可了 …»), not what is asked.
PAST_BEFORE = re.compile(r"(之前|以前|上次|上回|去年|前年|早先|原来|早就|已经|刚刚?)(在.{0,6})?"
                         r"(办|走|做|找|弄|搞|申请|交|开|拿|领|用|有|上|报|过)"
                         # (a time long past right before what was done: «之前在工商改过地址»)
                         r"|(之前|以前|上次|上回|去年|前年|早先|早就|已经)(在.{0,6})?$")
#: Told after it, in its clause: done, had («…都拿到了», «…交过了», «…已经弄好了», «核名通过了»), or set aside
#: («…那个先不管», «…太麻烦了», «…就不找了»).
DONE_OR_SET_ASIDE_AFTER = re.compile(
    r"^(?:证|的事|那个|这个|那边|这边|那块|那摊)?(?:都|早就|已经|也|早|是)?"
    r"(?:办|弄|拿|领|交|开|做|搞|批|走|审|备|申请|报|通|核|核准|审核|审批)?(?:过了|过|完了|完|好了|下来了|到手了|到了|"
    r"了(?!吗|没|么|不|多|几))"
    r"|先不管|不管了|先别管|别管|不用管|先不考虑|先放|放一放|不找了|不找|不用了|不考虑|不办了|不走了|不想走|算了|太贵|太麻烦|"
    r"太慢|太复杂|太难|收费太|要价太|价太高"
    # (tried and turned down: «简易注销驳回过一次 这回走一般注销»)
    r"|驳回|被退回|退回来|没批下来|没通过|走不通|行不通")
#: A firm's place described by what is done in it («开饭店那个铺面要通燃气»): the place, not the
#: procedure, is what the clause is about.
PLACE_AFTER = re.compile(r"^(?:的|那个|那间|那家|这个|这间)"
                         r"(?:铺面|门面|店面|房子|地方|厂房|场地|铺子|楼|店|院子|门店|厂)")


def _clause(normal: str, start: int, end: int) -> tuple[str, str]:
    """What stands before ``start`` and after ``end`` in the clause holding them."""
    breaks = [(b.start(), b.end()) for b in CLAUSE_BREAK.finditer(normal)]
    head_from = max((e for s, e in breaks if e <= start), default=0)
    tail_to = min((s for s, e in breaks if s >= end and (s > end or e > s)), default=len(normal))
    return normal[head_from:start], normal[end:tail_to]


#: A first inspection or fine the firm met, told right after the trade it runs («开诊所第一次被查到没公示执业信息»): the
#: trade is where it happened, the first violation's matter is asked …
ENFORCED_AFTER = re.compile(r"^\s*(?:的时候|时|期间|以来)?\s*(?:第一次|首次|初次|头一回|头一次|头回|第一回)"
                            r"(?:被|让|叫)?(?:人)?(?:[\u4e00-\u9fff]{1,4}?(?:局|委|部门))?(?:查|罚|处罚|检查|抽查|执法)")
#: … a trade, said as running it («开诊所», «经营药店»), not a procedure that may itself be the violation (补贴申报,
#: 告知承诺, 标准地's agreement, «开标», «办营业执照» with false papers) …
TRADE_RUN = re.compile(r"^(?:开|经营)(?!标)")
#: … of the guides that open a trade (not a permit or a bid that may itself be the violation: «办施工许可证…»).
TRADE_GUIDES = frozenset({"clinic_setup", "company_setup"})
#: … and only when the trade's own procedure is not what is asked («…以后还能办诊所备案吗», «…备案信息不全 怎么补»).
OWN_PROCEDURE_ASKED = re.compile(r"备案|执照|补办|怎么补|还能办|能不能办|重新办")


def _background(mention: Mention, normal: str) -> bool:
    """The procedure is told as the enterprise's past, as had, or as set aside («施工许可证早就办下来了
    现在就差通电», «代办的中介收费太贵 我想自己去办变更登记»), or as the trade an inspection met («开诊所第一次被查到
    …»): another named is what is asked."""
    head, tail = _clause(normal, mention.start, mention.end)
    return PAST_BEFORE.search(head) is not None or DONE_OR_SET_ASIDE_AFTER.search(tail) is not None \
        or PLACE_AFTER.match(tail) is not None or (
            ENFORCED_AFTER.match(normal[mention.end:]) is not None and TRADE_RUN.match(mention.words) is not None
            and mention.procedure in TRADE_GUIDES
            and OWN_PROCEDURE_ASKED.search(normal[mention.end:]) is None)


#: How a thing was done, told with «是…的» («施工许可证当时是别人代办的», «营业执照以前是中介代办的»): the past, never
#: what is asked — unless the clause asks or wishes («我问的是…», «想要的是…»).
TOLD_HOW_DONE_TAIL = re.compile(r"^(?:过)?的\s*$")
TOLD_HOW_DONE_HEAD = re.compile(r"是[^是]{0,8}$")
ASKED_IN_HEAD = re.compile(r"问|想|要|打算|准备|需要|能不能|可不可以|咋|怎|如何")


def _told_how_done(mention: Mention, normal: str) -> bool:
    """The words are how something was done, told with «是…的» («施工许可证当时是别人代办的», «营业执照以前是中介代办
    的»): the past, nothing asked of them."""
    head, tail = _clause(normal, mention.start, mention.end)
    return TOLD_HOW_DONE_TAIL.match(tail) is not None and TOLD_HOW_DONE_HEAD.search(head) is not None \
        and ASKED_IN_HEAD.search(head) is None


#: A private firm said by the service's word («找了个代办公司 收了八千块钱人跑了», «代办机构»): a party of the
#: enterprise's case, never the free service of the government.
PRIVATE_AGENT_AFTER = re.compile(r"^(?:的)?(?:公司|中介|事务所|工作室)"
                                 # (not 代办 done to a firm: «能代办公司注销吗», «代办公司年报»)
                                 r"(?!注销|设立|注册|变更|年报|开办|登记|成立|迁移|起名|核名|执照|营业执照)")
#: … never the government's own («帮办代办机构», «政府的代办», «免费代办公司…»).
PUBLIC_AGENT_BEFORE = re.compile(r"(?:帮办|免费|政府|官方|政务|你们)(?:的)?$")


def _private_agent(mention: Mention, normal: str) -> bool:
    """The service's word names a private firm («代办公司跑路了»), not the government's service."""
    return PRIVATE_AGENT_AFTER.match(normal[mention.end:]) is not None \
        and PUBLIC_AGENT_BEFORE.search(normal[:mention.start]) is None


#: The user saying what they are («我其实就是个体户», «我们是做餐饮的», «俺就是个…»): a cue right
#: after it, with nothing wished or asked between, tells what the enterprise is …
SELF_TOLD = re.compile(r"(?:我|我们|咱|咱们|俺|俺们|我家|本人)(?:其实|本身|自己|就|只|也|现在|目前|这边|家)*"
                       r"(?:是|算是|属于)")
WISHED_OR_ASKED = re.compile(r"想|要|打算|准备|计划|咋|怎|如何|能不能|可以|需要|得|吗|么|呢|啥|什么|哪")
#: … its clause ending with it («…开个小卖部», «…开个小超市的») …
SELF_TAIL = re.compile(r"^(?:的|而已|罢了|嘛|呀|啊|哈)*(?:[\s,,。.;;!!~、]|$)")
#: … and the question pointing back at what was asked before («也这么弄吗», «一样吗», «这样也行吗»).
BACK_TO_ASKED = re.compile(r"也|一样|同样|这么|这样|照样|那样|适用|算不算")


def _self_described(mention: Mention, normal: str) -> bool:
    """The cue tells what the user's enterprise is, beside a question about what was asked before
    («我其实就是个体户 开个小卖部 也这么弄吗» after a question on 注销), not a procedure asked for
    («我想开个小卖部», «开个小卖部要啥», «我是个体户 想再开个小超市 咋弄»)."""
    if mention.kind != CUE:
        return False
    head, tail = normal[:mention.start], normal[mention.end:]
    told = [match.end() for match in SELF_TOLD.finditer(head)]
    if not told or WISHED_OR_ASKED.search(head[told[-1]:]) is not None:
        return False
    return SELF_TAIL.match(tail) is not None and BACK_TO_ASKED.search(tail) is not None


#: Where something was done, told in answer («在供电公司营业厅办的», «是在区政务中心交的»).
TOLD_WHERE_DONE = re.compile(r"^(?:是|就是|我们是|我是|都是)?在.{2,14}(?:办|交|弄|申请|提交|办理|报|开)的[。.!!~]*$")
#: Something told as blocked, and what to do asked («…投标资格审查过不去 咋整», «…申请补贴被拒了 怎么办»):
#: with the firm on a list, getting off it is what is asked.
BLOCKED = re.compile(r"过不去|通不过|没通过|不让|卡住|被卡|被拒|拒了|受限|进不去|投不了|办不了|报不了|批不了|"
                     r"申请不了|参加不了|不给办|不给批")
WHAT_TO_DO = re.compile(r"咋整|怎么办|咋办|怎么弄|咋弄|如何处理|怎么处理|怎么解决|咋解决|有啥办法|有什么办法")
#: The two deregistrations, and the simple way said outright beside a deregistration asked
#: («清税加注销 简易那种», «想注销 走简易的»), unless it is ruled out («不符合简易的条件», «简易走不了»).
SIMPLE_ID, GENERAL_ID = "simple_deregistration", "general_deregistration"
#: A procedure that is a step of another («想开个串串店 公司名字咋个报»: the name is asked, the firm to open is
#: why), and the procedure it is a step of.
STEP_OF = {"name_declaration": "company_setup"}
SAID_SIMPLE = re.compile(r"简易")
#: The general way said outright of a deregistration asked ambiguously («注销公司一般的那种», «走一般程序那个»);
#: not «一般多久» (usually): the way is said with what makes it one («那种», «程序», 走).
SAID_GENERAL = re.compile(r"(?:走|按|用|办)一般|一般(?:的)?(?:那种|那个|程序|流程|方式)|普通(?:的)?(?:那种|程序|流程)")
GENERAL_RULED_OUT = re.compile(r"(?:不|没|非|别|不是|不想|不用)(?:走|办|用|按)?(?:一般|普通)")
SIMPLE_RULED_OUT = re.compile(r"(?:不|没|非|别|不是|不能|不符合|不够|不满足|没法|不让)(?:走|办|用|按)?简易"
                              r"|简易.{0,4}(?:不行|不了|不能|不符合|不够|不满足|走不|办不|不让|没法|不给)")


#: An event of a procedure said with its date («下月15号开标», «下周三开标», «月底开工»): when it happens.
DATED_EVENT = re.compile(r"开标|开工|开业|投标|截标")
DATE_BEFORE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:号|日)\s*$"
                         r"|(?:下|这|本|上)?(?:周|星期|礼拜)[一二三四五六日天]\s*$"
                         r"|(?:明天|后天|大后天|月底|月初|月中|下个?月|年底|年前|节前|过几天)\s*$")
#: … or with what follows it done («开标后保证金多久退», «开标结束以后押的钱什么时候退»): when, too.
EVENT_YIELDS = re.compile(r"结果|评标|中标|异议|解密|直播")
EVENT_PASSED = re.compile(r"\s?(?:后|以后|之后|完|完了|完以后|完之后|结束|结束后|结束以后|结束了|过后)")
#: A name right after these is what the help is asked for («帮我把信用修复办了»): the
#: procedure, not the service of doing it for others.
OBJECT_BEFORE = ("把", "将")

#: Several firms' matters in one message («一家要简易注销 一家法人换人了», «分别要准备啥», «每家»), in the normal form.
EACH_FIRM = re.compile(r"一家.{1,24}?(?:另外|另)?一家|分别|各自要|每家|两家.{0,8}各")


@dataclass(frozen=True)
class Mention:
    """A place in the text that points at one procedure."""

    procedure: str
    kind: str
    start: int
    end: int
    words: str


@dataclass(frozen=True)
class Ambiguity:
    """A word or cue that fits several procedures (the user must choose).

    ``words`` is the ambiguous word as typed, or a cue's label (「注销」 for «不想干了»).
    """

    words: str
    procedures: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Recognition:
    """What a message says about procedures.

    Attributes:
        mentions: clear mentions, in the order of the text.
        ambiguity: a word that fits several procedures, when no clear mention was found.
        related: procedures whose text shares words with the message, best first, with a
            score in (0, 1] relative to the best; only filled when nothing else matched.
    """

    mentions: tuple[Mention, ...] = ()
    ambiguity: Ambiguity | None = None
    related: tuple[tuple[str, float], ...] = ()

    @property
    def named(self) -> tuple[str, ...]:
        """The procedures clearly mentioned, each once, in text order."""
        return tuple(dict.fromkeys(m.procedure for m in self.mentions))

    @property
    def procedure(self) -> str | None:
        """The one procedure meant, when exactly one is clearly mentioned."""
        named = self.named
        return named[0] if len(named) == 1 else None

    @property
    def choices(self) -> tuple[str, ...]:
        """The procedures to offer when it is not clear which one is meant."""
        if len(self.named) > 1:
            return self.named
        if self.ambiguity is not None and not self.named:
            return self.ambiguity.procedures
        if not self.named:
            return tuple(p for p, _ in self.related)
        return ()

    def __bool__(self) -> bool:
        return bool(self.mentions) or self.ambiguity is not None or bool(self.related)

    @property
    def points_at_procedures(self) -> bool:
        """True when the message names one or more procedures (or an ambiguous word)."""
        return bool(self.mentions) or self.ambiguity is not None


@dataclass(frozen=True)
class ProcedureText:
    """What the recogniser knows of one procedure."""

    id: str
    names: tuple[str, ...]
    cues: tuple[Cue, ...] = ()
    #: Free text about the procedure (summary, steps, materials…), for BM25.
    text: str = ""
    #: A service done for other procedures (帮办代办): its mention wins over theirs.
    serves_others: bool = False
    #: What the guide says the procedure is (its summary; not the steps, which speak of the
    #: tickets and ratings around it: 工单号, 差评): its own terms, with ``held_parts``.
    terms_text: str = ""
    #: The parts of the guide that speak of what the applicant has done or brings, by the facet
    #: that asks them (its conditions, its materials): a term held only there is the guide's
    #: only for a question of that facet (补报年报 is a condition of 信用修复, «年报在哪报» asks
    #: about the annual report; 中标通知书 is a material of 施工许可).
    held_parts: tuple[tuple[str, str], ...] = ()


@dataclass
class ProcedureRecognizer:
    """Finds procedures in messages; build once, use for every message."""

    procedures: Sequence[ProcedureText]
    ambiguous_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: (cue, procedure ids, label): the label is what the question calls the matter.
    ambiguous_cues: Sequence[tuple[Cue, tuple[str, ...], str]] = ()
    #: read words typed by sound as the words they sound like (off: only as spelled)
    by_sound: bool = True
    #: everyday words for a guide's own word (knowledge/everyday_words.yml: U盾 → CA数字证书)
    everyday: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names: dict[str, str] = {}
        for proc in self.procedures:
            for name in proc.names:
                names.setdefault(normalize(name), proc.id)
        #: longest first: 简易注销登记 is taken before 注销登记 could be
        self._names = sorted(names.items(), key=lambda item: -len(item[0]))
        #: a title clipped to two characters (简销, 信修), read where it stands as whole words
        self._clippings = clippings({p.id: p.names for p in self.procedures if p.names})
        self._ambiguous = sorted(((normalize(w), ids) for w, ids in self.ambiguous_words.items()),
                                 key=lambda item: -len(item[0]))
        self._services = {p.id for p in self.procedures if p.serves_others}
        #: every word that points at a procedure (names, synonyms, ambiguous words, the
        #: words of cues) typed with a wrong character of the same sound («营业只照», «备按»)
        #: is read as that word before anything is matched
        words = {n for n, _ in self._names} | {w for w, _ in self._ambiguous}
        cues = [cue for p in self.procedures for cue in p.cues] + [cue for cue, _, _ in self.ambiguous_cues]
        words |= {w for cue in cues for group in cue.groups for w in group}
        self._words = sorted(words, key=lambda w: (-len(w), w))
        self._sounds = SoundIndex(self._words)
        #: … and those of four characters or more typed with one look-alike character (营业执熙):
        #: names, synonyms, ambiguous words and the cues' nouns (营业执照; not a cue's phrase, 园区的地);
        #: names and synonyms also with one inside character dropped (简注销, 施许可)
        terms = {n for n, _ in self._names} | {w for w, _ in self._ambiguous}
        nouns = {w for w in words - terms if len(w) >= NEAR_WORD and word_tag(w) in NOUN_TAGS}
        self._near = NearIndex(terms | nouns, dict(self._names))
        documents = [content_tokens(normalize(" ".join((*p.names, p.text))), singles=False) for p in self.procedures]
        self._bm25 = _Bm25(documents)
        self._vocabulary = [set(d) for d in documents]
        self._terms = _terms(self.procedures, set(words))
        self._cue_words = frozenset(w for cue in cues for group in cue.groups for w in group if len(w) >= 2)
        #: the two-character nouns of the guides' cues by their syllables (地址: di zhi), for a noun
        #: of its own the input method offered first for them (地质), read as the cue's word only
        #: where the whole cue is then said («改个地质»; «地质勘察» stays itself)
        self._cue_syllables: dict[str, list[tuple[str, tuple[Cue, ...]]]] = {}
        for word in sorted({w for p in self.procedures for cue in p.cues for g in cue.groups for w in g
                            if len(w) == 2 and all(is_cjk(ch) for ch in w) and word_tag(w) in NOUN_TAGS}):
            with_word = tuple(cue for p in self.procedures for cue in p.cues if any(word in g for g in cue.groups))
            self._cue_syllables.setdefault(exact_sound(word), []).append((word, with_word))
        #: … and their syllables one by one (di, zhi): a piece none of whose characters' readings
        #: make such a pair is passed over before its pinyin is looked up
        self._syllable_pairs = frozenset(tuple(key.split(" ")) for key in self._cue_syllables)
        self._known_text = normalize(" ".join((*words, *(p.text for p in self.procedures))))
        self._everyday_words = sorted(((normalize(said), normalize(word)) for said, word in self.everyday.items()),
                                      key=lambda item: (-len(item[0]), item[0]))
        #: the nouns of cues that one procedure's cues alone list (诊所, 个体户, 税盘), longest first
        owners: dict[str, set[str]] = {}
        titled = {proc.id: normalize(" ".join(proc.names)) for proc in self.procedures}
        for proc in self.procedures:
            for cue in proc.cues:
                for group in cue.groups:
                    for word in group:
                        owners.setdefault(normalize(word), set()).add(proc.id)
        self._sole_things = sorted(((w, next(iter(ids))) for w, ids in owners.items()
                                    if len(ids) == 1 and len(w) >= 2 and all(is_cjk(ch) for ch in w)
                                    and (word_tag(w) in NOUN_TAGS or w in titled[next(iter(ids))])),
                                   key=lambda item: (-len(item[0]), item[0]))

    @property
    def services(self) -> frozenset[str]:
        """The procedures done for others (帮办代办)."""
        return frozenset(self._services)

    @remembered
    def recognise(self, text: str) -> Recognition:
        """Everything ``text`` says about procedures (see the module docstring)."""
        raw = _firm_names_blanked(normalize(text))
        normal, typos = self.spell(raw)
        # how a clause is told is read as typed (a sound read for a procedure's word, «弄完» as
        # «弄忘», tells nothing of it); the spelling keeps every character's place
        told = raw if len(raw) == len(normal) else normal
        taken = [False] * len(normal)
        # «办理营业执照变更时…», «办执照迁移要多久»: a licence changed, moved, closed or replaced is no new one
        # «施工许可证当时是别人代办的 现在找不到原件了»: the service told as how it was done is the past (on main it was
        # 帮办代办's guide); the document lost is what is asked
        mentions = [m for m in self._by_name(normal, text, taken, typos) if not _licence_acted_on(m, normal)
                    and not (m.procedure in self._services and (_told_how_done(m, told) or _private_agent(m, normal)))]
        listed = [m for m in (*mentions, *self._by_cue(normal, text)) if _on_a_list(m, normal)]
        if listed and BLOCKED.search(normal) and WHAT_TO_DO.search(normal):
            # «被拉进异常名录了 投标资格审查过不去 咋整»: what the list blocks is told, what to do
            # asked: getting off the list, not the procedure it blocks
            return Recognition((listed[0],))
        done = {m.procedure for m in mentions if _told_done(m, normal) or _others_doing(m, normal)
                or normal[:m.start].endswith(ON_A_LIST) or normal[m.end:].startswith(WHEN_AFTER)
                or _background(m, told) or _registered_at(m, normal)}
        if done:
            # «刚拿了一块标准地 从签承诺到开工还要走哪些手续»: a name told as the enterprise's state whose own cue
            # reaches on into the question (承诺, 开工: the guide's own stages) is what is asked about
            reach = {c.procedure: c.end for c in self._by_cue(normal, text)}
            done -= {m.procedure for m in mentions if m.procedure in done and reach.get(m.procedure, -1) > m.end + 2
                     and _background(m, told)}
        # «我们公司注册了但是一直没开业 想关掉»: a name told as done is the enterprise's past,
        # «明明没欠债 他们非让走一般注销» what others made it do, «进了异常名录…» the list it is
        # on and «开标前…» the time; what a cue names beside it is what is asked about
        instead = [m for m in self._by_cue(normal, text) if m.procedure not in done] \
            if mentions and all(m.procedure in done for m in mentions) else []
        if instead:
            mentions = instead
        elif not mentions:
            mentions = _asked(self._by_cue(normal, text), normal, told)
            if EACH_FIRM.search(normal):
                # «两家客户 一家要改地址 另一家被列进经营异常了 分别怎么办»: the list a firm is on is its matter
                mentions = sorted([*mentions, *(m for m in listed if m not in mentions)], key=lambda m: m.start)
            service = [m for m in mentions if m.procedure in self._services]
            if service and len(mentions) > 1 and not any(
                    m.procedure not in self._services and normal[:m.start].endswith(OBJECT_BEFORE) for m in mentions):
                # «能不能找人帮我全程跑营业执照»: the help asked for, told by its cue beside the cue of what
                # it is for, is the question (as when the procedure is named: «变更登记能找人帮我跑吗»)
                mentions = service[:1]
        else:
            if done and any(m.procedure not in done for m in mentions):
                # «公司注册三个月了 一直没开业 能简易注销吗»: what the firm has done is its past; the other named is
                # asked
                mentions = [m for m in mentions if m.procedure not in done]
            mentions = _asked(mentions, normal, told)
            if EACH_FIRM.search(normal):
                # «手上两家客户 一家要简易注销 一家法人换人了 分别要准备啥材料»: each firm's matter, one named,
                # one told by what happened (a cue) — both asked about
                named = {m.procedure for m in mentions}
                mentions = sorted([*mentions, *(m for m in self._by_cue(normal, text) if m.procedure not in named
                                                and not any(n.start <= m.start < n.end for n in mentions))],
                                  key=lambda m: m.start)
            service = [m for m in mentions if m.procedure in self._services]
            service = service or [m for m in self._by_cue(normal, text) if m.procedure in self._services
                                  and m.procedure not in done]
            if any(m.procedure not in self._services and normal[:m.start].endswith(OBJECT_BEFORE)
                   for m in mentions):
                # «能帮我把信用修复办了吗»: the procedure named is what is to be done
                service = []
            if service:
                # «变更登记能找人帮我跑吗»: the question is about the help, not the change
                mentions = service[:1]
        described = bool(mentions) and all(_self_described(m, told) for m in mentions)
        if described:
            # «我其实就是个体户 开个小卖部 也这么弄吗»: what the enterprise is, told beside a question
            # about the procedure asked before, names no procedure of its own (nor hints at one)
            mentions = []
        if mentions and all(m.kind == CUE for m in mentions) and TOLD_WHERE_DONE.match(normal.strip()):
            # «在供电公司营业厅办的»: where something was done, told; nothing is asked of it
            return Recognition()
        if not mentions and not described:
            # «投标要用U盾吗»: an everyday word for a guide's word, with the rest of that guide's cue
            mentions = self._by_everyday(normal, text)
        ambiguity = None if mentions else self._ambiguity(normal, text, taken)
        simple = self._said_simple(normal, text, mentions, ambiguity)
        if simple is None and ambiguity is not None and not mentions and set(ambiguity.procedures) == {
                SIMPLE_ID, GENERAL_ID} and (general := SAID_GENERAL.search(normal)) is not None \
                and GENERAL_RULED_OUT.search(normal) is None:
            # «注销是个啥流程 就是走一般那种的»: the general way said outright decides it, as 简易 does
            simple = Mention(GENERAL_ID, CUE, general.start(), general.end(), text[general.start():general.end()])
        if simple is not None:
            # «清税加注销 简易那种»: the way said outright decides the deregistration
            mentions, ambiguity = [simple], None
        if len({m.procedure for m in mentions}) == 2 and all(m.kind == CUE for m in mentions) and any(
                STEP_OF.get(m.procedure) in {n.procedure for n in mentions} for m in mentions):
            # «我们想开个串串店 公司名字咋个报嘛»: the firm to open, told by its cue, is why; its step is asked
            mentions = [m for m in mentions if m.procedure in STEP_OF]
        if len({m.procedure for m in mentions}) > 1:
            # «下月15号开标 现在去开电子保函来得及吗», «投标保证金到底收不收钱 下月15号开标来得及不»: an event
            # with its date is when the other procedure is needed by, not a procedure asked about
            # («开标后保证金多久退»: an event passed is when, too — it asked which of 不见面开标 and 保证金)
            # (never when what the event yields is asked too: «开标后多久出结果 保证金什么时候退»)
            dated = [m for m in mentions if DATED_EVENT.fullmatch(normal[m.start:m.end])
                     and (DATE_BEFORE.search(normal[:m.start])
                          or (EVENT_PASSED.match(normal, m.end) and not EVENT_YIELDS.search(normal)))]
            if dated and len(dated) < len(mentions):
                mentions = [m for m in mentions if m not in dated]
        if mentions and ambiguity is None and EACH_FIRM.search(normal):
            # «三家客户 一家要注销 一家要改地址 还有一家被列入异常了», «两家客户 一家要注消 一家法人换人了»: the
            # firm whose matter fits several procedures is asked which, beside the answers to the others (one or more)
            ambiguity = self._ambiguity(normal, text, [any(m.start <= i < m.end for m in mentions)
                                                       for i in range(len(normal))])
            if ambiguity is not None and set(ambiguity.procedures) & {m.procedure for m in mentions}:
                ambiguity = None
        related: tuple[tuple[str, float], ...] = ()
        if not mentions and ambiguity is None and not described:
            related = self.related(normal)
        return Recognition(tuple(sorted(mentions, key=lambda m: m.start)), ambiguity, related)

    def _by_everyday(self, normal: str, text: str) -> list[Mention]:
        """The procedure a cue names when an everyday word in ``normal`` is read as the guide's word it stands
        for (U盾 → CA数字证书, with 投标 beside it: 不见面开标's cue), the cue needing both that word and another
        word of the message (a follow-up's «要登报吗» names nothing: the guide in memory answers it)."""
        for said, word in self._everyday_words:
            start = normal.find(said)
            if start < 0:
                continue
            end = start + len(said)
            read = normal[:start] + word + normal[end:]
            found = self._by_cue(read, read)
            if not found or self._by_cue(normal[:start] + " " * len(word) + normal[end:], read):
                continue
            others = {w for p in self.procedures if p.id == found[0].procedure for cue in p.cues
                      for group in cue.groups for w in group if len(w) >= 2 and w not in word}
            if any(w in normal[:start] + " " + normal[end:] for w in others):
                return [Mention(found[0].procedure, CUE, start, end, text[start:end])]
        return []

    def pointed_at(self, text: str) -> Recognition:
        """The procedure a thing names that only its cues list (诊所, 个体户, 税盘; a noun of two characters or
        more, or a word of the procedure's own title), pointed at as the matter asked («诊所那个收不收费»,
        «那个个体户的要多久»), or nothing."""
        normal = normalize(text)
        jieba = jieba_ready()
        # a whole word of the message («那个登记簿» points at 登记簿, not at 登记 of 变更登记's title)
        words = {(start, end) for _, start, end in jieba.tokenize(normal)}
        for word, procedure in self._sole_things:
            start = normal.find(word)
            while start >= 0:
                end = start + len(word)
                if (start, end) in words and (
                        normal.startswith(POINTED_AFTER, end) or normal[:start].endswith(POINTED_BEFORE)):
                    return Recognition((Mention(procedure, CUE, start, end, text[start:end]),))
                start = normal.find(word, end)
        return Recognition()

    def _said_simple(self, normal: str, text: str, mentions: Sequence[Mention],
                     ambiguity: Ambiguity | None) -> Mention | None:
        """简易注销, when a deregistration is asked («注销», or 一般注销 by a cue only: 清税) and the
        simple way is said outright and not ruled out («…简易那种», not «不符合简易的条件»)."""
        match = SAID_SIMPLE.search(normal)
        if match is None or SIMPLE_RULED_OUT.search(normal) is not None:
            return None
        ids = {SIMPLE_ID, GENERAL_ID}
        by_cue = bool(mentions) and all(m.kind == CUE and m.procedure == GENERAL_ID for m in mentions)
        asked = ambiguity is not None and not mentions and set(ambiguity.procedures) <= ids
        if not (by_cue or asked) or SIMPLE_ID not in {p.id for p in self.procedures}:
            return None
        return Mention(SIMPLE_ID, CUE, match.start(), match.end(), text[match.start():match.end()])

    @remembered
    def spell(self, normal: str) -> tuple[str, tuple[bool, ...]]:
        """``normal`` with the words that point at procedures spelled right where typed by
        sound, and which characters were changed."""
        if not self.by_sound:
            return normal, (False,) * len(normal)
        return correct_near(*self._same_syllables(*correct(normal, self._sounds, self._words)), self._near)

    def _same_syllables(self, normal: str, typos: tuple[bool, ...]) -> tuple[str, tuple[bool, ...]]:
        """``normal`` with a noun of its own typed for a cue's noun of the very same syllables (the
        input method's first offer: 地质 for 地址) read as the cue's word, where that word makes a
        cue said whole that was not said before («改个地质» is a change of the address; «地质勘察»,
        with nothing changed, stays itself)."""
        chars, changed = list(normal), list(typos)
        for start in range(len(normal) - 1):
            piece = normal[start:start + 2]
            if any(changed[start:start + 2]) or piece in self._cue_words or not all(is_cjk(ch) for ch in piece):
                continue
            # cheapest first: a word of Jieba's (a dictionary lookup), whose characters may read as a
            # cue noun's syllables, then its pinyin (pypinyin's phrase lookup, dear for a new piece),
            # then its tag (slow to look up the first time)
            if not is_common_word(piece) or not self._may_sound_as_cue_noun(piece):
                continue
            same = self._cue_syllables.get(exact_sound(piece), ())
            if not same or word_tag(piece) not in NOUN_TAGS:
                continue
            for word, cues in same:
                said = "".join((*chars[:start], word, *chars[start + 2:]))
                if any((span := cue.find(said)) is not None and span[0] <= start and start + 2 <= span[1]
                       and cue.find("".join(chars)) is None for cue in cues):
                    chars[start:start + 2] = word
                    changed[start:start + 2] = [a != b for a, b in zip(piece, word, strict=True)]
                    break
        return "".join(chars), tuple(changed)

    def _may_sound_as_cue_noun(self, piece: str) -> bool:
        """Some reading of each character of ``piece`` makes the syllables of a cue's noun."""
        return any((first, second) in self._syllable_pairs
                   for first in readings(piece[0]) for second in readings(piece[1]))

    def _by_name(self, normal: str, text: str, taken: list[bool], typos: Sequence[bool]) -> list[Mention]:
        found: list[Mention] = []
        for name, pid in self._names:
            for start, end in _spans(normal, name):
                if not any(taken[start:end]):
                    taken[start:end] = [True] * (end - start)
                    kind = SOUND if any(typos[start:end]) else NAME
                    found.append(Mention(pid, kind, start, end, text[start:end]))
        if self.by_sound:
            for start, end, pid in self._near.dropped(normal):
                if not any(taken[start:end]):
                    # «简注销», «施许可»: a name with a character dropped, read as typed
                    taken[start:end] = [True] * (end - start)
                    found.append(Mention(pid, SOUND, start, end, text[start:end]))
        clipped = [(clip, pid) for clip, pid in self._clippings.items() if clip in normal]
        if clipped:
            bounds = _word_bounds(normal)
            for clip, pid in clipped:
                for start, end in _spans(normal, clip):
                    if start in bounds and end in bounds and not any(taken[start:end]):
                        taken[start:end] = [True] * (end - start)
                        found.append(Mention(pid, NAME, start, end, text[start:end]))
        return found

    def _by_cue(self, normal: str, text: str) -> list[Mention]:
        return list(self._cue_mentions(normal, text))

    @remembered
    def _cue_mentions(self, normal: str, text: str) -> tuple[Mention, ...]:
        found: list[Mention] = []
        normal = self._other_words_blanked(normal)
        for proc in self.procedures:
            for cue in proc.cues:
                span = cue.find(normal)
                if span is not None:
                    found.append(Mention(proc.id, CUE, span[0], span[1], text[span[0]:span[1]]))
                    break
        return tuple(found)

    def _other_words_blanked(self, normal: str) -> str:
        """``normal`` with the words of another thing blanked (their places kept): a word of its
        own as typed (Jieba's, known to its dictionary) that begins with or holds a word of a cue
        but does not end with one, and that no procedure's words or text hold, is that other thing
        — 工程师 is no 工程, 施工队 no 施工, 注册商标 no 注册 — while 有限公司 is a 公司 (a word's
        last part is what it is)."""
        return _blank_other_words(normal, self._cue_words, self._known_text)

    def by_term(self, text: str, facets: Collection[str] = ()) -> Recognition:
        """The one guide whose own terms ``text`` uses («税盘怎么领» → 企业开办; none when the
        terms found belong to several): weak evidence, for a question about a procedure that
        names none (:meth:`bot.language.interpret.Interpreter.read` decides when). A term the
        guide holds only in its conditions or materials counts only when ``facets`` ask that part
        («企业年报截止到啥时候» asks about the annual report, not 信用修复's condition 补报年报)."""
        normal = self.spell(normalize(text))[0]
        return Recognition(tuple(self._by_term(normal, text, frozenset(facets))))

    def _by_term(self, normal: str, text: str, facets: frozenset[str]) -> list[Mention]:
        found = [(normal.find(term), term, pid) for term, (pid, parts) in self._terms.items()
                 if term in normal and (not parts or parts & facets)]
        if not found or len({pid for _, _, pid in found}) != 1:
            return []
        start, term, pid = min(found)
        return [Mention(pid, TEXT, start, start + len(term), text[start:start + len(term)])]

    def _ambiguity(self, normal: str, text: str, taken: list[bool]) -> Ambiguity | None:
        for word, ids in self._ambiguous:
            for start, end in _spans(normal, word):
                if not any(taken[start:end]):
                    return Ambiguity(text[start:end], tuple(ids), start, end)
        blanked = self._other_words_blanked(normal)
        for cue, ids, label in self.ambiguous_cues:
            span = cue.find(blanked)
            if span is not None:
                return Ambiguity(label, tuple(ids), span[0], span[1])
        return None

    def related(self, normal: str) -> tuple[tuple[str, float], ...]:
        """Procedures sharing the most topic words with the (normalised) text, best first."""
        query = topic_tokens(normal)
        scores = self._bm25.scores(query)
        best = max(scores, default=0.0)
        if best < RELATED_MIN_SCORE:
            return ()
        distinct = set(query)
        ranked = sorted(((s / best, self.procedures[i].id) for i, s in enumerate(scores)
                         if s >= RELATED_SHARE * best
                         and len(distinct & self._vocabulary[i]) >= RELATED_COVERAGE * len(distinct)), reverse=True)
        return tuple((pid, round(share, 3)) for share, pid in ranked[:MAX_RELATED])


def _terms(procedures: Sequence[ProcedureText], known: set[str]) -> dict[str, tuple[str, frozenset[str]]]:
    """The terms of each guide's text (names, summary, materials, conditions) that no other
    guide's text holds: Jieba's words of two characters or more, rare in its dictionary; each
    with its guide and the facets of the parts that alone hold it (empty: its names or summary
    say it, any question may use it)."""
    jieba_ready()
    import jieba
    import jieba.posseg

    words: list[set[str]] = []
    for proc in procedures:
        text = normalize(" ".join((*proc.names, proc.terms_text, *(part for _, part in proc.held_parts))))
        words.append({p.word for p in jieba.posseg.cut(text) if len(p.word) >= 2 and p.flag in TERM_TAGS
                      and all(is_cjk(ch) for ch in p.word) and jieba.dt.FREQ.get(p.word, 0) <= TERM_MAX_FREQ})
    counts: dict[str, int] = {}
    for group in words:
        for word in group:
            counts[word] = counts.get(word, 0) + 1
    return {w: (proc.id, _held_only_in(w, proc)) for proc, group in zip(procedures, words, strict=True)
            for w in sorted(group) if counts[w] == 1}


def _held_only_in(term: str, proc: ProcedureText) -> frozenset[str]:
    """The facets of the parts (conditions, materials) holding ``term`` when the guide's names and
    summary do not (empty when they do)."""
    if term in normalize(" ".join((*proc.names, proc.terms_text))):
        return frozenset()
    return frozenset(facet for facet, part in proc.held_parts if term in normalize(part))


#: Jieba's tags of the nouns read for a cue's noun of the same syllables (地质 for 地址).
NOUN_TAGS = frozenset({"n", "ns", "nz", "nt"})

#: Words right after a procedure's name that tell it as done («公司注册了», «执照办过»).
DONE_AFTER = ("了", "过了", "好了", "完了", "下来了")
#: How long ago it was done, right after the procedure («公司注册两年 一单没做过», «成立都快三个月了»).
DONE_SINCE = re.compile(r"(?:都|已经|有|快|才|满)*(?:[一二两三四五六七八九十几半多俩仨0-9]+)(?:个)?(?:多)?"
                        r"(?:年|月|天|周|星期|礼拜)")


def _told_done(mention: Mention, normal: str) -> bool:
    """The procedure is told as something the enterprise has done («公司注册了…», «公司注册两年…»)."""
    return normal[mention.end:].startswith(DONE_AFTER) or DONE_SINCE.match(normal, mention.end) is not None


def _registered_at(mention: Mention, normal: str) -> bool:
    """A name of registering told with the place the firm is registered («公司注册在新乡»): where it is, not asked."""
    return normal[mention.start:mention.end].endswith("注册") and REGISTERED_AT.match(normal, mention.end) is not None


def _licence_acted_on(mention: Mention, normal: str) -> bool:
    """A name of getting a licence (办营业执照) right before what is done to one had («…变更», «…注销»), or said to be
    got again («公司地址要搬 要不要重新办执照»: 企业开办's guide — a licence had, changed)."""
    return normal[mention.start:mention.end].endswith("执照") \
        and (LICENCE_ACTED_ON.match(normal, mention.end) is not None
             or (normal[max(0, mention.start - 3):mention.start].endswith(("重新", "再", "重"))
                 and _CHANGED_BESIDE.search(normal) is not None))


#: A change of the firm told beside a licence got again («公司地址要搬 要不要重新办执照»; never «营业执照丢了 要重新
#: 办执照吗»).
_CHANGED_BESIDE = re.compile(r"搬|迁|变更|地址|住所|改名|换名|法人|股东|经营范围")


def _others_doing(mention: Mention, normal: str) -> bool:
    """The procedure is what someone else made the enterprise do («他们非让走一般注销»)."""
    return OTHERS_BEFORE.search(normal[max(0, mention.start - 8):mention.start]) is not None


def _on_a_list(mention: Mention, normal: str) -> bool:
    """The procedure is the list the enterprise is on («被拉进异常名录了», «上了失信…»)."""
    return normal[:mention.start].endswith(ON_A_LIST) or (
        mention.kind == CUE and normal[mention.start:mention.end].startswith(STATE_CUE))


#: A step asked in its order to the story's procedure («打算开公司 先要核名吗»): both are asked about.
STEP_ORDER = re.compile(r"先|之前|以前|然后|再|接着|下一步")
#: Words that ask, in a clause of their own («核名怎么弄», «备案要几天»).
CLAUSE_ASKS = re.compile(r"怎么|怎样|咋|如何|什么|啥|哪|多久|几天|多少|吗|么|呢|[??]|能不能|可不可以|要不要|行不行")


def _told_before_the_question(mention: Mention, mentions: Sequence[Mention], normal: str) -> bool:
    """The procedure is named in a clause that asks nothing, before the clause that asks of another one («想合伙开公司
    做校园跑腿 名字想好了 核名怎么弄»: the firm to be opened is the story, 核名 what is asked)."""
    head, tail = _clause(normal, mention.start, mention.end)
    if CLAUSE_ASKS.search(head + normal[mention.start:mention.end] + tail):
        return False
    clause_end = mention.end + len(tail)
    for other in mentions:
        if other.procedure == mention.procedure or other.start <= clause_end:
            continue
        asking = "".join(_clause(normal, other.start, other.end)) + normal[other.start:other.end]
        if CLAUSE_ASKS.search(asking) and not STEP_ORDER.search(asking):
            return True
    return False


def _pointed_at_in_the_question(mentions: Sequence[Mention], normal: str) -> list[Mention]:
    """The one procedure the asking last clause points back at by its head word, when the clause names none itself
    («…营业执照还没办 听说要先办执照才能报装电 这个执照要带什么材料啊»: 执照, of 营业执照 — the story named both, the
    question asks of one); [] otherwise."""
    breaks = [b.end() for b in CLAUSE_BREAK.finditer(normal.rstrip(" ??。.!!"))]  # noqa: B005 (a set of end marks)
    start = max(breaks, default=0)
    last = normal[start:]
    if not start or not CLAUSE_ASKS.search(last) or any(m.start >= start for m in mentions):
        return []
    heads = {m.procedure for m in mentions if len(normal[m.start:m.end]) >= 2 and normal[m.start:m.end][-2:] in last}
    return [m for m in mentions if m.procedure in heads] if len(heads) == 1 else []


def _asked(mentions: list[Mention], normal: str, told: str | None = None) -> list[Mention]:
    """Of the procedures named, those asked about: a procedure named as the state the
    enterprise is in or as the time of what happened gives way to another named."""
    def context(m: Mention) -> bool:
        return normal[:m.start].endswith(STATE_BEFORE) or normal[m.end:].startswith(CONTEXT_AFTER) \
            or _others_doing(m, normal) or (m.kind == CUE and normal[m.start:m.end].startswith(STATE_CUE)) \
            or (m.kind == CUE and DESCRIBED.search(normal[m.start:m.end]) is not None) \
            or _background(m, normal if told is None else told) or BEFORE_IT.match(normal, m.end) is not None \
            or _registered_at(m, normal)

    if len({m.procedure for m in mentions}) < 2:
        return mentions
    pointed = _pointed_at_in_the_question(mentions, normal)
    if pointed:
        return pointed
    asked = [m for m in mentions if not context(m) and not _told_before_the_question(m, mentions, normal)]
    if not asked or len({m.procedure for m in asked}) == len({m.procedure for m in mentions}):
        return mentions
    return asked


def _blank_other_words(normal: str, cue_words: frozenset[str], known: str) -> str:
    """``normal`` with the words of another thing (:meth:`ProcedureRecognizer._other_words_blanked`)
    replaced by as many spaces."""
    jieba_ready()
    import jieba

    chars, start = list(normal), 0
    for word in jieba.cut(normal, HMM=False):
        end = start + len(word)
        if len(word) >= OTHER_WORD_CHARS and is_common_word(word) and word not in known \
                and not any(word.endswith(w) for w in cue_words) \
                and any(w in word for w in cue_words if len(w) < len(word)):
            chars[start:end] = [" "] * len(word)
        start = end
    return "".join(chars)


def _word_bounds(text: str) -> set[int]:
    """Where Jieba's words of ``text`` begin and end: «唯一注册» holds no «一注»."""
    jieba_ready()
    import jieba

    bounds = {0}
    for word in jieba.cut(text, HMM=False):
        bounds.add(max(bounds) + len(word))
    return bounds


def _spans(text: str, word: str) -> Iterable[tuple[int, int]]:
    start = text.find(word)
    while start != -1:
        yield (start, start + len(word))
        start = text.find(word, start + 1)


class _Bm25:
    """Okapi BM25 over a handful of documents (one per procedure)."""

    K1, B = 1.5, 0.75

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        from rank_bm25 import BM25Okapi

        self._index = BM25Okapi([list(d) or ["∅"] for d in documents], k1=self.K1, b=self.B)

    def scores(self, query: Sequence[str]) -> list[float]:
        if not query:
            return [0.0] * self._index.corpus_size
        return [max(0.0, float(s)) if math.isfinite(s) else 0.0 for s in self._index.get_scores(list(query))]
