"""The rule each route gives, as people choose and read it: the console's 时限规则 list,
the answer to 「紧急吗?」, and the lines the chat's summary adds before 「确认」.

Names and time limits come from the policy file (``knowledge/sla_policies.yml``), so the
console, the chat and the filed ticket say the same thing.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.routes.lexicon import RouteLexicon, Sector, fold
from bot.routes.recognise import sector_of
from bot.sla import MayorGrade, Policy, PolicyBook, PolicyId, Route, select_policy
from bot.tickets.clock import SlaClock


@dataclass(frozen=True)
class RuleChoice:
    """One entry of the console's 时限规则 list: a route and, for the mayor, its grade."""

    route: Route
    grade: MayorGrade | None = None

    @property
    def value(self) -> str:
        """``window``, ``mayor:urgent`` …: the form value."""
        return self.route.value if self.grade is None else f"{self.route.value}:{self.grade.value}"

    @property
    def policy(self) -> PolicyId:
        """The policy a complaint on this choice gets."""
        return select_policy("complaint", self.route, self.grade)


#: In the order the console lists them; the ordinary rule first.
CHOICES: tuple[RuleChoice, ...] = (
    RuleChoice(Route.WINDOW),
    RuleChoice(Route.MAYOR, MayorGrade.URGENT),
    RuleChoice(Route.MAYOR, MayorGrade.GENERAL),
    RuleChoice(Route.MAYOR, MayorGrade.COMPLEX),
    RuleChoice(Route.BIDDING),
    RuleChoice(Route.SUPERVISOR),
)


def parse_choice(value: str | None) -> RuleChoice:
    """The choice a form value names (``mayor:urgent``); the ordinary rule for anything else."""
    for choice in CHOICES:
        if choice.value == (value or "").strip():
            return choice
    return CHOICES[0]


def limit_text(policy: Policy) -> str:
    """«2个工作日» / «3个工作日内决定受理,受理后30个工作日» / «第一时间»."""
    parts = []
    for index, stage in enumerate(policy.stages):
        days = "第一时间" if stage.working_days == 0 else f"{stage.working_days}个工作日"
        parts.append(days if len(policy.stages) == 1 else
                     (f"{days}内{stage.name}" if index == 0 else f"受理后{days}内{stage.name}"))
    return ",".join(parts)


def rule_label(policy: Policy) -> str:
    """The rule's name and time limit: «直通市长(事实清楚、情况紧急) · 2个工作日»."""
    return f"{policy.name} · {limit_text(policy)}"


def choice_labels(policies: PolicyBook) -> list[tuple[str, str]]:
    """``(value, label)`` of every choice, for the console's select."""
    return [(choice.value, rule_label(policies[choice.policy])) for choice in CHOICES]


# (a number stands alone: «钱总 15250918832» at the question was read as 15, 复杂; «15个工作日» as its 5, 一般)
_URGENT = re.compile(r"紧急|很急|急|加急|两个工作日|(?<!\d)2个工作日|^1$")
_COMPLEX = re.compile(r"复杂|多个(?:单位|部门)|几个(?:单位|部门)|涉及多|十五|(?<!\d)15(?!\d)|^3$")
# (a 复杂 denied or asked is none: «一般吧 也不算特别复杂», «不是那么复杂 一般», «普通的就行 不用弄复杂»,
# «复杂吗 不清楚»)
_NOT_COMPLEX = re.compile(r"不(?:太|算|是|是很|怎么|大|特别|那么|用|算太|算特别|是那么|是特别)*(?:弄|搞)?"
                          r"(?:太|特别|那么|很)?复杂"
                          r"|没(?:那么|多|有|特别|有特别|有那么)*复杂|复杂(?:吗|么|嘛)|复杂不复杂")
_GENERAL = re.compile(r"一般|普通|不急|不紧急|不(?:是很|太|怎么|那么|算|是特别)急|(?<!十)五个工作日|(?<!\d)5个工作日"
                      r"|^2$")


#: The choice left to the assistant, not knowing which («不知道算哪种 你看着办», «说不好 你们定吧»); «随便吧» alone is
#: asked again, with what 紧急 means.
_LEFT_TO_US = re.compile(r"看着办|看着定|你定|你们定|帮我定|帮我选"
                         r"|(?:不知道|不清楚|说不好|拿不准|分不清)(?:算|选|是)?哪")


