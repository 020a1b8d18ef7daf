"""What a decision becomes in a region: nothing of a mechanism the region does not have."""
from pathlib import Path

import pytest

from bot.conversation.region import Unavailable, in_region, regional_knowledge
from bot.dialogue.questions import Answer, AskWhich, Decision, Memory
from bot.procedures.loader import load_knowledge
from bot.procedures.model import PROCEDURE_IDS
from bot.regions import load_regions
from bot.regions.mechanisms import PROCEDURE_MECHANISM

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"
KB = load_knowledge(KNOWLEDGE)
REGIONS = load_regions(KNOWLEDGE)


@pytest.fixture(scope="module")
def xinxiang():
    return regional_knowledge(REGIONS["xinxiang_gaoxin"], KB)


def test_every_mechanisms_procedure_is_a_procedure():
    assert set(PROCEDURE_MECHANISM) <= set(PROCEDURE_IDS)
    assert PROCEDURE_MECHANISM["lenient_enforcement"] == "lenient_enforcement"


def test_a_region_without_the_mechanism_lists_its_procedures_as_absent(xinxiang):
    assert dict(xinxiang.absent) == {"assisted_service": "帮办代办", "lenient_enforcement": "柔性执法"}
    assert not xinxiang.offers_help
    example = regional_knowledge(REGIONS["example"], KB)
    assert example.absent == {} and example.offers_help and example.kb.city == KB.city


def test_the_regions_overrides_replace_the_shared_procedure():
    huairou = regional_knowledge(REGIONS["beijing_huairou"], KB)
    assert huairou.kb.get("company_setup") is REGIONS["beijing_huairou"].procedures["company_setup"]
    assert huairou.kb.get("credit_repair") is KB.get("credit_repair")
    assert huairou.kb.city.name == "怀柔区"


def test_choices_lose_the_absent_procedures_and_none_left_is_declined(xinxiang):
    asked = Decision(AskWhich(("lenient_enforcement", "credit_repair"), ("ask_procedure",)),
                     Memory(choices=("lenient_enforcement", "credit_repair")))
    step, memory = in_region(asked, xinxiang)
    assert step == AskWhich(("credit_repair",), ("ask_procedure",)) and memory.choices == ("credit_repair",)
    only = Decision(AskWhich(("assisted_service",), ()), Memory(choices=("assisted_service",)))
    step, memory = in_region(only, xinxiang)
    assert step == Unavailable("assisted_service", "帮办代办") and memory.choices == ()


def test_an_answer_elsewhere_offers_no_assisted_service(xinxiang):
    answered = Decision(Answer("credit_repair", ()), Memory(procedure="credit_repair", help_offered=True))
    step, memory = in_region(answered, xinxiang)
    assert step == Answer("credit_repair", ()) and memory.procedure == "credit_repair" and not memory.help_offered


#: The shipped regions' own names: an answer in one region names no other.
REGION_NAMES = {"beijing_huairou": "怀柔", "suqian": "宿迁", "xinxiang_gaoxin": "新乡"}


@pytest.mark.parametrize("region", sorted(REGIONS.ids))
def test_no_answer_in_a_region_names_another_regions_rule(region):
    # found in a live chat: 示例市's answer on how long 企业开办 takes said
    # «北京市怀柔区2018年起新办企业由22天缩短至5天», a note of the shared guide
    import yaml

    from bot.procedures.answers import Facet, answer_values

    domain = yaml.safe_load((KNOWLEDGE.parent / "domain.yml").read_text(encoding="utf-8"))
    templates = {name: variants[0]["text"] for name, variants in domain["responses"].items()}
    knowledge = regional_knowledge(REGIONS[region], KB)
    own = {region, *(r.id for r in REGIONS.ancestors(region))}
    others = [name for rid, name in REGION_NAMES.items() if rid not in own]
    for procedure in knowledge.kb.procedures.values():
        body = answer_values(templates, procedure, list(Facet), knowledge.kb.city)["body"]
        assert not [name for name in others if name in body], (region, procedure.id)
