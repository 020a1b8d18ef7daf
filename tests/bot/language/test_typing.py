"""How people type: English words and pinyin initials mixed in, wrong characters of the same
sound, cue words that rule a match out, and questions about how a rule works."""
from pathlib import Path

import pytest

from bot.knowledge.cues import Cue, CueError
from bot.knowledge.errors import KnowledgeError
from bot.language.lexicon import load_lexicon
from bot.language.procedures import ProcedureRecognizer
from bot.language.words import WordMap

BOTH = ("simple_deregistration", "general_deregistration")
DATA = Path(__file__).resolve().parents[3] / "data" / "nlu"


# — English words and pinyin initials

@pytest.mark.parametrize("text, named, facets", [
    ("yyzz怎么办", ("company_setup",), ("ask_procedure",)),
    ("办个yyzz要几天", ("company_setup",), ("ask_duration",)),
    ("jyzx要带什么", ("simple_deregistration",), ("ask_materials",)),
    ("Clinic 开办要交啥 documents", ("clinic_setup",), ("ask_materials",)),
    ("想开个shop 去哪里办license", ("company_setup",), ("ask_where",)),
])
def test_latin_words_are_read_as_the_chinese_they_stand_for(interpreter, text, named, facets):
    reading = interpreter.read(text, None)
    assert reading.recognition.named == named
    assert reading.facets[:1] == facets


def test_a_procedure_found_through_a_latin_word_points_at_what_was_typed(interpreter):
    mention = interpreter.read("请问办yyzz要多久", None).recognition.mentions[0]
    assert (mention.start, mention.end, mention.words) == (2, 7, "办yyzz")
    ambiguity = interpreter.read("company注销要多久", None).recognition.ambiguity
    assert ambiguity.procedures == BOTH
    assert (ambiguity.start, ambiguity.end, ambiguity.words) == (0, 9, "company注销")


@pytest.mark.parametrize("text, facet", [
    ("online能办吗", "ask_where"),
    ("要带啥documents", "ask_materials"),
    ("注销 how long", "ask_duration"),
    ("有没有 fee", "ask_fee"),
])
def test_latin_words_say_the_facet(interpreter, text, facet):
    assert facet in interpreter.read(text, None).facets


def test_only_whole_latin_words_are_read():
    words = WordMap({"fee": "费用", "yyzz": "营业执照", "how long": "多久"})
    assert words.spell("feedback怎么给").text == "feedback怎么给"
    assert words.spell("YYZZ呢").text == "营业执照呢"
    assert words.spell("how  long?").text == "多久?"
    spelled = words.spell("办yyzz")
    assert spelled.span(1, 5) == (1, 5) and spelled.span(0, 2) == (0, 5)


def test_a_verb_said_split_around_ge_is_read_whole():
    words = WordMap({"fee": "费用"})
    assert words.spell("我要投个诉").text == "我要投诉"
    assert words.spell("想举个报 fee多少").text == "想举报 费用多少"
    assert words.spell("先登一下记").text == "先登记"
    spelled = words.spell("注个册公司")
    assert spelled.text == "注册公司" and spelled.span(0, 2) == (0, 3) and spelled.span(2, 4) == (3, 5)
    # not every 投/注 + 个 + character is a verb
    assert words.spell("投个标 注个意").text == "投个标 注个意"


def test_a_procedure_said_with_a_split_verb_is_found(interpreter):
    assert interpreter.read("注个册公司要多久", None).recognition.named == ("company_setup",)
    assert interpreter.read("公司想注个销 咋弄", None).recognition.ambiguity.procedures == BOTH


def test_small_talk_in_english_is_left_to_the_classifier(lexicon):
    for text in ("hi", "ok", "thank you", "bye", "help", "what can you do", "are you a bot?"):
        assert lexicon.spell(text).text == text


