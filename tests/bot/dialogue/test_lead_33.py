"""The lead's part of issue 10's thirty-third round, in the dialogue: yes-or-no questions a guide's line decides
that got the whole list (left last round), in our own wording, each failing on main."""
import pytest

from bot.dialogue.yes_no import verdict
from tests.bot.dialogue.test_conv18 import KB


def _said(procedure, text):
    found = verdict(text, KB.get(procedure), KB)
    return (found.response, dict(found.values)) if found is not None else (None, {})


@pytest.mark.parametrize("procedure, text, line", [
    # a thing lacked: the guide's line that names it (a material's note often answers: 承诺书, 系统推送, 免提交)
    ("clinic_setup", "开诊所 没有执业医师证能开吗", "执业证书"),
    ("general_deregistration", "清税证明还没拿到 能先申请一般注销吗", "清税文书"),
    ("company_setup", "没有租房合同能注册公司吗", "承诺书"),
    ("construction_permit", "施工图审查合格书没有的话能办施工许可吗", "系统推送"),
    ("utility_connection", "没有产权证 能报装用电吗", "租赁合同"),
])
def test_a_thing_lacked_is_answered_by_the_line_that_names_it(procedure, text, line):
    response, values = _said(procedure, text)
    assert response == "utter_verdict_lacking" and line in values["lines"], values


def test_any_one_of_a_kind_is_answered_by_the_line_that_limits_it():
    # «保函哪个银行开都可以吗» got the guide's places; the material's note says 基本账户开户行
    response, values = _said("bid_guarantee", "投标保函随便哪家银行开的都行吗")
    assert response == "utter_verdict_not_any" and "基本账户开户行" in values["line"] and values["thing"] == "银行"


def test_a_kind_of_applicant_the_guide_does_not_name_is_said_unstated():
    # the conditions list alone read as a yes («…的企业»)
    assert _said("simple_deregistration", "个体户能申请简易注销吗")[0] == "utter_verdict_unstated"


def test_a_kind_of_applicant_told_apart_from_the_question_is_answered_by_the_line_on_applicants():
    response, values = _said("company_setup", "我们是分公司 能不能按这个流程开办")
    assert response == "utter_verdict_guide_line" and "个人独资企业" in values["line"]


@pytest.mark.parametrize("procedure, text", [
    ("simple_deregistration", "简易注销要啥材料"),
    ("company_setup", "没问题的话能当天拿照吗"),
    ("simple_deregistration", "没有这个东西能办吗"),
])
def test_no_thing_lacked_is_read_where_none_is(procedure, text):
    assert _said(procedure, text)[0] not in ("utter_verdict_lacking", "utter_verdict_not_any")
