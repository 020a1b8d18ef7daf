"""Round nineteen (conv23): «食品经营许可证不在我这里的办事指南里» came under every answer to a message with «开饭店» —
«我是开饭店的 想问下简易注销要带什么» too; «员工健康证去哪办» after 企业开办's answer got its places. Our own wording;
each failed on main (7cd9b61)."""
import pytest

from bot.dialogue.questions import Answer, Memory, Say
from tests.bot.dialogue.test_questions import step


@pytest.mark.parametrize("text, intent, procedure", [
    ("我是开饭店的 想问下简易注销要带什么", "ask_materials", "simple_deregistration"),
    ("我是开面馆的 想问问一般注销要多久", "ask_duration", "general_deregistration"),
])
def test_a_trade_told_beside_another_guide_gets_no_note_on_its_permit(text, intent, procedure):
    decision = step(text, intent, Memory())
    assert isinstance(decision.step, Answer) and decision.step.procedure == procedure
    assert decision.step.missing == ""


@pytest.mark.parametrize("text, intent", [("开饭店要办哪些证", "ask_procedure"),
                                          ("营业执照跟食品证能一块办吗", "ask_eligibility"),
                                          ("想开个小面馆 要办啥手续", "ask_procedure")])
def test_the_permit_asked_still_gets_its_note(text, intent):
    decision = step(text, intent, Memory())
    assert isinstance(decision.step, Answer) and decision.step.missing == "食品经营许可证"


@pytest.mark.parametrize("text", ["员工健康证去哪办", "厨师的健康证在哪里办"])
def test_a_health_certificate_after_a_restaurant_s_opening_is_said_honestly(text):
    decision = step(text, "ask_where", Memory("company_setup", ("ask_procedure",)))
    assert isinstance(decision.step, Say), decision.step
