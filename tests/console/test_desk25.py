"""The call assist reads a phone number said in words as the chat does (the newcomer of round nineteen)."""
import pytest

from tests.console.test_assist_reads_as_the_chat import assist_view, parse_result


@pytest.mark.parametrize("text, number", [
    ("来电人说营业执照变更一直办不下来 他电话是幺三八一二三四五六七八", "13812345678"),
    ("企业反映窗口让他来回跑 留的手机一八六五二七九三三零五", "18652793305"),
    ("回电号码 一八六 五二七九 三三零五 说是报装拖了两个月", "18652793305"),
    ("投诉人手机1三9三7三0八8六6 反映执法检查太频繁", "13937308866"),
])
def test_a_phone_said_in_words_is_prefilled(text, number):
    assert assist_view(parse_result(text, "complain"))["prefill"]["phone"] == number


def test_a_phone_typed_in_digits_is_still_prefilled_and_no_number_is_made_up():
    assert assist_view(parse_result("电话13912345678 报装拖了", "complain"))["prefill"]["phone"] == "13912345678"
    assert assist_view(parse_result("来电人说三四个人跑了一二趟", "complain"))["prefill"]["phone"] == ""