def grade_left_to_us(text: str | None) -> bool:
    """True when a reply to «属于哪种情况?» leaves the grade to the assistant, not knowing which."""
    return bool(_LEFT_TO_US.search(text or ""))


def grade_from(text: str | None) -> MayorGrade | None:
    """The grade a reply to «属于哪种情况?» chose: 紧急 / 一般 / 复杂(涉及多个单位).

    «不急» is general although it contains 急; an unclear reply gives None (asked again).
    """
    folded = fold(text or "")
    if not folded:
        return None
    if _COMPLEX.search(_NOT_COMPLEX.sub(" ", folded)):
        # («不急 但是比较复杂»: its 不急 denies urgency only — it was taken for 一般)
        return MayorGrade.COMPLEX
    if _GENERAL.search(folded):
        return MayorGrade.GENERAL
    if _URGENT.search(folded):
        return MayorGrade.URGENT
    return None


#: What a reply to «哪类工程?» may say when the enterprise does not know.
_UNKNOWN = re.compile(r"不清楚|不知道|不确定|其他|其它|都不是|说不好")


def sector_from(lexicon: RouteLexicon, text: str | None) -> tuple[bool, Sector | None]:
    """The sector a reply to «这个项目属于哪类工程?» names.

    Returns:
        ``(answered, sector)``: ``(True, sector)`` for a label or a sector word,
        ``(True, None)`` for «不清楚» / «其他» (the receiving department sorts it out),
        ``(False, None)`` when the reply is neither (asked again).
    """
    folded = fold(text or "")
    for sector in lexicon.sectors:
        label = fold(sector.label)
        # the button's label, or a piece of it («交通», «水利»), but not the bare «工程»
        if label in folded or (len(folded) >= 2 and folded != "工程" and folded in label):
            return True, sector
    found = sector_of(lexicon, text)
    if found is not None:
        return True, found
    return (True, None) if _UNKNOWN.search(folded) else (False, None)


@dataclass(frozen=True)
class RuleNow:
    """The rule a draft would get if filed at ``now``, and its (first) due time."""

    policy: Policy
    due: dt.datetime | None
    provisional: bool


def rule_now(clock: SlaClock, ticket_type: str, route: Route, grade: MayorGrade | None,
             now: dt.datetime) -> RuleNow:
    """The policy of a draft and the due time of its first stage if it were filed at ``now``."""
    policy_id = select_policy(ticket_type, route, grade)
    deadline = clock.due(policy_id, now)
    return RuleNow(clock.policy(policy_id), deadline.due, deadline.provisional)


def summary_lines(route: Route, *, bid_project: str | None = None, tenderer: str | None = None,
                  supervisor: str | None = None) -> str:
    """The summary's lines about the route («项目/标段:…\\n招标人:…\\n»), each ending in a newline."""
    lines: list[str] = []
    if route is Route.BIDDING:
        lines += [f"项目/标段:{bid_project or '未提供'}", f"招标人:{tenderer or '不清楚'}"]
    elif route is Route.SUPERVISOR:
        lines.append(f"身份:特邀监督员 {supervisor}(已核对名册)" if supervisor else
                     "身份:特邀监督员(提交时核对名册)")
    return "".join(line + "\n" for line in lines)


#: The tenderer said with the project in one answer to «哪个项目、哪个标段?»: labelled («…一标段 招标人是示例市城投
#: 集团», «…工程 招标单位是…») or told as who put it out to tender («…道路工程 示例市高新区管委会招的»).
_TENDERER_LABELLED = re.compile(r"[\s,,。;;、]*(?:招标(?:人|单位|方)|业主单位|建设单位)(?:是|为|叫)?[::]?\s*")
_TENDERER_TOLD = re.compile(r"[\s,,。;;、]+(?P<who>[^\s,,。;;、]{2,30}?)(?:招的标|招标的|招的|发的标|发包的)[。.!!]*$")
#: «项目是…», «项目名称叫…» before the project's own name.
_PROJECT_PREFIX = re.compile(r"^(?:(?:项目|工程)(?:名称|名字|名)?(?:是|叫|为)[::]?"
                             r"|(?:项目|工程)(?:名称|名字|名)?[::]|是)")