def test_a_bad_word_map_fails_the_load_with_the_file_and_the_word(tmp_path):
    knowledge = Path(__file__).resolve().parents[3] / "knowledge"
    (tmp_path / "language").mkdir()
    for path in (knowledge / "language").glob("*.yml"):
        (tmp_path / "language" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "language" / "words.yml").write_text("Company: 公司\nonline: online\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as failure:
        load_lexicon(tmp_path)
    message = str(failure.value)
    assert "words.yml" in message and "Company" in message and "online" in message


# — wrong characters of the same sound, on words that point at a procedure

@pytest.mark.parametrize("text, named", [
    ("营业只照要什么材料", ("company_setup",)),
    ("营业执找要带啥", ("company_setup",)),
    ("营业执找多久下来", ("company_setup",)),
    ("营业只照怎么在手机上申请", ("company_setup",)),
    ("诊所备按要多久", ("clinic_setup",)),
    ("开镖要去现场吗", ("remote_bid_opening",)),
    ("不见面开镖咋参加", ("remote_bid_opening",)),
    ("投标保正金能退吗", ("bid_guarantee",)),
    ("发人换了咋变更", ("business_change",)),
    # a long name is not held back by a word its last character makes with the next (消掉)
    ("厂子一直没开业 想简易注消掉 带啥材料", ("simple_deregistration",)),
])
def test_words_that_point_at_a_procedure_are_found_by_their_sound(interpreter, text, named):
    assert interpreter.read(text, None).recognition.named == named


@pytest.mark.parametrize("text, choices", [
    ("注消要多久", BOTH), ("公司注消要啥材料", BOTH),
    # the licence's business, new or changed, is asked about, whatever facet is asked
    ("执照上的事 要带啥材料", ("company_setup", "business_change")),
])
def test_an_ambiguous_word_typed_by_sound_is_still_asked_about(interpreter, text, choices):
    assert interpreter.read(text, None).recognition.choices == choices


@pytest.mark.parametrize("text, kept", [
    # a word of its own as typed is what was meant
    ("我想住校", "我想住校"),
    ("简易注销公示要不要付费", "简易注销公示要不要付费"),
    ("开标能不能坐在办公室里参加", "开标能不能坐在办公室里参加"),
    ("没有任何通知就让我们停产", "没有任何通知就让我们停产"),
    ("上班时间来不及", "上班时间来不及"),
    ("这个是免费办理的吧", "这个是免费办理的吧"),
])
def test_words_of_their_own_are_never_read_as_typos(interpreter, text, kept):
    assert interpreter.recognizer.spell(text)[0] == kept


def _annotated_lines():
    from rasa.shared.nlu.training_data.loading import load_data

    for example in load_data(str(DATA)).intent_examples:
        procedures = {e["value"] for e in example.get("entities") or () if e["entity"] == "procedure"}
        yield example.get("text"), procedures


def test_reading_by_sound_names_no_procedure_the_training_data_does_not(kb, lexicon, interpreter):
    """The false positives of reading by sound, measured on the training data (2,100 lines
    written by people): every procedure it adds to a line is the one the line is annotated
    with (about a dozen lines have such typos: 简意注销, 办执招)."""
    plain = interpreter.recognizer
    literal = ProcedureRecognizer(plain.procedures, plain.ambiguous_words, plain.ambiguous_cues, by_sound=False)
    added = 0
    for text, annotated in _annotated_lines():
        said = lexicon.spell(text).text
        extra = set(plain.recognise(said).named) - set(literal.recognise(said).named)
        assert extra <= annotated, text
        added += bool(extra)
    assert added >= 5


# — cue words that rule a match out

@pytest.mark.parametrize("pattern, text, found", [
    ("帮我 + 办一下 + !催办|催一下", "帮我催办一下", None),
    ("帮我 + 办一下 + !催办|催一下", "帮我办一下", (0, 5)),
    ("执照 + 咋弄 + !法人|变更", "换了个老板当法人 执照咋弄", None),
    ("执照 + 咋弄 + !法人|变更", "执照咋弄", (0, 4)),
    # «!!!» is a word like any other (anger), not a rule
    ("!!!|???", "什么破系统!!!", (5, 8)),
])
def test_a_cue_group_written_with_an_exclamation_mark_rules_the_match_out(pattern, text, found):
    assert Cue.parse(pattern).find(text) == found


@pytest.mark.parametrize("pattern", ["!催办", "!催办 + !催一下", "帮我 + !催办|"])
def test_a_cue_that_only_rules_out_is_refused(pattern):
    with pytest.raises(CueError):
        Cue.parse(pattern)


@pytest.mark.parametrize("text, absent", [
    ("帮我催办一下", "assisted_service"),
    ("帮我把这个办理了", "assisted_service"),
    ("麻烦帮我催一下办理进度", "assisted_service"),
    ("换了个老板当法人 执照咋弄", "company_setup"),
    ("股东退出了 营业执照咋办", "company_setup"),
])
def test_words_that_rule_a_procedure_out(interpreter, text, absent):
    assert absent not in interpreter.read(text, "check_status", 0.8).recognition.named


@pytest.mark.parametrize("text", ["营业执照要什么材料", "营业执照能在网上申请吗", "营业执照多久能领取"])
def test_a_licence_asked_about_with_nothing_to_change_is_a_new_one(interpreter, text):
    assert interpreter.read(text, None).recognition.named == ("company_setup",)


def test_a_change_of_the_legal_person_is_a_change_not_a_new_licence(interpreter):
    assert interpreter.read("换了个老板当法人 执照上要改吗", None).recognition.named == ("business_change",)
    assert interpreter.read("有人能帮我办一下网上申报吗", None).recognition.named == ("assisted_service",)


# — questions about how a rule works are questions, not tickets

@pytest.mark.parametrize("text, intent, chosen", [
    ("几个部门互相推 有没有啥机制让他们一起商量", "complain", "ask_procedure"),
    ("几个部门之间扯皮 有什么制度让他们一起商量解决", "complain", "ask_procedure"),
    # a rule named outright (机制, 制度, 规定) is asked about, even where no clause is found
    ("部门之间扯皮的话 有什么制度能让他们坐到一起", "complain", "ask_procedure"),
    ("投诉了 多久决定受不受理", "check_status", "ask_duration"),
    ("反映问题以后一般几个工作日能有答复", "urge", "ask_duration"),
    # one's own case, or something asked to be done: the ticket stays
    ("我上周投诉的 到底受不受理", "check_status", "check_status"),
    ("我的投诉一般多久处理 都十天了", "check_status", "check_status"),
    ("几个部门互相推 帮我协调一下吧", "complain", "complain"),
    ("窗口一直推诿 有没有规定管管", "complain", "complain"),
    # how many departments is no complaint's rhetoric; how often or how long one ran is
    ("办个环评要过好几个部门 谁都不拍板 有没有什么制度让他们一起审", "complain", "ask_procedure"),
    ("跑了好几趟都没办成 有没有什么规定管管", "complain", "complain"),
    ("好几天了还没人理 有没有什么机制", "complain", "complain"),
])
def test_a_question_about_a_rule_is_no_ticket_unless_a_case_of_ones_own_is_told(reader_with_texts, text, intent,
                                                                                chosen):
    assert reader_with_texts.read(text, intent, 0.98).intent == chosen


@pytest.mark.parametrize("typed, normal", [("不收费把", "不收费吧"), ("要带原件把?", "要带原件吧?"),
                                           ("好的把 ", "好的吧 "),
                                           # 把 ending a clause after a measure or a pointer is the word itself
                                           ("先拿一把", "先拿一把"), ("就这把", "就这把"),
                                           ("把材料交了", "把材料交了")])
def test_a_clause_ending_in_ba_typed_as_the_wrong_character_is_read_as_the_particle(typed, normal):
    from bot.language.normalize import normalize

    assert normalize(typed) == normal


@pytest.mark.parametrize("text, intent, expected", [
    # found live: «zai na ban» after 信用修复's time limit got the greeting
    ("zai na ban", "greet", "ask_where"), ("yao duo jiu?", "nlu_fallback", "ask_duration"),
    ("jianyi zhuxiao yao sha cailiao", "out_of_scope", "ask_materials"),
    # English small talk reads as no words of ours: the classifier's
    ("hello", "greet", "greet"), ("ok thanks", "thank", "thank"),
])
def test_a_line_typed_in_pinyin_alone_asks_what_its_words_ask(interpreter, text, intent, expected):
    assert interpreter.read(text, intent, 0.6).intent == expected
