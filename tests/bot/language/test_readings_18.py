"""Issue 10 round fifteen (nlu18): rule questions in a complainer's words, and urges with a date demanded
but no 催. Sentences of our own (tests/nlu/own_sentences_18.py's tuned half); the classifier's guesses are
those main's model gave them. Each «failed on main» line was read as written on main."""
import pytest


@pytest.mark.parametrize("text, classified, confidence", [
    # who decides between offices, with the grievance first (vents) and no clause the search is sure of
    ("城管和市场监管互相踢皮球 这种事最后谁说了算", "complain", 0.9),  # failed on main
    # an inspector's duty, asked as an obligation
    ("来执法的连证件都不亮 他们不是必须出示执法证吗", "complain", 0.89),  # failed on main
    # the rule named by «按文件», who leads asked
    ("两个局都说不归他们管 按文件应该哪个部门牵头", "complain", 0.57),  # failed on main
    ("这帮人天天来查 按规矩检查是不是得有上级批的文件啊", "complain", 0.9),
])
def test_a_rule_asked_with_a_grievance_is_a_question(reader_with_texts, text, classified, confidence):
    reading = reader_with_texts.read(text, classified, confidence)
    assert reading.intent == "ask_procedure", (reading.intent, reading.reason)


@pytest.mark.parametrize("text", [
    "这事到底谁管啊 推来推去的",  # who is responsible, not who decides: a complaint
    "执法的来查好几回了 我要投诉",  # filed in so many words
    "他们不出示证件就进来查 我要投诉他们",  # the duty told, a complaint filed
])
def test_a_grievance_filed_stays_a_complaint(reader_with_texts, text):
    assert reader_with_texts.read(text, "complain", 0.9).intent == "complain"


@pytest.mark.parametrize("text, classified, confidence", [
    ("月底之前必须给我把电通上", "out_of_scope", 0.42),  # failed on main: no hurrying word, nothing asked
    ("能不能快点 下周三前一定要拿到执照", "suggest", 0.5),  # failed on main: read as a procedure question
    ("15号之前务必把水接好 等着开工", "suggest", 0.5),  # failed on main
    ("能不能加急 月底前必须通气", "suggest", 0.3),  # failed on main: a facet of a procedure, guessed
])
def test_a_date_demanded_is_an_urge(interpreter, text, classified, confidence):
    reading = interpreter.read(text, classified, confidence)
    assert reading.intent == "urge", (reading.intent, reading.reason)


@pytest.mark.parametrize("text, classified, intent", [
    ("接电多久 月底前必须通电", "ask_duration", "ask_duration"),  # how long asked, the date told beside it
    ("要是月底前必须通气 能加急吗", "ask_duration", "ask_duration"),  # supposed
    ("月底前能办好吗", "ask_duration", "ask_duration"),  # a date asked, not demanded
    ("建议月底前必须办完", "suggest", "suggest"),  # a proposal opened as one
])
def test_a_date_asked_or_supposed_is_no_urge(interpreter, text, classified, intent):
    assert interpreter.read(text, classified, 0.6).intent == intent
