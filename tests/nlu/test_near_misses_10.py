"""Issue 10's tenth round: near misses found live, in sentences of our own (nlu13)."""
import pytest

from tests.nlu.reading import CHANGE, CREDIT, procedures_named


@pytest.mark.parametrize("text", ["改个地质", "公司地质要变更", "注册地质换了怎么办"])
def test_a_noun_of_the_same_syllables_typed_for_a_cues_noun_is_that_noun_where_the_cue_is_said(interpreter, text):
    """地质 is what the input method offers first for di zhi: where the change is said, it is 地址."""
    assert procedures_named(interpreter, text) == CHANGE


@pytest.mark.parametrize("text", ["地质勘察报告要交吗", "地质灾害评估在哪办", "我是学地质的 想开个公司"])
def test_the_noun_said_for_itself_stays_itself(interpreter, text):
    assert "business_change" not in procedures_named(interpreter, text)


@pytest.mark.parametrize("text", ["年报逾期了咋办", "企业年报晚了 咋处理", "去年年报迟了 现在怎么弄"])
def test_an_annual_report_filed_late_is_mended_by_the_credit_repair_guide(interpreter, text):
    """Filing it late puts the firm on the abnormal list; the guide's conditions are filing it and
    being taken off (补报年报)."""
    assert procedures_named(interpreter, text) == CREDIT


def test_filing_the_annual_report_itself_names_no_guide(interpreter):
    assert procedures_named(interpreter, "年报在哪报") == ()