#: The project labelled at the start of an answer («项目是市二中体育馆 住建局监管的»): its name, up to a break.
_PROJECT_LABELLED = re.compile(r"^(?:(?:项目|工程)(?:名称|名字|名)?(?:是|叫|为)[::]?"
                               r"|(?:项目|工程)(?:名称|名字|名)?[::])\s*(?P<name>[^\s,,。;;、]{2,40})")


def project_labelled(text: str) -> str | None:
    """The project an answer opens by naming under its label («项目是市二中体育馆 …» → 市二中体育馆); None otherwise."""
    found = _PROJECT_LABELLED.match((text or "").strip())
    if found is None or _TENDERER_LABELLED.search(text[found.end():]) or (
            _OWNER_SAID.search(found.group("name")) and not _PROJECT_NAME.search(found.group("name"))):
        # («项目是区教育局的», «工程是城投公司发包的»: whose the project is, its tenderer; «项目是政府投资的 招标人…»)
        return None
    return found.group("name").rstrip("。.!!") or None  # noqa: B005 (a set of end marks)


#: Whose a project is, said after «项目是» («区教育局的», «城投公司发包的», «政府投资的»): no project's name.
_OWNER_SAID = re.compile(r"的$|局|委员会|管委会|公司|集团|政府|单位|街道|学校|投资|发包|招的|招标|负责|在管|主导|实施"
                         r"|下面|下属")
#: Words of a project's own name («…改造工程», «…二标段»): such a name is the project's, whoever's words are in it.
_PROJECT_NAME = re.compile(r"工程|项目|标段|标包|改造|新建|扩建|建设|采购|施工|监理")


#: What may stand between the project and the tenderer (a set of characters to strip).
_BETWEEN = " ,,。;;、"


def project_and_tenderer(text: str) -> tuple[str, str | None]:
    """The project and the tenderer of one answer to the project's question (the tenderer None when not said);
    on main the whole answer became the project and the next answer, the enterprise's name, the tenderer."""
    said = (text or "").strip()
    labelled = _TENDERER_LABELLED.search(said)
    if labelled is not None and labelled.start() > 0 and said[labelled.end():].strip():
        project, tenderer = said[:labelled.start()], tenderer_from(said[labelled.end():])
    elif (told := _TENDERER_TOLD.search(said)) is not None:
        project, tenderer = said[:told.start()], told.group("who")
    else:
        project, tenderer = said, None
    project = _PROJECT_PREFIX.sub("", project.strip()).strip(_BETWEEN) or project.strip()
    return project, tenderer


_TENDERER_PREFIX = re.compile(r"^(?:(?:我|都|刚才?|前面|之前|上面|已经)*说(?:了|过)(?:了|啊|呀|嘛)*)?"
                              # («刚说了 公路事业发展中心»: the remark that it was said before, no part of the name)
                              r"(?:招标(?:人|单位|方)(?:是|为|叫)?[::]?|是)?")


#: An answer that opens by labelling the tenderer («招标人是市交通局下面的公路事业发展中心»).
_TENDERER_FIRST = re.compile(r"^\s*招标(?:人|单位|方)(?:是|为|叫)?[::]?\s*\S")


def tenderer_only(text: str) -> str | None:
    """The tenderer an answer to the project's question names alone, labelled («招标人是…»), no project said with
    it (its project words after it are the tenderer's name's); None otherwise."""
    if not _TENDERER_FIRST.match(text or "") or re.search(r"[\s,,。;;]\S*(?:项目|标段|标包)", text or ""):
        return None  # («招标人是城投集团 项目是滨河路工程»: both, read apart elsewhere)
    name = tenderer_from(text)
    return name or None


def tenderer_from(text: str) -> str:
    """The name in «招标人是示例市城投公司» / «招标单位:…» (the text otherwise)."""
    squashed = "".join((text or "").split())
    # the end marks are a set of characters to strip, not a suffix
    return _TENDERER_PREFIX.sub("", squashed).rstrip("。.!!") or squashed  # noqa: B005
