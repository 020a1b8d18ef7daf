"""The real knowledge files: complete, short enough for a phone, sourced, and saying
what the seeds say."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.departments import load_departments
from bot.procedures.loader import load_knowledge
from bot.procedures.model import PROCEDURE_IDS, KnowledgeBase, Procedure
from bot.procedures.resolve import find_aliases

PROJECT_ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = PROJECT_ROOT / "knowledge"
SEED_DOC = re.compile(r"seed (\d{3})")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE)


def every(kb: KnowledgeBase) -> list[Procedure]:
    return [kb.procedures[pid] for pid in PROCEDURE_IDS]


def seed_texts(number: str) -> list[str]:
    files = [KNOWLEDGE / "sources" / f"seed_{number}{ext}" for ext in (".txt", ".clean.txt")]
    return [f.read_text(encoding="utf-8") for f in files if f.is_file()]


def test_there_is_one_file_per_procedure_id() -> None:
    stems = sorted(p.stem for p in (KNOWLEDGE / "procedures").glob("*.yml"))
    assert stems == sorted(PROCEDURE_IDS)


@pytest.mark.parametrize("pid", PROCEDURE_IDS)
def test_each_procedure_has_what_an_answer_needs(kb: KnowledgeBase, pid: str) -> None:
    p = kb.procedures[pid]
    assert p.materials and p.steps and p.eligibility
    promised = p.time_limit.promised_days
    assert promised is None or (isinstance(promised, int) and promised >= 0)
    assert p.online.name.strip() and p.window.name.strip()
    assert p.fee.text.strip()
    assert p.defaults, "every guide has values a city must confirm"


@pytest.mark.parametrize("pid", PROCEDURE_IDS)
def test_texts_are_short_enough_for_a_phone(kb: KnowledgeBase, pid: str) -> None:
    p = kb.procedures[pid]
    assert len(p.summary) <= 120
    assert all(len(line) <= 60 for line in p.eligibility)
    assert all(len(step) <= 60 for step in p.steps)
    assert len(p.materials) <= 10
    assert len(p.steps) <= 8


@pytest.mark.parametrize("pid", PROCEDURE_IDS)
def test_departments_are_canonical_names_of_the_directory(kb: KnowledgeBase, pid: str) -> None:
    names = set(load_departments(KNOWLEDGE).names)
    p = kb.procedures[pid]
    assert p.departments.lead in names
    assert set(p.departments.co) <= names


@pytest.mark.parametrize("pid", PROCEDURE_IDS)
def test_each_procedure_quotes_a_seed_verbatim(kb: KnowledgeBase, pid: str) -> None:
    quoted = 0
    for source in kb.procedures[pid].sources:
        match = SEED_DOC.fullmatch(source.doc)
        if match is None:
            continue
        assert source.quote, f"{pid}: a seed citation needs its quote"
        texts = seed_texts(match.group(1))
        assert texts, f"{pid}: no file for {source.doc}"
        assert any(source.quote in text for text in texts), f"{pid}: {source.quote}"
        quoted += 1
    assert quoted >= 1


def test_company_setup_takes_five_days_as_a_default_and_at_most_one_visit(kb: KnowledgeBase) -> None:
    p = kb.procedures["company_setup"]
    assert p.time_limit.promised_days == 5
    assert p.visits <= 1
    assert "一窗受理" in p.window.name
    seed = next(s for s in p.sources if "22天缩短至5天" in (s.quote or ""))
    # 怀柔 (2018) counted calendar days: the 5 working days are a default, and say so
    assert "自然日" in (seed.note or "") and "自然日" in (p.time_limit.note or "")
    assert p.is_default("time_limit.promised_days") and "visits" not in p.defaults


def test_company_setup_claims_no_social_security_registration(kb: KnowledgeBase) -> None:
    p = kb.procedures["company_setup"]
    text = " ".join([p.summary, *p.steps, *(m.name + (m.notes or "") for m in p.materials)])
    assert "社保" not in text, "no seed puts 社保登记 into 企业开办"
    assert "人力资源和社会保障局" not in p.departments.co


def test_bid_guarantee_is_free_and_accepts_guarantees(kb: KnowledgeBase) -> None:
    p = kb.procedures["bid_guarantee"]
    assert p.fee.amount_yuan == 0
    assert "保函" in p.fee.text
    assert "同等效力" in p.summary and "不得拒绝" in p.summary
    assert any("基本账户开户行" in (m.notes or "") for m in p.materials)
    assert "投标截止时间前" in p.summary


def test_construction_permit_drawing_review_is_free(kb: KnowledgeBase) -> None:
    p = kb.procedures["construction_permit"]
    assert p.fee.amount_yuan == 0
    assert "施工图审查" in p.fee.text
    assert "综合窗口" in p.window.name
    assert any("取消建设单位委托施工图审查" in (s.quote or "") for s in p.sources)


def test_remote_bid_opening_needs_no_visit_and_no_document_fee(kb: KnowledgeBase) -> None:
    p = kb.procedures["remote_bid_opening"]
    assert p.visits == 0 and p.fee.amount_yuan == 0
    assert "工本费" in p.fee.text and "不见面开标大厅" in p.online.name


def test_first_minor_violation_is_generally_not_punished(kb: KnowledgeBase) -> None:
    assert "一般不予行政处罚" in kb.procedures["lenient_enforcement"].summary


def test_assisted_service_is_free(kb: KnowledgeBase) -> None:
    p = kb.procedures["assisted_service"]
    assert p.fee.amount_yuan == 0 and "免费" in p.fee.text
    assert "首席服务员" in p.synonyms


def test_complaint_channels_and_their_clocks(kb: KnowledgeBase) -> None:
    p = kb.procedures["complaint_process"]
    text = " ".join([p.summary, *p.steps, p.time_limit.note or ""])
    for word in ("12345", "办不成事反映窗口", "直通市长", "政企通", "5个工作日", "15个工作日"):
        assert word in text


def test_the_bare_word_zhuxiao_is_ambiguous_not_a_synonym(kb: KnowledgeBase) -> None:
    assert set(kb.ambiguous_terms["注销"]) == {"simple_deregistration", "general_deregistration"}
    assert "注销" not in kb.aliases()


@pytest.mark.parametrize("word", ["注销", "开办", "变更", "许可", "投诉", "12345", "接电", "通气", "通电", "补贴"])
def test_generic_words_are_not_aliases(kb: KnowledgeBase, word: str) -> None:
    assert word not in kb.aliases()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我想开个公司,怎么弄", "company_setup"),
        ("新办企业一窗通办怎么走", "company_setup"),
        ("简易注销要带什么", "simple_deregistration"),
        ("清算注销要公告多久", "general_deregistration"),
        ("核名要多久", "name_declaration"),
        ("改经营范围怎么弄", "business_change"),
        ("换法人要什么材料", "business_change"),
        ("施工许可证在哪办", "construction_permit"),
        ("听说标准地可以拿地即开工", "standard_land"),
        ("用电报装要多久", "utility_connection"),
        ("电子保函能代替投标保证金吗", "bid_guarantee"),
        ("不见面开标怎么参加", "remote_bid_opening"),
        ("有没有免费代办", "assisted_service"),
        ("怎么移出经营异常名录", "credit_repair"),
        ("开诊所要什么材料", "clinic_setup"),
        ("补贴申报在哪里", "enterprise_policy"),
        ("直通市长怎么反映问题", "complaint_process"),
        ("首违不罚怎么认定", "lenient_enforcement"),
    ],
)
def test_what_enterprises_type_finds_the_procedure(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert find_aliases(kb, text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["窗口一直没人接电话", "几个部门之间不通气,事情办不成", "我的手机号是13812345678", "注销要多久"],
)
def test_everyday_sentences_name_no_procedure(kb: KnowledgeBase, text: str) -> None:
    assert find_aliases(kb, text) == []


def test_zhuxiao_question_is_resolved_by_asking(kb: KnowledgeBase) -> None:
    assert kb.ambiguous_terms["注销"] == ("simple_deregistration", "general_deregistration")


def test_city_file_is_a_placeholder_for_the_deploying_city(kb: KnowledgeBase) -> None:
    assert kb.city is not None
    assert kb.city.name == "示例市" and kb.city.hotline == "12345"
    assert kb.city.online_portal.url == "https://zwfw.example.gov.cn"
    assert kb.city.service_hall.name and kb.city.service_hall.address


# --- the operator command -------------------------------------------------------------


def test_check_passes_on_the_real_files(capsys: pytest.CaptureFixture) -> None:
    assert main(["procedures", "check", "--knowledge-dir", str(KNOWLEDGE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len([line for line in lines if line.split()[0] in PROCEDURE_IDS]) == 16
    assert lines[-1].startswith("OK: 16 procedures")


def test_check_fails_on_a_broken_copy(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, broken)
    path = broken / "procedures" / "company_setup.yml"
    text = path.read_text(encoding="utf-8").replace("visits: 1\n", "visits: -1\n")
    path.write_text(text, encoding="utf-8")
    assert main(["procedures", "check", "--knowledge-dir", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "knowledge/procedures/company_setup.yml" in err and "visits" in err


def test_check_json_lists_every_procedure(capsys: pytest.CaptureFixture) -> None:
    assert main(["procedures", "check", "--json", "--knowledge-dir", str(KNOWLEDGE)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["ok"] is True
    assert [row["id"] for row in payload["procedures"]] == list(PROCEDURE_IDS)
    assert payload["procedures"][0]["promised_days"] == 5


def test_check_exit_code_from_a_real_process(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "bot", "procedures", "check", "--knowledge-dir"]
    good = subprocess.run([*command, str(KNOWLEDGE)], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    broken = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, broken)
    (broken / "procedures" / "bid_guarantee.yml").unlink()
    bad = subprocess.run([*command, str(broken)], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "bid_guarantee.yml" in bad.stderr


def test_show_prints_a_readable_guide(capsys: pytest.CaptureFixture) -> None:
    assert main(["procedures", "show", "简易注销", "--knowledge-dir", str(KNOWLEDGE)]) == 0
    out = capsys.readouterr().out
    assert "【企业简易注销】" in out and "材料清单" in out and "《全体投资人承诺书》" in out


def test_show_refuses_an_ambiguous_word(capsys: pytest.CaptureFixture) -> None:
    assert main(["procedures", "show", "注销", "--knowledge-dir", str(KNOWLEDGE)]) == 1
    assert "simple_deregistration" in capsys.readouterr().err


# --- what the seeds say, and what they do not (issue 15) -------------------------------


def test_a_seed_line_about_another_regime_says_so(kb: KnowledgeBase) -> None:
    land = kb.procedures["standard_land"]
    pilot = next(s for s in land.sources if s.doc == "seed 001")
    assert "企業投資項目承諾制" in pilot.quote and "企业投资项目承诺制" in pilot.note
    assert any("标准地+承诺制" in (s.quote or "") for s in land.sources if s.doc == "seed 000")
    policy = kb.procedures["enterprise_policy"]
    example = next(s for s in policy.sources if s.doc == "seed 002" and "大数据" in (s.quote or ""))
    assert "横琴" in example.quote and "举例" in example.note


@pytest.mark.parametrize("pid", ["standard_land", "remote_bid_opening", "lenient_enforcement"])
def test_a_procedure_without_a_promised_limit_is_never_said_to_be_done_on_the_spot(kb: KnowledgeBase,
                                                                                   pid: str) -> None:
    from bot.procedures.answers import Facet, facet_values

    p = kb.procedures[pid]
    assert p.time_limit.promised_days is None
    for facet in Facet:
        values = facet_values(p, facet, kb.city)
        assert "即办" not in "".join(values.values()), facet


@pytest.mark.parametrize(
    "pid, field",
    [("name_declaration", "steps"), ("remote_bid_opening", "fee.amount_yuan"), ("construction_permit", "fee"),
     ("credit_repair", "summary"), ("credit_repair", "steps"), ("credit_repair", "departments.lead"),
     ("credit_repair", "fee"), ("company_setup", "time_limit.promised_days")],
)
def test_values_the_seeds_do_not_give_are_defaults(kb: KnowledgeBase, pid: str, field: str) -> None:
    assert kb.procedures[pid].is_default(field)


def test_no_fee_claim_the_seeds_do_not_make(kb: KnowledgeBase) -> None:
    remote = kb.procedures["remote_bid_opening"]
    assert "CA" in remote.fee.text and not remote.fee.text.startswith("免费")
    permit = kb.procedures["construction_permit"]
    # a default: the answer adds the one note «收费为参考值…» (the text carries none of its own)
    assert not permit.fee.text.startswith("施工许可免费") and permit.is_default("fee")


def test_credit_repair_cites_the_seeds_only_for_what_they_say(kb: KnowledgeBase) -> None:
    repair = kb.procedures["credit_repair"]
    assert all(s.note for s in repair.sources), "each source says how little it supports"


@pytest.mark.parametrize(
    "pid, where",
    [("credit_repair", "online"), ("lenient_enforcement", "window"), ("lenient_enforcement", "online"),
     ("complaint_process", "online")],
)
def test_the_citys_portal_and_hall_are_not_added_to_places_that_are_not_the_citys(kb: KnowledgeBase, pid: str,
                                                                                 where: str) -> None:
    from bot.procedures.answers import Facet, facet_values

    values = facet_values(kb.procedures[pid], Facet.WHERE, kb.city)
    place = getattr(kb.procedures[pid], where)
    assert place.city is False
    assert kb.city.online_portal.url not in values[where] and kb.city.service_hall.address not in values[where]


def test_the_city_fills_in_its_own_places(kb: KnowledgeBase) -> None:
    from bot.procedures.answers import Facet, facet_values

    values = facet_values(kb.procedures["simple_deregistration"], Facet.WHERE, kb.city)
    assert kb.city.online_portal.url in values["online"] and kb.city.service_hall.address in values["window"]


def test_the_note_on_defaults_names_the_values_that_are_defaults(kb: KnowledgeBase) -> None:
    from bot.procedures.answers import Facet, facet_values

    note = facet_values(kb.procedures["company_setup"], Facet.MATERIALS, kb.city)["confirm_note"]
    assert "材料" in note and "办理时限" in note and "以当地窗口公布为准" in note
    assert "收费" not in note
    fee = facet_values(kb.procedures["assisted_service"], Facet.FEE, kb.city)["confirm_note"]
    assert fee == "", "the free assisted service is the seed's word"


def test_the_policy_texts_say_only_what_the_seeds_say() -> None:
    from bot.sla import PolicyId, load_policies

    book = load_policies(KNOWLEDGE / "sla_policies.yml")
    consultation = book[PolicyId.CONSULTATION].user_text
    assert "当天" not in consultation and "第一时间" in consultation
    assert "事实清楚、法律法规依据充分的" in book[PolicyId.BIDDING_COMPLAINT].user_text


def test_complaint_categories_quote_the_seeds_they_cite() -> None:
    import yaml

    data = yaml.safe_load((KNOWLEDGE / "complaint_categories.yml").read_text(encoding="utf-8"))
    sourced = [c for c in data["categories"] if c.get("source")]
    assert {c["id"] for c in sourced} == {"bribery", "buck_passing", "arbitrary_fees", "attitude",
                                          "arbitrary_inspection", "policy_not_honoured"}
    for category in sourced:
        number = SEED_DOC.fullmatch(category["source"]["doc"]).group(1)
        assert any(category["source"]["quote"] in text for text in seed_texts(number)), category["id"]
    unsourced = {c["name"] for c in data["categories"] if not c.get("source")}
    assert unsourced == {"办理拖延"}
    assert not any("办理拖延" in text for n in ("000", "001", "002", "003", "004") for text in seed_texts(n))


def test_check_lists_the_problems_of_every_knowledge_file_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, broken)
    path = broken / "procedures" / "company_setup.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("visits: 1\n", "visits: -1\n"), encoding="utf-8")
    policies = broken / "sla_policies.yml"
    policies.write_text(policies.read_text(encoding="utf-8").replace("working_days: 5", "working_days: five", 1),
                        encoding="utf-8")
    (broken / "holidays" / "2030.yml").write_text("holidays:\n  - {name: 元旦, date: 2031-01-01}\n", encoding="utf-8")
    categories = broken / "complaint_categories.yml"
    categories.write_text(categories.read_text(encoding="utf-8").replace("  - id: delay\n", "  - idx: delay\n"),
                          encoding="utf-8")
    assert main(["procedures", "check", "--json", "--knowledge-dir", str(broken)]) == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    where = {(error["file"], error["field"]) for error in errors}
    assert {
        ("knowledge/procedures/company_setup.yml", "visits"),
        ("knowledge/sla_policies.yml", "policies[1].working_days"),
        ("holidays/2030.yml", "holidays[0].date"),
        ("knowledge/complaint_categories.yml", "categories[2].idx"),
    } <= where
    assert all(error["line"] for error in errors if error["field"])


def test_the_note_on_defaults_names_exactly_the_shown_values_that_are_defaults(kb: KnowledgeBase) -> None:
    """The where part shows the lead department only, and every part shows the visits."""
    from bot.procedures.answers import Facet, facet_values

    change = kb.procedures["business_change"]
    assert change.is_default("departments.co") and not change.has_default_within("departments.lead")
    assert "部门" not in facet_values(change, Facet.WHERE, kb.city)["confirm_note"]
    setup = kb.procedures["company_setup"]
    assert not setup.has_default_within("visits") and "跑动次数" not in facet_values(
        setup, Facet.MATERIALS, kb.city)["confirm_note"]
    for facet in (Facet.OVERVIEW, Facet.MATERIALS):
        note = facet_values(kb.procedures["name_declaration"], facet, kb.city)["confirm_note"]
        assert "跑动次数" in note, f"the {facet} part says 一次不用跑, a default of 企业名称自主申报"


def test_a_promise_longer_than_the_legal_limit_says_why(kb: KnowledgeBase) -> None:
    # found in a live chat: «承诺5个工作日(法定时限3个工作日)» for 企业开办 read as a promise
    # that breaks the law; the legal limit is the licence's registration alone
    for procedure in kb.procedures.values():
        limit = procedure.time_limit
        if limit.promised_days is not None and limit.legal_days is not None and limit.promised_days > limit.legal_days:
            assert limit.note and "法定时限" in limit.note, procedure.id


def test_a_rule_applied_within_an_inspection_is_no_visit_to_make(kb: KnowledgeBase) -> None:
    # found by the newcomer: 柔性执法's answer said «全程网办,一次不用跑», meaningless for a rule
    # applied during an inspection, with nothing to apply for
    from bot.procedures.answers import Facet, facet_values

    p = kb.procedures["lenient_enforcement"]
    assert p.visits is None
    said = facet_values(p, Facet.DURATION, kb.city)["visits"]
    assert "跑" not in said and "网办" not in said
