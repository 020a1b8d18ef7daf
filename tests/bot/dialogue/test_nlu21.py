"""Round eighteen (nlu21): a yes or no is led by the guide's own line on what was asked, or by its saying nothing of
it — never a yes invented; a fee the guide's fee line does not name is never «不收费». Sentences of our own
(tests/conversations/nlu21.yml's); each got the facet's list alone, or «不收费», on main."""
from pathlib import Path

import pytest
import yaml

from bot.dialogue.yes_no import verdict
from bot.procedures.loader import load_knowledge

ROOT = Path(__file__).resolve().parents[3]
KB = load_knowledge(ROOT / "knowledge")
RESPONSES = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]


def _said(text: str, procedure: str) -> tuple[str, str]:
    found = verdict(text, KB.get(procedure))
    assert found is not None, text
    return found.response, RESPONSES[found.response][0]["text"].format_map(dict(found.values))


@pytest.mark.parametrize("text, procedure, line", [
    ("水和气能一块儿报装不", "utility_connection", "可一次填报、联合办理"),
    ("接水接电能同时办吗", "utility_connection", "可一次填报、联合办理"),
    ("保证金能不能用保函代替", "bid_guarantee", "与现金具有同等效力"),
])
def test_a_yes_or_no_a_guides_line_answers_is_led_by_that_line(text, procedure, line):
    response, said = _said(text, procedure)
    assert response == "utter_verdict_guide_line" and line in said and KB.get(procedure).name in said


@pytest.mark.parametrize("text, procedure", [
    ("开公司是不是必须法人本人去", "company_setup"),
    ("外地人能在这注册公司吗", "company_setup"),
])
def test_a_yes_or_no_no_line_answers_is_said_not_given(text, procedure):
    response, said = _said(text, procedure)
    assert response == "utter_verdict_unstated" and "没有写" in said
    assert "可以" not in said.split("指南写的是")[0].replace("能不能", "")  # no yes invented


@pytest.mark.parametrize("text, procedure, thing", [
    ("营业执照办下来以后 公章要自己去刻吗 要钱不", "company_setup", "公章刻制"),
    ("公司改名以后要重新刻章 刻章收费吗", "business_change", "公章刻制"),
    ("税盘要钱吗", "company_setup", "税控设备"),
])
def test_a_fee_the_guides_fee_line_does_not_name_is_not_said_free(text, procedure, thing):
    response, said = _said(text, procedure)
    assert response == "utter_verdict_fee_unstated" and thing in said and KB.get(procedure).fee.text in said
    assert "不收费" not in said


def test_every_guides_fee_is_checked_for_a_thing_it_does_not_name():
    """Each guide, asked the fee of a seal's carving or an audit: «不收费» only where its fee line names it."""
    for procedure in KB.procedures.values():
        for asked in ("刻章要钱吗", "审计要收钱吗", "公证要钱不"):
            found = verdict(asked, procedure)
            assert found is None or found.response != "utter_verdict_free", (procedure.id, asked)


def test_online_asked_of_a_guide_of_one_visit_gives_its_online_entry():
    response, said = _said("开诊所的手续网上能办吗 不想跑", "clinic_setup")
    assert response == "utter_verdict_online_apply" and KB.get("clinic_setup").online.name in said
    assert "最多跑一次" in said


@pytest.mark.parametrize("text, procedure", [
    ("要去现场吗", "company_setup"),  # no word of online: the fact alone, as before
    ("能不能告诉我一起要带啥", "company_setup"),  # a what-question with a yes-or-no word
    ("开公司要带啥材料", "company_setup"),  # no yes or no
])
def test_nothing_is_pretended_where_nothing_is_asked_yes_or_no(text, procedure):
    assert verdict(text, KB.get(procedure)) is None


def test_a_fee_the_guide_names_is_still_free():
    assert _said("要钱不", "simple_deregistration")[0] == "utter_verdict_free"
