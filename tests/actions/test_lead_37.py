"""The lead's part of issue 10's thirty-seventh round, in the actions: what the tester on main and my chats showed
(our own wording, each failing on main)."""

from tests.actions.test_lead_32 import validate_in
from tests.actions.test_lead_34 import WINDOW


def test_a_name_told_with_a_skip_is_the_name():
    # the tester on main: «德胜塑料制品有限公司 跳过 刘总 159…» at the enterprise's name filed 企业:未提供
    typed = "远航物流有限公司 跳过 钱经理 13712345678"
    result, _ = validate_in({**WINDOW, "company_name": None}, "company_name", typed)
    assert result["company_name"] == "远航物流有限公司"


def test_a_skip_alone_is_still_no_name():
    result, _ = validate_in({**WINDOW, "company_name": None}, "company_name", "跳过")
    assert result["company_name"] == "未提供"


def test_a_go_ahead_at_the_code_skips_it():
    # the thirty-eighth set (our wording): «嗯 交上去吧», «对 提交吧 谢谢» at the credit code's question got a code's
    # format error (the user had given everything else)
    for typed in ("行 交上去吧", "好 提交吧 谢谢"):
        result, said = validate_in(WINDOW, "credit_code", typed)
        assert result["credit_code"] == "未提供"
        assert [m["response"] for m in said] == ["utter_credit_code_skipped"]
