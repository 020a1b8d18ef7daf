"""What follows when something goes wrong, asked of a procedure («不注销会怎样», «要是公示期间有人提异议呢», «被驳回了还
能再申请吗», «超过时限没办完谁负责», «万一漏交一个材料»).

The guide's overview or conditions again ignore the question. The reply is, in this order of preference: a clause
of the policy texts that answers it (quoted, with its title and section: the dialogue's ordinary quote); else the
lines of the guide that speak of the case (its summary, conditions, steps, notes) and that the guide does not say
what follows from it; else that neither the guide nor the texts say it — always with where to ask.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.language.normalize import normalize
from bot.procedures.model import Procedure

#: Something going wrong, or not being done, told as the case asked of.
_MISHAP = re.compile(r"异议|驳回|被拒|拒绝|不通过|没通过|没批|不批|不予|被退回|退回来|漏交|漏了|少交|少了"
                     r"|缺了|缺少|没带|忘带|忘了|超过|超期|超时|逾期|过期|过了时限|过了期限|没办完|没办好|没提交|没去|不注销|不去注销|没注销|不办|没按时|不按时|填错|写错"
                     r"|失败|不合格|没赶上|来不及|晚了|错过"
                     # (an objection raised, a refund slow or refused: «公示期间有人反对咋办», «那保证金退的慢怎么办»)
                     r"|反对|不同意|有意见|不服|不认可|退的慢|退得慢|不退|没退|不给退|迟迟")
#: … and what follows from it asked («会怎样», «咋办», «谁负责», «还能再…吗», «要是…呢»); never a bare «能不能» («能不能
#:不罚» asks whether one's case is covered: the conditions).
_FOLLOWS = re.compile(r"会怎样|会怎么样|会咋样|会如何|咋办|怎么办|怎么处理|咋处理|如何处理|后果|影响|会不会|会被|谁负责"
                      # whom to turn to («要是超时了找谁»); where such a case is reported («投标文件被退回来了 这种情况
                      # 一般找哪反映», «逾期不办向谁反映») is the complaint channels' places, no consequence
                      r"|找谁|问谁(?!反映|投诉)"
                      r"|谁担|谁的责任|算谁的|还(?:能|可以)[^,,。??]{0,6}(?:再|重新)|再申请|重新申请|呢[\s??。.!!~]*$")
#: What to do about it asked, and nothing more («年报晚了 咋处理»): a guide named by the case is what to do.
_WHAT_TO_DO = re.compile(r"咋办|怎么办|怎么处理|咋处理|如何处理")
#: The words of a case that name no thing a guide's line could speak of.
_GENERIC = frozenset({"申请", "办理", "企业", "公司", "可以", "材料", "怎么", "会怎", "怎样", "要是", "如果", "万一",
                      "假如", "的话", "还能", "能不", "不能", "谁负", "负责", "一个", "这个", "那个", "以后", "之后",
                      "时候", "我们", "咋办", "么办", "会不", "不会", "再申"})
#: Lines of a guide shown for a case, at most.
MAX_LINES = 2


@dataclass(frozen=True)
class Consequence:
    """A case asked what follows from («公示期间有人提异议»), and the lines of each guide that speak of it."""

    case: str
    #: (procedure id, the lines of its guide that speak of the case, each with where it stands).
    lines: tuple[tuple[str, tuple[str, ...]], ...] = ()


def asks_only_what_to_do(text: str) -> bool:
    """True when what follows is asked only as what to do («咋处理»), not what happens («会怎样», «谁负责»)."""
    normal = normalize(text or "")
    return bool(_WHAT_TO_DO.search(normal)) and not _FOLLOWS.search(_WHAT_TO_DO.sub(" ", normal))


#: A ticket's own limit passed, spoken of («要是超期了 来电人还能找谁», «单子超期了怎么办»).
_TICKET_OVERDUE = re.compile(r"(?:超期|超过(?:了)?(?:办理)?(?:期限|时限)|过了(?:办理)?(?:期限|时限))[^,,。]{0,6}?"
                             r"(?:来电人|工单|单子|投诉|找谁|谁管)|(?:来电人|工单|单子|投诉)[^,,。]{0,6}?(?:超期|超过(?:了)?期限)")


def consequence_asked(text: str) -> str | None:
    """The case whose consequence ``text`` asks («要是公示期间有人提异议呢» → «公示期间有人提异议»), else None."""
    normal = normalize(text or "")
    if _TICKET_OVERDUE.search(normal):
        return None  # («要是超期了 来电人还能找谁» after 简易注销: a ticket overdue — the ladder, no guide's case)
    follows = _FOLLOWS.search(normal)
    if follows is None or not _MISHAP.search(normal[:follows.start()]):
        # (the case is told before what follows is asked: «会不会被拒收» asks whether, no case told)
        return None
    # the clause that tells the case («公司不想干了 不注销会怎样»: 不注销), from it to the end
    clauses = [c for c in re.split(r"[\s,,。;;!!]+", normal) if c]
    start = next((i for i, c in enumerate(clauses) if _MISHAP.search(c)), 0)
    case = re.sub(r"^(?:那么|那|请问|问一下)?(?:要是|如果|万一|假如|若是|假设)?", "", " ".join(clauses[start:]))
    case = re.sub(r"(?:的话)?(?:会怎样|会怎么样|会咋样|会如何|怎么样|咋样|咋办|怎么办|怎么处理|咋处理|如何处理"
                  r"|会有什么后果|有什么后果|有啥后果|谁负责|谁担责|谁的责任|算谁的)?[\s??。.!!~呢吗啊呀]*$", "", case)
    case = re.sub(r"(?:还能|还可以|能不能|可不可以|能否)[^,,]*$", "", case)
    return re.sub(r"^[\s,,]+|[\s,,]+$", "", case) or None


def _grams(text: str) -> set[str]:
    cjk = re.sub(r"[^\u4e00-\u9fff]", " ", text)
    return {w[i:i + 2] for w in cjk.split() for i in range(len(w) - 1)} - _GENERIC


def consequence_of(case: str, procedures: tuple[Procedure, ...]) -> Consequence:
    """The case, with the lines of each guide that speak of it."""
    return Consequence(case, tuple((p.id, guide_lines(case, p)) for p in procedures))


def guide_lines(case: str, procedure: Procedure) -> tuple[str, ...]:
    """The lines of ``procedure``'s guide that share a word of the case (its own name's words aside), best first."""
    own = _grams(procedure.name) | {g for s in procedure.synonyms for g in _grams(s)}
    words = _grams(case) - own
    if not words:
        return ()
    candidates: list[str] = [f"概述:{procedure.summary}"]
    candidates += [f"适用条件:{line}" for line in procedure.eligibility]
    candidates += [f"办理步骤第{n}步:{step}" for n, step in enumerate(procedure.steps, start=1)]
    candidates += [f"材料「{m.name}」:{m.notes}" for m in procedure.materials if m.notes]
    if procedure.time_limit is not None and procedure.time_limit.note:
        candidates.append(f"办理时限:{procedure.time_limit.note}")
    scored = [(sum(1 for w in words if w in line.split(":", 1)[1]), -i, line) for i, line in enumerate(candidates)]
    return tuple(line for count, _, line in sorted(scored, reverse=True)[:MAX_LINES] if count)
