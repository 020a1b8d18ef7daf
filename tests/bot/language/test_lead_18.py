"""The lead's part of issue 10's eighteenth round, in the reading."""
import pytest


@pytest.mark.parametrize("text, procedure", [
    # my chat on main 7cd9b61: a 12345 agent's caller «在办理营业执照变更时…» got 企业开办's guide and 变更登记's, both in full
    ("办理营业执照变更时 窗口要求的材料和网上公布的不一致 以哪个为准", "business_change"),
    ("来电人说他去办营业执照变更 被要求补了三次材料", "business_change"),
    ("领营业执照注销的表格在哪", None),
    ("办执照迁移要多久", "business_change"),
])
def test_a_licence_to_change_or_close_is_no_new_licence(interpreter, text, procedure):
    recognition = interpreter.read(text, "ask_materials", 0.8).recognition
    assert "company_setup" not in recognition.named
    if procedure:
        assert recognition.procedure == procedure


@pytest.mark.parametrize("text", ["办营业执照要什么材料", "办理营业执照多久能下来", "领营业执照要去哪"])
def test_a_new_licence_is_still_company_setup(interpreter, text):
    assert interpreter.read(text, "ask_materials", 0.8).recognition.procedure == "company_setup"


@pytest.mark.parametrize("text", [
    # «简易注销要钱吗 网上能办不» got the fee, the places and 适用条件 (nobody asked who may)
    "简易注销要钱吗 网上能办不", "简易注销网上能办吗", "变更登记手机上可以办不", "信用修复线上能申请不",
])
def test_done_online_asked_is_no_condition(interpreter, text):
    reading = interpreter.read(text, "ask_eligibility", 0.7)
    assert "ask_eligibility" not in reading.facets
    assert reading.facets


@pytest.mark.parametrize("text", ["个体户能办不", "我们这种小厂可以申请不", "外地人能办吗"])
def test_who_may_is_still_a_condition(interpreter, text):
    assert "ask_eligibility" in interpreter.read(text, "ask_eligibility", 0.7).facets
