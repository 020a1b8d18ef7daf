"""Which clause of the policy texts answers a question, where a guide or the last quote is near.

:mod:`bot.dialogue.questions` decides each question turn; these are its rules for the
policy texts (``bot/sources``): a clause that answers a question about a named procedure
better than its guide, one for what the guide does not cover, and the clause for a
follow-up to the last quote.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from bot.dialogue.guide import MATERIAL_ANSWERS, TIME_ANSWERS, WHERE_ANSWERS, guide_holds, name_pairs
from bot.language.facets import FACETS
from bot.language.interpret import Reading
from bot.language.normalize import normalize
from bot.procedures.model import Procedure
from bot.sources.documents import sentences
from bot.sources.search import MIN_COVERAGE, SURE_SCORE, ClauseIndex, Hit, clause_key, shows_nothing_new

OVERVIEW = FACETS[0]
#: A message with this many word pairs of its own is a new question even when a facet
#: word in it could be a follow-up («听说每家企业都有挂钩的帮办专员 多久来一趟»).
NEW_TOPIC_PAIRS = 4


def clause_beyond_guide(reading: Reading, text: str, clauses: ClauseIndex | None,
                        documents: Collection[str] | None, procedure: Procedure | None = None) -> Hit | None:
    """A clause for a question about a named procedure that its guide does not answer.

    «首席服务员要当好哪五大员», «听说每家企业都有挂钩的帮办专员 多久来一趟»: the words
    beyond the procedure's name ask something of their own, and the policy texts answer
    it surely; a plain facet question («帮办代办要钱吗») is the guide's, and so is one that
    names a facet in words («新办企业一件事一次办 具体咋操作»: the guide's steps).
    """
    if clauses is None or not text or reading.topic_size < NEW_TOPIC_PAIRS or reading.intent in FACETS[1:] \
            or reading.facets:
        # «那要是第一次轻微违法呢»: beyond the procedure's words only the way it asks
        return None
    hit = clauses.answer(text, documents)
    if hit is None or hit.score < SURE_SCORE or hit.coverage < MIN_COVERAGE:
        return None
    if procedure is not None and guide_cites(procedure, hit) and not asks_the_text(text, hit):
        return None
    return hit


#: The text itself asked for: how it rules, its wording («宿迁对首次轻微违法是怎么规定的»).
_THE_TEXT = re.compile(r"规定|原文|原话|条文|条款|文件|政策上|怎么说的|咋说的")


def asks_the_text(text: str, hit: Hit) -> bool:
    """The question asks what the policy text says (its rule, its wording) or names where it
    applies (宿迁): the clause answers, not the guide written from it."""
    normal = normalize(text)
    region = hit.document.region.rstrip("市区县")
    return bool(_THE_TEXT.search(normal)) or (len(region) >= 2 and region in normal)


def guide_cites(procedure: Procedure, hit: Hit) -> bool:
    """``procedure``'s guide was written from ``hit``'s sentence: one of its sources quotes it
    («采用银行保函、保险保函作为投标保证的,应与现金保证具有同等效力…» is 电子保函's). The guide says
    it too (its overview: 同等效力, 不得拒绝) and goes on to how it is done, so it answers the
    question the clause would («招标人不收保函只要现金 合法吗»)."""
    sentence = _bare(hit.passage.text)
    return len(sentence) >= MIN_CITED and any(
        source.quote and cited_doc(source.doc) == hit.document.id and sentence in _bare(source.quote)
        for source in procedure.sources)


#: How many of the best clauses are looked through for one the remembered guide was written from.
CITED_HITS = 5
#: A sentence shorter than this (a heading) is no evidence that a guide was written from it.
MIN_CITED = 12


def _bare(text: str) -> str:
    """``text`` normalised, without punctuation (the guides' quotes cut sentences at their own places)."""
    return re.sub(r"[\W_]", "", normalize(text))


def cited_doc(doc: str) -> str:
    """A guide's source document as the index names it («seed 001» → seed_001)."""
    return re.sub(r"\s+", "_", doc.strip())


#: How many clauses are looked through for the one a guide was written from that names the case asked.
CASE_HITS = 8


#: The forms the texts give a guide's facet in, for a case asked of the facet asked before («…的那种呢»).
FACET_FORMS = {"ask_duration": ("工作日", "日内"), "ask_fee": ("免费", "无偿", "收取", "费用")}


def clause_for_the_case(text: str, procedure: Procedure, clauses: ClauseIndex | None,
                        documents: Collection[str] | None, asked_before: Sequence[str] = ()) -> Hit | None:
    """The clause ``procedure``'s guide was written from that names the case a facet question
    asks of and the form its answer takes, when the guide's own text does not name that case.

    «要是事情很急 他们得几天办完» after 直通市长's time limit: 很急 is the texts' 情况紧急, which
    the guide («按2、5、15个工作日办结») does not say; its source sentence does (情况紧急 …
    2个工作日内办结). A case the guide names («复杂情况») stays the guide's. ``asked_before``: the facets
    asked before, whose forms a follow-up naming only a case asks («牵扯好几个部门的那种呢»)."""
    if clauses is None or not text:
        return None
    cases = clauses.concepts(text)
    forms = [f for group in clauses.asked_forms(text) for f in group] or [
        f for facet in asked_before for f in FACET_FORMS.get(facet, ())]
    if not cases or not forms:
        return None
    guide = normalize(" ".join((procedure.summary, *procedure.steps, *procedure.eligibility,
                                procedure.time_limit.note or "", procedure.fee.text)))
    unsaid = [terms for terms in cases if not any(normalize(t) in guide for t in terms)]
    if not unsaid:
        return None
    for hit in clauses.search(text, limit=CASE_HITS, within=documents, context=" ".join(
            source.quote for source in procedure.sources if source.quote)):
        sentence = normalize(hit.passage.text)
        if guide_cites(procedure, hit) and clauses.holds_form(hit, forms) and all(
                any(normalize(t) in sentence for t in terms) for terms in unsaid):
            return hit
    return None


def follow_up_clause(text: str, topic: str, clauses: ClauseIndex, documents: Collection[str] | None,
                     quoted: str | None = None) -> Hit | None:
    """The clause for a follow-up read with the last policy question (:meth:`ClauseIndex.follow_up`)."""
    return clauses.follow_up(text, topic, documents, quoted)


#: A clause answers instead of the guide when it holds this many more of the question's own
#: word pairs than the guide's best facet does (and at least this many).
CLAUSE_LEAD = 2


def clause_over_guide(text: str, procedure: Procedure, clauses: ClauseIndex | None,
                      documents: Collection[str] | None) -> Hit | None:
    """A trusted clause that holds the question's own words much better than the guide does.

    «企业帮办专员多久来我们这走访一次» names 帮办代办 and asks 多久, but its words (走访,
    一次) are the 宿迁 clause's (每季度实地走访企业不少于一次), not the guide's time limit.
    The procedure's names count for neither side; the texts' own terms for the question's
    everyday words (``knowledge/sources/expansions.yml``) count as the question's.
    """
    if clauses is None or not text:
        return None
    # what every guide's where part answers counts for neither side either: «施工许可要去现场办吗»
    # asks the guide whether one goes in person, not for the clause on 现场办公 that shares 现场办
    # (… and what every guide's time part answers: «那从申请到拿证 一般要多少个工作日» asks the guide's time limit, not
    # a clause on tickets' 5个工作日 for its 一般 and 工作日)
    names = name_pairs(procedure) | WHERE_ANSWERS | TIME_ANSWERS | MATERIAL_ANSWERS
    own = [t for t in clauses.question_tokens(text) if t not in names]
    formed = _clause_with_the_form(text, procedure, own, clauses, documents)
    if formed is not None:
        return formed
    if len(own) < CLAUSE_LEAD:
        return None
    in_guide = guide_holds(own, procedure)
    best: tuple[int, Hit] | None = None
    for hit in clauses.search(text, within=documents):
        # the clause's paragraph counts: «不服中标结果去投诉 几天能受理 多长时间出处理决定» asks
        # what the 招标投标 complaint paragraph tells sentence by sentence (受理, 处理结果, 决定)
        count = sum(1 for t in own if t in hit.pairs or clauses.paragraph_holds(hit, t))
        if hit.trusted and count >= in_guide + CLAUSE_LEAD and (best is None or count > best[0]):
            best = (count, hit)
    # «四上企业的首席服务员平时都负责做点啥»: the document the qualifying term names (search.py)
    return clauses.qualified(text, best[1], documents) if best else None


def _clause_with_the_form(text: str, procedure: Procedure, own: Sequence[str], clauses: ClauseIndex,
                          documents: Collection[str] | None) -> Hit | None:
    """A trusted clause on the question's own words that holds the form its answer takes where
    the guide holds none: «挂钩我们的帮办专员多久联系一次» asks how often (每月, 每季度), which
    帮办代办's time limit («受理后明确代办员的时限») does not say and the 宿迁 clause does."""
    guide = normalize(" ".join((procedure.summary, *procedure.steps, *procedure.eligibility,
                                procedure.time_limit.note or "", procedure.fee.text,
                                *(f"{m.name} {m.notes or ''}" for m in procedure.materials))))
    lacking = [f for forms in clauses.asked_forms(text) if not any(f in guide for f in forms) for f in forms]
    if not lacking or not own:
        return None
    above: list[Hit] = []
    for hit in clauses.search(text, within=documents):
        if hit.trusted and clauses.holds_form(hit, lacking) and (
                any(t in hit.pairs for t in own) or clauses.holds_concept(hit, text)):
            # «招标文件写着只有本地注册的公司才能投 能这样限制吗» names no word of the clause, but
            # the texts' terms for it (地方保护): whether it is allowed is the clause's 严禁 …
            held = clauses.concept_terms_held(hit, text)
            # … unless a clause ranked above names it more fully (区域企业 公平参与: the rule itself)
            fuller = [h for h in above if clauses.concept_terms_held(h, text) > held]
            return fuller[0] if fuller else hit
        if hit.trusted:
            above.append(hit)
    return None


def clause_beside_guide(text: str, procedure: Procedure | None, clauses: ClauseIndex,
                        documents: Collection[str] | None, topic: str | None = None) -> Hit | None:
    """The clause that answers a question with words of its own (read with ``topic``, the last
    policy question, when it is a «那…呢» follow-up), unless ``procedure`` (the one
    the conversation is about, asked a facet of) answers it as well: its guide holds the
    question's words and no clause holds clearly more («我们是第一次 也没造成啥后果 算不算»
    after 首违不罚's guide: its conditions, not the 宿迁 clause they come from)."""
    if topic:
        # ``topic``: the last policy question, which a «那…呢» follow-up asks again of another case
        # («那要是牵扯好多部门的麻烦事呢» after «…一般多少天办好»: 15个工作日, not 会商联办's clause)
        hit = follow_up_clause(text, topic, clauses, documents)
        if hit is not None:
            return hit
    # (a story told before the question is cut down only where no guide is asked of)
    hit = clauses.answer(text, documents, story=procedure is None)
    if hit is None or procedure is None:
        return hit
    if not asks_the_text(text, hit) and any(
            other.trusted and other.coverage >= hit.coverage and guide_cites(procedure, other)
            for other in clauses.search(text, limit=CITED_HITS, within=documents)):
        # «那牵扯到好些部门的复杂情况呢» after 直通市长's time limits: a clause as good as the best is
        # one the remembered guide was written from (15个工作日), so the guide answers it
        return None
    over = clause_over_guide(text, procedure, clauses, documents)
    if over is not None:
        return over
    names = name_pairs(procedure)
    own = [t for t in clauses.question_tokens(text) if t not in names]
    return None if guide_holds(own, procedure) >= 1 else hit


def detail_of_the_quote(text: str, topic: str | None, quoted: str | None, clauses: ClauseIndex | None,
                        documents: Collection[str] | None) -> Hit | None:
    """The clause for a follow-up to the last quote that asks a detail of it in a way whose answer
    takes a form (``asking.yml``: how often, who asks for it, which platform…), when a clause at
    or near the quoted one holds that form; None otherwise.

    For the routing that decides before the question turn whether a message is a question at
    all: «那有没有手机上能反映这种事的平台» after the quote on 惠企政策 落实不力 (classed
    check_status or ask_capabilities) asks the 随手拍平台 beside it, not for a ticket or for what
    the assistant can do. ``topic``: the last policy question; ``quoted``: the quote's key
    (:func:`bot.sources.search.clause_key`)."""
    if clauses is None or not text or not topic or not quoted:
        return None
    forms = [f for group in clauses.asked_forms(text) for f in group]
    if not forms:
        return None
    hit = clauses.follow_up(text, topic, documents, quoted)
    if hit is None:
        return None
    if not shows_nothing_new(clause_key(hit, text), quoted):
        return hit if clauses.holds_form(hit, forms) else None
    part = clauses.answering(hit, text, topic)
    return hit if part and any(normalize(f) in normalize(part) for f in forms) else None


def clause_beside_the_ground(text: str, procedure: Procedure, clauses: ClauseIndex | None,
                             documents: Collection[str] | None) -> Hit | None:
    """A clause of the paragraph ``procedure``'s guide was written from that names a case of the
    question's own the guide does not: «那新业态的企业出点一般问题 也能宽松点吗» after 首违不罚's
    conditions: the guide speaks of first minor offences only; the 柔性执法 paragraph it comes from
    goes on to 新业态 (…一般违法行为…适度有效监管,留足发展空间), which answers. None when the question's
    words beyond the procedure's names are all the guide's own, or no such sentence answers surely."""
    if clauses is None or not text:
        return None
    hit = clauses.answer(text, documents)
    if hit is None or not hit.sure or not _in_ground(procedure, hit):
        return None
    names = name_pairs(procedure)
    unsaid = [t for t in clauses.known_tokens(text)
              if t not in names and t in hit.pairs and guide_holds([t], procedure) == 0]
    return hit if unsaid and not guide_cites(procedure, hit) else None


#: Whether one is penalised, asked of one's case before any penalty («会不会被罚», «罚不罚啊», «要罚钱吗»,
#: «还罚吗»); not how much («会罚多少»), nor whether a fine given can be lifted («罚了五千 能不罚吗»).
_WHETHER_PENALISED = re.compile(r"罚不罚|处罚不处罚|会不会(?:直接|当场|就)?(?:被)?(?:罚|处罚)|要不要(?:被)?罚|"
                                r"(?:会|要|还|该|得)(?:被)?(?:罚|处罚)(?:款|钱)?(?:吗|么|嘛|不|没|啊|呀)|"
                                # whether one may be spared, before any penalty («头回犯错 能不罚吗», «能免罚不»)
                                r"(?:能|可以|能不能|可不可以|能否)(?:不|免|免于|从轻)(?:被)?(?:罚|处罚)")
#: A penalty already given (the question is then whether it can be lifted: the guide's conditions).
_PENALTY_GIVEN = re.compile(r"罚了|罚款了|处罚决定|罚单|交了罚|被罚[\d一二两三四五六七八九十几百千万]")
#: The outcome a guide's overview states for a penalty asked after.
_PENALTY_OUTCOME = ("不予行政处罚", "不予处罚")


def overview_tells_the_outcome(text: str, procedure: Procedure) -> bool:
    """True when ``text`` asks whether one is penalised, told of one's case («店里第一次被查到价签不规范 会不会
    罚款»), and ``procedure``'s overview says it (柔性执法: …首次轻微违法行为,一般不予行政处罚, written from the
    宿迁 clause): its conditions alone do not answer whether. False when nothing of the kind is asked, a
    penalty was already given, or how much is asked."""
    normal = normalize(text or "")
    if not _WHETHER_PENALISED.search(normal) or _PENALTY_GIVEN.search(normal) or "多少" in normal:
        return False
    return any(outcome in normalize(procedure.summary) for outcome in _PENALTY_OUTCOME)


def _in_ground(procedure: Procedure, hit: Hit) -> bool:
    """``hit``'s paragraph holds a sentence ``procedure``'s guide quotes as its source."""
    paragraph = _bare(hit.passage.paragraph)
    return any(source.quote and cited_doc(source.doc) == hit.document.id
               and _bare(source.quote)[:MIN_CITED] in paragraph for source in procedure.sources)


def _part_text(procedure: Procedure, facet: str) -> str:
    """What the answer of ``facet`` shows of ``procedure``'s guide, normalised."""
    parts = {
        "ask_procedure": (procedure.summary, *procedure.steps),
        "ask_materials": tuple(f"{m.name} {m.notes or ''}" for m in procedure.materials),
        "ask_duration": (procedure.time_limit.note or "",),
        "ask_where": (procedure.online.name, procedure.window.name, procedure.departments.lead,
                      *procedure.departments.co),
        "ask_fee": (procedure.fee.text,),
        "ask_eligibility": tuple(procedure.eligibility),
    }
    return normalize(" ".join(parts.get(facet, ())))


#: When something is done, asked with its verb («啥时候退», «多久能批»): a part saying when it is done
#: (退还, 审批) answers it, whatever else of the question the overview says.
_WHEN_DONE = re.compile(r"(?:啥时候|什么时候|多会儿|哪天|多久)(?:能|可以|才能|才|会|就)?(?P<verb>[\u4e00-\u9fff])")


def overview_holds_the_asked(text: str, procedure: Procedure | None, facets: Sequence[str],
                             clauses: ClauseIndex | None, named: bool = False) -> bool:
    """True when what ``text`` asks, in the texts' terms for its everyday words (少罚点 → 从轻 减轻,
    当场改了 → 主动消除), is said by ``procedure``'s summary (the overview) and by none of the parts
    of ``facets`` the question would otherwise get: «当场就改了 能少罚点不» after 首违不罚's
    conditions asks the rule's second half (主动消除或减轻危害后果的,依法从轻或减轻处罚), which the
    guide says in its overview, written from the clause of the same rule, not in its conditions.
    ``named``: the facets were named in words (哪, 多久, 当场); then the parts must hold none of the
    question's own words either («免罚清单在哪能看到»: the place holds 清单, it is asked where)."""
    if clauses is None or procedure is None or not text or tuple(facets) == (OVERVIEW,):
        return False
    summary = normalize(procedure.summary)
    names = normalize(" ".join((procedure.name, *procedure.synonyms)))
    # a term of the procedure's own name («那投标保证金呢»: 保证金) names it, it asks nothing of it
    # with a facet named in words, only the last clause asks («…被推来推去 该找哪反映»: where, 推诿 is the case)
    clauses_said = [c for c in re.split(r"[\s,,。;;!!??]+", normalize(text)) if c]
    asked = clauses_said[-1] if named and clauses_said else text
    concepts = [terms for terms in clauses.concepts(asked) if not any(normalize(t) in names for t in terms)]
    said = [terms for terms in concepts if any(normalize(t) in summary for t in terms)]
    if not said:
        return False
    shown = " ".join(_part_text(procedure, facet) for facet in facets)
    if named and any(word in shown for word in clauses.said_words(text)):
        return False
    when = _WHEN_DONE.search(asked)
    if named and when is not None and when.group("verb") in shown:
        # «交了现金的话没中标啥时候退» after 投标保证金: its time limit says when it is returned (5日内退还);
        # the cash supposed (现金, in the overview's 与现金同等效力) is the case, not what is asked
        return False
    # the parts asked hold none of them: the overview adds what is asked
    return not any(normalize(t) in shown for terms in said for t in terms)


def guide_of_the_rule(text: str, hit: Hit, shown: str, guides: Iterable[Procedure],
                      clauses: ClauseIndex | None, topic: str = "") -> Procedure | None:
    """The guide written from the sentence a follow-up to a quote is answered with (``shown``, the part
    of ``hit`` that answers it), when that guide's overview says what the follow-up asks: «要是
    主动把问题改掉了 罚款能少交点吗» after the 柔性执法 clause on 新业态 asks the rule's 从轻/减轻, which
    首违不罚's guide says in its overview and goes on to how it is done (无需单独申请, 整改说明), as a
    question on the clause a guide was written from gets the guide. Only what the follow-up adds to
    the last question ``topic`` counts («这个是第一次啊 能不能申请撤销» after «…首次轻微违法…» adds no
    term of the guide: 撤销 is nowhere). None when the text itself is asked for (规定, 原文) or no
    guide was written from it."""
    if clauses is None or not text or asks_the_text(text, hit):
        return None
    before = {normalize(t) for terms in clauses.concepts(topic) for t in terms} if topic else set()
    if not any(all(normalize(t) not in before for t in terms) for terms in clauses.concepts(text)):
        return None
    sentences = [s for s in (_bare(shown),) if len(s) >= MIN_CITED]
    for procedure in guides:
        if any(source.quote and cited_doc(source.doc) == hit.document.id
               and any(s in _bare(source.quote) for s in sentences) for source in procedure.sources) \
                and overview_holds_the_asked(text, procedure, (), clauses):
            return procedure
    return None


#: How many of the best clauses are looked through for a guide's ground a question is told in.
TERMS_HITS = 3
#: … and how many of the texts' terms for its everyday words it must name, all of them the guide's.
TERMS_NAMED = 2


def guide_by_its_terms(text: str, guides: Iterable[Procedure], clauses: ClauseIndex | None,
                       documents: Collection[str] | None) -> Procedure | None:
    """The guide a question names no procedure of is about, when the texts' terms for its everyday
    words (头一回, 首违 → 首次; 小毛病 → 轻微) are all the guide's own (its conditions or overview), at
    least :data:`TERMS_NAMED` of them, and a clause the search ranks near the top is one the guide
    was written from: «去年被查过一回 今年又查出个小毛病 这还算首违不» is whether one's case is 首违不罚's,
    which its conditions answer (首次发生的轻微违法行为), though too few of the story's words are in
    any clause to quote one. None when the question asks a detail no clause may answer without its
    form (``asking.yml``'s held: a sum, how many times)."""
    if clauses is None or not text or any(hit.lacks for hit in clauses.search(text, limit=1, within=documents)):
        return None
    concepts = clauses.concepts(text)
    if len(concepts) < TERMS_NAMED:
        return None
    for hit in clauses.search(text, limit=TERMS_HITS, within=documents):
        for procedure in guides:
            own = normalize(" ".join((procedure.summary, *procedure.eligibility)))
            if guide_cites(procedure, hit) and all(any(normalize(t) in own for t in terms) for terms in concepts):
                return procedure
    return None


def asks_what_the_texts_answer(reading: Reading, text: str, clauses: ClauseIndex | None,
                               documents: Collection[str] | None) -> bool:
    """True for a message the classifier took for a yes that says a matter of its own (at least
    :data:`NEW_TOPIC_PAIRS` word pairs) which a clause answers surely: «他们检查是随时想来就来 还是随机
    抽的» after the offer to file is asked, not accepted («好的» says nothing of its own)."""
    if clauses is None or not text or not reading.own_topic or reading.topic_size < NEW_TOPIC_PAIRS:
        return False
    hit = clauses.answer(text, documents)
    return hit is not None and hit.sure


#: What a bid's complaint is asked by in the texts: its trade's regulators, how it is made, its clock.
_BID_COMPLAINT_QUERY = "招标投标活动 投诉 行业监管部门 受理 处理时限 投诉处理决定"
#: The sentences of its paragraph quoted: who takes it, how it is made, the clock (to accept, to decide) — at most so
#: many.
BID_COMPLAINT_SENTENCES = 5
_A_CLOCK = re.compile(r"\d+个工作日")


def bid_complaint_clause(clauses: ClauseIndex | None, documents: Collection[str] | None) -> tuple[Hit, str] | None:
    """The clause on complaints about bidding, and its part to show — who takes them (住建、交通、水务等行业监管部门),
    where they are made, and the clock (3个工作日 to accept, 30 to decide); None when no text of the region has it."""
    hit = clauses.answer(_BID_COMPLAINT_QUERY, documents) if clauses is not None else None
    if hit is None or not re.search(r"投诉", hit.passage.text) or not re.search(r"招标|投标", hit.passage.paragraph):
        return None
    shown: list[str] = []
    for sentence in sentences(hit.passage.paragraph)[:BID_COMPLAINT_SENTENCES]:
        shown.append(sentence)
        if sum(bool(_A_CLOCK.search(s)) for s in shown) >= 2:
            break  # (both clocks told: the rest is on publishing and malicious complaints)
    return hit, "".join(shown)
